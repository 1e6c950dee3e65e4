//! The cycles of a metric's clock: a periodic metric's cycles (from its start to the first
//! update, then from update to update), and under `new_cycle` a reopenable metric's cycles
//! before the last reopening.

use chrono::{DateTime, Utc};

use super::context::{Context, Detail};
use super::lifecycle::{self, fulfils, Rules};
use super::reading::{named_deadline, not_covered, read_cycle, report_from};
use super::report::{Cycle, MetricReport, MetricState, PauseInterval};
use crate::calendar::model::Calendar;
use crate::clock;
use crate::contract::{Metric, Target};
use crate::error::Error;
use crate::incident::EventTag;

/// Under `new_cycle`: the cycles of a reopenable metric before the last reopening, each from
/// its start (the metric's start, then each reopening) to the event that fulfilled or
/// cancelled it.
pub(super) fn earlier_cycles(
    cx: &Context<'_>,
    metric: Metric,
    target: &Target,
    calendar: &Calendar,
    rules: Rules<'_>,
    start: DateTime<Utc>,
    started_by: EventTag,
) -> Result<Vec<Cycle>, Error> {
    let mut out = Vec::new();
    let mut from = (0usize, start, started_by);
    for (i, e) in cx.known.iter().enumerate().take(cx.reopen) {
        if e.kind.tag() != EventTag::Reopened || e.at <= start {
            continue;
        }
        // The cycle that this reopening ends.
        let sub = cx.known.get(..i).unwrap_or(&[]);
        let end = sub
            .iter()
            .enumerate()
            .skip(from.0)
            .find(|(_, e)| e.at >= from.1 && lifecycle::ends_work(e.kind.tag()));
        let stop = end
            .filter(|(_, e)| fulfils(metric, e.kind.tag()))
            .map(|(j, _)| j);
        let trace = lifecycle::trace(sub, from.0, from.1, rules, stop);
        let (r, _) = read_cycle(
            metric,
            (target, calendar),
            &trace.events,
            (from.1, e.at),
            trace.stop(),
            Detail::Full,
        )?;
        out.push(Cycle {
            started: from.1,
            deadline: r.deadline,
            ended: end.map(|(_, e)| e.at),
            state: if stop.is_none() {
                MetricState::NotApplicable
            } else {
                r.state
            },
        });
        from = (i, e.at, EventTag::Reopened);
    }
    Ok(out)
}

/// An instant and the event at it (a cycle's start or end).
type Mark = (DateTime<Utc>, EventTag);

/// A periodic metric: a cycle from the start to the first update, then from each update to
/// the next, ended by `resolved`, `closed` or `cancelled` and begun again by `reopened`.
/// The report's fields describe the last cycle.
pub(super) fn cycles(
    cx: &Context<'_>,
    target: &Target,
    calendar: &Calendar,
    start: (DateTime<Utc>, EventTag),
    pauses: &[crate::contract::PauseRule],
) -> Result<MetricReport, Error> {
    let metric = Metric::Update;
    let rules = Rules {
        pauses,
        waits_for_reopen: true,
    };
    let trace = lifecycle::trace(cx.known, 0, start.0, rules, None);
    let mut spans: Vec<(Mark, Option<Mark>)> = Vec::new();
    let mut open = Some(start);
    for e in cx.known.iter().filter(|e| e.at >= start.0) {
        let tag = e.kind.tag();
        match (tag, open) {
            (EventTag::UpdateSent, Some(begin)) => {
                spans.push((begin, Some((e.at, tag))));
                open = Some((e.at, tag));
            }
            (t, Some(begin)) if lifecycle::ends_work(t) => {
                spans.push((begin, Some((e.at, t))));
                open = None;
            }
            (EventTag::Reopened, None) => open = Some((e.at, tag)),
            _ => {}
        }
    }
    if let Some(begin) = open {
        spans.push((begin, None));
    }
    let mut cycles = Vec::with_capacity(spans.len());
    let mut last = None;
    let (mut cursor, mut paused) = (0, false);
    let mut events = Vec::with_capacity(4);
    let count = spans.len();
    for (k, ((from, by), end)) in spans.into_iter().enumerate() {
        let to = end.map(|(at, _)| at);
        lifecycle::cycle(
            &trace.events,
            &mut cursor,
            &mut paused,
            from,
            to,
            &mut events,
        );
        let (allowed, named) = target.allowance(calendar, from)?;
        let reading = clock::read(&events, calendar, allowed, cx.now)?;
        let mut report = report_from(
            metric,
            target,
            allowed,
            reading,
            (named_deadline(&events, named), to),
            Detail::Full,
        );
        if end.is_some_and(|(_, t)| t == EventTag::Cancelled) {
            report.state = MetricState::NotApplicable;
            report.fulfilled_at = None;
            report.breached_at = None;
        }
        cycles.push(Cycle {
            started: from,
            deadline: report.deadline,
            ended: to,
            state: report.state,
        });
        if k + 1 == count {
            report.started_at = Some(from);
            report.started_by = Some(by);
            report.wall_elapsed = lifecycle::wall_running(&events, cx.now);
            report.pauses = trace
                .pauses
                .iter()
                .filter(|p| p.until.is_none_or(|u| u > from) && to.is_none_or(|t| p.from < t))
                .map(|p| PauseInterval {
                    from: p.from.max(from),
                    until: match (p.until, to) {
                        (Some(u), Some(t)) => Some(u.min(t)),
                        (None, Some(t)) => Some(t),
                        (u, None) => u,
                    },
                    by: p.by,
                })
                .collect();
            last = Some(report);
        }
    }
    let mut report = last.unwrap_or_else(|| not_covered(metric));
    report.cycles = cycles;
    Ok(report)
}
