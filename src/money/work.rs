//! Work as time and materials receives it: the worked intervals ([`WorkInterval`]), and the
//! same work after a calendar has classified it ([`ClassifiedInterval`]: pieces on local dates,
//! each [`WorkCategory`]); and the [`IncrementBasis`] of billing increments. Invoices and the
//! pricing both use these, so they live apart from either.

use std::fmt;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// The longest [`WorkInterval`] that is classified, in days: an invoice has lines per billing
/// day, so the work (and the invoice) stays proportional to the input.
pub const MAX_INTERVAL_DAYS: i64 = 366;

/// Over what a billing increment rounds worked time up. Configuration: `"interval"` or
/// `"day"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum IncrementBasis {
    /// Each worked interval on its own: with 15-minute increments, two separate 5-minute calls
    /// bill 30 minutes. The default, because "per started 15 minutes" usually counts each job.
    #[default]
    Interval,
    /// The total worked on a billing day: two 5-minute calls on one day bill 15 minutes.
    /// Splitting an interval into adjacent parts never changes the invoice.
    Day,
}

impl fmt::Display for IncrementBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IncrementBasis::Interval => "per interval",
            IncrementBasis::Day => "per day",
        })
    }
}

/// How a piece of work is charged, as a calendar classified it. Serialized in `snake_case`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum WorkCategory {
    /// Within service hours (or all non-holiday time when no service hours are configured):
    /// the plain hourly rate.
    Regular,
    /// Outside service hours on a day that is not a holiday: the outside-hours surcharge.
    OutsideServiceHours,
    /// On a holiday, whatever the hour: the holiday surcharge.
    Holiday,
}

impl fmt::Display for WorkCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WorkCategory::Regular => "within service hours",
            WorkCategory::OutsideServiceHours => "outside service hours",
            WorkCategory::Holiday => "on a holiday",
        })
    }
}

/// One interval of work, `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct WorkInterval {
    /// When the work started.
    #[serde(with = "crate::config::instant")]
    pub start: DateTime<Utc>,
    /// When it ended (exclusive).
    #[serde(with = "crate::config::instant")]
    pub end: DateTime<Utc>,
}

crate::config::tracked_serde!(WorkInterval);

impl WorkInterval {
    /// The interval `[start, end)`; checked where it is classified
    /// ([`calendar::TimeAndMaterials::invoice`](crate::calendar::TimeAndMaterials::invoice)).
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> WorkInterval {
        WorkInterval { start, end }
    }
}

/// A piece of worked time on one local date (the *billing day*) in one category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WorkPiece {
    /// The billing day, a local date.
    pub date: NaiveDate,
    /// How the time is charged.
    pub category: WorkCategory,
    /// How long, not negative.
    pub duration: TimeDelta,
}

impl WorkPiece {
    /// A piece of `duration` on `date` in `category`; checked where it is priced
    /// ([`HourlyRates::price`](super::HourlyRates::price)).
    pub fn new(date: NaiveDate, category: WorkCategory, duration: TimeDelta) -> WorkPiece {
        WorkPiece {
            date,
            category,
            duration,
        }
    }
}

/// One worked interval as a calendar classified it: its pieces in time order, which together
/// last as long as the interval. An interval's billing increment is added on the date of its
/// last piece.
///
/// [`calendar::WorkClassifier`](crate::calendar::WorkClassifier) makes these from
/// [`WorkInterval`]s: it cuts each at local midnights and splits each day's part into time
/// within and outside service hours, or holiday time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ClassifiedInterval {
    /// The pieces, in time order.
    pub pieces: Vec<WorkPiece>,
}

impl ClassifiedInterval {
    /// An interval made of `pieces` (in time order).
    pub fn new(pieces: Vec<WorkPiece>) -> ClassifiedInterval {
        ClassifiedInterval { pieces }
    }
}
