//! Statistics of business-time durations: mean, median, p90 (nearest rank) and max.

use chrono::TimeDelta;
use serde::{Deserialize, Serialize};

/// Serializes a [`TimeDelta`] as whole seconds.
mod seconds {
    use chrono::TimeDelta;
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &TimeDelta, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(d.num_seconds())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TimeDelta, D::Error> {
        let secs = i64::deserialize(d)?;
        TimeDelta::try_seconds(secs).ok_or_else(|| D::Error::custom("seconds out of range"))
    }
}

/// Statistics of business-time durations (see the [guide](crate::guide::compliance) for the definitions).
/// Serialized as whole seconds: `{"count": 4, "mean_seconds": 1500, …}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationStats {
    /// How many durations.
    pub count: u64,
    /// The mean, to the nearest second (halves up).
    #[serde(rename = "mean_seconds", with = "seconds")]
    pub mean: TimeDelta,
    /// The median; for an even count the mean of the two middle values (halves up).
    #[serde(rename = "median_seconds", with = "seconds")]
    pub median: TimeDelta,
    /// The 90th percentile by nearest rank: the value at rank ⌈0.9 × count⌉.
    #[serde(rename = "p90_seconds", with = "seconds")]
    pub p90: TimeDelta,
    /// The largest.
    #[serde(rename = "max_seconds", with = "seconds")]
    pub max: TimeDelta,
}

impl DurationStats {
    /// Statistics of `seconds` (any order); `None` when empty.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use slacalc::report::DurationStats;
    ///
    /// let s = DurationStats::from_seconds(vec![40, 10, 30, 20]).ok_or("empty")?;
    /// assert_eq!(s.median, TimeDelta::seconds(25)); // (20 + 30) / 2
    /// assert_eq!(s.mean, TimeDelta::seconds(25));
    /// assert_eq!(s.p90, TimeDelta::seconds(40));    // rank ⌈3.6⌉ = 4
    /// assert_eq!(s.max, TimeDelta::seconds(40));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_seconds(mut seconds: Vec<i64>) -> Option<DurationStats> {
        let sum = seconds.iter().map(|&s| i128::from(s)).sum::<i128>();
        stats_of(&mut seconds, sum)
    }
}

/// Rounds `num / den` to the nearest integer, halves up (`den > 0`).
fn div_round_half_up(num: i128, den: i128) -> Option<i128> {
    let twice = num.checked_mul(2)?.checked_add(den)?;
    Some(twice.div_euclid(den.checked_mul(2)?))
}

fn secs(s: i128) -> Option<TimeDelta> {
    TimeDelta::try_seconds(i64::try_from(s).ok()?)
}

/// Statistics of `values` (reordered in place) whose sum is `sum`. Order statistics by
/// selection (linear time) rather than a full sort: the median and p90 are values, so the
/// result does not depend on the input order.
pub(super) fn stats_of(values: &mut [i64], sum: i128) -> Option<DurationStats> {
    let n = values.len();
    let count = u64::try_from(n).ok()?;
    let n128 = i128::try_from(n).ok()?;
    let max = *values.iter().max()?;
    let mid = n / 2;
    let (left, upper_mid, right) = values.select_nth_unstable(mid);
    let upper_mid = *upper_mid;
    let median = if n % 2 == 1 {
        i128::from(upper_mid)
    } else {
        // The lower middle value is the largest of the left part.
        let lower_mid = *left.iter().max()?;
        div_round_half_up(i128::from(lower_mid).checked_add(i128::from(upper_mid))?, 2)?
    };
    // Nearest rank ⌈0.9 n⌉ (1-based); its index is at or after `mid` for every n >= 1.
    let rank = n.checked_mul(9)?.div_ceil(10).max(1);
    let index = rank.checked_sub(1)?;
    let p90 = match index.checked_sub(mid) {
        Some(0) => upper_mid,
        Some(k) => *right.select_nth_unstable(k.checked_sub(1)?).1,
        None => return None,
    };
    Some(DurationStats {
        count,
        mean: secs(div_round_half_up(sum, n128)?)?,
        median: secs(median)?,
        p90: TimeDelta::try_seconds(p90)?,
        max: TimeDelta::try_seconds(max)?,
    })
}
