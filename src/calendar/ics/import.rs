//! Reading an `.ics` text into holidays and closures (see the module docs of
//! [`calendar`](crate::calendar), section "iCalendar").

use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate};
use chrono_tz::Tz;

use super::invalid;
use super::limits::{
    MAX_ICS_BYTES, MAX_ICS_EVENTS, MAX_ICS_EVENT_DAYS, MAX_ICS_OCCURRENCES, MAX_ICS_YEARS,
};
use super::lines::{content_lines, unescape, ContentLine};
use super::recurrence::{simple_rule, Occurrences, SimpleRule};
use super::value::{instant, when, When};
use super::{IcsClosure, IcsImport};
use crate::calendar::holiday::{HolidayRule, HolidaySpec};
use crate::error::Error;

/// One `VEVENT` as read.
#[derive(Debug, Default)]
struct Event {
    begin: usize,
    summary: Option<String>,
    start: Option<(When, usize)>,
    end: Option<(When, usize)>,
    rrule: Option<ContentLine>,
    exdates: Vec<(When, usize)>,
}

/// Parses `text` (RFC 5545): see [`IcsImport::parse`].
pub(super) fn parse(text: &str, years: RangeInclusive<i32>, zone: Tz) -> Result<IcsImport, Error> {
    if text.len() > MAX_ICS_BYTES {
        return Err(invalid(
            "ics",
            format!("{} bytes", text.len()),
            &format!("at most {MAX_ICS_BYTES} bytes"),
        ));
    }
    let (first, last) = (*years.start(), *years.end());
    if first > last || last.saturating_sub(first) >= MAX_ICS_YEARS {
        return Err(invalid(
            "years",
            format!("{first}..={last}"),
            &format!("a range of 1 to {MAX_ICS_YEARS} years"),
        ));
    }
    let lines = content_lines(text)?;
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut seen_calendar = false;
    for line in lines {
        match line.name.as_str() {
            "BEGIN" => {
                let kind = line.value.to_ascii_uppercase();
                if stack.is_empty() && (kind != "VCALENDAR" || seen_calendar) {
                    return Err(invalid(
                        &line.path(),
                        &line.value,
                        "one VCALENDAR around everything",
                    ));
                }
                seen_calendar = true;
                if kind == "VEVENT" {
                    if stack.last().map(|s| s.0.as_str()) != Some("VCALENDAR") {
                        return Err(invalid(
                            &line.path(),
                            &line.value,
                            "a VEVENT directly inside the VCALENDAR",
                        ));
                    }
                    if events.len() >= MAX_ICS_EVENTS {
                        return Err(invalid(
                            &line.path(),
                            "VEVENT",
                            &format!("at most {MAX_ICS_EVENTS} events"),
                        ));
                    }
                    events.push(Event {
                        begin: line.number,
                        ..Event::default()
                    });
                }
                stack.push((kind, line.number));
            }
            "END" => {
                let kind = line.value.to_ascii_uppercase();
                match stack.pop() {
                    Some((open, _)) if open == kind => {}
                    Some((open, at)) => {
                        return Err(invalid(
                            &line.path(),
                            &line.value,
                            &format!("END:{open} (BEGIN:{open} is on line {at})"),
                        ))
                    }
                    None => return Err(invalid(&line.path(), &line.value, "a BEGIN before it")),
                }
            }
            _ if stack.is_empty() => {
                return Err(invalid(
                    &line.path(),
                    &line.value,
                    "properties inside BEGIN:VCALENDAR … END:VCALENDAR",
                ));
            }
            _ if stack.last().map(|s| s.0.as_str()) == Some("VEVENT") => {
                if let Some(event) = events.last_mut() {
                    event_property(event, line, zone)?;
                }
            }
            // Properties of the calendar and of other components (VTIMEZONE, VALARM, …)
            // carry nothing a business calendar uses.
            _ => {}
        }
    }
    if let Some((open, at)) = stack.pop() {
        return Err(invalid(
            &format!("line {at} BEGIN"),
            open,
            "a matching END before the text ends",
        ));
    }
    if !seen_calendar {
        return Err(invalid(
            "ics",
            "no BEGIN:VCALENDAR",
            "an iCalendar text (BEGIN:VCALENDAR … END:VCALENDAR)",
        ));
    }
    let mut out = IcsImport::default();
    let mut budget = MAX_ICS_OCCURRENCES;
    for event in events {
        import_event(event, (first, last), &mut budget, &mut out)?;
    }
    Ok(out)
}

fn event_property(event: &mut Event, line: ContentLine, zone: Tz) -> Result<(), Error> {
    let once = |set: bool, line: &ContentLine| {
        if set {
            Err(invalid(
                &line.path(),
                &line.value,
                "one such property per VEVENT",
            ))
        } else {
            Ok(())
        }
    };
    match line.name.as_str() {
        "SUMMARY" => {
            once(event.summary.is_some(), &line)?;
            event.summary = Some(unescape(&line.value));
        }
        "DTSTART" => {
            once(event.start.is_some(), &line)?;
            event.start = Some((when(&line, &line.value, zone)?, line.number));
        }
        "DTEND" => {
            once(event.end.is_some(), &line)?;
            event.end = Some((when(&line, &line.value, zone)?, line.number));
        }
        "RRULE" => {
            once(event.rrule.is_some(), &line)?;
            event.rrule = Some(line);
        }
        "EXDATE" => {
            for value in line.value.split(',') {
                event.exdates.push((when(&line, value, zone)?, line.number));
            }
        }
        "DURATION" | "RDATE" | "EXRULE" => return Err(invalid(
            &line.path(),
            &line.value,
            "DTSTART with DTEND, RRULE and EXDATE (DURATION, RDATE and EXRULE are not supported)",
        )),
        _ => {}
    }
    Ok(())
}

fn take(budget: &mut usize, n: usize, path: &str) -> Result<(), Error> {
    *budget = budget.checked_sub(n).ok_or_else(|| {
        invalid(
            path,
            "more dates",
            &format!("at most {MAX_ICS_OCCURRENCES} dates and closures from all events together"),
        )
    })?;
    Ok(())
}

fn import_event(
    event: Event,
    years: (i32, i32),
    budget: &mut usize,
    out: &mut IcsImport,
) -> Result<(), Error> {
    let at = format!("line {} VEVENT", event.begin);
    let (start, start_line) = event
        .start
        .ok_or_else(|| invalid(&at, "no DTSTART", "a DTSTART"))?;
    let name = event.summary.clone().filter(|s| !s.is_empty());
    match start {
        When::Date(first) => {
            let days = match event.end {
                None => 1,
                Some((When::Date(end), n)) => {
                    let days = end.signed_duration_since(first).num_days();
                    if !(1..=MAX_ICS_EVENT_DAYS).contains(&days) {
                        return Err(invalid(
                            &format!("line {n} DTEND"),
                            end.format("%Y%m%d"),
                            &format!("a date 1 to {MAX_ICS_EVENT_DAYS} days after DTSTART"),
                        ));
                    }
                    days
                }
                Some((When::Time(..), n)) => {
                    return Err(invalid(
                        &format!("line {n} DTEND"),
                        "a date-time",
                        "a date, as DTSTART is a date",
                    ))
                }
            };
            let exdates = dates_of(&event.exdates)?;
            match &event.rrule {
                None => {
                    take(budget, days as usize, &at)?;
                    for d in 0..days {
                        if let Some(date) = first.checked_add_days(Days::new(d as u64)) {
                            out.holidays.push(one_off(date, &name));
                        }
                    }
                    Ok(())
                }
                Some(rule_line) => {
                    let occurrences = Occurrences::parse(rule_line, start)?;
                    if days == 1 {
                        if let Some(rule) = simple_rule(&occurrences, first) {
                            out.holidays.extend(split_rule(&rule, &exdates, &name));
                            return Ok(());
                        }
                    }
                    let dates = occurrences.dates(years, &exdates, rule_line)?;
                    take(
                        budget,
                        dates.len().saturating_mul(days as usize),
                        &rule_line.path(),
                    )?;
                    for date in dates {
                        for d in 0..days {
                            if let Some(date) = date.checked_add_days(Days::new(d as u64)) {
                                out.holidays.push(one_off(date, &name));
                            }
                        }
                    }
                    Ok(())
                }
            }
        }
        When::Time(naive, tz) => {
            let (end_naive, end_tz, end_line) = match event.end {
                Some((When::Time(n, t), l)) => (n, t, l),
                Some((When::Date(_), l)) => {
                    return Err(invalid(
                        &format!("line {l} DTEND"),
                        "a date",
                        "a date-time, as DTSTART is a date-time",
                    ))
                }
                None => return Err(invalid(&at, "no DTEND", "a DTEND for a timed event")),
            };
            let begin = instant(naive, tz, false);
            let end = instant(end_naive, end_tz, true);
            let (Some(begin), Some(end)) = (begin, end) else {
                return Err(invalid(
                    &format!("line {start_line} DTSTART"),
                    naive,
                    "a representable date-time",
                ));
            };
            let length = end.signed_duration_since(begin);
            if length.num_seconds() <= 0 || length.num_days() > MAX_ICS_EVENT_DAYS {
                return Err(invalid(
                    &format!("line {end_line} DTEND"),
                    end_naive,
                    &format!("a date-time after DTSTART, at most {MAX_ICS_EVENT_DAYS} days later"),
                ));
            }
            let starts = match &event.rrule {
                None => vec![begin],
                Some(rule_line) => {
                    let occurrences = Occurrences::parse(rule_line, start)?;
                    occurrences.instants(years, &event.exdates, rule_line)?
                }
            };
            take(budget, starts.len(), &at)?;
            for s in starts {
                if let Some(e) = s.checked_add_signed(length) {
                    out.closures.push(IcsClosure {
                        name: name.clone().unwrap_or_default(),
                        start: s,
                        end: e,
                    });
                }
            }
            Ok(())
        }
    }
}

fn dates_of(exdates: &[(When, usize)]) -> Result<Vec<NaiveDate>, Error> {
    exdates
        .iter()
        .map(|(w, n)| match w {
            When::Date(d) => Ok(*d),
            When::Time(..) => Err(invalid(
                &format!("line {n} EXDATE"),
                "a date-time",
                "a date (VALUE=DATE), as DTSTART is a date",
            )),
        })
        .collect()
}

fn one_off(date: NaiveDate, name: &Option<String>) -> HolidaySpec {
    HolidayRule {
        name: name.clone(),
        date: Some(date.format("%Y-%m-%d").to_string()),
        ..HolidayRule::default()
    }
    .into()
}

/// The holiday rules of a simple yearly rule without the years of its excluded dates: the
/// rule's years split around each year whose date is an `EXDATE`.
fn split_rule(rule: &SimpleRule, exdates: &[NaiveDate], name: &Option<String>) -> Vec<HolidaySpec> {
    let mut excluded: Vec<i32> = exdates
        .iter()
        .filter(|d| rule.date_in(d.year()) == Some(**d) && rule.applies_in(d.year()))
        .map(Datelike::year)
        .collect();
    excluded.sort_unstable();
    excluded.dedup();
    let mut out = Vec::new();
    let mut from = Some(rule.from);
    for y in excluded {
        if let Some(f) = from.filter(|f| *f < y) {
            out.push(rule.spec(f, Some(y.saturating_sub(rule.every)), name));
        }
        from = y.checked_add(rule.every);
    }
    if let Some(f) = from {
        if rule.until.is_none_or(|u| f <= u) {
            out.push(rule.spec(f, rule.until, name));
        }
    }
    out
}
