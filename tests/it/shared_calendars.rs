//! A catalog compiles its calendars once and its contracts share them: 10,000 Comarch
//! contracts on `cet-office` with German holidays hold one `business` calendar.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::TimeDelta;
use slacalc::{Calendar, Catalog, Contract, ContractSpec};

use crate::util::{fixture, t};

/// Every calendar a contract can name: the catalog's, `24x7` and `business`.
fn held<'a>(contract: &'a Contract, names: &[String]) -> Vec<&'a Calendar> {
    names
        .iter()
        .map(|n| {
            contract
                .calendar(n)
                .unwrap_or_else(|| panic!("no calendar {n}"))
        })
        .collect()
}

#[test]
fn ten_thousand_contracts_on_one_region_hold_one_business_calendar() {
    let catalog: Arc<Catalog> =
        Arc::new(serde_json::from_str(fixture!("contracts/comarch.json")).unwrap());
    let customers: BTreeMap<String, ContractSpec> =
        serde_json::from_str(fixture!("contracts/comarch-customers.json")).unwrap();
    let basic = &customers["basic"];
    let names: Vec<String> = ["24x7", "business", "cet-office"]
        .map(String::from)
        .to_vec();
    let contracts: Vec<Contract> = (0..10_000)
        .map(|i| {
            let mut terms = basic.clone();
            terms.customer = format!("Kunde {i}");
            Contract::new(catalog.clone(), terms).unwrap()
        })
        .collect();
    // Every contract computes a deadline in 2026 on its business calendar: Friday
    // 2026-12-18 17:00 Berlin (16:00 UTC) + 2 business hours = Monday 10:00 (09:00 UTC).
    for c in &contracts {
        let due = c
            .business_calendar()
            .add(t("2026-12-18T16:00:00Z"), TimeDelta::hours(2))
            .unwrap();
        assert_eq!(due, t("2026-12-21T09:00:00Z"));
    }
    let first = &contracts[0];
    for c in &contracts {
        for (mine, theirs) in held(c, &names).into_iter().zip(held(first, &names)) {
            assert!(mine.is_same(theirs));
        }
    }
    // The same holidays written by another customer are the same calendar; other holidays
    // are another one, and the catalog's own calendar (no holidays) is not the business one.
    let mut other = basic.clone();
    other
        .holidays
        .push(serde_json::from_str(r#""2026-12-24""#).unwrap());
    let other = Contract::new(catalog.clone(), other).unwrap();
    assert!(!other.business_calendar().is_same(first.business_calendar()));
    assert!(other
        .calendar("cet-office")
        .unwrap()
        .is_same(first.calendar("cet-office").unwrap()));
    assert!(!first
        .business_calendar()
        .is_same(first.calendar("cet-office").unwrap()));

    // What the contracts hold: counted once per calendar, and as if each contract held its
    // own (as before calendars were shared, when every contract compiled its own and its
    // compiled years).
    let mut distinct: Vec<&Calendar> = Vec::new();
    let mut unshared = 0usize;
    for c in &contracts {
        for cal in held(c, &names) {
            unshared += cal.memory_bytes();
            if !distinct.iter().any(|d| d.is_same(cal)) {
                distinct.push(cal);
            }
        }
    }
    let shared: usize = distinct.iter().map(|c| c.memory_bytes()).sum();
    println!(
        "10,000 Comarch contracts: calendars {} distinct, {shared} bytes shared; \
         {unshared} bytes if each contract held its own",
        distinct.len()
    );
    assert_eq!(distinct.len(), 3);
    assert!(shared < 256 * 1024, "{shared} bytes");
    assert!(unshared > 10_000 * shared / 3, "{unshared} bytes");
}
