//! Contracts, incidents and their evaluation: the seeds' promises pinned as outcomes.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::TimeDelta;
use slacalc::contract::TargetForm;
use slacalc::{evaluate, Contract, Error, Event, EventKind, Incident, MetricState};
use slacalc::{Catalog, ContractSpec, Metric};

use crate::util::{ev, fixture, t};

fn contract(catalog: &str, customers: &str, key: &str) -> Contract {
    let catalog: Catalog = serde_json::from_str(catalog).unwrap();
    let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(customers).unwrap();
    Contract::new(Arc::new(catalog), customers[key].clone()).unwrap()
}

fn cumulocity(key: &str) -> Contract {
    contract(
        fixture!("contracts/cumulocity.json"),
        fixture!("contracts/cumulocity-customers.json"),
        key,
    )
}

fn comarch(key: &str) -> Contract {
    contract(
        fixture!("contracts/comarch.json"),
        fixture!("contracts/comarch-customers.json"),
        key,
    )
}

fn reported(at: &str, severity: &str, channel: &str) -> Event {
    Event::new(
        t(at),
        EventKind::Reported {
            severity: severity.into(),
            channel: Some(channel.into()),
            contact: None,
        },
    )
}

fn incident(events: Vec<Event>) -> Incident {
    Incident::new("T-1", events).unwrap()
}

#[test]
fn cumulocity_crisis_on_the_night_dst_starts() {
    let c = cumulocity("emea-de");
    let i = incident(vec![reported("2026-03-28T22:50:00Z", "crisis", "phone")]);
    let r = evaluate(&c, &i, t("2026-03-28T23:00:00Z")).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.deadline, Some(t("2026-03-28T23:20:00Z")));
    assert_eq!(reaction.state, MetricState::Running);
    assert_eq!(reaction.elapsed, TimeDelta::minutes(10));
    assert_eq!(reaction.remaining, Some(TimeDelta::minutes(20)));
    let plan = r.metric(Metric::ResolutionPlan).unwrap();
    assert_eq!(plan.deadline, Some(t("2026-03-29T02:50:00Z")));
    // Standard-only metrics of the plan are reported as not covered for a Crisis.
    assert_eq!(
        r.metric(Metric::Update).unwrap().state,
        MetricState::NotCovered
    );
}

#[test]
fn cumulocity_critical_on_a_friday_afternoon() {
    let c = cumulocity("emea-de");
    let i = incident(vec![reported("2026-12-18T15:30:00Z", "critical", "portal")]);
    let r = evaluate(&c, &i, t("2026-12-18T15:31:00Z")).unwrap();
    assert_eq!(
        r.metric(Metric::Reaction).unwrap().deadline,
        Some(t("2026-12-18T17:30:00Z"))
    );
}

#[test]
fn cumulocity_reaction_on_a_non_business_day_runs_from_the_phone_contact() {
    let c = cumulocity("emea-de");
    let portal = vec![reported("2026-12-19T10:00:00Z", "critical", "portal")];
    // Before the phone follow-up the reaction clock has not started.
    let r = evaluate(&c, &incident(portal.clone()), t("2026-12-19T12:00:00Z")).unwrap();
    assert_eq!(
        r.metric(Metric::Reaction).unwrap().state,
        MetricState::NotStarted
    );
    let mut phoned = portal;
    phoned.push(ev("2026-12-19T14:00:00Z", EventKind::ContactEstablished));
    let r = evaluate(&c, &incident(phoned), t("2026-12-19T15:00:00Z")).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.deadline, Some(t("2026-12-19T16:00:00Z")));
    assert_eq!(reaction.elapsed, TimeDelta::hours(1));
}

#[test]
fn comarch_general_consultation_on_basic_and_premium() {
    let at = "2026-11-27T16:00:00Z";
    let i = incident(vec![reported(at, "4", "ticket")]);
    let basic = evaluate(&comarch("basic"), &i, t(at)).unwrap();
    assert_eq!(
        basic.metric(Metric::Reaction).unwrap().deadline,
        Some(t("2026-12-03T16:00:00Z"))
    );
    let premium = evaluate(&comarch("premium"), &i, t(at)).unwrap();
    assert_eq!(
        premium.metric(Metric::Reaction).unwrap().deadline,
        Some(t("2026-11-28T16:00:00Z"))
    );
    let sev1 = incident(vec![reported(at, "1", "ticket")]);
    let r = evaluate(&comarch("basic"), &sev1, t(at)).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.state, MetricState::NotCovered);
    assert_eq!(reaction.deadline, None);
}

#[test]
fn comarch_premium_business_critical_outage() {
    let i = incident(vec![
        reported("2026-11-28T02:00:00Z", "1", "phone"),
        ev("2026-11-28T02:20:00Z", EventKind::Responded),
    ]);
    let r = evaluate(&comarch("premium"), &i, t("2026-11-28T05:00:00Z")).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.deadline, Some(t("2026-11-28T02:30:00Z")));
    assert_eq!(reaction.state, MetricState::Met);
    assert_eq!(reaction.fulfilled_at, Some(t("2026-11-28T02:20:00Z")));
    assert_eq!(reaction.elapsed, TimeDelta::minutes(20));
    assert_eq!(reaction.used_percent, Some("66.67".parse().unwrap()));
}

#[test]
fn a_late_response_is_breached_and_says_when() {
    let i = incident(vec![
        reported("2026-11-28T02:00:00Z", "1", "phone"),
        ev("2026-11-28T03:00:00Z", EventKind::Responded),
    ]);
    let r = evaluate(&comarch("premium"), &i, t("2026-11-28T05:00:00Z")).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.state, MetricState::Breached);
    assert_eq!(reaction.breached_at, Some(t("2026-11-28T02:30:00Z")));
    assert_eq!(reaction.remaining, Some(TimeDelta::minutes(-30)));
}

fn catalog_with(plan_extra: &str) -> Arc<Catalog> {
    let json = format!(
        r#"{{"name": "Test", "severities": [{{"key": "high", "name": "High"}}, {{"key": "low", "name": "Low"}}],
            "calendars": {{"office": {{"timezone": "UTC", "hours": {{"mon": ["09:00-17:00"], "tue": ["09:00-17:00"],
              "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}}}}},
            "plans": {{"p": {{"name": "P", {plan_extra}
              "targets": {{"high": {{"reaction": {{"within": "1h"}}, "resolution": {{"within": "4h"}},
                                      "update": {{"within": "2h"}}}},
                          "low": {{"reaction": {{"within": "4h"}}, "resolution": {{"business_days": 2}}}}}}}}}}}}"#
    );
    Arc::new(serde_json::from_str(&json).unwrap())
}

fn office_contract(plan_extra: &str) -> Contract {
    Contract::new(
        catalog_with(plan_extra),
        ContractSpec {
            customer: "C".into(),
            plan: "p".into(),
            region: Some("office".into()),
            ..ContractSpec::default()
        },
    )
    .unwrap()
}

#[test]
fn pauses_follow_the_plan_policy() {
    let c = office_contract(
        r#""pauses": {"resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}]},"#,
    );
    // Monday 2026-11-23, 09:00 UTC.
    let i = incident(vec![
        reported("2026-11-23T09:00:00Z", "high", "ticket"),
        ev("2026-11-23T09:30:00Z", EventKind::Responded),
        ev("2026-11-23T10:00:00Z", EventKind::AwaitingCustomer),
        ev("2026-11-23T13:00:00Z", EventKind::CustomerReplied),
    ]);
    let r = evaluate(&c, &i, t("2026-11-23T12:00:00Z")).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.state, MetricState::Paused);
    assert_eq!(res.elapsed, TimeDelta::hours(1));
    assert_eq!(res.deadline, None);
    let r = evaluate(&c, &i, t("2026-11-23T14:00:00Z")).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.state, MetricState::Running);
    assert_eq!(res.elapsed, TimeDelta::hours(2));
    // 4 h of business time: 1 h before the pause, 3 h after 13:00.
    assert_eq!(res.deadline, Some(t("2026-11-23T16:00:00Z")));
    // The reaction metric has no pause rule and was met at 09:30.
    assert_eq!(r.metric(Metric::Reaction).unwrap().state, MetricState::Met);
}

#[test]
fn severity_change_recomputes_from_the_start_by_default() {
    let c = office_contract("");
    let i = incident(vec![
        reported("2026-11-23T09:00:00Z", "low", "ticket"),
        ev(
            "2026-11-23T10:00:00Z",
            EventKind::SeverityChanged {
                severity: "high".into(),
            },
        ),
    ]);
    let r = evaluate(&c, &i, t("2026-11-23T10:30:00Z")).unwrap();
    assert_eq!(r.severity, "high");
    let reaction = r.metric(Metric::Reaction).unwrap();
    // High's 1 h counted from 09:00: breached at 10:00.
    assert_eq!(reaction.state, MetricState::Breached);
    assert_eq!(reaction.breached_at, Some(t("2026-11-23T10:00:00Z")));
}

#[test]
fn severity_change_can_restart_the_clock() {
    let c = office_contract(r#""severity_change": "restart_at_change","#);
    let i = incident(vec![
        reported("2026-11-23T09:00:00Z", "low", "ticket"),
        ev(
            "2026-11-23T10:00:00Z",
            EventKind::SeverityChanged {
                severity: "high".into(),
            },
        ),
    ]);
    let r = evaluate(&c, &i, t("2026-11-23T10:30:00Z")).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.state, MetricState::Running);
    assert_eq!(reaction.deadline, Some(t("2026-11-23T11:00:00Z")));
}

#[test]
fn a_metric_met_before_a_severity_change_stays_met() {
    let c = office_contract("");
    let i = incident(vec![
        reported("2026-11-23T09:00:00Z", "low", "ticket"),
        ev("2026-11-23T10:30:00Z", EventKind::Responded),
        ev(
            "2026-11-23T11:00:00Z",
            EventKind::SeverityChanged {
                severity: "high".into(),
            },
        ),
    ]);
    let r = evaluate(&c, &i, t("2026-11-23T12:00:00Z")).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    // Met under `low` (4 h) at 10:30; `high`'s 1 h would have been breached.
    assert_eq!(reaction.state, MetricState::Met);
    assert_eq!(
        reaction.target,
        Some(TargetForm::Within(TimeDelta::hours(4)))
    );
}

#[test]
fn periodic_updates_are_judged_cycle_by_cycle() {
    let c = office_contract("");
    let i = incident(vec![
        reported("2026-11-23T09:00:00Z", "high", "ticket"),
        ev("2026-11-23T10:30:00Z", EventKind::UpdateSent),
        ev("2026-11-23T13:00:00Z", EventKind::UpdateSent),
    ]);
    let r = evaluate(&c, &i, t("2026-11-23T14:00:00Z")).unwrap();
    let update = r.metric(Metric::Update).unwrap();
    let states: Vec<MetricState> = update.cycles.iter().map(|c| c.state).collect();
    // 09:00→10:30 within 2 h; 10:30→13:00 took 2.5 h; the third runs from 13:00.
    assert_eq!(
        states,
        vec![
            MetricState::Met,
            MetricState::Breached,
            MetricState::Running
        ]
    );
    assert_eq!(update.state, MetricState::Running);
    assert_eq!(update.deadline, Some(t("2026-11-23T15:00:00Z")));
}

#[test]
fn business_day_targets_name_their_deadline() {
    let c = office_contract("");
    // Friday 2026-11-27 15:00 UTC + 2 business days at the same local time: Tuesday 15:00.
    let i = incident(vec![reported("2026-11-27T15:00:00Z", "low", "ticket")]);
    let r = evaluate(&c, &i, t("2026-11-27T16:00:00Z")).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.deadline, Some(t("2026-12-01T15:00:00Z")));
    assert_eq!(res.allowed, Some(TimeDelta::hours(16)));
    assert_eq!(
        res.target.map(|t| t.to_string()).as_deref(),
        Some("2 business days")
    );
}

#[test]
fn reopening_resumes_the_resolution_clock() {
    let c = office_contract("");
    let i = incident(vec![
        reported("2026-11-23T09:00:00Z", "high", "ticket"),
        ev("2026-11-23T10:00:00Z", EventKind::Resolved),
        ev("2026-11-23T12:00:00Z", EventKind::Reopened),
    ]);
    let r = evaluate(&c, &i, t("2026-11-23T13:00:00Z")).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.state, MetricState::Running);
    assert_eq!(res.elapsed, TimeDelta::hours(2));
    assert_eq!(res.deadline, Some(t("2026-11-23T15:00:00Z")));
    // Before the reopening it was met.
    let r = evaluate(&c, &i, t("2026-11-23T11:00:00Z")).unwrap();
    assert_eq!(
        r.metric(Metric::Resolution).unwrap().state,
        MetricState::Met
    );
}

#[test]
fn bad_incidents_are_errors_naming_the_event() {
    let e = Incident::new(
        "x",
        vec![
            reported("2026-11-23T09:00:00Z", "high", "ticket"),
            ev("2026-11-23T08:00:00Z", EventKind::Responded),
        ],
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "events[1] (responded at 2026-11-23 08:00:00 UTC): out of order: before the previous event at 2026-11-23 09:00:00 UTC"
    );
    let e = Incident::new(
        "x",
        vec![
            reported("2026-11-23T09:00:00Z", "high", "ticket"),
            ev("2026-11-23T10:00:00Z", EventKind::CustomerReplied),
        ],
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "events[1] (customer_replied at 2026-11-23 10:00:00 UTC): the customer replied but nobody was awaiting a reply"
    );
    let e = Incident::new(
        "x",
        vec![
            reported("2026-11-23T09:00:00Z", "high", "ticket"),
            ev("2026-11-23T10:00:00Z", EventKind::Closed),
            ev("2026-11-23T11:00:00Z", EventKind::UpdateSent),
        ],
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "events[2] (update_sent at 2026-11-23 11:00:00 UTC): the incident is closed; reopen it first"
    );
    let e = Incident::new("x", vec![ev("2026-11-23T10:00:00Z", EventKind::Responded)]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "events[0] (responded at 2026-11-23 10:00:00 UTC): the first event must be `reported`"
    );

    let c = office_contract("");
    let i = incident(vec![reported("2026-11-23T09:00:00Z", "urgent", "ticket")]);
    assert_eq!(
        evaluate(&c, &i, t("2026-11-23T10:00:00Z"))
            .unwrap_err()
            .to_string(),
        "events[0].severity: unknown severity `urgent`: expected one of high, low"
    );
    let early = incident(vec![reported("2024-06-01T09:00:00Z", "crisis", "phone")]);
    assert_eq!(
        evaluate(&cumulocity("emea-de"), &early, t("2024-06-01T10:00:00Z"))
            .unwrap_err()
            .to_string(),
        "events[0] (reported at 2024-06-01 09:00:00 UTC): the incident is reported before the contract starts on 2025-01-01"
    );
}

#[test]
fn bad_plans_are_errors_naming_the_field() {
    let bad = |targets: &str| -> Error {
        let json = format!(
            r#"{{"name": "T", "severities": [{{"key": "high", "name": "High"}}],
                "plans": {{"p": {{"name": "P", "targets": {targets}}}}}}}"#
        );
        let spec: slacalc::contract::CatalogSpec = serde_json::from_str(&json).unwrap();
        Catalog::try_from(spec).unwrap_err()
    };
    assert_eq!(
        bad(r#"{"high": {"reaction": {"within": "1 hour"}}}"#).to_string(),
        "plans.p.targets.high.reaction.within: invalid value `1 hour`: expected a duration such as `30m`, `4h`, `1h30m` or `2d` (units d, h, m, s)"
    );
    assert_eq!(
        bad(r#"{"urgent": {"reaction": {"within": "1h"}}}"#).to_string(),
        "plans.p.targets: unknown severity `urgent`: expected one of high"
    );
    assert_eq!(
        bad(r#"{"high": {"reaction": {"within": "1h", "clock": "moon"}}}"#).to_string(),
        "plans.p.targets.high.reaction.clock: unknown clock `moon`: expected one of 24x7, business"
    );
    assert_eq!(
        bad(r#"{"high": {"reaction": {"within": "1h", "business_days": 2}}}"#).to_string(),
        "plans.p.targets.high.reaction: invalid value `2 forms given`: expected exactly one of `within`, `business_days`, `end_of_business_day`"
    );
}

#[test]
fn reports_serialize_and_display() {
    let c = cumulocity("emea-de");
    let i = incident(vec![reported("2026-03-28T22:50:00Z", "crisis", "phone")]);
    let r = evaluate(&c, &i, t("2026-03-28T23:00:00Z")).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["metrics"][0]["metric"], "reaction");
    assert_eq!(json["metrics"][0]["deadline"], "2026-03-28T23:20:00Z");
    let text = r.to_string();
    assert!(
        text.contains("reaction         running        30m @ 24x7"),
        "{text}"
    );
    let again: slacalc::Report = serde_json::from_value(json).unwrap();
    assert_eq!(again, r);
}

/// Business-day forms count local dates: a clock that is a union, intersection or difference
/// (no time zone of its own) is refused where it is configured, not at evaluation.
#[test]
fn business_days_on_a_calendar_without_one_zone_are_refused_at_configuration() {
    let catalog = |targets: &str, ladders: &str| -> Result<Catalog, Error> {
        let json = format!(
            r#"{{"name": "T", "severities": [{{"key": "high", "name": "High"}}],
                "calendars": {{
                  "berlin": {{"timezone": "Europe/Berlin", "hours": {{"mon": ["09:00-17:00"]}}}},
                  "global": {{"union": [
                    {{"timezone": "Europe/Berlin", "hours": {{"mon": ["09:00-17:00"]}}}},
                    {{"timezone": "America/New_York", "hours": {{"mon": ["09:00-17:00"]}}}}]}}}},
                "plans": {{"p": {{"name": "P", "targets": {targets}, "ladders": {ladders}}}}}}}"#
        );
        Catalog::try_from(serde_json::from_str::<slacalc::contract::CatalogSpec>(&json).unwrap())
    };
    assert_eq!(
        catalog(
            r#"{"high": {"resolution": {"business_days": 2, "clock": "global"}}}"#,
            "{}"
        )
        .unwrap_err()
        .to_string(),
        "plans.p.targets.high.resolution.clock: invalid value `global`: expected a calendar \
         with one time zone, as business days are local dates (`global` is a union, which has \
         none)"
    );
    assert_eq!(
        catalog(
            r#"{"high": {"reaction": {"within": "4h", "clock": "global"}}}"#,
            r#"{"high": {"steps": [{"business_days": 3, "clock": "global", "notify": "VP"}]}}"#
        )
        .unwrap_err()
        .to_string(),
        "plans.p.ladders.high.steps[0].clock: invalid value `global`: expected a calendar with \
         one time zone, as business days are local dates (`global` is a union, which has none)"
    );
    // Business hours on a union are fine; so are business days on a zoned calendar.
    let ok = Arc::new(
        catalog(
            r#"{"high": {"reaction": {"within": "4h", "clock": "global"},
                         "resolution": {"end_of_business_day": 1}}}"#,
            "{}",
        )
        .unwrap(),
    );
    let terms = |json: &str| serde_json::from_str::<ContractSpec>(json).unwrap();
    let on_berlin = Contract::new(
        ok.clone(),
        terms(r#"{"customer": "A", "plan": "p", "region": "berlin"}"#),
    );
    assert!(on_berlin.is_ok(), "{on_berlin:?}");
    // The `business` clock is the region's (or a contact's region's) calendar.
    assert_eq!(
        Contract::new(
            ok.clone(),
            terms(r#"{"customer": "A", "plan": "p", "region": "global"}"#)
        )
        .unwrap_err()
        .to_string(),
        "region: invalid value `global`: expected a calendar with one time zone, as business \
         days are local dates (`plans.p.targets.high.resolution` counts business days on the \
         `business` clock; `global` is a union, which has none)"
    );
    assert_eq!(
        Contract::new(
            ok.clone(),
            terms(
                r#"{"customer": "A", "plan": "p", "region": "berlin",
                    "contacts": [{"name": "Ann", "region": "global"}]}"#
            )
        )
        .unwrap_err()
        .to_string(),
        "contacts[0].region: invalid value `global`: expected a calendar with one time zone, as \
         business days are local dates (`plans.p.targets.high.resolution` counts business days \
         on the `business` clock; `global` is a union, which has none)"
    );
    assert_eq!(
        Contract::new(
            ok,
            terms(
                r#"{"customer": "A", "plan": "p", "region": "berlin",
                    "overrides": {"high": {"reaction": {"business_days": 1, "clock": "global"}}}}"#
            )
        )
        .unwrap_err()
        .to_string(),
        "overrides.high.reaction.clock: invalid value `global`: expected a calendar with one \
         time zone, as business days are local dates (`global` is a union, which has none)"
    );
}

/// A contract's override is checked like the plan's own targets: a `start: {"at_level": …}`
/// naming a level the plan does not define would leave the metric never started.
#[test]
fn an_override_starting_at_an_unknown_level_is_refused() {
    let catalog: Arc<Catalog> =
        Arc::new(serde_json::from_str(fixture!("contracts/cosys.json")).unwrap());
    let terms = |start: &str| -> ContractSpec {
        serde_json::from_str(&format!(
            r#"{{"customer": "A", "plan": "application-management", "region": "service-hours",
                "overrides": {{"1": {{"reaction": {{"within": "15m", "start": {start}}}}}}}}}"#
        ))
        .unwrap()
    };
    assert_eq!(
        Contract::new(catalog.clone(), terms(r#"{"at_level": "n4"}"#))
            .unwrap_err()
            .to_string(),
        "overrides.1.reaction.start.at_level: unknown support level `n4`: expected one of n1, \
         n2, n3"
    );
    let ok = Contract::new(catalog, terms(r#"{"at_level": "n2"}"#));
    assert!(ok.is_ok(), "{ok:?}");
}
