//! The one place that talks to serde_yaml.
//!
//! serde_yaml is deprecated upstream; every YAML call in coach goes through this
//! module so that a maintained fork can replace it here and nowhere else. The rest
//! of the program sees plain `serde_json::Value` documents and Rust types.

pub mod locator;

use serde::Serialize;
use serde_json::Value;

/// A YAML document that could not be read, with the position serde_yaml reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Parses one YAML (or JSON) document into a neutral value.
///
/// serde_yaml refuses alias expansions that grow far beyond the document
/// ("billion laughs"), so a few hundred hostile bytes cannot exhaust memory.
pub fn parse(text: &str) -> Result<Value, YamlError> {
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).map_err(|error| {
        let location = error.location();
        YamlError {
            message: strip_position(&error.to_string()),
            line: location.as_ref().map(serde_yaml::Location::line),
            column: location.as_ref().map(serde_yaml::Location::column),
        }
    })?;
    serde_json::to_value(&yaml).map_err(|error| YamlError {
        message: format!("unsupported YAML value: {error}"),
        line: None,
        column: None,
    })
}

/// Writes a value as YAML text.
pub fn to_string<T: Serialize>(value: &T) -> String {
    // Serializing plain data (strings, numbers, maps with string keys) cannot
    // fail; the fallback keeps a bug from becoming a panic.
    serde_yaml::to_string(value)
        .unwrap_or_else(|error| format!("# could not write YAML: {error}\n"))
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

    #[test]
    fn syntax_error_reports_line_and_column() {
        let error = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(error.line.is_some(), "{error:?}");
        assert!(!error.message.contains(" at line "), "{error:?}");
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
    }
}
