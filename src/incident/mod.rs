//! Incidents: the timeline of events a help desk records, validated.
//!
//! An incident is a list of timestamped events, starting with `reported`. Which events start,
//! pause, resume and stop which metric is not decided here but by the plan (see
//! [`crate::contract`]); this module only checks that the history is coherent.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Error;

mod event;

pub use event::{Event, EventKind, EventTag};

/// An incident as written, before its events are checked: what [`Incident`] reads and
/// writes (`{"id": …, "events": […]}`). Private: an `Incident` is the one public type, and
/// deserializing one validates it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct IncidentFields {
    /// The caller's identifier (ticket number).
    #[serde(default)]
    id: String,
    /// The events, in time order.
    events: Vec<Event>,
}

crate::config::tracked_serde!(IncidentFields);

/// A validated incident timeline.
///
/// Checked: the first event is `reported` and it is the only one; events are in time order
/// (equal instants keep their given order); `awaiting_customer` / `customer_replied` and
/// `solution_proposed` / `solution_confirmed` / `solution_rejected` alternate properly;
/// `resolved`, `closed` and `cancelled` end whatever was awaited or under test (a reopened
/// incident starts from a clean state, so it may await the customer again); nothing but
/// `reopened` follows `closed` or `cancelled`; `reopened` follows `resolved`, `closed` or
/// `cancelled`.
///
/// Severity keys are checked against a contract when the incident is evaluated.
///
/// Deserializing validates: an incident is read from `{"id": "T-1", "events": [...]}`
/// (`id` optional, unknown fields refused) and written back in the same form.
///
/// ```
/// use slacalc::Incident;
/// let incident: Incident = serde_json::from_str(r#"{"id": "T-1", "events": [
///     {"at": "2026-11-24T09:00:00Z", "kind": "reported", "severity": "high"},
///     {"at": "2026-11-24T09:30:00Z", "kind": "responded"}]}"#)?;
/// assert_eq!(incident.events().len(), 2);
/// // An incident that does not start with `reported` is refused.
/// assert!(serde_json::from_str::<Incident>(r#"{"events": [
///     {"at": "2026-11-24T09:30:00Z", "kind": "responded"}]}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "IncidentFields", into = "IncidentFields")]
pub struct Incident {
    id: String,
    events: Vec<Event>,
    /// Where the validated events leave the incident, so an appended event is checked alone.
    progress: Progress,
}

/// How the incident ended until a reopening.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ended {
    Closed,
    Cancelled,
}

/// What the events so far leave open: the state [`Incident::new`] and [`Incident::push`]
/// check each next event against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Progress {
    awaiting: bool,
    proposed: bool,
    resolved: bool,
    ended: Option<Ended>,
}

impl Progress {
    /// Checks event `index` (`e`, after `prev`) and moves on past it.
    fn accept(&mut self, index: usize, prev: Option<&Event>, e: &Event) -> Result<(), Error> {
        let fail = |reason: &str| Error::InvalidEvent {
            index,
            kind: e.kind.name().to_owned(),
            at: e.at,
            reason: reason.to_owned(),
        };
        let Some(prev) = prev else {
            return if matches!(e.kind, EventKind::Reported { .. }) {
                Ok(())
            } else {
                Err(fail("the first event must be `reported`"))
            };
        };
        if e.at < prev.at {
            return Err(fail(&format!(
                "out of order: before the previous event at {}",
                prev.at
            )));
        }
        if let Some(how) = self.ended.filter(|_| e.kind != EventKind::Reopened) {
            let how = match how {
                Ended::Closed => "closed",
                Ended::Cancelled => "cancelled",
            };
            return Err(fail(&format!("the incident is {how}; reopen it first")));
        }
        match &e.kind {
            EventKind::Reported { .. } => return Err(fail("an incident is reported only once")),
            EventKind::AwaitingCustomer if self.awaiting => {
                return Err(fail("already awaiting the customer"));
            }
            EventKind::AwaitingCustomer => self.awaiting = true,
            EventKind::CustomerReplied if !self.awaiting => {
                return Err(fail("the customer replied but nobody was awaiting a reply"));
            }
            EventKind::CustomerReplied => self.awaiting = false,
            EventKind::SolutionProposed if self.proposed => {
                return Err(fail("a solution is already proposed and under test"));
            }
            EventKind::SolutionProposed => self.proposed = true,
            EventKind::SolutionConfirmed | EventKind::SolutionRejected if !self.proposed => {
                return Err(fail("no solution was proposed"));
            }
            EventKind::SolutionConfirmed | EventKind::SolutionRejected => self.proposed = false,
            EventKind::Resolved if self.resolved => return Err(fail("already resolved")),
            EventKind::Resolved => {
                self.resolved = true;
                (self.awaiting, self.proposed) = (false, false);
            }
            EventKind::Reopened if !self.resolved && self.ended.is_none() => {
                return Err(fail(
                    "only a resolved, closed or cancelled incident can be reopened",
                ));
            }
            EventKind::Reopened => {
                self.resolved = false;
                self.ended = None;
            }
            EventKind::Closed | EventKind::Cancelled { .. } => {
                self.ended = Some(if e.kind == EventKind::Closed {
                    Ended::Closed
                } else {
                    Ended::Cancelled
                });
                (self.awaiting, self.proposed) = (false, false);
            }
            _ => {}
        }
        Ok(())
    }
}

impl From<Incident> for IncidentFields {
    fn from(i: Incident) -> IncidentFields {
        IncidentFields {
            id: i.id,
            events: i.events,
        }
    }
}

impl TryFrom<IncidentFields> for Incident {
    type Error = Error;

    fn try_from(spec: IncidentFields) -> Result<Incident, Error> {
        Incident::new(spec.id, spec.events)
    }
}

impl Incident {
    /// Validates an incident's events.
    ///
    /// # Errors
    /// [`Error::InvalidEvent`] naming the index of the first event that breaks the rules
    /// listed on [`Incident`].
    pub fn new(id: impl Into<String>, events: Vec<Event>) -> Result<Incident, Error> {
        let mut progress = Progress::default();
        for (index, e) in events.iter().enumerate() {
            progress.accept(index, index.checked_sub(1).and_then(|i| events.get(i)), e)?;
        }
        if events.is_empty() {
            return Err(Error::InvalidValue {
                path: "events".into(),
                value: "[]".into(),
                expected: "at least the `reported` event".into(),
            });
        }
        Ok(Incident {
            id: id.into(),
            events,
            progress,
        })
    }

    /// Appends an event, checking it alone against the events before it (the rules listed
    /// on [`Incident`]): a help desk's live feed costs O(1) per event, not a revalidation.
    /// On error the incident is unchanged.
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    /// use slacalc::{Event, EventKind, Incident};
    ///
    /// let t = |s: &str| s.parse::<DateTime<Utc>>();
    /// let mut incident = Incident::new("T-1", vec![Event::new(t("2026-03-02T10:00:00Z")?,
    ///     EventKind::Reported { severity: "high".into(), channel: None, contact: None })])?;
    /// incident.push(Event::new(t("2026-03-02T10:20:00Z")?, EventKind::Responded))?;
    /// let late = incident.push(Event::new(t("2026-03-02T10:10:00Z")?, EventKind::Resolved));
    /// assert_eq!(
    ///     late.unwrap_err().to_string(),
    ///     "events[2] (resolved at 2026-03-02 10:10:00 UTC): out of order: before the previous \
    ///      event at 2026-03-02 10:20:00 UTC"
    /// );
    /// assert_eq!(incident.events().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidEvent`] naming the new event's index and the rule it breaks.
    pub fn push(&mut self, event: Event) -> Result<(), Error> {
        let mut progress = self.progress;
        progress.accept(self.events.len(), self.events.last(), &event)?;
        self.progress = progress;
        self.events.push(event);
        Ok(())
    }

    /// The caller's identifier.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The events, in time order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// When the incident was reported.
    pub fn reported_at(&self) -> DateTime<Utc> {
        self.events
            .first()
            .map_or(DateTime::<Utc>::MIN_UTC, |e| e.at)
    }

    /// The severity as reported.
    pub fn reported_severity(&self) -> &str {
        match self.events.first().map(|e| &e.kind) {
            Some(EventKind::Reported { severity, .. }) => severity,
            _ => "",
        }
    }

    /// The contact who reported the incident, if given.
    pub fn contact(&self) -> Option<&str> {
        match self.events.first().map(|e| &e.kind) {
            Some(EventKind::Reported { contact, .. }) => contact.as_deref(),
            _ => None,
        }
    }

    /// The channel the incident was reported through, if given.
    pub fn channel(&self) -> Option<&str> {
        match self.events.first().map(|e| &e.kind) {
            Some(EventKind::Reported { channel, .. }) => channel.as_deref(),
            _ => None,
        }
    }

    /// The severity in force at `at` and the instant it took effect.
    pub fn severity_at(&self, at: DateTime<Utc>) -> (&str, DateTime<Utc>) {
        let mut current = (self.reported_severity(), self.reported_at());
        for e in self.events.iter().take_while(|e| e.at <= at) {
            if let EventKind::SeverityChanged { severity } = &e.kind {
                current = (severity, e.at);
            }
        }
        current
    }
}
