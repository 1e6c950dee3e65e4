//! The agenda on the seed contracts: hand-derived instants of breaches, warnings and
//! escalations across many incidents, incremental updates, and events recorded for later.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use slacalc::agenda::{Agenda, AgendaItem, Change};
use slacalc::contract::Trigger;
use slacalc::{
    next_wake_up, Catalog, Contract, ContractSpec, EventKind, EventTag, Incident, Metric,
};

use crate::util::{ev, fixture, t};

fn contract(vendor: &str, customer: &str) -> Arc<Contract> {
    let catalog: Arc<Catalog> = Arc::new(
        serde_json::from_str(match vendor {
            "cumulocity" => fixture!("contracts/cumulocity.json"),
            _ => fixture!("contracts/comarch.json"),
        })
        .unwrap(),
    );
    let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(match vendor {
        "cumulocity" => fixture!("contracts/cumulocity-customers.json"),
        _ => fixture!("contracts/comarch-customers.json"),
    })
    .unwrap();
    Arc::new(Contract::new(catalog, customers[customer].clone()).unwrap())
}

fn reported(id: &str, at: &str, severity: &str) -> Incident {
    Incident::new(
        id,
        vec![ev(
            at,
            EventKind::Reported {
                severity: severity.into(),
                channel: Some("phone".into()),
                contact: None,
            },
        )],
    )
    .unwrap()
}

fn summary(items: &[&AgendaItem]) -> Vec<(DateTime<Utc>, String, String)> {
    items
        .iter()
        .map(|i| (i.at, i.incident.to_string(), i.change.to_string()))
        .collect()
}

fn ns() -> TimeDelta {
    TimeDelta::nanoseconds(1)
}

#[test]
fn a_business_hours_breach_is_due_when_the_calendar_opens_after_the_deadline() {
    // Comarch Basic, severity 4: 36 business hours of Mon–Fri 09:00–18:00 Berlin. Reported
    // Monday 2026-03-09 09:00 Berlin (08:00Z): four full days, so the deadline is Thursday
    // 18:00 Berlin (17:00Z), when the office closes. Elapsed equals the target all night; it
    // exceeds it the first nanosecond after Friday 09:00 Berlin (08:00Z).
    let c = contract("comarch", "basic");
    let i = reported("CCI-1", "2026-03-09T08:00:00Z", "4");
    let mut agenda = Agenda::new(t("2026-03-09T08:00:00Z"));
    let id = agenda.insert(c.clone(), i.clone()).unwrap();
    let breach = t("2026-03-13T08:00:00Z") + ns();
    assert_eq!(agenda.next_instant(), Some(breach));
    assert_eq!(
        agenda
            .peek()
            .iter()
            .map(|i| (i.entry, &i.change))
            .collect::<Vec<_>>(),
        [(
            id,
            &Change::Breach {
                metric: Metric::Reaction
            }
        )]
    );
    assert_eq!(
        next_wake_up(&c, &i, t("2026-03-09T08:00:00Z")).unwrap(),
        Some(breach)
    );
    // Thursday evening: nothing yet.
    assert!(agenda
        .advance(t("2026-03-12T20:00:00Z"))
        .unwrap()
        .is_empty());
    assert_eq!(agenda.advance(breach).unwrap().len(), 1);
    assert_eq!(agenda.next_instant(), None);
}

#[test]
fn a_critical_incident_over_christmas_and_a_crisis_across_the_dst_night() {
    // Cumulocity Enterprise, Germany. The Critical incident of Friday 18 December 2026,
    // 16:30 Berlin (15:30Z): reaction 2 hours of 24x7 (breached after 17:30Z), daily update
    // (breached after 24 hours, 2026-12-19T15:30Z), and the Management Assistance Process at
    // 5, 7, 9 and 11 business days later at 16:30 Berlin over Christmas and New Year (the
    // dates of the contract docs' ladder example).
    let c = contract("cumulocity", "emea-de");
    let critical = reported("C8Y-1002", "2026-12-18T15:30:00Z", "critical");
    // The Crisis reported Saturday 28 March 2026, 23:50 Berlin (22:50Z), the night clocks go
    // forward: reaction 30 minutes, resolution plan 4 hours, both 24x7; the first ladder step
    // after exactly 24 hours of wall time, 2026-03-29T22:50Z (00:50 CEST on Monday).
    let crisis = reported("C8Y-1001", "2026-03-28T22:50:00Z", "crisis");
    let mut agenda = Agenda::new(t("2026-03-28T22:50:00Z"));
    let ids = agenda
        .insert_all([(c.clone(), crisis), (c.clone(), critical)])
        .unwrap();
    let everything = agenda.due_before(t("2027-02-01T00:00:00Z"));
    assert_eq!(
        summary(&everything),
        [
            (t("2026-03-28T23:20:00Z") + ns(), "C8Y-1001".into(), "reaction breached".into()),
            (t("2026-03-29T02:50:00Z") + ns(), "C8Y-1001".into(), "resolution_plan breached".into()),
            (t("2026-03-29T22:50:00Z"), "C8Y-1001".into(), "escalation step 0 to Regional Director Support (24h @ 24x7)".into()),
            (t("2026-03-30T22:50:00Z"), "C8Y-1001".into(), "escalation step 1 to Global Vice President Support (48h @ 24x7)".into()),
            (t("2026-03-31T22:50:00Z"), "C8Y-1001".into(), "escalation step 2 to Global Senior Vice President Support (72h @ 24x7)".into()),
            (t("2026-04-02T22:50:00Z"), "C8Y-1001".into(), "escalation step 3 to Chief Operating Officer (120h @ 24x7)".into()),
            // Reported after the agenda's `now`: the report is itself a change.
            (t("2026-12-18T15:30:00Z"), "C8Y-1002".into(), "event 0 (reported) takes effect".into()),
            (t("2026-12-18T17:30:00Z") + ns(), "C8Y-1002".into(), "reaction breached".into()),
            (t("2026-12-19T15:30:00Z") + ns(), "C8Y-1002".into(), "update breached".into()),
            (t("2026-12-28T15:30:00Z"), "C8Y-1002".into(), "escalation step 0 to Regional Director Support (5 business days @ business)".into()),
            (t("2026-12-30T15:30:00Z"), "C8Y-1002".into(), "escalation step 1 to Global Vice President Support (7 business days @ business)".into()),
            (t("2027-01-04T15:30:00Z"), "C8Y-1002".into(), "escalation step 2 to Global Senior Vice President Support (9 business days @ business)".into()),
            (t("2027-01-06T15:30:00Z"), "C8Y-1002".into(), "escalation step 3 to Chief Operating Officer (11 business days @ business)".into()),
        ]
    );
    // Typed: the first Crisis step.
    let step = everything[2];
    assert_eq!(step.entry, ids[0]);
    assert_eq!(
        step.change,
        Change::Escalation {
            step: 0,
            notify: "Regional Director Support".into(),
            trigger: Trigger::After {
                duration: TimeDelta::days(1),
                calendar: "24x7".into()
            },
        }
    );
}

#[test]
fn updating_one_incident_reschedules_it_alone() {
    // Premium severity 1 (30 minutes, 24x7) and Basic severity 3 (12 business hours) at
    // Comarch, both reported Tuesday 2026-03-10 09:00 Berlin (08:00Z).
    let premium = contract("comarch", "premium");
    let basic = contract("comarch", "basic");
    let mut agenda = Agenda::new(t("2026-03-10T08:00:00Z"));
    let p = agenda
        .insert(
            premium.clone(),
            reported("CCI-1", "2026-03-10T08:00:00Z", "1"),
        )
        .unwrap();
    let b = agenda
        .insert(
            basic.clone(),
            reported("CCI-2", "2026-03-10T08:00:00Z", "3"),
        )
        .unwrap();
    // Basic: 9 hours on Tuesday, 3 on Wednesday: due Wednesday 12:00 Berlin (11:00Z).
    let basic_breach = t("2026-03-11T11:00:00Z") + ns();
    assert_eq!(
        agenda.next_instant(),
        Some(t("2026-03-10T08:30:00Z") + ns())
    );
    // Premium is answered at 09:20 Berlin: only Basic's breach remains.
    let mut answered = reported("CCI-1", "2026-03-10T08:00:00Z", "1");
    answered
        .push(ev("2026-03-10T08:20:00Z", EventKind::Responded))
        .unwrap();
    agenda.advance(t("2026-03-10T08:20:00Z")).unwrap();
    agenda.update(p, premium, answered).unwrap();
    assert_eq!(agenda.next_instant(), Some(basic_breach));
    assert_eq!(agenda.scheduled(p).count(), 0);
    assert_eq!(agenda.peek().first().map(|i| i.entry), Some(b));
    // Basic is closed: nothing is scheduled any more, though both incidents are held.
    let mut closed = reported("CCI-2", "2026-03-10T08:00:00Z", "3");
    closed
        .push(ev("2026-03-10T09:00:00Z", EventKind::Responded))
        .unwrap();
    closed
        .push(ev("2026-03-10T10:00:00Z", EventKind::Closed))
        .unwrap();
    agenda.advance(t("2026-03-10T10:00:00Z")).unwrap();
    agenda.update(b, basic, closed).unwrap();
    assert_eq!(agenda.next_instant(), None);
    assert_eq!(agenda.len(), 2);
}

#[test]
fn events_recorded_for_later_take_effect_at_their_instant() {
    // A replay: the agenda stands at 09:00 Berlin (08:00Z) and holds a Premium severity 2
    // incident (1 hour, 24x7) reported at 08:00Z that records a response at 08:40Z. The
    // response takes effect at 08:40Z and the breach after 09:00Z never comes.
    let c = contract("comarch", "premium");
    let mut i = reported("CCI-1", "2026-03-10T08:00:00Z", "2");
    i.push(ev("2026-03-10T08:40:00Z", EventKind::Responded))
        .unwrap();
    let mut agenda = Agenda::new(t("2026-03-10T08:00:00Z"));
    let id = agenda.insert(c.clone(), i.clone()).unwrap();
    let all = agenda.due_before(t("2026-03-20T00:00:00Z"));
    assert_eq!(
        all.iter()
            .map(|i| (i.at, i.entry, &i.change))
            .collect::<Vec<_>>(),
        [(
            t("2026-03-10T08:40:00Z"),
            id,
            &Change::Event {
                index: 1,
                event: EventTag::Responded
            }
        )]
    );
    assert_eq!(
        next_wake_up(&c, &i, t("2026-03-10T08:00:00Z")).unwrap(),
        Some(t("2026-03-10T08:40:00Z"))
    );
    // A response recorded after the deadline: the breach first, then the response, which
    // records the late fulfilment (the reaction stays breached, `fulfilled_at` is set).
    let mut late = reported("CCI-2", "2026-03-10T08:00:00Z", "2");
    late.push(ev("2026-03-10T10:00:00Z", EventKind::Responded))
        .unwrap();
    let late_id = agenda.insert(c, late).unwrap();
    let items: Vec<_> = agenda
        .scheduled(late_id)
        .map(|i| (i.at, i.change.to_string()))
        .collect();
    assert_eq!(
        items,
        [
            (
                t("2026-03-10T09:00:00Z") + ns(),
                "reaction breached".to_owned()
            ),
            (
                t("2026-03-10T10:00:00Z"),
                "event 1 (responded) takes effect".to_owned()
            )
        ]
    );
}
