//! Walking a calendar year by year without walking: per-year totals (business seconds or
//! business days), jumps over whole 400-year periods where the totals repeat, and skips over
//! years that cannot hold business time.
//!
//! Beyond the configured data (holiday and exception years) and the tz database's transitions
//! a calendar repeats every 400 years (the Gregorian cycle: 146 097 days, exactly 20 871
//! weeks), so the totals of the 400 years after the last and before the first special year
//! describe every year out there.

use std::sync::OnceLock;

use super::timeline::{MAX_YEAR, MIN_YEAR};

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

    fn total(&self, k: i64) -> i64 {
        let idx = usize::try_from(k.rem_euclid(i64::from(PERIOD_YEARS))).unwrap_or(0);
        self.totals.get(idx).copied().unwrap_or(0)
    }
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

/// A sequence of per-year totals of a calendar (business seconds or business days).
pub(crate) trait YearSeries {
    /// The calendar the totals are of.
    fn calendar(&self) -> &super::Calendar;
    /// The total of year `y`, computed (or cached) directly.
    fn direct_total(&self, y: i32) -> i64;
    /// Where the periods after and before the bounds are cached.
    fn period_cells(&self) -> (&OnceLock<Period>, &OnceLock<Period>);

    /// Years outside `[lo, hi]` repeat with the 400-year period (when [`Self::periodic`]) or
    /// are out of the supported range (when not); `None` when every total is 0.
    fn bounds(&self) -> Option<(i32, i32)> {
        self.calendar().bounds()
    }

    /// Whether the totals outside the bounds repeat every 400 years.
    fn periodic(&self) -> bool {
        self.calendar().periodic()
    }

    /// When only a few years can be non-zero: those years, sorted.
    fn finite_years(&self) -> Option<&[i32]> {
        self.calendar().finite_years()
    }

    /// The period of the 400 years after `hi`.
    fn period_after(&self) -> Option<&Period> {
        let (_, hi) = self.bounds()?;
        Some(self.period_cells().0.get_or_init(|| {
            Period::new(
                (1..=PERIOD_YEARS)
                    .map(|k| self.direct_total(hi.saturating_add(k)))
                    .collect(),
            )
        }))
    }

    /// The period of the 400 years before `lo` (offset 0 is `lo - 1`, going back).
    fn period_before(&self) -> Option<&Period> {
        let (lo, _) = self.bounds()?;
        Some(self.period_cells().1.get_or_init(|| {
            Period::new(
                (1..=PERIOD_YEARS)
                    .map(|k| self.direct_total(lo.saturating_sub(k)))
                    .collect(),
            )
        }))
    }

    /// The total of year `y`, from the period tables outside the bounds.
    fn year_total(&self, y: i32) -> i64 {
        match self.bounds() {
            None => 0,
            Some(_) if !self.periodic() => self.direct_total(y),
            Some((_, hi)) if y > hi => self
                .period_after()
                .map_or(0, |p| p.total(i64::from(y) - i64::from(hi) - 1)),
            Some((lo, _)) if y < lo => self
                .period_before()
                .map_or(0, |p| p.total(i64::from(lo) - 1 - i64::from(y))),
            Some(_) => self.direct_total(y),
        }
    }

    /// Sum of the totals of years `y0 ..= y1` (0 when `y0 > y1`).
    fn sum_years(&self, y0: i32, y1: i32) -> Result<i64, WalkError> {
        if y0 > y1 {
            return Ok(0);
        }
        let Some((lo, hi)) = self.bounds() else {
            return Ok(0);
        };
        if !self.periodic() && (y0 < lo || y1 > hi) {
            return Err(WalkError::OutOfRange);
        }
        let mut sum = 0i64;
        if y0 < lo {
            let top = y1.min(lo - 1);
            if let Some(p) = self.period_before() {
                let k0 = i64::from(lo) - 1 - i64::from(top);
                let k1 = i64::from(lo) - i64::from(y0);
                sum = sum.saturating_add(p.sum_offsets(k0, k1));
            }
        }
        let (a, b) = (y0.max(lo), y1.min(hi));
        if a <= b {
            match self.finite_years() {
                Some(ys) => {
                    let i = ys.partition_point(|&y| y < a);
                    for &y in ys.get(i..).unwrap_or(&[]).iter().take_while(|&&y| y <= b) {
                        sum = sum.saturating_add(self.direct_total(y));
                    }
                }
                None => {
                    for y in a..=b {
                        sum = sum.saturating_add(self.direct_total(y));
                    }
                }
            }
        }
        if y1 > hi {
            let bottom = y0.max(hi + 1);
            if let Some(p) = self.period_after() {
                let k0 = i64::from(bottom) - i64::from(hi) - 1;
                let k1 = i64::from(y1) - i64::from(hi);
                sum = sum.saturating_add(p.sum_offsets(k0, k1));
            }
        }
        Ok(sum)
    }

    /// Moves a running total `c`, counted from the start of year `y`, into the year that holds
    /// it. Returns that year and the total counted from its start, which satisfies
    /// `0 < c <= total` ([`Extreme::Earliest`]) or `0 <= c < total` ([`Extreme::Latest`]).
    /// `c` may be negative (the position lies in an earlier year).
    fn walk(&self, mut y: i32, mut c: i64, extreme: Extreme) -> Result<(i32, i64), WalkError> {
        let (lo, hi) = self.bounds().ok_or(WalkError::Exhausted)?;
        let periodic = self.periodic();
        if c < 0 {
            loop {
                if !periodic && y <= lo {
                    return Err(WalkError::OutOfRange);
                }
                if y <= lo {
                    if let Some(p) = self.period_before() {
                        let period = p.sum();
                        if period == 0 {
                            return Err(WalkError::Exhausted);
                        }
                        let deficit = c.checked_neg().ok_or(WalkError::OutOfRange)?;
                        if deficit > period {
                            let cycles = (deficit - 1) / period;
                            let years = i64::from(PERIOD_YEARS).saturating_mul(cycles);
                            y = i64::from(y)
                                .checked_sub(years)
                                .and_then(|y| i32::try_from(y).ok())
                                .ok_or(WalkError::OutOfRange)?;
                            c += cycles * period;
                        }
                    }
                }
                y = y.checked_sub(1).ok_or(WalkError::OutOfRange)?;
                if y < MIN_YEAR {
                    return Err(WalkError::OutOfRange);
                }
                if let Some(ys) = self.finite_years() {
                    let i = ys.partition_point(|&v| v <= y);
                    y = *i
                        .checked_sub(1)
                        .and_then(|i| ys.get(i))
                        .ok_or(WalkError::Exhausted)?;
                }
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
            if !periodic && y >= hi {
                return Err(WalkError::OutOfRange);
            }
            if y >= hi {
                if let Some(p) = self.period_after() {
                    let period = p.sum();
                    if period == 0 {
                        return Err(WalkError::Exhausted);
                    }
                    if c > period {
                        let cycles = (c - 1) / period;
                        let years = i64::from(PERIOD_YEARS).saturating_mul(cycles);
                        y = i64::from(y)
                            .checked_add(years)
                            .and_then(|y| i32::try_from(y).ok())
                            .ok_or(WalkError::OutOfRange)?;
                        c -= cycles * period;
                    }
                }
            }
            y = y.checked_add(1).ok_or(WalkError::OutOfRange)?;
            if y > MAX_YEAR {
                return Err(WalkError::OutOfRange);
            }
            if let Some(ys) = self.finite_years() {
                let i = ys.partition_point(|&v| v < y);
                y = *ys.get(i).ok_or(WalkError::Exhausted)?;
            }
        }
    }
}
