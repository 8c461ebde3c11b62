//! `coach done ID...` and `coach reopen ID...`: a commitment closed or
//! opened again in its note, by a one-line edit of the front matter and a
//! tick of its task line.
//!
//! Exit codes: 0 every id applied, 1 one could not be (already done or
//! open, a note that cannot be edited, an id in two notes), 2 a usage
//! error: an unknown or ambiguous id, a bad `--date`, no id without a
//! terminal. A usage error changes no note.

use std::io::Write;
use std::path::Path;

use crate::config::Config;
use crate::error::Error;
use crate::exit_code;
use crate::memory::edit::{self, Change, EditError};
use crate::memory::note_record::CommitmentRecord;
use crate::memory::read::Unreadable;
use crate::memory::resolve::{resolve, Unresolved};
use crate::memory::{promise, Answers, Archive, NoteRecord, Want, Which};
use crate::text::{one_line, shown, visible_controls};

/// Asks which of the labelled commitments to close: the positions chosen,
/// or None when the person backed out (Esc).
pub type Picker<'a> = &'a mut dyn FnMut(&[String]) -> std::io::Result<Option<Vec<usize>>>;

/// One commitment with an id, and the note that holds it.
struct Found<'a> {
    note: &'a NoteRecord,
    commitment: &'a CommitmentRecord,
}

impl Found<'_> {
    fn id(&self) -> &str {
        self.commitment.id.as_deref().unwrap_or_default()
    }
}

/// `coach done`: closes the commitments `ids` name, on `--date` or today;
/// with no id, `pick` chooses among the open ones.
pub fn done(
    ids: &[String],
    date: Option<&str>,
    config: &Config,
    out: &mut impl Write,
    pick: Picker,
) -> Result<i32, Error> {
    let date = match date {
        Some(text) => crate::dates::parse(text, config.today)
            .map_err(|error| Error::usage(format!("--date: {error}")))?,
        None => config.today,
    };
    if ids.is_empty() && !config.can_prompt {
        return Err(Error::Usage {
            message: "no commitment id given, and no terminal to choose one on".to_string(),
            hint: Some(
                "name them: `coach done ID...`; `coach due` lists the open ones with their ids"
                    .to_string(),
            ),
        });
    }
    let ids = if ids.is_empty() {
        let open = Want {
            notes: Which::WithOpenCommitments,
            answers: Answers::None,
        };
        let archive = super::notes_source::read_notes(config, open)?;
        match picked(&archive, config, pick)? {
            Some(ids) => ids,
            None => return Ok(exit_code::INTERRUPTED),
        }
    } else {
        ids.to_vec()
    };
    apply_all(&ids, config, Change::Close(date), out)
}

/// `coach reopen`: opens the commitments `ids` name again.
pub fn reopen(ids: &[String], config: &Config, out: &mut impl Write) -> Result<i32, Error> {
    apply_all(ids, config, Change::Reopen, out)
}

/// Closes each of `ids` (whole ids) in its own note on `date`, as
/// `coach done` does, for a debrief that recorded them as kept: the lines
/// saying what was closed, and one line per id that could not be.
pub fn close_each(
    ids: &[String],
    date: jiff::civil::Date,
    config: &Config,
) -> (Vec<Edited>, Vec<String>) {
    let changes: Vec<(String, Change)> = ids
        .iter()
        .map(|id| (id.clone(), Change::Close(date)))
        .collect();
    change_each(&changes, config)
}

/// Applies each change to its commitment (whole ids) in its own note, for a
/// debrief that closed or rescheduled them: the lines saying what was
/// changed, and one line per id that could not be.
pub fn change_each(changes: &[(String, Change)], config: &Config) -> (Vec<Edited>, Vec<String>) {
    let ids: Vec<String> = changes.iter().map(|(id, _)| id.clone()).collect();
    let not_done = |id: &str, change: &Change, why: &str| match change {
        Change::Reschedule(date) => format!(
            "commitment `{id}` is not rescheduled: {why}; change its `due:` to \"{date}\" by hand"
        ),
        _ => format!("commitment `{id}` is not closed: {why}; `coach done {id}` closes it"),
    };
    let holding_them = Want {
        notes: Which::HoldingIds(&ids),
        answers: Answers::None,
    };
    let archive = match super::notes_source::read_notes(config, holding_them) {
        Ok(archive) => archive,
        Err(error) => {
            let why = error.to_string();
            let failed = changes
                .iter()
                .map(|(id, change)| not_done(id, change, &why))
                .collect();
            return (Vec::new(), failed);
        }
    };
    let found = commitments(&archive);
    let (mut changed, mut failed) = (Vec::new(), Vec::new());
    for (id, change) in changes {
        let holding: Vec<&Found> = found.iter().filter(|found| found.id() == id).collect();
        if holding.is_empty() {
            failed.push(format!(
                "commitment `{id}` is in no note any more; nothing was changed"
            ));
            continue;
        }
        match apply_one(id, &holding, *change, &mut std::io::sink()) {
            Ok(edit) => changed.push(edit),
            Err(line) => failed.push(line),
        }
    }
    (changed, failed)
}

/// Every commitment with an id, in the archive's order.
fn commitments(archive: &Archive) -> Vec<Found<'_>> {
    archive
        .notes
        .iter()
        .flat_map(|note| {
            note.commitments
                .iter()
                .filter(|commitment| commitment.id.is_some())
                .map(move |commitment| Found { note, commitment })
        })
        .collect()
}

/// The ids of the open commitments chosen at the terminal, most urgent
/// first; None when the person backed out.
fn picked(archive: &Archive, config: &Config, pick: Picker) -> Result<Option<Vec<String>>, Error> {
    let open: Vec<promise::Promise> = promise::promises(&archive.notes, &config.me, config.today)
        .into_iter()
        .filter(|promise| !promise.commitment.done && promise.commitment.id.is_some())
        .collect();
    // Not locked: the picker's signal thread writes to stderr while it waits.
    let mut stderr = std::io::stderr();
    if open.is_empty() {
        let _ = writeln!(
            stderr,
            "coach: no open commitment has an id; nothing to close"
        );
        return Ok(Some(Vec::new()));
    }
    let width = |text: &str| console::measure_text_width(text);
    let customers: Vec<String> = open.iter().map(|p| shown(&p.note.customer)).collect();
    let widest = customers.iter().map(|c| width(c)).max().unwrap_or(0);
    let labels: Vec<String> = open
        .iter()
        .zip(&customers)
        .map(|(promise, customer)| {
            let due = promise
                .commitment
                .due
                .map(|due| format!("  (due {due})"))
                .unwrap_or_default();
            let customer = console::pad_str(customer, widest, console::Alignment::Left, None);
            format!("{customer}  {}{due}", shown(&promise.commitment.what))
        })
        .collect();
    let chosen = pick(&labels)
        .map_err(|error| Error::io("cannot ask on", Path::new("the terminal"))(error))?;
    let Some(chosen) = chosen else {
        let _ = writeln!(stderr, "coach: interrupted; nothing was changed");
        return Ok(None);
    };
    if chosen.is_empty() {
        let _ = writeln!(stderr, "coach: nothing chosen; nothing was changed");
    }
    Ok(Some(
        chosen
            .into_iter()
            .filter_map(|at| open.get(at))
            .filter_map(|promise| promise.commitment.id.clone())
            .collect(),
    ))
}

/// Resolves every typed id first against every id in the notes (any
/// unknown or ambiguous one is a usage error and nothing is changed), then
/// reads only the notes holding them and applies `change` to each in turn.
fn apply_all(
    typed: &[String],
    config: &Config,
    change: Change,
    out: &mut impl Write,
) -> Result<i32, Error> {
    // One look at the notes answers both: which ids there are, and the
    // notes holding the ones named.
    let notes = super::notes_source::Notes::new(config);
    let (known, unreadable) = notes.commitment_ids()?;
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    let mut ids: Vec<String> = Vec::new();
    let mut unresolved = Vec::new();
    for typed in typed {
        match resolve(typed, &known) {
            Ok(at) if !ids.iter().any(|id| id == known[at]) => ids.push(known[at].to_string()),
            Ok(_) => {}
            Err(error) => unresolved.push(error),
        }
    }
    if !unresolved.is_empty() {
        crate::memory::archive::warn(&unreadable);
        return Ok(report_unresolved(&unresolved, &unreadable));
    }
    let holding_them = Want {
        notes: Which::HoldingIds(&ids),
        answers: Answers::None,
    };
    let archive = notes.read(holding_them)?;
    let found = commitments(&archive);
    let mut code = exit_code::SUCCESS;
    let mut edited = Vec::new();
    for id in &ids {
        let holding: Vec<&Found> = found.iter().filter(|found| found.id() == id).collect();
        match apply_one(id, &holding, change, out) {
            Ok(edit) => edited.push(edit),
            Err(line) => {
                code = exit_code::FAILURE;
                error_line(&line);
            }
        }
    }
    commit_edits(&edited, config);
    Ok(code)
}

/// Applies `change` to the commitment `id` held by `holding` (all records
/// of that id): one stdout line when done, else the error line.
fn apply_one(
    id: &str,
    holding: &[&Found],
    change: Change,
    out: &mut impl Write,
) -> Result<Edited, String> {
    let mut paths: Vec<&Path> = holding
        .iter()
        .map(|found| found.note.path.as_path())
        .collect();
    paths.dedup();
    let [path] = paths.as_slice() else {
        let listed: Vec<String> = paths
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        return Err(format!(
            "commitment `{id}` is in {} notes: {}; give each its own id by hand (`coach notes check` lists them)",
            paths.len(),
            listed.join(", ")
        ));
    };
    let found = holding[0];
    match edit::apply(path, id, change) {
        Ok(_) => {
            let verb = match change {
                Change::Close(_) => "closed".to_string(),
                Change::Reopen => "reopened".to_string(),
                Change::Reschedule(date) => format!("due {date}:"),
            };
            let line = format!(
                "{verb} {id}  {} ({})",
                one_line(&found.commitment.what),
                one_line(&found.note.customer)
            );
            // A closed stdout is not an error of the edit, which is written.
            let _ = writeln!(out, "{}", visible_controls(&line)).and_then(|()| out.flush());
            Ok(Edited {
                path: path.to_path_buf(),
                line,
            })
        }
        Err(EditError::AlreadyDone { .. }) => {
            let closed = found
                .commitment
                .closed
                .map(|date| format!(" (closed {date})"))
                .unwrap_or_default();
            Err(format!(
                "{}: commitment `{id}` is already done{closed}; `coach reopen {id}` opens it again",
                path.display()
            ))
        }
        Err(EditError::AlreadyOpen { .. }) => Err(format!(
            "{}: commitment `{id}` is already open; `coach done {id}` closes it",
            path.display()
        )),
        Err(error @ (EditError::Changed { .. } | EditError::File(_))) => Err(error.to_string()),
        Err(error) => Err(format!("{}: {error}", path.display())),
    }
}

/// A note edited, and the line that says how.
pub struct Edited {
    pub path: std::path::PathBuf,
    pub line: String,
}

/// Commits the edited notes when the notes are shared through git (`git:
/// commit`): one commit, its subject the edit or how many there were.
pub fn commit_edits(edited: &[Edited], config: &Config) {
    if !config.git || edited.is_empty() {
        return;
    }
    let message = match edited {
        [one] => format!("coach: {}", one.line),
        many => format!(
            "coach: {} commitments changed\n\n{}",
            many.len(),
            many.iter()
                .map(|edit| format!("- {}", edit.line))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    let paths: Vec<std::path::PathBuf> = edited.iter().map(|edit| edit.path.clone()).collect();
    if let Err(why) = crate::notes::git::commit(&config.notes_dir, &paths, &message) {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            visible_controls(&format!(
                "coach: warning: the edit is written but not committed: {why}"
            ))
        );
    }
}

/// One error line per id that names no single commitment; exit 2.
fn report_unresolved(unresolved: &[Unresolved], unreadable: &[Unreadable]) -> i32 {
    for error in unresolved {
        error_line(&error.to_string());
    }
    let unknown = unresolved
        .iter()
        .any(|error| matches!(error, Unresolved::Unknown { .. }));
    if unknown && !unreadable.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "coach: hint: {} could not be read (see the warnings above); a commitment in one of them cannot be found until it is fixed",
            crate::error::plural(unreadable.len(), "note")
        );
    }
    let _ = writeln!(std::io::stderr(), "coach: nothing was changed");
    exit_code::USAGE
}

fn error_line(line: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        visible_controls(&format!("coach: error: {line}"))
    );
}
