//! Which years of a calendar can hold business time ([`Activity`]): none, a finite list, or
//! every year, with the irregular years that need individual attention (offset changes,
//! exceptions, one-off holidays and the bounds of holiday and special-hours rules) and
//! whether the rest repeat every 400 years.

use std::sync::OnceLock;

use super::algebra::SetOp;
use super::years::Period;
use super::{zone_table, Calendar, Kind};

/// The years a calendar whose holidays do not repeat every 400 years (open-ended Easter-based
/// rules) computes exactly, year by year; outside them its arithmetic is
/// [`Error::OutOfRange`](crate::Error::OutOfRange) rather than an extrapolation. 1583 is the
/// first full Gregorian year.
pub const NON_PERIODIC_FIRST_YEAR: i32 = 1583;

/// See [`NON_PERIODIC_FIRST_YEAR`].
pub const NON_PERIODIC_LAST_YEAR: i32 = 2599;

/// The year that anchors the 400-year tables of a calendar whose offset never changes and
/// that has no other year needing individual attention.
const ANCHOR_YEAR: i32 = 2000;

/// Which UTC years can hold business time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Activity {
    /// None ever.
    Never,
    /// Only these years (sorted, unique).
    Finite(Vec<i32>),
    /// Any year. Outside the `irregular` year intervals (sorted, disjoint), the year totals
    /// repeat every 400 years when `periodic`; when not (Easter-based holidays without an
    /// end), `irregular` is the one supported range and the years outside it are out of range.
    Perpetual {
        irregular: Vec<(i32, i32)>,
        periodic: bool,
    },
}

impl Activity {
    fn non_periodic() -> Activity {
        Activity::Perpetual {
            irregular: vec![(NON_PERIODIC_FIRST_YEAR, NON_PERIODIC_LAST_YEAR)],
            periodic: false,
        }
    }
}

pub(super) fn region_cells(activity: &Activity) -> Box<[OnceLock<Period>]> {
    let n = match activity {
        Activity::Perpetual { irregular, .. } => irregular.len() + 1,
        _ => 0,
    };
    (0..n).map(|_| OnceLock::new()).collect()
}

/// Sorts and merges overlapping or adjacent year intervals.
fn merge_windows(mut windows: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    windows.sort_unstable();
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(windows.len());
    for (a, b) in windows {
        match out.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

impl Calendar {
    pub(super) fn activity_of(kind: &Kind) -> Activity {
        match kind {
            Kind::Zoned(z) => {
                use chrono::Datelike;
                if z.has_weekly_hours() || z.special.has_hours() {
                    if !z.holidays.is_periodic() || !z.special.is_periodic() {
                        return Activity::non_periodic();
                    }
                    // A zone whose offset never changes still needs one irregular year, to
                    // anchor the 400-year tables of the years before and after it.
                    let mut windows =
                        vec![zone_table::transition_years(&z.tz)
                            .unwrap_or((ANCHOR_YEAR, ANCHOR_YEAR))];
                    for y in z
                        .exceptions
                        .keys()
                        .map(|d| d.year())
                        .chain(z.holidays.special_year_list())
                        .chain(z.special.bound_years())
                    {
                        windows.push((y.saturating_sub(1), y.saturating_add(1)));
                    }
                    Activity::Perpetual {
                        irregular: merge_windows(windows),
                        periodic: true,
                    }
                } else {
                    let mut years: Vec<i32> = z
                        .exceptions
                        .iter()
                        .filter(|(_, s)| !s.is_empty())
                        .flat_map(|(d, _)| [d.year() - 1, d.year(), d.year() + 1])
                        .collect();
                    years.sort_unstable();
                    years.dedup();
                    if years.is_empty() {
                        Activity::Never
                    } else {
                        Activity::Finite(years)
                    }
                }
            }
            Kind::Composite(op, members) => {
                let acts: Vec<&Activity> = members.iter().map(|m| &m.inner.activity).collect();
                let relevant: &[&Activity] = match op {
                    SetOp::Difference => acts.get(..1).unwrap_or(&[]),
                    _ => &acts,
                };
                let periodic = acts.iter().all(|a| {
                    !matches!(
                        a,
                        Activity::Perpetual {
                            periodic: false,
                            ..
                        }
                    )
                });
                // Every member's irregular years (and finite years) are irregular here too.
                let perpetual = || {
                    if !periodic {
                        return Activity::non_periodic();
                    }
                    let windows = acts
                        .iter()
                        .flat_map(|a| match a {
                            Activity::Never => Vec::new(),
                            Activity::Finite(ys) => ys.iter().map(|&y| (y, y)).collect(),
                            Activity::Perpetual { irregular, .. } => irregular.clone(),
                        })
                        .collect();
                    Activity::Perpetual {
                        irregular: merge_windows(windows),
                        periodic,
                    }
                };
                let finite_sets: Vec<&Vec<i32>> = relevant
                    .iter()
                    .filter_map(|a| match a {
                        Activity::Finite(ys) => Some(ys),
                        _ => None,
                    })
                    .collect();
                let any_perpetual = relevant
                    .iter()
                    .any(|a| matches!(a, Activity::Perpetual { .. }));
                let finite = |ys: Vec<i32>| {
                    if ys.is_empty() {
                        Activity::Never
                    } else {
                        Activity::Finite(ys)
                    }
                };
                match op {
                    SetOp::Union | SetOp::Difference => {
                        if any_perpetual {
                            perpetual()
                        } else {
                            let mut ys: Vec<i32> = finite_sets
                                .iter()
                                .flat_map(|ys| ys.iter().copied())
                                .collect();
                            ys.sort_unstable();
                            ys.dedup();
                            finite(ys)
                        }
                    }
                    SetOp::Intersection => {
                        if acts.iter().any(|a| **a == Activity::Never) {
                            return Activity::Never;
                        }
                        match finite_sets.split_first() {
                            None => perpetual(),
                            Some((first, rest)) => finite(
                                first
                                    .iter()
                                    .copied()
                                    .filter(|y| rest.iter().all(|r| r.binary_search(y).is_ok()))
                                    .collect(),
                            ),
                        }
                    }
                }
            }
        }
    }

    pub(super) fn periodic(&self) -> bool {
        !matches!(
            self.inner.activity,
            Activity::Perpetual {
                periodic: false,
                ..
            }
        )
    }

    pub(super) fn finite_years(&self) -> Option<&[i32]> {
        match &self.inner.activity {
            Activity::Finite(ys) => Some(ys),
            _ => None,
        }
    }

    pub(super) fn may_have_time(&self, y: i32) -> bool {
        match &self.inner.activity {
            Activity::Never => false,
            Activity::Finite(ys) => ys.binary_search(&y).is_ok(),
            Activity::Perpetual { .. } => true,
        }
    }

    /// The position of year `y` among the listed years: a finite calendar's years, or the
    /// years of a perpetual calendar's irregular intervals, in order.
    pub(super) fn listed_index(&self, y: i32) -> Option<usize> {
        match &self.inner.activity {
            Activity::Never => None,
            Activity::Finite(ys) => ys.binary_search(&y).ok(),
            Activity::Perpetual { irregular, .. } => {
                let k = irregular.partition_point(|r| r.1 < y);
                let r = irregular.get(k).filter(|r| r.0 <= y)?;
                let within = usize::try_from(i64::from(y) - i64::from(r.0)).ok()?;
                self.inner.listed_starts.get(k)?.checked_add(within)
            }
        }
    }

    /// The irregular year intervals of a perpetual calendar (see [`YearSeries`]).
    pub(super) fn irregular(&self) -> &[(i32, i32)] {
        match &self.inner.activity {
            Activity::Perpetual { irregular, .. } => irregular,
            _ => &[],
        }
    }

    /// The last year after which nothing changes any more (the 400-year cycle repeats).
    pub(super) fn last_irregular_year(&self) -> Option<i32> {
        match &self.inner.activity {
            Activity::Never => None,
            Activity::Finite(ys) => ys.last().copied(),
            Activity::Perpetual { irregular, .. } => irregular.last().map(|r| r.1),
        }
    }
}
