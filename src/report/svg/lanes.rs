//! What a timeline's lanes shade: a calendar's business intervals and the periods of
//! waiting for the customer.

use chrono::{DateTime, Utc};

use crate::calendar::model::Calendar;
use crate::incident::{EventTag, Incident};

/// At most this many business intervals are shaded per lane (more would be below a pixel
/// each on a 1,000-pixel picture).
const MAX_INTERVALS: usize = 2_000;

/// Business intervals of `calendar` within `[from, to)`, at most [`MAX_INTERVALS`].
pub(super) fn business_intervals(
    calendar: &Calendar,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut t = from;
    while out.len() < MAX_INTERVALS && t < to {
        // An error (a calendar whose years are not computed this far) shades no further.
        let Some(open) = calendar.next_open(t).ok().flatten().filter(|o| *o < to) else {
            break;
        };
        // Open for the rest of the window? (`between` is a lookup; `next_close` on a 24x7
        // calendar would search far ahead.)
        let rest = to.signed_duration_since(open);
        if calendar.between(open, to).ok() == Some(rest) {
            out.push((open, to));
            break;
        }
        let Ok(close) = calendar.next_close(open) else {
            break;
        };
        let close = close.map_or(to, |c| c.min(to));
        if close <= open {
            break;
        }
        out.push((open, close));
        t = close;
    }
    out
}

/// Intervals in which `open` holds, from a list of (instant, opens?) toggles; an interval
/// still open at the end runs to `end`.
fn spans_of(
    toggles: &[(DateTime<Utc>, bool)],
    end: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut since = None;
    for &(at, on) in toggles {
        match (since, on) {
            (None, true) => since = Some(at),
            (Some(s), false) => {
                out.push((s, at));
                since = None;
            }
            _ => {}
        }
    }
    if let Some(s) = since {
        out.push((s, end.max(s)));
    }
    out
}

/// Periods of waiting for the customer, from the events up to `now`.
pub(super) fn awaiting(
    incident: &Incident,
    now: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let toggles: Vec<(DateTime<Utc>, bool)> = incident
        .events()
        .iter()
        .take_while(|e| e.at <= now)
        .filter_map(|e| match e.kind.tag() {
            EventTag::AwaitingCustomer => Some((e.at, true)),
            EventTag::CustomerReplied => Some((e.at, false)),
            _ => None,
        })
        .collect();
    spans_of(&toggles, now)
}
