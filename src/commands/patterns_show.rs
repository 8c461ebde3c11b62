//! `coach patterns show ID`: one pattern in full, with its links both ways.

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

/// The pattern with this id, or an error that suggests the nearest one.
pub fn find<'a>(language: &'a Language, id: &str) -> Result<&'a Pattern, Error> {
    language.pattern(id).ok_or_else(|| Error::UnknownPattern {
        id: id.to_string(),
        hint: did_you_mean(
            id,
            language.patterns.iter().map(|pattern| pattern.id.as_str()),
        ) + "; `coach patterns list` shows every id",
    })
}
