//! [`HourlyRates`]: the price side of time and materials, with its [`Increment`] and
//! [`Surcharges`], each read and written in its configuration form.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::super::{config_amount, non_negative};
use super::super::{Currency, IncrementBasis, RoundingMode};
use crate::config::Invalid;
use crate::error::Error;

/// The longest billing increment, in minutes: one day.
const MAX_INCREMENT_MINUTES: u32 = 1440;

/// A billing increment: worked time is rounded up to a whole number of `minutes` (1 to
/// 1440), per worked interval or per billing day ([`IncrementBasis`]).
///
/// In configuration `{"minutes": 15, "per": "interval"}`; `per` defaults to `interval`.
/// Deserializing validates, naming the field and the value of what it refuses.
///
/// ```
/// use slacalc::money::{Increment, IncrementBasis};
///
/// let inc: Increment = serde_json::from_str(r#"{"minutes": 15}"#)?;
/// assert_eq!((inc.minutes(), inc.per()), (15, IncrementBasis::Interval));
/// assert_eq!(serde_json::to_string(&inc)?, r#"{"minutes":15,"per":"interval"}"#);
/// let e = serde_json::from_str::<Increment>(r#"{"minutes": 0}"#).unwrap_err();
/// assert_eq!(e.to_string(),
///     "minutes: invalid value `0`: expected a whole number of minutes from 1 to 1440");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "IncrementFields", into = "IncrementFields")]
pub struct Increment {
    minutes: u32,
    per: IncrementBasis,
}

impl Increment {
    /// Rounding up to multiples of `minutes`, over `per`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `minutes` is from 1 to 1440.
    pub fn new(minutes: u32, per: IncrementBasis) -> Result<Increment, Error> {
        if (1..=MAX_INCREMENT_MINUTES).contains(&minutes) {
            Ok(Increment { minutes, per })
        } else {
            Err(Error::InvalidArgument {
                operation: "Increment::new",
                reason: format!(
                    "an increment of {minutes} minutes; it must be from 1 to \
                     {MAX_INCREMENT_MINUTES}"
                ),
            })
        }
    }

    /// The increment in whole minutes.
    pub fn minutes(&self) -> u32 {
        self.minutes
    }

    /// What is rounded up: each worked interval or each billing day's total.
    pub fn per(&self) -> IncrementBasis {
        self.per
    }
}

/// An increment as written, before it is checked: what [`Increment`] reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IncrementFields {
    /// The increment in whole minutes, 1 to 1440.
    #[serde(with = "crate::config::count")]
    minutes: u32,
    /// What is rounded up (default `interval`).
    #[serde(default)]
    per: IncrementBasis,
}

impl TryFrom<IncrementFields> for Increment {
    type Error = Invalid;

    /// Errors name `minutes` and its value when it is not from 1 to 1440.
    fn try_from(fields: IncrementFields) -> Result<Self, Invalid> {
        Increment::new(fields.minutes, fields.per).map_err(|_| {
            Error::InvalidValue {
                path: "minutes".to_owned(),
                value: fields.minutes.to_string(),
                expected: format!("a whole number of minutes from 1 to {MAX_INCREMENT_MINUTES}"),
            }
            .into()
        })
    }
}

impl From<Increment> for IncrementFields {
    fn from(inc: Increment) -> Self {
        IncrementFields {
            minutes: inc.minutes,
            per: inc.per,
        }
    }
}

/// Surcharges in percent of the hourly rate, each optional and not negative (`"50"`: such
/// time costs 150 %).
///
/// In configuration `{"outside_service_hours": "50", "holiday": "100"}`, decimal strings;
/// both default to none (no surcharge). Deserializing validates, naming the field and the
/// value of what it refuses.
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::money::Surcharges;
///
/// let s: Surcharges = serde_json::from_str(r#"{"holiday": "100"}"#)?;
/// assert_eq!((s.outside_service_hours(), s.holiday()), (None, Some(Decimal::from(100))));
/// assert_eq!(serde_json::to_string(&s)?, r#"{"holiday":"100"}"#);
/// let e = serde_json::from_str::<Surcharges>(r#"{"holiday": "-10"}"#).unwrap_err();
/// assert_eq!(e.to_string(), "holiday: invalid value `-10`: expected a non-negative percentage");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SurchargesFields", into = "SurchargesFields")]
pub struct Surcharges {
    outside_service_hours: Option<Decimal>,
    holiday: Option<Decimal>,
}

impl Surcharges {
    /// The surcharges for time outside service hours and for time on holidays, in percent.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if either is negative.
    pub fn new(
        outside_service_hours: Option<Decimal>,
        holiday: Option<Decimal>,
    ) -> Result<Surcharges, Error> {
        Surcharges::checked(outside_service_hours, holiday).map_err(|e| Error::InvalidArgument {
            operation: "Surcharges::new",
            reason: e.to_string(),
        })
    }

    /// The surcharges if neither is negative; the error names the field relative to them.
    fn checked(
        outside_service_hours: Option<Decimal>,
        holiday: Option<Decimal>,
    ) -> Result<Surcharges, Error> {
        for (p, field) in [
            (outside_service_hours, "outside_service_hours"),
            (holiday, "holiday"),
        ] {
            if let Some(p) = p {
                non_negative(p, field, "percentage")?;
            }
        }
        Ok(Surcharges {
            outside_service_hours,
            holiday,
        })
    }

    /// For time outside `service_hours` on days that are not holidays (none: no surcharge).
    pub fn outside_service_hours(&self) -> Option<Decimal> {
        self.outside_service_hours
    }

    /// For all time on a holiday, replacing the outside-hours surcharge (none: no surcharge).
    pub fn holiday(&self) -> Option<Decimal> {
        self.holiday
    }
}

/// Surcharges as written, before they are checked: what [`Surcharges`] reads and writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SurchargesFields {
    /// For time outside `service_hours` on days that are not holidays.
    #[serde(
        default,
        with = "crate::money::decimal_str::option",
        skip_serializing_if = "Option::is_none"
    )]
    outside_service_hours: Option<Decimal>,
    /// For all time on a holiday (replaces the outside-hours surcharge).
    #[serde(
        default,
        with = "crate::money::decimal_str::option",
        skip_serializing_if = "Option::is_none"
    )]
    holiday: Option<Decimal>,
}

impl TryFrom<SurchargesFields> for Surcharges {
    type Error = Invalid;

    /// Errors name the negative surcharge and its value.
    fn try_from(fields: SurchargesFields) -> Result<Self, Invalid> {
        Ok(Surcharges::checked(
            fields.outside_service_hours,
            fields.holiday,
        )?)
    }
}

impl From<Surcharges> for SurchargesFields {
    fn from(s: Surcharges) -> Self {
        SurchargesFields {
            outside_service_hours: s.outside_service_hours,
            holiday: s.holiday,
        }
    }
}

/// Hourly rates as written, before they are checked: what [`HourlyRates`] reads and writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct HourlyRatesFields {
    /// The ISO 4217 code of every amount.
    currency: String,
    /// How the invoice total is rounded (default `half_up`).
    #[serde(default)]
    rounding: RoundingMode,
    /// The price of an hour, a [`Money`](crate::money::Money) string.
    hourly_rate: String,
    /// The most a billing day costs, a [`Money`](crate::money::Money) string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    daily_rate: Option<String>,
    /// How worked time is rounded up; absent: billed exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    increment: Option<Increment>,
    /// Surcharges in percent.
    #[serde(default)]
    surcharges: Surcharges,
}

crate::config::tracked_serde!(HourlyRatesFields);

/// Validated rates of time and materials: they price work that a calendar has already
/// classified ([`HourlyRates::price`]). The terms without the calendar side (zone, service
/// hours, holidays) that [`calendar::TimeAndMaterials`](crate::calendar::TimeAndMaterials)
/// adds. In configuration:
///
/// ```
/// use slacalc::money::HourlyRates;
///
/// let rates: HourlyRates = serde_json::from_str(r#"
/// {
///   "currency": "EUR",
///   "hourly_rate": "120.00 EUR",
///   "daily_rate": "880.00 EUR",
///   "increment": { "minutes": 15, "per": "interval" },
///   "surcharges": { "outside_service_hours": "50", "holiday": "100" }
/// }
/// "#)?;
/// assert_eq!(rates.currency().code(), "EUR");
/// // Written back as read (`rounding` with its default).
/// let json = serde_json::to_value(&rates)?;
/// assert_eq!(json["daily_rate"], "880.00 EUR");
/// assert_eq!(json["rounding"], "half_up");
/// assert_eq!(serde_json::from_value::<HourlyRates>(json)?, rates);
/// // A bad value is refused with its path.
/// let e = serde_json::from_str::<HourlyRates>(
///     r#"{"currency": "EUR", "hourly_rate": "120 EUR", "increment": {"minutes": 0}}"#,
/// ).unwrap_err();
/// assert!(e.to_string().starts_with("increment.minutes: invalid value `0`"), "{e}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// `currency` is an upper-case ISO 4217 code; `hourly_rate` and the optional `daily_rate` are
/// non-negative [`Money`](crate::money::Money) strings in that currency; `rounding` defaults
/// to `half_up`; `increment` ([`Increment`]) and `surcharges` ([`Surcharges`]) are optional.
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
#[serde(try_from = "HourlyRatesFields", into = "HourlyRatesFields")]
pub struct HourlyRates {
    pub(super) currency: Currency,
    pub(super) rounding: RoundingMode,
    pub(super) hourly_rate: Decimal,
    pub(super) daily_rate: Option<Decimal>,
    pub(super) increment: Option<Increment>,
    pub(super) surcharges: Surcharges,
}

impl HourlyRates {
    /// Validates the rates as written; error paths are relative to them (`hourly_rate`,
    /// `daily_rate`), the paths of invoice lines too. The calendar's time-and-materials terms,
    /// which hold these fields beside their own, build their rates with it.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] / [`Error::UnknownName`] for a bad currency code or a malformed
    /// or negative rate; [`Error::CurrencyMismatch`] for a rate in another currency.
    pub(crate) fn from_config(
        currency: &str,
        rounding: RoundingMode,
        hourly_rate: &str,
        daily_rate: Option<&str>,
        increment: Option<Increment>,
        surcharges: Surcharges,
    ) -> Result<HourlyRates, Error> {
        let currency = Currency::new(currency).map_err(|e| e.at("currency"))?;
        let hourly_rate = config_amount(hourly_rate, "hourly_rate", currency)?;
        let daily_rate = match daily_rate {
            Some(s) => Some(config_amount(s, "daily_rate", currency)?),
            None => None,
        };
        Ok(HourlyRates {
            currency,
            rounding,
            hourly_rate,
            daily_rate,
            increment,
            surcharges,
        })
    }

    /// The currency of the rates.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// How the invoice total is rounded.
    pub fn rounding(&self) -> RoundingMode {
        self.rounding
    }

    /// The price of an hour, in [`currency`](HourlyRates::currency).
    pub fn hourly_rate(&self) -> Decimal {
        self.hourly_rate
    }

    /// The most a billing day costs, if capped.
    pub fn daily_rate(&self) -> Option<Decimal> {
        self.daily_rate
    }

    /// How worked time is rounded up; none: billed exactly.
    pub fn increment(&self) -> Option<Increment> {
        self.increment
    }

    /// The surcharges in percent.
    pub fn surcharges(&self) -> Surcharges {
        self.surcharges
    }
}

impl TryFrom<HourlyRatesFields> for HourlyRates {
    type Error = Invalid;

    /// Errors name the field and the value (`currency`, `hourly_rate`, `daily_rate`); the
    /// increment and the surcharges have checked themselves.
    fn try_from(f: HourlyRatesFields) -> Result<Self, Invalid> {
        Ok(HourlyRates::from_config(
            &f.currency,
            f.rounding,
            &f.hourly_rate,
            f.daily_rate.as_deref(),
            f.increment,
            f.surcharges,
        )?)
    }
}

impl From<HourlyRates> for HourlyRatesFields {
    fn from(r: HourlyRates) -> Self {
        let money = |amount: Decimal| format!("{amount} {}", r.currency);
        HourlyRatesFields {
            currency: r.currency.to_string(),
            rounding: r.rounding,
            hourly_rate: money(r.hourly_rate),
            daily_rate: r.daily_rate.map(money),
            increment: r.increment,
            surcharges: r.surcharges,
        }
    }
}
