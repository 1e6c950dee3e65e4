//! iCalendar (RFC 5545) import of holidays and closures, and export of holidays (cargo
//! feature `icalendar`). How events map onto a calendar is documented in the
//! [`calendar`](crate::calendar) module docs, section "iCalendar".

mod export;
mod import;
mod limits;
mod lines;
mod recurrence;
mod value;

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::holiday::HolidaySpec;
use super::spec::CalendarSpec;
use crate::error::Error;

pub use limits::{
    MAX_ICS_BYTES, MAX_ICS_EVENTS, MAX_ICS_EVENT_DAYS, MAX_ICS_OCCURRENCES, MAX_ICS_PERIODS,
    MAX_ICS_YEARS,
};

/// The error for a bad `value` at `path` (`line 7 DTSTART`), with what was `expected`.
fn invalid(path: &str, value: impl ToString, expected: &str) -> Error {
    Error::InvalidValue {
        path: path.to_owned(),
        value: value.to_string(),
        expected: expected.to_owned(),
    }
}

/// What an iCalendar text brings into a calendar: holidays (from all-day events) and
/// closures (from timed events). Build it with [`IcsImport::parse`], then add it to a
/// calendar's configuration with [`IcsImport::apply_to`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IcsImport {
    /// Holidays in the calendar's configuration forms: a yearly rule for each simple yearly
    /// `RRULE` (split around its `EXDATE`s), one-off dates otherwise.
    pub holidays: Vec<HolidaySpec>,
    /// Timed events: the instants during which the calendar is closed.
    pub closures: Vec<IcsClosure>,
}

/// A timed event: no business time in `[start, end)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsClosure {
    /// The event's `SUMMARY` (empty without one).
    pub name: String,
    /// First instant of the closure.
    pub start: DateTime<Utc>,
    /// First instant after it.
    pub end: DateTime<Utc>,
}

impl IcsImport {
    /// Reads an iCalendar text: every `VEVENT` of its `VCALENDAR`. Recurrences that are not
    /// simple yearly rules, and timed recurrences, are expanded over the UTC years `years`
    /// (at most [`MAX_ICS_YEARS`]); `zone` is the zone of floating date-times (those with
    /// neither `Z` nor `TZID`), normally the calendar's.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] whose path names the line and property (`line 7 DTSTART`) for
    /// malformed input: a content line that is not `NAME;PARAM=value:value`, components that
    /// do not nest, a missing or malformed `DTSTART`/`DTEND`, an unknown `TZID`, an invalid
    /// `RRULE`, `DURATION`/`RDATE`/`EXRULE` (not supported), and for input beyond the
    /// limits [`MAX_ICS_BYTES`], [`MAX_ICS_EVENTS`], [`MAX_ICS_OCCURRENCES`],
    /// [`MAX_ICS_PERIODS`], [`MAX_ICS_EVENT_DAYS`] and [`MAX_ICS_YEARS`].
    pub fn parse(text: &str, years: RangeInclusive<i32>, zone: Tz) -> Result<IcsImport, Error> {
        import::parse(text, years, zone)
    }

    /// `spec` with these holidays added and, if there are closures, minus them: the result is
    /// `{"difference": [spec with the holidays, a UTC calendar open exactly during the
    /// closures]}`, each closure widened to whole minutes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when `spec` is a combination (holidays belong to a zoned
    /// calendar: apply the import to the member it is for). The calendar's own limits are
    /// checked when the result is built into a [`Calendar`](crate::Calendar).
    pub fn apply_to(&self, spec: CalendarSpec) -> Result<CalendarSpec, Error> {
        if spec.timezone.is_none()
            || spec.union.is_some()
            || spec.intersection.is_some()
            || spec.difference.is_some()
        {
            return Err(Error::InvalidArgument {
                operation: "IcsImport::apply_to",
                reason: "the calendar is a combination: apply the import to the zoned calendar \
                         it is for"
                    .to_owned(),
            });
        }
        let mut spec = spec;
        spec.holidays.extend(self.holidays.iter().cloned());
        if self.closures.is_empty() {
            return Ok(spec);
        }
        Ok(CalendarSpec {
            difference: Some(vec![spec, closures_calendar(&self.closures)]),
            ..CalendarSpec::default()
        })
    }
}

/// A UTC calendar open exactly during `closures` (widened to whole minutes): exceptions on
/// each UTC date they touch, no weekly hours.
fn closures_calendar(closures: &[IcsClosure]) -> CalendarSpec {
    const DAY: i64 = 86_400;
    let mut by_day: BTreeMap<i64, Vec<(i64, i64)>> = BTreeMap::new();
    for c in closures {
        // Whole minutes: start rounded down, end rounded up.
        let start = c.start.timestamp().div_euclid(60) * 60;
        let end = c.end.timestamp().saturating_add(59).div_euclid(60) * 60;
        let mut day = start.div_euclid(DAY);
        while day * DAY < end {
            let (d0, d1) = (day * DAY, (day + 1) * DAY);
            let (a, b) = (start.max(d0) - d0, end.min(d1) - d0);
            if a < b {
                by_day.entry(day).or_default().push((a / 60, b / 60));
            }
            day += 1;
        }
    }
    let mut exceptions = BTreeMap::new();
    for (day, mut spans) in by_day {
        spans.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
        for (a, b) in spans {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let Some(date) = DateTime::from_timestamp(day * DAY, 0) else {
            continue;
        };
        let shifts = merged
            .into_iter()
            .map(|(a, b)| format!("{:02}:{:02}-{:02}:{:02}", a / 60, a % 60, b / 60, b % 60))
            .collect();
        exceptions.insert(date.format("%Y-%m-%d").to_string(), shifts);
    }
    CalendarSpec {
        timezone: Some("UTC".to_owned()),
        exceptions,
        ..CalendarSpec::default()
    }
}
