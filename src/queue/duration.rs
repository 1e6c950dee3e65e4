//! The queue's duration printer (explanations and slack texts).

use chrono::TimeDelta;

/// A duration in hours, minutes and seconds (`29h`, `1h30m`, `45s`, `0s`): no days, since a
/// day of business time is ambiguous.
pub(super) fn hms(d: TimeDelta) -> String {
    let secs = d.num_seconds().unsigned_abs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut out = String::new();
    if d < TimeDelta::zero() {
        out.push('-');
    }
    for (n, unit) in [(h, 'h'), (m, 'm'), (s, 's')] {
        if n > 0 {
            out.push_str(&n.to_string());
            out.push(unit);
        }
    }
    if secs == 0 {
        out.push_str("0s");
    }
    out
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_hours() {
        let m = TimeDelta::minutes;
        assert_eq!(hms(m(29 * 60)), "29h");
        assert_eq!(hms(m(90)), "1h30m");
        assert_eq!(hms(TimeDelta::seconds(-45)), "-45s");
        assert_eq!(hms(TimeDelta::zero()), "0s");
        assert!(hms(TimeDelta::MIN).starts_with("-2562047788015h"));
    }
}
