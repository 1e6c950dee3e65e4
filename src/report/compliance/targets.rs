//! Compliance targets: per severity and metric, the share of incidents to be met in time.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::config::Invalid;
use crate::contract::Metric;
use crate::error::Error;

/// Compliance targets as written, before they are checked: what [`ComplianceTargets`] reads
/// and writes. Percentages as decimal strings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct ComplianceTargetsFields {
    /// Targets for every severity not listed in `severities` (or listed without the metric).
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    default: BTreeMap<Metric, String>,
    /// Per severity key, per metric, the share (percent) of incidents that must be met in
    /// time: `"95"` = 95 % of the severity's reactions in time.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys_nested",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    severities: BTreeMap<String, BTreeMap<Metric, String>>,
}

crate::config::tracked_serde!(ComplianceTargetsFields);

/// Compliance targets per severity and metric, validated: each a decimal percentage from
/// `"0"` to `"100"`, written as a string (JSON numbers go through `f64` and are rejected).
/// In configuration:
///
/// ```json
/// { "default": { "reaction": "90" },
///   "severities": { "1": { "reaction": "95", "resolution": "90" } } }
/// ```
///
/// `default` holds the targets for every severity not listed in `severities` (or listed
/// without the metric); `severities` maps a severity key to its own targets per metric
/// (`"95"`: 95 % of the severity's reactions in time). Both may be left out; a key given
/// twice, an unknown field or a percentage out of range is refused, naming its path.
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::Metric;
/// use slacalc::report::ComplianceTargets;
///
/// let targets: ComplianceTargets = serde_json::from_str(r#"{
///   "default": {"reaction": "90"},
///   "severities": {"1": {"reaction": "95"}}
/// }"#)?;
/// assert_eq!(targets.target("1", Metric::Reaction), Some(Decimal::from(95)));
/// assert_eq!(targets.target("3", Metric::Reaction), Some(Decimal::from(90)));
/// assert_eq!(targets.target("1", Metric::Resolution), None);
/// // Written back in the same form.
/// assert_eq!(serde_json::to_string(&targets)?,
///     r#"{"default":{"reaction":"90"},"severities":{"1":{"reaction":"95"}}}"#);
/// let e = serde_json::from_str::<ComplianceTargets>(r#"{"default": {"reaction": "101"}}"#)
///     .unwrap_err();
/// assert!(e.to_string().starts_with("default.reaction: invalid value `101`"), "{e}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ComplianceTargetsFields", into = "ComplianceTargetsFields")]
pub struct ComplianceTargets {
    default: BTreeMap<Metric, Decimal>,
    severities: BTreeMap<String, BTreeMap<Metric, Decimal>>,
}

/// What a target percentage must be.
const PERCENT: &str = "a percentage from \"0\" to \"100\" written as a decimal string";

fn parse_percent(path: &str, s: &str) -> Result<Decimal, Error> {
    let bad = || Error::InvalidValue {
        path: path.to_owned(),
        value: s.to_owned(),
        expected: PERCENT.into(),
    };
    let d: Decimal = s.trim().parse().map_err(|_| bad())?;
    in_range(path, d).map_err(|_| bad())
}

/// `percent` if it lies in 0–100.
fn in_range(path: &str, percent: Decimal) -> Result<Decimal, Error> {
    if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return Err(Error::InvalidValue {
            path: path.to_owned(),
            value: percent.to_string(),
            expected: PERCENT.into(),
        });
    }
    Ok(percent)
}

impl TryFrom<ComplianceTargetsFields> for ComplianceTargets {
    type Error = Invalid;

    /// Errors name the percentage's path and value (`severities.1.reaction`).
    fn try_from(fields: ComplianceTargetsFields) -> Result<ComplianceTargets, Invalid> {
        let mut default = BTreeMap::new();
        for (metric, s) in &fields.default {
            default.insert(*metric, parse_percent(&format!("default.{metric}"), s)?);
        }
        let mut severities = BTreeMap::new();
        for (sev, metrics) in &fields.severities {
            let mut by_metric = BTreeMap::new();
            for (metric, s) in metrics {
                by_metric.insert(
                    *metric,
                    parse_percent(&format!("severities.{sev}.{metric}"), s)?,
                );
            }
            severities.insert(sev.clone(), by_metric);
        }
        Ok(ComplianceTargets {
            default,
            severities,
        })
    }
}

impl From<ComplianceTargets> for ComplianceTargetsFields {
    fn from(t: ComplianceTargets) -> ComplianceTargetsFields {
        let written = |m: BTreeMap<Metric, Decimal>| {
            m.into_iter()
                .map(|(metric, p)| (metric, p.to_string()))
                .collect()
        };
        ComplianceTargetsFields {
            default: written(t.default),
            severities: t
                .severities
                .into_iter()
                .map(|(sev, m)| (sev, written(m)))
                .collect(),
        }
    }
}

impl ComplianceTargets {
    /// No targets: every row's outcome is `None`.
    pub fn none() -> ComplianceTargets {
        ComplianceTargets::default()
    }

    /// These targets with `percent` (0–100) as the target of `metric` for every severity
    /// without its own, as `default` in configuration.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use slacalc::Metric;
    /// use slacalc::report::ComplianceTargets;
    ///
    /// let targets = ComplianceTargets::none()
    ///     .with_default(Metric::Reaction, Decimal::from(90))?
    ///     .with_severity("1", Metric::Reaction, Decimal::from(95))?;
    /// assert_eq!(targets, serde_json::from_str(
    ///     r#"{"default": {"reaction": "90"}, "severities": {"1": {"reaction": "95"}}}"#)?);
    /// assert!(ComplianceTargets::none().with_default(Metric::Reaction, Decimal::from(101)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming `default.<metric>` for a percentage outside 0–100.
    pub fn with_default(mut self, metric: Metric, percent: Decimal) -> Result<Self, Error> {
        let percent = in_range(&format!("default.{metric}"), percent)?;
        self.default.insert(metric, percent);
        Ok(self)
    }

    /// These targets with `percent` (0–100) as severity `severity`'s own target of
    /// `metric`, as `severities` in configuration.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming `severities.<severity>.<metric>` for a percentage
    /// outside 0–100.
    pub fn with_severity(
        mut self,
        severity: &str,
        metric: Metric,
        percent: Decimal,
    ) -> Result<Self, Error> {
        let percent = in_range(&format!("severities.{severity}.{metric}"), percent)?;
        self.severities
            .entry(severity.to_owned())
            .or_default()
            .insert(metric, percent);
        Ok(self)
    }

    /// The target (percent) for a severity key and metric: the severity's own, else the
    /// default, else `None`.
    pub fn target(&self, severity: &str, metric: Metric) -> Option<Decimal> {
        self.severities
            .get(severity)
            .and_then(|m| m.get(&metric))
            .or_else(|| self.default.get(&metric))
            .copied()
    }
}
