//! Compliance rows as CSV (RFC 4180).

use std::borrow::Cow;
use std::fmt;

use chrono::TimeDelta;

use super::rows::{ComplianceReport, ComplianceRow};
use super::stats::DurationStats;

fn opt<T: fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn opt_secs(stats: Option<&DurationStats>, f: fn(&DurationStats) -> TimeDelta) -> String {
    stats.map_or_else(String::new, |s| f(s).num_seconds().to_string())
}

/// Quotes a CSV field when it holds a comma, a quote, CR or LF (RFC 4180), doubling quotes.
fn csv_field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// CSV of compliance rows (RFC 4180: a header line, CRLF line ends, fields quoted only when
/// needed). Percentages are decimals with two places, durations whole seconds; a missing
/// value is an empty field. Text is written as is: a spreadsheet may read a customer name
/// starting with `=` as a formula, so import as text where names are untrusted.
///
/// Columns: `customer,plan,severity,metric,incidents,met,breached,open,not_covered,
/// not_applicable,compliance_percent,target_percent,outcome,elapsed_count,elapsed_mean_s,elapsed_median_s,
/// elapsed_p90_s,elapsed_max_s`.
#[derive(Clone, Copy, Debug)]
pub struct Csv<'a> {
    rows: &'a [ComplianceRow],
}

impl<'a> Csv<'a> {
    /// CSV of `rows`.
    pub fn new(rows: &'a [ComplianceRow]) -> Csv<'a> {
        Csv { rows }
    }
}

/// The CSV header line (without the line end).
const CSV_HEADER: &str = "customer,plan,severity,metric,incidents,met,breached,open,not_covered,not_applicable,compliance_percent,target_percent,outcome,elapsed_count,elapsed_mean_s,elapsed_median_s,elapsed_p90_s,elapsed_max_s";

impl fmt::Display for Csv<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{CSV_HEADER}\r\n")?;
        for r in self.rows {
            let e = r.elapsed.as_ref();
            write!(
                f,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
                csv_field(&r.customer),
                csv_field(&r.plan),
                csv_field(&r.severity),
                r.metric,
                r.incidents,
                r.met,
                r.breached,
                r.open,
                r.not_covered,
                r.not_applicable,
                opt(r.compliance),
                opt(r.target),
                opt(r.outcome),
                e.map_or_else(String::new, |s| s.count.to_string()),
                opt_secs(e, |s| s.mean),
                opt_secs(e, |s| s.median),
                opt_secs(e, |s| s.p90),
                opt_secs(e, |s| s.max),
            )?;
        }
        Ok(())
    }
}

impl ComplianceReport {
    /// The rows as CSV (see [`Csv`]).
    pub fn csv(&self) -> Csv<'_> {
        Csv::new(&self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
