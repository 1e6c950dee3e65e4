//! A compliance report as a text table (its `Display`).

use std::fmt;

use chrono::TimeDelta;
use chrono_tz::Tz;

use super::rows::{ComplianceReport, ComplianceRow};
use super::stats::DurationStats;
use crate::report::count;
use crate::time::{format_duration, ZonedInstant};

fn cells(r: &ComplianceRow) -> [String; 16] {
    let d = |f: fn(&DurationStats) -> TimeDelta| {
        r.elapsed
            .as_ref()
            .map_or_else(|| "-".to_owned(), |s| format_duration(f(s)))
    };
    [
        r.customer.clone(),
        r.plan.clone(),
        r.severity.clone(),
        r.metric.to_string(),
        r.incidents.to_string(),
        r.met.to_string(),
        r.breached.to_string(),
        r.open.to_string(),
        r.not_covered.to_string(),
        r.compliance
            .map_or_else(|| "-".to_owned(), |p| format!("{p}%")),
        r.target.map_or_else(|| "-".to_owned(), |p| format!("{p}%")),
        r.outcome.map_or_else(|| "-".to_owned(), |o| o.to_string()),
        d(|s| s.mean),
        d(|s| s.median),
        d(|s| s.p90),
        d(|s| s.max),
    ]
}

const HEADINGS: [&str; 16] = [
    "customer",
    "plan",
    "sev",
    "metric",
    "n",
    "met",
    "breached",
    "open",
    "n/c",
    "compliance",
    "target",
    "outcome",
    "mean",
    "median",
    "p90",
    "max",
];

/// Prints a table: one line per row, then the totals; durations of business time as
/// `1h30m`, `-` for a missing value. The instant of evaluation is shown in UTC with its
/// offset (`2026-12-01 08:00 UTC (+00:00)`): a report spans contracts in several zones,
/// and the period is in each contract's local dates.
impl fmt::Display for ComplianceReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Compliance {} (local dates {} to {}, exclusive) as of {}: {}, {} outside the period, {} failed",
            self.period,
            self.period.from(),
            self.period.to(),
            ZonedInstant::new(self.now, Tz::UTC),
            count(self.incidents, "incident"),
            self.outside_period,
            self.failures.len()
        )?;
        let body: Vec<[String; 16]> = self.rows.iter().map(cells).collect();
        let totals: Vec<[String; 16]> = self.totals.iter().map(cells).collect();
        let mut widths = HEADINGS.map(|h| h.chars().count());
        for line in body.iter().chain(&totals) {
            for (w, c) in widths.iter_mut().zip(line) {
                *w = (*w).max(c.chars().count());
            }
        }
        let print = |f: &mut fmt::Formatter<'_>, line: &[&str]| -> fmt::Result {
            let mut out = String::new();
            for (i, (cell, w)) in line.iter().zip(widths).enumerate() {
                let pad = w.saturating_sub(cell.chars().count());
                // Text columns left-aligned, numbers right-aligned.
                if i < 4 || i == 11 {
                    out.push_str(cell);
                    out.extend(std::iter::repeat_n(' ', pad));
                } else {
                    out.extend(std::iter::repeat_n(' ', pad));
                    out.push_str(cell);
                }
                out.push_str("  ");
            }
            writeln!(f, "{}", out.trim_end())
        };
        print(f, &HEADINGS)?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        let rule: Vec<&str> = rule.iter().map(String::as_str).collect();
        print(f, &rule)?;
        for line in &body {
            print(f, &line.each_ref().map(String::as_str))?;
        }
        if !totals.is_empty() {
            print(f, &rule)?;
            for line in &totals {
                print(f, &line.each_ref().map(String::as_str))?;
            }
        }
        for failure in self.failures.iter().take(20) {
            writeln!(f, "failed: incidents[{}]: {}", failure.index, failure.error)?;
        }
        if let Some(more) = self.failures.len().checked_sub(20).filter(|m| *m > 0) {
            writeln!(f, "failed: … and {more} more")?;
        }
        Ok(())
    }
}
