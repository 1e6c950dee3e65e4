//! Evaluating an incident against its contract as of `now`.
//!
//! The long-form documentation is the guide page [`guide::lifecycle`](crate::guide::lifecycle).

mod context;
mod cycles;
mod evaluation;
mod ladder;
mod lifecycle;
mod metric;
mod reading;
mod report;
mod wake;

pub use evaluation::evaluate;
pub(crate) use evaluation::{outcomes, Outcomes};
// Compliance reports read it from here; it lives below availability (`crate::outcome`).
pub(crate) use crate::outcome::TargetOutcome;
pub use report::{Cycle, MetricReport, MetricState, PauseInterval, Report, StepReport, StepState};
pub use wake::next_wake_up;
pub(crate) use wake::{timed_changes, TimedChange};
