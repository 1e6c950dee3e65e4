//! Orthodox (Julian) Easter, the base of the Eastern Orthodox movable feasts.

use chrono::{Days, NaiveDate};

/// Orthodox Easter Sunday of `year` as a Gregorian date: the Julian Easter by Meeus's Julian
/// algorithm, moved by the Julian calendar's lag behind the Gregorian (13 days from March 1900
/// to February 2100, one more each century not divisible by 400). Valid for every year from
/// 1583 on; `None` before the Gregorian reform and outside chrono's range.
pub fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    if year < 1583 {
        return None;
    }
    let y = i64::from(year);
    let a = y.rem_euclid(4);
    let b = y.rem_euclid(7);
    let c = y.rem_euclid(19);
    let d = (19 * c + 15).rem_euclid(30);
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = u32::try_from((d + e + 114) / 31).ok()?;
    let day = u32::try_from((d + e + 114) % 31 + 1).ok()?;
    // The Julian date read as Gregorian, then the lag: March–April dates, so the century
    // rule of the year itself applies.
    let lag = u64::try_from(y / 100 - y / 400 - 2).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)?.checked_add_days(Days::new(lag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_orthodox_easters() {
        for (y, m, d) in [
            (2000, 4, 30),
            (2008, 4, 27),
            (2010, 4, 4), // same day as Western Easter
            (2024, 5, 5),
            (2025, 4, 20),
            (2026, 4, 12),
            (2075, 4, 7),
            (2100, 5, 2),
        ] {
            assert_eq!(orthodox_easter(y), NaiveDate::from_ymd_opt(y, m, d), "{y}");
        }
        assert_eq!(orthodox_easter(1582), None);
        assert_eq!(orthodox_easter(i32::MAX), None);
    }
}
