//! Bounded work: pathological inputs answer (or fail) within a hard time budget, whatever the
//! spans and amounts involved. Budgets are for a debug build on a 2-core machine; a release
//! build is about ten times faster.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use slacalc::calendar::BusinessDays;
use slacalc::{Calendar, Error};

use crate::util::{cal, t, timed_section};

/// Every case must finish within this (generous for debug builds, still far below what a
/// day-by-day or year-by-year walk over the spans involved would take).
const BUDGET: Duration = Duration::from_millis(500);

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let _alone = timed_section();
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    eprintln!("{what}: {took:?}");
    assert!(took < BUDGET, "{what} took {took:?}");
    out
}

const OFFICE: &str = r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"],
    "tue": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}"#;

#[test]
fn one_hour_in_2090_queried_from_1970() {
    let c = cal(r#"{"timezone": "Asia/Tokyo", "exceptions": {"2090-06-01": ["10:00-11:00"]}}"#);
    let from = t("1970-01-01T00:00:00Z");
    assert_eq!(
        timed("next_open", || c.next_open(from).unwrap()),
        Some(t("2090-06-01T01:00:00Z"))
    );
    assert_eq!(
        timed("add", || c.add(from, TimeDelta::minutes(30))).unwrap(),
        t("2090-06-01T01:30:00Z")
    );
    assert_eq!(
        timed("between", || c.between(from, t("2100-01-01T00:00:00Z"))).unwrap(),
        TimeDelta::hours(1)
    );
    assert!(matches!(
        timed("add past it", || c.add(from, TimeDelta::hours(2))),
        Err(Error::NoBusinessTime { .. })
    ));
}

#[test]
fn calendars_that_never_open() {
    let never = cal(r#"{"timezone": "Europe/Paris"}"#);
    assert!(matches!(
        timed("add", || never
            .add(t("2026-01-01T00:00:00Z"), TimeDelta::hours(1))),
        Err(Error::NoBusinessTime { .. })
    ));
    assert!(matches!(
        timed("sub", || never
            .sub(t("2026-01-01T00:00:00Z"), TimeDelta::hours(1))),
        Err(Error::NoBusinessTime { .. })
    ));
    assert_eq!(
        timed("next_open", || never
            .next_open(t("2026-01-01T00:00:00Z"))
            .unwrap()),
        None
    );
    // Two weekly calendars that never overlap: their intersection never opens, which is only
    // known after a full 400-year cycle — computed once, not walked per query.
    let mondays = cal(r#"{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"]}}"#);
    let tuesdays = cal(r#"{"timezone": "UTC", "hours": {"tue": ["09:00-17:00"]}}"#);
    let both = Calendar::intersection(&[mondays, tuesdays]).unwrap();
    let err = timed("add on an empty intersection", || {
        both.add(t("2026-01-01T00:00:00Z"), TimeDelta::hours(1))
    });
    assert!(matches!(err, Err(Error::NoBusinessTime { .. })), "{err:?}");
    assert_eq!(
        timed("next_open, again", || both
            .next_open(t("2026-01-01T00:00:00Z"))
            .unwrap()),
        None
    );
}

#[test]
fn huge_amounts_and_the_ends_of_time() {
    let office = cal(OFFICE);
    let now = t("2026-11-23T10:00:00Z");
    // A million years of business time is beyond chrono's range: an error, quickly.
    let r = timed("add 1e6 years", || {
        office.add(now, TimeDelta::days(365 * 1_000_000))
    });
    assert!(matches!(r, Err(Error::OutOfRange { .. })), "{r:?}");
    let r = timed("add TimeDelta::MAX", || office.add(now, TimeDelta::MAX));
    assert!(r.is_err());
    let r = timed("sub TimeDelta::MAX", || office.sub(now, TimeDelta::MAX));
    assert!(r.is_err());
    // A century of business time lands where between says it does.
    let century = TimeDelta::hours(8 * 260 * 100);
    let end = timed("add a century", || office.add(now, century)).unwrap();
    assert_eq!(
        timed("between a century", || office.between(now, end)).unwrap(),
        century
    );
    assert!(timed("between MIN..MAX", || office
        .between(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC))
    .is_ok());
    assert!(office
        .add(DateTime::<Utc>::MAX_UTC, TimeDelta::hours(1))
        .is_err());
    assert!(office
        .sub(DateTime::<Utc>::MIN_UTC, TimeDelta::hours(1))
        .is_err());
}

#[test]
fn huge_business_day_counts() {
    let office = cal(OFFICE);
    let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let far = timed("add 10M business days", || {
        office.add_business_days(d, BusinessDays(10_000_000))
    })
    .unwrap();
    assert_eq!(
        timed("count them back", || office
            .business_days_between(d, far)
            .map(BusinessDays::get))
        .unwrap(),
        10_000_000
    );
    assert!(timed("add i64::MAX business days", || office
        .add_business_days(d, BusinessDays(i64::MAX)))
    .is_err());
    assert!(timed("add i64::MIN business days", || office
        .add_business_days(d, BusinessDays(i64::MIN)))
    .is_err());
}
