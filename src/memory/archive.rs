//! The notes read back, whole or only what a command needs: read from the
//! files themselves, or through the index (`memory::index`), with the same
//! result either way.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::Error;
use crate::memory::note_record::NoteRecord;
use crate::memory::read::{self, Unreadable};
use crate::memory::scan;

/// The notes read, sorted by date then path, and the ones that could not be.
#[derive(Debug, Default, PartialEq)]
pub struct Archive {
    pub notes: Vec<NoteRecord>,
    pub unreadable: Vec<Unreadable>,
}

/// What a command needs of the archive: fewer notes and fewer answers keep
/// a large archive fast to read and small in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want<'a> {
    pub notes: Which<'a>,
    pub answers: Answers,
}

/// Which notes to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which<'a> {
    All,
    /// Notes of the customer with this name key (`slug::name_key`).
    Customer(&'a str),
    /// Notes holding a commitment with one of these ids.
    HoldingIds(&'a [String]),
    /// Notes with at least one commitment, open or done.
    WithCommitments,
    /// Notes with at least one open commitment (and all of theirs).
    WithOpenCommitments,
}

/// Which answers to keep in each note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answers {
    None,
    /// Whole-number answers only: scale answers and ratings, what the
    /// relationship figures are made of.
    Numbers,
    All,
}

impl Want<'_> {
    /// Whether `note` is one of the notes wanted.
    pub fn keeps(&self, note: &NoteRecord) -> bool {
        match self.notes {
            Which::All => true,
            Which::Customer(key) => crate::slug::name_key(&note.customer) == *key,
            Which::HoldingIds(ids) => note
                .commitments
                .iter()
                .any(|c| c.id.as_ref().is_some_and(|id| ids.contains(id))),
            Which::WithCommitments => !note.commitments.is_empty(),
            Which::WithOpenCommitments => note.commitments.iter().any(|c| !c.done),
        }
    }

    /// `note` cut down to what is wanted; None when it is not wanted.
    pub fn trim(&self, mut note: NoteRecord) -> Option<NoteRecord> {
        if !self.keeps(&note) {
            return None;
        }
        match self.answers {
            Answers::All => {}
            // Rebuilt, not filtered in place: the map kept for each note
            // of an archive is no larger than its numbers.
            Answers::Numbers => {
                let count = note.answers.values().filter(|v| is_whole_number(v)).count();
                let mut numbers = serde_json::Map::with_capacity(count);
                for (id, value) in std::mem::take(&mut note.answers) {
                    if is_whole_number(&value) {
                        numbers.insert(id, value);
                    }
                }
                note.answers = numbers;
            }
            Answers::None => note.answers = Default::default(),
        }
        Some(note)
    }
}

/// A whole number: the kind of answer `Answers::Numbers` keeps.
pub fn is_whole_number(value: &Value) -> bool {
    matches!(value, Value::Number(number) if number.is_i64())
}

impl Archive {
    /// Reads every note under `notes_dir` from the files, keeping what
    /// `want` asks for. A missing folder is an empty archive and a notes
    /// folder that cannot be read an error.
    pub fn read(notes_dir: &Path, want: Want) -> Result<Archive, Error> {
        let mut archive = Archive::default();
        let files = scan::note_files(notes_dir, &mut archive.unreadable)?;
        let paths: Vec<&Path> = files.iter().map(|file| file.path.as_path()).collect();
        // Each note cut down as it arrives: only what is wanted is held.
        read::each_front_matter(&paths, |read| match read {
            Ok(note) => archive.notes.extend(want.trim(note)),
            Err(unreadable) => archive.unreadable.push(unreadable),
        });
        archive.sort();
        Ok(archive)
    }

    /// Notes by date then path, unreadable ones by path: one order however
    /// they were found.
    pub fn sort(&mut self) {
        sort_notes(&mut self.notes);
        self.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// Prints one warning line per unreadable note on stderr.
    pub fn warn(&self) {
        warn(&self.unreadable);
    }
}

/// Prints one warning line per unreadable note on stderr
/// (`coach: warning: path:line: reason`), control characters made visible.
pub fn warn(unreadable: &[Unreadable]) {
    use std::io::Write;
    let mut stderr = std::io::stderr().lock();
    for note in unreadable {
        let line = format!("coach: warning: {note}");
        let _ = writeln!(stderr, "{}", crate::text::visible_controls(&line));
    }
}

/// Notes by date, then path (no two notes share a path, so an unstable
/// sort gives the one order, without a second buffer of the notes).
pub fn sort_notes(notes: &mut [NoteRecord]) {
    notes.sort_unstable_by(|a, b| a.date.cmp(&b.date).then_with(|| a.path.cmp(&b.path)));
}

/// Every file under `notes_dir` that may be a note, sorted by path.
pub fn note_paths(
    notes_dir: &Path,
    unreadable: &mut Vec<Unreadable>,
) -> Result<Vec<PathBuf>, Error> {
    Ok(scan::note_files(notes_dir, unreadable)?
        .into_iter()
        .map(|file| file.path)
        .collect())
}
