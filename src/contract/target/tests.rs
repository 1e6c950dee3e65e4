use super::*;
use crate::testing::t;

fn target(json: &str) -> Result<Target, Error> {
    let spec: TargetSpec = serde_json::from_str(json).unwrap();
    Target::try_from(&spec).map_err(|e| e.at("plans.p.targets.1.reaction"))
}

fn calendar(json: &str) -> Calendar {
    serde_json::from_str(json).unwrap()
}

/// Monday–Friday 08:00–18:00 in UTC.
fn office() -> Calendar {
    calendar(
        r#"{"timezone": "UTC", "hours": {"mon": ["08:00-18:00"], "tue": ["08:00-18:00"],
            "wed": ["08:00-18:00"], "thu": ["08:00-18:00"], "fri": ["08:00-18:00"]}}"#,
    )
}

#[test]
fn specs_round_trip() {
    for json in [
        r#"{"business_days": 0, "by": "16:00", "cutoff": "10:00", "clock": "business"}"#,
        r#"{"business_days": 1, "by": "12:00", "clock": "business"}"#,
        r#"{"business_days": 1, "count_from": "next_opening", "clock": "business"}"#,
        r#"{"end_of_business_day": 1, "count_from": "next_opening", "clock": "x"}"#,
    ] {
        let spec: TargetSpec = serde_json::from_str(json).unwrap();
        let t = Target::try_from(&spec).unwrap();
        assert_eq!(TargetSpec::from(&t), spec, "{json}");
        // Serializing the target writes the same configuration.
        assert_eq!(
            serde_json::to_value(&t).unwrap(),
            serde_json::to_value(&spec).unwrap(),
            "{json}"
        );
    }
}

#[test]
fn bad_specs_name_the_field_and_value() {
    let invalid = |json: &str| match target(json) {
        Err(Error::InvalidValue { path, value, .. }) => (path, value),
        other => panic!("{json}: {other:?}"),
    };
    let p = |f: &str| format!("plans.p.targets.1.reaction.{f}");
    assert_eq!(
        invalid(r#"{"end_of_business_day": 1, "by": "12:00"}"#),
        (p("by"), "12:00".into())
    );
    assert_eq!(
        invalid(r#"{"business_days": 1, "cutoff": "10:00"}"#),
        (p("cutoff"), "10:00".into())
    );
    assert_eq!(
        invalid(r#"{"business_days": 0, "by": "16:00", "cutoff": "16:01"}"#),
        (p("cutoff"), "16:01".into())
    );
    assert_eq!(
        invalid(r#"{"business_days": -1, "by": "16:00"}"#),
        (p("business_days"), "-1".into())
    );
    assert_eq!(
        invalid(r#"{"within": "4h", "count_from": "next_opening"}"#),
        (p("count_from"), "next_opening".into())
    );
    for (json, field, input) in [
        (r#"{"business_days": 1, "by": "4pm"}"#, "by", "4pm"),
        (
            r#"{"business_days": 1, "by": "16:00", "cutoff": "24:01"}"#,
            "cutoff",
            "24:01",
        ),
    ] {
        assert_eq!(
            target(json),
            Err(Error::InvalidTimeOfDay {
                path: p(field),
                input: input.into()
            })
        );
    }
    // A cut-off after `by` is fine once the deadline is on a later business day.
    assert!(target(r#"{"business_days": 1, "by": "12:00", "cutoff": "17:00"}"#).is_ok());
    assert!(
        serde_json::from_str::<TargetSpec>(r#"{"business_days": 1, "count_from": "opening"}"#)
            .is_err()
    );
}

/// The issue's example, exactly: a Saturday 07:00 report is due Tuesday 07:00 with 10
/// business hours, a Saturday 19:00 report Tuesday 19:00 with 20; counted from the next
/// opening, both are due Tuesday 08:00 with 10.
#[test]
fn counting_from_the_start_or_the_next_opening() {
    let cal = office();
    let same_time = target(r#"{"business_days": 1}"#).unwrap();
    let next_opening = target(r#"{"business_days": 1, "count_from": "next_opening"}"#).unwrap();
    let (early, late) = (t("2026-11-28T07:00:00Z"), t("2026-11-28T19:00:00Z"));
    assert_eq!(
        same_time.allowance(&cal, early).unwrap(),
        (TimeDelta::hours(10), Some(t("2026-12-01T07:00:00Z")))
    );
    assert_eq!(
        same_time.allowance(&cal, late).unwrap(),
        (TimeDelta::hours(20), Some(t("2026-12-01T19:00:00Z")))
    );
    for at in [early, late] {
        assert_eq!(
            next_opening.allowance(&cal, at).unwrap(),
            (TimeDelta::hours(10), Some(t("2026-12-01T08:00:00Z")))
        );
    }
    // During business hours the next opening is the start itself.
    let wed = t("2026-11-25T10:30:00Z");
    assert_eq!(
        next_opening.allowance(&cal, wed).unwrap(),
        same_time.allowance(&cal, wed).unwrap()
    );
    // End of business day counted from Monday 19:00: the end of Monday's hours is
    // before the report; from the next opening it is the end of Tuesday.
    let eod = target(r#"{"end_of_business_day": 0, "count_from": "next_opening"}"#).unwrap();
    assert_eq!(
        eod.allowance(&cal, t("2026-11-30T19:00:00Z")).unwrap(),
        (TimeDelta::hours(10), Some(t("2026-12-01T18:00:00Z")))
    );
    // A calendar that never opens again.
    let past = calendar(
        r#"{"timezone": "UTC", "hours": {}, "exceptions": {"2026-11-02": ["08:00-18:00"]}}"#,
    );
    assert!(matches!(
        next_opening.allowance(&past, early),
        Err(Error::NoBusinessTime { .. })
    ));
    // `within` ignores nothing: its allowance is its duration.
    assert_eq!(
        target(r#"{"within": "4h"}"#)
            .unwrap()
            .allowance(&cal, late)
            .unwrap(),
        (TimeDelta::hours(4), None)
    );
}

#[test]
fn cut_off_forms_on_an_office_calendar() {
    let cal = calendar(
        r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["08:00-18:00"],
            "tue": ["08:00-18:00"], "wed": ["08:00-18:00"], "thu": ["08:00-18:00"],
            "fri": ["08:00-13:00"]}, "holidays": ["2026-12-25"]}"#,
    );
    let same_day = target(r#"{"business_days": 0, "by": "16:00", "cutoff": "10:00"}"#).unwrap();
    let noon = target(r#"{"business_days": 1, "by": "12:00"}"#).unwrap();
    let late_cutoff = target(r#"{"business_days": 1, "by": "12:00", "cutoff": "17:00"}"#).unwrap();
    let d = |s: &str| parse_duration(s).unwrap();
    for (form, at, due, allowed) in [
        // Tuesday 09:59:59.999 Berlin: the same day, 16:00.
        (
            &same_day,
            "2026-11-24T08:59:59.999Z",
            "2026-11-24T15:00:00Z",
            TimeDelta::milliseconds(6 * 3_600_000 + 1),
        ),
        // 10:00 is not before the cut-off: Wednesday 16:00.
        (
            &same_day,
            "2026-11-24T09:00:00Z",
            "2026-11-25T15:00:00Z",
            d("16h"),
        ),
        // 07:00, before opening, on a business day: the same day.
        (
            &same_day,
            "2026-11-24T06:00:00Z",
            "2026-11-24T15:00:00Z",
            d("8h"),
        ),
        // Saturday: Monday 16:00.
        (
            &same_day,
            "2026-11-28T09:00:00Z",
            "2026-11-30T15:00:00Z",
            d("8h"),
        ),
        // Friday closes at 13:00 but "by 16:00" still names 16:00.
        (
            &same_day,
            "2026-11-27T07:00:00Z",
            "2026-11-27T15:00:00Z",
            d("5h"),
        ),
        // Thursday 2026-12-24 11:00: the next business day is Monday the 28th (Friday the
        // 25th is a holiday).
        (
            &same_day,
            "2026-12-24T10:00:00Z",
            "2026-12-28T15:00:00Z",
            d("15h"),
        ),
        // Monday 11:59 Berlin: by Tuesday 12:00; at 12:00, by Wednesday 12:00.
        (
            &noon,
            "2026-11-23T10:59:00Z",
            "2026-11-24T11:00:00Z",
            d("10h1m"),
        ),
        (
            &noon,
            "2026-11-23T11:00:00Z",
            "2026-11-25T11:00:00Z",
            d("20h"),
        ),
        // Cut-off 17:00: Monday 16:59 is due Tuesday 12:00, 17:00 Wednesday 12:00.
        (
            &late_cutoff,
            "2026-11-23T15:59:00Z",
            "2026-11-24T11:00:00Z",
            d("5h1m"),
        ),
        (
            &late_cutoff,
            "2026-11-23T16:00:00Z",
            "2026-11-25T11:00:00Z",
            d("15h"),
        ),
    ] {
        let (a, d) = form.allowance(&cal, t(at)).unwrap();
        assert_eq!(d, Some(t(due)), "{form:?} at {at}");
        assert_eq!(a, allowed, "{form:?} at {at}");
        assert_eq!(form.deadline(&cal, t(at)).unwrap(), t(due));
    }
}

/// Lord Howe moves its clocks by 30 minutes: 02:00 -> 02:30 on 2026-10-04 and
/// 02:00 -> 01:30 on 2026-04-05.
#[test]
fn by_in_a_dst_gap_or_fold() {
    let cal = calendar(
        r#"{"timezone": "Australia/Lord_Howe", "hours": {"fri": ["09:00-17:00"],
            "sun": ["00:00-06:00"]}}"#,
    );
    let gap = target(r#"{"business_days": 1, "by": "02:15", "cutoff": "24:00"}"#).unwrap();
    // Friday 2026-10-02 10:00 (+10:30): D + 1 is Sunday; 02:15 does not exist, so the
    // first instant after the gap, 02:30 (+11:00) = 15:30Z on the 3rd.
    assert_eq!(
        gap.deadline(&cal, t("2026-10-01T23:30:00Z")).unwrap(),
        t("2026-10-03T15:30:00Z")
    );
    let fold = target(r#"{"business_days": 1, "by": "01:45", "cutoff": "24:00"}"#).unwrap();
    // Friday 2026-04-03 10:00 (+11:00): Sunday 01:45 happens at +11:00 (14:45Z on the
    // 4th) and again at +10:30 (15:15Z): the first.
    assert_eq!(
        fold.deadline(&cal, t("2026-04-02T23:00:00Z")).unwrap(),
        t("2026-04-04T14:45:00Z")
    );
    // In New York's 2026-11-01 fold, a start at the second 01:40 (EST, 06:40Z) with "by
    // 01:45 the same day": the first 01:45 (EDT, 05:45Z) has passed, so the deadline is
    // the start and no business time is allowed.
    let ny = calendar(r#"{"timezone": "America/New_York", "hours": {"sun": ["00:00-24:00"]}}"#);
    let same = target(r#"{"business_days": 0, "by": "01:45"}"#).unwrap();
    assert_eq!(
        same.allowance(&ny, t("2026-11-01T06:40:00Z")).unwrap(),
        (TimeDelta::zero(), Some(t("2026-11-01T06:40:00Z")))
    );
    // The first 01:40 (EDT, 05:40Z) is due at the first 01:45.
    assert_eq!(
        same.allowance(&ny, t("2026-11-01T05:40:00Z")).unwrap(),
        (TimeDelta::minutes(5), Some(t("2026-11-01T05:45:00Z")))
    );
}

#[test]
fn by_needs_a_zoned_calendar() {
    let a = office();
    let union = Calendar::union(&[a.clone(), a]).unwrap();
    let form = target(r#"{"business_days": 1, "by": "12:00"}"#).unwrap();
    assert!(matches!(
        form.allowance(&union, t("2026-11-24T09:00:00Z")),
        Err(Error::InvalidArgument { .. })
    ));
}
