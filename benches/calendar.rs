//! Calendar arithmetic on the `emea-office` calendar of the conformance vectors (Berlin,
//! Mon–Fri 08:00–17:00, German holidays 2019–2031, half days on Dec 24/31).
//!
//! Every bench uses fixed inputs (never the current time) and asserts its result inside the
//! timed loop, so a wrong fast path cannot look fast. Chunks are compiled before timing: the
//! figures are the steady state of a service that keeps its calendars.
//!
//! Run: `cargo bench --bench calendar`.

use std::hint::black_box;

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use slacalc::calendar::CalendarSpec;
use slacalc::Calendar;

fn emea_spec() -> CalendarSpec {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../tests/vectors/calendars/emea-office.json"))
            .expect("vector file is JSON");
    serde_json::from_value(doc["calendar"].clone()).expect("calendar spec")
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().expect("RFC 3339")
}

fn benches(c: &mut Criterion) {
    let cal = Calendar::try_from(emea_spec()).expect("valid calendar");
    // Tuesday 2026-03-10 10:17:23 in Berlin.
    let t = at("2026-03-10T09:17:23Z");
    // Warm the compiled years the benches touch.
    let _ = cal.between(at("2025-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z"));

    let cases = [
        ("calendar/add/1h", TimeDelta::hours(1)),
        ("calendar/add/40h", TimeDelta::hours(40)),
        ("calendar/add/2000h", TimeDelta::hours(2000)),
    ];
    for (id, d) in cases {
        let expected = cal.add(t, d).expect("business time exists");
        assert_eq!(cal.between(t, expected).expect("between"), d);
        c.bench_function(id, |b| {
            b.iter(|| {
                let r = cal.add(black_box(t), black_box(d)).expect("add");
                assert_eq!(r, expected);
                r
            })
        });
    }

    let d = TimeDelta::hours(40);
    let expected = cal.sub(t, d).expect("business time exists");
    assert_eq!(cal.between(expected, t).expect("between"), d);
    c.bench_function("calendar/sub/40h", |b| {
        b.iter(|| {
            let r = cal.sub(black_box(t), black_box(d)).expect("sub");
            assert_eq!(r, expected);
            r
        })
    });

    for (id, span) in [
        ("calendar/between/1d", TimeDelta::days(1)),
        ("calendar/between/1y", TimeDelta::days(365)),
    ] {
        let to = t + span;
        let expected = cal.between(t, to).expect("between");
        c.bench_function(id, |b| {
            b.iter(|| {
                let r = cal.between(black_box(t), black_box(to)).expect("between");
                assert_eq!(r, expected);
                r
            })
        });
    }

    c.bench_function("calendar/is_open", |b| {
        b.iter(|| {
            let r = cal.is_open(black_box(t));
            assert!(r);
            r
        })
    });

    let spec = emea_spec();
    c.bench_function("calendar/build/emea-office", |b| {
        b.iter(|| {
            let cal = Calendar::try_from(black_box(spec.clone())).expect("valid");
            assert!(cal.timezone().is_some());
            cal
        })
    });
}

criterion_group!(calendar, benches);
criterion_main!(calendar);
