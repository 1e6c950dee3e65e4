//! A queue's configuration: which keys order it, most significant first.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::entry::QueueEntry;
use super::key::QueueKey;
use super::packing::KeyWords;
#[cfg(doc)]
use super::packing::Packed;
use crate::config::Invalid;
use crate::error::Error;

/// A queue configuration as written, before it is checked: what [`QueueConfig`] reads and
/// writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct QueueConfigFields {
    /// The sort keys, most significant first. Missing: [`QueueKey::DEFAULT`].
    #[serde(default = "default_keys")]
    keys: Vec<QueueKey>,
}

crate::config::tracked_serde!(QueueConfigFields);

fn default_keys() -> Vec<QueueKey> {
    QueueKey::DEFAULT.to_vec()
}

/// A validated queue configuration: an ordered list of distinct sort keys.
///
/// In JSON: `{"keys": ["severity", "plan_priority", "slack", "reported_at", "id"]}` (the
/// default; `{}` is the default too). Keys not listed are not used, except `id`, which is
/// always applied after the listed ones; the input order decides last. An empty list orders
/// by id alone. Deserializing validates: a key listed twice is refused with its path.
///
/// ```
/// use slacalc::queue::{QueueConfig, QueueKey};
/// let config: QueueConfig = serde_json::from_str(r#"{"keys": ["slack", "severity"]}"#)?;
/// assert_eq!(config.keys(), &[QueueKey::Slack, QueueKey::Severity][..]);
/// let twice = serde_json::from_str::<QueueConfig>(r#"{"keys": ["slack", "slack"]}"#);
/// assert!(twice.is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "QueueConfigFields", into = "QueueConfigFields")]
pub struct QueueConfig {
    keys: Vec<QueueKey>,
    /// `keys` plus `Id` when not listed: the order actually applied.
    effective: Vec<QueueKey>,
    /// The keys before `Id`, one entry per packed word (see [`Packed`]).
    pub(super) head_words: KeyWords,
    /// The keys after `Id`, one entry per packed word.
    pub(super) tail_words: KeyWords,
}

impl Default for QueueConfig {
    fn default() -> Self {
        // Cannot fail: the default keys are distinct.
        QueueConfig::new(default_keys()).unwrap_or_else(|_| QueueConfig {
            keys: Vec::new(),
            effective: vec![QueueKey::Id],
            head_words: KeyWords::default(),
            tail_words: KeyWords::default(),
        })
    }
}

impl From<QueueConfig> for QueueConfigFields {
    fn from(c: QueueConfig) -> Self {
        QueueConfigFields { keys: c.keys }
    }
}

impl TryFrom<QueueConfigFields> for QueueConfig {
    type Error = Invalid;

    fn try_from(fields: QueueConfigFields) -> Result<Self, Invalid> {
        Ok(QueueConfig::new(fields.keys)?)
    }
}

impl QueueConfig {
    /// A configuration with these keys, most significant first.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] at `keys[i]` for a key listed twice.
    pub fn new(keys: Vec<QueueKey>) -> Result<Self, Error> {
        for (i, k) in keys.iter().enumerate() {
            if keys.iter().take(i).any(|earlier| earlier == k) {
                return Err(Error::InvalidValue {
                    path: format!("keys[{i}]"),
                    value: k.as_str().to_owned(),
                    expected: "a key not listed before (each key at most once)".into(),
                });
            }
        }
        let mut effective = keys.clone();
        if !effective.contains(&QueueKey::Id) {
            effective.push(QueueKey::Id);
        }
        let id_at = effective
            .iter()
            .position(|k| *k == QueueKey::Id)
            .unwrap_or(effective.len());
        let (head, tail) = effective.split_at(id_at.min(effective.len()));
        Ok(QueueConfig {
            head_words: KeyWords::new(head),
            tail_words: KeyWords::new(tail.get(1..).unwrap_or(&[])),
            keys,
            effective,
        })
    }

    /// The configured keys, most significant first.
    pub fn keys(&self) -> &[QueueKey] {
        &self.keys
    }

    /// The keys actually applied: the configured ones, then `id` if not listed (the input
    /// order breaks the remaining ties).
    pub fn effective_keys(&self) -> &[QueueKey] {
        &self.effective
    }

    /// Compares two entries by the effective keys: `Less` when `a` goes first. `Equal` only
    /// when they agree on every key (then the input order decides).
    pub fn compare(&self, a: &QueueEntry, b: &QueueEntry) -> Ordering {
        self.head_words
            .pack(a)
            .cmp(&self.head_words.pack(b))
            .then_with(|| self.cmp_after_head(a, b))
    }

    /// The first key after the packed head on which `a` and `b` differ.
    pub(super) fn deciding_after_head(&self, a: &QueueEntry, b: &QueueEntry) -> Option<QueueKey> {
        if a.incident != b.incident || a.customer != b.customer {
            return Some(QueueKey::Id);
        }
        self.tail_words
            .deciding(&self.tail_words.pack(a), &self.tail_words.pack(b))
    }

    /// Everything after the packed head, compared (for ties on the head).
    pub(super) fn cmp_after_head(&self, a: &QueueEntry, b: &QueueEntry) -> Ordering {
        (&a.incident, &a.customer)
            .cmp(&(&b.incident, &b.customer))
            .then_with(|| self.tail_words.pack(a).cmp(&self.tail_words.pack(b)))
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_rejected_with_their_path() {
        let err = QueueConfig::new(vec![QueueKey::Slack, QueueKey::Id, QueueKey::Slack]);
        assert_eq!(
            err,
            Err(Error::InvalidValue {
                path: "keys[2]".into(),
                value: "slack".into(),
                expected: "a key not listed before (each key at most once)".into(),
            })
        );
    }

    #[test]
    fn id_is_appended_unless_listed() {
        let c = QueueConfig::new(vec![QueueKey::Slack]).unwrap();
        assert_eq!(c.effective_keys(), &[QueueKey::Slack, QueueKey::Id][..]);
        assert_eq!(c.head_words.keys, [QueueKey::Slack]);
        assert!(c.tail_words.keys.is_empty());
        let c = QueueConfig::new(vec![QueueKey::Id, QueueKey::Severity]).unwrap();
        assert_eq!(c.effective_keys(), &[QueueKey::Id, QueueKey::Severity][..]);
        assert!(c.head_words.keys.is_empty());
        assert_eq!(c.tail_words.owner, [QueueKey::Severity]);
        assert_eq!(
            QueueConfig::default(),
            QueueConfig::new(QueueKey::DEFAULT.to_vec()).unwrap()
        );
    }
}
