//! Compares every built-in holiday preset with its reference file under
//! `$SLACALC_PRESETS_DIR` (default: the verbatim copy in `tests/presets/` of
//! `../shared/presets`), for every year of the file (2000–2035), as the folder's README says:
//!
//! - the set of the preset's holiday dates in those years equals the file's set of dates
//!   (names are informative only);
//! - a date the file marks `"estimated": true` matches a preset holiday on that date or one day
//!   either side;
//! - in a file with a `note` (the reference says its own data is incomplete) only the file's
//!   dates are required: the preset may have more.
//!
//! Every shipped preset must match fully. The reference files of presets not shipped yet are
//! listed by name (and do not fail the test), so the gap stays visible; so is any preset that
//! has no reference file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use serde_json::Value;
use slacalc::calendar::BusinessDays;
use slacalc::calendar::Holidays;

struct Reference {
    key: String,
    first: i32,
    last: i32,
    /// Whether the file carries a `note` (only its dates are required).
    incomplete: bool,
    /// Date → (name, estimated).
    dates: BTreeMap<NaiveDate, (String, bool)>,
}

fn reference(path: &Path) -> Reference {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let doc: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let year = |i: usize| i32::try_from(doc["years"][i].as_i64().unwrap()).unwrap();
    let mut dates = BTreeMap::new();
    for h in doc["holidays"].as_array().unwrap() {
        let date = NaiveDate::parse_from_str(h["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let name = h["name"].as_str().unwrap_or("").to_owned();
        let estimated = h["estimated"].as_bool().unwrap_or(false);
        let entry = dates.entry(date).or_insert((String::new(), true));
        if !entry.0.is_empty() {
            entry.0.push_str("; ");
        }
        entry.0.push_str(&name);
        // A date is estimated only when every entry on it is.
        entry.1 = entry.1 && estimated;
    }
    Reference {
        key: doc["name"].as_str().unwrap().to_owned(),
        first: year(0),
        last: year(1),
        incomplete: doc.get("note").is_some_and(|n| !n.is_null()),
        dates,
    }
}

fn near(d: NaiveDate) -> [Option<NaiveDate>; 3] {
    [
        d.checked_sub_days(Days::new(1)),
        Some(d),
        d.checked_add_days(Days::new(1)),
    ]
}

/// The mismatches of preset `r.key` against its reference.
fn compare(r: &Reference) -> Vec<String> {
    let preset = match Holidays::preset(&r.key) {
        Ok(p) => p,
        Err(e) => return vec![format!("{}: cannot load: {e}", r.key)],
    };
    let got: BTreeMap<NaiveDate, String> = (r.first..=r.last)
        .flat_map(|y| preset.in_year(y))
        .map(|h| (h.date, h.name))
        .collect();
    let mut out = Vec::new();
    // Preset dates accounted for by an estimated reference date one day away.
    let mut matched_nearby: BTreeSet<NaiveDate> = BTreeSet::new();
    for (d, (name, estimated)) in &r.dates {
        if got.contains_key(d) {
            continue;
        }
        if *estimated {
            if let Some(n) = near(*d).into_iter().flatten().find(|n| got.contains_key(n)) {
                matched_nearby.insert(n);
                continue;
            }
        }
        let e = if *estimated {
            " (estimated: ±1 day)"
        } else {
            ""
        };
        out.push(format!("{}: missing {d} {name}{e}", r.key));
    }
    if !r.incomplete {
        for (d, name) in &got {
            if !r.dates.contains_key(d) && !matched_nearby.contains(d) {
                out.push(format!("{}: extra {d} {name}", r.key));
            }
        }
    }
    out
}

#[test]
fn presets_match_their_reference_files() {
    let dir = std::env::var_os("SLACALC_PRESETS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/presets"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no reference files under {}",
        dir.display()
    );

    let mut mismatches = Vec::new();
    let mut matched = Vec::new();
    let mut not_shipped = Vec::new();
    let mut with_reference = BTreeSet::new();
    for path in &paths {
        let r = reference(path);
        assert_eq!(
            path.file_stem().and_then(|s| s.to_str()),
            Some(r.key.as_str()),
            "{}: file name and `name` differ",
            path.display()
        );
        with_reference.insert(r.key.clone());
        if !Holidays::PRESETS.contains(&r.key.as_str()) {
            not_shipped.push(r.key);
            continue;
        }
        let m = compare(&r);
        if m.is_empty() {
            matched.push(r.key);
        } else {
            mismatches.extend(m);
        }
    }
    let without_reference: Vec<&str> = Holidays::PRESETS
        .iter()
        .copied()
        .filter(|k| !with_reference.contains(*k))
        .collect();

    for m in &mismatches {
        println!("MISMATCH {m}");
    }
    println!(
        "presets: {} shipped and matching their reference ({})",
        matched.len(),
        matched.join(" ")
    );
    println!(
        "presets: {} reference files not shipped yet ({})",
        not_shipped.len(),
        not_shipped.join(" ")
    );
    println!(
        "presets: {} shipped without a reference file ({})",
        without_reference.len(),
        without_reference.join(" ")
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatched dates in shipped presets",
        mismatches.len()
    );
    assert!(
        without_reference.is_empty(),
        "shipped presets without a reference file: {without_reference:?}"
    );
}

/// A calendar on a table-based preset (Malaysia): business days summed year by year equal one
/// call over the whole span, across the end of the Islamic tables (2077), after which their
/// holidays continue by the arithmetic Islamic calendar.
#[test]
fn table_based_preset_in_a_calendar_counts_consistently() {
    use slacalc::Calendar;
    let cal = Calendar::from_json(
        r#"{"timezone": "Asia/Kuala_Lumpur",
            "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
                      "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]},
            "holidays": [{"preset": "my"}]}"#,
    )
    .unwrap();
    let date = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    let mut by_year = 0;
    for y in 2060..2110 {
        by_year += cal
            .business_days_between(date(y), date(y + 1))
            .map(BusinessDays::get)
            .unwrap();
    }
    assert_eq!(
        cal.business_days_between(date(2060), date(2110))
            .map(BusinessDays::get)
            .unwrap(),
        by_year
    );
    // 2026: 261 weekdays, less the holidays on weekdays (observed days included).
    let holidays = Holidays::preset("my").unwrap();
    let weekday_holidays = holidays
        .dates_in_year(2026)
        .into_iter()
        .filter(|d| chrono::Datelike::weekday(d).num_days_from_monday() < 5)
        .count();
    assert_eq!(
        cal.business_days_between(date(2026), date(2027))
            .map(BusinessDays::get)
            .unwrap(),
        261 - i64::try_from(weekday_holidays).unwrap()
    );
    // The Islamic holidays continue by the arithmetic Islamic calendar, which does not repeat
    // with the Gregorian 400-year cycle: as with open-ended Easter rules, counts far outside
    // the computed range are refused rather than extrapolated.
    assert!(matches!(
        cal.business_days_between(date(2500), date(2900))
            .map(BusinessDays::get),
        Err(slacalc::Error::OutOfRange { .. })
    ));
}
