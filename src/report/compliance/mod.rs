//! Compliance over a period.
//!
//! The long-form documentation is the guide page [`guide::compliance`](crate::guide::compliance).

mod attribution;
mod csv;
mod rows;
mod stats;
mod table;
mod tally;
mod targets;

pub use attribution::attribution_date;
pub use csv::Csv;
pub use rows::{ComplianceReport, ComplianceRow, Failure};
pub use stats::DurationStats;
pub use targets::ComplianceTargets;
