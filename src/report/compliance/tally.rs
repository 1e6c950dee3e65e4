//! The aggregation behind a compliance report: per-row counts and samples, mergeable so
//! that the work can be split across threads.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use rust_decimal::{Decimal, RoundingStrategy};

use super::attribution::belongs_to;
use super::rows::{ComplianceReport, ComplianceRow, Failure};
use super::stats::stats_of;
use super::targets::ComplianceTargets;
use crate::contract::{Contract, Metric};
use crate::error::Error;
use crate::evaluate::{outcomes, MetricState, Outcomes, Report, TargetOutcome};
use crate::incident::Incident;
use crate::time::Period;

/// Counts and elapsed seconds of one row, before statistics.
#[derive(Clone, Debug, Default)]
struct Acc {
    met: u64,
    breached: u64,
    open: u64,
    not_covered: u64,
    not_applicable: u64,
    samples: Vec<i64>,
    sum: i128,
}

impl Acc {
    fn add(&mut self, state: MetricState, elapsed: TimeDelta) {
        let counter = match state {
            MetricState::Met => &mut self.met,
            MetricState::Breached => &mut self.breached,
            MetricState::Running | MetricState::Paused | MetricState::NotStarted => &mut self.open,
            MetricState::NotCovered => &mut self.not_covered,
            MetricState::NotApplicable => &mut self.not_applicable,
        };
        *counter = counter.saturating_add(1);
        if matches!(state, MetricState::Met | MetricState::Breached) {
            let s = elapsed.num_seconds();
            self.samples.push(s);
            self.sum = self.sum.saturating_add(i128::from(s));
        }
    }

    fn merge(&mut self, other: Acc) {
        self.met = self.met.saturating_add(other.met);
        self.breached = self.breached.saturating_add(other.breached);
        self.open = self.open.saturating_add(other.open);
        self.not_covered = self.not_covered.saturating_add(other.not_covered);
        self.not_applicable = self.not_applicable.saturating_add(other.not_applicable);
        self.sum = self.sum.saturating_add(other.sum);
        if self.samples.is_empty() {
            self.samples = other.samples;
        } else {
            self.samples.extend(other.samples);
        }
    }

    fn row(
        mut self,
        customer: &str,
        plan: &str,
        severity: &str,
        metric: Metric,
        targets: &ComplianceTargets,
    ) -> ComplianceRow {
        let target = targets.target(severity, metric);
        let (compliance, outcome) = compliance_of(self.met, self.breached, target);
        ComplianceRow {
            customer: customer.to_owned(),
            plan: plan.to_owned(),
            severity: severity.to_owned(),
            metric,
            incidents: self
                .met
                .saturating_add(self.breached)
                .saturating_add(self.open)
                .saturating_add(self.not_covered)
                .saturating_add(self.not_applicable),
            met: self.met,
            breached: self.breached,
            open: self.open,
            not_covered: self.not_covered,
            not_applicable: self.not_applicable,
            compliance,
            target,
            outcome,
            elapsed: stats_of(&mut self.samples, self.sum),
        }
    }
}

/// Compliance percent (two decimals, toward zero) and the exact target outcome.
fn compliance_of(
    met: u64,
    breached: u64,
    target: Option<Decimal>,
) -> (Option<Decimal>, Option<TargetOutcome>) {
    let Some(denominator) = met.checked_add(breached).filter(|d| *d > 0) else {
        return (None, None);
    };
    let scaled = Decimal::from(met).checked_mul(Decimal::ONE_HUNDRED);
    let percent = scaled
        .and_then(|s| s.checked_div(Decimal::from(denominator)))
        .map(|p| {
            let mut p = p.round_dp_with_strategy(2, RoundingStrategy::ToZero);
            p.rescale(2);
            p
        });
    let outcome = target.and_then(|t| {
        let required = t.checked_mul(Decimal::from(denominator))?;
        Some(if scaled? >= required {
            TargetOutcome::Met
        } else {
            TargetOutcome::Missed
        })
    });
    (percent, outcome)
}

/// Row key: the contract's first position in the input, severity rank in the contract's
/// catalog, metric.
type Key = (usize, usize, Metric);

/// The accumulation of a compliance report, mergeable (for parallel folds).
#[derive(Debug, Default)]
struct Tally {
    rows: BTreeMap<Key, Acc>,
    incidents: u64,
    outside: u64,
    failures: Vec<Failure>,
}

impl Tally {
    fn add_report(
        &mut self,
        index: usize,
        contract_index: usize,
        contract: &Contract,
        report: &Report,
    ) {
        // The report carries its severity's rank; a report of another catalog does not match.
        let rank = report.severity_rank;
        let known = contract
            .catalog()
            .severities()
            .get(rank)
            .is_some_and(|s| s.key == report.severity);
        if !known {
            self.failures.push(Failure {
                index,
                error: Error::UnknownName {
                    path: format!("reports[{index}].severity"),
                    kind: "severity".into(),
                    name: report.severity.clone(),
                    known: contract
                        .catalog()
                        .severities()
                        .iter()
                        .map(|s| s.key.clone())
                        .collect(),
                },
            });
            return;
        }
        self.incidents = self.incidents.saturating_add(1);
        for m in &report.metrics {
            self.rows
                .entry((contract_index, rank, m.metric))
                .or_default()
                .add(m.state, m.elapsed);
        }
    }

    fn visit(
        &mut self,
        contract: &Contract,
        period: &Period,
        now: DateTime<Utc>,
        index: usize,
        contract_index: usize,
        incident: &Incident,
    ) {
        if !belongs_to(period, contract, incident.reported_at()) {
            self.outside = self.outside.saturating_add(1);
            return;
        }
        // Only each metric's state and counted time are tallied: the reduced evaluation
        // gives exactly those of `evaluate` without building the report.
        match outcomes(contract, incident, now) {
            Ok(o) => self.add_outcomes(contract_index, &o),
            Err(e) => self.failures.push(Failure { index, error: e }),
        }
    }

    /// Adds an incident evaluated against its own contract (so its severity is the
    /// catalog's).
    fn add_outcomes(&mut self, contract_index: usize, outcomes: &Outcomes) {
        self.incidents = self.incidents.saturating_add(1);
        for (metric, state, elapsed) in outcomes.metrics() {
            self.rows
                .entry((contract_index, outcomes.severity_rank, metric))
                .or_default()
                .add(state, elapsed);
        }
    }

    #[cfg_attr(not(feature = "rayon"), allow(dead_code))]
    fn merge(mut self, other: Tally) -> Tally {
        for (k, acc) in other.rows {
            self.rows.entry(k).or_default().merge(acc);
        }
        self.incidents = self.incidents.saturating_add(other.incidents);
        self.outside = self.outside.saturating_add(other.outside);
        self.failures.extend(other.failures);
        self
    }

    fn finish<'a>(
        self,
        contract_at: impl Fn(usize) -> Option<&'a Contract>,
        period: Period,
        targets: &ComplianceTargets,
        now: DateTime<Utc>,
    ) -> ComplianceReport {
        let mut failures = self.failures;
        failures.sort_by_key(|f| f.index);
        let mut totals: BTreeMap<(usize, String, Metric), Acc> = BTreeMap::new();
        let mut rows = Vec::with_capacity(self.rows.len());
        for ((c, rank, metric), acc) in self.rows {
            let Some(contract) = contract_at(c) else {
                continue;
            };
            let severity = contract
                .catalog()
                .severities()
                .get(rank)
                .map_or("", |s| s.key.as_str());
            totals
                .entry((rank, severity.to_owned(), metric))
                .or_default()
                .merge(acc.clone());
            rows.push(acc.row(
                contract.customer(),
                contract.plan().key(),
                severity,
                metric,
                targets,
            ));
        }
        let totals = totals
            .into_iter()
            .map(|((_, severity, metric), acc)| {
                acc.row("(all)", "(all)", &severity, metric, targets)
            })
            .collect();
        ComplianceReport {
            period,
            now,
            incidents: self.incidents,
            outside_period: self.outside,
            failures,
            rows,
            totals,
        }
    }
}

impl ComplianceReport {
    /// Evaluates the incidents attributed to `period` (each with its contract, as
    /// [`evaluate_all`](crate::report::evaluate_all) takes them) as of `now` and aggregates
    /// them. Rows are per contract — one `Contract` in memory, however many incidents refer to
    /// it (a clone is another contract) — in the order contracts first appear, then by
    /// severity and metric. Incidents
    /// outside the period are counted but not evaluated. With the `rayon` feature the work
    /// runs in parallel; the report is identical either way.
    ///
    /// Incidents that cannot be evaluated are listed in [`ComplianceReport::failures`]; they
    /// do not stop the others.
    ///
    /// Each incident is evaluated only as far as the tally reads it: per metric, its state
    /// and counted time, which are those [`evaluate`](crate::evaluate) gives; deadlines,
    /// percentages, pauses and ladders are not computed. So the report equals
    /// [`ComplianceReport::from_reports`] over full reports, except that an incident whose
    /// deadline would lie past the end of chrono's range (year 262,142), which `evaluate`
    /// refuses, is counted here.
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::Arc;
    /// use chrono::{DateTime, Utc};
    /// use rust_decimal::Decimal;
    /// use slacalc::{Catalog, ContractSpec, Metric};
    /// use slacalc::report::{ComplianceReport, ComplianceTargets};
    /// use slacalc::time::Period;
    /// use slacalc::{Contract, Event, EventKind, Incident};
    ///
    /// let catalog: Catalog = serde_json::from_str(r#"{
    ///   "name": "Desk", "severities": [{"key": "high", "name": "High"}],
    ///   "plans": {"std": {"name": "Standard",
    ///     "targets": {"high": {"reaction": {"within": "1h", "clock": "24x7"}}}}}
    /// }"#)?;
    /// let acme = Contract::new(Arc::new(catalog), ContractSpec {
    ///     customer: "Acme".into(), plan: "std".into(), ..ContractSpec::default()
    /// })?;
    /// let t = |s: &str| s.parse::<DateTime<Utc>>();
    /// let incident = |id: &str, at: &str, answered: &str| -> Result<_, Box<dyn std::error::Error>> {
    ///     Ok(Incident::new(id, vec![
    ///         Event::new(t(at)?, EventKind::Reported {
    ///             severity: "high".into(), channel: None, contact: None }),
    ///         Event::new(t(answered)?, EventKind::Responded)])?)
    /// };
    /// let incidents = vec![
    ///     incident("A-1", "2026-11-02T09:00:00Z", "2026-11-02T09:10:00Z")?,
    ///     incident("A-2", "2026-11-03T09:00:00Z", "2026-11-03T09:50:00Z")?,
    ///     incident("A-3", "2026-11-04T09:00:00Z", "2026-11-04T11:00:00Z")?, // late
    ///     incident("A-4", "2026-12-01T09:00:00Z", "2026-12-01T09:10:00Z")?, // December
    /// ];
    /// let targets: ComplianceTargets =
    ///     serde_json::from_str(r#"{"default": {"reaction": "95"}}"#)?;
    /// let pairs: Vec<_> = incidents.iter().map(|i| (&acme, i)).collect();
    /// let report = ComplianceReport::build(&pairs, &"2026-11".parse::<Period>()?, &targets,
    ///     t("2026-12-01T00:00:00Z")?);
    /// let row = &report.rows[0];
    /// assert_eq!((row.incidents, row.met, row.breached), (3, 2, 1));
    /// assert_eq!(row.compliance, Some("66.66".parse::<Decimal>()?));
    /// assert_eq!(row.outcome, Some(slacalc::TargetOutcome::Missed));
    /// assert_eq!(report.outside_period, 1);
    /// println!("{report}");
    /// print!("{}", report.csv());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(
        incidents: &[(&Contract, &Incident)],
        period: &Period,
        targets: &ComplianceTargets,
        now: DateTime<Utc>,
    ) -> ComplianceReport {
        let first = first_positions(incidents);
        let tally = fold(incidents, |t, i, (contract, incident)| {
            let k = first.get(i).copied().unwrap_or(i);
            t.visit(contract, period, now, i, k, incident);
        });
        let contract_at = |k: usize| incidents.get(k).map(|(c, _)| *c);
        tally.finish(contract_at, *period, targets, now)
    }

    /// Aggregates reports already evaluated, each with its contract. Reports outside `period`
    /// by [`Report::reported_at`] are counted as outside; a severity the contract's catalog
    /// does not know is a [`Failure`].
    pub fn from_reports(
        reports: &[(&Contract, &Report)],
        period: &Period,
        targets: &ComplianceTargets,
    ) -> ComplianceReport {
        let now = reports
            .iter()
            .map(|(_, r)| r.now)
            .max()
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        let first = first_positions(reports);
        let tally = fold(reports, |t, i, (contract, report)| {
            let k = first.get(i).copied().unwrap_or(i);
            if belongs_to(period, contract, report.reported_at) {
                t.add_report(i, k, contract, report);
            } else {
                t.outside = t.outside.saturating_add(1);
            }
        });
        let contract_at = |k: usize| reports.get(k).map(|(c, _)| *c);
        tally.finish(contract_at, *period, targets, now)
    }
}

/// For each pair, the position of the first pair with the same contract (the same value in
/// memory, `std::ptr::eq`): rows are per contract, in the order contracts first appear.
fn first_positions<T>(pairs: &[(&Contract, T)]) -> Vec<usize> {
    let mut seen: BTreeMap<*const Contract, usize> = BTreeMap::new();
    let mut last: Option<(*const Contract, usize)> = None;
    pairs
        .iter()
        .enumerate()
        .map(|(i, (c, _))| {
            let ptr = std::ptr::from_ref(*c);
            let first = match last {
                // Incidents of one contract often come together.
                Some((p, k)) if p == ptr => k,
                _ => *seen.entry(ptr).or_insert(i),
            };
            last = Some((ptr, first));
            first
        })
        .collect()
}

/// Folds `items` into a [`Tally`], in parallel with the `rayon` feature. The result does not
/// depend on how the work was split: counts add up and samples are sorted at the end.
#[cfg(feature = "rayon")]
fn fold<T: Sync>(items: &[T], f: impl Fn(&mut Tally, usize, &T) + Sync + Send) -> Tally {
    use rayon::prelude::*;
    items
        .par_iter()
        .enumerate()
        .fold(Tally::default, |mut t, (i, item)| {
            f(&mut t, i, item);
            t
        })
        .reduce(Tally::default, Tally::merge)
}

/// Folds `items` into a [`Tally`], in parallel with the `rayon` feature.
#[cfg(not(feature = "rayon"))]
fn fold<T>(items: &[T], f: impl Fn(&mut Tally, usize, &T)) -> Tally {
    let mut t = Tally::default();
    for (i, item) in items.iter().enumerate() {
        f(&mut t, i, item);
    }
    t
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::contract::agreement::ContractSpec;
    use crate::contract::catalog::Catalog;
    use crate::evaluate::evaluate;

    fn contract(severity: &str) -> Contract {
        let catalog: Catalog = serde_json::from_str(&format!(
            r#"{{"name": "Desk", "severities": [{{"key": "{severity}", "name": "S"}}],
                "plans": {{"std": {{"name": "Standard",
                  "targets": {{"{severity}": {{"reaction": {{"within": "1h", "clock": "24x7"}}}}}}}}}}}}"#
        ))
        .unwrap();
        let terms = ContractSpec {
            customer: "Acme".into(),
            plan: "std".into(),
            ..ContractSpec::default()
        };
        Contract::new(Arc::new(catalog), terms).unwrap()
    }

    #[test]
    fn failures_keep_their_errors_typed_and_serialize_as_messages() {
        let high = contract("high");
        let urgent = contract("urgent");
        let incident: Incident = serde_json::from_str(
            r#"{"id": "U-1", "events": [
                {"at": "2026-11-02T09:00:00Z", "kind": "reported", "severity": "urgent"}]}"#,
        )
        .unwrap();
        let now = "2026-11-02T12:00:00Z".parse().unwrap();
        let report = evaluate(&urgent, &incident, now).unwrap();
        // Counted against the `high` catalog it fails; against its own contract it counts.
        let period: Period = "2026-11".parse().unwrap();
        let reports = [(&high, &report), (&urgent, &report)];
        let compliance =
            ComplianceReport::from_reports(&reports, &period, &ComplianceTargets::none());
        assert_eq!(compliance.incidents, 1);
        assert_eq!(compliance.rows.len(), 1);
        assert_eq!(compliance.rows[0].severity, "urgent");
        assert_eq!(
            compliance.failures,
            vec![Failure {
                index: 0,
                error: Error::UnknownName {
                    path: "reports[0].severity".into(),
                    kind: "severity".into(),
                    name: "urgent".into(),
                    known: vec!["high".into()],
                },
            }]
        );
        let json = serde_json::to_value(&compliance.failures).unwrap();
        assert_eq!(
            json,
            serde_json::json!([
                {"index": 0,
                 "message": "reports[0].severity: unknown severity `urgent`: expected one of high"},
            ])
        );
    }
}
