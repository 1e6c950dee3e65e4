//! Batch evaluation, compliance reports, CSV and SVG: known answers on hand-made incidents.

use std::sync::Arc;

use chrono::TimeDelta;
use slacalc::report::{
    attribution_date, evaluate_all, ComplianceReport, ComplianceTargets, DurationStats,
};
use slacalc::report::{compliance_chart, timeline, Marker};
use slacalc::time::Period;
use slacalc::{evaluate, Contract, Event, EventKind, Incident, TargetOutcome};
use slacalc::{Catalog, ContractSpec, Metric};

use crate::util::{d, ev, t};

const CATALOG: &str = r#"{
  "name": "Test desk",
  "severities": [{"key": "high", "name": "High"}, {"key": "low", "name": "Low"}],
  "calendars": {"berlin": {"timezone": "Europe/Berlin", "hours": {
      "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
      "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}},
  "plans": {
    "wall": {"name": "Wall clock",
      "pauses": {"resolution": [{"from": "awaiting_customer", "until": ["customer_replied"]}]},
      "targets": {"high": {"reaction": {"within": "1h", "clock": "24x7"},
                           "resolution": {"within": "8h", "clock": "24x7"}},
                  "low": {"reaction": {"within": "4h", "clock": "24x7"}}}},
    "office": {"name": "Office hours",
      "targets": {"high": {"reaction": {"within": "4h"}}}}
  }
}"#;

/// A compliance report of incidents given with the index of their contract.
fn build(
    contracts: &[Contract],
    incidents: &[(usize, Incident)],
    period: &Period,
    targets: &ComplianceTargets,
    now: chrono::DateTime<chrono::Utc>,
) -> ComplianceReport {
    let pairs: Vec<_> = incidents.iter().map(|(k, i)| (&contracts[*k], i)).collect();
    ComplianceReport::build(&pairs, period, targets, now)
}

fn catalog() -> Arc<Catalog> {
    Arc::new(serde_json::from_str(CATALOG).unwrap())
}

fn contract(customer: &str, plan: &str, region: Option<&str>) -> Contract {
    Contract::new(
        catalog(),
        ContractSpec {
            customer: customer.into(),
            plan: plan.into(),
            region: region.map(Into::into),
            ..ContractSpec::default()
        },
    )
    .unwrap()
}

fn reported(at: &str, severity: &str) -> Event {
    Event::new(
        t(at),
        EventKind::Reported {
            severity: severity.into(),
            channel: None,
            contact: None,
        },
    )
}

fn incident(id: &str, events: Vec<Event>) -> Incident {
    Incident::new(id, events).unwrap()
}

/// A hand-made November on the UTC wall-clock plan (contract 0), with known outcomes.
fn november() -> (Vec<Contract>, Vec<(usize, Incident)>) {
    use EventKind::*;
    let contracts = vec![contract("Acme", "wall", None)];
    let incidents = vec![
        // high: reaction 10m (met), resolution 3h (met).
        (
            0,
            incident(
                "H1",
                vec![
                    reported("2026-11-02T09:00:00Z", "high"),
                    ev("2026-11-02T09:10:00Z", Responded),
                    ev("2026-11-02T12:00:00Z", Resolved),
                ],
            ),
        ),
        // high: reaction 30m (met), resolution 10h with 3h waiting = 7h counted (met).
        (
            0,
            incident(
                "H2",
                vec![
                    reported("2026-11-03T09:00:00Z", "high"),
                    ev("2026-11-03T09:30:00Z", Responded),
                    ev("2026-11-03T10:00:00Z", AwaitingCustomer),
                    ev("2026-11-03T13:00:00Z", CustomerReplied),
                    ev("2026-11-03T19:00:00Z", Resolved),
                ],
            ),
        ),
        // high: reaction 2h (breached), resolution 20h (breached).
        (
            0,
            incident(
                "H3",
                vec![
                    reported("2026-11-04T09:00:00Z", "high"),
                    ev("2026-11-04T11:00:00Z", Responded),
                    ev("2026-11-05T05:00:00Z", Resolved),
                ],
            ),
        ),
        // high: reaction 40m (met), resolution still open at now.
        (
            0,
            incident(
                "H4",
                vec![
                    reported("2026-11-30T20:00:00Z", "high"),
                    ev("2026-11-30T20:40:00Z", Responded),
                ],
            ),
        ),
        // low: reaction 1h (met); resolution not covered for low.
        (
            0,
            incident(
                "L1",
                vec![
                    reported("2026-11-10T09:00:00Z", "low"),
                    ev("2026-11-10T10:00:00Z", Responded),
                ],
            ),
        ),
        // October: outside the period.
        (
            0,
            incident(
                "O1",
                vec![
                    reported("2026-10-31T23:59:59Z", "high"),
                    ev("2026-11-01T00:10:00Z", Responded),
                ],
            ),
        ),
        // Unknown severity: a failure.
        (
            0,
            incident("X2", vec![reported("2026-11-10T09:00:00Z", "urgent")]),
        ),
    ];
    (contracts, incidents)
}

fn targets() -> ComplianceTargets {
    serde_json::from_str(
        r#"{"default": {"reaction": "60"},
            "severities": {"high": {"reaction": "66.67", "resolution": "50"}}}"#,
    )
    .unwrap()
}

#[test]
fn counts_compliance_and_statistics_on_known_answers() {
    let (contracts, incidents) = november();
    let now = t("2026-12-01T00:00:00Z");
    let report = build(
        &contracts,
        &incidents,
        &"2026-11".parse().unwrap(),
        &targets(),
        now,
    );
    assert_eq!(report.incidents, 5);
    assert_eq!(report.outside_period, 1);
    let failed: Vec<usize> = report.failures.iter().map(|f| f.index).collect();
    assert_eq!(failed, vec![6]);
    assert!(report.failures[0].error.to_string().contains("urgent"));

    let keys: Vec<(&str, Metric)> = report
        .rows
        .iter()
        .map(|r| (r.severity.as_str(), r.metric))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("high", Metric::Reaction),
            ("high", Metric::Resolution),
            ("low", Metric::Reaction),
            ("low", Metric::Resolution),
        ]
    );

    let reaction = &report.rows[0];
    assert_eq!(reaction.customer, "Acme");
    assert_eq!(reaction.plan, "wall");
    assert_eq!(
        (
            reaction.incidents,
            reaction.met,
            reaction.breached,
            reaction.open,
            reaction.not_covered
        ),
        (4, 3, 1, 0, 0)
    );
    assert_eq!(reaction.compliance, Some(d("75")));
    assert_eq!(reaction.target, Some(d("66.67")));
    assert_eq!(reaction.outcome, Some(TargetOutcome::Met));
    // 10m, 30m, 40m, 2h: mean 50m, median (30m + 40m) / 2 = 35m, p90 rank ⌈3.6⌉ = 4 → 2h.
    let s = reaction.elapsed.unwrap();
    assert_eq!(s.count, 4);
    assert_eq!(s.mean, TimeDelta::minutes(50));
    assert_eq!(s.median, TimeDelta::minutes(35));
    assert_eq!(s.p90, TimeDelta::hours(2));
    assert_eq!(s.max, TimeDelta::hours(2));

    let resolution = &report.rows[1];
    assert_eq!(
        (
            resolution.met,
            resolution.breached,
            resolution.open,
            resolution.not_covered
        ),
        (2, 1, 1, 0)
    );
    // 2 of 3: 66.666… rounds toward zero; the target 50 is met.
    assert_eq!(resolution.compliance, Some(d("66.66")));
    assert_eq!(resolution.outcome, Some(TargetOutcome::Met));
    let s = resolution.elapsed.unwrap();
    // 3h, 7h (10h minus 3h waiting), 20h.
    assert_eq!(s.median, TimeDelta::hours(7));
    assert_eq!(s.mean, TimeDelta::hours(10));

    let low_reaction = &report.rows[2];
    assert_eq!((low_reaction.met, low_reaction.breached), (1, 0));
    assert_eq!(low_reaction.compliance, Some(d("100")));
    assert_eq!(low_reaction.target, Some(d("60"))); // the default
    assert_eq!(low_reaction.outcome, Some(TargetOutcome::Met));

    // Nothing met or breached: no compliance figure, no outcome, no statistics.
    let low_resolution = &report.rows[3];
    assert_eq!(low_resolution.not_covered, 1);
    assert_eq!(low_resolution.compliance, None);
    assert_eq!(low_resolution.target, None);
    assert_eq!(low_resolution.outcome, None);
    assert_eq!(low_resolution.elapsed, None);

    // One contract: the totals repeat the rows under `(all)`.
    assert_eq!(report.totals.len(), 4);
    assert_eq!(report.totals[0].customer, "(all)");
    assert_eq!(report.totals[0].met, 3);

    let table = report.to_string();
    assert!(table.contains("75.00%"), "{table}");
    assert!(table.contains("66.66%"), "{table}");
    assert!(table.contains("failed: incidents[6]"), "{table}");
}

#[test]
fn target_exactly_reached_is_met_and_just_below_is_missed() {
    let (contracts, incidents) = november();
    let now = t("2026-12-01T00:00:00Z");
    let period: Period = "2026-11".parse().unwrap();
    let targets = |p: &str| -> ComplianceTargets {
        serde_json::from_str(&format!(
            r#"{{"severities": {{"high": {{"reaction": "{p}"}}}}}}"#
        ))
        .unwrap()
    };
    let outcome =
        |p: &str| build(&contracts, &incidents, &period, &targets(p), now).rows[0].outcome;
    assert_eq!(outcome("75"), Some(TargetOutcome::Met));
    assert_eq!(outcome("75.0001"), Some(TargetOutcome::Missed));
    // Exact comparison: 2/3 = 66.666… is below 66.667 but not below 66.6666.
    let resolution = |p: &str| -> Option<TargetOutcome> {
        let t: ComplianceTargets = serde_json::from_str(&format!(
            r#"{{"severities": {{"high": {{"resolution": "{p}"}}}}}}"#
        ))
        .unwrap();
        build(&contracts, &incidents, &period, &t, now).rows[1].outcome
    };
    assert_eq!(resolution("66.6666"), Some(TargetOutcome::Met));
    assert_eq!(resolution("66.667"), Some(TargetOutcome::Missed));
}

#[test]
fn attribution_follows_the_contract_zone_at_month_and_quarter_edges() {
    let berlin = contract("Berlin GmbH", "office", Some("berlin"));
    let utc = contract("UTC Ltd", "wall", None);
    let nov: Period = "2026-11".parse().unwrap();
    let dec: Period = "2026-12".parse().unwrap();
    // 23:30 UTC on the last day of November is 00:30 on 1 December in Berlin.
    let late = t("2026-11-30T23:30:00Z");
    assert_eq!(attribution_date(&berlin, late).to_string(), "2026-12-01");
    let attributes = |p: &Period, c: &Contract, at| p.contains(attribution_date(c, at));
    assert!(!attributes(&nov, &berlin, late));
    assert!(attributes(&dec, &berlin, late));
    assert!(attributes(&nov, &utc, late));
    // The same at a quarter's edge: New Year's Eve 23:30 UTC is Q1 2027 in Berlin.
    let q4: Period = "2026-Q4".parse().unwrap();
    let q1: Period = "2027-Q1".parse().unwrap();
    let eve = t("2026-12-31T23:30:00Z");
    assert!(attributes(&q1, &berlin, eve) && !attributes(&q4, &berlin, eve));
    assert!(attributes(&q4, &utc, eve) && !attributes(&q1, &utc, eve));
    // And at a year's: an annual report of 2026 leaves Berlin's New Year's Eve incident out.
    let y2026: Period = "2026".parse().unwrap();
    assert!(attributes(&y2026, &utc, eve) && !attributes(&y2026, &berlin, eve));
    // And the start: 23:30 UTC on 30 September is already October in Berlin (CEST, +2).
    assert!(attributes(&q4, &berlin, t("2026-09-30T22:30:00Z")));
    assert!(!attributes(&q4, &berlin, t("2026-09-30T21:59:59Z")));

    // Through a whole report: two contracts, the same instant, different months.
    let contracts = vec![berlin, utc];
    let incidents = vec![
        (
            0,
            incident("B", vec![reported("2026-11-30T23:30:00Z", "high")]),
        ),
        (
            1,
            incident("U", vec![reported("2026-11-30T23:30:00Z", "high")]),
        ),
    ];
    let now = t("2026-12-02T00:00:00Z");
    let none = ComplianceTargets::none();
    let r = build(&contracts, &incidents, &nov, &none, now);
    assert_eq!((r.incidents, r.outside_period), (1, 1));
    assert_eq!(r.rows[0].customer, "UTC Ltd");
    let r = build(&contracts, &incidents, &dec, &none, now);
    assert_eq!((r.incidents, r.outside_period), (1, 1));
    assert_eq!(r.rows[0].customer, "Berlin GmbH");
}

#[test]
fn periods_parse_print_and_reject() {
    for s in [
        "2026-11",
        "2026-Q4",
        "2027-Q1",
        "2026",
        "2026-11-15..2026-12-15",
    ] {
        let p: Period = s.parse().unwrap();
        assert_eq!(p.to_string(), s);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p);
    }
    let dec: Period = "2026-12".parse().unwrap();
    assert_eq!(dec.to().to_string(), "2027-01-01");
    let q: Period = "2026-Q2".parse().unwrap();
    assert_eq!(
        (q.from().to_string(), q.to().to_string()),
        ("2026-04-01".into(), "2026-07-01".into())
    );
    for bad in [
        "2026-13",
        "2026-00",
        "2026-Q5",
        "2026-Q0",
        "2026-1",
        "202",
        "",
        "2026-12-01..2026-12-01",
        "2026-12-02..2026-12-01",
        "+2026-11",
        "2026-11-31..2026-12-05",
    ] {
        assert!(bad.parse::<Period>().is_err(), "{bad}");
    }
    let e = "2026-13".parse::<Period>().unwrap_err().to_string();
    assert_eq!(e, "invalid value `2026-13`: expected a month from 1 to 12");
}

#[test]
fn targets_are_validated_with_paths() {
    let err = |json: &str| {
        serde_json::from_str::<ComplianceTargets>(json)
            .unwrap_err()
            .to_string()
    };
    assert!(err(r#"{"severities": {"1": {"reaction": "100.5"}}}"#)
        .contains("severities.1.reaction: invalid value `100.5`"));
    assert!(err(r#"{"default": {"reaction": "-1"}}"#).contains("default.reaction"));
    assert!(err(r#"{"default": {"reaction": "ninety"}}"#).contains("`ninety`"));
    // JSON numbers are rejected (they would go through f64).
    assert!(serde_json::from_str::<ComplianceTargets>(r#"{"default": {"reaction": 95}}"#).is_err());
    assert!(serde_json::from_str::<ComplianceTargets>(r#"{"defaults": {}}"#).is_err());
    let t: ComplianceTargets = serde_json::from_str(
        r#"{"default": {"reaction": "0"}, "severities": {"1": {"reaction": "100"}}}"#,
    )
    .unwrap();
    assert_eq!(t.target("1", Metric::Reaction), Some(d("100")));
    assert_eq!(t.target("2", Metric::Reaction), Some(d("0")));
    // Exact messages, read alone and in TOML.
    assert_eq!(
        err(r#"{"severities": {"1": {"reaction": "100.5"}}}"#),
        "severities.1.reaction: invalid value `100.5`: expected a percentage from \"0\" to \"100\" \
         written as a decimal string"
    );
    let e = toml::from_str::<ComplianceTargets>("[default]\nresolution = \"101\"\n")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("default.resolution: invalid value `101`") && !e.contains('\0'),
        "{e}"
    );
    // Unknown fields and metrics, and fields given twice, are refused.
    assert!(err(r#"{"default": {"reaction": "90"}, "default": {}}"#).contains("duplicate field"));
    assert!(err(r#"{"default": {"reaction": "90", "reaction": "95"}}"#)
        .starts_with("default: duplicate key `reaction`"));
    assert!(err(r#"{"default": {"reply": "90"}}"#).contains("reply"));
}

#[test]
fn targets_are_written_back_as_read() {
    let json = r#"{"default":{"reaction":"90.0"},"severities":{"1":{"reaction":"95","resolution":"87.5"}}}"#;
    let t: ComplianceTargets = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&t).unwrap(), json);
    assert_eq!(serde_json::from_str::<ComplianceTargets>(json).unwrap(), t);
    assert_eq!(
        serde_json::to_string(&ComplianceTargets::none()).unwrap(),
        "{}"
    );
}

#[test]
fn statistics_on_known_values() {
    let s = |v: &[i64]| DurationStats::from_seconds(v.to_vec()).unwrap();
    assert_eq!(DurationStats::from_seconds(Vec::new()), None);
    // One value: everything is that value.
    let one = s(&[42]);
    assert_eq!(
        (one.count, one.mean, one.median, one.p90, one.max),
        (
            1,
            TimeDelta::seconds(42),
            TimeDelta::seconds(42),
            TimeDelta::seconds(42),
            TimeDelta::seconds(42)
        )
    );
    // Even count: the mean of the two middle values, halves rounded up.
    assert_eq!(s(&[1, 2]).median, TimeDelta::seconds(2)); // 1.5 → 2
    assert_eq!(s(&[10, 40, 20, 30]).median, TimeDelta::seconds(25));
    assert_eq!(s(&[0, 0, 1, 100]).median, TimeDelta::seconds(1)); // 0.5 → 1
                                                                  // Mean: 1 + 2 + 2 = 5 / 3 = 1.67 → 2; 1 + 2 = 1.5 → 2; 1 + 1 + 2 = 1.33 → 1.
    assert_eq!(s(&[1, 2, 2]).mean, TimeDelta::seconds(2));
    assert_eq!(s(&[1, 1, 2]).mean, TimeDelta::seconds(1));
    // p90 by nearest rank: n = 10 → 9th value, n = 11 → 10th, n = 20 → 18th, n = 5 → 5th.
    let tens: Vec<i64> = (1..=10).map(|k| k * 10).collect();
    assert_eq!(s(&tens).p90, TimeDelta::seconds(90));
    let elevens: Vec<i64> = (1..=11).collect();
    assert_eq!(s(&elevens).p90, TimeDelta::seconds(10));
    let twenties: Vec<i64> = (1..=20).rev().collect();
    assert_eq!(s(&twenties).p90, TimeDelta::seconds(18));
    assert_eq!(s(&[5, 4, 3, 2, 1]).p90, TimeDelta::seconds(5));
    assert_eq!(s(&[5, 4, 3, 2, 1]).max, TimeDelta::seconds(5));
    // Against a naive sort for every length up to 60 (selection, not sorting, inside).
    let mut x: u64 = 12345;
    for n in 1..=60usize {
        let v: Vec<i64> = (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % 1000) as i64
            })
            .collect();
        let mut sorted = v.clone();
        sorted.sort();
        let median2 = if n % 2 == 1 {
            2 * sorted[n / 2]
        } else {
            sorted[n / 2 - 1] + sorted[n / 2]
        };
        let got = s(&v);
        assert_eq!(got.median, TimeDelta::seconds((median2 + 1) / 2), "n = {n}");
        assert_eq!(
            got.p90,
            TimeDelta::seconds(sorted[(9 * n).div_ceil(10) - 1]),
            "n = {n}"
        );
        assert_eq!(got.max, TimeDelta::seconds(sorted[n - 1]), "n = {n}");
    }
    // Serialized as whole seconds.
    let json = serde_json::to_string(&s(&[10, 40, 20, 30])).unwrap();
    assert_eq!(
        json,
        r#"{"count":4,"mean_seconds":25,"median_seconds":25,"p90_seconds":40,"max_seconds":40}"#
    );
}

/// Many incidents on several contracts, from a fixed generator.
fn many(n: usize) -> (Vec<Contract>, Vec<(usize, Incident)>) {
    let contracts = vec![
        contract("A", "wall", None),
        contract("B", "office", Some("berlin")),
        contract("C", "wall", Some("berlin")),
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let base = t("2026-10-30T00:00:00Z");
    let incidents = (0..n)
        .map(|k| {
            let at = base + TimeDelta::seconds((next() % (35 * 86_400)) as i64);
            let sev = if next() % 3 == 0 { "low" } else { "high" };
            let mut events = vec![Event::new(
                at,
                EventKind::Reported {
                    severity: sev.into(),
                    channel: None,
                    contact: None,
                },
            )];
            let r = at + TimeDelta::seconds((next() % 20_000) as i64);
            events.push(Event::new(r, EventKind::Responded));
            if next() % 2 == 0 {
                let w = r + TimeDelta::seconds((next() % 7_200) as i64);
                events.push(Event::new(w, EventKind::AwaitingCustomer));
                events.push(Event::new(
                    w + TimeDelta::seconds((next() % 50_000) as i64),
                    EventKind::CustomerReplied,
                ));
            }
            if next() % 4 != 0 {
                let last = events.last().unwrap().at;
                events.push(Event::new(
                    last + TimeDelta::seconds((next() % 90_000) as i64),
                    EventKind::Resolved,
                ));
            }
            (
                (next() % 3) as usize,
                Incident::new(format!("M-{k}"), events).unwrap(),
            )
        })
        .collect();
    (contracts, incidents)
}

/// With `--features rayon` `build` and `evaluate_all` run in parallel; either way they
/// must equal a plain sequential loop over `evaluate`.
#[test]
fn batch_and_report_equal_a_sequential_loop() {
    let (contracts, incidents) = many(4_000);
    let now = t("2026-12-03T12:00:00Z");
    let sequential: Vec<_> = incidents
        .iter()
        .map(|(k, i)| evaluate(&contracts[*k], i, now))
        .collect();
    let pairs: Vec<(&Contract, &Incident)> =
        incidents.iter().map(|(k, i)| (&contracts[*k], i)).collect();
    assert_eq!(evaluate_all(&pairs, now), sequential);

    let period: Period = "2026-11".parse().unwrap();
    let built = build(&contracts, &incidents, &period, &targets(), now);
    let reports: Vec<(usize, slacalc::Report)> = incidents
        .iter()
        .zip(sequential)
        .map(|((k, _), r)| (*k, r.unwrap()))
        .collect();
    let report_pairs: Vec<_> = reports.iter().map(|(k, r)| (&contracts[*k], r)).collect();
    let folded = ComplianceReport::from_reports(&report_pairs, &period, &targets());
    assert_eq!(built, folded);
    assert!(built.incidents > 3_000 && built.outside_period > 0);
    // Wall clock: 2 severities × 2 metrics; office hours: 2 severities × reaction.
    assert_eq!(built.rows.len(), 4 + 2 + 4);
    // And the same output twice (no dependence on scheduling).
    assert_eq!(
        serde_json::to_string(&built).unwrap(),
        serde_json::to_string(&build(&contracts, &incidents, &period, &targets(), now)).unwrap()
    );
}

#[test]
fn csv_quotes_commas_and_quotes() {
    let contracts = vec![contract("Smith, \"Jr\" & Co", "wall", None)];
    let incidents = vec![(
        0,
        incident(
            "Q",
            vec![
                reported("2026-11-02T09:00:00Z", "low"),
                ev("2026-11-02T09:30:00Z", EventKind::Responded),
            ],
        ),
    )];
    let report = build(
        &contracts,
        &incidents,
        &"2026-11".parse().unwrap(),
        &ComplianceTargets::none(),
        t("2026-12-01T00:00:00Z"),
    );
    // The table's first line: the instant in UTC with its offset, one incident singular.
    assert_eq!(
        report.to_string().lines().next(),
        Some(
            "Compliance 2026-11 (local dates 2026-11-01 to 2026-12-01, exclusive) as of \
             2026-12-01 00:00 UTC (+00:00): 1 incident, 0 outside the period, 0 failed"
        )
    );
    let csv = report.csv().to_string();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines.len(), 4); // header, two rows, and the empty rest after the last CRLF
    assert_eq!(
        lines[0],
        "customer,plan,severity,metric,incidents,met,breached,open,not_covered,not_applicable,compliance_percent,target_percent,outcome,elapsed_count,elapsed_mean_s,elapsed_median_s,elapsed_p90_s,elapsed_max_s"
    );
    assert_eq!(
        lines[1],
        "\"Smith, \"\"Jr\"\" & Co\",wall,low,reaction,1,1,0,0,0,0,100.00,,,1,1800,1800,1800,1800"
    );
    assert_eq!(
        lines[2],
        "\"Smith, \"\"Jr\"\" & Co\",wall,low,resolution,1,0,0,0,1,0,,,,,,,,"
    );
    assert_eq!(lines[3], "");
}

/// A tiny well-formedness check: balanced tags, quoted attributes, no raw `<` or `&`
/// in text.
fn check_svg(svg: &str) {
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        check_text(&rest[..open]);
        let close = rest[open..].find('>').expect("unclosed tag") + open;
        let tag = &rest[open + 1..close];
        assert!(!tag.contains('<'), "`<` inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name.trim()), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap();
            stack.push(name);
        }
        // Attribute values are quoted and escaped.
        assert_eq!(tag.matches('"').count() % 2, 0, "odd quotes in <{tag}>");
        check_text(tag);
        rest = &rest[close + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn check_text(text: &str) {
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "raw & in {text}"
        );
    }
}

#[test]
fn svg_timeline_and_chart_are_well_formed_escaped_and_deterministic() {
    use EventKind::*;
    let nasty = "<Evil> & \"Sons\" 'Ltd'";
    const NASTY_ESCAPED: &str = "&lt;Evil&gt; &amp; &quot;Sons&quot; &apos;Ltd&apos;";
    let contracts = vec![
        Contract::new(
            catalog(),
            ContractSpec {
                customer: nasty.into(),
                plan: "wall".into(),
                region: Some("berlin".into()),
                ..ContractSpec::default()
            },
        )
        .unwrap(),
        contract("Office & Co", "office", Some("berlin")),
    ];
    let i = incident(
        "T<1>&",
        vec![
            reported("2026-11-27T15:00:00Z", "high"),
            ev("2026-11-27T16:30:00Z", Responded),
            ev("2026-11-27T17:00:00Z", AwaitingCustomer),
            ev("2026-11-28T09:00:00Z", CustomerReplied),
            ev("2026-11-28T20:00:00Z", Resolved),
        ],
    );
    let now = t("2026-11-29T00:00:00Z");
    let report = evaluate(&contracts[0], &i, now).unwrap();
    let markers = [Marker::new(
        "escalation <1> & more",
        t("2026-11-27T16:00:00Z"),
    )];
    let svg = timeline(&contracts[0], &i, &report, &markers);
    check_svg(&svg);
    assert!(svg.contains(NASTY_ESCAPED));
    assert!(!svg.contains(nasty));
    assert!(svg.contains("T&lt;1&gt;&amp;"));
    assert!(svg.contains("escalation &lt;1&gt; &amp; more"));
    for label in [
        "reaction",
        "resolution",
        "awaiting customer",
        "due ",
        "late ",
        "markers",
        "now",
        "Europe/Berlin",
    ] {
        assert!(svg.contains(label), "missing {label}");
    }
    // The paused stretch (awaiting the customer) is drawn for resolution.
    assert!(svg.contains("url(#hatch)\" opacity"));
    assert_eq!(svg, timeline(&contracts[0], &i, &report, &markers));
    // No markers: no markers lane.
    assert!(!timeline(&contracts[0], &i, &report, &[]).contains(">markers<"));

    // A not-covered metric and an office-hours clock.
    let low = incident("L", vec![reported("2026-11-27T15:00:00Z", "low")]);
    let r = evaluate(&contracts[0], &low, now).unwrap();
    let svg = timeline(&contracts[0], &low, &r, &[]);
    check_svg(&svg);
    assert!(svg.contains("not covered"));

    let incidents = vec![(0, i.clone()), (1, low.clone()), (0, low)];
    let report = build(
        &contracts,
        &incidents,
        &"2026-11".parse().unwrap(),
        &targets(),
        now,
    );
    let chart = compliance_chart("Compliance <November> & more", &report.rows);
    check_svg(&chart);
    assert!(chart.contains("Compliance &lt;November&gt; &amp; more"));
    assert!(chart.contains(NASTY_ESCAPED));
    assert!(chart.contains("Office &amp; Co"));
    assert!(chart.contains("severity high · reaction"));
    assert!(chart.contains("0.00 % of 1 (1 late)"), "{chart}");
    assert!(
        chart.contains("0.00 % of 1 (1 late), target 60 %"),
        "{chart}"
    );
    // One low incident per contract, its resolution not covered: the singular.
    assert!(chart.contains("not covered (1 incident)<"), "{chart}");
    assert_eq!(
        chart,
        compliance_chart("Compliance <November> & more", &report.rows)
    );
    check_svg(&compliance_chart("empty", &report.totals));
}

#[test]
fn timeline_survives_extreme_and_empty_inputs() {
    // A 24x7 clock over a year-long window, and an incident at the far end of chrono's range.
    let c = contract("Far", "wall", None);
    let i = incident("F", vec![reported("2026-01-01T00:00:00Z", "high")]);
    let now = t("2027-01-01T00:00:00Z");
    let r = evaluate(&c, &i, now).unwrap();
    check_svg(&timeline(
        &c,
        &i,
        &r,
        &[Marker::new("", t("2030-01-01T00:00:00Z"))],
    ));
    let office = contract("Office", "office", Some("berlin"));
    let i = incident("O", vec![reported("2026-01-01T00:00:00Z", "high")]);
    let r = evaluate(&office, &i, t("2036-01-01T00:00:00Z")).unwrap();
    check_svg(&timeline(&office, &i, &r, &[]));
}

#[test]
fn rows_are_per_contract_in_the_order_contracts_first_appear() {
    let a = contract("Alpha AG", "wall", None);
    let b = contract("Beta Ltd", "wall", None);
    let i = |id: &str| {
        incident(
            id,
            vec![
                reported("2026-11-02T09:00:00Z", "low"),
                ev("2026-11-02T09:30:00Z", EventKind::Responded),
            ],
        )
    };
    let (b1, a1, b2) = (i("B-1"), i("A-1"), i("B-2"));
    // Beta first, Alpha between Beta's two incidents: Beta's row comes first and counts both.
    let pairs = [(&b, &b1), (&a, &a1), (&b, &b2)];
    let report = ComplianceReport::build(
        &pairs,
        &"2026-11".parse().unwrap(),
        &ComplianceTargets::none(),
        t("2026-12-01T00:00:00Z"),
    );
    let rows: Vec<(&str, u64)> = report
        .rows
        .iter()
        .filter(|r| r.metric == Metric::Reaction)
        .map(|r| (r.customer.as_str(), r.incidents))
        .collect();
    assert_eq!(rows, [("Beta Ltd", 2), ("Alpha AG", 1)]);
    // An equal contract that is another value is another row.
    let b_again = b.clone();
    let pairs = [(&b, &b1), (&b_again, &b2)];
    let report = ComplianceReport::build(
        &pairs,
        &"2026-11".parse().unwrap(),
        &ComplianceTargets::none(),
        t("2026-12-01T00:00:00Z"),
    );
    let reaction_rows = report.rows.iter().filter(|r| r.metric == Metric::Reaction);
    assert_eq!(reaction_rows.count(), 2);
}
