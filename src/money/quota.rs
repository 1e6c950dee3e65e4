//! Case quotas: a number of support cases per calendar period (Comarch Basic: 10 per quarter),
//! and what happens to the case after the last included one.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::invoice::Lines;
use super::{mul, non_negative, Invoice, LineDetail, Money, RoundingMode};
use crate::config::Invalid;
use crate::error::Error;
use crate::time::{local_date, PeriodUnit};

/// What the first case beyond the quota costs, as written: `"refuse"` or
/// `{"charge": {"price": "50.00 EUR"}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum OverageFields {
    /// Cases beyond the quota are not accepted. The default.
    #[default]
    Refuse,
    /// Cases beyond the quota are accepted and charged this price each.
    Charge {
        /// The price per extra case, such as `"50.00 EUR"`.
        price: String,
    },
}

/// What happens to cases beyond the quota.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum OveragePolicy {
    /// Cases beyond the quota are not accepted.
    Refuse,
    /// Cases beyond the quota are accepted at this price each.
    Charge {
        /// The price of one extra case.
        price: Money,
    },
}

/// A case quota as written, before it is checked: what [`CaseQuota`] reads and writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct CaseQuotaFields {
    /// Cases included per period.
    #[serde(with = "crate::config::count")]
    cases: u32,
    /// The period.
    per: PeriodUnit,
    /// What happens beyond the quota (default: refuse).
    #[serde(default)]
    overage: OverageFields,
}

crate::config::tracked_serde!(CaseQuotaFields);

/// A validated case quota: `{"cases": 10, "per": "quarter", "overage": "refuse"}` in
/// configuration (`overage` is `"refuse"`, the default, or `{"charge": {"price": "50.00
/// EUR"}}`). Deserializing validates: a price that is not money, or a negative one, is
/// refused with its path (`overage.charge.price`) and the value.
///
/// ```
/// use chrono::NaiveDate;
/// use slacalc::money::{CaseQuota, NextCase};
///
/// // Comarch Basic: 10 cases per quarter.
/// let quota: CaseQuota = serde_json::from_str(r#"{"cases": 10, "per": "quarter"}"#)?;
/// let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).ok_or("bad date");
/// let opened = [day(3, 30)?, day(4, 2)?, day(4, 9)?, day(5, 20)?];
/// let usage = quota.usage(&opened, day(5, 1)?)?;
/// assert_eq!((usage.used, usage.remaining), (2, 8)); // 30 March is last quarter, 20 May not yet
/// assert_eq!(usage.next, NextCase::Included);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CaseQuotaFields", into = "CaseQuotaFields")]
pub struct CaseQuota {
    cases: u32,
    per: PeriodUnit,
    overage: OveragePolicy,
}

/// Where a [`CaseQuota`] stands on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotaUsage {
    /// The first day of the period.
    #[serde(with = "crate::config::date")]
    pub period_start: NaiveDate,
    /// The first day of the next period.
    #[serde(with = "crate::config::date")]
    pub period_end: NaiveDate,
    /// Cases included per period.
    pub limit: u32,
    /// Cases opened in the period up to and including the day.
    pub used: u32,
    /// Included cases still available (`limit - used`, at least 0).
    pub remaining: u32,
    /// Cases beyond the limit so far (`used - limit`, at least 0).
    pub over_limit: u32,
    /// What those cases cost under a charging policy (`over_limit × price`); `None` when
    /// extra cases are refused.
    pub overage_charge: Option<Money>,
    /// What would happen to one more case opened on the day.
    pub next: NextCase,
}

/// What happens to the next case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum NextCase {
    /// It is within the quota.
    Included,
    /// It is beyond the quota and charged this price.
    Charged {
        /// The price of the case.
        price: Money,
    },
    /// It is beyond the quota and not accepted.
    Refused,
}

impl CaseQuota {
    /// Validates `spec`; error paths are relative to it (`overage.charge.price`).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] / [`Error::UnknownName`] for a malformed, unknown-currency or
    /// negative overage price.
    fn from_fields(spec: CaseQuotaFields) -> Result<CaseQuota, Error> {
        let overage = match spec.overage {
            OverageFields::Refuse => OveragePolicy::Refuse,
            OverageFields::Charge { price } => {
                let path = "overage.charge.price";
                let price: Money = price.parse().map_err(|e: Error| e.at(path))?;
                non_negative(price.amount, path, "price")?;
                OveragePolicy::Charge { price }
            }
        };
        Ok(CaseQuota {
            cases: spec.cases,
            per: spec.per,
            overage,
        })
    }

    /// Cases included per period.
    pub fn cases(&self) -> u32 {
        self.cases
    }

    /// The period.
    pub fn period(&self) -> PeriodUnit {
        self.per
    }

    /// The overage policy.
    pub fn overage(&self) -> OveragePolicy {
        self.overage
    }

    /// The quota's state on `on`, counting the cases in `opened` (dates when cases were opened,
    /// in any order) that fall in `on`'s period no later than `on`. Cases after `on` are not
    /// counted: the answer is "as of that day".
    ///
    /// # Errors
    /// [`Error::OutOfRange`] for a date in the last representable period;
    /// [`Error::ArithmeticOverflow`] if the count or the charge overflows.
    pub fn usage(&self, opened: &[NaiveDate], on: NaiveDate) -> Result<QuotaUsage, Error> {
        let period = self.per.containing(on)?;
        let count = opened
            .iter()
            .filter(|d| period.contains(**d) && **d <= on)
            .count();
        let overflow = || Error::ArithmeticOverflow {
            path: "CaseQuota::usage".to_owned(),
        };
        let used = u32::try_from(count).map_err(|_| overflow())?;
        let over_limit = used.saturating_sub(self.cases);
        let overage_charge = match self.overage {
            OveragePolicy::Refuse => None,
            OveragePolicy::Charge { price } => Some(
                price
                    .checked_mul(over_limit.into())
                    .map_err(|_| overflow())?,
            ),
        };
        let next = if used < self.cases {
            NextCase::Included
        } else {
            match self.overage {
                OveragePolicy::Refuse => NextCase::Refused,
                OveragePolicy::Charge { price } => NextCase::Charged { price },
            }
        };
        Ok(QuotaUsage {
            period_start: period.from(),
            period_end: period.to(),
            limit: self.cases,
            used,
            remaining: self.cases.saturating_sub(used),
            over_limit,
            overage_charge,
            next,
        })
    }

    /// [`usage`](CaseQuota::usage) for instants: each instant (and `at`) is read as a date in
    /// `tz`, the zone whose calendar the periods follow.
    ///
    /// # Errors
    /// As [`usage`](CaseQuota::usage).
    pub fn usage_at(
        &self,
        opened: &[DateTime<Utc>],
        at: DateTime<Utc>,
        tz: Tz,
    ) -> Result<QuotaUsage, Error> {
        let date = |t: DateTime<Utc>| local_date(&tz, t, "CaseQuota::usage_at");
        let dates = opened
            .iter()
            .filter(|t| **t <= at)
            .map(|t| date(*t))
            .collect::<Result<Vec<NaiveDate>, Error>>()?;
        self.usage(&dates, date(at)?)
    }

    /// The charge for `cases` opened beyond the allowance, as an [`Invoice`] with one
    /// [`LineDetail::CaseOverage`] line (path `overage.charge.price`), rounded once with
    /// `rounding`; `None` when the quota refuses extra cases or `cases` is 0.
    ///
    /// ```
    /// use slacalc::Money;
    /// use slacalc::money::{CaseQuota, RoundingMode};
    ///
    /// let quota: CaseQuota = serde_json::from_str(
    ///     r#"{"cases": 5, "per": "month", "overage": {"charge": {"price": "120.00 EUR"}}}"#)?;
    /// let invoice = quota.overage_invoice(2, RoundingMode::HalfUp)?.ok_or("no charge")?;
    /// assert_eq!(invoice.total, "240.00 EUR".parse::<Money>()?);
    /// assert_eq!(invoice.lines[0].detail.to_string(), "2 × 120.00 (cases beyond the 5 included)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::ArithmeticOverflow`] if the charge overflows.
    pub fn overage_invoice(
        &self,
        cases: u32,
        rounding: RoundingMode,
    ) -> Result<Option<Invoice>, Error> {
        let price = match self.overage {
            OveragePolicy::Charge { price } if cases > 0 => price,
            _ => return Ok(None),
        };
        let path = "overage.charge.price";
        let mut lines = Lines::default();
        lines.push(
            path.to_owned(),
            LineDetail::CaseOverage {
                cases,
                limit: self.cases,
                price: price.amount,
            },
            mul(price.amount, cases.into(), path)?,
        )?;
        lines.finish(price.currency, rounding, path).map(Some)
    }
}

impl TryFrom<CaseQuotaFields> for CaseQuota {
    type Error = Invalid;

    fn try_from(fields: CaseQuotaFields) -> Result<Self, Invalid> {
        Ok(CaseQuota::from_fields(fields)?)
    }
}

impl From<CaseQuota> for CaseQuotaFields {
    fn from(q: CaseQuota) -> Self {
        CaseQuotaFields {
            cases: q.cases,
            per: q.per,
            overage: match q.overage {
                OveragePolicy::Refuse => OverageFields::Refuse,
                OveragePolicy::Charge { price } => OverageFields::Charge {
                    price: price.to_string(),
                },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date as day;
    use chrono::TimeZone;
    use rust_decimal::Decimal;

    #[test]
    fn a_quota_counts_in_the_period_of_its_day() {
        let quota: CaseQuota = serde_json::from_str(r#"{"cases":1,"per":"year"}"#).unwrap();
        let u = quota.usage(&[day(2023, 12, 31)], day(2024, 2, 29)).unwrap();
        assert_eq!(
            (u.period_start, u.period_end, u.used),
            (day(2024, 1, 1), day(2025, 1, 1), 0)
        );
        assert_eq!(
            quota.usage(&[], NaiveDate::MAX).unwrap_err().to_string(),
            "PeriodUnit::containing `+262142-12-31`: result out of the representable range of instants"
        );
    }

    #[test]
    fn comarch_basic_refuses_the_eleventh_case() {
        let quota: CaseQuota =
            serde_json::from_str(r#"{"cases":10,"per":"quarter","overage":"refuse"}"#).unwrap();
        let opened: Vec<NaiveDate> = (1..=10).map(|d| day(2024, 7, d)).collect();
        let u = quota.usage(&opened, day(2024, 9, 30)).unwrap();
        assert_eq!((u.used, u.remaining, u.over_limit), (10, 0, 0));
        assert_eq!(u.next, NextCase::Refused);
        assert_eq!(u.overage_charge, None);
        // The next quarter starts afresh.
        let u = quota.usage(&opened, day(2024, 10, 1)).unwrap();
        assert_eq!((u.used, u.remaining), (0, 10));
        assert_eq!(u.next, NextCase::Included);
    }

    #[test]
    fn charged_overage() {
        let quota: CaseQuota = serde_json::from_str(
            r#"{"cases":2,"per":"month","overage":{"charge":{"price":"75.50 EUR"}}}"#,
        )
        .unwrap();
        let opened = [
            day(2024, 2, 1),
            day(2024, 2, 2),
            day(2024, 2, 3),
            day(2024, 2, 29),
        ];
        let u = quota.usage(&opened, day(2024, 2, 29)).unwrap();
        assert_eq!((u.used, u.over_limit), (4, 2));
        assert_eq!(u.overage_charge.unwrap().amount, Decimal::new(15100, 2));
        assert_eq!(
            u.next,
            NextCase::Charged {
                price: "75.50 EUR".parse().unwrap()
            }
        );
        let back = serde_json::to_string(&quota).unwrap();
        assert_eq!(
            back,
            r#"{"cases":2,"per":"month","overage":{"charge":{"price":"75.50 EUR"}}}"#
        );
    }

    #[test]
    fn instants_are_read_in_the_zone() {
        let quota: CaseQuota = serde_json::from_str(r#"{"cases":1,"per":"quarter"}"#).unwrap();
        // 23:30 UTC on 31 March is 01:30 on 1 April in Berlin (CEST): next quarter there.
        let opened = [Utc.with_ymd_and_hms(2024, 3, 31, 23, 30, 0).unwrap()];
        let at = Utc.with_ymd_and_hms(2024, 4, 2, 9, 0, 0).unwrap();
        let berlin = quota
            .usage_at(&opened, at, chrono_tz::Europe::Berlin)
            .unwrap();
        assert_eq!(berlin.used, 1);
        let utc = quota.usage_at(&opened, at, chrono_tz::UTC).unwrap();
        assert_eq!(utc.used, 0);
    }

    #[test]
    fn bad_overage_price() {
        let spec: CaseQuotaFields = serde_json::from_str(
            r#"{"cases":2,"per":"month","overage":{"charge":{"price":"-1 EUR"}}}"#,
        )
        .unwrap();
        assert_eq!(
            CaseQuota::from_fields(spec)
                .map_err(|e| e.at("plans.basic.quota"))
                .unwrap_err()
                .to_string(),
            "plans.basic.quota.overage.charge.price: invalid value `-1`: expected a non-negative price"
        );
    }
}
