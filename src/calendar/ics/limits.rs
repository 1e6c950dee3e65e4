//! The limits on what an `.ics` text may ask of the importer, each checked as it is read.

/// At most this many bytes of `.ics` text are read.
pub const MAX_ICS_BYTES: usize = 4 * 1024 * 1024;
/// At most this many `VEVENT`s in one text.
pub const MAX_ICS_EVENTS: usize = 2_000;
/// At most this many dates and closures from expanded recurrences and multi-day events,
/// all events together (the calendar then applies its own limits, such as
/// [`MAX_HOLIDAY_RULES`](crate::calendar::MAX_HOLIDAY_RULES)).
pub const MAX_ICS_OCCURRENCES: usize = 5_000;
/// At most this many periods of a recurrence (its `FREQ` times `INTERVAL`) from its
/// `DTSTART` to the end of the years it is expanded over (a daily rule: 54 years).
pub const MAX_ICS_PERIODS: i64 = 20_000;
/// At most this many years in the range over which recurrences are expanded.
pub const MAX_ICS_YEARS: i32 = 400;
/// An all-day event lasts at most this many days; a timed event at most this many days too.
pub const MAX_ICS_EVENT_DAYS: i64 = 366;
