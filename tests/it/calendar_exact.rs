//! Exact answers from configurations that used to give plausible wrong ones (issue 15):
//! duplicated holiday rules, and local dates that a time zone skips.

use chrono::TimeDelta;
use slacalc::calendar::BusinessDays;
use slacalc::calendar::{HolidaySpec, Holidays};
use slacalc::Calendar;

use crate::util::{date as d, t};

fn holidays(json: &str) -> Holidays {
    let specs: Vec<HolidaySpec> = serde_json::from_str(json).unwrap();
    Holidays::from_specs(&specs).unwrap()
}

fn listed(h: &Holidays, year: i32) -> Vec<String> {
    h.in_year(year)
        .into_iter()
        .map(|h| format!("{} {}", h.date, h.name))
        .collect()
}

#[test]
fn a_preset_listed_twice_is_the_preset() {
    let once = holidays(r#"[{"preset": "gb-eng"}]"#);
    let twice = holidays(r#"[{"preset": "gb-eng"}, {"preset": "gb-eng"}]"#);
    assert_eq!(
        listed(&twice, 2021)
            .into_iter()
            .filter(|h| h.starts_with("2021-12"))
            .collect::<Vec<_>>(),
        [
            "2021-12-25 Christmas Day",
            "2021-12-26 Boxing Day",
            "2021-12-27 Christmas Day (observed)",
            "2021-12-28 Boxing Day (observed)",
        ]
    );
    assert!(!twice.contains(d(2021, 12, 29)) && !twice.contains(d(2021, 12, 30)));
    assert!(twice.contains(d(2022, 1, 3)) && !twice.contains(d(2022, 1, 4)));
    for year in 1900..=2100 {
        assert_eq!(listed(&twice, year), listed(&once, year), "{year}");
    }
    // The same holds for every preset, and for a preset beside the rules it includes.
    for name in Holidays::PRESETS {
        let once = Holidays::preset(name).unwrap();
        let twice = holidays(&format!(
            r#"[{{"preset": "{name}"}}, {{"preset": "{name}"}}]"#
        ));
        for year in 1990..=2040 {
            assert_eq!(listed(&twice, year), listed(&once, year), "{name} {year}");
        }
    }
    let by = Holidays::preset("de-by").unwrap();
    let with_de = holidays(r#"[{"preset": "de"}, {"preset": "de-by"}]"#);
    for year in 1990..=2040 {
        assert_eq!(
            listed(&with_de, year),
            listed(&by, year),
            "de + de-by {year}"
        );
    }
}

#[test]
fn a_substitute_rule_listed_twice_substitutes_once() {
    let x = r#"{"name": "Christmas Day", "month": 12, "day": 25, "observed": "substitute"}"#;
    let twice = holidays(&format!("[{x}, {x}]"));
    // Sunday 2022-12-25: one substitute day, Monday the 26th.
    assert_eq!(
        listed(&twice, 2022),
        [
            "2022-12-25 Christmas Day",
            "2022-12-26 Christmas Day (observed)"
        ]
    );
    assert!(!twice.contains(d(2022, 12, 27)));
    let once = holidays(&format!("[{x}]"));
    for year in 1900..=2100 {
        assert_eq!(listed(&twice, year), listed(&once, year), "{year}");
    }
    // A calendar with the duplicated rule opens on Tuesday 2022-12-27.
    let cal: Calendar = serde_json::from_str(&format!(
        r#"{{"timezone": "Europe/London", "hours": {{"tue": ["09:00-17:00"]}},
            "holidays": [{x}, {x}]}}"#
    ))
    .unwrap();
    assert!(cal.is_business_day(d(2022, 12, 27)));
    assert_eq!(
        cal.between(t("2022-12-26T00:00:00Z"), t("2022-12-28T00:00:00Z"))
            .unwrap(),
        TimeDelta::hours(8)
    );
}

#[test]
fn two_holidays_on_one_weekend_date_take_one_substitute() {
    // Two differently named holidays on Sunday 2022-12-25: one substitute day, under both
    // names.
    let h = holidays(
        r#"[{"name": "Christmas Day", "month": 12, "day": 25, "observed": "substitute"},
            {"name": "Company Day", "month": 12, "day": 25, "observed": "substitute"}]"#,
    );
    assert_eq!(
        listed(&h, 2022),
        [
            "2022-12-25 Christmas Day; Company Day",
            "2022-12-26 Christmas Day (observed); Company Day (observed)"
        ]
    );
}

/// Every day 09:00–17:00 in Pacific/Apia, which skipped Friday 2011-12-30: it moved from
/// UTC−10 to UTC+14 at the end of Thursday the 29th.
fn apia() -> Calendar {
    let day = r#"["09:00-17:00"]"#;
    serde_json::from_str(&format!(
        r#"{{"timezone": "Pacific/Apia", "hours": {{"mon": {day}, "tue": {day}, "wed": {day},
            "thu": {day}, "fri": {day}, "sat": {day}, "sun": {day}}}}}"#
    ))
    .unwrap()
}

#[test]
fn a_skipped_date_is_not_a_business_day() {
    let cal = apia();
    assert!(cal.is_business_day(d(2011, 12, 29)));
    assert!(!cal.is_business_day(d(2011, 12, 30)));
    assert!(cal.is_business_day(d(2011, 12, 31)));
    assert_eq!(
        cal.add_business_days(d(2011, 12, 29), BusinessDays(1))
            .unwrap(),
        d(2011, 12, 31)
    );
    assert_eq!(
        cal.add_business_days(d(2011, 12, 31), BusinessDays(-1))
            .unwrap(),
        d(2011, 12, 29)
    );
    // The skipped date itself rolls forward (or back) to a date that happened.
    assert_eq!(
        cal.add_business_days(d(2011, 12, 30), BusinessDays(0))
            .unwrap(),
        d(2011, 12, 31)
    );
    // (Backward, it rolls to Thursday and then moves one business day.)
    assert_eq!(
        cal.add_business_days(d(2011, 12, 30), BusinessDays(-1))
            .unwrap(),
        d(2011, 12, 28)
    );
    assert_eq!(
        cal.add_business_days(d(2011, 12, 28), BusinessDays(2))
            .unwrap(),
        d(2011, 12, 31)
    );
    assert_eq!(
        cal.business_days_between(d(2011, 12, 29), d(2012, 1, 1))
            .map(BusinessDays::get)
            .unwrap(),
        2
    );
    assert_eq!(
        cal.business_days_between(d(2011, 12, 1), d(2012, 1, 1))
            .map(BusinessDays::get)
            .unwrap(),
        30
    );
    assert_eq!(
        cal.business_days_between(d(2012, 1, 1), d(2011, 12, 29))
            .map(BusinessDays::get)
            .unwrap(),
        -2
    );
    // Thursday 10:00 (UTC−10) plus one business day: Saturday 10:00 (UTC+14).
    assert_eq!(
        cal.business_days_later(t("2011-12-29T20:00:00Z"), BusinessDays(1))
            .unwrap(),
        t("2011-12-30T20:00:00Z")
    );
    // By the end of the next business day: Saturday 17:00 (UTC+14).
    assert_eq!(
        cal.end_of_business_day(t("2011-12-29T20:00:00Z"), BusinessDays(1))
            .unwrap(),
        t("2011-12-31T03:00:00Z")
    );
    // The skipped date's shift covers no instant: between Thursday's shift (19:00Z–03:00Z)
    // and Saturday's (one UTC day later) there is nothing.
    assert_eq!(
        cal.between(t("2011-12-29T19:00:00Z"), t("2011-12-31T03:00:00Z"))
            .unwrap(),
        TimeDelta::hours(16)
    );
    assert!(!cal.is_open(t("2011-12-30T10:00:00Z")));
}

#[test]
fn skipped_dates_in_combinations() {
    let utc: Calendar =
        serde_json::from_str(r#"{"timezone": "UTC", "hours": {"fri": ["09:00-17:00"]}}"#).unwrap();
    let both = Calendar::intersection(&[apia(), utc.clone()]).unwrap();
    assert!(!both.is_business_day(d(2011, 12, 30)));
    assert!(both.is_business_day(d(2012, 1, 6)));
    // Friday 2011-12-23 plus one business day of both: not the 30th, which Apia skipped.
    assert_eq!(
        both.add_business_days(d(2011, 12, 23), BusinessDays(1))
            .unwrap(),
        d(2012, 1, 6)
    );
    assert_eq!(
        both.business_days_between(d(2011, 1, 1), d(2012, 1, 1))
            .map(BusinessDays::get)
            .unwrap(),
        51
    );
    let either = Calendar::union(&[apia(), utc]).unwrap();
    assert!(either.is_business_day(d(2011, 12, 30)));
    assert_eq!(
        either
            .business_days_between(d(2011, 12, 29), d(2012, 1, 1))
            .map(BusinessDays::get)
            .unwrap(),
        3
    );
}

/// Per-year sums against the 400-year tables: a span's total comes from the tables (each
/// distinct shape of year compiled once), a single year's from that year compiled on its own.
fn assert_tables_match_years(name: &str, cal: &Calendar, from: i32, to: i32) {
    let jan1 = |y: i32| d(y, 1, 1).and_hms_opt(0, 0, 0).unwrap().and_utc();
    let mut seconds = TimeDelta::zero();
    let mut days = 0;
    for y in from..to {
        seconds += cal.between(jan1(y), jan1(y + 1)).unwrap();
        days += cal
            .business_days_between(d(y, 1, 1), d(y + 1, 1, 1))
            .map(BusinessDays::get)
            .unwrap();
    }
    assert_eq!(
        cal.between(jan1(from), jan1(to)).unwrap(),
        seconds,
        "{name}: business time {from}..{to}"
    );
    assert_eq!(
        cal.business_days_between(d(from, 1, 1), d(to, 1, 1))
            .map(BusinessDays::get)
            .unwrap(),
        days,
        "{name}: business days {from}..{to}"
    );
}

#[test]
fn tables_match_the_years_they_stand_for() {
    let week = r#""mon": ["08:00-12:00", "13:00-17:00"], "tue": ["09:00-17:00"],
        "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-15:00"]"#;
    let office: Calendar = serde_json::from_str(&format!(
        r#"{{"timezone": "Europe/Berlin", "hours": {{{week}}}, "holidays": [{{"preset": "us"}}]}}"#
    ))
    .unwrap();
    // Night shifts across midnight, rules that cross the new year (US observance of
    // January 1 on Friday December 31, substitutes, the first Monday on or after December
    // 30), and a rule that starts in 2300.
    let nights: Calendar = serde_json::from_str(
        r#"{"timezone": "Pacific/Chatham",
            "hours": {"fri": ["22:00-06:00"], "sat": ["20:00-23:45"], "sun": ["23:00-24:00"],
                      "mon": ["00:00-02:00", "09:00-17:00"]},
            "holidays": [
                {"name": "New Year", "month": 1, "day": 1, "observed": "us"},
                {"name": "Eve", "month": 12, "day": 31, "observed": "substitute"},
                {"name": "Day after", "month": 1, "day": 2, "observed": "substitute"},
                {"name": "First Monday", "weekday": "mon", "on_or_after": {"month": 12, "day": 30}},
                {"name": "Last Friday", "month": 12, "weekday": "fri", "nth": -1,
                 "observed": "sunday_to_monday"},
                {"name": "Leap", "month": 2, "day": 29, "observed": "substitute", "from": 2300}
            ]}"#,
    )
    .unwrap();
    assert_tables_match_years("office", &office, 1380, 1842);
    assert_tables_match_years("office", &office, 2102, 2552);
    assert_tables_match_years("nights", &nights, 2102, 2299);
    assert_tables_match_years("nights", &nights, 2302, 2752);
    let tokyo: Calendar = serde_json::from_str(
        r#"{"timezone": "Asia/Tokyo", "hours": {"tue": ["07:00-19:00"], "sat": ["00:00-24:00"]}}"#,
    )
    .unwrap();
    let union = Calendar::union(&[office.clone(), nights.clone(), tokyo.clone()]).unwrap();
    assert_tables_match_years("union", &union, 1380, 1842);
    assert_tables_match_years("union", &union, 2302, 2752);
    let rest = office.difference(&[tokyo]).unwrap();
    assert_tables_match_years("difference", &rest, 2102, 2552);
}

/// `between` on compiled years (the fast path) borrows a second when the later instant's
/// counted nanoseconds are fewer, and gives the negated answer for reversed instants, in one
/// year and across a year boundary.
#[test]
fn between_on_compiled_years_borrows_nanoseconds_and_keeps_its_sign() {
    let cal: Calendar = serde_json::from_str(
        r#"{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"],
            "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}"#,
    )
    .unwrap();
    // Compile the years first, so that the calls below take the fast path.
    cal.add(t("2026-06-01T09:00:00Z"), TimeDelta::hours(4000))
        .unwrap();
    let ns = |s: &str, n: u32| t(s) + TimeDelta::nanoseconds(i64::from(n));
    let cases = [
        // Mon 10:00:00.7 to Mon 12:00:00.2: 1 h 59 min 59.5 s.
        (
            ns("2026-06-01T10:00:00Z", 700_000_000),
            ns("2026-06-01T12:00:00Z", 200_000_000),
            TimeDelta::new(7199, 500_000_000).unwrap(),
        ),
        // Mon 10:00:00.2 to Tue 10:00:00.7: one business day and half a second.
        (
            ns("2026-06-01T10:00:00Z", 200_000_000),
            ns("2026-06-02T10:00:00Z", 700_000_000),
            TimeDelta::new(8 * 3600, 500_000_000).unwrap(),
        ),
        // Thu 2026-12-31 16:00:00.9 to Fri 2027-01-01 09:00:00.1 (open at its start, but
        // the later instant's nanoseconds count since it is open): 1 h, less 0.8 s.
        (
            ns("2026-12-31T16:00:00Z", 900_000_000),
            ns("2027-01-01T09:00:00Z", 100_000_000),
            TimeDelta::new(3599, 200_000_000).unwrap(),
        ),
        // A closed instant's nanoseconds do not count: Sat 12:00:00.9 to Mon 09:00:00.5.
        (
            ns("2026-06-06T12:00:00Z", 900_000_000),
            ns("2026-06-08T09:00:00Z", 500_000_000),
            TimeDelta::new(0, 500_000_000).unwrap(),
        ),
    ];
    for (a, b, expected) in cases {
        assert_eq!(cal.between(a, b).unwrap(), expected, "between({a}, {b})");
        assert_eq!(cal.between(b, a).unwrap(), -expected, "between({b}, {a})");
    }
    // A leap second's extra nanoseconds count as the last nanosecond of its second:
    // 10:00:59 and 1.5 s (chrono's leap second) to 12:00:00 is 1 h 59 min and 1 ns.
    let leap = chrono::NaiveDate::from_ymd_opt(2026, 6, 1)
        .and_then(|d| d.and_hms_nano_opt(10, 0, 59, 1_500_000_000))
        .unwrap()
        .and_utc();
    let noon = t("2026-06-01T12:00:00Z");
    let expected = TimeDelta::new(7140, 1).unwrap();
    assert_eq!(cal.between(leap, noon).unwrap(), expected);
    assert_eq!(cal.between(noon, leap).unwrap(), -expected);
}
