//! XML text: escaping and the font every picture uses.

pub(super) const FONT: &str = "DejaVu Sans, Arial, sans-serif";

/// Escapes text for SVG/XML content and attribute values: `&`, `<`, `>`, `"` and `'` as
/// entities, control characters other than tab and line ends (not allowed in XML 1.0) as
/// U+FFFD.
pub(crate) fn escape(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_entities() {
        assert_eq!(
            escape(r#"Smith & "Co" <GmbH>"#),
            "Smith &amp; &quot;Co&quot; &lt;GmbH&gt;"
        );
    }

    #[test]
    fn escape_controls() {
        assert_eq!(escape("a\u{1}b"), "a\u{FFFD}b");
        assert_eq!(escape("x'y"), "x&apos;y");
    }
}
