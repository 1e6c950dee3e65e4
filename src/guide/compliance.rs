//! Compliance over a period: per contract, severity and metric, how many incidents met their
//! target, how many breached it, how long they took, and whether the share met in time
//! reaches a compliance target.
//!
//! # Definitions
//!
//! - **Attribution.** An incident belongs to a [`Period`](crate::time::Period) when the *local date* of its
//!   report, in the time zone of its contract's business calendar
//!   ([`Contract::business_calendar`]`.timezone()`, UTC for a calendar without one, such as a
//!   union), lies in the period. An incident reported 2026-11-30 23:30 UTC for a Berlin
//!   contract (00:30 on 1 December) belongs to December.
//! - **Rows** are keyed by contract, severity and metric. The severity is the one in force at
//!   `now` ([`Report::severity`]); a row lists every incident of that contract and severity
//!   whose plan defines the metric. Only combinations with at least one incident appear. Rows
//!   are ordered by contract (input order), severity (the catalog's order, most severe first)
//!   and metric ([`Metric::ALL`] order).
//! - **Counts.** `met` and `breached` as the metric's state at `now`; `open` = running,
//!   paused or not started; `not_covered` = the plan makes no promise for that severity;
//!   `not_applicable` = the metric was never owed (the incident was cancelled before it was
//!   fulfilled, or ended before the level whose clock it is took over).
//!   `incidents = met + breached + open + not_covered + not_applicable`.
//! - **Compliance** = `100 × met / (met + breached)` percent, rounded toward zero to two
//!   decimals (so 99.999 % never reads 100.00 %). Open, not-covered and not-applicable incidents
//!   do not count.
//!   When `met + breached = 0` there is nothing to measure: compliance is `None` (empty in
//!   CSV, `null` in JSON, `-` in the table) and so is the target outcome — never 100 % and
//!   never 0 %.
//! - **Target outcome.** `met` when `100 × met ≥ target × (met + breached)`, computed exactly
//!   (not from the rounded percentage); equal is met.
//! - **Time statistics** are over the metric's business-time `elapsed` (time to respond for
//!   `reaction`, to resolve for `resolution`, …, counted on the metric's clock, pauses
//!   excluded) of the incidents that are met or breached, in whole seconds (truncated):
//!   *mean* rounded to the nearest second (halves up); *median* the middle value, or for an
//!   even count the mean of the two middle values rounded the same way; *p90* by the
//!   nearest-rank method, the value at 1-based rank ⌈0.9 × n⌉ of the sorted values (n = 10:
//!   the 9th; n = 11: the 10th); *max* the largest. For a periodic `update` metric it is the
//!   last cycle's elapsed time.
//! - **Totals** merge the rows of all contracts by severity key and metric (customer and plan
//!   read `(all)`); contracts on different catalogs that share a severity key are merged.
//!
//! # Layout
//!
//! One concept per file: how an incident is attributed to a reporting
//! [`Period`](crate::time::Period) ([`attribution_date`](crate::report::attribution_date), `attribution`); [`ComplianceTargets`](crate::report::ComplianceTargets)
//! (`targets`); [`DurationStats`](crate::report::DurationStats) (`stats`); the report's shape, [`ComplianceReport`](crate::report::ComplianceReport),
//! [`ComplianceRow`](crate::report::ComplianceRow) and [`Failure`](crate::report::Failure) (`rows`); the aggregation behind
//! [`ComplianceReport::build`](crate::report::ComplianceReport::build) (`tally`); the [`Csv`](crate::report::Csv) form (`csv`) and the `Display`
//! table (`table`).
//!
//! [`Contract::business_calendar`]: crate::contract::Contract::business_calendar
//! [`Report::severity`]: crate::evaluate::Report::severity
//! [`Metric::ALL`]: crate::contract::Metric::ALL
