//! Comarch Cloud Infraspace support (seed 004): the same incidents on the Basic, Advanced and
//! Premium plans, what each plan costs per month, and November's statement for the Advanced
//! customer.
//!
//! Run: `cargo run --example comarch`

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use slacalc::money::FeeInputs;
use slacalc::statement::Usage;
use slacalc::{evaluate, Contract, Event, EventKind, Incident, MetricState};
use slacalc::{Catalog, ContractSpec, Metric};
use slacalc::{Money, Statement};

fn t(s: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    s.parse()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
        "../fixtures/contracts/comarch.json"
    ))?);
    let customers: BTreeMap<String, ContractSpec> =
        serde_json::from_str(include_str!("../fixtures/contracts/comarch-customers.json"))?;

    // Friday 2026-11-27, 17:00 in Berlin: a general question (severity 4), and Saturday
    // 03:00 in Berlin: a business-critical outage (severity 1) answered after 20 minutes.
    let question = Incident::new(
        "CCI-4711",
        vec![Event::new(
            t("2026-11-27T16:00:00Z")?,
            EventKind::Reported {
                severity: "4".into(),
                channel: Some("ticket".into()),
                contact: Some("it-ops@example.com".into()),
            },
        )],
    )?;
    let outage = Incident::new(
        "CCI-4712",
        vec![
            Event::new(
                t("2026-11-28T02:00:00Z")?,
                EventKind::Reported {
                    severity: "1".into(),
                    channel: Some("phone".into()),
                    contact: None,
                },
            ),
            Event::new(t("2026-11-28T02:20:00Z")?, EventKind::Responded),
        ],
    )?;
    let now = t("2026-11-28T09:00:00Z")?;

    let mut deadlines = BTreeMap::new();
    for plan in ["basic", "advanced", "premium"] {
        let contract = Contract::new(catalog.clone(), customers[plan].clone())?;
        println!("== {} ({})", contract.plan().name(), contract.customer());
        for incident in [&question, &outage] {
            let report = evaluate(&contract, incident, now)?;
            print!("{report}");
            let reaction = report
                .metric(Metric::Reaction)
                .map(|m| (m.state, m.deadline));
            deadlines.insert((plan, incident.id().to_owned()), reaction);
        }
        println!();
    }
    // The outcomes the seed promises.
    assert_eq!(
        deadlines[&("basic", "CCI-4711".to_owned())],
        Some((MetricState::Running, Some(t("2026-12-03T16:00:00Z")?)))
    );
    assert_eq!(
        deadlines[&("premium", "CCI-4711".to_owned())],
        Some((MetricState::Running, Some(t("2026-11-28T16:00:00Z")?)))
    );
    assert_eq!(
        deadlines[&("basic", "CCI-4712".to_owned())],
        Some((MetricState::NotCovered, None))
    );
    assert_eq!(
        deadlines[&("premium", "CCI-4712".to_owned())],
        Some((MetricState::Met, Some(t("2026-11-28T02:30:00Z")?)))
    );

    // Monthly support price by CCI usage fee: each plan's `fee` in the catalog.
    let fee = |plan: &str| catalog.plan(plan).and_then(|p| p.fee()).ok_or("no price");
    println!("Monthly support price by monthly CCI usage fee (EUR)");
    println!(
        "{:>12} {:>12} {:>12} {:>12}",
        "usage", "basic", "advanced", "premium"
    );
    let mut advanced = Vec::new();
    for usage in ["3000", "8500", "15000", "40000"] {
        let inputs =
            FeeInputs::new().with_amount("usage", format!("{usage}.00 EUR").parse::<Money>()?);
        let price = |plan: &str| -> Result<Decimal, Box<dyn std::error::Error>> {
            Ok(fee(plan)?.invoice(&inputs)?.total.amount)
        };
        println!(
            "{:>12} {:>12} {:>12} {:>12}",
            usage,
            price("basic")?,
            price("advanced")?,
            price("premium")?
        );
        advanced.push(price("advanced")?);
    }
    // Advanced: 1,500 plus 19 % of 5,000-7,000, 14 % of 7,000-10,000, 11 % of 10,000-20,000,
    // 8 % above 20,000 (graduated; see the fixture's `about` for how the seed was read).
    let expected: Vec<Decimal> = ["1500", "2090", "2850", "5000"]
        .iter()
        .map(|s| s.parse())
        .collect::<Result<_, _>>()?;
    assert_eq!(advanced, expected);

    let usage = FeeInputs::new().with_amount("usage", "15000.00 EUR".parse::<Money>()?);
    let invoice = fee("advanced")?.invoice(&usage)?;
    println!("\nAdvanced at 15,000 EUR usage, explained:\n{invoice}");

    // November's statement for the Advanced customer, at 15,000 EUR of CCI usage: the plan's
    // price, and the question that nobody answered within Advanced's 24 clock hours.
    let advanced = Contract::new(catalog.clone(), customers["advanced"].clone())?;
    let statement = Statement::compute(
        &advanced,
        "2026-11".parse()?,
        &[question, outage],
        &Usage::new().with_fee_inputs(usage),
        t("2026-12-01T00:00:00Z")?,
    )?;
    println!("\n{statement}");
    // 1,500 + 19 % × 2,000 + 14 % × 3,000 + 11 % × 5,000 = 2,850; Comarch grants no credits.
    let total = statement.total.ok_or("no amounts")?;
    assert_eq!(total.due, "2850.00 EUR".parse::<Money>()?);
    assert!(statement.credit.is_none());
    // Reported Friday 17:00 Berlin, due 24 hours later: breached Saturday 17:00 Berlin.
    assert_eq!(statement.breaches.len(), 1);
    assert_eq!(statement.breaches[0].incident, "CCI-4711");
    assert_eq!(
        statement.breaches[0].breached_at,
        t("2026-11-28T16:00:00Z")?
    );
    // Advanced has no case quota (unlimited cases).
    assert!(statement.quota.is_none());
    Ok(())
}
