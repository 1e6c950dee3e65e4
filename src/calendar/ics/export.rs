//! Writing holidays as an iCalendar text: one all-day `VEVENT` per holiday date.

use std::ops::RangeInclusive;

use chrono::Days;

use super::limits::MAX_ICS_YEARS;
use super::lines::{escape, fold};
use crate::calendar::holiday::Holidays;
use crate::calendar::model::Calendar;
use crate::error::Error;

impl Holidays {
    /// The holidays of the years `years` (at most [`MAX_ICS_YEARS`](super::MAX_ICS_YEARS)) as
    /// an iCalendar (RFC 5545) text: one all-day `VEVENT` per date (`DTSTART;VALUE=DATE`, the
    /// next day as `DTEND`, the holiday's name as `SUMMARY` when it has one, `TRANSP:
    /// TRANSPARENT`), with a `UID` made of the date and the same `DTSTAMP` for all, so
    /// that the same holidays always give the same text. Lines end in CRLF and are folded at
    /// 75 octets. [`IcsImport::parse`](super::IcsImport::parse) reads it back to the same
    /// dates.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when `years` is empty or longer than
    /// [`MAX_ICS_YEARS`](super::MAX_ICS_YEARS) years.
    pub fn to_ics(&self, years: RangeInclusive<i32>) -> Result<String, Error> {
        let (first, last) = (*years.start(), *years.end());
        if first > last || last.saturating_sub(first) >= MAX_ICS_YEARS {
            return Err(Error::InvalidArgument {
                operation: "Holidays::to_ics",
                reason: format!("years {first}..={last}: expected 1 to {MAX_ICS_YEARS} years"),
            });
        }
        let mut out = String::new();
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//slacalc//holidays//EN",
            "CALSCALE:GREGORIAN",
        ] {
            fold(line, &mut out);
        }
        for year in first..=last {
            for holiday in self.in_year(year) {
                let Some(next) = holiday.date.checked_add_days(Days::new(1)) else {
                    continue;
                };
                let day = holiday.date.format("%Y%m%d");
                fold("BEGIN:VEVENT", &mut out);
                fold(&format!("UID:{day}@holidays.slacalc"), &mut out);
                fold("DTSTAMP:19700101T000000Z", &mut out);
                fold(&format!("DTSTART;VALUE=DATE:{day}"), &mut out);
                fold(
                    &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
                    &mut out,
                );
                if !holiday.name.is_empty() {
                    fold(&format!("SUMMARY:{}", escape(&holiday.name)), &mut out);
                }
                fold("TRANSP:TRANSPARENT", &mut out);
                fold("END:VEVENT", &mut out);
            }
        }
        fold("END:VCALENDAR", &mut out);
        Ok(out)
    }
}

impl Calendar {
    /// The holidays of this calendar in the years `years` as an iCalendar text (see
    /// [`Holidays::to_ics`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a combination of calendars (export the member whose
    /// holidays are meant) and for `years` as in [`Holidays::to_ics`].
    pub fn holidays_to_ics(&self, years: RangeInclusive<i32>) -> Result<String, Error> {
        let spec = self.spec();
        if spec.timezone.is_none() {
            return Err(Error::InvalidArgument {
                operation: "Calendar::holidays_to_ics",
                reason: "the calendar is a combination: export the zoned calendar whose \
                         holidays are meant"
                    .to_owned(),
            });
        }
        Holidays::from_specs(&spec.holidays)
            .map_err(|e| e.at("holidays"))?
            .to_ics(years)
    }
}
