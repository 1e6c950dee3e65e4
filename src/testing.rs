//! Helpers for the unit tests, shared with the integration tests: the literal constructors
//! live in `tests/util/literals.rs`, written once for both.

#[path = "../tests/util/literals.rs"]
mod literals;

pub(crate) use literals::{d, date, t};
