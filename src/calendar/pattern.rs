//! Weekly patterns: the business time of a calendar over a stretch in which nothing but the
//! week repeats.
//!
//! Between two offset changes of its zone, and away from holidays and exceptions, a zoned
//! calendar is open at an instant `t` exactly when the wall-clock reading `t + offset` falls
//! in a weekly shift: its business time repeats every week. Unions, intersections and
//! differences of such calendars repeat every week too. So the business seconds of a
//! stretch are whole weeks times the pattern's weekly total plus two partial weeks, read
//! from the pattern's running totals: summing a year costs a few lookups per offset change
//! instead of compiling the year (see `Calendar::seconds_in`).

use super::timeline::SECS_PER_DAY;
use super::zoned::WEEK;

/// Monday 1970-01-05T00:00:00Z as Unix seconds: patterns count from a Monday 00:00 UTC.
const WEEK_EPOCH: i64 = 4 * SECS_PER_DAY;

/// A weekly pattern of business time in UTC: sorted, disjoint intervals within
/// `[0, 1 week)`, in seconds from a Monday 00:00 UTC, with running totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Pattern {
    starts: Vec<i64>,
    ends: Vec<i64>,
    /// Business seconds of the week before `starts[i]`.
    cum: Vec<i64>,
    total: i64,
}

impl Pattern {
    /// A pattern from sorted intervals within `[0, 1 week)`; touching intervals may be
    /// listed apart.
    pub(crate) fn new(intervals: &[(i64, i64)]) -> Pattern {
        let mut p = Pattern::default();
        for &(a, b) in intervals {
            if b <= a {
                continue;
            }
            p.cum.push(p.total);
            p.starts.push(a);
            p.ends.push(b);
            p.total += b - a;
        }
        p
    }

    /// Business seconds before the instant `t` (Unix seconds), counted from the pattern's
    /// week containing 1970-01-05 (negative before it).
    fn running(&self, t: i64) -> i64 {
        let rel = t - WEEK_EPOCH;
        let (weeks, r) = (rel.div_euclid(WEEK), rel.rem_euclid(WEEK));
        let k = self.starts.partition_point(|&s| s < r);
        let within = match k.checked_sub(1) {
            None => 0,
            Some(i) => match (self.starts.get(i), self.ends.get(i), self.cum.get(i)) {
                (Some(&s), Some(&e), Some(&c)) => c + r.min(e) - s,
                _ => 0,
            },
        };
        weeks * self.total + within
    }

    /// Business seconds in `[a, b)`, `a <= b`, if the pattern holds throughout.
    pub(crate) fn seconds(&self, a: i64, b: i64) -> i64 {
        self.running(b) - self.running(a)
    }

    /// Approximate heap size in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.starts.capacity() + self.ends.capacity() + self.cum.capacity()) * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_over_weeks_and_partial_weeks() {
        // Mondays 09:00-17:00 UTC.
        let p = Pattern::new(&[(9 * 3600, 17 * 3600)]);
        let monday = WEEK_EPOCH + 7 * WEEK;
        assert_eq!(p.seconds(monday, monday + WEEK), 8 * 3600);
        assert_eq!(p.seconds(monday + 10 * 3600, monday + 3 * WEEK), 23 * 3600);
        assert_eq!(p.seconds(monday - 100 * WEEK, monday), 100 * 8 * 3600);
        assert_eq!(p.seconds(monday + 18 * 3600, monday + WEEK), 0);
        assert_eq!(p.seconds(monday + 9 * 3600, monday + 9 * 3600), 0);
    }
}
