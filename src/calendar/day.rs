//! Local days: the day numbers (days since 1970-01-01) the compiled calendars count in, and
//! the shift spans of one local day. A leaf: the zoned calendar, special hours and business
//! days all read it.

use chrono::{Datelike, NaiveDate};

/// Shift spans in seconds from the start of their own local date (end may exceed a day).
pub(crate) type Spans = Vec<(i64, i64)>;

/// Unix epoch as a day number from the Common Era (chrono's `num_days_from_ce`).
const EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// The local date of a day number (days since 1970-01-01), if chrono can represent it.
pub(crate) fn date_of_day(day: i64) -> Option<NaiveDate> {
    let ce = i32::try_from(day.checked_add(EPOCH_DAYS_FROM_CE)?).ok()?;
    NaiveDate::from_num_days_from_ce_opt(ce)
}

/// The day number (days since 1970-01-01) of a date.
pub(crate) fn day_of_date(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - EPOCH_DAYS_FROM_CE
}

/// Monday = 0 … Sunday = 6 of a day number.
pub(crate) fn weekday_index(day: i64) -> usize {
    // 1970-01-01 was a Thursday; the result is in 0..7.
    (day + 3).rem_euclid(7) as usize
}
