//! Comarch Cloud Infraspace support (seed 004): the same incidents on the Basic, Advanced and
//! Premium plans, and what each plan costs per month.
//!
//! Run: `cargo run --example comarch`

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use slacalc::money::{FeeInputs, FeeSchedule};
use slacalc::Money;
use slacalc::{evaluate, Contract, Event, EventKind, Incident, MetricState};
use slacalc::{Catalog, ContractSpec, Metric};

#[derive(serde::Deserialize)]
struct Fees {
    plans: BTreeMap<String, FeeSchedule>,
}

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

    // Monthly support price by CCI usage fee.
    let fees: Fees = serde_json::from_str(include_str!("../fixtures/fees/comarch.json"))?;
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
            Ok(fees.plans[plan].invoice(&inputs)?.total.amount)
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

    let invoice = fees.plans["advanced"]
        .invoice(&FeeInputs::new().with_amount("usage", "15000.00 EUR".parse::<Money>()?))?;
    println!("\nAdvanced at 15,000 EUR usage, explained:\n{invoice}");
    Ok(())
}
