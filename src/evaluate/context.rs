//! What the metrics of one evaluation share ([`Context`]), how much of their record to
//! compute ([`Detail`]), and what a ladder reads of a metric's clock ([`MetricClock`]).

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::lifecycle::fulfils;
use crate::calendar::model::Calendar;
use crate::clock::ClockEvent;
use crate::contract::{Contract, Metric, WALL_CLOCK};
use crate::incident::{Event, EventTag, Incident};

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
    pub(super) fn fulfilment(
        &self,
        metric: Metric,
        from: usize,
        not_before: DateTime<Utc>,
    ) -> Option<usize> {
        self.known
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, e)| e.at >= not_before && fulfils(metric, e.kind.tag()))
            .map(|(i, _)| i)
    }

    pub(super) fn at(&self, index: Option<usize>) -> Option<DateTime<Utc>> {
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
