//! The plain serde form of a calendar, exactly as users write it, and its conversion into the
//! checked [`Calendar`](super::Calendar).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::holiday::HolidaySpec;
use super::special_hours::SpecialHoursRule;

/// A calendar as written in configuration (JSON, TOML, …).
///
/// Either a *zoned* calendar — `timezone`, `hours`, `holidays`, `exceptions`,
/// `special_hours` — or a
/// combination of other calendars: `union`, `intersection` or `difference` (the first
/// calendar minus all the others). The two forms cannot be mixed in one object.
///
/// ```
/// use slacalc::Calendar;
/// use slacalc::calendar::CalendarSpec;
/// let spec: CalendarSpec = serde_json::from_str(r#"{
///     "timezone": "Europe/Berlin",
///     "hours": { "mon": ["08:00-12:00", "13:00-17:00"], "fri": ["22:00-06:00"] },
///     "holidays": ["2026-12-25"],
///     "exceptions": { "2026-12-24": ["08:00-12:00"] },
///     "special_hours": [{ "month": 12, "day": 31, "hours": ["08:00-12:00"] }]
/// }"#)?;
/// let calendar = Calendar::try_from(spec)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct CalendarSpec {
    /// IANA time-zone name; all hours are wall-clock times in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Weekday key (`mon` … `sun`) to its shifts (`"HH:MM-HH:MM"`).
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub hours: BTreeMap<String, Vec<String>>,
    /// Local dates (and rules) on which no shift starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<HolidaySpec>,
    /// Local dates whose shifts replace the weekly ones (an empty list closes the date).
    #[serde(
        default,
        deserialize_with = "crate::config::unique_keys",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub exceptions: BTreeMap<String, Vec<String>>,
    /// Yearly and monthly rules whose shifts replace the weekly ones on the dates they give,
    /// below `exceptions` and `holidays` in precedence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_hours: Vec<SpecialHoursRule>,
    /// Business time of any of these calendars.
    #[serde(
        default,
        deserialize_with = "members",
        skip_serializing_if = "Option::is_none"
    )]
    pub union: Option<Vec<CalendarSpec>>,
    /// Business time of all of these calendars at once.
    #[serde(
        default,
        deserialize_with = "members",
        skip_serializing_if = "Option::is_none"
    )]
    pub intersection: Option<Vec<CalendarSpec>>,
    /// Business time of the first calendar that is not business time of any other.
    #[serde(
        default,
        deserialize_with = "members",
        skip_serializing_if = "Option::is_none"
    )]
    pub difference: Option<Vec<CalendarSpec>>,
}

crate::config::tracked_serde!(CalendarSpec);

/// The members of a combination, deserialized without a tracker of their own (the
/// outermost calendar's tracker names their paths; a tracker per level would also make the
/// recursive type's deserializer infinitely deep).
fn members<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<CalendarSpec>>, D::Error> {
    struct Member(CalendarSpec);

    impl<'de> Deserialize<'de> for Member {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            CalendarSpec::deserialize(d).map(Member)
        }
    }

    let members: Option<Vec<Member>> = Option::deserialize(d)?;
    Ok(members.map(|m| m.into_iter().map(|m| m.0).collect()))
}
