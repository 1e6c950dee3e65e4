//! Configuration reference: escalation ladders, their triggers and halts, and the next wake-up.
//!
//! Contracts promise who is pulled in when an incident drags on. A plan's `ladders` (optional)
//! give one ladder per severity key: its own pause rules, the events that end it, and ordered
//! steps, each with whom to `notify` and exactly one trigger. The types are
//! [`contract::LadderSpec`](crate::contract::LadderSpec) and
//! [`contract::Ladder`](crate::contract::Ladder); evaluation is in [`evaluate`](crate::guide::lifecycle).
//!
//! # Triggers
//!
//! | trigger | fires when |
//! | --- | --- |
//! | `"after": "1d"` (+ `"clock"`, default `24x7`) | the ladder's clock has counted the duration on that clock: wall time on `24x7` (`1d` = exactly 24 h), business time on `business` or a catalog calendar |
//! | `"business_days": 5` (+ `"clock"`, default `business`) | 5 business days after the start at the same local time ([`Calendar::business_days_later`](crate::Calendar::business_days_later)) — moved later by the business time the ladder was halted (see below) |
//! | `"share": "75"` + `"metric"` | the metric's own clock (its calendar, pauses and stop) has used 75 % of the time its target allows (a decimal string; rounded up to the nanosecond; `"100"` is the deadline) |
//! | `"after_breach": "1h"` + `"metric"` | the metric's clock has counted 1 h beyond its target (positive durations only) |
//!
//! - **The ladder's clock** starts when the incident is reported (at the severity change under
//!   `restart_at_change`), is halted by the ladder's `pauses` (same form as a plan's metric
//!   pauses) and stops at its first `ends` event (default `["resolved", "closed"]`) or a
//!   `cancelled`. The ladder used is the one of the severity in force at `now`; `business` on a
//!   step is the reporting contact's region's calendar, as for every metric. A halt moves every
//!   later `after` step by its length on that step's clock (24 hours halted: every step 24 hours
//!   later).
//! - **Business days and halts:** a `business_days` step allows the business time between the
//!   start and "N business days later at the same local time". Never halted before that
//!   instant, it is due exactly then; otherwise when the ladder's clock has counted that
//!   business time — the halted business time is added back. A Critical incident halted from
//!   Tuesday 10:00 to Wednesday 10:00 (9 business hours) escalates one business day later; a
//!   halt over a weekend moves nothing.
//! - **Firing:** a step fires at its due instant if that is at or before `now` and neither the
//!   ladder nor (for `share`/`after_breach`) the metric stopped at or before it: a step due the
//!   instant the incident ends does not fire. The ladder's pauses do not halt `share` and
//!   `after_breach` steps (they follow their metric), but its end events cancel every step not
//!   fired yet.
//! - **Validation** (errors name the field): exactly one trigger per step; durations, shares and
//!   day counts not negative; clocks that exist; `metric` only on `share`/`after_breach`, and one
//!   the plan defines for that severity (not the periodic `update`); steps in the order they
//!   fire — a step may not come before an earlier-listed one on the same scale (same clock for
//!   `after` and `business_days`, same metric for `share` and `after_breach`; a share up to
//!   100 % before a breach step).
//!
//! `evaluate` adds [`Report::steps`](crate::Report::steps): per step its index, `notify`,
//! trigger, state (`pending`, `halted`, `fired`, `cancelled`), `due` (`None` = unknown while
//! halted, or cancelled) and `fired_at`.
//!
//! # Example: Cumulocity's Management Assistance Process
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
//! # Example: warnings before a breach and levels after it
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
//! [`next_wake_up(&contract, &incident, now)`](crate::next_wake_up) is the earliest instant
//! `t > now` at which the *discrete* state of the report differs from that at `now`
//! ([`Report::same_state`](crate::Report::same_state): the severity; each metric's state, start,
//! pauses, deadline, allowance, fulfilment, breach and cycles; each step's state, due instant
//! and firing). `elapsed`, `wall_elapsed`, `remaining` and `used_percent` change with every
//! nanosecond a calendar is open and are not part of it: a calendar opening alone changes nothing
//! discrete. Changes come from a step's due instant, a running metric's breach (the first instant
//! elapsed *exceeds* the target: one nanosecond after the deadline when the calendar is open
//! there, one nanosecond after it next opens otherwise) and events recorded after `now` that
//! change anything. `None`: nothing changes without new events. A property test checks that the
//! discrete state is the same at random instants between `now` and the wake-up and differs at
//! it. The recipe [a ladder and the next wake-up](crate#recipe-a-ladder-and-the-next-wake-up)
//! shows a halted ladder.
