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
//! use slacalc::{Catalog, ContractSpec};
//! use slacalc::queue::{order, Decided, QueueConfig, QueueEntry, QueueKey};
//! use slacalc::{Contract, Incident};
//!
//! let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
//!     "../../fixtures/contracts/cumulocity.json"))?);
//! let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(include_str!(
//!     "../../fixtures/contracts/cumulocity-customers.json"))?;
//! let enterprise = Contract::new(catalog.clone(), customers["emea-de"].clone())?;
//! let standard = Contract::new(catalog, customers["emea-de-standard"].clone())?;
//! let incident = |id: &str, at: &str| -> Result<Incident, Box<dyn std::error::Error>> {
//!     Ok(serde_json::from_str(&format!(r#"{{"id": "{id}", "events": [
//!         {{"at": "{at}", "kind": "reported", "severity": "critical"}}]}}"#))?)
//! };
//! let now = "2026-03-10T10:00:00Z".parse()?;
//! let entries = vec![
//!     QueueEntry::new(&standard, &incident("C8Y-1", "2026-03-10T09:00:00Z")?, now)?,
//!     QueueEntry::new(&enterprise, &incident("C8Y-2", "2026-03-10T09:30:00Z")?, now)?,
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
//! # Configuration reference
//!
//! The queue's keys, how open incidents are ordered and explained, and the incremental
//! [`Queue`].
//!
//! [`slacalc::queue`](crate::queue) answers "which open incident should support work on next":
//! one total order over open incidents of many contracts (and catalogs) as of `now`, each
//! position with the reason it is ahead of its successor. Cumulocity's "incidents are
//! prioritized ahead of Standard Support incidents of the same severity level" and Comarch
//! Premium's "Höchste Priorität bei der Ausführung des Supports" are the plans' `queue_priority`
//! (higher first).
//!
//! ## Keys
//!
//! [`QueueConfig`] is `{ "keys": [...] }`, most significant first; the
//! default is `["severity", "plan_priority", "slack", "reported_at", "id"]`. Deserializing
//! validates it: a key listed twice is an error naming `keys[i]`.
//!
//! | key | first | definition |
//! | --- | --- | --- |
//! | `severity` | most severe | the severity in force at `now`, by its **rank within its own catalog** (0 = the catalog's most severe class): Cumulocity `crisis` and Comarch `1` tie, as do `critical` and `2` |
//! | `plan_priority` | higher | the plan's `queue_priority`, a plain number compared across catalogs (align the numbers of catalogs you queue together: Comarch Premium's 2 is ahead of Cumulocity Enterprise's 1) |
//! | `slack` | less | the least remaining time of a pending metric (`MetricReport::remaining`, in that metric's own clock: two business hours equal two wall-clock hours). Pending: `running`, `paused`, and `breached` while not yet fulfilled (negative, so first); `not_started` with its whole allowance when its target is a duration. No pending metric: after every incident with one |
//! | `reported_at` | earlier | when the incident was reported |
//! | `id` | byte order | incident id, then customer name; always applied after the listed keys if not listed |
//!
//! Entries equal on every key keep their input order (slice index, or insertion number in a
//! `Queue`), so the order is total and deterministic; for entries that differ in any key it does
//! not depend on the input order (property-tested with shuffles, against a key-by-key
//! reference).
//!
//! ## Explanations
//!
//! `QueueOrder::get(i)` gives a `Position` with `behind` (why its predecessor is ahead) and
//! `ahead_of` (why it is ahead of its successor): an `Explanation` holding the deciding key
//! (`Decided::Key(..)` or `Decided::InputOrder`) and both entries, whose `Display` names the
//! keys that tied and then the one that decided — rendered only when printed:
//!
//! ```text
//! more severe: Crisis ahead of Critical
//! same severity, plan enterprise ahead of standard (queue priority 1 vs 0)
//! same severity and plan priority, less slack: reaction overdue by 1h vs reaction breaches in 1h30m
//! same severity rank and plan priority, less slack: reaction breaches in 10h (business time) vs reaction breaches in 22h
//! same severity, plan priority and slack, reported 1h earlier
//! same severity, plan priority, slack and report time, id C8Y-1001 before C8Y-3001
//! equal on every key, input #0 before #1
//! ```
//!
//! Durations are in hours (`29h`, never `1d5h`: a day of business time is ambiguous); a clock
//! other than `24x7` is named. `cargo run --example queue` prints the 20 open incidents of
//! `fixtures/queue/incidents.json` (Cumulocity Enterprise and Standard, Comarch Basic, Advanced
//! and Premium customers) with their explanations and asserts the seed rules; the recipe
//! [a queue](crate#recipe-a-queue-across-plans) orders two Comarch customers.
//!
//! ## Incremental use
//!
//! `Queue::new(config, now)` keeps every incident with its contract and its evaluated sort key
//! in a `BTreeMap` ordered by that key:
//!
//! | operation | cost |
//! | --- | --- |
//! | `insert(contract, incident)`, `update(id, contract, incident)` | one `evaluate` + O(log n); the other incidents are not touched |
//! | `remove(id)`, `get(id)`, `first()` | O(log n) |
//! | `position(id)` | O(n) (counts the entries ahead) |
//! | `order()` (all positions with explanations) | O(n), no evaluation |
//! | `rebuild(now)` | n evaluations + O(n log n) |
//!
//! Slack depends on `now`, and not uniformly (business clocks stand still at night, paused
//! metrics do not move), so a queue as of a later `now` needs every incident evaluated again:
//! `rebuild(now)`. The queue then equals one built afresh at that `now` (tested, as is "updates
//! one by one == `order` over everything re-evaluated"). Measured speed is in
//! [performance](crate::guide::performance#queues).
//!
//! ```
//! use std::sync::Arc;
//! use slacalc::{Catalog, Contract, ContractSpec, Incident};
//! use slacalc::queue::{Queue, QueueConfig};
//!
//! let config: QueueConfig = serde_json::from_str(
//!     r#"{ "keys": ["severity", "plan_priority", "slack", "reported_at", "id"] }"#)?;
//! assert_eq!(config, QueueConfig::default());
//! let twice = serde_json::from_str::<QueueConfig>(r#"{ "keys": ["slack", "severity", "slack"] }"#);
//! assert!(twice.err().ok_or("accepted")?.to_string().contains("keys[2]"));
//!
//! let catalog: Catalog = serde_json::from_str(r#"{"name": "Example",
//!   "severities": [{"key": "crisis", "name": "Crisis"}, {"key": "critical", "name": "Critical"}],
//!   "plans": {"p": {"name": "P", "targets": {
//!     "crisis": {"reaction": {"within": "1h", "clock": "24x7"}},
//!     "critical": {"reaction": {"within": "2h", "clock": "24x7"}}}}}}"#)?;
//! let terms = ContractSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
//! let contract = Arc::new(Contract::new(Arc::new(catalog), terms)?);
//! let incident = |id: &str, severity: &str| serde_json::from_str::<Incident>(&format!(
//!     r#"{{"id": "{id}", "events": [{{"at": "2026-03-02T10:00:00Z", "kind": "reported", "severity": "{severity}"}}]}}"#));
//!
//! let mut queue = Queue::new(config, "2026-03-02T10:30:00Z".parse()?);
//! let a = queue.insert(contract.clone(), incident("A", "critical")?)?;
//! let b = queue.insert(contract.clone(), incident("B", "crisis")?)?;
//! assert_eq!(queue.first().map(|(id, _)| id), Some(b));
//! assert_eq!(queue.position(a), Some(1));
//! assert_eq!(queue.order().explain(0).ok_or("alone")?.to_string(),
//!            "more severe: Crisis ahead of Critical");
//! // A raised to Crisis ties with B on severity, plan priority, slack and report time: the
//! // id decides.
//! queue.update(a, contract.clone(), incident("A", "crisis")?)?;
//! assert_eq!(queue.first().map(|(id, _)| id), Some(a));
//! queue.rebuild("2026-03-02T12:00:00Z".parse()?)?;
//! assert_eq!(queue.len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Cost
//!
//! [`QueueEntry::new`] runs [`evaluate`] once (a few microseconds); [`order`] then sorts
//! precomputed keys, O(n log n) comparisons of a few integers, and finds the deciding key of
//! each adjacent pair, O(n). A [`Queue`] keeps the keys in a `BTreeMap`: inserting, updating
//! or removing one incident evaluates that incident only and costs O(log n) in the map; the
//! others are not touched. Slack depends on `now`, and not uniformly (business clocks stand
//! still at night, paused metrics do not move), so a queue as of a later instant needs every
//! incident evaluated again: [`Queue::rebuild`] costs n evaluations plus O(n log n).
//!
//! [`evaluate`]: crate::evaluate::evaluate
//! [`Catalog::severity_rank`]: crate::Catalog::severity_rank
//! [`MetricReport::remaining`]: crate::evaluate::MetricReport::remaining
//!
//! # Layout
//!
//! One concept per file: [`QueueKey`] (`key`), [`QueueConfig`] (`config`), [`QueueEntry`] and
//! its [`Slack`] (`entry`), the packed sort keys (`packing`), [`Explanation`]s (`explain`),
//! [`order`] and [`QueueOrder`] (`ordering`), the incremental [`Queue`] (`incremental`), and
//! the queue's duration printer (`duration`).

mod config;
mod entry;
mod explain;
mod incremental;
mod key;
mod ordering;
mod packing;

pub use config::QueueConfig;
pub use entry::{QueueEntry, Slack};
pub use explain::{Decided, Explanation};
pub use incremental::{EntryId, Queue};
pub use key::QueueKey;
pub use ordering::{order, Position, QueueOrder};
