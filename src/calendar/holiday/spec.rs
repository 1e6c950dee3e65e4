//! The configuration forms of a holiday (`HolidaySpec`) and their validation into rules.

use std::fmt;

use chrono::Weekday;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::clash::EasterClash;
use super::observance::Observance;
use super::rule::{Kind, Rule, EASTER_OFFSET_LIMIT};
use super::shift::WeekdayShifts;
use crate::error::Error;
use crate::time::WeekdayKey;

/// One entry of a calendar's `holidays` list as written in configuration: a plain date string
/// or a rule object.
///
/// ```json
/// ["2026-12-24",
///  {"name": "Christmas Day", "month": 12, "day": 25, "observed": "us"},
///  {"name": "Thanksgiving", "month": 11, "weekday": "thu", "nth": 4},
///  {"name": "Good Friday", "easter": -2},
///  {"name": "Victoria Day", "weekday": "mon", "on_or_after": {"month": 5, "day": 18}},
///  {"name": "Jubilee", "date": "2022-06-03"},
///  {"preset": "de"}]
/// ```
///
/// Deserializing only checks the shape (field names and JSON types, with serde's message for
/// an unknown field); ranges and combinations are checked by
/// [`Holidays::from_specs`](super::Holidays::from_specs), whose errors name the field path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum HolidaySpec {
    /// A plain local date, `YYYY-MM-DD` (a one-off holiday without a name).
    Date(String),
    /// A rule object (see [`HolidayRule`]).
    Rule(Box<HolidayRule>),
}

impl From<HolidayRule> for HolidaySpec {
    fn from(rule: HolidayRule) -> Self {
        HolidaySpec::Rule(Box::new(rule))
    }
}

impl<'de> Deserialize<'de> for HolidaySpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SpecVisitor;

        impl<'de> Visitor<'de> for SpecVisitor {
            type Value = HolidaySpec;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date `YYYY-MM-DD` or a holiday rule object")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<HolidaySpec, E> {
                Ok(HolidaySpec::Date(s.to_owned()))
            }

            fn visit_string<E: de::Error>(self, s: String) -> Result<HolidaySpec, E> {
                Ok(HolidaySpec::Date(s))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<HolidaySpec, A::Error> {
                HolidayRule::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(HolidaySpec::from)
            }
        }

        d.deserialize_any(SpecVisitor)
    }
}

/// A holiday rule as written in configuration: a struct of optional fields whose combination
/// selects the kind of rule.
///
/// | fields | holiday |
/// | --- | --- |
/// | `month`, `day` | that day every year (`day: 29` of February only in leap years) |
/// | `month`, `weekday`, `nth` | the `nth` (1 to 5) weekday of the month; `-1` is the last, `-2` the one before |
/// | `weekday`, `on_or_after: {month, day}` | the first such weekday on or after that day |
/// | `easter` | that many days after Western (Gregorian) Easter Sunday, −200 to 200 |
/// | `orthodox_easter` | that many days after Orthodox (Julian) Easter Sunday, −200 to 200 |
/// | `hebrew: {month, day}` | that date of the Hebrew calendar (arithmetic, exact), months from 1 Nisan to 12 Adar and 13 Adar II |
/// | `chinese: {month, day}` (+ `offset`) | that date of the Chinese lunisolar calendar (the regular month, never the leap one) in the Chinese year beginning in the rule year, by the published month table (1900–2099); `"calendar": "korean"` or `"vietnamese"` for Korea's (1961–2099) or Vietnam's (1968–2099) reckoning (see [`LunisolarDate`](super::LunisolarDate)); `offset` days after it (−60 to 60: `{"month": 1, "day": 1}` with `-1` is New Year's Eve); nothing outside those years |
/// | `equinox` | `"march"` or `"september"`: the equinox day in Japan (JST) by the published formula, 1900–2099 (see [`Equinox`](super::Equinox)); nothing outside those years |
/// | `thai: {month, day}` (+ `later_in_leap_year`) | that date of the Thai lunar calendar in the lunar year ending in the rule year, by its published year types (1914–2157; see [`ThaiLunarDate`](super::ThaiLunarDate)); nothing outside those years |
/// | `solar_term` | `"qingming"`: the day of that solar term of the Chinese calendar (UTC+8) by the published formula, 1901–2099 (see [`SolarTerm`](super::SolarTerm)); nothing outside those years |
/// | `between` | `"holidays"`: a day that is no holiday but lies between two holidays' own dates (Japan's citizens' holiday; see [`Between`](super::Between)) |
/// | `table` (+ `offset`) | the dates of a built-in date table (lunisolar and Islamic festivals), `offset` days after them (−60 to 60); nothing outside the table's years |
/// | `date` | a one-off date `YYYY-MM-DD` |
/// | `preset` | all holidays of a built-in preset (see [`Holidays::PRESETS`](super::Holidays::PRESETS)); no other field |
///
/// Any but `preset` may add `name` and `observed` (an [`Observance`]); the yearly kinds may
/// add `from` and `until`, the first and last year (inclusive) in which the rule applies (for
/// an Easter rule, the year of the Easter it counts from; for a table, the year of the
/// table's date), and `every` (1 to 400, with `from`): the rule applies only every that many
/// years counted from `from` (`{"from": 2008, "every": 2}`: US election days). A `chinese`
/// rule may add `not_on` (weekday keys of its date, after `offset`, on which it is not kept:
/// Hong Kong's fourth day of the New Year only when the first falls on a Friday to Sunday). A
/// `month` + `day`, `hebrew` or `table` rule may add `move` (a [`WeekdayShifts`]): the holiday itself moves by the
/// days given for the weekday its date falls on (`{"sat": -1, "sun": 1}`: to the nearest
/// weekday; `{"tue": -1, "wed": -2, "thu": 4, "fri": 3}`: a "moved to Monday" law; for a
/// table, the weekday of its date after `offset`), and a `month` + `day` rule
/// `not_on` (weekday keys on which the holiday is not kept at all). A `month` + `day`, `nth`
/// weekday or `on_or_after` rule may add `clash` (an [`EasterClash`]): on the given day of
/// Western or Orthodox Easter it moves by the given days (`{"easter": -3, "move": 7}`: a
/// week later when it is Maundy Thursday). A `nth`
/// weekday that a month lacks (a fifth Monday) gives no holiday that year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayRule {
    /// The holiday's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The name of a built-in preset whose holidays are all included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// A one-off date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Month, 1 to 12 (with `day`, or with `weekday` and `nth`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<i64>,
    /// Day of the month (with `month`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<i64>,
    /// Weekday key `mon` … `sun` (with `month` and `nth`, or with `on_or_after`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    /// Which weekday of the month: 1 to 5 from the start, -1 to -5 from the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nth: Option<i64>,
    /// The day from which the first `weekday` is taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_or_after: Option<MonthDay>,
    /// Days after Western Easter Sunday (negative: before), -200 to 200.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easter: Option<i64>,
    /// How a holiday on a weekend is observed.
    #[serde(default, skip_serializing_if = "Observance::is_none")]
    pub observed: Observance,
    /// First year in which the rule applies (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i64>,
    /// Last year in which the rule applies (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<i64>,
    /// A date of the Hebrew calendar, `{"month", "day"}`, months counted from Nisan (1) to
    /// Adar (12; Adar I in a leap year) and Adar II (13); computed arithmetically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hebrew: Option<MonthDay>,
    /// Days after Orthodox Easter Sunday (negative: before), -200 to 200.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orthodox_easter: Option<i64>,
    /// The key of a built-in date table (`my-eid-al-fitr`): the holiday falls on the table's
    /// dates (see the holiday module's docs for the tables and their years).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// A date of the Chinese lunisolar calendar, `{"month", "day"}` with an optional
    /// `"calendar"` (`chinese`, `korean`, `vietnamese`), by the published month table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chinese: Option<super::chinese::LunisolarDate>,
    /// An equinox day in Japan (`"march"`, `"september"`), by the published formula.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equinox: Option<super::japan::Equinox>,
    /// A solar term of the Chinese calendar (`"qingming"`), by the published formula.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solar_term: Option<super::solar_term::SolarTerm>,
    /// `"holidays"`: a day between two holidays (Japan's citizens' holiday).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub between: Option<super::japan::Between>,
    /// With `table` or `chinese`: days after the dates (negative: before), -60 to 60.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// `move`: on a `month` + `day`, `hebrew` or `table` rule, the days the holiday moves by
    /// when its date falls on a given weekday (`{"sat": -1, "sun": 1}`; see
    /// [`WeekdayShifts`]).
    #[serde(default, rename = "move", skip_serializing_if = "Option::is_none")]
    pub moves: Option<WeekdayShifts>,
    /// `not_on`: on a `month` + `day` rule, the weekdays on which the holiday is not kept at
    /// all (`["sun"]`: Spain's national holidays that the regions move when on a Sunday).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_on: Option<Vec<WeekdayKey>>,
    /// The rule applies every that many years (1 to 400), counted from `from`, which is
    /// required with it: `{"from": 2008, "every": 2}` gives 2008, 2010, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<i64>,
    /// `clash`: on a `month` + `day`, nth weekday or `on_or_after` rule, the Easter-relative
    /// day the holiday must not fall on and how far it moves then (see [`EasterClash`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clash: Option<EasterClash>,
    /// A date of the Thai lunar calendar, `{"month", "day"}` with an optional
    /// `"later_in_leap_year": true`, by its published year types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thai: Option<super::thai::ThaiLunarDate>,
}

/// A month and a day, as in `{"month": 5, "day": 25}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    /// Month, 1 to 12.
    pub month: i64,
    /// Day of the month.
    pub day: i64,
}

use crate::time::parse_date;

fn invalid(path: &str, value: impl ToString, expected: impl Into<String>) -> Error {
    Error::InvalidValue {
        path: path.to_owned(),
        value: value.to_string(),
        expected: expected.into(),
    }
}

fn month_of(path: &str, m: i64) -> Result<u32, Error> {
    u32::try_from(m)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| invalid(path, m, "a month from 1 to 12"))
}

/// The longest a month can be (February: 29).
fn max_days(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn day_of(path: &str, month: u32, d: i64) -> Result<u32, Error> {
    let max = max_days(month);
    u32::try_from(d)
        .ok()
        .filter(|d| (1..=max).contains(d))
        .ok_or_else(|| invalid(path, d, format!("a day from 1 to {max} for month {month}")))
}

fn weekday_of(path: &str, s: &str) -> Result<Weekday, Error> {
    s.parse::<WeekdayKey>()
        .map(WeekdayKey::weekday)
        .map_err(|_| Error::UnknownWeekday {
            path: path.to_owned(),
            input: s.to_owned(),
        })
}

/// Smallest and largest years chrono represents; `from`/`until` must lie between them.
const YEAR_LIMITS: (i32, i32) = (-262_143, 262_142);

fn year_of(path: &str, y: i64) -> Result<i32, Error> {
    i32::try_from(y)
        .ok()
        .filter(|y| (YEAR_LIMITS.0..=YEAR_LIMITS.1).contains(y))
        .ok_or_else(|| {
            invalid(
                path,
                y,
                format!("a year from {} to {}", YEAR_LIMITS.0, YEAR_LIMITS.1),
            )
        })
}

const FORMS: &str = "one of: `date`; `month` + `day`; `month` + `weekday` + `nth`; \
                     `weekday` + `on_or_after`; `easter`; `orthodox_easter`; `hebrew`; `chinese`; `equinox`; `solar_term`; `between`; `table`; `thai`; `preset`";

/// What a rule object contributes: its own rule or a preset's name.
pub(crate) enum Compiled {
    Rule(Rule),
    Preset(String),
}

impl HolidayRule {
    /// Validates this rule object found at `path` (`holidays[3]`).
    pub(crate) fn compile(&self, path: &str) -> Result<Compiled, Error> {
        let field = |name: &str| format!("{path}.{name}");
        let shape: Vec<&str> = [
            ("preset", self.preset.is_some()),
            ("date", self.date.is_some()),
            ("month", self.month.is_some()),
            ("day", self.day.is_some()),
            ("weekday", self.weekday.is_some()),
            ("nth", self.nth.is_some()),
            ("on_or_after", self.on_or_after.is_some()),
            ("easter", self.easter.is_some()),
            ("orthodox_easter", self.orthodox_easter.is_some()),
            ("hebrew", self.hebrew.is_some()),
            ("chinese", self.chinese.is_some()),
            ("equinox", self.equinox.is_some()),
            ("solar_term", self.solar_term.is_some()),
            ("between", self.between.is_some()),
            ("table", self.table.is_some()),
            ("thai", self.thai.is_some()),
        ]
        .into_iter()
        .filter_map(|(n, given)| given.then_some(n))
        .collect();

        if let Some(name) = &self.preset {
            let extra = [
                ("name", self.name.is_some()),
                ("observed", !self.observed.is_none()),
                ("from", self.from.is_some()),
                ("until", self.until.is_some()),
                ("move", self.moves.is_some()),
                ("not_on", self.not_on.is_some()),
                ("every", self.every.is_some()),
                ("offset", self.offset.is_some()),
                ("clash", self.clash.is_some()),
            ];
            if let Some(other) = shape
                .iter()
                .copied()
                .filter(|f| *f != "preset")
                .chain(extra.iter().filter(|e| e.1).map(|e| e.0))
                .next()
            {
                return Err(invalid(
                    &field(other),
                    other,
                    "no other field beside `preset` (a preset is included as a whole)",
                ));
            }
            return Ok(Compiled::Preset(name.clone()));
        }

        let name = self.name.clone().unwrap_or_default();
        let weekday = |w: &str| weekday_of(&field("weekday"), w);
        let kind = match (
            shape.as_slice(),
            &self.date,
            self.month,
            self.day,
            &self.weekday,
            self.nth,
            self.on_or_after,
            self.easter,
        ) {
            (["date"], Some(date), ..) => {
                for (f, v) in [("from", self.from), ("until", self.until)] {
                    if let Some(v) = v {
                        return Err(invalid(
                            &field(f),
                            v,
                            "no year range on a one-off `date` (it has its own year)",
                        ));
                    }
                }
                Kind::Date(parse_date(&field("date"), date)?)
            }
            (["month", "day"], _, Some(m), Some(d), ..) => {
                let month = month_of(&field("month"), m)?;
                Kind::Fixed {
                    month,
                    day: day_of(&field("day"), month, d)?,
                }
            }
            (["month", "weekday", "nth"], _, Some(m), _, Some(w), Some(n), ..) => {
                let month = month_of(&field("month"), m)?;
                let weekday = weekday(w)?;
                let nth = i8::try_from(n)
                    .ok()
                    .filter(|n| (1..=5).contains(n) || (-5..=-1).contains(n))
                    .ok_or_else(|| {
                        invalid(
                            &field("nth"),
                            n,
                            "1 to 5 (counted from the start of the month) or -1 to -5 \
                             (from its end; -1 is the last)",
                        )
                    })?;
                Kind::NthWeekday {
                    month,
                    weekday,
                    nth,
                }
            }
            (["weekday", "on_or_after"], _, _, _, Some(w), _, Some(md), _) => {
                let weekday = weekday(w)?;
                let month = month_of(&field("on_or_after.month"), md.month)?;
                Kind::OnOrAfter {
                    weekday,
                    month,
                    day: day_of(&field("on_or_after.day"), month, md.day)?,
                }
            }
            (["orthodox_easter"], ..) => {
                let offset = self.orthodox_easter.unwrap_or(0);
                if !(-EASTER_OFFSET_LIMIT..=EASTER_OFFSET_LIMIT).contains(&offset) {
                    return Err(invalid(
                        &field("orthodox_easter"),
                        offset,
                        format!(
                            "an offset from -{EASTER_OFFSET_LIMIT} to {EASTER_OFFSET_LIMIT} days"
                        ),
                    ));
                }
                Kind::OrthodoxEaster { offset }
            }
            (["hebrew"], ..) => {
                let md = self.hebrew.unwrap_or_default();
                let month = u32::try_from(md.month)
                    .ok()
                    .filter(|m| (1..=13).contains(m))
                    .ok_or_else(|| {
                        invalid(
                            &field("hebrew.month"),
                            md.month,
                            "a Hebrew month from 1 (Nisan) to 13 (Adar II)",
                        )
                    })?;
                let day = u32::try_from(md.day)
                    .ok()
                    .filter(|d| (1..=30).contains(d))
                    .ok_or_else(|| invalid(&field("hebrew.day"), md.day, "a day from 1 to 30"))?;
                Kind::Hebrew {
                    month,
                    day,
                    moves: WeekdayShifts::default(),
                }
            }
            (["table"], ..) => {
                let key = self.table.as_deref().unwrap_or_default();
                let table = super::table::index_of(&field("table"), key)?;
                let offset = offset_of(&field("offset"), self.offset)?;
                Kind::Table {
                    table,
                    offset,
                    moves: WeekdayShifts::default(),
                }
            }
            (["equinox"], ..) => match self.equinox {
                Some(e) => Kind::Equinox(e),
                None => return Err(invalid(path, "equinox", FORMS)),
            },
            (["solar_term"], ..) => match self.solar_term {
                Some(t) => Kind::SolarTerm(t),
                None => return Err(invalid(path, "solar_term", FORMS)),
            },
            (["between"], ..) => match self.between {
                Some(b) => Kind::Between(b),
                None => return Err(invalid(path, "between", FORMS)),
            },
            (["chinese"], ..) => {
                let date = self.chinese.unwrap_or_default();
                let month = u32::try_from(date.month)
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(|| {
                        invalid(&field("chinese.month"), date.month, "a month from 1 to 12")
                    })?;
                let day = u32::try_from(date.day)
                    .ok()
                    .filter(|d| (1..=30).contains(d))
                    .ok_or_else(|| {
                        invalid(&field("chinese.day"), date.day, "a day from 1 to 30")
                    })?;
                super::chinese::check()?;
                Kind::Chinese {
                    calendar: date.calendar,
                    month,
                    day,
                    offset: offset_of(&field("offset"), self.offset)?,
                    skip: 0,
                }
            }
            (["thai"], ..) => {
                let date = self.thai.unwrap_or_default();
                let month = u32::try_from(date.month)
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(|| {
                        invalid(&field("thai.month"), date.month, "a month from 1 to 12")
                    })?;
                let day = u32::try_from(date.day)
                    .ok()
                    .filter(|d| (1..=30).contains(d))
                    .ok_or_else(|| invalid(&field("thai.day"), date.day, "a day from 1 to 30"))?;
                super::thai::check()?;
                Kind::Thai {
                    month,
                    day,
                    later: date.later_in_leap_year,
                }
            }
            (["easter"], .., Some(offset)) => {
                if !(-EASTER_OFFSET_LIMIT..=EASTER_OFFSET_LIMIT).contains(&offset) {
                    return Err(invalid(
                        &field("easter"),
                        offset,
                        format!(
                            "an offset from -{EASTER_OFFSET_LIMIT} to {EASTER_OFFSET_LIMIT} days"
                        ),
                    ));
                }
                Kind::Easter { offset }
            }
            _ => {
                let given = if shape.is_empty() {
                    "(none)".to_owned()
                } else {
                    shape.join(" + ")
                };
                return Err(invalid(path, given, FORMS));
            }
        };
        let from = self.from.map(|y| year_of(&field("from"), y)).transpose()?;
        let until = self
            .until
            .map(|y| year_of(&field("until"), y))
            .transpose()?;
        if let (Some(a), Some(b)) = (from, until) {
            if b < a {
                return Err(invalid(
                    &field("until"),
                    b,
                    format!("a year not before `from` ({a})"),
                ));
            }
        }
        if let (Some(offset), false) = (
            self.offset,
            matches!(kind, Kind::Table { .. } | Kind::Chinese { .. }),
        ) {
            return Err(invalid(
                &field("offset"),
                offset,
                "`offset` only with `table` or `chinese` (an Easter rule counts its days in \
                 `easter`)",
            ));
        }
        let clash = self
            .clash
            .map(|c| super::clash::compile_on(&c, &kind, &field("clash")))
            .transpose()?;
        let kind = with_move(kind, self.moves, self.not_on.as_deref(), path)?;
        let every = self
            .every
            .map(|n| every_of(&field("every"), n, from))
            .transpose()?;
        Ok(Compiled::Rule(Rule {
            name,
            kind,
            observed: self.observed,
            from,
            until,
            every,
            clash,
        }))
    }
}

/// Turns a validated fixed-date kind into a moved one: `move` (shifts) and `not_on` (weekdays
/// on which the holiday is not kept) are accepted only with `month` + `day`. `path` names the
/// rule.
fn with_move(
    kind: Kind,
    moves: Option<WeekdayShifts>,
    not_on: Option<&[WeekdayKey]>,
    path: &str,
) -> Result<Kind, Error> {
    if moves.is_none() && not_on.is_none() {
        return Ok(kind);
    }
    let skip = not_on
        .unwrap_or(&[])
        .iter()
        .fold(0u8, |m, k| m | (1 << k.weekday().num_days_from_monday()));
    match kind {
        Kind::Fixed { month, day } => Ok(Kind::Moved {
            month,
            day,
            moves: moves.unwrap_or_default(),
            skip,
        }),
        Kind::Hebrew { month, day, .. } if not_on.is_none() => Ok(Kind::Hebrew {
            month,
            day,
            moves: moves.unwrap_or_default(),
        }),
        Kind::Table { table, offset, .. } if not_on.is_none() => Ok(Kind::Table {
            table,
            offset,
            moves: moves.unwrap_or_default(),
        }),
        Kind::Chinese {
            calendar,
            month,
            day,
            offset,
            ..
        } if moves.is_none() => Ok(Kind::Chinese {
            calendar,
            month,
            day,
            offset,
            skip,
        }),
        _ => {
            let (field, value) = match (moves, not_on) {
                (Some(m), _) => ("move", m.to_string()),
                (None, Some(n)) => (
                    "not_on",
                    n.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", "),
                ),
                (None, None) => ("move", String::new()),
            };
            Err(Error::InvalidValue {
                path: format!("{path}.{field}"),
                value,
                expected: if field == "move" {
                    "`move` only on a `month` + `day`, `hebrew` or `table` rule".to_owned()
                } else {
                    "`not_on` only on a `month` + `day` or `chinese` rule".to_owned()
                },
            })
        }
    }
}

/// Validates the `offset` of a table or Chinese-calendar rule (found at `path`; 0 when
/// absent): −60 to 60 days.
fn offset_of(path: &str, offset: Option<i64>) -> Result<i8, Error> {
    let offset = offset.unwrap_or(0);
    let limit = super::table::OFFSET_LIMIT;
    i8::try_from(offset)
        .ok()
        .filter(|o| (-limit..=limit).contains(&i64::from(*o)))
        .ok_or_else(|| {
            invalid(
                path,
                offset,
                format!("an offset from -{limit} to {limit} days"),
            )
        })
}

/// Largest accepted `every`.
const EVERY_LIMIT: i64 = 400;

/// Validates `every` (found at `path`): 1 to 400, and only with `from`, from which it counts.
fn every_of(path: &str, every: i64, from: Option<i32>) -> Result<u16, Error> {
    let n = u16::try_from(every)
        .ok()
        .filter(|n| (1..=EVERY_LIMIT).contains(&i64::from(*n)))
        .ok_or_else(|| Error::InvalidValue {
            path: path.to_owned(),
            value: every.to_string(),
            expected: format!("a cycle of 1 to {EVERY_LIMIT} years"),
        })?;
    if from.is_none() {
        return Err(Error::InvalidValue {
            path: path.to_owned(),
            value: every.to_string(),
            expected: "`every` together with `from`, the first year of the cycle".into(),
        });
    }
    Ok(n)
}
