//! Pictures as SVG text: an incident's timeline and a compliance bar chart.
//!
//! Pure functions: they return the SVG document as a `String` and do no I/O. The output is
//! deterministic (the same input gives byte-identical SVG: integer pixel arithmetic, no hash
//! maps, no clock) and every piece of caller text (identifiers, customer names, labels) is
//! escaped as XML (`&`, `<`, `>`, `"`, `'`). Text uses the generic `sans-serif` family with
//! `DejaVu Sans` and `Arial` first.

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Days, TimeZone, Utc};
use chrono_tz::Tz;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::compliance::ComplianceRow;
use crate::availability::TargetOutcome;
use crate::calendar::Calendar;
use crate::contract::Contract;
use crate::evaluate::{MetricState, Report};
use crate::incident::{EventTag, Incident};
use crate::time::format_duration;

/// Escapes text for SVG/XML content and attribute values.
///
/// ```
/// assert_eq!(slacalc::report::svg::escape(r#"Smith & "Co" <GmbH>"#),
///            "Smith &amp; &quot;Co&quot; &lt;GmbH&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and line ends are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// An extra labelled instant drawn on a timeline, in its own lane below the metrics: the hook
/// for escalation steps ("escalated to duty manager"), customer calls, deployments …
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The text shown next to the line (escaped).
    pub label: String,
    /// When.
    pub at: DateTime<Utc>,
}

impl Marker {
    /// A marker labelled `label` at `at`.
    pub fn new(label: impl Into<String>, at: DateTime<Utc>) -> Marker {
        Marker {
            label: label.into(),
            at,
        }
    }
}

const FONT: &str = "DejaVu Sans, Arial, sans-serif";

/// Appends formatted text to the document (writing to a `String` cannot fail).
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        let _ = write!($out, $($arg)*);
    };
}

/// Maps instants of `[t0, t1]` to pixels of `[x0, x1]` (clamped), with integer arithmetic.
#[derive(Clone, Copy, Debug)]
struct Scale {
    t0: i64,
    t1: i64,
    x0: i64,
    x1: i64,
}

impl Scale {
    fn x(&self, t: DateTime<Utc>) -> i64 {
        let span = i128::from(self.t1.saturating_sub(self.t0)).max(1);
        let width = i128::from(self.x1.saturating_sub(self.x0));
        let dt = i128::from(
            t.timestamp()
                .clamp(self.t0, self.t1)
                .saturating_sub(self.t0),
        );
        let px = dt.saturating_mul(width) / span;
        self.x0
            .saturating_add(i64::try_from(px).unwrap_or(0))
            .clamp(self.x0, self.x1)
    }

    fn start(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.t0, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    fn end(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.t1, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
    }
}

/// At most this many business intervals are shaded per lane (more would be below a pixel
/// each on a 1,000-pixel picture).
const MAX_INTERVALS: usize = 2_000;

/// Business intervals of `calendar` within `[from, to)`, at most [`MAX_INTERVALS`].
fn business_intervals(
    calendar: &Calendar,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut t = from;
    while out.len() < MAX_INTERVALS && t < to {
        // An error (a calendar whose years are not computed this far) shades no further.
        let Some(open) = calendar.next_open(t).ok().flatten().filter(|o| *o < to) else {
            break;
        };
        // Open for the rest of the window? (`between` is a lookup; `next_close` on a 24x7
        // calendar would search far ahead.)
        let rest = to.signed_duration_since(open);
        if calendar.between(open, to).ok() == Some(rest) {
            out.push((open, to));
            break;
        }
        let Ok(close) = calendar.next_close(open) else {
            break;
        };
        let close = close.map_or(to, |c| c.min(to));
        if close <= open {
            break;
        }
        out.push((open, close));
        t = close;
    }
    out
}

/// Intervals in which `open` holds, from a list of (instant, opens?) toggles; an interval
/// still open at the end runs to `end`.
fn spans_of(
    toggles: &[(DateTime<Utc>, bool)],
    end: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut since = None;
    for &(at, on) in toggles {
        match (since, on) {
            (None, true) => since = Some(at),
            (Some(s), false) => {
                out.push((s, at));
                since = None;
            }
            _ => {}
        }
    }
    if let Some(s) = since {
        out.push((s, end.max(s)));
    }
    out
}

/// Periods of waiting for the customer, from the events up to `now`.
fn awaiting(incident: &Incident, now: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let toggles: Vec<(DateTime<Utc>, bool)> = incident
        .events()
        .iter()
        .take_while(|e| e.at <= now)
        .filter_map(|e| match e.kind.tag() {
            EventTag::AwaitingCustomer => Some((e.at, true)),
            EventTag::CustomerReplied => Some((e.at, false)),
            _ => None,
        })
        .collect();
    spans_of(&toggles, now)
}

/// Tick spacing candidates in hours.
const TICK_HOURS: [i64; 12] = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 2160];

/// Axis ticks at round local times of `tz` within the scale: (instant, label).
fn ticks(scale: &Scale, tz: Tz) -> Vec<(DateTime<Utc>, String)> {
    let hours = (scale.t1.saturating_sub(scale.t0) / 3600).max(1);
    let step = TICK_HOURS
        .iter()
        .copied()
        .find(|h| hours / h <= 10)
        .unwrap_or(2160);
    let date_of = |t: DateTime<Utc>| {
        crate::time::local_naive(&tz, t).map_or_else(|| t.date_naive(), |n| n.date())
    };
    let first = date_of(scale.start());
    let last = date_of(scale.end());
    let mut out = Vec::new();
    let mut date = first;
    // At most ~10 ticks by the choice of step; the date loop is bounded by the window.
    for _ in 0..=last
        .signed_duration_since(first)
        .num_days()
        .clamp(0, 200_000)
    {
        let hours_of_day: Vec<u32> = if step < 24 {
            (0..24)
                .step_by(usize::try_from(step).unwrap_or(24))
                .collect()
        } else if i64::from(date.num_days_from_ce()).rem_euclid(step / 24) == 0 {
            vec![0]
        } else {
            Vec::new()
        };
        for h in hours_of_day {
            let Some(local) = date.and_hms_opt(h, 0, 0) else {
                continue;
            };
            let Some(at) = tz.from_local_datetime(&local).earliest() else {
                continue; // a gap: no such wall-clock time
            };
            let at = at.with_timezone(&Utc);
            if at.timestamp() < scale.t0 || at.timestamp() > scale.t1 {
                continue;
            }
            let label = if h == 0 {
                local.format("%a %d %b").to_string()
            } else {
                local.format("%H:%M").to_string()
            };
            out.push((at, label));
        }
        match date.checked_add_days(Days::new(1)) {
            Some(d) => date = d,
            None => break,
        }
    }
    out
}

fn local(t: DateTime<Utc>, tz: Tz) -> String {
    match crate::time::local_naive(&tz, t) {
        Some(n) => n.format("%a %d %b %H:%M").to_string(),
        None => t.format("%a %d %b %H:%M UTC").to_string(),
    }
}

fn event_label(tag: EventTag) -> String {
    tag.as_str().replace('_', " ")
}

/// One incident's timeline as an SVG document.
///
/// Lanes, top to bottom: the time axis (ticks at round local times of the contract's business
/// zone, UTC for a zone-less calendar); the incident's events, with the periods of waiting
/// for the customer; one lane per metric of `report`, shaded where its clock's calendar has
/// business time, hatched where its clock was paused, with a bar from the clock's start
/// to fulfilment (or `now`), the deadline (dashed), and when the metric was met (green dot)
/// or breached (red cross at the breach, red dot at a late fulfilment); then, when `markers`
/// is not empty, a lane of the caller's markers (the hook for escalation steps); and a
/// vertical `now` line. The window runs from the report to the latest of `now`, the events,
/// the deadlines and the markers, with a margin.
///
/// `report` should be [`evaluate`](crate::evaluate())`(contract, incident, report.now)`;
/// the picture takes states, deadlines and fulfilment from it.
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use chrono::{DateTime, Utc};
/// use slacalc::contract::{Catalog, ContractTermsSpec};
/// use slacalc::report::svg::{timeline, Marker};
/// use slacalc::{evaluate, Contract, Event, EventKind, Incident};
///
/// let catalog: Catalog = serde_json::from_str(r#"{
///   "name": "Desk", "severities": [{"key": "high", "name": "High"}],
///   "calendars": {"office": {"timezone": "Europe/Berlin", "hours": {
///     "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
///     "thu": ["09:00-17:00"], "fri": ["09:00-17:00"]}}},
///   "plans": {"std": {"name": "Standard",
///     "targets": {"high": {"reaction": {"within": "4h"}}}}}
/// }"#)?;
/// let contract = Contract::new(Arc::new(catalog), ContractTermsSpec {
///     customer: "Smith & Sons".into(), plan: "std".into(), region: Some("office".into()),
///     ..ContractTermsSpec::default()
/// })?;
/// let t = |s: &str| s.parse::<DateTime<Utc>>();
/// let incident = Incident::new("T-1", vec![
///     Event::new(t("2026-11-27T14:00:00Z")?, EventKind::Reported {
///         severity: "high".into(), channel: None, contact: None }),
///     Event::new(t("2026-11-30T10:00:00Z")?, EventKind::Responded),
/// ])?;
/// let now = t("2026-11-30T12:00:00Z")?;
/// let report = evaluate(&contract, &incident, now)?;
/// let svg = timeline(&contract, &incident, &report,
///     &[Marker::new("escalated to team lead", t("2026-11-30T08:00:00Z")?)]);
/// assert!(svg.starts_with("<svg"));
/// assert!(svg.contains("Smith &amp; Sons"));
/// assert!(svg.contains("escalated to team lead"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn timeline(
    contract: &Contract,
    incident: &Incident,
    report: &Report,
    markers: &[Marker],
) -> String {
    let tz = contract.business_calendar().timezone().unwrap_or(Tz::UTC);
    let now = report.now;
    let start = incident.reported_at();
    let mut end = now.max(start);
    for e in incident.events() {
        end = end.max(e.at);
    }
    for m in &report.metrics {
        for t in [m.deadline, m.fulfilled_at, m.breached_at]
            .into_iter()
            .flatten()
        {
            end = end.max(t);
        }
    }
    for m in markers {
        end = end.max(m.at);
    }
    let span = end.timestamp().saturating_sub(start.timestamp()).max(3600);
    let margin = span / 20;
    let (width, x0, x1) = (1100_i64, 230_i64, 1060_i64);
    let scale = Scale {
        t0: start.timestamp().saturating_sub(margin),
        t1: start
            .timestamp()
            .saturating_add(span)
            .saturating_add(margin),
        x0,
        x1,
    };
    let lane_h = 58_i64;
    let axis_y = 78_i64;
    let events_y = axis_y.saturating_add(10);
    let events_h = 78_i64;
    let metrics_y = events_y.saturating_add(events_h).saturating_add(8);
    let n_metrics = i64::try_from(report.metrics.len()).unwrap_or(0);
    let markers_y = metrics_y.saturating_add(n_metrics.saturating_mul(lane_h));
    let markers_h = if markers.is_empty() {
        0
    } else {
        22_i64
            .saturating_mul(i64::try_from(markers.len().min(8)).unwrap_or(8))
            .saturating_add(16)
    };
    let legend_y = markers_y.saturating_add(markers_h).saturating_add(24);
    let height = legend_y.saturating_add(30);

    let mut out = String::new();
    put!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FONT}\" font-size=\"12\">\n"
    );
    put!(
        out,
        "<title>Incident {} timeline</title>\n<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888888\" stroke-width=\"2\"/></pattern></defs>\n",
        escape(incident.id())
    );
    put!(
        out,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n"
    );
    put!(
        out,
        "<text x=\"16\" y=\"26\" font-size=\"17\" font-weight=\"bold\">Incident {} — {}</text>\n",
        escape(if incident.id().is_empty() {
            "-"
        } else {
            incident.id()
        }),
        escape(&report.customer)
    );
    put!(
        out,
        "<text x=\"16\" y=\"46\" fill=\"#444444\">plan {}, severity {}, reported {}, as of {} ({})</text>\n",
        escape(&report.plan),
        escape(&report.severity),
        escape(&local(start, tz)),
        escape(&local(now, tz)),
        escape(tz.name())
    );

    // Axis and grid.
    let grid_bottom = markers_y.saturating_add(markers_h);
    put!(
        out,
        "<line x1=\"{x0}\" y1=\"{axis_y}\" x2=\"{x1}\" y2=\"{axis_y}\" stroke=\"#333333\"/>\n"
    );
    for (at, label) in ticks(&scale, tz) {
        let x = scale.x(at);
        put!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{grid_bottom}\" stroke=\"#dddddd\"/>\n<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{axis_y}\" stroke=\"#333333\"/>\n<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>\n",
            axis_y,
            axis_y.saturating_sub(5),
            axis_y.saturating_sub(9),
            escape(&label)
        );
    }

    // Events lane.
    put!(
        out,
        "<text x=\"16\" y=\"{}\" font-weight=\"bold\">events</text>\n<text x=\"16\" y=\"{}\" font-size=\"11\" fill=\"#444444\">orange: awaiting customer</text>\n",
        events_y.saturating_add(22),
        events_y.saturating_add(38)
    );
    for (a, b) in awaiting(incident, now) {
        let (xa, xb) = (scale.x(a), scale.x(b));
        put!(
            out,
            "<rect x=\"{xa}\" y=\"{}\" width=\"{}\" height=\"10\" fill=\"#f5a623\" opacity=\"0.8\"/>\n",
            events_y.saturating_add(4),
            xb.saturating_sub(xa).max(1)
        );
    }
    let mut last_x = [i64::MIN; 4];
    for e in incident.events() {
        let x = scale.x(e.at);
        let label = event_label(e.kind.tag());
        // Put each label on the first of four rows where it does not run into the previous
        // label (estimated at 6.5 px per character).
        let row = last_x.iter().position(|&lx| lx < x).unwrap_or(0);
        let w = i64::try_from(label.chars().count())
            .unwrap_or(0)
            .saturating_mul(13)
            / 2;
        if let Some(slot) = last_x.get_mut(row) {
            *slot = x.saturating_add(w).saturating_add(6);
        }
        let ty = events_y
            .saturating_add(28)
            .saturating_add(i64::try_from(row).unwrap_or(0).saturating_mul(14));
        put!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#333333\" stroke-width=\"1.5\"/>\n<text x=\"{}\" y=\"{ty}\" font-size=\"11\">{}</text>\n",
            events_y.saturating_add(2),
            ty.saturating_sub(4),
            x.saturating_add(2),
            escape(&label)
        );
    }

    // Metric lanes.
    for (k, m) in report.metrics.iter().enumerate() {
        let y = metrics_y.saturating_add(i64::try_from(k).unwrap_or(0).saturating_mul(lane_h));
        let (band_y, band_h) = (y.saturating_add(6), lane_h.saturating_sub(14));
        let mid = band_y.saturating_add(band_h / 2);
        put!(
            out,
            "<line x1=\"16\" y1=\"{y}\" x2=\"{x1}\" y2=\"{y}\" stroke=\"#cccccc\"/>\n<text x=\"16\" y=\"{}\" font-weight=\"bold\">{}</text>\n",
            y.saturating_add(18),
            escape(m.metric.as_str())
        );
        let target = match (&m.target, &m.clock) {
            (Some(t), Some(c)) => format!("{t} on {c}"),
            _ => "no target".to_owned(),
        };
        put!(
            out,
            "<text x=\"16\" y=\"{}\" font-size=\"11\" fill=\"#444444\">{}</text>\n<text x=\"16\" y=\"{}\" font-size=\"11\" fill=\"#444444\">{}, elapsed {}</text>\n",
            y.saturating_add(33),
            escape(&target),
            y.saturating_add(47),
            escape(m.state.as_str()),
            escape(&format_duration(m.elapsed))
        );
        let Some(calendar) = &m.calendar else {
            put!(
                out,
                "<text x=\"{}\" y=\"{}\" fill=\"#888888\">not covered by the plan for this severity</text>\n",
                x0.saturating_add(8),
                mid.saturating_add(4)
            );
            continue;
        };
        put!(
            out,
            "<rect x=\"{x0}\" y=\"{band_y}\" width=\"{}\" height=\"{band_h}\" fill=\"#f7f7f7\"/>\n",
            x1.saturating_sub(x0)
        );
        for (a, b) in business_intervals(calendar, scale.start(), scale.end()) {
            let (xa, xb) = (scale.x(a), scale.x(b));
            put!(
                out,
                "<rect x=\"{xa}\" y=\"{band_y}\" width=\"{}\" height=\"{band_h}\" fill=\"#cfe3f7\"/>\n",
                xb.saturating_sub(xa).max(1)
            );
        }
        for (a, b) in m
            .pauses
            .iter()
            .map(|p| (p.from, p.until.unwrap_or(now).max(p.from)))
        {
            let (xa, xb) = (scale.x(a), scale.x(b));
            put!(
                out,
                "<rect x=\"{xa}\" y=\"{band_y}\" width=\"{}\" height=\"{band_h}\" fill=\"url(#hatch)\" opacity=\"0.9\"/>\n",
                xb.saturating_sub(xa).max(1)
            );
        }
        // The span from the clock's start (the report while not started) to fulfilment or now.
        let from = m.started_at.unwrap_or(start);
        let stop = m.fulfilled_at.unwrap_or(now).min(now).max(from);
        let (xa, xb) = (scale.x(from), scale.x(stop));
        let colour = match m.state {
            MetricState::Met => "#2e7d32",
            MetricState::Breached => "#c62828",
            _ => "#1565c0",
        };
        put!(
            out,
            "<rect x=\"{xa}\" y=\"{}\" width=\"{}\" height=\"6\" fill=\"{colour}\"/>\n",
            mid.saturating_sub(3),
            xb.saturating_sub(xa).max(1)
        );
        if let Some(d) = m.deadline {
            let x = scale.x(d);
            put!(
                out,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#c62828\">due {}</text>\n",
                band_y.saturating_sub(2),
                band_y.saturating_add(band_h).saturating_add(2),
                x.saturating_add(4),
                band_y.saturating_add(11),
                escape(&local(d, tz))
            );
        }
        if let Some(b) = m.breached_at {
            let x = scale.x(b);
            put!(
                out,
                "<path d=\"M{} {} l10 10 m0 -10 l-10 10\" stroke=\"#c62828\" stroke-width=\"2.5\"/>\n",
                x.saturating_sub(5),
                mid.saturating_sub(5)
            );
        }
        if let Some(f) = m.fulfilled_at {
            let x = scale.x(f);
            let (fill, word) = if m.state == MetricState::Met {
                ("#2e7d32", "met")
            } else {
                ("#c62828", "late")
            };
            put!(
                out,
                "<circle cx=\"{x}\" cy=\"{mid}\" r=\"6\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{fill}\">{word} {}</text>\n",
                x.saturating_add(8),
                band_y.saturating_add(band_h).saturating_sub(3),
                escape(&local(f, tz))
            );
        }
    }

    // Markers (escalation steps and the like).
    if !markers.is_empty() {
        put!(
            out,
            "<line x1=\"16\" y1=\"{markers_y}\" x2=\"{x1}\" y2=\"{markers_y}\" stroke=\"#cccccc\"/>\n<text x=\"16\" y=\"{}\" font-weight=\"bold\">markers</text>\n",
            markers_y.saturating_add(18)
        );
        for (k, m) in markers.iter().enumerate() {
            let x = scale.x(m.at);
            let row = i64::try_from(k % 8).unwrap_or(0);
            let ty = markers_y
                .saturating_add(18)
                .saturating_add(row.saturating_mul(22));
            put!(
                out,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#6a1b9a\" stroke-width=\"1.5\"/>\n<circle cx=\"{x}\" cy=\"{}\" r=\"3.5\" fill=\"#6a1b9a\"/>\n<text x=\"{}\" y=\"{ty}\" font-size=\"11\" fill=\"#6a1b9a\">{}</text>\n",
                markers_y.saturating_add(4),
                ty.saturating_add(4),
                ty.saturating_sub(4),
                x.saturating_add(6),
                escape(&m.label)
            );
        }
    }

    // Now.
    let xn = scale.x(now);
    put!(
        out,
        "<line x1=\"{xn}\" y1=\"{}\" x2=\"{xn}\" y2=\"{grid_bottom}\" stroke=\"#000000\" stroke-width=\"1.5\"/>\n<text x=\"{xn}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\">now</text>\n",
        axis_y.saturating_add(2),
        grid_bottom.saturating_add(13)
    );

    // Legend.
    let items: [(&str, &str); 6] = [
        ("<rect width=\"14\" height=\"10\" y=\"-9\" fill=\"#cfe3f7\"/>", "business time of the metric's clock"),
        ("<rect width=\"14\" height=\"10\" y=\"-9\" fill=\"url(#hatch)\"/>", "paused"),
        ("<rect width=\"14\" height=\"6\" y=\"-7\" fill=\"#1565c0\"/>", "report to fulfilment or now"),
        ("<line x1=\"7\" y1=\"-11\" x2=\"7\" y2=\"3\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>", "deadline"),
        ("<circle cx=\"7\" cy=\"-4\" r=\"5\" fill=\"#2e7d32\"/>", "met"),
        ("<path d=\"M2 -9 l10 10 m0 -10 l-10 10\" stroke=\"#c62828\" stroke-width=\"2.5\"/>", "breached"),
    ];
    let mut lx = 16_i64;
    for (swatch, text) in items {
        put!(
            out,
            "<g transform=\"translate({lx},{legend_y})\">{swatch}<text x=\"20\" y=\"0\" font-size=\"11\">{}</text></g>\n",
            escape(text)
        );
        let w = i64::try_from(text.chars().count())
            .unwrap_or(0)
            .saturating_mul(13)
            / 2;
        lx = lx.saturating_add(w).saturating_add(44);
    }
    out.push_str("</svg>\n");
    out
}

/// Percent to pixels of a bar `width` wide: `round(p × width / 100)`, clamped to the bar.
fn percent_px(p: Decimal, width: i64) -> i64 {
    p.checked_mul(Decimal::from(width))
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
        .map(|v| v.round())
        .and_then(|v| v.to_i64())
        .unwrap_or(0)
        .clamp(0, width)
}

/// A horizontal bar chart of compliance rows: one bar per row (compliance in percent, green
/// when the target is met, red when missed, blue without a target), the row's target as a
/// black tick across its bar, and the figures at the right. Rows are grouped under their
/// customer as given (pass [`ComplianceReport::rows`](super::ComplianceReport::rows) or
/// [`totals`](super::ComplianceReport::totals)). A row without a compliance figure (nothing
/// met or breached) says why instead of drawing a bar.
///
/// ```
/// use slacalc::report::svg::compliance_chart;
///
/// let svg = compliance_chart("November <2026>", &[]);
/// assert!(svg.starts_with("<svg"));
/// assert!(svg.contains("November &lt;2026&gt;"));
/// ```
pub fn compliance_chart(title: &str, rows: &[ComplianceRow]) -> String {
    let label = |r: &ComplianceRow| format!("severity {} · {}", r.severity, r.metric);
    let label_chars = rows
        .iter()
        .map(|r| label(r).chars().count())
        .max()
        .unwrap_or(10);
    let label_w = i64::try_from(label_chars)
        .unwrap_or(40)
        .saturating_mul(7)
        .clamp(120, 360);
    // Customer headings (bold, 13 px: about 8.5 px per character) start at x = 16.
    let heading_chars = rows
        .iter()
        .map(|r| r.customer.chars().count())
        .max()
        .unwrap_or(0);
    let heading_w = i64::try_from(heading_chars)
        .unwrap_or(40)
        .saturating_mul(17)
        / 2;
    let x0 = label_w
        .saturating_add(32)
        .max(heading_w.saturating_add(40))
        .min(420);
    let bar_w = 520_i64;
    let x1 = x0.saturating_add(bar_w);
    let width = x1.saturating_add(330);
    let bar_h = 18_i64;
    let row_h = 28_i64;
    let top = 84_i64;
    // Lay out rows and customer headings.
    let mut layout: Vec<(i64, Option<&ComplianceRow>, &str)> = Vec::new();
    let mut y = top;
    let mut customer: Option<&str> = None;
    for r in rows {
        if customer != Some(r.customer.as_str()) {
            customer = Some(r.customer.as_str());
            y = y.saturating_add(8);
            layout.push((y, None, r.customer.as_str()));
            y = y.saturating_add(24);
        }
        layout.push((y, Some(r), ""));
        y = y.saturating_add(row_h);
    }
    let bottom = y.saturating_add(6);
    let height = bottom.saturating_add(56);

    let mut out = String::new();
    put!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FONT}\" font-size=\"12\">\n<title>{}</title>\n",
        escape(title)
    );
    put!(
        out,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n"
    );
    put!(
        out,
        "<text x=\"16\" y=\"28\" font-size=\"17\" font-weight=\"bold\">{}</text>\n<text x=\"16\" y=\"48\" fill=\"#444444\">share of met and breached incidents that were met in time; black tick: target</text>\n",
        escape(title)
    );
    // Grid every 10 %, labelled every 20 %.
    for p in (0..=100_i64).step_by(10) {
        let x = x0.saturating_add(percent_px(Decimal::from(p), bar_w));
        let stroke = if p % 50 == 0 { "#bbbbbb" } else { "#e4e4e4" };
        put!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"{stroke}\"/>\n",
            top.saturating_sub(10)
        );
        if p % 20 == 0 {
            for ty in [top.saturating_sub(14), bottom.saturating_add(16)] {
                put!(
                    out,
                    "<text x=\"{x}\" y=\"{ty}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444444\">{p} %</text>\n"
                );
            }
        }
    }
    for (y, row, heading) in layout {
        let Some(r) = row else {
            put!(
                out,
                "<text x=\"16\" y=\"{}\" font-weight=\"bold\" font-size=\"13\">{}</text>\n",
                y.saturating_add(14),
                escape(heading)
            );
            continue;
        };
        let text_y = y.saturating_add(bar_h).saturating_sub(4);
        put!(
            out,
            "<text x=\"{}\" y=\"{text_y}\" text-anchor=\"end\">{}</text>\n",
            x0.saturating_sub(10),
            escape(&label(r))
        );
        let figures = match r.compliance {
            Some(c) => {
                let fill = match r.outcome {
                    Some(TargetOutcome::Met) => "#2e7d32",
                    Some(TargetOutcome::Missed) => "#c62828",
                    None => "#1565c0",
                };
                let w = percent_px(c, bar_w);
                put!(
                    out,
                    "<rect x=\"{x0}\" y=\"{y}\" width=\"{w}\" height=\"{bar_h}\" fill=\"{fill}\"/>\n"
                );
                let target = r
                    .target
                    .map(|t| format!(", target {t} %"))
                    .unwrap_or_default();
                format!(
                    "{c} % of {} ({} late){target}",
                    r.met.saturating_add(r.breached),
                    r.breached
                )
            }
            None if r.not_covered > 0 && r.not_covered == r.incidents => {
                format!("not covered ({} incidents)", r.incidents)
            }
            None => format!("nothing met or breached yet ({} open)", r.open),
        };
        if let Some(t) = r.target.filter(|_| r.compliance.is_some()) {
            let x = x0.saturating_add(percent_px(t, bar_w));
            put!(
                out,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#000000\" stroke-width=\"3\"/>\n",
                y.saturating_sub(4),
                y.saturating_add(bar_h).saturating_add(4)
            );
        }
        put!(
            out,
            "<text x=\"{}\" y=\"{text_y}\">{}</text>\n",
            x1.saturating_add(12),
            escape(&figures)
        );
    }
    // Legend.
    let ly = bottom.saturating_add(40);
    let items = [
        ("#2e7d32", "target met"),
        ("#c62828", "target missed"),
        ("#1565c0", "no target"),
    ];
    let mut lx = 16_i64;
    for (fill, text) in items {
        put!(
            out,
            "<rect x=\"{lx}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{fill}\"/>\n<text x=\"{}\" y=\"{ly}\" font-size=\"11\">{text}</text>\n",
            ly.saturating_sub(9),
            lx.saturating_add(20)
        );
        lx = lx.saturating_add(130);
    }
    put!(
        out,
        "<line x1=\"{lx}\" y1=\"{}\" x2=\"{lx}\" y2=\"{}\" stroke=\"#000000\" stroke-width=\"3\"/>\n<text x=\"{}\" y=\"{ly}\" font-size=\"11\">compliance target</text>\n",
        ly.saturating_sub(11),
        ly.saturating_add(3),
        lx.saturating_add(8)
    );
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_px_rounds_and_clamps() {
        assert_eq!(percent_px(Decimal::from(50), 520), 260);
        assert_eq!(percent_px(Decimal::from(150), 520), 520);
        assert_eq!(percent_px(Decimal::from(-5), 520), 0);
    }

    #[test]
    fn escape_controls() {
        assert_eq!(escape("a\u{1}b"), "a\u{FFFD}b");
        assert_eq!(escape("x'y"), "x&apos;y");
    }

    #[test]
    fn scale_clamps() {
        let s = Scale {
            t0: 0,
            t1: 100,
            x0: 10,
            x1: 110,
        };
        let at = |t| DateTime::from_timestamp(t, 0).unwrap_or_default();
        assert_eq!(s.x(at(-50)), 10);
        assert_eq!(s.x(at(50)), 60);
        assert_eq!(s.x(at(500)), 110);
    }
}
