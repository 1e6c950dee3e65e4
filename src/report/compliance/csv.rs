//! Compliance rows as CSV (RFC 4180), written by the `csv` crate from serde rows.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::rows::{ComplianceReport, ComplianceRow};
use crate::contract::Metric;
use crate::evaluate::TargetOutcome;

/// One CSV record: the header is its field names, in this order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record<'a> {
    customer: Cow<'a, str>,
    plan: Cow<'a, str>,
    severity: Cow<'a, str>,
    metric: Metric,
    incidents: u64,
    met: u64,
    breached: u64,
    open: u64,
    not_covered: u64,
    not_applicable: u64,
    compliance_percent: Option<Decimal>,
    target_percent: Option<Decimal>,
    outcome: Option<TargetOutcome>,
    elapsed_count: Option<u64>,
    elapsed_mean_s: Option<i64>,
    elapsed_median_s: Option<i64>,
    elapsed_p90_s: Option<i64>,
    elapsed_max_s: Option<i64>,
}

impl<'a> From<&'a ComplianceRow> for Record<'a> {
    fn from(r: &'a ComplianceRow) -> Record<'a> {
        let e = r.elapsed.as_ref();
        Record {
            customer: Cow::Borrowed(&r.customer),
            plan: Cow::Borrowed(&r.plan),
            severity: Cow::Borrowed(&r.severity),
            metric: r.metric,
            incidents: r.incidents,
            met: r.met,
            breached: r.breached,
            open: r.open,
            not_covered: r.not_covered,
            not_applicable: r.not_applicable,
            compliance_percent: r.compliance,
            target_percent: r.target,
            outcome: r.outcome,
            elapsed_count: e.map(|s| s.count),
            elapsed_mean_s: e.map(|s| s.mean.num_seconds()),
            elapsed_median_s: e.map(|s| s.median.num_seconds()),
            elapsed_p90_s: e.map(|s| s.p90.num_seconds()),
            elapsed_max_s: e.map(|s| s.max.num_seconds()),
        }
    }
}

/// The writer every CSV of the crate uses: RFC 4180 (CRLF line ends, fields quoted only
/// when they hold a comma, a quote or a line break, quotes doubled).
fn writer() -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

/// The header record: the field names of [`Record`], as the `csv` crate derives them (it
/// writes a header with the first row, so for no rows it is taken from a blank one).
fn header() -> Result<::csv::StringRecord, ::csv::Error> {
    let blank = Record {
        customer: Cow::Borrowed(""),
        plan: Cow::Borrowed(""),
        severity: Cow::Borrowed(""),
        metric: Metric::Reaction,
        incidents: 0,
        met: 0,
        breached: 0,
        open: 0,
        not_covered: 0,
        not_applicable: 0,
        compliance_percent: None,
        target_percent: None,
        outcome: None,
        elapsed_count: None,
        elapsed_mean_s: None,
        elapsed_median_s: None,
        elapsed_p90_s: None,
        elapsed_max_s: None,
    };
    let mut scratch = writer();
    scratch.serialize(blank)?;
    let bytes = scratch.into_inner().map_err(|e| e.into_error())?;
    ::csv::Reader::from_reader(bytes.as_slice())
        .headers()
        .cloned()
}

/// The CSV text of `rows`.
fn write(rows: &[ComplianceRow]) -> Result<String, ::csv::Error> {
    let mut out = writer();
    if rows.is_empty() {
        out.write_record(&header()?)?;
    }
    for r in rows {
        out.serialize(Record::from(r))?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    // Every field is a `str` or a number: the bytes are UTF-8.
    String::from_utf8(bytes).map_err(|e| ::csv::Error::from(std::io::Error::other(e)))
}

/// CSV of compliance rows, written by the [`csv`](https://docs.rs/csv) crate: RFC 4180 (a
/// header line, CRLF line ends, fields quoted only when they hold a comma, a quote or a line
/// break, quotes doubled), so that `csv::Reader` and every other RFC 4180 reader read the
/// values back exactly. Percentages are decimals with two places, durations whole seconds;
/// a missing value is an empty field. Text is written as is: a spreadsheet may read a
/// customer name starting with `=` as a formula, so import as text where names are untrusted.
///
/// Columns: `customer,plan,severity,metric,incidents,met,breached,open,not_covered,
/// not_applicable,compliance_percent,target_percent,outcome,elapsed_count,elapsed_mean_s,elapsed_median_s,
/// elapsed_p90_s,elapsed_max_s`.
///
/// ```
/// use slacalc::report::Csv;
///
/// // No rows: the header alone.
/// assert_eq!(
///     Csv::new(&[]).to_string(),
///     "customer,plan,severity,metric,incidents,met,breached,open,not_covered,not_applicable,\
///      compliance_percent,target_percent,outcome,elapsed_count,elapsed_mean_s,\
///      elapsed_median_s,elapsed_p90_s,elapsed_max_s\r\n"
/// );
/// ```
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

impl fmt::Display for Csv<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Writing to memory fails only on a serde error, which these plain rows cannot raise.
        f.write_str(&write(self.rows).map_err(|_| fmt::Error)?)
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
    use chrono::TimeDelta;

    use super::*;
    use crate::report::DurationStats;

    fn row(customer: &str, plan: &str, elapsed: Option<DurationStats>) -> ComplianceRow {
        ComplianceRow {
            customer: customer.into(),
            plan: plan.into(),
            severity: "1".into(),
            metric: Metric::Reaction,
            incidents: 4,
            met: 2,
            breached: 1,
            open: 1,
            not_covered: 0,
            not_applicable: 0,
            compliance: Some(Decimal::new(6666, 2)),
            target: Some(Decimal::new(9000, 2)),
            outcome: Some(TargetOutcome::Missed),
            elapsed,
        }
    }

    /// Fields with a comma, quotes, a line break and a CR are quoted (quotes doubled) and
    /// read back to the same values by `csv::Reader`, as by any RFC 4180 reader.
    #[test]
    fn csv_reader_reads_back_every_value() {
        let stats = DurationStats {
            count: 3,
            mean: TimeDelta::seconds(1500),
            median: TimeDelta::seconds(1200),
            p90: TimeDelta::seconds(2400),
            max: TimeDelta::seconds(2400),
        };
        let rows = [
            row("Smith, \"Jr\" & Co", "multi\nline", Some(stats)),
            row("plain", "cr\r\nlf", None),
            row("=SUM(A1)", "", None),
        ];
        let text = Csv::new(&rows).to_string();
        // Hand-written: quoted only where needed, CRLF after every record.
        assert_eq!(
            text.split("\r\n").nth(1),
            Some("\"Smith, \"\"Jr\"\" & Co\",\"multi\nline\",1,reaction,4,2,1,1,0,0,66.66,90.00,missed,3,1500,1200,2400,2400")
        );
        assert!(text.ends_with("\"cr\r\nlf\",1,reaction,4,2,1,1,0,0,66.66,90.00,missed,,,,,\r\n=SUM(A1),,1,reaction,4,2,1,1,0,0,66.66,90.00,missed,,,,,\r\n"));
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let back: Vec<Record<'static>> = reader.deserialize().collect::<Result<_, _>>().unwrap();
        let expected: Vec<Record<'_>> = rows.iter().map(Record::from).collect();
        assert_eq!(back, expected);
        // The values, not only the records: the decimals keep their two places.
        assert_eq!(back[0].customer, "Smith, \"Jr\" & Co");
        assert_eq!(back[1].plan, "cr\r\nlf");
        assert_eq!(
            back[0].compliance_percent.map(|d| d.to_string()).as_deref(),
            Some("66.66")
        );
        assert_eq!(back[0].elapsed_p90_s, Some(2400));
        assert_eq!(back[1].elapsed_count, None);
    }

    #[test]
    fn the_header_alone_for_no_rows_equals_the_one_written_with_rows() {
        let with_rows = Csv::new(&[row("a", "b", None)]).to_string();
        let alone = Csv::new(&[]).to_string();
        assert_eq!(
            with_rows.split_inclusive("\r\n").next(),
            Some(alone.as_str())
        );
    }
}
