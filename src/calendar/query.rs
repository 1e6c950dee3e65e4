//! Queries on a calendar: the business-time arithmetic [`Calendar::add`], [`Calendar::sub`] and
//! [`Calendar::between`] (the hot path: a lookup in one or two compiled years, else a walk over
//! the year totals), and [`Calendar::is_open`], [`Calendar::next_open`],
//! [`Calendar::next_close`], [`Calendar::is_business_day`].

use std::borrow::Cow;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc};

use super::algebra::SetOp;
use super::compiled::Seconds;
use super::timeline::{year_of_secs, year_start, Chunk, MAX_YEAR, SECS_PER_DAY};
use super::years::{self, Extreme, WalkError, YearSeries, PERIOD_YEARS};
use super::{Calendar, Kind, NON_PERIODIC_FIRST_YEAR, NON_PERIODIC_LAST_YEAR};
use crate::error::{out_of_range, Error};
use crate::time::{format_duration, rfc3339};

const NANOS_PER_SEC: i64 = 1_000_000_000;
const NANOS_U32: u32 = 1_000_000_000;

/// More business seconds than two UTC years hold (the most a cached `between` counts).
const SPAN_SECS: i64 = 2 * 366 * SECS_PER_DAY;

/// Splits an instant into Unix seconds and nanoseconds (a leap second's extra nanoseconds are
/// treated as the last nanosecond of its second).
#[inline]
fn split(t: DateTime<Utc>) -> (i64, i64) {
    let n = i64::from(t.timestamp_subsec_nanos()).min(NANOS_PER_SEC - 1);
    (t.timestamp(), n)
}

#[inline]
fn instant(
    secs: i64,
    nanos: i64,
    out_of_range: impl FnOnce() -> Error,
) -> Result<DateTime<Utc>, Error> {
    u32::try_from(nanos)
        .ok()
        .and_then(|n| DateTime::from_timestamp(secs, n))
        .ok_or_else(out_of_range)
}

/// `at + duration` (or `-`) as the inputs of an out-of-range error.
fn moved(operation: &'static str, at: DateTime<Utc>, sign: char, duration: TimeDelta) -> Error {
    out_of_range(
        operation,
        format_args!("{} {sign} {}", rfc3339(at), format_duration(duration)),
    )
}

/// Where an instant stands in a year whose chunk is cached, read from its UTC date and time
/// fields: the year, its chunk, the instant's Unix second, its day of the year (from 0), and
/// the nanoseconds of that second as chrono gives them (10^9 or more in a leap second: each
/// reading counts those as the last nanosecond of the second, as [`split`] does).
struct Spot<'a> {
    y: i32,
    chunk: &'a Chunk,
    secs: i64,
    day: usize,
    nanos: u32,
}

impl Spot<'_> {
    /// Business seconds of the year before the instant's second, and whether that second is
    /// open.
    #[inline]
    fn cum_and_open(&self) -> (i64, bool) {
        let (_, cum, open) = self.chunk.place_on_day(self.day, self.secs);
        (cum, open)
    }

    /// The nanoseconds of the instant's second that count: those of an open second, a leap
    /// second's extra ones counted as its last nanosecond.
    #[inline]
    fn counted_nanos(&self, open: bool) -> u32 {
        if open {
            self.nanos.min(NANOS_U32 - 1)
        } else {
            0
        }
    }

    /// The index of the last interval starting at or before the instant (0 when none
    /// does), the business seconds of the year before the instant's second, and the
    /// nanoseconds of that second that count.
    #[inline]
    fn place(&self) -> (usize, i64, i64) {
        let (k, cum, open) = self.chunk.place_on_day(self.day, self.secs);
        (k, cum, i64::from(self.counted_nanos(open)))
    }
}

/// The instant at Unix second `r` plus `nanos` nanoseconds, for an `r` in UTC year `y`, which
/// starts at `start`: built from the day of the year and the second of the day, without
/// chrono's division of a timestamp into days. `None` when `r` is not in year `y` (the end of
/// the year's last interval can be the next year's first second).
#[inline]
fn utc_in_year(y: i32, start: i64, r: i64, nanos: i64) -> Option<DateTime<Utc>> {
    let offset = u64::try_from(r - start).ok()?;
    let day = u32::try_from(offset / SECS_PER_DAY.unsigned_abs()).ok()?;
    let second = u32::try_from(offset % SECS_PER_DAY.unsigned_abs()).ok()?;
    let date = NaiveDate::from_yo_opt(y, day.checked_add(1)?)?;
    let time = NaiveTime::from_num_seconds_from_midnight_opt(second, u32::try_from(nanos).ok()?)?;
    Some(date.and_time(time).and_utc())
}

impl Calendar {
    /// Where `at` stands, if its UTC year is compiled and cached (see [`Spot`]).
    #[inline]
    fn spot(&self, at: DateTime<Utc>) -> Option<Spot<'_>> {
        let naive = at.naive_utc();
        let date = naive.date();
        let y = date.year();
        let chunk = self.inner.cache.get(y)?;
        let day = date.ordinal0();
        let time = naive.time();
        let secs = chunk.start
            + i64::from(day) * SECS_PER_DAY
            + i64::from(time.num_seconds_from_midnight());
        Some(Spot {
            y,
            chunk,
            secs,
            day: usize::try_from(day).ok()?,
            nanos: time.nanosecond(),
        })
    }

    /// [`Calendar::add`] of a positive duration when `at`'s year and the answer's year are
    /// compiled and cached and the answer lies in `at`'s year or the next: the hot path,
    /// which answers without a walk, an error or a `Cow`. `None` sends the caller to the
    /// general path, which gives the same answers everywhere.
    #[inline]
    fn add_cached(&self, at: DateTime<Utc>, duration: TimeDelta) -> Option<DateTime<Utc>> {
        let p = self.spot(at)?;
        let (k, cum, counted_nanos) = p.place();
        let mut frac = counted_nanos + i64::from(duration.subsec_nanos());
        let mut need = cum.checked_add(duration.num_seconds())?;
        if frac >= NANOS_PER_SEC {
            frac -= NANOS_PER_SEC;
            need += 1;
        }
        let fits = |chunk: &Chunk, c: i64| {
            if frac == 0 {
                c <= chunk.total
            } else {
                c < chunk.total
            }
        };
        // The search starts at `at`'s interval in its year, at the first in the next.
        let (y, chunk, c, from) = if fits(p.chunk, need) {
            (p.y, p.chunk, need, k)
        } else {
            let y = p.y.checked_add(1)?;
            let next = self.inner.cache.get(y)?;
            let rest = need - p.chunk.total;
            if !fits(next, rest) {
                return None;
            }
            (y, next, rest, 0)
        };
        let r = if frac == 0 {
            chunk.earliest_with_cum_from(from, c)
        } else {
            chunk.latest_with_cum_from(from, c)
        };
        utc_in_year(y, chunk.start, r, frac)
    }

    /// [`Calendar::sub`] of a positive duration on cached years, as [`Calendar::add_cached`].
    #[inline]
    fn sub_cached(&self, at: DateTime<Utc>, duration: TimeDelta) -> Option<DateTime<Utc>> {
        let p = self.spot(at)?;
        let (k, cum, counted_nanos) = p.place();
        let mut frac = counted_nanos - i64::from(duration.subsec_nanos());
        let mut target = cum.checked_sub(duration.num_seconds())?;
        if frac < 0 {
            frac += NANOS_PER_SEC;
            target -= 1;
        }
        // The search starts at `at`'s interval in its year, at the last in the year before.
        let (y, chunk, c, before) = if target >= 0 && target < p.chunk.total {
            (p.y, p.chunk, target, k)
        } else {
            let y = p.y.checked_sub(1)?;
            let prev = self.inner.cache.get(y)?;
            let rest = target + prev.total;
            if !(target < 0 && rest >= 0 && rest < prev.total) {
                return None;
            }
            (y, prev, rest, prev.segs.len())
        };
        utc_in_year(
            y,
            chunk.start,
            chunk.latest_with_cum_before(before, c),
            frac,
        )
    }

    /// [`Calendar::between`] of two instants in one cached year, or `from` in the cached
    /// year before `to`'s. The difference of the running totals holds whichever instant is
    /// first, so that `to < from` in one year needs no test of its own.
    #[inline(always)]
    fn between_cached(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Option<TimeDelta> {
        let (a, b) = (self.spot(from)?, self.spot(to)?);
        let ((cum_a, open_a), (cum_b, open_b)) = (a.cum_and_open(), b.cum_and_open());
        let mut secs = if a.y == b.y {
            cum_b - cum_a
        } else if b.y.checked_sub(1)? == a.y {
            a.chunk.total - cum_a + cum_b
        } else {
            return None;
        };
        // Two years of running totals lie far inside a `TimeDelta`; a test the compiler can
        // see lets it drop `TimeDelta::new`'s own range tests.
        if !(-SPAN_SECS..=SPAN_SECS).contains(&secs) {
            return None;
        }
        if a.nanos | b.nanos == 0 {
            // Whole seconds, the common case: nothing to borrow.
            return TimeDelta::new(secs, 0);
        }
        // The nanoseconds that count (those of an open second), in `[0, NANOS_PER_SEC)`,
        // borrowing a second when `b`'s are fewer.
        let (a_ns, b_ns) = (a.counted_nanos(open_a), b.counted_nanos(open_b));
        if b_ns < a_ns {
            secs -= 1;
        }
        let nanos = if b_ns < a_ns {
            b_ns + NANOS_U32 - a_ns
        } else {
            b_ns - a_ns
        };
        TimeDelta::new(secs, nanos)
    }

    /// Where the running total `c`, counted from the start of UTC year `y`, is reached
    /// (earliest) or left (latest), as a Unix second. Beyond chrono's years the error is
    /// `out_of_range()`, which names the caller's operation and inputs.
    fn locate(
        &self,
        y: i32,
        c: i64,
        extreme: Extreme,
        at: DateTime<Utc>,
        out_of_range: impl FnOnce() -> Error,
    ) -> Result<i64, Error> {
        let direction = if c < 0 { "before" } else { "after" };
        let (y, c) = Seconds(self).walk(y, c, extreme).map_err(|e| match e {
            WalkError::Exhausted => Error::NoBusinessTime { at, direction },
            WalkError::OutOfRange => out_of_range(),
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
    #[inline]
    pub fn add(&self, at: DateTime<Utc>, duration: TimeDelta) -> Result<DateTime<Utc>, Error> {
        if duration > TimeDelta::zero() {
            if let Some(r) = self.add_cached(at, duration) {
                return Ok(r);
            }
        }
        self.add_general(at, duration)
    }

    /// [`Calendar::add`] everywhere (kept out of line, so that the cached path inlines small).
    #[inline(never)]
    fn add_general(&self, at: DateTime<Utc>, duration: TimeDelta) -> Result<DateTime<Utc>, Error> {
        if duration < TimeDelta::zero() {
            let magnitude = TimeDelta::zero()
                .checked_sub(&duration)
                .ok_or_else(|| moved("add", at, '+', duration))?;
            return self.sub(at, magnitude);
        }
        if duration.is_zero() {
            return Ok(at);
        }
        let (y, chunk, cum, counted_nanos) = self.position(at);
        let mut frac = counted_nanos + i64::from(duration.subsec_nanos());
        let mut need = cum
            .checked_add(duration.num_seconds())
            .ok_or_else(|| moved("add", at, '+', duration))?;
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
                    self.locate(y, need, extreme, at, || moved("add", at, '+', duration))?
                }
            }
        };
        instant(r, frac, || moved("add", at, '+', duration))
    }

    /// The latest instant `r <= at` such that the business time in `[r, at)` equals
    /// `duration`. A negative `duration` is the same as [`Calendar::add`] of its magnitude;
    /// zero returns `at`.
    ///
    /// # Errors
    /// [`Error::NoBusinessTime`] when there is not that much business time before `at`;
    /// [`Error::OutOfRange`] when the result is beyond chrono's range.
    #[inline]
    pub fn sub(&self, at: DateTime<Utc>, duration: TimeDelta) -> Result<DateTime<Utc>, Error> {
        if duration > TimeDelta::zero() {
            if let Some(r) = self.sub_cached(at, duration) {
                return Ok(r);
            }
        }
        self.sub_general(at, duration)
    }

    /// [`Calendar::sub`] everywhere (kept out of line, so that the cached path inlines small).
    #[inline(never)]
    fn sub_general(&self, at: DateTime<Utc>, duration: TimeDelta) -> Result<DateTime<Utc>, Error> {
        if duration < TimeDelta::zero() {
            let magnitude = TimeDelta::zero()
                .checked_sub(&duration)
                .ok_or_else(|| moved("sub", at, '-', duration))?;
            return self.add(at, magnitude);
        }
        if duration.is_zero() {
            return Ok(at);
        }
        let (y, chunk, cum, counted_nanos) = self.position(at);
        let mut frac = counted_nanos - i64::from(duration.subsec_nanos());
        let mut target = cum
            .checked_sub(duration.num_seconds())
            .ok_or_else(|| moved("sub", at, '-', duration))?;
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
                self.locate(y, target, Extreme::Latest, at, || {
                    moved("sub", at, '-', duration)
                })?
            }
        };
        instant(r, frac, || moved("sub", at, '-', duration))
    }

    /// Business time in `[from, to)`; negative when `to` is before `from`
    /// (`between(a, b) == -between(b, a)`), so that it is additive over adjacent ranges.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] only if the result cannot be represented as a `TimeDelta`.
    #[inline]
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<TimeDelta, Error> {
        if let Some(d) = self.between_cached(from, to) {
            return Ok(d);
        }
        self.between_general(from, to)
    }

    /// [`Calendar::between`] everywhere (kept out of line, so that the cached path inlines
    /// small).
    #[inline(never)]
    fn between_general(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<TimeDelta, Error> {
        let span = || {
            out_of_range(
                "between",
                format_args!("{}..{}", rfc3339(from), rfc3339(to)),
            )
        };
        if to < from {
            let d = self.between(to, from)?;
            return TimeDelta::zero().checked_sub(&d).ok_or_else(span);
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
            let middle = Seconds(self)
                .sum_years(ya + 1, yb - 1)
                .map_err(|_| span())?;
            let (cum_b, open_b) = cb.cum_and_open(sb);
            ((ca.total - cum_a) + middle + cum_b, open_b)
        };
        let adjust = if open_b { nb } else { 0 } - if open_a { na } else { 0 };
        TimeDelta::try_seconds(secs)
            .and_then(|d| d.checked_add(&TimeDelta::nanoseconds(adjust)))
            .ok_or_else(span)
    }

    /// Whether `at` is business time.
    #[inline]
    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        if let Some(p) = self.spot(at) {
            return p.chunk.cum_and_open_on_day(p.day, p.secs).1;
        }
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
        match self.locate(next, 0, Extreme::Latest, at, || {
            out_of_range("next_open", rfc3339(at))
        }) {
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
                    return Err(out_of_range("next_close", rfc3339(at)));
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
