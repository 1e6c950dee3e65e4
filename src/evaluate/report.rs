//! The result of an evaluation: per metric its state, clock, target, start, pauses,
//! deadline, fulfilment and breach; per ladder step its state and due instant.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::model::Calendar;
use crate::clock::ClockState;
use crate::contract::{Metric, TargetForm, Trigger};
use crate::incident::EventTag;
use crate::time::{format_duration, ZonedInstant};

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
    /// The metric never had to be met: the incident was cancelled before it was fulfilled,
    /// or it ended before the support level whose clock it is took over. Left out of
    /// compliance.
    NotApplicable,
}

impl MetricState {
    pub(crate) fn from_clock(s: ClockState) -> MetricState {
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
            MetricState::NotApplicable => "not_applicable",
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

/// A span during which a metric's clock did not count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PauseInterval {
    /// When the pause began.
    pub from: DateTime<Utc>,
    /// When the clock resumed (or stopped); `None` while still paused at `now`.
    pub until: Option<DateTime<Utc>>,
    /// The event that paused it (`awaiting_customer`, `solution_proposed`, or `resolved` /
    /// `closed` / `cancelled` for the wait until a reopening).
    pub by: EventTag,
}

/// One metric of a report.
///
/// Equality compares every serialized field (not the calendar and the zone the report keeps
/// for the crate's own consumers and its `Display`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricReport {
    /// Which metric.
    pub metric: Metric,
    /// The state.
    pub state: MetricState,
    /// When the clock (of the current cycle) started; `None` while not started, and when not
    /// covered or not applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<DateTime<Utc>>,
    /// The event that started it: `reported`, `contact_established`, `level_changed`,
    /// `severity_changed` (under `restart_at_change`), `reopened` (a new cycle),
    /// `update_sent` (a periodic cycle), or the fulfilling event itself for a metric
    /// fulfilled before its start event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<EventTag>,
    /// The clock (calendar) name the time counts on; `None` when not covered.
    pub clock: Option<Arc<str>>,
    /// The target as configured (`30m`, `5 business days` …); `None` when not covered.
    pub target: Option<TargetForm>,
    /// The business time the target allows (ISO 8601 in serialized reports, `PT4H`).
    #[serde(default, with = "crate::time::iso_duration::option")]
    pub allowed: Option<TimeDelta>,
    /// Counted business time so far (ISO 8601 in serialized reports, to the nanosecond).
    #[serde(with = "crate::time::iso_duration")]
    pub elapsed: TimeDelta,
    /// Wall-clock time the clock ran (outside its pauses) so far.
    #[serde(with = "crate::time::iso_duration")]
    pub wall_elapsed: TimeDelta,
    /// The spans the clock (of the current cycle) was paused, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<PauseInterval>,
    /// `allowed - elapsed`: negative once overdue (`-PT1H30M`).
    #[serde(default, with = "crate::time::iso_duration::option")]
    pub remaining: Option<TimeDelta>,
    /// When the metric is (or was) due; `None` while paused or not started.
    pub deadline: Option<DateTime<Utc>>,
    /// When it was fulfilled, if it was (in time or late).
    pub fulfilled_at: Option<DateTime<Utc>>,
    /// When the target was exceeded, if it was.
    pub breached_at: Option<DateTime<Utc>>,
    /// Share of the allowance used, in percent (may exceed 100).
    pub used_percent: Option<Decimal>,
    /// For a periodic metric: every cycle so far; under `reopen: new_cycle`, the cycles
    /// before the last reopening (the report's fields describe the current one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycles: Vec<Cycle>,
    /// The calendar the clock counts on, resolved for the reporting contact (what the wake-up
    /// and the pictures read instead of resolving `clock` again).
    #[serde(skip)]
    pub(crate) calendar: Option<Calendar>,
    /// The zone the metric's instants are shown in (see [`MetricReport::zone`]).
    #[serde(skip)]
    pub(crate) zone: Option<Tz>,
}

impl MetricReport {
    /// The zone a report for people shows this metric's instants in, resolved with its
    /// calendar when the report was evaluated: the zone of the metric's calendar; for `24x7`
    /// (UTC by construction) and for a calendar without one zone (a union, intersection or
    /// difference), the zone of the reporting contact's business calendar, else the
    /// contract's, else UTC.
    ///
    /// `None` for a metric the plan does not cover (no calendar), and for a report read back
    /// from its serialized form, which keeps instants in UTC only; `Display` then shows the
    /// instants in the report's [zone](Report::zone), or in UTC.
    pub fn zone(&self) -> Option<Tz> {
        self.zone
    }

    /// Every serialized field, for equality.
    #[allow(clippy::type_complexity)]
    fn key(
        &self,
    ) -> (
        (Metric, MetricState, Option<DateTime<Utc>>, Option<EventTag>),
        (&Option<Arc<str>>, &Option<TargetForm>, Option<TimeDelta>),
        (TimeDelta, TimeDelta, &[PauseInterval], Option<TimeDelta>),
        (
            Option<DateTime<Utc>>,
            Option<DateTime<Utc>>,
            Option<DateTime<Utc>>,
            Option<Decimal>,
        ),
        &[Cycle],
    ) {
        (
            (self.metric, self.state, self.started_at, self.started_by),
            (&self.clock, &self.target, self.allowed),
            (
                self.elapsed,
                self.wall_elapsed,
                &self.pauses,
                self.remaining,
            ),
            (
                self.deadline,
                self.fulfilled_at,
                self.breached_at,
                self.used_percent,
            ),
            &self.cycles,
        )
    }
}

impl PartialEq for MetricReport {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for MetricReport {}

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
///
/// Equality compares every serialized field (not the zone kept for `Display`).
#[derive(Clone, Debug, Serialize, Deserialize)]
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
    /// The zone the step's instants are shown in (see [`StepReport::zone`]).
    #[serde(skip)]
    pub(crate) zone: Option<Tz>,
}

impl StepReport {
    /// Whether the step has fired as of `now`.
    pub fn is_fired(&self) -> bool {
        self.state == StepState::Fired
    }

    /// The zone a report for people shows the step's instants in: for `after` and
    /// `business_days` steps the zone of the calendar they count on (resolved as for a
    /// metric, [`MetricReport::zone`]), for `share` and `after_breach` steps the zone of the
    /// metric they watch. `None` for a report read back from its serialized form.
    pub fn zone(&self) -> Option<Tz> {
        self.zone
    }
}

impl PartialEq for StepReport {
    fn eq(&self, other: &Self) -> bool {
        // Destructured so that a new field cannot be forgotten here.
        let StepReport {
            step,
            notify,
            trigger,
            state,
            due,
            fired_at,
            zone: _,
        } = self;
        (step, notify, trigger, state, due, fired_at)
            == (
                &other.step,
                &other.notify,
                &other.trigger,
                &other.state,
                &other.due,
                &other.fired_at,
            )
    }
}

impl Eq for StepReport {}

/// The evaluation of one incident against a contract as of `now`.
///
/// Serialized, instants are RFC 3339 in UTC and durations ISO 8601 (machine-friendly, and
/// stable). `Display` prints a table for people: each instant in local time with its zone
/// and offset ([`ZonedInstant`], `2026-03-02 14:00 CET (+01:00)`) — a metric's in its
/// [zone](MetricReport::zone), a step's in [its](StepReport::zone), the report time and
/// `now` in the report's [zone](Report::zone) — and business time as `1h30m`.
///
/// Equality compares every serialized field (not the zones kept for `Display`).
#[derive(Clone, Debug, Serialize, Deserialize)]
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
    /// The severity's rank in the catalog (0 = the most severe).
    #[serde(default)]
    pub severity_rank: usize,
    /// When the incident was reported.
    pub reported_at: DateTime<Utc>,
    /// The instant of evaluation.
    pub now: DateTime<Utc>,
    /// One entry per metric the plan defines, in [`Metric::ALL`] order.
    pub metrics: Vec<MetricReport>,
    /// The escalation ladder of the severity in force at `now`, step by step (empty when the
    /// plan has none); see [`crate::guide::lifecycle#escalation-ladders`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepReport>,
    /// The zone of the report time and `now` in `Display` (see [`Report::zone`]).
    #[serde(skip)]
    pub(crate) zone: Option<Tz>,
}

impl PartialEq for Report {
    fn eq(&self, other: &Self) -> bool {
        // Destructured so that a new field cannot be forgotten here.
        let Report {
            incident,
            customer,
            plan,
            severity,
            severity_rank,
            reported_at,
            now,
            metrics,
            steps,
            zone: _,
        } = self;
        (incident, customer, plan, severity, severity_rank)
            == (
                &other.incident,
                &other.customer,
                &other.plan,
                &other.severity,
                &other.severity_rank,
            )
            && (reported_at, now, metrics, steps)
                == (&other.reported_at, &other.now, &other.metrics, &other.steps)
    }
}

impl Eq for Report {}

impl Report {
    /// The zone a report for people shows the report time and `now` in: the zone of the
    /// reporting contact's business calendar, else the contract's, else UTC (when neither
    /// has one zone). `None` for a report read back from its serialized form, which keeps
    /// instants in UTC only; `Display` then prints them in UTC.
    pub fn zone(&self) -> Option<Tz> {
        self.zone
    }

    /// The report of one metric.
    pub fn metric(&self, metric: Metric) -> Option<&MetricReport> {
        self.metrics.iter().find(|m| m.metric == metric)
    }

    /// Whether two reports agree on every discrete part: the incident, customer, plan and
    /// severity, and every field of every metric (cycles included) and of every step —
    /// except `now` and the metrics' `elapsed`, `wall_elapsed`, `remaining` and
    /// `used_percent`, which change continuously while a clock counts. This is the
    /// notion of change behind [`crate::next_wake_up`].
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
            && self.severity_rank == other.severity_rank
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

/// `t` in `zone` for people, `-` for none.
fn opt_time(t: Option<DateTime<Utc>>, zone: Tz) -> String {
    t.map_or_else(
        || "-".to_owned(),
        |t| ZonedInstant::new(t, zone).to_string(),
    )
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let home = self.zone.unwrap_or(Tz::UTC);
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
            opt_time(Some(self.reported_at), home),
            opt_time(Some(self.now), home),
        )?;
        writeln!(
            f,
            "  {:<16} {:<14} {:<30} {:>10} {:>10}  {:<30} {:>7}",
            "metric", "state", "target", "elapsed", "remaining", "deadline", "used"
        )?;
        for m in &self.metrics {
            let target = match (&m.target, &m.clock) {
                (Some(t), Some(c)) => format!("{t} @ {c}"),
                _ => "-".to_owned(),
            };
            writeln!(
                f,
                "  {:<16} {:<14} {:<30} {:>10} {:>10}  {:<30} {:>7}",
                m.metric.as_str(),
                m.state.as_str(),
                target,
                format_duration(m.elapsed),
                m.remaining.map_or_else(|| "-".to_owned(), format_duration),
                opt_time(m.deadline, m.zone.unwrap_or(home)),
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
                    opt_time(s.due, s.zone.unwrap_or(home)),
                )?;
            }
        }
        Ok(())
    }
}
