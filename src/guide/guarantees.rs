//! Inputs and guarantees: what slacalc trusts, what it promises, how errors read, and how that
//! is tested.
//!
//! # Inputs and guarantees
//!
//! What slacalc trusts and what it guarantees, for a service that feeds it configuration written
//! by hand and events sent by other systems:
//!
//! - **Untrusted**: every configuration document (calendars, catalogs, contracts, fee schedules,
//!   availability agreements) and every event, instant and duration. Nothing is trusted to be in
//!   range, in order or consistent.
//! - **No panic**: library code has no `unwrap`, `expect`, `panic!` or unchecked indexing that
//!   input can reach; clippy's `unwrap_used`, `expect_used`, `panic` and `indexing_slicing` lints
//!   deny them in `src/` (`.ci/run` runs clippy). Arithmetic on instants, durations and money is
//!   checked: overflow is [`Error::OutOfRange`](crate::Error::OutOfRange) or
//!   [`Error::ArithmeticOverflow`](crate::Error::ArithmeticOverflow). No `unsafe` code
//!   (`#![forbid(unsafe_code)]`).
//! - **No hang**: every operation's work is bounded independent of the values involved: searches
//!   jump over empty years and whole 400-year cycles instead of walking, so a calendar open one
//!   hour in 2090 queried from 1970, an intersection that never opens, or ten million business
//!   days all answer in microseconds to milliseconds (`tests/timing/bounded.rs` holds each pathological
//!   case to a hard time budget). Calendar sizes are limited at load (shifts per day, holiday
//!   rules, exceptions, special-hours rules, calendars and depth of a combination; an error names the field); within
//!   them every call takes at most 10 ms, the first one too, and a calendar at most 64 MiB (limits and bounds in the
//!   [`calendar`](crate::calendar) module docs, held by `tests/timing/limits.rs`).
//! - **No silent wrong answer**: bad input is an [`Error`](crate::Error) naming the config path
//!   (`hours.mon[1]`, `plans.premium.targets.crisis.reaction.within`) or the event index
//!   (`events[3]`) and the bad value (`tests/it/errors.rs` pins the message of every variant). Where
//!   an exact answer is not available — open-ended Easter holidays outside 1583–2599 — the answer
//!   is an error, not an extrapolation or a `None`.
//! - **Strict configuration**: every type that deserializes refuses unknown fields (event kinds
//!   without data included), every map refuses a key given twice (``hours: duplicate key `mon` ``),
//!   and every date is exactly `YYYY-MM-DD`. Serde errors of the configuration types name the
//!   path from the document's root whatever the entry point (`fee.graduated.bands[0].percent`,
//!   `events[3].at`) and, where it helps, the expected form.
//!   Values that would load but could never be evaluated are refused at load: business-day
//!   counts above 10,000 (targets and ladder steps), hour budgets above 100,000 hours a month.
//!   Fee, credit and budget arithmetic is exact or refused
//!   ([`Error::InexactArithmetic`](crate::Error::InexactArithmetic)), and totals keep the
//!   currency's minor units (`600.00 EUR`).
//! - **Deterministic**: no clock, file, network or environment access; no hash-ordered
//!   collections; the same inputs give byte-identical serialized reports whatever the host time
//!   zone, thread or cache state (`tests/it/determinism.rs`). The only state is a cache that cannot
//!   change an answer: the embedded holiday presets are parsed once, and each zone's offset
//!   changes and each calendar's compiled years are memoized per process, all pure functions of
//!   data compiled into the crate.
//! - **How it is tested**: conformance vectors from independent reference implementations,
//!   property tests against naive minute-by-minute references, fuzz targets over configuration
//!   parsing, calendar arithmetic across chrono's whole range and incident evaluation, and a
//!   structure-aware one that injects duplicate keys, unknown fields and malformed dates
//!   (`fuzz/`: eleven findings, each kept as an ordinary regression test in
//!   `tests/it/fuzz_regressions.rs` or `tests/it/strict_config.rs`; on the fixed code the first four
//!   targets ran over ten minutes without a new one, `strict_config` two minutes so far).
//!
//! # Errors
//!
//! One [`slacalc::Error`](crate::Error) enum (`#[non_exhaustive]`, `Clone + PartialEq`), each
//! message naming the config path and the bad value. Deserializing a `Calendar` directly reports
//! errors through serde's error (which keeps line and column); deserialize a
//! [`CalendarSpec`](crate::calendar::CalendarSpec) and call `Calendar::try_from(spec)` to get the typed
//! `Error`:
//!
//! ```
//! use slacalc::{Calendar, Error};
//! use slacalc::calendar::CalendarSpec;
//!
//! let message = |json: &str| -> Result<String, Box<dyn std::error::Error>> {
//!     let spec: CalendarSpec = serde_json::from_str(json)?;
//!     Ok(Calendar::try_from(spec).err().ok_or("accepted")?.to_string())
//! };
//! assert_eq!(
//!     message(r#"{"timezone": "UTC", "hours": {"mon": ["08:00-12:00", "8-17"]}}"#)?,
//!     "hours.mon[1]: invalid shift `8-17`: expected HH:MM-HH:MM with times from 00:00 to 24:00"
//! );
//! assert_eq!(
//!     message(r#"{"timezone": "Mars/Olympus"}"#)?,
//!     "timezone: unknown time zone `Mars/Olympus`: expected an IANA name such as \
//!      `Europe/Berlin` (names are case-sensitive)"
//! );
//! assert_eq!(
//!     message(r#"{"timezone": "UTC", "holidays": ["2026-12-24"],
//!                 "exceptions": {"2026-12-24": ["08:00-12:00"]}}"#)?,
//!     "exceptions.2026-12-24: 2026-12-24 is both a holiday and an exception; \
//!      a date may be only one of them"
//! );
//! // The typed error can be matched on.
//! let spec: CalendarSpec = serde_json::from_str(r#"{"timezone": "Mars/Olympus"}"#)?;
//! assert!(matches!(Calendar::try_from(spec), Err(Error::UnknownTimeZone { .. })));
//! // Reading the validated type directly gives serde's error, with the same message.
//! let direct = serde_json::from_str::<Calendar>(r#"{"timezone": "Mars/Olympus"}"#);
//! assert!(direct.err().ok_or("accepted")?.to_string().contains("unknown time zone `Mars/Olympus`"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! More messages are quoted in each family's configuration reference
//! ([calendars](crate::calendar#configuration-reference),
//! [contracts](crate::contract#catalogs-plans-targets-and-incidents),
//! [ladders](crate::guide::lifecycle#escalation-ladders), [money](crate::money#configuration-reference)).
//!
//! # Correctness
//!
//! `tests/conformance.rs` runs every vector file under `tests/vectors/` — a verbatim copy of the
//! project's shared conformance data, computed by independent reference implementations — and
//! prints `conformance: N passed, M failed`. Point it elsewhere with
//! `SLACALC_CONFORMANCE_DIR=/path cargo test --test conformance`. Property tests compare the fast
//! path with a deliberately naive minute-by-minute reference on random calendars in zones with
//! odd offsets and DST.
