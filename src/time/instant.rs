//! How the crate prints instants in messages and reports.

use chrono::{DateTime, SecondsFormat, Utc};

/// `t` in RFC 3339, UTC as `Z`, with as many fractional digits as it has.
pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}
