//! Target forms: the amount of time a target allows, in its text form (`4h`,
//! `5 business days`, `end of business day 1`, `1 business day by 12:00`).

use std::fmt;

use chrono::TimeDelta;
use serde::{Deserialize, Serialize};

use crate::calendar::BusinessDays;
use crate::error::Error;
use crate::time::{format_duration, parse_duration, TimeOfDay};

/// The amount a target allows. Serializes as its display form: `4h`, `5 business days`,
/// `end of business day 1`, `1 business day by 12:00`,
/// `0 business days by 16:00 (cut-off 10:00)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetForm {
    /// A duration of business time on the clock.
    Within(TimeDelta),
    /// N business days later at the same local time.
    BusinessDays(BusinessDays),
    /// By the end of the Nth business day.
    EndOfBusinessDay(BusinessDays),
    /// By a wall-clock time on business day D + `days`, where D is the start's local date
    /// when that is a business day and the start's local time is before the cut-off, else
    /// the next business day (see the [`TargetSpec`](super::TargetSpec) docs).
    BusinessDaysBy {
        /// N.
        days: BusinessDays,
        /// The wall-clock time of the deadline.
        by: TimeOfDay,
        /// The cut-off as written; `None` means the `by` time.
        cutoff: Option<TimeOfDay>,
    },
}

impl fmt::Display for TargetForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetForm::Within(d) => f.write_str(&format_duration(*d)),
            TargetForm::BusinessDays(n) => write!(f, "{n}"),
            TargetForm::EndOfBusinessDay(n) => write!(f, "end of business day {}", n.get()),
            TargetForm::BusinessDaysBy { days, by, cutoff } => {
                write!(f, "{days} by {by}")?;
                match cutoff {
                    Some(c) => write!(f, " (cut-off {c})"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl std::str::FromStr for TargetForm {
    type Err = Error;

    fn from_str(s: &str) -> Result<TargetForm, Error> {
        let bad = || Error::InvalidValue {
            path: String::new(),
            value: s.to_owned(),
            expected: "a duration (`4h`), `N business days`, `N business days by HH:MM`, \
                       `N business days by HH:MM (cut-off HH:MM)` or `end of business day N`"
                .into(),
        };
        if let Some(n) = s.strip_prefix("end of business day ") {
            return n
                .parse()
                .map(|n| TargetForm::EndOfBusinessDay(BusinessDays(n)))
                .map_err(|_| bad());
        }
        // `1 business day` as displayed, `1 business days` as written before.
        if let Some((n, rest)) = s.split_once(" business day") {
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            let days = BusinessDays(n.parse().map_err(|_| bad())?);
            if rest.is_empty() {
                return Ok(TargetForm::BusinessDays(days));
            }
            let rest = rest.strip_prefix(" by ").ok_or_else(bad)?;
            let (by, cutoff) = match rest.split_once(" (cut-off ") {
                Some((by, c)) => (by, Some(c.strip_suffix(')').ok_or_else(bad)?)),
                None => (rest, None),
            };
            let by: TimeOfDay = by.parse().map_err(|_| bad())?;
            let cutoff = cutoff
                .map(str::parse::<TimeOfDay>)
                .transpose()
                .map_err(|_| bad())?;
            return Ok(TargetForm::BusinessDaysBy { days, by, cutoff });
        }
        parse_duration(s).map(TargetForm::Within).map_err(|_| bad())
    }
}

impl Serialize for TargetForm {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TargetForm {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_round_trip_through_display_and_from_str() {
        for s in [
            "4h",
            "1h30m",
            "5 business days",
            "0 business days",
            "end of business day 1",
            "1 business day",
            "1 business day by 12:00",
            "0 business days by 16:00 (cut-off 10:00)",
            "2 business days by 24:00 (cut-off 00:00)",
        ] {
            let form: TargetForm = s.parse().unwrap();
            assert_eq!(form.to_string(), s);
            let json = serde_json::to_string(&form).unwrap();
            assert_eq!(serde_json::from_str::<TargetForm>(&json).unwrap(), form);
        }
        // The plural is read for one day too, and printed in the singular.
        let one: TargetForm = "1 business days by 12:00".parse().unwrap();
        assert_eq!(one.to_string(), "1 business day by 12:00");
        assert_eq!(
            "1 business days".parse::<TargetForm>().unwrap(),
            TargetForm::BusinessDays(BusinessDays(1))
        );
        assert_eq!(
            "0 business days by 16:00 (cut-off 10:00)"
                .parse::<TargetForm>()
                .unwrap(),
            TargetForm::BusinessDaysBy {
                days: BusinessDays(0),
                by: TimeOfDay::from_hm(16, 0).unwrap(),
                cutoff: Some(TimeOfDay::from_hm(10, 0).unwrap()),
            }
        );
        for bad in [
            "1 business days by",
            "1 business days by 25:00",
            "1 business days by 12:00 (cut-off 10:00",
            "1 business days by 12:00 (cutoff 10:00)",
            "x business days",
            "1 business days later",
        ] {
            assert!(
                matches!(bad.parse::<TargetForm>(), Err(Error::InvalidValue { value, .. }) if value == bad),
                "{bad}"
            );
        }
    }
}
