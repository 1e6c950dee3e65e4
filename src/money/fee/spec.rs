//! [`FeeScheduleSpec`] and its rules: fee schedules as written in configuration.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::super::RoundingMode;

/// A fee schedule as written in configuration (JSON or TOML). It stays apart from
/// [`FeeSchedule`](crate::money::FeeSchedule) because validation compiles the rule tree,
/// whose nodes keep their configuration paths for the invoice lines.
///
/// Amounts are [`Money`](crate::money::Money) strings (`"100.00 USD"`), every one in the schedule's `currency`;
/// percentages and quantities are decimal strings (`"7.5"`); JSON numbers are rejected because
/// they pass through `f64`. Convert with [`FeeSchedule::try_from`](super::FeeSchedule::try_from)
/// (and [`Error::at`](crate::Error::at) to name where the schedule was found), or deserialize a
/// [`FeeSchedule`](super::FeeSchedule) directly.
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
/// `{"fixed": "100.00 USD"}`, `{"greater_of": [ … ]}`. Apart from the compiled rule for the
/// reason [`FeeScheduleSpec`] is (it and [`UnitPriceSpec`], [`RateSpec`], [`BandSpec`] and
/// [`ClampSpec`] are the parts of that tree as written).
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
