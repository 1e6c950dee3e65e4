//! The sort keys a queue can be configured with.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One sort key of a queue.
///
/// `#[non_exhaustive]`: more keys may come (match with a wildcard arm).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum QueueKey {
    /// Severity rank within the incident's catalog, most severe (rank 0) first.
    Severity,
    /// The plan's queue priority, higher first.
    PlanPriority,
    /// Least slack first: the smallest remaining time of a pending metric; breached ones are
    /// negative; incidents without a pending metric last.
    Slack,
    /// Reported earlier first.
    ReportedAt,
    /// Incident id, then customer name, in byte order.
    Id,
}

impl QueueKey {
    /// The default keys, in order: severity, plan priority, slack, report time, id.
    pub const DEFAULT: [QueueKey; 5] = [
        QueueKey::Severity,
        QueueKey::PlanPriority,
        QueueKey::Slack,
        QueueKey::ReportedAt,
        QueueKey::Id,
    ];

    /// The name used in configuration (`severity`, `plan_priority`, `slack`, `reported_at`,
    /// `id`).
    pub fn as_str(self) -> &'static str {
        match self {
            QueueKey::Severity => "severity",
            QueueKey::PlanPriority => "plan_priority",
            QueueKey::Slack => "slack",
            QueueKey::ReportedAt => "reported_at",
            QueueKey::Id => "id",
        }
    }
}

impl fmt::Display for QueueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
