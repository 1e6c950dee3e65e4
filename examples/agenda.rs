//! A day at a help desk in Berlin (seeds 003 and 004): incidents of three Cumulocity customers
//! (Enterprise in Germany and the US, Standard in Germany) and two Comarch customers (Premium
//! and Basic) arrive and gain events on Tuesday 10 March 2026, and one [`Agenda`] wakes the
//! service exactly when something changes — each breach, warning and escalation — instead of
//! a loop over every open incident. What happened is printed in Berlin time.
//!
//! The Comarch seed publishes no escalation ladder; this desk adds its own early warnings to
//! the Premium plan: the team lead at half of a reaction target, the duty manager at three
//! quarters.
//!
//! Run: `cargo run --example agenda`

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Europe::Berlin;
use rust_decimal::Decimal;
use slacalc::agenda::{Agenda, AgendaId, AgendaItem, Change};
use slacalc::contract::Trigger;
use slacalc::{Catalog, Contract, ContractSpec, Event, EventKind, Incident, Metric};

fn t(s: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    s.parse()
}

/// Berlin weekday and wall time, to the nanosecond where there is one (a breach is the first nanosecond
/// past a deadline).
fn local(at: DateTime<Utc>) -> String {
    at.with_timezone(&Berlin)
        .format("%a %H:%M:%S%.f %Z")
        .to_string()
}

/// What comes in at the desk.
enum Happening {
    /// A new incident: its id, the contract (customer key), the severity, the channel.
    Reported(&'static str, &'static str, &'static str, &'static str),
    /// An event on an open incident.
    Event(&'static str, EventKind),
}

fn contracts() -> Result<BTreeMap<&'static str, Arc<Contract>>, Box<dyn std::error::Error>> {
    let cumulocity: Arc<Catalog> = Arc::new(serde_json::from_str(include_str!(
        "../fixtures/contracts/cumulocity.json"
    ))?);
    let c8y: BTreeMap<String, ContractSpec> = serde_json::from_str(include_str!(
        "../fixtures/contracts/cumulocity-customers.json"
    ))?;
    // Comarch with the desk's own warnings on Premium, for every severity.
    let mut comarch: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/contracts/comarch.json"))?;
    for severity in ["1", "2", "3", "4"] {
        comarch["plans"]["premium"]["ladders"][severity] = serde_json::json!({"steps": [
            {"share": "50", "metric": "reaction", "notify": "Team lead"},
            {"share": "75", "metric": "reaction", "notify": "Duty manager"}
        ]});
    }
    let comarch: Arc<Catalog> = Arc::new(serde_json::from_value(comarch)?);
    let cci: BTreeMap<String, ContractSpec> =
        serde_json::from_str(include_str!("../fixtures/contracts/comarch-customers.json"))?;
    let mut out = BTreeMap::new();
    for (key, catalog, terms) in [
        ("emea-de", &cumulocity, &c8y),
        ("emea-de-standard", &cumulocity, &c8y),
        ("us", &cumulocity, &c8y),
        ("premium", &comarch, &cci),
        ("basic", &comarch, &cci),
    ] {
        let spec = terms.get(key).ok_or(key)?.clone();
        out.insert(key, Arc::new(Contract::new(catalog.clone(), spec)?));
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let contracts = contracts()?;
    let contract = |key: &str| contracts.get(key).cloned().ok_or(format!("no {key}"));

    // 08:00 in Berlin. Open since yesterday: a Crisis at Muster Maschinenbau, answered and
    // planned in time; its Management Assistance Process calls the Regional Director after one
    // day of wall time.
    let start = t("2026-03-10T07:00:00Z")?;
    let crisis: Incident = serde_json::from_str(
        r#"{"id": "C8Y-2001", "events": [
        {"at": "2026-03-09T09:00:00Z", "kind": "reported", "severity": "crisis", "channel": "phone"},
        {"at": "2026-03-09T09:10:00Z", "kind": "responded"},
        {"at": "2026-03-09T11:00:00Z", "kind": "resolution_plan_provided"}]}"#,
    )?;
    let mut agenda = Agenda::new(start);
    let mut open: BTreeMap<String, (AgendaId, &'static str, Incident)> = BTreeMap::new();
    let ids = agenda.insert_all([(contract("emea-de")?, crisis.clone())])?;
    open.insert("C8Y-2001".into(), (ids[0], "emea-de", crisis));

    let feed = [
        (
            "2026-03-10T07:30:00Z",
            Happening::Reported("CCI-3001", "premium", "2", "phone"),
        ),
        (
            "2026-03-10T08:00:00Z",
            Happening::Reported("CCI-3002", "basic", "3", "ticket"),
        ),
        (
            "2026-03-10T08:50:00Z",
            Happening::Event("CCI-3001", EventKind::Responded),
        ),
        (
            "2026-03-10T12:00:00Z",
            Happening::Reported("C8Y-2003", "emea-de-standard", "critical", "portal"),
        ),
        (
            "2026-03-10T13:00:00Z",
            Happening::Event("C8Y-2001", EventKind::SolutionProposed),
        ),
        (
            "2026-03-10T13:00:00Z",
            Happening::Event("CCI-3002", EventKind::Responded),
        ),
        (
            "2026-03-10T14:30:00Z",
            Happening::Event("C8Y-2003", EventKind::Responded),
        ),
        (
            "2026-03-10T15:00:00Z",
            Happening::Reported("C8Y-2002", "us", "critical", "phone"),
        ),
        (
            "2026-03-10T16:00:00Z",
            Happening::Reported("CCI-3003", "premium", "1", "phone"),
        ),
        (
            "2026-03-10T16:20:00Z",
            Happening::Event("CCI-3003", EventKind::Responded),
        ),
        (
            "2026-03-10T16:30:00Z",
            Happening::Event("C8Y-2002", EventKind::Responded),
        ),
    ];

    let mut woke: Vec<AgendaItem> = Vec::new();
    let mut wake_ups = 0;
    // The service sleeps until the agenda's next instant or the next happening, whichever
    // comes first.
    let mut wake_until = |agenda: &mut Agenda, until: DateTime<Utc>, woke: &mut Vec<AgendaItem>| {
        while agenda.next_instant().is_some_and(|next| next <= until) {
            let items = agenda.pop();
            wake_ups += 1;
            for item in &items {
                println!(
                    "{}  woke: {} ({}) — {}",
                    local(item.at),
                    item.incident,
                    item.customer,
                    item.change
                );
            }
            woke.extend(items);
        }
    };
    for (at, happening) in feed {
        let at = t(at)?;
        wake_until(&mut agenda, at, &mut woke);
        agenda.advance(at)?;
        match happening {
            Happening::Reported(id, key, severity, channel) => {
                let incident = Incident::new(
                    id,
                    vec![Event::new(
                        at,
                        EventKind::Reported {
                            severity: severity.into(),
                            channel: Some(channel.into()),
                            contact: None,
                        },
                    )],
                )?;
                let c = contract(key)?;
                println!(
                    "{}  {id} reported ({}, severity {severity}, {channel})",
                    local(at),
                    c.customer()
                );
                let entry = agenda.insert(c, incident.clone())?;
                open.insert(id.into(), (entry, key, incident));
            }
            Happening::Event(id, kind) => {
                let (entry, key, incident) = open.get_mut(id).ok_or(id)?;
                println!("{}  {id}: {}", local(at), kind.name());
                incident.push(Event::new(at, kind))?;
                agenda.update(*entry, contract(key)?, incident.clone())?;
            }
        }
    }
    let midnight = t("2026-03-10T23:00:00Z")?;
    wake_until(&mut agenda, midnight, &mut woke);
    agenda.advance(midnight)?;

    // Tomorrow's first 24 hours, as the night shift sees them.
    println!(
        "\nDue tomorrow (before {}):",
        local(midnight + TimeDelta::hours(24))
    );
    let tomorrow: Vec<AgendaItem> = agenda
        .due_before(midnight + TimeDelta::hours(24))
        .into_iter()
        .cloned()
        .collect();
    for item in &tomorrow {
        println!(
            "  {}  {} ({}) — {}",
            local(item.at),
            item.incident,
            item.customer,
            item.change
        );
    }

    // Hand-checked.
    let ns = TimeDelta::nanoseconds(1);
    let warning = |step: usize, notify: &str, percent: i64| Change::Warning {
        step,
        notify: notify.into(),
        metric: Metric::Reaction,
        percent: Decimal::from(percent),
    };
    let breach = Change::Breach {
        metric: Metric::Reaction,
    };
    let got: Vec<(DateTime<Utc>, &str, &Change)> = woke
        .iter()
        .map(|i| (i.at, &*i.incident, &i.change))
        .collect();
    let director = Change::Escalation {
        step: 0,
        notify: "Regional Director Support".into(),
        trigger: Trigger::After {
            duration: TimeDelta::days(1),
            calendar: "24x7".into(),
        },
    };
    assert_eq!(
        got,
        [
            // Premium severity 2: a 1-hour reaction from 08:30 Berlin; half at 09:00, three
            // quarters at 09:15, breached the first nanosecond after 09:30 (answered 09:50).
            (
                t("2026-03-10T08:00:00Z")?,
                "CCI-3001",
                &warning(0, "Team lead", 50)
            ),
            (
                t("2026-03-10T08:15:00Z")?,
                "CCI-3001",
                &warning(1, "Duty manager", 75)
            ),
            (t("2026-03-10T08:30:00Z")? + ns, "CCI-3001", &breach),
            // The Crisis reported Monday 10:00 Berlin: one day of wall time later.
            (t("2026-03-10T09:00:00Z")?, "C8Y-2001", &director),
            // Standard plan, Critical on a business day: 2 hours of 24x7 from 13:00 Berlin,
            // answered only at 15:30.
            (t("2026-03-10T14:00:00Z")? + ns, "C8Y-2003", &breach),
            // Premium severity 1 at 17:00 Berlin: 30 minutes; half at 17:15, answered 17:20,
            // so neither the duty manager nor a breach follows.
            (
                t("2026-03-10T16:15:00Z")?,
                "CCI-3003",
                &warning(0, "Team lead", 50)
            ),
        ]
    );
    assert_eq!(wake_ups, 6);
    // The Crisis ladder is halted while the customer tests the solution (its day-2 step is no
    // longer scheduled); Comarch Basic's 12 business hours were answered at 14:00 Berlin;
    // the US Critical (09:00 in Denver, MDT) was answered at 10:30 Denver, its daily update
    // due 24 hours after the report.
    let got: Vec<(DateTime<Utc>, &str, &Change)> = tomorrow
        .iter()
        .map(|i| (i.at, &*i.incident, &i.change))
        .collect();
    assert_eq!(
        got,
        [(
            t("2026-03-11T15:00:00Z")? + ns,
            "C8Y-2002",
            &Change::Breach {
                metric: Metric::Update
            }
        )]
    );
    assert_eq!(agenda.len(), 6);
    Ok(())
}
