//! The pausable business-time clock: counts a calendar's business time from a start, outside
//! pauses, until a stop — and says, against a target, when it is due and whether it is met.
//!
//! Every SLA metric is a clock with a target, every escalation ladder a clock with steps, and
//! a periodic update a clock restarted at each update; they all use this one mechanism.
//!
//! # Semantics
//!
//! Counted time is business time of the calendar from `start` on, outside every pause
//! `[pause, resume)` — a pause with no resume yet lasts until `now` — and before `stop`. Only
//! events at or before `now` are known; later ones are ignored.
//!
//! - *elapsed*: counted time in `[start, min(now, stop))`.
//! - *deadline*: the earliest instant at which counted time reaches the target, counting past
//!   `now` as if the clock kept running with no further pause or stop; `None` while the clock
//!   is paused at `now` (and when it stopped while paused) unless the target was already
//!   exceeded, in which case it is the instant the target was reached.
//! - *state*: [`ClockState::NotStarted`](crate::ClockState::NotStarted) before `start`; [`ClockState::Met`](crate::ClockState::Met) when stopped with
//!   elapsed ≤ target; [`ClockState::Breached`](crate::ClockState::Breached) when elapsed > target (stopped or not);
//!   otherwise [`ClockState::Paused`](crate::ClockState::Paused) or [`ClockState::Running`](crate::ClockState::Running). Elapsed equal to the target
//!   is met, not breached.
//!
//! ```
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::{Calendar, Clock, ClockEvent, ClockEventKind, ClockState};
//!
//! let cal: Calendar = serde_json::from_str(r#"{"timezone": "UTC", "hours": {
//!     "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
//!     "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}"#)?;
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let clock = Clock::from_events(&[
//!     ClockEvent::new(t("2024-03-01T09:00:00Z")?, ClockEventKind::Start),
//!     ClockEvent::new(t("2024-03-01T10:00:00Z")?, ClockEventKind::Pause),
//!     ClockEvent::new(t("2024-03-04T09:00:00Z")?, ClockEventKind::Resume),
//!     ClockEvent::new(t("2024-03-04T11:30:00Z")?, ClockEventKind::Stop),
//! ])?;
//! let reading = clock.read(&cal, TimeDelta::hours(4), t("2024-03-06T00:00:00Z")?)?;
//! assert_eq!(reading.state, ClockState::Met);
//! assert_eq!(reading.elapsed, TimeDelta::minutes(210));
//! assert_eq!(reading.deadline, Some(t("2024-03-04T12:00:00Z")?));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
