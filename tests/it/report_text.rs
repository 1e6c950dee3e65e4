//! Reports for people: `Display` shows each instant in the zone of the calendar it counts
//! on, with the offset, while the serialized form stays RFC 3339 in UTC.

use std::sync::Arc;

use slacalc::contract::CatalogSpec;
use slacalc::{evaluate, Catalog, Contract, ContractSpec, EventKind, Incident, Metric};

use crate::util::{ev, t};

/// A catalog with a Berlin calendar open around the clock (so its business time is wall
/// time, and deadlines are plain sums), a New York one, and `global`, their union.
fn catalog() -> Arc<Catalog> {
    let json = r#"{
      "name": "T", "severities": [{"key": "high", "name": "High"}],
      "calendars": {
        "berlin": {"timezone": "Europe/Berlin", "hours": {
          "mon": ["00:00-24:00"], "tue": ["00:00-24:00"], "wed": ["00:00-24:00"],
          "thu": ["00:00-24:00"], "fri": ["00:00-24:00"], "sat": ["00:00-24:00"],
          "sun": ["00:00-24:00"]}},
        "newyork": {"timezone": "America/New_York", "hours": {"mon": ["09:00-17:00"],
          "tue": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["09:00-17:00"],
          "fri": ["09:00-17:00"]}},
        "global": {"union": [
          {"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]}},
          {"timezone": "America/New_York", "hours": {"mon": ["09:00-17:00"]}}]}},
      "plans": {"p": {"name": "P",
        "targets": {"high": {"reaction": {"within": "2h", "clock": "berlin"},
                             "resolution": {"within": "4h", "clock": "global"}}},
        "ladders": {"high": {"steps": [{"after": "1h", "notify": "Duty manager"},
                                        {"share": "50", "metric": "resolution",
                                         "notify": "Head of Support"}]}}}}
    }"#;
    let spec: CatalogSpec = serde_json::from_str(json).unwrap();
    Arc::new(Catalog::try_from(spec).unwrap())
}

fn contract() -> Contract {
    let terms: ContractSpec = serde_json::from_str(
        r#"{"customer": "ACME", "plan": "p", "region": "berlin",
            "contacts": [{"name": "ann@acme.example", "region": "newyork"}]}"#,
    )
    .unwrap();
    Contract::new(catalog(), terms).unwrap()
}

fn reported(at: &str, contact: Option<&str>) -> Incident {
    let kind = EventKind::Reported {
        severity: "high".into(),
        channel: None,
        contact: contact.map(Into::into),
    };
    Incident::new("I-1", vec![ev(at, kind)]).unwrap()
}

/// The line of `text` that starts (after its indent) with `start`.
fn line<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines()
        .find(|l| l.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no line `{start}` in\n{text}"))
}

#[test]
fn instants_print_with_the_offset_in_force_on_each_side_of_a_dst_change() {
    // Berlin leaves CET (+01:00) for CEST (+02:00) on 2026-03-29 at 01:00 UTC. Reported
    // 23:30 UTC the evening before: 00:30 CET. Reaction 2h on the always-open Berlin
    // calendar: 01:30 UTC, which reads 03:30 CEST. The 1h step counts on 24x7 (UTC only by
    // construction), so it prints in the contract's Berlin zone: 00:30 UTC = 01:30 CET.
    let c = contract();
    let i = reported("2026-03-28T23:30:00Z", None);
    let r = evaluate(&c, &i, t("2026-03-29T00:00:00Z")).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.deadline, Some(t("2026-03-29T01:30:00Z")));
    assert_eq!(reaction.zone().map(|z| z.name()), Some("Europe/Berlin"));
    assert_eq!(r.zone().map(|z| z.name()), Some("Europe/Berlin"));
    let text = r.to_string();
    assert_eq!(
        text.lines().next(),
        Some(
            "incident I-1 — ACME on plan p, severity high, reported 2026-03-29 00:30 CET \
             (+01:00), as of 2026-03-29 01:00 CET (+01:00)"
        ),
        "{text}"
    );
    assert!(
        line(&text, "reaction").contains("2026-03-29 03:30 CEST (+02:00)"),
        "{text}"
    );
    assert!(
        line(&text, "0    Duty manager").ends_with("pending    2026-03-29 01:30 CET (+01:00)"),
        "{text}"
    );
    // The serialized form is unchanged: UTC, RFC 3339.
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["metrics"][0]["deadline"], "2026-03-29T01:30:00Z");
    assert_eq!(json["reported_at"], "2026-03-28T23:30:00Z");
    assert!(json.get("zone").is_none() && json["metrics"][0].get("zone").is_none());
}

#[test]
fn a_union_clock_prints_in_the_zone_of_the_contacts_business_calendar() {
    // Monday 2026-03-02, reported 14:00 UTC (15:00 in Berlin, 09:00 in New York). The union
    // `global` is open Mondays 09:00-17:00 Berlin (08:00-16:00 UTC) or New York (14:00-22:00
    // UTC): 08:00-22:00 UTC. Resolution 4h: 18:00 UTC. The `share 50` step watches it: 2h,
    // 16:00 UTC.
    let c = contract();
    let now = t("2026-03-02T15:00:00Z");

    // Ann's business calendar is New York's (EST, -05:00): 18:00 UTC is 13:00 EST.
    let ann = evaluate(
        &c,
        &reported("2026-03-02T14:00:00Z", Some("ann@acme.example")),
        now,
    )
    .unwrap();
    let resolution = ann.metric(Metric::Resolution).unwrap();
    assert_eq!(resolution.deadline, Some(t("2026-03-02T18:00:00Z")));
    assert_eq!(
        resolution.zone().map(|z| z.name()),
        Some("America/New_York")
    );
    let text = ann.to_string();
    assert!(
        line(&text, "resolution").contains("2026-03-02 13:00 EST (-05:00)"),
        "{text}"
    );
    assert!(
        line(&text, "1    Head of Support").ends_with("2026-03-02 11:00 EST (-05:00)"),
        "{text}"
    );
    // The report time in Ann's zone; the reaction keeps its own Berlin calendar's zone
    // (14:00 UTC + 2h = 16:00 UTC = 17:00 CET).
    assert!(
        text.contains("reported 2026-03-02 09:00 EST (-05:00)"),
        "{text}"
    );
    assert!(
        line(&text, "reaction").contains("2026-03-02 17:00 CET (+01:00)"),
        "{text}"
    );

    // Without a contact: the contract's business calendar, Berlin (CET): 19:00 CET.
    let anyone = evaluate(&c, &reported("2026-03-02T14:00:00Z", None), now).unwrap();
    let text = anyone.to_string();
    assert!(
        line(&text, "resolution").contains("2026-03-02 19:00 CET (+01:00)"),
        "{text}"
    );
    // The same record apart from the zones: equality and the serialized form ignore them.
    assert_eq!(
        anyone.metric(Metric::Resolution).unwrap().deadline,
        resolution.deadline
    );
}

#[test]
fn a_report_read_back_from_json_prints_in_utc() {
    let c = contract();
    let r = evaluate(
        &c,
        &reported("2026-03-28T23:30:00Z", None),
        t("2026-03-29T00:00:00Z"),
    )
    .unwrap();
    let again: slacalc::Report = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(again, r);
    assert_eq!(again.zone(), None);
    let text = again.to_string();
    assert!(
        line(&text, "reaction").contains("2026-03-29 01:30 UTC (+00:00)"),
        "{text}"
    );
}
