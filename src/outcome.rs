//! Whether a measured figure reached its target: shared by compliance reports and
//! availability.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Whether a measured figure reached its target: an availability against its agreed
/// percentage, or a compliance share against its compliance target. Serialized in
/// `snake_case`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum TargetOutcome {
    /// The figure is at least the target (equal is met).
    Met,
    /// The figure is below the target.
    Missed,
}

impl fmt::Display for TargetOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TargetOutcome::Met => "met",
            TargetOutcome::Missed => "missed",
        })
    }
}
