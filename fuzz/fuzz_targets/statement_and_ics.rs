//! Arbitrary bytes as a month's usage (JSON) for the statements of the fixture customers, and
//! as an iCalendar text.
//!
//! Checks: `Statement::compute` of March 2026, for every customer of the five fixture
//! catalogs, on the usage read from the input, without incidents and with one incident in
//! its catalog's first severity, never panics, and a
//! statement that computes prints; `IcsImport::parse` of the input as text never panics; an
//! import that parses is applied to an office calendar, and a calendar that builds from it
//! answers `add`, `between`, `next_open` and a business-day count without panicking, and
//! holds no business time during any of the imported closures.
#![no_main]

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, TimeDelta, Utc};
use libfuzzer_sys::fuzz_target;
use slacalc::calendar::{BusinessDays, CalendarSpec, IcsImport};
use slacalc::statement::Usage;
use slacalc::{Calendar, Catalog, Contract, ContractSpec, Incident, Statement};

/// The fixture catalogs and their customers' terms.
const FIXTURES: [(&str, &str); 5] = [
    (
        include_str!("../../fixtures/contracts/comarch.json"),
        include_str!("../../fixtures/contracts/comarch-customers.json"),
    ),
    (
        include_str!("../../fixtures/contracts/cumulocity.json"),
        include_str!("../../fixtures/contracts/cumulocity-customers.json"),
    ),
    (
        include_str!("../../fixtures/contracts/cosys.json"),
        include_str!("../../fixtures/contracts/cosys-customers.json"),
    ),
    (
        include_str!("../../fixtures/contracts/kosmos.json"),
        include_str!("../../fixtures/contracts/kosmos-customers.json"),
    ),
    (
        include_str!("../../fixtures/contracts/ciit.json"),
        include_str!("../../fixtures/contracts/ciit-customers.json"),
    ),
];

fn contracts() -> &'static [Contract] {
    static CONTRACTS: OnceLock<Vec<Contract>> = OnceLock::new();
    CONTRACTS.get_or_init(|| {
        let mut out = Vec::new();
        for (catalog, customers) in FIXTURES {
            let catalog = Arc::new(serde_json::from_str::<Catalog>(catalog).expect("fixture catalog"));
            let customers: BTreeMap<String, ContractSpec> =
                serde_json::from_str(customers).expect("fixture customers");
            for terms in customers.into_values() {
                out.push(Contract::new(Arc::clone(&catalog), terms).expect("fixture contract"));
            }
        }
        out
    })
}

/// One incident of the month, reported, answered and resolved, in the first severity of each
/// fixture catalog (a statement refuses an incident of a severity its catalog lacks, so each
/// is given to every statement alone).
fn incidents() -> &'static [Incident] {
    static INCIDENTS: OnceLock<Vec<Incident>> = OnceLock::new();
    INCIDENTS.get_or_init(|| {
        ["1", "crisis", "blocking", "p1"]
            .iter()
            .enumerate()
            .filter_map(|(i, severity)| {
                serde_json::from_str::<Incident>(&format!(
                    r#"{{"id": "F-{i}", "events": [
                        {{"at": "2026-03-0{d}T09:00:00Z", "kind": "reported", "severity": "{severity}"}},
                        {{"at": "2026-03-0{d}T13:30:00Z", "kind": "responded"}},
                        {{"at": "2026-03-1{d}T10:00:00Z", "kind": "resolved"}}]}}"#,
                    d = i + 2
                ))
                .ok()
            })
            .collect()
    })
}

/// Berlin, Mon–Fri 08:00–17:00: the calendar an import is applied to.
fn office() -> CalendarSpec {
    serde_json::from_str(
        r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["08:00-17:00"],
            "tue": ["08:00-17:00"], "wed": ["08:00-17:00"], "thu": ["08:00-17:00"],
            "fri": ["08:00-17:00"]}}"#,
    )
    .expect("office calendar spec")
}

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).expect("in range")
}

fuzz_target!(|data: &[u8]| {
    let month = "2026-03".parse().expect("a month");
    let now = at(1_775_001_600); // 2026-04-01
    if let Ok(usage) = serde_json::from_slice::<Usage>(data) {
        for contract in contracts() {
            let alone = incidents().iter().map(std::slice::from_ref);
            for batch in std::iter::once(&[][..]).chain(alone) {
                if let Ok(statement) = Statement::compute(contract, month, batch, &usage, now) {
                    let _ = statement.to_string();
                }
            }
        }
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(import) = IcsImport::parse(text, 2020..=2030, chrono_tz::Europe::Berlin) else {
        return;
    };
    let Ok(spec) = import.apply_to(office()) else {
        return;
    };
    let Ok(cal) = Calendar::try_from(spec) else {
        return;
    };
    let t = at(1_767_225_600); // 2026-01-01
    let _ = cal.add(t, TimeDelta::hours(40));
    let _ = cal.between(t, at(1_798_761_600)); // 2027-01-01
    let _ = cal.next_open(t);
    let _ = cal.add_business_days(t.date_naive(), BusinessDays(20));
    for closure in &import.closures {
        if closure.start < closure.end {
            if let Ok(d) = cal.between(closure.start, closure.end) {
                assert_eq!(
                    d,
                    TimeDelta::zero(),
                    "business time inside the imported closure {closure:?}"
                );
            }
        }
    }
});
