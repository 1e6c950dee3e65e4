//! Evaluating an incident against a contract as of `now`: for every metric of the plan, its
//! clock, target, state, elapsed and remaining time, deadline, and when it was met or
//! breached.
//!
//! Each metric is one [`Clock`](crate::clock::Clock): started by the metric's start rule, paused and resumed by the
//! plan's pause rules, stopped by the events that fulfil it. A periodic update is a clock
//! restarted at every update sent, each cycle met or breached on its own.
//!
//! The plan's escalation ladder for the severity in force is reported step by step
//! ([`Report::steps`], see [`crate::escalation`]); [`crate::next_wake_up`] says when the
//! report next changes.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::clock::{self, ClockEvent, ClockEventKind, ClockReading, ClockState};
use crate::contract::{
    Contract, Metric, PauseRule, SeverityChangePolicy, StartRule, Target, TargetForm,
};
use crate::error::Error;
use crate::escalation::{self, StepReport};
use crate::incident::{EventKind, EventTag, Incident};
use crate::time::format_duration;

/// A metric's state as of `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum MetricState {
    /// The metric's clock has not started (e.g. waiting for the phone contact).
    NotStarted,
    /// Counting.
    Running,
    /// Paused at `now`.
    Paused,
    /// Fulfilled within the target.
    Met,
    /// The target is exceeded (fulfilled late, or not yet fulfilled).
    Breached,
    /// The plan makes no promise for this severity and metric.
    NotCovered,
}

impl MetricState {
    fn from_clock(s: ClockState) -> MetricState {
        match s {
            ClockState::NotStarted => MetricState::NotStarted,
            ClockState::Running => MetricState::Running,
            ClockState::Paused => MetricState::Paused,
            ClockState::Met => MetricState::Met,
            ClockState::Breached => MetricState::Breached,
        }
    }

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            MetricState::NotStarted => "not_started",
            MetricState::Running => "running",
            MetricState::Paused => "paused",
            MetricState::Met => "met",
            MetricState::Breached => "breached",
            MetricState::NotCovered => "not_covered",
        }
    }
}

impl fmt::Display for MetricState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One cycle of a periodic metric.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cycle {
    /// When the cycle started.
    pub started: DateTime<Utc>,
    /// When the next update is (or was) due.
    pub deadline: Option<DateTime<Utc>>,
    /// When the cycle ended (the update was sent), if it did.
    pub ended: Option<DateTime<Utc>>,
    /// The cycle's state.
    pub state: MetricState,
}

/// One metric of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricReport {
    /// Which metric.
    pub metric: Metric,
    /// The state.
    pub state: MetricState,
    /// The clock (calendar) name the time counts on; `None` when not covered.
    pub clock: Option<Arc<str>>,
    /// The target as configured (`30m`, `5 business days` …); `None` when not covered.
    pub target: Option<TargetForm>,
    /// The business time the target allows.
    pub allowed: Option<TimeDelta>,
    /// Counted business time so far.
    pub elapsed: TimeDelta,
    /// `allowed - elapsed`: negative once overdue.
    pub remaining: Option<TimeDelta>,
    /// When the metric is (or was) due; `None` while paused or not started.
    pub deadline: Option<DateTime<Utc>>,
    /// When it was fulfilled, if it was (in time or late).
    pub fulfilled_at: Option<DateTime<Utc>>,
    /// When the target was exceeded, if it was.
    pub breached_at: Option<DateTime<Utc>>,
    /// Share of the allowance used, in percent (may exceed 100).
    pub used_percent: Option<Decimal>,
    /// For a periodic metric: every cycle so far (the report's fields describe the last).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycles: Vec<Cycle>,
}

/// The evaluation of one incident against a contract as of `now`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The incident's identifier.
    pub incident: String,
    /// The customer.
    pub customer: String,
    /// The plan's key.
    pub plan: String,
    /// The severity in force at `now`.
    pub severity: String,
    /// When the incident was reported.
    pub reported_at: DateTime<Utc>,
    /// The instant of evaluation.
    pub now: DateTime<Utc>,
    /// One entry per metric the plan defines, in [`Metric::ALL`] order.
    pub metrics: Vec<MetricReport>,
    /// The escalation ladder of the severity in force at `now`, step by step (empty when the
    /// plan has none); see [`crate::escalation`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepReport>,
}

impl Report {
    /// The report of one metric.
    pub fn metric(&self, metric: Metric) -> Option<&MetricReport> {
        self.metrics.iter().find(|m| m.metric == metric)
    }

    /// Whether two reports agree on every discrete part: the incident, customer, plan and
    /// severity, and every field of every metric (cycles included) and of every step —
    /// except `now` and the metrics' `elapsed`, `remaining` and `used_percent`, which change
    /// continuously while a clock counts. This is the notion of change behind
    /// [`crate::next_wake_up`].
    pub fn same_state(&self, other: &Report) -> bool {
        let metric_eq = |a: &MetricReport, b: &MetricReport| {
            a.metric == b.metric
                && a.state == b.state
                && a.clock == b.clock
                && a.target == b.target
                && a.allowed == b.allowed
                && a.deadline == b.deadline
                && a.fulfilled_at == b.fulfilled_at
                && a.breached_at == b.breached_at
                && a.cycles == b.cycles
        };
        self.incident == other.incident
            && self.customer == other.customer
            && self.plan == other.plan
            && self.severity == other.severity
            && self.reported_at == other.reported_at
            && self.metrics.len() == other.metrics.len()
            && self
                .metrics
                .iter()
                .zip(&other.metrics)
                .all(|(a, b)| metric_eq(a, b))
            && self.steps == other.steps
    }
}

fn opt_time(t: Option<DateTime<Utc>>) -> String {
    t.map_or_else(
        || "-".to_owned(),
        |t| t.format("%Y-%m-%d %H:%M:%SZ").to_string(),
    )
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "incident {} — {} on plan {}, severity {}, reported {}, as of {}",
            if self.incident.is_empty() {
                "-"
            } else {
                &self.incident
            },
            self.customer,
            self.plan,
            self.severity,
            opt_time(Some(self.reported_at)),
            opt_time(Some(self.now)),
        )?;
        writeln!(
            f,
            "  {:<16} {:<12} {:<30} {:>10} {:>10}  {:<21} {:>7}",
            "metric", "state", "target", "elapsed", "remaining", "deadline", "used"
        )?;
        for m in &self.metrics {
            let target = match (&m.target, &m.clock) {
                (Some(t), Some(c)) => format!("{t} @ {c}"),
                _ => "-".to_owned(),
            };
            writeln!(
                f,
                "  {:<16} {:<12} {:<30} {:>10} {:>10}  {:<21} {:>7}",
                m.metric.as_str(),
                m.state.as_str(),
                target,
                format_duration(m.elapsed),
                m.remaining.map_or_else(|| "-".to_owned(), format_duration),
                opt_time(m.deadline),
                m.used_percent
                    .map_or_else(|| "-".to_owned(), |p| format!("{p}%")),
            )?;
        }
        if !self.steps.is_empty() {
            writeln!(
                f,
                "  {:<4} {:<38} {:<28} {:<10} due",
                "step", "notify", "trigger", "state"
            )?;
            for s in &self.steps {
                writeln!(
                    f,
                    "  {:<4} {:<38} {:<28} {:<10} {}",
                    s.step,
                    s.notify,
                    s.trigger.to_string(),
                    s.state.as_str(),
                    opt_time(s.due),
                )?;
            }
        }
        Ok(())
    }
}

/// The events that fulfil a metric.
fn fulfils(metric: Metric, tag: EventTag) -> bool {
    use EventTag as T;
    match metric {
        Metric::Reaction => matches!(
            tag,
            T::Responded
                | T::ResolutionPlanProvided
                | T::WorkaroundProvided
                | T::UpdateSent
                | T::SolutionProposed
                | T::Resolved
                | T::Closed
        ),
        Metric::ResolutionPlan => matches!(
            tag,
            T::ResolutionPlanProvided | T::WorkaroundProvided | T::Resolved | T::Closed
        ),
        Metric::Workaround => matches!(tag, T::WorkaroundProvided | T::Resolved | T::Closed),
        Metric::Resolution => matches!(tag, T::Resolved | T::Closed),
        Metric::Update => matches!(tag, T::Resolved | T::Closed),
    }
}

/// Evaluates `incident` against `contract` as of `now`.
///
/// Only events at or before `now` are taken into account.
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
    let known = || {
        catalog
            .severities()
            .iter()
            .map(|s| s.key.clone())
            .collect::<Vec<_>>()
    };
    for (i, e) in incident.events().iter().enumerate() {
        if let EventKind::Reported { severity, .. } | EventKind::SeverityChanged { severity } =
            &e.kind
        {
            if catalog.severity_rank(severity).is_none() {
                return Err(Error::UnknownName {
                    path: format!("events[{i}].severity"),
                    kind: "severity".into(),
                    name: severity.clone(),
                    known: known(),
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
    let plan = contract.plan();
    let mut metrics = Vec::with_capacity(Metric::ALL.len());
    for metric in Metric::ALL {
        if plan.defines(metric) {
            metrics.push(evaluate_metric(contract, incident, metric, now)?);
        }
    }
    let (severity, _) = incident.severity_at(now);
    let steps = if plan.ladders.is_empty() {
        Vec::new()
    } else {
        escalation::evaluate_ladder(contract, incident, now)?
    };
    Ok(Report {
        incident: incident.id().to_owned(),
        customer: contract.customer().to_owned(),
        plan: plan.key.clone(),
        severity: severity.to_owned(),
        reported_at: reported,
        now,
        metrics,
        steps,
    })
}

fn not_covered(metric: Metric) -> MetricReport {
    MetricReport {
        metric,
        state: MetricState::NotCovered,
        clock: None,
        target: None,
        allowed: None,
        elapsed: TimeDelta::zero(),
        remaining: None,
        deadline: None,
        fulfilled_at: None,
        breached_at: None,
        used_percent: None,
        cycles: Vec::new(),
    }
}

fn evaluate_metric(
    contract: &Contract,
    incident: &Incident,
    metric: Metric,
    now: DateTime<Utc>,
) -> Result<MetricReport, Error> {
    match metric_setup(contract, incident, metric, now)? {
        MetricSetup::Report(r) => Ok(r),
        MetricSetup::Cycles {
            calendar,
            target,
            start,
            pauses,
        } => evaluate_cycles(calendar, target, incident, start, pauses, now, metric),
        MetricSetup::Clock(c) => {
            // The events are valid by construction (one start, alternating pause/resume, one
            // stop).
            let reading = clock::read(&c.events, c.calendar, c.allowed, now)?;
            let unpaused = !c.events.iter().any(|e| e.kind == ClockEventKind::Pause);
            Ok(report_from(
                metric,
                c.target,
                c.allowed,
                reading,
                c.form_deadline.filter(|_| unpaused),
                c.fulfilled,
            ))
        }
    }
}

/// A metric's clock as of `now`, before it is read.
pub(crate) enum MetricSetup<'a> {
    /// Not covered, or not started: the report is final.
    Report(MetricReport),
    /// A periodic metric: cycles from `start`.
    Cycles {
        calendar: &'a Calendar,
        target: &'a Target,
        start: DateTime<Utc>,
        pauses: &'a [PauseRule],
    },
    /// One clock.
    Clock(MetricClock<'a>),
}

/// A (non-periodic) metric's clock: its events as of `now`, calendar and allowance.
pub(crate) struct MetricClock<'a> {
    pub(crate) target: &'a Target,
    pub(crate) calendar: &'a Calendar,
    pub(crate) events: Vec<ClockEvent>,
    pub(crate) allowed: TimeDelta,
    /// The deadline a business-day form names.
    pub(crate) form_deadline: Option<DateTime<Utc>>,
    pub(crate) fulfilled: Option<DateTime<Utc>>,
}

pub(crate) fn metric_setup<'a>(
    contract: &'a Contract,
    incident: &Incident,
    metric: Metric,
    now: DateTime<Utc>,
) -> Result<MetricSetup<'a>, Error> {
    let plan = contract.plan();
    let events = incident.events();
    let known = events
        .get(..events.partition_point(|e| e.at <= now))
        .unwrap_or(&[]);
    // The fulfilling event: the first one after the last reopening.
    let last_reopen = known
        .iter()
        .rposition(|e| e.kind == EventKind::Reopened)
        .map_or(0, |i| i + 1);
    // Resolution and workaround are fulfilled again only after the last reopening.
    let reopenable = matches!(metric, Metric::Resolution | Metric::Workaround);
    let fulfilling =
        move |tag: EventTag, i: usize| fulfils(metric, tag) && (!reopenable || i >= last_reopen);
    let fulfilled = if metric == Metric::Update {
        None
    } else {
        known
            .iter()
            .enumerate()
            .find(|(i, e)| fulfilling(e.kind.tag(), *i))
            .map(|(_, e)| e.at)
    };
    // A metric already met keeps the severity it was met under.
    let (severity, changed_at) = incident.severity_at(fulfilled.unwrap_or(now).min(now));
    let Some(target) = plan.target(severity, metric) else {
        return Ok(MetricSetup::Report(not_covered(metric)));
    };
    let Some(calendar) = contract.clock_for(&target.clock, incident.contact()) else {
        return Ok(MetricSetup::Report(not_covered(metric)));
    };
    let mut start = match &target.start {
        StartRule::Reported => Some(incident.reported_at()),
        StartRule::AtLevel(level) => {
            let first = plan.entitlements.levels.first().map(|l| l.key.as_str());
            if first == Some(level.as_str()) {
                Some(incident.reported_at())
            } else {
                known
                    .iter()
                    .find(|e| matches!(&e.kind, EventKind::LevelChanged { level: l } if l == level))
                    .map(|e| e.at)
            }
        }
        StartRule::ContactOnNonBusinessDays => {
            let business = contract.business_calendar_for(incident.contact());
            let reported = incident.reported_at();
            let date = business.local_date(reported)?;
            if business.is_business_day(date) {
                Some(reported)
            } else {
                known
                    .iter()
                    .find(|e| e.kind == EventKind::ContactEstablished)
                    .map(|e| e.at)
            }
        }
    };
    if plan.severity_change == SeverityChangePolicy::RestartAtChange {
        start = start.map(|s| s.max(changed_at));
    }
    let Some(start) = start else {
        return Ok(MetricSetup::Report(MetricReport {
            clock: Some(target.clock.clone()),
            target: Some(target.form),
            state: MetricState::NotStarted,
            ..not_covered(metric)
        }));
    };
    let pauses = plan.pauses.get(&metric).map_or(&[][..], Vec::as_slice);
    if metric == Metric::Update {
        return Ok(MetricSetup::Cycles {
            calendar,
            target,
            start,
            pauses,
        });
    }
    let clock_events = clock_events(incident, start, pauses, now, fulfilling, reopenable);
    let (allowed, form_deadline) = target.allowance(calendar, start)?;
    Ok(MetricSetup::Clock(MetricClock {
        target,
        calendar,
        events: clock_events,
        allowed,
        form_deadline,
        fulfilled,
    }))
}

fn report_from(
    metric: Metric,
    target: &Target,
    allowed: TimeDelta,
    reading: ClockReading,
    form_deadline: Option<DateTime<Utc>>,
    fulfilled: Option<DateTime<Utc>>,
) -> MetricReport {
    let state = MetricState::from_clock(reading.state);
    // A business-day form names its deadline; it holds the same business time as the
    // clock's earliest instant, so prefer the named one when nothing paused the clock.
    let deadline = match (reading.deadline, form_deadline) {
        (Some(_), Some(named)) if state != MetricState::Breached => Some(named),
        (d, _) => d,
    };
    let remaining = allowed.checked_sub(&reading.elapsed);
    let used_percent = used_percent(reading.elapsed, allowed);
    MetricReport {
        metric,
        state,
        clock: Some(target.clock.clone()),
        target: Some(target.form),
        allowed: Some(allowed),
        elapsed: reading.elapsed,
        remaining,
        deadline,
        fulfilled_at: fulfilled
            .filter(|_| matches!(state, MetricState::Met | MetricState::Breached)),
        breached_at: if state == MetricState::Breached {
            reading.deadline
        } else {
            None
        },
        used_percent,
        cycles: Vec::new(),
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

/// Marks which pause rules an event starts or ends.
fn apply_pause_rules(pauses: &[PauseRule], active: &mut [bool], tag: EventTag) {
    for (rule, on) in pauses.iter().zip(active.iter_mut()) {
        if rule.from == tag {
            *on = true;
        } else if rule.until.contains(&tag) {
            *on = false;
        }
    }
}

/// Translates the incident's events into clock events for one metric starting at `start`.
/// Pause rules nest: the clock pauses when the first rule becomes active and resumes when
/// none is. With `reopenable`, a fulfilling event followed by a reopening pauses instead of
/// stopping.
pub(crate) fn clock_events(
    incident: &Incident,
    start: DateTime<Utc>,
    pauses: &[PauseRule],
    now: DateTime<Utc>,
    stops: impl Fn(EventTag, usize) -> bool,
    reopenable: bool,
) -> Vec<ClockEvent> {
    let mut out = Vec::with_capacity(incident.events().len() + 2);
    out.push(ClockEvent::new(start, ClockEventKind::Start));
    let mut active = vec![false; pauses.len()];
    let mut reopen_pause = false;
    for (i, e) in incident.events().iter().enumerate() {
        if e.at > now {
            break;
        }
        if e.at < start {
            // Pauses that began before the start still hold at the start.
            apply_pause_rules(pauses, &mut active, e.kind.tag());
            continue;
        }
        if out.len() == 1 && active.iter().any(|a| *a) {
            out.push(ClockEvent::new(start, ClockEventKind::Pause));
        }
        let tag = e.kind.tag();
        let was_paused = active.iter().any(|a| *a) || reopen_pause;
        if stops(tag, i) {
            out.push(ClockEvent::new(e.at, ClockEventKind::Stop));
            return out;
        }
        if reopenable && matches!(tag, EventTag::Resolved | EventTag::Closed) {
            // Fulfilled before a later reopening: the clock waits for it.
            reopen_pause = true;
        } else if tag == EventTag::Reopened {
            reopen_pause = false;
        }
        apply_pause_rules(pauses, &mut active, tag);
        let paused = active.iter().any(|a| *a) || reopen_pause;
        match (was_paused, paused) {
            (false, true) => out.push(ClockEvent::new(e.at, ClockEventKind::Pause)),
            (true, false) => out.push(ClockEvent::new(e.at, ClockEventKind::Resume)),
            _ => {}
        }
    }
    if out.len() == 1 && active.iter().any(|a| *a) {
        out.push(ClockEvent::new(start, ClockEventKind::Pause));
    }
    out
}

/// A periodic metric: a cycle from the start to the first update, then from each update to
/// the next, until the incident is resolved or closed.
fn evaluate_cycles(
    calendar: &Calendar,
    target: &Target,
    incident: &Incident,
    start: DateTime<Utc>,
    pauses: &[PauseRule],
    now: DateTime<Utc>,
    metric: Metric,
) -> Result<MetricReport, Error> {
    let mut boundaries = vec![start];
    let mut end = None;
    for e in incident
        .events()
        .iter()
        .filter(|e| e.at >= start && e.at <= now)
    {
        match e.kind.tag() {
            EventTag::UpdateSent => boundaries.push(e.at),
            EventTag::Resolved | EventTag::Closed => {
                end = Some(e.at);
                break;
            }
            _ => {}
        }
    }
    let mut cycles = Vec::new();
    let mut last = None;
    for (k, &from) in boundaries.iter().enumerate() {
        let to = boundaries.get(k + 1).copied().or(end);
        let mut events = clock_events(
            incident,
            from,
            pauses,
            now,
            |tag, _| matches!(tag, EventTag::Resolved | EventTag::Closed),
            false,
        );
        if let Some(to) = to {
            // Cut the cycle at its end.
            events.retain(|e| e.at < to || e.kind == ClockEventKind::Start);
            if events
                .last()
                .is_some_and(|e| e.kind == ClockEventKind::Stop)
            {
                events.pop();
            }
            events.push(ClockEvent::new(to, ClockEventKind::Stop));
        }
        let (allowed, form_deadline) = target.allowance(calendar, from)?;
        let reading = clock::read(&events, calendar, allowed, now)?;
        let unpaused = !events.iter().any(|e| e.kind == ClockEventKind::Pause);
        let report = report_from(
            metric,
            target,
            allowed,
            reading,
            form_deadline.filter(|_| unpaused),
            to,
        );
        cycles.push(Cycle {
            started: from,
            deadline: report.deadline,
            ended: to,
            state: report.state,
        });
        last = Some(report);
        if to == end && end.is_some() {
            break;
        }
    }
    let mut report = last.unwrap_or_else(|| not_covered(metric));
    report.cycles = cycles;
    Ok(report)
}
