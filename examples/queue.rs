//! Prioritized queuing (seeds 003 and 004): 20 open incidents of Cumulocity Enterprise and
//! Standard and Comarch Basic, Advanced and Premium customers, in the order support should
//! work on them, each with why it is ahead of the next.
//!
//! Run: `cargo run --example queue`

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use slacalc::queue::{order, Decided, QueueConfig, QueueEntry, QueueKey};
use slacalc::{Catalog, ContractSpec};
use slacalc::{Contract, Incident};

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

fn contracts() -> Result<BTreeMap<String, Contract>, Box<dyn std::error::Error>> {
    let mut out = BTreeMap::new();
    for (name, catalog, customers) in [
        (
            "cumulocity",
            include_str!("../fixtures/contracts/cumulocity.json"),
            include_str!("../fixtures/contracts/cumulocity-customers.json"),
        ),
        (
            "comarch",
            include_str!("../fixtures/contracts/comarch.json"),
            include_str!("../fixtures/contracts/comarch-customers.json"),
        ),
    ] {
        let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(catalog)?);
        let customers: BTreeMap<String, ContractSpec> = serde_json::from_str(customers)?;
        for (key, terms) in customers {
            out.insert(
                format!("{name}/{key}"),
                Contract::new(catalog.clone(), terms)?,
            );
        }
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let contracts = contracts()?;
    let fixture: Fixture = serde_json::from_str(include_str!("../fixtures/queue/incidents.json"))?;
    let mut entries = Vec::new();
    for open in &fixture.incidents {
        let contract = contracts
            .get(&open.contract)
            .ok_or_else(|| format!("unknown contract {}", open.contract))?;
        entries.push(QueueEntry::new(contract, &open.incident, fixture.now)?);
    }
    let config = QueueConfig::default();
    let queue = order(&config, &entries);
    println!(
        "Queue as of {} (keys: {:?})\n",
        fixture.now,
        config.effective_keys()
    );
    print!("{queue}");

    // The seed rules.
    let ids: Vec<&str> = queue.entries().map(|e| &*e.incident).collect();
    let pos = |id: &str| {
        ids.iter()
            .position(|i| *i == id)
            .ok_or(format!("{id} missing"))
    };
    // Cumulocity (003, 4.2): Enterprise incidents are prioritized ahead of Standard Support
    // incidents of the same severity level, even one reported earlier with less slack.
    assert!(pos("C8Y-1001")? < pos("C8Y-2001")?);
    // Severity comes first: a Standard plan's Crisis is ahead of every Critical.
    for e in queue.entries().filter(|e| e.severity == "critical") {
        assert!(pos("C8Y-2002")? < pos(&e.incident)?);
    }
    // Comarch (004): Premium has the highest priority at the same severity.
    assert!(pos("CCI-3002")? < pos("CCI-1001")?);
    assert!(pos("CCI-3004")? < pos("CCI-1001")?);
    // Within a plan and severity, a breached reaction comes first.
    assert!(pos("C8Y-1002")? < pos("C8Y-1001")?);
    // Every key decided some pair, and the words say which.
    let first = queue.get(0).ok_or("empty queue")?;
    assert_eq!(&*first.entry.incident, "CCI-3001");
    for key in QueueKey::DEFAULT {
        assert!(queue
            .iter()
            .any(|p| p.ahead_of.is_some_and(|w| w.decided == Decided::Key(key))));
    }
    Ok(())
}
