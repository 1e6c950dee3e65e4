//! How the crate prints instants: RFC 3339 in UTC for messages and serialized reports, and
//! local time with its zone and offset for people ([`ZonedInstant`]).

use std::fmt;

use chrono::{DateTime, Offset, SecondsFormat, TimeZone, Timelike, Utc};
use chrono_tz::{OffsetName, Tz};

use super::date::local_naive;

/// `t` in RFC 3339, UTC as `Z`, with as many fractional digits as it has.
pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// An instant shown to people in a time zone: a lazy `Display` wrapper, the form every
/// human-readable report of the crate prints instants in.
///
/// The form is `YYYY-MM-DD HH:MM`, then `:SS` when the seconds are not zero and the
/// fraction when there is one (3, 6 or 9 digits: `.500`, `.000000001`), then the zone's
/// abbreviation (where the tz database has a letter one) and the UTC offset in parentheses:
/// `2026-03-02 14:00 CET (+01:00)`, `2026-03-30 09:00:30 CEST (+02:00)`,
/// `2026-03-02 10:30:00.000000001 UTC (+00:00)`, `2026-03-02 11:00 (-03:00)` (São Paulo,
/// whose abbreviation is only the offset). The offset makes every reading unambiguous, in a
/// DST fold too; the abbreviation only helps the reader. At the few hours at either end of
/// chrono's range where the local reading does not exist, the instant prints in RFC 3339 UTC.
///
/// Serialized reports keep RFC 3339 in UTC (`2026-03-02T13:00:00Z`): this form is for
/// people, not for parsing.
///
/// ```
/// use chrono::{DateTime, Utc};
/// use chrono_tz::Tz;
/// use slacalc::time::ZonedInstant;
///
/// let berlin: Tz = "Europe/Berlin".parse()?;
/// // The last Sunday of March 2026: Berlin moves from CET to CEST at 01:00 UTC.
/// let before: DateTime<Utc> = "2026-03-29T00:30:00Z".parse()?;
/// let after: DateTime<Utc> = "2026-03-29T01:30:00Z".parse()?;
/// assert_eq!(ZonedInstant::new(before, berlin).to_string(), "2026-03-29 01:30 CET (+01:00)");
/// assert_eq!(ZonedInstant::new(after, berlin).to_string(), "2026-03-29 03:30 CEST (+02:00)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZonedInstant {
    at: DateTime<Utc>,
    zone: Tz,
}

impl ZonedInstant {
    /// `at`, to be shown in `zone`.
    pub fn new(at: DateTime<Utc>, zone: Tz) -> ZonedInstant {
        ZonedInstant { at, zone }
    }

    /// The instant.
    pub fn instant(&self) -> DateTime<Utc> {
        self.at
    }

    /// The zone it is shown in.
    pub fn zone(&self) -> Tz {
        self.zone
    }
}

impl fmt::Display for ZonedInstant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(local) = local_naive(&self.zone, self.at) else {
            return f.write_str(&rfc3339(self.at));
        };
        let offset = self.zone.offset_from_utc_datetime(&self.at.naive_utc());
        let mut text = local.format("%Y-%m-%d %H:%M").to_string();
        if local.second() != 0 || local.nanosecond() != 0 {
            text.push_str(&local.format(":%S%.f").to_string());
        }
        // Letter abbreviations only: where the tz database has none, chrono-tz gives none or
        // the offset itself (`-03`), which the parentheses already show.
        if let Some(abbreviation) = offset.abbreviation().filter(|a| !a.starts_with(['+', '-'])) {
            text.push(' ');
            text.push_str(abbreviation);
        }
        // `f.pad` so that reports can align a column of instants with `{:<30}`.
        f.pad(&format!("{text} ({})", offset.fix()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Instants on both sides of DST changes. Expected readings from the system's `date`
    /// (`TZ=Europe/London date -d 2026-10-25T00:59:00Z '+%F %T %Z (%:z)'`, tzdata 2025b),
    /// with numeric abbreviations (`+11`, `-03`) dropped and `:00` seconds omitted.
    #[test]
    fn readings_across_dst_changes() {
        let cases = [
            // London's fold: 01:59 BST, then 01:00 GMT a minute later.
            (
                "Europe/London",
                "2026-10-25T00:59:00Z",
                "2026-10-25 01:59 BST (+01:00)",
            ),
            (
                "Europe/London",
                "2026-10-25T01:00:00Z",
                "2026-10-25 01:00 GMT (+00:00)",
            ),
            // New York's fold: 01:30 twice, told apart by the offset.
            (
                "America/New_York",
                "2024-11-03T05:30:00Z",
                "2024-11-03 01:30 EDT (-04:00)",
            ),
            (
                "America/New_York",
                "2024-11-03T06:30:00Z",
                "2024-11-03 01:30 EST (-05:00)",
            ),
            // São Paulo's midnight gap (2018): 23:59:59 -03, then 01:00 -02.
            (
                "America/Sao_Paulo",
                "2018-11-04T02:59:59Z",
                "2018-11-03 23:59:59 (-03:00)",
            ),
            (
                "America/Sao_Paulo",
                "2018-11-04T03:00:00Z",
                "2018-11-04 01:00 (-02:00)",
            ),
            // Lord Howe's 30-minute change, Chatham's +13:45 to +12:45, Troll's two hours.
            (
                "Australia/Lord_Howe",
                "2026-04-04T14:59:00Z",
                "2026-04-05 01:59 (+11:00)",
            ),
            (
                "Australia/Lord_Howe",
                "2026-04-04T15:00:00Z",
                "2026-04-05 01:30 (+10:30)",
            ),
            (
                "Pacific/Chatham",
                "2026-04-04T13:59:00Z",
                "2026-04-05 03:44 (+13:45)",
            ),
            (
                "Pacific/Chatham",
                "2026-04-04T14:00:00Z",
                "2026-04-05 02:45 (+12:45)",
            ),
            (
                "Antarctica/Troll",
                "2026-03-29T00:59:00Z",
                "2026-03-29 00:59 (+00:00)",
            ),
            (
                "Antarctica/Troll",
                "2026-03-29T01:00:00Z",
                "2026-03-29 03:00 (+02:00)",
            ),
            (
                "America/St_Johns",
                "2024-11-03T05:30:00Z",
                "2024-11-03 02:00 NST (-03:30)",
            ),
            // Seconds and the fraction only when there are some.
            (
                "UTC",
                "2026-03-02T10:30:00.000000001Z",
                "2026-03-02 10:30:00.000000001 UTC (+00:00)",
            ),
            (
                "UTC",
                "2026-03-02T10:30:15.5Z",
                "2026-03-02 10:30:15.500 UTC (+00:00)",
            ),
        ];
        for (zone, at, expected) in cases {
            let zone: Tz = zone.parse().unwrap();
            let at: DateTime<Utc> = at.parse().unwrap();
            assert_eq!(
                ZonedInstant::new(at, zone).to_string(),
                expected,
                "{zone} {at}"
            );
        }
    }

    #[test]
    fn pads_for_columns_and_falls_back_to_utc_at_the_ends_of_time() {
        let at: DateTime<Utc> = "2026-03-02T13:00:00Z".parse().unwrap();
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(
            format!("[{:<32}]", ZonedInstant::new(at, berlin)),
            "[2026-03-02 14:00 CET (+01:00)   ]"
        );
        // East of UTC, the last instant has no local reading.
        assert_eq!(
            ZonedInstant::new(DateTime::<Utc>::MAX_UTC, berlin).to_string(),
            rfc3339(DateTime::<Utc>::MAX_UTC)
        );
    }
}
