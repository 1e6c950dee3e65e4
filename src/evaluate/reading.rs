//! A metric's report from one reading of its clock: the one place a [`ClockReading`] becomes
//! a [`MetricReport`] (state, deadline, breach, percentage used).

use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::Decimal;

use super::context::Detail;
use super::report::{MetricReport, MetricState};
use crate::calendar::model::Calendar;
use crate::clock::{self, ClockEvent, ClockEventKind, ClockReading};
use crate::contract::{Metric, Target};
use crate::error::Error;

/// A metric's report with nothing counted: not covered by the plan.
pub(crate) fn not_covered(metric: Metric) -> MetricReport {
    MetricReport {
        metric,
        state: MetricState::NotCovered,
        started_at: None,
        started_by: None,
        clock: None,
        target: None,
        allowed: None,
        elapsed: TimeDelta::zero(),
        wall_elapsed: TimeDelta::zero(),
        pauses: Vec::new(),
        remaining: None,
        deadline: None,
        fulfilled_at: None,
        breached_at: None,
        used_percent: None,
        cycles: Vec::new(),
        calendar: None,
        zone: None,
    }
}

/// One cycle of a metric's clock, started at `start`, read as of `now` against the
/// allowance of its target: the report and the allowance.
pub(super) fn read_cycle(
    metric: Metric,
    (target, calendar): (&Target, &Calendar),
    events: &[ClockEvent],
    (start, now): (DateTime<Utc>, DateTime<Utc>),
    fulfilled: Option<DateTime<Utc>>,
    detail: Detail,
) -> Result<(MetricReport, TimeDelta), Error> {
    let (allowed, named) = target.allowance(calendar, start)?;
    let wanted = match detail {
        Detail::Full => clock::Deadline::Find,
        Detail::Outcome => clock::Deadline::Skip,
    };
    let reading = clock::read_with(events, calendar, allowed, now, wanted)?;
    let report = report_from(
        metric,
        target,
        allowed,
        reading,
        (named_deadline(events, named), fulfilled),
        detail,
    );
    Ok((report, allowed))
}

/// A business-day form names its deadline; it holds while the clock was never paused.
pub(super) fn named_deadline(
    events: &[ClockEvent],
    named: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    named.filter(|_| !events.iter().any(|e| e.kind == ClockEventKind::Pause))
}

/// A metric's report from its clock's reading.
pub(crate) fn report_from(
    metric: Metric,
    target: &Target,
    allowed: TimeDelta,
    reading: ClockReading,
    (named, fulfilled): (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
    detail: Detail,
) -> MetricReport {
    let state = MetricState::from_clock(reading.state);
    // A business-day form names its deadline; it holds the same business time as the
    // clock's earliest instant, so prefer the named one when nothing paused the clock.
    let deadline = match (reading.deadline, named) {
        (Some(_), Some(named)) if state != MetricState::Breached => Some(named),
        (d, _) => d,
    };
    MetricReport {
        state,
        clock: Some(target.calendar.clone()),
        target: Some(target.form),
        allowed: Some(allowed),
        elapsed: reading.elapsed,
        remaining: allowed.checked_sub(&reading.elapsed),
        deadline,
        fulfilled_at: fulfilled
            .filter(|_| matches!(state, MetricState::Met | MetricState::Breached)),
        breached_at: (state == MetricState::Breached)
            .then_some(reading.deadline)
            .flatten(),
        used_percent: match detail {
            Detail::Full => used_percent(reading.elapsed, allowed),
            Detail::Outcome => None,
        },
        ..not_covered(metric)
    }
}

/// `elapsed / allowed` in percent with two decimals, rounded half away from zero (integer
/// arithmetic: this runs for every metric of every evaluation).
fn used_percent(elapsed: TimeDelta, allowed: TimeDelta) -> Option<Decimal> {
    let allowed = i128::from(allowed.num_seconds());
    if allowed <= 0 {
        return None;
    }
    let scaled = i128::from(elapsed.num_seconds()) * 10_000;
    // Round half away from zero: elapsed is never negative, so add half the divisor.
    let basis_points = (scaled + allowed / 2) / allowed;
    i64::try_from(basis_points)
        .ok()
        .map(|bp| Decimal::new(bp, 2).normalize())
}
