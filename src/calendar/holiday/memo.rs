//! The per-year memo of a [`Holidays`](super::Holidays): the last few years computed, kept
//! behind a lock so that a shared set answers repeated questions about a year without
//! recomputing it.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;

use super::Holiday;

/// How many years' holiday lists a [`Holidays`](super::Holidays) keeps (most recently
/// computed first), for each of its memos.
const MEMO_YEARS: usize = 8;

/// A small memo of values by year, most recently computed first.
pub(crate) type YearMemo<T> = Mutex<VecDeque<(i32, Arc<[T]>)>>;

/// Small, thread-safe memos of computed years: the named holidays of a year, its holiday
/// dates alone (what the calendar engine asks for), and the dates every yearly rule gives in
/// a rule year (each year's holidays read three rule years, each shared with the
/// neighbouring years). They are not part of a value's identity: clones start empty,
/// equality ignores them.
#[derive(Default)]
pub(super) struct Memo {
    pub(super) named: YearMemo<Holiday>,
    pub(super) dates: YearMemo<NaiveDate>,
    /// `(date, index into `yearly`)`, in rule order.
    pub(super) rule_years: YearMemo<(NaiveDate, usize)>,
}

impl Clone for Memo {
    fn clone(&self) -> Self {
        Memo::default()
    }
}

/// The value of `year` in `memo`, or `compute`d and kept.
pub(crate) fn memoized<T>(
    memo: &YearMemo<T>,
    year: i32,
    compute: impl FnOnce() -> Vec<T>,
) -> Arc<[T]> {
    {
        let m = memo.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, v)) = m.iter().find(|(y, _)| *y == year) {
            return Arc::clone(v);
        }
    }
    let computed: Arc<[T]> = Arc::from(compute());
    let mut m = memo.lock().unwrap_or_else(PoisonError::into_inner);
    m.push_front((year, Arc::clone(&computed)));
    m.truncate(MEMO_YEARS);
    computed
}
