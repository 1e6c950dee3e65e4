#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

pub mod availability;
pub mod calendar;
pub mod clock;
pub mod error;
pub mod money;
pub mod time;

pub use availability::{
    AvailabilityAgreement, AvailabilityAgreementSpec, AvailabilityReport, MaintenanceWindow,
    Outage, TargetOutcome,
};
pub use calendar::{Calendar, CalendarSpec, Holiday, HolidaySpec, Holidays};
pub use clock::{Clock, ClockEvent, ClockEventKind, ClockReading, ClockState};
pub use error::{Error, Result};
pub use money::{Currency, FeeSchedule, Invoice, Money, RoundingMode};
pub use time::{Shift, TimeOfDay, WeekdayKey};
