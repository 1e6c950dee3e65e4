//! Integration tests of `slacalc::Statement`: money terms carried by contracts (a plan's price,
//! a contract's `billing`), a month's statement computed by hand for the seed contracts and a
//! synthetic one, and the exact message of every error in money terms and usage.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::sync::Arc;

use slacalc::availability::Outage;
use slacalc::money::{FeeInputs, LineDetail, WorkInterval};
use slacalc::statement::{StatementItem, Usage};
use slacalc::{Catalog, Contract, ContractSpec, Incident, Metric, Statement, TargetOutcome};

use crate::util::{d, fixture, money, t};

/// A help desk in Berlin: two severities, a 2-cases-per-quarter quota that charges 80 EUR per
/// extra case, and a published price of 1,000 EUR a month.
const CATALOG: &str = r#"{"name": "Desk",
  "severities": [{"key": "critical", "name": "Critical"}, {"key": "minor", "name": "Minor"}],
  "calendars": {"office": {"timezone": "Europe/Berlin", "hours": {
    "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
    "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}},
  "plans": {"std": {"name": "Standard",
    "targets": {"critical": {"reaction": {"within": "1h", "clock": "24x7"}},
                "minor": {"reaction": {"within": "8h", "clock": "24x7"}}},
    "entitlements": {"quota": {"cases": 2, "per": "quarter",
                               "overage": {"charge": {"price": "80.00 EUR"}}}},
    "fee": {"currency": "EUR", "fee": {"fixed": "1000.00 EUR"}}}}}"#;

fn catalog() -> Arc<Catalog> {
    Arc::new(serde_json::from_str(CATALOG).unwrap())
}

/// A contract on the desk's plan with `billing` (JSON) as its money terms.
/// The parts that validate themselves (credits, an hour budget) are refused as the terms are
/// read, the others by `Contract::new`; both errors name the path from the terms.
fn desk(billing: &str) -> Result<Contract, String> {
    let json: serde_json::Value = serde_json::from_str(&format!(
        r#"{{"customer": "ACME", "plan": "std", "region": "office", "start": "2026-01-01",
            "billing": {billing}}}"#
    ))
    .unwrap();
    let terms: ContractSpec = serde_json::from_value(json).map_err(|e| e.to_string())?;
    Contract::new(catalog(), terms).map_err(|e| e.to_string())
}

/// 100 EUR per breached critical incident, at most 15 % of the fee.
const CREDITS: &str = r#"{"credits": {"currency": "EUR", "per_breach": {"critical": "100.00 EUR"},
                                      "cap": {"percent_of_fee": "15"}}}"#;

fn incident(id: &str, severity: &str, reported: &str, responded: Option<&str>) -> Incident {
    let mut events =
        format!(r#"{{"at": "{reported}", "kind": "reported", "severity": "{severity}"}}"#);
    if let Some(r) = responded {
        events.push_str(&format!(r#", {{"at": "{r}", "kind": "responded"}}"#));
    }
    serde_json::from_str(&format!(r#"{{"id": "{id}", "events": [{events}]}}"#)).unwrap()
}

/// The first quarter of 2026 at the desk (Berlin is UTC+1 until 29 March).
fn quarter() -> Vec<Incident> {
    vec![
        // Met: answered in 30 minutes. A case of January.
        incident(
            "A-1",
            "critical",
            "2026-01-10T09:00:00Z",
            Some("2026-01-10T09:30:00Z"),
        ),
        // Met. The second case of the quarter.
        incident(
            "A-2",
            "minor",
            "2026-02-05T09:00:00Z",
            Some("2026-02-05T10:00:00Z"),
        ),
        // Never answered: breached at 18:00Z on 20 February. The third case: one over.
        incident("A-3", "minor", "2026-02-20T10:00:00Z", None),
        // 00:30 on 1 March in Berlin: a case of March; never answered, breached at 00:30Z.
        incident("A-4", "critical", "2026-02-28T23:30:00Z", None),
        // Answered after 90 minutes: breached at 11:00Z on 3 March.
        incident(
            "A-5",
            "critical",
            "2026-03-03T10:00:00Z",
            Some("2026-03-03T11:30:00Z"),
        ),
        // 00:30 on 1 April in Berlin: April's case, breached in April.
        incident("A-6", "minor", "2026-03-31T22:30:00Z", None),
    ]
}

fn statement(contract: &Contract, month: &str, usage: &Usage) -> Statement {
    Statement::compute(
        contract,
        month.parse().unwrap(),
        &quarter(),
        usage,
        t("2026-04-01T12:00:00Z"),
    )
    .unwrap()
}

#[test]
fn march_at_the_desk_by_hand() {
    let contract = desk(CREDITS).unwrap();
    let s = statement(&contract, "2026-03", &Usage::new());
    // March in Berlin: 00:00 CET on the 1st to 00:00 CEST on 1 April.
    assert_eq!(
        (s.from, s.to),
        (t("2026-02-28T23:00:00Z"), t("2026-03-31T22:00:00Z"))
    );
    assert_eq!(s.timezone, "Europe/Berlin");
    // The plan's fee, then the cases beyond the quota.
    assert_eq!(s.charges.len(), 2);
    assert_eq!(
        (&s.charges[0].item, s.charges[0].path.as_str()),
        (&StatementItem::Fee, "plans.std.fee")
    );
    assert_eq!(
        s.charges[0].invoice.lines[0].path,
        "plans.std.fee.fee.fixed"
    );
    // The quarter's cases by Berlin date: 10 Jan, 5 Feb, 20 Feb, 1 Mar, 3 Mar (1 April is the
    // next quarter): 5 of 2, 3 over; at the end of February 1 was over, charged then. March
    // charges the other 2: 2 × 80 = 160.
    let quota = s.quota.as_ref().unwrap();
    assert_eq!((quota.used, quota.over_limit), (5, 3));
    let overage = &s.charges[1];
    assert_eq!(overage.item, StatementItem::CaseOverage);
    assert_eq!(
        overage.invoice.lines[0].path,
        "plans.std.entitlements.quota.overage.charge.price"
    );
    assert_eq!(
        overage.invoice.lines[0].detail,
        LineDetail::CaseOverage {
            cases: 2,
            limit: 2,
            price: d("80.00")
        }
    );
    assert_eq!(overage.invoice.total, money("160.00 EUR"));
    // First breaches in March: A-4 on the 1st and A-5 on the 3rd (A-3 breached in February,
    // A-6 in April), both critical and credited: 2 × 100 = 200, capped at 15 % × 1,000.
    let ids: Vec<_> = s.breaches.iter().map(|b| b.incident.as_str()).collect();
    assert_eq!(ids, ["A-4", "A-5"]);
    assert_eq!(s.breaches[1].metric, Metric::Reaction);
    assert_eq!(s.breaches[1].breached_at, t("2026-03-03T11:00:00Z"));
    assert!(s.breaches.iter().all(|b| b.credited));
    let credit = s.credit.as_ref().unwrap();
    assert_eq!(credit.invoice.lines.len(), 2);
    assert_eq!(
        credit.invoice.lines[0].path,
        "billing.credits.per_breach.critical"
    );
    assert_eq!(credit.invoice.lines[1].path, "billing.credits.cap");
    assert_eq!(credit.invoice.lines[1].amount, d("-50"));
    let total = s.total.unwrap();
    // 1,000 + 160 = 1,160; minus 150.
    assert_eq!(total.charges, money("1160.00 EUR"));
    assert_eq!(total.credit, money("150.00 EUR"));
    assert_eq!(total.due, money("1010.00 EUR"));
    let text = s.to_string();
    assert!(text.contains("2 incidents breached"), "{text}");
    assert!(text.contains("5 cases of 2 used"), "{text}");
    assert!(
        text.contains("2 × 80.00 (cases beyond the 2 included)"),
        "{text}"
    );
    assert!(text.contains("      plans.std.fee.fee.fixed\n"), "{text}");
}

#[test]
fn february_counts_one_breach_and_one_case() {
    let contract = desk(CREDITS).unwrap();
    let s = statement(&contract, "2026-02", &Usage::new());
    // A-3 breached in February; its severity has no per-breach credit.
    assert_eq!(s.breaches.len(), 1);
    assert!(!s.breaches[0].credited);
    assert!(s.credit.as_ref().unwrap().invoice.lines.is_empty());
    // Three cases by the end of February, one over: 1 × 80.
    assert_eq!(s.charges[1].invoice.total, money("80.00 EUR"));
    let text = s.to_string();
    assert!(text.contains("1 incident breached"), "{text}");
    assert!(
        text.contains("1 × 80.00 (case beyond the 2 included)"),
        "{text}"
    );
    // January: one case, nothing over, no breach.
    let s = statement(&contract, "2026-01", &Usage::new());
    assert_eq!(s.charges.len(), 1);
    assert!(s.to_string().contains("0 incidents breached"));
    assert!(s.to_string().contains("1 case of 2 used"));
    assert_eq!(s.total.unwrap().due, money("1000.00 EUR"));
}

#[test]
fn a_contract_fee_replaces_the_plans_and_serde_round_trips() {
    let contract = desk(r#"{"fee": {"currency": "EUR", "fee": {"fixed": "700.00 EUR"}}}"#).unwrap();
    assert_eq!(contract.billing().fee_path(), "billing.fee");
    let s = statement(&contract, "2026-03", &Usage::new());
    assert_eq!(s.charges[0].path, "billing.fee");
    // 700 + 160, no credit policy.
    assert_eq!(s.total.unwrap().due, money("860.00 EUR"));
    assert!(s.credit.is_none());
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains(r#""period":"2026-03""#), "{json}");
    assert!(json.contains(r#""kind":"case_overage""#), "{json}");
    let back: Statement = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    // The contract's terms serialize with their billing and load back the same.
    let spec = serde_json::to_string(contract.spec()).unwrap();
    let again: ContractSpec = serde_json::from_str(&spec).unwrap();
    assert_eq!(&again, contract.spec());
}

/// A customer's contract from the seed fixtures.
fn seed(vendor: &str, customer: &str) -> Contract {
    let (catalog, customers) = match vendor {
        "comarch" => (
            fixture!("contracts/comarch.json"),
            fixture!("contracts/comarch-customers.json"),
        ),
        "cosys" => (
            fixture!("contracts/cosys.json"),
            fixture!("contracts/cosys-customers.json"),
        ),
        _ => (
            fixture!("contracts/ciit.json"),
            fixture!("contracts/ciit-customers.json"),
        ),
    };
    let mut all: BTreeMap<String, ContractSpec> = serde_json::from_str(customers).unwrap();
    Contract::new(
        Arc::new(serde_json::from_str(catalog).unwrap()),
        all.remove(customer).unwrap(),
    )
    .unwrap()
}

#[test]
fn comarch_basic_month_is_free_and_counts_cases() {
    let contract = seed("comarch", "basic");
    // Eleven general questions in April 2026 (severity 4, answered at once): the plan's 10
    // per quarter are used up and Basic refuses more at the door, so nothing is charged.
    let incidents: Vec<Incident> = (1..=11)
        .map(|day| {
            let at = format!("2026-04-{day:02}T08:00:00Z");
            let answered = format!("2026-04-{day:02}T08:05:00Z");
            incident(&format!("CCI-{day}"), "4", &at, Some(&answered))
        })
        .collect();
    let s = Statement::compute(
        &contract,
        "2026-04".parse().unwrap(),
        &incidents,
        &Usage::new(),
        t("2026-05-01T00:00:00Z"),
    )
    .unwrap();
    // Basic's price is "already included": 0.00 EUR from the plan's fee.
    assert_eq!(s.charges.len(), 1);
    assert_eq!(s.charges[0].path, "plans.basic.fee");
    assert_eq!(s.total.unwrap().due, money("0.00 EUR"));
    let quota = s.quota.unwrap();
    assert_eq!((quota.used, quota.remaining, quota.over_limit), (11, 0, 1));
    assert_eq!(quota.overage_charge, None);
}

#[test]
fn comarch_advanced_price_from_usage() {
    let contract = seed("comarch", "advanced");
    let usage =
        Usage::new().with_fee_inputs(FeeInputs::new().with_amount("usage", money("8500.00 EUR")));
    let s = Statement::compute(
        &contract,
        "2026-05".parse().unwrap(),
        &[],
        &usage,
        t("2026-06-01T00:00:00Z"),
    )
    .unwrap();
    // 1,500 + 19 % × 2,000 + 14 % × 1,500 = 1,500 + 380 + 210.
    assert_eq!(s.total.unwrap().due, money("2090.00 EUR"));
    let paths: Vec<_> = s.charges[0]
        .invoice
        .lines
        .iter()
        .map(|l| l.path.as_str())
        .collect();
    assert_eq!(paths[0], "plans.advanced.fee.fee.sum[0].fixed");
    assert_eq!(paths[2], "plans.advanced.fee.fee.sum[1].graduated.bands[1]");
    // The usage fee is an input the plan's price needs.
    let error = Statement::compute(
        &contract,
        "2026-05".parse().unwrap(),
        &[],
        &Usage::new(),
        t("2026-06-01T00:00:00Z"),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "plans.advanced.fee.fee.sum[1].graduated.of: unknown amount input `usage`"
    );
}

#[test]
fn cosys_april_by_hand() {
    let contract = seed("cosys", "logistics");
    // April 2026 in Berlin (CEST, UTC+2): 22 weekdays minus Good Friday (3rd) and Easter
    // Monday (6th) = 20 days × 10 h = 200 h, minus 5 Wednesday windows (1st, 8th, 15th, 22nd,
    // 29th) × 1 h = 195 h of service time. Down 09:00-12:54 Berlin on Tuesday 14 April:
    // 3.9 h; 100 × (195 − 3.9) / 195 = 98 %: below 99, not below 98, so 5 % of 2,500 = 125.
    let usage = Usage::new()
        .with_fee_inputs(FeeInputs::new().with_quantity("extension_days", d("2")))
        .with_outages([Outage::new(
            t("2026-04-14T07:00:00Z"),
            t("2026-04-14T10:54:00Z"),
        )])
        // Thursday 16 April, 10:00-12:00 Berlin: 2 h at 125 = 250.
        .with_work([WorkInterval::new(
            t("2026-04-16T08:00:00Z"),
            t("2026-04-16T10:00:00Z"),
        )]);
    let s = Statement::compute(
        &contract,
        "2026-04".parse().unwrap(),
        &[],
        &usage,
        t("2026-05-01T00:00:00Z"),
    )
    .unwrap();
    let a = s.availability.as_ref().unwrap();
    assert_eq!(a.service_time.num_minutes(), 195 * 60);
    assert_eq!(a.downtime.num_minutes(), 234);
    assert_eq!(a.achieved, d("98"));
    assert_eq!(a.outcome, TargetOutcome::Missed);
    let total = s.total.unwrap();
    // 2,500 + 2 × 350 + 250 = 3,450; minus 125.
    assert_eq!(total.charges, money("3450.00 EUR"));
    assert_eq!(total.credit, money("125.00 EUR"));
    assert_eq!(total.due, money("3325.00 EUR"));
    assert_eq!(
        s.credit.as_ref().unwrap().invoice.lines[0].path,
        "billing.credits.availability[0]"
    );
}

#[test]
fn ciit_budget_month() {
    let contract = seed("ciit", "clinic");
    // The contract starts on 1 April 2025: 16 h granted each month, 3 months of carry-over.
    // Nothing worked in April; 20 h in May, oldest minutes first: April's 16 h, then 4 h of
    // May's, which leaves 12 h.
    let usage = Usage::new().with_maintenance_minutes("2025-05", 1200);
    let s = Statement::compute(
        &contract,
        "2025-05".parse().unwrap(),
        &[],
        &usage,
        t("2025-06-01T00:00:00Z"),
    )
    .unwrap();
    let month = s.hour_budget.as_ref().unwrap();
    assert_eq!((month.worked, month.from_earlier_months), (1200, 960));
    assert_eq!(month.available_after, 720);
    assert!(s.total.is_none());
    assert!(s
        .to_string()
        .contains("hour budget: 16:00 granted, 20:00 worked (16:00 from earlier months)"));
}

#[test]
fn money_terms_errors_name_path_and_value() {
    let error = |billing: &str| desk(billing).unwrap_err();
    assert_eq!(
        error(
            r#"{"time_and_materials": {"currency": "USD", "hourly_rate": "100.00 USD",
                  "timezone": "Europe/Berlin"}}"#
        ),
        "billing.time_and_materials.currency: currency mismatch: expected EUR (the currency \
         of `plans.std.fee.currency`), found USD"
    );
    assert_eq!(
        error(r#"{"credits": {"currency": "EUR", "per_breach": {"major": "10.00 EUR"}}}"#),
        "billing.credits.per_breach: unknown severity `major`: expected one of critical, minor"
    );
    assert_eq!(
        error(
            r#"{"credits": {"currency": "EUR",
                  "availability": [{"below": "99", "percent_of_fee": "5"}]}}"#
        ),
        "billing.credits.availability: invalid value `credits by availability`: expected an \
         availability agreement (`billing.availability`) that measures it"
    );
    assert_eq!(
        error(r#"{"fee": {"currency": "EUR", "fee": {"fixed": "-1.00 EUR"}}}"#),
        "billing.fee.fee.fixed: invalid value `-1.00`: expected a non-negative amount"
    );
    assert_eq!(
        error(r#"{"hour_budget": {"monthly_hours": "7.51"}}"#),
        "billing.hour_budget.monthly_hours: invalid value `7.51`: expected a number of hours \
         from 0 to 100000 that comes to whole minutes, such as \"7.5\""
    );
    assert_eq!(
        error(r#"{"extras": {"callout": {"currency": "GBP", "fee": {"fixed": "1 GBP"}}}}"#),
        "billing.extras.callout.currency: currency mismatch: expected EUR (the currency of \
         `plans.std.fee.currency`), found GBP"
    );
    assert_eq!(
        error(
            r#"{"availability": {"target": "101", "service_hours": {"timezone": "UTC",
                  "hours": {"mon": ["09:00-17:00"]}}}}"#
        ),
        "billing.availability.target: invalid value `101`: expected a percentage from 0 to 100"
    );
    // Unknown fields are refused where they are written.
    let unknown = serde_json::from_str::<ContractSpec>(
        r#"{"customer": "ACME", "plan": "std", "billing": {"fees": {}}}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        unknown.starts_with("billing.fees: unknown field `fees`"),
        "{unknown}"
    );

    // Percentages need a fee; an hour budget needs a start.
    let catalog: Catalog = serde_json::from_str(&CATALOG.replace(
        r#""fee": {"currency": "EUR", "fee": {"fixed": "1000.00 EUR"}}"#,
        r#""description": "no published price""#,
    ))
    .unwrap();
    let terms = |billing: &str, start: &str| -> ContractSpec {
        serde_json::from_str(&format!(
            r#"{{"customer": "ACME", "plan": "std"{start}, "billing": {billing}}}"#
        ))
        .unwrap()
    };
    let no_fee = Contract::new(Arc::new(catalog.clone()), terms(CREDITS, ""))
        .unwrap_err()
        .to_string();
    assert_eq!(
        no_fee,
        "billing.credits: invalid value `credits in percent of the monthly fee`: expected a fee \
         (`billing.fee`, or `plans.std.fee` in the catalog) that the percentages refer to"
    );
    let no_start = Contract::new(
        Arc::new(catalog),
        terms(r#"{"hour_budget": {"monthly_hours": "8"}}"#, ""),
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        no_start,
        "billing.hour_budget: invalid value `an hour budget without a start`: expected a \
         contract `start` (or `term`): the budget's months count from it"
    );
    // A plan's price is checked where the catalog writes it.
    let bad_plan = serde_json::from_str::<Catalog>(
        &CATALOG.replace(r#""fixed": "1000.00 EUR""#, r#""fixed": "1000.00 XXX""#),
    )
    .unwrap_err()
    .to_string();
    assert!(bad_plan.contains("plans.std.fee.fee.fixed"), "{bad_plan}");
}

#[test]
fn usage_errors_name_path_and_value() {
    let contract = desk(CREDITS).unwrap();
    let compute = |c: &Contract, month: &str, usage: &Usage| {
        Statement::compute(
            c,
            month.parse().unwrap(),
            &[],
            usage,
            t("2026-04-01T00:00:00Z"),
        )
        .unwrap_err()
        .to_string()
    };
    let work = Usage::new().with_work([WorkInterval::new(
        t("2026-03-02T08:00:00Z"),
        t("2026-03-02T09:00:00Z"),
    )]);
    assert_eq!(
        compute(&contract, "2026-03", &work),
        "usage.work: invalid value `given`: expected nothing: the contract has no \
         time-and-materials terms"
    );
    assert_eq!(
        compute(
            &contract,
            "2026-03",
            &Usage::new().with_outages([Outage::new(
                t("2026-03-02T08:00:00Z"),
                t("2026-03-02T09:00:00Z")
            )])
        ),
        "usage.outages: invalid value `given`: expected nothing: the contract has no \
         availability agreement"
    );
    assert_eq!(
        compute(&contract, "2026-Q1", &Usage::new()),
        "Statement::compute: `2026-Q1` is not a calendar month such as `2026-03`"
    );
    let budget = desk(r#"{"hour_budget": {"monthly_hours": "8"}}"#).unwrap();
    assert_eq!(
        compute(
            &budget,
            "2026-03",
            &Usage::new().with_maintenance_minutes("2025-12", 60)
        ),
        "usage.maintenance_minutes.2025-12: invalid value `2025-12`: expected a month from \
         2026-01 on, the contract's start"
    );
    assert_eq!(
        compute(
            &budget,
            "2026-03",
            &Usage::new().with_maintenance_minutes("2026-Q1", 60)
        ),
        "usage.maintenance_minutes.2026-Q1: invalid value `2026-Q1`: expected a month written \
         `YYYY-MM`"
    );
    assert_eq!(
        compute(&budget, "2025-12", &Usage::new()),
        "Statement::compute: the hour budget starts with the contract in 2026-01; 2025-12 is \
         before it"
    );
    // Work in another month than the statement's.
    let cosys = seed("cosys", "logistics");
    let april = Usage::new()
        .with_fee_inputs(FeeInputs::new().with_quantity("extension_days", d("0")))
        .with_work([WorkInterval::new(
            t("2026-04-01T08:00:00Z"),
            t("2026-04-01T09:00:00Z"),
        )]);
    assert_eq!(
        compute(&cosys, "2026-03", &april),
        "usage.work[0].start: invalid value `2026-04-01T08:00:00Z`: expected an instant in \
         2026-03 (2026-02-28T23:00:00Z to 2026-03-31T22:00:00Z)"
    );
}
