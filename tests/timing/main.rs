//! The tests that bound how long calls take, in a binary of their own beside `tests/it/`.
//!
//! Under `cargo test` each test binary runs alone, while the tests inside one binary run side by
//! side on its test threads. In `tests/it/` a timed call would share the process with whatever
//! other test runs next to it; on the shared 2-core development machine that doubled the time
//! of `bounded`'s slowest call (`sub TimeDelta::MAX`: 0.60 s against its 0.5 s budget, where
//! this binary alone took 0.33 to 0.36 s at the same load). Here the only other tests are
//! these, and every timed section holds a lock: `bounded`'s run alone
//! ([`util::timed_section`]), `limits`' beside each other as they did in their own binary
//! ([`util::timed_section_among_peers`]), never beside `bounded`'s tight budgets.
//! Run them with `cargo test --test timing`.

// The helpers of `tests/it/`, one copy for both binaries; this one uses only a few of them.
#[allow(dead_code, unused_imports, unused_macros)]
#[path = "../it/util.rs"]
mod util;

mod bounded;
mod limits;
