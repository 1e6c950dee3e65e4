//! The calendars a catalog or contract names: the built-in `24x7` and `business`, the
//! catalog's own, and the checks that a configured name is one of them and, where business
//! days are counted, that it has one time zone.

use std::collections::BTreeMap;

use crate::calendar::CalendarSpec;
use crate::error::Error;

/// The name of the built-in wall-clock calendar: every instant counts.
pub const WALL_CLOCK: &str = "24x7";
/// The name of a contract's own business calendar (its region's hours plus its holidays).
pub const BUSINESS: &str = "business";

/// The built-in `24x7` calendar's configuration.
pub(crate) fn always_open() -> CalendarSpec {
    let mut spec = CalendarSpec {
        timezone: Some("UTC".into()),
        ..CalendarSpec::default()
    };
    for d in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
        spec.hours.insert(d.into(), vec!["00:00-24:00".into()]);
    }
    spec
}

/// The calendar names a catalog's plans may use: the built-in ones and the catalog's.
pub(crate) fn calendar_names(calendars: &BTreeMap<String, CalendarSpec>) -> Vec<String> {
    let mut names = vec![WALL_CLOCK.to_owned(), BUSINESS.to_owned()];
    names.extend(calendars.keys().cloned());
    names
}

/// `name`, a name of `kind` (`severity`, `channel` …), must be one of `known` (the error's
/// path is relative to the name: empty).
pub(crate) fn check_name(kind: &str, name: &str, known: &[String]) -> Result<(), Error> {
    if known.iter().any(|c| c == name) {
        Ok(())
    } else {
        Err(Error::UnknownName {
            path: String::new(),
            kind: kind.into(),
            name: name.to_owned(),
            known: known.to_vec(),
        })
    }
}

/// `name` must be one of the calendars `known` (the error's path is relative to the name:
/// empty).
pub(crate) fn check_calendar(name: &str, known: &[String]) -> Result<(), Error> {
    check_name("clock", name, known)
}

/// What a calendar spec combines, if it is a union, intersection or difference.
pub(crate) fn set_operation(spec: &CalendarSpec) -> Option<&'static str> {
    if spec.union.is_some() {
        Some("a union")
    } else if spec.intersection.is_some() {
        Some("an intersection")
    } else if spec.difference.is_some() {
        Some("a difference")
    } else {
        None
    }
}

/// A business-day form may not count on `calendar` when it is a catalog calendar without one
/// time zone (the error's path is relative to the form: its `clock`).
pub(crate) fn check_zoned(
    calendars: &BTreeMap<String, CalendarSpec>,
    calendar: &str,
) -> Result<(), Error> {
    match calendars.get(calendar).and_then(set_operation) {
        Some(kind) => Err(zoned_calendar_needed(
            calendar.to_owned(),
            format!("`{calendar}` is {kind}"),
        )
        .at("clock")),
        None => Ok(()),
    }
}

/// The error for a business-day form whose calendar, named `value`, has no one time zone,
/// `why` (its path is relative to the name: empty).
pub(crate) fn zoned_calendar_needed(value: String, why: String) -> Error {
    Error::InvalidValue {
        path: String::new(),
        value,
        expected: format!(
            "a calendar with one time zone, as business days are local dates ({why}, which \
             has none)"
        ),
    }
}
