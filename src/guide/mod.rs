//! The guide: slacalc's long-form documentation, as doc-only modules (nothing here is code).
//!
//! Start with the [crate docs](crate) (a runnable example, the module map and the recipes);
//! come here for the whole story of one topic. Every JSON example on these pages is inside a
//! doctest that parses it as the type it documents and checks what it computes.
//!
//! # Configuration reference
//!
//! One page per family of configuration, in the order the data flows:
//!
//! | page | configures |
//! | --- | --- |
//! | [`config_calendar`] | calendars: time zone, weekly shifts, holidays (every form, presets), exceptions, operations, union / intersection / difference |
//! | [`config_contract`] | catalogs, severities, plans, targets and their forms, pause rules, severity-change and reopen policies, a customer's terms, incident events |
//! | [`config_entitlements`] | channels, channel rules, named contacts, case quotas at the door, support levels, the contract term, product lifecycle and extended maintenance |
//! | [`config_ladder`] | escalation ladders: triggers, halts, firing, validation; the next wake-up |
//! | [`config_money`] | money values, currencies and rounding, fee schedules, case quotas, hour budgets, service credits |
//! | [`config_availability`] | availability agreements: service hours, maintenance, outages, the target |
//! | [`config_time_and_materials`] | hourly billing with surcharges, increments and a daily cap |
//! | [`config_queue`] | the queue's keys, explanations and incremental use |
//! | [`config_report`] | batch evaluation, compliance periods, targets and statistics, CSV, SVG |
//!
//! # Background
//!
//! - [`design`]: data flow, one clock mechanism, one evaluation record, the layers and how to
//!   check them.
//! - [`dst`]: what a calendar counts when the clocks change, with a gap and a fold.
//! - [`guarantees`]: inputs and guarantees (no panic, no hang, no silent wrong answer, strict
//!   configuration, determinism), errors, how correctness is tested.
//! - [`lifecycle`]: the incident lifecycle behind [`evaluate`](crate::evaluate()): metric
//!   states, policies, escalation ladders, the next wake-up.
//! - [`clock`]: the pausable SLA [`Clock`](crate::Clock) and its semantics.
//! - [`holidays`]: holiday rule forms, the built-in presets and their date tables.
//! - [`time_and_materials`]: how work is classified and priced, and how amounts are computed.
//! - [`compliance`]: compliance reports, their definitions and layout.
//! - [`performance`]: how the work is bounded, measured figures and the commands that reproduce
//!   them.

pub mod clock;
pub mod compliance;
pub mod config_availability;
pub mod config_calendar;
pub mod config_contract;
pub mod config_entitlements;
pub mod config_ladder;
pub mod config_money;
pub mod config_queue;
pub mod config_report;
pub mod config_time_and_materials;
pub mod design;
pub mod dst;
pub mod guarantees;
pub mod holidays;
pub mod lifecycle;
pub mod performance;
pub mod time_and_materials;
