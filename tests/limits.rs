//! Configurations at the limits checked at load (`slacalc::calendar::MAX_*`), each held to
//! the bounds the calendar module documents, for a release build on the 2-core development
//! machine: building a calendar takes at most 100 ms, a call on years already compiled at
//! most 10 ms, the first call that compiles a calendar's years at most 0.5 s (measured:
//! 0.1 s at worst), and a calendar holds at most 64 MiB. Debug builds are ten to thirty times
//! slower, so under `cargo test` (debug) the budgets are ten times the bounds: a regression
//! that breaks a bound tenfold still fails in release, and by far in debug.
//!
//! Kept apart from `tests/bounded.rs` so that these heavier first calls do not compete for
//! the two cores with its tighter budgets.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use slacalc::{Calendar, Error};

fn cal(json: &str) -> Calendar {
    serde_json::from_str(json).unwrap()
}

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Ten times the bound in a debug build, where everything is about ten times slower.
fn bound(release: Duration) -> Duration {
    if cfg!(debug_assertions) {
        release * 10
    } else {
        release
    }
}

const MEMORY_BOUND: usize = 64 << 20;

fn within<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
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

/// A first call, which may compile the calendar's years.
fn first<T>(what: &str, f: impl FnOnce() -> T) -> T {
    within(what, bound(Duration::from_millis(500)), f)
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
        c.add_business_days(d, 100_000)
    })
    .unwrap();
    assert_eq!(
        again("count them", || c.business_days_between(d, far)).unwrap(),
        100_000
    );
    assert_memory("300 rules", &c);

    let over = substitute_rules(MAX_HOLIDAY_RULES + 1);
    assert_eq!(
        invalid(&format!(r#"{{"timezone": "UTC", "holidays": {over}}}"#)),
        ("holidays".to_owned(), "301 holiday rules".to_owned())
    );
    // Presets count with their rules: 100 × `us` is over the limit.
    let presets = vec![r#"{"preset": "us"}"#; 100].join(",");
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
    // One exception in each of 1,000 distinct years, 7 years apart.
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
    assert_memory("1,000 exceptions", &c);
    let over: Vec<String> = (0..=MAX_EXCEPTIONS)
        .map(|i| format!(r#""{}-06-01": []"#, 1000 + i))
        .collect();
    assert_eq!(
        invalid(&format!(
            r#"{{"timezone": "UTC", "exceptions": {{{}}}}}"#,
            over.join(",")
        )),
        ("exceptions".to_owned(), "1001 dates".to_owned())
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
