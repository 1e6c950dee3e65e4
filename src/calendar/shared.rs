//! Compiled calendars shared by identical configurations: a [`CalendarPool`] hands out one
//! [`Calendar`] (one set of compiled years and caches) for every request with the same
//! configuration, so that the 10,000 contracts of one catalog on one region with the same
//! holidays hold one calendar, not 10,000.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use super::model::Inner;
use super::{Calendar, CalendarSpec};
use crate::error::Error;

/// Compiled calendars by configuration, held weakly: a calendar lives as long as something
/// else holds it, and a later request with the same configuration gets the same calendar
/// back while it lives.
///
/// Configurations are compared by their serialized form (every field, holidays in order), so
/// two requests share a calendar exactly when they describe the same calendar the same way.
#[derive(Debug, Default)]
pub(crate) struct CalendarPool {
    entries: Mutex<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    by_spec: HashMap<String, Weak<Inner>>,
    /// Entries at the last sweep of dead ones: the next sweep comes when the map has doubled.
    swept_at: usize,
}

impl CalendarPool {
    /// The calendar for `spec`: the pool's one if a live calendar has the same configuration,
    /// else compiled now and remembered.
    ///
    /// # Errors
    /// What compiling `spec` returns (see [`Calendar::try_from`]), paths relative to the
    /// calendar.
    pub(crate) fn get(&self, spec: CalendarSpec) -> Result<Calendar, Error> {
        let key = serde_json::to_string(&spec).map_err(|e| Error::InvalidValue {
            path: String::new(),
            value: e.to_string(),
            expected: "a calendar configuration that serializes".into(),
        })?;
        if let Some(inner) = self.lock().by_spec.get(&key).and_then(Weak::upgrade) {
            return Ok(Calendar { inner });
        }
        // Compiled outside the lock: another thread may compile the same one meanwhile, and
        // the first to come back wins.
        let compiled = Calendar::try_from(spec)?;
        let mut entries = self.lock();
        if let Some(inner) = entries.by_spec.get(&key).and_then(Weak::upgrade) {
            return Ok(Calendar { inner });
        }
        entries.by_spec.insert(key, Arc::downgrade(&compiled.inner));
        if entries.by_spec.len() > 2 * entries.swept_at.max(16) {
            entries.by_spec.retain(|_, w| w.strong_count() > 0);
            entries.swept_at = entries.by_spec.len();
        }
        Ok(compiled)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Calendar {
    /// Whether two calendars are one: the same compiled years and caches (clones of one
    /// calendar, or calendars a catalog shared among its contracts). Equal configurations
    /// compiled apart are equal (`==`) but not the same.
    ///
    /// ```
    /// # use slacalc::Calendar;
    /// let json = r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]}}"#;
    /// let a = Calendar::from_json(json)?;
    /// let b = Calendar::from_json(json)?;
    /// assert!(a == b && !a.is_same(&b));
    /// assert!(a.is_same(&a.clone()));
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    pub fn is_same(&self, other: &Calendar) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> CalendarSpec {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn equal_configurations_share_one_calendar_while_it_lives() {
        let pool = CalendarPool::default();
        let berlin = r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]},
            "holidays": [{"preset": "de"}]}"#;
        let a = pool.get(spec(berlin)).unwrap();
        let b = pool.get(spec(berlin)).unwrap();
        assert!(a.is_same(&b));
        // Another holiday is another calendar.
        let other = pool
            .get(spec(
                r#"{"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"]},
                "holidays": [{"preset": "de"}, "2026-12-24"]}"#,
            ))
            .unwrap();
        assert!(!a.is_same(&other) && a != other);
        // Once every holder is gone the pool does not keep the calendar alive.
        let weak = Arc::downgrade(&a.inner);
        drop((a, b));
        assert_eq!(weak.strong_count(), 0);
        let again = pool.get(spec(berlin)).unwrap();
        assert!(!Arc::ptr_eq(&again.inner, &other.inner));
    }

    #[test]
    fn dead_entries_are_swept() {
        let pool = CalendarPool::default();
        for i in 0..100 {
            let json = format!(
                r#"{{"timezone": "UTC", "hours": {{"mon": ["09:00-17:00"]}},
                "holidays": ["2026-{:02}-{:02}"]}}"#,
                i / 28 + 1,
                i % 28 + 1
            );
            let held = pool.get(spec(&json)).unwrap();
            drop(held);
        }
        assert!(
            pool.lock().by_spec.len() <= 33,
            "{}",
            pool.lock().by_spec.len()
        );
    }

    #[test]
    fn errors_are_the_calendars_own() {
        let pool = CalendarPool::default();
        let err = pool
            .get(spec(r#"{"timezone": "Mars/Olympus", "hours": {}}"#))
            .unwrap_err();
        assert!(err.to_string().contains("Mars/Olympus"), "{err}");
    }
}
