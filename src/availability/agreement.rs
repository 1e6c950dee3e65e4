//! The availability agreement: target, service hours and maintenance, and its
//! configuration.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::maintenance::{merge_windows, MaintenanceSpec, MaintenanceWindow};
#[cfg(doc)]
use super::outage::Outage;
use crate::calendar::model::Calendar;
use crate::calendar::CalendarSpec;
use crate::error::Error;
#[cfg(doc)]
use crate::outcome::TargetOutcome;

/// An availability agreement as written in configuration. It stays apart from
/// [`AvailabilityAgreement`] because validation compiles the service hours and the recurring
/// maintenance into calendars (and their difference).
///
/// ```
/// use slacalc::availability::{AvailabilityAgreement, AvailabilityAgreementSpec};
///
/// let spec: AvailabilityAgreementSpec = serde_json::from_str(r#"
/// {
///   "target": "99",
///   "service_hours": { "timezone": "Europe/Berlin", "hours": { "mon": ["08:00-18:00"] } },
///   "maintenance": { "windows": [ { "start": "2026-03-19T13:00:00Z",
///                                   "end": "2026-03-19T15:00:00Z" } ] }
/// }
/// "#)?;
/// assert_eq!(spec.target.to_string(), "99");
/// let agreement = AvailabilityAgreement::try_from(spec)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct AvailabilityAgreementSpec {
    /// The target in percent, a decimal string from `"0"` to `"100"`.
    #[serde(with = "crate::money::decimal_str")]
    pub target: Decimal,
    /// When the service is promised.
    pub service_hours: CalendarSpec,
    /// Agreed maintenance (none by default).
    #[serde(default)]
    pub maintenance: MaintenanceSpec,
}

crate::config::tracked_serde!(AvailabilityAgreementSpec);

/// A validated availability agreement: target, service hours and maintenance. Deserializing
/// one validates it.
///
/// See the [module docs](super) for what counts.
///
/// # Example: 24×7 with a recurring Sunday-night window, in New York across DST
///
/// ```
/// use chrono::{DateTime, TimeDelta, Utc};
/// use slacalc::TargetOutcome;
/// use slacalc::availability::{AvailabilityAgreement, Outage};
///
/// let agreement: AvailabilityAgreement = serde_json::from_str(r#"{
///   "target": "99.5",
///   "service_hours": { "timezone": "America/New_York", "hours": {
///     "mon": ["00:00-24:00"], "tue": ["00:00-24:00"], "wed": ["00:00-24:00"],
///     "thu": ["00:00-24:00"], "fri": ["00:00-24:00"], "sat": ["00:00-24:00"],
///     "sun": ["00:00-24:00"] } },
///   "maintenance": { "recurring": { "timezone": "America/New_York",
///                                   "hours": { "sun": ["01:00-04:00"] } } }
/// }"#)?;
/// let t = |s: &str| s.parse::<DateTime<Utc>>();
/// // The week of the spring-forward Sunday 2024-03-10: 7 × 24 h − 1 h (the skipped hour),
/// // minus the window 01:00–04:00, which that night holds only 2 h (02:00–03:00 never occurs).
/// let from = t("2024-03-04T05:00:00Z")?; // Monday 00:00 EST
/// let to = t("2024-03-11T04:00:00Z")?;   // the next Monday 00:00 EDT
/// // An outage from 00:30 EST to 03:30 EDT that Sunday: only 00:30–01:00 counts.
/// let outage = Outage::new(t("2024-03-10T05:30:00Z")?, t("2024-03-10T07:30:00Z")?);
/// let report = agreement.report(from, to, &[outage])?;
/// assert_eq!(report.service_time, TimeDelta::hours(167 - 2));
/// assert_eq!(report.maintenance_time, TimeDelta::hours(2));
/// assert_eq!(report.downtime, TimeDelta::minutes(30));
/// assert_eq!(report.outcome, TargetOutcome::Met); // 100 × (165 − 0.5) / 165 = 99.6969…
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    try_from = "AvailabilityAgreementSpec",
    into = "AvailabilityAgreementSpec"
)]
pub struct AvailabilityAgreement {
    pub(super) target: Decimal,
    pub(super) service_hours: Calendar,
    recurring: Option<Calendar>,
    /// Merged: sorted, disjoint, not touching.
    pub(super) windows: Vec<MaintenanceWindow>,
    /// Service hours minus recurring maintenance.
    pub(super) effective: Calendar,
}

impl AvailabilityAgreement {
    /// An agreement from validated parts.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] (path `target`) for a target outside 0–100.
    pub fn new(
        target: Decimal,
        service_hours: Calendar,
        recurring_maintenance: Option<Calendar>,
        windows: Vec<MaintenanceWindow>,
    ) -> Result<AvailabilityAgreement, Error> {
        if target < Decimal::ZERO || target > Decimal::ONE_HUNDRED {
            return Err(Error::InvalidValue {
                path: "target".to_owned(),
                value: target.to_string(),
                expected: "a percentage from 0 to 100".to_owned(),
            });
        }
        let effective = match &recurring_maintenance {
            Some(m) => service_hours.difference(std::slice::from_ref(m))?,
            None => service_hours.clone(),
        };
        Ok(AvailabilityAgreement {
            target,
            service_hours,
            recurring: recurring_maintenance,
            windows: merge_windows(windows),
            effective,
        })
    }

    /// The target in percent.
    pub fn target(&self) -> Decimal {
        self.target
    }

    /// The service hours.
    pub fn service_hours(&self) -> &Calendar {
        &self.service_hours
    }

    /// The recurring maintenance windows, if any.
    pub fn recurring_maintenance(&self) -> Option<&Calendar> {
        self.recurring.as_ref()
    }

    /// The one-off maintenance windows, merged (sorted, overlapping and touching ones joined).
    pub fn windows(&self) -> &[MaintenanceWindow] {
        &self.windows
    }

    /// This agreement with more one-off maintenance windows (such as the windows agreed for
    /// one month), merged with the configured ones.
    pub fn with_windows(
        &self,
        windows: impl IntoIterator<Item = MaintenanceWindow>,
    ) -> AvailabilityAgreement {
        let mut all = self.windows.clone();
        all.extend(windows);
        AvailabilityAgreement {
            windows: merge_windows(all),
            ..self.clone()
        }
    }
}

impl TryFrom<AvailabilityAgreementSpec> for AvailabilityAgreement {
    type Error = Error;

    /// Validates `spec` (its one-off windows were checked when it was read); errors name
    /// paths such as `service_hours.timezone`:
    /// * [`Error::InvalidValue`] for a target outside 0–100;
    /// * the calendar errors for `service_hours` and `maintenance.recurring`.
    fn try_from(spec: AvailabilityAgreementSpec) -> Result<Self, Error> {
        let service_hours =
            Calendar::try_from(spec.service_hours).map_err(|e| e.at("service_hours"))?;
        let recurring = match spec.maintenance.recurring {
            Some(r) => Some(Calendar::try_from(r).map_err(|e| e.at("maintenance.recurring"))?),
            None => None,
        };
        AvailabilityAgreement::new(
            spec.target,
            service_hours,
            recurring,
            spec.maintenance.windows,
        )
    }
}

impl From<AvailabilityAgreement> for AvailabilityAgreementSpec {
    fn from(a: AvailabilityAgreement) -> Self {
        AvailabilityAgreementSpec {
            target: a.target,
            service_hours: a.service_hours.spec().clone(),
            maintenance: MaintenanceSpec {
                recurring: a.recurring.map(|r| r.spec().clone()),
                windows: a.windows,
            },
        }
    }
}
