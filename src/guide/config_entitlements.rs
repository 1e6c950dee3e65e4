//! Configuration reference: entitlements (channels, contacts, quotas, support levels), a
//! contract's contacts and term, extended maintenance, and the product lifecycle.
//!
//! A plan's `entitlements` say who may ask for what and how; a contract's terms add the named
//! contacts, the contract term and extended-maintenance agreements; a catalog may carry the
//! product's lifecycle. [`Contract::check_intake`](crate::Contract::check_intake)`(&IntakeRequest
//! { at, severity, channel, contact, version, opened, incident })` applies it all at the door and
//! returns an [`Intake`](crate::contract::Intake) (quota usage, version status, whether a
//! follow-up contact starts the clock) or a typed [`Refusal`](crate::contract::Refusal):
//! `OutsideTerm`, `UnknownSeverity`, `UnknownContact`, `ChannelNotOffered`, `ChannelClosed` (with
//! when it opens), `ChannelNotAllowed`, `EarlierReportRequired` (a channel only for incidents
//! already reported through another, Kosmos's phone), `UnsupportedVersion`, `QuotaExhausted`.
//!
//! | piece | meaning |
//! | --- | --- |
//! | `channels` | the channels offered (empty: any); `hours` names the clock during which a channel is staffed (default `24x7`); `only_after_report_via` lists channels an incident must already have been reported through (Kosmos: the phone only for incidents already on the platform; pass the incident as `IntakeRequest::incident`) |
//! | `channel_rules` | for some severities, on `any` day (default), `business_days` or `non_business_days`, the channels allowed |
//! | `contacts` | how many named contacts a contract of the plan must name (`max` absent: unlimited); checked when the contract is built |
//! | `quota` | cases per `month`, `quarter` or `year`, with `overage` `refuse` or `{"charge": {"price": "50.00 EUR"}}` ([quotas](super::config_money#case-quotas)) |
//! | `levels` | support levels, first = where incidents start; `level_changed` events move an incident, only along `escalates_to` (or back); [`Contract::level_spans(incident, now)`](crate::Contract::level_spans) reports who held it for how much business time. A target may start when a level takes over: `"start": {"at_level": "n3"}` (COSYS's times run from the hand-over to its third level) |
//!
//! A contract's `contacts` (`[{"name": "atc@…", "region": "apj"}]`) name the people who may open
//! incidents; an incident reported by a contact with a default region has its `business` clock in
//! that region's hours ("work progresses in the business hours of the contact's default region").
//! `term` (`{"start", "initial_months", "renewal_months", "notice_months", "notice_given"}`) gives
//! [`Term`](crate::contract::Term)`::is_active`, `current_term`, `next_renewal`
//! and `notice_deadline` (the last day to give notice: the end of the term minus the notice
//! period, minus a day). The catalog's `lifecycle` (`{"product", "sustained_months", "versions":
//! [{"version": "10.18", "end_of_maintenance": "2025-12-31", "latest": "10.18.12"}]}`) gives each
//! version `X.Y.Z` a [`SupportStatus`](crate::contract::SupportStatus) on a date — `full`,
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
//! let intake = contract.check_intake(&sustained)?.accepted().cloned().ok_or("refused")?;
//! let version = intake.version.ok_or("no version status")?;
//! assert_eq!(version.support, SupportStatus::Sustained);
//! assert!(!version.latest_service_pack);
//! assert_eq!(intake.quota.map(|q| q.used), Some(1));
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
