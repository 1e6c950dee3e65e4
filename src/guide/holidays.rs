//! Holidays of a calendar: plain dates, yearly rules (fixed days, nth weekdays, Easter
//! offsets, weekdays on or after a day), one-off named dates, observed/substitute days, and
//! built-in presets (`{"preset": "de"}`).
//!
//! The configuration forms are [`HolidaySpec`](crate::calendar::HolidaySpec) and [`HolidayRule`](crate::calendar::HolidayRule); [`Holidays`](crate::calendar::Holidays) is the
//! validated set, which the calendar engine asks for the holidays of one year at a time.
//!
//! # Example: rules and a preset
//!
//! ```
//! use chrono::NaiveDate;
//! use slacalc::calendar::{HolidaySpec, Holidays};
//!
//! let specs: Vec<HolidaySpec> = serde_json::from_str(r#"[
//!     {"preset": "de"},
//!     {"name": "Company Day", "month": 7, "weekday": "fri", "nth": -1},
//!     "2026-12-24"
//! ]"#)?;
//! let holidays = Holidays::from_specs(&specs)?;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert!(holidays.contains(d(2026, 5, 14))); // Ascension Day, from the preset
//! assert!(holidays.contains(d(2026, 7, 31))); // last Friday of July
//! assert!(holidays.contains(d(2026, 12, 24)));
//! assert_eq!(holidays.in_year(2026).len(), 11);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Rule forms
//!
//! Every entry of a `holidays` list is a plain date or a [`HolidayRule`](crate::calendar::HolidayRule): a fixed day, the
//! `nth` weekday of a month, the first weekday on or after a day, days from Western or
//! Orthodox Easter, a date of the Hebrew calendar (computed arithmetically, exact in every
//! year), a date of the Chinese lunisolar calendar (`{"chinese": {"month": 8, "day": 15}}`,
//! by its published month table, in China's, Korea's or Vietnam's reckoning), an equinox day
//! in Japan by the published formula (`{"equinox": "march"}`), a solar term of the Chinese
//! calendar by the published formula (`{"solar_term": "qingming"}`: Tomb-Sweeping Day,
//! 1901–2099), a date of the Thai lunar calendar by its published year types
//! (`{"thai": {"month": 6, "day": 15, "later_in_leap_year": true}}`: Visakha Bucha,
//! 1914–2157), a day between two holidays
//! (`{"between": "holidays"}`: Japan's citizens' holiday), the dates of a built-in date
//! table, a one-off date, or a whole preset.
//! Yearly rules take `from`/`until` year bounds and an `every` cycle; a fixed day, a Hebrew
//! date or a table's date may `move` by its weekday ("moved to Monday" laws, a holiday kept
//! off the weekend, Egypt's holidays moved to the Thursday) or, a fixed day, be `not_on`
//! some weekdays (dropped there), and so may a `chinese` rule (Hong Kong's Lunar New Year
//! days); a fixed day or weekday rule may `clash` with an Easter
//! feast and move when it falls on it (Glarus's Näfelser Fahrt, see
//! [`EasterClash`](crate::calendar::EasterClash)); an [`Observance`](crate::calendar::Observance)
//! adds observed or substitute days for a holiday on a weekend (US Friday/Monday, Sunday to
//! Monday, the next free working day after a Saturday or Sunday or only after a Sunday, the
//! previous free working day for a Saturday and the next for a Sunday (for each holiday of
//! its own name with `"saturday_back_sunday_forward_each"`, Taiwan), the next free
//! working day also for a holiday that shares its date with another (Korea), a substitute
//! working day for each holiday of its own name on a weekend date (China), the next free
//! working day for a country whose weekend is not Saturday and Sunday
//! (`{"weekend_substitute": ["fri", "sat"]}`, see [`Weekend`](crate::calendar::Weekend):
//! Saudi Arabia), or fixed per-weekday shifts as in
//! [`WeekdayShifts`](crate::calendar::WeekdayShifts), also only for a holiday that shares its
//! date with another, as Taiwan's Children's Day with Tomb-Sweeping Day:
//! `{"shared_shift": {…}}`).
//!
//! A weekend that changed on a date is written as two rules split by `from`/`until` (Saudi
//! Arabia's Eid days: `["thu", "fri"]` `until` 2012, `["fri", "sat"]` `from` 2013; the
//! weekend moved on 29 June 2013, before the first holiday of that year):
//!
//! ```
//! use chrono::NaiveDate;
//! use slacalc::calendar::{HolidaySpec, Holidays};
//!
//! let specs: Vec<HolidaySpec> = serde_json::from_str(r#"[
//!     {"name": "Eid", "table": "sa-eid-al-adha", "until": 2012,
//!      "observed": {"weekend_substitute": ["thu", "fri"]}},
//!     {"name": "Eid", "table": "sa-eid-al-adha", "from": 2013,
//!      "observed": {"weekend_substitute": ["fri", "sat"]}},
//!     {"name": "Islamic New Year", "table": "eg-islamic-new-year", "from": 2020,
//!      "move": {"mon": 3, "tue": 2, "wed": 1, "sun": 4}}
//! ]"#)?;
//! let holidays = Holidays::from_specs(&specs)?;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! // Eid al-Adha on Friday 2005-01-21 (then a weekend day): substituted on Saturday 22.
//! assert_eq!(holidays.dates_in_year(2005), [d(2005, 1, 21), d(2005, 1, 22)]);
//! // On Friday 2025-06-06 (a weekend day since 2013): on Sunday 8.
//! assert!(holidays.contains(d(2025, 6, 8)));
//! // 1 Muharram on Wednesday 2023-07-19 moved to Thursday 20.
//! assert!(holidays.contains(d(2023, 7, 20)) && !holidays.contains(d(2023, 7, 19)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Built-in presets
//!
//! `{"preset": "de-by"}` includes every holiday of a built-in preset. Keys are ISO 3166-1
//! alpha-2 country codes, or `country-subdivision` after ISO 3166-2, in lower case.
//! [`Holidays::preset_list`](crate::calendar::Holidays::preset_list) lists every preset with its country, subdivision, description
//! and holidays (each with its covered years and whether its dates are exact or come from a
//! table, and for which years those are estimates); an unknown key is
//! [`Error::UnknownPreset`](crate::Error::UnknownPreset), which names the closest key.
//!
//! The presets are rules (and one-off dates only for one-off events: jubilees, state
//! funerals, election days fixed by decree, days off that a government transferred by
//! decree, as Hungary's, Latvia's, Russia's and Ukraine's, bridge days as Argentina's).
//! Spain's regional calendars are decreed year by year: their presets keep as rules the
//! holidays a region has kept year after year, and the days chosen by decree (a national
//! holiday moved off a Sunday, a day swapped for another) as one-off dates for 2008–2035 —
//! after the last published decree, the pattern of the earlier ones, as the reference has
//! it — so after 2035 they carry only the rule-based holidays. Each preset gives exactly the
//! dates of the Python `holidays` package 0.109 (default categories, observed and substitute
//! days included) for every year 2000–2035 — the crate's tests compare every preset with
//! the reference files in `tests/presets/` — and agreed with that package for 2036–2075
//! when they were written, with four known differences: in Malaysia and Singapore, two
//! holidays on the same Sunday (2061-05-01) each get their own substitute day here, one day
//! in all there; the Spanish regions' decreed days stop with 2035 here, where the
//! package goes on guessing them (Cantabria, Catalonia, Madrid, the Basque Country and
//! Valencia keep such days in some later years); in Saudi Arabia, an Eid day on the
//! weekend whose next free working day is National Day or Founding Day (2048-09-23,
//! 2100-02-22) is substituted on the day after it here, on the national day itself there;
//! and in Egypt, Sham el-Nessim on 1 May (2062, 2073, 2084) stays on its Monday here, where
//! the package moves it with Labor Day to the Thursday. The presets shipped:
//!
//! - United Arab Emirates: `ae`
//! - Argentina: `ar`
//! - Austria: `at`
//! - Australia: `au`, `au-act`, `au-nsw`, `au-nt`, `au-qld`, `au-sa`, `au-tas`, `au-vic`, `au-wa`
//! - Belgium: `be`
//! - Bulgaria: `bg`
//! - Brazil: `br`
//! - Canada: `ca`, `ca-ab`, `ca-bc`, `ca-mb`, `ca-nb`, `ca-nl`, `ca-ns`, `ca-nt`, `ca-nu`, `ca-on`, `ca-pe`, `ca-qc`, `ca-sk`, `ca-yt`
//! - Switzerland: `ch`, `ch-ag`, `ch-ai`, `ch-ar`, `ch-be`, `ch-bl`, `ch-bs`, `ch-fr`, `ch-ge`, `ch-gl`, `ch-gr`, `ch-ju`, `ch-lu`, `ch-ne`, `ch-nw`, `ch-ow`, `ch-sg`, `ch-sh`, `ch-so`, `ch-sz`, `ch-tg`, `ch-ti`, `ch-ur`, `ch-vd`, `ch-vs`, `ch-zg`, `ch-zh`
//! - Chile: `cl`
//! - China: `cn`
//! - Colombia: `co`
//! - Cyprus: `cy`
//! - Czechia: `cz`
//! - Germany: `de`, `de-bb`, `de-be`, `de-bw`, `de-by`, `de-hb`, `de-he`, `de-hh`, `de-mv`, `de-ni`, `de-nw`, `de-rp`, `de-sh`, `de-sl`, `de-sn`, `de-st`, `de-th`
//! - Denmark: `dk`
//! - Estonia: `ee`
//! - Egypt: `eg`
//! - Spain: `es`, `es-an`, `es-ar`, `es-as`, `es-cb`, `es-ce`, `es-cl`, `es-cm`, `es-cn`, `es-ct`, `es-ex`, `es-ga`, `es-ib`, `es-mc`, `es-md`, `es-ml`, `es-nc`, `es-pv`, `es-ri`, `es-vc`
//! - Finland: `fi`
//! - France: `fr`
//! - United Kingdom: `gb`, `gb-eng`, `gb-nir`, `gb-sct`, `gb-wls`
//! - Greece: `gr`
//! - Hong Kong: `hk`
//! - Croatia: `hr`
//! - Hungary: `hu`
//! - Indonesia: `id`
//! - Ireland: `ie`
//! - Israel: `il`
//! - India: `in`
//! - Iceland: `is`
//! - Italy: `it`
//! - Japan: `jp`
//! - Kenya: `ke`
//! - South Korea: `kr`
//! - Liechtenstein: `li`
//! - Lithuania: `lt`
//! - Luxembourg: `lu`
//! - Latvia: `lv`
//! - Morocco: `ma`
//! - Malta: `mt`
//! - Mexico: `mx`
//! - Malaysia: `my`
//! - Nigeria: `ng`
//! - Netherlands: `nl`
//! - Norway: `no`
//! - New Zealand: `nz`
//! - Peru: `pe`
//! - Philippines: `ph`
//! - Poland: `pl`
//! - Portugal: `pt`
//! - Romania: `ro`
//! - Serbia: `rs`
//! - Russia: `ru`
//! - Saudi Arabia: `sa`
//! - Sweden: `se`
//! - Singapore: `sg`
//! - Slovenia: `si`
//! - Slovakia: `sk`
//! - Thailand: `th`
//! - Turkey: `tr`
//! - Taiwan: `tw`
//! - Ukraine: `ua`
//! - United States: `us`, `us-ak`, `us-al`, `us-ar`, `us-az`, `us-ca`, `us-co`, `us-ct`, `us-dc`, `us-de`, `us-fl`, `us-ga`, `us-hi`, `us-ia`, `us-id`, `us-il`, `us-in`, `us-ks`, `us-ky`, `us-la`, `us-ma`, `us-md`, `us-me`, `us-mi`, `us-mn`, `us-mo`, `us-ms`, `us-mt`, `us-nc`, `us-nd`, `us-ne`, `us-nh`, `us-nj`, `us-nm`, `us-nv`, `us-ny`, `us-oh`, `us-ok`, `us-or`, `us-pa`, `us-ri`, `us-sc`, `us-sd`, `us-tn`, `us-tx`, `us-ut`, `us-va`, `us-vt`, `us-wa`, `us-wi`, `us-wv`, `us-wy`
//! - Vietnam: `vn`
//! - South Africa: `za`
//!
//! 203 presets in all: one for every reference file in `tests/presets/` (the test lists
//! any that is not shipped).
//!
//! # The Chinese calendar
//!
//! A `chinese` rule takes its date from one month table of the Chinese lunisolar calendar,
//! embedded with the crate: for each Chinese year 1900–2099, the Gregorian date of its first
//! day, its leap month and the length of each month (the widely used lunar table, corrected
//! to the Hong Kong Observatory's published calendar where they differ: 1916, 1978, 2057).
//! Any festival follows from it — Chinese New Year `{"month": 1, "day": 1}` (its eve with
//! `"offset": -1`), the Dragon Boat Festival `{"month": 5, "day": 5}`, Mid-Autumn
//! `{"month": 8, "day": 15}`, the Double Ninth `{"month": 9, "day": 9}`. The month is always
//! the regular one, never the leap month after it; a 30th day in a 29-day month gives no
//! date. Korea and Vietnam reckon the same calendar at UTC+9 and UTC+7, so in some years a
//! month begins a day later or earlier, or another month is the leap one (Korea 2012):
//! `"calendar": "korean"` (covered 1961–2099) and `"calendar": "vietnamese"` (1968–2099) use
//! their own rows for those years. Outside the covered years a rule gives no date, and the
//! listing's `from`/`until` say so; the dates within are exact.
//!
//! ```
//! use chrono::NaiveDate;
//! use slacalc::calendar::{HolidaySpec, Holidays};
//!
//! let specs: Vec<HolidaySpec> = serde_json::from_str(r#"[
//!     {"name": "Chinese New Year's Eve", "chinese": {"month": 1, "day": 1}, "offset": -1},
//!     {"name": "Mid-Autumn Festival", "chinese": {"month": 8, "day": 15}},
//!     {"name": "Seollal", "chinese": {"month": 1, "day": 1, "calendar": "korean"}},
//!     {"name": "Vernal Equinox Day", "equinox": "march"},
//!     {"name": "Respect for the Aged Day", "month": 9, "weekday": "mon", "nth": 3},
//!     {"name": "Autumnal Equinox Day", "equinox": "september"},
//!     {"name": "National Holiday", "between": "holidays", "from": 2007}
//! ]"#)?;
//! let holidays = Holidays::from_specs(&specs)?;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert!(holidays.contains(d(2027, 2, 5))); // China's New Year 6 February: its eve
//! assert!(holidays.contains(d(2027, 2, 7))); // Korea's Seollal, a day later
//! assert!(holidays.contains(d(2026, 9, 25))); // Mid-Autumn
//! assert!(holidays.contains(d(2026, 3, 20))); // the equinox by the formula
//! assert!(holidays.contains(d(2026, 9, 22))); // between 21 (Monday) and 23 (equinox)
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Japan's equinox days follow the formula the National Astronomical Observatory of Japan's
//! announced dates follow, `int(C + 0.242194 × (year − 1980) − int((year − Y0) / 4))`, for
//! 1900–2099 (nothing outside). A `between` rule makes a holiday of a day that is no holiday
//! but lies between two holidays' own dates (not observed or substitute days): Japan's
//! citizens' holiday, as 22 September 2015.
//!
//! # The Thai lunar calendar
//!
//! A `thai` rule takes its date from the Thai lunar calendar, computed from a table of year
//! types embedded with the crate (`thai.json`, from the Python `holidays` package 0.109, MIT
//! licence): for each Gregorian year 1914–2157, whether the lunar year ending in it is
//! Pakatimat (354 days), Athikawan (355: a 30th day in the 7th month) or Athikamat (384: a
//! second 8th month), and the first day of the first year (28 November 1913). Months have
//! 29 days (odd) and 30 (even); days 1–15 are the waxing days, day 16 the first waning
//! day. Every date follows by counting; the table holds year types, not dates. With
//! `"later_in_leap_year": true` a date moves a month later in an Athikamat year, as the
//! Buddhist holy days do (Makha Bucha on the full moon of the 4th month, Asanha Bucha in the
//! second 8th month). Outside 1914–2157 a rule gives no date, and the listing's
//! `from`/`until` say so; within, the dates are those of the calendar.
//!
//! ```
//! use chrono::NaiveDate;
//! use slacalc::calendar::{HolidaySpec, Holidays};
//!
//! let specs: Vec<HolidaySpec> = serde_json::from_str(r#"[
//!     {"name": "Makha Bucha", "thai": {"month": 3, "day": 15, "later_in_leap_year": true}},
//!     {"name": "Buddhist Lent Day", "thai": {"month": 8, "day": 16, "later_in_leap_year": true}}
//! ]"#)?;
//! let holidays = Holidays::from_specs(&specs)?;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert_eq!(holidays.dates_in_year(2024), [d(2024, 2, 24), d(2024, 7, 21)]);
//! // 2026 has a second 8th month: both a month later in the count.
//! assert_eq!(holidays.dates_in_year(2026), [d(2026, 3, 3), d(2026, 7, 30)]);
//! assert_eq!(holidays.dates_in_year(2158), []);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Date tables
//!
//! Festivals of calendars without a closed-form Gregorian rule come from published tables,
//! embedded with the crate (from the Python `holidays` package 0.109, MIT licence, which
//! states its sources). A table covers a range of years; in its exact years the dates are the
//! announced or calendar-fixed ones, in its other years they are estimates (the real date,
//! set by moon sighting or announcement, may differ by a day). Outside a table's years the
//! holiday is absent: the listing's `from`/`until` say from which year. Malaysia's Islamic
//! tables (`my-eid-al-fitr`, `my-eid-al-adha`, `my-islamic-new-year`, `my-mawlid`) continue
//! after 2077, and Ceuta's and Melilla's (`es-ce-…`, `es-ml-…`), Egypt's (`eg-…`) and Saudi
//! Arabia's (`sa-…`) after 2100, by the
//! arithmetic Islamic calendar, as estimates (their `then_hijri`); a
//! calendar on such a preset is, like one with open-ended Easter rules, not periodic.
//!
//! | table | dates | years | exact |
//! | --- | --- | --- | --- |
//! | `ae-day-of-arafah` | Day of Arafah (United Arab Emirates) | 1990–2100 | 2017–2026 |
//! | `ae-eid-al-adha-holiday` | Eid al-Adha Holiday (United Arab Emirates) | 1990–2100 | 2017–2026 |
//! | `ae-eid-al-adha` | Eid al-Adha (United Arab Emirates) | 1990–2100 | 2017–2026 |
//! | `ae-eid-al-fitr-holiday` | Eid al-Fitr Holiday (United Arab Emirates) | 1990–2100 | 2017–2026 |
//! | `ae-eid-al-fitr` | Eid al-Fitr (United Arab Emirates) | 1990–2100 | 2017–2026 |
//! | `ae-islamic-new-year` | Islamic New Year (United Arab Emirates) | 1990–2100 | 2017–2026 |
//! | `ae-isra-and-mi-raj` | Isra' and Mi'raj (United Arab Emirates) | 1990–2018 | 2017–2018 |
//! | `ae-prophet-s-birthday` | Prophet's Birthday (United Arab Emirates) | 1990–2100 | 2017–2026 |
//! | `eg-eid-al-adha` | Eid al-Adha, 10 Dhu al-Hijjah (Egypt) | 1990–2100 | 2020–2025 |
//! | `eg-eid-al-fitr` | Eid al-Fitr, 1 Shawwal (Egypt) | 1990–2100 | 2020–2026 |
//! | `eg-islamic-new-year` | Islamic New Year, 1 Muharram (Egypt) | 1990–2100 | 2020–2025 |
//! | `eg-prophet-s-birthday` | Prophet's Birthday, 12 Rabi al-Awwal (Egypt) | 1990–2100 | 2020–2025 |
//! | `es-ce-eid-al-adha` | Eid al-Adha (Ceuta, Spain) | 2010–2100 | 2010–2026 |
//! | `es-ce-eid-al-fitr` | Eid al-Fitr (Ceuta, Spain) | 2022–2100 | 2022–2026 |
//! | `es-ml-eid-al-adha` | Eid al-Adha (Melilla, Spain) | 2010–2100 | 2010–2026 |
//! | `es-ml-eid-al-fitr` | Eid al-Fitr (Melilla, Spain) | 2022–2100 | 2022–2026 |
//! | `id-day-of-silence` | Day of Silence (Indonesia) | 1990–2050 | 1990–2050 |
//! | `id-eid-al-adha` | Eid al-Adha (Indonesia) | 1990–2100 | 1990–2026 |
//! | `id-eid-al-fitr-second-day` | Eid al-Fitr Second Day (Indonesia) | 1990–2100 | 1990–2026 |
//! | `id-eid-al-fitr` | Eid al-Fitr (Indonesia) | 1990–2100 | 1990–2026 |
//! | `id-islamic-new-year` | Islamic New Year (Indonesia) | 1990–2100 | 1990–2027 |
//! | `id-isra-and-mi-raj` | Isra' and Mi'raj (Indonesia) | 1990–2100 | 1990–2027 |
//! | `id-lunar-new-year` | Lunar New Year (Indonesia) | 2003–2100 | 2003–2027 |
//! | `id-prophet-s-birthday` | Prophet's Birthday (Indonesia) | 1990–2100 | 1990–2027 |
//! | `id-vesak-day` | Vesak Day (Indonesia) | 1990–2100 | 1990–2027 |
//! | `in-ashura` | Ashura (India) | 1990–2100 | 2001–2026 |
//! | `in-buddha-purnima` | Buddha Purnima (India) | 2001–2035 | 2001–2035 |
//! | `in-diwali` | Diwali (India) | 2001–2035 | 2001–2035 |
//! | `in-dussehra` | Dussehra (India) | 2001–2035 | 2001–2035 |
//! | `in-eid-al-adha` | Eid al-Adha (India) | 1990–2100 | 2001–2026 |
//! | `in-eid-al-fitr` | Eid al-Fitr (India) | 1990–2100 | 2001–2026 |
//! | `in-guru-nanak-s-birthday` | Guru Nanak's Birthday (India) | 2001–2035 | 2001–2035 |
//! | `in-holi` | Holi (India) | 2001–2035 | 2001–2035 |
//! | `in-janmashtami-vaishnava` | Janmashtami (Vaishnava) (India) | 2001–2035 | 2001–2035 |
//! | `in-maha-shivaratri` | Maha Shivaratri (India) | 2001–2035 | 2001–2035 |
//! | `in-mahavira-s-birthday` | Mahavira's Birthday (India) | 2001–2035 | 2001–2035 |
//! | `in-prophet-s-birthday` | Prophet's Birthday (India) | 1990–2100 | 2001–2026 |
//! | `in-ram-navami` | Ram Navami (India) | 2001–2035 | 2001–2035 |
//! | `ke-eid-al-fitr` | Eid al-Fitr (Kenya) | 1990–2100 | 2014–2026 |
//! | `ma-eid-al-adha` | Eid al-Adha (Morocco) | 1990–2100 | none (all estimates) |
//! | `ma-eid-al-fitr` | Eid al-Fitr (Morocco) | 1990–2100 | none (all estimates) |
//! | `ma-islamic-new-year` | Islamic New Year (Morocco) | 1990–2100 | none (all estimates) |
//! | `ma-prophet-s-birthday` | Prophet's Birthday (Morocco) | 1990–2100 | none (all estimates) |
//! | `my-chinese-new-year` | Chinese New Year (1st day of the 1st month of the Chinese calendar) in Malaysia | 1990–2100 | 2001–2027 |
//! | `my-eid-al-adha` | Eid al-Adha (10 Dhu al-Hijjah) in Malaysia | 1990–2077 | 2001–2027 |
//! | `my-eid-al-fitr` | Eid al-Fitr (1 Shawwal) in Malaysia | 1990–2077 | 2001–2027 |
//! | `my-islamic-new-year` | Islamic New Year (1 Muharram) in Malaysia | 1990–2077 | 2001–2027 |
//! | `my-mawlid` | Prophet Muhammad's Birthday (12 Rabi' al-Awwal) in Malaysia | 1990–2077 | 2001–2027 |
//! | `my-vesak` | Vesak Day (the full moon of the 4th month, in May) in Malaysia | 1990–2100 | 2001–2027 |
//! | `ng-eid-al-adha` | Eid al-Adha (10 Dhu al-Hijjah) in Nigeria | 1990–2100 | 1990–2025 |
//! | `ng-eid-al-fitr` | Eid al-Fitr (1 Shawwal) in Nigeria | 1990–2100 | 1990–2026 |
//! | `ng-prophet-s-birthday` | Prophet's Birthday (12 Rabi' al-Awwal) in Nigeria | 1990–2100 | 1990–2025 |
//! | `nz-matariki` | Matariki (New Zealand) | 2022–2052 | 2022–2052 |
//! | `ph-chinese-new-year` | Chinese New Year (Philippines) | 2012–2100 | 2012–2100 |
//! | `ph-eid-al-adha` | Eid al-Adha (Philippines) | 2010–2100 | 2010–2026 |
//! | `ph-eid-al-fitr` | Eid al-Fitr (Philippines) | 2002–2100 | 2002–2026 |
//! | `sa-eid-al-adha` | Eid al-Adha, 10 Dhu al-Hijjah (Saudi Arabia, Umm al-Qura) | 1990–2100 | 2001–2025 |
//! | `sa-eid-al-fitr-holiday` | First day of the four-day Eid al-Fitr Holiday (Saudi Arabia): 1 Shawwal, or 30 Ramadan after a 30-day Ramadan | 1990–2100 | 2001–2025 |
//! | `sg-chinese-new-year` | Chinese New Year (Singapore) | 1990–2100 | 2001–2027 |
//! | `sg-diwali` | Diwali (Singapore) | 1990–2100 | 1990–2100 |
//! | `sg-eid-al-adha` | Eid al-Adha (Singapore) | 1990–2100 | 2001–2027 |
//! | `sg-eid-al-fitr` | Eid al-Fitr (Singapore) | 1990–2100 | 2001–2027 |
//! | `sg-vesak-day` | Vesak Day (Singapore) | 1990–2100 | 2001–2027 |
//! | `tr-eid-al-adha` | Eid al-Adha (Turkey) | 1990–2100 | 1990–2032 |
//! | `tr-eid-al-fitr` | Eid al-Fitr (Turkey) | 1990–2100 | 1990–2032 |
