//! The tz data of the conformance vectors against the build's.
//!
//! The vectors' expected values were computed with IANA tzdata 2025b (the vectors' README);
//! slacalc depends on a semver range of chrono-tz, so a build may link newer data. For each
//! vector with a zone (a calendar file, a business-days file, a group of the clock file) the
//! file [`STORED`] keeps the zone's UTC offsets in 2025b over the vector's time span: every
//! instant and date its cases name, inputs and expected values alike, with [`MARGIN`] either
//! side — an answer depends on the offsets between the instants a case names and on the local
//! days around them, nowhere else (an answer "none", for a calendar with no business time,
//! depends on no offset).
//!
//! At run time the runner compares the build's offsets over each stored span with the stored
//! ones:
//!
//! - same tzdata version as the stored file (CI, with the lock file's chrono-tz 0.10.4): the
//!   offsets must be equal (else the stored file is stale and the test fails), and every case
//!   runs;
//! - another version: a vector whose zone's offsets differ over its span is skipped and
//!   printed by name with the first difference; every other vector runs as usual.
//!
//! # Regenerating the stored offsets
//!
//! Only needed when `tests/vectors` changes (the runner fails, naming the vector, when a
//! vector's span is not covered by the stored one). With the lock file's chrono-tz (tzdata
//! 2025b, the vectors' data; the generator refuses any other):
//!
//! ```text
//! SLACALC_WRITE_VECTOR_OFFSETS=1 cargo test --test conformance
//! ```
//!
//! writes [`STORED`] from the build's data and the vectors, then runs the vectors as usual.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The stored offsets, relative to the crate root.
pub const STORED: &str = "tests/conformance/vector-offsets.json";

/// The tzdata release the vectors were computed with (their README says so).
pub const VECTORS_TZDB: &str = "2025b";

/// Days added either side of the instants and dates a vector names: a local date reads
/// instants within ±26 hours of its UTC date, and a shift of a date ends within two days.
const MARGIN: i64 = 3 * 86_400;

/// Sampling step for finding offset changes (tz data has no two changes within an hour).
const STEP: i64 = 3600;

/// The stored file.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stored {
    /// How the file was made.
    pub about: String,
    /// The tzdata release of the offsets.
    pub tzdb: String,
    /// One entry per vector with a zone, by name.
    pub vectors: BTreeMap<String, Span>,
}

/// A vector's zone and span, and the zone's offsets over it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// IANA zone name.
    pub zone: String,
    /// Start of the span (inclusive).
    pub from: DateTime<Utc>,
    /// End of the span (exclusive).
    pub to: DateTime<Utc>,
    /// `[instant, offset in seconds from then on]`: the first at `from`, then every change.
    pub offsets: Vec<(DateTime<Utc>, i32)>,
}

/// What the runner does with a vector.
#[derive(Debug, PartialEq)]
pub enum Decision {
    /// Run every case.
    Run,
    /// Skip the vector, for the reason given.
    Skip(String),
    /// The stored offsets are wrong for their own tzdata version or do not cover the vector:
    /// a failure, for the reason given.
    Stale(String),
}

fn offset(tz: &Tz, t: i64) -> i32 {
    let dt = DateTime::from_timestamp(t, 0).unwrap_or_else(|| panic!("instant {t} out of range"));
    tz.offset_from_utc_datetime(&dt.naive_utc())
        .fix()
        .local_minus_utc()
}

fn instant(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).unwrap_or_else(|| panic!("instant {t} out of range"))
}

/// The build's offsets of `zone` over `[from, to)`: the offset at `from`, then each change
/// (hourly samples, bisected to the second).
pub fn offsets_over(
    zone: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, i32)> {
    let tz: Tz = zone.parse().unwrap_or_else(|e| panic!("zone {zone}: {e}"));
    let (start, end) = (from.timestamp(), to.timestamp());
    let mut out = vec![(from, offset(&tz, start))];
    let (mut prev_t, mut prev) = (start, offset(&tz, start));
    while prev_t < end - 1 {
        let t = (prev_t + STEP).min(end - 1);
        let off = offset(&tz, t);
        if off != prev {
            let (mut lo, mut hi) = (prev_t, t);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset(&tz, mid) == prev {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            prev = offset(&tz, hi);
            out.push((instant(hi), prev));
            prev_t = hi;
        } else {
            prev_t = t;
        }
    }
    out
}

/// The span of the instants and dates named anywhere in `cases`, with [`MARGIN`] either side.
pub fn span_of(cases: &Value) -> Option<Interval> {
    fn walk(v: &Value, out: &mut Vec<i64>) {
        match v {
            Value::String(s) => {
                if let Ok(t) = s.parse::<DateTime<Utc>>() {
                    out.push(t.timestamp());
                } else if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                    out.push(d.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp());
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut named = Vec::new();
    walk(cases, &mut named);
    let (lo, hi) = (named.iter().min()?, named.iter().max()?);
    Some((instant(lo - MARGIN), instant(hi + MARGIN + 1)))
}

/// A UTC span `[from, to)`.
pub type Interval = (DateTime<Utc>, DateTime<Utc>);

/// Vectors with a zone: name → (zone, span).
pub type ZonedVectors = BTreeMap<String, (String, Interval)>;

/// The vectors with a zone under `dir`: name, zone and span, sorted by name. A file's name is
/// its path under `dir`; a clock group's is `<file> [<group>]`, as the runner prints it.
pub fn zoned_vectors(dir: &Path, paths: &[std::path::PathBuf]) -> ZonedVectors {
    let mut out = BTreeMap::new();
    for path in paths {
        let name = path.strip_prefix(dir).unwrap_or(path).display().to_string();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut add = |name: String, calendar: &Value, cases: &Value| {
            if let (Some(zone), Some(span)) = (calendar["timezone"].as_str(), span_of(cases)) {
                out.insert(name, (zone.to_string(), span));
            }
        };
        if let Some(groups) = doc["groups"].as_array() {
            for g in groups {
                let gname = format!("{name} [{}]", g["name"].as_str().unwrap_or("?"));
                add(gname, &g["calendar"], &g["cases"]);
            }
        } else if doc.get("calendar").is_some() {
            add(name, &doc["calendar"], &doc["cases"]);
        }
    }
    out
}

/// The stored offsets for the vectors, from the build's data.
pub fn generate(vectors: &ZonedVectors, build_tzdb: &str) -> Stored {
    assert_eq!(
        build_tzdb, VECTORS_TZDB,
        "the stored offsets must be the vectors' tz data: generate them with chrono-tz 0.10.4 \
         (the lock file's version)"
    );
    Stored {
        about: "UTC offsets of each conformance vector's zone over the instants its cases name \
                (three days either side), in the tz data the vectors were computed with. Made by \
                `SLACALC_WRITE_VECTOR_OFFSETS=1 cargo test --test conformance` (see \
                tests/conformance/tzdata.rs)."
            .to_string(),
        tzdb: build_tzdb.to_string(),
        vectors: vectors
            .iter()
            .map(|(name, (zone, (from, to)))| {
                let span = Span {
                    zone: zone.clone(),
                    from: *from,
                    to: *to,
                    offsets: offsets_over(zone, *from, *to),
                };
                (name.clone(), span)
            })
            .collect(),
    }
}

/// What to do with vector `name` (zone `zone`, span `span`), given the stored offsets of
/// tzdata `stored_tzdb`, the build's tzdata version and the build's offsets over the stored
/// span (`live`).
pub fn decide(
    name: &str,
    zone: &str,
    span: Interval,
    stored: Option<&Span>,
    stored_tzdb: &str,
    build_tzdb: &str,
    live: impl FnOnce(&Span) -> Vec<(DateTime<Utc>, i32)>,
) -> Decision {
    let Some(stored) = stored else {
        return Decision::Stale(format!(
            "{name}: no stored offsets (regenerate {STORED}, see tests/conformance/tzdata.rs)"
        ));
    };
    if stored.zone != zone || stored.from > span.0 || stored.to < span.1 {
        return Decision::Stale(format!(
            "{name}: stored offsets cover {} {}..{}, the vector needs {zone} {}..{} (regenerate \
             {STORED}, see tests/conformance/tzdata.rs)",
            stored.zone, stored.from, stored.to, span.0, span.1
        ));
    }
    let live = live(stored);
    if live == stored.offsets {
        return Decision::Run;
    }
    let first_difference = stored
        .offsets
        .iter()
        .zip(&live)
        .find(|(a, b)| a != b)
        .map(|(a, b)| {
            format!(
                "{stored_tzdb} has {} s from {}, {build_tzdb} {} s from {}",
                a.1, a.0, b.1, b.0
            )
        })
        .unwrap_or_else(|| {
            format!(
                "{} offset changes in {stored_tzdb}, {} in {build_tzdb}",
                stored.offsets.len() - 1,
                live.len() - 1
            )
        });
    if stored_tzdb == build_tzdb {
        Decision::Stale(format!(
            "{name}: the stored {stored_tzdb} offsets of {zone} differ from the build's, also \
             {build_tzdb} ({first_difference}): regenerate {STORED}"
        ))
    } else {
        Decision::Skip(format!(
            "{name}: tzdata {build_tzdb} differs from the vectors' {stored_tzdb} for {zone} \
             between {} and {} (first difference {first_difference})",
            stored.from, stored.to
        ))
    }
}
