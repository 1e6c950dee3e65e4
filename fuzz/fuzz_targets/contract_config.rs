//! Arbitrary bytes as contract configuration (JSON).
//!
//! The input is read three ways: `{"catalog": CatalogSpec, "terms": ContractSpec}`; a
//! `CatalogSpec` alone (then one contract per plan, in each of its regions); a
//! `ContractSpec` alone (against each fixture catalog). `Catalog::try_from` and
//! `Contract::new` must never panic; a contract that builds is given one incident to
//! evaluate and one request at the door, which must not panic either.
#![no_main]

use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use slacalc::contract::CatalogSpec;
use slacalc::contract::IntakeRequest;
use slacalc::{evaluate, Catalog, Contract, ContractSpec, Event, EventKind, Incident};

#[derive(Deserialize)]
struct Both {
    catalog: CatalogSpec,
    terms: ContractSpec,
}

const FIXTURES: [&str; 5] = [
    include_str!("../../fixtures/contracts/comarch.json"),
    include_str!("../../fixtures/contracts/cumulocity.json"),
    include_str!("../../fixtures/contracts/cosys.json"),
    include_str!("../../fixtures/contracts/kosmos.json"),
    include_str!("../../fixtures/contracts/ciit.json"),
];

fn fixtures() -> &'static [Arc<Catalog>] {
    static CATALOGS: OnceLock<Vec<Arc<Catalog>>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        FIXTURES
            .iter()
            .map(|s| Arc::new(serde_json::from_str::<Catalog>(s).expect("fixture catalog")))
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(both) = serde_json::from_slice::<Both>(data) {
        if let Ok(catalog) = Catalog::try_from(both.catalog) {
            contract(Arc::new(catalog), both.terms);
        }
    }
    if let Ok(spec) = serde_json::from_slice::<CatalogSpec>(data) {
        if let Ok(catalog) = Catalog::try_from(spec) {
            let catalog = Arc::new(catalog);
            let regions: Vec<Option<String>> = std::iter::once(None)
                .chain(catalog.spec().calendars.keys().cloned().map(Some))
                .take(4)
                .collect();
            for plan in catalog.plans().keys().take(4) {
                for region in &regions {
                    let terms = ContractSpec {
                        customer: "fuzz".into(),
                        plan: plan.clone(),
                        region: region.clone(),
                        ..ContractSpec::default()
                    };
                    contract(catalog.clone(), terms);
                }
            }
        }
    }
    if let Ok(terms) = serde_json::from_slice::<ContractSpec>(data) {
        for catalog in fixtures() {
            contract(catalog.clone(), terms.clone());
        }
    }
    let _ = serde_json::from_slice::<Catalog>(data);
});

fn contract(catalog: Arc<Catalog>, terms: ContractSpec) {
    let Ok(contract) = Contract::new(catalog.clone(), terms) else {
        return;
    };
    let at: DateTime<Utc> = "2026-03-02T09:30:00Z".parse().unwrap();
    let now: DateTime<Utc> = "2026-03-09T12:00:00Z".parse().unwrap();
    for severity in catalog.severities().iter().take(3) {
        let contact = contract.spec().contacts.first().map(|c| c.name.clone());
        let incident = Incident::new(
            "fuzz",
            vec![
                Event::new(
                    at,
                    EventKind::Reported {
                        severity: severity.key.clone(),
                        channel: Some("portal".into()),
                        contact: contact.clone(),
                    },
                ),
                Event::new(at + chrono::TimeDelta::hours(2), EventKind::Responded),
            ],
        )
        .expect("a valid incident");
        let _ = evaluate(&contract, &incident, now);
        let _ = contract.level_spans(&incident, now);
        let _ = contract.check_intake(&IntakeRequest {
            at,
            severity: &severity.key,
            channel: "portal",
            contact: contact.as_deref(),
            version: None,
            opened: &[],
            incident: None,
        });
    }
}
