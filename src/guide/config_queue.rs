//! Configuration reference: the queue's keys, how open incidents are ordered and explained, and
//! the incremental [`Queue`](crate::queue::Queue).
//!
//! [`slacalc::queue`](crate::queue) answers "which open incident should support work on next":
//! one total order over open incidents of many contracts (and catalogs) as of `now`, each
//! position with the reason it is ahead of its successor. Cumulocity's "incidents are
//! prioritized ahead of Standard Support incidents of the same severity level" and Comarch
//! Premium's "Höchste Priorität bei der Ausführung des Supports" are the plans' `queue_priority`
//! (higher first).
//!
//! # Keys
//!
//! [`QueueConfig`](crate::queue::QueueConfig) is `{ "keys": [...] }`, most significant first; the
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
//! # Explanations
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
//! # Incremental use
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
//! [performance](super::performance#queues).
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
