//! [`Currency`] (an ISO 4217 code with its minor units) and [`Money`] (an exact amount in one
//! currency).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::RoundingMode;
use crate::error::Error;

/// The currencies slacalc knows, with their ISO 4217 minor units (digits after the decimal
/// point). Sorted by code.
const KNOWN: &[(&str, u32)] = &[
    ("AUD", 2),
    ("BHD", 3),
    ("BRL", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CNY", 2),
    ("CZK", 2),
    ("DKK", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("HKD", 2),
    ("HUF", 2),
    ("INR", 2),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("MXN", 2),
    ("MYR", 2),
    ("NOK", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PLN", 2),
    ("RON", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("TND", 3),
    ("UAH", 2),
    ("USD", 2),
    ("ZAR", 2),
];

/// A currency: an ISO 4217 code from slacalc's table, with the number of its minor units.
///
/// Amounts are rounded to the minor units (2 for `EUR`, 0 for `JPY`, 3 for `KWD`) once, at the
/// end of a computation. Codes are three upper-case ASCII letters; a well-formed code that is not
/// in the table is an error rather than a guess.
///
/// ```
/// use slacalc::money::Currency;
///
/// let yen: Currency = "JPY".parse()?;
/// assert_eq!(yen.minor_units(), 0);
/// assert_eq!(Currency::EUR.code(), "EUR");
/// assert_eq!(Currency::EUR.minor_units(), 2);
/// assert!("eur".parse::<Currency>().is_err());
/// assert!("XYZ".parse::<Currency>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: &'static str,
    minor_units: u32,
}

impl Currency {
    /// The euro, 2 minor units.
    pub const EUR: Currency = Currency::known("EUR", 2);
    /// The US dollar, 2 minor units.
    pub const USD: Currency = Currency::known("USD", 2);
    /// The pound sterling, 2 minor units.
    pub const GBP: Currency = Currency::known("GBP", 2);
    /// The Polish złoty, 2 minor units.
    pub const PLN: Currency = Currency::known("PLN", 2);
    /// The Swiss franc, 2 minor units.
    pub const CHF: Currency = Currency::known("CHF", 2);
    /// The Japanese yen, no minor units.
    pub const JPY: Currency = Currency::known("JPY", 0);

    const fn known(code: &'static str, minor_units: u32) -> Currency {
        Currency { code, minor_units }
    }

    /// Looks a code up in slacalc's table.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] unless `code` is three upper-case ASCII letters;
    /// [`Error::UnknownName`] (kind `currency`, listing the known codes) for a well-formed code
    /// that is not in the table. The errors' `path` is empty; config loaders fill it in.
    pub fn new(code: &str) -> Result<Currency, Error> {
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Error::InvalidValue {
                path: String::new(),
                value: code.to_owned(),
                expected: "a three-letter ISO 4217 currency code in upper case, such as EUR"
                    .to_owned(),
            });
        }
        KNOWN
            .iter()
            .find(|(c, _)| *c == code)
            .map(|&(c, minor_units)| Currency::known(c, minor_units))
            .ok_or_else(|| Error::UnknownName {
                path: String::new(),
                kind: "currency".to_owned(),
                name: code.to_owned(),
                known: KNOWN.iter().map(|(c, _)| (*c).to_owned()).collect(),
            })
    }

    /// The ISO 4217 code, such as `EUR`.
    pub fn code(self) -> &'static str {
        self.code
    }

    /// Digits after the decimal point in this currency's smallest unit (2 for `EUR`, 0 for `JPY`).
    pub fn minor_units(self) -> u32 {
        self.minor_units
    }
}

impl FromStr for Currency {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Currency::new(s)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An exact amount of money in one currency.
///
/// Its text form, used in configuration and by `Display`, is the amount, one space and the
/// code: `"1500.00 EUR"`, `"-0.5 USD"`, `"300 JPY"`. The amount is written with a `.` as decimal
/// point and no thousands separators or exponent; it is kept exactly as written (`"1.50 EUR"`
/// and `"1.5 EUR"` are equal but print differently). Serde uses the same string.
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::Money;
/// use slacalc::money::{Currency, RoundingMode};
///
/// let m: Money = "1234.565 EUR".parse()?;
/// assert_eq!(m.currency, Currency::EUR);
/// assert_eq!(m.to_string(), "1234.565 EUR");
/// assert_eq!(m.round(RoundingMode::HalfUp).amount, Decimal::new(123457, 2));
/// assert_eq!(m.round(RoundingMode::HalfEven).amount, Decimal::new(123456, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    /// The exact amount, in major units (euros, not cents).
    pub amount: Decimal,
    /// The currency of the amount.
    pub currency: Currency,
}

impl Money {
    /// An amount in a currency.
    pub fn new(amount: Decimal, currency: Currency) -> Money {
        Money { amount, currency }
    }

    /// Zero in a currency.
    pub fn zero(currency: Currency) -> Money {
        Money::new(Decimal::ZERO, currency)
    }

    /// The amount rounded to the currency's minor units with `mode`, and written with
    /// exactly that many decimals: `600` becomes `600.00` in EUR, `0` becomes `0.00`.
    pub fn round(self, mode: RoundingMode) -> Money {
        let units = self.currency.minor_units();
        let rounded = mode.round(self.amount, units);
        let mut padded = rounded;
        padded.rescale(units);
        // `rescale` keeps the value unless the padded mantissa would not fit 96 bits (an
        // amount near 7.9 × 10²⁸); such an amount keeps its shorter form.
        let amount = if padded == rounded { padded } else { rounded };
        Money::new(amount, self.currency)
    }

    /// `self + other`.
    ///
    /// # Errors
    /// [`Error::CurrencyMismatch`] if the currencies differ; [`Error::ArithmeticOverflow`] if
    /// the sum does not fit. Both name the path `Money::checked_add`.
    pub fn checked_add(self, other: Money) -> Result<Money, Error> {
        const OP: &str = "Money::checked_add";
        self.same_currency(other, OP)?;
        Ok(Money::new(
            super::add(self.amount, other.amount, OP)?,
            self.currency,
        ))
    }

    /// `self - other`.
    ///
    /// # Errors
    /// [`Error::CurrencyMismatch`] if the currencies differ; [`Error::ArithmeticOverflow`] if
    /// the difference does not fit. Both name the path `Money::checked_sub`.
    pub fn checked_sub(self, other: Money) -> Result<Money, Error> {
        const OP: &str = "Money::checked_sub";
        self.same_currency(other, OP)?;
        Ok(Money::new(
            super::sub(self.amount, other.amount, OP)?,
            self.currency,
        ))
    }

    /// `self × factor` (a quantity or a ratio), unrounded.
    ///
    /// # Errors
    /// [`Error::ArithmeticOverflow`] (path `Money::checked_mul`) if the product does not fit.
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, Error> {
        Ok(Money::new(
            super::mul(self.amount, factor, "Money::checked_mul")?,
            self.currency,
        ))
    }

    /// Checks that `other` is in this amount's currency.
    fn same_currency(self, other: Money, path: &str) -> Result<(), Error> {
        expect_currency(self.currency, other.currency, path)
    }
}

/// [`Error::CurrencyMismatch`] at `path` unless `found == expected`.
pub(super) fn expect_currency(
    expected: Currency,
    found: Currency,
    path: &str,
) -> Result<(), Error> {
    if expected == found {
        Ok(())
    } else {
        Err(Error::CurrencyMismatch {
            path: path.to_owned(),
            expected: expected.code().to_owned(),
            found: found.code().to_owned(),
        })
    }
}

impl FromStr for Money {
    type Err = Error;

    /// Parses `"<amount> <CODE>"`, such as `"12.50 EUR"`.
    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = || Error::InvalidValue {
            path: String::new(),
            value: s.to_owned(),
            expected: "an amount and a currency code separated by one space, such as `12.50 EUR`"
                .to_owned(),
        };
        let (amount, code) = s.split_once(' ').ok_or_else(bad)?;
        let digits_ok = !amount.is_empty()
            && amount
                .strip_prefix('-')
                .unwrap_or(amount)
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.');
        if !digits_ok {
            return Err(bad());
        }
        let amount = Decimal::from_str_exact(amount).map_err(|_| bad())?;
        let currency = Currency::new(code)?;
        Ok(Money::new(amount, currency))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_well_formed() {
        assert!(KNOWN.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, _) in KNOWN {
            assert_eq!(Currency::new(code).unwrap().code(), *code);
        }
    }

    #[test]
    fn minor_units() {
        assert_eq!(Currency::new("JPY").unwrap(), Currency::JPY);
        assert_eq!(Currency::new("KWD").unwrap().minor_units(), 3);
        assert_eq!(Currency::PLN.minor_units(), 2);
        assert_eq!(Currency::CHF.to_string(), "CHF");
    }

    #[test]
    fn bad_codes() {
        assert_eq!(
            "eur".parse::<Currency>().unwrap_err().to_string(),
            "invalid value `eur`: expected a three-letter ISO 4217 currency code in upper case, such as EUR"
        );
        let err = "XYZ".parse::<Currency>().unwrap_err().to_string();
        assert!(
            err.starts_with("unknown currency `XYZ`: expected one of AUD, BHD, "),
            "{err}"
        );
    }

    #[test]
    fn money_round_trips_and_rejects_junk() {
        for s in ["12.50 EUR", "-0.5 USD", "300 JPY", "0 GBP"] {
            assert_eq!(s.parse::<Money>().unwrap().to_string(), s);
        }
        for s in [
            "12.50",
            "12.50  EUR",
            "1e3 EUR",
            "12,50 EUR",
            " EUR",
            "+1 EUR",
            "1.2.3 EUR",
        ] {
            assert!(s.parse::<Money>().is_err(), "{s}");
        }
        assert_eq!(
            "12.50EUR".parse::<Money>().unwrap_err().to_string(),
            "invalid value `12.50EUR`: expected an amount and a currency code separated by one space, such as `12.50 EUR`"
        );
    }

    #[test]
    fn money_arithmetic_is_checked() {
        let a: Money = "1.25 EUR".parse().unwrap();
        let b: Money = "2.5 EUR".parse().unwrap();
        assert_eq!(a.checked_add(b).unwrap().amount, Decimal::new(375, 2));
        assert_eq!(a.checked_sub(b).unwrap().amount, Decimal::new(-125, 2));
        let usd: Money = "1 USD".parse().unwrap();
        assert_eq!(
            a.checked_add(usd).unwrap_err().to_string(),
            "Money::checked_add: currency mismatch: expected EUR, found USD"
        );
        let max = Money::new(Decimal::MAX, Currency::EUR);
        assert_eq!(
            max.checked_add(a).unwrap_err().to_string(),
            "Money::checked_add: arithmetic overflow: the result exceeds the range of a 96-bit decimal"
        );
        assert!(max.checked_mul(Decimal::TWO).is_err());
    }

    #[test]
    fn serde_is_the_string_form() {
        let m: Money = serde_json::from_str(r#""12.50 EUR""#).unwrap();
        assert_eq!(m.amount, Decimal::new(1250, 2));
        assert_eq!(serde_json::to_string(&m).unwrap(), r#""12.50 EUR""#);
        assert!(serde_json::from_str::<Money>("12.5").is_err());
    }
}
