//! The index: a SQLite cache of every note's front matter, kept fresh by
//! comparing what `stat` says of each note with what was read last time.
//! The notes are the truth; the database may be deleted at any time, and
//! a damaged or outdated one is built again from the notes.

mod query;
mod refresh;
pub mod rows;
mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::memory::archive::{sort_notes, Archive, Want};
use crate::memory::index::query::Order;
use crate::memory::note_record::NoteRecord;
use crate::memory::read::Unreadable;

pub use refresh::Progress;

/// How long a coach waits for another one's update before reading the
/// notes directly instead.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open index of one notes folder.
pub struct Index {
    connection: Connection,
    notes_dir: PathBuf,
    /// Built in this run: everything in it was read just now.
    pub created: bool,
}

/// Why the index could not answer.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Damaged, of another schema or of another folder: build it again.
    #[error("{0}")]
    Outdated(String),
    /// Another coach held it longer than the busy timeout.
    #[error("another coach is updating it")]
    Busy,
    #[error("{0}")]
    Sqlite(rusqlite::Error),
    /// The notes folder itself could not be read: no index can help.
    #[error(transparent)]
    Notes(crate::error::Error),
}

impl From<rusqlite::Error> for IndexError {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{
            DatabaseBusy, DatabaseCorrupt, DatabaseLocked, NotADatabase, Unknown,
        };
        match error.sqlite_error_code() {
            Some(DatabaseCorrupt | NotADatabase) => {
                IndexError::Outdated(format!("it is damaged ({error})"))
            }
            // SQLITE_ERROR: a missing table or column, a file edited by hand.
            Some(Unknown) => {
                IndexError::Outdated(format!("it is not as this coach made it ({error})"))
            }
            Some(DatabaseBusy | DatabaseLocked) => IndexError::Busy,
            _ => IndexError::Sqlite(error),
        }
    }
}

impl Index {
    /// Opens the index at `database` for `notes_dir`, creating it when
    /// there is none. `Outdated` when it is of another schema version or
    /// describes another folder.
    pub fn open(database: &Path, notes_dir: &Path) -> Result<Index, IndexError> {
        let created = !database.exists();
        if created {
            create_private(database).map_err(|error| {
                IndexError::Sqlite(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                    Some(error.to_string()),
                ))
            })?;
        }
        let connection = Connection::open_with_flags(
            database,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        // WAL: readers never wait for a writer, and never see half of an update.
        let mode = journal_mode_wal(&connection)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(IndexError::Outdated(format!(
                "it cannot use a write-ahead log (journal mode {mode})"
            )));
        }
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        let folder = folder_key(notes_dir);
        // Both read from one snapshot: another coach may create the tables
        // between two separate reads, which would look like a foreign database.
        let (version, empty) = {
            let snapshot = connection.unchecked_transaction()?;
            let read = (schema::version(&snapshot)?, is_empty(&snapshot)?);
            snapshot.commit()?;
            read
        };
        match version {
            0 if empty => schema::create(&connection, &folder)?,
            0 => {
                return Err(IndexError::Outdated(
                    "it is a database but no coach index".to_string(),
                ))
            }
            schema::VERSION => {}
            other => {
                return Err(IndexError::Outdated(format!(
                    "it is of schema version {other}, this coach uses {}",
                    schema::VERSION
                )))
            }
        }
        if schema::notes_dir(&connection)?.as_deref() != Some(folder.as_str()) {
            return Err(IndexError::Outdated(
                "it describes another notes folder".to_string(),
            ));
        }
        Ok(Index {
            connection,
            notes_dir: notes_dir.to_path_buf(),
            created,
        })
    }

    /// Brings the index up to date with the notes on disk; returns the
    /// folders that could not be listed (not kept in the index).
    pub fn refresh(&mut self, progress: &mut dyn Progress) -> Result<Vec<Unreadable>, IndexError> {
        refresh::refresh(&mut self.connection, &self.notes_dir, progress)
    }

    /// The notes `want` asks for, as they were at the last refresh.
    pub fn archive(&self, want: Want) -> Result<Archive, IndexError> {
        // One snapshot for the notes and their commitments: another coach's
        // update committed between two reads would pair them wrongly.
        let snapshot = self.connection.unchecked_transaction()?;
        let mut notes = Vec::new();
        query::each_note(
            &snapshot,
            &self.notes_dir,
            want,
            Order::Row,
            true,
            &mut |note, _| notes.push(note),
        )?;
        let unreadable = query::unreadable(&snapshot, &self.notes_dir)?;
        snapshot.commit()?;
        Ok(Archive { notes, unreadable })
    }

    /// Each note `want` asks for, in the order of its rows, one at a time,
    /// with its customer's name key.
    pub fn each_note(
        &self,
        want: Want,
        each: &mut dyn FnMut(NoteRecord, &str),
    ) -> Result<(), IndexError> {
        // One snapshot for the notes and their commitments (see `archive`).
        let snapshot = self.connection.unchecked_transaction()?;
        query::each_note(&snapshot, &self.notes_dir, want, Order::Row, true, each)?;
        snapshot.commit()?;
        Ok(())
    }

    /// The notes `want` asks for, one customer (by name key) at a time in
    /// order of key, each customer's notes by date then path; with their
    /// commitments unless `commitments` is false.
    pub fn by_customer(
        &self,
        want: Want,
        commitments: bool,
        each: &mut dyn FnMut(Vec<NoteRecord>),
    ) -> Result<(), IndexError> {
        let mut group: Vec<NoteRecord> = Vec::new();
        let mut group_key = String::new();
        let snapshot = self.connection.unchecked_transaction()?;
        query::each_note(
            &snapshot,
            &self.notes_dir,
            want,
            Order::Customer,
            commitments,
            &mut |note, key| {
                if key != group_key && !group.is_empty() {
                    sort_notes(&mut group);
                    each(std::mem::take(&mut group));
                }
                if key != group_key {
                    group_key = key.to_string();
                }
                group.push(note);
            },
        )?;
        snapshot.commit()?;
        if !group.is_empty() {
            sort_notes(&mut group);
            each(group);
        }
        Ok(())
    }

    /// Every commitment id in the notes, sorted, each once.
    /// Whether any note is indexed: an index of an empty folder is not
    /// worth a word.
    pub fn holds_notes(&self) -> Result<bool, IndexError> {
        Ok(self
            .connection
            .query_row("SELECT EXISTS (SELECT 1 FROM notes)", [], |row| row.get(0))?)
    }

    pub fn commitment_ids(&self) -> Result<Vec<String>, IndexError> {
        Ok(query::commitment_ids(&self.connection)?)
    }

    /// Every file the index knows as no readable note.
    pub fn unreadable(&self) -> Result<Vec<Unreadable>, IndexError> {
        Ok(query::unreadable(&self.connection, &self.notes_dir)?)
    }

    /// Which of `ids` some note already uses for a commitment.
    pub fn taken_ids(&self, ids: &[String]) -> Result<Vec<String>, IndexError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT 1 FROM commitments WHERE id = ?1 LIMIT 1")?;
        let mut taken = Vec::new();
        for id in ids {
            if statement.exists([id])? {
                taken.push(id.clone());
            }
        }
        Ok(taken)
    }
}

/// The database file of the index of `notes_dir` in `cache_dir`: one per
/// notes folder, named by a hash of its real path.
pub fn database_path(cache_dir: &Path, notes_dir: &Path) -> PathBuf {
    let folder = folder_key(notes_dir);
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let hash = folder
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    cache_dir.join(format!("index-{hash:016x}.sqlite3"))
}

/// Removes the database and its log files, so that the next open builds it
/// again; a file already gone is fine.
pub fn remove(database: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(PathBuf::from(name)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
            _ => {}
        }
    }
    Ok(())
}

/// The notes folder as the index names it: its real path when it exists.
fn folder_key(notes_dir: &Path) -> String {
    std::fs::canonicalize(notes_dir)
        .unwrap_or_else(|_| notes_dir.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// A new empty database file only its owner can read: it holds what the
/// notes say about customers. Its log files take the same mode.
fn create_private(database: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(folder) = database.parent() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder)?;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(database)
    {
        Err(error) if error.kind() != std::io::ErrorKind::AlreadyExists => Err(error),
        _ => Ok(()),
    }
}

/// Turns on the write-ahead log. SQLite answers busy at once, without
/// the busy handler, while another coach turns it on in a new database:
/// that is retried for as long as the busy timeout.
fn journal_mode_wal(connection: &Connection) -> rusqlite::Result<String> {
    let started = std::time::Instant::now();
    loop {
        match connection.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0)) {
            Err(error)
                if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            result => return result,
        }
    }
}

fn is_empty(connection: &Connection) -> rusqlite::Result<bool> {
    connection.query_row("SELECT count(*) = 0 FROM sqlite_schema", [], |row| {
        row.get(0)
    })
}
