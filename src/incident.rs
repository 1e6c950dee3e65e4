//! Incidents: the timeline of events a help desk records, validated.
//!
//! An incident is a list of timestamped events, starting with `reported`. Which events start,
//! pause, resume and stop which metric is not decided here but by the plan (see
//! [`crate::contract`]); this module only checks that the history is coherent.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// What happened in an incident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields,
    remote = "Self"
)]
pub enum EventKind {
    /// The customer reported the incident.
    Reported {
        /// The severity key (as defined by the contract).
        severity: String,
        /// The channel it came through (`phone`, `portal`, `ticket`, `email`, `chat` …).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<String>,
        /// Who reported it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        contact: Option<String>,
    },
    /// The customer got in contact with a support engineer (e.g. the phone follow-up that
    /// Cumulocity requires on non-business days).
    ContactEstablished,
    /// The severity was changed.
    SeverityChanged {
        /// The new severity key.
        severity: String,
    },
    /// Support gave a first response.
    Responded,
    /// Support provided a resolution plan.
    ResolutionPlanProvided,
    /// Support provided a workaround (service restored).
    WorkaroundProvided,
    /// Support sent a status update.
    UpdateSent,
    /// Support waits for the customer.
    AwaitingCustomer,
    /// The customer answered.
    CustomerReplied,
    /// Support proposed a solution; the customer tests it.
    SolutionProposed,
    /// The customer confirmed the proposed solution.
    SolutionConfirmed,
    /// The customer rejected the proposed solution.
    SolutionRejected,
    /// Support resolved the incident.
    Resolved,
    /// The incident was reopened after being resolved or closed.
    Reopened,
    /// The incident was closed as done: it fulfils every metric still open that a
    /// resolution fulfils (see the lifecycle table in [`mod@crate::evaluate`]).
    Closed,
    /// The incident was withdrawn or closed as a duplicate: metrics not fulfilled by then
    /// become not applicable and are left out of compliance; ladders end. Only `reopened`
    /// may follow.
    Cancelled {
        /// Why (`duplicate of T-17`, `withdrawn by the customer` …), for people.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Another support level took the incident over (N1 → N2 → N3 …).
    LevelChanged {
        /// The level's key as defined by the plan.
        level: String,
    },
}

impl EventKind {
    /// The event's name as written in configuration (`reported`, `awaiting_customer` …).
    pub fn name(&self) -> &'static str {
        self.tag().as_str()
    }

    /// The event's tag, without its data.
    pub fn tag(&self) -> EventTag {
        match self {
            EventKind::Reported { .. } => EventTag::Reported,
            EventKind::ContactEstablished => EventTag::ContactEstablished,
            EventKind::SeverityChanged { .. } => EventTag::SeverityChanged,
            EventKind::Responded => EventTag::Responded,
            EventKind::ResolutionPlanProvided => EventTag::ResolutionPlanProvided,
            EventKind::WorkaroundProvided => EventTag::WorkaroundProvided,
            EventKind::UpdateSent => EventTag::UpdateSent,
            EventKind::AwaitingCustomer => EventTag::AwaitingCustomer,
            EventKind::CustomerReplied => EventTag::CustomerReplied,
            EventKind::SolutionProposed => EventTag::SolutionProposed,
            EventKind::SolutionConfirmed => EventTag::SolutionConfirmed,
            EventKind::SolutionRejected => EventTag::SolutionRejected,
            EventKind::Resolved => EventTag::Resolved,
            EventKind::Reopened => EventTag::Reopened,
            EventKind::Closed => EventTag::Closed,
            EventKind::Cancelled { .. } => EventTag::Cancelled,
            EventKind::LevelChanged { .. } => EventTag::LevelChanged,
        }
    }
}

/// The kind of an event without its data, as used in plan configuration (pause policies,
/// stop events).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[allow(missing_docs)]
pub enum EventTag {
    Reported,
    ContactEstablished,
    SeverityChanged,
    Responded,
    ResolutionPlanProvided,
    WorkaroundProvided,
    UpdateSent,
    AwaitingCustomer,
    CustomerReplied,
    SolutionProposed,
    SolutionConfirmed,
    SolutionRejected,
    Resolved,
    Reopened,
    Closed,
    Cancelled,
    LevelChanged,
}

impl EventTag {
    /// The name as written in configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            EventTag::Reported => "reported",
            EventTag::ContactEstablished => "contact_established",
            EventTag::SeverityChanged => "severity_changed",
            EventTag::Responded => "responded",
            EventTag::ResolutionPlanProvided => "resolution_plan_provided",
            EventTag::WorkaroundProvided => "workaround_provided",
            EventTag::UpdateSent => "update_sent",
            EventTag::AwaitingCustomer => "awaiting_customer",
            EventTag::CustomerReplied => "customer_replied",
            EventTag::SolutionProposed => "solution_proposed",
            EventTag::SolutionConfirmed => "solution_confirmed",
            EventTag::SolutionRejected => "solution_rejected",
            EventTag::Resolved => "resolved",
            EventTag::Reopened => "reopened",
            EventTag::Closed => "closed",
            EventTag::Cancelled => "cancelled",
            EventTag::LevelChanged => "level_changed",
        }
    }
}

impl fmt::Display for EventTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventKind {
    /// The derived form (a map with a `kind` tag), except that kinds without data
    /// (`responded`, `closed` …) refuse other fields too.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::config::strict_tagged(d, "kind", EventKind::deserialize)
    }
}

impl Serialize for EventKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        EventKind::serialize(self, s)
    }
}

/// One timestamped event: `at` (an RFC 3339 instant with an offset) and the fields of its
/// [`EventKind`] (`kind` and the kind's data), in one object. Unknown fields are refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

/// `Event` flattens its kind, and serde's `deny_unknown_fields` does not work with
/// `flatten`: the map is read here, `at` on its own (so that its errors name `at`), and the
/// other fields make the kind, whose deserializer refuses unknown fields. No kind is listed.
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EventVisitor)
    }
}

struct EventVisitor;

impl<'de> serde::de::Visitor<'de> for EventVisitor {
    type Value = Event;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event: `at`, `kind` and the kind's fields")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
        use serde::de::Error as _;
        let mut at = None;
        let mut rest = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == "at" {
                if at.is_some() {
                    return Err(A::Error::duplicate_field("at"));
                }
                at = Some(map.next_value::<Instant>()?.0);
            } else if rest.contains_key(&key) {
                return Err(A::Error::custom(format_args!(
                    "duplicate field `{key}`: each field may appear only once"
                )));
            } else {
                let value = map.next_value::<serde_json::Value>()?;
                rest.insert(key, value);
            }
        }
        let at = at.ok_or_else(|| A::Error::missing_field("at"))?;
        let kind = <EventKind as Deserialize>::deserialize(serde_json::Value::Object(rest))
            .map_err(A::Error::custom)?;
        Ok(Event { at, kind })
    }
}

/// An event's `at`: strict RFC 3339 with an offset, with an error that shows the expected
/// form.
struct Instant(DateTime<Utc>);

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::config::instant::deserialize(d).map(Instant)
    }
}

impl Event {
    /// An event of `kind` at `at`.
    pub fn new(at: DateTime<Utc>, kind: EventKind) -> Self {
        Event { at, kind }
    }
}

/// The plain serde form of an incident.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct IncidentSpec {
    /// The caller's identifier (ticket number).
    #[serde(default)]
    pub id: String,
    /// The events, in time order.
    pub events: Vec<Event>,
}

crate::config::tracked_serde!(IncidentSpec);

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "IncidentSpec", into = "IncidentSpec")]
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

impl From<Incident> for IncidentSpec {
    fn from(i: Incident) -> IncidentSpec {
        IncidentSpec {
            id: i.id,
            events: i.events,
        }
    }
}

impl TryFrom<IncidentSpec> for Incident {
    type Error = Error;

    fn try_from(spec: IncidentSpec) -> Result<Incident, Error> {
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
