//! Money: currencies, explicit rounding, fee schedules, case quotas, hour budgets, service
//! credits and time and materials.
//!
//! Everything here is exact [`Decimal`] arithmetic; no float ever touches an amount, and every
//! operation is checked, so an overflow is an [`Error::ArithmeticOverflow`], never a panic.
//!
//! # How amounts are rounded
//!
//! Fees and credits are computed at full precision. Each result ([`Invoice`]) carries
//! *explanation lines* whose exact amounts add up to its [`subtotal`](Invoice::subtotal);
//! the subtotal is then rounded **once**, to the currency's minor units, with the schedule's
//! [`RoundingMode`]. The difference is shown as [`rounding_adjustment`](Invoice::rounding_adjustment),
//! so that, exactly,
//!
//! ```text
//! sum(lines.amount) == subtotal
//! subtotal + rounding_adjustment == total.amount
//! total.amount == subtotal rounded to the currency's minor units with the schedule's mode
//! ```
//!
//! # Example: AWS Business support for $85,000 of monthly usage
//!
//! ```
//! use slacalc::money::{FeeInputs, FeeSchedule, Money};
//!
//! let schedule: FeeSchedule = serde_json::from_str(r#"{
//!   "currency": "USD",
//!   "fee": { "greater_of": [
//!     { "fixed": "100.00 USD" },
//!     { "graduated": { "of": "usage", "bands": [
//!       { "from": "0",     "to": "10000",  "percent": "10" },
//!       { "from": "10000", "to": "80000",  "percent": "7" },
//!       { "from": "80000", "to": "250000", "percent": "5" },
//!       { "from": "250000",                "percent": "3" }
//!     ] } }
//!   ] }
//! }"#)?;
//! let inputs = FeeInputs::new().with_amount("usage", "85000.00 USD".parse::<Money>()?);
//! let invoice = schedule.evaluate(&inputs)?;
//! assert_eq!(invoice.total, "6150.00 USD".parse::<Money>()?);
//! assert_eq!(invoice.lines.len(), 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod budget;
mod credit;
mod currency;
mod fee;
mod invoice;
mod quota;
mod rounding;
pub mod time_and_materials;

pub use budget::{BudgetLedger, BudgetMonth, ExpiryPolicy, HourBudget, HourBudgetSpec};
pub use credit::{
    AvailabilityTierSpec, CreditCapSpec, CreditInputs, CreditPolicy, CreditPolicySpec,
};
pub use currency::{Currency, Money};
pub use fee::{
    BandSpec, ClampSpec, FeeInputs, FeeRuleSpec, FeeSchedule, FeeScheduleSpec, RateSpec,
    UnitPriceSpec,
};
pub use invoice::{Invoice, InvoiceLine, LineDetail};
pub use quota::{
    CaseQuota, CaseQuotaSpec, NextCase, OveragePolicy, OveragePolicySpec, QuotaPeriod, QuotaUsage,
};
pub use rounding::RoundingMode;
pub use time_and_materials::{
    IncrementBasis, IncrementSpec, SurchargesSpec, TimeAndMaterials, TimeAndMaterialsSpec,
    WorkCategory, WorkInterval,
};

use rust_decimal::Decimal;

use crate::error::Error;

/// `a + b`, or [`Error::ArithmeticOverflow`] naming `path`.
fn add(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    a.checked_add(b).ok_or_else(|| overflow(path))
}

/// `a - b`, or [`Error::ArithmeticOverflow`] naming `path`.
fn sub(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    a.checked_sub(b).ok_or_else(|| overflow(path))
}

/// `a * b`, or [`Error::ArithmeticOverflow`] naming `path`.
fn mul(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    a.checked_mul(b).ok_or_else(|| overflow(path))
}

/// `amount * percent / 100`, or [`Error::ArithmeticOverflow`] naming `path`.
fn percent_of(amount: Decimal, percent: Decimal, path: &str) -> Result<Decimal, Error> {
    mul(amount, percent, path)?
        .checked_div(Decimal::ONE_HUNDRED)
        .ok_or_else(|| overflow(path))
}

fn overflow(path: &str) -> Error {
    Error::ArithmeticOverflow {
        path: path.to_owned(),
    }
}

/// Joins a config path prefix and a field: `join("fees.premium", "fee")` is
/// `fees.premium.fee`; an empty prefix yields the field alone.
fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else if field.starts_with('[') {
        format!("{prefix}{field}")
    } else {
        format!("{prefix}.{field}")
    }
}

/// Fills in the config path of an error raised by a `FromStr` that could not know it.
fn at_path(err: Error, at: &str) -> Error {
    match err {
        Error::InvalidValue {
            value, expected, ..
        } => Error::InvalidValue {
            path: at.to_owned(),
            value,
            expected,
        },
        Error::UnknownName {
            kind, name, known, ..
        } => Error::UnknownName {
            path: at.to_owned(),
            kind,
            name,
            known,
        },
        other => other,
    }
}

/// Parses a configured amount at `path`: a [`Money`] string, non-negative, in `currency`.
fn config_amount(s: &str, path: &str, currency: Currency) -> Result<Decimal, Error> {
    let money: Money = s.parse().map_err(|e| at_path(e, path))?;
    currency::expect_currency(currency, money.currency, path)?;
    non_negative(money.amount, path, "amount")
}

/// A non-negative check for configured amounts, rates and prices.
fn non_negative(value: Decimal, path: &str, what: &str) -> Result<Decimal, Error> {
    if value.is_sign_negative() && !value.is_zero() {
        Err(Error::InvalidValue {
            path: path.to_owned(),
            value: value.to_string(),
            expected: format!("a non-negative {what}"),
        })
    } else {
        Ok(value)
    }
}

/// Serde for decimals written as strings (`"12.50"`), rejecting numbers in every format.
///
/// `rust_decimal::serde::str` asks the deserializer for a string, which serde_json enforces but
/// the `toml` crate does not (it hands over `0` and `0.1` as numbers, the latter through `f64`),
/// so the visitor here accepts strings only. Serializing is `rust_decimal::serde::str`'s.
pub(crate) mod decimal_str {
    use std::fmt;

    use rust_decimal::Decimal;
    use serde::de::{self, Unexpected, Visitor};
    use serde::{Deserializer, Serializer};

    const EXPECTING: &str = "a decimal written as a string, such as \"12.50\"";

    pub(crate) fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::str::serialize(value, s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_str(StrVisitor)
    }

    struct StrVisitor;

    impl Visitor<'_> for StrVisitor {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(EXPECTING)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
            Decimal::from_str_exact(v).map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
        }
    }

    /// The same for `Option<Decimal>` (`null` or absent is `None`).
    pub(crate) mod option {
        use std::fmt;

        use rust_decimal::Decimal;
        use serde::de::{self, Visitor};
        use serde::{Deserializer, Serializer};

        pub(crate) fn serialize<S: Serializer>(
            value: &Option<Decimal>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            rust_decimal::serde::str_option::serialize(value, s)
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<Decimal>, D::Error> {
            d.deserialize_option(OptionVisitor)
        }

        struct OptionVisitor;

        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<Decimal>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(super::EXPECTING)
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                super::deserialize(d).map(Some)
            }
        }
    }
}
