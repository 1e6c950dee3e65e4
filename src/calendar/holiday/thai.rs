//! The Thai lunar calendar (ปฏิทินจันทรคติไทย) by its year types (`thai.json` beside this
//! file, embedded at compile time and parsed once, on first use): the rule form
//! `{"thai": {"month": 3, "day": 15, "later_in_leap_year": true}}` (Makha Bucha).
//!
//! A Thai lunar year is of one of three types: Pakatimat (ปกติมาส, 354 days: twelve months
//! of 29 days for the odd months and 30 for the even ones), Athikawan (อธิกวาร, 355 days: a
//! 30th day in the 7th month) or Athikamat (อธิกมาส, 384 days: a second 8th month of 30
//! days, "month 8.8", after the first). The year types are not given by a closed formula but
//! published, so the file lists, for the Gregorian years 1914–2157, those of the lunar year
//! ending in them that are Athikamat or Athikawan (every other year is Pakatimat), and the
//! first day of the first lunar year (28 November 1913): every year's first day and every
//! date follow by counting. Outside those years a rule gives no date.
//!
//! Days are counted from the start of the month: days 1 to 15 are the waxing days (the 15th
//! is the full moon), day 16 is the 1st waning day, and so on to day 29 or 30. In an
//! Athikamat year the Buddhist holy days of the months up to the 8th are kept a month later
//! (Makha Bucha on the full moon of the 4th month instead of the 3rd, Visakha Bucha of the
//! 7th instead of the 6th, Asanha Bucha and Khao Phansa in month 8.8): a rule says so with
//! `"later_in_leap_year": true`.

use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A date of the Thai lunar calendar as written in configuration:
/// `{"month": 6, "day": 15, "later_in_leap_year": true}` (Visakha Bucha: the full moon of
/// the 6th month, of the 7th in an Athikamat year). The date is in the lunar year that ends
/// in the rule's Gregorian year (it begins in November or December of the year before).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThaiLunarDate {
    /// Month, 1 to 12; in an Athikamat year month 8 is the first 8th month.
    pub month: i64,
    /// Day of the month, 1 to 30: 1–15 the waxing days (15: the full moon), 16 the first
    /// waning day, …; a day past the month's length gives no date that year.
    pub day: i64,
    /// In an Athikamat year, the date is a month later: in the next month of the year (the
    /// second 8th month for the 8th).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub later_in_leap_year: bool,
}

/// The kinds of Thai lunar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearType {
    /// Pakatimat: 354 days.
    Normal,
    /// Athikawan: an extra day in the 7th month, 355 days.
    ExtraDay,
    /// Athikamat: an extra 8th month of 30 days, 384 days.
    ExtraMonth,
}

impl YearType {
    fn days(self) -> u32 {
        match self {
            YearType::Normal => 354,
            YearType::ExtraDay => 355,
            YearType::ExtraMonth => 384,
        }
    }

    /// The lengths of the year's months, in order (month 8.8 after month 8).
    fn month_lengths(self) -> Vec<u32> {
        let mut months: Vec<u32> = (1..=12).map(|m| if m % 2 == 1 { 29 } else { 30 }).collect();
        match self {
            YearType::Normal => {}
            YearType::ExtraDay => {
                if let Some(m7) = months.get_mut(6) {
                    *m7 = 30;
                }
            }
            YearType::ExtraMonth => months.insert(8, 30),
        }
        months
    }
}

/// The file form of `thai.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    #[allow(dead_code)]
    source: String,
    /// First and last Gregorian year covered.
    years: (i32, i32),
    /// The first day of the first year's lunar year.
    start: String,
    /// The years whose lunar year is Athikamat, ascending.
    athikamat: Vec<i32>,
    /// The years whose lunar year is Athikawan, ascending.
    athikawan: Vec<i32>,
}

/// The validated table: the first year and, for each year, its first day and type.
#[derive(Debug)]
struct Table {
    first: i32,
    rows: Vec<(NaiveDate, YearType)>,
}

const SOURCE: &str = include_str!("thai.json");

static TABLE: OnceLock<Result<Table, Error>> = OnceLock::new();

fn bad(message: String) -> Error {
    Error::Parse {
        format: "JSON".into(),
        message: format!("Thai lunar calendar table: {message}"),
    }
}

/// Parses and checks a table file's text.
fn load_from(text: &str) -> Result<Table, Error> {
    let file: TableFile = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    let (first, last) = file.years;
    if first > last {
        return Err(bad(format!(
            "years [{first}, {last}]: the first after the last"
        )));
    }
    let start = NaiveDate::parse_from_str(&file.start, "%Y-%m-%d").map_err(|_| {
        bad(format!(
            "start `{}`: expected a date YYYY-MM-DD",
            file.start
        ))
    })?;
    for (field, list) in [
        ("athikamat", &file.athikamat),
        ("athikawan", &file.athikawan),
    ] {
        if let Some(w) = list.windows(2).find(|w| w.first() >= w.get(1)) {
            return Err(bad(format!("{field}: {w:?} not in ascending order")));
        }
        if let Some(y) = list.iter().find(|y| !(first..=last).contains(*y)) {
            return Err(bad(format!(
                "{field}: year {y} outside the table's years [{first}, {last}]"
            )));
        }
    }
    if let Some(y) = file
        .athikamat
        .iter()
        .find(|y| file.athikawan.binary_search(y).is_ok())
    {
        return Err(bad(format!("year {y} is both athikamat and athikawan")));
    }
    let mut rows = Vec::new();
    let mut day = start;
    for year in first..=last {
        let kind = if file.athikamat.binary_search(&year).is_ok() {
            YearType::ExtraMonth
        } else if file.athikawan.binary_search(&year).is_ok() {
            YearType::ExtraDay
        } else {
            YearType::Normal
        };
        rows.push((day, kind));
        day = day
            .checked_add_days(Days::new(u64::from(kind.days())))
            .ok_or_else(|| bad(format!("year {year}: beyond the supported dates")))?;
    }
    Ok(Table { first, rows })
}

fn table() -> Result<&'static Table, Error> {
    TABLE
        .get_or_init(|| load_from(SOURCE))
        .as_ref()
        .map_err(Clone::clone)
}

/// Loads and validates the table (for a rule's validation).
pub(crate) fn check() -> Result<(), Error> {
    table().map(|_| ())
}

/// The first and last Gregorian year the table covers.
pub(crate) fn years() -> Option<(i32, i32)> {
    let t = table().ok()?;
    let n = i32::try_from(t.rows.len()).ok()?;
    Some((t.first, t.first.checked_add(n)?.checked_sub(1)?))
}

/// The Gregorian date of `day` of month `month` of the Thai lunar year ending in Gregorian
/// `year` (a month later in an Athikamat year when `later`); `None` outside the table's
/// years or past the month's length.
pub(crate) fn date(year: i32, month: u32, day: u32, later: bool) -> Option<NaiveDate> {
    let t = table().ok()?;
    let i = usize::try_from(year.checked_sub(t.first)?).ok()?;
    let (start, kind) = *t.rows.get(i)?;
    let lengths = kind.month_lengths();
    let leap = kind == YearType::ExtraMonth;
    // The month's place in the year: after month 8 of an Athikamat year comes month 8.8.
    let place = month
        .checked_add(u32::from(leap && month > 8))?
        .checked_add(u32::from(leap && later))?;
    let index = usize::try_from(place.checked_sub(1)?).ok()?;
    let before: u32 = lengths.iter().take(index).sum();
    let length = *lengths.get(index)?;
    if !(1..=length).contains(&day) {
        return None;
    }
    start.checked_add_days(Days::new(u64::from(
        before.checked_add(day)?.checked_sub(1)?,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as d;

    #[test]
    fn the_table_loads() {
        check().unwrap();
        assert_eq!(years(), Some((1914, 2157)));
    }

    #[test]
    fn buddhist_holy_days_by_hand() {
        // Visakha Bucha 2010 (an Athikamat year): the full moon of the 7th month, 28 May.
        assert_eq!(date(2010, 6, 15, true), Some(d(2010, 5, 28)));
        // 2024, Pakatimat: Makha Bucha 24 February, Visakha Bucha 22 May, Asanha Bucha
        // 20 July, Khao Phansa (1st waning day of month 8) 21 July.
        assert_eq!(date(2024, 3, 15, true), Some(d(2024, 2, 24)));
        assert_eq!(date(2024, 6, 15, true), Some(d(2024, 5, 22)));
        assert_eq!(date(2024, 8, 15, true), Some(d(2024, 7, 20)));
        assert_eq!(date(2024, 8, 16, true), Some(d(2024, 7, 21)));
        // 2025, Athikawan: the 7th month has 30 days, so Asanha Bucha is a day later in the
        // count: 10 July.
        assert_eq!(date(2025, 8, 15, true), Some(d(2025, 7, 10)));
        // 2026, Athikamat: Makha Bucha on the full moon of the 4th month (3 March),
        // Asanha Bucha in month 8.8 (29 July); without `later`, month 8 is the first.
        assert_eq!(date(2026, 3, 15, true), Some(d(2026, 3, 3)));
        assert_eq!(date(2026, 8, 15, true), Some(d(2026, 7, 29)));
        assert_eq!(date(2026, 8, 15, false), Some(d(2026, 6, 29)));
        // The 30th day of a 29-day month: none; outside the table: none.
        assert_eq!(date(2024, 1, 30, false), None);
        assert_eq!(date(2025, 7, 30, false), Some(d(2025, 6, 25)));
        assert_eq!(date(1913, 3, 15, false), None);
        assert_eq!(date(2158, 3, 15, false), None);
    }

    #[test]
    fn broken_tables_are_refused() {
        let e = |text: &str| load_from(text).unwrap_err().to_string();
        let file = |years: &str, athikamat: &str, athikawan: &str| {
            format!(
                r#"{{"source": "", "years": {years}, "start": "1913-11-28",
                     "athikamat": {athikamat}, "athikawan": {athikawan}}}"#
            )
        };
        assert!(e(&file("[1914, 1920]", "[1916, 1915]", "[]")).contains("ascending"));
        assert!(e(&file("[1914, 1920]", "[1921]", "[]")).contains("outside the table's years"));
        assert!(e(&file("[1914, 1920]", "[1915]", "[1915]")).contains("both"));
        assert!(e(&file("[1920, 1914]", "[]", "[]")).contains("the first after the last"));
        assert!(
            e(r#"{"years": [1914, 1920], "start": "x", "athikamat": [], "athikawan": []}"#)
                .contains("missing field `source`")
        );
        assert!(
            e(&file("[1914, 1920]", "[]", "[]").replace("\"source\"", "\"sauce\""))
                .contains("unknown field `sauce`")
        );
        let t = load_from(&file("[1914, 1916]", "[1915]", "[1916]")).unwrap();
        // 354 days after 28 November 1913, then 384.
        assert_eq!(t.rows[1].0, d(1914, 11, 17));
        assert_eq!(t.rows[2].0, d(1915, 12, 6));
    }

    fn build(json: &str) -> Result<crate::calendar::Holidays, String> {
        let specs: Vec<crate::calendar::HolidaySpec> =
            serde_json::from_str(json).map_err(|e| e.to_string())?;
        crate::calendar::Holidays::from_specs(&specs).map_err(|e| e.at("holidays").to_string())
    }

    #[test]
    fn the_rule_form_and_its_errors() {
        let h = build(
            r#"[{"name": "Makha Bucha", "thai": {"month": 3, "day": 15, "later_in_leap_year": true}},
                {"name": "Khao Phansa", "thai": {"month": 8, "day": 16, "later_in_leap_year": true},
                 "from": 2025}]"#,
        )
        .unwrap();
        assert_eq!(h.dates_in_year(2026), [d(2026, 3, 3), d(2026, 7, 30)]);
        assert_eq!(h.dates_in_year(2024), [d(2024, 2, 24)]);
        assert_eq!(h.dates_in_year(2158), [], "past the table: absent");
        let e = |json: &str| build(json).unwrap_err();
        assert_eq!(
            e(r#"[{"name": "X", "thai": {"month": 13, "day": 1}}]"#),
            "holidays[0].thai.month: invalid value `13`: expected a month from 1 to 12"
        );
        assert_eq!(
            e(r#"[{"name": "X", "thai": {"month": 3, "day": 0}}]"#),
            "holidays[0].thai.day: invalid value `0`: expected a day from 1 to 30"
        );
        assert!(
            e(r#"[{"name": "X", "thai": {"month": 3, "day": 15, "leap": 1}}]"#)
                .contains("unknown field `leap`")
        );
        assert!(
            e(r#"[{"name": "X", "thai": {"month": 3, "day": 15}, "offset": 1}]"#)
                .contains("holidays[0].offset")
        );
        let th = crate::calendar::Holidays::preset_info("th").unwrap();
        let makha = th
            .holidays
            .iter()
            .find(|h| h.name == "Makha Bucha")
            .unwrap();
        assert_eq!((makha.from, makha.until), (Some(1941), Some(2157)));
        // The calendar's own dates within its years: exact, not estimates.
        assert_eq!(makha.dates, crate::calendar::DateQuality::Exact);
    }
}
