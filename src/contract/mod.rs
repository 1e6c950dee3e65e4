//! Support catalogs (a vendor's severities, calendars and plans) and customer contracts.
//!
//! A [`Catalog`] is what a vendor publishes: severity classes, named calendars (regions,
//! service hours) and plans with targets per severity and metric. A [`Contract`] is one
//! customer's agreement: a plan of a catalog, the customer's region and holidays, a start
//! date and overrides of any target. Both come from serde configuration and are validated on
//! the way in; a contract compiles its calendars once so that evaluating incidents against it
//! is fast.

mod agreement;
mod catalog;
mod entitlement;
mod intake;
mod ladder;
mod levels;
mod lifecycle;
mod metric;
mod names;
mod pause;
mod plan;
mod target;
mod target_form;
mod term;

pub use agreement::{Contract, ContractSpec, ContractTermsSpec};
pub use catalog::{Catalog, CatalogSpec, Severity};
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
pub use metric::{Metric, StartRule};
pub use names::{BUSINESS, WALL_CLOCK};
pub use pause::{PauseRule, MAX_PAUSE_RULES};
pub use plan::{
    DowngradePolicy, Plan, PlanSpec, ReopenPolicy, SeverityChangePolicy, UpgradePolicy,
};
pub use target::{CountFrom, Target, TargetSpec};
pub use target_form::TargetForm;
pub use term::{Term, TermSpec};
