//! The validators of single fields of a holiday rule (month, day, weekday, year, `offset`,
//! `every`), each returning the value or an error naming the value, with a path relative to
//! it (empty): the rule adds the field's name with [`at`].

use chrono::Weekday;

use crate::error::Error;
use crate::time::WeekdayKey;

/// Puts the field `segment` in front of an error's path: `month_of(m).map_err(at("month"))`.
pub(super) fn at(segment: &str) -> impl FnOnce(Error) -> Error + '_ {
    move |e| e.at(segment)
}

pub(super) fn invalid(path: &str, value: impl ToString, expected: impl Into<String>) -> Error {
    Error::InvalidValue {
        path: path.to_owned(),
        value: value.to_string(),
        expected: expected.into(),
    }
}

pub(super) fn month_of(m: i64) -> Result<u32, Error> {
    u32::try_from(m)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| invalid("", m, "a month from 1 to 12"))
}

/// The longest a month can be (February: 29).
fn max_days(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub(super) fn day_of(month: u32, d: i64) -> Result<u32, Error> {
    let max = max_days(month);
    u32::try_from(d)
        .ok()
        .filter(|d| (1..=max).contains(d))
        .ok_or_else(|| invalid("", d, format!("a day from 1 to {max} for month {month}")))
}

pub(super) fn weekday_of(s: &str) -> Result<Weekday, Error> {
    s.parse::<WeekdayKey>()
        .map(WeekdayKey::weekday)
        .map_err(|_| Error::UnknownWeekday {
            path: String::new(),
            input: s.to_owned(),
        })
}

/// Smallest and largest years chrono represents; `from`/`until` must lie between them.
const YEAR_LIMITS: (i32, i32) = (-262_143, 262_142);

pub(super) fn year_of(y: i64) -> Result<i32, Error> {
    i32::try_from(y)
        .ok()
        .filter(|y| (YEAR_LIMITS.0..=YEAR_LIMITS.1).contains(y))
        .ok_or_else(|| {
            invalid(
                "",
                y,
                format!("a year from {} to {}", YEAR_LIMITS.0, YEAR_LIMITS.1),
            )
        })
}

/// Validates the `offset` of a table or Chinese-calendar rule (0 when absent): −60 to 60
/// days.
pub(super) fn offset_of(offset: Option<i64>) -> Result<i8, Error> {
    let offset = offset.unwrap_or(0);
    let limit = super::table::OFFSET_LIMIT;
    i8::try_from(offset)
        .ok()
        .filter(|o| (-limit..=limit).contains(&i64::from(*o)))
        .ok_or_else(|| {
            invalid(
                "",
                offset,
                format!("an offset from -{limit} to {limit} days"),
            )
        })
}

/// Largest accepted `every`.
const EVERY_LIMIT: i64 = 400;

/// Validates `every`: 1 to 400, and only with `from`, from which it counts.
pub(super) fn every_of(every: i64, from: Option<i32>) -> Result<u16, Error> {
    let n = u16::try_from(every)
        .ok()
        .filter(|n| (1..=EVERY_LIMIT).contains(&i64::from(*n)))
        .ok_or_else(|| Error::InvalidValue {
            path: String::new(),
            value: every.to_string(),
            expected: format!("a cycle of 1 to {EVERY_LIMIT} years"),
        })?;
    if from.is_none() {
        return Err(Error::InvalidValue {
            path: String::new(),
            value: every.to_string(),
            expected: "`every` together with `from`, the first year of the cycle".into(),
        });
    }
    Ok(n)
}
