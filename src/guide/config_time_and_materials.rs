//! Configuration reference: time and materials — worked intervals priced at an hourly rate,
//! with surcharges, increments and a daily cap.
//!
//! [`calendar::TimeAndMaterials`](crate::calendar::TimeAndMaterials) prices worked intervals (UTC) at
//! an hourly rate:
//!
//! - **Billing days.** Each interval is cut at the local midnights of `timezone`; each piece
//!   belongs to one local date.
//! - **Categories.** On a date listed in `holidays` (local dates in `timezone`) all time is
//!   holiday time (the holiday surcharge *replaces* the outside-hours one). Otherwise the part
//!   that is business time of `service_hours` is regular and the rest is outside service hours
//!   (that surcharge needs `service_hours`). A category costs
//!   `hourly_rate × hours × (100 + surcharge) / 100`.
//! - **Increments** (optional; `minutes` 1–1440) round worked time *up*: `"per": "interval"`
//!   (the default) rounds each worked interval, `"per": "day"` each billing day's total (then
//!   splitting an interval into adjacent parts never changes the invoice). The time added is a
//!   line of its own at the plain hourly rate, on the day the interval ends (or its day).
//! - **Daily rate** (optional) caps a billing day: when the day's hourly charges, surcharges and
//!   rounding included, exceed it, a negative line lowers the day to it.
//!
//! `terms.invoice(&[WorkInterval::new(start, end), …])` returns an [`Invoice`](crate::money::Invoice)
//! with lines per billing day (`WorkedTime`, `IncrementRounding`, `DailyRate`) that sum exactly
//! to the subtotal, rounded once ([rounding](super::config_money#how-rounding-and-explanation-lines-relate)).
//! Intervals may overlap (two people working at once both bill); one that ends before it starts,
//! or lasts more than 366 days, is an error naming `work[i].end`.
//!
//! `fixtures/contracts/cosys-money.json` holds COSYS's agreement, credits, service-hour extension
//! and third-party rates (example values where the seed gives none; its `about` says which);
//! `fixtures/contracts/ciit-money.json` CIIT's hour budget. `cargo run --example cosys` prints a
//! month's availability, credit and a third-party invoice.
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use rust_decimal::Decimal;
//! use slacalc::calendar::TimeAndMaterials;
//! use slacalc::Money;
//! use slacalc::money::WorkInterval;
//!
//! let t = |s: &str| s.parse::<DateTime<Utc>>();
//! let terms: TimeAndMaterials = serde_json::from_str(r#"
//! {
//!   "currency": "EUR",
//!   "rounding": "half_up",
//!   "hourly_rate": "125.00 EUR",
//!   "daily_rate": "950.00 EUR",
//!   "increment": { "minutes": 15, "per": "interval" },
//!   "timezone": "Europe/Berlin",
//!   "service_hours": { "timezone": "Europe/Berlin", "hours": {
//!     "mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
//!     "thu": ["08:00-18:00"], "fri": ["08:00-18:00"] } },
//!   "holidays": ["2026-04-03", "2026-04-06"],
//!   "surcharges": { "outside_service_hours": "50", "holiday": "100" }
//! }"#)?;
//! let work = [
//!     // Monday 16 March 16:10-19:00 Berlin: 1 h 50 min regular, 1 h outside (+50 %),
//!     // 2 h 50 min rounded up to 3 h: 229.17 + 187.50 + 20.83 = 437.50.
//!     WorkInterval::new(t("2026-03-16T15:10:00Z")?, t("2026-03-16T18:00:00Z")?),
//!     // Tuesday 17 March 08:00-17:30: 9.5 h × 125 = 1,187.50, capped at the day rate 950.
//!     WorkInterval::new(t("2026-03-17T07:00:00Z")?, t("2026-03-17T16:30:00Z")?),
//!     // Saturday 21 March 10:00-10:20: 20 min outside (62.50), rounded up to 30 (+20.83).
//!     WorkInterval::new(t("2026-03-21T09:00:00Z")?, t("2026-03-21T09:20:00Z")?),
//!     // Good Friday, 3 April 09:00-10:00 CEST: one hour at +100 % = 250.
//!     WorkInterval::new(t("2026-04-03T07:00:00Z")?, t("2026-04-03T08:00:00Z")?),
//! ];
//! let invoice = terms.invoice(&work)?;
//! assert_eq!(invoice.lines.iter().map(|l| l.amount).sum::<Decimal>(), invoice.subtotal);
//! // 437.50 + 950 + 83.333… + 250 = 1,720.833…, rounded once.
//! assert_eq!(invoice.total, "1720.83 EUR".parse::<Money>()?);
//!
//! let backwards = [WorkInterval::new(t("2026-03-16T10:00:00Z")?, t("2026-03-16T09:00:00Z")?)];
//! let error = terms.invoice(&backwards).err().ok_or("accepted")?;
//! assert!(error.to_string().starts_with("work[0].end"), "{error}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
