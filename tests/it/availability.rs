//! Integration tests of `slacalc::availability` and time and materials (`slacalc::money`): the
//! contract fixtures, a hand-computed month, properties against a minute-by-minute reference,
//! and the exact message of every error.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;
use slacalc::availability::{
    AvailabilityAgreement, AvailabilityAgreementSpec, MaintenanceWindow, Outage,
};
use slacalc::calendar::{TimeAndMaterials, TimeAndMaterialsSpec};
use slacalc::money::{
    CreditInputs, CreditPolicy, FeeInputs, FeeSchedule, HourlyRates, Increment, IncrementBasis,
    Invoice, LineDetail, RoundingMode, Surcharges, WorkCategory, WorkInterval,
};
use slacalc::Error;
use slacalc::Money;
use slacalc::TargetOutcome;

use crate::util::{d, fixture, money, t};

// ---------------------------------------------------------------------------------------------
// Fixtures

/// COSYS's money terms: the `billing` of the customer `logistics` in
/// `fixtures/contracts/cosys-customers.json`.
struct Cosys {
    about: String,
    availability: AvailabilityAgreement,
    monthly_fee: Money,
    credits: CreditPolicy,
    service_extension: FeeSchedule,
    third_party: TimeAndMaterials,
}

/// A customer's contract from `fixtures/contracts/<vendor>-customers.json`.
fn contract(vendor: &str, customer: &str, catalog: &str, customers: &str) -> slacalc::Contract {
    let catalog: slacalc::Catalog = serde_json::from_str(catalog).unwrap();
    let mut all: std::collections::BTreeMap<String, slacalc::ContractSpec> =
        serde_json::from_str(customers).unwrap();
    let spec = all.remove(customer).unwrap();
    slacalc::Contract::new(std::sync::Arc::new(catalog), spec)
        .map_err(|e| e.at(&format!("{vendor}.{customer}")))
        .unwrap()
}

fn cosys() -> Cosys {
    let contract = contract(
        "cosys",
        "logistics",
        fixture!("contracts/cosys.json"),
        fixture!("contracts/cosys-customers.json"),
    );
    let b = contract.billing();
    let c = Cosys {
        about: contract.spec().billing.as_ref().unwrap().about.clone(),
        availability: b.availability().unwrap().clone(),
        monthly_fee: b.fee().unwrap().invoice(&FeeInputs::new()).unwrap().total,
        credits: b.credits().unwrap().clone(),
        service_extension: b.extras()["service_extension"].clone(),
        third_party: b.time_and_materials().unwrap().clone(),
    };
    assert!(c.about.len() > 100, "the fixture explains itself");
    c
}

#[test]
fn ciit_hour_budget_converts_unused_hours() {
    let contract = contract(
        "ciit",
        "clinic",
        fixture!("contracts/ciit.json"),
        fixture!("contracts/ciit-customers.json"),
    );
    let about = &contract.spec().billing.as_ref().unwrap().about;
    assert!(about.contains("example values"));
    let budget = contract.billing().hour_budget().unwrap();
    // 16 h a month, nothing worked for five months: month 0's grant expires after month 3
    // and becomes 16 development hours (ratio 1); month 1's after month 4.
    let ledger = budget.ledger(&[0, 0, 0, 0, 0]).unwrap();
    assert_eq!(ledger.months[3].expired, 16 * 60);
    assert_eq!(ledger.months[4].expired, 16 * 60);
    assert_eq!(ledger.total_development_minutes, Decimal::from(2 * 16 * 60));
}

/// April 2026 under COSYS's agreement, computed by hand.
///
/// Service hours: Monday to Friday 08:00–18:00 Berlin (CEST all month), without the holidays
/// Good Friday (3rd) and Easter Monday (6th). April has 22 weekdays (1–3, 6–10, 13–17, 20–24,
/// 27–30), 20 of them working days: 200 h. The recurring window, Wednesdays 17:00–18:00, falls
/// on the 1st, 8th, 15th, 22nd and 29th: 5 h. Service time: 195 h.
///
/// Outages:
/// * Good Friday 10:00–14:00: a holiday, no service time, counts 0;
/// * Thursday 9th 10:00–12:00: 2 h;
/// * Tuesday 14th 17:30 to Wednesday 15th 09:00: 17:30–18:00 and 08:00–09:00, 1 h 30 min;
/// * Wednesday 15th 08:30–08:45: inside the previous one, merged away.
///
/// Downtime 3 h 30 min; achieved 100 × (195 − 3.5) / 195 = 19150 / 195 = 98.2051282051…;
/// below 99 but not below 98: 5 % of 2,500 EUR = 125 EUR.
#[test]
fn cosys_april_by_hand() {
    let c = cosys();
    let outages = [
        Outage::new(t("2026-04-03T08:00:00Z"), t("2026-04-03T12:00:00Z")),
        Outage::new(t("2026-04-09T08:00:00Z"), t("2026-04-09T10:00:00Z")),
        Outage::new(t("2026-04-14T15:30:00Z"), t("2026-04-15T07:00:00Z")),
        Outage::new(t("2026-04-15T06:30:00Z"), t("2026-04-15T06:45:00Z")),
    ];
    let month = c
        .availability
        .credit(
            t("2026-03-31T22:00:00Z"),
            t("2026-04-30T22:00:00Z"),
            &outages,
            &c.credits,
            CreditInputs::new(c.monthly_fee),
        )
        .unwrap();
    let r = &month.availability;
    assert_eq!(r.maintenance_time, TimeDelta::hours(5));
    assert_eq!(r.service_time, TimeDelta::hours(195));
    assert_eq!(r.downtime, TimeDelta::minutes(210));
    let per_outage: Vec<TimeDelta> = r.outages.iter().map(|o| o.downtime).collect();
    assert_eq!(
        per_outage,
        [
            TimeDelta::zero(),
            TimeDelta::hours(2),
            TimeDelta::minutes(90)
        ]
    );
    // 28 significant digits, the last one rounded (…5128205 → …512821).
    assert_eq!(r.achieved.to_string(), "98.20512820512820512820512821");
    assert_eq!(r.achieved_rounded(3, RoundingMode::HalfUp), d("98.205"));
    assert_eq!(r.outcome, TargetOutcome::Missed);
    assert_eq!(month.credit.total, money("125.00 EUR"));
    assert!(
        r.to_string()
            .ends_with("  achieved 98.205 % (target 99 %): missed\n"),
        "{r}"
    );
    // The report serializes with the percentage as a string.
    let json = serde_json::to_value(r).unwrap();
    assert_eq!(json["achieved"], "98.20512820512820512820512821");
    assert_eq!(json["outcome"], "missed");
}

/// A day of extended service hours and a quiet month: no outage, 100 %, no credit.
#[test]
fn cosys_quiet_month_and_extension() {
    let c = cosys();
    let month = c
        .availability
        .credit(
            t("2026-04-30T22:00:00Z"),
            t("2026-05-31T22:00:00Z"),
            &[],
            &c.credits,
            CreditInputs::new(c.monthly_fee),
        )
        .unwrap();
    assert_eq!(month.availability.achieved, Decimal::ONE_HUNDRED);
    assert_eq!(month.availability.outcome, TargetOutcome::Met);
    assert_eq!(month.credit.total, money("0.00 EUR"));
    let ext = c
        .service_extension
        .invoice(&FeeInputs::new().with_quantity("extension_days", Decimal::TWO))
        .unwrap();
    assert_eq!(ext.total, money("700.00 EUR"));
}

/// Third-party work over the Easter weekend, by hand (125 EUR/h, +50 % outside service
/// hours, +100 % on holidays, per started 15 minutes of each job, 950 EUR a day at most):
///
/// * Thursday 2 April 17:20–18:40 CEST: 40 min regular (83.333…), 40 min outside at
///   187.50/h (125), 80 min rounded up to 90 (+10 min at 125/h = 20.833…): 229.166…;
/// * Good Friday 08:00–19:00: 11 h on a holiday at 250/h = 2,750, capped at 950;
/// * Easter Monday 23:50 to Tuesday 00:20: 10 min on the holiday (41.666…) and 20 min on
///   Tuesday outside service hours (62.50), 30 min: nothing to round; the two days are billed
///   separately.
///
/// Subtotal 229.1666… + 950 + 41.666… + 62.5 = 1,283.333…, total 1,283.33 EUR.
#[test]
fn cosys_third_party_work_by_hand() {
    let c = cosys();
    let inv = c
        .third_party
        .invoice(&[
            WorkInterval::new(t("2026-04-02T15:20:00Z"), t("2026-04-02T16:40:00Z")),
            WorkInterval::new(t("2026-04-03T06:00:00Z"), t("2026-04-03T17:00:00Z")),
            WorkInterval::new(t("2026-04-06T21:50:00Z"), t("2026-04-06T22:20:00Z")),
        ])
        .unwrap();
    assert_explained(&inv);
    let kinds: Vec<(String, Option<WorkCategory>)> = inv
        .lines
        .iter()
        .map(|l| {
            let category = match &l.detail {
                LineDetail::WorkedTime { category, .. } => Some(*category),
                _ => None,
            };
            (l.path.clone(), category)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("hourly_rate".to_owned(), Some(WorkCategory::Regular)),
            (
                "surcharges.outside_service_hours".to_owned(),
                Some(WorkCategory::OutsideServiceHours)
            ),
            ("increment".to_owned(), None),
            ("surcharges.holiday".to_owned(), Some(WorkCategory::Holiday)),
            ("daily_rate".to_owned(), None),
            ("surcharges.holiday".to_owned(), Some(WorkCategory::Holiday)),
            (
                "surcharges.outside_service_hours".to_owned(),
                Some(WorkCategory::OutsideServiceHours)
            ),
        ]
    );
    assert_eq!(inv.lines[3].amount, d("2750"));
    assert_eq!(inv.lines[4].amount, d("-1800"));
    assert_eq!(inv.lines[6].amount, d("62.5"));
    assert_eq!(inv.total, money("1283.33 EUR"));
    let text = inv.to_string();
    assert!(
        text.contains("2026-04-03 11:00:00 on a holiday at 125.00/h + 100 %"),
        "{text}"
    );
    assert!(
        text.contains("2026-04-02 +0:10:00 rounding up to 15 min per interval at 125.00/h"),
        "{text}"
    );
}

fn assert_explained(inv: &Invoice) {
    let sum = inv
        .lines
        .iter()
        .fold(Decimal::ZERO, |acc, l| acc.checked_add(l.amount).unwrap());
    assert_eq!(sum, inv.subtotal);
    assert_eq!(
        inv.total.amount,
        inv.subtotal.checked_add(inv.rounding_adjustment).unwrap()
    );
    assert_eq!(
        inv.total,
        Money::new(inv.subtotal, inv.currency).round(inv.rounding)
    );
}

// ---------------------------------------------------------------------------------------------
// Properties, against a minute-by-minute reference

/// Service hours in UTC with a lunch break and a night shift; recurring maintenance on
/// Tuesday mornings.
const AGREEMENT: &str = r#"{
  "target": "99.5",
  "service_hours": { "timezone": "UTC", "hours": {
    "mon": ["08:00-12:00", "13:00-17:00"], "tue": ["08:00-12:00", "13:00-17:00"],
    "wed": ["08:00-12:00", "13:00-17:00"], "thu": ["22:00-06:00"], "sat": ["10:00-14:00"] } },
  "maintenance": { "recurring": { "timezone": "UTC", "hours": { "tue": ["08:00-09:30"] } } }
}"#;

/// Monday 2026-03-02 00:00 UTC, the start of the properties' two weeks.
const EPOCH: i64 = 1_772_409_600;
const SPAN_MINUTES: i64 = 14 * 24 * 60;

fn minute(m: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(EPOCH + m * 60, 0).unwrap()
}

fn interval() -> impl Strategy<Value = (i64, i64)> {
    (0..SPAN_MINUTES, 0i64..3000).prop_map(|(s, len)| (s, (s + len).min(SPAN_MINUTES)))
}

/// Minutes of service time and of downtime, by looking at every minute.
fn reference(
    agreement: &AvailabilityAgreement,
    windows: &[(i64, i64)],
    outages: &[(i64, i64)],
) -> (i64, i64) {
    let recurring = agreement.recurring_maintenance().unwrap();
    let (mut service, mut down) = (0, 0);
    for m in 0..SPAN_MINUTES {
        let at = minute(m);
        let counts = agreement.service_hours().is_open(at)
            && !recurring.is_open(at)
            && !windows.iter().any(|&(a, b)| a <= m && m < b);
        if counts {
            service += 1;
            if outages.iter().any(|&(a, b)| a <= m && m < b) {
                down += 1;
            }
        }
    }
    (service, down)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn availability_matches_minute_by_minute_reference(
        windows in prop::collection::vec(interval(), 0..4),
        outages in prop::collection::vec(interval(), 0..6),
    ) {
        let base: AvailabilityAgreement = serde_json::from_str(AGREEMENT).unwrap();
        let windows: Vec<(i64, i64)> = windows.into_iter().filter(|(a, b)| a < b).collect();
        let agreement = base.with_windows(
            windows.iter().map(|&(a, b)| MaintenanceWindow::new(minute(a), minute(b)).unwrap()),
        );
        let list: Vec<Outage> =
            outages.iter().map(|&(a, b)| Outage::new(minute(a), minute(b))).collect();
        let (service, down) = reference(&agreement, &windows, &outages);
        match agreement.report(minute(0), minute(SPAN_MINUTES), &list) {
            Err(Error::NoServiceTime { .. }) => prop_assert_eq!(service, 0),
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
            Ok(r) => {
                prop_assert_eq!(r.service_time, TimeDelta::minutes(service));
                prop_assert_eq!(r.downtime, TimeDelta::minutes(down));
                prop_assert!(r.downtime <= r.service_time);
                prop_assert!(r.achieved >= Decimal::ZERO && r.achieved <= Decimal::ONE_HUNDRED);
                let sum = r.outages.iter().fold(TimeDelta::zero(), |a, o| a + o.downtime);
                prop_assert_eq!(sum, r.downtime);
                prop_assert_eq!(r.outcome == TargetOutcome::Met, r.achieved >= r.target);
                if list.is_empty() {
                    prop_assert_eq!(r.achieved, Decimal::ONE_HUNDRED);
                }
            }
        }
    }

    #[test]
    fn time_and_materials_lines_sum_and_day_increments_split_freely(
        (start, split, end) in (0..SPAN_MINUTES, 0i64..2000, 0i64..2000)
            .prop_map(|(s, a, b)| (s, s + a.min(b), s + a.max(b))),
        seconds in 0i64..60,
        others in prop::collection::vec(interval(), 0..4),
        per_day in any::<bool>(),
    ) {
        let mut spec: TimeAndMaterialsSpec = serde_json::from_str(TM).unwrap();
        if per_day {
            if let Some(inc) = spec.increment.as_mut() {
                *inc = Increment::new(inc.minutes(), IncrementBasis::Day).unwrap();
            }
        }
        let tm = TimeAndMaterials::try_from(spec).unwrap();
        let at = |m: i64, s: i64| minute(m) + TimeDelta::seconds(s);
        let mut whole: Vec<WorkInterval> =
            others.iter().map(|&(a, b)| WorkInterval::new(minute(a), minute(b))).collect();
        let mut parts = whole.clone();
        whole.push(WorkInterval::new(at(start, 0), at(end, 0)));
        parts.push(WorkInterval::new(at(start, 0), at(split, seconds).min(at(end, 0))));
        parts.push(WorkInterval::new(at(split, seconds).min(at(end, 0)), at(end, 0)));
        let a = tm.invoice(&whole).unwrap();
        let b = tm.invoice(&parts).unwrap();
        assert_explained(&a);
        assert_explained(&b);
        prop_assert!(a.subtotal >= Decimal::ZERO);
        if per_day {
            // Per day, the day's totals are additive: the same invoice, line by line.
            prop_assert_eq!(&a, &b);
        }
    }
}

/// Time-and-materials terms for the properties: every feature on, in a zone with DST.
const TM: &str = r#"{
  "currency": "EUR", "hourly_rate": "97.30 EUR", "daily_rate": "700.00 EUR",
  "increment": { "minutes": 15 }, "timezone": "America/New_York",
  "service_hours": { "timezone": "America/New_York", "hours": {
    "mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
    "thu": ["08:00-17:00"], "fri": ["08:00-17:00"] } },
  "holidays": ["2026-03-09"],
  "surcharges": { "outside_service_hours": "25", "holiday": "75.5" }
}"#;

// ---------------------------------------------------------------------------------------------
// Error messages, exactly

/// The error of a configuration that `S` (a spec) refuses as it is read or `T` as it is
/// built from the spec, with `at` in front of its path.
fn refused<S, T>(json: &str, at: &str) -> String
where
    S: serde::de::DeserializeOwned,
    T: TryFrom<S, Error = Error> + std::fmt::Debug,
{
    let json: serde_json::Value = serde_json::from_str(json).unwrap();
    match serde_json::from_value::<S>(json) {
        Ok(spec) => T::try_from(spec)
            .map_err(|e| e.at(at))
            .unwrap_err()
            .to_string(),
        Err(e) => format!("{at}.{e}"),
    }
}

/// One-off windows are refused as the agreement is read, the rest when it is built; both
/// errors name the path from the agreement.
fn agreement_err(json: &str) -> String {
    refused::<AvailabilityAgreementSpec, AvailabilityAgreement>(json, "contract.availability")
}

const UTC_HOURS: &str = r#""service_hours":{"timezone":"UTC","hours":{"mon":["08:00-18:00"]}}"#;

#[test]
fn every_agreement_error_names_the_field() {
    let cases: &[(String, &str)] = &[
        (
            format!(r#"{{"target":"100.5",{UTC_HOURS}}}"#),
            "contract.availability.target: invalid value `100.5`: expected a percentage from 0 to 100",
        ),
        (
            format!(r#"{{"target":"-1",{UTC_HOURS}}}"#),
            "contract.availability.target: invalid value `-1`: expected a percentage from 0 to 100",
        ),
        (
            r#"{"target":"99","service_hours":{"timezone":"Europe/Berln","hours":{}}}"#.to_owned(),
            "contract.availability.service_hours.timezone: unknown time zone `Europe/Berln`: expected an IANA name such as `Europe/Berlin` (names are case-sensitive)",
        ),
        (
            format!(
                r#"{{"target":"99",{UTC_HOURS},"maintenance":{{"recurring":{{"timezone":"UTC","hours":{{"wed":["17-18"]}}}}}}}}"#
            ),
            "contract.availability.maintenance.recurring.hours.wed[0]: invalid shift `17-18`: expected HH:MM-HH:MM with times from 00:00 to 24:00",
        ),
        (
            format!(
                r#"{{"target":"99",{UTC_HOURS},"maintenance":{{"windows":[{{"start":"2026-03-19 13:00","end":"2026-03-19T15:00:00Z"}}]}}}}"#
            ),
            "contract.availability.maintenance.windows[0].start: invalid value `2026-03-19 13:00`: expected an RFC 3339 instant such as `2026-03-14T20:00:00Z`",
        ),
        (
            format!(
                r#"{{"target":"99",{UTC_HOURS},"maintenance":{{"windows":[{{"start":"2026-03-19T13:00:00Z","end":"2026-03-19T15:00:00Z"}},{{"start":"2026-03-19T13:00:00Z","end":"2026-03-19T13:00:00Z"}}]}}}}"#
            ),
            "contract.availability.maintenance.windows[1].end: invalid value `2026-03-19T13:00:00Z`: expected an instant after the window's start `2026-03-19T13:00:00Z`",
        ),
    ];
    for (json, want) in cases {
        assert_eq!(&agreement_err(json), want, "{json}");
    }
    // A target given as a JSON number is a parse error, not a float.
    assert!(serde_json::from_str::<AvailabilityAgreementSpec>(&format!(
        r#"{{"target":99,{UTC_HOURS}}}"#
    ))
    .is_err());
    // Deserializing the validated type directly reports the same message through serde.
    let err = serde_json::from_str::<AvailabilityAgreement>(&format!(
        r#"{{"target":"101",{UTC_HOURS}}}"#
    ))
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("target: invalid value `101`: expected a percentage from 0 to 100"),
        "{err}"
    );
}

#[test]
fn every_evaluation_error_is_exact() {
    let a: AvailabilityAgreement =
        serde_json::from_str(&format!(r#"{{"target":"99",{UTC_HOURS}}}"#)).unwrap();
    let mon = t("2026-03-02T00:00:00Z");
    let tue = t("2026-03-03T00:00:00Z");
    let err = a
        .report(
            mon,
            tue,
            &[
                Outage::new(t("2026-03-02T09:00:00Z"), t("2026-03-02T10:00:00Z")),
                Outage::new(t("2026-03-02T09:00:00Z"), t("2026-03-02T08:59:59Z")),
            ],
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "outages[1].end: invalid value `2026-03-02T08:59:59Z`: expected an instant at or after the outage's start 2026-03-02T09:00:00Z"
    );
    // Tuesday has no service hours: availability is undefined, not 100 %.
    let wed = t("2026-03-04T00:00:00Z");
    let err = a.report(tue, wed, &[]).unwrap_err();
    assert_eq!(err, Error::NoServiceTime { from: tue, to: wed });
    assert_eq!(
        err.to_string(),
        "no service time in [2026-03-03 00:00:00 UTC, 2026-03-04 00:00:00 UTC) after maintenance windows: availability is undefined"
    );
    // A Monday entirely under maintenance is the same.
    let all_day = a.with_windows([MaintenanceWindow::new(mon, tue).unwrap()]);
    assert!(matches!(
        all_day.report(mon, tue, &[]),
        Err(Error::NoServiceTime { .. })
    ));
    assert_eq!(
        a.report(tue, mon, &[]).unwrap_err().to_string(),
        "availability: the period ends at 2026-03-02T00:00:00Z before it starts at 2026-03-03T00:00:00Z"
    );
    assert_eq!(
        MaintenanceWindow::new(tue, mon).unwrap_err().to_string(),
        "MaintenanceWindow::new: the window ends at 2026-03-02T00:00:00Z but must end after its start 2026-03-03T00:00:00Z"
    );
    let policy: CreditPolicy = serde_json::from_str(
        r#"{"currency":"USD","availability":[{"below":"99","percent_of_fee":"5"}]}"#,
    )
    .unwrap();
    assert_eq!(
        a.credit(
            mon,
            tue,
            &[],
            &policy,
            CreditInputs::new(money("10.00 EUR"))
        )
        .unwrap_err()
        .to_string(),
        "inputs.monthly_fee: currency mismatch: expected USD, found EUR"
    );
}

/// The error of terms that are refused, under `third_party`: as they are read (the
/// increment and the surcharges check themselves) or as they are validated.
fn tm_err(json: &str) -> String {
    refused::<TimeAndMaterialsSpec, TimeAndMaterials>(json, "third_party")
}

#[test]
fn every_time_and_materials_error_names_the_field() {
    let base = r#""timezone":"UTC""#;
    let cases: &[(String, &str)] = &[
        (
            format!(r#"{{"currency":"XYZ","hourly_rate":"1 XYZ",{base}}}"#),
            "third_party.currency: unknown currency `XYZ`: expected one of AUD, BHD, BRL, CAD, CHF, CNY, CZK, DKK, EUR, GBP, HKD, HUF, INR, ISK, JOD, JPY, KRW, KWD, MXN, MYR, NOK, NZD, OMR, PLN, RON, SEK, SGD, TND, UAH, USD, ZAR",
        ),
        (
            format!(r#"{{"currency":"eur","hourly_rate":"1 EUR",{base}}}"#),
            "third_party.currency: invalid value `eur`: expected a three-letter ISO 4217 currency code in upper case, such as EUR",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"-120.00 EUR",{base}}}"#),
            "third_party.hourly_rate: invalid value `-120.00`: expected a non-negative amount",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"120",{base}}}"#),
            "third_party.hourly_rate: invalid value `120`: expected an amount and a currency code separated by one space, such as `12.50 EUR`",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"120 EUR","daily_rate":"900 USD",{base}}}"#),
            "third_party.daily_rate: currency mismatch: expected EUR, found USD",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"120 EUR","increment":{{"minutes":0}},{base}}}"#),
            "third_party.increment.minutes: invalid value `0`: expected a whole number of minutes from 1 to 1440",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"120 EUR","increment":{{"minutes":1441,"per":"day"}},{base}}}"#),
            "third_party.increment.minutes: invalid value `1441`: expected a whole number of minutes from 1 to 1440",
        ),
        (
            r#"{"currency":"EUR","hourly_rate":"120 EUR","timezone":"Mars/Olympus"}"#.to_owned(),
            "third_party.timezone: unknown time zone `Mars/Olympus`: expected an IANA name such as `Europe/Berlin` (names are case-sensitive)",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"120 EUR",{base},"holidays":["2026-12-25","2026-12-32"]}}"#),
            "third_party.holidays[1]: invalid date `2026-12-32`: expected YYYY-MM-DD",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"120 EUR",{base},"surcharges":{{"holiday":"-10"}}}}"#),
            "third_party.surcharges.holiday: invalid value `-10`: expected a non-negative percentage",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"120 EUR",{base},"surcharges":{{"outside_service_hours":"-0.5"}}}}"#),
            "third_party.surcharges.outside_service_hours: invalid value `-0.5`: expected a non-negative percentage",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"120 EUR",{base},"surcharges":{{"outside_service_hours":"50"}}}}"#),
            "third_party.service_hours: invalid value `(missing)`: expected a calendar of service hours, because surcharges.outside_service_hours is set",
        ),
        (
            format!(r#"{{"currency":"EUR","hourly_rate":"120 EUR",{base},"service_hours":{{"timezone":"UTC","hours":{{"funday":[]}}}}}}"#),
            "third_party.service_hours.hours: unknown weekday `funday`: expected one of mon, tue, wed, thu, fri, sat, sun",
        ),
    ];
    for (json, want) in cases {
        assert_eq!(&tm_err(json), want, "{json}");
    }
    // Unknown fields and JSON numbers are rejected by serde.
    assert!(serde_json::from_str::<TimeAndMaterialsSpec>(
        r#"{"currency":"EUR","hourly_rate":"1 EUR","timezone":"UTC","hourly":"2 EUR"}"#
    )
    .is_err());
    assert!(serde_json::from_str::<TimeAndMaterialsSpec>(
        r#"{"currency":"EUR","hourly_rate":"1 EUR","timezone":"UTC","surcharges":{"holiday":50}}"#
    )
    .is_err());
}

#[test]
fn time_and_materials_round_trips_through_serde() {
    let tm: TimeAndMaterials = serde_json::from_str(TM).unwrap();
    let json = serde_json::to_string(&tm).unwrap();
    assert_eq!(serde_json::from_str::<TimeAndMaterials>(&json).unwrap(), tm);
    let a: AvailabilityAgreement = serde_json::from_str(AGREEMENT).unwrap();
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(
        serde_json::from_str::<AvailabilityAgreement>(&json).unwrap(),
        a
    );
}

#[test]
fn hourly_rates_are_written_back_as_read() {
    let json = r#"{"currency":"EUR","rounding":"half_even","hourly_rate":"97.30 EUR","daily_rate":"700 EUR","increment":{"minutes":15,"per":"day"},"surcharges":{"outside_service_hours":"25","holiday":"75.50"}}"#;
    let rates: HourlyRates = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&rates).unwrap(), json);
    assert_eq!(rates.hourly_rate(), d("97.30"));
    assert_eq!(rates.daily_rate(), Some(d("700")));
    assert_eq!(rates.rounding(), RoundingMode::HalfEven);
    assert_eq!(
        rates.increment(),
        Some(Increment::new(15, IncrementBasis::Day).unwrap())
    );
    assert_eq!(
        rates.surcharges(),
        Surcharges::new(Some(d("25")), Some(d("75.5"))).unwrap()
    );
    // Defaults: no increment, no surcharges, `half_up`.
    let plain: HourlyRates =
        serde_json::from_str(r#"{"currency":"JPY","hourly_rate":"9000 JPY"}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&plain).unwrap(),
        r#"{"currency":"JPY","rounding":"half_up","hourly_rate":"9000 JPY","surcharges":{}}"#
    );
    // The terms keep their parts as read too.
    let tm: TimeAndMaterials = serde_json::from_str(TM).unwrap();
    let back = serde_json::to_value(&tm).unwrap();
    assert_eq!(
        back["increment"],
        serde_json::json!({"minutes": 15, "per": "interval"})
    );
    assert_eq!(
        back["surcharges"],
        serde_json::json!({"outside_service_hours": "25", "holiday": "75.5"})
    );
}

#[test]
fn hourly_rates_and_their_parts_refuse_what_their_specs_refused() {
    let rates = |json: &str| {
        serde_json::from_value::<HourlyRates>(serde_json::from_str(json).unwrap())
            .unwrap_err()
            .to_string()
    };
    for (json, want) in [
        (
            r#"{"currency":"EUR","hourly_rate":"120 EUR","increment":{"minutes":0}}"#,
            "increment.minutes: invalid value `0`: expected a whole number of minutes from 1 to 1440",
        ),
        (
            r#"{"currency":"EUR","hourly_rate":"120 EUR","surcharges":{"holiday":"-10"}}"#,
            "surcharges.holiday: invalid value `-10`: expected a non-negative percentage",
        ),
        (
            r#"{"currency":"EUR","hourly_rate":"-1 EUR"}"#,
            "hourly_rate: invalid value `-1`: expected a non-negative amount",
        ),
        (
            r#"{"currency":"EUR","hourly_rate":"120 EUR","daily_rate":"900 USD"}"#,
            "daily_rate: currency mismatch: expected EUR, found USD",
        ),
    ] {
        assert_eq!(rates(json), want, "{json}");
    }
    // Unknown fields, at every level, and fields given twice.
    for json in [
        r#"{"currency":"EUR","hourly_rate":"1 EUR","hourly":"2 EUR"}"#,
        r#"{"currency":"EUR","hourly_rate":"1 EUR","increment":{"minutes":15,"step":1}}"#,
        r#"{"currency":"EUR","hourly_rate":"1 EUR","surcharges":{"weekend":"10"}}"#,
    ] {
        let e = serde_json::from_str::<HourlyRates>(json).unwrap_err();
        assert!(e.to_string().contains("unknown field"), "{json}: {e}");
    }
    for json in [
        r#"{"currency":"EUR","hourly_rate":"1 EUR","hourly_rate":"2 EUR"}"#,
        r#"{"currency":"EUR","hourly_rate":"1 EUR","increment":{"minutes":15,"minutes":30}}"#,
        r#"{"currency":"EUR","hourly_rate":"1 EUR","surcharges":{"holiday":"1","holiday":"2"}}"#,
    ] {
        let e = serde_json::from_str::<HourlyRates>(json).unwrap_err();
        assert!(e.to_string().contains("duplicate field"), "{json}: {e}");
    }
    // Numbers where strings are due, and a count that is not one.
    for json in [
        r#"{"currency":"EUR","hourly_rate":"1 EUR","surcharges":{"holiday":50}}"#,
        r#"{"currency":"EUR","hourly_rate":"1 EUR","increment":{"minutes":"15"}}"#,
    ] {
        assert!(serde_json::from_str::<HourlyRates>(json).is_err(), "{json}");
    }
    // The same in TOML, where the path still reads from the rates.
    let e = toml::from_str::<HourlyRates>(
        "currency = \"EUR\"\nhourly_rate = \"1 EUR\"\n[increment]\nminutes = 1441\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("increment.minutes: invalid value `1441`: expected") && !e.contains('\0'),
        "{e}"
    );
    // Built in code, the parts say what is wrong.
    assert!(Increment::new(1441, IncrementBasis::Interval).is_err());
    assert!(Surcharges::new(None, Some(d("-1"))).is_err());
    assert_eq!(Surcharges::new(None, None).unwrap(), Surcharges::default());
}

#[test]
fn a_bad_increment_in_a_contract_names_its_whole_path() {
    let contract = r#"{"customer": "C", "plan": "p", "billing": {"time_and_materials": {
        "currency": "EUR", "hourly_rate": "120 EUR", "timezone": "UTC",
        "increment": {"minutes": 0}}}}"#;
    let e = serde_json::from_str::<slacalc::ContractSpec>(contract)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(
            "billing.time_and_materials.increment.minutes: invalid value `0`: expected a whole \
             number of minutes from 1 to 1440"
        ),
        "{e}"
    );
    let e = serde_json::from_str::<slacalc::ContractSpec>(&contract.replace(
        r#""increment": {"minutes": 0}"#,
        r#""surcharges": {"holiday": "-5"}"#,
    ))
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with(
            "billing.time_and_materials.surcharges.holiday: invalid value `-5`: expected a \
             non-negative percentage"
        ),
        "{e}"
    );
}
