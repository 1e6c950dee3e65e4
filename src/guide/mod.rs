//! The guide: slacalc's long-form documentation, as doc-only modules (nothing here is code).
//!
//! Start with the [crate docs](crate) (a runnable example, the module map and the recipes);
//! come here for the whole story of one topic. Every JSON example on these pages is inside a
//! doctest that parses it as the type it documents and checks what it computes.
//!
//! # Configuration reference
//!
//! Each family module's docs are its configuration reference, in the order the data flows
//! (escalation ladders are with the [`lifecycle`] they drive):
//!
//! | module docs | configure |
//! | --- | --- |
//! | [calendar](crate::calendar#configuration-reference) | calendars: time zone, weekly shifts, holidays (every form, presets), exceptions, special hours, operations, union / intersection / difference |
//! | [contract](crate::contract#catalogs-plans-targets-and-incidents) | catalogs, severities, plans, targets and their forms, pause rules, severity-change and reopen policies, a customer's terms, incident events |
//! | [contract: entitlements](crate::contract#entitlements-terms-and-lifecycle) | channels, channel rules, named contacts, case quotas at the door, support levels, the contract term, product lifecycle and extended maintenance |
//! | [escalation ladders](crate::guide::lifecycle#escalation-ladders) | escalation ladders: triggers, halts, firing, validation; the next wake-up |
//! | [money](crate::money#configuration-reference) | money values, currencies and rounding, fee schedules, case quotas, hour budgets, service credits |
//! | [availability](crate::availability#configuration-reference) | availability agreements: service hours, maintenance, outages, the target |
//! | [calendar::TimeAndMaterials](crate::calendar::TimeAndMaterials#configuration-reference) | hourly billing with surcharges, increments and a daily cap |
//! | [queue](crate::queue#configuration-reference) | the queue's keys, explanations and incremental use |
//! | [report](crate::report#configuration-reference) | batch evaluation, compliance periods, targets and statistics, CSV, SVG |
//! | [statement](crate::statement#configuration-reference) | a contract's money terms (a plan's published `fee`, a contract's `billing`: agreed fee, extras, credits, availability, hour budget, time and materials) and a month's usage |
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
pub mod design;
pub mod dst;
pub mod guarantees;
pub mod holidays;
pub mod lifecycle;
pub mod performance;
pub mod time_and_materials;
