//! One open incident evaluated for the queue, and the deadline that gives it its slack.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::contract::{Contract, Metric, TargetForm, WALL_CLOCK};
use crate::error::Error;
use crate::evaluate::{evaluate, MetricState, Report};
use crate::incident::Incident;
use crate::time::format_whole_seconds as hms;

/// The deadline that gives an incident its slack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slack {
    /// The metric with the least remaining time.
    pub metric: Metric,
    /// Its state (`running`, `paused`, `not_started` or `breached`).
    pub state: MetricState,
    /// The remaining time on its clock; negative once breached (ISO 8601 when serialized).
    #[serde(with = "crate::time::iso_duration")]
    pub remaining: TimeDelta,
    /// The clock (calendar) the time counts on.
    pub clock: Arc<str>,
    /// When it is due, if known (`None` while paused or not started).
    pub deadline: Option<DateTime<Utc>>,
}

impl fmt::Display for Slack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.metric;
        let r = self.remaining;
        let d = hms(r.abs());
        match self.state {
            _ if r < TimeDelta::zero() => write!(f, "{m} overdue by {d}")?,
            MetricState::NotStarted => write!(f, "{m} not started, {d} allowed")?,
            MetricState::Paused => write!(f, "{m} paused, {d} left")?,
            _ if r == TimeDelta::zero() => write!(f, "{m} due now")?,
            _ => write!(f, "{m} breaches in {d}")?,
        }
        if &*self.clock != WALL_CLOCK {
            write!(f, " ({} time)", self.clock)?;
        }
        Ok(())
    }
}

/// One open incident evaluated for the queue: everything its position and explanations
/// need, as of the instant it was evaluated.
///
/// Equality compares every serialized field (not the [`zone`](QueueEntry::zone) kept for
/// `Display`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueEntry {
    /// The incident's id.
    pub incident: Arc<str>,
    /// The customer.
    pub customer: Arc<str>,
    /// The catalog's name.
    pub catalog: String,
    /// The plan's key.
    pub plan: String,
    /// The plan's queue priority (higher first).
    pub queue_priority: i32,
    /// The severity key in force at `now`.
    pub severity: String,
    /// The severity's display name.
    pub severity_name: String,
    /// The severity's rank within its catalog (0 = most severe).
    pub severity_rank: usize,
    /// When the incident was reported.
    pub reported_at: DateTime<Utc>,
    /// The pending metric with the least remaining time, if any.
    pub slack: Option<Slack>,
    /// The zone a queue listing shows `reported_at` in: the report's
    /// ([`Report::zone`]: the reporting contact's business calendar's, else the
    /// contract's). Not serialized; `None` (an entry read back from its serialized form)
    /// shows UTC.
    #[serde(skip)]
    pub zone: Option<Tz>,
}

impl PartialEq for QueueEntry {
    fn eq(&self, other: &Self) -> bool {
        // Destructured so that a new field cannot be forgotten here.
        let QueueEntry {
            incident,
            customer,
            catalog,
            plan,
            queue_priority,
            severity,
            severity_name,
            severity_rank,
            reported_at,
            slack,
            zone: _,
        } = self;
        (incident, customer, catalog, plan, queue_priority)
            == (
                &other.incident,
                &other.customer,
                &other.catalog,
                &other.plan,
                &other.queue_priority,
            )
            && (severity, severity_name, severity_rank, reported_at, slack)
                == (
                    &other.severity,
                    &other.severity_name,
                    &other.severity_rank,
                    &other.reported_at,
                    &other.slack,
                )
    }
}

impl Eq for QueueEntry {}

impl QueueEntry {
    /// Evaluates `incident` against `contract` as of `now` ([`evaluate`]) and keeps what the
    /// queue needs.
    ///
    /// # Errors
    /// As [`evaluate`].
    pub fn new(
        contract: &Contract,
        incident: &Incident,
        now: DateTime<Utc>,
    ) -> Result<Self, Error> {
        let report = evaluate(contract, incident, now)?;
        QueueEntry::from_report(&report, contract)
    }

    /// The queue entry of a report evaluated against `contract`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] at `plan` when the report is on another plan than the
    /// contract's, [`Error::UnknownName`] at `severity` for a severity the contract's catalog
    /// does not define: the report belongs to another contract.
    pub fn from_report(report: &Report, contract: &Contract) -> Result<Self, Error> {
        let plan = contract.plan();
        if report.plan != plan.key() {
            return Err(Error::InvalidValue {
                path: "plan".into(),
                value: report.plan.clone(),
                expected: format!("the contract's plan `{}`", plan.key()),
            });
        }
        let catalog = contract.catalog();
        // The report carries its severity's rank; a report of another catalog does not match.
        let rank = report.severity_rank;
        let sev = catalog
            .severities()
            .get(rank)
            .filter(|s| s.key == report.severity)
            .ok_or_else(|| Error::UnknownName {
                path: "severity".into(),
                kind: "severity".into(),
                name: report.severity.clone(),
                known: catalog.severities().iter().map(|s| s.key.clone()).collect(),
            })?;
        Ok(QueueEntry {
            incident: report.incident.as_str().into(),
            customer: report.customer.as_str().into(),
            catalog: catalog.name().to_owned(),
            plan: plan.key().to_owned(),
            queue_priority: plan.queue_priority(),
            severity: report.severity.clone(),
            severity_name: sev.name.clone(),
            severity_rank: rank,
            reported_at: report.reported_at,
            slack: slack(report),
            zone: report.zone(),
        })
    }

    /// The severity as shown in explanations: its name, followed by its key in parentheses
    /// when the two differ (`Crisis`, `Systemstörung (3)`).
    pub fn severity_label(&self) -> String {
        if self.severity_name.is_empty() {
            self.severity.clone()
        } else if self.severity_name.eq_ignore_ascii_case(&self.severity) {
            self.severity_name.clone()
        } else {
            format!("{} ({})", self.severity_name, self.severity)
        }
    }
}

/// The pending metric with the least remaining time (the first in report order on a tie).
fn slack(report: &Report) -> Option<Slack> {
    let mut best: Option<Slack> = None;
    for m in &report.metrics {
        let remaining = match m.state {
            MetricState::Running | MetricState::Paused => m.remaining,
            MetricState::Breached if m.fulfilled_at.is_none() => m.remaining,
            MetricState::NotStarted => match m.target {
                Some(TargetForm::Within(d)) => Some(d),
                _ => None,
            },
            _ => None,
        };
        let (Some(remaining), Some(clock)) = (remaining, &m.clock) else {
            continue;
        };
        if best.as_ref().is_none_or(|b| remaining < b.remaining) {
            best = Some(Slack {
                metric: m.metric,
                state: m.state,
                remaining,
                clock: clock.clone(),
                deadline: m.deadline,
            });
        }
    }
    best
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slack_texts() {
        let s = |state, mins: i64, clock: &str| {
            Slack {
                metric: Metric::Reaction,
                state,
                remaining: TimeDelta::minutes(mins),
                clock: clock.into(),
                deadline: None,
            }
            .to_string()
        };
        assert_eq!(
            s(MetricState::Running, 12, "24x7"),
            "reaction breaches in 12m"
        );
        assert_eq!(s(MetricState::Running, 0, "24x7"), "reaction due now");
        assert_eq!(
            s(MetricState::Breached, -90, "24x7"),
            "reaction overdue by 1h30m"
        );
        assert_eq!(
            s(MetricState::Paused, 120, "business"),
            "reaction paused, 2h left (business time)"
        );
        assert_eq!(
            s(MetricState::NotStarted, 120, "24x7"),
            "reaction not started, 2h allowed"
        );
    }
}
