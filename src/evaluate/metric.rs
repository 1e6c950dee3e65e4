//! One metric of one incident: its clock computed once into a record — start, pauses,
//! cycles, fulfilment, deadline, breach — that the report, the ladders and the next wake-up
//! all read.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;

use super::cycles::{cycles, earlier_cycles};
use super::lifecycle::{self, fulfils, reopenable, Rules, Trace};
use super::report::{MetricReport, MetricState};
use crate::clock::{self, ClockEvent, ClockEventKind, ClockReading};
use crate::contract::{
    Contract, DowngradePolicy, Metric, ReopenPolicy, SeverityChangePolicy, StartRule, Target,
    UpgradePolicy, WALL_CLOCK,
};
use crate::error::Error;
use crate::incident::{Event, EventKind, EventTag, Incident};
use crate::Calendar;

/// What every metric of one evaluation shares: the contract, the incident and its events
/// known at `now`, and where the incident stands.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context<'a> {
    pub(crate) contract: &'a Contract,
    pub(crate) incident: &'a Incident,
    /// The incident's events at or before `now`.
    pub(crate) known: &'a [Event],
    pub(crate) now: DateTime<Utc>,
    /// The index in `known` just after the last `reopened` (0 without one).
    pub(crate) reopen: usize,
    /// The index of the `cancelled` event, when the incident is cancelled at `now`.
    pub(crate) cancelled: Option<usize>,
    /// Whether the incident is resolved, closed or cancelled at `now`.
    pub(crate) ended: bool,
    /// The zone a report shows instants in when their calendar has no zone of its own:
    /// the contact's business calendar's, else the contract's, else UTC.
    pub(crate) home_zone: Tz,
}

impl<'a> Context<'a> {
    pub(crate) fn new(contract: &'a Contract, incident: &'a Incident, now: DateTime<Utc>) -> Self {
        let events = incident.events();
        let known = events
            .get(..events.partition_point(|e| e.at <= now))
            .unwrap_or(&[]);
        // One pass: the last reopening, and whether (and how) the work ended after it.
        let (mut reopen, mut cancelled, mut ended) = (0, None, false);
        for (i, e) in known.iter().enumerate() {
            match e.kind.tag() {
                EventTag::Reopened => (reopen, cancelled, ended) = (i + 1, None, false),
                EventTag::Cancelled => (cancelled, ended) = (Some(i), true),
                EventTag::Resolved | EventTag::Closed => ended = true,
                _ => {}
            }
        }
        let home_zone = contract
            .business_calendar_for(incident.contact())
            .timezone()
            .or_else(|| contract.business_calendar().timezone())
            .unwrap_or(Tz::UTC);
        Context {
            contract,
            incident,
            known,
            now,
            reopen,
            cancelled,
            ended,
            home_zone,
        }
    }

    /// The zone a report shows the instants of a clock on `calendar` (named `name`) in: the
    /// calendar's own, or [`Context::home_zone`] for `24x7` (UTC only by construction) and
    /// for a calendar without one zone (a union, intersection or difference).
    pub(crate) fn zone_of(&self, name: &str, calendar: &Calendar) -> Tz {
        match calendar.timezone() {
            Some(tz) if name != WALL_CLOCK => tz,
            _ => self.home_zone,
        }
    }

    /// The calendar a target's clock counts on for this incident's contact.
    pub(crate) fn calendar(&self, name: &str) -> Option<&'a Calendar> {
        self.contract.calendar_for(name, self.incident.contact())
    }

    /// The first event at index `from` or later, at or after `not_before`, that fulfils
    /// `metric`.
    fn fulfilment(&self, metric: Metric, from: usize, not_before: DateTime<Utc>) -> Option<usize> {
        self.known
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, e)| e.at >= not_before && fulfils(metric, e.kind.tag()))
            .map(|(i, _)| i)
    }

    fn at(&self, index: Option<usize>) -> Option<DateTime<Utc>> {
        index.and_then(|i| self.known.get(i)).map(|e| e.at)
    }
}

/// How much of a metric's record an evaluation computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Everything a [`MetricReport`] holds, and the clock a ladder reads.
    Full,
    /// The state and the counted time (`state`, `elapsed`), which is all a compliance tally
    /// reads: no deadline, wall-clock time, percentage, calendar or clock for a ladder. The
    /// state and the counted time are those of [`Detail::Full`].
    Outcome,
}

/// What a ladder step needs of a metric's clock.
#[derive(Clone, Debug)]
pub(crate) struct MetricClock<'a> {
    pub(crate) calendar: &'a Calendar,
    /// The zone the metric's instants are shown in.
    pub(crate) zone: Tz,
    pub(crate) events: Vec<ClockEvent>,
    pub(crate) allowed: TimeDelta,
}

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
