//! The limits a calendar is checked against when it is built (the table in the
//! [module docs](super#limits-and-bounds)), and the checks of a combination's totals.

use super::{Calendar, Inner};
use crate::error::Error;

/// Most shifts one weekday (`hours.<day>`) or one exception date (`exceptions.<date>`) may
/// list. Every shift is an interval of each compiled year, so this bounds a year's size.
pub const MAX_SHIFTS_PER_DAY: usize = 16;

/// Most weekly shifts (those of `hours`, over the seven weekdays) the calendars of one
/// combination may have together (one zoned calendar has at most 7 × 16 = 112).
pub const MAX_WEEKLY_SHIFTS: usize = 128;

/// Most holiday rules and dates one calendar may have, built-in presets expanded (a preset
/// counts its rules), all the calendars of a combination counted together.
pub const MAX_HOLIDAY_RULES: usize = 1_000;

/// Most exception dates one calendar may have, all the calendars of a combination counted
/// together.
pub const MAX_EXCEPTIONS: usize = 500;

/// Most special-hours rules one calendar may have, all the calendars of a combination counted
/// together. A monthly rule gives twelve dates a year, each compiled with its year, and every
/// rule's `from`/`until` makes years around it computed on their own.
pub const MAX_SPECIAL_HOURS_RULES: usize = 100;

/// Most zoned calendars one union, intersection or difference may combine, counted over all
/// its levels (a union of two differences of three calendars each combines six).
pub const MAX_COMBINED_CALENDARS: usize = 16;

/// Deepest nesting of unions, intersections and differences (a difference of a union of
/// zoned calendars is 2 deep).
pub const MAX_NESTING_DEPTH: usize = 8;

pub(super) fn too_deep(path: String, depth: usize) -> Error {
    Error::InvalidValue {
        path,
        value: format!("combinations nested {depth} deep"),
        expected: format!(
            "unions, intersections and differences nested at most {MAX_NESTING_DEPTH} deep"
        ),
    }
}

pub(super) fn too_many(path: String, calendars: usize) -> Error {
    Error::InvalidValue {
        path,
        value: format!("{calendars} calendars"),
        expected: format!("at most {MAX_COMBINED_CALENDARS} zoned calendars in one combination, all levels counted"),
    }
}

/// Checks the limits of a combination of `members` (found at `path`).
pub(super) fn check_combined(path: &str, members: &[Calendar]) -> Result<(), Error> {
    let calendars: usize = members.iter().map(|m| m.inner.calendars).sum();
    if calendars > MAX_COMBINED_CALENDARS {
        return Err(too_many(path.to_owned(), calendars));
    }
    let depth = 1 + members.iter().map(|m| m.inner.depth).max().unwrap_or(0);
    if depth > MAX_NESTING_DEPTH {
        return Err(too_deep(path.to_owned(), depth));
    }
    let total = |f: fn(&Inner) -> usize| members.iter().map(|m| f(&m.inner)).sum::<usize>();
    for (count, limit, what) in [
        (
            total(|i| i.weekly_shifts),
            MAX_WEEKLY_SHIFTS,
            "weekly shifts",
        ),
        (total(|i| i.rules), MAX_HOLIDAY_RULES, "holiday rules"),
        (total(|i| i.exceptions), MAX_EXCEPTIONS, "exception dates"),
        (
            total(|i| i.special_rules),
            MAX_SPECIAL_HOURS_RULES,
            "special-hours rules",
        ),
    ] {
        if count > limit {
            return Err(Error::InvalidValue {
                path: path.to_owned(),
                value: format!("{count} {what}"),
                expected: format!(
                    "at most {limit} {what}, all the calendars of a combination counted together"
                ),
            });
        }
    }
    Ok(())
}
