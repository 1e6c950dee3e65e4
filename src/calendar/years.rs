//! Walking a calendar year by year without walking: per-year totals (business seconds or
//! business days), jumps over whole 400-year periods where the totals repeat, and skips over
//! years that cannot hold business time.
//!
//! Beyond the configured data (holiday and exception years) and the tz database's transitions
//! a calendar repeats every 400 years (the Gregorian cycle: 146 097 days, exactly 20 871
//! weeks), so the totals of the 400 years after the last and before the first special year
//! describe every year out there.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use super::timeline::{days_from_civil, MAX_YEAR, MIN_YEAR};

/// The Gregorian calendar repeats its weekdays every 400 years.
pub(crate) const PERIOD_YEARS: i32 = 400;

/// Totals of 400 consecutive years and their prefix sums.
#[derive(Clone, Debug)]
pub(crate) struct Period {
    totals: Vec<i64>,
    /// `prefix[k]` = sum of `totals[..k]`; 401 entries.
    prefix: Vec<i64>,
}

impl Period {
    pub(crate) fn new(totals: Vec<i64>) -> Period {
        let mut prefix = Vec::with_capacity(totals.len() + 1);
        let mut s = 0i64;
        prefix.push(0);
        for t in &totals {
            s = s.saturating_add(*t);
            prefix.push(s);
        }
        Period { totals, prefix }
    }

    /// Approximate heap size in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.totals.capacity() + self.prefix.capacity()) * 8
    }

    pub(crate) fn sum(&self) -> i64 {
        self.prefix.last().copied().unwrap_or(0)
    }

    /// Sum of the totals at offsets `[k0, k1)` from the period's first year (offsets ≥ 0).
    fn sum_offsets(&self, k0: i64, k1: i64) -> i64 {
        let p = i64::from(PERIOD_YEARS);
        let upto = |k: i64| -> i64 {
            let cycles = k / p;
            let rem = usize::try_from(k % p).unwrap_or(0);
            cycles
                .saturating_mul(self.sum())
                .saturating_add(self.prefix.get(rem).copied().unwrap_or(0))
        };
        upto(k1) - upto(k0)
    }

    fn len(&self) -> usize {
        self.totals.len()
    }

    /// Whether this is a full 400-year cycle in which every second is business time
    /// (146 097 days).
    pub(crate) fn is_full_cycle_open(&self) -> bool {
        self.totals.len() == PERIOD_YEARS as usize && self.sum() == 146_097 * 86_400
    }

    fn total(&self, k: i64) -> i64 {
        let len = i64::try_from(self.totals.len()).unwrap_or(1).max(1);
        let idx = usize::try_from(k.rem_euclid(len)).unwrap_or(0);
        self.totals.get(idx).copied().unwrap_or(0)
    }
}

/// Year totals shared by the 400-year tables of a calendar's regions: by the region's
/// signature (see `Calendar::region_signature`: the offsets of its zones and the holiday
/// rules in force) and the shape of the year. Regions with the same signature, such as the
/// stretches between a thousand one-year rules, then compute each shape of year once in all
/// instead of once each.
#[derive(Debug, Default)]
pub(crate) struct ShapeTotals(Mutex<ShapeTable>);

#[derive(Debug, Default)]
struct ShapeTable {
    /// Each distinct signature and its number.
    ids: BTreeMap<Vec<i64>, usize>,
    /// Totals by signature number and shape.
    totals: BTreeMap<(usize, u16), i64>,
    /// Heap bytes of the signatures.
    signature_bytes: usize,
}

impl ShapeTotals {
    fn table(&self) -> std::sync::MutexGuard<'_, ShapeTable> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The number of a signature, assigned on first sight.
    fn id(&self, signature: Vec<i64>) -> usize {
        let mut table = self.table();
        let next = table.ids.len();
        let bytes = signature.len() * std::mem::size_of::<i64>();
        let mut added = false;
        let id = *table.ids.entry(signature).or_insert_with(|| {
            added = true;
            next
        });
        if added {
            table.signature_bytes += bytes;
        }
        id
    }

    /// The total of a shape of year under signature `id`, computed once (outside the lock:
    /// two threads may both compute it, and agree).
    fn get_or(&self, id: usize, shape: u16, compute: impl FnOnce() -> i64) -> i64 {
        if let Some(&t) = self.table().totals.get(&(id, shape)) {
            return t;
        }
        let t = compute();
        self.table().totals.insert((id, shape), t);
        t
    }

    /// Approximate heap size in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        let table = self.table();
        // A B-tree entry: key, value and about as much again of node overhead.
        let entry = |key: usize| 2 * (key + std::mem::size_of::<i64>());
        table.signature_bytes
            + table.ids.len() * entry(std::mem::size_of::<Vec<i64>>())
            + table.totals.len() * entry(std::mem::size_of::<(usize, u16)>())
    }
}

/// Whether `y` is a Gregorian leap year.
fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The shape of year `y` and its neighbours: the weekday of January 1 of `y - 2` (bits 0–2)
/// and whether each of `y - 2 ..= y + 2` is a leap year (bits 3–7). `None` within three years
/// of chrono's range, where days beyond it have no shifts.
pub(crate) fn year_shape(y: i32) -> Option<u16> {
    let (lo, hi) = (y.checked_sub(2)?, y.checked_add(2)?);
    if lo <= MIN_YEAR.saturating_add(1) || hi >= MAX_YEAR.saturating_sub(1) {
        return None;
    }
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    let weekday = u16::try_from((days_from_civil(lo, 1, 1) + 3).rem_euclid(7)).ok()?;
    let leaps = (lo..=hi)
        .enumerate()
        .filter(|&(_, z)| is_leap(z))
        .fold(0u16, |acc, (i, _)| acc | (1 << (3 + i)));
    Some(weekday | leaps)
}

/// Whether a walk looks for the earliest or the latest position with a running total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Extreme {
    /// A total `c` is found in the year where it is reached (`0 < c <= total`).
    Earliest,
    /// A total `c` is found in the year where it is left (`0 <= c < total`).
    Latest,
}

/// Why a walk found nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WalkError {
    /// Nothing more in this direction, ever.
    Exhausted,
    /// The answer lies beyond chrono's range of years.
    OutOfRange,
}

/// Where a year lies in a calendar's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// In an irregular interval: computed year by year.
    Irregular,
    /// In the `k`th periodic region (between irregular intervals `k - 1` and `k`).
    Region(usize),
}

/// A sequence of per-year totals of a calendar (business seconds or business days).
///
/// A perpetual calendar's years split into *irregular* intervals (the tz database's
/// transitions, and a year either side of every exception, one-off holiday and rule bound),
/// computed year by year, and the *regions* between them, in which the totals repeat every
/// 400 years: a region's first 400 years (its last, for the unbounded region at the bottom)
/// are computed once and describe the whole region. Work is therefore bounded by the size of
/// the configuration, never by the values of the years involved.
pub(crate) trait YearSeries {
    /// The calendar the totals are of.
    fn calendar(&self) -> &super::Calendar;
    /// The total of year `y`, computed (or cached) directly.
    fn direct_total(&self, y: i32) -> i64;
    /// Where each region's period table is cached (one cell per region).
    fn region_cells(&self) -> &[OnceLock<Period>];
    /// Where the year totals shared between regions are kept.
    fn shape_totals(&self) -> &ShapeTotals;
    /// Where the totals of the calendar's listed years (its finite years, or the years of
    /// its irregular intervals) are cached, one cell per year, in order.
    fn listed_cells(&self) -> &[OnceLock<i64>];

    /// The total of year `y`, cached when it is a listed year: those are the years every
    /// walk and sum computes one by one, so each is computed once per calendar, also outside
    /// the window of cached chunks.
    fn listed_total(&self, y: i32) -> i64 {
        match self
            .calendar()
            .listed_index(y)
            .and_then(|i| self.listed_cells().get(i))
        {
            Some(cell) => *cell.get_or_init(|| self.direct_total(y)),
            None => self.direct_total(y),
        }
    }

    /// The irregular intervals of a perpetual calendar (empty otherwise).
    fn irregular(&self) -> &[(i32, i32)] {
        self.calendar().irregular()
    }

    /// Whether the regions repeat every 400 years (else they are out of the supported range).
    fn periodic(&self) -> bool {
        self.calendar().periodic()
    }

    /// When only a few years can be non-zero: those years, sorted.
    fn finite_years(&self) -> Option<&[i32]> {
        self.calendar().finite_years()
    }

    /// Where `y` lies.
    fn place(&self, y: i32) -> Place {
        let iv = self.irregular();
        let k = iv.partition_point(|r| r.1 < y);
        match iv.get(k) {
            Some(r) if r.0 <= y => Place::Irregular,
            _ => Place::Region(k),
        }
    }

    /// The first and last year of region `k` (`None`: unbounded on that side).
    fn region_bounds(&self, k: usize) -> (Option<i32>, Option<i32>) {
        let iv = self.irregular();
        let lower = k.checked_sub(1).and_then(|j| iv.get(j)).map(|r| r.1 + 1);
        let upper = iv.get(k).map(|r| r.0 - 1);
        (lower, upper)
    }

    /// The period table of region `k`, anchored at its first year (or, for the region below
    /// every irregular interval, at its last year, counting down).
    ///
    /// Inside a region nothing is year-specific: no exception, one-off holiday, rule bound or
    /// offset change lies within a year of it. A year's total then depends only on how the
    /// dates of the years around it fall on weekdays — the weekday of January 1 two years
    /// before and which of the five years `y - 2 ..= y + 2` are leap years (holidays of the
    /// neighbouring years reach into it by observed and substitute days) — unless Easter
    /// rules apply, whose dates follow the moon. So for calendars without Easter rules each
    /// distinct shape of year is compiled once: a 400-year table costs about 50 compiled
    /// years instead of 400.
    fn region_period(&self, k: usize) -> Option<&Period> {
        let cell = self.region_cells().get(k)?;
        Some(cell.get_or_init(|| {
            let by_shape = self.calendar().totals_follow_year_shape();
            let shared = self.shape_totals();
            let (lower, upper) = self.region_bounds(k);
            // A region whose signature cannot be told has one of its own: one number long,
            // where every told signature holds two or more per zone.
            let id = by_shape.then(|| {
                let own = || vec![i64::try_from(k).unwrap_or(i64::MAX)];
                let signature = lower
                    .or(upper)
                    .and_then(|y| self.calendar().region_signature(y))
                    .unwrap_or_else(own);
                shared.id(signature)
            });
            let total_of = |y: i32| match (year_shape(y), id) {
                (Some(shape), Some(id)) => shared.get_or(id, shape, || self.direct_total(y)),
                _ => self.direct_total(y),
            };
            let totals = match (lower, upper) {
                (Some(a), upper) => {
                    let len = upper.map_or(i64::from(PERIOD_YEARS), |b| {
                        (i64::from(b) - i64::from(a) + 1).min(i64::from(PERIOD_YEARS))
                    });
                    (0..len)
                        .filter_map(|i| i32::try_from(i64::from(a) + i).ok())
                        .map(total_of)
                        .collect()
                }
                (None, Some(b)) => (0..PERIOD_YEARS)
                    .map(|i| total_of(b.saturating_sub(i)))
                    .collect(),
                (None, None) => Vec::new(),
            };
            Period::new(totals)
        }))
    }

    /// The offset of year `y` in region `k`'s table.
    fn region_offset(&self, k: usize, y: i32) -> i64 {
        match self.region_bounds(k) {
            (Some(a), _) => i64::from(y) - i64::from(a),
            (None, Some(b)) => i64::from(b) - i64::from(y),
            (None, None) => 0,
        }
    }

    /// The total of year `y`: computed in irregular intervals, from the table in regions.
    fn year_total(&self, y: i32) -> i64 {
        if self.irregular().is_empty() || !self.periodic() {
            return self.listed_total(y);
        }
        match self.place(y) {
            Place::Irregular => self.listed_total(y),
            Place::Region(k) => self
                .region_period(k)
                .map_or(0, |p| p.total(self.region_offset(k, y))),
        }
    }

    /// Sum of the totals of years `y0 ..= y1` (0 when `y0 > y1`).
    fn sum_years(&self, y0: i32, y1: i32) -> Result<i64, WalkError> {
        if y0 > y1 {
            return Ok(0);
        }
        if let Some(ys) = self.finite_years() {
            let i = ys.partition_point(|&y| y < y0);
            return Ok(ys
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take_while(|&&y| y <= y1)
                .map(|&y| self.listed_total(y))
                .fold(0i64, i64::saturating_add));
        }
        let iv = self.irregular();
        let (Some(first), Some(last)) = (iv.first(), iv.last()) else {
            return Ok(0);
        };
        if !self.periodic() && (y0 < first.0 || y1 > last.1) {
            return Err(WalkError::OutOfRange);
        }
        let mut sum = 0i64;
        let mut y = y0;
        while y <= y1 {
            let end = match self.place(y) {
                Place::Irregular => {
                    let k = iv.partition_point(|r| r.1 < y);
                    let end = iv.get(k).map_or(y1, |r| r.1.min(y1));
                    for z in y..=end {
                        sum = sum.saturating_add(self.listed_total(z));
                    }
                    end
                }
                Place::Region(k) => {
                    let end = self.region_bounds(k).1.map_or(y1, |b| b.min(y1));
                    if let Some(p) = self.region_period(k) {
                        let (o1, o2) = (self.region_offset(k, y), self.region_offset(k, end));
                        sum = sum.saturating_add(p.sum_offsets(o1.min(o2), o1.max(o2) + 1));
                    }
                    end
                }
            };
            match end.checked_add(1) {
                Some(next) => y = next,
                None => break,
            }
        }
        Ok(sum)
    }

    /// Moves a running total `c`, counted from the start of year `y`, into the year that holds
    /// it. Returns that year and the total counted from its start, which satisfies
    /// `0 < c <= total` ([`Extreme::Earliest`]) or `0 <= c < total` ([`Extreme::Latest`]).
    /// `c` may be negative (the position lies in an earlier year).
    fn walk(&self, mut y: i32, mut c: i64, extreme: Extreme) -> Result<(i32, i64), WalkError> {
        let finite = self.finite_years().map(<[i32]>::to_vec);
        let iv = self.irregular();
        if finite.is_none() && iv.is_empty() {
            return Err(WalkError::Exhausted);
        }
        let periodic = self.periodic();
        let range = match (iv.first(), iv.last()) {
            (Some(f), Some(l)) => (f.0, l.1),
            _ => (MIN_YEAR, MAX_YEAR),
        };
        let cycle = i64::from(PERIOD_YEARS);
        if c < 0 {
            loop {
                let mut ny = y.checked_sub(1).ok_or(WalkError::OutOfRange)?;
                if ny < MIN_YEAR {
                    return Err(WalkError::OutOfRange);
                }
                if let Some(ys) = &finite {
                    let i = ys.partition_point(|&v| v <= ny);
                    ny = *i
                        .checked_sub(1)
                        .and_then(|i| ys.get(i))
                        .ok_or(WalkError::Exhausted)?;
                } else if !periodic && !(range.0..=range.1).contains(&ny) {
                    return Err(WalkError::OutOfRange);
                } else if let Place::Region(k) = self.place(ny) {
                    let p = self.region_period(k).ok_or(WalkError::Exhausted)?;
                    let full = p.len() == PERIOD_YEARS as usize;
                    let lower = self.region_bounds(k).0;
                    if p.sum() == 0 && full {
                        match lower {
                            None => return Err(WalkError::Exhausted),
                            // The whole region is empty: continue just below it.
                            Some(a) => {
                                y = a;
                                continue;
                            }
                        }
                    }
                    if full && p.sum() > 0 {
                        let deficit = c.checked_neg().ok_or(WalkError::OutOfRange)?;
                        let room =
                            lower.map_or(i64::MAX, |a| (i64::from(ny) - i64::from(a) + 1) / cycle);
                        let cycles = ((deficit - 1) / p.sum()).min(room);
                        if cycles > 0 {
                            c += cycles * p.sum();
                            ny = i64::from(ny)
                                .checked_sub(cycles.saturating_mul(cycle))
                                .and_then(|v| i32::try_from(v).ok())
                                .ok_or(WalkError::OutOfRange)?;
                            if ny < MIN_YEAR {
                                return Err(WalkError::OutOfRange);
                            }
                        }
                    }
                }
                y = ny;
                c = c
                    .checked_add(self.year_total(y))
                    .ok_or(WalkError::OutOfRange)?;
                if c >= 0 {
                    return Ok((y, c));
                }
            }
        }
        loop {
            let total = self.year_total(y);
            let beyond = match extreme {
                Extreme::Earliest => c > total,
                Extreme::Latest => c >= total,
            };
            if !beyond {
                return Ok((y, c));
            }
            c -= total;
            let mut ny = y.checked_add(1).ok_or(WalkError::OutOfRange)?;
            if ny > MAX_YEAR {
                return Err(WalkError::OutOfRange);
            }
            if let Some(ys) = &finite {
                let i = ys.partition_point(|&v| v < ny);
                ny = *ys.get(i).ok_or(WalkError::Exhausted)?;
            } else if !periodic && !(range.0..=range.1).contains(&ny) {
                return Err(WalkError::OutOfRange);
            } else if let Place::Region(k) = self.place(ny) {
                let p = self.region_period(k).ok_or(WalkError::Exhausted)?;
                let full = p.len() == PERIOD_YEARS as usize;
                let upper = self.region_bounds(k).1;
                if p.sum() == 0 && full {
                    match upper {
                        None => return Err(WalkError::Exhausted),
                        Some(b) => {
                            // The whole region is empty: continue at its last year.
                            y = b;
                            continue;
                        }
                    }
                }
                if full && p.sum() > 0 {
                    let room =
                        upper.map_or(i64::MAX, |b| (i64::from(b) - i64::from(ny) + 1) / cycle);
                    let wanted = match extreme {
                        Extreme::Earliest => (c - 1) / p.sum(),
                        Extreme::Latest => c / p.sum(),
                    };
                    let cycles = wanted.min(room);
                    if cycles > 0 {
                        c -= cycles * p.sum();
                        ny = i64::from(ny)
                            .checked_add(cycles.saturating_mul(cycle))
                            .and_then(|v| i32::try_from(v).ok())
                            .ok_or(WalkError::OutOfRange)?;
                        if ny > MAX_YEAR {
                            return Err(WalkError::OutOfRange);
                        }
                    }
                }
            }
            y = ny;
        }
    }
}
