//! `coach patterns list`: every pattern with its question counts per checklist.

use std::io::Write;

use serde_json::{json, Map, Value};

use crate::error::Error;
use crate::language::Language;

pub fn run(language: &Language, as_json: bool, out: &mut impl Write) -> Result<(), Error> {
    let checklists = language.checklist_ids();
    if as_json {
        return write_json(language, &checklists, out);
    }
    let id_width = language
        .patterns
        .iter()
        .map(|pattern| pattern.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let name_width = language
        .patterns
        .iter()
        .map(|pattern| console::measure_text_width(&pattern.name))
        .max()
        .unwrap_or(4)
        .max(4);
    let header: Vec<String> = checklists.iter().map(|id| id.to_uppercase()).collect();
    write!(
        out,
        "{}  {}",
        console::pad_str("ID", id_width, console::Alignment::Left, None),
        console::pad_str("NAME", name_width, console::Alignment::Left, None)
    )?;
    for title in &header {
        write!(out, "  {title}")?;
    }
    writeln!(out)?;
    for pattern in &language.patterns {
        let id = console::pad_str(&pattern.id, id_width, console::Alignment::Left, None);
        let name = console::pad_str(&pattern.name, name_width, console::Alignment::Left, None);
        write!(out, "{id}  {name}")?;
        for (checklist, title) in checklists.iter().zip(&header) {
            let count = pattern.questions_for(checklist).len();
            let cell = if count == 0 {
                "-".to_string()
            } else {
                count.to_string()
            };
            write!(
                out,
                "  {}",
                console::pad_str(&cell, title.len(), console::Alignment::Right, None)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_json(
    language: &Language,
    checklists: &[String],
    out: &mut impl Write,
) -> Result<(), Error> {
    let patterns: Vec<Value> = language
        .patterns
        .iter()
        .map(|pattern| {
            let counts: Map<String, Value> = checklists
                .iter()
                .filter(|checklist| !pattern.questions_for(checklist).is_empty())
                .map(|checklist| {
                    (
                        checklist.clone(),
                        json!(pattern.questions_for(checklist).len()),
                    )
                })
                .collect();
            json!({
                "id": pattern.id,
                "name": pattern.name,
                "source": pattern.source,
                "uses": pattern.uses,
                "questions": counts,
                "file": pattern.origin.file,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &json!({ "patterns": patterns }))
        .map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
