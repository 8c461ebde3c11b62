//! How pack text is kept: control and escape characters removed, one-line
//! fields on one line. The loader cleans as it reads; build.rs cleans the
//! built-in pack once, when coach is built (it includes this file by path).

use serde_json::Value;

/// Fields of a pack that are one line wherever they are shown: names, labels,
/// titles, prompts, sources, promises. Their line breaks become spaces.
const ONE_LINE_FIELDS: [&str; 8] = [
    "name",
    "glance",
    "source",
    "title",
    "ask",
    "label",
    "labels",
    "commitment",
];

/// A text field of a pack as coach keeps it: control and escape characters
/// removed (`text::strip_controls`), and one-line fields on one line, so
/// `patterns show`, a prompt or a note never prints a pack's escapes raw.
/// Ids are kept as written: they are checked, and refused when odd. Both the
/// validating loader and the compiled built-in pack read text through here.
pub fn clean(field: &str, text: &str) -> String {
    if field == "id" {
        text.to_string()
    } else if ONE_LINE_FIELDS.contains(&field) {
        crate::text::one_line(text)
    } else {
        crate::text::strip_controls(text).into_owned()
    }
}

/// A `default:` with the control characters of its texts removed.
pub fn clean_value(value: Value) -> Value {
    match value {
        Value::String(text) => Value::String(crate::text::strip_controls(&text).into_owned()),
        Value::Array(items) => Value::Array(items.into_iter().map(clean_value).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key, clean_value(value)))
                .collect(),
        ),
        other => other,
    }
}
