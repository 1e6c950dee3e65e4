//! Support levels: which level held an incident when, and for how much business time.

use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::agreement::Contract;
use super::entitlement::{Party, SupportLevel};
use super::names::BUSINESS;
use crate::error::Error;
use crate::incident::{EventKind, Incident};

/// Time an incident spent at one support level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelSpan {
    /// The level's key.
    pub level: String,
    /// Who runs it.
    pub operated_by: Party,
    /// When the level took the incident.
    pub from: DateTime<Utc>,
    /// When it handed it on (`None`: it still holds it at `now`, or the incident closed).
    pub to: Option<DateTime<Utc>>,
    /// Business time held, on the level's clock, up to `min(to, now)` (ISO 8601 when
    /// serialized).
    #[serde(with = "crate::time::iso_duration")]
    pub held: TimeDelta,
}

impl fmt::Display for LevelSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (operated by the {}) from {} for {}",
            self.level,
            self.operated_by,
            self.from,
            crate::time::format_duration(self.held)
        )
    }
}

/// A level and the instants it took and handed on the incident.
type HeldSpan<'a> = (&'a SupportLevel, DateTime<Utc>, Option<DateTime<Utc>>);

impl Contract {
    /// Which support level held `incident` when, and for how much business time on each
    /// level's clock, as of `now`. Incidents start at the plan's first level (or at the level
    /// of their first `level_changed` event if that comes at the report instant).
    ///
    /// # Errors
    /// [`Error::InvalidEvent`] for a level the plan does not define or a hand-over the plan
    /// does not allow (Kosmos: only N2 may contact N3); calendar errors.
    pub fn level_spans(
        &self,
        incident: &Incident,
        now: DateTime<Utc>,
    ) -> Result<Vec<LevelSpan>, Error> {
        let levels = &self.plan.entitlements().levels;
        let Some(first) = levels.first() else {
            return Ok(Vec::new());
        };
        let mut current = first;
        let mut from = incident.reported_at();
        let mut raw: Vec<HeldSpan<'_>> = Vec::new();
        let mut end = None;
        for (index, e) in incident.events().iter().enumerate() {
            if e.at > now {
                break;
            }
            match &e.kind {
                EventKind::LevelChanged { level } => {
                    let fail = |reason: String| Error::InvalidEvent {
                        index,
                        kind: "level_changed".into(),
                        at: e.at,
                        reason,
                    };
                    let next = levels.iter().find(|l| l.key == *level).ok_or_else(|| {
                        fail(format!(
                            "unknown support level `{level}`: expected one of {}",
                            levels
                                .iter()
                                .map(|l| l.key.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                    })?;
                    let allowed = current.escalates_to.contains(&next.key)
                        || next.escalates_to.contains(&current.key)
                        || (e.at == incident.reported_at() && raw.is_empty());
                    if !allowed {
                        return Err(fail(format!(
                            "level `{}` may not hand the incident to `{}`",
                            current.key, next.key
                        )));
                    }
                    if e.at > from {
                        raw.push((current, from, Some(e.at)));
                    }
                    current = next;
                    from = e.at;
                }
                EventKind::Closed | EventKind::Resolved if end.is_none() => end = Some(e.at),
                EventKind::Reopened => end = None,
                _ => {}
            }
        }
        raw.push((current, from, end));
        let mut spans = Vec::with_capacity(raw.len());
        for (level, from, to) in raw {
            let clock = level.clock.as_deref().unwrap_or(BUSINESS);
            let calendar = self
                .calendar_for(clock, incident.contact())
                .unwrap_or(&self.business);
            let until = to.unwrap_or(now).min(now);
            spans.push(LevelSpan {
                level: level.key.clone(),
                operated_by: level.operated_by,
                from,
                to,
                held: calendar.between(from, until.max(from))?,
            });
        }
        Ok(spans)
    }
}
