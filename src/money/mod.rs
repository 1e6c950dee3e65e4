//! Money: currencies, explicit rounding, fee schedules, case quotas, hour budgets, service
//! credits and time and materials.
//!
//! Everything here is exact [`Decimal`] arithmetic; no float ever touches an amount, and every
//! operation is checked, so an overflow is an [`Error::ArithmeticOverflow`], never a panic.
//!
//! # Configuration reference
//!
//! Money values and rounding, fee schedules, case quotas, hour budgets and service credits.
//!
//! [`slacalc::money`](crate::money) computes what a contract charges and credits, in exact
//! decimals (`rust_decimal::Decimal`, never floats) with checked arithmetic: an overflow is
//! `Error::ArithmeticOverflow`, never a panic. [`CaseQuota`], [`HourBudget`] and
//! [`CreditPolicy`] are one type each, read and written in their configuration form;
//! deserializing one validates it, and errors name the config path and the bad value. A fee
//! schedule comes in two forms, a plain serde [`FeeScheduleSpec`] and the compiled
//! [`FeeSchedule`] (its rule tree, whose nodes keep their paths for invoice lines), made from
//! it with `TryFrom`; its errors are relative to the schedule, and
//! [`Error::at`](crate::Error::at) puts where it was found in front (an example under
//! [Fee schedules](#fee-schedules)).
//! Time and materials has [its own page](crate::calendar::TimeAndMaterials#configuration-reference).
//!
//! ## Values
//!
//! - **Decimals are strings**: `"12.50"`, `"7.5"`. JSON and TOML numbers are rejected (a JSON
//!   number goes through `f64`). `"1.50"` and `"1.5"` are equal; they print as written.
//! - **Money** is `"<amount> <CODE>"`: `"1500.00 EUR"`, `"29 USD"`, `"300 JPY"`.
//! - **Currencies** are upper-case ISO 4217 codes from a built-in table with their minor units
//!   (EUR, USD, GBP, PLN, CHF: 2; JPY, KRW, ISK: 0; BHD, KWD, JOD, OMR, TND: 3; …). An unknown
//!   code is an error.
//! - **Rounding modes** (`"rounding"`, default `"half_up"`): `half_up` (ties away from zero),
//!   `half_even` (ties to even, banker's), `half_down` (ties toward zero), `up` (away from zero),
//!   `down` (toward zero), `ceiling`, `floor`.
//!
//! ## How rounding and explanation lines relate
//!
//! A fee or credit evaluates to an [`Invoice`]. Its `lines` (each with a config
//! `path`, a `detail` such as the band, the part of the base in it and the rate, and an exact
//! `amount`) sum exactly to `subtotal`. The subtotal is rounded **once**, to the currency's minor
//! units, with the schedule's mode: that is `total`, and `rounding_adjustment = total -
//! subtotal`. Nothing is rounded line by line. `notes` record choices (which alternative of
//! `greater_of` won) and carry no amount. `Display` prints the invoice; serde serializes it.
//!
//! ## Fee schedules
//!
//! [`FeeSchedule`]: a currency, a rounding mode and one rule. Every
//! amount in it must be in the schedule's currency. Rules nest; each form:
//!
//! | rule | meaning |
//! | --- | --- |
//! | `{"fixed": "1500.00 EUR"}` | a fixed amount |
//! | `{"per_unit": {"quantity": "extra_cases", "price": "80.00 EUR"}}` | quantity input × unit price |
//! | `{"graduated": {"of": "usage", "bands": [...]}}` | each band's percentage on the part of the base inside it (tax-bracket style) |
//! | `{"volume": {"of": "usage", "bands": [...]}}` | the whole base at the percentage of the band it falls in |
//! | `{"clamp": {"min": "…", "max": "…", "fee": {...}}}` | raises the inner rule to `min` / lowers it to `max` (either or both) |
//! | `{"greater_of": [{...}, ...]}` | the largest alternative (the first wins a tie) |
//! | `{"lesser_of": [{...}, ...]}` | the smallest alternative (the first wins a tie) |
//! | `{"sum": [{...}, ...]}` | the sum of the parts |
//!
//! Bands are `{"from": "0", "to": "10000", "percent": "10"}`, half-open `[from, to)`: the first
//! starts at `0`, each next one starts where the previous one ends (no gaps, no overlaps,
//! ascending), and only the last one omits `to`. A base equal to a boundary is in the upper
//! band. Clamps add a line (`Minimum` or a negative `Maximum`) so that the lines still sum to
//! the fee. Evaluate with named inputs:
//! `schedule.invoice(&FeeInputs::new().with_amount("usage", money).with_quantity("hours", qty))`.
//!
//! ```
//! use rust_decimal::Decimal;
//! use slacalc::Money;
//! use slacalc::money::{FeeInputs, FeeSchedule, FeeScheduleSpec};
//!
//! let money = |s: &str| s.parse::<Money>();
//! let sum = |lines: &[slacalc::money::InvoiceLine]| lines.iter().map(|l| l.amount).sum::<Decimal>();
//!
//! // AWS Business support: the greater of $100 or a graduated percentage of the month's usage.
//! let aws: FeeSchedule = serde_json::from_str(r#"
//! {
//!   "currency": "USD",
//!   "rounding": "half_up",
//!   "fee": { "greater_of": [
//!     { "fixed": "100.00 USD" },
//!     { "graduated": { "of": "usage", "bands": [
//!       { "from": "0",      "to": "10000",  "percent": "10" },
//!       { "from": "10000",  "to": "80000",  "percent": "7" },
//!       { "from": "80000",  "to": "250000", "percent": "5" },
//!       { "from": "250000",                 "percent": "3" }
//!     ] } }
//!   ] }
//! }"#)?;
//! // 10 % of 10,000 + 7 % of 70,000 + 5 % of 20,000.
//! let invoice = aws.invoice(&FeeInputs::new().with_amount("usage", money("100000.00 USD")?))?;
//! assert_eq!(invoice.total, money("6900.00 USD")?);
//! assert_eq!(sum(&invoice.lines), invoice.subtotal);
//! let small = aws.invoice(&FeeInputs::new().with_amount("usage", money("500.00 USD")?))?;
//! assert_eq!(small.total, money("100.00 USD")?);
//!
//! // A volume-priced fee with a minimum and a maximum, plus extra cases at a unit price.
//! let volume: FeeSchedule = serde_json::from_str(r#"
//! {
//!   "currency": "EUR",
//!   "rounding": "half_even",
//!   "fee": { "sum": [
//!     { "clamp": { "min": "1500.00 EUR", "max": "9000.00 EUR", "fee": { "volume": { "of": "usage", "bands": [
//!       { "from": "0",     "to": "10000", "percent": "14" },
//!       { "from": "10000",                "percent": "11" }
//!     ] } } } },
//!     { "per_unit": { "quantity": "extra_cases", "price": "80.00 EUR" } }
//!   ] }
//! }"#)?;
//! // 11 % of 12,000 is 1,320, raised to the 1,500 minimum; 3 extra cases at 80.
//! let inputs = FeeInputs::new().with_amount("usage", money("12000.00 EUR")?)
//!     .with_quantity("extra_cases", Decimal::from(3));
//! let invoice = volume.invoice(&inputs)?;
//! assert_eq!(invoice.total, money("1740.00 EUR")?);
//! assert_eq!(sum(&invoice.lines), invoice.subtotal);
//!
//! // The lesser of a flat rate and hours at an hourly rate, in JSON and in TOML.
//! let chf: FeeSchedule = serde_json::from_str(r#"
//! { "currency": "CHF", "fee": { "lesser_of": [
//!   { "fixed": "2000.00 CHF" },
//!   { "per_unit": { "quantity": "hours", "price": "145.00 CHF" } }
//! ] } }"#)?;
//! let chf_toml: FeeSchedule = toml::from_str(r#"
//! currency = "CHF"
//! [fee]
//! lesser_of = [
//!   { fixed = "2000.00 CHF" },
//!   { per_unit = { quantity = "hours", price = "145.00 CHF" } },
//! ]
//! "#)?;
//! assert_eq!(chf, chf_toml);
//! let hours = FeeInputs::new().with_quantity("hours", "12.5".parse()?);
//! assert_eq!(chf.invoice(&hours)?.total, money("1812.50 CHF")?);
//!
//! // Errors name the config path and the bad value.
//! let spec: FeeScheduleSpec = serde_json::from_str(r#"{"currency": "USD", "fee": {"greater_of": [
//!     {"fixed": "100.00 USD"}, {"graduated": {"of": "usage", "bands": [
//!     {"from": "0", "to": "10000", "percent": "10"}, {"from": "10000", "to": "80000", "percent": "7"},
//!     {"from": "90000", "percent": "5"}]}}]}}"#)?;
//! let error = FeeSchedule::try_from(spec).map_err(|e| e.at("plans.business"))
//!     .err().ok_or("accepted")?;
//! assert_eq!(error.to_string(), "plans.business.fee.greater_of[1].graduated.bands[2].from: invalid \
//!     value `90000`: expected 80000, where the previous band ends (bands must not leave a gap)");
//! // Decimals are strings: a JSON number is refused.
//! assert!(serde_json::from_str::<FeeSchedule>(
//!     r#"{"currency": "USD", "fee": {"per_unit": {"quantity": "h", "price": "1.00 USD"}}, "rounding": 2}"#).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Case quotas
//!
//! [`CaseQuota`]: cases per calendar `month`, `quarter` or `year`, and
//! an overage policy, `"refuse"` (the default) or `{"charge": {"price": "…"}}`.
//! `quota.usage(&opened_dates, on)` (or `usage_at(&instants, at, tz)`) gives used, remaining,
//! cases over the limit, their charge and what the next case would be (`Included`,
//! `Charged { price }`, `Refused`).
//!
//! ## Hour budgets
//!
//! [`HourBudget`]: maintenance hours granted each month (a decimal
//! string that comes to whole minutes), how many months unused time carries over, and what
//! happens when it expires: `"forfeit"` (the default) or `{"convert_to_development": {"ratio":
//! "0.5"}}` (development minutes per maintenance minute). `budget.ledger(&worked_minutes_per_month)`
//! uses the oldest minutes first and reports, per month, what was granted, worked, covered by
//! earlier months, over budget, expired and converted.
//!
//! ## Service credits
//!
//! [`CreditPolicy`]: availability tiers (listed from the highest
//! threshold down; the lowest threshold the achieved availability is *below* decides, tiers do
//! not add up), credits per breached incident by severity key, and a monthly cap (`{"amount":
//! "…"}` or `{"percent_of_fee": "…"}`). `policy.invoice(&CreditInputs::new(monthly_fee)
//! .with_availability(pct).with_breaches("critical", 2))` returns an `Invoice` whose total is
//! the credit.
//!
//! ```
//! use chrono::NaiveDate;
//! use slacalc::Money;
//! use slacalc::money::{CaseQuota, CreditInputs, CreditPolicy, HourBudget, NextCase};
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
//! let money = |s: &str| s.parse::<Money>();
//!
//! let per_quarter: CaseQuota = serde_json::from_str(
//!     r#"{ "cases": 10, "per": "quarter", "overage": "refuse" }"#)?;
//! let opened = vec![d(2026, 1, 15)?; 10];
//! let usage = per_quarter.usage(&opened, d(2026, 3, 31)?)?;
//! assert_eq!((usage.used, usage.remaining, usage.next), (10, 0, NextCase::Refused));
//! assert_eq!(per_quarter.usage(&opened, d(2026, 4, 1)?)?.next, NextCase::Included);
//!
//! let per_month: CaseQuota = serde_json::from_str(
//!     r#"{ "cases": 5, "per": "month", "overage": { "charge": { "price": "120.00 EUR" } } }"#)?;
//! let usage = per_month.usage(&vec![d(2026, 2, 2)?; 7], d(2026, 2, 28)?)?;
//! assert_eq!((usage.over_limit, usage.overage_charge), (2, Some(money("240.00 EUR")?)));
//! assert_eq!(usage.next, NextCase::Charged { price: money("120.00 EUR")? });
//!
//! let budget: HourBudget = serde_json::from_str(r#"
//! { "monthly_hours": "20", "carry_over_months": 2,
//!   "on_expiry": { "convert_to_development": { "ratio": "0.5" } } }"#)?;
//! // Minutes worked: 10 h, nothing, nothing, 60 h.
//! let ledger = budget.ledger(&[600, 0, 0, 3600])?;
//! // The 10 unused hours of the first month carry over two months, expire at the end of the
//! // third and become 5 development hours; the fourth month uses the 40 hours left of the
//! // second and third months first, then its own 20.
//! assert_eq!(ledger.months[2].expired, 600);
//! assert_eq!(ledger.months[2].converted_development_minutes, "300".parse()?);
//! assert_eq!((ledger.months[3].from_earlier_months, ledger.months[3].over_budget), (2400, 0));
//!
//! let credits: CreditPolicy = serde_json::from_str(r#"
//! {
//!   "currency": "EUR",
//!   "availability": [ { "below": "99", "percent_of_fee": "5" },
//!                     { "below": "98", "percent_of_fee": "10" } ],
//!   "per_breach": { "critical": "200.00 EUR", "high": "50.00 EUR" },
//!   "cap": { "percent_of_fee": "25" }
//! }"#)?;
//! let month = CreditInputs::new(money("2500.00 EUR")?).with_breaches("critical", 2);
//! // Below 99 % (not below 98 %): 5 % of the fee, plus 2 × 200.
//! let credit = credits.invoice(&month.clone().with_availability("98.5".parse()?))?;
//! assert_eq!(credit.total, money("525.00 EUR")?);
//! // Below 98 %: 10 % + 400 = 650, capped at 25 % of the fee.
//! let credit = credits.invoice(&month.with_availability("97".parse()?))?;
//! assert_eq!(credit.total, money("625.00 EUR")?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
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
//!                               ← statement (a contract's month, every amount an Invoice)
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

pub use budget::{BudgetLedger, BudgetMonth, ExpiryPolicy, HourBudget, MAX_MONTHLY_HOURS};
pub use credit::{CreditInputs, CreditPolicy};
pub use currency::Currency;
pub(crate) use currency::Money;
pub use fee::{
    BandSpec, ClampSpec, FeeInputs, FeeRuleSpec, FeeSchedule, FeeScheduleSpec, RateSpec,
    UnitPriceSpec,
};
pub use invoice::{Invoice, InvoiceLine, LineDetail};
pub use quota::{CaseQuota, NextCase, OveragePolicy, QuotaUsage};
pub use rounding::RoundingMode;
pub use time_and_materials::{HourlyRates, Increment, Surcharges};
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
