//! iCalendar import and export (`--features icalendar`).

use chrono::NaiveDate;
use slacalc::calendar::{CalendarSpec, HolidayRule, HolidaySpec, Holidays, IcsImport};
use slacalc::{Calendar, Error};

use crate::util::{date, t};

const BERLIN: chrono_tz::Tz = chrono_tz::Europe::Berlin;

fn ics(events: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{events}END:VCALENDAR\r\n")
}

fn rule(json: &str) -> HolidaySpec {
    serde_json::from_str(json).unwrap()
}

fn dates(holidays: &[HolidaySpec], years: std::ops::RangeInclusive<i32>) -> Vec<NaiveDate> {
    let h = Holidays::from_specs(holidays).unwrap();
    years.flat_map(|y| h.dates_in_year(y)).collect()
}

#[test]
fn simple_yearly_rules_become_holiday_rules() {
    let text = ics("BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Christmas Day\r\nDTSTART;VALUE=DATE:20001225\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Thanksgiving\r\nDTSTART;VALUE=DATE:20221124\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:3\r\nSUMMARY:Spring Bank Holiday\r\nDTSTART;VALUE=DATE:20200525\r\nRRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;UNTIL=20301231\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:4\r\nSUMMARY:Election\r\nDTSTART;VALUE=DATE:20081104\r\nRRULE:FREQ=YEARLY;INTERVAL=4;COUNT=3\r\nEND:VEVENT\r\n");
    let import = IcsImport::parse(&text, 2000..=2040, BERLIN).unwrap();
    assert!(import.closures.is_empty());
    assert_eq!(
        import.holidays,
        vec![
            rule(r#"{"name": "Christmas Day", "month": 12, "day": 25, "from": 2000}"#),
            rule(
                r#"{"name": "Thanksgiving", "month": 11, "weekday": "thu", "nth": 4, "from": 2022}"#
            ),
            // The last Monday of May 2030 is the 27th, before UNTIL.
            rule(
                r#"{"name": "Spring Bank Holiday", "month": 5, "weekday": "mon", "nth": -1, "from": 2020, "until": 2030}"#
            ),
            // 2008, 2012, 2016.
            rule(
                r#"{"name": "Election", "month": 11, "day": 4, "from": 2008, "until": 2016, "every": 4}"#
            ),
        ]
    );
    // Thanksgiving 2026: the fourth Thursday of November is the 26th.
    let h = Holidays::from_specs(&import.holidays).unwrap();
    assert!(h.contains(date(2026, 11, 26)));
    assert!(h.contains(date(2030, 5, 27)));
    assert!(!h.contains(date(2031, 5, 26)));
}

#[test]
fn exdates_split_a_yearly_rule_around_their_years() {
    let text = ics("BEGIN:VEVENT\r\nSUMMARY:Founders' Day\r\nDTSTART;VALUE=DATE:20200601\r\nRRULE:FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1\r\nEXDATE;VALUE=DATE:20230601,20240601\r\nEXDATE;VALUE=DATE:20270601\r\nEND:VEVENT\r\n");
    let import = IcsImport::parse(&text, 2020..=2040, BERLIN).unwrap();
    let name = r#""name": "Founders' Day", "month": 6, "day": 1"#;
    assert_eq!(
        import.holidays,
        vec![
            rule(&format!(r#"{{{name}, "from": 2020, "until": 2022}}"#)),
            rule(&format!(r#"{{{name}, "from": 2025, "until": 2026}}"#)),
            rule(&format!(r#"{{{name}, "from": 2028}}"#)),
        ]
    );
    let got = dates(&import.holidays, 2020..=2029);
    let want: Vec<NaiveDate> = [2020, 2021, 2022, 2025, 2026, 2028, 2029]
        .into_iter()
        .map(|y| date(y, 6, 1))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn other_recurrences_are_expanded_over_the_years() {
    // Every first Monday of the month (a monthly rule): 12 dates a year, none excluded but
    // 2026-01-05; a three-day all-day event; a one-off date; the 25th of each month.
    let text = ics("BEGIN:VEVENT\r\nSUMMARY:Inventory\r\nDTSTART;VALUE=DATE:20251006\r\nRRULE:FREQ=MONTHLY;BYDAY=1MO\r\nEXDATE;VALUE=DATE:20260105\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Move\r\nDTSTART;VALUE=DATE:20260714\r\nDTEND;VALUE=DATE:20260717\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART:20260301\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Payday\r\nDTSTART;VALUE=DATE:20261125\r\nRRULE:FREQ=YEARLY;BYMONTHDAY=25\r\nEND:VEVENT\r\n");
    let import = IcsImport::parse(&text, 2026..=2026, BERLIN).unwrap();
    let got = dates(&import.holidays, 2025..=2027);
    let mut want: Vec<NaiveDate> = [
        // First Mondays of 2026 (January's excluded).
        (2, 2),
        (3, 2),
        (4, 6),
        (5, 4),
        (6, 1),
        (7, 6),
        (8, 3),
        (9, 7),
        (10, 5),
        (11, 2),
        (12, 7),
        (7, 14),
        (7, 15),
        (7, 16),
        (3, 1),
        // FREQ=YEARLY;BYMONTHDAY=25 without BYMONTH: the 25th of every month, from DTSTART
        // (2026-11-25) on.
        (11, 25),
        (12, 25),
    ]
    .into_iter()
    .map(|(m, d)| date(2026, m, d))
    .collect();
    want.sort();
    assert_eq!(got, want);
    assert_eq!(
        import.holidays.get(import.holidays.len() - 3),
        Some(&rule(r#"{"date": "2026-03-01"}"#))
    );
}

#[test]
fn timed_events_close_part_of_a_day() {
    let spec: CalendarSpec = serde_json::from_str(
        r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"]}}"#,
    )
    .unwrap();
    // A staff meeting, Tuesdays 14:00-15:30 Berlin time, in November 2026; and a floating
    // (zone-less) closure Wednesday 2026-11-04 09:00-12:00, read in the calendar's zone.
    let text = ics("BEGIN:VEVENT\r\nSUMMARY:Staff meeting\r\nDTSTART;TZID=Europe/Berlin:20261103T140000\r\nDTEND;TZID=Europe/Berlin:20261103T153000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART:20261104T090000\r\nDTEND:20261104T120000\r\nEND:VEVENT\r\n");
    let import = IcsImport::parse(&text, 2026..=2026, BERLIN).unwrap();
    assert_eq!(import.closures.len(), 5);
    // 14:00 CET is 13:00Z.
    assert_eq!(import.closures[0].start, t("2026-11-03T13:00:00Z"));
    assert_eq!(import.closures[0].end, t("2026-11-03T14:30:00Z"));
    assert_eq!(import.closures[0].name, "Staff meeting");
    let cal = Calendar::try_from(import.apply_to(spec).unwrap()).unwrap();
    // Tuesday 2026-11-03: 8 h minus 1.5 h; Wednesday 2026-11-04: 8 h minus 3 h; Monday 11-02
    // untouched.
    let secs = |a: &str, b: &str| cal.between(t(a), t(b)).unwrap().num_seconds();
    assert_eq!(
        secs("2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z"),
        6 * 3600 + 1800
    );
    assert_eq!(
        secs("2026-11-04T00:00:00Z", "2026-11-05T00:00:00Z"),
        5 * 3600
    );
    assert_eq!(
        secs("2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z"),
        8 * 3600
    );
    assert!(!cal.is_open(t("2026-11-24T13:30:00Z")));
    assert!(cal.is_open(t("2026-12-01T13:30:00Z")));
}

#[test]
fn malformed_input_names_the_line_and_property() {
    let cases = [
        (
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261332\r\nEND:VEVENT\r\n",
            "line 5 DTSTART: invalid value `20261332`: expected a date YYYYMMDD",
        ),
        (
            "BEGIN:VEVENT\r\nDTSTART;TZID=Mars/Olympus:20261103T140000\r\nDTEND:20261103T150000Z\r\nEND:VEVENT\r\n",
            "line 5 DTSTART TZID: invalid value `Mars/Olympus`: expected an IANA time-zone name such as Europe/Berlin",
        ),
        (
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261103\r\nRRULE:FREQ=YEARLY;BYMONTH=13\r\nEND:VEVENT\r\n",
            "line 6 RRULE: invalid value `FREQ=YEARLY;BYMONTH=13`",
        ),
        (
            "BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n",
            "line 4 VEVENT: invalid value `no DTSTART`: expected a DTSTART",
        ),
        (
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261103\r\nEND:VTODO\r\n",
            "line 6 END: invalid value `VTODO`: expected END:VEVENT (BEGIN:VEVENT is on line 4)",
        ),
        (
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261103\r\nDURATION:P1D\r\nEND:VEVENT\r\n",
            "line 6 DURATION: invalid value `P1D`",
        ),
        (
            "BEGIN:VEVENT\r\nDTSTART:20261103T100000Z\r\nDTEND:20261103T090000Z\r\nEND:VEVENT\r\n",
            "line 6 DTEND: invalid value `2026-11-03 09:00:00`: expected a date-time after DTSTART",
        ),
        ("BEGIN:VEVENT\r\nnot a content line\r\nEND:VEVENT\r\n", "line 5: invalid value `not a content line`"),
    ];
    for (events, want) in cases {
        let e = IcsImport::parse(&ics(events), 2026..=2026, BERLIN).unwrap_err();
        assert!(matches!(e, Error::InvalidValue { .. }), "{e:?}");
        assert!(e.to_string().starts_with(want), "{events:?}:\n{e}");
    }
    let e = IcsImport::parse("BEGIN:VCALENDAR\r\n", 2026..=2026, BERLIN).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 1 BEGIN: invalid value `VCALENDAR`: expected a matching END before the text ends"
    );
}

#[test]
fn sizes_are_bounded() {
    use slacalc::calendar::{MAX_ICS_EVENTS, MAX_ICS_YEARS};
    // A daily rule over 20 years: more than MAX_ICS_OCCURRENCES dates.
    let daily =
        ics("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20200101\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n");
    let e = IcsImport::parse(&daily, 2020..=2039, BERLIN).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("line 6 RRULE: invalid value `FREQ=DAILY`: expected at most"),
        "{e}"
    );
    assert!(IcsImport::parse(&daily, 2020..=2020, BERLIN).is_ok());
    let many = ics(
        &"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20200101\r\nEND:VEVENT\r\n".repeat(MAX_ICS_EVENTS + 1),
    );
    let e = IcsImport::parse(&many, 2020..=2020, BERLIN).unwrap_err();
    assert!(
        e.to_string()
            .contains(&format!("expected at most {MAX_ICS_EVENTS} events")),
        "{e}"
    );
    let e = IcsImport::parse(&daily, 2000..=(2000 + MAX_ICS_YEARS), BERLIN).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("years: invalid value `2000..=2400`"),
        "{e}"
    );
}

#[test]
fn export_writes_one_all_day_event_per_holiday() {
    let cal: Calendar = serde_json::from_str(
        r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]},
            "holidays": [{"name": "Tag der Deutschen Einheit", "month": 10, "day": 3},
                         {"name": "Christmas; Day, 1", "month": 12, "day": 25}]}"#,
    )
    .unwrap();
    let text = cal.holidays_to_ics(2026..=2026).unwrap();
    let want = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//slacalc//holidays//EN\r\nCALSCALE:GREGORIAN\r\n\
BEGIN:VEVENT\r\nUID:20261003@holidays.slacalc\r\nDTSTAMP:19700101T000000Z\r\nDTSTART;VALUE=DATE:20261003\r\nDTEND;VALUE=DATE:20261004\r\nSUMMARY:Tag der Deutschen Einheit\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:20261225@holidays.slacalc\r\nDTSTAMP:19700101T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\nSUMMARY:Christmas\\; Day\\, 1\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";
    assert_eq!(text, want);
    let back = IcsImport::parse(&text, 2026..=2026, BERLIN).unwrap();
    assert_eq!(
        back.holidays[1],
        HolidayRule {
            name: Some("Christmas; Day, 1".into()),
            date: Some("2026-12-25".into()),
            ..HolidayRule::default()
        }
        .into()
    );
    let union: Calendar = serde_json::from_str(
        r#"{"union": [{"timezone": "UTC", "hours": {"mon": ["09:00-17:00"]}}]}"#,
    )
    .unwrap();
    assert!(matches!(
        union.holidays_to_ics(2026..=2026),
        Err(Error::InvalidArgument { .. })
    ));
}
