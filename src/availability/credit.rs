//! Credits by availability: a period's availability fed into a credit policy.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::agreement::AvailabilityAgreement;
use super::compute::AvailabilityReport;
use super::outage::Outage;
use crate::error::Error;
use crate::money::{CreditInputs, CreditPolicy, Invoice};

/// An availability report together with the service credit it earns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditReport {
    /// The availability over the period.
    pub availability: AvailabilityReport,
    /// The credit, from the [`CreditPolicy`] fed with `availability.achieved`.
    pub credit: Invoice,
}

impl fmt::Display for CreditReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.availability)?;
        writeln!(f, "credit")?;
        write!(f, "{}", self.credit)
    }
}

impl AvailabilityAgreement {
    /// The month's availability and the credit it earns in one call: evaluates `[from, to)`
    /// and feeds the achieved availability into `policy` together with `inputs` (monthly fee
    /// and breaches; an availability already set in `inputs` is replaced).
    ///
    /// # Errors
    /// Those of [`AvailabilityAgreement::report`] and [`CreditPolicy::invoice`].
    ///
    /// # Example: 98.5 % against a 5 % tier below 99 %
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    /// use slacalc::availability::{AvailabilityAgreement, Outage};
    /// use slacalc::Money;
    /// use slacalc::money::{CreditInputs, CreditPolicy};
    ///
    /// let agreement: AvailabilityAgreement = serde_json::from_str(r#"{
    ///   "target": "99", "service_hours": { "timezone": "UTC", "hours": { "mon": ["00:00-24:00"] } }
    /// }"#)?;
    /// let policy: CreditPolicy = serde_json::from_str(r#"{
    ///   "currency": "EUR", "availability": [ {"below": "99", "percent_of_fee": "5"} ]
    /// }"#)?;
    /// let t = |s: &str| s.parse::<DateTime<Utc>>();
    /// // Five Mondays in June 2026 (1, 8, 15, 22, 29): 120 h; 1 h 48 min down.
    /// let outage = Outage::new(t("2026-06-08T10:00:00Z")?, t("2026-06-08T11:48:00Z")?);
    /// let month = agreement.credit(
    ///     t("2026-06-01T00:00:00Z")?, t("2026-07-01T00:00:00Z")?, &[outage],
    ///     &policy, CreditInputs::new("2000.00 EUR".parse::<Money>()?),
    /// )?;
    /// assert_eq!(month.availability.achieved, "98.5".parse()?);
    /// assert_eq!(month.credit.total, "100.00 EUR".parse::<Money>()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn credit(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        outages: &[Outage],
        policy: &CreditPolicy,
        inputs: CreditInputs,
    ) -> Result<CreditReport, Error> {
        let availability = self.report(from, to, outages)?;
        let credit = policy.invoice(&inputs.with_availability(availability.achieved))?;
        Ok(CreditReport {
            availability,
            credit,
        })
    }
}
