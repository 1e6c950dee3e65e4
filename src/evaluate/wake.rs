//! The next wake-up: the earliest instant an incident's report changes, read from the
//! evaluation's records.

use chrono::{DateTime, TimeDelta, Utc};

use super::evaluation::evaluate;
use super::report::{MetricState, Report, StepState};
use crate::contract::Contract;
use crate::error::Error;
use crate::incident::Incident;

/// The earliest instant strictly after `now` at which the discrete state of the incident's
/// report changes ([`Report::same_state`]): a step fires, a running metric is breached, or an
/// event recorded after `now` changes something. `None`: nothing changes without new events.
/// See the [module docs](crate::guide::lifecycle#the-next-wake-up) for the precise definition.
///
/// ```
/// use std::sync::Arc;
/// use chrono::{DateTime, Utc};
/// use slacalc::{Catalog, ContractSpec};
/// use slacalc::{next_wake_up, Contract, Event, EventKind, Incident};
///
/// let catalog: Catalog = serde_json::from_str(r#"{
///   "name": "Example", "severities": [{"key": "crisis", "name": "Crisis"}],
///   "plans": {"p": {"name": "P",
///     "targets": {"crisis": {"reaction": {"within": "30m", "clock": "24x7"}}},
///     "ladders": {"crisis": {"steps": [{"after": "1d", "notify": "Director"}]}}}}
/// }"#)?;
/// let terms = ContractSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
/// let contract = Contract::new(Arc::new(catalog), terms)?;
/// let t = |s: &str| s.parse::<DateTime<Utc>>();
/// let incident = Incident::new("I-1", vec![
///     Event::new(t("2026-03-02T10:00:00Z")?, EventKind::Reported {
///         severity: "crisis".into(), channel: None, contact: None }),
///     Event::new(t("2026-03-02T10:10:00Z")?, EventKind::Responded),
/// ])?;
/// // The reaction was met; the Director step fires 24 hours after the report.
/// let wake = next_wake_up(&contract, &incident, t("2026-03-02T11:00:00Z")?)?;
/// assert_eq!(wake, Some(t("2026-03-03T10:00:00Z")?));
/// // At 10:05 the response recorded for 10:10 is the first change (the reaction is met).
/// let wake = next_wake_up(&contract, &incident, t("2026-03-02T10:05:00Z")?)?;
/// assert_eq!(wake, Some(t("2026-03-02T10:10:00Z")?));
/// // Without a response, the reaction is breached one nanosecond after its deadline
/// // (elapsed equal to the target is not yet breached).
/// let silent = Incident::new("I-2", incident.events()[..1].to_vec())?;
/// let wake = next_wake_up(&contract, &silent, t("2026-03-02T10:05:00Z")?)?;
/// assert_eq!(wake, Some(t("2026-03-02T10:30:00.000000001Z")?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The errors of [`evaluate`](crate::evaluate()).
pub fn next_wake_up(
    contract: &Contract,
    incident: &Incident,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, Error> {
    let base = evaluate(contract, incident, now)?;
    let mut upcoming = incident
        .events()
        .iter()
        .map(|e| e.at)
        .filter(|at| *at > now)
        .peekable();
    let mut timed = timed_change(&base, now)?;
    // Each round returns or moves past one more recorded event instant: bounded.
    loop {
        match (timed, upcoming.peek().copied()) {
            (None, None) => return Ok(None),
            (Some(t), next) if next.is_none_or(|e| t < e) => return Ok(Some(t)),
            (_, Some(e)) => {
                while upcoming.next_if(|x| *x <= e).is_some() {}
                let report = evaluate(contract, incident, e)?;
                if !report.same_state(&base) {
                    return Ok(Some(e));
                }
                timed = timed_change(&report, e)?;
            }
            (t, None) => return Ok(t),
        }
    }
}

/// The earliest change without new events, after `at`, of a report as of `at`: a pending
/// step's due instant, or the first instant a running metric's elapsed time exceeds its
/// allowance (on the calendar its record counts on).
fn timed_change(report: &Report, at: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, Error> {
    let mut earliest: Option<DateTime<Utc>> = None;
    timed_changes(report, at, |t, _| {
        if earliest.is_none_or(|e| t < e) {
            earliest = Some(t);
        }
    })?;
    Ok(earliest)
}

/// What changes in a report without new events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimedChange {
    /// The pending step at this index of [`Report::steps`] fires.
    Step(usize),
    /// The running metric at this index of [`Report::metrics`] is breached.
    Breach(usize),
}

/// Every change without new events, after `at`, of a report as of `at`, each passed to `f`
/// with its instant (steps in ladder order, then metrics in report order): the due instant of
/// each pending step, and for each running metric the first instant its elapsed time exceeds
/// its allowance (one nanosecond after the deadline, or after its calendar next opens). The
/// one definition behind [`next_wake_up`] and the agenda.
///
/// # Errors
/// Calendar errors at the far ends of chrono's range.
pub(crate) fn timed_changes(
    report: &Report,
    at: DateTime<Utc>,
    mut f: impl FnMut(DateTime<Utc>, TimedChange),
) -> Result<(), Error> {
    for (i, step) in report.steps.iter().enumerate() {
        if let (StepState::Pending, Some(due)) = (step.state, step.due) {
            if due > at {
                f(due, TimedChange::Step(i));
            }
        }
    }
    for (i, m) in report.metrics.iter().enumerate() {
        let (MetricState::Running, Some(deadline), Some(calendar)) =
            (m.state, m.deadline, &m.calendar)
        else {
            continue;
        };
        if let Some(open) = calendar.next_open(deadline.max(at))? {
            let breach = open
                .checked_add_signed(TimeDelta::nanoseconds(1))
                .ok_or_else(|| {
                    crate::error::out_of_range("next_wake_up", crate::time::rfc3339(open))
                })?;
            if breach > at {
                f(breach, TimedChange::Breach(i));
            }
        }
    }
    Ok(())
}
