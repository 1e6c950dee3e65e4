//! Evaluating a fee schedule's rule tree: exact lines, summed, alternatives noted.

use rust_decimal::Decimal;

use super::super::invoice::Lines;
use super::super::{mul, percent_of, sub};
use super::super::{Currency, LineDetail};
use super::rule::{Band, BandKind, Pick, Rule};
use super::FeeInputs;
use crate::error::Error;

impl Rule {
    pub(super) fn eval(&self, inputs: &FeeInputs, currency: Currency) -> Result<Lines, Error> {
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
