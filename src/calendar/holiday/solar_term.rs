//! Solar terms of the Chinese calendar as holidays (`{"solar_term": "qingming"}`): the day
//! the Sun reaches a given ecliptic longitude, in China Standard Time (UTC+8), by the widely
//! published day formula `int(Y × 0.2422 + C) − int(Y / 4)` (`Y` the year within its
//! century), which agrees with the Hong Kong Observatory's published dates for 1901–2099.
//! Outside those years a rule gives no date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A solar term that a holiday keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SolarTerm {
    /// `"qingming"` (清明, the Sun at 15°, 4 to 6 April): Tomb-Sweeping Day in China, Hong
    /// Kong and Taiwan.
    Qingming,
}

/// The years the formula covers.
pub(crate) const YEARS: (i32, i32) = (1901, 2099);

/// The date of `term` in `year` (UTC+8), or `None` outside [`YEARS`].
pub(crate) fn date(term: SolarTerm, year: i32) -> Option<NaiveDate> {
    if !(YEARS.0..=YEARS.1).contains(&year) {
        return None;
    }
    // The constant C in ten-thousandths, per century (1901–2000 counts Y from 1900).
    let (month, c, century) = match (term, year) {
        (SolarTerm::Qingming, ..=2000) => (4, 55_900, 1900),
        (SolarTerm::Qingming, _) => (4, 48_100, 2000),
    };
    let y = i64::from(year) - century;
    let day = (y * 2_422 + c) / 10_000 - y / 4;
    NaiveDate::from_ymd_opt(year, month, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as d;

    #[test]
    fn qingming_by_the_formula() {
        // 2024: int(24 × 0.2422 + 4.81) − 6 = int(10.62…) − 6 = 4.
        assert_eq!(date(SolarTerm::Qingming, 2024), Some(d(2024, 4, 4)));
        // 2023: int(23 × 0.2422 + 4.81) − 5 = int(10.38…) − 5 = 5.
        assert_eq!(date(SolarTerm::Qingming, 2023), Some(d(2023, 4, 5)));
        // 2000 (the 20th century's last year): int(100 × 0.2422 + 5.59) − 25 = 29 − 25 = 4.
        assert_eq!(date(SolarTerm::Qingming, 2000), Some(d(2000, 4, 4)));
        // 1903: int(3 × 0.2422 + 5.59) − 0 = 6.
        assert_eq!(date(SolarTerm::Qingming, 1903), Some(d(1903, 4, 6)));
        assert_eq!(date(SolarTerm::Qingming, 2100), None);
        assert_eq!(date(SolarTerm::Qingming, 1900), None);
    }

    #[test]
    fn the_rule_form_and_its_errors() {
        let specs: Vec<crate::calendar::HolidaySpec> = serde_json::from_str(
            r#"[{"name": "Tomb-Sweeping Day", "solar_term": "qingming", "from": 2008}]"#,
        )
        .unwrap();
        let h = crate::calendar::Holidays::from_specs(&specs).unwrap();
        assert_eq!(h.dates_in_year(2024), [d(2024, 4, 4)]);
        assert_eq!(h.dates_in_year(2007), []);
        assert_eq!(
            h.dates_in_year(2100),
            [],
            "past the formula's years: absent"
        );
        let e = serde_json::from_str::<Vec<crate::calendar::HolidaySpec>>(
            r#"[{"name": "X", "solar_term": "dongzhi"}]"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("unknown variant `dongzhi`, expected `qingming`"),
            "{e}"
        );
        let cn = crate::calendar::Holidays::preset_info("cn").unwrap();
        let qingming = cn
            .holidays
            .iter()
            .find(|h| h.name == "Tomb-Sweeping Day")
            .unwrap();
        assert_eq!((qingming.from, qingming.until), (Some(2008), Some(2099)));
    }
}
