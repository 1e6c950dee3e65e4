//! Design notes: how data flows through slacalc, the one clock, the one evaluation record, and
//! the order of the modules.
//!
//! # Data flows one way
//!
//! ```text
//! configuration (serde forms: plain strings and maps, exactly what users write)
//!    │  TryFrom / Deserialize — every check happens here, errors name the field
//!    ▼
//! validated domain types (Calendar, Catalog, Contract, FeeSchedule, …; immutable, Send + Sync)
//!    │  pure functions, `now` passed in
//!    ▼
//! results (Report, Invoice, AvailabilityReport, ComplianceReport, …;
//!          serde-serializable, Display for humans)
//! ```
//!
//! No function reads a clock, a file or the environment. Tests, examples and benches do the
//! I/O. Deserializing a validated type *is* validation: a [`Calendar`](crate::Calendar) read
//! from JSON either exists and is valid, or is an error that names the field and the value.
//!
//! # Configuration: one type, or a spec where the shape changes
//!
//! A configuration type whose validation only checks and types its fields is one public type
//! ([`MaintenanceWindow`](crate::availability::MaintenanceWindow),
//! [`Term`](crate::contract::Term), [`Lifecycle`](crate::contract::Lifecycle),
//! [`QueueConfig`](crate::queue::QueueConfig), [`CaseQuota`](crate::money::CaseQuota),
//! [`HourBudget`](crate::money::HourBudget), [`CreditPolicy`](crate::money::CreditPolicy),
//! [`HourlyRates`](crate::money::HourlyRates) with its [`Increment`](crate::money::Increment)
//! and [`Surcharges`](crate::money::Surcharges),
//! [`ComplianceTargets`](crate::report::ComplianceTargets), [`Incident`](crate::Incident)):
//! it reads and writes itself through `#[serde(try_from = "…Fields", into = "…Fields")]`,
//! where `…Fields` is a private struct of the fields as written, so the public API has one
//! type and deserializing validates. Its errors carry paths relative to the value; inside a
//! larger document `config::Invalid` marks them so that the outermost deserialization puts
//! the value's path in front (`billing.hour_budget.monthly_hours: invalid value …`).
//!
//! A `*Spec` stays apart from its domain type only where validation changes the shape, and its
//! docs say how in one sentence: calendars are compiled
//! ([`CalendarSpec`](crate::calendar::CalendarSpec),
//! [`AvailabilityAgreementSpec`](crate::availability::AvailabilityAgreementSpec),
//! [`TimeAndMaterialsSpec`](crate::calendar::TimeAndMaterialsSpec)), names are resolved
//! against a catalog ([`CatalogSpec`](crate::contract::CatalogSpec),
//! [`ContractSpec`](crate::ContractSpec), [`PlanSpec`](crate::contract::PlanSpec),
//! [`BillingSpec`](crate::contract::BillingSpec)), optional fields become one enum
//! ([`TargetSpec`](crate::contract::TargetSpec), [`LadderSpec`](crate::contract::LadderSpec)),
//! a rule tree is compiled ([`FeeScheduleSpec`](crate::money::FeeScheduleSpec)).
//!
//! **One way back to configuration: `XSpec::from(x)`.** The domain types of the pairs above
//! implement `From<X> for XSpec` (and from `&X` where they rebuild it), and serializing one
//! writes the same thing, since its serde `into` is that conversion (a [`Contract`](crate::Contract),
//! read back only against its catalog, does not serialize; [`Billing`](crate::contract::Billing)
//! is read through its contract's `spec().billing`). `From` was chosen over a method
//! because serde's `into` needs it anyway — a `to_spec()` beside it would be a second path that
//! could drift — and because it fits both kinds of type: a calendar, a catalog or a contract
//! keeps the spec it was built from (it cannot rebuild it: compiled intervals, merged holidays)
//! and hands that back, a plan, target or ladder rebuilds it from its parts. The types that keep
//! theirs also lend it by reference, `spec()` (the same value, borrowed); no public type has
//! a `to_spec`.
//!
//! # One mechanism, many uses
//!
//! - **The calendar** answers one question fast: how much business time lies in `[a, b)`, and
//!   where a given amount of it ends. It is compiled to UTC intervals with running totals of
//!   seconds, so [`add`](crate::Calendar::add), [`sub`](crate::Calendar::sub) and
//!   [`between`](crate::Calendar::between) are a lookup and a binary search at any span (see
//!   [performance](super::performance)).
//! - **Calendar algebra** (union, intersection, difference) produces calendars, so everything
//!   that takes a calendar takes a combination: follow-the-sun coverage is a union; "support
//!   hours the customer is also open" is an intersection; maintenance windows are a
//!   difference.
//! - **The clock** ([`Clock`](crate::Clock)) counts a calendar's business time from a start,
//!   minus pauses, until a stop. Every SLA metric is a clock with a target; every escalation
//!   ladder is a clock with steps; a periodic update is a clock restarted at each update. It
//!   is written once.
//! - **Availability** is the same arithmetic: downtime that counts = business time of (service
//!   hours − maintenance windows) ∩ outages; availability = 1 − downtime / service time.
//! - **Money** is separate arithmetic on `Decimal`, fed by counts and durations that the clock
//!   and the calendar produce (billable hours in and out of service hours, cases per quarter).
//!
//! # One evaluation, one record
//!
//! [`evaluate`](crate::evaluate()) computes each metric's clock once, into a record of what
//! happened to it ([`MetricReport`](crate::MetricReport)): when and by which event it started,
//! its running and paused intervals (and what paused them), fulfilment, deadline, breach.
//! Everything downstream reads that record: escalation steps, the next wake-up, the queue's
//! slack, compliance tallies, the SVG timeline, the report's `Display` (which shows each
//! metric's instants in the zone the record resolved with its calendar,
//! [`MetricReport::zone`](crate::MetricReport::zone)). None of them recomputes a clock, re-applies
//! pause rules, or resolves a calendar by name again (the one resolver knows the reporting
//! contact's region). When a consumer needs something the record lacks, it is added to the
//! record.
//!
//! The incident lifecycle is a table — every event against every metric state, saying what
//! starts, pauses, resumes, fulfils, reopens — written in the [`evaluate`](crate::guide::lifecycle)
//! module docs and run as a test. Policies a support organisation must choose (severity change,
//! reopen, pauses per severity, how business-day targets count from outside business hours) are
//! configuration with documented defaults ([contracts](crate::contract#catalogs-plans-targets-and-incidents)), never hidden
//! behaviour.
//!
//! # The layers
//!
//! Each module depends only on those before it in this list (tests excepted):
//!
//! | layer | module | concept |
//! | --- | --- | --- |
//! | 1 | `error` (private; [`Error`](crate::Error) at the root) | the one public [`Error`](crate::Error) type |
//! | 2 | [`time`](crate::time) | leaf vocabulary: [`TimeOfDay`](crate::time::TimeOfDay) (allows 24:00), [`Shift`](crate::time::Shift), weekday keys, durations and their text form |
//! | 3 | `config` (private) | helpers shared by the serde forms: strict maps, dates, paths in errors |
//! | 4 | `outcome` (private; [`TargetOutcome`](crate::TargetOutcome) at the root) | whether a measured figure reached its target |
//! | 5 | [`money`](crate::money) | currencies, rounding, fee schedules, quotas, hour budgets, credits, time and materials |
//! | 6 | [`calendar`](crate::calendar) | [`Calendar`](crate::Calendar), holidays and presets, business days, algebra |
//! | 7 | [`availability`](crate::availability) | service time minus maintenance, outages, availability credits |
//! | 8 | `incident` (private; [`Incident`](crate::Incident) at the root) | events and the validated incident |
//! | 9 | [`contract`](crate::contract) | catalogs, severities, metrics, targets, plans, ladders, entitlements, terms, lifecycle, money terms |
//! | 10 | `clock` (private; [`Clock`](crate::Clock) at the root) | the pausable business-time clock |
//! | 11 | `evaluate` (private; [`evaluate`](crate::evaluate()) and [`Report`](crate::Report) at the root, [lifecycle guide](crate::guide::lifecycle)) | `evaluate(contract, incident, now)`: the per-metric record, ladders, the next wake-up |
//! | 12 | [`agenda`](crate::agenda) | many open incidents: when anything next changes, and what (beside `queue`: neither imports the other) |
//! | 13 | [`queue`](crate::queue) | many open incidents: which to work on next |
//! | 14 | [`report`](crate::report) | many incidents: batch evaluation, compliance, CSV, SVG |
//! | 15 | [`statement`](crate::statement) ([`Statement`](crate::Statement) at the root) | a customer's month: charges, credits, availability, breaches, quota, hour budget |
//!
//! Public paths follow one rule (the crate docs' module map): the core nouns are at the root
//! and nowhere else; a family (`time`, `money`, `calendar`, `contract`, `availability`,
//! `agenda`, `queue`, `report`, `statement`) is a public namespace whose files are private, each item re-exported
//! once at the family level; every other module is private.
//!
//! Within a module the files are layered the same way: a `mod.rs` declares its files and
//! re-exports their public items, and the files import one another one way. In
//! [`calendar`](crate::calendar), for example, `model.rs` holds the [`Calendar`](crate::Calendar)
//! type (re-exported at the root only) and the parts extend it: `validate.rs` (a spec into a calendar) and `combination.rs`
//! (union, intersection, difference) check against `limits.rs`; `activity.rs` says which years
//! can hold business time; `compiled.rs` compiles and caches years and sums them from weekly
//! patterns; `query.rs` answers `add`, `sub`, `between` (the hot path, kept in one file),
//! `is_open`, `next_open` and `next_close` from the compiled years. In
//! `evaluate` (private), `report.rs` holds the record every step reads (metric
//! and step reports, pauses, cycles) and imports nothing of its module; `lifecycle.rs` →
//! `report.rs`; `context.rs` (what the metrics of one evaluation share) → `lifecycle.rs`;
//! `reading.rs` (a clock's reading into a metric's report) → `context.rs`, `report.rs`;
//! `cycles.rs` (periodic and earlier cycles) → `reading.rs`, `lifecycle.rs`; `metric.rs` →
//! `cycles.rs`, `reading.rs`; `ladder.rs` → `context.rs`, `lifecycle.rs`; `evaluation.rs` →
//! `metric.rs`, `ladder.rs`; `wake.rs` → `evaluation.rs`.
//!
//! Two checks anyone can run from the crate's root. The arrows between modules (each should
//! point up this table, to a lower layer number):
//!
//! ```sh
//! grep -rnoE "^\s*(pub(\(crate\))? )?use crate::[a-z_]+" src \
//!   | sed -E 's#^src/([a-z_]+)[^:]*:[0-9]+:.*use crate::#\1 -> #' | awk '$1 != $3' \
//!   | sort | uniq -c
//! ```
//!
//! and the arrows between the files of one module (`file -> sibling`; a name that is not a
//! file, such as `compile_into`, is an item of the module's `mod.rs`):
//!
//! ```sh
//! grep -rnoE "^[^/]*super::\{?[a-z_]+" src \
//!   | sed -E 's#^src/([a-z_/]+)\.rs:[0-9]+:.*super::\{?#\1 -> #' | sort -u
//! ```
//!
//! Between modules there is no upward arrow (the `calendar -> money` lines are
//! [`TimeAndMaterials`](crate::calendar::TimeAndMaterials), which classifies work by a
//! calendar and prices it with `money`; [`TargetOutcome`](crate::TargetOutcome) has a leaf
//! module of its own so that availability, which reads it, sits below the contracts that
//! carry an availability agreement), and no two modules import each other. Between
//! files there is no loop either: in `calendar/holiday/`, for instance, `compile.rs` (the
//! validation of the configuration forms) imports `spec.rs` (the forms), `fields.rs` (checks
//! of single fields), `clash.rs` (a date moved off an Easter feast) and `rule.rs` (the
//! validated rules); `rule.rs` imports `clash.rs`, and both import only files below them —
//! `easter.rs` (Western Easter and the days counted from it), `observance.rs` (how a weekend
//! holiday is observed, over `weekend.rs`), `shift.rs` (weekday shifts, moved dates, year
//! cycles), the calendars of `chinese.rs`, `hebrew.rs`, `japan.rs`, `orthodox.rs`,
//! `solar_term.rs` and `thai.rs`, and `table.rs` (dated tables, over `hijri.rs`), none of
//! which imports `rule.rs` or `clash.rs` back. No module imports the
//! crate root: each item is imported from the module that defines it
//! (`crate::calendar::model::Calendar`, `crate::error::Error`), so the root's re-exports sit
//! above everything and point down. What the checks do not count: a file importing its own
//! module's `mod.rs` items (`use super::{Calendar, Kind}`), and the `-> testing` lines: unit tests using the test-only `testing` module, whose literal
//! constructors (`t` an instant, `d` a decimal, `date` a day) are one file,
//! `tests/util/literals.rs`, that the integration tests include too.
//!
//! # Deliberate exceptions
//!
//! Where the code departs from the rules above on purpose, and why:
//!
//! - **Public `serialize` / `deserialize` methods on some configuration types.** A type that
//!   names the path of a bad value in serde's errors derives its serde forms with
//!   `#[serde(remote = "Self")]` and wraps them (`config::tracked_serde!`). Serde makes the
//!   derived functions inherent methods with the type's own visibility, so rustdoc lists them
//!   on the public specs (`CalendarSpec`, `ContractSpec`, `PlanSpec`, `LadderSpec`,
//!   `CatalogSpec`, `BillingSpec`, `TimeAndMaterialsSpec`, `AvailabilityAgreementSpec`,
//!   `FeeScheduleSpec`) and on `FeeInputs`, `CreditInputs`, `Usage`, `Outage` and
//!   `WorkInterval`. Hiding them would take a second, private copy of every field list (the
//!   folded types have one because their validation needs it anyway). They read and write
//!   the same forms as the trait methods; only the trait's `deserialize` puts the path in
//!   front of a message.
//! - **Paths that are data.** Validators check their own value and the caller adds the
//!   segment with [`Error::at`](crate::Error::at). A few functions still take a path because
//!   it is part of what they produce or check: the fee rule tree, whose nodes keep their
//!   paths for invoice lines, and the money helpers that report on those nodes
//!   (`config_amount`, the checked arithmetic); the paths a plan lists for its business-day
//!   targets and steps (`Plan::business_day_calendars`), which the catalog and the contract
//!   check against calendars only they hold and quote in their messages; the combination
//!   limits of `calendar/limits.rs`, which name the member they found too deep or too large;
//!   and the shared readers `parse_date` and `parse_percent`, which serde's visitors call with
//!   an empty path.
//! - **What an error expects is text.** [`Error::InvalidValue`](crate::Error::InvalidValue)
//!   names the path and the value as written, and says in words what would have been
//!   accepted (`expected`): the accepted forms are as varied as the configuration (a
//!   percentage, a currency code, a shift, a list of event names), and a message is what a
//!   person fixing the file reads.
