//! Business days: local dates on which at least one shift starts and that are not holidays.
//!
//! Each local year is compiled once into a prefix count of its business days, so moving by
//! `n` business days or counting them over a range is a lookup and a binary search plus one
//! addition per year crossed — and whole 400-year cycles are jumped — whatever `n` is.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::algebra::SetOp;
use super::day::{date_of_day, day_of_date};
use super::timeline::{days_from_civil, HeapSize, MAX_YEAR, MIN_YEAR};
use super::years::{Extreme, Period, ShapeTotals, WalkError, YearSeries};
use super::{Calendar, Kind};
use crate::error::{out_of_range, Error};
use crate::time::rfc3339;

/// A number of business days: what [`Calendar::add_business_days`] moves by and
/// [`Calendar::business_days_between`] counts, and what the business-day target forms and
/// ladder steps of a contract name. Signed: a negative count moves backward (chrono's `Days`
/// is unsigned and counts calendar days). In configuration it is a plain integer
/// (`{"business_days": 2}`); it displays as `1 business day`, `5 business days`.
///
/// ```
/// use slacalc::calendar::BusinessDays;
/// assert_eq!(BusinessDays(5).to_string(), "5 business days");
/// assert_eq!(BusinessDays(1).to_string(), "1 business day");
/// assert_eq!(serde_json::from_str::<BusinessDays>("-2")?, BusinessDays(-2));
/// assert_eq!(serde_json::to_string(&BusinessDays(3))?, "3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct BusinessDays(pub i64);

impl BusinessDays {
    /// `n` business days.
    pub const fn new(n: i64) -> BusinessDays {
        BusinessDays(n)
    }

    /// The count.
    pub const fn get(self) -> i64 {
        self.0
    }

    /// `business day` for one (or minus one), `business days` otherwise.
    pub(crate) fn unit(self) -> &'static str {
        if self.0.abs() == 1 {
            "business day"
        } else {
            "business days"
        }
    }
}

impl fmt::Display for BusinessDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.unit())
    }
}

/// The business days of one local year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DayYear {
    /// Day number (days since 1970-01-01) of January 1.
    first_day: i64,
    /// `prefix[i]` = business days among the first `i` days of the year; `days + 1` entries.
    prefix: Vec<u16>,
}

impl DayYear {
    fn from_mask(first_day: i64, mask: &[bool]) -> DayYear {
        let mut prefix = Vec::with_capacity(mask.len() + 1);
        let mut n = 0u16;
        prefix.push(0);
        for &open in mask {
            n += u16::from(open);
            prefix.push(n);
        }
        DayYear { first_day, prefix }
    }

    fn mask(&self) -> Vec<bool> {
        self.prefix
            .windows(2)
            .map(|w| w.get(1) > w.first())
            .collect()
    }

    fn total(&self) -> i64 {
        i64::from(self.prefix.last().copied().unwrap_or(0))
    }

    /// Business days of the year before day `day` (clamped to the year).
    fn before(&self, day: i64) -> i64 {
        let idx = usize::try_from(day - self.first_day).unwrap_or(0);
        i64::from(self.prefix.get(idx).copied().unwrap_or(0))
    }

    fn is_business(&self, day: i64) -> bool {
        let idx = usize::try_from(day - self.first_day).unwrap_or(usize::MAX);
        matches!(
            (self.prefix.get(idx), self.prefix.get(idx.wrapping_add(1))),
            (Some(a), Some(b)) if b > a
        )
    }

    /// The day holding ordinal `k` (0-based) among the year's business days, `k < total`.
    fn nth(&self, k: i64) -> i64 {
        let i = self.prefix.partition_point(|&p| i64::from(p) <= k);
        self.first_day + i as i64 - 1
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.prefix.capacity() * 2
    }
}

impl HeapSize for DayYear {
    fn heap_bytes(&self) -> usize {
        DayYear::heap_bytes(self)
    }
}

fn year_first_day(y: i32) -> i64 {
    days_from_civil(y, 1, 1)
}

impl Calendar {
    fn day_year(&self, y: i32) -> Cow<'_, DayYear> {
        let build = || Ok(self.build_day_year(y));
        self.inner
            .days
            .get_or_build(y, build)
            .unwrap_or_else(|_| Cow::Owned(DayYear::from_mask(year_first_day(y), &[])))
    }

    /// The business days of local year `y` for a combination being compiled: the member's
    /// own if cached, else built and not kept (see `Calendar::intervals_in`).
    fn member_day_year(&self, y: i32) -> Cow<'_, DayYear> {
        match self.inner.days.get(y) {
            Some(d) => Cow::Borrowed(d),
            None if (MIN_YEAR..=MAX_YEAR).contains(&y) => Cow::Owned(self.build_day_year(y)),
            None => Cow::Owned(DayYear::from_mask(year_first_day(y), &[])),
        }
    }

    fn build_day_year(&self, y: i32) -> DayYear {
        let first = year_first_day(y);
        let last = year_first_day(y.saturating_add(1));
        let mask: Vec<bool> = match &self.inner.kind {
            Kind::Zoned(z) => z.business_days_in(first, last - 1),
            Kind::Composite(op, members) => {
                let masks: Vec<Vec<bool>> = members
                    .iter()
                    .map(|m| m.member_day_year(y).mask())
                    .collect();
                let len = usize::try_from(last - first).unwrap_or(0);
                (0..len)
                    .map(|i| {
                        let at = |m: &Vec<bool>| m.get(i).copied().unwrap_or(false);
                        match op {
                            SetOp::Union => masks.iter().any(at),
                            SetOp::Intersection => masks.iter().all(at),
                            SetOp::Difference => masks.first().is_some_and(at),
                        }
                    })
                    .collect()
            }
        };
        DayYear::from_mask(first, &mask)
    }

    /// Moves `days` business days from `date`: first rolls `date` to a business day (forward
    /// when `days >= 0`, backward when negative), then moves `days` business days.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use slacalc::calendar::BusinessDays;
    /// use slacalc::Calendar;
    /// let cal: Calendar = serde_json::from_str(r#"{"timezone": "Europe/Berlin",
    ///     "hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
    ///               "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]},
    ///     "holidays": ["2026-12-25", "2026-12-26"]}"#)?;
    /// let thu = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
    /// // Friday the 25th is a holiday: the next business day is Monday the 28th.
    /// assert_eq!(
    ///     cal.add_business_days(thu, BusinessDays(1))?,
    ///     NaiveDate::from_ymd_opt(2026, 12, 28).unwrap()
    /// );
    /// // A Saturday rolls forward to Monday before moving.
    /// let sat = NaiveDate::from_ymd_opt(2026, 12, 19).unwrap();
    /// assert_eq!(
    ///     cal.add_business_days(sat, BusinessDays(0))?,
    ///     NaiveDate::from_ymd_opt(2026, 12, 21).unwrap()
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::NoBusinessTime`] when there are not enough business days in that direction,
    /// [`Error::OutOfRange`] when the result is beyond chrono's dates.
    pub fn add_business_days(
        &self,
        date: NaiveDate,
        days: BusinessDays,
    ) -> Result<NaiveDate, Error> {
        let BusinessDays(days) = days;
        let oor = || out_of_range("add_business_days", format_args!("{date} {days:+}"));
        let y = date.year();
        let day = day_of_date(date);
        let year = self.day_year(y);
        let mut k = year.before(day);
        if days < 0 && !year.is_business(day) {
            k -= 1;
        }
        let k = k.checked_add(days).ok_or_else(oor)?;
        drop(year);
        let at = date
            .and_hms_opt(0, 0, 0)
            .map(|d| d.and_utc())
            .unwrap_or_default();
        let (y, k) = Days(self)
            .walk(y, k, Extreme::Latest)
            .map_err(|e| match e {
                WalkError::Exhausted => Error::NoBusinessTime {
                    at,
                    direction: if days < 0 { "before" } else { "after" },
                },
                WalkError::OutOfRange => oor(),
            })?;
        date_of_day(self.day_year(y).nth(k)).ok_or_else(oor)
    }

    /// Business days in `[from, to)`; negative when `to` is before `from` (then it counts
    /// `[to, from)`), like numpy's `busday_count`.
    ///
    /// # Errors
    /// [`Error::OutOfRange`] when the range leaves the years a calendar with open-ended
    /// Easter-based holidays computes exactly (see [`crate::calendar::NON_PERIODIC_LAST_YEAR`]).
    pub fn business_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<BusinessDays, Error> {
        if to < from {
            return self
                .business_days_between(to, from)
                .map(|BusinessDays(n)| BusinessDays(-n));
        }
        let (ya, yb) = (from.year(), to.year());
        let a = self.day_year(ya);
        let (da, db) = (day_of_date(from), day_of_date(to));
        if ya == yb {
            return Ok(BusinessDays(a.before(db) - a.before(da)));
        }
        let head = a.total() - a.before(da);
        let middle = Days(self)
            .sum_years(ya + 1, yb - 1)
            .map_err(|_| out_of_range("business_days_between", format_args!("{from}..{to}")))?;
        Ok(BusinessDays(head + middle + self.day_year(yb).before(db)))
    }
}

/// The business days of a calendar, year by year.
pub(super) struct Days<'a>(pub(super) &'a Calendar);

impl YearSeries for Days<'_> {
    fn calendar(&self) -> &Calendar {
        self.0
    }

    fn direct_total(&self, y: i32) -> i64 {
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            return 0;
        }
        self.0.day_year(y).total()
    }

    fn region_cells(&self) -> &[OnceLock<Period>] {
        &self.0.inner.day_regions
    }

    fn shape_totals(&self) -> &ShapeTotals {
        &self.0.inner.day_shapes
    }

    fn listed_cells(&self) -> &[OnceLock<i64>] {
        &self.0.inner.listed_days
    }
}

/// Deadline forms of contracts that count in business days rather than business hours.
impl Calendar {
    fn zoned_for(&self, operation: &'static str) -> Result<&super::zoned::Zoned, Error> {
        match &self.inner.kind {
            Kind::Zoned(z) => Ok(z),
            Kind::Composite(..) => Err(Error::InvalidArgument {
                operation,
                reason: "needs a calendar with one time zone; a union, intersection or \
                         difference has none (use the calendar whose local time counts)"
                    .into(),
            }),
        }
    }

    /// "`days` business days later at the same local time": the local date of `at` moved by
    /// [`Calendar::add_business_days`] (rolling forward first when `at` falls on a day that is
    /// not a business day), at the wall-clock time of `at`. A time that does not exist on the
    /// target date (DST gap) gives the first instant after the gap; one that occurs twice
    /// (fold) gives the first occurrence.
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    /// use slacalc::calendar::BusinessDays;
    /// use slacalc::Calendar;
    /// let cal: Calendar = serde_json::from_str(r#"{"timezone": "Europe/Berlin",
    ///     "hours": {"mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
    ///               "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]},
    ///     "holidays": ["2026-12-25", "2026-12-26"]}"#)?;
    /// // Friday 2026-12-18 16:30 in Berlin, plus 5 business days: Monday the 28th, 16:30.
    /// let at: DateTime<Utc> = "2026-12-18T15:30:00Z".parse()?;
    /// let due = cal.business_days_later(at, BusinessDays(5))?;
    /// assert_eq!(due, "2026-12-28T15:30:00Z".parse::<DateTime<Utc>>()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a calendar without a single time zone, and the errors
    /// of [`Calendar::add_business_days`].
    pub fn business_days_later(
        &self,
        at: DateTime<Utc>,
        days: BusinessDays,
    ) -> Result<DateTime<Utc>, Error> {
        let z = self.zoned_for("business_days_later")?;
        let oor = || {
            out_of_range(
                "business_days_later",
                format_args!("{} {:+}", rfc3339(at), days.get()),
            )
        };
        let local = crate::time::local_naive(&z.tz, at).ok_or_else(oor)?;
        let date = self.add_business_days(local.date(), days)?;
        let tod = i64::from(local.time().num_seconds_from_midnight());
        let secs = z.instant_of_local(day_of_date(date) * 86_400 + tod);
        DateTime::from_timestamp(secs, local.time().nanosecond().min(999_999_999)).ok_or_else(oor)
    }

    /// "By the end of the `n`th business day": the end of the last shift that starts on the
    /// business day `n` business days after the local date of `at` (`n = 0`: the end of that
    /// day's hours, or of the next business day's when `at` falls on a day that is not one;
    /// `n = 1`: "by the end of the next business day").
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    /// use slacalc::calendar::BusinessDays;
    /// use slacalc::Calendar;
    /// let cal: Calendar = serde_json::from_str(r#"{"timezone": "Europe/Berlin",
    ///     "hours": {"mon": ["08:00-17:00"], "tue": ["08:00-17:00"], "wed": ["08:00-17:00"],
    ///               "thu": ["08:00-17:00"], "fri": ["08:00-17:00"]}}"#)?;
    /// // Reported Friday 2026-11-27 at 16:00 Berlin: due by the end of Monday, 17:00 Berlin.
    /// let at: DateTime<Utc> = "2026-11-27T15:00:00Z".parse()?;
    /// let due = cal.end_of_business_day(at, BusinessDays(1))?;
    /// assert_eq!(due, "2026-11-30T16:00:00Z".parse::<DateTime<Utc>>()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Calendar::business_days_later`]; `n` must not be negative
    /// ([`Error::InvalidArgument`]).
    pub fn end_of_business_day(
        &self,
        at: DateTime<Utc>,
        n: BusinessDays,
    ) -> Result<DateTime<Utc>, Error> {
        if n.get() < 0 {
            return Err(Error::InvalidArgument {
                operation: "end_of_business_day",
                reason: format!("n must be 0 or more, got {}", n.get()),
            });
        }
        let z = self.zoned_for("end_of_business_day")?;
        let date = self.add_business_days(
            crate::time::local_date(&z.tz, at, "end_of_business_day")?,
            n,
        )?;
        let oor = || {
            out_of_range(
                "end_of_business_day",
                format_args!("{} {:+}", rfc3339(at), n.get()),
            )
        };
        let end = z.last_shift_end(date).ok_or_else(oor)?;
        DateTime::from_timestamp(z.end_instant_of_local(end), 0).ok_or_else(oor)
    }
}
