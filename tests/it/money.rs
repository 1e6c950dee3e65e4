//! Integration tests of `slacalc::money`: published price lists as fixtures, properties of fee
//! evaluation and rounding, and the exact message of every configuration error.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde::Deserialize;
use slacalc::money::{
    BandSpec, CaseQuota, ClampSpec, CreditInputs, CreditPolicy, FeeInputs, FeeRuleSpec,
    FeeSchedule, FeeScheduleSpec, Invoice, NextCase, RateSpec, RoundingMode, UnitPriceSpec,
};
use slacalc::Error;
use slacalc::Money;

use crate::util::{d, fixture, money};

/// The shape of `fixtures/fees/*.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    about: String,
    plans: BTreeMap<String, FeeScheduleSpec>,
    #[serde(default)]
    quotas: BTreeMap<String, CaseQuota>,
}

struct Plans {
    fees: BTreeMap<String, FeeSchedule>,
    quotas: BTreeMap<String, CaseQuota>,
}

fn load(json: &str) -> Plans {
    let fixture: Fixture = serde_json::from_str(json).unwrap();
    assert!(fixture.about.len() > 100, "the fixture explains itself");
    Plans {
        fees: fixture
            .plans
            .into_iter()
            .map(|(name, spec)| {
                let schedule = FeeSchedule::try_from(spec)
                    .map_err(|e| e.at(&format!("plans.{name}")))
                    .unwrap();
                (name, schedule)
            })
            .collect(),
        quotas: fixture.quotas,
    }
}

fn aws() -> Plans {
    load(fixture!("fees/aws.json"))
}

/// Comarch's prices (the plans' `fee`) and case quotas, from its catalog
/// `fixtures/contracts/comarch.json`.
fn comarch() -> Plans {
    let catalog: slacalc::Catalog =
        serde_json::from_str(fixture!("contracts/comarch.json")).unwrap();
    assert!(
        catalog.spec().about.contains("`Preis`"),
        "the fixture explains its prices"
    );
    let plans = catalog.plans();
    Plans {
        fees: plans
            .iter()
            .filter_map(|(k, p)| Some((k.clone(), p.fee()?.clone())))
            .collect(),
        quotas: plans
            .iter()
            .filter_map(|(k, p)| Some((k.clone(), p.quota()?.clone())))
            .collect(),
    }
}

fn fee(plans: &Plans, plan: &str, usage: &str) -> Invoice {
    let inputs = FeeInputs::new().with_amount("usage", money(usage));
    plans.fees[plan].invoice(&inputs).unwrap()
}

/// The invariant every invoice keeps (see `Invoice`).
fn assert_explained(invoice: &Invoice) {
    let mut sum = Decimal::ZERO;
    for line in &invoice.lines {
        sum = sum.checked_add(line.amount).unwrap();
    }
    assert_eq!(sum, invoice.subtotal, "{invoice}");
    assert_eq!(
        invoice
            .subtotal
            .checked_add(invoice.rounding_adjustment)
            .unwrap(),
        invoice.total.amount,
        "{invoice}"
    );
    assert_eq!(
        invoice.total.amount,
        invoice
            .rounding
            .round(invoice.subtotal, invoice.currency.minor_units()),
        "{invoice}"
    );
    assert_eq!(invoice.total.currency, invoice.currency);
}

// ---------------------------------------------------------------------------------------------
// AWS's published examples

#[test]
fn aws_developer_2000() {
    let inv = fee(&aws(), "developer", "2000.00 USD");
    assert_eq!(inv.total, money("60.00 USD"));
    assert_explained(&inv);
}

#[test]
fn aws_business_85000() {
    let inv = fee(&aws(), "business", "85000.00 USD");
    assert_eq!(inv.total, money("6150.00 USD"));
    let amounts: Vec<Decimal> = inv.lines.iter().map(|l| l.amount).collect();
    assert_eq!(amounts, [d("1000"), d("4900"), d("250")]);
    assert_eq!(inv.lines[1].path, "fee.greater_of[1].graduated.bands[1]");
    assert_eq!(
        inv.notes,
        ["fee.greater_of: greater of [0] 100.00, [1] 6150.00 USD: took [1]"]
    );
    assert_explained(&inv);
}

#[test]
fn aws_business_500() {
    let inv = fee(&aws(), "business", "500.00 USD");
    assert_eq!(inv.total, money("100.00 USD"));
    assert_eq!(inv.lines.len(), 1);
    assert_eq!(inv.lines[0].path, "fee.greater_of[0].fixed");
    assert_explained(&inv);
}

#[test]
fn aws_enterprise_1200000() {
    let inv = fee(&aws(), "enterprise", "1200000.00 USD");
    assert_eq!(inv.total, money("70500.00 USD"));
    assert_eq!(inv.lines.len(), 4);
    assert_explained(&inv);
}

#[test]
fn aws_enterprise_100000() {
    let inv = fee(&aws(), "enterprise", "100000.00 USD");
    assert_eq!(inv.total, money("15000.00 USD"));
    assert_explained(&inv);
}

#[test]
fn aws_invoice_prints_and_serializes() {
    let inv = fee(&aws(), "business", "85000.00 USD");
    let want = "\
fee.greater_of[1].graduated.bands[0]
  10 % of 10000 (usage band 0–10000)                             1000
fee.greater_of[1].graduated.bands[1]
  7 % of 70000 (usage band 10000–80000)                          4900
fee.greater_of[1].graduated.bands[2]
  5 % of 5000.00 (usage band 80000–250000)                     250.00
note: fee.greater_of: greater of [0] 100.00, [1] 6150.00 USD: took [1]
subtotal                                                      6150.00
rounding (half_up)                                               0.00
total                                                         6150.00 USD
";
    assert_eq!(inv.to_string(), want);
    let json = serde_json::to_value(&inv).unwrap();
    assert_eq!(json["total"], "6150.00 USD");
    assert_eq!(json["lines"][2]["detail"]["kind"], "band");
    assert_eq!(json["lines"][2]["detail"]["portion"], "5000.00");
    let back: Invoice = serde_json::from_value(json).unwrap();
    assert_eq!(back, inv);
}

#[test]
fn aws_fixture_round_trips() {
    let plans = aws();
    for (name, schedule) in &plans.fees {
        let json = serde_json::to_string(schedule).unwrap();
        let again: FeeSchedule = serde_json::from_str(&json).unwrap();
        // Paths differ (the fixture's are rooted at `plans.<name>`), the prices do not.
        for usage in ["0 USD", "9999.99 USD", "250000 USD", "3000000 USD"] {
            let inputs = FeeInputs::new().with_amount("usage", money(usage));
            assert_eq!(
                again.invoice(&inputs).unwrap().total,
                schedule.invoice(&inputs).unwrap().total,
                "{name} {usage}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Comarch (seed 004), read as the fixture's `about` explains

#[test]
fn comarch_plans() {
    let plans = comarch();
    assert_eq!(fee(&plans, "basic", "15000 EUR").total, money("0.00 EUR"));
    assert_eq!(
        fee(&plans, "premium", "15000 EUR").total,
        money("10000.00 EUR")
    );
    // Below 5,000 EUR usage only the base price.
    assert_eq!(
        fee(&plans, "advanced", "4000 EUR").total,
        money("1500.00 EUR")
    );
    // 1,500 + 19 % × 2,000 + 14 % × 3,000 + 11 % × 5,000.
    let mid = fee(&plans, "advanced", "15000 EUR");
    assert_eq!(mid.total, money("2850.00 EUR"));
    assert_explained(&mid);
    // … + 11 % × 10,000 + 8 % × 10,000.
    assert_eq!(
        fee(&plans, "advanced", "30000 EUR").total,
        money("4200.00 EUR")
    );
    // Cents: 8 % of 0.01 is 0.0008, rounded once.
    let odd = fee(&plans, "advanced", "20000.07 EUR");
    assert_eq!(odd.subtotal, d("3400.0056"));
    assert_eq!(odd.total, money("3400.01 EUR"));
}

#[test]
fn comarch_basic_quota() {
    let plans = comarch();
    let quota = &plans.quotas["basic"];
    let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    let opened: Vec<NaiveDate> = (1..=10).map(|d| day(1, d)).collect();
    let usage = quota.usage(&opened, day(3, 31)).unwrap();
    assert_eq!((usage.used, usage.remaining), (10, 0));
    assert_eq!(usage.next, NextCase::Refused);
    assert_eq!(
        quota.usage(&opened, day(4, 1)).unwrap().next,
        NextCase::Included
    );
}

// ---------------------------------------------------------------------------------------------
// Service credits

#[test]
fn credits_are_explained() {
    let policy: CreditPolicy = serde_json::from_str(
        r#"{"currency":"EUR","availability":[{"below":"99","percent_of_fee":"5"},
            {"below":"98","percent_of_fee":"10"}],"per_breach":{"1":"33.333 EUR"},
            "cap":{"percent_of_fee":"15"}}"#,
    )
    .unwrap();
    let inv = policy
        .invoice(
            &CreditInputs::new(money("1000.00 EUR"))
                .with_availability(d("97.5"))
                .with_breaches("1", 1),
        )
        .unwrap();
    assert_eq!(inv.subtotal, d("133.333"));
    assert_eq!(inv.total, money("133.33 EUR"));
    assert_explained(&inv);
}

// ---------------------------------------------------------------------------------------------
// Error messages, exactly

fn schedule_err(json: &str) -> String {
    let spec: FeeScheduleSpec = serde_json::from_str(json).unwrap();
    FeeSchedule::try_from(spec)
        .map_err(|e| e.at("fees.premium"))
        .unwrap_err()
        .to_string()
}

fn bands_json(bands: &str) -> String {
    format!(r#"{{"currency":"USD","fee":{{"graduated":{{"of":"usage","bands":[{bands}]}}}}}}"#)
}

#[test]
fn every_config_error_names_path_and_value() {
    let cases: &[(&str, String, &str)] = &[
        (
            "overlapping bands",
            bands_json(r#"{"from":"0","to":"100","percent":"10"},{"from":"50","percent":"5"}"#),
            "fees.premium.fee.graduated.bands[1].from: invalid value `50`: expected 100, where the previous band ends (bands must not overlap)",
        ),
        (
            "unordered bands",
            bands_json(
                r#"{"from":"100","percent":"5"},{"from":"0","to":"100","percent":"10"}"#,
            ),
            "fees.premium.fee.graduated.bands[0].from: invalid value `100`: expected 0 (bands must be listed in ascending order)",
        ),
        (
            "gap between bands",
            bands_json(r#"{"from":"0","to":"100","percent":"10"},{"from":"150","percent":"5"}"#),
            "fees.premium.fee.graduated.bands[1].from: invalid value `150`: expected 100, where the previous band ends (bands must not leave a gap)",
        ),
        (
            "negative rate",
            bands_json(r#"{"from":"0","to":"100","percent":"10"},{"from":"100","percent":"-5"}"#),
            "fees.premium.fee.graduated.bands[1].percent: invalid value `-5`: expected a non-negative percentage",
        ),
        (
            "negative amount",
            r#"{"currency":"USD","fee":{"greater_of":[{"fixed":"-29.00 USD"}]}}"#.to_owned(),
            "fees.premium.fee.greater_of[0].fixed: invalid value `-29.00`: expected a non-negative amount",
        ),
        (
            "currency mismatch",
            r#"{"currency":"USD","fee":{"clamp":{"min":"100.00 EUR","fee":{"fixed":"1 USD"}}}}"#
                .to_owned(),
            "fees.premium.fee.clamp.min: currency mismatch: expected USD, found EUR",
        ),
        (
            "unknown currency",
            r#"{"currency":"USD","fee":{"fixed":"1 ABC"}}"#.to_owned(),
            "fees.premium.fee.fixed: unknown currency `ABC`: expected one of AUD, BHD, BRL, CAD, CHF, CNY, CZK, DKK, EUR, GBP, HKD, HUF, INR, ISK, JOD, JPY, KRW, KWD, MXN, MYR, NOK, NZD, OMR, PLN, RON, SEK, SGD, TND, UAH, USD, ZAR",
        ),
        (
            "malformed currency",
            r#"{"currency":"usd","fee":{"fixed":"1 USD"}}"#.to_owned(),
            "fees.premium.currency: invalid value `usd`: expected a three-letter ISO 4217 currency code in upper case, such as EUR",
        ),
        (
            "open band before the last",
            bands_json(r#"{"from":"0","percent":"10"},{"from":"100","percent":"5"}"#),
            "fees.premium.fee.graduated.bands[0].to: invalid value `(none)`: expected an upper bound: only the last band may be open",
        ),
        (
            "closed last band",
            bands_json(r#"{"from":"0","to":"100","percent":"10"}"#),
            "fees.premium.fee.graduated.bands[0].to: invalid value `100`: expected no `to` on the last band: it must be open so that every base falls in a band",
        ),
        (
            "empty alternatives",
            r#"{"currency":"USD","fee":{"sum":[]}}"#.to_owned(),
            "fees.premium.fee.sum: invalid value `[]`: expected at least one fee rule",
        ),
    ];
    for (what, json, want) in cases {
        assert_eq!(schedule_err(json), *want, "{what}");
    }
}

#[test]
fn numbers_in_config_are_rejected() {
    let err = serde_json::from_str::<FeeSchedule>(&bands_json(r#"{"from":"0","percent":3.5}"#))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "fee.graduated.bands[0].percent: invalid type: floating point `3.5`, expected a decimal written as a string, such as \"12.50\" at line 1 column 85"
    );
}

#[test]
fn new_error_variants_print_exactly() {
    assert_eq!(
        Error::CurrencyMismatch {
            path: "inputs.usage".into(),
            expected: "USD".into(),
            found: "EUR".into(),
        }
        .to_string(),
        "inputs.usage: currency mismatch: expected USD, found EUR"
    );
    assert_eq!(
        Error::ArithmeticOverflow {
            path: "fee.per_unit".into(),
        }
        .to_string(),
        "fee.per_unit: arithmetic overflow: the result exceeds the range of a 96-bit decimal"
    );
}

#[test]
fn evaluation_errors_are_exact() {
    let plans = aws();
    let business = &plans.fees["business"];
    assert_eq!(
        business.invoice(&FeeInputs::new()).unwrap_err().to_string(),
        "fee.greater_of[1].graduated.of: unknown amount input `usage`"
    );
    assert_eq!(
        business
            .invoice(&FeeInputs::new().with_amount("usage", money("1 EUR")))
            .unwrap_err()
            .to_string(),
        "inputs.usage: currency mismatch: expected USD, found EUR"
    );
    let huge = FeeInputs::new().with_amount("usage", Money::new(Decimal::MAX, business.currency()));
    assert_eq!(
        business.invoice(&huge).unwrap_err().to_string(),
        "fee.greater_of[1].graduated.bands[3]: arithmetic overflow: the result exceeds the range of a 96-bit decimal"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties

/// A non-negative decimal with up to `dp` decimal places, below `max_units` whole units.
fn amount(max_units: i64, dp: u32) -> impl Strategy<Value = Decimal> {
    let scale = 10i64.pow(dp);
    (0..max_units * scale).prop_map(move |m| Decimal::new(m, dp))
}

fn percent() -> impl Strategy<Value = Decimal> {
    (0i64..=10_000).prop_map(|m| Decimal::new(m, 2))
}

/// Contiguous bands from 0: positive widths, each with a percentage.
fn band_list() -> impl Strategy<Value = Vec<BandSpec>> {
    proptest::collection::vec((1i64..50_000, percent()), 1..6).prop_map(|parts| {
        let mut from = Decimal::ZERO;
        let last = parts.len() - 1;
        parts
            .into_iter()
            .enumerate()
            .map(|(i, (width, percent))| {
                let to = (i != last).then(|| from + Decimal::from(width));
                let band = BandSpec { from, to, percent };
                if let Some(to) = to {
                    from = to;
                }
                band
            })
            .collect()
    })
}

fn rate_schedule(bands: Vec<BandSpec>, volume: bool) -> FeeSchedule {
    let rate = RateSpec {
        of: "usage".into(),
        bands,
    };
    FeeSchedule::try_from(FeeScheduleSpec {
        currency: "EUR".into(),
        rounding: RoundingMode::HalfUp,
        fee: if volume {
            FeeRuleSpec::Volume(rate)
        } else {
            FeeRuleSpec::Graduated(rate)
        },
    })
    .unwrap()
}

fn subtotal(schedule: &FeeSchedule, usage: Decimal) -> Decimal {
    let inputs = FeeInputs::new().with_amount("usage", Money::new(usage, schedule.currency()));
    schedule.invoice(&inputs).unwrap().subtotal
}

fn eur(amount: Decimal) -> String {
    format!("{amount} EUR")
}

/// Any valid rule tree over the inputs `usage` and `cases`.
fn rule() -> impl Strategy<Value = FeeRuleSpec> {
    let leaf = prop_oneof![
        amount(100_000, 3).prop_map(|a| FeeRuleSpec::Fixed(eur(a))),
        amount(1_000, 4).prop_map(|p| FeeRuleSpec::PerUnit(UnitPriceSpec {
            quantity: "cases".into(),
            price: eur(p),
        })),
        band_list().prop_map(|bands| FeeRuleSpec::Graduated(RateSpec {
            of: "usage".into(),
            bands
        })),
        band_list().prop_map(|bands| FeeRuleSpec::Volume(RateSpec {
            of: "usage".into(),
            bands
        })),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 1..4).prop_map(FeeRuleSpec::GreaterOf),
            proptest::collection::vec(inner.clone(), 1..4).prop_map(FeeRuleSpec::LesserOf),
            proptest::collection::vec(inner.clone(), 1..4).prop_map(FeeRuleSpec::Sum),
            (
                inner,
                proptest::option::of(amount(10_000, 2)),
                proptest::option::of(amount(10_000, 2))
            )
                .prop_map(|(fee, a, b)| {
                    let (min, max) = match (a, b) {
                        (None, None) => (Some(Decimal::ONE), None),
                        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                        other => other,
                    };
                    FeeRuleSpec::Clamp(ClampSpec {
                        min: min.map(eur),
                        max: max.map(eur),
                        fee: Box::new(fee),
                    })
                }),
        ]
    })
}

fn rounding_mode() -> impl Strategy<Value = RoundingMode> {
    prop_oneof![
        Just(RoundingMode::HalfUp),
        Just(RoundingMode::HalfEven),
        Just(RoundingMode::HalfDown),
        Just(RoundingMode::Up),
        Just(RoundingMode::Down),
        Just(RoundingMode::Ceiling),
        Just(RoundingMode::Floor),
    ]
}

proptest! {
    /// Graduated: `0 <= f(b2) - f(b1) <= max_rate × (b2 - b1)` for `b1 <= b2`, so the fee is
    /// non-decreasing and (Lipschitz-)continuous in the base, across band boundaries too.
    #[test]
    fn graduated_is_continuous_and_non_decreasing(
        bands in band_list(),
        a in amount(300_000, 2),
        b in amount(300_000, 2),
    ) {
        let max_percent = bands.iter().map(|b| b.percent).max().unwrap();
        let s = rate_schedule(bands, false);
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let rise = subtotal(&s, hi) - subtotal(&s, lo);
        prop_assert!(rise >= Decimal::ZERO);
        prop_assert!(rise * Decimal::ONE_HUNDRED <= max_percent * (hi - lo));
    }

    /// Volume: within one band the fee never decreases as the base grows.
    #[test]
    fn volume_is_non_decreasing_within_a_band(
        bands in band_list(),
        pick in any::<prop::sample::Index>(),
        x in 0u32..1000,
        y in 0u32..1000,
    ) {
        let band = pick.get(&bands).clone();
        let width = band.to.unwrap_or(Decimal::from(1_000_000)) - band.from;
        // Two points in [from, to): from + width × k / 1000 (exact decimals: a base with 28
        // significant digits would make the fee inexact, which is refused).
        let at = |k: u32| band.from + width * Decimal::from(k) / Decimal::from(1000);
        let (lo, hi) = if x <= y { (at(x), at(y)) } else { (at(y), at(x)) };
        let s = rate_schedule(bands, true);
        prop_assert!(subtotal(&s, lo) <= subtotal(&s, hi));
    }

    /// Every invoice's lines sum exactly to its subtotal, and the total is that subtotal
    /// rounded once with the schedule's mode.
    #[test]
    fn lines_sum_to_the_fee(
        fee in rule(),
        rounding in rounding_mode(),
        usage in amount(2_000_000, 2),
        cases in 0i64..200,
    ) {
        let schedule = FeeSchedule::try_from(FeeScheduleSpec {
            currency: "EUR".into(),
            rounding,
            fee,
        }).unwrap();
        let inputs = FeeInputs::new()
            .with_amount("usage", Money::new(usage, schedule.currency()))
            .with_quantity("cases", Decimal::from(cases));
        let invoice = schedule.invoice(&inputs).unwrap();
        assert_explained(&invoice);
        prop_assert!(invoice.subtotal >= Decimal::ZERO);
    }

    /// Ties (exactly half a unit): half_up goes away from zero, half_down toward zero,
    /// half_even to the even neighbour; directed modes ignore the tie.
    #[test]
    fn rounding_modes_on_ties(units in -1_000_000i64..1_000_000, dp in 0u32..4) {
        let unit = Decimal::new(1, dp);
        let down = Decimal::new(units, dp); // the neighbour toward zero
        let away = if units < 0 { down - unit } else { down + unit };
        // x = down ± half a unit, on the side of `away`.
        let x = (down + away) / Decimal::TWO;
        prop_assert_eq!(RoundingMode::HalfUp.round(x, dp), away);
        prop_assert_eq!(RoundingMode::HalfDown.round(x, dp), down);
        prop_assert_eq!(RoundingMode::Up.round(x, dp), away);
        prop_assert_eq!(RoundingMode::Down.round(x, dp), down);
        let even = if units % 2 == 0 { down } else { away };
        prop_assert_eq!(RoundingMode::HalfEven.round(x, dp), even);
        prop_assert_eq!(RoundingMode::Ceiling.round(x, dp), down.max(away));
        prop_assert_eq!(RoundingMode::Floor.round(x, dp), down.min(away));
    }

    /// Off ties, the three `half_*` modes agree on the nearest neighbour.
    #[test]
    fn half_modes_agree_off_ties(mantissa in -10_000_000i64..10_000_000, dp in 0u32..3) {
        let x = Decimal::new(mantissa, dp + 2);
        prop_assume!(mantissa.rem_euclid(100) != 50);
        let up = RoundingMode::HalfUp.round(x, dp);
        prop_assert_eq!(RoundingMode::HalfEven.round(x, dp), up);
        prop_assert_eq!(RoundingMode::HalfDown.round(x, dp), up);
        prop_assert!((up - x).abs() * Decimal::TWO <= Decimal::new(1, dp));
    }
}
