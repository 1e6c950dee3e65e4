//! Periods of local dates: a calendar month, quarter or year, or any range of dates
//! ([`Period`]), and the calendar units a period can be ([`PeriodUnit`]).
//!
//! Case quotas count cases per [`PeriodUnit`] and report the [`Period`] a day falls in; the
//! same `Period` is the form a reporting period is written in (`2026-11`, `2026-Q4`, `2026`,
//! `2026-11-01..2026-12-01`).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::parse_date;
use crate::error::Error;

/// A calendar unit a period can be: a month, a quarter or a year, aligned to the calendar (a
/// quarter is January–March, April–June, July–September or October–December). Configuration
/// writes `"month"`, `"quarter"` or `"year"`.
///
/// ```
/// use chrono::NaiveDate;
/// use slacalc::time::{Period, PeriodUnit};
///
/// let may = NaiveDate::from_ymd_opt(2024, 5, 17).ok_or("bad date")?;
/// let q2 = PeriodUnit::Quarter.containing(may)?;
/// assert_eq!(q2, Period::quarter(2024, 2)?);
/// assert_eq!(q2.to_string(), "2024-Q2");
/// assert_eq!((q2.from().to_string(), q2.to().to_string()), ("2024-04-01".into(), "2024-07-01".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PeriodUnit {
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
}

impl PeriodUnit {
    /// The period of this unit that contains `date`.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the next period would start after the last date chrono can
    /// represent.
    pub fn containing(self, date: NaiveDate) -> Result<Period, Error> {
        let out = || crate::error::out_of_range("PeriodUnit::containing", date);
        let (year, month) = (date.year(), date.month());
        let (first_month, months, form) = match self {
            PeriodUnit::Month => (month, 1, PeriodForm::Month),
            PeriodUnit::Quarter => ((month - 1) / 3 * 3 + 1, 3, PeriodForm::Quarter),
            PeriodUnit::Year => (1, 12, PeriodForm::Year),
        };
        let from = first_of_month(year, first_month).ok_or_else(out)?;
        let to = months_later(year, first_month, months).ok_or_else(out)?;
        Ok(Period { from, to, form })
    }

    /// The period containing `date`, as `[first day, first day of the next period)`: the
    /// bounds of [`containing`](PeriodUnit::containing).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use slacalc::time::PeriodUnit;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// assert_eq!(PeriodUnit::Quarter.bounds(d(2024, 5, 17)?)?, (d(2024, 4, 1)?, d(2024, 7, 1)?));
    /// assert_eq!(PeriodUnit::Month.bounds(d(2024, 12, 31)?)?, (d(2024, 12, 1)?, d(2025, 1, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`containing`](PeriodUnit::containing).
    pub fn bounds(self, date: NaiveDate) -> Result<(NaiveDate, NaiveDate), Error> {
        self.containing(date).map(|p| (p.from, p.to))
    }
}

/// What a [`Period`] was written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum PeriodForm {
    Month,
    Quarter,
    Year,
    Range,
}

/// A period: a half-open range `[from, to)` of local dates.
///
/// Written (and serialized) as a calendar month `2026-11`, a quarter `2026-Q4`, a year `2026`,
/// or any range `2026-11-01..2026-12-01` (the end is exclusive); years have four digits, as
/// in dates, and it prints back as written. Quotas count cases per period, and compliance
/// reports ([`ComplianceReport`](crate::report::ComplianceReport)) cover one.
///
/// ```
/// use slacalc::time::Period;
///
/// let q4: Period = "2026-Q4".parse()?;
/// assert_eq!(q4.from().to_string(), "2026-10-01");
/// assert_eq!(q4.to().to_string(), "2027-01-01");
/// assert_eq!(q4.to_string(), "2026-Q4");
/// let nov = Period::month(2026, 11)?;
/// assert_eq!(nov, "2026-11".parse()?);
/// assert_eq!("2026".parse::<Period>()?, Period::year(2026)?);
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

/// The forms a [`Period`] is written in, for error messages.
const PERIOD_FORMS: &str =
    "a month YYYY-MM, a quarter YYYY-Qn, a year YYYY or a range YYYY-MM-DD..YYYY-MM-DD";

fn bad_period(value: impl Into<String>, expected: &str) -> Error {
    Error::InvalidValue {
        path: String::new(),
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

    /// The calendar year `year`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a year chrono cannot represent (with the next).
    pub fn year(year: i32) -> Result<Period, Error> {
        let bad = || bad_period(year.to_string(), "a year chrono can represent");
        let from = first_of_month(year, 1).ok_or_else(bad)?;
        let to = months_later(year, 1, 12).ok_or_else(bad)?;
        Ok(Period {
            from,
            to,
            form: PeriodForm::Year,
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

    /// The calendar unit the period is, or `None` for a range (even one that spans exactly a
    /// month: it was written as a range).
    pub fn unit(&self) -> Option<PeriodUnit> {
        match self.form {
            PeriodForm::Month => Some(PeriodUnit::Month),
            PeriodForm::Quarter => Some(PeriodUnit::Quarter),
            PeriodForm::Year => Some(PeriodUnit::Year),
            PeriodForm::Range => None,
        }
    }

    /// Whether the local date `date` lies in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date < self.to
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.form {
            PeriodForm::Month => write!(f, "{:04}-{:02}", self.from.year(), self.from.month()),
            PeriodForm::Quarter => write!(
                f,
                "{:04}-Q{}",
                self.from.year(),
                self.from.month().saturating_add(2) / 3
            ),
            PeriodForm::Year => write!(f, "{:04}", self.from.year()),
            PeriodForm::Range => write!(f, "{}..{}", self.from, self.to),
        }
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(s: &str) -> Result<Period, Error> {
        let bad = || bad_period(s, PERIOD_FORMS);
        if let Some((from, to)) = s.split_once("..") {
            let date = |d: &str| parse_date("", d).map_err(|_| bad());
            return Period::range(date(from)?, date(to)?);
        }
        // Years are written with four digits, as in dates.
        let year_of = |y: &str| parse_digits(y).filter(|_| y.len() == 4).ok_or_else(bad);
        let Some((year, rest)) = s.split_once('-') else {
            return Period::year(year_of(s)?);
        };
        let year: i32 = year_of(year)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as day;

    #[test]
    fn units_contain_their_dates() {
        assert_eq!(
            PeriodUnit::Quarter.bounds(day(2024, 12, 31)).unwrap(),
            (day(2024, 10, 1), day(2025, 1, 1))
        );
        assert_eq!(
            PeriodUnit::Quarter.bounds(day(2024, 1, 1)).unwrap(),
            (day(2024, 1, 1), day(2024, 4, 1))
        );
        assert_eq!(
            PeriodUnit::Year.containing(day(2024, 2, 29)).unwrap(),
            Period::year(2024).unwrap()
        );
        assert_eq!(
            PeriodUnit::Month.containing(day(2024, 2, 29)).unwrap(),
            Period::month(2024, 2).unwrap()
        );
        assert_eq!(
            PeriodUnit::Year
                .containing(NaiveDate::MAX)
                .unwrap_err()
                .to_string(),
            "PeriodUnit::containing `+262142-12-31`: result out of the representable range of instants"
        );
    }

    #[test]
    fn periods_round_trip_as_written() {
        for s in [
            "2026-11",
            "2026-Q4",
            "2026-Q1",
            "2026",
            "0001",
            "0026-Q1",
            "2026-11-03..2026-11-04",
        ] {
            let p: Period = s.parse().unwrap();
            assert_eq!(p.to_string(), s);
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p);
        }
        assert_eq!(
            "2026-11-01..2026-12-01".parse::<Period>().unwrap().unit(),
            None
        );
        assert_eq!(
            "2026-11".parse::<Period>().unwrap().unit(),
            Some(PeriodUnit::Month)
        );
        for bad in [
            "",
            "2026-13",
            "2026-Q5",
            "2026-Q0",
            "2026-1",
            "202",
            "26-11",
            "02026-Q1",
            "-2026",
            "+2026",
            "2026-",
            "x",
            "2026-12-01..2026-11-01",
            "2026-11-01..2026-11-01",
            "2026-11-01..",
        ] {
            match bad.parse::<Period>() {
                Err(Error::InvalidValue { .. }) => {}
                other => panic!("{bad}: {other:?}"),
            }
        }
        assert_eq!(
            "2026-13".parse::<Period>().unwrap_err().to_string(),
            "invalid value `2026-13`: expected a month from 1 to 12"
        );
    }
}
