//! Small value types for wall-clock configuration: [`TimeOfDay`] (which, unlike
//! `chrono::NaiveTime`, allows `24:00`), [`Shift`] and [`WeekdayKey`].
//!
//! Each parses from and prints to exactly the form used in configuration, so
//! `s.parse::<Shift>()?.to_string() == s` for every canonical `s`.
//!
//! Durations have two written forms, and both parse wherever a duration is read
//! ([`parse_duration`]): configuration writes `4h30m` ([`format_duration`]); serialized
//! reports write ISO 8601, `PT4H30M`, with fractional seconds to the nanosecond and `-PT…`
//! for negative durations ([`IsoDuration`], [`parse_iso_duration`] and the serde helpers
//! [`iso_duration`] and [`iso_duration::option`]), so that every `TimeDelta` reads back
//! exactly.

use std::fmt;
use std::str::FromStr;

use chrono::Weekday;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A wall-clock time from `00:00` to `24:00` inclusive, at minute resolution.
///
/// ```
/// use slacalc::TimeOfDay;
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
/// use slacalc::Shift;
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
                    .ok_or(Error::OutOfRange {
                        operation: "parse_duration",
                    })
            })
            .map_err(|_| Error::InvalidValue {
                path: String::new(),
                value: s.to_owned(),
                expected: DURATION_FORMS.into(),
            }),
        None => parse_duration(s),
    }
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
mod duration_tests {
    use super::*;
    use chrono::TimeDelta;

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

/// The wall-clock reading of `at` in `tz`, or `None` when it lies beyond chrono's range of
/// local date-times (a few hours at either end of time). `DateTime::naive_local` and
/// `date_naive` panic there; the library calls this instead.
pub(crate) fn local_naive(
    tz: &chrono_tz::Tz,
    at: chrono::DateTime<chrono::Utc>,
) -> Option<chrono::NaiveDateTime> {
    use chrono::{Offset, TimeZone};
    let utc = at.naive_utc();
    utc.checked_add_offset(tz.offset_from_utc_datetime(&utc).fix())
}

/// The local date of `at` in `tz` (see [`local_naive`]), as an error naming `operation` when
/// it is out of range.
pub(crate) fn local_date(
    tz: &chrono_tz::Tz,
    at: chrono::DateTime<chrono::Utc>,
    operation: &'static str,
) -> Result<chrono::NaiveDate, Error> {
    local_naive(tz, at)
        .map(|n| n.date())
        .ok_or(Error::OutOfRange { operation })
}
