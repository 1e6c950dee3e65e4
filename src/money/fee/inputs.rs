//! [`FeeInputs`]: the named amounts and quantities a fee schedule is evaluated on.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::super::currency::expect_currency;
use super::super::non_negative;
use super::super::{Currency, Money};
use crate::error::Error;

/// The named inputs a [`FeeSchedule`](super::FeeSchedule) is evaluated on: base amounts (such as the month's
/// `usage`) and quantities (such as `extra_cases`).
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::Money;
/// use slacalc::money::FeeInputs;
///
/// let inputs = FeeInputs::new()
///     .with_amount("usage", "2000.00 USD".parse::<Money>()?)
///     .with_quantity("extra_cases", Decimal::from(3));
/// assert_eq!(inputs.amount("usage").map(|m| m.amount), Some(Decimal::from(2000)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct FeeInputs {
    #[serde(default, deserialize_with = "crate::config::unique_keys")]
    amounts: BTreeMap<String, Money>,
    #[serde(default, deserialize_with = "crate::config::unique_keys")]
    quantities: BTreeMap<String, QuantityStr>,
}

crate::config::tracked_serde!(FeeInputs);

/// A quantity that serializes as a decimal string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
struct QuantityStr(#[serde(with = "crate::money::decimal_str")] Decimal);

impl FeeInputs {
    /// No inputs.
    pub fn new() -> FeeInputs {
        FeeInputs::default()
    }

    /// These inputs with the base amount `name` set (replacing an earlier value).
    pub fn with_amount(mut self, name: impl Into<String>, amount: Money) -> FeeInputs {
        self.amounts.insert(name.into(), amount);
        self
    }

    /// These inputs with the quantity `name` set (replacing an earlier value).
    pub fn with_quantity(mut self, name: impl Into<String>, quantity: Decimal) -> FeeInputs {
        self.quantities.insert(name.into(), QuantityStr(quantity));
        self
    }

    /// The base amount `name`, if set.
    pub fn amount(&self, name: &str) -> Option<Money> {
        self.amounts.get(name).copied()
    }

    /// The quantity `name`, if set.
    pub fn quantity(&self, name: &str) -> Option<Decimal> {
        self.quantities.get(name).map(|q| q.0)
    }

    pub(super) fn base(
        &self,
        name: &str,
        currency: Currency,
        path: &str,
    ) -> Result<Decimal, Error> {
        let money = self.amount(name).ok_or_else(|| Error::UnknownName {
            path: path.to_owned(),
            kind: "amount input".to_owned(),
            name: name.to_owned(),
            known: self.amounts.keys().cloned().collect(),
        })?;
        let at = format!("inputs.{name}");
        expect_currency(currency, money.currency, &at)?;
        non_negative(money.amount, &at, "amount")
    }

    pub(super) fn count(&self, name: &str, path: &str) -> Result<Decimal, Error> {
        let q = self.quantity(name).ok_or_else(|| Error::UnknownName {
            path: path.to_owned(),
            kind: "quantity input".to_owned(),
            name: name.to_owned(),
            known: self.quantities.keys().cloned().collect(),
        })?;
        non_negative(q, &format!("inputs.{name}"), "quantity")
    }
}
