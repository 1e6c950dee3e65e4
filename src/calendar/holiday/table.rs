//! Holidays by published date tables: the dates of festivals of calendars that have no
//! closed-form rule in the Gregorian calendar (Chinese lunisolar, Islamic, Buddhist, Hindu),
//! as JSON files under `src/calendar/holiday/tables/`, embedded at compile time and parsed
//! once, on first use.
//!
//! A table states its source, the years it covers (`years`) and the years whose dates are
//! exact (`exact`: announced by the authorities, or fixed by the calendar; `null` when none
//! are); its dates outside `exact` are estimates. A rule `{"table": "my-eid-al-fitr"}` gives
//! the table's dates of a year, `"offset": 1` the days after them; outside the table's years
//! it gives nothing, so a holiday past its table is absent, never guessed — except that an
//! Islamic table may state `then_hijri` (`[[10, 1]]`: 1 Shawwal), the Hijri dates whose
//! estimates by the arithmetic Islamic calendar (see [`super::hijri`]) continue it after its
//! last year.

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate};
use serde::Deserialize;

use crate::error::Error;

/// Declares the embedded table files: `KEYS` (sorted) and `SOURCES` (key, file text).
macro_rules! tables {
    ($($key:literal),* $(,)?) => {
        /// Keys of the built-in tables, sorted, in the order of [`SOURCES`].
        pub(crate) const KEYS: &[&str] = &[$($key),*];
        /// The embedded table files, by key.
        const SOURCES: &[(&str, &str)] = &[$(($key, include_str!(concat!("tables/", $key, ".json")))),*];
        /// How many tables there are.
        const COUNT: usize = [$($key),*].len();
    };
}

tables![
    "ae-day-of-arafah",
    "ae-eid-al-adha",
    "ae-eid-al-adha-holiday",
    "ae-eid-al-fitr",
    "ae-eid-al-fitr-holiday",
    "ae-islamic-new-year",
    "ae-isra-and-mi-raj",
    "ae-prophet-s-birthday",
    "eg-eid-al-adha",
    "eg-eid-al-fitr",
    "eg-islamic-new-year",
    "eg-prophet-s-birthday",
    "es-ce-eid-al-adha",
    "es-ce-eid-al-fitr",
    "es-ml-eid-al-adha",
    "es-ml-eid-al-fitr",
    "id-day-of-silence",
    "id-eid-al-adha",
    "id-eid-al-fitr",
    "id-eid-al-fitr-second-day",
    "id-islamic-new-year",
    "id-isra-and-mi-raj",
    "id-lunar-new-year",
    "id-prophet-s-birthday",
    "id-vesak-day",
    "in-ashura",
    "in-buddha-purnima",
    "in-diwali",
    "in-dussehra",
    "in-eid-al-adha",
    "in-eid-al-fitr",
    "in-guru-nanak-s-birthday",
    "in-holi",
    "in-janmashtami-vaishnava",
    "in-maha-shivaratri",
    "in-mahavira-s-birthday",
    "in-prophet-s-birthday",
    "in-ram-navami",
    "ke-eid-al-fitr",
    "ma-eid-al-adha",
    "ma-eid-al-fitr",
    "ma-islamic-new-year",
    "ma-prophet-s-birthday",
    "my-chinese-new-year",
    "my-eid-al-adha",
    "my-eid-al-fitr",
    "my-islamic-new-year",
    "my-mawlid",
    "my-vesak",
    "ng-eid-al-adha",
    "ng-eid-al-fitr",
    "ng-prophet-s-birthday",
    "nz-matariki",
    "ph-chinese-new-year",
    "ph-eid-al-adha",
    "ph-eid-al-fitr",
    "sa-eid-al-adha",
    "sa-eid-al-fitr-holiday",
    "sg-chinese-new-year",
    "sg-diwali",
    "sg-eid-al-adha",
    "sg-eid-al-fitr",
    "sg-vesak-day",
    "tr-eid-al-adha",
    "tr-eid-al-fitr",
];

/// Largest accepted `offset` of a table rule, in days either way.
pub(crate) const OFFSET_LIMIT: i64 = 60;

/// A parsed, validated table.
#[derive(Debug)]
pub(crate) struct Table {
    pub(crate) key: &'static str,
    /// First and last year covered.
    pub(crate) years: (i32, i32),
    /// First and last year whose dates are exact; `None` when all are estimates.
    pub(crate) exact: Option<(i32, i32)>,
    /// Hijri month/day pairs whose dates (by the arithmetic Islamic calendar, estimates)
    /// continue the table after its last year; empty when it does not continue.
    pub(crate) then_hijri: Vec<(u32, u32)>,
    /// Every date, sorted.
    dates: Vec<NaiveDate>,
}

/// The file form of a table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    name: String,
    #[allow(dead_code)]
    about: String,
    #[allow(dead_code)]
    source: String,
    years: (i32, i32),
    exact: Option<(i32, i32)>,
    #[serde(default)]
    then_hijri: Vec<(u32, u32)>,
    dates: Vec<String>,
}

static CELLS: [OnceLock<Result<Table, Error>>; COUNT] = [const { OnceLock::new() }; COUNT];

fn load(key: &'static str, text: &str) -> Result<Table, Error> {
    let bad = |message: String| Error::Parse {
        format: "JSON".into(),
        message: format!("holiday table `{key}`: {message}"),
    };
    let file: TableFile = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    if file.name != key {
        return Err(bad(format!("file names itself `{}`", file.name)));
    }
    let (first, last) = file.years;
    if first > last
        || file
            .exact
            .is_some_and(|(a, b)| a > b || a < first || b > last)
    {
        return Err(bad(format!(
            "years {:?} and exact years {:?} do not nest",
            file.years, file.exact
        )));
    }
    if let Some((m, d)) = file
        .then_hijri
        .iter()
        .find(|(m, d)| !(1..=12).contains(m) || !(1..=30).contains(d))
    {
        return Err(bad(format!(
            "then_hijri [{m}, {d}]: expected a Hijri month 1 to 12 and day 1 to 30"
        )));
    }
    let mut dates = Vec::with_capacity(file.dates.len());
    for (i, s) in file.dates.iter().enumerate() {
        let d = super::parse_date(&format!("holiday table {key}: dates[{i}]"), s)?;
        if !(first..=last).contains(&d.year()) || dates.last().is_some_and(|p| *p >= d) {
            return Err(bad(format!(
                "dates[{i}] `{s}`: dates must be sorted, unique and within the years"
            )));
        }
        dates.push(d);
    }
    Ok(Table {
        key,
        years: file.years,
        exact: file.exact,
        then_hijri: file.then_hijri,
        dates,
    })
}

/// The table at `index` in [`KEYS`], parsed on first use.
pub(crate) fn get(index: u16) -> Result<&'static Table, Error> {
    let i = usize::from(index);
    let (Some(cell), Some((key, text))) = (CELLS.get(i), SOURCES.get(i)) else {
        return Err(Error::Parse {
            format: "JSON".into(),
            message: format!("no holiday table number {index}"),
        });
    };
    cell.get_or_init(|| load(key, text))
        .as_ref()
        .map_err(Clone::clone)
}

/// The index of table `name`, loading and validating it; an unknown name is an error with a
/// path relative to it (empty).
pub(crate) fn index_of(name: &str) -> Result<u16, Error> {
    let i = KEYS.binary_search(&name).map_err(|_| Error::UnknownName {
        path: String::new(),
        kind: "holiday table".into(),
        name: name.to_owned(),
        known: KEYS.iter().map(|k| (*k).to_owned()).collect(),
    })?;
    let index = u16::try_from(i).map_err(|_| Error::InvalidValue {
        path: String::new(),
        value: name.to_owned(),
        expected: "one of the first 65536 tables".into(),
    })?;
    get(index)?;
    Ok(index)
}

/// The dates of table `index` in `year`, each moved by `offset` days: the table's own, or
/// after its last year those of the arithmetic Islamic calendar when it continues with them.
pub(crate) fn dates_in(index: u16, offset: i8, year: i32) -> impl Iterator<Item = NaiveDate> {
    let (slice, beyond): (&'static [NaiveDate], Vec<NaiveDate>) = match get(index) {
        Ok(t) if year > t.years.1 => (
            &[],
            t.then_hijri
                .iter()
                .flat_map(|(m, d)| super::hijri::dates_in(*m, *d, year))
                .collect(),
        ),
        Ok(t) => {
            let start = t.dates.partition_point(|d| d.year() < year);
            let end = t.dates.partition_point(|d| d.year() <= year);
            (t.dates.get(start..end).unwrap_or(&[]), Vec::new())
        }
        Err(_) => (&[], Vec::new()),
    };
    slice.iter().copied().chain(beyond).filter_map(move |d| {
        let by = Days::new(u64::from(offset.unsigned_abs()));
        if offset >= 0 {
            d.checked_add_days(by)
        } else {
            d.checked_sub_days(by)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as d;

    #[test]
    fn every_table_loads_and_keys_are_sorted() {
        assert!(KEYS.windows(2).all(|w| w[0] < w[1]));
        for (i, key) in KEYS.iter().enumerate() {
            let t = get(u16::try_from(i).unwrap()).unwrap();
            assert_eq!(t.key, *key);
            assert!(!t.dates.is_empty());
            // Malaysia's tables reach at least to 2075; India's Diwali table ends with 2035.
            if key.starts_with("my-") {
                assert!(t.years.1 >= 2075, "{key}");
            }
        }
    }

    #[test]
    fn dates_of_a_year_with_offset() {
        let fitr = index_of("my-eid-al-fitr").unwrap();
        // Two Eids al-Fitr in 2000 (the Islamic year is 11 days shorter).
        assert_eq!(
            dates_in(fitr, 0, 2000).collect::<Vec<_>>(),
            [d(2000, 1, 8), d(2000, 12, 27)]
        );
        assert_eq!(
            dates_in(fitr, 1, 2026).collect::<Vec<_>>(),
            [d(2026, 3, 22)]
        );
        // Past the table: the arithmetic Islamic calendar's estimate (1 Shawwal 1502 AH).
        assert_eq!(
            dates_in(fitr, 0, 2078).collect::<Vec<_>>(),
            [d(2078, 8, 10)]
        );
        assert_eq!(
            dates_in(fitr, 1, 2078).collect::<Vec<_>>(),
            [d(2078, 8, 11)]
        );
        // A table without `then_hijri` ends with its years.
        let cny = index_of("my-chinese-new-year").unwrap();
        assert_eq!(dates_in(cny, 0, 2101).count(), 0);
        assert_eq!(
            dates_in(fitr, 0, 1989).count(),
            0,
            "before the table: absent"
        );
        let diwali = index_of("in-diwali").unwrap();
        assert_eq!(
            dates_in(diwali, 0, 2026).collect::<Vec<_>>(),
            [d(2026, 11, 8)]
        );
        assert_eq!(
            dates_in(diwali, 0, 2036).count(),
            0,
            "past the table: absent"
        );
    }

    #[test]
    fn a_table_of_estimates_only_has_no_exact_years() {
        let t = load(
            "x",
            r#"{"name": "x", "about": "", "source": "", "years": [2000, 2001], "exact": null,
                "dates": ["2000-03-01", "2001-02-18"]}"#,
        )
        .unwrap();
        assert_eq!((t.years, t.exact, t.dates.len()), ((2000, 2001), None, 2));
        let ma = get(index_of("ma-eid-al-fitr").unwrap()).unwrap();
        assert_eq!(ma.exact, None);
    }

    #[test]
    fn broken_tables_are_refused() {
        let e = |text: &str| load("x", text).unwrap_err().to_string();
        assert!(e(r#"{"name": "x", "about": "", "source": "", "years": [2000, 2001], "exact": null, "then_hijri": [[13, 1]], "dates": []}"#)
            .contains("then_hijri [13, 1]: expected a Hijri month 1 to 12 and day 1 to 30"));
        assert!(e("{}").contains("holiday table `x`"));
        assert!(e(r#"{"name": "y", "about": "", "source": "", "years": [2000, 2001], "exact": [2000, 2000], "dates": []}"#)
            .contains("file names itself `y`"));
        assert!(e(r#"{"name": "x", "about": "", "source": "", "years": [2000, 2001], "exact": [1999, 2000], "dates": []}"#)
            .contains("do not nest"));
        assert!(e(r#"{"name": "x", "about": "", "source": "", "years": [2000, 2001], "exact": [2000, 2000], "dates": ["2001-01-02", "2000-01-01"]}"#)
            .contains("dates[1] `2000-01-01`: dates must be sorted"));
        assert!(e(r#"{"name": "x", "about": "", "source": "", "years": [2000, 2001], "exact": [2000, 2000], "dates": ["2002-01-01"]}"#)
            .contains("within the years"));
        assert_eq!(
            index_of("xx")
                .unwrap_err()
                .at("holidays[0].table")
                .to_string(),
            format!(
                "holidays[0].table: unknown holiday table `xx`: expected one of {}",
                KEYS.join(", ")
            )
        );
    }
}
