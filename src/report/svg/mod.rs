//! Pictures as SVG text: an incident's timeline and a compliance bar chart.
//!
//! Pure functions: they return the SVG document as a `String` and do no I/O. The output is
//! deterministic (the same input gives byte-identical SVG: integer pixel arithmetic, no hash
//! maps, no clock) and every piece of caller text (identifiers, customer names, labels) is
//! escaped as XML (`&`, `<`, `>`, `"`, `'`). Text uses the generic `sans-serif` family with
//! `DejaVu Sans` and `Arial` first.
//!
//! One concept per file: [`timeline`] (its layout and one part per lane), the time axis
//! (`axis`), what the lanes shade (`lanes`), [`compliance_chart`] (`chart`), and XML escaping
//! (`xml`).

/// Appends formatted text to the document (writing to a `String` cannot fail).
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        let _ = write!($out, $($arg)*);
    };
}

mod axis;
mod chart;
mod lanes;
mod timeline;
mod xml;

pub use chart::compliance_chart;
pub use timeline::{timeline, Marker};
