//! Evaluating many incidents at once.
//!
//! Each incident is evaluated with [`evaluate`] exactly as on its own; the batch only spreads
//! the work. With the cargo feature `rayon` the incidents are evaluated on rayon's
//! work-stealing thread pool, without it one after the other on the calling thread. The
//! results are identical either way: the output has one entry per input, in input order.

use chrono::{DateTime, Utc};

use crate::contract::Contract;
use crate::error::Error;
use crate::evaluate::{evaluate, Report};
use crate::incident::Incident;

/// Whether batch functions run in parallel: `true` when the crate was built with the `rayon`
/// feature.
pub const PARALLEL: bool = cfg!(feature = "rayon");

/// Maps `f(index, item)` over `items`, in parallel with the `rayon` feature; the output keeps
/// input order.
#[cfg(feature = "rayon")]
pub(crate) fn map_ordered<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(usize, &T) -> R + Sync + Send,
) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().enumerate().map(|(i, t)| f(i, t)).collect()
}

/// Maps `f(index, item)` over `items`, in parallel with the `rayon` feature; the output keeps
/// input order.
#[cfg(not(feature = "rayon"))]
pub(crate) fn map_ordered<T, R>(items: &[T], f: impl Fn(usize, &T) -> R) -> Vec<R> {
    items.iter().enumerate().map(|(i, t)| f(i, t)).collect()
}

/// Evaluates (contract, incident) pairs as of `now`.
///
/// Returns one result per pair, in the order given, each exactly what
/// [`evaluate`]`(contract, incident, now)` returns. Runs in parallel with the `rayon`
/// feature (see [`PARALLEL`]).
///
/// # Errors
/// Per pair, the errors of [`evaluate`]; one failing pair does not stop the others.
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use chrono::{DateTime, Utc};
/// use slacalc::report::evaluate_all;
/// use slacalc::{Catalog, Contract, ContractSpec, Event, EventKind, Incident, Metric, MetricState};
///
/// let catalog: Catalog = serde_json::from_str(r#"{
///   "name": "Desk", "severities": [{"key": "high", "name": "High"}],
///   "plans": {"std": {"name": "Standard",
///     "targets": {"high": {"reaction": {"within": "1h", "clock": "24x7"}}}}}
/// }"#)?;
/// let terms = ContractSpec {
///     customer: "Acme".into(), plan: "std".into(), ..ContractSpec::default()
/// };
/// let acme = Contract::new(Arc::new(catalog), terms)?;
/// let t = |s: &str| s.parse::<DateTime<Utc>>();
/// let reported = |at| Event::new(at, EventKind::Reported {
///     severity: "high".into(), channel: None, contact: None });
/// let answered = Incident::new("A-1", vec![reported(t("2026-11-02T09:00:00Z")?),
///     Event::new(t("2026-11-02T09:20:00Z")?, EventKind::Responded)])?;
/// let waiting = Incident::new("A-2", vec![reported(t("2026-11-02T10:00:00Z")?)])?;
/// let reports = evaluate_all(&[(&acme, &answered), (&acme, &waiting)], t("2026-11-02T12:00:00Z")?);
/// let states: Vec<_> = reports.iter()
///     .map(|r| r.as_ref().ok().and_then(|r| r.metric(Metric::Reaction)).map(|m| m.state))
///     .collect();
/// assert_eq!(states, [Some(MetricState::Met), Some(MetricState::Breached)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_all(
    pairs: &[(&Contract, &Incident)],
    now: DateTime<Utc>,
) -> Vec<Result<Report, Error>> {
    map_ordered(pairs, |_, (contract, incident)| {
        evaluate(contract, incident, now)
    })
}
