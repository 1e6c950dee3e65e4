//! Calendar arithmetic on the `emea-office` calendar of the conformance vectors (Berlin,
//! Mon–Fri 08:00–17:00, German holidays 2019–2031, half days on Dec 24/31), beside a floor.
//!
//! The floor (`calendar/floor/…`) is the yardstick issue "Speed back to the floor" set: a flat
//! table of the same calendar's business intervals as Unix seconds with running totals and a
//! day index, built here from the calendar's public API (walking `next_open` / `next_close`
//! over the benched years), answering with one index lookup and one binary search, `i64`
//! seconds in and out. It does nothing else: no `DateTime` conversion, no error handling, no
//! reach beyond its years. The figures that matter are the ratios real / floor of one run.
//!
//! Every bench asserts its result inside the timed loop, so a wrong fast path cannot look
//! fast. Two kinds of input: a fixed instant (Tuesday 2026-03-10 10:17:23 in Berlin), and
//! 4,096 instants drawn at random (a fixed seed) over 2022–2029, cycled through, so caches and
//! branch predictors see what a service sees. Chunks are compiled before timing: the figures
//! are the steady state of a service that keeps its calendars.
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

const DAY: i64 = 86_400;

/// The flat table: business intervals `[starts[i], ends[i])` in Unix seconds, sorted and
/// disjoint, `cum[i]` the business seconds before `starts[i]`, and `day[d]` the number of
/// intervals starting before day `d` (counted from `first`) ends.
struct Floor {
    first: i64,
    starts: Vec<i64>,
    ends: Vec<i64>,
    cum: Vec<i64>,
    day: Vec<u32>,
}

impl Floor {
    /// Walks the calendar's intervals in `[from, to)` with its public API.
    fn new(cal: &Calendar, from: DateTime<Utc>, to: DateTime<Utc>) -> Floor {
        let (mut starts, mut ends, mut cum) = (Vec::new(), Vec::new(), Vec::new());
        let mut total = 0;
        let mut t = from;
        while let Some(open) = cal.next_open(t).expect("next_open") {
            if open >= to {
                break;
            }
            let close = cal.next_close(open).expect("next_close").expect("closes");
            starts.push(open.timestamp());
            ends.push(close.timestamp());
            cum.push(total);
            total += close.timestamp() - open.timestamp();
            t = close;
        }
        let first = from.timestamp().div_euclid(DAY) * DAY;
        let days = (to.timestamp() - first) / DAY + 1;
        let day = (0..=days)
            .map(|d| starts.partition_point(|&s| s < first + (d + 1) * DAY) as u32)
            .collect();
        Floor {
            first,
            starts,
            ends,
            cum,
            day,
        }
    }

    /// Business seconds before `t` (since the table's first interval).
    #[inline]
    fn cum_at(&self, t: i64) -> i64 {
        let mut k = self.day[((t - self.first) / DAY) as usize] as usize;
        while k > 0 && self.starts[k - 1] > t {
            k -= 1;
        }
        match k {
            0 => 0,
            _ => self.cum[k - 1] + t.min(self.ends[k - 1]) - self.starts[k - 1],
        }
    }

    /// The earliest second at which `d` business seconds after `t` have passed.
    #[inline]
    fn add(&self, t: i64, d: i64) -> i64 {
        let need = self.cum_at(t) + d;
        let k = self.cum.partition_point(|&c| c < need) - 1;
        self.starts[k] + (need - self.cum[k])
    }

    /// Business seconds in `[a, b)`.
    #[inline]
    fn between(&self, a: i64, b: i64) -> i64 {
        self.cum_at(b) - self.cum_at(a)
    }
}

/// 4,096 instants (whole seconds) spread at random over 2022–2029, from a fixed seed.
fn random_instants() -> Vec<DateTime<Utc>> {
    let (lo, hi) = (
        at("2022-01-01T00:00:00Z").timestamp(),
        at("2030-01-01T00:00:00Z").timestamp(),
    );
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..4096)
        .map(|_| {
            // xorshift64*
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
            DateTime::from_timestamp(lo + (r % (hi - lo) as u64) as i64, 0).expect("in range")
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let cal = Calendar::try_from(emea_spec()).expect("valid calendar");
    // Tuesday 2026-03-10 10:17:23 in Berlin.
    let t = at("2026-03-10T09:17:23Z");
    // Warm the compiled years the benches touch.
    let _ = cal.between(at("2021-01-01T00:00:00Z"), at("2032-01-01T00:00:00Z"));
    let floor = Floor::new(&cal, at("2021-01-01T00:00:00Z"), at("2032-01-01T00:00:00Z"));
    let random = random_instants();
    let random_secs: Vec<i64> = random.iter().map(DateTime::timestamp).collect();

    let cases = [
        ("calendar/add/1h", TimeDelta::hours(1)),
        ("calendar/add/40h", TimeDelta::hours(40)),
        ("calendar/add/2000h", TimeDelta::hours(2000)),
    ];
    for (id, d) in cases {
        let expected = cal.add(t, d).expect("business time exists");
        assert_eq!(cal.between(t, expected).expect("between"), d);
        assert_eq!(
            floor.add(t.timestamp(), d.num_seconds()),
            expected.timestamp()
        );
        c.bench_function(id, |b| {
            b.iter(|| {
                let r = cal.add(black_box(t), black_box(d)).expect("add");
                assert_eq!(r, expected);
                r
            })
        });
    }
    let d = TimeDelta::hours(40);
    let expected = cal.add(t, d).expect("add").timestamp();
    // The floor's inputs are seconds, converted outside the timed loop.
    let (from, secs) = (t.timestamp(), d.num_seconds());
    c.bench_function("calendar/floor/add/40h", |b| {
        b.iter(|| {
            let r = floor.add(black_box(from), black_box(secs));
            assert_eq!(r, expected);
            r
        })
    });

    // Random starts: the real add against the floor's, result by result.
    let expected: Vec<i64> = random
        .iter()
        .map(|&s| cal.add(s, d).expect("add").timestamp())
        .collect();
    for (&s, &e) in random_secs.iter().zip(&expected) {
        assert_eq!(floor.add(s, d.num_seconds()), e, "floor add at {s}");
    }
    c.bench_function("calendar/add/40h/random", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 4095;
            let r = cal.add(black_box(random[i]), black_box(d)).expect("add");
            assert_eq!(r.timestamp(), expected[i]);
            r
        })
    });
    c.bench_function("calendar/floor/add/40h/random", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 4095;
            let r = floor.add(black_box(random_secs[i]), black_box(secs));
            assert_eq!(r, expected[i]);
            r
        })
    });

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
    let year = TimeDelta::days(365);
    let expected = cal.between(t, t + year).expect("between").num_seconds();
    let (from, to) = (t.timestamp(), (t + year).timestamp());
    assert_eq!(floor.between(from, to), expected);
    c.bench_function("calendar/floor/between/1y", |b| {
        b.iter(|| {
            let r = floor.between(black_box(from), black_box(to));
            assert_eq!(r, expected);
            r
        })
    });

    let ends: Vec<DateTime<Utc>> = random.iter().map(|&s| s + year).collect();
    let expected: Vec<i64> = random
        .iter()
        .zip(&ends)
        .map(|(&a, &b)| cal.between(a, b).expect("between").num_seconds())
        .collect();
    for ((a, b), &e) in random.iter().zip(&ends).zip(&expected) {
        assert_eq!(floor.between(a.timestamp(), b.timestamp()), e);
    }
    c.bench_function("calendar/between/1y/random", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 4095;
            let r = cal
                .between(black_box(random[i]), black_box(ends[i]))
                .expect("between");
            assert_eq!(r.num_seconds(), expected[i]);
            r
        })
    });
    let end_secs: Vec<i64> = ends.iter().map(DateTime::timestamp).collect();
    c.bench_function("calendar/floor/between/1y/random", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) & 4095;
            let r = floor.between(black_box(random_secs[i]), black_box(end_secs[i]));
            assert_eq!(r, expected[i]);
            r
        })
    });

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
