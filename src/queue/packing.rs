//! Bit packing: the numeric sort keys of an entry as one order-preserving 256-bit value, so
//! that sorting compares a few integers.

use super::entry::QueueEntry;
use super::key::QueueKey;

/// The numeric keys packed into 256 bits, compared as four big-endian 64-bit words: every
/// key fits at most once (1 + 1 + 3 + 3 = 8 words of 32 bits); unused words are 0.
pub(super) type Packed = [u64; 4];

/// Up to eight 32-bit words being packed.
#[derive(Default)]
struct WordBuf {
    words: [u32; 8],
    len: usize,
}

impl WordBuf {
    /// Appends words; the keys are distinct, so they never exceed eight (more are dropped).
    fn extend(&mut self, words: impl IntoIterator<Item = u32>) {
        for w in words {
            if let Some(slot) = self.words.get_mut(self.len) {
                *slot = w;
                self.len += 1;
            }
        }
    }

    fn push(&mut self, w: u32) {
        self.extend([w]);
    }
}

/// Which key each 32-bit word of a [`Packed`] belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct KeyWords {
    pub(super) keys: Vec<QueueKey>,
    /// `owner[w]`: the key of word `w`.
    pub(super) owner: Vec<QueueKey>,
}

impl KeyWords {
    pub(super) fn new(keys: &[QueueKey]) -> Self {
        let mut owner = Vec::new();
        for k in keys {
            let n = match k {
                QueueKey::Severity | QueueKey::PlanPriority => 1,
                QueueKey::Slack | QueueKey::ReportedAt => 3,
                QueueKey::Id => 0,
            };
            owner.extend(std::iter::repeat_n(*k, n));
        }
        KeyWords {
            keys: keys.to_vec(),
            owner,
        }
    }

    pub(super) fn pack(&self, entry: &QueueEntry) -> Packed {
        let mut words = WordBuf::default();
        for k in &self.keys {
            entry.words(*k, &mut words);
        }
        let mut out = [0u64; 4];
        for (slot, pair) in out.iter_mut().zip(words.words.chunks(2)) {
            let hi = pair.first().copied().unwrap_or(0);
            let lo = pair.get(1).copied().unwrap_or(0);
            *slot = (u64::from(hi) << 32) | u64::from(lo);
        }
        out
    }

    /// The key of the first differing word, if any.
    pub(super) fn deciding(&self, a: &Packed, b: &Packed) -> Option<QueueKey> {
        let (slot, (x, y)) = a.iter().zip(b).enumerate().find(|(_, (x, y))| x != y)?;
        let word = slot * 2 + usize::from((x >> 32) == (y >> 32));
        self.owner.get(word).copied()
    }
}

impl QueueEntry {
    /// Writes `key`'s order-preserving form (smaller first) into `out`, big-endian 32-bit
    /// words: severity and plan priority one word each, slack and report time three
    /// (seconds as a sign-flipped 64-bit number, then nanoseconds); `Id` none.
    fn words(&self, key: QueueKey, out: &mut WordBuf) {
        let secs_nanos = |secs: i64, nanos: u32, out: &mut WordBuf| {
            let flipped = u64::from_ne_bytes(secs.to_ne_bytes()) ^ (1 << 63);
            out.extend([(flipped >> 32) as u32, flipped as u32, nanos]);
        };
        match key {
            QueueKey::Severity => out.push(u32::try_from(self.severity_rank).unwrap_or(u32::MAX)),
            // Higher first: flip the sign bit for an order-preserving unsigned, then invert.
            QueueKey::PlanPriority => {
                out.push(!(u32::from_ne_bytes(self.queue_priority.to_ne_bytes()) ^ (1 << 31)))
            }
            QueueKey::Slack => match &self.slack {
                Some(s) => {
                    // Floor seconds and non-negative nanoseconds (chrono's `subsec_nanos` is
                    // negative for negative durations). |seconds| <= i64::MAX / 1000.
                    let total = i128::from(s.remaining.num_seconds()) * NANOS
                        + i128::from(s.remaining.subsec_nanos());
                    let secs = i64::try_from(total.div_euclid(NANOS)).unwrap_or(i64::MAX);
                    let nanos = u32::try_from(total.rem_euclid(NANOS)).unwrap_or(0);
                    secs_nanos(secs, nanos, out);
                }
                // After every real slack: no real one has all ones (nanos < 10^9).
                None => out.extend([u32::MAX; 3]),
            },
            // Nanoseconds reach 1_999_999_999 in a leap second; still one word.
            QueueKey::ReportedAt => secs_nanos(
                self.reported_at.timestamp(),
                self.reported_at.timestamp_subsec_nanos(),
                out,
            ),
            QueueKey::Id => {}
        }
    }
}

const NANOS: i128 = 1_000_000_000;

/// The first 16 bytes of `id`, big-endian, zero-padded: `id_prefix(a) < id_prefix(b)`
/// implies `a < b` byte-wise (equal prefixes decide nothing).
pub(super) fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    for (slot, b) in bytes.iter_mut().zip(id.bytes()) {
        *slot = b;
    }
    u128::from_be_bytes(bytes)
}
#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use chrono::{DateTime, TimeDelta, Utc};

    use super::*;
    use crate::contract::{Metric, WALL_CLOCK};
    use crate::evaluate::MetricState;
    use crate::queue::{QueueConfig, Slack};

    #[test]
    fn packing_preserves_order() {
        let e = |prio: i32, slack: Option<TimeDelta>, reported: DateTime<Utc>| QueueEntry {
            incident: "I".into(),
            customer: "C".into(),
            catalog: String::new(),
            plan: String::new(),
            queue_priority: prio,
            severity: "s".into(),
            severity_name: String::new(),
            severity_rank: usize::MAX,
            reported_at: reported,
            slack: slack.map(|remaining| Slack {
                metric: Metric::Reaction,
                state: MetricState::Running,
                remaining,
                clock: WALL_CLOCK.into(),
                deadline: None,
            }),
            zone: None,
        };
        let t0 = DateTime::<Utc>::MIN_UTC;
        let c = QueueConfig::default();
        let lt = |a: &QueueEntry, b: &QueueEntry| {
            assert_eq!(c.compare(a, b), Ordering::Less);
            assert_eq!(c.compare(b, a), Ordering::Greater);
        };
        lt(&e(i32::MAX, None, t0), &e(i32::MIN, None, t0));
        lt(&e(1, None, t0), &e(-1, None, t0));
        let ns = TimeDelta::nanoseconds;
        lt(&e(0, Some(ns(-1)), t0), &e(0, Some(ns(0)), t0));
        lt(
            &e(0, Some(ns(-1_000_000_001)), t0),
            &e(0, Some(ns(-999_999_999)), t0),
        );
        lt(
            &e(0, Some(TimeDelta::MIN), t0),
            &e(0, Some(TimeDelta::MAX), t0),
        );
        lt(&e(0, Some(TimeDelta::MAX), t0), &e(0, None, t0));
        lt(&e(0, None, t0), &e(0, None, DateTime::<Utc>::MAX_UTC));
        // A leap second (nanos >= 10^9) sorts after the second it extends.
        let leap = chrono::NaiveDate::from_ymd_opt(2016, 12, 31)
            .and_then(|d| d.and_hms_nano_opt(23, 59, 59, 1_500_000_000))
            .map(|n| n.and_utc())
            .unwrap();
        let before = leap - ns(600_000_000);
        let after: DateTime<Utc> = "2017-01-01T00:00:00Z".parse().unwrap();
        lt(&e(0, None, before), &e(0, None, leap));
        lt(&e(0, None, leap), &e(0, None, after));
        let mut x = e(0, None, t0);
        x.severity_rank = 0;
        lt(&x, &e(0, None, t0));
    }

    #[test]
    fn id_prefixes_keep_byte_order() {
        let ids = [
            "",
            "A",
            "A\0",
            "A\u{1}",
            "AB",
            "B",
            "0123456789abcdefX",
            "0123456789abcdef",
        ];
        for a in ids {
            for b in ids {
                if id_prefix(a) < id_prefix(b) {
                    assert!(a < b, "{a:?} {b:?}");
                }
            }
        }
    }
}
