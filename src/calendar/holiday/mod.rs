//! Holidays of a calendar: dates, yearly rules, presets.
//!
//! This file holds the module's wiring, the [`Holiday`] of a date and the [`Holidays`] of a
//! calendar with its constructors and queries; how a year's holidays are computed is in
//! `observed.rs`, the configuration forms in `spec.rs`, their validation in `compile.rs` and
//! the rules they validate into in `rule.rs`.
//!
//! The long-form documentation is the guide page [`guide::holidays`](crate::guide::holidays).

mod chinese;
mod clash;
mod compile;
mod easter;
mod fields;
mod hebrew;
mod hijri;
mod index;
mod japan;
mod listing;
mod memo;
mod observance;
mod observed;
mod orthodox;
mod preset;
mod rule;
mod shift;
mod solar_term;
mod spec;
mod table;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_asia;
mod thai;
mod weekend;

use std::fmt;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::time::parse_date;
pub use chinese::{LunisolarCalendar, LunisolarDate};
pub use clash::EasterClash;
pub(crate) use compile::Compiled;
pub use easter::easter;
use index::RuleIndex;
pub use japan::{Between, Equinox};
pub use listing::{DateQuality, PresetHoliday, PresetInfo};
use memo::Memo;
pub(crate) use memo::{memoized, YearMemo};
pub use observance::Observance;
use observed::{Names, Source};
pub use orthodox::orthodox_easter;
pub(crate) use rule::{Kind as RuleKind, Rule};
pub use shift::WeekdayShifts;
pub(crate) use shift::{cycle_divides_400, in_cycle};
pub use solar_term::SolarTerm;
pub use spec::{HolidayRule, HolidaySpec, MonthDay};
pub use thai::ThaiLunarDate;
pub use weekend::Weekend;

/// A named holiday on a date.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The local date.
    #[serde(with = "crate::config::date")]
    pub date: NaiveDate,
    /// The holiday's name: empty for a plain date, `"<name> (observed)"` for an observed or
    /// substitute day, and the names of all holidays on the date joined by `"; "` in
    /// alphabetical order when several fall on it (`"Ascension Day; Labor Day"` on
    /// 2008-05-01 in Germany).
    pub name: String,
}

/// The validated holidays of a calendar.
///
/// Built from a `holidays` list by [`Holidays::from_specs`], or from a built-in preset by
/// [`Holidays::preset`]. Yearly rules apply to every year (within their `from`/`until`
/// range); the holidays of a year are computed on demand, and the last few years asked for
/// are kept, so [`Holidays::contains`] is a binary search after the first call for a year.
#[derive(Clone, Default)]
pub struct Holidays {
    /// One-off dates (plain or named), sorted by date.
    one_offs: Vec<Rule>,
    /// Yearly rules, in configuration order.
    yearly: Vec<Rule>,
    /// Which yearly rules can apply in a year, without testing them all.
    index: RuleIndex,
    /// The indices of the `between` rules (days between two holidays), usually none.
    between: Vec<usize>,
    memo: Memo,
}

impl fmt::Debug for Holidays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Holidays")
            .field("one_offs", &self.one_offs)
            .field("yearly", &self.yearly)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Holidays {
    /// Equal when the validated rules are equal.
    fn eq(&self, other: &Self) -> bool {
        self.one_offs == other.one_offs && self.yearly == other.yearly
    }
}

impl Eq for Holidays {}

/// Validates `specs` into `out`, expanding presets; error paths are relative to the list
/// (`[2].month`). `including` lists the presets being expanded.
fn compile_into(
    specs: &[HolidaySpec],
    including: &[&str],
    out: &mut Vec<Rule>,
) -> Result<(), Error> {
    for (i, spec) in specs.iter().enumerate() {
        compile_entry(spec, including, out).map_err(|e| e.at(&format!("[{i}]")))?;
    }
    Ok(())
}

/// Validates one entry of a `holidays` list into `out`; error paths are relative to it.
fn compile_entry(spec: &HolidaySpec, including: &[&str], out: &mut Vec<Rule>) -> Result<(), Error> {
    match spec {
        HolidaySpec::Date(s) => out.push(Rule {
            name: String::new(),
            kind: rule::Kind::Date(parse_date("", s)?),
            observed: Observance::None,
            from: None,
            until: None,
            every: None,
            clash: None,
        }),
        HolidaySpec::Rule(r) => match r.compile()? {
            Compiled::Rule(rule) => out.push(rule),
            Compiled::Preset(name) => {
                let p = preset::get(&name, including).map_err(|e| e.at("preset"))?;
                out.extend(p.rules.iter().cloned());
            }
        },
    }
    Ok(())
}

impl Holidays {
    /// Keys of the built-in presets, sorted: `de` (Germany, nationwide), `de-by` (Bavaria),
    /// `gb-sct` (Scotland), `us-ca` (California), … (the module docs list them all;
    /// [`Holidays::preset_list`] describes each).
    pub const PRESETS: &'static [&'static str] = preset::KEYS;

    fn from_rules(rules: Vec<Rule>) -> Holidays {
        let (mut one_offs, yearly): (Vec<Rule>, Vec<Rule>) =
            rules.into_iter().partition(|r| r.one_off().is_some());
        one_offs.sort_by_key(Rule::one_off);
        Holidays {
            one_offs,
            index: RuleIndex::new(&yearly),
            between: yearly
                .iter()
                .enumerate()
                .filter(|(_, r)| matches!(r.kind, rule::Kind::Between(_)))
                .map(|(i, _)| i)
                .collect(),
            yearly,
            memo: Memo::default(),
        }
    }

    /// Validates the entries of a `holidays` list. Error paths are relative to the list: they
    /// start with the entry's index (`[2].month`), and a caller that found the list inside a
    /// larger configuration puts its place in front with [`Error::at`] (`.at("holidays")`
    /// reads `holidays[2].month`).
    ///
    /// ```
    /// use slacalc::calendar::{HolidaySpec, Holidays};
    ///
    /// let specs: Vec<HolidaySpec> = serde_json::from_str(r#"[{"month": 13, "day": 1}]"#)?;
    /// let err = Holidays::from_specs(&specs).unwrap_err();
    /// assert_eq!(err.to_string(), "[0].month: invalid value `13`: expected a month from 1 to 12");
    /// assert!(err.at("holidays").to_string().starts_with("holidays[0].month: "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// - [`Error::InvalidDate`] for a malformed `YYYY-MM-DD` date;
    /// - [`Error::InvalidValue`] for a value out of range (month, day, `nth`, Easter offset,
    ///   `from`/`until`), a combination of fields that is no rule, or a field beside `preset`;
    /// - [`Error::UnknownWeekday`] for a `weekday` other than `mon` … `sun`;
    /// - [`Error::UnknownPreset`] for an unknown preset (naming the closest key).
    pub fn from_specs(specs: &[HolidaySpec]) -> Result<Self, Error> {
        let mut rules = Vec::new();
        compile_into(specs, &[], &mut rules)?;
        Ok(Holidays::from_rules(rules))
    }

    /// The built-in preset `name` (one of [`Holidays::PRESETS`]).
    ///
    /// Presets are JSON files in the crate's `src/calendar/holiday/presets/`, in the same form as a
    /// calendar's `holidays` list, embedded in the library and parsed once, on first use.
    /// Each one produces exactly the dates of the Python `holidays` package (observed and
    /// substitute days included) for 2000–2035, by rules that continue into later years.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use slacalc::calendar::Holidays;
    ///
    /// let england = Holidays::preset("gb-eng")?;
    /// let dec_2021: Vec<String> = england
    ///     .in_year(2021)
    ///     .into_iter()
    ///     .filter(|h| h.date.format("%m").to_string() == "12")
    ///     .map(|h| format!("{} {}", h.date, h.name))
    ///     .collect();
    /// assert_eq!(dec_2021, [
    ///     "2021-12-25 Christmas Day",
    ///     "2021-12-26 Boxing Day",
    ///     "2021-12-27 Christmas Day (observed)",
    ///     "2021-12-28 Boxing Day (observed)",
    /// ]);
    /// let easter_monday = NaiveDate::from_ymd_opt(2026, 4, 6).unwrap();
    /// assert!(england.contains(easter_monday));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownPreset`] when there is no preset of that name (naming the closest key).
    pub fn preset(name: &str) -> Result<Holidays, Error> {
        let p = preset::get(name, &[]).map_err(|e| e.at("preset"))?;
        Ok(Holidays::from_rules(p.rules.clone()))
    }

    /// The one-line description of the built-in preset `name`.
    ///
    /// # Errors
    /// [`Error::UnknownPreset`] when there is no preset of that name (naming the closest key).
    pub fn preset_about(name: &str) -> Result<String, Error> {
        Ok(preset::get(name, &[])
            .map_err(|e| e.at("preset"))?
            .about
            .clone())
    }

    /// The number of rules (one-off dates and yearly rules), presets expanded.
    pub(crate) fn rule_count(&self) -> usize {
        self.one_offs.len() + self.yearly.len()
    }

    /// Whether every yearly rule gives a date that depends only on how its year falls on
    /// weekdays (a fixed day, an nth weekday, a weekday on or after a day) — not Easter, nor
    /// any other kind: the calendar engine compiles one year per shape of year for them.
    /// A rule kept only `every` so many years depends on the year itself, and one with a
    /// `clash` on Easter, so both are excluded.
    pub(crate) fn follow_weekdays_only(&self) -> bool {
        self.yearly.iter().all(|r| {
            r.every.is_none()
                && r.clash.is_none()
                && matches!(
                    r.kind,
                    rule::Kind::Fixed { .. }
                        | rule::Kind::NthWeekday { .. }
                        | rule::Kind::OnOrAfter { .. }
                )
        })
    }

    /// The indices of the yearly rules whose years include `year` (whatever their kind).
    /// Between the years around rule bounds, one-off dates and exceptions, a calendar whose
    /// rules [follow weekdays only](Holidays::follow_weekdays_only) has the same holidays in
    /// two years of the same shape exactly when these sets are equal.
    pub(crate) fn active_rules(&self, year: i32) -> Vec<usize> {
        let mut rules = self.index.candidates(year);
        rules.retain(|&i| {
            self.yearly.get(i).is_some_and(|r| {
                r.from.is_none_or(|a| a <= year) && r.until.is_none_or(|b| year <= b)
            })
        });
        rules
    }

    /// Every built-in preset, sorted by key, with its country, subdivision, description and
    /// holidays (each with the years it covers and whether its dates are exact), so that a host
    /// can offer a picker.
    ///
    /// # Example
    ///
    /// ```
    /// use slacalc::calendar::Holidays;
    ///
    /// let list = Holidays::preset_list()?;
    /// assert_eq!(list.len(), Holidays::PRESETS.len());
    /// let scotland = list.iter().find(|p| p.key == "gb-sct").unwrap();
    /// assert_eq!((scotland.country.as_str(), scotland.subdivision.as_deref()),
    ///            ("United Kingdom", Some("Scotland")));
    /// let st_andrew = scotland.holidays.iter().find(|h| h.name == "Saint Andrew's Day").unwrap();
    /// assert_eq!((st_andrew.from, st_andrew.until), (Some(2006), None));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Parse`] or a validation error only if an embedded preset file were broken
    /// (the crate's tests load every one).
    pub fn preset_list() -> Result<Vec<PresetInfo>, Error> {
        preset::KEYS.iter().map(|k| listing::info(k)).collect()
    }

    /// The listing entry of the built-in preset `key` (see [`Holidays::preset_list`]).
    ///
    /// # Errors
    /// [`Error::UnknownPreset`] when there is no preset of that key (naming the closest key).
    pub fn preset_info(key: &str) -> Result<PresetInfo, Error> {
        listing::info(key)
    }

    /// Whether there are no holidays at all.
    pub fn is_empty(&self) -> bool {
        self.one_offs.is_empty() && self.yearly.is_empty()
    }

    /// Whether `date` is a holiday (observed and substitute days included).
    pub fn contains(&self, date: NaiveDate) -> bool {
        if self.is_empty() {
            return false;
        }
        self.dates(date.year()).binary_search(&date).is_ok()
    }

    /// The holidays of one calendar year, sorted by date, one per date (see [`Holiday::name`]
    /// for dates with several), observed and substitute days included. An observed day
    /// belongs to the year of its own date: US New Year's Day 2022 (a Saturday) is observed
    /// on 2021-12-31, which is in `in_year(2021)`. Empty for years chrono cannot represent.
    pub fn in_year(&self, year: i32) -> Vec<Holiday> {
        self.year(year).to_vec()
    }

    /// The holiday dates of one calendar year, sorted, without duplicates.
    pub fn dates_in_year(&self, year: i32) -> Vec<NaiveDate> {
        self.dates(year).to_vec()
    }

    /// The holidays of `year`, from the memo or computed.
    fn year(&self, year: i32) -> Arc<[Holiday]> {
        if self.is_empty() {
            return Arc::from(Vec::new());
        }
        memoized(&self.memo.named, year, || {
            self.compute(year, Names::Keep)
                .into_iter()
                .map(|(date, sources)| {
                    let mut names: Vec<String> = sources.into_iter().map(Source::name).collect();
                    names.sort();
                    names.dedup();
                    Holiday {
                        date,
                        name: names.join("; "),
                    }
                })
                .collect()
        })
    }

    /// The holiday dates of `year`, from the memo or computed: the dates of
    /// [`Holidays::year`], without building their names.
    fn dates(&self, year: i32) -> Arc<[NaiveDate]> {
        if self.is_empty() {
            return Arc::from(Vec::new());
        }
        memoized(&self.memo.dates, year, || {
            self.compute(year, Names::Drop)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        })
    }

    /// The dates the yearly rules give in rule year `year`, with the rule's index, sorted
    /// by date, then rule order.
    fn rule_year(&self, year: i32) -> Arc<[(NaiveDate, usize)]> {
        memoized(&self.memo.rule_years, year, || {
            let mut out = Vec::new();
            for i in self.index.candidates(year) {
                if let Some(r) = self.yearly.get(i) {
                    r.for_dates_in(year, |d| out.push((d, i)));
                }
            }
            out.sort_unstable();
            out
        })
    }

    /// Whether the holidays repeat with the 400-year Gregorian cycle outside
    /// [`Holidays::special_year_list`]. Easter moves on a cycle of 5.7 million years and the
    /// Hebrew calendar on none that divides 400 years, so a set with such a rule open on
    /// either side (no `from` or no `until`), a rule with a `clash` on Easter open on either
    /// side, a rule kept `every` N years where N does not divide 400, or a table open
    /// towards later years, is not periodic; the engine then computes every year it is
    /// asked for within 1583–2599 and refuses beyond.
    pub(crate) fn is_periodic(&self) -> bool {
        self.yearly.iter().all(|r| {
            (!matches!(
                r.kind,
                rule::Kind::Easter { .. }
                    | rule::Kind::OrthodoxEaster { .. }
                    | rule::Kind::Hebrew { .. }
            ) && r.clash.is_none()
                && shift::cycle_divides_400(r.every)
                && !r.open_table())
                || (r.from.is_some() && r.until.is_some())
        })
    }

    /// Every year a one-off date falls in or a rule begins or ends: outside windows around
    /// them the holidays repeat with the 400-year Gregorian cycle.
    /// The hull of [`Holidays::special_year_list`], one year wider on each side.
    #[cfg(test)]
    pub(crate) fn special_years(&self) -> Option<(i32, i32)> {
        let years = self.special_year_list();
        let lo = years.iter().min()?;
        let hi = years.iter().max()?;
        Some((lo.saturating_sub(1), hi.saturating_add(1)))
    }

    pub(crate) fn special_year_list(&self) -> Vec<i32> {
        self.one_offs
            .iter()
            .filter_map(|r| r.one_off().map(|d| d.year()))
            .chain(self.yearly.iter().flat_map(|r| [r.from, r.until]).flatten())
            // A table's dates end with its years: nothing to repeat beyond them.
            .chain(
                self.yearly
                    .iter()
                    .filter_map(Rule::table_years)
                    .flat_map(|(a, b)| [a, b]),
            )
            .collect()
    }
}
