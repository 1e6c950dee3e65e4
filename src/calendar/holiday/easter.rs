//! Western Easter and the days counted from an Easter Sunday: the leaf the Easter-based rules
//! (see [`super::rule`]) and the clashes with an Easter feast (see [`super::clash`]) both
//! read.

use chrono::{Days, NaiveDate};

/// Largest accepted distance, in days, of an Easter-based holiday from Easter Sunday. Easter
/// lies between March 22 and April 25, so ±200 days reach from early September of the year
/// before to mid-November: any real feast (Septuagesima −63, Corpus Christi +60, the Sacred
/// Heart +68) fits, and a rule's dates stay within a year of its Easter.
pub(crate) const EASTER_OFFSET_LIMIT: i64 = 200;

/// Western (Gregorian) Easter Sunday of `year`, by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher), valid for every proleptic Gregorian year; `None` outside chrono's
/// range.
pub fn easter(year: i32) -> Option<NaiveDate> {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `date` moved by `days` (negative: earlier); `None` out of chrono's range.
pub(crate) fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let n = Days::new(days.unsigned_abs());
    if days >= 0 {
        date.checked_add_days(n)
    } else {
        date.checked_sub_days(n)
    }
}
