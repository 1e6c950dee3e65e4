//! Durations and their text forms; the crate's one duration printer and parser.
//!
//! A duration has these written forms, all here:
//!
//! * the **configuration form** `4h30m` ([`parse_duration`], [`format_duration`]), which is
//!   also what reports print for people;
//! * **ISO 8601** `PT4H30M` ([`IsoDuration`], [`parse_iso_duration`], [`format_iso_duration`]
//!   and the serde helpers [`iso_duration`]), the form serialized reports write;
//! * **`H:MM:SS`** with exact decimal seconds (`1:05:00`, `0:00:01.5`), the form invoice lines
//!   and availability reports print (`format_hms`, crate-internal), and `H:MM` of whole
//!   minutes (`1:30`), the form hour budgets and statements print (`Hm`, crate-internal).
//!
//! Both [`parse_duration`] and the serde helpers read the configuration form and ISO 8601
//! alike, so every `TimeDelta` reads back exactly.

use std::fmt;

use crate::error::Error;

mod hms;
mod iso;

pub(crate) use hms::{format_hms, seconds_of, Hm};
pub use iso::{format_iso_duration, iso_duration, parse_iso_duration, IsoDuration};

/// Parses a duration as written in configuration or in a serialized report: either the
/// configuration form, one or more `<integer><unit>` parts with units `d` (exactly 24 hours),
/// `h`, `m`, `s` (the seconds part may carry up to nine decimals), e.g. `30m`, `4h`,
/// `1h30m`, `1d`, `0.5s`; or ISO 8601 (see [`parse_iso_duration`]), e.g. `PT4H30M`, `P1D`.
///
/// ```
/// use chrono::TimeDelta;
/// use slacalc::time::parse_duration;
/// assert_eq!(parse_duration("1h30m")?, TimeDelta::minutes(90));
/// assert_eq!(parse_duration("PT1H30M")?, TimeDelta::minutes(90));
/// assert_eq!(parse_duration("1d")?, TimeDelta::hours(24));
/// assert_eq!(parse_duration("2.25s")?, TimeDelta::milliseconds(2250));
/// assert!(parse_duration("-1h").is_err());
/// assert!(parse_duration("-PT1H").is_err());
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidValue`] (with an empty path, which callers fill in) for anything else,
/// including negative and empty durations.
pub fn parse_duration(s: &str) -> Result<chrono::TimeDelta, Error> {
    let bad = || Error::InvalidValue {
        path: String::new(),
        value: s.to_owned(),
        expected: DURATION_FORMS.into(),
    };
    if s.starts_with('P') {
        return parse_iso_duration(s).map_err(|_| bad());
    }
    let mut secs: i64 = 0;
    let mut nanos: i64 = 0;
    let mut number: Option<i64> = None;
    let mut fraction: Option<(i64, u32)> = None;
    let mut parts = 0;
    for c in s.chars() {
        if let Some(digit) = c.to_digit(10) {
            match fraction.as_mut() {
                Some((f, digits)) => {
                    *digits += 1;
                    if *digits > 9 {
                        return Err(bad());
                    }
                    *f = *f * 10 + i64::from(digit);
                }
                None => {
                    let n = number.unwrap_or(0);
                    number = Some(
                        n.checked_mul(10)
                            .and_then(|n| n.checked_add(i64::from(digit)))
                            .ok_or_else(bad)?,
                    );
                }
            }
            continue;
        }
        if c == '.' {
            if number.is_none() || fraction.is_some() {
                return Err(bad());
            }
            fraction = Some((0, 0));
            continue;
        }
        let unit: i64 = match c {
            'd' => 86_400,
            'h' => 3_600,
            'm' => 60,
            's' => 1,
            _ => return Err(bad()),
        };
        let n = number.take().ok_or_else(bad)?;
        if let Some((f, digits)) = fraction.take() {
            // A fraction only on seconds, and with at least one digit.
            if unit != 1 || digits == 0 {
                return Err(bad());
            }
            nanos = f * 10_i64.pow(9 - digits);
        }
        secs = n
            .checked_mul(unit)
            .and_then(|v| secs.checked_add(v))
            .ok_or_else(bad)?;
        parts += 1;
    }
    if number.is_some() || fraction.is_some() || parts == 0 {
        return Err(bad());
    }
    delta(secs, nanos).ok_or_else(bad)
}

/// The forms [`parse_duration`] reads, for error messages.
const DURATION_FORMS: &str =
    "a duration such as `30m`, `4h`, `1h30m` or `2d` (units d, h, m, s) or ISO 8601 `PT4H30M`";

/// `secs` seconds plus `nanos` (0 ..= 999 999 999) nanoseconds, if a `TimeDelta` holds it.
fn delta(secs: i64, nanos: i64) -> Option<chrono::TimeDelta> {
    chrono::TimeDelta::try_seconds(secs)?.checked_add(&chrono::TimeDelta::nanoseconds(nanos))
}

/// Formats a duration in the configuration form [`parse_duration`] reads, in hours, minutes
/// and seconds (`1h30m`, `48h`, `0s`, `1m0.5s`) — never days, which would read as calendar
/// or business days; seconds carry their nanoseconds as decimals (trailing zeros dropped);
/// negative durations get a leading `-`.
///
/// ```
/// use chrono::TimeDelta;
/// use slacalc::time::format_duration;
/// assert_eq!(format_duration(TimeDelta::minutes(90)), "1h30m");
/// assert_eq!(format_duration(TimeDelta::milliseconds(-60_500)), "-1m0.5s");
/// ```
pub fn format_duration(d: chrono::TimeDelta) -> String {
    let (negative, secs, nanos) = split_duration(d);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if secs == 0 && nanos == 0 {
        return "0s".into();
    }
    let (h, m, s) = (secs / 3_600, secs / 60 % 60, secs % 60);
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || nanos > 0 {
        out.push_str(&format!("{s}{}s", Fraction(nanos)));
    }
    out
}

/// [`format_duration`] of `d` without its fraction of a second (toward zero): `1h30m`,
/// `-45s`, `0s`. For texts that speak in whole seconds (the queue's slack and explanations).
pub(crate) fn format_whole_seconds(d: chrono::TimeDelta) -> String {
    // Whole seconds of a `TimeDelta` are always a `TimeDelta` again.
    format_duration(chrono::TimeDelta::try_seconds(d.num_seconds()).unwrap_or(d))
}

/// Sign, whole seconds and nanoseconds of the magnitude of `d`.
fn split_duration(d: chrono::TimeDelta) -> (bool, i64, u32) {
    // `TimeDelta`'s range is symmetric, so `abs` cannot overflow.
    let magnitude = d.abs();
    let nanos = u32::try_from(magnitude.subsec_nanos()).unwrap_or(0);
    (
        d < chrono::TimeDelta::zero(),
        magnitude.num_seconds(),
        nanos,
    )
}

/// `.` and up to nine digits without trailing zeros; nothing for zero nanoseconds.
struct Fraction(u32);

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            return Ok(());
        }
        let digits = format!("{:09}", self.0);
        write!(f, ".{}", digits.trim_end_matches('0'))
    }
}

/// A duration as read from a serialized report or configuration: an optional `-` followed by
/// either form of [`parse_duration`].
fn parse_signed_duration(s: &str) -> Result<chrono::TimeDelta, Error> {
    if s.starts_with("-P") {
        return parse_iso_duration(s);
    }
    match s.strip_prefix('-') {
        Some(magnitude) => parse_duration(magnitude)
            .and_then(|d| {
                chrono::TimeDelta::zero()
                    .checked_sub(&d)
                    .ok_or_else(|| crate::error::out_of_range("parse_duration", s))
            })
            .map_err(|_| Error::InvalidValue {
                path: String::new(),
                value: s.to_owned(),
                expected: DURATION_FORMS.into(),
            }),
        None => parse_duration(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn whole_seconds_drop_the_fraction() {
        let m = TimeDelta::minutes;
        assert_eq!(format_whole_seconds(m(29 * 60)), "29h");
        assert_eq!(
            format_whole_seconds(m(90) + TimeDelta::milliseconds(999)),
            "1h30m"
        );
        assert_eq!(format_whole_seconds(TimeDelta::seconds(-45)), "-45s");
        assert_eq!(format_whole_seconds(TimeDelta::milliseconds(-500)), "0s");
        assert_eq!(format_whole_seconds(TimeDelta::zero()), "0s");
        assert!(format_whole_seconds(TimeDelta::MIN).starts_with("-2562047788015h"));
    }

    #[test]
    fn durations_round_trip() {
        for s in [
            "30m",
            "4h",
            "1h30m",
            "48h",
            "26h3m4s",
            "45s",
            "0.5s",
            "1m0.000000001s",
        ] {
            assert_eq!(format_duration(parse_duration(s).unwrap()), s);
        }
        assert_eq!(format_duration(parse_duration("1d2h").unwrap()), "26h");
        assert_eq!(parse_duration("90m").unwrap(), TimeDelta::minutes(90));
        assert_eq!(format_duration(TimeDelta::minutes(-90)), "-1h30m");
        assert_eq!(parse_duration("PT90M").unwrap(), TimeDelta::minutes(90));
        for bad in [
            "",
            "h",
            "4",
            "4x",
            "-1h",
            "1.5h",
            "1.s",
            ".5s",
            "1.0000000001s",
            "99999999999999999999d",
            "-PT1H",
            "P",
            "PT",
            "pt1h",
        ] {
            match parse_duration(bad) {
                Err(Error::InvalidValue {
                    value, expected, ..
                }) => {
                    assert_eq!(value, bad);
                    assert_eq!(expected, DURATION_FORMS);
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn signed_durations_read_both_forms() {
        assert_eq!(
            parse_signed_duration("-1h30m").unwrap(),
            TimeDelta::minutes(-90)
        );
        assert_eq!(
            parse_signed_duration("-PT1H30M").unwrap(),
            TimeDelta::minutes(-90)
        );
        assert_eq!(parse_signed_duration("4h").unwrap(), TimeDelta::hours(4));
        for bad in ["--1h", "-", "-x", "- 1h"] {
            assert!(
                matches!(parse_signed_duration(bad), Err(Error::InvalidValue { value, .. }) if value == bad),
                "{bad}"
            );
        }
    }
}
