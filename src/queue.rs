//! Prioritized queuing: which open incident support should work on next, as of `now`.
//!
//! Open incidents from many contracts (and many catalogs) are put in one total order by a
//! configurable list of keys ([`QueueConfig`]). By default:
//!
//! 1. **severity** — the severity in force at `now`, compared by its *rank within its own
//!    catalog* (0 = the catalog's most severe class, see [`Catalog::severity_rank`]). So
//!    Cumulocity's `crisis` and Comarch's `1` are both rank 0 and tie on this key; a catalog
//!    with fewer classes does not get its lowest class moved up or down.
//! 2. **plan priority** — the plan's [`queue_priority`](crate::contract::Plan::queue_priority),
//!    higher first, compared as a plain number across catalogs (align the numbers of catalogs
//!    you queue together). This is where "Enterprise incidents are prioritized ahead of
//!    Standard Support incidents of the same severity level" (Cumulocity) and Comarch
//!    Premium's "Höchste Priorität bei der Ausführung des Supports" take effect.
//! 3. **slack** — the least remaining time of the incident's pending metrics
//!    ([`MetricReport::remaining`], each in its own clock's time: two business hours compare
//!    equal to two wall-clock hours). Pending are metrics `running`, `paused`, `not_started`,
//!    and `breached` ones not yet fulfilled (negative slack, so they come first); met,
//!    fulfilled-late and not-covered metrics do not count. A `not_started` metric (waiting for
//!    the phone contact) counts with its whole allowance when its target is a duration (`2h`);
//!    a not-started business-day target has no allowance yet and does not count. An incident
//!    with no pending metric comes after every incident with one.
//! 4. **report time** — reported earlier first.
//! 5. **id** — the incident id, then the customer name, byte-wise. Always applied after the
//!    configured keys when the configuration does not list it.
//!
//! Entries equal on every key (the same id at the same customer with the same keys) keep
//! their input order: the index in the slice given to [`order`], or the insertion number
//! ([`EntryId`]) in a [`Queue`]. Nothing is left to chance: the order is total and, for
//! entries that differ in any key, independent of the order they are given in.
//!
//! Every position carries, against its predecessor and its successor, the key that decided
//! it and a sentence ([`Explanation`]): `same severity, plan enterprise ahead of standard
//! (queue priority 1 vs 0)`, `same severity and plan priority, less slack: reaction
//! breaches in 12m vs reaction breaches in 1h30m`, `same severity, plan priority and
//! slack, reported 3m earlier`. Sentences are rendered lazily by `Display`, so ordering
//! stays cheap.
//!
//! # Example: an Enterprise Critical ahead of a Standard Critical reported earlier
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use slacalc::contract::{Catalog, ContractTermsSpec};
//! use slacalc::queue::{order, Decided, QueueConfig, QueueEntry, QueueKey};
//! use slacalc::{Contract, Incident};
//!
//! let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
//!     "../fixtures/contracts/cumulocity.json"))?);
//! let customers: BTreeMap<String, ContractTermsSpec> = serde_json::from_str(include_str!(
//!     "../fixtures/contracts/cumulocity-customers.json"))?;
//! let enterprise = Contract::new(catalog.clone(), customers["emea-de"].clone())?;
//! let standard = Contract::new(catalog, customers["emea-de-standard"].clone())?;
//! let incident = |id: &str, at: &str| -> Result<Incident, Box<dyn std::error::Error>> {
//!     Ok(serde_json::from_str(&format!(r#"{{"id": "{id}", "events": [
//!         {{"at": "{at}", "kind": "reported", "severity": "critical"}}]}}"#))?)
//! };
//! let now = "2026-03-10T10:00:00Z".parse()?;
//! let entries = vec![
//!     QueueEntry::evaluate(&standard, &incident("C8Y-1", "2026-03-10T09:00:00Z")?, now)?,
//!     QueueEntry::evaluate(&enterprise, &incident("C8Y-2", "2026-03-10T09:30:00Z")?, now)?,
//! ];
//! let queue = order(&QueueConfig::default(), &entries);
//! let first = queue.get(0).ok_or("empty")?;
//! assert_eq!(&*first.entry.incident, "C8Y-2");
//! let why = first.ahead_of.ok_or("no successor")?;
//! assert_eq!(why.decided, Decided::Key(QueueKey::PlanPriority));
//! assert_eq!(
//!     why.to_string(),
//!     "same severity, plan enterprise ahead of standard (queue priority 1 vs 0)"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Cost
//!
//! [`QueueEntry::evaluate`] runs [`evaluate`] once (a few microseconds); [`order`] then sorts
//! precomputed keys, O(n log n) comparisons of a few integers, and finds the deciding key of
//! each adjacent pair, O(n). A [`Queue`] keeps the keys in a `BTreeMap`: inserting, updating
//! or removing one incident evaluates that incident only and costs O(log n) in the map; the
//! others are not touched. Slack depends on `now`, and not uniformly (business clocks stand
//! still at night, paused metrics do not move), so a queue as of a later instant needs every
//! incident evaluated again: [`Queue::rebuild`] costs n evaluations plus O(n log n).
//!
//! [`Catalog::severity_rank`]: crate::contract::Catalog::severity_rank
//! [`MetricReport::remaining`]: crate::evaluate::MetricReport::remaining

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::contract::{Contract, Metric, TargetForm, WALL_CLOCK};
use crate::error::Error;
use crate::evaluate::{evaluate, MetricState, Report};
use crate::incident::Incident;

/// One sort key of a queue.
///
/// `#[non_exhaustive]`: more keys may come (match with a wildcard arm).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum QueueKey {
    /// Severity rank within the incident's catalog, most severe (rank 0) first.
    Severity,
    /// The plan's queue priority, higher first.
    PlanPriority,
    /// Least slack first: the smallest remaining time of a pending metric; breached ones are
    /// negative; incidents without a pending metric last.
    Slack,
    /// Reported earlier first.
    ReportedAt,
    /// Incident id, then customer name, in byte order.
    Id,
}

impl QueueKey {
    /// The default keys, in order: severity, plan priority, slack, report time, id.
    pub const DEFAULT: [QueueKey; 5] = [
        QueueKey::Severity,
        QueueKey::PlanPriority,
        QueueKey::Slack,
        QueueKey::ReportedAt,
        QueueKey::Id,
    ];

    /// The name used in configuration (`severity`, `plan_priority`, `slack`, `reported_at`,
    /// `id`).
    pub fn as_str(self) -> &'static str {
        match self {
            QueueKey::Severity => "severity",
            QueueKey::PlanPriority => "plan_priority",
            QueueKey::Slack => "slack",
            QueueKey::ReportedAt => "reported_at",
            QueueKey::Id => "id",
        }
    }
}

impl fmt::Display for QueueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The plain serde form of a [`QueueConfig`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct QueueConfigSpec {
    /// The sort keys, most significant first. Missing: [`QueueKey::DEFAULT`].
    #[serde(default = "default_keys")]
    pub keys: Vec<QueueKey>,
}

crate::config::tracked_serde!(QueueConfigSpec);

fn default_keys() -> Vec<QueueKey> {
    QueueKey::DEFAULT.to_vec()
}

impl Default for QueueConfigSpec {
    fn default() -> Self {
        QueueConfigSpec {
            keys: default_keys(),
        }
    }
}

/// A validated queue configuration: an ordered list of distinct sort keys.
///
/// In JSON: `{"keys": ["severity", "plan_priority", "slack", "reported_at", "id"]}` (the
/// default). Keys not listed are not used, except `id`, which is always applied after the
/// listed ones; the input order decides last. An empty list orders by id alone.
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
#[serde(try_from = "QueueConfigSpec", into = "QueueConfigSpec")]
pub struct QueueConfig {
    keys: Vec<QueueKey>,
    /// `keys` plus `Id` when not listed: the order actually applied.
    effective: Vec<QueueKey>,
    /// The keys before `Id`, one entry per packed word (see [`Packed`]).
    head_words: KeyWords,
    /// The keys after `Id`, one entry per packed word.
    tail_words: KeyWords,
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

impl From<QueueConfig> for QueueConfigSpec {
    fn from(c: QueueConfig) -> Self {
        QueueConfigSpec { keys: c.keys }
    }
}

impl TryFrom<QueueConfigSpec> for QueueConfig {
    type Error = Error;

    fn try_from(spec: QueueConfigSpec) -> Result<Self, Error> {
        QueueConfig::new(spec.keys)
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

    /// The sort key of `entry` at input position `seq`, owning its strings (for the map).
    fn sort_key(&self, entry: &QueueEntry, seq: u64) -> SortKey {
        SortKey {
            head: self.head_words.pack(entry),
            id: entry.incident.clone(),
            customer: entry.customer.clone(),
            tail: self.tail_words.pack(entry),
            seq,
        }
    }

    /// The first key after the packed head on which `a` and `b` differ.
    fn deciding_after_head(&self, a: &QueueEntry, b: &QueueEntry) -> Option<QueueKey> {
        if a.incident != b.incident || a.customer != b.customer {
            return Some(QueueKey::Id);
        }
        self.tail_words
            .deciding(&self.tail_words.pack(a), &self.tail_words.pack(b))
    }

    /// Everything after the packed head, compared (for ties on the head).
    fn cmp_after_head(&self, a: &QueueEntry, b: &QueueEntry) -> Ordering {
        (&a.incident, &a.customer)
            .cmp(&(&b.incident, &b.customer))
            .then_with(|| self.tail_words.pack(a).cmp(&self.tail_words.pack(b)))
    }
}

/// The deadline that gives an incident its slack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slack {
    /// The metric with the least remaining time.
    pub metric: Metric,
    /// Its state (`running`, `paused`, `not_started` or `breached`).
    pub state: MetricState,
    /// The remaining time on its clock; negative once breached (ISO 8601 when serialized).
    #[serde(with = "crate::time::iso_duration")]
    pub remaining: TimeDelta,
    /// The clock (calendar) the time counts on.
    pub clock: Arc<str>,
    /// When it is due, if known (`None` while paused or not started).
    pub deadline: Option<DateTime<Utc>>,
}

impl fmt::Display for Slack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.metric;
        let r = self.remaining;
        let d = hms(r.abs());
        match self.state {
            _ if r < TimeDelta::zero() => write!(f, "{m} overdue by {d}")?,
            MetricState::NotStarted => write!(f, "{m} not started, {d} allowed")?,
            MetricState::Paused => write!(f, "{m} paused, {d} left")?,
            _ if r == TimeDelta::zero() => write!(f, "{m} due now")?,
            _ => write!(f, "{m} breaches in {d}")?,
        }
        if &*self.clock != WALL_CLOCK {
            write!(f, " ({} time)", self.clock)?;
        }
        Ok(())
    }
}

/// One open incident evaluated for the queue: everything its position and explanations
/// need, as of the instant it was evaluated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueEntry {
    /// The incident's id.
    pub incident: Arc<str>,
    /// The customer.
    pub customer: Arc<str>,
    /// The catalog's name.
    pub catalog: String,
    /// The plan's key.
    pub plan: String,
    /// The plan's queue priority (higher first).
    pub queue_priority: i32,
    /// The severity key in force at `now`.
    pub severity: String,
    /// The severity's display name.
    pub severity_name: String,
    /// The severity's rank within its catalog (0 = most severe).
    pub severity_rank: usize,
    /// When the incident was reported.
    pub reported_at: DateTime<Utc>,
    /// The pending metric with the least remaining time, if any.
    pub slack: Option<Slack>,
}

impl QueueEntry {
    /// Evaluates `incident` against `contract` as of `now` ([`evaluate`]) and keeps what the
    /// queue needs.
    ///
    /// # Errors
    /// As [`evaluate`].
    pub fn evaluate(
        contract: &Contract,
        incident: &Incident,
        now: DateTime<Utc>,
    ) -> Result<Self, Error> {
        let report = evaluate(contract, incident, now)?;
        QueueEntry::from_report(&report, contract)
    }

    /// The queue entry of a report evaluated against `contract`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] at `plan` when the report is on another plan than the
    /// contract's, [`Error::UnknownName`] at `severity` for a severity the contract's catalog
    /// does not define: the report belongs to another contract.
    pub fn from_report(report: &Report, contract: &Contract) -> Result<Self, Error> {
        let plan = contract.plan();
        if report.plan != plan.key() {
            return Err(Error::InvalidValue {
                path: "plan".into(),
                value: report.plan.clone(),
                expected: format!("the contract's plan `{}`", plan.key()),
            });
        }
        let catalog = contract.catalog();
        // The report carries its severity's rank; a report of another catalog does not match.
        let rank = report.severity_rank;
        let sev = catalog
            .severities()
            .get(rank)
            .filter(|s| s.key == report.severity)
            .ok_or_else(|| Error::UnknownName {
                path: "severity".into(),
                kind: "severity".into(),
                name: report.severity.clone(),
                known: catalog.severities().iter().map(|s| s.key.clone()).collect(),
            })?;
        Ok(QueueEntry {
            incident: report.incident.as_str().into(),
            customer: report.customer.as_str().into(),
            catalog: catalog.name().to_owned(),
            plan: plan.key().to_owned(),
            queue_priority: plan.queue_priority(),
            severity: report.severity.clone(),
            severity_name: sev.name.clone(),
            severity_rank: rank,
            reported_at: report.reported_at,
            slack: slack(report),
        })
    }

    /// The severity as shown in explanations: its name, followed by its key in parentheses
    /// when the two differ (`Crisis`, `Systemstörung (3)`).
    pub fn severity_label(&self) -> String {
        if self.severity_name.is_empty() {
            self.severity.clone()
        } else if self.severity_name.eq_ignore_ascii_case(&self.severity) {
            self.severity_name.clone()
        } else {
            format!("{} ({})", self.severity_name, self.severity)
        }
    }

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

/// The pending metric with the least remaining time (the first in report order on a tie).
fn slack(report: &Report) -> Option<Slack> {
    let mut best: Option<Slack> = None;
    for m in &report.metrics {
        let remaining = match m.state {
            MetricState::Running | MetricState::Paused => m.remaining,
            MetricState::Breached if m.fulfilled_at.is_none() => m.remaining,
            MetricState::NotStarted => match m.target {
                Some(TargetForm::Within(d)) => Some(d),
                _ => None,
            },
            _ => None,
        };
        let (Some(remaining), Some(clock)) = (remaining, &m.clock) else {
            continue;
        };
        if best.as_ref().is_none_or(|b| remaining < b.remaining) {
            best = Some(Slack {
                metric: m.metric,
                state: m.state,
                remaining,
                clock: clock.clone(),
                deadline: m.deadline,
            });
        }
    }
    best
}

/// A duration in hours, minutes and seconds (`29h`, `1h30m`, `45s`, `0s`): no days, since a
/// day of business time is ambiguous.
fn hms(d: TimeDelta) -> String {
    let secs = d.num_seconds().unsigned_abs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut out = String::new();
    if d < TimeDelta::zero() {
        out.push('-');
    }
    for (n, unit) in [(h, 'h'), (m, 'm'), (s, 's')] {
        if n > 0 {
            out.push_str(&n.to_string());
            out.push(unit);
        }
    }
    if secs == 0 {
        out.push_str("0s");
    }
    out
}

/// The numeric keys packed into 256 bits, compared as four big-endian 64-bit words: every
/// key fits at most once (1 + 1 + 3 + 3 = 8 words of 32 bits); unused words are 0.
type Packed = [u64; 4];

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
struct KeyWords {
    keys: Vec<QueueKey>,
    /// `owner[w]`: the key of word `w`.
    owner: Vec<QueueKey>,
}

impl KeyWords {
    fn new(keys: &[QueueKey]) -> Self {
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

    fn pack(&self, entry: &QueueEntry) -> Packed {
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
    fn deciding(&self, a: &Packed, b: &Packed) -> Option<QueueKey> {
        let (slot, (x, y)) = a.iter().zip(b).enumerate().find(|(_, (x, y))| x != y)?;
        let word = slot * 2 + usize::from((x >> 32) == (y >> 32));
        self.owner.get(word).copied()
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
    effective: KeyList,
}

/// The effective keys as a small copyable list (at most one of each kind).
#[derive(Clone, Copy, Debug)]
struct KeyList {
    keys: [QueueKey; 5],
    len: usize,
}

impl KeyList {
    fn new(keys: &[QueueKey]) -> Self {
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

    fn as_slice(&self) -> &[QueueKey] {
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
    fn new(
        config: &QueueConfig,
        items: Vec<(&'a QueueEntry, u64)>,
        decided: Vec<Option<QueueKey>>,
    ) -> Self {
        QueueOrder {
            effective: KeyList::new(&config.effective),
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
            writeln!(f, ", reported {}", e.reported_at.format("%Y-%m-%d %H:%MZ"))?;
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

/// The first 16 bytes of `id`, big-endian, zero-padded: `id_prefix(a) < id_prefix(b)`
/// implies `a < b` byte-wise (equal prefixes decide nothing).
fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    for (slot, b) in bytes.iter_mut().zip(id.bytes()) {
        *slot = b;
    }
    u128::from_be_bytes(bytes)
}

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
/// use slacalc::contract::{Catalog, ContractTermsSpec};
/// use slacalc::queue::{Queue, QueueConfig};
/// use slacalc::{Contract, Incident};
///
/// let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
///     "../fixtures/contracts/comarch.json"))?);
/// let customers: BTreeMap<String, ContractTermsSpec> = serde_json::from_str(include_str!(
///     "../fixtures/contracts/comarch-customers.json"))?;
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
        let entry = QueueEntry::evaluate(&contract, &incident, self.now)?;
        let id = EntryId(self.next);
        self.next = self.next.checked_add(1).ok_or(Error::OutOfRange {
            operation: "Queue::insert",
        })?;
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
        let key = self.config.sort_key(&item.entry, id.0);
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
        let entry = QueueEntry::evaluate(&contract, &incident, self.now)?;
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
            .map(|item| QueueEntry::evaluate(&item.contract, &item.incident, now))
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

    #[test]
    fn durations_in_hours() {
        let m = TimeDelta::minutes;
        assert_eq!(hms(m(29 * 60)), "29h");
        assert_eq!(hms(m(90)), "1h30m");
        assert_eq!(hms(TimeDelta::seconds(-45)), "-45s");
        assert_eq!(hms(TimeDelta::zero()), "0s");
        assert!(hms(TimeDelta::MIN).starts_with("-2562047788015h"));
    }

    #[test]
    fn slack_texts() {
        let s = |state, mins: i64, clock: &str| {
            Slack {
                metric: Metric::Reaction,
                state,
                remaining: TimeDelta::minutes(mins),
                clock: clock.into(),
                deadline: None,
            }
            .to_string()
        };
        assert_eq!(
            s(MetricState::Running, 12, "24x7"),
            "reaction breaches in 12m"
        );
        assert_eq!(s(MetricState::Running, 0, "24x7"), "reaction due now");
        assert_eq!(
            s(MetricState::Breached, -90, "24x7"),
            "reaction overdue by 1h30m"
        );
        assert_eq!(
            s(MetricState::Paused, 120, "business"),
            "reaction paused, 2h left (business time)"
        );
        assert_eq!(
            s(MetricState::NotStarted, 120, "24x7"),
            "reaction not started, 2h allowed"
        );
    }
}
