//! `RRULE`s: parsed, validated and expanded by the `rrule` crate; the simple yearly ones
//! recognised so that they become holiday rules, valid in every year, instead of lists.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use rrule::{Frequency, NWeekday, RRule, RRuleSet, Unvalidated};

use super::limits::{MAX_ICS_OCCURRENCES, MAX_ICS_PERIODS};
use super::lines::ContentLine;
use super::value::{instant, when, When};
use crate::calendar::holiday::{HolidayRule, HolidaySpec};
use crate::error::Error;

fn invalid(line: &ContentLine, value: impl ToString, expected: &str) -> Error {
    super::invalid(&line.path(), value, expected)
}

/// A parsed `RRULE` with its `DTSTART`.
pub(super) struct Occurrences {
    rule: RRule<Unvalidated>,
    start: When,
    /// `UNTIL`, read here rather than by `rrule` (which reads a floating `UNTIL` in the
    /// machine's local zone): a date, or a date-time in the zone of `DTSTART` or UTC.
    until: Option<When>,
}

/// `DTSTART` as `rrule` wants it: the instant in its zone (an all-day start at 00:00 UTC).
fn rrule_start(start: When) -> Option<DateTime<rrule::Tz>> {
    match start {
        When::Date(d) => Some(rrule::Tz::UTC.from_utc_datetime(&d.and_time(NaiveTime::MIN))),
        When::Time(naive, tz) => Some(instant(naive, tz, false)?.with_timezone(&rrule::Tz::Tz(tz))),
    }
}

impl Occurrences {
    /// Parses and validates the `RRULE` line against `DTSTART`.
    pub(super) fn parse(line: &ContentLine, start: When) -> Result<Self, Error> {
        let mut until = None;
        let mut rest = Vec::new();
        for part in line.value.split(';') {
            match part.split_once('=') {
                Some((k, v)) if k.eq_ignore_ascii_case("UNTIL") => {
                    let until_line = ContentLine {
                        params: Vec::new(),
                        ..line.clone()
                    };
                    let zone = match start {
                        When::Time(_, tz) => tz,
                        When::Date(_) => chrono_tz::UTC,
                    };
                    until = Some(when(&until_line, v, zone)?);
                }
                _ => rest.push(part),
            }
        }
        let rule: RRule<Unvalidated> = rest.join(";").parse().map_err(|e: rrule::RRuleError| {
            invalid(line, &line.value, &format!("a valid RRULE ({e})"))
        })?;
        let this = Occurrences { rule, start, until };
        // Validate now, so that every error names this line.
        this.set(line)?;
        Ok(this)
    }

    /// The rule set, validated, with `UNTIL` applied.
    fn set(&self, line: &ContentLine) -> Result<RRuleSet, Error> {
        let start = rrule_start(self.start)
            .ok_or_else(|| invalid(line, "DTSTART", "a representable DTSTART"))?;
        let mut rule = self.rule.clone();
        if let Some(until) = self.until {
            let t = match until {
                // A date UNTIL includes that whole day.
                When::Date(d) => d
                    .and_hms_opt(23, 59, 59)
                    .map(|n| rrule::Tz::UTC.from_utc_datetime(&n)),
                When::Time(naive, tz) => {
                    instant(naive, tz, true).map(|t| t.with_timezone(&start.timezone()))
                }
            };
            let t = t.ok_or_else(|| invalid(line, &line.value, "a representable UNTIL"))?;
            rule = rule.until(t);
        }
        rule.build(start)
            .map_err(|e| invalid(line, &line.value, &format!("a valid RRULE ({e})")))
    }

    /// The occurrences starting in the UTC years `years` (and `DTSTART`, always the first
    /// occurrence in RFC 5545), without `exclude`, sorted.
    fn expand(
        &self,
        years: (i32, i32),
        exclude: &[DateTime<Utc>],
        line: &ContentLine,
    ) -> Result<Vec<DateTime<Utc>>, Error> {
        let set = self.set(line)?;
        let from = NaiveDate::from_ymd_opt(years.0, 1, 1)
            .map(|d| rrule::Tz::UTC.from_utc_datetime(&d.and_time(NaiveTime::MIN)));
        let to = NaiveDate::from_ymd_opt(years.1, 12, 31)
            .and_then(|d| d.and_hms_opt(23, 59, 59))
            .map(|n| rrule::Tz::UTC.from_utc_datetime(&n));
        let (Some(from), Some(to)) = (from, to) else {
            return Err(invalid(
                line,
                format!("{}..={}", years.0, years.1),
                "representable years",
            ));
        };
        let first = *set.get_dt_start();
        // rrule steps period by period from DTSTART: bound the periods up to the end of the
        // years, so that an early DTSTART with a fine FREQ cannot make the expansion crawl.
        let period = match self.rule.get_freq() {
            Frequency::Yearly => 365 * 86_400,
            Frequency::Monthly => 28 * 86_400,
            Frequency::Weekly => 7 * 86_400,
            Frequency::Daily => 86_400,
            Frequency::Hourly => 3_600,
            Frequency::Minutely => 60,
            Frequency::Secondly => 1,
        } * i64::from(self.rule.get_interval().max(1));
        let periods = to.signed_duration_since(first).num_seconds() / period;
        if periods > MAX_ICS_PERIODS {
            return Err(invalid(
                line,
                &line.value,
                &format!(
                    "at most {} recurrence periods from DTSTART to the end of {} (about {periods} \
                     here: move DTSTART closer or use a coarser FREQ)",
                    MAX_ICS_PERIODS, years.1
                ),
            ));
        }
        let limit = u16::try_from(MAX_ICS_OCCURRENCES).unwrap_or(u16::MAX);
        let result = set.after(from).before(to).all(limit);
        if result.limited {
            return Err(invalid(
                line,
                &line.value,
                &format!(
                    "at most {limit} occurrences in {}..={} (narrow the years)",
                    years.0, years.1
                ),
            ));
        }
        let mut out: Vec<DateTime<Utc>> = result.dates.iter().map(DateTime::to_utc).collect();
        if first >= from && first <= to {
            out.push(first.to_utc());
        }
        out.retain(|t| !exclude.contains(t));
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    /// The dates of an all-day rule in `years`, without `exdates`.
    pub(super) fn dates(
        &self,
        years: (i32, i32),
        exdates: &[NaiveDate],
        line: &ContentLine,
    ) -> Result<Vec<NaiveDate>, Error> {
        let exclude: Vec<DateTime<Utc>> = exdates
            .iter()
            .map(|d| d.and_time(NaiveTime::MIN).and_utc())
            .collect();
        Ok(self
            .expand(years, &exclude, line)?
            .into_iter()
            .map(|t| t.date_naive())
            .collect())
    }

    /// The start instants of a timed rule in `years`, without `exdates`.
    pub(super) fn instants(
        &self,
        years: (i32, i32),
        exdates: &[(When, usize)],
        line: &ContentLine,
    ) -> Result<Vec<DateTime<Utc>>, Error> {
        let mut exclude = Vec::with_capacity(exdates.len());
        for (w, n) in exdates {
            let at = |value: &str| {
                super::invalid(
                    &format!("line {n} EXDATE"),
                    value,
                    "a date-time, as DTSTART is a date-time",
                )
            };
            match w {
                When::Time(naive, tz) => {
                    exclude.push(instant(*naive, *tz, false).ok_or_else(|| at("out of range"))?)
                }
                When::Date(d) => return Err(at(&d.format("%Y%m%d").to_string())),
            }
        }
        self.expand(years, &exclude, line)
    }
}

/// A yearly rule the calendar's holiday rules express exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct SimpleRule {
    kind: SimpleKind,
    /// First year (that of `DTSTART`).
    pub(super) from: i32,
    /// Last year, if the rule ends.
    pub(super) until: Option<i32>,
    /// Every that many years (`INTERVAL`).
    pub(super) every: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SimpleKind {
    /// `month`, `day`.
    MonthDay(u32, u32),
    /// `month`, `weekday`, `nth` (−5 … 5 but 0).
    Nth(u32, Weekday, i8),
}

/// The `nth` weekday of a month (negative: from the end).
fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: i8) -> Option<NaiveDate> {
    if nth > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(nth).ok()?)
    } else {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        let weeks = u64::try_from(-i64::from(nth) - 1).ok()?;
        last.checked_sub_days(chrono::Days::new(u64::from(back) + 7 * weeks))
            .filter(|d| d.month() == month)
    }
}

impl SimpleRule {
    /// The rule's date in `year` (whether or not the rule applies that year).
    pub(super) fn date_in(&self, year: i32) -> Option<NaiveDate> {
        match self.kind {
            SimpleKind::MonthDay(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            SimpleKind::Nth(m, wd, n) => nth_weekday(year, m, wd, n),
        }
    }

    /// Whether the rule gives a date in `year`.
    pub(super) fn applies_in(&self, year: i32) -> bool {
        year >= self.from
            && self.until.is_none_or(|u| year <= u)
            && (year - self.from) % self.every == 0
    }

    /// The holiday rule for years `from ..= until`.
    pub(super) fn spec(&self, from: i32, until: Option<i32>, name: &Option<String>) -> HolidaySpec {
        let mut rule = HolidayRule {
            name: name.clone(),
            from: Some(i64::from(from)),
            until: until.map(i64::from),
            every: (self.every > 1).then_some(i64::from(self.every)),
            ..HolidayRule::default()
        };
        match self.kind {
            SimpleKind::MonthDay(m, d) => {
                rule.month = Some(i64::from(m));
                rule.day = Some(i64::from(d));
            }
            SimpleKind::Nth(m, wd, n) => {
                rule.month = Some(i64::from(m));
                let key = crate::time::WeekdayKey::ALL
                    .into_iter()
                    .find(|k| k.weekday() == wd);
                rule.weekday = key.map(|k| k.as_str().to_owned());
                rule.nth = Some(i64::from(n));
            }
        }
        rule.into()
    }
}

/// The simple yearly rule of an all-day event starting on `first`, if its `RRULE` is one:
/// `FREQ=YEARLY` with at most `INTERVAL`, `COUNT` or `UNTIL`, and either nothing else, or
/// one `BYMONTH`, or one `BYMONTH` with one positive `BYMONTHDAY` or with one `BYDAY`
/// weekday with an ordinal, whose first date is `DTSTART`. 29 February and fifth weekdays with `COUNT` are expanded instead
/// (a year without them would not count).
pub(super) fn simple_rule(o: &Occurrences, first: NaiveDate) -> Option<SimpleRule> {
    let r = &o.rule;
    let plain = r.get_freq() == Frequency::Yearly
        && r.get_by_set_pos().is_empty()
        && r.get_by_year_day().is_empty()
        && r.get_by_week_no().is_empty()
        && r.get_by_hour().is_empty()
        && r.get_by_minute().is_empty()
        && r.get_by_second().is_empty()
        && r.get_by_month().len() <= 1
        && r.get_by_month_day().len() <= 1
        && r.get_by_weekday().len() <= 1
        && r.get_until().is_none();
    if !plain {
        return None;
    }
    let month = r
        .get_by_month()
        .first()
        .map_or(first.month(), |m| u32::from(*m));
    let kind = match (r.get_by_weekday().first(), r.get_by_month_day().first()) {
        (None, day) => {
            let day = match day {
                // A BYMONTHDAY without BYMONTH repeats in every month.
                Some(_) if r.get_by_month().is_empty() => return None,
                Some(d) => u32::try_from(*d).ok()?,
                None => first.day(),
            };
            if (month, day) == (2, 29) {
                return None;
            }
            SimpleKind::MonthDay(month, day)
        }
        (Some(NWeekday::Nth(n, wd)), None) if r.get_by_month().len() == 1 => {
            let n = i8::try_from(*n)
                .ok()
                .filter(|n| (1..=5).contains(&n.unsigned_abs()))?;
            if n.unsigned_abs() == 5 && r.get_count().is_some() {
                return None;
            }
            SimpleKind::Nth(month, *wd, n)
        }
        _ => return None,
    };
    let every = i32::from(r.get_interval().max(1));
    let mut rule = SimpleRule {
        kind,
        from: first.year(),
        until: None,
        every,
    };
    if rule.date_in(first.year()) != Some(first) {
        return None;
    }
    if let Some(count) = r.get_count() {
        let last = i32::try_from(count.checked_sub(1)?)
            .ok()?
            .checked_mul(every)?;
        rule.until = Some(first.year().checked_add(last)?);
    }
    if let Some(until) = o.until {
        let until = match until {
            When::Date(d) => d,
            When::Time(n, _) => NaiveDateTime::date(&n),
        };
        // The last year of the sequence whose date is on or before UNTIL.
        let mut y = first.year() + (until.year() - first.year()).div_euclid(every) * every;
        while y >= first.year() && rule.date_in(y).is_none_or(|d| d > until) {
            y -= every;
        }
        if y < first.year() {
            return None;
        }
        rule.until = Some(y);
    }
    Some(rule)
}
