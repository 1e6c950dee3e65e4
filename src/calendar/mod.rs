//! Business calendars: when support is open, and business-time arithmetic on it.
//!
//! A [`Calendar`] is built from a [`CalendarSpec`] (the serde form users write) and is
//! immutable, cheap to clone (`Arc` inside) and `Send + Sync`. It answers, for instants in
//! UTC:
//!
//! - [`Calendar::add`] / [`Calendar::sub`]: where an amount of business time ends (the
//!   earliest / latest such instant),
//! - [`Calendar::between`]: how much business time lies in `[from, to)`,
//! - [`Calendar::is_open`], [`Calendar::next_open`], [`Calendar::next_close`].
//!
//! # Configuration reference
//!
//! Calendars, their operations, holidays (forms and presets) and calendar algebra.
//!
//! A calendar is configuration (JSON, TOML or anything serde reads); deserializing a
//! [`Calendar`] validates it. The code lives in [`calendar`](crate::calendar);
//! what a calendar counts across DST is in [DST semantics](crate::guide::dst).
//!
//! ## Fields
//!
//! | field | meaning |
//! | --- | --- |
//! | `timezone` | IANA zone name (case-sensitive). All hours are wall-clock times in it. |
//! | `hours` | per weekday `mon` … `sun`, shifts `"HH:MM-HH:MM"`; a missing day or `[]` is closed. `24:00` is allowed as an end. A shift whose end is not after its start (`22:00-06:00`) is overnight and runs into the next date. Overlapping shifts are united. `09:00-09:00` is invalid. |
//! | `holidays` | local dates on which no shift starts (an overnight shift that began the evening before still runs into the holiday morning); plain dates, rules and presets, see [Holidays](#holidays-rules-and-presets). |
//! | `exceptions` | local dates whose shifts replace the weekly ones (special hours; `[]` closes the date). A date may not be both a holiday and an exception. |
//! | `special_hours` | yearly and monthly rules whose shifts replace the weekly ones on the dates they give (`[]` closes them), below `exceptions` and `holidays`; see [Special hours](#special-hours). |
//!
//! An instant is business time iff a shift of its local date covers its wall-clock time, or an
//! overnight shift of the day before does. DST needs no special rule: a shift `00:00-24:00`
//! holds 23 hours on the spring-forward date and 25 on the fall-back date; a wall-clock time
//! inside a gap never occurs, and one inside a fold occurs twice and counts twice.
//!
//! ```
//! use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
//! use slacalc::Calendar;
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let berlin: Calendar = serde_json::from_str(r#"
//! {
//!   "timezone": "Europe/Berlin",
//!   "hours": { "mon": ["08:00-12:00", "13:00-17:00"], "fri": ["22:00-06:00"], "sun": [] },
//!   "holidays": ["2026-12-25", "2026-12-26"],
//!   "exceptions": { "2026-12-24": ["08:00-12:00"], "2026-12-27": ["10:00-14:00"] }
//! }"#)?;
//! // Friday 2026-12-18 22:00 to Saturday 06:00 (overnight): open at 05:00 on Saturday.
//! assert!(berlin.is_open(t("2026-12-19T04:00:00Z")?));
//! // Friday 2026-12-25 is a holiday: its overnight shift never starts.
//! assert!(!berlin.is_open(t("2026-12-25T22:00:00Z")?));
//! // Sunday 2026-12-27 has special hours, 10:00-14:00; Christmas Eve (a Thursday) 08:00-12:00.
//! assert_eq!(berlin.between(t("2026-12-26T23:00:00Z")?, t("2026-12-27T23:00:00Z")?)?,
//!            TimeDelta::hours(4));
//! assert!(berlin.is_business_day(NaiveDate::from_ymd_opt(2026, 12, 24).ok_or("date")?));
//!
//! // The same form in TOML.
//! let denver: Calendar = toml::from_str(r#"
//! timezone = "America/Denver"
//! holidays = ["2026-07-03", "2026-11-26"]
//!
//! [hours]
//! mon = ["08:00-12:00", "13:00-17:00"]
//! tue = ["08:00-12:00", "13:00-17:00"]
//!
//! [exceptions]
//! "2026-12-24" = ["08:00-12:00"]
//! "#)?;
//! // Thursday 24 December 08:00 MST: 4 hours that day, the fifth on Monday 28th, 08:00-09:00.
//! assert_eq!(denver.add(t("2026-12-24T15:00:00Z")?, TimeDelta::hours(5))?,
//!            t("2026-12-28T16:00:00Z")?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Operations
//!
//! All instants are `chrono::DateTime<Utc>`; durations of business time are exact
//! `chrono::TimeDelta`s.
//!
//! | method | answer |
//! | --- | --- |
//! | [`add(at, d)`](crate::Calendar::add) | the **earliest** instant `r >= at` with business time in `[at, r)` equal to `d` (one hour at Friday 16:00 on a 09:00–17:00 calendar is Friday 17:00, not Monday 09:00) |
//! | [`sub(at, d)`](crate::Calendar::sub) | the **latest** instant `r <= at` with business time in `[r, at)` equal to `d` |
//! | [`between(a, b)`](crate::Calendar::between) | business time in `[a, b)` (negative when `b < a`, so it is additive) |
//! | `is_open(t)`, `next_open(t)`, `next_close(t)` | whether `t` is business time; the next business / non-business instant at or after `t` (`Ok(None)` if there is none; `Error::OutOfRange` when a calendar with open-ended Easter rules would have to look through a whole year outside 1583–2599) |
//! | `is_business_day(date)`, [`add_business_days(date, n)`](crate::Calendar::add_business_days), `business_days_between(a, b)` | business days: local dates on which a shift starts that are not holidays; `add_business_days` rolls to a business day first (forward for `n >= 0`, backward for `n < 0`) |
//! | [`business_days_later(at, n)`](crate::Calendar::business_days_later) | "N business days later at the same local time" |
//! | [`end_of_business_day(at, n)`](crate::Calendar::end_of_business_day) | "by the end of the Nth business day" (`n = 1`: the end of the next business day) |
//!
//! A calendar with no business time left returns `Error::NoBusinessTime` from `add`/`sub`, never
//! loops: searches jump over empty years, and beyond the configured data they use the 400-year
//! Gregorian cycle to decide at once that nothing will ever open. The crate docs' recipes show
//! each operation with real dates ([a deadline](crate#recipe-a-deadline-in-business-hours),
//! [business days](crate#recipe-business-days)).
//!
//! ## Holidays: rules and presets
//!
//! A calendar's `holidays` list takes plain dates, yearly rules, one-off named dates and built-in
//! presets, in any mix. Every object may carry `name` (kept in
//! [`Holiday::name`](crate::calendar::Holiday::name)). The kind of rule follows from which fields are
//! given; any other combination is an error that names the fields found.
//!
//! | form | example | meaning |
//! | --- | --- | --- |
//! | plain date | `"2026-12-24"` | one day, no name |
//! | one-off | `{"name": "Platinum Jubilee", "date": "2022-06-03"}` | one named day |
//! | fixed day | `{"name": "Christmas Day", "month": 12, "day": 25}` | every year; `"month": 2, "day": 29` only in leap years; a day a month never has (April 31) is an error |
//! | nth weekday | `{"name": "Thanksgiving", "month": 11, "weekday": "thu", "nth": 4}` | `nth` 1 to 5 from the start, -1 to -5 from the end (`-1` = last); no holiday in a year whose month lacks it (a fifth Monday) |
//! | weekday on or after | `{"name": "Victoria Day", "weekday": "mon", "on_or_after": {"month": 5, "day": 18}}` | the first such weekday on or after the day (Feb 29 reads Mar 1 in common years) |
//! | Easter offset | `{"name": "Good Friday", "easter": -2}` | days from Western (Gregorian) Easter Sunday, -200 to 200: Easter Monday `1`, Ascension `39`, Whit Monday `50`, Corpus Christi `60` |
//! | preset | `{"preset": "de"}` | all holidays of a built-in preset; no other field allowed |
//!
//! **Year range** — on the four yearly kinds, `from` and/or `until` (inclusive), for rules that
//! began or ended; for an Easter rule the year is that of its Easter.
//!
//! **Observed days** — `observed` on any form but `preset`. The holiday's own date always stays
//! a holiday; the observed day is an extra holiday named `"<name> (observed)"`, in the year of
//! its own date (US New Year's Day 2022, a Saturday, is observed on 2021-12-31, a 2021 holiday):
//!
//! | `observed` | a Saturday holiday | a Sunday holiday |
//! | --- | --- | --- |
//! | `"none"` (default) | — | — |
//! | `"us"` | also the Friday before | also the Monday after |
//! | `"sunday_to_monday"` | — | also the Monday after |
//! | `"substitute"` | the next Monday–Friday that is not already a holiday | same |
//!
//! `substitute` chains in date order: England's Christmas 2021 (Saturday) → Monday 27th, Boxing
//! Day (Sunday) → Tuesday 28th; Christmas 2022 (Sunday) → Tuesday 27th, because Monday 26th is
//! Boxing Day itself.
//!
//! Two holidays on one date give one entry whose name joins both, sorted, with `"; "`
//! (`"Ascension Day; Labor Day"` on 2008-05-01).
//!
//! Further forms (other calendars' feasts, weekday shifts of observed days) and every preset are
//! described in the [holidays guide](crate::guide::holidays).
//!
//! ```
//! use chrono::NaiveDate;
//! use slacalc::Calendar;
//! use slacalc::calendar::{HolidaySpec, Holidays};
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
//! let office: Calendar = serde_json::from_str(r#"
//! {
//!   "timezone": "Europe/Berlin",
//!   "hours": { "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
//!              "thu": ["09:00-17:00"], "fri": ["09:00-17:00"] },
//!   "holidays": [
//!     {"preset": "de-by"},
//!     {"name": "Christmas Eve", "month": 12, "day": 24},
//!     {"name": "Company Day", "month": 7, "weekday": "fri", "nth": -1, "from": 2024},
//!     "2026-05-15"
//!   ]
//! }"#)?;
//! for date in [d(2026, 6, 4)?,   // Corpus Christi in Bavaria (Easter + 60)
//!              d(2026, 12, 24)?, // Christmas Eve
//!              d(2026, 7, 31)?,  // the last Friday of July
//!              d(2026, 5, 15)?] {
//!     assert!(!office.is_business_day(date), "{date}");
//! }
//! assert!(office.is_business_day(d(2023, 7, 28)?)); // Company Day began in 2024
//!
//! // Rules with a year range, observed and substitute days, read as a `holidays` list.
//! let specs: Vec<HolidaySpec> = serde_json::from_str(r#"[
//!   {"name": "Juneteenth National Independence Day", "month": 6, "day": 19, "from": 2021, "observed": "us"},
//!   {"name": "Pentecost Monday", "easter": 50, "until": 2004},
//!   {"name": "Christmas Day", "month": 12, "day": 25, "observed": "substitute"},
//!   {"name": "Boxing Day", "month": 12, "day": 26, "observed": "substitute"},
//!   {"name": "New Year's Day", "month": 1, "day": 1, "observed": "us"},
//!   {"name": "Labor Day", "month": 5, "day": 1},
//!   {"name": "Ascension Day", "easter": 39}
//! ]"#)?;
//! let holidays = Holidays::from_specs(&specs)?;
//! assert!(holidays.contains(d(2022, 6, 20)?));  // Juneteenth 2022 was a Sunday
//! assert!(!holidays.contains(d(2020, 6, 19)?)); // before 2021
//! assert!(holidays.contains(d(2004, 5, 31)?) && !holidays.contains(d(2005, 5, 16)?));
//! let christmas_2021: Vec<_> = holidays.in_year(2021).into_iter()
//!     .filter(|h| h.date >= d(2021, 12, 24).unwrap_or_default())
//!     .map(|h| (h.date.to_string(), h.name)).collect();
//! assert_eq!(christmas_2021, [
//!     ("2021-12-25".to_owned(), "Christmas Day".to_owned()),
//!     ("2021-12-26".to_owned(), "Boxing Day".to_owned()),
//!     ("2021-12-27".to_owned(), "Christmas Day (observed)".to_owned()),
//!     ("2021-12-28".to_owned(), "Boxing Day (observed)".to_owned()),
//!     ("2021-12-31".to_owned(), "New Year's Day (observed)".to_owned()), // of 1 January 2022
//! ]);
//! assert!(holidays.contains(d(2022, 12, 27)?)); // Christmas 2022, a Sunday, moves to Tuesday
//! let may_day_2008 = holidays.in_year(2008).into_iter().find(|h| h.date == d(2008, 5, 1).unwrap_or_default());
//! assert_eq!(may_day_2008.map(|h| h.name).as_deref(), Some("Ascension Day; Labor Day"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Errors name the field path and the value; an unknown field is rejected by the parser:
//!
//! ```
//! use slacalc::Calendar;
//! use slacalc::calendar::CalendarSpec;
//!
//! let error = |holidays: &str| -> Result<String, Box<dyn std::error::Error>> {
//!     let spec: CalendarSpec = serde_json::from_str(
//!         &format!(r#"{{"timezone": "UTC", "holidays": {holidays}}}"#))?;
//!     Ok(Calendar::try_from(spec).err().ok_or("accepted")?.to_string())
//! };
//! assert_eq!(error(r#"["2026-01-01", "2026-01-02", {"month": 13, "day": 1}]"#)?,
//!            "holidays[2].month: invalid value `13`: expected a month from 1 to 12");
//! assert_eq!(error(r#"[{"preset": "gb-scotland"}]"#)?,
//!            "holidays[0].preset: unknown holiday preset `gb-scotland`: the closest preset is \
//!             `gb-sct` (Holidays::PRESETS lists all)");
//! assert_eq!(error(r#"["2026-01-01", {"month": 1, "day": 6, "from": 2020, "until": 2019}]"#)?,
//!            "holidays[1].until: invalid value `2019`: expected a year not before `from` (2020)");
//! let typo = serde_json::from_str::<CalendarSpec>(
//!     r#"{"timezone": "UTC", "holidays": [{"mnth": 1, "day": 6}]}"#);
//! assert!(typo.err().ok_or("accepted")?.to_string().contains("unknown field `mnth`, expected one of"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Presets
//!
//! JSON files in `src/calendar/holiday/presets/` in the same form (`{"name", "country",
//! "subdivision", "about", "holidays": [...]}`), embedded in the library and parsed once on first
//! use. Each produces exactly the dates of the Python `holidays` package 0.109 (observed and
//! substitute days included): tested for 2000–2035 against the conformance vectors, and compared
//! while writing them for 1900–2100 (Germany: 1991–2100, the package's range).
//!
//! | preset | contents |
//! | --- | --- |
//! | `de` | Germany, nationwide: New Year, Good Friday, Easter Monday, Labour Day, Ascension, Whit Monday, German Unity Day (from 1990), Repentance and Prayer Day (1990–1994), Christmas Day, Second Day of Christmas; Reformation Day 2017 as a one-off |
//! | `de-by` | Bavaria: `de` plus Epiphany, Corpus Christi, All Saints' Day (Assumption, a holiday only in Catholic municipalities, is not included) |
//! | `fr` | France, metropolitan: New Year, Easter Monday, Labour Day, Victory Day (1953–1959, from 1982), Ascension, Whit Monday (not 2005–2007), Bastille Day, Assumption, All Saints, Armistice Day, Christmas |
//! | `gb-eng` | England and Wales bank holidays with substitute days: New Year (from 1975), Good Friday, Easter Monday, Early May (first Monday of May from 1978; moved to May 8 in 1995 and 2020), Spring (last Monday of May from 1971; June 4 2002, June 4 2012, June 2 2022), Whit Monday (until 1970), Late Summer (last Monday of August from 1971), Christmas, Boxing Day; one-offs 1977-06-07, 1981-07-29, 1999-12-31, 2002-06-03, 2011-04-29, 2012-06-05, 2022-06-03, 2022-09-19, 2023-05-08 |
//! | `us` | US federal holidays with observed days (`us` style since 1966, Sunday to Monday 1953–1965): New Year, Martin Luther King Jr. Day (from 1986), Washington's Birthday, Memorial Day, Juneteenth (from 2021), Independence Day, Labor Day, Columbus Day, Veterans Day, Thanksgiving, Christmas; Inauguration Day is not included |
//!
//! The table describes the first five; presets for many more countries and subdivisions (every
//! German and US state, the UK nations, Canadian provinces, Swiss cantons, Poland, Malaysia, …)
//! are listed in the [holidays guide](crate::guide::holidays) and by
//! [`Holidays::preset_list`](crate::calendar::Holidays::preset_list), each tested against its reference
//! file in `tests/presets/` for 2000–2035.
//!
//! In Rust: `Holidays::preset("gb-eng")?`, [`Holidays::PRESETS`](crate::calendar::Holidays::PRESETS),
//! `Holidays::preset_about(name)`; `holidays.in_year(2026)` gives `Vec<Holiday { date, name }>`,
//! `contains(date)` and `dates_in_year(year)` the dates;
//! [`calendar::easter(year)`](crate::calendar::easter) gives Easter Sunday (the
//! recipe [holidays and presets](crate#recipe-holidays-and-presets) uses them).
//!
//! **Easter and long spans.** Beyond the configured years the calendar engine jumps over whole
//! 400-year Gregorian cycles, which is exact for every rule kind except Easter offsets (Easter
//! repeats only every 5,700,000 years). A calendar with an Easter-based rule that is open on
//! either side (no `from` or no `until`) is therefore computed year by year within the years
//! 1583–2599 ([`calendar::NON_PERIODIC_FIRST_YEAR`](crate::calendar::NON_PERIODIC_FIRST_YEAR) /
//! [`NON_PERIODIC_LAST_YEAR`]); arithmetic that would
//! have to cross years outside that range (`add`, `sub`, `between`, business-day counts, and
//! `next_open` / `next_close` looking through a whole year) returns `Error::OutOfRange` instead
//! of an extrapolated, slightly wrong answer. Single-year answers are exact in any year.
//!
//! ## Special hours
//!
//! `special_hours` lists rules for dates that recur with other hours — "every 24 and 31
//! December 08:00–12:00", "from 2027 the last Friday of each month closes at 14:00". Each rule
//! is an object with `hours` (shifts like a weekday's, overnight shifts and `24:00` included;
//! `[]` closes the dates) and the fields of one of these forms, the holiday forms' vocabulary
//! ([`SpecialHoursRule`]):
//!
//! | form | example | dates |
//! | --- | --- | --- |
//! | fixed day, yearly | `{"month": 12, "day": 24, "hours": ["08:00-12:00"]}` | that day every year; February 29 only in leap years |
//! | nth weekday, yearly | `{"month": 11, "weekday": "fri", "nth": 4, "hours": []}` | `nth` 1 to 5, -1 to -5 from the end; none in a year whose month lacks it |
//! | weekday on or after, yearly | `{"weekday": "mon", "on_or_after": {"month": 5, "day": 18}, "hours": []}` | the first such weekday on or after the day |
//! | day, monthly | `{"day": 15, "hours": ["09:00-12:00"]}` | that day of every month, 1 to 31; none in a month without it |
//! | nth weekday, monthly | `{"weekday": "fri", "nth": -1, "hours": ["09:00-14:00"]}` | the nth weekday of every month |
//!
//! Any form may add `name` (for the reader), `from` and `until` (the first and last year,
//! inclusive, as on holiday rules); the yearly forms may add `every` (1 to 400, with `from`).
//! A rule gives its dates whatever their weekday: a Sunday 24 December opens 08:00–12:00 on a
//! calendar closed on Sundays.
//!
//! **Precedence**, for a local date:
//!
//! 1. an `exceptions` entry for the date — the one-off decision for that day;
//! 2. else a holiday (plain date, rule, preset, observed or substitute day): closed — a
//!    preset that makes 24 December a holiday closes it, whatever a rule says;
//! 3. else the first yearly rule giving the date, in list order;
//! 4. else the first monthly rule giving it;
//! 5. else the weekly `hours`.
//!
//! A yearly rule wins over a monthly one because it names the date (New Year's Eve) where the
//! monthly one names a routine (the last Friday): when 31 December is the last Friday, the
//! New Year's Eve hours apply. Two rules of the same form giving the same dates in a year
//! both apply (24 December twice, or every second year from 2020 and every fourth from 2024)
//! are refused, naming both: the later one could never apply there.
//!
//! A rule's dates are computed for the years a call touches, never stored date by date, and
//! compiled into the same per-year tables as exceptions: a monthly rule open for ten thousand
//! years costs what one year of it costs.
//!
//! ```
//! use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
//! use slacalc::Calendar;
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let office: Calendar = serde_json::from_str(r#"
//! {
//!   "timezone": "Europe/Berlin",
//!   "hours": { "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
//!              "thu": ["09:00-17:00"], "fri": ["09:00-17:00"] },
//!   "holidays": [{"preset": "de"}],
//!   "exceptions": { "2026-12-31": [] },
//!   "special_hours": [
//!     {"name": "Month-end close", "weekday": "fri", "nth": -1, "hours": ["09:00-14:00"],
//!      "from": 2027},
//!     {"name": "Christmas Eve", "month": 12, "day": 24, "hours": ["08:00-12:00"]},
//!     {"name": "New Year's Eve", "month": 12, "day": 31, "hours": ["08:00-12:00"]}
//!   ]
//! }"#)?;
//! // Business time of a winter date in Berlin (UTC+1): from 23:00 UTC the day before.
//! let day = |date: &str| -> Result<TimeDelta, Box<dyn std::error::Error>> {
//!     let start = t(&format!("{date}T00:00:00Z"))? - TimeDelta::hours(1);
//!     Ok(office.between(start, start + TimeDelta::days(1))?)
//! };
//! assert_eq!(day("2026-12-24")?, TimeDelta::hours(4)); // Thursday: 08:00-12:00
//! assert_eq!(day("2026-12-31")?, TimeDelta::zero());   // the exception closes it
//! assert_eq!(day("2026-01-30")?, TimeDelta::hours(8)); // a last Friday before 2027
//! assert_eq!(day("2027-01-29")?, TimeDelta::hours(5)); // the last Friday of January 2027
//! assert_eq!(day("2027-12-31")?, TimeDelta::hours(4)); // last Friday and New Year's Eve
//! assert!(office.is_business_day(NaiveDate::from_ymd_opt(2028, 12, 24).ok_or("date")?)); // a Sunday
//! // Friday 2027-01-29 13:00 (12:00 UTC) plus three hours: 13:00-14:00, then Monday
//! // 1 February 09:00-11:00.
//! assert_eq!(office.add(t("2027-01-29T12:00:00Z")?, TimeDelta::hours(3))?,
//!            t("2027-02-01T10:00:00Z")?);
//!
//! let twice = Calendar::from_json(r#"{"timezone": "UTC", "special_hours": [
//!     {"month": 12, "day": 24, "hours": ["08:00-12:00"]},
//!     {"month": 12, "day": 24, "hours": [], "from": 2030}]}"#);
//! assert_eq!(twice.err().ok_or("accepted")?.to_string(),
//!            "special_hours[1]: invalid value `the same dates as special_hours[0]`: expected \
//!             one special-hours rule per date in any year (the earlier rule would always \
//!             win): merge the two, or part their years with `from`/`until`");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Calendar algebra
//!
//! [`Calendar::union`](crate::Calendar::union), [`Calendar::intersection`](crate::Calendar::intersection)
//! and [`Calendar::difference`](crate::Calendar::difference) combine calendars in different zones
//! instant by instant (follow-the-sun coverage is a union; "support hours the customer is also
//! open" an intersection; service hours minus maintenance windows a difference). The result is a
//! calendar like any other, with the same operations and the same speed. `intersection` and
//! `difference` (the first calendar minus the others) take the same list form as `union`. A
//! combination has no single time zone, so business days of a union are the days any member
//! has, of an intersection the days all have, and of a difference the days of the first; the
//! local-time deadline forms need a zoned calendar.
//!
//! ```
//! use chrono::{DateTime, TimeDelta, Utc};
//! use slacalc::Calendar;
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let follow_the_sun: Calendar = serde_json::from_str(r#"
//! { "union": [
//!     { "timezone": "Europe/Berlin",     "hours": { "mon": ["08:00-17:00"] } },
//!     { "timezone": "Asia/Kuala_Lumpur", "hours": { "mon": ["08:00-17:00"] } },
//!     { "timezone": "America/Denver",    "hours": { "mon": ["08:00-17:00"] } } ] }"#)?;
//! // Kuala Lumpur covers 00:00-09:00 UTC, Berlin 07:00-16:00, Denver 15:00-24:00: Monday
//! // 5 January 2026 is covered around the clock in UTC, and nothing else in the week.
//! assert_eq!(follow_the_sun.between(t("2026-01-04T00:00:00Z")?, t("2026-01-11T00:00:00Z")?)?,
//!            TimeDelta::hours(24));
//! assert_eq!(follow_the_sun.next_close(t("2026-01-05T00:00:00Z")?)?,
//!            Some(t("2026-01-06T00:00:00Z")?));
//! assert_eq!(follow_the_sun.timezone(), None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # iCalendar (cargo feature `icalendar`)
//!
//! With `--features icalendar`, a customer's HR calendar or a published holiday feed
//! (RFC 5545 `.ics` text) can be read into a calendar, and a calendar's holidays written as
//! one. The crate does no I/O: `IcsImport::parse(text, years, zone)` takes the text and
//! `Holidays::to_ics(years)` / `Calendar::holidays_to_ics(years)` return it. The `RRULE`s
//! are parsed, validated and expanded by the [`rrule`](https://docs.rs/rrule) crate.
//!
//! How each `VEVENT` maps onto the calendar model:
//!
//! | event | becomes |
//! | --- | --- |
//! | all-day (`DTSTART;VALUE=DATE`), no `RRULE` | one-off holidays (`{"date", "name"}`), one per day up to `DTEND` (exclusive; default: one day) |
//! | all-day, simple yearly `RRULE`: `FREQ=YEARLY` with at most `INTERVAL`, `COUNT`, `UNTIL`, one `BYMONTH` and one positive `BYMONTHDAY`, or one `BYMONTH` with one `BYDAY` ordinal (`4TH`, `-1MO`), first date = `DTSTART` | a holiday rule (`{"month", "day"}` or `{"month", "weekday", "nth"}` with `from`, `until`, `every`): valid in every year, not a list; each `EXDATE` splits it into year ranges around the excluded year |
//! | all-day, any other `RRULE` (monthly, several days, 29 February, a fifth weekday with `COUNT`, a multi-day event) | one-off holidays: the occurrences in the UTC years `years`, less the `EXDATE`s |
//! | timed (`DTSTART` a date-time with `Z`, `TZID` or floating in `zone`; `DTEND` required), with or without `RRULE` | closures (`IcsClosure`): the instants `[start, end)` of each occurrence in `years`; `IcsImport::apply_to` makes the calendar `{"difference": [calendar, a UTC calendar open during the closures]}`, closures widened to whole minutes |
//!
//! `DTSTART` counts as the first occurrence (RFC 5545), `SUMMARY` is the holiday's name,
//! `UNTIL` without `Z` is read in the zone of `DTSTART` (a date `UNTIL` includes that day);
//! a wall-clock time in a DST gap is the first instant after the gap, and in a fold a closure
//! starts at the first and ends at the second reading. Other components (`VTIMEZONE`,
//! `VTODO`, `VALARM`) and other properties are ignored; `TZID`s must be IANA names.
//! `DURATION`, `RDATE` and `EXRULE` are refused, as an error rather than a guess.
//!
//! Malformed input is an [`Error::InvalidValue`](crate::Error::InvalidValue) whose path
//! names the line and property: for example "line 7 DTSTART: invalid value `20261332`:
//! expected a date YYYYMMDD". Sizes are bounded when the text is read (`MAX_ICS_BYTES`, `MAX_ICS_EVENTS`,
//! `MAX_ICS_OCCURRENCES` for expanded dates and closures together, `MAX_ICS_PERIODS` from a
//! recurrence's start to the end of the years, `MAX_ICS_EVENT_DAYS`, `MAX_ICS_YEARS`), each
//! refused with an error; the calendar's own limits apply when the
//! result is built. Export writes one all-day `VEVENT` per holiday date of the years asked
//! for (names as `SUMMARY`, deterministic `UID`s); importing it gives the same dates and
//! names back (a property test checks this).
//!
//! ```
//! # #[cfg(feature = "icalendar")] {
//! use slacalc::Calendar;
//! use slacalc::calendar::{CalendarSpec, IcsImport};
//! use chrono::{DateTime, NaiveDate, Utc};
//!
//! let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//HR//EN\r\n\
//! BEGIN:VEVENT\r\nSUMMARY:Company Day\r\nDTSTART;VALUE=DATE:20260612\r\n\
//! RRULE:FREQ=YEARLY;BYMONTH=6;BYDAY=2FR\r\nEXDATE;VALUE=DATE:20270611\r\nEND:VEVENT\r\n\
//! BEGIN:VEVENT\r\nSUMMARY:All hands\r\nDTSTART;TZID=Europe/Berlin:20260901T140000\r\n\
//! DTEND;TZID=Europe/Berlin:20260901T160000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
//! let import = IcsImport::parse(ics, 2026..=2030, chrono_tz::Europe::Berlin)?;
//! // The second Friday of June as a rule, split around 2027.
//! assert_eq!(import.holidays.len(), 2);
//! let spec: CalendarSpec = serde_json::from_str(
//!     r#"{"timezone": "Europe/Berlin", "hours": {"tue": ["09:00-17:00"], "fri": ["09:00-17:00"]}}"#,
//! )?;
//! let calendar = Calendar::try_from(import.apply_to(spec)?)?;
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert!(!calendar.is_business_day(day(2026, 6, 12)));
//! assert!(calendar.is_business_day(day(2027, 6, 11))); // excluded
//! assert!(!calendar.is_business_day(day(2028, 6, 9)));
//! // The all-hands meeting closes 14:00-16:00 CEST (12:00-14:00Z) on 1 September 2026.
//! let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
//! assert_eq!(
//!     calendar.between(t("2026-09-01T00:00:00Z"), t("2026-09-02T00:00:00Z"))?.num_hours(),
//!     6
//! );
//! // And back: the holidays of 2026-2028 as .ics text.
//! let text = calendar.spec().difference.as_ref().unwrap()[0].clone();
//! let text = Calendar::try_from(text)?.holidays_to_ics(2026..=2028)?;
//! assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
//! assert!(text.contains("DTSTART;VALUE=DATE:20280609\r\n"));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Time-zone data
//!
//! Zones and their offsets come from the IANA tz database that
//! [chrono-tz](https://docs.rs/chrono-tz) compiles in: slacalc depends on `chrono-tz =
//! "0.10.2"` (any 0.10 from 0.10.2), so the build's `Cargo.lock` decides which release, and [`crate::TZDB_VERSION`] says which
//! tz data it embeds (`"2025b"` with chrono-tz 0.10.4, the version slacalc's own lock file
//! keeps and its conformance vectors were computed with). To take newer tz data into a
//! service, update chrono-tz in the service's lock file:
//!
//! ```text
//! cargo update -p chrono-tz
//! ```
//!
//! Nothing in slacalc is fixed to one release of the data: each zone's offset changes are
//! found in the build's data the first time a calendar in that zone is built, and the years
//! outside them (where a calendar repeats with the 400-year cycle) are checked for further
//! changes. Answers about instants the newer data changes change with it, as they should.
//!
//! ```
//! assert_eq!(slacalc::TZDB_VERSION, chrono_tz::IANA_TZDB_VERSION);
//! assert!(slacalc::TZDB_VERSION.len() >= 5); // "2025b": a year and a letter
//! ```
//!
//! # How it is computed
//!
//! Each UTC year is compiled, the first time it is touched, into sorted disjoint business
//! intervals with running totals and a per-day index (a *chunk*). Every operation is then a
//! lookup in one or two chunks plus one addition per year that needs individual attention
//! (the years in which the zone's offset changes — for most zones some of 1844–2099 with
//! tzdata 2025b, none for UTC; found in the build's tz data, see [Time-zone
//! data](#time-zone-data) — and a year either side of every exception, one-off holiday and
//! rule bound);
//! between those, business time repeats with the 400-year Gregorian cycle and a table per
//! stretch answers sums and searches at once. The cost grows with the configuration, never
//! with how much business time is added or how long a span is. A year that is only summed is
//! not compiled: away from holidays, exceptions and special-hours dates, a calendar (or a
//! combination) repeats every week between two offset changes, so its business seconds are
//! whole weeks of a weekly pattern plus two partial weeks, and only the days around those
//! dates are listed interval by interval. Each zone's offset changes are found once per process,
//! when the first calendar in that zone is built. Chunks of the years 1800–2599 are cached
//! (about 7.5 KiB per year for an office calendar, at most 48 MiB per calendar: beyond that,
//! years are compiled again when asked for), and the total of every year a walk computes on
//! its own is cached too, inside or outside that window, so no call sums a year another call
//! already summed. A combination compiles its members' years without keeping them in the
//! members. Between the years that need individual attention, a year's business time
//! depends only on the shape of the years around it (weekday of January 1, leap years), so a
//! 400-year table sums one year per shape — unless Easter-based holidays apply, whose dates
//! follow the moon.
//!
//! # Limits and bounds
//!
//! Checked when a calendar is built, each refused with
//! [`Error::InvalidValue`](crate::Error::InvalidValue) naming the field and the count:
//!
//! | limit | at most | field |
//! |---|---|---|
//! | [`MAX_SHIFTS_PER_DAY`] | 16 shifts | `hours.<day>`, `exceptions.<date>`, `special_hours[i].hours` |
//! | [`MAX_WEEKLY_SHIFTS`] | 128 weekly shifts, all calendars of a combination | the combination |
//! | [`MAX_HOLIDAY_RULES`] | 1,000 rules and dates, presets expanded, all calendars | `holidays`, the combination |
//! | [`MAX_EXCEPTIONS`] | 500 dates, all calendars | `exceptions`, the combination |
//! | [`MAX_SPECIAL_HOURS_RULES`] | 100 rules, all calendars | `special_hours`, the combination |
//! | [`MAX_COMBINED_CALENDARS`] | 16 zoned calendars, all levels counted | `union`, `intersection`, `difference` |
//! | [`MAX_NESTING_DEPTH`] | 8 levels of combinations | the combination that is too deep |
//!
//! Within these limits, measured on a release build on a 2-core machine (and held by
//! `tests/timing/limits.rs` with the pathological configuration at each limit):
//!
//! - building a calendar takes at most 100 ms (in practice under 1 ms; the first calendar
//!   in a zone also finds the zone's offset changes, about 1 ms, once per process);
//! - every call answers within 10 ms, whatever the span or amount — the first call too,
//!   which sums the years it spans from weekly patterns and computes each year's holiday
//!   dates once. Measured at the limits in release with other builds on the two cores (load
//!   average 2–5): 1.4–2.1 ms for sixteen calendars in eight zones with 128 weekly shifts
//!   over 1800–2599, under 1.5 ms for most other cases; 4.2–5.6 ms for 1,000 substitute
//!   rules over 2026 to the end of time and 2.6–2.9 ms for 100,000 business days on it;
//!   3.6–9.5 ms for a union of sixteen `gb-eng` calendars over 1583–1700; 4.8–6.5 ms for 500
//!   exceptions in distinct years over a union of sixteen calendars (these three up to
//!   11–13 ms at load 8: near the bound under load); 3.7–7.3 ms (idle machine) for 1,000
//!   one-year rules fifty years apart over 2026–30000, whose 540 stretches between rules
//!   share their year totals by shape of year because the same rules are in force in each;
//!   0.4 ms for a monthly special-hours rule over 2027–12027 (and 100,000 business days on
//!   it), 2.0–2.2 ms for 100 monthly special-hours rules one year each over 2026–30000 and
//!   0.4–0.7 ms for 100,000 business days on them (best of runs at load 13: under such load
//!   this and the other cases above take up to 20 ms);
//! - a calendar holds at most 64 MiB, whatever the spans queried ([`Calendar::memory_bytes`]).

mod activity;
mod algebra;
mod business_days;
mod combination;
mod compiled;
mod day;
mod holiday;
#[cfg(feature = "icalendar")]
mod ics;
mod limits;
pub(crate) mod model;
mod pattern;
mod query;
mod shared;
mod spec;
mod special_hours;
mod timeline;
mod validate;
mod work;
mod years;
mod zone_table;
mod zoned;

pub use activity::{NON_PERIODIC_FIRST_YEAR, NON_PERIODIC_LAST_YEAR};
pub use business_days::BusinessDays;
pub use holiday::Weekend;
pub use holiday::{
    easter, orthodox_easter, Between, DateQuality, EasterClash, Equinox, Holiday, HolidayRule,
    HolidaySpec, Holidays, LunisolarCalendar, LunisolarDate, MonthDay, Observance, PresetHoliday,
    PresetInfo, SolarTerm, ThaiLunarDate, WeekdayShifts,
};
#[cfg(feature = "icalendar")]
pub use ics::{
    IcsClosure, IcsImport, MAX_ICS_BYTES, MAX_ICS_EVENTS, MAX_ICS_EVENT_DAYS, MAX_ICS_OCCURRENCES,
    MAX_ICS_PERIODS, MAX_ICS_YEARS,
};
pub use limits::{
    MAX_COMBINED_CALENDARS, MAX_EXCEPTIONS, MAX_HOLIDAY_RULES, MAX_NESTING_DEPTH,
    MAX_SHIFTS_PER_DAY, MAX_SPECIAL_HOURS_RULES, MAX_WEEKLY_SHIFTS,
};
use model::{Calendar, Inner, Kind};
pub(crate) use shared::CalendarPool;
pub use spec::CalendarSpec;
pub use special_hours::SpecialHoursRule;
pub use work::{TimeAndMaterials, TimeAndMaterialsSpec, WorkClassifier};
