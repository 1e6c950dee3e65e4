//! [`HourlyRates`]: the price side of time and materials, and its configuration.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::super::{config_amount, non_negative};
use super::super::{Currency, IncrementBasis, RoundingMode};
use crate::error::Error;

/// A billing increment as written in configuration: `{"minutes": 15, "per": "interval"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncrementSpec {
    /// The increment in whole minutes, 1 to 1440.
    #[serde(with = "crate::config::count")]
    pub minutes: u32,
    /// What is rounded up (default `interval`).
    #[serde(default)]
    pub per: IncrementBasis,
}

/// Surcharges in percent of the hourly rate, as decimal strings (`"50"`: time costs 150 %).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurchargesSpec {
    /// For time outside `service_hours` on days that are not holidays.
    #[serde(
        default,
        with = "crate::money::decimal_str::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub outside_service_hours: Option<Decimal>,
    /// For all time on a holiday (replaces the outside-hours surcharge).
    #[serde(
        default,
        with = "crate::money::decimal_str::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub holiday: Option<Decimal>,
}

/// The rates of time-and-materials terms as written in configuration: the terms without the
/// calendar side (zone, service hours, holidays) that
/// [`calendar::TimeAndMaterialsSpec`](crate::calendar::TimeAndMaterialsSpec) adds.
///
/// ```
/// use slacalc::money::{HourlyRates, HourlyRatesSpec};
///
/// let spec: HourlyRatesSpec = serde_json::from_str(r#"
/// {
///   "currency": "EUR",
///   "hourly_rate": "120.00 EUR",
///   "daily_rate": "880.00 EUR",
///   "increment": { "minutes": 15, "per": "interval" },
///   "surcharges": { "outside_service_hours": "50", "holiday": "100" }
/// }
/// "#)?;
/// assert_eq!(spec.daily_rate.as_deref(), Some("880.00 EUR"));
/// let rates = HourlyRates::try_from(spec)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct HourlyRatesSpec {
    /// The ISO 4217 code of every amount.
    pub currency: String,
    /// How the invoice total is rounded (default `half_up`).
    #[serde(default)]
    pub rounding: RoundingMode,
    /// The price of an hour, a [`Money`](crate::money::Money) string.
    pub hourly_rate: String,
    /// The most a billing day costs, a [`Money`](crate::money::Money) string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_rate: Option<String>,
    /// How worked time is rounded up; absent: billed exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increment: Option<IncrementSpec>,
    /// Surcharges in percent.
    #[serde(default)]
    pub surcharges: SurchargesSpec,
}

crate::config::tracked_serde!(HourlyRatesSpec);

/// Validated rates of time and materials: they price work that a calendar has already
/// classified ([`HourlyRates::price`]). Deserializing one validates it.
///
/// Most users want [`calendar::TimeAndMaterials`](crate::calendar::TimeAndMaterials), which
/// adds the zone, service hours and holidays and prices [`WorkInterval`](crate::money::WorkInterval)s
/// directly.
///
/// # Example: pricing work classified elsewhere
///
/// ```
/// use chrono::{NaiveDate, TimeDelta};
/// use slacalc::Money;
/// use slacalc::money::{ClassifiedInterval, HourlyRates, WorkCategory, WorkPiece};
///
/// let rates: HourlyRates = serde_json::from_str(r#"{
///   "currency": "EUR",
///   "hourly_rate": "100.00 EUR",
///   "increment": { "minutes": 15 },
///   "surcharges": { "outside_service_hours": "50" }
/// }"#)?;
/// let day = NaiveDate::from_ymd_opt(2026, 4, 2).ok_or("date")?;
/// // One job: an hour within service hours, then 50 minutes outside them.
/// let job = ClassifiedInterval::new(vec![
///     WorkPiece::new(day, WorkCategory::Regular, TimeDelta::hours(1)),
///     WorkPiece::new(day, WorkCategory::OutsideServiceHours, TimeDelta::minutes(50)),
/// ]);
/// let invoice = rates.price(&[job])?;
/// // 100 + 50/60 × 150 + 10/60 × 100 (rounded up to 2 h at the plain rate)
/// assert_eq!(invoice.total, "241.67 EUR".parse::<Money>()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "HourlyRatesSpec", into = "HourlyRatesSpec")]
pub struct HourlyRates {
    spec: HourlyRatesSpec,
    pub(super) currency: Currency,
    pub(super) rounding: RoundingMode,
    pub(super) hourly_rate: Decimal,
    pub(super) daily_rate: Option<Decimal>,
    pub(super) increment: Option<(u32, IncrementBasis)>,
    pub(super) outside_percent: Decimal,
    pub(super) holiday_percent: Decimal,
}

impl HourlyRates {
    /// Validates `spec`; error paths and the paths of invoice lines are relative to it
    /// (`hourly_rate`, `increment.minutes`).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] / [`Error::UnknownName`] for a bad currency code, a malformed or
    /// negative rate, an increment of 0 or more than 1440 minutes, or a negative surcharge;
    /// [`Error::CurrencyMismatch`] for a rate in another currency.
    fn from_spec(spec: HourlyRatesSpec) -> Result<HourlyRates, Error> {
        let currency = Currency::new(&spec.currency).map_err(|e| e.at("currency"))?;
        let hourly_rate = config_amount(&spec.hourly_rate, "hourly_rate", currency)?;
        let daily_rate = match &spec.daily_rate {
            Some(s) => Some(config_amount(s, "daily_rate", currency)?),
            None => None,
        };
        let increment = match &spec.increment {
            Some(inc) if inc.minutes == 0 || inc.minutes > 1440 => {
                return Err(Error::InvalidValue {
                    path: "increment.minutes".to_owned(),
                    value: inc.minutes.to_string(),
                    expected: "a whole number of minutes from 1 to 1440".to_owned(),
                })
            }
            Some(inc) => Some((inc.minutes, inc.per)),
            None => None,
        };
        let percent = |p: Option<Decimal>, field: &str| match p {
            Some(p) => non_negative(p, field, "percentage"),
            None => Ok(Decimal::ZERO),
        };
        let outside_percent = percent(
            spec.surcharges.outside_service_hours,
            "surcharges.outside_service_hours",
        )?;
        let holiday_percent = percent(spec.surcharges.holiday, "surcharges.holiday")?;
        Ok(HourlyRates {
            currency,
            rounding: spec.rounding,
            hourly_rate,
            daily_rate,
            increment,
            outside_percent,
            holiday_percent,
            spec,
        })
    }

    /// The currency of the rates.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The configuration the rates were built from.
    pub fn spec(&self) -> &HourlyRatesSpec {
        &self.spec
    }
}

impl TryFrom<HourlyRatesSpec> for HourlyRates {
    type Error = Error;

    fn try_from(spec: HourlyRatesSpec) -> Result<Self, Error> {
        HourlyRates::from_spec(spec)
    }
}

impl From<HourlyRates> for HourlyRatesSpec {
    fn from(r: HourlyRates) -> Self {
        r.spec
    }
}
