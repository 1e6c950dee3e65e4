//! Runs every conformance vector file under `$SLACALC_CONFORMANCE_DIR` (default: the verbatim
//! copy in `tests/vectors/`), recursively, dispatching on each file's shape. Prints every
//! mismatch with file, case index, expected and actual value, and a closing line
//! `conformance: N passed, M failed`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde_json::Value;
use slacalc::calendar::BusinessDays;
use slacalc::calendar::{CalendarSpec, Holidays};
use slacalc::{Calendar, Clock, ClockEvent, ClockEventKind};

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    skipped_files: Vec<String>,
    mismatches: Vec<String>,
}

impl Tally {
    fn check(&mut self, file: &str, index: usize, case: &Value, expected: &Value, got: Value) {
        if *expected == got {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.mismatches.push(format!(
                "{file} case {index}: {case}\n    expected {expected}\n    got      {got}"
            ));
        }
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

fn instant(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

fn opt_instant(r: Option<DateTime<Utc>>) -> Value {
    match r {
        Some(t) => Value::String(t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        None => Value::Null,
    }
}

fn calendar_of(v: &Value) -> Calendar {
    let spec: CalendarSpec = serde_json::from_value(v.clone()).unwrap();
    Calendar::try_from(spec).unwrap()
}

fn run_calendar_file(name: &str, doc: &Value, tally: &mut Tally) {
    let cal = calendar_of(&doc["calendar"]);
    for (i, case) in doc["cases"].as_array().unwrap().iter().enumerate() {
        let expected = &case["expect"];
        let got = match case["op"].as_str().unwrap() {
            "add" | "sub" => {
                let at = instant(&case["at"]);
                let d = TimeDelta::seconds(case["seconds"].as_i64().unwrap());
                let r = if case["op"] == "add" {
                    cal.add(at, d)
                } else {
                    cal.sub(at, d)
                };
                match r {
                    Ok(t) => opt_instant(Some(t)),
                    Err(slacalc::Error::NoBusinessTime { .. }) => Value::Null,
                    Err(e) => Value::String(format!("error: {e}")),
                }
            }
            "between" => {
                let d = cal
                    .between(instant(&case["from"]), instant(&case["to"]))
                    .unwrap();
                assert_eq!(d.subsec_nanos(), 0);
                Value::from(d.num_seconds())
            }
            "is_open" => Value::Bool(cal.is_open(instant(&case["at"]))),
            "next_open" => match cal.next_open(instant(&case["at"])) {
                Ok(t) => opt_instant(t),
                Err(e) => Value::String(format!("error: {e}")),
            },
            "next_close" => match cal.next_close(instant(&case["at"])) {
                Ok(t) => opt_instant(t),
                Err(e) => Value::String(format!("error: {e}")),
            },
            "is_business_day" => Value::Bool(cal.is_business_day(date(&case["date"]))),
            "add_days" => {
                match cal.add_business_days(
                    date(&case["date"]),
                    BusinessDays(case["days"].as_i64().unwrap()),
                ) {
                    Ok(d) => Value::String(d.to_string()),
                    Err(e) => Value::String(format!("error: {e}")),
                }
            }
            "days_between" => {
                match cal
                    .business_days_between(date(&case["from"]), date(&case["to"]))
                    .map(BusinessDays::get)
                {
                    Ok(n) => Value::from(n),
                    Err(e) => Value::String(format!("error: {e}")),
                }
            }
            other => Value::String(format!("unknown op {other}")),
        };
        tally.check(name, i, case, expected, got);
    }
}

fn run_clock_file(name: &str, doc: &Value, tally: &mut Tally) {
    for group in doc["groups"].as_array().unwrap() {
        let cal = calendar_of(&group["calendar"]);
        let gname = format!("{name} [{}]", group["name"].as_str().unwrap_or("?"));
        for (i, case) in group["cases"].as_array().unwrap().iter().enumerate() {
            let events: Vec<ClockEvent> = case["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let kind = match e["kind"].as_str().unwrap() {
                        "start" => ClockEventKind::Start,
                        "pause" => ClockEventKind::Pause,
                        "resume" => ClockEventKind::Resume,
                        "stop" => ClockEventKind::Stop,
                        other => panic!("{gname} case {i}: unknown event kind {other}"),
                    };
                    ClockEvent::new(instant(&e["at"]), kind)
                })
                .collect();
            let target = TimeDelta::seconds(case["target_seconds"].as_i64().unwrap());
            let got = match Clock::from_events(&events)
                .and_then(|c| c.read(&cal, target, instant(&case["now"])))
            {
                Ok(r) => serde_json::json!({
                    "state": r.state.as_str(),
                    "elapsed": r.elapsed.num_seconds(),
                    "deadline": opt_instant(r.deadline),
                }),
                Err(e) => Value::String(format!("error: {e}")),
            };
            tally.check(&gname, i, case, &case["expect"], got);
        }
    }
}

/// A holiday-set file `{"name", "years": [first, last], "holidays": [{"date", "name"}]}`:
/// compares the dates of `Holidays::preset(name)` over those years with the file's. Counts one
/// case per expected date (passed when the preset has it) plus one failed case per date the
/// preset has and the file does not. Names are informative only.
fn run_holiday_file(file: &str, doc: &Value, tally: &mut Tally) {
    let name = doc["name"].as_str().unwrap();
    let years = doc["years"].as_array().unwrap();
    let (first, last) = (
        i32::try_from(years[0].as_i64().unwrap()).unwrap(),
        i32::try_from(years[1].as_i64().unwrap()).unwrap(),
    );
    let preset = match Holidays::preset(name) {
        Ok(p) => p,
        Err(e) => {
            tally.failed += 1;
            tally
                .mismatches
                .push(format!("{file}: preset `{name}`: {e}"));
            return;
        }
    };
    let expected: std::collections::BTreeMap<NaiveDate, &str> = doc["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (date(&h["date"]), h["name"].as_str().unwrap_or("")))
        .collect();
    let got: std::collections::BTreeMap<NaiveDate, String> = (first..=last)
        .flat_map(|y| preset.in_year(y))
        .map(|h| (h.date, h.name))
        .collect();
    let (passed_before, failed_before) = (tally.passed, tally.failed);
    for (i, (d, n)) in expected.iter().enumerate() {
        let case = serde_json::json!({"date": d.to_string(), "name": n});
        let found = match got.get(d) {
            Some(g) => Value::String(format!("{d} {g}")),
            None => Value::String("missing".into()),
        };
        let want = match got.get(d) {
            Some(_) => found.clone(),
            None => Value::String(format!("{d} {n}")),
        };
        tally.check(file, i, &case, &want, found);
    }
    for (d, g) in got.iter().filter(|(d, _)| !expected.contains_key(d)) {
        let case = serde_json::json!({"date": d.to_string(), "name": g});
        tally.check(
            file,
            expected.len(),
            &case,
            &Value::String("no holiday".into()),
            Value::String(format!("extra {d} {g}")),
        );
    }
    println!(
        "{file}: preset `{name}` over {first}-{last}: {} of {} dates match, {} cases failed",
        tally.passed - passed_before,
        expected.len(),
        tally.failed - failed_before
    );
}

#[test]
fn conformance() {
    let dir = std::env::var_os("SLACALC_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors"));
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    assert!(!paths.is_empty(), "no vector files under {}", dir.display());
    let mut tally = Tally::default();
    for path in &paths {
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .display()
            .to_string();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if doc.get("calendar").is_some() && doc.get("cases").is_some() {
            run_calendar_file(&name, &doc, &mut tally);
        } else if doc.get("groups").is_some() {
            run_clock_file(&name, &doc, &mut tally);
        } else if doc.get("years").is_some() && doc.get("holidays").is_some() {
            run_holiday_file(&name, &doc, &mut tally);
        } else {
            tally.skipped_files.push(name);
        }
    }
    for m in &tally.mismatches {
        println!("MISMATCH {m}");
    }
    for s in &tally.skipped_files {
        println!("skipped (kind not supported yet): {s}");
    }
    println!(
        "conformance: {} passed, {} failed",
        tally.passed, tally.failed
    );
    assert_eq!(tally.failed, 0, "{} conformance cases failed", tally.failed);
}
