//! `coach open [last|ID|CUSTOMER]`: a note in `$VISUAL`/`$EDITOR`. The
//! last note written, the note holding a commitment id (or a unique prefix
//! of one), or a customer's latest note. Without an editor or a terminal
//! it prints the note's path, for scripts and other editors. An edit made
//! there is read at the next run: the index compares every note with what
//! it read.

use std::io::Write;
use std::path::PathBuf;

use crate::config::Config;
use crate::error::Error;
use crate::memory::resolve::resolve;
use crate::memory::{Answers, NoteRecord, Want, Which};

pub fn run(target: Option<&str>, config: &Config, out: &mut impl Write) -> Result<i32, Error> {
    let path = find(target.unwrap_or("last"), config)?;
    match (&config.editor, config.can_prompt) {
        (Some(editor), true) => {
            let status = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("exec {editor} \"$@\""))
                .arg("sh")
                .arg(&path)
                .status()
                .map_err(Error::io("cannot start the editor for", &path))?;
            if status.success() {
                Ok(crate::exit_code::SUCCESS)
            } else {
                Err(Error::usage(format!(
                    "the editor `{editor}` failed on {}; the note is as the editor left it",
                    path.display()
                )))
            }
        }
        _ => {
            writeln!(out, "{}", path.display())?;
            Ok(crate::exit_code::SUCCESS)
        }
    }
}

/// The note `target` names (under the notes folder).
fn find(target: &str, config: &Config) -> Result<PathBuf, Error> {
    let target = target.trim();
    if target == "last" {
        let notes = super::notes_source::read_notes(
            config,
            Want {
                notes: Which::All,
                answers: Answers::None,
            },
        )?;
        return last(&notes.notes)
            .map(|note| note.path.clone())
            .ok_or_else(|| Error::usage("there are no notes yet; `coach prep` writes the first"));
    }
    if looks_like_an_id(target) {
        let notes = super::notes_source::read_notes(
            config,
            Want {
                notes: Which::WithCommitments,
                answers: Answers::None,
            },
        )?;
        let held: Vec<(&str, &NoteRecord)> = notes
            .notes
            .iter()
            .flat_map(|note| {
                note.commitments
                    .iter()
                    .filter_map(move |commitment| Some((commitment.id.as_deref()?, note)))
            })
            .collect();
        let ids: Vec<&str> = held.iter().map(|(id, _)| *id).collect();
        return match resolve(target, &ids) {
            Ok(at) => Ok(held[at].1.path.clone()),
            Err(unresolved) => Err(Error::usage(unresolved.to_string())),
        };
    }
    let notes = super::history::find(target, config)?;
    last(&notes)
        .map(|note| note.path.clone())
        .ok_or_else(|| Error::usage(format!("no notes for the customer `{target}`")))
}

/// `c-k3v9q2xa` or `c-k3v`: a commitment id or the start of one.
fn looks_like_an_id(target: &str) -> bool {
    target
        .strip_prefix("c-")
        .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The note written last: by its creation time, then its date, then its path.
fn last(notes: &[NoteRecord]) -> Option<&NoteRecord> {
    notes
        .iter()
        .max_by(|a, b| (&a.created, a.date, &a.path).cmp(&(&b.created, b.date, &b.path)))
}
