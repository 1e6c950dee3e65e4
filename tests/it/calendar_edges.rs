//! The edge cases a reader looks for first, each with exact values derived by hand from the
//! semantics in `shared/conformance/README.md` (the derivation is in the comment above each
//! assertion). Weekdays used: 2026-01-01 is a Thursday, so 2026-01-02 is a Friday, 2026-03-01,
//! 2026-03-29 and 2026-10-25 are Sundays and 2026-11-27 is a Friday; 2024-03-10 and
//! 2024-11-03 are Sundays.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use slacalc::calendar::BusinessDays;
use slacalc::calendar::CalendarSpec;
use slacalc::{Calendar, Error};

use crate::util::{cal, t, timed_section};

fn secs(n: i64) -> TimeDelta {
    TimeDelta::try_seconds(n).unwrap()
}

fn hours(n: i64) -> TimeDelta {
    secs(n * 3600)
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn between(c: &Calendar, from: &str, to: &str) -> i64 {
    let d = c.between(t(from), t(to)).unwrap();
    assert_eq!(d.subsec_nanos(), 0);
    d.num_seconds()
}

const ALWAYS_BERLIN: &str = r#"{"timezone": "Europe/Berlin", "hours": {
    "mon": ["00:00-24:00"], "tue": ["00:00-24:00"], "wed": ["00:00-24:00"],
    "thu": ["00:00-24:00"], "fri": ["00:00-24:00"], "sat": ["00:00-24:00"],
    "sun": ["00:00-24:00"]}}"#;

const ALWAYS_UTC: &str = r#"{"timezone": "UTC", "hours": {
    "mon": ["00:00-24:00"], "tue": ["00:00-24:00"], "wed": ["00:00-24:00"],
    "thu": ["00:00-24:00"], "fri": ["00:00-24:00"], "sat": ["00:00-24:00"],
    "sun": ["00:00-24:00"]}}"#;

const OFFICE_UTC: &str = r#"{"timezone": "UTC", "hours": {
    "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
    "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}"#;

#[test]
fn tz_data_is_2025b() {
    // The conformance vectors were computed with tzdata 2025b; an upgrade must be deliberate.
    assert_eq!(chrono_tz::IANA_TZDB_VERSION, "2025b");
}

// ------------------------------------------------------------------------------------------
// DST: a full-day shift holds 23 h / 25 h
// ------------------------------------------------------------------------------------------

#[test]
fn berlin_spring_forward_full_day_is_23_hours() {
    // Berlin, Sunday 2026-03-29: at 01:00Z the wall clock jumps from 02:00 CET (+01) to
    // 03:00 CEST (+02). Sunday 00:00 CET = Sat 23:00Z; Sunday 24:00 = Monday 00:00 CEST =
    // Sun 22:00Z. 23:00Z -> 22:00Z next day is 23 hours.
    let c = cal(r#"{"timezone": "Europe/Berlin", "hours": {"sun": ["00:00-24:00"]}}"#);
    assert_eq!(
        between(&c, "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z"),
        23 * 3600
    );
    assert_eq!(
        c.next_open(t("2026-03-28T12:00:00Z")).unwrap(),
        Some(t("2026-03-28T23:00:00Z"))
    );
    assert_eq!(
        c.next_close(t("2026-03-29T12:00:00Z")).unwrap(),
        Some(t("2026-03-29T22:00:00Z"))
    );
    assert_eq!(
        c.add(t("2026-03-28T23:00:00Z"), hours(23)).unwrap(),
        t("2026-03-29T22:00:00Z")
    );
    // One business hour across the jump is one real hour: 00:30Z (01:30 CET) -> 01:30Z
    // (03:30 CEST).
    assert_eq!(
        c.add(t("2026-03-29T00:30:00Z"), hours(1)).unwrap(),
        t("2026-03-29T01:30:00Z")
    );
    // A 24th hour does not fit into Sunday: it is the first hour of the next Sunday,
    // 2026-04-05 00:00 CEST = Apr 4 22:00Z, so it ends at 23:00Z.
    assert_eq!(
        c.add(t("2026-03-28T23:00:00Z"), hours(24)).unwrap(),
        t("2026-04-04T23:00:00Z")
    );
}

#[test]
fn berlin_fall_back_full_day_is_25_hours() {
    // Berlin, Sunday 2026-10-25: at 01:00Z the wall clock goes back from 03:00 CEST (+02) to
    // 02:00 CET (+01). Sunday 00:00 CEST = Sat 22:00Z; Sunday 24:00 = Monday 00:00 CET =
    // Sun 23:00Z. 22:00Z -> 23:00Z next day is 25 hours.
    let c = cal(r#"{"timezone": "Europe/Berlin", "hours": {"sun": ["00:00-24:00"]}}"#);
    assert_eq!(
        between(&c, "2026-10-24T00:00:00Z", "2026-10-27T00:00:00Z"),
        25 * 3600
    );
    assert_eq!(
        c.next_open(t("2026-10-24T12:00:00Z")).unwrap(),
        Some(t("2026-10-24T22:00:00Z"))
    );
    assert_eq!(
        c.next_close(t("2026-10-25T00:00:00Z")).unwrap(),
        Some(t("2026-10-25T23:00:00Z"))
    );
    assert_eq!(
        c.add(t("2026-10-24T22:00:00Z"), hours(25)).unwrap(),
        t("2026-10-25T23:00:00Z")
    );
    assert_eq!(
        c.sub(t("2026-10-25T23:00:00Z"), hours(25)).unwrap(),
        t("2026-10-24T22:00:00Z")
    );
}

#[test]
fn new_york_spring_forward_full_day_is_23_hours() {
    // New York, Sunday 2024-03-10: at 07:00Z the wall clock jumps from 02:00 EST (-05) to
    // 03:00 EDT (-04). Sunday 00:00 EST = 05:00Z; Sunday 24:00 = Monday 00:00 EDT =
    // Mon 04:00Z. 05:00Z -> 04:00Z next day is 23 hours.
    let c = cal(r#"{"timezone": "America/New_York", "hours": {"sun": ["00:00-24:00"]}}"#);
    assert_eq!(
        between(&c, "2024-03-09T00:00:00Z", "2024-03-12T00:00:00Z"),
        23 * 3600
    );
    assert_eq!(
        c.next_open(t("2024-03-09T12:00:00Z")).unwrap(),
        Some(t("2024-03-10T05:00:00Z"))
    );
    assert_eq!(
        c.next_close(t("2024-03-10T12:00:00Z")).unwrap(),
        Some(t("2024-03-11T04:00:00Z"))
    );
    assert_eq!(
        c.add(t("2024-03-10T05:00:00Z"), hours(23)).unwrap(),
        t("2024-03-11T04:00:00Z")
    );
}

#[test]
fn new_york_fall_back_full_day_is_25_hours() {
    // New York, Sunday 2024-11-03: at 06:00Z the wall clock goes back from 02:00 EDT (-04) to
    // 01:00 EST (-05). Sunday 00:00 EDT = 04:00Z; Sunday 24:00 = Monday 00:00 EST =
    // Mon 05:00Z. 04:00Z -> 05:00Z next day is 25 hours.
    let c = cal(r#"{"timezone": "America/New_York", "hours": {"sun": ["00:00-24:00"]}}"#);
    assert_eq!(
        between(&c, "2024-11-02T00:00:00Z", "2024-11-05T00:00:00Z"),
        25 * 3600
    );
    assert_eq!(
        c.next_open(t("2024-11-02T12:00:00Z")).unwrap(),
        Some(t("2024-11-03T04:00:00Z"))
    );
    assert_eq!(
        c.next_close(t("2024-11-03T12:00:00Z")).unwrap(),
        Some(t("2024-11-04T05:00:00Z"))
    );
    assert_eq!(
        c.add(t("2024-11-03T04:00:00Z"), hours(25)).unwrap(),
        t("2024-11-04T05:00:00Z")
    );
}

// ------------------------------------------------------------------------------------------
// DST: a shift around the transition, 01:30-03:30 (gap / fold)
// ------------------------------------------------------------------------------------------

#[test]
fn berlin_gap_shortens_a_night_shift_to_one_hour() {
    // 2026-03-29, 01:30-03:30 wall clock. 01:30 CET = 00:30Z; wall 02:00-03:00 never occurs
    // (at 01:00Z 02:00 CET becomes 03:00 CEST); 03:30 CEST = 01:30Z. Business time is
    // [00:30Z, 01:30Z): one hour, not two.
    let c = cal(r#"{"timezone": "Europe/Berlin", "hours": {"sun": ["01:30-03:30"]}}"#);
    assert_eq!(
        between(&c, "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z"),
        3600
    );
    assert!(!c.is_open(t("2026-03-29T00:29:59Z")));
    assert!(c.is_open(t("2026-03-29T00:30:00Z"))); // 01:30 CET
    assert!(c.is_open(t("2026-03-29T01:00:00Z"))); // 03:00 CEST, right after the gap
    assert!(!c.is_open(t("2026-03-29T01:30:00Z"))); // 03:30 CEST
    assert_eq!(
        c.next_open(t("2026-03-29T00:00:00Z")).unwrap(),
        Some(t("2026-03-29T00:30:00Z"))
    );
    assert_eq!(
        c.next_close(t("2026-03-29T00:45:00Z")).unwrap(),
        Some(t("2026-03-29T01:30:00Z"))
    );
    assert_eq!(
        c.add(t("2026-03-29T00:30:00Z"), hours(1)).unwrap(),
        t("2026-03-29T01:30:00Z")
    );
    // An ordinary Sunday keeps two hours: 2026-04-05 01:30 CEST = Apr 4 23:30Z to 01:30Z.
    assert_eq!(
        between(&c, "2026-04-04T12:00:00Z", "2026-04-05T12:00:00Z"),
        7200
    );
}

#[test]
fn berlin_fold_lengthens_a_night_shift_to_three_hours() {
    // 2026-10-25, 01:30-03:30 wall clock. 01:30 CEST = Oct 24 23:30Z; wall 02:00-03:00 occurs
    // twice (00:00Z-01:00Z as CEST, 01:00Z-02:00Z as CET) and counts twice; 03:30 CET =
    // 02:30Z. Business time is [23:30Z, 02:30Z): three hours.
    let c = cal(r#"{"timezone": "Europe/Berlin", "hours": {"sun": ["01:30-03:30"]}}"#);
    assert_eq!(
        between(&c, "2026-10-24T00:00:00Z", "2026-10-27T00:00:00Z"),
        3 * 3600
    );
    assert!(c.is_open(t("2026-10-25T00:30:00Z"))); // 02:30 CEST
    assert!(c.is_open(t("2026-10-25T01:30:00Z"))); // 02:30 CET, the same wall time again
    assert!(!c.is_open(t("2026-10-25T02:30:00Z"))); // 03:30 CET
    assert_eq!(
        c.next_close(t("2026-10-25T00:00:00Z")).unwrap(),
        Some(t("2026-10-25T02:30:00Z"))
    );
    assert_eq!(
        c.add(t("2026-10-24T23:30:00Z"), hours(3)).unwrap(),
        t("2026-10-25T02:30:00Z")
    );
}

#[test]
fn new_york_gap_shortens_a_night_shift_to_one_hour() {
    // 2024-03-10, 01:30-03:30 wall clock. 01:30 EST = 06:30Z; wall 02:00-03:00 never occurs
    // (at 07:00Z 02:00 EST becomes 03:00 EDT); 03:30 EDT = 07:30Z. [06:30Z, 07:30Z): 1 h.
    let c = cal(r#"{"timezone": "America/New_York", "hours": {"sun": ["01:30-03:30"]}}"#);
    assert_eq!(
        between(&c, "2024-03-09T00:00:00Z", "2024-03-12T00:00:00Z"),
        3600
    );
    assert!(c.is_open(t("2024-03-10T06:30:00Z")));
    assert!(c.is_open(t("2024-03-10T07:00:00Z"))); // 03:00 EDT
    assert!(!c.is_open(t("2024-03-10T07:30:00Z")));
    assert_eq!(
        c.add(t("2024-03-10T06:00:00Z"), secs(1800)).unwrap(),
        t("2024-03-10T07:00:00Z")
    );
}

#[test]
fn new_york_fold_counts_the_repeated_half_hour_twice() {
    // 2024-11-03, 01:30-03:30 wall clock. New York repeats 01:00-02:00 (not 02:00-03:00 like
    // Berlin): 01:30 EDT = 05:30Z, at 06:00Z 02:00 EDT becomes 01:00 EST, wall 01:00-01:30
    // EST (06:00Z-06:30Z) is before the shift, 01:30 EST = 06:30Z, 03:30 EST = 08:30Z.
    // Business time is [05:30Z, 06:00Z) + [06:30Z, 08:30Z) = 2.5 h.
    let c = cal(r#"{"timezone": "America/New_York", "hours": {"sun": ["01:30-03:30"]}}"#);
    assert_eq!(
        between(&c, "2024-11-02T00:00:00Z", "2024-11-05T00:00:00Z"),
        9000
    );
    assert!(c.is_open(t("2024-11-03T05:45:00Z"))); // 01:45 EDT
    assert!(!c.is_open(t("2024-11-03T06:15:00Z"))); // 01:15 EST
    assert!(c.is_open(t("2024-11-03T06:45:00Z"))); // 01:45 EST
    assert_eq!(
        c.next_close(t("2024-11-03T05:30:00Z")).unwrap(),
        Some(t("2024-11-03T06:00:00Z"))
    );
    assert_eq!(
        c.next_open(t("2024-11-03T06:00:00Z")).unwrap(),
        Some(t("2024-11-03T06:30:00Z"))
    );
    // Half an hour before the fold, then half an hour from 06:30Z.
    assert_eq!(
        c.add(t("2024-11-03T05:30:00Z"), hours(1)).unwrap(),
        t("2024-11-03T07:00:00Z")
    );
    assert_eq!(
        c.sub(t("2024-11-03T07:00:00Z"), hours(1)).unwrap(),
        t("2024-11-03T05:30:00Z")
    );
}

#[test]
fn odd_zones_full_day_lengths() {
    // A Sunday 00:00-24:00 shift on the transition Sundays of zones with odd offsets or odd
    // DST steps. From Sunday 00:00 in the old offset to Monday 00:00 in the new one:
    let cases = [
        // Lord Howe, 30-minute DST. 2026-04-05: 02:00 +11 -> 01:30 +10:30.
        // Sun 00:00 +11 = Apr 4 13:00Z; Mon 00:00 +10:30 = Apr 5 13:30Z: 24.5 h.
        ("Australia/Lord_Howe", "2026-04-04T00:00:00Z", 88_200),
        // 2026-10-04: 02:00 +10:30 -> 02:30 +11.
        // Sun 00:00 +10:30 = Oct 3 13:30Z; Mon 00:00 +11 = Oct 4 13:00Z: 23.5 h.
        ("Australia/Lord_Howe", "2026-10-03T00:00:00Z", 84_600),
        // Chatham, +12:45 / +13:45. 2026-04-05: 03:45 +13:45 -> 02:45 +12:45.
        // Sun 00:00 +13:45 = Apr 4 10:15Z; Mon 00:00 +12:45 = Apr 5 11:15Z: 25 h.
        ("Pacific/Chatham", "2026-04-04T00:00:00Z", 90_000),
        // 2026-09-27: 02:45 +12:45 -> 03:45 +13:45.
        // Sun 00:00 +12:45 = Sep 26 11:15Z; Mon 00:00 +13:45 = Sep 27 10:15Z: 23 h.
        ("Pacific/Chatham", "2026-09-26T00:00:00Z", 82_800),
        // Troll, 2-hour DST. 2026-03-29: 01:00 +00 -> 03:00 +02.
        // Sun 00:00 +00 = 00:00Z; Mon 00:00 +02 = Mar 29 22:00Z: 22 h.
        ("Antarctica/Troll", "2026-03-28T12:00:00Z", 79_200),
        // 2026-10-25: 03:00 +02 -> 01:00 +00.
        // Sun 00:00 +02 = Oct 24 22:00Z; Mon 00:00 +00 = Oct 26 00:00Z: 26 h.
        ("Antarctica/Troll", "2026-10-24T12:00:00Z", 93_600),
    ];
    for (zone, from, expected) in cases {
        let c = cal(&format!(
            r#"{{"timezone": "{zone}", "hours": {{"sun": ["00:00-24:00"]}}}}"#
        ));
        // Two and a half days from `from` hold exactly that one Sunday.
        let to = t(from)
            .checked_add_signed(TimeDelta::hours(60))
            .unwrap()
            .to_rfc3339();
        assert_eq!(between(&c, from, &to), expected, "{zone} from {from}");
    }
}

#[test]
fn sao_paulo_midnight_gap_and_fold() {
    // Sao Paulo's DST began at midnight: on 2018-11-04 at 03:00Z, 00:00 -03 became 01:00 -02,
    // so Sunday 00:00 never happened. Saturday's 22:00-00:00 shift starts at 22:00 -03 =
    // Nov 4 01:00Z and ends at the first instant whose wall clock reaches Sunday 00:00, the
    // end of the gap, 03:00Z: 2 h. Sunday's 00:00-02:00 shift covers wall 01:00-02:00 -02 =
    // 03:00Z-04:00Z: 1 h. Together [01:00Z, 04:00Z).
    let sat = cal(r#"{"timezone": "America/Sao_Paulo", "hours": {"sat": ["22:00-00:00"]}}"#);
    let both = cal(r#"{"timezone": "America/Sao_Paulo",
        "hours": {"sat": ["22:00-00:00"], "sun": ["00:00-02:00"]}}"#);
    assert_eq!(
        between(&sat, "2018-11-03T12:00:00Z", "2018-11-05T00:00:00Z"),
        7200
    );
    assert_eq!(
        between(&both, "2018-11-03T12:00:00Z", "2018-11-05T00:00:00Z"),
        3 * 3600
    );
    assert_eq!(
        both.next_open(t("2018-11-03T12:00:00Z")).unwrap(),
        Some(t("2018-11-04T01:00:00Z"))
    );
    assert_eq!(
        both.next_close(t("2018-11-04T01:00:00Z")).unwrap(),
        Some(t("2018-11-04T04:00:00Z"))
    );
    // DST ended at midnight too: on 2019-02-17 at 02:00Z, Sunday 00:00 -02 became Saturday
    // 23:00 -03, so Saturday's last wall hour ran twice. Saturday 22:00 -02 = Feb 17 00:00Z,
    // wall 23:00-24:00 runs 01:00Z-02:00Z and again 02:00Z-03:00Z, and 24:00 -03 = 03:00Z:
    // 3 h. Sunday's 00:00-02:00 -03 is 03:00Z-05:00Z: 2 h. Together [00:00Z, 05:00Z).
    assert_eq!(
        between(&sat, "2019-02-16T12:00:00Z", "2019-02-18T00:00:00Z"),
        3 * 3600
    );
    assert_eq!(
        between(&both, "2019-02-16T12:00:00Z", "2019-02-18T00:00:00Z"),
        5 * 3600
    );
    assert_eq!(
        both.add(t("2019-02-17T00:00:00Z"), hours(5)).unwrap(),
        t("2019-02-17T05:00:00Z")
    );
}

// ------------------------------------------------------------------------------------------
// Overnight shifts
// ------------------------------------------------------------------------------------------

#[test]
fn london_night_shift_across_spring_forward() {
    // Saturday 2026-03-28 22:00-06:00. 22:00 GMT = 22:00Z; at 01:00Z on Sunday 01:00 GMT
    // becomes 02:00 BST; 06:00 BST = 05:00Z. [22:00Z, 05:00Z) = 7 h.
    let c = cal(r#"{"timezone": "Europe/London", "hours": {"sat": ["22:00-06:00"]}}"#);
    assert_eq!(
        between(&c, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z"),
        7 * 3600
    );
    assert!(c.is_open(t("2026-03-29T04:30:00Z"))); // 05:30 BST
    assert!(!c.is_open(t("2026-03-29T05:00:00Z"))); // 06:00 BST
    assert_eq!(
        c.next_close(t("2026-03-29T00:00:00Z")).unwrap(),
        Some(t("2026-03-29T05:00:00Z"))
    );
    assert_eq!(
        c.add(t("2026-03-28T22:00:00Z"), hours(7)).unwrap(),
        t("2026-03-29T05:00:00Z")
    );
}

#[test]
fn london_night_shift_across_fall_back() {
    // Saturday 2026-10-24 22:00-06:00. 22:00 BST = 21:00Z; at 01:00Z on Sunday 02:00 BST
    // becomes 01:00 GMT; 06:00 GMT = 06:00Z. [21:00Z, 06:00Z) = 9 h.
    let c = cal(r#"{"timezone": "Europe/London", "hours": {"sat": ["22:00-06:00"]}}"#);
    assert_eq!(
        between(&c, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z"),
        9 * 3600
    );
    assert!(!c.is_open(t("2026-10-24T20:59:59Z")));
    assert!(c.is_open(t("2026-10-24T21:00:00Z")));
    assert!(c.is_open(t("2026-10-25T05:30:00Z"))); // 05:30 GMT
    assert!(!c.is_open(t("2026-10-25T06:00:00Z")));
    assert_eq!(
        c.add(t("2026-10-24T21:00:00Z"), hours(9)).unwrap(),
        t("2026-10-25T06:00:00Z")
    );
}

#[test]
fn holiday_morning_still_ends_the_night_shift_of_the_evening_before() {
    // UTC; night shifts start Friday and Saturday at 22:00; Saturday 2026-01-03 is a holiday.
    // Friday's shift [Jan 2 22:00Z, Jan 3 06:00Z) runs into the holiday morning; Saturday's
    // shift does not start. Jan 2 .. Jan 5 therefore holds 8 h, not 16 h.
    let c = cal(r#"{"timezone": "UTC",
        "hours": {"fri": ["22:00-06:00"], "sat": ["22:00-06:00"]},
        "holidays": ["2026-01-03"]}"#);
    assert_eq!(
        between(&c, "2026-01-02T00:00:00Z", "2026-01-05T00:00:00Z"),
        8 * 3600
    );
    assert!(c.is_open(t("2026-01-03T05:59:59Z")));
    assert!(!c.is_open(t("2026-01-03T06:00:00Z")));
    assert!(!c.is_open(t("2026-01-03T22:00:00Z")));
    assert!(!c.is_open(t("2026-01-04T01:00:00Z")));
    // Next shift: Friday 2026-01-09 22:00.
    assert_eq!(
        c.next_open(t("2026-01-03T06:00:00Z")).unwrap(),
        Some(t("2026-01-09T22:00:00Z"))
    );
    // One hour left on the holiday morning, the second from Friday the 9th at 22:00.
    assert_eq!(
        c.add(t("2026-01-03T05:00:00Z"), hours(2)).unwrap(),
        t("2026-01-09T23:00:00Z")
    );
    assert!(!c.is_business_day(date("2026-01-03")));
    assert!(c.is_business_day(date("2026-01-02")));
}

// ------------------------------------------------------------------------------------------
// 24x7, empty calendars, exceptions
// ------------------------------------------------------------------------------------------

#[test]
fn always_open_adds_exact_hours_across_dst() {
    // Every instant is business time, so business time is real time, whatever the wall clock
    // does.
    let c = cal(ALWAYS_BERLIN);
    for (from, to) in [
        ("2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"), // 01:30 CET -> 03:30 CEST
        ("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"), // 02:30 CEST -> 02:30 CET
        ("2026-03-28T23:00:00Z", "2026-03-29T00:00:00Z"),
    ] {
        assert_eq!(
            c.add(t(from), hours(1)).unwrap(),
            t(to),
            "add 1 h at {from}"
        );
        assert_eq!(c.sub(t(to), hours(1)).unwrap(), t(from), "sub 1 h at {to}");
    }
    // 24 business hours from spring-forward midnight end at 00:00 CEST + 1 h wall, i.e.
    // exactly 24 h later in UTC.
    assert_eq!(
        c.add(t("2026-03-28T23:00:00Z"), hours(24)).unwrap(),
        t("2026-03-29T23:00:00Z")
    );
    assert_eq!(
        between(&c, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z"),
        25 * 3600
    );
    // Open around the clock with no closure ahead.
    assert_eq!(c.next_close(t("2026-06-01T00:00:00Z")).unwrap(), None);
    assert_eq!(
        c.next_open(t("2026-06-01T00:00:00.5Z")).unwrap(),
        Some(t("2026-06-01T00:00:00.5Z"))
    );
}

#[test]
fn empty_calendar_errors_and_never_opens() {
    let c = cal(r#"{"timezone": "UTC"}"#);
    let at = t("2026-06-01T12:00:00Z");
    assert_eq!(
        c.add(at, hours(1)),
        Err(Error::NoBusinessTime {
            at,
            direction: "after"
        })
    );
    assert_eq!(
        c.sub(at, hours(1)),
        Err(Error::NoBusinessTime {
            at,
            direction: "before"
        })
    );
    assert_eq!(
        c.add(at, hours(1)).unwrap_err().to_string(),
        "no business time after 2026-06-01 12:00:00 UTC: the calendar never opens again in that \
         direction"
    );
    assert_eq!(c.next_open(at).unwrap(), None);
    // Closed, so the next closed instant is `at` itself.
    assert_eq!(c.next_close(at).unwrap(), Some(at));
    assert!(!c.is_open(at));
    assert_eq!(
        c.between(t("1970-01-01T00:00:00Z"), t("2100-01-01T00:00:00Z")),
        Ok(TimeDelta::zero())
    );
    // Zero business time is always reachable.
    assert_eq!(c.add(at, TimeDelta::zero()), Ok(at));
    assert!(matches!(
        c.add_business_days(date("2026-06-01"), BusinessDays(1)),
        Err(Error::NoBusinessTime { .. })
    ));
}

#[test]
fn exception_opens_a_sunday() {
    // UTC Mon-Fri 09:00-17:00, plus Sunday 2026-03-01 10:00-12:00.
    let c = cal(r#"{"timezone": "UTC", "hours": {
        "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
        "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]},
        "exceptions": {"2026-03-01": ["10:00-12:00"]}}"#);
    // Friday 16:00 + 2 h: one hour on Friday, one on Sunday from 10:00.
    assert_eq!(
        c.add(t("2026-02-27T16:00:00Z"), hours(2)).unwrap(),
        t("2026-03-01T11:00:00Z")
    );
    assert_eq!(
        between(&c, "2026-02-28T00:00:00Z", "2026-03-02T00:00:00Z"),
        7200
    );
    assert_eq!(
        c.next_open(t("2026-02-28T12:00:00Z")).unwrap(),
        Some(t("2026-03-01T10:00:00Z"))
    );
    assert!(c.is_business_day(date("2026-03-01")));
    assert!(!c.is_business_day(date("2026-02-28")));
    assert_eq!(
        c.add_business_days(date("2026-02-27"), BusinessDays(1))
            .unwrap(),
        date("2026-03-01")
    );
    // The next Sunday is closed again.
    assert!(!c.is_open(t("2026-03-08T11:00:00Z")));
}

#[test]
fn add_zero_returns_at_unchanged() {
    let c = cal(OFFICE_UTC);
    for at in [
        "2026-11-28T12:00:00Z",           // Saturday, closed
        "2026-11-27T12:00:00Z",           // Friday, open
        "2026-11-27T17:00:00Z",           // the closing instant
        "2026-11-27T12:00:00.123456789Z", // sub-second
    ] {
        assert_eq!(
            c.add(t(at), TimeDelta::zero()).unwrap(),
            t(at),
            "add 0 at {at}"
        );
        assert_eq!(
            c.sub(t(at), TimeDelta::zero()).unwrap(),
            t(at),
            "sub 0 at {at}"
        );
    }
}

#[test]
fn boundary_convention_is_the_earliest_instant() {
    // 09:00-17:00: one hour at Friday 16:00 ends at Friday 17:00, not Monday 09:00 (both hold
    // the same business time; the deadline is the earliest).
    let c = cal(OFFICE_UTC);
    assert_eq!(
        c.add(t("2026-11-27T16:00:00Z"), hours(1)).unwrap(),
        t("2026-11-27T17:00:00Z")
    );
    // One second more runs into Monday.
    assert_eq!(
        c.add(t("2026-11-27T16:00:00Z"), secs(3601)).unwrap(),
        t("2026-11-30T09:00:01Z")
    );
    // sub is the mirror image: the latest instant, Monday 09:00 - 1 h = Friday 16:00.
    assert_eq!(
        c.sub(t("2026-11-30T09:00:00Z"), hours(1)).unwrap(),
        t("2026-11-27T16:00:00Z")
    );
    // 1 h before Monday 10:00 is Monday 09:00, not Friday 17:00.
    assert_eq!(
        c.sub(t("2026-11-30T10:00:00Z"), hours(1)).unwrap(),
        t("2026-11-30T09:00:00Z")
    );
    assert_eq!(
        c.next_open(t("2026-11-27T17:00:00Z")).unwrap(),
        Some(t("2026-11-30T09:00:00Z"))
    );
    assert!(!c.is_open(t("2026-11-27T17:00:00Z")));
    assert!(c.is_open(t("2026-11-27T16:59:59.999999999Z")));
}

#[test]
fn one_hour_in_2090_found_from_1970_quickly() {
    // Only 2090-06-15 10:00-11:00 Berlin wall time, i.e. CEST (+02): 08:00Z-09:00Z.
    let c = cal(r#"{"timezone": "Europe/Berlin",
        "exceptions": {"2090-06-15": ["10:00-11:00"]}}"#);
    let from = t("1970-01-01T00:00:00Z");
    let alone = timed_section();
    let started = Instant::now();
    let half = c.add(from, secs(1800));
    let open = c.next_open(from).unwrap();
    let full = c.add(from, hours(1));
    let back = c.sub(t("2200-01-01T00:00:00Z"), hours(1));
    let span = c.between(from, t("2200-01-01T00:00:00Z"));
    let too_much = c.add(from, secs(3601));
    let elapsed = started.elapsed();
    drop(alone);
    assert_eq!(half, Ok(t("2090-06-15T08:30:00Z")));
    assert_eq!(open, Some(t("2090-06-15T08:00:00Z")));
    assert_eq!(full, Ok(t("2090-06-15T09:00:00Z")));
    assert_eq!(back, Ok(t("2090-06-15T08:00:00Z")));
    assert_eq!(span, Ok(hours(1)));
    assert_eq!(
        too_much,
        Err(Error::NoBusinessTime {
            at: from,
            direction: "after"
        })
    );
    assert!(
        elapsed < Duration::from_millis(50),
        "six queries took {elapsed:?}"
    );
}

// ------------------------------------------------------------------------------------------
// The far ends of chrono's range
// ------------------------------------------------------------------------------------------

// chrono's instants run from MIN_UTC = -262143-01-01T00:00:00Z (a Thursday) to MAX_UTC =
// +262142-12-31T23:59:59.999999999Z (a Monday); its dates from -262143-01-01 to
// +262142-12-31. The semantics hold for every one of them: a 24x7 calendar is open at MAX_UTC,
// and an operation whose answer is not representable returns `Error::OutOfRange`.
//
// These tests run every check and report all failures at once, counting a panic inside the
// crate as a failure, so that one broken call does not hide the others.

/// Collects failed checks; `finish` fails the test listing all of them.
#[derive(Default)]
struct Checks(Vec<String>);

impl Checks {
    fn eq<T: PartialEq + std::fmt::Debug>(&mut self, what: &str, got: impl FnOnce() -> T, want: T) {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(got)) {
            Ok(got) if got == want => {}
            Ok(got) => self.0.push(format!("{what}: got {got:?}, want {want:?}")),
            Err(_) => self.0.push(format!("{what}: panicked, want {want:?}")),
        }
    }

    fn that(&mut self, what: &str, holds: impl FnOnce() -> bool) {
        self.eq(what, holds, true);
    }

    fn finish(self) {
        assert!(
            self.0.is_empty(),
            "{} check(s) failed:\n  {}",
            self.0.len(),
            self.0.join("\n  ")
        );
    }
}

fn out_of_range<T>(r: Result<T, Error>) -> bool {
    matches!(r, Err(Error::OutOfRange { .. }))
}

#[test]
fn far_ends_give_errors_not_panics() {
    let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
    let mut checks = Checks::default();
    for (name, json) in [
        ("office", OFFICE_UTC),
        ("always UTC", ALWAYS_UTC),
        ("always Berlin", ALWAYS_BERLIN),
    ] {
        let c = cal(json);
        // No representable instant lies beyond MAX_UTC or before MIN_UTC.
        checks.that(&format!("{name}: add(MAX_UTC, 1 h) is OutOfRange"), || {
            out_of_range(c.add(max, hours(1)))
        });
        checks.that(&format!("{name}: sub(MIN_UTC, 1 h) is OutOfRange"), || {
            out_of_range(c.sub(min, hours(1)))
        });
        checks.that(
            &format!("{name}: add(+262142-06-01T12:00Z, 400 days) is OutOfRange"),
            || out_of_range(c.add(t("+262142-06-01T12:00:00Z"), TimeDelta::days(400))),
        );
        checks.that(
            &format!("{name}: add(MIN_UTC, TimeDelta::MAX) errs"),
            || c.add(min, TimeDelta::MAX).is_err(),
        );
        checks.that(
            &format!("{name}: sub(MAX_UTC, TimeDelta::MAX) errs"),
            || c.sub(max, TimeDelta::MAX).is_err(),
        );
        checks.that(
            &format!("{name}: add(MAX_UTC, TimeDelta::MIN) errs"),
            || c.add(max, TimeDelta::MIN).is_err(),
        );
        checks.eq(
            &format!("{name}: add(MAX_UTC, 0)"),
            || c.add(max, TimeDelta::zero()),
            Ok(max),
        );
        checks.that(
            &format!("{name}: next_open(MAX_UTC) does not panic"),
            || {
                let _ = c.next_open(max);
                true
            },
        );
        checks.that(
            &format!("{name}: next_close(MIN_UTC) does not panic"),
            || {
                let _ = c.next_close(min);
                true
            },
        );
        checks.that(&format!("{name}: between(MIN_UTC, MAX_UTC) is Ok"), || {
            c.between(min, max).is_ok()
        });
        checks.that(
            &format!("{name}: add_business_days(MAX date, i64::MAX) errs"),
            || {
                c.add_business_days(NaiveDate::MAX, BusinessDays(i64::MAX))
                    .is_err()
            },
        );
        checks.that(
            &format!("{name}: add_business_days(MIN date, i64::MIN) errs"),
            || {
                c.add_business_days(NaiveDate::MIN, BusinessDays(i64::MIN))
                    .is_err()
            },
        );
    }
    let never = cal(r#"{"timezone": "UTC"}"#);
    checks.eq(
        "never: add(MAX_UTC, 1 h)",
        || never.add(max, hours(1)),
        Err(Error::NoBusinessTime {
            at: max,
            direction: "after",
        }),
    );
    checks.eq(
        "never: next_open(MIN_UTC)",
        || never.next_open(min).unwrap(),
        None,
    );
    checks.finish();
}

#[test]
fn first_and_last_years_of_chrono_hold_business_time() {
    let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
    let mut checks = Checks::default();
    // 24x7 in UTC: every representable instant is business time.
    let always = cal(ALWAYS_UTC);
    checks.that("always: is_open(MAX_UTC)", || always.is_open(max));
    checks.that("always: is_open(MIN_UTC)", || always.is_open(min));
    checks.that("always: is_open(+262142-06-01T12:00Z)", || {
        always.is_open(t("+262142-06-01T12:00:00Z"))
    });
    checks.eq(
        "always: between(MIN_UTC, MAX_UTC)",
        || always.between(min, max),
        Ok(max - min),
    );
    checks.eq(
        "always: next_open(MAX_UTC)",
        || always.next_open(max).unwrap(),
        Some(max),
    );
    // Open from here to the end of time: no closing instant.
    checks.eq(
        "always: next_close(+262142-06-01T12:00Z)",
        || always.next_close(t("+262142-06-01T12:00:00Z")).unwrap(),
        None,
    );
    checks.eq(
        "always: add(MIN_UTC, 1 h)",
        || always.add(min, hours(1)),
        Ok(t("-262143-01-01T01:00:00Z")),
    );
    checks.eq(
        "always: sub(MAX_UTC, 1 h)",
        || always.sub(max, hours(1)),
        Ok(t("+262142-12-31T22:59:59.999999999Z")),
    );
    // Mon-Fri 09:00-17:00 UTC: the first day, -262143-01-01, is a Thursday; the last,
    // +262142-12-31, a Monday.
    let office = cal(OFFICE_UTC);
    checks.eq(
        "office: next_open(MIN_UTC)",
        || office.next_open(min).unwrap(),
        Some(t("-262143-01-01T09:00:00Z")),
    );
    checks.eq(
        "office: add(MIN_UTC, 1 h)",
        || office.add(min, hours(1)),
        Ok(t("-262143-01-01T10:00:00Z")),
    );
    checks.eq(
        "office: sub(MAX_UTC, 1 h)",
        || office.sub(max, hours(1)),
        Ok(t("+262142-12-31T16:00:00Z")),
    );
    checks.that("office: is_open(+262142-12-31T12:00Z)", || {
        office.is_open(t("+262142-12-31T12:00:00Z"))
    });
    checks.eq(
        "office: between(+262142-12-31T00:00Z, MAX_UTC)",
        || office.between(t("+262142-12-31T00:00:00Z"), max),
        Ok(hours(8)),
    );
    // The last Monday's 30 remaining minutes cannot hold an hour.
    checks.that(
        "office: add(+262142-12-31T16:30Z, 1 h) is OutOfRange",
        || out_of_range(office.add(t("+262142-12-31T16:30:00Z"), hours(1))),
    );
    checks.finish();
}

#[test]
fn business_days_at_the_far_ends() {
    let (first, last) = (NaiveDate::MIN, NaiveDate::MAX);
    let mut checks = Checks::default();
    let always = cal(ALWAYS_UTC);
    // Every date is a business day: [first, last) holds all 191 491 528 days but the last.
    assert_eq!((last - first).num_days(), 191_491_528);
    checks.eq(
        "always: business_days_between(MIN date, MAX date)",
        || {
            always
                .business_days_between(first, last)
                .map(BusinessDays::get)
        },
        Ok(191_491_528),
    );
    checks.eq(
        "always: add_business_days(MIN date, 1)",
        || always.add_business_days(first, BusinessDays(1)),
        Ok(date("-262143-01-02")),
    );
    let office = cal(OFFICE_UTC);
    // The last date is a Monday, the first a Thursday: both business days, so moving 0 days
    // keeps them, and moving beyond them is out of range.
    checks.that("office: is_business_day(MAX date)", || {
        office.is_business_day(last)
    });
    checks.that("office: is_business_day(MIN date)", || {
        office.is_business_day(first)
    });
    checks.eq(
        "office: add_business_days(MAX date, 0)",
        || office.add_business_days(last, BusinessDays(0)),
        Ok(last),
    );
    checks.eq(
        "office: add_business_days(MIN date, 0)",
        || office.add_business_days(first, BusinessDays(0)),
        Ok(first),
    );
    checks.that(
        "office: add_business_days(MAX date, 1) is OutOfRange",
        || out_of_range(office.add_business_days(last, BusinessDays(1))),
    );
    checks.that(
        "office: add_business_days(MIN date, -1) is OutOfRange",
        || out_of_range(office.add_business_days(first, BusinessDays(-1))),
    );
    // From Thursday +262142-12-27, two business days: Friday the 28th, Monday the 31st.
    checks.eq(
        "office: add_business_days(+262142-12-27, 2)",
        || office.add_business_days(date("+262142-12-27"), BusinessDays(2)),
        Ok(last),
    );
    checks.eq(
        "office: business_days_between(+262142-12-27, MAX date)",
        || {
            office
                .business_days_between(date("+262142-12-27"), last)
                .map(BusinessDays::get)
        },
        Ok(2),
    );
    checks.finish();
}

// ------------------------------------------------------------------------------------------
// Serde round trips
// ------------------------------------------------------------------------------------------

const FULL_SPEC: &str = r#"{
    "timezone": "Europe/Berlin",
    "hours": {"mon": ["08:00-12:00", "13:00-17:00"], "fri": ["22:00-06:00"],
              "sat": ["10:00-24:00"], "sun": []},
    "holidays": ["2026-12-25", "2026-12-26"],
    "exceptions": {"2026-12-24": ["08:00-12:00"], "2026-12-27": []}
}"#;

#[test]
fn json_round_trip() {
    let c = cal(FULL_SPEC);
    let json = serde_json::to_string(&c).unwrap();
    let back: Calendar = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
    assert_eq!(back.spec(), c.spec());
    let spec: CalendarSpec = serde_json::from_str(FULL_SPEC).unwrap();
    assert_eq!(c.spec(), &spec);
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        serde_json::from_str::<serde_json::Value>(FULL_SPEC).unwrap()
    );
    // Same answers from the copy.
    let (a, b) = (t("2026-12-20T00:00:00Z"), t("2027-01-10T00:00:00Z"));
    assert_eq!(back.between(a, b), c.between(a, b));
}

#[test]
fn toml_round_trip() {
    let c = cal(FULL_SPEC);
    let text = toml::to_string(&c).unwrap();
    let back: Calendar = toml::from_str(&text).unwrap();
    assert_eq!(back, c);
    assert_eq!(back.spec(), c.spec());
    // A hand-written TOML document with the same content is the same calendar.
    let written: Calendar = toml::from_str(
        r#"
        timezone = "Europe/Berlin"
        holidays = ["2026-12-25", "2026-12-26"]

        [hours]
        mon = ["08:00-12:00", "13:00-17:00"]
        fri = ["22:00-06:00"]
        sat = ["10:00-24:00"]
        sun = []

        [exceptions]
        "2026-12-24" = ["08:00-12:00"]
        "2026-12-27" = []
        "#,
    )
    .unwrap();
    assert_eq!(written, c);
    let (a, b) = (t("2026-12-20T00:00:00Z"), t("2027-01-10T00:00:00Z"));
    assert_eq!(written.between(a, b), c.between(a, b));
}

// ------------------------------------------------------------------------------------------
// Configuration errors: exact messages naming the field path
// ------------------------------------------------------------------------------------------

fn config_error(json: &str) -> Error {
    let spec: CalendarSpec = serde_json::from_str(json).unwrap();
    Calendar::try_from(spec).unwrap_err()
}

#[test]
fn error_messages_name_the_field_and_the_input() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"timezone": "Mars/Olympus"}"#,
            "timezone: unknown time zone `Mars/Olympus`: expected an IANA name such as \
             `Europe/Berlin` (names are case-sensitive)",
        ),
        (
            r#"{"timezone": "europe/berlin"}"#,
            "timezone: unknown time zone `europe/berlin`: expected an IANA name such as \
             `Europe/Berlin` (names are case-sensitive)",
        ),
        (
            r#"{"timezone": "UTC", "hours": {"mon": ["09:00-12:00", "8-17"]}}"#,
            "hours.mon[1]: invalid shift `8-17`: expected HH:MM-HH:MM with times from 00:00 to \
             24:00",
        ),
        (
            r#"{"timezone": "UTC", "hours": {"mon": ["25:00-26:00"]}}"#,
            "hours.mon[0]: invalid shift `25:00-26:00`: expected HH:MM-HH:MM with times from \
             00:00 to 24:00",
        ),
        (
            r#"{"timezone": "UTC", "hours": {"tue": ["08:00-12:00", "09:00-09:00"]}}"#,
            "hours.tue[1]: invalid shift `09:00-09:00`: start equals end, so the shift is empty",
        ),
        (
            r#"{"timezone": "UTC", "exceptions": {"2026-12-24": ["09:00-09:00"]}}"#,
            "exceptions.2026-12-24[0]: invalid shift `09:00-09:00`: start equals end, so the \
             shift is empty",
        ),
        (
            r#"{"timezone": "UTC", "hours": {"monday": ["09:00-17:00"]}}"#,
            "hours: unknown weekday `monday`: expected one of mon, tue, wed, thu, fri, sat, sun",
        ),
        (
            r#"{"timezone": "UTC", "holidays": ["2026-12-25", "2026-02-30"]}"#,
            "holidays[1]: invalid date `2026-02-30`: expected YYYY-MM-DD",
        ),
        (
            r#"{"timezone": "UTC", "exceptions": {"2026-02-30": ["09:00-12:00"]}}"#,
            "exceptions: invalid date `2026-02-30`: expected YYYY-MM-DD",
        ),
        (
            r#"{"timezone": "UTC", "holidays": ["2026-12-24"],
                "exceptions": {"2026-12-24": ["09:00-12:00"]}}"#,
            "exceptions.2026-12-24: 2026-12-24 is both a holiday and an exception; a date may \
             be only one of them",
        ),
    ];
    for (json, message) in cases {
        let e = config_error(json);
        assert_eq!(e.to_string(), *message, "{json}");
        // Deserializing a Calendar directly is the same validation, with the same message.
        let direct = serde_json::from_str::<Calendar>(json)
            .unwrap_err()
            .to_string();
        assert!(direct.starts_with(message), "{json}: {direct}");
    }
}

#[test]
fn error_values_carry_path_and_input() {
    assert_eq!(
        config_error(r#"{"timezone": "Mars/Olympus"}"#),
        Error::UnknownTimeZone {
            path: "timezone".into(),
            name: "Mars/Olympus".into()
        }
    );
    assert_eq!(
        config_error(r#"{"timezone": "UTC", "hours": {"mon": ["09:00-12:00", "8-17"]}}"#),
        Error::InvalidShift {
            path: "hours.mon[1]".into(),
            input: "8-17".into(),
            reason: "expected HH:MM-HH:MM with times from 00:00 to 24:00".into()
        }
    );
    assert_eq!(
        config_error(r#"{"timezone": "UTC", "hours": {"monday": []}}"#),
        Error::UnknownWeekday {
            path: "hours".into(),
            input: "monday".into()
        }
    );
    assert_eq!(
        config_error(r#"{"timezone": "UTC", "holidays": ["2026-02-30"]}"#),
        Error::InvalidDate {
            path: "holidays[0]".into(),
            input: "2026-02-30".into()
        }
    );
    assert_eq!(
        config_error(
            r#"{"timezone": "UTC", "holidays": ["2026-12-24"], "exceptions": {"2026-12-24": []}}"#
        ),
        Error::HolidayAndException {
            path: "exceptions.2026-12-24".into(),
            date: "2026-12-24".into()
        }
    );
}
