//! Targets: how much time a metric may take, on which clock, from when.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::error::Error;
use crate::time::{format_duration, parse_duration};

/// The promises a plan can make about an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Metric {
    /// First response (reaction time).
    Reaction,
    /// A resolution plan (Cumulocity: within 4 hours of a Crisis).
    ResolutionPlan,
    /// A workaround: service restored (recovery time).
    Workaround,
    /// The incident resolved.
    Resolution,
    /// Periodic status updates: each is due a fixed time after the previous one.
    Update,
}

impl Metric {
    /// All metrics, in report order.
    pub const ALL: [Metric; 5] = [
        Metric::Reaction,
        Metric::ResolutionPlan,
        Metric::Workaround,
        Metric::Resolution,
        Metric::Update,
    ];

    /// The key as written in configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Reaction => "reaction",
            Metric::ResolutionPlan => "resolution_plan",
            Metric::Workaround => "workaround",
            Metric::Resolution => "resolution",
            Metric::Update => "update",
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When a metric's clock starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum StartRule {
    /// When the incident is reported (the default).
    #[default]
    Reported,
    /// When reported on a business day of the contract's business calendar; when reported on
    /// any other day, at the first `contact_established` event (Cumulocity: "on non-Business
    /// Days … the reaction time is measured from the time the Customer gets in contact with a
    /// Cumulocity Support Engineer").
    ContactOnNonBusinessDays,
    /// When the given support level takes the incident over (its first `level_changed` to
    /// that level; the report itself when the plan's first level is that level). COSYS: the
    /// response time of third-level support runs from the hand-over to COSYS. Written
    /// `{"at_level": "n3"}`.
    AtLevel(String),
}

/// The plain serde form of a target: exactly one of `within`, `business_days`,
/// `end_of_business_day`, plus the clock and the start rule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSpec {
    /// A duration of business time on the clock (`30m`, `4h`, `36h`, `1d` = 24 hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// "N business days later at the same local time" on the clock's calendar (0 to 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_days: Option<i64>,
    /// "By the end of the Nth business day" (1 = the end of the next business day; at most
    /// 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_of_business_day: Option<i64>,
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
pub(crate) const MAX_BUSINESS_DAYS: i64 = 10_000;

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// The amount a target allows. Serializes as its display form: `4h`, `5 business days`,
/// `end of business day 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetForm {
    /// A duration of business time on the clock.
    Within(TimeDelta),
    /// N business days later at the same local time.
    BusinessDays(i64),
    /// By the end of the Nth business day.
    EndOfBusinessDay(i64),
}

impl fmt::Display for TargetForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetForm::Within(d) => f.write_str(&format_duration(*d)),
            TargetForm::BusinessDays(n) => write!(f, "{n} business days"),
            TargetForm::EndOfBusinessDay(n) => write!(f, "end of business day {n}"),
        }
    }
}

impl std::str::FromStr for TargetForm {
    type Err = Error;

    fn from_str(s: &str) -> Result<TargetForm, Error> {
        let bad = || Error::InvalidValue {
            path: String::new(),
            value: s.to_owned(),
            expected: "a duration (`4h`), `N business days` or `end of business day N`".into(),
        };
        if let Some(n) = s.strip_suffix(" business days") {
            return n.parse().map(TargetForm::BusinessDays).map_err(|_| bad());
        }
        if let Some(n) = s.strip_prefix("end of business day ") {
            return n
                .parse()
                .map(TargetForm::EndOfBusinessDay)
                .map_err(|_| bad());
        }
        parse_duration(s).map(TargetForm::Within).map_err(|_| bad())
    }
}

impl Serialize for TargetForm {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TargetForm {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A validated target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The allowed amount.
    pub form: TargetForm,
    /// The name of the clock (calendar) it counts on.
    pub clock: Arc<str>,
    /// When the clock starts.
    pub start: StartRule,
}

impl Target {
    /// Validates a target spec found at `path`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when not exactly one form is given, for a malformed or
    /// negative duration, or a day count below 0 or above 10,000.
    pub fn from_spec(spec: &TargetSpec, path: &str) -> Result<Target, Error> {
        let forms = [
            spec.within.is_some(),
            spec.business_days.is_some(),
            spec.end_of_business_day.is_some(),
        ];
        let form = match (&spec.within, spec.business_days, spec.end_of_business_day) {
            _ if forms.iter().filter(|f| **f).count() != 1 => {
                return Err(Error::InvalidValue {
                    path: path.to_owned(),
                    value: format!("{} forms given", forms.iter().filter(|f| **f).count()),
                    expected: "exactly one of `within`, `business_days`, `end_of_business_day`"
                        .into(),
                })
            }
            (Some(w), _, _) => {
                TargetForm::Within(parse_duration(w).map_err(|_| Error::InvalidValue {
                    path: format!("{path}.within"),
                    value: w.clone(),
                    expected:
                        "a duration such as `30m`, `4h`, `1h30m` or `2d` (units d, h, m, s)".into(),
                })?)
            }
            (_, Some(n), _) | (_, _, Some(n)) if n < 0 => {
                let field = if spec.business_days.is_some() {
                    "business_days"
                } else {
                    "end_of_business_day"
                };
                return Err(Error::InvalidValue {
                    path: format!("{path}.{field}"),
                    value: n.to_string(),
                    expected: "a number of days, 0 or more".into(),
                });
            }
            (_, Some(n), _) | (_, _, Some(n)) if n > MAX_BUSINESS_DAYS => {
                let field = if spec.business_days.is_some() {
                    "business_days"
                } else {
                    "end_of_business_day"
                };
                return Err(Error::InvalidValue {
                    path: format!("{path}.{field}"),
                    value: n.to_string(),
                    expected: format!("a number of days from 0 to {MAX_BUSINESS_DAYS}"),
                });
            }
            (_, Some(n), _) => TargetForm::BusinessDays(n),
            (_, _, Some(n)) => TargetForm::EndOfBusinessDay(n),
            _ => unreachable_form(path)?,
        };
        Ok(Target {
            form,
            clock: spec.clock.as_deref().unwrap_or("business").into(),
            start: spec.start.clone(),
        })
    }

    /// The spec this target came from.
    pub fn to_spec(&self) -> TargetSpec {
        let mut spec = TargetSpec {
            clock: Some(self.clock.to_string()),
            start: self.start.clone(),
            ..TargetSpec::default()
        };
        match self.form {
            TargetForm::Within(d) => spec.within = Some(format_duration(d)),
            TargetForm::BusinessDays(n) => spec.business_days = Some(n),
            TargetForm::EndOfBusinessDay(n) => spec.end_of_business_day = Some(n),
        }
        spec
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
            TargetForm::BusinessDays(n) => calendar.business_days_later(start, n)?,
            TargetForm::EndOfBusinessDay(n) => calendar.end_of_business_day(start, n)?,
        };
        Ok((calendar.between(start, deadline)?, Some(deadline)))
    }
}

/// The match above covers every combination once the count check passed; this keeps the
/// compiler satisfied without a panic.
fn unreachable_form(path: &str) -> Result<TargetForm, Error> {
    Err(Error::InvalidValue {
        path: path.to_owned(),
        value: "no form".into(),
        expected: "exactly one of `within`, `business_days`, `end_of_business_day`".into(),
    })
}
