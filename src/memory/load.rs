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
    if let Some(fresh) = fresh_index(source, progress, notice)? {
        match fresh.index.archive(want) {
            Ok(mut archive) => {
                archive.unreadable.extend(fresh.problems);
                archive.sort();
                return Ok(archive);
            }
            Err(error) => given_up(&fresh.database, error, notice)?,
        }
    }
    Archive::read(source.notes_dir, want)
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
    if let Some(fresh) = fresh_index(source, progress, notice)? {
        let mut mapped = Vec::new();
        let read = fresh
            .index
            .by_customer(want, &mut |notes| mapped.push(map(notes)))
            .and_then(|()| fresh.index.unreadable());
        match read {
            Ok(mut unreadable) => {
                unreadable.extend(fresh.problems);
                unreadable.sort_by(|a, b| a.path.cmp(&b.path));
                return Ok((mapped, unreadable));
            }
            Err(error) => given_up(&fresh.database, error, notice)?,
        }
    }
    let archive = Archive::read(source.notes_dir, want)?;
    let unreadable = archive.unreadable.clone();
    Ok((archive.by_customer().map(map).collect(), unreadable))
}

/// Every commitment id in the notes, sorted, each once; and the notes that
/// could not be read (a commitment in one of them is unknown).
pub fn commitment_ids(
    source: &Source<'_>,
    progress: &mut dyn Progress,
    notice: Notices<'_>,
) -> Result<(Vec<String>, Vec<Unreadable>), Error> {
    if let Some(fresh) = fresh_index(source, progress, notice)? {
        let read = fresh
            .index
            .commitment_ids()
            .and_then(|ids| Ok((ids, fresh.index.unreadable()?)));
        match read {
            Ok((ids, mut unreadable)) => {
                unreadable.extend(fresh.problems);
                unreadable.sort_by(|a, b| a.path.cmp(&b.path));
                return Ok((ids, unreadable));
            }
            Err(error) => given_up(&fresh.database, error, notice)?,
        }
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
    if let Some(fresh) = fresh_index(source, progress, notice)? {
        match fresh.index.taken_ids(ids) {
            Ok(taken) => return Ok(taken),
            Err(error) => given_up(&fresh.database, error, notice)?,
        }
    }
    Ok(Vec::new())
}

/// An index brought up to date, and the folders the scan could not list.
struct Fresh {
    index: Index,
    database: PathBuf,
    problems: Vec<Unreadable>,
}

/// The index of the notes folder, up to date; None when there is none to
/// use (told why in a notice unless it is off or there are no notes). A
/// damaged or outdated index is built again once.
fn fresh_index(
    source: &Source<'_>,
    progress: &mut dyn Progress,
    notice: Notices<'_>,
) -> Result<Option<Fresh>, Error> {
    let Some(database) = usable_database(source) else {
        return Ok(None);
    };
    let mut rebuilt = false;
    loop {
        let opened = Index::open(&database, source.notes_dir).and_then(|mut index| {
            let problems = index.refresh(progress)?;
            Ok((index, problems))
        });
        match opened {
            Ok((index, problems)) => {
                if index.created {
                    // Said once, when the cache appears: where it is and that it may go.
                    notice(format!(
                        "indexed the notes into {} (a cache: safe to delete)",
                        database.display()
                    ));
                }
                return Ok(Some(Fresh {
                    index,
                    database,
                    problems,
                }));
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
                given_up(&database, error, notice)?;
                return Ok(None);
            }
        }
    }
}

/// Tells why the index was passed by; a damaged one is removed, so that
/// the next run builds it again. The notes are read directly instead.
fn given_up(database: &Path, error: IndexError, notice: Notices<'_>) -> Result<(), Error> {
    if let IndexError::Notes(error) = error {
        return Err(error);
    }
    let removed = matches!(error, IndexError::Outdated(_)) && index::remove(database).is_ok();
    notice(format!(
        "cannot use the index {}: {error}; reading the notes directly{}",
        database.display(),
        if removed {
            " (it is removed, to be built again)"
        } else {
            ""
        }
    ));
    Ok(())
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
