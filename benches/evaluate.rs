//! Evaluating one incident (10 events) against a contract with 3 metrics, as of a fixed
//! `now`; an incident with 40,000 periodic updates (evaluation and next wake-up, linear in the
//! events); a ladder with `share` and `after_breach` steps (which read the metric's record);
//! and the throughput of evaluating many incidents.
//!
//! Run: `cargo bench --bench evaluate`.

use std::hint::black_box;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use slacalc::{
    evaluate, next_wake_up, Contract, Event, EventKind, Incident, MetricState, StepState,
};
use slacalc::{Catalog, ContractSpec, Metric};

const CATALOG: &str = r#"{
  "name": "Bench",
  "severities": [{"key": "high", "name": "High"}, {"key": "low", "name": "Low"}],
  "calendars": {"office": {"timezone": "Europe/Berlin", "hours": {
      "mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
      "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}},
  "plans": {"p": {"name": "P",
     "pauses": {"resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}]},
     "targets": {"high": {"reaction": {"within": "1h"}, "workaround": {"within": "8h"},
                          "resolution": {"within": "40h"}}}},
   "updates": {"name": "Updates",
     "targets": {"high": {"update": {"within": "4h", "clock": "24x7"}}}},
   "warned": {"name": "Warned",
     "pauses": {"resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}]},
     "targets": {"high": {"reaction": {"within": "1h"}, "resolution": {"within": "40h"}}},
     "ladders": {"high": {"steps": [
        {"share": "50", "metric": "resolution", "notify": "Team lead"},
        {"share": "75", "metric": "resolution", "notify": "Duty manager"},
        {"share": "100", "metric": "resolution", "notify": "Head of Support"},
        {"after_breach": "4h", "metric": "resolution", "notify": "Director"}]}}}}
}"#;

fn contract() -> Contract {
    on_plan("p")
}

fn on_plan(plan: &str) -> Contract {
    let catalog: Catalog = serde_json::from_str(CATALOG).expect("catalog");
    Contract::new(
        Arc::new(catalog),
        ContractSpec {
            customer: "Bench GmbH".into(),
            plan: plan.into(),
            region: Some("office".into()),
            holidays: serde_json::from_str(r#"[{"preset": "de"}]"#).expect("holidays"),
            ..ContractSpec::default()
        },
    )
    .expect("contract")
}

/// An incident of 10 events reported at `at`.
fn incident(at: DateTime<Utc>) -> Incident {
    let m = |min: i64| at + Duration::minutes(min);
    let ev = |min, kind| Event::new(m(min), kind);
    Incident::new(
        "B-1",
        vec![
            ev(
                0,
                EventKind::Reported {
                    severity: "high".into(),
                    channel: None,
                    contact: None,
                },
            ),
            ev(20, EventKind::Responded),
            ev(60, EventKind::AwaitingCustomer),
            ev(300, EventKind::CustomerReplied),
            ev(400, EventKind::UpdateSent),
            ev(900, EventKind::AwaitingCustomer),
            ev(1500, EventKind::CustomerReplied),
            ev(1600, EventKind::WorkaroundProvided),
            ev(2000, EventKind::UpdateSent),
            ev(2500, EventKind::UpdateSent),
        ],
    )
    .expect("incident")
}

fn benches(c: &mut Criterion) {
    let contract = contract();
    let reported: DateTime<Utc> = "2026-03-10T09:17:23Z".parse().expect("instant");
    let now = reported + Duration::days(5);
    let inc = incident(reported);
    let expected = evaluate(&contract, &inc, now).expect("evaluate");
    assert_eq!(expected.metrics.len(), 3);
    assert_eq!(
        expected.metric(Metric::Reaction).map(|m| m.state),
        Some(MetricState::Met)
    );
    c.bench_function("evaluate/incident/10-events-3-metrics", |b| {
        b.iter(|| {
            let r = evaluate(black_box(&contract), black_box(&inc), black_box(now)).expect("ok");
            assert_eq!(r.metrics.len(), 3);
            r
        })
    });

    // 40,000 updates every 30 minutes on a 4-hour periodic target: linear in the events.
    let updates = {
        let mut events = vec![Event::new(
            reported,
            EventKind::Reported {
                severity: "high".into(),
                channel: None,
                contact: None,
            },
        )];
        events.extend(
            (1..=40_000)
                .map(|k| Event::new(reported + Duration::minutes(30 * k), EventKind::UpdateSent)),
        );
        Incident::new("B-2", events).expect("incident")
    };
    let updating = on_plan("updates");
    let end = reported + Duration::minutes(30 * 40_000 + 10);
    let mut group = c.benchmark_group("evaluate/updates");
    group.sample_size(10);
    group.bench_function("40k", |b| {
        b.iter(|| {
            let r =
                evaluate(black_box(&updating), black_box(&updates), black_box(end)).expect("ok");
            let m = r.metric(Metric::Update).expect("update");
            assert_eq!((m.state, m.cycles.len()), (MetricState::Running, 40_001));
            r
        })
    });
    group.bench_function("40k-next-wake-up", |b| {
        b.iter(|| {
            let w = next_wake_up(black_box(&updating), black_box(&updates), black_box(end))
                .expect("ok");
            assert_eq!(
                w,
                Some(end - Duration::minutes(10) + Duration::hours(4) + Duration::nanoseconds(1))
            );
            w
        })
    });
    group.finish();

    // A ladder whose steps read the resolution's record (shares and a step after the breach).
    let warned = on_plan("warned");
    let at = now;
    c.bench_function("evaluate/ladder/share-and-after-breach", |b| {
        b.iter(|| {
            let r = evaluate(black_box(&warned), black_box(&inc), black_box(at)).expect("ok");
            assert_eq!(r.steps.len(), 4);
            assert_eq!(r.steps[0].state, StepState::Fired);
            r
        })
    });

    // Throughput: 10,000 different incidents, one hour apart, evaluated in one pass.
    let many: Vec<Incident> = (0..10_000)
        .map(|k| incident(reported + Duration::hours(k)))
        .collect();
    let later = reported + Duration::days(500);
    let mut group = c.benchmark_group("evaluate/throughput");
    group.throughput(Throughput::Elements(many.len() as u64));
    group.sample_size(10);
    group.bench_function("10k-incidents", |b| {
        b.iter(|| {
            let mut met = 0usize;
            for i in &many {
                let r = evaluate(&contract, i, later).expect("ok");
                met += usize::from(
                    r.metric(Metric::Reaction).map(|m| m.state) == Some(MetricState::Met),
                );
            }
            assert_eq!(met, many.len());
            met
        })
    });
    group.finish();
}

criterion_group!(evaluate_benches, benches);
criterion_main!(evaluate_benches);
