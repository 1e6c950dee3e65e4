//! The integration tests, one module per area, built as one test binary (as jiff does): one
//! link instead of twenty. Run them with `cargo test --test it`, one area with
//! `cargo test --test it money::`. The conformance runner (`tests/conformance.rs`), the
//! property tests (`tests/properties.rs`) and the tests that bound how long calls take
//! (`tests/timing/`, which says why) are binaries of their own.
//!
//! Shared helpers live in [`util`] (`tests/timing/` includes it too). The few sections here
//! whose duration a test bounds hold [`util::timed_section`], as does the test that starts
//! threads of its own, so that those never run side by side.
//!
//! proptest keeps the failures it has found for a module here in
//! `tests/proptest-regressions/<module>.txt` (its default place for a source file below a
//! `main.rs`: a `proptest-regressions` folder beside that file's folder) and replays them first.

mod util;

mod agenda;
mod availability;
mod calendar_edges;
mod calendar_exact;
mod contracts;
mod determinism;
mod entitlements;
mod errors;
mod escalation;
mod fuzz_regressions;
#[cfg(feature = "icalendar")]
mod ics;
mod iso_durations;
mod lifecycle;
mod money;
mod periodicity;
mod presets;
mod queue;
mod report;
mod report_text;
mod shared_calendars;
mod statement;
mod strict_config;
mod target_forms;
