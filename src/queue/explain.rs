//! Why one entry is ahead of the next: the deciding key and its sentence.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::entry::QueueEntry;
use super::key::QueueKey;
#[cfg(doc)]
use super::{order, EntryId, Queue};
use crate::time::format_whole_seconds as hms;

/// What put one entry ahead of the next: the deciding key, or the input order when the two
/// are equal on every key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Decided {
    /// This key differs (and every key before it is equal).
    Key(QueueKey),
    /// Equal on every key: the earlier input (index in [`order`]'s slice, or insertion
    /// number in a [`Queue`]) comes first.
    InputOrder,
}

/// Why `ahead` comes before `behind` (two adjacent positions); `Display` renders the
/// sentence.
#[derive(Clone, Copy, Debug)]
pub struct Explanation<'a> {
    /// The deciding key, or the input order.
    pub decided: Decided,
    /// The entry ahead.
    pub ahead: &'a QueueEntry,
    /// The entry behind.
    pub behind: &'a QueueEntry,
    /// The input index (or [`EntryId`] number) of the entry ahead.
    pub ahead_input: u64,
    /// The input index (or [`EntryId`] number) of the entry behind.
    pub behind_input: u64,
    pub(super) effective: KeyList,
}

/// The effective keys as a small copyable list (at most one of each kind).
#[derive(Clone, Copy, Debug)]
pub(super) struct KeyList {
    keys: [QueueKey; 5],
    len: usize,
}

impl KeyList {
    pub(super) fn new(keys: &[QueueKey]) -> Self {
        let mut out = KeyList {
            keys: QueueKey::DEFAULT,
            len: 0,
        };
        for (slot, k) in out.keys.iter_mut().zip(keys) {
            *slot = *k;
            out.len += 1;
        }
        out
    }

    pub(super) fn as_slice(&self) -> &[QueueKey] {
        self.keys.get(..self.len).unwrap_or(&self.keys)
    }
}

impl Explanation<'_> {
    fn same_name(&self, key: QueueKey) -> &'static str {
        match key {
            QueueKey::Severity
                if self.ahead.severity == self.behind.severity
                    && self.ahead.catalog == self.behind.catalog =>
            {
                "severity"
            }
            QueueKey::Severity => "severity rank",
            QueueKey::PlanPriority => "plan priority",
            QueueKey::Slack => "slack",
            QueueKey::ReportedAt => "report time",
            QueueKey::Id => "id",
        }
    }
}

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let equal: Vec<&'static str> = match self.decided {
            Decided::Key(k) => self
                .effective
                .as_slice()
                .iter()
                .take_while(|e| **e != k)
                .map(|e| self.same_name(*e))
                .collect(),
            Decided::InputOrder => Vec::new(),
        };
        if let Some((last, rest)) = equal.split_last() {
            f.write_str("same ")?;
            if !rest.is_empty() {
                write!(f, "{} and ", rest.join(", "))?;
            }
            write!(f, "{last}, ")?;
        }
        let (a, b) = (self.ahead, self.behind);
        match self.decided {
            Decided::Key(QueueKey::Severity) => write!(
                f,
                "more severe: {} ahead of {}",
                a.severity_label(),
                b.severity_label()
            ),
            Decided::Key(QueueKey::PlanPriority) => write!(
                f,
                "plan {} ahead of {} (queue priority {} vs {})",
                a.plan, b.plan, a.queue_priority, b.queue_priority
            ),
            Decided::Key(QueueKey::Slack) => {
                f.write_str("less slack: ")?;
                match &a.slack {
                    Some(s) => write!(f, "{s}")?,
                    None => f.write_str("no pending deadline")?,
                }
                f.write_str(" vs ")?;
                match &b.slack {
                    Some(s) => write!(f, "{s}"),
                    None => f.write_str("no pending deadline"),
                }
            }
            Decided::Key(QueueKey::ReportedAt) => write!(
                f,
                "reported {} earlier",
                hms(b.reported_at.signed_duration_since(a.reported_at))
            ),
            Decided::Key(QueueKey::Id) if a.incident == b.incident => write!(
                f,
                "same id {}, customer {} before {}",
                a.incident, a.customer, b.customer
            ),
            Decided::Key(QueueKey::Id) => write!(f, "id {} before {}", a.incident, b.incident),
            Decided::InputOrder => write!(
                f,
                "equal on every key, input #{} before #{}",
                self.ahead_input, self.behind_input
            ),
        }
    }
}
