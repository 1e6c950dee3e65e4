//! The [`Calendar`] type: a validated calendar, its configuration and the caches its queries
//! fill. What a calendar does lives in the sibling files (`query`, `business_days`,
//! `compiled`, …); this file holds what it is.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::activity::{region_cells, Activity};
use super::algebra::SetOp;
use super::business_days::DayYear;
use super::pattern::Pattern;
use super::timeline::{Chunk, YearCache};
use super::years::{Period, ShapeTotals};
use super::zoned::Zoned;
use super::CalendarSpec;
use crate::error::Error;

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
    pub(super) inner: Arc<Inner>,
}

pub(super) struct Inner {
    pub(super) spec: CalendarSpec,
    pub(super) kind: Kind,
    pub(super) activity: Activity,
    /// Zoned calendars in this one (1 for a zoned calendar) and nesting depth of
    /// combinations (0 for a zoned calendar).
    pub(super) calendars: usize,
    pub(super) depth: usize,
    /// Weekly shifts, holiday rules, exception dates and special-hours rules, members
    /// included.
    pub(super) weekly_shifts: usize,
    pub(super) rules: usize,
    pub(super) exceptions: usize,
    pub(super) special_rules: usize,
    pub(super) cache: YearCache<Chunk>,
    /// Period tables of business seconds, one per periodic region of the activity.
    pub(super) regions: Box<[OnceLock<Period>]>,
    /// Business-day tables per local year, and their periods.
    pub(super) days: YearCache<DayYear>,
    pub(super) day_regions: Box<[OnceLock<Period>]>,
    /// Year totals by region signature and shape of year, shared by the regions' tables
    /// (business seconds, then business days).
    pub(super) shapes: ShapeTotals,
    pub(super) day_shapes: ShapeTotals,
    /// For the listed years (see `Calendar::listed_index`): where the first year of each
    /// irregular interval is, and the cached totals of business seconds and business days.
    pub(super) listed_starts: Vec<usize>,
    pub(super) listed_seconds: Box<[OnceLock<i64>]>,
    pub(super) listed_days: Box<[OnceLock<i64>]>,
    /// Weekly patterns by the offsets of the calendar's zones (see `Calendar::seconds_in`),
    /// kept up to [`PATTERN_CACHE_BYTES`].
    pub(super) patterns: Mutex<PatternCache>,
}

/// Weekly patterns by the offsets of a calendar's zones, and the heap bytes they hold.
#[derive(Debug, Default)]
pub(super) struct PatternCache {
    pub(super) patterns: BTreeMap<Vec<i64>, Arc<Pattern>>,
    pub(super) bytes: usize,
}

impl Inner {
    pub(super) fn new(spec: CalendarSpec, kind: Kind) -> Inner {
        let activity = Calendar::activity_of(&kind);
        let (regions, day_regions) = (region_cells(&activity), region_cells(&activity));
        let (calendars, depth) = match &kind {
            Kind::Zoned(_) => (1, 0),
            Kind::Composite(_, ms) => (
                ms.iter().map(|m| m.inner.calendars).sum(),
                1 + ms.iter().map(|m| m.inner.depth).max().unwrap_or(0),
            ),
        };
        let (weekly_shifts, rules, exceptions, special_rules) = match &kind {
            Kind::Zoned(z) => (
                z.weekly.iter().map(Vec::len).sum(),
                z.holidays.rule_count(),
                z.exceptions.len(),
                z.special.len(),
            ),
            Kind::Composite(_, ms) => (
                ms.iter().map(|m| m.inner.weekly_shifts).sum(),
                ms.iter().map(|m| m.inner.rules).sum(),
                ms.iter().map(|m| m.inner.exceptions).sum(),
                ms.iter().map(|m| m.inner.special_rules).sum(),
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
            special_rules,
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
pub(super) enum Kind {
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
