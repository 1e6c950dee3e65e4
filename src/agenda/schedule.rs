//! One incident's schedule: every change of its evaluation after an instant, read from the
//! evaluation's record by the same definition as [`next_wake_up`](crate::next_wake_up).

use chrono::{DateTime, Utc};

use super::item::Change;
use crate::contract::{Contract, Trigger};
use crate::error::Error;
use crate::evaluate::{evaluate, timed_changes, Report, TimedChange};
use crate::incident::Incident;

/// Every change of `incident`'s evaluation after `at`, in time order (at one instant: steps
/// in ladder order, then breaches in metric order, then events).
///
/// Without events after `at` this is one evaluation: a report's pending steps and running
/// metrics change at instants its record fixes, and nothing else changes until an event (the
/// definition of [`next_wake_up`](crate::next_wake_up), which the property tests hold the
/// agenda to). Events recorded after `at` split the future into segments: at each such
/// instant `e` the incident is evaluated with and without the events recorded at `e`; a
/// change due at `e` is kept where both agree on it, the events are listed where they change
/// anything, and the next segment is read from the evaluation at `e`.
///
/// # Errors
/// The errors of [`evaluate`].
pub(super) fn schedule(
    contract: &Contract,
    incident: &Incident,
    at: DateTime<Utc>,
) -> Result<Vec<(DateTime<Utc>, Change)>, Error> {
    let events = incident.events();
    let mut out = Vec::new();
    let mut report = evaluate(contract, incident, at)?;
    let mut from = at;
    // The first event not known at `from`.
    let mut next = events.partition_point(|e| e.at <= at);
    // Each round moves past the events of one more instant: bounded by the events.
    loop {
        let Some(e) = events.get(next).map(|x| x.at) else {
            // The common case, without events after `from`: straight into the output.
            let start = out.len();
            timed_changes(&report, from, |t, c| {
                out.extend(change(&report, c).map(|c| (t, c)));
            })?;
            // Stable: steps before breaches at one instant, each in report order.
            if let Some(segment) = out.get_mut(start..) {
                segment.sort_by_key(|(t, _)| *t);
            }
            return Ok(out);
        };
        let mut timed = Vec::new();
        timed_changes(&report, from, |t, c| timed.push((t, c)))?;
        timed.sort_by_key(|(t, _)| *t);
        let end = next.saturating_add(
            events
                .get(next..)
                .map_or(0, |rest| rest.partition_point(|x| x.at <= e)),
        );
        // Before the report nothing is known, and nothing changes until it.
        let without = match events.get(..next) {
            Some(known) if !known.is_empty() => {
                evaluate(contract, &Incident::new(incident.id(), known.to_vec())?, e)?
            }
            _ => report.clone(),
        };
        let with = evaluate(contract, incident, e)?;
        for (t, c) in timed {
            if t < e || (t == e && holds(c, &without, &with)) {
                out.extend(change(&report, c).map(|c| (t, c)));
            }
        }
        if !with.same_state(&without) {
            for (index, x) in events.iter().enumerate().take(end).skip(next) {
                out.push((
                    e,
                    Change::Event {
                        index,
                        event: x.kind.tag(),
                    },
                ));
            }
        }
        report = with;
        from = e;
        next = end;
    }
}

/// Whether a change due at an event's instant `e` happens although events are recorded at
/// `e`: the evaluations at `e` with and without those events agree on the part it changes.
fn holds(c: TimedChange, without: &Report, with: &Report) -> bool {
    match c {
        TimedChange::Step(i) => without.steps.get(i) == with.steps.get(i),
        TimedChange::Breach(i) => match (without.metrics.get(i), with.metrics.get(i)) {
            (Some(a), Some(b)) => {
                a.metric == b.metric && a.state == b.state && a.breached_at == b.breached_at
            }
            _ => false,
        },
    }
}

/// The [`Change`] a timed change of `report` makes.
fn change(report: &Report, c: TimedChange) -> Option<Change> {
    match c {
        TimedChange::Step(i) => {
            let step = report.steps.get(i)?;
            Some(match &step.trigger {
                Trigger::Share { percent, metric } => Change::Warning {
                    step: step.step,
                    notify: step.notify.clone(),
                    metric: *metric,
                    percent: *percent,
                },
                trigger => Change::Escalation {
                    step: step.step,
                    notify: step.notify.clone(),
                    trigger: trigger.clone(),
                },
            })
        }
        TimedChange::Breach(i) => report
            .metrics
            .get(i)
            .map(|m| Change::Breach { metric: m.metric }),
    }
}
