//! How a year's holidays are computed from the rules' dates (`Holidays::compute`): observed
//! days, days between holidays and substitute days placed around the rules' own dates, each
//! day with where its names come from.

use chrono::{Datelike, NaiveDate, Weekday};

use super::observance::Observance;
use super::rule::Rule;
use super::weekend::Weekend;
use super::Holidays;

/// Which way a substitute day is looked for from its holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// The next free working day.
    Forward,
    /// The previous free working day.
    Backward,
    /// The next free working day of a week whose weekend is the given days.
    ForwardOf(Weekend),
}

/// Whether a computation keeps where each holiday's name comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Names {
    /// Keep the sources, to name the holidays.
    Keep,
    /// Dates only.
    Drop,
}

/// Where a holiday's name comes from: a rule's own date, or a day observed for it.
#[derive(Clone, Copy, Debug)]
pub(super) enum Source<'a> {
    /// The rule's date: named after the rule.
    Own(&'a str),
    /// An observed or substitute day: `"<name> (observed)"`.
    Observed(&'a str),
}

impl Source<'_> {
    pub(super) fn name(self) -> String {
        match self {
            Source::Own(n) => n.to_owned(),
            Source::Observed(n) => observed_name(n),
        }
    }
}

/// Whether a holiday of another name than `name` falls on `d` among `occurrences` (sorted
/// by date).
fn shares_date(occurrences: &[(NaiveDate, &Rule)], d: NaiveDate, name: &str) -> bool {
    on_date(occurrences, d).any(|r| r.name != name)
}

/// The rules of the holidays on `d` among `occurrences` (sorted by date).
fn on_date<'a, 'o>(
    occurrences: &'o [(NaiveDate, &'a Rule)],
    d: NaiveDate,
) -> impl Iterator<Item = &'a Rule> + 'o {
    let from = occurrences.partition_point(|(x, _)| *x < d);
    occurrences
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |(x, _)| *x == d)
        .map(|(_, r)| *r)
}

/// Whether `r`'s holiday on `d` is observed by a `shared_shift` rule of its name (which then
/// takes the place of its other observances on that date): a rule of the same name on `d`
/// with a `shared_shift` that moves a date of that weekday, and a holiday of another name
/// on `d`.
fn shifted_as_shared(occurrences: &[(NaiveDate, &Rule)], d: NaiveDate, r: &Rule) -> bool {
    on_date(occurrences, d).any(|r2| {
        r2.name == r.name
            && matches!(r2.observed, Observance::SharedShift(s) if s.days(d.weekday()) != 0)
    }) && shares_date(occurrences, d, &r.name)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn observed_name(name: &str) -> String {
    if name.is_empty() {
        "(observed)".to_owned()
    } else {
        format!("{name} (observed)")
    }
}

/// Merges the days taken by rules (sorted, one entry per date) and the observed days
/// (sorted by date, possibly several per date) into one sorted list with one entry per date,
/// the sources of a date in that order (with [`Names::Drop`], none).
fn merge_days<'a>(
    own: Vec<(NaiveDate, Vec<Source<'a>>)>,
    shifted: Vec<(NaiveDate, Source<'a>)>,
    keep: Names,
) -> Vec<(NaiveDate, Vec<Source<'a>>)> {
    let mut out: Vec<(NaiveDate, Vec<Source<'a>>)> = Vec::with_capacity(own.len());
    let mut shifted = shifted.into_iter().peekable();
    for (d, sources) in own {
        while let Some((to, source)) = shifted.next_if(|(to, _)| *to < d) {
            push_source(&mut out, to, source, keep);
        }
        out.push((d, sources));
        while let Some((to, source)) = shifted.next_if(|(to, _)| *to == d) {
            push_source(&mut out, to, source, keep);
        }
    }
    for (to, source) in shifted {
        push_source(&mut out, to, source, keep);
    }
    out
}

/// Appends `source` on date `d` to a list sorted by date whose last date is at most `d`.
fn push_source<'a>(
    out: &mut Vec<(NaiveDate, Vec<Source<'a>>)>,
    d: NaiveDate,
    source: Source<'a>,
    keep: Names,
) {
    if out.last().is_none_or(|(last, _)| *last != d) {
        out.push((d, Vec::new()));
    }
    if let (Names::Keep, Some((_, sources))) = (keep, out.last_mut()) {
        sources.push(source);
    }
}

impl Holidays {
    /// Computes the holidays of `year` with where their names come from: every rule's dates
    /// for the rule years `year - 1 ..= year + 1` (an observed day or an Easter offset may
    /// cross the new year), then the observed days, then those in `year`. With
    /// [`Names::Drop`] the sources are left empty.
    pub(super) fn compute(&self, year: i32, keep: Names) -> Vec<(NaiveDate, Vec<Source<'_>>)> {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Vec::new();
        };
        let window_start = year
            .checked_sub(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .unwrap_or(first);
        let window_end = year
            .checked_add(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31))
            .unwrap_or(last);

        let mut occurrences: Vec<(NaiveDate, &Rule)> = Vec::new();
        for ry in [year.checked_sub(1), Some(year), year.checked_add(1)]
            .into_iter()
            .flatten()
        {
            occurrences.extend(
                self.rule_year(ry)
                    .iter()
                    .filter_map(|&(d, i)| Some((d, self.yearly.get(i)?))),
            );
        }
        let start = self
            .one_offs
            .partition_point(|r| r.one_off().is_some_and(|d| d < window_start));
        occurrences.extend(
            self.one_offs
                .get(start..)
                .unwrap_or(&[])
                .iter()
                .filter_map(|r| Some((r.one_off()?, r)))
                .take_while(|(d, _)| *d <= window_end),
        );
        // Substitutes are assigned in date order, ties in rule order.
        occurrences.sort_by_key(|(d, _)| *d);
        if keep == Names::Drop {
            // Without names, rules on one date with one observance are one rule.
            // Not those whose observance depends on the names sharing a date, nor any on a
            // date where such an observance looks for another name.
            let named_dates: Vec<NaiveDate> = occurrences
                .iter()
                .filter(|(_, r)| matches!(r.observed, Observance::SharedShift(_)))
                .map(|(d, _)| *d)
                .collect();
            occurrences.dedup_by(|(d, r), (pd, pr)| {
                d == pd
                    && r.observed == pr.observed
                    && !r.observed.depends_on_names()
                    && !named_dates.contains(d)
            });
        }

        // The days taken by a rule or an observed day, sorted: the rules' dates come in
        // order (one entry per date), the observed days are sorted and merged in.
        let mut own: Vec<(NaiveDate, Vec<Source<'_>>)> = Vec::new();
        for (d, r) in &occurrences {
            if own.last().is_none_or(|(last, _)| last != d) {
                own.push((*d, Vec::new()));
            }
            if let (Names::Keep, Some((_, sources))) = (keep, own.last_mut()) {
                sources.push(Source::Own(&r.name));
            }
        }
        self.add_days_between(&mut own, keep);
        let mut shifted: Vec<(NaiveDate, Source<'_>)> = Vec::new();
        for (d, r) in &occurrences {
            let to = match (r.observed, d.weekday()) {
                (Observance::Us, Weekday::Sat) => d.pred_opt(),
                (Observance::Us | Observance::SundayToMonday, Weekday::Sun) => d.succ_opt(),
                (Observance::Shift(s), _) => s.observed(*d),
                (Observance::SharedShift(s), _) if shares_date(&occurrences, *d, &r.name) => {
                    s.observed(*d)
                }
                _ => None,
            };
            if let Some(to) = to {
                shifted.push((to, Source::Observed(&r.name)));
            }
        }
        shifted.sort_by_key(|(d, _)| *d);
        let days = merge_days(own, shifted, keep);
        let taken = |c: NaiveDate| days.binary_search_by_key(&c, |(d, _)| *d).is_ok();

        // A holiday that several rules produce is one holiday: one substitute day per
        // distinct weekend date, named after every substitute rule on that date. Dates come in
        // order, and each substitute lies after the previous one (every day between a weekend
        // holiday and its substitute is taken), so one forward scan assigns them all; a
        // substitute lies after every earlier one, so only the days taken above can be in
        // its way.
        // (date, direction, the name of a holiday substituted on its own, names).
        let mut sources: Vec<(NaiveDate, Direction, Option<&str>, Vec<&str>)> = Vec::new();
        for (d, r) in &occurrences {
            // Occurrences are sorted by date: those on `d` follow each other.
            let shared = || {
                let on_d = occurrences.partition_point(|(x, _)| x < d);
                r.observed.counts_shared()
                    && occurrences
                        .get(on_d..)
                        .unwrap_or(&[])
                        .iter()
                        .take_while(|(x, _)| x == d)
                        .any(|(_, r2)| r2.name != r.name)
            };
            let direction = match (r.observed, d.weekday()) {
                (
                    Observance::Substitute
                    | Observance::SubstituteOrShared
                    | Observance::SubstituteEach,
                    Weekday::Sat | Weekday::Sun,
                )
                | (
                    Observance::SundaySubstitute
                    | Observance::SundaySubstituteOrShared
                    | Observance::SaturdayBackSundayForward
                    | Observance::SaturdayBackSundayForwardEach,
                    Weekday::Sun,
                ) => Direction::Forward,
                (
                    Observance::SaturdayBackSundayForward
                    | Observance::SaturdayBackSundayForwardEach,
                    Weekday::Sat,
                ) => Direction::Backward,
                (Observance::WeekendSubstitute(w), day) if w.contains(day) => {
                    Direction::ForwardOf(w)
                }
                _ if shared() => Direction::Forward,
                _ => continue,
            };
            if shifted_as_shared(&occurrences, *d, r) {
                continue;
            }
            let own = matches!(
                r.observed,
                Observance::SubstituteEach | Observance::SaturdayBackSundayForwardEach
            )
            .then_some(r.name.as_str());
            // The groups of this date are the last ones: join the one of the same kind (the
            // same name, for a holiday substituted on its own, however the rules are
            // ordered), or start one.
            let group = sources
                .iter()
                .rev()
                .take_while(|(last, ..)| last == d)
                .position(|(_, dir, o, _)| *dir == direction && *o == own);
            let at = match group {
                Some(back) => sources.len() - 1 - back,
                None => {
                    sources.push((*d, direction, own, Vec::new()));
                    sources.len() - 1
                }
            };
            if let (Names::Keep, Some((_, _, _, names))) = (keep, sources.get_mut(at)) {
                names.push(&r.name);
            }
        }
        // Each substitute day is the first free working day (no weekend day, holiday or
        // substitute day already given) after its holiday, or before it for a Saturday
        // substituted backwards.
        let mut substitutes: Vec<(NaiveDate, Vec<Source<'_>>)> = Vec::new();
        for (d, direction, _, names) in sources {
            let mut c = d;
            loop {
                let next = match direction {
                    Direction::Forward | Direction::ForwardOf(_) => c.succ_opt(),
                    Direction::Backward => c.pred_opt(),
                };
                let Some(next) = next else { break };
                c = next;
                let weekend = match direction {
                    Direction::ForwardOf(w) => w.has(c),
                    _ => is_weekend(c),
                };
                if !weekend && !taken(c) && !substitutes.iter().any(|(s, _)| *s == c) {
                    substitutes.push((c, names.iter().map(|n| Source::Observed(n)).collect()));
                    break;
                }
            }
        }

        let in_year = |(d, _): &(NaiveDate, Vec<Source<'_>>)| (first..=last).contains(d);
        let mut out: Vec<(NaiveDate, Vec<Source<'_>>)> = days
            .into_iter()
            .filter(in_year)
            .chain(substitutes.into_iter().filter(in_year))
            .collect();
        // Substitute days are never taken days: sorting by date leaves no duplicates.
        out.sort_by_key(|(d, _)| *d);
        out
    }

    /// Adds to `own` (the rules' own dates, sorted, one entry per date) every day between two
    /// of them that a `between` rule applies in (Japan's citizens' holiday), before observed
    /// and substitute days are placed: those are not holidays the law counts, and a day
    /// found here is not counted for another.
    fn add_days_between<'a>(&'a self, own: &mut Vec<(NaiveDate, Vec<Source<'a>>)>, keep: Names) {
        if self.between.is_empty() {
            return;
        }
        let rules: Vec<&Rule> = self
            .between
            .iter()
            .filter_map(|&i| self.yearly.get(i))
            .collect();
        let middles: Vec<NaiveDate> = own
            .windows(2)
            .filter_map(|w| {
                let (a, b) = (w.first()?.0, w.get(1)?.0);
                let m = a.succ_opt()?;
                (m.succ_opt()? == b).then_some(m)
            })
            .collect();
        for m in middles {
            let names: Vec<Source<'a>> = rules
                .iter()
                .filter(|r| r.applies(m.year()))
                .map(|r| Source::Own(&r.name))
                .collect();
            if names.is_empty() {
                continue;
            }
            let at = own.partition_point(|(d, _)| *d < m);
            let sources = if keep == Names::Keep {
                names
            } else {
                Vec::new()
            };
            own.insert(at, (m, sources));
        }
    }
}
