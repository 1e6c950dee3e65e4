//! Who may ask for what, through which channel, how often — and which support level holds an
//! incident.
//!
//! A plan lists its channels (with their hours), channel rules per severity, contact limits,
//! a case quota and its support levels; a contract names its contacts (each with a default
//! region). [`Contract::check_intake`](super::Contract::check_intake) applies all of it at the
//! door and answers with an [`Intake`] or a typed [`Refusal`].

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::lifecycle::{SupportStatus, Version, VersionStatus};
use crate::error::Error;
use crate::money::{CaseQuotaSpec, QuotaUsage};

/// A channel a plan offers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelSpec {
    /// The clock (calendar name) during which the channel is staffed; default `24x7`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
}

/// On which days a channel rule applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum DayKind {
    /// Every day (the default).
    #[default]
    Any,
    /// Business days of the contract's business calendar.
    BusinessDays,
    /// Days that are not business days.
    NonBusinessDays,
}

/// Which channels incidents of some severities may be reported through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelRule {
    /// The severities the rule applies to.
    pub severities: Vec<String>,
    /// On which days.
    #[serde(default)]
    pub when: DayKind,
    /// The channels allowed (Cumulocity: a Crisis only by `phone`; on non-business days,
    /// critical and standard incidents on the `portal`).
    pub channels: Vec<String>,
}

/// How many named contacts a plan allows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactLimits {
    /// At least this many (Comarch Advanced: 2).
    #[serde(default)]
    pub min: u32,
    /// At most this many; absent = unlimited (Comarch Basic: 1, Advanced: 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// Who runs a support level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Party {
    /// The customer (Kosmos, COSYS: the customer runs the first level).
    Customer,
    /// The vendor (the default).
    #[default]
    Vendor,
}

/// A support level (N1, N2, N3 …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportLevel {
    /// The key used in `level_changed` events.
    pub key: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Who runs it.
    #[serde(default)]
    pub operated_by: Party,
    /// The levels this one may hand an incident to (Kosmos: only N2 may contact N3).
    #[serde(default)]
    pub escalates_to: Vec<String>,
    /// The clock on which time at this level is measured; default `business`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<String>,
}

/// A plan's entitlements, as configured (all optional).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitlementSpec {
    /// Channels by name (`ticket`, `phone`, `chat`, `email`, `portal` …); empty = any.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub channels: BTreeMap<String, ChannelSpec>,
    /// Channel rules per severity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channel_rules: Vec<ChannelRule>,
    /// Named-contact limits.
    #[serde(default, skip_serializing_if = "is_default")]
    pub contacts: ContactLimits,
    /// Cases per period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<CaseQuotaSpec>,
    /// Support levels; the first is where incidents start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<SupportLevel>,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// A named contact of a contract.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactSpec {
    /// The name (or e-mail) incidents give as their contact.
    pub name: String,
    /// The contact's default region (a catalog calendar): work on its incidents progresses in
    /// that region's business hours (Cumulocity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// What someone wants to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntakeRequest<'a> {
    /// When.
    pub at: DateTime<Utc>,
    /// The severity key.
    pub severity: &'a str,
    /// The channel.
    pub channel: &'a str,
    /// The contact, if known.
    pub contact: Option<&'a str>,
    /// The product version concerned, if known.
    pub version: Option<Version>,
    /// When the contract's earlier incidents were opened (for the case quota).
    pub opened: &'a [DateTime<Utc>],
}

/// An accepted request, with what the door found out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    /// Quota usage including this case, when the plan has a quota.
    pub quota: Option<QuotaUsage>,
    /// Lifecycle status of the version, when one was given and the catalog has a lifecycle.
    pub version: Option<VersionStatus>,
    /// Whether the reaction clock starts only at the follow-up contact (reported on a day
    /// that is not a business day through a channel the severity allows then).
    pub follow_up_required: bool,
}

/// Why a request is refused at the door.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// The plan does not offer the channel.
    #[error("channel `{channel}` is not offered by the plan (offered: {})", offered.join(", "))]
    ChannelNotOffered {
        /// The channel asked for.
        channel: String,
        /// The plan's channels.
        offered: Vec<String>,
    },
    /// The channel is not staffed at that instant.
    #[error("channel `{channel}` is closed at {at}{}", opens.map(|o| format!("; it opens at {o}")).unwrap_or_default())]
    ChannelClosed {
        /// The channel.
        channel: String,
        /// When the request came.
        at: DateTime<Utc>,
        /// When the channel opens next.
        opens: Option<DateTime<Utc>>,
    },
    /// A channel rule does not allow the channel for this severity (on this kind of day).
    #[error("severity `{severity}` cannot be reported through `{channel}` then: use {}", allowed.join(" or "))]
    ChannelNotAllowed {
        /// The severity.
        severity: String,
        /// The channel asked for.
        channel: String,
        /// The channels the rule allows.
        allowed: Vec<String>,
    },
    /// The severity does not exist in the catalog.
    #[error("unknown severity `{severity}`")]
    UnknownSeverity {
        /// The severity asked for.
        severity: String,
    },
    /// The contact is not one of the contract's named contacts.
    #[error("`{contact}` is not a named contact of the contract")]
    UnknownContact {
        /// The contact.
        contact: String,
    },
    /// The plan's case quota is used up and the plan refuses further cases.
    #[error("case quota used up: {used} of {limit} cases from {period_start} to {period_end}")]
    QuotaExhausted {
        /// Cases used in the period.
        used: u32,
        /// The limit.
        limit: u32,
        /// First day of the period.
        period_start: chrono::NaiveDate,
        /// First day after the period.
        period_end: chrono::NaiveDate,
    },
    /// The version is not supported (unknown, or beyond sustained support).
    #[error("version {version} is not supported on {date} ({status:?})")]
    UnsupportedVersion {
        /// The version.
        version: Version,
        /// The request's date.
        date: chrono::NaiveDate,
        /// Its lifecycle status.
        status: SupportStatus,
    },
    /// The contract is not in force on that date.
    #[error("the contract is not in force on {date}")]
    OutsideTerm {
        /// The request's date (in the contract's business zone).
        date: chrono::NaiveDate,
    },
    /// The request could not be checked (a calendar or configuration error).
    #[error("{0}")]
    Error(Error),
}

/// Time an incident spent at one support level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelSpan {
    /// The level's key.
    pub level: String,
    /// Who runs it.
    pub operated_by: Party,
    /// When the level took the incident.
    pub from: DateTime<Utc>,
    /// When it handed it on (`None`: it still holds it at `now`, or the incident closed).
    pub to: Option<DateTime<Utc>>,
    /// Business time held, on the level's clock, up to `min(to, now)`.
    pub held: TimeDelta,
}

impl fmt::Display for LevelSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({:?}) from {} for {}",
            self.level,
            self.operated_by,
            self.from,
            crate::time::format_duration(self.held)
        )
    }
}
