//! Which period an incident belongs to: the local date of its report in its contract's zone.

use chrono::{DateTime, NaiveDate, Utc};

use crate::contract::Contract;
use crate::time::Period;

/// The local date an incident reported at `reported_at` is attributed to: its date in the
/// zone of the contract's business calendar, or in UTC when that calendar has no single zone.
///
/// ```
/// use std::sync::Arc;
/// use slacalc::{Catalog, ContractSpec};
/// use slacalc::report::attribution_date;
/// use slacalc::Contract;
///
/// let catalog: Catalog = serde_json::from_str(r#"{"name": "Desk",
///   "severities": [{"key": "high", "name": "High"}],
///   "calendars": {"berlin": {"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]}}},
///   "plans": {"std": {"name": "Standard", "targets": {"high": {"reaction": {"within": "4h"}}}}}
/// }"#)?;
/// let contract = Contract::new(Arc::new(catalog), ContractSpec {
///     customer: "Acme".into(), plan: "std".into(), region: Some("berlin".into()),
///     ..ContractSpec::default()
/// })?;
/// // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin.
/// let date = attribution_date(&contract, "2026-11-30T23:30:00Z".parse()?);
/// assert_eq!(date.to_string(), "2026-12-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn attribution_date(contract: &Contract, reported_at: DateTime<Utc>) -> NaiveDate {
    // Within hours of chrono's last instant the local date may not exist; such an incident
    // is attributed by its UTC date (no reporting period reaches that far).
    contract
        .business_calendar()
        .local_date(reported_at)
        .unwrap_or_else(|_| reported_at.date_naive())
}

/// Whether an incident of `contract` reported at `reported_at` belongs to `period` (see
/// [`attribution_date`]).
pub(super) fn belongs_to(period: &Period, contract: &Contract, reported_at: DateTime<Utc>) -> bool {
    period.contains(attribution_date(contract, reported_at))
}
