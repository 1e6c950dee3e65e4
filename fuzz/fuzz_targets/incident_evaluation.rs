//! Arbitrary incidents evaluated against the Comarch and Cumulocity fixture contracts.
//!
//! `Incident::new` may refuse and `evaluate` may return `Err`, but nothing panics. When a
//! report comes back: every metric's `elapsed >= 0`; `remaining == allowed - elapsed`;
//! `not_started` has nothing elapsed, `met` is within the allowance, `breached` beyond it,
//! `running` and `paused` not beyond it; `breached_at` is given exactly when breached;
//! evaluating twice, and on a freshly built contract (cold caches), gives identical reports.
#![no_main]

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use arbitrary::Arbitrary;
use chrono::{DateTime, TimeDelta, Utc};
use libfuzzer_sys::fuzz_target;
use slacalc::{evaluate, Catalog, Contract, ContractSpec, Event, EventKind, Incident, MetricState};
use std::collections::BTreeMap;

const COMARCH: &str = include_str!("../../fixtures/contracts/comarch.json");
const COMARCH_CUSTOMERS: &str = include_str!("../../fixtures/contracts/comarch-customers.json");
const CUMULOCITY: &str = include_str!("../../fixtures/contracts/cumulocity.json");
const CUMULOCITY_CUSTOMERS: &str =
    include_str!("../../fixtures/contracts/cumulocity-customers.json");

/// Catalog and terms of every fixture customer, in a fixed order.
fn fixtures() -> &'static [(Arc<Catalog>, ContractSpec, Contract)] {
    static ALL: OnceLock<Vec<(Arc<Catalog>, ContractSpec, Contract)>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = Vec::new();
        for (catalog, customers) in [
            (COMARCH, COMARCH_CUSTOMERS),
            (CUMULOCITY, CUMULOCITY_CUSTOMERS),
        ] {
            let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(catalog).unwrap());
            let customers: BTreeMap<String, ContractSpec> =
                serde_json::from_str(customers).unwrap();
            for terms in customers.into_values() {
                let contract = Contract::new(catalog.clone(), terms.clone()).unwrap();
                all.push((catalog.clone(), terms, contract));
            }
        }
        all
    })
}

#[derive(Arbitrary, Debug)]
struct Input {
    contract: u8,
    /// Start with a `reported` event whatever the first generated kind is.
    reported_first: bool,
    base: At,
    events: Vec<(Kind, Step)>,
    now: Step,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum At {
    /// 2024..2028, to the second.
    Recent(u32),
    /// 1900..2100.
    Century(u32, u16),
    Anywhere(i64, u32),
    Min,
    Max,
}

const MIN_SECS: i64 = -8_334_601_228_800;
const MAX_SECS: i64 = 8_210_266_876_799;

impl At {
    fn at(self) -> DateTime<Utc> {
        match self {
            At::Recent(s) => {
                DateTime::from_timestamp(1_704_067_200 + i64::from(s % 126_230_400), 0)
            }
            At::Century(s, k) => DateTime::from_timestamp(
                -2_208_988_800 + (i64::from(s) * i64::from(k)) % 6_311_433_600,
                0,
            ),
            At::Anywhere(s, n) => DateTime::from_timestamp(
                MIN_SECS + s.rem_euclid(MAX_SECS - MIN_SECS + 1),
                n % 1_000_000_000,
            ),
            At::Min => Some(DateTime::<Utc>::MIN_UTC),
            At::Max => Some(DateTime::<Utc>::MAX_UTC),
        }
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }
}

/// The next event's instant, relative to the previous one.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Step {
    Same,
    Seconds(u16),
    Minutes(u16),
    Hours(u16),
    Days(u16),
    Back(u16),
    Nanos(u32),
    Jump(At),
}

impl Step {
    fn from(self, t: DateTime<Utc>) -> DateTime<Utc> {
        let d = match self {
            Step::Same => TimeDelta::zero(),
            Step::Seconds(s) => TimeDelta::seconds(s.into()),
            Step::Minutes(m) => TimeDelta::minutes(m.into()),
            Step::Hours(h) => TimeDelta::hours(h.into()),
            Step::Days(d) => TimeDelta::days(d.into()),
            Step::Back(m) => -TimeDelta::minutes(m.into()),
            Step::Nanos(n) => TimeDelta::nanoseconds(n.into()),
            Step::Jump(at) => return at.at(),
        };
        t.checked_add_signed(d).unwrap_or(t)
    }
}

#[derive(Arbitrary, Debug, Clone)]
enum Sev {
    Known(u8),
    Unknown(String),
}

#[derive(Arbitrary, Debug, Clone)]
enum Kind {
    Reported(Sev, Option<u8>, Option<u8>),
    ContactEstablished,
    SeverityChanged(Sev),
    Responded,
    ResolutionPlanProvided,
    WorkaroundProvided,
    UpdateSent,
    AwaitingCustomer,
    CustomerReplied,
    SolutionProposed,
    SolutionConfirmed,
    SolutionRejected,
    Resolved,
    Reopened,
    Closed,
    LevelChanged(u8),
}

const CHANNELS: &[&str] = &["phone", "portal", "ticket", "email", "chat", "fax"];
const LEVELS: &[&str] = &["n1", "n2", "n3", "l1", "l2", "x"];

fn kind(k: &Kind, catalog: &Catalog, contract: &Contract) -> EventKind {
    let sev = |s: &Sev| match s {
        Sev::Known(i) => {
            let sevs = catalog.severities();
            sevs[usize::from(*i) % sevs.len()].key.clone()
        }
        Sev::Unknown(s) => s.clone(),
    };
    match k {
        Kind::Reported(s, channel, contact) => EventKind::Reported {
            severity: sev(s),
            channel: channel.map(|c| CHANNELS[usize::from(c) % CHANNELS.len()].to_owned()),
            contact: contact.and_then(|c| {
                let contacts = &contract.spec().contacts;
                if contacts.is_empty() || usize::from(c) >= contacts.len() * 2 {
                    Some(format!("stranger{c}@example.com"))
                } else {
                    Some(contacts[usize::from(c) % contacts.len()].name.clone())
                }
            }),
        },
        Kind::ContactEstablished => EventKind::ContactEstablished,
        Kind::SeverityChanged(s) => EventKind::SeverityChanged { severity: sev(s) },
        Kind::Responded => EventKind::Responded,
        Kind::ResolutionPlanProvided => EventKind::ResolutionPlanProvided,
        Kind::WorkaroundProvided => EventKind::WorkaroundProvided,
        Kind::UpdateSent => EventKind::UpdateSent,
        Kind::AwaitingCustomer => EventKind::AwaitingCustomer,
        Kind::CustomerReplied => EventKind::CustomerReplied,
        Kind::SolutionProposed => EventKind::SolutionProposed,
        Kind::SolutionConfirmed => EventKind::SolutionConfirmed,
        Kind::SolutionRejected => EventKind::SolutionRejected,
        Kind::Resolved => EventKind::Resolved,
        Kind::Reopened => EventKind::Reopened,
        Kind::Closed => EventKind::Closed,
        Kind::LevelChanged(l) => EventKind::LevelChanged {
            level: LEVELS[usize::from(*l) % LEVELS.len()].to_owned(),
        },
    }
}

const BUDGET: Duration = Duration::from_secs(2);

fuzz_target!(|input: Input| {
    let all = fixtures();
    let (catalog, terms, contract) = &all[usize::from(input.contract) % all.len()];
    let mut t = input.base.at();
    let mut events = Vec::new();
    for (i, (k, step)) in input.events.iter().take(24).enumerate() {
        if i > 0 {
            t = step.from(t);
        }
        let kind = if i == 0 && input.reported_first {
            match k {
                Kind::Reported(..) => kind(k, catalog, contract),
                _ => kind(
                    &Kind::Reported(Sev::Known(0), None, None),
                    catalog,
                    contract,
                ),
            }
        } else {
            kind(k, catalog, contract)
        };
        events.push(Event::new(t, kind));
    }
    let now = input.now.from(t);
    let Ok(incident) = Incident::new("fuzz", events) else {
        return;
    };
    let t0 = Instant::now();
    let first = evaluate(contract, &incident, now);
    let took = t0.elapsed();
    assert!(took <= BUDGET, "evaluate took {took:?}");
    let second = evaluate(contract, &incident, now);
    assert_eq!(first, second, "evaluating twice differs");
    let fresh = Contract::new(catalog.clone(), terms.clone()).expect("fixture contract");
    let cold = evaluate(&fresh, &incident, now);
    assert_eq!(
        first, cold,
        "a freshly built contract evaluates differently"
    );
    let _ = contract.level_spans(&incident, now);
    let Ok(report) = first else {
        return;
    };
    for m in &report.metrics {
        let zero = TimeDelta::zero();
        assert!(
            m.elapsed >= zero,
            "{:?}: elapsed {:?} < 0",
            m.metric,
            m.elapsed
        );
        match m.allowed {
            None => {
                assert!(
                    matches!(
                        m.state,
                        MetricState::NotCovered
                            | MetricState::NotStarted
                            | MetricState::NotApplicable
                    ),
                    "{:?}: no allowance but state {:?}",
                    m.metric,
                    m.state
                );
                assert_eq!(m.remaining, None);
            }
            Some(allowed) => {
                assert_eq!(
                    m.remaining,
                    allowed.checked_sub(&m.elapsed),
                    "{:?}: remaining != allowed - elapsed",
                    m.metric
                );
                match m.state {
                    MetricState::Met => assert!(
                        m.elapsed <= allowed,
                        "{:?}: met with elapsed {:?} > allowed {:?}",
                        m.metric,
                        m.elapsed,
                        allowed
                    ),
                    // A breach under an earlier severity or cycle is kept (`downgrade:
                    // keep_breach`, the default; earlier cycles after a reopen) though the
                    // current allowance is not used up: a severity change or reopening then
                    // lies between the breach and `now`.
                    MetricState::Breached => assert!(
                        m.elapsed > allowed
                            || m.breached_at.is_some_and(|b| {
                                incident.events().iter().any(|e| {
                                    matches!(
                                        e.kind,
                                        EventKind::SeverityChanged { .. } | EventKind::Reopened
                                    ) && e.at >= b
                                        && e.at <= now
                                })
                            }),
                        "{:?}: breached with elapsed {:?} <= allowed {:?}, and no severity \
                         change or reopening after the breach",
                        m.metric,
                        m.elapsed,
                        allowed
                    ),
                    MetricState::Running | MetricState::Paused => assert!(
                        m.elapsed <= allowed,
                        "{:?}: {:?} with elapsed {:?} > allowed {:?}",
                        m.metric,
                        m.state,
                        m.elapsed,
                        allowed
                    ),
                    MetricState::NotStarted => {
                        assert_eq!(m.elapsed, zero, "{:?}: not started but elapsed", m.metric)
                    }
                    MetricState::NotCovered => {
                        panic!("{:?}: not covered with an allowance", m.metric)
                    }
                    // Cancelled while open: whatever had elapsed, nothing was met or breached.
                    MetricState::NotApplicable => assert_eq!(
                        m.fulfilled_at, None,
                        "{:?}: not applicable but fulfilled",
                        m.metric
                    ),
                }
            }
        }
        assert_eq!(
            m.breached_at.is_some(),
            m.state == MetricState::Breached,
            "{:?}: breached_at {:?} with state {:?}",
            m.metric,
            m.breached_at,
            m.state
        );
        if let Some(f) = m.fulfilled_at {
            assert!(f <= now, "{:?}: fulfilled after now", m.metric);
        }
    }
});
