//! Validating a [`CalendarSpec`] into a [`Calendar`]: the time zone, weekly shifts, holidays,
//! exceptions and combinations, each error naming its configuration path.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono_tz::Tz;

use super::algebra::SetOp;
use super::day::Spans;
use super::holiday::Holidays;
use super::limits::{check_combined, too_deep, too_many};
use super::special_hours::SpecialHours;
use super::zoned::Zoned;
use super::{
    Calendar, CalendarSpec, Inner, Kind, MAX_COMBINED_CALENDARS, MAX_EXCEPTIONS, MAX_HOLIDAY_RULES,
    MAX_NESTING_DEPTH, MAX_SHIFTS_PER_DAY, MAX_SPECIAL_HOURS_RULES,
};
use crate::error::Error;
use crate::time::{Shift, WeekdayKey};

impl TryFrom<CalendarSpec> for Calendar {
    type Error = Error;

    fn try_from(spec: CalendarSpec) -> Result<Calendar, Error> {
        Calendar::from_spec_in(spec, 0)
    }
}

/// The spans of a day's shifts; error paths are relative to the list (`[1]`).
fn parse_spans(shifts: &[String]) -> Result<Spans, Error> {
    if shifts.len() > MAX_SHIFTS_PER_DAY {
        return Err(Error::InvalidValue {
            path: String::new(),
            value: format!("{} shifts", shifts.len()),
            expected: format!("at most {MAX_SHIFTS_PER_DAY} shifts a day"),
        });
    }
    let mut spans = Vec::with_capacity(shifts.len());
    for (i, s) in shifts.iter().enumerate() {
        let shift: Shift = s.parse().map_err(|e: Error| e.at(&format!("[{i}]")))?;
        spans.push(shift.local_span_seconds());
    }
    spans.sort_unstable();
    Ok(spans)
}

impl Calendar {
    /// Parses and validates a calendar from JSON, with typed errors: [`Error::Parse`] (with
    /// line and column) for malformed JSON or unknown fields, and the validation errors of
    /// [`Calendar::try_from`] otherwise. (Deserializing a `Calendar` with serde directly
    /// reports the same problems as serde errors.)
    ///
    /// ```
    /// let err = slacalc::Calendar::from_json(r#"{"timezone": "UTC", "hours": {"mon": ["8-17"]}}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "hours.mon[0]: invalid shift `8-17`: expected HH:MM-HH:MM with times from 00:00 to 24:00");
    /// ```
    ///
    /// # Errors
    /// As described above.
    pub fn from_json(json: &str) -> Result<Calendar, Error> {
        let spec: CalendarSpec = serde_json::from_str(json).map_err(|e| Error::Parse {
            format: "JSON".into(),
            message: e.to_string(),
        })?;
        Calendar::try_from(spec)
    }

    /// Validates `spec`, found `depth` combinations deep; error paths are relative to it.
    fn from_spec_in(spec: CalendarSpec, depth: usize) -> Result<Calendar, Error> {
        let composite = [
            ("union", &spec.union, SetOp::Union),
            ("intersection", &spec.intersection, SetOp::Intersection),
            ("difference", &spec.difference, SetOp::Difference),
        ];
        let given: Vec<_> = composite.iter().filter(|c| c.1.is_some()).collect();
        let zoned_fields = spec.timezone.is_some()
            || !spec.hours.is_empty()
            || !spec.holidays.is_empty()
            || !spec.exceptions.is_empty()
            || !spec.special_hours.is_empty();
        let kind = match given.as_slice() {
            [] => Kind::Zoned(Box::new(Self::zoned_from_spec(&spec)?)),
            [(name, Some(members), op)] if !zoned_fields => {
                if members.is_empty() {
                    return Err(Error::InvalidValue {
                        path: (*name).to_owned(),
                        value: "[]".into(),
                        expected: "at least one calendar".into(),
                    });
                }
                let at = (*name).to_owned();
                if depth >= MAX_NESTING_DEPTH {
                    return Err(too_deep(at, depth + 1));
                }
                if members.len() > MAX_COMBINED_CALENDARS {
                    return Err(too_many(at, members.len()));
                }
                let mut cals = Vec::with_capacity(members.len());
                for (i, m) in members.iter().enumerate() {
                    cals.push(
                        Calendar::from_spec_in(m.clone(), depth + 1)
                            .map_err(|e| e.at(&format!("{at}[{i}]")))?,
                    );
                }
                check_combined(&at, &cals)?;
                Kind::Composite(*op, cals)
            }
            _ => {
                let mut names: Vec<&str> = given.iter().map(|c| c.0).collect();
                if zoned_fields {
                    names.insert(0, "timezone/hours/holidays/exceptions/special_hours");
                }
                return Err(Error::InvalidValue {
                    path: String::new(),
                    value: names.join(" + "),
                    expected: "either a zoned calendar (timezone, hours, holidays, exceptions, \
                               special_hours) \
                               or exactly one of union, intersection, difference"
                        .into(),
                });
            }
        };
        Ok(Calendar {
            inner: Arc::new(Inner::new(spec, kind)),
        })
    }

    fn zoned_from_spec(spec: &CalendarSpec) -> Result<Zoned, Error> {
        let tz_path = "timezone".to_owned();
        let name = spec
            .timezone
            .as_deref()
            .ok_or_else(|| Error::InvalidValue {
                path: tz_path.clone(),
                value: "(missing)".into(),
                expected: "an IANA time-zone name such as `Europe/Berlin`".into(),
            })?;
        let tz: Tz = name.parse().map_err(|_| Error::UnknownTimeZone {
            path: tz_path,
            name: name.to_owned(),
        })?;
        let mut weekly: [Spans; 7] = Default::default();
        for (key, shifts) in &spec.hours {
            let day: WeekdayKey = key.parse().map_err(|_| Error::UnknownWeekday {
                path: "hours".into(),
                input: key.clone(),
            })?;
            let spans = parse_spans(shifts).map_err(|e| e.at(&format!("hours.{key}")))?;
            if let Some(slot) = weekly.get_mut(day.weekday().num_days_from_monday() as usize) {
                *slot = spans;
            }
        }
        let too_many_rules = |n: usize| Error::InvalidValue {
            path: "holidays".into(),
            value: format!("{n} holiday rules"),
            expected: format!(
                "at most {MAX_HOLIDAY_RULES} holiday rules and dates, presets expanded"
            ),
        };
        if spec.holidays.len() > MAX_HOLIDAY_RULES {
            return Err(too_many_rules(spec.holidays.len()));
        }
        let holidays = Holidays::from_specs(&spec.holidays).map_err(|e| e.at("holidays"))?;
        if holidays.rule_count() > MAX_HOLIDAY_RULES {
            return Err(too_many_rules(holidays.rule_count()));
        }
        if spec.exceptions.len() > MAX_EXCEPTIONS {
            return Err(Error::InvalidValue {
                path: "exceptions".into(),
                value: format!("{} dates", spec.exceptions.len()),
                expected: format!("at most {MAX_EXCEPTIONS} exception dates"),
            });
        }
        let mut exceptions = BTreeMap::new();
        for (key, shifts) in &spec.exceptions {
            let epath = format!("exceptions.{key}");
            let date = crate::time::parse_date("exceptions", key)?;
            if holidays.contains(date) {
                return Err(Error::HolidayAndException {
                    path: epath,
                    date: key.clone(),
                });
            }
            exceptions.insert(date, parse_spans(shifts).map_err(|e| e.at(&epath))?);
        }
        if spec.special_hours.len() > MAX_SPECIAL_HOURS_RULES {
            return Err(Error::InvalidValue {
                path: "special_hours".into(),
                value: format!("{} rules", spec.special_hours.len()),
                expected: format!("at most {MAX_SPECIAL_HOURS_RULES} special-hours rules"),
            });
        }
        let special = SpecialHours::from_specs(&spec.special_hours, parse_spans)
            .map_err(|e| e.at("special_hours"))?;
        Ok(Zoned {
            tz,
            weekly,
            holidays,
            exceptions,
            special,
        })
    }
}
