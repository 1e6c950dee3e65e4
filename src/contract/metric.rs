//! Metrics: the promises a plan can make about an incident, and when each one's clock
//! starts.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The promises a plan can make about an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Metric {
    /// First response (reaction time).
    Reaction,
    /// A resolution plan (Cumulocity: within 4 hours of a Crisis).
    ResolutionPlan,
    /// A workaround: service restored (recovery time).
    Workaround,
    /// The incident resolved.
    Resolution,
    /// Periodic status updates: each is due a fixed time after the previous one.
    Update,
}

impl Metric {
    /// All metrics, in report order.
    pub const ALL: [Metric; 5] = [
        Metric::Reaction,
        Metric::ResolutionPlan,
        Metric::Workaround,
        Metric::Resolution,
        Metric::Update,
    ];

    /// The key as written in configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Reaction => "reaction",
            Metric::ResolutionPlan => "resolution_plan",
            Metric::Workaround => "workaround",
            Metric::Resolution => "resolution",
            Metric::Update => "update",
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When a metric's clock starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum StartRule {
    /// When the incident is reported (the default).
    #[default]
    Reported,
    /// When reported on a business day of the contract's business calendar; when reported on
    /// any other day, at the first `contact_established` event (Cumulocity: "on non-Business
    /// Days … the reaction time is measured from the time the Customer gets in contact with a
    /// Cumulocity Support Engineer").
    ContactOnNonBusinessDays,
    /// When the given support level takes the incident over (its first `level_changed` to
    /// that level; the report itself when the plan's first level is that level). COSYS: the
    /// response time of third-level support runs from the hand-over to COSYS. Written
    /// `{"at_level": "n3"}`.
    AtLevel(String),
}
