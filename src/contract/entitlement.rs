//! Entitlements: who may ask for what, through which channel, how often, and the support
//! levels that hold incidents.
//!
//! A plan lists its channels (with their hours), channel rules per severity, contact limits,
//! a case quota and its support levels; a contract names its contacts (each with a default
//! region). [`Contract::check_intake`](super::Contract::check_intake) applies all of it at the
//! door and answers with an [`IntakeDecision`](super::IntakeDecision): accepted, or refused with
//! a typed [`Refusal`](super::Refusal).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::money::CaseQuota;

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
/// A phone contact is then accepted only when the [`IntakeRequest`](super::IntakeRequest) carries the incident
/// (its history) and that incident was reported through the platform at or before the call;
/// otherwise it is refused with [`Refusal::EarlierReportRequired`](super::Refusal::EarlierReportRequired).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
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

impl std::fmt::Display for Party {
    /// `customer` or `vendor`, as in configuration.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Party::Customer => "customer",
            Party::Vendor => "vendor",
        })
    }
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
pub struct Entitlement {
    /// Channels by name (`ticket`, `phone`, `chat`, `email`, `portal` …); empty = any.
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub channels: BTreeMap<String, Channel>,
    /// Channel rules per severity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channel_rules: Vec<ChannelRule>,
    /// Named-contact limits.
    #[serde(default, skip_serializing_if = "is_default")]
    pub contacts: ContactLimits,
    /// Cases per period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<CaseQuota>,
    /// Support levels; the first is where incidents start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<SupportLevel>,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Checks the channels' `only_after_report_via` lists of a plan's entitlements: each names
/// another channel of the plan. Error paths are relative to the entitlements
/// (`channels.<name>.only_after_report_via`).
///
/// # Errors
/// [`Error::UnknownName`] for a channel the plan does not offer, [`Error::InvalidValue`] for
/// a channel that names itself.
pub(crate) fn check_channel_conditions(e: &Entitlement) -> Result<(), Error> {
    let names: Vec<String> = e.channels.keys().cloned().collect();
    for (name, channel) in &e.channels {
        let at = format!("channels.{name}.only_after_report_via");
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

/// A named contact of a contract.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The name (or e-mail) incidents give as their contact.
    pub name: String,
    /// The contact's default region (a catalog calendar): work on its incidents progresses in
    /// that region's business hours (Cumulocity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}
