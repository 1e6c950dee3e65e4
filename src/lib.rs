#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]
// Library code never panics on input: no unwrap/expect/panic!/unchecked indexing in src/
// (tests may use them).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod availability;
pub mod calendar;
pub mod clock;
mod config;
pub mod contract;
pub mod error;
pub mod evaluate;
pub mod incident;
pub mod money;
pub mod queue;
pub mod report;
pub mod time;

pub use availability::{
    AvailabilityAgreement, AvailabilityAgreementSpec, AvailabilityReport, MaintenanceWindow,
    Outage, TargetOutcome,
};
pub use calendar::{
    Calendar, CalendarSpec, DateQuality, Holiday, HolidayRule, HolidaySpec, Holidays, Observance,
    PresetHoliday, PresetInfo, WeekdayShifts,
};
pub use clock::{Clock, ClockEvent, ClockEventKind, ClockReading, ClockState};
pub use contract::{Catalog, CatalogSpec, Contract, ContractSpec, ContractTermsSpec, Metric};
pub use error::{Error, Result};
pub use evaluate::{
    evaluate, next_wake_up, MetricReport, MetricState, PauseInterval, Report, StepReport, StepState,
};
pub use incident::{Event, EventKind, Incident};
pub use money::{Currency, FeeSchedule, Invoice, Money, RoundingMode};
pub use queue::{Queue, QueueConfig, QueueEntry, QueueKey};
pub use time::{Shift, TimeOfDay, WeekdayKey};
