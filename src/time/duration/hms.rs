//! The `H:MM:SS` form with exact decimal seconds that invoice lines and availability reports
//! print, the exact decimal seconds of a duration, and the `H:MM` of whole minutes that hour
//! budgets and statements print.

use std::fmt;

use chrono::TimeDelta;
use rust_decimal::Decimal;

/// A duration as exact decimal seconds (nanoseconds become the fraction).
pub(crate) fn seconds_of(d: TimeDelta) -> Option<Decimal> {
    let nanos = i128::from(d.num_seconds())
        .checked_mul(1_000_000_000)?
        .checked_add(i128::from(d.subsec_nanos()))?;
    Decimal::try_from_i128_with_scale(nanos, 9)
        .ok()
        .map(|s| s.normalize())
}

/// Whole minutes as `H:MM` (`90` is `1:30`): an hour budget's ledger and a statement's
/// budget month.
pub(crate) struct Hm(pub(crate) u32);

impl fmt::Display for Hm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// Formats exact seconds as `H:MM:SS` with any fraction of a second after the seconds
/// (`1:05:00`, `0:00:01.5`, `-0:30:00`).
pub(crate) fn format_hms(seconds: Decimal) -> String {
    use rust_decimal::prelude::ToPrimitive;
    let sign = if seconds.is_sign_negative() && !seconds.is_zero() {
        "-"
    } else {
        ""
    };
    let magnitude = seconds.abs();
    let whole = magnitude.trunc();
    let fraction = magnitude.checked_sub(whole).unwrap_or_default().normalize();
    let Some(total) = whole.to_u128() else {
        return format!("{seconds} s");
    };
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let fraction = if fraction.is_zero() {
        String::new()
    } else {
        // "0.5" → ".5"
        fraction.to_string().trim_start_matches('0').to_owned()
    };
    format!("{sign}{h}:{m:02}:{s:02}{fraction}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    #[test]
    fn hms() {
        assert_eq!(format_hms(d("3900")), "1:05:00");
        assert_eq!(format_hms(d("1.5")), "0:00:01.5");
        assert_eq!(format_hms(d("-1800")), "-0:30:00");
        assert_eq!(format_hms(d("360000")), "100:00:00");
        assert_eq!(format_hms(Decimal::ZERO), "0:00:00");
    }

    #[test]
    fn whole_minutes() {
        assert_eq!(Hm(90).to_string(), "1:30");
        assert_eq!(Hm(5).to_string(), "0:05");
        assert_eq!(Hm(6000).to_string(), "100:00");
    }

    #[test]
    fn seconds_are_exact() {
        assert_eq!(seconds_of(TimeDelta::minutes(90)), Some(d("5400")));
        assert_eq!(seconds_of(TimeDelta::milliseconds(-1500)), Some(d("-1.5")));
        assert_eq!(
            seconds_of(TimeDelta::nanoseconds(1)),
            Some(d("0.000000001"))
        );
    }
}
