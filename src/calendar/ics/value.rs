//! The date values of `DTSTART`, `DTEND`, `EXDATE` and `UNTIL`, and the instants they read
//! in a time zone.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::invalid;
use super::lines::ContentLine;
use crate::error::Error;

/// A `DTSTART`, `DTEND` or `EXDATE` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum When {
    /// `VALUE=DATE`: a local date.
    Date(NaiveDate),
    /// A date-time: an instant (`Z` or `TZID`), or a wall-clock time in `zone`.
    Time(NaiveDateTime, Tz),
}

/// A `DTSTART`/`DTEND`/`EXDATE` value: `YYYYMMDD` (with `VALUE=DATE` or alone) or
/// `YYYYMMDDTHHMMSS` with `Z`, with `TZID=<IANA name>`, or floating (in `zone`).
pub(super) fn when(line: &ContentLine, value: &str, zone: Tz) -> Result<When, Error> {
    let path = line.path();
    let date_only = line
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    if date_only || (value.len() == 8 && !value.contains('T')) {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .ok()
            .filter(|_| value.len() == 8)
            .map(When::Date)
            .ok_or_else(|| invalid(&path, value, "a date YYYYMMDD"));
    }
    let (text, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(t) => (t, true),
        None => (value, false),
    };
    let naive = NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S")
        .ok()
        .filter(|_| text.len() == 15)
        .ok_or_else(|| invalid(&path, value, "a date-time YYYYMMDDTHHMMSS, with Z for UTC"))?;
    let tz = match (utc, line.param("TZID")) {
        (true, Some(_)) => return Err(invalid(&path, value, "either TZID or a final Z, not both")),
        (true, None) => Tz::UTC,
        (false, Some(name)) => name.trim_start_matches('/').parse::<Tz>().map_err(|_| {
            invalid(
                &format!("{path} TZID"),
                name,
                "an IANA time-zone name such as Europe/Berlin",
            )
        })?,
        (false, None) => zone,
    };
    Ok(When::Time(naive, tz))
}

/// The instant of a wall-clock time: the earliest reading it, or (`latest`) the last; in a
/// DST gap, the first instant after the gap.
pub(super) fn instant(naive: NaiveDateTime, tz: Tz, latest: bool) -> Option<DateTime<Utc>> {
    use chrono::offset::LocalResult;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Some(t.to_utc()),
        LocalResult::Ambiguous(a, b) => Some(if latest { b } else { a }.to_utc()),
        LocalResult::None => chrono_tz::GapInfo::new(&naive, &tz)?
            .end
            .map(|t| t.to_utc()),
    }
}
