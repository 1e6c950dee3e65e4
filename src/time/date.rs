//! Dates: the one parser of configuration dates (`YYYY-MM-DD`), and local dates and days of
//! instants in a time zone, safe at the ends of chrono's range and across DST.

use chrono::{
    DateTime, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::{GapInfo, Tz};

use crate::error::Error;

/// The one parser of configuration dates: exactly `YYYY-MM-DD` (four-digit year, two-digit
/// month and day, ASCII digits, no sign, no spaces) naming a real calendar date.
///
/// chrono's `%Y-%m-%d` alone is lenient (it reads `" 026-01-01"` as the year 26), hence the
/// shape check first.
///
/// # Errors
/// [`Error::InvalidDate`] with `path` and the input.
pub(crate) fn parse_date(path: &str, s: &str) -> Result<NaiveDate, Error> {
    let bad = || Error::InvalidDate {
        path: path.to_owned(),
        input: s.to_owned(),
    };
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return Err(bad());
    }
    let number = |r: std::ops::Range<usize>| s.get(r).and_then(|d| d.parse::<u32>().ok());
    match (number(0..4), number(5..7), number(8..10)) {
        (Some(y), Some(m), Some(d)) => i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .ok_or_else(bad),
        _ => Err(bad()),
    }
}

/// The wall-clock reading of `at` in `tz`, or `None` when it lies beyond chrono's range of
/// local date-times (a few hours at either end of time). `DateTime::naive_local` and
/// `date_naive` panic there; the library calls this instead.
pub(crate) fn local_naive(tz: &Tz, at: DateTime<Utc>) -> Option<NaiveDateTime> {
    let utc = at.naive_utc();
    utc.checked_add_offset(tz.offset_from_utc_datetime(&utc).fix())
}

/// The local date of `at` in `tz` (see [`local_naive`]), as an error naming `operation` when
/// it is out of range.
pub(crate) fn local_date(
    tz: &Tz,
    at: DateTime<Utc>,
    operation: &'static str,
) -> Result<NaiveDate, Error> {
    local_naive(tz, at)
        .map(|n| n.date())
        .ok_or_else(|| crate::error::out_of_range(operation, super::rfc3339(at)))
}

/// The first instant whose wall clock in `tz` reads `local`: in a fold the first occurrence,
/// in a gap the first instant after the gap.
pub(crate) fn first_instant_reading(tz: &Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        MappedLocalTime::Single(t) | MappedLocalTime::Ambiguous(t, _) => Some(t.to_utc()),
        MappedLocalTime::None => GapInfo::new(&local, tz)?.end.map(|t| t.to_utc()),
    }
}

/// The first instant whose wall clock in `tz` reads `date` 00:00 or later after `after`: the
/// candidates are the instants reading 00:00 (two in a fold) or, in a gap, the first instant
/// after it.
fn day_start_after(tz: Tz, date: NaiveDate, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let naive = date.and_time(NaiveTime::MIN);
    let candidates: Vec<DateTime<Utc>> = match tz.from_local_datetime(&naive) {
        MappedLocalTime::Single(t) => vec![t.with_timezone(&Utc)],
        MappedLocalTime::Ambiguous(a, b) => vec![a.with_timezone(&Utc), b.with_timezone(&Utc)],
        MappedLocalTime::None => GapInfo::new(&naive, &tz)
            .and_then(|g| g.end)
            .map(|t| t.with_timezone(&Utc))
            .into_iter()
            .collect(),
    };
    candidates.into_iter().find(|t| *t > after)
}

/// The local date of `at` in `tz`, and the instant after `at` at which the next local date
/// begins (`None` only at the end of chrono's range).
pub(crate) fn local_day(tz: Tz, at: DateTime<Utc>) -> Option<(NaiveDate, DateTime<Utc>)> {
    let date = local_naive(&tz, at)?.date();
    let mut next = date;
    // A zone may skip a whole local date (Samoa skipped 2011-12-30); try a few.
    for _ in 0..3 {
        next = next.succ_opt()?;
        if let Some(t) = day_start_after(tz, next, at) {
            return Some((date, t));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::t;

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            parse_date("x", "2026-02-28").unwrap(),
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        );
        for bad in [
            "2026-02-29",
            " 026-01-01",
            "2026-1-01",
            "+2026-01-01",
            "2026-01-01 ",
        ] {
            assert_eq!(
                parse_date("at", bad),
                Err(Error::InvalidDate {
                    path: "at".into(),
                    input: bad.into()
                })
            );
        }
    }

    #[test]
    fn local_days_across_dst_and_skipped_dates() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // Spring forward on 2026-03-29: that date has 23 hours.
        let (date, next) = local_day(berlin, t("2026-03-28T23:00:00Z")).unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
        assert_eq!(next, t("2026-03-29T22:00:00Z"));
        // Sao Paulo skipped midnight on 2015-10-18: the date starts at 01:00 local.
        let sp: Tz = "America/Sao_Paulo".parse().unwrap();
        let (date, next) = local_day(sp, t("2015-10-17T12:00:00Z")).unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2015, 10, 17).unwrap());
        assert_eq!(next, t("2015-10-18T03:00:00Z"));
        // Samoa skipped 2011-12-30 entirely.
        let apia: Tz = "Pacific/Apia".parse().unwrap();
        let (date, next) = local_day(apia, t("2011-12-29T12:00:00Z")).unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2011, 12, 29).unwrap());
        assert_eq!(next, t("2011-12-30T10:00:00Z"));
        assert_eq!(
            next.with_timezone(&apia).date_naive(),
            NaiveDate::from_ymd_opt(2011, 12, 31).unwrap()
        );
    }
}
