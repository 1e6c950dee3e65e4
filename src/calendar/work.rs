//! Work in and out of service hours: [`WorkClassifier`] splits worked intervals by local day
//! (across DST, skipped dates included) into time within service hours, outside them, and on
//! holidays; [`TimeAndMaterials`] reads time-and-materials terms with their service hours and
//! prices work in one call, through [`HourlyRates`] (which knows no calendar).
//!
//! This is the one place where money meets a calendar: money depends on `time` only, and the
//! calendar hands it durations it has already classified
//! ([`ClassifiedInterval`]).

use std::collections::BTreeSet;

use chrono::{NaiveDate, TimeDelta};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{Calendar, CalendarSpec};
use crate::error::Error;
use crate::money::MAX_INTERVAL_DAYS;
use crate::money::{
    ClassifiedInterval, Currency, HourlyRates, Increment, Invoice, RoundingMode, Surcharges,
    WorkCategory, WorkInterval, WorkPiece,
};
use crate::time::{local_day, parse_date};

/// Classifies worked time for billing: cuts each interval at the local midnights of a zone
/// (the billing days) and splits each day's part into [`WorkCategory::Holiday`] time (the
/// whole day, on a listed holiday), else time within `service_hours`
/// ([`WorkCategory::Regular`], its business time by [`Calendar::between`]) and outside them
/// ([`WorkCategory::OutsideServiceHours`]); without service hours all of it is regular.
///
/// # Example: an evening job across a DST change
///
/// ```
/// use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
/// use slacalc::calendar::WorkClassifier;
/// use slacalc::money::{WorkCategory, WorkInterval, WorkPiece};
/// use slacalc::Calendar;
///
/// let hours: Calendar = serde_json::from_str(
///     r#"{"timezone": "Europe/Berlin", "hours": {"sat": ["08:00-18:00"], "sun": ["08:00-18:00"]}}"#,
/// )?;
/// let classifier = WorkClassifier::new(chrono_tz::Europe::Berlin, Some(hours), []);
/// // Saturday 28 March 2026 17:00 to Sunday 09:00 Berlin; clocks spring forward at 02:00.
/// let t = |s: &str| s.parse::<DateTime<Utc>>();
/// let work = [WorkInterval::new(t("2026-03-28T16:00:00Z")?, t("2026-03-29T07:00:00Z")?)];
/// let classified = classifier.classify(&work)?;
/// let (sat, sun) = (
///     NaiveDate::from_ymd_opt(2026, 3, 28).ok_or("date")?,
///     NaiveDate::from_ymd_opt(2026, 3, 29).ok_or("date")?,
/// );
/// assert_eq!(classified[0].pieces, [
///     WorkPiece::new(sat, WorkCategory::Regular, TimeDelta::hours(1)),
///     WorkPiece::new(sat, WorkCategory::OutsideServiceHours, TimeDelta::hours(6)),
///     // 00:00 to 09:00 on a 23-hour day: 8 hours, one of them in service hours.
///     WorkPiece::new(sun, WorkCategory::Regular, TimeDelta::hours(1)),
///     WorkPiece::new(sun, WorkCategory::OutsideServiceHours, TimeDelta::hours(7)),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkClassifier {
    tz: Tz,
    service_hours: Option<Calendar>,
    holidays: BTreeSet<NaiveDate>,
}

const OP: &str = "TimeAndMaterials::invoice";

/// An out-of-range error of classifying work, at the instant or on the values `value` names.
fn out_of_range(value: impl std::fmt::Display) -> Error {
    crate::error::out_of_range(OP, value)
}

impl WorkClassifier {
    /// Billing days are the local dates of `tz`; `service_hours` (if any) tells regular time
    /// from time outside them; `holidays` are local dates whose whole day is holiday time.
    pub fn new(
        tz: Tz,
        service_hours: Option<Calendar>,
        holidays: impl IntoIterator<Item = NaiveDate>,
    ) -> WorkClassifier {
        WorkClassifier {
            tz,
            service_hours,
            holidays: holidays.into_iter().collect(),
        }
    }

    /// The zone of the billing days.
    pub fn timezone(&self) -> Tz {
        self.tz
    }

    /// The service hours, if any.
    pub fn service_hours(&self) -> Option<&Calendar> {
        self.service_hours.as_ref()
    }

    /// Classifies `work`, one [`ClassifiedInterval`] per interval, in order: its pieces by
    /// local date, on each date holiday time, or regular time then time outside service
    /// hours (pieces of zero length left out).
    ///
    /// # Errors
    /// * [`Error::InvalidValue`] (path `work[i].end`) for an interval that ends before it
    ///   starts or is longer than [`MAX_INTERVAL_DAYS`] days;
    /// * [`Error::OutOfRange`] at the far ends of chrono's range.
    pub fn classify(&self, work: &[WorkInterval]) -> Result<Vec<ClassifiedInterval>, Error> {
        let max_len = TimeDelta::try_days(MAX_INTERVAL_DAYS)
            .ok_or_else(|| out_of_range(format_args!("{MAX_INTERVAL_DAYS} days")))?;
        let mut out = Vec::with_capacity(work.len());
        for (i, w) in work.iter().enumerate() {
            if w.end < w.start {
                return Err(Error::InvalidValue {
                    path: format!("work[{i}].end"),
                    value: w.end.to_rfc3339(),
                    expected: format!("an instant at or after the start {}", w.start.to_rfc3339()),
                });
            }
            if w.end.signed_duration_since(w.start) > max_len {
                return Err(Error::InvalidValue {
                    path: format!("work[{i}].end"),
                    value: w.end.to_rfc3339(),
                    expected: format!(
                        "an instant at most {MAX_INTERVAL_DAYS} days after the start {} (split longer work)",
                        w.start.to_rfc3339()
                    ),
                });
            }
            let mut pieces = Vec::new();
            let mut piece = |date, category, duration: TimeDelta| {
                if !duration.is_zero() {
                    pieces.push(WorkPiece::new(date, category, duration));
                }
            };
            let mut at = w.start;
            while at < w.end {
                let (date, next) =
                    local_day(self.tz, at).ok_or_else(|| out_of_range(crate::time::rfc3339(at)))?;
                let piece_end = next.min(w.end);
                let length = piece_end.signed_duration_since(at);
                if self.holidays.contains(&date) {
                    piece(date, WorkCategory::Holiday, length);
                } else if let Some(service) = &self.service_hours {
                    let business = service.between(at, piece_end)?;
                    let outside = length.checked_sub(&business).ok_or_else(|| {
                        out_of_range(format_args!(
                            "{}..{}",
                            crate::time::rfc3339(at),
                            crate::time::rfc3339(piece_end)
                        ))
                    })?;
                    piece(date, WorkCategory::Regular, business);
                    piece(date, WorkCategory::OutsideServiceHours, outside);
                } else {
                    piece(date, WorkCategory::Regular, length);
                }
                at = piece_end;
            }
            out.push(ClassifiedInterval::new(pieces));
        }
        Ok(out)
    }
}

/// Time-and-materials terms as written in configuration: the [`HourlyRates`] fields plus
/// the zone of the billing days, the service hours and the holidays. It stays apart from
/// [`TimeAndMaterials`] because validation compiles the service hours into a calendar and
/// splits the flat terms into the rates and the [`WorkClassifier`].
///
/// ```
/// use slacalc::calendar::{TimeAndMaterials, TimeAndMaterialsSpec};
///
/// let spec: TimeAndMaterialsSpec = serde_json::from_str(r#"
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
/// "#)?;
/// assert_eq!(spec.holidays.len(), 2);
/// let terms = TimeAndMaterials::try_from(spec)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct TimeAndMaterialsSpec {
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
    /// How worked time is rounded up; absent: billed exactly. Checked as it is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increment: Option<Increment>,
    /// The IANA zone whose local dates are the billing days and the holidays.
    pub timezone: String,
    /// The service hours; time outside them carries the outside-hours surcharge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_hours: Option<CalendarSpec>,
    /// Local dates (`YYYY-MM-DD`, in `timezone`) whose whole day carries the holiday surcharge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<String>,
    /// Surcharges in percent. Checked as they are read.
    #[serde(default)]
    pub surcharges: Surcharges,
}

crate::config::tracked_serde!(TimeAndMaterialsSpec);

/// Validated time-and-materials terms: [`HourlyRates`] and the [`WorkClassifier`] that feeds
/// them. Deserializing one validates it. The pricing rules are in
/// [the time and materials guide](crate::guide::time_and_materials).
///
/// # Example: an evening call-out and a holiday
///
/// ```
/// use chrono::{DateTime, Utc};
/// use slacalc::calendar::TimeAndMaterials;
/// use slacalc::Money;
/// use slacalc::money::WorkInterval;
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
/// let invoice = terms.invoice(&work)?;
/// // 100 + 50/60 × 150 + 10/60 × 100 + 200 = 100 + 125 + 16.666… + 200
/// assert_eq!(invoice.total, "441.67 EUR".parse::<Money>()?);
/// assert_eq!(invoice.lines.len(), 4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Configuration reference
///
/// Time and materials — worked intervals priced at an hourly rate, with surcharges,
/// increments and a daily cap.
///
/// [`calendar::TimeAndMaterials`](crate::calendar::TimeAndMaterials) prices worked intervals (UTC) at
/// an hourly rate:
///
/// - **Billing days.** Each interval is cut at the local midnights of `timezone`; each piece
///   belongs to one local date.
/// - **Categories.** On a date listed in `holidays` (local dates in `timezone`) all time is
///   holiday time (the holiday surcharge *replaces* the outside-hours one). Otherwise the part
///   that is business time of `service_hours` is regular and the rest is outside service hours
///   (that surcharge needs `service_hours`). A category costs
///   `hourly_rate × hours × (100 + surcharge) / 100`.
/// - **Increments** (optional; `minutes` 1–1440) round worked time *up*: `"per": "interval"`
///   (the default) rounds each worked interval, `"per": "day"` each billing day's total (then
///   splitting an interval into adjacent parts never changes the invoice). The time added is a
///   line of its own at the plain hourly rate, on the day the interval ends (or its day).
/// - **Daily rate** (optional) caps a billing day: when the day's hourly charges, surcharges and
///   rounding included, exceed it, a negative line lowers the day to it.
///
/// `terms.invoice(&[WorkInterval::new(start, end), …])` returns an [`Invoice`](crate::money::Invoice)
/// with lines per billing day (`WorkedTime`, `IncrementRounding`, `DailyRate`) that sum exactly
/// to the subtotal, rounded once ([rounding](crate::money#how-rounding-and-explanation-lines-relate)).
/// Intervals may overlap (two people working at once both bill); one that ends before it starts,
/// or lasts more than 366 days, is an error naming `work[i].end`.
///
/// The COSYS customer in `fixtures/contracts/cosys-customers.json` carries these terms in its
/// contract's `billing` (with its agreement, credits and service-hour extension; example values
/// where the seed gives none, its `about` says which); the CIIT customer its hour budget.
/// `cargo run --example cosys` prints a month's statement with a third-party invoice.
///
/// ```
/// use chrono::{DateTime, Utc};
/// use rust_decimal::Decimal;
/// use slacalc::calendar::TimeAndMaterials;
/// use slacalc::Money;
/// use slacalc::money::WorkInterval;
///
/// let t = |s: &str| s.parse::<DateTime<Utc>>();
/// let terms: TimeAndMaterials = serde_json::from_str(r#"
/// {
///   "currency": "EUR",
///   "rounding": "half_up",
///   "hourly_rate": "125.00 EUR",
///   "daily_rate": "950.00 EUR",
///   "increment": { "minutes": 15, "per": "interval" },
///   "timezone": "Europe/Berlin",
///   "service_hours": { "timezone": "Europe/Berlin", "hours": {
///     "mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
///     "thu": ["08:00-18:00"], "fri": ["08:00-18:00"] } },
///   "holidays": ["2026-04-03", "2026-04-06"],
///   "surcharges": { "outside_service_hours": "50", "holiday": "100" }
/// }"#)?;
/// let work = [
///     // Monday 16 March 16:10-19:00 Berlin: 1 h 50 min regular, 1 h outside (+50 %),
///     // 2 h 50 min rounded up to 3 h: 229.17 + 187.50 + 20.83 = 437.50.
///     WorkInterval::new(t("2026-03-16T15:10:00Z")?, t("2026-03-16T18:00:00Z")?),
///     // Tuesday 17 March 08:00-17:30: 9.5 h × 125 = 1,187.50, capped at the day rate 950.
///     WorkInterval::new(t("2026-03-17T07:00:00Z")?, t("2026-03-17T16:30:00Z")?),
///     // Saturday 21 March 10:00-10:20: 20 min outside (62.50), rounded up to 30 (+20.83).
///     WorkInterval::new(t("2026-03-21T09:00:00Z")?, t("2026-03-21T09:20:00Z")?),
///     // Good Friday, 3 April 09:00-10:00 CEST: one hour at +100 % = 250.
///     WorkInterval::new(t("2026-04-03T07:00:00Z")?, t("2026-04-03T08:00:00Z")?),
/// ];
/// let invoice = terms.invoice(&work)?;
/// assert_eq!(invoice.lines.iter().map(|l| l.amount).sum::<Decimal>(), invoice.subtotal);
/// // 437.50 + 950 + 83.333… + 250 = 1,720.833…, rounded once.
/// assert_eq!(invoice.total, "1720.83 EUR".parse::<Money>()?);
///
/// let backwards = [WorkInterval::new(t("2026-03-16T10:00:00Z")?, t("2026-03-16T09:00:00Z")?)];
/// let error = terms.invoice(&backwards).err().ok_or("accepted")?;
/// assert!(error.to_string().starts_with("work[0].end"), "{error}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TimeAndMaterialsSpec", into = "TimeAndMaterialsSpec")]
pub struct TimeAndMaterials {
    spec: TimeAndMaterialsSpec,
    rates: HourlyRates,
    classifier: WorkClassifier,
}

impl TimeAndMaterials {
    /// Validates `spec`; error paths and the paths of invoice lines are relative to it
    /// (`service_hours.timezone`, `surcharges.holiday`).
    ///
    /// # Errors
    /// * those of reading [`HourlyRates`] for the currency and the rates (the increment and
    ///   the surcharges were checked as they were read);
    /// * [`Error::UnknownTimeZone`], [`Error::InvalidDate`] and the calendar errors for the zone,
    ///   the holidays and the service hours;
    /// * [`Error::InvalidValue`] for an outside-hours surcharge without `service_hours`.
    fn from_spec(spec: TimeAndMaterialsSpec) -> Result<TimeAndMaterials, Error> {
        let rates = HourlyRates::from_config(
            &spec.currency,
            spec.rounding,
            &spec.hourly_rate,
            spec.daily_rate.as_deref(),
            spec.increment,
            spec.surcharges,
        )?;
        let tz: Tz = spec.timezone.parse().map_err(|_| Error::UnknownTimeZone {
            path: "timezone".to_owned(),
            name: spec.timezone.clone(),
        })?;
        let service_hours = match &spec.service_hours {
            Some(s) => Some(Calendar::try_from(s.clone()).map_err(|e| e.at("service_hours"))?),
            None => None,
        };
        let mut holidays = BTreeSet::new();
        for (i, s) in spec.holidays.iter().enumerate() {
            holidays.insert(parse_date(&format!("holidays[{i}]"), s)?);
        }
        if spec.surcharges.outside_service_hours().is_some() && service_hours.is_none() {
            return Err(Error::InvalidValue {
                path: "service_hours".to_owned(),
                value: "(missing)".to_owned(),
                expected:
                    "a calendar of service hours, because surcharges.outside_service_hours is set"
                        .to_owned(),
            });
        }
        Ok(TimeAndMaterials {
            spec,
            rates,
            classifier: WorkClassifier::new(tz, service_hours, holidays),
        })
    }

    /// The terms' currency.
    pub fn currency(&self) -> Currency {
        self.rates.currency()
    }

    /// The rates, which price classified work.
    pub fn rates(&self) -> &HourlyRates {
        &self.rates
    }

    /// The classifier of worked time (zone, service hours, holidays).
    pub fn classifier(&self) -> &WorkClassifier {
        &self.classifier
    }

    /// Prices `work`: [`WorkClassifier::classify`], then [`HourlyRates::price`] (see
    /// [the time and materials guide](crate::guide::time_and_materials) for the rules).
    /// Intervals may overlap (two engineers working at once both bill); the invoice has lines
    /// per billing day in date order: regular time, outside-hours time, holiday time,
    /// rounding, daily cap.
    ///
    /// # Errors
    /// * [`Error::InvalidValue`] (path `work[i].end`) for an interval that ends before it
    ///   starts or is longer than [`MAX_INTERVAL_DAYS`] days;
    /// * [`Error::OutOfRange`] at the far ends of chrono's range;
    /// * [`Error::ArithmeticOverflow`] if an amount exceeds the decimal range.
    pub fn invoice(&self, work: &[WorkInterval]) -> Result<Invoice, Error> {
        self.rates.price(&self.classifier.classify(work)?)
    }
}

impl TryFrom<TimeAndMaterialsSpec> for TimeAndMaterials {
    type Error = Error;

    fn try_from(spec: TimeAndMaterialsSpec) -> Result<Self, Error> {
        TimeAndMaterials::from_spec(spec)
    }
}

impl From<TimeAndMaterials> for TimeAndMaterialsSpec {
    fn from(t: TimeAndMaterials) -> Self {
        t.spec
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{d, t};

    fn terms(json: &str) -> TimeAndMaterials {
        TimeAndMaterials::try_from(serde_json::from_str::<TimeAndMaterialsSpec>(json).unwrap())
            .unwrap()
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
            .invoice(&[
                WorkInterval::new(t("2026-03-02T08:00:00Z"), t("2026-03-02T08:10:00Z")),
                WorkInterval::new(t("2026-03-02T09:00:00Z"), t("2026-03-02T09:10:00Z")),
                WorkInterval::new(t("2026-03-02T10:00:00Z"), t("2026-03-02T17:50:00Z")),
            ])
            .unwrap();
        // 490/60 × 100 and 20/60 × 100 do not terminate: the lines carry 28 significant
        // digits, and the cap line takes the day to 700 exactly.
        assert_eq!(inv.lines.len(), 3);
        assert_eq!(inv.lines[0].amount, d("816.6666666666666666666666667"));
        assert_eq!(inv.lines[1].path, "increment");
        assert_eq!(inv.lines[1].amount, d("33.333333333333333333333333333"));
        assert_eq!(inv.lines[2].path, "daily_rate");
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
            .invoice(&[
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
            .invoice(&[WorkInterval::new(
                t("2026-12-24T22:00:00Z"),
                t("2026-12-25T00:30:00Z"),
            )])
            .unwrap();
        assert_eq!(inv.lines.len(), 2);
        assert_eq!(inv.lines[0].amount, d("80"));
        assert_eq!(inv.lines[1].path, "surcharges.holiday");
        assert_eq!(inv.lines[1].amount, d("240"));
        assert_eq!(inv.total.amount, d("320.00"));
    }

    #[test]
    fn evaluate_errors() {
        let tm = terms(r#"{"currency":"EUR","hourly_rate":"80 EUR","timezone":"UTC"}"#);
        let err = tm
            .invoice(&[
                WorkInterval::new(t("2026-03-02T08:00:00Z"), t("2026-03-02T09:00:00Z")),
                WorkInterval::new(t("2026-03-02T08:00:00Z"), t("2026-03-02T07:00:00Z")),
            ])
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "work[1].end: invalid value `2026-03-02T07:00:00+00:00`: expected an instant at or after the start 2026-03-02T08:00:00+00:00"
        );
        let err = tm
            .invoice(&[WorkInterval::new(
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
            .invoice(&[WorkInterval::new(
                t("2026-01-01T00:00:00Z"),
                t("2027-01-02T00:00:00Z"),
            )])
            .unwrap();
        assert_eq!(inv.lines.len(), 366);
        assert_eq!(inv.total.amount, d("702720.00"));
    }
}
