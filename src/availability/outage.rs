//! Outages: intervals during which the service was down, and their merging.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::time::rfc3339;

/// An interval during which the service was down, `[start, end)` in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Outage {
    /// When the outage began.
    #[serde(with = "crate::config::instant")]
    pub start: DateTime<Utc>,
    /// When service was restored (exclusive).
    #[serde(with = "crate::config::instant")]
    pub end: DateTime<Utc>,
}

crate::config::tracked_serde!(Outage);

impl Outage {
    /// The outage `[start, end)`; checked when it is merged or evaluated.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Outage {
        Outage { start, end }
    }
}

/// Merges outages: sorted by start, overlapping or touching ones joined, empty ones dropped.
/// The result does not depend on the input order, and merging it again changes nothing.
///
/// # Errors
/// [`Error::InvalidValue`] (path `outages[i].end`, the index in `outages` as given) for an
/// outage that ends before it starts.
pub(crate) fn merge_outages(outages: &[Outage]) -> Result<Vec<Outage>, Error> {
    for (i, o) in outages.iter().enumerate() {
        if o.end < o.start {
            return Err(Error::InvalidValue {
                path: format!("outages[{i}].end"),
                value: rfc3339(o.end),
                expected: format!(
                    "an instant at or after the outage's start {}",
                    rfc3339(o.start)
                ),
            });
        }
    }
    let mut sorted: Vec<Outage> = outages
        .iter()
        .copied()
        .filter(|o| o.start < o.end)
        .collect();
    sorted.sort_unstable();
    let mut merged: Vec<Outage> = Vec::with_capacity(sorted.len());
    for o in sorted {
        match merged.last_mut() {
            Some(last) if o.start <= last.end => last.end = last.end.max(o.end),
            _ => merged.push(o),
        }
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::testing::t;

    #[test]
    fn merging_joins_overlapping_and_touching_outages() {
        let o = |a: &str, b: &str| Outage::new(t(a), t(b));
        let merged = merge_outages(&[
            o("2026-01-01T03:00:00Z", "2026-01-01T04:00:00Z"),
            o("2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"),
            o("2026-01-01T02:00:00Z", "2026-01-01T02:30:00Z"),
            o("2026-01-01T05:00:00Z", "2026-01-01T05:00:00Z"),
            o("2026-01-01T03:30:00Z", "2026-01-01T03:45:00Z"),
        ])
        .unwrap();
        assert_eq!(
            merged,
            vec![
                o("2026-01-01T01:00:00Z", "2026-01-01T02:30:00Z"),
                o("2026-01-01T03:00:00Z", "2026-01-01T04:00:00Z"),
            ]
        );
    }

    const EPOCH: i64 = 1_772_409_600;
    const SPAN_MINUTES: i64 = 14 * 24 * 60;

    fn minute(m: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(EPOCH + m * 60, 0).unwrap()
    }

    fn interval() -> impl Strategy<Value = (i64, i64)> {
        (0..SPAN_MINUTES, 0i64..3000).prop_map(|(s, len)| (s, (s + len).min(SPAN_MINUTES)))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn merging_is_idempotent_and_order_independent(
            outages in prop::collection::vec(interval(), 0..8),
            rotate in 0usize..8,
        ) {
            let list: Vec<Outage> =
                outages.iter().map(|&(a, b)| Outage::new(minute(a), minute(b))).collect();
            let merged = merge_outages(&list).unwrap();
            prop_assert_eq!(merge_outages(&merged).unwrap(), merged.clone());
            let mut shuffled = list.clone();
            shuffled.reverse();
            if !shuffled.is_empty() {
                let k = rotate % shuffled.len();
                shuffled.rotate_left(k);
            }
            prop_assert_eq!(merge_outages(&shuffled).unwrap(), merged.clone());
            // Disjoint, not touching, sorted, non-empty.
            for w in merged.windows(2) {
                prop_assert!(w[0].end < w[1].start);
            }
            prop_assert!(merged.iter().all(|o| o.start < o.end));
        }
    }
}
