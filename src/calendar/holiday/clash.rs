//! A holiday that moves when it meets an Easter feast: the `clash` of a fixed-date or weekday
//! rule (Glarus's Näfelser Fahrt, the first Thursday of April, is kept a week later when that
//! Thursday is Maundy Thursday). The configuration form is [`EasterClash`]; it is registered
//! in [`super::spec`], allowed only on the rule kinds [`super::compile`] lets clash, and
//! applied by [`super::rule::Rule::date_in`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::easter::{add_days, easter, EASTER_OFFSET_LIMIT};
use super::shift::SHIFT_LIMIT;
use crate::error::Error;

/// `clash`: the Easter-relative day a holiday must not fall on, and where it goes instead, as
/// in `{"easter": -3, "move": 7}` (on Maundy Thursday, a week later). Exactly one of
/// `easter` (Western Easter) and `orthodox_easter` is given, −200 to 200 days from Easter
/// Sunday of the rule's year; `move` is −7 to 7 days, not 0.
///
/// ```
/// use chrono::NaiveDate;
/// use slacalc::calendar::{HolidaySpec, Holidays};
///
/// let specs: Vec<HolidaySpec> = serde_json::from_str(r#"[
///     {"name": "Näfelser Fahrt", "month": 4, "weekday": "thu", "nth": 1,
///      "clash": {"easter": -3, "move": 7}}
/// ]"#)?;
/// let holidays = Holidays::from_specs(&specs)?;
/// // Easter 2010 was on 4 April: the first Thursday of April was Maundy Thursday.
/// assert_eq!(holidays.dates_in_year(2010), [NaiveDate::from_ymd_opt(2010, 4, 8).unwrap()]);
/// // Easter 2011 was on 24 April: the first Thursday, 7 April, stays.
/// assert_eq!(holidays.dates_in_year(2011), [NaiveDate::from_ymd_opt(2011, 4, 7).unwrap()]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EasterClash {
    /// Days after Western Easter Sunday of the day to avoid (negative: before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easter: Option<i64>,
    /// Days after Orthodox Easter Sunday of the day to avoid (negative: before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orthodox_easter: Option<i64>,
    /// Days the holiday moves by when it falls on that day (negative: earlier).
    #[serde(rename = "move")]
    pub moves: i64,
}

/// Which Easter a clash counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reckoning {
    Western,
    Orthodox,
}

/// A validated [`EasterClash`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clash {
    reckoning: Reckoning,
    offset: i64,
    by: i8,
}

fn invalid(path: &str, value: impl ToString, expected: &str) -> Error {
    Error::InvalidValue {
        path: path.to_owned(),
        value: value.to_string(),
        expected: expected.to_owned(),
    }
}

impl EasterClash {
    /// Validates this clash; error paths are relative to it (`move`, or empty for the clash
    /// as a whole).
    pub(crate) fn compile(&self) -> Result<Clash, Error> {
        let (reckoning, offset, field) = match (self.easter, self.orthodox_easter) {
            (Some(o), None) => (Reckoning::Western, o, "easter"),
            (None, Some(o)) => (Reckoning::Orthodox, o, "orthodox_easter"),
            (Some(_), Some(_)) => {
                return Err(invalid(
                    "",
                    "easter + orthodox_easter",
                    "one of `easter` and `orthodox_easter`",
                ))
            }
            (None, None) => {
                return Err(invalid(
                    "",
                    "(none)",
                    "one of `easter` and `orthodox_easter`",
                ))
            }
        };
        if !(-EASTER_OFFSET_LIMIT..=EASTER_OFFSET_LIMIT).contains(&offset) {
            return Err(invalid(
                field,
                offset,
                &format!("an offset from -{EASTER_OFFSET_LIMIT} to {EASTER_OFFSET_LIMIT} days"),
            ));
        }
        let by = i8::try_from(self.moves)
            .ok()
            .filter(|d| *d != 0 && (-SHIFT_LIMIT..=SHIFT_LIMIT).contains(d))
            .ok_or_else(|| {
                invalid(
                    "move",
                    self.moves,
                    &format!("a shift from -{SHIFT_LIMIT} to {SHIFT_LIMIT} days, not 0"),
                )
            })?;
        Ok(Clash {
            reckoning,
            offset,
            by,
        })
    }
}

impl Clash {
    /// `date`, the rule's date for rule year `year`, moved when it is the day to avoid in
    /// that year; `None` only out of chrono's range (or before 1583 for Orthodox Easter,
    /// where the date is kept).
    pub(crate) fn apply(self, date: NaiveDate, year: i32) -> Option<NaiveDate> {
        let easter = match self.reckoning {
            Reckoning::Western => easter(year),
            Reckoning::Orthodox => super::orthodox::orthodox_easter(year),
        };
        match easter.and_then(|e| add_days(e, self.offset)) {
            Some(avoid) if avoid == date => add_days(date, i64::from(self.by)),
            _ => Some(date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as d;

    fn maundy_thursday_plus_week() -> Clash {
        EasterClash {
            easter: Some(-3),
            orthodox_easter: None,
            moves: 7,
        }
        .compile()
        .unwrap()
    }

    #[test]
    fn moves_only_on_the_day_to_avoid() {
        let c = maundy_thursday_plus_week();
        // Easter 2010 is 4 April: Maundy Thursday is 1 April, the first Thursday of April.
        assert_eq!(c.apply(d(2010, 4, 1), 2010), Some(d(2010, 4, 8)));
        // Easter 2011 is 24 April: 7 April is an ordinary Thursday.
        assert_eq!(c.apply(d(2011, 4, 7), 2011), Some(d(2011, 4, 7)));
    }

    #[test]
    fn counts_from_orthodox_easter() {
        // Orthodox Easter 2062 is 30 April, so Easter Monday is 1 May.
        let c = EasterClash {
            easter: None,
            orthodox_easter: Some(1),
            moves: 1,
        }
        .compile()
        .unwrap();
        assert_eq!(c.apply(d(2062, 5, 1), 2062), Some(d(2062, 5, 2)));
        // Orthodox Easter 2063 is 22 April: 1 May stays.
        assert_eq!(c.apply(d(2063, 5, 1), 2063), Some(d(2063, 5, 1)));
    }

    #[test]
    fn refuses_bad_forms() {
        let bad = |easter, orthodox_easter, moves| {
            EasterClash {
                easter,
                orthodox_easter,
                moves,
            }
            .compile()
            .unwrap_err()
            .at("holidays[0].clash")
            .to_string()
        };
        assert!(bad(None, None, 7).contains("one of `easter` and `orthodox_easter`"));
        assert!(bad(Some(1), Some(1), 7).contains("one of `easter` and `orthodox_easter`"));
        assert!(bad(Some(201), None, 7).contains("holidays[0].clash.easter"));
        assert!(bad(Some(-3), None, 0).contains("holidays[0].clash.move"));
        assert!(bad(Some(-3), None, 8).contains("not 0"));
        assert!(bad(Some(-3), None, i64::MAX).contains("holidays[0].clash.move"));
    }

    fn build(json: &str) -> Result<crate::calendar::Holidays, Error> {
        let specs: Vec<crate::calendar::HolidaySpec> = serde_json::from_str(json).unwrap();
        crate::calendar::Holidays::from_specs(&specs).map_err(|e| e.at("holidays"))
    }

    #[test]
    fn a_weekday_rule_keeps_clear_of_maundy_thursday() {
        let h = build(
            r#"[{"name": "Näfelser Fahrt", "month": 4, "weekday": "thu", "nth": 1,
                 "clash": {"easter": -3, "move": 7}}]"#,
        )
        .unwrap();
        // 2010 and 2021: Easter on 4 April, so the first Thursday (1 April) is Maundy
        // Thursday and the holiday is a week later; 2011 (Easter 24 April): 7 April.
        assert_eq!(h.dates_in_year(2010), vec![d(2010, 4, 8)]);
        assert_eq!(h.dates_in_year(2021), vec![d(2021, 4, 8)]);
        assert_eq!(h.dates_in_year(2011), vec![d(2011, 4, 7)]);
        // It depends on Easter: neither a weekday-shaped nor a periodic set.
        assert!(!h.follow_weekdays_only());
        assert!(!h.is_periodic());
        let bounded = build(
            r#"[{"month": 4, "weekday": "thu", "nth": 1, "from": 2000, "until": 2010,
                 "clash": {"easter": -3, "move": 7}}]"#,
        )
        .unwrap();
        assert!(bounded.is_periodic());
    }

    #[test]
    fn a_fixed_day_clash_combines_with_its_move() {
        // Labour Day kept also on the Tuesday when it is Orthodox Easter Monday (2062).
        let h = build(
            r#"[{"name": "Labor Day", "month": 5, "day": 1},
                {"name": "Labor Day", "month": 5, "day": 1,
                 "clash": {"orthodox_easter": 1, "move": 1}}]"#,
        )
        .unwrap();
        assert_eq!(h.dates_in_year(2062), vec![d(2062, 5, 1), d(2062, 5, 2)]);
        assert_eq!(h.dates_in_year(2063), vec![d(2063, 5, 1)]);
        // With `move`: 1 May 2061 is a Sunday, moved to Monday 2 May first; Orthodox Easter
        // 2061 is 17 April, so nothing clashes.
        let moved = build(
            r#"[{"month": 5, "day": 1, "move": {"sun": 1},
                 "clash": {"orthodox_easter": 1, "move": 1}}]"#,
        )
        .unwrap();
        assert_eq!(moved.dates_in_year(2061), vec![d(2061, 5, 2)]);
    }

    #[test]
    fn clash_is_refused_where_it_has_no_meaning() {
        let e = build(r#"[{"easter": 1, "clash": {"easter": -3, "move": 7}}]"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("holidays[0].clash"), "{e}");
        assert!(e.contains("`clash` only on"), "{e}");
        let e = build(r#"[{"preset": "ch", "clash": {"easter": -3, "move": 7}}]"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("holidays[0].clash"), "{e}");
        let e = build(r#"[{"month": 4, "day": 1, "clash": {"easter": -3, "move": 0}}]"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("holidays[0].clash.move"), "{e}");
        let unknown: Result<Vec<crate::calendar::HolidaySpec>, _> = serde_json::from_str(
            r#"[{"month": 4, "day": 1, "clash": {"easter": -3, "move": 7, "by": 1}}]"#,
        );
        assert!(unknown
            .unwrap_err()
            .to_string()
            .contains("unknown field `by`"));
    }
}
