//! Escalation ladders: each step's due instant from the ladder's own clock or from the
//! record of the metric it watches (the semantics are in the [module docs](super)).

use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::context::{Context, MetricClock};
use super::lifecycle::{self, Rules};
use super::report::{StepReport, StepState};
use crate::calendar::model::Calendar;
use crate::clock::{self, Reach};
use crate::contract::{Metric, SeverityChangePolicy, Trigger};
use crate::error::Error;
use crate::incident::EventTag;

/// The steps of the ladder for the severity in force at `now`, empty when the plan has none.
/// `clocks` are the clocks of the evaluation's metrics, which `share` and `after_breach` steps
/// read.
pub(crate) fn steps(
    cx: &Context<'_>,
    clocks: &[(Metric, MetricClock<'_>)],
) -> Result<Vec<StepReport>, Error> {
    let plan = cx.contract.plan();
    let (severity, changed_at) = cx.incident.severity_at(cx.now);
    let Some(ladder) = plan.ladder(severity) else {
        return Ok(Vec::new());
    };
    let mut start = cx.incident.reported_at();
    if plan.severity_change() == SeverityChangePolicy::RestartAtChange {
        start = start.max(changed_at);
    }
    // The ladder's clock: halted by its pause rules, stopped by its first end event after the
    // last reopening (or a cancellation); resolved/closed before a reopening halt it.
    let end = cx
        .known
        .iter()
        .enumerate()
        .skip(cx.reopen)
        .find(|(_, e)| {
            let tag = e.kind.tag();
            ladder.ends.contains(&tag) || tag == EventTag::Cancelled
        })
        .map(|(i, _)| i);
    let rules = Rules {
        pauses: &ladder.pauses,
        waits_for_reopen: ladder
            .ends
            .iter()
            .any(|t| matches!(t, EventTag::Resolved | EventTag::Closed)),
    };
    let trace = lifecycle::trace(cx.known, 0, start, rules, end);
    let events = &trace.events;
    let ladder_stop = trace.stop();
    let now = cx.now;
    let mut out = Vec::with_capacity(ladder.steps.len());
    for (index, step) in ladder.steps.iter().enumerate() {
        let (reach, metric_stop, zone) = match &step.trigger {
            Trigger::After {
                duration,
                calendar: name,
            } => {
                let cal = calendar(cx, name)?;
                let reach = clock::reach(events, cal, *duration, now)?;
                (reach, None, cx.zone_of(name, cal))
            }
            Trigger::BusinessDays {
                days,
                calendar: name,
            } => {
                let cal = calendar(cx, name)?;
                let named = cal.business_days_later(start, *days)?;
                let halted = events
                    .iter()
                    .any(|e| e.kind == clock::ClockEventKind::Pause && e.at < named);
                let reach = if !halted && named <= now {
                    Reach::At(named)
                } else if !halted && ladder_stop.is_none() {
                    Reach::Projected(named)
                } else {
                    // Halted before the named instant: count the business time it allows.
                    let allowed = cal.between(start, named)?;
                    clock::reach(events, cal, allowed, now)?
                };
                (reach, None, cx.zone_of(name, cal))
            }
            Trigger::Share { metric, .. } | Trigger::AfterBreach { metric, .. } => {
                match clocks.iter().find(|(m, _)| m == metric).map(|(_, c)| c) {
                    None => (Reach::Halted, None, cx.home_zone),
                    Some(c) => {
                        let amount = metric_amount(&step.trigger, c.allowed)?;
                        let stop = c
                            .events
                            .last()
                            .filter(|e| e.kind == clock::ClockEventKind::Stop)
                            .map(|e| e.at);
                        let reach = clock::reach(&c.events, c.calendar, amount, now)?;
                        (reach, stop, c.zone)
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
            zone: Some(zone),
        });
    }
    Ok(out)
}

/// A step's calendar, resolved for the incident's contact like every other clock.
fn calendar<'a>(cx: &Context<'a>, name: &str) -> Result<&'a Calendar, Error> {
    cx.calendar(name).ok_or_else(|| Error::UnknownName {
        path: "clock".into(),
        kind: "clock".into(),
        name: name.to_owned(),
        known: Vec::new(),
    })
}

/// The counted time at which a metric step fires: a share of the allowance (rounded up to
/// the nanosecond) or the allowance plus the time after the breach.
fn metric_amount(trigger: &Trigger, allowed: TimeDelta) -> Result<TimeDelta, Error> {
    let overflow = || {
        crate::error::out_of_range(
            "escalation step",
            format_args!("allowance {}", crate::time::format_duration(allowed)),
        )
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
