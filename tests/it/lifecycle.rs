//! The incident lifecycle as every metric and ladder sees it (the table in the `evaluate`
//! module docs), run as a table; the scenarios derived by hand from the seed contracts that
//! the lifecycle must answer (reopen after waiting, fulfilled before the clock starts, the
//! contact's region, closed against cancelled); and the policies a support organisation
//! chooses.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use slacalc::contract::TargetSpec;
use slacalc::report::{ComplianceReport, ComplianceTargets};
use slacalc::{
    evaluate, next_wake_up, Contract, Event, EventKind, Incident, MetricState, PauseInterval,
    StepState,
};
use slacalc::{Catalog, ContractSpec, Metric};

use crate::util::{ev, fixture, t};

fn reported(at: &str, severity: &str, channel: &str, contact: Option<&str>) -> Event {
    ev(
        at,
        EventKind::Reported {
            severity: severity.into(),
            channel: Some(channel.into()),
            contact: contact.map(Into::into),
        },
    )
}

/// A one-plan catalog on the wall clock: `high` (reaction 1h, resolution 8h) and `low`
/// (reaction 4h, resolution 24h); awaiting the customer pauses the resolution; `extra` is
/// merged into the plan.
fn wall_contract(extra: serde_json::Value) -> Contract {
    let mut plan = serde_json::json!({
        "name": "P",
        "pauses": {"resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}]},
        "targets": {
            "high": {"reaction": {"within": "1h", "clock": "24x7"},
                     "resolution": {"within": "8h", "clock": "24x7"}},
            "low": {"reaction": {"within": "4h", "clock": "24x7"},
                    "resolution": {"within": "24h", "clock": "24x7"}}
        }
    });
    for (k, v) in extra.as_object().unwrap() {
        plan[k] = v.clone();
    }
    let catalog: Catalog = serde_json::from_value(serde_json::json!({
        "name": "Example",
        "severities": [{"key": "high", "name": "High"}, {"key": "low", "name": "Low"}],
        "plans": {"p": plan}
    }))
    .unwrap();
    let terms = ContractSpec {
        customer: "ACME".into(),
        plan: "p".into(),
        ..ContractSpec::default()
    };
    Contract::new(Arc::new(catalog), terms).unwrap()
}

fn day(hm: &str) -> String {
    format!("2026-03-02T{hm}:00Z")
}

/// An incident on 2026-03-02 (UTC) reported `high` at 10:00, then `events` (`HH:MM`, kind).
fn incident(events: &[(&str, EventKind)]) -> Incident {
    let mut all = vec![reported(&day("10:00"), "high", "phone", None)];
    all.extend(events.iter().map(|(at, k)| ev(&day(at), k.clone())));
    Incident::new("T-1", all).unwrap()
}

fn pause(from: &str, until: Option<&str>, by: slacalc::EventTag) -> PauseInterval {
    PauseInterval {
        from: t(&day(from)),
        until: until.map(|u| t(&day(u))),
        by,
    }
}

use slacalc::EventTag;

#[test]
fn a_reopened_incident_that_waited_on_the_customer_breaches() {
    let c = wall_contract(serde_json::json!({}));
    let i = incident(&[
        ("11:00", EventKind::AwaitingCustomer),
        ("12:00", EventKind::Resolved),
        ("13:00", EventKind::Reopened),
    ]);
    let r = evaluate(&c, &i, t(&day("23:00"))).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.state, MetricState::Breached);
    assert_eq!(res.elapsed, TimeDelta::hours(11));
    assert_eq!(res.deadline, Some(t(&day("20:00"))));
    assert_eq!(res.breached_at, Some(t(&day("20:00"))));
    assert_eq!(
        res.pauses,
        vec![
            pause("11:00", Some("12:00"), EventTag::AwaitingCustomer),
            pause("12:00", Some("13:00"), EventTag::Resolved),
        ]
    );
    // Running again after the reopening: the breach is the next change.
    assert_eq!(
        next_wake_up(&c, &i, t(&day("13:30"))).unwrap(),
        Some(t("2026-03-02T20:00:00.000000001Z"))
    );
    assert_eq!(next_wake_up(&c, &i, t(&day("23:00"))).unwrap(), None);
}

#[test]
fn a_reopened_incident_may_wait_on_the_customer_again() {
    let c = wall_contract(serde_json::json!({}));
    let i = incident(&[
        ("11:00", EventKind::AwaitingCustomer),
        ("12:00", EventKind::Resolved),
        ("13:00", EventKind::Reopened),
        ("14:00", EventKind::AwaitingCustomer),
        ("15:00", EventKind::CustomerReplied),
        ("15:30", EventKind::SolutionProposed),
        ("16:00", EventKind::Closed),
        ("17:00", EventKind::Reopened),
        ("17:10", EventKind::SolutionProposed),
    ]);
    let r = evaluate(&c, &i, t(&day("14:30"))).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.state, MetricState::Paused);
    assert_eq!(res.elapsed, TimeDelta::hours(2));
    assert_eq!(res.started_at, Some(t(&day("10:00"))));
    assert_eq!(res.started_by, Some(EventTag::Reported));
    assert_eq!(res.deadline, None);
    let r = evaluate(&c, &i, t(&day("18:00"))).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    // 10-11, 13-14, 15-16, 17-18.
    assert_eq!(res.elapsed, TimeDelta::hours(4));
    assert_eq!(res.wall_elapsed, TimeDelta::hours(4));
    assert_eq!(res.state, MetricState::Running);
}

const CUMULOCITY: &str = fixture!("contracts/cumulocity.json");
const CUMULOCITY_CUSTOMERS: &str = fixture!("contracts/cumulocity-customers.json");

fn cumulocity(edit: impl FnOnce(&mut ContractSpec)) -> Contract {
    let catalog: Catalog = serde_json::from_str(CUMULOCITY).unwrap();
    let customers: BTreeMap<String, ContractSpec> =
        serde_json::from_str(CUMULOCITY_CUSTOMERS).unwrap();
    let mut terms = customers["emea-de"].clone();
    edit(&mut terms);
    Contract::new(Arc::new(catalog), terms).unwrap()
}

#[test]
fn a_reaction_given_before_the_customers_call_is_met() {
    let c = cumulocity(|_| {});
    // Saturday: the reaction clock would start at the phone contact, which never comes.
    let i = Incident::new(
        "C8Y-7",
        vec![
            reported("2026-03-07T10:00:00Z", "critical", "portal", None),
            ev("2026-03-07T11:00:00Z", EventKind::Responded),
            ev("2026-03-07T15:00:00Z", EventKind::Resolved),
        ],
    )
    .unwrap();
    let now = t("2026-04-01T00:00:00Z");
    let r = evaluate(&c, &i, now).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.state, MetricState::Met);
    assert_eq!(reaction.elapsed, TimeDelta::zero());
    assert_eq!(reaction.fulfilled_at, Some(t("2026-03-07T11:00:00Z")));
    assert_eq!(reaction.started_at, Some(t("2026-03-07T11:00:00Z")));
    assert_eq!(reaction.started_by, Some(EventTag::Responded));
    // The queue no longer ranks the incident by a reaction that never started.
    let entry = slacalc::queue::QueueEntry::from_report(&r, &c).unwrap();
    assert!(entry.slack.is_none(), "{:?}", entry.slack);
    // March compliance counts it met, not open.
    let report = ComplianceReport::build(
        &[(&c, &i)],
        &"2026-03".parse().unwrap(),
        &ComplianceTargets::none(),
        now,
    );
    let row = report
        .rows
        .iter()
        .find(|r| r.metric == Metric::Reaction)
        .unwrap();
    assert_eq!((row.met, row.open, row.breached), (1, 0, 0));
}

const COSYS: &str = fixture!("contracts/cosys.json");
const COSYS_CUSTOMERS: &str = fixture!("contracts/cosys-customers.json");

fn cosys() -> Contract {
    let catalog: Catalog = serde_json::from_str(COSYS).unwrap();
    let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(COSYS_CUSTOMERS).unwrap();
    Contract::new(Arc::new(catalog), customers["logistics"].clone()).unwrap()
}

fn level(at: &str, l: &str) -> Event {
    ev(at, EventKind::LevelChanged { level: l.into() })
}

#[test]
fn a_level_that_never_took_the_incident_over_had_nothing_to_meet() {
    let c = cosys();
    // Resolved at the customer's second level: COSYS's third level never had to act.
    let i = Incident::new(
        "L-1",
        vec![
            reported("2026-03-03T08:00:00Z", "1", "phone", None),
            level("2026-03-03T08:10:00Z", "n2"),
            ev("2026-03-03T08:20:00Z", EventKind::Responded),
            ev("2026-03-03T09:00:00Z", EventKind::Resolved),
            ev("2026-03-03T09:30:00Z", EventKind::Closed),
        ],
    )
    .unwrap();
    let now = t("2026-04-01T00:00:00Z");
    let r = evaluate(&c, &i, now).unwrap();
    for m in &r.metrics {
        assert_eq!(m.state, MetricState::NotApplicable, "{}", m.metric);
    }
    let report = ComplianceReport::build(
        &[(&c, &i)],
        &"2026-03".parse().unwrap(),
        &ComplianceTargets::none(),
        now,
    );
    for row in &report.rows {
        assert_eq!(
            (
                row.incidents,
                row.not_applicable,
                row.met,
                row.breached,
                row.open
            ),
            (1, 1, 0, 0, 0),
            "{}",
            row.metric
        );
        assert_eq!(row.compliance, None);
    }
    // While the incident is open at the second level, n3's clocks wait; the second level's
    // response is not the third level's.
    let open = Incident::new("L-2", i_prefix(&r.reported_at)).unwrap();
    let r = evaluate(&c, &open, t("2026-03-03T08:30:00Z")).unwrap();
    assert_eq!(
        r.metric(Metric::Reaction).unwrap().state,
        MetricState::NotStarted
    );
    let mut events = i_prefix(&r.reported_at);
    events.push(level("2026-03-03T08:40:00Z", "n3"));
    let handed = Incident::new("L-2", events).unwrap();
    let r = evaluate(&c, &handed, t("2026-03-03T09:00:00Z")).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.state, MetricState::Running);
    assert_eq!(reaction.started_at, Some(t("2026-03-03T08:40:00Z")));
    assert_eq!(reaction.started_by, Some(EventTag::LevelChanged));
    assert_eq!(reaction.elapsed, TimeDelta::minutes(20));
}

fn i_prefix(reported_at: &DateTime<Utc>) -> Vec<Event> {
    vec![
        Event::new(
            *reported_at,
            EventKind::Reported {
                severity: "1".into(),
                channel: Some("phone".into()),
                contact: None,
            },
        ),
        level("2026-03-03T08:10:00Z", "n2"),
        ev("2026-03-03T08:20:00Z", EventKind::Responded),
    ]
}

#[test]
fn the_contacts_region_decides_the_wake_up_and_the_business_day_steps() {
    let c = cumulocity(|terms| {
        let mut critical = BTreeMap::new();
        critical.insert(
            Metric::Resolution,
            TargetSpec {
                within: Some("4h".into()),
                clock: Some("business".into()),
                ..TargetSpec::default()
            },
        );
        terms.overrides.insert("critical".into(), critical);
    });
    let penang = "atc-penang@muster-maschinenbau.example";
    // Wednesday 15:00 in Kuala Lumpur (08:00-17:00 there): two hours today, two tomorrow.
    let i = Incident::new(
        "C8Y-9",
        vec![
            reported("2026-12-16T07:00:00Z", "critical", "phone", Some(penang)),
            ev("2026-12-16T07:30:00Z", EventKind::Responded),
        ],
    )
    .unwrap();
    let now = t("2026-12-16T08:00:00Z");
    let r = evaluate(&c, &i, now).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.deadline, Some(t("2026-12-17T02:00:00Z")));
    assert_eq!(
        next_wake_up(&c, &i, now).unwrap(),
        Some(t("2026-12-17T02:00:00.000000001Z"))
    );
    // The Critical ladder's first step: five business days of Kuala Lumpur (with the
    // customer's German holidays) at the same local time, Wednesday 23 December 15:00 there.
    let first = &r.steps[0];
    assert_eq!(first.state, StepState::Pending);
    assert_eq!(first.due, Some(t("2026-12-23T07:00:00Z")));
}

#[test]
fn closed_fulfils_and_cancelled_makes_open_metrics_not_applicable() {
    let c = wall_contract(serde_json::json!({
        "ladders": {"high": {"steps": [{"after": "2h", "notify": "Duty manager"}]}}
    }));
    let closed = incident(&[("10:30", EventKind::Closed)]);
    let r = evaluate(&c, &closed, t(&day("20:00"))).unwrap();
    for m in &r.metrics {
        assert_eq!(m.state, MetricState::Met, "{}", m.metric);
        assert_eq!(m.fulfilled_at, Some(t(&day("10:30"))));
    }
    assert_eq!(r.steps[0].state, StepState::Cancelled);

    let cancelled = incident(&[
        ("10:20", EventKind::Responded),
        (
            "11:00",
            EventKind::Cancelled {
                reason: Some("duplicate of T-0".into()),
            },
        ),
    ]);
    let r = evaluate(&c, &cancelled, t(&day("20:00"))).unwrap();
    assert_eq!(r.metric(Metric::Reaction).unwrap().state, MetricState::Met);
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.state, MetricState::NotApplicable);
    assert_eq!(res.deadline, None);
    assert_eq!(r.steps[0].state, StepState::Cancelled);
    assert_eq!(
        next_wake_up(&c, &cancelled, t(&day("11:00"))).unwrap(),
        None
    );
    // Nothing but a reopening follows a cancellation; after it the clock goes on.
    let e = Incident::new(
        "T-1",
        vec![
            reported(&day("10:00"), "high", "phone", None),
            ev(&day("11:00"), EventKind::Cancelled { reason: None }),
            ev(&day("11:30"), EventKind::Responded),
        ],
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("the incident is cancelled; reopen it first"),
        "{e}"
    );
    let reopened = incident(&[
        ("11:00", EventKind::Cancelled { reason: None }),
        ("12:00", EventKind::Reopened),
    ]);
    let r = evaluate(&c, &reopened, t(&day("13:00"))).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.state, MetricState::Running);
    assert_eq!(res.elapsed, TimeDelta::hours(2));
    assert_eq!(
        res.pauses,
        vec![pause("11:00", Some("12:00"), EventTag::Cancelled)]
    );
}

/// One row of the lifecycle table: events after a `high` report at 10:00, the instant of
/// evaluation, and the resolution's expected state and elapsed minutes.
struct Row {
    cell: &'static str,
    events: Vec<(&'static str, EventKind)>,
    now: &'static str,
    metric: Metric,
    state: MetricState,
    elapsed_minutes: i64,
}

#[test]
fn the_lifecycle_table() {
    use EventKind as K;
    use Metric::{Reaction, Resolution};
    use MetricState as S;
    let row = |cell, events: Vec<(&'static str, EventKind)>, now, metric, state, m| Row {
        cell,
        events,
        now,
        metric,
        state,
        elapsed_minutes: m,
    };
    let rows = vec![
        row(
            "reported starts",
            vec![],
            "10:30",
            Resolution,
            S::Running,
            30,
        ),
        row(
            "pause rule's from pauses",
            vec![("10:30", K::AwaitingCustomer)],
            "11:00",
            Resolution,
            S::Paused,
            30,
        ),
        row(
            "pause rule's until resumes",
            vec![
                ("10:30", K::AwaitingCustomer),
                ("11:00", K::CustomerReplied),
            ],
            "11:30",
            Resolution,
            S::Running,
            60,
        ),
        row(
            "a pause rule of another metric does not pause",
            vec![("10:30", K::AwaitingCustomer)],
            "10:50",
            Reaction,
            S::Running,
            50,
        ),
        row(
            "a fulfilling event fulfils in time",
            vec![("10:40", K::Responded)],
            "12:00",
            Reaction,
            S::Met,
            40,
        ),
        row(
            "a fulfilling event fulfils late",
            vec![("11:40", K::SolutionProposed)],
            "12:00",
            Reaction,
            S::Breached,
            100,
        ),
        row(
            "a fulfilling event fulfils while paused",
            vec![("10:30", K::AwaitingCustomer), ("11:00", K::Resolved)],
            "12:00",
            Resolution,
            S::Met,
            30,
        ),
        row(
            "resolved ends the pause",
            vec![
                ("10:30", K::AwaitingCustomer),
                ("11:00", K::Resolved),
                ("11:30", K::Reopened),
            ],
            "12:00",
            Resolution,
            S::Running,
            60,
        ),
        row(
            "resolved, not reopened: fulfilled",
            vec![("11:00", K::Resolved)],
            "12:00",
            Resolution,
            S::Met,
            60,
        ),
        row(
            "waiting until the reopening is not counted",
            vec![("11:00", K::Resolved), ("13:00", K::Reopened)],
            "14:00",
            Resolution,
            S::Running,
            120,
        ),
        row(
            "a reopening does not reopen the reaction",
            vec![("10:20", K::Resolved), ("13:00", K::Reopened)],
            "14:00",
            Reaction,
            S::Met,
            20,
        ),
        row(
            "cancelled: not applicable",
            vec![("11:00", K::Cancelled { reason: None })],
            "12:00",
            Resolution,
            S::NotApplicable,
            0,
        ),
        row(
            "cancelled while paused: not applicable",
            vec![
                ("10:30", K::AwaitingCustomer),
                ("11:00", K::Cancelled { reason: None }),
            ],
            "12:00",
            Resolution,
            S::NotApplicable,
            0,
        ),
        row(
            "cancelled after fulfilment: stays met",
            vec![
                ("10:10", K::Responded),
                ("11:00", K::Cancelled { reason: None }),
            ],
            "12:00",
            Reaction,
            S::Met,
            10,
        ),
        row(
            "closed fulfils",
            vec![("10:50", K::Closed)],
            "12:00",
            Resolution,
            S::Met,
            50,
        ),
        row(
            "severity change: the new target from the start",
            vec![(
                "10:30",
                K::SeverityChanged {
                    severity: "low".into(),
                },
            )],
            "12:00",
            Reaction,
            S::Running,
            120,
        ),
        row(
            "severity change: a breach that happened stays",
            vec![(
                "11:30",
                K::SeverityChanged {
                    severity: "low".into(),
                },
            )],
            "12:00",
            Reaction,
            S::Breached,
            120,
        ),
        row(
            "events of no rule change nothing",
            vec![("10:30", K::UpdateSent), ("10:40", K::ContactEstablished)],
            "11:00",
            Resolution,
            S::Running,
            60,
        ),
    ];
    let c = wall_contract(serde_json::json!({}));
    for r in rows {
        let i = incident(&r.events);
        let report = evaluate(&c, &i, t(&day(r.now))).unwrap();
        let m = report.metric(r.metric).unwrap();
        assert_eq!(
            (m.state, m.elapsed),
            (r.state, TimeDelta::minutes(r.elapsed_minutes)),
            "{}",
            r.cell
        );
    }
}

#[test]
fn a_downgrade_keeps_a_breach_unless_the_plan_recomputes() {
    let events = [(
        "11:30",
        EventKind::SeverityChanged {
            severity: "low".into(),
        },
    )];
    let keep = wall_contract(serde_json::json!({}));
    let r = evaluate(&keep, &incident(&events), t(&day("12:00"))).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.state, MetricState::Breached);
    assert_eq!(reaction.breached_at, Some(t(&day("11:00"))));
    // The deadline is the target in force: 4h from the report.
    assert_eq!(reaction.deadline, Some(t(&day("14:00"))));
    let recompute = wall_contract(serde_json::json!({"downgrade": "recompute"}));
    let r = evaluate(&recompute, &incident(&events), t(&day("12:00"))).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.state, MetricState::Running);
    assert_eq!(reaction.breached_at, None);
}

#[test]
fn an_upgrade_never_dates_a_breach_before_it() {
    let low = |events: &[(&str, EventKind)]| {
        let mut all = vec![reported(&day("10:00"), "low", "phone", None)];
        all.extend(events.iter().map(|(at, k)| ev(&day(at), k.clone())));
        Incident::new("T-2", all).unwrap()
    };
    let i = low(&[(
        "12:00",
        EventKind::SeverityChanged {
            severity: "high".into(),
        },
    )]);
    let c = wall_contract(serde_json::json!({}));
    let r = evaluate(&c, &i, t(&day("12:30"))).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.state, MetricState::Breached);
    assert_eq!(reaction.deadline, Some(t(&day("11:00"))));
    assert_eq!(reaction.breached_at, Some(t(&day("12:00"))));
    // Before the upgrade nothing was breached; at it, the breach.
    assert_eq!(
        next_wake_up(&c, &i, t(&day("11:30"))).unwrap(),
        Some(t(&day("12:00")))
    );
    let at_deadline = wall_contract(serde_json::json!({"upgrade": "breach_at_deadline"}));
    let r = evaluate(&at_deadline, &i, t(&day("12:30"))).unwrap();
    assert_eq!(
        r.metric(Metric::Reaction).unwrap().breached_at,
        Some(t(&day("11:00")))
    );
}

#[test]
fn reopen_policies_resume_or_start_a_new_cycle() {
    let events = [
        ("12:00", EventKind::Resolved),
        ("13:00", EventKind::Reopened),
    ];
    let resume = wall_contract(serde_json::json!({}));
    let r = evaluate(&resume, &incident(&events), t(&day("14:00"))).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(
        (res.elapsed, res.deadline),
        (TimeDelta::hours(3), Some(t(&day("19:00"))))
    );
    assert!(res.cycles.is_empty());

    let fresh = wall_contract(serde_json::json!({"reopen": "new_cycle"}));
    let r = evaluate(&fresh, &incident(&events), t(&day("14:00"))).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.state, MetricState::Running);
    assert_eq!(res.started_at, Some(t(&day("13:00"))));
    assert_eq!(res.started_by, Some(EventTag::Reopened));
    assert_eq!(
        (res.elapsed, res.deadline),
        (TimeDelta::hours(1), Some(t(&day("21:00"))))
    );
    assert_eq!(res.cycles.len(), 1);
    assert_eq!(res.cycles[0].started, t(&day("10:00")));
    assert_eq!(res.cycles[0].ended, Some(t(&day("12:00"))));
    assert_eq!(res.cycles[0].state, MetricState::Met);
    // The reaction is not reopened by either policy: the resolution at 12:00 gave it, late.
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.state, MetricState::Breached);
    assert_eq!(reaction.fulfilled_at, Some(t(&day("12:00"))));
}

#[test]
fn a_severity_may_replace_the_plans_pauses() {
    let c = wall_contract(serde_json::json!({"severity_pauses": {"high": {"resolution": []}}}));
    let i = incident(&[
        ("11:00", EventKind::AwaitingCustomer),
        ("13:00", EventKind::CustomerReplied),
    ]);
    let r = evaluate(&c, &i, t(&day("14:00"))).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.elapsed, TimeDelta::hours(4));
    assert!(res.pauses.is_empty());
    // The low severity keeps the plan's pauses.
    let mut events = vec![reported(&day("10:00"), "low", "phone", None)];
    events.push(ev(&day("11:00"), EventKind::AwaitingCustomer));
    events.push(ev(&day("13:00"), EventKind::CustomerReplied));
    let r = evaluate(&c, &Incident::new("T-3", events).unwrap(), t(&day("14:00"))).unwrap();
    assert_eq!(
        r.metric(Metric::Resolution).unwrap().elapsed,
        TimeDelta::hours(2)
    );
    // An unknown severity in `severity_pauses` is refused, naming the field.
    let bad: Result<Catalog, _> = serde_json::from_value(serde_json::json!({
        "name": "X", "severities": [{"key": "high", "name": "High"}],
        "plans": {"p": {"name": "P", "severity_pauses": {"urgent": {"resolution": []}}}}
    }));
    let e = bad.unwrap_err().to_string();
    assert!(
        e.contains("plans.p.severity_pauses") && e.contains("urgent"),
        "{e}"
    );
}

#[test]
fn serialized_reports_carry_iso_durations_that_round_trip_to_the_nanosecond() {
    let c = wall_contract(serde_json::json!({
        "ladders": {"high": {"steps": [
            {"after": "90m", "notify": "Duty manager"},
            {"share": "33.3", "metric": "resolution", "notify": "Team lead"},
            {"after_breach": "1h", "metric": "resolution", "notify": "Head of Support"}]}}
    }));
    let i = incident(&[("11:00", EventKind::AwaitingCustomer)]);
    let now = t("2026-03-02T12:34:56.123456789Z");
    let r = evaluate(&c, &i, now).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    let res = &json["metrics"][1];
    assert_eq!(res["metric"], "resolution");
    assert_eq!(res["allowed"], "PT8H");
    assert_eq!(res["elapsed"], "PT1H");
    assert_eq!(res["remaining"], "PT7H");
    assert_eq!(res["wall_elapsed"], "PT1H");
    assert_eq!(res["started_by"], "reported");
    assert_eq!(res["pauses"][0]["by"], "awaiting_customer");
    assert_eq!(res["pauses"][0]["until"], serde_json::Value::Null);
    let reaction = &json["metrics"][0];
    assert_eq!(reaction["elapsed"], "PT2H34M56.123456789S");
    assert_eq!(reaction["remaining"], "-PT1H34M56.123456789S");
    assert_eq!(json["steps"][0]["trigger"]["after"]["duration"], "PT1H30M");
    assert_eq!(
        json["steps"][2]["trigger"]["after_breach"]["duration"],
        "PT1H"
    );
    // Paused on the customer: the share step waits with its metric.
    assert_eq!(r.steps[1].state, StepState::Halted);
    let again: slacalc::Report = serde_json::from_value(json).unwrap();
    assert_eq!(again, r);
    // Running: 33.3 % of 8 h is 2 h 39 min 50.4 s, due to the nanosecond and kept exactly.
    let r = evaluate(&c, &incident(&[]), now).unwrap();
    assert_eq!(r.steps[1].state, StepState::Pending);
    assert_eq!(r.steps[1].due, Some(t("2026-03-02T12:39:50.4Z")));
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        json.contains(r#""due":"2026-03-02T12:39:50.400Z""#),
        "{json}"
    );
    let again: slacalc::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(again, r);
}

mod append {
    use super::*;
    use proptest::prelude::*;

    fn kinds() -> Vec<EventKind> {
        use EventKind as K;
        vec![
            K::Responded,
            K::AwaitingCustomer,
            K::CustomerReplied,
            K::SolutionProposed,
            K::SolutionConfirmed,
            K::SolutionRejected,
            K::Resolved,
            K::Reopened,
            K::Closed,
            K::Cancelled { reason: None },
            K::UpdateSent,
            K::Reported {
                severity: "high".into(),
                channel: None,
                contact: None,
            },
        ]
    }

    proptest! {
        /// Appending events one by one accepts and refuses exactly what validating the whole
        /// list does, with the same error, and a refused append leaves the incident as it was.
        #[test]
        fn push_agrees_with_new(picks in prop::collection::vec((0usize..12, -600i64..3_600), 0..25)) {
            let menu = kinds();
            let start = t("2026-03-02T10:00:00Z");
            let first = reported("2026-03-02T10:00:00Z", "high", "phone", None);
            let mut pushed = Incident::new("P", vec![first.clone()]).unwrap();
            let mut all = vec![first];
            let mut at = start;
            for (k, gap) in picks {
                at += TimeDelta::seconds(gap);
                let e = Event::new(at, menu[k].clone());
                let mut candidate = all.clone();
                candidate.push(e.clone());
                let whole = Incident::new("P", candidate.clone());
                let before = pushed.clone();
                match (pushed.push(e), whole) {
                    (Ok(()), Ok(w)) => {
                        prop_assert_eq!(&pushed, &w);
                        all = candidate;
                    }
                    (Err(a), Err(b)) => {
                        prop_assert_eq!(a, b);
                        prop_assert_eq!(&pushed, &before);
                    }
                    (a, b) => prop_assert!(false, "push {:?} but new {:?}", a, b.map(|_| ())),
                }
            }
        }
    }
}
