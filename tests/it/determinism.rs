//! Same inputs, byte-identical serialized reports: regardless of the host time zone (`TZ`),
//! the thread evaluating, or how many times and in which order calendars were used before.

use std::collections::BTreeMap;
use std::sync::Arc;

use slacalc::{evaluate, Contract, Incident};
use slacalc::{Catalog, ContractSpec};

use crate::util::{fixture, timed_section};

fn contract() -> Contract {
    let catalog: Catalog = serde_json::from_str(fixture!("contracts/cumulocity.json")).unwrap();
    let customers: BTreeMap<String, ContractSpec> =
        serde_json::from_str(fixture!("contracts/cumulocity-customers.json")).unwrap();
    Contract::new(Arc::new(catalog), customers["emea-de"].clone()).unwrap()
}

fn incident() -> Incident {
    serde_json::from_str(
        r#"{"id": "D-1", "events": [
            {"at": "2026-03-28T22:50:00Z", "kind": "reported", "severity": "critical", "channel": "portal"},
            {"at": "2026-03-29T09:00:00Z", "kind": "contact_established"},
            {"at": "2026-03-29T09:40:00Z", "kind": "responded"},
            {"at": "2026-03-30T08:00:00Z", "kind": "update_sent"},
            {"at": "2026-03-31T12:00:00Z", "kind": "solution_proposed"}]}"#,
    )
    .unwrap()
}

fn report_json(c: &Contract) -> String {
    let r = evaluate(c, &incident(), "2026-04-01T10:00:00Z".parse().unwrap()).unwrap();
    serde_json::to_string(&r).unwrap()
}

#[test]
fn host_time_zone_does_not_matter() {
    let reference = report_json(&contract());
    for tz in [
        "UTC",
        "America/New_York",
        "Asia/Kathmandu",
        "Pacific/Chatham",
        "Europe/Berlin",
    ] {
        // The library reads no environment: changing TZ (which a clock-reading library would
        // pick up) must not change a single byte.
        std::env::set_var("TZ", tz);
        assert_eq!(report_json(&contract()), reference, "TZ={tz}");
    }
    std::env::remove_var("TZ");
}

#[test]
fn threads_and_warm_caches_do_not_matter() {
    // Four threads of its own: not while a timed section runs.
    let _alone = timed_section();
    let c = Arc::new(contract());
    let reference = report_json(&contract());
    let handles: Vec<_> = (0..4)
        .map(|k| {
            let c = Arc::clone(&c);
            std::thread::spawn(move || {
                // Touch other years first in a different order per thread.
                let cal = c.business_calendar();
                for y in (2000 + k..2040).step_by(3) {
                    let _ = cal.is_open(format!("{y}-06-01T10:00:00Z").parse().unwrap());
                }
                report_json(&c)
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), reference);
    }
}
