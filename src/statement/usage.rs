//! [`Usage`]: what a month brought besides incidents — the fee's inputs, outages, one-off
//! maintenance windows, work billed as time and materials, maintenance time worked.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::availability::{MaintenanceWindow, Outage};
use crate::money::{FeeInputs, WorkInterval};

/// A month's usage as a host records it; every field is optional. In JSON:
///
/// ```
/// use slacalc::statement::Usage;
///
/// let usage: Usage = serde_json::from_str(r#"
/// {
///   "fee_inputs": { "amounts": { "usage": "15000.00 EUR" },
///                   "quantities": { "extension_days": "1" } },
///   "outages": [ { "start": "2026-03-10T08:00:00Z", "end": "2026-03-10T11:15:00Z" } ],
///   "maintenance_windows": [ { "start": "2026-03-19T13:00:00Z", "end": "2026-03-19T15:00:00Z" } ],
///   "work": [ { "start": "2026-03-16T15:10:00Z", "end": "2026-03-16T18:00:00Z" } ],
///   "maintenance_minutes": { "2026-02": 600, "2026-03": 1500 }
/// }
/// "#)?;
/// assert_eq!((usage.outages.len(), usage.work.len()), (1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A part the contract has no terms for is an error when it is given (work without time
/// and materials, outages without an availability agreement, maintenance minutes without an
/// hour budget), never silently left out of the statement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Usage {
    /// The named amounts and quantities the fee and the extras are evaluated on (Comarch
    /// Advanced: the month's CCI `usage` fee).
    #[serde(default)]
    pub fee_inputs: FeeInputs,
    /// The month's outages (any order, overlapping allowed), for the availability agreement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outages: Vec<Outage>,
    /// One-off maintenance windows agreed for the month, added to the agreement's own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maintenance_windows: Vec<MaintenanceWindow>,
    /// Work billed as time and materials; each interval must start within the month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<WorkInterval>,
    /// Minutes of maintenance worked, by month (`"2026-03"`), from the contract's start up to
    /// the statement's month (a month left out worked none), for the hour budget.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub maintenance_minutes: BTreeMap<String, u32>,
}

crate::config::tracked_serde!(Usage);

impl Usage {
    /// No usage.
    pub fn new() -> Usage {
        Usage::default()
    }

    /// This usage with the fee's inputs.
    pub fn with_fee_inputs(mut self, inputs: FeeInputs) -> Usage {
        self.fee_inputs = inputs;
        self
    }

    /// This usage with outages.
    pub fn with_outages(mut self, outages: impl IntoIterator<Item = Outage>) -> Usage {
        self.outages.extend(outages);
        self
    }

    /// This usage with one-off maintenance windows.
    pub fn with_maintenance_windows(
        mut self,
        windows: impl IntoIterator<Item = MaintenanceWindow>,
    ) -> Usage {
        self.maintenance_windows.extend(windows);
        self
    }

    /// This usage with work billed as time and materials.
    pub fn with_work(mut self, work: impl IntoIterator<Item = WorkInterval>) -> Usage {
        self.work.extend(work);
        self
    }

    /// This usage with `minutes` of maintenance worked in `month` (`"2026-03"`), replacing an
    /// earlier figure for it.
    pub fn with_maintenance_minutes(mut self, month: impl Into<String>, minutes: u32) -> Usage {
        self.maintenance_minutes.insert(month.into(), minutes);
        self
    }
}
