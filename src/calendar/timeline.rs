//! The compiled form of a calendar: per UTC year, the sorted, disjoint business intervals as
//! Unix seconds with running totals, so that `add`, `sub` and `between` are a lookup plus a
//! binary search whatever the span.
//!
//! Chunks are built lazily, the first time a year is touched, and cached for the years
//! `CACHE_FIRST_YEAR ..= CACHE_LAST_YEAR` behind a `OnceLock` each (thread-safe, no
//! locking on the hot path). Years outside that window are built on demand and not kept.

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use crate::error::Error;

/// First UTC year whose chunk is cached.
pub(crate) const CACHE_FIRST_YEAR: i32 = 1800;
/// Last UTC year whose chunk is cached.
pub(crate) const CACHE_LAST_YEAR: i32 = 2599;
const CACHE_LEN: usize = (CACHE_LAST_YEAR - CACHE_FIRST_YEAR + 1) as usize;

/// Smallest and largest UTC year slacalc computes chunks for: chrono's whole range. Dates a
/// chunk looks at beyond it (a neighbouring day) simply have no shifts.
pub(crate) const MIN_YEAR: i32 = -262_143;
/// See [`MIN_YEAR`].
pub(crate) const MAX_YEAR: i32 = 262_142;

pub(crate) const SECS_PER_DAY: i64 = 86_400;

/// Days since 1970-01-01 of the proleptic Gregorian date `y-m-d` (H. Hinnant's algorithm).
pub(crate) const fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = y as i64 - (m <= 2) as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian year of a day number (days since 1970-01-01).
pub(crate) fn year_of_day(z: i64) -> i64 {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let y = yoe + era * 400;
    if mp >= 10 {
        y + 1
    } else {
        y
    }
}

/// Unix seconds of January 1 of each cached year, and of the year after the last: the hot
/// path finds an instant's year with one multiplication and a comparison or two.
// Evaluated at compile time: an index out of bounds would fail the build, not panic.
#[allow(clippy::indexing_slicing)]
static CACHED_YEAR_STARTS: [i64; CACHE_LEN + 1] = {
    let mut table = [0i64; CACHE_LEN + 1];
    let mut i = 0;
    while i <= CACHE_LEN {
        table[i] = year_start(CACHE_FIRST_YEAR + i as i32);
        i += 1;
    }
    table
};

/// Average Gregorian year in seconds (365.2425 days).
const AVERAGE_YEAR_SECS: i64 = 31_556_952;

/// The UTC year of a Unix second.
#[inline]
pub(crate) fn year_of_secs(t: i64) -> i32 {
    let first = CACHED_YEAR_STARTS[0];
    if t >= first {
        // The estimate is off by at most one year either way.
        let mut i = ((t - first) / AVERAGE_YEAR_SECS) as usize;
        if i < CACHE_LEN {
            if CACHED_YEAR_STARTS.get(i).is_some_and(|&s| t < s) {
                i -= 1;
            } else if CACHED_YEAR_STARTS.get(i + 1).is_some_and(|&s| t >= s) {
                i += 1;
            }
            if i < CACHE_LEN {
                return CACHE_FIRST_YEAR + i as i32;
            }
        }
    }
    // Instants come from `DateTime<Utc>`, so the year is within chrono's range and fits.
    year_of_day(t.div_euclid(SECS_PER_DAY)) as i32
}

/// Unix second of `y-01-01T00:00:00Z`.
pub(crate) const fn year_start(y: i32) -> i64 {
    days_from_civil(y, 1, 1) * SECS_PER_DAY
}

/// One business interval `[start, end)` of a chunk, in Unix seconds, and the business
/// seconds of the chunk before it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Seg {
    pub(crate) start: i64,
    pub(crate) end: i64,
    pub(crate) cum: i64,
}

/// Business seconds of a chunk before `t`, and whether `t` is open, for a `t` at or after
/// the start of `s`, the last interval starting at or before it.
#[inline]
fn cum_and_open_in(s: &Seg, t: i64) -> (i64, bool) {
    (s.cum + t.min(s.end) - s.start, t < s.end)
}

/// Entries of a chunk's day index: the days of a leap year, and two more, plus one.
const DAY_INDEX_LEN: usize = 366 + 2 + 1;

/// Business intervals of one UTC year `[start, end)`, sorted and disjoint (touching intervals
/// are merged), in Unix seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Chunk {
    pub(crate) start: i64,
    pub(crate) end: i64,
    /// The intervals with their running totals, side by side: a lookup reads one place.
    pub(crate) segs: Vec<Seg>,
    pub(crate) total: i64,
    /// `day_index[d]` = number of intervals starting before `start + d` days: finds an
    /// instant's interval without a binary search. Kept in the chunk itself (not behind a
    /// pointer of its own), so a lookup makes one memory access fewer; a year has at most 366
    /// days, and a longer span (no chunk has one) finds the intervals past the index by
    /// stepping back from the last one.
    day_index: [u32; DAY_INDEX_LEN],
}

impl Default for Chunk {
    fn default() -> Self {
        Chunk {
            start: 0,
            end: 0,
            segs: Vec::new(),
            total: 0,
            day_index: [0; DAY_INDEX_LEN],
        }
    }
}

impl Chunk {
    /// Builds a chunk from intervals that are sorted by start and already clipped to
    /// `[start, end)`; overlapping and touching intervals are merged.
    pub(crate) fn from_sorted(start: i64, end: i64, intervals: &[(i64, i64)]) -> Chunk {
        let mut c = Chunk {
            start,
            end,
            ..Chunk::default()
        };
        c.segs.reserve(intervals.len());
        for &(a, b) in intervals {
            if b <= a {
                continue;
            }
            match c.segs.last_mut() {
                Some(last) if a <= last.end => {
                    if b > last.end {
                        last.end = b;
                    }
                }
                _ => c.segs.push(Seg {
                    start: a,
                    end: b,
                    cum: 0,
                }),
            }
        }
        let mut total = 0i64;
        for seg in &mut c.segs {
            seg.cum = total;
            total += seg.end - seg.start;
        }
        c.total = total;
        let mut k = 0usize;
        let mut day_start = start;
        for entry in &mut c.day_index {
            while c.segs.get(k).is_some_and(|s| s.start < day_start) {
                k += 1;
            }
            *entry = u32::try_from(k).unwrap_or(u32::MAX);
            day_start = day_start.saturating_add(SECS_PER_DAY);
        }
        c
    }

    /// The intervals as pairs.
    #[cfg(test)]
    pub(crate) fn intervals(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.segs.iter().map(|s| (s.start, s.end))
    }

    /// Index of the last interval starting at or before `t`.
    #[inline]
    fn last_starting_at_or_before(&self, t: i64) -> Option<usize> {
        let d = usize::try_from((t - self.start).div_euclid(SECS_PER_DAY)).ok()?;
        self.last_starting_on_day(d, t)
    }

    /// Index of the last interval starting at or before `t`, which lies on day `d` of the
    /// chunk (counted from 0).
    #[inline]
    fn last_starting_on_day(&self, d: usize, t: i64) -> Option<usize> {
        self.last_seg_on_day(d, t).map(|(k, _)| k)
    }

    /// The last interval starting at or before `t` (on day `d` of the chunk, from 0) and its
    /// index. All intervals starting before the next day begin before index
    /// `day_index[d + 1]`; the search steps back over the few that start later on `t`'s own
    /// day, over a slice, so that no step checks an index again.
    #[inline]
    fn last_seg_on_day(&self, d: usize, t: i64) -> Option<(usize, &Seg)> {
        let before = match self.day_index.get(d + 1) {
            Some(&k) => self.segs.get(..k as usize).unwrap_or(&self.segs),
            None => &self.segs,
        };
        before.iter().enumerate().rev().find(|(_, s)| s.start <= t)
    }

    /// Business seconds in `[start, t)` and whether `t` is open, for `t` in `[start, end]`.
    #[inline]
    pub(crate) fn cum_and_open(&self, t: i64) -> (i64, bool) {
        match self
            .last_starting_at_or_before(t)
            .and_then(|k| self.segs.get(k))
        {
            Some(s) => cum_and_open_in(s, t),
            None => (0, false),
        }
    }

    /// [`Chunk::cum_and_open`] for a `t` known to lie on day `d` of the chunk (from 0).
    #[inline]
    pub(crate) fn cum_and_open_on_day(&self, d: usize, t: i64) -> (i64, bool) {
        self.last_seg_on_day(d, t)
            .map_or((0, false), |(_, s)| cum_and_open_in(s, t))
    }

    /// [`Chunk::cum_and_open_on_day`], and the index of the last interval starting at or
    /// before `t` (0 when none does): a search for a running total at or after `t`'s can
    /// start there ([`Chunk::earliest_with_cum_from`]).
    #[inline]
    pub(crate) fn place_on_day(&self, d: usize, t: i64) -> (usize, i64, bool) {
        match self.last_seg_on_day(d, t) {
            Some((k, s)) => {
                let (cum, open) = cum_and_open_in(s, t);
                (k, cum, open)
            }
            None => (0, 0, false),
        }
    }

    /// Business seconds in `[self.start, t)`, for `t` in `[start, end]`.
    #[cfg(test)]
    pub(crate) fn cum_at(&self, t: i64) -> i64 {
        self.cum_and_open(t).0
    }

    /// Whether `t` is inside a business interval.
    #[inline]
    pub(crate) fn is_open(&self, t: i64) -> bool {
        self.cum_and_open(t).1
    }

    /// The earliest instant at which the running total reaches `c`, for `0 < c <= total`.
    #[inline]
    pub(crate) fn earliest_with_cum(&self, c: i64) -> i64 {
        let k = self.segs.partition_point(|s| s.cum < c).saturating_sub(1);
        self.segs
            .get(k)
            .map_or(self.start, |s| s.start + (c - s.cum))
    }

    /// The latest instant at which the running total is `c`, for `0 <= c < total`.
    #[inline]
    pub(crate) fn latest_with_cum(&self, c: i64) -> i64 {
        let k = self.segs.partition_point(|s| s.cum <= c).saturating_sub(1);
        self.segs
            .get(k)
            .map_or(self.start, |s| s.start + (c - s.cum))
    }

    /// [`Chunk::earliest_with_cum`] for a `c` above the running total at the start of
    /// interval `from`: the search gallops forward from there, so that a total a few
    /// intervals ahead (a deadline hours or days away) costs a few comparisons, not a binary
    /// search of the year.
    #[inline]
    pub(crate) fn earliest_with_cum_from(&self, from: usize, c: i64) -> i64 {
        let k = partition_from(&self.segs, from, |x| x < c).saturating_sub(1);
        self.segs
            .get(k)
            .map_or(self.start, |s| s.start + (c - s.cum))
    }

    /// [`Chunk::latest_with_cum`] for a `c` at or above the running total at the start of
    /// interval `from`, galloping forward as [`Chunk::earliest_with_cum_from`] does.
    #[inline]
    pub(crate) fn latest_with_cum_from(&self, from: usize, c: i64) -> i64 {
        let k = partition_from(&self.segs, from, |x| x <= c).saturating_sub(1);
        self.segs
            .get(k)
            .map_or(self.start, |s| s.start + (c - s.cum))
    }

    /// [`Chunk::latest_with_cum`] for a `c` below the running total at the start of interval
    /// `before + 2` (when there is one), galloping backward from there.
    #[inline]
    pub(crate) fn latest_with_cum_before(&self, before: usize, c: i64) -> i64 {
        let to = before.saturating_add(2).min(self.segs.len());
        let k = partition_before(&self.segs, to, |x| x <= c).saturating_sub(1);
        self.segs
            .get(k)
            .map_or(self.start, |s| s.start + (c - s.cum))
    }

    /// The first business instant at or after `t` within the chunk.
    pub(crate) fn next_open(&self, t: i64) -> Option<i64> {
        if self.is_open(t) {
            return Some(t);
        }
        let i = self.segs.partition_point(|s| s.start <= t);
        self.segs.get(i).map(|s| s.start)
    }

    /// The end of the business interval containing `t`, if `t` is open.
    pub(crate) fn end_of_interval_containing(&self, t: i64) -> Option<i64> {
        let k = self.last_starting_at_or_before(t)?;
        let e = self.segs.get(k)?.end;
        (t < e).then_some(e)
    }

    /// Approximate heap size in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.segs.capacity() * std::mem::size_of::<Seg>()
    }
}

/// Probes a galloping search makes before it falls back to a binary search of the rest:
/// four reach 15 intervals ahead (three weeks of an office calendar).
const GALLOP_PROBES: usize = 4;

/// The partition point of `pred` over `values` (the number of leading values that satisfy
/// it; `values` is sorted so that they come first), given that the first `from` do: probes
/// `from`, `from + 2`, `from + 6`, `from + 14` …, then searches between the last two probes.
#[inline]
fn partition_from(values: &[Seg], from: usize, pred: impl Fn(i64) -> bool) -> usize {
    let mut lo = from.min(values.len());
    let mut width = 1usize;
    for _ in 0..GALLOP_PROBES {
        let probe = lo + width - 1;
        match values.get(probe) {
            Some(v) if pred(v.cum) => {
                lo = probe + 1;
                width *= 2;
            }
            Some(_) => {
                return lo
                    + values
                        .get(lo..probe)
                        .map_or(0, |s| s.partition_point(|x| pred(x.cum)));
            }
            None => break,
        }
    }
    lo + values
        .get(lo..)
        .map_or(0, |s| s.partition_point(|x| pred(x.cum)))
}

/// The partition point of `pred` over `values` given that the values from index `to` on do
/// not satisfy it: probes `to - 1`, `to - 3`, `to - 7` …, then searches between the last two
/// probes.
#[inline]
fn partition_before(values: &[Seg], to: usize, pred: impl Fn(i64) -> bool) -> usize {
    let mut hi = to.min(values.len());
    let mut width = 1usize;
    for _ in 0..GALLOP_PROBES {
        let Some(probe) = hi.checked_sub(width) else {
            break;
        };
        match values.get(probe) {
            Some(v) if !pred(v.cum) => {
                hi = probe;
                width *= 2;
            }
            Some(_) => {
                return probe
                    + 1
                    + values
                        .get(probe + 1..hi)
                        .map_or(0, |s| s.partition_point(|x| pred(x.cum)));
            }
            None => break,
        }
    }
    values
        .get(..hi)
        .map_or(0, |s| s.partition_point(|x| pred(x.cum)))
}

/// The heap memory a cached value holds.
pub(crate) trait HeapSize {
    /// Approximate heap size in bytes.
    fn heap_bytes(&self) -> usize;
}

impl HeapSize for Chunk {
    fn heap_bytes(&self) -> usize {
        Chunk::heap_bytes(self)
    }
}

/// A year-indexed cache of compiled years (chunks of business seconds, or business-day
/// tables), holding at most `budget` bytes: once full, further years are built on demand and
/// not kept, so a calendar's memory stays bounded whatever the span its queries touch.
#[derive(Debug)]
pub(crate) struct YearCache<T> {
    /// Inline in the calendar (not behind a pointer of its own), so that reaching a year's
    /// value takes one memory access fewer.
    slots: [OnceLock<Box<T>>; CACHE_LEN],
    /// Heap bytes of the values kept so far.
    used: AtomicUsize,
    budget: usize,
}

impl<T> YearCache<T> {
    /// An empty cache that keeps values up to `budget` heap bytes.
    pub(crate) fn with_budget(budget: usize) -> Self {
        YearCache {
            slots: std::array::from_fn(|_| OnceLock::new()),
            used: AtomicUsize::new(0),
            budget,
        }
    }
}

impl<T: Clone + HeapSize> YearCache<T> {
    /// The value of year `y` if it is cached already.
    #[inline]
    pub(crate) fn get(&self, y: i32) -> Option<&T> {
        let idx = usize::try_from(i64::from(y) - i64::from(CACHE_FIRST_YEAR)).ok()?;
        self.slots.get(idx)?.get().map(|b| &**b)
    }

    /// The value of year `y`, built by `build` the first time it is asked for (and every time
    /// for years outside the cached window or once the budget is spent).
    #[inline]
    pub(crate) fn get_or_build<'a>(
        &'a self,
        y: i32,
        build: impl FnOnce() -> Result<T, Error>,
    ) -> Result<Cow<'a, T>, Error> {
        let idx = i64::from(y) - i64::from(CACHE_FIRST_YEAR);
        match usize::try_from(idx).ok().and_then(|i| self.slots.get(i)) {
            Some(slot) => {
                if let Some(c) = slot.get() {
                    return Ok(Cow::Borrowed(c));
                }
                let built = build()?;
                let size = built.heap_bytes() + std::mem::size_of::<T>();
                let before = self.used.fetch_add(size, Ordering::Relaxed);
                if before.saturating_add(size) > self.budget {
                    self.used.fetch_sub(size, Ordering::Relaxed);
                    return Ok(Cow::Owned(built));
                }
                let mut kept = false;
                let c = slot.get_or_init(|| {
                    kept = true;
                    Box::new(built)
                });
                if !kept {
                    // Another thread kept the same year first.
                    self.used.fetch_sub(size, Ordering::Relaxed);
                }
                Ok(Cow::Borrowed(c))
            }
            None => {
                if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
                    return Err(crate::error::out_of_range("calendar year", y));
                }
                Ok(Cow::Owned(build()?))
            }
        }
    }

    /// Heap bytes held by the cache and the values kept so far.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<OnceLock<Box<T>>>()
            + self.used.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn civil_round_trip() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2000, 2, 29),
            (1969, 12, 31),
            (-4000, 3, 1),
            (262_000, 12, 31),
        ] {
            let n = days_from_civil(y, m, d);
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(n, i64::from(date.num_days_from_ce()) - 719_163);
            assert_eq!(year_of_day(n), i64::from(y));
        }
        assert_eq!(year_of_secs(-1), 1969);
        assert_eq!(year_of_secs(0), 1970);
        assert_eq!(year_start(2024), 1_704_067_200);
    }

    #[test]
    fn chunk_lookups() {
        let c = Chunk::from_sorted(0, 100, &[(10, 20), (20, 30), (50, 60), (55, 70)]);
        assert_eq!(c.intervals().collect::<Vec<_>>(), vec![(10, 30), (50, 70)]);
        assert_eq!(c.total, 40);
        assert_eq!(c.cum_at(5), 0);
        assert_eq!(c.cum_at(15), 5);
        assert_eq!(c.cum_at(40), 20);
        assert_eq!(c.cum_at(100), 40);
        assert_eq!(c.earliest_with_cum(20), 30);
        assert_eq!(c.latest_with_cum(20), 50);
        assert_eq!(c.latest_with_cum(0), 10);
        assert_eq!(c.earliest_with_cum(40), 70);
        assert!(c.is_open(10) && !c.is_open(30) && c.is_open(69));
        assert_eq!(c.next_open(31), Some(50));
        assert_eq!(c.next_open(75), None);
    }

    /// The galloping searches find what a binary search of the whole year finds, from every
    /// valid starting index, for every total.
    #[test]
    fn galloping_searches_equal_binary_searches() {
        // 40 intervals of 1..=5 seconds with gaps, so that totals land inside, at the start
        // and at the end of intervals.
        let mut intervals = Vec::new();
        let mut t = 0;
        for i in 0..40 {
            intervals.push((t, t + 1 + i % 5));
            t += 1 + i % 5 + 3;
        }
        let c = Chunk::from_sorted(0, t + 10, &intervals);
        for (k, seg) in c.segs.iter().enumerate() {
            let at_k = seg.cum;
            for total in 0..=c.total {
                if total > at_k {
                    assert_eq!(
                        c.earliest_with_cum_from(k, total),
                        c.earliest_with_cum(total)
                    );
                }
                if total >= at_k && total < c.total {
                    assert_eq!(c.latest_with_cum_from(k, total), c.latest_with_cum(total));
                }
                let below_next = c.segs.get(k + 2).is_none_or(|n| total < n.cum);
                if below_next && total < c.total {
                    assert_eq!(c.latest_with_cum_before(k, total), c.latest_with_cum(total));
                }
            }
        }
    }
}
