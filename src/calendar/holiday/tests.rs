use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::calendar::BusinessDays;
use crate::testing::date as d;

fn specs(json: &str) -> Vec<HolidaySpec> {
    serde_json::from_str(json).unwrap()
}

pub(super) fn build(json: &str) -> Holidays {
    Holidays::from_specs(&specs(json)).unwrap()
}

fn err(json: &str) -> String {
    Holidays::from_specs(&specs(json))
        .map_err(|e| e.at("holidays"))
        .unwrap_err()
        .to_string()
}

fn listed(h: &Holidays, year: i32) -> Vec<String> {
    h.in_year(year)
        .into_iter()
        .map(|h| format!("{} {}", h.date, h.name))
        .collect()
}

#[test]
fn easter_known_years() {
    for (y, m, day) in [
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2000, 4, 23),
        (2038, 4, 25),
        (2008, 3, 23),
        (1818, 3, 22),
        (1961, 4, 2),
    ] {
        assert_eq!(easter(y), Some(d(y, m, day)), "{y}");
    }
    assert_eq!(easter(i32::MAX), None);
    assert_eq!(easter(i32::MIN), None);
}

#[test]
fn plain_dates_keep_working() {
    let h = build(r#"["2026-12-25", "2026-12-24", "2027-01-01"]"#);
    assert_eq!(h.dates_in_year(2026), [d(2026, 12, 24), d(2026, 12, 25)]);
    assert_eq!(h.in_year(2026)[0].name, "");
    assert!(h.contains(d(2027, 1, 1)));
    assert!(!h.contains(d(2028, 1, 1)));
    assert_eq!(h.special_years(), Some((2025, 2028)));
}

#[test]
fn fixed_month_day() {
    let h = build(r#"[{"name": "Christmas Day", "month": 12, "day": 25}]"#);
    assert_eq!(listed(&h, 2030), ["2030-12-25 Christmas Day"]);
    assert!(h.contains(d(1900, 12, 25)));
    assert_eq!(h.special_years(), None);
}

#[test]
fn february_29_only_in_leap_years() {
    let h = build(r#"[{"name": "Leap Day", "month": 2, "day": 29}]"#);
    assert_eq!(h.dates_in_year(2024), [d(2024, 2, 29)]);
    assert!(h.dates_in_year(2025).is_empty());
    assert!(h.dates_in_year(2100).is_empty());
    assert_eq!(h.dates_in_year(2000), [d(2000, 2, 29)]);
}

#[test]
fn nth_and_last_weekday() {
    let h = build(
        r#"[{"name": "Thanksgiving", "month": 11, "weekday": "thu", "nth": 4},
            {"name": "Memorial Day", "month": 5, "weekday": "mon", "nth": -1},
            {"name": "First Monday", "month": 9, "weekday": "mon", "nth": 1},
            {"name": "Fifth Friday", "month": 1, "weekday": "fri", "nth": 5},
            {"name": "Second to last Sunday", "month": 3, "weekday": "sun", "nth": -2}]"#,
    );
    assert_eq!(
        listed(&h, 2026),
        [
            "2026-01-30 Fifth Friday",
            "2026-03-22 Second to last Sunday",
            "2026-05-25 Memorial Day",
            "2026-09-07 First Monday",
            "2026-11-26 Thanksgiving",
        ]
    );
    // January 2028 has four Fridays only: no fifth-Friday holiday that year.
    assert!(!listed(&h, 2028).iter().any(|s| s.contains("Fifth")));
    assert!(listed(&h, 2027)
        .iter()
        .any(|s| s == "2027-01-29 Fifth Friday"));
    // Last Monday of May 2021 is the 31st, of May 2027 too; 2022: 30th.
    assert!(h.contains(d(2021, 5, 31)));
    assert!(h.contains(d(2022, 5, 30)));
}

#[test]
fn easter_offsets() {
    let h = build(
        r#"[{"name": "Good Friday", "easter": -2}, {"name": "Easter Monday", "easter": 1},
            {"name": "Ascension", "easter": 39}, {"name": "Whit Monday", "easter": 50},
            {"name": "Corpus Christi", "easter": 60}]"#,
    );
    assert_eq!(
        h.dates_in_year(2026),
        [
            d(2026, 4, 3),
            d(2026, 4, 6),
            d(2026, 5, 14),
            d(2026, 5, 25),
            d(2026, 6, 4)
        ]
    );
}

#[test]
fn easter_offsets_crossing_the_year() {
    // Easter 2025-04-20 minus 200 days is 2024-10-02; Easter 2024 (03-31) + 200 is 10-17.
    let h = build(r#"[{"name": "Early", "easter": -200}, {"name": "Late", "easter": 200}]"#);
    assert_eq!(
        h.dates_in_year(2024),
        [d(2024, 10, 2), d(2024, 10, 17)],
        "a date belongs to the year it falls in"
    );
    let bounded = build(r#"[{"name": "Early", "easter": -200, "from": 2025, "until": 2025}]"#);
    assert_eq!(bounded.dates_in_year(2024), [d(2024, 10, 2)]);
    assert!(bounded.dates_in_year(2025).is_empty());
    assert_eq!(bounded.special_years(), Some((2024, 2026)));
}

#[test]
fn weekday_on_or_after() {
    let h = build(
        r#"[{"name": "Victoria Day", "weekday": "mon", "on_or_after": {"month": 5, "day": 18}},
            {"name": "Leap", "weekday": "sun", "on_or_after": {"month": 2, "day": 29}}]"#,
    );
    // 2026-05-18 is itself a Monday.
    assert!(h.contains(d(2026, 5, 18)));
    assert!(h.contains(d(2027, 5, 24)));
    // In a common year, Feb 29 reads March 1: 2026-03-01 is a Sunday.
    assert!(h.contains(d(2026, 3, 1)));
    // 2024-02-29 is a Thursday: the Sunday after is March 3.
    assert!(h.contains(d(2024, 3, 3)));
}

#[test]
fn year_ranges_are_inclusive() {
    let h = build(
        r#"[{"name": "Juneteenth", "month": 6, "day": 19, "from": 2021},
            {"name": "Old", "month": 3, "day": 1, "until": 1999},
            {"name": "Window", "month": 4, "day": 1, "from": 2010, "until": 2012}]"#,
    );
    assert!(!h.contains(d(2020, 6, 19)));
    assert!(h.contains(d(2021, 6, 19)));
    assert!(h.contains(d(2400, 6, 19)));
    assert!(h.contains(d(1999, 3, 1)));
    assert!(!h.contains(d(2000, 3, 1)));
    assert!(!h.contains(d(2009, 4, 1)));
    assert!(h.contains(d(2010, 4, 1)) && h.contains(d(2012, 4, 1)));
    assert!(!h.contains(d(2013, 4, 1)));
    assert_eq!(h.special_years(), Some((1998, 2022)));
}

#[test]
fn one_off_named_dates() {
    let h = build(
        r#"[{"name": "Queen's Platinum Jubilee", "date": "2022-06-03"},
            {"name": "New Year", "month": 1, "day": 1}]"#,
    );
    assert_eq!(
        listed(&h, 2022),
        ["2022-01-01 New Year", "2022-06-03 Queen's Platinum Jubilee"]
    );
    assert!(!h.contains(d(2023, 6, 3)));
    assert_eq!(h.special_years(), Some((2021, 2023)));
}

#[test]
fn same_date_keeps_one_entry_with_sorted_names() {
    let h = build(
        r#"[{"name": "Labor Day", "month": 5, "day": 1}, {"name": "Ascension Day", "easter": 39},
            {"name": "Labor Day", "date": "2008-05-01"}]"#,
    );
    let may_first: Vec<_> = h
        .in_year(2008)
        .into_iter()
        .filter(|h| h.date == d(2008, 5, 1))
        .collect();
    assert_eq!(may_first.len(), 1);
    assert_eq!(may_first[0].name, "Ascension Day; Labor Day");
}

#[test]
fn us_observance() {
    let h = build(
        r#"[{"name": "New Year's Day", "month": 1, "day": 1, "observed": "us"},
            {"name": "Independence Day", "month": 7, "day": 4, "observed": "us"}]"#,
    );
    // 2022-01-01 is a Saturday: observed Friday 2021-12-31, which belongs to 2021.
    assert_eq!(
        listed(&h, 2021),
        [
            "2021-01-01 New Year's Day",
            "2021-07-04 Independence Day",
            "2021-07-05 Independence Day (observed)",
            "2021-12-31 New Year's Day (observed)",
        ]
    );
    assert_eq!(
        listed(&h, 2022),
        ["2022-01-01 New Year's Day", "2022-07-04 Independence Day"]
    );
    // 2026-07-04 is a Saturday.
    assert!(h.contains(d(2026, 7, 3)) && h.contains(d(2026, 7, 4)));
}

#[test]
fn sunday_to_monday_observance() {
    let h = build(r#"[{"name": "X", "month": 7, "day": 4, "observed": "sunday_to_monday"}]"#);
    assert_eq!(h.dates_in_year(2021), [d(2021, 7, 4), d(2021, 7, 5)]);
    // 2026-07-04 is a Saturday: nothing added.
    assert_eq!(h.dates_in_year(2026), [d(2026, 7, 4)]);
}

#[test]
fn substitute_days_chain() {
    let h = build(
        r#"[{"name": "Christmas Day", "month": 12, "day": 25, "observed": "substitute"},
            {"name": "Boxing Day", "month": 12, "day": 26, "observed": "substitute"},
            {"name": "New Year's Day", "month": 1, "day": 1, "observed": "substitute"}]"#,
    );
    // Saturday 25 → Monday 27, Sunday 26 → Tuesday 28.
    assert_eq!(
        listed(&h, 2021),
        [
            "2021-01-01 New Year's Day",
            "2021-12-25 Christmas Day",
            "2021-12-26 Boxing Day",
            "2021-12-27 Christmas Day (observed)",
            "2021-12-28 Boxing Day (observed)",
        ]
    );
    // Sunday 25: Monday 26 is Boxing Day itself, so Christmas moves to Tuesday 27.
    assert_eq!(
        h.dates_in_year(2022),
        [
            d(2022, 1, 1),
            d(2022, 1, 3),
            d(2022, 12, 25),
            d(2022, 12, 26),
            d(2022, 12, 27)
        ]
    );
    // Friday 25, Saturday 26 → Monday 28.
    assert!(h.contains(d(2020, 12, 28)) && !h.contains(d(2020, 12, 27)));
}

#[test]
fn substitute_skips_other_holidays_and_crosses_the_year() {
    let h = build(
        r#"[{"name": "Eve", "month": 12, "day": 31, "observed": "substitute"},
            {"name": "New Year's Day", "month": 1, "day": 1},
            {"name": "Day after", "month": 1, "day": 2}]"#,
    );
    // 2022-12-31 is a Saturday; Mon 2 Jan 2023 is a holiday, so the substitute is Tue 3 Jan.
    assert_eq!(
        listed(&h, 2023).first().map(String::as_str),
        Some("2023-01-01 New Year's Day")
    );
    assert!(h.contains(d(2023, 1, 3)));
    assert_eq!(
        h.dates_in_year(2022).last(),
        Some(&d(2022, 12, 31)),
        "the substitute belongs to 2023"
    );
}

#[test]
fn observed_one_off() {
    let h = build(r#"[{"name": "Fete", "date": "2026-07-05", "observed": "substitute"}]"#);
    assert_eq!(
        listed(&h, 2026),
        ["2026-07-05 Fete", "2026-07-06 Fete (observed)"]
    );
}

#[test]
fn extreme_years_do_not_panic() {
    let h = Holidays::preset("gb-eng").unwrap();
    for y in [
        i32::MIN,
        i32::MAX,
        -262_144,
        -262_143,
        262_142,
        262_143,
        0,
        -1,
    ] {
        let list = h.in_year(y);
        assert!(list.windows(2).all(|w| w[0].date < w[1].date));
        assert!(list.iter().all(|x| x.date.year() == y));
    }
    assert!(h.in_year(i32::MAX).is_empty());
    assert!(!h.in_year(262_142).is_empty());
}

#[test]
fn presets_load_and_compare() {
    for name in Holidays::PRESETS {
        let p = Holidays::preset(name).unwrap();
        assert!(!p.is_empty(), "{name}");
        assert!(!Holidays::preset_about(name).unwrap().is_empty());
        assert_eq!(p, Holidays::preset(name).unwrap());
    }
    let de = Holidays::preset("de").unwrap();
    let by = Holidays::preset("de-by").unwrap();
    assert_ne!(de, by);
    assert!(by.contains(d(2026, 6, 4)), "Corpus Christi in Bavaria");
    assert!(!de.contains(d(2026, 6, 4)));
    assert!(!by.contains(d(2026, 8, 15)), "Assumption is not state-wide");
    assert_eq!(
        build(r#"[{"preset": "de"}]"#),
        de,
        "`{{\"preset\": \"de\"}}` is the preset"
    );
}

#[test]
fn gb_moved_bank_holidays() {
    let h = Holidays::preset("gb-eng").unwrap();
    assert!(h.contains(d(2020, 5, 8)) && !h.contains(d(2020, 5, 4)));
    assert!(h.contains(d(2012, 6, 4)) && !h.contains(d(2012, 5, 28)));
    assert!(h.contains(d(2022, 6, 2)) && !h.contains(d(2022, 5, 30)));
    assert!(
        h.contains(d(2036, 5, 26)),
        "rules continue after the vectors"
    );
}

#[test]
fn spec_round_trips_through_serde() {
    let json = r#"["2026-01-02",{"name":"X","month":11,"weekday":"thu","nth":-1,"observed":"us","from":2000},{"weekday":"mon","on_or_after":{"month":5,"day":25}},{"preset":"fr"}]"#;
    let s = specs(json);
    assert_eq!(serde_json::to_string(&s).unwrap(), json);
}

// ---- errors: one test per case, exact messages ----

#[test]
fn error_month_13() {
    assert_eq!(
        err(r#"[{"name": "X", "month": 13, "day": 1}]"#),
        "holidays[0].month: invalid value `13`: expected a month from 1 to 12"
    );
}

#[test]
fn error_nth_out_of_range() {
    let e = |n: i64| {
        err(&format!(
            r#"["2026-01-01", {{"month": 11, "weekday": "thu", "nth": {n}}}]"#
        ))
    };
    assert_eq!(
        e(6),
        "holidays[1].nth: invalid value `6`: expected 1 to 5 (counted from the start of the \
         month) or -1 to -5 (from its end; -1 is the last)"
    );
    assert!(e(0).starts_with("holidays[1].nth: invalid value `0`: "));
    assert!(e(-6).starts_with("holidays[1].nth: invalid value `-6`: "));
}

#[test]
fn error_unknown_preset() {
    assert_eq!(
        err(r#"[{"preset": "pol"}]"#),
        "holidays[0].preset: unknown holiday preset `pol`: the closest preset is `pl` \
         (Holidays::PRESETS lists all)"
    );
    assert_eq!(
        Holidays::preset("DE").unwrap_err(),
        Error::UnknownPreset {
            path: "preset".into(),
            name: "DE".into(),
            closest: Some("de".into()),
        }
    );
}

#[test]
fn error_easter_offset_out_of_range() {
    assert_eq!(
        err(r#"[{"easter": 201}]"#),
        "holidays[0].easter: invalid value `201`: expected an offset from -200 to 200 days"
    );
    assert!(err(r#"[{"easter": -201}]"#).contains("`-201`"));
    assert!(err(r#"[{"easter": -9223372036854775808}]"#).contains("`-9223372036854775808`"));
    assert!(err(r#"[{"month": -9223372036854775808, "day": 1}]"#).contains("month"));
    assert!(Holidays::from_specs(&specs(r#"[{"easter": -200}, {"easter": 200}]"#)).is_ok());
}

#[test]
fn error_until_before_from() {
    assert_eq!(
        err(r#"[{"month": 1, "day": 1, "from": 2020, "until": 2019}]"#),
        "holidays[0].until: invalid value `2019`: expected a year not before `from` (2020)"
    );
}

#[test]
fn error_year_out_of_range() {
    assert_eq!(
        err(r#"[{"month": 1, "day": 1, "from": 300000}]"#),
        "holidays[0].from: invalid value `300000`: expected a year from -262143 to 262142"
    );
}

#[test]
fn error_day_31_in_30_day_month() {
    assert_eq!(
        err(r#"[{"month": 4, "day": 31}]"#),
        "holidays[0].day: invalid value `31`: expected a day from 1 to 30 for month 4"
    );
    assert_eq!(
        err(r#"[{"month": 2, "day": 30}]"#),
        "holidays[0].day: invalid value `30`: expected a day from 1 to 29 for month 2"
    );
    assert_eq!(
        err(r#"[{"weekday": "mon", "on_or_after": {"month": 6, "day": 31}}]"#),
        "holidays[0].on_or_after.day: invalid value `31`: expected a day from 1 to 30 for month 6"
    );
}

#[test]
fn error_unknown_weekday() {
    assert_eq!(
        err(r#"[{"month": 11, "weekday": "thursday", "nth": 4}]"#),
        "holidays[0].weekday: unknown weekday `thursday`: expected one of mon, tue, wed, thu, \
         fri, sat, sun"
    );
}

#[test]
fn error_invalid_dates() {
    assert_eq!(
        err(r#"["2026-02-30"]"#),
        "holidays[0]: invalid date `2026-02-30`: expected YYYY-MM-DD"
    );
    assert_eq!(
        err(r#"[{"name": "X", "date": "2026-6-3"}]"#),
        "holidays[0].date: invalid date `2026-6-3`: expected YYYY-MM-DD"
    );
}

#[test]
fn error_fields_that_make_no_rule() {
    let forms = "one of: `date`; `month` + `day`; `month` + `weekday` + `nth`; `weekday` + \
                 `on_or_after`; `easter`; `orthodox_easter`; `hebrew`; `chinese`; `equinox`; `solar_term`; `between`; `table`; `thai`; `preset`";
    assert_eq!(
        err(r#"[{"name": "X", "month": 5}]"#),
        format!("holidays[0]: invalid value `month`: expected {forms}")
    );
    assert_eq!(
        err(r#"[{"month": 5, "day": 1, "easter": 3}]"#),
        format!("holidays[0]: invalid value `month + day + easter`: expected {forms}")
    );
    assert_eq!(
        err(r#"[{"name": "X"}]"#),
        format!("holidays[0]: invalid value `(none)`: expected {forms}")
    );
}

#[test]
fn error_fields_beside_preset_or_date() {
    assert_eq!(
        err(r#"[{"preset": "de", "from": 2020}]"#),
        "holidays[0].from: invalid value `from`: expected no other field beside `preset` (a \
         preset is included as a whole)"
    );
    assert_eq!(
        err(r#"[{"preset": "de", "month": 1}]"#),
        "holidays[0].month: invalid value `month`: expected no other field beside `preset` (a \
         preset is included as a whole)"
    );
    assert_eq!(
        err(r#"[{"date": "2026-01-01", "until": 2027}]"#),
        "holidays[0].until: invalid value `2027`: expected no year range on a one-off `date` \
         (it has its own year)"
    );
}

#[test]
fn error_unknown_field_and_bad_observance() {
    let e = serde_json::from_str::<Vec<HolidaySpec>>(r#"[{"name": "X", "mnth": 1}]"#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "unknown field `mnth`, expected one of `name`, `preset`, `date`, `month`, `day`, \
         `weekday`, `nth`, `on_or_after`, `easter`, `observed`, `from`, `until`, `hebrew`, \
         `orthodox_easter`, `table`, `chinese`, `equinox`, `solar_term`, `between`, `offset`, \
         `move`, `not_on`, `every`, `clash`, `thai` at line 1 column 21"
    );
    let e =
        serde_json::from_str::<Vec<HolidaySpec>>(r#"[{"month": 1, "day": 1, "observed": "uk"}]"#)
            .unwrap_err()
            .to_string();
    assert_eq!(
        e,
        "unknown variant `uk`, expected one of `none`, `us`, `sunday_to_monday`, `substitute`, \
         `sunday_substitute`, `substitute_each`, `substitute_or_shared`, \
         `sunday_substitute_or_shared`, `saturday_back_sunday_forward`, \
         `saturday_back_sunday_forward_each`, `shift`, `weekend_substitute`, `shared_shift` at line 1 column 40"
    );
    let e = serde_json::from_str::<Vec<HolidaySpec>>("[5]")
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "invalid type: integer `5`, expected a date `YYYY-MM-DD` or a holiday rule object at \
         line 1 column 2"
    );
}

#[test]
fn error_inside_a_calendar_names_the_calendar_path() {
    let spec: crate::calendar::CalendarSpec = serde_json::from_str(
        r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]},
            "holidays": [{"preset": "de"}, {"month": 13, "day": 1}]}"#,
    )
    .unwrap();
    assert_eq!(
        crate::calendar::model::Calendar::try_from(spec)
            .unwrap_err()
            .to_string(),
        "holidays[1].month: invalid value `13`: expected a month from 1 to 12"
    );
}

#[test]
fn memo_and_clone_are_invisible() {
    let h = Holidays::preset("us").unwrap();
    let before = h.in_year(2026);
    for y in 2000..2040 {
        let _ = h.in_year(y);
    }
    let c = h.clone();
    assert_eq!(c.in_year(2026), before);
    assert_eq!(h.in_year(2026), before);
    assert_eq!(c, h);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn presets_give_sorted_unique_dates_within_the_year(year in 1900i32..=2400) {
        for name in Holidays::PRESETS {
            let h = Holidays::preset(name).unwrap();
            let list = h.in_year(year);
            // Empty only before the first year of every holiday of the preset (Serbia's
            // reference starts in 2007) or after the last (Ukraine's public holidays are
            // suspended under martial law from 2023).
            let info = Holidays::preset_info(name).unwrap();
            let start = info.holidays.iter()
                .map(|x| x.from.unwrap_or(i32::MIN)).min().unwrap();
            let end = info.holidays.iter()
                .map(|x| x.until.unwrap_or(i32::MAX)).max().unwrap();
            prop_assert!(!list.is_empty() || year < start || year > end, "{} {}", name, year);
            prop_assert!(list.windows(2).all(|w| w[0].date < w[1].date), "{} {}", name, year);
            prop_assert!(list.iter().all(|x| x.date.year() == year), "{} {}", name, year);
            prop_assert!(list.iter().all(|x| !x.name.is_empty()));
            let dates = h.dates_in_year(year);
            prop_assert_eq!(dates.len(), list.len());
            for x in &list {
                prop_assert!(h.contains(x.date));
            }
        }
    }

    #[test]
    fn contains_agrees_with_in_year(year in 1990i32..=2100, ordinal in 1u32..=365) {
        let h = Holidays::preset("gb-eng").unwrap();
        let date = NaiveDate::from_yo_opt(year, ordinal).unwrap();
        let listed = h.dates_in_year(year).contains(&date);
        prop_assert_eq!(h.contains(date), listed);
    }
}

#[test]
fn calendar_with_a_preset_skips_its_holidays() {
    use chrono::TimeDelta;

    use crate::testing::t;
    let cal: crate::calendar::model::Calendar = serde_json::from_str(
        r#"{"timezone": "Europe/Berlin",
            "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
                      "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]},
            "holidays": [{"preset": "de"}, "2026-05-15",
                         {"name": "Founders' Day", "month": 9, "weekday": "fri", "nth": 1}]}"#,
    )
    .unwrap();
    // Thursday 2026-05-14 is Ascension Day, Friday the 15th the calendar's own date.
    assert!(!cal.is_open(t("2026-05-14T10:00:00Z")));
    assert!(!cal.is_open(t("2026-05-15T10:00:00Z")));
    assert!(cal.is_open(t("2026-05-13T10:00:00Z")));
    // Wednesday 16:00 Berlin (14:00Z) + 2 business hours: 1 h on Wednesday, then Monday 10:00.
    assert_eq!(
        cal.add(t("2026-05-13T14:00:00Z"), TimeDelta::hours(2))
            .unwrap(),
        t("2026-05-18T08:00:00Z")
    );
    assert_eq!(
        cal.next_open(t("2026-05-14T00:00:00Z")).unwrap(),
        Some(t("2026-05-18T07:00:00Z"))
    );
    // The rule of its own: first Friday of September 2026 is the 4th.
    assert!(!cal.is_business_day(d(2026, 9, 4)));
    assert!(cal.is_business_day(d(2026, 9, 3)));
    // Business days skip Good Friday and Easter Monday 2026 (April 3 and 6).
    assert_eq!(
        cal.add_business_days(d(2026, 4, 2), BusinessDays(1))
            .unwrap(),
        d(2026, 4, 7)
    );
    assert_eq!(
        cal.business_days_between(d(2026, 1, 1), d(2027, 1, 1))
            .map(BusinessDays::get)
            .unwrap(),
        // 261 weekdays; 7 of the preset's holidays fall on one (Oct 3 and Dec 26 are
        // Saturdays), plus May 15 and September 4.
        261 - 9
    );
    // The calendar round-trips through its spec, preset reference included.
    let json = serde_json::to_string(&cal).unwrap();
    assert!(json.contains(r#"{"preset":"de"}"#));
    let again: crate::calendar::model::Calendar = serde_json::from_str(&json).unwrap();
    assert_eq!(again, cal);
}

#[test]
fn presets_follow_history_outside_the_vectors() {
    // Checked against the Python `holidays` package 0.109 over 1900–2100 while writing the
    // presets; a few landmarks:
    let us = Holidays::preset("us").unwrap();
    assert!(us.contains(d(1939, 11, 23)) && us.contains(d(1941, 11, 20)));
    assert!(
        us.contains(d(1956, 1, 2)),
        "1953–1965: Sunday holidays observed Monday"
    );
    assert!(!us.contains(d(1954, 12, 24)), "… but Saturday ones not yet");
    assert!(
        us.contains(d(1975, 10, 27)),
        "Veterans Day on the 4th Monday of October"
    );
    assert!(
        us.contains(d(2044, 6, 20)),
        "Juneteenth 2044 (Sunday) observed Monday"
    );
    assert!(
        us.contains(d(2038, 12, 31)),
        "New Year 2039 (Saturday) observed Friday"
    );
    let fr = Holidays::preset("fr").unwrap();
    assert!(fr.contains(d(1955, 5, 8)) && !fr.contains(d(1970, 5, 8)));
    assert!(!fr.contains(d(2006, 6, 5)) && fr.contains(d(2040, 5, 21)));
    let gb = Holidays::preset("gb-eng").unwrap();
    assert!(gb.contains(d(1977, 6, 7)) && gb.contains(d(1995, 5, 8)));
    assert!(
        gb.contains(d(1965, 6, 7)),
        "Whit Monday before the Spring bank holiday"
    );
    assert!(gb.contains(d(2038, 12, 27)) && gb.contains(d(2038, 12, 28)));
    let de = Holidays::preset("de").unwrap();
    assert!(de.contains(d(1994, 11, 16)) && !de.contains(d(1995, 11, 22)));
}
