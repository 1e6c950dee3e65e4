//! Prioritized queuing: the seeds' rules (Cumulocity 003 §4.2, Comarch 004), the fixture's
//! order and explanations, incremental use against a full rebuild, and properties of the
//! order (total, independent of input order).

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use slacalc::queue::{order, Decided, EntryId, Queue, QueueConfig, QueueEntry, QueueKey, Slack};
use slacalc::{Catalog, ContractSpec, Metric};
use slacalc::{Contract, Error, Event, EventKind, Incident, MetricState};

use crate::util::{fixture, t};

fn contracts() -> BTreeMap<String, Arc<Contract>> {
    let mut out = BTreeMap::new();
    for (name, catalog, customers) in [
        (
            "cumulocity",
            fixture!("contracts/cumulocity.json"),
            fixture!("contracts/cumulocity-customers.json"),
        ),
        (
            "comarch",
            fixture!("contracts/comarch.json"),
            fixture!("contracts/comarch-customers.json"),
        ),
    ] {
        let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(catalog).unwrap());
        let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(customers).unwrap();
        for (key, terms) in customers {
            let c = Contract::new(catalog.clone(), terms).unwrap();
            out.insert(format!("{name}/{key}"), Arc::new(c));
        }
    }
    out
}

#[derive(serde::Deserialize)]
struct Fixture {
    now: DateTime<Utc>,
    incidents: Vec<Open>,
}

#[derive(serde::Deserialize)]
struct Open {
    contract: String,
    incident: Incident,
}

fn fixture() -> (DateTime<Utc>, Vec<(Arc<Contract>, Incident)>) {
    let f: Fixture = serde_json::from_str(fixture!("queue/incidents.json")).unwrap();
    let contracts = contracts();
    let open = f
        .incidents
        .into_iter()
        .map(|o| (contracts[&o.contract].clone(), o.incident))
        .collect();
    (f.now, open)
}

fn reported(id: &str, at: &str, severity: &str) -> Incident {
    Incident::new(
        id,
        vec![Event::new(
            t(at),
            EventKind::Reported {
                severity: severity.into(),
                channel: None,
                contact: None,
            },
        )],
    )
    .unwrap()
}

fn entry(contract: &str, incident: &Incident, now: &str) -> QueueEntry {
    QueueEntry::new(&contracts()[contract], incident, t(now)).unwrap()
}

fn ids(entries: &[QueueEntry], config: &QueueConfig) -> Vec<String> {
    order(config, entries)
        .entries()
        .map(|e| e.incident.to_string())
        .collect()
}

const NOW: &str = "2026-03-10T10:00:00Z";

#[test]
fn enterprise_critical_ahead_of_a_standard_critical_reported_earlier() {
    // 003 §4.2: "Incidents are prioritized ahead of Standard Support incidents of the same
    // severity level" — even one reported half an hour earlier, with less slack left.
    let standard = entry(
        "cumulocity/emea-de-standard",
        &reported("S-1", "2026-03-10T09:00:00Z", "critical"),
        NOW,
    );
    let enterprise = entry(
        "cumulocity/emea-de",
        &reported("E-1", "2026-03-10T09:30:00Z", "critical"),
        NOW,
    );
    assert!(
        standard.slack.as_ref().unwrap().remaining < enterprise.slack.as_ref().unwrap().remaining
    );
    let entries = [standard, enterprise];
    let q = order(&QueueConfig::default(), &entries);
    assert_eq!(
        q.entries().map(|e| &*e.incident).collect::<Vec<_>>(),
        ["E-1", "S-1"]
    );
    let why = q.explain(0).unwrap();
    assert_eq!(why.decided, Decided::Key(QueueKey::PlanPriority));
    assert_eq!(
        why.to_string(),
        "same severity, plan enterprise ahead of standard (queue priority 1 vs 0)"
    );
}

#[test]
fn the_listing_shows_each_report_time_in_its_customers_zone() {
    // 09:30 UTC is 10:30 CET in Berlin (emea-de) and 03:30 MDT in Denver (us): the US has
    // been on daylight time since Sunday 2026-03-08, Germany not until 2026-03-29.
    let berlin = entry(
        "cumulocity/emea-de",
        &reported("E-1", "2026-03-10T09:30:00Z", "critical"),
        NOW,
    );
    let denver = entry(
        "cumulocity/us",
        &reported("U-1", "2026-03-10T09:30:00Z", "critical"),
        NOW,
    );
    let entries = [berlin, denver];
    let text = order(&QueueConfig::default(), &entries).to_string();
    for (id, reported) in [
        ("E-1", "reported 2026-03-10 10:30 CET (+01:00)"),
        ("U-1", "reported 2026-03-10 03:30 MDT (-06:00)"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(&format!(". {id} —")))
            .unwrap();
        assert!(line.ends_with(reported), "{text}");
    }
    // Read back from JSON an entry has no zone: UTC, and the entries are still equal.
    let json = serde_json::to_string(&entries[0]).unwrap();
    let again: QueueEntry = serde_json::from_str(&json).unwrap();
    assert_eq!(again, entries[0]);
    let text = order(&QueueConfig::default(), &[again]).to_string();
    assert!(
        text.contains("reported 2026-03-10 09:30 UTC (+00:00)"),
        "{text}"
    );
}

#[test]
fn a_crisis_is_ahead_of_every_critical_regardless_of_plan() {
    // A Standard customer's fresh Crisis against Enterprise Criticals, one of them breached.
    let crisis = entry(
        "cumulocity/emea-de-standard",
        &reported("S-CRISIS", "2026-03-10T09:59:00Z", "crisis"),
        NOW,
    );
    let mut entries = vec![crisis];
    for (i, at) in ["2026-03-10T06:00:00Z", "2026-03-10T09:00:00Z"]
        .iter()
        .enumerate()
    {
        for c in ["cumulocity/emea-de", "cumulocity/us"] {
            entries.push(entry(
                c,
                &reported(&format!("CRIT-{c}-{i}"), at, "critical"),
                NOW,
            ));
        }
    }
    assert_eq!(
        entries[1].slack.as_ref().map(|s| s.state),
        Some(MetricState::Breached)
    );
    let q = order(&QueueConfig::default(), &entries);
    assert_eq!(q.get(0).map(|p| &*p.entry.incident), Some("S-CRISIS"));
    assert_eq!(
        q.explain(0).map(|w| w.to_string()).as_deref(),
        Some("more severe: Crisis ahead of Critical")
    );
}

#[test]
fn comarch_premium_ahead_of_basic_at_the_same_severity() {
    // 004: Premium has "Höchste Priorität bei der Ausführung des Supports" — ahead of a Basic
    // incident of the same severity reported days earlier whose reaction is overdue.
    let basic = entry(
        "comarch/basic",
        &reported("B-1", "2026-03-06T08:00:00Z", "3"),
        NOW,
    );
    let advanced = entry(
        "comarch/advanced",
        &reported("A-1", "2026-03-10T08:00:00Z", "3"),
        NOW,
    );
    let premium = entry(
        "comarch/premium",
        &reported("P-1", "2026-03-10T09:59:00Z", "3"),
        NOW,
    );
    assert_eq!(
        basic.slack.as_ref().map(|s| s.state),
        Some(MetricState::Breached)
    );
    let entries = [basic, advanced, premium];
    assert_eq!(
        ids(&entries, &QueueConfig::default()),
        ["P-1", "A-1", "B-1"]
    );
    let q = order(&QueueConfig::default(), &entries);
    assert_eq!(
        q.explain(0).unwrap().to_string(),
        "same severity, plan premium ahead of advanced (queue priority 2 vs 1)"
    );
    // With slack ahead of the plan, the overdue Basic incident goes first.
    let slack_first = QueueConfig::new(vec![QueueKey::Severity, QueueKey::Slack]).unwrap();
    assert_eq!(ids(&entries, &slack_first), ["B-1", "A-1", "P-1"]);
}

fn fixture_entries() -> Vec<QueueEntry> {
    let (now, open) = fixture();
    open.iter()
        .map(|(c, i)| QueueEntry::new(c, i, now).unwrap())
        .collect()
}

#[test]
fn the_fixture_queue() {
    let entries = fixture_entries();
    assert_eq!(entries.len(), 20);
    assert_eq!(
        ids(&entries, &QueueConfig::default()),
        [
            "CCI-3001", "C8Y-1003", "C8Y-2002", "CCI-1002", // rank 0: crisis / 1
            "CCI-3005", "CCI-3003", "C8Y-1002", "C8Y-1001", "C8Y-3001", "CCI-2001",
            "C8Y-2001", // rank 1: critical / 2
            "CCI-3004", "CCI-3002", "C8Y-1004", "C8Y-3002", "CCI-1001", "C8Y-2003", // rank 2
            "CCI-2002", "CCI-2003", "CCI-1003", // rank 3: 4
        ]
    );
}

#[test]
fn the_fixture_explanations() {
    let entries = fixture_entries();
    let q = order(&QueueConfig::default(), &entries);
    let text = |i: usize| q.explain(i).unwrap().to_string();
    assert_eq!(
        text(0),
        "same severity rank, plan premium ahead of enterprise (queue priority 2 vs 1)"
    );
    assert_eq!(
        text(2),
        "same severity rank and plan priority, less slack: reaction breaches in 25m vs no pending deadline"
    );
    assert_eq!(
        text(3),
        "more severe: Ausfall eines geschäftskritischen Systems (1) ahead of Defektes Produktionssystem (2)"
    );
    assert_eq!(
        text(4),
        "same severity, plan priority and slack, reported 1h earlier"
    );
    assert_eq!(
        text(6),
        "same severity and plan priority, less slack: reaction overdue by 1h vs reaction breaches in 1h30m"
    );
    assert_eq!(
        text(7),
        "same severity, plan priority, slack and report time, id C8Y-1001 before C8Y-3001"
    );
    assert_eq!(
        text(15),
        "same severity rank and plan priority, less slack: reaction breaches in 10h (business time) vs reaction breaches in 22h"
    );
    assert_eq!(
        text(18),
        "same severity, plan advanced ahead of basic (queue priority 1 vs 0)"
    );
    // Each position sees the same decision from both sides.
    let p = q.get(7).unwrap();
    assert_eq!(p.behind.unwrap().to_string(), text(6));
    assert_eq!(p.ahead_of.unwrap().to_string(), text(7));
    assert_eq!(
        p.behind.unwrap().ahead.incident,
        q.get(6).unwrap().entry.incident
    );
    assert!(q.get(0).unwrap().behind.is_none());
    assert!(q.get(19).unwrap().ahead_of.is_none());
    assert!(q.get(20).is_none());
    // The last position's slack is in business hours, not "days".
    assert_eq!(
        q.get(19).unwrap().entry.slack.as_ref().unwrap().to_string(),
        "reaction breaches in 29h (business time)"
    );
}

#[test]
fn equal_keys_keep_the_input_order_and_say_so() {
    let i = reported("SAME", "2026-03-10T09:00:00Z", "critical");
    let a = entry("cumulocity/emea-de", &i, NOW);
    let entries = [a.clone(), a];
    let q = order(&QueueConfig::default(), &entries);
    let why = q.explain(0).unwrap();
    assert_eq!(why.decided, Decided::InputOrder);
    assert_eq!((why.ahead_input, why.behind_input), (0, 1));
    assert_eq!(why.to_string(), "equal on every key, input #0 before #1");
    // Same id at two customers: the customer name decides.
    let other = entry("cumulocity/us", &i, NOW);
    let entries = [other, entry("cumulocity/emea-de", &i, NOW)];
    let q = order(&QueueConfig::default(), &entries);
    assert_eq!(
        q.explain(0).unwrap().to_string(),
        "same severity, plan priority, slack and report time, same id SAME, customer Example Utilities Inc. (United States) before Muster Maschinenbau GmbH (Germany)"
    );
}

/// A queue built from the fixture, changed one incident at a time, against `order` over
/// every incident evaluated afresh.
#[test]
fn incremental_updates_equal_a_full_rebuild() {
    let (now, open) = fixture();
    let config = QueueConfig::default();
    let mut queue = Queue::new(config.clone(), now);
    let mut current: BTreeMap<EntryId, (Arc<Contract>, Incident)> = BTreeMap::new();
    for (c, i) in &open {
        let id = queue.insert(c.clone(), i.clone()).unwrap();
        current.insert(id, (c.clone(), i.clone()));
    }
    let check = |queue: &Queue, current: &BTreeMap<EntryId, (Arc<Contract>, Incident)>| {
        let fresh: Vec<QueueEntry> = current
            .values()
            .map(|(c, i)| QueueEntry::new(c, i, queue.now()).unwrap())
            .collect();
        let full = order(queue.config(), &fresh);
        let inc = queue.order();
        assert_eq!(
            inc.entries().collect::<Vec<_>>(),
            full.entries().collect::<Vec<_>>()
        );
        let texts = |q: &slacalc::queue::QueueOrder<'_>| {
            q.iter()
                .map(|p| p.ahead_of.map(|w| w.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&inc), texts(&full));
        // Input numbers: EntryIds in the queue, slice indices of `current` in the rebuild.
        let ids: Vec<EntryId> = current.keys().copied().collect();
        assert_eq!(
            inc.iter().map(|p| p.input).collect::<Vec<_>>(),
            full.iter()
                .map(|p| ids[p.input as usize].get())
                .collect::<Vec<_>>()
        );
    };
    check(&queue, &current);
    let id_of = |queue: &Queue, name: &str| {
        queue
            .iter()
            .find(|(_, e)| &*e.incident == name)
            .map(|(id, _)| id)
            .unwrap()
    };
    // C8Y-1002's reaction is finally given: it drops behind the other Enterprise Criticals.
    let id = id_of(&queue, "C8Y-1002");
    let (c, i) = current[&id].clone();
    let mut events = i.events().to_vec();
    events.push(Event::new(t("2026-03-10T09:55:00Z"), EventKind::Responded));
    let answered = Incident::new(i.id(), events).unwrap();
    queue.update(id, c.clone(), answered.clone()).unwrap();
    current.insert(id, (c, answered));
    check(&queue, &current);
    // CCI-1001 is raised from severity 3 to 2 (not covered on Basic: no pending deadline).
    let id = id_of(&queue, "CCI-1001");
    let (c, i) = current[&id].clone();
    let mut events = i.events().to_vec();
    events.push(Event::new(
        t("2026-03-10T09:00:00Z"),
        EventKind::SeverityChanged {
            severity: "2".into(),
        },
    ));
    let raised = Incident::new(i.id(), events).unwrap();
    queue.update(id, c.clone(), raised.clone()).unwrap();
    current.insert(id, (c, raised));
    check(&queue, &current);
    // CCI-3001 is resolved and leaves; a new Crisis arrives.
    let id = id_of(&queue, "CCI-3001");
    assert_eq!(
        queue.remove(id).map(|e| e.incident.to_string()).as_deref(),
        Some("CCI-3001")
    );
    current.remove(&id);
    assert!(queue.remove(id).is_none());
    let c = contracts()["cumulocity/us"].clone();
    let crisis = reported("C8Y-3003", "2026-03-10T09:58:00Z", "crisis");
    let id = queue.insert(c.clone(), crisis.clone()).unwrap();
    current.insert(id, (c, crisis));
    check(&queue, &current);
    // Same rank and plan priority as C8Y-1003, but 28 minutes of reaction left against
    // C8Y-1003's 3h40m for its resolution plan.
    assert_eq!(queue.first().map(|(_, e)| &*e.incident), Some("C8Y-3003"));
    assert_eq!(queue.position(id), Some(0));
    assert_eq!(queue.position(id_of(&queue, "C8Y-1003")), Some(1));
    assert_eq!(queue.len(), 20);
    // Later: rebuild at a new `now` equals a queue built at that `now`.
    let later = t("2026-03-10T11:00:00Z");
    queue.rebuild(later).unwrap();
    check(&queue, &current);
    let mut fresh = Queue::new(config, later);
    for (c, i) in current.values() {
        fresh.insert(c.clone(), i.clone()).unwrap();
    }
    assert_eq!(
        queue.iter().map(|(_, e)| e).collect::<Vec<_>>(),
        fresh.iter().map(|(_, e)| e).collect::<Vec<_>>()
    );
}

#[test]
fn queue_errors_leave_it_unchanged() {
    let (now, open) = fixture();
    let mut queue = Queue::new(QueueConfig::default(), now);
    let (c, i) = open[0].clone();
    let id = queue.insert(c.clone(), i).unwrap();
    let before = queue.get(id).cloned();
    // A severity the catalog does not know.
    let bad = reported("X", "2026-03-10T09:00:00Z", "blocker");
    assert!(matches!(
        queue.update(id, c.clone(), bad.clone()),
        Err(Error::UnknownName { .. })
    ));
    assert_eq!(queue.get(id).cloned(), before);
    assert!(queue.insert(c.clone(), bad).is_err());
    assert_eq!(queue.len(), 1);
    queue.remove(id);
    assert_eq!(
        queue
            .update(id, c, open[1].1.clone())
            .unwrap_err()
            .to_string(),
        "queue: unknown queue entry `#0`"
    );
}

#[test]
fn config_from_json() {
    let c: QueueConfig = serde_json::from_str("{}").unwrap();
    assert_eq!(c, QueueConfig::default());
    assert_eq!(c.keys(), &QueueKey::DEFAULT[..]);
    assert_eq!(
        serde_json::to_string(&c).unwrap(),
        r#"{"keys":["severity","plan_priority","slack","reported_at","id"]}"#
    );
    let e = serde_json::from_str::<QueueConfig>(r#"{"keys": ["slack", "severity", "slack"]}"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("keys[2]: invalid value `slack`: expected a key not listed before"),
        "{e}"
    );
    assert!(serde_json::from_str::<QueueConfig>(r#"{"keys": ["age"]}"#).is_err());
    assert!(serde_json::from_str::<QueueConfig>(r#"{"kes": []}"#).is_err());
}

// ---- properties ----

fn arb_entry() -> impl Strategy<Value = QueueEntry> {
    (
        (0usize..3, 0usize..2, 0usize..2),
        (0usize..3, -1i32..2),
        proptest::option::of((-3i64..3, 0usize..2)),
        0i64..3,
    )
        .prop_map(
            |((id, customer, catalog), (rank, priority), slack, reported)| QueueEntry {
                incident: format!("I-{id}").into(),
                customer: ["Alpha", "Beta"][customer].into(),
                catalog: ["One", "Two"][catalog].into(),
                plan: format!("p{priority}"),
                queue_priority: priority,
                severity: rank.to_string(),
                severity_name: format!("S{rank}"),
                severity_rank: rank,
                reported_at: t("2026-03-10T09:00:00Z") + TimeDelta::minutes(reported),
                slack: slack.map(|(mins, clock)| Slack {
                    metric: Metric::Reaction,
                    state: if mins < 0 {
                        MetricState::Breached
                    } else {
                        MetricState::Running
                    },
                    remaining: TimeDelta::minutes(mins),
                    clock: ["24x7", "business"][clock].into(),
                    deadline: None,
                }),
                zone: None,
            },
        )
}

/// The reference: one key at a time, straight from the entries' fields.
fn by_key(key: QueueKey, a: &QueueEntry, b: &QueueEntry) -> Ordering {
    match key {
        QueueKey::Severity => a.severity_rank.cmp(&b.severity_rank),
        QueueKey::PlanPriority => b.queue_priority.cmp(&a.queue_priority),
        QueueKey::Slack => match (&a.slack, &b.slack) {
            (Some(x), Some(y)) => x.remaining.cmp(&y.remaining),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        QueueKey::ReportedAt => a.reported_at.cmp(&b.reported_at),
        QueueKey::Id => (&a.incident, &a.customer).cmp(&(&b.incident, &b.customer)),
        _ => unreachable!("a new key needs a reference"),
    }
}

fn reference(config: &QueueConfig, a: &QueueEntry, b: &QueueEntry) -> Ordering {
    config
        .effective_keys()
        .iter()
        .map(|k| by_key(*k, a, b))
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
}

fn arb_config() -> impl Strategy<Value = QueueConfig> {
    Just(QueueKey::DEFAULT.to_vec())
        .prop_shuffle()
        .prop_flat_map(|keys| (Just(keys), 0usize..=5))
        .prop_map(|(keys, n)| QueueConfig::new(keys[..n].to_vec()).unwrap())
}

proptest! {
    #[test]
    fn the_order_is_total(config in arb_config(), a in arb_entry(), b in arb_entry(), c in arb_entry()) {
        // As the reference says, and antisymmetric.
        prop_assert_eq!(config.compare(&a, &b), reference(&config, &a, &b));
        prop_assert_eq!(config.compare(&a, &b), config.compare(&b, &a).reverse());
        // Equal only when equal on every key: then the entries differ at most in what no
        // key looks at.
        if config.compare(&a, &b) == Ordering::Equal {
            prop_assert_eq!(&a.incident, &b.incident);
            prop_assert_eq!(&a.customer, &b.customer);
        }
        // Transitive.
        if config.compare(&a, &b) != Ordering::Greater && config.compare(&b, &c) != Ordering::Greater {
            prop_assert_ne!(config.compare(&a, &c), Ordering::Greater);
        }
    }

    #[test]
    fn the_result_does_not_depend_on_input_order(
        config in arb_config(),
        entries in proptest::collection::vec(arb_entry(), 0..40)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
    ) {
        let (original, shuffled) = entries;
        let a = order(&config, &original);
        let b = order(&config, &shuffled);
        // The same sequence up to entries equal on every key (which keep their input order).
        prop_assert_eq!(a.len(), b.len());
        for (x, y) in a.entries().zip(b.entries()) {
            prop_assert_eq!(config.compare(x, y), Ordering::Equal);
        }
        // With the default keys and distinct (id, customer) pairs: exactly the same.
        let mut pairs: Vec<_> = original.iter().map(|e| (&e.incident, &e.customer)).collect();
        pairs.sort();
        pairs.dedup();
        if pairs.len() == original.len() {
            let d = QueueConfig::default();
            prop_assert_eq!(
                order(&d, &original).entries().collect::<Vec<_>>(),
                order(&d, &shuffled).entries().collect::<Vec<_>>()
            );
        }
        // Sorted, and each explanation names the first key on which neighbours differ.
        for i in 1..a.len() {
            let (p, q) = (a.get(i - 1).unwrap().entry, a.get(i).unwrap().entry);
            prop_assert_ne!(config.compare(p, q), Ordering::Greater);
            let why = a.explain(i - 1).unwrap();
            match why.decided {
                Decided::Key(k) => {
                    let first = config.effective_keys().iter().find(|x| by_key(**x, p, q).is_ne());
                    prop_assert_eq!(first, Some(&k));
                    prop_assert_eq!(by_key(k, p, q), Ordering::Less);
                }
                Decided::InputOrder => prop_assert_eq!(config.compare(p, q), Ordering::Equal),
            }
            prop_assert!(!why.to_string().is_empty());
        }
    }
}
