//! Business-day target forms through a contract and `evaluate`: the cut-off forms and the
//! counting policy for reports outside business hours (issue 14).

use std::sync::Arc;

use chrono::TimeDelta;
use slacalc::contract::CatalogSpec;
use slacalc::{evaluate, Contract, Error, Event, EventKind, Incident, MetricState};
use slacalc::{Catalog, ContractSpec, Metric};

use crate::util::t;

/// A Monday–Friday 08:00–18:00 office (UTC) whose plan gives `high` the targets `reaction`
/// and `resolution` as written.
fn contract(reaction: &str, resolution: &str) -> Result<Contract, Error> {
    let json = format!(
        r#"{{"name": "T", "severities": [{{"key": "high", "name": "High"}}],
            "calendars": {{"office": {{"timezone": "UTC", "hours": {{"mon": ["08:00-18:00"],
              "tue": ["08:00-18:00"], "wed": ["08:00-18:00"], "thu": ["08:00-18:00"],
              "fri": ["08:00-18:00"]}}}}}},
            "plans": {{"p": {{"name": "P",
              "pauses": {{"resolution": [{{"from": "awaiting_customer", "until": ["customer_replied"]}}]}},
              "targets": {{"high": {{"reaction": {reaction}, "resolution": {resolution}}}}}}}}}}}"#
    );
    let spec: CatalogSpec = serde_json::from_str(&json).unwrap();
    let catalog = Catalog::try_from(spec)?;
    Contract::new(
        Arc::new(catalog),
        ContractSpec {
            customer: "C".into(),
            plan: "p".into(),
            region: Some("office".into()),
            ..ContractSpec::default()
        },
    )
}

fn reported(at: &str) -> Event {
    Event::new(
        t(at),
        EventKind::Reported {
            severity: "high".into(),
            channel: None,
            contact: None,
        },
    )
}

/// The issue's example: "N business days later at the same local time" makes a Saturday
/// 07:00 report due Tuesday 07:00 (10 business hours) and a Saturday 19:00 report Tuesday
/// 19:00 (20 hours); counted from the next opening, both are due Tuesday 08:00 (10 hours).
#[test]
fn saturday_reports_by_counting_policy() {
    let c = contract(
        r#"{"business_days": 1}"#,
        r#"{"business_days": 1, "count_from": "next_opening"}"#,
    )
    .unwrap();
    for (at, reaction_due, reaction_allowed) in [
        ("2026-11-28T07:00:00Z", "2026-12-01T07:00:00Z", 10),
        ("2026-11-28T19:00:00Z", "2026-12-01T19:00:00Z", 20),
    ] {
        let i = Incident::new("S", vec![reported(at)]).unwrap();
        let r = evaluate(&c, &i, t("2026-11-30T12:00:00Z")).unwrap();
        let reaction = r.metric(Metric::Reaction).unwrap();
        assert_eq!(reaction.deadline, Some(t(reaction_due)), "{at}");
        assert_eq!(reaction.allowed, Some(TimeDelta::hours(reaction_allowed)));
        assert_eq!(reaction.elapsed, TimeDelta::hours(4));
        let resolution = r.metric(Metric::Resolution).unwrap();
        assert_eq!(resolution.deadline, Some(t("2026-12-01T08:00:00Z")), "{at}");
        assert_eq!(resolution.allowed, Some(TimeDelta::hours(10)));
        assert_eq!(resolution.state, MetricState::Running);
    }
}

/// "By 16:00 the same business day if reported before 10:00, else by 16:00 the next
/// business day", never paused and paused: once paused, the clock's deadline holds the same
/// business time.
#[test]
fn cut_off_form_through_evaluate() {
    let c = contract(
        r#"{"within": "1h"}"#,
        r#"{"business_days": 0, "by": "16:00", "cutoff": "10:00"}"#,
    )
    .unwrap();
    // Tuesday 09:30: due the same day at 16:00, 6.5 business hours.
    let i = Incident::new("A", vec![reported("2026-11-24T09:30:00Z")]).unwrap();
    let r = evaluate(&c, &i, t("2026-11-24T10:00:00Z")).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.deadline, Some(t("2026-11-24T16:00:00Z")));
    assert_eq!(res.allowed, Some(TimeDelta::minutes(390)));
    assert_eq!(
        res.target.map(|f| f.to_string()).as_deref(),
        Some("0 business days by 16:00 (cut-off 10:00)")
    );
    // Tuesday 10:00: due Wednesday 16:00 (8 + 8 business hours).
    let i = Incident::new("B", vec![reported("2026-11-24T10:00:00Z")]).unwrap();
    let r = evaluate(&c, &i, t("2026-11-24T11:00:00Z")).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.deadline, Some(t("2026-11-25T16:00:00Z")));
    assert_eq!(res.allowed, Some(TimeDelta::hours(16)));
    // Reported Tuesday 09:30, waiting on the customer 10:30–11:30: 6.5 h of business time
    // from 09:30 with one hour paused ends at 17:00.
    let i = Incident::new(
        "C",
        vec![
            reported("2026-11-24T09:30:00Z"),
            Event::new(t("2026-11-24T10:30:00Z"), EventKind::AwaitingCustomer),
            Event::new(t("2026-11-24T11:30:00Z"), EventKind::CustomerReplied),
        ],
    )
    .unwrap();
    let r = evaluate(&c, &i, t("2026-11-24T12:00:00Z")).unwrap();
    let res = r.metric(Metric::Resolution).unwrap();
    assert_eq!(res.deadline, Some(t("2026-11-24T17:00:00Z")));
    assert_eq!(res.allowed, Some(TimeDelta::minutes(390)));
    assert_eq!(res.elapsed, TimeDelta::minutes(90));
}

#[test]
fn bad_cut_off_forms_are_refused_naming_the_field() {
    let err = contract(
        r#"{"within": "1h"}"#,
        r#"{"business_days": 0, "by": "16:00", "cutoff": "17:00"}"#,
    )
    .unwrap_err();
    assert_eq!(
        err,
        Error::InvalidValue {
            path: "plans.p.targets.high.resolution.cutoff".into(),
            value: "17:00".into(),
            expected: "a cut-off not after `by` (16:00) when `business_days` is 0: a report \
                       between them would be due before it was made"
                .into(),
        }
    );
    let err = contract(
        r#"{"within": "1h", "count_from": "next_opening"}"#,
        r#"{"within": "4h"}"#,
    )
    .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidValue { path, value, .. }
            if path == "plans.p.targets.high.reaction.count_from" && value == "next_opening"),
        "{err}"
    );
    let err = contract(
        r#"{"within": "1h"}"#,
        r#"{"business_days": 1, "by": "4pm"}"#,
    )
    .unwrap_err();
    assert_eq!(
        err,
        Error::InvalidTimeOfDay {
            path: "plans.p.targets.high.resolution.by".into(),
            input: "4pm".into(),
        }
    );
}

#[test]
fn cut_off_forms_need_a_calendar_with_one_zone() {
    let json = r#"{"name": "T", "severities": [{"key": "high", "name": "High"}],
        "calendars": {"both": {"union": [
            {"timezone": "UTC", "hours": {"mon": ["08:00-18:00"]}},
            {"timezone": "Asia/Tokyo", "hours": {"mon": ["08:00-18:00"]}}]}},
        "plans": {"p": {"name": "P", "targets": {"high": {"resolution":
            {"business_days": 1, "by": "12:00", "clock": "both"}}}}}}"#;
    let spec: CatalogSpec = serde_json::from_str(json).unwrap();
    assert!(matches!(
        Catalog::try_from(spec),
        Err(Error::InvalidValue { path, value, .. })
            if path == "plans.p.targets.high.resolution.clock" && value == "both"
    ));
}

mod reference {
    use chrono::offset::{MappedLocalTime, TimeZone};
    use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};
    use proptest::prelude::*;
    use slacalc::calendar::BusinessDays;
    use slacalc::contract::{Target, TargetSpec};
    use slacalc::Calendar;

    /// Berlin office hours with a half day, holidays and two DST changes a year; Sunday
    /// night hours so that `by` times in the gap and the fold fall on business days.
    fn calendar() -> Calendar {
        serde_json::from_str(
            r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["08:00-18:00"],
                "tue": ["08:00-18:00"], "wed": ["08:00-18:00"], "thu": ["08:00-18:00"],
                "fri": ["08:00-13:00"], "sun": ["01:00-04:00"]},
                "holidays": ["2026-04-03", "2026-04-06", "2026-12-25", "2026-12-28"]}"#,
        )
        .unwrap()
    }

    /// The deadline by the definition, walking dates one by one.
    fn expected(
        cal: &Calendar,
        start: DateTime<Utc>,
        days: i64,
        by_minutes: u32,
        cutoff_minutes: u32,
    ) -> DateTime<Utc> {
        let tz = chrono_tz::Europe::Berlin;
        let local = start.with_timezone(&tz).naive_local();
        let mut d = local.date();
        let minutes = local.time().num_seconds_from_midnight() / 60;
        let before = minutes < cutoff_minutes;
        if !(cal.is_business_day(d) && before) {
            d = next_business_day(cal, d);
        }
        for _ in 0..days {
            d = next_business_day(cal, d);
        }
        let naive: NaiveDateTime =
            d.and_hms_opt(0, 0, 0).unwrap() + TimeDelta::minutes(i64::from(by_minutes));
        let due = match tz.from_local_datetime(&naive) {
            MappedLocalTime::Single(t) | MappedLocalTime::Ambiguous(t, _) => t.to_utc(),
            // Berlin's gaps are one hour long and start on the hour: the first instant after
            // the gap reads the next whole hour.
            MappedLocalTime::None => {
                let after = naive.with_minute(0).unwrap() + TimeDelta::hours(1);
                tz.from_local_datetime(&after).earliest().unwrap().to_utc()
            }
        };
        due.max(start)
    }

    fn next_business_day(cal: &Calendar, mut d: NaiveDate) -> NaiveDate {
        loop {
            d = d.succ_opt().unwrap();
            if cal.is_business_day(d) {
                return d;
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn cut_off_deadlines_match_the_definition(
            // The whole year, or the ten days before each DST change (Sunday 2026-03-29,
            // gap 02:00-03:00; Sunday 2026-10-25, 02:00-03:00 twice).
            start_min in prop_oneof![
                0i64..(365 * 24 * 60),
                (77i64 * 24 * 60)..(87 * 24 * 60),
                (287i64 * 24 * 60)..(297 * 24 * 60),
            ],
            days in 0i64..8,
            // Any time, or one near the gap and the fold.
            by in prop_oneof![0u32..=1440, 90u32..210],
            cutoff in proptest::option::of(0u32..=1440),
        ) {
            let cal = calendar();
            let start = "2026-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap()
                + TimeDelta::minutes(start_min);
            let hm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
            let cutoff = cutoff.filter(|c| days > 0 || *c <= by);
            let spec = TargetSpec {
                business_days: Some(BusinessDays(days)),
                by: Some(hm(by)),
                cutoff: cutoff.map(hm),
                ..TargetSpec::default()
            };
            let target = Target::try_from(&spec).unwrap();
            let due = target.deadline(&cal, start).unwrap();
            prop_assert_eq!(due, expected(&cal, start, days, by, cutoff.unwrap_or(by)));
            prop_assert!(due >= start);
        }
    }
}
