//! Arbitrary bytes as a calendar configuration, in JSON and in TOML.
//!
//! Checks: building a `Calendar` from any `CalendarSpec` never panics; every calendar that
//! builds round-trips through serde (serialize -> deserialize -> the same spec, which builds
//! again into an equal calendar), in both formats; a handful of operations on it do not panic.
#![no_main]

use chrono::{DateTime, TimeDelta, Utc};
use libfuzzer_sys::fuzz_target;
use slacalc::calendar::BusinessDays;
use slacalc::calendar::CalendarSpec;
use slacalc::Calendar;

fuzz_target!(|data: &[u8]| {
    if let Ok(spec) = serde_json::from_slice::<CalendarSpec>(data) {
        check(spec);
    }
    // Deserializing a `Calendar` directly is validation; it must not panic either.
    let _ = serde_json::from_slice::<Calendar>(data);
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(spec) = toml::from_str::<CalendarSpec>(text) {
            check(spec);
        }
        let _ = toml::from_str::<Calendar>(text);
    }
});

fn check(spec: CalendarSpec) {
    let Ok(cal) = Calendar::try_from(spec.clone()) else {
        return;
    };
    assert_eq!(
        cal.spec(),
        &spec,
        "Calendar::spec differs from the spec it was built from"
    );

    // JSON round trip.
    let json = serde_json::to_string(&cal).expect("a valid calendar serializes to JSON");
    let back: CalendarSpec = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("serialized JSON does not read back: {e}\n{json}"));
    assert_eq!(back, spec, "JSON round trip changed the spec:\n{json}");
    let again = Calendar::try_from(back)
        .unwrap_or_else(|e| panic!("round-tripped JSON spec no longer builds: {e}\n{json}"));
    assert_eq!(again, cal);

    // TOML round trip.
    let text = toml::to_string(&cal)
        .unwrap_or_else(|e| panic!("a valid calendar does not serialize to TOML: {e}\n{json}"));
    let back: CalendarSpec = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("serialized TOML does not read back: {e}\n{text}"));
    assert_eq!(back, spec, "TOML round trip changed the spec:\n{text}");

    // A few operations on whatever was configured: no panic.
    let instants = [
        DateTime::<Utc>::MIN_UTC,
        DateTime::from_timestamp(-2_208_988_800, 0).unwrap(), // 1900
        DateTime::from_timestamp(1_767_225_600, 0).unwrap(),  // 2026
        DateTime::from_timestamp(4_102_444_800, 0).unwrap(),  // 2100
        DateTime::<Utc>::MAX_UTC,
    ];
    for &t in &instants {
        let _ = cal.is_open(t);
        let _ = cal.next_open(t);
        let _ = cal.next_close(t);
        let _ = cal.add(t, TimeDelta::hours(40));
        let _ = cal.sub(t, TimeDelta::hours(40));
        // Finding F1 (fixed): the local-time forms at chrono's ends.
        let _ = cal.business_days_later(t, BusinessDays(5));
        let _ = cal.end_of_business_day(t, BusinessDays(1));
        let d = t.date_naive();
        let _ = cal.is_business_day(d);
        let _ = cal.add_business_days(d, BusinessDays(10));
    }
    let _ = cal.between(instants[1], instants[3]);
}
