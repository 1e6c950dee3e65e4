//! An incident's timeline as SVG: the layout, then one named part per lane.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::axis::{ticks, Scale};
use super::lanes::{awaiting, business_intervals};
use super::xml::{escape, FONT};
use crate::contract::Contract;
use crate::evaluate::{MetricReport, MetricState, Report};
use crate::incident::{EventTag, Incident};
use crate::time::format_duration;

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

fn local(t: DateTime<Utc>, tz: Tz) -> String {
    match crate::time::local_naive(&tz, t) {
        Some(n) => n.format("%a %d %b %H:%M").to_string(),
        None => t.format("%a %d %b %H:%M UTC").to_string(),
    }
}

fn event_label(tag: EventTag) -> String {
    tag.as_str().replace('_', " ")
}

/// Where everything of a timeline goes: the zone of its labels, the time scale, and the
/// vertical position of each lane (pixels from the top).
#[derive(Clone, Copy, Debug)]
struct Layout {
    /// The zone of the axis and of the labels.
    tz: Tz,
    /// The report's `now`.
    now: DateTime<Utc>,
    /// When the incident was reported.
    start: DateTime<Utc>,
    /// Instants to pixels.
    scale: Scale,
    width: i64,
    height: i64,
    /// The left and right ends of the time axis.
    x0: i64,
    x1: i64,
    /// The height of one metric lane.
    lane_h: i64,
    axis_y: i64,
    events_y: i64,
    metrics_y: i64,
    markers_y: i64,
    legend_y: i64,
    /// Where the grid lines and the `now` line end.
    grid_bottom: i64,
}

impl Layout {
    /// The window runs from the report to the latest of `now`, the events, the deadlines and
    /// the markers, with a margin of a twentieth on each side; lanes are stacked below the
    /// axis.
    fn new(
        contract: &Contract,
        incident: &Incident,
        report: &Report,
        markers: &[Marker],
    ) -> Layout {
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
        let grid_bottom = markers_y.saturating_add(markers_h);
        Layout {
            tz,
            now,
            start,
            scale,
            width,
            height,
            x0,
            x1,
            lane_h,
            axis_y,
            events_y,
            metrics_y,
            markers_y,
            legend_y,
            grid_bottom,
        }
    }
}

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
/// use slacalc::{Catalog, ContractSpec};
/// use slacalc::report::{timeline, Marker};
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
/// let contract = Contract::new(Arc::new(catalog), ContractSpec {
///     customer: "Smith & Sons".into(), plan: "std".into(), region: Some("office".into()),
///     ..ContractSpec::default()
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
    let layout = Layout::new(contract, incident, report, markers);
    let mut out = String::new();
    header(&mut out, &layout, incident, report);
    axis(&mut out, &layout);
    events_lane(&mut out, &layout, incident);
    for (k, m) in report.metrics.iter().enumerate() {
        metric_lane(&mut out, &layout, k, m);
    }
    markers_lane(&mut out, &layout, markers);
    now_line(&mut out, &layout);
    legend(&mut out, &layout);
    out.push_str("</svg>\n");
    out
}

/// The document's opening: size, title, the hatch pattern, the background and the two
/// heading lines.
fn header(out: &mut String, layout: &Layout, incident: &Incident, report: &Report) {
    let Layout {
        tz,
        now,
        start,
        width,
        height,
        ..
    } = *layout;
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
}

/// The time axis with its ticks, and the vertical grid lines.
fn axis(out: &mut String, layout: &Layout) {
    let Layout {
        tz,
        scale,
        x0,
        x1,
        axis_y,
        grid_bottom,
        ..
    } = *layout;
    // Axis and grid.
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
}

/// The events lane: the periods of waiting for the customer, and each event as a line
/// with its label on the first of four rows where it fits.
fn events_lane(out: &mut String, layout: &Layout, incident: &Incident) {
    let Layout {
        now,
        scale,
        events_y,
        ..
    } = *layout;
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
}

/// The lane of the `k`-th metric: the business time of its clock's calendar, its pauses,
/// the bar from its start to fulfilment or now, the deadline, the breach and the
/// fulfilment.
fn metric_lane(out: &mut String, layout: &Layout, k: usize, m: &MetricReport) {
    let Layout {
        tz,
        now,
        start,
        scale,
        x0,
        x1,
        lane_h,
        metrics_y,
        ..
    } = *layout;
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
        return;
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

/// The markers lane (escalation steps and the like), when there are markers.
fn markers_lane(out: &mut String, layout: &Layout, markers: &[Marker]) {
    let Layout {
        scale,
        x1,
        markers_y,
        ..
    } = *layout;
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
}

/// The vertical `now` line.
fn now_line(out: &mut String, layout: &Layout) {
    let Layout {
        now,
        scale,
        axis_y,
        grid_bottom,
        ..
    } = *layout;
    // Now.
    let xn = scale.x(now);
    put!(
        out,
        "<line x1=\"{xn}\" y1=\"{}\" x2=\"{xn}\" y2=\"{grid_bottom}\" stroke=\"#000000\" stroke-width=\"1.5\"/>\n<text x=\"{xn}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\">now</text>\n",
        axis_y.saturating_add(2),
        grid_bottom.saturating_add(13)
    );
}

/// The legend below the lanes.
fn legend(out: &mut String, layout: &Layout) {
    let Layout { legend_y, .. } = *layout;
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
}
