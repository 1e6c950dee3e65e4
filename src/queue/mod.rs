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

pub use config::{QueueConfig, QueueConfigSpec};
pub use entry::{QueueEntry, Slack};
pub use explain::{Decided, Explanation};
pub use incremental::{EntryId, Queue};
pub use key::QueueKey;
pub use ordering::{order, Position, QueueOrder};
