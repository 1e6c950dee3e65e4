//! Tests of the rule forms added for Hong Kong and Taiwan: `not_on` on a Chinese-calendar
//! rule and the `shared_shift` observance.

use chrono::NaiveDate;

use crate::calendar::{HolidaySpec, Holidays};
use crate::testing::date as d;

fn build(json: &str) -> Result<Holidays, String> {
    let specs: Vec<HolidaySpec> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Holidays::from_specs(&specs).map_err(|e| e.at("holidays").to_string())
}

/// The dates of `h` in `year`, by the named and by the dates-only computation (which must
/// agree).
fn dates(h: &Holidays, year: i32) -> Vec<NaiveDate> {
    let named: Vec<NaiveDate> = h.in_year(year).into_iter().map(|x| x.date).collect();
    assert_eq!(
        named,
        h.dates_in_year(year),
        "{year}: named and dates-only differ"
    );
    named
}

#[test]
fn not_on_drops_a_chinese_date_on_those_weekdays() {
    // Hong Kong's Lunar New Year from 2012: the first three days, none on a Sunday, and the
    // fourth day when the first falls on a Friday to Sunday (so the fourth is a Monday to
    // Wednesday).
    let h = build(
        r#"[{"name": "1", "chinese": {"month": 1, "day": 1}, "not_on": ["sun"]},
            {"name": "2", "chinese": {"month": 1, "day": 1}, "offset": 1, "not_on": ["sun"]},
            {"name": "3", "chinese": {"month": 1, "day": 1}, "offset": 2, "not_on": ["sun"]},
            {"name": "4", "chinese": {"month": 1, "day": 1}, "offset": 3,
             "not_on": ["thu", "fri", "sat", "sun"]}]"#,
    )
    .unwrap();
    // 2013: New Year on Sunday 10 February: Monday to Wednesday.
    assert_eq!(
        dates(&h, 2013),
        [d(2013, 2, 11), d(2013, 2, 12), d(2013, 2, 13)]
    );
    // 2014: Friday 31 January: Friday, Saturday and Monday (the third day is a Sunday).
    assert_eq!(
        dates(&h, 2014),
        [d(2014, 1, 31), d(2014, 2, 1), d(2014, 2, 3)]
    );
    // 2016: Monday 8 February: the first three days only.
    assert_eq!(
        dates(&h, 2016),
        [d(2016, 2, 8), d(2016, 2, 9), d(2016, 2, 10)]
    );
    assert_eq!(h.in_year(2013)[2].name, "4");
}

#[test]
fn not_on_and_move_on_a_chinese_rule_are_checked() {
    let e = build(r#"[{"name": "X", "chinese": {"month": 1, "day": 1}, "move": {"sun": 1}}]"#)
        .unwrap_err();
    assert_eq!(
        e,
        "holidays[0].move: invalid value `sun +1`: expected `move` only on a `month` + `day`, \
         `hebrew` or `table` rule"
    );
    let e = build(r#"[{"name": "X", "chinese": {"month": 1, "day": 1}, "not_on": ["sunday"]}]"#)
        .unwrap_err();
    assert!(e.contains("sunday"), "{e}");
    let e = build(r#"[{"name": "X", "solar_term": "qingming", "not_on": ["sun"]}]"#).unwrap_err();
    assert_eq!(
        e,
        "holidays[0].not_on: invalid value `sun`: expected `not_on` only on a `month` + `day` \
         or `chinese` rule"
    );
}

/// Taiwan's Children's Day (4 April) with Tomb-Sweeping Day: the ordinary rule (Saturday →
/// the working day before, Sunday → the working day after) and, on the day of
/// Tomb-Sweeping Day, its own shift.
const CHILDRENS_DAY: &str = r#"[
    {"name": "Tomb-Sweeping Day", "solar_term": "qingming",
     "observed": "saturday_back_sunday_forward"},
    {"name": "Children's Day", "month": 4, "day": 4, "observed": "saturday_back_sunday_forward"},
    {"name": "Children's Day", "month": 4, "day": 4,
     "observed": {"shared_shift": {"mon": 1, "tue": -1, "wed": -1, "thu": 1, "fri": -1,
                                   "sat": -1, "sun": -2}}}]"#;

#[test]
fn shared_shift_applies_only_on_a_shared_date() {
    let h = build(CHILDRENS_DAY).unwrap();
    let april = |y| -> Vec<NaiveDate> {
        dates(&h, y)
            .into_iter()
            .filter(|x| chrono::Datelike::month(x) == 4)
            .collect()
    };
    // 2016: both on Monday 4 April: Children's Day also on Tuesday 5.
    assert_eq!(april(2016), [d(2016, 4, 4), d(2016, 4, 5)]);
    // 2017: both on Tuesday: the Monday before.
    assert_eq!(april(2017), [d(2017, 4, 3), d(2017, 4, 4)]);
    // 2020: both on Saturday: Children's Day on Friday 3, Tomb-Sweeping Day on the working
    // day before that, Thursday 2.
    assert_eq!(april(2020), [d(2020, 4, 2), d(2020, 4, 3), d(2020, 4, 4)]);
    // 2021: both on Sunday: Children's Day on Friday 2, Tomb-Sweeping Day on Monday 5.
    assert_eq!(april(2021), [d(2021, 4, 2), d(2021, 4, 4), d(2021, 4, 5)]);
    // 2015: apart (Saturday 4, Sunday 5): the ordinary rule only, Friday 3 and Monday 6.
    assert_eq!(
        april(2015),
        [d(2015, 4, 3), d(2015, 4, 4), d(2015, 4, 5), d(2015, 4, 6)]
    );
    // 2018: apart on weekdays (Wednesday 4, Thursday 5): nothing observed.
    assert_eq!(april(2018), [d(2018, 4, 4), d(2018, 4, 5)]);
    // On the shared date the shared shift replaces Children's Day's ordinary rule: the day
    // before the Friday is Tomb-Sweeping Day's alone.
    let names: Vec<String> = h.in_year(2020).into_iter().map(|x| x.name).collect();
    assert_eq!(
        names,
        [
            "Tomb-Sweeping Day (observed)",
            "Children's Day (observed)",
            "Children's Day; Tomb-Sweeping Day"
        ]
    );
}

#[test]
fn saturday_back_sunday_forward_each_gives_every_name_its_own_day() {
    // Taiwan 2042: Confucius' Birthday and Mid-Autumn on Sunday 28 September: Monday 29 and
    // Tuesday 30; one holiday of each name on Saturday 25 October 2031 (and Friday 24 a
    // holiday): Thursday 23.
    let h = build(
        r#"[{"name": "Confucius' Birthday", "month": 9, "day": 28,
             "observed": "saturday_back_sunday_forward_each"},
            {"name": "Mid-Autumn Festival", "date": "2042-09-28",
             "observed": "saturday_back_sunday_forward_each"},
            {"name": "A", "date": "2031-10-24"},
            {"name": "B", "date": "2031-10-25", "observed": "saturday_back_sunday_forward_each"}]"#,
    )
    .unwrap();
    assert_eq!(
        dates(&h, 2042),
        [d(2042, 9, 28), d(2042, 9, 29), d(2042, 9, 30)]
    );
    assert!(dates(&h, 2031).contains(&d(2031, 10, 23)));
    // The same holiday listed twice has one day.
    let twice = build(
        r#"[{"name": "A", "date": "2042-09-28", "observed": "saturday_back_sunday_forward_each"},
            {"name": "A", "date": "2042-09-28", "observed": "saturday_back_sunday_forward_each"}]"#,
    )
    .unwrap();
    assert_eq!(dates(&twice, 2042), [d(2042, 9, 28), d(2042, 9, 29)]);
}

#[test]
fn shared_shift_ignores_rules_of_the_same_name() {
    // Two rules of one name on one date: not shared.
    let h = build(
        r#"[{"name": "A", "month": 4, "day": 4},
            {"name": "A", "month": 4, "day": 4, "observed": {"shared_shift": {"thu": 1}}}]"#,
    )
    .unwrap();
    assert_eq!(dates(&h, 2024), [d(2024, 4, 4)]);
}

#[test]
fn shared_shift_is_checked_when_read() {
    let e =
        build(r#"[{"name": "A", "month": 4, "day": 4, "observed": {"shared_shift": {"thu": 8}}}]"#)
            .unwrap_err();
    assert!(e.contains("invalid shift `8` for `thu`"), "{e}");
    let e = build(
        r#"[{"name": "A", "month": 4, "day": 4, "observed": {"shared_shift": {"thursday": 1}}}]"#,
    )
    .unwrap_err();
    assert!(e.contains("thursday"), "{e}");
    let rule: crate::calendar::HolidayRule = serde_json::from_str(
        r#"{"name": "A", "month": 4, "day": 4, "observed": {"shared_shift": {"thu": 1}}}"#,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(&rule).unwrap()["observed"],
        serde_json::json!({"shared_shift": {"thu": 1}})
    );
}

#[test]
fn listing_of_hong_kong_and_taiwan() {
    let hk = Holidays::preset_info("hk").unwrap();
    let find = |p: &crate::calendar::PresetInfo, n: &str| {
        p.holidays.iter().find(|h| h.name == n).cloned().unwrap()
    };
    let buddha = find(&hk, "The Buddha's Birthday");
    assert_eq!((buddha.from, buddha.until), (Some(2022), Some(2099)));
    let easter_monday = find(&hk, "Easter Monday");
    assert_eq!(
        (easter_monday.from, easter_monday.until),
        (Some(2026), None)
    );
    let tw = Holidays::preset_info("tw").unwrap();
    let children = find(&tw, "Children's Day");
    assert_eq!((children.from, children.until), (Some(2011), None));
    assert_eq!(tw.country, "Taiwan");
}
