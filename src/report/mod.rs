//! Reporting over many incidents: batch evaluation, compliance per period, and SVG pictures.
//!
//! - [`evaluate_all`]: many (contract, incident) pairs at once, in parallel with the cargo
//!   feature `rayon`, identical results either way.
//! - [`ComplianceReport`]: per contract, severity and metric over a
//!   [`Period`](crate::time::Period) (month, quarter, year or any range of local dates): counts, compliance against
//!   [`ComplianceTargets`], business-time statistics; serde, CSV ([`Csv`]) and a table
//!   (`Display`).
//! - [`timeline`] and [`compliance_chart`]: an incident's timeline and a compliance bar chart
//!   as SVG text.
//!
//! Everything here is pure like the rest of the crate: no clock, no files.
//!
//! # Configuration reference
//!
//! Reports over many incidents — batch evaluation, compliance over a period (periods, targets,
//! statistics, CSV) and SVG pictures.
//!
//! [`slacalc::report`](crate::report) works on many incidents at once; like the rest of the
//! crate it reads no clock and writes no file.
//!
//! ## Batch evaluation
//!
//! [`evaluate_all(&pairs, now)`](crate::report::evaluate_all) takes `(&Contract, &Incident)`
//! pairs and returns one `Result<Report, Error>` per pair, in input order, each exactly what
//! `evaluate` returns; one failing incident does not stop the others.
//!
//! With the cargo feature **`rayon`** (`slacalc = { version = "…", features = ["rayon"] }`) the
//! work runs on rayon's work-stealing pool, one thread per core; without it, on the calling
//! thread. The results are identical either way (`tests/it/report.rs` compares both with a plain
//! loop; run it with and without `--features rayon`). `report::PARALLEL` says which one was
//! built. Figures: [performance](crate::guide::performance#batches-and-compliance).
//!
//! ## Compliance over a period
//!
//! [`ComplianceReport::build(&pairs, &period, &targets, now)`](crate::report::ComplianceReport::build)
//! evaluates the incidents of a period, each paired with its contract as for
//! [`evaluate_all`], and aggregates them into rows per contract (customer) × severity ×
//! metric, plus `totals` per severity × metric over all contracts.
//!
//! | period form | meaning |
//! | --- | --- |
//! | `"2026-11"` | a calendar month: local dates 2026-11-01 to 2026-12-01 (exclusive) |
//! | `"2026-Q4"` | a quarter: 2026-10-01 to 2027-01-01 |
//! | `"2026-11-15..2026-12-15"` | any range of local dates, the end exclusive |
//!
//! - **Attribution**: an incident belongs to the period when the local date of its report, in
//!   the zone of its contract's business calendar (UTC for a calendar without a single zone), is
//!   in it. 2026-11-30 23:30 UTC is 1 December for a Berlin contract: December, not November.
//!   Incidents outside the period are counted (`outside_period`) but not evaluated.
//! - **Rows**: the severity in force at `now`; a row only for combinations with incidents;
//!   ordered by contract (input order), severity (catalog order) and metric.
//! - **Counts**: `met`, `breached`, `open` (running, paused or not started at `now`),
//!   `not_covered` (the plan makes no promise for that severity); they add up to `incidents`.
//! - **Compliance** = `100 × met / (met + breached)` percent, a `Decimal` rounded toward zero to
//!   two places (99.999 % never reads 100.00 %). When nothing was met or breached it is `None`
//!   (empty in CSV, `null` in JSON, `-` in the table), never 0 % or 100 %.
//! - **Target outcome**: `met` when `100 × met ≥ target × (met + breached)`, compared exactly;
//!   equal is met.
//! - **Time statistics** (`elapsed`: count, mean, median, p90, max) are over the metric's
//!   business-time `elapsed` — time to respond for `reaction`, to resolve for `resolution`,
//!   counted on the metric's clock without pauses — of its met and breached incidents, in whole
//!   seconds. Mean and the median of an even count (the mean of the two middle values) are
//!   rounded to the nearest second, halves up; p90 is the **nearest-rank** percentile, the value
//!   at rank ⌈0.9 n⌉ of the sorted values (n = 10: the 9th, n = 11: the 10th). JSON carries
//!   them as `mean_seconds` and so on.
//! - Evaluation errors (unknown contract, unknown severity, reported before the contract starts)
//!   are listed in `failures` by input index and do not stop the report.
//! - `ComplianceReport::from_reports` aggregates reports evaluated earlier.
//!
//! Compliance targets ("95 % of severity-1 reactions in time",
//! [`ComplianceTargets`]) per severity and metric, with a
//! default; percentages are decimal strings from `"0"` to `"100"`:
//!
//! ```
//! use chrono::NaiveDate;
//! use rust_decimal::Decimal;
//! use slacalc::Metric;
//! use slacalc::report::ComplianceTargets;
//! use slacalc::time::Period;
//!
//! let targets: ComplianceTargets = serde_json::from_str(r#"
//! {
//!   "default": { "reaction": "90", "resolution": "85" },
//!   "severities": { "1": { "reaction": "99" }, "2": { "reaction": "95" } }
//! }"#)?;
//! assert_eq!(targets.target("1", Metric::Reaction), Some(Decimal::from(99)));
//! assert_eq!(targets.target("1", Metric::Resolution), Some(Decimal::from(85)));
//! assert_eq!(targets.target("3", Metric::Reaction), Some(Decimal::from(90)));
//! assert_eq!(targets.target("3", Metric::Workaround), None);
//! assert!(serde_json::from_str::<ComplianceTargets>(r#"{"default": {"reaction": "101"}}"#).is_err());
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
//! for (form, from, to) in [("\"2026-11\"", d(2026, 11, 1)?, d(2026, 12, 1)?),
//!                          ("\"2026-Q4\"", d(2026, 10, 1)?, d(2027, 1, 1)?),
//!                          ("\"2026-11-15..2026-12-15\"", d(2026, 11, 15)?, d(2026, 12, 15)?)] {
//!     let period: Period = serde_json::from_str(form)?;
//!     assert_eq!((period.from(), period.to()), (from, to), "{form}");
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `Display` prints a table (below, from `cargo run --release --example report`: 10,000
//! generated incidents on the three Comarch plans in November 2026); `serde` serializes the
//! whole report; `report.csv()` is a `Display` wrapper writing RFC 4180 CSV with the `csv`
//! crate (a header line, CRLF line ends, fields with a comma, quote or line break quoted and
//! quotes doubled: `Smith, "Jr"` is written `"Smith, ""Jr"""`; percentages with two
//! decimals, durations in seconds, missing values empty). The recipe [a compliance report](crate#recipe-a-compliance-report) builds one.
//!
//! ```text
//! customer              plan      sev  metric       n   met  breached  open  n/c  compliance  target  outcome       mean     median        p90          max
//! --------------------  --------  ---  --------  ----  ----  --------  ----  ---  ----------  ------  -------  ---------  ---------  ---------  -----------
//! Beispiel Handel GmbH  basic     1    reaction   141     0         0     0  141           -     99%  -                -          -          -            -
//! Beispiel Handel GmbH  basic     3    reaction  1137   918       153    66    0      85.71%     90%  missed    8h27m12s   7h10m33s  17h16m48s   1d7h10m33s
//! Exempel Bank SE       premium   1    reaction   211   205         6     0    0      97.15%     99%  missed      16m20s     14m45s     26m51s     1h15m14s
//! Exempel Bank SE       premium   2    reaction   581   558        23     0    0      96.04%     95%  met         35m18s     33m46s     56m52s     2h33m14s
//! ```
//!
//! ## Pictures (SVG)
//!
//! [`report::timeline`](crate::report::timeline) and [`report::compliance_chart`](crate::report::compliance_chart) returns SVG documents as `String`s: deterministic (same
//! input, same bytes; integer pixel arithmetic) with all caller text XML-escaped.
//!
//! - `svg::timeline(&contract, &incident, &report, &markers)`: the incident's events (with the
//!   periods of waiting for the customer), one lane per metric with the business hours of the
//!   metric's clock shaded, the plan's pauses hatched, the span from report to fulfilment, the
//!   deadline and when it was met or breached, and a `now` line; times in the business zone.
//!   `markers: &[Marker]` (label + instant) are drawn in a lane of their own: the hook for
//!   escalation steps.
//! - `svg::compliance_chart(title, &report.rows)`: a horizontal bar per row, green when its
//!   target is met, red when missed, blue without a target, the target as a black tick, the
//!   figures beside it; rows grouped by customer. Pass `&report.totals` for one bar per
//!   severity and metric.
//!
//! `cargo run --release --example report` writes `target/report-timeline.svg` and
//! `target/report-compliance.svg`; the recipe [an SVG timeline](crate#recipe-an-svg-timeline)
//! draws one.

mod batch;
mod compliance;
mod svg;

pub use batch::{evaluate_all, PARALLEL};
pub use compliance::{
    attribution_date, ComplianceReport, ComplianceRow, ComplianceTargets, Csv, DurationStats,
    Failure,
};
pub use svg::{compliance_chart, timeline, Marker};

/// `n` and `noun` for people, the noun in the plural unless `n` is one: `1 incident`,
/// `0 incidents`, `2 incidents`.
pub(crate) fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
