//! Escalation ladders: who is pulled in, and when, as an incident's promises slip.
//!
//! A plan has at most one ladder per severity (`PlanSpec::ladders`, keyed by severity). A
//! ladder is a clock with steps: it starts when the incident is reported, its own pause rules
//! halt it, its end events stop it; each step names whom to notify and a trigger. How steps
//! are evaluated is described in the [lifecycle guide](crate::guide::lifecycle#escalation-ladders).

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use chrono::TimeDelta;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::metric::Metric;
use super::names::{check_calendar, BUSINESS, WALL_CLOCK};
use super::pause::{check_pause_rules, PauseRule};
use super::target::{check_day_count, Target};
use crate::calendar::BusinessDays;
use crate::error::Error;
use crate::incident::EventTag;
use crate::time::{format_duration, parse_duration};

/// The plain serde form of a ladder. It stays apart from [`Ladder`] because validation
/// changes the shape: each step's optional triggers become one [`Trigger`], checked against
/// the catalog's calendars and the plan's metrics.
///
/// ```
/// use slacalc::contract::LadderSpec;
/// let spec: LadderSpec = serde_json::from_str(r#"{
///     "pauses": [{"from": "solution_proposed", "until": ["solution_rejected"]}],
///     "ends": ["solution_confirmed", "resolved", "closed"],
///     "steps": [
///         {"after": "1d", "notify": "Regional Director Support"},
///         {"business_days": 7, "clock": "business", "notify": "Global VP Support"},
///         {"share": "75", "metric": "resolution", "notify": "Duty manager"},
///         {"after_breach": "1h", "metric": "resolution", "notify": "Head of Support"}
///     ]
/// }"#)?;
/// assert_eq!(spec.steps.len(), 4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct LadderSpec {
    /// Events that halt the ladder and the events that resume it (same form as a plan's
    /// metric pauses). Default: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pauses: Vec<PauseRule>,
    /// Events that end the ladder: steps not fired by then never fire. Default
    /// `["resolved", "closed"]`.
    #[serde(default = "default_ends")]
    pub ends: Vec<EventTag>,
    /// The steps, in the order they fire.
    pub steps: Vec<StepSpec>,
}

crate::config::tracked_serde!(LadderSpec);

fn default_ends() -> Vec<EventTag> {
    vec![EventTag::Resolved, EventTag::Closed]
}

/// The plain serde form of a step: whom to notify and exactly one trigger (`after`,
/// `business_days`, `share` or `after_breach`). Apart from [`Step`] because its four optional
/// triggers become one [`Trigger`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    /// The role or recipient pulled in (`Regional Director Support`).
    pub notify: String,
    /// Elapsed time on the ladder's clock: a duration (`1d` = exactly 24 hours) counted on
    /// `clock` (default `24x7`, wall time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// "N business days later at the same local time" on `clock` (default `business`); 0 to
    /// 10,000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_days: Option<BusinessDays>,
    /// A share of `metric`'s target, in percent as a decimal string (`"50"`, `"87.5"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<String>,
    /// A duration past `metric`'s deadline, counted on the metric's own clock (`1h`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_breach: Option<String>,
    /// The metric a `share` or `after_breach` trigger refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    /// The clock an `after` or `business_days` trigger counts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<String>,
}

/// When a step fires. Displays as `1d @ 24x7`, `5 business days @ business`,
/// `75% of resolution`, `1h after resolution breach`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Trigger {
    /// When the ladder's clock on `calendar` has counted `duration` (wall time on `24x7`).
    After {
        /// The amount of time (ISO 8601 when serialized, `PT24H`).
        #[serde(with = "crate::time::iso_duration")]
        duration: TimeDelta,
        /// The calendar it counts on (`clock` when serialized, as configured).
        #[serde(rename = "clock")]
        calendar: Arc<str>,
    },
    /// `days` business days of `calendar` after the ladder's start, at the same local time,
    /// moved later by the business time the ladder was halted.
    BusinessDays {
        /// The number of business days.
        days: BusinessDays,
        /// The calendar whose business days count (`clock` when serialized, as configured).
        #[serde(rename = "clock")]
        calendar: Arc<str>,
    },
    /// When `metric`'s clock has used `percent` of its target.
    Share {
        /// Percent of the target (100 = the deadline).
        percent: Decimal,
        /// The metric.
        metric: Metric,
    },
    /// When `metric`'s clock has counted `duration` beyond its target.
    AfterBreach {
        /// How long past the deadline, on the metric's clock (ISO 8601 when serialized).
        #[serde(with = "crate::time::iso_duration")]
        duration: TimeDelta,
        /// The metric.
        metric: Metric,
    },
}

impl fmt::Display for Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trigger::After { duration, calendar } => {
                write!(f, "{} @ {calendar}", format_duration(*duration))
            }
            Trigger::BusinessDays { days, calendar } => {
                write!(f, "{days} @ {calendar}")
            }
            Trigger::Share { percent, metric } => write!(f, "{percent}% of {metric}"),
            Trigger::AfterBreach { duration, metric } => {
                write!(f, "{} after {metric} breach", format_duration(*duration))
            }
        }
    }
}

impl Trigger {
    /// The metric the trigger refers to, if any.
    pub fn metric(&self) -> Option<Metric> {
        match self {
            Trigger::Share { metric, .. } | Trigger::AfterBreach { metric, .. } => Some(*metric),
            _ => None,
        }
    }

    /// Whether `self`, listed after `earlier`, is statically known to fire before it.
    /// Triggers on different scales (another clock, another metric, elapsed time against
    /// business days) are not compared.
    fn fires_before(&self, earlier: &Trigger) -> bool {
        use Trigger as T;
        match (earlier, self) {
            (
                T::After {
                    duration: a,
                    calendar: ca,
                },
                T::After {
                    duration: b,
                    calendar: cb,
                },
            ) => ca == cb && b < a,
            (
                T::BusinessDays {
                    days: a,
                    calendar: ca,
                },
                T::BusinessDays {
                    days: b,
                    calendar: cb,
                },
            ) => ca == cb && b < a,
            (
                T::Share {
                    percent: a,
                    metric: ma,
                },
                T::Share {
                    percent: b,
                    metric: mb,
                },
            ) => ma == mb && b < a,
            (
                T::AfterBreach {
                    duration: a,
                    metric: ma,
                },
                T::AfterBreach {
                    duration: b,
                    metric: mb,
                },
            ) => ma == mb && b < a,
            // A share up to 100 % comes at or before the deadline, so before any breach step.
            (
                T::AfterBreach { metric: ma, .. },
                T::Share {
                    percent,
                    metric: mb,
                },
            ) => ma == mb && *percent <= Decimal::ONE_HUNDRED,
            _ => false,
        }
    }
}

/// A validated step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The role or recipient pulled in.
    pub notify: Arc<str>,
    /// When it fires.
    pub trigger: Trigger,
}

/// A validated ladder. Its configuration reference (triggers, halts, firing, validation) is
/// in the [lifecycle guide](crate::guide::lifecycle#escalation-ladders). Back to
/// configuration: [`LadderSpec::from`], which serializing writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "LadderSpec")]
pub struct Ladder {
    /// Halts: from an event until one of its resuming events.
    pub pauses: Vec<PauseRule>,
    /// Events that end the ladder.
    pub ends: Vec<EventTag>,
    /// The steps, in the order they fire.
    pub steps: Vec<Step>,
}

impl Ladder {
    /// Validates a ladder against the catalog's clocks and the targets the plan defines for its
    /// severity. Error paths are relative to the ladder (`steps[1].after`): the plan adds
    /// `ladders.<severity>`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a step without exactly one trigger, a malformed or negative
    /// duration, share or day count, a step listed before one it fires after, an empty
    /// `notify` or step list, a misplaced `metric` or `clock`, or a pause rule that resumes on
    /// its own event; [`Error::UnknownName`] for an unknown clock or a metric the plan does
    /// not define for the severity.
    pub(crate) fn from_spec(
        spec: &LadderSpec,
        clocks: &[String],
        targets: Option<&std::collections::BTreeMap<Metric, Target>>,
    ) -> Result<Ladder, Error> {
        if spec.steps.is_empty() {
            return Err(Error::InvalidValue {
                path: "steps".into(),
                value: "[]".into(),
                expected: "at least one step".into(),
            });
        }
        check_pause_rules(&spec.pauses).map_err(|e| e.at("pauses"))?;
        let mut steps: Vec<Step> = Vec::with_capacity(spec.steps.len());
        for (i, s) in spec.steps.iter().enumerate() {
            let spath = format!("steps[{i}]");
            let (trigger, field, written) =
                trigger_from_spec(s, clocks, targets).map_err(|e| e.at(&spath))?;
            if s.notify.trim().is_empty() {
                return Err(Error::InvalidValue {
                    path: format!("{spath}.notify"),
                    value: s.notify.clone(),
                    expected: "the role or recipient to notify".into(),
                });
            }
            if let Some((j, earlier)) = steps
                .iter()
                .enumerate()
                .find(|(_, e)| trigger.fires_before(&e.trigger))
            {
                return Err(Error::InvalidValue {
                    path: format!("{spath}.{field}"),
                    value: written,
                    expected: format!(
                        "a trigger not before that of steps[{j}] (`{}`): steps are listed in \
                         the order they fire",
                        earlier.trigger
                    ),
                });
            }
            steps.push(Step {
                notify: s.notify.as_str().into(),
                trigger,
            });
        }
        Ok(Ladder {
            pauses: spec.pauses.clone(),
            ends: spec.ends.clone(),
            steps,
        })
    }
}

impl From<Ladder> for LadderSpec {
    fn from(ladder: Ladder) -> LadderSpec {
        LadderSpec::from(&ladder)
    }
}

impl From<&Ladder> for LadderSpec {
    /// The ladder's configuration, rebuilt from its parts.
    fn from(ladder: &Ladder) -> LadderSpec {
        LadderSpec {
            pauses: ladder.pauses.clone(),
            ends: ladder.ends.clone(),
            steps: ladder
                .steps
                .iter()
                .map(|s| {
                    let mut spec = StepSpec {
                        notify: s.notify.to_string(),
                        ..StepSpec::default()
                    };
                    match &s.trigger {
                        Trigger::After { duration, calendar } => {
                            spec.after = Some(format_duration(*duration));
                            spec.clock = Some(calendar.to_string());
                        }
                        Trigger::BusinessDays { days, calendar } => {
                            spec.business_days = Some(*days);
                            spec.clock = Some(calendar.to_string());
                        }
                        Trigger::Share { percent, metric } => {
                            spec.share = Some(percent.to_string());
                            spec.metric = Some(*metric);
                        }
                        Trigger::AfterBreach { duration, metric } => {
                            spec.after_breach = Some(format_duration(*duration));
                            spec.metric = Some(*metric);
                        }
                    }
                    spec
                })
                .collect(),
        }
    }
}

const DURATION_FORM: &str = "a duration such as `30m`, `4h`, `1h30m` or `2d` (units d, h, m, s)";

/// The trigger of a step, the field that holds it and its value as written. Error paths are
/// relative to the step (`clock`; empty for the step as a whole).
fn trigger_from_spec(
    s: &StepSpec,
    clocks: &[String],
    targets: Option<&std::collections::BTreeMap<Metric, Target>>,
) -> Result<(Trigger, &'static str, String), Error> {
    let given = [
        s.after.is_some(),
        s.business_days.is_some(),
        s.share.is_some(),
        s.after_breach.is_some(),
    ]
    .iter()
    .filter(|g| **g)
    .count();
    if given != 1 {
        return Err(Error::InvalidValue {
            path: String::new(),
            value: format!("{given} triggers given"),
            expected: "exactly one of `after`, `business_days`, `share`, `after_breach`".into(),
        });
    }
    let duration = |field: &str, w: &str| {
        parse_duration(w).map_err(|_| Error::InvalidValue {
            path: field.to_owned(),
            value: w.to_owned(),
            expected: DURATION_FORM.into(),
        })
    };
    let clock = |default: &str| -> Result<Arc<str>, Error> {
        if s.metric.is_some() {
            return Err(Error::InvalidValue {
                path: "metric".into(),
                value: s.metric.map_or("", |m| m.as_str()).to_owned(),
                expected: "no `metric`: only `share` and `after_breach` refer to a metric".into(),
            });
        }
        let name = s.clock.as_deref().unwrap_or(default);
        check_calendar(name, clocks).map_err(|e| e.at("clock"))?;
        Ok(name.into())
    };
    let metric = || -> Result<Metric, Error> {
        if let Some(c) = &s.clock {
            return Err(Error::InvalidValue {
                path: "clock".into(),
                value: c.clone(),
                expected: "no `clock`: `share` and `after_breach` count on the metric's clock"
                    .into(),
            });
        }
        let defined: Vec<String> = targets
            .map(|t| {
                t.keys()
                    .filter(|m| **m != Metric::Update)
                    .map(|m| m.as_str().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        match s.metric {
            None => Err(Error::InvalidValue {
                path: "metric".into(),
                value: "none".into(),
                expected: "the metric whose target the trigger refers to".into(),
            }),
            Some(m) if m != Metric::Update && defined.iter().any(|d| d == m.as_str()) => Ok(m),
            Some(m) => Err(Error::UnknownName {
                path: "metric".into(),
                kind: "metric".into(),
                name: m.as_str().to_owned(),
                known: defined,
            }),
        }
    };
    match (&s.after, s.business_days, &s.share, &s.after_breach) {
        (Some(w), ..) => Ok((
            Trigger::After {
                duration: duration("after", w)?,
                calendar: clock(WALL_CLOCK)?,
            },
            "after",
            w.clone(),
        )),
        (_, Some(n), ..) => {
            check_day_count(n).map_err(|expected| Error::InvalidValue {
                path: "business_days".into(),
                value: n.get().to_string(),
                expected,
            })?;
            Ok((
                Trigger::BusinessDays {
                    days: n,
                    calendar: clock(BUSINESS)?,
                },
                "business_days",
                n.get().to_string(),
            ))
        }
        (_, _, Some(w), _) => {
            let percent = Decimal::from_str(w.trim())
                .ok()
                .filter(|p| !p.is_sign_negative() && w.trim() == w)
                .ok_or_else(|| Error::InvalidValue {
                    path: "share".into(),
                    value: w.clone(),
                    expected: "a percentage of the target, a decimal string 0 or more such as \
                               `75` or `87.5`"
                        .into(),
                })?;
            Ok((
                Trigger::Share {
                    percent,
                    metric: metric()?,
                },
                "share",
                w.clone(),
            ))
        }
        (_, _, _, Some(w)) => {
            let d = duration("after_breach", w)?;
            if d.is_zero() {
                return Err(Error::InvalidValue {
                    path: "after_breach".into(),
                    value: w.clone(),
                    expected: "a positive duration (a step at the deadline is `share: \"100\"`)"
                        .into(),
                });
            }
            Ok((
                Trigger::AfterBreach {
                    duration: d,
                    metric: metric()?,
                },
                "after_breach",
                w.clone(),
            ))
        }
        _ => Err(Error::InvalidValue {
            path: String::new(),
            value: "no trigger".into(),
            expected: "exactly one of `after`, `business_days`, `share`, `after_breach`".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Rust field is `calendar`; reports keep writing `clock`, as configured.
    #[test]
    fn triggers_serialize_their_calendar_as_clock() {
        let t = Trigger::BusinessDays {
            days: BusinessDays(5),
            calendar: "business".into(),
        };
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"business_days":{"days":5,"clock":"business"}}"#
        );
        assert_eq!(t.to_string(), "5 business days @ business");
        let after: Trigger =
            serde_json::from_str(r#"{"after":{"duration":"PT24H","clock":"24x7"}}"#).unwrap();
        assert_eq!(
            after,
            Trigger::After {
                duration: TimeDelta::hours(24),
                calendar: "24x7".into(),
            }
        );
        assert_eq!(after.to_string(), "24h @ 24x7");
    }

    /// A ladder validates itself: its errors name paths inside it, which the plan continues.
    #[test]
    fn errors_name_paths_inside_the_ladder() {
        let clocks = vec![WALL_CLOCK.to_owned()];
        let err = |json: &str| {
            let spec: LadderSpec = serde_json::from_str(json).unwrap();
            Ladder::from_spec(&spec, &clocks, None).unwrap_err()
        };
        let e = err(r#"{"steps": [{"after": "1h", "notify": "lead"},
                                  {"after": "2h", "notify": "duty", "clock": "office"}]}"#);
        assert!(matches!(&e, Error::UnknownName { path, .. } if path == "steps[1].clock"));
        let e = err(
            r#"{"pauses": [{"from": "awaiting_customer", "until": ["customer_replied"]},
                                   {"from": "solution_proposed", "until": ["solution_proposed"]}],
                        "steps": [{"after": "1h", "notify": "lead"}]}"#,
        );
        assert!(matches!(&e, Error::InvalidValue { path, .. } if path == "pauses[1].until"));
    }
}
