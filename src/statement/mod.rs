//! A customer's monthly statement: what the contract charges and credits for a month, from
//! its money terms, its incidents, outages and usage.
//!
//! [`Statement::compute`](crate::Statement::compute) reads the money terms a contract
//! carries ([`Contract::billing`](crate::Contract::billing): the contract's `billing`, with the
//! plan's published `fee` when the contract gives none — see the
//! [configuration reference](crate::contract#money-terms-and-the-monthly-statement)) and
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
//! The seeds: Comarch publishes its prices per plan (the catalog's `plans.<key>.fee`) and
//! Basic's case quota; COSYS agrees a fee, an availability target with credits, a day of
//! extended service hours and third-party work with each customer (`billing`); CIIT's
//! contract grants maintenance hours that become development hours. None of the seed
//! contracts defines credits per breached incident; the credit policy supports them
//! (`per_breach`) and the statement feeds them from the incidents that breached in the month.
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
