//! What every configuration type shares when it is deserialized: maps that refuse a duplicate
//! key, error messages that name the path of the offending value, internally tagged enums
//! whose unit variants refuse stray fields, and the strict readers of instants and counts.
//!
//! # Paths in serde errors
//!
//! The top-level configuration types ([`Catalog`](crate::Catalog),
//! [`CatalogSpec`](crate::contract::CatalogSpec), [`Calendar`](crate::Calendar),
//! [`ContractSpec`](crate::ContractSpec), [`Incident`](crate::Incident),
//! [`FeeSchedule`](crate::money::FeeSchedule), …) deserialize through [`tracked`], which runs
//! the derived deserializer under `serde_path_to_error` and puts the path in front of the
//! parser's message: `events[3].at: invalid instant …`. A type nested in another tracked
//! type does not track again (a thread-local depth counter tells), so the path is always the
//! one from the document's root, whatever entry point (`serde_json::from_str`,
//! `toml::from_str`, …) the caller uses.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

thread_local! {
    /// How many tracked deserializations are running on this thread.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Decrements [`DEPTH`] when the tracked deserialization ends, however it ends.
struct Level;

impl Level {
    fn enter() -> Level {
        DEPTH.with(|d| d.set(d.get().saturating_add(1)));
        Level
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// Runs `f` (a derived deserializer) so that its error names the path where it happened,
/// as `path: message`; inside another tracked deserialization it runs `f` as is, since the
/// outer one already tracks the path.
///
/// # Errors
/// The error of `f`, with the path (from the outermost tracked value) in front of it.
pub(crate) fn tracked<'de, D, T, F>(d: D, f: F) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    F: for<'a, 'b> FnOnce(serde_path_to_error::Deserializer<'a, 'b, D>) -> Result<T, D::Error>,
{
    if DEPTH.with(Cell::get) > 0 {
        // The outer tracker sees this value and everything under it: this one's (shorter)
        // path is dropped. (Wrapping anyway keeps one instantiation of `f`.)
        let mut track = serde_path_to_error::Track::new();
        return f(serde_path_to_error::Deserializer::new(d, &mut track));
    }
    let _level = Level::enter();
    let mut track = serde_path_to_error::Track::new();
    let result = f(serde_path_to_error::Deserializer::new(d, &mut track));
    result.map_err(|e| {
        let path = track.path().to_string();
        // `.` is the root; `?` is a place the tracker could not name (a syntax error before
        // any key was read, or content serde buffered): cut those off.
        let mut known = path.as_str();
        while let Some(rest) = known.strip_suffix('?') {
            known = rest.strip_suffix('.').unwrap_or(rest);
        }
        let known = if known == "." { "" } else { known };
        let message = e.to_string();
        if let Some((before, relative)) = message.split_once(HERE) {
            // A validation error of a nested value (see `Invalid`): its own path continues
            // the tracked one. `before` is what the format put in front of the message (TOML
            // shows the line); `relative` is `.end: …`, `[2]: …` or `: …`.
            let relative = match known {
                "" => relative
                    .strip_prefix('.')
                    .or_else(|| relative.strip_prefix(": "))
                    .unwrap_or(relative),
                _ => relative,
            };
            de::Error::custom(format_args!("{before}{known}{relative}"))
        } else if known.is_empty() {
            e
        } else {
            de::Error::custom(format_args!("{known}: {e}"))
        }
    })
}

/// Stands for "the path serde has tracked to here" at the start of a nested validation
/// error's path; the outermost [`tracked`] deserialization replaces it.
const HERE: &str = "\u{0}";

/// The error of a validating `TryFrom<Raw>` behind `#[serde(try_from = "Raw")]`: the crate's
/// [`Error`](crate::Error), whose path is relative to the value. Inside a tracked
/// deserialization its message starts with a mark that the outermost one replaces by the
/// path of the value, so that `maintenance.windows[1]` and the window's `end` read
/// `maintenance.windows[1].end: invalid value …`; read on its own, it is the error's message.
#[derive(Debug)]
pub(crate) struct Invalid(pub(crate) crate::error::Error);

impl From<crate::error::Error> for Invalid {
    fn from(e: crate::error::Error) -> Invalid {
        Invalid(e)
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if DEPTH.with(Cell::get) > 0 {
            let marked = self.0.clone().at(HERE);
            if marked != self.0 {
                return marked.fmt(f);
            }
        }
        self.0.fmt(f)
    }
}

/// Implements `Deserialize` for a type whose derive is `#[serde(remote = "Self")]`, through
/// [`tracked`] so that errors name their path, and `Serialize` through the derived one.
macro_rules! tracked_serde {
    ($ty:ty) => {
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::config::tracked(d, |d| <$ty>::deserialize(d))
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$ty>::serialize(self, s)
            }
        }
    };
}
pub(crate) use tracked_serde;

/// A map read from configuration that refuses a key given twice (serde's own maps keep the
/// last one silently; TOML refuses duplicates itself, JSON does not).
#[derive(Debug)]
pub(crate) struct UniqueMap<K, V>(pub(crate) BTreeMap<K, V>);

impl<'de, K, V> Deserialize<'de> for UniqueMap<K, V>
where
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(UniqueMapVisitor(PhantomData))
    }
}

struct UniqueMapVisitor<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> Visitor<'de> for UniqueMapVisitor<K, V>
where
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    type Value = UniqueMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map in which every key appears once")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::IntoDeserializer as _;
        let mut out = BTreeMap::new();
        // Keys are read as strings first (JSON and TOML keys are strings), so that the path
        // of an error in the value names the key even when `K` is an enum (`reaction`).
        while let Some(text) = map.next_key::<String>()? {
            let key = K::deserialize(text.into_deserializer())?;
            if out.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "duplicate key `{key}`: each key may appear only once"
                )));
            }
            let value = map.next_value::<V>()?;
            out.insert(key, value);
        }
        Ok(UniqueMap(out))
    }
}

/// `deserialize_with` for a `BTreeMap` field: refuses a duplicate key.
///
/// # Errors
/// `duplicate key `…``, or the errors of the keys and values.
pub(crate) fn unique_keys<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    UniqueMap::deserialize(d).map(|m| m.0)
}

/// `deserialize_with` for a map of maps: refuses a duplicate key at either level.
///
/// # Errors
/// `duplicate key `…``, or the errors of the keys and values.
pub(crate) fn unique_keys_nested<'de, D, K, K2, V>(
    d: D,
) -> Result<BTreeMap<K, BTreeMap<K2, V>>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    K2: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    let outer: UniqueMap<K, UniqueMap<K2, V>> = UniqueMap::deserialize(d)?;
    Ok(outer.0.into_iter().map(|(k, v)| (k, v.0)).collect())
}

/// Deserializes an internally tagged enum (tag field `tag`) through `derived`, its derived
/// deserializer, refusing fields its unit variants would silently ignore.
///
/// Serde's internally tagged unit variants accept any other field, even with
/// `deny_unknown_fields` (which covers struct variants only). The map is buffered (refusing a
/// duplicate key), deserialized, and when it has fields besides the tag, `derived` is tried
/// once more on the tag and a field no variant can declare: a variant that accepts that
/// ignores fields, so it has none, and the extra field is refused. No variant is listed here,
/// so new variants need no change.
///
/// # Errors
/// The derived deserializer's errors, `duplicate key`, and `unknown field` for a field given
/// to a variant that has none.
pub(crate) fn strict_tagged<'de, D, T>(
    d: D,
    tag: &str,
    derived: fn(serde_json::Value) -> Result<T, serde_json::Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let map: UniqueMap<String, serde_json::Value> = UniqueMap::deserialize(d)?;
    let object: serde_json::Map<String, serde_json::Value> = map.0.into_iter().collect();
    let value = derived(serde_json::Value::Object(object.clone())).map_err(de::Error::custom)?;
    if let Some(extra) = object.keys().find(|k| k.as_str() != tag) {
        let mut probe = serde_json::Map::new();
        if let Some(v) = object.get(tag) {
            probe.insert(tag.to_owned(), v.clone());
        }
        probe.insert("\u{0}".to_owned(), serde_json::Value::Null);
        if derived(serde_json::Value::Object(probe)).is_ok() {
            let name = match object.get(tag) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            };
            return Err(de::Error::custom(format_args!(
                "unknown field `{extra}`: {tag} `{name}` takes no fields besides `{tag}`"
            )));
        }
    }
    Ok(value)
}

/// Serde for a `NaiveDate` through [`parse_date`](crate::time::parse_date):
/// exactly `YYYY-MM-DD` (chrono's own reader is more lenient).
pub(crate) mod date {
    use chrono::NaiveDate;
    use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

    pub(crate) fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        d.serialize(s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        crate::time::parse_date("", &s).map_err(de::Error::custom)
    }

    /// The same for `Option<NaiveDate>` (`null` or absent is `None`).
    pub(crate) mod option {
        use chrono::NaiveDate;
        use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

        pub(crate) fn serialize<S: Serializer>(
            d: &Option<NaiveDate>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            d.serialize(s)
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            Option::<String>::deserialize(d)?
                .map(|s| crate::time::parse_date("", &s).map_err(de::Error::custom))
                .transpose()
        }
    }
}

/// The one parser of instants in configuration and events: strict RFC 3339 with an offset
/// (`2026-03-10T09:00:00Z`, `2026-03-10T10:00:00+01:00`; `T`, `t` or a space between date
/// and time). chrono's `FromStr`, which serde uses for `DateTime`, also takes unpadded
/// fields, spaces between components and around the value.
///
/// # Errors
/// A message that shows the input, chrono's reason and the expected form.
pub(crate) fn parse_instant(s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| {
            format!(
                "invalid instant `{s}` ({e}): expected RFC 3339 with an offset, such as \
                 `2026-03-10T09:00:00Z` or `2026-03-10T10:00:00+01:00`"
            )
        })
}

/// Serde for a `DateTime<Utc>` through [`parse_instant`].
pub(crate) mod instant {
    use chrono::{DateTime, Utc};
    use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

    pub(crate) fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        t.serialize(s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_instant(&s).map_err(de::Error::custom)
    }
}

/// Serde for a `u32` count in configuration, whose error says the range in words
/// (`expected a whole number from 0 to 4294967295` rather than `expected u32`).
pub(crate) mod count {
    use std::fmt;

    use serde::de::{self, Deserializer, Unexpected, Visitor};
    use serde::Serializer;

    pub(crate) fn serialize<S: Serializer>(n: &u32, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(*n)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        d.deserialize_u32(CountVisitor)
    }

    struct CountVisitor;

    impl Visitor<'_> for CountVisitor {
        type Value = u32;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a whole number from 0 to {}", u32::MAX)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
        }
    }
}
