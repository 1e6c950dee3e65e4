//! slacalc (crate docs are written in README.md).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

pub mod error;
pub mod money;
pub mod time;

pub use error::{Error, Result};
pub use money::{Currency, FeeSchedule, Invoice, Money, RoundingMode};
pub use time::{Shift, TimeOfDay, WeekdayKey};
