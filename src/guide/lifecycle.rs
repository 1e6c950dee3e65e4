//! Evaluating an incident against its contract as of `now`: every metric's clock, target,
//! state, start, pauses, elapsed and remaining time, deadline, fulfilment and breach; the
//! escalation ladder step by step; and when any of it next changes.
//!
//! [`evaluate`](crate::evaluate()) computes each metric's clock **once** into a record:
//! the instant it started and the event that started it, its pauses and what caused them,
//! its fulfilment, deadline and breach, and the calendar it counts on (a `business` clock is
//! the calendar of the reporting contact's region when the contact has one, else the
//! contract's region). The [`Report`](crate::Report) is that record; the ladder's `share` and
//! `after_breach` steps, [`next_wake_up`](crate::next_wake_up), the queue, compliance and the SVG timeline all
//! read it and never recompute a clock, re-apply pause rules or resolve a calendar by name.
//!
//! # The lifecycle
//!
//! A metric's clock goes through the states *not started*, *running*, *paused*, *waiting*
//! (the work ended; only a reopening can resume it), *fulfilled* (met or breached) and *not
//! applicable*. Which events start, pause, resume and fulfil it is decided by the plan
//! (start rule and pause rules); the incident's own events then do the following. The same
//! table drives every ladder's clock (with the ladder's pause rules and end events).
//!
//! | event | not started | running | paused | waiting | fulfilled |
//! | --- | --- | --- | --- | --- | --- |
//! | the start rule's event: `reported`; `contact_established` (start rule `contact_on_non_business_days` on a non-business day); `level_changed` to the rule's level (`at_level`) | starts (paused at once if a pause rule is active) | – | – | – | – |
//! | an event of a pause rule's `from` (e.g. `awaiting_customer`) | the rule is active at the start | pauses (cause: this event) | stays paused | – | – |
//! | an event of the rule's `until` (e.g. `customer_replied`) | the rule is inactive | – | resumes once no rule is active | – | – |
//! | a fulfilling event (table below) | `contact_on_non_business_days`: **met**, nothing elapsed (support acted before the customer had to call); `at_level`: does not count (it was not that level's work) | fulfils: met, or breached if late | fulfils | – | – |
//! | `resolved`, `closed` | `at_level`: **not applicable** (the level never had to act) | fulfils what they fulfil; ends every active pause | same | – | – |
//! | `resolved`, `closed` for `update` | – | ends the periodic cycle (met or breached) | same | – | – |
//! | `cancelled` | **not applicable** | **not applicable** | **not applicable** | not applicable | stays met or breached |
//! | `reopened` | – | – | – | resumes with no pause active (`reopen: resume`), or starts a new cycle with the whole allowance (`reopen: new_cycle`) | `workaround`, `resolution`, `update`: back to running as under *waiting*, the time since the resolution not counted; `reaction`, `resolution_plan`: stay fulfilled |
//! | `severity_changed` | the new severity's target applies | the new severity's target, from the start (`recompute_from_start`) or from the change (`restart_at_change`); a breach that already happened stays (`downgrade: keep_breach`) | same | – | keeps the severity it was met under |
//! | `update_sent` | – | `update`: ends the cycle, met or breached, and starts the next | same | – | – |
//! | anything else | – | – | – | – | – |
//!
//! *Waiting* is what `resolved` and `closed` become once a later `reopened` is known: the
//! span between them is a pause caused by `resolved` (or `closed`), listed in the metric's
//! `pauses`. Only events at or before `now` are known, so a resolved incident's metrics read
//! *fulfilled* until it is reopened. A `closed` incident is done; a `cancelled` one (a
//! duplicate, or withdrawn) was never owed, so its open metrics are left out of compliance
//! while those already fulfilled keep their result.
//!
//! The events that fulfil each metric:
//!
//! | metric | fulfilled by |
//! | --- | --- |
//! | `reaction` | `responded`, `resolution_plan_provided`, `workaround_provided`, `update_sent`, `solution_proposed`, `resolved`, `closed` |
//! | `resolution_plan` | `resolution_plan_provided`, `workaround_provided`, `resolved`, `closed` |
//! | `workaround` | `workaround_provided`, `resolved`, `closed` |
//! | `resolution` | `resolved`, `closed` |
//! | `update` | each `update_sent` ends a cycle; `resolved` and `closed` end the last |
//!
//! # Policies
//!
//! Each is a field of the plan ([`PlanSpec`](crate::contract::PlanSpec)) with the default
//! first:
//!
//! - `severity_change`: `recompute_from_start` (the new target counts from the original
//!   start) or `restart_at_change` (the clock restarts at the change).
//! - `downgrade`: `keep_breach` (a breach that happened stays a breach, dated when it
//!   happened, whatever the severity becomes) or `recompute` (only the severity in force
//!   counts).
//! - `upgrade`: `breach_at_change` (a breach is never dated before the change that brought
//!   the target: `breached_at` is the later of the deadline and the change; the deadline
//!   stays as computed) or `breach_at_deadline`.
//! - `reopen`: `resume` or `new_cycle` (earlier cycles are listed in the metric's `cycles`).
//! - `severity_pauses`: per severity and metric, pause rules that replace the plan's
//!   `pauses` for that metric; `[]` means it never pauses.
//!
//! ```
//! use std::sync::Arc;
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::{Catalog, ContractSpec, Metric};
//! use slacalc::{evaluate, Contract, Event, EventKind, Incident, MetricState};
//!
//! // Waiting on the customer pauses the resolution, except for a Crisis.
//! let catalog: Catalog = serde_json::from_str(r#"{
//!   "name": "Example",
//!   "severities": [{"key": "crisis", "name": "Crisis"}, {"key": "minor", "name": "Minor"}],
//!   "plans": {"p": {"name": "P",
//!     "pauses": {"resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}]},
//!     "severity_pauses": {"crisis": {"resolution": []}},
//!     "targets": {
//!       "crisis": {"resolution": {"within": "4h", "clock": "24x7"}},
//!       "minor": {"resolution": {"within": "8h", "clock": "24x7"}}}}}
//! }"#)?;
//! let terms = ContractSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
//! let contract = Contract::new(Arc::new(catalog), terms)?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let run = |severity: &str| -> Result<_, Box<dyn std::error::Error>> {
//!     let incident = Incident::new("I-1", vec![
//!         Event::new(t("2026-03-02T10:00:00Z")?, EventKind::Reported {
//!             severity: severity.into(), channel: None, contact: None }),
//!         Event::new(t("2026-03-02T11:00:00Z")?, EventKind::AwaitingCustomer),
//!         Event::new(t("2026-03-02T12:00:00Z")?, EventKind::Resolved),
//!         Event::new(t("2026-03-02T13:00:00Z")?, EventKind::Reopened),
//!     ])?;
//!     Ok(evaluate(&contract, &incident, t("2026-03-02T23:00:00Z")?)?)
//! };
//! // Minor: paused 11:00-12:00 (awaiting) and 12:00-13:00 (resolved until reopened).
//! let minor = run("minor")?;
//! let res = minor.metric(Metric::Resolution).unwrap();
//! assert_eq!(res.state, MetricState::Breached);
//! assert_eq!(res.elapsed, TimeDelta::hours(11));
//! assert_eq!(res.deadline, Some(t("2026-03-02T20:00:00Z")?));
//! assert_eq!(res.pauses.len(), 2);
//! // Crisis: never paused by the customer, so only the resolved-to-reopened wait counts out.
//! let crisis = run("crisis")?;
//! let res = crisis.metric(Metric::Resolution).unwrap();
//! assert_eq!(res.elapsed, TimeDelta::hours(12));
//! assert_eq!(res.deadline, Some(t("2026-03-02T15:00:00Z")?));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The severity and reopen policies on small incidents (a `high` reaction allows 1 hour, a
//! `low` one 4 hours; the resolution 8 hours on the wall clock):
//!
//! ```
//! use std::sync::Arc;
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::{Catalog, ContractSpec, Metric};
//! use slacalc::{evaluate, Contract, Event, EventKind, Incident, MetricState};
//!
//! let contract = |policies: &str| -> Result<Contract, Box<dyn std::error::Error>> {
//!     let catalog: Catalog = serde_json::from_str(&format!(r#"{{
//!       "name": "Example",
//!       "severities": [{{"key": "high", "name": "High"}}, {{"key": "low", "name": "Low"}}],
//!       "plans": {{"p": {{"name": "P", {policies}
//!         "targets": {{
//!           "high": {{"reaction": {{"within": "1h", "clock": "24x7"}},
//!                    "resolution": {{"within": "8h", "clock": "24x7"}}}},
//!           "low": {{"reaction": {{"within": "4h", "clock": "24x7"}},
//!                   "resolution": {{"within": "8h", "clock": "24x7"}}}}}}}}}}
//!     }}"#))?;
//!     let terms = ContractSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
//!     Ok(Contract::new(Arc::new(catalog), terms)?)
//! };
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let ev = |at: &str, kind| -> Result<Event, chrono::ParseError> { Ok(Event::new(t(at)?, kind)) };
//! let high = EventKind::Reported { severity: "high".into(), channel: None, contact: None };
//! let low = EventKind::SeverityChanged { severity: "low".into() };
//!
//! // Reported low, upgraded at 12:00: the high reaction was due at 11:00.
//! let upgraded = Incident::new("I-0", vec![
//!     ev("2026-03-02T10:00:00Z", EventKind::Reported {
//!         severity: "low".into(), channel: None, contact: None })?,
//!     ev("2026-03-02T12:00:00Z", EventKind::SeverityChanged { severity: "high".into() })?])?;
//! let now = t("2026-03-02T12:30:00Z")?;
//! // `breach_at_change` (the default): breached, but not before the upgrade.
//! let r = evaluate(&contract("")?, &upgraded, now)?;
//! let reaction = r.metric(Metric::Reaction).unwrap();
//! assert_eq!(reaction.deadline, Some(t("2026-03-02T11:00:00Z")?));
//! assert_eq!(reaction.breached_at, Some(t("2026-03-02T12:00:00Z")?));
//! // `breach_at_deadline`: dated at the deadline.
//! let r = evaluate(&contract(r#""upgrade": "breach_at_deadline","#)?, &upgraded, now)?;
//! assert_eq!(r.metric(Metric::Reaction).unwrap().breached_at, Some(t("2026-03-02T11:00:00Z")?));
//!
//! // Downgraded at 11:30, after the 1-hour reaction was breached at 11:00.
//! let downgraded = Incident::new("I-1", vec![
//!     ev("2026-03-02T10:00:00Z", high.clone())?, ev("2026-03-02T11:30:00Z", low)?])?;
//! let now = t("2026-03-02T12:00:00Z")?;
//! // `keep_breach` (the default): the breach stays, dated 11:00.
//! let r = evaluate(&contract("")?, &downgraded, now)?;
//! let reaction = r.metric(Metric::Reaction).unwrap();
//! assert_eq!(reaction.state, MetricState::Breached);
//! assert_eq!(reaction.breached_at, Some(t("2026-03-02T11:00:00Z")?));
//! // `recompute`: only the low target counts, 2 of its 4 hours used.
//! let r = evaluate(&contract(r#""downgrade": "recompute","#)?, &downgraded, now)?;
//! assert_eq!(r.metric(Metric::Reaction).unwrap().state, MetricState::Running);
//!
//! // Resolved at 12:00, reopened at 13:00.
//! let reopened = Incident::new("I-2", vec![
//!     ev("2026-03-02T10:00:00Z", high)?,
//!     ev("2026-03-02T12:00:00Z", EventKind::Resolved)?,
//!     ev("2026-03-02T13:00:00Z", EventKind::Reopened)?])?;
//! let now = t("2026-03-02T14:00:00Z")?;
//! // `resume` (the default): 3 hours counted, due at 19:00.
//! let r = evaluate(&contract("")?, &reopened, now)?;
//! let res = r.metric(Metric::Resolution).unwrap();
//! assert_eq!((res.elapsed, res.deadline), (TimeDelta::hours(3), Some(t("2026-03-02T19:00:00Z")?)));
//! // `new_cycle`: a fresh 8 hours from the reopening; the first cycle was met.
//! let r = evaluate(&contract(r#""reopen": "new_cycle","#)?, &reopened, now)?;
//! let res = r.metric(Metric::Resolution).unwrap();
//! assert_eq!((res.elapsed, res.deadline), (TimeDelta::hours(1), Some(t("2026-03-02T21:00:00Z")?)));
//! assert_eq!(res.cycles[0].state, MetricState::Met);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Escalation ladders
//!
//! A plan's ladder for a severity (see [`crate::contract::LadderSpec`]) lists who is pulled
//! in as an incident drags on: Cumulocity escalates a Crisis to its Regional Director after
//! one day, a Critical incident after five business days; ticketing systems warn at 50, 75
//! and 100 % of a target and escalate further after a breach. [`evaluate`](crate::evaluate())
//! reports every step of the ladder of the severity in force at `now` in
//! [`Report::steps`](crate::Report::steps); [`next_wake_up`](crate::next_wake_up) says when to look again.
//!
//! Steps read the ladder's own clock or the record of the metric they watch: nothing is
//! computed twice, and a `business` clock is always the contact's region's calendar.
//!
//! ## Configuration
//!
//! A plan's `ladders` (optional) give one ladder per severity key: its own `pauses` (same
//! form as a plan's metric pauses; default none), the `ends` events that end it (default
//! `["resolved", "closed"]`; a `cancelled` ends it too) and ordered `steps`, each with whom to
//! `notify` and exactly one trigger. The types are [`LadderSpec`](crate::contract::LadderSpec)
//! and [`Ladder`](crate::contract::Ladder).
//!
//! | trigger | fires when |
//! | --- | --- |
//! | `"after": "1d"` (+ `"clock"`, default `24x7`) | the ladder's clock has counted the duration on that clock: wall time on `24x7` (`1d` = exactly 24 h), business time on `business` or a catalog calendar |
//! | `"business_days": 5` (+ `"clock"`, default `business`) | 5 business days after the start at the same local time ([`Calendar::business_days_later`](crate::Calendar::business_days_later)) — moved later by the business time the ladder was halted (see below) |
//! | `"share": "75"` + `"metric"` | the metric's own clock (its calendar, pauses and stop) has used 75 % of the time its target allows (a decimal string; rounded up to the nanosecond; `"100"` is the deadline) |
//! | `"after_breach": "1h"` + `"metric"` | the metric's clock has counted 1 h beyond its target (positive durations only) |
//!
//! **Validation** (errors name the field): exactly one trigger per step; durations, shares and
//! day counts not negative; clocks that exist; `metric` only on `share`/`after_breach`, and one
//! the plan defines for that severity (not the periodic `update`); steps in the order they
//! fire — a step may not come before an earlier-listed one on the same scale (same clock for
//! `after` and `business_days`, same metric for `share` and `after_breach`; a share up to
//! 100 % before a breach step).
//!
//! [`evaluate`](crate::evaluate()) adds [`Report::steps`](crate::Report::steps): per step its
//! index, `notify`, trigger, state, `due` (`None` = unknown while halted, or cancelled) and
//! `fired_at`.
//!
//! ## The ladder's clock
//!
//! A ladder is a [`Clock`](crate::Clock) with steps, following the lifecycle table above with
//! its own pause rules. It starts when the incident is reported
//! (at the severity change instead, under the plan's `restart_at_change` policy), is halted
//! by its own pause rules (Cumulocity: from `solution_proposed` until `solution_rejected`)
//! and stops at its first end event (default `resolved` and `closed`; an end event before a
//! later `reopened` does not count, and the span from `resolved`/`closed` to the reopening
//! halts the ladder). A `cancelled` incident ends every ladder. Like every clock it only knows events at or before `now`.
//!
//! ## When a step is due
//!
//! - `after` (elapsed time): when the ladder's clock has counted the duration on the step's
//!   clock — wall time on `24x7` (the default; `1d` is exactly 24 hours), business time on
//!   any other. A halt moves the step later by the time it lasted *on that clock*.
//! - `business_days`: "N business days later at the same local time" of the step's clock
//!   (default `business`), from the ladder's start ([`Calendar::business_days_later`](crate::Calendar::business_days_later)).
//!   **Halts:** the step allows the business time that lies between the start and that
//!   instant; while the ladder was never halted before it, it is due exactly at the named
//!   instant, otherwise when the ladder's clock has counted that business time — that is,
//!   the business time (of the step's clock) the ladder was halted is added back. A halt
//!   over a weekend therefore moves nothing; a halt of one full business day moves the step
//!   one business day.
//! - `share` (`"75"` percent of a metric's target): when the metric's own clock (its
//!   calendar, its pause rules, its stop) has used that share of the business time the
//!   target allows, rounded up to the nanosecond. `"100"` is the metric's deadline.
//! - `after_breach` (`"1h"`): when the metric's own clock has counted the duration beyond the
//!   target. On a `24x7` metric that is wall time after the deadline.
//!
//! A step **fires** at its due instant if that instant is at or before `now` and the ladder
//! (and, for `share` and `after_breach`, the metric) has not stopped at or before it: a step
//! due the very instant the incident ends does not fire, as a metric met exactly at its
//! deadline is met. States ([`StepState`](crate::StepState)): `pending` (due known, in the future), `halted`
//! (due unknown: the clock is paused, the metric has not started, or the calendar never
//! opens again), `fired`, `cancelled` (the ladder or the metric stopped first; it never
//! fires). The ladder's pause rules do not halt `share` and `after_breach` steps — those
//! follow their metric — but its end events cancel every step not fired yet.
//!
//! ## Example: Cumulocity's Management Assistance Process
//!
//! The ladders of `fixtures/contracts/cumulocity.json` (enterprise plan; `cargo run --example
//! cumulocity` prints them for a Crisis and a Critical incident), in a catalog of their own:
//!
//! ```
//! # use std::sync::Arc;
//! # use chrono::{DateTime, Utc};
//! # use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident, StepState};
//! # let catalog: Catalog = serde_json::from_str(r#"{"name": "Cumulocity",
//! #   "severities": [{"key": "crisis", "name": "Crisis"}, {"key": "critical", "name": "Critical"}],
//! #   "calendars": {"emea": {"timezone": "Europe/Berlin", "hours": {"mon": ["08:00-17:00"],
//! #     "tue": ["08:00-17:00"], "wed": ["08:00-17:00"], "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}},
//! #   "plans": {"enterprise": {"name": "Enterprise",
//! #     "targets": {"crisis": {"reaction": {"within": "1h", "clock": "24x7"}},
//! #                 "critical": {"reaction": {"within": "2h", "clock": "24x7"}}},
//! "ladders": {
//!   "crisis": {
//!     "pauses": [{"from": "solution_proposed", "until": ["solution_rejected"]}],
//!     "ends": ["solution_confirmed", "resolved", "closed"],
//!     "steps": [
//!       {"after": "1d", "notify": "Regional Director Support"},
//!       {"after": "2d", "notify": "Global Vice President Support"},
//!       {"after": "3d", "notify": "Global Senior Vice President Support"},
//!       {"after": "5d", "notify": "Chief Operating Officer"}
//!     ]
//!   },
//!   "critical": {
//!     "pauses": [{"from": "solution_proposed", "until": ["solution_rejected"]}],
//!     "ends": ["solution_confirmed", "resolved", "closed"],
//!     "steps": [
//!       {"business_days": 5, "notify": "Regional Director Support"},
//!       {"business_days": 7, "notify": "Global Vice President Support"},
//!       {"business_days": 9, "notify": "Global Senior Vice President Support"},
//!       {"business_days": 11, "notify": "Chief Operating Officer"}
//!     ]
//!   }
//! }
//! # }}}"#)?;
//! # let terms: ContractSpec = serde_json::from_str(r#"{"customer": "Muster",
//! #     "plan": "enterprise", "region": "emea", "holidays": [{"preset": "de"}]}"#)?;
//! let contract = Contract::new(Arc::new(catalog), terms)?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! // A Critical incident on Friday 18 December 2026, 16:30 Berlin: 5, 7, 9 and 11 business
//! // days later at 16:30, over Christmas and New Year.
//! let critical: Incident = serde_json::from_str(r#"{"id": "C8Y-1002", "events": [
//!     {"at": "2026-12-18T15:30:00Z", "kind": "reported", "severity": "critical"}]}"#)?;
//! let report = evaluate(&contract, &critical, t("2026-12-29T12:00:00Z")?)?;
//! let ladder: Vec<_> = report.steps.iter().map(|s| (s.state, s.due)).collect();
//! assert_eq!(ladder, [
//!     (StepState::Fired, Some(t("2026-12-28T15:30:00Z")?)),
//!     (StepState::Pending, Some(t("2026-12-30T15:30:00Z")?)),
//!     (StepState::Pending, Some(t("2027-01-04T15:30:00Z")?)),
//!     (StepState::Pending, Some(t("2027-01-06T15:30:00Z")?)),
//! ]);
//! assert_eq!(&*report.steps[0].notify, "Regional Director Support");
//! // A confirmed solution ends the ladder: the steps not fired are cancelled.
//! let crisis: Incident = serde_json::from_str(r#"{"id": "C8Y-1001", "events": [
//!     {"at": "2026-03-02T10:00:00Z", "kind": "reported", "severity": "crisis"},
//!     {"at": "2026-03-03T12:00:00Z", "kind": "solution_proposed"},
//!     {"at": "2026-03-03T13:00:00Z", "kind": "solution_confirmed"}]}"#)?;
//! let report = evaluate(&contract, &crisis, t("2026-03-10T00:00:00Z")?)?;
//! let states: Vec<_> = report.steps.iter().map(|s| s.state).collect();
//! assert_eq!(states, [StepState::Fired, StepState::Cancelled, StepState::Cancelled,
//!                     StepState::Cancelled]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Example: warnings before a breach and levels after it
//!
//! OTRS "notify at 80 %", ServiceNow 50/75/100 %: `share` and `after_breach` steps follow a
//! metric's own clock.
//!
//! ```
//! # use std::sync::Arc;
//! # use chrono::{DateTime, Utc};
//! # use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident};
//! # let catalog: Catalog = serde_json::from_str(r#"{"name": "Example",
//! #   "severities": [{"key": "high", "name": "High"}],
//! #   "plans": {"p": {"name": "P",
//! #     "targets": {"high": {"resolution": {"within": "4h", "clock": "24x7"}}},
//! "ladders": { "high": { "steps": [
//!   {"share": "50",  "metric": "resolution", "notify": "Assignee"},
//!   {"share": "75",  "metric": "resolution", "notify": "Team lead"},
//!   {"share": "100", "metric": "resolution", "notify": "Duty manager"},
//!   {"after_breach": "1h", "metric": "resolution", "notify": "Head of Support"}
//! ] } }
//! # }}}"#)?;
//! # let terms = ContractSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
//! let contract = Contract::new(Arc::new(catalog), terms)?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let incident: Incident = serde_json::from_str(r#"{"id": "I-1", "events": [
//!     {"at": "2026-03-02T10:00:00Z", "kind": "reported", "severity": "high"}]}"#)?;
//! let report = evaluate(&contract, &incident, t("2026-03-02T13:30:00Z")?)?;
//! let due: Vec<_> = report.steps.iter().map(|s| s.due).collect();
//! assert_eq!(due, [Some(t("2026-03-02T12:00:00Z")?), Some(t("2026-03-02T13:00:00Z")?),
//!                  Some(t("2026-03-02T14:00:00Z")?), Some(t("2026-03-02T15:00:00Z")?)]);
//! assert_eq!(report.steps.iter().filter(|s| s.fired_at.is_some()).count(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Steps out of order are refused, naming the step and the one it may not come before:
//!
//! ```
//! use slacalc::Catalog;
//!
//! let error = serde_json::from_str::<Catalog>(r#"{"name": "Example",
//!   "severities": [{"key": "crisis", "name": "Crisis"}],
//!   "plans": {"enterprise": {"name": "Enterprise",
//!     "targets": {"crisis": {"reaction": {"within": "1h"}}},
//!     "ladders": {"crisis": {"steps": [{"after": "1d", "notify": "Director"},
//!       {"after": "2d", "notify": "VP"}, {"after": "1d", "notify": "COO"}]}}}}}"#)
//!     .err().ok_or("accepted")?;
//! assert!(error.to_string().starts_with(
//!     "plans.enterprise.ladders.crisis.steps[2].after: invalid value `1d`: expected a trigger \
//!      not before that of steps[1] (`48h @ 24x7`): steps are listed in the order they fire"),
//!     "{error}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The next wake-up
//!
//! A report has *discrete* parts — the severity; per metric its state, deadline, allowance,
//! `fulfilled_at`, `breached_at` and cycles; per step its state, due instant and `fired_at`
//! — and *continuous* parts: a metric's `elapsed`, `remaining` and `used_percent` change with
//! every nanosecond its calendar is open. [`next_wake_up`](crate::next_wake_up) returns the earliest instant `t >
//! now` at which the discrete parts of `evaluate(contract, incident, t)` differ from those at
//! `now` ([`Report::same_state`](crate::Report::same_state)); until then they are the same at every instant. Changes
//! come from:
//!
//! - a step's due instant (it fires);
//! - a running metric's breach: the first instant its elapsed time exceeds the allowance —
//!   one nanosecond after its deadline when the calendar is open there, one nanosecond after
//!   the calendar next opens otherwise (elapsed equal to the target is not yet breached);
//! - an event the incident records after `now` that changes anything (events that change
//!   nothing are skipped; in live use there are none, and a new event calls for a new
//!   evaluation anyway).
//!
//! A calendar opening alone changes nothing discrete: a paused or idle clock's deadline stays
//! what it was (or unknown), only `elapsed` starts moving again. `None` means nothing will
//! change without new events.
//!
//! A property test checks that the discrete state is the same at random instants between
//! `now` and the wake-up and differs at it. The recipe
//! [a ladder and the next wake-up](crate#recipe-a-ladder-and-the-next-wake-up) shows a halted
//! ladder.
