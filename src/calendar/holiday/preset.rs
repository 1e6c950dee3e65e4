//! Built-in holiday presets: JSON files under `src/calendar/holiday/presets/`, one per key,
//! embedded at compile time and parsed lazily, once per process, the first time they are used;
//! and the closest key to an unknown one.

use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use super::rule::Rule;
use super::spec::HolidaySpec;
use crate::error::Error;

/// Declares the embedded preset files: `KEYS` (sorted) and `SOURCES` (key, file text).
macro_rules! presets {
    ($($key:literal),* $(,)?) => {
        /// Keys of the built-in presets, sorted, in the order of [`SOURCES`].
        pub(crate) const KEYS: &[&str] = &[$($key),*];
        /// The embedded preset files, by key.
        const SOURCES: &[(&str, &str)] = &[$(($key, include_str!(concat!("presets/", $key, ".json")))),*];
        /// How many presets there are.
        const COUNT: usize = [$($key),*].len();
    };
}

presets![
    "ae", "ar", "at", "au", "au-act", "au-nsw", "au-nt", "au-qld", "au-sa", "au-tas", "au-vic",
    "au-wa", "be", "bg", "br", "ca", "ca-ab", "ca-bc", "ca-mb", "ca-nb", "ca-nl", "ca-ns", "ca-nt",
    "ca-nu", "ca-on", "ca-pe", "ca-qc", "ca-sk", "ca-yt", "ch", "ch-ag", "ch-ai", "ch-ar", "ch-be",
    "ch-bl", "ch-bs", "ch-fr", "ch-ge", "ch-gl", "ch-gr", "ch-ju", "ch-lu", "ch-ne", "ch-nw",
    "ch-ow", "ch-sg", "ch-sh", "ch-so", "ch-sz", "ch-tg", "ch-ti", "ch-ur", "ch-vd", "ch-vs",
    "ch-zg", "ch-zh", "cl", "cn", "co", "cy", "cz", "de", "de-bb", "de-be", "de-bw", "de-by",
    "de-hb", "de-he", "de-hh", "de-mv", "de-ni", "de-nw", "de-rp", "de-sh", "de-sl", "de-sn",
    "de-st", "de-th", "dk", "ee", "eg", "es", "es-an", "es-ar", "es-as", "es-cb", "es-ce", "es-cl",
    "es-cm", "es-cn", "es-ct", "es-ex", "es-ga", "es-ib", "es-mc", "es-md", "es-ml", "es-nc",
    "es-pv", "es-ri", "es-vc", "fi", "fr", "gb", "gb-eng", "gb-nir", "gb-sct", "gb-wls", "gr",
    "hk", "hr", "hu", "id", "ie", "il", "in", "is", "it", "jp", "ke", "kr", "li", "lt", "lu", "lv",
    "ma", "mt", "mx", "my", "ng", "nl", "no", "nz", "pe", "ph", "pl", "pt", "ro", "rs", "ru", "sa",
    "se", "sg", "si", "sk", "th", "tr", "tw", "ua", "us", "us-ak", "us-al", "us-ar", "us-az",
    "us-ca", "us-co", "us-ct", "us-dc", "us-de", "us-fl", "us-ga", "us-hi", "us-ia", "us-id",
    "us-il", "us-in", "us-ks", "us-ky", "us-la", "us-ma", "us-md", "us-me", "us-mi", "us-mn",
    "us-mo", "us-ms", "us-mt", "us-nc", "us-nd", "us-ne", "us-nh", "us-nj", "us-nm", "us-nv",
    "us-ny", "us-oh", "us-ok", "us-or", "us-pa", "us-ri", "us-sc", "us-sd", "us-tn", "us-tx",
    "us-ut", "us-va", "us-vt", "us-wa", "us-wi", "us-wv", "us-wy", "vn", "za",
];

/// A parsed, validated preset.
#[derive(Debug)]
pub(crate) struct Preset {
    pub(crate) country: String,
    pub(crate) subdivision: Option<String>,
    pub(crate) about: String,
    /// Every rule, included presets expanded.
    pub(crate) rules: Vec<Rule>,
}

/// The file form of a preset.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetFile {
    name: String,
    /// The country's English short name.
    country: String,
    /// The subdivision's English name, for a subdivision's preset.
    #[serde(default)]
    subdivision: Option<String>,
    about: String,
    holidays: Vec<HolidaySpec>,
}

static CELLS: [OnceLock<Result<Arc<Preset>, Error>>; COUNT] = [const { OnceLock::new() }; COUNT];

fn unknown(name: &str) -> Error {
    Error::UnknownPreset {
        path: String::new(),
        name: name.to_owned(),
        closest: closest(name).map(str::to_owned),
    }
}

/// The preset `name`, parsed on first use. `including` lists the presets being expanded (to
/// reject a preset that includes itself). An unknown or self-including name is an error with a
/// path relative to the reference (empty), which the caller locates; a preset file that does
/// not load is an [`Error::Parse`] naming the file, which no path prefix changes.
pub(crate) fn get(name: &str, including: &[&str]) -> Result<Arc<Preset>, Error> {
    let idx = KEYS.binary_search(&name).map_err(|_| unknown(name))?;
    if including.contains(&name) {
        return Err(Error::InvalidValue {
            path: String::new(),
            value: name.to_owned(),
            expected: format!(
                "a preset that does not include itself (via {})",
                including.join(" → ")
            ),
        });
    }
    let (Some(cell), Some((_, text))) = (CELLS.get(idx), SOURCES.get(idx)) else {
        return Err(unknown(name));
    };
    cell.get_or_init(|| load(name, text, including).map(Arc::new))
        .clone()
}

fn load(name: &str, text: &str, including: &[&str]) -> Result<Preset, Error> {
    let parse_error = |message: String| Error::Parse {
        format: "JSON".into(),
        message: format!("holiday preset `{name}`: {message}"),
    };
    let file: PresetFile = serde_json::from_str(text).map_err(|e| parse_error(e.to_string()))?;
    if file.name != name {
        return Err(parse_error(format!("file names itself `{}`", file.name)));
    }
    let mut stack = including.to_vec();
    stack.push(name);
    let mut rules = Vec::new();
    super::compile_into(&file.holidays, &stack, &mut rules).map_err(|e| match e {
        // A preset it includes that does not load: that file's error.
        Error::Parse { .. } => e,
        e => parse_error(e.at("holidays").to_string()),
    })?;
    Ok(Preset {
        country: file.country,
        subdivision: file.subdivision,
        about: file.about,
        rules,
    })
}

/// Levenshtein distance between two short strings, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = i;
        let mut next = Vec::with_capacity(row.len());
        next.push(i.saturating_add(1));
        for (j, cb) in b.iter().enumerate() {
            let del = row
                .get(j + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .saturating_add(1);
            let ins = next.last().copied().unwrap_or(usize::MAX).saturating_add(1);
            let sub = diag.saturating_add(usize::from(ca != *cb));
            diag = row.get(j + 1).copied().unwrap_or(usize::MAX);
            next.push(del.min(ins).min(sub));
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

/// The built-in key closest to `name` (case-insensitive edit distance; ties go to the first
/// key in sorted order). `None` only when there are no presets.
pub(crate) fn closest(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase().replace('_', "-");
    KEYS.iter().copied().min_by_key(|k| distance(&lower, k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Holidays;

    #[test]
    fn keys_are_sorted_and_unique() {
        assert!(KEYS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Holidays::PRESETS, KEYS);
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("gb-sco", "gb-sct"), 1);
        assert_eq!(distance("de-by", "de-bw"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
    }

    #[test]
    fn closest_key_ignores_case_and_underscores() {
        assert_eq!(closest("DE-BY"), Some("de-by"));
        assert_eq!(closest("gb_sct"), Some("gb-sct"));
        assert_eq!(closest("gb-sco"), Some("gb-sct"));
        assert_eq!(closest("pol"), Some("pl"));
        assert_eq!(
            Holidays::preset("gb-scotland").unwrap_err().to_string(),
            "preset: unknown holiday preset `gb-scotland`: the closest preset is `gb-sct` \
             (Holidays::PRESETS lists all)"
        );
    }

    #[test]
    fn a_preset_file_that_does_not_load_names_the_file_wherever_it_is_included() {
        let file = |holidays: &str| {
            format!(r#"{{"name": "x", "country": "X", "about": "", "holidays": {holidays}}}"#)
        };
        let e = load("x", &file(r#"[{"month": 13, "day": 1}]"#), &[]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot parse JSON: holiday preset `x`: holidays[0].month: invalid value `13`: \
             expected a month from 1 to 12"
        );
        // A path prefix from where the preset is used leaves it as it is.
        assert_eq!(e.clone().at("holidays[2].preset"), e);
        let e = load("x", &file(r#"["2026-01-01", {"preset": "de"}]"#), &["de"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot parse JSON: holiday preset `x`: holidays[1].preset: invalid value `de`: \
             expected a preset that does not include itself (via de → x)"
        );
    }
}
