//! Entitlements at the door (channels, contacts, quotas, lifecycle, term), support levels and
//! the other three seeds (COSYS, Kosmos, CIIT).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, TimeDelta, Utc};
use slacalc::contract::{Intake, IntakeDecision, IntakeRequest, Party, Refusal, SupportStatus};
use slacalc::{evaluate, Contract, Error, Event, EventKind, Incident, MetricState};
use slacalc::{Catalog, ContractSpec, Metric};

use crate::util::{date, ev, fixture, t};

fn load(catalog: &str, customers: &str) -> (Arc<Catalog>, BTreeMap<String, ContractSpec>) {
    (
        Arc::new(serde_json::from_str(catalog).unwrap()),
        serde_json::from_str(customers).unwrap(),
    )
}

macro_rules! contract {
    ($name:literal, $key:literal) => {{
        let (cat, cust) = load(
            fixture!(concat!("contracts/", $name, ".json")),
            fixture!(concat!("contracts/", $name, "-customers.json")),
        );
        Contract::new(cat, cust[$key].clone()).unwrap()
    }};
}

/// The door's decision as `Ok(intake)` or `Err(refusal)`; a request the door cannot check
/// at all fails the test.
trait Door {
    fn decide(&self, r: &IntakeRequest<'_>) -> Result<Intake, Refusal>;
}

impl Door for Contract {
    fn decide(&self, r: &IntakeRequest<'_>) -> Result<Intake, Refusal> {
        match self.check_intake(r).unwrap() {
            IntakeDecision::Accepted(intake) => Ok(intake),
            IntakeDecision::Refused(refusal) => Err(refusal),
        }
    }
}

fn req<'a>(at: &str, severity: &'a str, channel: &'a str) -> IntakeRequest<'a> {
    IntakeRequest {
        at: t(at),
        severity,
        channel,
        contact: None,
        version: None,
        opened: &[],
        incident: None,
    }
}

#[test]
fn cumulocity_channel_rules() {
    let c = contract!("cumulocity", "emea-de");
    // A Crisis must be reported by phone.
    assert_eq!(
        c.check_intake(&req("2026-03-28T22:50:00Z", "crisis", "portal")),
        Ok(IntakeDecision::Refused(Refusal::ChannelNotAllowed {
            severity: "crisis".into(),
            channel: "portal".into(),
            allowed: vec!["phone".into()],
        }))
    );
    assert_eq!(
        c.decide(&req("2026-03-28T22:50:00Z", "crisis", "portal"))
            .unwrap_err(),
        Refusal::ChannelNotAllowed {
            severity: "crisis".into(),
            channel: "portal".into(),
            allowed: vec!["phone".into()],
        }
    );
    assert!(c
        .decide(&req("2026-03-28T22:50:00Z", "crisis", "phone"))
        .is_ok());
    // On a Saturday a Critical incident goes through the portal, then a phone follow-up.
    let saturday = "2026-12-19T10:00:00Z";
    let e = c.decide(&req(saturday, "critical", "phone")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "severity `critical` cannot be reported through `phone` then: use portal"
    );
    let ok = c.decide(&req(saturday, "critical", "portal")).unwrap();
    assert!(ok.follow_up_required);
    // On a weekday either channel works and no follow-up is needed.
    let ok = c
        .decide(&req("2026-12-18T15:30:00Z", "critical", "phone"))
        .unwrap();
    assert!(!ok.follow_up_required);
    // ... and the reaction clock of the Saturday incident runs from the phone contact.
    let i = Incident::new(
        "x",
        vec![
            Event::new(
                t(saturday),
                EventKind::Reported {
                    severity: "critical".into(),
                    channel: Some("portal".into()),
                    contact: None,
                },
            ),
            Event::new(t("2026-12-19T14:00:00Z"), EventKind::ContactEstablished),
        ],
    )
    .unwrap();
    let r = evaluate(&c, &i, t("2026-12-19T14:30:00Z")).unwrap();
    assert_eq!(
        r.metric(Metric::Reaction).unwrap().deadline,
        Some(t("2026-12-19T16:00:00Z"))
    );
}

#[test]
fn cumulocity_contacts_and_their_regions() {
    let c = contract!("cumulocity", "emea-de");
    let mut r = req("2026-12-18T15:30:00Z", "critical", "portal");
    r.contact = Some("someone@else.example");
    assert_eq!(
        c.decide(&r).unwrap_err().to_string(),
        "`someone@else.example` is not a named contact of the contract"
    );
    // The Penang contact's incidents progress in APJ business hours (Kuala Lumpur, UTC+8).
    let berlin = c.business_calendar_for(Some("atc-berlin@muster-maschinenbau.example"));
    let penang = c.business_calendar_for(Some("atc-penang@muster-maschinenbau.example"));
    let at = t("2026-12-17T02:00:00Z"); // Thursday 10:00 in Kuala Lumpur, 03:00 in Berlin
    assert!(penang.is_open(at));
    assert!(!berlin.is_open(at));
    assert_eq!(
        penang.timezone().map(|z| z.name()),
        Some("Asia/Kuala_Lumpur")
    );
}

#[test]
fn cumulocity_lifecycle_at_the_door() {
    let c = contract!("cumulocity", "emea-de");
    let mut r = req("2026-03-02T09:00:00Z", "standard", "portal");
    // 10.18 ended maintenance 2025-12-31: sustained support for 12 months.
    r.version = Some("10.18.3".parse().unwrap());
    let ok = c.decide(&r).unwrap();
    let v = ok.version.unwrap();
    assert_eq!(v.support, SupportStatus::Sustained);
    assert!(!v.latest_service_pack);
    // 10.17 is beyond sustained support but under the customer's EME agreement until June.
    r.version = Some("10.17.9".parse().unwrap());
    assert_eq!(
        c.decide(&r).unwrap().version.unwrap().support,
        SupportStatus::Extended
    );
    r.at = t("2026-07-02T09:00:00Z");
    assert_eq!(
        c.decide(&r).unwrap_err().to_string(),
        "version 10.17.9 is not supported on 2026-07-02 (beyond sustained support)"
    );
    r.version = Some("9.0".parse().unwrap());
    assert!(matches!(
        c.decide(&r),
        Err(Refusal::UnsupportedVersion {
            status: SupportStatus::Unknown,
            ..
        })
    ));
}

#[test]
fn comarch_channels_contacts_and_quota() {
    let basic = contract!("comarch", "basic");
    assert_eq!(
        basic
            .decide(&req("2026-11-27T10:00:00Z", "4", "chat"))
            .unwrap_err()
            .to_string(),
        "channel `chat` is not offered by the plan (offered: ticket)"
    );
    // Ten cases per quarter; the eleventh in Q4 2026 is refused, the first of Q1 2027 is fine.
    let opened: Vec<DateTime<Utc>> = (0..10)
        .map(|k| t("2026-10-05T10:00:00Z") + Duration::days(7 * k))
        .collect();
    let mut r = req("2026-12-28T10:00:00Z", "4", "ticket");
    r.opened = &opened[..9];
    let ok = basic.decide(&r).unwrap();
    assert_eq!(
        ok.quota.as_ref().map(|q| (q.used, q.remaining)),
        Some((10, 0))
    );
    r.opened = &opened;
    assert_eq!(
        basic.decide(&r).unwrap_err().to_string(),
        "case quota used up: 10 of 10 cases from 2026-10-01 to 2027-01-01"
    );
    // A quota of one case reads in the singular.
    let one = Refusal::QuotaExhausted {
        used: 1,
        limit: 1,
        period_start: date(2026, 10, 1),
        period_end: date(2027, 1, 1),
    };
    assert_eq!(
        one.to_string(),
        "case quota used up: 1 of 1 case from 2026-10-01 to 2027-01-01"
    );
    // A contact about a case already open is not a new case: the quota stands at 10 of 10
    // and does not refuse it.
    let open_case = Incident::new(
        "B-10",
        vec![ev(
            "2026-12-07T10:00:00Z",
            EventKind::Reported {
                severity: "4".into(),
                channel: Some("ticket".into()),
                contact: None,
            },
        )],
    )
    .unwrap();
    r.incident = Some(&open_case);
    let usage = basic.decide(&r).unwrap().quota.unwrap();
    assert_eq!((usage.used, usage.remaining, usage.over_limit), (10, 0, 0));
    r.incident = None;
    r.at = t("2027-01-04T10:00:00Z");
    assert!(basic.decide(&r).is_ok());

    // Contact limits: Basic has exactly one main contact, Advanced 2 to 5.
    let (cat, cust) = load(
        fixture!("contracts/comarch.json"),
        fixture!("contracts/comarch-customers.json"),
    );
    let mut two = cust["basic"].clone();
    two.contacts.push(two.contacts[0].clone());
    two.contacts[1].name = "second@beispiel-handel.example".into();
    assert_eq!(
        Contract::new(cat.clone(), two).unwrap_err().to_string(),
        "contacts: invalid value `2 contacts`: expected exactly 1 on plan `basic`"
    );
    let mut one = cust["advanced"].clone();
    one.contacts.truncate(1);
    assert_eq!(
        Contract::new(cat, one).unwrap_err().to_string(),
        "contacts: invalid value `1 contact`: expected 2 to 5 on plan `advanced`"
    );
}

#[test]
fn contract_term_at_the_door() {
    let c = contract!("cosys", "logistics");
    let term = c.term().unwrap();
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    assert_eq!(term.next_renewal(d("2026-11-23")), Some(d("2027-01-01")));
    assert_eq!(term.notice_deadline(d("2026-11-23")), Some(d("2027-09-30")));
    assert_eq!(
        c.decide(&req("2023-12-31T10:00:00Z", "1", "email"))
            .unwrap_err()
            .to_string(),
        "the contract is not in force on 2023-12-31"
    );
    // COSYS's hotline phone is staffed during the service hours only.
    let e = c
        .decide(&req("2026-11-21T10:00:00Z", "1", "phone"))
        .unwrap_err();
    assert_eq!(
        e,
        Refusal::ChannelClosed {
            channel: "phone".into(),
            at: t("2026-11-21T10:00:00Z"),
            opens: Some(t("2026-11-23T07:00:00Z")),
            zone: Some(chrono_tz::Europe::Berlin),
        }
    );
    // For people, in the service hours' zone: Saturday 11:00 and Monday 08:00 in Berlin.
    assert_eq!(
        e.to_string(),
        "channel `phone` is closed at 2026-11-21 11:00 CET (+01:00); it opens at 2026-11-23 \
         08:00 CET (+01:00)"
    );
}

fn level(at: &str, l: &str) -> Event {
    ev(at, EventKind::LevelChanged { level: l.into() })
}

#[test]
fn kosmos_levels_and_times() {
    let c = contract!("kosmos", "academie");
    // Tuesday 2026-11-24 in Paris (UTC+1): reported 10:00, N2 at 11:00, N3 at 14:00.
    let events = vec![
        ev(
            "2026-11-24T09:00:00Z",
            EventKind::Reported {
                severity: "blocking".into(),
                channel: Some("platform".into()),
                contact: None,
            },
        ),
        level("2026-11-24T10:00:00Z", "n2"),
        ev("2026-11-24T10:30:00Z", EventKind::Responded),
        level("2026-11-24T13:00:00Z", "n3"),
    ];
    let i = Incident::new("K-1", events.clone()).unwrap();
    let spans = c.level_spans(&i, t("2026-11-24T15:00:00Z")).unwrap();
    let summary: Vec<(&str, Party, TimeDelta)> = spans
        .iter()
        .map(|s| (s.level.as_str(), s.operated_by, s.held))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("n1", Party::Customer, TimeDelta::hours(1)),
            ("n2", Party::Vendor, TimeDelta::hours(3)),
            ("n3", Party::Vendor, TimeDelta::hours(2)),
        ]
    );
    // Only N2 may contact N3.
    let mut bad = events;
    bad.remove(1);
    let i = Incident::new("K-2", bad).unwrap();
    assert_eq!(
        c.level_spans(&i, t("2026-11-24T15:00:00Z")).unwrap_err().to_string(),
        "events[2] (level_changed at 2026-11-24 13:00:00 UTC): level `n1` may not hand the incident to `n3`"
    );
    // GTI 12 working hours for a blocking incident: Tuesday 10:00 Paris + 12 h of 09:00-17:30.
    let i = Incident::new(
        "K-3",
        vec![ev(
            "2026-11-24T09:00:00Z",
            EventKind::Reported {
                severity: "blocking".into(),
                channel: Some("platform".into()),
                contact: None,
            },
        )],
    )
    .unwrap();
    let r = evaluate(&c, &i, t("2026-11-24T09:00:00Z")).unwrap();
    // 7.5 h on Tuesday, 4.5 h on Wednesday: 13:30 Paris = 12:30 UTC.
    assert_eq!(
        r.metric(Metric::Reaction).unwrap().deadline,
        Some(t("2026-11-25T12:30:00Z"))
    );
    // The phone is for blocking incidents; a minor one goes to the platform.
    assert!(matches!(
        c.decide(&req("2026-11-24T09:00:00Z", "minor", "phone")),
        Err(Refusal::ChannelNotAllowed { .. })
    ));
    // French holidays: Armistice Day 2026-11-11 is closed.
    assert!(!c.business_calendar().is_open(t("2026-11-11T10:00:00Z")));
}

fn kosmos_incident(id: &str, events: Vec<Event>) -> Incident {
    Incident::new(id, events).unwrap()
}

fn kosmos_reported(at: &str, severity: &str, channel: Option<&str>) -> Event {
    ev(
        at,
        EventKind::Reported {
            severity: severity.into(),
            channel: channel.map(Into::into),
            contact: None,
        },
    )
}

/// Seed 001: level 2 "can also be reached by telephone (from 9am to 5:30pm on Kosmos working
/// days), for any incident of blocking severity previously reported on the reporting
/// platform".
#[test]
fn kosmos_phone_only_for_blocking_incidents_already_on_the_platform() {
    let c = contract!("kosmos", "academie");
    // Reported on the platform Tuesday 2026-11-24 10:00 Paris; a phone call at 11:00 Paris.
    let on_platform = kosmos_incident(
        "K-10",
        vec![kosmos_reported(
            "2026-11-24T09:00:00Z",
            "blocking",
            Some("platform"),
        )],
    );
    let call = |incident: Option<&Incident>, at: &str, severity: &'static str| {
        let mut r = req(at, severity, "phone");
        r.incident = incident;
        c.decide(&r)
    };
    let accepted = call(Some(&on_platform), "2026-11-24T10:00:00Z", "blocking").unwrap();
    assert!(!accepted.follow_up_required);
    // The same call at the instant of the report is accepted ("at or before").
    assert!(call(Some(&on_platform), "2026-11-24T09:00:00Z", "blocking").is_ok());
    // A phone call that is a new report: refused, naming the platform.
    let refusal = call(None, "2026-11-24T10:00:00Z", "blocking").unwrap_err();
    assert_eq!(
        refusal,
        Refusal::EarlierReportRequired {
            channel: "phone".into(),
            via: vec!["platform".into()],
            reported_at: None,
            reported_via: None,
        }
    );
    assert_eq!(
        refusal.to_string(),
        "channel `phone` is only for incidents already reported through platform: the request \
         concerns no incident reported before it"
    );
    // An incident reported by phone in the first place (recorded so) does not qualify.
    let by_phone = kosmos_incident(
        "K-11",
        vec![kosmos_reported(
            "2026-11-24T09:00:00Z",
            "blocking",
            Some("phone"),
        )],
    );
    let refusal = call(Some(&by_phone), "2026-11-24T10:00:00Z", "blocking").unwrap_err();
    assert_eq!(
        refusal,
        Refusal::EarlierReportRequired {
            channel: "phone".into(),
            via: vec!["platform".into()],
            reported_at: Some(t("2026-11-24T09:00:00Z")),
            reported_via: Some("phone".into()),
        }
    );
    assert_eq!(
        refusal.to_string(),
        "channel `phone` is only for incidents already reported through platform: this one was \
         reported through `phone` at 2026-11-24 09:00:00 UTC"
    );
    // A report that named no channel does not show it came through the platform.
    let unnamed = kosmos_incident(
        "K-12",
        vec![kosmos_reported("2026-11-24T09:00:00Z", "blocking", None)],
    );
    assert!(matches!(
        call(Some(&unnamed), "2026-11-24T10:00:00Z", "blocking"),
        Err(Refusal::EarlierReportRequired {
            reported_via: None,
            reported_at: Some(_),
            ..
        })
    ));
    // A call before the platform report is not about an earlier report.
    assert_eq!(
        call(Some(&on_platform), "2026-11-24T08:30:00Z", "blocking").unwrap_err(),
        Refusal::EarlierReportRequired {
            channel: "phone".into(),
            via: vec!["platform".into()],
            reported_at: None,
            reported_via: None,
        }
    );
    // The hours still hold: at 20:00 Paris the phone is closed, whatever the history.
    assert!(matches!(
        call(Some(&on_platform), "2026-11-24T19:00:00Z", "blocking"),
        Err(Refusal::ChannelClosed { .. })
    ));
    // A major incident on the platform cannot be phoned in: the channel rule refuses first.
    let major = kosmos_incident(
        "K-13",
        vec![kosmos_reported(
            "2026-11-24T09:00:00Z",
            "major",
            Some("platform"),
        )],
    );
    assert!(matches!(
        call(Some(&major), "2026-11-24T10:00:00Z", "major"),
        Err(Refusal::ChannelNotAllowed { .. })
    ));
    // Upgraded to blocking after the platform report: the phone is open to it.
    let upgraded = kosmos_incident(
        "K-14",
        vec![
            kosmos_reported("2026-11-24T09:00:00Z", "major", Some("platform")),
            ev(
                "2026-11-24T09:30:00Z",
                EventKind::SeverityChanged {
                    severity: "blocking".into(),
                },
            ),
        ],
    );
    assert!(call(Some(&upgraded), "2026-11-24T10:00:00Z", "blocking").is_ok());
    // The request's severity must be the incident's at that instant.
    // That is an error in the request, not a refusal.
    let mut r = req("2026-11-24T10:00:00Z", "blocking", "phone");
    r.incident = Some(&major);
    assert_eq!(
        c.check_intake(&r),
        Err(Error::InvalidArgument {
            operation: "check_intake",
            reason: "the request's severity `blocking` is not the severity of incident `K-13` \
                     at 2026-11-24 10:00:00 UTC (`major`)"
                .into(),
        })
    );
    // The platform itself has no condition.
    let mut on = req("2026-11-24T19:00:00Z", "blocking", "platform");
    on.incident = Some(&on_platform);
    assert!(c.decide(&on).is_ok());
}

#[test]
fn channel_conditions_must_name_other_channels_of_the_plan() {
    let catalog = |phone: &str| {
        let json = format!(
            r#"{{"name": "T", "severities": [{{"key": "high", "name": "High"}}],
                "plans": {{"p": {{"name": "P", "targets": {{"high": {{"reaction": {{"within": "1h"}}}}}},
                  "entitlements": {{"channels": {{"portal": {{}}, "phone": {phone}}}}}}}}}}}"#
        );
        let spec: slacalc::contract::CatalogSpec = serde_json::from_str(&json).unwrap();
        Catalog::try_from(spec)
    };
    assert!(catalog(r#"{"only_after_report_via": ["portal"]}"#).is_ok());
    assert_eq!(
        catalog(r#"{"only_after_report_via": ["platform"]}"#).unwrap_err(),
        Error::UnknownName {
            path: "plans.p.entitlements.channels.phone.only_after_report_via".into(),
            kind: "channel".into(),
            name: "platform".into(),
            known: vec!["phone".into(), "portal".into()],
        }
    );
    assert!(matches!(
        catalog(r#"{"only_after_report_via": ["phone"]}"#).unwrap_err(),
        Error::InvalidValue { path, value, .. }
            if path == "plans.p.entitlements.channels.phone.only_after_report_via"
                && value == "phone"
    ));
    assert!(
        serde_json::from_str::<slacalc::contract::Channel>(r#"{"only_after": ["portal"]}"#)
            .is_err()
    );
}

#[test]
fn ciit_priorities() {
    let c = contract!("ciit", "clinic");
    let reported = |sev: &str| {
        Incident::new(
            "C-1",
            vec![ev(
                "2026-11-27T15:00:00Z",
                EventKind::Reported {
                    severity: sev.into(),
                    channel: Some("ticket".into()),
                    contact: None,
                },
            )],
        )
        .unwrap()
    };
    let now = t("2026-11-27T15:00:00Z");
    let due = |sev| {
        evaluate(&c, &reported(sev), now)
            .unwrap()
            .metric(Metric::Reaction)
            .unwrap()
            .deadline
    };
    // Friday 16:00 Berlin. P1: 2 office hours → Monday 09:00 Berlin.
    assert_eq!(due("p1"), Some(t("2026-11-30T08:00:00Z")));
    // P3: by the end of the next business day → Monday 17:00 Berlin.
    assert_eq!(due("p3"), Some(t("2026-11-30T16:00:00Z")));
    // P4: five business days later at the same local time → Friday 2026-12-04 16:00 Berlin.
    assert_eq!(due("p4"), Some(t("2026-12-04T15:00:00Z")));
    let r = evaluate(&c, &reported("p1"), now).unwrap();
    assert_eq!(
        r.metric(Metric::Workaround).unwrap().state,
        MetricState::Running
    );
}

#[test]
fn bad_entitlements_name_the_field() {
    let bad = |entitlements: &str| -> Error {
        let json = format!(
            r#"{{"name": "T", "severities": [{{"key": "high", "name": "High"}}],
                "plans": {{"p": {{"name": "P", "targets": {{}}, "entitlements": {entitlements}}}}}}}"#
        );
        let spec: slacalc::contract::CatalogSpec = serde_json::from_str(&json).unwrap();
        Catalog::try_from(spec).unwrap_err()
    };
    assert_eq!(
        bad(r#"{"channels": {"phone": {}}, "channel_rules": [{"severities": ["high"], "channels": ["fax"]}]}"#)
            .to_string(),
        "plans.p.entitlements.channel_rules[0].channels: unknown channel `fax`: expected one of phone"
    );
    assert_eq!(
        bad(r#"{"channels": {"phone": {"hours": "office"}}}"#).to_string(),
        "plans.p.entitlements.channels.phone.hours: unknown clock `office`: expected one of 24x7, business"
    );
    assert_eq!(
        bad(r#"{"levels": [{"key": "n1", "escalates_to": ["n9"]}]}"#).to_string(),
        "plans.p.entitlements.levels[0].escalates_to: unknown support level `n9`: expected one of n1"
    );
    assert_eq!(
        bad(r#"{"contacts": {"min": 3, "max": 2}}"#).to_string(),
        "plans.p.entitlements.contacts.max: invalid value `2`: expected at least `min` (3)"
    );
}

#[test]
fn cosys_clocks_start_at_the_third_level() {
    let c = contract!("cosys", "logistics");
    let reported = ev(
        "2026-11-26T09:00:00Z",
        EventKind::Reported {
            severity: "2".into(),
            channel: Some("phone".into()),
            contact: None,
        },
    );
    // Still with the customer's levels: COSYS's clocks have not started.
    let i = Incident::new(
        "c",
        vec![reported.clone(), level("2026-11-26T10:00:00Z", "n2")],
    )
    .unwrap();
    let r = evaluate(&c, &i, t("2026-11-26T11:00:00Z")).unwrap();
    assert_eq!(
        r.metric(Metric::Reaction).unwrap().state,
        MetricState::NotStarted
    );
    // Handed to COSYS at 12:00 UTC (13:00 Berlin): 2 service hours to respond.
    let i = Incident::new(
        "c",
        vec![
            reported,
            level("2026-11-26T10:00:00Z", "n2"),
            level("2026-11-26T12:00:00Z", "n3"),
        ],
    )
    .unwrap();
    let r = evaluate(&c, &i, t("2026-11-26T12:30:00Z")).unwrap();
    let reaction = r.metric(Metric::Reaction).unwrap();
    assert_eq!(reaction.deadline, Some(t("2026-11-26T14:00:00Z")));
    assert_eq!(reaction.elapsed, TimeDelta::minutes(30));
}
