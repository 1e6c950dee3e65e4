//! The time axis of a timeline: instants to pixels, and ticks at round local times.

use chrono::{DateTime, Datelike, Days, TimeZone, Utc};
use chrono_tz::Tz;

/// Maps instants of `[t0, t1]` to pixels of `[x0, x1]` (clamped), with integer arithmetic.
#[derive(Clone, Copy, Debug)]
pub(super) struct Scale {
    pub(super) t0: i64,
    pub(super) t1: i64,
    pub(super) x0: i64,
    pub(super) x1: i64,
}

impl Scale {
    pub(super) fn x(&self, t: DateTime<Utc>) -> i64 {
        let span = i128::from(self.t1.saturating_sub(self.t0)).max(1);
        let width = i128::from(self.x1.saturating_sub(self.x0));
        let dt = i128::from(
            t.timestamp()
                .clamp(self.t0, self.t1)
                .saturating_sub(self.t0),
        );
        let px = dt.saturating_mul(width) / span;
        self.x0
            .saturating_add(i64::try_from(px).unwrap_or(0))
            .clamp(self.x0, self.x1)
    }

    pub(super) fn start(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.t0, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    pub(super) fn end(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.t1, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
    }
}

/// Tick spacing candidates in hours.
const TICK_HOURS: [i64; 12] = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 2160];

/// Axis ticks at round local times of `tz` within the scale: (instant, label).
pub(super) fn ticks(scale: &Scale, tz: Tz) -> Vec<(DateTime<Utc>, String)> {
    let hours = (scale.t1.saturating_sub(scale.t0) / 3600).max(1);
    let step = TICK_HOURS
        .iter()
        .copied()
        .find(|h| hours / h <= 10)
        .unwrap_or(2160);
    let date_of = |t: DateTime<Utc>| {
        crate::time::local_naive(&tz, t).map_or_else(|| t.date_naive(), |n| n.date())
    };
    let first = date_of(scale.start());
    let last = date_of(scale.end());
    let mut out = Vec::new();
    let mut date = first;
    // At most ~10 ticks by the choice of step; the date loop is bounded by the window.
    for _ in 0..=last
        .signed_duration_since(first)
        .num_days()
        .clamp(0, 200_000)
    {
        let hours_of_day: Vec<u32> = if step < 24 {
            (0..24)
                .step_by(usize::try_from(step).unwrap_or(24))
                .collect()
        } else if i64::from(date.num_days_from_ce()).rem_euclid(step / 24) == 0 {
            vec![0]
        } else {
            Vec::new()
        };
        for h in hours_of_day {
            let Some(local) = date.and_hms_opt(h, 0, 0) else {
                continue;
            };
            let Some(at) = tz.from_local_datetime(&local).earliest() else {
                continue; // a gap: no such wall-clock time
            };
            let at = at.with_timezone(&Utc);
            if at.timestamp() < scale.t0 || at.timestamp() > scale.t1 {
                continue;
            }
            let label = if h == 0 {
                local.format("%a %d %b").to_string()
            } else {
                local.format("%H:%M").to_string()
            };
            out.push((at, label));
        }
        match date.checked_add_days(Days::new(1)) {
            Some(d) => date = d,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_clamps() {
        let s = Scale {
            t0: 0,
            t1: 100,
            x0: 10,
            x1: 110,
        };
        let at = |t| DateTime::from_timestamp(t, 0).unwrap_or_default();
        assert_eq!(s.x(at(-50)), 10);
        assert_eq!(s.x(at(50)), 60);
        assert_eq!(s.x(at(500)), 110);
    }
}
