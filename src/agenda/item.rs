//! What the agenda reports: an [`AgendaItem`] — at an instant, for one incident, one
//! [`Change`] — and the [`AgendaId`] handle of an incident in an [`Agenda`](super::Agenda).

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::contract::{Metric, Trigger};
use crate::incident::EventTag;

/// The handle of an incident in an [`Agenda`](super::Agenda): its insertion number (as a
/// queue's [`EntryId`](crate::queue::EntryId)), which also orders the items of different
/// incidents due at the same instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AgendaId(pub(super) u64);

impl AgendaId {
    /// The insertion number (0 for the first incident ever inserted).
    pub fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Display for AgendaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// What changes in an incident's evaluation at an [`AgendaItem`]'s instant. Serialized
/// externally tagged in `snake_case`: `{"breach": {"metric": "reaction"}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// A running metric exceeds its target: from this instant its state is
    /// [`Breached`](crate::MetricState::Breached). That is the first instant its elapsed time
    /// is more than the allowance — one nanosecond after its deadline when its calendar is
    /// open there, one nanosecond after the calendar next opens otherwise.
    Breach {
        /// The metric.
        metric: Metric,
    },
    /// A ladder step with a `share` trigger fires: a warning that a metric has used that share
    /// of its target (`"75"` percent; `"100"` fires at the deadline, one nanosecond before the
    /// breach).
    Warning {
        /// The step's index in the ladder ([`StepReport::step`](crate::StepReport::step)).
        step: usize,
        /// Whom the step pulls in.
        notify: Arc<str>,
        /// The metric whose target the share is of.
        metric: Metric,
        /// The share, in percent.
        #[serde(with = "rust_decimal::serde::str")]
        percent: Decimal,
    },
    /// Any other ladder step fires (`after`, `business_days`, `after_breach`): an escalation.
    Escalation {
        /// The step's index in the ladder ([`StepReport::step`](crate::StepReport::step)).
        step: usize,
        /// Whom the step pulls in.
        notify: Arc<str>,
        /// The step's trigger, as configured.
        trigger: Trigger,
    },
    /// An event the incident records for this later instant takes effect and changes its
    /// evaluation (one item per event recorded at that instant). A live feed, which records
    /// events as they happen, never has such events; a replay or a host that updates an
    /// incident before advancing the agenda to the event's instant does.
    Event {
        /// The event's index in [`Incident::events`](crate::Incident::events).
        index: usize,
        /// The event's kind.
        event: EventTag,
    },
}

impl fmt::Display for Change {
    /// `reaction breached`, `warning to Team lead: 75% of resolution`, `escalation step 1 to
    /// Global VP Support (7 business days @ business)`, `event 3 (resolved) takes effect`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Breach { metric } => write!(f, "{metric} breached"),
            Change::Warning {
                notify,
                metric,
                percent,
                ..
            } => write!(f, "warning to {notify}: {percent}% of {metric}"),
            Change::Escalation {
                step,
                notify,
                trigger,
            } => write!(f, "escalation step {step} to {notify} ({trigger})"),
            Change::Event { index, event } => {
                write!(f, "event {index} ({event}) takes effect")
            }
        }
    }
}

/// One scheduled change: at `at`, incident `incident` (agenda handle `entry`) of `customer`
/// changes by `change`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The instant the change takes effect: evaluating the incident at `at` shows it, one
    /// nanosecond earlier does not.
    pub at: DateTime<Utc>,
    /// The incident's handle in the agenda.
    pub entry: AgendaId,
    /// The incident's identifier ([`Incident::id`](crate::Incident::id)).
    pub incident: Arc<str>,
    /// The contract's customer.
    pub customer: Arc<str>,
    /// What changes.
    pub change: Change,
}

impl fmt::Display for AgendaItem {
    /// `2026-03-10 10:30:00.000000001 UTC CCI-2 (Acme): reaction breached`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} ({}): {}",
            self.at, self.incident, self.customer, self.change
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_round_trip_through_json_and_refuse_unknown_fields() {
        let item = AgendaItem {
            at: "2026-03-10T08:30:00.000000001Z".parse().unwrap_or_default(),
            entry: AgendaId(3),
            incident: "CCI-3001".into(),
            customer: "Exempel Bank SE".into(),
            change: Change::Warning {
                step: 1,
                notify: "Duty manager".into(),
                metric: Metric::Reaction,
                percent: Decimal::new(875, 1),
            },
        };
        let json = serde_json::to_string(&item).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"at":"2026-03-10T08:30:00.000000001Z","entry":3,"incident":"CCI-3001","customer":"Exempel Bank SE","change":{"warning":{"step":1,"notify":"Duty manager","metric":"reaction","percent":"87.5"}}}"#
        );
        assert_eq!(serde_json::from_str::<AgendaItem>(&json).ok(), Some(item));
        let extra = r#"{"breach": {"metric": "reaction", "by": "me"}}"#;
        assert!(serde_json::from_str::<Change>(extra).is_err());
    }

    #[test]
    fn changes_read_as_sentences() {
        let escalation = Change::Escalation {
            step: 0,
            notify: "Regional Director Support".into(),
            trigger: Trigger::After {
                duration: chrono::TimeDelta::days(1),
                calendar: "24x7".into(),
            },
        };
        assert_eq!(
            escalation.to_string(),
            "escalation step 0 to Regional Director Support (24h @ 24x7)"
        );
        let event = Change::Event {
            index: 3,
            event: EventTag::Resolved,
        };
        assert_eq!(event.to_string(), "event 3 (resolved) takes effect");
        assert_eq!(
            Change::Breach {
                metric: Metric::Update
            }
            .to_string(),
            "update breached"
        );
        assert_eq!(AgendaId(7).to_string(), "#7");
    }
}
