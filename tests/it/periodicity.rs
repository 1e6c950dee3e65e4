//! The 400-year extrapolation beyond the configured data must never change an answer.
//! Calendars with open-ended Easter-based holidays are not periodic: they are computed year by
//! year inside the supported range and refuse, with an error, to extrapolate beyond it.

use chrono::{DateTime, Datelike, TimeDelta, Utc};
use slacalc::calendar::{BusinessDays, NON_PERIODIC_FIRST_YEAR, NON_PERIODIC_LAST_YEAR};
use slacalc::{Calendar, Error};

use crate::util::date;

fn office(holidays: &str) -> Calendar {
    serde_json::from_str(&format!(
        r#"{{"timezone": "Europe/Berlin", "hours": {{"mon": ["08:00-17:00"], "tue": ["08:00-17:00"],
            "wed": ["08:00-17:00"], "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}},
            "holidays": {holidays}}}"#
    ))
    .unwrap()
}

#[test]
fn business_days_with_easter_rules_are_exact_over_centuries() {
    let cal = office(r#"[{"preset": "de"}]"#);
    // Year by year, each year counted on its own (one lookup each), against one call.
    let mut by_year = 0;
    for y in 2026..2599 {
        by_year += cal
            .business_days_between(date(y, 1, 1), date(y + 1, 1, 1))
            .map(BusinessDays::get)
            .unwrap();
    }
    assert_eq!(
        cal.business_days_between(date(2026, 1, 1), date(2599, 1, 1))
            .map(BusinessDays::get)
            .unwrap(),
        by_year
    );
    // Beyond the exact range it refuses rather than extrapolates.
    assert!(matches!(
        cal.business_days_between(date(2026, 1, 1), date(3026, 1, 1))
            .map(BusinessDays::get),
        Err(Error::OutOfRange { .. })
    ));
    assert!(matches!(
        cal.add_business_days(date(2590, 1, 1), BusinessDays(10_000)),
        Err(Error::OutOfRange { .. })
    ));
    assert_eq!(
        (NON_PERIODIC_FIRST_YEAR, NON_PERIODIC_LAST_YEAR),
        (1583, 2599)
    );
}

#[test]
fn business_time_with_easter_rules_is_additive_over_centuries() {
    let cal = office(r#"[{"preset": "de"}]"#);
    let t = |y: i32| -> DateTime<Utc> { date(y, 1, 1).and_hms_opt(0, 0, 0).unwrap().and_utc() };
    let whole = cal.between(t(2030), t(2590)).unwrap();
    let mut parts = TimeDelta::zero();
    for y in 2030..2590 {
        parts += cal.between(t(y), t(y + 1)).unwrap();
    }
    assert_eq!(whole, parts);
    // add walks the same totals back to the same instant.
    let end = cal.add(t(2030), whole).unwrap();
    assert_eq!(cal.between(t(2030), end).unwrap(), whole);
    // Thursday 2589-12-31 is the last business day before 2590; it closes at 17:00 CET.
    assert_eq!(
        end,
        "2589-12-31T16:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
    assert!(matches!(
        cal.between(t(2030), t(2700)),
        Err(Error::OutOfRange { .. })
    ));
}

#[test]
fn periodic_calendars_extrapolate_exactly() {
    // Fixed-date and weekday rules repeat every 400 years: sums far beyond the data equal
    // the year-by-year count.
    let cal = office(
        r#"[{"name": "New Year", "month": 1, "day": 1}, {"name": "Christmas", "month": 12, "day": 25},
            {"name": "Thanksgiving", "month": 11, "weekday": "thu", "nth": 4}]"#,
    );
    let mut by_year = 0;
    for y in 2000..3300 {
        by_year += cal
            .business_days_between(date(y, 1, 1), date(y + 1, 1, 1))
            .map(BusinessDays::get)
            .unwrap();
    }
    assert_eq!(
        cal.business_days_between(date(2000, 1, 1), date(3300, 1, 1))
            .map(BusinessDays::get)
            .unwrap(),
        by_year
    );
    let far = cal
        .add_business_days(date(2026, 1, 1), BusinessDays(1_000_000))
        .unwrap();
    assert_eq!(
        cal.business_days_between(date(2026, 1, 2), far)
            .map(BusinessDays::get)
            .unwrap(),
        1_000_000
    );
    assert!(far.year() > 5800);
}
