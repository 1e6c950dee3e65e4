//! A compliance bar chart as SVG.

use std::fmt::Write as _;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::xml::{escape, FONT};
use crate::evaluate::TargetOutcome;
use crate::report::{count, ComplianceRow};

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
/// customer as given (pass [`ComplianceReport::rows`](crate::report::ComplianceReport::rows) or
/// [`totals`](crate::report::ComplianceReport::totals)). A row without a compliance figure (nothing
/// met or breached) says why instead of drawing a bar.
///
/// ```
/// use slacalc::report::compliance_chart;
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
                format!("not covered ({})", count(r.incidents, "incident"))
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
}
