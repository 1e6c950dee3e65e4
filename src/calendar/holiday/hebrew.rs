//! The Hebrew calendar, by its arithmetic rules (exact: the fixed calendar of Hillel II, as in
//! Reingold and Dershowitz, *Calendrical Calculations*), for holidays on a Hebrew date
//! (`{"hebrew": {"month": 7, "day": 1}}`: Rosh Hashanah).
//!
//! Months are numbered from Nisan: 1 Nisan, 2 Iyar, 3 Sivan, 4 Tammuz, 5 Av, 6 Elul,
//! 7 Tishrei, 8 Heshvan, 9 Kislev, 10 Tevet, 11 Shevat, 12 Adar (Adar I in a leap year),
//! 13 Adar II (leap years only). The Hebrew year begins on 1 Tishrei.

use chrono::{Datelike, NaiveDate};

use super::shift::WeekdayShifts;

/// Day number (chrono's days from the common era, 0001-01-01 = 1) of the Hebrew epoch,
/// 7 October 3761 BCE (Julian).
const EPOCH: i64 = -1_373_427;

fn is_leap(year: i64) -> bool {
    (7 * year + 1).rem_euclid(19) < 7
}

/// Days from the epoch to the molad of Tishrei of `year`, with the first postponement.
fn elapsed_days(year: i64) -> i64 {
    let months = (235 * year - 234).div_euclid(19);
    let parts = 12_084 + 13_753 * months;
    let days = 29 * months + parts.div_euclid(25_920);
    if (3 * (days + 1)).rem_euclid(7) < 3 {
        days + 1
    } else {
        days
    }
}

/// The delay of the new year by the remaining postponements.
fn year_length_correction(year: i64) -> i64 {
    let ny0 = elapsed_days(year - 1);
    let ny1 = elapsed_days(year);
    let ny2 = elapsed_days(year + 1);
    if ny2 - ny1 == 356 {
        2
    } else if ny1 - ny0 == 382 {
        1
    } else {
        0
    }
}

/// Day number of 1 Tishrei of `year`.
fn new_year(year: i64) -> i64 {
    EPOCH + elapsed_days(year) + year_length_correction(year)
}

fn days_in_year(year: i64) -> i64 {
    new_year(year + 1) - new_year(year)
}

fn last_month(year: i64) -> u32 {
    if is_leap(year) {
        13
    } else {
        12
    }
}

fn days_in_month(month: u32, year: i64) -> u32 {
    let length = days_in_year(year);
    let short = match month {
        2 | 4 | 6 | 10 | 13 => true,
        12 => !is_leap(year),
        8 => !matches!(length, 355 | 385),
        9 => matches!(length, 353 | 383),
        _ => false,
    };
    if short {
        29
    } else {
        30
    }
}

/// Day number of `day` `month` `year` (Hebrew), or `None` when that date does not exist (Adar
/// II in a common year, a 30th in a 29-day month).
fn day_number(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1..=last_month(year)).contains(&month) || !(1..=days_in_month(month, year)).contains(&day)
    {
        return None;
    }
    let months: Vec<u32> = if month < 7 {
        (7..=last_month(year)).chain(1..month).collect()
    } else {
        (7..month).collect()
    };
    let before: i64 = months
        .into_iter()
        .map(|m| i64::from(days_in_month(m, year)))
        .sum();
    Some(new_year(year) + before + i64::from(day) - 1)
}

/// The Gregorian dates of Hebrew `month`/`day` in Gregorian `year` (zero, one or — for a date
/// in Tevet or Shevat — two), each moved by `moves` (which may carry it into a neighbouring
/// year).
pub(crate) fn dates_in(month: u32, day: u32, moves: WeekdayShifts, year: i32) -> Vec<NaiveDate> {
    let y = i64::from(year);
    // Gregorian year Y holds the end of Hebrew year Y + 3760 and the start of Y + 3761.
    [y + 3760, y + 3761]
        .into_iter()
        .filter_map(|hy| day_number(hy, month, day))
        .filter_map(|n| NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?))
        .filter(|d| d.year() == year)
        .filter_map(|d| moves.apply(d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as d;

    #[test]
    fn known_hebrew_dates() {
        let none = WeekdayShifts::default();
        // Rosh Hashanah (1 Tishrei).
        for (y, m, day) in [
            (2000, 9, 30),
            (2023, 9, 16),
            (2024, 10, 3),
            (2025, 9, 23),
            (2035, 10, 4),
            (2075, 9, 10),
        ] {
            assert_eq!(dates_in(7, 1, none, y), [d(y, m, day)], "{y}");
        }
        // Passover (15 Nisan) and Yom Kippur (10 Tishrei).
        assert_eq!(dates_in(1, 15, none, 2024), [d(2024, 4, 23)]);
        assert_eq!(dates_in(1, 15, none, 2025), [d(2025, 4, 13)]);
        assert_eq!(dates_in(7, 10, none, 2024), [d(2024, 10, 12)]);
        // Hanukkah (25 Kislev) and Adar II only in leap years (5784 = 2024 was one).
        assert_eq!(dates_in(9, 25, none, 2024), [d(2024, 12, 26)]);
        assert_eq!(dates_in(13, 14, none, 2024), [d(2024, 3, 24)]); // Purim 5784
        assert_eq!(dates_in(13, 14, none, 2025), []);
        assert_eq!(dates_in(12, 14, none, 2025), [d(2025, 3, 14)]); // Purim 5785
                                                                    // A date in Tevet can fall twice in one Gregorian year (early January and late
                                                                    // December).
        assert!((1..=29).any(|day| (1990..2100).any(|y| dates_in(10, day, none, y).len() == 2)));
    }

    #[test]
    fn hebrew_rules_validate_and_move() {
        use crate::calendar::{HolidaySpec, Holidays};
        let build = |json: &str| {
            let specs: Vec<HolidaySpec> = serde_json::from_str(json).unwrap();
            Holidays::from_specs(&specs).map_err(|e| e.at("holidays"))
        };
        // Israel's Independence Day (5 Iyar), moved off Friday/Saturday to Thursday and off
        // Monday to Tuesday: 5 Iyar 5785 was Saturday 3 May 2025, held Thursday 1 May.
        let h = build(
            r#"[{"name": "Independence Day", "hebrew": {"month": 2, "day": 5},
                 "move": {"fri": -1, "sat": -2, "mon": 1}}]"#,
        )
        .unwrap();
        assert_eq!(h.dates_in_year(2025), [d(2025, 5, 1)]);
        assert!(!h.is_periodic());
        for (json, message) in [
            (
                r#"[{"hebrew": {"month": 14, "day": 1}}]"#,
                "holidays[0].hebrew.month: invalid value `14`: expected a Hebrew month from 1 \
                 (Nisan) to 13 (Adar II)",
            ),
            (
                r#"[{"hebrew": {"month": 7, "day": 31}}]"#,
                "holidays[0].hebrew.day: invalid value `31`: expected a day from 1 to 30",
            ),
            (
                r#"[{"hebrew": {"month": 7, "day": 1}, "not_on": ["sat"]}]"#,
                "holidays[0].not_on: invalid value `sat`: expected `not_on` only on a `month` + \
                 `day` or `chinese` rule",
            ),
        ] {
            assert_eq!(build(json).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn year_lengths_are_the_six_possible_ones() {
        for y in 5700..5900 {
            assert!(
                matches!(days_in_year(y), 353 | 354 | 355 | 383 | 384 | 385),
                "{y}"
            );
        }
    }
}
