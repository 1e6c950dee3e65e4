//! Fee schedules: [`FeeScheduleSpec`] (the serde form) and [`FeeSchedule`] (validated), evaluated
//! against [`FeeInputs`] into an [`Invoice`].
//!
//! | Concept | File |
//! |---|---|
//! | The configuration form of schedules and rules | `fee/spec.rs` |
//! | The named inputs | `fee/inputs.rs` |
//! | The validated rule tree (and back to configuration) | `fee/rule.rs` |
//! | Evaluating the tree into invoice lines | `fee/eval.rs` |

mod eval;
mod inputs;
mod rule;
mod spec;
#[cfg(test)]
mod tests;

pub use inputs::FeeInputs;
pub use spec::{BandSpec, ClampSpec, FeeRuleSpec, FeeScheduleSpec, RateSpec, UnitPriceSpec};

use serde::{Deserialize, Serialize};

use super::{Currency, Invoice, RoundingMode};
use crate::error::Error;
use rule::Rule;

/// A validated fee schedule: one currency, a rounding mode and a rule tree in which every
/// amount is non-negative and in that currency and every band list is contiguous.
///
/// Deserializing a `FeeSchedule` validates it (it goes through [`FeeScheduleSpec`]); errors name
/// the config path, such as `fee.greater_of[1].graduated.bands[2].from`.
///
/// # Example: a fee with a minimum, bands and per-case charges
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::Money;
/// use slacalc::money::{FeeInputs, FeeSchedule};
///
/// let schedule: FeeSchedule = serde_json::from_str(r#"{
///   "currency": "EUR",
///   "rounding": "half_up",
///   "fee": { "sum": [
///     { "clamp": { "min": "1500.00 EUR", "fee": { "volume": { "of": "usage", "bands": [
///       { "from": "0",     "to": "10000", "percent": "14" },
///       { "from": "10000",                "percent": "11" }
///     ] } } } },
///     { "per_unit": { "quantity": "extra_cases", "price": "80.00 EUR" } }
///   ] }
/// }"#)?;
/// let inputs = FeeInputs::new()
///     .with_amount("usage", "12000.00 EUR".parse::<Money>()?)
///     .with_quantity("extra_cases", Decimal::TWO);
/// let invoice = schedule.invoice(&inputs)?;
/// // 11 % of 12,000 = 1,320 is raised to 1,500; plus 2 × 80.
/// assert_eq!(invoice.total, "1660.00 EUR".parse::<Money>()?);
/// assert_eq!(invoice.lines.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "FeeScheduleSpec", into = "FeeScheduleSpec")]
pub struct FeeSchedule {
    currency: Currency,
    rounding: RoundingMode,
    rule: Rule,
}

impl FeeSchedule {
    /// Validates `spec`; error paths and the paths of invoice lines are relative to it
    /// (`fee.greater_of[0].fixed`; [`Error::at`] puts where the schedule was found in front).
    ///
    /// # Errors
    /// * [`Error::InvalidValue`] / [`Error::UnknownName`] for a malformed or unknown currency
    ///   code or amount, a negative amount, rate or band bound, an empty list of alternatives,
    ///   a clamp without bounds or with `min > max`, and band lists that do not start at 0,
    ///   are unordered, overlap, leave a gap, or are not open (no `to`) at the end only;
    /// * [`Error::CurrencyMismatch`] for an amount in another currency than the schedule's.
    fn from_spec(spec: FeeScheduleSpec) -> Result<FeeSchedule, Error> {
        let currency = Currency::new(&spec.currency).map_err(|e| e.at("currency"))?;
        let rule = Rule::from_spec(spec.fee, "fee", currency)?;
        Ok(FeeSchedule {
            currency,
            rounding: spec.rounding,
            rule,
        })
    }

    /// The schedule's currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The schedule's rounding mode.
    pub fn rounding(&self) -> RoundingMode {
        self.rounding
    }

    /// Computes the fee for `inputs`: exactly, line by line, then rounded once to the currency's
    /// minor units (see [`Invoice`] for how lines and total relate).
    ///
    /// Bands are half-open `[from, to)`: for a volume fee a base equal to a band's `to` is
    /// charged at the next band's rate.
    ///
    /// # Errors
    /// * [`Error::UnknownName`] for an input the schedule needs but `inputs` lacks;
    /// * [`Error::CurrencyMismatch`] for a base amount in another currency;
    /// * [`Error::InvalidValue`] (path `inputs.<name>`) for a negative base or quantity;
    /// * [`Error::ArithmeticOverflow`] if an amount exceeds the decimal range.
    pub fn invoice(&self, inputs: &FeeInputs) -> Result<Invoice, Error> {
        let lines = self.rule.eval(inputs, self.currency)?;
        lines.finish(self.currency, self.rounding, "fee")
    }
}

impl TryFrom<FeeScheduleSpec> for FeeSchedule {
    type Error = Error;

    fn try_from(spec: FeeScheduleSpec) -> Result<Self, Error> {
        FeeSchedule::from_spec(spec)
    }
}

impl From<FeeSchedule> for FeeScheduleSpec {
    fn from(schedule: FeeSchedule) -> Self {
        FeeScheduleSpec {
            currency: schedule.currency.code().to_owned(),
            rounding: schedule.rounding,
            fee: schedule.rule.to_spec(schedule.currency),
        }
    }
}
