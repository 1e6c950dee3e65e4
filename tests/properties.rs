//! Property tests for the calendar engine and the SLA clock.
//!
//! Random calendars (zones with odd offsets and DST, 0–3 shifts per weekday at minute
//! resolution with overnight shifts, `24:00` ends and overlaps, holidays and exceptions near the
//! instants used, sometimes no business time at all) are checked against
//!
//! - algebraic properties of `add`/`sub`/`between`/`next_open`/`next_close`,
//! - a deliberately naive reference written straight from the semantics of
//!   `shared/conformance/README.md` (wall-clock date and time of every instant via chrono-tz,
//!   minute-by-minute scans),
//! - instant-wise definitions of union, intersection and difference,
//! - a naive minute-by-minute re-implementation of the SLA clock,
//! - a naive day-by-day reference for business days,
//! - the same calendar with its special-hours rules expanded into single-date exceptions.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use slacalc::calendar::BusinessDays;
use slacalc::calendar::{CalendarSpec, HolidaySpec, MonthDay, SpecialHoursRule};
use slacalc::{Calendar, Clock, ClockEvent, ClockEventKind, ClockState, Error};

// ------------------------------------------------------------------------------------------
// Random calendars
// ------------------------------------------------------------------------------------------

/// Zones with odd offsets and DST rules of every kind.
const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Denver",
    "America/Sao_Paulo", // DST started at midnight until 2019 (00:00 did not exist)
    "America/St_Johns",  // -03:30 / -02:30
    "Asia/Kolkata",      // +05:30
    "Asia/Kathmandu",    // +05:45
    "Australia/Lord_Howe", // +10:30 / +11:00 (30-minute DST)
    "Pacific/Chatham",   // +12:45 / +13:45
    "Antarctica/Troll",  // +00 / +02 (2-hour DST)
    "Asia/Kuala_Lumpur",
];

const KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A shift as wall-clock minutes `(start, end)`; overnight when `end <= start`.
type Sh = (u32, u32);

/// A random calendar configuration, kept in plain form for the reference implementation.
#[derive(Clone, Debug)]
struct Cfg {
    zone: &'static str,
    weekly: [Vec<Sh>; 7],
    holidays: BTreeSet<NaiveDate>,
    exceptions: BTreeMap<NaiveDate, Vec<Sh>>,
    /// The local date around which holidays, exceptions and test instants are placed.
    base: NaiveDate,
}

fn fmt_shift((s, e): Sh) -> String {
    format!("{:02}:{:02}-{:02}:{:02}", s / 60, s % 60, e / 60, e % 60)
}

impl Cfg {
    fn tz(&self) -> Tz {
        self.zone.parse().expect("zone list holds IANA names")
    }

    fn spec(&self) -> CalendarSpec {
        let mut spec = CalendarSpec {
            timezone: Some(self.zone.to_owned()),
            ..CalendarSpec::default()
        };
        for (i, shifts) in self.weekly.iter().enumerate() {
            // Write empty lists for some days and leave others out: both mean "closed".
            if !shifts.is_empty() || i % 2 == 0 {
                spec.hours.insert(
                    KEYS[i].to_owned(),
                    shifts.iter().copied().map(fmt_shift).collect(),
                );
            }
        }
        spec.holidays = self
            .holidays
            .iter()
            .map(|d| HolidaySpec::Date(d.to_string()))
            .collect();
        spec.exceptions = self
            .exceptions
            .iter()
            .map(|(d, s)| (d.to_string(), s.iter().copied().map(fmt_shift).collect()))
            .collect();
        spec
    }

    fn calendar(&self) -> Calendar {
        Calendar::try_from(self.spec()).expect("generated calendars are valid")
    }

    /// The shifts of a local date: its exception shifts if it has any, else none if it is a
    /// holiday, else the weekly shifts of its weekday.
    fn shifts_of(&self, d: NaiveDate) -> &[Sh] {
        if let Some(s) = self.exceptions.get(&d) {
            return s;
        }
        if self.holidays.contains(&d) {
            return &[];
        }
        &self.weekly[d.weekday().num_days_from_monday() as usize]
    }

    /// Whether the calendar has any business time at all.
    fn has_time(&self) -> bool {
        self.weekly.iter().any(|s| !s.is_empty()) || self.exceptions.values().any(|s| !s.is_empty())
    }

    /// README semantics: is `t` business time?
    fn ref_is_open(&self, t: DateTime<Utc>) -> bool {
        let local = t.with_timezone(&self.tz());
        let d = local.date_naive();
        // Whole seconds are enough: shift bounds are whole minutes.
        let tod = local.time().num_seconds_from_midnight();
        let today = self.shifts_of(d).iter().any(|&(s, e)| {
            if e > s {
                s * 60 <= tod && tod < e * 60
            } else {
                s * 60 <= tod
            }
        });
        let yesterday = d.pred_opt().is_some_and(|y| {
            self.shifts_of(y)
                .iter()
                .any(|&(s, e)| e <= s && tod < e * 60)
        });
        today || yesterday
    }

    /// README semantics: is `d` a business day (a shift starts on it and it is no holiday)?
    fn ref_is_business_day(&self, d: NaiveDate) -> bool {
        !self.shifts_of(d).is_empty()
    }

    fn base_instant(&self) -> DateTime<Utc> {
        self.base.and_hms_opt(0, 0, 0).unwrap().and_utc()
    }
}

/// Minutes biased to quarter hours, where DST transitions happen.
fn start_minute() -> impl Strategy<Value = u32> {
    prop_oneof![4 => 0u32..1440, 4 => (0u32..96).prop_map(|q| q * 15), 1 => Just(0)]
}

fn end_minute() -> impl Strategy<Value = u32> {
    prop_oneof![
        3 => 0u32..=1440,
        3 => (0u32..=96).prop_map(|q| q * 15),
        1 => Just(1440), // 24:00
        1 => Just(0),    // overnight to midnight
    ]
}

fn shift() -> impl Strategy<Value = Sh> {
    (start_minute(), end_minute()).prop_map(
        |(s, e)| {
            if s == e {
                (s, (s + 60) % 1440)
            } else {
                (s, e)
            }
        },
    )
}

fn shifts(max: usize) -> impl Strategy<Value = Vec<Sh>> {
    proptest::collection::vec(shift(), 0..=max)
}

/// Days from 2015-01-01 to 2035-12-31.
const BASE_DAYS: i64 = 7669;

fn date_plus(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64)).unwrap()
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs())).unwrap()
    }
}

/// How the base date of a random calendar is chosen.
#[derive(Clone, Copy, Debug)]
enum Base {
    /// Any day of 2015–2035.
    Any(i64),
    /// The UTC day of one of the zone's offset transitions in a year of 2015–2035 (index
    /// modulo their number; any day when the zone has none that year).
    Transition(i32, usize, i64),
    /// Around a UTC new year, where compiled years meet.
    NewYear(i32, i64),
}

impl Base {
    fn resolve(self, zone: &str) -> NaiveDate {
        let first = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
        match self {
            Base::Any(n) => date_plus(first, n),
            Base::Transition(year, k, n) => {
                let tz: Tz = zone.parse().unwrap();
                let days = transition_days(tz, year);
                if days.is_empty() {
                    date_plus(first, n)
                } else {
                    days[k % days.len()]
                }
            }
            Base::NewYear(year, n) => date_plus(NaiveDate::from_ymd_opt(year, 1, 1).unwrap(), n),
        }
    }
}

/// The UTC days of `year` during which the zone's UTC offset changes.
fn transition_days(tz: Tz, year: i32) -> Vec<NaiveDate> {
    use chrono::{Offset, TimeZone};
    let offset = |d: NaiveDate| {
        tz.offset_from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap())
            .fix()
            .local_minus_utc()
    };
    NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap()
        .iter_days()
        .take_while(|d| d.year() == year)
        .filter(|&d| offset(d) != offset(d.succ_opt().unwrap()))
        .collect()
}

fn base_strategy() -> impl Strategy<Value = Base> {
    prop_oneof![
        4 => (0i64..=BASE_DAYS).prop_map(Base::Any),
        4 => (2015i32..=2035, 0usize..4, 0i64..=BASE_DAYS)
            .prop_map(|(y, k, n)| Base::Transition(y, k, n)),
        2 => (2016i32..=2035, -3i64..=1).prop_map(|(y, n)| Base::NewYear(y, n)),
    ]
}

fn cfg_strategy() -> impl Strategy<Value = Cfg> {
    (
        proptest::sample::select(ZONES),
        proptest::array::uniform7(shifts(3)),
        proptest::collection::vec(-10i64..=20, 0..4),
        proptest::collection::vec((-10i64..=20, shifts(2)), 0..4),
        base_strategy(),
        0u8..20,
    )
        .prop_map(|(zone, mut weekly, hol, exc, base, mode)| {
            let base = base.resolve(zone);
            let mut exceptions: BTreeMap<NaiveDate, Vec<Sh>> = exc
                .into_iter()
                .map(|(o, s)| (date_plus(base, o), s))
                .collect();
            // Never a date both holiday and exception.
            let holidays: BTreeSet<NaiveDate> = hol
                .into_iter()
                .map(|o| date_plus(base, o))
                .filter(|d| !exceptions.contains_key(d))
                .collect();
            match mode {
                // No business time at all.
                0 | 1 => {
                    weekly = Default::default();
                    for s in exceptions.values_mut() {
                        s.clear();
                    }
                }
                // Business time only on a few exception dates.
                2 => weekly = Default::default(),
                _ => {}
            }
            Cfg {
                zone,
                weekly,
                holidays,
                exceptions,
                base,
            }
        })
}

// ------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------

fn secs(n: i64) -> TimeDelta {
    TimeDelta::try_seconds(n).unwrap()
}

fn dur(s: i64, nanos: u32) -> TimeDelta {
    TimeDelta::new(s, nanos).unwrap()
}

fn plus(t: DateTime<Utc>, d: TimeDelta) -> DateTime<Utc> {
    t.checked_add_signed(d).unwrap()
}

/// Far enough beyond every holiday, exception and test instant.
fn far_future() -> DateTime<Utc> {
    "2200-01-01T00:00:00Z".parse().unwrap()
}

fn far_past() -> DateTime<Utc> {
    "1800-01-01T00:00:00Z".parse().unwrap()
}

fn is_no_time(e: &Error) -> bool {
    matches!(e, Error::NoBusinessTime { .. })
}

/// `add`, turning `NoBusinessTime` into `None` after checking that there really is less than
/// `d` of business time after `t`.
fn add_checked(
    cal: &Calendar,
    t: DateTime<Utc>,
    d: TimeDelta,
) -> Result<Option<DateTime<Utc>>, TestCaseError> {
    match cal.add(t, d) {
        Ok(r) => Ok(Some(r)),
        Err(e) if is_no_time(&e) => {
            let left = cal.between(t, far_future()).unwrap();
            prop_assert!(
                left < d,
                "add({t}, {d}) said no business time, yet {left} is left"
            );
            Ok(None)
        }
        Err(e) => Err(TestCaseError::fail(format!("add({t}, {d}): {e}"))),
    }
}

fn sub_checked(
    cal: &Calendar,
    t: DateTime<Utc>,
    d: TimeDelta,
) -> Result<Option<DateTime<Utc>>, TestCaseError> {
    match cal.sub(t, d) {
        Ok(r) => Ok(Some(r)),
        Err(e) if is_no_time(&e) => {
            let left = cal.between(far_past(), t).unwrap();
            prop_assert!(
                left < d,
                "sub({t}, {d}) said no business time, yet {left} is before"
            );
            Ok(None)
        }
        Err(e) => Err(TestCaseError::fail(format!("sub({t}, {d}): {e}"))),
    }
}

/// An instant near the calendar's base date: seconds from two days before to twelve after,
/// sometimes with nanoseconds.
fn instant_near() -> impl Strategy<Value = (i64, u32)> {
    (
        prop_oneof![
            2 => -2 * 86_400i64..12 * 86_400,
            1 => -86_400i64..2 * 86_400, // the base day: a DST transition or a new year
        ],
        prop_oneof![4 => Just(0u32), 1 => 0u32..1_000_000_000],
    )
}

/// Mostly near the base date, sometimes decades away (1935–2115).
fn instant_wide() -> impl Strategy<Value = (i64, u32)> {
    prop_oneof![
        9 => instant_near(),
        1 => (-80 * 365 * 86_400i64..80 * 365 * 86_400, 0u32..1_000_000_000),
    ]
}

fn at(cfg: &Cfg, (s, n): (i64, u32)) -> DateTime<Utc> {
    plus(cfg.base_instant(), dur(s, n))
}

/// A duration from 0 to about 2000 h, mostly below 200 h, sometimes with nanoseconds.
fn duration() -> impl Strategy<Value = TimeDelta> {
    (
        prop_oneof![
            1 => Just(0i64),
            6 => 0i64..=200 * 3600,
            1 => 0i64..=2000 * 3600,
        ],
        prop_oneof![4 => Just(0u32), 1 => 0u32..1_000_000_000],
    )
        .prop_map(|(s, n)| dur(s, n))
}

// ------------------------------------------------------------------------------------------
// Algebraic properties
// ------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(640))]

    /// `between(t, add(t, d)) == d`; `sub(add(t, d), d) <= t`; `between(sub(t, d), t) == d`.
    #[test]
    fn add_sub_between_round_trip(cfg in cfg_strategy(), t in instant_wide(), d in duration()) {
        let cal = cfg.calendar();
        let t = at(&cfg, t);
        if let Some(r) = add_checked(&cal, t, d)? {
            prop_assert!(r >= t);
            prop_assert_eq!(cal.between(t, r).unwrap(), d, "between(t, add(t, d)) for r = {}", r);
            // `sub` is the *latest* start of `d` business time before `r`, and `t` is one such
            // start, so `sub(add(t, d), d)` is `t` or a later instant that closed time
            // separates from `t` (`t` on a Saturday comes back as Monday's opening): it is
            // `<= t` exactly when `t` is business time or `d` is zero.
            let back = cal.sub(r, d).unwrap();
            prop_assert!(back >= t && back <= r, "sub(add(t, d), d) = {} < t", back);
            prop_assert_eq!(cal.between(t, back).unwrap(), TimeDelta::zero());
            if cal.is_open(t) || d.is_zero() {
                prop_assert_eq!(back, t);
            }
        }
        if let Some(s) = sub_checked(&cal, t, d)? {
            prop_assert!(s <= t);
            prop_assert_eq!(cal.between(s, t).unwrap(), d, "between(sub(t, d), t) for s = {}", s);
            // Mirror image: `add(sub(t, d), d)` is `t` or an earlier instant with only closed
            // time up to `t`.
            let fwd = cal.add(s, d).unwrap();
            prop_assert!(fwd >= s && fwd <= t);
            prop_assert_eq!(cal.between(fwd, t).unwrap(), TimeDelta::zero());
        }
        // Negative durations mirror the other operation.
        if d > TimeDelta::zero() {
            prop_assert_eq!(cal.add(t, -d).ok(), cal.sub(t, d).ok());
            prop_assert_eq!(cal.sub(t, -d).ok(), cal.add(t, d).ok());
        }
        if !cfg.has_time() && d > TimeDelta::zero() {
            prop_assert!(cal.add(t, d).is_err_and(|e| is_no_time(&e)), "add on a calendar without business time");
            prop_assert!(cal.sub(t, d).is_err_and(|e| is_no_time(&e)), "sub on a calendar without business time");
        }
        prop_assert_eq!(cal.add(t, TimeDelta::zero()).unwrap(), t);
        prop_assert_eq!(cal.sub(t, TimeDelta::zero()).unwrap(), t);
    }

    /// `add(add(t, a), b) == add(t, a + b)`, and `add` is monotone in `t` and in `d`.
    #[test]
    fn add_composes_and_is_monotone(
        cfg in cfg_strategy(),
        t1 in instant_wide(),
        t2 in instant_wide(),
        a in duration(),
        b in duration(),
    ) {
        let cal = cfg.calendar();
        let (t1, t2) = (at(&cfg, t1), at(&cfg, t2));
        let (t1, t2) = (t1.min(t2), t1.max(t2));
        let whole = add_checked(&cal, t1, a + b)?;
        if let Some(r1) = add_checked(&cal, t1, a)? {
            let r2 = add_checked(&cal, r1, b)?;
            prop_assert_eq!(r2, whole, "add(add(t, a), b) vs add(t, a + b), add(t, a) = {}", r1);
        } else {
            prop_assert_eq!(whole, None);
        }
        // Monotone in t.
        if let (Some(r1), Some(r2)) = (add_checked(&cal, t1, a)?, add_checked(&cal, t2, a)?) {
            prop_assert!(r1 <= r2, "add({}, d) = {} > add({}, d) = {}", t1, r1, t2, r2);
        }
        // Monotone in d.
        let (small, large) = (a.min(b), a.max(b));
        match (add_checked(&cal, t1, small)?, add_checked(&cal, t1, large)?) {
            (Some(r1), Some(r2)) => prop_assert!(r1 <= r2),
            (None, Some(_)) => prop_assert!(false, "smaller duration failed, larger succeeded"),
            _ => {}
        }
        // sub is monotone in t too.
        if let (Some(s1), Some(s2)) = (sub_checked(&cal, t1, a)?, sub_checked(&cal, t2, a)?) {
            prop_assert!(s1 <= s2);
        }
    }

    /// `between` is additive over adjacent ranges and bounded by the wall time of the range.
    #[test]
    fn between_is_additive_and_bounded(
        cfg in cfg_strategy(),
        x in instant_wide(),
        y in instant_wide(),
        z in instant_near(),
    ) {
        let cal = cfg.calendar();
        let mut v = [at(&cfg, x), at(&cfg, y), at(&cfg, z)];
        v.sort();
        let [a, b, c] = v;
        let ab = cal.between(a, b).unwrap();
        let bc = cal.between(b, c).unwrap();
        let ac = cal.between(a, c).unwrap();
        prop_assert_eq!(ab + bc, ac);
        for (from, to, d) in [(a, b, ab), (b, c, bc), (a, c, ac)] {
            prop_assert!(d >= TimeDelta::zero());
            prop_assert!(d <= to - from, "between({}, {}) = {} exceeds the span", from, to, d);
            prop_assert_eq!(cal.between(to, from).unwrap(), -d);
        }
        if !cfg.has_time() {
            prop_assert_eq!(ac, TimeDelta::zero());
        }
    }

    /// `next_open` is idempotent and open; `next_close` is at or after `t` and closed.
    #[test]
    fn next_open_and_next_close(cfg in cfg_strategy(), t in instant_wide()) {
        let cal = cfg.calendar();
        let t = at(&cfg, t);
        match cal.next_open(t).unwrap() {
            Some(o) => {
                prop_assert!(o >= t);
                prop_assert!(cal.is_open(o), "next_open({}) = {} is closed", t, o);
                prop_assert_eq!(cal.next_open(o).unwrap(), Some(o));
                prop_assert_eq!(cal.between(t, o).unwrap(), TimeDelta::zero());
                if cal.is_open(t) {
                    prop_assert_eq!(o, t);
                }
            }
            None => {
                prop_assert!(!cal.is_open(t));
                prop_assert_eq!(cal.between(t, far_future()).unwrap(), TimeDelta::zero());
            }
        }
        match cal.next_close(t).unwrap() {
            Some(c) => {
                prop_assert!(c >= t);
                prop_assert!(!cal.is_open(c), "next_close({}) = {} is open", t, c);
                prop_assert_eq!(cal.next_close(c).unwrap(), Some(c));
                if cal.is_open(t) {
                    // Open all the way from t to c.
                    prop_assert_eq!(cal.between(t, c).unwrap(), c - t);
                } else {
                    prop_assert_eq!(c, t);
                }
            }
            None => {
                prop_assert!(cal.is_open(t));
                let month = plus(t, TimeDelta::days(30));
                prop_assert_eq!(cal.between(t, month).unwrap(), month - t);
            }
        }
        if !cfg.has_time() {
            prop_assert_eq!(cal.next_open(t).unwrap(), None);
            prop_assert_eq!(cal.next_close(t).unwrap(), Some(t));
        }
    }
}

// ------------------------------------------------------------------------------------------
// The naive reference
// ------------------------------------------------------------------------------------------

/// A window of whole minutes `[w0, w0 + 60 n)` scanned with the reference: `open[i]` tells
/// whether minute `i` is business time (constant within a minute: shift bounds are whole
/// minutes and, since 2015, every offset of these zones is a whole number of minutes and every
/// transition falls on a whole minute), `cum[i]` the business minutes before minute `i`.
struct Scan {
    w0: DateTime<Utc>,
    open: Vec<bool>,
    cum: Vec<i64>,
}

impl Scan {
    fn new(cfg: &Cfg, w0: DateTime<Utc>, minutes: usize) -> Scan {
        let open: Vec<bool> = (0..minutes)
            .map(|i| cfg.ref_is_open(plus(w0, secs(60 * i as i64))))
            .collect();
        let mut cum = Vec::with_capacity(minutes + 1);
        let mut c = 0;
        cum.push(0);
        for &o in &open {
            c += i64::from(o);
            cum.push(c);
        }
        Scan { w0, open, cum }
    }

    fn t(&self, i: usize) -> DateTime<Utc> {
        plus(self.w0, secs(60 * i as i64))
    }

    fn end(&self) -> DateTime<Utc> {
        self.t(self.open.len())
    }

    /// Business seconds in `[t(i), t(j))`.
    fn between(&self, i: usize, j: usize) -> i64 {
        60 * (self.cum[j] - self.cum[i])
    }

    /// Earliest `r >= t(i)` with `d` business seconds in `[t(i), r)`, if within the window.
    fn add(&self, i: usize, d: i64) -> Option<DateTime<Utc>> {
        if d == 0 {
            return Some(self.t(i));
        }
        let mut left = d;
        for k in i..self.open.len() {
            if self.open[k] {
                if left <= 60 {
                    return Some(plus(self.t(k), secs(left)));
                }
                left -= 60;
            }
        }
        None
    }

    /// Latest `r <= t(i)` with `d` business seconds in `[r, t(i))`, if within the window.
    fn sub(&self, i: usize, d: i64) -> Option<DateTime<Utc>> {
        if d == 0 {
            return Some(self.t(i));
        }
        let mut left = d;
        for k in (0..i).rev() {
            if self.open[k] {
                if left <= 60 {
                    return Some(plus(self.t(k), secs(60 - left)));
                }
                left -= 60;
            }
        }
        None
    }

    fn next_open(&self, i: usize) -> Option<DateTime<Utc>> {
        (i..self.open.len())
            .find(|&k| self.open[k])
            .map(|k| self.t(k))
    }

    fn next_close(&self, i: usize) -> Option<DateTime<Utc>> {
        (i..self.open.len())
            .find(|&k| !self.open[k])
            .map(|k| self.t(k))
    }
}

/// Minutes in the reference window (four days).
const WINDOW: usize = 4 * 1440;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    /// The fast path agrees with the naive reference: `is_open` on every minute of a four-day
    /// window and at random seconds, `between`, `add`, `sub`, `next_open` and `next_close` on
    /// minute-aligned inputs.
    #[test]
    fn matches_reference(
        cfg in cfg_strategy(),
        window_day in prop_oneof![-11i64..=18, -2i64..=0],
        seconds in proptest::collection::vec(0i64..(WINDOW as i64) * 60, 8),
        pairs in proptest::collection::vec((0usize..=WINDOW, 0usize..=WINDOW), 8),
        adds in proptest::collection::vec((0usize..WINDOW, 0i64..=36 * 3600), 8),
    ) {
        let cal = cfg.calendar();
        let w0 = plus(cfg.base_instant(), TimeDelta::days(window_day));
        let scan = Scan::new(&cfg, w0, WINDOW);
        let tz = cfg.tz();
        for (i, &o) in scan.open.iter().enumerate() {
            let t = scan.t(i);
            prop_assert_eq!(
                cal.is_open(t), o,
                "is_open({}) (local {})", t, t.with_timezone(&tz)
            );
        }
        for &s in &seconds {
            let t = plus(w0, secs(s));
            prop_assert_eq!(
                cal.is_open(t), cfg.ref_is_open(t),
                "is_open({}) (local {})", t, t.with_timezone(&tz)
            );
        }
        for &(i, j) in &pairs {
            let (i, j) = (i.min(j), i.max(j));
            prop_assert_eq!(
                cal.between(scan.t(i), scan.t(j)).unwrap(),
                secs(scan.between(i, j)),
                "between({}, {})", scan.t(i), scan.t(j)
            );
        }
        for &(i, d) in &adds {
            let t = scan.t(i);
            let fast = cal.add(t, secs(d));
            match scan.add(i, d) {
                Some(r) => prop_assert_eq!(fast.as_ref().ok(), Some(&r), "add({}, {})", t, d),
                // Beyond the window: the fast answer must be too (or there is none).
                None => prop_assert!(
                    fast.as_ref().map_or_else(is_no_time, |&r| r > scan.end()),
                    "add({}, {}) = {:?} but the reference finds nothing before {}",
                    t, d, fast, scan.end()
                ),
            }
            let j = WINDOW - i;
            let t = scan.t(j);
            let fast = cal.sub(t, secs(d));
            match scan.sub(j, d) {
                Some(r) => prop_assert_eq!(fast.as_ref().ok(), Some(&r), "sub({}, {})", t, d),
                None => prop_assert!(
                    fast.as_ref().map_or_else(is_no_time, |&r| r < scan.w0),
                    "sub({}, {}) = {:?} but the reference finds nothing after {}",
                    t, d, fast, scan.w0
                ),
            }
            let t = scan.t(i);
            match scan.next_open(i) {
                Some(r) => prop_assert_eq!(cal.next_open(t).unwrap(), Some(r), "next_open({})", t),
                None => prop_assert!(cal.next_open(t).unwrap().is_none_or(|r| r >= scan.end())),
            }
            match scan.next_close(i) {
                Some(r) => prop_assert_eq!(cal.next_close(t).unwrap(), Some(r), "next_close({})", t),
                None => prop_assert!(cal.next_close(t).unwrap().is_none_or(|r| r >= scan.end())),
            }
        }
    }
}

// ------------------------------------------------------------------------------------------
// Union, intersection, difference
// ------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Set operations agree instant by instant with their members, and `between` follows
    /// inclusion–exclusion.
    #[test]
    fn set_operations_agree_with_members(
        a in cfg_strategy(),
        b in cfg_strategy(),
        window_day in prop_oneof![-11i64..=18, -2i64..=0],
        seconds in proptest::collection::vec(0i64..3 * 86_400, 16),
        ranges in proptest::collection::vec((instant_near(), instant_near()), 6),
    ) {
        // Same base date, so that both calendars' holidays and exceptions meet the instants.
        let b = Cfg { base: a.base, ..b };
        let (ca, cb) = (a.calendar(), b.calendar());
        let u = Calendar::union(&[ca.clone(), cb.clone()]).unwrap();
        let i = Calendar::intersection(&[ca.clone(), cb.clone()]).unwrap();
        let d = ca.difference(std::slice::from_ref(&cb)).unwrap();
        let w0 = plus(a.base_instant(), TimeDelta::days(window_day));
        // Every minute of three days, plus random seconds.
        let instants = (0..3 * 1440)
            .map(|m| plus(w0, secs(60 * m)))
            .chain(seconds.iter().map(|&s| plus(w0, secs(s))));
        for t in instants {
            let (oa, ob) = (ca.is_open(t), cb.is_open(t));
            prop_assert_eq!(u.is_open(t), oa || ob, "union at {}", t);
            prop_assert_eq!(i.is_open(t), oa && ob, "intersection at {}", t);
            prop_assert_eq!(d.is_open(t), oa && !ob, "difference at {}", t);
        }
        for &(x, y) in &ranges {
            let (x, y) = (at(&a, x), at(&a, y));
            let (x, y) = (x.min(y), x.max(y));
            let ba = ca.between(x, y).unwrap();
            let bb = cb.between(x, y).unwrap();
            let bu = u.between(x, y).unwrap();
            let bi = i.between(x, y).unwrap();
            let bd = d.between(x, y).unwrap();
            prop_assert_eq!(bu, ba + bb - bi, "union between({}, {})", x, y);
            prop_assert_eq!(bd, ba - bi, "difference between({}, {})", x, y);
            prop_assert!(bi <= ba.min(bb) && bu >= ba.max(bb));
        }
        // The composites obey the same round trip as any calendar.
        let t = w0;
        for c in [&u, &i, &d] {
            if let Some(r) = add_checked(c, t, secs(5 * 3600))? {
                prop_assert_eq!(c.between(t, r).unwrap(), secs(5 * 3600));
            }
        }
    }
}

// ------------------------------------------------------------------------------------------
// The SLA clock
// ------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct ClockCase {
    cfg: Cfg,
    events: Vec<(DateTime<Utc>, ClockEventKind)>,
    target: i64,
    /// Sorted evaluation instants.
    nows: Vec<DateTime<Utc>>,
}

fn clock_strategy() -> impl Strategy<Value = ClockCase> {
    (
        cfg_strategy(),
        -1440i64..10 * 1440,
        0usize..=3,
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(prop_oneof![1 => Just(0i64), 6 => 0i64..=1500], 9),
        prop_oneof![1 => Just(0i64), 2 => (0i64..=40).prop_map(|h| h * 3600), 3 => 0i64..=40 * 3600],
        proptest::collection::vec(-600i64..12_000, 1..6),
    )
        .prop_map(
            |(cfg, start_min, pairs, trailing_pause, stop, gaps, target, now_mins)| {
                let start = plus(cfg.base_instant(), secs(60 * start_min));
                let mut kinds = vec![ClockEventKind::Start];
                for _ in 0..pairs {
                    kinds.extend([ClockEventKind::Pause, ClockEventKind::Resume]);
                }
                if trailing_pause {
                    kinds.push(ClockEventKind::Pause);
                }
                if stop {
                    kinds.push(ClockEventKind::Stop);
                }
                let mut t = start;
                let mut events = Vec::new();
                for (k, kind) in kinds.into_iter().enumerate() {
                    if k > 0 {
                        t = plus(t, secs(60 * gaps[k - 1]));
                    }
                    events.push((t, kind));
                }
                let mut nows: Vec<DateTime<Utc>> = now_mins
                    .into_iter()
                    .map(|m| plus(start, secs(60 * m)))
                    .collect();
                // Also exactly at every event.
                nows.extend(events.iter().map(|e| e.0));
                nows.sort();
                ClockCase {
                    cfg,
                    events,
                    target,
                    nows,
                }
            },
        )
}

/// What the naive clock says: state, elapsed seconds, and the deadline — `Ok(d)` when known,
/// `Err(limit)` when the scan found no deadline before `limit` (so the real one is `None` or
/// later).
type NaiveReading = (
    ClockState,
    i64,
    Result<Option<DateTime<Utc>>, DateTime<Utc>>,
);

/// The clock straight from the module docs, minute by minute on the calendar's `is_open`
/// (events are minute-aligned, so business time is constant within each minute).
fn naive_clock(
    cal: &Calendar,
    events: &[(DateTime<Utc>, ClockEventKind)],
    target: i64,
    now: DateTime<Utc>,
) -> NaiveReading {
    use ClockEventKind::*;
    let known: Vec<_> = events.iter().copied().filter(|e| e.0 <= now).collect();
    let Some(&(start, _)) = known.first() else {
        return (ClockState::NotStarted, 0, Ok(None));
    };
    // Pauses [pause, resume); one with no known resume lasts on.
    let mut pauses: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = Vec::new();
    let mut stop = None;
    for &(t, kind) in &known {
        match kind {
            Pause => pauses.push((t, None)),
            Resume => {
                if let Some(p) = pauses.last_mut() {
                    p.1 = Some(t);
                }
            }
            Stop => stop = Some(t),
            Start => {}
        }
    }
    // Paused at `now`: the last known event is a pause, or a stop right after a pause.
    let paused_now = matches!(
        known.as_slice(),
        [.., (_, Pause)] | [.., (_, Pause), (_, Stop)]
    );
    let in_pause = |m: DateTime<Utc>| {
        pauses
            .iter()
            .any(|&(p, r)| p <= m && r.is_none_or(|r| m < r))
    };
    let counted = |m: DateTime<Utc>| cal.is_open(m) && !in_pause(m);

    let until = stop.map_or(now, |s| s.min(now));
    let mut elapsed = 0;
    let mut m = start;
    while m < until {
        if counted(m) {
            elapsed += 60;
        }
        m = plus(m, secs(60));
    }

    // The deadline: counted time (ignoring the stop: the clock "keeps running") reaches the
    // target; a pause with no resume never ends.
    let limit = plus(
        events.last().map_or(now, |e| e.0.max(now)),
        TimeDelta::days(8),
    );
    let mut deadline = Err(limit);
    if target == 0 {
        deadline = Ok(Some(start));
    } else {
        let mut left = target;
        let mut m = start;
        while m < limit {
            if counted(m) {
                if left <= 60 {
                    deadline = Ok(Some(plus(m, secs(left))));
                    break;
                }
                left -= 60;
            }
            m = plus(m, secs(60));
        }
    }
    let breached = elapsed > target;
    if paused_now && !breached {
        deadline = Ok(None);
    }
    let state = if breached {
        ClockState::Breached
    } else if stop.is_some() {
        ClockState::Met
    } else if paused_now {
        ClockState::Paused
    } else {
        ClockState::Running
    };
    (state, elapsed, deadline)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    /// The clock agrees with the naive one; elapsed never exceeds the business time since the
    /// start and never decreases as `now` advances.
    #[test]
    fn clock_matches_naive(case in clock_strategy()) {
        let cal = case.cfg.calendar();
        let events: Vec<ClockEvent> = case
            .events
            .iter()
            .map(|&(t, k)| ClockEvent::new(t, k))
            .collect();
        let clock = Clock::from_events(&events).unwrap();
        let target = secs(case.target);
        let start = case.events[0].0;
        let mut last_elapsed = TimeDelta::zero();
        for &now in &case.nows {
            let r = clock.read(&cal, target, now).unwrap();
            let (state, elapsed, deadline) = naive_clock(&cal, &case.events, case.target, now);
            prop_assert_eq!(r.state, state, "state at {}", now);
            prop_assert_eq!(r.elapsed, secs(elapsed), "elapsed at {}", now);
            match deadline {
                Ok(d) => prop_assert_eq!(r.deadline, d, "deadline at {}", now),
                Err(limit) => prop_assert!(
                    r.deadline.is_none_or(|d| d >= limit),
                    "deadline at {}: {:?}, but none before {}", now, r.deadline, limit
                ),
            }
            if now >= start {
                prop_assert!(r.elapsed <= cal.between(start, now).unwrap());
            } else {
                prop_assert_eq!(r.elapsed, TimeDelta::zero());
            }
            prop_assert!(r.elapsed >= last_elapsed, "elapsed decreased at {}", now);
            last_elapsed = r.elapsed;
        }
    }
}

// ------------------------------------------------------------------------------------------
// Business days
// ------------------------------------------------------------------------------------------

/// Day-by-day reference for `add_business_days`: roll to a business day in the direction of
/// `n`, then step `|n|` business days. `None` when the scan runs out (no more business days:
/// with weekly hours there is one at least every week, so 20 000 days are plenty).
fn ref_add_business_days(cfg: &Cfg, date: NaiveDate, n: i64) -> Option<NaiveDate> {
    let step = if n >= 0 { 1 } else { -1 };
    let mut budget = 20_000;
    let mut d = date;
    while !cfg.ref_is_business_day(d) {
        d = date_plus(d, step);
        budget -= 1;
        if budget == 0 {
            return None;
        }
    }
    let mut k = n.abs();
    while k > 0 {
        d = date_plus(d, step);
        if cfg.ref_is_business_day(d) {
            k -= 1;
        }
        budget -= 1;
        if budget == 0 {
            return None;
        }
    }
    Some(d)
}

fn ref_business_days_between(cfg: &Cfg, a: NaiveDate, b: NaiveDate) -> i64 {
    if b < a {
        return -ref_business_days_between(cfg, b, a);
    }
    a.iter_days()
        .take_while(|d| *d < b)
        .filter(|d| cfg.ref_is_business_day(*d))
        .count() as i64
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn business_days_match_reference(
        cfg in cfg_strategy(),
        off in -40i64..40,
        n in -600i64..600,
        span in -1500i64..1500,
    ) {
        let cal = cfg.calendar();
        let date = date_plus(cfg.base, off);
        for d in date.iter_days().take(40) {
            prop_assert_eq!(cal.is_business_day(d), cfg.ref_is_business_day(d), "is_business_day({})", d);
        }
        let fast = cal.add_business_days(date, BusinessDays(n));
        match ref_add_business_days(&cfg, date, n) {
            Some(r) => prop_assert_eq!(fast.as_ref().ok(), Some(&r), "add_business_days({}, {})", date, n),
            None => prop_assert!(
                matches!(fast, Err(Error::NoBusinessTime { .. })),
                "add_business_days({}, {}) = {:?}, reference finds none", date, n, fast
            ),
        }
        let other = date_plus(date, span);
        prop_assert_eq!(
            cal.business_days_between(date, other).map(BusinessDays::get).unwrap(),
            ref_business_days_between(&cfg, date, other),
            "business_days_between({}, {})", date, other
        );
        // Counting back what was added.
        if cfg.ref_is_business_day(date) && n >= 0 {
            if let Ok(r) = fast {
                prop_assert_eq!(cal.business_days_between(date, r).map(BusinessDays::get).unwrap(), n);
            }
        }
    }
}

// ------------------------------------------------------------------------------------------
// Recurring special hours against their expansion into single-date exceptions
// ------------------------------------------------------------------------------------------

/// The dates of a random special-hours rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    /// `month` + `day`, yearly.
    Fixed(u32, u32),
    /// `weekday` (Monday 0) + `nth`, of one month (yearly) or of every month.
    Nth(Option<u32>, u32, i64),
    /// `weekday` + `on_or_after: {month, day}`, yearly.
    OnOrAfter(u32, u32, u32),
    /// `day` of every month.
    Day(u32),
}

#[derive(Clone, Debug)]
struct SpecialCase {
    when: When,
    hours: Vec<Sh>,
    from: Option<i32>,
    until: Option<i32>,
    every: Option<u16>,
}

impl When {
    fn yearly(self) -> bool {
        !matches!(self, When::Nth(None, ..) | When::Day(_))
    }
}

fn days_in_month(d: NaiveDate) -> u32 {
    let next = if d.month() == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).unwrap().day()
}

impl SpecialCase {
    /// Whether the rule applies in rule year `y` (its range and cycle).
    fn applies(&self, y: i32) -> bool {
        self.from.is_none_or(|f| f <= y)
            && self.until.is_none_or(|u| y <= u)
            && self
                .every
                .is_none_or(|n| (y - self.from.unwrap_or(y)).rem_euclid(i32::from(n)) == 0)
    }

    /// Whether the rule gives date `d`, straight from the definitions.
    fn gives(&self, d: NaiveDate) -> bool {
        let wd = d.weekday().num_days_from_monday();
        match self.when {
            When::Fixed(m, day) => d.month() == m && d.day() == day && self.applies(d.year()),
            When::Day(day) => d.day() == day && self.applies(d.year()),
            When::Nth(month, w, n) => {
                let week = if n > 0 {
                    i64::from((d.day() - 1) / 7) + 1
                } else {
                    -(i64::from((days_in_month(d) - d.day()) / 7) + 1)
                };
                month.is_none_or(|m| d.month() == m)
                    && wd == w
                    && week == n
                    && self.applies(d.year())
            }
            When::OnOrAfter(w, m, day) => [d.year() - 1, d.year()].into_iter().any(|ry| {
                let start = NaiveDate::from_ymd_opt(ry, m, day)
                    .or_else(|| NaiveDate::from_ymd_opt(ry, 3, 1).filter(|_| m == 2))
                    .unwrap();
                wd == w && start <= d && d < date_plus(start, 7) && self.applies(ry)
            }),
        }
    }

    fn spec(&self) -> SpecialHoursRule {
        let mut r = SpecialHoursRule {
            hours: self.hours.iter().copied().map(fmt_shift).collect(),
            from: self.from.map(i64::from),
            until: self.until.map(i64::from),
            every: self.every.map(i64::from),
            ..SpecialHoursRule::default()
        };
        let key = |w: u32| Some(KEYS[w as usize].to_owned());
        match self.when {
            When::Fixed(m, d) => (r.month, r.day) = (Some(m.into()), Some(d.into())),
            When::Day(d) => r.day = Some(d.into()),
            When::Nth(m, w, n) => {
                (r.month, r.weekday, r.nth) = (m.map(i64::from), key(w), Some(n));
            }
            When::OnOrAfter(w, m, d) => {
                r.weekday = key(w);
                r.on_or_after = Some(MonthDay {
                    month: m.into(),
                    day: d.into(),
                });
            }
        }
        r
    }
}

/// The shifts the rules give `d`: the first yearly rule giving it, else the first monthly.
fn ref_special(rules: &[SpecialCase], d: NaiveDate) -> Option<&Vec<Sh>> {
    let first = |yearly: bool| {
        rules
            .iter()
            .find(|r| r.when.yearly() == yearly && r.gives(d))
    };
    first(true).or_else(|| first(false)).map(|r| &r.hours)
}

fn when_strategy() -> impl Strategy<Value = When> {
    let nth = prop_oneof![1i64..=5, -5i64..=-1];
    prop_oneof![
        (1u32..=12, 1u32..=28).prop_map(|(m, d)| When::Fixed(m, d)),
        Just(When::Fixed(2, 29)),
        Just(When::Fixed(12, 31)),
        (proptest::option::of(1u32..=12), 0u32..7, nth).prop_map(|(m, w, n)| When::Nth(m, w, n)),
        (0u32..7, 1u32..=12, 1u32..=28).prop_map(|(w, m, d)| When::OnOrAfter(w, m, d)),
        (0u32..7).prop_map(|w| When::OnOrAfter(w, 12, 29)),
        (1u32..=31).prop_map(When::Day),
    ]
}

/// A rule with a year range around `year` (or none) and, when yearly with a `from`, maybe
/// a cycle.
fn special_strategy() -> impl Strategy<Value = (When, Vec<Sh>, i32, i32, u8, u16)> {
    (
        when_strategy(),
        shifts(2),
        -3i32..=4,
        0i32..=6,
        0u8..6,
        1u16..=4,
    )
}

/// A random year: mostly around now, sometimes far in the past or future (before 9996:
/// the expansion writes its dates `YYYY-MM-DD`).
fn year_strategy() -> impl Strategy<Value = i32> {
    prop_oneof![3 => 2015i32..2035, 1 => 1850i32..2015, 1 => 2035i32..2600, 1 => 2600i32..9990]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    /// A calendar with special-hours rules answers exactly as the same calendar with the
    /// rules expanded into single-date exceptions (the naive reference) over the years
    /// `year .. year + 3`, holidays and exceptions taking precedence over the rules.
    #[test]
    fn special_hours_match_their_expansion(
        zone in proptest::sample::select(ZONES),
        weekly in proptest::array::uniform7(shifts(2)),
        year in year_strategy(),
        raw in proptest::collection::vec(special_strategy(), 1..4),
        hol in proptest::collection::vec(0i64..1096, 0..6),
        exc in proptest::collection::vec((0i64..1096, shifts(2)), 0..3),
        points in proptest::collection::vec((0i64..3 * 365 * 86_400, 0i64..3 * 365 * 86_400), 4),
    ) {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let mut rules: Vec<SpecialCase> = Vec::new();
        for (when, hours, from, len, bounds, every) in raw {
            // One rule per form of dates: two would be refused (see the unit tests).
            if rules.iter().any(|r| r.when == when) {
                continue;
            }
            let from = (bounds & 1 == 1 || bounds >= 4).then_some(year + from);
            let until = (bounds & 2 == 2).then(|| from.unwrap_or(year) + len);
            let every = (when.yearly() && from.is_some() && bounds >= 4).then_some(every);
            rules.push(SpecialCase { when, hours, from, until, every });
        }
        let exceptions: BTreeMap<NaiveDate, Vec<Sh>> =
            exc.into_iter().map(|(o, s)| (date_plus(first, o), s)).collect();
        let holidays: BTreeSet<NaiveDate> = hol
            .into_iter()
            .map(|o| date_plus(first, o))
            .filter(|d| !exceptions.contains_key(d))
            .collect();
        let cfg = Cfg { zone, weekly, holidays, exceptions, base: first };
        let mut spec = cfg.spec();
        spec.special_hours = rules.iter().map(SpecialCase::spec).collect();
        let ruled = Calendar::try_from(spec.clone()).unwrap();
        let reparsed: Calendar = serde_json::from_str(&serde_json::to_string(&ruled).unwrap()).unwrap();
        prop_assert_eq!(&reparsed, &ruled);

        // The expansion: every date of `year - 1 ..= year + 3` a rule gives that is neither
        // a holiday nor an exception already.
        let mut expanded = cfg.clone();
        let mut d = NaiveDate::from_ymd_opt(year - 1, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(year + 4, 1, 1).unwrap();
        while d < end {
            if !cfg.holidays.contains(&d) && !cfg.exceptions.contains_key(&d) {
                if let Some(hours) = ref_special(&rules, d) {
                    expanded.exceptions.insert(d, hours.clone());
                }
            }
            d = d.succ_opt().unwrap();
        }
        let naive = expanded.calendar();

        let w0 = first.and_hms_opt(0, 0, 0).unwrap().and_utc();
        let w1 = NaiveDate::from_ymd_opt(year + 3, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
        // An open-ended rule kept every 3 years does not repeat every 400 years: like an
        // open-ended Easter rule, its calendar computes 1583-2599 and refuses beyond.
        let periodic = rules.iter().all(|r| r.every.is_none_or(|n| 400 % n == 0) || r.until.is_some());
        if !periodic && !(1584..=2596).contains(&year) {
            let refused = matches!(ruled.between(w0, w1), Err(Error::OutOfRange { .. }));
            prop_assert!(refused || !cfg.has_time(), "year {}", year);
            return Ok(());
        }
        prop_assert_eq!(ruled.between(w0, w1).unwrap(), naive.between(w0, w1).unwrap(), "year {}", year);
        prop_assert_eq!(
            ruled.business_days_between(first, w1.date_naive()).unwrap(),
            naive.business_days_between(first, w1.date_naive()).unwrap()
        );
        for (i, &(x, y)) in points.iter().enumerate() {
            let (a, b) = (plus(w0, secs(x.min(y))), plus(w0, secs(x.max(y))));
            prop_assert_eq!(ruled.is_open(a), naive.is_open(a), "is_open({})", a);
            let span = naive.between(a, b).unwrap();
            prop_assert_eq!(ruled.between(a, b).unwrap(), span, "between({}, {})", a, b);
            if span > TimeDelta::zero() {
                prop_assert_eq!(ruled.add(a, span).unwrap(), naive.add(a, span).unwrap(), "add({}, {})", a, span);
                prop_assert_eq!(ruled.sub(b, span).unwrap(), naive.sub(b, span).unwrap(), "sub({}, {})", b, span);
            }
            let open = naive.next_open(a).unwrap().filter(|&t| t < w1);
            if let Some(o) = open {
                prop_assert_eq!(ruled.next_open(a).unwrap(), Some(o), "next_open({})", a);
            }
            let date = date_plus(first, x / 86_400);
            prop_assert_eq!(ruled.is_business_day(date), naive.is_business_day(date), "is_business_day({}) {}", date, i);
        }
    }
}

// ------------------------------------------------------------------------------------------
// The agenda against a brute-force minimum over `next_wake_up`
// ------------------------------------------------------------------------------------------

mod agenda {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use chrono::{DateTime, TimeDelta, Utc};
    use proptest::prelude::*;
    use proptest::test_runner::TestCaseError;
    use slacalc::agenda::{Agenda, AgendaId, AgendaItem, Change};
    use slacalc::{
        evaluate, next_wake_up, Catalog, Contract, ContractSpec, Event, EventKind, Incident,
        MetricState, StepState,
    };

    /// The six seed contracts of Cumulocity and Comarch, and Comarch Premium with a help
    /// desk's own warning and escalation steps (the seeds have no `share` steps).
    pub(super) fn contracts() -> Vec<Arc<Contract>> {
        let mut out = Vec::new();
        for (catalog, customers, ladders) in [
            (
                include_str!("../fixtures/contracts/cumulocity.json"),
                include_str!("../fixtures/contracts/cumulocity-customers.json"),
                false,
            ),
            (
                include_str!("../fixtures/contracts/comarch.json"),
                include_str!("../fixtures/contracts/comarch-customers.json"),
                false,
            ),
            (
                include_str!("../fixtures/contracts/comarch.json"),
                include_str!("../fixtures/contracts/comarch-customers.json"),
                true,
            ),
        ] {
            let mut catalog: serde_json::Value = serde_json::from_str(catalog).unwrap();
            if ladders {
                let steps = serde_json::json!({"steps": [
                    {"share": "50", "metric": "reaction", "notify": "Team lead"},
                    {"share": "100", "metric": "reaction", "notify": "Duty manager"},
                    {"after_breach": "1h", "metric": "reaction", "notify": "Head of Support"},
                    {"after": "4h", "clock": "business", "notify": "Account manager"}
                ]});
                for sev in ["1", "2", "3", "4"] {
                    catalog["plans"]["premium"]["ladders"][sev] = steps.clone();
                }
            }
            let catalog: Arc<Catalog> = Arc::new(serde_json::from_value(catalog).unwrap());
            let customers: BTreeMap<String, ContractSpec> =
                serde_json::from_str(customers).unwrap();
            for (key, terms) in customers {
                if ladders && key != "premium" {
                    continue;
                }
                out.push(Arc::new(Contract::new(catalog.clone(), terms).unwrap()));
            }
        }
        out
    }

    pub(super) fn menu() -> Vec<EventKind> {
        vec![
            EventKind::Responded,
            EventKind::ContactEstablished,
            EventKind::ResolutionPlanProvided,
            EventKind::WorkaroundProvided,
            EventKind::UpdateSent,
            EventKind::AwaitingCustomer,
            EventKind::CustomerReplied,
            EventKind::SolutionProposed,
            EventKind::SolutionConfirmed,
            EventKind::SolutionRejected,
            EventKind::Resolved,
            EventKind::Closed,
            EventKind::Reopened,
        ]
    }

    /// An incident of `contract` from random picks of the menu, keeping the events that
    /// leave it valid.
    fn build(
        id: &str,
        contract: &Contract,
        sev: usize,
        start: i64,
        picks: &[(usize, i64)],
    ) -> Incident {
        let len = menu().len();
        let picks: Vec<(usize, i64)> = picks.iter().map(|(k, gap)| (k % len, *gap)).collect();
        super::compliance::incident(id, contract, sev, start, &picks)
    }

    /// The brute-force schedule of one incident: the chain of `next_wake_up` from `now`, up to
    /// `until` (inclusive).
    fn chain(
        c: &Contract,
        i: &Incident,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Vec<DateTime<Utc>> {
        let mut out = Vec::new();
        let mut at = now;
        while let Some(w) = next_wake_up(c, i, at).unwrap() {
            if w > until {
                break;
            }
            out.push(w);
            at = w;
        }
        out
    }

    /// The distinct (entry, instant) pairs of a list of items.
    fn pairs<'a>(
        items: impl IntoIterator<Item = &'a AgendaItem>,
    ) -> Vec<(AgendaId, DateTime<Utc>)> {
        let mut v: Vec<_> = items.into_iter().map(|i| (i.entry, i.at)).collect();
        v.dedup();
        v.sort();
        v.dedup();
        v
    }

    /// What the item says changes is what evaluating the incident at its instant shows, and
    /// one nanosecond earlier does not.
    fn check_item(agenda: &Agenda, item: &AgendaItem) -> Result<(), TestCaseError> {
        let (i, c) = agenda.get(item.entry).unwrap();
        prop_assert_eq!(&*item.incident, i.id());
        prop_assert_eq!(&*item.customer, c.customer());
        let at = evaluate(c, i, item.at).unwrap();
        let before = evaluate(c, i, item.at - TimeDelta::nanoseconds(1)).unwrap();
        match &item.change {
            Change::Breach { metric } => {
                prop_assert_eq!(
                    at.metric(*metric).map(|m| m.state),
                    Some(MetricState::Breached),
                    "{}",
                    item
                );
                prop_assert_ne!(
                    before.metric(*metric).map(|m| m.state),
                    Some(MetricState::Breached),
                    "{}",
                    item
                );
            }
            Change::Warning { step, .. } | Change::Escalation { step, .. } => {
                let s = at.steps.get(*step).unwrap();
                prop_assert_eq!(
                    (s.state, s.fired_at),
                    (StepState::Fired, Some(item.at)),
                    "{}",
                    item
                );
                prop_assert_ne!(
                    before.steps.get(*step).map(|s| s.state),
                    Some(StepState::Fired),
                    "{}",
                    item
                );
            }
            Change::Event { index, .. } => {
                prop_assert_eq!(i.events()[*index].at, item.at, "{}", item);
                prop_assert!(!at.same_state(&before), "{}", item);
            }
        }
        Ok(())
    }

    /// The agenda equals the brute force: its next instant is the minimum of `next_wake_up`
    /// over every incident, and what it has due within `horizon` is every incident's chain of
    /// wake-ups there; every item is checked against the evaluations.
    fn check(
        agenda: &Agenda,
        live: &BTreeMap<AgendaId, (Arc<Contract>, Incident)>,
        horizon: TimeDelta,
    ) -> Result<(), TestCaseError> {
        let now = agenda.now();
        let min = live
            .values()
            .filter_map(|(c, i)| next_wake_up(c, i, now).unwrap())
            .min();
        prop_assert_eq!(agenda.next_instant(), min);
        let peek = agenda.peek();
        prop_assert!(peek.iter().all(|i| Some(i.at) == min));
        prop_assert_eq!(peek.is_empty(), min.is_none());
        let until = now + horizon;
        let mut expected = Vec::new();
        for (id, (c, i)) in live {
            for w in chain(c, i, now, until - TimeDelta::nanoseconds(1)) {
                expected.push((*id, w));
            }
        }
        expected.sort();
        let due = agenda.due_before(until);
        prop_assert_eq!(pairs(due.iter().copied()), expected);
        prop_assert!(due
            .windows(2)
            .all(|w| (w[0].at, w[0].entry) <= (w[1].at, w[1].entry)));
        for item in due {
            check_item(agenda, item)?;
        }
        Ok(())
    }

    #[derive(Clone, Debug)]
    enum Op {
        /// Append a random event to incident `k` (at the agenda's now or a little later).
        Append(usize, usize, i64),
        /// Replace incident `k` with a fresh one.
        Replace(usize, usize, i64, Vec<(usize, i64)>),
        Remove(usize),
        /// Advance by this many seconds.
        Advance(i64),
        Pop,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0usize..20, 0usize..13, 0i64..7_200).prop_map(|(k, e, g)| Op::Append(k, e, g)),
            (
                0usize..20,
                0usize..8,
                0i64..86_400,
                prop::collection::vec((0usize..13, 0i64..20_000), 0..6)
            )
                .prop_map(|(k, s, st, p)| Op::Replace(k, s, st, p)),
            (0usize..20).prop_map(Op::Remove),
            (0i64..200_000).prop_map(Op::Advance),
            Just(Op::Pop),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Random sets of incidents over the seed contracts (events before and after the
        /// agenda's `now`), random updates, removals, advances and pops: after every step the
        /// agenda equals the brute force over `next_wake_up`, and what `advance` and `pop`
        /// hand over is exactly each incident's chain of wake-ups in that span.
        #[test]
        fn agenda_equals_the_brute_force_minimum_over_next_wake_up(
            start in 1_767_225_600i64..1_798_761_600, // 2026
            incidents in prop::collection::vec(
                (0usize..7, 0usize..8, 0i64..172_800, prop::collection::vec((0usize..13, 0i64..20_000), 0..6)),
                1..8,
            ),
            now_offset in 0i64..172_800,
            ops in prop::collection::vec(op(), 0..8),
        ) {
            let contracts = contracts();
            let now = DateTime::from_timestamp(start + now_offset, 0).unwrap();
            let mut agenda = Agenda::new(now);
            let mut live = BTreeMap::new();
            let mut input = Vec::new();
            for (n, (c, s, off, picks)) in incidents.iter().enumerate() {
                let contract = contracts[c % contracts.len()].clone();
                let i = build(&format!("P-{n}"), &contract, *s, start + off, picks);
                input.push((contract, i));
            }
            // Half the cases build in bulk, half one by one: the same agenda.
            let ids = if start % 2 == 0 {
                agenda.insert_all(input.clone()).unwrap()
            } else {
                input.iter().map(|(c, i)| agenda.insert(c.clone(), i.clone()).unwrap()).collect()
            };
            for (id, x) in ids.iter().zip(input) {
                live.insert(*id, x);
            }
            let horizon = TimeDelta::days(3);
            check(&agenda, &live, horizon)?;
            for op in ops {
                let keys: Vec<AgendaId> = live.keys().copied().collect();
                let pick = |k: usize| keys.get(k % keys.len().max(1)).copied();
                match op {
                    Op::Append(k, e, gap) => {
                        let Some(id) = pick(k) else { continue };
                        let (c, i) = live[&id].clone();
                        let last = i.events().last().map_or(agenda.now(), |x| x.at).max(agenda.now());
                        let mut next = i.clone();
                        if next.push(Event::new(last + TimeDelta::seconds(gap), menu()[e].clone())).is_err() {
                            continue;
                        }
                        agenda.update(id, c.clone(), next.clone()).unwrap();
                        live.insert(id, (c, next));
                    }
                    Op::Replace(k, s, off, picks) => {
                        let Some(id) = pick(k) else { continue };
                        let c = live[&id].0.clone();
                        let i = build(&format!("R-{}", id.get()), &c, s, start + off, &picks);
                        agenda.update(id, c.clone(), i.clone()).unwrap();
                        live.insert(id, (c, i));
                    }
                    Op::Remove(k) => {
                        let Some(id) = pick(k) else { continue };
                        let (c, i) = agenda.remove(id).unwrap();
                        let (lc, li) = live.remove(&id).unwrap();
                        prop_assert!(Arc::ptr_eq(&c, &lc) && i == li);
                        prop_assert!(agenda.scheduled(id).next().is_none());
                    }
                    Op::Advance(secs) => {
                        let from = agenda.now();
                        let to = from + TimeDelta::seconds(secs);
                        let handed = agenda.advance(to).unwrap();
                        let mut expected = Vec::new();
                        for (id, (c, i)) in &live {
                            for w in chain(c, i, from, to) {
                                expected.push((*id, w));
                            }
                        }
                        expected.sort();
                        prop_assert_eq!(pairs(&handed), expected);
                        prop_assert_eq!(agenda.now(), to);
                    }
                    Op::Pop => {
                        let expected = agenda.next_instant();
                        let handed = agenda.pop();
                        prop_assert_eq!(handed.first().map(|i| i.at), expected);
                        prop_assert!(handed.iter().all(|i| Some(i.at) == expected));
                    }
                }
                prop_assert_eq!(agenda.len(), live.len());
                check(&agenda, &live, horizon)?;
            }
        }
    }
}

// ------------------------------------------------------------------------------------------
// iCalendar round trip (`--features icalendar`)
// ------------------------------------------------------------------------------------------

#[cfg(feature = "icalendar")]
mod ics {
    use proptest::prelude::*;
    use slacalc::calendar::{HolidaySpec, Holidays, IcsImport};

    fn holiday_rule() -> impl Strategy<Value = String> {
        // Names with the characters TEXT values escape, and long enough to be folded.
        let name = prop::sample::select(vec![
            "Day",
            "Tag der Deutschen Einheit, Feiertag; bundesweit \\ alle Länder — ein langer Name",
            "a,b;c",
        ]);
        prop_oneof![
            (1i64..=12, 1i64..=28, name.clone())
                .prop_map(|(m, d, n)| format!(r#"{{"name": "{}", "month": {m}, "day": {d}, "observed": "us"}}"#, n.replace('\\', "\\\\"))),
            (1i64..=12, 0usize..7, prop_oneof![1i64..=5, -5i64..=-1], name.clone()).prop_map(|(m, w, nth, n)| {
                let wd = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][w];
                format!(r#"{{"name": "{}", "month": {m}, "weekday": "{wd}", "nth": {nth}, "from": 2001}}"#, n.replace('\\', "\\\\"))
            }),
            (-60i64..=60).prop_map(|e| format!(r#"{{"easter": {e}}}"#)),
            (2000i32..=2040, 1u32..=365).prop_map(|(y, o)| format!(r#""{}""#, chrono::NaiveDate::from_yo_opt(y, o).unwrap())),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Exporting holidays and importing the text gives the same dates and names.
        #[test]
        fn export_then_import_gives_the_same_holidays(
            rules in prop::collection::vec(holiday_rule(), 1..6),
            first in 1995i32..2040,
            len in 0i32..12,
        ) {
            let specs: Vec<HolidaySpec> = rules.iter().map(|r| serde_json::from_str(r).unwrap()).collect();
            let holidays = Holidays::from_specs(&specs).unwrap();
            let years = first..=first + len;
            let text = holidays.to_ics(years.clone()).unwrap();
            let import = IcsImport::parse(&text, years.clone(), chrono_tz::UTC).unwrap();
            prop_assert!(import.closures.is_empty());
            let back = Holidays::from_specs(&import.holidays).unwrap();
            for y in years {
                prop_assert_eq!(back.in_year(y), holidays.in_year(y), "{}", y);
            }
        }

        /// A simple yearly RRULE imported as a holiday rule gives the dates `rrule` expands
        /// for the same recurrence (made non-simple with `BYSETPOS=1`, which selects the same
        /// single date each year), EXDATEs and COUNT/UNTIL included.
        #[test]
        fn simple_rules_match_their_expansion(
            month in 1u32..=12,
            day in 1u32..=28,
            nth in prop_oneof![Just(0i8), 1i8..=4, -4i8..=-1],
            weekday in 0usize..7,
            start_year in 2000i32..2030,
            interval in 1u16..4,
            end in prop_oneof![Just(String::new()), (1u32..15).prop_map(|c| format!(";COUNT={c}")), (0i32..30).prop_map(|y| format!(";UNTIL={}0615", 2000 + y))],
            excluded in prop::collection::vec(0i32..40, 0..4),
        ) {
            let wd = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][weekday];
            let (by, first) = if nth == 0 {
                (format!("BYMONTH={month};BYMONTHDAY={day}"), chrono::NaiveDate::from_ymd_opt(start_year, month, day).unwrap())
            } else {
                let key = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][weekday];
                let rule: HolidaySpec = serde_json::from_str(&format!(
                    r#"{{"month": {month}, "weekday": "{key}", "nth": {nth}}}"#
                ))
                .unwrap();
                let d = Holidays::from_specs(&[rule]).unwrap().dates_in_year(start_year)[0];
                (format!("BYMONTH={month};BYDAY={nth}{wd}"), d)
            };
            // UNTIL before DTSTART is an error (tested in tests/it/ics.rs), not a rule.
            let until_ok = !end.starts_with(";UNTIL") || end[7..15] >= *first.format("%Y%m%d").to_string();
            prop_assume!(until_ok);
            let exdates: String = excluded.iter().filter_map(|k| {
                let y = start_year + k;
                let h: HolidaySpec = if nth == 0 {
                    serde_json::from_str(&format!(r#""{}""#, chrono::NaiveDate::from_ymd_opt(y, month, day)?)).ok()?
                } else { return Some(format!("EXDATE;VALUE=DATE:{}0101\r\n", y)) };
                let HolidaySpec::Date(d) = h else { return None };
                Some(format!("EXDATE;VALUE=DATE:{}\r\n", d.replace('-', "")))
            }).collect();
            let event = |extra: &str| format!(
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{}\r\nRRULE:FREQ=YEARLY;INTERVAL={interval};{by}{extra}{end}\r\n{exdates}END:VEVENT\r\nEND:VCALENDAR\r\n",
                first.format("%Y%m%d")
            );
            let years = 1990..=2080;
            let simple = IcsImport::parse(&event(""), years.clone(), chrono_tz::UTC).unwrap();
            let expanded = IcsImport::parse(&event(";BYSETPOS=1"), years.clone(), chrono_tz::UTC).unwrap();
            // The simple form is rules, not dates.
            prop_assert!(simple.holidays.iter().all(|h| matches!(h, HolidaySpec::Rule(r) if r.date.is_none())));
            let a = Holidays::from_specs(&simple.holidays).unwrap();
            let b = Holidays::from_specs(&expanded.holidays).unwrap();
            for y in years {
                prop_assert_eq!(a.dates_in_year(y), b.dates_in_year(y), "{}", y);
            }
        }
    }
}

/// A compliance report built from incidents (which evaluates only what it tallies) equals the
/// one folded from full reports, on the seed contracts, with severity changes, pauses,
/// reopenings and ladders in random order.
mod compliance {
    use chrono::{DateTime, TimeDelta};
    use proptest::prelude::*;
    use slacalc::report::{ComplianceReport, ComplianceTargets};
    use slacalc::time::Period;
    use slacalc::{evaluate, Contract, Event, EventKind, Incident};

    use super::agenda::{contracts, menu};

    /// An incident from random picks (a pick past the menu changes the severity), keeping
    /// the events that leave it valid.
    pub(super) fn incident(
        id: &str,
        contract: &Contract,
        sev: usize,
        start: i64,
        picks: &[(usize, i64)],
    ) -> Incident {
        let severities = contract.catalog().severities();
        let key = |k: usize| severities[k % severities.len()].key.clone();
        let at = |s: i64| DateTime::from_timestamp(s, 0).unwrap();
        let mut events = vec![Event::new(
            at(start),
            EventKind::Reported {
                severity: key(sev),
                channel: None,
                contact: None,
            },
        )];
        let menu = menu();
        let mut now = start;
        for (k, gap) in picks {
            now += gap;
            let kind = match menu.get(*k) {
                Some(kind) => kind.clone(),
                None => EventKind::SeverityChanged {
                    severity: key(k + *gap as usize),
                },
            };
            let mut next = events.clone();
            next.push(Event::new(at(now), kind));
            if Incident::new(id, next.clone()).is_ok() {
                events = next;
            }
        }
        Incident::new(id, events).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn tally_equals_folded_reports(
            specs in prop::collection::vec(
                (0usize..16, 0usize..4, 0i64..31_000_000,
                 prop::collection::vec((0usize..18, 60i64..250_000), 0..12)),
                1..40),
            now_after in 0i64..34_000_000,
        ) {
            let contracts = contracts();
            // 2026 in UTC, and `now` from its start to a month after its end.
            let year = 1_767_225_600;
            let incidents: Vec<(usize, Incident)> = specs
                .iter()
                .enumerate()
                .map(|(i, (c, sev, start, picks))| {
                    let c = c % contracts.len();
                    (c, incident(&format!("P-{i}"), &contracts[c], *sev, year + start, picks))
                })
                .collect();
            let now = DateTime::from_timestamp(year, 0).unwrap() + TimeDelta::seconds(now_after);
            let pairs: Vec<(&Contract, &Incident)> =
                incidents.iter().map(|(c, i)| (&*contracts[*c], i)).collect();
            let period: Period = "2026-01-01..2027-01-01".parse().unwrap();
            let targets = ComplianceTargets::none();
            let built = ComplianceReport::build(&pairs, &period, &targets, now);

            let reports: Vec<_> = pairs
                .iter()
                .map(|(c, i)| evaluate(c, i, now).unwrap())
                .collect();
            let report_pairs: Vec<_> =
                pairs.iter().zip(&reports).map(|((c, _), r)| (*c, r)).collect();
            let folded = ComplianceReport::from_reports(&report_pairs, &period, &targets);
            prop_assert!(built.failures.is_empty(), "{:?}", built.failures);
            prop_assert_eq!(built, folded);
        }
    }
}
