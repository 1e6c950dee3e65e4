//! Built-in holiday presets: JSON files under `src/calendar/holiday/presets/`, one per key,
//! embedded at compile time and parsed lazily, once per process, the first time they are used.

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

presets!["de", "de-by", "fr", "gb-eng", "us"];

/// A parsed, validated preset.
#[derive(Debug)]
pub(crate) struct Preset {
    pub(crate) about: String,
    /// Every rule, included presets expanded.
    pub(crate) rules: Vec<Rule>,
}

/// The file form of a preset.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetFile {
    name: String,
    about: String,
    holidays: Vec<HolidaySpec>,
}

static CELLS: [OnceLock<Result<Arc<Preset>, Error>>; COUNT] = [const { OnceLock::new() }; COUNT];

fn unknown(path: &str, name: &str) -> Error {
    Error::UnknownName {
        path: path.to_owned(),
        kind: "holiday preset".into(),
        name: name.to_owned(),
        known: KEYS.iter().map(|n| (*n).to_owned()).collect(),
    }
}

/// The preset `name`, parsed on first use. `path` locates the reference for the error;
/// `including` lists the presets being expanded (to reject a preset that includes itself).
pub(crate) fn get(name: &str, path: &str, including: &[&str]) -> Result<Arc<Preset>, Error> {
    let idx = SOURCES
        .iter()
        .position(|(n, _)| *n == name)
        .ok_or_else(|| unknown(path, name))?;
    if including.contains(&name) {
        return Err(Error::InvalidValue {
            path: path.to_owned(),
            value: name.to_owned(),
            expected: format!(
                "a preset that does not include itself (via {})",
                including.join(" → ")
            ),
        });
    }
    let (Some(cell), Some((_, text))) = (CELLS.get(idx), SOURCES.get(idx)) else {
        return Err(unknown(path, name));
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
    super::compile_into(
        &file.holidays,
        &format!("preset {name}: holidays"),
        &stack,
        &mut rules,
    )?;
    Ok(Preset {
        about: file.about,
        rules,
    })
}
