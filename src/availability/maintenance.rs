//! Agreed maintenance: one-off windows and their configuration (recurring windows are a
//! calendar).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::CalendarSpec;
use crate::config::Invalid;
use crate::error::Error;
use crate::time::rfc3339;

/// An agreed one-off maintenance window, `[start, end)` in UTC, with `start < end`.
///
/// In configuration, RFC 3339 instants (any offset; converted to UTC), written back in UTC.
/// Deserializing validates: an instant that is not RFC 3339, or an end not after the start,
/// is refused with the field and the value.
///
/// ```
/// use slacalc::availability::MaintenanceWindow;
/// let w: MaintenanceWindow = serde_json::from_str(
///     r#"{"start": "2026-03-19T14:00:00+01:00", "end": "2026-03-19T15:00:00Z"}"#)?;
/// assert_eq!(serde_json::to_string(&w)?,
///     r#"{"start":"2026-03-19T13:00:00Z","end":"2026-03-19T15:00:00Z"}"#);
/// let e = serde_json::from_str::<MaintenanceWindow>(
///     r#"{"start": "2026-03-19T13:00:00Z", "end": "2026-03-19T13:00:00Z"}"#).unwrap_err();
/// assert_eq!(e.to_string(), "end: invalid value `2026-03-19T13:00:00Z`: expected an instant \
///     after the window's start `2026-03-19T13:00:00Z`");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "WindowFields", into = "WindowFields")]
pub struct MaintenanceWindow {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl MaintenanceWindow {
    /// The window `[start, end)`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `start < end`.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Result<MaintenanceWindow, Error> {
        if start < end {
            Ok(MaintenanceWindow { start, end })
        } else {
            Err(Error::InvalidArgument {
                operation: "MaintenanceWindow::new",
                reason: format!(
                    "the window ends at {} but must end after its start {}",
                    rfc3339(end),
                    rfc3339(start)
                ),
            })
        }
    }

    /// When the window opens.
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// When it closes (exclusive).
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }
}

/// A window as written, before it is checked: what [`MaintenanceWindow`] reads and writes.
/// RFC 3339 instants (any offset; converted to UTC).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct WindowFields {
    /// When the window opens, such as `"2026-03-14T20:00:00Z"`.
    start: String,
    /// When it closes (exclusive).
    end: String,
}

crate::config::tracked_serde!(WindowFields);

impl TryFrom<WindowFields> for MaintenanceWindow {
    type Error = Invalid;

    /// Errors name the field and the value: `start` or `end` when not an RFC 3339 instant,
    /// `end` when it is not after `start`.
    fn try_from(fields: WindowFields) -> Result<Self, Invalid> {
        let instant = |s: &str, field: &str| {
            crate::config::parse_instant(s).map_err(|_| Error::InvalidValue {
                path: field.to_owned(),
                value: s.to_owned(),
                expected: "an RFC 3339 instant such as `2026-03-14T20:00:00Z`".to_owned(),
            })
        };
        let start = instant(&fields.start, "start")?;
        let end = instant(&fields.end, "end")?;
        if end <= start {
            return Err(Error::InvalidValue {
                path: "end".to_owned(),
                value: fields.end,
                expected: format!("an instant after the window's start `{}`", fields.start),
            }
            .into());
        }
        Ok(MaintenanceWindow { start, end })
    }
}

impl From<MaintenanceWindow> for WindowFields {
    fn from(w: MaintenanceWindow) -> Self {
        WindowFields {
            start: rfc3339(w.start),
            end: rfc3339(w.end),
        }
    }
}

/// Agreed maintenance as written in configuration: recurring windows as a calendar and/or
/// one-off windows. The maintenance part of an
/// [`AvailabilityAgreementSpec`](crate::availability::AvailabilityAgreementSpec), apart for the
/// same reason: its recurring windows are compiled into a calendar.
///
/// ```json
/// { "recurring": { "timezone": "Europe/Berlin", "hours": { "wed": ["17:00-18:00"] } },
///   "windows": [ { "start": "2026-03-19T13:00:00Z", "end": "2026-03-19T15:00:00Z" } ] }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaintenanceSpec {
    /// Recurring windows: any calendar (its "open" times are the maintenance times).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring: Option<CalendarSpec>,
    /// One-off windows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub windows: Vec<MaintenanceWindow>,
}

/// Sorts windows and joins overlapping and touching ones.
pub(super) fn merge_windows(mut windows: Vec<MaintenanceWindow>) -> Vec<MaintenanceWindow> {
    windows.sort_unstable();
    let mut merged: Vec<MaintenanceWindow> = Vec::with_capacity(windows.len());
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    merged
}
