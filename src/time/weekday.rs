//! Weekday keys as written in configuration: `mon` … `sun`.

use std::fmt;
use std::str::FromStr;

use chrono::Weekday;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A weekday as written in configuration: `mon` … `sun` (lowercase).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
#[allow(missing_docs)]
pub enum WeekdayKey {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl WeekdayKey {
    /// All seven keys, Monday first.
    pub const ALL: [WeekdayKey; 7] = [
        WeekdayKey::Mon,
        WeekdayKey::Tue,
        WeekdayKey::Wed,
        WeekdayKey::Thu,
        WeekdayKey::Fri,
        WeekdayKey::Sat,
        WeekdayKey::Sun,
    ];

    /// The chrono weekday.
    pub fn weekday(self) -> Weekday {
        match self {
            WeekdayKey::Mon => Weekday::Mon,
            WeekdayKey::Tue => Weekday::Tue,
            WeekdayKey::Wed => Weekday::Wed,
            WeekdayKey::Thu => Weekday::Thu,
            WeekdayKey::Fri => Weekday::Fri,
            WeekdayKey::Sat => Weekday::Sat,
            WeekdayKey::Sun => Weekday::Sun,
        }
    }

    /// The key of a chrono weekday.
    pub fn from_weekday(w: Weekday) -> Self {
        match w {
            Weekday::Mon => WeekdayKey::Mon,
            Weekday::Tue => WeekdayKey::Tue,
            Weekday::Wed => WeekdayKey::Wed,
            Weekday::Thu => WeekdayKey::Thu,
            Weekday::Fri => WeekdayKey::Fri,
            Weekday::Sat => WeekdayKey::Sat,
            Weekday::Sun => WeekdayKey::Sun,
        }
    }

    /// The key as written in configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            WeekdayKey::Mon => "mon",
            WeekdayKey::Tue => "tue",
            WeekdayKey::Wed => "wed",
            WeekdayKey::Thu => "thu",
            WeekdayKey::Fri => "fri",
            WeekdayKey::Sat => "sat",
            WeekdayKey::Sun => "sun",
        }
    }
}

impl FromStr for WeekdayKey {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        WeekdayKey::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| Error::UnknownWeekday {
                path: String::new(),
                input: s.to_owned(),
            })
    }
}

impl fmt::Display for WeekdayKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
