//! Contract terms over time: the initial term, automatic renewals and the notice period.
//!
//! A contract runs from `start` for `initial_months`, then renews for `renewal_months` at a
//! time until one side gives notice at least `notice_months` before the end of a term. Terms
//! are half-open date ranges `[start, end)`: `end` is the first day of the next term.
//!
//! ```
//! use chrono::NaiveDate;
//! use slacalc::contract::Term;
//! // COSYS: "usually 3-5 years and extend thereafter" — here 3 years, then yearly, 3 months' notice.
//! let term: Term = serde_json::from_str(r#"{"start": "2024-01-01", "initial_months": 36,
//!     "renewal_months": 12, "notice_months": 3}"#)?;
//! let d = |s: &str| s.parse::<NaiveDate>();
//! assert_eq!(term.next_renewal(d("2026-05-01")?), Some(d("2027-01-01")?));
//! assert_eq!(term.notice_deadline(d("2026-05-01")?), Some(d("2026-09-30")?));
//! assert!(term.is_active(d("2031-07-01")?));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::config::Invalid;
use crate::error::Error;
use crate::time::parse_date;

/// A term as written, before it is checked: what [`Term`] reads and writes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, remote = "Self")]
struct TermFields {
    /// First day of the contract, `YYYY-MM-DD`.
    start: String,
    /// Length of the initial term in months (at least 1).
    initial_months: u32,
    /// Length of each automatic renewal in months; 0 = no automatic renewal.
    #[serde(default)]
    renewal_months: u32,
    /// Notice period in months before the end of a term.
    #[serde(default)]
    notice_months: u32,
    /// The day notice was given, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notice_given: Option<String>,
}

crate::config::tracked_serde!(TermFields);

/// A validated contract term: `{"start": "2024-01-01", "initial_months": 36,
/// "renewal_months": 12, "notice_months": 3, "notice_given": "2026-09-30"}` in configuration
/// (`start` and `initial_months` required; no renewal, no notice period and no notice by
/// default). Deserializing validates: a malformed date, an initial term of 0 months, a notice
/// period not shorter than the terms it applies to, or notice given before the start is
/// refused with the field and the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TermFields", into = "TermFields")]
pub struct Term {
    start: NaiveDate,
    initial_months: u32,
    renewal_months: u32,
    notice_months: u32,
    notice_given: Option<NaiveDate>,
}

impl From<Term> for TermFields {
    fn from(t: Term) -> TermFields {
        TermFields {
            start: t.start.to_string(),
            initial_months: t.initial_months,
            renewal_months: t.renewal_months,
            notice_months: t.notice_months,
            notice_given: t.notice_given.map(|d| d.to_string()),
        }
    }
}

impl TryFrom<TermFields> for Term {
    type Error = Invalid;

    fn try_from(fields: TermFields) -> Result<Term, Invalid> {
        Ok(Term::from_fields(&fields)?)
    }
}

/// Renewals are searched up to this many terms ahead (10,000 years of monthly renewals).
const MAX_TERMS: u32 = 120_000;

impl Term {
    /// Validates a term; error paths are relative to it (`start`, `notice_months`).
    ///
    /// # Errors
    /// [`Error::InvalidDate`] for malformed dates, [`Error::InvalidValue`] for an initial term
    /// of 0 months, a notice period not shorter than the terms it applies to, or notice given
    /// before the start.
    fn from_fields(spec: &TermFields) -> Result<Term, Error> {
        let start = parse_date("start", &spec.start)?;
        if spec.initial_months == 0 {
            return Err(Error::InvalidValue {
                path: "initial_months".to_owned(),
                value: "0".into(),
                expected: "a term of at least 1 month".into(),
            });
        }
        let shortest = if spec.renewal_months == 0 {
            spec.initial_months
        } else {
            spec.initial_months.min(spec.renewal_months)
        };
        if spec.notice_months >= shortest {
            return Err(Error::InvalidValue {
                path: "notice_months".to_owned(),
                value: spec.notice_months.to_string(),
                expected: format!("fewer months than the shortest term ({shortest})"),
            });
        }
        let notice_given = spec
            .notice_given
            .as_deref()
            .map(|s| parse_date("notice_given", s))
            .transpose()?;
        if let Some(n) = notice_given.filter(|n| *n < start) {
            return Err(Error::InvalidValue {
                path: "notice_given".to_owned(),
                value: n.to_string(),
                expected: format!("a day on or after the start {start}"),
            });
        }
        Ok(Term {
            start,
            initial_months: spec.initial_months,
            renewal_months: spec.renewal_months,
            notice_months: spec.notice_months,
            notice_given,
        })
    }

    /// The first day of the contract.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The first day of the `k`th term (0 = initial), counted from the contract's start so
    /// that month-end clamping never opens a gap between terms.
    fn term_start(&self, k: u32) -> Option<NaiveDate> {
        if k == 0 {
            return Some(self.start);
        }
        if self.renewal_months == 0 && k > 1 {
            return None;
        }
        let months = self
            .initial_months
            .checked_add(self.renewal_months.checked_mul(k - 1)?)?;
        self.start.checked_add_months(Months::new(months))
    }

    /// The `k`th term (0 = initial) as `[start, end)`, ignoring notice.
    fn nth_term(&self, k: u32) -> Option<(NaiveDate, NaiveDate)> {
        if k > 0 && self.renewal_months == 0 {
            return None;
        }
        Some((self.term_start(k)?, self.term_start(k.checked_add(1)?)?))
    }

    /// The last day to give notice for the term `[_, end)`.
    fn deadline_for(&self, end: NaiveDate) -> Option<NaiveDate> {
        end.checked_sub_months(Months::new(self.notice_months))?
            .pred_opt()
    }

    /// The index of the term containing `date`, without regard to notice.
    fn term_index(&self, date: NaiveDate) -> Option<u32> {
        if date < self.start {
            return None;
        }
        let (_, first_end) = self.nth_term(0)?;
        if date < first_end || self.renewal_months == 0 {
            return (date < first_end).then_some(0);
        }
        // Jump close by month arithmetic, then adjust (month lengths vary).
        let months_after = months_between(first_end, date);
        let mut k = u32::try_from(months_after / i64::from(self.renewal_months))
            .ok()?
            .saturating_add(1)
            .min(MAX_TERMS);
        while k > 1 && self.nth_term(k).is_some_and(|(s, _)| s > date) {
            k -= 1;
        }
        while self.nth_term(k).is_some_and(|(_, e)| e <= date) && k < MAX_TERMS {
            k += 1;
        }
        self.nth_term(k)
            .filter(|(s, e)| *s <= date && date < *e)
            .map(|_| k)
    }

    /// The end (exclusive) of the whole contract once notice was given: the end of the first
    /// term whose notice deadline is on or after the day notice was given.
    pub fn end(&self) -> Option<NaiveDate> {
        let given = self.notice_given?;
        let k = self.term_index(given).unwrap_or(0);
        for j in k..=k.saturating_add(1) {
            let (_, end) = self.nth_term(j)?;
            if self.deadline_for(end).is_some_and(|d| given <= d) {
                return Some(end);
            }
        }
        None
    }

    /// Whether the contract is in force on `date`.
    pub fn is_active(&self, date: NaiveDate) -> bool {
        if date < self.start || self.end().is_some_and(|e| date >= e) {
            return false;
        }
        self.term_index(date).is_some()
    }

    /// The term `[start, end)` in force on `date`, if any.
    pub fn current_term(&self, date: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        if !self.is_active(date) {
            return None;
        }
        self.nth_term(self.term_index(date)?)
    }

    /// The day the contract next renews after `date` (the end of the current term), or `None`
    /// when it will not renew (no automatic renewal, or notice given for this term).
    pub fn next_renewal(&self, date: NaiveDate) -> Option<NaiveDate> {
        let (_, end) = self.current_term(date)?;
        if self.renewal_months == 0 || self.end() == Some(end) {
            return None;
        }
        Some(end)
    }

    /// The last day to give notice so that the contract ends with the current term on `date`
    /// (or, when that day has passed, with the next term).
    pub fn notice_deadline(&self, date: NaiveDate) -> Option<NaiveDate> {
        let k = self.term_index(date)?;
        if !self.is_active(date) {
            return None;
        }
        for j in k..=k.saturating_add(1) {
            let (_, end) = self.nth_term(j)?;
            let deadline = self.deadline_for(end)?;
            if date <= deadline {
                return Some(deadline);
            }
        }
        None
    }
}

fn months_between(a: NaiveDate, b: NaiveDate) -> i64 {
    use chrono::Datelike;
    (i64::from(b.year()) - i64::from(a.year())) * 12 + i64::from(b.month()) - i64::from(a.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn term(notice_given: Option<&str>) -> Term {
        Term::from_fields(&TermFields {
            start: "2024-01-01".into(),
            initial_months: 36,
            renewal_months: 12,
            notice_months: 3,
            notice_given: notice_given.map(Into::into),
        })
        .unwrap()
    }

    #[test]
    fn renewals_and_notice() {
        let t = term(None);
        assert_eq!(
            t.current_term(d("2026-12-31")),
            Some((d("2024-01-01"), d("2027-01-01")))
        );
        assert_eq!(
            t.current_term(d("2027-01-01")),
            Some((d("2027-01-01"), d("2028-01-01")))
        );
        assert_eq!(t.next_renewal(d("2030-02-02")), Some(d("2031-01-01")));
        assert_eq!(t.notice_deadline(d("2026-09-30")), Some(d("2026-09-30")));
        // Too late for this term: the deadline of the next one.
        assert_eq!(t.notice_deadline(d("2026-10-01")), Some(d("2027-09-30")));
        assert!(!t.is_active(d("2023-12-31")));
        assert!(t.is_active(d("2300-06-01")));
    }

    #[test]
    fn notice_ends_the_contract_with_the_right_term() {
        let in_time = term(Some("2026-09-30"));
        assert_eq!(in_time.end(), Some(d("2027-01-01")));
        assert!(in_time.is_active(d("2026-12-31")));
        assert!(!in_time.is_active(d("2027-01-01")));
        assert_eq!(in_time.next_renewal(d("2026-06-01")), None);
        let late = term(Some("2026-10-01"));
        assert_eq!(late.end(), Some(d("2028-01-01")));
        assert_eq!(late.next_renewal(d("2026-11-01")), Some(d("2027-01-01")));
    }

    #[test]
    fn month_ends_clamp() {
        let t = Term::from_fields(&TermFields {
            start: "2024-01-31".into(),
            initial_months: 1,
            renewal_months: 1,
            notice_months: 0,
            notice_given: None,
        })
        .unwrap();
        assert_eq!(
            t.current_term(d("2024-02-15")),
            Some((d("2024-01-31"), d("2024-02-29")))
        );
        assert_eq!(
            t.current_term(d("2024-03-30")),
            Some((d("2024-02-29"), d("2024-03-31")))
        );
    }

    #[test]
    fn bad_terms() {
        let bad = |initial, renewal, notice| {
            Term::from_fields(&TermFields {
                start: "2024-01-01".into(),
                initial_months: initial,
                renewal_months: renewal,
                notice_months: notice,
                notice_given: None,
            })
            .unwrap_err()
            .to_string()
        };
        assert_eq!(
            bad(0, 12, 0),
            "initial_months: invalid value `0`: expected a term of at least 1 month"
        );
        assert_eq!(
            bad(36, 12, 12),
            "notice_months: invalid value `12`: expected fewer months than the shortest term (12)"
        );
    }
}
