//! Business calendars: when support is open, and business-time arithmetic on it.
//!
//! A [`Calendar`] is built from a [`CalendarSpec`] (the serde form users write) and is
//! immutable, cheap to clone (`Arc` inside) and `Send + Sync`. It answers, for instants in
//! UTC:
//!
//! - [`Calendar::add`] / [`Calendar::sub`]: where an amount of business time ends (the
//!   earliest / latest such instant),
//! - [`Calendar::between`]: how much business time lies in `[from, to)`,
//! - [`Calendar::is_open`], [`Calendar::next_open`], [`Calendar::next_close`].
//!
//! # How it is computed
//!
//! Each UTC year is compiled, the first time it is touched, into sorted disjoint business
//! intervals with running totals and a per-day index (a *chunk*). Every operation is then a
//! lookup in one or two chunks plus one addition per year that needs individual attention
//! (the years in which the zone's offset changes — for most zones some of 1843–2100, none
//! for UTC — and a year either side of every exception, one-off holiday and rule bound);
//! between those, business time repeats with the 400-year Gregorian cycle and a table per
//! stretch answers sums and searches at once. The cost grows with the configuration, never
//! with how much business time is added or how long a span is. A year that is only summed is
//! not compiled: away from holidays and exceptions, a calendar (or a combination) repeats
//! every week between two offset changes, so its business seconds are whole weeks of a
//! weekly pattern plus two partial weeks, and only the days around holidays and exceptions
//! are listed interval by interval. Each zone's offset changes are found once per process,
//! when the first calendar in that zone is built. Chunks of the years 1800–2599 are cached
//! (about 8 KiB per year for an office calendar, at most 48 MiB per calendar: beyond that,
//! years are compiled again when asked for), and the total of every year a walk computes on
//! its own is cached too, inside or outside that window, so no call sums a year another call
//! already summed. A combination compiles its members' years without keeping them in the
//! members. Between the years that need individual attention, a year's business time
//! depends only on the shape of the years around it (weekday of January 1, leap years), so a
//! 400-year table sums one year per shape — unless Easter-based holidays apply, whose dates
//! follow the moon.
//!
//! # Limits and bounds
//!
//! Checked when a calendar is built, each refused with [`Error::InvalidValue`] naming the
//! field and the count:
//!
//! | limit | at most | field |
//! |---|---|---|
//! | [`MAX_SHIFTS_PER_DAY`] | 16 shifts | `hours.<day>`, `exceptions.<date>` |
//! | [`MAX_WEEKLY_SHIFTS`] | 128 weekly shifts, all calendars of a combination | the combination |
//! | [`MAX_HOLIDAY_RULES`] | 1,000 rules and dates, presets expanded, all calendars | `holidays`, the combination |
//! | [`MAX_EXCEPTIONS`] | 500 dates, all calendars | `exceptions`, the combination |
//! | [`MAX_COMBINED_CALENDARS`] | 16 zoned calendars, all levels counted | `union`, `intersection`, `difference` |
//! | [`MAX_NESTING_DEPTH`] | 8 levels of combinations | the combination that is too deep |
//!
//! Within these limits, measured on a release build on a 2-core machine (and held by
//! `tests/timing/limits.rs` with the pathological configuration at each limit):
//!
//! - building a calendar takes at most 100 ms (in practice under 1 ms; the first calendar
//!   in a zone also finds the zone's offset changes, about 1 ms, once per process);
//! - every call answers within 10 ms, whatever the span or amount — the first call too,
//!   which sums the years it spans from weekly patterns and computes each year's holiday
//!   dates once. Measured at the limits in release with other builds on the two cores (load
//!   average 2–5): 1.4–2.1 ms for sixteen calendars in eight zones with 128 weekly shifts
//!   over 1800–2599, under 1.5 ms for most other cases; 4.2–5.6 ms for 1,000 substitute
//!   rules over 2026 to the end of time and 2.6–2.9 ms for 100,000 business days on it;
//!   3.6–9.5 ms for a union of sixteen `gb-eng` calendars over 1583–1700; 4.8–6.5 ms for 500
//!   exceptions in distinct years over a union of sixteen calendars (these three up to
//!   11–13 ms at load 8: near the bound under load);
//! - except a first call over hundreds of stretches between one-year holiday rules, which
//!   takes at most 100 ms: each stretch sums its own years (measured likewise: 8.1–14 ms
//!   for 1,000 one-year rules fifty years apart over 2026–30000, 12.6–20 ms at load 8);
//! - a calendar holds at most 64 MiB, whatever the spans queried ([`Calendar::memory_bytes`]).

mod algebra;
mod business_days;
pub mod holiday;
mod pattern;
mod spec;
mod timeline;
mod work;
mod years;
mod zoned;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::config::join;
use crate::error::Error;
use crate::time::{Shift, WeekdayKey};

use algebra::SetOp;
pub use business_days::BusinessDays;
use business_days::DayYear;
pub use holiday::{
    easter, orthodox_easter, DateQuality, Holiday, HolidayRule, HolidaySpec, Holidays, MonthDay,
    Observance, PresetHoliday, PresetInfo, WeekdayShifts,
};
use pattern::Pattern;
pub use spec::CalendarSpec;
use timeline::{year_of_secs, year_start, Chunk, YearCache, MAX_YEAR, MIN_YEAR};
pub use work::{TimeAndMaterials, TimeAndMaterialsSpec, WorkClassifier};
use years::{Extreme, Period, WalkError, YearSeries, PERIOD_YEARS};
use zoned::{Spans, Zoned};

const NANOS_PER_SEC: i64 = 1_000_000_000;
/// Most heap bytes a calendar keeps in compiled years of business seconds; years beyond are
/// compiled again when asked for.
const CHUNK_CACHE_BYTES: usize = 48 << 20;
/// Most heap bytes a calendar keeps in compiled years of business days (a year takes under
/// 1 KiB, so all 800 cached years fit).
const DAY_CACHE_BYTES: usize = 4 << 20;
/// Most heap bytes a calendar keeps in weekly patterns (one per combination of offsets its
/// zones take; a pattern of the most weekly shifts takes about 6 KiB).
const PATTERN_CACHE_BYTES: usize = 4 << 20;
/// The years a calendar whose holidays do not repeat every 400 years (open-ended Easter-based
/// rules) computes exactly, year by year; outside them its arithmetic is
/// [`Error::OutOfRange`] rather than an extrapolation. 1583 is the first full Gregorian year.
pub const NON_PERIODIC_FIRST_YEAR: i32 = 1583;
/// See [`NON_PERIODIC_FIRST_YEAR`].
pub const NON_PERIODIC_LAST_YEAR: i32 = 2599;

/// The year that anchors the 400-year tables of a calendar whose offset never changes and
/// that has no other year needing individual attention.
const ANCHOR_YEAR: i32 = 2000;

/// Most shifts one weekday (`hours.<day>`) or one exception date (`exceptions.<date>`) may
/// list. Every shift is an interval of each compiled year, so this bounds a year's size.
pub const MAX_SHIFTS_PER_DAY: usize = 16;
/// Most weekly shifts (those of `hours`, over the seven weekdays) the calendars of one
/// combination may have together (one zoned calendar has at most 7 × 16 = 112).
pub const MAX_WEEKLY_SHIFTS: usize = 128;
/// Most holiday rules and dates one calendar may have, built-in presets expanded (a preset
/// counts its rules), all the calendars of a combination counted together.
pub const MAX_HOLIDAY_RULES: usize = 1_000;
/// Most exception dates one calendar may have, all the calendars of a combination counted
/// together.
pub const MAX_EXCEPTIONS: usize = 500;
/// Most zoned calendars one union, intersection or difference may combine, counted over all
/// its levels (a union of two differences of three calendars each combines six).
pub const MAX_COMBINED_CALENDARS: usize = 16;
/// Deepest nesting of unions, intersections and differences (a difference of a union of
/// zoned calendars is 2 deep).
pub const MAX_NESTING_DEPTH: usize = 8;

/// A validated business calendar.
///
/// Deserializing one *is* validation: `Calendar` deserializes through [`CalendarSpec`] and
/// serializes back to it.
///
/// # Example: a deadline across a weekend
///
/// ```
/// use chrono::{DateTime, TimeDelta, Utc};
/// use slacalc::Calendar;
///
/// let office: Calendar = serde_json::from_str(r#"{
///     "timezone": "Europe/Berlin",
///     "hours": { "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
///                "thu": ["09:00-17:00"], "fri": ["09:00-17:00"] }
/// }"#)?;
/// // Friday 2026-11-27 15:00 in Berlin (14:00 UTC) plus four business hours:
/// let reported: DateTime<Utc> = "2026-11-27T14:00:00Z".parse()?;
/// let due = office.add(reported, TimeDelta::hours(4))?;
/// assert_eq!(due.to_rfc3339(), "2026-11-30T10:00:00+00:00"); // Monday 11:00 in Berlin
/// assert_eq!(office.between(reported, due)?, TimeDelta::hours(4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Example: a shift across the spring-forward gap
///
/// On 2024-03-10 New York skips from 02:00 to 03:00. A night shift `22:00-06:00` starting on
/// Saturday the 9th therefore holds seven hours, not eight.
///
/// ```
/// use chrono::{DateTime, TimeDelta, Utc};
/// use slacalc::Calendar;
///
/// let nights: Calendar = serde_json::from_str(r#"{
///     "timezone": "America/New_York", "hours": { "sat": ["22:00-06:00"] }
/// }"#)?;
/// let from: DateTime<Utc> = "2024-03-10T03:00:00Z".parse()?; // Sat 22:00 EST
/// let to: DateTime<Utc> = "2024-03-10T10:00:00Z".parse()?;   // Sun 06:00 EDT
/// assert_eq!(nights.between(from, to)?, TimeDelta::hours(7));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Example: a shift across the fall-back fold
///
/// On 2024-11-03 New York repeats 01:00–02:00. A shift `00:00-03:00` that day counts the
/// repeated hour twice: four hours of business time.
///
/// ```
/// use chrono::{DateTime, TimeDelta, Utc};
/// use slacalc::Calendar;
///
/// let early: Calendar = serde_json::from_str(r#"{
///     "timezone": "America/New_York", "hours": { "sun": ["00:00-03:00"] }
/// }"#)?;
/// let day: DateTime<Utc> = "2024-11-03T00:00:00Z".parse()?;
/// let next: DateTime<Utc> = "2024-11-04T00:00:00Z".parse()?;
/// assert_eq!(early.between(day, next)?, TimeDelta::hours(4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Calendar {
    inner: Arc<Inner>,
}

struct Inner {
    spec: CalendarSpec,
    kind: Kind,
    activity: Activity,
    /// Zoned calendars in this one (1 for a zoned calendar) and nesting depth of
    /// combinations (0 for a zoned calendar).
    calendars: usize,
    depth: usize,
    /// Weekly shifts, holiday rules and exception dates, members included.
    weekly_shifts: usize,
    rules: usize,
    exceptions: usize,
    cache: YearCache<Chunk>,
    /// Period tables of business seconds, one per periodic region of the activity.
    regions: Box<[OnceLock<Period>]>,
    /// Business-day tables per local year, and their periods.
    days: YearCache<DayYear>,
    day_regions: Box<[OnceLock<Period>]>,
    /// For the listed years (see `Calendar::listed_index`): where the first year of each
    /// irregular interval is, and the cached totals of business seconds and business days.
    listed_starts: Vec<usize>,
    listed_seconds: Box<[OnceLock<i64>]>,
    listed_days: Box<[OnceLock<i64>]>,
    /// Weekly patterns by the offsets of the calendar's zones (see `Calendar::seconds_in`),
    /// kept up to [`PATTERN_CACHE_BYTES`].
    patterns: Mutex<PatternCache>,
}

/// Weekly patterns by the offsets of a calendar's zones, and the heap bytes they hold.
#[derive(Debug, Default)]
struct PatternCache {
    patterns: BTreeMap<Vec<i64>, Arc<Pattern>>,
    bytes: usize,
}

impl Inner {
    fn new(spec: CalendarSpec, kind: Kind) -> Inner {
        let activity = Calendar::activity_of(&kind);
        let (regions, day_regions) = (region_cells(&activity), region_cells(&activity));
        let (calendars, depth) = match &kind {
            Kind::Zoned(_) => (1, 0),
            Kind::Composite(_, ms) => (
                ms.iter().map(|m| m.inner.calendars).sum(),
                1 + ms.iter().map(|m| m.inner.depth).max().unwrap_or(0),
            ),
        };
        let (weekly_shifts, rules, exceptions) = match &kind {
            Kind::Zoned(z) => (
                z.weekly.iter().map(Vec::len).sum(),
                z.holidays.rule_count(),
                z.exceptions.len(),
            ),
            Kind::Composite(_, ms) => (
                ms.iter().map(|m| m.inner.weekly_shifts).sum(),
                ms.iter().map(|m| m.inner.rules).sum(),
                ms.iter().map(|m| m.inner.exceptions).sum(),
            ),
        };
        let mut listed_starts = Vec::new();
        let listed = match &activity {
            Activity::Never => 0,
            Activity::Finite(ys) => ys.len(),
            Activity::Perpetual { irregular, .. } => {
                let mut n = 0usize;
                for &(a, b) in irregular {
                    listed_starts.push(n);
                    let len = usize::try_from(i64::from(b) - i64::from(a) + 1).unwrap_or(0);
                    n = n.saturating_add(len);
                }
                n
            }
        };
        let cells = || (0..listed).map(|_| OnceLock::new()).collect();
        Inner {
            listed_starts,
            listed_seconds: cells(),
            listed_days: cells(),
            spec,
            kind,
            calendars,
            depth,
            weekly_shifts,
            rules,
            exceptions,
            activity,
            cache: YearCache::with_budget(CHUNK_CACHE_BYTES),
            regions,
            days: YearCache::with_budget(DAY_CACHE_BYTES),
            day_regions,
            patterns: Mutex::default(),
        }
    }
}

#[derive(Clone, Debug)]
enum Kind {
    Zoned(Box<Zoned>),
    Composite(SetOp, Vec<Calendar>),
}

/// Which UTC years can hold business time.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Activity {
    /// None ever.
    Never,
    /// Only these years (sorted, unique).
    Finite(Vec<i32>),
    /// Any year. Outside the `irregular` year intervals (sorted, disjoint), the year totals
    /// repeat every 400 years when `periodic`; when not (Easter-based holidays without an
    /// end), `irregular` is the one supported range and the years outside it are out of range.
    Perpetual {
        irregular: Vec<(i32, i32)>,
        periodic: bool,
    },
}

impl Activity {
    fn non_periodic() -> Activity {
        Activity::Perpetual {
            irregular: vec![(NON_PERIODIC_FIRST_YEAR, NON_PERIODIC_LAST_YEAR)],
            periodic: false,
        }
    }
}

fn region_cells(activity: &Activity) -> Box<[OnceLock<Period>]> {
    let n = match activity {
        Activity::Perpetual { irregular, .. } => irregular.len() + 1,
        _ => 0,
    };
    (0..n).map(|_| OnceLock::new()).collect()
}

/// Sorts and merges overlapping or adjacent year intervals.
fn merge_windows(mut windows: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    windows.sort_unstable();
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(windows.len());
    for (a, b) in windows {
        match out.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("spec", &self.inner.spec)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Calendar {
    /// Two calendars are equal when their configurations are equal.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner) || self.inner.spec == other.inner.spec
    }
}

impl Eq for Calendar {}

impl Serialize for Calendar {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.inner.spec.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Calendar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spec = <CalendarSpec as Deserialize>::deserialize(d)?;
        Calendar::try_from(spec).map_err(serde::de::Error::custom)
    }
}

impl From<Calendar> for CalendarSpec {
    fn from(c: Calendar) -> CalendarSpec {
        c.inner.spec.clone()
    }
}

impl TryFrom<CalendarSpec> for Calendar {
    type Error = Error;

    fn try_from(spec: CalendarSpec) -> Result<Calendar, Error> {
        Calendar::from_spec_at(spec, "")
    }
}

fn too_deep(path: String, depth: usize) -> Error {
    Error::InvalidValue {
        path,
        value: format!("combinations nested {depth} deep"),
        expected: format!(
            "unions, intersections and differences nested at most {MAX_NESTING_DEPTH} deep"
        ),
    }
}

fn too_many(path: String, calendars: usize) -> Error {
    Error::InvalidValue {
        path,
        value: format!("{calendars} calendars"),
        expected: format!("at most {MAX_COMBINED_CALENDARS} zoned calendars in one combination, all levels counted"),
    }
}

/// Checks the limits of a combination of `members` (found at `path`).
fn check_combined(path: &str, members: &[Calendar]) -> Result<(), Error> {
    let calendars: usize = members.iter().map(|m| m.inner.calendars).sum();
    if calendars > MAX_COMBINED_CALENDARS {
        return Err(too_many(path.to_owned(), calendars));
    }
    let depth = 1 + members.iter().map(|m| m.inner.depth).max().unwrap_or(0);
    if depth > MAX_NESTING_DEPTH {
        return Err(too_deep(path.to_owned(), depth));
    }
    let total = |f: fn(&Inner) -> usize| members.iter().map(|m| f(&m.inner)).sum::<usize>();
    for (count, limit, what) in [
        (
            total(|i| i.weekly_shifts),
            MAX_WEEKLY_SHIFTS,
            "weekly shifts",
        ),
        (total(|i| i.rules), MAX_HOLIDAY_RULES, "holiday rules"),
        (total(|i| i.exceptions), MAX_EXCEPTIONS, "exception dates"),
    ] {
        if count > limit {
            return Err(Error::InvalidValue {
                path: path.to_owned(),
                value: format!("{count} {what}"),
                expected: format!(
                    "at most {limit} {what}, all the calendars of a combination counted together"
                ),
            });
        }
    }
    Ok(())
}

fn parse_spans(path: &str, shifts: &[String]) -> Result<Spans, Error> {
    if shifts.len() > MAX_SHIFTS_PER_DAY {
        return Err(Error::InvalidValue {
            path: path.to_owned(),
            value: format!("{} shifts", shifts.len()),
            expected: format!("at most {MAX_SHIFTS_PER_DAY} shifts a day"),
        });
    }
    let mut spans = Vec::with_capacity(shifts.len());
    for (i, s) in shifts.iter().enumerate() {
        let shift: Shift = s.parse().map_err(|e| match e {
            Error::InvalidShift { input, reason, .. } => Error::InvalidShift {
                path: format!("{path}[{i}]"),
                input,
                reason,
            },
            other => other,
        })?;
        spans.push(shift.local_span_seconds());
    }
    spans.sort_unstable();
    Ok(spans)
}

/// Splits an instant into Unix seconds and nanoseconds (a leap second's extra nanoseconds are
/// treated as the last nanosecond of its second).
#[inline]
fn split(t: DateTime<Utc>) -> (i64, i64) {
    let n = i64::from(t.timestamp_subsec_nanos()).min(NANOS_PER_SEC - 1);
    (t.timestamp(), n)
}

#[inline]
fn instant(secs: i64, nanos: i64, operation: &'static str) -> Result<DateTime<Utc>, Error> {
    u32::try_from(nanos)
        .ok()
        .and_then(|n| DateTime::from_timestamp(secs, n))
        .ok_or(Error::OutOfRange { operation })
}

impl Calendar {
    /// Parses and validates a calendar from JSON, with typed errors: [`Error::Parse`] (with
    /// line and column) for malformed JSON or unknown fields, and the validation errors of
    /// [`Calendar::try_from`] otherwise. (Deserializing a `Calendar` with serde directly
    /// reports the same problems as serde errors.)
    ///
    /// ```
    /// let err = slacalc::Calendar::from_json(r#"{"timezone": "UTC", "hours": {"mon": ["8-17"]}}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "hours.mon[0]: invalid shift `8-17`: expected HH:MM-HH:MM with times from 00:00 to 24:00");
    /// ```
    ///
    /// # Errors
    /// As described above.
    pub fn from_json(json: &str) -> Result<Calendar, Error> {
        let spec: CalendarSpec = serde_json::from_str(json).map_err(|e| Error::Parse {
            format: "JSON".into(),
            message: e.to_string(),
        })?;
        Calendar::try_from(spec)
    }

    /// Validates `spec`, reporting errors under the config path `path`.
    pub(crate) fn from_spec_at(spec: CalendarSpec, path: &str) -> Result<Calendar, Error> {
        Calendar::from_spec_in(spec, path, 0)
    }

    /// Validates `spec`, found `depth` combinations deep.
    fn from_spec_in(spec: CalendarSpec, path: &str, depth: usize) -> Result<Calendar, Error> {
        let composite = [
            ("union", &spec.union, SetOp::Union),
            ("intersection", &spec.intersection, SetOp::Intersection),
            ("difference", &spec.difference, SetOp::Difference),
        ];
        let given: Vec<_> = composite.iter().filter(|c| c.1.is_some()).collect();
        let zoned_fields = spec.timezone.is_some()
            || !spec.hours.is_empty()
            || !spec.holidays.is_empty()
            || !spec.exceptions.is_empty();
        let kind = match given.as_slice() {
            [] => Kind::Zoned(Box::new(Self::zoned_from_spec(&spec, path)?)),
            [(name, Some(members), op)] if !zoned_fields => {
                if members.is_empty() {
                    return Err(Error::InvalidValue {
                        path: join(path, name),
                        value: "[]".into(),
                        expected: "at least one calendar".into(),
                    });
                }
                let at = join(path, name);
                if depth >= MAX_NESTING_DEPTH {
                    return Err(too_deep(at, depth + 1));
                }
                if members.len() > MAX_COMBINED_CALENDARS {
                    return Err(too_many(at, members.len()));
                }
                let mut cals = Vec::with_capacity(members.len());
                for (i, m) in members.iter().enumerate() {
                    cals.push(Calendar::from_spec_in(
                        m.clone(),
                        &format!("{at}[{i}]"),
                        depth + 1,
                    )?);
                }
                check_combined(&at, &cals)?;
                Kind::Composite(*op, cals)
            }
            _ => {
                let mut names: Vec<&str> = given.iter().map(|c| c.0).collect();
                if zoned_fields {
                    names.insert(0, "timezone/hours/holidays/exceptions");
                }
                return Err(Error::InvalidValue {
                    path: if path.is_empty() {
                        "calendar".into()
                    } else {
                        path.into()
                    },
                    value: names.join(" + "),
                    expected: "either a zoned calendar (timezone, hours, holidays, exceptions) \
                               or exactly one of union, intersection, difference"
                        .into(),
                });
            }
        };
        Ok(Calendar {
            inner: Arc::new(Inner::new(spec, kind)),
        })
    }

    fn zoned_from_spec(spec: &CalendarSpec, path: &str) -> Result<Zoned, Error> {
        let tz_path = join(path, "timezone");
        let name = spec
            .timezone
            .as_deref()
            .ok_or_else(|| Error::InvalidValue {
                path: tz_path.clone(),
                value: "(missing)".into(),
                expected: "an IANA time-zone name such as `Europe/Berlin`".into(),
            })?;
        let tz: Tz = name.parse().map_err(|_| Error::UnknownTimeZone {
            path: tz_path,
            name: name.to_owned(),
        })?;
        let mut weekly: [Spans; 7] = Default::default();
        for (key, shifts) in &spec.hours {
            let day: WeekdayKey = key.parse().map_err(|_| Error::UnknownWeekday {
                path: join(path, "hours"),
                input: key.clone(),
            })?;
            let spans = parse_spans(&join(path, &format!("hours.{key}")), shifts)?;
            if let Some(slot) = weekly.get_mut(day.weekday().num_days_from_monday() as usize) {
                *slot = spans;
            }
        }
        let too_many_rules = |n: usize| Error::InvalidValue {
            path: join(path, "holidays"),
            value: format!("{n} holiday rules"),
            expected: format!(
                "at most {MAX_HOLIDAY_RULES} holiday rules and dates, presets expanded"
            ),
        };
        if spec.holidays.len() > MAX_HOLIDAY_RULES {
            return Err(too_many_rules(spec.holidays.len()));
        }
        let holidays = Holidays::from_specs(&spec.holidays, &join(path, "holidays"))?;
        if holidays.rule_count() > MAX_HOLIDAY_RULES {
            return Err(too_many_rules(holidays.rule_count()));
        }
        if spec.exceptions.len() > MAX_EXCEPTIONS {
            return Err(Error::InvalidValue {
                path: join(path, "exceptions"),
                value: format!("{} dates", spec.exceptions.len()),
                expected: format!("at most {MAX_EXCEPTIONS} exception dates"),
            });
        }
        let mut exceptions = BTreeMap::new();
        for (key, shifts) in &spec.exceptions {
            let epath = join(path, &format!("exceptions.{key}"));
            let date = holiday::parse_date(&join(path, "exceptions"), key)?;
            if holidays.contains(date) {
                return Err(Error::HolidayAndException {
                    path: epath,
                    date: key.clone(),
                });
            }
            exceptions.insert(date, parse_spans(&epath, shifts)?);
        }
        Ok(Zoned {
            tz,
            weekly,
            holidays,
            exceptions,
        })
    }

    fn activity_of(kind: &Kind) -> Activity {
        match kind {
            Kind::Zoned(z) => {
                use chrono::Datelike;
                if z.has_weekly_hours() {
                    if !z.holidays.is_periodic() {
                        return Activity::non_periodic();
                    }
                    // A zone whose offset never changes still needs one irregular year, to
                    // anchor the 400-year tables of the years before and after it.
                    let mut windows =
                        vec![zoned::transition_years(&z.tz).unwrap_or((ANCHOR_YEAR, ANCHOR_YEAR))];
                    for y in z
                        .exceptions
                        .keys()
                        .map(|d| d.year())
                        .chain(z.holidays.special_year_list())
                    {
                        windows.push((y.saturating_sub(1), y.saturating_add(1)));
                    }
                    Activity::Perpetual {
                        irregular: merge_windows(windows),
                        periodic: true,
                    }
                } else {
                    let mut years: Vec<i32> = z
                        .exceptions
                        .iter()
                        .filter(|(_, s)| !s.is_empty())
                        .flat_map(|(d, _)| [d.year() - 1, d.year(), d.year() + 1])
                        .collect();
                    years.sort_unstable();
                    years.dedup();
                    if years.is_empty() {
                        Activity::Never
                    } else {
                        Activity::Finite(years)
                    }
                }
            }
            Kind::Composite(op, members) => {
                let acts: Vec<&Activity> = members.iter().map(|m| &m.inner.activity).collect();
                let relevant: &[&Activity] = match op {
                    SetOp::Difference => acts.get(..1).unwrap_or(&[]),
                    _ => &acts,
                };
                let periodic = acts.iter().all(|a| {
                    !matches!(
                        a,
                        Activity::Perpetual {
                            periodic: false,
                            ..
                        }
                    )
                });
                // Every member's irregular years (and finite years) are irregular here too.
                let perpetual = || {
                    if !periodic {
                        return Activity::non_periodic();
                    }
                    let windows = acts
                        .iter()
                        .flat_map(|a| match a {
                            Activity::Never => Vec::new(),
                            Activity::Finite(ys) => ys.iter().map(|&y| (y, y)).collect(),
                            Activity::Perpetual { irregular, .. } => irregular.clone(),
                        })
                        .collect();
                    Activity::Perpetual {
                        irregular: merge_windows(windows),
                        periodic,
                    }
                };
                let finite_sets: Vec<&Vec<i32>> = relevant
                    .iter()
                    .filter_map(|a| match a {
                        Activity::Finite(ys) => Some(ys),
                        _ => None,
                    })
                    .collect();
                let any_perpetual = relevant
                    .iter()
                    .any(|a| matches!(a, Activity::Perpetual { .. }));
                let finite = |ys: Vec<i32>| {
                    if ys.is_empty() {
                        Activity::Never
                    } else {
                        Activity::Finite(ys)
                    }
                };
                match op {
                    SetOp::Union | SetOp::Difference => {
                        if any_perpetual {
                            perpetual()
                        } else {
                            let mut ys: Vec<i32> = finite_sets
                                .iter()
                                .flat_map(|ys| ys.iter().copied())
                                .collect();
                            ys.sort_unstable();
                            ys.dedup();
                            finite(ys)
                        }
                    }
                    SetOp::Intersection => {
                        if acts.iter().any(|a| **a == Activity::Never) {
                            return Activity::Never;
                        }
                        match finite_sets.split_first() {
                            None => perpetual(),
                            Some((first, rest)) => finite(
                                first
                                    .iter()
                                    .copied()
                                    .filter(|y| rest.iter().all(|r| r.binary_search(y).is_ok()))
                                    .collect(),
                            ),
                        }
                    }
                }
            }
        }
    }

    /// The calendar's configuration.
    pub fn spec(&self) -> &CalendarSpec {
        &self.inner.spec
    }

    /// The local date of `at` in the calendar's zone (UTC for a union, intersection or
    /// difference, which have no single zone).
    ///
    /// # Errors
    /// [`Error::OutOfRange`] within hours of chrono's first or last instant, where the local
    /// date does not exist.
    pub fn local_date(&self, at: DateTime<Utc>) -> Result<NaiveDate, Error> {
        match self.timezone() {
            Some(tz) => crate::time::local_date(&tz, at, "local_date"),
            None => Ok(at.date_naive()),
        }
    }

    /// The time zone of a zoned calendar; `None` for a union, intersection or difference.
    pub fn timezone(&self) -> Option<Tz> {
        match &self.inner.kind {
            Kind::Zoned(z) => Some(z.tz),
            Kind::Composite(..) => None,
        }
    }

    /// Bytes of heap memory held by the compiled years so far, members included: about 6 KiB
    /// for each year of an office calendar that an operation touches, up to the 800 cached
    /// years 1800–2599 and never more than 48 MiB of them, plus the per-year totals and
    /// 400-year tables that walks compute (16 bytes a year).
    pub fn memory_bytes(&self) -> usize {
        let inner = &self.inner;
        let tables = (inner.regions.iter().chain(inner.day_regions.iter()))
            .map(|p| {
                p.get().map_or(0, Period::heap_bytes) + std::mem::size_of::<OnceLock<Period>>()
            })
            .sum::<usize>();
        let own = inner.cache.heap_bytes()
            + inner.days.heap_bytes()
            + tables
            + (inner.listed_seconds.len() + inner.listed_days.len())
                * std::mem::size_of::<OnceLock<i64>>()
            + inner.listed_starts.capacity() * std::mem::size_of::<usize>()
            + inner
                .patterns
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .bytes;
        match &self.inner.kind {
            Kind::Zoned(_) => own,
            Kind::Composite(_, members) => {
                own + members.iter().map(Calendar::memory_bytes).sum::<usize>()
            }
        }
    }

    /// The union of calendars: business time whenever any of them is open.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when `calendars` is empty, or when the combination exceeds
    /// [`MAX_COMBINED_CALENDARS`] or [`MAX_NESTING_DEPTH`].
    pub fn union(calendars: &[Calendar]) -> Result<Calendar, Error> {
        Self::composite("union", calendars, |s, v| s.union = Some(v))
    }

    /// The intersection of calendars: business time when all of them are open at once.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when `calendars` is empty, or when the combination exceeds
    /// [`MAX_COMBINED_CALENDARS`] or [`MAX_NESTING_DEPTH`].
    pub fn intersection(calendars: &[Calendar]) -> Result<Calendar, Error> {
        Self::composite("intersection", calendars, |s, v| s.intersection = Some(v))
    }

    /// Business time of `self` when none of `others` is open (for example, service hours
    /// minus maintenance windows).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the combination exceeds [`MAX_COMBINED_CALENDARS`] or
    /// [`MAX_NESTING_DEPTH`].
    pub fn difference(&self, others: &[Calendar]) -> Result<Calendar, Error> {
        let mut all = Vec::with_capacity(others.len() + 1);
        all.push(self.clone());
        all.extend_from_slice(others);
        Self::composite("difference", &all, |s, v| s.difference = Some(v))
    }

    fn composite(
        name: &str,
        calendars: &[Calendar],
        set: impl FnOnce(&mut CalendarSpec, Vec<CalendarSpec>),
    ) -> Result<Calendar, Error> {
        let op = match name {
            "union" => SetOp::Union,
            "intersection" => SetOp::Intersection,
            _ => SetOp::Difference,
        };
        if calendars.is_empty() {
            return Err(Error::InvalidValue {
                path: name.into(),
                value: "[]".into(),
                expected: "at least one calendar".into(),
            });
        }
        check_combined(name, calendars)?;
        let mut spec = CalendarSpec::default();
        set(
            &mut spec,
            calendars.iter().map(|c| c.inner.spec.clone()).collect(),
        );
        let kind = Kind::Composite(op, calendars.to_vec());
        Ok(Calendar {
            inner: Arc::new(Inner::new(spec, kind)),
        })
    }

    // ---------------------------------------------------------------- compiled years

    /// The compiled chunk of UTC year `y` (empty outside chrono's range).
    #[inline]
    fn chunk(&self, y: i32) -> Cow<'_, Chunk> {
        if let Some(c) = self.inner.cache.get(y) {
            return Cow::Borrowed(c);
        }
        self.chunk_slow(y)
    }

    #[cold]
    fn chunk_slow(&self, y: i32) -> Cow<'_, Chunk> {
        let empty = || {
            let ys = year_start(y);
            Chunk::from_sorted(ys, year_start(y.saturating_add(1)), &[])
        };
        if !self.may_have_time(y) || !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            return Cow::Owned(empty());
        }
        let built = self.inner.cache.get_or_build(y, || Ok(self.build_chunk(y)));
        built.unwrap_or_else(|_| Cow::Owned(empty()))
    }

    fn periodic(&self) -> bool {
        !matches!(
            self.inner.activity,
            Activity::Perpetual {
                periodic: false,
                ..
            }
        )
    }

    fn finite_years(&self) -> Option<&[i32]> {
        match &self.inner.activity {
            Activity::Finite(ys) => Some(ys),
            _ => None,
        }
    }

    fn may_have_time(&self, y: i32) -> bool {
        match &self.inner.activity {
            Activity::Never => false,
            Activity::Finite(ys) => ys.binary_search(&y).is_ok(),
            Activity::Perpetual { .. } => true,
        }
    }

    fn build_chunk(&self, y: i32) -> Chunk {
        let (ys, ye) = (year_start(y), year_start(y.saturating_add(1)));
        Chunk::from_sorted(ys, ye, &self.intervals_in(ys, ye))
    }

    /// The business intervals within `[start, end)`, sorted by start, disjoint or touching.
    /// A combination combines its members' intervals without compiling or keeping their
    /// years: keeping them would multiply the memory by the number of members.
    fn intervals_in(&self, start: i64, end: i64) -> Vec<(i64, i64)> {
        match &self.inner.kind {
            Kind::Zoned(z) => z.intervals_in(start, end),
            Kind::Composite(op, members) => algebra::combine_intervals(
                *op,
                members.iter().map(|m| m.intervals_in(start, end)).collect(),
            ),
        }
    }

    /// The zoned calendars in this one, depth first.
    fn leaves<'a>(&'a self, out: &mut Vec<&'a Zoned>) {
        match &self.inner.kind {
            Kind::Zoned(z) => out.push(z),
            Kind::Composite(_, members) => members.iter().for_each(|m| m.leaves(out)),
        }
    }

    /// The weekly pattern intervals of this calendar when its zones (depth first) have the
    /// offsets `offsets` yields.
    fn pattern_intervals(&self, offsets: &mut std::slice::Iter<'_, i64>) -> Vec<(i64, i64)> {
        match &self.inner.kind {
            Kind::Zoned(z) => z.weekly_pattern(offsets.next().copied().unwrap_or(0)),
            Kind::Composite(op, members) => algebra::combine_intervals(
                *op,
                members
                    .iter()
                    .map(|m| m.pattern_intervals(offsets))
                    .collect(),
            ),
        }
    }

    /// The weekly pattern for the offsets of the calendar's zones, cached.
    fn pattern(&self, offsets: &[i64]) -> Arc<Pattern> {
        let cache = &self.inner.patterns;
        if let Some(p) = cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .patterns
            .get(offsets)
        {
            return Arc::clone(p);
        }
        let p = Arc::new(Pattern::new(&self.pattern_intervals(&mut offsets.iter())));
        let size = p.heap_bytes() + offsets.len() * 8 + std::mem::size_of::<Pattern>();
        let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
        if cache.bytes.saturating_add(size) <= PATTERN_CACHE_BYTES
            && !cache.patterns.contains_key(offsets)
        {
            cache.bytes += size;
            cache.patterns.insert(offsets.to_vec(), Arc::clone(&p));
        }
        p
    }

    /// Business seconds of UTC year `y`: the compiled chunk's total if the year is cached,
    /// else summed without compiling it (see [`Calendar::seconds_in`]).
    fn year_seconds(&self, y: i32) -> i64 {
        if let Some(c) = self.inner.cache.get(y) {
            return c.total;
        }
        if !self.may_have_time(y) || !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            return 0;
        }
        self.seconds_in(year_start(y), year_start(y.saturating_add(1)))
    }

    /// Business seconds in `[start, end)`, equal to the sum of [`Calendar::intervals_in`]
    /// but computed stretch by stretch: around the local days that differ from the weekly
    /// shifts (holidays on days with shifts, exceptions) the intervals are listed and summed;
    /// everywhere else the business time follows the weekly pattern of the zones' offsets at
    /// the time, and each stretch of constant offsets is read from that pattern.
    fn seconds_in(&self, start: i64, end: i64) -> i64 {
        let mut leaves = Vec::new();
        self.leaves(&mut leaves);
        let pieces: Vec<Vec<(i64, i64, i64)>> = leaves
            .iter()
            .map(|z| zoned::offset_pieces(&z.tz, start, end))
            .collect();
        let mut windows = Vec::new();
        for (z, p) in leaves.iter().zip(&pieces) {
            let min_off = p.iter().map(|x| x.2).min().unwrap_or(0);
            let max_off = p.iter().map(|x| x.2).max().unwrap_or(0);
            z.irregular_windows(start, end, min_off, max_off, &mut windows);
        }
        windows.sort_unstable();
        let mut exact: Vec<(i64, i64)> = Vec::with_capacity(windows.len());
        for (a, b) in windows {
            let (a, b) = (a.max(start), b.min(end));
            if a >= b {
                continue;
            }
            match exact.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => exact.push((a, b)),
            }
        }
        let mut cuts: Vec<i64> = pieces
            .iter()
            .flat_map(|p| p.iter().map(|x| x.0))
            .filter(|&t| t > start && t < end)
            .collect();
        cuts.sort_unstable();
        cuts.dedup();

        let mut offsets = vec![0i64; leaves.len()];
        let mut regular = |a: i64, b: i64| -> i64 {
            let mut sum = 0;
            let from = cuts.partition_point(|&c| c <= a);
            let inner = cuts
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&c| c < b);
            let mut s = a;
            for e in inner.copied().chain(std::iter::once(b)) {
                for (o, p) in offsets.iter_mut().zip(&pieces) {
                    *o = p.iter().find(|x| x.0 <= s && s < x.1).map_or(0, |x| x.2);
                }
                sum += self.pattern(&offsets).seconds(s, e);
                s = e;
            }
            sum
        };
        let mut total = 0i64;
        let mut t = start;
        for &(a, b) in &exact {
            if t < a {
                total += regular(t, a);
            }
            total += self
                .intervals_in(a, b)
                .iter()
                .map(|&(x, y)| y - x)
                .sum::<i64>();
            t = b;
        }
        if t < end {
            total += regular(t, end);
        }
        total
    }

    /// Whether, outside the irregular years, a year's totals depend only on the shape of the
    /// years around it (see `YearSeries::region_period`): true when every holiday rule
    /// anywhere in the calendar depends on weekdays only (no Easter rules).
    fn totals_follow_year_shape(&self) -> bool {
        match &self.inner.kind {
            Kind::Zoned(z) => z.holidays.follow_weekdays_only(),
            Kind::Composite(_, ms) => ms.iter().all(Calendar::totals_follow_year_shape),
        }
    }

    /// The position of year `y` among the listed years: a finite calendar's years, or the
    /// years of a perpetual calendar's irregular intervals, in order.
    fn listed_index(&self, y: i32) -> Option<usize> {
        match &self.inner.activity {
            Activity::Never => None,
            Activity::Finite(ys) => ys.binary_search(&y).ok(),
            Activity::Perpetual { irregular, .. } => {
                let k = irregular.partition_point(|r| r.1 < y);
                let r = irregular.get(k).filter(|r| r.0 <= y)?;
                let within = usize::try_from(i64::from(y) - i64::from(r.0)).ok()?;
                self.inner.listed_starts.get(k)?.checked_add(within)
            }
        }
    }

    /// The irregular year intervals of a perpetual calendar (see [`YearSeries`]).
    fn irregular(&self) -> &[(i32, i32)] {
        match &self.inner.activity {
            Activity::Perpetual { irregular, .. } => irregular,
            _ => &[],
        }
    }

    /// The last year after which nothing changes any more (the 400-year cycle repeats).
    fn last_irregular_year(&self) -> Option<i32> {
        match &self.inner.activity {
            Activity::Never => None,
            Activity::Finite(ys) => ys.last().copied(),
            Activity::Perpetual { irregular, .. } => irregular.last().map(|r| r.1),
        }
    }

    /// Where the running total `c`, counted from the start of UTC year `y`, is reached
    /// (earliest) or left (latest), as a Unix second.
    fn locate(&self, y: i32, c: i64, extreme: Extreme, at: DateTime<Utc>) -> Result<i64, Error> {
        let direction = if c < 0 { "before" } else { "after" };
        let (y, c) = Seconds(self).walk(y, c, extreme).map_err(|e| match e {
            WalkError::Exhausted => Error::NoBusinessTime { at, direction },
            WalkError::OutOfRange => Error::OutOfRange {
                operation: "calendar arithmetic",
            },
        })?;
        let chunk = self.chunk(y);
        Ok(match extreme {
            Extreme::Earliest => chunk.earliest_with_cum(c),
            Extreme::Latest => chunk.latest_with_cum(c),
        })
    }

    /// Where `at` stands: its UTC year, that year's chunk, the business seconds of the year
    /// before `at`'s second, and the nanoseconds of that second that count (those of an open
    /// second).
    #[inline]
    fn position(&self, at: DateTime<Utc>) -> (i32, Cow<'_, Chunk>, i64, i64) {
        let (s, n) = split(at);
        let y = year_of_secs(s);
        let chunk = self.chunk(y);
        let (cum, open) = chunk.cum_and_open(s);
        (y, chunk, cum, if open { n } else { 0 })
    }

    // ---------------------------------------------------------------- public operations

    /// The earliest instant `r >= at` such that the business time in `[at, r)` equals
    /// `duration`. A negative `duration` is the same as [`Calendar::sub`] of its magnitude;
    /// zero returns `at`.
    ///
    /// Note the boundary convention: one hour added at Friday 16:00 to a 09:00–17:00 calendar
    /// gives Friday 17:00, not Monday 09:00 — both hold the same business time, and a deadline
    /// is due at the earliest.
    ///
    /// # Errors
    /// [`Error::NoBusinessTime`] when the calendar never accumulates that much business time
    /// after `at`; [`Error::OutOfRange`] when the result is beyond chrono's range.
    pub fn add(&self, at: DateTime<Utc>, duration: TimeDelta) -> Result<DateTime<Utc>, Error> {
        if duration < TimeDelta::zero() {
            let magnitude = TimeDelta::zero()
                .checked_sub(&duration)
                .ok_or(Error::OutOfRange { operation: "add" })?;
            return self.sub(at, magnitude);
        }
        if duration.is_zero() {
            return Ok(at);
        }
        let (y, chunk, cum, counted_nanos) = self.position(at);
        let mut frac = counted_nanos + i64::from(duration.subsec_nanos());
        let mut need = cum
            .checked_add(duration.num_seconds())
            .ok_or(Error::OutOfRange { operation: "add" })?;
        if frac >= NANOS_PER_SEC {
            frac -= NANOS_PER_SEC;
            need += 1;
        }
        // Fast path: the answer lies in the same year.
        let r = if frac == 0 && need <= chunk.total {
            chunk.earliest_with_cum(need)
        } else if frac > 0 && need < chunk.total {
            chunk.latest_with_cum(need)
        } else {
            let rest = need - chunk.total;
            drop(chunk);
            let extreme = if frac == 0 {
                Extreme::Earliest
            } else {
                Extreme::Latest
            };
            // Second fastest: the next year (a span of up to a year of business time).
            let next = self.chunk(y.saturating_add(1));
            match extreme {
                Extreme::Earliest if rest <= next.total => next.earliest_with_cum(rest),
                Extreme::Latest if rest < next.total => next.latest_with_cum(rest),
                _ => {
                    drop(next);
                    self.locate(y, need, extreme, at)?
                }
            }
        };
        instant(r, frac, "add")
    }

    /// The latest instant `r <= at` such that the business time in `[r, at)` equals
    /// `duration`. A negative `duration` is the same as [`Calendar::add`] of its magnitude;
    /// zero returns `at`.
    ///
    /// # Errors
    /// [`Error::NoBusinessTime`] when there is not that much business time before `at`;
    /// [`Error::OutOfRange`] when the result is beyond chrono's range.
    pub fn sub(&self, at: DateTime<Utc>, duration: TimeDelta) -> Result<DateTime<Utc>, Error> {
        if duration < TimeDelta::zero() {
            let magnitude = TimeDelta::zero()
                .checked_sub(&duration)
                .ok_or(Error::OutOfRange { operation: "sub" })?;
            return self.add(at, magnitude);
        }
        if duration.is_zero() {
            return Ok(at);
        }
        let (y, chunk, cum, counted_nanos) = self.position(at);
        let mut frac = counted_nanos - i64::from(duration.subsec_nanos());
        let mut target = cum
            .checked_sub(duration.num_seconds())
            .ok_or(Error::OutOfRange { operation: "sub" })?;
        if frac < 0 {
            frac += NANOS_PER_SEC;
            target -= 1;
        }
        // Fast path: the answer lies in the same year.
        let r = if target >= 0 && target < chunk.total {
            chunk.latest_with_cum(target)
        } else {
            drop(chunk);
            let prev = self.chunk(y.saturating_sub(1));
            let rest = target + prev.total;
            if target < 0 && rest >= 0 && rest < prev.total {
                prev.latest_with_cum(rest)
            } else {
                drop(prev);
                self.locate(y, target, Extreme::Latest, at)?
            }
        };
        instant(r, frac, "sub")
    }

    /// Business time in `[from, to)`; negative when `to` is before `from`
    /// (`between(a, b) == -between(b, a)`), so that it is additive over adjacent ranges.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] only if the result cannot be represented as a `TimeDelta`.
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<TimeDelta, Error> {
        if to < from {
            let d = self.between(to, from)?;
            return TimeDelta::zero().checked_sub(&d).ok_or(Error::OutOfRange {
                operation: "between",
            });
        }
        let (sa, na) = split(from);
        let (sb, nb) = split(to);
        let (ya, yb) = (year_of_secs(sa), year_of_secs(sb));
        let ca = self.chunk(ya);
        let (cum_a, open_a) = ca.cum_and_open(sa);
        let (secs, open_b) = if ya == yb {
            let (cum_b, open_b) = ca.cum_and_open(sb);
            (cum_b - cum_a, open_b)
        } else {
            let cb = self.chunk(yb);
            let middle =
                Seconds(self)
                    .sum_years(ya + 1, yb - 1)
                    .map_err(|_| Error::OutOfRange {
                        operation: "between",
                    })?;
            let (cum_b, open_b) = cb.cum_and_open(sb);
            ((ca.total - cum_a) + middle + cum_b, open_b)
        };
        let adjust = if open_b { nb } else { 0 } - if open_a { na } else { 0 };
        TimeDelta::try_seconds(secs)
            .and_then(|d| d.checked_add(&TimeDelta::nanoseconds(adjust)))
            .ok_or(Error::OutOfRange {
                operation: "between",
            })
    }

    /// Whether `at` is business time.
    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        let s = at.timestamp();
        self.chunk(year_of_secs(s)).is_open(s)
    }

    /// The earliest business instant at or after `at`; `Ok(None)` if the calendar never opens
    /// again (before the end of chrono's range).
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] on a calendar with open-ended Easter-based holidays when the
    /// answer lies beyond a whole year without business time outside
    /// [`NON_PERIODIC_FIRST_YEAR`]`..=`[`NON_PERIODIC_LAST_YEAR`] (where such a calendar's
    /// years are not computed): the same years [`Calendar::between`] refuses to cross.
    ///
    /// ```
    /// # use slacalc::Calendar;
    /// let office: Calendar = serde_json::from_str(
    ///     r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]}}"#,
    /// )?;
    /// let sunday = "2026-11-22T12:00:00Z".parse()?;
    /// assert_eq!(
    ///     office.next_open(sunday)?,
    ///     Some("2026-11-23T08:00:00Z".parse()?),
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_open(&self, at: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, Error> {
        let (s, n) = split(at);
        let y = year_of_secs(s);
        let chunk = self.chunk(y);
        if chunk.is_open(s) {
            return Ok(Some(at));
        }
        // A closed second stays closed to its end, so the next opening is a whole second.
        let probe = if n > 0 { s + 1 } else { s };
        if let Some(t) = chunk.next_open(probe) {
            return Ok(DateTime::from_timestamp(t, 0));
        }
        drop(chunk);
        // The first later year with business time: its first interval.
        let Some(next) = y.checked_add(1).filter(|&y| y <= MAX_YEAR) else {
            return Ok(None);
        };
        match self.locate(next, 0, Extreme::Latest, at) {
            Ok(first_time) => Ok(DateTime::from_timestamp(first_time, 0)),
            Err(Error::NoBusinessTime { .. }) => Ok(None),
            // A periodic calendar only runs out of chrono's years: no opening before its end.
            Err(Error::OutOfRange { .. }) if self.periodic() => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The earliest non-business instant at or after `at` (`at` itself when closed);
    /// `Ok(None)` if the calendar stays open from `at` to the end of chrono's range.
    ///
    /// # Errors
    ///
    /// [`Error::OutOfRange`] on a calendar with open-ended Easter-based holidays when the
    /// answer lies beyond a whole year open around the clock outside
    /// [`NON_PERIODIC_FIRST_YEAR`]`..=`[`NON_PERIODIC_LAST_YEAR`]: the same years
    /// [`Calendar::between`] refuses to cross.
    ///
    /// ```
    /// # use slacalc::Calendar;
    /// let office: Calendar = serde_json::from_str(
    ///     r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]}}"#,
    /// )?;
    /// let monday_noon = "2026-11-23T11:00:00Z".parse()?;
    /// assert_eq!(
    ///     office.next_close(monday_noon)?,
    ///     Some("2026-11-23T16:00:00Z".parse()?),
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_close(&self, at: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, Error> {
        let (s, _) = split(at);
        let mut y = year_of_secs(s);
        let mut end = match self.chunk(y).end_of_interval_containing(s) {
            None => return Ok(Some(at)),
            Some(e) => e,
        };
        let Some(hi) = self.last_irregular_year() else {
            return Ok(None);
        };
        let periodic = self.periodic();
        let exact = NON_PERIODIC_FIRST_YEAR..=NON_PERIODIC_LAST_YEAR;
        // Fully open years seen in a row after the last irregular year: a whole 400-year cycle
        // of them means open forever.
        let mut open_run = 0;
        loop {
            let Some(year_end) = y.checked_add(1).map(year_start) else {
                return Ok(None);
            };
            if end < year_end {
                return Ok(DateTime::from_timestamp(end, 0));
            }
            // Open to the end of the year: continue into the next.
            y += 1;
            if y > MAX_YEAR {
                return Ok(None);
            }
            if periodic && y > hi {
                open_run += 1;
                if open_run > PERIOD_YEARS {
                    return Ok(None);
                }
            }
            let series = Seconds(self);
            if let (true, years::Place::Region(k)) = (periodic, series.place(y)) {
                // A periodic stretch open around the clock in all of its 400-year cycle is open
                // to its end: jump there instead of stepping year by year.
                if series
                    .region_period(k)
                    .is_some_and(|p| p.is_full_cycle_open())
                {
                    match series.region_bounds(k).1 {
                        None => return Ok(None),
                        Some(b) if b > y => {
                            y = b;
                            end = year_start(b.saturating_add(1));
                            continue;
                        }
                        Some(_) => {}
                    }
                }
            }
            let next_start = year_start(y.saturating_add(1));
            if series.year_total(y) == next_start - year_start(y) {
                // A whole year open around the clock lies between `at` and the answer.
                if !periodic && !exact.contains(&y) {
                    return Err(Error::OutOfRange {
                        operation: "next_close",
                    });
                }
                end = next_start;
                continue;
            }
            end = self
                .chunk(y)
                .end_of_interval_containing(year_start(y))
                .unwrap_or(year_start(y));
        }
    }

    /// Whether `date` is a business day: a local date on which at least one shift starts
    /// (weekly or exception hours) and that is not a holiday. A date that the zone skips
    /// entirely has no local instants and is never a business day (Pacific/Apia moved from
    /// UTC−10 to UTC+14 at the end of 2011-12-29: 2011-12-30 never happened there, and one
    /// business day after Thursday the 29th is Saturday the 31st). For a union it is a business
    /// day of any member, for an intersection of all, for a difference of the first.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        match &self.inner.kind {
            Kind::Zoned(z) => z.is_business_day(date),
            Kind::Composite(SetOp::Union, ms) => ms.iter().any(|m| m.is_business_day(date)),
            Kind::Composite(SetOp::Intersection, ms) => ms.iter().all(|m| m.is_business_day(date)),
            Kind::Composite(SetOp::Difference, ms) => {
                ms.first().is_some_and(|m| m.is_business_day(date))
            }
        }
    }
}

/// The business seconds of a calendar, year by year.
struct Seconds<'a>(&'a Calendar);

impl YearSeries for Seconds<'_> {
    fn calendar(&self) -> &Calendar {
        self.0
    }

    fn direct_total(&self, y: i32) -> i64 {
        self.0.year_seconds(y)
    }

    fn region_cells(&self) -> &[OnceLock<Period>] {
        &self.0.inner.regions
    }

    fn listed_cells(&self) -> &[OnceLock<i64>] {
        &self.0.inner.listed_seconds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Summing a stretch from weekly patterns gives exactly what compiling it gives, for
    /// zones with eventful histories, overnight shifts, holidays on days with and without
    /// shifts, exceptions and combinations, in years with and without offset changes.
    #[test]
    fn pattern_sums_equal_compiled_sums() {
        let zoned = [
            r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"],
                "fri": ["22:00-06:00"], "sun": ["00:00-03:00", "23:00-24:00"]},
                "holidays": [{"preset": "de"}, "1945-05-08"],
                "exceptions": {"2024-03-31": ["01:00-04:00"], "1916-05-02": []}}"#,
            r#"{"timezone": "America/New_York", "hours": {"sat": ["22:00-06:00"],
                "tue": ["00:00-24:00"]}, "holidays": [{"preset": "us"}]}"#,
            r#"{"timezone": "Pacific/Apia", "hours": {"thu": ["12:00-06:00"],
                "fri": ["00:00-24:00"]}, "exceptions": {"2011-12-30": ["09:00-10:00"]}}"#,
            r#"{"timezone": "Australia/Lord_Howe", "hours": {"sun": ["01:00-03:00"]},
                "holidays": [{"preset": "gb-eng"}]}"#,
            r#"{"timezone": "Pacific/Chatham", "hours": {"mon": ["00:00-24:00"],
                "wed": ["02:00-05:00"]}}"#,
            r#"{"timezone": "UTC", "hours": {"wed": ["09:00-17:00"]},
                "exceptions": {"2000-01-01": ["00:00-24:00"]}}"#,
        ];
        let cals: Vec<Calendar> = zoned
            .iter()
            .map(|j| Calendar::from_json(j).unwrap())
            .collect();
        let mut all = cals.clone();
        for op in ["union", "intersection", "difference"] {
            let members: Vec<&str> = zoned.to_vec();
            let json = format!(r#"{{"{op}": [{}]}}"#, members.join(","));
            all.push(Calendar::from_json(&json).unwrap());
            let json = format!(
                r#"{{"{op}": [{{"union": [{}, {}]}}, {}]}}"#,
                zoned[1], zoned[2], zoned[3]
            );
            all.push(Calendar::from_json(&json).unwrap());
        }
        for c in &all {
            for y in [
                -3000, 1500, 1843, 1893, 1916, 1945, 1970, 1996, 2000, 2011, 2012, 2024, 2099,
                2101, 2500, 30000,
            ] {
                let (ys, ye) = (year_start(y), year_start(y + 1));
                let compiled = c.build_chunk(y).total;
                assert_eq!(c.seconds_in(ys, ye), compiled, "{y}: {:?}", c.spec());
                // An odd stretch across a transition and a holiday.
                let (a, b) = (ys + 1_234_567, ys + 20_000_000);
                let listed: i64 = c.intervals_in(a, b).iter().map(|&(x, y)| y - x).sum();
                assert_eq!(c.seconds_in(a, b), listed, "{y} part: {:?}", c.spec());
            }
        }
    }
}
