//! Kosmos third-party application maintenance (seed 001): a blocking incident that moves from
//! the customer's N1 to Kosmos's N2 and N3, with its guaranteed intervention and recovery
//! times in French working hours, and what the door says about channels.
//!
//! Run: `cargo run --example kosmos`

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use slacalc::contract::{IntakeDecision, IntakeRequest, Refusal};
use slacalc::{evaluate, Contract, Event, EventKind, Incident, MetricState};
use slacalc::{Catalog, ContractSpec, Metric};

fn t(s: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    s.parse()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
        "../fixtures/contracts/kosmos.json"
    ))?);
    let customers: BTreeMap<String, ContractSpec> =
        serde_json::from_str(include_str!("../fixtures/contracts/kosmos-customers.json"))?;
    let contract = Contract::new(catalog, customers["academie"].clone())?;
    println!("{} — {}\n", contract.catalog().name(), contract.customer());

    // The door: a minor anomaly by phone is refused (the phone is for blocking incidents),
    // a blocking one by phone at 20:00 Paris is refused too (the phone is staffed 09:00-17:30),
    // and so is a blocking one phoned in at 11:00 Paris as a new report: the phone is for
    // blocking incidents "previously reported on the reporting platform".
    let mut refusals = Vec::new();
    for (at, severity, channel) in [
        ("2026-11-24T09:00:00Z", "minor", "phone"),
        ("2026-11-24T19:00:00Z", "blocking", "phone"),
        ("2026-11-24T10:00:00Z", "blocking", "phone"),
        ("2026-11-24T19:00:00Z", "blocking", "platform"),
    ] {
        let request = IntakeRequest {
            at: t(at)?,
            severity,
            channel,
            contact: None,
            version: None,
            opened: &[],
            incident: None,
        };
        match contract.check_intake(&request)? {
            IntakeDecision::Accepted(_) => {
                println!("{at} {severity:<8} via {channel:<8}: accepted")
            }
            IntakeDecision::Refused(refusal) => {
                println!("{at} {severity:<8} via {channel:<8}: refused — {refusal}");
                refusals.push(refusal);
            }
        }
    }

    // Tuesday 2026-11-24, 10:00 Paris: reported on the platform, taken by N2 at 11:00, who
    // answers at 11:30 and hands the anomaly to N3 at 14:00; N3 restores service Wednesday.
    let incident = Incident::new(
        "TMA-88",
        vec![
            Event::new(
                t("2026-11-24T09:00:00Z")?,
                EventKind::Reported {
                    severity: "blocking".into(),
                    channel: Some("platform".into()),
                    contact: Some("n1@academie.example".into()),
                },
            ),
            Event::new(
                t("2026-11-24T10:00:00Z")?,
                EventKind::LevelChanged { level: "n2".into() },
            ),
            Event::new(t("2026-11-24T10:30:00Z")?, EventKind::Responded),
            Event::new(
                t("2026-11-24T13:00:00Z")?,
                EventKind::LevelChanged { level: "n3".into() },
            ),
            Event::new(t("2026-11-25T14:00:00Z")?, EventKind::WorkaroundProvided),
        ],
    )?;
    // Once the incident is on the platform, N2 can be phoned about it during Kosmos hours.
    let call = IntakeRequest {
        at: t("2026-11-24T09:45:00Z")?,
        severity: "blocking",
        channel: "phone",
        contact: Some("n1@academie.example"),
        version: None,
        opened: &[],
        incident: Some(&incident),
    };
    let call_answer = contract.check_intake(&call)?;
    match &call_answer {
        IntakeDecision::Accepted(_) => {
            println!("\n2026-11-24T09:45:00Z phone call about TMA-88: accepted")
        }
        IntakeDecision::Refused(refusal) => {
            println!("\n2026-11-24T09:45:00Z phone call about TMA-88: refused — {refusal}")
        }
    }
    let now = t("2026-11-25T16:00:00Z")?;
    let report = evaluate(&contract, &incident, now)?;
    println!("\n{report}");
    println!("Support levels:");
    let spans = contract.level_spans(&incident, now)?;
    for span in &spans {
        println!("  {span}");
    }
    let reaction = report.metric(Metric::Reaction).ok_or("no reaction")?;
    let workaround = report.metric(Metric::Workaround).ok_or("no workaround")?;
    assert_eq!(reaction.state, MetricState::Met);
    // 24 working hours of 09:00-17:30: Tuesday 7.5 h, Wednesday 8.5 h, Thursday 8 h.
    assert_eq!(workaround.deadline, Some(t("2026-11-26T16:00:00Z")?));
    assert_eq!(workaround.state, MetricState::Met);
    assert_eq!(spans.len(), 3);
    assert!(call_answer.accepted().is_some());
    assert!(matches!(
        refusals.as_slice(),
        [
            Refusal::ChannelNotAllowed { .. },
            Refusal::ChannelClosed { .. },
            Refusal::EarlierReportRequired {
                reported_at: None,
                ..
            },
        ]
    ));
    assert_eq!(spans[1].held, TimeDelta::hours(3));
    Ok(())
}
