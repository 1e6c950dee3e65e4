//! Unit tests of fee schedules.

use super::*;
use crate::money::currency::Money;
use crate::testing::d;
use rust_decimal::Decimal;

fn schedule(json: &str) -> Result<FeeSchedule, Error> {
    let spec: FeeScheduleSpec = serde_json::from_str(json).unwrap();
    FeeSchedule::try_from(spec)
}

fn err(json: &str) -> String {
    schedule(json).unwrap_err().to_string()
}

fn graduated(bands: &str) -> String {
    format!(r#"{{"currency":"EUR","fee":{{"graduated":{{"of":"usage","bands":[{bands}]}}}}}}"#)
}

fn usage(amount: &str) -> FeeInputs {
    FeeInputs::new().with_amount("usage", format!("{amount} EUR").parse().unwrap())
}

#[test]
fn graduated_bands_and_lines() {
    let s = schedule(&graduated(
        r#"{"from":"0","to":"100","percent":"10"},{"from":"100","percent":"5"}"#,
    ))
    .unwrap();
    let inv = s.invoice(&usage("150")).unwrap();
    assert_eq!(inv.total.amount, d("12.50"));
    assert_eq!(inv.lines.len(), 2);
    assert_eq!(inv.lines[1].path, "fee.graduated.bands[1]");
    assert_eq!(inv.lines[1].amount, d("2.5"));
    // A base of zero has no lines and a zero total.
    let zero = s.invoice(&usage("0")).unwrap();
    assert!(zero.lines.is_empty());
    assert_eq!(zero.total.amount, Decimal::ZERO);
}

#[test]
fn volume_takes_the_band_of_the_whole_base() {
    let s = schedule(
        r#"{"currency":"EUR","fee":{"volume":{"of":"usage","bands":[
            {"from":"0","to":"100","percent":"10"},{"from":"100","percent":"5"}]}}}"#,
    )
    .unwrap();
    assert_eq!(s.invoice(&usage("99.99")).unwrap().subtotal, d("9.999"));
    // A boundary belongs to the upper band.
    assert_eq!(s.invoice(&usage("100")).unwrap().subtotal, d("5"));
    assert_eq!(s.invoice(&usage("150")).unwrap().total.amount, d("7.50"));
}

#[test]
fn clamp_adds_explaining_lines() {
    let s = schedule(
        r#"{"currency":"EUR","fee":{"clamp":{"min":"10.00 EUR","max":"20.00 EUR",
            "fee":{"per_unit":{"quantity":"cases","price":"3.00 EUR"}}}}}"#,
    )
    .unwrap();
    let q = |n: i64| FeeInputs::new().with_quantity("cases", Decimal::from(n));
    let low = s.invoice(&q(2)).unwrap();
    assert_eq!(low.total.amount, d("10"));
    assert_eq!(low.lines[1].amount, d("4"));
    assert_eq!(low.lines[1].path, "fee.clamp.min");
    let high = s.invoice(&q(10)).unwrap();
    assert_eq!(high.total.amount, d("20"));
    assert_eq!(high.lines[1].amount, d("-10"));
    assert_eq!(s.invoice(&q(5)).unwrap().lines.len(), 1);
}

#[test]
fn lesser_of_takes_the_first_smallest() {
    let s = schedule(
        r#"{"currency":"EUR","rounding":"down","fee":{"lesser_of":[
            {"fixed":"5.00 EUR"},{"fixed":"5 EUR"},{"fixed":"7.999 EUR"}]}}"#,
    )
    .unwrap();
    let inv = s.invoice(&FeeInputs::new()).unwrap();
    assert_eq!(inv.lines.len(), 1);
    assert_eq!(inv.lines[0].path, "fee.lesser_of[0].fixed");
    assert_eq!(
        inv.notes,
        ["fee.lesser_of: lesser of [0] 5.00, [1] 5, [2] 7.999 EUR: took [0]"]
    );
}

#[test]
fn rounding_happens_once_at_the_end() {
    // Two lines of 0.005 each: rounded separately they would make 0.02 (half_up);
    // rounded once, their sum 0.01 stays 0.01.
    let s = schedule(
        r#"{"currency":"EUR","fee":{"sum":[{"fixed":"0.005 EUR"},{"fixed":"0.005 EUR"}]}}"#,
    )
    .unwrap();
    let inv = s.invoice(&FeeInputs::new()).unwrap();
    assert_eq!(inv.subtotal, d("0.010"));
    assert_eq!(inv.total.amount, d("0.01"));
    assert_eq!(inv.rounding_adjustment, Decimal::ZERO);
    let yen = FeeSchedule::try_from(FeeScheduleSpec {
        currency: "JPY".into(),
        rounding: RoundingMode::HalfEven,
        fee: FeeRuleSpec::Fixed("2.5 JPY".into()),
    })
    .unwrap();
    let inv = yen.invoice(&FeeInputs::new()).unwrap();
    assert_eq!(inv.total.amount, d("2"));
    assert_eq!(inv.rounding_adjustment, d("-0.5"));
}

#[test]
fn spec_round_trips() {
    let json = r#"{"currency":"EUR","rounding":"half_even","fee":{"sum":[{"fixed":"1.50 EUR"},{"clamp":{"min":"1 EUR","fee":{"volume":{"of":"usage","bands":[{"from":"0","to":"5","percent":"2.5"},{"from":"5","percent":"1"}]}}}},{"lesser_of":[{"per_unit":{"quantity":"q","price":"2 EUR"}},{"graduated":{"of":"usage","bands":[{"from":"0","percent":"3"}]}}]}]}}"#;
    let s: FeeSchedule = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&s).unwrap(), json);
}

#[test]
fn toml_config() {
    let s: FeeSchedule = toml::from_str(
        r#"
        currency = "USD"
        [fee]
        greater_of = [
          { fixed = "29.00 USD" },
          { graduated = { of = "usage", bands = [ { from = "0", percent = "3" } ] } },
        ]
        "#,
    )
    .unwrap();
    let inv = s
        .invoice(&FeeInputs::new().with_amount("usage", "2000 USD".parse().unwrap()))
        .unwrap();
    assert_eq!(inv.total.amount, d("60"));
}

#[test]
fn toml_numbers_are_rejected() {
    let e = toml::from_str::<FeeSchedule>(
        "currency = \"USD\"\n[fee.graduated]\nof = \"usage\"\nbands = [ { from = 0, percent = \"3\" } ]\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains(
            "invalid type: integer `0`, expected a decimal written as a string, such as \"12.50\""
        ),
        "{e}"
    );
}

#[test]
fn json_numbers_are_rejected() {
    let e = serde_json::from_str::<FeeSchedule>(&graduated(r#"{"from":0,"percent":"10"}"#))
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("fee.graduated.bands[0].from: invalid type: integer `0`, expected a decimal written as a string, such as \"12.50\""),
        "{e}"
    );
}

#[test]
fn band_errors() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"from":"10","to":"100","percent":"10"},{"from":"100","percent":"5"}"#,
            "fee.graduated.bands[0].from: invalid value `10`: expected 0 (the first band must start at 0)",
        ),
        (
            r#"{"from":"0","to":"100","percent":"10"},{"from":"120","percent":"5"}"#,
            "fee.graduated.bands[1].from: invalid value `120`: expected 100, where the previous band ends (bands must not leave a gap)",
        ),
        (
            r#"{"from":"0","to":"100","percent":"10"},{"from":"80","percent":"5"}"#,
            "fee.graduated.bands[1].from: invalid value `80`: expected 100, where the previous band ends (bands must not overlap)",
        ),
        (
            r#"{"from":"0","to":"100","percent":"10"},{"from":"200","percent":"3"},{"from":"100","to":"200","percent":"5"}"#,
            "fee.graduated.bands[1].from: invalid value `200`: expected 100, where the previous band ends (bands must be listed in ascending order)",
        ),
        (
            r#"{"from":"0","to":"0","percent":"10"},{"from":"0","percent":"5"}"#,
            "fee.graduated.bands[0].to: invalid value `0`: expected a bound greater than the band's `from` (0)",
        ),
        (
            r#"{"from":"0","to":"100","percent":"10"},{"from":"100","to":"200","percent":"5"}"#,
            "fee.graduated.bands[1].to: invalid value `200`: expected no `to` on the last band: it must be open so that every base falls in a band",
        ),
        (
            r#"{"from":"0","percent":"10"},{"from":"100","percent":"5"}"#,
            "fee.graduated.bands[0].to: invalid value `(none)`: expected an upper bound: only the last band may be open",
        ),
        (
            r#"{"from":"0","percent":"-1"}"#,
            "fee.graduated.bands[0].percent: invalid value `-1`: expected a non-negative percentage",
        ),
        (
            "",
            "fee.graduated.bands: invalid value `[]`: expected at least one band",
        ),
    ];
    for (bands, want) in cases {
        assert_eq!(err(&graduated(bands)), *want, "{bands}");
    }
}

#[test]
fn rule_errors() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"currency":"EUR","fee":{"fixed":"-1.00 EUR"}}"#,
            "fee.fixed: invalid value `-1.00`: expected a non-negative amount",
        ),
        (
            r#"{"currency":"EUR","fee":{"sum":[{"fixed":"1 EUR"},{"fixed":"1.00 USD"}]}}"#,
            "fee.sum[1].fixed: currency mismatch: expected EUR, found USD",
        ),
        (
            r#"{"currency":"EUR","fee":{"fixed":"1,00 EUR"}}"#,
            "fee.fixed: invalid value `1,00 EUR`: expected an amount and a currency code separated by one space, such as `12.50 EUR`",
        ),
        (
            r#"{"currency":"Euro","fee":{"fixed":"1 EUR"}}"#,
            "currency: invalid value `Euro`: expected a three-letter ISO 4217 currency code in upper case, such as EUR",
        ),
        (
            r#"{"currency":"EUR","fee":{"greater_of":[]}}"#,
            "fee.greater_of: invalid value `[]`: expected at least one fee rule",
        ),
        (
            r#"{"currency":"EUR","fee":{"clamp":{"fee":{"fixed":"1 EUR"}}}}"#,
            "fee.clamp: invalid value `no min, no max`: expected a `min`, a `max` or both",
        ),
        (
            r#"{"currency":"EUR","fee":{"clamp":{"min":"5 EUR","max":"4 EUR","fee":{"fixed":"1 EUR"}}}}"#,
            "fee.clamp.max: invalid value `4`: expected an amount not below `min` (5)",
        ),
        (
            r#"{"currency":"EUR","fee":{"per_unit":{"quantity":"q","price":"-2 EUR"}}}"#,
            "fee.per_unit.price: invalid value `-2`: expected a non-negative amount",
        ),
        (
            r#"{"currency":"EUR","fee":{"volume":{"of":"","bands":[{"from":"0","percent":"1"}]}}}"#,
            "fee.volume.of: invalid value ``: expected the name of a base amount input, such as `usage`",
        ),
    ];
    for (json, want) in cases {
        assert_eq!(err(json), *want, "{json}");
    }
    let unknown = err(r#"{"currency":"XXX","fee":{"fixed":"1 EUR"}}"#);
    assert!(
        unknown.starts_with("currency: unknown currency `XXX`: expected one of AUD"),
        "{unknown}"
    );
}

#[test]
fn evaluation_errors() {
    let s = schedule(&graduated(r#"{"from":"0","percent":"10"}"#)).unwrap();
    assert_eq!(
        s.invoice(&FeeInputs::new().with_amount("sales", Money::zero(Currency::EUR)))
            .unwrap_err()
            .to_string(),
        "fee.graduated.of: unknown amount input `usage`: expected one of sales"
    );
    assert_eq!(
        s.invoice(&FeeInputs::new().with_amount("usage", "5 USD".parse().unwrap()))
            .unwrap_err()
            .to_string(),
        "inputs.usage: currency mismatch: expected EUR, found USD"
    );
    assert_eq!(
        s.invoice(&usage("-5")).unwrap_err().to_string(),
        "inputs.usage: invalid value `-5`: expected a non-negative amount"
    );
    let p =
        schedule(r#"{"currency":"EUR","fee":{"per_unit":{"quantity":"cases","price":"2 EUR"}}}"#)
            .unwrap();
    assert_eq!(
        p.invoice(&FeeInputs::new()).unwrap_err().to_string(),
        "fee.per_unit.quantity: unknown quantity input `cases`"
    );
    assert_eq!(
        p.invoice(&FeeInputs::new().with_quantity("cases", Decimal::MAX))
            .unwrap_err()
            .to_string(),
        "fee.per_unit: arithmetic overflow: the result exceeds the range of a 96-bit decimal"
    );
}
