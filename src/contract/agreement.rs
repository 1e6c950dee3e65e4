//! Contracts: one customer's agreement — a plan of a catalog, the customer's region,
//! holidays, contacts, start and term, and overrides of any target — compiled once.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::billing::{Billing, BillingSpec};
use super::catalog::Catalog;
use super::entitlement::Contact;
use super::lifecycle::ExtendedMaintenance;
use super::metric::Metric;
use super::names::{always_open, check_zoned, set_operation, zoned_calendar_needed, BUSINESS};
use super::plan::Plan;
use super::target::TargetSpec;
use super::term::Term;
use crate::calendar::model::Calendar;
use crate::calendar::HolidaySpec;
use crate::error::Error;

/// The plain serde form of a customer's contract (without the catalog, which contracts
/// share). It stays apart from [`Contract`] because a contract is these terms compiled
/// against a catalog: names resolved, holidays merged into calendars, overrides applied.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct ContractSpec {
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
    pub contacts: Vec<Contact>,
    /// The contract's term: initial term, renewals, notice. Its `start` is the contract's
    /// start when `start` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
    /// Extended maintenance (EME) agreements for release lines past end of maintenance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extended_maintenance: Vec<ExtendedMaintenance>,
    /// The money terms: fee (replacing the plan's), extras, credits, availability, hour
    /// budget, time and materials ([reference](crate::contract#money-terms-and-the-monthly-statement)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing: Option<BillingSpec>,
}

crate::config::tracked_serde!(ContractSpec);

/// A customer's contract: its terms compiled against a catalog. Back to configuration:
/// [`spec`](Contract::spec) lends the terms it was built from, [`ContractSpec::from`] gives
/// them back.
#[derive(Clone, Debug)]
pub struct Contract {
    pub(super) catalog: Arc<Catalog>,
    pub(super) spec: ContractSpec,
    pub(super) plan: Plan,
    pub(super) start: Option<NaiveDate>,
    pub(super) term: Option<Term>,
    pub(super) business: Calendar,
    pub(super) calendars: BTreeMap<String, Calendar>,
    /// Business calendars of the contacts' default regions, by contact name.
    pub(super) contact_calendars: BTreeMap<String, Calendar>,
    pub(super) billing: Billing,
}

impl From<Contract> for ContractSpec {
    /// The terms the contract was built from.
    fn from(contract: Contract) -> ContractSpec {
        contract.spec
    }
}

impl Contract {
    /// Compiles a customer's terms against a catalog.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for an unknown plan, region, severity or clock;
    /// [`Error::InvalidDate`] for a malformed start; [`Error::InvalidValue`] for a business-day
    /// target or ladder step whose clock has no single time zone (a union, intersection or
    /// difference; for the `business` clock the `region`'s or a contact's region's calendar);
    /// target and calendar errors with their config paths; the money terms' errors (see
    /// [`Billing`]) with their paths (`billing.credits.per_breach`).
    pub fn new(catalog: Arc<Catalog>, terms: ContractSpec) -> Result<Contract, Error> {
        let plan = catalog
            .plan(&terms.plan)
            .cloned()
            .ok_or_else(|| Error::UnknownName {
                path: "plan".into(),
                kind: "plan".into(),
                name: terms.plan.clone(),
                known: catalog.plans().keys().cloned().collect(),
            })?;
        // The terms' holidays are merged into catalog calendars below; checked here first so
        // that an error names them where the user wrote them (`holidays[1].nth`).
        crate::calendar::Holidays::from_specs(&terms.holidays).map_err(|e| e.at("holidays"))?;
        let mut calendars = catalog.calendars().clone();
        let region_calendar = |region: &str, path: &str| -> Result<Calendar, Error> {
            catalog
                .calendar_with_holidays(Some(region), &terms.holidays)
                .ok_or_else(|| Error::UnknownName {
                    path: path.to_owned(),
                    kind: "calendar".into(),
                    name: region.to_owned(),
                    known: catalog.spec().calendars.keys().cloned().collect(),
                })?
                .map_err(|e| e.at(&format!("calendars.{region}")))
        };
        let business = match &terms.region {
            Some(region) => region_calendar(region, "region")?,
            // Made of the terms' own `holidays`: paths are the terms' paths.
            None => catalog
                .calendar_with_holidays(None, &terms.holidays)
                .unwrap_or_else(|| Calendar::try_from(always_open()))?,
        };
        let limits = plan.entitlements().contacts;
        let count = u32::try_from(terms.contacts.len()).unwrap_or(u32::MAX);
        if count < limits.min || limits.max.is_some_and(|m| count > m) {
            return Err(Error::InvalidValue {
                path: "contacts".into(),
                value: format!(
                    "{count} {}",
                    if count == 1 { "contact" } else { "contacts" }
                ),
                expected: match limits.max {
                    Some(max) if max == limits.min => {
                        format!("exactly {max} on plan `{}`", plan.key())
                    }
                    Some(max) => format!("{} to {max} on plan `{}`", limits.min, plan.key()),
                    None => format!("at least {} on plan `{}`", limits.min, plan.key()),
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
        calendars.insert(BUSINESS.to_owned(), business.clone());
        let names: Vec<String> = calendars.keys().cloned().collect();
        let keys: Vec<String> = catalog
            .spec()
            .severities
            .iter()
            .map(|s| s.key.clone())
            .collect();
        let plan = plan.with_overrides(&terms.overrides, &keys, &names)?;
        for (path, clock) in plan.business_day_calendars(Some(&terms.overrides)) {
            if clock == BUSINESS {
                let chosen = terms.region.iter().map(|r| ("region".to_owned(), r)).chain(
                    terms.contacts.iter().enumerate().filter_map(|(i, c)| {
                        c.region
                            .as_ref()
                            .map(|r| (format!("contacts[{i}].region"), r))
                    }),
                );
                for (at, region) in chosen {
                    if let Some(kind) = catalog.spec().calendars.get(region).and_then(set_operation)
                    {
                        let why = format!(
                            "`{path}` counts business days on the `{BUSINESS}` clock; \
                             `{region}` is {kind}"
                        );
                        return Err(zoned_calendar_needed(region.clone(), why).at(&at));
                    }
                }
            } else {
                check_zoned(&catalog.spec().calendars, clock).map_err(|e| e.at(&path))?;
            }
        }
        let term = terms.term.clone();
        let start = match (terms.start.as_deref(), &term) {
            (Some(s), t) => {
                let start = crate::time::parse_date("start", s)?;
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
        let billing = Billing::new(terms.billing.as_ref(), &plan, &keys, start)?;
        Ok(Contract {
            catalog,
            spec: terms,
            plan,
            start,
            term,
            business,
            calendars,
            contact_calendars,
            billing,
        })
    }

    /// The catalog the contract draws on.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The contract's configuration.
    pub fn spec(&self) -> &ContractSpec {
        &self.spec
    }

    /// The customer's name.
    pub fn customer(&self) -> &str {
        &self.spec.customer
    }

    /// The plan, with the contract's overrides applied.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The first day the contract applies.
    pub fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// A calendar by the name targets, ladder steps, channels and levels give it: `24x7`,
    /// `business` or a catalog calendar.
    pub fn calendar(&self, name: &str) -> Option<&Calendar> {
        self.calendars.get(name)
    }

    /// A calendar by name for an incident reported by `contact`: `business` is the business calendar of
    /// the contact's default region when it has one ("work progresses in the business hours
    /// of the contact's default region").
    pub fn calendar_for(&self, name: &str, contact: Option<&str>) -> Option<&Calendar> {
        if name == BUSINESS {
            if let Some(c) = contact.and_then(|c| self.contact_calendars.get(c)) {
                return Some(c);
            }
        }
        self.calendars.get(name)
    }

    /// The business calendar for incidents of `contact` (see [`Contract::calendar_for`]).
    pub fn business_calendar_for(&self, contact: Option<&str>) -> &Calendar {
        contact
            .and_then(|c| self.contact_calendars.get(c))
            .unwrap_or(&self.business)
    }

    /// The contract's term, if configured.
    pub fn term(&self) -> Option<&Term> {
        self.term.as_ref()
    }

    /// The contract's money terms (its `billing`, with the plan's fee when it gives none).
    pub fn billing(&self) -> &Billing {
        &self.billing
    }

    /// The contract's business calendar (the region's hours with the contract's holidays).
    pub fn business_calendar(&self) -> &Calendar {
        &self.business
    }
}
