//! How a holiday that falls on a weekend is also observed on another day.

use serde::{Deserialize, Serialize};

use super::shift::WeekdayShifts;
use super::weekend::Weekend;

/// How a holiday that falls on a weekend is observed. In every variant the holiday's own date
/// stays a holiday; the observed day is an additional holiday named `"<name> (observed)"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Observance {
    /// `"none"`, the default: no observed day.
    #[default]
    None,
    /// `"us"`: a Saturday holiday is also observed the Friday before, a Sunday holiday the
    /// Monday after (US federal rule; the Friday may lie in the previous year, as
    /// 2021-12-31 for New Year's Day 2022).
    Us,
    /// `"sunday_to_monday"`: a Sunday holiday is also observed the Monday after; nothing for
    /// Saturday.
    SundayToMonday,
    /// `"substitute"`: a Saturday or Sunday holiday is also observed on the next Monday to
    /// Friday that is not already a holiday (including another substitute day), so that two
    /// weekend holidays in a row take the Monday and the Tuesday (England's Christmas and
    /// Boxing Day 2021: Saturday 25 → Monday 27, Sunday 26 → Tuesday 28). Weekend holidays
    /// are substituted in date order, one substitute day per date: several rules giving the
    /// same date (a preset listed twice) share one substitute day.
    Substitute,
    /// `"sunday_substitute"`: as `"substitute"`, for a Sunday holiday only (Malaysia's
    /// Holidays Act: the next day that is neither a weekend day nor a holiday).
    SundaySubstitute,
    /// `"substitute_each"`: as `"substitute"`, but each holiday of its own name on a
    /// weekend date gets its own substitute day, also when several share the date (China:
    /// Mid-Autumn and National Day on Saturday 3 October 2009 took Monday 5 and Tuesday 6).
    SubstituteEach,
    /// `"substitute_or_shared"`: as `"substitute"`, and also when the holiday shares its
    /// date with a holiday of another name, whatever the weekday (Korea's alternative
    /// holidays).
    SubstituteOrShared,
    /// `"sunday_substitute_or_shared"`: as `"sunday_substitute"`, and also when the holiday
    /// shares its date with a holiday of another name (Korea's alternative holidays for
    /// Seollal and Chuseok).
    SundaySubstituteOrShared,
    /// `"saturday_back_sunday_forward"`: a Sunday holiday is also observed on the next
    /// Monday to Friday that is not already a holiday or substitute day, a Saturday holiday
    /// on the previous such day (Vietnam's Lunar New Year days since 2014).
    SaturdayBackSundayForward,
    /// `"saturday_back_sunday_forward_each"`: as `"saturday_back_sunday_forward"`, but each
    /// holiday of its own name on a weekend date gets its own day, also when several share
    /// the date (Taiwan: Confucius' Birthday and Mid-Autumn on Sunday 28 September 2042 take
    /// Monday 29 and Tuesday 30).
    SaturdayBackSundayForwardEach,
    /// `{"shift": {"fri": -1, "sat": -1, "sun": -2}}`: a holiday on one of the listed
    /// weekdays is also observed that many days later (negative: earlier), whether or not that
    /// day is already a holiday (the form of US Christmas Eve: Friday → Thursday, weekend →
    /// Friday; or Sunday → Monday and Saturday → Monday with `{"sat": 2, "sun": 1}`).
    Shift(WeekdayShifts),
    /// `{"weekend_substitute": ["fri", "sat"]}`: as `"substitute"`, for a country whose
    /// weekend is the listed days (a [`Weekend`]): a holiday on one of them is also observed
    /// on the next day that is none of them and not already a holiday or substitute day
    /// (Saudi Arabia's Eid holidays: `["thu", "fri"]` until 2012, `["fri", "sat"]` since the
    /// weekend moved in June 2013).
    WeekendSubstitute(Weekend),
    /// `{"shared_shift": {"mon": 1, "tue": -1, …}}`: as `shift`, but only when the holiday
    /// shares its date with a holiday of another name (Taiwan's Children's Day on the day of
    /// Tomb-Sweeping Day: observed the day after on a Monday or Thursday, the day before on a
    /// Tuesday, Wednesday, Friday or Saturday, the Friday before on a Sunday); nothing
    /// otherwise. A second rule for the same holiday may give its ordinary observance, which
    /// the shared shift replaces on a date where it moves the holiday.
    SharedShift(WeekdayShifts),
}

impl Observance {
    /// Whether this is [`Observance::None`].
    pub fn is_none(&self) -> bool {
        *self == Observance::None
    }

    /// Whether the observance depends on the other holidays sharing the date.
    pub(crate) fn counts_shared(&self) -> bool {
        matches!(
            self,
            Observance::SubstituteOrShared | Observance::SundaySubstituteOrShared
        )
    }

    /// Whether the observed days depend on the holidays' names (whether several share a
    /// date, or each gets its own day), so that rules on one date are never merged.
    pub(crate) fn depends_on_names(&self) -> bool {
        self.counts_shared()
            || matches!(
                self,
                Observance::SubstituteEach
                    | Observance::SaturdayBackSundayForwardEach
                    | Observance::SharedShift(_)
            )
    }
}
