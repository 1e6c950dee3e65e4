//! Reporting over many incidents: batch evaluation, compliance per period, and SVG pictures.
//!
//! - [`evaluate_all`]: many (contract, incident) pairs at once, in parallel with the cargo
//!   feature `rayon`, identical results either way.
//! - [`ComplianceReport`]: per contract, severity and metric over a
//!   [`Period`](crate::time::Period) (month, quarter, year or any range of local dates): counts, compliance against
//!   [`ComplianceTargets`], business-time statistics; serde, CSV ([`Csv`]) and a table
//!   (`Display`).
//! - [`timeline`] and [`compliance_chart`]: an incident's timeline and a compliance bar chart
//!   as SVG text.
//!
//! Everything here is pure like the rest of the crate: no clock, no files.

mod batch;
mod compliance;
mod svg;

pub use batch::{evaluate_all, PARALLEL};
pub use compliance::{
    attribution_date, ComplianceReport, ComplianceRow, ComplianceTargets, ComplianceTargetsSpec,
    Csv, DurationStats, Failure,
};
pub use svg::{compliance_chart, timeline, Marker};
