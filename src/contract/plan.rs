//! Support plans: targets per severity and metric, pause policies, the severity-change policy.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ladder::{Ladder, LadderSpec};
use super::target::{Metric, Target, TargetSpec};
use crate::error::Error;
use crate::incident::EventTag;

/// What happens to running metrics when an incident's severity changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeverityChangePolicy {
    /// Targets of the new severity, counted from the original start (Zendesk, Jira Service
    /// Management). The default.
    #[default]
    RecomputeFromStart,
    /// The clock restarts at the change with the new severity's target (ServiceNow).
    RestartAtChange,
}

/// An event that pauses a metric and the events that resume it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PauseRule {
    /// The event that pauses the clock.
    pub from: EventTag,
    /// The events that resume it.
    pub until: Vec<EventTag>,
}

/// The plain serde form of a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSpec {
    /// Display name.
    pub name: String,
    /// What the plan offers, in words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Higher numbers are served first among incidents of the same severity.
    #[serde(default)]
    pub queue_priority: i32,
    /// What a severity change does to running metrics.
    #[serde(default)]
    pub severity_change: SeverityChangePolicy,
    /// Per metric, the events that pause it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pauses: BTreeMap<Metric, Vec<PauseRule>>,
    /// Per severity key, per metric, the target. A severity or metric left out is not
    /// covered by the plan.
    #[serde(default)]
    pub targets: BTreeMap<String, BTreeMap<Metric, TargetSpec>>,
    /// Per severity key, the escalation ladder (see [`crate::escalation`]). Optional.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ladders: BTreeMap<String, LadderSpec>,
}

/// A validated support plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The plan's key in the catalog.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Queue priority (higher first).
    pub queue_priority: i32,
    /// Severity-change policy.
    pub severity_change: SeverityChangePolicy,
    /// Pause rules per metric.
    pub pauses: BTreeMap<Metric, Vec<PauseRule>>,
    /// Targets per severity key and metric.
    pub targets: BTreeMap<String, BTreeMap<Metric, Target>>,
    /// Escalation ladders per severity key.
    pub ladders: BTreeMap<String, Ladder>,
}

impl Plan {
    /// Validates a plan found at `path`, against the catalog's severity keys and calendars.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for an unknown severity or clock, [`Error::InvalidValue`] for a
    /// bad target or a pause rule that resumes on its own pausing event; ladder errors (see
    /// [`Ladder`]) with their paths.
    pub(crate) fn from_spec(
        key: &str,
        spec: &PlanSpec,
        path: &str,
        severities: &[String],
        clocks: &[String],
    ) -> Result<Plan, Error> {
        let mut targets = BTreeMap::new();
        for (sev, metrics) in &spec.targets {
            if !severities.contains(sev) {
                return Err(Error::UnknownName {
                    path: format!("{path}.targets"),
                    kind: "severity".into(),
                    name: sev.clone(),
                    known: severities.to_vec(),
                });
            }
            let mut by_metric = BTreeMap::new();
            for (metric, t) in metrics {
                let tpath = format!("{path}.targets.{sev}.{metric}");
                let target = Target::from_spec(t, &tpath)?;
                check_clock(&target.clock, &format!("{tpath}.clock"), clocks)?;
                by_metric.insert(*metric, target);
            }
            targets.insert(sev.clone(), by_metric);
        }
        for (metric, rules) in &spec.pauses {
            for (i, r) in rules.iter().enumerate() {
                super::ladder::check_pause_rule(r, &format!("{path}.pauses.{metric}[{i}].until"))?;
            }
        }
        let mut ladders = BTreeMap::new();
        for (sev, l) in &spec.ladders {
            if !severities.contains(sev) {
                return Err(Error::UnknownName {
                    path: format!("{path}.ladders"),
                    kind: "severity".into(),
                    name: sev.clone(),
                    known: severities.to_vec(),
                });
            }
            let lpath = format!("{path}.ladders.{sev}");
            ladders.insert(
                sev.clone(),
                Ladder::from_spec(l, &lpath, clocks, targets.get(sev))?,
            );
        }
        Ok(Plan {
            key: key.to_owned(),
            name: spec.name.clone(),
            description: spec.description.clone(),
            queue_priority: spec.queue_priority,
            severity_change: spec.severity_change,
            pauses: spec.pauses.clone(),
            targets,
            ladders,
        })
    }

    /// The plan's configuration.
    pub fn to_spec(&self) -> PlanSpec {
        PlanSpec {
            name: self.name.clone(),
            description: self.description.clone(),
            queue_priority: self.queue_priority,
            severity_change: self.severity_change,
            pauses: self.pauses.clone(),
            targets: self
                .targets
                .iter()
                .map(|(s, m)| {
                    (
                        s.clone(),
                        m.iter().map(|(k, t)| (*k, t.to_spec())).collect(),
                    )
                })
                .collect(),
            ladders: self
                .ladders
                .iter()
                .map(|(s, l)| (s.clone(), l.to_spec()))
                .collect(),
        }
    }

    /// The escalation ladder for a severity, if the plan has one.
    pub fn ladder(&self, severity: &str) -> Option<&Ladder> {
        self.ladders.get(severity)
    }

    /// The target for a severity and metric, if the plan covers it.
    pub fn target(&self, severity: &str, metric: Metric) -> Option<&Target> {
        self.targets.get(severity)?.get(&metric)
    }

    /// Whether the plan has a target for `metric` under any severity.
    pub fn defines(&self, metric: Metric) -> bool {
        self.targets.values().any(|m| m.contains_key(&metric))
    }

    /// The metrics the plan has a target for under any severity.
    pub fn metrics(&self) -> Vec<Metric> {
        let mut ms: Vec<Metric> = self
            .targets
            .values()
            .flat_map(|m| m.keys().copied())
            .collect();
        ms.sort_unstable();
        ms.dedup();
        ms
    }
}

pub(crate) fn check_clock(name: &str, path: &str, clocks: &[String]) -> Result<(), Error> {
    if clocks.iter().any(|c| c == name) {
        Ok(())
    } else {
        Err(Error::UnknownName {
            path: path.to_owned(),
            kind: "clock".into(),
            name: name.to_owned(),
            known: clocks.to_vec(),
        })
    }
}
