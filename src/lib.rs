//! Deterministic, I/O-free computation of what software maintenance and support contracts
//! promise: business calendars, the pausable SLA clock behind every reaction and resolution
//! deadline, escalation ladders, queues, compliance reports, availability, and the money side
//! of a contract (fees, quotas, hour budgets, service credits) in exact decimals.
//!
//! Everything is a pure function of its inputs: `now` is always an argument, nothing reads a
//! clock, a file or the network, and bad input is an [`Error`] that names the field and the
//! value. Configuration is serde (JSON, TOML, …); deserializing a type validates it.
//!
//! ```
//! use std::sync::Arc;
//! use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident, Metric, MetricState};
//!
//! // A vendor's catalog: one severity, office hours in Berlin, a 4-business-hour reaction.
//! let catalog: Catalog = serde_json::from_str(r#"{
//!   "name": "Help desk", "severities": [{"key": "high", "name": "High"}],
//!   "calendars": {"office": {"timezone": "Europe/Berlin", "hours": {
//!       "mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
//!       "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}},
//!   "plans": {"standard": {"name": "Standard",
//!       "targets": {"high": {"reaction": {"within": "4h"}}}}}}"#)?;
//! // A customer's terms: the plan, the region whose hours `business` means, public holidays.
//! let terms: ContractSpec = serde_json::from_str(r#"{"customer": "ACME",
//!     "plan": "standard", "region": "office", "holidays": [{"preset": "de"}]}"#)?;
//! let contract = Contract::new(Arc::new(catalog), terms)?;
//! // Reported on Thursday 2 April 2026, 16:30 in Berlin, before Good Friday and Easter Monday.
//! let incident: Incident = serde_json::from_str(r#"{"id": "T-1", "events": [
//!     {"at": "2026-04-02T14:30:00Z", "kind": "reported", "severity": "high"}]}"#)?;
//! let report = evaluate(&contract, &incident, "2026-04-07T10:00:00Z".parse()?)?;
//! let reaction = report.metric(Metric::Reaction).ok_or("no reaction target")?;
//! // 30 minutes on Thursday, 3.5 hours on Tuesday after Easter: due Tuesday 11:30 Berlin.
//! assert_eq!(reaction.deadline, Some("2026-04-07T09:30:00Z".parse()?));
//! assert_eq!(reaction.state, MetricState::Breached);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! On a fresh machine with a Rust toolchain, `cargo run --example quickstart` shows a deadline
//! and `cargo test` runs every test; the examples in `examples/` (one per seed contract, each
//! ending in assertions) run with `cargo run --example NAME`.
//!
//! # Module map
//!
//! **One path per item.** The core nouns live at the root: [`Calendar`], [`Catalog`],
//! [`Contract`] and [`ContractSpec`], [`Incident`] and its [`Event`]s, [`evaluate()`] and the
//! [`Report`] it returns (with [`MetricReport`], [`StepReport`] and their states),
//! [`next_wake_up`], the pausable [`Clock`], [`Money`], a month's [`Statement`],
//! [`TargetOutcome`] and the one [`Error`]. Everything else
//! belongs to a family, a public namespace whose own files are private and whose items are
//! re-exported once at the family level (`slacalc::calendar::Holidays`, never
//! `slacalc::calendar::holiday::Holidays`). An item at the root is not also public in its
//! family: [`Calendar`] is `slacalc::Calendar` only, though it lives in `calendar/model.rs`.
//! The other modules (`error`, `config`, `outcome`, `incident`, `clock`, `evaluate`) are
//! private: their public items are at the root.
//!
//! In dependency order: each module uses only those above it (the [design notes](guide::design)
//! show how to check, and list what the redesign has not reached yet):
//!
//! | module | public as | holds |
//! | --- | --- | --- |
//! | `error` | root | [`Error`], the one error type: every message names the config path or event and the bad value |
//! | `config` | private | what the serde forms share: strict maps (a key given twice is refused), `YYYY-MM-DD` dates, paths in errors |
//! | [`time`] | family | leaf vocabulary: [`TimeOfDay`](time::TimeOfDay) (allows `24:00`), [`Shift`](time::Shift) (`"08:00-17:00"`), [`WeekdayKey`](time::WeekdayKey), periods, durations and their text form |
//! | `outcome` | root | [`TargetOutcome`]: whether a measured figure reached its target |
//! | [`money`] | family | [`Money`] (root), [`Currency`](money::Currency), [`RoundingMode`](money::RoundingMode), [`FeeSchedule`](money::FeeSchedule), case quotas, hour budgets, service credits, time and materials, the [`Invoice`](money::Invoice) they produce |
//! | [`calendar`] | family | [`Calendar`] (root): business hours in a time zone, holidays and presets ([`Holidays`](calendar::Holidays)), business days, union / intersection / difference |
//! | [`availability`] | family | [`AvailabilityAgreement`](availability::AvailabilityAgreement): service time minus maintenance, outages, achieved availability |
//! | `incident` | root | [`Incident`]: a validated list of [`Event`]s |
//! | [`contract`] | family | [`Catalog`] (root; severities, calendars, plans, targets, ladders, entitlements, lifecycle, a plan's price) and a customer's [`Contract`] (root) with its money terms |
//! | `clock` | root | [`Clock`]: business time from a start, outside pauses, until a stop, read against a target |
//! | `evaluate` | root | [`evaluate()`]: a contract, an incident and `now` give a [`Report`], one record per metric; escalation steps; [`next_wake_up`] |
//! | [`agenda`] | family | [`Agenda`](agenda::Agenda): many open incidents across contracts, when anything next changes and what (breach, warning, escalation) |
//! | [`queue`] | family | [`Queue`](queue::Queue) / [`queue::order`]: which open incident to work on next, and why |
//! | [`report`] | family | many incidents: batch evaluation, [`ComplianceReport`](report::ComplianceReport) per period, CSV, SVG |
//! | [`statement`] | family | [`Statement`] (root): a customer's month from the contract's money terms, its incidents and [`Usage`](statement::Usage) |
//! | [`guide`] | docs | no code: the long-form documentation (below) |
//!
//! # Guide
//!
//! The configuration reference is in each family's module docs, with tested examples:
//! [calendars and holidays](calendar#configuration-reference),
//! [catalogs, plans, targets and incidents](contract#catalogs-plans-targets-and-incidents),
//! [entitlements, terms and lifecycle](contract#entitlements-terms-and-lifecycle),
//! [escalation ladders and the next wake-up](guide::lifecycle#escalation-ladders),
//! [fees, quotas, hour budgets and credits](money#configuration-reference),
//! [money terms in plans and contracts, and the monthly statement](statement#configuration-reference),
//! [availability](availability#configuration-reference),
//! [time and materials](calendar::TimeAndMaterials#configuration-reference),
//! [the queue](queue#configuration-reference),
//! [reports and compliance](report#configuration-reference).
//!
//! The [`guide`] holds the long-form documentation, each page with tested examples:
//!
//! - [design notes](guide::design): data flow, one clock, one evaluation record, the layers;
//! - [DST semantics](guide::dst): what a calendar counts when clocks change;
//! - [the incident lifecycle](guide::lifecycle): metric states, policies, escalation ladders,
//!   the next wake-up; [the SLA clock](guide::clock);
//! - [holidays](guide::holidays): rule forms, the presets and their date tables;
//!   [time and materials](guide::time_and_materials); [compliance reports](guide::compliance);
//! - [inputs and guarantees](guide::guarantees): no panics, bounded work, determinism, errors;
//! - [performance](guide::performance): measured figures and the commands that reproduce them.
//!
//! # Cargo features
//!
//! | feature | default | effect |
//! | --- | --- | --- |
//! | `rayon` | off | [`report::evaluate_all`] and compliance reports run on rayon's thread pool; results are identical ([`report::PARALLEL`] says which was built) |
//! | `icalendar` | off | iCalendar (RFC 5545) import of holidays and closures and export of holidays: `calendar::IcsImport`, `Holidays::to_ics` (see [calendar](calendar#icalendar-cargo-feature-icalendar)); adds the `rrule` crate |
//!
//! # Recipes
//!
//! One per seed contract (the fixtures in `fixtures/contracts/`, each with a runnable example),
//! then one per common task.
//!
//! Seed contracts:
//!
//! - [Comarch, reaction times per plan](#recipe-comarch-reaction-times-per-plan)
//! - [Cumulocity, a Crisis across the DST change and its ladder](#recipe-cumulocity-a-crisis-across-the-dst-change-and-its-ladder)
//! - [COSYS, support levels and clocks that start at the hand-over](#recipe-cosys-support-levels-and-clocks-that-start-at-the-hand-over)
//! - [CIIT, priority classes, the term and the hour budget](#recipe-ciit-priority-classes-the-term-and-the-hour-budget)
//! - [Kosmos, the door and the support levels](#recipe-kosmos-the-door-and-the-support-levels)
//!
//! Common tasks:
//!
//! - [a deadline in business hours](#recipe-a-deadline-in-business-hours)
//! - [business days](#recipe-business-days)
//! - [holidays and presets](#recipe-holidays-and-presets)
//! - [a union of regions](#recipe-a-union-of-regions)
//! - [a pause on the SLA clock](#recipe-a-pause-on-the-sla-clock)
//! - [a severity change and a reopening](#recipe-a-severity-change-and-a-reopening)
//! - [a ladder and the next wake-up](#recipe-a-ladder-and-the-next-wake-up)
//! - [a fee](#recipe-a-fee)
//! - [time and materials](#recipe-time-and-materials)
//! - [a case quota at the door](#recipe-a-case-quota-at-the-door)
//! - [availability and a service credit](#recipe-availability-and-a-service-credit)
//! - [a monthly statement](#recipe-a-monthly-statement)
//! - [a compliance report](#recipe-a-compliance-report)
//! - [a queue across plans](#recipe-a-queue-across-plans)
//! - [an agenda over many incidents](#recipe-an-agenda-over-many-incidents)
//! - [an SVG timeline](#recipe-an-svg-timeline)
//!
//! ## Recipe: Comarch, reaction times per plan
//!
//! Comarch Cloud Infraspace support (`examples/comarch.rs`): the same incidents on the Basic and
//! Premium plans, and what Advanced costs per month.
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use rust_decimal::Decimal;
//! use slacalc::Money;
//! use slacalc::money::FeeInputs;
//! use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident, Metric, MetricState};
//!
//! let catalog: Arc<Catalog> =
//!     Arc::new(serde_json::from_str(include_str!("../fixtures/contracts/comarch.json"))?);
//! let customers: BTreeMap<String, ContractSpec> =
//!     serde_json::from_str(include_str!("../fixtures/contracts/comarch-customers.json"))?;
//! // Friday 2026-11-27, 17:00 Berlin: a general question (severity 4); Saturday 03:00 Berlin:
//! // a business-critical outage (severity 1), answered after 20 minutes.
//! let question: Incident = serde_json::from_str(r#"{"id": "CCI-4711", "events": [
//!     {"at": "2026-11-27T16:00:00Z", "kind": "reported", "severity": "4", "channel": "ticket"}]}"#)?;
//! let outage: Incident = serde_json::from_str(r#"{"id": "CCI-4712", "events": [
//!     {"at": "2026-11-28T02:00:00Z", "kind": "reported", "severity": "1", "channel": "phone"},
//!     {"at": "2026-11-28T02:20:00Z", "kind": "responded"}]}"#)?;
//! let now = "2026-11-28T09:00:00Z".parse()?;
//! let reaction = |plan: &str, incident: &Incident| -> Result<_, Box<dyn std::error::Error>> {
//!     let contract = Contract::new(catalog.clone(), customers[plan].clone())?;
//!     let report = evaluate(&contract, incident, now)?;
//!     Ok(report.metric(Metric::Reaction).map(|m| (m.state, m.deadline)))
//! };
//! // Basic: 36 working hours of 09:00-18:00; Premium: 24 clock hours.
//! assert_eq!(reaction("basic", &question)?,
//!            Some((MetricState::Running, Some("2026-12-03T16:00:00Z".parse()?))));
//! assert_eq!(reaction("premium", &question)?,
//!            Some((MetricState::Running, Some("2026-11-28T16:00:00Z".parse()?))));
//! // Basic makes no promise for severity 1; Premium's 30 minutes were met.
//! assert_eq!(reaction("basic", &outage)?, Some((MetricState::NotCovered, None)));
//! assert_eq!(reaction("premium", &outage)?,
//!            Some((MetricState::Met, Some("2026-11-28T02:30:00Z".parse()?))));
//!
//! // Advanced costs 1,500 EUR plus graduated percentages of the monthly usage fee: the
//! // plan's `fee` in the catalog.
//! let advanced = catalog.plan("advanced").and_then(|p| p.fee()).ok_or("no price")?;
//! let price = |usage: &str| -> Result<Decimal, Box<dyn std::error::Error>> {
//!     let inputs = FeeInputs::new().with_amount("usage", usage.parse::<Money>()?);
//!     Ok(advanced.invoice(&inputs)?.total.amount)
//! };
//! assert_eq!(price("3000.00 EUR")?, Decimal::from(1500));
//! assert_eq!(price("15000.00 EUR")?, Decimal::from(2850));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: Cumulocity, a Crisis across the DST change and its ladder
//!
//! Cumulocity Enterprise support for a customer in Germany (`examples/cumulocity.rs`): a Crisis
//! reported on the night clocks go forward, its 24x7 targets, and the Management Assistance
//! Process halted while the customer tests a proposed solution.
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use chrono::{DateTime, Utc};
//! use slacalc::{evaluate, next_wake_up, Catalog, Contract, ContractSpec, Incident, Metric,
//!               StepState};
//!
//! let catalog: Arc<Catalog> =
//!     Arc::new(serde_json::from_str(include_str!("../fixtures/contracts/cumulocity.json"))?);
//! let customers: BTreeMap<String, ContractSpec> =
//!     serde_json::from_str(include_str!("../fixtures/contracts/cumulocity-customers.json"))?;
//! let contract = Contract::new(catalog, customers["emea-de"].clone())?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! // Saturday 2026-03-28, 23:50 Berlin: production down. A solution proposed on Sunday evening
//! // is tested for 24 hours and rejected.
//! let crisis: Incident = serde_json::from_str(r#"{"id": "C8Y-1004", "events": [
//!   {"at": "2026-03-28T22:50:00Z", "kind": "reported", "severity": "crisis", "channel": "phone",
//!    "contact": "atc@muster-maschinenbau.example"},
//!   {"at": "2026-03-28T23:05:00Z", "kind": "responded"},
//!   {"at": "2026-03-29T01:30:00Z", "kind": "resolution_plan_provided"},
//!   {"at": "2026-03-29T18:50:00Z", "kind": "solution_proposed"},
//!   {"at": "2026-03-30T18:50:00Z", "kind": "solution_rejected"}]}"#)?;
//! let report = evaluate(&contract, &crisis, t("2026-03-29T03:00:00Z")?)?;
//! // The resolution plan is due 4 real hours after the report: 04:50 CEST, not 03:50.
//! let plan = report.metric(Metric::ResolutionPlan).ok_or("no plan target")?;
//! assert_eq!(plan.deadline, Some(t("2026-03-29T02:50:00Z")?));
//! // For people, `Display` shows instants in local time with the offset; a 24x7 clock (UTC
//! // only by construction) in the zone of the contact's business calendar, Berlin. The
//! // serialized report keeps RFC 3339 in UTC.
//! let text = report.to_string();
//! assert!(text.contains("reported 2026-03-28 23:50 CET (+01:00)"), "{text}");
//! assert!(text.contains("2026-03-29 04:50 CEST (+02:00)"), "{text}");
//! assert_eq!(serde_json::to_value(&report)?["metrics"][1]["deadline"], "2026-03-29T02:50:00Z");
//! // While the customer tests, the ladder is halted: its next step has no due time.
//! let halted = evaluate(&contract, &crisis, t("2026-03-30T12:00:00Z")?)?;
//! assert_eq!((halted.steps[0].state, halted.steps[0].due), (StepState::Halted, None));
//! // Afterwards every step is a day later (1, 2, 3 and 5 days plus the 24 hours halted).
//! let now = t("2026-03-30T20:00:00Z")?;
//! let report = evaluate(&contract, &crisis, now)?;
//! let due: Vec<_> = report.steps.iter().map(|s| s.due).collect();
//! assert_eq!(due, [Some(t("2026-03-30T22:50:00Z")?), Some(t("2026-03-31T22:50:00Z")?),
//!                  Some(t("2026-04-01T22:50:00Z")?), Some(t("2026-04-03T22:50:00Z")?)]);
//! assert_eq!(next_wake_up(&contract, &crisis, now)?, Some(t("2026-03-30T22:50:00Z")?));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: COSYS, support levels and clocks that start at the hand-over
//!
//! COSYS cloud operation (`examples/cosys.rs`): response and recovery times run in the agreed
//! service hours from the moment COSYS's third level takes the incident over; a fatal error
//! (class 1) is worked without interruption, a serious one (class 2) waits on the customer.
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use chrono::TimeDelta;
//! use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident, Metric, MetricState};
//!
//! let catalog: Arc<Catalog> =
//!     Arc::new(serde_json::from_str(include_str!("../fixtures/contracts/cosys.json"))?);
//! let customers: BTreeMap<String, ContractSpec> =
//!     serde_json::from_str(include_str!("../fixtures/contracts/cosys-customers.json"))?;
//! let contract = Contract::new(catalog, customers["logistics"].clone())?;
//! // Thursday 2026-11-26, 17:00 Berlin: the customer's first level has a class-2 defect; its
//! // second level takes it at 17:10 and hands it to COSYS at 17:20, who answers at 17:40, waits
//! // for log files from 17:45 until Friday 09:00, and provides a workaround at 11:30.
//! let events = |class: &str| format!(r#"{{"id": "COSYS-7", "events": [
//!   {{"at": "2026-11-26T16:00:00Z", "kind": "reported", "severity": "{class}", "channel": "phone"}},
//!   {{"at": "2026-11-26T16:10:00Z", "kind": "level_changed", "level": "n2"}},
//!   {{"at": "2026-11-26T16:20:00Z", "kind": "level_changed", "level": "n3"}},
//!   {{"at": "2026-11-26T16:40:00Z", "kind": "responded"}},
//!   {{"at": "2026-11-26T16:45:00Z", "kind": "awaiting_customer"}},
//!   {{"at": "2026-11-27T08:00:00Z", "kind": "customer_replied"}},
//!   {{"at": "2026-11-27T10:30:00Z", "kind": "workaround_provided"}}]}}"#);
//! let now = "2026-11-27T12:00:00Z".parse()?;
//! let serious: Incident = serde_json::from_str(&events("2"))?;
//! let report = evaluate(&contract, &serious, now)?;
//! let reaction = report.metric(Metric::Reaction).ok_or("no reaction")?;
//! assert_eq!((reaction.state, reaction.elapsed), (MetricState::Met, TimeDelta::minutes(20)));
//! // 17:20-17:45 Thursday, then 09:00-11:30 Friday after the wait.
//! let workaround = report.metric(Metric::Workaround).ok_or("no workaround")?;
//! assert_eq!((workaround.state, workaround.elapsed), (MetricState::Met, TimeDelta::minutes(175)));
//! assert_eq!(workaround.pauses.len(), 1);
//! // Class 1 never pauses: 17:20-18:00 and 08:00-11:30 is 4 h 10 min against 4 h.
//! let fatal: Incident = serde_json::from_str(&events("1"))?;
//! let workaround = evaluate(&contract, &fatal, now)?.metric(Metric::Workaround).cloned()
//!     .ok_or("no workaround")?;
//! assert_eq!((workaround.state, workaround.elapsed),
//!            (MetricState::Breached, TimeDelta::minutes(250)));
//! // Who held the incident for how long: the customer's N1 and N2, then COSYS's N3.
//! assert_eq!(contract.level_spans(&serious, now)?.len(), 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: CIIT, priority classes, the term and the hour budget
//!
//! CIIT maintenance (`examples/ciit.rs`): four priority classes with four kinds of target, the
//! contract term, and maintenance hours that turn into development hours when unused.
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use chrono::NaiveDate;
//! use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident, Metric};
//!
//! let catalog: Arc<Catalog> =
//!     Arc::new(serde_json::from_str(include_str!("../fixtures/contracts/ciit.json"))?);
//! let customers: BTreeMap<String, ContractSpec> =
//!     serde_json::from_str(include_str!("../fixtures/contracts/ciit-customers.json"))?;
//! let contract = Contract::new(catalog, customers["clinic"].clone())?;
//! // Friday 2026-11-27, 16:00 in Munich: one incident of each priority.
//! let mut deadlines = Vec::new();
//! for priority in ["p1", "p2", "p3", "p4"] {
//!     let incident: Incident = serde_json::from_str(&format!(r#"{{"id": "CIIT-{priority}",
//!         "events": [{{"at": "2026-11-27T15:00:00Z", "kind": "reported", "severity": "{priority}"}}]}}"#))?;
//!     let report = evaluate(&contract, &incident, "2026-11-27T15:30:00Z".parse()?)?;
//!     deadlines.push(report.metric(Metric::Reaction).and_then(|m| m.deadline));
//! }
//! assert_eq!(deadlines, [
//!     Some("2026-11-30T08:00:00Z".parse()?), // 2 office hours: Monday 09:00
//!     Some("2026-11-30T10:00:00Z".parse()?), // 4 office hours: Monday 11:00
//!     Some("2026-11-30T16:00:00Z".parse()?), // end of the next business day: Monday 17:00
//!     Some("2026-12-04T15:00:00Z".parse()?), // 5 business days later at 16:00
//! ]);
//! let term = contract.term().ok_or("no term")?;
//! let today = NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("date")?;
//! assert_eq!(term.next_renewal(today), NaiveDate::from_ymd_opt(2027, 4, 1));
//!
//! // The contract's hour budget: 16 hours a month, carried over for 3 months, then converted
//! // one to one.
//! let budget = contract.billing().hour_budget().ok_or("no hour budget")?;
//! let ledger = budget.ledger(&[600, 300, 1500, 0, 240, 900])?;
//! assert_eq!(ledger.months[0].granted, 960);
//! assert_eq!(ledger.total_development_minutes, ledger.total_expired.into());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: Kosmos, the door and the support levels
//!
//! Kosmos application maintenance (`examples/kosmos.rs`): the phone is for blocking incidents
//! already on the platform, during Kosmos's hours; guaranteed times count in French working
//! hours; the incident moves from the customer's N1 to Kosmos's N2 and N3.
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::contract::{IntakeDecision, IntakeRequest, Refusal};
//! use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident, Metric, MetricState};
//!
//! let catalog: Arc<Catalog> =
//!     Arc::new(serde_json::from_str(include_str!("../fixtures/contracts/kosmos.json"))?);
//! let customers: BTreeMap<String, ContractSpec> =
//!     serde_json::from_str(include_str!("../fixtures/contracts/kosmos-customers.json"))?;
//! let contract = Contract::new(catalog, customers["academie"].clone())?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let call = |at, severity, incident| IntakeRequest { at, severity, channel: "phone",
//!     contact: None, version: None, opened: &[], incident };
//! // A minor anomaly by phone, a blocking one phoned in at 20:00 Paris, and a blocking one
//! // phoned in as a new report are all refused.
//! assert!(matches!(contract.check_intake(&call(t("2026-11-24T09:00:00Z")?, "minor", None)),
//!                  Ok(IntakeDecision::Refused(Refusal::ChannelNotAllowed { .. }))));
//! assert!(matches!(contract.check_intake(&call(t("2026-11-24T19:00:00Z")?, "blocking", None)),
//!                  Ok(IntakeDecision::Refused(Refusal::ChannelClosed { .. }))));
//! assert!(matches!(contract.check_intake(&call(t("2026-11-24T10:00:00Z")?, "blocking", None)),
//!                  Ok(IntakeDecision::Refused(Refusal::EarlierReportRequired { .. }))));
//! // Tuesday 10:00 Paris on the platform; N2 at 11:00 answers at 11:30 and hands over to N3
//! // at 14:00; a workaround on Wednesday 15:00.
//! let incident: Incident = serde_json::from_str(r#"{"id": "TMA-88", "events": [
//!   {"at": "2026-11-24T09:00:00Z", "kind": "reported", "severity": "blocking",
//!    "channel": "platform", "contact": "n1@academie.example"},
//!   {"at": "2026-11-24T10:00:00Z", "kind": "level_changed", "level": "n2"},
//!   {"at": "2026-11-24T10:30:00Z", "kind": "responded"},
//!   {"at": "2026-11-24T13:00:00Z", "kind": "level_changed", "level": "n3"},
//!   {"at": "2026-11-25T14:00:00Z", "kind": "workaround_provided"}]}"#)?;
//! // Once it is on the platform, N2 may be phoned about it.
//! assert!(contract.check_intake(&call(t("2026-11-24T09:45:00Z")?, "blocking", Some(&incident)))?
//!     .accepted().is_some());
//! let now = t("2026-11-25T16:00:00Z")?;
//! let report = evaluate(&contract, &incident, now)?;
//! let workaround = report.metric(Metric::Workaround).ok_or("no workaround")?;
//! // 24 working hours of 09:00-17:30: Tuesday 7.5 h, Wednesday 8.5 h, Thursday 8 h.
//! assert_eq!(workaround.deadline, Some(t("2026-11-26T16:00:00Z")?));
//! assert_eq!(workaround.state, MetricState::Met);
//! let spans = contract.level_spans(&incident, now)?;
//! assert_eq!(spans.len(), 3);
//! assert_eq!(spans[1].held, TimeDelta::hours(3));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a deadline in business hours
//!
//! [`Calendar::add`] finds where an amount of business time ends, [`Calendar::sub`] where it
//! began, [`Calendar::between`] how much lies between two instants. A deadline is the
//! *earliest* such instant: one hour from 16:00 on a 09:00–17:00 calendar is 17:00 the same day.
//!
//! ```
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::Calendar;
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let desk: Calendar = serde_json::from_str(r#"{"timezone": "America/New_York",
//!     "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
//!               "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]},
//!     "holidays": [{"preset": "us"}]}"#)?;
//! // Friday 2026-11-20, 16:00 EST.
//! let friday = t("2026-11-20T21:00:00Z")?;
//! assert_eq!(desk.add(friday, TimeDelta::hours(1))?, t("2026-11-20T22:00:00Z")?);
//! // 9 hours: 1 on Friday, 8 on Monday, ends Monday 17:00 (not Tuesday 09:00).
//! assert_eq!(desk.add(friday, TimeDelta::hours(9))?, t("2026-11-23T22:00:00Z")?);
//! // 26 hours skip Thanksgiving (Thursday 26th): 25 by Wednesday 17:00, then Friday 10:00.
//! assert_eq!(desk.add(friday, TimeDelta::hours(26))?, t("2026-11-27T15:00:00Z")?);
//! // Back from Monday 10:00 by 2 hours: Friday 16:00.
//! assert_eq!(desk.sub(t("2026-11-23T15:00:00Z")?, TimeDelta::hours(2))?, friday);
//! assert_eq!(desk.between(friday, t("2026-11-23T15:00:00Z")?)?, TimeDelta::hours(2));
//! // Closed at the weekend; it opens on Monday 09:00 and closes at 17:00.
//! let saturday = t("2026-11-21T15:00:00Z")?;
//! assert!(!desk.is_open(saturday));
//! assert_eq!(desk.next_open(saturday)?, Some(t("2026-11-23T14:00:00Z")?));
//! assert_eq!(desk.next_close(t("2026-11-23T14:00:00Z")?)?, Some(t("2026-11-23T22:00:00Z")?));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: business days
//!
//! Business days are local dates on which a shift starts that are not holidays. "Five business
//! days later at the same local time" and "by the end of the next business day" are target
//! forms of their own.
//!
//! ```
//! use chrono::{DateTime, NaiveDate, Utc};
//! use slacalc::calendar::BusinessDays;
//! use slacalc::Calendar;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let london: Calendar = serde_json::from_str(r#"{"timezone": "Europe/London",
//!     "hours": {"mon": ["09:00-17:30"], "tue": ["09:00-17:30"], "wed": ["09:00-17:30"],
//!               "thu": ["09:00-17:30"], "fri": ["09:00-17:30"]},
//!     "holidays": [{"preset": "gb-eng"}]}"#)?;
//! // Christmas 2026 is a Friday, Boxing Day a Saturday: its substitute is Monday the 28th.
//! assert!(!london.is_business_day(d(2026, 12, 28)?));
//! assert_eq!(london.add_business_days(d(2026, 12, 24)?, BusinessDays(1))?, d(2026, 12, 29)?);
//! assert_eq!(london.add_business_days(d(2026, 12, 29)?, BusinessDays(-1))?, d(2026, 12, 24)?);
//! // A Saturday rolls to Monday first (forward for n >= 0).
//! assert_eq!(london.add_business_days(d(2026, 11, 21)?, BusinessDays(0))?, d(2026, 11, 23)?);
//! assert_eq!(london.business_days_between(d(2026, 12, 21)?, d(2027, 1, 4)?)?, BusinessDays(7));
//! // Thursday 24 December, 15:00 GMT: two business days later at the same local time, and by
//! // the end of the next business day.
//! let at = t("2026-12-24T15:00:00Z")?;
//! assert_eq!(london.business_days_later(at, BusinessDays(2))?, t("2026-12-30T15:00:00Z")?);
//! assert_eq!(london.end_of_business_day(at, BusinessDays(1))?, t("2026-12-29T17:30:00Z")?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: holidays and presets
//!
//! Holidays are plain dates, rules (fixed days, nth weekdays, Easter offsets, observed days) and
//! built-in presets; the [configuration reference](calendar#holidays-rules-and-presets)
//! lists every form.
//!
//! ```
//! use chrono::{Datelike, NaiveDate};
//! use slacalc::calendar::easter;
//! use slacalc::calendar::Holidays;
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
//! assert!(Holidays::PRESETS.contains(&"de-by"));
//! let bavaria = Holidays::preset("de-by")?;
//! let names: Vec<String> = bavaria.in_year(2026).into_iter().map(|h| h.name).collect();
//! assert!(names.iter().any(|n| n == "Corpus Christi"), "{names:?}");
//! assert!(bavaria.contains(d(2026, 6, 4)?));         // Corpus Christi: Easter + 60
//! assert!(!Holidays::preset("de")?.contains(d(2026, 6, 4)?));
//! assert_eq!(easter(2026), Some(d(2026, 4, 5)?));
//! // US federal holidays with observed days: Independence Day 2026 is a Saturday.
//! let us = Holidays::preset("us")?;
//! assert!(us.contains(d(2026, 7, 3)?));
//! assert_eq!(us.dates_in_year(2026).iter().filter(|d| d.month() == 7).count(), 2);
//! // Every preset describes itself.
//! assert!(!Holidays::preset_about("gb-eng")?.is_empty());
//! assert!(Holidays::preset("gb-scotland").is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a union of regions
//!
//! Follow-the-sun support is the union of regional calendars; "when support and the customer
//! are both open" is an intersection; service hours minus a maintenance window are a
//! difference. A combination is a calendar like any other (`examples/follow_the_sun.rs`).
//!
//! ```
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::Calendar;
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let office = |zone: &str| serde_json::from_str::<Calendar>(&format!(r#"{{"timezone": "{zone}",
//!     "hours": {{"mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
//!                "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}}}"#));
//! let (berlin, penang, denver) =
//!     (office("Europe/Berlin")?, office("Asia/Kuala_Lumpur")?, office("America/Denver")?);
//! let follow_the_sun = Calendar::union(&[berlin.clone(), penang.clone(), denver.clone()])?;
//! // Monday 2026-01-05 00:00 UTC to Saturday 00:00 UTC is covered without a gap (Penang
//! // 00:00-09:00, Berlin 07:00-16:00, Denver 15:00-24:00 UTC), 120 hours.
//! let (monday, saturday) = (t("2026-01-05T00:00:00Z")?, t("2026-01-10T00:00:00Z")?);
//! assert_eq!(follow_the_sun.between(monday, saturday)?, TimeDelta::hours(120));
//! // Berlin and Penang overlap 07:00-09:00 UTC; Berlin without Penang is 09:00-16:00 UTC.
//! assert_eq!(Calendar::intersection(&[berlin.clone(), penang.clone()])?.between(monday, saturday)?,
//!            TimeDelta::hours(10));
//! assert_eq!(berlin.difference(&[penang])?.next_open(monday)?, Some(t("2026-01-05T09:00:00Z")?));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a pause on the SLA clock
//!
//! [`Clock`] counts business time from a start, outside pauses, until a stop. Within a contract
//! the plan's `pauses` do the same from incident events (waiting on the customer), and each
//! metric's record lists its pauses and what caused them.
//!
//! ```
//! use std::sync::Arc;
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::{evaluate, Calendar, Catalog, Clock, ClockEvent, ClockEventKind, ClockState,
//!               Contract, ContractSpec, Incident, Metric, MetricState};
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let cal: Calendar = serde_json::from_str(r#"{"timezone": "UTC", "hours": {
//!     "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
//!     "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}"#)?;
//! let clock = Clock::from_events(&[
//!     ClockEvent::new(t("2024-03-01T09:00:00Z")?, ClockEventKind::Start),
//!     ClockEvent::new(t("2024-03-01T10:00:00Z")?, ClockEventKind::Pause),
//!     ClockEvent::new(t("2024-03-04T09:00:00Z")?, ClockEventKind::Resume),
//! ])?;
//! let reading = clock.read(&cal, TimeDelta::hours(4), t("2024-03-04T10:00:00Z")?)?;
//! assert_eq!((reading.state, reading.elapsed), (ClockState::Running, TimeDelta::hours(2)));
//! assert_eq!(reading.deadline, Some(t("2024-03-04T12:00:00Z")?));
//!
//! // The same in a contract: the resolution waits while the customer is asked for logs.
//! let catalog: Catalog = serde_json::from_str(r#"{"name": "Example",
//!   "severities": [{"key": "high", "name": "High"}],
//!   "calendars": {"utc-office": {"timezone": "UTC", "hours": {"mon": ["09:00-17:00"],
//!       "tue": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}},
//!   "plans": {"p": {"name": "P",
//!     "pauses": {"resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}]},
//!     "targets": {"high": {"resolution": {"within": "4h"}}}}}}"#)?;
//! let terms: ContractSpec = serde_json::from_str(
//!     r#"{"customer": "ACME", "plan": "p", "region": "utc-office"}"#)?;
//! let contract = Contract::new(Arc::new(catalog), terms)?;
//! let incident: Incident = serde_json::from_str(r#"{"id": "I-1", "events": [
//!     {"at": "2024-03-01T09:00:00Z", "kind": "reported", "severity": "high"},
//!     {"at": "2024-03-01T10:00:00Z", "kind": "awaiting_customer"},
//!     {"at": "2024-03-04T09:00:00Z", "kind": "customer_replied"}]}"#)?;
//! let report = evaluate(&contract, &incident, t("2024-03-04T10:00:00Z")?)?;
//! let resolution = report.metric(Metric::Resolution).ok_or("no resolution")?;
//! assert_eq!((resolution.state, resolution.elapsed), (MetricState::Running, TimeDelta::hours(2)));
//! assert_eq!(resolution.deadline, Some(t("2024-03-04T12:00:00Z")?));
//! assert_eq!(resolution.pauses.len(), 1);
//! assert_eq!(resolution.remaining, Some(TimeDelta::hours(2)));
//! // Serialized reports write durations in ISO 8601.
//! assert!(serde_json::to_string(&report)?.contains("\"PT2H\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a severity change and a reopening
//!
//! What happens when an incident is upgraded or reopened is configuration with documented
//! defaults ([policies](contract#catalogs-and-plans)): by default an upgrade
//! recomputes the new target from the report, but a breach is never dated before the upgrade
//! that brought it; a reopening resumes the old clock without counting the time it was resolved.
//!
//! ```
//! use std::sync::Arc;
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident, Metric, MetricState};
//!
//! let catalog: Catalog = serde_json::from_str(r#"{"name": "Example",
//!   "severities": [{"key": "high", "name": "High"}, {"key": "low", "name": "Low"}],
//!   "plans": {"p": {"name": "P", "targets": {
//!     "high": {"reaction": {"within": "1h", "clock": "24x7"},
//!              "resolution": {"within": "8h", "clock": "24x7"}},
//!     "low": {"reaction": {"within": "4h", "clock": "24x7"},
//!             "resolution": {"within": "3d", "clock": "24x7"}}}}}}"#)?;
//! let terms = ContractSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
//! let contract = Contract::new(Arc::new(catalog), terms)?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let incident: Incident = serde_json::from_str(r#"{"id": "I-1", "events": [
//!     {"at": "2026-03-02T10:00:00Z", "kind": "reported", "severity": "low"},
//!     {"at": "2026-03-02T11:30:00Z", "kind": "severity_changed", "severity": "high"},
//!     {"at": "2026-03-02T12:00:00Z", "kind": "responded"},
//!     {"at": "2026-03-02T13:00:00Z", "kind": "resolved"},
//!     {"at": "2026-03-02T15:00:00Z", "kind": "reopened"}]}"#)?;
//! let report = evaluate(&contract, &incident, t("2026-03-02T16:00:00Z")?)?;
//! // High's reaction counts from the report (due 11:00), breached at the upgrade, 11:30.
//! let reaction = report.metric(Metric::Reaction).ok_or("no reaction")?;
//! assert_eq!(reaction.deadline, Some(t("2026-03-02T11:00:00Z")?));
//! assert_eq!((reaction.state, reaction.breached_at),
//!            (MetricState::Breached, Some(t("2026-03-02T11:30:00Z")?)));
//! // The resolution ran 10:00-13:00, stood still while resolved, and resumed at 15:00.
//! let resolution = report.metric(Metric::Resolution).ok_or("no resolution")?;
//! assert_eq!((resolution.state, resolution.elapsed), (MetricState::Running, TimeDelta::hours(4)));
//! assert_eq!(resolution.deadline, Some(t("2026-03-02T20:00:00Z")?));
//! assert_eq!(resolution.pauses.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a ladder and the next wake-up
//!
//! A plan's ladder notifies people as an incident drags on; [`next_wake_up`] says when to look
//! again — the earliest instant anything discrete in the report changes. The
//! [ladder reference](guide::lifecycle#escalation-ladders) has every trigger.
//!
//! ```
//! use std::sync::Arc;
//! use chrono::{DateTime, Utc};
//! use slacalc::{evaluate, next_wake_up, Catalog, Contract, ContractSpec, Event, EventKind,
//!               Incident, StepState};
//!
//! let catalog: Catalog = serde_json::from_str(r#"{
//!   "name": "Example", "severities": [{"key": "crisis", "name": "Crisis"}],
//!   "plans": {"p": {"name": "P",
//!     "targets": {"crisis": {"reaction": {"within": "30m", "clock": "24x7"}}},
//!     "ladders": {"crisis": {
//!       "pauses": [{"from": "solution_proposed", "until": ["solution_rejected"]}],
//!       "steps": [{"after": "1d", "notify": "Director"}, {"after": "2d", "notify": "VP"}]}}}}
//! }"#)?;
//! let terms = ContractSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
//! let contract = Contract::new(Arc::new(catalog), terms)?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let incident = Incident::new("I-1", vec![
//!     Event::new(t("2026-03-02T10:00:00Z")?, EventKind::Reported {
//!         severity: "crisis".into(), channel: None, contact: None }),
//!     Event::new(t("2026-03-02T10:20:00Z")?, EventKind::Responded),
//!     Event::new(t("2026-03-02T12:00:00Z")?, EventKind::SolutionProposed),
//!     Event::new(t("2026-03-02T18:00:00Z")?, EventKind::SolutionRejected),
//! ])?;
//! let report = evaluate(&contract, &incident, t("2026-03-02T15:00:00Z")?)?;
//! assert_eq!((report.steps[0].state, report.steps[0].due), (StepState::Halted, None));
//! let report = evaluate(&contract, &incident, t("2026-03-03T12:00:00Z")?)?;
//! assert_eq!(report.steps[0].due, Some(t("2026-03-03T16:00:00Z")?)); // 6 hours halted
//! assert_eq!(next_wake_up(&contract, &incident, t("2026-03-03T12:00:00Z")?)?,
//!            Some(t("2026-03-03T16:00:00Z")?));
//! // After the last step nothing changes without new events.
//! assert_eq!(next_wake_up(&contract, &incident, t("2026-03-05T00:00:00Z")?)?, None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a fee
//!
//! AWS support prices (`fixtures/fees/aws.json`): the greater of a minimum or graduated
//! percentages of the month's usage, computed exactly and rounded once; the invoice explains
//! every line ([fee reference](money#fee-schedules)).
//!
//! ```
//! use std::collections::BTreeMap;
//! use rust_decimal::Decimal;
//! use slacalc::Money;
//! use slacalc::money::{FeeInputs, FeeSchedule};
//!
//! #[derive(serde::Deserialize)]
//! struct Prices { plans: BTreeMap<String, FeeSchedule> }
//! let aws: Prices = serde_json::from_str(include_str!("../fixtures/fees/aws.json"))?;
//! let usage = |amount: &str| -> Result<FeeInputs, Box<dyn std::error::Error>> {
//!     Ok(FeeInputs::new().with_amount("usage", amount.parse::<Money>()?))
//! };
//! // Developer: the greater of $29 or 3 %.
//! assert_eq!(aws.plans["developer"].invoice(&usage("500.00 USD")?)?.total,
//!            "29.00 USD".parse::<Money>()?);
//! // Business: 10 % of 10,000 + 7 % of 70,000 + 5 % of 20,000.
//! let invoice = aws.plans["business"].invoice(&usage("100000.00 USD")?)?;
//! assert_eq!(invoice.total, "6900.00 USD".parse::<Money>()?);
//! assert_eq!(invoice.lines.iter().map(|l| l.amount).sum::<Decimal>(), invoice.subtotal);
//! println!("{invoice}");
//! // Enterprise: at least $15,000.
//! assert_eq!(aws.plans["enterprise"].invoice(&usage("20000.00 USD")?)?.total,
//!            "15000.00 USD".parse::<Money>()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: time and materials
//!
//! COSYS's rates for work on third-party faults (the `billing.time_and_materials` of the
//! customer in `fixtures/contracts/cosys-customers.json`): an hourly rate, a surcharge outside
//! service hours, 15-minute increments and a daily cap
//! ([reference](calendar::TimeAndMaterials#configuration-reference)).
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use rust_decimal::Decimal;
//! use slacalc::money::WorkInterval;
//! use slacalc::{Catalog, Contract, ContractSpec, Money};
//!
//! let catalog: Arc<Catalog> =
//!     Arc::new(serde_json::from_str(include_str!("../fixtures/contracts/cosys.json"))?);
//! let customers: BTreeMap<String, ContractSpec> =
//!     serde_json::from_str(include_str!("../fixtures/contracts/cosys-customers.json"))?;
//! let contract = Contract::new(catalog, customers["logistics"].clone())?;
//! let rates = contract.billing().time_and_materials().ok_or("no rates")?;
//! // Monday 16 March 2026, 16:10-19:00 Berlin: 1 h 50 min within service hours, 1 h outside
//! // (+50 %), and 10 minutes to round 2 h 50 min up to 3 h.
//! let work = [WorkInterval::new("2026-03-16T15:10:00Z".parse()?, "2026-03-16T18:00:00Z".parse()?)];
//! let invoice = rates.invoice(&work)?;
//! assert_eq!(invoice.lines.len(), 3);
//! assert_eq!(invoice.lines.iter().map(|l| l.amount).sum::<Decimal>(), invoice.subtotal);
//! // 229.1666… + 187.50 + 20.8333… = 437.50, rounded once.
//! assert_eq!(invoice.total, "437.50 EUR".parse::<Money>()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a case quota at the door
//!
//! Comarch Basic includes 10 cases per calendar quarter; the eleventh is refused when it is
//! reported ([quota reference](money#case-quotas)).
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use chrono::{DateTime, Utc};
//! use slacalc::contract::{IntakeDecision, IntakeRequest, Refusal};
//! use slacalc::{Catalog, Contract, ContractSpec};
//!
//! let catalog: Arc<Catalog> =
//!     Arc::new(serde_json::from_str(include_str!("../fixtures/contracts/comarch.json"))?);
//! let customers: BTreeMap<String, ContractSpec> =
//!     serde_json::from_str(include_str!("../fixtures/contracts/comarch-customers.json"))?;
//! let basic = Contract::new(catalog, customers["basic"].clone())?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let opened: Vec<DateTime<Utc>> = (1..=9)
//!     .map(|day| t(&format!("2026-01-{day:02}T10:00:00Z"))).collect::<Result<_, _>>()?;
//! let request = |at, opened| IntakeRequest { at, severity: "4", channel: "ticket",
//!     contact: Some("admin@beispiel-handel.example"), version: None, opened, incident: None };
//! // The tenth case of the quarter is included, and uses the quota up.
//! let decision = basic.check_intake(&request(t("2026-03-02T10:00:00Z")?, &opened))?;
//! let quota = decision.accepted().and_then(|i| i.quota.as_ref()).ok_or("no quota")?;
//! assert_eq!((quota.used, quota.remaining), (10, 0));
//! let ten: Vec<_> = opened.iter().copied().chain([t("2026-03-02T10:00:00Z")?]).collect();
//! assert!(matches!(basic.check_intake(&request(t("2026-03-03T10:00:00Z")?, &ten)),
//!                  Ok(IntakeDecision::Refused(Refusal::QuotaExhausted { .. }))));
//! // A new quarter, a new allowance.
//! assert!(matches!(basic.check_intake(&request(t("2026-04-01T10:00:00Z")?, &ten)),
//!                  Ok(IntakeDecision::Accepted(_))));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: availability and a service credit
//!
//! COSYS's availability agreement (the `billing` of the customer in
//! `fixtures/contracts/cosys-customers.json`): 99 % in service hours minus a weekly
//! maintenance window; the credit it earns when missed
//! ([availability reference](availability#configuration-reference)). The
//! [monthly statement](#recipe-a-monthly-statement) does the same in one call.
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::availability::{MaintenanceWindow, Outage};
//! use slacalc::money::{CreditInputs, FeeInputs};
//! use slacalc::{Catalog, Contract, ContractSpec, Money, TargetOutcome};
//!
//! let catalog: Arc<Catalog> =
//!     Arc::new(serde_json::from_str(include_str!("../fixtures/contracts/cosys.json"))?);
//! let customers: BTreeMap<String, ContractSpec> =
//!     serde_json::from_str(include_str!("../fixtures/contracts/cosys-customers.json"))?;
//! let contract = Contract::new(catalog, customers["logistics"].clone())?;
//! let billing = contract.billing();
//! let fee = billing.fee().ok_or("no fee")?.invoice(&FeeInputs::new())?.total;
//! let credits = billing.credits().ok_or("no credits")?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! // March 2026 in Berlin, with a one-off window on Thursday 19 March, 14:00-16:00.
//! let agreement = billing.availability().ok_or("no agreement")?.with_windows([MaintenanceWindow::new(
//!     t("2026-03-19T13:00:00Z")?, t("2026-03-19T15:00:00Z")?)?]);
//! let outages = [Outage::new(t("2026-03-10T08:00:00Z")?, t("2026-03-10T11:15:00Z")?),
//!                Outage::new(t("2026-03-25T15:30:00Z")?, t("2026-03-25T18:00:00Z")?)];
//! let month = agreement.credit(t("2026-02-28T23:00:00Z")?, t("2026-03-31T22:00:00Z")?, &outages,
//!                              credits, CreditInputs::new(fee))?;
//! assert_eq!(month.availability.service_time, TimeDelta::hours(214));
//! assert_eq!(month.availability.downtime, TimeDelta::minutes(225));
//! assert_eq!(month.availability.outcome, TargetOutcome::Missed);
//! // Below 99 % but not below 98 %: 5 % of 2,500 EUR.
//! assert_eq!(month.credit.total, "125.00 EUR".parse::<Money>()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a monthly statement
//!
//! COSYS's March 2026 for its customer, from the contract alone (its `billing` in
//! `fixtures/contracts/cosys-customers.json`): the fee, a day of extended service hours,
//! third-party work, the availability and the credit it earns; every line names the
//! configuration it comes from ([money terms](statement#configuration-reference),
//! [`statement`]).
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use chrono::{DateTime, Utc};
//! use rust_decimal::Decimal;
//! use slacalc::availability::{MaintenanceWindow, Outage};
//! use slacalc::money::{FeeInputs, WorkInterval};
//! use slacalc::statement::Usage;
//! use slacalc::{Catalog, Contract, ContractSpec, Money, Statement, TargetOutcome};
//!
//! let catalog: Arc<Catalog> =
//!     Arc::new(serde_json::from_str(include_str!("../fixtures/contracts/cosys.json"))?);
//! let customers: BTreeMap<String, ContractSpec> =
//!     serde_json::from_str(include_str!("../fixtures/contracts/cosys-customers.json"))?;
//! let contract = Contract::new(catalog, customers["logistics"].clone())?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let usage = Usage::new()
//!     .with_fee_inputs(FeeInputs::new().with_quantity("extension_days", Decimal::ONE))
//!     // A one-off window on Thursday 19 March, 14:00-16:00 Berlin.
//!     .with_maintenance_windows([MaintenanceWindow::new(t("2026-03-19T13:00:00Z")?,
//!                                                       t("2026-03-19T15:00:00Z")?)?])
//!     .with_outages([Outage::new(t("2026-03-10T08:00:00Z")?, t("2026-03-10T11:15:00Z")?),
//!                    Outage::new(t("2026-03-25T15:30:00Z")?, t("2026-03-25T18:00:00Z")?)])
//!     // Tuesday 17 March 08:00-17:30 Berlin: 9.5 h × 125, capped at the day rate 950.
//!     .with_work([WorkInterval::new(t("2026-03-17T07:00:00Z")?, t("2026-03-17T16:30:00Z")?)]);
//! let march = Statement::compute(&contract, "2026-03".parse()?, &[], &usage,
//!                                t("2026-04-01T00:00:00Z")?)?;
//! let availability = march.availability.as_ref().ok_or("no agreement")?;
//! assert_eq!(availability.outcome, TargetOutcome::Missed); // 98.25 % of 214 h
//! let total = march.total.ok_or("no amounts")?;
//! // 2,500 + 350 + 950 = 3,800; below 99 %: 5 % of the 2,500 fee back.
//! assert_eq!(total.charges, "3800.00 EUR".parse::<Money>()?);
//! assert_eq!(total.credit, "125.00 EUR".parse::<Money>()?);
//! assert_eq!(total.due, "3675.00 EUR".parse::<Money>()?);
//! let text = march.to_string();
//! assert!(text.contains("billing.time_and_materials.daily_rate"));
//! assert!(text.contains("0 incidents breached"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a compliance report
//!
//! Many incidents of a month, against "95 % of reactions in time": counts, compliance,
//! statistics, a table and CSV ([report reference](report#configuration-reference)).
//!
//! ```
//! use std::sync::Arc;
//! use rust_decimal::Decimal;
//! use slacalc::report::{evaluate_all, ComplianceReport, ComplianceTargets};
//! use slacalc::time::Period;
//! use slacalc::{Catalog, Contract, ContractSpec, Incident, TargetOutcome};
//!
//! let catalog: Catalog = serde_json::from_str(r#"{"name": "Example",
//!   "severities": [{"key": "high", "name": "High"}],
//!   "plans": {"p": {"name": "P", "targets": {"high": {"reaction": {"within": "1h", "clock": "24x7"}}}}}}"#)?;
//! let terms = ContractSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
//! let acme = Contract::new(Arc::new(catalog), terms)?;
//! let incident = |id: &str, reported: &str, responded: &str| serde_json::from_str::<Incident>(
//!     &format!(r#"{{"id": "{id}", "events": [
//!         {{"at": "{reported}", "kind": "reported", "severity": "high"}},
//!         {{"at": "{responded}", "kind": "responded"}}]}}"#));
//! let incidents = vec![
//!     incident("A-1", "2026-11-02T09:00:00Z", "2026-11-02T09:20:00Z")?,
//!     incident("A-2", "2026-11-03T09:00:00Z", "2026-11-03T09:50:00Z")?,
//!     incident("A-3", "2026-11-04T09:00:00Z", "2026-11-04T11:00:00Z")?, // late
//!     incident("A-4", "2026-12-01T09:00:00Z", "2026-12-01T09:10:00Z")?, // December
//! ];
//! // Each incident with its contract, as for `evaluate_all`.
//! let pairs: Vec<_> = incidents.iter().map(|i| (&acme, i)).collect();
//! let targets: ComplianceTargets = serde_json::from_str(r#"{"default": {"reaction": "95"}}"#)?;
//! let now = "2026-12-02T00:00:00Z".parse()?;
//! let report = ComplianceReport::build(&pairs, &"2026-11".parse::<Period>()?, &targets, now);
//! let row = &report.rows[0];
//! assert_eq!((row.incidents, row.met, row.breached, report.outside_period), (3, 2, 1, 1));
//! assert_eq!(row.compliance, Some("66.66".parse::<Decimal>()?)); // rounded toward zero
//! assert_eq!(row.outcome, Some(TargetOutcome::Missed));
//! assert!(report.csv().to_string().lines().count() == 2);
//! println!("{report}");
//! // The same incidents one by one: one result per incident, in input order.
//! let reports = evaluate_all(&pairs, now);
//! assert_eq!(reports.len(), 4);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: a queue across plans
//!
//! Which open incident to work on next, across customers on different plans, and why
//! ([queue reference](queue#configuration-reference)).
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use slacalc::queue::{order, QueueConfig, QueueEntry};
//! use slacalc::{Catalog, Contract, ContractSpec, Incident};
//!
//! let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
//!     "../fixtures/contracts/comarch.json"))?);
//! let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(include_str!(
//!     "../fixtures/contracts/comarch-customers.json"))?;
//! let now = "2026-03-10T10:00:00Z".parse()?;
//! let mut entries = Vec::new();
//! for (customer, id) in [("basic", "CCI-1"), ("premium", "CCI-2")] {
//!     let contract = Contract::new(catalog.clone(), customers[customer].clone())?;
//!     let incident: Incident = serde_json::from_str(&format!(r#"{{"id": "{id}", "events": [
//!         {{"at": "2026-03-10T08:00:00Z", "kind": "reported", "severity": "3"}}]}}"#))?;
//!     entries.push(QueueEntry::new(&contract, &incident, now)?);
//! }
//! let queue = order(&QueueConfig::default(), &entries);
//! let first = queue.get(0).ok_or("empty")?;
//! assert_eq!(&*first.entry.incident, "CCI-2");
//! assert_eq!(
//!     first.ahead_of.ok_or("alone")?.to_string(),
//!     "same severity, plan premium ahead of basic (queue priority 2 vs 0)"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: an agenda over many incidents
//!
//! One timer for every open incident ([agenda reference](agenda)): sleep until
//! `next_instant`, act on what `pop` hands over, and tell the agenda when an incident gains an
//! event. A Cumulocity Crisis with its Management Assistance Process beside a Comarch Premium
//! incident (`examples/agenda.rs` replays a whole day).
//!
//! ```
//! use std::collections::BTreeMap;
//! use std::sync::Arc;
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::agenda::Agenda;
//! use slacalc::{Catalog, Contract, ContractSpec, Event, EventKind, Incident};
//!
//! let contract = |catalog: &str, customers: &str, key: &str| -> Result<_, Box<dyn std::error::Error>> {
//!     let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(catalog)?);
//!     let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(customers)?;
//!     Ok(Arc::new(Contract::new(catalog, customers[key].clone())?))
//! };
//! let muster = contract(include_str!("../fixtures/contracts/cumulocity.json"),
//!     include_str!("../fixtures/contracts/cumulocity-customers.json"), "emea-de")?;
//! let bank = contract(include_str!("../fixtures/contracts/comarch.json"),
//!     include_str!("../fixtures/contracts/comarch-customers.json"), "premium")?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let reported = |id: &str, at: &str, severity: &str| -> Result<Incident, Box<dyn std::error::Error>> {
//!     Ok(Incident::new(id, vec![Event::new(t(at)?, EventKind::Reported {
//!         severity: severity.into(), channel: Some("phone".into()), contact: None })])?)
//! };
//! // Monday 2026-03-09, 10:00 Berlin: a Crisis, answered within its 30 minutes.
//! let mut crisis = reported("C8Y-1", "2026-03-09T09:00:00Z", "crisis")?;
//! crisis.push(Event::new(t("2026-03-09T09:10:00Z")?, EventKind::Responded))?;
//! crisis.push(Event::new(t("2026-03-09T11:00:00Z")?, EventKind::ResolutionPlanProvided))?;
//! let mut agenda = Agenda::new(t("2026-03-09T12:00:00Z")?);
//! let c8y = agenda.insert(muster.clone(), crisis.clone())?;
//! // Tuesday 09:30 Berlin: the bank reports a severity 2 (1 hour, 24x7).
//! let mut log = Vec::new();
//! let mut run_until = |agenda: &mut Agenda, until: DateTime<Utc>| {
//!     while agenda.next_instant().is_some_and(|next| next <= until) {
//!         for item in agenda.pop() {
//!             log.push(item.to_string());
//!         }
//!     }
//! };
//! run_until(&mut agenda, t("2026-03-10T08:30:00Z")?);
//! agenda.advance(t("2026-03-10T08:30:00Z")?)?;
//! agenda.insert(bank, reported("CCI-1", "2026-03-10T08:30:00Z", "2")?)?;
//! // 12:00 Berlin: the Crisis team proposes a solution, which halts the ladder.
//! run_until(&mut agenda, t("2026-03-10T11:00:00Z")?);
//! agenda.advance(t("2026-03-10T11:00:00Z")?)?;
//! crisis.push(Event::new(t("2026-03-10T11:00:00Z")?, EventKind::SolutionProposed))?;
//! agenda.update(c8y, muster, crisis)?;
//! run_until(&mut agenda, t("2026-03-11T11:00:00Z")?);
//! assert_eq!(log, [
//!     // One day of wall time after the Crisis was reported.
//!     "2026-03-10 09:00:00 UTC C8Y-1 (Muster Maschinenbau GmbH (Germany)): \
//!      escalation step 0 to Regional Director Support (24h @ 24x7)",
//!     // The bank's hour ran out at 10:30 Berlin.
//!     "2026-03-10 09:30:00.000000001 UTC CCI-1 (Exempel Bank SE): reaction breached",
//! ]);
//! // The day-2 step (Wednesday 10:00 Berlin) waits for the customer's test, so nothing is due.
//! assert_eq!(agenda.next_instant(), None);
//! assert!(agenda.due_before(t("2026-03-10T09:00:00Z")? + TimeDelta::days(30)).is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Recipe: an SVG timeline
//!
//! An incident's events, each metric's clock with business hours shaded, pauses hatched,
//! deadlines and a `now` line, as deterministic SVG text.
//!
//! ```
//! use std::sync::Arc;
//! use slacalc::report::{timeline, Marker};
//! use slacalc::{evaluate, Catalog, Contract, ContractSpec, Incident};
//!
//! let catalog: Catalog = serde_json::from_str(r#"{"name": "Example",
//!   "severities": [{"key": "high", "name": "High"}],
//!   "calendars": {"office": {"timezone": "Europe/Berlin", "hours": {"mon": ["08:00-17:00"],
//!       "tue": ["08:00-17:00"], "wed": ["08:00-17:00"], "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}},
//!   "plans": {"p": {"name": "P", "targets": {"high": {"reaction": {"within": "4h"}}}}}}"#)?;
//! let terms: ContractSpec = serde_json::from_str(
//!     r#"{"customer": "Smith & Sons", "plan": "p", "region": "office"}"#)?;
//! let contract = Contract::new(Arc::new(catalog), terms)?;
//! let incident: Incident = serde_json::from_str(r#"{"id": "S-1", "events": [
//!     {"at": "2026-11-27T15:00:00Z", "kind": "reported", "severity": "high"},
//!     {"at": "2026-11-30T09:00:00Z", "kind": "responded"}]}"#)?;
//! let now = "2026-11-30T12:00:00Z".parse()?;
//! let report = evaluate(&contract, &incident, now)?;
//! let markers = [Marker::new("called the customer", "2026-11-30T08:00:00Z".parse()?)];
//! let svg = timeline(&contract, &incident, &report, &markers);
//! assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
//! assert!(svg.contains("Smith &amp; Sons") && svg.contains("called the customer"));
//! // Same input, same bytes.
//! assert_eq!(svg, timeline(&contract, &incident, &report, &markers));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]
// Library code never panics on input: no unwrap/expect/panic!/unchecked indexing in src/
// (tests may use them).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod agenda;
pub mod availability;
pub mod calendar;
mod clock;
mod config;
pub mod contract;
mod error;
mod evaluate;
pub mod guide;
mod incident;
pub mod money;
mod outcome;
pub mod queue;
pub mod report;
pub mod statement;
pub mod time;

#[cfg(test)]
mod testing;

pub use calendar::model::Calendar;
pub use clock::{Clock, ClockEvent, ClockEventKind, ClockReading, ClockState};
pub use contract::agreement::{Contract, ContractSpec};
pub use contract::catalog::Catalog;
pub use contract::metric::Metric;
pub use error::{Error, Result};
pub use evaluate::{
    evaluate, next_wake_up, Cycle, MetricReport, MetricState, PauseInterval, Report, StepReport,
    StepState,
};
pub use incident::{Event, EventKind, EventTag, Incident};
pub use money::currency::Money;
pub use outcome::TargetOutcome;
pub use statement::model::Statement;

/// The release of the IANA tz database this build uses (`"2025b"`, say): that of the
/// chrono-tz the build links, `chrono_tz::IANA_TZDB_VERSION`. slacalc depends on a semver
/// range of chrono-tz, so the host's `Cargo.lock` decides it; `cargo update -p chrono-tz`
/// takes newer data. See [the calendar docs](calendar#time-zone-data).
pub const TZDB_VERSION: &str = chrono_tz::IANA_TZDB_VERSION;

/// The README's example, run as a doctest so that the README stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
