//! CIIT maintenance contract (seed 002): priority classes with response times, the contract
//! term, and the hour budget whose unused maintenance hours become development hours, in the
//! ledger and in a month's statement.
//!
//! Run: `cargo run --example ciit`

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use slacalc::statement::Usage;
use slacalc::{evaluate, Contract, Event, EventKind, Incident};
use slacalc::{Catalog, ContractSpec, Metric, Statement};

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

    // The contract's hour budget: 16 hours a month from the start (April 2025), carried over
    // for 3 months, then converted one to one into development hours.
    let budget = contract.billing().hour_budget().ok_or("no hour budget")?;
    // Minutes of maintenance worked per month over half a year, then nothing in October.
    let worked = [600, 300, 1500, 0, 240, 900, 0];
    let ledger = budget.ledger(&worked)?;
    println!("\nHour budget over seven months:\n{ledger}");

    // October 2025's statement reads the same figures from the month's usage.
    let months = [
        "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09",
    ];
    let usage = months
        .iter()
        .zip(worked)
        .fold(Usage::new(), |u, (m, w)| u.with_maintenance_minutes(*m, w));
    let statement = Statement::compute(
        &contract,
        "2025-10".parse()?,
        &[],
        &usage,
        t("2025-11-01T00:00:00Z")?,
    )?;
    println!("{statement}");
    let october = statement.hour_budget.as_ref().ok_or("no hour budget")?;
    assert_eq!(Some(october), ledger.months.last());
    // April's 960 minutes: 600 used in April, 300 in May, 60 in June. May's 960 went in June,
    // June's 960: 480 in June, 240 in August, 240 in September; July's 960: 660 in September.
    // At the end of October, July's 300 left are 3 months old: they expire and become 300
    // development minutes; August, September and October's grants (2,880 minutes) remain.
    assert_eq!((october.expired, october.available_after), (300, 2880));
    assert_eq!(october.converted_development_minutes, 300.into());
    // CIIT's seed names no prices: the statement has no amounts.
    assert!(statement.total.is_none());
    Ok(())
}
