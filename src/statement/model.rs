//! [`Statement`]: a customer's month — charges, credits, availability, breaches, case quota
//! and hour budget — and how it prints.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::availability::AvailabilityReport;
use crate::contract::metric::Metric;
use crate::money::currency::Money;
use crate::money::{BudgetMonth, Currency, Invoice, QuotaUsage};
use crate::report::count;
use crate::time::{rfc3339, Hm, Period};

/// A customer's statement for one month, computed by [`Statement::compute`] from the
/// contract's money terms, its incidents and the month's [`Usage`](super::Usage).
///
/// Every amount comes with the invoice that explains it: each [`StatementPart`] holds an
/// [`Invoice`] whose lines name their configuration path in full
/// (`plans.advanced.fee.fee.sum[1].graduated.bands[2]`, `billing.credits.availability[0]`),
/// what they are and their numbers (quantity and rate, band and percentage, hours and hourly
/// rate: [`LineDetail`](crate::money::LineDetail)). Each part is rounded once to the
/// currency's minor units (see [`Invoice`]); the totals are exact sums of the parts' totals.
/// Serde serializes it (amounts as strings); `Display` prints it for people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The customer's name.
    pub customer: String,
    /// The plan's key.
    pub plan: String,
    /// The month.
    pub period: Period,
    /// The IANA zone whose local dates make the month: the contract's business calendar's,
    /// `UTC` when it has no single zone.
    pub timezone: String,
    /// The first instant of the month.
    pub from: DateTime<Utc>,
    /// The first instant after it.
    pub to: DateTime<Utc>,
    /// The currency of every amount; `None` when the contract has no amounts at all (an hour
    /// budget only).
    pub currency: Option<Currency>,
    /// What is charged: the fee, the extras by name, time and materials, cases beyond the
    /// quota, in that order (a part only when the contract has its terms).
    pub charges: Vec<StatementPart>,
    /// The service credit, when the contract has a credit policy.
    pub credit: Option<StatementPart>,
    /// The month's availability, when the contract has an availability agreement.
    pub availability: Option<AvailabilityReport>,
    /// The incidents whose first breach fell in the month, in order of that breach.
    pub breaches: Vec<BreachedIncident>,
    /// The case quota as of the month's last day, when the plan has one.
    pub quota: Option<QuotaUsage>,
    /// The hour budget's month, when the contract has one.
    pub hour_budget: Option<BudgetMonth>,
    /// The totals, when the contract has amounts.
    pub total: Option<StatementTotal>,
}

/// One priced part of a [`Statement`]: what it is, where it is configured, and its invoice
/// (whose lines carry full configuration paths).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementPart {
    /// What the part is.
    pub item: StatementItem,
    /// The configuration path of the terms that produced it (`plans.advanced.fee`,
    /// `billing.extras.service_extension`, `billing.credits`).
    pub path: String,
    /// The amount and its explanation, rounded once.
    pub invoice: Invoice,
}

/// What a [`StatementPart`] is. Serialized with a `kind` tag in `snake_case`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum StatementItem {
    /// The monthly fee (the contract's, else the plan's).
    Fee,
    /// A further service billed by name.
    Extra {
        /// The name under `billing.extras`.
        name: String,
    },
    /// Work billed at hourly and daily rates.
    TimeAndMaterials,
    /// Cases opened in the month beyond the quota's allowance.
    CaseOverage,
    /// The service credit (availability and breached incidents), subtracted.
    Credit,
}

impl fmt::Display for StatementItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatementItem::Fee => f.write_str("fee"),
            StatementItem::Extra { name } => write!(f, "{name}"),
            StatementItem::TimeAndMaterials => f.write_str("time and materials"),
            StatementItem::CaseOverage => f.write_str("cases beyond the quota"),
            StatementItem::Credit => f.write_str("service credit"),
        }
    }
}

/// An incident whose first breach fell in the statement's month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreachedIncident {
    /// The incident's id.
    pub incident: String,
    /// Its severity as of the statement's `now` (the key per-breach credits use).
    pub severity: String,
    /// The metric that breached first.
    pub metric: Metric,
    /// When it breached.
    pub breached_at: DateTime<Utc>,
    /// Whether the credit policy credits breaches of this severity.
    pub credited: bool,
}

/// The sums of a [`Statement`], exact sums of its parts' rounded totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementTotal {
    /// The sum of the charges.
    pub charges: Money,
    /// The service credit (zero without a credit policy).
    pub credit: Money,
    /// `charges − credit`; negative when the credit exceeds the charges.
    pub due: Money,
}

const WIDTH: usize = 60;

fn part(f: &mut fmt::Formatter<'_>, p: &StatementPart) -> fmt::Result {
    writeln!(f, "  {} ({})", p.item, p.path)?;
    for line in &p.invoice.lines {
        writeln!(
            f,
            "    {:<w$} {:>14}",
            line.detail.to_string(),
            line.amount,
            w = WIDTH - 4
        )?;
        writeln!(f, "      {}", line.path)?;
    }
    for note in &p.invoice.notes {
        writeln!(f, "    note: {note}")?;
    }
    if !p.invoice.rounding_adjustment.is_zero() {
        let rounding = format!("rounding ({})", p.invoice.rounding);
        let adjustment = p.invoice.rounding_adjustment;
        writeln!(f, "    {rounding:<w$} {adjustment:>14}", w = WIDTH - 4)?;
    }
    writeln!(
        f,
        "  {:<w$} {:>14}",
        format!("{} total", p.item),
        p.invoice.total.amount,
        w = WIDTH - 2
    )
}

impl fmt::Display for Statement {
    /// The month, each charge and the credit with their lines and paths, the totals, then
    /// availability, breached incidents, case quota and hour budget.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "statement {} for {} (plan {}), {} – {} ({})",
            self.period,
            self.customer,
            self.plan,
            rfc3339(self.from),
            rfc3339(self.to),
            self.timezone
        )?;
        if !self.charges.is_empty() {
            writeln!(f, "charges")?;
            for p in &self.charges {
                part(f, p)?;
            }
        }
        if let Some(credit) = &self.credit {
            writeln!(f, "credits")?;
            part(f, credit)?;
        }
        if let Some(t) = &self.total {
            let code = t.due.currency.code();
            writeln!(f, "{:<w$} {:>16}", "charges", t.charges.amount, w = WIDTH)?;
            writeln!(f, "{:<w$} {:>16}", "credit", t.credit.amount, w = WIDTH)?;
            writeln!(f, "{:<w$} {:>16} {code}", "due", t.due.amount, w = WIDTH)?;
        }
        if let Some(a) = &self.availability {
            writeln!(
                f,
                "availability {} % of {} (target {} %): {}, {} down",
                a.achieved_rounded(3, crate::money::RoundingMode::Down),
                crate::time::seconds_of(a.service_time)
                    .map_or_else(|| a.service_time.to_string(), crate::time::format_hms),
                a.target.normalize(),
                a.outcome,
                crate::time::seconds_of(a.downtime)
                    .map_or_else(|| a.downtime.to_string(), crate::time::format_hms),
            )?;
        }
        let n = u64::try_from(self.breaches.len()).unwrap_or(u64::MAX);
        writeln!(f, "{} breached", count(n, "incident"))?;
        for b in &self.breaches {
            writeln!(
                f,
                "  {} ({}): {} breached at {}{}",
                b.incident,
                b.severity,
                b.metric,
                rfc3339(b.breached_at),
                if b.credited { ", credited" } else { "" }
            )?;
        }
        if let Some(q) = &self.quota {
            writeln!(
                f,
                "case quota {} – {}: {} of {} used, {} left, {} over",
                q.period_start,
                q.period_end,
                count(q.used.into(), "case"),
                q.limit,
                q.remaining,
                q.over_limit
            )?;
        }
        if let Some(b) = &self.hour_budget {
            writeln!(
                f,
                "hour budget: {} granted, {} worked ({} from earlier months), {} over budget, \
                 {} expired ({} development minutes), {} left",
                Hm(b.granted),
                Hm(b.worked),
                Hm(b.from_earlier_months),
                Hm(b.over_budget),
                Hm(b.expired),
                b.converted_development_minutes.normalize(),
                Hm(b.available_after)
            )?;
        }
        Ok(())
    }
}
