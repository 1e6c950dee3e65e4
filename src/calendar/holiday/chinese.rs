//! The Chinese lunisolar calendar by its published month table (`chinese.json` beside this
//! file, embedded at compile time and parsed once, on first use), and its Korean and
//! Vietnamese variants.
//!
//! A month begins on the day of a new moon and a year holds 12 or 13 months, so a date of
//! this calendar (the 15th day of the 8th month: Mid-Autumn) has no closed-form Gregorian
//! rule. The table gives, for each Chinese year from 1900 to 2099, the Gregorian date of its
//! first day, its leap month and the length of every month: any date of those years follows
//! (the rule form `{"chinese": {"month": 8, "day": 15}}`). The table is that of the Hong Kong
//! Observatory (see the file's `source`); outside its years a rule gives no date.
//!
//! Korea and Vietnam keep the same calendar reckoned at another meridian (UTC+9, UTC+7
//! instead of UTC+8), so a new moon near midnight starts a month a day later in Korea or a day
//! earlier in Vietnam, and in rare years a different month is the leap one (Korea 2012). Their
//! variants replace the rows of the years that differ, over the years they state (Korea from
//! 1961, Vietnam from 1968, when those offsets were adopted); before those years a rule of a
//! variant gives no date.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Which reckoning of the Chinese lunisolar calendar a `chinese` rule uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LunisolarCalendar {
    /// `"chinese"`, the default: China's calendar (UTC+8), as published by the Hong Kong
    /// Observatory; years 1900–2099.
    #[default]
    Chinese,
    /// `"korean"`: Korea's (UTC+9, the Korea Astronomy and Space Science Institute's);
    /// years 1961–2099.
    Korean,
    /// `"vietnamese"`: Vietnam's (UTC+7); years 1968–2099.
    Vietnamese,
}

impl LunisolarCalendar {
    /// The configuration name (`chinese`, `korean`, `vietnamese`).
    pub fn as_str(self) -> &'static str {
        match self {
            LunisolarCalendar::Chinese => "chinese",
            LunisolarCalendar::Korean => "korean",
            LunisolarCalendar::Vietnamese => "vietnamese",
        }
    }
}

/// A date of the Chinese lunisolar calendar as written in configuration:
/// `{"month": 8, "day": 15}`, with an optional `"calendar": "korean"` (see
/// [`LunisolarCalendar`]). The month is the regular month of that number, never the leap
/// month that may follow it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LunisolarDate {
    /// Month, 1 to 12.
    pub month: i64,
    /// Day of the month, 1 to 30 (a 30th day in a 29-day month gives no date that year).
    pub day: i64,
    /// Which reckoning: China's (the default), Korea's or Vietnam's.
    #[serde(default, skip_serializing_if = "is_chinese")]
    pub calendar: LunisolarCalendar,
}

fn is_chinese(c: &LunisolarCalendar) -> bool {
    *c == LunisolarCalendar::Chinese
}

/// One Chinese year: its first day, its leap month (0: none) and its months' lengths.
#[derive(Clone, Debug, PartialEq, Eq)]
struct YearRow {
    start: NaiveDate,
    leap: u32,
    /// Days of each month, in order (the leap month after the regular one).
    lengths: Vec<u32>,
}

impl YearRow {
    fn days(&self) -> u32 {
        self.lengths.iter().sum()
    }

    /// The day-of-year offset of `day` of regular month `month`, if that day exists.
    fn offset_of(&self, month: u32, day: u32) -> Option<u32> {
        let index = usize::try_from(month.checked_sub(1)?).ok()?
            + usize::from(self.leap != 0 && self.leap < month);
        let len = *self.lengths.get(index)?;
        if day == 0 || day > len {
            return None;
        }
        Some(self.lengths.get(..index)?.iter().sum::<u32>() + day - 1)
    }
}

/// A variant: the years it covers and its rows where they differ from China's.
#[derive(Debug)]
struct Variant {
    years: (i32, i32),
    rows: BTreeMap<i32, YearRow>,
}

/// The parsed, validated table.
#[derive(Debug)]
struct Table {
    first: i32,
    rows: Vec<YearRow>,
    korean: Variant,
    vietnamese: Variant,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantFile {
    years: (i32, i32),
    rows: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    #[allow(dead_code)]
    about: String,
    #[allow(dead_code)]
    source: String,
    years: (i32, i32),
    rows: Vec<String>,
    korean: VariantFile,
    vietnamese: VariantFile,
}

const SOURCE: &str = include_str!("chinese.json");

static TABLE: OnceLock<Result<Table, Error>> = OnceLock::new();

fn bad(message: String) -> Error {
    Error::Parse {
        format: "JSON".into(),
        message: format!("Chinese calendar table: {message}"),
    }
}

/// Parses a row `"2027-02-06 0 110100100110"` found at `at`.
fn row_of(at: &str, text: &str) -> Result<YearRow, Error> {
    let parts: Vec<&str> = text.split(' ').collect();
    let [date, leap, bits] = parts.as_slice() else {
        return Err(bad(format!(
            "{at} `{text}`: expected `YYYY-MM-DD LEAP BITS`"
        )));
    };
    let start = super::parse_date(&format!("Chinese calendar table: {at}"), date)?;
    let leap: u32 = leap.parse().ok().filter(|l| *l <= 12).ok_or_else(|| {
        bad(format!(
            "{at} `{text}`: leap month `{leap}`, expected 0 to 12"
        ))
    })?;
    let lengths: Vec<u32> = bits
        .chars()
        .map(|c| match c {
            '0' => Some(29),
            '1' => Some(30),
            _ => None,
        })
        .collect::<Option<_>>()
        .ok_or_else(|| bad(format!("{at} `{text}`: month lengths must be 0 or 1")))?;
    let expected = if leap == 0 { 12 } else { 13 };
    if lengths.len() != expected {
        return Err(bad(format!(
            "{at} `{text}`: {} months, expected {expected} (leap month {leap})",
            lengths.len()
        )));
    }
    Ok(YearRow {
        start,
        leap,
        lengths,
    })
}

fn add(date: NaiveDate, days: u32) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(u64::from(days)))
}

/// Checks that `rows` (Chinese year, row) follow each other without gap or overlap.
fn check_continuous<'a>(
    what: &str,
    rows: impl Iterator<Item = (i32, &'a YearRow)>,
) -> Result<(), Error> {
    let mut previous: Option<(i32, &YearRow)> = None;
    for (year, row) in rows {
        if row.start.year() != year {
            return Err(bad(format!(
                "{what}: the row of year {year} starts on {}",
                row.start
            )));
        }
        if let Some((py, p)) = previous {
            if add(p.start, p.days()) != Some(row.start) {
                return Err(bad(format!(
                    "{what}: year {py} ({} + {} days) does not end where year {year} starts \
                     ({})",
                    p.start,
                    p.days(),
                    row.start
                )));
            }
        }
        previous = Some((year, row));
    }
    Ok(())
}

fn load_variant(name: &str, file: &VariantFile, base: &Table) -> Result<Variant, Error> {
    let last_base = base
        .first
        .saturating_add(i32::try_from(base.rows.len()).unwrap_or(i32::MAX))
        .saturating_sub(1);
    let (a, b) = file.years;
    if a > b || a < base.first || b > last_base {
        return Err(bad(format!(
            "{name}: years [{a}, {b}] not within the table's [{}, {last_base}]",
            base.first
        )));
    }
    let mut rows = BTreeMap::new();
    for (i, text) in file.rows.iter().enumerate() {
        let row = row_of(&format!("{name}.rows[{i}]"), text)?;
        let year = row.start.year();
        if !(a..=b).contains(&year) || rows.insert(year, row).is_some() {
            return Err(bad(format!(
                "{name}.rows[{i}] `{text}`: a year within [{a}, {b}], once"
            )));
        }
    }
    let merged = (a..=b).filter_map(|y| Some((y, rows.get(&y).or_else(|| base.row(y))?)));
    check_continuous(name, merged)?;
    // The variant ends where China's year ends (the next year is China's again).
    if let (Some(v), Some(c)) = (rows.get(&b), base.row(b)) {
        if add(v.start, v.days()) != add(c.start, c.days()) {
            return Err(bad(format!("{name}: year {b} does not end with China's")));
        }
    }
    Ok(Variant {
        years: (a, b),
        rows,
    })
}

fn load() -> Result<Table, Error> {
    let file: TableFile = serde_json::from_str(SOURCE).map_err(|e| bad(e.to_string()))?;
    let rows = file
        .rows
        .iter()
        .enumerate()
        .map(|(i, t)| row_of(&format!("rows[{i}]"), t))
        .collect::<Result<Vec<_>, _>>()?;
    let count = i32::try_from(rows.len()).map_err(|_| bad("too many rows".into()))?;
    if file.years.1 - file.years.0 + 1 != count {
        return Err(bad(format!("{count} rows for the years {:?}", file.years)));
    }
    let mut table = Table {
        first: file.years.0,
        rows,
        korean: Variant {
            years: (0, -1),
            rows: BTreeMap::new(),
        },
        vietnamese: Variant {
            years: (0, -1),
            rows: BTreeMap::new(),
        },
    };
    check_continuous("rows", (table.first..).zip(table.rows.iter()))?;
    table.korean = load_variant("korean", &file.korean, &table)?;
    table.vietnamese = load_variant("vietnamese", &file.vietnamese, &table)?;
    Ok(table)
}

impl Table {
    fn row(&self, year: i32) -> Option<&YearRow> {
        let i = usize::try_from(year.checked_sub(self.first)?).ok()?;
        self.rows.get(i)
    }

    fn variant(&self, calendar: LunisolarCalendar) -> Option<&Variant> {
        match calendar {
            LunisolarCalendar::Chinese => None,
            LunisolarCalendar::Korean => Some(&self.korean),
            LunisolarCalendar::Vietnamese => Some(&self.vietnamese),
        }
    }

    /// The row of Chinese year `year` in `calendar`, if covered.
    fn row_in(&self, calendar: LunisolarCalendar, year: i32) -> Option<&YearRow> {
        match self.variant(calendar) {
            None => self.row(year),
            Some(v) if (v.years.0..=v.years.1).contains(&year) => {
                v.rows.get(&year).or_else(|| self.row(year))
            }
            Some(_) => None,
        }
    }

    fn years(&self, calendar: LunisolarCalendar) -> (i32, i32) {
        match self.variant(calendar) {
            Some(v) => v.years,
            None => (
                self.first,
                self.first
                    .saturating_add(i32::try_from(self.rows.len()).unwrap_or(0))
                    .saturating_sub(1),
            ),
        }
    }
}

fn table() -> Result<&'static Table, Error> {
    TABLE.get_or_init(load).as_ref().map_err(Clone::clone)
}

/// Loads and validates the table (for a rule's validation: a broken embedded file is an
/// error there, not a silent absence later).
pub(crate) fn check() -> Result<(), Error> {
    table().map(|_| ())
}

/// The first and last Chinese year `calendar` covers.
pub(crate) fn years(calendar: LunisolarCalendar) -> Option<(i32, i32)> {
    table().ok().map(|t| t.years(calendar))
}

/// The Gregorian date of `day` of regular month `month` of Chinese year `year` (which
/// begins in Gregorian `year`), in `calendar`; `None` outside the covered years or for a
/// 30th day of a 29-day month.
pub(crate) fn date(
    calendar: LunisolarCalendar,
    year: i32,
    month: u32,
    day: u32,
) -> Option<NaiveDate> {
    let row = table().ok()?.row_in(calendar, year)?;
    add(row.start, row.offset_of(month, day)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as d;
    use LunisolarCalendar::{Chinese, Korean, Vietnamese};

    #[test]
    fn the_table_loads() {
        check().unwrap();
        assert_eq!(years(Chinese), Some((1900, 2099)));
        assert_eq!(years(Korean), Some((1961, 2099)));
        assert_eq!(years(Vietnamese), Some((1968, 2099)));
    }

    #[test]
    fn festival_dates_by_hand() {
        // Row 2023 "2023-01-22 2 0100110110101": months 1 (29), 2 (30), leap 2 (29), 3 (29),
        // 4 (30), 5 (30), 6 (29), 7 (30), 8 (30) … Month 8 starts 29+30+29+29+30+30+29+30 =
        // 236 days after 22 January: 15 September; its 15th day is 29 September.
        assert_eq!(date(Chinese, 2023, 8, 15), Some(d(2023, 9, 29)));
        assert_eq!(date(Chinese, 2023, 1, 1), Some(d(2023, 1, 22)));
        // Month 3 comes after the leap second month: 29+30+29 = 88 days → 20 April.
        assert_eq!(date(Chinese, 2023, 3, 1), Some(d(2023, 4, 20)));
        // Dragon Boat 2024 (5/5): "2024-02-10 0 010010110110": 29+30+29+29 = 117 days after
        // 10 February is 6 June; +4 → 10 June.
        assert_eq!(date(Chinese, 2024, 5, 5), Some(d(2024, 6, 10)));
        // Month 1 of 2024 has 29 days: no 30th.
        assert_eq!(date(Chinese, 2024, 1, 30), None);
        assert_eq!(date(Chinese, 2024, 2, 30), Some(d(2024, 4, 8)));
    }

    #[test]
    fn corrections_to_the_observatory() {
        // Where the common table and the Hong Kong Observatory differ, the Observatory's.
        assert_eq!(date(Chinese, 1916, 1, 1), Some(d(1916, 2, 4)));
        assert_eq!(date(Chinese, 1978, 8, 15), Some(d(1978, 9, 17)));
        assert_eq!(date(Chinese, 2057, 9, 9), Some(d(2057, 10, 7)));
    }

    #[test]
    fn korean_and_vietnamese_variants() {
        // Seollal 2027 and 2028 a day after China's New Year; Tet 2030 a day before.
        assert_eq!(date(Chinese, 2027, 1, 1), Some(d(2027, 2, 6)));
        assert_eq!(date(Korean, 2027, 1, 1), Some(d(2027, 2, 7)));
        assert_eq!(date(Korean, 2028, 1, 1), Some(d(2028, 1, 27)));
        assert_eq!(date(Vietnamese, 2030, 1, 1), Some(d(2030, 2, 2)));
        assert_eq!(date(Chinese, 2030, 1, 1), Some(d(2030, 2, 3)));
        // Korea 2012: the leap month follows the third month, not the fourth, so Buddha's
        // Birthday (4/8) falls a month after China's.
        assert_eq!(date(Chinese, 2012, 4, 8), Some(d(2012, 4, 28)));
        assert_eq!(date(Korean, 2012, 4, 8), Some(d(2012, 5, 28)));
        // Years the variant agrees with China's.
        assert_eq!(date(Korean, 2024, 8, 15), date(Chinese, 2024, 8, 15));
        // Outside the covered years: nothing.
        assert_eq!(date(Korean, 1960, 1, 1), None);
        assert_eq!(date(Vietnamese, 1967, 1, 1), None);
        assert_eq!(date(Chinese, 2100, 1, 1), None);
        assert_eq!(date(Chinese, 1899, 1, 1), None);
    }

    fn build(json: &str) -> Result<crate::calendar::Holidays, String> {
        let specs: Vec<crate::calendar::HolidaySpec> =
            serde_json::from_str(json).map_err(|e| e.to_string())?;
        crate::calendar::Holidays::from_specs(&specs).map_err(|e| e.at("holidays").to_string())
    }

    #[test]
    fn rules_of_the_chinese_calendar() {
        let h = build(
            r#"[{"name": "Lunar New Year's Eve", "chinese": {"month": 1, "day": 1}, "offset": -1},
                {"name": "Mid-Autumn", "chinese": {"month": 8, "day": 15}, "from": 2024},
                {"name": "Seollal", "chinese": {"month": 1, "day": 1, "calendar": "korean"}}]"#,
        )
        .unwrap();
        // 2027: China's New Year 6 February (eve the 5th), Korea's the 7th; Mid-Autumn: row
        // "2027-02-06 0 110100100110" → 30+30+29+30+29+29+30 = 207 days → 1 September, +14.
        assert_eq!(
            h.dates_in_year(2027),
            [d(2027, 2, 5), d(2027, 2, 7), d(2027, 9, 15)]
        );
        assert_eq!(
            h.dates_in_year(2023).len(),
            2,
            "before `from`: no Mid-Autumn"
        );
        // 2100 holds the New Year's Eve of Chinese year 2100, beyond the table; 2099's
        // Mid-Autumn still falls within it.
        assert_eq!(h.dates_in_year(2100), []);
        assert_eq!(h.dates_in_year(2099).len(), 3);
        let listing_years = super::years(Korean);
        assert_eq!(listing_years, Some((1961, 2099)));
    }

    #[test]
    fn bad_chinese_rules_name_path_and_value() {
        let e = |json: &str| build(json).unwrap_err();
        assert_eq!(
            e(r#"[{"name": "X", "chinese": {"month": 13, "day": 1}}]"#),
            "holidays[0].chinese.month: invalid value `13`: expected a month from 1 to 12"
        );
        assert_eq!(
            e(r#"[{"name": "X", "chinese": {"month": 1, "day": 31}}]"#),
            "holidays[0].chinese.day: invalid value `31`: expected a day from 1 to 30"
        );
        assert_eq!(
            e(r#"[{"name": "X", "chinese": {"month": 1, "day": 1}, "offset": 61}]"#),
            "holidays[0].offset: invalid value `61`: expected an offset from -60 to 60 days"
        );
        assert!(
            e(r#"[{"name": "X", "chinese": {"month": 1, "day": 1, "calendar": "thai"}}]"#)
                .contains(
                    "unknown variant `thai`, expected one of `chinese`, `korean`, `vietnamese`"
                )
        );
        assert!(
            e(r#"[{"name": "X", "chinese": {"month": 1, "day": 1, "leap": true}}]"#)
                .contains("unknown field `leap`")
        );
    }

    #[test]
    fn broken_rows_are_refused() {
        let e = |t: &str| row_of("rows[0]", t).unwrap_err().to_string();
        assert!(e("2027-02-06 0").contains("expected `YYYY-MM-DD LEAP BITS`"));
        assert!(e("2027-02-06 13 1101001001101").contains("leap month `13`, expected 0 to 12"));
        assert!(e("2027-02-06 0 11010010011x").contains("month lengths must be 0 or 1"));
        assert!(e("2027-02-06 5 110100100110").contains("12 months, expected 13"));
        let a = row_of("a", "2027-02-06 0 110100100110").unwrap();
        let b = row_of("b", "2028-01-27 5 1110100100110").unwrap();
        assert!(check_continuous("t", [(2027, &a), (2028, &b)].into_iter())
            .unwrap_err()
            .to_string()
            .contains("year 2027 (2027-02-06 + 354 days) does not end where year 2028 starts"));
    }
}
