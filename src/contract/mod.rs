//! Support catalogs (a vendor's severities, calendars and plans) and customer contracts.
//!
//! A [`Catalog`](crate::Catalog) is what a vendor publishes: severity classes, named calendars (regions,
//! service hours) and plans with targets per severity and metric. A [`Contract`] is one
//! customer's agreement: a plan of a catalog, the customer's region and holidays, a start
//! date and overrides of any target. Both come from serde configuration and are validated on
//! the way in; a contract compiles its calendars once so that evaluating incidents against it
//! is fast.
//!
//! # Calendars by name
//!
//! Targets, ladder steps, channels (`hours`) and support levels name the calendar their time
//! counts on, under the configuration key `clock`: `24x7` ([`WALL_CLOCK`], every instant),
//! `business` ([`BUSINESS`], the contract's region with its holidays, or the region of the
//! contact who reported the incident) or a calendar of the catalog.
//! [`Contract::calendar`] and [`Contract::calendar_for`] resolve those names.
//!
//! # Catalogs, plans, targets and incidents
//!
//! Catalogs, plans, targets and their policies, a customer's terms, and incident events.
//!
//! A vendor's **catalog** ([`Catalog`](crate::Catalog): severity classes, named calendars,
//! plans) and a customer's **contract** ([`ContractSpec`](crate::ContractSpec): plan,
//! region, holidays, start, overrides) are configuration; an **incident**
//! ([`Incident`](crate::Incident)) is a list of events;
//! [`evaluate(contract, incident, now)`](crate::evaluate()) returns, for every metric of the plan,
//! its clock, target, state, elapsed and remaining time, deadline, and when it was fulfilled or
//! breached. The code lives in [`contract`](crate::contract), [`Incident`](crate::Incident) and
//! [`evaluate`](crate::guide::lifecycle) (whose module docs hold the lifecycle table); who may report
//! what is in [entitlements](#entitlements-terms-and-lifecycle), escalations in
//! [ladders](crate::guide::lifecycle#escalation-ladders).
//!
//! ## Catalogs and plans
//!
//! | piece | meaning |
//! | --- | --- |
//! | `severities` | ordered, most severe first; `key` is what incidents and targets use |
//! | `calendars` | named calendars; `24x7` (every instant counts) and `business` (the contract's region calendar with the contract's holidays) are built in |
//! | `plans.*.targets.<severity>.<metric>` | metrics: `reaction`, `resolution_plan`, `workaround`, `resolution`, `update` (periodic: each update due a fixed time after the previous one, every cycle met or breached on its own). A severity or metric left out is **not covered**: evaluation says so and invents nothing |
//! | target forms | `{"within": "4h"}` (business time on `clock`; `1d` is exactly 24 h), `{"business_days": 5}` (N business days later at the same local time), `{"end_of_business_day": 1}` (by the end of the next business day), `{"business_days": 0, "by": "16:00", "cutoff": "10:00"}` (by 16:00 on business day D + N, D the day reported if before the cut-off, else the next business day; see [`TargetSpec`]); business-day forms take `"count_from": "next_opening"` to count from the next opening instead of the report's local time; `clock` defaults to `business`; `"start": "contact_on_non_business_days"` starts the clock at the first `contact_established` when the incident is reported on a day that is not a business day (Cumulocity) |
//! | `pauses.<metric>` | which events pause the metric and which resume it (pauses nest) |
//! | `severity_pauses.<severity>.<metric>` | pause rules that replace `pauses` for that metric while the severity applies; `[]` never pauses ("a Crisis never waits on the customer") |
//! | `severity_change` | `recompute_from_start` (default; Zendesk, Jira) or `restart_at_change` (ServiceNow). A metric already met stays met under the severity it was met with |
//! | `downgrade`, `upgrade` | `keep_breach` (default: a breach that happened stays after a later change) or `recompute`; `breach_at_change` (default: a breach is never dated before the upgrade that brought the target) or `breach_at_deadline` |
//! | `reopen` | `resume` (default: the old clock resumes, the time since the resolution not counted) or `new_cycle` (a new clock with the whole allowance from the reopening) |
//! | `queue_priority` | higher is served first among incidents of the same severity ([queue](crate::queue#configuration-reference)) |
//!
//! ## A customer's terms
//!
//! `customer`, `plan`, `region` (the catalog calendar that `business` means), `holidays` (added
//! to the region's calendar; any [holiday form](crate::calendar#holidays-rules-and-presets)),
//! `start` (incidents reported earlier are refused), `overrides` (targets that replace the
//! plan's, same shape as `targets`), and the `contacts`, `term` and `extended_maintenance` of
//! [entitlements](#entitlements-terms-and-lifecycle).
//!
//! ## Incident events
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
//! ## Example
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
//! ## Errors
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
//! metrics (one with nested pauses): see [performance](crate::guide::performance).
//!
//! # Entitlements, terms and lifecycle
//!
//! Entitlements (channels, contacts, quotas, support levels), a contract's contacts and term,
//! extended maintenance, and the product lifecycle.
//!
//! A plan's `entitlements` say who may ask for what and how; a contract's terms add the named
//! contacts, the contract term and extended-maintenance agreements; a catalog may carry the
//! product's lifecycle. [`Contract::check_intake`](crate::Contract::check_intake)`(&IntakeRequest
//! { at, severity, channel, contact, version, opened, incident })` applies it all at the door and
//! returns an [`Intake`] (quota usage, version status, whether a
//! follow-up contact starts the clock) or a typed [`Refusal`]:
//! `OutsideTerm`, `UnknownSeverity`, `UnknownContact`, `ChannelNotOffered`, `ChannelClosed` (with
//! when it opens), `ChannelNotAllowed`, `EarlierReportRequired` (a channel only for incidents
//! already reported through another, Kosmos's phone), `UnsupportedVersion`, `QuotaExhausted`.
//!
//! | piece | meaning |
//! | --- | --- |
//! | `channels` | the channels offered (empty: any); `hours` names the clock during which a channel is staffed (default `24x7`); `only_after_report_via` lists channels an incident must already have been reported through (Kosmos: the phone only for incidents already on the platform; pass the incident as `IntakeRequest::incident`) |
//! | `channel_rules` | for some severities, on `any` day (default), `business_days` or `non_business_days`, the channels allowed |
//! | `contacts` | how many named contacts a contract of the plan must name (`max` absent: unlimited); checked when the contract is built |
//! | `quota` | cases per `month`, `quarter` or `year`, with `overage` `refuse` or `{"charge": {"price": "50.00 EUR"}}` ([quotas](crate::money#case-quotas)) |
//! | `levels` | support levels, first = where incidents start; `level_changed` events move an incident, only along `escalates_to` (or back); [`Contract::level_spans(incident, now)`](crate::Contract::level_spans) reports who held it for how much business time. A target may start when a level takes over: `"start": {"at_level": "n3"}` (COSYS's times run from the hand-over to its third level) |
//!
//! A contract's `contacts` (`[{"name": "atc@…", "region": "apj"}]`) name the people who may open
//! incidents; an incident reported by a contact with a default region has its `business` clock in
//! that region's hours ("work progresses in the business hours of the contact's default region").
//! `term` (`{"start", "initial_months", "renewal_months", "notice_months", "notice_given"}`) gives
//! [`Term`]`::is_active`, `current_term`, `next_renewal`
//! and `notice_deadline` (the last day to give notice: the end of the term minus the notice
//! period, minus a day). The catalog's `lifecycle` (`{"product", "sustained_months", "versions":
//! [{"version": "10.18", "end_of_maintenance": "2025-12-31", "latest": "10.18.12"}]}`) gives each
//! version `X.Y.Z` a [`SupportStatus`] on a date — `full`,
//! `sustained` (for `sustained_months` after end of maintenance), `beyond_sustained`, `extended`
//! (under the contract's `extended_maintenance` agreement) or `unknown` — and whether it is the
//! latest service pack; the door refuses `unknown` and `beyond_sustained` versions.
//!
//! ```
//! use std::sync::Arc;
//! use chrono::{DateTime, NaiveDate, Utc};
//! use slacalc::contract::{IntakeDecision, IntakeRequest, Refusal, SupportStatus};
//! use slacalc::{Catalog, Contract, ContractSpec};
//!
//! let catalog: Catalog = serde_json::from_str(r#"{
//!   "name": "Example", "severities": [{"key": "crisis", "name": "Crisis"},
//!       {"key": "critical", "name": "Critical"}, {"key": "standard", "name": "Standard"}],
//!   "calendars": {"office": {"timezone": "Europe/Berlin", "hours": {"mon": ["08:00-17:00"],
//!       "tue": ["08:00-17:00"], "wed": ["08:00-17:00"], "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}},
//!   "lifecycle": {"product": "Platform", "sustained_months": 12, "versions": [
//!       {"version": "10.18", "end_of_maintenance": "2025-12-31", "latest": "10.18.12"}]},
//!   "plans": {"enterprise": {"name": "Enterprise",
//!     "targets": {"crisis": {"reaction": {"within": "30m", "clock": "24x7"}}},
//!     "entitlements":
//! {
//!   "channels": { "phone": { "hours": "business" }, "portal": {} },
//!   "channel_rules": [
//!     { "severities": ["crisis"], "channels": ["phone"] },
//!     { "severities": ["critical", "standard"], "when": "non_business_days", "channels": ["portal"] } ],
//!   "contacts": { "min": 2, "max": 5 },
//!   "quota": { "cases": 10, "per": "quarter", "overage": "refuse" },
//!   "levels": [
//!     { "key": "n1", "operated_by": "customer", "escalates_to": ["n2"] },
//!     { "key": "n2", "operated_by": "vendor", "escalates_to": ["n3"] },
//!     { "key": "n3", "operated_by": "vendor" } ]
//! }
//!   }}}"#)?;
//! let terms: ContractSpec = serde_json::from_str(r#"{
//!   "customer": "Muster GmbH", "plan": "enterprise", "region": "office",
//!   "contacts": [{"name": "ops@muster.example"}, {"name": "atc@muster.example"}],
//!   "term": {"start": "2025-04-01", "initial_months": 24, "renewal_months": 12, "notice_months": 3}
//! }"#)?;
//! let catalog = Arc::new(catalog);
//! let contract = Contract::new(catalog.clone(), terms.clone())?;
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let ask = |at, severity, channel, contact| IntakeRequest {
//!     at, severity, channel, contact, version: None, opened: &[], incident: None };
//! // Tuesday 2026-03-03, 10:00 Berlin: a Crisis by phone from a named contact is accepted.
//! assert!(contract.check_intake(&ask(t("2026-03-03T09:00:00Z")?, "crisis", "phone",
//!                                    Some("ops@muster.example")))?.accepted().is_some());
//! // A Crisis through the portal is not allowed, nor is someone who is not a named contact.
//! assert!(matches!(contract.check_intake(&ask(t("2026-03-03T09:00:00Z")?, "crisis", "portal",
//!                  Some("ops@muster.example"))), Ok(IntakeDecision::Refused(Refusal::ChannelNotAllowed { .. }))));
//! assert!(matches!(contract.check_intake(&ask(t("2026-03-03T09:00:00Z")?, "crisis", "phone",
//!                  Some("intern@muster.example"))), Ok(IntakeDecision::Refused(Refusal::UnknownContact { .. }))));
//! // Saturday: the phone is staffed in business hours only.
//! assert!(matches!(contract.check_intake(&ask(t("2026-03-07T09:00:00Z")?, "crisis", "phone",
//!                  Some("ops@muster.example"))), Ok(IntakeDecision::Refused(Refusal::ChannelClosed { .. }))));
//! // The eleventh case of the quarter is refused.
//! let opened = vec![t("2026-01-15T09:00:00Z")?; 10];
//! let eleventh = IntakeRequest { opened: &opened, ..ask(t("2026-03-03T09:00:00Z")?, "crisis",
//!                                "phone", Some("ops@muster.example")) };
//! assert!(matches!(contract.check_intake(&eleventh), Ok(IntakeDecision::Refused(Refusal::QuotaExhausted { .. }))));
//! // Version 10.18.3 on 2026-03-03: in sustained support, not the latest service pack.
//! let sustained = IntakeRequest { version: Some("10.18.3".parse()?), ..ask(t("2026-03-03T09:00:00Z")?,
//!                                 "crisis", "phone", Some("ops@muster.example")) };
//! let decision = contract.check_intake(&sustained)?;
//! let intake = decision.accepted().ok_or("refused")?;
//! let version = intake.version.as_ref().ok_or("no version status")?;
//! assert_eq!(version.support, SupportStatus::Sustained);
//! assert!(!version.latest_service_pack);
//! assert_eq!(intake.quota.as_ref().map(|q| q.used), Some(1));
//!
//! // The term: renews on 2027-04-01, notice by 2026-12-31.
//! let term = contract.term().ok_or("no term")?;
//! let today = NaiveDate::from_ymd_opt(2026, 3, 3).ok_or("date")?;
//! assert_eq!(term.next_renewal(today), NaiveDate::from_ymd_opt(2027, 4, 1));
//! assert_eq!(term.notice_deadline(today), NaiveDate::from_ymd_opt(2026, 12, 31));
//!
//! // Two to five contacts: a contract naming one is refused when it is built.
//! let one = ContractSpec { contacts: terms.contacts[..1].to_vec(), ..terms };
//! assert!(Contract::new(catalog, one).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! All five seeds are fixtures under `fixtures/contracts/` with a runnable example each:
//! `cumulocity`, `comarch`, `cosys` (error classes 1–3 in agreed service hours, third-level
//! support, availability and credits, third-party work), `kosmos` (blocking / major / minor with
//! GTI and GTR in French working hours, N1/N2/N3) and `ciit` (priority classes, second-level
//! support, an hour budget convertible into development hours). Where a seed leaves a number
//! open, the fixture's `about` says which values are examples. The crate docs hold a recipe for
//! each.
//!
//! # Money terms and the monthly statement
//!
//! A plan's published `fee` and a contract's `billing` (agreed fee, extras, credits,
//! availability, hour budget, time and materials) are the money terms;
//! [`Contract::new`](crate::Contract::new) validates them together into [`Billing`]. Their
//! reference, with an example, is in the [statement module
//! docs](crate::statement#configuration-reference), next to the monthly
//! [`Statement`](crate::Statement) they feed.
//!
//! # Escalation ladders
//!
//! A plan's `ladders` say who is pulled in as an incident drags on: per severity, a clock with
//! its own pauses and end events, and steps triggered `after` a duration, after
//! `business_days`, at a `share` of a metric's target or `after_breach`. Their reference
//! (triggers, halts, firing, validation), the Cumulocity and ticket-system examples and the
//! next wake-up are in the [lifecycle guide](crate::guide::lifecycle#escalation-ladders)
//! ([`Ladder`] is the validated type).
//!
//! # Where things live
//!
//! | file | concept |
//! | --- | --- |
//! | `catalog.rs` | [`Catalog`](crate::Catalog), [`Severity`]: what a vendor publishes |
//! | `agreement.rs` | [`Contract`], [`ContractSpec`](crate::ContractSpec): one customer's contract, compiled |
//! | `billing.rs` | [`Billing`], [`BillingSpec`]: a contract's money terms, validated together |
//! | `term.rs` | [`Term`]: initial term, renewals, notice |
//! | `plan.rs` | [`Plan`] and its policies (severity change, downgrade, upgrade, reopen) |
//! | `metric.rs`, `target.rs`, `target_form.rs` | [`Metric`], [`StartRule`]; [`Target`] and its deadlines; [`TargetForm`] in text |
//! | `pause.rs` | [`PauseRule`]: the events that halt a metric's or a ladder's clock |
//! | `ladder.rs` | [`Ladder`], [`Step`], [`Trigger`]: escalation ladders |
//! | `entitlement.rs` | channels, channel rules, contact limits, support levels |
//! | `intake.rs` | [`Contract::check_intake`] and its [`IntakeDecision`] |
//! | `levels.rs` | [`Contract::level_spans`]: which support level held an incident when |
//! | `lifecycle.rs` | release lines and their support status |
//! | `names.rs` | the built-in calendar names and the checks of configured names |
//!
//! Within the module, files import only files below them in the flow names → pause rules,
//! metrics → target forms → targets → ladders → plans → catalog → billing → contract → intake
//! and levels (`grep -n "use super::" src/contract/*.rs`).

pub(crate) mod agreement;
mod billing;
pub(crate) mod catalog;
mod entitlement;
mod intake;
mod ladder;
mod levels;
mod lifecycle;
pub(crate) mod metric;
mod names;
mod pause;
mod plan;
mod target;
mod target_form;
mod term;

pub(crate) use agreement::Contract;
pub use billing::{Billing, BillingSpec};
pub use catalog::{CatalogSpec, Severity};
pub use entitlement::{
    Channel, ChannelRule, Contact, ContactLimits, DayKind, Entitlement, Party, SupportLevel,
};
pub use intake::{Intake, IntakeDecision, IntakeRequest, Refusal};
pub use ladder::{Ladder, LadderSpec, Step, StepSpec, Trigger};
pub use levels::LevelSpan;
pub use lifecycle::{
    ExtendedMaintenance, Lifecycle, ReleaseLine, SupportStatus, Version, VersionStatus,
};
pub(crate) use metric::Metric;
pub use metric::StartRule;
pub use names::{BUSINESS, WALL_CLOCK};
pub use pause::{PauseRule, MAX_PAUSE_RULES};
pub use plan::{
    DowngradePolicy, Plan, PlanSpec, ReopenPolicy, SeverityChangePolicy, UpgradePolicy,
};
pub use target::{CountFrom, Target, TargetSpec};
pub use target_form::TargetForm;
pub use term::Term;
