//! Service credits: a percentage of the monthly fee by achieved availability, amounts per
//! breached incident by severity, and a monthly cap.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::currency::expect_currency;
use super::invoice::Lines;
use super::{config_amount, mul, non_negative, percent_of, sub};
use super::{Currency, Invoice, LineDetail, Money, RoundingMode};
use crate::config::Invalid;
use crate::error::Error;

/// A credit policy as written, before it is checked: what [`CreditPolicy`] reads and writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct CreditPolicyFields {
    /// The ISO 4217 code of every amount.
    currency: String,
    /// How the final credit is rounded (default `half_up`).
    #[serde(default)]
    rounding: RoundingMode,
    /// Availability tiers, from the highest threshold to the lowest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    availability: Vec<TierFields>,
    /// Credit per breached incident, by severity key, as [`Money`] strings.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    per_breach: BTreeMap<String, String>,
    /// The most that can be credited in a month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cap: Option<CapFields>,
}

crate::config::tracked_serde!(CreditPolicyFields);

/// One availability tier as written: `{"below": "99", "percent_of_fee": "5"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TierFields {
    /// The threshold in percent (exclusive: exactly `below` does not qualify).
    #[serde(with = "crate::money::decimal_str")]
    below: Decimal,
    /// The credit in percent of the monthly fee.
    #[serde(with = "crate::money::decimal_str")]
    percent_of_fee: Decimal,
}

/// The monthly cap as written: `{"amount": "500.00 EUR"}` or `{"percent_of_fee": "25"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum CapFields {
    /// A fixed amount, a [`Money`] string.
    Amount(String),
    /// A percentage of the monthly fee.
    PercentOfFee(#[serde(with = "crate::money::decimal_str")] Decimal),
}

/// A validated credit policy. In configuration (every part but `currency` optional):
///
/// ```
/// use slacalc::money::CreditPolicy;
///
/// let policy: CreditPolicy = serde_json::from_str(r#"
/// {
///   "currency": "EUR",
///   "availability": [ {"below": "99", "percent_of_fee": "5"},
///                     {"below": "98", "percent_of_fee": "10"} ],
///   "per_breach": {"critical": "200.00 EUR", "high": "50.00 EUR"},
///   "cap": {"percent_of_fee": "25"}
/// }
/// "#)?;
/// assert_eq!(policy.breach_credits().len(), 2);
/// assert!(policy.has_availability_tiers());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// One availability tier: below `below` percent availability, credit `percent_of_fee`
/// percent of the monthly fee; tiers are listed from the highest threshold to the lowest and
/// do not add up (the lowest threshold the availability is below decides). `per_breach`
/// gives the credit per breached incident by severity key; `cap` is the most credited in a
/// month, `{"amount": "500.00 EUR"}` or `{"percent_of_fee": "25"}`; `rounding` defaults to
/// `half_up`. Deserializing validates, naming the field and the value of what it refuses.
///
/// # Example: 98.5 % availability and two breached critical incidents
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::Money;
/// use slacalc::money::{CreditInputs, CreditPolicy};
///
/// let policy: CreditPolicy = serde_json::from_str(r#"{
///   "currency": "EUR",
///   "availability": [ {"below": "99", "percent_of_fee": "5"},
///                     {"below": "98", "percent_of_fee": "10"} ],
///   "per_breach": {"critical": "200.00 EUR"},
///   "cap": {"percent_of_fee": "25"}
/// }"#)?;
/// let inputs = CreditInputs::new("4000.00 EUR".parse::<Money>()?)
///     .with_availability("98.5".parse::<Decimal>()?)
///     .with_breaches("critical", 2);
/// let credit = policy.invoice(&inputs)?;
/// // 5 % of 4,000 = 200, plus 2 × 200 = 600; the cap of 25 % is 1,000.
/// assert_eq!(credit.total, "600.00 EUR".parse::<Money>()?);
/// assert_eq!(credit.lines.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CreditPolicyFields", into = "CreditPolicyFields")]
pub struct CreditPolicy {
    currency: Currency,
    rounding: RoundingMode,
    /// Sorted by `below`, highest first.
    tiers: Vec<Tier>,
    per_breach: BTreeMap<String, Decimal>,
    cap: Option<Cap>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Tier {
    below: Decimal,
    percent: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cap {
    Amount(Decimal),
    PercentOfFee(Decimal),
}

/// What a [`CreditPolicy`] is evaluated on for one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct CreditInputs {
    /// The month's fee the percentages refer to.
    pub monthly_fee: Money,
    /// Achieved availability in percent (0 to 100), if measured.
    #[serde(default, with = "crate::money::decimal_str::option")]
    pub availability: Option<Decimal>,
    /// Breached incidents by severity key.
    #[serde(default, deserialize_with = "crate::config::unique_keys")]
    pub breaches: BTreeMap<String, u32>,
}

crate::config::tracked_serde!(CreditInputs);

impl CreditInputs {
    /// Inputs with a monthly fee, no availability figure and no breaches.
    pub fn new(monthly_fee: Money) -> CreditInputs {
        CreditInputs {
            monthly_fee,
            availability: None,
            breaches: BTreeMap::new(),
        }
    }

    /// These inputs with the achieved availability, in percent.
    pub fn with_availability(mut self, percent: Decimal) -> CreditInputs {
        self.availability = Some(percent);
        self
    }

    /// These inputs with `count` breached incidents of `severity` (replacing an earlier count).
    pub fn with_breaches(mut self, severity: impl Into<String>, count: u32) -> CreditInputs {
        self.breaches.insert(severity.into(), count);
        self
    }
}

impl CreditPolicy {
    /// Validates `spec`; error paths and the paths of invoice lines are relative to it
    /// (`availability[1]`, `cap.amount`).
    ///
    /// # Errors
    /// * [`Error::InvalidValue`] / [`Error::UnknownName`] for a bad currency code or amount, a
    ///   negative amount or percentage, a threshold outside `(0, 100]`, tiers not listed from
    ///   the highest threshold to the lowest (or repeated), and a lower tier that credits less
    ///   than a higher one;
    /// * [`Error::CurrencyMismatch`] for an amount in another currency.
    fn from_fields(spec: CreditPolicyFields) -> Result<CreditPolicy, Error> {
        let currency = Currency::new(&spec.currency).map_err(|e| e.at("currency"))?;
        let mut tiers: Vec<Tier> = Vec::with_capacity(spec.availability.len());
        for (i, t) in spec.availability.iter().enumerate() {
            let at = format!("availability[{i}]");
            if t.below <= Decimal::ZERO || t.below > Decimal::ONE_HUNDRED {
                return Err(Error::InvalidValue {
                    path: format!("{at}.below"),
                    value: t.below.to_string(),
                    expected: "a percentage above 0 and at most 100".to_owned(),
                });
            }
            non_negative(
                t.percent_of_fee,
                &format!("{at}.percent_of_fee"),
                "percentage",
            )?;
            if let Some(prev) = tiers.last() {
                if t.below >= prev.below {
                    return Err(Error::InvalidValue {
                        path: format!("{at}.below"),
                        value: t.below.to_string(),
                        expected: format!(
                            "a threshold below the previous tier's {}: list tiers from the highest threshold to the lowest",
                            prev.below
                        ),
                    });
                }
                if t.percent_of_fee < prev.percent {
                    return Err(Error::InvalidValue {
                        path: format!("{at}.percent_of_fee"),
                        value: t.percent_of_fee.to_string(),
                        expected: format!(
                            "at least the previous tier's {}: worse availability must not earn a smaller credit",
                            prev.percent
                        ),
                    });
                }
            }
            tiers.push(Tier {
                below: t.below,
                percent: t.percent_of_fee,
            });
        }
        let mut per_breach = BTreeMap::new();
        for (severity, s) in &spec.per_breach {
            let path = format!("per_breach.{severity}");
            per_breach.insert(severity.clone(), config_amount(s, &path, currency)?);
        }
        let cap = match &spec.cap {
            None => None,
            Some(CapFields::Amount(s)) => {
                Some(Cap::Amount(config_amount(s, "cap.amount", currency)?))
            }
            Some(CapFields::PercentOfFee(p)) => Some(Cap::PercentOfFee(non_negative(
                *p,
                "cap.percent_of_fee",
                "percentage",
            )?)),
        };
        Ok(CreditPolicy {
            currency,
            rounding: spec.rounding,
            tiers,
            per_breach,
            cap,
        })
    }

    /// The policy's currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The credit per breached incident, by severity key (empty when the policy credits no
    /// breaches).
    pub fn breach_credits(&self) -> &BTreeMap<String, Decimal> {
        &self.per_breach
    }

    /// Whether the policy has availability tiers (and so needs a measured availability).
    pub fn has_availability_tiers(&self) -> bool {
        !self.tiers.is_empty()
    }

    /// Whether an amount of the policy is a percentage of the monthly fee (an availability
    /// tier or a percentage cap), so that the fee must be known.
    pub fn refers_to_fee(&self) -> bool {
        self.has_availability_tiers() || matches!(self.cap, Some(Cap::PercentOfFee(_)))
    }

    /// Computes the month's credit: the availability tier (if availability was measured and is
    /// below a threshold), plus the per-breach credits, lowered to the cap; exact line by line,
    /// then rounded once (see [`Invoice`]). The invoice's `total` is the amount credited.
    ///
    /// # Errors
    /// * [`Error::CurrencyMismatch`] (path `inputs.monthly_fee`) for a fee in another currency;
    /// * [`Error::InvalidValue`] for a negative fee or an availability outside 0–100;
    /// * [`Error::UnknownName`] (path `inputs.breaches`) for a severity with no per-breach
    ///   credit, listing the configured ones;
    /// * [`Error::ArithmeticOverflow`] if an amount exceeds the decimal range.
    pub fn invoice(&self, inputs: &CreditInputs) -> Result<Invoice, Error> {
        let fee_path = "inputs.monthly_fee";
        expect_currency(self.currency, inputs.monthly_fee.currency, fee_path)?;
        let fee = non_negative(inputs.monthly_fee.amount, fee_path, "amount")?;
        let mut out = Lines::default();
        if let Some(availability) = inputs.availability {
            if availability < Decimal::ZERO || availability > Decimal::ONE_HUNDRED {
                return Err(Error::InvalidValue {
                    path: "inputs.availability".to_owned(),
                    value: availability.to_string(),
                    expected: "a percentage from 0 to 100".to_owned(),
                });
            }
            // Tiers are sorted highest threshold first: the last one that applies wins.
            let tier = self
                .tiers
                .iter()
                .enumerate()
                .rev()
                .find(|(_, t)| availability < t.below);
            if let Some((i, t)) = tier {
                let path = format!("availability[{i}]");
                let amount = percent_of(fee, t.percent, &path)?;
                out.push(
                    path,
                    LineDetail::AvailabilityCredit {
                        availability,
                        below: t.below,
                        percent: t.percent,
                        monthly_fee: fee,
                    },
                    amount,
                )?;
            }
        }
        for (severity, &count) in &inputs.breaches {
            let per_breach = *self
                .per_breach
                .get(severity)
                .ok_or_else(|| Error::UnknownName {
                    path: "inputs.breaches".to_owned(),
                    kind: "severity".to_owned(),
                    name: severity.clone(),
                    known: self.per_breach.keys().cloned().collect(),
                })?;
            if count == 0 {
                continue;
            }
            let path = format!("per_breach.{severity}");
            let amount = mul(per_breach, count.into(), &path)?;
            out.push(
                path,
                LineDetail::BreachCredit {
                    severity: severity.clone(),
                    count,
                    per_breach,
                },
                amount,
            )?;
        }
        if let Some(cap) = self.cap {
            let path = "cap".to_owned();
            let maximum = match cap {
                Cap::Amount(a) => a,
                Cap::PercentOfFee(p) => percent_of(fee, p, &path)?,
            };
            let before = out.sum;
            if before > maximum {
                let lower = sub(maximum, before, &path)?;
                out.push(path, LineDetail::Maximum { before, maximum }, lower)?;
            }
        }
        out.finish(self.currency, self.rounding, "")
    }
}

impl TryFrom<CreditPolicyFields> for CreditPolicy {
    type Error = Invalid;

    fn try_from(fields: CreditPolicyFields) -> Result<Self, Invalid> {
        Ok(CreditPolicy::from_fields(fields)?)
    }
}

impl From<CreditPolicy> for CreditPolicyFields {
    fn from(p: CreditPolicy) -> Self {
        let money = |a: Decimal| Money::new(a, p.currency).to_string();
        CreditPolicyFields {
            currency: p.currency.code().to_owned(),
            rounding: p.rounding,
            availability: p
                .tiers
                .iter()
                .map(|t| TierFields {
                    below: t.below,
                    percent_of_fee: t.percent,
                })
                .collect(),
            per_breach: p
                .per_breach
                .iter()
                .map(|(k, v)| (k.clone(), money(*v)))
                .collect(),
            cap: p.cap.map(|c| match c {
                Cap::Amount(a) => CapFields::Amount(money(a)),
                Cap::PercentOfFee(x) => CapFields::PercentOfFee(x),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = r#"{"currency":"EUR","availability":[{"below":"99","percent_of_fee":"5"},{"below":"98","percent_of_fee":"10"}],"per_breach":{"critical":"150.00 EUR","high":"50.00 EUR"},"cap":{"amount":"500.00 EUR"}}"#;

    use crate::testing::d;

    fn policy() -> CreditPolicy {
        CreditPolicy::from_fields(serde_json::from_str::<CreditPolicyFields>(POLICY).unwrap())
            .unwrap()
    }

    fn fee() -> CreditInputs {
        CreditInputs::new("2000.00 EUR".parse().unwrap())
    }

    #[test]
    fn tiers_pick_the_lowest_threshold_passed() {
        let p = policy();
        let credit = |a: &str| {
            p.invoice(&fee().with_availability(d(a)))
                .unwrap()
                .total
                .amount
        };
        assert_eq!(credit("99.5"), d("0"));
        assert_eq!(credit("99"), d("0")); // thresholds are exclusive
        assert_eq!(credit("98.99"), d("100"));
        assert_eq!(credit("98"), d("100"));
        assert_eq!(credit("97.9"), d("200"));
        assert_eq!(credit("0"), d("200"));
        assert_eq!(p.invoice(&fee()).unwrap().total.amount, d("0"));
    }

    #[test]
    fn breaches_and_cap() {
        let p = policy();
        let inv = p
            .invoice(
                &fee()
                    .with_availability(d("97"))
                    .with_breaches("critical", 2)
                    .with_breaches("high", 0),
            )
            .unwrap();
        // 200 + 300 = 500: exactly the cap, no cap line.
        assert_eq!(inv.lines.len(), 2);
        assert_eq!(inv.total.amount, d("500"));
        let inv = p
            .invoice(
                &fee()
                    .with_availability(d("97"))
                    .with_breaches("critical", 3),
            )
            .unwrap();
        assert_eq!(inv.lines.len(), 3);
        assert_eq!(inv.lines[2].path, "cap");
        assert_eq!(inv.lines[2].amount, d("-150"));
        assert_eq!(inv.total.amount, d("500"));
        let text = inv.to_string();
        assert!(
            text.contains("3 × 150.00 (breached `critical` incidents)"),
            "{text}"
        );
        let one = p.invoice(&fee().with_breaches("high", 1)).unwrap();
        assert_eq!(
            one.lines[0].detail.to_string(),
            "1 × 50.00 (breached `high` incident)"
        );
    }

    #[test]
    fn percentage_cap() {
        let spec = r#"{"currency":"EUR","rounding":"floor","per_breach":{"p1":"100 EUR"},"cap":{"percent_of_fee":"12.5"}}"#;
        let p: CreditPolicy = serde_json::from_str(spec).unwrap();
        let inv = p
            .invoice(&CreditInputs::new("999.99 EUR".parse().unwrap()).with_breaches("p1", 5))
            .unwrap();
        // 12.5 % of 999.99 = 124.99875, floored once at the end.
        assert_eq!(inv.subtotal, d("124.99875"));
        assert_eq!(inv.total.amount, d("124.99"));
        assert_eq!(serde_json::to_string(&p).unwrap(), spec);
    }

    #[test]
    fn input_errors() {
        let p = policy();
        assert_eq!(
            p.invoice(&fee().with_breaches("minor", 1))
                .unwrap_err()
                .to_string(),
            "inputs.breaches: unknown severity `minor`: expected one of critical, high"
        );
        assert_eq!(
            p.invoice(&fee().with_availability(d("100.1")))
                .unwrap_err()
                .to_string(),
            "inputs.availability: invalid value `100.1`: expected a percentage from 0 to 100"
        );
        assert_eq!(
            p.invoice(&CreditInputs::new("1 USD".parse().unwrap()))
                .unwrap_err()
                .to_string(),
            "inputs.monthly_fee: currency mismatch: expected EUR, found USD"
        );
    }

    #[test]
    fn spec_errors() {
        let err = |json: &str| {
            CreditPolicy::from_fields(serde_json::from_str::<CreditPolicyFields>(json).unwrap())
                .map_err(|e: crate::error::Error| e.at("credits"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(r#"{"currency":"EUR","availability":[{"below":"98","percent_of_fee":"10"},{"below":"99","percent_of_fee":"5"}]}"#),
            "credits.availability[1].below: invalid value `99`: expected a threshold below the previous tier's 98: list tiers from the highest threshold to the lowest"
        );
        assert_eq!(
            err(r#"{"currency":"EUR","availability":[{"below":"99","percent_of_fee":"10"},{"below":"98","percent_of_fee":"5"}]}"#),
            "credits.availability[1].percent_of_fee: invalid value `5`: expected at least the previous tier's 10: worse availability must not earn a smaller credit"
        );
        assert_eq!(
            err(r#"{"currency":"EUR","availability":[{"below":"101","percent_of_fee":"10"}]}"#),
            "credits.availability[0].below: invalid value `101`: expected a percentage above 0 and at most 100"
        );
        assert_eq!(
            err(r#"{"currency":"EUR","availability":[{"below":"99","percent_of_fee":"-1"}]}"#),
            "credits.availability[0].percent_of_fee: invalid value `-1`: expected a non-negative percentage"
        );
        assert_eq!(
            err(r#"{"currency":"EUR","per_breach":{"critical":"10 GBP"}}"#),
            "credits.per_breach.critical: currency mismatch: expected EUR, found GBP"
        );
        assert_eq!(
            err(r#"{"currency":"EUR","cap":{"amount":"-5 EUR"}}"#),
            "credits.cap.amount: invalid value `-5`: expected a non-negative amount"
        );
        assert_eq!(
            err(r#"{"currency":"EUR","cap":{"percent_of_fee":"-5"}}"#),
            "credits.cap.percent_of_fee: invalid value `-5`: expected a non-negative percentage"
        );
    }
}
