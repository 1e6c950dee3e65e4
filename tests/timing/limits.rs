//! Configurations at the limits checked at load (`slacalc::calendar::MAX_*`), each held to
//! the bounds the calendar module documents, for a release build on the 2-core development
//! machine: building a calendar takes at most 100 ms, every call at most 10 ms — the first
//! one too, which sums the years it spans from weekly patterns (see `first`) — and a
//! calendar holds at most 64 MiB. Debug builds are ten to a hundred times slower here, so
//! under `cargo test` (debug) the budgets are larger (see `bound` and `first`), yet a regression
//! that breaks a bound tenfold fails in either build.
//!
//! Shares the `timing` binary with `bounded`; the timed sections of both hold a lock
//! (`util::timed_section_among_peers` here), so that these heavier first calls never compete
//! for the two cores with its tighter budgets.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use slacalc::calendar::BusinessDays;
use slacalc::{Calendar, Error};

use crate::util::{cal, t, timed_section_among_peers};

/// The bound in a release build; twenty times it in a debug build, which is ten to
/// twenty-five times slower here (a tenfold regression still fails: in debug it takes
/// a hundred times the bound or more).
fn bound(release: Duration) -> Duration {
    if cfg!(debug_assertions) {
        release * 20
    } else {
        release
    }
}

const MEMORY_BOUND: usize = 64 << 20;

fn within<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let _peers = timed_section_among_peers();
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    eprintln!("{what}: {took:?}");
    assert!(took < limit, "{what} took {took:?}, over {limit:?}");
    out
}

/// Builds a calendar within the build bound.
fn build(what: &str, json: &str) -> Calendar {
    within(what, bound(Duration::from_millis(100)), || {
        Calendar::from_json(json).unwrap()
    })
}

/// A first call, which may sum and compile the calendar's years: 10 ms in release, like any
/// call. Measured in release with other builds on the two cores (load average 2–3): 1.4–2.1
/// ms for sixteen calendars in eight zones with 128 weekly shifts over 1800–2599, under 1.5
/// ms for most others; 1,000 substitute rules, `between(2026, MAX)` 4.2–5.6 ms (6.6–11 ms at
/// load 8) and 100,000 business days 2.6–2.9 ms; a union of sixteen `gb-eng` calendars
/// (Easter: no 400-year cycle), `between(1583, 1700)` 3.6–9.5 ms; 500 exceptions in
/// distinct years spread over a union of sixteen calendars 4.8–5.0 ms (7.5–12.6 ms at load
/// 8): near the bound, so this test can fail in release on a busy machine; 1,000 one-year
/// rules 50 years apart, `between(2026, 30000)`, 3.7–7.3 ms on an idle machine (the 540
/// stretches between them have the same rules in force and share their year totals by
/// shape of year; 11–23 ms before they did). Summing years is
/// where a debug build is slowest (14 to 60 times), so its budget is 1 s: a tenfold
/// regression (100 ms in release) takes 1.4 s or more there.
fn first<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(1)
    } else {
        Duration::from_millis(10)
    };
    within(what, limit, f)
}

/// A call on years already compiled.
fn again<T>(what: &str, f: impl FnOnce() -> T) -> T {
    within(what, bound(Duration::from_millis(10)), f)
}

fn assert_memory(what: &str, c: &Calendar) {
    let bytes = c.memory_bytes();
    eprintln!("{what}: {bytes} bytes");
    assert!(bytes <= MEMORY_BOUND, "{what} holds {bytes} bytes");
}

fn invalid(json: &str) -> (String, String) {
    match Calendar::from_json(json) {
        Err(Error::InvalidValue { path, value, .. }) => (path, value),
        other => panic!("expected InvalidValue, got {other:?}"),
    }
}

/// `n` one-minute shifts two minutes apart, as a JSON list.
fn minute_shifts(n: usize) -> String {
    let list: Vec<String> = (0..n)
        .map(|i| {
            let (a, b) = (2 * i, 2 * i + 1);
            format!(
                "\"{:02}:{:02}-{:02}:{:02}\"",
                a / 60,
                a % 60,
                b / 60,
                b % 60
            )
        })
        .collect();
    format!("[{}]", list.join(","))
}

#[test]
fn most_shifts_a_day_every_day() {
    use slacalc::calendar::MAX_SHIFTS_PER_DAY;
    let s = minute_shifts(MAX_SHIFTS_PER_DAY);
    let c = build(
        "build",
        &format!(
            r#"{{"timezone": "Europe/Berlin", "hours": {{"mon": {s}, "tue": {s}, "wed": {s},
                "thu": {s}, "fri": {s}, "sat": {s}, "sun": {s}}}}}"#
        ),
    );
    let (a, b) = (t("1800-01-01T00:00:00Z"), t("2599-12-31T00:00:00Z"));
    let span = first("between 1800..2599", || c.between(a, b)).unwrap();
    // 16 minutes a day on each of the 292,193 days, less the hours that DST moves across
    // the ends of the span: checked against the sum of its years below.
    assert_eq!(
        again("between 1800..2599 again", || c.between(a, b)).unwrap(),
        span
    );
    let mid = t("2200-01-01T00:00:00Z");
    assert_eq!(
        again("two halves", || c.between(a, mid).unwrap()
            + c.between(mid, b).unwrap()),
        span
    );
    again("between MIN..MAX", || {
        c.between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC)
    })
    .unwrap();
    assert_memory("16 shifts a day", &c);

    let over = minute_shifts(MAX_SHIFTS_PER_DAY + 1);
    assert_eq!(
        invalid(&format!(
            r#"{{"timezone": "UTC", "hours": {{"tue": {over}}}}}"#
        )),
        ("hours.tue".to_owned(), "17 shifts".to_owned())
    );
    assert_eq!(
        invalid(&format!(
            r#"{{"timezone": "UTC", "exceptions": {{"2026-12-24": {over}}}}}"#
        )),
        ("exceptions.2026-12-24".to_owned(), "17 shifts".to_owned())
    );
    // 720 a day, the configuration that took 8.7 s and 4.3 GB, is refused at once.
    let many = minute_shifts(720);
    assert_eq!(
        invalid(&format!(
            r#"{{"timezone": "UTC", "hours": {{"mon": {many}}}}}"#
        ))
        .1,
        "720 shifts"
    );
}

/// `n` substitute rules, on 168 distinct dates (twelve months × days 1–14), repeating: the
/// second half of every month stays open.
fn substitute_rules(n: usize) -> String {
    let rules: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"name": "R{i}", "month": {}, "day": {}, "observed": "substitute"}}"#,
                i % 12 + 1,
                (i / 12) % 14 + 1
            )
        })
        .collect();
    format!("[{}]", rules.join(","))
}

#[test]
fn most_holiday_rules() {
    use slacalc::calendar::MAX_HOLIDAY_RULES;
    let rules = substitute_rules(MAX_HOLIDAY_RULES);
    let c = build(
        "build",
        &format!(
            r#"{{"timezone": "UTC", "hours": {{"mon": ["09:00-17:00"], "wed": ["09:00-17:00"]}},
                "holidays": {rules}}}"#
        ),
    );
    let from = t("2026-01-01T00:00:00Z");
    let all = first("between 2026..MAX", || {
        c.between(from, DateTime::<Utc>::MAX_UTC)
    })
    .unwrap();
    assert_eq!(
        again("again", || c.between(from, DateTime::<Utc>::MAX_UTC)).unwrap(),
        all
    );
    let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let far = first("add 100,000 business days", || {
        c.add_business_days(d, BusinessDays(100_000))
    })
    .unwrap();
    assert_eq!(
        again("count them", || c
            .business_days_between(d, far)
            .map(BusinessDays::get))
        .unwrap(),
        100_000
    );
    assert_memory("most rules", &c);

    let over = substitute_rules(MAX_HOLIDAY_RULES + 1);
    assert_eq!(
        invalid(&format!(r#"{{"timezone": "UTC", "holidays": {over}}}"#)),
        (
            "holidays".to_owned(),
            format!("{} holiday rules", MAX_HOLIDAY_RULES + 1)
        )
    );
    // Presets count with their rules: 300 × `us` is over the limit.
    let presets = vec![r#"{"preset": "us"}"#; 300].join(",");
    let (path, value) = invalid(&format!(
        r#"{{"timezone": "UTC", "holidays": [{presets}]}}"#
    ));
    assert_eq!(path, "holidays");
    assert!(value.ends_with(" holiday rules"), "{value}");
}

#[test]
fn far_future_rules_are_computed_once() {
    use slacalc::calendar::MAX_HOLIDAY_RULES;
    // One-year rules every 50 years from 3000: each is a year computed on its own, far outside
    // the years whose compiled chunks are kept.
    let rules: Vec<String> = (0..MAX_HOLIDAY_RULES)
        .map(|i| {
            let y = 3000 + 50 * i;
            format!(r#"{{"name": "R{i}", "month": 1, "day": 2, "from": {y}, "until": {y}}}"#)
        })
        .collect();
    let c = build(
        "build",
        &format!(
            r#"{{"timezone": "UTC", "hours": {{"mon": ["09:00-17:00"]}},
                "holidays": [{}]}}"#,
            rules.join(",")
        ),
    );
    let from = t("2026-01-01T00:00:00Z");
    let to = t("+30000-01-01T00:00:00Z");
    let span = first("between 2026..30000", || c.between(from, to)).unwrap();
    for _ in 0..3 {
        assert_eq!(again("again", || c.between(from, to)).unwrap(), span);
    }
    let back = again("add it back", || c.add(from, span)).unwrap();
    assert_eq!(again("between", || c.between(from, back)).unwrap(), span);
    assert_memory("far-future rules", &c);
}

#[test]
fn most_exceptions() {
    use slacalc::calendar::MAX_EXCEPTIONS;
    // One exception in each of 500 distinct years, 7 years apart.
    let exceptions: Vec<String> = (0..MAX_EXCEPTIONS)
        .map(|i| format!(r#""{}-06-01": ["10:00-11:00"]"#, 1000 + 7 * i))
        .collect();
    let c = build(
        "build",
        &format!(
            r#"{{"timezone": "America/New_York", "hours": {{"tue": ["09:00-17:00"]}},
                "exceptions": {{{}}}}}"#,
            exceptions.join(",")
        ),
    );
    let (a, b) = (t("0900-01-01T00:00:00Z"), t("8100-01-01T00:00:00Z"));
    let span = first("between 900..8100", || c.between(a, b)).unwrap();
    assert_eq!(again("again", || c.between(a, b)).unwrap(), span);
    assert_memory("most exceptions", &c);
    let over: Vec<String> = (0..=MAX_EXCEPTIONS)
        .map(|i| format!(r#""{}-06-01": []"#, 1000 + i))
        .collect();
    assert_eq!(
        invalid(&format!(
            r#"{{"timezone": "UTC", "exceptions": {{{}}}}}"#,
            over.join(",")
        )),
        (
            "exceptions".to_owned(),
            format!("{} dates", MAX_EXCEPTIONS + 1)
        )
    );
}

/// A monthly special-hours rule over ten thousand years costs what the weekly hours cost: its
/// dates are computed for the years a call touches, never stored per date (120,000 of them).
#[test]
fn a_monthly_rule_over_ten_thousand_years() {
    let weekly = r#""timezone": "Europe/Berlin", "hours": {"fri": ["09:00-17:00"]}"#;
    let plain = build("build", &format!("{{{weekly}}}"));
    let c = build(
        "build",
        &format!(
            r#"{{{weekly}, "special_hours": [{{"weekday": "fri", "nth": -1,
                "hours": ["09:00-14:00"], "from": 2027}}]}}"#
        ),
    );
    let (a, b) = (t("2027-01-01T00:00:00Z"), t("+12027-01-01T00:00:00Z"));
    let span = first("between 2027..12027", || c.between(a, b)).unwrap();
    let all = again("between without the rule", || plain.between(a, b)).unwrap();
    // Three hours less on each of the 120,000 last Fridays.
    assert_eq!(all - span, TimeDelta::hours(3 * 120_000));
    let back = first("add it back", || c.add(a, span)).unwrap();
    assert_eq!(
        back,
        t("+12026-12-25T13:00:00Z"),
        "the last Friday of 12026, 14:00 CET"
    );
    let d = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let far = first("add 100,000 business days", || {
        c.add_business_days(d, BusinessDays(100_000))
    })
    .unwrap();
    assert_eq!(c.business_days_between(d, far).unwrap().get(), 100_000);
    // The rule adds no more than the chunks of a few years and its dates' memo.
    let extra = c.memory_bytes().saturating_sub(plain.memory_bytes());
    eprintln!("memory for the rule: {extra} bytes");
    assert!(extra < 256 << 10, "{extra} bytes more for the rule");
}

/// The most special-hours rules, monthly, one year each, 50 years apart from 2100 to 7000,
/// plus one open-ended: every bound is a year computed on its own.
#[test]
fn most_special_hours_rules() {
    use slacalc::calendar::MAX_SPECIAL_HOURS_RULES;
    let mut rules: Vec<String> = (1..MAX_SPECIAL_HOURS_RULES)
        .map(|i| {
            let y = 2050 + 50 * i;
            format!(
                r#"{{"day": {}, "hours": ["22:00-06:00"], "from": {y}, "until": {y}}}"#,
                i % 28 + 1
            )
        })
        .collect();
    rules.push(r#"{"weekday": "mon", "nth": -1, "hours": [], "from": 2027}"#.to_owned());
    let c = build(
        "build",
        &format!(
            r#"{{"timezone": "America/New_York", "hours": {{"mon": ["09:00-17:00"],
                "wed": ["09:00-17:00"]}}, "special_hours": [{}]}}"#,
            rules.join(",")
        ),
    );
    let from = t("2026-01-01T00:00:00Z");
    let to = t("+30000-01-01T00:00:00Z");
    let span = first("between 2026..30000", || c.between(from, to)).unwrap();
    assert_eq!(again("again", || c.between(from, to)).unwrap(), span);
    let back = again("add it back", || c.add(from, span)).unwrap();
    assert_eq!(again("between", || c.between(from, back)).unwrap(), span);
    let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let far = first("add 100,000 business days", || {
        c.add_business_days(d, BusinessDays(100_000))
    })
    .unwrap();
    assert_eq!(
        again("count them", || c
            .business_days_between(d, far)
            .map(BusinessDays::get))
        .unwrap(),
        100_000
    );
    assert_memory("most special-hours rules", &c);
    rules.push(r#"{"day": 1, "hours": []}"#.to_owned());
    assert_eq!(
        invalid(&format!(
            r#"{{"timezone": "UTC", "special_hours": [{}]}}"#,
            rules.join(",")
        )),
        (
            "special_hours".to_owned(),
            format!("{} rules", MAX_SPECIAL_HOURS_RULES + 1)
        )
    );
}

/// The most calendars a combination holds: a Monday calendar and Tuesday calendars.
fn members() -> Vec<String> {
    use slacalc::calendar::MAX_COMBINED_CALENDARS;
    let mut ms = vec![r#"{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"]}}"#.to_owned()];
    for i in 1..MAX_COMBINED_CALENDARS {
        ms.push(format!(
            r#"{{"timezone": "Asia/Tokyo", "hours": {{"tue": ["09:00-17:{:02}"]}}}}"#,
            i % 60
        ));
    }
    ms
}

#[test]
fn most_calendars_in_an_intersection_that_never_opens() {
    let c = build(
        "build",
        &format!(r#"{{"intersection": [{}]}}"#, members().join(",")),
    );
    let at = t("2026-01-01T00:00:00Z");
    let r = first("add", || c.add(at, TimeDelta::hours(1)));
    assert!(matches!(r, Err(Error::NoBusinessTime { .. })), "{r:?}");
    let r = again("add again", || c.add(at, TimeDelta::hours(1)));
    assert!(matches!(r, Err(Error::NoBusinessTime { .. })), "{r:?}");
    assert_eq!(again("next_open", || c.next_open(at)).unwrap(), None);
    assert_memory("intersection", &c);
}

#[test]
fn most_calendars_in_a_union() {
    let c = build(
        "build",
        &format!(r#"{{"union": [{}]}}"#, members().join(",")),
    );
    let (a, b) = (t("1900-01-01T00:00:00Z"), t("2100-01-01T00:00:00Z"));
    let span = first("between 1900..2100", || c.between(a, b)).unwrap();
    assert_eq!(again("again", || c.between(a, b)).unwrap(), span);
    assert_memory("union", &c);

    // Years before the cached window (1800–2599), in a calendar with Easter holidays: the
    // totals are computed once, not on every call.
    let gb = r#"{"timezone": "Europe/London", "hours": {"mon": ["09:00-17:00"]},
        "holidays": [{"preset": "gb-eng"}]}"#;
    let c = build(
        "build gb",
        &format!(
            r#"{{"union": [{}]}}"#,
            vec![gb; slacalc::calendar::MAX_COMBINED_CALENDARS].join(",")
        ),
    );
    let (a, b) = (t("1583-01-01T00:00:00Z"), t("1700-01-01T00:00:00Z"));
    let span = first("between 1583..1700", || c.between(a, b)).unwrap();
    for _ in 0..3 {
        assert_eq!(again("again", || c.between(a, b)).unwrap(), span);
    }
    assert_memory("union of gb-eng", &c);
}

#[test]
fn combinations_over_the_limits_are_refused() {
    let mut ms = members();
    ms.push(r#"{"timezone": "UTC"}"#.to_owned());
    assert_eq!(
        invalid(&format!(r#"{{"union": [{}]}}"#, ms.join(","))),
        ("union".to_owned(), "17 calendars".to_owned())
    );
    // Counted over all levels.
    let half = members().get(..10).unwrap().join(",");
    assert_eq!(
        invalid(&format!(
            r#"{{"difference": [{{"union": [{half}]}}, {{"intersection": [{half}]}}]}}"#
        )),
        ("difference".to_owned(), "20 calendars".to_owned())
    );
    let parts: Vec<Calendar> = ms.iter().map(|m| cal(m)).collect();
    assert!(matches!(
        Calendar::union(&parts),
        Err(Error::InvalidValue { ref value, .. }) if value == "17 calendars"
    ));
}

/// A difference nested `depth` deep: Mondays minus Mondays minus … .
fn nested(depth: usize) -> String {
    let base = r#"{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"]}}"#;
    let mut j = base.to_owned();
    for _ in 0..depth {
        j = format!(r#"{{"difference": [{j}, {base}]}}"#);
    }
    j
}

#[test]
fn deepest_nesting() {
    use slacalc::calendar::MAX_NESTING_DEPTH;
    let c = build("build", &nested(MAX_NESTING_DEPTH));
    let at = t("2026-01-01T00:00:00Z");
    let r = first("add", || c.add(at, TimeDelta::hours(1)));
    assert!(matches!(r, Err(Error::NoBusinessTime { .. })), "{r:?}");
    let r = again("add again", || c.add(at, TimeDelta::hours(1)));
    assert!(matches!(r, Err(Error::NoBusinessTime { .. })), "{r:?}");
    assert_memory("nested", &c);
    let (path, value) = invalid(&nested(MAX_NESTING_DEPTH + 1));
    assert_eq!(
        path,
        format!("difference{}", "[0].difference".repeat(MAX_NESTING_DEPTH))
    );
    assert_eq!(value, "combinations nested 9 deep");
    // Through the API too.
    let deep = cal(&nested(MAX_NESTING_DEPTH));
    assert!(matches!(
        deep.difference(&[cal(&nested(0))]),
        Err(Error::InvalidValue { ref value, .. }) if value == "combinations nested 9 deep"
    ));
}

/// The most calendars a combination holds, in eight zones, with the most weekly shifts
/// between them: eight one-minute shifts a week each (Monday to Thursday, two a day).
fn busy_members() -> Vec<String> {
    use slacalc::calendar::{MAX_COMBINED_CALENDARS, MAX_WEEKLY_SHIFTS};
    let zones = [
        "Europe/Berlin",
        "America/New_York",
        "Asia/Tokyo",
        "Australia/Sydney",
        "Europe/London",
        "America/Sao_Paulo",
        "Asia/Kolkata",
        "Pacific/Chatham",
    ];
    let per_day = MAX_WEEKLY_SHIFTS / MAX_COMBINED_CALENDARS / 4;
    (0..MAX_COMBINED_CALENDARS)
        .map(|m| {
            let list: Vec<String> = (0..per_day)
                .map(|i| {
                    let a = 60 * m + 2 * i + 1;
                    format!("\"{:02}:{:02}-{:02}:{:02}\"", a / 60, a % 60, (a + 1) / 60, (a + 1) % 60)
                })
                .collect();
            let s = format!("[{}]", list.join(","));
            format!(
                r#"{{"timezone": "{}", "hours": {{"mon": {s}, "tue": {s}, "wed": {s}, "thu": {s}}}}}"#,
                zones[m % zones.len()]
            )
        })
        .collect()
}

#[test]
fn most_calendars_with_the_most_shifts() {
    let ms = busy_members();
    let c = build("build", &format!(r#"{{"union": [{}]}}"#, ms.join(",")));
    let (a, b) = (t("1800-01-01T00:00:00Z"), t("2599-12-31T00:00:00Z"));
    let span = first("between 1800..2599", || c.between(a, b)).unwrap();
    assert_eq!(again("again", || c.between(a, b)).unwrap(), span);
    // Years outside the cached window: compiled on each call, within the bound.
    let old = t("1500-03-01T00:00:00Z");
    let due = again("add in 1500", || c.add(old, TimeDelta::hours(1))).unwrap();
    assert_eq!(
        again("add in 1500 again", || c.add(old, TimeDelta::hours(1))).unwrap(),
        due
    );
    assert_eq!(
        again("between", || c.between(old, due)).unwrap(),
        TimeDelta::hours(1)
    );
    assert_memory("busy union", &c);
    let both = build(
        "build",
        &format!(r#"{{"intersection": [{}]}}"#, ms.join(",")),
    );
    let r = first("add on an intersection", || {
        both.add(t("2026-01-01T00:00:00Z"), TimeDelta::hours(1))
    });
    assert!(matches!(r, Err(Error::NoBusinessTime { .. })), "{r:?}");
}

#[test]
fn most_exceptions_spread_over_a_combination() {
    use slacalc::calendar::{MAX_COMBINED_CALENDARS, MAX_EXCEPTIONS};
    // Each calendar its share of the exceptions, each in a year of its own.
    let per = MAX_EXCEPTIONS / MAX_COMBINED_CALENDARS;
    let ms: Vec<String> = (0..MAX_COMBINED_CALENDARS)
        .map(|m| {
            let ex: Vec<String> = (0..per)
                .map(|i| format!(r#""{}-06-01": ["10:00-11:00"]"#, 1000 + 5 * (m * per + i)))
                .collect();
            format!(
                r#"{{"timezone": "Europe/Paris", "hours": {{"wed": ["09:00-17:00"]}},
                    "exceptions": {{{}}}}}"#,
                ex.join(",")
            )
        })
        .collect();
    let c = build("build", &format!(r#"{{"union": [{}]}}"#, ms.join(",")));
    let (a, b) = (t("0900-01-01T00:00:00Z"), t("4000-01-01T00:00:00Z"));
    let span = first("between 900..4000", || c.between(a, b)).unwrap();
    assert_eq!(again("again", || c.between(a, b)).unwrap(), span);
    assert_memory("exceptions over a union", &c);
}

#[test]
fn totals_over_a_combination_are_limited() {
    use slacalc::calendar::{MAX_EXCEPTIONS, MAX_HOLIDAY_RULES, MAX_WEEKLY_SHIFTS};
    let s = minute_shifts(16);
    let full = format!(
        r#"{{"timezone": "UTC", "hours": {{"mon": {s}, "tue": {s}, "wed": {s}, "thu": {s},
            "fri": {s}, "sat": {s}, "sun": {s}}}}}"#
    );
    assert_eq!(
        invalid(&format!(r#"{{"union": [{full}, {full}]}}"#)),
        ("union".to_owned(), format!("{} weekly shifts", 2 * 112))
    );
    const { assert!(2 * 112 > MAX_WEEKLY_SHIFTS) };
    let half_rules = substitute_rules(MAX_HOLIDAY_RULES / 2 + 1);
    let r = format!(r#"{{"timezone": "UTC", "holidays": {half_rules}}}"#);
    assert_eq!(
        invalid(&format!(r#"{{"intersection": [{r}, {r}]}}"#)),
        (
            "intersection".to_owned(),
            format!("{} holiday rules", 2 * (MAX_HOLIDAY_RULES / 2 + 1))
        )
    );
    let ex: Vec<String> = (0..MAX_EXCEPTIONS / 2 + 1)
        .map(|i| format!(r#""{}-06-01": []"#, 1000 + i))
        .collect();
    let e = format!(
        r#"{{"timezone": "UTC", "exceptions": {{{}}}}}"#,
        ex.join(",")
    );
    assert_eq!(
        invalid(&format!(r#"{{"difference": [{e}, {{"union": [{e}]}}]}}"#)),
        (
            "difference".to_owned(),
            format!("{} exception dates", 2 * (MAX_EXCEPTIONS / 2 + 1))
        )
    );
}
