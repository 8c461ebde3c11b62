//! A note's front matter as rows of the index, and back.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rusqlite::{params, Connection, Row};
use serde_json::{Map, Value};

use crate::memory::archive::is_whole_number;
use crate::memory::note_record::{CommitmentRecord, InviteRecord, NoteRecord};
use crate::memory::read::Unreadable;
use crate::memory::scan::Stamp;

/// A path under the notes folder as the index keys it: its bytes relative
/// to the folder.
pub fn key_of<'a>(notes_dir: &Path, path: &'a Path) -> &'a [u8] {
    // Bytes, not components: the scan's paths all start with the folder as
    // given, and this runs for every note on every run.
    let bytes = path.as_os_str().as_bytes();
    match bytes.strip_prefix(notes_dir.as_os_str().as_bytes()) {
        Some(rest) => rest.strip_prefix(b"/").unwrap_or(rest),
        None => bytes,
    }
}

/// The path a key names, as the scan of `notes_dir` finds it.
pub fn path_of(notes_dir: &Path, key: &[u8]) -> PathBuf {
    notes_dir.join(OsStr::from_bytes(key))
}

/// What one read of a file gave: a note or why it is none.
pub enum Read<'a> {
    Note(&'a NoteRecord),
    Unreadable(&'a Unreadable),
}

/// Replaces whatever the index held for `key` (if `known`: a new file has
/// nothing to replace) with what was read.
pub fn store(
    connection: &Connection,
    key: &[u8],
    stamp: Stamp,
    read_ns: i64,
    read: Read<'_>,
    known: bool,
) -> rusqlite::Result<()> {
    if known {
        forget(connection, key)?;
    }
    let mut insert = connection.prepare_cached(
        "INSERT INTO notes (path, mtime_ns, size, inode, read_ns, version, customer, checklist,
             meeting, date, created, problem_line, problem, numbers, customer_key, invite)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let note = match read {
        Read::Unreadable(unreadable) => {
            insert.execute(params![
                key,
                stamp.mtime_ns,
                stamp.size,
                stamp.inode,
                read_ns,
                None::<i64>,
                None::<String>,
                None::<String>,
                None::<String>,
                None::<String>,
                None::<String>,
                unreadable.line as i64,
                unreadable.reason,
                None::<String>,
                None::<String>,
                None::<String>,
            ])?;
            return Ok(());
        }
        Read::Note(note) => note,
    };
    let numbers: Map<String, Value> = note
        .answers
        .iter()
        .filter(|(_, value)| is_whole_number(value))
        .map(|(id, value)| (id.clone(), value.clone()))
        .collect();
    insert.execute(params![
        key,
        stamp.mtime_ns,
        stamp.size,
        stamp.inode,
        read_ns,
        note.version as i64,
        note.customer,
        note.checklist,
        note.meeting,
        note.date.to_string(),
        note.created,
        None::<i64>,
        None::<String>,
        Value::Object(numbers).to_string(),
        crate::slug::name_key(&note.customer),
        note.invite.as_ref().map(InviteRecord::to_json),
    ])?;
    let id = connection.last_insert_rowid();
    connection
        .prepare_cached("INSERT INTO note_answers (note, answers) VALUES (?1, ?2)")?
        .execute(params![
            id,
            serde_json::to_string(&note.answers).map_err(json)?
        ])?;
    let mut commitment = connection.prepare_cached(
        "INSERT INTO commitments (note, position, id, what, due, who, done, closed, question, line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (position, item) in note.commitments.iter().enumerate() {
        commitment.execute(params![
            id,
            position as i64,
            item.id,
            item.what,
            item.due.map(|date| date.to_string()),
            item.who,
            item.done,
            item.closed.map(|date| date.to_string()),
            item.question,
            item.line as i64,
        ])?;
    }
    Ok(())
}

/// An answer that cannot be written as JSON (none can: they were read as JSON values).
fn json(error: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(error))
}

/// Drops what the index held for `key`.
pub fn forget(connection: &Connection, key: &[u8]) -> rusqlite::Result<()> {
    for table in ["commitments", "note_answers"] {
        connection
            .prepare_cached(&format!(
                "DELETE FROM {table} WHERE note = (SELECT id FROM notes WHERE path = ?1)"
            ))?
            .execute([key])?;
    }
    connection
        .prepare_cached("DELETE FROM notes WHERE path = ?1")?
        .execute([key])?;
    Ok(())
}

pub(super) fn note(row: &Row<'_>, notes_dir: &Path) -> rusqlite::Result<NoteRecord> {
    let answers = match row.get_ref(8)?.as_str_or_null()? {
        Some("{}") | None => Map::new(),
        Some(text) => match serde_json::from_str(text) {
            Ok(Value::Object(answers)) => answers,
            _ => return Err(corrupt("answers")),
        },
    };
    Ok(NoteRecord {
        path: path_of(notes_dir, row.get_ref(1)?.as_blob()?),
        version: row.get::<_, i64>(2)? as u64,
        customer: row.get(3)?,
        checklist: row.get(4)?,
        meeting: row.get(5)?,
        date: date(row, 6)?.ok_or_else(|| corrupt("date"))?,
        created: row.get(7)?,
        answers,
        commitments: Vec::new(),
        invite: row
            .get_ref(10)?
            .as_str_or_null()?
            .and_then(InviteRecord::from_json),
    })
}

pub(super) fn commitment(row: &Row<'_>) -> rusqlite::Result<CommitmentRecord> {
    Ok(CommitmentRecord {
        id: row.get(1)?,
        what: row.get(2)?,
        due: date(row, 3)?,
        who: row.get(4)?,
        done: row.get(5)?,
        closed: date(row, 6)?,
        question: row.get(7)?,
        line: row.get::<_, i64>(8)? as usize,
    })
}

fn date(row: &Row<'_>, column: usize) -> rusqlite::Result<Option<Date>> {
    match row.get_ref(column)?.as_str_or_null()? {
        Some(text) => text.parse().map(Some).map_err(|_| corrupt("a date")),
        None => Ok(None),
    }
}

/// A row the index could not have written: the database is damaged.
fn corrupt(what: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
        Some(format!("unreadable {what} in the index")),
    )
}
