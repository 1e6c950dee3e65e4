//! Structured configuration with one injected defect: a duplicate key, an unknown field or
//! a malformed date (or none), in calendars, incidents and credit inputs, at sizes from tiny
//! to thousands of entries.
//!
//! The documents are written as JSON text (a `serde_json::Value` cannot hold a duplicate key).
//! Checks: nothing panics; a document with a defect is refused, and the message names the
//! defect (`duplicate key `mon``, `unknown field `note``, `invalid date ` 026-01-01``) and, for
//! events, the event's path (`events[3]`); a document without one loads (or, past a size
//! limit of the crate, is refused for its size — never for a defect it does not have); a
//! calendar that loads serializes and reads back to an equal calendar.
#![no_main]

use std::fmt::Write as _;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use slacalc::money::CreditInputs;
use slacalc::{Calendar, Incident};

#[derive(Arbitrary, Debug)]
enum Defect {
    None,
    DuplicateKey(u16),
    UnknownField(u16),
    MalformedDate(u16, BadDate),
}

/// Ways a date is not `YYYY-MM-DD`.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum BadDate {
    LeadingSpace,
    TrailingSpace,
    ShortYear,
    SignedYear,
    FiveDigitYear,
    NoDashes,
    Slashes,
    OneDigitMonth,
    DayOutOfRange,
    MonthOutOfRange,
    Fullwidth,
    Empty,
    WithTime,
}

impl BadDate {
    fn render(self, year: u16, month: u8, day: u8) -> String {
        let (y, m, d) = (year, month, day);
        match self {
            BadDate::LeadingSpace => format!(" {:03}-{m:02}-{d:02}", y % 1000),
            BadDate::TrailingSpace => format!("{y:04}-{m:02}-{d:02} "),
            BadDate::ShortYear => format!("{:02}-{m:02}-{d:02}", y % 100),
            BadDate::SignedYear => format!("+{y:04}-{m:02}-{d:02}"),
            BadDate::FiveDigitYear => format!("1{y:04}-{m:02}-{d:02}"),
            BadDate::NoDashes => format!("{y:04}{m:02}{d:02}"),
            BadDate::Slashes => format!("{y:04}/{m:02}/{d:02}"),
            BadDate::OneDigitMonth => format!("{y:04}-{}-{d:02}", m % 10),
            BadDate::DayOutOfRange => format!("{y:04}-02-30"),
            BadDate::MonthOutOfRange => format!("{y:04}-13-{d:02}"),
            BadDate::Fullwidth => format!("２{:03}-{m:02}-{d:02}", y % 1000),
            BadDate::Empty => String::new(),
            BadDate::WithTime => format!("{y:04}-{m:02}-{d:02}T00:00:00Z"),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Doc {
    Calendar {
        zone: u8,
        /// Per weekday (in order, up to seven), the number of shifts (mod 25).
        days: Vec<u8>,
        holidays: Count,
        exceptions: Count,
    },
    Incident {
        events: u8,
        pause: bool,
    },
    Credit {
        breaches: Count,
    },
}

/// A count of entries: small, or up to some thousands.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Count {
    Small(u8),
    Large(u16),
}

impl Count {
    fn get(self) -> usize {
        match self {
            Count::Small(n) => usize::from(n % 8),
            Count::Large(n) => usize::from(n % 5000),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    doc: Doc,
    defect: Defect,
}

const ZONES: [&str; 6] = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Pacific/Apia",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The `i`-th distinct date from `first_year` on, `YYYY-MM-DD` (28 days a month).
fn date(first_year: u16, i: usize) -> (u16, u8, u8) {
    let month_index = i / 28;
    let year = first_year + (month_index / 12) as u16;
    ((year), (month_index % 12) as u8 + 1, (i % 28) as u8 + 1)
}

fn ymd((y, m, d): (u16, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// What the document must be refused for, if anything: the words its message must contain.
struct Expect {
    words: Vec<String>,
}

fn calendar(
    zone: u8,
    days: &[u8],
    holidays: usize,
    exceptions: usize,
    defect: &Defect,
) -> (String, Expect) {
    let mut words = Vec::new();
    let mut hours: Vec<(String, String)> = Vec::new();
    for (i, n) in days.iter().take(7).enumerate() {
        let n = usize::from(n % 25);
        let shifts: Vec<String> = (0..n).map(|h| format!("\"{h:02}:00-{h:02}:30\"")).collect();
        hours.push((DAYS[i].to_owned(), format!("[{}]", shifts.join(", "))));
    }
    // Holidays from 2026, exceptions from 2600: never the same date.
    let mut holiday_list: Vec<String> = (0..holidays)
        .map(|i| format!("\"{}\"", ymd(date(2026, i))))
        .collect();
    let mut exception_list: Vec<(String, String)> = (0..exceptions)
        .map(|i| (ymd(date(2600, i)), "[\"10:00-11:00\"]".to_owned()))
        .collect();
    let mut extra_top = String::new();
    match *defect {
        Defect::None => {}
        Defect::DuplicateKey(k) => {
            if k % 2 == 0 {
                if hours.is_empty() {
                    hours.push(("mon".into(), "[]".into()));
                }
                let i = usize::from(k) % hours.len();
                let dup = hours[i].clone();
                words.push(format!("duplicate key `{}`", dup.0));
                hours.push(dup);
            } else {
                if exception_list.is_empty() {
                    exception_list.push((ymd(date(2600, 0)), "[]".into()));
                }
                let i = usize::from(k) % exception_list.len();
                let dup = exception_list[i].clone();
                words.push(format!("duplicate key `{}`", dup.0));
                exception_list.push(dup);
            }
        }
        Defect::UnknownField(k) => {
            if k % 2 == 0 {
                extra_top = ", \"timezon\": \"UTC\"".into();
                words.push("unknown field `timezon`".into());
            } else {
                holiday_list.push(r#"{"name": "x", "month": 1, "day": 2, "dya": 3}"#.into());
                words.push("unknown field `dya`".into());
            }
        }
        Defect::MalformedDate(k, bad) => {
            let bad = bad.render(2026, (k % 12) as u8 + 1, (k % 28) as u8 + 1);
            words.push(format!("invalid date `{bad}`"));
            let bad_json = serde_json::to_string(&bad).unwrap_or_default();
            if k % 2 == 0 {
                let at = usize::from(k) % (holiday_list.len() + 1);
                holiday_list.insert(at, bad_json);
            } else {
                exception_list.push((bad, "[]".into()));
            }
        }
    }
    let mut json = format!(
        "{{\"timezone\": \"{}\"",
        ZONES[usize::from(zone) % ZONES.len()]
    );
    json.push_str(", \"hours\": {");
    for (i, (k, v)) in hours.iter().enumerate() {
        let _ = write!(json, "{}\"{k}\": {v}", if i > 0 { ", " } else { "" });
    }
    json.push_str("}, \"holidays\": [");
    json.push_str(&holiday_list.join(", "));
    json.push_str("], \"exceptions\": {");
    for (i, (k, v)) in exception_list.iter().enumerate() {
        let key = serde_json::to_string(k).unwrap_or_default();
        let _ = write!(json, "{}{key}: {v}", if i > 0 { ", " } else { "" });
    }
    json.push('}');
    json.push_str(&extra_top);
    json.push('}');
    (json, Expect { words })
}

fn incident(events: u8, pause: bool, defect: &Defect) -> (String, Expect) {
    let mut kinds: Vec<&str> = vec!["reported"];
    kinds.push("responded");
    for i in 0..usize::from(events % 40) {
        if pause && i % 4 == 1 {
            kinds.push("awaiting_customer");
            kinds.push("customer_replied");
        } else {
            kinds.push("update_sent");
        }
    }
    kinds.push("resolved");
    kinds.push("closed");
    let mut words = Vec::new();
    let target = match *defect {
        Defect::None => None,
        Defect::DuplicateKey(k) | Defect::UnknownField(k) | Defect::MalformedDate(k, _) => {
            Some(usize::from(k) % kinds.len())
        }
    };
    let mut items = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        let (h, m) = (9 + i / 60, i % 60);
        let mut at = format!("2026-03-10T{h:02}:{m:02}:00Z");
        let mut extra = String::new();
        if target == Some(i) {
            words.push(format!("events[{i}]"));
            match *defect {
                Defect::DuplicateKey(_) => {
                    extra = format!(", \"kind\": \"{kind}\"");
                    words.push("duplicate field `kind`".into());
                }
                Defect::UnknownField(_) => {
                    extra = ", \"note\": \"x\"".into();
                    words.push("unknown field `note`".into());
                }
                Defect::MalformedDate(_, bad) => {
                    at = match bad {
                        BadDate::Empty => String::new(),
                        BadDate::LeadingSpace => format!(" {at}"),
                        BadDate::WithTime | BadDate::TrailingSpace => {
                            format!("2026-03-10T{h:02}:{m:02}:00")
                        }
                        other => other.render(2026, 3, 10),
                    };
                    words.push(format!("events[{i}].at: invalid instant"));
                }
                Defect::None => {}
            }
        }
        let severity = if *kind == "reported" {
            ", \"severity\": \"1\""
        } else {
            ""
        };
        items.push(format!(
            "{{\"at\": {}, \"kind\": \"{kind}\"{severity}{extra}}}",
            serde_json::to_string(&at).unwrap_or_default()
        ));
    }
    (
        format!("{{\"id\": \"f\", \"events\": [{}]}}", items.join(", ")),
        Expect { words },
    )
}

fn credit(breaches: usize, defect: &Defect) -> (String, Expect) {
    let mut words = Vec::new();
    let mut entries: Vec<String> = (0..breaches)
        .map(|i| format!("\"s{i}\": {}", i % 7))
        .collect();
    let mut field = "availability";
    match *defect {
        Defect::None | Defect::MalformedDate(..) => {}
        Defect::DuplicateKey(k) => {
            if entries.is_empty() {
                entries.push("\"s0\": 1".into());
            }
            let i = usize::from(k) % entries.len();
            words.push(format!("duplicate key `s{i}`"));
            entries.push(format!("\"s{i}\": 9"));
        }
        Defect::UnknownField(_) => {
            field = "availabilty";
            words.push("unknown field `availabilty`".into());
        }
    }
    (
        format!(
            "{{\"monthly_fee\": \"2000.00 EUR\", \"{field}\": \"97.5\", \"breaches\": {{{}}}}}",
            entries.join(", ")
        ),
        Expect { words },
    )
}

/// Refused exactly when a defect was injected, and then for it; never refused for a defect
/// that is not there. A large document may also be refused for its size (a limit of the
/// crate checked before the defect is reached), but never accepted with a defect.
fn check<T>(
    json: &str,
    result: Result<T, serde_json::Error>,
    expect: &Expect,
    large: bool,
) -> Option<T> {
    let defect_words = [
        "duplicate",
        "unknown field",
        "invalid date",
        "invalid instant",
    ];
    match result {
        Ok(t) => {
            assert!(
                expect.words.is_empty(),
                "accepted a defect {:?}: {json}",
                expect.words
            );
            Some(t)
        }
        Err(e) => {
            let message = e.to_string();
            if expect.words.is_empty() {
                // Only a size limit may refuse a document without a defect.
                assert!(
                    !defect_words.iter().any(|w| message.contains(w)),
                    "refused for a defect it does not have: {message}\n{json}"
                );
            } else if !large {
                for w in &expect.words {
                    assert!(
                        message.contains(w.as_str()),
                        "`{message}` does not name `{w}`\n{json}"
                    );
                }
            }
            None
        }
    }
}

fuzz_target!(|input: Input| {
    match input.doc {
        Doc::Calendar {
            zone,
            days,
            holidays,
            exceptions,
        } => {
            let (json, expect) =
                calendar(zone, &days, holidays.get(), exceptions.get(), &input.defect);
            // Within the limits checked at load (shifts per day and per week): a document
            // over them is refused for its size, like a large one.
            let shifts: Vec<usize> = days.iter().take(7).map(|n| usize::from(n % 25)).collect();
            let small = holidays.get() < 8
                && exceptions.get() < 8
                && shifts.iter().all(|&n| n <= slacalc::calendar::MAX_SHIFTS_PER_DAY)
                && shifts.iter().sum::<usize>() <= slacalc::calendar::MAX_WEEKLY_SHIFTS;
            let result = serde_json::from_str::<Calendar>(&json);
            if let Some(cal) = check(&json, result, &expect, !small) {
                let back: Calendar =
                    serde_json::from_str(&serde_json::to_string(&cal).unwrap()).unwrap();
                assert_eq!(back, cal);
            } else if expect.words.is_empty() {
                assert!(
                    !small,
                    "a small calendar without a defect was refused: {json}"
                );
            }
        }
        Doc::Incident { events, pause } => {
            let (json, expect) = incident(events, pause, &input.defect);
            let result = serde_json::from_str::<Incident>(&json);
            check(&json, result, &expect, false);
        }
        Doc::Credit { breaches } => {
            let (json, expect) = credit(breaches.get(), &input.defect);
            let result = serde_json::from_str::<CreditInputs>(&json);
            check(&json, result, &expect, false);
        }
    }
});
