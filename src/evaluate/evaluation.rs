//! `evaluate`: an incident against its contract as of `now`, every metric's clock computed
//! once into a record, the ladder read from those records.

use chrono::{DateTime, TimeDelta, Utc};

use super::context::{Context, Detail};
use super::ladder;
use super::metric;
use super::report::{MetricState, Report};
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
    let (cx, defined) = prepare(contract, incident, now)?;
    let plan = contract.plan();
    let count = defined.iter().filter(|d| **d).count();
    // Exactly as many as needed: reports are large, and a small allocation stays cheap.
    let mut metrics = Vec::with_capacity(count);
    let mut clocks = Vec::with_capacity(count);
    for (m, _) in Metric::ALL.iter().zip(defined).filter(|(_, d)| *d) {
        metrics.push(metric::evaluate(&cx, *m, &mut clocks, Detail::Full)?);
    }
    let steps = if plan.ladders().is_empty() {
        Vec::new()
    } else {
        ladder::steps(&cx, &clocks)?
    };
    let catalog = contract.catalog();
    let (severity, _) = incident.severity_at(now);
    Ok(Report {
        incident: incident.id().to_owned(),
        customer: contract.customer().to_owned(),
        plan: plan.key().to_owned(),
        severity: severity.to_owned(),
        severity_rank: catalog.severity_rank(severity).unwrap_or(usize::MAX),
        reported_at: incident.reported_at(),
        now,
        metrics,
        steps,
        zone: Some(cx.home_zone),
    })
}

/// What a compliance tally reads of an evaluation: the rank of the severity in force at
/// `now`, and per metric the plan defines, its state and counted time.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Outcomes {
    /// The severity's rank in the catalog.
    pub(crate) severity_rank: usize,
    metrics: [Option<(Metric, MetricState, TimeDelta)>; Metric::ALL.len()],
}

impl Outcomes {
    /// Per metric, its state and counted time, in the order of a report's `metrics`.
    pub(crate) fn metrics(&self) -> impl Iterator<Item = (Metric, MetricState, TimeDelta)> + '_ {
        self.metrics.iter().flatten().copied()
    }
}

/// [`evaluate`] reduced to what a compliance tally reads ([`Outcomes`]): the same checks and
/// errors, the same states and counted times, without building the report (no deadlines,
/// percentages, pauses, ladder or strings). The one difference: no deadline is looked for,
/// so a deadline past the end of chrono's range is no error here.
pub(crate) fn outcomes(
    contract: &Contract,
    incident: &Incident,
    now: DateTime<Utc>,
) -> Result<Outcomes, Error> {
    let (cx, defined) = prepare(contract, incident, now)?;
    let mut out = Outcomes {
        severity_rank: contract
            .catalog()
            .severity_rank(incident.severity_at(now).0)
            .unwrap_or(usize::MAX),
        metrics: [None; Metric::ALL.len()],
    };
    let mut clocks = Vec::new();
    let chosen = Metric::ALL.iter().zip(defined).filter(|(_, d)| *d);
    for (slot, (m, _)) in out.metrics.iter_mut().zip(chosen) {
        let r = metric::evaluate(&cx, *m, &mut clocks, Detail::Outcome)?;
        *slot = Some((r.metric, r.state, r.elapsed));
    }
    Ok(out)
}

/// The checks every evaluation makes first, the context its metrics share, and which
/// metrics the plan defines under any severity.
fn prepare<'a>(
    contract: &'a Contract,
    incident: &'a Incident,
    now: DateTime<Utc>,
) -> Result<(Context<'a>, [bool; Metric::ALL.len()]), Error> {
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
    // The metrics the plan defines under any severity, in one pass over its targets.
    let mut defined = [false; Metric::ALL.len()];
    for by_metric in contract.plan().targets().values() {
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
    Ok((cx, defined))
}
