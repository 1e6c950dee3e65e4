//! Support catalogs (a vendor's severities, calendars and plans) and customer contracts.
//!
//! A [`Catalog`](crate::Catalog) is what a vendor publishes: severity classes, named calendars (regions,
//! service hours) and plans with targets per severity and metric. A [`Contract`] is one
//! customer's agreement: a plan of a catalog, the customer's region and holidays, a start
//! date and overrides of any target. Both come from serde configuration and are validated on
//! the way in; a contract compiles its calendars once so that evaluating incidents against it
//! is fast.
//!
//! # Calendars by name
//!
//! Targets, ladder steps, channels (`hours`) and support levels name the calendar their time
//! counts on, under the configuration key `clock`: `24x7` ([`WALL_CLOCK`], every instant),
//! `business` ([`BUSINESS`], the contract's region with its holidays, or the region of the
//! contact who reported the incident) or a calendar of the catalog.
//! [`Contract::calendar`] and [`Contract::calendar_for`] resolve those names.
//!
//! # Where things live
//!
//! | file | concept |
//! | --- | --- |
//! | `catalog.rs` | [`Catalog`](crate::Catalog), [`Severity`]: what a vendor publishes |
//! | `agreement.rs` | [`Contract`], [`ContractSpec`](crate::ContractSpec): one customer's contract, compiled |
//! | `term.rs` | [`Term`]: initial term, renewals, notice |
//! | `plan.rs` | [`Plan`] and its policies (severity change, downgrade, upgrade, reopen) |
//! | `metric.rs`, `target.rs`, `target_form.rs` | [`Metric`], [`StartRule`]; [`Target`] and its deadlines; [`TargetForm`] in text |
//! | `pause.rs` | [`PauseRule`]: the events that halt a metric's or a ladder's clock |
//! | `ladder.rs` | [`Ladder`], [`Step`], [`Trigger`]: escalation ladders |
//! | `entitlement.rs` | channels, channel rules, contact limits, support levels |
//! | `intake.rs` | [`Contract::check_intake`] and its [`IntakeDecision`] |
//! | `levels.rs` | [`Contract::level_spans`]: which support level held an incident when |
//! | `lifecycle.rs` | release lines and their support status |
//! | `names.rs` | the built-in calendar names and the checks of configured names |
//!
//! Within the module, files import only files below them in the flow names → pause rules,
//! metrics → target forms → targets → ladders → plans → catalog → contract → intake and
//! levels (`grep -n "use super::" src/contract/*.rs`).

pub(crate) mod agreement;
pub(crate) mod catalog;
mod entitlement;
mod intake;
mod ladder;
mod levels;
mod lifecycle;
pub(crate) mod metric;
mod names;
mod pause;
mod plan;
mod target;
mod target_form;
mod term;

pub(crate) use agreement::Contract;
pub use catalog::{CatalogSpec, Severity};
pub use entitlement::{
    ChannelRule, ChannelSpec, ContactLimits, ContactSpec, DayKind, EntitlementSpec, Party,
    SupportLevel,
};
pub use intake::{Intake, IntakeDecision, IntakeRequest, Refusal};
pub use ladder::{Ladder, LadderSpec, Step, StepSpec, Trigger};
pub use levels::LevelSpan;
pub use lifecycle::{
    ExtendedMaintenance, Lifecycle, LifecycleSpec, ReleaseLine, SupportStatus, Version,
    VersionStatus,
};
pub(crate) use metric::Metric;
pub use metric::StartRule;
pub use names::{BUSINESS, WALL_CLOCK};
pub use pause::{PauseRule, MAX_PAUSE_RULES};
pub use plan::{
    DowngradePolicy, Plan, PlanSpec, ReopenPolicy, SeverityChangePolicy, UpgradePolicy,
};
pub use target::{CountFrom, Target, TargetSpec};
pub use target_form::TargetForm;
pub use term::{Term, TermSpec};
