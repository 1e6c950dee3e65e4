//! [`Invoice`]: an amount together with the lines that explain it.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::work::{IncrementBasis, WorkCategory};
use super::{Currency, Money, RoundingMode};
use crate::error::Error;
use crate::time::format_hms;

/// The result of evaluating a [`FeeSchedule`](super::FeeSchedule) or a
/// [`CreditPolicy`](super::CreditPolicy): the amount and how it came about.
///
/// The relation between lines and total is exact and holds for every invoice:
///
/// * `lines` are the parts of the fee at full precision, and their amounts add up to
///   `subtotal` exactly (a line may be negative: a cap or maximum that lowers the total);
/// * `total` is `subtotal` rounded **once** to the currency's minor units with `rounding`;
/// * `rounding_adjustment` is `total.amount - subtotal`.
///
/// `notes` say why alternatives were not taken (`greater_of`, `lesser_of`); they carry no
/// amounts that count. `Display` prints a readable invoice.
///
/// ```
/// use slacalc::Money;
/// use slacalc::money::{FeeInputs, FeeSchedule};
///
/// let schedule: FeeSchedule = serde_json::from_str(r#"{
///   "currency": "EUR",
///   "fee": { "per_unit": { "quantity": "extra_cases", "price": "33.333 EUR" } }
/// }"#)?;
/// let invoice = schedule.invoice(&FeeInputs::new().with_quantity("extra_cases", 3.into()))?;
/// assert_eq!(invoice.subtotal, "99.999".parse()?);
/// assert_eq!(invoice.total, "100.00 EUR".parse::<Money>()?);
/// assert_eq!(invoice.rounding_adjustment, "0.001".parse()?);
/// let text = invoice.to_string();
/// assert_eq!(text, "\
/// fee.per_unit
///   3 × 33.333 (extra_cases)                                     99.999
/// subtotal                                                       99.999
/// rounding (half_up)                                              0.001
/// total                                                          100.00 EUR
/// ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invoice {
    /// The currency of every amount in the invoice.
    pub currency: Currency,
    /// The parts of the amount, exact; they sum to `subtotal`.
    pub lines: Vec<InvoiceLine>,
    /// Remarks on the choices made (alternatives not taken); they carry no amount.
    pub notes: Vec<String>,
    /// The exact sum of the lines.
    #[serde(with = "crate::money::decimal_str")]
    pub subtotal: Decimal,
    /// How `subtotal` was rounded.
    pub rounding: RoundingMode,
    /// `total.amount - subtotal`.
    #[serde(with = "crate::money::decimal_str")]
    pub rounding_adjustment: Decimal,
    /// The amount due (or credited), in the currency's minor units.
    pub total: Money,
}

/// One part of an [`Invoice`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvoiceLine {
    /// Where in the configuration the line comes from, such as
    /// `fee.greater_of[1].graduated.bands[2]`.
    pub path: String,
    /// What the line is, with its numbers.
    pub detail: LineDetail,
    /// The line's exact amount (negative for caps).
    #[serde(with = "crate::money::decimal_str")]
    pub amount: Decimal,
}

/// What an [`InvoiceLine`] stands for. Serialized with a `kind` tag in `snake_case`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields,
    remote = "Self"
)]
#[non_exhaustive]
pub enum LineDetail {
    /// A fixed amount.
    Fixed,
    /// A quantity at a unit price.
    PerUnit {
        /// The name of the quantity input.
        input: String,
        /// The quantity.
        #[serde(with = "crate::money::decimal_str")]
        quantity: Decimal,
        /// The price of one unit.
        #[serde(with = "crate::money::decimal_str")]
        unit_price: Decimal,
    },
    /// A percentage of the part of a base amount that lies in a band.
    Band {
        /// The name of the base input.
        input: String,
        /// The band's lower bound (inclusive).
        #[serde(with = "crate::money::decimal_str")]
        from: Decimal,
        /// The band's upper bound (exclusive); `None` for the open last band.
        #[serde(with = "crate::money::decimal_str::option")]
        to: Option<Decimal>,
        /// The part of the base the percentage applies to: for a graduated fee the part of the
        /// base inside the band, for a volume fee the whole base.
        #[serde(with = "crate::money::decimal_str")]
        portion: Decimal,
        /// The band's rate in percent.
        #[serde(with = "crate::money::decimal_str")]
        percent: Decimal,
    },
    /// The amount that raises a fee to its minimum.
    Minimum {
        /// The fee before the minimum applied.
        #[serde(with = "crate::money::decimal_str")]
        before: Decimal,
        /// The minimum.
        #[serde(with = "crate::money::decimal_str")]
        minimum: Decimal,
    },
    /// The (negative) amount that lowers a fee or credit to its maximum or cap.
    Maximum {
        /// The amount before the maximum applied.
        #[serde(with = "crate::money::decimal_str")]
        before: Decimal,
        /// The maximum.
        #[serde(with = "crate::money::decimal_str")]
        maximum: Decimal,
    },
    /// A service credit for missing an availability target: a percentage of the monthly fee.
    AvailabilityCredit {
        /// The achieved availability, in percent.
        #[serde(with = "crate::money::decimal_str")]
        availability: Decimal,
        /// The tier's threshold: the tier applies below this availability, in percent.
        #[serde(with = "crate::money::decimal_str")]
        below: Decimal,
        /// The credit in percent of the monthly fee.
        #[serde(with = "crate::money::decimal_str")]
        percent: Decimal,
        /// The monthly fee.
        #[serde(with = "crate::money::decimal_str")]
        monthly_fee: Decimal,
    },
    /// A service credit per incident whose target was breached.
    BreachCredit {
        /// The severity key.
        severity: String,
        /// How many incidents of that severity breached.
        count: u32,
        /// The credit per breached incident.
        #[serde(with = "crate::money::decimal_str")]
        per_breach: Decimal,
    },
    /// Cases opened beyond a case quota's allowance, at the overage price.
    CaseOverage {
        /// How many cases this invoice charges.
        cases: u32,
        /// The cases included per quota period.
        limit: u32,
        /// The price of one extra case.
        #[serde(with = "crate::money::decimal_str")]
        price: Decimal,
    },
    /// Time worked on one billing day in one category, at the hourly rate plus a surcharge
    /// (see [`HourlyRates`](super::HourlyRates)).
    WorkedTime {
        /// The billing day (a local date).
        #[serde(with = "crate::config::date")]
        date: NaiveDate,
        /// Regular, outside service hours, or on a holiday.
        category: WorkCategory,
        /// The time worked, in exact seconds.
        #[serde(with = "crate::money::decimal_str")]
        seconds: Decimal,
        /// The price of an hour before the surcharge.
        #[serde(with = "crate::money::decimal_str")]
        hourly_rate: Decimal,
        /// The surcharge in percent (0 for regular time).
        #[serde(with = "crate::money::decimal_str")]
        surcharge_percent: Decimal,
    },
    /// Time added on a billing day by rounding worked time up to billing increments, at the
    /// plain hourly rate.
    IncrementRounding {
        /// The billing day (a local date).
        #[serde(with = "crate::config::date")]
        date: NaiveDate,
        /// The time added, in exact seconds.
        #[serde(with = "crate::money::decimal_str")]
        seconds: Decimal,
        /// The increment in minutes.
        increment_minutes: u32,
        /// Whether each interval or each day was rounded up.
        basis: IncrementBasis,
        /// The price of an hour.
        #[serde(with = "crate::money::decimal_str")]
        hourly_rate: Decimal,
    },
    /// The (negative) amount that lowers a billing day's hourly charges to the daily rate.
    DailyRate {
        /// The billing day (a local date).
        #[serde(with = "crate::config::date")]
        date: NaiveDate,
        /// The day's hourly charges.
        #[serde(with = "crate::money::decimal_str")]
        before: Decimal,
        /// The daily rate.
        #[serde(with = "crate::money::decimal_str")]
        daily_rate: Decimal,
    },
}

impl<'de> Deserialize<'de> for LineDetail {
    /// The derived form, except that `fixed` (a unit variant) refuses other fields too.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::config::strict_tagged(d, "kind", LineDetail::deserialize)
    }
}

impl Serialize for LineDetail {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        LineDetail::serialize(self, s)
    }
}

impl fmt::Display for LineDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineDetail::Fixed => f.write_str("fixed amount"),
            LineDetail::PerUnit {
                input,
                quantity,
                unit_price,
            } => write!(f, "{quantity} × {unit_price} ({input})"),
            LineDetail::Band {
                input,
                from,
                to,
                portion,
                percent,
            } => {
                write!(f, "{percent} % of {portion} ({input} band {from}–")?;
                match to {
                    Some(to) => write!(f, "{to})"),
                    None => f.write_str("…)"),
                }
            }
            LineDetail::Minimum { before, minimum } => {
                write!(f, "raised from {before} to the minimum {minimum}")
            }
            LineDetail::Maximum { before, maximum } => {
                write!(f, "lowered from {before} to the maximum {maximum}")
            }
            LineDetail::AvailabilityCredit {
                availability,
                below,
                percent,
                monthly_fee,
            } => write!(
                f,
                "{percent} % of the monthly fee {monthly_fee} (availability {availability} % < {below} %)"
            ),
            LineDetail::BreachCredit {
                severity,
                count,
                per_breach,
            } => write!(
                f,
                "{count} × {per_breach} (breached `{severity}` {})",
                if *count == 1 { "incident" } else { "incidents" }
            ),
            LineDetail::CaseOverage {
                cases,
                limit,
                price,
            } => write!(
                f,
                "{cases} × {price} ({} beyond the {limit} included)",
                if *cases == 1 { "case" } else { "cases" }
            ),
            LineDetail::WorkedTime {
                date,
                category,
                seconds,
                hourly_rate,
                surcharge_percent,
            } => {
                write!(f, "{date} {} {category} at {hourly_rate}/h", format_hms(*seconds))?;
                if surcharge_percent.is_zero() {
                    Ok(())
                } else {
                    write!(f, " + {surcharge_percent} %")
                }
            }
            LineDetail::IncrementRounding {
                date,
                seconds,
                increment_minutes,
                basis,
                hourly_rate,
            } => write!(
                f,
                "{date} +{} rounding up to {increment_minutes} min {basis} at {hourly_rate}/h",
                format_hms(*seconds)
            ),
            LineDetail::DailyRate {
                date,
                before,
                daily_rate,
            } => write!(
                f,
                "{date} day rate {daily_rate} instead of {}",
                before.normalize()
            ),
        }
    }
}

impl fmt::Display for Invoice {
    /// One block per line (its config path, then what it is and its exact amount), the notes,
    /// then subtotal, rounding adjustment and total, amounts right-aligned in one column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            writeln!(f, "{}", line.path)?;
            writeln!(f, "  {:<50} {:>16}", line.detail.to_string(), line.amount)?;
        }
        for note in &self.notes {
            writeln!(f, "note: {note}")?;
        }
        writeln!(f, "{:<52} {:>16}", "subtotal", self.subtotal)?;
        writeln!(
            f,
            "{:<52} {:>16}",
            format!("rounding ({})", self.rounding),
            self.rounding_adjustment
        )?;
        writeln!(
            f,
            "{:<52} {:>16} {}",
            "total",
            self.total.amount,
            self.currency.code()
        )
    }
}

/// Collects lines and notes while a fee or credit is evaluated, keeping a running exact sum.
#[derive(Debug, Default)]
pub(super) struct Lines {
    pub(super) lines: Vec<InvoiceLine>,
    pub(super) notes: Vec<String>,
    pub(super) sum: Decimal,
    /// Whether the sums must be exact.
    pub(super) arithmetic: super::Arithmetic,
}

impl Lines {
    /// Adds a line and its amount to the running sum.
    pub(super) fn push(
        &mut self,
        path: String,
        detail: LineDetail,
        amount: Decimal,
    ) -> Result<(), Error> {
        self.sum = self.arithmetic.add(self.sum, amount, &path)?;
        self.lines.push(InvoiceLine {
            path,
            detail,
            amount,
        });
        Ok(())
    }

    /// Appends all of `other`'s lines and notes.
    pub(super) fn extend(&mut self, other: Lines, path: &str) -> Result<(), Error> {
        self.sum = self.arithmetic.add(self.sum, other.sum, path)?;
        self.lines.extend(other.lines);
        self.notes.extend(other.notes);
        Ok(())
    }

    /// Rounds the sum once and builds the invoice.
    pub(super) fn finish(
        self,
        currency: Currency,
        rounding: RoundingMode,
        path: &str,
    ) -> Result<Invoice, Error> {
        let total = Money::new(self.sum, currency).round(rounding);
        Ok(Invoice {
            currency,
            lines: self.lines,
            notes: self.notes,
            subtotal: self.sum,
            rounding,
            rounding_adjustment: self.arithmetic.sub(total.amount, self.sum, path)?,
            total,
        })
    }
}
