//! Product lifecycle (Cumulocity §6): versions `X.Y.Z` (major `X.0`, minor `X.Y`, service
//! pack or release `Z`), end of maintenance per major or minor version, and the support a
//! version gets on a date.
//!
//! ```
//! use chrono::NaiveDate;
//! use slacalc::contract::{Lifecycle, SupportStatus, Version};
//! let lifecycle: Lifecycle = serde_json::from_str(r#"{
//!     "product": "Cumulocity", "sustained_months": 12,
//!     "versions": [ {"version": "10.18", "end_of_maintenance": "2025-06-30", "latest": "10.18.7"},
//!                   {"version": "2025", "end_of_maintenance": "2026-12-31", "latest": "2025.3.2"} ] }"#)?;
//! let d = |s: &str| s.parse::<NaiveDate>();
//! let v: Version = "10.18.5".parse()?;
//! assert_eq!(lifecycle.status(&v, d("2025-03-01")?, None)?.support, SupportStatus::Full);
//! assert_eq!(lifecycle.status(&v, d("2026-03-01")?, None)?.support, SupportStatus::Sustained);
//! assert_eq!(lifecycle.status(&v, d("2026-07-01")?, None)?.support, SupportStatus::BeyondSustained);
//! assert!(!lifecycle.status(&v, d("2025-03-01")?, None)?.latest_service_pack);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::config::Invalid;
use crate::error::Error;
use crate::time::parse_date;

/// A product version `X`, `X.Y` or `X.Y.Z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// Major version.
    pub major: u32,
    /// Minor version (`None` when only the major is given).
    pub minor: Option<u32>,
    /// Service pack / release (`None` when not given).
    pub patch: Option<u32>,
}

impl FromStr for Version {
    type Err = Error;

    fn from_str(s: &str) -> Result<Version, Error> {
        let bad = || Error::InvalidValue {
            path: String::new(),
            value: s.to_owned(),
            expected: "a version X, X.Y or X.Y.Z of whole numbers".into(),
        };
        let mut parts = s.split('.');
        let num = |p: Option<&str>| -> Result<Option<u32>, Error> {
            p.map(|p| p.parse::<u32>().map_err(|_| bad())).transpose()
        };
        let major = num(parts.next())?.ok_or_else(bad)?;
        let minor = num(parts.next())?;
        let patch = num(parts.next())?;
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Version {
            major,
            minor,
            patch,
        })
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.major)?;
        if let Some(m) = self.minor {
            write!(f, ".{m}")?;
            if let Some(p) = self.patch {
                write!(f, ".{p}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for Version {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl Version {
    /// Whether `self` (a release line such as `10.18` or `2025`) covers `other`.
    fn covers(&self, other: &Version) -> bool {
        self.major == other.major
            && self.minor.is_none_or(|m| other.minor == Some(m))
            && self.patch.is_none_or(|p| other.patch == Some(p))
    }
}

/// The support a version gets on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum SupportStatus {
    /// Before end of maintenance: fixes and full support.
    Full,
    /// After end of maintenance, for the sustained-support months: web and phone assistance,
    /// existing fixes, no new fixes.
    Sustained,
    /// After sustained support: hints and existing fixes only.
    BeyondSustained,
    /// Past end of maintenance but covered by an extended maintenance (EME) agreement.
    Extended,
    /// The version is not in the lifecycle at all.
    Unknown,
}

impl std::fmt::Display for SupportStatus {
    /// In words: `full support`, `sustained support`, `beyond sustained support`,
    /// `extended maintenance`, `not in the lifecycle`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SupportStatus::Full => "full support",
            SupportStatus::Sustained => "sustained support",
            SupportStatus::BeyondSustained => "beyond sustained support",
            SupportStatus::Extended => "extended maintenance",
            SupportStatus::Unknown => "not in the lifecycle",
        })
    }
}

/// One release line of a product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseLine {
    /// The major or minor version (`10.18`, `2025`).
    pub version: Version,
    /// Last day of maintenance.
    pub end_of_maintenance: String,
    /// The latest service pack / release of the line (`10.18.7`), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<Version>,
}

/// An extended maintenance agreement for a release line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtendedMaintenance {
    /// The release line.
    pub version: Version,
    /// Last day covered.
    pub until: String,
}

/// A lifecycle as written, before it is checked: what [`Lifecycle`] reads and writes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct LifecycleFields {
    /// The product's name.
    product: String,
    /// Months of sustained support after end of maintenance (Cumulocity: at least 12).
    #[serde(default)]
    sustained_months: u32,
    /// The release lines.
    versions: Vec<ReleaseLine>,
}

crate::config::tracked_serde!(LifecycleFields);

/// A validated product lifecycle: `{"product": "Cumulocity", "sustained_months": 12,
/// "versions": [{"version": "10.18", "end_of_maintenance": "2025-06-30", "latest":
/// "10.18.7"}]}` in configuration (`sustained_months` 0 by default). Deserializing validates:
/// a malformed date, a release line listed twice, or a `latest` outside its line is refused
/// with its path (`versions[1].latest`) and the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LifecycleFields", into = "LifecycleFields")]
pub struct Lifecycle {
    product: String,
    sustained_months: u32,
    versions: Vec<ReleaseLine>,
    /// The end of maintenance of each of `versions`, parsed.
    end_of_maintenance: Vec<NaiveDate>,
}

impl From<Lifecycle> for LifecycleFields {
    fn from(l: Lifecycle) -> LifecycleFields {
        LifecycleFields {
            product: l.product,
            sustained_months: l.sustained_months,
            versions: l.versions,
        }
    }
}

impl TryFrom<LifecycleFields> for Lifecycle {
    type Error = Invalid;

    fn try_from(fields: LifecycleFields) -> Result<Lifecycle, Invalid> {
        Ok(Lifecycle::from_fields(fields)?)
    }
}

/// The lifecycle verdict for one version on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionStatus {
    /// The support it gets.
    pub support: SupportStatus,
    /// End of maintenance of its release line.
    #[serde(default, with = "crate::config::date::option")]
    pub end_of_maintenance: Option<NaiveDate>,
    /// Whether it is the latest known service pack of its line ("the customer must run the
    /// latest service pack for optimal support"); `true` when no latest is configured.
    pub latest_service_pack: bool,
}

impl Lifecycle {
    /// Validates a lifecycle; error paths are relative to it (`versions[1].latest`).
    ///
    /// # Errors
    /// [`Error::InvalidDate`] for a malformed date, [`Error::InvalidValue`] for a line listed
    /// twice or a `latest` outside its line.
    fn from_fields(spec: LifecycleFields) -> Result<Lifecycle, Error> {
        let mut ends = Vec::with_capacity(spec.versions.len());
        for (i, line) in spec.versions.iter().enumerate() {
            let p = format!("versions[{i}]");
            ends.push(parse_date(
                &format!("{p}.end_of_maintenance"),
                &line.end_of_maintenance,
            )?);
            if spec
                .versions
                .iter()
                .take(i)
                .any(|l| l.version == line.version)
            {
                return Err(Error::InvalidValue {
                    path: format!("{p}.version"),
                    value: line.version.to_string(),
                    expected: "a release line listed once".into(),
                });
            }
            if let Some(latest) = line.latest.filter(|l| !line.version.covers(l)) {
                return Err(Error::InvalidValue {
                    path: format!("{p}.latest"),
                    value: latest.to_string(),
                    expected: format!("a version of the line {}", line.version),
                });
            }
        }
        Ok(Lifecycle {
            product: spec.product,
            sustained_months: spec.sustained_months,
            versions: spec.versions,
            end_of_maintenance: ends,
        })
    }

    /// The product's name.
    pub fn product(&self) -> &str {
        &self.product
    }

    /// Months of sustained support after end of maintenance.
    pub fn sustained_months(&self) -> u32 {
        self.sustained_months
    }

    /// The release lines, as configured.
    pub fn versions(&self) -> &[ReleaseLine] {
        &self.versions
    }

    /// The support `version` gets on `date`, with an optional EME agreement of the customer.
    /// The most specific release line that covers the version decides (`10.18` before `10`).
    ///
    /// # Errors
    /// [`Error::InvalidDate`] for a malformed `until` in the agreement.
    pub fn status(
        &self,
        version: &Version,
        date: NaiveDate,
        extended: Option<&[ExtendedMaintenance]>,
    ) -> Result<VersionStatus, Error> {
        let line = self
            .versions
            .iter()
            .zip(&self.end_of_maintenance)
            .filter(|(l, _)| l.version.covers(version))
            .max_by_key(|(l, _)| (l.version.minor.is_some(), l.version.patch.is_some()));
        let Some((line, &eom)) = line else {
            return Ok(VersionStatus {
                support: SupportStatus::Unknown,
                end_of_maintenance: None,
                latest_service_pack: false,
            });
        };
        let latest_service_pack = line
            .latest
            .is_none_or(|l| version.patch.unwrap_or(0) >= l.patch.unwrap_or(0));
        let sustained_end = eom
            .checked_add_months(Months::new(self.sustained_months))
            .unwrap_or(NaiveDate::MAX);
        let mut support = if date <= eom {
            SupportStatus::Full
        } else if date <= sustained_end {
            SupportStatus::Sustained
        } else {
            SupportStatus::BeyondSustained
        };
        if support != SupportStatus::Full {
            for (i, e) in extended.unwrap_or(&[]).iter().enumerate() {
                let until = parse_date(&format!("extended_maintenance[{i}].until"), &e.until)?;
                if e.version.covers(version) && date <= until {
                    support = SupportStatus::Extended;
                }
            }
        }
        Ok(VersionStatus {
            support,
            end_of_maintenance: Some(eom),
            latest_service_pack,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_round_trip_and_reject_garbage() {
        for s in ["10", "10.18", "10.18.7", "2025.3.2"] {
            assert_eq!(s.parse::<Version>().unwrap().to_string(), s);
        }
        for s in ["", "x", "1..2", "1.2.3.4", "-1"] {
            assert!(s.parse::<Version>().is_err(), "{s}");
        }
    }

    #[test]
    fn extended_maintenance_and_specific_lines() {
        let l: Lifecycle = serde_json::from_str(
            r#"{"product": "P", "sustained_months": 12, "versions": [
                {"version": "10", "end_of_maintenance": "2024-12-31"},
                {"version": "10.18", "end_of_maintenance": "2025-06-30", "latest": "10.18.7"}]}"#,
        )
        .unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let v: Version = "10.18.7".parse().unwrap();
        let s = l.status(&v, d("2025-03-01"), None).unwrap();
        assert_eq!(
            (s.support, s.latest_service_pack),
            (SupportStatus::Full, true)
        );
        let old: Version = "10.17.1".parse().unwrap();
        assert_eq!(
            l.status(&old, d("2025-03-01"), None).unwrap().support,
            SupportStatus::Sustained
        );
        let eme = [ExtendedMaintenance {
            version: "10.17".parse().unwrap(),
            until: "2027-12-31".into(),
        }];
        assert_eq!(
            l.status(&old, d("2026-03-01"), Some(&eme)).unwrap().support,
            SupportStatus::Extended
        );
        let unknown: Version = "9.1".parse().unwrap();
        assert_eq!(
            l.status(&unknown, d("2025-03-01"), None).unwrap().support,
            SupportStatus::Unknown
        );
        let e = Lifecycle::from_fields(LifecycleFields {
            product: "P".into(),
            sustained_months: 12,
            versions: vec![ReleaseLine {
                version: "10.18".parse().unwrap(),
                end_of_maintenance: "2025-06-30".into(),
                latest: Some("10.19.1".parse().unwrap()),
            }],
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "versions[0].latest: invalid value `10.19.1`: expected a version of the line 10.18"
        );
    }
}
