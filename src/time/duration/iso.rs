//! ISO 8601 durations of exact units: `PT4H30M`, `P1DT2H`, `-PT0.5S`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{delta, parse_signed_duration, split_duration, Fraction};
use crate::error::Error;

/// A duration displayed in ISO 8601 form: `PT4H30M`, `PT0S`, `PT0.000000001S`, `-PT1H`.
///
/// Hours, minutes and seconds only — never days, which readers take for calendar days — with
/// the seconds' nanoseconds as decimals (trailing zeros dropped), and a leading `-` for a
/// negative duration, so that [`parse_iso_duration`] reads back exactly the same
/// `TimeDelta`. Serialized reports show durations in this form (see [`iso_duration`]); it
/// serializes as that string and deserializes from it or from the configuration form.
///
/// ```
/// use chrono::TimeDelta;
/// use slacalc::time::IsoDuration;
/// assert_eq!(IsoDuration(TimeDelta::minutes(270)).to_string(), "PT4H30M");
/// assert_eq!(IsoDuration(TimeDelta::hours(49)).to_string(), "PT49H");
/// assert_eq!(IsoDuration(TimeDelta::zero()).to_string(), "PT0S");
/// assert_eq!(IsoDuration(TimeDelta::nanoseconds(-1_500_000_001)).to_string(), "-PT1.500000001S");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDuration(pub chrono::TimeDelta);

impl fmt::Display for IsoDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (negative, secs, nanos) = split_duration(self.0);
        if negative {
            f.write_str("-")?;
        }
        f.write_str("PT")?;
        if secs == 0 && nanos == 0 {
            return f.write_str("0S");
        }
        let (h, m, s) = (secs / 3_600, secs / 60 % 60, secs % 60);
        if h > 0 {
            write!(f, "{h}H")?;
        }
        if m > 0 {
            write!(f, "{m}M")?;
        }
        if s > 0 || nanos > 0 {
            write!(f, "{s}{}S", Fraction(nanos))?;
        }
        Ok(())
    }
}

impl FromStr for IsoDuration {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        parse_iso_duration(s).map(IsoDuration)
    }
}

impl Serialize for IsoDuration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDuration {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        iso_duration::deserialize(d).map(IsoDuration)
    }
}

/// Formats a duration in ISO 8601 form; the same as `IsoDuration(d).to_string()`.
pub fn format_iso_duration(d: chrono::TimeDelta) -> String {
    IsoDuration(d).to_string()
}

/// Parses an ISO 8601 duration of exact units: an optional `-`, `P`, optional days
/// (`nD`, exactly 24 hours each), then optionally `T` with hours, minutes and seconds
/// (`nH`, `nM`, `nS`) in that order, at least one part in all; the seconds may carry up to
/// nine decimals after `.` or `,`. Years, months and weeks are refused: their length depends
/// on the calendar.
///
/// ```
/// use chrono::TimeDelta;
/// use slacalc::time::parse_iso_duration;
/// assert_eq!(parse_iso_duration("PT4H30M")?, TimeDelta::minutes(270));
/// assert_eq!(parse_iso_duration("P1DT2H")?, TimeDelta::hours(26));
/// assert_eq!(parse_iso_duration("-PT0.25S")?, TimeDelta::milliseconds(-250));
/// assert!(parse_iso_duration("P1M").is_err());
/// assert!(parse_iso_duration("PT").is_err());
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidValue`] (with an empty path, which callers fill in) naming the input and
/// the form expected, also for a duration beyond `TimeDelta`'s range.
pub fn parse_iso_duration(s: &str) -> Result<chrono::TimeDelta, Error> {
    let bad = |why: &str| Error::InvalidValue {
        path: String::new(),
        value: s.to_owned(),
        expected: format!("an ISO 8601 duration such as `PT4H30M`, `P1DT2H` or `-PT0.5S` ({why})"),
    };
    let (negative, rest) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let rest = rest
        .strip_prefix('P')
        .ok_or_else(|| bad("it starts with `P`"))?;
    let (date_part, time_part) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut secs: i64 = 0;
    let mut nanos: i64 = 0;
    let mut parts = 0;
    let mut add = |n: i64, unit: i64| -> Result<(), Error> {
        secs = n
            .checked_mul(unit)
            .and_then(|v| secs.checked_add(v))
            .ok_or_else(|| bad("too long"))?;
        parts += 1;
        Ok(())
    };
    if !date_part.is_empty() {
        let n = date_part
            .strip_suffix('D')
            .ok_or_else(|| {
                bad("only days before `T`: years, months and weeks have no fixed length")
            })
            .and_then(|n| integer(n).ok_or_else(|| bad("a whole number of days")))?;
        add(n, 86_400)?;
    }
    if let Some(mut t) = time_part {
        if t.is_empty() {
            return Err(bad("`T` is followed by hours, minutes or seconds"));
        }
        for (unit, secs_per) in [('H', 3_600), ('M', 60)] {
            if let Some((n, tail)) = t.split_once(unit) {
                add(
                    integer(n).ok_or_else(|| bad("whole hours and minutes"))?,
                    secs_per,
                )?;
                t = tail;
            }
        }
        if !t.is_empty() {
            let n = t
                .strip_suffix('S')
                .ok_or_else(|| bad("hours, minutes, seconds in that order"))?;
            let (whole, fraction) = match n.split_once(['.', ',']) {
                Some((w, f)) => (w, Some(f)),
                None => (n, None),
            };
            add(integer(whole).ok_or_else(|| bad("a number of seconds"))?, 1)?;
            if let Some(f) = fraction {
                if f.is_empty() || f.len() > 9 || !f.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad("one to nine decimals of seconds"));
                }
                let digits = u32::try_from(f.len()).unwrap_or(9);
                nanos =
                    integer(f).ok_or_else(|| bad("decimals of seconds"))? * 10_i64.pow(9 - digits);
            }
        }
    }
    if parts == 0 {
        return Err(bad("at least one part"));
    }
    let d = delta(secs, nanos).ok_or_else(|| bad("too long"))?;
    if negative {
        chrono::TimeDelta::zero()
            .checked_sub(&d)
            .ok_or_else(|| bad("too long"))
    } else {
        Ok(d)
    }
}

/// A non-empty run of ASCII digits as an `i64`.
fn integer(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Serde helpers for a `TimeDelta` written in ISO 8601 form (`PT4H30M`, `-PT0.5S`), exact to
/// the nanosecond. Reading accepts the configuration form (`4h30m`, `-1h`) too.
///
/// ```
/// use chrono::TimeDelta;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize, PartialEq, Debug)]
/// struct Row {
///     #[serde(with = "slacalc::time::iso_duration")]
///     elapsed: TimeDelta,
///     #[serde(with = "slacalc::time::iso_duration::option", default)]
///     remaining: Option<TimeDelta>,
/// }
///
/// let row = Row { elapsed: TimeDelta::minutes(270), remaining: Some(TimeDelta::seconds(-90)) };
/// let json = serde_json::to_string(&row)?;
/// assert_eq!(json, r#"{"elapsed":"PT4H30M","remaining":"-PT1M30S"}"#);
/// assert_eq!(serde_json::from_str::<Row>(&json)?, row);
/// let row: Row = serde_json::from_str(r#"{"elapsed": "4h30m"}"#)?;
/// assert_eq!(row, Row { elapsed: TimeDelta::minutes(270), remaining: None });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub mod iso_duration {
    use chrono::TimeDelta;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::IsoDuration;

    /// Serializes `d` as an ISO 8601 string.
    ///
    /// # Errors
    /// Those of the serializer.
    pub fn serialize<S: Serializer>(d: &TimeDelta, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&IsoDuration(*d))
    }

    /// Reads an ISO 8601 or configuration-form duration string.
    ///
    /// # Errors
    /// A custom error naming the string and the forms expected.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TimeDelta, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        super::parse_signed_duration(&s).map_err(serde::de::Error::custom)
    }

    /// The same for an `Option<TimeDelta>`: `None` is `null`. Add `#[serde(default)]` for the
    /// field to be optional in the input.
    pub mod option {
        use chrono::TimeDelta;
        use serde::{Deserialize, Deserializer, Serializer};

        use super::super::IsoDuration;

        /// Serializes `Some(d)` as an ISO 8601 string and `None` as none.
        ///
        /// # Errors
        /// Those of the serializer.
        pub fn serialize<S: Serializer>(d: &Option<TimeDelta>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.serialize_some(&IsoDuration(*d)),
                None => s.serialize_none(),
            }
        }

        /// Reads `null` or an ISO 8601 or configuration-form duration string.
        ///
        /// # Errors
        /// A custom error naming the string and the forms expected.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<TimeDelta>, D::Error> {
            Option::<std::borrow::Cow<'de, str>>::deserialize(d)?
                .map(|s| super::super::parse_signed_duration(&s))
                .transpose()
                .map_err(serde::de::Error::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn iso_durations_format_and_parse() {
        let ns = TimeDelta::nanoseconds;
        for (d, s) in [
            (TimeDelta::zero(), "PT0S"),
            (TimeDelta::minutes(270), "PT4H30M"),
            (TimeDelta::hours(49), "PT49H"),
            (TimeDelta::seconds(61), "PT1M1S"),
            (TimeDelta::seconds(3_601), "PT1H1S"),
            (ns(1), "PT0.000000001S"),
            (ns(-1), "-PT0.000000001S"),
            (ns(1_500_000_000), "PT1.5S"),
            (TimeDelta::seconds(-5_400), "-PT1H30M"),
            (TimeDelta::MAX, "PT2562047788015H12M55.807S"),
            (TimeDelta::MIN, "-PT2562047788015H12M55.807S"),
        ] {
            assert_eq!(format_iso_duration(d), s);
            assert_eq!(parse_iso_duration(s).unwrap(), d, "{s}");
            assert_eq!(s.parse::<IsoDuration>().unwrap(), IsoDuration(d));
        }
        for (s, d) in [
            ("P1D", TimeDelta::hours(24)),
            ("P1DT1H", TimeDelta::hours(25)),
            ("PT0,5S", TimeDelta::milliseconds(500)),
            ("PT90M", TimeDelta::minutes(90)),
            ("PT1H90S", TimeDelta::seconds(3_690)),
            ("-P0D", TimeDelta::zero()),
        ] {
            assert_eq!(parse_iso_duration(s).unwrap(), d, "{s}");
        }
        for bad in [
            "",
            "P",
            "PT",
            "T1H",
            "1H",
            "P1Y",
            "P1M",
            "P1W",
            "PT1M1H",
            "PT1S1M",
            "PT1.5H",
            "PT1.S",
            "PT.5S",
            "PT0.0000000001S",
            "P1DT",
            "PT-1H",
            "P-1D",
            "--PT1H",
            "PT1H1H",
            "PT2562047788015H12M55.808S",
            "P999999999999999D",
            "PT 1H",
            "+PT1H",
            "PT1h",
        ] {
            match parse_iso_duration(bad) {
                Err(Error::InvalidValue { value, .. }) => assert_eq!(value, bad),
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
