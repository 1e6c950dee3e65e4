//! Holidays of a calendar: dates, yearly rules, presets.
//!
//! The long-form documentation is the guide page [`guide::holidays`](crate::guide::holidays).

mod chinese;
mod clash;
mod hebrew;
mod hijri;
mod japan;
mod listing;
mod observance;
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

use std::collections::VecDeque;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::time::parse_date;
pub use chinese::{LunisolarCalendar, LunisolarDate};
pub use clash::EasterClash;
pub use japan::{Between, Equinox};
pub use listing::{DateQuality, PresetHoliday, PresetInfo};
pub use observance::Observance;
pub use orthodox::orthodox_easter;
pub use rule::easter;
pub(crate) use rule::{Kind as RuleKind, Rule};
pub use shift::WeekdayShifts;
pub(crate) use shift::{cycle_divides_400, in_cycle};
pub use solar_term::SolarTerm;
pub(crate) use spec::Compiled;
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

/// How many years' holiday lists a [`Holidays`] keeps (most recently computed first), for
/// each of its memos.
const MEMO_YEARS: usize = 8;

/// A small memo of values by year, most recently computed first.
pub(crate) type YearMemo<T> = Mutex<VecDeque<(i32, Arc<[T]>)>>;

/// Small, thread-safe memos of computed years: the named holidays of a year, its holiday
/// dates alone (what the calendar engine asks for), and the dates every yearly rule gives in
/// a rule year (each year's holidays read three rule years, each shared with the
/// neighbouring years). They are not part of a value's identity: clones start empty,
/// equality ignores them.
#[derive(Default)]
struct Memo {
    named: YearMemo<Holiday>,
    dates: YearMemo<NaiveDate>,
    /// `(date, index into `yearly`)`, in rule order.
    rule_years: YearMemo<(NaiveDate, usize)>,
}

impl Clone for Memo {
    fn clone(&self) -> Self {
        Memo::default()
    }
}

/// The value of `year` in `memo`, or `compute`d and kept.
pub(crate) fn memoized<T>(
    memo: &YearMemo<T>,
    year: i32,
    compute: impl FnOnce() -> Vec<T>,
) -> Arc<[T]> {
    {
        let m = memo.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, v)) = m.iter().find(|(y, _)| *y == year) {
            return Arc::clone(v);
        }
    }
    let computed: Arc<[T]> = Arc::from(compute());
    let mut m = memo.lock().unwrap_or_else(PoisonError::into_inner);
    m.push_front((year, Arc::clone(&computed)));
    m.truncate(MEMO_YEARS);
    computed
}

/// Which way a substitute day is looked for from its holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// The next free working day.
    Forward,
    /// The previous free working day.
    Backward,
    /// The next free working day of a week whose weekend is the given days.
    ForwardOf(Weekend),
}

/// Whether a computation keeps where each holiday's name comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Names {
    /// Keep the sources, to name the holidays.
    Keep,
    /// Dates only.
    Drop,
}

/// Where a holiday's name comes from: a rule's own date, or a day observed for it.
#[derive(Clone, Copy, Debug)]
enum Source<'a> {
    /// The rule's date: named after the rule.
    Own(&'a str),
    /// An observed or substitute day: `"<name> (observed)"`.
    Observed(&'a str),
}

impl Source<'_> {
    fn name(self) -> String {
        match self {
            Source::Own(n) => n.to_owned(),
            Source::Observed(n) => observed_name(n),
        }
    }
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

/// Rules whose years span at most this many years are found by their `from` year.
const SHORT_SPAN: i32 = 64;

/// An index of the yearly rules by the years they apply in, so that a year's dates test
/// only the rules that may apply then (a thousand one-year rules cost a lookup, not a
/// thousand tests, in each year).
#[derive(Clone, Debug, Default)]
struct RuleIndex {
    /// Rules without both year bounds, or spanning more than [`SHORT_SPAN`] years: tested
    /// in every year.
    long: Vec<usize>,
    /// The other rules as `(from, until, index)`, sorted.
    short: Vec<(i32, i32, usize)>,
}

impl RuleIndex {
    fn new(yearly: &[Rule]) -> RuleIndex {
        let mut index = RuleIndex::default();
        for (i, r) in yearly.iter().enumerate() {
            match (r.from, r.until) {
                (Some(a), Some(b)) if i64::from(b) - i64::from(a) <= i64::from(SHORT_SPAN) => {
                    index.short.push((a, b, i));
                }
                _ => index.long.push(i),
            }
        }
        index.short.sort_unstable();
        index
    }

    /// The indices of the rules that may give a date in rule year `year`, ascending.
    fn candidates(&self, year: i32) -> Vec<usize> {
        let lo = self
            .short
            .partition_point(|r| r.0 < year.saturating_sub(SHORT_SPAN));
        let hi = self.short.partition_point(|r| r.0 <= year);
        let mut out: Vec<usize> = self
            .short
            .get(lo..hi)
            .unwrap_or(&[])
            .iter()
            .filter(|r| r.1 >= year)
            .map(|r| r.2)
            .chain(self.long.iter().copied())
            .collect();
        out.sort_unstable();
        out
    }
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

/// Validates `specs` (found at `path`) into `out`, expanding presets. `including` lists the
/// presets being expanded.
fn compile_into(
    specs: &[HolidaySpec],
    path: &str,
    including: &[&str],
    out: &mut Vec<Rule>,
) -> Result<(), Error> {
    for (i, spec) in specs.iter().enumerate() {
        let at = format!("{path}[{i}]");
        match spec {
            HolidaySpec::Date(s) => out.push(Rule {
                name: String::new(),
                kind: rule::Kind::Date(parse_date(&at, s)?),
                observed: Observance::None,
                from: None,
                until: None,
                every: None,
                clash: None,
            }),
            HolidaySpec::Rule(r) => match r.compile(&at)? {
                Compiled::Rule(rule) => out.push(rule),
                Compiled::Preset(name) => {
                    let p = preset::get(&name, &format!("{at}.preset"), including)?;
                    out.extend(p.rules.iter().cloned());
                }
            },
        }
    }
    Ok(())
}

/// Whether a holiday of another name than `name` falls on `d` among `occurrences` (sorted
/// by date).
fn shares_date(occurrences: &[(NaiveDate, &Rule)], d: NaiveDate, name: &str) -> bool {
    let on_d = occurrences.partition_point(|(x, _)| *x < d);
    occurrences
        .get(on_d..)
        .unwrap_or(&[])
        .iter()
        .take_while(|(x, _)| *x == d)
        .any(|(_, r)| r.name != name)
}

/// Whether `r`'s holiday on `d` is observed by a `shared_shift` rule of its name (which then
/// takes the place of its other observances on that date): a rule of the same name on `d`
/// with a `shared_shift` that moves a date of that weekday, and a holiday of another name
/// on `d`.
fn shifted_as_shared(occurrences: &[(NaiveDate, &Rule)], d: NaiveDate, r: &Rule) -> bool {
    let on_d = occurrences.partition_point(|(x, _)| *x < d);
    occurrences
        .get(on_d..)
        .unwrap_or(&[])
        .iter()
        .take_while(|(x, _)| *x == d)
        .any(|(_, r2)| {
            r2.name == r.name
                && matches!(r2.observed, Observance::SharedShift(s) if s.days(d.weekday()) != 0)
        })
        && shares_date(occurrences, d, &r.name)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn observed_name(name: &str) -> String {
    if name.is_empty() {
        "(observed)".to_owned()
    } else {
        format!("{name} (observed)")
    }
}

/// Merges the days taken by rules (sorted, one entry per date) and the observed days
/// (sorted by date, possibly several per date) into one sorted list with one entry per date,
/// the sources of a date in that order (with [`Names::Drop`], none).
fn merge_days<'a>(
    own: Vec<(NaiveDate, Vec<Source<'a>>)>,
    shifted: Vec<(NaiveDate, Source<'a>)>,
    keep: Names,
) -> Vec<(NaiveDate, Vec<Source<'a>>)> {
    let mut out: Vec<(NaiveDate, Vec<Source<'a>>)> = Vec::with_capacity(own.len());
    let mut shifted = shifted.into_iter().peekable();
    for (d, sources) in own {
        while let Some((to, source)) = shifted.next_if(|(to, _)| *to < d) {
            push_source(&mut out, to, source, keep);
        }
        out.push((d, sources));
        while let Some((to, source)) = shifted.next_if(|(to, _)| *to == d) {
            push_source(&mut out, to, source, keep);
        }
    }
    for (to, source) in shifted {
        push_source(&mut out, to, source, keep);
    }
    out
}

/// Appends `source` on date `d` to a list sorted by date whose last date is at most `d`.
fn push_source<'a>(
    out: &mut Vec<(NaiveDate, Vec<Source<'a>>)>,
    d: NaiveDate,
    source: Source<'a>,
    keep: Names,
) {
    if out.last().is_none_or(|(last, _)| *last != d) {
        out.push((d, Vec::new()));
    }
    if let (Names::Keep, Some((_, sources))) = (keep, out.last_mut()) {
        sources.push(source);
    }
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

    /// Validates the entries of a `holidays` list found at config path `path` (used in error
    /// messages, e.g. `holidays` or `calendars.office.holidays`).
    ///
    /// # Errors
    /// - [`Error::InvalidDate`] for a malformed `YYYY-MM-DD` date;
    /// - [`Error::InvalidValue`] for a value out of range (month, day, `nth`, Easter offset,
    ///   `from`/`until`), a combination of fields that is no rule, or a field beside `preset`;
    /// - [`Error::UnknownWeekday`] for a `weekday` other than `mon` … `sun`;
    /// - [`Error::UnknownPreset`] for an unknown preset (naming the closest key).
    pub fn from_specs(specs: &[HolidaySpec], path: &str) -> Result<Self, Error> {
        let mut rules = Vec::new();
        compile_into(specs, path, &[], &mut rules)?;
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
        let p = preset::get(name, "preset", &[])?;
        Ok(Holidays::from_rules(p.rules.clone()))
    }

    /// The one-line description of the built-in preset `name`.
    ///
    /// # Errors
    /// [`Error::UnknownPreset`] when there is no preset of that name (naming the closest key).
    pub fn preset_about(name: &str) -> Result<String, Error> {
        Ok(preset::get(name, "preset", &[])?.about.clone())
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

    /// Computes the holidays of `year` with where their names come from: every rule's dates
    /// for the rule years `year - 1 ..= year + 1` (an observed day or an Easter offset may
    /// cross the new year), then the observed days, then those in `year`. With
    /// [`Names::Drop`] the sources are left empty.
    fn compute(&self, year: i32, keep: Names) -> Vec<(NaiveDate, Vec<Source<'_>>)> {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Vec::new();
        };
        let window_start = year
            .checked_sub(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .unwrap_or(first);
        let window_end = year
            .checked_add(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31))
            .unwrap_or(last);

        let mut occurrences: Vec<(NaiveDate, &Rule)> = Vec::new();
        for ry in [year.checked_sub(1), Some(year), year.checked_add(1)]
            .into_iter()
            .flatten()
        {
            occurrences.extend(
                self.rule_year(ry)
                    .iter()
                    .filter_map(|&(d, i)| Some((d, self.yearly.get(i)?))),
            );
        }
        let start = self
            .one_offs
            .partition_point(|r| r.one_off().is_some_and(|d| d < window_start));
        occurrences.extend(
            self.one_offs
                .get(start..)
                .unwrap_or(&[])
                .iter()
                .filter_map(|r| Some((r.one_off()?, r)))
                .take_while(|(d, _)| *d <= window_end),
        );
        // Substitutes are assigned in date order, ties in rule order.
        occurrences.sort_by_key(|(d, _)| *d);
        if keep == Names::Drop {
            // Without names, rules on one date with one observance are one rule.
            // Not those whose observance depends on the names sharing a date, nor any on a
            // date where such an observance looks for another name.
            let named_dates: Vec<NaiveDate> = occurrences
                .iter()
                .filter(|(_, r)| matches!(r.observed, Observance::SharedShift(_)))
                .map(|(d, _)| *d)
                .collect();
            occurrences.dedup_by(|(d, r), (pd, pr)| {
                d == pd
                    && r.observed == pr.observed
                    && !r.observed.depends_on_names()
                    && !named_dates.contains(d)
            });
        }

        // The days taken by a rule or an observed day, sorted: the rules' dates come in
        // order (one entry per date), the observed days are sorted and merged in.
        let mut own: Vec<(NaiveDate, Vec<Source<'_>>)> = Vec::new();
        for (d, r) in &occurrences {
            if own.last().is_none_or(|(last, _)| last != d) {
                own.push((*d, Vec::new()));
            }
            if let (Names::Keep, Some((_, sources))) = (keep, own.last_mut()) {
                sources.push(Source::Own(&r.name));
            }
        }
        self.add_days_between(&mut own, keep);
        let mut shifted: Vec<(NaiveDate, Source<'_>)> = Vec::new();
        for (d, r) in &occurrences {
            let to = match (r.observed, d.weekday()) {
                (Observance::Us, Weekday::Sat) => d.pred_opt(),
                (Observance::Us | Observance::SundayToMonday, Weekday::Sun) => d.succ_opt(),
                (Observance::Shift(s), _) => s.observed(*d),
                (Observance::SharedShift(s), _) if shares_date(&occurrences, *d, &r.name) => {
                    s.observed(*d)
                }
                _ => None,
            };
            if let Some(to) = to {
                shifted.push((to, Source::Observed(&r.name)));
            }
        }
        shifted.sort_by_key(|(d, _)| *d);
        let days = merge_days(own, shifted, keep);
        let taken = |c: NaiveDate| days.binary_search_by_key(&c, |(d, _)| *d).is_ok();

        // A holiday that several rules produce is one holiday: one substitute day per
        // distinct weekend date, named after every substitute rule on that date. Dates come in
        // order, and each substitute lies after the previous one (every day between a weekend
        // holiday and its substitute is taken), so one forward scan assigns them all; a
        // substitute lies after every earlier one, so only the days taken above can be in
        // its way.
        // (date, direction, the name of a holiday substituted on its own, names).
        let mut sources: Vec<(NaiveDate, Direction, Option<&str>, Vec<&str>)> = Vec::new();
        for (d, r) in &occurrences {
            // Occurrences are sorted by date: those on `d` follow each other.
            let shared = || {
                let on_d = occurrences.partition_point(|(x, _)| x < d);
                r.observed.counts_shared()
                    && occurrences
                        .get(on_d..)
                        .unwrap_or(&[])
                        .iter()
                        .take_while(|(x, _)| x == d)
                        .any(|(_, r2)| r2.name != r.name)
            };
            let direction = match (r.observed, d.weekday()) {
                (
                    Observance::Substitute
                    | Observance::SubstituteOrShared
                    | Observance::SubstituteEach,
                    Weekday::Sat | Weekday::Sun,
                )
                | (
                    Observance::SundaySubstitute
                    | Observance::SundaySubstituteOrShared
                    | Observance::SaturdayBackSundayForward
                    | Observance::SaturdayBackSundayForwardEach,
                    Weekday::Sun,
                ) => Direction::Forward,
                (
                    Observance::SaturdayBackSundayForward
                    | Observance::SaturdayBackSundayForwardEach,
                    Weekday::Sat,
                ) => Direction::Backward,
                (Observance::WeekendSubstitute(w), day) if w.contains(day) => {
                    Direction::ForwardOf(w)
                }
                _ if shared() => Direction::Forward,
                _ => continue,
            };
            if shifted_as_shared(&occurrences, *d, r) {
                continue;
            }
            let own = matches!(
                r.observed,
                Observance::SubstituteEach | Observance::SaturdayBackSundayForwardEach
            )
            .then_some(r.name.as_str());
            // The groups of this date are the last ones: join the one of the same kind (the
            // same name, for a holiday substituted on its own, however the rules are
            // ordered), or start one.
            let group = sources
                .iter()
                .rev()
                .take_while(|(last, ..)| last == d)
                .position(|(_, dir, o, _)| *dir == direction && *o == own);
            let at = match group {
                Some(back) => sources.len() - 1 - back,
                None => {
                    sources.push((*d, direction, own, Vec::new()));
                    sources.len() - 1
                }
            };
            if let (Names::Keep, Some((_, _, _, names))) = (keep, sources.get_mut(at)) {
                names.push(&r.name);
            }
        }
        // Each substitute day is the first free working day (no weekend day, holiday or
        // substitute day already given) after its holiday, or before it for a Saturday
        // substituted backwards.
        let mut substitutes: Vec<(NaiveDate, Vec<Source<'_>>)> = Vec::new();
        for (d, direction, _, names) in sources {
            let mut c = d;
            loop {
                let next = match direction {
                    Direction::Forward | Direction::ForwardOf(_) => c.succ_opt(),
                    Direction::Backward => c.pred_opt(),
                };
                let Some(next) = next else { break };
                c = next;
                let weekend = match direction {
                    Direction::ForwardOf(w) => w.has(c),
                    _ => is_weekend(c),
                };
                if !weekend && !taken(c) && !substitutes.iter().any(|(s, _)| *s == c) {
                    substitutes.push((c, names.iter().map(|n| Source::Observed(n)).collect()));
                    break;
                }
            }
        }

        let in_year = |(d, _): &(NaiveDate, Vec<Source<'_>>)| (first..=last).contains(d);
        let mut out: Vec<(NaiveDate, Vec<Source<'_>>)> = days
            .into_iter()
            .filter(in_year)
            .chain(substitutes.into_iter().filter(in_year))
            .collect();
        // Substitute days are never taken days: sorting by date leaves no duplicates.
        out.sort_by_key(|(d, _)| *d);
        out
    }

    /// Adds to `own` (the rules' own dates, sorted, one entry per date) every day between two
    /// of them that a `between` rule applies in (Japan's citizens' holiday), before observed
    /// and substitute days are placed: those are not holidays the law counts, and a day
    /// found here is not counted for another.
    fn add_days_between<'a>(&'a self, own: &mut Vec<(NaiveDate, Vec<Source<'a>>)>, keep: Names) {
        if self.between.is_empty() {
            return;
        }
        let rules: Vec<&Rule> = self
            .between
            .iter()
            .filter_map(|&i| self.yearly.get(i))
            .collect();
        let middles: Vec<NaiveDate> = own
            .windows(2)
            .filter_map(|w| {
                let (a, b) = (w.first()?.0, w.get(1)?.0);
                let m = a.succ_opt()?;
                (m.succ_opt()? == b).then_some(m)
            })
            .collect();
        for m in middles {
            let names: Vec<Source<'a>> = rules
                .iter()
                .filter(|r| r.applies(m.year()))
                .map(|r| Source::Own(&r.name))
                .collect();
            if names.is_empty() {
                continue;
            }
            let at = own.partition_point(|(d, _)| *d < m);
            let sources = if keep == Names::Keep {
                names
            } else {
                Vec::new()
            };
            own.insert(at, (m, sources));
        }
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
