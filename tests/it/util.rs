//! Helpers shared by the integration tests: short constructors for the values tests write
//! inline, the fixture loader and the
//! lock that keeps timed sections apart.

use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use slacalc::Money;
use slacalc::{Calendar, Event, EventKind};

#[path = "../util/literals.rs"]
mod literals;

/// `t` (an instant), `d` (a decimal) and `date` (a date), shared with the unit tests.
pub(crate) use literals::{d, date, t};

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
