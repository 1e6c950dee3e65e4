//! Intake: whether a request to open an incident, or to contact support about one, is
//! accepted at the door.

use std::fmt;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::agreement::Contract;
use super::entitlement::{Channel, DayKind};
use super::lifecycle::{SupportStatus, Version, VersionStatus};
use crate::error::Error;
use crate::incident::Incident;
use crate::money::QuotaUsage;
use crate::time::ZonedInstant;

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

/// What the door decides about a request: accepted, with what it found out, or refused,
/// with the rule the request breaks. A refusal is an answer, not an error: a request that
/// cannot be checked at all is an [`Error`].
///
/// ```
/// use std::sync::Arc;
/// use slacalc::{Catalog, ContractSpec};
/// use slacalc::contract::{IntakeDecision, IntakeRequest, Refusal};
/// use slacalc::Contract;
/// let catalog: Catalog = serde_json::from_str(r#"{"name": "Vendor",
///     "severities": [{"key": "high", "name": "High"}],
///     "plans": {"std": {"name": "Standard",
///         "entitlements": {"channels": {"portal": {}, "phone": {}}}}}}"#)?;
/// let contract = Contract::new(
///     Arc::new(catalog),
///     ContractSpec { customer: "ACME".into(), plan: "std".into(), ..ContractSpec::default() },
/// )?;
/// let request = |channel| IntakeRequest {
///     at: "2026-11-24T09:00:00Z".parse().unwrap(), severity: "high", channel,
///     contact: None, version: None, opened: &[], incident: None,
/// };
/// assert!(contract.check_intake(&request("portal"))?.accepted().is_some());
/// match contract.check_intake(&request("fax"))? {
///     IntakeDecision::Refused(Refusal::ChannelNotOffered { offered, .. }) => {
///         assert_eq!(offered, ["phone", "portal"]);
///     }
///     other => panic!("expected a refusal, got {other:?}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntakeDecision {
    /// The request is accepted.
    Accepted(Intake),
    /// The request is refused.
    Refused(Refusal),
}

impl IntakeDecision {
    /// The accepted intake, if the request was accepted.
    pub fn accepted(&self) -> Option<&Intake> {
        match self {
            IntakeDecision::Accepted(intake) => Some(intake),
            IntakeDecision::Refused(_) => None,
        }
    }

    /// The refusal, if the request was refused.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            IntakeDecision::Accepted(_) => None,
            IntakeDecision::Refused(refusal) => Some(refusal),
        }
    }
}

/// Why a request is refused at the door (displays as a sentence for people).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refusal {
    /// The plan does not offer the channel.
    ChannelNotOffered {
        /// The channel asked for.
        channel: String,
        /// The plan's channels.
        offered: Vec<String>,
    },
    /// The channel is not staffed at that instant.
    ChannelClosed {
        /// The channel.
        channel: String,
        /// When the request came.
        at: DateTime<Utc>,
        /// When the channel opens next.
        opens: Option<DateTime<Utc>>,
        /// The zone the sentence shows `at` and `opens` in: the channel's hours' zone, else
        /// (hours that combine zones) the zone of the contact's business calendar, else of
        /// the contract's; `None` shows UTC.
        zone: Option<Tz>,
    },
    /// A channel rule does not allow the channel for this severity (on this kind of day).
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
    UnknownSeverity {
        /// The severity asked for.
        severity: String,
    },
    /// The contact is not one of the contract's named contacts.
    UnknownContact {
        /// The contact.
        contact: String,
    },
    /// The plan's case quota is used up and the plan refuses further cases.
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
    UnsupportedVersion {
        /// The version.
        version: Version,
        /// The request's date.
        date: chrono::NaiveDate,
        /// Its lifecycle status.
        status: SupportStatus,
    },
    /// The contract is not in force on that date.
    OutsideTerm {
        /// The request's date (in the contract's business zone).
        date: chrono::NaiveDate,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::ChannelNotOffered { channel, offered } => write!(
                f,
                "channel `{channel}` is not offered by the plan (offered: {})",
                offered.join(", ")
            ),
            Refusal::ChannelClosed {
                channel,
                at,
                opens,
                zone,
            } => {
                let shown = |t: DateTime<Utc>| match zone {
                    Some(z) => ZonedInstant::new(t, *z).to_string(),
                    None => ZonedInstant::new(t, Tz::UTC).to_string(),
                };
                write!(f, "channel `{channel}` is closed at {}", shown(*at))?;
                match opens {
                    Some(o) => write!(f, "; it opens at {}", shown(*o)),
                    None => Ok(()),
                }
            }
            Refusal::ChannelNotAllowed {
                severity,
                channel,
                allowed,
            } => write!(
                f,
                "severity `{severity}` cannot be reported through `{channel}` then: use {}",
                allowed.join(" or ")
            ),
            Refusal::EarlierReportRequired {
                channel,
                via,
                reported_at,
                reported_via,
            } => {
                write!(
                    f,
                    "channel `{channel}` is only for incidents already reported through {}: ",
                    via.join(" or ")
                )?;
                match (reported_at, reported_via) {
                    (None, _) => f.write_str("the request concerns no incident reported before it"),
                    (Some(at), Some(c)) => write!(f, "this one was reported through `{c}` at {at}"),
                    (Some(at), None) => {
                        write!(f, "this one was reported at {at} through no named channel")
                    }
                }
            }
            Refusal::UnknownSeverity { severity } => write!(f, "unknown severity `{severity}`"),
            Refusal::UnknownContact { contact } => {
                write!(f, "`{contact}` is not a named contact of the contract")
            }
            Refusal::QuotaExhausted {
                used,
                limit,
                period_start,
                period_end,
            } => write!(
                f,
                "case quota used up: {used} of {limit} {} from {period_start} to {period_end}",
                if *limit == 1 { "case" } else { "cases" }
            ),
            Refusal::UnsupportedVersion {
                version,
                date,
                status,
            } => write!(f, "version {version} is not supported on {date} ({status})"),
            Refusal::OutsideTerm { date } => write!(f, "the contract is not in force on {date}"),
        }
    }
}

/// The channel condition of `channel` for `req`: `None` when it has none or the request's
/// incident was reported through one of the channels it names at or before the request,
/// else the refusal.
pub(crate) fn check_earlier_report(
    channel_name: &str,
    channel: &Channel,
    req: &IntakeRequest<'_>,
) -> Option<Refusal> {
    if channel.only_after_report_via.is_empty() {
        return None;
    }
    let earlier = req.incident.filter(|i| i.reported_at() <= req.at);
    let via = earlier.and_then(Incident::channel);
    if via.is_some_and(|v| channel.only_after_report_via.iter().any(|c| c == v)) {
        return None;
    }
    Some(Refusal::EarlierReportRequired {
        channel: channel_name.to_owned(),
        via: channel.only_after_report_via.clone(),
        reported_at: earlier.map(Incident::reported_at),
        reported_via: via.map(str::to_owned),
    })
}

impl Contract {
    /// Checks a request to open an incident, or to contact support about one, at the door:
    /// the contract's term, the severity, the contact, the channel (offered, staffed, allowed
    /// for the severity on that kind of day, and its condition on an earlier report through
    /// another channel, judged from `req.incident`), the product version's lifecycle status
    /// and the case quota — in that order. A contact about an incident already reported
    /// (`req.incident` is `Some`) is not a new case: the quota usage is reported without it
    /// and never refuses it.
    ///
    /// The answer is [`IntakeDecision::Accepted`] with what the door found out, or
    /// [`IntakeDecision::Refused`] with a typed [`Refusal`] naming the first rule the request
    /// breaks.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `req.incident`'s severity at `req.at` is not
    /// `req.severity`; calendar and quota errors (a date out of range).
    pub fn check_intake(&self, req: &IntakeRequest<'_>) -> Result<IntakeDecision, Error> {
        let date = self.business.local_date(req.at)?;
        let in_force = match &self.term {
            Some(t) => t.is_active(date),
            None => self.start.is_none_or(|s| date >= s),
        };
        if !in_force {
            return Ok(IntakeDecision::Refused(Refusal::OutsideTerm { date }));
        }
        if self.catalog.severity_rank(req.severity).is_none() {
            return Ok(IntakeDecision::Refused(Refusal::UnknownSeverity {
                severity: req.severity.to_owned(),
            }));
        }
        if let Some(incident) = req.incident {
            let (severity, _) = incident.severity_at(req.at);
            if severity != req.severity {
                return Err(Error::InvalidArgument {
                    operation: "check_intake",
                    reason: format!(
                        "the request's severity `{}` is not the severity of incident `{}` at \
                         {} (`{severity}`)",
                        req.severity,
                        incident.id(),
                        req.at
                    ),
                });
            }
        }
        if !self.spec.contacts.is_empty() {
            if let Some(contact) = req
                .contact
                .filter(|c| !self.spec.contacts.iter().any(|n| n.name == *c))
            {
                return Ok(IntakeDecision::Refused(Refusal::UnknownContact {
                    contact: contact.to_owned(),
                }));
            }
        }
        let ent = self.plan.entitlements();
        if !ent.channels.is_empty() {
            let Some(channel) = ent.channels.get(req.channel) else {
                return Ok(IntakeDecision::Refused(Refusal::ChannelNotOffered {
                    channel: req.channel.to_owned(),
                    offered: ent.channels.keys().cloned().collect(),
                }));
            };
            if let Some(hours) = channel
                .hours
                .as_deref()
                .and_then(|h| self.calendar_for(h, req.contact))
            {
                if !hours.is_open(req.at) {
                    let zone = hours
                        .timezone()
                        .or_else(|| self.business_calendar_for(req.contact).timezone());
                    return Ok(IntakeDecision::Refused(Refusal::ChannelClosed {
                        channel: req.channel.to_owned(),
                        at: req.at,
                        opens: hours.next_open(req.at)?,
                        zone,
                    }));
                }
            }
        }
        let business = self.business_calendar_for(req.contact);
        let business_day = business.is_business_day(business.local_date(req.at)?);
        let mut follow_up_required = false;
        for rule in &ent.channel_rules {
            let applies = rule.severities.iter().any(|s| s == req.severity)
                && match rule.when {
                    DayKind::Any => true,
                    DayKind::BusinessDays => business_day,
                    DayKind::NonBusinessDays => !business_day,
                };
            if !applies {
                continue;
            }
            if !rule.channels.iter().any(|c| c == req.channel) {
                return Ok(IntakeDecision::Refused(Refusal::ChannelNotAllowed {
                    severity: req.severity.to_owned(),
                    channel: req.channel.to_owned(),
                    allowed: rule.channels.clone(),
                }));
            }
            follow_up_required |= rule.when == DayKind::NonBusinessDays;
        }
        if let Some(channel) = ent.channels.get(req.channel) {
            if let Some(refusal) = check_earlier_report(req.channel, channel, req) {
                return Ok(IntakeDecision::Refused(refusal));
            }
        }
        let version = match (&req.version, &self.catalog.lifecycle()) {
            (Some(v), Some(l)) => {
                let status = l.status(v, date, Some(&self.spec.extended_maintenance))?;
                if matches!(
                    status.support,
                    SupportStatus::Unknown | SupportStatus::BeyondSustained
                ) {
                    return Ok(IntakeDecision::Refused(Refusal::UnsupportedVersion {
                        version: *v,
                        date,
                        status: status.support,
                    }));
                }
                Some(status)
            }
            _ => None,
        };
        let quota = match self.plan.quota() {
            Some(q) => {
                let tz = self.business.timezone().unwrap_or(chrono_tz::UTC);
                let mut opened: Vec<DateTime<Utc>> = req.opened.to_vec();
                // A contact about an incident already reported is not a new case.
                let new_case = req.incident.is_none();
                if new_case {
                    opened.push(req.at);
                }
                let usage = q.usage_at(&opened, req.at, tz)?;
                if new_case
                    && usage.over_limit > 0
                    && q.overage() == crate::money::OveragePolicy::Refuse
                {
                    return Ok(IntakeDecision::Refused(Refusal::QuotaExhausted {
                        used: usage.used.saturating_sub(1),
                        limit: usage.limit,
                        period_start: usage.period_start,
                        period_end: usage.period_end,
                    }));
                }
                Some(usage)
            }
            None => None,
        };
        Ok(IntakeDecision::Accepted(Intake {
            quota,
            version,
            follow_up_required,
        }))
    }
}
