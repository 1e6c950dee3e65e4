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
//!   11–13 ms at load 8: near the bound under load); 3.7–7.3 ms (idle machine) for 1,000
//!   one-year rules fifty years apart over 2026–30000, whose 540 stretches between rules
//!   share their year totals by shape of year because the same rules are in force in each;
//! - a calendar holds at most 64 MiB, whatever the spans queried ([`Calendar::memory_bytes`]).

mod activity;
mod algebra;
mod business_days;
mod combination;
mod compiled;
mod holiday;
mod limits;
mod pattern;
mod query;
mod spec;
mod timeline;
mod validate;
mod work;
mod years;
mod zoned;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::Error;

use activity::{region_cells, Activity};
pub use activity::{NON_PERIODIC_FIRST_YEAR, NON_PERIODIC_LAST_YEAR};
use algebra::SetOp;
pub use business_days::BusinessDays;
use business_days::DayYear;
pub use holiday::{
    easter, orthodox_easter, DateQuality, Holiday, HolidayRule, HolidaySpec, Holidays, MonthDay,
    Observance, PresetHoliday, PresetInfo, WeekdayShifts,
};
pub use limits::{
    MAX_COMBINED_CALENDARS, MAX_EXCEPTIONS, MAX_HOLIDAY_RULES, MAX_NESTING_DEPTH,
    MAX_SHIFTS_PER_DAY, MAX_WEEKLY_SHIFTS,
};
use pattern::Pattern;
pub use spec::CalendarSpec;
use timeline::{Chunk, YearCache};
pub use work::{TimeAndMaterials, TimeAndMaterialsSpec, WorkClassifier};
use years::{Period, ShapeTotals};
use zoned::Zoned;

/// Most heap bytes a calendar keeps in compiled years of business seconds; years beyond are
/// compiled again when asked for.
const CHUNK_CACHE_BYTES: usize = 48 << 20;
/// Most heap bytes a calendar keeps in compiled years of business days (a year takes under
/// 1 KiB, so all 800 cached years fit).
const DAY_CACHE_BYTES: usize = 4 << 20;

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
    /// Year totals by region signature and shape of year, shared by the regions' tables
    /// (business seconds, then business days).
    shapes: ShapeTotals,
    day_shapes: ShapeTotals,
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
            shapes: ShapeTotals::default(),
            day_shapes: ShapeTotals::default(),
        }
    }
}

#[derive(Clone, Debug)]
enum Kind {
    Zoned(Box<Zoned>),
    Composite(SetOp, Vec<Calendar>),
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

impl Calendar {
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
}
