//! ISO 8601 durations (issue 14): every `TimeDelta` formats and parses back exactly, in the
//! ISO form reports use and in the configuration form, and through the serde helpers.

use chrono::TimeDelta;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use slacalc::time::{
    format_duration, format_iso_duration, parse_duration, parse_iso_duration, IsoDuration,
};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    #[serde(with = "slacalc::time::iso_duration")]
    elapsed: TimeDelta,
    #[serde(with = "slacalc::time::iso_duration::option", default)]
    remaining: Option<TimeDelta>,
}

/// Any `TimeDelta`: whole seconds across its range (weighted towards small values, where
/// the hour, minute and second parts vary most) and any nanoseconds.
fn any_delta() -> impl Strategy<Value = TimeDelta> {
    let max = TimeDelta::MAX.num_seconds();
    let secs = prop_oneof![
        -100_000i64..100_000,
        -10_000_000_000i64..10_000_000_000,
        -max..=max,
    ];
    let nanos = prop_oneof![Just(0u32), 0u32..1_000_000_000];
    (secs, nanos).prop_filter_map("inside TimeDelta's range", |(s, n)| TimeDelta::new(s, n))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn iso_format_then_parse_is_the_identity(d in any_delta()) {
        let s = format_iso_duration(d);
        prop_assert_eq!(parse_iso_duration(&s).unwrap(), d, "{}", s);
        prop_assert_eq!(s.parse::<IsoDuration>().unwrap(), IsoDuration(d));
        // Non-negative durations also read through `parse_duration`, in both forms.
        if d >= TimeDelta::zero() {
            prop_assert_eq!(parse_duration(&s).unwrap(), d);
            prop_assert_eq!(parse_duration(&format_duration(d)).unwrap(), d);
        } else {
            prop_assert!(parse_duration(&s).is_err());
        }
    }

    #[test]
    fn serde_helpers_round_trip(d in any_delta(), r in proptest::option::of(any_delta())) {
        let row = Row { elapsed: d, remaining: r };
        let json = serde_json::to_string(&row).unwrap();
        prop_assert_eq!(serde_json::from_str::<Row>(&json).unwrap(), row);
        // The configuration form reads back the same.
        let config = format!(r#"{{"elapsed": "{}"}}"#, format_duration(d));
        let back: Row = serde_json::from_str(&config).unwrap();
        prop_assert_eq!(back.elapsed, d);
    }
}

#[test]
fn serialized_forms() {
    let row = Row {
        elapsed: TimeDelta::minutes(270),
        remaining: Some(TimeDelta::nanoseconds(-1)),
    };
    assert_eq!(
        serde_json::to_string(&row).unwrap(),
        r#"{"elapsed":"PT4H30M","remaining":"-PT0.000000001S"}"#
    );
    let none = Row {
        elapsed: TimeDelta::zero(),
        remaining: None,
    };
    assert_eq!(
        serde_json::to_string(&none).unwrap(),
        r#"{"elapsed":"PT0S","remaining":null}"#
    );
    assert_eq!(
        serde_json::from_str::<Row>(r#"{"elapsed":"PT0S","remaining":null}"#).unwrap(),
        none
    );
    let err = serde_json::from_str::<Row>(r#"{"elapsed":"P1M"}"#).unwrap_err();
    assert!(err.to_string().contains("`P1M`"), "{err}");
    assert!(serde_json::from_str::<Row>(r#"{"elapsed":3600}"#).is_err());
}
