//! The report's shape: one row per contract, severity and metric, the failures, and the
//! report that holds them.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

use super::stats::DurationStats;
use crate::contract::Metric;
use crate::error::Error;
use crate::evaluate::TargetOutcome;
use crate::time::Period;

/// One row of a compliance report: a contract (or `(all)`), a severity and a metric.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplianceRow {
    /// The customer (`(all)` in totals).
    pub customer: String,
    /// The plan's key (`(all)` in totals).
    pub plan: String,
    /// The severity key (in force at `now`).
    pub severity: String,
    /// The metric.
    pub metric: Metric,
    /// Incidents in the row: `met + breached + open + not_covered + not_applicable`.
    pub incidents: u64,
    /// Met in time.
    pub met: u64,
    /// Breached (late or overdue).
    pub breached: u64,
    /// Still open at `now`: running, paused or not started.
    pub open: u64,
    /// The plan makes no promise for the severity.
    pub not_covered: u64,
    /// Never owed: cancelled before fulfilment, or ended before the level took over.
    #[serde(default)]
    pub not_applicable: u64,
    /// `100 × met / (met + breached)`, rounded toward zero to two decimals; `None` when
    /// nothing was met or breached.
    pub compliance: Option<Decimal>,
    /// The compliance target (percent), if one is configured.
    pub target: Option<Decimal>,
    /// Whether compliance reaches the target; `None` without a target or without a
    /// compliance figure.
    pub outcome: Option<TargetOutcome>,
    /// Business-time statistics of `elapsed` over the met and breached incidents.
    pub elapsed: Option<DurationStats>,
}

/// An incident that could not be evaluated, or a report that could not be counted.
///
/// Serialized as `{"index": 6, "message": "…"}`, the message being the error's `Display`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// Its index in the input.
    pub index: usize,
    /// Why it failed.
    #[serde(rename = "message", serialize_with = "display")]
    pub error: Error,
}

/// Serializes a value by its `Display`.
fn display<S: Serializer>(value: &Error, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// Compliance of many incidents over a period, per contract, severity and metric.
///
/// Built by [`ComplianceReport::build`] or [`ComplianceReport::from_reports`]; serializes
/// (its [`Failure`]s as messages), but does not deserialize: its failures are typed errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComplianceReport {
    /// The period.
    pub period: Period,
    /// The instant of evaluation.
    pub now: DateTime<Utc>,
    /// Incidents attributed to the period and evaluated.
    pub incidents: u64,
    /// Incidents reported outside the period (ignored).
    pub outside_period: u64,
    /// Incidents that could not be evaluated (unknown contract, unknown severity, reported
    /// before the contract starts …), by input index.
    pub failures: Vec<Failure>,
    /// Rows per contract, severity and metric.
    pub rows: Vec<ComplianceRow>,
    /// Rows per severity key and metric over all contracts.
    pub totals: Vec<ComplianceRow>,
}
