//! Weekday-dependent shifts: the `move` of a fixed-date holiday ("moved to Monday" laws, a
//! holiday kept off the weekend) and the `{"shift": …}` observance (an observed day at a fixed
//! distance that depends on the weekday), plus the `every` year cycle. The forms are
//! registered in [`super::spec`] and evaluated here.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::time::WeekdayKey;

/// Largest shift, in days, of a `move` or a `shift` observance: a week either way.
pub(crate) const SHIFT_LIMIT: i8 = 7;

/// Days to shift a date by, per weekday of the date (zero: not shifted), as written in
/// configuration: `{"sat": -1, "sun": 1}`, each from −7 to 7; weekdays left out are 0.
///
/// Used by a rule's `move` (the holiday itself moves) and by the
/// [`Observance::Shift`](super::Observance::Shift) observance (an observed day is added).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct WeekdayShifts([i8; 7]);

impl WeekdayShifts {
    /// The shifts, Monday first, each checked to lie within −7..=7.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the weekday for a shift out of range.
    pub fn new(days: [i8; 7]) -> Result<Self, Error> {
        for (key, d) in WeekdayKey::ALL.into_iter().zip(days) {
            if !(-SHIFT_LIMIT..=SHIFT_LIMIT).contains(&d) {
                return Err(Error::InvalidValue {
                    path: key.as_str().to_owned(),
                    value: d.to_string(),
                    expected: format!("a shift from -{SHIFT_LIMIT} to {SHIFT_LIMIT} days"),
                });
            }
        }
        Ok(WeekdayShifts(days))
    }

    /// The shift, in days, of a date on `weekday`.
    pub fn days(&self, weekday: chrono::Weekday) -> i8 {
        let i = weekday.num_days_from_monday() as usize;
        self.0.get(i).copied().unwrap_or(0)
    }

    /// `date` shifted by the days of its weekday (`date` itself when 0); `None` only out of
    /// chrono's range.
    pub(crate) fn apply(&self, date: NaiveDate) -> Option<NaiveDate> {
        let n = self.days(date.weekday());
        let by = Days::new(u64::from(n.unsigned_abs()));
        if n >= 0 {
            date.checked_add_days(by)
        } else {
            date.checked_sub_days(by)
        }
    }

    /// The day `date` is observed on, when its weekday has a nonzero shift.
    pub(crate) fn observed(&self, date: NaiveDate) -> Option<NaiveDate> {
        (self.days(date.weekday()) != 0)
            .then(|| self.apply(date))
            .flatten()
    }
}

impl Serialize for WeekdayShifts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let map: BTreeMap<WeekdayKey, i8> = WeekdayKey::ALL
            .into_iter()
            .zip(self.0)
            .filter(|(_, d)| *d != 0)
            .collect();
        map.serialize(s)
    }
}

impl<'de> Deserialize<'de> for WeekdayShifts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<WeekdayKey, i64>::deserialize(d)?;
        let mut days = [0i8; 7];
        for (key, n) in map {
            let day = i8::try_from(n)
                .ok()
                .filter(|n| (-SHIFT_LIMIT..=SHIFT_LIMIT).contains(n))
                .ok_or_else(|| {
                    serde::de::Error::custom(format_args!(
                        "invalid shift `{n}` for `{key}`: expected -{SHIFT_LIMIT} to {SHIFT_LIMIT} days"
                    ))
                })?;
            if let Some(slot) = days.get_mut(key.weekday().num_days_from_monday() as usize) {
                *slot = day;
            }
        }
        Ok(WeekdayShifts(days))
    }
}

impl fmt::Display for WeekdayShifts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = WeekdayKey::ALL
            .into_iter()
            .zip(self.0)
            .filter(|(_, d)| *d != 0)
            .map(|(k, d)| format!("{k} {d:+}"))
            .collect();
        if parts.is_empty() {
            f.write_str("no shift")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// The date of a moved fixed-date holiday in `year`: none when `month`/`day` falls on a
/// weekday in the `skip` mask (bit 0 Monday … bit 6 Sunday), else shifted by `moves`.
pub(crate) fn moved_date(
    month: u32,
    day: u32,
    moves: WeekdayShifts,
    skip: u8,
    year: i32,
) -> Option<NaiveDate> {
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    if skip & (1 << date.weekday().num_days_from_monday()) != 0 {
        return None;
    }
    moves.apply(date)
}

/// Whether rule year `year` is in the cycle of `every` years counted from `from`.
pub(crate) fn in_cycle(year: i32, from: Option<i32>, every: Option<u16>) -> bool {
    match (every, from) {
        (Some(n), Some(f)) => (i64::from(year) - i64::from(f)).rem_euclid(i64::from(n)) == 0,
        _ => true,
    }
}

/// Whether a rule with this cycle repeats with the 400-year Gregorian cycle.
pub(crate) fn cycle_divides_400(every: Option<u16>) -> bool {
    every.is_none_or(|n| 400 % n == 0)
}

#[cfg(test)]
mod tests {
    use crate::calendar::{HolidaySpec, Holidays};
    use crate::error::Error;
    use crate::testing::date as d;

    fn build(json: &str) -> Holidays {
        let specs: Vec<HolidaySpec> = serde_json::from_str(json).unwrap();
        Holidays::from_specs(&specs).unwrap()
    }

    fn err(json: &str) -> String {
        match serde_json::from_str::<Vec<HolidaySpec>>(json) {
            Ok(specs) => Holidays::from_specs(&specs)
                .map_err(|e| e.at("holidays"))
                .unwrap_err()
                .to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn move_shifts_the_holiday_itself() {
        // Ireland's Saint Brigid's Day: the first Monday of February, unless 1 February is a
        // Friday.
        let h = build(
            r#"[{"name": "Saint Brigid's Day", "month": 2, "day": 1, "from": 2023,
                 "move": {"tue": 6, "wed": 5, "thu": 4, "sat": 2, "sun": 1}}]"#,
        );
        assert_eq!(h.dates_in_year(2025), [d(2025, 2, 3)]); // Saturday 1 → Monday 3
        assert_eq!(h.dates_in_year(2026), [d(2026, 2, 2)]); // Sunday → Monday
        assert_eq!(h.dates_in_year(2028), [d(2028, 2, 7)]); // Tuesday → Monday 7
        assert_eq!(h.dates_in_year(2030), [d(2030, 2, 1)]); // Friday stays
        assert_eq!(h.dates_in_year(2022), []);
        assert_eq!(h.in_year(2025)[0].name, "Saint Brigid's Day");
    }

    #[test]
    fn not_on_drops_the_holiday_on_those_weekdays() {
        // Spain: a national holiday on a Sunday is left to the regions; Neuchâtel: Saint
        // Stephen's Day only when 26 December is a Monday.
        let h = build(
            r#"[{"name": "Labor Day", "month": 5, "day": 1, "not_on": ["sun"]},
                {"name": "Saint Stephen's Day", "month": 12, "day": 26,
                 "not_on": ["tue", "wed", "thu", "fri", "sat", "sun"]},
                {"name": "Christmas Day", "month": 12, "day": 25, "move": {"sun": 1},
                 "not_on": ["sat"]}]"#,
        );
        assert!(h.contains(d(2026, 5, 1)));
        assert!(!h.contains(d(2022, 5, 1)), "a Sunday");
        assert!(
            h.contains(d(2022, 12, 26)),
            "a Monday (Christmas on Sunday, moved to it)"
        );
        assert!(!h.contains(d(2021, 12, 26)) && !h.contains(d(2021, 12, 25)));
        assert_eq!(
            h.in_year(2022)[0].name,
            "Christmas Day; Saint Stephen's Day"
        );
        assert_eq!(
            err(r#"[{"name": "X", "easter": 1, "not_on": ["sun", "sat"]}]"#),
            "holidays[0].not_on: invalid value `sun, sat`: expected `not_on` only on a `month` + \
             `day` or `chinese` rule"
        );
    }

    #[test]
    fn move_may_cross_the_new_year() {
        let h = build(r#"[{"name": "X", "month": 12, "day": 31, "move": {"fri": 3}}]"#);
        // 2027-12-31 is a Friday: moved to Monday 2028-01-03.
        assert!(h.contains(d(2028, 1, 3)));
        assert!(!h.contains(d(2027, 12, 31)));
        assert!(h.contains(d(2026, 12, 31)));
    }

    #[test]
    fn shift_observance_adds_an_observed_day() {
        // US Christmas Eve: Friday → Thursday, Saturday → Friday, Sunday → Friday.
        let h = build(
            r#"[{"name": "Christmas Eve", "month": 12, "day": 24,
                 "observed": {"shift": {"fri": -1, "sat": -1, "sun": -2}}},
                {"name": "Christmas Day", "month": 12, "day": 25, "observed": "us"}]"#,
        );
        let dec = |y| {
            h.in_year(y)
                .into_iter()
                .map(|h| format!("{} {}", h.date, h.name))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            dec(2021),
            [
                "2021-12-23 Christmas Eve (observed)",
                "2021-12-24 Christmas Day (observed); Christmas Eve",
                "2021-12-25 Christmas Day",
            ]
        );
        assert_eq!(
            dec(2023),
            [
                "2023-12-22 Christmas Eve (observed)",
                "2023-12-24 Christmas Eve",
                "2023-12-25 Christmas Day",
            ]
        );
        assert_eq!(dec(2025).len(), 2); // Wednesday and Thursday: nothing observed
    }

    #[test]
    fn every_counts_years_from_from() {
        let h = build(
            r#"[{"name": "Election Day", "weekday": "tue", "on_or_after": {"month": 11, "day": 2},
                 "from": 2008, "every": 2}]"#,
        );
        assert_eq!(h.dates_in_year(2008), [d(2008, 11, 4)]);
        assert_eq!(h.dates_in_year(2009), []);
        assert_eq!(h.dates_in_year(2074), [d(2074, 11, 6)]);
        assert_eq!(h.dates_in_year(2006), []);
        assert!(h.is_periodic());
        let six = build(r#"[{"name": "X", "month": 12, "day": 1, "from": 2000, "every": 6}]"#);
        assert!(
            !six.is_periodic(),
            "a 6-year cycle does not repeat every 400 years"
        );
        assert_eq!(six.dates_in_year(2024), [d(2024, 12, 1)]);
        assert_eq!(six.dates_in_year(2025), []);
    }

    #[test]
    fn sunday_substitute_takes_the_next_free_working_day() {
        // Malaysia 2025: Eid al-Fitr Monday 31 March and Tuesday 1 April; a Sunday holiday the
        // day before would be observed on Wednesday 2 April.
        let h = build(
            r#"[{"name": "A", "date": "2025-03-30", "observed": "sunday_substitute"},
                {"name": "B", "date": "2025-03-31"},
                {"name": "C", "date": "2025-04-01"},
                {"name": "D", "date": "2025-04-05", "observed": "sunday_substitute"}]"#,
        );
        assert!(h.contains(d(2025, 4, 2)));
        assert!(
            !h.contains(d(2025, 4, 7)),
            "a Saturday holiday is not substituted"
        );
        assert_eq!(h.dates_in_year(2025).len(), 5);
    }

    #[test]
    fn saturday_back_sunday_forward_substitutes_both_ways() {
        // Friday 1 May 2026 a holiday; Saturday 2 May is substituted backwards on the first
        // free working day before it, Thursday 30 April; Sunday 3 May forwards on Monday 4.
        // Saturday 9 May backwards: Friday 8 May.
        let h = build(
            r#"[{"name": "A", "date": "2026-05-01"},
                {"name": "B", "date": "2026-05-02", "observed": "saturday_back_sunday_forward"},
                {"name": "C", "date": "2026-05-03", "observed": "saturday_back_sunday_forward"},
                {"name": "D", "date": "2026-05-09", "observed": "saturday_back_sunday_forward"}]"#,
        );
        assert_eq!(
            h.dates_in_year(2026),
            [
                d(2026, 4, 30),
                d(2026, 5, 1),
                d(2026, 5, 2),
                d(2026, 5, 3),
                d(2026, 5, 4),
                d(2026, 5, 8),
                d(2026, 5, 9)
            ]
        );
        assert_eq!(h.in_year(2026)[0].name, "B (observed)");
        // Across the new year: Saturday 1 January 2028 is observed on Friday 31 December 2027.
        let h = build(
            r#"[{"name": "E", "month": 1, "day": 1, "observed": "saturday_back_sunday_forward"}]"#,
        );
        assert!(h.contains(d(2027, 12, 31)));
        assert_eq!(h.dates_in_year(2028), [d(2028, 1, 1)]);
    }

    #[test]
    fn a_date_shared_with_another_holiday_is_substituted() {
        // Korea 2017: the day before Chuseok (Tuesday 3 October) is also National Foundation
        // Day; Chuseok and its second day take Wednesday 4 and Thursday 5, so the
        // alternative holiday is Friday 6.
        let h = build(
            r#"[{"name": "Chuseok eve", "date": "2017-10-03", "observed": "sunday_substitute_or_shared"},
                {"name": "National Foundation Day", "date": "2017-10-03"},
                {"name": "Chuseok", "date": "2017-10-04", "observed": "sunday_substitute_or_shared"},
                {"name": "Chuseok 2", "date": "2017-10-05", "observed": "sunday_substitute_or_shared"}]"#,
        );
        assert_eq!(
            h.dates_in_year(2017),
            [
                d(2017, 10, 3),
                d(2017, 10, 4),
                d(2017, 10, 5),
                d(2017, 10, 6)
            ]
        );
        assert_eq!(h.in_year(2017)[3].name, "Chuseok eve (observed)");
        // A Saturday alone: no substitute for the Sunday-only form, one for the other; the
        // same holiday listed twice is not shared.
        let h = build(
            r#"[{"name": "A", "date": "2026-10-03", "observed": "sunday_substitute_or_shared"},
                {"name": "B", "date": "2026-10-10", "observed": "substitute_or_shared"},
                {"name": "C", "date": "2026-10-14", "observed": "substitute_or_shared"},
                {"name": "C", "date": "2026-10-14", "observed": "substitute_or_shared"}]"#,
        );
        assert_eq!(
            h.dates_in_year(2026),
            [
                d(2026, 10, 3),
                d(2026, 10, 10),
                d(2026, 10, 12),
                d(2026, 10, 14)
            ]
        );
    }

    #[test]
    fn substitute_each_gives_every_name_its_own_day() {
        // China 2009: National Day 1–3 October (Thursday to Saturday) and Mid-Autumn on
        // Saturday 3: each of the two holidays on the Saturday takes its own working day,
        // Monday 5 and Tuesday 6 (Sunday 4 is a weekend day).
        let h = build(
            r#"[{"name": "National Day", "month": 10, "day": 1, "observed": "substitute_each"},
                {"name": "National Day", "month": 10, "day": 2, "observed": "substitute_each"},
                {"name": "National Day", "month": 10, "day": 3, "observed": "substitute_each"},
                {"name": "Mid-Autumn", "date": "2009-10-03", "observed": "substitute_each"}]"#,
        );
        let got: Vec<String> = h
            .in_year(2009)
            .into_iter()
            .map(|h| format!("{} {}", h.date, h.name))
            .collect();
        assert_eq!(
            got,
            [
                "2009-10-01 National Day",
                "2009-10-02 National Day",
                "2009-10-03 Mid-Autumn; National Day",
                "2009-10-05 National Day (observed)",
                "2009-10-06 Mid-Autumn (observed)",
            ]
        );
        // The same date counted once without names too.
        assert_eq!(h.dates_in_year(2009).len(), 5);
        // The rules listed twice are the same holidays: one substitute day per name still.
        let twice = build(
            r#"[{"name": "National Day", "date": "2009-10-03", "observed": "substitute_each"},
                {"name": "Mid-Autumn", "date": "2009-10-03", "observed": "substitute_each"},
                {"name": "National Day", "date": "2009-10-03", "observed": "substitute_each"},
                {"name": "Mid-Autumn", "date": "2009-10-03", "observed": "substitute_each"}]"#,
        );
        assert_eq!(
            twice.dates_in_year(2009),
            [d(2009, 10, 3), d(2009, 10, 5), d(2009, 10, 6)]
        );
        assert_eq!(twice.in_year(2009)[1].name, "National Day (observed)");
        // With "substitute", the two share one day.
        let one = build(
            r#"[{"name": "National Day", "date": "2009-10-03", "observed": "substitute"},
                {"name": "Mid-Autumn", "date": "2009-10-03", "observed": "substitute"}]"#,
        );
        assert_eq!(one.dates_in_year(2009), [d(2009, 10, 3), d(2009, 10, 5)]);
    }

    #[test]
    fn table_rules_give_every_date_of_a_year() {
        let h = build(
            r#"[{"name": "Eid al-Fitr", "table": "my-eid-al-fitr"},
                {"name": "Eid al-Fitr (Second Day)", "table": "my-eid-al-fitr", "offset": 1,
                 "from": 2000, "until": 2000}]"#,
        );
        assert_eq!(
            h.dates_in_year(2000),
            [
                d(2000, 1, 8),
                d(2000, 1, 9),
                d(2000, 12, 27),
                d(2000, 12, 28)
            ]
        );
        assert_eq!(h.dates_in_year(2026), [d(2026, 3, 21)]);
        // After the table, the arithmetic Islamic calendar's estimate continues it; such a
        // rule does not repeat every 400 years. A table that stops (Vesak) keeps the set
        // periodic: nothing repeats after its years but the rules.
        assert_eq!(h.dates_in_year(2080), [d(2080, 7, 19)]);
        assert!(!h.is_periodic());
        let vesak = build(r#"[{"name": "Vesak Day", "table": "my-vesak"}]"#);
        assert_eq!(vesak.dates_in_year(2101), []);
        assert!(vesak.is_periodic());
        assert!(vesak.special_year_list().contains(&2100));
    }

    #[test]
    fn bad_table_rules_are_refused() {
        assert!(err(r#"[{"name": "X", "table": "eid"}]"#)
            .starts_with("holidays[0].table: unknown holiday table `eid`: expected one of "));
        assert_eq!(
            err(r#"[{"name": "X", "table": "my-vesak", "offset": 61}]"#),
            "holidays[0].offset: invalid value `61`: expected an offset from -60 to 60 days"
        );
        assert_eq!(
            err(r#"[{"name": "X", "easter": 1, "offset": 1}]"#),
            "holidays[0].offset: invalid value `1`: expected `offset` only with `table` or \
             `chinese` (an Easter rule counts its days in `easter`)"
        );
        assert_eq!(
            err(r#"[{"name": "X", "table": "my-vesak", "easter": 1}]"#),
            "holidays[0]: invalid value `easter + table`: expected one of: `date`; `month` + \
             `day`; `month` + `weekday` + `nth`; `weekday` + `on_or_after`; `easter`; \
             `orthodox_easter`; `hebrew`; `chinese`; `equinox`; `solar_term`; `between`; `table`; `thai`; `preset`"
        );
    }

    #[test]
    fn forms_round_trip_through_serde() {
        let json = r#"[{"name":"A","month":2,"day":1,"move":{"tue":6,"sun":1},"not_on":["sat"]},{"name":"B","month":12,"day":24,"observed":{"shift":{"sat":-1}}},{"name":"C","month":1,"day":20,"from":1937,"every":4}]"#;
        let specs: Vec<HolidaySpec> = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&specs).unwrap(), json);
    }

    #[test]
    fn bad_forms_are_refused_with_field_and_value() {
        assert_eq!(
            err(r#"[{"name": "X", "easter": 1, "move": {"sun": 1}}]"#),
            "holidays[0].move: invalid value `sun +1`: expected `move` only on a `month` + `day`, \
             `hebrew` or `table` rule"
        );
        assert_eq!(
            err(r#"[{"name": "X", "month": 1, "day": 20, "every": 4}]"#),
            "holidays[0].every: invalid value `4`: expected `every` together with `from`, the \
             first year of the cycle"
        );
        assert_eq!(
            err(r#"[{"name": "X", "month": 1, "day": 20, "from": 2001, "every": 0}]"#),
            "holidays[0].every: invalid value `0`: expected a cycle of 1 to 400 years"
        );
        assert_eq!(
            err(r#"[{"preset": "us", "every": 2}]"#),
            "holidays[0].every: invalid value `every`: expected no other field beside `preset` \
             (a preset is included as a whole)"
        );
        assert!(
            err(r#"[{"name": "X", "month": 1, "day": 2, "move": {"sat": 9}}]"#)
                .contains("invalid shift `9` for `sat`: expected -7 to 7 days")
        );
        assert!(
            err(r#"[{"name": "X", "month": 1, "day": 2, "move": {"sabado": 1}}]"#)
                .contains("unknown variant `sabado`")
        );
        assert!(matches!(
            super::WeekdayShifts::new([0, 0, 0, 0, 0, 8, 0]),
            Err(Error::InvalidValue { ref path, .. }) if path == "sat"
        ));
    }
    #[test]
    fn move_shifts_a_table_date() {
        // Egypt since 2020: a holiday on a Sunday to Wednesday moves to the Thursday; 1
        // Muharram 1445 on Wednesday 2023-07-19 → Thursday 20, 1446 on Sunday 2024-07-07 →
        // Thursday 11; 1447 on Thursday 2025-06-26 stays. With an offset, the weekday is the
        // moved date's: the day after 1 Muharram 1445, Thursday 2023-07-20, stays.
        let h = build(
            r#"[{"name": "Islamic New Year", "table": "eg-islamic-new-year", "from": 2020,
                 "move": {"mon": 3, "tue": 2, "wed": 1, "sun": 4}}]"#,
        );
        assert_eq!(h.dates_in_year(2023), [d(2023, 7, 20)]);
        assert_eq!(h.dates_in_year(2024), [d(2024, 7, 11)]);
        assert_eq!(h.dates_in_year(2025), [d(2025, 6, 26)]);
        assert_eq!(h.dates_in_year(2019), []);
        assert_eq!(h.in_year(2024)[0].name, "Islamic New Year");
        let next = build(
            r#"[{"name": "X", "table": "eg-islamic-new-year", "offset": 1,
                 "move": {"mon": 3, "tue": 2, "wed": 1, "sun": 4}}]"#,
        );
        assert_eq!(next.dates_in_year(2023), [d(2023, 7, 20)]);
        assert_eq!(
            err(r#"[{"name": "X", "table": "eg-islamic-new-year", "not_on": ["fri"]}]"#),
            "holidays[0].not_on: invalid value `fri`: expected `not_on` only on a `month` + \
             `day` or `chinese` rule"
        );
    }
}
