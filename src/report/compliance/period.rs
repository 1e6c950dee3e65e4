//! The reporting period: a month, a quarter or a range of local dates.
//!
//! Kept on its own so that it can become the crate's shared period (for compliance and
//! quotas) without touching the rest of the report.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// What a [`Period`] was written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum PeriodForm {
    Month,
    Quarter,
    Range,
}

/// A reporting period: a half-open range `[from, to)` of local dates.
///
/// Written (and serialized) as a calendar month `2026-11`, a quarter `2026-Q4`, or any range
/// `2026-11-01..2026-12-01` (the end is exclusive). Incidents are attributed by the local date
/// of their report in their contract's zone (see the [guide](crate::guide::compliance)).
///
/// ```
/// use slacalc::report::Period;
///
/// let q4: Period = "2026-Q4".parse()?;
/// assert_eq!(q4.from().to_string(), "2026-10-01");
/// assert_eq!(q4.to().to_string(), "2027-01-01");
/// assert_eq!(q4.to_string(), "2026-Q4");
/// let nov = Period::month(2026, 11)?;
/// assert_eq!(nov, "2026-11".parse()?);
/// assert!("2026-13".parse::<Period>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
    form: PeriodForm,
}

const PERIOD_FORMS: &str = "a month YYYY-MM, a quarter YYYY-Qn or a range YYYY-MM-DD..YYYY-MM-DD";

fn bad_period(value: impl Into<String>, expected: &str) -> Error {
    Error::InvalidValue {
        path: "period".into(),
        value: value.into(),
        expected: expected.into(),
    }
}

fn first_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The first day of the month `months` months after `year-month`.
fn months_later(year: i32, month: u32, months: u32) -> Option<NaiveDate> {
    let index = i64::from(year)
        .checked_mul(12)?
        .checked_add(i64::from(month))?
        .checked_sub(1)?
        .checked_add(i64::from(months))?;
    let y = i32::try_from(index.div_euclid(12)).ok()?;
    let m = u32::try_from(index.rem_euclid(12)).ok()?.checked_add(1)?;
    first_of_month(y, m)
}

impl Period {
    /// The calendar month `month` (1–12) of `year`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a month outside 1–12 or a year chrono cannot represent.
    pub fn month(year: i32, month: u32) -> Result<Period, Error> {
        let bad = || bad_period(format!("{year}-{month:02}"), "a month from 1 to 12");
        let from = first_of_month(year, month).ok_or_else(bad)?;
        let to = months_later(year, month, 1).ok_or_else(bad)?;
        Ok(Period {
            from,
            to,
            form: PeriodForm::Month,
        })
    }

    /// The quarter `quarter` (1–4) of `year`: Q1 is January to March.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a quarter outside 1–4 or a year chrono cannot represent.
    pub fn quarter(year: i32, quarter: u32) -> Result<Period, Error> {
        let bad = || bad_period(format!("{year}-Q{quarter}"), "a quarter from 1 to 4");
        if !(1..=4).contains(&quarter) {
            return Err(bad());
        }
        let month = quarter
            .checked_sub(1)
            .and_then(|q| q.checked_mul(3))
            .and_then(|m| m.checked_add(1))
            .ok_or_else(bad)?;
        let from = first_of_month(year, month).ok_or_else(bad)?;
        let to = months_later(year, month, 3).ok_or_else(bad)?;
        Ok(Period {
            from,
            to,
            form: PeriodForm::Quarter,
        })
    }

    /// The local dates `[from, to)`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] unless `from < to`.
    pub fn range(from: NaiveDate, to: NaiveDate) -> Result<Period, Error> {
        if from >= to {
            return Err(bad_period(
                format!("{from}..{to}"),
                "a range whose end (exclusive) is after its start",
            ));
        }
        Ok(Period {
            from,
            to,
            form: PeriodForm::Range,
        })
    }

    /// The first local date of the period.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// The first local date after the period (exclusive end).
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// Whether the local date `date` lies in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date < self.to
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.form {
            PeriodForm::Month => write!(f, "{}-{:02}", self.from.year(), self.from.month()),
            PeriodForm::Quarter => write!(
                f,
                "{}-Q{}",
                self.from.year(),
                self.from.month().saturating_add(2) / 3
            ),
            PeriodForm::Range => write!(f, "{}..{}", self.from, self.to),
        }
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(s: &str) -> Result<Period, Error> {
        let bad = || bad_period(s, PERIOD_FORMS);
        if let Some((from, to)) = s.split_once("..") {
            let date = |d: &str| crate::time::parse_date("", d).map_err(|_| bad());
            return Period::range(date(from)?, date(to)?);
        }
        let (year, rest) = s.split_once('-').ok_or_else(bad)?;
        let year: i32 = parse_digits(year).ok_or_else(bad)?;
        if let Some(q) = rest.strip_prefix('Q') {
            let q: u32 = parse_digits(q).ok_or_else(bad)?;
            return Period::quarter(year, q);
        }
        if rest.len() != 2 {
            return Err(bad());
        }
        let month: u32 = parse_digits(rest).ok_or_else(bad)?;
        Period::month(year, month)
    }
}

/// Parses ASCII digits only (no sign, no spaces).
fn parse_digits<T: FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl TryFrom<String> for Period {
    type Error = Error;

    fn try_from(s: String) -> Result<Period, Error> {
        s.parse()
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}
