//! The weekend of a `weekend_substitute` observance: the weekdays on which a country does not
//! work, when they are not Saturday and Sunday (Saudi Arabia: Thursday and Friday until June
//! 2013, Friday and Saturday since). Registered in [`super::observance`]; the substitute days
//! are placed by the holiday computation of a year (`Holidays::compute`).

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::time::WeekdayKey;

/// A set of weekdays that are not working days, as written in configuration: a list of
/// weekday keys, `["fri", "sat"]`, with one to six distinct days (at least one day of the
/// week must be a working day).
///
/// Used by the [`Observance::WeekendSubstitute`](super::Observance::WeekendSubstitute)
/// observance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Weekend(u8);

impl Weekend {
    /// Saturday and Sunday.
    pub const SATURDAY_SUNDAY: Weekend = Weekend(0b110_0000);

    /// The weekend of the given days.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when `days` is empty, names a day twice or names all seven.
    pub fn new(days: &[WeekdayKey]) -> Result<Self, Error> {
        Self::from_keys(days).map_err(|expected| Error::InvalidValue {
            path: "weekend_substitute".to_owned(),
            value: keys_text(days),
            expected: expected.to_owned(),
        })
    }

    /// The weekend of `days`, or what was expected instead.
    fn from_keys(days: &[WeekdayKey]) -> Result<Self, &'static str> {
        let mut mask = 0u8;
        for k in days {
            let bit = 1u8 << k.weekday().num_days_from_monday();
            if mask & bit != 0 {
                return Err(EXPECTED);
            }
            mask |= bit;
        }
        if mask == 0 || mask == 0b111_1111 {
            return Err(EXPECTED);
        }
        Ok(Weekend(mask))
    }

    /// Whether `weekday` is a weekend day.
    pub fn contains(self, weekday: Weekday) -> bool {
        self.0 & (1 << weekday.num_days_from_monday()) != 0
    }

    /// Whether `date` falls on a weekend day.
    pub(crate) fn has(self, date: NaiveDate) -> bool {
        self.contains(date.weekday())
    }

    /// The weekend days, Monday first.
    pub fn days(self) -> Vec<WeekdayKey> {
        WeekdayKey::ALL
            .into_iter()
            .filter(|k| self.contains(k.weekday()))
            .collect()
    }
}

/// What a weekend list must be.
const EXPECTED: &str = "one to six distinct weekdays (`[\"fri\", \"sat\"]`)";

fn keys_text(days: &[WeekdayKey]) -> String {
    days.iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for Weekend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&keys_text(&self.days()))
    }
}

impl Serialize for Weekend {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.days().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Weekend {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let days = Vec::<WeekdayKey>::deserialize(d)?;
        Weekend::from_keys(&days).map_err(|expected| {
            serde::de::Error::custom(format_args!(
                "invalid weekend_substitute `[{}]`: expected {expected}",
                keys_text(&days)
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::build;
    use super::*;
    use crate::calendar::{HolidaySpec, Holidays, Observance};
    use crate::testing::date as d;

    /// The error of a holiday list, from deserializing or from validating it.
    fn err(json: &str) -> String {
        serde_json::from_str::<Vec<HolidaySpec>>(json)
            .map_err(|e| e.to_string())
            .and_then(|specs| Holidays::from_specs(&specs).map_err(|e| e.at("h").to_string()))
            .unwrap_err()
    }

    #[test]
    fn weekend_lists_are_checked() {
        let w = Weekend::new(&[WeekdayKey::Sat, WeekdayKey::Fri]).unwrap();
        assert_eq!(w.days(), [WeekdayKey::Fri, WeekdayKey::Sat]);
        assert!(w.contains(Weekday::Fri) && !w.contains(Weekday::Sun));
        assert_eq!(w.to_string(), "fri, sat");
        assert_eq!(
            serde_json::to_string(&Observance::WeekendSubstitute(w)).unwrap(),
            r#"{"weekend_substitute":["fri","sat"]}"#
        );
        assert_eq!(
            serde_json::from_str::<Observance>(r#"{"weekend_substitute": ["fri", "sat"]}"#)
                .unwrap(),
            Observance::WeekendSubstitute(w)
        );
        assert!(!Weekend::SATURDAY_SUNDAY.contains(Weekday::Fri));
        assert_eq!(
            Weekend::new(&[]).unwrap_err().to_string(),
            "weekend_substitute: invalid value ``: expected one to six distinct weekdays \
             (`[\"fri\", \"sat\"]`)"
        );
        assert!(err(
            r#"[{"name": "X", "month": 1, "day": 1, "observed": {"weekend_substitute": ["fri", "fri"]}}]"#
        )
        .contains("invalid weekend_substitute `[fri, fri]`: expected one to six distinct weekdays"));
        assert!(err(
            r#"[{"name": "X", "month": 1, "day": 1, "observed": {"weekend_substitute": []}}]"#
        )
        .contains("invalid weekend_substitute `[]`"));
        let all = r#"[{"name": "X", "month": 1, "day": 1, "observed": {"weekend_substitute":
                     ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}}]"#;
        assert!(
            err(all).contains("invalid weekend_substitute `[mon, tue, wed, thu, fri, sat, sun]`")
        );
        assert!(err(
            r#"[{"name": "X", "month": 1, "day": 1, "observed": {"weekend_substitute": ["fr"]}}]"#
        )
        .contains("unknown variant `fr`"));
        let extra = err(
            r#"[{"name": "X", "month": 1, "day": 1, "observed": {"weekend_substitute": ["fri"], "x": 1}}]"#,
        );
        // A second key beside the variant's is refused, as for `shift` (serde's message).
        assert_eq!(extra, "expected value at line 1 column 79");
    }

    #[test]
    fn weekend_substitute_takes_the_next_free_working_day_of_that_week() {
        // Saudi Arabia's Eid al-Adha 2015: Day of Arafah Wednesday 23 September, Eid
        // Thursday 24 to Saturday 26; the Friday and the Saturday are substituted on Sunday 27
        // and Monday 28.
        let h = build(
            r#"[{"name": "Day of Arafah", "date": "2015-09-23",
                 "observed": {"weekend_substitute": ["fri", "sat"]}},
                {"name": "Eid", "date": "2015-09-24", "observed": {"weekend_substitute": ["fri", "sat"]}},
                {"name": "Eid", "date": "2015-09-25", "observed": {"weekend_substitute": ["fri", "sat"]}},
                {"name": "Eid", "date": "2015-09-26", "observed": {"weekend_substitute": ["fri", "sat"]}}]"#,
        );
        assert_eq!(
            h.dates_in_year(2015),
            (23..=28).map(|day| d(2015, 9, day)).collect::<Vec<_>>()
        );
        assert_eq!(h.in_year(2015)[4].name, "Eid (observed)");
        // With a Thursday–Friday weekend (before 29 June 2013), a Saturday is a working day
        // and not substituted; a Thursday and Friday holiday (2000-12-28/29) take Saturday 30
        // and Sunday 31, and the Sunday 2001-01-07 holiday takes nothing.
        let h = build(
            r#"[{"name": "Eid", "date": "2000-12-28", "observed": {"weekend_substitute": ["thu", "fri"]}},
                {"name": "Eid", "date": "2000-12-29", "observed": {"weekend_substitute": ["thu", "fri"]}},
                {"name": "Y", "date": "2001-01-07", "observed": {"weekend_substitute": ["thu", "fri"]}}]"#,
        );
        assert_eq!(
            h.dates_in_year(2000),
            (28..=31).map(|day| d(2000, 12, day)).collect::<Vec<_>>()
        );
        assert_eq!(h.dates_in_year(2001), [d(2001, 1, 7)]);
        // A free day of another weekend is skipped only if it is a weekend day of this one:
        // Friday 2026-01-02 with a Friday-Saturday weekend → Sunday 4 January.
        let h = build(
            r#"[{"name": "X", "month": 1, "day": 2, "observed": {"weekend_substitute": ["fri", "sat"]}}]"#,
        );
        assert_eq!(h.dates_in_year(2026), [d(2026, 1, 2), d(2026, 1, 4)]);
    }

    #[test]
    fn saudi_eid_days_follow_the_weekend_of_their_year() {
        let sa = Holidays::preset("sa").unwrap();
        let named = |y: i32, m: u32| {
            sa.in_year(y)
                .into_iter()
                .filter(|h| chrono::Datelike::month(&h.date) == m)
                .map(|h| format!("{} {}", h.date, h.name))
                .collect::<Vec<_>>()
        };
        // 2000: weekend Thursday and Friday; the holiday Friday 7 to Monday 10 January
        // (Saturday a working day) gives one substitute day, Tuesday 11.
        assert_eq!(
            named(2000, 1),
            [
                "2000-01-07 Eid al-Fitr Holiday",
                "2000-01-08 Eid al-Fitr Holiday",
                "2000-01-09 Eid al-Fitr Holiday",
                "2000-01-10 Eid al-Fitr Holiday",
                "2000-01-11 Eid al-Fitr Holiday (observed)",
            ]
        );
        // 2013: weekend Friday and Saturday since 29 June; Wednesday 7 to Saturday 10 August
        // gives Sunday 11 and Monday 12.
        assert_eq!(named(2013, 8).len(), 6);
        assert!(sa.contains(d(2013, 8, 11)) && sa.contains(d(2013, 8, 12)));
        assert!(!sa.contains(d(2013, 8, 13)));
        // National Day on a weekend day is also observed on the day before (Friday) or after
        // (Saturday): Friday 23 September 2022 → Thursday 22.
        assert_eq!(
            named(2022, 9),
            [
                "2022-09-22 National Day Holiday (observed)",
                "2022-09-23 National Day Holiday",
            ]
        );
    }
}
