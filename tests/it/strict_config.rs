//! Configuration is refused or read exactly (issue 15): unknown fields, duplicate keys,
//! malformed dates, shape errors that name their path, limits checked at load, and money
//! that keeps its minor units and its exactness.

use std::sync::Arc;

use rust_decimal::Decimal;
use slacalc::availability::Outage;
use slacalc::calendar::CalendarSpec;
use slacalc::calendar::TimeAndMaterials;
use slacalc::contract::CatalogSpec;
use slacalc::money::{
    CaseQuota, CreditInputs, CreditPolicy, FeeInputs, FeeSchedule, HourBudget, LineDetail,
    WorkInterval, MAX_MONTHLY_HOURS,
};
use slacalc::queue::QueueConfig;
use slacalc::report::ComplianceTargets;
use slacalc::Money;
use slacalc::{Calendar, Catalog, Contract, ContractSpec, Error, Event, EventKind, Incident};

use crate::util::{fixture, t};

/// The error message of deserializing `json` as `T`.
fn err<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    serde_json::from_str::<T>(json).unwrap_err().to_string()
}

const OFFICE: &str = r#"{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"],
    "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}"#;

/// A catalog with one plan `p`; `plan_extra` goes into the plan, `targets` is its targets.
fn catalog_json(plan_extra: &str, targets: &str) -> String {
    format!(
        r#"{{"name": "Test", "severities": [{{"key": "high", "name": "High"}}, {{"key": "low", "name": "Low"}}],
            "calendars": {{"office": {OFFICE}}},
            "plans": {{"p": {{"name": "P", {plan_extra} "targets": {targets}}}}}}}"#
    )
}

fn catalog() -> Arc<Catalog> {
    Arc::new(
        serde_json::from_str(&catalog_json(
            "",
            r#"{"high": {"reaction": {"within": "1h"}}}"#,
        ))
        .unwrap(),
    )
}

// ---------------------------------------------------------------------------------------
// Unknown fields

#[test]
fn credit_inputs_refuse_a_typo() {
    // "availabilty": accepted before, it gave a credit of 0.00 instead of the tier's.
    assert_eq!(
        err::<CreditInputs>(r#"{"monthly_fee": "2000.00 EUR", "availabilty": "97.5"}"#),
        "availabilty: unknown field `availabilty`, expected one of `monthly_fee`, `availability`, `breaches` at line 1 column 44"
    );
    let ok: CreditInputs =
        serde_json::from_str(r#"{"monthly_fee": "2000.00 EUR", "availability": "97.5"}"#).unwrap();
    assert_eq!(ok.availability, Some(Decimal::new(975, 1)));
}

#[test]
fn outages_and_work_intervals_refuse_stray_fields() {
    let outage = r#"{"start": "2026-03-01T10:00:00Z", "end": "2026-03-01T11:00:00Z""#;
    assert_eq!(
        serde_json::from_str::<Outage>(&format!("{outage}}}")).unwrap(),
        Outage::new(t("2026-03-01T10:00:00Z"), t("2026-03-01T11:00:00Z"))
    );
    assert_eq!(
        err::<Outage>(&format!(r#"{outage}, "reason": "db"}}"#)),
        "reason: unknown field `reason`, expected `start` or `end` at line 1 column 73"
    );
    assert_eq!(
        err::<WorkInterval>(&format!(r#"{outage}, "engineer": "x"}}"#)),
        "engineer: unknown field `engineer`, expected `start` or `end` at line 1 column 75"
    );
}

#[test]
fn unit_event_kinds_refuse_stray_fields() {
    for kind in [
        "responded",
        "closed",
        "resolved",
        "update_sent",
        "contact_established",
    ] {
        let json = format!(r#"{{"at": "2026-03-10T09:00:00Z", "kind": "{kind}", "note": "x"}}"#);
        let e = serde_json::from_str::<Event>(&json)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            format!(
                "unknown field `note`: kind `{kind}` takes no fields besides `kind` at line 1 column {}",
                json.len()
            )
        );
        // Without the stray field it reads.
        let json = format!(r#"{{"at": "2026-03-10T09:00:00Z", "kind": "{kind}"}}"#);
        assert_eq!(
            serde_json::from_str::<Event>(&json).unwrap().at,
            t("2026-03-10T09:00:00Z")
        );
    }
    // EventKind on its own refuses them too.
    assert_eq!(
        err::<EventKind>(r#"{"kind": "closed", "by": "me"}"#),
        "unknown field `by`: kind `closed` takes no fields besides `kind`"
    );
    // Kinds with data keep refusing unknown fields, and keep their data.
    assert_eq!(
        err::<Event>(
            r#"{"at": "2026-03-10T09:00:00Z", "kind": "reported", "severity": "1", "sev": "2"}"#
        ),
        "unknown field `sev`, expected one of `severity`, `channel`, `contact` at line 1 column 79"
    );
    let e: Event = serde_json::from_str(
        r#"{"kind": "level_changed", "level": "n2", "at": "2026-03-10T09:00:00+01:00"}"#,
    )
    .unwrap();
    assert_eq!(
        e,
        Event::new(
            t("2026-03-10T08:00:00Z"),
            EventKind::LevelChanged { level: "n2".into() }
        )
    );
    // Round trip through the serialized form.
    let back: Event = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
    assert_eq!(back, e);
    // `at` missing or given twice.
    assert_eq!(
        err::<Event>(r#"{"kind": "closed"}"#),
        "missing field `at` at line 1 column 18"
    );
    assert_eq!(
        err::<Event>(
            r#"{"at": "2026-03-10T09:00:00Z", "at": "2026-03-10T09:00:00Z", "kind": "closed"}"#
        ),
        "duplicate field `at` at line 1 column 35"
    );
}

#[test]
fn invoice_line_details_refuse_stray_fields() {
    let fixed: LineDetail = serde_json::from_str(r#"{"kind": "fixed"}"#).unwrap();
    assert_eq!(fixed, LineDetail::Fixed);
    assert_eq!(
        err::<LineDetail>(r#"{"kind": "fixed", "amount": "1"}"#),
        "unknown field `amount`: kind `fixed` takes no fields besides `kind`"
    );
}

#[test]
fn fee_inputs_refuse_unknown_fields() {
    let inputs: FeeInputs = serde_json::from_str(r#"{"amounts": {"usage": "10.00 EUR"}}"#).unwrap();
    assert_eq!(
        inputs.amount("usage"),
        Some("10.00 EUR".parse::<Money>().unwrap())
    );
    assert_eq!(
        err::<FeeInputs>(r#"{"amount": {"usage": "10.00 EUR"}}"#),
        "amount: unknown field `amount`, expected `amounts` or `quantities` at line 1 column 9"
    );
}

// ---------------------------------------------------------------------------------------
// Duplicate keys

#[test]
fn duplicate_keys_are_refused_naming_the_key() {
    assert_eq!(
        err::<Calendar>(
            r#"{"timezone": "UTC", "hours": {"mon": ["08:00-12:00"], "mon": ["13:00-17:00"]}}"#
        ),
        "hours: duplicate key `mon`: each key may appear only once at line 1 column 59"
    );
    assert_eq!(
        err::<CalendarSpec>(
            r#"{"timezone": "UTC", "exceptions": {"2026-12-24": [], "2026-12-24": ["08:00-12:00"]}}"#
        ),
        "exceptions: duplicate key `2026-12-24`: each key may appear only once at line 1 column 65"
    );
    // Inside a combination, the path goes through the member.
    assert_eq!(
        err::<Calendar>(
            r#"{"union": [{"timezone": "UTC"}, {"timezone": "UTC", "hours": {"tue": [], "tue": []}}]}"#
        ),
        "union[1].hours: duplicate key `tue`: each key may appear only once at line 1 column 78"
    );
    let plans = r#"{"name": "T", "severities": [{"key": "high", "name": "High"}],
        "plans": {"p": {"name": "P"}, "p": {"name": "Q"}}}"#;
    assert_eq!(
        err::<Catalog>(plans),
        "plans: duplicate key `p`: each key may appear only once at line 2 column 41"
    );
    let calendars = format!(
        r#"{{"name": "T", "severities": [{{"key": "high", "name": "High"}}], "plans": {{}},
        "calendars": {{"office": {OFFICE}, "office": {OFFICE}}}}}"#
    );
    assert!(err::<CatalogSpec>(&calendars)
        .starts_with("calendars: duplicate key `office`: each key may appear only once"));
    // Severity keys of targets, metrics inside them, pauses, ladders, channels.
    let cases = [
        (
            catalog_json(
                "",
                r#"{"high": {"reaction": {"within": "1h"}}, "high": {}}"#,
            ),
            "plans.p.targets: duplicate key `high`",
        ),
        (
            catalog_json(
                "",
                r#"{"high": {"reaction": {"within": "1h"}, "reaction": {"within": "2h"}}}"#,
            ),
            "plans.p.targets.high: duplicate key `reaction`",
        ),
        (
            catalog_json(
                r#""pauses": {"resolution": [], "resolution": []},"#,
                r#"{"high": {"reaction": {"within": "1h"}}}"#,
            ),
            "plans.p.pauses: duplicate key `resolution`",
        ),
        (
            catalog_json(
                r#""ladders": {"high": {"steps": []}, "high": {"steps": []}},"#,
                r#"{"high": {"reaction": {"within": "1h"}}}"#,
            ),
            "plans.p.ladders: duplicate key `high`",
        ),
        (
            catalog_json(
                r#""entitlements": {"channels": {"phone": {}, "phone": {}}},"#,
                r#"{"high": {"reaction": {"within": "1h"}}}"#,
            ),
            "plans.p.entitlements.channels: duplicate key `phone`",
        ),
    ];
    for (json, want) in cases {
        let e = err::<Catalog>(&json);
        assert!(e.starts_with(want), "{e}\nwanted {want}");
    }
    // A contract's overrides.
    assert_eq!(
        err::<ContractSpec>(
            r#"{"customer": "C", "plan": "p", "overrides": {"high": {}, "high": {}}}"#
        ),
        "overrides: duplicate key `high`: each key may appear only once at line 1 column 63"
    );
    // Credit policies and their inputs; compliance targets.
    assert!(err::<CreditPolicy>(
        r#"{"currency": "EUR", "per_breach": {"high": "1.00 EUR", "high": "2.00 EUR"}}"#
    )
    .starts_with("per_breach: duplicate key `high`"));
    assert!(err::<CreditInputs>(
        r#"{"monthly_fee": "1.00 EUR", "breaches": {"high": 1, "high": 2}}"#
    )
    .starts_with("breaches: duplicate key `high`"));
    assert!(err::<ComplianceTargets>(
        r#"{"severities": {"1": {"reaction": "90"}, "1": {"reaction": "95"}}}"#
    )
    .starts_with("severities: duplicate key `1`"));
    // A field of an event given twice.
    assert!(err::<Event>(
        r#"{"at": "2026-03-10T09:00:00Z", "kind": "reported", "severity": "1", "severity": "2"}"#
    )
    .starts_with("duplicate field `severity`"));
    // TOML refuses duplicates itself.
    assert!(toml::from_str::<Calendar>("timezone = 'UTC'\n[hours]\nmon = []\nmon = []\n").is_err());
}

// ---------------------------------------------------------------------------------------
// Dates

#[test]
fn dates_are_exactly_yyyy_mm_dd() {
    for bad in [
        " 026-01-01",
        "2026-1-01",
        "2026-01-1 ",
        "+2026-01-01",
        "20260101",
        "2026-02-30",
        "2026/01/01",
        "２026-01-01",
    ] {
        let json = format!(r#"{{"timezone": "UTC", "holidays": ["{bad}"]}}"#);
        assert_eq!(
            Calendar::from_json(&json).unwrap_err(),
            Error::InvalidDate {
                path: "holidays[0]".into(),
                input: bad.into()
            },
            "{bad}"
        );
        let json = format!(r#"{{"timezone": "UTC", "exceptions": {{"{bad}": []}}}}"#);
        assert!(matches!(
            Calendar::from_json(&json).unwrap_err(),
            Error::InvalidDate { .. }
        ));
        let terms = ContractSpec {
            customer: "C".into(),
            plan: "p".into(),
            start: Some(bad.into()),
            ..ContractSpec::default()
        };
        assert_eq!(
            Contract::new(catalog(), terms).unwrap_err().to_string(),
            format!("start: invalid date `{bad}`: expected YYYY-MM-DD")
        );
    }
    let ok =
        Calendar::from_json(r#"{"timezone": "UTC", "holidays": ["0026-01-01", "2026-01-01"]}"#)
            .unwrap();
    assert_eq!(ok.spec().holidays.len(), 2);
    // Report periods go through the same parser.
    assert!(" 026-01-01..2026-02-01"
        .parse::<slacalc::time::Period>()
        .is_err());
    assert!("2026-01-01..2026-02-01"
        .parse::<slacalc::time::Period>()
        .is_ok());
}

// ---------------------------------------------------------------------------------------
// Paths in shape errors (the four examples of the issue)

#[test]
fn shape_errors_name_their_path() {
    assert_eq!(
        err::<FeeSchedule>(r#"{"currency": "USD", "fee": {"fixed": "1.00 USD", "sum": []}}"#),
        "fee: a second rule `sum` in one object: a rule is an object with exactly one key, one of \
         `fixed`, `per_unit`, `graduated`, `volume`, `clamp`, `greater_of`, `lesser_of`, `sum` \
         (combine rules with `sum`, `greater_of` or `lesser_of`) at line 1 column 54"
    );
    let events = r#"{"id": "7", "events": [
        {"at": "2026-03-10T08:00:00Z", "kind": "reported", "severity": "1"},
        {"at": "2026-03-10T08:30:00Z", "kind": "responded"},
        {"at": "2026-03-10T08:40:00Z", "kind": "update_sent"},
        {"at": "2026-03-10T09:00:00", "kind": "resolved"}]}"#;
    assert_eq!(
        err::<Incident>(events),
        "events[3].at: invalid instant `2026-03-10T09:00:00` (premature end of input): expected \
         RFC 3339 with an offset, such as `2026-03-10T09:00:00Z` or `2026-03-10T10:00:00+01:00` \
         at line 5 column 36"
    );
    assert_eq!(
        err::<CaseQuota>(r#"{"cases": -1, "per": "quarter"}"#),
        "cases: invalid value: integer `-1`, expected a whole number from 0 to 4294967295 at line 1 column 12"
    );
    assert_eq!(
        err::<FeeSchedule>(
            r#"{"currency": "USD", "fee": {"graduated": {"of": "usage", "bands": [{"from": "0", "percent": 10}]}}}"#
        ),
        "fee.graduated.bands[0].percent: invalid type: integer `10`, expected a decimal written \
         as a string, such as \"12.50\" at line 1 column 94"
    );
    // Nested in a catalog, the path starts at the catalog's root.
    let quota = catalog_json(
        r#""entitlements": {"quota": {"cases": -1, "per": "quarter"}},"#,
        r#"{"high": {"reaction": {"within": "1h"}}}"#,
    );
    assert!(err::<Catalog>(&quota).starts_with(
        "plans.p.entitlements.quota.cases: invalid value: integer `-1`, expected a whole number from 0 to 4294967295"
    ));
    // And with TOML.
    let e = toml::from_str::<FeeSchedule>(
        "currency = 'USD'\n[fee.graduated]\nof = 'usage'\nbands = [{from = '0', percent = 10}]\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("fee.graduated.bands[0].percent: TOML parse error at line 4, column 33"),
        "{e}"
    );
    // Errors from validation keep their own paths (no prefix of the tracker).
    assert_eq!(
        err::<Calendar>(r#"{"timezone": "UTC", "hours": {"mon": ["8-17"]}}"#),
        "hours.mon[0]: invalid shift `8-17`: expected HH:MM-HH:MM with times from 00:00 to 24:00"
    );
    // A syntax error has no path to name.
    assert_eq!(
        err::<Calendar>(r#"{"timezone" "UTC"}"#),
        "expected `:` at line 1 column 13"
    );
    let _ = QueueConfig::default;
}

#[test]
fn a_contract_holiday_is_reported_where_it_was_written() {
    let terms: ContractSpec = serde_json::from_str(
        r#"{"customer": "C", "plan": "p", "region": "office", "holidays": [
            "2026-12-25", {"name": "x", "month": 3, "weekday": "mon", "nth": 0}]}"#,
    )
    .unwrap();
    let e = Contract::new(catalog(), terms.clone())
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("holidays[1].nth: "), "{e}");
    // Without a region too.
    let terms = ContractSpec {
        region: None,
        ..terms
    };
    let e = Contract::new(catalog(), terms).unwrap_err().to_string();
    assert!(e.starts_with("holidays[1].nth: "), "{e}");
}

// ---------------------------------------------------------------------------------------
// Loads but could never be evaluated

#[test]
fn day_counts_and_budgets_beyond_the_limits_are_refused_at_load() {
    let target = |t: &str| catalog_json("", &format!(r#"{{"high": {{"resolution": {t}}}}}"#));
    assert!(serde_json::from_str::<Catalog>(&target(r#"{"business_days": 10000}"#)).is_ok());
    assert!(serde_json::from_str::<Catalog>(&target(r#"{"end_of_business_day": 10000}"#)).is_ok());
    assert_eq!(
        err::<Catalog>(&target(r#"{"business_days": 1000000000}"#)),
        "plans.p.targets.high.resolution.business_days: invalid value `1000000000`: expected a number of days from 0 to 10000"
    );
    assert_eq!(
        err::<Catalog>(&target(&format!(r#"{{"end_of_business_day": {}}}"#, i64::MAX))),
        format!("plans.p.targets.high.resolution.end_of_business_day: invalid value `{}`: expected a number of days from 0 to 10000", i64::MAX)
    );
    // A contract's override goes through the same check.
    let terms: ContractSpec = serde_json::from_str(
        r#"{"customer": "C", "plan": "p", "region": "office",
            "overrides": {"high": {"reaction": {"business_days": 10001}}}}"#,
    )
    .unwrap();
    assert_eq!(
        Contract::new(catalog(), terms).unwrap_err().to_string(),
        "overrides.high.reaction.business_days: invalid value `10001`: expected a number of days from 0 to 10000"
    );
    // Ladder steps.
    let ladder = catalog_json(
        r#""ladders": {"high": {"steps": [{"notify": "VP", "business_days": 1000000000}]}},"#,
        r#"{"high": {"reaction": {"within": "1h"}}}"#,
    );
    assert_eq!(
        err::<Catalog>(&ladder),
        "plans.p.ladders.high.steps[0].business_days: invalid value `1000000000`: expected a number of days from 0 to 10000"
    );
    // Hour budgets: the issue's grant overflowed the ledger later; now it is refused.
    assert_eq!(
        err::<HourBudget>(r#"{"monthly_hours": "71582788"}"#),
        "monthly_hours: invalid value `71582788`: expected a number of hours from 0 to 100000 that comes to whole minutes, such as \"7.5\""
    );
    // The largest grant runs a 700-month ledger with the longest carry-over.
    let budget: HourBudget = serde_json::from_str(&format!(
        r#"{{"monthly_hours": "{MAX_MONTHLY_HOURS}", "carry_over_months": 4294967295,
            "on_expiry": {{"convert_to_development": {{"ratio": "0.5"}}}}}}"#
    ))
    .unwrap();
    let ledger = budget.ledger(&[0; 700]).unwrap();
    assert_eq!(ledger.available_at_end, 700 * 6_000_000);
    let budget: HourBudget = serde_json::from_str(&format!(
        r#"{{"monthly_hours": "{MAX_MONTHLY_HOURS}", "carry_over_months": 0}}"#
    ))
    .unwrap();
    let ledger = budget.ledger(&[0; 700]).unwrap();
    assert_eq!(ledger.total_expired, 700 * 6_000_000);
}

// ---------------------------------------------------------------------------------------
// Money

#[test]
fn totals_keep_the_currencys_minor_units() {
    // Four hours at 100.00 EUR on a holiday at +50 %: 600, printed 600.00 EUR.
    let terms: TimeAndMaterials = serde_json::from_str(
        r#"{"currency": "EUR", "hourly_rate": "100.00 EUR", "timezone": "UTC",
            "holidays": ["2026-04-03"], "surcharges": {"holiday": "50"}}"#,
    )
    .unwrap();
    let invoice = terms
        .invoice(&[WorkInterval::new(
            t("2026-04-03T08:00:00Z"),
            t("2026-04-03T12:00:00Z"),
        )])
        .unwrap();
    assert_eq!(invoice.total.to_string(), "600.00 EUR");
    // A zero credit.
    let policy: CreditPolicy = serde_json::from_str(
        r#"{"currency": "EUR", "availability": [{"below": "99", "percent_of_fee": "5"}]}"#,
    )
    .unwrap();
    let credit = policy
        .invoice(
            &CreditInputs::new("2000.00 EUR".parse().unwrap())
                .with_availability(Decimal::new(999, 1)),
        )
        .unwrap();
    assert_eq!(credit.total.to_string(), "0.00 EUR");
    // A currency without minor units keeps none; one with three keeps three.
    let fee: FeeSchedule =
        serde_json::from_str(r#"{"currency": "JPY", "fee": {"fixed": "1500 JPY"}}"#).unwrap();
    assert_eq!(
        fee.invoice(&FeeInputs::new()).unwrap().total.to_string(),
        "1500 JPY"
    );
    let fee: FeeSchedule =
        serde_json::from_str(r#"{"currency": "KWD", "fee": {"fixed": "2 KWD"}}"#).unwrap();
    assert_eq!(
        fee.invoice(&FeeInputs::new()).unwrap().total.to_string(),
        "2.000 KWD"
    );
}

#[test]
fn inexact_decimal_results_are_refused() {
    // 0.01 × 0.4999999999999999999999999999 is 0.004999…9 (30 decimals): rust_decimal rounds
    // it to 0.005, which half-up gives 0.01 where the exact rule gives 0.00.
    let fee: FeeSchedule = serde_json::from_str(
        r#"{"currency": "EUR", "fee": {"per_unit": {"quantity": "n", "price": "0.01 EUR"}}}"#,
    )
    .unwrap();
    let inputs =
        FeeInputs::new().with_quantity("n", "0.4999999999999999999999999999".parse().unwrap());
    let e = fee.invoice(&inputs).unwrap_err();
    assert_eq!(
        e,
        Error::InexactArithmetic {
            path: "fee.per_unit".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "fee.per_unit: inexact arithmetic: the exact result needs more digits than a 96-bit \
         decimal has; refused rather than rounded"
    );
    // Exact products of the same size are fine.
    let inputs =
        FeeInputs::new().with_quantity("n", "0.4999999999999999999999999".parse().unwrap());
    let invoice = fee.invoice(&inputs).unwrap();
    assert_eq!(
        invoice.subtotal,
        "0.004999999999999999999999999".parse::<Decimal>().unwrap()
    );
    assert_eq!(invoice.total.to_string(), "0.00 EUR");
}

#[test]
fn instants_are_strict_rfc3339() {
    // Found by the strict_config fuzz target: chrono's `FromStr` (serde's reader for
    // `DateTime`) takes a leading space, unpadded fields and spaces between components.
    for bad in [
        " 2026-03-10T09:18:00Z",
        "2026-3-10T09:18:00Z",
        "2026-03-10T09: 18:00Z",
        "2026-03-10T09:18:00 Z",
        "2026-03-10T09:18:00UTC",
    ] {
        let json = format!(
            r#"{{"id": "7", "events": [{{"at": "2026-03-10T09:00:00Z", "kind": "reported", "severity": "1"}},
                {{"at": "{bad}", "kind": "responded"}}]}}"#
        );
        let e = err::<Incident>(&json);
        assert!(
            e.starts_with(&format!("events[1].at: invalid instant `{bad}` (")),
            "{e}"
        );
        let outage = format!(r#"{{"start": "{bad}", "end": "2026-03-10T10:00:00Z"}}"#);
        assert!(err::<Outage>(&outage).starts_with(&format!("start: invalid instant `{bad}`")));
        let clock = format!(r#"{{"at": "{bad}", "kind": "start"}}"#);
        assert!(err::<slacalc::ClockEvent>(&clock).starts_with(&format!("invalid instant `{bad}`")));
        let work = format!(r#"{{"start": "2026-03-10T08:00:00Z", "end": "{bad}"}}"#);
        assert!(err::<WorkInterval>(&work).starts_with(&format!("end: invalid instant `{bad}`")));
    }
    // The forms RFC 3339 allows: any offset, a fraction, `t` or a space as separator.
    let outage: Outage = serde_json::from_str(
        r#"{"start": "2026-03-10 10:00:00.5+01:00", "end": "2026-03-10t10:00:00z"}"#,
    )
    .unwrap();
    assert_eq!(outage.start, t("2026-03-10T09:00:00.5Z"));
    assert_eq!(outage.end, t("2026-03-10T10:00:00Z"));
}

#[test]
fn counts_say_their_range() {
    assert_eq!(
        err::<HourBudget>(r#"{"monthly_hours": "10", "carry_over_months": 4294967296}"#),
        "carry_over_months: invalid value: integer `4294967296`, expected a whole number from 0 to 4294967295 at line 1 column 55"
    );
    let e = toml::from_str::<CaseQuota>("cases = -3\nper = 'quarter'\n")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("cases: TOML parse error"), "{e}");
    assert!(
        e.contains("invalid value: integer `-3`, expected a whole number from 0 to 4294967295"),
        "{e}"
    );
    let quota: CaseQuota = toml::from_str("cases = 10\nper = 'quarter'\n").unwrap();
    assert_eq!(serde_json::to_value(&quota).unwrap()["cases"], 10);
}

/// Every object of `value`'s JSON form, one at a time, with a stray field `zzz`.
fn with_stray_field(value: &serde_json::Value) -> Vec<(String, serde_json::Value)> {
    fn walk(
        v: &serde_json::Value,
        path: String,
        root: &serde_json::Value,
        pointer: String,
        out: &mut Vec<(String, serde_json::Value)>,
    ) {
        match v {
            serde_json::Value::Object(map) => {
                let mut copy = root.clone();
                if let Some(serde_json::Value::Object(target)) = copy.pointer_mut(&pointer) {
                    target.insert("zzz".into(), serde_json::Value::from(1));
                }
                out.push((path.clone(), copy));
                for (k, child) in map {
                    walk(
                        child,
                        format!("{path}.{k}"),
                        root,
                        format!("{pointer}/{k}"),
                        out,
                    );
                }
            }
            serde_json::Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(
                        child,
                        format!("{path}[{i}]"),
                        root,
                        format!("{pointer}/{i}"),
                        out,
                    );
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), value, String::new(), &mut out);
    out
}

/// `value` round-trips through JSON, and a stray field in any of its objects is refused.
fn refuses_stray_fields<T>(value: &T) -> usize
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_value(value).unwrap();
    assert_eq!(&serde_json::from_value::<T>(json.clone()).unwrap(), value);
    let variants = with_stray_field(&json);
    for (path, bad) in &variants {
        let e = serde_json::from_value::<T>(bad.clone())
            .expect_err(&format!("stray field accepted at `{path}`"))
            .to_string();
        // The message names the field, or (an externally tagged enum given a second key)
        // says that one key was expected, at the enum's path.
        let named = e.contains("zzz")
            || (e.contains("expected map with a single key") && e.starts_with(&path[1..]));
        assert!(named, "{path}: {e}");
    }
    variants.len()
}

#[test]
fn outputs_refuse_stray_fields_in_every_object() {
    // An invoice with every kind of fee line.
    let fee: FeeSchedule = serde_json::from_str(
        r#"{"currency": "EUR", "fee": {"sum": [
            {"fixed": "10.00 EUR"},
            {"per_unit": {"quantity": "n", "price": "2.50 EUR"}},
            {"clamp": {"min": "5.00 EUR", "fee": {"graduated": {"of": "usage", "bands": [
                {"from": "0", "to": "100", "percent": "10"}, {"from": "100", "percent": "5"}]}}}},
            {"greater_of": [{"volume": {"of": "usage", "bands": [{"from": "0", "percent": "1"}]}},
                            {"fixed": "1.00 EUR"}]}]}}"#,
    )
    .unwrap();
    let inputs = FeeInputs::new()
        .with_amount("usage", "250.00 EUR".parse().unwrap())
        .with_quantity("n", Decimal::from(3));
    let invoice = fee.invoice(&inputs).unwrap();
    assert!(refuses_stray_fields(&invoice) >= 10);
    assert!(refuses_stray_fields(&inputs) >= 1);
    // Time and materials lines (work, increments).
    let terms: TimeAndMaterials = serde_json::from_str(
        r#"{"currency": "EUR", "hourly_rate": "100.00 EUR", "timezone": "UTC",
            "increment": {"minutes": 15}, "holidays": ["2026-04-03"],
            "surcharges": {"holiday": "50"}}"#,
    )
    .unwrap();
    let invoice = terms
        .invoice(&[WorkInterval::new(
            t("2026-04-03T08:00:00Z"),
            t("2026-04-03T08:50:00Z"),
        )])
        .unwrap();
    assert!(refuses_stray_fields(&invoice) >= 4);
    // An incident and its evaluation report.
    let contract = Contract::new(
        catalog(),
        ContractSpec {
            customer: "C".into(),
            plan: "p".into(),
            region: Some("office".into()),
            ..ContractSpec::default()
        },
    )
    .unwrap();
    let incident: Incident = serde_json::from_str(
        r#"{"id": "7", "events": [{"at": "2026-11-23T09:00:00Z", "kind": "reported", "severity": "high"},
            {"at": "2026-11-23T09:30:00Z", "kind": "responded"}]}"#,
    )
    .unwrap();
    assert!(refuses_stray_fields(&incident) >= 3);
    let report = slacalc::evaluate(&contract, &incident, t("2026-11-23T10:00:00Z")).unwrap();
    assert!(refuses_stray_fields(&report) >= 2);
}

#[test]
fn fixtures_refuse_a_stray_field_in_every_object() {
    // The adversarial review behind issue 15 injected typos into every object of every
    // fixture; a stray field (or, in a map, an entry of the wrong type) is refused everywhere.
    let catalogs = [
        fixture!("contracts/comarch.json"),
        fixture!("contracts/cumulocity.json"),
        fixture!("contracts/cosys.json"),
        fixture!("contracts/kosmos.json"),
        fixture!("contracts/ciit.json"),
    ];
    let mut objects = 0;
    for json in catalogs {
        let catalog: Catalog = serde_json::from_str(json).unwrap();
        objects += refuses_stray_fields(&catalog);
    }
    let customers = [
        fixture!("contracts/comarch-customers.json"),
        fixture!("contracts/cumulocity-customers.json"),
        fixture!("contracts/cosys-customers.json"),
        fixture!("contracts/kosmos-customers.json"),
        fixture!("contracts/ciit-customers.json"),
    ];
    for json in customers {
        let terms: std::collections::BTreeMap<String, ContractSpec> =
            serde_json::from_str(json).unwrap();
        for spec in terms.values() {
            objects += refuses_stray_fields(spec);
        }
    }
    assert!(objects > 200, "{objects}");
}

#[test]
fn paths_name_enum_keys_too() {
    // Metric keys are enums: the path still names them.
    let json = catalog_json("", r#"{"high": {"reaction": {"within": 4}}}"#);
    assert!(err::<Catalog>(&json).starts_with(
        "plans.p.targets.high.reaction.within: invalid type: integer `4`, expected a string"
    ));
    let json = catalog_json("", r#"{"high": {"reactoin": {"within": "4h"}}}"#);
    assert!(err::<Catalog>(&json).starts_with(
        "plans.p.targets.high: unknown variant `reactoin`, expected one of `reaction`"
    ));
}

#[test]
fn a_nested_validation_error_continues_the_tracked_path() {
    use slacalc::availability::{AvailabilityAgreementSpec, MaintenanceWindow};
    // A maintenance window validates itself; in an agreement its path continues the
    // tracked one, in JSON and in TOML.
    let json = r#"{"target": "99", "service_hours": {"timezone": "UTC", "hours": {}},
        "maintenance": {"windows": [
            {"start": "2026-03-19T13:00:00Z", "end": "2026-03-19T13:00:00Z"}]}}"#;
    let e = serde_json::from_str::<AvailabilityAgreementSpec>(json)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("maintenance.windows[0].end: invalid value `2026-03-19T13:00:00Z`: expected"),
        "{e}"
    );
    let toml_text = "target = \"99\"\n[service_hours]\ntimezone = \"UTC\"\nhours = {}\n\
                     [[maintenance.windows]]\nstart = \"2026-03-19T13:00:00Z\"\nend = \"x\"\n";
    let e = toml::from_str::<AvailabilityAgreementSpec>(toml_text)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("maintenance.windows[0].end: invalid value `x`: expected") && !e.contains('\0'),
        "{e}"
    );
    // Read on its own, the error is the window's, its path relative to it.
    let alone = r#"{"start": "2026-03-19T13:00:00Z", "end": "x"}"#;
    let e = serde_json::from_str::<MaintenanceWindow>(alone)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("end: invalid value `x`: expected"), "{e}");
    // In a list of a tracked type, the index and the field join as one path.
    let usage = r#"{"maintenance_windows": [{"start": "2026-03-19T13:00:00Z", "end": "x"}]}"#;
    let e = serde_json::from_str::<slacalc::statement::Usage>(usage)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("maintenance_windows[0].end: invalid value `x`: expected"),
        "{e}"
    );
}

#[test]
fn a_nested_hour_budget_error_continues_the_tracked_path() {
    use slacalc::contract::BillingSpec;
    use slacalc::money::HourBudget;
    // An hour budget validates itself; in a contract's billing its path continues the
    // tracked one, in JSON and in TOML.
    let json = r#"{"hour_budget": {"monthly_hours": "7.51"}}"#;
    let e = serde_json::from_str::<BillingSpec>(json)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("hour_budget.monthly_hours: invalid value `7.51`: expected"),
        "{e}"
    );
    let toml_text = "[hour_budget]\nmonthly_hours = \"7.51\"\n";
    let e = toml::from_str::<BillingSpec>(toml_text)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("hour_budget.monthly_hours: invalid value `7.51`: expected")
            && !e.contains('\0'),
        "{e}"
    );
    // Read on its own, the error is the budget's, its path relative to it.
    let alone = r#"{"monthly_hours": "7.51"}"#;
    let e = serde_json::from_str::<HourBudget>(alone)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("monthly_hours: invalid value `7.51`: expected"),
        "{e}"
    );
    // An error without a path of its own is put after the tracked path.
    let e = serde_json::from_str::<BillingSpec>(r#"{"credits": {"currency": "EURO"}}"#)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("credits.currency: "), "{e}");
}
