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
//! use slacalc::TargetOutcome;
//! use slacalc::availability::{AvailabilityAgreement, Outage};
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
//! let report = agreement.report(t("2026-02-01T00:00:00Z")?, t("2026-03-01T00:00:00Z")?, &outages)?;
//! assert_eq!(report.service_time.num_hours(), 198);
//! assert_eq!(report.downtime.num_hours(), 2);
//! // 100 × 196 / 198 = 98.9898…
//! assert_eq!(report.achieved_rounded(4, RoundingMode::HalfUp), "98.9899".parse::<Decimal>()?);
//! assert_eq!(report.to_string().lines().last(), Some("  achieved 98.989 % (target 99 %): missed"));
//! assert_eq!(report.outcome, TargetOutcome::Missed);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Layout
//!
//! One concept per file: [`Outage`]s and their merging (`outage`), [`MaintenanceWindow`]s
//! and their configuration (`maintenance`), the [`AvailabilityAgreement`] and its
//! configuration (`agreement`), the computation and its [`AvailabilityReport`] (`compute`),
//! and credits by availability, [`CreditReport`] (`credit`).
//!
//! [`Calendar`]: crate::calendar::Calendar
//! [`Decimal`]: rust_decimal::Decimal

mod agreement;
mod compute;
mod credit;
mod instant;
mod maintenance;
mod outage;

pub use agreement::{AvailabilityAgreement, AvailabilityAgreementSpec};
pub use compute::{AvailabilityReport, CountedOutage};
pub use credit::CreditReport;
pub use maintenance::{MaintenanceSpec, MaintenanceWindow, WindowSpec};
pub use outage::Outage;
