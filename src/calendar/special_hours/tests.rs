use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use crate::calendar::compiled::Seconds;
use crate::calendar::model::Calendar;
use crate::calendar::years::YearSeries;
use crate::calendar::BusinessDays;
use crate::error::Error;
use crate::testing::{date as d, t};

fn cal(json: &str) -> Calendar {
    Calendar::from_json(json).unwrap()
}

fn hours(c: &Calendar, from: &str, to: &str) -> i64 {
    c.between(t(from), t(to)).unwrap().num_seconds() / 3600
}

/// A Berlin office, Monday to Friday 09:00-17:00 (UTC+1 in winter), with the rules of the
/// module docs. The monthly rule comes first: the yearly one still wins on a date both give.
fn office(extra: &str) -> Calendar {
    let day = r#"["09:00-17:00"]"#;
    cal(&format!(
        r#"{{"timezone": "Europe/Berlin",
            "hours": {{"mon": {day}, "tue": {day}, "wed": {day}, "thu": {day}, "fri": {day}}},
            "special_hours": [
                {{"name": "Month-end", "weekday": "fri", "nth": -1, "hours": ["09:00-14:00"],
                  "from": 2027}},
                {{"name": "Christmas Eve", "month": 12, "day": 24, "hours": ["08:00-12:00"]}},
                {{"name": "New Year's Eve", "month": 12, "day": 31, "hours": ["08:00-12:00"]}}
            ]{extra}}}"#
    ))
}

#[test]
fn rules_replace_the_weekly_hours_on_their_dates() {
    let c = office("");
    // Thursday 2026-12-24: 08:00-12:00 instead of 09:00-17:00.
    assert_eq!(hours(&c, "2026-12-23T23:00:00Z", "2026-12-24T23:00:00Z"), 4);
    // Friday 2026-01-30, the last of January, is before the monthly rule's `from`: 8 hours.
    assert_eq!(hours(&c, "2026-01-29T23:00:00Z", "2026-01-30T23:00:00Z"), 8);
    // Friday 2027-01-29 (1 January 2027 is a Friday: 1, 8, 15, 22, 29): 09:00-14:00.
    assert_eq!(hours(&c, "2027-01-28T23:00:00Z", "2027-01-29T23:00:00Z"), 5);
    // Three hours from 13:00 that Friday: 13:00-14:00, then Monday 1 February 09:00-11:00
    // (10:00 UTC).
    assert_eq!(
        c.add(t("2027-01-29T12:00:00Z"), TimeDelta::hours(3))
            .unwrap(),
        t("2027-02-01T10:00:00Z")
    );
    assert_eq!(
        c.sub(t("2027-02-01T10:00:00Z"), TimeDelta::hours(3))
            .unwrap(),
        t("2027-01-29T12:00:00Z")
    );
    // The end of the next business day after Wednesday 2026-12-23 is Christmas Eve 12:00.
    assert_eq!(
        c.end_of_business_day(t("2026-12-23T09:00:00Z"), BusinessDays(1))
            .unwrap(),
        t("2026-12-24T11:00:00Z")
    );
    // A rule gives hours whatever the weekday: Sunday 2028-12-24 opens 08:00-12:00.
    assert!(c.is_business_day(d(2028, 12, 24)));
    assert_eq!(
        c.next_open(t("2028-12-23T12:00:00Z")).unwrap(),
        Some(t("2028-12-24T07:00:00Z"))
    );
}

#[test]
fn a_yearly_rule_wins_over_a_monthly_one() {
    let c = office("");
    // Friday 2027-12-31 is the last Friday of December (monthly 09:00-14:00, listed first)
    // and New Year's Eve (yearly 08:00-12:00): the yearly rule's 4 hours.
    assert_eq!(hours(&c, "2027-12-30T23:00:00Z", "2027-12-31T23:00:00Z"), 4);
    assert!(c.is_open(t("2027-12-31T07:30:00Z")));
    assert!(!c.is_open(t("2027-12-31T11:30:00Z")));
}

#[test]
fn holidays_and_exceptions_win_over_rules() {
    let c = office(
        r#", "holidays": ["2027-12-24"],
            "exceptions": {"2029-12-24": ["10:00-11:00"]}"#,
    );
    // Friday 2027-12-24 is a holiday: closed, although the rule gives 08:00-12:00.
    assert_eq!(hours(&c, "2027-12-23T23:00:00Z", "2027-12-24T23:00:00Z"), 0);
    assert!(!c.is_business_day(d(2027, 12, 24)));
    // Monday 2029-12-24 (1 January 2029 is a Monday, 357 days before) has an exception.
    assert_eq!(hours(&c, "2029-12-23T23:00:00Z", "2029-12-24T23:00:00Z"), 1);
    // The years around them still follow the rule.
    assert_eq!(hours(&c, "2028-12-23T23:00:00Z", "2028-12-24T23:00:00Z"), 4);
    assert_eq!(hours(&c, "2030-12-23T23:00:00Z", "2030-12-24T23:00:00Z"), 4);
    // A preset whose holidays include 24 December closes it (Germany's `de` does not;
    // a holiday rule of one's own does).
    let closed = office(r#", "holidays": [{"preset": "de"}, {"month": 12, "day": 24}]"#);
    assert_eq!(
        hours(&closed, "2026-12-23T23:00:00Z", "2026-12-24T23:00:00Z"),
        0
    );
}

#[test]
fn a_closing_rule_removes_business_days() {
    // Every first Monday of the month closed: Monday 2027-02-01 is not a business day, and
    // one business day after Friday 2027-01-29 is Tuesday 2 February.
    let day = r#"["09:00-17:00"]"#;
    let c = cal(&format!(
        r#"{{"timezone": "UTC", "hours": {{"mon": {day}, "tue": {day}, "fri": {day}}},
            "special_hours": [{{"weekday": "mon", "nth": 1, "hours": []}}]}}"#
    ));
    assert!(!c.is_business_day(d(2027, 2, 1)));
    assert_eq!(
        c.add_business_days(d(2027, 1, 29), BusinessDays(1))
            .unwrap(),
        d(2027, 2, 2)
    );
    // February 2027 has Mondays 1, 8, 15, 22 (first closed), Tuesdays 2, 9, 16, 23 and
    // Fridays 5, 12, 19, 26: 11 business days.
    assert_eq!(
        c.business_days_between(d(2027, 2, 1), d(2027, 3, 1))
            .unwrap()
            .get(),
        11
    );
}

#[test]
fn rules_across_dst_days() {
    // The last Sunday of each month in 2027, all day, in Berlin: 24 hours each, except
    // 28 March (spring forward, 23 hours) and 31 October (fall back, 25 hours) — 12 × 24.
    let c = cal(
        r#"{"timezone": "Europe/Berlin", "special_hours": [{"weekday": "sun", "nth": -1,
            "hours": ["00:00-24:00"], "from": 2027, "until": 2027}]}"#,
    );
    assert_eq!(
        hours(&c, "2027-03-27T23:00:00Z", "2027-03-28T22:00:00Z"),
        23
    );
    assert_eq!(
        hours(&c, "2027-10-30T22:00:00Z", "2027-10-31T23:00:00Z"),
        25
    );
    assert_eq!(
        hours(&c, "2020-01-01T00:00:00Z", "2040-01-01T00:00:00Z"),
        288
    );
    // 01:00-04:00 on those days: 2 hours across the gap (02:00-03:00 never happens), 4
    // across the fold (02:00-03:00 happens twice).
    let c = cal(
        r#"{"timezone": "Europe/Berlin", "special_hours": [{"weekday": "sun", "nth": -1,
            "hours": ["01:00-04:00"]}]}"#,
    );
    assert_eq!(hours(&c, "2027-03-27T23:00:00Z", "2027-03-28T22:00:00Z"), 2);
    assert_eq!(hours(&c, "2027-10-30T22:00:00Z", "2027-10-31T23:00:00Z"), 4);
    // 01:00 CEST is 23:00 UTC the day before; 04:00 CET is 03:00 UTC.
    assert_eq!(
        c.add(t("2027-10-30T12:00:00Z"), TimeDelta::hours(4))
            .unwrap(),
        t("2027-10-31T03:00:00Z")
    );
}

#[test]
fn overnight_and_monthly_day_rules() {
    // New Year's Eve 22:00 to 02:00 the next morning, into the next year.
    let c = cal(r#"{"timezone": "UTC", "special_hours": [
            {"month": 12, "day": 31, "hours": ["22:00-02:00"]},
            {"day": 31, "hours": ["09:00-10:00"], "from": 2027, "until": 2027}]}"#);
    assert!(c.is_open(t("2028-01-01T01:30:00Z")));
    assert!(!c.is_open(t("2028-01-01T02:00:00Z")));
    // 2027-12-31 has the yearly rule's hours (the yearly rule wins), not 09:00-10:00.
    assert!(!c.is_open(t("2027-12-31T09:30:00Z")));
    assert_eq!(hours(&c, "2027-12-31T00:00:00Z", "2028-01-02T00:00:00Z"), 4);
    // The 31st of the other months of 2027: January, March, May, July, August, October.
    // (From 02:00 on 1 January, when New Year's Eve 2026's shift ends.)
    assert_eq!(hours(&c, "2027-01-01T02:00:00Z", "2027-12-31T00:00:00Z"), 6);
    // Four hours from 23:00 on New Year's Eve 2027: three to 02:00, the fourth a year later.
    assert_eq!(
        c.add(t("2027-12-31T23:00:00Z"), TimeDelta::hours(4))
            .unwrap(),
        t("2028-12-31T23:00:00Z")
    );
}

#[test]
fn a_calendar_of_rules_alone_runs_for_ever() {
    // No weekly hours: the first of each month 09:00-10:00 from 2027.
    let c = cal(
        r#"{"timezone": "UTC", "special_hours": [{"day": 1, "hours": ["09:00-10:00"], "from": 2027}]}"#,
    );
    assert_eq!(
        c.next_open(t("2026-06-01T00:00:00Z")).unwrap(),
        Some(t("2027-01-01T09:00:00Z"))
    );
    // 2027 to 2035: 9 years of 12 hours.
    assert_eq!(
        hours(&c, "2026-01-01T00:00:00Z", "2036-01-01T00:00:00Z"),
        108
    );
    // 120,000 hours: the years 2027 to 12026, ending on 1 December 12026 at 10:00.
    assert_eq!(
        c.add(t("2026-01-01T00:00:00Z"), TimeDelta::hours(120_000))
            .unwrap(),
        t("+12026-12-01T10:00:00Z")
    );
    // Until 2030: 48 hours in all, then nothing.
    let c = cal(
        r#"{"timezone": "UTC", "special_hours": [{"day": 1, "hours": ["09:00-10:00"], "from": 2027, "until": 2030}]}"#,
    );
    assert!(matches!(
        c.add(t("2026-01-01T00:00:00Z"), TimeDelta::hours(49)),
        Err(Error::NoBusinessTime { .. })
    ));
    assert_eq!(c.next_open(t("2030-12-01T10:00:00Z")).unwrap(), None);
}

#[test]
fn every_counts_years_from_from() {
    let c = cal(
        r#"{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"]}, "special_hours": [
            {"month": 1, "weekday": "mon", "nth": 1, "hours": [], "from": 2027, "every": 2},
            {"month": 1, "weekday": "mon", "nth": 1, "hours": ["09:00-10:00"], "from": 2028,
             "every": 2}]}"#,
    );
    // First Mondays of January: 2027-01-04 closed, 2028-01-03 one hour, 2029-01-01 closed.
    assert_eq!(hours(&c, "2027-01-04T00:00:00Z", "2027-01-05T00:00:00Z"), 0);
    assert_eq!(hours(&c, "2028-01-03T00:00:00Z", "2028-01-04T00:00:00Z"), 1);
    assert_eq!(hours(&c, "2029-01-01T00:00:00Z", "2029-01-02T00:00:00Z"), 0);
    assert_eq!(hours(&c, "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"), 8);
}

fn error(rules: &str) -> Error {
    Calendar::from_json(&format!(
        r#"{{"timezone": "UTC", "special_hours": {rules}}}"#
    ))
    .unwrap_err()
}

fn invalid(path: &str, value: &str) -> impl Fn(&Error) -> bool {
    let (path, value) = (path.to_owned(), value.to_owned());
    move |e| matches!(e, Error::InvalidValue { path: p, value: v, .. } if *p == path && *v == value)
}

#[test]
fn errors_name_path_and_value() {
    let cases: [(&str, &str, &str); 6] = [
        (
            r#"[{"month": 13, "day": 1, "hours": []}]"#,
            "special_hours[0].month",
            "13",
        ),
        (
            r#"[{"day": 1, "hours": []}, {"day": 32, "hours": []}]"#,
            "special_hours[1].day",
            "32",
        ),
        (
            r#"[{"weekday": "fri", "hours": []}]"#,
            "special_hours[0]",
            "weekday",
        ),
        (
            r#"[{"weekday": "fri", "nth": 6, "hours": []}]"#,
            "special_hours[0].nth",
            "6",
        ),
        (
            r#"[{"day": 1, "from": 2027, "every": 2, "hours": []}]"#,
            "special_hours[0].every",
            "2",
        ),
        (
            r#"[{"day": 1, "from": 2027, "until": 2026, "hours": []}]"#,
            "special_hours[0].until",
            "2026",
        ),
    ];
    for (rules, path, value) in cases {
        let e = error(rules);
        assert!(invalid(path, value)(&e), "{rules}: {e}");
    }
    assert_eq!(
        error(r#"[{"month": 12, "day": 24, "hours": []}, {"name": "Good Friday", "hours": []}]"#)
            .to_string(),
        "special_hours[1]: invalid value `(none)`: expected one of: `month` + `day`; `month` + \
         `weekday` + `nth`; `weekday` + `on_or_after` (yearly); `day`; `weekday` + `nth` (monthly)"
    );
    assert_eq!(
        error(r#"[{"month": 12, "day": 24, "hours": ["8-12"]}]"#).to_string(),
        "special_hours[0].hours[0]: invalid shift `8-12`: expected HH:MM-HH:MM with times \
         from 00:00 to 24:00"
    );
    assert!(matches!(
        error(r#"[{"weekday": "fry", "nth": 1, "hours": []}]"#),
        Error::UnknownWeekday { path, input } if path == "special_hours[0].weekday" && input == "fry"
    ));
    // Unknown fields and a missing `hours` are refused by the parser.
    for (json, message) in [
        (r#"[{"month": 12, "day": 24}]"#, "missing field `hours`"),
        (
            r#"[{"month": 12, "day": 24, "hours": [], "observed": "us"}]"#,
            "unknown field `observed`",
        ),
    ] {
        let e = Calendar::from_json(&format!(
            r#"{{"timezone": "UTC", "special_hours": {json}}}"#
        ))
        .unwrap_err()
        .to_string();
        assert!(e.contains(message), "{e}");
    }
}

#[test]
fn rules_that_would_hide_each_other_are_refused() {
    let e = error(
        r#"[{"month": 12, "day": 24, "hours": ["08:00-12:00"]},
            {"day": 1, "hours": []},
            {"month": 12, "day": 24, "hours": [], "from": 2030}]"#,
    );
    assert_eq!(
        e.to_string(),
        "special_hours[2]: invalid value `the same dates as special_hours[0]`: expected one \
         special-hours rule per date in any year (the earlier rule would always win): merge \
         the two, or part their years with `from`/`until`"
    );
    // Every other year from 2020 meets every fourth year from 2024.
    assert!(invalid(
        "special_hours[1]",
        "the same dates as special_hours[0]"
    )(&error(
        r#"[{"day": 1, "hours": [], "from": 2020, "until": 2030},
            {"day": 1, "hours": ["09:00-10:00"], "from": 2024}]"#
    )));
    let met = r#"[{"month": 1, "day": 2, "hours": [], "from": 2020, "every": 2},
                  {"month": 1, "day": 2, "hours": [], "from": 2024, "every": 4}]"#;
    assert!(invalid(
        "special_hours[1]",
        "the same dates as special_hours[0]"
    )(&error(met)));
    // Parted years, alternate years, and rules of different forms are fine.
    for ok in [
        r#"[{"month": 12, "day": 24, "hours": [], "until": 2029},
            {"month": 12, "day": 24, "hours": ["08:00-12:00"], "from": 2030}]"#,
        r#"[{"month": 1, "day": 2, "hours": [], "from": 2020, "every": 2},
            {"month": 1, "day": 2, "hours": [], "from": 2021, "every": 2}]"#,
        r#"[{"month": 1, "day": 2, "hours": [], "from": 2020, "every": 4},
            {"month": 1, "day": 2, "hours": [], "from": 2022, "every": 4}]"#,
        r#"[{"month": 12, "day": 24, "hours": []}, {"day": 24, "hours": []},
            {"month": 12, "weekday": "fri", "nth": -1, "hours": []}]"#,
    ] {
        Calendar::from_json(&format!(r#"{{"timezone": "UTC", "special_hours": {ok}}}"#)).unwrap();
    }
}

#[test]
fn the_number_of_rules_is_limited() {
    use crate::calendar::MAX_SPECIAL_HOURS_RULES;
    let rules = |n: usize, first: usize| -> String {
        let list: Vec<String> = (0..n)
            .map(|i| {
                let y = 2000 + first + i;
                format!(r#"{{"day": 1, "hours": [], "from": {y}, "until": {y}}}"#)
            })
            .collect();
        format!("[{}]", list.join(","))
    };
    assert!(invalid(
        "special_hours",
        &format!("{} rules", MAX_SPECIAL_HOURS_RULES + 1)
    )(&error(&rules(MAX_SPECIAL_HOURS_RULES + 1, 0))));
    let half = MAX_SPECIAL_HOURS_RULES / 2 + 1;
    let json = format!(
        r#"{{"union": [{{"timezone": "UTC", "special_hours": {}}},
                       {{"timezone": "UTC", "special_hours": {}}}]}}"#,
        rules(half, 0),
        rules(half, half)
    );
    let e = Calendar::from_json(&json).unwrap_err();
    assert!(
        invalid("union", &format!("{} special-hours rules", 2 * half))(&e),
        "{e}"
    );
}

#[test]
fn special_hours_round_trip() {
    let c = office(r#", "exceptions": {"2029-12-24": []}"#);
    let json = serde_json::to_string(&c).unwrap();
    assert!(json.contains(r#""special_hours":[{"name":"Month-end","weekday":"fri","nth":-1,"from":2027,"hours":["09:00-14:00"]}"#), "{json}");
    let back: Calendar = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    let toml = toml::to_string(&c).unwrap();
    assert_eq!(toml::from_str::<Calendar>(&toml).unwrap(), c);
    // Every field, a nested `on_or_after` among them, in both forms.
    let every = cal(
        r#"{"timezone": "UTC", "special_hours": [{"name": "Spring", "weekday": "mon",
            "on_or_after": {"month": 5, "day": 18}, "from": 2020, "until": 2040,
            "every": 2, "hours": ["22:00-24:00"]}]}"#,
    );
    let json = serde_json::to_string(&every).unwrap();
    assert_eq!(serde_json::from_str::<Calendar>(&json).unwrap(), every);
    let toml = toml::to_string(&every).unwrap();
    assert_eq!(toml::from_str::<Calendar>(&toml).unwrap(), every, "{toml}");
}

/// Regions between rule bounds share year totals by signature and shape: with rules in
/// force over different stretches, every year's total is still the one computed alone.
#[test]
fn shared_year_totals_stay_exact() {
    let c = cal(
        r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"], "fri": ["09:00-17:00"]},
            "holidays": [{"month": 12, "day": 25}],
            "special_hours": [
                {"weekday": "fri", "nth": -1, "hours": ["09:00-12:00"], "from": 2200, "until": 2399},
                {"month": 12, "day": 24, "hours": ["22:00-06:00"], "from": 2300},
                {"day": 13, "hours": [], "until": 2150}]}"#,
    );
    let series = Seconds(&c);
    for y in 2040..2700 {
        assert_eq!(series.year_total(y), series.direct_total(y), "{y}");
    }
    let days = crate::calendar::business_days::Days(&c);
    for y in 2040..2700 {
        assert_eq!(days.year_total(y), days.direct_total(y), "days {y}");
    }
}

/// Rules open towards chrono's first and last years, and on-or-after rules of the last
/// year, answer at the ends of time without a panic or a hang.
#[test]
fn extreme_years() {
    let c = cal(
        r#"{"timezone": "Pacific/Kiritimati", "hours": {"sat": ["23:00-01:00"]},
            "special_hours": [
                {"day": 31, "hours": ["23:00-01:00"], "from": -262143},
                {"weekday": "sun", "nth": -5, "hours": ["00:00-24:00"], "until": 262142},
                {"weekday": "mon", "on_or_after": {"month": 12, "day": 29}, "hours": [],
                 "from": 262142}]}"#,
    );
    let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
    let all = c.between(min, max).unwrap();
    assert!(all > TimeDelta::zero());
    assert_eq!(c.between(max, min).unwrap(), -all);
    assert!(c.add(min, all).is_ok());
    assert!(c.sub(max, all).is_ok());
    assert!(c.next_open(max).is_ok() && c.next_open(min).is_ok());
    let (first, last) = (NaiveDate::MIN, NaiveDate::MAX);
    let days = c.business_days_between(first, last).unwrap().get();
    assert!(days > 0);
    assert!(c.add_business_days(first, BusinessDays(days + 1)).is_err());
    for d in [first, last] {
        let _ = c.is_business_day(d);
    }
}
