//! [`HourlyRates::price`]: classified work into an invoice, per billing day and category, with
//! increments and the daily cap (the rules are in the [module docs](super)).

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeDelta};
use rust_decimal::Decimal;

use super::super::invoice::Lines;
use super::super::rounded::{add, mul, sub};
use super::super::{overflow, Arithmetic};
use super::super::{ClassifiedInterval, IncrementBasis, Invoice, LineDetail, WorkCategory};
use super::HourlyRates;
use crate::error::Error;
use crate::time::{format_duration, seconds_of};

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

/// An out-of-range error of pricing, on the durations `value` names.
fn out_of_range(value: std::fmt::Arguments<'_>) -> Error {
    crate::error::out_of_range("HourlyRates::price", value)
}

fn plus(a: TimeDelta, b: TimeDelta) -> Result<TimeDelta, Error> {
    a.checked_add(&b).ok_or_else(|| {
        out_of_range(format_args!(
            "{} + {}",
            format_duration(a),
            format_duration(b)
        ))
    })
}

impl HourlyRates {
    /// Prices work a calendar has classified (see the [guide](crate::guide::time_and_materials) for the rules):
    /// per billing day and category, with billing increments per interval (added on the date
    /// of an interval's last piece) or per day, and the daily cap. Intervals may overlap; the
    /// invoice has lines per billing day in date order: regular time, outside-hours time,
    /// holiday time, rounding, daily cap.
    ///
    /// # Errors
    /// * [`Error::InvalidValue`] (path `work[i].pieces[j].duration`) for a negative piece;
    /// * [`Error::OutOfRange`] if the durations overflow;
    /// * [`Error::ArithmeticOverflow`] if an amount exceeds the decimal range.
    pub fn price(&self, work: &[ClassifiedInterval]) -> Result<Invoice, Error> {
        let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
        for (i, interval) in work.iter().enumerate() {
            let mut len = TimeDelta::zero();
            for (j, piece) in interval.pieces.iter().enumerate() {
                if piece.duration < TimeDelta::zero() {
                    return Err(Error::InvalidValue {
                        path: format!("work[{i}].pieces[{j}].duration"),
                        value: format_duration(piece.duration),
                        expected: "a duration that is not negative".to_owned(),
                    });
                }
                len = plus(len, piece.duration)?;
                let day = days.entry(piece.date).or_default();
                let time = match piece.category {
                    WorkCategory::Regular => &mut day.regular,
                    WorkCategory::OutsideServiceHours => &mut day.outside,
                    WorkCategory::Holiday => &mut day.holiday,
                };
                *time = plus(*time, piece.duration)?;
            }
            if let (Some((minutes, IncrementBasis::Interval)), Some(last)) =
                (self.increment_rule(), interval.pieces.last())
            {
                let extra = round_up_extra(len, minutes).ok_or_else(|| {
                    out_of_range(format_args!(
                        "{} in steps of {minutes}m",
                        format_duration(len)
                    ))
                })?;
                let day = days.entry(last.date).or_default();
                day.rounding = plus(day.rounding, extra)?;
            }
        }
        if let Some((minutes, IncrementBasis::Day)) = self.increment_rule() {
            for day in days.values_mut() {
                let worked = day
                    .worked()
                    .ok_or_else(|| out_of_range(format_args!("the work of one day")))?;
                day.rounding = round_up_extra(worked, minutes).ok_or_else(|| {
                    out_of_range(format_args!(
                        "{} in steps of {minutes}m",
                        format_duration(worked)
                    ))
                })?;
            }
        }
        let mut out = Lines {
            arithmetic: Arithmetic::Rounded,
            ..Lines::default()
        };
        for (date, day) in &days {
            self.price_day(*date, day, &mut out)?;
        }
        out.finish(self.currency, self.rounding, "")
    }

    /// The increment's minutes and basis, if any.
    fn increment_rule(&self) -> Option<(u32, IncrementBasis)> {
        self.increment.map(|i| (i.minutes(), i.per()))
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
                self.surcharges.outside_service_hours().unwrap_or_default(),
                "surcharges.outside_service_hours",
            ),
            (
                WorkCategory::Holiday,
                day.holiday,
                self.surcharges.holiday().unwrap_or_default(),
                "surcharges.holiday",
            ),
        ];
        for (category, time, percent, field) in categories {
            if time.is_zero() {
                continue;
            }
            let path = field.to_owned();
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
        if let (false, Some((minutes, basis))) = (day.rounding.is_zero(), self.increment_rule()) {
            let path = "increment".to_owned();
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
                let path = "daily_rate".to_owned();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::WorkPiece;
    use crate::testing::d;

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

    #[test]
    fn negative_pieces_are_refused() {
        let rates: HourlyRates =
            serde_json::from_str(r#"{"currency":"EUR","hourly_rate":"60 EUR"}"#).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let work = [ClassifiedInterval::new(vec![
            WorkPiece::new(day, WorkCategory::Regular, TimeDelta::minutes(5)),
            WorkPiece::new(day, WorkCategory::Holiday, TimeDelta::minutes(-5)),
        ])];
        assert_eq!(
            rates.price(&work).unwrap_err().to_string(),
            "work[0].pieces[1].duration: invalid value `-5m`: expected a duration that is not negative"
        );
    }

    #[test]
    fn an_interval_increment_lands_on_its_last_day() {
        let rates: HourlyRates = serde_json::from_str(
            r#"{"currency":"EUR","hourly_rate":"60 EUR","increment":{"minutes":60},
                "surcharges":{"holiday":"100"}}"#,
        )
        .unwrap();
        let (mon, tue) = (
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
        );
        // 20 minutes before midnight, 10 after on a holiday: 30 minutes rounded up to an hour.
        let work = [ClassifiedInterval::new(vec![
            WorkPiece::new(mon, WorkCategory::Regular, TimeDelta::minutes(20)),
            WorkPiece::new(tue, WorkCategory::Holiday, TimeDelta::minutes(10)),
        ])];
        let inv = rates.price(&work).unwrap();
        let lines: Vec<(String, Decimal)> = inv
            .lines
            .iter()
            .map(|l| (l.path.clone(), l.amount))
            .collect();
        assert_eq!(
            lines,
            [
                ("hourly_rate".to_owned(), d("20")),
                ("surcharges.holiday".to_owned(), d("20")),
                ("increment".to_owned(), d("30")),
            ]
        );
        match &inv.lines[2].detail {
            LineDetail::IncrementRounding { date, .. } => assert_eq!(*date, tue),
            other => panic!("{other:?}"),
        }
        assert_eq!(inv.total.amount, d("70.00"));
    }
}
