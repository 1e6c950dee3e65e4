//! A calendar in one time zone: weekly shifts, holidays and exceptions, compiled into UTC
//! chunks.
//!
//! The wall clock of an instant `t` is `t + offset(t)`, a piecewise-linear function of `t`
//! whose pieces are separated by the zone's transitions. A shift of local date `D` covers the
//! naive local seconds `[D + start, D + end)` (the end lies on `D + 1` for an overnight shift),
//! and the instants it covers are, piece by piece, `[D + start − offset, D + end − offset)`
//! clipped to the piece. A wall-clock time inside a DST gap therefore maps to the first
//! instant after the gap, and one inside a fold maps to both of its instants — exactly the
//! semantics of the conformance README.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, Offset, TimeZone};
use chrono_tz::Tz;

use super::holiday::Holidays;
use super::special_hours::SpecialHours;
use super::timeline::{year_of_day, year_of_secs, year_start, MAX_YEAR, MIN_YEAR, SECS_PER_DAY};

/// Shift spans in seconds from the start of their own local date (end may exceed a day).
pub(crate) type Spans = Vec<(i64, i64)>;

/// The compiled rules of a zoned calendar.
#[derive(Clone, Debug)]
pub(crate) struct Zoned {
    pub(crate) tz: Tz,
    /// Monday first.
    pub(crate) weekly: [Spans; 7],
    pub(crate) holidays: Holidays,
    pub(crate) exceptions: BTreeMap<NaiveDate, Spans>,
    /// Recurring special hours: below exceptions and holidays, above the weekly shifts.
    pub(crate) special: SpecialHours,
}

/// Unix epoch as a day number from the Common Era (chrono's `num_days_from_ce`).
const EPOCH_DAYS_FROM_CE: i64 = 719_163;

pub(crate) fn utc_offset(tz: &Tz, t: i64) -> i64 {
    match DateTime::from_timestamp(t, 0) {
        Some(dt) => i64::from(
            tz.offset_from_utc_datetime(&dt.naive_utc())
                .fix()
                .local_minus_utc(),
        ),
        // Outside chrono's range no instant exists; any offset is as good as another.
        None => 0,
    }
}

/// The UTC years a zone's offset table scans first. They are a starting guess, not a fact
/// about the data: with tzdata 2025b (chrono-tz 0.10.4) every zone's first change falls in
/// 1844 or later and its last in 2099 or earlier (chrono-tz expands recurring DST rules up to
/// 2100 and keeps the last offset after that), but the table probes the years outside and
/// widens the scan when another build's data changes an offset there (see [`ZoneTable`]).
const SCAN_FIRST_YEAR: i32 = 1843;
const SCAN_LAST_YEAR: i32 = 2100;

/// How far beyond the scanned years, either side, the table looks for an offset change, and
/// how often: every 29 days for 400 years (5,000 lookups, a fraction of the scan itself),
/// plus the first and last instants chrono can represent. Any DST regime (a summer offset
/// lasts months) or lasting change of offset there is seen; a change that reverts within 29
/// days, or that lies beyond the probed years and reverts before chrono's last instant, would
/// not be — the test `offsets_are_constant_outside_the_scanned_years` samples every zone daily
/// for 250 years either side to show the build's data has none.
const PROBE_YEARS: i32 = 400;
const PROBE_STEP: i64 = 29 * SECS_PER_DAY;

/// The extreme years the table probes: chrono's whole range, a year inside either end.
const PROBE_MIN_YEAR: i32 = MIN_YEAR + 1;
const PROBE_MAX_YEAR: i32 = MAX_YEAR - 1;

/// Sampling step for finding a zone's offset changes. In tzdata 2025b two changes of a
/// zone's offset are never less than 6.96 days apart (America/Boa_Vista, October 2000), so a
/// sample every five days sees every change, and bisection finds its second; a unit test
/// checks every zone of `chrono_tz::TZ_VARIANTS` of the build's data against sampling every
/// six hours.
const SAMPLE_STEP: i64 = 5 * SECS_PER_DAY;

/// A zone's offset changes, found once per zone and process by sampling the build's tz data
/// (about 0.5 ms), then every offset question is a binary search.
///
/// The scanned years start as [`SCAN_FIRST_YEAR`] ..= [`SCAN_LAST_YEAR`]; the years around
/// them are then probed (see [`PROBE_YEARS`]) and, wherever an offset differs from the one at
/// the nearer end of the scan, the scan widens to cover it (at least doubling, so that data
/// with DST rules expanded much further still takes a handful of rounds) and the probes run
/// again. Outside the final scanned years the offset is taken as constant, which is what lets
/// the calendar repeat its years with the 400-year Gregorian cycle there.
#[derive(Debug)]
pub(crate) struct ZoneTable {
    /// The offset before the first change (and throughout, if there is none).
    initial: i64,
    /// `(instant, offset from that instant on)`, sorted by instant.
    changes: Vec<(i64, i64)>,
    /// The scanned instants `[start, end)`: outside them the offset is constant.
    start: i64,
    end: i64,
}

impl ZoneTable {
    fn compute(tz: &Tz) -> ZoneTable {
        Self::compute_with(|t| utc_offset(tz, t))
    }

    /// The table of the zone whose UTC offset at each instant is `offset`.
    fn compute_with(offset: impl Fn(i64) -> i64) -> ZoneTable {
        let (mut first, mut last) = (SCAN_FIRST_YEAR, SCAN_LAST_YEAR);
        loop {
            let (start, end) = (year_start(first), year_start(last.saturating_add(1)));
            let initial = offset(start);
            let changes = sampled_changes(&offset, start, end, initial, SAMPLE_STEP);
            let final_offset = changes.last().map_or(initial, |c| c.1);
            // A differing probe widens the scan to its year, and at least doubles it.
            let width = last.saturating_sub(first).max(1);
            let mut widened = false;
            if first > PROBE_MIN_YEAR {
                let from = first.saturating_sub(PROBE_YEARS).max(PROBE_MIN_YEAR);
                let near =
                    probe_instants(year_start(from), start).filter(|&t| offset(t) != initial);
                let to_year = match near.max() {
                    Some(t) => Some(year_of_secs(t).saturating_sub(1)),
                    None => (offset(year_start(PROBE_MIN_YEAR)) != initial).then_some(from),
                };
                if let Some(y) = to_year {
                    first = y.min(first.saturating_sub(width)).max(PROBE_MIN_YEAR);
                    widened = true;
                }
            }
            if last < PROBE_MAX_YEAR {
                let to = last.saturating_add(PROBE_YEARS).min(PROBE_MAX_YEAR);
                let mut near = probe_instants(end, year_start(to));
                let to_year = match near.find(|&t| offset(t) != final_offset) {
                    Some(t) => Some(year_of_secs(t).saturating_add(1)),
                    None => (offset(year_start(PROBE_MAX_YEAR)) != final_offset).then_some(to),
                };
                if let Some(y) = to_year {
                    last = y.max(last.saturating_add(width)).min(PROBE_MAX_YEAR);
                    widened = true;
                }
            }
            if !widened {
                return ZoneTable {
                    initial,
                    changes,
                    start,
                    end,
                };
            }
        }
    }

    /// The offset in force at `t`.
    fn offset_at(&self, t: i64) -> i64 {
        let k = self.changes.partition_point(|c| c.0 <= t);
        k.checked_sub(1)
            .and_then(|k| self.changes.get(k))
            .map_or(self.initial, |c| c.1)
    }

    /// The UTC years of the first and last change, if any.
    fn change_years(&self) -> Option<(i32, i32)> {
        let first = self.changes.first()?.0;
        let last = self.changes.last()?.0;
        Some((year_of_secs(first), year_of_secs(last)))
    }
}

/// The instants `start, start + PROBE_STEP, …` before `end`.
fn probe_instants(start: i64, end: i64) -> impl Iterator<Item = i64> {
    std::iter::successors(Some(start), |&t| t.checked_add(PROBE_STEP)).take_while(move |&t| t < end)
}

/// The offset changes in `(start, end)`, sampling every `step` seconds from `start` (where the
/// offset is `initial`) and bisecting between two samples whose offsets differ.
fn sampled_changes(
    offset: &impl Fn(i64) -> i64,
    start: i64,
    end: i64,
    initial: i64,
    step: i64,
) -> Vec<(i64, i64)> {
    let mut changes = Vec::new();
    let mut prev_t = start;
    let mut prev_off = initial;
    let mut t = start;
    while t < end - 1 {
        t = (t + step).min(end - 1);
        let off = offset(t);
        if off != prev_off {
            // Bisect for the first second with the new offset in (prev_t, t].
            let (mut lo, mut hi) = (prev_t, t);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset(mid) == prev_off {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            prev_off = offset(hi);
            changes.push((hi, prev_off));
            // Re-sample from the change in case a second one follows closely.
            t = hi;
        }
        prev_t = t;
    }
    changes
}

/// The offset table of `tz`, computed the first time a zone is asked for and kept for the
/// life of the process (the tz data is compiled in and never changes): every calendar in the
/// same zone shares it; all of them together take a few MiB at most.
pub(crate) fn zone_table(tz: &Tz) -> &'static ZoneTable {
    static TABLES: [OnceLock<ZoneTable>; chrono_tz::TZ_VARIANTS.len()] =
        [const { OnceLock::new() }; chrono_tz::TZ_VARIANTS.len()];
    // `Tz` is a field-less enum listed in the order of `TZ_VARIANTS`.
    let index = *tz as usize;
    match TABLES.get(index) {
        Some(cell) => cell.get_or_init(|| ZoneTable::compute(tz)),
        // Unreachable (one cell per variant); a leaked table would be as correct.
        None => Box::leak(Box::new(ZoneTable::compute(tz))),
    }
}

/// The UTC years a zoned calendar in `tz` computes year by year because its offset changes
/// in them, with a year of margin for local dates that fall into a neighbouring UTC year:
/// `None` for a zone whose offset never changes (UTC, fixed offsets).
pub(crate) fn transition_years(tz: &Tz) -> Option<(i32, i32)> {
    let (a, b) = zone_table(tz).change_years()?;
    Some((a.saturating_sub(1), b.saturating_add(1)))
}

/// The constant-offset pieces `(from, to, offset)` covering `[start, end)`.
pub(crate) fn offset_pieces(tz: &Tz, start: i64, end: i64) -> Vec<(i64, i64, i64)> {
    let table = zone_table(tz);
    // Offsets are constant before the first and after the last change.
    if end <= table.start {
        return vec![(start, end, table.initial)];
    }
    if start >= table.end {
        return vec![(start, end, table.offset_at(start))];
    }
    let mut pieces = Vec::with_capacity(4);
    let mut piece_start = start;
    let mut off = table.offset_at(start);
    let first = table.changes.partition_point(|c| c.0 <= start);
    for &(t, next) in table.changes.get(first..).unwrap_or(&[]) {
        if t >= end {
            break;
        }
        pieces.push((piece_start, t, off));
        piece_start = t;
        off = next;
    }
    pieces.push((piece_start, end, off));
    pieces
}

/// The constant-offset pieces of UTC year `y` in `tz`.
#[cfg(test)]
fn year_pieces(tz: &Tz, y: i32) -> Vec<(i64, i64, i64)> {
    offset_pieces(tz, year_start(y), year_start(y.saturating_add(1)))
}

/// The constant-offset pieces covering `[start, end)`.
fn pieces_between(tz: &Tz, start: i64, end: i64) -> Vec<(i64, i64, i64)> {
    offset_pieces(tz, start, end)
}

/// The local date of a day number (days since 1970-01-01), if chrono can represent it.
pub(crate) fn date_of_day(day: i64) -> Option<NaiveDate> {
    let ce = i32::try_from(day.checked_add(EPOCH_DAYS_FROM_CE)?).ok()?;
    NaiveDate::from_num_days_from_ce_opt(ce)
}

/// The day number (days since 1970-01-01) of a date.
pub(crate) fn day_of_date(date: NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(date.num_days_from_ce()) - EPOCH_DAYS_FROM_CE
}

/// Monday = 0 … Sunday = 6 of a day number.
pub(crate) fn weekday_index(day: i64) -> usize {
    // 1970-01-01 was a Thursday; the result is in 0..7.
    (day + 3).rem_euclid(7) as usize
}

impl Zoned {
    /// Whether any weekly shift exists.
    pub(crate) fn has_weekly_hours(&self) -> bool {
        self.weekly.iter().any(|s| !s.is_empty())
    }

    /// Shifts of a day given its exception, holiday status and special hours, in that order
    /// of precedence (see the [module docs](super#special-hours)).
    fn day_shifts<'a>(
        &'a self,
        day: i64,
        exception: Option<&'a Spans>,
        holiday: bool,
        special: Option<&'a Spans>,
    ) -> &'a [(i64, i64)] {
        match (exception, special) {
            (Some(spans), _) => spans,
            (None, _) if holiday => &[],
            (None, Some(spans)) => spans,
            (None, None) => self
                .weekly
                .get(weekday_index(day))
                .map_or(&[], Vec::as_slice),
        }
    }

    /// Whether a shift starts on local date `date` (a business day). A date the zone skips
    /// entirely (Pacific/Apia's 2011-12-30) has no local instants and is never one.
    pub(crate) fn is_business_day(&self, date: NaiveDate) -> bool {
        let day = day_of_date(date);
        self.skipped_days(day, day).is_empty() && self.is_business_day_if_it_exists(date)
    }

    /// Whether a shift starts on local date `date`, for a date known to occur.
    pub(crate) fn is_business_day_if_it_exists(&self, date: NaiveDate) -> bool {
        if let Some(spans) = self.exceptions.get(&date) {
            return !spans.is_empty();
        }
        if self.holidays.contains(date) {
            return false;
        }
        if let Some(spans) = self.special.spans_on(date) {
            return !spans.is_empty();
        }
        let day = day_of_date(date);
        self.weekly
            .get(weekday_index(day))
            .is_some_and(|s| !s.is_empty())
    }

    /// Day numbers in `d0 ..= d1` of the local dates that never occur in the zone, because an
    /// offset change skips them whole (Pacific/Apia moved from UTC−10 to UTC+14 at the end of
    /// 2011-12-29, so 2011-12-30 never happened there), sorted.
    pub(crate) fn skipped_days(&self, d0: i64, d1: i64) -> Vec<i64> {
        // Offsets stay within ±26 h, so the instants of two days either side cover the local
        // days `d0 ..= d1` wherever they occur at all.
        let pieces = pieces_between(
            &self.tz,
            (d0 - 2).saturating_mul(SECS_PER_DAY),
            (d1 + 3).saturating_mul(SECS_PER_DAY),
        );
        if pieces.len() < 2 {
            return Vec::new();
        }
        // The local seconds that some instant reads, merged.
        let mut read: Vec<(i64, i64)> = pieces.iter().map(|&(a, b, o)| (a + o, b + o)).collect();
        read.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(read.len());
        for (a, b) in read {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let mut out = Vec::new();
        for pair in merged.windows(2) {
            if let [(_, gap_start), (gap_end, _)] = pair {
                // Whole local days inside the gap [gap_start, gap_end).
                let first = gap_start.div_euclid(SECS_PER_DAY)
                    + i64::from(gap_start.rem_euclid(SECS_PER_DAY) != 0);
                let end = gap_end.div_euclid(SECS_PER_DAY);
                out.extend(first.max(d0)..end.min(d1 + 1));
            }
        }
        out
    }

    /// Holiday day numbers for local years `y0 ..= y1`, sorted.
    fn holiday_days(&self, y0: i64, y1: i64) -> Vec<i64> {
        let mut days = Vec::new();
        if self.holidays.is_empty() {
            return days;
        }
        for y in y0..=y1 {
            if let Ok(y) = i32::try_from(y) {
                days.extend(self.holidays.dates_in_year(y).into_iter().map(day_of_date));
            }
        }
        days.sort_unstable();
        days
    }

    /// The local days that may hold shifts read by instants of `[start, end)` (offsets
    /// `min_off ..= max_off`): a shift of day `D` lies within `[D, D + 2 days)`.
    fn day_range(start: i64, end: i64, min_off: i64, max_off: i64) -> (i64, i64) {
        (
            (start + min_off).div_euclid(SECS_PER_DAY) - 2,
            (end + max_off).div_euclid(SECS_PER_DAY),
        )
    }

    /// The exceptions of days `d0 ..= d1`, as day numbers, sorted.
    fn exceptions_between(&self, d0: i64, d1: i64) -> Vec<(i64, &Spans)> {
        if self.exceptions.is_empty() {
            return Vec::new();
        }
        match (date_of_day(d0), date_of_day(d1)) {
            (Some(a), Some(b)) => self
                .exceptions
                .range(a..=b)
                .map(|(d, s)| (day_of_date(*d), s))
                .collect(),
            _ => self
                .exceptions
                .iter()
                .map(|(d, s)| (day_of_date(*d), s))
                .filter(|(d, _)| (d0..=d1).contains(d))
                .collect(),
        }
    }

    /// Calls `f` with each local day of `d0 ..= d1` (day numbers, ascending) and its shifts,
    /// by the precedence of [`Zoned::day_shifts`], reading the holidays, exceptions and
    /// special-hours dates of those days once.
    fn for_each_day(&self, d0: i64, d1: i64, mut f: impl FnMut(i64, &[(i64, i64)])) {
        let holidays = self.holiday_days(year_of_day(d0), year_of_day(d1));
        let exceptions = self.exceptions_between(d0, d1);
        let special = self.special.days_between(d0, d1);
        let (mut hi, mut ei, mut si) = (0usize, 0usize, 0usize);
        let mut weekday = weekday_index(d0);
        for day in d0..=d1 {
            while holidays.get(hi).is_some_and(|&h| h < day) {
                hi += 1;
            }
            while exceptions.get(ei).is_some_and(|e| e.0 < day) {
                ei += 1;
            }
            while special.get(si).is_some_and(|e| e.0 < day) {
                si += 1;
            }
            let shifts: &[(i64, i64)] = match exceptions.get(ei).filter(|e| e.0 == day) {
                Some(e) => e.1,
                None if holidays.get(hi) == Some(&day) => &[],
                None => match special.get(si).filter(|e| e.0 == day) {
                    Some(e) => e.1,
                    None => self.weekly.get(weekday).map_or(&[], Vec::as_slice),
                },
            };
            f(day, shifts);
            weekday = if weekday == 6 { 0 } else { weekday + 1 };
        }
    }

    /// Whether a shift starts on each local day of `d0 ..= d1` (day numbers):
    /// [`Zoned::is_business_day`] for a run of days (a skipped day or one beyond chrono's
    /// dates is none).
    pub(crate) fn business_days_in(&self, d0: i64, d1: i64) -> Vec<bool> {
        let skipped = self.skipped_days(d0, d1);
        let mut out = Vec::with_capacity(usize::try_from(d1 - d0 + 1).unwrap_or(0));
        self.for_each_day(d0, d1, |day, shifts| {
            out.push(
                !shifts.is_empty()
                    && skipped.binary_search(&day).is_err()
                    && date_of_day(day).is_some(),
            );
        });
        out
    }

    /// The business intervals within `[start, end)`, sorted by start, disjoint or touching.
    pub(crate) fn intervals_in(&self, start: i64, end: i64) -> Vec<(i64, i64)> {
        let pieces = offset_pieces(&self.tz, start, end);
        let min_off = pieces.iter().map(|p| p.2).min().unwrap_or(0);
        let max_off = pieces.iter().map(|p| p.2).max().unwrap_or(0);
        // Local naive seconds of instants in [start, end) lie in [start + min_off,
        // end + max_off); a shift of day D reaches at most D + 2 days.
        let (d0, d1) = Self::day_range(start, end, min_off, max_off);

        let mut merged: Vec<(i64, i64)> =
            Vec::with_capacity(usize::try_from(d1 - d0 + 1).unwrap_or(0) * 2);
        self.for_each_day(d0, d1, |day, shifts| {
            let base = day * SECS_PER_DAY;
            // Shifts of one day are sorted by start and days ascend, so the ranges come
            // sorted by start: merge them as they come.
            for &(s, e) in shifts {
                let (a, b) = (base + s, base + e);
                match merged.last_mut() {
                    Some(last) if a <= last.1 => last.1 = last.1.max(b),
                    _ => merged.push((a, b)),
                }
            }
        });

        let mut out: Vec<(i64, i64)> = Vec::with_capacity(merged.len() + 2);
        for &(p0, p1, off) in &pieces {
            // Local ranges that can meet this piece: those ending after p0 + off.
            let first = merged.partition_point(|r| r.1 - off <= p0);
            for &(a, b) in merged.get(first..).unwrap_or(&[]) {
                let (u0, u1) = (a - off, b - off);
                if u0 >= p1 {
                    break;
                }
                let (c0, c1) = (u0.max(p0), u1.min(p1));
                if c0 < c1 {
                    out.push((c0, c1));
                }
            }
        }
        out
    }

    /// The instants of `[start, end)` whose business time may differ from the weekly
    /// pattern: around every local day that is a holiday on a weekday with shifts, an
    /// exception or a special-hours date, the instants that can read that day or the next
    /// (a shift of day `D` lies within `[D, D + 2 days)`), for offsets `min_off ..= max_off`.
    /// Possibly overlapping, not clipped.
    pub(crate) fn irregular_windows(
        &self,
        start: i64,
        end: i64,
        min_off: i64,
        max_off: i64,
        out: &mut Vec<(i64, i64)>,
    ) {
        let (d0, d1) = Self::day_range(start, end, min_off, max_off);
        let window = |d: i64| (d * SECS_PER_DAY - max_off, (d + 2) * SECS_PER_DAY - min_off);
        for d in self.holiday_days(year_of_day(d0), year_of_day(d1)) {
            let weekly = self
                .weekly
                .get(weekday_index(d))
                .is_some_and(|s| !s.is_empty());
            if weekly && (d0..=d1).contains(&d) {
                out.push(window(d));
            }
        }
        for (d, _) in self.exceptions_between(d0, d1) {
            out.push(window(d));
        }
        for (d, _) in self.special.days_between(d0, d1) {
            out.push(window(d));
        }
    }

    /// The weekly pattern of business time at a constant offset `off`: the intervals, in
    /// seconds from a Monday 00:00 UTC, of the instants whose wall-clock reading falls in a
    /// weekly shift, sorted and disjoint within `[0, 1 week)`.
    pub(crate) fn weekly_pattern(&self, off: i64) -> Vec<(i64, i64)> {
        let mut out = Vec::new();
        for (wd, spans) in (0i64..).zip(&self.weekly) {
            for &(s, e) in spans {
                // Local seconds from Monday 00:00, read `off` seconds after the instant.
                let a = (wd * SECS_PER_DAY + s - off).rem_euclid(WEEK);
                let len = e - s;
                if a + len <= WEEK {
                    out.push((a, a + len));
                } else {
                    out.push((a, WEEK));
                    out.push((0, a + len - WEEK));
                }
            }
        }
        out.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(out.len());
        for (a, b) in out {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        merged
    }
}

/// Seconds in a week.
pub(crate) const WEEK: i64 = 7 * SECS_PER_DAY;

impl Zoned {
    /// The earliest instant whose wall-clock reading is at or after the naive local second
    /// `local` (seconds since 1970-01-01T00:00 local): inside a DST gap, the first instant
    /// after the gap; inside a fold, the first of the two instants.
    pub(crate) fn instant_of_local(&self, local: i64) -> i64 {
        // Offsets are within ±26 h; look at the instants that can read `local`.
        let window = 2 * SECS_PER_DAY;
        let pieces = offset_pieces(&self.tz, local - window, local + window);
        Self::earliest_reading(&pieces, local)
    }

    /// The instant at which business time that runs up to the wall-clock `local` ends: the
    /// last instant reading `local` (in a fold, the second occurrence — the shift covered both),
    /// or the first instant after a DST gap that swallows `local`.
    pub(crate) fn end_instant_of_local(&self, local: i64) -> i64 {
        let window = 2 * SECS_PER_DAY;
        let pieces = offset_pieces(&self.tz, local - window, local + window);
        pieces
            .iter()
            .filter_map(|&(p0, p1, off)| {
                let t = local - off;
                (p0 <= t && t <= p1).then_some(t)
            })
            .max()
            .unwrap_or_else(|| Self::earliest_reading(&pieces, local))
    }

    fn earliest_reading(pieces: &[(i64, i64, i64)], local: i64) -> i64 {
        pieces
            .iter()
            .filter_map(|&(p0, p1, off)| {
                let t = (local - off).max(p0);
                (t < p1).then_some(t)
            })
            .min()
            .unwrap_or(local)
    }

    /// The latest end of the shifts that start on `date`, as naive local seconds.
    pub(crate) fn last_shift_end(&self, date: NaiveDate) -> Option<i64> {
        let day = day_of_date(date);
        let exception = self.exceptions.get(&date);
        let holiday = exception.is_none() && self.holidays.contains(date);
        let special = self.special.spans_on(date);
        self.day_shifts(day, exception, holiday, special)
            .iter()
            .map(|&(_, e)| day * SECS_PER_DAY + e)
            .max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::timeline::year_start;

    /// The zones checked in a debug build, where every zone would take minutes: eventful
    /// histories, the shortest gap between two changes (Boa Vista) and the DST zones of STYLE.
    const SAMPLE: [&str; 12] = [
        "America/Boa_Vista",
        "Europe/Moscow",
        "Antarctica/Troll",
        "Pacific/Apia",
        "Australia/Lord_Howe",
        "Africa/Casablanca",
        "America/Sao_Paulo",
        "Asia/Tehran",
        "Asia/Manila",
        "America/New_York",
        "Pacific/Chatham",
        "America/St_Johns",
    ];

    /// The zones a test checks: all of them in a release build (`.ci/run` runs these tests
    /// so), [`SAMPLE`] in a debug build.
    fn zones_to_check() -> Vec<Tz> {
        let all = !cfg!(debug_assertions);
        let zones: Vec<Tz> = chrono_tz::TZ_VARIANTS
            .into_iter()
            .filter(|tz| all || SAMPLE.contains(&tz.name()))
            .collect();
        assert!(zones.len() >= SAMPLE.len(), "{} zones", zones.len());
        zones
    }

    /// The offset changes of every zone, found by sampling every five days, are those found by
    /// sampling every six hours over the same scanned years.
    #[test]
    fn zone_tables_match_six_hour_sampling() {
        for tz in zones_to_check() {
            let table = zone_table(&tz);
            let offset = |t| utc_offset(&tz, t);
            let reference =
                sampled_changes(&offset, table.start, table.end, table.initial, 6 * 3600);
            assert_eq!(table.changes, reference, "{}", tz.name());
        }
    }

    /// The assumption the 400-year layout rests on, checked against the build's tz data: a
    /// zone's offset is constant outside the years its table scanned. Every zone is sampled
    /// once a day for 250 years either side of them (the probes that widen a scan look every
    /// 29 days), and at chrono's extremes. Fails if newer tz data changes an offset there in a
    /// way the probes miss.
    #[test]
    fn offsets_are_constant_outside_the_scanned_years() {
        let mut years = (i32::MAX, i32::MIN);
        for tz in zones_to_check() {
            let table = zone_table(&tz);
            let last = table.offset_at(table.end);
            let before = (year_start(year_of_secs(table.start) - 250)..table.start)
                .step_by(SECS_PER_DAY as usize)
                .chain([year_start(-262_000), year_start(-1000), year_start(1000)]);
            for t in before.filter(|&t| t < table.start) {
                assert_eq!(utc_offset(&tz, t), table.initial, "{tz} at {t}");
            }
            let after = (table.end..year_start(year_of_secs(table.end) + 250))
                .step_by(SECS_PER_DAY as usize)
                .chain([year_start(3000), year_start(262_000)]);
            for t in after {
                assert_eq!(utc_offset(&tz, t), last, "{tz} at {t}");
            }
            if let Some((a, b)) = table.change_years() {
                years = (years.0.min(a), years.1.max(b));
            }
        }
        // What the build's data holds, for the record (tzdata 2025b: 1844-2099).
        println!(
            "tzdata {}: offsets change within {}-{}",
            chrono_tz::IANA_TZDB_VERSION,
            years.0,
            years.1
        );
    }

    /// A zone with changes far outside the starting scan (a DST rule expanded to 2300 and a
    /// change of local mean time in 1500) gets a table that covers them: the probes widen the
    /// scan until the offset is constant outside it.
    #[test]
    fn zone_tables_widen_to_changes_outside_the_starting_years() {
        let dst_until = year_start(2301);
        let lmt_until = year_start(1500) + 12_345;
        let offset = |t: i64| {
            if t < lmt_until {
                3_208
            } else if t >= year_start(1900) && t < dst_until {
                // Summer time from day 90 to day 300 of each year.
                let day = (t - year_start(year_of_secs(t))) / SECS_PER_DAY;
                if (90..300).contains(&day) {
                    7_200
                } else {
                    3_600
                }
            } else {
                3_600
            }
        };
        let table = ZoneTable::compute_with(offset);
        assert_eq!(table.initial, 3_208);
        assert_eq!(table.changes.first(), Some(&(lmt_until, 3_600)));
        // The last summer ends on day 300 of 2300.
        let last_end = year_start(2300) + 300 * SECS_PER_DAY;
        assert_eq!(table.changes.last(), Some(&(last_end, 3_600)));
        // Two changes a year 1900-2300 plus the one in 1500.
        assert_eq!(table.changes.len(), 1 + 2 * 401);
        assert!(table.start <= lmt_until && table.end >= dst_until);
        assert_eq!(table.change_years(), Some((1500, 2300)));
        // A zone with one change only at chrono's far end widens there too.
        let far = year_start(200_000);
        let table = ZoneTable::compute_with(|t| if t < far { 0 } else { 60 });
        assert_eq!(table.changes, vec![(far, 60)]);
    }

    #[test]
    fn offset_pieces_follow_the_zone() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let y = year_start(2024);
        let pieces = year_pieces(&tz, 2024);
        // 2024-03-31T01:00Z and 2024-10-27T01:00Z.
        assert_eq!(
            pieces,
            vec![
                (y, 1_711_846_800, 3600),
                (1_711_846_800, 1_729_990_800, 7200),
                (1_729_990_800, year_start(2025), 3600),
            ]
        );
        assert_eq!(transition_years(&chrono_tz::UTC), None);
        assert_eq!(transition_years(&tz), Some((1892, 2100)));
    }
}
