//! COSYS cloud operation (seed 000): an error-class-1 incident escalated from the customer's
//! first and second level to COSYS's third level, with response and recovery times in the
//! agreed service hours and the contract's term; then, for March 2026, availability during
//! service times against the 99 % target, the service credit it earns, a day of service-hour
//! extension, a time-and-materials invoice for work on a third-party fault, and the month's
//! statement that puts them together.
//!
//! The contract's numbers (service hours, rates, credits) are the example values of the
//! customer's `billing` in `fixtures/contracts/cosys-customers.json`; its `about` field says
//! which come from the seed.
//!
//! Run with `cargo run --example cosys`.

use std::error::Error;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::Decimal;
use slacalc::availability::{MaintenanceWindow, Outage};
use slacalc::money::{CreditInputs, FeeInputs, RoundingMode, WorkInterval};
use slacalc::statement::{StatementItem, Usage};
use slacalc::{Catalog, Contract, ContractSpec, Money, Statement, TargetOutcome};

fn t(s: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    s.parse()
}

/// The customer's contract, money terms included.
fn contract() -> Result<Contract, Box<dyn Error>> {
    let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
        "../fixtures/contracts/cosys.json"
    ))?);
    let customers: BTreeMap<String, ContractSpec> =
        serde_json::from_str(include_str!("../fixtures/contracts/cosys-customers.json"))?;
    Ok(Contract::new(catalog, customers["logistics"].clone())?)
}

/// The incident side: error classes, service hours, support levels, the term.
fn incident() -> Result<(), Box<dyn Error>> {
    use slacalc::Metric;
    use slacalc::{evaluate, Event, EventKind, Incident, MetricState};

    let contract = contract()?;
    println!("{} — {}", contract.catalog().name(), contract.customer());
    // Thursday 2026-11-26, 17:00 Berlin: the customer's first level gets a serious defect
    // (class 2), its second level takes it at 17:10 and hands it to COSYS at 17:20. COSYS
    // answers at 17:40, waits for log files from 17:45 until Friday 09:00, and restores service
    // at 11:30.
    let events = vec![
        Event::new(
            t("2026-11-26T16:00:00Z")?,
            EventKind::Reported {
                severity: "2".into(),
                channel: Some("phone".into()),
                contact: None,
            },
        ),
        Event::new(
            t("2026-11-26T16:10:00Z")?,
            EventKind::LevelChanged { level: "n2".into() },
        ),
        Event::new(
            t("2026-11-26T16:20:00Z")?,
            EventKind::LevelChanged { level: "n3".into() },
        ),
        Event::new(t("2026-11-26T16:40:00Z")?, EventKind::Responded),
        Event::new(t("2026-11-26T16:45:00Z")?, EventKind::AwaitingCustomer),
        Event::new(t("2026-11-27T08:00:00Z")?, EventKind::CustomerReplied),
        Event::new(t("2026-11-27T10:30:00Z")?, EventKind::WorkaroundProvided),
    ];
    let incident = Incident::new("COSYS-7", events)?;
    let now = t("2026-11-27T12:00:00Z")?;
    let report = evaluate(&contract, &incident, now)?;
    print!("{report}");
    for span in contract.level_spans(&incident, now)? {
        println!("  level {span}");
    }
    let workaround = report
        .metric(Metric::Workaround)
        .ok_or("no workaround metric")?;
    // COSYS's clocks start at the hand-over to its third level (17:20): 17:20-17:45 Thursday
    // (25 min), then, after waiting for the customer, 09:00-11:30 Friday (2 h 30 min).
    assert_eq!(workaround.elapsed, TimeDelta::minutes(175));
    assert_eq!(workaround.pauses.len(), 1);
    let reaction = report
        .metric(Metric::Reaction)
        .ok_or("no reaction metric")?;
    assert_eq!(
        (reaction.state, reaction.elapsed),
        (MetricState::Met, TimeDelta::minutes(20))
    );
    assert_eq!(workaround.state, MetricState::Met);

    // A fatal error (class 1) is worked without interruption: the same wait counts.
    let mut fatal = incident.events().to_vec();
    fatal[0].kind = EventKind::Reported {
        severity: "1".into(),
        channel: Some("phone".into()),
        contact: None,
    };
    let fatal = evaluate(&contract, &Incident::new("COSYS-8", fatal)?, now)?;
    let workaround = fatal.metric(Metric::Workaround).ok_or("no workaround")?;
    // 17:20-18:00 Thursday and 08:00-11:30 Friday: 4 h 10 min against 4 h.
    assert_eq!(
        (workaround.state, workaround.elapsed),
        (MetricState::Breached, TimeDelta::minutes(250))
    );

    // A defect that the customer's second level resolves itself: COSYS never had to act,
    // so its response and recovery times are not applicable (and left out of compliance).
    let handled = Incident::new(
        "COSYS-9",
        vec![
            incident.events()[0].clone(),
            incident.events()[1].clone(),
            Event::new(t("2026-11-26T16:50:00Z")?, EventKind::Resolved),
            Event::new(t("2026-11-26T17:00:00Z")?, EventKind::Closed),
        ],
    )?;
    let handled = evaluate(&contract, &handled, now)?;
    print!("{handled}");
    assert!(handled
        .metrics
        .iter()
        .all(|m| m.state == MetricState::NotApplicable));
    if let Some(term) = contract.term() {
        let today = "2026-11-23".parse()?;
        println!(
            "term: renews {:?}, notice by {:?}\n",
            term.next_renewal(today),
            term.notice_deadline(today)
        );
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    incident()?;
    let contract = contract()?;
    let billing = contract.billing();
    let availability = billing.availability().ok_or("no availability agreement")?;
    let credits = billing.credits().ok_or("no credit policy")?;
    let monthly_fee = billing
        .fee()
        .ok_or("no fee")?
        .invoice(&FeeInputs::new())?
        .total;
    let service_extension = billing
        .extras()
        .get("service_extension")
        .ok_or("no extension")?;
    let third_party = billing.time_and_materials().ok_or("no rates")?;

    // March 2026 in Berlin: 00:00 CET on the 1st to 00:00 CEST on April 1st (DST began on
    // the 29th; service hours follow the wall clock, so nothing changes for them).
    let from = t("2026-02-28T23:00:00Z")?;
    let to = t("2026-03-31T22:00:00Z")?;

    // This month's one-off maintenance window, agreed with the customer: Thursday 19 March,
    // 14:00-16:00 in Berlin. The agreement's recurring Wednesday window stays.
    let window = MaintenanceWindow::new(t("2026-03-19T13:00:00Z")?, t("2026-03-19T15:00:00Z")?)?;
    let agreement = availability.with_windows([window]);

    let outages = [
        // Tuesday 10 March, 09:00-11:30 Berlin: the database server fails.
        Outage::new(t("2026-03-10T08:00:00Z")?, t("2026-03-10T10:30:00Z")?),
        // 10:45-12:15 the same day: the load balancer, reported separately; it overlaps the
        // first, so the two merge into 09:00-12:15 (3 h 15 min).
        Outage::new(t("2026-03-10T09:45:00Z")?, t("2026-03-10T11:15:00Z")?),
        // Wednesday 25 March, 16:30-19:00 Berlin: only 16:30-17:00 counts; 17:00-18:00 is the
        // recurring maintenance window and 18:00-19:00 lies outside service hours.
        Outage::new(t("2026-03-25T15:30:00Z")?, t("2026-03-25T18:00:00Z")?),
    ];

    let month = agreement.credit(from, to, &outages, credits, CreditInputs::new(monthly_fee))?;
    println!("COSYS, March 2026\n");
    println!("{month}");

    // 22 weekdays × 10 h = 220 h of service hours; maintenance: 4 Wednesdays × 1 h + 2 h = 6 h.
    assert_eq!(month.availability.maintenance_time, TimeDelta::hours(6));
    assert_eq!(month.availability.service_time, TimeDelta::hours(214));
    // 3 h 15 min + 30 min.
    assert_eq!(month.availability.downtime, TimeDelta::minutes(225));
    assert_eq!(month.availability.outages.len(), 2);
    // 100 × (214 h − 3.75 h) / 214 h = 21025 / 214 = 98.2476635514…
    assert_eq!(
        month.availability.achieved,
        "98.24766355140186915887850467".parse::<Decimal>()?
    );
    assert_eq!(
        month.availability.achieved_rounded(3, RoundingMode::HalfUp),
        "98.248".parse::<Decimal>()?
    );
    assert_eq!(month.availability.outcome, TargetOutcome::Missed);
    // Below 99 % but not below 98 %: 5 % of 2,500 EUR.
    assert_eq!(month.credit.total, "125.00 EUR".parse::<Money>()?);

    // The customer ordered one day of extended service hours.
    let extension = service_extension
        .invoice(&FeeInputs::new().with_quantity("extension_days", Decimal::ONE))?;
    println!("service-hour extension\n{extension}");
    assert_eq!(extension.total, "350.00 EUR".parse::<Money>()?);

    // Work on a fault in a third-party scanner driver, ordered by the customer.
    let work = [
        // Monday 16 March 16:10-19:00 Berlin: 1 h 50 min regular, 1 h outside (+50 %),
        // 2 h 50 min rounded up to 3 h: 229.17 + 187.50 + 20.83 = 437.50.
        WorkInterval::new(t("2026-03-16T15:10:00Z")?, t("2026-03-16T18:00:00Z")?),
        // Tuesday 17 March 08:00-17:30: 9.5 h × 125 = 1,187.50, capped at the day rate 950.
        WorkInterval::new(t("2026-03-17T07:00:00Z")?, t("2026-03-17T16:30:00Z")?),
        // Saturday 21 March 10:00-10:20: 20 min outside (62.50), rounded up to 30 (+20.83).
        WorkInterval::new(t("2026-03-21T09:00:00Z")?, t("2026-03-21T09:20:00Z")?),
        // Good Friday, 3 April 09:00-10:00 CEST: one hour at +100 % = 250.
        WorkInterval::new(t("2026-04-03T07:00:00Z")?, t("2026-04-03T08:00:00Z")?),
    ];
    let invoice = third_party.invoice(&work)?;
    println!("third-party work\n{invoice}");
    let sum = invoice
        .lines
        .iter()
        .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(l.amount))
        .ok_or("overflow")?;
    assert_eq!(sum, invoice.subtotal);
    assert_eq!(invoice.lines.len(), 8);
    // 437.50 + 950 + 83.333… + 250 = 1,720.833…
    assert_eq!(invoice.total, "1720.83 EUR".parse::<Money>()?);

    // March's statement from the contract alone: the fee, the extension day, March's
    // third-party work (Good Friday's hour belongs to April's statement), the availability
    // credit, no incidents.
    let usage = Usage::new()
        .with_fee_inputs(FeeInputs::new().with_quantity("extension_days", Decimal::ONE))
        .with_outages(outages)
        .with_maintenance_windows([window])
        .with_work(work.iter().take(3).copied());
    let statement = Statement::compute(&contract, "2026-03".parse()?, &[], &usage, to)?;
    println!("{statement}");
    assert_eq!((statement.from, statement.to), (from, to));
    let items: Vec<&StatementItem> = statement.charges.iter().map(|p| &p.item).collect();
    assert_eq!(
        items,
        [
            &StatementItem::Fee,
            &StatementItem::Extra {
                name: "service_extension".into()
            },
            &StatementItem::TimeAndMaterials
        ]
    );
    // The same availability and credit as above.
    assert_eq!(statement.availability.as_ref(), Some(&month.availability));
    let total = statement.total.ok_or("no amounts")?;
    // 2,500 + 350 + (437.50 + 950 + 83.333… = 1,470.83) = 4,320.83; minus 125.
    assert_eq!(total.charges, "4320.83 EUR".parse::<Money>()?);
    assert_eq!(total.credit, "125.00 EUR".parse::<Money>()?);
    assert_eq!(total.due, "4195.83 EUR".parse::<Money>()?);
    Ok(())
}
