//! [`RoundingMode`]: how a final amount is brought to a currency's minor units.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// How an exact amount is rounded to a currency's minor units.
///
/// slacalc rounds once, at the end of a fee or credit computation (see the
/// [module docs](crate::money)). Configuration spells the modes in `snake_case`
/// (`"half_even"`); the default is [`HalfUp`](RoundingMode::HalfUp), the commercial rounding
/// most contracts assume. Examples are for two minor units.
///
/// ```
/// use rust_decimal::Decimal;
/// use slacalc::money::RoundingMode;
///
/// let tie = Decimal::new(2345, 3); // 2.345
/// assert_eq!(RoundingMode::default(), RoundingMode::HalfUp);
/// assert_eq!(RoundingMode::HalfUp.round(tie, 2), Decimal::new(235, 2));
/// assert_eq!(RoundingMode::HalfEven.round(tie, 2), Decimal::new(234, 2));
/// assert_eq!(RoundingMode::HalfDown.round(tie, 2), Decimal::new(234, 2));
/// let mode: RoundingMode = serde_json::from_str(r#""floor""#)?;
/// assert_eq!(mode.round(Decimal::new(-2341, 3), 2), Decimal::new(-235, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum RoundingMode {
    /// To the nearest unit; a tie goes away from zero: 2.345 → 2.35, −2.345 → −2.35,
    /// 2.344 → 2.34. Commercial rounding, Java's `HALF_UP`. The default.
    #[default]
    HalfUp,
    /// To the nearest unit; a tie goes to the even neighbour: 2.345 → 2.34, 2.355 → 2.36,
    /// −2.345 → −2.34. Banker's rounding.
    HalfEven,
    /// To the nearest unit; a tie goes toward zero: 2.345 → 2.34, −2.345 → −2.34,
    /// 2.3451 → 2.35.
    HalfDown,
    /// Away from zero whenever anything is cut off: 2.341 → 2.35, −2.341 → −2.35.
    Up,
    /// Toward zero (truncation): 2.349 → 2.34, −2.349 → −2.34.
    Down,
    /// Toward positive infinity: 2.341 → 2.35, −2.349 → −2.34.
    Ceiling,
    /// Toward negative infinity: 2.349 → 2.34, −2.341 → −2.35.
    Floor,
}

impl RoundingMode {
    /// The `rust_decimal` strategy this mode stands for.
    pub fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::HalfDown => RoundingStrategy::MidpointTowardZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Ceiling => RoundingStrategy::ToPositiveInfinity,
            RoundingMode::Floor => RoundingStrategy::ToNegativeInfinity,
        }
    }

    /// `amount` rounded to `decimal_places` digits after the point with this mode. An amount
    /// that already has no more digits is returned unchanged (same scale).
    pub fn round(self, amount: Decimal, decimal_places: u32) -> Decimal {
        amount.round_dp_with_strategy(decimal_places, self.strategy())
    }

    /// The configuration spelling, such as `half_up`.
    pub fn as_str(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half_up",
            RoundingMode::HalfEven => "half_even",
            RoundingMode::HalfDown => "half_down",
            RoundingMode::Up => "up",
            RoundingMode::Down => "down",
            RoundingMode::Ceiling => "ceiling",
            RoundingMode::Floor => "floor",
        }
    }
}

impl fmt::Display for RoundingMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [RoundingMode; 7] = [
        RoundingMode::HalfUp,
        RoundingMode::HalfEven,
        RoundingMode::HalfDown,
        RoundingMode::Up,
        RoundingMode::Down,
        RoundingMode::Ceiling,
        RoundingMode::Floor,
    ];

    use crate::testing::d;

    /// The table in the variant docs, checked row by row.
    #[test]
    fn documented_examples() {
        let table: &[(RoundingMode, &str, &str)] = &[
            (RoundingMode::HalfUp, "2.345", "2.35"),
            (RoundingMode::HalfUp, "-2.345", "-2.35"),
            (RoundingMode::HalfUp, "2.344", "2.34"),
            (RoundingMode::HalfEven, "2.345", "2.34"),
            (RoundingMode::HalfEven, "2.355", "2.36"),
            (RoundingMode::HalfEven, "-2.345", "-2.34"),
            (RoundingMode::HalfDown, "2.345", "2.34"),
            (RoundingMode::HalfDown, "-2.345", "-2.34"),
            (RoundingMode::HalfDown, "2.3451", "2.35"),
            (RoundingMode::Up, "2.341", "2.35"),
            (RoundingMode::Up, "-2.341", "-2.35"),
            (RoundingMode::Down, "2.349", "2.34"),
            (RoundingMode::Down, "-2.349", "-2.34"),
            (RoundingMode::Ceiling, "2.341", "2.35"),
            (RoundingMode::Ceiling, "-2.349", "-2.34"),
            (RoundingMode::Floor, "2.349", "2.34"),
            (RoundingMode::Floor, "-2.341", "-2.35"),
        ];
        for (mode, input, want) in table {
            assert_eq!(mode.round(d(input), 2), d(want), "{mode} {input}");
        }
    }

    #[test]
    fn serde_names_and_display_agree() {
        for mode in ALL {
            let json = serde_json::to_string(&mode).unwrap();
            assert_eq!(json, format!("\"{mode}\""));
            assert_eq!(serde_json::from_str::<RoundingMode>(&json).unwrap(), mode);
        }
        assert!(serde_json::from_str::<RoundingMode>(r#""bankers""#).is_err());
    }

    #[test]
    fn exact_amounts_are_untouched() {
        for mode in ALL {
            assert_eq!(mode.round(d("2.30"), 2), d("2.30"));
            assert_eq!(mode.round(d("7"), 0), d("7"));
            assert_eq!(mode.round(Decimal::MAX, 2), Decimal::MAX);
        }
    }
}
