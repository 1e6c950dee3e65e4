//! Fee schedules: [`FeeScheduleSpec`] (the serde form) and [`FeeSchedule`] (validated), evaluated
//! against [`FeeInputs`] into an [`Invoice`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::currency::expect_currency;
use super::invoice::Lines;
use super::{at_path, config_amount, join, mul, non_negative, percent_of, sub};
use super::{Currency, Invoice, LineDetail, Money, RoundingMode};
use crate::error::Error;

/// A fee schedule as written in configuration (JSON or TOML).
///
/// Amounts are [`Money`] strings (`"100.00 USD"`), every one in the schedule's `currency`;
/// percentages and quantities are decimal strings (`"7.5"`); JSON numbers are rejected because
/// they pass through `f64`. Convert with [`FeeSchedule::try_from`] or
/// [`FeeSchedule::from_spec_at`], or deserialize a [`FeeSchedule`] directly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct FeeScheduleSpec {
    /// The ISO 4217 code every amount in the schedule must use.
    pub currency: String,
    /// How the final amount is rounded (default `half_up`).
    #[serde(default)]
    pub rounding: RoundingMode,
    /// The rule that computes the fee.
    pub fee: FeeRuleSpec,
}

crate::config::tracked_serde!(FeeScheduleSpec);

/// One rule of a fee schedule, as written in configuration. Externally tagged, `snake_case`:
/// `{"fixed": "100.00 USD"}`, `{"greater_of": [ … ]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
pub enum FeeRuleSpec {
    /// A fixed amount, such as `"1500.00 EUR"`.
    Fixed(String),
    /// A quantity input times a unit price.
    PerUnit(UnitPriceSpec),
    /// A percentage of a base input, band by band: each band's rate applies to the part of the
    /// base inside it (like a tax bracket).
    Graduated(RateSpec),
    /// A percentage of a base input: the whole base at the rate of the band it falls in.
    Volume(RateSpec),
    /// A rule whose result is raised to `min` and lowered to `max`.
    Clamp(ClampSpec),
    /// The largest of several rules (the first listed wins a tie).
    GreaterOf(Vec<FeeRuleSpec>),
    /// The smallest of several rules (the first listed wins a tie).
    LesserOf(Vec<FeeRuleSpec>),
    /// The sum of several rules.
    Sum(Vec<FeeRuleSpec>),
}

/// The derived form, read from the map itself so that a second key (`{"fixed": …, "sum": …}`)
/// is refused by name instead of as a syntax error.
impl<'de> Deserialize<'de> for FeeRuleSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RuleVisitor)
    }
}

impl Serialize for FeeRuleSpec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FeeRuleSpec::serialize(self, s)
    }
}

const RULES: &str =
    "`fixed`, `per_unit`, `graduated`, `volume`, `clamp`, `greater_of`, `lesser_of`, `sum`";

struct RuleVisitor;

impl<'de> serde::de::Visitor<'de> for RuleVisitor {
    type Value = FeeRuleSpec;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a rule: an object with exactly one key, one of {RULES}")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<FeeRuleSpec, A::Error> {
        use serde::de::Error as _;
        let rule =
            FeeRuleSpec::deserialize(serde::de::value::MapAccessDeserializer::new(&mut map))?;
        if let Some(second) = map.next_key::<String>()? {
            return Err(A::Error::custom(format_args!(
                "a second rule `{second}` in one object: a rule is an object with exactly one \
                 key, one of {RULES} (combine rules with `sum`, `greater_of` or `lesser_of`)"
            )));
        }
        Ok(rule)
    }
}

/// `quantity × price`, as written in configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitPriceSpec {
    /// The name of the quantity input, such as `extra_cases`.
    pub quantity: String,
    /// The price of one unit, such as `"120.00 EUR"`.
    pub price: String,
}

/// Percentage bands over a base input, as written in configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateSpec {
    /// The name of the base amount input, such as `usage`.
    pub of: String,
    /// The bands, in ascending order: the first starts at `0`, each next one starts where the
    /// previous one ends, and only the last one, which has no `to`, is open.
    pub bands: Vec<BandSpec>,
}

/// One band of a [`RateSpec`]: `[from, to)` at `percent`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandSpec {
    /// The lower bound (inclusive), in the schedule's currency.
    #[serde(with = "crate::money::decimal_str")]
    pub from: Decimal,
    /// The upper bound (exclusive); omitted for the last band.
    #[serde(
        default,
        with = "crate::money::decimal_str::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<Decimal>,
    /// The rate in percent (`"7"` is 7 %).
    #[serde(with = "crate::money::decimal_str")]
    pub percent: Decimal,
}

/// A minimum and/or a maximum around a rule, as written in configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClampSpec {
    /// The smallest result, such as `"100.00 USD"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// The largest result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// The rule being clamped.
    pub fee: Box<FeeRuleSpec>,
}

/// A validated fee schedule: one currency, a rounding mode and a rule tree in which every
/// amount is non-negative and in that currency and every band list is contiguous.
///
/// Deserializing a `FeeSchedule` validates it (it goes through [`FeeScheduleSpec`]); errors name
/// the config path, such as `fee.greater_of[1].graduated.bands[2].from`.
///
/// # Example: a fee with a minimum, bands and per-case charges
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::money::{FeeInputs, FeeSchedule, Money};
///
/// let schedule: FeeSchedule = serde_json::from_str(r#"{
///   "currency": "EUR",
///   "rounding": "half_up",
///   "fee": { "sum": [
///     { "clamp": { "min": "1500.00 EUR", "fee": { "volume": { "of": "usage", "bands": [
///       { "from": "0",     "to": "10000", "percent": "14" },
///       { "from": "10000",                "percent": "11" }
///     ] } } } },
///     { "per_unit": { "quantity": "extra_cases", "price": "80.00 EUR" } }
///   ] }
/// }"#)?;
/// let inputs = FeeInputs::new()
///     .with_amount("usage", "12000.00 EUR".parse::<Money>()?)
///     .with_quantity("extra_cases", Decimal::TWO);
/// let invoice = schedule.evaluate(&inputs)?;
/// // 11 % of 12,000 = 1,320 is raised to 1,500; plus 2 × 80.
/// assert_eq!(invoice.total, "1660.00 EUR".parse::<Money>()?);
/// assert_eq!(invoice.lines.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "FeeScheduleSpec", into = "FeeScheduleSpec")]
pub struct FeeSchedule {
    currency: Currency,
    rounding: RoundingMode,
    rule: Rule,
}

/// The validated rule tree. Each node keeps its config path for lines and errors.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Rule {
    Fixed {
        path: String,
        amount: Decimal,
    },
    PerUnit {
        path: String,
        input: String,
        price: Decimal,
    },
    Bands {
        path: String,
        kind: BandKind,
        input: String,
        bands: Vec<Band>,
    },
    Clamp {
        path: String,
        min: Option<Decimal>,
        max: Option<Decimal>,
        rule: Box<Rule>,
    },
    Pick {
        path: String,
        pick: Pick,
        rules: Vec<Rule>,
    },
    Sum {
        path: String,
        rules: Vec<Rule>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BandKind {
    Graduated,
    Volume,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    Greater,
    Lesser,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Band {
    from: Decimal,
    to: Option<Decimal>,
    percent: Decimal,
}

/// The named inputs a [`FeeSchedule`] is evaluated on: base amounts (such as the month's
/// `usage`) and quantities (such as `extra_cases`).
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::money::{FeeInputs, Money};
///
/// let inputs = FeeInputs::new()
///     .with_amount("usage", "2000.00 USD".parse::<Money>()?)
///     .with_quantity("extra_cases", Decimal::from(3));
/// assert_eq!(inputs.amount("usage").map(|m| m.amount), Some(Decimal::from(2000)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct FeeInputs {
    #[serde(default, deserialize_with = "crate::config::unique_keys")]
    amounts: BTreeMap<String, Money>,
    #[serde(default, deserialize_with = "crate::config::unique_keys")]
    quantities: BTreeMap<String, QuantityStr>,
}

crate::config::tracked_serde!(FeeInputs);

/// A quantity that serializes as a decimal string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
struct QuantityStr(#[serde(with = "crate::money::decimal_str")] Decimal);

impl FeeInputs {
    /// No inputs.
    pub fn new() -> FeeInputs {
        FeeInputs::default()
    }

    /// These inputs with the base amount `name` set (replacing an earlier value).
    pub fn with_amount(mut self, name: impl Into<String>, amount: Money) -> FeeInputs {
        self.amounts.insert(name.into(), amount);
        self
    }

    /// These inputs with the quantity `name` set (replacing an earlier value).
    pub fn with_quantity(mut self, name: impl Into<String>, quantity: Decimal) -> FeeInputs {
        self.quantities.insert(name.into(), QuantityStr(quantity));
        self
    }

    /// The base amount `name`, if set.
    pub fn amount(&self, name: &str) -> Option<Money> {
        self.amounts.get(name).copied()
    }

    /// The quantity `name`, if set.
    pub fn quantity(&self, name: &str) -> Option<Decimal> {
        self.quantities.get(name).map(|q| q.0)
    }

    fn base(&self, name: &str, currency: Currency, path: &str) -> Result<Decimal, Error> {
        let money = self.amount(name).ok_or_else(|| Error::UnknownName {
            path: path.to_owned(),
            kind: "amount input".to_owned(),
            name: name.to_owned(),
            known: self.amounts.keys().cloned().collect(),
        })?;
        let at = format!("inputs.{name}");
        expect_currency(currency, money.currency, &at)?;
        non_negative(money.amount, &at, "amount")
    }

    fn count(&self, name: &str, path: &str) -> Result<Decimal, Error> {
        let q = self.quantity(name).ok_or_else(|| Error::UnknownName {
            path: path.to_owned(),
            kind: "quantity input".to_owned(),
            name: name.to_owned(),
            known: self.quantities.keys().cloned().collect(),
        })?;
        non_negative(q, &format!("inputs.{name}"), "quantity")
    }
}

impl FeeSchedule {
    /// Validates `spec`, naming errors with paths below `root` (for example `plans.business`
    /// gives `plans.business.fee.greater_of[0].fixed`). [`FeeSchedule::try_from`] is the same
    /// with an empty root.
    ///
    /// # Errors
    /// * [`Error::InvalidValue`] / [`Error::UnknownName`] for a malformed or unknown currency
    ///   code or amount, a negative amount, rate or band bound, an empty list of alternatives,
    ///   a clamp without bounds or with `min > max`, and band lists that do not start at 0,
    ///   are unordered, overlap, leave a gap, or are not open (no `to`) at the end only;
    /// * [`Error::CurrencyMismatch`] for an amount in another currency than the schedule's.
    pub fn from_spec_at(spec: FeeScheduleSpec, root: &str) -> Result<FeeSchedule, Error> {
        let currency_path = join(root, "currency");
        let currency = Currency::new(&spec.currency).map_err(|e| at_path(e, &currency_path))?;
        let rule = Rule::from_spec(spec.fee, &join(root, "fee"), currency)?;
        Ok(FeeSchedule {
            currency,
            rounding: spec.rounding,
            rule,
        })
    }

    /// The schedule's currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The schedule's rounding mode.
    pub fn rounding(&self) -> RoundingMode {
        self.rounding
    }

    /// Computes the fee for `inputs`: exactly, line by line, then rounded once to the currency's
    /// minor units (see [`Invoice`] for how lines and total relate).
    ///
    /// Bands are half-open `[from, to)`: for a volume fee a base equal to a band's `to` is
    /// charged at the next band's rate.
    ///
    /// # Errors
    /// * [`Error::UnknownName`] for an input the schedule needs but `inputs` lacks;
    /// * [`Error::CurrencyMismatch`] for a base amount in another currency;
    /// * [`Error::InvalidValue`] (path `inputs.<name>`) for a negative base or quantity;
    /// * [`Error::ArithmeticOverflow`] if an amount exceeds the decimal range.
    pub fn evaluate(&self, inputs: &FeeInputs) -> Result<Invoice, Error> {
        let lines = self.rule.eval(inputs, self.currency)?;
        lines.finish(self.currency, self.rounding, "fee")
    }
}

impl TryFrom<FeeScheduleSpec> for FeeSchedule {
    type Error = Error;

    fn try_from(spec: FeeScheduleSpec) -> Result<Self, Error> {
        FeeSchedule::from_spec_at(spec, "")
    }
}

impl From<FeeSchedule> for FeeScheduleSpec {
    fn from(schedule: FeeSchedule) -> Self {
        FeeScheduleSpec {
            currency: schedule.currency.code().to_owned(),
            rounding: schedule.rounding,
            fee: schedule.rule.to_spec(schedule.currency),
        }
    }
}

fn list(specs: Vec<FeeRuleSpec>, path: &str, currency: Currency) -> Result<Vec<Rule>, Error> {
    if specs.is_empty() {
        return Err(Error::InvalidValue {
            path: path.to_owned(),
            value: "[]".to_owned(),
            expected: "at least one fee rule".to_owned(),
        });
    }
    specs
        .into_iter()
        .enumerate()
        .map(|(i, s)| Rule::from_spec(s, &format!("{path}[{i}]"), currency))
        .collect()
}

fn bands(spec: Vec<BandSpec>, path: &str) -> Result<Vec<Band>, Error> {
    let invalid = |path: String, value: String, expected: &str| Error::InvalidValue {
        path,
        value,
        expected: expected.to_owned(),
    };
    if spec.is_empty() {
        return Err(invalid(
            path.to_owned(),
            "[]".to_owned(),
            "at least one band",
        ));
    }
    let last = spec.len().saturating_sub(1);
    let mut expected_from = Decimal::ZERO;
    let mut out = Vec::with_capacity(spec.len());
    for (i, b) in spec.iter().enumerate() {
        let at = format!("{path}[{i}]");
        non_negative(b.percent, &format!("{at}.percent"), "percentage")?;
        if b.from != expected_from {
            let listed_later = spec
                .iter()
                .skip(i + 1)
                .any(|later| later.from == expected_from);
            let reason = if listed_later {
                "bands must be listed in ascending order"
            } else if i == 0 {
                "the first band must start at 0"
            } else if b.from > expected_from {
                "bands must not leave a gap"
            } else {
                "bands must not overlap"
            };
            let expected = if i == 0 {
                format!("0 ({reason})")
            } else {
                format!("{expected_from}, where the previous band ends ({reason})")
            };
            return Err(Error::InvalidValue {
                path: format!("{at}.from"),
                value: b.from.to_string(),
                expected,
            });
        }
        match b.to {
            Some(to) if to <= b.from => {
                return Err(invalid(
                    format!("{at}.to"),
                    to.to_string(),
                    &format!("a bound greater than the band's `from` ({})", b.from),
                ))
            }
            Some(to) if i == last => {
                return Err(invalid(
                    format!("{at}.to"),
                    to.to_string(),
                    "no `to` on the last band: it must be open so that every base falls in a band",
                ))
            }
            Some(to) => expected_from = to,
            None if i != last => {
                return Err(invalid(
                    format!("{at}.to"),
                    "(none)".to_owned(),
                    "an upper bound: only the last band may be open",
                ))
            }
            None => {}
        }
        out.push(Band {
            from: b.from,
            to: b.to,
            percent: b.percent,
        });
    }
    Ok(out)
}

impl Rule {
    fn from_spec(spec: FeeRuleSpec, path: &str, currency: Currency) -> Result<Rule, Error> {
        Ok(match spec {
            FeeRuleSpec::Fixed(amount) => {
                let path = format!("{path}.fixed");
                Rule::Fixed {
                    amount: config_amount(&amount, &path, currency)?,
                    path,
                }
            }
            FeeRuleSpec::PerUnit(u) => {
                let path = format!("{path}.per_unit");
                Rule::PerUnit {
                    price: config_amount(&u.price, &format!("{path}.price"), currency)?,
                    input: u.quantity,
                    path,
                }
            }
            FeeRuleSpec::Graduated(r) => {
                Rule::bands(r, &format!("{path}.graduated"), BandKind::Graduated)?
            }
            FeeRuleSpec::Volume(r) => Rule::bands(r, &format!("{path}.volume"), BandKind::Volume)?,
            FeeRuleSpec::Clamp(c) => {
                let path = format!("{path}.clamp");
                let bound = |s: &Option<String>, field: &str| {
                    s.as_deref()
                        .map(|s| config_amount(s, &format!("{path}.{field}"), currency))
                        .transpose()
                };
                let min = bound(&c.min, "min")?;
                let max = bound(&c.max, "max")?;
                match (min, max) {
                    (None, None) => {
                        return Err(Error::InvalidValue {
                            path,
                            value: "no min, no max".to_owned(),
                            expected: "a `min`, a `max` or both".to_owned(),
                        })
                    }
                    (Some(lo), Some(hi)) if lo > hi => {
                        return Err(Error::InvalidValue {
                            path: format!("{path}.max"),
                            value: hi.to_string(),
                            expected: format!("an amount not below `min` ({lo})"),
                        })
                    }
                    _ => {}
                }
                Rule::Clamp {
                    rule: Box::new(Rule::from_spec(*c.fee, &format!("{path}.fee"), currency)?),
                    path,
                    min,
                    max,
                }
            }
            FeeRuleSpec::GreaterOf(v) => {
                let path = format!("{path}.greater_of");
                Rule::Pick {
                    rules: list(v, &path, currency)?,
                    path,
                    pick: Pick::Greater,
                }
            }
            FeeRuleSpec::LesserOf(v) => {
                let path = format!("{path}.lesser_of");
                Rule::Pick {
                    rules: list(v, &path, currency)?,
                    path,
                    pick: Pick::Lesser,
                }
            }
            FeeRuleSpec::Sum(v) => {
                let path = format!("{path}.sum");
                Rule::Sum {
                    rules: list(v, &path, currency)?,
                    path,
                }
            }
        })
    }

    fn bands(spec: RateSpec, path: &str, kind: BandKind) -> Result<Rule, Error> {
        if spec.of.is_empty() {
            return Err(Error::InvalidValue {
                path: format!("{path}.of"),
                value: String::new(),
                expected: "the name of a base amount input, such as `usage`".to_owned(),
            });
        }
        Ok(Rule::Bands {
            bands: bands(spec.bands, &format!("{path}.bands"))?,
            path: path.to_owned(),
            kind,
            input: spec.of,
        })
    }

    fn to_spec(&self, currency: Currency) -> FeeRuleSpec {
        let money = |amount: Decimal| Money::new(amount, currency).to_string();
        let rate = |input: &str, bands: &[Band]| RateSpec {
            of: input.to_owned(),
            bands: bands
                .iter()
                .map(|b| BandSpec {
                    from: b.from,
                    to: b.to,
                    percent: b.percent,
                })
                .collect(),
        };
        match self {
            Rule::Fixed { amount, .. } => FeeRuleSpec::Fixed(money(*amount)),
            Rule::PerUnit { input, price, .. } => FeeRuleSpec::PerUnit(UnitPriceSpec {
                quantity: input.clone(),
                price: money(*price),
            }),
            Rule::Bands {
                kind: BandKind::Graduated,
                input,
                bands,
                ..
            } => FeeRuleSpec::Graduated(rate(input, bands)),
            Rule::Bands {
                kind: BandKind::Volume,
                input,
                bands,
                ..
            } => FeeRuleSpec::Volume(rate(input, bands)),
            Rule::Clamp { min, max, rule, .. } => FeeRuleSpec::Clamp(ClampSpec {
                min: min.map(money),
                max: max.map(money),
                fee: Box::new(rule.to_spec(currency)),
            }),
            Rule::Pick {
                pick: Pick::Greater,
                rules,
                ..
            } => FeeRuleSpec::GreaterOf(rules.iter().map(|r| r.to_spec(currency)).collect()),
            Rule::Pick {
                pick: Pick::Lesser,
                rules,
                ..
            } => FeeRuleSpec::LesserOf(rules.iter().map(|r| r.to_spec(currency)).collect()),
            Rule::Sum { rules, .. } => {
                FeeRuleSpec::Sum(rules.iter().map(|r| r.to_spec(currency)).collect())
            }
        }
    }

    fn eval(&self, inputs: &FeeInputs, currency: Currency) -> Result<Lines, Error> {
        let mut out = Lines::default();
        match self {
            Rule::Fixed { path, amount } => {
                out.push(path.clone(), LineDetail::Fixed, *amount)?;
            }
            Rule::PerUnit { path, input, price } => {
                let quantity = inputs.count(input, &format!("{path}.quantity"))?;
                out.push(
                    path.clone(),
                    LineDetail::PerUnit {
                        input: input.clone(),
                        quantity,
                        unit_price: *price,
                    },
                    mul(quantity, *price, path)?,
                )?;
            }
            Rule::Bands {
                path,
                kind,
                input,
                bands,
            } => {
                let base = inputs.base(input, currency, &format!("{path}.of"))?;
                for (i, band) in bands.iter().enumerate() {
                    let portion = match kind {
                        BandKind::Graduated => band_portion(base, band, path)?,
                        BandKind::Volume if band.contains(base) => base,
                        BandKind::Volume => continue,
                    };
                    if portion.is_zero() && *kind == BandKind::Graduated {
                        continue;
                    }
                    let at = format!("{path}.bands[{i}]");
                    let amount = percent_of(portion, band.percent, &at)?;
                    out.push(
                        at,
                        LineDetail::Band {
                            input: input.clone(),
                            from: band.from,
                            to: band.to,
                            portion,
                            percent: band.percent,
                        },
                        amount,
                    )?;
                }
            }
            Rule::Clamp {
                path,
                min,
                max,
                rule,
            } => {
                out = rule.eval(inputs, currency)?;
                let before = out.sum;
                if let Some(minimum) = *min {
                    if before < minimum {
                        let raise = sub(minimum, before, path)?;
                        out.push(
                            format!("{path}.min"),
                            LineDetail::Minimum { before, minimum },
                            raise,
                        )?;
                    }
                }
                if let Some(maximum) = *max {
                    if before > maximum {
                        let lower = sub(maximum, before, path)?;
                        out.push(
                            format!("{path}.max"),
                            LineDetail::Maximum { before, maximum },
                            lower,
                        )?;
                    }
                }
            }
            Rule::Pick { path, pick, rules } => {
                let mut best: Option<(usize, Lines)> = None;
                let mut considered = Vec::with_capacity(rules.len());
                for (i, rule) in rules.iter().enumerate() {
                    let r = rule.eval(inputs, currency)?;
                    considered.push(format!("[{i}] {}", r.sum));
                    let better = match &best {
                        None => true,
                        Some((_, b)) => match pick {
                            Pick::Greater => r.sum > b.sum,
                            Pick::Lesser => r.sum < b.sum,
                        },
                    };
                    if better {
                        best = Some((i, r));
                    }
                }
                if let Some((i, lines)) = best {
                    let word = match pick {
                        Pick::Greater => "greater",
                        Pick::Lesser => "lesser",
                    };
                    out.notes.push(format!(
                        "{path}: {word} of {} {}: took [{i}]",
                        considered.join(", "),
                        currency.code()
                    ));
                    out.extend(lines, path)?;
                }
            }
            Rule::Sum { path, rules } => {
                for rule in rules {
                    let lines = rule.eval(inputs, currency)?;
                    out.extend(lines, path)?;
                }
            }
        }
        Ok(out)
    }
}

impl Band {
    fn contains(&self, base: Decimal) -> bool {
        base >= self.from
            && match self.to {
                Some(to) => base < to,
                None => true,
            }
    }
}

/// The part of `base` inside `band`: `clamp(base - from, 0, to - from)`.
fn band_portion(base: Decimal, band: &Band, path: &str) -> Result<Decimal, Error> {
    if base <= band.from {
        return Ok(Decimal::ZERO);
    }
    let top = match band.to {
        Some(to) if base > to => to,
        _ => base,
    };
    sub(top, band.from, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn schedule(json: &str) -> Result<FeeSchedule, Error> {
        let spec: FeeScheduleSpec = serde_json::from_str(json).unwrap();
        FeeSchedule::from_spec_at(spec, "fees.premium")
    }

    fn err(json: &str) -> String {
        schedule(json).unwrap_err().to_string()
    }

    fn graduated(bands: &str) -> String {
        format!(r#"{{"currency":"EUR","fee":{{"graduated":{{"of":"usage","bands":[{bands}]}}}}}}"#)
    }

    fn usage(amount: &str) -> FeeInputs {
        FeeInputs::new().with_amount("usage", format!("{amount} EUR").parse().unwrap())
    }

    #[test]
    fn graduated_bands_and_lines() {
        let s = schedule(&graduated(
            r#"{"from":"0","to":"100","percent":"10"},{"from":"100","percent":"5"}"#,
        ))
        .unwrap();
        let inv = s.evaluate(&usage("150")).unwrap();
        assert_eq!(inv.total.amount, d("12.50"));
        assert_eq!(inv.lines.len(), 2);
        assert_eq!(inv.lines[1].path, "fees.premium.fee.graduated.bands[1]");
        assert_eq!(inv.lines[1].amount, d("2.5"));
        // A base of zero has no lines and a zero total.
        let zero = s.evaluate(&usage("0")).unwrap();
        assert!(zero.lines.is_empty());
        assert_eq!(zero.total.amount, Decimal::ZERO);
    }

    #[test]
    fn volume_takes_the_band_of_the_whole_base() {
        let s = schedule(
            r#"{"currency":"EUR","fee":{"volume":{"of":"usage","bands":[
                {"from":"0","to":"100","percent":"10"},{"from":"100","percent":"5"}]}}}"#,
        )
        .unwrap();
        assert_eq!(s.evaluate(&usage("99.99")).unwrap().subtotal, d("9.999"));
        // A boundary belongs to the upper band.
        assert_eq!(s.evaluate(&usage("100")).unwrap().subtotal, d("5"));
        assert_eq!(s.evaluate(&usage("150")).unwrap().total.amount, d("7.50"));
    }

    #[test]
    fn clamp_adds_explaining_lines() {
        let s = schedule(
            r#"{"currency":"EUR","fee":{"clamp":{"min":"10.00 EUR","max":"20.00 EUR",
                "fee":{"per_unit":{"quantity":"cases","price":"3.00 EUR"}}}}}"#,
        )
        .unwrap();
        let q = |n: i64| FeeInputs::new().with_quantity("cases", Decimal::from(n));
        let low = s.evaluate(&q(2)).unwrap();
        assert_eq!(low.total.amount, d("10"));
        assert_eq!(low.lines[1].amount, d("4"));
        assert_eq!(low.lines[1].path, "fees.premium.fee.clamp.min");
        let high = s.evaluate(&q(10)).unwrap();
        assert_eq!(high.total.amount, d("20"));
        assert_eq!(high.lines[1].amount, d("-10"));
        assert_eq!(s.evaluate(&q(5)).unwrap().lines.len(), 1);
    }

    #[test]
    fn lesser_of_takes_the_first_smallest() {
        let s = schedule(
            r#"{"currency":"EUR","rounding":"down","fee":{"lesser_of":[
                {"fixed":"5.00 EUR"},{"fixed":"5 EUR"},{"fixed":"7.999 EUR"}]}}"#,
        )
        .unwrap();
        let inv = s.evaluate(&FeeInputs::new()).unwrap();
        assert_eq!(inv.lines.len(), 1);
        assert_eq!(inv.lines[0].path, "fees.premium.fee.lesser_of[0].fixed");
        assert_eq!(
            inv.notes,
            ["fees.premium.fee.lesser_of: lesser of [0] 5.00, [1] 5, [2] 7.999 EUR: took [0]"]
        );
    }

    #[test]
    fn rounding_happens_once_at_the_end() {
        // Two lines of 0.005 each: rounded separately they would make 0.02 (half_up);
        // rounded once, their sum 0.01 stays 0.01.
        let s = schedule(
            r#"{"currency":"EUR","fee":{"sum":[{"fixed":"0.005 EUR"},{"fixed":"0.005 EUR"}]}}"#,
        )
        .unwrap();
        let inv = s.evaluate(&FeeInputs::new()).unwrap();
        assert_eq!(inv.subtotal, d("0.010"));
        assert_eq!(inv.total.amount, d("0.01"));
        assert_eq!(inv.rounding_adjustment, Decimal::ZERO);
        let yen = FeeSchedule::try_from(FeeScheduleSpec {
            currency: "JPY".into(),
            rounding: RoundingMode::HalfEven,
            fee: FeeRuleSpec::Fixed("2.5 JPY".into()),
        })
        .unwrap();
        let inv = yen.evaluate(&FeeInputs::new()).unwrap();
        assert_eq!(inv.total.amount, d("2"));
        assert_eq!(inv.rounding_adjustment, d("-0.5"));
    }

    #[test]
    fn spec_round_trips() {
        let json = r#"{"currency":"EUR","rounding":"half_even","fee":{"sum":[{"fixed":"1.50 EUR"},{"clamp":{"min":"1 EUR","fee":{"volume":{"of":"usage","bands":[{"from":"0","to":"5","percent":"2.5"},{"from":"5","percent":"1"}]}}}},{"lesser_of":[{"per_unit":{"quantity":"q","price":"2 EUR"}},{"graduated":{"of":"usage","bands":[{"from":"0","percent":"3"}]}}]}]}}"#;
        let s: FeeSchedule = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&s).unwrap(), json);
    }

    #[test]
    fn toml_config() {
        let s: FeeSchedule = toml::from_str(
            r#"
            currency = "USD"
            [fee]
            greater_of = [
              { fixed = "29.00 USD" },
              { graduated = { of = "usage", bands = [ { from = "0", percent = "3" } ] } },
            ]
            "#,
        )
        .unwrap();
        let inv = s
            .evaluate(&FeeInputs::new().with_amount("usage", "2000 USD".parse().unwrap()))
            .unwrap();
        assert_eq!(inv.total.amount, d("60"));
    }

    #[test]
    fn toml_numbers_are_rejected() {
        let e = toml::from_str::<FeeSchedule>(
            "currency = \"USD\"\n[fee.graduated]\nof = \"usage\"\nbands = [ { from = 0, percent = \"3\" } ]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("invalid type: integer `0`, expected a decimal written as a string, such as \"12.50\""), "{e}");
    }

    #[test]
    fn json_numbers_are_rejected() {
        let e = serde_json::from_str::<FeeSchedule>(&graduated(r#"{"from":0,"percent":"10"}"#))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("fee.graduated.bands[0].from: invalid type: integer `0`, expected a decimal written as a string, such as \"12.50\""),
            "{e}"
        );
    }

    #[test]
    fn band_errors() {
        let cases: &[(&str, &str)] = &[
            (
                r#"{"from":"10","to":"100","percent":"10"},{"from":"100","percent":"5"}"#,
                "fees.premium.fee.graduated.bands[0].from: invalid value `10`: expected 0 (the first band must start at 0)",
            ),
            (
                r#"{"from":"0","to":"100","percent":"10"},{"from":"120","percent":"5"}"#,
                "fees.premium.fee.graduated.bands[1].from: invalid value `120`: expected 100, where the previous band ends (bands must not leave a gap)",
            ),
            (
                r#"{"from":"0","to":"100","percent":"10"},{"from":"80","percent":"5"}"#,
                "fees.premium.fee.graduated.bands[1].from: invalid value `80`: expected 100, where the previous band ends (bands must not overlap)",
            ),
            (
                r#"{"from":"0","to":"100","percent":"10"},{"from":"200","percent":"3"},{"from":"100","to":"200","percent":"5"}"#,
                "fees.premium.fee.graduated.bands[1].from: invalid value `200`: expected 100, where the previous band ends (bands must be listed in ascending order)",
            ),
            (
                r#"{"from":"0","to":"0","percent":"10"},{"from":"0","percent":"5"}"#,
                "fees.premium.fee.graduated.bands[0].to: invalid value `0`: expected a bound greater than the band's `from` (0)",
            ),
            (
                r#"{"from":"0","to":"100","percent":"10"},{"from":"100","to":"200","percent":"5"}"#,
                "fees.premium.fee.graduated.bands[1].to: invalid value `200`: expected no `to` on the last band: it must be open so that every base falls in a band",
            ),
            (
                r#"{"from":"0","percent":"10"},{"from":"100","percent":"5"}"#,
                "fees.premium.fee.graduated.bands[0].to: invalid value `(none)`: expected an upper bound: only the last band may be open",
            ),
            (
                r#"{"from":"0","percent":"-1"}"#,
                "fees.premium.fee.graduated.bands[0].percent: invalid value `-1`: expected a non-negative percentage",
            ),
            (
                "",
                "fees.premium.fee.graduated.bands: invalid value `[]`: expected at least one band",
            ),
        ];
        for (bands, want) in cases {
            assert_eq!(err(&graduated(bands)), *want, "{bands}");
        }
    }

    #[test]
    fn rule_errors() {
        let cases: &[(&str, &str)] = &[
            (
                r#"{"currency":"EUR","fee":{"fixed":"-1.00 EUR"}}"#,
                "fees.premium.fee.fixed: invalid value `-1.00`: expected a non-negative amount",
            ),
            (
                r#"{"currency":"EUR","fee":{"sum":[{"fixed":"1 EUR"},{"fixed":"1.00 USD"}]}}"#,
                "fees.premium.fee.sum[1].fixed: currency mismatch: expected EUR, found USD",
            ),
            (
                r#"{"currency":"EUR","fee":{"fixed":"1,00 EUR"}}"#,
                "fees.premium.fee.fixed: invalid value `1,00 EUR`: expected an amount and a currency code separated by one space, such as `12.50 EUR`",
            ),
            (
                r#"{"currency":"Euro","fee":{"fixed":"1 EUR"}}"#,
                "fees.premium.currency: invalid value `Euro`: expected a three-letter ISO 4217 currency code in upper case, such as EUR",
            ),
            (
                r#"{"currency":"EUR","fee":{"greater_of":[]}}"#,
                "fees.premium.fee.greater_of: invalid value `[]`: expected at least one fee rule",
            ),
            (
                r#"{"currency":"EUR","fee":{"clamp":{"fee":{"fixed":"1 EUR"}}}}"#,
                "fees.premium.fee.clamp: invalid value `no min, no max`: expected a `min`, a `max` or both",
            ),
            (
                r#"{"currency":"EUR","fee":{"clamp":{"min":"5 EUR","max":"4 EUR","fee":{"fixed":"1 EUR"}}}}"#,
                "fees.premium.fee.clamp.max: invalid value `4`: expected an amount not below `min` (5)",
            ),
            (
                r#"{"currency":"EUR","fee":{"per_unit":{"quantity":"q","price":"-2 EUR"}}}"#,
                "fees.premium.fee.per_unit.price: invalid value `-2`: expected a non-negative amount",
            ),
            (
                r#"{"currency":"EUR","fee":{"volume":{"of":"","bands":[{"from":"0","percent":"1"}]}}}"#,
                "fees.premium.fee.volume.of: invalid value ``: expected the name of a base amount input, such as `usage`",
            ),
        ];
        for (json, want) in cases {
            assert_eq!(err(json), *want, "{json}");
        }
        let unknown = err(r#"{"currency":"XXX","fee":{"fixed":"1 EUR"}}"#);
        assert!(
            unknown
                .starts_with("fees.premium.currency: unknown currency `XXX`: expected one of AUD"),
            "{unknown}"
        );
    }

    #[test]
    fn evaluation_errors() {
        let s = schedule(&graduated(r#"{"from":"0","percent":"10"}"#)).unwrap();
        assert_eq!(
            s.evaluate(&FeeInputs::new().with_amount("sales", Money::zero(Currency::EUR)))
                .unwrap_err()
                .to_string(),
            "fees.premium.fee.graduated.of: unknown amount input `usage`: expected one of sales"
        );
        assert_eq!(
            s.evaluate(&FeeInputs::new().with_amount("usage", "5 USD".parse().unwrap()))
                .unwrap_err()
                .to_string(),
            "inputs.usage: currency mismatch: expected EUR, found USD"
        );
        assert_eq!(
            s.evaluate(&usage("-5")).unwrap_err().to_string(),
            "inputs.usage: invalid value `-5`: expected a non-negative amount"
        );
        let p = schedule(
            r#"{"currency":"EUR","fee":{"per_unit":{"quantity":"cases","price":"2 EUR"}}}"#,
        )
        .unwrap();
        assert_eq!(
            p.evaluate(&FeeInputs::new()).unwrap_err().to_string(),
            "fees.premium.fee.per_unit.quantity: unknown quantity input `cases`"
        );
        assert_eq!(
            p.evaluate(&FeeInputs::new().with_quantity("cases", Decimal::MAX))
                .unwrap_err()
                .to_string(),
            "fees.premium.fee.per_unit: arithmetic overflow: the result exceeds the range of a 96-bit decimal"
        );
    }
}
