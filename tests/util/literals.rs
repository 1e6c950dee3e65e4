//! Short constructors for the values tests write inline — an instant, a decimal, a date —
//! written once for the unit tests (`src/testing.rs` includes this file) and the integration
//! tests (`tests/it/util.rs` re-exports it). Only chrono and rust_decimal types: the crate's
//! own are named differently inside and outside it. A bad literal is a bug in the test, so
//! these panic, naming it.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

/// An instant in RFC 3339, `"2026-03-10T10:00:00Z"`.
pub(crate) fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A decimal, `"12.50"`.
pub(crate) fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A date from its year, month and day.
pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("no date {y}-{m}-{d}"))
}
