//! `coach patterns show ID|NAME`: one pattern in full, with its links both ways.

use std::io::Write;

use crate::error::Error;
use crate::language::{Language, Pattern};
use crate::suggest::did_you_mean;
use crate::ui::pattern_view::write_pattern;

pub fn run(language: &Language, id: &str, out: &mut impl Write) -> Result<(), Error> {
    let pattern = find(language, id)?;
    write_pattern(language, pattern, out)?;
    Ok(())
}

/// The pattern with this id, else the one with this name (any case, any
/// spacing), or an error that suggests the nearest id or name.
pub fn find<'a>(language: &'a Language, id: &str) -> Result<&'a Pattern, Error> {
    if let Some(pattern) = language.pattern(id) {
        return Ok(pattern);
    }
    let key = folded(id);
    let named: Vec<&Pattern> = language
        .patterns
        .iter()
        .filter(|pattern| folded(&pattern.id) == key || folded(&pattern.name) == key)
        .collect();
    match named.as_slice() {
        [pattern] => Ok(pattern),
        [] => Err(Error::UnknownPattern {
            id: id.to_string(),
            hint: did_you_mean(
                id,
                language
                    .patterns
                    .iter()
                    .flat_map(|pattern| [pattern.id.as_str(), pattern.name.as_str()]),
            ) + "; `coach patterns list` shows every id and name",
        }),
        several => Err(Error::AmbiguousPattern {
            name: id.to_string(),
            ids: several.iter().map(|pattern| pattern.id.clone()).collect(),
        }),
    }
}

/// A name as a person may type it: any case, spaces collapsed.
fn folded(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
