//! The agenda over 100,000 open incidents.
//!
//! - `agenda/build/100k`: scheduling 100,000 open incidents at once
//!   ([`Agenda::insert_all`]: one evaluation each, the index sorted once). Budget 200 ms.
//! - `agenda/update-next/100k`: one incident gains an event (alternately answered and not)
//!   in an agenda of 100,000, then the next instant anything changes and what changes then
//!   ([`Agenda::update`] + [`Agenda::next_instant`]). Budget 10 µs.
//! - `agenda/peek/100k`: what changes at the next instant ([`Agenda::peek`]); its cost grows
//!   with the number of items due then (the incidents reported in the same minute with the
//!   same target fall due together).
//! - `agenda/due-before/1h`: everything due in the next hour of the 100,000.
//!
//! Inputs are fixed (no clock): the incidents of the queue bench — 100,000 over the six
//! customer contracts of the Cumulocity and Comarch fixtures, every severity, reported over
//! the 70 hours before `now`, a third of them answered.
//!
//! Run: `cargo bench --bench agenda` (`cargo bench --bench agenda -- --test` runs each once).

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use slacalc::agenda::Agenda;
use slacalc::next_wake_up;
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
    // The brute force, once: the minimum of `next_wake_up` over every incident.
    let expected_next = open
        .iter()
        .filter_map(|(c, i)| next_wake_up(c, i, now).expect("wake-up"))
        .min();
    assert!(expected_next.is_some());

    let mut group = c.benchmark_group("agenda");
    group.throughput(Throughput::Elements(N as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("build/100k", |b| {
        b.iter_batched(
            || open.clone(),
            |input| {
                let mut agenda = Agenda::new(black_box(now));
                let ids = agenda.insert_all(input).expect("schedule");
                assert_eq!(ids.len(), N);
                assert_eq!(agenda.next_instant(), expected_next);
                agenda
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();

    let mut agenda = Agenda::new(now);
    let ids = agenda.insert_all(open.clone()).expect("schedule");
    let hour = now + TimeDelta::hours(1);
    let due_in_an_hour = agenda.due_before(hour).len();
    assert!(due_in_an_hour > 0);
    println!(
        "agenda: {} items scheduled for 100,000 incidents, {} at the next instant, {} in the next hour",
        agenda.iter().map(|(id, _, _)| agenda.scheduled(id).count()).sum::<usize>(),
        agenda.peek().len(),
        due_in_an_hour
    );
    // Incident 1 (Cumulocity, not answered): alternately answered a minute ago and not.
    let (contract, plain) = open[1].clone();
    let mut answered = plain.clone();
    answered
        .push(Event::new(
            now - TimeDelta::minutes(1),
            EventKind::Responded,
        ))
        .expect("event");
    let versions = [plain, answered];
    let mut flip = 0usize;
    let mut group = c.benchmark_group("agenda");
    group.bench_function("update-next/100k", |b| {
        b.iter_batched(
            || {
                flip += 1;
                versions[flip % 2].clone()
            },
            |incident| {
                agenda
                    .update(ids[1], contract.clone(), incident)
                    .expect("update");
                let next = agenda.next_instant();
                assert_eq!(next, expected_next);
                next
            },
            BatchSize::SmallInput,
        )
    });
    let at_next = agenda.peek().len();
    assert!(at_next > 0);
    group.bench_function("peek/100k", |b| {
        b.iter(|| {
            let changes = agenda.peek();
            assert_eq!(changes.len(), at_next);
            changes.len()
        })
    });
    group.bench_function("due-before/1h", |b| {
        b.iter(|| {
            let due = agenda.due_before(black_box(hour));
            assert_eq!(due.len(), due_in_an_hour);
            due.len()
        })
    });
    group.finish();
}

criterion_group!(agenda_benches, benches);
criterion_main!(agenda_benches);
