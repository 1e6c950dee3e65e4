//! CIIT maintenance contract (seed 002): priority classes with response times, the contract
//! term, and the hour budget whose unused maintenance hours become development hours.
//!
//! Run: `cargo run --example ciit`

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use slacalc::money::HourBudget;
use slacalc::{evaluate, Contract, Event, EventKind, Incident};
use slacalc::{Catalog, ContractSpec, Metric};

#[derive(serde::Deserialize)]
struct Money {
    hour_budget: HourBudget,
}

fn t(s: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    s.parse()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
        "../fixtures/contracts/ciit.json"
    ))?);
    let customers: BTreeMap<String, ContractSpec> =
        serde_json::from_str(include_str!("../fixtures/contracts/ciit-customers.json"))?;
    let contract = Contract::new(catalog, customers["clinic"].clone())?;
    println!("{} — {}", contract.catalog().name(), contract.customer());

    let today: NaiveDate = "2026-11-23".parse()?;
    if let Some(term) = contract.term() {
        println!(
            "In force: {}; renews {:?}; last day to give notice {:?}\n",
            term.is_active(today),
            term.next_renewal(today),
            term.notice_deadline(today)
        );
        assert_eq!(term.next_renewal(today), Some("2027-04-01".parse()?));
    }

    // Friday 2026-11-27, 16:00 in Munich: one incident of each priority.
    let now = t("2026-11-27T15:30:00Z")?;
    let mut deadlines = Vec::new();
    for priority in ["p1", "p2", "p3", "p4"] {
        let incident = Incident::new(
            format!("CIIT-{priority}"),
            vec![Event::new(
                t("2026-11-27T15:00:00Z")?,
                EventKind::Reported {
                    severity: priority.into(),
                    channel: Some("ticket".into()),
                    contact: None,
                },
            )],
        )?;
        let report = evaluate(&contract, &incident, now)?;
        print!("{report}");
        deadlines.push(report.metric(Metric::Reaction).and_then(|m| m.deadline));
    }
    assert_eq!(
        deadlines,
        vec![
            Some(t("2026-11-30T08:00:00Z")?), // 2 office hours: Monday 09:00
            Some(t("2026-11-30T10:00:00Z")?), // 4 office hours: Monday 11:00
            Some(t("2026-11-30T16:00:00Z")?), // end of the next business day: Monday 17:00
            Some(t("2026-12-04T15:00:00Z")?), // 5 business days later at 16:00
        ]
    );

    let money: Money = serde_json::from_str(include_str!("../fixtures/contracts/ciit-money.json"))?;
    // Minutes of maintenance worked per month over half a year.
    let worked = [600, 300, 1500, 0, 240, 900];
    let ledger = money.hour_budget.ledger(&worked)?;
    println!("\nHour budget over six months:\n{ledger}");
    Ok(())
}
