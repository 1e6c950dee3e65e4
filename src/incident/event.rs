//! Events: what happened in an incident, with its data ([`EventKind`]) or without it
//! ([`EventTag`], as plans name events), both from one table.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Defines [`EventKind`], [`EventTag`] and the mappings between them and the configuration
/// names from one table, so that a new kind of event cannot be left out of any of them.
/// Each row: the variant's docs, its name, its configuration name and its data fields.
macro_rules! event_kinds {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $name:literal $({
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)?
        })?
    ),* $(,)?) => {
        /// What happened in an incident.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(tag = "kind", deny_unknown_fields, remote = "Self")]
        pub enum EventKind {
            $(
                $(#[$doc])*
                #[serde(rename = $name)]
                $variant $({ $( $(#[$fmeta])* $field: $ty ),* })?,
            )*
        }

        /// The kind of an event without its data, as used in plan configuration (pause
        /// policies, stop events).
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(deny_unknown_fields)]
        pub enum EventTag {
            $(
                $(#[$doc])*
                #[serde(rename = $name)]
                $variant,
            )*
        }

        impl EventTag {
            /// Every tag, in the order the kinds are declared.
            pub const ALL: &'static [EventTag] = &[$(EventTag::$variant),*];

            /// The name as written in configuration.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(EventTag::$variant => $name,)*
                }
            }
        }

        impl EventKind {
            /// The event's tag, without its data.
            pub fn tag(&self) -> EventTag {
                match self {
                    $(EventKind::$variant { .. } => EventTag::$variant,)*
                }
            }
        }
    };
}

event_kinds! {
    /// The customer reported the incident.
    Reported = "reported" {
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
    ContactEstablished = "contact_established",
    /// The severity was changed.
    SeverityChanged = "severity_changed" {
        /// The new severity key.
        severity: String,
    },
    /// Support gave a first response.
    Responded = "responded",
    /// Support provided a resolution plan.
    ResolutionPlanProvided = "resolution_plan_provided",
    /// Support provided a workaround (service restored).
    WorkaroundProvided = "workaround_provided",
    /// Support sent a status update.
    UpdateSent = "update_sent",
    /// Support waits for the customer.
    AwaitingCustomer = "awaiting_customer",
    /// The customer answered.
    CustomerReplied = "customer_replied",
    /// Support proposed a solution; the customer tests it.
    SolutionProposed = "solution_proposed",
    /// The customer confirmed the proposed solution.
    SolutionConfirmed = "solution_confirmed",
    /// The customer rejected the proposed solution.
    SolutionRejected = "solution_rejected",
    /// Support resolved the incident.
    Resolved = "resolved",
    /// The incident was reopened after being resolved or closed.
    Reopened = "reopened",
    /// The incident was closed as done: it fulfils every metric still open that a
    /// resolution fulfils (see the lifecycle table in [the lifecycle guide](crate::guide::lifecycle)).
    Closed = "closed",
    /// The incident was withdrawn or closed as a duplicate: metrics not fulfilled by then
    /// become not applicable and are left out of compliance; ladders end. Only `reopened`
    /// may follow.
    Cancelled = "cancelled" {
        /// Why (`duplicate of T-17`, `withdrawn by the customer` …), for people.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Another support level took the incident over (N1 → N2 → N3 …).
    LevelChanged = "level_changed" {
        /// The level's key as defined by the plan.
        level: String,
    },
}

impl EventKind {
    /// The event's name as written in configuration (`reported`, `awaiting_customer` …).
    pub fn name(&self) -> &'static str {
        self.tag().as_str()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A tag's name is the name serde reads and writes, for the tag and for the kind.
    #[test]
    fn names_agree_with_serde() {
        assert_eq!(EventTag::ALL.len(), 17);
        for tag in EventTag::ALL {
            let json = serde_json::to_string(tag).unwrap();
            assert_eq!(json, format!("\"{}\"", tag.as_str()));
            assert_eq!(serde_json::from_str::<EventTag>(&json).unwrap(), *tag);
        }
        let kind: EventKind =
            serde_json::from_str(r#"{"kind": "level_changed", "level": "n2"}"#).unwrap();
        assert_eq!(kind.tag(), EventTag::LevelChanged);
        assert_eq!(kind.name(), "level_changed");
        let kind: EventKind = serde_json::from_str(r#"{"kind": "awaiting_customer"}"#).unwrap();
        assert_eq!(kind, EventKind::AwaitingCustomer);
        assert_eq!(kind.tag().to_string(), "awaiting_customer");
    }
}
