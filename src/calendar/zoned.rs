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

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::day::{date_of_day, day_of_date, weekday_index, Spans};
use super::holiday::Holidays;
use super::special_hours::SpecialHours;
use super::timeline::{year_of_day, SECS_PER_DAY};
use super::zone_table::offset_pieces;

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
        let pieces = offset_pieces(
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
