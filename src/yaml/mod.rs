//! The one place that talks to serde_yaml.
//!
//! serde_yaml is deprecated upstream; every YAML call in coach goes through this
//! module so that a maintained fork can replace it here and nowhere else. The rest
//! of the program sees plain `serde_json::Value` documents and Rust types.

pub mod fast;
pub mod locator;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A YAML document that could not be read, with the position serde_yaml reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The deepest nesting of flow collections (`[` and `{`, so every JSON
/// document) that coach reads. A pack or answers file needs about ten; the
/// YAML parser takes time quadratic in this depth, so 160,000 `[` would cost
/// a minute before failing. Block nesting (by indentation or `- - -`) costs
/// linear time and meets serde_yaml's own recursion limit instead.
pub const MAX_FLOW_DEPTH: usize = 64;

/// Parses one YAML (or JSON) document into a neutral value.
///
/// serde_yaml refuses alias expansions that grow far beyond the document
/// ("billion laughs"), so a few hundred hostile bytes cannot exhaust memory,
/// and `check_depth` refuses deep nesting before serde_yaml sees it.
///
/// A leading byte-order mark is dropped. A document that starts with `{` or
/// `[` and is valid JSON is read by serde_json, which knows JSON's surrogate
/// pair escapes (`"\ud83d\ude00"`, what Python's `json.dump` writes) where the
/// YAML parser refuses them; anything else is read as YAML.
pub fn parse(text: &str) -> Result<Value, YamlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_depth(text)?;
    if text.trim_start().starts_with(['{', '[']) {
        if let Ok(Json(value)) = serde_json::from_str::<Json>(text) {
            return Ok(value);
        }
    }
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|error| at_duplicate(text, yaml_error(error)))?;
    serde_json::to_value(&yaml).map_err(|error| YamlError {
        message: format!("unsupported YAML value: {error}"),
        line: None,
        column: None,
    })
}

/// Parses an answers document as `parse` does, except that a plain YAML
/// number or boolean (`1.50`, `1e3`, `0x1F`, `+1`, `.nan`, `True`,
/// `12345678901234567890123`) becomes its text exactly as written: every
/// answer is text until its question says otherwise (a scale question reads
/// `4` from the text "4", a yes/no question `true` from "true"), so an
/// unquoted number is never rewritten. JSON numbers and booleans stay typed.
pub fn parse_answers(text: &str) -> Result<Value, YamlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with(['{', '[']) {
        check_depth(text)?;
        if let Ok(Json(value)) = serde_json::from_str::<Json>(text) {
            return Ok(value);
        }
    }
    check_depth(text)?;
    // First the shape, then (only when it holds numbers or booleans) a second
    // pass that asks serde_yaml for their text: it gives a plain scalar read
    // as a string exactly as written.
    let shape: Node =
        serde_yaml::from_str(text).map_err(|error| at_duplicate(text, yaml_error(error)))?;
    if !shape.has_typed_scalar() {
        return Ok(shape.into_value());
    }
    let deserializer = serde_yaml::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(Seed(&shape), deserializer).map_err(yaml_error)
}

fn yaml_error(error: serde_yaml::Error) -> YamlError {
    let location = error.location();
    YamlError {
        message: strip_position(&error.to_string()),
        line: location.as_ref().map(serde_yaml::Location::line),
        column: location.as_ref().map(serde_yaml::Location::column),
    }
}

/// serde_yaml reports a key given twice at the start of its mapping; this
/// moves the position to the second of the two keys when the mapping is a
/// block mapping (its keys one per line, at the column reported).
fn at_duplicate(text: &str, mut error: YamlError) -> YamlError {
    let key = error
        .message
        .split_once("duplicate entry with key \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .or_else(|| {
            error
                .message
                .split_once("duplicate key `")
                .and_then(|(_, rest)| rest.split_once('`'))
        })
        .map(|(key, _)| key.to_string());
    let (Some(key), Some(first), Some(column)) = (key, error.line, error.column) else {
        return error;
    };
    let indent = column.saturating_sub(1);
    let mut seen = 0;
    for (number, line) in text.lines().enumerate().skip(first.saturating_sub(1)) {
        let at_key = if number + 1 == first {
            line.get(indent..)
        } else {
            let own = line.len() - line.trim_start_matches(' ').len();
            let rest = line.trim_start();
            if rest.is_empty() || rest.starts_with('#') || own > indent {
                continue;
            }
            if own < indent {
                break;
            }
            Some(rest)
        };
        let Some(at_key) = at_key else { break };
        let names_key = [
            format!("{key}:"),
            format!("\"{key}\":"),
            format!("'{key}':"),
        ]
        .iter()
        .any(|form| at_key.starts_with(form.as_str()));
        if names_key {
            seen += 1;
            if seen == 2 {
                error.line = Some(number + 1);
                error.column = Some(column);
                break;
            }
        }
    }
    error
}

/// A document's shape: its values, with each number only marked.
enum Node {
    Null,
    Bool(bool),
    Number,
    Text(String),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
}

impl Node {
    fn has_typed_scalar(&self) -> bool {
        match self {
            Node::Number | Node::Bool(_) => true,
            Node::List(items) => items.iter().any(Node::has_typed_scalar),
            Node::Map(entries) => entries.iter().any(|(_, node)| node.has_typed_scalar()),
            _ => false,
        }
    }

    /// The value of a shape without numbers.
    fn into_value(self) -> Value {
        match self {
            Node::Null | Node::Number => Value::Null,
            Node::Bool(yes) => Value::Bool(yes),
            Node::Text(text) => Value::String(text),
            Node::List(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Node::Map(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(key, node)| (key, node.into_value()))
                    .collect(),
            ),
        }
    }

    fn to_value(&self) -> Value {
        match self {
            Node::Null | Node::Number => Value::Null,
            Node::Bool(yes) => Value::Bool(*yes),
            Node::Text(text) => Value::String(text.clone()),
            Node::List(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(key, node)| (key.clone(), node.to_value()))
                    .collect(),
            ),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> serde::de::Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a YAML value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Bool(value))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Number)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Number)
    }

    fn visit_i128<E>(self, _: i128) -> Result<Node, E> {
        Ok(Node::Number)
    }

    fn visit_u128<E>(self, _: u128) -> Result<Node, E> {
        Ok(Node::Number)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Number)
    }

    fn visit_str<E>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Text(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Node, E> {
        Ok(Node::Text(value))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        let mut keys = std::collections::HashSet::new();
        while let Some((key, node)) = map.next_entry::<String, Node>()? {
            if !keys.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
            }
            entries.push((key, node));
        }
        Ok(Node::Map(entries))
    }
}

/// The second pass: the value of a document of a known shape, each number
/// read as the text it was written with.
struct Seed<'s>(&'s Node);

impl<'de> serde::de::DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        match self.0 {
            Node::Number | Node::Bool(_) => deserializer.deserialize_str(TextVisitor),
            Node::List(items) => deserializer.deserialize_seq(ListSeed(items)),
            Node::Map(entries) => deserializer.deserialize_map(MapSeed(entries)),
            other => {
                serde::de::IgnoredAny::deserialize(deserializer)?;
                Ok(other.to_value())
            }
        }
    }
}

struct TextVisitor;

impl serde::de::Visitor<'_> for TextVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a scalar")
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }
}

struct ListSeed<'s>(&'s [Node]);

impl<'de> serde::de::Visitor<'de> for ListSeed<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(self.0.len());
        for node in self.0 {
            match seq.next_element_seed(Seed(node))? {
                Some(item) => items.push(item),
                None => {
                    return Err(serde::de::Error::custom(
                        "the document changed between reads",
                    ))
                }
            }
        }
        Ok(Value::Array(items))
    }
}

struct MapSeed<'s>(&'s [(String, Node)]);

impl<'de> serde::de::Visitor<'de> for MapSeed<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a mapping")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = serde_json::Map::new();
        for (key, node) in self.0 {
            if map.next_key::<serde::de::IgnoredAny>()?.is_none() {
                return Err(serde::de::Error::custom(
                    "the document changed between reads",
                ));
            }
            fields.insert(key.clone(), map.next_value_seed(Seed(node))?);
        }
        Ok(Value::Object(fields))
    }
}

/// A JSON document read as serde_json reads a `Value`, except that a key
/// given twice in one object is an error, as it is in YAML.
struct Json(Value);

impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor).map(Json)
    }
}

struct JsonVisitor;

impl<'de> serde::de::Visitor<'de> for JsonVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Json(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = serde_json::Map::new();
        while let Some((key, Json(value))) = map.next_entry::<String, Json>()? {
            if fields.contains_key(&key) {
                return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
            }
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

/// Refuses a document nesting `[` or `{` deeper than [`MAX_FLOW_DEPTH`], in
/// one pass over the text: brackets inside quoted scalars, plain scalars,
/// block scalars (`|`, `>`) and comments do not count. The error names the
/// line and column of the first bracket too deep.
fn check_depth(text: &str) -> Result<(), YamlError> {
    let mut depth = 0usize;
    // The quote a quoted scalar was opened with; it may span lines.
    let mut quote: Option<char> = None;
    // The indentation of the line a block scalar started on: more indented
    // (or blank) lines are its text.
    let mut block_scalar: Option<usize> = None;
    for (number, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block_scalar {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block_scalar = None;
        }
        let chars: Vec<char> = line.chars().collect();
        // Block context only: whether a node may start here (line start,
        // after `- `, `? `, `: `, an anchor or a tag).
        let mut node_start = quote.is_none();
        let mut at = 0;
        while at < chars.len() {
            let c = chars[at];
            let previous = at.checked_sub(1).map(|before| chars[before]);
            let next = chars.get(at + 1).copied();
            let spaced = previous.is_none_or(char::is_whitespace);
            let ends_token = next.is_none_or(char::is_whitespace);
            if let Some(open) = quote {
                match c {
                    '\\' if open == '"' => at += 1,
                    '\'' if open == '\'' && next == Some('\'') => at += 1,
                    c if c == open => {
                        quote = None;
                        node_start = false;
                    }
                    _ => {}
                }
                at += 1;
                continue;
            }
            if c == '#' && spaced {
                break;
            }
            if depth > 0 {
                match c {
                    '[' | '{' => depth += 1,
                    ']' | '}' => depth -= 1,
                    '"' | '\'' if spaced || matches!(previous, Some('[' | '{' | ',' | ':')) => {
                        quote = Some(c);
                    }
                    _ => {}
                }
                if depth > MAX_FLOW_DEPTH {
                    return Err(too_deep(number + 1, at + 1));
                }
                if depth == 0 {
                    node_start = false;
                }
                at += 1;
                continue;
            }
            if c.is_whitespace() {
                at += 1;
                continue;
            }
            if !node_start {
                // Inside a plain scalar or after a node: only `: ` starts another.
                if c == ':' && ends_token {
                    node_start = true;
                }
                at += 1;
                continue;
            }
            match c {
                '[' | '{' => depth = 1,
                '"' | '\'' => quote = Some(c),
                '|' | '>' => {
                    block_scalar = Some(indent);
                    break;
                }
                '-' | '?' | ':' if ends_token => {}
                '&' | '!' | '*' => {
                    while at + 1 < chars.len() && !chars[at + 1].is_whitespace() {
                        at += 1;
                    }
                    node_start = c != '*';
                }
                _ => node_start = false,
            }
            at += 1;
        }
    }
    Ok(())
}

fn too_deep(line: usize, column: usize) -> YamlError {
    YamlError {
        message: format!(
            "lists and mappings (`[`, `{{`) nested deeper than {MAX_FLOW_DEPTH} levels; coach reads no deeper"
        ),
        line: Some(line),
        column: Some(column),
    }
}

/// Writes a value as YAML text that YAML 1.1 readers (PyYAML, most Go and JS
/// parsers) and YAML 1.2 readers (serde_yaml) read back as the same value.
///
/// A string is written plain only when it starts with a letter, holds nothing
/// but letters, digits, spaces and harmless punctuation, and is none of the
/// words a 1.1 reader takes for a boolean or null (`yes`, `off`, `null`...).
/// Everything else (numbers, times, dates, `=`, `<<`, `~`, leading or trailing
/// spaces) is double-quoted; text with line breaks is a literal block when
/// that reads back exactly, else double-quoted with escapes.
pub fn to_string<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(value) => {
            let mut out = String::new();
            match &value {
                Value::Object(map) if !map.is_empty() => emit_map(map, 0, false, &mut out),
                Value::Array(items) if !items.is_empty() => emit_seq(items, 0, &mut out),
                scalar => {
                    out += &emit_scalar(scalar, 2);
                    out.push('\n');
                }
            }
            out
        }
        // Plain data (strings, numbers, maps with string keys) always converts;
        // the fallback keeps a bug from becoming a panic.
        Err(error) => format!("# could not write YAML: {error}\n"),
    }
}

/// `in_item`: the map is an item of a sequence, its first entry follows `- `.
fn emit_map(map: &serde_json::Map<String, Value>, indent: usize, in_item: bool, out: &mut String) {
    for (at, (key, value)) in map.iter().enumerate() {
        if at > 0 || !in_item {
            push_indent(indent, out);
        }
        *out += &emit_string(key, indent + 2, false);
        out.push(':');
        emit_value(value, indent, out);
    }
}

/// What follows `key:` at column `indent`.
fn emit_value(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            emit_map(map, indent + 2, false, out);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            emit_seq(items, indent, out);
        }
        scalar => {
            out.push(' ');
            *out += &emit_scalar(scalar, indent + 2);
            out.push('\n');
        }
    }
}

fn emit_seq(items: &[Value], indent: usize, out: &mut String) {
    for item in items {
        push_indent(indent, out);
        out.push('-');
        match item {
            Value::Object(map) if !map.is_empty() => {
                out.push(' ');
                emit_map(map, indent + 2, true, out);
            }
            Value::Array(inner) if !inner.is_empty() => {
                out.push('\n');
                emit_seq(inner, indent + 2, out);
            }
            scalar => {
                out.push(' ');
                *out += &emit_scalar(scalar, indent + 2);
                out.push('\n');
            }
        }
    }
}

fn push_indent(indent: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A scalar (or empty collection); a literal block's lines sit at `indent`.
fn emit_scalar(value: &Value, indent: usize) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(yes) => yes.to_string(),
        Value::Number(number) => emit_number(number),
        Value::String(text) => emit_string(text, indent, true),
        Value::Array(_) => "[]".to_string(),
        Value::Object(_) => "{}".to_string(),
    }
}

/// Integers as they are; floats always with a `.` and a signed exponent,
/// the only float form a YAML 1.1 reader knows.
fn emit_number(number: &serde_json::Number) -> String {
    let text = number.to_string();
    if !number.is_f64() {
        return text;
    }
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa.to_string(), Some(exponent.to_string())),
        None => (text.clone(), None),
    };
    let mantissa = if mantissa.contains('.') {
        mantissa
    } else {
        format!("{mantissa}.0")
    };
    match exponent {
        Some(exponent) if exponent.starts_with(['-', '+']) => format!("{mantissa}e{exponent}"),
        Some(exponent) => format!("{mantissa}e+{exponent}"),
        None => mantissa,
    }
}

fn emit_string(text: &str, indent: usize, block_allowed: bool) -> String {
    if is_plain_safe(text) {
        return text.to_string();
    }
    if block_allowed && is_literal_safe(text) {
        let mut block = String::from("|-");
        for line in text.split('\n') {
            block.push('\n');
            if !line.is_empty() {
                push_indent(indent, &mut block);
                block.push_str(line);
            }
        }
        return block;
    }
    double_quoted(text)
}

/// Words a YAML 1.1 reader takes for booleans or null, in any case.
const TYPED_WORDS: [&str; 9] = ["y", "yes", "n", "no", "true", "false", "on", "off", "null"];

fn is_plain_safe(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_alphabetic()
        && is_printable(first)
        && chars.all(|c| {
            (c.is_alphanumeric() && is_printable(c))
                || matches!(
                    c,
                    ' ' | '_' | '-' | '.' | ',' | '/' | '(' | ')' | '\'' | '?' | '!'
                )
        })
        && !text.ends_with(' ')
        && !TYPED_WORDS
            .iter()
            .any(|word| word.eq_ignore_ascii_case(text))
}

/// Multi-line text that a `|-` block gives back exactly: no leading blank or
/// space (it would set the indentation), no trailing line break or space (a
/// `|-` block drops them), no carriage returns or unprintable characters.
fn is_literal_safe(text: &str) -> bool {
    text.contains('\n')
        && !text.starts_with([' ', '\t', '\n'])
        && !text.ends_with(char::is_whitespace)
        && text
            .chars()
            .all(|c| c == '\n' || c == '\t' || (c != '\r' && is_printable(c)))
}

/// Characters YAML allows raw in a document (and that are no line break).
fn is_printable(c: char) -> bool {
    !(c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        ))
}

fn double_quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            c if !is_printable(c) => quoted.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// serde_yaml appends " at line L column C"; we report the position ourselves.
fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings a YAML 1.1 or 1.2 reader could take for something else.
    fn awkward_strings() -> Vec<String> {
        let mut strings: Vec<String> = [
            "=",
            "<<",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "n",
            "Y",
            "N",
            "YES",
            "True",
            "FALSE",
            "On",
            "OFF",
            "10:30",
            "1:20:30",
            "1_000",
            "0x1F",
            "0o17",
            "0b101",
            "~",
            "null",
            "Null",
            "NULL",
            ".inf",
            "-.inf",
            ".NaN",
            ".nan",
            "2026-12-01",
            "2026-12-01T10:00:00Z",
            "2026-12-01 10:00:00",
            "1e3",
            "+1",
            "-1",
            ".5",
            "0777",
            "12",
            "3.14",
            "1.0e+3",
            "",
            " ",
            " leading",
            "trailing ",
            "  both  ",
            "# comment",
            "a # b",
            "a #b",
            "key: value",
            "a:b",
            "- item",
            "-",
            "--",
            "---",
            "...",
            "? key",
            "'single'",
            "\"double\"",
            "it's",
            "back\\slash",
            "[a, b]",
            "{a: b}",
            "*alias",
            "&anchor",
            "!tag",
            "!!str",
            "%YAML",
            "@at",
            "`tick`",
            "|",
            ">",
            "a,b",
            "Société Générale",
            "北京 客户",
            "emoji 🙂",
            "line\nbreak",
            "two\n\nparagraphs",
            "\nleading break",
            "trailing break\n",
            "crlf\r\nline",
            "tab\there",
            "\tleading tab",
            "nul\u{0}byte",
            "esc\u{1b}[31m",
            "del\u{7f}",
            "c1\u{85}next",
            "ls\u{2028}ps\u{2029}",
            "bom\u{feff}",
            "  indented\nblock",
            "block\n  indented line",
            "last line blank\n ",
            "Send the plan",
            "ACME Corp.",
        ]
        .iter()
        .map(|text| (*text).to_string())
        .collect();
        strings.push("x".repeat(300));
        strings
    }

    /// Strings made of pieces that matter to YAML, in a fixed pseudo-random mix.
    fn mixed_strings() -> Vec<String> {
        const PIECES: [&str; 40] = [
            "a", "Z", "é", "北", "🙂", "0", "1", "9", "_", ".", ",", "-", "+", ":", " ", "  ", "#",
            "'", "\"", "\\", "\n", "\t", "\r", "~", "=", "<", "?", "!", "&", "*", "|", ">", "%",
            "@", "`", "[", "{", "yes", "null", "\u{85}",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..3000)
            .map(|_| {
                let length = next() % 7;
                (0..length)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    fn awkward_document() -> Value {
        let mut strings = awkward_strings();
        strings.extend(mixed_strings());
        let mut map = serde_json::Map::new();
        for (at, text) in strings.iter().enumerate() {
            map.insert(format!("k{at}"), Value::String(text.clone()));
            map.insert(text.clone(), Value::from(at));
        }
        serde_json::json!({
            "top": map,
            "list": strings,
            "nested": [{"id": "c-1", "what": "=", "who": null, "done": false}, ["<<", ["yes"]]],
            "numbers": [1, -2, 1.5, 1e300, 0.0001],
            "empty": {"list": [], "map": {}},
        })
    }

    #[test]
    fn every_string_reads_back_exactly_in_yaml_1_2() {
        let document = awkward_document();
        let text = to_string(&document);
        assert_eq!(parse(&text).unwrap(), document, "{text}");
    }

    #[test]
    fn every_string_reads_back_exactly_in_yaml_1_1() {
        use std::io::Write;
        use std::process::{Command, Stdio};
        let document = awkward_document();
        let text = to_string(&document);
        let script = "import sys, json, yaml\n\
                      data = yaml.safe_load(sys.stdin.buffer.read().decode('utf-8'))\n\
                      sys.stdout.write(json.dumps(data))\n";
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 is needed to test YAML 1.1 readers");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stderr.contains("No module named 'yaml'"),
            "PyYAML is missing: `pip install pyyaml` (CI installs it)"
        );
        assert!(output.status.success(), "PyYAML refused:\n{stderr}\n{text}");
        let read: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(read, document, "{text}");
    }

    #[test]
    fn syntax_error_reports_line_and_column() {
        let error = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(error.line.is_some(), "{error:?}");
        assert!(!error.message.contains(" at line "), "{error:?}");
    }

    #[test]
    fn deep_flow_nesting_is_refused_at_once_with_its_line() {
        let text = format!("a: 1\ngoal: {}\n", "[".repeat(160_000));
        let error = parse(&text).unwrap_err();
        assert!(error.message.contains("deeper than 64"), "{error:?}");
        assert_eq!((error.line, error.column), (Some(2), Some(71)));
        let maps = format!("goal: {}", "{a: ".repeat(40_000));
        assert!(parse(&maps).unwrap_err().message.contains("deeper than 64"));
        let json = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert!(parse(&json).unwrap_err().message.contains("deeper than 64"));
    }

    #[test]
    fn nesting_up_to_the_limit_and_brackets_in_text_are_fine() {
        let deep = format!("{}1{}", "[".repeat(64), "]".repeat(64));
        assert!(parse(&deep).is_ok());
        let many = "[".repeat(100);
        let text = format!(
            "a: \"{many}\"\nb: '{many}'\nc: see {many}\nd: |\n  {many}\n  {many}\ne: x # {many}\n\
             f: [\"{many}\", '{many}', 'it''s {many}']\ng: \"multi\n  line {many}\"\nh: {{k: [1, 2]}}\n"
        );
        let value = parse(&text).unwrap();
        assert_eq!(value["c"], Value::String(format!("see {many}")));
        assert_eq!(value["h"]["k"][1], Value::from(2));
    }

    #[test]
    fn json_with_surrogate_pairs_and_a_byte_order_mark_reads() {
        let json = r#"{"customer":"A \ud83d\ude00","goal":"g","n":[1,2.5,null,true]}"#;
        let value = parse(json).unwrap();
        assert_eq!(value["customer"], "A 😀");
        assert_eq!(value["n"], serde_json::json!([1, 2.5, null, true]));
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["customer", "goal", "n"]);
        assert_eq!(parse(&format!("\u{feff}{json}")).unwrap(), value);
        assert_eq!(
            parse("\u{feff}customer: A\ngoal: g\n").unwrap(),
            serde_json::json!({"customer": "A", "goal": "g"})
        );
        // Flow YAML that is not JSON still reads as YAML.
        assert_eq!(
            parse("{a: b, c: [d]}").unwrap(),
            serde_json::json!({"a": "b", "c": ["d"]})
        );
    }

    #[test]
    fn a_key_given_twice_is_reported_on_its_second_line() {
        let pack = "patterns:\n  - id: a\n    name: A\n    tips:\n      - name: x\n    # name: c\n    name: B\n";
        let error = parse(pack).unwrap_err();
        assert_eq!((error.line, error.column), (Some(7), Some(5)), "{error:?}");
        let answers = "customer: A\ngoal: x\n\"goal\": y\n";
        for error in [
            parse(answers).unwrap_err(),
            parse_answers(answers).unwrap_err(),
        ] {
            assert!(error.message.contains("goal"), "{error:?}");
            assert_eq!(error.line, Some(3), "{error:?}");
        }
    }

    #[test]
    fn a_json_key_given_twice_is_refused_as_in_yaml() {
        assert!(parse(r#"{"a": 1, "a": 2}"#).is_err());
        assert!(parse("a: 1\na: 2\n").is_err());
    }

    #[test]
    fn unquoted_numbers_in_answers_keep_the_text_they_were_written_with() {
        let text = "a: 1.50\nb: 1e3\nc: 0x1F\nd: +1\ne: .nan\nf: 12345678901234567890123\n\
                    g: [1.50, x, -.inf]\nh: {what: 007, done: true}\ni: \"1.50\"\nj: ~\nk: 4\n1.0: key\n";
        let value = parse_answers(text).unwrap();
        let expected = serde_json::json!({
            "a": "1.50", "b": "1e3", "c": "0x1F", "d": "+1", "e": ".nan",
            "f": "12345678901234567890123", "g": ["1.50", "x", "-.inf"],
            "h": {"what": "007", "done": "true"}, "i": "1.50", "j": null, "k": "4", "1.0": "key",
        });
        assert_eq!(value, expected);
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 12);
        assert_eq!(keys[0], "a");
        assert_eq!(keys[11], "1.0");
        // Without numbers the one pass is the value; JSON numbers stay numbers.
        assert_eq!(
            parse_answers("a: x\nb: [True, ~]\n").unwrap(),
            serde_json::json!({"a": "x", "b": ["True", null]})
        );
        assert_eq!(
            parse_answers("a: x\nb: [~]\n").unwrap(),
            serde_json::json!({"a": "x", "b": [null]})
        );
        assert_eq!(
            parse_answers(r#"{"a": 1.5}"#).unwrap(),
            serde_json::json!({"a": 1.5})
        );
        assert!(parse_answers("a: 1\na: 2\n").is_err());
        assert!(parse_answers("a: [1\n").unwrap_err().line.is_some());
    }

    #[test]
    fn alias_bomb_is_refused() {
        // Nine levels of nine-fold aliases: about 387 million strings if expanded.
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for pair in names.windows(2) {
            let (previous, name) = (pair[0], pair[1]);
            let items = vec![format!("*{previous}"); 9].join(",");
            text.push_str(&format!("{name}: &{name} [{items}]\n"));
        }
        let error = parse(&text).unwrap_err();
        assert!(error.message.contains("repetition limit"), "{error:?}");
        let error = parse_answers(&text).unwrap_err();
        assert!(error.message.contains("repetition limit"), "{error:?}");
    }
}
