//! The UTC offsets of a time zone over chrono's whole range, as the calendar needs them: a
//! table of each zone's offset changes, scanned once per process from the build's tz data
//! (and widened when the data changes offsets outside the years first scanned), and the
//! constant-offset pieces of any stretch of time read from it.

use std::sync::OnceLock;

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::timeline::{year_of_secs, year_start, MAX_YEAR, MIN_YEAR, SECS_PER_DAY};

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
