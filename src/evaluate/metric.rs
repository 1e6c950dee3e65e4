//! One metric of one incident: its clock computed once into a record — start, pauses,
//! cycles, fulfilment, deadline, breach — that the report, the ladders and the next wake-up
//! all read.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::context::{Context, Detail, MetricClock};
use super::cycles::{cycles, earlier_cycles};
use super::lifecycle::{self, reopenable, Rules, Trace};
use super::reading::{not_covered, read_cycle};
use super::report::{MetricReport, MetricState};
use crate::clock;
use crate::contract::{
    DowngradePolicy, Metric, ReopenPolicy, SeverityChangePolicy, StartRule, Target, UpgradePolicy,
};
use crate::error::Error;
use crate::incident::{EventKind, EventTag};

fn without_clock(metric: Metric, target: &Target, state: MetricState, zone: Tz) -> MetricReport {
    MetricReport {
        clock: Some(target.calendar.clone()),
        target: Some(target.form),
        state,
        zone: Some(zone),
        ..not_covered(metric)
    }
}

/// Where and by which event a target's clock starts, if it has.
fn start_of(
    cx: &Context<'_>,
    target: &Target,
    changed_at: DateTime<Utc>,
) -> Result<Option<(DateTime<Utc>, EventTag)>, Error> {
    let plan = cx.contract.plan();
    let reported = cx.incident.reported_at();
    let start = match &target.start {
        StartRule::Reported => Some((reported, EventTag::Reported)),
        StartRule::AtLevel(level) => {
            let first = plan.entitlements().levels.first().map(|l| l.key.as_str());
            if first == Some(level.as_str()) {
                Some((reported, EventTag::Reported))
            } else {
                cx.known
                    .iter()
                    .find(|e| matches!(&e.kind, EventKind::LevelChanged { level: l } if l == level))
                    .map(|e| (e.at, EventTag::LevelChanged))
            }
        }
        StartRule::ContactOnNonBusinessDays => {
            let business = cx.contract.business_calendar_for(cx.incident.contact());
            if business.is_business_day(business.local_date(reported)?) {
                Some((reported, EventTag::Reported))
            } else {
                cx.known
                    .iter()
                    .find(|e| e.kind == EventKind::ContactEstablished)
                    .map(|e| (e.at, EventTag::ContactEstablished))
            }
        }
    };
    Ok(match start {
        Some((at, _))
            if plan.severity_change() == SeverityChangePolicy::RestartAtChange
                && changed_at > at =>
        {
            Some((changed_at, EventTag::SeverityChanged))
        }
        s => s,
    })
}

/// Evaluates one metric into its report (which keeps the calendar it counts on); a started
/// non-periodic metric also leaves its clock in `clocks` for the ladder. See the lifecycle
/// table in the [module docs](super). Under [`Detail::Outcome`] only the report's `metric`,
/// `state` and `elapsed` are meant to be read, and `clocks` is left alone.
pub(crate) fn evaluate<'a>(
    cx: &Context<'a>,
    metric: Metric,
    clocks: &mut Vec<(Metric, MetricClock<'a>)>,
    detail: Detail,
) -> Result<MetricReport, Error> {
    let plan = cx.contract.plan();
    let now = cx.now;
    // Fulfilment counts after the last reopening for the metrics a reopening puts back.
    let from = if reopenable(metric) { cx.reopen } else { 0 };
    let periodic = metric == Metric::Update;
    let mut fulfilled = if periodic {
        None
    } else {
        cx.fulfilment(metric, from, DateTime::<Utc>::MIN_UTC)
    };
    // A metric already met keeps the severity it was met under.
    let (mut severity, mut changed_at) = cx
        .incident
        .severity_at(cx.at(fulfilled).unwrap_or(now).min(now));
    let Some(mut target) = plan.target(severity, metric) else {
        return Ok(not_covered(metric));
    };
    let mut start = start_of(cx, target, changed_at)?;
    // A level's clock is fulfilled only by what happens once the level has the incident.
    if let (StartRule::AtLevel(_), Some((at, _))) = (&target.start, start) {
        if cx.at(fulfilled).is_some_and(|f| f < at) {
            fulfilled = cx.fulfilment(metric, from, at);
            (severity, changed_at) = cx
                .incident
                .severity_at(cx.at(fulfilled).unwrap_or(now).min(now));
            let Some(t) = plan.target(severity, metric) else {
                return Ok(not_covered(metric));
            };
            target = t;
            start = start_of(cx, target, changed_at)?;
        }
    }
    let Some(calendar) = cx.calendar(&target.calendar) else {
        return Ok(not_covered(metric));
    };
    let zone = cx.zone_of(&target.calendar, calendar);
    if cx.cancelled.is_some() && fulfilled.is_none() {
        return Ok(without_clock(
            metric,
            target,
            MetricState::NotApplicable,
            zone,
        ));
    }
    let (start, started_by) = match (start, fulfilled) {
        (Some(s), _) => s,
        // Fulfilled before the customer's contact started the clock: met, nothing elapsed.
        (None, Some(f)) if target.start == StartRule::ContactOnNonBusinessDays => {
            let e = cx
                .known
                .get(f)
                .map_or((now, EventTag::Reported), |e| (e.at, e.kind.tag()));
            (e.0, e.1)
        }
        // The level never took the incident over before its work ended: nothing to meet.
        (None, _) if matches!(target.start, StartRule::AtLevel(_)) && cx.ended => {
            return Ok(without_clock(
                metric,
                target,
                MetricState::NotApplicable,
                zone,
            ));
        }
        (None, _) => return Ok(without_clock(metric, target, MetricState::NotStarted, zone)),
    };
    let pauses = plan.pauses_for(severity, metric);
    if periodic {
        let report = cycles(cx, target, calendar, (start, started_by), pauses)?;
        return Ok(MetricReport {
            calendar: Some(calendar.clone()),
            zone: Some(zone),
            ..report
        });
    }
    // Under `new_cycle`, the clock of a reopenable metric starts again at the last reopening.
    let new_cycle = plan.reopen() == ReopenPolicy::NewCycle && reopenable(metric);
    let rules = Rules {
        pauses,
        waits_for_reopen: reopenable(metric) && !new_cycle,
    };
    let mut earlier = Vec::new();
    let (walk_from, cycle_start) = if new_cycle {
        earlier = earlier_cycles(cx, metric, target, calendar, rules, start, started_by)?;
        match cx.reopen.checked_sub(1).and_then(|i| cx.known.get(i)) {
            Some(r) if r.at > start => (cx.reopen.saturating_sub(1), (r.at, EventTag::Reopened)),
            _ => (0, (start, started_by)),
        }
    } else {
        (0, (start, started_by))
    };
    let trace = lifecycle::trace(cx.known, walk_from, cycle_start.0, rules, fulfilled);
    let (mut report, allowed) = read_cycle(
        metric,
        (target, calendar),
        &trace.events,
        (cycle_start.0, now),
        trace.stop(),
        detail,
    )?;
    report.started_at = Some(cycle_start.0);
    report.started_by = Some(cycle_start.1);
    if detail == Detail::Full {
        report.wall_elapsed = lifecycle::wall_running(&trace.events, now);
    }
    report.cycles = earlier;
    // Breaches: never dated before the change that brought the target; kept across later
    // changes.
    if let Some(b) = report.breached_at.as_mut() {
        if plan.upgrade() == UpgradePolicy::BreachAtChange {
            *b = (*b).max(changed_at);
        }
    }
    if plan.downgrade() == DowngradePolicy::KeepBreach {
        let until = cx.at(fulfilled).unwrap_or(now).min(now);
        if let Some(kept) = kept_breach(cx, metric, until, changed_at, walk_from, cycle_start.0)? {
            report.state = MetricState::Breached;
            report.fulfilled_at = cx.at(fulfilled);
            report.breached_at = Some(report.breached_at.map_or(kept, |b| b.min(kept)));
        }
    }
    if detail == Detail::Outcome {
        return Ok(report);
    }
    let Trace { events, pauses } = trace;
    report.pauses = pauses;
    report.calendar = Some(calendar.clone());
    report.zone = Some(zone);
    clocks.push((
        metric,
        MetricClock {
            calendar,
            zone,
            events,
            allowed,
        },
    ));
    Ok(report)
}

/// The earliest breach under a severity in force before the current one (`changed_at`),
/// before `until`: each earlier severity's clock read as of the change that ended it.
fn kept_breach(
    cx: &Context<'_>,
    metric: Metric,
    until: DateTime<Utc>,
    current_since: DateTime<Utc>,
    walk_from: usize,
    not_before: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, Error> {
    if current_since <= cx.incident.reported_at() {
        return Ok(None);
    }
    let plan = cx.contract.plan();
    let mut since = (cx.incident.reported_severity(), cx.incident.reported_at());
    let changes = cx.known.iter().filter_map(|e| match &e.kind {
        EventKind::SeverityChanged { severity } if e.at <= until => Some((severity.as_str(), e.at)),
        _ => None,
    });
    for (next, at) in changes {
        let (severity, from) = std::mem::replace(&mut since, (next, at));
        if at <= from || at <= not_before {
            continue;
        }
        let Some(target) = plan.target(severity, metric) else {
            continue;
        };
        let Some(calendar) = cx.calendar(&target.calendar) else {
            continue;
        };
        let Some((start, _)) = start_of(cx, target, from)? else {
            continue;
        };
        let start = start.max(not_before);
        if start >= at {
            continue;
        }
        let rules = Rules {
            pauses: plan.pauses_for(severity, metric),
            waits_for_reopen: reopenable(metric) && walk_from == 0,
        };
        let known = cx
            .known
            .get(..cx.known.partition_point(|e| e.at <= at))
            .unwrap_or(&[]);
        let trace = lifecycle::trace(known, walk_from.min(known.len()), start, rules, None);
        let (allowed, _) = target.allowance(calendar, start)?;
        let reading = clock::read(&trace.events, calendar, allowed, at)?;
        if reading.state == clock::ClockState::Breached {
            if let Some(mut b) = reading.deadline {
                if plan.upgrade() == UpgradePolicy::BreachAtChange {
                    b = b.max(from);
                }
                return Ok(Some(b));
            }
        }
    }
    Ok(None)
}
