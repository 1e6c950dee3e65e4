//! Time and materials: work billed at an hourly rate.
//!
//! The long-form documentation is the guide page [`guide::time_and_materials`](crate::guide::time_and_materials).

mod pricing;
mod rates;

pub use rates::{HourlyRates, Increment, Surcharges};
