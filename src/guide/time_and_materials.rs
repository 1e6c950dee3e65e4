//! Time and materials: work billed at an hourly rate, in billing increments, with surcharges
//! outside service hours and on holidays, and a daily rate as a cap (COSYS: third-party fault
//! work "invoiced at agreed daily and hourly rates").
//!
//! # Two steps: a calendar classifies, the rates price
//!
//! This module prices work that is **already classified**: [`HourlyRates::price`](crate::money::HourlyRates::price) takes
//! [`ClassifiedInterval`](crate::money::ClassifiedInterval)s, pieces of worked time on local dates, each a [`WorkCategory`](crate::money::WorkCategory). It
//! knows no time zone and no calendar (money depends only on `time`, see the
//! [money docs](crate::money#layers)).
//!
//! The classification is the calendar's:
//! [`calendar::WorkClassifier`](crate::calendar::WorkClassifier) cuts each worked interval
//! `[start, end)` (UTC) at the local midnights of its time zone, so that every piece lies on
//! one local date, the *billing day*, and classifies each piece:
//!
//! 1. on a **holiday** (its local date is listed in `holidays`), all of it is
//!    [`WorkCategory::Holiday`](crate::money::WorkCategory::Holiday) time, charged with the holiday surcharge — the holiday
//!    surcharge *replaces* the outside-hours one, it does not add to it;
//! 2. otherwise the part that is business time of `service_hours`
//!    ([`Calendar::between`](crate::Calendar::between)) is [`WorkCategory::Regular`](crate::money::WorkCategory::Regular), the
//!    rest [`WorkCategory::OutsideServiceHours`](crate::money::WorkCategory::OutsideServiceHours), charged with the outside-hours surcharge;
//!    without `service_hours` all of it is regular.
//!
//! The convenient entry point does both steps:
//! [`calendar::TimeAndMaterials`](crate::calendar::TimeAndMaterials) reads the whole
//! configuration (rates, zone, service hours, holidays) and prices
//! [`WorkInterval`](crate::money::WorkInterval)s (see its example).
//!
//! # How work is priced
//!
//! Per billing day and category, the time is charged at
//! `hourly_rate × hours × (100 + surcharge %) / 100` (see below for its precision).
//!
//! **Billing increments** ([`Increment`](crate::money::Increment), "per started 15 minutes")
//! round worked time *up* to a multiple of the increment, either per worked interval or per
//! billing day ([`IncrementBasis`](crate::money::IncrementBasis)). The time
//! added by rounding is its own line, charged at the plain hourly rate (no surcharge), on the
//! billing day on which the interval ends (basis `interval`) or on its day (basis `day`).
//!
//! A **daily rate** caps a billing day: when the day's hourly charges (all categories,
//! surcharges and rounding included) would exceed it, a negative line lowers the day to the
//! daily rate.
//!
//! The lines sum to the subtotal, which is rounded once (see [`Invoice`](crate::money::Invoice)).
//!
//! # How amounts are computed
//!
//! A charge is `rate × seconds × (100 + surcharge) / 360,000`, multiplied first and divided
//! once. The quotient ends in decimals only when the numbers allow (a third of an hour's rate
//! does not), so it is **rounded to 28 significant digits** (`rust_decimal`'s precision), and
//! so are the sums of these lines and the daily-rate cap line. This is the one place in
//! [`crate::money`] where a result is rounded before the final rounding to minor units: fee
//! schedules, credits and hour budgets refuse an inexact result with
//! [`Error::InexactArithmetic`](crate::Error::InexactArithmetic) instead. The total can differ from rounding the exact amount
//! only when the exact amount lies within about 10⁻²⁴ of its size of a rounding midpoint
//! (half a cent), which a quotient of seconds and rates does not reach in practice; but it is
//! a rounding, documented here, not an exact result.
