//! Where a command gets its notes: through the index when there is one to
//! use, else from the files. The index never decides what is true: a
//! damaged one is built again, and one that cannot be used is passed by
//! with a notice, never silently.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::memory::archive::{Archive, Want};
use crate::memory::index::{self, Index, IndexError, Progress};

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
    let database = match usable_database(source) {
        Some(database) => database,
        None => return Archive::read(source.notes_dir, want),
    };
    let mut rebuilt = false;
    loop {
        // A rebuild has said its one notice already.
        let announce = !rebuilt;
        match through_index(
            &database,
            source.notes_dir,
            want,
            progress,
            announce,
            notice,
        ) {
            Ok(archive) => return Ok(archive),
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
                    return Archive::read(source.notes_dir, want);
                }
            }
            Err(error) => {
                notice(format!(
                    "cannot use the index {}: {error}; reading the notes directly",
                    database.display()
                ));
                return Archive::read(source.notes_dir, want);
            }
        }
    }
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
) -> Vec<String> {
    let Some(database) = usable_database(source) else {
        return Vec::new();
    };
    let taken = Index::open(&database, source.notes_dir).and_then(|mut index| {
        index.refresh(progress)?;
        index.taken_ids(ids)
    });
    match taken {
        Ok(taken) => taken,
        Err(error) => {
            notice(format!(
                "cannot check the new commitment ids against the index {}: {error}",
                database.display()
            ));
            Vec::new()
        }
    }
}

fn through_index(
    database: &Path,
    notes_dir: &Path,
    want: Want,
    progress: &mut dyn Progress,
    announce: bool,
    notice: Notices<'_>,
) -> Result<Archive, IndexError> {
    let mut index = Index::open(database, notes_dir)?;
    let folders_unreadable = index.refresh(progress)?;
    if index.created && announce {
        // Said once, when the cache appears: where it is and that it may go.
        notice(format!(
            "indexed the notes into {} (a cache: safe to delete)",
            database.display()
        ));
    }
    let mut archive = index.archive(want)?;
    archive.unreadable.extend(folders_unreadable);
    archive.sort();
    Ok(archive)
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
