//! Support catalogs (a vendor's severities, calendars and plans) and customer contracts.
//!
//! A [`Catalog`] is what a vendor publishes: severity classes, named calendars (regions,
//! service hours) and plans with targets per severity and metric. A [`Contract`] is one
//! customer's agreement: a plan of a catalog, the customer's region and holidays, a start
//! date and overrides of any target. Both come from serde configuration and are validated on
//! the way in; a contract compiles its calendars once so that evaluating incidents against it
//! is fast.

mod entitlement;
mod ladder;
mod lifecycle;
mod plan;
mod target;
mod terms;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarSpec, HolidaySpec};
use crate::error::Error;
use crate::incident::{EventKind, Incident};

pub use entitlement::{
    ChannelRule, ChannelSpec, ContactLimits, ContactSpec, DayKind, EntitlementSpec, Intake,
    IntakeRequest, LevelSpan, Party, Refusal, SupportLevel,
};
pub use ladder::{Ladder, LadderSpec, Step, StepSpec, Trigger, MAX_PAUSE_RULES};
pub use lifecycle::{
    ExtendedMaintenance, Lifecycle, LifecycleSpec, ReleaseLine, SupportStatus, Version,
    VersionStatus,
};
pub use plan::{
    DowngradePolicy, PauseRule, Plan, PlanSpec, ReopenPolicy, SeverityChangePolicy, UpgradePolicy,
};
pub use target::{CountFrom, Metric, StartRule, Target, TargetForm, TargetSpec};
pub use terms::{ContractTerm, ContractTermSpec};

/// The name of the built-in wall-clock calendar: every instant counts.
pub const WALL_CLOCK: &str = "24x7";
/// The name of a contract's own business calendar (its region's hours plus its holidays).
pub const BUSINESS: &str = "business";

/// A severity class as configured.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Severity {
    /// The key used in incidents and targets (`crisis`, `1`, `blocking` …).
    pub key: String,
    /// Display name.
    pub name: String,
    /// What qualifies an incident for it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
}

/// The plain serde form of a catalog.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct CatalogSpec {
    /// The vendor's or offering's name.
    pub name: String,
    /// Where the terms come from; free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub about: String,
    /// Severity classes, most severe first.
    pub severities: Vec<Severity>,
    /// Named calendars (regions, service hours). `24x7` is built in.
    #[serde(default, deserialize_with = "crate::config::unique_keys")]
    pub calendars: BTreeMap<String, CalendarSpec>,
    /// Plans by key.
    #[serde(deserialize_with = "crate::config::unique_keys")]
    pub plans: BTreeMap<String, PlanSpec>,
    /// The product's lifecycle: release lines and their end of maintenance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<LifecycleSpec>,
}

crate::config::tracked_serde!(CatalogSpec);

/// A validated catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CatalogSpec", into = "CatalogSpec")]
pub struct Catalog {
    spec: CatalogSpec,
    plans: BTreeMap<String, Plan>,
    lifecycle: Option<Lifecycle>,
}

impl From<Catalog> for CatalogSpec {
    fn from(c: Catalog) -> CatalogSpec {
        c.spec
    }
}

fn always_open() -> CalendarSpec {
    let mut spec = CalendarSpec {
        timezone: Some("UTC".into()),
        ..CalendarSpec::default()
    };
    for d in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
        spec.hours.insert(d.into(), vec!["00:00-24:00".into()]);
    }
    spec
}

impl TryFrom<CatalogSpec> for Catalog {
    type Error = Error;

    fn try_from(spec: CatalogSpec) -> Result<Catalog, Error> {
        if spec.severities.is_empty() {
            return Err(Error::InvalidValue {
                path: "severities".into(),
                value: "[]".into(),
                expected: "at least one severity class".into(),
            });
        }
        let mut keys: Vec<String> = Vec::new();
        for (i, s) in spec.severities.iter().enumerate() {
            if s.key.is_empty() || keys.contains(&s.key) {
                return Err(Error::InvalidValue {
                    path: format!("severities[{i}].key"),
                    value: s.key.clone(),
                    expected: "a non-empty key that no other severity uses".into(),
                });
            }
            keys.push(s.key.clone());
        }
        for (name, cal) in &spec.calendars {
            if name == WALL_CLOCK || name == BUSINESS {
                return Err(Error::InvalidValue {
                    path: format!("calendars.{name}"),
                    value: name.clone(),
                    expected: format!(
                        "a name other than the built-in `{WALL_CLOCK}` and `{BUSINESS}`"
                    ),
                });
            }
            // Validate now so that errors name the catalog path.
            Calendar::from_spec_at(cal.clone(), &format!("calendars.{name}"))?;
        }
        let clocks = clock_names(&spec);
        let mut plans = BTreeMap::new();
        for (key, p) in &spec.plans {
            plans.insert(
                key.clone(),
                Plan::from_spec(key, p, &format!("plans.{key}"), &keys, &clocks)?,
            );
        }
        for (key, plan) in &plans {
            entitlement::check_channel_conditions(
                &plan.entitlements,
                &format!("plans.{key}.entitlements"),
            )?;
        }
        for plan in plans.values() {
            for (path, clock) in business_day_clocks(plan, None) {
                check_zoned_clock(&spec.calendars, &path, clock)?;
            }
        }
        if plans.is_empty() {
            return Err(Error::InvalidValue {
                path: "plans".into(),
                value: "{}".into(),
                expected: "at least one plan".into(),
            });
        }
        let lifecycle = spec
            .lifecycle
            .clone()
            .map(|l| Lifecycle::from_spec_at(l, "lifecycle"))
            .transpose()?;
        Ok(Catalog {
            spec,
            plans,
            lifecycle,
        })
    }
}

/// Every place a plan counts business days — local dates, so on a calendar with one time
/// zone: the configuration path of the target (`overrides.…` when the contract's `overrides`
/// replaced it) or ladder step, and its clock.
fn business_day_clocks<'a>(
    plan: &'a Plan,
    overrides: Option<&BTreeMap<String, BTreeMap<Metric, TargetSpec>>>,
) -> Vec<(String, &'a str)> {
    let mut uses = Vec::new();
    for (sev, metrics) in &plan.targets {
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
                format!("plans.{}.targets.{sev}.{metric}", plan.key)
            };
            uses.push((path, &*target.clock));
        }
    }
    for (sev, ladder) in &plan.ladders {
        for (i, step) in ladder.steps.iter().enumerate() {
            if let Trigger::BusinessDays { clock, .. } = &step.trigger {
                uses.push((
                    format!("plans.{}.ladders.{sev}.steps[{i}]", plan.key),
                    &**clock,
                ));
            }
        }
    }
    uses
}

/// What a calendar spec combines, if it is a union, intersection or difference.
fn set_operation(spec: &CalendarSpec) -> Option<&'static str> {
    if spec.union.is_some() {
        Some("a union")
    } else if spec.intersection.is_some() {
        Some("an intersection")
    } else if spec.difference.is_some() {
        Some("a difference")
    } else {
        None
    }
}

/// A business-day form at `path` may not count on `clock` when it is a catalog calendar
/// without one time zone.
fn check_zoned_clock(
    calendars: &BTreeMap<String, CalendarSpec>,
    path: &str,
    clock: &str,
) -> Result<(), Error> {
    match calendars.get(clock).and_then(set_operation) {
        Some(kind) => Err(zoned_clock_needed(
            format!("{path}.clock"),
            clock.to_owned(),
            format!("`{clock}` is {kind}"),
        )),
        None => Ok(()),
    }
}

fn zoned_clock_needed(path: String, value: String, why: String) -> Error {
    Error::InvalidValue {
        path,
        value,
        expected: format!(
            "a calendar with one time zone, as business days are local dates ({why}, which \
             has none)"
        ),
    }
}

fn clock_names(spec: &CatalogSpec) -> Vec<String> {
    let mut names = vec![WALL_CLOCK.to_owned(), BUSINESS.to_owned()];
    names.extend(spec.calendars.keys().cloned());
    names
}

impl Catalog {
    /// The catalog's configuration.
    pub fn spec(&self) -> &CatalogSpec {
        &self.spec
    }

    /// The catalog's name.
    pub fn name(&self) -> &str {
        &self.spec.name
    }

    /// Severity classes, most severe first.
    pub fn severities(&self) -> &[Severity] {
        &self.spec.severities
    }

    /// The rank of a severity (0 = most severe), if it exists.
    pub fn severity_rank(&self, key: &str) -> Option<usize> {
        self.spec.severities.iter().position(|s| s.key == key)
    }

    /// A plan by key.
    pub fn plan(&self, key: &str) -> Option<&Plan> {
        self.plans.get(key)
    }

    /// All plans by key.
    pub fn plans(&self) -> &BTreeMap<String, Plan> {
        &self.plans
    }

    /// The product lifecycle, if configured.
    pub fn lifecycle(&self) -> Option<&Lifecycle> {
        self.lifecycle.as_ref()
    }
}

/// The plain serde form of a customer's contract (without the catalog, which contracts
/// share).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct ContractTermsSpec {
    /// The customer's name.
    pub customer: String,
    /// The plan's key in the catalog.
    pub plan: String,
    /// The catalog calendar that is this customer's business calendar (its region's hours);
    /// without one, the `business` clock is the wall clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Holidays (dates, rules, presets) added to the region's calendar, e.g. the public
    /// holidays of the customer's country.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<HolidaySpec>,
    /// The first day the contract applies (local date of the business calendar).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Per severity key, per metric, targets that replace the plan's.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys_nested",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub overrides: BTreeMap<String, BTreeMap<Metric, TargetSpec>>,
    /// The named contacts (checked against the plan's limits).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<ContactSpec>,
    /// The contract's term: initial term, renewals, notice. Its `start` is the contract's
    /// start when `start` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<ContractTermSpec>,
    /// Extended maintenance (EME) agreements for release lines past end of maintenance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extended_maintenance: Vec<ExtendedMaintenance>,
}

crate::config::tracked_serde!(ContractTermsSpec);

/// A level and the instants it took and handed on the incident.
type HeldSpan<'a> = (&'a SupportLevel, DateTime<Utc>, Option<DateTime<Utc>>);

/// A customer's contract: its terms compiled against a catalog.
#[derive(Clone, Debug)]
pub struct Contract {
    catalog: Arc<Catalog>,
    terms: ContractTermsSpec,
    plan: Plan,
    start: Option<NaiveDate>,
    term: Option<ContractTerm>,
    business: Calendar,
    clocks: BTreeMap<String, Calendar>,
    /// Business calendars of the contacts' default regions, by contact name.
    contact_calendars: BTreeMap<String, Calendar>,
}

impl Contract {
    /// Compiles a customer's terms against a catalog.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for an unknown plan, region, severity or clock;
    /// [`Error::InvalidDate`] for a malformed start; [`Error::InvalidValue`] for a business-day
    /// target or ladder step whose clock has no single time zone (a union, intersection or
    /// difference; for the `business` clock the `region`'s or a contact's region's calendar);
    /// target and calendar errors with their config paths.
    pub fn new(catalog: Arc<Catalog>, terms: ContractTermsSpec) -> Result<Contract, Error> {
        let mut plan = catalog
            .plan(&terms.plan)
            .cloned()
            .ok_or_else(|| Error::UnknownName {
                path: "plan".into(),
                kind: "plan".into(),
                name: terms.plan.clone(),
                known: catalog.plans.keys().cloned().collect(),
            })?;
        // The terms' holidays are merged into catalog calendars below; checked here first so
        // that an error names them where the user wrote them (`holidays[1].nth`).
        crate::calendar::Holidays::from_specs(&terms.holidays, "holidays")?;
        let mut clocks = BTreeMap::new();
        clocks.insert(WALL_CLOCK.to_owned(), Calendar::try_from(always_open())?);
        for (name, spec) in &catalog.spec.calendars {
            clocks.insert(
                name.clone(),
                Calendar::from_spec_at(spec.clone(), &format!("calendars.{name}"))?,
            );
        }
        let region_calendar =
            |region: &str, path: &str| -> Result<Calendar, Error> {
                let mut spec = catalog.spec.calendars.get(region).cloned().ok_or_else(|| {
                    Error::UnknownName {
                        path: path.to_owned(),
                        kind: "calendar".into(),
                        name: region.to_owned(),
                        known: catalog.spec.calendars.keys().cloned().collect(),
                    }
                })?;
                spec.holidays.extend(terms.holidays.iter().cloned());
                Calendar::from_spec_at(spec, &format!("calendars.{region}"))
            };
        let business = match &terms.region {
            Some(region) => region_calendar(region, "region")?,
            None => {
                let mut spec = always_open();
                spec.holidays.extend(terms.holidays.iter().cloned());
                Calendar::from_spec_at(spec, "holidays")?
            }
        };
        let limits = plan.entitlements.contacts;
        let count = u32::try_from(terms.contacts.len()).unwrap_or(u32::MAX);
        if count < limits.min || limits.max.is_some_and(|m| count > m) {
            return Err(Error::InvalidValue {
                path: "contacts".into(),
                value: format!("{count} contacts"),
                expected: match limits.max {
                    Some(max) if max == limits.min => {
                        format!("exactly {max} on plan `{}`", plan.key)
                    }
                    Some(max) => format!("{} to {max} on plan `{}`", limits.min, plan.key),
                    None => format!("at least {} on plan `{}`", limits.min, plan.key),
                },
            });
        }
        let mut contact_calendars = BTreeMap::new();
        for (i, c) in terms.contacts.iter().enumerate() {
            if c.name.is_empty() || terms.contacts.iter().take(i).any(|o| o.name == c.name) {
                return Err(Error::InvalidValue {
                    path: format!("contacts[{i}].name"),
                    value: c.name.clone(),
                    expected: "a non-empty name no other contact uses (one person per contact)"
                        .into(),
                });
            }
            if let Some(region) = &c.region {
                contact_calendars.insert(
                    c.name.clone(),
                    region_calendar(region, &format!("contacts[{i}].region"))?,
                );
            }
        }
        clocks.insert(BUSINESS.to_owned(), business.clone());
        let names: Vec<String> = clocks.keys().cloned().collect();
        let keys: Vec<String> = catalog
            .spec
            .severities
            .iter()
            .map(|s| s.key.clone())
            .collect();
        for (sev, metrics) in &terms.overrides {
            if !keys.contains(sev) {
                return Err(Error::UnknownName {
                    path: "overrides".into(),
                    kind: "severity".into(),
                    name: sev.clone(),
                    known: keys.clone(),
                });
            }
            for (metric, t) in metrics {
                let path = format!("overrides.{sev}.{metric}");
                let target = plan::target_from_spec(t, &path, &names, &plan.entitlements)?;
                plan.targets
                    .entry(sev.clone())
                    .or_default()
                    .insert(*metric, target);
            }
        }
        for (path, clock) in business_day_clocks(&plan, Some(&terms.overrides)) {
            if clock == BUSINESS {
                let chosen = terms.region.iter().map(|r| ("region".to_owned(), r)).chain(
                    terms.contacts.iter().enumerate().filter_map(|(i, c)| {
                        c.region
                            .as_ref()
                            .map(|r| (format!("contacts[{i}].region"), r))
                    }),
                );
                for (at, region) in chosen {
                    if let Some(kind) = catalog.spec.calendars.get(region).and_then(set_operation) {
                        let why = format!(
                            "`{path}` counts business days on the `{BUSINESS}` clock; \
                             `{region}` is {kind}"
                        );
                        return Err(zoned_clock_needed(at, region.clone(), why));
                    }
                }
            } else {
                check_zoned_clock(&catalog.spec.calendars, &path, clock)?;
            }
        }
        let term = terms
            .term
            .as_ref()
            .map(|t| ContractTerm::from_spec_at(t, "term"))
            .transpose()?;
        let start = match (terms.start.as_deref(), &term) {
            (Some(s), t) => {
                let start = crate::calendar::holiday::parse_date("start", s)?;
                if let Some(t) = t.as_ref().filter(|t| t.start() != start) {
                    return Err(Error::InvalidValue {
                        path: "start".into(),
                        value: s.to_owned(),
                        expected: format!("the term's start {} (or leave `start` out)", t.start()),
                    });
                }
                Some(start)
            }
            (None, Some(t)) => Some(t.start()),
            (None, None) => None,
        };
        Ok(Contract {
            catalog,
            terms,
            plan,
            start,
            term,
            business,
            clocks,
            contact_calendars,
        })
    }

    /// The catalog the contract draws on.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The customer's terms.
    pub fn terms(&self) -> &ContractTermsSpec {
        &self.terms
    }

    /// The customer's name.
    pub fn customer(&self) -> &str {
        &self.terms.customer
    }

    /// The plan, with the contract's overrides applied.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The first day the contract applies.
    pub fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// A clock (calendar) by name: `24x7`, `business` or a catalog calendar.
    pub fn clock(&self, name: &str) -> Option<&Calendar> {
        self.clocks.get(name)
    }

    /// A clock for an incident reported by `contact`: `business` is the business calendar of
    /// the contact's default region when it has one ("work progresses in the business hours
    /// of the contact's default region").
    pub fn clock_for(&self, name: &str, contact: Option<&str>) -> Option<&Calendar> {
        if name == BUSINESS {
            if let Some(c) = contact.and_then(|c| self.contact_calendars.get(c)) {
                return Some(c);
            }
        }
        self.clocks.get(name)
    }

    /// The business calendar for incidents of `contact` (see [`Contract::clock_for`]).
    pub fn business_calendar_for(&self, contact: Option<&str>) -> &Calendar {
        contact
            .and_then(|c| self.contact_calendars.get(c))
            .unwrap_or(&self.business)
    }

    /// The contract's term, if configured.
    pub fn term(&self) -> Option<&ContractTerm> {
        self.term.as_ref()
    }

    /// Checks a request to open an incident, or to contact support about one, at the door:
    /// the contract's term, the severity, the contact, the channel (offered, staffed, allowed
    /// for the severity on that kind of day, and its condition on an earlier report through
    /// another channel, judged from `req.incident`), the product version's lifecycle status
    /// and the case quota — in that order. A contact about an incident already reported
    /// (`req.incident` is `Some`) is not a new case: the quota usage is reported without it
    /// and never refuses it.
    ///
    /// # Errors
    /// A typed [`Refusal`] naming the first rule the request breaks;
    /// [`Refusal::Error`] with [`Error::InvalidArgument`] when `req.incident`'s severity at
    /// `req.at` is not `req.severity`.
    pub fn check_intake(&self, req: &IntakeRequest<'_>) -> Result<Intake, Refusal> {
        let date = self.business.local_date(req.at).map_err(Refusal::Error)?;
        let in_force = match &self.term {
            Some(t) => t.is_active(date),
            None => self.start.is_none_or(|s| date >= s),
        };
        if !in_force {
            return Err(Refusal::OutsideTerm { date });
        }
        if self.catalog.severity_rank(req.severity).is_none() {
            return Err(Refusal::UnknownSeverity {
                severity: req.severity.to_owned(),
            });
        }
        if let Some(incident) = req.incident {
            let (severity, _) = incident.severity_at(req.at);
            if severity != req.severity {
                return Err(Refusal::Error(Error::InvalidArgument {
                    operation: "check_intake",
                    reason: format!(
                        "the request's severity `{}` is not the severity of incident `{}` at \
                         {} (`{severity}`)",
                        req.severity,
                        incident.id(),
                        req.at
                    ),
                }));
            }
        }
        if !self.terms.contacts.is_empty() {
            if let Some(contact) = req
                .contact
                .filter(|c| !self.terms.contacts.iter().any(|n| n.name == *c))
            {
                return Err(Refusal::UnknownContact {
                    contact: contact.to_owned(),
                });
            }
        }
        let ent = &self.plan.entitlements;
        if !ent.channels.is_empty() {
            let Some(channel) = ent.channels.get(req.channel) else {
                return Err(Refusal::ChannelNotOffered {
                    channel: req.channel.to_owned(),
                    offered: ent.channels.keys().cloned().collect(),
                });
            };
            if let Some(hours) = channel
                .hours
                .as_deref()
                .and_then(|h| self.clock_for(h, req.contact))
            {
                if !hours.is_open(req.at) {
                    return Err(Refusal::ChannelClosed {
                        channel: req.channel.to_owned(),
                        at: req.at,
                        opens: hours.next_open(req.at).map_err(Refusal::Error)?,
                    });
                }
            }
        }
        let business = self.business_calendar_for(req.contact);
        let business_day =
            business.is_business_day(business.local_date(req.at).map_err(Refusal::Error)?);
        let mut follow_up_required = false;
        for rule in &ent.channel_rules {
            let applies = rule.severities.iter().any(|s| s == req.severity)
                && match rule.when {
                    DayKind::Any => true,
                    DayKind::BusinessDays => business_day,
                    DayKind::NonBusinessDays => !business_day,
                };
            if !applies {
                continue;
            }
            if !rule.channels.iter().any(|c| c == req.channel) {
                return Err(Refusal::ChannelNotAllowed {
                    severity: req.severity.to_owned(),
                    channel: req.channel.to_owned(),
                    allowed: rule.channels.clone(),
                });
            }
            follow_up_required |= rule.when == DayKind::NonBusinessDays;
        }
        if let Some(channel) = ent.channels.get(req.channel) {
            entitlement::check_earlier_report(req.channel, channel, req)?;
        }
        let version = match (&req.version, &self.catalog.lifecycle) {
            (Some(v), Some(l)) => {
                let status = l
                    .status(v, date, Some(&self.terms.extended_maintenance))
                    .map_err(Refusal::Error)?;
                if matches!(
                    status.support,
                    SupportStatus::Unknown | SupportStatus::BeyondSustained
                ) {
                    return Err(Refusal::UnsupportedVersion {
                        version: *v,
                        date,
                        status: status.support,
                    });
                }
                Some(status)
            }
            _ => None,
        };
        let quota = match &self.plan.quota {
            Some(q) => {
                let tz = self.business.timezone().unwrap_or(chrono_tz::UTC);
                let mut opened: Vec<DateTime<Utc>> = req.opened.to_vec();
                // A contact about an incident already reported is not a new case.
                let new_case = req.incident.is_none();
                if new_case {
                    opened.push(req.at);
                }
                let usage = q.usage_at(&opened, req.at, tz).map_err(Refusal::Error)?;
                if new_case
                    && usage.over_limit > 0
                    && q.overage() == crate::money::OveragePolicy::Refuse
                {
                    return Err(Refusal::QuotaExhausted {
                        used: usage.used.saturating_sub(1),
                        limit: usage.limit,
                        period_start: usage.period_start,
                        period_end: usage.period_end,
                    });
                }
                Some(usage)
            }
            None => None,
        };
        Ok(Intake {
            quota,
            version,
            follow_up_required,
        })
    }

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
        let levels = &self.plan.entitlements.levels;
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
                .clock_for(clock, incident.contact())
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

    /// The contract's business calendar (the region's hours with the contract's holidays).
    pub fn business_calendar(&self) -> &Calendar {
        &self.business
    }
}
