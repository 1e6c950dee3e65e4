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
use crate::incident::Incident;
use crate::money::{CaseQuotaSpec, QuotaUsage};

/// A channel a plan offers.
///
/// Kosmos (seed 001): level-2 support "can also be reached by telephone (from 9am to 5:30pm
/// on Kosmos working days), for any incident of blocking severity previously reported on the
/// reporting platform" is a staffed channel with a condition, plus a channel rule that keeps
/// the other severities on the platform:
///
/// ```json
/// "channels": {
///   "platform": {},
///   "phone": {"hours": "business", "only_after_report_via": ["platform"]}
/// },
/// "channel_rules": [{"severities": ["major", "minor"], "channels": ["platform"]}]
/// ```
///
/// A phone contact is then accepted only when the [`IntakeRequest`] carries the incident
/// (its history) and that incident was reported through the platform at or before the call;
/// otherwise it is refused with [`Refusal::EarlierReportRequired`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelSpec {
    /// The clock (calendar name) during which the channel is staffed; default `24x7`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Channels of the plan through which an incident must already have been reported before
    /// it may be raised through this one; empty (the default) = no condition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_after_report_via: Vec<String>,
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

/// Checks the channels' `only_after_report_via` lists of a plan's entitlements at `path`:
/// each names another channel of the plan.
///
/// # Errors
/// [`Error::UnknownName`] for a channel the plan does not offer, [`Error::InvalidValue`] for
/// a channel that names itself.
pub(crate) fn check_channel_conditions(e: &EntitlementSpec, path: &str) -> Result<(), Error> {
    let names: Vec<String> = e.channels.keys().cloned().collect();
    for (name, channel) in &e.channels {
        let at = format!("{path}.channels.{name}.only_after_report_via");
        for via in &channel.only_after_report_via {
            if via == name {
                return Err(Error::InvalidValue {
                    path: at,
                    value: via.clone(),
                    expected: "another channel of the plan (an incident cannot have been \
                               reported through this one before it is)"
                        .into(),
                });
            }
            if !e.channels.contains_key(via) {
                return Err(Error::UnknownName {
                    path: at,
                    kind: "channel".into(),
                    name: via.clone(),
                    known: names,
                });
            }
        }
    }
    Ok(())
}

/// The channel condition of `channel` for `req`: `Ok` when it has none or the request's
/// incident was reported through one of the channels it names at or before the request.
pub(crate) fn check_earlier_report(
    channel_name: &str,
    channel: &ChannelSpec,
    req: &IntakeRequest<'_>,
) -> Result<(), Refusal> {
    if channel.only_after_report_via.is_empty() {
        return Ok(());
    }
    let earlier = req.incident.filter(|i| i.reported_at() <= req.at);
    let via = earlier.and_then(Incident::channel);
    if via.is_some_and(|v| channel.only_after_report_via.iter().any(|c| c == v)) {
        return Ok(());
    }
    Err(Refusal::EarlierReportRequired {
        channel: channel_name.to_owned(),
        via: channel.only_after_report_via.clone(),
        reported_at: earlier.map(Incident::reported_at),
        reported_via: via.map(str::to_owned),
    })
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
    /// The incident the request is about, when it is a contact about an incident already
    /// reported (a phone call about a ticket); `None` for a new report. Its history decides a
    /// channel's `only_after_report_via` condition, its severity at `at` must be `severity`,
    /// and the contact is not counted as a new case against the quota.
    pub incident: Option<&'a Incident>,
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
    /// The channel takes only incidents already reported through other channels (Kosmos:
    /// the phone, for blocking incidents previously reported on the platform), and the
    /// request concerns no such incident.
    #[error(
        "channel `{channel}` is only for incidents already reported through {}: {}",
        via.join(" or "),
        match (reported_at, reported_via) {
            (None, _) => "the request concerns no incident reported before it".to_owned(),
            (Some(at), Some(c)) => format!("this one was reported through `{c}` at {at}"),
            (Some(at), None) => format!("this one was reported at {at} through no named channel"),
        }
    )]
    EarlierReportRequired {
        /// The channel asked for.
        channel: String,
        /// The channels an earlier report must have come through.
        via: Vec<String>,
        /// When the incident was reported; `None` when the request carries no incident or
        /// the incident was reported after the request.
        reported_at: Option<DateTime<Utc>>,
        /// The channel the incident was reported through, if it named one.
        reported_via: Option<String>,
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
    /// Business time held, on the level's clock, up to `min(to, now)` (ISO 8601 when
    /// serialized).
    #[serde(with = "crate::time::iso_duration")]
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
