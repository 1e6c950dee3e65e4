//! Configuration reference: money values and rounding, fee schedules, case quotas, hour budgets
//! and service credits.
//!
//! [`slacalc::money`](crate::money) computes what a contract charges and credits, in exact
//! decimals (`rust_decimal::Decimal`, never floats) with checked arithmetic: an overflow is
//! `Error::ArithmeticOverflow`, never a panic. Every configuration type comes in two forms: a
//! plain serde *spec* (`FeeScheduleSpec`, `CaseQuotaSpec`, `HourBudgetSpec`, `CreditPolicySpec`)
//! and a validated type ([`FeeSchedule`](crate::money::FeeSchedule),
//! [`CaseQuota`](crate::money::CaseQuota), [`HourBudget`](crate::money::HourBudget),
//! [`CreditPolicy`](crate::money::CreditPolicy)) made from it with `TryFrom` or
//! `from_spec_at(spec, "config.path")`. Deserializing the validated type validates it; errors
//! name the config path and the bad value (an example under [Fee schedules](#fee-schedules)).
//! Time and materials has [its own page](super::config_time_and_materials).
//!
//! # Values
//!
//! - **Decimals are strings**: `"12.50"`, `"7.5"`. JSON and TOML numbers are rejected (a JSON
//!   number goes through `f64`). `"1.50"` and `"1.5"` are equal; they print as written.
//! - **Money** is `"<amount> <CODE>"`: `"1500.00 EUR"`, `"29 USD"`, `"300 JPY"`.
//! - **Currencies** are upper-case ISO 4217 codes from a built-in table with their minor units
//!   (EUR, USD, GBP, PLN, CHF: 2; JPY, KRW, ISK: 0; BHD, KWD, JOD, OMR, TND: 3; …). An unknown
//!   code is an error.
//! - **Rounding modes** (`"rounding"`, default `"half_up"`): `half_up` (ties away from zero),
//!   `half_even` (ties to even, banker's), `half_down` (ties toward zero), `up` (away from zero),
//!   `down` (toward zero), `ceiling`, `floor`.
//!
//! # How rounding and explanation lines relate
//!
//! A fee or credit evaluates to an [`Invoice`](crate::money::Invoice). Its `lines` (each with a config
//! `path`, a `detail` such as the band, the part of the base in it and the rate, and an exact
//! `amount`) sum exactly to `subtotal`. The subtotal is rounded **once**, to the currency's minor
//! units, with the schedule's mode: that is `total`, and `rounding_adjustment = total -
//! subtotal`. Nothing is rounded line by line. `notes` record choices (which alternative of
//! `greater_of` won) and carry no amount. `Display` prints the invoice; serde serializes it.
//!
//! # Fee schedules
//!
//! [`FeeSchedule`](crate::money::FeeSchedule): a currency, a rounding mode and one rule. Every
//! amount in it must be in the schedule's currency. Rules nest; each form:
//!
//! | rule | meaning |
//! | --- | --- |
//! | `{"fixed": "1500.00 EUR"}` | a fixed amount |
//! | `{"per_unit": {"quantity": "extra_cases", "price": "80.00 EUR"}}` | quantity input × unit price |
//! | `{"graduated": {"of": "usage", "bands": [...]}}` | each band's percentage on the part of the base inside it (tax-bracket style) |
//! | `{"volume": {"of": "usage", "bands": [...]}}` | the whole base at the percentage of the band it falls in |
//! | `{"clamp": {"min": "…", "max": "…", "fee": {...}}}` | raises the inner rule to `min` / lowers it to `max` (either or both) |
//! | `{"greater_of": [{...}, ...]}` | the largest alternative (the first wins a tie) |
//! | `{"lesser_of": [{...}, ...]}` | the smallest alternative (the first wins a tie) |
//! | `{"sum": [{...}, ...]}` | the sum of the parts |
//!
//! Bands are `{"from": "0", "to": "10000", "percent": "10"}`, half-open `[from, to)`: the first
//! starts at `0`, each next one starts where the previous one ends (no gaps, no overlaps,
//! ascending), and only the last one omits `to`. A base equal to a boundary is in the upper
//! band. Clamps add a line (`Minimum` or a negative `Maximum`) so that the lines still sum to
//! the fee. Evaluate with named inputs:
//! `schedule.invoice(&FeeInputs::new().with_amount("usage", money).with_quantity("hours", qty))`.
//!
//! ```
//! use rust_decimal::Decimal;
//! use slacalc::Money;
//! use slacalc::money::{FeeInputs, FeeSchedule, FeeScheduleSpec};
//!
//! let money = |s: &str| s.parse::<Money>();
//! let sum = |lines: &[slacalc::money::InvoiceLine]| lines.iter().map(|l| l.amount).sum::<Decimal>();
//!
//! // AWS Business support: the greater of $100 or a graduated percentage of the month's usage.
//! let aws: FeeSchedule = serde_json::from_str(r#"
//! {
//!   "currency": "USD",
//!   "rounding": "half_up",
//!   "fee": { "greater_of": [
//!     { "fixed": "100.00 USD" },
//!     { "graduated": { "of": "usage", "bands": [
//!       { "from": "0",      "to": "10000",  "percent": "10" },
//!       { "from": "10000",  "to": "80000",  "percent": "7" },
//!       { "from": "80000",  "to": "250000", "percent": "5" },
//!       { "from": "250000",                 "percent": "3" }
//!     ] } }
//!   ] }
//! }"#)?;
//! // 10 % of 10,000 + 7 % of 70,000 + 5 % of 20,000.
//! let invoice = aws.invoice(&FeeInputs::new().with_amount("usage", money("100000.00 USD")?))?;
//! assert_eq!(invoice.total, money("6900.00 USD")?);
//! assert_eq!(sum(&invoice.lines), invoice.subtotal);
//! let small = aws.invoice(&FeeInputs::new().with_amount("usage", money("500.00 USD")?))?;
//! assert_eq!(small.total, money("100.00 USD")?);
//!
//! // A volume-priced fee with a minimum and a maximum, plus extra cases at a unit price.
//! let volume: FeeSchedule = serde_json::from_str(r#"
//! {
//!   "currency": "EUR",
//!   "rounding": "half_even",
//!   "fee": { "sum": [
//!     { "clamp": { "min": "1500.00 EUR", "max": "9000.00 EUR", "fee": { "volume": { "of": "usage", "bands": [
//!       { "from": "0",     "to": "10000", "percent": "14" },
//!       { "from": "10000",                "percent": "11" }
//!     ] } } } },
//!     { "per_unit": { "quantity": "extra_cases", "price": "80.00 EUR" } }
//!   ] }
//! }"#)?;
//! // 11 % of 12,000 is 1,320, raised to the 1,500 minimum; 3 extra cases at 80.
//! let inputs = FeeInputs::new().with_amount("usage", money("12000.00 EUR")?)
//!     .with_quantity("extra_cases", Decimal::from(3));
//! let invoice = volume.invoice(&inputs)?;
//! assert_eq!(invoice.total, money("1740.00 EUR")?);
//! assert_eq!(sum(&invoice.lines), invoice.subtotal);
//!
//! // The lesser of a flat rate and hours at an hourly rate, in JSON and in TOML.
//! let chf: FeeSchedule = serde_json::from_str(r#"
//! { "currency": "CHF", "fee": { "lesser_of": [
//!   { "fixed": "2000.00 CHF" },
//!   { "per_unit": { "quantity": "hours", "price": "145.00 CHF" } }
//! ] } }"#)?;
//! let chf_toml: FeeSchedule = toml::from_str(r#"
//! currency = "CHF"
//! [fee]
//! lesser_of = [
//!   { fixed = "2000.00 CHF" },
//!   { per_unit = { quantity = "hours", price = "145.00 CHF" } },
//! ]
//! "#)?;
//! assert_eq!(chf, chf_toml);
//! let hours = FeeInputs::new().with_quantity("hours", "12.5".parse()?);
//! assert_eq!(chf.invoice(&hours)?.total, money("1812.50 CHF")?);
//!
//! // Errors name the config path and the bad value.
//! let spec: FeeScheduleSpec = serde_json::from_str(r#"{"currency": "USD", "fee": {"greater_of": [
//!     {"fixed": "100.00 USD"}, {"graduated": {"of": "usage", "bands": [
//!     {"from": "0", "to": "10000", "percent": "10"}, {"from": "10000", "to": "80000", "percent": "7"},
//!     {"from": "90000", "percent": "5"}]}}]}}"#)?;
//! let error = FeeSchedule::from_spec_at(spec, "plans.business").err().ok_or("accepted")?;
//! assert_eq!(error.to_string(), "plans.business.fee.greater_of[1].graduated.bands[2].from: invalid \
//!     value `90000`: expected 80000, where the previous band ends (bands must not leave a gap)");
//! // Decimals are strings: a JSON number is refused.
//! assert!(serde_json::from_str::<FeeSchedule>(
//!     r#"{"currency": "USD", "fee": {"per_unit": {"quantity": "h", "price": "1.00 USD"}}, "rounding": 2}"#).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Case quotas
//!
//! [`CaseQuota`](crate::money::CaseQuota): cases per calendar `month`, `quarter` or `year`, and
//! an overage policy, `"refuse"` (the default) or `{"charge": {"price": "…"}}`.
//! `quota.usage(&opened_dates, on)` (or `usage_at(&instants, at, tz)`) gives used, remaining,
//! cases over the limit, their charge and what the next case would be (`Included`,
//! `Charged { price }`, `Refused`).
//!
//! # Hour budgets
//!
//! [`HourBudget`](crate::money::HourBudget): maintenance hours granted each month (a decimal
//! string that comes to whole minutes), how many months unused time carries over, and what
//! happens when it expires: `"forfeit"` (the default) or `{"convert_to_development": {"ratio":
//! "0.5"}}` (development minutes per maintenance minute). `budget.ledger(&worked_minutes_per_month)`
//! uses the oldest minutes first and reports, per month, what was granted, worked, covered by
//! earlier months, over budget, expired and converted.
//!
//! # Service credits
//!
//! [`CreditPolicy`](crate::money::CreditPolicy): availability tiers (listed from the highest
//! threshold down; the lowest threshold the achieved availability is *below* decides, tiers do
//! not add up), credits per breached incident by severity key, and a monthly cap (`{"amount":
//! "…"}` or `{"percent_of_fee": "…"}`). `policy.invoice(&CreditInputs::new(monthly_fee)
//! .with_availability(pct).with_breaches("critical", 2))` returns an `Invoice` whose total is
//! the credit.
//!
//! ```
//! use chrono::NaiveDate;
//! use slacalc::Money;
//! use slacalc::money::{CaseQuota, CreditInputs, CreditPolicy, HourBudget, NextCase};
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
//! let money = |s: &str| s.parse::<Money>();
//!
//! let per_quarter: CaseQuota = serde_json::from_str(
//!     r#"{ "cases": 10, "per": "quarter", "overage": "refuse" }"#)?;
//! let opened = vec![d(2026, 1, 15)?; 10];
//! let usage = per_quarter.usage(&opened, d(2026, 3, 31)?)?;
//! assert_eq!((usage.used, usage.remaining, usage.next), (10, 0, NextCase::Refused));
//! assert_eq!(per_quarter.usage(&opened, d(2026, 4, 1)?)?.next, NextCase::Included);
//!
//! let per_month: CaseQuota = serde_json::from_str(
//!     r#"{ "cases": 5, "per": "month", "overage": { "charge": { "price": "120.00 EUR" } } }"#)?;
//! let usage = per_month.usage(&vec![d(2026, 2, 2)?; 7], d(2026, 2, 28)?)?;
//! assert_eq!((usage.over_limit, usage.overage_charge), (2, Some(money("240.00 EUR")?)));
//! assert_eq!(usage.next, NextCase::Charged { price: money("120.00 EUR")? });
//!
//! let budget: HourBudget = serde_json::from_str(r#"
//! { "monthly_hours": "20", "carry_over_months": 2,
//!   "on_expiry": { "convert_to_development": { "ratio": "0.5" } } }"#)?;
//! // Minutes worked: 10 h, nothing, nothing, 60 h.
//! let ledger = budget.ledger(&[600, 0, 0, 3600])?;
//! // The 10 unused hours of the first month carry over two months, expire at the end of the
//! // third and become 5 development hours; the fourth month uses the 40 hours left of the
//! // second and third months first, then its own 20.
//! assert_eq!(ledger.months[2].expired, 600);
//! assert_eq!(ledger.months[2].converted_development_minutes, "300".parse()?);
//! assert_eq!((ledger.months[3].from_earlier_months, ledger.months[3].over_budget), (2400, 0));
//!
//! let credits: CreditPolicy = serde_json::from_str(r#"
//! {
//!   "currency": "EUR",
//!   "availability": [ { "below": "99", "percent_of_fee": "5" },
//!                     { "below": "98", "percent_of_fee": "10" } ],
//!   "per_breach": { "critical": "200.00 EUR", "high": "50.00 EUR" },
//!   "cap": { "percent_of_fee": "25" }
//! }"#)?;
//! let month = CreditInputs::new(money("2500.00 EUR")?).with_breaches("critical", 2);
//! // Below 99 % (not below 98 %): 5 % of the fee, plus 2 × 200.
//! let credit = credits.invoice(&month.clone().with_availability("98.5".parse()?))?;
//! assert_eq!(credit.total, money("525.00 EUR")?);
//! // Below 98 %: 10 % + 400 = 650, capped at 25 % of the fee.
//! let credit = credits.invoice(&month.with_availability("97".parse()?))?;
//! assert_eq!(credit.total, money("625.00 EUR")?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
