//! The crate's one error type.
//!
//! Every fallible operation in slacalc returns [`Error`]. Variants are grouped by cause and
//! carry the offending input together with where it was found (a config path such as
//! `hours.mon[1]` or `plans.premium.targets.crisis.reaction`, or an event index), so that the
//! message alone tells a user what to fix.

use chrono::{DateTime, Utc};

/// Everything that can go wrong in slacalc.
///
/// The enum is `#[non_exhaustive]`: match on the variants you handle and keep a wildcard arm.
/// Messages are stable enough to show to the person who wrote the configuration.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A time-zone name that is not in the IANA database embedded by chrono-tz.
    #[error("{}unknown time zone `{name}`: expected an IANA name such as `Europe/Berlin` (names are case-sensitive)", prefix(path))]
    UnknownTimeZone {
        /// Where the name was found.
        path: String,
        /// The name as written.
        name: String,
    },

    /// A shift that does not read `HH:MM-HH:MM` or whose start equals its end.
    #[error("{}invalid shift `{input}`: {reason}", prefix(path))]
    InvalidShift {
        /// Where the shift was found.
        path: String,
        /// The shift as written.
        input: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A wall-clock time that is not `HH:MM` between `00:00` and `24:00`.
    #[error(
        "{}invalid time of day `{input}`: expected HH:MM from 00:00 to 24:00",
        prefix(path)
    )]
    InvalidTimeOfDay {
        /// Where the time was found.
        path: String,
        /// The time as written.
        input: String,
    },

    /// A weekday key other than `mon` … `sun`.
    #[error(
        "{}unknown weekday `{input}`: expected one of mon, tue, wed, thu, fri, sat, sun",
        prefix(path)
    )]
    UnknownWeekday {
        /// Where the key was found.
        path: String,
        /// The key as written.
        input: String,
    },

    /// A date that is not a valid `YYYY-MM-DD` calendar date.
    #[error("{}invalid date `{input}`: expected YYYY-MM-DD", prefix(path))]
    InvalidDate {
        /// Where the date was found.
        path: String,
        /// The date as written.
        input: String,
    },

    /// A date listed both as a holiday and as an exception (special hours).
    #[error(
        "{}{date} is both a holiday and an exception; a date may be only one of them",
        prefix(path)
    )]
    HolidayAndException {
        /// Where the conflict was found.
        path: String,
        /// The conflicting date.
        date: String,
    },

    /// A configuration value that is out of its allowed range or otherwise not acceptable.
    #[error("{}invalid value `{value}`: expected {expected}", prefix(path))]
    InvalidValue {
        /// Where the value was found.
        path: String,
        /// The value as written.
        value: String,
        /// What would have been accepted.
        expected: String,
    },

    /// A reference to a named thing (preset, calendar, plan, severity, metric …) that does not
    /// exist.
    #[error("{}unknown {kind} `{name}`{}", prefix(path), known_suffix(known))]
    UnknownName {
        /// Where the reference was found.
        path: String,
        /// What kind of thing was referred to (`holiday preset`, `calendar`, `severity` …).
        kind: String,
        /// The name as written.
        name: String,
        /// The names that would have been accepted (may be empty).
        known: Vec<String>,
    },

    /// A holiday preset key that is not built in. Names the closest built-in key;
    /// `Holidays::preset_list` lists them all.
    #[error(
        "{}unknown holiday preset `{name}`{}",
        prefix(path),
        closest.as_ref().map(|c| format!(": the closest preset is `{c}` (Holidays::PRESETS lists all)")).unwrap_or_default()
    )]
    UnknownPreset {
        /// Where the reference was found.
        path: String,
        /// The key as written.
        name: String,
        /// The built-in key closest to it (by edit distance, ignoring case).
        closest: Option<String>,
    },

    /// A configuration document that could not be parsed at all (syntax, missing field, wrong
    /// type, unknown field, duplicate key). Carries the parser's message, which starts with the
    /// path of the bad value (`events[3].at: …`) and includes line and column where it has
    /// them.
    #[error("cannot parse {format}: {message}")]
    Parse {
        /// `JSON` or `TOML`.
        format: String,
        /// The parser's message.
        message: String,
    },

    /// The calendar has no business time left in the requested direction, so the requested
    /// amount of business time can never be reached.
    #[error("no business time {direction} {at}: the calendar never opens again in that direction")]
    NoBusinessTime {
        /// The instant the search started from.
        at: DateTime<Utc>,
        /// `after` or `before`.
        direction: &'static str,
    },

    /// A result or an intermediate instant falls outside the range of dates chrono can
    /// represent (about ±262,000 years).
    #[error("{operation} `{value}`: result out of the representable range of instants")]
    OutOfRange {
        /// The operation that overflowed.
        operation: &'static str,
        /// The operation's inputs, such as `2026-11-23T08:00:00Z + 1000000000h`.
        value: String,
    },

    /// An argument that violates the operation's precondition (for example `from > to`).
    #[error("{operation}: {reason}")]
    InvalidArgument {
        /// The operation that was called.
        operation: &'static str,
        /// What is wrong with the arguments.
        reason: String,
    },

    /// An incident event that cannot be applied (out of order, a resume without a pause …).
    #[error("events[{index}] ({kind} at {at}): {reason}")]
    InvalidEvent {
        /// The index of the event in the list as given.
        index: usize,
        /// The event's kind.
        kind: String,
        /// The event's instant.
        at: DateTime<Utc>,
        /// What is wrong with it.
        reason: String,
    },

    /// Two amounts in different currencies met where one currency is required (inside one fee
    /// schedule or credit policy, or between a schedule and the amounts it is evaluated on).
    #[error(
        "{}currency mismatch: expected {expected}, found {found}",
        prefix(path)
    )]
    CurrencyMismatch {
        /// Where the amount in the wrong currency was found (a config path or an input name).
        path: String,
        /// The currency required there.
        expected: String,
        /// The currency found.
        found: String,
    },

    /// A money or hour computation whose result does not fit in a 96-bit decimal
    /// (about ±7.9 × 10²⁸).
    #[error(
        "{}arithmetic overflow: the result exceeds the range of a 96-bit decimal",
        prefix(path)
    )]
    ArithmeticOverflow {
        /// The config path or operation whose arithmetic overflowed.
        path: String,
    },

    /// A money or hour computation whose exact result cannot be represented in a 96-bit
    /// decimal (28 decimals, about 28 significant digits), such as `0.01 × 0.4999999999999999999999999999`:
    /// refused rather than rounded, since rounding it and then rounding to minor units could
    /// differ from rounding the exact amount.
    #[error(
        "{}inexact arithmetic: the exact result needs more digits than a 96-bit decimal has; refused rather than rounded",
        prefix(path)
    )]
    InexactArithmetic {
        /// The config path or operation whose result was inexact.
        path: String,
    },

    /// A period that holds no service time once maintenance windows are taken out, so that
    /// availability (downtime divided by service time) is undefined.
    #[error(
        "no service time in [{from}, {to}) after maintenance windows: availability is undefined"
    )]
    NoServiceTime {
        /// The start of the period.
        from: DateTime<Utc>,
        /// The end of the period (exclusive).
        to: DateTime<Utc>,
    },
}

impl Error {
    /// The same error, found inside `segment` of a larger configuration: its path gets
    /// `segment` in front, so that errors name where the user wrote the bad value as they
    /// travel up from the part that found it. Errors without a configuration path (events,
    /// arithmetic on instants, parse errors, which carry their own path) are returned as
    /// they are.
    ///
    /// ```
    /// use slacalc::{Calendar, Error};
    ///
    /// let err = Calendar::from_json(r#"{"timezone": "UTC", "hours": {"mon": ["8-17"]}}"#)
    ///     .unwrap_err();
    /// let err = err.at("calendars.berlin");
    /// assert!(matches!(&err, Error::InvalidShift { path, .. } if path == "calendars.berlin.hours.mon[0]"));
    /// // An index joins without a dot.
    /// let err = err.at("[2]").at("members");
    /// assert!(err.to_string().starts_with("members[2].calendars.berlin.hours.mon[0]: "));
    /// ```
    #[must_use]
    pub fn at(mut self, segment: &str) -> Error {
        if let Some(path) = self.path_mut() {
            *path = if path.is_empty() {
                segment.to_owned()
            } else {
                join(segment, path)
            };
        }
        self
    }

    /// The configuration path of the variants that have one.
    fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            Error::UnknownTimeZone { path, .. }
            | Error::InvalidShift { path, .. }
            | Error::InvalidTimeOfDay { path, .. }
            | Error::UnknownWeekday { path, .. }
            | Error::InvalidDate { path, .. }
            | Error::HolidayAndException { path, .. }
            | Error::InvalidValue { path, .. }
            | Error::UnknownName { path, .. }
            | Error::UnknownPreset { path, .. }
            | Error::CurrencyMismatch { path, .. }
            | Error::ArithmeticOverflow { path }
            | Error::InexactArithmetic { path } => Some(path),
            Error::Parse { .. }
            | Error::NoBusinessTime { .. }
            | Error::OutOfRange { .. }
            | Error::InvalidArgument { .. }
            | Error::InvalidEvent { .. }
            | Error::NoServiceTime { .. } => None,
        }
    }
}

/// An [`Error::OutOfRange`] of `operation` on the inputs `value`.
pub(crate) fn out_of_range(operation: &'static str, value: impl std::fmt::Display) -> Error {
    Error::OutOfRange {
        operation,
        value: value.to_string(),
    }
}

/// `"path: "`, or nothing for an empty path (a value parsed on its own, outside a
/// configuration document).
fn prefix(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    }
}

fn known_suffix(known: &[String]) -> String {
    if known.is_empty() {
        String::new()
    } else {
        format!(": expected one of {}", known.join(", "))
    }
}

/// Joins a configuration path and a field (the crate's one path joiner, used by [`Error::at`]):
/// `join("fees.premium", "fee")` is `fees.premium.fee`, `join("credits", "[2]")` is
/// `credits[2]`; an empty path yields the field alone.
fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else if field.starts_with('[') {
        format!("{prefix}{field}")
    } else {
        format!("{prefix}.{field}")
    }
}

/// Shorthand for `Result<T, slacalc::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn paths_join_with_dots_except_before_an_index() {
        assert_eq!(join("", "fee"), "fee");
        assert_eq!(join("fees.premium", "fee"), "fees.premium.fee");
        assert_eq!(join("credits", "[2]"), "credits[2]");
        assert_eq!(join("", "[2]"), "[2]");
    }
}
