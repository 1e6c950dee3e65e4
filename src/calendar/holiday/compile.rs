//! The validation of a holiday rule object ([`HolidayRule`]) into a rule: which combination
//! of fields selects which kind of rule, and the checks of the fields that go with it.

use super::clash::{Clash, EasterClash};
use super::easter::EASTER_OFFSET_LIMIT;
use super::fields::{at, day_of, every_of, invalid, month_of, offset_of, weekday_of, year_of};
use super::rule::{Kind, Rule};
use super::shift::WeekdayShifts;
use super::spec::HolidayRule;
use crate::error::Error;
use crate::time::{parse_date, WeekdayKey};

const FORMS: &str = "one of: `date`; `month` + `day`; `month` + `weekday` + `nth`; \
                     `weekday` + `on_or_after`; `easter`; `orthodox_easter`; `hebrew`; `chinese`; `equinox`; `solar_term`; `between`; `table`; `thai`; `preset`";

/// What a rule object contributes: its own rule or a preset's name.
pub(crate) enum Compiled {
    Rule(Rule),
    Preset(String),
}

impl HolidayRule {
    /// Validates this rule object. Error paths are relative to it (`month`,
    /// `on_or_after.day`; empty for the object as a whole): the list it is in adds its index.
    pub(crate) fn compile(&self) -> Result<Compiled, Error> {
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
                    other,
                    other,
                    "no other field beside `preset` (a preset is included as a whole)",
                ));
            }
            return Ok(Compiled::Preset(name.clone()));
        }

        let name = self.name.clone().unwrap_or_default();
        let weekday = |w: &str| weekday_of(w).map_err(at("weekday"));
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
                            f,
                            v,
                            "no year range on a one-off `date` (it has its own year)",
                        ));
                    }
                }
                Kind::Date(parse_date("date", date)?)
            }
            (["month", "day"], _, Some(m), Some(d), ..) => {
                let month = month_of(m).map_err(at("month"))?;
                Kind::Fixed {
                    month,
                    day: day_of(month, d).map_err(at("day"))?,
                }
            }
            (["month", "weekday", "nth"], _, Some(m), _, Some(w), Some(n), ..) => {
                let month = month_of(m).map_err(at("month"))?;
                let weekday = weekday(w)?;
                let nth = i8::try_from(n)
                    .ok()
                    .filter(|n| (1..=5).contains(n) || (-5..=-1).contains(n))
                    .ok_or_else(|| {
                        invalid(
                            "nth",
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
                let month = month_of(md.month).map_err(at("on_or_after.month"))?;
                Kind::OnOrAfter {
                    weekday,
                    month,
                    day: day_of(month, md.day).map_err(at("on_or_after.day"))?,
                }
            }
            (["orthodox_easter"], ..) => {
                let offset = self.orthodox_easter.unwrap_or(0);
                if !(-EASTER_OFFSET_LIMIT..=EASTER_OFFSET_LIMIT).contains(&offset) {
                    return Err(invalid(
                        "orthodox_easter",
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
                            "hebrew.month",
                            md.month,
                            "a Hebrew month from 1 (Nisan) to 13 (Adar II)",
                        )
                    })?;
                let day = u32::try_from(md.day)
                    .ok()
                    .filter(|d| (1..=30).contains(d))
                    .ok_or_else(|| invalid("hebrew.day", md.day, "a day from 1 to 30"))?;
                Kind::Hebrew {
                    month,
                    day,
                    moves: WeekdayShifts::default(),
                }
            }
            (["table"], ..) => {
                let key = self.table.as_deref().unwrap_or_default();
                let table = super::table::index_of(key).map_err(at("table"))?;
                let offset = offset_of(self.offset).map_err(at("offset"))?;
                Kind::Table {
                    table,
                    offset,
                    moves: WeekdayShifts::default(),
                }
            }
            (["equinox"], ..) => match self.equinox {
                Some(e) => Kind::Equinox(e),
                None => return Err(invalid("", "equinox", FORMS)),
            },
            (["solar_term"], ..) => match self.solar_term {
                Some(t) => Kind::SolarTerm(t),
                None => return Err(invalid("", "solar_term", FORMS)),
            },
            (["between"], ..) => match self.between {
                Some(b) => Kind::Between(b),
                None => return Err(invalid("", "between", FORMS)),
            },
            (["chinese"], ..) => {
                let date = self.chinese.unwrap_or_default();
                let month = u32::try_from(date.month)
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(|| invalid("chinese.month", date.month, "a month from 1 to 12"))?;
                let day = u32::try_from(date.day)
                    .ok()
                    .filter(|d| (1..=30).contains(d))
                    .ok_or_else(|| invalid("chinese.day", date.day, "a day from 1 to 30"))?;
                super::chinese::check()?;
                Kind::Chinese {
                    calendar: date.calendar,
                    month,
                    day,
                    offset: offset_of(self.offset).map_err(at("offset"))?,
                    skip: 0,
                }
            }
            (["thai"], ..) => {
                let date = self.thai.unwrap_or_default();
                let month = u32::try_from(date.month)
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(|| invalid("thai.month", date.month, "a month from 1 to 12"))?;
                let day = u32::try_from(date.day)
                    .ok()
                    .filter(|d| (1..=30).contains(d))
                    .ok_or_else(|| invalid("thai.day", date.day, "a day from 1 to 30"))?;
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
                        "easter",
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
                return Err(invalid("", given, FORMS));
            }
        };
        let from = self
            .from
            .map(|y| year_of(y).map_err(at("from")))
            .transpose()?;
        let until = self
            .until
            .map(|y| year_of(y).map_err(at("until")))
            .transpose()?;
        if let (Some(a), Some(b)) = (from, until) {
            if b < a {
                return Err(invalid(
                    "until",
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
                "offset",
                offset,
                "`offset` only with `table` or `chinese` (an Easter rule counts its days in \
                 `easter`)",
            ));
        }
        let clash = self
            .clash
            .map(|c| clash_on(&c, &kind).map_err(at("clash")))
            .transpose()?;
        let kind = with_move(kind, self.moves, self.not_on.as_deref())?;
        let every = self
            .every
            .map(|n| every_of(n, from).map_err(at("every")))
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

/// Validates `clash` for a rule of `kind` (error paths relative to the clash): only a fixed
/// day (moved or not), an nth weekday or a weekday on or after a day can clash with Easter.
fn clash_on(clash: &EasterClash, kind: &Kind) -> Result<Clash, Error> {
    match kind {
        Kind::Fixed { .. } | Kind::NthWeekday { .. } | Kind::OnOrAfter { .. } => clash.compile(),
        _ => Err(invalid(
            "",
            "clash",
            "`clash` only on a `month` + `day`, `month` + `weekday` + `nth` or `weekday` + \
             `on_or_after` rule",
        )),
    }
}

/// Turns a validated fixed-date kind into a moved one: `move` (shifts) and `not_on` (weekdays
/// on which the holiday is not kept) are accepted only with `month` + `day`. Error paths are
/// relative to the rule.
fn with_move(
    kind: Kind,
    moves: Option<WeekdayShifts>,
    not_on: Option<&[WeekdayKey]>,
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
                path: field.to_owned(),
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
