//! The validated rule tree of a fee schedule, built from and turned back into its
//! configuration.

use rust_decimal::Decimal;

use super::super::{config_amount, non_negative};
use super::super::{Currency, Money};
use super::spec::{BandSpec, ClampSpec, FeeRuleSpec, RateSpec, UnitPriceSpec};
use crate::error::Error;

/// The validated rule tree. Each node keeps its config path for lines and errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Rule {
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
pub(super) enum BandKind {
    Graduated,
    Volume,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pick {
    Greater,
    Lesser,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Band {
    pub(super) from: Decimal,
    pub(super) to: Option<Decimal>,
    pub(super) percent: Decimal,
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
    pub(super) fn from_spec(
        spec: FeeRuleSpec,
        path: &str,
        currency: Currency,
    ) -> Result<Rule, Error> {
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

    pub(super) fn to_spec(&self, currency: Currency) -> FeeRuleSpec {
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
}
