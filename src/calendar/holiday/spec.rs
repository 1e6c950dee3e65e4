//! The configuration forms of a holiday (`HolidaySpec`, `HolidayRule`, `MonthDay`) as they
//! deserialize; their validation into rules is in `compile.rs`.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::clash::EasterClash;
use super::observance::Observance;
use super::shift::WeekdayShifts;
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
