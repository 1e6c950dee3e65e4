//! Validated holiday rules and the dates they give in a year.

use chrono::{Datelike, NaiveDate, Weekday};

use super::clash::Clash;
use super::easter::{add_days, easter};
use super::observance::Observance;

/// What a rule computes for a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// One date, once.
    Date(NaiveDate),
    /// The same month and day every year (February 29 only in leap years).
    Fixed { month: u32, day: u32 },
    /// The `nth` weekday of a month; negative counts from the end.
    NthWeekday {
        month: u32,
        weekday: Weekday,
        nth: i8,
    },
    /// The first `weekday` on or after `month`/`day` (February 29 reads March 1 in common years).
    OnOrAfter {
        weekday: Weekday,
        month: u32,
        day: u32,
    },
    /// Days from Western Easter Sunday.
    Easter { offset: i64 },
    /// Days from Orthodox Easter Sunday (see [`super::orthodox`]).
    OrthodoxEaster { offset: i64 },
    /// A Hebrew calendar date (see [`super::hebrew`]), moved by the shift of its weekday.
    Hebrew {
        month: u32,
        day: u32,
        moves: super::shift::WeekdayShifts,
    },
    /// The dates of a published table (see [`super::table`]), moved by `offset` days, then
    /// by the shift of their weekday.
    Table {
        table: u16,
        offset: i8,
        moves: super::shift::WeekdayShifts,
    },
    /// A date of the Chinese lunisolar calendar (see [`super::chinese`]) in the Chinese
    /// year that begins in the rule year, moved by `offset` days.
    Chinese {
        calendar: super::chinese::LunisolarCalendar,
        month: u32,
        day: u32,
        offset: i8,
        /// Weekdays (bit 0 Monday … bit 6 Sunday) on which the holiday is not kept (its
        /// date after `offset`).
        skip: u8,
    },
    /// An equinox day by Japan's formula (see [`super::japan`]).
    Equinox(super::japan::Equinox),
    /// A solar term of the Chinese calendar (see [`super::solar_term`]).
    SolarTerm(super::solar_term::SolarTerm),
    /// A day between two holidays (see [`super::japan::Between`]): found by the holiday
    /// computation of a year, never by [`Kind::date_in`].
    Between(super::japan::Between),
    /// A fixed day moved by the shift of its weekday (see [`super::shift`]).
    Moved {
        month: u32,
        day: u32,
        moves: super::shift::WeekdayShifts,
        /// Weekdays (bit 0 Monday … bit 6 Sunday) on which the holiday is not kept.
        skip: u8,
    },
    /// A date of the Thai lunar calendar (see [`super::thai`]), a month later in a year
    /// with an extra month when `later`.
    Thai { month: u32, day: u32, later: bool },
}

/// A validated holiday rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rule {
    pub(crate) name: String,
    pub(crate) kind: Kind,
    pub(crate) observed: Observance,
    pub(crate) from: Option<i32>,
    pub(crate) until: Option<i32>,
    /// Applies only every that many years, counted from `from`.
    pub(crate) every: Option<u16>,
    /// Moves the date when it meets an Easter feast.
    pub(crate) clash: Option<Clash>,
}

fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let (ny, nm) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    let next = NaiveDate::from_ymd_opt(ny, nm, 1)?;
    next.pred_opt().map(|d| d.day())
}

/// Days from `from` forward to the next `to` (0 when equal).
fn days_until(from: Weekday, to: Weekday) -> u32 {
    (to.num_days_from_monday() + 7 - from.num_days_from_monday()) % 7
}

impl Kind {
    /// The date this kind gives in `year` (ignoring the year range), if any.
    pub(crate) fn date_in(self, year: i32) -> Option<NaiveDate> {
        match self {
            Kind::Date(d) => (d.year() == year).then_some(d),
            Kind::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            Kind::NthWeekday {
                month,
                weekday,
                nth,
            } => {
                let len = days_in_month(year, month)?;
                let day = if nth > 0 {
                    let first = NaiveDate::from_ymd_opt(year, month, 1)?.weekday();
                    1 + days_until(first, weekday) + 7 * (u32::from(nth.unsigned_abs()) - 1)
                } else {
                    let last = NaiveDate::from_ymd_opt(year, month, len)?.weekday();
                    let back = days_until(weekday, last) + 7 * (u32::from(nth.unsigned_abs()) - 1);
                    len.checked_sub(back)?
                };
                if (1..=len).contains(&day) {
                    NaiveDate::from_ymd_opt(year, month, day)
                } else {
                    None
                }
            }
            Kind::OnOrAfter {
                weekday,
                month,
                day,
            } => {
                let start = NaiveDate::from_ymd_opt(year, month, day)
                    .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1).filter(|_| month == 2))?;
                add_days(start, i64::from(days_until(start.weekday(), weekday)))
            }
            Kind::Easter { offset } => add_days(easter(year)?, offset),
            Kind::Moved {
                month,
                day,
                moves,
                skip,
            } => super::shift::moved_date(month, day, moves, skip, year),
            Kind::OrthodoxEaster { offset } => {
                add_days(super::orthodox::orthodox_easter(year)?, offset)
            }
            Kind::Chinese {
                calendar,
                month,
                day,
                offset,
                skip,
            } => add_days(
                super::chinese::date(calendar, year, month, day)?,
                i64::from(offset),
            )
            .filter(|d| skip & (1 << d.weekday().num_days_from_monday()) == 0),
            Kind::Thai { month, day, later } => super::thai::date(year, month, day, later),
            Kind::Equinox(e) => super::japan::equinox(e, year),
            Kind::SolarTerm(t) => super::solar_term::date(t, year),
            // A table or a Hebrew date may give several dates a year: see `Rule::dates_in`;
            // a day between holidays depends on the other rules (`Holidays::compute`).
            Kind::Table { .. } | Kind::Hebrew { .. } | Kind::Between(_) => None,
        }
    }
}

impl Rule {
    /// The date of a yearly rule for rule year `year`, within its `from`/`until` range.
    pub(crate) fn date_in(&self, year: i32) -> Option<NaiveDate> {
        if !self.applies_in(year) {
            return None;
        }
        let date = self.kind.date_in(year)?;
        match self.clash {
            Some(c) => c.apply(date, year),
            None => Some(date),
        }
    }

    /// Calls `f` with every date of a yearly rule for rule year `year`, within its
    /// `from`/`until` range: the one date of [`Rule::date_in`], or a table's or the Hebrew
    /// calendar's dates of that year. Nothing is built for a year outside the rule's range
    /// (a calendar's years walk every rule, so that case must cost next to nothing).
    pub(crate) fn for_dates_in(&self, year: i32, mut f: impl FnMut(NaiveDate)) {
        match self.kind {
            Kind::Table {
                table,
                offset,
                moves,
            } => {
                if self.applies_in(year) {
                    super::table::dates_in(table, offset, year)
                        .filter_map(|d| moves.apply(d))
                        .for_each(f);
                }
            }
            Kind::Hebrew { month, day, moves } => {
                if self.applies_in(year) {
                    super::hebrew::dates_in(month, day, moves, year)
                        .into_iter()
                        .for_each(f);
                }
            }
            _ => {
                if let Some(d) = self.date_in(year) {
                    f(d);
                }
            }
        }
    }

    /// Whether rule year `year` is within the rule's range and cycle.
    fn applies_in(&self, year: i32) -> bool {
        !(self.from.is_some_and(|f| year < f)
            || self.until.is_some_and(|u| year > u)
            || !super::shift::in_cycle(year, self.from, self.every))
    }

    /// Whether this is a table rule whose table continues without end (by the arithmetic
    /// Islamic calendar), which does not repeat with the Gregorian 400-year cycle.
    pub(crate) fn open_table(&self) -> bool {
        match self.kind {
            Kind::Table { table, .. } => {
                super::table::get(table).is_ok_and(|t| !t.then_hijri.is_empty())
            }
            _ => false,
        }
    }

    /// The first and last year a table rule (a date table, or the Chinese calendar's month
    /// table) can give a date for (`None` for other kinds).
    pub(crate) fn table_years(&self) -> Option<(i32, i32)> {
        match self.kind {
            Kind::Table { table, .. } => super::table::get(table).ok().map(|t| t.years),
            Kind::Chinese { calendar, .. } => super::chinese::years(calendar),
            Kind::Equinox(_) => Some(super::japan::EQUINOX_YEARS),
            Kind::SolarTerm(_) => Some(super::solar_term::YEARS),
            Kind::Thai { .. } => super::thai::years(),
            _ => None,
        }
    }

    /// Whether rule year `year` is within the rule's range and cycle (for the rules whose
    /// dates the holiday computation finds, as a day between holidays).
    pub(crate) fn applies(&self, year: i32) -> bool {
        self.applies_in(year)
    }

    /// The date of a one-off rule.
    pub(crate) fn one_off(&self) -> Option<NaiveDate> {
        match self.kind {
            Kind::Date(d) => Some(d),
            _ => None,
        }
    }
}
