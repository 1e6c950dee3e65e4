//! Targets: how much time a metric may take, on which clock, from when.
//!
//! The forms, the cut-off rule and the counting policy are documented, with examples, on
//! [`TargetSpec`].

use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::metric::StartRule;
use super::target_form::TargetForm;
use crate::calendar::model::Calendar;
use crate::calendar::BusinessDays;
use crate::error::Error;
use crate::time::{format_duration, parse_duration, TimeOfDay};

/// Where a business-day form starts counting (see the [`TargetSpec`] docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountFrom {
    /// From the metric's start, at its wall-clock time even when the calendar is closed then
    /// (the default): on a Monday–Friday 08:00–18:00 calendar, one business day from Saturday
    /// 07:00 is Tuesday 07:00 and from Saturday 19:00 Tuesday 19:00.
    #[default]
    Start,
    /// From the calendar's next opening at or after the start (the start itself when the
    /// calendar is open): one business day from Saturday 07:00 or 19:00 is Tuesday 08:00.
    NextOpening,
}

/// The plain serde form of a target: exactly one of `within`, `business_days`,
/// `end_of_business_day`, plus the clock and the start rule. It stays apart from [`Target`]
/// because validation changes the shape: the optional forms become one [`TargetForm`], and a
/// target is checked against the catalog's calendars (so it cannot read itself).
///
/// A target is written with exactly one form, a clock (default `business`) and a start rule
/// (default: when the incident is reported):
///
/// | form | meaning |
/// | --- | --- |
/// | `{"within": "4h"}` | 4 hours of business time on the clock |
/// | `{"business_days": 2}` | 2 business days later at the same local time |
/// | `{"end_of_business_day": 1}` | by the end of the next business day's hours |
/// | `{"business_days": 1, "by": "12:00"}` | by 12:00 on the next business day (cut-off: `by`) |
/// | `{"business_days": 0, "by": "16:00", "cutoff": "10:00"}` | by 16:00 the same business day if reported before 10:00, else by 16:00 the next business day |
///
/// Business days are local dates of the clock's calendar, so the business-day forms need a
/// calendar with one time zone (not a union, intersection or difference).
///
/// # Cut-off forms: `business_days` with `by` (and `cutoff`)
///
/// In the zone of the target's calendar, let D be the local date of the metric's start if
/// that date is a business day and the start's local time is before the cut-off (default:
/// the `by` time), else the next business day; the deadline is `by` on business day D + N.
/// A `by` inside a DST gap means the first instant after the gap, inside a fold the first
/// occurrence; a `by` after the day's last closing (a half day) still names that wall-clock
/// time. A `cutoff` after `by` needs `business_days` of 1 or more (with 0 a report between
/// them would be due before it was made). While a metric is never paused, its deadline is
/// the one the form names; once paused, the clock's deadline holds the same business time.
///
/// ```
/// use chrono::{DateTime, Utc};
/// use slacalc::contract::{Target, TargetSpec};
/// use slacalc::Calendar;
/// let office: Calendar = serde_json::from_str(r#"{"timezone": "Europe/Berlin",
///     "hours": {"mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
///               "thu": ["08:00-18:00"], "fri": ["08:00-13:00"]}}"#)?;
/// // "By 16:00 the same business day if reported before 10:00, else by 16:00 the next one."
/// let spec: TargetSpec =
///     serde_json::from_str(r#"{"business_days": 0, "by": "16:00", "cutoff": "10:00"}"#)?;
/// let target = Target::try_from(&spec)?;
/// assert_eq!(target.form.to_string(), "0 business days by 16:00 (cut-off 10:00)");
/// let due = |at: &str| -> Result<DateTime<Utc>, Box<dyn std::error::Error>> {
///     Ok(target.deadline(&office, at.parse()?)?)
/// };
/// // Tuesday 2026-11-24 09:59 Berlin: the same day, 16:00 Berlin.
/// assert_eq!(due("2026-11-24T08:59:00Z")?, "2026-11-24T15:00:00Z".parse::<DateTime<Utc>>()?);
/// // 10:00 is not before the cut-off: Wednesday, 16:00.
/// assert_eq!(due("2026-11-24T09:00:00Z")?, "2026-11-25T15:00:00Z".parse::<DateTime<Utc>>()?);
/// // Saturday: the next business day is Monday.
/// assert_eq!(due("2026-11-28T09:00:00Z")?, "2026-11-30T15:00:00Z".parse::<DateTime<Utc>>()?);
/// // Friday closes at 13:00; "by 16:00" still means 16:00 on Friday.
/// assert_eq!(due("2026-11-27T07:00:00Z")?, "2026-11-27T15:00:00Z".parse::<DateTime<Utc>>()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Without `cutoff`, the cut-off is the `by` time: "by 12:00 on the next business day,
/// counted from the day reported if before 12:00":
///
/// ```
/// use chrono::{DateTime, Utc};
/// use slacalc::contract::{Target, TargetSpec};
/// use slacalc::Calendar;
/// let office: Calendar = serde_json::from_str(r#"{"timezone": "America/New_York",
///     "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
///               "thu": ["09:00-17:00"], "fri": ["09:00-17:00"], "sun": ["01:00-03:00"]}}"#)?;
/// let spec: TargetSpec = serde_json::from_str(r#"{"business_days": 1, "by": "12:00"}"#)?;
/// let target = Target::try_from(&spec)?;
/// // Monday 2026-11-23 11:00 New York: by Tuesday 12:00.
/// let due = target.deadline(&office, "2026-11-23T16:00:00Z".parse()?)?;
/// assert_eq!(due, "2026-11-24T17:00:00Z".parse::<DateTime<Utc>>()?);
/// // Monday 12:00 is not before the cut-off: by Wednesday 12:00.
/// let due = target.deadline(&office, "2026-11-23T17:00:00Z".parse()?)?;
/// assert_eq!(due, "2026-11-25T17:00:00Z".parse::<DateTime<Utc>>()?);
///
/// // DST: "by 02:30" on Sunday 2026-03-08 falls in New York's gap (02:00 -> 03:00): the
/// // first instant after the gap, 03:00 EDT; on Sunday 2026-11-01, 01:30 happens twice:
/// // the first occurrence, 01:30 EDT.
/// let spec: TargetSpec = serde_json::from_str(r#"{"business_days": 1, "by": "02:30"}"#)?;
/// let gap = Target::try_from(&spec)?;
/// // Friday 2026-03-06 12:00 EST is after the cut-off, so D is the next business day,
/// // Sunday (open 01:00-03:00), and D + 1 is Monday.
/// let due = gap.deadline(&office, "2026-03-06T17:00:00Z".parse()?)?;
/// assert_eq!(due, "2026-03-09T06:30:00Z".parse::<DateTime<Utc>>()?);
/// // Friday 01:00 EST, before the cut-off: D is Friday, D + 1 is Sunday 02:30 -> 03:00 EDT.
/// let due = gap.deadline(&office, "2026-03-06T06:00:00Z".parse()?)?;
/// assert_eq!(due, "2026-03-08T07:00:00Z".parse::<DateTime<Utc>>()?);
/// let spec: TargetSpec = serde_json::from_str(r#"{"business_days": 1, "by": "01:30"}"#)?;
/// let fold = Target::try_from(&spec)?;
/// // Friday 2026-10-30 01:00 EDT: D + 1 is Sunday 2026-11-01, 01:30 EDT (05:30Z).
/// let due = fold.deadline(&office, "2026-10-30T05:00:00Z".parse()?)?;
/// assert_eq!(due, "2026-11-01T05:30:00Z".parse::<DateTime<Utc>>()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Counting policy: `count_from`
///
/// "N business days later at the same local time" counts from the start's wall-clock time
/// even when the calendar is closed then, so on a Monday–Friday 08:00–18:00 calendar a
/// Saturday 07:00 report with `{"business_days": 1}` is due Tuesday 07:00 (10 business
/// hours) and a Saturday 19:00 report Tuesday 19:00 (20 business hours). With
/// `"count_from": "next_opening"` a business-day form counts from the calendar's next
/// opening instead (the start itself when the calendar is open then): both reports are due
/// Tuesday 08:00 (10 business hours). The default is `"start"`. `count_from` applies to the
/// business-day forms only (`within` counts business time, which is the same from either).
///
/// ```
/// use chrono::{DateTime, TimeDelta, Utc};
/// use slacalc::contract::{Target, TargetSpec};
/// use slacalc::Calendar;
/// let office: Calendar = serde_json::from_str(r#"{"timezone": "UTC",
///     "hours": {"mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
///               "thu": ["08:00-18:00"], "fri": ["08:00-18:00"]}}"#)?;
/// let same_time = Target::try_from(&serde_json::from_str::<TargetSpec>(r#"{"business_days": 1}"#)?)?;
/// let next_opening = Target::try_from(&serde_json::from_str::<TargetSpec>(
///     r#"{"business_days": 1, "count_from": "next_opening"}"#,
/// )?)?;
/// let (early, late) = ("2026-11-28T07:00:00Z".parse()?, "2026-11-28T19:00:00Z".parse()?);
/// assert_eq!(same_time.deadline(&office, early)?, "2026-12-01T07:00:00Z".parse::<DateTime<Utc>>()?);
/// assert_eq!(same_time.deadline(&office, late)?, "2026-12-01T19:00:00Z".parse::<DateTime<Utc>>()?);
/// assert_eq!(next_opening.deadline(&office, early)?, "2026-12-01T08:00:00Z".parse::<DateTime<Utc>>()?);
/// assert_eq!(next_opening.deadline(&office, late)?, "2026-12-01T08:00:00Z".parse::<DateTime<Utc>>()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSpec {
    /// A duration of business time on the clock (`30m`, `4h`, `36h`, `1d` = 24 hours, or
    /// ISO 8601 `PT4H`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// "N business days later at the same local time" on the clock's calendar (0 to
    /// 10,000); with `by`, "by that wall-clock time on the Nth business day".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_days: Option<BusinessDays>,
    /// With `business_days`: the wall-clock time (`HH:MM`, `24:00` allowed) the deadline
    /// falls on, on business day D + N (see the [`TargetSpec`] docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// With `by`: a start at or after this wall-clock time (`HH:MM`) counts from the next
    /// business day; default the `by` time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cutoff: Option<String>,
    /// "By the end of the Nth business day" (1 = the end of the next business day; at most
    /// 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_of_business_day: Option<BusinessDays>,
    /// Where a business-day form starts counting: `start` (default) or `next_opening`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub count_from: CountFrom,
    /// The calendar the time counts on: `24x7` (wall time), `business` (the contract's
    /// region calendar with its holidays), or the name of a calendar of the catalog. Default
    /// `business`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<String>,
    /// When the clock starts; default `reported`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub start: StartRule,
}

/// The largest day count a business-day form may name (`business_days`,
/// `end_of_business_day`, and a ladder step's `business_days`): 10,000 business days, about
/// 40 years of five-day weeks. No support contract promises more; a larger count could only
/// fail when an incident is evaluated (its deadline beyond the representable instants, or a
/// search over centuries), so it is refused when the configuration is loaded.
pub(crate) const MAX_BUSINESS_DAYS: BusinessDays = BusinessDays(10_000);

/// A day count of a business-day form or ladder step, `n`, is from 0 to
/// [`MAX_BUSINESS_DAYS`]; else what was expected.
pub(crate) fn check_day_count(n: BusinessDays) -> Result<BusinessDays, String> {
    if n.get() < 0 {
        Err("a number of days, 0 or more".to_owned())
    } else if n > MAX_BUSINESS_DAYS {
        Err(format!(
            "a number of days from 0 to {}",
            MAX_BUSINESS_DAYS.get()
        ))
    } else {
        Ok(n)
    }
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// A validated target. Back to configuration: [`TargetSpec::from`], which serializing writes
/// (the clock always named, even when the configuration left it to `business`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "TargetSpec")]
pub struct Target {
    /// The allowed amount.
    pub form: TargetForm,
    /// The name of the calendar it counts on (configured as `clock`).
    pub calendar: Arc<str>,
    /// When the clock starts.
    pub start: StartRule,
    /// Where a business-day form starts counting (always [`CountFrom::Start`] for
    /// [`TargetForm::Within`]).
    pub count_from: CountFrom,
}

const ONE_FORM: &str = "exactly one of `within`, `business_days`, `end_of_business_day`";

impl TryFrom<&TargetSpec> for Target {
    type Error = Error;

    /// Validates a target spec; error paths are relative to it (`within`, `by`).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when not exactly one form is given, for a malformed or
    /// negative duration, a day count below 0 or above 10,000, `by` or `cutoff` without the
    /// form they belong to, a `cutoff` after `by` with `business_days: 0`, or `count_from`
    /// with `within`; [`Error::InvalidTimeOfDay`] for a malformed `by` or `cutoff`.
    fn try_from(spec: &TargetSpec) -> Result<Target, Error> {
        let given = [
            spec.within.is_some(),
            spec.business_days.is_some(),
            spec.end_of_business_day.is_some(),
        ]
        .iter()
        .filter(|f| **f)
        .count();
        if given != 1 {
            return Err(Error::InvalidValue {
                path: String::new(),
                value: format!("{given} forms given"),
                expected: ONE_FORM.into(),
            });
        }
        let days = |field: &str, n: BusinessDays| {
            check_day_count(n).map_err(|expected| Error::InvalidValue {
                path: field.to_owned(),
                value: n.get().to_string(),
                expected,
            })
        };
        let time = |field: &str, s: &str| {
            s.parse::<TimeOfDay>().map_err(|_| Error::InvalidTimeOfDay {
                path: field.to_owned(),
                input: s.to_owned(),
            })
        };
        if spec.business_days.is_none() && spec.by.is_some() {
            return Err(Error::InvalidValue {
                path: "by".to_owned(),
                value: spec.by.clone().unwrap_or_default(),
                expected: "`by` only together with `business_days`".into(),
            });
        }
        if spec.by.is_none() && spec.cutoff.is_some() {
            return Err(Error::InvalidValue {
                path: "cutoff".to_owned(),
                value: spec.cutoff.clone().unwrap_or_default(),
                expected: "`cutoff` only together with `business_days` and `by`".into(),
            });
        }
        let form = if let Some(w) = &spec.within {
            if spec.count_from != CountFrom::Start {
                return Err(Error::InvalidValue {
                    path: "count_from".to_owned(),
                    value: "next_opening".into(),
                    expected: "`count_from` only with a business-day form (`business_days`, \
                               `end_of_business_day`): `within` counts business time, the \
                               same from the start or the next opening"
                        .into(),
                });
            }
            TargetForm::Within(parse_duration(w).map_err(|_| {
                Error::InvalidValue {
                    path: "within".to_owned(),
                    value: w.clone(),
                    // Kept as before ISO 8601 was accepted too: tests pin this message.
                    expected: "a duration such as `30m`, `4h`, `1h30m` or `2d` (units d, h, m, s)"
                        .into(),
                }
            })?)
        } else if let Some(n) = spec.business_days {
            let n = days("business_days", n)?;
            match &spec.by {
                None => TargetForm::BusinessDays(n),
                Some(by) => {
                    let by = time("by", by)?;
                    let cutoff = spec
                        .cutoff
                        .as_deref()
                        .map(|c| time("cutoff", c))
                        .transpose()?;
                    if let Some(c) = cutoff.filter(|c| n.get() == 0 && *c > by) {
                        return Err(Error::InvalidValue {
                            path: "cutoff".to_owned(),
                            value: c.to_string(),
                            expected: format!(
                                "a cut-off not after `by` ({by}) when `business_days` is 0: \
                                 a report between them would be due before it was made"
                            ),
                        });
                    }
                    TargetForm::BusinessDaysBy {
                        days: n,
                        by,
                        cutoff,
                    }
                }
            }
        } else if let Some(n) = spec.end_of_business_day {
            TargetForm::EndOfBusinessDay(days("end_of_business_day", n)?)
        } else {
            // Unreachable after the count check; an error rather than a panic.
            return Err(Error::InvalidValue {
                path: String::new(),
                value: "no form".into(),
                expected: ONE_FORM.into(),
            });
        };
        Ok(Target {
            form,
            calendar: spec.clock.as_deref().unwrap_or("business").into(),
            start: spec.start.clone(),
            count_from: spec.count_from,
        })
    }
}

impl From<Target> for TargetSpec {
    fn from(target: Target) -> TargetSpec {
        TargetSpec::from(&target)
    }
}

impl From<&Target> for TargetSpec {
    /// The target's configuration, rebuilt from its parts.
    fn from(target: &Target) -> TargetSpec {
        let mut spec = TargetSpec {
            clock: Some(target.calendar.to_string()),
            start: target.start.clone(),
            count_from: target.count_from,
            ..TargetSpec::default()
        };
        match target.form {
            TargetForm::Within(d) => spec.within = Some(format_duration(d)),
            TargetForm::BusinessDays(n) => spec.business_days = Some(n),
            TargetForm::EndOfBusinessDay(n) => spec.end_of_business_day = Some(n),
            TargetForm::BusinessDaysBy { days, by, cutoff } => {
                spec.business_days = Some(days);
                spec.by = Some(by.to_string());
                spec.cutoff = cutoff.map(|c| c.to_string());
            }
        }
        spec
    }
}

impl Target {
    /// The deadline of a metric that starts at `start` on `calendar` and is never paused:
    /// the instant the allowance of a `within` target runs out, or the deadline a
    /// business-day form names (see [`TargetSpec`] for each form).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a business-day form on a calendar without one time zone;
    /// [`Error::NoBusinessTime`] when the calendar has no business time (or business day) left
    /// after `start`; [`Error::OutOfRange`] beyond chrono's dates.
    pub fn deadline(
        &self,
        calendar: &Calendar,
        start: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, Error> {
        match self.form {
            TargetForm::Within(d) => calendar.add(start, d),
            _ => self.named_deadline(calendar, start),
        }
    }

    /// The business time this target allows for a clock starting at `start` on `calendar`,
    /// and, for the business-day forms, the deadline the form names.
    ///
    /// # Errors
    /// Calendar errors (no business time, out of range).
    pub(crate) fn allowance(
        &self,
        calendar: &Calendar,
        start: DateTime<Utc>,
    ) -> Result<(TimeDelta, Option<DateTime<Utc>>), Error> {
        let deadline = match self.form {
            TargetForm::Within(d) => return Ok((d, None)),
            _ => self.named_deadline(calendar, start)?,
        };
        Ok((calendar.between(start, deadline)?, Some(deadline)))
    }

    /// The deadline a business-day form names for a metric starting at `start`.
    fn named_deadline(
        &self,
        calendar: &Calendar,
        start: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, Error> {
        let from = match self.count_from {
            CountFrom::Start => start,
            CountFrom::NextOpening => calendar.next_open(start)?.ok_or(Error::NoBusinessTime {
                at: start,
                direction: "after",
            })?,
        };
        match self.form {
            TargetForm::Within(d) => calendar.add(from, d),
            TargetForm::BusinessDays(n) => calendar.business_days_later(from, n),
            TargetForm::EndOfBusinessDay(n) => calendar.end_of_business_day(from, n),
            TargetForm::BusinessDaysBy { days, by, cutoff } => {
                // A `by` that the wall clock reaches before the start (a fold that repeats
                // the hour between them) is due at the start: no business time is allowed.
                by_deadline(calendar, from, days, by, cutoff.unwrap_or(by)).map(|d| d.max(start))
            }
        }
    }
}

/// `by` on business day D + `days`, D as in the module docs.
fn by_deadline(
    calendar: &Calendar,
    from: DateTime<Utc>,
    days: BusinessDays,
    by: TimeOfDay,
    cutoff: TimeOfDay,
) -> Result<DateTime<Utc>, Error> {
    const OPERATION: &str = "business_days with by";
    let out_of_range = || {
        crate::error::out_of_range(
            OPERATION,
            format_args!("{} {:+} by {by}", crate::time::rfc3339(from), days.get()),
        )
    };
    let tz = calendar.timezone().ok_or_else(|| Error::InvalidArgument {
        operation: OPERATION,
        reason: "needs a calendar with one time zone; a union, intersection or difference \
                 has none (use the calendar whose local time counts)"
            .into(),
    })?;
    let local = crate::time::local_naive(&tz, from).ok_or_else(out_of_range)?;
    let date = local.date();
    let business = calendar.is_business_day(date);
    // Whole seconds suffice: a cut-off is a whole minute, so `t < c` iff `floor(t) < c`.
    let before_cutoff = i64::from(local.time().num_seconds_from_midnight()) < cutoff.seconds();
    // On a business day at or after the cut-off, D is the next business day; on any other
    // day `add_business_days` rolls forward to the next business day first.
    let skip = i64::from(business && !before_cutoff);
    let n = days.get().checked_add(skip).ok_or_else(out_of_range)?;
    let due_date = calendar.add_business_days(date, BusinessDays(n))?;
    let naive = due_date
        .and_hms_opt(0, 0, 0)
        .and_then(|midnight| midnight.checked_add_signed(TimeDelta::try_seconds(by.seconds())?))
        .ok_or_else(out_of_range)?;
    crate::time::first_instant_reading(&tz, naive).ok_or_else(out_of_range)
}

#[cfg(test)]
mod tests;
