//! The configuration form of a special-hours rule ([`SpecialHoursRule`]) and its validation
//! into a [`SpecialRule`], through the holiday rules' own validation where the forms agree.

use serde::{Deserialize, Serialize};

use super::super::day::Spans;
use super::super::holiday::{Compiled, HolidayRule, MonthDay, Rule, RuleKind};
use crate::error::Error;

/// One entry of a calendar's `special_hours` list: shifts that replace the weekly ones on the
/// dates a yearly or monthly rule gives (`[]` closes those dates).
///
/// | fields | dates |
/// | --- | --- |
/// | `month`, `day` | that day every year (`day: 29` of February only in leap years) |
/// | `month`, `weekday`, `nth` | the `nth` (1 to 5, or -1 to -5 from the end) weekday of that month every year |
/// | `weekday`, `on_or_after: {month, day}` | the first such weekday on or after that day, every year |
/// | `day` | that day of every month (1 to 31; a month without it has none) |
/// | `weekday`, `nth` | the `nth` weekday of every month (`-1`: the last; a month without a fifth has none) |
///
/// Every rule needs `hours` (shifts `"HH:MM-HH:MM"` like a weekday's; `[]` closes the dates)
/// and may add `name` (for the reader), `from` and `until` (the first and last year,
/// inclusive) and, on the yearly forms, `every` (1 to 400, with `from`: only every that many
/// years counted from `from`).
///
/// ```
/// use slacalc::calendar::SpecialHoursRule;
/// let rules: Vec<SpecialHoursRule> = serde_json::from_str(r#"[
///     {"name": "Christmas Eve", "month": 12, "day": 24, "hours": ["08:00-12:00"]},
///     {"name": "Month-end close", "weekday": "fri", "nth": -1, "hours": ["08:00-14:00"],
///      "from": 2027}
/// ]"#)?;
/// assert_eq!(rules[1].nth, Some(-1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Deserializing only checks the shape (field names and JSON types); values and
/// combinations are checked when the calendar is built, with errors naming the field path
/// (`special_hours[1].nth`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialHoursRule {
    /// What the rule is for (not used in computations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Month, 1 to 12: a yearly rule (with `day`, or with `weekday` and `nth`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<i64>,
    /// Day of the month (with `month`: yearly; alone: every month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<i64>,
    /// Weekday key `mon` … `sun` (with `nth`, or with `on_or_after`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    /// Which weekday of the month: 1 to 5 from the start, -1 to -5 from the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nth: Option<i64>,
    /// The day from which the first `weekday` is taken (a yearly rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_or_after: Option<MonthDay>,
    /// First year in which the rule applies (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i64>,
    /// Last year in which the rule applies (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<i64>,
    /// A yearly rule applies every that many years (1 to 400), counted from `from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<i64>,
    /// The shifts of the rule's dates, `"HH:MM-HH:MM"`; `[]` closes them.
    pub hours: Vec<String>,
}

/// Whether a rule gives one date a year or one a month: a yearly rule wins over a monthly
/// one on a date both give (the derived order is that precedence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Recurrence {
    Yearly,
    Monthly,
}

/// A validated special-hours rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SpecialRule {
    pub(crate) recurrence: Recurrence,
    /// One holiday-style rule for a yearly rule, one per month (January first) for a
    /// monthly one; all with the rule's `from`, `until` and `every`.
    pub(crate) rules: Vec<Rule>,
    /// The shifts that replace the weekly ones on the rule's dates.
    pub(crate) spans: Spans,
}

const FORMS: &str = "one of: `month` + `day`; `month` + `weekday` + `nth`; \
                     `weekday` + `on_or_after` (yearly); `day`; `weekday` + `nth` (monthly)";

fn invalid(path: String, value: impl ToString, expected: impl Into<String>) -> Error {
    Error::InvalidValue {
        path,
        value: value.to_string(),
        expected: expected.into(),
    }
}

impl SpecialHoursRule {
    /// Validates this rule; `spans` parses its hours. Error paths are relative to the rule
    /// (`month`, `hours[1]`; empty for the rule as a whole).
    pub(crate) fn compile(
        &self,
        spans: impl FnOnce(&[String]) -> Result<Spans, Error>,
    ) -> Result<SpecialRule, Error> {
        let shape: Vec<&str> = [
            ("month", self.month.is_some()),
            ("day", self.day.is_some()),
            ("weekday", self.weekday.is_some()),
            ("nth", self.nth.is_some()),
            ("on_or_after", self.on_or_after.is_some()),
        ]
        .into_iter()
        .filter_map(|(n, given)| given.then_some(n))
        .collect();
        let recurrence = match shape.as_slice() {
            ["month", "day"] | ["month", "weekday", "nth"] | ["weekday", "on_or_after"] => {
                Recurrence::Yearly
            }
            ["day"] | ["weekday", "nth"] => Recurrence::Monthly,
            _ => {
                let given = if shape.is_empty() {
                    "(none)".to_owned()
                } else {
                    shape.join(" + ")
                };
                return Err(invalid(String::new(), given, FORMS));
            }
        };
        // The holiday rule of the same fields validates every value with the same messages
        // and paths; a monthly rule is validated as its January.
        let mut holiday = HolidayRule {
            month: self.month,
            day: self.day,
            weekday: self.weekday.clone(),
            nth: self.nth,
            on_or_after: self.on_or_after,
            from: self.from,
            until: self.until,
            every: self.every,
            ..HolidayRule::default()
        };
        if recurrence == Recurrence::Monthly {
            if let Some(every) = self.every {
                return Err(invalid(
                    "every".into(),
                    every,
                    "`every` only on a yearly rule (one with `month` or `on_or_after`)",
                ));
            }
            if let Some(day) = self.day {
                if !(1..=31).contains(&day) {
                    return Err(invalid(
                        "day".into(),
                        day,
                        "a day of the month from 1 to 31 (a month without it has no special \
                         hours that month)",
                    ));
                }
            }
            holiday.month = Some(1);
        }
        let Compiled::Rule(rule) = holiday.compile()? else {
            // Unreachable: the rule has no `preset`.
            return Err(invalid(String::new(), "preset", FORMS));
        };
        let rules = match (recurrence, rule.kind) {
            (Recurrence::Monthly, RuleKind::Fixed { day, .. }) => (1..=12)
                .map(|month| Rule {
                    kind: RuleKind::Fixed { month, day },
                    ..rule.clone()
                })
                .collect(),
            (Recurrence::Monthly, RuleKind::NthWeekday { weekday, nth, .. }) => (1..=12)
                .map(|month| Rule {
                    kind: RuleKind::NthWeekday {
                        month,
                        weekday,
                        nth,
                    },
                    ..rule.clone()
                })
                .collect(),
            _ => vec![rule],
        };
        Ok(SpecialRule {
            recurrence,
            rules,
            spans: spans(&self.hours).map_err(|e| e.at("hours"))?,
        })
    }
}
