//! Wall-clock times of day and working shifts: [`TimeOfDay`] (which, unlike
//! `chrono::NaiveTime`, allows `24:00`) and [`Shift`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A wall-clock time from `00:00` to `24:00` inclusive, at minute resolution.
///
/// ```
/// use slacalc::time::TimeOfDay;
/// let t: TimeOfDay = "24:00".parse()?;
/// assert_eq!(t.minutes(), 1440);
/// assert_eq!(t.to_string(), "24:00");
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// Midnight at the start of a day, `00:00`.
    pub const MIDNIGHT: TimeOfDay = TimeOfDay(0);
    /// Midnight at the end of a day, `24:00`.
    pub const END_OF_DAY: TimeOfDay = TimeOfDay(1440);

    /// Builds a time from hours and minutes.
    ///
    /// # Errors
    /// [`Error::InvalidTimeOfDay`] unless `hour:minute` lies in `00:00..=24:00`.
    pub fn from_hm(hour: u32, minute: u32) -> Result<Self, Error> {
        if minute < 60 && (hour < 24 || (hour == 24 && minute == 0)) {
            // Bounded by the check above: at most 1440.
            Ok(TimeOfDay((hour * 60 + minute) as u16))
        } else {
            Err(Error::InvalidTimeOfDay {
                path: String::new(),
                input: format!("{hour:02}:{minute:02}"),
            })
        }
    }

    /// Minutes since the start of the day (0 ..= 1440).
    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }

    /// Seconds since the start of the day (0 ..= 86 400).
    pub fn seconds(self) -> i64 {
        i64::from(self.0) * 60
    }
}

impl FromStr for TimeOfDay {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = || Error::InvalidTimeOfDay {
            path: String::new(),
            input: s.to_owned(),
        };
        let b = s.as_bytes();
        if b.len() != 5 || b.get(2) != Some(&b':') {
            return Err(bad());
        }
        let digit = |i: usize| -> Result<u32, Error> {
            match b.get(i) {
                Some(c @ b'0'..=b'9') => Ok(u32::from(c - b'0')),
                _ => Err(bad()),
            }
        };
        let hour = digit(0)? * 10 + digit(1)?;
        let minute = digit(3)? * 10 + digit(4)?;
        TimeOfDay::from_hm(hour, minute).map_err(|_| bad())
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// One working shift of a day, `HH:MM-HH:MM` in the calendar's wall-clock time.
///
/// A shift whose end is not after its start (`22:00-06:00`) is *overnight*: it runs from its
/// start on its own date to its end on the next date. `24:00` is allowed as an end; a shift
/// whose start equals its end is rejected.
///
/// ```
/// use slacalc::time::Shift;
/// let night: Shift = "22:00-06:00".parse()?;
/// assert!(night.is_overnight());
/// assert_eq!(night.duration_minutes(), 8 * 60);
/// assert_eq!(night.to_string(), "22:00-06:00");
/// assert!("09:00-09:00".parse::<Shift>().is_err());
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shift {
    start: TimeOfDay,
    end: TimeOfDay,
}

impl Shift {
    /// Builds a shift from its start and end.
    ///
    /// # Errors
    /// [`Error::InvalidShift`] when `start == end`, or when `start` is `24:00` (a shift cannot
    /// start at the end of a day).
    pub fn new(start: TimeOfDay, end: TimeOfDay) -> Result<Self, Error> {
        let invalid = |reason: &str| Error::InvalidShift {
            path: String::new(),
            input: format!("{start}-{end}"),
            reason: reason.to_owned(),
        };
        if start == end {
            return Err(invalid("start equals end, so the shift is empty"));
        }
        if start == TimeOfDay::END_OF_DAY {
            return Err(invalid("a shift cannot start at 24:00 (write 00:00)"));
        }
        Ok(Shift { start, end })
    }

    /// The wall-clock start.
    pub fn start(self) -> TimeOfDay {
        self.start
    }

    /// The wall-clock end (on the next date when the shift is overnight).
    pub fn end(self) -> TimeOfDay {
        self.end
    }

    /// Whether the shift ends on the next date (its end is not after its start).
    pub fn is_overnight(self) -> bool {
        self.end <= self.start
    }

    /// Nominal length in wall-clock minutes (ignoring DST).
    pub fn duration_minutes(self) -> u32 {
        if self.is_overnight() {
            1440 - self.start.minutes() + self.end.minutes()
        } else {
            self.end.minutes() - self.start.minutes()
        }
    }

    /// Start and end as seconds from the start of the shift's own date; the end exceeds
    /// 86 400 for an overnight shift.
    pub(crate) fn local_span_seconds(self) -> (i64, i64) {
        let start = self.start.seconds();
        let end = if self.is_overnight() {
            self.end.seconds() + 86_400
        } else {
            self.end.seconds()
        };
        (start, end)
    }
}

impl FromStr for Shift {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let invalid = |reason: &str| Error::InvalidShift {
            path: String::new(),
            input: s.to_owned(),
            reason: reason.to_owned(),
        };
        let (a, b) = s
            .split_once('-')
            .ok_or_else(|| invalid("expected HH:MM-HH:MM"))?;
        let start: TimeOfDay = a
            .parse()
            .map_err(|_| invalid("expected HH:MM-HH:MM with times from 00:00 to 24:00"))?;
        let end: TimeOfDay = b
            .parse()
            .map_err(|_| invalid("expected HH:MM-HH:MM with times from 00:00 to 24:00"))?;
        Shift::new(start, end).map_err(|e| match e {
            Error::InvalidShift { reason, .. } => invalid(&reason),
            other => other,
        })
    }
}

impl fmt::Display for Shift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl Serialize for Shift {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Shift {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_round_trips() {
        for s in [
            "08:00-12:00",
            "22:00-06:00",
            "00:00-24:00",
            "13:30-17:45",
            "23:00-00:00",
        ] {
            assert_eq!(s.parse::<Shift>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn bad_shifts_are_rejected_with_their_input() {
        for s in [
            "8-17",
            "25:00-26:00",
            "09:00-09:00",
            "24:00-06:00",
            "0900-1700",
            "09:60-10:00",
        ] {
            match s.parse::<Shift>() {
                Err(Error::InvalidShift { input, .. }) => assert_eq!(input, s),
                other => panic!("{s}: {other:?}"),
            }
        }
    }

    #[test]
    fn overnight_lengths() {
        let s: Shift = "23:00-00:00".parse().unwrap();
        assert!(s.is_overnight());
        assert_eq!(s.duration_minutes(), 60);
        assert_eq!(s.local_span_seconds(), (82_800, 86_400));
        let full: Shift = "00:00-24:00".parse().unwrap();
        assert!(!full.is_overnight());
        assert_eq!(full.duration_minutes(), 1440);
    }
}
