//! Prioritized queuing over 100,000 open incidents as of one `now`.
//!
//! - `queue/order/100k`: what the 50 ms budget is for — sorting 100,000 precomputed
//!   [`QueueEntry`]s by the default keys and finding the deciding key of every adjacent pair
//!   (explanation texts are rendered lazily, on display). Evaluation is not included.
//! - `queue/evaluate/100k`: evaluating the same 100,000 incidents into entries (one
//!   [`slacalc::evaluate`] each); this, not the ordering, dominates a queue as of a new `now`.
//! - `queue/update/100k`: one incident changes in a [`Queue`] of 100,000: one evaluation and
//!   O(log n) map work; the others are not touched.
//!
//! Inputs are fixed (no clock): 100,000 incidents over the six customer contracts of the
//! Cumulocity and Comarch fixtures, every severity, reported over the 70 hours before `now`,
//! a third of them answered.
//!
//! Run: `cargo bench --bench queue`.

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use slacalc::queue::{order, Queue, QueueConfig, QueueEntry};
use slacalc::{Contract, Event, EventKind, Incident};

use common::{contracts, incident};

const N: usize = 100_000;

fn benches(c: &mut Criterion) {
    let now: DateTime<Utc> = "2026-03-10T10:00:00Z".parse().expect("instant");
    let contracts = contracts();
    let open: Vec<(Arc<Contract>, Incident)> = (0..N)
        .map(|k| {
            let contract = contracts[k % contracts.len()].clone();
            let i = incident(k, &contract, now);
            (contract, i)
        })
        .collect();
    let entries: Vec<QueueEntry> = open
        .iter()
        .map(|(c, i)| QueueEntry::new(c, i, now).expect("evaluate"))
        .collect();
    let config = QueueConfig::default();
    let expected_first = order(&config, &entries)
        .get(0)
        .map(|p| p.entry.incident.clone())
        .expect("non-empty");

    let mut group = c.benchmark_group("queue");
    group.throughput(Throughput::Elements(N as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("order/100k", |b| {
        b.iter(|| {
            let q = order(black_box(&config), black_box(&entries));
            assert_eq!(q.len(), N);
            assert_eq!(q.get(0).map(|p| &p.entry.incident), Some(&expected_first));
            q.explain(N / 2).map(|w| w.decided)
        })
    });
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("evaluate/100k", |b| {
        b.iter(|| {
            let evaluated: Vec<QueueEntry> = open
                .iter()
                .map(|(c, i)| QueueEntry::new(c, i, black_box(now)).expect("evaluate"))
                .collect();
            assert_eq!(evaluated.len(), N);
            evaluated
        })
    });
    group.finish();

    // One incident changes in a queue of 100,000 (alternately answered and not).
    let mut queue = Queue::new(config.clone(), now);
    let ids: Vec<_> = open
        .iter()
        .map(|(c, i)| queue.insert(c.clone(), i.clone()).expect("insert"))
        .collect();
    let (contract, plain) = open[1].clone();
    let mut events = plain.events().to_vec();
    events.push(Event::new(
        now - TimeDelta::minutes(1),
        EventKind::Responded,
    ));
    let answered = Incident::new(plain.id(), events).expect("incident");
    let versions = [plain, answered];
    let mut flip = 0usize;
    let mut group = c.benchmark_group("queue");
    group.bench_function("update/100k", |b| {
        b.iter_batched(
            || {
                flip += 1;
                versions[flip % 2].clone()
            },
            |incident| {
                queue
                    .update(ids[1], contract.clone(), incident)
                    .expect("update");
                assert_eq!(queue.len(), N);
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(queue_benches, benches);
criterion_main!(queue_benches);
