//! Holidays of a calendar: plain dates (and, later, rules and presets).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// One entry of a calendar's `holidays` list as written in configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum HolidaySpec {
    /// A plain local date, `YYYY-MM-DD`.
    Date(String),
}

/// A named holiday on a date.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Holiday {
    /// The local date.
    pub date: NaiveDate,
    /// The holiday's name (empty for plain dates).
    pub name: String,
}

/// The validated holidays of a calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holidays {
    dates: BTreeSet<NaiveDate>,
}

pub(crate) fn parse_date(path: &str, s: &str) -> Result<NaiveDate, Error> {
    let bad = || Error::InvalidDate {
        path: path.to_owned(),
        input: s.to_owned(),
    };
    if s.len() != 10 {
        return Err(bad());
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad())
}

impl Holidays {
    /// Validates the entries of a `holidays` list found at `path`.
    ///
    /// # Errors
    /// [`Error::InvalidDate`] for a malformed date.
    pub fn from_specs(specs: &[HolidaySpec], path: &str) -> Result<Self, Error> {
        let mut dates = BTreeSet::new();
        for (i, spec) in specs.iter().enumerate() {
            match spec {
                HolidaySpec::Date(s) => {
                    dates.insert(parse_date(&format!("{path}[{i}]"), s)?);
                }
            }
        }
        Ok(Holidays { dates })
    }

    /// Whether there are no holidays at all.
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// Whether `date` is a holiday.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.dates.contains(&date)
    }

    /// The holidays of one calendar year, sorted by date, one per date.
    pub fn in_year(&self, year: i32) -> Vec<Holiday> {
        self.dates_in_year(year)
            .into_iter()
            .map(|date| Holiday {
                date,
                name: String::new(),
            })
            .collect()
    }

    /// The holiday dates of one calendar year, sorted, without duplicates.
    pub fn dates_in_year(&self, year: i32) -> Vec<NaiveDate> {
        match (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) {
            (Some(first), Some(last)) => self.dates.range(first..=last).copied().collect(),
            _ => Vec::new(),
        }
    }

    /// The range of years outside which the holidays repeat a fixed yearly pattern (rules
    /// without end) or are absent; `None` when there is nothing year-specific.
    pub(crate) fn special_years(&self) -> Option<(i32, i32)> {
        let first = self.dates.first()?.year();
        let last = self.dates.last()?.year();
        Some((first, last))
    }
}
