//! Helpers shared by the integration tests: short constructors for the values tests write
//! inline, the fixture loader, the checker of a markdown text's marked JSON blocks, and the
//! lock that keeps timed sections apart.

use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use slacalc::money::Money;
use slacalc::{Calendar, Event, EventKind};

/// An instant in RFC 3339, `"2026-03-10T10:00:00Z"`.
pub fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A date from its year, month and day.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("no date {y}-{m}-{d}"))
}

/// A decimal, `"12.50"`.
pub fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// An amount with its currency, `"12.50 EUR"`.
pub fn money(s: &str) -> Money {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A calendar from its JSON configuration.
pub fn cal(json: &str) -> Calendar {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

/// An event of `kind` at the instant `at`.
pub fn ev(at: &str, kind: EventKind) -> Event {
    Event::new(t(at), kind)
}

/// The text of a file under the crate's `fixtures/`, embedded at compile time:
/// `fixture!("contracts/cumulocity.json")`. The path may be a `concat!`.
macro_rules! fixture {
    ($path:expr) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/", $path))
    };
}
pub(crate) use fixture;

/// The crate's README.
pub const README: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));

/// The part of `markdown` from the first line that starts with `heading` (`"## Money"`) up to
/// the next heading of the same or a higher level (lines in fenced code blocks are not
/// headings), or to the end.
pub fn markdown_section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let start = markdown
        .match_indices(heading)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || markdown[..i].ends_with('\n'))
        .unwrap_or_else(|| panic!("no heading `{heading}`"));
    let level = heading.len() - heading.trim_start_matches('#').len();
    let mut end = start
        + markdown[start..]
            .find('\n')
            .map_or(markdown.len() - start, |i| i + 1);
    let mut in_fence = false;
    for line in markdown[end..].split_inclusive('\n') {
        let hashes = line.len() - line.trim_start_matches('#').len();
        if line.starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && (1..=level).contains(&hashes) && line[hashes..].starts_with(' ') {
            // The text before the next heading, without the newline that ends its last line.
            return &markdown[start..end - 1];
        }
        end += line.len();
    }
    &markdown[start..]
}

/// Parses every JSON block of `markdown` that follows a `<!-- Marker -->` comment with
/// `parse(marker, json)`, which returns `None` for a marker it does not know, and returns how
/// many blocks there were. Fails naming the block (counted from 1) on an unknown marker, a
/// marker without a JSON block after it, or a block that does not parse.
pub fn check_marked_json_blocks(
    markdown: &str,
    parse: impl Fn(&str, &str) -> Option<Result<(), serde_json::Error>>,
) -> usize {
    let mut checked = 0;
    for (i, chunk) in markdown.split("<!-- ").enumerate().skip(1) {
        let (kind, rest) = chunk
            .split_once(" -->")
            .unwrap_or_else(|| panic!("block {i}: unclosed marker"));
        let json = rest
            .split_once("```json\n")
            .and_then(|(_, r)| r.split_once("```"))
            .map(|(json, _)| json)
            .unwrap_or_else(|| panic!("block {i} ({kind}): no ```json block after the marker"));
        match parse(kind, json) {
            None => panic!("block {i}: unknown marker {kind}"),
            Some(parsed) => parsed.unwrap_or_else(|e| panic!("block {i} ({kind}): {e}")),
        }
        checked += 1;
    }
    checked
}

/// Whether `json` parses as a `T`: `Some(parses::<FeeSchedule>(json))` in a
/// [`check_marked_json_blocks`] closure.
pub fn parses<T: DeserializeOwned>(json: &str) -> Result<(), serde_json::Error> {
    serde_json::from_str::<T>(json).map(drop)
}

static TIMED: RwLock<()> = RwLock::new(());

/// Held by every section of code whose duration a test bounds, and by tests that start
/// threads of their own: the test threads of one binary run its tests side by side, and with
/// the lock no timed section runs beside another one or beside a test that occupies every
/// core. A panic while it is held (a bound missed) does not poison it for the tests that follow.
pub fn timed_section() -> RwLockWriteGuard<'static, ()> {
    TIMED.write().unwrap_or_else(PoisonError::into_inner)
}

/// Like [`timed_section`], for timed sections whose bounds allow for others of their kind
/// running at the same time (`limits`, which ran two at a time in its own binary): they run
/// beside each other, never beside a [`timed_section`].
#[allow(dead_code)] // used by `tests/timing/` only
pub fn timed_section_among_peers() -> RwLockReadGuard<'static, ()> {
    TIMED.read().unwrap_or_else(PoisonError::into_inner)
}
