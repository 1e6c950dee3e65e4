//! The incremental [`Queue`]: open incidents kept in order as they are inserted, updated
//! and removed.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::config::QueueConfig;
use super::entry::QueueEntry;
use super::key::QueueKey;
#[cfg(doc)]
use super::order;
use super::ordering::QueueOrder;
use super::packing::Packed;
use crate::contract::Contract;
use crate::error::Error;
#[cfg(doc)]
use crate::evaluate::evaluate;
use crate::incident::Incident;

/// The handle of an entry in a [`Queue`]: its insertion number, which is also its last
/// tie-breaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntryId(u64);

impl EntryId {
    /// The insertion number (0 for the first entry ever inserted).
    pub fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// An entry's evaluated sort key in a [`Queue`]: the packed keys before the id, the id, the
/// packed keys after it, and the insertion number.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey {
    head: Packed,
    id: Arc<str>,
    customer: Arc<str>,
    tail: Packed,
    seq: u64,
}

impl SortKey {
    /// The sort key of `entry` at input position `seq`, owning its strings (for the map).
    fn new(config: &QueueConfig, entry: &QueueEntry, seq: u64) -> SortKey {
        SortKey {
            head: config.head_words.pack(entry),
            id: entry.incident.clone(),
            customer: entry.customer.clone(),
            tail: config.tail_words.pack(entry),
            seq,
        }
    }

    /// The first effective key on which `self` and `other` differ, or `None` (input order).
    fn deciding(&self, other: &Self, config: &QueueConfig) -> Option<QueueKey> {
        if self.head != other.head {
            return config.head_words.deciding(&self.head, &other.head);
        }
        if self.id != other.id || self.customer != other.customer {
            return Some(QueueKey::Id);
        }
        config.tail_words.deciding(&self.tail, &other.tail)
    }
}

#[derive(Clone, Debug)]
struct Item {
    entry: QueueEntry,
    contract: Arc<Contract>,
    incident: Incident,
}

/// An incrementally maintained queue of open incidents as of one `now`.
///
/// Holds each incident with its contract and its evaluated sort key in a `BTreeMap` ordered
/// by that key (plus a map from [`EntryId`] to key):
///
/// | operation | cost |
/// | --- | --- |
/// | [`insert`](Queue::insert), [`update`](Queue::update) | one [`evaluate`] + O(log n) |
/// | [`remove`](Queue::remove), [`get`](Queue::get), [`first`](Queue::first) | O(log n) |
/// | [`position`](Queue::position) | O(n) (the map keeps no subtree counts) |
/// | [`order`](Queue::order) | O(n), no evaluation |
/// | [`rebuild`](Queue::rebuild) to a new `now` | n evaluations + O(n log n) |
///
/// Changing one incident never re-evaluates the others. The result always equals
/// [`order`] over all entries evaluated afresh at the queue's `now`, listed by [`EntryId`].
///
/// ```
/// use std::collections::BTreeMap;
/// use std::sync::Arc;
/// use slacalc::{Catalog, ContractSpec};
/// use slacalc::queue::{Queue, QueueConfig};
/// use slacalc::{Contract, Incident};
///
/// let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
///     "../../fixtures/contracts/comarch.json"))?);
/// let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(include_str!(
///     "../../fixtures/contracts/comarch-customers.json"))?;
/// let basic = Arc::new(Contract::new(catalog.clone(), customers["basic"].clone())?);
/// let premium = Arc::new(Contract::new(catalog, customers["premium"].clone())?);
/// let incident = |id: &str, events: &str| -> Result<Incident, serde_json::Error> {
///     serde_json::from_str(&format!(r#"{{"id": "{id}", "events": [{events}]}}"#))
/// };
/// let reported = r#"{"at": "2026-03-10T08:00:00Z", "kind": "reported", "severity": "3"}"#;
/// let mut queue = Queue::new(QueueConfig::default(), "2026-03-10T10:00:00Z".parse()?);
/// let b = queue.insert(basic, incident("CCI-1", reported)?)?;
/// let p = queue.insert(premium.clone(), incident("CCI-2", reported)?)?;
/// assert_eq!(queue.first().map(|(id, _)| id), Some(p));
/// // Premium answered: its reaction is met, so it has no pending deadline, but the plan
/// // priority still keeps it ahead of Basic at the same severity.
/// let answered = format!(r#"{reported}, {{"at": "2026-03-10T09:00:00Z", "kind": "responded"}}"#);
/// queue.update(p, premium, incident("CCI-2", &answered)?)?;
/// assert_eq!(queue.position(b), Some(1));
/// assert!(queue.get(p).is_some_and(|e| e.slack.is_none()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Queue {
    config: QueueConfig,
    now: DateTime<Utc>,
    next: u64,
    items: BTreeMap<SortKey, Item>,
    keys: BTreeMap<EntryId, SortKey>,
}

impl Queue {
    /// An empty queue ordered by `config` as of `now`.
    pub fn new(config: QueueConfig, now: DateTime<Utc>) -> Self {
        Queue {
            config,
            now,
            next: 0,
            items: BTreeMap::new(),
            keys: BTreeMap::new(),
        }
    }

    /// The instant the entries are evaluated at.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The configuration.
    pub fn config(&self) -> &QueueConfig {
        &self.config
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the queue is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Evaluates `incident` against `contract` at the queue's `now` and adds it.
    ///
    /// # Errors
    /// As [`evaluate`] (the queue is unchanged); [`Error::OutOfRange`] after 2⁶⁴ insertions.
    pub fn insert(
        &mut self,
        contract: Arc<Contract>,
        incident: Incident,
    ) -> Result<EntryId, Error> {
        let entry = QueueEntry::new(&contract, &incident, self.now)?;
        let id = EntryId(self.next);
        self.next = self
            .next
            .checked_add(1)
            .ok_or_else(|| crate::error::out_of_range("Queue::insert", self.next))?;
        self.put(
            id,
            Item {
                entry,
                contract,
                incident,
            },
        );
        Ok(id)
    }

    fn put(&mut self, id: EntryId, item: Item) {
        let key = SortKey::new(&self.config, &item.entry, id.0);
        self.keys.insert(id, key.clone());
        self.items.insert(key, item);
    }

    /// Replaces entry `id` with `incident` (new events, a severity change …) under
    /// `contract`, evaluated at the queue's `now`; it keeps its [`EntryId`].
    ///
    /// # Errors
    /// [`Error::UnknownName`] for an `id` not in the queue; as [`evaluate`]. On error the
    /// queue is unchanged.
    pub fn update(
        &mut self,
        id: EntryId,
        contract: Arc<Contract>,
        incident: Incident,
    ) -> Result<(), Error> {
        if !self.keys.contains_key(&id) {
            return Err(Error::UnknownName {
                path: "queue".into(),
                kind: "queue entry".into(),
                name: id.to_string(),
                known: Vec::new(),
            });
        }
        let entry = QueueEntry::new(&contract, &incident, self.now)?;
        self.remove(id);
        self.put(
            id,
            Item {
                entry,
                contract,
                incident,
            },
        );
        Ok(())
    }

    /// Removes entry `id` (resolved, closed …) and returns its last evaluation.
    pub fn remove(&mut self, id: EntryId) -> Option<QueueEntry> {
        let key = self.keys.remove(&id)?;
        self.items.remove(&key).map(|item| item.entry)
    }

    /// Entry `id`'s evaluation.
    pub fn get(&self, id: EntryId) -> Option<&QueueEntry> {
        self.items.get(self.keys.get(&id)?).map(|item| &item.entry)
    }

    /// The incident and contract of entry `id`.
    pub fn incident(&self, id: EntryId) -> Option<(&Incident, &Arc<Contract>)> {
        self.items
            .get(self.keys.get(&id)?)
            .map(|item| (&item.incident, &item.contract))
    }

    /// The entry to work on next.
    pub fn first(&self) -> Option<(EntryId, &QueueEntry)> {
        self.items
            .iter()
            .next()
            .map(|(k, item)| (EntryId(k.seq), &item.entry))
    }

    /// Entry `id`'s 0-based position. O(n): it counts the entries ahead.
    pub fn position(&self, id: EntryId) -> Option<usize> {
        let key = self.keys.get(&id)?;
        Some(self.items.range(..key).count())
    }

    /// The entries in queue order with their ids.
    pub fn iter(&self) -> impl Iterator<Item = (EntryId, &QueueEntry)> + '_ {
        self.items
            .iter()
            .map(|(k, item)| (EntryId(k.seq), &item.entry))
    }

    /// The whole order with explanations, in O(n) (no evaluation; the input numbers are the
    /// [`EntryId`]s).
    pub fn order(&self) -> QueueOrder<'_> {
        let keys: Vec<&SortKey> = self.items.keys().collect();
        let decided = keys
            .windows(2)
            .map(|w| match w {
                [a, b] => a.deciding(b, &self.config),
                _ => None,
            })
            .collect();
        let items = self
            .items
            .iter()
            .map(|(k, item)| (&item.entry, k.seq))
            .collect();
        QueueOrder::new(&self.config, items, decided)
    }

    /// Re-evaluates every entry as of `now` and re-sorts: n evaluations + O(n log n). Slack
    /// moves with `now`, and not uniformly (business clocks stop outside business hours,
    /// paused metrics stand still), so a later `now` needs this.
    ///
    /// # Errors
    /// As [`evaluate`]; on error the queue is unchanged (still as of the old `now`).
    pub fn rebuild(&mut self, now: DateTime<Utc>) -> Result<(), Error> {
        let fresh = self
            .items
            .values()
            .map(|item| QueueEntry::new(&item.contract, &item.incident, now))
            .collect::<Result<Vec<_>, Error>>()?;
        let old = std::mem::take(&mut self.items);
        self.keys.clear();
        self.now = now;
        for ((key, mut item), entry) in old.into_iter().zip(fresh) {
            item.entry = entry;
            self.put(EntryId(key.seq), item);
        }
        Ok(())
    }
}
