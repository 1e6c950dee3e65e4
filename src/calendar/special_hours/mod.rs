//! Recurring special hours: a zoned calendar's `special_hours` rules, which replace the weekly
//! shifts on the dates a yearly or monthly rule gives, and the dates they give in a year.
//!
//! Which shifts a local date has, in order of precedence (see the
//! [module docs](super#special-hours)): a single-date `exceptions` entry; else a holiday
//! (closed); else the first yearly special-hours rule giving the date; else the first monthly
//! one; else the weekly hours. The dates of a year are computed once and kept for the last
//! few years asked for, like a holiday list, and feed the same day tables as single
//! exceptions: nothing is stored per date.

mod spec;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::day::{date_of_day, day_of_date, Spans};
use super::holiday::{cycle_divides_400, in_cycle, memoized, Rule, YearMemo};
use crate::error::Error;
pub use spec::SpecialHoursRule;
use spec::{Recurrence, SpecialRule};

/// The validated special-hours rules of a zoned calendar.
#[derive(Clone, Default)]
pub(crate) struct SpecialHours {
    rules: Vec<SpecialRule>,
    memo: Memo,
}

/// The dates of the years computed last, `(date, index of the winning rule)` sorted by
/// date; not part of the value's identity (clones start empty).
#[derive(Default)]
struct Memo(YearMemo<(NaiveDate, usize)>);

impl Clone for Memo {
    fn clone(&self) -> Self {
        Memo::default()
    }
}

impl fmt::Debug for SpecialHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpecialHours")
            .field("rules", &self.rules)
            .finish_non_exhaustive()
    }
}

impl PartialEq for SpecialHours {
    fn eq(&self, other: &Self) -> bool {
        self.rules == other.rules
    }
}

impl Eq for SpecialHours {}

/// Whether two rules' year ranges and cycles share a year.
fn share_a_year(a: &Rule, b: &Rule) -> bool {
    let lo = i64::from(a.from.max(b.from).unwrap_or(i32::MIN));
    let hi = i64::from(match (a.until, b.until) {
        (Some(x), Some(y)) => x.min(y),
        (x, y) => x.or(y).unwrap_or(i32::MAX),
    });
    // The years of `a` from `lo` on, then the first of them in `b`'s cycle: `a`'s years
    // run through every remainder they reach modulo `b`'s cycle within that many steps.
    let (step, first) = match (a.every, a.from) {
        (Some(n), Some(f)) => {
            let n = i64::from(n);
            (n, lo + (i64::from(f) - lo).rem_euclid(n))
        }
        _ => (1, lo),
    };
    let tries = b.every.map_or(1, i64::from);
    (0..tries)
        .map(|k| first + k * step)
        .take_while(|&y| y <= hi)
        .any(|y| i32::try_from(y).is_ok_and(|y| in_cycle(y, b.from, b.every)))
}

impl SpecialHours {
    /// Validates a `special_hours` list; `spans` parses a rule's `hours`. Error paths are
    /// relative to the list (`[2].month`), as those of `spans` are to the hours.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a combination of fields that is no rule, a value out of
    /// range (as for holiday rules), or a rule giving the same dates as an earlier rule of
    /// the same form in a year both apply (the later one could never apply there);
    /// [`Error::UnknownWeekday`] for a `weekday` other than `mon` … `sun`; the shift errors
    /// of `spans`.
    pub(crate) fn from_specs(
        specs: &[SpecialHoursRule],
        spans: impl Fn(&[String]) -> Result<Spans, Error>,
    ) -> Result<SpecialHours, Error> {
        let mut rules: Vec<SpecialRule> = Vec::with_capacity(specs.len());
        for (j, s) in specs.iter().enumerate() {
            let rule = s.compile(&spans).map_err(|e| e.at(&format!("[{j}]")))?;
            let hidden_by = rules.iter().position(|r| {
                r.recurrence == rule.recurrence
                    && r.rules
                        .iter()
                        .map(|x| x.kind)
                        .eq(rule.rules.iter().map(|x| x.kind))
                    && matches!((r.rules.first(), rule.rules.first()),
                                (Some(a), Some(b)) if share_a_year(a, b))
            });
            if let Some(i) = hidden_by {
                // The value names the earlier rule as the calendar's field does.
                return Err(Error::InvalidValue {
                    path: format!("[{j}]"),
                    value: format!("the same dates as special_hours[{i}]"),
                    expected: "one special-hours rule per date in any year (the earlier rule \
                               would always win): merge the two, or part their years with \
                               `from`/`until`"
                        .into(),
                });
            }
            rules.push(rule);
        }
        Ok(SpecialHours {
            rules,
            memo: Memo::default(),
        })
    }

    /// The number of rules.
    pub(crate) fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether some rule gives business hours (not only closures).
    pub(crate) fn has_hours(&self) -> bool {
        self.rules.iter().any(|r| !r.spans.is_empty())
    }

    /// The dates the rules give in calendar year `year`, each with the rule that wins it,
    /// sorted by date. A rule's dates are those of its rule years (`from`/`until` count
    /// them, as for holidays); a `weekday` + `on_or_after` rule of late December may give
    /// a date in the next year.
    fn year(&self, year: i32) -> Arc<[(NaiveDate, usize)]> {
        memoized(&self.memo.0, year, || {
            let mut dates: Vec<(NaiveDate, Recurrence, usize)> = Vec::new();
            let prior = year.saturating_sub(1);
            for (i, r) in self.rules.iter().enumerate() {
                // Rules whose rule years miss `year - 1 ..= year` cost one test, not twelve.
                let out = r.rules.first().is_none_or(|f| {
                    f.until.is_some_and(|u| u < prior) || f.from.is_some_and(|a| a > year)
                });
                if out {
                    continue;
                }
                for ry in [year.checked_sub(1), Some(year)].into_iter().flatten() {
                    for rule in &r.rules {
                        rule.for_dates_in(ry, |d| {
                            if d.year() == year {
                                dates.push((d, r.recurrence, i));
                            }
                        });
                    }
                }
            }
            // Yearly before monthly, then configuration order: the first entry per date wins.
            dates.sort_unstable();
            dates.dedup_by_key(|e| e.0);
            dates.into_iter().map(|(d, _, i)| (d, i)).collect()
        })
    }

    /// The shifts the rules give `date`, if any rule gives it.
    pub(crate) fn spans_on(&self, date: NaiveDate) -> Option<&Spans> {
        if self.rules.is_empty() {
            return None;
        }
        let year = self.year(date.year());
        let k = year.binary_search_by_key(&date, |e| e.0).ok()?;
        let i = year.get(k)?.1;
        self.rules.get(i).map(|r| &r.spans)
    }

    /// The days `d0 ..= d1` (day numbers) that a rule gives, with their shifts, sorted.
    pub(crate) fn days_between(&self, d0: i64, d1: i64) -> Vec<(i64, &Spans)> {
        let mut out = Vec::new();
        if self.rules.is_empty() {
            return out;
        }
        // Days beyond chrono's dates have no date, and no rule gives them.
        let (lo, hi) = (day_of_date(NaiveDate::MIN), day_of_date(NaiveDate::MAX));
        let (Some(a), Some(b)) = (date_of_day(d0.max(lo)), date_of_day(d1.min(hi))) else {
            return out;
        };
        for y in a.year()..=b.year() {
            let dates = self.year(y);
            let start = dates.partition_point(|e| e.0 < a);
            for &(d, i) in dates.get(start..).unwrap_or(&[]) {
                if d > b {
                    break;
                }
                if let Some(r) = self.rules.get(i) {
                    out.push((day_of_date(d), &r.spans));
                }
            }
        }
        out
    }

    /// Every year a rule begins or ends: outside windows around them (and the holidays' and
    /// exceptions' years) the rules in force do not change.
    pub(crate) fn bound_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.rules
            .iter()
            .filter_map(|r| r.rules.first())
            .flat_map(|r| [r.from, r.until])
            .flatten()
    }

    /// Whether the dates repeat with the 400-year Gregorian cycle outside
    /// [`SpecialHours::bound_years`]: unless a rule kept `every` N years, N not dividing
    /// 400, is open on either side.
    pub(crate) fn is_periodic(&self) -> bool {
        self.rules
            .iter()
            .filter_map(|r| r.rules.first())
            .all(|r| cycle_divides_400(r.every) || (r.from.is_some() && r.until.is_some()))
    }

    /// Whether the dates depend only on how a year falls on weekdays (no `every`): see
    /// `Holidays::follow_weekdays_only`.
    pub(crate) fn follow_weekdays_only(&self) -> bool {
        self.rules
            .iter()
            .flat_map(|r| &r.rules)
            .all(|r| r.every.is_none())
    }

    /// The indices of the rules whose years include `year` (see `Holidays::active_rules`).
    pub(crate) fn active_rules(&self, year: i32) -> Vec<usize> {
        (0..self.rules.len())
            .filter(|&i| {
                self.rules
                    .get(i)
                    .and_then(|r| r.rules.first())
                    .is_some_and(|r| {
                        r.from.is_none_or(|a| a <= year) && r.until.is_none_or(|b| year <= b)
                    })
            })
            .collect()
    }
}
