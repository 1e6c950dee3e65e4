//! Runs every conformance vector file under `$SLACALC_CONFORMANCE_DIR` (default: the verbatim
//! copy in `tests/vectors/`), recursively, dispatching on each file's shape. Prints every
//! mismatch with file, case index, expected and actual value, and a closing line
//! `conformance: N passed, M failed, K vectors skipped`.
//!
//! A vector is skipped only when the build's tz data differs from the vectors' (tzdata
//! 2025b) over that vector's zone and span, and then it is printed by name with the first
//! difference; with the lock file's chrono-tz every case runs and the stored 2025b offsets are
//! checked against the build's. See `conformance/tzdata.rs`.

#[path = "conformance/tzdata.rs"]
mod tzdata;

use std::collections::BTreeMap;
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
    /// Vectors skipped because the build's tz data differs over them, with the reason.
    skipped_vectors: Vec<String>,
    mismatches: Vec<String>,
}

impl Tally {
    /// Whether to run vector `name`, by its tz-data decision (vectors without a zone run).
    fn admit(&mut self, name: &str, decisions: &BTreeMap<String, tzdata::Decision>) -> bool {
        match decisions.get(name) {
            None | Some(tzdata::Decision::Run) => true,
            Some(tzdata::Decision::Skip(reason)) => {
                self.skipped_vectors.push(reason.clone());
                false
            }
            Some(tzdata::Decision::Stale(reason)) => {
                // The stored offsets are wrong; the cases still run.
                self.failed += 1;
                self.mismatches.push(reason.clone());
                true
            }
        }
    }

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

fn run_calendar_file(
    name: &str,
    doc: &Value,
    decisions: &BTreeMap<String, tzdata::Decision>,
    tally: &mut Tally,
) {
    if !tally.admit(name, decisions) {
        return;
    }
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

fn run_clock_file(
    name: &str,
    doc: &Value,
    decisions: &BTreeMap<String, tzdata::Decision>,
    tally: &mut Tally,
) {
    for group in doc["groups"].as_array().unwrap() {
        let gname = format!("{name} [{}]", group["name"].as_str().unwrap_or("?"));
        if !tally.admit(&gname, decisions) {
            continue;
        }
        let cal = calendar_of(&group["calendar"]);
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

/// The tz-data decision for every vector with a zone, from the stored offsets and the
/// build's tzdata version and data.
fn decisions(
    dir: &Path,
    paths: &[PathBuf],
    stored: &tzdata::Stored,
    build_tzdb: &str,
) -> BTreeMap<String, tzdata::Decision> {
    tzdata::zoned_vectors(dir, paths)
        .into_iter()
        .map(|(name, (zone, span))| {
            let decision = tzdata::decide(
                &name,
                &zone,
                span,
                stored.vectors.get(&name),
                &stored.tzdb,
                build_tzdb,
                |s| tzdata::offsets_over(&s.zone, s.from, s.to),
            );
            (name, decision)
        })
        .collect()
}

/// Runs the vector files `paths` under `dir`.
fn run(dir: &Path, paths: &[PathBuf], decisions: &BTreeMap<String, tzdata::Decision>) -> Tally {
    let mut tally = Tally::default();
    for path in paths {
        let name = path.strip_prefix(dir).unwrap_or(path).display().to_string();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if doc.get("calendar").is_some() && doc.get("cases").is_some() {
            run_calendar_file(&name, &doc, decisions, &mut tally);
        } else if doc.get("groups").is_some() {
            run_clock_file(&name, &doc, decisions, &mut tally);
        } else if doc.get("years").is_some() && doc.get("holidays").is_some() {
            run_holiday_file(&name, &doc, &mut tally);
        } else {
            tally.skipped_files.push(name);
        }
    }
    tally
}

fn vectors_dir() -> PathBuf {
    std::env::var_os("SLACALC_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors"))
}

fn stored_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(tzdata::STORED)
}

fn read_stored() -> tzdata::Stored {
    let path = stored_path();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn conformance() {
    let dir = vectors_dir();
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    assert!(!paths.is_empty(), "no vector files under {}", dir.display());
    if std::env::var_os("SLACALC_WRITE_VECTOR_OFFSETS").is_some() {
        let stored = tzdata::generate(&tzdata::zoned_vectors(&dir, &paths), slacalc::TZDB_VERSION);
        let text = serde_json::to_string_pretty(&stored).unwrap() + "\n";
        std::fs::write(stored_path(), text).unwrap();
        println!("wrote {}", stored_path().display());
    }
    let stored = read_stored();
    let build_tzdb = slacalc::TZDB_VERSION;
    println!(
        "tz data: the build's {build_tzdb}, the vectors' {} ({} vectors with a zone stored)",
        stored.tzdb,
        stored.vectors.len()
    );
    let decisions = decisions(&dir, &paths, &stored, build_tzdb);
    let tally = run(&dir, &paths, &decisions);
    for m in &tally.mismatches {
        println!("MISMATCH {m}");
    }
    for s in &tally.skipped_files {
        println!("skipped (kind not supported yet): {s}");
    }
    for s in &tally.skipped_vectors {
        println!("skipped (tz data differs): {s}");
    }
    println!(
        "conformance: {} passed, {} failed, {} vectors skipped",
        tally.passed,
        tally.failed,
        tally.skipped_vectors.len()
    );
    assert_eq!(tally.failed, 0, "{} conformance cases failed", tally.failed);
    if build_tzdb == stored.tzdb {
        assert!(tally.skipped_vectors.is_empty());
    }
}

/// The decisions with the stored offsets of another tzdata release: a vector whose zone's
/// offsets differ over its span is skipped, by name, and its cases do not run; the others run
/// and pass. Simulated by pretending the stored offsets are of "2024a" and moving the first
/// change of one vector's zone by an hour.
#[test]
fn vectors_whose_tz_data_differs_are_skipped_by_name() {
    let dir = vectors_dir();
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    let mut stored = read_stored();
    stored.tzdb = "2024a".to_string();
    let doctored = "calendars/newfoundland.json";
    let span = stored.vectors.get_mut(doctored).unwrap();
    assert!(span.offsets.len() > 1, "{doctored} spans offset changes");
    let (t, _) = span.offsets[1];
    span.offsets[1].0 = t + chrono::TimeDelta::hours(1);
    let decisions = decisions(&dir, &paths, &stored, slacalc::TZDB_VERSION);
    let skipped: Vec<&String> = decisions
        .iter()
        .filter(|(_, d)| matches!(d, tzdata::Decision::Skip(_)))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(skipped, vec![doctored]);
    let tzdata::Decision::Skip(reason) = &decisions[doctored] else {
        unreachable!()
    };
    assert!(
        reason.starts_with(&format!(
            "{doctored}: tzdata {} differs from the vectors' 2024a for America/St_Johns",
            slacalc::TZDB_VERSION
        )),
        "{reason}"
    );
    // Run only the calendar files: the doctored one is skipped, the rest pass in full.
    let calendars: Vec<PathBuf> = paths
        .into_iter()
        .filter(|p| p.starts_with(dir.join("calendars")))
        .collect();
    let tally = run(&dir, &calendars, &decisions);
    assert_eq!(tally.failed, 0, "{:?}", tally.mismatches);
    assert_eq!(tally.skipped_vectors, vec![reason.clone()]);
    // Every case of the other calendar files ran: 1,210 cases in all (see the files), 120 of
    // them Newfoundland's.
    assert_eq!(tally.passed, 1_210 - 120);
}

/// The decisions when the stored offsets are of the build's own release: equal offsets run;
/// offsets that differ, or a span the stored one does not cover, fail (the stored file is
/// stale) rather than skip.
#[test]
fn stale_stored_offsets_fail() {
    let from: chrono::DateTime<chrono::Utc> = "2024-01-01T00:00:00Z".parse().unwrap();
    let to: chrono::DateTime<chrono::Utc> = "2025-01-01T00:00:00Z".parse().unwrap();
    let live = tzdata::offsets_over("Europe/Berlin", from, to);
    // 2024-03-31T01:00Z and 2024-10-27T01:00Z.
    assert_eq!(
        live,
        vec![
            (from, 3600),
            ("2024-03-31T01:00:00Z".parse().unwrap(), 7200),
            ("2024-10-27T01:00:00Z".parse().unwrap(), 3600),
        ]
    );
    let stored = tzdata::Span {
        zone: "Europe/Berlin".into(),
        from,
        to,
        offsets: live.clone(),
    };
    let decide = |stored: &tzdata::Span, span, build: &str| {
        tzdata::decide(
            "v",
            "Europe/Berlin",
            span,
            Some(stored),
            "2025b",
            build,
            |s| tzdata::offsets_over(&s.zone, s.from, s.to),
        )
    };
    assert_eq!(decide(&stored, (from, to), "2025b"), tzdata::Decision::Run);
    assert_eq!(decide(&stored, (from, to), "2099z"), tzdata::Decision::Run);
    let mut wrong = stored.clone();
    wrong.offsets[1].1 = 3600 + 1800;
    assert!(matches!(
        decide(&wrong, (from, to), "2025b"),
        tzdata::Decision::Stale(_)
    ));
    assert_eq!(
        decide(&wrong, (from, to), "2099z"),
        tzdata::Decision::Skip(
            "v: tzdata 2099z differs from the vectors' 2025b for Europe/Berlin between \
             2024-01-01 00:00:00 UTC and 2025-01-01 00:00:00 UTC (first difference 2025b has \
             5400 s from 2024-03-31 01:00:00 UTC, 2099z 7200 s from 2024-03-31 01:00:00 UTC)"
                .into()
        )
    );
    let later: chrono::DateTime<chrono::Utc> = "2025-06-01T00:00:00Z".parse().unwrap();
    assert!(matches!(
        decide(&stored, (from, later), "2099z"),
        tzdata::Decision::Stale(_)
    ));
    assert!(matches!(
        tzdata::decide(
            "v",
            "Europe/Berlin",
            (from, to),
            None,
            "2025b",
            "2025b",
            |_| vec![]
        ),
        tzdata::Decision::Stale(_)
    ));
}
