//! Byte-minimal edits of one note: a commitment closed, reopened or given
//! a new due date in place.
//!
//! The edit works on the raw lines of the note, never re-emits YAML: in the
//! front matter `done: false` becomes `done: true` with a `closed: "DATE"`
//! line after it, and the body's task line `- [ ] ... `ID`` becomes
//! `- [x] ...`; a new due date changes the `due:` value and the date the
//! task line shows (see `due.rs`); every other byte stays as it was. A commitment that cannot be
//! found with certainty is an error that says why, never a guess.

mod due;
#[cfg(test)]
mod due_tests;
mod layout;
mod lines;
mod swap;
#[cfg(test)]
mod swap_tests;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use swap::replace_if_unchanged;

/// What to do to a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Mark it done, closed on this date.
    Close(Date),
    /// Mark it open again, removing its closing date.
    Reopen,
    /// Give an open commitment a new due date.
    Reschedule(Date),
}

/// An edit written to a note: where, and the lines (1-based) it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub path: PathBuf,
    /// The `done:` line in the front matter (the `due:` line for a
    /// reschedule).
    pub done_line: usize,
    /// The task line in the body (0 when a reschedule left it as it was:
    /// it showed no date).
    pub task_line: usize,
}

/// Why a note was left as it was. Line numbers count from 1 in the note.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error(
        "no front matter: a note starts with a `---` line and its YAML ends at the next `---` line"
    )]
    NoFrontMatter,
    #[error("{}the front matter is not valid YAML: {message}; fix it by hand", at(*.line))]
    FrontMatter {
        line: Option<usize>,
        message: String,
    },
    #[error("no commitment `{id}` in the front matter")]
    NotFound { id: String },
    #[error("commitment `{id}` is found more than once in the front matter (lines {}); give each its own id by hand", list(.lines))]
    FoundTwice { id: String, lines: Vec<usize> },
    #[error("line {line}: commitment `{id}` is written on one line (`{{...}}`); write it one key per line so that coach can edit it")]
    FlowStyle { id: String, line: usize },
    #[error("the `id: {id}` of commitment `{id}` is not on a line of its own; write it one key per line so that coach can edit it")]
    Unrecognised { id: String },
    #[error("line {line}: commitment `{id}` has no `done:` line of its own; add `done: false` under its id")]
    NoDone { id: String, line: usize },
    #[error("commitment `{id}` has more than one `done:` line (lines {}); keep one", list(.lines))]
    DoneTwice { id: String, lines: Vec<usize> },
    #[error("line {line}: the `done:` of commitment `{id}` is neither `true` nor `false`")]
    DoneNotBool { id: String, line: usize },
    #[error("commitment `{id}` is already done")]
    AlreadyDone { id: String },
    #[error("commitment `{id}` has more than one `due:` line (lines {}); keep one", list(.lines))]
    DueTwice { id: String, lines: Vec<usize> },
    #[error("line {line}: the `due:` of commitment `{id}` is not a one-line date; write it as `due: \"YYYY-MM-DD\"` so that coach can change it")]
    DueNotEditable { id: String, line: usize },
    #[error("commitment `{id}` is already open")]
    AlreadyOpen { id: String },
    #[error("line {line}: commitment `{id}` is open but has a `closed:` line; remove it by hand")]
    ClosedPresent { id: String, line: usize },
    #[error("line {line}: the `closed:` line of commitment `{id}` cannot be removed safely; remove it by hand")]
    ClosedNotEditable { id: String, line: usize },
    #[error(
        "no task line `- [ ] ...` naming `{id}` in the body of the note; add one under `## Commitments`"
    )]
    TaskMissing { id: String },
    #[error("more than one task line names `{id}` in the body (lines {}); keep one", list(.lines))]
    TaskTwice { id: String, lines: Vec<usize> },
    #[error("line {line}: the task line of `{id}` disagrees with its `done: {done}` in the front matter; make them agree by hand")]
    TaskDisagrees { id: String, line: usize, done: bool },
    #[error(
        "the edit of commitment `{id}` would change more than the commitment; nothing was written"
    )]
    Unverified { id: String },
    #[error("{} changed while coach was editing it; nothing was written, run the command again", .path.display())]
    Changed { path: PathBuf },
    #[error(transparent)]
    File(Box<crate::error::Error>),
}

impl From<crate::error::Error> for EditError {
    fn from(error: crate::error::Error) -> Self {
        EditError::File(Box::new(error))
    }
}

fn at(line: Option<usize>) -> String {
    line.map(|line| format!("line {line}: "))
        .unwrap_or_default()
}

fn list(lines: &[usize]) -> String {
    lines
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The note `text` with commitment `id` marked done on `date` (the pure
/// edit `apply` makes; the tests hold it to every byte).
#[cfg(test)]
pub fn close(text: &str, id: &str, date: Date) -> Result<String, EditError> {
    lines::edit(text, id, Change::Close(date)).map(|(text, _, _)| text)
}

/// The note `text` with commitment `id` marked open again: the exact reverse
/// of [`close`].
#[cfg(test)]
pub fn reopen(text: &str, id: &str) -> Result<String, EditError> {
    lines::edit(text, id, Change::Reopen).map(|(text, _, _)| text)
}

/// The note `text` with open commitment `id` due on `date`.
#[cfg(test)]
pub fn reschedule(text: &str, id: &str, date: Date) -> Result<String, EditError> {
    lines::edit(text, id, Change::Reschedule(date)).map(|(text, _, _)| text)
}

/// What `coach notes check` reports of one note's task lines.
#[derive(Debug, Default)]
pub struct Checked<'a> {
    /// The commitments `coach done` or `coach reopen` would refuse to edit,
    /// and why.
    pub refused: Vec<(&'a str, EditError)>,
    /// Task lines (1-based line, id) naming a commitment id that no
    /// commitment of the front matter has: one deleted there by hand.
    pub orphans: Vec<(usize, String)>,
}

/// Whether `coach done` (for an open commitment) or `coach reopen` (for a
/// done one) could edit each of `commitments` (id, done) of the note at
/// `path`, by the very rules they use, and which task lines name an id none
/// of them has: `coach notes check` reports both.
pub fn check<'a>(path: &Path, commitments: &[(&'a str, bool)]) -> Result<Checked<'a>, EditError> {
    let text = String::from_utf8(swap::read_note(path)?).map_err(|_| {
        EditError::from(crate::error::Error::io("cannot read", path)(
            std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text"),
        ))
    })?;
    // Any day will do: only whether the edit can be made matters.
    let day = jiff::civil::date(2000, 1, 1);
    let refused = commitments
        .iter()
        .filter_map(|&(id, done)| {
            let change = if done {
                Change::Reopen
            } else {
                Change::Close(day)
            };
            lines::edit(&text, id, change)
                .err()
                .map(|error| (id, error))
        })
        .collect();
    let orphans = match layout::Note::read(&text) {
        Ok(note) => layout::task_ids(&note)
            .into_iter()
            .filter(|(_, id)| !commitments.iter().any(|(known, _)| known == id))
            .map(|(at, id)| (at + 1, id.to_string()))
            .collect(),
        Err(_) => Vec::new(),
    };
    Ok(Checked { refused, orphans })
}

/// Reads the note at `path`, edits it and writes it back only if nobody
/// changed it meanwhile; a note changed under the edit is read and edited
/// once more, then the change is reported as [`EditError::Changed`].
pub fn apply(path: &Path, id: &str, change: Change) -> Result<Applied, EditError> {
    let mut tries = 0;
    loop {
        tries += 1;
        let before = swap::read_note(path)?;
        let text = std::str::from_utf8(&before).map_err(|_| {
            crate::error::Error::io("cannot read", path)(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "it is not UTF-8 text",
            ))
        })?;
        let (after, done_line, task_line) = lines::edit(text, id, change)?;
        match replace_if_unchanged(path, &before, after.as_bytes()) {
            Err(EditError::Changed { .. }) if tries < 2 => continue,
            Err(error) => return Err(error),
            Ok(()) => {
                return Ok(Applied {
                    path: path.to_path_buf(),
                    done_line,
                    task_line,
                })
            }
        }
    }
}
