//! A queue in order: positions, explanations between neighbours, and [`order`] itself.

use std::cmp::Ordering;
use std::fmt;

use chrono_tz::Tz;

use super::config::QueueConfig;
use super::entry::QueueEntry;
use super::explain::{Decided, Explanation, KeyList};
use super::key::QueueKey;
use super::packing::{id_prefix, Packed};
#[cfg(doc)]
use super::{EntryId, Queue};
use crate::time::ZonedInstant;

/// One position of an ordered queue.
#[derive(Clone, Copy, Debug)]
pub struct Position<'a> {
    /// 0-based position (0 = work on this next).
    pub index: usize,
    /// The entry.
    pub entry: &'a QueueEntry,
    /// Its input index in [`order`]'s slice, or its [`EntryId`] number in a [`Queue`].
    pub input: u64,
    /// Why the predecessor is ahead of it (`None` at the head).
    pub behind: Option<Explanation<'a>>,
    /// Why it is ahead of its successor (`None` at the tail).
    pub ahead_of: Option<Explanation<'a>>,
}

/// Open incidents in queue order, with the deciding key between each pair of neighbours.
#[derive(Clone, Debug)]
pub struct QueueOrder<'a> {
    effective: KeyList,
    /// Entries in order with their input numbers.
    items: Vec<(&'a QueueEntry, u64)>,
    /// `decided[i]`: why `items[i]` is ahead of `items[i + 1]`.
    decided: Vec<Decided>,
}

impl<'a> QueueOrder<'a> {
    pub(super) fn new(
        config: &QueueConfig,
        items: Vec<(&'a QueueEntry, u64)>,
        decided: Vec<Option<QueueKey>>,
    ) -> Self {
        QueueOrder {
            effective: KeyList::new(config.effective_keys()),
            items,
            decided: decided
                .into_iter()
                .map(|d| d.map_or(Decided::InputOrder, Decided::Key))
                .collect(),
        }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the queue is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The entries in order.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &'a QueueEntry> + '_ {
        self.items.iter().map(|(e, _)| *e)
    }

    /// Why position `index` is ahead of position `index + 1`.
    pub fn explain(&self, index: usize) -> Option<Explanation<'a>> {
        let decided = *self.decided.get(index)?;
        let (ahead, ahead_input) = *self.items.get(index)?;
        let (behind, behind_input) = *self.items.get(index.checked_add(1)?)?;
        Some(Explanation {
            decided,
            ahead,
            behind,
            ahead_input,
            behind_input,
            effective: self.effective,
        })
    }

    /// The position at `index` (0 = next to work on), with both explanations.
    pub fn get(&self, index: usize) -> Option<Position<'a>> {
        let (entry, input) = *self.items.get(index)?;
        Some(Position {
            index,
            entry,
            input,
            behind: index.checked_sub(1).and_then(|i| self.explain(i)),
            ahead_of: self.explain(index),
        })
    }

    /// All positions, first to last.
    pub fn iter(&self) -> impl Iterator<Item = Position<'a>> + '_ {
        (0..self.items.len()).filter_map(move |i| self.get(i))
    }
}

impl fmt::Display for QueueOrder<'_> {
    /// One line per position (`1. id — customer, plan, severity, slack, reported`), each
    /// followed by why it is ahead of the next.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in self.iter() {
            let e = p.entry;
            write!(
                f,
                "{:>3}. {} — {} (plan {}), {}, ",
                p.index.saturating_add(1),
                e.incident,
                e.customer,
                e.plan,
                e.severity_label(),
            )?;
            match &e.slack {
                Some(s) => write!(f, "{s}")?,
                None => f.write_str("no pending deadline")?,
            }
            let zone = e.zone.unwrap_or(Tz::UTC);
            writeln!(f, ", reported {}", ZonedInstant::new(e.reported_at, zone))?;
            if let Some(why) = p.ahead_of {
                writeln!(f, "       ahead of {}: {why}", why.behind.incident)?;
            }
        }
        Ok(())
    }
}

/// Orders `entries` (evaluated as of one `now`) by `config`.
///
/// Sorts precomputed keys: O(n log n) comparisons of a few integers (the id only on ties),
/// then one comparison per adjacent pair to find the deciding key. Explanations are rendered
/// only when displayed. Ties on every key keep the slice order.
///
/// ```
/// use slacalc::queue::{order, QueueConfig};
/// let queue = order(&QueueConfig::default(), &[]);
/// assert!(queue.is_empty());
/// ```
pub fn order<'a>(config: &QueueConfig, entries: &'a [QueueEntry]) -> QueueOrder<'a> {
    // Sort slim (packed head, id prefix, index) triples; the entries themselves are
    // consulted only when two agree on the keys before the id and on the id's first 16
    // bytes. The index is the last key, so an unstable sort is exact.
    let mut slim: Vec<(Packed, u128, usize)> = entries
        .iter()
        .zip(0..)
        .map(|(e, i)| (config.head_words.pack(e), id_prefix(&e.incident), i))
        .collect();
    let after_head = |a: usize, b: usize| match (entries.get(a), entries.get(b)) {
        (Some(x), Some(y)) => config.cmp_after_head(x, y),
        _ => Ordering::Equal,
    };
    slim.sort_unstable_by(|(ha, pa, a), (hb, pb, b)| {
        ha.cmp(hb)
            .then(pa.cmp(pb))
            .then_with(|| after_head(*a, *b))
            .then(a.cmp(b))
    });
    let decided = slim
        .windows(2)
        .map(|w| match w {
            [(ha, _, _), (hb, _, _)] if ha != hb => config.head_words.deciding(ha, hb),
            [(_, pa, _), (_, pb, _)] if pa != pb => Some(QueueKey::Id),
            [(_, _, a), (_, _, b)] => match (entries.get(*a), entries.get(*b)) {
                (Some(x), Some(y)) => config.deciding_after_head(x, y),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let items = slim
        .iter()
        .filter_map(|(_, _, i)| Some((entries.get(*i)?, u64::try_from(*i).unwrap_or(u64::MAX))))
        .collect();
    QueueOrder::new(config, items, decided)
}
