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
//! # Configuration reference
//!
//! Availability agreements (service hours, maintenance, outages, target) and how availability
//! is measured.
//!
//! [`slacalc::availability`](crate::availability) measures a period `[from, to)` against an
//! availability target:
//!
//! - **service time** = business time of the service hours minus agreed maintenance windows,
//!   within the period;
//! - **downtime** = the part of the service time covered by outages. Outages are merged first
//!   (overlapping or touching ones become one, empty ones vanish), so one failure reported twice
//!   counts once;
//! - **achieved** = `100 × (service time − downtime) / service time` percent, a `Decimal` with
//!   28 significant digits (exact when the quotient terminates, otherwise rounded in the last
//!   digit); the target is **met** when `achieved >= target` (equal is met).
//!
//! A period with no service time is `Error::NoServiceTime` (availability is undefined, never
//! 100 %). Times are exact to the nanosecond; the work is a few binary searches per outage and
//! per window, whatever the period's length.
//!
//! | field | meaning |
//! | --- | --- |
//! | `target` | percent, a decimal string from `"0"` to `"100"` |
//! | `service_hours` | a calendar (any form of [calendars](crate::calendar#configuration-reference), unions included) |
//! | `maintenance.recurring` | optional calendar whose open times are maintenance (removed with `Calendar::difference`) |
//! | `maintenance.windows` | optional one-off windows, RFC 3339 instants (any offset), `end` after `start`; overlapping ones are merged |
//!
//! `agreement.report(from, to, &outages)` returns an
//! [`AvailabilityReport`] (service time, maintenance time excluded,
//! downtime, each merged outage with the downtime it counted, the achieved percentage, the target
//! and `met`/`missed`); `Display` prints it with the percentage rounded **down** to 3 decimals,
//! `achieved_rounded(places, mode)` rounds it explicitly, serde keeps it at full precision.
//! `agreement.with_windows(..)` adds a month's one-off windows.
//! `agreement.credit(from, to, &outages, &policy, CreditInputs::new(fee))` feeds the achieved
//! availability into a [`CreditPolicy`](crate::money::CreditPolicy) and returns the report and
//! the credit invoice at once (the [availability recipe](crate#recipe-availability-and-a-service-credit)
//! does). An outage that ends before it starts is an error naming it: `outages[2].end: …`.
//! A contract carries its agreement as `billing.availability`
//! ([money terms](crate::contract#money-terms-and-the-monthly-statement)), and
//! [`Statement::compute`](crate::Statement::compute) measures each month with it.
//!
//! ```
//! use chrono::{DateTime, TimeDelta, Utc};
//! use rust_decimal::Decimal;
//! use slacalc::{Error, TargetOutcome};
//! use slacalc::availability::{AvailabilityAgreement, Outage};
//! use slacalc::money::RoundingMode;
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let agreement: AvailabilityAgreement = serde_json::from_str(r#"
//! {
//!   "target": "99",
//!   "service_hours": {
//!     "timezone": "Europe/Berlin",
//!     "hours": { "mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
//!                "thu": ["08:00-18:00"], "fri": ["08:00-18:00"] },
//!     "holidays": ["2026-04-03", "2026-04-06"]
//!   },
//!   "maintenance": {
//!     "recurring": { "timezone": "Europe/Berlin", "hours": { "wed": ["17:00-18:00"] } },
//!     "windows": [ { "start": "2026-03-19T13:00:00Z", "end": "2026-03-19T15:00:00Z" } ]
//!   }
//! }"#)?;
//! // March 2026 in Berlin (DST begins on the 29th; service hours follow the wall clock).
//! let (from, to) = (t("2026-02-28T23:00:00Z")?, t("2026-03-31T22:00:00Z")?);
//! let outages = [
//!     Outage::new(t("2026-03-10T08:00:00Z")?, t("2026-03-10T10:30:00Z")?),
//!     Outage::new(t("2026-03-10T09:45:00Z")?, t("2026-03-10T11:15:00Z")?), // overlaps: merged
//!     Outage::new(t("2026-03-25T15:30:00Z")?, t("2026-03-25T18:00:00Z")?), // 30 min count
//! ];
//! let report = agreement.report(from, to, &outages)?;
//! // 22 weekdays × 10 h; maintenance: four Wednesdays × 1 h and the 2-hour window.
//! assert_eq!(report.maintenance_time, TimeDelta::hours(6));
//! assert_eq!(report.service_time, TimeDelta::hours(214));
//! assert_eq!(report.downtime, TimeDelta::minutes(225));
//! assert_eq!(report.outages.len(), 2);
//! // 100 × (214 h − 3.75 h) / 214 h = 98.2476635514…
//! assert_eq!(report.achieved, "98.24766355140186915887850467".parse::<Decimal>()?);
//! assert_eq!(report.achieved_rounded(3, RoundingMode::HalfUp), "98.248".parse::<Decimal>()?);
//! assert!(report.to_string().contains("98.247"));
//! assert_eq!(report.outcome, TargetOutcome::Missed);
//!
//! // A weekend has no service time: availability is undefined, not 100 %.
//! let weekend = agreement.report(t("2026-03-07T00:00:00Z")?, t("2026-03-08T00:00:00Z")?, &[]);
//! assert!(matches!(weekend, Err(Error::NoServiceTime { .. })));
//! // An outage that ends before it starts is named.
//! let backwards = [Outage::new(t("2026-03-10T10:00:00Z")?, t("2026-03-10T09:00:00Z")?)];
//! let error = agreement.report(from, to, &backwards).err().ok_or("accepted")?;
//! assert!(error.to_string().starts_with("outages[0].end"), "{error}");
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
//! [`Calendar`]: crate::Calendar
//! [`Decimal`]: rust_decimal::Decimal

mod agreement;
mod compute;
mod credit;
mod maintenance;
mod outage;

pub use agreement::{AvailabilityAgreement, AvailabilityAgreementSpec};
pub use compute::{AvailabilityReport, CountedOutage};
pub use credit::CreditReport;
pub use maintenance::{MaintenanceSpec, MaintenanceWindow};
pub use outage::Outage;
