//! Every error variant, produced by the public API from a realistic bad input, with its exact
//! message: messages name the config path or event and the bad value.

use chrono::{DateTime, TimeDelta, Utc};
use slacalc::availability::AvailabilityAgreement;
use slacalc::calendar::BusinessDays;
use slacalc::calendar::CalendarSpec;
use slacalc::time::TimeOfDay;
use slacalc::Money;
use slacalc::{Calendar, Clock, ClockEvent, ClockEventKind, Error};

use crate::util::t;

fn calendar_error(json: &str) -> Error {
    let spec: CalendarSpec = serde_json::from_str(json).unwrap();
    Calendar::try_from(spec).unwrap_err()
}

fn always() -> Calendar {
    Calendar::from_json(
        r#"{"timezone": "UTC", "hours": {"mon": ["00:00-24:00"], "tue": ["00:00-24:00"], "wed": ["00:00-24:00"],
            "thu": ["00:00-24:00"], "fri": ["00:00-24:00"], "sat": ["00:00-24:00"], "sun": ["00:00-24:00"]}}"#,
    )
    .unwrap()
}

#[test]
fn every_variant_names_what_is_wrong() {
    let cases: Vec<(Error, &str)> = vec![
        (
            calendar_error(r#"{"timezone": "Mars/Olympus"}"#),
            "timezone: unknown time zone `Mars/Olympus`: expected an IANA name such as `Europe/Berlin` (names are case-sensitive)",
        ),
        (
            calendar_error(r#"{"timezone": "UTC", "hours": {"mon": ["08:00-12:00", "25:00-26:00"]}}"#),
            "hours.mon[1]: invalid shift `25:00-26:00`: expected HH:MM-HH:MM with times from 00:00 to 24:00",
        ),
        (
            "7:5".parse::<TimeOfDay>().unwrap_err(),
            "invalid time of day `7:5`: expected HH:MM from 00:00 to 24:00",
        ),
        (
            calendar_error(r#"{"timezone": "UTC", "hours": {"monday": ["08:00-12:00"]}}"#),
            "hours: unknown weekday `monday`: expected one of mon, tue, wed, thu, fri, sat, sun",
        ),
        (
            calendar_error(r#"{"timezone": "UTC", "holidays": ["2026-02-30"]}"#),
            "holidays[0]: invalid date `2026-02-30`: expected YYYY-MM-DD",
        ),
        (
            calendar_error(
                r#"{"timezone": "UTC", "holidays": ["2026-12-24"], "exceptions": {"2026-12-24": []}}"#,
            ),
            "exceptions.2026-12-24: 2026-12-24 is both a holiday and an exception; a date may be only one of them",
        ),
        (
            calendar_error(r#"{"union": []}"#),
            "union: invalid value `[]`: expected at least one calendar",
        ),
        (
            calendar_error(r#"{"timezone": "UTC", "holidays": [{"preset": "gb-scotland"}]}"#),
            "holidays[0].preset: unknown holiday preset `gb-scotland`: the closest preset is `gb-sct` (Holidays::PRESETS lists all)",
        ),
        (
            Calendar::from_json(r#"{"timezone": "UTC" "hours": {}}"#).unwrap_err(),
            "cannot parse JSON: expected `,` or `}` at line 1 column 20",
        ),
        (
            Calendar::from_json(r#"{"timezone": "UTC"}"#)
                .unwrap()
                .add(t("2026-01-01T00:00:00Z"), TimeDelta::hours(1))
                .unwrap_err(),
            "no business time after 2026-01-01 00:00:00 UTC: the calendar never opens again in that direction",
        ),
        (
            always()
                .add(DateTime::<Utc>::MAX_UTC, TimeDelta::hours(1))
                .unwrap_err(),
            "add `+262142-12-31T23:59:59.999999999Z + 1h`: result out of the representable range of instants",
        ),
        (
            always()
                .end_of_business_day(t("2026-01-01T00:00:00Z"), BusinessDays(-1))
                .unwrap_err(),
            "end_of_business_day: n must be 0 or more, got -1",
        ),
        (
            Clock::from_events(&[
                ClockEvent::new(t("2026-01-01T09:00:00Z"), ClockEventKind::Start),
                ClockEvent::new(t("2026-01-01T10:00:00Z"), ClockEventKind::Resume),
            ])
            .unwrap_err(),
            "events[1] (resume at 2026-01-01 10:00:00 UTC): resume without a pause",
        ),
        (
            "10.00 EUR"
                .parse::<Money>()
                .unwrap()
                .checked_add("1.00 USD".parse::<Money>().unwrap())
                .unwrap_err(),
            "Money::checked_add: currency mismatch: expected EUR, found USD",
        ),
        (
            "79228162514264337593543950335 EUR"
                .parse::<Money>()
                .unwrap()
                .checked_add("1 EUR".parse::<Money>().unwrap())
                .unwrap_err(),
            "Money::checked_add: arithmetic overflow: the result exceeds the range of a 96-bit decimal",
        ),
        (
            AvailabilityAgreement::new(
                "99".parse().unwrap(),
                Calendar::from_json(r#"{"timezone": "UTC"}"#).unwrap(),
                None,
                vec![],
            )
            .unwrap()
            .report(t("2026-03-01T00:00:00Z"), t("2026-04-01T00:00:00Z"), &[])
            .unwrap_err(),
            "no service time in [2026-03-01 00:00:00 UTC, 2026-04-01 00:00:00 UTC) after maintenance windows: availability is undefined",
        ),
    ];
    for (err, message) in cases {
        assert_eq!(err.to_string(), message);
    }
}
