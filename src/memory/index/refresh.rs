//! Freshness: every run lists the notes, stats each one, and reads again
//! only those whose (modification time, size, inode) changed since they
//! were read, dropping the ones gone and adding the new ones.

use std::path::Path;

use rusqlite::Connection;

use crate::memory::index::rows::{self, Read};
use crate::memory::index::IndexError;
use crate::memory::read::{self, Unreadable};
use crate::memory::scan::{self, NoteFile, Stamp};

/// A note modified this close to its reading may have changed again within
/// the same clock tick: it is read again next time (git's racy-file rule).
const RACY_NS: i64 = 2_000_000_000;

/// Notes read between two reports to the progress display.
const CHUNK: usize = 256;

/// Told how a long read is going: notes read of the total.
pub trait Progress {
    fn reading(&mut self, done: usize, total: usize);
    fn finished(&mut self);
}

/// A file to read, and whether the index has a row for it to replace.
#[derive(Clone, Copy)]
struct Stale<'a> {
    key: &'a [u8],
    file: &'a NoteFile,
    known: bool,
}

/// A file found on disk, by its key in the index.
type Found<'a> = (&'a [u8], &'a NoteFile);

pub fn refresh(
    connection: &mut Connection,
    notes_dir: &Path,
    progress: &mut dyn Progress,
) -> Result<Vec<Unreadable>, IndexError> {
    let mut folders_unreadable = Vec::new();
    let files = scan::note_files(notes_dir, &mut folders_unreadable).map_err(IndexError::Notes)?;
    // In byte order of path, as the index lists them: one walk over both.
    let found: Vec<Found<'_>> = files
        .iter()
        .map(|file| (rows::key_of(notes_dir, &file.path), file))
        .collect();
    let (stale, gone) = compare(connection, &found)?;
    if stale.is_empty() && gone.is_empty() {
        return Ok(folders_unreadable);
    }
    let transaction =
        connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Again under the write lock: another coach may have updated the index
    // since, and each note is to be added, replaced or dropped exactly once.
    let (stale, gone) = compare(&transaction, &found)?;
    for key in gone {
        rows::forget(&transaction, &key)?;
    }
    let total = stale.len();
    for (chunk_number, chunk) in stale.chunks(CHUNK).enumerate() {
        let read_ns = now_ns();
        let paths: Vec<&Path> = chunk
            .iter()
            .map(|stale| stale.file.path.as_path())
            .collect();
        let results = read::front_matters(&paths);
        for (stale, result) in chunk.iter().zip(&results) {
            let read = match result {
                Ok(note) => Read::Note(note),
                Err(unreadable) => Read::Unreadable(unreadable),
            };
            rows::store(
                &transaction,
                stale.key,
                stale.file.stamp,
                read_ns,
                read,
                stale.known,
            )?;
        }
        progress.reading((chunk_number * CHUNK + chunk.len()).min(total), total);
    }
    transaction.commit()?;
    progress.finished();
    Ok(folders_unreadable)
}

/// The files to read (new, changed or racy) and the keys of notes gone:
/// the index's stamps, read in path order, walked beside the files found.
fn compare<'a>(
    connection: &Connection,
    found: &[Found<'a>],
) -> rusqlite::Result<(Vec<Stale<'a>>, Vec<Vec<u8>>)> {
    let mut statement = connection
        .prepare_cached("SELECT path, mtime_ns, size, inode, read_ns FROM notes ORDER BY path")?;
    let mut rows = statement.query([])?;
    let mut stale = Vec::new();
    let mut gone = Vec::new();
    let mut at = 0;
    while let Some(row) = rows.next()? {
        let key = row.get_ref(0)?.as_blob()?;
        while at < found.len() && found[at].0 < key {
            stale.push(Stale::new(found[at]));
            at += 1;
        }
        if found.get(at).is_none_or(|file| file.0 != key) {
            gone.push(key.to_vec());
            continue;
        }
        let stamp = Stamp {
            mtime_ns: row.get(1)?,
            size: row.get(2)?,
            inode: row.get(3)?,
        };
        let read_ns: i64 = row.get(4)?;
        let racy = stamp.mtime_ns > read_ns - RACY_NS;
        if found[at].1.stamp != stamp || racy {
            stale.push(Stale {
                known: true,
                ..Stale::new(found[at])
            });
        }
        at += 1;
    }
    stale.extend(found[at..].iter().copied().map(Stale::new));
    Ok((stale, gone))
}

impl<'a> Stale<'a> {
    /// A file the index has no row for.
    fn new((key, file): Found<'a>) -> Stale<'a> {
        Stale {
            key,
            file,
            known: false,
        }
    }
}

fn now_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos() as i64)
}
