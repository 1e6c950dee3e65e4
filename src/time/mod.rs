//! The crate's leaf vocabulary: times of day and shifts, weekday keys, durations and their
//! text forms, dates, and periods. Nothing here imports another module of the crate except
//! the error module ([`Error`](crate::Error)).
//!
//! | Concept | Items | File |
//! |---|---|---|
//! | A wall-clock time that allows `24:00`, a shift `HH:MM-HH:MM` | [`TimeOfDay`], [`Shift`] | `time/of_day.rs` |
//! | Weekday keys `mon` … `sun` | [`WeekdayKey`] | `time/weekday.rs` |
//! | Durations: `4h30m`, ISO 8601 `PT4H30M`, `H:MM:SS` | [`parse_duration`], [`format_duration`], [`IsoDuration`], [`iso_duration`] | `time/duration/` |
//! | Dates `YYYY-MM-DD`, local dates and days across DST | (crate-internal) | `time/date.rs` |
//! | Periods: a month, quarter, year or range of dates | [`Period`], [`PeriodUnit`] | `time/period.rs` |
//! | Instants shown to people in a zone, with the offset: `2026-03-02 14:00 CET (+01:00)` | [`ZonedInstant`] | `time/instant.rs` |
//!
//! Small value types parse from and print to exactly the form used in configuration, so
//! `s.parse::<Shift>()?.to_string() == s` for every canonical `s`.
//!
//! Durations have two written forms, and both parse wherever a duration is read
//! ([`parse_duration`]): configuration writes `4h30m` ([`format_duration`]); serialized
//! reports write ISO 8601, `PT4H30M`, with fractional seconds to the nanosecond and `-PT…`
//! for negative durations ([`IsoDuration`], [`parse_iso_duration`] and the serde helpers
//! [`iso_duration`] and [`iso_duration::option`]), so that every `TimeDelta` reads back
//! exactly.

mod date;
mod duration;
mod instant;
mod of_day;
mod period;
mod weekday;

pub(crate) use date::{first_instant_reading, local_date, local_day, local_naive, parse_date};
pub use duration::{
    format_duration, format_iso_duration, iso_duration, parse_duration, parse_iso_duration,
    IsoDuration,
};
pub(crate) use duration::{format_hms, format_whole_seconds, seconds_of, Hm};
pub(crate) use instant::rfc3339;
pub use instant::ZonedInstant;
pub use of_day::{Shift, TimeOfDay};
pub use period::{Period, PeriodUnit};
pub use weekday::WeekdayKey;
