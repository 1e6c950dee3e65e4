//! `evaluate`: an incident against its contract as of `now`, every metric's clock computed
//! once into a record, the ladder read from those records.

use chrono::{DateTime, Utc};

use super::ladder;
use super::metric::{self, Context};
use super::report::Report;
use crate::contract::{Contract, Metric};
use crate::error::Error;
use crate::incident::{EventKind, Incident};

/// Evaluates `incident` against `contract` as of `now`.
///
/// Only events at or before `now` are taken into account. What each event does to each
/// metric is the lifecycle table of the [module docs](crate::guide::lifecycle).
///
/// # Errors
/// [`Error::UnknownName`] for a severity the catalog does not define (naming the event),
/// [`Error::InvalidEvent`] for an incident reported before the contract starts, and calendar
/// errors at the far ends of chrono's range.
pub fn evaluate(
    contract: &Contract,
    incident: &Incident,
    now: DateTime<Utc>,
) -> Result<Report, Error> {
    let catalog = contract.catalog();
    for (i, e) in incident.events().iter().enumerate() {
        if let EventKind::Reported { severity, .. } | EventKind::SeverityChanged { severity } =
            &e.kind
        {
            if catalog.severity_rank(severity).is_none() {
                return Err(Error::UnknownName {
                    path: format!("events[{i}].severity"),
                    kind: "severity".into(),
                    name: severity.clone(),
                    known: catalog.severities().iter().map(|s| s.key.clone()).collect(),
                });
            }
        }
    }
    let reported = incident.reported_at();
    if let Some(start) = contract.start() {
        // Within hours of the ends of time the local date may not exist; the UTC date is then
        // as good for comparing with a start date (which is in representable years).
        let local_date = contract
            .business_calendar()
            .local_date(reported)
            .unwrap_or_else(|_| reported.date_naive());
        if local_date < start {
            return Err(Error::InvalidEvent {
                index: 0,
                kind: "reported".into(),
                at: reported,
                reason: format!("the incident is reported before the contract starts on {start}"),
            });
        }
    }
    let cx = Context::new(contract, incident, now);
    let plan = contract.plan();
    // The metrics the plan defines under any severity, in one pass over its targets.
    let mut defined = [false; Metric::ALL.len()];
    for by_metric in plan.targets().values() {
        for m in by_metric.keys() {
            if let Some(d) = Metric::ALL
                .iter()
                .position(|x| x == m)
                .and_then(|i| defined.get_mut(i))
            {
                *d = true;
            }
        }
    }
    let count = defined.iter().filter(|d| **d).count();
    // Exactly as many as needed: reports are large, and a small allocation stays cheap.
    let mut metrics = Vec::with_capacity(count);
    let mut clocks = Vec::with_capacity(count);
    for (m, _) in Metric::ALL.iter().zip(defined).filter(|(_, d)| *d) {
        metrics.push(metric::evaluate(&cx, *m, &mut clocks)?);
    }
    let steps = if plan.ladders().is_empty() {
        Vec::new()
    } else {
        ladder::steps(&cx, &clocks)?
    };
    let (severity, _) = incident.severity_at(now);
    Ok(Report {
        incident: incident.id().to_owned(),
        customer: contract.customer().to_owned(),
        plan: plan.key().to_owned(),
        severity: severity.to_owned(),
        severity_rank: catalog.severity_rank(severity).unwrap_or(usize::MAX),
        reported_at: reported,
        now,
        metrics,
        steps,
        zone: Some(cx.home_zone),
    })
}
