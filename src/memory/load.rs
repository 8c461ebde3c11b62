//! Where a command gets its notes: through the index when there is one to
//! use, else from the files. The index never decides what is true: a
//! damaged one is built again, and one that cannot be used is passed by
//! with a notice, never silently.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::memory::archive::{Archive, Want};
use crate::memory::index::{self, Index, IndexError, Progress};
use crate::memory::note_record::NoteRecord;
use crate::memory::read::Unreadable;

/// How to reach the notes.
pub struct Source<'a> {
    pub notes_dir: &'a Path,
    /// The folder of index databases; None reads the notes directly
    /// (`--no-index`).
    pub cache_dir: Option<&'a Path>,
}

/// Where notices go (stderr in coach, a list in tests).
pub type Notices<'a> = &'a mut dyn FnMut(String);

/// The notes `want` asks for, fresh from disk.
pub fn archive(
    source: &Source<'_>,
    want: Want,
    progress: &mut dyn Progress,
    notice: Notices<'_>,
) -> Result<Archive, Error> {
    let answer = through_index(source, progress, notice, &mut |index, problems| {
        let mut archive = index.archive(want)?;
        archive.unreadable.extend(problems);
        archive.sort();
        Ok(archive)
    })?;
    match answer {
        Some(archive) => Ok(archive),
        None => Archive::read(source.notes_dir, want),
    }
}

/// `map` of the notes `want` asks for, one customer (by name key) at a
/// time in order of key, each customer's notes by date then path; and the
/// notes that could not be read. Through the index only one customer's
/// notes are held at a time.
pub fn by_customer<T>(
    source: &Source<'_>,
    want: Want,
    progress: &mut dyn Progress,
    notice: Notices<'_>,
    map: &mut dyn FnMut(Vec<NoteRecord>) -> T,
) -> Result<(Vec<T>, Vec<Unreadable>), Error> {
    let answer = through_index(source, progress, notice, &mut |index, problems| {
        let mut mapped = Vec::new();
        index.by_customer(want, &mut |notes| mapped.push(map(notes)))?;
        Ok((mapped, sorted(index.unreadable()?, problems)))
    })?;
    if let Some(answer) = answer {
        return Ok(answer);
    }
    let archive = Archive::read(source.notes_dir, want)?;
    let unreadable = archive.unreadable.clone();
    Ok((archive.by_customer().map(map).collect(), unreadable))
}

/// Every note of the customer named `name` (any case, spacing or Unicode
/// form), by date then path, with all their answers; unreadable notes are
/// left to the memory commands to report.
pub fn customer_notes(
    source: &Source<'_>,
    name: &str,
    progress: &mut dyn Progress,
    notice: Notices<'_>,
) -> Result<Vec<NoteRecord>, Error> {
    let key = crate::slug::name_key(name);
    let want = Want {
        notes: crate::memory::Which::Customer(&key),
        answers: crate::memory::Answers::All,
    };
    Ok(archive(source, want, progress, notice)?.notes)
}

/// Every commitment id in the notes, sorted, each once; and the notes that
/// could not be read (a commitment in one of them is unknown).
pub fn commitment_ids(
    source: &Source<'_>,
    progress: &mut dyn Progress,
    notice: Notices<'_>,
) -> Result<(Vec<String>, Vec<Unreadable>), Error> {
    let answer = through_index(source, progress, notice, &mut |index, problems| {
        Ok((
            index.commitment_ids()?,
            sorted(index.unreadable()?, problems),
        ))
    })?;
    if let Some(answer) = answer {
        return Ok(answer);
    }
    let want = Want {
        notes: crate::memory::Which::WithCommitments,
        answers: crate::memory::Answers::None,
    };
    let archive = Archive::read(source.notes_dir, want)?;
    let ids: std::collections::BTreeSet<String> = archive
        .notes
        .into_iter()
        .flat_map(|note| note.commitments)
        .filter_map(|commitment| commitment.id)
        .collect();
    Ok((ids.into_iter().collect(), archive.unreadable))
}

/// Which of `ids` a note already uses for a commitment, by the index
/// brought up to date. Without an index (`--no-index`, no notes yet, or one
/// that cannot be used) none are known taken: new ids are 40 random bits,
/// and reading every note on each debrief would cost more than it saves.
pub fn taken_ids(
    source: &Source<'_>,
    ids: &[String],
    progress: &mut dyn Progress,
    notice: Notices<'_>,
) -> Result<Vec<String>, Error> {
    let answer = through_index(source, progress, notice, &mut |index, _| {
        index.taken_ids(ids)
    })?;
    Ok(answer.unwrap_or_default())
}

/// A question for an up-to-date index, given the folders the scan could
/// not list.
type Query<'a, T> = &'a mut dyn FnMut(&Index, Vec<Unreadable>) -> Result<T, IndexError>;

/// Unreadable notes from the index and from the scan, by path.
fn sorted(mut unreadable: Vec<Unreadable>, more: Vec<Unreadable>) -> Vec<Unreadable> {
    unreadable.extend(more);
    unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    unreadable
}

/// What the freshly updated index of the notes folder answers to `query`
/// (given the folders the scan could not list); None when there is no
/// index to use (told why in a notice unless it is off or there are no
/// notes). A damaged or outdated index is built again once.
fn through_index<T>(
    source: &Source<'_>,
    progress: &mut dyn Progress,
    notice: Notices<'_>,
    query: Query<'_, T>,
) -> Result<Option<T>, Error> {
    let Some(database) = usable_database(source) else {
        return Ok(None);
    };
    let mut rebuilt = false;
    loop {
        let answer = Index::open(&database, source.notes_dir).and_then(|mut index| {
            let problems = index.refresh(progress)?;
            Ok((index.created, query(&index, problems)?))
        });
        match answer {
            Ok((created, answer)) => {
                // Said once, when the cache appears (a rebuild said so already).
                if created && !rebuilt {
                    notice(format!(
                        "indexed the notes into {} (a cache: safe to delete)",
                        database.display()
                    ));
                }
                return Ok(Some(answer));
            }
            Err(IndexError::Notes(error)) => return Err(error),
            Err(IndexError::Outdated(why)) if !rebuilt => {
                rebuilt = true;
                notice(format!(
                    "the index {} cannot be used: {why}; building it again from the notes",
                    database.display()
                ));
                if let Err(error) = index::remove(&database) {
                    notice(format!(
                        "cannot remove the index {}: {error}; reading the notes directly",
                        database.display()
                    ));
                    return Ok(None);
                }
            }
            Err(error) => {
                notice(format!(
                    "cannot use the index {}: {error}; reading the notes directly",
                    database.display()
                ));
                return Ok(None);
            }
        }
    }
}

/// The index database for the notes folder; none without a cache folder or
/// without notes (a folder not made yet needs no index).
fn usable_database(source: &Source<'_>) -> Option<PathBuf> {
    let cache_dir = source.cache_dir?;
    if !source.notes_dir.is_dir() {
        return None;
    }
    Some(index::database_path(cache_dir, source.notes_dir))
}
