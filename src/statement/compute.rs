//! [`Statement::compute`]: a month from a contract's money terms, its incidents and usage.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::model::{BreachedIncident, Statement, StatementItem, StatementPart, StatementTotal};
use super::usage::Usage;
use crate::availability::AvailabilityReport;
use crate::error::Error;
use crate::money::{BudgetMonth, CreditInputs, Currency, Invoice, QuotaUsage, RoundingMode};
use crate::report::attribution_date;
use crate::time::{first_instant_reading, rfc3339, Period, PeriodUnit};
use crate::{evaluate, Contract, Incident, Money};

const OP: &str = "Statement::compute";

/// The first instant of the local date `date` in `tz`.
fn day_start(tz: Tz, date: NaiveDate) -> Result<DateTime<Utc>, Error> {
    first_instant_reading(&tz, date.and_time(chrono::NaiveTime::MIN))
        .ok_or_else(|| crate::error::out_of_range(OP, date))
}

/// `part` with the paths of its invoice lines prefixed by `path`.
fn part(item: StatementItem, path: &str, mut invoice: Invoice) -> StatementPart {
    for line in &mut invoice.lines {
        line.path = format!("{path}.{}", line.path);
    }
    StatementPart {
        item,
        path: path.to_owned(),
        invoice,
    }
}

/// The input error at `path` for a part of the usage the contract has no terms for.
fn unused(path: &str, terms: &str) -> Error {
    Error::InvalidValue {
        path: format!("usage.{path}"),
        value: "given".into(),
        expected: format!("nothing: the contract has no {terms}"),
    }
}

impl Statement {
    /// The statement of `contract` for `month` (a calendar month, read in the zone of the
    /// contract's business calendar, UTC when it has none), from its `incidents` evaluated
    /// at `now` and the month's `usage`:
    ///
    /// 1. **fee** — the contract's `billing.fee`, else the plan's `fee`, evaluated on
    ///    `usage.fee_inputs`; then each of `billing.extras` on the same inputs;
    /// 2. **time and materials** — `usage.work` priced by `billing.time_and_materials`;
    /// 3. **cases beyond the quota** — the plan's case quota counts the incidents by the
    ///    local date of their report (as compliance reports attribute them); cases of this
    ///    month beyond the allowance are charged at a charging quota's price;
    /// 4. **availability** — `billing.availability` with `usage.maintenance_windows` added,
    ///    over the month and `usage.outages`;
    /// 5. **breaches** — every incident whose first breach (`breached_at` of any metric, no
    ///    later than `now`) falls in the month, whenever it was reported;
    /// 6. **credit** — `billing.credits` fed with the fee's total, the achieved availability
    ///    and the breached incidents per severity it credits (by the severity as of `now`);
    /// 7. **hour budget** — `billing.hour_budget` run from the contract's start month to this
    ///    month over `usage.maintenance_minutes`; the statement shows this month.
    ///
    /// # Errors
    /// * [`Error::InvalidArgument`] for a period that is not a month, or a month before the
    ///   one of an hour budget's contract start;
    /// * [`Error::InvalidValue`] (paths `usage.…`) for usage the contract has no terms for,
    ///   work that does not start in the month, a maintenance month that is not `YYYY-MM`
    ///   or lies before the contract's start;
    /// * the errors of evaluating an incident, of each fee schedule (a missing input), of
    ///   time and materials, the availability agreement ([`Error::NoServiceTime`] for a
    ///   month without service time) and the credit policy, with their paths.
    ///
    /// # Example
    ///
    /// ```
    /// use std::sync::Arc;
    /// use slacalc::money::FeeInputs;
    /// use slacalc::statement::Usage;
    /// use slacalc::{Catalog, Contract, ContractSpec, Incident, Money, Statement};
    ///
    /// let catalog: Catalog = serde_json::from_str(r#"{"name": "Desk",
    ///   "severities": [{"key": "high", "name": "High"}],
    ///   "plans": {"p": {"name": "P",
    ///     "targets": {"high": {"reaction": {"within": "1h", "clock": "24x7"}}},
    ///     "fee": {"currency": "EUR", "fee": {"fixed": "1000.00 EUR"}}}}}"#)?;
    /// let terms: ContractSpec = serde_json::from_str(r#"{"customer": "ACME", "plan": "p",
    ///   "billing": {"credits": {"currency": "EUR", "per_breach": {"high": "50.00 EUR"}}}}"#)?;
    /// let contract = Contract::new(Arc::new(catalog), terms)?;
    /// // Answered after 90 minutes: the reaction breached at 10:00.
    /// let late: Incident = serde_json::from_str(r#"{"id": "A-1", "events": [
    ///     {"at": "2026-03-02T09:00:00Z", "kind": "reported", "severity": "high"},
    ///     {"at": "2026-03-02T10:30:00Z", "kind": "responded"}]}"#)?;
    /// let statement = Statement::compute(&contract, "2026-03".parse()?, &[late], &Usage::new(),
    ///                                    "2026-04-01T00:00:00Z".parse()?)?;
    /// let total = statement.total.ok_or("no amounts")?;
    /// // 1,000 EUR fee minus 50 EUR for one breached incident.
    /// assert_eq!(total.due, "950.00 EUR".parse::<Money>()?);
    /// assert!(statement.to_string().contains("1 incident breached"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute(
        contract: &Contract,
        month: Period,
        incidents: &[Incident],
        usage: &Usage,
        now: DateTime<Utc>,
    ) -> Result<Statement, Error> {
        if month.unit() != Some(PeriodUnit::Month) {
            return Err(Error::InvalidArgument {
                operation: OP,
                reason: format!("`{month}` is not a calendar month such as `2026-03`"),
            });
        }
        let billing = contract.billing();
        let tz = contract.business_calendar().timezone().unwrap_or(Tz::UTC);
        let from = day_start(tz, month.from())?;
        let to = day_start(tz, month.to())?;
        let currency = billing.currency();

        let mut charges = Vec::new();
        let fee = match billing.fee() {
            Some(schedule) => {
                let invoice = schedule
                    .invoice(&usage.fee_inputs)
                    .map_err(|e| e.at(billing.fee_path()))?;
                let total = invoice.total;
                charges.push(part(StatementItem::Fee, billing.fee_path(), invoice));
                Some(total)
            }
            None => None,
        };
        for (name, schedule) in billing.extras() {
            let path = format!("billing.extras.{name}");
            let invoice = schedule
                .invoice(&usage.fee_inputs)
                .map_err(|e| e.at(&path))?;
            charges.push(part(
                StatementItem::Extra { name: name.clone() },
                &path,
                invoice,
            ));
        }
        if let Some(terms) = billing.time_and_materials() {
            for (i, w) in usage.work.iter().enumerate() {
                if w.start < from || w.start >= to {
                    return Err(Error::InvalidValue {
                        path: format!("usage.work[{i}].start"),
                        value: rfc3339(w.start),
                        expected: format!(
                            "an instant in {month} ({} to {})",
                            rfc3339(from),
                            rfc3339(to)
                        ),
                    });
                }
            }
            let invoice = terms.invoice(&usage.work).map_err(|e| e.at("usage"))?;
            charges.push(part(
                StatementItem::TimeAndMaterials,
                "billing.time_and_materials",
                invoice,
            ));
        } else if !usage.work.is_empty() {
            return Err(unused("work", "time-and-materials terms"));
        }

        let quota = quota(contract, month, incidents, &mut charges)?;
        let breaches = breaches(contract, incidents, from, to, now)?;

        let (availability, credit) = availability_and_credit(
            contract,
            usage,
            (from, to),
            fee.or_else(|| currency.map(Money::zero)),
            &breaches,
        )?;
        let hour_budget = hour_budget(contract, month, usage)?;
        let total = currency
            .map(|c| totals(c, &charges, credit.as_ref()))
            .transpose()?;
        Ok(Statement {
            customer: contract.customer().to_owned(),
            plan: contract.plan().key().to_owned(),
            period: month,
            timezone: tz.name().to_owned(),
            from,
            to,
            currency,
            charges,
            credit,
            availability,
            breaches,
            quota,
            hour_budget,
            total,
        })
    }
}

/// The case quota as of the month's last day; adds a part for this month's cases beyond it
/// under a charging quota.
fn quota(
    contract: &Contract,
    month: Period,
    incidents: &[Incident],
    charges: &mut Vec<StatementPart>,
) -> Result<Option<QuotaUsage>, Error> {
    let Some(quota) = contract.plan().quota() else {
        return Ok(None);
    };
    let opened: Vec<NaiveDate> = incidents
        .iter()
        .map(|i| attribution_date(contract, i.reported_at()))
        .collect();
    let out = || crate::error::out_of_range(OP, month);
    let last = month.to().pred_opt().ok_or_else(out)?;
    let at_end = quota.usage(&opened, last)?;
    // The quota's period (a month, quarter or year) holds the whole month: cases over the
    // limit before the month were charged in earlier statements.
    let before = match month.from().pred_opt() {
        Some(day) if at_end.period_start < month.from() => quota.usage(&opened, day)?.over_limit,
        _ => 0,
    };
    // A quota has no rounding mode of its own; the charge is rounded like the fee (exact in
    // practice: a count times a price in minor units).
    let rounding = contract
        .billing()
        .fee()
        .map_or(RoundingMode::default(), |f| f.rounding());
    let path = format!("plans.{}.entitlements.quota", contract.plan().key());
    if let Some(invoice) =
        quota.overage_invoice(at_end.over_limit.saturating_sub(before), rounding)?
    {
        charges.push(part(StatementItem::CaseOverage, &path, invoice));
    }
    Ok(Some(at_end))
}

/// The incidents whose first breach lies in `[from, to)` and no later than `now`.
fn breaches(
    contract: &Contract,
    incidents: &[Incident],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<BreachedIncident>, Error> {
    let credited = contract.billing().credits().map(|c| c.breach_credits());
    let mut out = Vec::new();
    for incident in incidents {
        let report = evaluate(contract, incident, now)?;
        let first = report
            .metrics
            .iter()
            .filter_map(|m| {
                m.breached_at
                    .filter(|at| *at <= now)
                    .map(|at| (at, m.metric))
            })
            .min();
        if let Some((at, metric)) = first.filter(|(at, _)| from <= *at && *at < to) {
            out.push(BreachedIncident {
                incident: incident.id().to_owned(),
                credited: credited.is_some_and(|c| c.contains_key(&report.severity)),
                severity: report.severity,
                metric,
                breached_at: at,
            });
        }
    }
    out.sort_by(|a, b| (a.breached_at, &a.incident).cmp(&(b.breached_at, &b.incident)));
    Ok(out)
}

type AvailabilityAndCredit = (Option<AvailabilityReport>, Option<StatementPart>);

/// The month's availability and the service credit.
fn availability_and_credit(
    contract: &Contract,
    usage: &Usage,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    fee: Option<Money>,
    breaches: &[BreachedIncident],
) -> Result<AvailabilityAndCredit, Error> {
    let billing = contract.billing();
    let Some(agreement) = billing.availability() else {
        if !usage.outages.is_empty() {
            return Err(unused("outages", "availability agreement"));
        }
        if !usage.maintenance_windows.is_empty() {
            return Err(unused("maintenance_windows", "availability agreement"));
        }
        let credit = match (billing.credits(), fee) {
            (Some(policy), Some(fee)) => Some(policy.invoice(&breach_inputs(fee, breaches)?)?),
            _ => None,
        };
        return Ok((
            None,
            credit.map(|c| part(StatementItem::Credit, "billing.credits", c)),
        ));
    };
    let agreement = agreement.with_windows(usage.maintenance_windows.iter().copied());
    let path = |e: Error| e.at("usage");
    match (billing.credits(), fee) {
        (Some(policy), Some(fee)) => {
            let month = agreement
                .credit(
                    from,
                    to,
                    &usage.outages,
                    policy,
                    breach_inputs(fee, breaches)?,
                )
                .map_err(path)?;
            Ok((
                Some(month.availability),
                Some(part(StatementItem::Credit, "billing.credits", month.credit)),
            ))
        }
        _ => {
            let report = agreement.report(from, to, &usage.outages).map_err(path)?;
            Ok((Some(report), None))
        }
    }
}

/// Credit inputs: the fee and the breached incidents per credited severity.
fn breach_inputs(fee: Money, breaches: &[BreachedIncident]) -> Result<CreditInputs, Error> {
    let mut inputs = CreditInputs::new(fee);
    for b in breaches.iter().filter(|b| b.credited) {
        let count = inputs.breaches.get(&b.severity).copied().unwrap_or(0);
        let count = count
            .checked_add(1)
            .ok_or_else(|| Error::ArithmeticOverflow {
                path: "breaches".into(),
            })?;
        inputs = inputs.with_breaches(b.severity.clone(), count);
    }
    Ok(inputs)
}

/// The hour budget's month: the ledger from the contract's start month to `month`.
fn hour_budget(
    contract: &Contract,
    month: Period,
    usage: &Usage,
) -> Result<Option<BudgetMonth>, Error> {
    let (Some(budget), Some(start)) = (contract.billing().hour_budget(), contract.start()) else {
        if !usage.maintenance_minutes.is_empty() {
            return Err(unused("maintenance_minutes", "hour budget"));
        }
        return Ok(None);
    };
    let first = PeriodUnit::Month.containing(start)?;
    let index = |p: &Period| -> Option<usize> {
        let months = |d: NaiveDate| {
            use chrono::Datelike;
            i64::from(d.year()) * 12 + i64::from(d.month0())
        };
        usize::try_from(months(p.from()) - months(first.from())).ok()
    };
    let Some(last) = index(&month) else {
        return Err(Error::InvalidArgument {
            operation: OP,
            reason: format!(
                "the hour budget starts with the contract in {first}; {month} is before it"
            ),
        });
    };
    let mut worked = vec![0u32; last.saturating_add(1)];
    for (key, minutes) in &usage.maintenance_minutes {
        let bad = |expected: String| Error::InvalidValue {
            path: format!("usage.maintenance_minutes.{key}"),
            value: key.clone(),
            expected,
        };
        let period: Period = key
            .parse()
            .ok()
            .filter(|p: &Period| p.unit() == Some(PeriodUnit::Month))
            .ok_or_else(|| bad("a month written `YYYY-MM`".into()))?;
        match index(&period) {
            None => {
                return Err(bad(format!(
                    "a month from {first} on, the contract's start"
                )))
            }
            Some(i) => {
                if let Some(slot) = worked.get_mut(i) {
                    *slot = *minutes;
                }
            }
        }
    }
    let ledger = budget.ledger(&worked)?;
    Ok(ledger.months.into_iter().last())
}

/// The statement's totals: exact sums of the parts' rounded totals.
fn totals(
    currency: Currency,
    charges: &[StatementPart],
    credit: Option<&StatementPart>,
) -> Result<StatementTotal, Error> {
    // Zero written with the currency's minor units (`0.00`), as the parts' totals are.
    let zero = Money::zero(currency).round(RoundingMode::default());
    let mut sum = zero;
    for p in charges {
        sum = sum.checked_add(p.invoice.total)?;
    }
    let credit = credit.map_or(zero, |c| c.invoice.total);
    Ok(StatementTotal {
        charges: sum,
        credit,
        due: sum.checked_sub(credit)?,
    })
}
