//! Escalation ladders, warnings and the next wake-up.
//!
//! A plan's ladder for a severity (see [`crate::contract::LadderSpec`]) lists who is pulled
//! in as an incident drags on: Cumulocity escalates a Crisis to its Regional Director after
//! one day, a Critical incident after five business days; ticketing systems warn at 50, 75
//! and 100 % of a target and escalate further after a breach. [`evaluate`](crate::evaluate())
//! reports every step of the ladder of the severity in force at `now` in
//! [`Report::steps`](crate::Report::steps); [`next_wake_up`] says when to look again.
//!
//! # The ladder's clock
//!
//! A ladder is a [`Clock`](crate::Clock) with steps. It starts when the incident is reported
//! (at the severity change instead, under the plan's `restart_at_change` policy), is halted
//! by its own pause rules (Cumulocity: from `solution_proposed` until `solution_rejected`)
//! and stops at its first end event (default `resolved` and `closed`; an end event before a
//! later `reopened` does not count, and the span from `resolved`/`closed` to the reopening
//! halts the ladder). Like every clock it only knows events at or before `now`.
//!
//! # When a step is due
//!
//! - `after` (elapsed time): when the ladder's clock has counted the duration on the step's
//!   clock — wall time on `24x7` (the default; `1d` is exactly 24 hours), business time on
//!   any other. A halt moves the step later by the time it lasted *on that clock*.
//! - `business_days`: "N business days later at the same local time" of the step's clock
//!   (default `business`), from the ladder's start ([`Calendar::business_days_later`]).
//!   **Halts:** the step allows the business time that lies between the start and that
//!   instant; while the ladder was never halted before it, it is due exactly at the named
//!   instant, otherwise when the ladder's clock has counted that business time — that is,
//!   the business time (of the step's clock) the ladder was halted is added back. A halt
//!   over a weekend therefore moves nothing; a halt of one full business day moves the step
//!   one business day.
//! - `share` (`"75"` percent of a metric's target): when the metric's own clock (its
//!   calendar, its pause rules, its stop) has used that share of the business time the
//!   target allows, rounded up to the nanosecond. `"100"` is the metric's deadline.
//! - `after_breach` (`"1h"`): when the metric's own clock has counted the duration beyond the
//!   target. On a `24x7` metric that is wall time after the deadline.
//!
//! A step **fires** at its due instant if that instant is at or before `now` and the ladder
//! (and, for `share` and `after_breach`, the metric) has not stopped at or before it: a step
//! due the very instant the incident ends does not fire, as a metric met exactly at its
//! deadline is met. States ([`StepState`]): `pending` (due known, in the future), `halted`
//! (due unknown: the clock is paused, the metric has not started, or the calendar never
//! opens again), `fired`, `cancelled` (the ladder or the metric stopped first; it never
//! fires). The ladder's pause rules do not halt `share` and `after_breach` steps — those
//! follow their metric — but its end events cancel every step not fired yet.
//!
//! # The next wake-up
//!
//! A report has *discrete* parts — the severity; per metric its state, deadline, allowance,
//! `fulfilled_at`, `breached_at` and cycles; per step its state, due instant and `fired_at`
//! — and *continuous* parts: a metric's `elapsed`, `remaining` and `used_percent` change with
//! every nanosecond its calendar is open. [`next_wake_up`] returns the earliest instant `t >
//! now` at which the discrete parts of `evaluate(contract, incident, t)` differ from those at
//! `now` ([`Report::same_state`]); until then they are the same at every instant. Changes
//! come from:
//!
//! - a step's due instant (it fires);
//! - a running metric's breach: the first instant its elapsed time exceeds the allowance —
//!   one nanosecond after its deadline when the calendar is open there, one nanosecond after
//!   the calendar next opens otherwise (elapsed equal to the target is not yet breached);
//! - an event the incident records after `now` that changes anything (events that change
//!   nothing are skipped; in live use there are none, and a new event calls for a new
//!   evaluation anyway).
//!
//! A calendar opening alone changes nothing discrete: a paused or idle clock's deadline stays
//! what it was (or unknown), only `elapsed` starts moving again. `None` means nothing will
//! change without new events.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[cfg(doc)]
use crate::calendar::Calendar;
use crate::clock::{self, ClockEvent, ClockEventKind, Reach};
use crate::contract::{Contract, Ladder, Metric, SeverityChangePolicy, Trigger};
use crate::error::Error;
use crate::evaluate::{self, evaluate, MetricSetup, MetricState, Report};
use crate::incident::{EventKind, EventTag, Incident};

/// Where an escalation step stands as of `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum StepState {
    /// Not fired; due at the reported instant unless an event intervenes.
    Pending,
    /// Not fired, due instant unknown: the clock it waits on is halted (or not started, or
    /// its calendar never opens again).
    Halted,
    /// Fired at its due instant.
    Fired,
    /// The ladder ended (or the metric was fulfilled) before the step fired: it never fires.
    Cancelled,
}

impl StepState {
    /// The name used in reports (`pending`, `halted`, `fired`, `cancelled`).
    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Pending => "pending",
            StepState::Halted => "halted",
            StepState::Fired => "fired",
            StepState::Cancelled => "cancelled",
        }
    }
}

impl fmt::Display for StepState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One step of the ladder as of `now`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepReport {
    /// The step's index in the ladder (0 = the first).
    pub step: usize,
    /// The role or recipient pulled in.
    pub notify: Arc<str>,
    /// When it fires, as configured.
    pub trigger: Trigger,
    /// The state.
    pub state: StepState,
    /// When it is (or was) due; `None` while halted and once cancelled.
    pub due: Option<DateTime<Utc>>,
    /// When it fired, if it has.
    pub fired_at: Option<DateTime<Utc>>,
}

impl StepReport {
    /// Whether the step has fired as of `now`.
    pub fn is_fired(&self) -> bool {
        self.state == StepState::Fired
    }
}

/// The steps of the ladder for the severity in force at `now`, empty when the plan has none.
pub(crate) fn evaluate_ladder(
    contract: &Contract,
    incident: &Incident,
    now: DateTime<Utc>,
) -> Result<Vec<StepReport>, Error> {
    let plan = contract.plan();
    let (severity, changed_at) = incident.severity_at(now);
    let Some(ladder) = plan.ladder(severity) else {
        return Ok(Vec::new());
    };
    let mut start = incident.reported_at();
    if plan.severity_change == SeverityChangePolicy::RestartAtChange {
        start = start.max(changed_at);
    }
    let events = ladder_events(ladder, incident, start, now);
    let ladder_stop = stop_of(&events);
    let mut metrics: Vec<(Metric, Option<MetricClock>)> = Vec::new();
    let mut out = Vec::with_capacity(ladder.steps.len());
    for (index, step) in ladder.steps.iter().enumerate() {
        let (reach, metric_stop) = match &step.trigger {
            Trigger::After { duration, clock } => {
                let cal = clock_of(contract, clock)?;
                (clock::reach(&events, cal, *duration, now)?, None)
            }
            Trigger::BusinessDays { days, clock } => {
                let cal = clock_of(contract, clock)?;
                let named = cal.business_days_later(start, *days)?;
                let halted = events
                    .iter()
                    .any(|e| e.kind == ClockEventKind::Pause && e.at < named);
                let reach = if !halted && named <= now {
                    Reach::At(named)
                } else if !halted && ladder_stop.is_none() {
                    Reach::Projected(named)
                } else {
                    // Halted before the named instant: count the business time it allows.
                    let allowed = cal.between(start, named)?;
                    clock::reach(&events, cal, allowed, now)?
                };
                (reach, None)
            }
            Trigger::Share { metric, .. } | Trigger::AfterBreach { metric, .. } => {
                let slot = match metrics.iter().position(|(m, _)| m == metric) {
                    Some(i) => i,
                    None => {
                        metrics.push((*metric, metric_clock(contract, incident, *metric, now)?));
                        metrics.len().saturating_sub(1)
                    }
                };
                match metrics.get(slot).and_then(|(_, c)| c.as_ref()) {
                    None => (Reach::Halted, None),
                    Some(c) => {
                        let amount = metric_amount(&step.trigger, c.allowed)?;
                        (clock::reach(&c.events, c.calendar, amount, now)?, c.stop)
                    }
                }
            }
        };
        let (state, due) = settle(reach, [ladder_stop, metric_stop]);
        out.push(StepReport {
            step: index,
            notify: step.notify.clone(),
            trigger: step.trigger.clone(),
            state,
            due,
            fired_at: due.filter(|_| state == StepState::Fired),
        });
    }
    Ok(out)
}

/// The ladder's clock events: started at `start`, halted by its pause rules, stopped by its
/// first end event after the last reopening; resolved/closed before a reopening halts it.
fn ladder_events(
    ladder: &Ladder,
    incident: &Incident,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<ClockEvent> {
    let known = incident
        .events()
        .iter()
        .take_while(|e| e.at <= now)
        .collect::<Vec<_>>();
    let last_reopen = known
        .iter()
        .rposition(|e| e.kind == EventKind::Reopened)
        .map_or(0, |i| i + 1);
    let reopenable = ladder
        .ends
        .iter()
        .any(|t| matches!(t, EventTag::Resolved | EventTag::Closed));
    evaluate::clock_events(
        incident,
        start,
        &ladder.pauses,
        now,
        |tag, i| ladder.ends.contains(&tag) && i >= last_reopen,
        reopenable,
    )
}

fn stop_of(events: &[ClockEvent]) -> Option<DateTime<Utc>> {
    events
        .last()
        .filter(|e| e.kind == ClockEventKind::Stop)
        .map(|e| e.at)
}

fn clock_of<'a>(contract: &'a Contract, name: &str) -> Result<&'a crate::Calendar, Error> {
    contract.clock(name).ok_or_else(|| Error::UnknownName {
        path: "clock".into(),
        kind: "clock".into(),
        name: name.to_owned(),
        known: Vec::new(),
    })
}

/// What a metric step needs of the metric's clock.
struct MetricClock<'a> {
    calendar: &'a crate::Calendar,
    events: Vec<ClockEvent>,
    allowed: TimeDelta,
    stop: Option<DateTime<Utc>>,
}

/// The metric's clock as of `now`; `None` when it is not covered or has not started.
fn metric_clock<'a>(
    contract: &'a Contract,
    incident: &Incident,
    metric: Metric,
    now: DateTime<Utc>,
) -> Result<Option<MetricClock<'a>>, Error> {
    Ok(
        match evaluate::metric_setup(contract, incident, metric, now)? {
            MetricSetup::Clock(c) => Some(MetricClock {
                stop: stop_of(&c.events),
                calendar: c.calendar,
                events: c.events,
                allowed: c.allowed,
            }),
            MetricSetup::Report(_) | MetricSetup::Cycles { .. } => None,
        },
    )
}

/// The counted time at which a metric step fires: a share of the allowance (rounded up to
/// the nanosecond) or the allowance plus the time after the breach.
fn metric_amount(trigger: &Trigger, allowed: TimeDelta) -> Result<TimeDelta, Error> {
    let overflow = || Error::OutOfRange {
        operation: "escalation step",
    };
    match trigger {
        Trigger::Share { percent, .. } => {
            let nanos = allowed.num_nanoseconds().ok_or_else(overflow)?;
            let amount = Decimal::from(nanos)
                .checked_mul(*percent)
                .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                .map(|v| v.ceil())
                .and_then(|v| v.to_i64())
                .ok_or_else(overflow)?;
            Ok(TimeDelta::nanoseconds(amount))
        }
        Trigger::AfterBreach { duration, .. } => allowed.checked_add(duration).ok_or_else(overflow),
        Trigger::After { duration, .. } => Ok(*duration),
        Trigger::BusinessDays { .. } => Err(Error::InvalidArgument {
            operation: "escalation step",
            reason: "a business-day step has no metric amount".into(),
        }),
    }
}

/// A step's state and due instant from where its clock reaches the amount and the instants
/// (at or before `now`) at which the ladder and the metric stopped.
fn settle(reach: Reach, stops: [Option<DateTime<Utc>>; 2]) -> (StepState, Option<DateTime<Utc>>) {
    let stopped = stops.iter().flatten().min().copied();
    match (reach, stopped) {
        (Reach::At(at), Some(stop)) if at >= stop => (StepState::Cancelled, None),
        (Reach::At(at), _) => (StepState::Fired, Some(at)),
        (Reach::Stopped, _) | (_, Some(_)) => (StepState::Cancelled, None),
        (Reach::Projected(at), None) => (StepState::Pending, Some(at)),
        (Reach::Halted | Reach::Never, None) => (StepState::Halted, None),
    }
}

/// The earliest instant strictly after `now` at which the discrete state of the incident's
/// report changes ([`Report::same_state`]): a step fires, a running metric is breached, or an
/// event recorded after `now` changes something. `None`: nothing changes without new events.
/// See the [module docs](self) for the precise definition.
///
/// ```
/// use std::sync::Arc;
/// use chrono::{DateTime, Utc};
/// use slacalc::contract::{Catalog, ContractTermsSpec};
/// use slacalc::{next_wake_up, Contract, Event, EventKind, Incident};
///
/// let catalog: Catalog = serde_json::from_str(r#"{
///   "name": "Example", "severities": [{"key": "crisis", "name": "Crisis"}],
///   "plans": {"p": {"name": "P",
///     "targets": {"crisis": {"reaction": {"within": "30m", "clock": "24x7"}}},
///     "ladders": {"crisis": {"steps": [{"after": "1d", "notify": "Director"}]}}}}
/// }"#)?;
/// let terms = ContractTermsSpec { customer: "ACME".into(), plan: "p".into(), ..Default::default() };
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
    let mut current: Option<Report> = None;
    let mut at = now;
    // Each round returns or moves past one more recorded event instant: bounded.
    loop {
        let timed = timed_change(contract, current.as_ref().unwrap_or(&base), at)?;
        while upcoming.next_if(|e| *e <= at).is_some() {}
        match (timed, upcoming.peek().copied()) {
            (None, None) => return Ok(None),
            (Some(t), next) if next.is_none_or(|e| t < e) => return Ok(Some(t)),
            (_, Some(e)) => {
                let report = evaluate(contract, incident, e)?;
                if !report.same_state(&base) {
                    return Ok(Some(e));
                }
                current = Some(report);
                at = e;
            }
            // (None, None) and (Some, None) are handled above.
            (_, None) => return Ok(timed),
        }
    }
}

/// The earliest change without new events, after `at`, of a report as of `at`: a pending
/// step's due instant, or the first instant a running metric's elapsed time exceeds its
/// allowance.
fn timed_change(
    contract: &Contract,
    report: &Report,
    at: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, Error> {
    let mut earliest: Option<DateTime<Utc>> = None;
    let mut consider = |t: DateTime<Utc>| {
        if t > at && earliest.is_none_or(|e| t < e) {
            earliest = Some(t);
        }
    };
    for step in &report.steps {
        if let (StepState::Pending, Some(due)) = (step.state, step.due) {
            consider(due);
        }
    }
    for m in &report.metrics {
        let (MetricState::Running, Some(deadline), Some(name)) = (m.state, m.deadline, &m.clock)
        else {
            continue;
        };
        let Some(calendar) = contract.clock(name) else {
            continue;
        };
        if let Some(open) = calendar.next_open(deadline.max(at))? {
            let breach =
                open.checked_add_signed(TimeDelta::nanoseconds(1))
                    .ok_or(Error::OutOfRange {
                        operation: "next_wake_up",
                    })?;
            consider(breach);
        }
    }
    Ok(earliest)
}
