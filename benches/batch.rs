//! Batch evaluation and compliance aggregation of 1,000,000 incidents (10 events each, 3
//! metrics) on three contracts, as of a fixed `now`: `batch/compliance/1m-incidents`
//! evaluates and aggregates them into a `ComplianceReport` for 2026, and
//! `batch/evaluate/1m-incidents` only evaluates them (`evaluate_all`, keeping every
//! `Report`).
//!
//! Run: `cargo bench --bench batch` (sequential) and `cargo bench --bench batch --features
//! rayon` (rayon's pool, one thread per core). Fewer samples than criterion's default: one
//! iteration takes about a second.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use slacalc::report::{evaluate_all, ComplianceReport, ComplianceTargets};
use slacalc::time::Period;
use slacalc::{Catalog, ContractSpec, Metric};
use slacalc::{Contract, Event, EventKind, Incident};

const N: usize = 1_000_000;

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

fn contracts() -> Vec<Contract> {
    let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(CATALOG).expect("catalog"));
    ["Alpha GmbH", "Beta AG", "Gamma SE"]
        .iter()
        .map(|customer| {
            Contract::new(
                catalog.clone(),
                ContractSpec {
                    customer: (*customer).into(),
                    plan: "p".into(),
                    region: Some("office".into()),
                    holidays: serde_json::from_str(r#"[{"preset": "de"}]"#).expect("holidays"),
                    ..ContractSpec::default()
                },
            )
            .expect("contract")
        })
        .collect()
}

/// An incident of 10 events reported at `at` (the shape of `benches/evaluate.rs`), with the
/// response after `respond` minutes.
fn incident(k: usize, at: DateTime<Utc>, respond: i64) -> Incident {
    let m = |min: i64| at + Duration::minutes(min);
    let ev = |min, kind| Event::new(m(min), kind);
    Incident::new(
        format!("B-{k}"),
        vec![
            ev(
                0,
                EventKind::Reported {
                    severity: "high".into(),
                    channel: None,
                    contact: None,
                },
            ),
            ev(respond, EventKind::Responded),
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
    let contracts = contracts();
    // 1,000,000 incidents 31 s apart through 2026 (347 days), round-robin on the contracts,
    // responses after 5 to 59 minutes of wall time.
    let first: DateTime<Utc> = "2026-01-01T06:17:23Z".parse().expect("instant");
    let incidents: Vec<(usize, Incident)> = (0..N)
        .map(|k| {
            let at = first + Duration::seconds(31 * k as i64);
            (k % 3, incident(k, at, 5 + (k % 55) as i64))
        })
        .collect();
    let pairs: Vec<(&Contract, &Incident)> =
        incidents.iter().map(|(k, i)| (&contracts[*k], i)).collect();
    // What the input holds (the bulk of the process's memory): the pairs, the events
    // and the identifiers.
    let input_bytes: usize = incidents
        .iter()
        .map(|(_, i)| {
            std::mem::size_of::<(usize, Incident)>()
                + std::mem::size_of_val(i.events())
                + i.id().len()
        })
        .sum();
    println!(
        "input: {N} incidents, {} MB ({} bytes per event)",
        input_bytes / 1_000_000,
        std::mem::size_of::<Event>()
    );
    let now: DateTime<Utc> = "2027-01-15T00:00:00Z".parse().expect("instant");
    let period: Period = "2026-01-01..2027-01-01".parse().expect("period");
    let targets: ComplianceTargets =
        serde_json::from_str(r#"{"default": {"reaction": "95", "resolution": "90"}}"#)
            .expect("targets");

    let expected = ComplianceReport::build(&pairs, &period, &targets, now);
    assert_eq!(expected.incidents, N as u64);
    assert!(expected.failures.is_empty());
    assert_eq!(expected.rows.len(), 3 * 3);
    println!("{expected}");

    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(N as u64));
    group.sample_size(10);
    group.measurement_time(StdDuration::from_secs(20));
    group.bench_function("compliance/1m-incidents", |b| {
        b.iter(|| {
            let r = ComplianceReport::build(black_box(&pairs), &period, &targets, black_box(now));
            assert_eq!(r.incidents, N as u64);
            assert_eq!(r.totals, expected.totals);
            r
        })
    });
    group.bench_function("evaluate/1m-incidents", |b| {
        b.iter(|| {
            let reports = evaluate_all(black_box(&pairs), now);
            assert_eq!(reports.len(), N);
            assert!(reports.iter().all(|r| r
                .as_ref()
                .is_ok_and(|r| r.metric(Metric::Reaction).is_some())));
            reports
        })
    });
    group.finish();
}

criterion_group!(batch_benches, benches);
criterion_main!(batch_benches);
