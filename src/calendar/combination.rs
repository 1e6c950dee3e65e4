//! Combining calendars by set operations: [`Calendar::union`], [`Calendar::intersection`] and
//! [`Calendar::difference`] build a calendar from calendars (the interval arithmetic they
//! compute with is in `algebra`).

use std::sync::Arc;

use super::algebra::SetOp;
use super::limits::check_combined;
use super::{Calendar, CalendarSpec, Inner, Kind};
use crate::error::Error;

impl Calendar {
    /// The union of calendars: business time whenever any of them is open.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when `calendars` is empty, or when the combination exceeds
    /// [`MAX_COMBINED_CALENDARS`](super::MAX_COMBINED_CALENDARS) or
    /// [`MAX_NESTING_DEPTH`](super::MAX_NESTING_DEPTH).
    pub fn union(calendars: &[Calendar]) -> Result<Calendar, Error> {
        Self::composite("union", calendars, |s, v| s.union = Some(v))
    }

    /// The intersection of calendars: business time when all of them are open at once.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when `calendars` is empty, or when the combination exceeds
    /// [`MAX_COMBINED_CALENDARS`](super::MAX_COMBINED_CALENDARS) or
    /// [`MAX_NESTING_DEPTH`](super::MAX_NESTING_DEPTH).
    pub fn intersection(calendars: &[Calendar]) -> Result<Calendar, Error> {
        Self::composite("intersection", calendars, |s, v| s.intersection = Some(v))
    }

    /// Business time of `self` when none of `others` is open (for example, service hours
    /// minus maintenance windows).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the combination exceeds
    /// [`MAX_COMBINED_CALENDARS`](super::MAX_COMBINED_CALENDARS) or
    /// [`MAX_NESTING_DEPTH`](super::MAX_NESTING_DEPTH).
    pub fn difference(&self, others: &[Calendar]) -> Result<Calendar, Error> {
        let mut all = Vec::with_capacity(others.len() + 1);
        all.push(self.clone());
        all.extend_from_slice(others);
        Self::composite("difference", &all, |s, v| s.difference = Some(v))
    }

    fn composite(
        name: &str,
        calendars: &[Calendar],
        set: impl FnOnce(&mut CalendarSpec, Vec<CalendarSpec>),
    ) -> Result<Calendar, Error> {
        let op = match name {
            "union" => SetOp::Union,
            "intersection" => SetOp::Intersection,
            _ => SetOp::Difference,
        };
        if calendars.is_empty() {
            return Err(Error::InvalidValue {
                path: name.into(),
                value: "[]".into(),
                expected: "at least one calendar".into(),
            });
        }
        check_combined(name, calendars)?;
        let mut spec = CalendarSpec::default();
        set(
            &mut spec,
            calendars.iter().map(|c| c.inner.spec.clone()).collect(),
        );
        let kind = Kind::Composite(op, calendars.to_vec());
        Ok(Calendar {
            inner: Arc::new(Inner::new(spec, kind)),
        })
    }
}
