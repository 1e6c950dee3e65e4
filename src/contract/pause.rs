//! Pause rules: the events that halt a metric's or a ladder's clock and the events that
//! resume it, shared by plans (per metric, per severity) and escalation ladders.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::incident::EventTag;

/// An event that pauses a metric and the events that resume it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PauseRule {
    /// The event that pauses the clock.
    pub from: EventTag,
    /// The events that resume it.
    pub until: Vec<EventTag>,
}

/// The most pause rules one list (a metric's, a severity's or a ladder's) may hold.
pub const MAX_PAUSE_RULES: usize = 64;

/// A list of pause rules: at most [`MAX_PAUSE_RULES`], each resuming on an event other than
/// its own. Error paths are relative to the list (`[1].until`).
pub(crate) fn check_pause_rules(rules: &[PauseRule]) -> Result<(), Error> {
    if rules.len() > MAX_PAUSE_RULES {
        return Err(Error::InvalidValue {
            path: String::new(),
            value: format!("{} rules", rules.len()),
            expected: format!("at most {MAX_PAUSE_RULES} pause rules"),
        });
    }
    for (i, r) in rules.iter().enumerate() {
        check_pause_rule(r).map_err(|e| e.at(&format!("[{i}]")))?;
    }
    Ok(())
}

/// A pause rule must resume on at least one event other than its own (the error's path is
/// the rule's `until`).
pub(crate) fn check_pause_rule(r: &PauseRule) -> Result<(), Error> {
    if r.until.is_empty() || r.until.contains(&r.from) {
        return Err(Error::InvalidValue {
            path: "until".into(),
            value: format!(
                "{:?}",
                r.until.iter().map(|t| t.as_str()).collect::<Vec<_>>()
            ),
            expected: format!("at least one event other than `{}`", r.from),
        });
    }
    Ok(())
}
