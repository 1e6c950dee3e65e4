//! The arithmetic (tabular) Islamic calendar: 30-year cycles of 354- and 355-day years, months
//! alternating 30 and 29 days, from the civil epoch 16 July 622 (Julian); leap years 2, 5, 7,
//! 10, 13, 16, 18, 21, 24, 26 and 29 of each cycle (Reingold and Dershowitz, *Calendrical
//! Calculations*). The real dates of Islamic holidays follow the sighting of the moon or an
//! announcement and may differ by a day or two: a date table carries this calendar only as an
//! estimate beyond its published years.

use chrono::{Datelike, NaiveDate};

/// Day number (chrono's days from the common era, 0001-01-01 = 1) of 1 Muharram 1 AH.
const EPOCH: i64 = 227_015;

/// Day number of `day` `month` `year` AH, for a month 1 to 12 and a day 1 to 30.
fn day_number(year: i64, month: i64, day: i64) -> i64 {
    day + 29 * (month - 1)
        + (6 * month - 1).div_euclid(11)
        + (year - 1) * 354
        + (3 + 11 * year).div_euclid(30)
        + EPOCH
        - 1
}

/// The Gregorian dates of Hijri `month`/`day` in Gregorian `year` (one, or two when a
/// Gregorian year holds the date of two Islamic years).
pub(crate) fn dates_in(month: u32, day: u32, year: i32) -> Vec<NaiveDate> {
    // The Islamic year that begins in Gregorian `year`, roughly.
    let approx = (i64::from(year) - 622) * 33 / 32;
    (approx - 1..=approx + 2)
        .filter(|iy| *iy >= 1)
        .map(|iy| day_number(iy, i64::from(month), i64::from(day)))
        .filter_map(|n| NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?))
        .filter(|d| d.year() == year)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as d;

    #[test]
    fn tabular_dates_within_a_day_of_the_announced_ones() {
        // 1 Shawwal (Eid al-Fitr): announced in Malaysia 2024-04-10 and 2025-03-31.
        assert_eq!(dates_in(10, 1, 2024), [d(2024, 4, 10)]);
        assert_eq!(dates_in(10, 1, 2025), [d(2025, 3, 31)]);
        // 1 Muharram 1446 AH: announced 2024-07-07, tabular one day later; 1 AH began on
        // 622-07-19 (proleptic Gregorian).
        assert_eq!(dates_in(1, 1, 2024), [d(2024, 7, 8)]);
        assert_eq!(dates_in(1, 1, 622), [d(622, 7, 19)]);
        // Two Eids al-Fitr in 2000 (the Islamic year is about 11 days shorter).
        assert_eq!(dates_in(10, 1, 2000), [d(2000, 1, 8), d(2000, 12, 28)]);
        // Far beyond any table: one or two dates a year.
        assert!((2078..2500).all(|y| (1..=2).contains(&dates_in(12, 10, y).len())));
    }
}
