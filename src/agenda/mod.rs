//! An agenda over many open incidents, across contracts: when anything next changes, and
//! what — a breach, a warning, an escalation — so that a service runs every incident from one
//! timer instead of looping over all of them for the minimum of
//! [`next_wake_up`](crate::next_wake_up).
//!
//! An [`Agenda`] stands at an instant, its `now`, and holds each open incident with its
//! contract (shared as `Arc<Contract>`, as a [`Queue`](crate::queue::Queue) holds them) under
//! an [`AgendaId`], its insertion number. It answers:
//!
//! - [`next_instant`](Agenda::next_instant): the next instant anything changes, after `now`;
//! - [`peek`](Agenda::peek): what changes then, as [`AgendaItem`]s — the instant, the
//!   incident (handle, id, customer) and the [`Change`]: a metric's breach, a warning (a
//!   `share` step of a ladder), an escalation (any other step), or an event recorded for a later
//!   instant;
//! - [`due_before(t)`](Agenda::due_before): everything due after `now` and before `t` ("which
//!   incidents breach or escalate in the next hour");
//! - [`pop`](Agenda::pop) and [`advance(t)`](Agenda::advance): move `now` forward and hand
//!   over what fell due, which is then gone from the agenda;
//! - [`insert`](Agenda::insert), [`insert_all`](Agenda::insert_all),
//!   [`update`](Agenda::update) (the incident gained an event, changed severity, closed) and
//!   [`remove`](Agenda::remove): each evaluates that incident alone.
//!
//! Items, changes and handles are serde-serializable (`{"at": "…", "entry": 3, "incident":
//! "CCI-3001", "customer": "…", "change": {"breach": {"metric": "reaction"}}}`) and print as
//! sentences (`reaction breached`, `warning to Team lead: 50% of reaction`,
//! `escalation step 0 to Regional Director Support (24h @ 24x7)`).
//!
//! # Exact
//!
//! What the agenda reports at instant `t` is what evaluating each incident at `t` says. An
//! incident's items are the instants at which the discrete state of its
//! [`Report`](crate::Report) changes ([`Report::same_state`](crate::Report::same_state)), by
//! the definition behind [`next_wake_up`](crate::next_wake_up) (the crate computes both from
//! one function): a step fires at its due instant; a running metric is breached the first
//! instant its elapsed time exceeds the allowance — one nanosecond after its deadline when its
//! calendar is open there, one nanosecond after the calendar next opens otherwise (a deadline
//! at closing time breaches the next morning); an event recorded for a later instant takes
//! effect at it, where it changes anything. So [`next_instant`](Agenda::next_instant) is the
//! minimum of `next_wake_up` over every incident at the agenda's `now`, and an incident's
//! items are the chain of its wake-ups: a property test checks both on random incident sets of
//! the seed contracts with random updates, removals, advances and pops, and checks every item
//! against evaluations at its instant and one nanosecond before.
//!
//! Without new events an evaluation's record fixes every later change of the incident (due
//! instants of pending steps, deadlines of running metrics), so an incident is evaluated once
//! when it is inserted or updated — more only for the events it records after `now`, which
//! split its future at their instants — and advancing evaluates nothing.
//!
//! # Example: two customers, one timer
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::agenda::{Agenda, Change};
//! use slacalc::{Catalog, Contract, ContractSpec, Incident, Metric};
//!
//! let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
//!     "../../fixtures/contracts/comarch.json"))?);
//! let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(include_str!(
//!     "../../fixtures/contracts/comarch-customers.json"))?;
//! let premium = Arc::new(Contract::new(catalog.clone(), customers["premium"].clone())?);
//! let basic = Arc::new(Contract::new(catalog, customers["basic"].clone())?);
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let incident = |id: &str, severity: &str| serde_json::from_str::<Incident>(&format!(
//!     r#"{{"id": "{id}", "events": [
//!         {{"at": "2026-03-10T08:00:00Z", "kind": "reported", "severity": "{severity}"}}]}}"#));
//!
//! // Tuesday 09:00 Berlin: a severity 1 at Premium (30 minutes, 24x7), a severity 3 at Basic
//! // (12 business hours of 09:00-18:00: 9 today, 3 tomorrow).
//! let mut agenda = Agenda::new(t("2026-03-10T08:00:00Z")?);
//! let ids = agenda.insert_all([(premium.clone(), incident("CCI-1", "1")?),
//!                              (basic, incident("CCI-2", "3")?)])?;
//! let ns = TimeDelta::nanoseconds(1);
//! assert_eq!(agenda.next_instant(), Some(t("2026-03-10T08:30:00Z")? + ns));
//! let breach = Change::Breach { metric: Metric::Reaction };
//! assert_eq!(agenda.peek().iter().map(|i| (i.entry, &i.change)).collect::<Vec<_>>(),
//!            [(ids[0], &breach)]);
//! // What breaches in the next 24 hours: Premium now, Basic tomorrow at 12:00 Berlin.
//! let day = agenda.due_before(t("2026-03-11T08:00:00Z")? + TimeDelta::hours(24));
//! assert_eq!(day.iter().map(|i| (i.at, &*i.incident)).collect::<Vec<_>>(),
//!            [(t("2026-03-10T08:30:00Z")? + ns, "CCI-1"), (t("2026-03-11T11:00:00Z")? + ns, "CCI-2")]);
//! // Premium answers at 09:20 Berlin: one incident is evaluated again, Basic is next.
//! agenda.advance(t("2026-03-10T08:20:00Z")?)?;
//! agenda.update(ids[0], premium, serde_json::from_str(r#"{"id": "CCI-1", "events": [
//!     {"at": "2026-03-10T08:00:00Z", "kind": "reported", "severity": "1"},
//!     {"at": "2026-03-10T08:20:00Z", "kind": "responded"}]}"#)?)?;
//! assert_eq!(agenda.next_instant(), Some(t("2026-03-11T11:00:00Z")? + ns));
//! // The timer fires: the breach is handed over and gone.
//! let fired = agenda.pop();
//! assert_eq!((fired.len(), fired[0].to_string().as_str()),
//!            (1, "2026-03-11 11:00:00.000000001 UTC CCI-2 (Beispiel Handel GmbH): reaction breached"));
//! assert_eq!((agenda.now(), agenda.next_instant()), (t("2026-03-11T11:00:00Z")? + ns, None));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `cargo run --example agenda` replays a day at a help desk with three Cumulocity and two
//! Comarch customers; the recipe [an agenda](crate#recipe-an-agenda-over-many-incidents)
//! shows a timer loop.
//!
//! # Cost
//!
//! | operation | cost |
//! | --- | --- |
//! | `insert`, `update` | one evaluation (plus one per instant with events recorded after `now`, and one for the incident without them) + O(log n) |
//! | `insert_all` of n incidents | n evaluations + one sort of the index |
//! | `remove`, `next_instant` | O(log n) |
//! | `peek`, `due_before` | O(log n + k log k) for the k items returned |
//! | `advance`, `pop` | O((k + 1) log n) for the k items handed over; no evaluation |
//!
//! Each incident keeps its changes in time order; an index ordered by (instant,
//! [`AgendaId`]) holds each incident's next change only, so an update replaces one entry of
//! the index. Measured with `cargo bench --bench agenda` on the 2-core development machine
//! at load 1 (figures and conditions in [performance](crate::guide::performance#agendas)):
//! building for 100,000 open incidents takes 89.5 ms (budget 200 ms), one incident updated
//! and the next instant read 0.67 µs (budget 10 µs).
//!
//! # Layout
//!
//! [`AgendaItem`], [`Change`] and [`AgendaId`] (`item`); one incident's schedule from its
//! evaluation (`schedule`); the [`Agenda`] (`book`).

mod book;
mod item;
mod schedule;

pub use book::Agenda;
pub use item::{AgendaId, AgendaItem, Change};
