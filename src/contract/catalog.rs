//! Catalogs: what a vendor publishes — severity classes, named calendars and plans.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::entitlement;
use super::lifecycle::Lifecycle;
use super::names::{always_open, calendar_names, check_zoned, BUSINESS, WALL_CLOCK};
use super::plan::{Plan, PlanSpec};
use crate::calendar::model::Calendar;
use crate::calendar::{CalendarPool, CalendarSpec};
use crate::error::Error;

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

/// The plain serde form of a catalog. It stays apart from [`Catalog`] because validation
/// changes the shape: calendars are compiled and shared, plans are built with their names
/// resolved; the catalog keeps it ([`Catalog::spec`]) to write it back as read.
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
    pub lifecycle: Option<Lifecycle>,
}

crate::config::tracked_serde!(CatalogSpec);

/// A validated catalog.
///
/// A catalog compiles its calendars once, and the contracts made on it share them: every
/// contract on the same region with the same holidays (or none) holds one `business`
/// calendar, with one set of compiled years, however many contracts there are. Two catalogs
/// are equal when their configurations are.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(try_from = "CatalogSpec", into = "CatalogSpec")]
pub struct Catalog {
    spec: CatalogSpec,
    plans: BTreeMap<String, Plan>,
    lifecycle: Option<Lifecycle>,
    /// The compiled named calendars, `24x7` included.
    calendars: BTreeMap<String, Calendar>,
    /// Calendars derived for contracts (a region with a customer's holidays), shared by equal
    /// configurations; shared by the clones of the catalog too.
    derived: Arc<CalendarPool>,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

impl Eq for Catalog {}

impl From<Catalog> for CatalogSpec {
    fn from(c: Catalog) -> CatalogSpec {
        c.spec
    }
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
        for name in spec.calendars.keys() {
            if name == WALL_CLOCK || name == BUSINESS {
                return Err(Error::InvalidValue {
                    path: format!("calendars.{name}"),
                    value: name.clone(),
                    expected: format!(
                        "a name other than the built-in `{WALL_CLOCK}` and `{BUSINESS}`"
                    ),
                });
            }
        }
        let mut calendars = BTreeMap::new();
        calendars.insert(WALL_CLOCK.to_owned(), Calendar::try_from(always_open())?);
        for (name, cal) in &spec.calendars {
            let compiled =
                Calendar::try_from(cal.clone()).map_err(|e| e.at(&format!("calendars.{name}")))?;
            calendars.insert(name.clone(), compiled);
        }
        let clocks = calendar_names(&spec.calendars);
        let mut plans = BTreeMap::new();
        for (key, p) in &spec.plans {
            plans.insert(
                key.clone(),
                Plan::from_spec(key, p, &keys, &clocks)
                    .map_err(|e| e.at(&format!("plans.{key}")))?,
            );
        }
        for (key, plan) in &plans {
            entitlement::check_channel_conditions(plan.entitlements())
                .map_err(|e| e.at(&format!("plans.{key}.entitlements")))?;
        }
        for plan in plans.values() {
            for (path, clock) in plan.business_day_calendars(None) {
                check_zoned(&spec.calendars, clock).map_err(|e| e.at(&path))?;
            }
        }
        if plans.is_empty() {
            return Err(Error::InvalidValue {
                path: "plans".into(),
                value: "{}".into(),
                expected: "at least one plan".into(),
            });
        }
        let lifecycle = spec.lifecycle.clone();
        Ok(Catalog {
            spec,
            plans,
            lifecycle,
            calendars,
            derived: Arc::default(),
        })
    }
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

    /// The compiled calendars by name, `24x7` included.
    pub(super) fn calendars(&self) -> &BTreeMap<String, Calendar> {
        &self.calendars
    }

    /// The catalog calendar `region` (or the always-open `24x7` when `None`) with `holidays`
    /// added: the catalog's own calendar when there are none, else the one calendar all
    /// contracts with the same region and holidays share. `None` for an unknown region.
    ///
    /// # Errors
    /// What compiling the combined configuration returns, paths relative to the calendar.
    pub(super) fn calendar_with_holidays(
        &self,
        region: Option<&str>,
        holidays: &[crate::calendar::HolidaySpec],
    ) -> Option<Result<Calendar, Error>> {
        let name = region.unwrap_or(WALL_CLOCK);
        let own = self.calendars.get(name)?;
        if holidays.is_empty() {
            return Some(Ok(own.clone()));
        }
        let mut spec = match region {
            Some(r) => self.spec.calendars.get(r)?.clone(),
            None => always_open(),
        };
        spec.holidays.extend(holidays.iter().cloned());
        Some(self.derived.get(spec))
    }
}
