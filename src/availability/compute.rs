//! The computation: service time, downtime and the achieved availability over a period.

use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::agreement::AvailabilityAgreement;
use super::outage::{merge_outages, Outage};
use crate::error::Error;
use crate::money::RoundingMode;
use crate::outcome::TargetOutcome;
use crate::time::rfc3339;
use crate::time::{format_hms, seconds_of};

const OP: &str = "availability";

/// An out-of-range error of the availability over `[a, b)`.
fn span(a: DateTime<Utc>, b: DateTime<Utc>) -> Error {
    crate::error::out_of_range(OP, format_args!("{}..{}", rfc3339(a), rfc3339(b)))
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
/// let report = agreement.report(t("2026-03-02T00:00:00Z")?, t("2026-03-03T00:00:00Z")?, &outages)?;
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
    /// [module docs](super) on precision).
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

impl AvailabilityAgreement {
    /// Service time in `[a, b)`: business time of service hours minus recurring maintenance,
    /// minus its part inside the one-off windows.
    fn counted(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> Result<TimeDelta, Error> {
        if b <= a {
            return Ok(TimeDelta::zero());
        }
        let mut time = self.effective.between(a, b)?;
        // The first window that ends after `a`; windows are disjoint and sorted.
        let first = self.windows.partition_point(|w| w.end() <= a);
        for w in self.windows.iter().skip(first) {
            if w.start() >= b {
                break;
            }
            let inside = self.effective.between(w.start().max(a), w.end().min(b))?;
            time = time.checked_sub(&inside).ok_or_else(|| span(a, b))?;
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
    pub fn report(
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
            .ok_or_else(|| span(from, to))?;
        let mut downtime = TimeDelta::zero();
        let mut counted = Vec::with_capacity(merged.len());
        for o in merged {
            let d = self.counted(o.start.max(from), o.end.min(to))?;
            downtime = downtime.checked_add(&d).ok_or_else(|| span(from, to))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::t;

    fn agreement(json: &str) -> AvailabilityAgreement {
        serde_json::from_str(json).unwrap()
    }

    const ALWAYS: &str = r#"{"target":"99","service_hours":{"timezone":"UTC","hours":{
        "mon":["00:00-24:00"],"tue":["00:00-24:00"],"wed":["00:00-24:00"],"thu":["00:00-24:00"],
        "fri":["00:00-24:00"],"sat":["00:00-24:00"],"sun":["00:00-24:00"]}}}"#;

    #[test]
    fn thirds_keep_28_digits() {
        let a = agreement(ALWAYS);
        // 1 h down in 3 days: 100 × 71/72.
        let r = a
            .report(
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
            .report(
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
            .report(
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
