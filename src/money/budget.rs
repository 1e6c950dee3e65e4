//! Hour budgets: a monthly allotment of maintenance time, consumed oldest first, carried over
//! for a number of months, then forfeited or converted into development time (CIIT: "unused
//! maintenance resources can be converted into development resources").
//!
//! Time is counted in whole minutes (`u32`), so every figure is exact; configured hours are
//! decimal strings that must come to whole minutes (`"7.5"` is 450 minutes).

use std::collections::VecDeque;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{mul, non_negative};
use crate::config::Invalid;
use crate::error::Error;
use crate::time::Hm;

/// What happens to maintenance minutes that reach the end of their carry-over without being
/// used. Configuration: `"forfeit"` or `{"convert_to_development": {"ratio": "0.5"}}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ExpiryPolicy {
    /// They are lost. The default.
    #[default]
    Forfeit,
    /// They become development time: each expiring maintenance minute is worth `ratio`
    /// development minutes (`"0.5"`: two maintenance hours make one development hour).
    ConvertToDevelopment {
        /// Development minutes per maintenance minute, a decimal string.
        #[serde(with = "crate::money::decimal_str")]
        ratio: Decimal,
    },
}

/// An hour budget as written, before it is checked: what [`HourBudget`] reads and writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct HourBudgetFields {
    /// Maintenance hours granted each month, a decimal string in whole minutes (`"7.5"`).
    #[serde(with = "crate::money::decimal_str")]
    monthly_hours: Decimal,
    /// For how many months after the month of the grant unused minutes stay usable
    /// (0: they expire at the end of the month they were granted in).
    #[serde(default, with = "crate::config::count")]
    carry_over_months: u32,
    /// What happens to minutes that expire unused (default: forfeit).
    #[serde(default)]
    on_expiry: ExpiryPolicy,
}

crate::config::tracked_serde!(HourBudgetFields);

/// A validated hour budget. In configuration:
///
/// ```
/// use slacalc::money::HourBudget;
///
/// let budget: HourBudget = serde_json::from_str(r#"
/// {"monthly_hours": "20", "carry_over_months": 2,
///  "on_expiry": {"convert_to_development": {"ratio": "0.5"}}}
/// "#)?;
/// assert_eq!(budget.monthly_minutes(), 20 * 60);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// `monthly_hours` is a decimal string that comes to whole minutes (`"7.5"`), at most
/// [`MAX_MONTHLY_HOURS`]; `carry_over_months` defaults to 0 and `on_expiry` to `"forfeit"`.
/// Deserializing validates, naming the field and the value of what it refuses.
///
/// # Example: 10 hours a month, one month of carry-over, conversion at 0.5
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::money::HourBudget;
///
/// let budget: HourBudget = serde_json::from_str(r#"{
///   "monthly_hours": "10", "carry_over_months": 1,
///   "on_expiry": {"convert_to_development": {"ratio": "0.5"}}
/// }"#)?;
/// // Minutes worked in three consecutive months.
/// let ledger = budget.ledger(&[240, 900, 0])?;
/// // Month 0: 4 h worked, 6 h carried. Month 1: 15 h worked, 6 h of them from month 0.
/// assert_eq!(ledger.months[1].from_earlier_months, 360);
/// assert_eq!(ledger.months[1].over_budget, 0);
/// // Month 2: nothing worked; the 1 h left of month 1 expires and becomes 30 min development.
/// assert_eq!(ledger.months[2].expired, 60);
/// assert_eq!(ledger.total_development_minutes, Decimal::from(30));
/// assert_eq!(ledger.available_at_end, 600);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "HourBudgetFields", into = "HourBudgetFields")]
pub struct HourBudget {
    /// As configured, kept so that serializing gives back the same string.
    monthly_hours: Decimal,
    monthly_minutes: u32,
    carry_over_months: u32,
    on_expiry: ExpiryPolicy,
}

/// One month of a [`BudgetLedger`]. All times are minutes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetMonth {
    /// The month's index in the input (0 is the first month).
    pub month: usize,
    /// Minutes granted this month.
    pub granted: u32,
    /// Minutes worked this month.
    pub worked: u32,
    /// The part of `worked` covered by minutes granted in earlier months (used first).
    pub from_earlier_months: u32,
    /// The part of `worked` that no budget covered (billable separately).
    pub over_budget: u32,
    /// Unused minutes that expired at the end of this month.
    pub expired: u32,
    /// Development minutes the expired minutes were converted into (0 when forfeited).
    #[serde(with = "crate::money::decimal_str")]
    pub converted_development_minutes: Decimal,
    /// Minutes still usable after this month.
    pub available_after: u32,
}

/// The month-by-month account of an [`HourBudget`]. `Display` prints it as a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLedger {
    /// One entry per month of input.
    pub months: Vec<BudgetMonth>,
    /// Sum of `over_budget`.
    pub total_over_budget: u32,
    /// Sum of `expired`.
    pub total_expired: u32,
    /// Sum of `converted_development_minutes`.
    #[serde(with = "crate::money::decimal_str")]
    pub total_development_minutes: Decimal,
    /// Minutes still usable after the last month.
    pub available_at_end: u32,
}

/// The largest `monthly_hours` a budget may grant: 100,000 hours (6,000,000 minutes) a month,
/// the work of some 600 full-time engineers. Within it, the minutes granted, carried over and
/// expired over a [`HourBudget::ledger`] of up to 700 months (58 years) fit its `u32` minute
/// totals whatever the carry-over, so a budget that loads can be run; larger grants are
/// refused at load. (Minutes *worked* are the caller's input: their totals are checked.)
pub const MAX_MONTHLY_HOURS: u32 = 100_000;

impl HourBudget {
    /// Validates `spec`; error paths are relative to it (`monthly_hours`).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] if `monthly_hours` is negative, not a whole number of minutes or
    /// above [`MAX_MONTHLY_HOURS`], or a conversion ratio is negative.
    fn from_fields(spec: HourBudgetFields) -> Result<HourBudget, Error> {
        let path = "monthly_hours".to_owned();
        let bad = || Error::InvalidValue {
            path: path.clone(),
            value: spec.monthly_hours.to_string(),
            expected: format!(
                "a number of hours from 0 to {MAX_MONTHLY_HOURS} that comes to whole minutes, \
                 such as \"7.5\""
            ),
        };
        let minutes = spec
            .monthly_hours
            .checked_mul(Decimal::from(60))
            .ok_or_else(bad)?;
        if minutes.is_sign_negative()
            || !minutes.fract().is_zero()
            || spec.monthly_hours > Decimal::from(MAX_MONTHLY_HOURS)
        {
            return Err(bad());
        }
        let monthly_minutes = u32::try_from(minutes).map_err(|_| bad())?;
        if let ExpiryPolicy::ConvertToDevelopment { ratio } = spec.on_expiry {
            non_negative(ratio, "on_expiry.convert_to_development.ratio", "ratio")?;
        }
        Ok(HourBudget {
            monthly_hours: spec.monthly_hours,
            monthly_minutes,
            carry_over_months: spec.carry_over_months,
            on_expiry: spec.on_expiry,
        })
    }

    /// Minutes granted each month.
    pub fn monthly_minutes(&self) -> u32 {
        self.monthly_minutes
    }

    /// Development minutes worth `maintenance_minutes` under this budget's conversion ratio
    /// (0 when the budget forfeits).
    ///
    /// # Errors
    /// [`Error::ArithmeticOverflow`] if the product does not fit.
    pub fn convert(&self, maintenance_minutes: u32) -> Result<Decimal, Error> {
        match self.on_expiry {
            ExpiryPolicy::ConvertToDevelopment { ratio } => mul(
                Decimal::from(maintenance_minutes),
                ratio,
                "HourBudget::convert",
            ),
            ExpiryPolicy::Forfeit => Ok(Decimal::ZERO),
        }
    }

    /// Runs the budget over consecutive months: `worked[i]` is the minutes worked in month `i`.
    ///
    /// Each month grants `monthly_minutes`. Work is paid for with the oldest minutes still
    /// usable first; what no minutes cover is `over_budget`. At the end of month `m`, minutes
    /// granted in month `m - carry_over_months` (or earlier) that are still unused expire and
    /// are forfeited or converted.
    ///
    /// # Errors
    /// [`Error::ArithmeticOverflow`] (path `HourBudget::ledger`) if a total exceeds `u32`
    /// minutes or a conversion overflows.
    pub fn ledger(&self, worked: &[u32]) -> Result<BudgetLedger, Error> {
        const OP: &str = "HourBudget::ledger";
        let overflow = || Error::ArithmeticOverflow {
            path: OP.to_owned(),
        };
        let carry_over = usize::try_from(self.carry_over_months).unwrap_or(usize::MAX);
        // Unused grants, oldest first: (month granted, minutes left).
        let mut lots: VecDeque<(usize, u32)> = VecDeque::new();
        let mut ledger = BudgetLedger {
            months: Vec::with_capacity(worked.len()),
            total_over_budget: 0,
            total_expired: 0,
            total_development_minutes: Decimal::ZERO,
            available_at_end: 0,
        };
        for (month, &work) in worked.iter().enumerate() {
            lots.push_back((month, self.monthly_minutes));
            let mut due = work;
            let mut from_earlier_months = 0u32;
            for (granted_in, left) in lots.iter_mut() {
                if due == 0 {
                    break;
                }
                let take = due.min(*left);
                *left -= take; // take <= left
                due -= take; // take <= due
                if *granted_in < month {
                    from_earlier_months =
                        from_earlier_months.checked_add(take).ok_or_else(overflow)?;
                }
            }
            lots.retain(|(_, left)| *left > 0);
            let mut expired = 0u32;
            while let Some(&(granted_in, left)) = lots.front() {
                if month.saturating_sub(granted_in) < carry_over {
                    break;
                }
                expired = expired.checked_add(left).ok_or_else(overflow)?;
                lots.pop_front();
            }
            let converted = self.convert(expired)?;
            let mut available_after = 0u32;
            for (_, left) in &lots {
                available_after = available_after.checked_add(*left).ok_or_else(overflow)?;
            }
            ledger.total_over_budget = ledger
                .total_over_budget
                .checked_add(due)
                .ok_or_else(overflow)?;
            ledger.total_expired = ledger
                .total_expired
                .checked_add(expired)
                .ok_or_else(overflow)?;
            ledger.total_development_minutes =
                super::add(ledger.total_development_minutes, converted, OP)?;
            ledger.available_at_end = available_after;
            ledger.months.push(BudgetMonth {
                month,
                granted: self.monthly_minutes,
                worked: work,
                from_earlier_months,
                over_budget: due,
                expired,
                converted_development_minutes: converted,
                available_after,
            });
        }
        Ok(ledger)
    }
}

impl TryFrom<HourBudgetFields> for HourBudget {
    type Error = Invalid;

    fn try_from(fields: HourBudgetFields) -> Result<Self, Invalid> {
        Ok(HourBudget::from_fields(fields)?)
    }
}

impl From<HourBudget> for HourBudgetFields {
    fn from(b: HourBudget) -> Self {
        HourBudgetFields {
            monthly_hours: b.monthly_hours,
            carry_over_months: b.carry_over_months,
            on_expiry: b.on_expiry,
        }
    }
}

impl fmt::Display for BudgetLedger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:>5} {:>9} {:>9} {:>9} {:>9} {:>9} {:>11} {:>9}",
            "month", "granted", "worked", "carried", "over", "expired", "dev (min)", "left"
        )?;
        for m in &self.months {
            writeln!(
                f,
                "{:>5} {:>9} {:>9} {:>9} {:>9} {:>9} {:>11} {:>9}",
                m.month,
                Hm(m.granted).to_string(),
                Hm(m.worked).to_string(),
                Hm(m.from_earlier_months).to_string(),
                Hm(m.over_budget).to_string(),
                Hm(m.expired).to_string(),
                m.converted_development_minutes,
                Hm(m.available_after).to_string(),
            )?;
        }
        writeln!(
            f,
            "over budget {}, expired {}, development minutes {}, left {}",
            Hm(self.total_over_budget),
            Hm(self.total_expired),
            self.total_development_minutes,
            Hm(self.available_at_end)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(json: &str) -> HourBudget {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn no_carry_over_expires_at_month_end() {
        let b = budget(r#"{"monthly_hours":"2"}"#);
        let l = b.ledger(&[60, 200, 0]).unwrap();
        assert_eq!(l.months[0].expired, 60);
        assert_eq!(l.months[1].over_budget, 80);
        assert_eq!(l.months[1].expired, 0);
        assert_eq!(l.months[2].expired, 120);
        assert_eq!((l.total_over_budget, l.total_expired), (80, 180));
        assert_eq!(l.total_development_minutes, Decimal::ZERO);
        assert_eq!(l.available_at_end, 0);
    }

    #[test]
    fn oldest_minutes_are_used_first() {
        let b = budget(r#"{"monthly_hours":"1","carry_over_months":2}"#);
        // Month 0: nothing worked (60 carried). Month 1: 30 worked, all from month 0.
        // Month 2: 0 worked; month 0's remaining 30 expire (granted 2 months ago).
        let l = b.ledger(&[0, 30, 0, 0]).unwrap();
        assert_eq!(l.months[1].from_earlier_months, 30);
        assert_eq!(l.months[1].available_after, 90);
        assert_eq!(l.months[2].expired, 30);
        assert_eq!(l.months[2].available_after, 120);
        assert_eq!(l.months[3].expired, 60);
        assert_eq!(l.available_at_end, 120);
    }

    #[test]
    fn conversion_at_a_contract_ratio() {
        let b = budget(
            r#"{"monthly_hours":"7.5","on_expiry":{"convert_to_development":{"ratio":"0.8"}}}"#,
        );
        assert_eq!(b.monthly_minutes(), 450);
        let l = b.ledger(&[400, 451]).unwrap();
        assert_eq!(l.months[0].converted_development_minutes, Decimal::from(40));
        assert_eq!(l.months[1].over_budget, 1);
        assert_eq!(l.total_development_minutes, Decimal::from(40));
        let text = l.to_string();
        assert!(
            text.contains("    0      7:30      6:40      0:00      0:00      0:50"),
            "{text}"
        );
    }

    #[test]
    fn spec_errors_and_round_trip() {
        let spec = |h: &str| HourBudgetFields {
            monthly_hours: h.parse().unwrap(),
            carry_over_months: 0,
            on_expiry: ExpiryPolicy::Forfeit,
        };
        assert_eq!(
            HourBudget::from_fields(spec("1.001")).map_err(|e| e.at("budget")).unwrap_err().to_string(),
            "budget.monthly_hours: invalid value `1.001`: expected a number of hours from 0 to 100000 that comes to whole minutes, such as \"7.5\""
        );
        // The largest grant loads; one minute more is refused, naming the field.
        assert!(HourBudget::from_fields(spec("100000")).is_ok());
        assert_eq!(
            HourBudget::from_fields(spec("100001")).map_err(|e| e.at("budget")).unwrap_err().to_string(),
            "budget.monthly_hours: invalid value `100001`: expected a number of hours from 0 to 100000 that comes to whole minutes, such as \"7.5\""
        );
        assert!(HourBudget::from_fields(spec("71582788")).is_err());
        assert!(HourBudget::from_fields(spec("-1")).is_err());
        assert!(HourBudget::from_fields(spec("100000000")).is_err());
        let neg = HourBudgetFields {
            on_expiry: ExpiryPolicy::ConvertToDevelopment {
                ratio: "-0.5".parse().unwrap(),
            },
            ..spec("1")
        };
        assert_eq!(
            HourBudget::from_fields(neg).map_err(|e| e.at("budget")).unwrap_err().to_string(),
            "budget.on_expiry.convert_to_development.ratio: invalid value `-0.5`: expected a non-negative ratio"
        );
        let b = budget(r#"{"monthly_hours":"7.5","carry_over_months":3,"on_expiry":"forfeit"}"#);
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"monthly_hours":"7.5","carry_over_months":3,"on_expiry":"forfeit"}"#
        );
    }
}
