//! Compliance over a period: per contract, severity and metric, how many incidents met their
//! target, how many breached it, how long they took, and whether the share met in time
//! reaches a compliance target.
//!
//! # Definitions
//!
//! - **Attribution.** An incident belongs to a [`Period`] when the *local date* of its
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

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::batch::contract_of;
use crate::availability::TargetOutcome;
use crate::contract::{Contract, Metric};
use crate::error::Error;
use crate::evaluate::{evaluate, MetricState, Report};
use crate::incident::Incident;
use crate::time::format_duration;

/// What a [`Period`] was written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum PeriodForm {
    Month,
    Quarter,
    Range,
}

/// A reporting period: a half-open range `[from, to)` of local dates.
///
/// Written (and serialized) as a calendar month `2026-11`, a quarter `2026-Q4`, or any range
/// `2026-11-01..2026-12-01` (the end is exclusive). Incidents are attributed by the local date
/// of their report in their contract's zone (see the [module docs](self)).
///
/// ```
/// use slacalc::report::Period;
///
/// let q4: Period = "2026-Q4".parse()?;
/// assert_eq!(q4.from().to_string(), "2026-10-01");
/// assert_eq!(q4.to().to_string(), "2027-01-01");
/// assert_eq!(q4.to_string(), "2026-Q4");
/// let nov = Period::month(2026, 11)?;
/// assert_eq!(nov, "2026-11".parse()?);
/// assert!("2026-13".parse::<Period>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
    form: PeriodForm,
}

const PERIOD_FORMS: &str = "a month YYYY-MM, a quarter YYYY-Qn or a range YYYY-MM-DD..YYYY-MM-DD";

fn bad_period(value: impl Into<String>, expected: &str) -> Error {
    Error::InvalidValue {
        path: "period".into(),
        value: value.into(),
        expected: expected.into(),
    }
}

fn first_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The first day of the month `months` months after `year-month`.
fn months_later(year: i32, month: u32, months: u32) -> Option<NaiveDate> {
    let index = i64::from(year)
        .checked_mul(12)?
        .checked_add(i64::from(month))?
        .checked_sub(1)?
        .checked_add(i64::from(months))?;
    let y = i32::try_from(index.div_euclid(12)).ok()?;
    let m = u32::try_from(index.rem_euclid(12)).ok()?.checked_add(1)?;
    first_of_month(y, m)
}

impl Period {
    /// The calendar month `month` (1–12) of `year`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a month outside 1–12 or a year chrono cannot represent.
    pub fn month(year: i32, month: u32) -> Result<Period, Error> {
        let bad = || bad_period(format!("{year}-{month:02}"), "a month from 1 to 12");
        let from = first_of_month(year, month).ok_or_else(bad)?;
        let to = months_later(year, month, 1).ok_or_else(bad)?;
        Ok(Period {
            from,
            to,
            form: PeriodForm::Month,
        })
    }

    /// The quarter `quarter` (1–4) of `year`: Q1 is January to March.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a quarter outside 1–4 or a year chrono cannot represent.
    pub fn quarter(year: i32, quarter: u32) -> Result<Period, Error> {
        let bad = || bad_period(format!("{year}-Q{quarter}"), "a quarter from 1 to 4");
        if !(1..=4).contains(&quarter) {
            return Err(bad());
        }
        let month = quarter
            .checked_sub(1)
            .and_then(|q| q.checked_mul(3))
            .and_then(|m| m.checked_add(1))
            .ok_or_else(bad)?;
        let from = first_of_month(year, month).ok_or_else(bad)?;
        let to = months_later(year, month, 3).ok_or_else(bad)?;
        Ok(Period {
            from,
            to,
            form: PeriodForm::Quarter,
        })
    }

    /// The local dates `[from, to)`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] unless `from < to`.
    pub fn range(from: NaiveDate, to: NaiveDate) -> Result<Period, Error> {
        if from >= to {
            return Err(bad_period(
                format!("{from}..{to}"),
                "a range whose end (exclusive) is after its start",
            ));
        }
        Ok(Period {
            from,
            to,
            form: PeriodForm::Range,
        })
    }

    /// The first local date of the period.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// The first local date after the period (exclusive end).
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// Whether the local date `date` lies in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date < self.to
    }

    /// Whether an incident of `contract` reported at `reported_at` belongs to the period
    /// (see [`attribution_date`]).
    pub fn attributes(&self, contract: &Contract, reported_at: DateTime<Utc>) -> bool {
        self.contains(attribution_date(contract, reported_at))
    }
}

/// The local date an incident reported at `reported_at` is attributed to: its date in the
/// zone of the contract's business calendar, or in UTC when that calendar has no single zone.
///
/// ```
/// use std::sync::Arc;
/// use slacalc::contract::{Catalog, ContractTermsSpec};
/// use slacalc::report::attribution_date;
/// use slacalc::Contract;
///
/// let catalog: Catalog = serde_json::from_str(r#"{"name": "Desk",
///   "severities": [{"key": "high", "name": "High"}],
///   "calendars": {"berlin": {"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]}}},
///   "plans": {"std": {"name": "Standard", "targets": {"high": {"reaction": {"within": "4h"}}}}}
/// }"#)?;
/// let contract = Contract::new(Arc::new(catalog), ContractTermsSpec {
///     customer: "Acme".into(), plan: "std".into(), region: Some("berlin".into()),
///     ..ContractTermsSpec::default()
/// })?;
/// // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin.
/// let date = attribution_date(&contract, "2026-11-30T23:30:00Z".parse()?);
/// assert_eq!(date.to_string(), "2026-12-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn attribution_date(contract: &Contract, reported_at: DateTime<Utc>) -> NaiveDate {
    // Within hours of chrono's last instant the local date may not exist; such an incident
    // is attributed by its UTC date (no reporting period reaches that far).
    contract
        .business_calendar()
        .local_date(reported_at)
        .unwrap_or_else(|_| reported_at.date_naive())
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.form {
            PeriodForm::Month => write!(f, "{}-{:02}", self.from.year(), self.from.month()),
            PeriodForm::Quarter => write!(
                f,
                "{}-Q{}",
                self.from.year(),
                self.from.month().saturating_add(2) / 3
            ),
            PeriodForm::Range => write!(f, "{}..{}", self.from, self.to),
        }
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(s: &str) -> Result<Period, Error> {
        let bad = || bad_period(s, PERIOD_FORMS);
        if let Some((from, to)) = s.split_once("..") {
            let date = |d: &str| crate::calendar::holiday::parse_date("", d).map_err(|_| bad());
            return Period::range(date(from)?, date(to)?);
        }
        let (year, rest) = s.split_once('-').ok_or_else(bad)?;
        let year: i32 = parse_digits(year).ok_or_else(bad)?;
        if let Some(q) = rest.strip_prefix('Q') {
            let q: u32 = parse_digits(q).ok_or_else(bad)?;
            return Period::quarter(year, q);
        }
        if rest.len() != 2 {
            return Err(bad());
        }
        let month: u32 = parse_digits(rest).ok_or_else(bad)?;
        Period::month(year, month)
    }
}

/// Parses ASCII digits only (no sign, no spaces).
fn parse_digits<T: FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl TryFrom<String> for Period {
    type Error = Error;

    fn try_from(s: String) -> Result<Period, Error> {
        s.parse()
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.to_string()
    }
}

/// The plain serde form of [`ComplianceTargets`]: percentages as decimal strings.
///
/// ```json
/// { "default": { "reaction": "90" },
///   "severities": { "1": { "reaction": "95", "resolution": "90" } } }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct ComplianceTargetsSpec {
    /// Targets for every severity not listed in `severities` (or listed without the metric).
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub default: BTreeMap<Metric, String>,
    /// Per severity key, per metric, the share (percent) of incidents that must be met in
    /// time: `"95"` = 95 % of the severity's reactions in time.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys_nested",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub severities: BTreeMap<String, BTreeMap<Metric, String>>,
}

crate::config::tracked_serde!(ComplianceTargetsSpec);

/// Compliance targets per severity and metric, validated: each a decimal percentage from
/// `"0"` to `"100"`, written as a string (JSON numbers go through `f64` and are rejected).
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::contract::Metric;
/// use slacalc::report::ComplianceTargets;
///
/// let targets: ComplianceTargets = serde_json::from_str(r#"{
///   "default": {"reaction": "90"},
///   "severities": {"1": {"reaction": "95"}}
/// }"#)?;
/// assert_eq!(targets.target("1", Metric::Reaction), Some(Decimal::from(95)));
/// assert_eq!(targets.target("3", Metric::Reaction), Some(Decimal::from(90)));
/// assert_eq!(targets.target("1", Metric::Resolution), None);
/// assert!(serde_json::from_str::<ComplianceTargets>(r#"{"default": {"reaction": "101"}}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ComplianceTargetsSpec", into = "ComplianceTargetsSpec")]
pub struct ComplianceTargets {
    spec: ComplianceTargetsSpec,
    default: BTreeMap<Metric, Decimal>,
    severities: BTreeMap<String, BTreeMap<Metric, Decimal>>,
}

fn parse_percent(path: &str, s: &str) -> Result<Decimal, Error> {
    let bad = || Error::InvalidValue {
        path: path.to_owned(),
        value: s.to_owned(),
        expected: "a percentage from \"0\" to \"100\" written as a decimal string".into(),
    };
    let d: Decimal = s.trim().parse().map_err(|_| bad())?;
    if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED {
        return Err(bad());
    }
    Ok(d)
}

impl TryFrom<ComplianceTargetsSpec> for ComplianceTargets {
    type Error = Error;

    fn try_from(spec: ComplianceTargetsSpec) -> Result<ComplianceTargets, Error> {
        let mut default = BTreeMap::new();
        for (metric, s) in &spec.default {
            default.insert(*metric, parse_percent(&format!("default.{metric}"), s)?);
        }
        let mut severities = BTreeMap::new();
        for (sev, metrics) in &spec.severities {
            let mut by_metric = BTreeMap::new();
            for (metric, s) in metrics {
                by_metric.insert(
                    *metric,
                    parse_percent(&format!("severities.{sev}.{metric}"), s)?,
                );
            }
            severities.insert(sev.clone(), by_metric);
        }
        Ok(ComplianceTargets {
            spec,
            default,
            severities,
        })
    }
}

impl From<ComplianceTargets> for ComplianceTargetsSpec {
    fn from(t: ComplianceTargets) -> ComplianceTargetsSpec {
        t.spec
    }
}

impl ComplianceTargets {
    /// No targets: every row's outcome is `None`.
    pub fn none() -> ComplianceTargets {
        ComplianceTargets::default()
    }

    /// The configuration.
    pub fn spec(&self) -> &ComplianceTargetsSpec {
        &self.spec
    }

    /// The target (percent) for a severity key and metric: the severity's own, else the
    /// default, else `None`.
    pub fn target(&self, severity: &str, metric: Metric) -> Option<Decimal> {
        self.severities
            .get(severity)
            .and_then(|m| m.get(&metric))
            .or_else(|| self.default.get(&metric))
            .copied()
    }
}

/// Serializes a [`TimeDelta`] as whole seconds.
mod seconds {
    use chrono::TimeDelta;
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &TimeDelta, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(d.num_seconds())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TimeDelta, D::Error> {
        let secs = i64::deserialize(d)?;
        TimeDelta::try_seconds(secs).ok_or_else(|| D::Error::custom("seconds out of range"))
    }
}

/// Statistics of business-time durations (see the [module docs](self) for the definitions).
/// Serialized as whole seconds: `{"count": 4, "mean_seconds": 1500, …}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationStats {
    /// How many durations.
    pub count: u64,
    /// The mean, to the nearest second (halves up).
    #[serde(rename = "mean_seconds", with = "seconds")]
    pub mean: TimeDelta,
    /// The median; for an even count the mean of the two middle values (halves up).
    #[serde(rename = "median_seconds", with = "seconds")]
    pub median: TimeDelta,
    /// The 90th percentile by nearest rank: the value at rank ⌈0.9 × count⌉.
    #[serde(rename = "p90_seconds", with = "seconds")]
    pub p90: TimeDelta,
    /// The largest.
    #[serde(rename = "max_seconds", with = "seconds")]
    pub max: TimeDelta,
}

impl DurationStats {
    /// Statistics of `seconds` (any order); `None` when empty.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use slacalc::report::DurationStats;
    ///
    /// let s = DurationStats::from_seconds(vec![40, 10, 30, 20]).ok_or("empty")?;
    /// assert_eq!(s.median, TimeDelta::seconds(25)); // (20 + 30) / 2
    /// assert_eq!(s.mean, TimeDelta::seconds(25));
    /// assert_eq!(s.p90, TimeDelta::seconds(40));    // rank ⌈3.6⌉ = 4
    /// assert_eq!(s.max, TimeDelta::seconds(40));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_seconds(mut seconds: Vec<i64>) -> Option<DurationStats> {
        let sum = seconds.iter().map(|&s| i128::from(s)).sum::<i128>();
        stats_of(&mut seconds, sum)
    }
}

/// Rounds `num / den` to the nearest integer, halves up (`den > 0`).
fn div_round_half_up(num: i128, den: i128) -> Option<i128> {
    let twice = num.checked_mul(2)?.checked_add(den)?;
    Some(twice.div_euclid(den.checked_mul(2)?))
}

fn secs(s: i128) -> Option<TimeDelta> {
    TimeDelta::try_seconds(i64::try_from(s).ok()?)
}

/// Statistics of `values` (reordered in place) whose sum is `sum`. Order statistics by
/// selection (linear time) rather than a full sort: the median and p90 are values, so the
/// result does not depend on the input order.
fn stats_of(values: &mut [i64], sum: i128) -> Option<DurationStats> {
    let n = values.len();
    let count = u64::try_from(n).ok()?;
    let n128 = i128::try_from(n).ok()?;
    let max = *values.iter().max()?;
    let mid = n / 2;
    let (left, upper_mid, right) = values.select_nth_unstable(mid);
    let upper_mid = *upper_mid;
    let median = if n % 2 == 1 {
        i128::from(upper_mid)
    } else {
        // The lower middle value is the largest of the left part.
        let lower_mid = *left.iter().max()?;
        div_round_half_up(i128::from(lower_mid).checked_add(i128::from(upper_mid))?, 2)?
    };
    // Nearest rank ⌈0.9 n⌉ (1-based); its index is at or after `mid` for every n >= 1.
    let rank = n.checked_mul(9)?.div_ceil(10).max(1);
    let index = rank.checked_sub(1)?;
    let p90 = match index.checked_sub(mid) {
        Some(0) => upper_mid,
        Some(k) => *right.select_nth_unstable(k.checked_sub(1)?).1,
        None => return None,
    };
    Some(DurationStats {
        count,
        mean: secs(div_round_half_up(sum, n128)?)?,
        median: secs(median)?,
        p90: TimeDelta::try_seconds(p90)?,
        max: TimeDelta::try_seconds(max)?,
    })
}

/// One row of a compliance report: a contract (or `(all)`), a severity and a metric.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplianceRow {
    /// The customer (`(all)` in totals).
    pub customer: String,
    /// The plan's key (`(all)` in totals).
    pub plan: String,
    /// The severity key (in force at `now`).
    pub severity: String,
    /// The metric.
    pub metric: Metric,
    /// Incidents in the row: `met + breached + open + not_covered + not_applicable`.
    pub incidents: u64,
    /// Met in time.
    pub met: u64,
    /// Breached (late or overdue).
    pub breached: u64,
    /// Still open at `now`: running, paused or not started.
    pub open: u64,
    /// The plan makes no promise for the severity.
    pub not_covered: u64,
    /// Never owed: cancelled before fulfilment, or ended before the level took over.
    #[serde(default)]
    pub not_applicable: u64,
    /// `100 × met / (met + breached)`, rounded toward zero to two decimals; `None` when
    /// nothing was met or breached.
    pub compliance: Option<Decimal>,
    /// The compliance target (percent), if one is configured.
    pub target: Option<Decimal>,
    /// Whether compliance reaches the target; `None` without a target or without a
    /// compliance figure.
    pub outcome: Option<TargetOutcome>,
    /// Business-time statistics of `elapsed` over the met and breached incidents.
    pub elapsed: Option<DurationStats>,
}

/// An incident that could not be evaluated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Failure {
    /// Its index in the input.
    pub index: usize,
    /// The error's message.
    pub message: String,
}

/// Compliance of many incidents over a period, per contract, severity and metric.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplianceReport {
    /// The period.
    pub period: Period,
    /// The instant of evaluation.
    pub now: DateTime<Utc>,
    /// Incidents attributed to the period and evaluated.
    pub incidents: u64,
    /// Incidents reported outside the period (ignored).
    pub outside_period: u64,
    /// Incidents that could not be evaluated (unknown contract, unknown severity, reported
    /// before the contract starts …), by input index.
    pub failures: Vec<Failure>,
    /// Rows per contract, severity and metric.
    pub rows: Vec<ComplianceRow>,
    /// Rows per severity key and metric over all contracts.
    pub totals: Vec<ComplianceRow>,
}

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

/// Row key: contract index, severity rank in the contract's catalog, metric.
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
                message: format!(
                    "report of incident `{}`: severity `{}` is not in the contract's catalog",
                    report.incident, report.severity
                ),
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
        contracts: &[Contract],
        period: &Period,
        now: DateTime<Utc>,
        index: usize,
        contract_index: usize,
        incident: &Incident,
    ) {
        let contract = match contract_of(contracts, index, contract_index) {
            Ok(c) => c,
            Err(e) => {
                self.failures.push(Failure {
                    index,
                    message: e.to_string(),
                });
                return;
            }
        };
        if !period.attributes(contract, incident.reported_at()) {
            self.outside = self.outside.saturating_add(1);
            return;
        }
        match evaluate(contract, incident, now) {
            Ok(report) => self.add_report(index, contract_index, contract, &report),
            Err(e) => self.failures.push(Failure {
                index,
                message: e.to_string(),
            }),
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

    fn finish(
        self,
        contracts: &[Contract],
        period: Period,
        targets: &ComplianceTargets,
        now: DateTime<Utc>,
    ) -> ComplianceReport {
        let mut failures = self.failures;
        failures.sort_by_key(|f| f.index);
        let mut totals: BTreeMap<(usize, String, Metric), Acc> = BTreeMap::new();
        let mut rows = Vec::with_capacity(self.rows.len());
        for ((c, rank, metric), acc) in self.rows {
            let Some(contract) = contracts.get(c) else {
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
    /// Evaluates the incidents attributed to `period` (each an index into `contracts` and the
    /// incident) as of `now` and aggregates them. Incidents outside the period are counted
    /// but not evaluated. With the `rayon` feature the work runs in parallel; the report is
    /// identical either way.
    ///
    /// Incidents that cannot be evaluated are listed in [`ComplianceReport::failures`]; they
    /// do not stop the others.
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::Arc;
    /// use chrono::{DateTime, Utc};
    /// use rust_decimal::Decimal;
    /// use slacalc::contract::{Catalog, ContractTermsSpec, Metric};
    /// use slacalc::report::{ComplianceReport, ComplianceTargets, Period};
    /// use slacalc::{Contract, Event, EventKind, Incident};
    ///
    /// let catalog: Catalog = serde_json::from_str(r#"{
    ///   "name": "Desk", "severities": [{"key": "high", "name": "High"}],
    ///   "plans": {"std": {"name": "Standard",
    ///     "targets": {"high": {"reaction": {"within": "1h", "clock": "24x7"}}}}}
    /// }"#)?;
    /// let contracts = vec![Contract::new(Arc::new(catalog), ContractTermsSpec {
    ///     customer: "Acme".into(), plan: "std".into(), ..ContractTermsSpec::default()
    /// })?];
    /// let t = |s: &str| s.parse::<DateTime<Utc>>();
    /// let incident = |id: &str, at: &str, answered: &str| -> Result<_, Box<dyn std::error::Error>> {
    ///     Ok((0, Incident::new(id, vec![
    ///         Event::new(t(at)?, EventKind::Reported {
    ///             severity: "high".into(), channel: None, contact: None }),
    ///         Event::new(t(answered)?, EventKind::Responded)])?))
    /// };
    /// let incidents = vec![
    ///     incident("A-1", "2026-11-02T09:00:00Z", "2026-11-02T09:10:00Z")?,
    ///     incident("A-2", "2026-11-03T09:00:00Z", "2026-11-03T09:50:00Z")?,
    ///     incident("A-3", "2026-11-04T09:00:00Z", "2026-11-04T11:00:00Z")?, // late
    ///     incident("A-4", "2026-12-01T09:00:00Z", "2026-12-01T09:10:00Z")?, // December
    /// ];
    /// let targets: ComplianceTargets =
    ///     serde_json::from_str(r#"{"default": {"reaction": "95"}}"#)?;
    /// let report = ComplianceReport::build(&contracts, &incidents, &"2026-11".parse::<Period>()?,
    ///     &targets, t("2026-12-01T00:00:00Z")?);
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
        contracts: &[Contract],
        incidents: &[(usize, Incident)],
        period: &Period,
        targets: &ComplianceTargets,
        now: DateTime<Utc>,
    ) -> ComplianceReport {
        let tally = fold(incidents, |t, i, (k, incident)| {
            t.visit(contracts, period, now, i, *k, incident);
        });
        tally.finish(contracts, *period, targets, now)
    }

    /// Aggregates reports already evaluated (each with the index of its contract in
    /// `contracts`). Reports outside `period` by [`Report::reported_at`] are counted as
    /// outside; a contract index out of range or a severity the contract's catalog does not
    /// know is a [`Failure`].
    pub fn from_reports(
        contracts: &[Contract],
        reports: &[(usize, Report)],
        period: &Period,
        targets: &ComplianceTargets,
    ) -> ComplianceReport {
        let now = reports
            .iter()
            .map(|(_, r)| r.now)
            .max()
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        let tally = fold(reports, |t, i, (k, report)| {
            match contract_of(contracts, i, *k) {
                Ok(c) if !period.attributes(c, report.reported_at) => {
                    t.outside = t.outside.saturating_add(1);
                }
                Ok(c) => t.add_report(i, *k, c, report),
                Err(e) => t.failures.push(Failure {
                    index: i,
                    message: e.to_string(),
                }),
            }
        });
        tally.finish(contracts, *period, targets, now)
    }

    /// The rows as CSV (see [`Csv`]).
    pub fn csv(&self) -> Csv<'_> {
        Csv::new(&self.rows)
    }
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

fn opt<T: fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn opt_secs(stats: Option<&DurationStats>, f: fn(&DurationStats) -> TimeDelta) -> String {
    stats.map_or_else(String::new, |s| f(s).num_seconds().to_string())
}

/// Quotes a CSV field when it holds a comma, a quote, CR or LF (RFC 4180), doubling quotes.
pub fn csv_field(s: &str) -> Cow<'_, str> {
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
pub const CSV_HEADER: &str = "customer,plan,severity,metric,incidents,met,breached,open,not_covered,not_applicable,compliance_percent,target_percent,outcome,elapsed_count,elapsed_mean_s,elapsed_median_s,elapsed_p90_s,elapsed_max_s";

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
/// `1h30m`, `-` for a missing value.
impl fmt::Display for ComplianceReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Compliance {} (local dates {} to {}, exclusive) as of {}: {} incidents, {} outside the period, {} failed",
            self.period,
            self.period.from(),
            self.period.to(),
            self.now.format("%Y-%m-%d %H:%M:%SZ"),
            self.incidents,
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
            writeln!(
                f,
                "failed: incidents[{}]: {}",
                failure.index, failure.message
            )?;
        }
        if let Some(more) = self.failures.len().checked_sub(20).filter(|m| *m > 0) {
            writeln!(f, "failed: … and {more} more")?;
        }
        Ok(())
    }
}
