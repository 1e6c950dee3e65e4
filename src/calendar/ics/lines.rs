//! RFC 5545 content lines: unfolding (section 3.1) with the number of each logical line's
//! first physical line, and the split of a line into name, parameters and value.

use super::invalid;
use crate::error::Error;

/// One unfolded content line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ContentLine {
    /// The 1-based number of the line's first physical line.
    pub(super) number: usize,
    /// The property name, upper-cased (names are case-insensitive).
    pub(super) name: String,
    /// `(NAME, value)` of each parameter, names upper-cased, values unquoted.
    pub(super) params: Vec<(String, String)>,
    /// The raw value (escapes not resolved).
    pub(super) value: String,
}

impl ContentLine {
    /// The value of parameter `name` (upper case), if given.
    pub(super) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Where the line is, for errors: `line 12 DTSTART`.
    pub(super) fn path(&self) -> String {
        format!("line {} {}", self.number, self.name)
    }
}

/// Lines of at most this many bytes after unfolding (RFC 5545 folds at 75 octets; a long
/// description of a holiday is still far shorter).
pub(super) const MAX_LINE_BYTES: usize = 16 * 1024;

/// The unfolded content lines of `text`. Empty lines are skipped. A line that starts with a
/// space or a tab continues the previous one (the space or tab removed).
///
/// # Errors
///
/// [`Error::InvalidValue`] naming the line: a continuation before any line, a line longer
/// than [`MAX_LINE_BYTES`], a line without a name or without `:`, an unterminated quoted
/// parameter value, a parameter without `=`.
pub(super) fn content_lines(text: &str) -> Result<Vec<ContentLine>, Error> {
    let mut logical: Vec<(usize, String)> = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let number = index.saturating_add(1);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            match logical.last_mut() {
                Some((first, line)) => {
                    line.push_str(rest);
                    if line.len() > MAX_LINE_BYTES {
                        return Err(too_long(*first));
                    }
                }
                None => return Err(invalid(
                    &format!("line {number}"),
                    raw,
                    "a content line `NAME:value` (a folded continuation needs a line before it)",
                )),
            }
        } else if !raw.is_empty() {
            if raw.len() > MAX_LINE_BYTES {
                return Err(too_long(number));
            }
            logical.push((number, raw.to_owned()));
        }
    }
    logical
        .into_iter()
        .map(|(number, line)| parse_line(number, &line))
        .collect()
}

fn too_long(number: usize) -> Error {
    invalid(
        &format!("line {number}"),
        format!("more than {MAX_LINE_BYTES} bytes"),
        "a shorter content line",
    )
}

/// Splits one logical line: `NAME *(";" param) ":" value`, parameter values possibly quoted.
fn parse_line(number: usize, line: &str) -> Result<ContentLine, Error> {
    let where_ = format!("line {number}");
    let name_end = line.find([';', ':']).unwrap_or(line.len());
    let name = line.get(..name_end).unwrap_or("");
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(invalid(
            &where_,
            line,
            "a content line `NAME;PARAM=value:value` with a name of letters, digits and `-`",
        ));
    }
    let name = name.to_ascii_uppercase();
    let at = |msg: &str| invalid(&format!("line {number} {name}"), line, msg);
    let mut params = Vec::new();
    let mut rest = line.get(name_end..).unwrap_or("");
    loop {
        if let Some(value) = rest.strip_prefix(':') {
            return Ok(ContentLine {
                number,
                name,
                params,
                value: value.to_owned(),
            });
        }
        let Some(param) = rest.strip_prefix(';') else {
            return Err(at("`:` before the value"));
        };
        let eq = param
            .find('=')
            .ok_or_else(|| at("parameters `NAME=value`"))?;
        let (pname, after) = param.split_at(eq);
        let after = after.get(1..).unwrap_or("");
        if pname.is_empty() || pname.contains([':', ';']) {
            return Err(at("parameters `NAME=value`"));
        }
        // The value: quoted (up to the closing quote) or up to the next `;` or `:`; a list of
        // values separated by commas stays as written.
        let mut value = String::new();
        let mut end = after.len();
        let mut quoted = false;
        for (i, c) in after.char_indices() {
            match c {
                '"' if !quoted => quoted = true,
                '"' => quoted = false,
                ';' | ':' if !quoted => {
                    end = i;
                    break;
                }
                c => value.push(c),
            }
        }
        if quoted {
            return Err(at("a closing `\"` in a quoted parameter value"));
        }
        params.push((pname.to_ascii_uppercase(), value));
        rest = after.get(end..).unwrap_or("");
    }
}

/// The TEXT value `raw` with RFC 5545 escapes resolved (`\\`, `\;`, `\,`, `\n`).
pub(super) fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` as a TEXT value, escaped.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// `line` folded at 75 octets (never inside a character), with CRLF endings.
pub(super) fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolds_and_splits() {
        let text = "BEGIN:VEVENT\r\nSUMMARY;LANGUAGE=de:Tag der\r\n  Deutschen Einheit\r\n\r\nDTSTART;VALUE=DATE;X-A=\"a:b;c\":20261003\nEND:VEVENT";
        let lines = content_lines(text).unwrap();
        assert_eq!(lines.len(), 4);
        let summary = &lines[1];
        assert_eq!((summary.number, summary.name.as_str()), (2, "SUMMARY"));
        assert_eq!(summary.value, "Tag der Deutschen Einheit");
        assert_eq!(summary.param("LANGUAGE"), Some("de"));
        let start = &lines[2];
        assert_eq!(start.number, 5);
        assert_eq!(start.param("VALUE"), Some("DATE"));
        assert_eq!(start.param("X-A"), Some("a:b;c"));
        assert_eq!(start.value, "20261003");
    }

    #[test]
    fn malformed_lines_name_their_line() {
        let cases = [
            (
                "A:b\r\nno colon here",
                "line 2: invalid value `no colon here`",
            ),
            (" lead", "line 1: invalid value ` lead`"),
            ("X;P=\"open:v", "line 1 X: invalid value `X;P=\"open:v`"),
            ("DTSTART;VALUE:x", "line 1 DTSTART: invalid value"),
        ];
        for (text, start) in cases {
            let e = content_lines(text).unwrap_err().to_string();
            assert!(e.starts_with(start), "{text:?}: {e}");
        }
    }

    #[test]
    fn text_escapes_round_trip() {
        let s = "a, b; c\\d\nnew";
        assert_eq!(escape(s), "a\\, b\\; c\\\\d\\nnew");
        assert_eq!(unescape(&escape(s)), s);
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        let unfolded = content_lines(&out).unwrap();
        assert_eq!(unfolded[0].value, "é".repeat(60));
    }
}
