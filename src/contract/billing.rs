//! The money terms a contract carries: its fee (or the plan's), extra fee schedules, the
//! credit policy, the availability agreement, the hour budget and time and materials, each
//! optional, validated together when the contract is compiled.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::names::check_name;
use super::plan::Plan;
use crate::availability::{AvailabilityAgreement, AvailabilityAgreementSpec};
use crate::calendar::{TimeAndMaterials, TimeAndMaterialsSpec};
use crate::error::Error;
use crate::money::{
    CreditPolicy, Currency, FeeSchedule, FeeScheduleSpec, HourBudget, OveragePolicy,
};

/// The money side of a customer's contract as written in configuration (the `billing` field
/// of a [`ContractSpec`](crate::ContractSpec)); every part is optional. It stays apart from
/// [`Billing`] because the money terms are checked together against the plan (whose fee they
/// may inherit), the catalog's severities and the contract's start:
///
/// ```
/// use slacalc::contract::BillingSpec;
///
/// let spec: BillingSpec = serde_json::from_str(r#"
/// {
///   "about": "what was agreed, in words",
///   "fee": { "currency": "EUR", "fee": { "fixed": "2500.00 EUR" } },
///   "extras": { "service_extension": { "currency": "EUR",
///     "fee": { "per_unit": { "quantity": "extension_days", "price": "350.00 EUR" } } } },
///   "credits": { "currency": "EUR",
///                "availability": [ { "below": "99", "percent_of_fee": "5" } ] },
///   "availability": { "target": "99", "service_hours": { "timezone": "Europe/Berlin",
///                     "hours": { "mon": ["08:00-18:00"] } } },
///   "hour_budget": { "monthly_hours": "16", "carry_over_months": 3 },
///   "time_and_materials": { "currency": "EUR", "hourly_rate": "125.00 EUR",
///                           "timezone": "Europe/Berlin" }
/// }
/// "#)?;
/// assert_eq!(spec.extras.len(), 1);
/// assert_eq!(spec.hour_budget.map(|b| b.monthly_minutes()), Some(16 * 60));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The reference is in the [statement module docs](crate::statement#configuration-reference).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct BillingSpec {
    /// Where the terms come from; free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub about: String,
    /// The monthly fee: a [fee schedule](crate::money#fee-schedules) that replaces the plan's
    /// published `fee`. The credit policy's percentages refer to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<FeeScheduleSpec>,
    /// Further services billed by name (a day of extended service hours), each a fee schedule
    /// evaluated on the month's inputs; not part of the fee that credits refer to.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub extras: BTreeMap<String, FeeScheduleSpec>,
    /// Service credits: by availability, per breached incident, capped
    /// ([credits](crate::money#service-credits)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits: Option<CreditPolicy>,
    /// The availability agreement ([availability](crate::availability#configuration-reference)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<AvailabilityAgreementSpec>,
    /// Maintenance hours granted per month ([hour budgets](crate::money#hour-budgets)); its
    /// months count from the contract's `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hour_budget: Option<HourBudget>,
    /// Work billed at hourly and daily rates
    /// ([time and materials](crate::calendar::TimeAndMaterials#configuration-reference)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_and_materials: Option<TimeAndMaterialsSpec>,
}

crate::config::tracked_serde!(BillingSpec);

/// A contract's validated money terms: the contract's own `billing` with the plan's fee when
/// the contract gives none. Read through [`Contract::billing`](crate::Contract::billing);
/// a [`Statement`](crate::Statement) computes a month from them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Billing {
    fee: Option<FeeSchedule>,
    fee_path: String,
    extras: BTreeMap<String, FeeSchedule>,
    credits: Option<CreditPolicy>,
    availability: Option<AvailabilityAgreement>,
    hour_budget: Option<HourBudget>,
    time_and_materials: Option<TimeAndMaterials>,
    currency: Option<Currency>,
}

impl Billing {
    /// Validates a contract's `billing` (paths `billing.…`) against its plan (whose `fee`
    /// applies when the contract has none, path `plans.<key>.fee`), the catalog's severity
    /// keys and the contract's start.
    ///
    /// # Errors
    /// The errors of each part, with their paths; [`Error::CurrencyMismatch`] for a part in
    /// another currency than the first one that has a currency (fee, extras, credits, time
    /// and materials, the plan's charging case quota, in that order);
    /// [`Error::UnknownName`] for a per-breach credit of an unknown severity;
    /// [`Error::InvalidValue`] for credits by availability without an availability
    /// agreement, credits in percent of a fee without a fee, and an hour budget without a
    /// contract start.
    pub(super) fn new(
        spec: Option<&BillingSpec>,
        plan: &Plan,
        severities: &[String],
        start: Option<NaiveDate>,
    ) -> Result<Billing, Error> {
        let empty = BillingSpec::default();
        let spec = spec.unwrap_or(&empty);
        let part = |path: &str, e: Error| e.at(&format!("billing.{path}"));
        let (fee, fee_path) = match &spec.fee {
            Some(f) => (
                Some(FeeSchedule::try_from(f.clone()).map_err(|e| part("fee", e))?),
                "billing.fee".to_owned(),
            ),
            None => (plan.fee().cloned(), format!("plans.{}.fee", plan.key())),
        };
        let mut extras = BTreeMap::new();
        for (name, f) in &spec.extras {
            let schedule =
                FeeSchedule::try_from(f.clone()).map_err(|e| part(&format!("extras.{name}"), e))?;
            extras.insert(name.clone(), schedule);
        }
        let credits = spec.credits.clone();
        let availability = spec
            .availability
            .clone()
            .map(|a| AvailabilityAgreement::try_from(a).map_err(|e| part("availability", e)))
            .transpose()?;
        let hour_budget = spec.hour_budget.clone();
        let time_and_materials = spec
            .time_and_materials
            .clone()
            .map(|t| TimeAndMaterials::try_from(t).map_err(|e| part("time_and_materials", e)))
            .transpose()?;

        // One currency for every amount of the statement.
        let mut currencies: Vec<(String, Currency)> = Vec::new();
        if let Some(f) = &fee {
            currencies.push((format!("{fee_path}.currency"), f.currency()));
        }
        for (name, f) in &extras {
            currencies.push((format!("billing.extras.{name}.currency"), f.currency()));
        }
        if let Some(c) = &credits {
            currencies.push(("billing.credits.currency".to_owned(), c.currency()));
        }
        if let Some(t) = &time_and_materials {
            currencies.push((
                "billing.time_and_materials.currency".to_owned(),
                t.currency(),
            ));
        }
        if let Some(OveragePolicy::Charge { price }) = plan.quota().map(|q| q.overage()) {
            currencies.push((
                format!(
                    "plans.{}.entitlements.quota.overage.charge.price",
                    plan.key()
                ),
                price.currency,
            ));
        }
        let mut first: Option<&(String, Currency)> = None;
        for c in &currencies {
            match first {
                None => first = Some(c),
                Some((at, currency)) if *currency != c.1 => {
                    return Err(Error::CurrencyMismatch {
                        path: c.0.clone(),
                        expected: format!("{} (the currency of `{at}`)", currency.code()),
                        found: c.1.code().to_owned(),
                    })
                }
                Some(_) => {}
            }
        }

        if let Some(c) = &credits {
            for severity in c.breach_credits().keys() {
                check_name("severity", severity, severities)
                    .map_err(|e| e.at("billing.credits.per_breach"))?;
            }
            if c.has_availability_tiers() && availability.is_none() {
                return Err(Error::InvalidValue {
                    path: "billing.credits.availability".into(),
                    value: "credits by availability".into(),
                    expected: "an availability agreement (`billing.availability`) that \
                               measures it"
                        .into(),
                });
            }
            if c.refers_to_fee() && fee.is_none() {
                return Err(Error::InvalidValue {
                    path: "billing.credits".into(),
                    value: "credits in percent of the monthly fee".into(),
                    expected: format!(
                        "a fee (`billing.fee`, or `plans.{}.fee` in the catalog) that the \
                         percentages refer to",
                        plan.key()
                    ),
                });
            }
        }
        if hour_budget.is_some() && start.is_none() {
            return Err(Error::InvalidValue {
                path: "billing.hour_budget".into(),
                value: "an hour budget without a start".into(),
                expected: "a contract `start` (or `term`): the budget's months count from it"
                    .into(),
            });
        }
        Ok(Billing {
            fee,
            fee_path,
            extras,
            credits,
            availability,
            hour_budget,
            time_and_materials,
            currency: first.map(|c| c.1),
        })
    }

    /// The monthly fee: the contract's `billing.fee`, else the plan's `fee`.
    pub fn fee(&self) -> Option<&FeeSchedule> {
        self.fee.as_ref()
    }

    /// Where the fee was configured: `billing.fee` or `plans.<key>.fee`.
    pub fn fee_path(&self) -> &str {
        &self.fee_path
    }

    /// Further services billed by name.
    pub fn extras(&self) -> &BTreeMap<String, FeeSchedule> {
        &self.extras
    }

    /// The credit policy, if any.
    pub fn credits(&self) -> Option<&CreditPolicy> {
        self.credits.as_ref()
    }

    /// The availability agreement, if any.
    pub fn availability(&self) -> Option<&AvailabilityAgreement> {
        self.availability.as_ref()
    }

    /// The hour budget, if any.
    pub fn hour_budget(&self) -> Option<&HourBudget> {
        self.hour_budget.as_ref()
    }

    /// The time-and-materials terms, if any.
    pub fn time_and_materials(&self) -> Option<&TimeAndMaterials> {
        self.time_and_materials.as_ref()
    }

    /// The one currency of every amount, if any part has amounts.
    pub fn currency(&self) -> Option<Currency> {
        self.currency
    }
}
