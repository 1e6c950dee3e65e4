//! The compiled years of a calendar and their use: each UTC year compiled on first use into a
//! [`Chunk`] (sorted business intervals with running totals) and cached, a year that is only
//! summed read from weekly patterns instead, and the year totals as a [`YearSeries`] that the
//! walks of the queries sum and search.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock, PoisonError};

use super::pattern::Pattern;
use super::timeline::{year_start, Chunk, MAX_YEAR, MIN_YEAR};
use super::years::{Period, ShapeTotals, YearSeries};
use super::zone_table;
use super::zoned::Zoned;
use super::{algebra, Calendar, Kind};

/// Most heap bytes a calendar keeps in weekly patterns (one per combination of offsets its
/// zones take; a pattern of the most weekly shifts takes about 6 KiB).
const PATTERN_CACHE_BYTES: usize = 4 << 20;

impl Calendar {
    /// Bytes of memory the calendar holds beyond its configuration, members included: the
    /// 1,600 slots of its year caches (25 KiB, held from the start), about 7.5 KiB for each
    /// year of an office calendar that an operation touches, up to the 800 cached years
    /// 1800–2599 and never more than 48 MiB of them, plus the per-year totals and 400-year
    /// tables that walks compute (16 bytes a year).
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
            + inner.shapes.heap_bytes()
            + inner.day_shapes.heap_bytes()
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

    /// The compiled chunk of UTC year `y` (empty outside chrono's range).
    #[inline]
    pub(super) fn chunk(&self, y: i32) -> Cow<'_, Chunk> {
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
            .map(|z| zone_table::offset_pieces(&z.tz, start, end))
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

    /// What a year's total depends on besides its shape, for a year `y` of a periodic region
    /// (see [`YearSeries::region_period`]): for each zone, depth first, its offset (constant
    /// from the year before to the year after), the holiday rules and the special-hours rules
    /// in force. `None` when an offset changes around `y`.
    pub(super) fn region_signature(&self, y: i32) -> Option<Vec<i64>> {
        let mut leaves = Vec::new();
        self.leaves(&mut leaves);
        let (start, end) = (year_start(y.checked_sub(1)?), year_start(y.checked_add(2)?));
        let mut signature = Vec::new();
        for z in leaves {
            let [(_, _, offset)] = zone_table::offset_pieces(&z.tz, start, end)[..] else {
                return None;
            };
            signature.push(offset);
            for rules in [z.holidays.active_rules(y), z.special.active_rules(y)] {
                signature.push(i64::try_from(rules.len()).ok()?);
                signature.extend(rules.iter().filter_map(|&i| i64::try_from(i).ok()));
            }
        }
        Some(signature)
    }

    /// Whether, outside the irregular years, a year's totals depend only on the shape of the
    /// years around it (see `YearSeries::region_period`): true when every holiday and
    /// special-hours rule anywhere in the calendar depends on weekdays only (no Easter rules,
    /// no `every`).
    pub(super) fn totals_follow_year_shape(&self) -> bool {
        match &self.inner.kind {
            Kind::Zoned(z) => z.holidays.follow_weekdays_only() && z.special.follow_weekdays_only(),
            Kind::Composite(_, ms) => ms.iter().all(Calendar::totals_follow_year_shape),
        }
    }
}

/// The business seconds of a calendar, year by year.
pub(super) struct Seconds<'a>(pub(super) &'a Calendar);

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

    fn shape_totals(&self) -> &ShapeTotals {
        &self.0.inner.shapes
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

    /// Regions with the same zones' offsets and rules in force share their year totals by
    /// shape of year: every year of every region still has the total computed for it alone,
    /// across one-year rules, rules in force for two centuries, a zone whose offset changed
    /// and a combination of zones.
    #[test]
    fn shared_shape_totals_equal_direct_totals() {
        let one_year: Vec<String> = (0..12)
            .map(|i| {
                let y = 2100 + 37 * i;
                format!(
                    r#"{{"name": "R{i}", "month": 12, "day": 26, "from": {y}, "until": {y},
                    "observed": "substitute"}}"#
                )
            })
            .collect();
        let berlin = format!(
            r#"{{"timezone": "Europe/Berlin", "hours": {{"mon": ["09:00-17:00"],
                "sat": ["22:00-06:00"]}}, "holidays": [{}, {{"name": "Long", "month": 5,
                "weekday": "mon", "nth": -1, "from": 2200, "until": 2399}},
                {{"name": "Open", "month": 1, "day": 1, "observed": "substitute"}}]}}"#,
            one_year.join(",")
        );
        let new_york = r#"{"timezone": "America/New_York", "hours": {"fri": ["20:00-04:00"]},
            "holidays": [{"name": "Late", "month": 7, "day": 4, "from": 2250,
            "observed": "us"}]}"#;
        let union = format!(r#"{{"union": [{berlin}, {new_york}]}}"#);
        for json in [berlin.as_str(), new_york, union.as_str()] {
            let c = Calendar::from_json(json).unwrap();
            let series = Seconds(&c);
            for y in 2040..2700 {
                assert_eq!(series.year_total(y), series.direct_total(y), "{y}: {json}");
            }
            if let Kind::Zoned(_) = c.inner.kind {
                let days = super::super::business_days::Days(&c);
                for y in 2040..2700 {
                    assert_eq!(days.year_total(y), days.direct_total(y), "days {y}: {json}");
                }
            }
        }
    }
}
