//! What the queue and agenda benches share: the same 100,000 open incidents over the six
//! customer contracts of the Cumulocity and Comarch fixtures, every severity, reported over the
//! 70 hours before `now`, a third of them answered.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use slacalc::{Catalog, ContractSpec};
use slacalc::{Contract, Event, EventKind, Incident};

/// The six customer contracts of the Cumulocity and Comarch fixtures.
pub fn contracts() -> Vec<Arc<Contract>> {
    let mut out = Vec::new();
    for (catalog, customers) in [
        (
            include_str!("../../fixtures/contracts/cumulocity.json"),
            include_str!("../../fixtures/contracts/cumulocity-customers.json"),
        ),
        (
            include_str!("../../fixtures/contracts/comarch.json"),
            include_str!("../../fixtures/contracts/comarch-customers.json"),
        ),
    ] {
        let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(catalog).expect("catalog"));
        let customers: BTreeMap<String, ContractSpec> =
            serde_json::from_str(customers).expect("customers");
        for terms in customers.into_values() {
            out.push(Arc::new(
                Contract::new(catalog.clone(), terms).expect("contract"),
            ));
        }
    }
    out
}

/// Open incident number `k` on `contract`, reported before `now`.
pub fn incident(k: usize, contract: &Contract, now: DateTime<Utc>) -> Incident {
    let severities = contract.catalog().severities();
    let severity = severities[(k / 7) % severities.len()].key.clone();
    let minutes = i64::try_from((k * 7919) % 4200).expect("small") + 1;
    let at = now - TimeDelta::minutes(minutes);
    let mut events = vec![Event::new(
        at,
        EventKind::Reported {
            severity,
            channel: Some("portal".into()),
            contact: None,
        },
    )];
    if k % 3 == 0 {
        events.push(Event::new(
            at + TimeDelta::minutes(minutes / 2),
            EventKind::Responded,
        ));
    }
    Incident::new(format!("Q-{k:06}"), events).expect("incident")
}
