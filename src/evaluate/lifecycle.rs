//! The incident lifecycle as seen by one clock: which events start, pause, resume and stop
//! it. Every metric and every ladder is such a clock; this is the one place that turns an
//! incident's events into clock events (the table is in the [module docs](super)).

use chrono::{DateTime, Utc};

use super::report::PauseInterval;
use crate::clock::{ClockEvent, ClockEventKind};
use crate::contract::{Metric, PauseRule, MAX_PAUSE_RULES};
use crate::incident::{Event, EventTag};

/// The events that fulfil a metric (for `update`, only the end of its periodic cycles).
pub(crate) fn fulfils(metric: Metric, tag: EventTag) -> bool {
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

/// Whether a reopening puts `metric` back to work: the metrics a resolution fulfils by
/// nature (a reaction or a resolution plan once given stays given).
pub(crate) fn reopenable(metric: Metric) -> bool {
    matches!(
        metric,
        Metric::Workaround | Metric::Resolution | Metric::Update
    )
}

/// Whether an event ends the incident's work until a reopening.
pub(crate) fn ends_work(tag: EventTag) -> bool {
    matches!(
        tag,
        EventTag::Resolved | EventTag::Closed | EventTag::Cancelled
    )
}

/// How a clock follows the incident.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rules<'a> {
    /// The pause rules (nesting: paused while any is active).
    pub(crate) pauses: &'a [PauseRule],
    /// Whether `resolved` and `closed` that a later reopening undoes make the clock wait
    /// (a pause until the reopening) rather than leave it running. `cancelled` always does.
    pub(crate) waits_for_reopen: bool,
}

/// A clock's history: its events (start, pauses, resumes, stop) and its pauses with what
/// caused them, built in one pass over the incident's events.
#[derive(Clone, Debug, Default)]
pub(crate) struct Trace {
    pub(crate) events: Vec<ClockEvent>,
    pub(crate) pauses: Vec<PauseInterval>,
}

impl Trace {
    /// The instant the clock stopped, if it did.
    pub(crate) fn stop(&self) -> Option<DateTime<Utc>> {
        self.events
            .last()
            .filter(|e| e.kind == ClockEventKind::Stop)
            .map(|e| e.at)
    }
}

/// The pause state while walking events.
struct Pausing<'a> {
    rules: Rules<'a>,
    /// Bit `i`: rule `i` is active (lists are at most [`MAX_PAUSE_RULES`] long).
    active: u64,
    waiting: bool,
    /// The event that paused the clock, while paused.
    cause: Option<EventTag>,
}

impl<'a> Pausing<'a> {
    fn new(rules: Rules<'a>) -> Self {
        Pausing {
            rules,
            active: 0,
            waiting: false,
            cause: None,
        }
    }

    fn paused(&self) -> bool {
        self.waiting || self.active != 0
    }

    /// Applies one event; returns whether the clock is paused afterwards.
    fn apply(&mut self, tag: EventTag) -> bool {
        let was = self.paused();
        match tag {
            // The general rules: the end of the work ends every pause; a reopening starts
            // from a clean state.
            EventTag::Resolved | EventTag::Closed | EventTag::Cancelled => {
                self.active = 0;
                self.waiting = tag == EventTag::Cancelled || self.rules.waits_for_reopen;
            }
            EventTag::Reopened => {
                self.active = 0;
                self.waiting = false;
            }
            _ => {
                for (i, rule) in self.rules.pauses.iter().take(MAX_PAUSE_RULES).enumerate() {
                    if rule.from == tag {
                        self.active |= 1 << i;
                    } else if rule.until.contains(&tag) {
                        self.active &= !(1 << i);
                    }
                }
            }
        }
        let now = self.paused();
        if now && (!was || (ends_work(tag) && self.waiting)) {
            self.cause = Some(tag);
        } else if !now {
            self.cause = None;
        }
        now
    }
}

/// The clock that starts at `start` and follows `known` (the incident's events at or before
/// `now`, in order) from index `from` on, stopping at index `stop` when given. Events before
/// `start` only set which pause rules are active at the start. `from` must be 0 or an index
/// where the pause state is clean (just after a reopening).
pub(crate) fn trace(
    known: &[Event],
    from: usize,
    start: DateTime<Utc>,
    rules: Rules<'_>,
    stop: Option<usize>,
) -> Trace {
    let mut events = Vec::with_capacity(known.len().saturating_sub(from).min(64) + 2);
    let mut pauses = Vec::new();
    events.push(ClockEvent::new(start, ClockEventKind::Start));
    let mut pausing = Pausing::new(rules);
    let mut started = false;
    let begin =
        |pausing: &Pausing<'_>, events: &mut Vec<ClockEvent>, pauses: &mut Vec<PauseInterval>| {
            if pausing.paused() {
                events.push(ClockEvent::new(start, ClockEventKind::Pause));
                pauses.push(PauseInterval {
                    from: start,
                    until: None,
                    by: pausing.cause.unwrap_or(EventTag::Reported),
                });
            }
        };
    for (i, e) in known.iter().enumerate().skip(from) {
        if e.at < start {
            pausing.apply(e.kind.tag());
            continue;
        }
        if !started {
            started = true;
            begin(&pausing, &mut events, &mut pauses);
        }
        if stop == Some(i) {
            close(&mut pauses, e.at);
            events.push(ClockEvent::new(e.at, ClockEventKind::Stop));
            return Trace { events, pauses };
        }
        let (was, cause) = (pausing.paused(), pausing.cause);
        let now = pausing.apply(e.kind.tag());
        match (was, now) {
            // Still paused, for another reason: a new interval, the clock unchanged.
            (true, true) if pausing.cause != cause => {
                close(&mut pauses, e.at);
                pauses.push(PauseInterval {
                    from: e.at,
                    until: None,
                    by: e.kind.tag(),
                });
            }
            (false, true) => {
                events.push(ClockEvent::new(e.at, ClockEventKind::Pause));
                pauses.push(PauseInterval {
                    from: e.at,
                    until: None,
                    by: e.kind.tag(),
                });
            }
            (true, false) => {
                close(&mut pauses, e.at);
                events.push(ClockEvent::new(e.at, ClockEventKind::Resume));
            }
            _ => {}
        }
    }
    if !started {
        begin(&pausing, &mut events, &mut pauses);
    }
    Trace { events, pauses }
}

fn close(pauses: &mut [PauseInterval], at: DateTime<Utc>) {
    if let Some(p) = pauses.last_mut().filter(|p| p.until.is_none()) {
        p.until = Some(at);
    }
}

/// The part of a clock's events within the cycle `[from, to)`: a start at `from` (paused
/// there if the clock was), the pauses and resumes inside, and a stop at `to` when given.
/// `cursor` is an index into `events` that only moves forward across successive cycles, so
/// slicing every cycle of a clock is linear in its events. The cycle's events are written
/// into `out` (cleared first), so one buffer serves every cycle.
pub(crate) fn cycle(
    events: &[ClockEvent],
    cursor: &mut usize,
    paused: &mut bool,
    from: DateTime<Utc>,
    to: Option<DateTime<Utc>>,
    out: &mut Vec<ClockEvent>,
) {
    // Catch up to `from`: events at or before it set the state at the cycle's start.
    while let Some(e) = events.get(*cursor).filter(|e| e.at <= from) {
        apply_kind(paused, e.kind);
        *cursor += 1;
    }
    out.clear();
    out.push(ClockEvent::new(from, ClockEventKind::Start));
    if *paused {
        out.push(ClockEvent::new(from, ClockEventKind::Pause));
    }
    let mut i = *cursor;
    while let Some(e) = events.get(i).filter(|e| to.is_none_or(|to| e.at < to)) {
        if matches!(e.kind, ClockEventKind::Pause | ClockEventKind::Resume) {
            out.push(*e);
        }
        i += 1;
    }
    if let Some(to) = to {
        out.push(ClockEvent::new(to, ClockEventKind::Stop));
    }
}

fn apply_kind(paused: &mut bool, kind: ClockEventKind) {
    match kind {
        ClockEventKind::Pause => *paused = true,
        ClockEventKind::Resume | ClockEventKind::Start => *paused = false,
        ClockEventKind::Stop => {}
    }
}

/// Wall-clock time the clock ran (outside its pauses) up to `now`.
pub(crate) fn wall_running(events: &[ClockEvent], now: DateTime<Utc>) -> chrono::TimeDelta {
    // Whole seconds and nanoseconds apart, summed as integers: this runs for every metric of
    // every evaluation, and chrono's `signed_duration_since` goes through calendar dates.
    let stamp = |t: DateTime<Utc>| (t.timestamp(), i64::from(t.timestamp_subsec_nanos()));
    let (mut secs, mut nanos) = (0i64, 0i64);
    let mut open: Option<(i64, i64)> = None;
    let mut add = |from: (i64, i64), to: (i64, i64)| {
        secs = secs.saturating_add(to.0.saturating_sub(from.0));
        nanos += to.1 - from.1;
    };
    for e in events.iter().take_while(|e| e.at <= now) {
        match e.kind {
            ClockEventKind::Start | ClockEventKind::Resume => open = Some(stamp(e.at)),
            ClockEventKind::Pause | ClockEventKind::Stop => {
                if let Some(from) = open.take() {
                    add(from, stamp(e.at));
                }
            }
        }
    }
    if let Some(from) = open {
        add(from, stamp(now));
    }
    chrono::TimeDelta::try_seconds(secs)
        .and_then(|s| s.checked_add(&chrono::TimeDelta::nanoseconds(nanos)))
        .unwrap_or(chrono::TimeDelta::MAX)
}
