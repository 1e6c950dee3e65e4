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
//! The total is written with exactly the currency's minor units: `600.00 EUR`, `0.00 EUR`,
//! never `600 EUR`.
//!
//! "Full precision" means exact: every sum, difference and product of a fee, credit or hour
//! budget is the exact decimal value, or the computation fails with
//! [`Error::InexactArithmetic`] when that value does not fit a 96-bit decimal (28 decimals),
//! such as `0.01 × 0.4999999999999999999999999999` — `rust_decimal` alone would round it to
//! `0.005`, and the total half-up to `0.01` where the exact rule gives `0.00`. Time and
//! materials is the one exception: its hourly charges are quotients, rounded to 28
//! significant digits (see [the guide](crate::guide::time_and_materials#how-amounts-are-computed)).
//!
//! # Layers
//!
//! Money is low in the crate's one-way flow: it depends only on the crate's [`Error`], the leaf
//! vocabulary [`crate::time`] (durations, dates, periods) and the crate's serde plumbing
//! (`config`: strict maps, dates, counts, path joining). It knows no calendar, no contract
//! and no incident; whatever needs a calendar arrives already classified (time and materials
//! takes durations per local date and [`WorkCategory`], see [the guide](crate::guide::time_and_materials)). The
//! modules that use money sit below it:
//!
//! ```text
//! error ← time ← config ← money ← calendar (only calendar/work.rs: time and materials)
//!                               ← contract (plans hold fee schedules and case quotas)
//!                               ← availability (credits by availability)
//! ```
//!
//! so `contract → money` and `calendar::TimeAndMaterials → money` are downward arrows, and
//! nothing in `money/` or `time/` points up. To check, run from the crate root:
//!
//! ```text
//! grep -rn "^ *\(pub[^ ]* \)\?use crate::" src/time src/money \
//!     | grep -v "crate::\(error\|time\|config\|money\)"
//! ```
//!
//! which prints nothing.
//!
//! # Example: AWS Business support for $85,000 of monthly usage
//!
//! ```
//! use slacalc::Money;
//! use slacalc::money::{FeeInputs, FeeSchedule};
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
//! let invoice = schedule.invoice(&inputs)?;
//! assert_eq!(invoice.total, "6150.00 USD".parse::<Money>()?);
//! assert_eq!(invoice.lines.len(), 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod budget;
mod credit;
pub(crate) mod currency;
mod fee;
mod invoice;
mod quota;
mod rounding;
mod time_and_materials;
mod work;

pub use budget::{
    BudgetLedger, BudgetMonth, ExpiryPolicy, HourBudget, HourBudgetSpec, MAX_MONTHLY_HOURS,
};
pub use credit::{
    AvailabilityTierSpec, CreditCapSpec, CreditInputs, CreditPolicy, CreditPolicySpec,
};
pub use currency::Currency;
pub(crate) use currency::Money;
pub use fee::{
    BandSpec, ClampSpec, FeeInputs, FeeRuleSpec, FeeSchedule, FeeScheduleSpec, RateSpec,
    UnitPriceSpec,
};
pub use invoice::{Invoice, InvoiceLine, LineDetail};
pub use quota::{CaseQuota, CaseQuotaSpec, NextCase, OveragePolicy, OveragePolicySpec, QuotaUsage};
pub use rounding::RoundingMode;
pub use time_and_materials::{HourlyRates, HourlyRatesSpec, IncrementSpec, SurchargesSpec};
pub use work::{
    ClassifiedInterval, IncrementBasis, WorkCategory, WorkInterval, WorkPiece, MAX_INTERVAL_DAYS,
};

use rust_decimal::Decimal;

use crate::error::Error;

/// `a + b`, exactly: [`Error::ArithmeticOverflow`] naming `path` if it does not fit,
/// [`Error::InexactArithmetic`] if `rust_decimal` had to round it.
fn add(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    let r = a.checked_add(b).ok_or_else(|| overflow(path))?;
    exact(r, exact::sum(a, b), path)
}

/// `a - b`, exactly (see [`add`]).
fn sub(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    let r = a.checked_sub(b).ok_or_else(|| overflow(path))?;
    exact(r, exact::sum(a, -b), path)
}

/// `a * b`, exactly (see [`add`]): `0.01 × 0.4999999999999999999999999999` (whose exact
/// value has 30 decimals) is refused, where `rust_decimal` would round it to `0.005`.
fn mul(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    let r = a.checked_mul(b).ok_or_else(|| overflow(path))?;
    exact(r, exact::product(a, b), path)
}

/// `amount * percent / 100`, exactly (see [`add`]).
fn percent_of(amount: Decimal, percent: Decimal, path: &str) -> Result<Decimal, Error> {
    let p = mul(amount, percent, path)?;
    let r = p
        .checked_div(Decimal::ONE_HUNDRED)
        .ok_or_else(|| overflow(path))?;
    exact(r, exact::hundredth(p), path)
}

/// Arithmetic on amounts that are already rounded quotients (time and materials divides by
/// 3,600 seconds an hour): `rust_decimal`'s results, rounded to 28 significant digits where
/// they need more, with only overflow refused. Documented in the [time-and-materials
/// docs](time_and_materials#how-amounts-are-computed).
mod rounded {
    use rust_decimal::Decimal;

    use super::overflow;
    use crate::error::Error;

    pub(super) fn add(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
        a.checked_add(b).ok_or_else(|| overflow(path))
    }

    pub(super) fn sub(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
        a.checked_sub(b).ok_or_else(|| overflow(path))
    }

    pub(super) fn mul(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
        a.checked_mul(b).ok_or_else(|| overflow(path))
    }
}

/// Whether a computation's sums must be exact (fees, credits, budgets) or may round to 28
/// significant digits (time and materials, whose amounts are quotients).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Arithmetic {
    /// Every result exact, or [`Error::InexactArithmetic`].
    #[default]
    Exact,
    /// Results rounded to 28 significant digits where needed.
    Rounded,
}

impl Arithmetic {
    fn add(self, a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
        match self {
            Arithmetic::Exact => add(a, b, path),
            Arithmetic::Rounded => rounded::add(a, b, path),
        }
    }

    fn sub(self, a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
        match self {
            Arithmetic::Exact => sub(a, b, path),
            Arithmetic::Rounded => rounded::sub(a, b, path),
        }
    }
}

/// `computed` if it equals the exact result, else [`Error::InexactArithmetic`].
fn exact(computed: Decimal, exact: Option<Decimal>, path: &str) -> Result<Decimal, Error> {
    match exact {
        Some(e) if e == computed => Ok(computed),
        _ => Err(Error::InexactArithmetic {
            path: path.to_owned(),
        }),
    }
}

/// Exact decimal arithmetic on `i128` mantissas, to tell whether `rust_decimal` (which rounds
/// a result that needs more than 28 decimals or 96 bits) returned the exact value.
///
/// A value is `m × 10^-s` with the trailing zeros of `m` moved into `s` (which may be
/// negative). An intermediate that does not fit an `i128` cannot be exact in 96 bits (the
/// operands have no trailing zeros left to lose), except for products of two ~20-digit
/// mantissas whose factors of 2 and 5 make ten trailing zeros — no amount, rate or quantity
/// of a support contract; those are refused too, never rounded.
mod exact {
    use rust_decimal::Decimal;

    /// The largest scale a `Decimal` has.
    const MAX_SCALE: i64 = 28;

    fn parts(d: Decimal) -> (i128, i64) {
        let (mut m, mut s) = (d.mantissa(), i64::from(d.scale()));
        while m != 0 && m % 10 == 0 {
            m /= 10;
            s -= 1;
        }
        (m, s)
    }

    /// `m × 10^-s` as a `Decimal`, if it is one exactly.
    fn decimal(mut m: i128, mut s: i64) -> Option<Decimal> {
        if m == 0 {
            return Some(Decimal::ZERO);
        }
        while m % 10 == 0 && s > 0 {
            m /= 10;
            s -= 1;
        }
        if s > MAX_SCALE {
            return None;
        }
        if s < 0 {
            m = m.checked_mul(10i128.checked_pow(u32::try_from(s.checked_neg()?).ok()?)?)?;
            s = 0;
        }
        Decimal::try_from_i128_with_scale(m, u32::try_from(s).ok()?).ok()
    }

    /// `10^k × m`.
    fn shift(m: i128, k: i64) -> Option<i128> {
        m.checked_mul(10i128.checked_pow(u32::try_from(k).ok()?)?)
    }

    pub(super) fn sum(a: Decimal, b: Decimal) -> Option<Decimal> {
        let ((ma, sa), (mb, sb)) = (parts(a), parts(b));
        let s = sa.max(sb);
        let m = shift(ma, s.checked_sub(sa)?)?.checked_add(shift(mb, s.checked_sub(sb)?)?)?;
        decimal(m, s)
    }

    pub(super) fn product(a: Decimal, b: Decimal) -> Option<Decimal> {
        let ((ma, sa), (mb, sb)) = (parts(a), parts(b));
        decimal(ma.checked_mul(mb)?, sa.checked_add(sb)?)
    }

    pub(super) fn hundredth(a: Decimal) -> Option<Decimal> {
        let (m, s) = parts(a);
        decimal(m, s.checked_add(2)?)
    }
}

fn overflow(path: &str) -> Error {
    Error::ArithmeticOverflow {
        path: path.to_owned(),
    }
}

/// Parses a configured amount at `path`: a [`Money`] string, non-negative, in `currency`.
fn config_amount(s: &str, path: &str, currency: Currency) -> Result<Decimal, Error> {
    let money: Money = s.parse().map_err(|e: Error| e.at(path))?;
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
