//! Support catalogs (a vendor's severities, calendars and plans) and customer contracts.
//!
//! A [`Catalog`] is what a vendor publishes: severity classes, named calendars (regions,
//! service hours) and plans with targets per severity and metric. A [`Contract`] is one
//! customer's agreement: a plan of a catalog, the customer's region and holidays, a start
//! date and overrides of any target. Both come from serde configuration and are validated on
//! the way in; a contract compiles its calendars once so that evaluating incidents against it
//! is fast.

mod ladder;
mod plan;
mod target;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarSpec, HolidaySpec};
use crate::error::Error;

pub use ladder::{Ladder, LadderSpec, Step, StepSpec, Trigger};
pub use plan::{PauseRule, Plan, PlanSpec, SeverityChangePolicy};
pub use target::{Metric, StartRule, Target, TargetForm, TargetSpec};

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
#[serde(deny_unknown_fields)]
pub struct CatalogSpec {
    /// The vendor's or offering's name.
    pub name: String,
    /// Where the terms come from; free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub about: String,
    /// Severity classes, most severe first.
    pub severities: Vec<Severity>,
    /// Named calendars (regions, service hours). `24x7` is built in.
    #[serde(default)]
    pub calendars: BTreeMap<String, CalendarSpec>,
    /// Plans by key.
    pub plans: BTreeMap<String, PlanSpec>,
}

/// A validated catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CatalogSpec", into = "CatalogSpec")]
pub struct Catalog {
    spec: CatalogSpec,
    plans: BTreeMap<String, Plan>,
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
        if plans.is_empty() {
            return Err(Error::InvalidValue {
                path: "plans".into(),
                value: "{}".into(),
                expected: "at least one plan".into(),
            });
        }
        Ok(Catalog { spec, plans })
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
}

/// The plain serde form of a customer's contract (without the catalog, which contracts
/// share).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, BTreeMap<Metric, TargetSpec>>,
}

/// A customer's contract: its terms compiled against a catalog.
#[derive(Clone, Debug)]
pub struct Contract {
    catalog: Arc<Catalog>,
    terms: ContractTermsSpec,
    plan: Plan,
    start: Option<NaiveDate>,
    business: Calendar,
    clocks: BTreeMap<String, Calendar>,
}

impl Contract {
    /// Compiles a customer's terms against a catalog.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for an unknown plan, region, severity or clock;
    /// [`Error::InvalidDate`] for a malformed start; target and calendar errors with their
    /// config paths.
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
        let mut clocks = BTreeMap::new();
        clocks.insert(WALL_CLOCK.to_owned(), Calendar::try_from(always_open())?);
        for (name, spec) in &catalog.spec.calendars {
            clocks.insert(
                name.clone(),
                Calendar::from_spec_at(spec.clone(), &format!("calendars.{name}"))?,
            );
        }
        let business = match &terms.region {
            Some(region) => {
                let mut spec = catalog.spec.calendars.get(region).cloned().ok_or_else(|| {
                    Error::UnknownName {
                        path: "region".into(),
                        kind: "calendar".into(),
                        name: region.clone(),
                        known: catalog.spec.calendars.keys().cloned().collect(),
                    }
                })?;
                spec.holidays.extend(terms.holidays.iter().cloned());
                Calendar::from_spec_at(spec, &format!("calendars.{region}"))?
            }
            None => {
                let mut spec = always_open();
                spec.holidays.extend(terms.holidays.iter().cloned());
                Calendar::from_spec_at(spec, "holidays")?
            }
        };
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
                let target = Target::from_spec(t, &path)?;
                plan::check_clock(&target.clock, &format!("{path}.clock"), &names)?;
                plan.targets
                    .entry(sev.clone())
                    .or_default()
                    .insert(*metric, target);
            }
        }
        let start = terms
            .start
            .as_deref()
            .map(|s| crate::calendar::holiday::parse_date("start", s))
            .transpose()?;
        Ok(Contract {
            catalog,
            terms,
            plan,
            start,
            business,
            clocks,
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

    /// The contract's business calendar (the region's hours with the contract's holidays).
    pub fn business_calendar(&self) -> &Calendar {
        &self.business
    }
}
