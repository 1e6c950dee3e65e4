//! The listing of the built-in presets ([`PresetInfo`]), for a host that offers a picker.

use serde::Serialize;

use super::preset;
use super::rule::Kind;
use super::table;
use crate::error::Error;

/// One built-in holiday preset, as listed by
/// [`Holidays::preset_list`](super::Holidays::preset_list).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PresetInfo {
    /// The key to write in a `holidays` list (`{"preset": "de-by"}`): an ISO 3166-1 alpha-2
    /// country code, or `country-subdivision` after ISO 3166-2, in lower case.
    pub key: String,
    /// The ISO 3166-1 alpha-2 country code, upper case (`DE`).
    pub country_code: String,
    /// The country's English short name (`Germany`).
    pub country: String,
    /// The subdivision's ISO 3166-2 code without the country, upper case (`BY`), for a
    /// subdivision's preset.
    pub subdivision_code: Option<String>,
    /// The subdivision's English name (`Bavaria`), for a subdivision's preset.
    pub subdivision: Option<String>,
    /// A one-line description.
    pub description: String,
    /// Every holiday of the preset (included presets expanded), in the order of the file, one
    /// entry per name.
    pub holidays: Vec<PresetHoliday>,
}

/// One holiday of a built-in preset, by name, with the years its rules cover.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PresetHoliday {
    /// The holiday's name (an observed or substitute day is named `"<name> (observed)"`).
    pub name: String,
    /// The first year with a date for this name; `None` when its rules have no lower bound.
    pub from: Option<i32>,
    /// The last year with a date for this name; `None` when its rules go on without end.
    pub until: Option<i32>,
    /// Whether the dates are exact or estimates.
    pub dates: DateQuality,
}

/// Whether a preset holiday's dates are exact.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DateQuality {
    /// Every date comes from a rule of the calendar (fixed day, weekday rule, Easter offset,
    /// weekday moves) or is a one-off date fixed by law: exact in every year covered.
    Exact,
    /// The dates come from the published table `table` (lunisolar, Islamic, Hindu or
    /// Buddhist festivals): exact (announced, or fixed by the calendar) from `exact_from` to
    /// `exact_until`, estimates in the table's other years (the real date may differ by a
    /// day); both `None` when every date of the table is an estimate. There are no dates
    /// outside the years covered ([`PresetHoliday::from`] to [`PresetHoliday::until`]); an
    /// Islamic table that continues by the arithmetic Islamic calendar has no `until`, and its
    /// dates after the table are estimates too.
    Table {
        /// The table's key.
        table: String,
        /// First year with exact dates.
        exact_from: Option<i32>,
        /// Last year with exact dates.
        exact_until: Option<i32>,
    },
}

/// The listing entry of the preset `key`.
pub(crate) fn info(key: &str) -> Result<PresetInfo, Error> {
    let p = preset::get(key, &[]).map_err(|e| e.at("preset"))?;
    let (country_code, subdivision_code) = match key.split_once('-') {
        Some((c, s)) => (c.to_uppercase(), Some(s.to_uppercase())),
        None => (key.to_uppercase(), None),
    };
    let mut holidays: Vec<PresetHoliday> = Vec::new();
    for rule in &p.rules {
        let (from, until, dates) = match rule.kind {
            Kind::Date(d) => {
                let y = chrono::Datelike::year(&d);
                (Some(y), Some(y), DateQuality::Exact)
            }
            Kind::Table { table, .. } => {
                let t = table::get(table)?;
                let from = rule.from.map_or(t.years.0, |f| f.max(t.years.0));
                let until = match rule.until {
                    Some(u) if t.then_hijri.is_empty() => Some(u.min(t.years.1)),
                    Some(u) => Some(u),
                    None if t.then_hijri.is_empty() => Some(t.years.1),
                    None => None,
                };
                let dates = DateQuality::Table {
                    table: t.key.to_owned(),
                    exact_from: t.exact.map(|e| e.0),
                    exact_until: t.exact.map(|e| e.1),
                };
                (Some(from), until, dates)
            }
            // The Chinese calendar's month table and the equinox and solar-term formulas
            // cover stated years:
            // exact within them, absent outside.
            Kind::Chinese { .. } | Kind::Equinox(_) | Kind::SolarTerm(_) | Kind::Thai { .. } => {
                let (first, last) = match rule.table_years() {
                    Some(years) => years,
                    None => super::japan::EQUINOX_YEARS,
                };
                let from = rule.from.map_or(first, |f| f.max(first));
                let until = rule.until.map_or(last, |u| u.min(last));
                (Some(from), Some(until), DateQuality::Exact)
            }
            _ => (rule.from, rule.until, DateQuality::Exact),
        };
        match holidays.iter_mut().find(|h| h.name == rule.name) {
            Some(h) => {
                h.from = h.from.zip(from).map(|(a, b)| a.min(b));
                h.until = h.until.zip(until).map(|(a, b)| a.max(b));
                if h.dates == DateQuality::Exact {
                    h.dates = dates;
                }
            }
            None => holidays.push(PresetHoliday {
                name: rule.name.clone(),
                from,
                until,
                dates,
            }),
        }
    }
    Ok(PresetInfo {
        key: key.to_owned(),
        country_code,
        country: p.country.clone(),
        subdivision_code,
        subdivision: p.subdivision.clone(),
        description: p.about.clone(),
        holidays,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Holidays;

    #[test]
    fn listing_covers_every_preset_with_names_and_years() {
        let list = Holidays::preset_list().unwrap();
        assert_eq!(
            list.iter().map(|p| p.key.as_str()).collect::<Vec<_>>(),
            preset::KEYS
        );
        for p in &list {
            assert!(
                !p.country.is_empty() && !p.description.is_empty(),
                "{}",
                p.key
            );
            assert_eq!(p.subdivision.is_some(), p.key.contains('-'), "{}", p.key);
            assert_eq!(p.subdivision.is_some(), p.subdivision_code.is_some());
            assert!(!p.holidays.is_empty(), "{}", p.key);
            assert!(p.holidays.iter().all(|h| !h.name.is_empty()), "{}", p.key);
        }
        let pl = Holidays::preset_info("pl").unwrap();
        assert_eq!(
            (
                pl.country_code.as_str(),
                pl.country.as_str(),
                pl.subdivision_code.as_deref()
            ),
            ("PL", "Poland", None)
        );
        let find = |p: &PresetInfo, name: &str| {
            p.holidays.iter().find(|h| h.name == name).cloned().unwrap()
        };
        assert_eq!(
            find(&pl, "Epiphany"),
            PresetHoliday {
                name: "Epiphany".into(),
                from: Some(2011),
                until: None,
                dates: DateQuality::Exact,
            }
        );
        assert_eq!(
            (
                find(&pl, "Christmas Eve").from,
                find(&pl, "Christmas Eve").until
            ),
            (Some(2025), None)
        );
        let centenary = find(&pl, "National Independence Day - 100th anniversary");
        assert_eq!((centenary.from, centenary.until), (Some(2018), Some(2018)));
        // A subdivision lists its country's holidays too (included presets are expanded).
        let be = Holidays::preset_info("de-be").unwrap();
        assert_eq!(
            (be.country_code.as_str(), be.subdivision_code.as_deref()),
            ("DE", Some("BE"))
        );
        assert_eq!(find(&be, "Women's Day").from, Some(2019));
        assert!(be.holidays.iter().any(|h| h.name == "German Unity Day"));
        // Rules with a gap in between: the covered years span them all.
        let eng = Holidays::preset_info("gb-eng").unwrap();
        assert_eq!(
            (find(&eng, "May Day").from, find(&eng, "May Day").until),
            (Some(1978), None)
        );
        assert!(matches!(
            Holidays::preset_info("xx"),
            Err(Error::UnknownPreset { .. })
        ));
        // Table-based holidays: covered years are the table's, exact for the announced years.
        let my = Holidays::preset_info("my").unwrap();
        let fitr = find(&my, "Eid al-Fitr");
        // Continued by the arithmetic Islamic calendar after 2077: no last year.
        assert_eq!((fitr.from, fitr.until), (Some(1990), None));
        let cny = find(&my, "Chinese New Year");
        assert_eq!((cny.from, cny.until), (Some(1990), Some(2100)));
        assert_eq!(
            fitr.dates,
            DateQuality::Table {
                table: "my-eid-al-fitr".into(),
                exact_from: Some(2001),
                exact_until: Some(2027),
            }
        );
        assert_eq!(find(&my, "Labor Day").dates, DateQuality::Exact);
        let json = serde_json::to_value(&my).unwrap();
        let fitr_json = json["holidays"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["name"] == "Eid al-Fitr")
            .unwrap();
        assert_eq!(
            fitr_json["dates"],
            serde_json::json!({"table": {"table": "my-eid-al-fitr", "exact_from": 2001, "exact_until": 2027}})
        );
        let json = serde_json::to_value(&pl).unwrap();
        assert_eq!(json["holidays"][0]["dates"], "exact");
    }

    #[test]
    fn saudi_and_egyptian_presets_list_their_tables_and_years() {
        let find = |p: &PresetInfo, name: &str| {
            p.holidays.iter().find(|h| h.name == name).cloned().unwrap()
        };
        let table = |key: &str, exact: (i32, i32)| DateQuality::Table {
            table: key.into(),
            exact_from: Some(exact.0),
            exact_until: Some(exact.1),
        };
        let sa = Holidays::preset_info("sa").unwrap();
        assert_eq!(
            (sa.country_code.as_str(), sa.country.as_str()),
            ("SA", "Saudi Arabia")
        );
        // Two rules (the weekends before and after 2013) make one entry, with no last year:
        // the table goes on by the arithmetic Islamic calendar.
        assert_eq!(
            find(&sa, "Eid al-Fitr Holiday"),
            PresetHoliday {
                name: "Eid al-Fitr Holiday".into(),
                from: Some(1990),
                until: None,
                dates: table("sa-eid-al-fitr-holiday", (2001, 2025)),
            }
        );
        let national = find(&sa, "National Day Holiday");
        assert_eq!(
            (national.from, national.until, national.dates),
            (Some(2005), None, DateQuality::Exact)
        );
        assert_eq!(find(&sa, "Founding Day Holiday").from, Some(2022));
        let eg = Holidays::preset_info("eg").unwrap();
        assert_eq!(
            find(&eg, "Islamic New Year").dates,
            table("eg-islamic-new-year", (2020, 2025))
        );
        let fitr = find(&eg, "Eid al-Fitr");
        assert_eq!((fitr.from, fitr.until), (Some(1990), None));
        assert_eq!(fitr.dates, table("eg-eid-al-fitr", (2020, 2026)));
        let coptic = find(&eg, "Coptic Christmas Day");
        assert_eq!((coptic.from, coptic.until), (Some(2002), None));
        let june_30 = find(&eg, "June 30 Revolution Day");
        assert_eq!(
            (june_30.from, june_30.dates),
            (Some(2014), DateQuality::Exact)
        );
        let decreed = find(&eg, "Labor Day (observed)");
        assert_eq!((decreed.from, decreed.until), (Some(2024), Some(2024)));
    }
}
