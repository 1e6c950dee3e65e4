//! The pausable business-time clock.
//!
//! The long-form documentation is the guide page [`guide::clock`](crate::guide::clock).

use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::model::Calendar;
use crate::error::Error;

/// What happened to a clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ClockEventKind {
    /// The clock starts counting.
    Start,
    /// The clock stops counting until the next `Resume`.
    Pause,
    /// The clock counts again after a `Pause`.
    Resume,
    /// The clock stops for good (the metric is fulfilled).
    Stop,
}

impl ClockEventKind {
    /// The name used in configuration and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            ClockEventKind::Start => "start",
            ClockEventKind::Pause => "pause",
            ClockEventKind::Resume => "resume",
            ClockEventKind::Stop => "stop",
        }
    }
}

impl fmt::Display for ClockEventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One event of a clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockEvent {
    /// When it happened (strict RFC 3339 with an offset, as an incident event's `at`).
    #[serde(with = "crate::config::instant")]
    pub at: DateTime<Utc>,
    /// What happened.
    pub kind: ClockEventKind,
}

impl ClockEvent {
    /// An event of `kind` at `at`.
    pub fn new(at: DateTime<Utc>, kind: ClockEventKind) -> Self {
        ClockEvent { at, kind }
    }
}

/// Where a clock stands as of `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ClockState {
    /// `now` is before the start (or there is no start yet).
    NotStarted,
    /// Counting.
    Running,
    /// Paused at `now`.
    Paused,
    /// Stopped with elapsed time within the target.
    Met,
    /// Elapsed time exceeds the target, stopped or not.
    Breached,
}

impl ClockState {
    /// The name used in serialized reports (`not_started`, `running`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ClockState::NotStarted => "not_started",
            ClockState::Running => "running",
            ClockState::Paused => "paused",
            ClockState::Met => "met",
            ClockState::Breached => "breached",
        }
    }
}

impl fmt::Display for ClockState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A clock's reading against a target as of `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockReading {
    /// The state.
    pub state: ClockState,
    /// Counted business time so far (ISO 8601 when serialized).
    #[serde(with = "crate::time::iso_duration")]
    pub elapsed: TimeDelta,
    /// When the target is (or was) reached; see the module docs for when it is `None`.
    pub deadline: Option<DateTime<Utc>>,
}

/// A validated clock history: a start, alternating pauses and resumes, and perhaps a stop.
///
/// Build one with [`Clock::from_events`]; evaluate it against a calendar, a target and `now`
/// with [`Clock::read`]. The events are kept; evaluation only looks at those at or before
/// `now`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clock {
    events: Vec<ClockEvent>,
}

/// The clock's phase while applying events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    Running,
    Paused,
    Stopped,
}

impl Clock {
    /// Validates a clock history.
    ///
    /// # Errors
    /// [`Error::InvalidEvent`] naming the event's index when events are out of time order,
    /// the first event is not a start, a start repeats, a pause comes while not running, a
    /// resume while not paused, or anything follows a stop.
    pub fn from_events(events: &[ClockEvent]) -> Result<Clock, Error> {
        let mut phase = Phase::Idle;
        let mut last: Option<DateTime<Utc>> = None;
        for (index, e) in events.iter().enumerate() {
            let fail = |reason: &str| Error::InvalidEvent {
                index,
                kind: e.kind.to_string(),
                at: e.at,
                reason: reason.to_owned(),
            };
            if let Some(prev) = last {
                if e.at < prev {
                    return Err(fail(&format!(
                        "out of order: before the previous event at {prev}"
                    )));
                }
            }
            last = Some(e.at);
            phase = match (phase, e.kind) {
                (Phase::Idle, ClockEventKind::Start) => Phase::Running,
                (Phase::Idle, _) => return Err(fail("the clock has not started")),
                (Phase::Stopped, _) => return Err(fail("the clock has already stopped")),
                (_, ClockEventKind::Start) => return Err(fail("the clock has already started")),
                (Phase::Running, ClockEventKind::Pause) => Phase::Paused,
                (Phase::Paused, ClockEventKind::Pause) => {
                    return Err(fail("the clock is already paused"))
                }
                (Phase::Paused, ClockEventKind::Resume) => Phase::Running,
                (Phase::Running, ClockEventKind::Resume) => {
                    return Err(fail("resume without a pause"))
                }
                (_, ClockEventKind::Stop) => Phase::Stopped,
            };
        }
        Ok(Clock {
            events: events.to_vec(),
        })
    }

    /// The events, in order.
    pub fn events(&self) -> &[ClockEvent] {
        &self.events
    }

    /// Reads the clock against `target` business time on `calendar` as of `now`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a negative target; calendar errors
    /// ([`Error::OutOfRange`]) at the far ends of chrono's range. A calendar that never opens
    /// again gives a `None` deadline, not an error.
    pub fn read(
        &self,
        calendar: &Calendar,
        target: TimeDelta,
        now: DateTime<Utc>,
    ) -> Result<ClockReading, Error> {
        read(&self.events, calendar, target, now)
    }
}

/// Whether a reading looks for its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Deadline {
    /// Find where the target is (or was) reached: one `add`.
    Find,
    /// Leave the deadline `None`: the reader needs the state and the counted time only (a
    /// compliance tally). Neither depends on the deadline.
    Skip,
}

/// Reads a valid event sequence (as [`Clock::from_events`] checks) against `target` on
/// `calendar` as of `now`, in one pass and without allocating: one `between` per running
/// segment and one `add` for the deadline.
pub(crate) fn read(
    events: &[ClockEvent],
    calendar: &Calendar,
    target: TimeDelta,
    now: DateTime<Utc>,
) -> Result<ClockReading, Error> {
    read_with(events, calendar, target, now, Deadline::Find)
}

/// [`read`], with or without the deadline. Under [`Deadline::Skip`] the state and the
/// counted time are those of [`Deadline::Find`], and the deadline is `None`; an `add` that
/// would fail (a deadline past the end of chrono's range) is not attempted, so it is no
/// error.
pub(crate) fn read_with(
    events: &[ClockEvent],
    calendar: &Calendar,
    target: TimeDelta,
    now: DateTime<Utc>,
    wanted: Deadline,
) -> Result<ClockReading, Error> {
    if target < TimeDelta::zero() {
        return Err(Error::InvalidArgument {
            operation: "Clock::read",
            reason: format!("negative target {target}"),
        });
    }
    let started = events.first().is_some_and(|e| e.at <= now);
    if !started {
        return Ok(ClockReading {
            state: ClockState::NotStarted,
            elapsed: TimeDelta::zero(),
            deadline: None,
        });
    }
    let overflow = || overflow_of("Clock::read", "target", target, now);
    let mut elapsed = TimeDelta::zero();
    let mut remaining = target;
    let mut deadline: Option<DateTime<Utc>> = None;
    // Where the target is reached, counting from `from` with `remaining` still to go.
    let reach = |from: DateTime<Utc>, remaining: TimeDelta| {
        if wanted == Deadline::Skip {
            return Ok(None);
        }
        match calendar.add(from, remaining) {
            Ok(d) => Ok(Some(d)),
            Err(Error::NoBusinessTime { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    };
    let mut phase = Phase::Idle;
    let mut stopped = false;
    let mut open: Option<DateTime<Utc>> = None;
    let mut last_stop: Option<DateTime<Utc>> = None;
    for e in events.iter().take_while(|e| e.at <= now) {
        match e.kind {
            ClockEventKind::Start | ClockEventKind::Resume => {
                open = Some(e.at);
                phase = Phase::Running;
            }
            ClockEventKind::Pause | ClockEventKind::Stop => {
                if let Some(from) = open.take() {
                    // A closed running segment [from, e.at), all of it known.
                    let counted = calendar.between(from, e.at)?;
                    elapsed = elapsed.checked_add(&counted).ok_or_else(overflow)?;
                    if deadline.is_none() {
                        if remaining <= counted {
                            deadline = reach(from, remaining)?;
                            remaining = TimeDelta::zero();
                        } else {
                            remaining = remaining.checked_sub(&counted).ok_or_else(overflow)?;
                        }
                    }
                }
                if e.kind == ClockEventKind::Pause {
                    phase = Phase::Paused;
                } else {
                    stopped = true;
                    last_stop = Some(e.at);
                    // A clock stopped while paused stays paused for the deadline's purpose.
                    if phase == Phase::Running {
                        phase = Phase::Stopped;
                    }
                }
            }
        }
    }
    if let Some(from) = open {
        // The segment still running at `now` counts on past it for the deadline.
        let counted = calendar.between(from, now)?;
        elapsed = elapsed.checked_add(&counted).ok_or_else(overflow)?;
        if deadline.is_none() {
            deadline = reach(from, remaining)?;
        }
    } else if deadline.is_none() && phase == Phase::Stopped {
        // After a stop (not while paused), the deadline counts on from the stop.
        if let Some(stop) = last_stop {
            deadline = reach(stop, remaining)?;
        }
    }
    let breached = elapsed > target;
    let state = if breached {
        ClockState::Breached
    } else if stopped {
        ClockState::Met
    } else if phase == Phase::Paused {
        ClockState::Paused
    } else {
        ClockState::Running
    };
    // While paused, the deadline is unknown unless the target was already exceeded.
    if phase == Phase::Paused && !breached {
        deadline = None;
    }
    Ok(ClockReading {
        state,
        elapsed,
        deadline,
    })
}

/// Where a clock's counted time reaches an amount, as of `now`: the question an escalation
/// step or a warning threshold asks of a clock (see [`reach`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Reached at this instant, at or before `now`: the earliest instant at which counted
    /// time equals the amount.
    At(DateTime<Utc>),
    /// Not reached yet; the clock runs at `now` and reaches the amount at this instant (after
    /// `now`) unless a later event pauses or stops it.
    Projected(DateTime<Utc>),
    /// Not reached, and the clock is paused at `now` (or has not started): when it will be
    /// reached is unknown.
    Halted,
    /// The clock stopped before counting the amount: it is never reached.
    Stopped,
    /// The clock runs, but its calendar never accumulates the amount.
    Never,
}

/// Where counted time on `calendar` reaches `amount` for a valid event sequence (as
/// [`Clock::from_events`] checks), as of `now`. Counted time is that of [`read`]: business
/// time from the start, outside pauses, before the stop, of events at or before `now`. An
/// amount reached exactly at a pause or a stop is reached (at that instant or earlier).
///
/// One pass, one `between` per running segment and at most one `add`.
pub(crate) fn reach(
    events: &[ClockEvent],
    calendar: &Calendar,
    amount: TimeDelta,
    now: DateTime<Utc>,
) -> Result<Reach, Error> {
    if amount < TimeDelta::zero() {
        return Err(Error::InvalidArgument {
            operation: "clock reach",
            reason: format!("negative amount {amount}"),
        });
    }
    let overflow = || overflow_of("clock reach", "amount", amount, now);
    let mut remaining = amount;
    let mut open: Option<DateTime<Utc>> = None;
    for e in events.iter().take_while(|e| e.at <= now) {
        match e.kind {
            ClockEventKind::Start | ClockEventKind::Resume => open = Some(e.at),
            ClockEventKind::Pause | ClockEventKind::Stop => {
                if let Some(from) = open.take() {
                    let counted = calendar.between(from, e.at)?;
                    if remaining <= counted {
                        return calendar.add(from, remaining).map(Reach::At);
                    }
                    remaining = remaining.checked_sub(&counted).ok_or_else(overflow)?;
                }
                if e.kind == ClockEventKind::Stop {
                    return Ok(Reach::Stopped);
                }
            }
        }
    }
    let Some(from) = open else {
        return Ok(Reach::Halted);
    };
    let counted = calendar.between(from, now)?;
    match calendar.add(from, remaining) {
        Ok(at) if remaining <= counted => Ok(Reach::At(at)),
        Ok(at) => Ok(Reach::Projected(at)),
        Err(Error::NoBusinessTime { .. }) => Ok(Reach::Never),
        Err(e) => Err(e),
    }
}

/// An out-of-range error of a clock computation of `duration` (its `what`) as of `now`.
fn overflow_of(
    operation: &'static str,
    what: &str,
    duration: TimeDelta,
    now: DateTime<Utc>,
) -> Error {
    crate::error::out_of_range(
        operation,
        format_args!(
            "{what} {} at {}",
            crate::time::format_duration(duration),
            crate::time::rfc3339(now)
        ),
    )
}

#[cfg(test)]
mod reach_tests {
    use super::*;
    use crate::testing::t;

    #[test]
    fn reach_counts_like_read_and_knows_exact_hits() {
        let cal: Calendar = serde_json::from_str(
            r#"{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"]}}"#,
        )
        .unwrap();
        let ev = |s: &str, k| ClockEvent::new(t(s), k);
        let events = [
            ev("2024-03-04T09:00:00Z", ClockEventKind::Start),
            ev("2024-03-04T11:00:00Z", ClockEventKind::Pause),
            ev("2024-03-05T09:00:00Z", ClockEventKind::Resume),
            ev("2024-03-05T10:00:00Z", ClockEventKind::Stop),
        ];
        let h = TimeDelta::hours;
        // Reached exactly at the pause: known although paused.
        assert_eq!(
            reach(&events, &cal, h(2), t("2024-03-04T12:00:00Z")).unwrap(),
            Reach::At(t("2024-03-04T11:00:00Z"))
        );
        assert_eq!(
            reach(&events, &cal, h(3), t("2024-03-04T12:00:00Z")).unwrap(),
            Reach::Halted
        );
        assert_eq!(
            reach(&events, &cal, h(3), t("2024-03-05T09:30:00Z")).unwrap(),
            Reach::Projected(t("2024-03-05T10:00:00Z"))
        );
        assert_eq!(
            reach(&events, &cal, h(4), t("2024-03-06T00:00:00Z")).unwrap(),
            Reach::Stopped
        );
        assert_eq!(
            reach(&events, &cal, h(0), t("2024-03-04T09:00:00Z")).unwrap(),
            Reach::At(t("2024-03-04T09:00:00Z"))
        );
        assert_eq!(
            reach(&events, &cal, h(1), t("2024-03-04T08:00:00Z")).unwrap(),
            Reach::Halted
        );
    }
}
