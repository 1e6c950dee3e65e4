//! Escalation ladders, warnings and the next wake-up: Cumulocity's Management Assistance
//! Process (seed 003, section 4) for a customer in Germany, warning ladders on a metric, bad
//! configuration with exact messages, and the wake-up property.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use slacalc::contract::CatalogSpec;
use slacalc::{
    evaluate, next_wake_up, Contract, Error, Event, EventKind, Incident, MetricState, Report,
    StepState,
};
use slacalc::{Catalog, ContractSpec, Metric};

use crate::util::{ev, fixture, t};

const CUMULOCITY: &str = fixture!("contracts/cumulocity.json");
const CUSTOMERS: &str = fixture!("contracts/cumulocity-customers.json");

fn cumulocity(key: &str) -> Contract {
    let catalog: Catalog = serde_json::from_str(CUMULOCITY).unwrap();
    let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(CUSTOMERS).unwrap();
    Contract::new(Arc::new(catalog), customers[key].clone()).unwrap()
}

fn reported(at: &str, severity: &str) -> Event {
    Event::new(
        t(at),
        EventKind::Reported {
            severity: severity.into(),
            channel: Some("phone".into()),
            contact: None,
        },
    )
}

fn incident(events: Vec<Event>) -> Incident {
    Incident::new("T-1", events).unwrap()
}

/// (notify, state, due) per step.
fn steps(r: &Report) -> Vec<(&str, StepState, Option<DateTime<Utc>>)> {
    r.steps
        .iter()
        .map(|s| (&*s.notify, s.state, s.due))
        .collect()
}

const RD: &str = "Regional Director Support";
const VP: &str = "Global Vice President Support";
const SVP: &str = "Global Senior Vice President Support";
const COO: &str = "Chief Operating Officer";

#[test]
fn crisis_escalates_after_1_2_3_and_5_days_of_wall_time() {
    let c = cumulocity("emea-de");
    // Saturday 23:50 in Berlin; the clocks go forward that night, days are 24 hours.
    let i = incident(vec![reported("2026-03-28T22:50:00Z", "crisis")]);
    let r = evaluate(&c, &i, t("2026-03-29T00:00:00Z")).unwrap();
    use StepState::*;
    assert_eq!(
        steps(&r),
        vec![
            (RD, Pending, Some(t("2026-03-29T22:50:00Z"))),
            (VP, Pending, Some(t("2026-03-30T22:50:00Z"))),
            (SVP, Pending, Some(t("2026-03-31T22:50:00Z"))),
            (COO, Pending, Some(t("2026-04-02T22:50:00Z"))),
        ]
    );
    // At the instant the Regional Director is due, that step has fired.
    let r = evaluate(&c, &i, t("2026-03-29T22:50:00Z")).unwrap();
    assert_eq!(r.steps[0].state, Fired);
    assert!(r.steps[0].is_fired());
    assert_eq!(r.steps[0].fired_at, Some(t("2026-03-29T22:50:00Z")));
    assert_eq!(r.steps[1].state, Pending);
    let r = evaluate(&c, &i, t("2026-04-10T00:00:00Z")).unwrap();
    assert!(r.steps.iter().all(|s| s.is_fired()));
    assert_eq!(r.steps[3].fired_at, Some(t("2026-04-02T22:50:00Z")));
}

fn tested_crisis() -> Vec<Event> {
    vec![
        reported("2026-03-28T22:50:00Z", "crisis"),
        ev("2026-03-28T23:05:00Z", EventKind::Responded),
        ev("2026-03-29T18:50:00Z", EventKind::SolutionProposed),
        ev("2026-03-30T18:50:00Z", EventKind::SolutionRejected),
    ]
}

#[test]
fn testing_a_proposed_solution_halts_the_crisis_ladder() {
    let c = cumulocity("emea-de");
    let i = incident(tested_crisis());
    let r = evaluate(&c, &i, t("2026-03-30T20:00:00Z")).unwrap();
    use StepState::*;
    assert_eq!(
        steps(&r),
        vec![
            (RD, Pending, Some(t("2026-03-30T22:50:00Z"))),
            (VP, Pending, Some(t("2026-03-31T22:50:00Z"))),
            (SVP, Pending, Some(t("2026-04-01T22:50:00Z"))),
            (COO, Pending, Some(t("2026-04-03T22:50:00Z"))),
        ]
    );
    // While the customer tests, nothing is due: unknown, not fired.
    let r = evaluate(&c, &i, t("2026-03-30T12:00:00Z")).unwrap();
    assert_eq!(r.steps[0].state, Halted);
    assert!(!r.steps[0].is_fired());
    assert_eq!(r.steps[0].due, None);
    assert!(r.steps.iter().all(|s| s.due.is_none()));
    // The halt changes nothing until the customer answers.
    assert_eq!(
        next_wake_up(&c, &i, t("2026-03-30T12:00:00Z")).unwrap(),
        Some(t("2026-03-30T18:50:00Z"))
    );
}

#[test]
fn a_confirmed_solution_ends_the_ladder() {
    let c = cumulocity("emea-de");
    let mut events = tested_crisis();
    events.truncate(3);
    events.push(ev("2026-03-30T09:00:00Z", EventKind::SolutionConfirmed));
    let i = incident(events);
    let r = evaluate(&c, &i, t("2026-04-30T00:00:00Z")).unwrap();
    assert!(r.steps.iter().all(|s| s.state == StepState::Cancelled));
    assert!(r.steps.iter().all(|s| s.due.is_none()));
    assert_eq!(
        next_wake_up(&c, &i, t("2026-03-30T09:00:00Z")).unwrap(),
        None
    );
    // A step due the instant the ladder ends does not fire.
    let i = incident(vec![
        reported("2026-03-28T22:50:00Z", "crisis"),
        ev("2026-03-29T22:50:00Z", EventKind::Resolved),
    ]);
    let r = evaluate(&c, &i, t("2026-03-30T00:00:00Z")).unwrap();
    assert_eq!(r.steps[0].state, StepState::Cancelled);
}

#[test]
fn critical_escalates_after_5_7_9_and_11_business_days() {
    let c = cumulocity("emea-de");
    // Friday 2026-12-18, 16:30 in Berlin; German holidays 25 and 26 December, 1 January.
    let i = incident(vec![reported("2026-12-18T15:30:00Z", "critical")]);
    let r = evaluate(&c, &i, t("2026-12-18T16:00:00Z")).unwrap();
    use StepState::*;
    assert_eq!(
        steps(&r),
        vec![
            (RD, Pending, Some(t("2026-12-28T15:30:00Z"))),
            (VP, Pending, Some(t("2026-12-30T15:30:00Z"))),
            (SVP, Pending, Some(t("2027-01-04T15:30:00Z"))),
            (COO, Pending, Some(t("2027-01-06T15:30:00Z"))),
        ]
    );
    assert_eq!(r.steps[0].trigger.to_string(), "5 business days @ business");
}

#[test]
fn a_halt_adds_its_business_time_back_to_business_day_steps() {
    let c = cumulocity("emea-de");
    // Halted Tuesday 10:00 to Wednesday 10:00 Berlin: 9 business hours, one business day.
    let i = incident(vec![
        reported("2026-12-18T15:30:00Z", "critical"),
        ev("2026-12-22T09:00:00Z", EventKind::SolutionProposed),
        ev("2026-12-23T09:00:00Z", EventKind::SolutionRejected),
    ]);
    let r = evaluate(&c, &i, t("2026-12-23T10:00:00Z")).unwrap();
    use StepState::*;
    assert_eq!(
        steps(&r),
        vec![
            (RD, Pending, Some(t("2026-12-29T15:30:00Z"))),
            (VP, Pending, Some(t("2026-12-31T15:30:00Z"))),
            (SVP, Pending, Some(t("2027-01-05T15:30:00Z"))),
            (COO, Pending, Some(t("2027-01-07T15:30:00Z"))),
        ]
    );
    // A halt over the weekend holds no business time and moves nothing.
    let i = incident(vec![
        reported("2026-12-18T15:30:00Z", "critical"),
        ev("2026-12-19T09:00:00Z", EventKind::SolutionProposed),
        ev("2026-12-20T09:00:00Z", EventKind::SolutionRejected),
    ]);
    let r = evaluate(&c, &i, t("2026-12-21T10:00:00Z")).unwrap();
    assert_eq!(r.steps[0].due, Some(t("2026-12-28T15:30:00Z")));
}

#[test]
fn standard_plans_and_severities_have_no_ladder() {
    let c = cumulocity("emea-de-standard");
    let i = incident(vec![reported("2026-03-28T22:50:00Z", "crisis")]);
    assert!(evaluate(&c, &i, t("2026-04-28T00:00:00Z"))
        .unwrap()
        .steps
        .is_empty());
    let c = cumulocity("emea-de");
    let i = incident(vec![reported("2026-03-02T10:00:00Z", "standard")]);
    assert!(evaluate(&c, &i, t("2026-03-03T00:00:00Z"))
        .unwrap()
        .steps
        .is_empty());
}

#[test]
fn a_severity_change_switches_to_the_new_severitys_ladder() {
    let c = cumulocity("emea-de");
    let i = incident(vec![
        reported("2026-12-18T15:30:00Z", "critical"),
        ev(
            "2026-12-19T10:00:00Z",
            EventKind::SeverityChanged {
                severity: "crisis".into(),
            },
        ),
    ]);
    // Recompute from the start (the plan's default policy): 1 day after the report.
    let r = evaluate(&c, &i, t("2026-12-19T12:00:00Z")).unwrap();
    assert_eq!(r.steps.len(), 4);
    assert_eq!(r.steps[0].state, StepState::Pending);
    assert_eq!(r.steps[0].due, Some(t("2026-12-19T15:30:00Z")));
    // Before the change, the Critical ladder applied.
    let r = evaluate(&c, &i, t("2026-12-19T09:00:00Z")).unwrap();
    assert_eq!(r.steps[0].due, Some(t("2026-12-28T15:30:00Z")));
}

// ------------------------------------------------------------------ warnings on a metric

const WARNINGS: &str = r#"{
  "name": "Warnings",
  "severities": [{"key": "high", "name": "High"}, {"key": "low", "name": "Low"}],
  "calendars": {"office": {"timezone": "Europe/Berlin", "hours": {
      "mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
      "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}},
  "plans": {"p": {"name": "P",
     "pauses": {"resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}]},
     "targets": {"high": {"reaction": {"within": "1h", "clock": "24x7"},
                          "resolution": {"within": "8h"}}},
     "ladders": {"high": {"steps": [
        {"share": "50", "metric": "resolution", "notify": "Assignee"},
        {"share": "75", "metric": "resolution", "notify": "Team lead"},
        {"share": "100", "metric": "resolution", "notify": "Duty manager"},
        {"after_breach": "1h", "metric": "resolution", "notify": "Head of Support"},
        {"share": "80", "metric": "reaction", "notify": "Dispatcher"}
     ]}}}}
}"#;

fn warnings() -> Contract {
    let catalog: Catalog = serde_json::from_str(WARNINGS).unwrap();
    Contract::new(
        Arc::new(catalog),
        ContractSpec {
            customer: "W".into(),
            plan: "p".into(),
            region: Some("office".into()),
            holidays: serde_json::from_str(r#"[{"preset": "de"}]"#).unwrap(),
            ..ContractSpec::default()
        },
    )
    .unwrap()
}

#[test]
fn warnings_at_50_75_and_100_percent_and_one_hour_after_the_breach() {
    let c = warnings();
    // Monday 2026-03-02 09:00 Berlin; 8 business hours on 08:00-17:00.
    let i = incident(vec![
        reported("2026-03-02T08:00:00Z", "high"),
        ev("2026-03-02T08:30:00Z", EventKind::Responded),
    ]);
    let r = evaluate(&c, &i, t("2026-03-02T08:30:00Z")).unwrap();
    use StepState::*;
    assert_eq!(
        steps(&r),
        vec![
            ("Assignee", Pending, Some(t("2026-03-02T12:00:00Z"))),
            ("Team lead", Pending, Some(t("2026-03-02T14:00:00Z"))),
            // 8 h: Monday 09:00-17:00 holds 8 h, the deadline is Monday 17:00 Berlin.
            ("Duty manager", Pending, Some(t("2026-03-02T16:00:00Z"))),
            // One business hour past it: Tuesday 09:00 Berlin.
            ("Head of Support", Pending, Some(t("2026-03-03T08:00:00Z"))),
            // The reaction was met after 30 of 60 minutes, before its 80 % (48 min) mark.
            ("Dispatcher", Cancelled, None),
        ]
    );
    // Exactly at 75 % the step has fired.
    let r = evaluate(&c, &i, t("2026-03-02T14:00:00Z")).unwrap();
    assert_eq!(r.steps[1].fired_at, Some(t("2026-03-02T14:00:00Z")));
    assert_eq!(r.steps[2].state, Pending);
    // The wake-ups walk through the steps and the breach.
    let mut at = t("2026-03-02T08:30:00Z");
    let mut wakes = Vec::new();
    while let Some(w) = next_wake_up(&c, &i, at).unwrap() {
        wakes.push(w);
        at = w;
    }
    assert_eq!(
        wakes,
        vec![
            t("2026-03-02T12:00:00Z"),
            t("2026-03-02T14:00:00Z"),
            t("2026-03-02T16:00:00Z"),
            // The resolution is breached once the calendar opens again on Tuesday.
            t("2026-03-03T07:00:00.000000001Z"),
            t("2026-03-03T08:00:00Z"),
        ]
    );
    let r = evaluate(&c, &i, t("2026-03-03T07:00:00.000000001Z")).unwrap();
    assert_eq!(
        r.metric(Metric::Resolution).unwrap().state,
        MetricState::Breached
    );
}

#[test]
fn warnings_follow_the_metrics_pauses_and_stop_with_it() {
    let c = warnings();
    let i = incident(vec![
        reported("2026-03-02T08:00:00Z", "high"),
        ev("2026-03-02T08:30:00Z", EventKind::Responded),
        // Waiting for the customer from 11:00 to 13:00 Berlin: 2 h later.
        ev("2026-03-02T10:00:00Z", EventKind::AwaitingCustomer),
        ev("2026-03-02T12:00:00Z", EventKind::CustomerReplied),
        ev("2026-03-02T15:00:00Z", EventKind::Resolved),
    ]);
    let r = evaluate(&c, &i, t("2026-03-02T11:00:00Z")).unwrap();
    assert_eq!(r.steps[0].state, StepState::Halted);
    let r = evaluate(&c, &i, t("2026-03-02T12:30:00Z")).unwrap();
    assert_eq!(r.steps[0].due, Some(t("2026-03-02T14:00:00Z")));
    assert_eq!(r.steps[1].due, Some(t("2026-03-02T16:00:00Z")));
    // Resolved at 16:00 Berlin: the 75 % step (due 17:00) never fires.
    let r = evaluate(&c, &i, t("2026-03-05T00:00:00Z")).unwrap();
    assert_eq!(
        r.steps.iter().map(|s| s.state).collect::<Vec<_>>(),
        vec![
            StepState::Fired,
            StepState::Cancelled,
            StepState::Cancelled,
            StepState::Cancelled,
            StepState::Cancelled,
        ]
    );
}

// ------------------------------------------------------------------ bad configuration

fn catalog_error(edit: impl FnOnce(&mut serde_json::Value)) -> Error {
    let mut v: serde_json::Value = serde_json::from_str(CUMULOCITY).unwrap();
    edit(&mut v);
    let spec: CatalogSpec = serde_json::from_value(v).unwrap();
    Catalog::try_from(spec).unwrap_err()
}

type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;

fn crisis_step(v: &mut serde_json::Value, i: usize) -> &mut serde_json::Value {
    &mut v["plans"]["enterprise"]["ladders"]["crisis"]["steps"][i]
}

#[test]
fn bad_ladders_are_rejected_with_the_field_path() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| crisis_step(v, 2)["after"] = "1d".into()),
            "plans.enterprise.ladders.crisis.steps[2].after: invalid value `1d`: expected a \
             trigger not before that of steps[1] (`48h @ 24x7`): steps are listed in the order \
             they fire",
        ),
        (
            Box::new(|v| {
                v["plans"]["enterprise"]["ladders"]["critical"]["steps"][0]["clock"] =
                    "emea-office".into()
            }),
            "plans.enterprise.ladders.critical.steps[0].clock: unknown clock `emea-office`: \
             expected one of 24x7, business, apj, emea, us",
        ),
        (
            Box::new(|v| {
                *crisis_step(v, 0) =
                    serde_json::json!({"share": "75", "metric": "resolution", "notify": "x"})
            }),
            "plans.enterprise.ladders.crisis.steps[0].metric: unknown metric `resolution`: \
             expected one of reaction, resolution_plan",
        ),
        (
            Box::new(|v| crisis_step(v, 3)["after"] = "-5d".into()),
            "plans.enterprise.ladders.crisis.steps[3].after: invalid value `-5d`: expected a \
             duration such as `30m`, `4h`, `1h30m` or `2d` (units d, h, m, s)",
        ),
        (
            Box::new(|v| {
                *crisis_step(v, 0) =
                    serde_json::json!({"share": "-50", "metric": "reaction", "notify": "x"})
            }),
            "plans.enterprise.ladders.crisis.steps[0].share: invalid value `-50`: expected a \
             percentage of the target, a decimal string 0 or more such as `75` or `87.5`",
        ),
        (
            Box::new(|v| {
                v["plans"]["enterprise"]["ladders"]["critical"]["steps"][1]["business_days"] =
                    (-7).into()
            }),
            "plans.enterprise.ladders.critical.steps[1].business_days: invalid value `-7`: \
             expected a number of days, 0 or more",
        ),
        (
            Box::new(|v| {
                v["plans"]["enterprise"]["ladders"]["critical"]["steps"][3]["business_days"] =
                    8.into()
            }),
            "plans.enterprise.ladders.critical.steps[3].business_days: invalid value `8`: \
             expected a trigger not before that of steps[2] (`9 business days @ business`): \
             steps are listed in the order they fire",
        ),
        (
            Box::new(|v| crisis_step(v, 1)["business_days"] = 2.into()),
            "plans.enterprise.ladders.crisis.steps[1]: invalid value `2 triggers given`: \
             expected exactly one of `after`, `business_days`, `share`, `after_breach`",
        ),
        (
            Box::new(|v| {
                v["plans"]["enterprise"]["ladders"]["severe"] =
                    serde_json::json!({"steps": [{"after": "1h", "notify": "x"}]})
            }),
            "plans.enterprise.ladders: unknown severity `severe`: expected one of crisis, \
             critical, standard",
        ),
        (
            Box::new(|v| {
                v["plans"]["enterprise"]["ladders"]["crisis"]["pauses"][0]["until"] =
                    serde_json::json!(["solution_proposed"])
            }),
            "plans.enterprise.ladders.crisis.pauses[0].until: invalid value \
             `[\"solution_proposed\"]`: expected at least one event other than \
             `solution_proposed`",
        ),
    ];
    for (i, (edit, message)) in cases.into_iter().enumerate() {
        assert_eq!(catalog_error(edit).to_string(), message, "case {i}");
    }
}

#[test]
fn ladders_round_trip_through_the_plan_spec() {
    let catalog: Catalog = serde_json::from_str(CUMULOCITY).unwrap();
    let plan = catalog.plan("enterprise").unwrap();
    let again = serde_json::to_string(plan).unwrap();
    let spec: slacalc::contract::PlanSpec = serde_json::from_str(&again).unwrap();
    assert_eq!(
        spec.ladders,
        slacalc::contract::PlanSpec::from(plan).ladders
    );
    assert_eq!(
        spec.ladders["crisis"].steps[0].after.as_deref(),
        Some("24h")
    );
    assert!(catalog.plan("standard").unwrap().ladders().is_empty());
}

// ------------------------------------------------------------------ the wake-up property

fn kinds() -> Vec<EventKind> {
    vec![
        EventKind::Responded,
        EventKind::ResolutionPlanProvided,
        EventKind::WorkaroundProvided,
        EventKind::UpdateSent,
        EventKind::AwaitingCustomer,
        EventKind::CustomerReplied,
        EventKind::SolutionProposed,
        EventKind::SolutionConfirmed,
        EventKind::SolutionRejected,
        EventKind::Resolved,
        EventKind::Reopened,
        EventKind::Closed,
        EventKind::ContactEstablished,
        EventKind::SeverityChanged {
            severity: "crisis".into(),
        },
        EventKind::SeverityChanged {
            severity: "critical".into(),
        },
    ]
}

/// An incident from random picks, keeping only the events that leave it valid.
fn build(severity: &str, start: i64, picks: &[(usize, i64)]) -> Incident {
    build_with(&kinds(), severity, None, start, picks)
}

/// The wake-up `w` after `now`: the state there differs from `base` (the state at `now`), one
/// nanosecond earlier it does not. Returns the report at `w`.
fn changes_at(
    c: &Contract,
    i: &Incident,
    now: DateTime<Utc>,
    base: &Report,
    w: DateTime<Utc>,
) -> Report {
    assert!(w > now);
    let at_wake = evaluate(c, i, w).unwrap();
    assert!(
        !at_wake.same_state(base),
        "nothing changed at the wake-up {w} (now {now})\n{base}\n{at_wake}"
    );
    let before = w - TimeDelta::nanoseconds(1);
    if before > now {
        assert!(
            evaluate(c, i, before).unwrap().same_state(base),
            "changed before {w}"
        );
    }
    at_wake
}

fn check_wake_up(c: &Contract, i: &Incident, now: DateTime<Utc>, fractions: &[f64]) {
    let base = evaluate(c, i, now).unwrap();
    let wake = next_wake_up(c, i, now).unwrap();
    let span = match wake {
        Some(w) => {
            changes_at(c, i, now, &base, w);
            (w - now).num_nanoseconds().unwrap_or(i64::MAX)
        }
        None => TimeDelta::days(400).num_nanoseconds().unwrap(),
    };
    for f in fractions {
        let offset = ((span as f64) * f) as i64;
        if offset <= 0 || offset >= span {
            continue;
        }
        let mid = now + TimeDelta::nanoseconds(offset);
        let r = evaluate(c, i, mid).unwrap();
        assert!(
            r.same_state(&base),
            "changed at {mid} before the wake-up {wake:?} (now {now})\n{base}\n{r}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn nothing_changes_before_the_wake_up_and_something_changes_at_it(
        contract in 0usize..3,
        severity in prop::sample::select(vec!["crisis", "critical", "standard"]),
        start in 1_767_225_600i64..1_798_761_600, // 2026
        picks in prop::collection::vec((0usize..15, 0i64..60_000), 0..12),
        now_frac in 0.0f64..1.0,
        fractions in prop::collection::vec(0.0f64..1.0, 6),
    ) {
        let c = match contract {
            0 => cumulocity("emea-de"),
            1 => cumulocity("us"),
            _ => warnings(),
        };
        let severity = if contract == 2 { "high" } else { severity };
        let i = build(severity, start, &picks);
        // Severities unknown to the contract are an error, not a wake-up question.
        prop_assume!(evaluate(&c, &i, i.reported_at()).is_ok());
        // Anywhere from the report to a week after the last event.
        let last = i.events().last().map_or(i.reported_at(), |e| e.at);
        let span = (last - i.reported_at() + TimeDelta::days(7)).num_seconds();
        let now = i.reported_at() + TimeDelta::seconds((span as f64 * now_frac) as i64);
        check_wake_up(&c, &i, now, &fractions);
    }
}

// ------------------------------------------ the wake-up property, every lifecycle feature

/// The Cumulocity enterprise catalog with everything the lifecycle knows switched on: a
/// `business` resolution (so the contact's region matters), pauses on the customer that a
/// Crisis does not take, a Standard ladder with `share` and `after_breach` steps beside the
/// fixture's `after` (Crisis) and `business_days` (Critical) ladders, and the policies given.
fn everything(policies: &[(&str, &str)]) -> Contract {
    let mut catalog: serde_json::Value = serde_json::from_str(CUMULOCITY).unwrap();
    let plan = &mut catalog["plans"]["enterprise"];
    for (k, v) in policies {
        plan[*k] = serde_json::Value::String((*v).into());
    }
    plan["pauses"] = serde_json::json!({
        "resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}],
        "reaction": [{"from": "awaiting_customer", "until": ["customer_replied"]}]
    });
    plan["severity_pauses"] = serde_json::json!({"crisis": {"resolution": []}});
    for sev in ["crisis", "critical", "standard"] {
        plan["targets"][sev]["resolution"] =
            serde_json::json!({"within": "6h", "clock": "business"});
    }
    plan["ladders"]["standard"] = serde_json::json!({"steps": [
        {"share": "50", "metric": "resolution", "notify": "Team lead"},
        {"share": "100", "metric": "resolution", "notify": "Duty manager"},
        {"after_breach": "1h", "metric": "resolution", "notify": "Head of Support"},
        {"after": "30m", "clock": "business", "notify": "Dispatcher"}
    ]});
    let catalog: Catalog = serde_json::from_value(catalog).unwrap();
    let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(CUSTOMERS).unwrap();
    Contract::new(Arc::new(catalog), customers["emea-de"].clone()).unwrap()
}

fn lifecycle_kinds() -> Vec<EventKind> {
    let mut kinds = kinds();
    kinds.push(EventKind::SeverityChanged {
        severity: "standard".into(),
    });
    kinds.push(EventKind::Cancelled { reason: None });
    kinds.push(EventKind::Reopened);
    kinds
}

/// An incident by `contact` from random picks of `menu` (seconds between events), keeping the
/// events that leave it valid.
fn build_with(
    menu: &[EventKind],
    severity: &str,
    contact: Option<&str>,
    start: i64,
    picks: &[(usize, i64)],
) -> Incident {
    let at = |s: i64| DateTime::from_timestamp(s, 0).unwrap();
    let mut events = vec![Event::new(
        at(start),
        EventKind::Reported {
            severity: severity.into(),
            channel: None,
            contact: contact.map(Into::into),
        },
    )];
    let mut now = start;
    for (k, gap) in picks {
        now += gap;
        let mut next = events.clone();
        next.push(Event::new(at(now), menu[k % menu.len()].clone()));
        if Incident::new("P", next.clone()).is_ok() {
            events = next;
        }
    }
    Incident::new("P", events).unwrap()
}

/// Walks the wake-ups from the report on: at each wake-up the state differs from the one
/// before it, one nanosecond earlier it does not, one nanosecond later it still differs, and
/// on a grid of every minute and every event instant between two wake-ups nothing changes.
fn check_wake_up_chain(c: &Contract, i: &Incident, horizon: DateTime<Utc>) {
    let mut grid: Vec<DateTime<Utc>> = i.events().iter().map(|e| e.at).collect();
    let mut m = i.reported_at();
    while m < horizon {
        grid.push(m);
        m += TimeDelta::minutes(1);
    }
    grid.sort();
    let mut now = i.reported_at();
    let mut base = evaluate(c, i, now).unwrap();
    let mut rounds = 0;
    loop {
        rounds += 1;
        assert!(rounds < 10_000, "wake-ups do not end");
        let wake = next_wake_up(c, i, now).unwrap();
        let until = wake.unwrap_or(horizon).min(horizon);
        for &g in grid.iter().filter(|g| **g > now && **g < until) {
            let r = evaluate(c, i, g).unwrap();
            assert!(
                r.same_state(&base),
                "changed at {g} before the wake-up {wake:?} (now {now})\n{base}\n{r}"
            );
        }
        let Some(w) = wake.filter(|w| *w <= horizon) else {
            return;
        };
        let at_wake = changes_at(c, i, now, &base, w);
        let after = evaluate(c, i, w + TimeDelta::nanoseconds(1)).unwrap();
        assert!(!after.same_state(&base), "the change at {w} did not hold");
        now = w;
        base = at_wake;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_wake_up_walks_every_change_with_contacts_reopens_severity_changes_and_ladders(
        severity in prop::sample::select(vec!["crisis", "critical", "standard"]),
        contact in prop::sample::select(vec![
            None,
            Some("atc-berlin@muster-maschinenbau.example"),
            Some("atc-penang@muster-maschinenbau.example"),
        ]),
        restart in any::<bool>(),
        recompute in any::<bool>(),
        at_deadline in any::<bool>(),
        new_cycle in any::<bool>(),
        start in 1_767_225_600i64..1_798_761_600, // 2026
        picks in prop::collection::vec((0usize..18, 0i64..7_200), 0..10),
    ) {
        let policies = [
            ("severity_change", if restart { "restart_at_change" } else { "recompute_from_start" }),
            ("downgrade", if recompute { "recompute" } else { "keep_breach" }),
            ("upgrade", if at_deadline { "breach_at_deadline" } else { "breach_at_change" }),
            ("reopen", if new_cycle { "new_cycle" } else { "resume" }),
        ];
        let c = everything(&policies);
        let i = build_with(&lifecycle_kinds(), severity, contact, start, &picks);
        let last = i.events().last().map_or(i.reported_at(), |e| e.at);
        check_wake_up_chain(&c, &i, last + TimeDelta::hours(12));
    }
}
