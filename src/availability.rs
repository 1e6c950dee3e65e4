//! Availability: how much of the promised service time a system was down, against a target
//! (COSYS: "99 % or more during service times").
//!
//! # What counts
//!
//! For a period `[from, to)`:
//!
//! * **service time** is the business time of the service hours that is not inside an agreed
//!   maintenance window — recurring windows (a [`Calendar`]) and one-off windows (UTC
//!   intervals) alike;
//! * **downtime** is the part of the service time covered by an outage. Outages are merged
//!   first (overlapping or touching ones become one; empty ones vanish), so simultaneous
//!   reports of one failure count once;
//! * **achieved availability** is `100 × (service time − downtime) / service time`, in
//!   percent, and the target is **met** when it is at least the target.
//!
//! In calendar terms: with `E = service_hours.difference(&[recurring_maintenance])`, service
//! time is `E.between(from, to)` minus `E`'s time inside the one-off windows, and each merged
//! outage `o` counts `E.between(o ∩ period)` minus `E`'s time inside `o ∩ window`. The cost is
//! a few binary searches per outage and per window, whatever the length of the period.
//!
//! # Precision
//!
//! Times are exact (nanoseconds). The percentage is one [`Decimal`] division with 28
//! significant digits: exact when the quotient terminates within them (98.5, 99.9375),
//! otherwise rounded to the nearest in the last digit (rust_decimal's division). That error
//! (below 10⁻²⁵ percentage points) cannot move the value across a target or a credit
//! threshold written with up to 12 decimals, because two different ratios of whole
//! nanoseconds in a period of under a century differ by far more. Reports keep the full
//! value in [`AvailabilityReport::achieved`]; [`AvailabilityReport::achieved_rounded`] rounds
//! it explicitly, and `Display` shows 3 decimals rounded **down**, so that a printed figure
//! never looks better than the one that decided the target.
//!
//! # Example: a month with an outage during a maintenance window
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use rust_decimal::Decimal;
//! use slacalc::availability::{AvailabilityAgreement, Outage, TargetOutcome};
//! use slacalc::money::RoundingMode;
//!
//! let agreement: AvailabilityAgreement = serde_json::from_str(r#"{
//!   "target": "99",
//!   "service_hours": { "timezone": "UTC", "hours": {
//!     "mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
//!     "thu": ["08:00-18:00"], "fri": ["08:00-18:00"] } },
//!   "maintenance": { "windows": [
//!     { "start": "2026-02-04T16:00:00Z", "end": "2026-02-04T18:00:00Z" } ] }
//! }"#)?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! // February 2026: 20 weekdays × 10 h = 200 h of service hours, minus 2 h of maintenance.
//! let outages = [
//!     Outage::new(t("2026-02-04T15:00:00Z")?, t("2026-02-04T17:00:00Z")?), // 1 h counts
//!     Outage::new(t("2026-02-10T09:00:00Z")?, t("2026-02-10T10:00:00Z")?), // 1 h counts
//! ];
//! let report = agreement.evaluate(t("2026-02-01T00:00:00Z")?, t("2026-03-01T00:00:00Z")?, &outages)?;
//! assert_eq!(report.service_time.num_hours(), 198);
//! assert_eq!(report.downtime.num_hours(), 2);
//! // 100 × 196 / 198 = 98.9898…
//! assert_eq!(report.achieved_rounded(4, RoundingMode::HalfUp), "98.9899".parse::<Decimal>()?);
//! assert_eq!(report.to_string().lines().last(), Some("  achieved 98.989 % (target 99 %): missed"));
//! assert_eq!(report.outcome, TargetOutcome::Missed);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarSpec};
use crate::error::Error;
use crate::money::time_and_materials::{format_hms, seconds_of};
use crate::money::{CreditInputs, CreditPolicy, Invoice, RoundingMode};

const OP: &str = "availability";

/// An interval during which the service was down, `[start, end)` in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Outage {
    /// When the outage began.
    #[serde(with = "crate::config::instant")]
    pub start: DateTime<Utc>,
    /// When service was restored (exclusive).
    #[serde(with = "crate::config::instant")]
    pub end: DateTime<Utc>,
}

crate::config::tracked_serde!(Outage);

impl Outage {
    /// The outage `[start, end)`; checked when it is merged or evaluated.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Outage {
        Outage { start, end }
    }
}

/// An agreed one-off maintenance window, `[start, end)` in UTC, with `start < end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "WindowSpec", into = "WindowSpec")]
pub struct MaintenanceWindow {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl MaintenanceWindow {
    /// The window `[start, end)`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `start < end`.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Result<MaintenanceWindow, Error> {
        if start < end {
            Ok(MaintenanceWindow { start, end })
        } else {
            Err(Error::InvalidArgument {
                operation: "MaintenanceWindow::new",
                reason: format!(
                    "the window ends at {} but must end after its start {}",
                    rfc3339(end),
                    rfc3339(start)
                ),
            })
        }
    }

    /// When the window opens.
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// When it closes (exclusive).
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }

    fn from_spec_at(spec: &WindowSpec, path: &str) -> Result<MaintenanceWindow, Error> {
        let instant = |s: &str, field: &str| {
            crate::config::parse_instant(s).map_err(|_| Error::InvalidValue {
                path: format!("{path}.{field}"),
                value: s.to_owned(),
                expected: "an RFC 3339 instant such as `2026-03-14T20:00:00Z`".to_owned(),
            })
        };
        let start = instant(&spec.start, "start")?;
        let end = instant(&spec.end, "end")?;
        if end <= start {
            return Err(Error::InvalidValue {
                path: format!("{path}.end"),
                value: spec.end.clone(),
                expected: format!("an instant after the window's start `{}`", spec.start),
            });
        }
        Ok(MaintenanceWindow { start, end })
    }
}

/// A one-off maintenance window as written in configuration: RFC 3339 instants (any offset;
/// converted to UTC).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowSpec {
    /// When the window opens, such as `"2026-03-14T20:00:00Z"`.
    pub start: String,
    /// When it closes (exclusive).
    pub end: String,
}

impl TryFrom<WindowSpec> for MaintenanceWindow {
    type Error = Error;

    fn try_from(spec: WindowSpec) -> Result<Self, Error> {
        MaintenanceWindow::from_spec_at(&spec, "window")
    }
}

impl From<MaintenanceWindow> for WindowSpec {
    fn from(w: MaintenanceWindow) -> Self {
        WindowSpec {
            start: rfc3339(w.start),
            end: rfc3339(w.end),
        }
    }
}

/// Agreed maintenance as written in configuration: recurring windows as a calendar and/or
/// one-off windows.
///
/// ```json
/// { "recurring": { "timezone": "Europe/Berlin", "hours": { "wed": ["17:00-18:00"] } },
///   "windows": [ { "start": "2026-03-19T13:00:00Z", "end": "2026-03-19T15:00:00Z" } ] }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaintenanceSpec {
    /// Recurring windows: any calendar (its "open" times are the maintenance times).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring: Option<CalendarSpec>,
    /// One-off windows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub windows: Vec<WindowSpec>,
}

/// An availability agreement as written in configuration.
///
/// ```json
/// {
///   "target": "99",
///   "service_hours": { "timezone": "Europe/Berlin", "hours": { "mon": ["08:00-18:00"] } },
///   "maintenance": { "windows": [ { "start": "2026-03-19T13:00:00Z",
///                                   "end": "2026-03-19T15:00:00Z" } ] }
/// }
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
/// See the [module docs](self) for what counts.
///
/// # Example: 24×7 with a recurring Sunday-night window, in New York across DST
///
/// ```
/// use chrono::{DateTime, TimeDelta, Utc};
/// use slacalc::availability::{AvailabilityAgreement, Outage, TargetOutcome};
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
/// let report = agreement.evaluate(from, to, &[outage])?;
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
    target: Decimal,
    service_hours: Calendar,
    recurring: Option<Calendar>,
    /// Merged: sorted, disjoint, not touching.
    windows: Vec<MaintenanceWindow>,
    /// Service hours minus recurring maintenance.
    effective: Calendar,
}

/// Whether the achieved availability reached the target. Serialized in `snake_case`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum TargetOutcome {
    /// Achieved availability is at least the target (equal is met).
    Met,
    /// Achieved availability is below the target.
    Missed,
}

impl fmt::Display for TargetOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TargetOutcome::Met => "met",
            TargetOutcome::Missed => "missed",
        })
    }
}

/// A merged outage and the downtime it counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountedOutage {
    /// When the (merged) outage began.
    pub start: DateTime<Utc>,
    /// When it ended (exclusive).
    pub end: DateTime<Utc>,
    /// The part of it inside the period that was service time outside maintenance.
    pub downtime: TimeDelta,
}

/// Availability over a period. `Display` prints it; serde serializes it (durations as chrono's
/// `[seconds, nanoseconds]`, percentages as decimal strings).
///
/// ```
/// use chrono::{DateTime, Utc};
/// use slacalc::availability::{AvailabilityAgreement, Outage};
///
/// let agreement: AvailabilityAgreement = serde_json::from_str(r#"{
///   "target": "95", "service_hours": { "timezone": "UTC", "hours": { "mon": ["09:00-17:00"] } }
/// }"#)?;
/// let t = |s: &str| s.parse::<DateTime<Utc>>();
/// let outages = [Outage::new(t("2026-03-02T16:40:00Z")?, t("2026-03-02T17:40:00Z")?)];
/// let report = agreement.evaluate(t("2026-03-02T00:00:00Z")?, t("2026-03-03T00:00:00Z")?, &outages)?;
/// assert_eq!(report.to_string(), "\
/// availability 2026-03-02T00:00:00Z – 2026-03-03T00:00:00Z
///   maintenance (excluded)                            0:00:00
///   service time                                      8:00:00
///   downtime                                          0:20:00
///     [0] 2026-03-02T16:40:00Z – 2026-03-02T17:40:00Z      0:20:00
///   achieved 95.833 % (target 95 %): met
/// ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityReport {
    /// The start of the period.
    pub from: DateTime<Utc>,
    /// The end of the period (exclusive).
    pub to: DateTime<Utc>,
    /// Service hours in the period that fell into maintenance windows (excluded).
    pub maintenance_time: TimeDelta,
    /// Service time that counted: service hours minus maintenance, within the period.
    pub service_time: TimeDelta,
    /// Downtime that counted: service time covered by outages.
    pub downtime: TimeDelta,
    /// The merged outages, in order, each with the downtime it counted (zero when it lay
    /// outside the period, the service hours or inside maintenance).
    pub outages: Vec<CountedOutage>,
    /// `100 × (service_time − downtime) / service_time`, full precision (see the
    /// [module docs](self) on precision).
    #[serde(with = "crate::money::decimal_str")]
    pub achieved: Decimal,
    /// The target in percent.
    #[serde(with = "crate::money::decimal_str")]
    pub target: Decimal,
    /// Whether `achieved >= target`.
    pub outcome: TargetOutcome,
}

impl AvailabilityReport {
    /// The achieved availability rounded to `decimals` places with `mode`.
    pub fn achieved_rounded(&self, decimals: u32, mode: RoundingMode) -> Decimal {
        mode.round(self.achieved, decimals)
    }
}

impl fmt::Display for AvailabilityReport {
    /// The period, the times, each outage, and the figure to 3 decimals rounded down.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hms = |d: TimeDelta| seconds_of(d).map_or_else(|| format!("{d}"), format_hms);
        writeln!(
            f,
            "availability {} – {}",
            rfc3339(self.from),
            rfc3339(self.to)
        )?;
        writeln!(
            f,
            "  {:<44} {:>12}",
            "maintenance (excluded)",
            hms(self.maintenance_time)
        )?;
        writeln!(f, "  {:<44} {:>12}", "service time", hms(self.service_time))?;
        writeln!(f, "  {:<44} {:>12}", "downtime", hms(self.downtime))?;
        for (i, o) in self.outages.iter().enumerate() {
            writeln!(
                f,
                "    [{i}] {} – {} {:>12}",
                rfc3339(o.start),
                rfc3339(o.end),
                hms(o.downtime)
            )?;
        }
        writeln!(
            f,
            "  achieved {} % (target {} %): {}",
            self.achieved_rounded(3, RoundingMode::Down),
            self.target.normalize(),
            self.outcome
        )
    }
}

/// An availability report together with the service credit it earns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditReport {
    /// The availability over the period.
    pub availability: AvailabilityReport,
    /// The credit, from the [`CreditPolicy`] fed with `availability.achieved`.
    pub credit: Invoice,
}

impl fmt::Display for CreditReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.availability)?;
        writeln!(f, "credit")?;
        write!(f, "{}", self.credit)
    }
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Merges outages: sorted by start, overlapping or touching ones joined, empty ones dropped.
/// The result does not depend on the input order, and merging it again changes nothing.
///
/// # Errors
/// [`Error::InvalidValue`] (path `outages[i].end`, the index in `outages` as given) for an
/// outage that ends before it starts.
pub fn merge_outages(outages: &[Outage]) -> Result<Vec<Outage>, Error> {
    for (i, o) in outages.iter().enumerate() {
        if o.end < o.start {
            return Err(Error::InvalidValue {
                path: format!("outages[{i}].end"),
                value: rfc3339(o.end),
                expected: format!(
                    "an instant at or after the outage's start {}",
                    rfc3339(o.start)
                ),
            });
        }
    }
    let mut sorted: Vec<Outage> = outages
        .iter()
        .copied()
        .filter(|o| o.start < o.end)
        .collect();
    sorted.sort_unstable();
    let mut merged: Vec<Outage> = Vec::with_capacity(sorted.len());
    for o in sorted {
        match merged.last_mut() {
            Some(last) if o.start <= last.end => last.end = last.end.max(o.end),
            _ => merged.push(o),
        }
    }
    Ok(merged)
}

fn merge_windows(mut windows: Vec<MaintenanceWindow>) -> Vec<MaintenanceWindow> {
    windows.sort_unstable();
    let mut merged: Vec<MaintenanceWindow> = Vec::with_capacity(windows.len());
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    merged
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
        Self::build(target, service_hours, recurring_maintenance, windows, "")
    }

    fn build(
        target: Decimal,
        service_hours: Calendar,
        recurring: Option<Calendar>,
        windows: Vec<MaintenanceWindow>,
        root: &str,
    ) -> Result<AvailabilityAgreement, Error> {
        if target < Decimal::ZERO || target > Decimal::ONE_HUNDRED {
            return Err(Error::InvalidValue {
                path: join(root, "target"),
                value: target.to_string(),
                expected: "a percentage from 0 to 100".to_owned(),
            });
        }
        let effective = match &recurring {
            Some(m) => service_hours.difference(std::slice::from_ref(m))?,
            None => service_hours.clone(),
        };
        Ok(AvailabilityAgreement {
            target,
            service_hours,
            recurring,
            windows: merge_windows(windows),
            effective,
        })
    }

    /// Validates `spec`, naming errors with paths below `root` (such as `service_hours.timezone`
    /// or `maintenance.windows[0].end`).
    ///
    /// # Errors
    /// * [`Error::InvalidValue`] for a target outside 0–100, a window instant that is not RFC
    ///   3339, or a window that does not end after it starts;
    /// * the calendar errors for `service_hours` and `maintenance.recurring`.
    pub fn from_spec_at(
        spec: AvailabilityAgreementSpec,
        root: &str,
    ) -> Result<AvailabilityAgreement, Error> {
        let service_hours =
            Calendar::from_spec_at(spec.service_hours, &join(root, "service_hours"))?;
        let recurring = match spec.maintenance.recurring {
            Some(r) => Some(Calendar::from_spec_at(
                r,
                &join(root, "maintenance.recurring"),
            )?),
            None => None,
        };
        let mut windows = Vec::with_capacity(spec.maintenance.windows.len());
        for (i, w) in spec.maintenance.windows.iter().enumerate() {
            let path = join(root, &format!("maintenance.windows[{i}]"));
            windows.push(MaintenanceWindow::from_spec_at(w, &path)?);
        }
        Self::build(spec.target, service_hours, recurring, windows, root)
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

    /// Service time in `[a, b)`: business time of service hours minus recurring maintenance,
    /// minus its part inside the one-off windows.
    fn counted(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> Result<TimeDelta, Error> {
        if b <= a {
            return Ok(TimeDelta::zero());
        }
        let mut time = self.effective.between(a, b)?;
        // The first window that ends after `a`; windows are disjoint and sorted.
        let first = self.windows.partition_point(|w| w.end <= a);
        for w in self.windows.iter().skip(first) {
            if w.start >= b {
                break;
            }
            let inside = self.effective.between(w.start.max(a), w.end.min(b))?;
            time = time
                .checked_sub(&inside)
                .ok_or(Error::OutOfRange { operation: OP })?;
        }
        Ok(time)
    }

    /// Availability over `[from, to)` given `outages` (in any order, overlapping allowed).
    ///
    /// # Errors
    /// * [`Error::InvalidArgument`] when `to` is before `from`;
    /// * [`Error::InvalidValue`] (path `outages[i].end`) for an outage that ends before it
    ///   starts;
    /// * [`Error::NoServiceTime`] when the period holds no service time after maintenance
    ///   (availability is undefined, not 100 %);
    /// * [`Error::OutOfRange`] / [`Error::ArithmeticOverflow`] at the far ends of the ranges.
    pub fn evaluate(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        outages: &[Outage],
    ) -> Result<AvailabilityReport, Error> {
        if to < from {
            return Err(Error::InvalidArgument {
                operation: OP,
                reason: format!(
                    "the period ends at {} before it starts at {}",
                    rfc3339(to),
                    rfc3339(from)
                ),
            });
        }
        let merged = merge_outages(outages)?;
        let service_time = self.counted(from, to)?;
        if service_time <= TimeDelta::zero() {
            return Err(Error::NoServiceTime { from, to });
        }
        let scheduled = self.service_hours.between(from, to)?;
        let maintenance_time = scheduled
            .checked_sub(&service_time)
            .ok_or(Error::OutOfRange { operation: OP })?;
        let mut downtime = TimeDelta::zero();
        let mut counted = Vec::with_capacity(merged.len());
        for o in merged {
            let d = self.counted(o.start.max(from), o.end.min(to))?;
            downtime = downtime
                .checked_add(&d)
                .ok_or(Error::OutOfRange { operation: OP })?;
            counted.push(CountedOutage {
                start: o.start,
                end: o.end,
                downtime: d,
            });
        }
        let achieved = percent_up(service_time, downtime)?;
        let outcome = if achieved >= self.target {
            TargetOutcome::Met
        } else {
            TargetOutcome::Missed
        };
        Ok(AvailabilityReport {
            from,
            to,
            maintenance_time,
            service_time,
            downtime,
            outages: counted,
            achieved,
            target: self.target,
            outcome,
        })
    }

    /// The month's availability and the credit it earns in one call: evaluates `[from, to)`
    /// and feeds the achieved availability into `policy` together with `inputs` (monthly fee
    /// and breaches; an availability already set in `inputs` is replaced).
    ///
    /// # Errors
    /// Those of [`AvailabilityAgreement::evaluate`] and [`CreditPolicy::evaluate`].
    ///
    /// # Example: 98.5 % against a 5 % tier below 99 %
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    /// use slacalc::availability::{AvailabilityAgreement, Outage};
    /// use slacalc::money::{CreditInputs, CreditPolicy, Money};
    ///
    /// let agreement: AvailabilityAgreement = serde_json::from_str(r#"{
    ///   "target": "99", "service_hours": { "timezone": "UTC", "hours": { "mon": ["00:00-24:00"] } }
    /// }"#)?;
    /// let policy: CreditPolicy = serde_json::from_str(r#"{
    ///   "currency": "EUR", "availability": [ {"below": "99", "percent_of_fee": "5"} ]
    /// }"#)?;
    /// let t = |s: &str| s.parse::<DateTime<Utc>>();
    /// // Five Mondays in June 2026 (1, 8, 15, 22, 29): 120 h; 1 h 48 min down.
    /// let outage = Outage::new(t("2026-06-08T10:00:00Z")?, t("2026-06-08T11:48:00Z")?);
    /// let month = agreement.credit(
    ///     t("2026-06-01T00:00:00Z")?, t("2026-07-01T00:00:00Z")?, &[outage],
    ///     &policy, CreditInputs::new("2000.00 EUR".parse::<Money>()?),
    /// )?;
    /// assert_eq!(month.availability.achieved, "98.5".parse()?);
    /// assert_eq!(month.credit.total, "100.00 EUR".parse::<Money>()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn credit(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        outages: &[Outage],
        policy: &CreditPolicy,
        inputs: CreditInputs,
    ) -> Result<CreditReport, Error> {
        let availability = self.evaluate(from, to, outages)?;
        let credit = policy.evaluate(&inputs.with_availability(availability.achieved))?;
        Ok(CreditReport {
            availability,
            credit,
        })
    }
}

/// `100 × (service − down) / service`, one division.
fn percent_up(service: TimeDelta, down: TimeDelta) -> Result<Decimal, Error> {
    let overflow = || Error::ArithmeticOverflow {
        path: OP.to_owned(),
    };
    let s = seconds_of(service).ok_or_else(overflow)?;
    let d = seconds_of(down).ok_or_else(overflow)?;
    let up = s
        .checked_sub(d)
        .and_then(|u| u.checked_mul(Decimal::ONE_HUNDRED))
        .ok_or_else(overflow)?;
    up.checked_div(s)
        .map(|p| p.normalize())
        .ok_or_else(overflow)
}

fn join(root: &str, field: &str) -> String {
    if root.is_empty() {
        field.to_owned()
    } else {
        format!("{root}.{field}")
    }
}

impl TryFrom<AvailabilityAgreementSpec> for AvailabilityAgreement {
    type Error = Error;

    fn try_from(spec: AvailabilityAgreementSpec) -> Result<Self, Error> {
        AvailabilityAgreement::from_spec_at(spec, "")
    }
}

impl From<AvailabilityAgreement> for AvailabilityAgreementSpec {
    fn from(a: AvailabilityAgreement) -> Self {
        AvailabilityAgreementSpec {
            target: a.target,
            service_hours: a.service_hours.spec().clone(),
            maintenance: MaintenanceSpec {
                recurring: a.recurring.map(|r| r.spec().clone()),
                windows: a.windows.into_iter().map(WindowSpec::from).collect(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn agreement(json: &str) -> AvailabilityAgreement {
        serde_json::from_str(json).unwrap()
    }

    const ALWAYS: &str = r#"{"target":"99","service_hours":{"timezone":"UTC","hours":{
        "mon":["00:00-24:00"],"tue":["00:00-24:00"],"wed":["00:00-24:00"],"thu":["00:00-24:00"],
        "fri":["00:00-24:00"],"sat":["00:00-24:00"],"sun":["00:00-24:00"]}}}"#;

    #[test]
    fn merging_joins_overlapping_and_touching_outages() {
        let o = |a: &str, b: &str| Outage::new(t(a), t(b));
        let merged = merge_outages(&[
            o("2026-01-01T03:00:00Z", "2026-01-01T04:00:00Z"),
            o("2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"),
            o("2026-01-01T02:00:00Z", "2026-01-01T02:30:00Z"),
            o("2026-01-01T05:00:00Z", "2026-01-01T05:00:00Z"),
            o("2026-01-01T03:30:00Z", "2026-01-01T03:45:00Z"),
        ])
        .unwrap();
        assert_eq!(
            merged,
            vec![
                o("2026-01-01T01:00:00Z", "2026-01-01T02:30:00Z"),
                o("2026-01-01T03:00:00Z", "2026-01-01T04:00:00Z"),
            ]
        );
    }

    #[test]
    fn thirds_keep_28_digits() {
        let a = agreement(ALWAYS);
        // 1 h down in 3 days: 100 × 71/72.
        let r = a
            .evaluate(
                t("2026-01-01T00:00:00Z"),
                t("2026-01-04T00:00:00Z"),
                &[Outage::new(
                    t("2026-01-02T00:00:00Z"),
                    t("2026-01-02T01:00:00Z"),
                )],
            )
            .unwrap();
        assert_eq!(r.achieved.to_string(), "98.61111111111111111111111111"); // 28 significant digits
        assert_eq!(
            r.achieved_rounded(3, RoundingMode::HalfUp).to_string(),
            "98.611"
        );
        assert_eq!(r.outcome, TargetOutcome::Missed);
    }

    #[test]
    fn target_equal_is_met_and_outage_outside_period_counts_nothing() {
        let a = agreement(ALWAYS);
        // 100 h period, 1 h down: exactly 99 %.
        let from = t("2026-01-01T00:00:00Z");
        let to = t("2026-01-05T04:00:00Z");
        let r = a
            .evaluate(
                from,
                to,
                &[
                    Outage::new(t("2026-01-05T03:00:00Z"), t("2026-01-05T06:00:00Z")),
                    Outage::new(t("2025-12-01T00:00:00Z"), t("2025-12-02T00:00:00Z")),
                ],
            )
            .unwrap();
        assert_eq!(r.downtime, TimeDelta::hours(1));
        assert_eq!(r.achieved, Decimal::from(99));
        assert_eq!(r.outcome, TargetOutcome::Met);
        assert_eq!(r.outages[0].downtime, TimeDelta::zero());
        assert_eq!(r.outages[1].downtime, TimeDelta::hours(1));
    }

    #[test]
    fn recurring_maintenance_and_windows_do_not_count() {
        let a = agreement(
            r#"{"target":"99.5","service_hours":{"timezone":"UTC","hours":{"mon":["08:00-18:00"]}},
               "maintenance":{"recurring":{"timezone":"UTC","hours":{"mon":["17:00-18:00"]}},
                 "windows":[{"start":"2026-03-02T08:00:00Z","end":"2026-03-02T09:00:00Z"},
                            {"start":"2026-03-02T08:30:00+00:00","end":"2026-03-02T10:00:00Z"}]}}"#,
        );
        // Monday 2026-03-02: 10 h of service hours, 1 h recurring + 2 h window = 7 h.
        let r = a
            .evaluate(
                t("2026-03-02T00:00:00Z"),
                t("2026-03-03T00:00:00Z"),
                &[Outage::new(
                    t("2026-03-02T09:30:00Z"),
                    t("2026-03-02T17:30:00Z"),
                )],
            )
            .unwrap();
        assert_eq!(a.windows().len(), 1);
        assert_eq!(r.maintenance_time, TimeDelta::hours(3));
        assert_eq!(r.service_time, TimeDelta::hours(7));
        assert_eq!(r.downtime, TimeDelta::hours(7));
        assert_eq!(r.achieved, Decimal::ZERO);
        // The spec round-trips with the windows merged.
        let json = serde_json::to_string(&a).unwrap();
        assert!(
            json.contains(
                r#""windows":[{"start":"2026-03-02T08:00:00Z","end":"2026-03-02T10:00:00Z"}]"#
            ),
            "{json}"
        );
        assert_eq!(
            serde_json::from_str::<AvailabilityAgreement>(&json).unwrap(),
            a
        );
    }
}
