//! Cumulocity Enterprise Active Maintenance and Support (seed 003) for a customer in Germany
//! (EMEA region, German public holidays): a Crisis on the night daylight saving time starts,
//! and Critical incidents reported on a Friday afternoon and on a Saturday; then the
//! Management Assistance Process (escalation ladder) of a Crisis, halted while the customer
//! tests a proposed solution, and of a Critical incident over Christmas.
//!
//! Run: `cargo run --example cumulocity`

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use slacalc::{
    evaluate, next_wake_up, Contract, Event, EventKind, Incident, MetricState, StepState,
};
use slacalc::{Catalog, ContractSpec, Metric};

fn t(s: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    s.parse()
}

fn reported(at: &str, severity: &str, channel: &str) -> Result<Event, chrono::ParseError> {
    Ok(Event::new(
        t(at)?,
        EventKind::Reported {
            severity: severity.into(),
            channel: Some(channel.into()),
            contact: Some("atc@muster-maschinenbau.example".into()),
        },
    ))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
        "../fixtures/contracts/cumulocity.json"
    ))?);
    let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(include_str!(
        "../fixtures/contracts/cumulocity-customers.json"
    ))?;
    let contract = Contract::new(catalog, customers["emea-de"].clone())?;
    println!("{} — {}\n", contract.catalog().name(), contract.customer());

    // Saturday 2026-03-28, 23:50 in Berlin: production down, reported by phone. Clocks go
    // forward an hour that night; the 24x7 targets count real time.
    let crisis = Incident::new(
        "C8Y-1001",
        vec![
            reported("2026-03-28T22:50:00Z", "crisis", "phone")?,
            Event::new(t("2026-03-28T23:05:00Z")?, EventKind::Responded),
            Event::new(
                t("2026-03-29T01:30:00Z")?,
                EventKind::ResolutionPlanProvided,
            ),
        ],
    )?;
    let report = evaluate(&contract, &crisis, t("2026-03-29T03:00:00Z")?)?;
    println!("{report}");
    let reaction = report
        .metric(Metric::Reaction)
        .ok_or("no reaction metric")?;
    let plan = report
        .metric(Metric::ResolutionPlan)
        .ok_or("no plan metric")?;
    assert_eq!(reaction.deadline, Some(t("2026-03-28T23:20:00Z")?));
    assert_eq!(plan.deadline, Some(t("2026-03-29T02:50:00Z")?));
    assert_eq!(
        (reaction.state, plan.state),
        (MetricState::Met, MetricState::Met)
    );

    // Friday 2026-12-18, 16:30 in Berlin: a Critical incident on the portal. 2 hours, 24x7.
    let friday = Incident::new(
        "C8Y-1002",
        vec![reported("2026-12-18T15:30:00Z", "critical", "portal")?],
    )?;
    let report = evaluate(&contract, &friday, t("2026-12-18T16:00:00Z")?)?;
    println!("{report}");
    assert_eq!(
        report.metric(Metric::Reaction).and_then(|m| m.deadline),
        Some(t("2026-12-18T17:30:00Z")?)
    );

    // Saturday 2026-12-19: reported on the portal at 11:00 Berlin, followed up by phone at
    // 15:00. On a non-business day the reaction time runs from the phone contact.
    let mut events = vec![reported("2026-12-19T10:00:00Z", "critical", "portal")?];
    let before_call = Incident::new("C8Y-1003", events.clone())?;
    let report = evaluate(&contract, &before_call, t("2026-12-19T12:00:00Z")?)?;
    println!("{report}");
    assert_eq!(
        report.metric(Metric::Reaction).map(|m| m.state),
        Some(MetricState::NotStarted)
    );
    events.push(Event::new(
        t("2026-12-19T14:00:00Z")?,
        EventKind::ContactEstablished,
    ));
    let after_call = Incident::new("C8Y-1003", events)?;
    let report = evaluate(&contract, &after_call, t("2026-12-19T15:00:00Z")?)?;
    println!("{report}");
    assert_eq!(
        report.metric(Metric::Reaction).and_then(|m| m.deadline),
        Some(t("2026-12-19T16:00:00Z")?)
    );

    // The Crisis of the night of 28 March, still open: a solution proposed on Sunday evening
    // is tested for 24 hours and rejected. The process halts meanwhile and every step moves a
    // day later.
    let tested = Incident::new(
        "C8Y-1004",
        vec![
            reported("2026-03-28T22:50:00Z", "crisis", "phone")?,
            Event::new(t("2026-03-28T23:05:00Z")?, EventKind::Responded),
            Event::new(
                t("2026-03-29T01:30:00Z")?,
                EventKind::ResolutionPlanProvided,
            ),
            Event::new(t("2026-03-29T18:50:00Z")?, EventKind::SolutionProposed),
            Event::new(t("2026-03-30T18:50:00Z")?, EventKind::SolutionRejected),
        ],
    )?;
    let halted = evaluate(&contract, &tested, t("2026-03-30T12:00:00Z")?)?;
    println!("{halted}");
    let first = halted.steps.first().ok_or("no ladder")?;
    assert_eq!((first.state, first.due), (StepState::Halted, None));
    let now = t("2026-03-30T20:00:00Z")?;
    let report = evaluate(&contract, &tested, now)?;
    println!("{report}");
    let due: Vec<_> = report.steps.iter().map(|s| s.due).collect();
    assert_eq!(
        due,
        vec![
            Some(t("2026-03-30T22:50:00Z")?),
            Some(t("2026-03-31T22:50:00Z")?),
            Some(t("2026-04-01T22:50:00Z")?),
            Some(t("2026-04-03T22:50:00Z")?),
        ]
    );
    let wake = next_wake_up(&contract, &tested, now)?;
    println!("next wake-up: {wake:?}\n");
    assert_eq!(wake, Some(t("2026-03-30T22:50:00Z")?));

    // The Critical incident of Friday 18 December: 5, 7, 9 and 11 Business Days at 16:30
    // Berlin, skipping the weekends, Christmas and New Year.
    let report = evaluate(&contract, &friday, t("2026-12-29T12:00:00Z")?)?;
    println!("{report}");
    let ladder: Vec<_> = report.steps.iter().map(|s| (s.state, s.due)).collect();
    assert_eq!(
        ladder,
        vec![
            (StepState::Fired, Some(t("2026-12-28T15:30:00Z")?)),
            (StepState::Pending, Some(t("2026-12-30T15:30:00Z")?)),
            (StepState::Pending, Some(t("2027-01-04T15:30:00Z")?)),
            (StepState::Pending, Some(t("2027-01-06T15:30:00Z")?)),
        ]
    );

    // The same Critical promise raised by the Penang contact (APJ: 8-5 in Kuala Lumpur, with
    // the customer's German holidays): a Wednesday-afternoon report escalates five Kuala
    // Lumpur business days later at 15:00 there, and its ladder and wake-up count there too.
    let penang = Incident::new(
        "C8Y-1005",
        vec![Event::new(
            t("2026-12-16T07:00:00Z")?,
            EventKind::Reported {
                severity: "critical".into(),
                channel: Some("phone".into()),
                contact: Some("atc-penang@muster-maschinenbau.example".into()),
            },
        )],
    )?;
    let now = t("2026-12-16T08:00:00Z")?;
    let report = evaluate(&contract, &penang, now)?;
    println!("{report}");
    let first = report.steps.first().ok_or("no ladder")?;
    assert_eq!(first.due, Some(t("2026-12-23T07:00:00Z")?));
    // The reaction (2 h on 24x7) is the next change.
    assert_eq!(
        next_wake_up(&contract, &penang, now)?,
        Some(t("2026-12-16T09:00:00.000000001Z")?)
    );
    Ok(())
}
