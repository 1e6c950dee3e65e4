//! Configuration reference: catalogs, plans, targets and their policies, a customer's terms,
//! and incident events.
//!
//! A vendor's **catalog** ([`Catalog`](crate::Catalog): severity classes, named calendars,
//! plans) and a customer's **contract** ([`ContractSpec`](crate::ContractSpec): plan,
//! region, holidays, start, overrides) are configuration; an **incident**
//! ([`Incident`](crate::Incident)) is a list of events;
//! [`evaluate(contract, incident, now)`](crate::evaluate()) returns, for every metric of the plan,
//! its clock, target, state, elapsed and remaining time, deadline, and when it was fulfilled or
//! breached. The code lives in [`contract`](crate::contract), [`Incident`](crate::Incident) and
//! [`evaluate`](crate::guide::lifecycle) (whose module docs hold the lifecycle table); who may report
//! what is in [entitlements](super::config_entitlements), escalations in
//! [ladders](super::config_ladder).
//!
//! # Catalogs and plans
//!
//! | piece | meaning |
//! | --- | --- |
//! | `severities` | ordered, most severe first; `key` is what incidents and targets use |
//! | `calendars` | named calendars; `24x7` (every instant counts) and `business` (the contract's region calendar with the contract's holidays) are built in |
//! | `plans.*.targets.<severity>.<metric>` | metrics: `reaction`, `resolution_plan`, `workaround`, `resolution`, `update` (periodic: each update due a fixed time after the previous one, every cycle met or breached on its own). A severity or metric left out is **not covered**: evaluation says so and invents nothing |
//! | target forms | `{"within": "4h"}` (business time on `clock`; `1d` is exactly 24 h), `{"business_days": 5}` (N business days later at the same local time), `{"end_of_business_day": 1}` (by the end of the next business day), `{"business_days": 0, "by": "16:00", "cutoff": "10:00"}` (by 16:00 on business day D + N, D the day reported if before the cut-off, else the next business day; see [`TargetSpec`](crate::contract::TargetSpec)); business-day forms take `"count_from": "next_opening"` to count from the next opening instead of the report's local time; `clock` defaults to `business`; `"start": "contact_on_non_business_days"` starts the clock at the first `contact_established` when the incident is reported on a day that is not a business day (Cumulocity) |
//! | `pauses.<metric>` | which events pause the metric and which resume it (pauses nest) |
//! | `severity_pauses.<severity>.<metric>` | pause rules that replace `pauses` for that metric while the severity applies; `[]` never pauses ("a Crisis never waits on the customer") |
//! | `severity_change` | `recompute_from_start` (default; Zendesk, Jira) or `restart_at_change` (ServiceNow). A metric already met stays met under the severity it was met with |
//! | `downgrade`, `upgrade` | `keep_breach` (default: a breach that happened stays after a later change) or `recompute`; `breach_at_change` (default: a breach is never dated before the upgrade that brought the target) or `breach_at_deadline` |
//! | `reopen` | `resume` (default: the old clock resumes, the time since the resolution not counted) or `new_cycle` (a new clock with the whole allowance from the reopening) |
//! | `queue_priority` | higher is served first among incidents of the same severity ([queue](super::config_queue)) |
//!
//! # A customer's terms
//!
//! `customer`, `plan`, `region` (the catalog calendar that `business` means), `holidays` (added
//! to the region's calendar; any [holiday form](super::config_calendar#holidays-rules-and-presets)),
//! `start` (incidents reported earlier are refused), `overrides` (targets that replace the
//! plan's, same shape as `targets`), and the `contacts`, `term` and `extended_maintenance` of
//! [entitlements](super::config_entitlements).
//!
//! # Incident events
//!
//! Events are `{"at": "...Z", "kind": "..."}`: `reported` (with `severity`, optional `channel`,
//! `contact`), `contact_established`, `severity_changed` (with `severity`), `level_changed` (with
//! `level`), `responded`, `resolution_plan_provided`, `workaround_provided`, `update_sent`,
//! `awaiting_customer`, `customer_replied`, `solution_proposed`, `solution_confirmed`,
//! `solution_rejected`, `resolved`, `reopened`, `closed`, `cancelled` (with an optional `reason`).
//!
//! A metric is fulfilled by the first event that satisfies it (a reaction by any response:
//! `responded`, a plan, a workaround, an update, a proposed solution, `resolved`, `closed`; a
//! resolution by `resolved`/`closed` — and a later `reopened` resumes its clock). `resolved` and
//! `closed` end every pause; `cancelled` (a duplicate, a withdrawn ticket) makes every metric not
//! fulfilled by then `not_applicable`, left out of compliance. What every event does to every
//! metric state is the lifecycle table in the [`evaluate`](crate::guide::lifecycle) module docs. Each
//! metric's report says when its clock started and by which event (`started_at`, `started_by`),
//! its pauses and what paused them, business and wall-clock elapsed time, and the remaining
//! allowance; serialized reports write durations in ISO 8601 (`PT4H30M`).
//!
//! # Example
//!
//! An excerpt of the Comarch catalog (the whole seed is `fixtures/contracts/comarch.json`, with
//! its customers in `comarch-customers.json` and `examples/comarch.rs`; the recipe
//! [Comarch](crate#recipe-comarch-reaction-times-per-plan) evaluates it):
//!
//! ```
//! use std::sync::Arc;
//! use chrono::TimeDelta;
//! use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident, Metric, MetricState};
//!
//! let catalog: Catalog = serde_json::from_str(r#"
//! {
//!   "name": "Comarch Cloud Infraspace Support",
//!   "severities": [ {"key": "1", "name": "Ausfall eines geschäftskritischen Systems"},
//!                   {"key": "4", "name": "Allgemeine Beratung"} ],
//!   "calendars": { "cet-office": { "timezone": "Europe/Berlin",
//!                  "hours": { "mon": ["09:00-18:00"], "tue": ["09:00-18:00"], "wed": ["09:00-18:00"],
//!                             "thu": ["09:00-18:00"], "fri": ["09:00-18:00"] } } },
//!   "plans": {
//!     "basic":   { "name": "Basic", "queue_priority": 0,
//!                  "targets": { "4": { "reaction": { "within": "36h", "clock": "business" } } } },
//!     "premium": { "name": "Premium", "queue_priority": 2,
//!                  "pauses": { "resolution": [ { "from": "awaiting_customer", "until": ["customer_replied"] } ] },
//!                  "targets": { "1": { "reaction": { "within": "30m", "clock": "24x7" },
//!                                      "resolution": { "within": "8h", "clock": "24x7" } },
//!                               "4": { "reaction": { "within": "24h", "clock": "24x7" } } } }
//!   }
//! }"#)?;
//! let catalog = Arc::new(catalog);
//! let terms: ContractSpec = serde_json::from_str(r#"
//! { "customer": "Beispiel Handel GmbH", "plan": "basic", "region": "cet-office",
//!   "holidays": [{"preset": "de"}], "start": "2025-01-01",
//!   "overrides": { "4": { "reaction": { "within": "24h", "clock": "business" } } } }"#)?;
//! let basic = Contract::new(catalog.clone(), terms.clone())?;
//!
//! let incident: Incident = serde_json::from_str(r#"{"id": "CCI-1", "events": [
//!     {"at": "2026-11-27T16:00:00Z", "kind": "reported", "severity": "4", "channel": "ticket"}]}"#)?;
//! let report = evaluate(&basic, &incident, "2026-11-30T12:00:00Z".parse()?)?;
//! let reaction = report.metric(Metric::Reaction).ok_or("no reaction")?;
//! // The override: 24 business hours of 09:00-18:00 from Friday 17:00 Berlin (1 + 9 + 9 + 5):
//! // Wednesday 14:00 Berlin.
//! assert_eq!(reaction.deadline, Some("2026-12-02T13:00:00Z".parse()?));
//! assert_eq!(reaction.state, MetricState::Running);
//! // Severity 1 is not covered by Basic: said so, nothing invented.
//! let outage: Incident = serde_json::from_str(r#"{"id": "CCI-2", "events": [
//!     {"at": "2026-11-28T02:00:00Z", "kind": "reported", "severity": "1", "channel": "phone"},
//!     {"at": "2026-11-28T02:20:00Z", "kind": "responded"},
//!     {"at": "2026-11-28T03:00:00Z", "kind": "awaiting_customer"},
//!     {"at": "2026-11-28T05:00:00Z", "kind": "customer_replied"},
//!     {"at": "2026-11-28T09:00:00Z", "kind": "resolved"},
//!     {"at": "2026-11-28T09:30:00Z", "kind": "closed"}]}"#)?;
//! let now = "2026-11-28T12:00:00Z".parse()?;
//! let report = evaluate(&basic, &outage, now)?;
//! assert_eq!(report.metric(Metric::Reaction).map(|m| m.state), Some(MetricState::NotCovered));
//! // On Premium: reaction in 20 minutes; the resolution waited 2 hours on the customer, which
//! // does not count: 5 of 8 hours used.
//! let premium = Contract::new(catalog, ContractSpec { plan: "premium".into(), ..terms })?;
//! let report = evaluate(&premium, &outage, now)?;
//! let resolution = report.metric(Metric::Resolution).ok_or("no resolution")?;
//! assert_eq!((resolution.state, resolution.elapsed), (MetricState::Met, TimeDelta::hours(5)));
//! assert_eq!(resolution.pauses.len(), 1);
//! assert_eq!(report.metric(Metric::Reaction).map(|m| m.state), Some(MetricState::Met));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Errors
//!
//! Bad input is an error naming the place: events out of order, a `customer_replied` with nobody
//! awaiting a reply, events after `closed` without `reopened`, an unknown severity, an incident
//! reported before the contract starts, a malformed target:
//!
//! ```
//! use std::sync::Arc;
//! use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident};
//!
//! let catalog = |within: &str| serde_json::from_str::<Catalog>(&format!(r#"{{
//!     "name": "Example", "severities": [{{"key": "high", "name": "High"}}, {{"key": "low", "name": "Low"}}],
//!     "plans": {{"p": {{"name": "P", "targets": {{"high": {{"reaction": {{"within": "{within}"}}}}}}}}}}}}"#));
//! let bad = catalog("1 hour").err().ok_or("accepted")?.to_string();
//! assert!(bad.starts_with("plans.p.targets.high.reaction.within: invalid value `1 hour`"), "{bad}");
//!
//! let terms = ContractSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
//! let contract = Contract::new(Arc::new(catalog("4h")?), terms)?;
//! let closed = serde_json::from_str::<Incident>(r#"{"id": "I-1", "events": [
//!     {"at": "2026-03-02T10:00:00Z", "kind": "reported", "severity": "high"},
//!     {"at": "2026-03-02T11:00:00Z", "kind": "closed"},
//!     {"at": "2026-03-02T12:00:00Z", "kind": "update_sent"}]}"#);
//! let message = closed.err().ok_or("accepted")?.to_string();
//! assert!(message.contains("events[2] (update_sent at 2026-03-02 12:00:00 UTC): the incident is closed; reopen it first"),
//!         "{message}");
//!
//! let urgent: Incident = serde_json::from_str(r#"{"id": "I-2", "events": [
//!     {"at": "2026-03-02T10:00:00Z", "kind": "reported", "severity": "urgent"}]}"#)?;
//! let error = evaluate(&contract, &urgent, "2026-03-02T11:00:00Z".parse()?).err().ok_or("accepted")?;
//! assert_eq!(error.to_string(), "events[0].severity: unknown severity `urgent`: expected one of high, low");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Evaluation speed: `cargo bench --bench evaluate` — one incident with 10 events against 3
//! metrics (one with nested pauses): see [performance](super::performance).
