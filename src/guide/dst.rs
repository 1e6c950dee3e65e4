//! Daylight saving time and the wall clock: what a calendar counts when its zone's offset
//! changes.
//!
//! # The rule
//!
//! All hours of a calendar are wall-clock times in its `timezone`. An instant is business time
//! iff, with *D* and *tod* the wall-clock date and time of the instant in that zone, a shift of
//! date *D* covers *tod* (`start <= tod < end`, or `start <= tod` for an overnight shift), or an
//! overnight shift of date *D − 1* covers *tod* (`tod < end`). The shifts of a date are its
//! exception shifts if it has any, else none if it is a holiday, else the weekly shifts of its
//! weekday.
//!
//! DST needs no special rule, because each instant has exactly one wall-clock time:
//!
//! - a shift `00:00-24:00` holds **23 hours** on the spring-forward date and **25** on the
//!   fall-back date;
//! - a wall-clock time inside a **gap** never occurs: a shift that starts inside a gap starts
//!   at the first instant after it (New York 2024-03-10 02:30 does not exist; a shift
//!   `02:30-04:00` runs from 03:00 EDT, one hour, not from a "compatible" 03:30);
//! - a wall-clock time inside a **fold** occurs twice and **counts twice**: a shift
//!   `01:00-02:00` on New York's 2024-11-03 runs from 01:00 EDT to 02:00 EST, two hours;
//! - a local date may not start at midnight (America/Sao_Paulo skipped 2015-10-18 00:00): the
//!   day starts at its first instant, 01:00.
//!
//! Durations of business time are exact seconds (nanoseconds pass through), never "days" or
//! wall-clock hours. A contract's `24x7` clock counts real time: in Berlin, 30 minutes from
//! 01:50 on the night clocks go forward end at 03:20 on the wall clock.
//!
//! The conformance vectors (`tests/vectors/`, from independent reference implementations) and
//! property tests against a minute-by-minute reference pin this down in zones with 30-minute
//! shifts (Australia/Lord_Howe), odd offsets (Pacific/Chatham +12:45, America/St_Johns −03:30),
//! two-hour shifts (Antarctica/Troll) and midnight gaps (America/Sao_Paulo).
//!
//! # Example: a gap and a fold in New York
//!
//! ```
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::Calendar;
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let all_day: Calendar = serde_json::from_str(r#"{"timezone": "America/New_York",
//!     "hours": {"sun": ["00:00-24:00"]}}"#)?;
//! // Spring forward, Sunday 2024-03-10 (05:00Z is local midnight): a 23-hour day.
//! assert_eq!(all_day.between(t("2024-03-10T05:00:00Z")?, t("2024-03-11T04:00:00Z")?)?,
//!            TimeDelta::hours(23));
//! // Fall back, Sunday 2024-11-03 (04:00Z is local midnight): a 25-hour day.
//! assert_eq!(all_day.between(t("2024-11-03T04:00:00Z")?, t("2024-11-04T05:00:00Z")?)?,
//!            TimeDelta::hours(25));
//!
//! // A shift that starts inside the gap starts when the gap ends, 03:00 EDT (07:00Z).
//! let gap: Calendar = serde_json::from_str(r#"{"timezone": "America/New_York",
//!     "hours": {"sun": ["02:30-04:00"]}}"#)?;
//! assert_eq!(gap.next_open(t("2024-03-10T05:00:00Z")?)?, Some(t("2024-03-10T07:00:00Z")?));
//! assert_eq!(gap.between(t("2024-03-10T05:00:00Z")?, t("2024-03-11T05:00:00Z")?)?,
//!            TimeDelta::hours(1));
//!
//! // A shift inside the fold counts twice: 01:00 EDT (05:00Z) to 02:00 EST (07:00Z).
//! let fold: Calendar = serde_json::from_str(r#"{"timezone": "America/New_York",
//!     "hours": {"sun": ["01:00-02:00"]}}"#)?;
//! assert_eq!(fold.between(t("2024-11-03T04:00:00Z")?, t("2024-11-04T05:00:00Z")?)?,
//!            TimeDelta::hours(2));
//! assert_eq!(fold.add(t("2024-11-03T04:00:00Z")?, TimeDelta::minutes(90))?,
//!            t("2024-11-03T06:30:00Z")?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
