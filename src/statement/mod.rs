//! A customer's monthly statement: what the contract charges and credits for a month, from
//! its money terms, its incidents, outages and usage.
//!
//! [`Statement::compute`](crate::Statement::compute) reads the money terms a contract
//! carries ([`Contract::billing`](crate::Contract::billing): the contract's `billing`, with the
//! plan's published `fee` when the contract gives none — see the
//! [configuration reference](#configuration-reference)) and
//! computes, for one calendar month, one [`Statement`](crate::Statement): fee, extras, time
//! and materials, cases beyond the quota, availability, breached incidents, the service
//! credit, the case quota and the hour budget's month. It adds no arithmetic of its own: every
//! amount is an [`Invoice`](crate::money::Invoice) of the money module (fee schedules, time and
//! materials, case quotas, credit policies) and the availability is the availability
//! module's, so each part is explained line by line and rounded once, and the totals are exact
//! sums of the parts.
//!
//! The month's usage is a [`Usage`]: the fee's inputs, outages, one-off maintenance windows,
//! work billed as time and materials, and maintenance minutes by month:
//!
//! ```
//! use slacalc::statement::Usage;
//!
//! let usage: Usage = serde_json::from_str(r#"{
//!   "fee_inputs": { "amounts": { "usage": "15000.00 EUR" },
//!                   "quantities": { "extension_days": "1" } },
//!   "outages": [ { "start": "2026-03-10T08:00:00Z", "end": "2026-03-10T11:15:00Z" } ],
//!   "maintenance_windows": [ { "start": "2026-03-19T13:00:00Z", "end": "2026-03-19T15:00:00Z" } ],
//!   "work": [ { "start": "2026-03-16T15:10:00Z", "end": "2026-03-16T18:00:00Z" } ],
//!   "maintenance_minutes": { "2026-02": 600, "2026-03": 1500 }
//! }"#)?;
//! assert_eq!(usage.maintenance_minutes.len(), 2);
//! // Unknown fields and a month given twice are refused.
//! assert!(serde_json::from_str::<Usage>(r#"{"outage": []}"#).is_err());
//! assert!(serde_json::from_str::<Usage>(
//!     r#"{"maintenance_minutes": {"2026-02": 1, "2026-02": 2}}"#).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The seeds: Comarch publishes its prices per plan (the catalog's `plans.<key>.fee`,
//! `fixtures/contracts/comarch.json`) and Basic's case quota; COSYS agrees a fee, an
//! availability target with credits, a day of extended service hours and third-party work with
//! each customer (`billing`, `cosys-customers.json`); CIIT's contract grants maintenance hours
//! that become development hours (`ciit-customers.json`). None of the seed contracts defines
//! credits per breached incident; the credit policy supports them (`per_breach`) and the
//! statement feeds them from the incidents that breached in the month. Cumulocity agrees "the
//! agreed-upon support and maintenance fees" with no figures, so its fixture has no fee.
//!
//! # Configuration reference
//!
//! The money terms live in the same documents as the service levels. What a vendor publishes
//! for everyone goes into the catalog's plans; what is agreed with one customer goes into the
//! contract's `billing` ([`BillingSpec`](crate::contract::BillingSpec)) — the split the seed
//! contracts make:
//!
//! | where | field | meaning |
//! | --- | --- | --- |
//! | plan | `fee` | the plan's published monthly price, a [fee schedule](crate::money#fee-schedules) (Comarch: Basic included, Advanced 1,500 EUR plus graduated percentages of the usage fee, Premium 10,000 EUR) |
//! | plan | `entitlements.quota` | cases per period, refused or charged beyond it ([case quotas](crate::money#case-quotas); Comarch Basic: 10 a quarter) |
//! | contract | `billing.fee` | the agreed monthly fee; replaces the plan's `fee` (COSYS: "contact your sales representative") |
//! | contract | `billing.extras` | further services by name, each a fee schedule on the month's inputs, not part of the fee credits refer to (COSYS: extending the service hours by the day) |
//! | contract | `billing.credits` | the [credit policy](crate::money#service-credits): by availability, per breached incident by severity, a cap |
//! | contract | `billing.availability` | the [availability agreement](crate::availability#configuration-reference) (COSYS: 99 % in service times) |
//! | contract | `billing.hour_budget` | maintenance hours per month from the contract's `start`, carried over, converted ([hour budgets](crate::money#hour-budgets); CIIT) |
//! | contract | `billing.time_and_materials` | [hourly and daily rates](crate::calendar::TimeAndMaterials#configuration-reference) (COSYS: third-party work) |
//! | contract | `billing.about` | where the terms come from, in words |
//!
//! Every part is optional and refuses unknown fields. [`Contract::new`](crate::Contract::new)
//! validates them together, into [`Contract::billing`](crate::Contract::billing), with paths:
//! each part's own errors (`billing.fee.fee.fixed: …`, `plans.std.fee.…`); one currency for
//! every amount (fee, extras, credits, time and materials, a charging quota — a part in
//! another currency is `CurrencyMismatch` naming it and where the first currency came from);
//! per-breach credits only for the catalog's severities; credits by availability only with an
//! availability agreement; percentages of the fee only with a fee; an hour budget only with a
//! contract `start` (or `term`).
//!
//! ```
//! use std::sync::Arc;
//! use slacalc::{Catalog, Contract, ContractSpec};
//!
//! let catalog: Catalog = serde_json::from_str(r#"
//! {
//!   "name": "Desk",
//!   "severities": [ { "key": "critical", "name": "Critical" } ],
//!   "plans": { "std": { "name": "Standard",
//!     "targets": { "critical": { "reaction": { "within": "1h", "clock": "24x7" } } },
//!     "entitlements": { "quota": { "cases": 10, "per": "quarter",
//!                                  "overage": { "charge": { "price": "80.00 EUR" } } } },
//!     "fee": { "currency": "EUR", "fee": { "fixed": "1000.00 EUR" } } } }
//! }"#)?;
//! let terms: ContractSpec = serde_json::from_str(r#"
//! {
//!   "customer": "ACME", "plan": "std", "start": "2026-01-01",
//!   "billing": {
//!     "about": "agreed on 2025-12-01",
//!     "fee": { "currency": "EUR", "fee": { "fixed": "900.00 EUR" } },
//!     "extras": { "callout": { "currency": "EUR",
//!       "fee": { "per_unit": { "quantity": "callouts", "price": "150.00 EUR" } } } },
//!     "credits": { "currency": "EUR", "per_breach": { "critical": "100.00 EUR" },
//!                  "cap": { "percent_of_fee": "15" } },
//!     "hour_budget": { "monthly_hours": "8", "carry_over_months": 1 },
//!     "time_and_materials": { "currency": "EUR", "hourly_rate": "120.00 EUR",
//!                             "timezone": "Europe/Berlin" }
//!   }
//! }"#)?;
//! let catalog = Arc::new(catalog);
//! let contract = Contract::new(catalog.clone(), terms.clone())?;
//! assert_eq!(contract.billing().fee_path(), "billing.fee");
//! assert_eq!(contract.billing().currency().map(|c| c.code()), Some("EUR"));
//!
//! // A part in another currency is named, with where the first one came from.
//! let mut dollars = terms.clone();
//! if let Some(b) = dollars.billing.as_mut() {
//!     let rates = b.time_and_materials.as_mut().ok_or("no rates")?;
//!     (rates.currency, rates.hourly_rate) = ("USD".into(), "130.00 USD".into());
//! }
//! let error = Contract::new(catalog.clone(), dollars).err().ok_or("accepted")?;
//! assert_eq!(error.to_string(), "billing.time_and_materials.currency: currency mismatch: \
//!     expected EUR (the currency of `billing.fee.currency`), found USD");
//! // A per-breach credit for a severity the catalog does not have.
//! let mut unknown = terms.clone();
//! if let Some(b) = unknown.billing.as_mut() {
//!     b.credits = Some(serde_json::from_str(r#"{"currency": "EUR",
//!         "per_breach": {"critical": "100.00 EUR", "blocker": "50.00 EUR"}}"#)?);
//! }
//! let error = Contract::new(catalog, unknown).err().ok_or("accepted")?;
//! assert_eq!(error.to_string(),
//!     "billing.credits.per_breach: unknown severity `blocker`: expected one of critical");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Layers
//!
//! The statement sits on top of the crate: it reads contracts, evaluates incidents, measures
//! availability, attributes cases to dates as compliance reports do
//! ([`report::attribution_date`](crate::report::attribution_date)) and prices with
//! [`money`](crate::money); nothing imports it.

mod compute;
pub(crate) mod model;
mod usage;

pub use model::{BreachedIncident, StatementItem, StatementPart, StatementTotal};
pub use usage::Usage;
