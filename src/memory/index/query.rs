//! Reading notes back out of the index: all at once in the order of their
//! rows, or one customer at a time so that memory stays the size of the
//! largest customer, not of the archive.

use std::path::Path;

use rusqlite::Connection;

use crate::memory::archive::{Answers, Want, Which};
use crate::memory::index::rows::{self, path_of};
use crate::memory::note_record::NoteRecord;
use crate::memory::read::Unreadable;

/// The order notes come out in.
#[derive(Clone, Copy)]
pub enum Order {
    /// As the rows were written.
    Row,
    /// By customer (the name's key), so that one customer's notes come
    /// together.
    Customer,
}

/// Each note `want` asks for, with its commitments unless `commitments`
/// is false, in `order`; the second argument of `each` is the note's
/// customer key.
pub fn each_note(
    connection: &Connection,
    notes_dir: &Path,
    want: Want,
    order: Order,
    commitments: bool,
    each: &mut dyn FnMut(NoteRecord, &str),
) -> rusqlite::Result<()> {
    let answers = match want.answers {
        Answers::None => "NULL",
        Answers::Numbers => "n.numbers",
        Answers::All => "(SELECT answers FROM note_answers WHERE note = n.id)",
    };
    let ids: Vec<&str> = match want.notes {
        Which::HoldingIds(ids) => ids.iter().map(String::as_str).collect(),
        Which::Customer(key) => vec![key],
        _ => Vec::new(),
    };
    let holding = format!(
        "AND n.id IN (SELECT note FROM commitments WHERE id IN ({}))",
        vec!["?"; ids.len()].join(", ")
    );
    let which = match want.notes {
        Which::All => "",
        Which::HoldingIds(_) => holding.as_str(),
        Which::Customer(_) => "AND n.customer_key = ?",
        Which::WithCommitments => "AND n.id IN (SELECT note FROM commitments)",
        Which::WithOpenCommitments => "AND n.id IN (SELECT note FROM commitments WHERE done = 0)",
    };
    let order = match order {
        Order::Row => "n.id",
        Order::Customer => "n.customer_key, n.id",
    };
    let mut notes = connection.prepare(&format!(
        "SELECT n.id, n.path, n.version, n.customer, n.checklist, n.meeting, n.date, n.created,
                {answers}, n.customer_key, n.invite
         FROM notes n WHERE n.problem IS NULL {which} ORDER BY {order}"
    ))?;
    // Without commitments: a query that finds none.
    let none = if commitments { "" } else { "AND 0" };
    let mut commitments = connection.prepare(&format!(
        "SELECT c.note, c.id, c.what, c.due, c.who, c.done, c.closed, c.question, c.line
         FROM notes n JOIN commitments c ON c.note = n.id
         WHERE n.problem IS NULL {which} {none} ORDER BY {order}, c.position"
    ))?;
    let mut notes = notes.query(rusqlite::params_from_iter(&ids))?;
    let mut commitments = commitments.query(rusqlite::params_from_iter(&ids))?;
    // Both come in the same order of notes: one pass pairs them.
    let mut pending = next_commitment(&mut commitments)?;
    while let Some(row) = notes.next()? {
        let id: i64 = row.get(0)?;
        let mut note = rows::note(row, notes_dir)?;
        while let Some((owner, commitment)) = pending.take() {
            if owner != id {
                pending = Some((owner, commitment));
                break;
            }
            note.commitments.push(commitment);
            pending = next_commitment(&mut commitments)?;
        }
        // Held for every note of an archive: no room to spare.
        note.commitments.shrink_to_fit();
        let key = row.get_ref(9)?.as_str_or_null()?.unwrap_or_default();
        each(note, key);
    }
    Ok(())
}

fn next_commitment(
    rows: &mut rusqlite::Rows<'_>,
) -> rusqlite::Result<Option<(i64, crate::memory::note_record::CommitmentRecord)>> {
    match rows.next()? {
        Some(row) => Ok(Some((row.get(0)?, rows::commitment(row)?))),
        None => Ok(None),
    }
}

/// Every commitment id in the notes, sorted, each once.
pub fn commitment_ids(connection: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = connection
        .prepare_cached("SELECT DISTINCT id FROM commitments WHERE id IS NOT NULL ORDER BY id")?;
    let ids = statement.query_map([], |row| row.get(0))?;
    ids.collect()
}

/// Every file the index knows as no readable note.
pub fn unreadable(connection: &Connection, notes_dir: &Path) -> rusqlite::Result<Vec<Unreadable>> {
    let mut statement = connection.prepare_cached(
        "SELECT path, problem_line, problem FROM notes WHERE problem IS NOT NULL",
    )?;
    let mut rows = statement.query([])?;
    let mut unreadable = Vec::new();
    while let Some(row) = rows.next()? {
        unreadable.push(Unreadable {
            path: path_of(notes_dir, row.get_ref(0)?.as_blob()?),
            line: row.get::<_, i64>(1)? as usize,
            reason: row.get(2)?,
        });
    }
    Ok(unreadable)
}
