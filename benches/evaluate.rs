//! Evaluating one incident (10 events) against a contract with 3 metrics, as of a fixed
//! `now`, and the throughput of evaluating many incidents.
//!
//! Run: `cargo bench --bench evaluate`.

use std::hint::black_box;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use slacalc::contract::{Catalog, ContractTermsSpec, Metric};
use slacalc::{evaluate, Contract, Event, EventKind, Incident, MetricState};

const CATALOG: &str = r#"{
  "name": "Bench",
  "severities": [{"key": "high", "name": "High"}, {"key": "low", "name": "Low"}],
  "calendars": {"office": {"timezone": "Europe/Berlin", "hours": {
      "mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
      "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}},
  "plans": {"p": {"name": "P",
     "pauses": {"resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}]},
     "targets": {"high": {"reaction": {"within": "1h"}, "workaround": {"within": "8h"},
                          "resolution": {"within": "40h"}}}}}
}"#;

fn contract() -> Contract {
    let catalog: Catalog = serde_json::from_str(CATALOG).expect("catalog");
    Contract::new(
        Arc::new(catalog),
        ContractTermsSpec {
            customer: "Bench GmbH".into(),
            plan: "p".into(),
            region: Some("office".into()),
            holidays: serde_json::from_str(r#"[{"preset": "de"}]"#).expect("holidays"),
            ..ContractTermsSpec::default()
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
