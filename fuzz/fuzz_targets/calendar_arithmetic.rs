//! Business-time arithmetic on generated calendars, across chrono's whole range of instants.
//!
//! The input (via `arbitrary`) builds a calendar from parts — a zone from a list with DST and
//! odd offsets, weekly shifts (overnight, `24:00`), holidays of every rule kind, exceptions,
//! sometimes a union / intersection / difference — and a list of operations on instants from
//! `MIN_UTC` to `MAX_UTC` (biased to 1900–2100) with durations up to `TimeDelta::MAX`.
//!
//! Invariants, not only "no panic" (see `fuzz/README.md`): `between(t, add(t, d)) == d`,
//! `add` is the earliest such instant, `add` fails exactly when `between(t, MAX) < d`; the
//! same for `sub`; `between` is additive, antisymmetric and at most the wall-clock span;
//! `next_open` is open with no business time before it; `next_close` is closed with the
//! whole span before it open; `add_business_days` lands on a business day; every call
//! returns within 100 ms.
#![no_main]

use std::time::{Duration, Instant};

use arbitrary::Arbitrary;
use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeDelta, TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use slacalc::calendar::BusinessDays;
use slacalc::calendar::MonthDay;
use slacalc::calendar::{CalendarSpec, HolidayRule, HolidaySpec, Observance};
use slacalc::Calendar;

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/Denver",
    "Asia/Kuala_Lumpur",
    "Australia/Lord_Howe", // 30-minute DST
    "Asia/Kathmandu",      // +05:45
    "Pacific/Chatham",     // +12:45 / +13:45
    "Pacific/Kiritimati",  // +14:00
    "Pacific/Apia",        // skipped 2011-12-30
    "Etc/GMT+12",          // -12:00
    "America/St_Johns",    // -03:30 with DST
    "Asia/Kolkata",
    "Africa/Casablanca", // DST suspended for Ramadan
    "Europe/Dublin",     // negative DST
    "Antarctica/Troll",  // 2-hour DST
    "America/Sao_Paulo",
    "Asia/Tehran",
    "Europe/Moscow",
    "Pacific/Pago_Pago",
    "Australia/Adelaide",
    "America/Caracas",
    "Europe/Lisbon",
];
const PRESETS: &[&str] = &["de", "de-by", "fr", "gb-eng", "us"];
const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// 100 ms per call in a release build. The fuzzer's build (coverage instrumentation with
/// comparison tracing, debug assertions) runs this code about ten times slower (measured: a
/// cold `between(1900, MAX_UTC)` on a Berlin office calendar takes 45 ms in release, 444 ms
/// under `cargo fuzz`), so there the budget is scaled by `SLOWDOWN`.
const SLOWDOWN: u32 = if cfg!(fuzzing) { 8 } else { 1 };
const BUDGET: Duration = Duration::from_millis(100 * SLOWDOWN as u64);
const COLD_BUDGET: Duration = Duration::from_millis(500 * SLOWDOWN as u64);

#[derive(Arbitrary, Debug)]
struct Input {
    calendar: CalGen,
    via_api: bool,
    ops: Vec<Op>,
}

#[derive(Arbitrary, Debug)]
enum CalGen {
    Zoned(ZonedGen),
    Union(Vec<ZonedGen>),
    Intersection(Vec<ZonedGen>),
    Difference(Vec<ZonedGen>),
    Nested(Vec<ZonedGen>, Vec<ZonedGen>),
}

#[derive(Arbitrary, Debug)]
struct ZonedGen {
    zone: u8,
    week: WeekGen,
    holidays: Vec<HolGen>,
    exceptions: Vec<(DateGen, Vec<ShiftGen>)>,
}

#[derive(Arbitrary, Debug)]
enum WeekGen {
    Office,
    Always,
    Closed,
    Custom(Vec<(u8, Vec<ShiftGen>)>),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum TimeGen {
    Quarter(u8),
    Minute(u16),
    Midnight,
    EndOfDay,
}

impl TimeGen {
    fn minutes(self) -> u16 {
        match self {
            TimeGen::Quarter(q) => u16::from(q % 96) * 15,
            TimeGen::Minute(m) => m % 1441,
            TimeGen::Midnight => 0,
            TimeGen::EndOfDay => 1440,
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct ShiftGen(TimeGen, TimeGen);

impl ShiftGen {
    fn render(self) -> Option<String> {
        let (s, e) = (self.0.minutes() % 1440, self.1.minutes());
        (s != e && !(s == 0 && e == 0)).then(|| {
            let e = if e == 0 { 1440 } else { e };
            let e = if e == s { return None } else { e };
            Some(format!(
                "{:02}:{:02}-{:02}:{:02}",
                s / 60,
                s % 60,
                e / 60,
                e % 60
            ))
        })?
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum YearGen {
    Near(u8),
    Wide(u16),
    Any(i32),
}

impl YearGen {
    fn year(self) -> i32 {
        match self {
            YearGen::Near(y) => 1980 + i32::from(y % 80),
            YearGen::Wide(y) => 1000 + i32::from(y % 3000),
            YearGen::Any(y) => y.rem_euclid(524_285) - 262_143,
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct DateGen(YearGen, u8, u8);

impl DateGen {
    fn date(self) -> NaiveDate {
        let (y, m, d) = (
            self.0.year(),
            u32::from(self.1 % 12) + 1,
            u32::from(self.2 % 31) + 1,
        );
        NaiveDate::from_ymd_opt(y, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
            .unwrap_or(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
    }
}

#[derive(Arbitrary, Debug)]
enum HolGen {
    Date(DateGen),
    Fixed {
        month: u8,
        day: u8,
        range: RangeGen,
        observed: u8,
    },
    Nth {
        month: u8,
        weekday: u8,
        nth: i8,
        range: RangeGen,
    },
    OnOrAfter {
        weekday: u8,
        month: u8,
        day: u8,
        range: RangeGen,
    },
    Easter {
        offset: i16,
        range: RangeGen,
    },
    OneOff(DateGen),
    Preset(u8),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct RangeGen(Option<YearGen>, Option<YearGen>);

impl HolGen {
    fn spec(&self) -> HolidaySpec {
        let range = |r: &RangeGen, rule: &mut HolidayRule| {
            let (a, b) = (
                r.0.map(|y| i64::from(y.year())),
                r.1.map(|y| i64::from(y.year())),
            );
            rule.from = a;
            rule.until = match (a, b) {
                (Some(a), Some(b)) if b < a => Some(a),
                _ => b,
            };
        };
        let mut rule = HolidayRule {
            name: Some("h".into()),
            ..HolidayRule::default()
        };
        match self {
            HolGen::Date(d) => return HolidaySpec::Date(d.date().to_string()),
            HolGen::OneOff(d) => rule.date = Some(d.date().to_string()),
            HolGen::Fixed {
                month,
                day,
                range: r,
                observed,
            } => {
                let m = u32::from(month % 12) + 1;
                rule.month = Some(i64::from(m));
                let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(m - 1) as usize];
                rule.day = Some(i64::from(day % days) + 1);
                rule.observed = match observed % 4 {
                    0 => Observance::None,
                    1 => Observance::Us,
                    2 => Observance::SundayToMonday,
                    _ => Observance::Substitute,
                };
                range(r, &mut rule);
            }
            HolGen::Nth {
                month,
                weekday,
                nth,
                range: r,
            } => {
                rule.month = Some(i64::from(month % 12) + 1);
                rule.weekday = Some(WEEKDAYS[usize::from(weekday % 7)].into());
                let n = i64::from(nth % 5);
                rule.nth = Some(if n == 0 { 5 } else { n });
                range(r, &mut rule);
            }
            HolGen::OnOrAfter {
                weekday,
                month,
                day,
                range: r,
            } => {
                rule.weekday = Some(WEEKDAYS[usize::from(weekday % 7)].into());
                rule.on_or_after = Some(MonthDay {
                    month: i64::from(month % 12) + 1,
                    day: i64::from(day % 28) + 1,
                });
                range(r, &mut rule);
            }
            HolGen::Easter { offset, range: r } => {
                rule.easter = Some(i64::from(offset % 201));
                range(r, &mut rule);
            }
            HolGen::Preset(p) => {
                return HolidaySpec::Rule(Box::new(HolidayRule {
                    preset: Some(PRESETS[usize::from(p % 5)].into()),
                    ..HolidayRule::default()
                }))
            }
        }
        HolidaySpec::Rule(Box::new(rule))
    }
}

impl HolGen {
    /// Presets and Easter rules open on a side make a calendar non-periodic.
    fn non_periodic(&self) -> bool {
        match self {
            HolGen::Preset(_) => true,
            HolGen::Easter { range, .. } => range.0.is_none() || range.1.is_none(),
            _ => false,
        }
    }
}

thread_local! {
    static NON_PERIODIC: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `between(a, b)` checked against `want`.
fn assert_between(cal: &Calendar, a: DateTime<Utc>, b: DateTime<Utc>, want: TimeDelta, what: &str) {
    match timed("between", || cal.between(a, b)) {
        Ok(got) => assert_eq!(got, want, "{what}"),
        Err(e) => panic!("{what}: between failed: {e}"),
    }
}

impl CalGen {
    fn non_periodic(&self) -> bool {
        let z = |zs: &[ZonedGen]| {
            zs.iter()
                .take(4)
                .any(|z| z.holidays.iter().take(6).any(HolGen::non_periodic))
        };
        match self {
            CalGen::Zoned(g) => z(std::slice::from_ref(g)),
            CalGen::Union(zs) | CalGen::Intersection(zs) | CalGen::Difference(zs) => z(zs),
            CalGen::Nested(a, b) => z(a) || z(b),
        }
    }
}

fn shifts(gen: &[ShiftGen]) -> Vec<String> {
    gen.iter().take(3).filter_map(|s| s.render()).collect()
}

impl ZonedGen {
    fn spec(&self) -> CalendarSpec {
        let mut spec = CalendarSpec {
            timezone: Some(ZONES[usize::from(self.zone) % ZONES.len()].into()),
            ..CalendarSpec::default()
        };
        match &self.week {
            WeekGen::Office => {
                for d in &WEEKDAYS[..5] {
                    spec.hours.insert((*d).into(), vec!["09:00-17:00".into()]);
                }
            }
            WeekGen::Always => {
                for d in WEEKDAYS {
                    spec.hours.insert((*d).into(), vec!["00:00-24:00".into()]);
                }
            }
            WeekGen::Closed => {}
            WeekGen::Custom(days) => {
                for (d, s) in days.iter().take(7) {
                    spec.hours
                        .insert(WEEKDAYS[usize::from(d % 7)].into(), shifts(s));
                }
            }
        }
        spec.holidays = self.holidays.iter().take(6).map(HolGen::spec).collect();
        for (d, s) in self.exceptions.iter().take(4) {
            spec.exceptions.insert(d.date().to_string(), shifts(s));
        }
        spec
    }
}

fn build(gen: &CalGen, via_api: bool) -> Option<Calendar> {
    let zoned = |zs: &[ZonedGen]| -> Option<Vec<Calendar>> {
        let v: Vec<Calendar> = zs
            .iter()
            .take(4)
            .map(|z| Calendar::try_from(z.spec()).ok())
            .collect::<Option<_>>()?;
        (!v.is_empty()).then_some(v)
    };
    let specs = |zs: &[ZonedGen]| zs.iter().take(4).map(ZonedGen::spec).collect::<Vec<_>>();
    if via_api {
        match gen {
            CalGen::Zoned(z) => Calendar::try_from(z.spec()).ok(),
            CalGen::Union(zs) => Calendar::union(&zoned(zs)?).ok(),
            CalGen::Intersection(zs) => Calendar::intersection(&zoned(zs)?).ok(),
            CalGen::Difference(zs) => {
                let v = zoned(zs)?;
                v[0].difference(&v[1..]).ok()
            }
            CalGen::Nested(a, b) => {
                let u = Calendar::union(&zoned(a)?).ok()?;
                u.difference(&[Calendar::intersection(&zoned(b)?).ok()?])
                    .ok()
            }
        }
    } else {
        let spec = match gen {
            CalGen::Zoned(z) => z.spec(),
            CalGen::Union(zs) => CalendarSpec {
                union: Some(specs(zs)),
                ..Default::default()
            },
            CalGen::Intersection(zs) => CalendarSpec {
                intersection: Some(specs(zs)),
                ..Default::default()
            },
            CalGen::Difference(zs) => CalendarSpec {
                difference: Some(specs(zs)),
                ..Default::default()
            },
            CalGen::Nested(a, b) => CalendarSpec {
                difference: Some(vec![
                    CalendarSpec {
                        union: Some(specs(a)),
                        ..Default::default()
                    },
                    CalendarSpec {
                        intersection: Some(specs(b)),
                        ..Default::default()
                    },
                ]),
                ..Default::default()
            },
        };
        Calendar::try_from(spec).ok()
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum InstantGen {
    /// Somewhere in 1900..2100 (to the nanosecond).
    Near(u32, u32, u32),
    /// Anywhere in chrono's range.
    Any(i64, u32),
    Min,
    Max,
    NearMin(u32),
    NearMax(u32),
    /// A round instant in 2026 (hour resolution) — where the shifts are.
    Hour(u16),
}

const MIN_SECS: i64 = -8_334_601_228_800; // DateTime::<Utc>::MIN_UTC.timestamp()
const MAX_SECS: i64 = 8_210_266_876_799; // DateTime::<Utc>::MAX_UTC.timestamp()

impl InstantGen {
    fn at(self) -> DateTime<Utc> {
        let t = match self {
            InstantGen::Near(a, b, n) => {
                let span = 6_311_433_600i64; // 200 years
                let s = (i64::from(a) << 32 | i64::from(b)) % span - 2_208_988_800;
                DateTime::from_timestamp(s, n % 1_000_000_000)
            }
            InstantGen::Any(s, n) => DateTime::from_timestamp(
                MIN_SECS + s.rem_euclid(MAX_SECS - MIN_SECS + 1),
                n % 1_000_000_000,
            ),
            InstantGen::Min => Some(DateTime::<Utc>::MIN_UTC),
            InstantGen::Max => Some(DateTime::<Utc>::MAX_UTC),
            InstantGen::NearMin(s) => DateTime::from_timestamp(MIN_SECS + i64::from(s), 0),
            InstantGen::NearMax(s) => DateTime::from_timestamp(MAX_SECS - i64::from(s), 0),
            InstantGen::Hour(h) => DateTime::from_timestamp(1_767_225_600 + i64::from(h) * 3600, 0),
        };
        t.unwrap_or(DateTime::<Utc>::MIN_UTC)
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum DurGen {
    Secs(u16),
    Minutes(u16),
    Hours(u16),
    Years(u16),
    Nanos(u32, u32),
    Huge(i64, u32),
    Max,
    Min,
}

impl DurGen {
    fn delta(self, negative: bool) -> TimeDelta {
        let d = match self {
            DurGen::Secs(s) => TimeDelta::seconds(i64::from(s)),
            DurGen::Minutes(m) => TimeDelta::minutes(i64::from(m)),
            DurGen::Hours(h) => TimeDelta::hours(i64::from(h)),
            DurGen::Years(y) => TimeDelta::hours(i64::from(y) * 8766),
            DurGen::Nanos(s, n) => {
                TimeDelta::new(i64::from(s % 100_000), n % 1_000_000_000).unwrap_or_default()
            }
            DurGen::Huge(s, n) => {
                TimeDelta::new(s / 1000, n % 1_000_000_000).unwrap_or(TimeDelta::MAX)
            }
            DurGen::Max => TimeDelta::MAX,
            DurGen::Min => TimeDelta::MIN,
        };
        if negative {
            -d
        } else {
            d
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Op {
    Add(InstantGen, DurGen, bool),
    Sub(InstantGen, DurGen, bool),
    Between(InstantGen, DurGen, bool, DurGen, bool),
    Open(InstantGen),
    Close(InstantGen),
    BusinessDaysLater(InstantGen, i16),
    EndOfBusinessDay(InstantGen, u8),
    AddBusinessDays(InstantGen, i32),
    BusinessDaysBetween(InstantGen, InstantGen),
}

/// Runs `f`, failing when it takes longer than the budget. The first call that touches a
/// stretch of years compiles them (up to 400 years for the periodic tables, a one-time cost per
/// calendar, some 30–50 ms in a release build and ten times that under the fuzzer's
/// instrumentation); so a call over budget is repeated, and fails when the repeat is over
/// budget too (a hang or a walk proportional to the span is slow every time) or when the first
/// call took longer than `COLD_BUDGET`.
fn timed<T>(what: &str, f: impl Fn() -> T) -> T {
    let t0 = Instant::now();
    let r = f();
    let took = t0.elapsed();
    if took > BUDGET {
        assert!(
            took <= COLD_BUDGET,
            "{what} took {took:?} (cold budget {COLD_BUDGET:?})"
        );
        let t1 = Instant::now();
        let _ = f();
        let again = t1.elapsed();
        assert!(
            again <= BUDGET,
            "{what} took {took:?}, then {again:?} again (budget {BUDGET:?})"
        );
    }
    r
}

const NS: TimeDelta = TimeDelta::nanoseconds(1);

fn check_add(cal: &Calendar, t: DateTime<Utc>, d: TimeDelta) {
    let r = timed("add", || cal.add(t, d));
    if d < TimeDelta::zero() {
        let s = timed("sub", || cal.sub(t, -d));
        if let (Ok(r), Ok(s)) = (&r, &s) {
            assert_eq!(r, s, "add(t, -d) != sub(t, d)");
        }
        assert_eq!(r.is_ok(), s.is_ok(), "add(t, -d) {r:?} vs sub(t, d) {s:?}");
        return;
    }
    let rest = timed("between(t, MAX)", || {
        cal.between(t, DateTime::<Utc>::MAX_UTC)
    });
    match r {
        Ok(r) => {
            assert!(r >= t, "add went backwards: {r}");
            assert_between(
                cal,
                t,
                r,
                d,
                &format!("between(t, add(t, d)) != d (add = {r})"),
            );
            if d > TimeDelta::zero() {
                if let Some(before) = r.checked_sub_signed(NS).filter(|b| *b >= t) {
                    let Ok(b) = timed("between", || cal.between(t, before)) else {
                        return;
                    };
                    assert!(
                        b < d,
                        "add is not the earliest: between(t, r - 1ns) = {b:?}"
                    );
                }
            }
            if let Ok(rest) = rest {
                assert!(
                    rest >= d,
                    "add succeeded but between(t, MAX) = {rest:?} < d"
                );
            }
        }
        Err(e) => {
            if let Ok(rest) = rest {
                assert!(
                    rest < d,
                    "add failed ({e}) but between(t, MAX) = {rest:?} >= d"
                );
            }
        }
    }
}

fn check_sub(cal: &Calendar, t: DateTime<Utc>, d: TimeDelta) {
    let r = timed("sub", || cal.sub(t, d));
    if d < TimeDelta::zero() {
        let a = timed("add", || cal.add(t, -d));
        if let (Ok(r), Ok(a)) = (&r, &a) {
            assert_eq!(r, a, "sub(t, -d) != add(t, d)");
        }
        assert_eq!(r.is_ok(), a.is_ok(), "sub(t, -d) {r:?} vs add(t, d) {a:?}");
        return;
    }
    let before = timed("between(MIN, t)", || {
        cal.between(DateTime::<Utc>::MIN_UTC, t)
    });
    match r {
        Ok(r) => {
            assert!(r <= t, "sub went forwards: {r}");
            assert_between(
                cal,
                r,
                t,
                d,
                &format!("between(sub(t, d), t) != d (sub = {r})"),
            );
            if d > TimeDelta::zero() {
                if let Some(after) = r.checked_add_signed(NS).filter(|a| *a <= t) {
                    let Ok(b) = timed("between", || cal.between(after, t)) else {
                        return;
                    };
                    assert!(b < d, "sub is not the latest: between(r + 1ns, t) = {b:?}");
                }
            }
            if let Ok(before) = before {
                assert!(
                    before >= d,
                    "sub succeeded but between(MIN, t) = {before:?} < d"
                );
            }
        }
        Err(e) => {
            if let Ok(before) = before {
                assert!(
                    before < d,
                    "sub failed ({e}) but between(MIN, t) = {before:?} >= d"
                );
            }
        }
    }
}

fn shifted(t: DateTime<Utc>, d: TimeDelta) -> DateTime<Utc> {
    t.checked_add_signed(d).unwrap_or(if d < TimeDelta::zero() {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

fn check_between(cal: &Calendar, a: DateTime<Utc>, b: DateTime<Utc>, c: DateTime<Utc>) {
    let ab = timed("between", || cal.between(a, b)).ok();
    let bc = timed("between", || cal.between(b, c)).ok();
    let ac = timed("between", || cal.between(a, c)).ok();
    let ba = timed("between", || cal.between(b, a)).ok();
    if let (Some(ab), Some(ba)) = (ab, ba) {
        assert_eq!(ab, -ba, "between(a, b) != -between(b, a)");
    }
    for (x, y, v) in [(a, b, ab), (b, c, bc), (a, c, ac)] {
        if let Some(v) = v {
            let wall = y.signed_duration_since(x);
            assert!(
                v.abs() <= wall.abs(),
                "between({x}, {y}) = {v:?} exceeds the wall span"
            );
            assert!(
                v == TimeDelta::zero() || (v < TimeDelta::zero()) == (y < x),
                "between({x}, {y}) = {v:?} has the wrong sign"
            );
        }
    }
    if let (Some(ab), Some(bc), Some(ac)) = (ab, bc, ac) {
        assert_eq!(
            ab + bc,
            ac,
            "between(a, b) + between(b, c) != between(a, c)"
        );
    }
}

/// `next_open` / `next_close` may only refuse on a calendar that is not periodic (open-ended
/// Easter rules), whose years outside 1583–2599 are not computed; the answer is then `None`
/// for the checks (nothing more to check).
fn refused_beyond_exact_years(e: &slacalc::Error, what: &str) -> Option<DateTime<Utc>> {
    assert!(
        NON_PERIODIC.get() && matches!(e, slacalc::Error::OutOfRange { .. }),
        "{what} failed: {e}"
    );
    None
}

fn check_open(cal: &Calendar, t: DateTime<Utc>) {
    let o = timed("next_open", || cal.next_open(t));
    match o.unwrap_or_else(|e| refused_beyond_exact_years(&e, "next_open")) {
        Some(o) => {
            assert!(o >= t, "next_open went backwards: {o}");
            assert!(
                timed("is_open", || cal.is_open(o)),
                "next_open({t}) = {o} is not open"
            );
            assert_between(
                cal,
                t,
                o,
                TimeDelta::zero(),
                &format!("business time before next_open {o}"),
            );
        }
        None => {
            if let Ok(rest) = timed("between", || cal.between(t, DateTime::<Utc>::MAX_UTC)) {
                assert_eq!(
                    rest,
                    TimeDelta::zero(),
                    "next_open = None but business time follows"
                );
            }
        }
    }
}

fn check_close(cal: &Calendar, t: DateTime<Utc>) {
    let c = timed("next_close", || cal.next_close(t));
    match c.unwrap_or_else(|e| refused_beyond_exact_years(&e, "next_close")) {
        Some(c) => {
            assert!(c >= t, "next_close went backwards: {c}");
            assert!(
                !timed("is_open", || cal.is_open(c)),
                "next_close({t}) = {c} is open"
            );
            assert_between(
                cal,
                t,
                c,
                c - t,
                &format!("next_close({t}) = {c}: [t, c) is not all open"),
            );
        }
        None => {
            let end = DateTime::<Utc>::MAX_UTC;
            if let Ok(rest) = timed("between", || cal.between(t, end)) {
                assert_eq!(
                    rest,
                    end - t,
                    "next_close = None but [t, MAX) is not all open"
                );
            }
        }
    }
}

fn local_date(cal: &Calendar, t: DateTime<Utc>) -> NaiveDate {
    match cal.timezone() {
        // Not `with_timezone(..).date_naive()`: it panics near chrono's ends (finding F1).
        Some(tz) => {
            let offset = tz.offset_from_utc_datetime(&t.naive_utc()).fix();
            t.naive_utc()
                .checked_add_offset(offset)
                .map_or(t.date_naive(), |l| l.date())
        }
        None => t.date_naive(),
    }
}

fuzz_target!(|input: Input| {
    let Some(cal) = build(&input.calendar, input.via_api) else {
        return;
    };
    NON_PERIODIC.set(input.calendar.non_periodic());
    let delta = |d: DurGen, neg: bool| d.delta(neg);
    for op in input.ops.iter().take(8) {
        match *op {
            Op::Add(t, d, neg) => check_add(&cal, t.at(), delta(d, neg)),
            Op::Sub(t, d, neg) => check_sub(&cal, t.at(), delta(d, neg)),
            Op::Between(a, d1, n1, d2, n2) => {
                let a = a.at();
                let b = shifted(a, delta(d1, n1));
                let c = shifted(b, delta(d2, n2));
                check_between(&cal, a, b, c);
            }
            Op::Open(t) => check_open(&cal, t.at()),
            Op::Close(t) => check_close(&cal, t.at()),
            Op::BusinessDaysLater(t, n) => {
                let _ = timed("business_days_later", || {
                    cal.business_days_later(t.at(), BusinessDays(n.into()))
                });
            }
            Op::EndOfBusinessDay(t, n) => {
                let _ = timed("end_of_business_day", || {
                    cal.end_of_business_day(t.at(), BusinessDays(n.into()))
                });
            }
            Op::AddBusinessDays(t, n) => {
                let date = t.at().date_naive();
                if let Ok(r) = timed("add_business_days", || {
                    cal.add_business_days(date, BusinessDays(n.into()))
                }) {
                    assert!(
                        timed("is_business_day", || cal.is_business_day(r)),
                        "add_business_days({date}, {n}) = {r} is not a business day"
                    );
                    if n > 0 {
                        assert!(
                            r > date,
                            "add_business_days({date}, {n}) = {r} did not advance"
                        );
                    }
                }
            }
            Op::BusinessDaysBetween(a, b) => {
                let (a, b) = (local_date(&cal, a.at()), local_date(&cal, b.at()));
                let _ = timed("business_days_between", || cal.business_days_between(a, b).map(BusinessDays::get));
                let _ = a.year();
            }
        }
    }
});
