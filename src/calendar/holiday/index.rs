//! An index of a set's yearly rules by the years they apply in.

use super::rule::Rule;

/// Rules whose years span at most this many years are found by their `from` year.
const SHORT_SPAN: i32 = 64;

/// An index of the yearly rules by the years they apply in, so that a year's dates test
/// only the rules that may apply then (a thousand one-year rules cost a lookup, not a
/// thousand tests, in each year).
#[derive(Clone, Debug, Default)]
pub(super) struct RuleIndex {
    /// Rules without both year bounds, or spanning more than [`SHORT_SPAN`] years: tested
    /// in every year.
    long: Vec<usize>,
    /// The other rules as `(from, until, index)`, sorted.
    short: Vec<(i32, i32, usize)>,
}

impl RuleIndex {
    pub(super) fn new(yearly: &[Rule]) -> RuleIndex {
        let mut index = RuleIndex::default();
        for (i, r) in yearly.iter().enumerate() {
            match (r.from, r.until) {
                (Some(a), Some(b)) if i64::from(b) - i64::from(a) <= i64::from(SHORT_SPAN) => {
                    index.short.push((a, b, i));
                }
                _ => index.long.push(i),
            }
        }
        index.short.sort_unstable();
        index
    }

    /// The indices of the rules that may give a date in rule year `year`, ascending.
    pub(super) fn candidates(&self, year: i32) -> Vec<usize> {
        let lo = self
            .short
            .partition_point(|r| r.0 < year.saturating_sub(SHORT_SPAN));
        let hi = self.short.partition_point(|r| r.0 <= year);
        let mut out: Vec<usize> = self
            .short
            .get(lo..hi)
            .unwrap_or(&[])
            .iter()
            .filter(|r| r.1 >= year)
            .map(|r| r.2)
            .chain(self.long.iter().copied())
            .collect();
        out.sort_unstable();
        out
    }
}
