//! Regression tests for what fuzzing found (`fuzz/README.md` lists each finding, its target
//! and where it panics). Each test reproduces the concrete input and asserts the correct
//! behaviour: they fail until `src/` is fixed.

use chrono::{DateTime, Utc};
use slacalc::calendar::BusinessDays;
use slacalc::{Calendar, Error};

use crate::util::{fixture, timed_section};

fn office(zone: &str) -> Calendar {
    serde_json::from_str(&format!(
        r#"{{"timezone": "{zone}", "hours": {{"mon": ["09:00-17:00"], "tue": ["09:00-17:00"],
            "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}}}"#
    ))
    .unwrap()
}

/// The local-time forms near chrono's ends: either an answer after `at` or
/// `Error::OutOfRange`, never a panic.
fn assert_later_or_out_of_range(at: DateTime<Utc>, r: Result<DateTime<Utc>, Error>) {
    match r {
        Ok(r) => assert!(r > at, "{r} is not after {at}"),
        Err(e) => assert!(
            matches!(e, Error::OutOfRange { .. }),
            "unexpected error {e:?}"
        ),
    }
}

// F1: `business_days_later` / `end_of_business_day` convert `at` to local time with chrono's
// panicking `naive_local()` / `date_naive()` (src/calendar/business_days.rs:285 and :325);
// at `MAX_UTC` east of Greenwich (or `MIN_UTC` west of it) the local time is beyond
// `NaiveDateTime::MAX` and chrono panics "Local time out of range for `NaiveDateTime`".

#[test]
fn f1_business_days_later_at_max_utc_in_berlin_does_not_panic() {
    let at = DateTime::<Utc>::MAX_UTC;
    assert_later_or_out_of_range(
        at,
        office("Europe/Berlin").business_days_later(at, BusinessDays(5)),
    );
}

#[test]
fn f1_end_of_business_day_at_max_utc_in_berlin_does_not_panic() {
    let at = DateTime::<Utc>::MAX_UTC;
    assert_later_or_out_of_range(
        at,
        office("Europe/Berlin").end_of_business_day(at, BusinessDays(1)),
    );
}

#[test]
fn f1_business_days_later_at_min_utc_in_denver_does_not_panic() {
    let at = DateTime::<Utc>::MIN_UTC;
    assert_later_or_out_of_range(
        at,
        office("America/Denver").business_days_later(at, BusinessDays(5)),
    );
}

#[test]
fn f1_end_of_business_day_at_min_utc_in_denver_does_not_panic() {
    let at = DateTime::<Utc>::MIN_UTC;
    assert_later_or_out_of_range(
        at,
        office("America/Denver").end_of_business_day(at, BusinessDays(1)),
    );
}

fn fixture_contract(catalog: &str, customers: &str, customer: &str) -> slacalc::Contract {
    use std::collections::BTreeMap;
    let catalog: slacalc::Catalog = serde_json::from_str(catalog).unwrap();
    let mut customers: BTreeMap<String, slacalc::ContractSpec> =
        serde_json::from_str(customers).unwrap();
    let terms = customers.remove(customer).unwrap();
    slacalc::Contract::new(std::sync::Arc::new(catalog), terms).unwrap()
}

fn reported_at(at: DateTime<Utc>, severity: &str) -> slacalc::Incident {
    let reported = slacalc::EventKind::Reported {
        severity: severity.into(),
        channel: None,
        contact: None,
    };
    slacalc::Incident::new("fuzz", vec![slacalc::Event::new(at, reported)]).unwrap()
}

// F2: `evaluate` checks the contract's start against the local date of the report with
// chrono's panicking `date_naive()` (src/evaluate.rs:254; the same conversion for Cumulocity's
// start rule at src/evaluate.rs:357): an incident reported at `MAX_UTC` under a contract whose
// business calendar is east of Greenwich (Comarch, Berlin), or at `MIN_UTC` west of it
// (Cumulocity US, Denver), panics instead of evaluating or returning `Error::OutOfRange`.

#[test]
fn f2_evaluate_reported_at_max_utc_in_berlin_does_not_panic() {
    let contract = fixture_contract(
        fixture!("contracts/comarch.json"),
        fixture!("contracts/comarch-customers.json"),
        "basic",
    );
    let at = DateTime::<Utc>::MAX_UTC;
    let r = slacalc::evaluate(&contract, &reported_at(at, "4"), at);
    assert!(
        r.is_ok() || matches!(r, Err(Error::OutOfRange { .. })),
        "unexpected {r:?}"
    );
}

#[test]
fn f2_evaluate_reported_at_min_utc_in_denver_is_before_the_contract() {
    let contract = fixture_contract(
        fixture!("contracts/cumulocity.json"),
        fixture!("contracts/cumulocity-customers.json"),
        "us",
    );
    let at = DateTime::<Utc>::MIN_UTC;
    let r = slacalc::evaluate(&contract, &reported_at(at, "critical"), at);
    // The contract starts on 2025-01-01: the report is before it, as in every other zone.
    assert!(
        matches!(r, Err(Error::InvalidEvent { index: 0, .. })),
        "unexpected {r:?}"
    );
}

// F3: `Contract::check_intake` converts the request's instant the same way
// (src/contract/mod.rs:514, and :455 for the contract term): a request at `MAX_UTC` under a
// Berlin contract panics instead of being accepted or refused.

#[test]
fn f3_check_intake_at_max_utc_in_berlin_does_not_panic() {
    let contract = fixture_contract(
        fixture!("contracts/cumulocity.json"),
        fixture!("contracts/cumulocity-customers.json"),
        "emea-de",
    );
    let request = slacalc::contract::IntakeRequest {
        at: DateTime::<Utc>::MAX_UTC,
        severity: "critical",
        channel: "portal",
        contact: Some("atc-berlin@muster-maschinenbau.example"),
        version: None,
        opened: &[],
        incident: None,
    };
    // Accepted or refused, either is an answer; a panic is not.
    let _ = contract.check_intake(&request);
}

// F4: a configured year far from today — a holiday rule's `from`/`until`, or an exception
// date — widens the range of years the calendar computes one by one
// (`Activity::Perpetual { lo, hi }` in src/calendar/mod.rs `activity_of`), and the years
// outside the cached window 1800–2599 are rebuilt on every call
// (src/calendar/timeline.rs, `Calendar::chunk`). So `between`, `add`, `sub` across that range
// walk year by year to the configured year on every call: `between(2026, MAX_UTC)` with
// `"from": 200000` takes about 4 s in a release build, every time, though the rule is the
// same every year after 2026 and the 400-year period would answer at once. The crate's
// guarantees (`slacalc::guide::guarantees`, "No hang") promise "Work is bounded independent of input values".

fn office_with(extra: &str) -> Calendar {
    serde_json::from_str(&format!(
        r#"{{"timezone": "UTC", "hours": {{"mon": ["09:00-17:00"], "tue": ["09:00-17:00"],
            "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}, {extra}}}"#
    ))
    .unwrap()
}

/// Runs `f` twice (the first run may compile the calendar's tables) and returns how long the
/// second run took.
fn warm_time<T>(f: impl Fn() -> T) -> std::time::Duration {
    let _alone = timed_section();
    let _ = f();
    let t0 = std::time::Instant::now();
    let _ = f();
    t0.elapsed()
}

#[test]
fn f4_a_holiday_rule_from_a_far_year_does_not_make_between_walk() {
    let cal = office_with(r#""holidays": [{"name": "x", "month": 7, "day": 23, "from": 30000}]"#);
    let t: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    let took = warm_time(|| cal.between(t, DateTime::<Utc>::MAX_UTC));
    assert!(took.as_millis() < 100, "between(2026, MAX) took {took:?}");
}

#[test]
fn f4_a_holiday_rule_until_a_far_past_year_does_not_make_between_walk() {
    let cal = office_with(r#""holidays": [{"name": "x", "month": 7, "day": 23, "until": -30000}]"#);
    let t: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    let took = warm_time(|| cal.between(DateTime::<Utc>::MIN_UTC, t));
    assert!(took.as_millis() < 100, "between(MIN, 2026) took {took:?}");
}

#[test]
fn f4_an_exception_in_9999_does_not_make_add_walk() {
    let cal = office_with(r#""exceptions": {"9999-07-23": []}"#);
    let t: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    // About 5000 years of business time: 8 hours on 261 days a year.
    let d = chrono::TimeDelta::hours(8 * 261 * 5000);
    let took = warm_time(|| cal.add(t, d));
    assert!(
        took.as_millis() < 100,
        "add(2026, ~5000 years) took {took:?}"
    );
}

/// A calendar that does not repeat every 400 years (an Easter rule open on both sides): its
/// arithmetic is exact within 1583–2599 and `Error::OutOfRange` where it would have to cross
/// years outside them (`slacalc::calendar` module docs, "Easter and long spans").
fn easter_monday() -> Calendar {
    serde_json::from_str(
        r#"{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"]},
            "holidays": [{"name": "Easter Monday", "easter": 1}]}"#,
    )
    .unwrap()
}

// F5: on such a calendar, `sub(t, d)` / `add(t, d)` with a large `d` from an instant far
// outside 1583–2599 walk year by year back (forward) to the exact range before answering
// `OutOfRange` (src/calendar/years.rs, the walk behind `Calendar::locate`, reached from
// src/calendar/mod.rs `add`/`sub`): `sub(+100000-01-01, TimeDelta::MAX)` takes 2 s in a
// release build, at +234540 11 s; fuzz input: `America/New_York` office hours with an Easter
// rule, `sub(+234540-06-02T09:41:04.294967295Z, TimeDelta::MAX)`.

#[test]
fn f5_sub_of_a_huge_duration_far_in_the_future_does_not_walk() {
    let cal = easter_monday();
    let t: DateTime<Utc> = "+20000-01-01T00:00:00Z".parse().unwrap();
    let took = warm_time(|| cal.sub(t, chrono::TimeDelta::MAX));
    assert!(took.as_millis() < 100, "sub(+20000, MAX) took {took:?}");
    assert!(matches!(
        cal.sub(t, chrono::TimeDelta::MAX),
        Err(Error::OutOfRange { .. })
    ));
}

#[test]
fn f5_add_of_a_huge_duration_far_in_the_past_does_not_walk() {
    let cal = easter_monday();
    let t: DateTime<Utc> = "-20000-01-01T00:00:00Z".parse().unwrap();
    let took = warm_time(|| cal.add(t, chrono::TimeDelta::MAX));
    assert!(took.as_millis() < 100, "add(-20000, MAX) took {took:?}");
    assert!(matches!(
        cal.add(t, chrono::TimeDelta::MAX),
        Err(Error::OutOfRange { .. })
    ));
}

// F6: on such a calendar `sub` answers spans that cross years after 2599, and `add` spans
// before 1583, which `between` (and `add` after 2599, `sub` before 1583) refuse with
// `OutOfRange`: `sub(3000-01-01, 4160 h)` = 2989-11-09T09:00Z, but
// `between(2989-11-09T09:00Z, 3000-01-01)` is `OutOfRange`, and so is `add(3000-01-01, 4160 h)`.
// The calendar docs (`slacalc::calendar`) say crossing years outside the range is `OutOfRange`; whichever way it is
// fixed, `sub`/`add` and `between` must agree (`between(sub(t, d), t) == d`).

#[test]
fn f6_sub_across_years_after_2599_agrees_with_between() {
    let cal = easter_monday();
    let t: DateTime<Utc> = "3000-01-01T00:00:00Z".parse().unwrap();
    let d = chrono::TimeDelta::hours(8 * 52 * 10);
    match cal.sub(t, d) {
        Ok(r) => assert_eq!(cal.between(r, t).ok(), Some(d), "sub(t, d) = {r}"),
        Err(e) => assert!(matches!(e, Error::OutOfRange { .. }), "{e:?}"),
    }
}

#[test]
fn f6_add_across_years_before_1583_agrees_with_between() {
    let cal = easter_monday();
    let t: DateTime<Utc> = "1000-01-01T00:00:00Z".parse().unwrap();
    let d = chrono::TimeDelta::hours(8 * 52 * 10);
    match cal.add(t, d) {
        Ok(r) => assert_eq!(cal.between(t, r).ok(), Some(d), "add(t, d) = {r}"),
        Err(e) => assert!(matches!(e, Error::OutOfRange { .. }), "{e:?}"),
    }
}

// F7: the same walk for business days. On a non-periodic calendar (an Easter rule or a
// preset), `add_business_days` from a date far outside 1583–2599 walks year by year
// (src/calendar/business_days.rs `add_business_days`, over the per-year day tables):
// `add_business_days(NaiveDate::MIN, 107_374_182)` takes 3 s in a release build (fuzz input:
// UTC office hours with `{"preset": "fr"}`), and from -20000-01-01 a million business days
// are counted across 4000 years outside the exact range (45 ms, and an answer where the
// calendar guide promises `OutOfRange`).

#[test]
fn f7_add_business_days_far_outside_the_exact_range_does_not_walk() {
    let cal = easter_monday();
    let took =
        warm_time(|| cal.add_business_days(chrono::NaiveDate::MIN, BusinessDays(107_374_182)));
    assert!(
        took.as_millis() < 100,
        "add_business_days(MIN, 107374182) took {took:?}"
    );
    assert!(matches!(
        cal.add_business_days(chrono::NaiveDate::MIN, BusinessDays(107_374_182)),
        Err(Error::OutOfRange { .. })
    ));
}

// F8 (found after the fixes, by `calendar_arithmetic` with the masks removed): on a calendar
// open around the clock until a rule starts in a far year, `next_close` from a far earlier
// instant stepped through every year in between (3.5 s under the fuzzer). It now jumps over
// periodic stretches that are open throughout.

#[test]
fn f8_next_close_jumps_over_years_open_around_the_clock() {
    let always: Calendar = serde_json::from_str(
        r#"{"timezone": "UTC", "hours": {"mon": ["00:00-24:00"], "tue": ["00:00-24:00"],
            "wed": ["00:00-24:00"], "thu": ["00:00-24:00"], "fri": ["00:00-24:00"],
            "sat": ["00:00-24:00"], "sun": ["00:00-24:00"]},
            "holidays": [{"name": "x", "month": 7, "day": 23, "from": 30000}]}"#,
    )
    .unwrap();
    let from: DateTime<Utc> = "-200000-01-01T00:00:00Z".parse().unwrap();
    let took = warm_time(|| always.next_close(from).unwrap());
    assert!(took.as_millis() < 100, "next_close took {took:?}");
    assert_eq!(
        always.next_close(from).unwrap(),
        Some("+30000-07-23T00:00:00Z".parse().unwrap())
    );
    // After the last July 23 before the end of chrono's range it stays open: no closure.
    assert_eq!(
        always
            .next_close("+262142-07-24T00:00:00Z".parse().unwrap())
            .unwrap(),
        None
    );
}

// F9 (found by the same re-run): `next_close` from an instant more than 400 years after the
// last irregular year returned `None` at once, although the calendar still closes (here: on
// the fifth Monday of March, which some years have).
#[test]
fn f9_next_close_far_after_the_configured_years_still_finds_the_closure() {
    let cal: Calendar = serde_json::from_str(
        r#"{"timezone": "UTC", "hours": {"mon": ["00:00-24:00"], "tue": ["00:00-24:00"],
            "wed": ["00:00-24:00"], "thu": ["00:00-24:00"], "fri": ["00:00-24:00"],
            "sat": ["00:00-24:00"], "sun": ["00:00-24:00"]},
            "holidays": [{"name": "x", "month": 3, "weekday": "mon", "nth": 5}]}"#,
    )
    .unwrap();
    let from: DateTime<Utc> = "+100000-04-01T00:00:00Z".parse().unwrap();
    let close = cal
        .next_close(from)
        .unwrap()
        .expect("the calendar still closes");
    assert!(close > from);
    assert!(!cal.is_open(close));
    assert_eq!(cal.between(from, close).unwrap(), close - from);
}

// F10 (found by reading, when checking F8/F9's fixes against calendars with open-ended
// Easter-based holidays, whose years are computed only in 1583–2599): `next_close` and
// `next_open` answered `None` ("never again") where the answer lies beyond a whole year
// outside that range — a plausible wrong answer — and `next_close` stepped year by year to
// find out. Both now refuse with `Error::OutOfRange`, like `between` over the same years, and
// still answer exactly when no such year is crossed.

fn assert_out_of_range<T: std::fmt::Debug>(r: Result<T, Error>) {
    assert!(matches!(r, Err(Error::OutOfRange { .. })), "{r:?}");
}

fn around_the_clock_with(holiday: &str) -> Calendar {
    serde_json::from_str(&format!(
        r#"{{"timezone": "UTC", "hours": {{"mon": ["00:00-24:00"], "tue": ["00:00-24:00"],
            "wed": ["00:00-24:00"], "thu": ["00:00-24:00"], "fri": ["00:00-24:00"],
            "sat": ["00:00-24:00"], "sun": ["00:00-24:00"]}},
            "holidays": [{holiday}]}}"#
    ))
    .unwrap()
}

#[test]
fn f10_next_close_beyond_the_exact_years_refuses_instead_of_none() {
    let late = around_the_clock_with(r#"{"name": "Easter", "easter": 0, "from": 200000}"#);
    let from: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    let took = warm_time(|| late.next_close(from));
    assert!(took.as_millis() < 100, "next_close took {took:?}");
    assert_out_of_range(late.next_close(from));
    // Within the exact years the answer is found: Easter 2030 is 21 April.
    let soon = around_the_clock_with(r#"{"name": "Easter", "easter": 0, "from": 2030}"#);
    assert_eq!(
        soon.next_close(from).unwrap(),
        Some("2030-04-21T00:00:00Z".parse().unwrap())
    );
    // Beyond them, a closure in the same or the next year is still exact.
    let far: DateTime<Utc> = "+200000-01-01T00:00:00Z".parse().unwrap();
    let close = late.next_close(far).unwrap().unwrap();
    assert!(close > far && close.timestamp() - far.timestamp() < 366 * 86_400);
    assert!(!late.is_open(close));
    assert_eq!(late.between(far, close).unwrap(), close - far);
}

/// The fuzz input behind F10 (`calendar_arithmetic`, 2.7 s per call under the fuzzer): an
/// intersection of one calendar open around the clock whose Easter-based holiday starts in
/// the year -68128, and `next_close(MIN_UTC)`.
#[test]
fn f10_next_close_from_min_utc_before_a_far_easter_rule_does_not_walk() {
    let member = around_the_clock_with(r#"{"name": "x", "easter": 14, "from": -68128}"#);
    let cal = Calendar::intersection(&[member]).unwrap();
    let min = DateTime::<Utc>::MIN_UTC;
    let took = warm_time(|| cal.next_close(min));
    assert!(took.as_millis() < 100, "next_close took {took:?}");
    assert_out_of_range(cal.next_close(min));
}

#[test]
fn f10_next_open_beyond_the_exact_years_refuses_instead_of_none() {
    // Mondays 09:00–17:00 with Easter Monday off, and every other Monday of 3001 closed.
    let easter_monday = slacalc::calendar::easter(3001).unwrap().succ_opt().unwrap();
    let mondays_3001: Vec<String> = (1..=365)
        .filter_map(|d| chrono::NaiveDate::from_yo_opt(3001, d))
        .filter(|d| chrono::Datelike::weekday(d) == chrono::Weekday::Mon && *d != easter_monday)
        .map(|d| format!(r#""{d}": []"#))
        .collect();
    let cal: Calendar = serde_json::from_str(&format!(
        r#"{{"timezone": "UTC", "hours": {{"mon": ["09:00-17:00"]}},
            "holidays": [{{"name": "Easter Monday", "easter": 1}}],
            "exceptions": {{{}}}}}"#,
        mondays_3001.join(", ")
    ))
    .unwrap();
    let late: DateTime<Utc> = "3000-12-31T18:00:00Z".parse().unwrap();
    assert_out_of_range(cal.next_open(late));
    // The next year is exact when it has business time: 3000-12-29 is a Monday, and the
    // first Monday of 3001 is 5 January.
    let plain: Calendar = serde_json::from_str(
        r#"{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"]},
            "holidays": [{"name": "Easter Monday", "easter": 1}]}"#,
    )
    .unwrap();
    assert_eq!(
        plain
            .next_open("3000-12-29T18:00:00Z".parse().unwrap())
            .unwrap(),
        Some("3001-01-05T09:00:00Z".parse().unwrap())
    );
}
