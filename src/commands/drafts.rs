//! `coach drafts`: the drafts of interrupted walks, and `coach drafts rm ID`.

use std::io::Write;

use console::{measure_text_width, pad_str, style, Alignment};
use serde_json::json;

use crate::cli::{DraftsArgs, DraftsCommand};
use crate::config::Config;
use crate::error::Error;
use crate::notes::draft::{self, Entry, Summary};
use crate::suggest::did_you_mean;

pub fn run(args: &DraftsArgs, config: &Config, out: &mut impl Write) -> Result<(), Error> {
    match &args.command {
        Some(DraftsCommand::Rm { id }) => remove(id, config),
        None => list(args.json, config, out),
    }
}

/// One line per draft, newest first: aligned under a heading at a
/// terminal, tab-separated without one otherwise; or one JSON array.
fn list(json: bool, config: &Config, out: &mut impl Write) -> Result<(), Error> {
    draft::refuse_link(&config.notes_dir, "coach drafts")?;
    let (drafts, _) = draft::entries(&config.notes_dir);
    let rows: Vec<(Entry, Option<Summary>)> = drafts
        .into_iter()
        .map(|entry| {
            let summary = match draft::summary(&entry.path) {
                Ok(summary) => Some(summary),
                Err(error) => {
                    let _ = writeln!(
                        std::io::stderr(),
                        "coach: warning: {}: the draft cannot be read ({}); `coach drafts rm {}` removes it",
                        entry.id,
                        crate::text::visible_controls(&error.to_string().replace('\n', "; ")),
                        entry.id
                    );
                    None
                }
            };
            (entry, summary)
        })
        .collect();
    if json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|(entry, summary)| {
                json!({
                    "id": entry.id,
                    "checklist": entry.checklist,
                    "customer": summary.as_ref().and_then(|summary| summary.customer.clone()),
                    "meeting": summary.as_ref().and_then(|summary| summary.meeting.clone()),
                    "saved": entry.saved.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
                    "answers": summary.as_ref().map(|summary| summary.answers),
                    "path": entry.path,
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&list).map_err(std::io::Error::from)?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    if rows.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "coach: no drafts in {}",
            draft::dir(&config.notes_dir).display()
        );
        return Ok(());
    }
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|(entry, summary)| {
            let summary = summary.as_ref();
            // A name may hold anything before its date: shown, never obeyed.
            [
                crate::text::visible_controls(&entry.id).into_owned(),
                crate::text::visible_controls(&entry.checklist).into_owned(),
                summary
                    .and_then(|summary| summary.customer.clone())
                    .unwrap_or_default(),
                summary
                    .and_then(|summary| summary.meeting.clone())
                    .unwrap_or_default(),
                entry.saved.strftime("%Y-%m-%d %H:%M").to_string(),
                summary.map_or("?".to_string(), |summary| summary.answers.to_string()),
            ]
        })
        .collect();
    if !config.stdout_is_terminal {
        for row in cells {
            writeln!(out, "{}", row.join("\t"))?;
        }
        return Ok(());
    }
    let heading = ["ID", "CHECKLIST", "CUSTOMER", "MEETING", "SAVED", "ANSWERS"];
    let mut widths = heading.map(measure_text_width);
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(measure_text_width(cell));
        }
    }
    let line = |row: &[String]| {
        let padded: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| pad_str(cell, width, Alignment::Left, None).into_owned())
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    writeln!(out, "{}", style(line(&heading.map(String::from))).bold())?;
    for row in &cells {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

/// Removes the draft `coach drafts` lists as `id`, never through a linked
/// drafts folder.
fn remove(id: &str, config: &Config) -> Result<(), Error> {
    draft::refuse_link(&config.notes_dir, &format!("coach drafts rm {id}"))?;
    let (drafts, _) = draft::entries(&config.notes_dir);
    let id = id.strip_suffix(".yaml").unwrap_or(id);
    let Some(entry) = drafts.iter().find(|entry| entry.id == id) else {
        return Err(unknown_draft(id, &drafts));
    };
    std::fs::remove_file(&entry.path).map_err(Error::io("cannot remove", &entry.path))?;
    let _ = writeln!(
        std::io::stderr(),
        "coach: removed the draft {id} of a `{}` walk",
        entry.checklist
    );
    Ok(())
}

/// No draft is called `id`: the nearest one, and where they are listed.
pub(super) fn unknown_draft(id: &str, drafts: &[Entry]) -> Error {
    let hint = did_you_mean(id, drafts.iter().map(|entry| entry.id.as_str()));
    Error::Usage {
        message: format!("no draft `{}`{hint}", crate::text::strip_controls(id)),
        hint: Some("`coach drafts` lists the drafts and their ids".to_string()),
    }
}

/// The command that resumes draft `id` of `checklist`.
pub(super) fn resume_command(checklist: &str, id: &str) -> String {
    if ["prep", "debrief"].contains(&checklist) {
        format!("coach {checklist} --resume {id}")
    } else {
        format!("coach walk {checklist} --resume {id}")
    }
}
