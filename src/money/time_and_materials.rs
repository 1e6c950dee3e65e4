//! Time and materials: work billed at an hourly rate, in billing increments, with surcharges
//! outside service hours and on holidays, and a daily rate as a cap (COSYS: third-party fault
//! work "invoiced at agreed daily and hourly rates").
//!
//! # How work is priced
//!
//! Each worked interval `[start, end)` (UTC) is cut at the local midnights of the configured
//! `timezone`, so that every piece lies on one local date, the *billing day*. A piece is then
//! classified:
//!
//! 1. on a **holiday** (its local date is listed in `holidays`), all of it is
//!    [`WorkCategory::Holiday`] time, charged with the holiday surcharge — the holiday
//!    surcharge *replaces* the outside-hours one, it does not add to it;
//! 2. otherwise the part that is business time of `service_hours`
//!    ([`Calendar::between`]) is [`WorkCategory::Regular`], the rest
//!    [`WorkCategory::OutsideServiceHours`], charged with the outside-hours surcharge;
//!    without `service_hours` all of it is regular.
//!
//! Per billing day and category, the time is charged at
//! `hourly_rate × hours × (100 + surcharge %) / 100` (see below for its precision).
//!
//! **Billing increments** ("per started 15 minutes") round worked time *up* to a multiple of
//! the increment, either per worked interval or per billing day ([`IncrementBasis`]). The time
//! added by rounding is its own line, charged at the plain hourly rate (no surcharge), on the
//! billing day on which the interval ends (basis `interval`) or on its day (basis `day`).
//!
//! A **daily rate** caps a billing day: when the day's hourly charges (all categories,
//! surcharges and rounding included) would exceed it, a negative line lowers the day to the
//! daily rate.
//!
//! The lines sum to the subtotal, which is rounded once (see [`Invoice`]).
//!
//! # How amounts are computed
//!
//! A charge is `rate × seconds × (100 + surcharge) / 360,000`, multiplied first and divided
//! once. The quotient ends in decimals only when the numbers allow (a third of an hour's rate
//! does not), so it is **rounded to 28 significant digits** (`rust_decimal`'s precision), and
//! so are the sums of these lines and the daily-rate cap line. This is the one place in
//! [`crate::money`] where a result is rounded before the final rounding to minor units: fee
//! schedules, credits and hour budgets refuse an inexact result with
//! [`Error::InexactArithmetic`] instead. The total can differ from rounding the exact amount
//! only when the exact amount lies within about 10⁻²⁴ of its size of a rounding midpoint
//! (half a cent), which a quotient of seconds and rates does not reach in practice; but it is
//! a rounding, documented here, not an exact result.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::invoice::Lines;
use super::rounded::{add, mul, sub};
use super::{at_path, config_amount, join, non_negative, overflow, Arithmetic};
use super::{Currency, Invoice, LineDetail, RoundingMode};
use crate::calendar::{Calendar, CalendarSpec};
use crate::error::Error;
use crate::time::{local_day, parse_date};

/// The longest worked interval [`TimeAndMaterials::evaluate`] accepts, in days: an invoice
/// has lines per billing day, so the work (and the invoice) stays proportional to the input.
pub const MAX_INTERVAL_DAYS: i64 = 366;

/// Over what a billing increment rounds worked time up. Configuration: `"interval"` or
/// `"day"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum IncrementBasis {
    /// Each worked interval on its own: with 15-minute increments, two separate 5-minute calls
    /// bill 30 minutes. The default, because "per started 15 minutes" usually counts each job.
    #[default]
    Interval,
    /// The total worked on a billing day: two 5-minute calls on one day bill 15 minutes.
    /// Splitting an interval into adjacent parts never changes the invoice.
    Day,
}

impl fmt::Display for IncrementBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IncrementBasis::Interval => "per interval",
            IncrementBasis::Day => "per day",
        })
    }
}

/// How a piece of work is charged. Serialized in `snake_case`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum WorkCategory {
    /// Within service hours (or all non-holiday time when no service hours are configured):
    /// the plain hourly rate.
    Regular,
    /// Outside service hours on a day that is not a holiday: the outside-hours surcharge.
    OutsideServiceHours,
    /// On a holiday, whatever the hour: the holiday surcharge.
    Holiday,
}

impl fmt::Display for WorkCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WorkCategory::Regular => "within service hours",
            WorkCategory::OutsideServiceHours => "outside service hours",
            WorkCategory::Holiday => "on a holiday",
        })
    }
}

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

/// Time-and-materials terms as written in configuration.
///
/// ```json
/// {
///   "currency": "EUR",
///   "hourly_rate": "120.00 EUR",
///   "daily_rate": "880.00 EUR",
///   "increment": { "minutes": 15, "per": "interval" },
///   "timezone": "Europe/Berlin",
///   "service_hours": { "timezone": "Europe/Berlin", "hours": { "mon": ["08:00-18:00"] } },
///   "holidays": ["2026-04-03", "2026-04-06"],
///   "surcharges": { "outside_service_hours": "50", "holiday": "100" }
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct TimeAndMaterialsSpec {
    /// The ISO 4217 code of every amount.
    pub currency: String,
    /// How the invoice total is rounded (default `half_up`).
    #[serde(default)]
    pub rounding: RoundingMode,
    /// The price of an hour, a [`Money`](super::Money) string.
    pub hourly_rate: String,
    /// The most a billing day costs, a [`Money`](super::Money) string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_rate: Option<String>,
    /// How worked time is rounded up; absent: billed exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increment: Option<IncrementSpec>,
    /// The IANA zone whose local dates are the billing days and the holidays.
    pub timezone: String,
    /// The service hours; time outside them carries the outside-hours surcharge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_hours: Option<CalendarSpec>,
    /// Local dates (`YYYY-MM-DD`, in `timezone`) whose whole day carries the holiday surcharge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<String>,
    /// Surcharges in percent.
    #[serde(default)]
    pub surcharges: SurchargesSpec,
}

crate::config::tracked_serde!(TimeAndMaterialsSpec);

/// One interval of work, `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct WorkInterval {
    /// When the work started.
    #[serde(with = "crate::config::instant")]
    pub start: DateTime<Utc>,
    /// When it ended (exclusive).
    #[serde(with = "crate::config::instant")]
    pub end: DateTime<Utc>,
}

crate::config::tracked_serde!(WorkInterval);

impl WorkInterval {
    /// The interval `[start, end)`; checked by [`TimeAndMaterials::evaluate`].
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> WorkInterval {
        WorkInterval { start, end }
    }
}

/// Validated time-and-materials terms. Deserializing one validates it.
///
/// # Example: an evening call-out and a holiday
///
/// ```
/// use chrono::{DateTime, Utc};
/// use slacalc::money::{Money, TimeAndMaterials, WorkInterval};
///
/// let terms: TimeAndMaterials = serde_json::from_str(r#"{
///   "currency": "EUR",
///   "hourly_rate": "100.00 EUR",
///   "increment": { "minutes": 15 },
///   "timezone": "Europe/Berlin",
///   "service_hours": { "timezone": "Europe/Berlin", "hours": {
///     "mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
///     "thu": ["08:00-18:00"], "fri": ["08:00-18:00"] } },
///   "holidays": ["2026-04-03"],
///   "surcharges": { "outside_service_hours": "50", "holiday": "100" }
/// }"#)?;
/// let t = |s: &str| s.parse::<DateTime<Utc>>();
/// let work = [
///     // Thursday 17:00–18:50 in Berlin: 1 h regular, 50 min outside, rounded up to 2 h.
///     WorkInterval::new(t("2026-04-02T15:00:00Z")?, t("2026-04-02T16:50:00Z")?),
///     // Good Friday 10:00–11:00: one hour at +100 %.
///     WorkInterval::new(t("2026-04-03T08:00:00Z")?, t("2026-04-03T09:00:00Z")?),
/// ];
/// let invoice = terms.evaluate(&work)?;
/// // 100 + 50/60 × 150 + 10/60 × 100 + 200 = 100 + 125 + 16.666… + 200
/// assert_eq!(invoice.total, "441.67 EUR".parse::<Money>()?);
/// assert_eq!(invoice.lines.len(), 4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TimeAndMaterialsSpec", into = "TimeAndMaterialsSpec")]
pub struct TimeAndMaterials {
    spec: TimeAndMaterialsSpec,
    root: String,
    currency: Currency,
    rounding: RoundingMode,
    hourly_rate: Decimal,
    daily_rate: Option<Decimal>,
    increment: Option<(u32, IncrementBasis)>,
    tz: Tz,
    service_hours: Option<Calendar>,
    holidays: BTreeSet<NaiveDate>,
    outside_percent: Decimal,
    holiday_percent: Decimal,
}

/// Worked time of one billing day, by category, plus the time added by rounding.
#[derive(Clone, Copy, Debug, Default)]
struct Day {
    regular: TimeDelta,
    outside: TimeDelta,
    holiday: TimeDelta,
    rounding: TimeDelta,
}

impl Day {
    fn worked(&self) -> Option<TimeDelta> {
        self.regular
            .checked_add(&self.outside)?
            .checked_add(&self.holiday)
    }
}

const OP: &str = "TimeAndMaterials::evaluate";

fn out_of_range() -> Error {
    Error::OutOfRange { operation: OP }
}

fn plus(a: TimeDelta, b: TimeDelta) -> Result<TimeDelta, Error> {
    a.checked_add(&b).ok_or_else(out_of_range)
}

impl TimeAndMaterials {
    /// Validates `spec`, naming errors with paths below `root`; `root` also prefixes the paths
    /// of the invoice lines.
    ///
    /// # Errors
    /// * [`Error::InvalidValue`] / [`Error::UnknownName`] for a bad currency code, a malformed or
    ///   negative rate, an increment of 0 or more than 1440 minutes, a negative surcharge, or an
    ///   outside-hours surcharge without `service_hours`;
    /// * [`Error::CurrencyMismatch`] for a rate in another currency;
    /// * [`Error::UnknownTimeZone`], [`Error::InvalidDate`] and the calendar errors for the zone,
    ///   the holidays and the service hours.
    pub fn from_spec_at(spec: TimeAndMaterialsSpec, root: &str) -> Result<TimeAndMaterials, Error> {
        let currency_path = join(root, "currency");
        let currency = Currency::new(&spec.currency).map_err(|e| at_path(e, &currency_path))?;
        let hourly_rate = config_amount(&spec.hourly_rate, &join(root, "hourly_rate"), currency)?;
        let daily_rate = match &spec.daily_rate {
            Some(s) => Some(config_amount(s, &join(root, "daily_rate"), currency)?),
            None => None,
        };
        let increment = match &spec.increment {
            Some(inc) if inc.minutes == 0 || inc.minutes > 1440 => {
                return Err(Error::InvalidValue {
                    path: join(root, "increment.minutes"),
                    value: inc.minutes.to_string(),
                    expected: "a whole number of minutes from 1 to 1440".to_owned(),
                })
            }
            Some(inc) => Some((inc.minutes, inc.per)),
            None => None,
        };
        let tz: Tz = spec.timezone.parse().map_err(|_| Error::UnknownTimeZone {
            path: join(root, "timezone"),
            name: spec.timezone.clone(),
        })?;
        let service_hours = match &spec.service_hours {
            Some(s) => Some(Calendar::from_spec_at(
                s.clone(),
                &join(root, "service_hours"),
            )?),
            None => None,
        };
        let mut holidays = BTreeSet::new();
        for (i, s) in spec.holidays.iter().enumerate() {
            holidays.insert(parse_date(&join(root, &format!("holidays[{i}]")), s)?);
        }
        let percent = |p: Option<Decimal>, field: &str| match p {
            Some(p) => non_negative(p, &join(root, field), "percentage"),
            None => Ok(Decimal::ZERO),
        };
        let outside_percent = percent(
            spec.surcharges.outside_service_hours,
            "surcharges.outside_service_hours",
        )?;
        let holiday_percent = percent(spec.surcharges.holiday, "surcharges.holiday")?;
        if spec.surcharges.outside_service_hours.is_some() && service_hours.is_none() {
            return Err(Error::InvalidValue {
                path: join(root, "service_hours"),
                value: "(missing)".to_owned(),
                expected:
                    "a calendar of service hours, because surcharges.outside_service_hours is set"
                        .to_owned(),
            });
        }
        Ok(TimeAndMaterials {
            root: root.to_owned(),
            currency,
            rounding: spec.rounding,
            hourly_rate,
            daily_rate,
            increment,
            tz,
            service_hours,
            holidays,
            outside_percent,
            holiday_percent,
            spec,
        })
    }

    /// The terms' currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Prices `work` (see the [module docs](self) for the rules). Intervals may overlap (two
    /// engineers working at once both bill); the invoice has lines per billing day in date
    /// order: regular time, outside-hours time, holiday time, rounding, daily cap.
    ///
    /// # Errors
    /// * [`Error::InvalidValue`] (path `work[i].end`) for an interval that ends before it
    ///   starts or is longer than [`MAX_INTERVAL_DAYS`] days;
    /// * [`Error::OutOfRange`] at the far ends of chrono's range;
    /// * [`Error::ArithmeticOverflow`] if an amount exceeds the decimal range.
    pub fn evaluate(&self, work: &[WorkInterval]) -> Result<Invoice, Error> {
        let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
        let max_len = TimeDelta::try_days(MAX_INTERVAL_DAYS).ok_or_else(out_of_range)?;
        for (i, w) in work.iter().enumerate() {
            if w.end < w.start {
                return Err(Error::InvalidValue {
                    path: format!("work[{i}].end"),
                    value: w.end.to_rfc3339(),
                    expected: format!("an instant at or after the start {}", w.start.to_rfc3339()),
                });
            }
            let len = w.end.signed_duration_since(w.start);
            if len > max_len {
                return Err(Error::InvalidValue {
                    path: format!("work[{i}].end"),
                    value: w.end.to_rfc3339(),
                    expected: format!(
                        "an instant at most {MAX_INTERVAL_DAYS} days after the start {} (split longer work)",
                        w.start.to_rfc3339()
                    ),
                });
            }
            let mut at = w.start;
            let mut last_date = None;
            while at < w.end {
                let (date, next) = local_day(self.tz, at).ok_or_else(out_of_range)?;
                let piece_end = next.min(w.end);
                let day = days.entry(date).or_default();
                let piece = piece_end.signed_duration_since(at);
                if self.holidays.contains(&date) {
                    day.holiday = plus(day.holiday, piece)?;
                } else if let Some(service) = &self.service_hours {
                    let business = service.between(at, piece_end)?;
                    let outside = piece.checked_sub(&business).ok_or_else(out_of_range)?;
                    day.regular = plus(day.regular, business)?;
                    day.outside = plus(day.outside, outside)?;
                } else {
                    day.regular = plus(day.regular, piece)?;
                }
                last_date = Some(date);
                at = piece_end;
            }
            if let (Some((minutes, IncrementBasis::Interval)), Some(date)) =
                (self.increment, last_date)
            {
                let extra = round_up_extra(len, minutes).ok_or_else(out_of_range)?;
                let day = days.entry(date).or_default();
                day.rounding = plus(day.rounding, extra)?;
            }
        }
        if let Some((minutes, IncrementBasis::Day)) = self.increment {
            for day in days.values_mut() {
                let worked = day.worked().ok_or_else(out_of_range)?;
                day.rounding = round_up_extra(worked, minutes).ok_or_else(out_of_range)?;
            }
        }
        let mut out = Lines {
            arithmetic: Arithmetic::Rounded,
            ..Lines::default()
        };
        for (date, day) in &days {
            self.price_day(*date, day, &mut out)?;
        }
        out.finish(self.currency, self.rounding, &self.root)
    }

    fn price_day(&self, date: NaiveDate, day: &Day, out: &mut Lines) -> Result<(), Error> {
        let mut day_sum = Decimal::ZERO;
        let categories = [
            (
                WorkCategory::Regular,
                day.regular,
                Decimal::ZERO,
                "hourly_rate",
            ),
            (
                WorkCategory::OutsideServiceHours,
                day.outside,
                self.outside_percent,
                "surcharges.outside_service_hours",
            ),
            (
                WorkCategory::Holiday,
                day.holiday,
                self.holiday_percent,
                "surcharges.holiday",
            ),
        ];
        for (category, time, percent, field) in categories {
            if time.is_zero() {
                continue;
            }
            let path = join(&self.root, field);
            let seconds = seconds_of(time).ok_or_else(|| overflow(&path))?;
            let amount = charge(self.hourly_rate, seconds, percent, &path)?;
            day_sum = add(day_sum, amount, &path)?;
            out.push(
                path,
                LineDetail::WorkedTime {
                    date,
                    category,
                    seconds,
                    hourly_rate: self.hourly_rate,
                    surcharge_percent: percent,
                },
                amount,
            )?;
        }
        if let (false, Some((minutes, basis))) = (day.rounding.is_zero(), self.increment) {
            let path = join(&self.root, "increment");
            let seconds = seconds_of(day.rounding).ok_or_else(|| overflow(&path))?;
            let amount = charge(self.hourly_rate, seconds, Decimal::ZERO, &path)?;
            day_sum = add(day_sum, amount, &path)?;
            out.push(
                path,
                LineDetail::IncrementRounding {
                    date,
                    seconds,
                    increment_minutes: minutes,
                    basis,
                    hourly_rate: self.hourly_rate,
                },
                amount,
            )?;
        }
        if let Some(daily_rate) = self.daily_rate {
            if day_sum > daily_rate {
                let path = join(&self.root, "daily_rate");
                let lower = sub(daily_rate, day_sum, &path)?;
                out.push(
                    path,
                    LineDetail::DailyRate {
                        date,
                        before: day_sum,
                        daily_rate,
                    },
                    lower,
                )?;
            }
        }
        Ok(())
    }
}

/// `rate × seconds / 3600 × (100 + percent) / 100`, multiplied first and divided once.
fn charge(rate: Decimal, seconds: Decimal, percent: Decimal, path: &str) -> Result<Decimal, Error> {
    let factor = add(Decimal::ONE_HUNDRED, percent, path)?;
    let product = mul(mul(rate, seconds, path)?, factor, path)?;
    product
        .checked_div(Decimal::from(360_000))
        .map(|d| d.normalize())
        .ok_or_else(|| overflow(path))
}

/// What rounding `d` up to a multiple of `minutes` adds (zero for an exact multiple).
fn round_up_extra(d: TimeDelta, minutes: u32) -> Option<TimeDelta> {
    let nanos = i128::from(d.num_seconds())
        .checked_mul(1_000_000_000)?
        .checked_add(i128::from(d.subsec_nanos()))?;
    let step = i128::from(minutes).checked_mul(60_000_000_000)?;
    let rest = nanos.checked_rem_euclid(step)?;
    if rest == 0 {
        return Some(TimeDelta::zero());
    }
    let extra = step.checked_sub(rest)?;
    let secs = i64::try_from(extra / 1_000_000_000).ok()?;
    let sub = u32::try_from(extra % 1_000_000_000).ok()?;
    TimeDelta::new(secs, sub)
}

impl TryFrom<TimeAndMaterialsSpec> for TimeAndMaterials {
    type Error = Error;

    fn try_from(spec: TimeAndMaterialsSpec) -> Result<Self, Error> {
        TimeAndMaterials::from_spec_at(spec, "")
    }
}

impl From<TimeAndMaterials> for TimeAndMaterialsSpec {
    fn from(t: TimeAndMaterials) -> Self {
        t.spec
    }
}

// The `H:MM:SS` printer and exact seconds moved to `crate::time`; this path stays for
// other modules until the visibility pass.
pub(crate) use crate::time::{format_hms, seconds_of};

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_up() {
        let m = |x: i64| TimeDelta::try_minutes(x).unwrap();
        assert_eq!(round_up_extra(m(0), 15), Some(m(0)));
        assert_eq!(round_up_extra(m(1), 15), Some(m(14)));
        assert_eq!(round_up_extra(m(15), 15), Some(m(0)));
        assert_eq!(
            round_up_extra(TimeDelta::new(900, 1).unwrap(), 15),
            TimeDelta::new(899, 999_999_999)
        );
    }

    fn terms(json: &str) -> TimeAndMaterials {
        TimeAndMaterials::from_spec_at(serde_json::from_str(json).unwrap(), "rates").unwrap()
    }

    #[test]
    fn daily_cap_and_day_increments() {
        let tm = terms(
            r#"{"currency":"EUR","hourly_rate":"100 EUR","daily_rate":"700 EUR",
                "increment":{"minutes":30,"per":"day"},"timezone":"UTC"}"#,
        );
        // Two 10-minute jobs and one of 7 h 50 min on the same day: 8 h 10 min, rounded up to
        // 8 h 30 min = 850 EUR, capped at 700.
        let inv = tm
            .evaluate(&[
                WorkInterval::new(t("2026-03-02T08:00:00Z"), t("2026-03-02T08:10:00Z")),
                WorkInterval::new(t("2026-03-02T09:00:00Z"), t("2026-03-02T09:10:00Z")),
                WorkInterval::new(t("2026-03-02T10:00:00Z"), t("2026-03-02T17:50:00Z")),
            ])
            .unwrap();
        // 490/60 × 100 and 20/60 × 100 do not terminate: the lines carry 28 significant
        // digits, and the cap line takes the day to 700 exactly.
        assert_eq!(inv.lines.len(), 3);
        assert_eq!(inv.lines[0].amount, d("816.6666666666666666666666667"));
        assert_eq!(inv.lines[1].path, "rates.increment");
        assert_eq!(inv.lines[1].amount, d("33.333333333333333333333333333"));
        assert_eq!(inv.lines[2].path, "rates.daily_rate");
        assert_eq!(inv.subtotal, d("700"));
        assert_eq!(inv.total.amount, d("700.00"));
        let text = inv.to_string();
        assert!(
            text.contains("2026-03-02 day rate 700 instead of 850"),
            "{text}"
        );
    }

    #[test]
    fn interval_increments_bill_each_job() {
        let tm = terms(
            r#"{"currency":"EUR","hourly_rate":"60 EUR","increment":{"minutes":15},"timezone":"UTC"}"#,
        );
        let inv = tm
            .evaluate(&[
                WorkInterval::new(t("2026-03-02T08:00:00Z"), t("2026-03-02T08:05:00Z")),
                WorkInterval::new(t("2026-03-02T09:00:00Z"), t("2026-03-02T09:05:00Z")),
                WorkInterval::new(t("2026-03-02T10:00:00Z"), t("2026-03-02T10:00:00Z")),
            ])
            .unwrap();
        // 10 min worked + 2 × 10 min rounding = 30 min at 60/h.
        assert_eq!(inv.total.amount, d("30.00"));
        assert_eq!(inv.lines.len(), 2);
    }

    #[test]
    fn interval_across_midnight_splits_into_days() {
        let tm = terms(
            r#"{"currency":"EUR","hourly_rate":"80 EUR","timezone":"Europe/Berlin",
                "holidays":["2026-12-25"],"surcharges":{"holiday":"100"}}"#,
        );
        // 2026-12-24 23:00 to 12-25 01:30 in Berlin (UTC+1).
        let inv = tm
            .evaluate(&[WorkInterval::new(
                t("2026-12-24T22:00:00Z"),
                t("2026-12-25T00:30:00Z"),
            )])
            .unwrap();
        assert_eq!(inv.lines.len(), 2);
        assert_eq!(inv.lines[0].amount, d("80"));
        assert_eq!(inv.lines[1].path, "rates.surcharges.holiday");
        assert_eq!(inv.lines[1].amount, d("240"));
        assert_eq!(inv.total.amount, d("320.00"));
    }

    #[test]
    fn evaluate_errors() {
        let tm = terms(r#"{"currency":"EUR","hourly_rate":"80 EUR","timezone":"UTC"}"#);
        let err = tm
            .evaluate(&[
                WorkInterval::new(t("2026-03-02T08:00:00Z"), t("2026-03-02T09:00:00Z")),
                WorkInterval::new(t("2026-03-02T08:00:00Z"), t("2026-03-02T07:00:00Z")),
            ])
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "work[1].end: invalid value `2026-03-02T07:00:00+00:00`: expected an instant at or after the start 2026-03-02T08:00:00+00:00"
        );
        let err = tm
            .evaluate(&[WorkInterval::new(
                t("2026-01-01T00:00:00Z"),
                t("2027-01-02T00:00:01Z"),
            )])
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "work[0].end: invalid value `2027-01-02T00:00:01+00:00`: expected an instant at most 366 days after the start 2026-01-01T00:00:00+00:00 (split longer work)"
        );
        // Exactly 366 days is accepted.
        let inv = tm
            .evaluate(&[WorkInterval::new(
                t("2026-01-01T00:00:00Z"),
                t("2027-01-02T00:00:00Z"),
            )])
            .unwrap();
        assert_eq!(inv.lines.len(), 366);
        assert_eq!(inv.total.amount, d("702720.00"));
    }
}
