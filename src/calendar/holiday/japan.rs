//! Two rule forms that Japan's holiday law needs: the equinox days by the formula the
//! National Astronomical Observatory of Japan's dates follow (`{"equinox": "march"}`), and
//! the citizens' holiday (国民の休日), a day between two holidays (`{"between":
//! "holidays"}`). The forms are registered in [`super::spec`]; the equinox is evaluated here,
//! the day between holidays by the holiday computation of a year (it depends on the other
//! rules' dates).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which equinox an `equinox` rule gives, as a date in Japan Standard Time (UTC+9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Equinox {
    /// `"march"`: the vernal equinox (Japan's Vernal Equinox Day).
    March,
    /// `"september"`: the autumnal equinox (Japan's Autumnal Equinox Day).
    September,
}

/// What a `between` rule's day lies between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Between {
    /// `"holidays"`: a day that is not itself a holiday and whose day before and day after
    /// are holidays by their own dates (not observed or substitute days, nor another such
    /// day): Japan's citizens' holiday (国民の休日), as 22 September 2015 between Respect
    /// for the Aged Day and Autumnal Equinox Day.
    Holidays,
}

/// The years the equinox formula covers.
pub(crate) const EQUINOX_YEARS: (i32, i32) = (1900, 2099);

/// The day of the month of `equinox` in `year` (JST), by the formula
/// `int(C + 0.242194 × (year − 1980) − int((year − Y0) / 4))`, with `C` = 20.8357 (March) or
/// 23.2588 (September) and `Y0` = 1983 for 1900–1979, and `C` = 20.8431 or 23.2488 and
/// `Y0` = 1980 for 1980–2099; `None` outside those years. Computed in millionths, so
/// exactly.
pub(crate) fn equinox(equinox: Equinox, year: i32) -> Option<NaiveDate> {
    let (c, y0) = match (equinox, year) {
        (_, y) if !(EQUINOX_YEARS.0..=EQUINOX_YEARS.1).contains(&y) => return None,
        (Equinox::March, ..=1979) => (20_835_700, 1983),
        (Equinox::September, ..=1979) => (23_258_800, 1983),
        (Equinox::March, _) => (20_843_100, 1980),
        (Equinox::September, _) => (23_248_800, 1980),
    };
    let y = i64::from(year);
    // `int` truncates towards zero; within the years covered the total is positive.
    let leap_days = (y - y0) / 4;
    let millionths = c + 242_194 * (y - 1980) - leap_days * 1_000_000;
    let day = u32::try_from(millionths / 1_000_000).ok()?;
    let month = match equinox {
        Equinox::March => 3,
        Equinox::September => 9,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as d;

    #[test]
    fn equinox_days_by_the_formula() {
        // 2024: 20.8431 + 0.242194 × 44 − 11 = 20.49…: 20 March; 23.2488 + 10.656… − 11 =
        // 22.90…: 22 September.
        assert_eq!(equinox(Equinox::March, 2024), Some(d(2024, 3, 20)));
        assert_eq!(equinox(Equinox::September, 2024), Some(d(2024, 9, 22)));
        // 2023: 20.8431 + 10.414… − 10 = 21.25…: 21 March; 23.2488 + 10.414… − 10 = 23.66…
        assert_eq!(equinox(Equinox::March, 2023), Some(d(2023, 3, 21)));
        assert_eq!(equinox(Equinox::September, 2023), Some(d(2023, 9, 23)));
        // 2092: 20.8431 + 27.125… − 28 = 19.96…: 19 March.
        assert_eq!(equinox(Equinox::March, 2092), Some(d(2092, 3, 19)));
        // 1979: 23.2588 + 0.242194 × −1 − int(−4 / 4) = 24.01…: 24 September.
        assert_eq!(equinox(Equinox::September, 1979), Some(d(1979, 9, 24)));
        assert_eq!(equinox(Equinox::March, 2100), None);
        assert_eq!(equinox(Equinox::March, 1899), None);
    }

    fn build(json: &str) -> crate::calendar::Holidays {
        let specs: Vec<crate::calendar::HolidaySpec> = serde_json::from_str(json).unwrap();
        crate::calendar::Holidays::from_specs(&specs).unwrap()
    }

    fn err(json: &str) -> String {
        match serde_json::from_str::<Vec<crate::calendar::HolidaySpec>>(json) {
            Ok(specs) => crate::calendar::Holidays::from_specs(&specs)
                .map_err(|e| e.at("holidays"))
                .unwrap_err()
                .to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_day_between_two_holidays_is_a_holiday() {
        // September 2015: Respect for the Aged Day Monday 21, Autumnal Equinox Day Wednesday
        // 23 (the formula: 23.2488 + 0.242194 × 35 − 8 = 23.72…), so Tuesday 22 lies between.
        let h = build(
            r#"[{"name": "Respect for the Aged Day", "month": 9, "weekday": "mon", "nth": 3},
                {"name": "Autumnal Equinox Day", "equinox": "september"},
                {"name": "National Holiday", "between": "holidays", "from": 2007}]"#,
        );
        assert_eq!(
            h.dates_in_year(2015),
            [d(2015, 9, 21), d(2015, 9, 22), d(2015, 9, 23)]
        );
        assert_eq!(h.in_year(2015)[1].name, "National Holiday");
        // 2016: Monday 19 and Thursday 22: nothing between.
        assert_eq!(h.dates_in_year(2016), [d(2016, 9, 19), d(2016, 9, 22)]);
        // Before `from`, no day between.
        assert_eq!(h.dates_in_year(2004).len(), 2);
        assert_eq!(h.dates_in_year(2004), [d(2004, 9, 20), d(2004, 9, 23)]);
    }

    #[test]
    fn observed_days_are_not_holidays_to_be_between() {
        // Sunday 2 August 2026 observed on Monday 3; Wednesday 5 a holiday: Tuesday 4 lies
        // between an observed day and a holiday, and is no holiday.
        let h = build(
            r#"[{"name": "A", "date": "2026-08-02", "observed": "sunday_substitute"},
                {"name": "B", "date": "2026-08-05"},
                {"name": "National Holiday", "between": "holidays"}]"#,
        );
        assert_eq!(
            h.dates_in_year(2026),
            [d(2026, 8, 2), d(2026, 8, 3), d(2026, 8, 5)]
        );
        // A substitute day skips a day between holidays: Sunday 3 May 2026, Monday 4 and
        // Wednesday 6 holidays with Tuesday 5 between them → the substitute is Thursday 7.
        let h = build(
            r#"[{"name": "A", "date": "2026-05-03", "observed": "sunday_substitute"},
                {"name": "B", "date": "2026-05-04"},
                {"name": "C", "date": "2026-05-06"},
                {"name": "N", "between": "holidays"}]"#,
        );
        assert!(h.contains(d(2026, 5, 5)) && h.contains(d(2026, 5, 7)));
    }

    #[test]
    fn bad_forms_name_path_and_value() {
        assert!(err(r#"[{"name": "X", "equinox": "june"}]"#)
            .contains("unknown variant `june`, expected `march` or `september`"));
        assert!(err(r#"[{"name": "X", "between": "weekends"}]"#)
            .contains("unknown variant `weekends`, expected `holidays`"));
        assert_eq!(
            err(r#"[{"name": "X", "equinox": "march", "month": 3}]"#),
            "holidays[0]: invalid value `month + equinox`: expected one of: `date`; `month` + \
             `day`; `month` + `weekday` + `nth`; `weekday` + `on_or_after`; `easter`; \
             `orthodox_easter`; `hebrew`; `chinese`; `equinox`; `solar_term`; `between`; `table`; `thai`; `preset`"
        );
        assert_eq!(
            err(r#"[{"name": "X", "equinox": "march", "offset": 1}]"#),
            "holidays[0].offset: invalid value `1`: expected `offset` only with `table` or \
             `chinese` (an Easter rule counts its days in `easter`)"
        );
    }

    #[test]
    fn listing_states_the_formula_years() {
        let jp = crate::calendar::Holidays::preset_info("jp").unwrap();
        let equinox = jp
            .holidays
            .iter()
            .find(|h| h.name == "Vernal Equinox Day")
            .unwrap();
        assert_eq!((equinox.from, equinox.until), (Some(1900), Some(2099)));
    }
}
