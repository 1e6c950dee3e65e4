//! Support plans: targets per severity and metric, pause policies, the severity-change policy.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::entitlement::Entitlement;
use super::ladder::Trigger;
use super::ladder::{Ladder, LadderSpec};
use super::metric::{Metric, StartRule};
use super::names::{check_calendar, check_name};
use super::pause::{check_pause_rules, PauseRule};
use super::target::{Target, TargetSpec};
use super::target_form::TargetForm;
use crate::error::Error;
use crate::money::{CaseQuota, FeeSchedule, FeeScheduleSpec};

/// What happens to running metrics when an incident's severity changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum SeverityChangePolicy {
    /// Targets of the new severity, counted from the original start (Zendesk, Jira Service
    /// Management). The default.
    #[default]
    RecomputeFromStart,
    /// The clock restarts at the change with the new severity's target (ServiceNow).
    RestartAtChange,
}

/// What a severity change does to a breach that already happened under the severity before
/// it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DowngradePolicy {
    /// A breach that happened stays a breach, dated when it happened, whatever the severity
    /// becomes afterwards: credits and ladders were fed by it. The default.
    #[default]
    KeepBreach,
    /// Only the severity in force counts: a downgrade to a looser target can turn an earlier
    /// breach back into a running or met metric (the behaviour of earlier builds).
    Recompute,
}

/// How a breach is dated when the target in force came with a severity change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpgradePolicy {
    /// A breach is never dated before the change that brought the target: `breached_at` is
    /// the later of the deadline and the change (the deadline itself stays as computed). The
    /// default: nobody breached a Crisis promise before the incident was a Crisis.
    #[default]
    BreachAtChange,
    /// The breach is dated at the deadline, even when that lies before the upgrade.
    BreachAtDeadline,
}

/// What a reopening does to a metric that the resolution fulfilled (`resolution`,
/// `workaround`, and the cycles of `update`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReopenPolicy {
    /// The old clock resumes at the reopening with the time it had counted; the span from
    /// the resolution to the reopening is a pause. The default.
    #[default]
    Resume,
    /// A new cycle starts at the reopening with the whole allowance; earlier cycles are
    /// listed in the metric's `cycles`.
    NewCycle,
}

/// The plain serde form of a plan. It stays apart from [`Plan`] because validation changes
/// the shape: targets and ladders are parsed into [`Target`]s and [`Ladder`]s, the case quota
/// is compiled, and the plan learns its key; [`PlanSpec::from`] is its way back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
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
    /// Whether a breach survives a later severity change (default `keep_breach`).
    #[serde(default, skip_serializing_if = "is_default")]
    pub downgrade: DowngradePolicy,
    /// How a breach is dated when an upgrade brought the target (default
    /// `breach_at_change`).
    #[serde(default, skip_serializing_if = "is_default")]
    pub upgrade: UpgradePolicy,
    /// What a reopening does to the metrics the resolution fulfilled (default `resume`).
    #[serde(default, skip_serializing_if = "is_default")]
    pub reopen: ReopenPolicy,
    /// Per metric, the events that pause it.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub pauses: BTreeMap<Metric, Vec<PauseRule>>,
    /// Per severity key, per metric, pause rules that replace `pauses` for that metric while
    /// the severity applies; `[]` means the metric never pauses ("a Crisis never waits on
    /// the customer").
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys_nested",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub severity_pauses: BTreeMap<String, BTreeMap<Metric, Vec<PauseRule>>>,
    /// Per severity key, per metric, the target. A severity or metric left out is not
    /// covered by the plan.
    #[serde(default, deserialize_with = "crate::config::unique_keys_nested")]
    pub targets: BTreeMap<String, BTreeMap<Metric, TargetSpec>>,
    /// Channels, channel rules, contact limits, case quota and support levels.
    #[serde(default, skip_serializing_if = "is_default")]
    pub entitlements: Entitlement,
    /// Per severity key, the escalation ladder (see [`crate::guide::lifecycle#escalation-ladders`]).
    /// Optional.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub ladders: BTreeMap<String, LadderSpec>,
    /// The plan's published monthly price, a [fee schedule](crate::money#fee-schedules)
    /// (Comarch: Basic included, Advanced 1,500 EUR plus percentages of the usage fee).
    /// Optional; a contract's `billing.fee` replaces it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<FeeScheduleSpec>,
}

crate::config::tracked_serde!(PlanSpec);

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// A validated support plan: built by the catalog (and, with a contract's overrides, by
/// [`Contract::new`](super::Contract::new)), read through its accessors. Back to
/// configuration: [`PlanSpec::from`], which serializing writes (a contract's plan with its
/// overrides in its targets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "PlanSpec")]
pub struct Plan {
    /// The plan's key in the catalog.
    key: String,
    /// Display name.
    name: String,
    /// Description.
    description: String,
    /// Queue priority (higher first).
    queue_priority: i32,
    /// Severity-change policy.
    severity_change: SeverityChangePolicy,
    /// Whether a breach survives a later severity change.
    downgrade: DowngradePolicy,
    /// How a breach is dated when an upgrade brought the target.
    upgrade: UpgradePolicy,
    /// What a reopening does to the metrics the resolution fulfilled.
    reopen: ReopenPolicy,
    /// Pause rules per metric.
    pauses: BTreeMap<Metric, Vec<PauseRule>>,
    /// Pause rules per severity and metric, replacing `pauses` for that metric.
    severity_pauses: BTreeMap<String, BTreeMap<Metric, Vec<PauseRule>>>,
    /// Targets per severity key and metric.
    targets: BTreeMap<String, BTreeMap<Metric, Target>>,
    /// Entitlements as configured (validated).
    entitlements: Entitlement,
    /// The case quota, if the plan has one.
    quota: Option<CaseQuota>,
    /// Escalation ladders per severity key.
    ladders: BTreeMap<String, Ladder>,
    /// The plan's monthly price, if published.
    fee: Option<FeeSchedule>,
}

impl From<Plan> for PlanSpec {
    fn from(plan: Plan) -> PlanSpec {
        PlanSpec::from(&plan)
    }
}

impl From<&Plan> for PlanSpec {
    /// The plan's configuration, rebuilt from its parts.
    fn from(plan: &Plan) -> PlanSpec {
        PlanSpec {
            name: plan.name.clone(),
            description: plan.description.clone(),
            queue_priority: plan.queue_priority,
            severity_change: plan.severity_change,
            downgrade: plan.downgrade,
            upgrade: plan.upgrade,
            reopen: plan.reopen,
            pauses: plan.pauses.clone(),
            severity_pauses: plan.severity_pauses.clone(),
            targets: plan
                .targets
                .iter()
                .map(|(s, m)| {
                    (
                        s.clone(),
                        m.iter().map(|(k, t)| (*k, TargetSpec::from(t))).collect(),
                    )
                })
                .collect(),
            entitlements: plan.entitlements.clone(),
            ladders: plan
                .ladders
                .iter()
                .map(|(s, l)| (s.clone(), LadderSpec::from(l)))
                .collect(),
            fee: plan.fee.clone().map(FeeScheduleSpec::from),
        }
    }
}

impl Plan {
    /// Validates a plan against the catalog's severity keys and calendars. Error paths are
    /// relative to the plan (`targets.<severity>.<metric>…`): the catalog adds `plans.<key>`.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for an unknown severity or clock, [`Error::InvalidValue`] for a
    /// bad target or a pause rule that resumes on its own pausing event; ladder and fee
    /// schedule errors (see [`Ladder`], [`FeeSchedule`]) with their paths.
    pub(crate) fn from_spec(
        key: &str,
        spec: &PlanSpec,
        severities: &[String],
        clocks: &[String],
    ) -> Result<Plan, Error> {
        let mut targets = BTreeMap::new();
        for (sev, metrics) in &spec.targets {
            check_name("severity", sev, severities).map_err(|e| e.at("targets"))?;
            let mut by_metric = BTreeMap::new();
            for (metric, t) in metrics {
                let target = target_from_spec(t, clocks, &spec.entitlements)
                    .map_err(|e| e.at(&format!("targets.{sev}.{metric}")))?;
                by_metric.insert(*metric, target);
            }
            targets.insert(sev.clone(), by_metric);
        }
        for (metric, rules) in &spec.pauses {
            check_pause_rules(rules).map_err(|e| e.at(&format!("pauses.{metric}")))?;
        }
        for (sev, by_metric) in &spec.severity_pauses {
            check_name("severity", sev, severities).map_err(|e| e.at("severity_pauses"))?;
            for (metric, rules) in by_metric {
                check_pause_rules(rules)
                    .map_err(|e| e.at(&format!("severity_pauses.{sev}.{metric}")))?;
            }
        }
        let quota = validate_entitlements(&spec.entitlements, severities, clocks)
            .map_err(|e| e.at("entitlements"))?;
        let mut ladders = BTreeMap::new();
        for (sev, l) in &spec.ladders {
            check_name("severity", sev, severities).map_err(|e| e.at("ladders"))?;
            let ladder = Ladder::from_spec(l, clocks, targets.get(sev))
                .map_err(|e| e.at(&format!("ladders.{sev}")))?;
            ladders.insert(sev.clone(), ladder);
        }
        let fee = spec
            .fee
            .clone()
            .map(|f| FeeSchedule::try_from(f).map_err(|e| e.at("fee")))
            .transpose()?;
        Ok(Plan {
            key: key.to_owned(),
            name: spec.name.clone(),
            description: spec.description.clone(),
            queue_priority: spec.queue_priority,
            severity_change: spec.severity_change,
            downgrade: spec.downgrade,
            upgrade: spec.upgrade,
            reopen: spec.reopen,
            pauses: spec.pauses.clone(),
            severity_pauses: spec.severity_pauses.clone(),
            targets,
            entitlements: spec.entitlements.clone(),
            quota,
            ladders,
            fee,
        })
    }

    /// The plan with `overrides` (a contract's, per severity key and metric) replacing its
    /// targets; `severities` are the catalog's keys, `calendars` the names targets may use.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for an unknown severity (path `overrides`); target errors with
    /// their paths (`overrides.<severity>.<metric>…`).
    pub(crate) fn with_overrides(
        &self,
        overrides: &BTreeMap<String, BTreeMap<Metric, TargetSpec>>,
        severities: &[String],
        calendars: &[String],
    ) -> Result<Plan, Error> {
        let mut plan = self.clone();
        for (sev, metrics) in overrides {
            check_name("severity", sev, severities).map_err(|e| e.at("overrides"))?;
            for (metric, t) in metrics {
                let target = target_from_spec(t, calendars, &plan.entitlements)
                    .map_err(|e| e.at(&format!("overrides.{sev}.{metric}")))?;
                plan.targets
                    .entry(sev.clone())
                    .or_default()
                    .insert(*metric, target);
            }
        }
        Ok(plan)
    }

    /// Every place a plan counts business days — local dates, so on a calendar with one time
    /// zone: the configuration path of the target (`overrides.…` when the contract's `overrides`
    /// replaced it) or ladder step, and its clock.
    pub(crate) fn business_day_calendars(
        &self,
        overrides: Option<&BTreeMap<String, BTreeMap<Metric, TargetSpec>>>,
    ) -> Vec<(String, &str)> {
        let mut uses = Vec::new();
        for (sev, metrics) in &self.targets {
            for (metric, target) in metrics {
                if matches!(target.form, TargetForm::Within(_)) {
                    continue;
                }
                let overridden = overrides
                    .and_then(|o| o.get(sev))
                    .is_some_and(|m| m.contains_key(metric));
                let path = if overridden {
                    format!("overrides.{sev}.{metric}")
                } else {
                    format!("plans.{}.targets.{sev}.{metric}", self.key)
                };
                uses.push((path, &*target.calendar));
            }
        }
        for (sev, ladder) in &self.ladders {
            for (i, step) in ladder.steps.iter().enumerate() {
                if let Trigger::BusinessDays { calendar, .. } = &step.trigger {
                    uses.push((
                        format!("plans.{}.ladders.{sev}.steps[{i}]", self.key),
                        &**calendar,
                    ));
                }
            }
        }
        uses
    }

    /// The plan's key in the catalog.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Description.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Queue priority (higher first).
    pub fn queue_priority(&self) -> i32 {
        self.queue_priority
    }

    /// Severity-change policy.
    pub fn severity_change(&self) -> SeverityChangePolicy {
        self.severity_change
    }

    /// Whether a breach survives a later severity change.
    pub fn downgrade(&self) -> DowngradePolicy {
        self.downgrade
    }

    /// How a breach is dated when an upgrade brought the target.
    pub fn upgrade(&self) -> UpgradePolicy {
        self.upgrade
    }

    /// What a reopening does to the metrics the resolution fulfilled.
    pub fn reopen(&self) -> ReopenPolicy {
        self.reopen
    }

    /// Pause rules per metric.
    pub fn pauses(&self) -> &BTreeMap<Metric, Vec<PauseRule>> {
        &self.pauses
    }

    /// Pause rules per severity and metric, replacing `pauses` for that metric.
    pub fn severity_pauses(&self) -> &BTreeMap<String, BTreeMap<Metric, Vec<PauseRule>>> {
        &self.severity_pauses
    }

    /// Targets per severity key and metric.
    pub fn targets(&self) -> &BTreeMap<String, BTreeMap<Metric, Target>> {
        &self.targets
    }

    /// Entitlements as configured (validated).
    pub fn entitlements(&self) -> &Entitlement {
        &self.entitlements
    }

    /// The case quota, if the plan has one.
    pub fn quota(&self) -> Option<&CaseQuota> {
        self.quota.as_ref()
    }

    /// The plan's monthly price, if the catalog publishes one.
    pub fn fee(&self) -> Option<&FeeSchedule> {
        self.fee.as_ref()
    }

    /// Escalation ladders per severity key.
    pub fn ladders(&self) -> &BTreeMap<String, Ladder> {
        &self.ladders
    }

    /// The escalation ladder for a severity, if the plan has one.
    pub fn ladder(&self, severity: &str) -> Option<&Ladder> {
        self.ladders.get(severity)
    }

    /// The pause rules of `metric` while `severity` applies: the severity's own list when it
    /// gives one, else the plan's.
    pub fn pauses_for(&self, severity: &str, metric: Metric) -> &[PauseRule] {
        self.severity_pauses
            .get(severity)
            .and_then(|m| m.get(&metric))
            .or_else(|| self.pauses.get(&metric))
            .map_or(&[][..], Vec::as_slice)
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

/// A plan's target (in the catalog or a contract's `overrides`): its form, a clock among
/// `clocks` and, for a `start: {"at_level": …}` rule, a support level the plan's
/// `entitlements` define. Error paths are relative to the target (`clock`).
fn target_from_spec(
    spec: &TargetSpec,
    clocks: &[String],
    entitlements: &Entitlement,
) -> Result<Target, Error> {
    let target = Target::try_from(spec)?;
    check_calendar(&target.calendar, clocks).map_err(|e| e.at("clock"))?;
    if let StartRule::AtLevel(level) = &target.start {
        if !entitlements.levels.iter().any(|l| &l.key == level) {
            return Err(Error::UnknownName {
                path: "start.at_level".into(),
                kind: "support level".into(),
                name: level.clone(),
                known: entitlements.levels.iter().map(|l| l.key.clone()).collect(),
            });
        }
    }
    Ok(target)
}

/// Checks a plan's entitlements against the catalog's severities and clocks and compiles its
/// quota. Error paths are relative to the entitlements (`contacts.max`).
fn validate_entitlements(
    e: &Entitlement,
    severities: &[String],
    clocks: &[String],
) -> Result<Option<CaseQuota>, Error> {
    let channels: Vec<String> = e.channels.keys().cloned().collect();
    for (name, c) in &e.channels {
        if let Some(h) = &c.hours {
            check_calendar(h, clocks).map_err(|e| e.at(&format!("channels.{name}.hours")))?;
        }
    }
    for (i, r) in e.channel_rules.iter().enumerate() {
        for s in &r.severities {
            check_name("severity", s, severities)
                .map_err(|e| e.at(&format!("channel_rules[{i}].severities")))?;
        }
        if r.channels.is_empty() {
            return Err(Error::InvalidValue {
                path: format!("channel_rules[{i}].channels"),
                value: "[]".into(),
                expected: "at least one channel".into(),
            });
        }
        // No channels listed: any channel is offered.
        for c in r.channels.iter().filter(|_| !channels.is_empty()) {
            check_name("channel", c, &channels)
                .map_err(|e| e.at(&format!("channel_rules[{i}].channels")))?;
        }
    }
    if let Some(max) = e.contacts.max.filter(|m| *m < e.contacts.min) {
        return Err(Error::InvalidValue {
            path: "contacts.max".into(),
            value: max.to_string(),
            expected: format!("at least `min` ({})", e.contacts.min),
        });
    }
    let keys: Vec<String> = e.levels.iter().map(|l| l.key.clone()).collect();
    for (i, l) in e.levels.iter().enumerate() {
        if l.key.is_empty() || keys.iter().take(i).any(|k| *k == l.key) {
            return Err(Error::InvalidValue {
                path: format!("levels[{i}].key"),
                value: l.key.clone(),
                expected: "a non-empty key used by no other level".into(),
            });
        }
        for target in &l.escalates_to {
            check_name("support level", target, &keys)
                .map_err(|e| e.at(&format!("levels[{i}].escalates_to")))?;
        }
        if let Some(c) = &l.clock {
            check_calendar(c, clocks).map_err(|e| e.at(&format!("levels[{i}].clock")))?;
        }
    }
    Ok(e.quota.clone())
}
