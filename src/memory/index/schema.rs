//! The index's tables. Everything here is derived from the notes: a
//! database of another schema version is dropped and built again.

use rusqlite::Connection;

/// Raised whenever the tables change shape; an index of an older (or
/// newer) version is rebuilt, never migrated.
pub const VERSION: i64 = 2;

/// Paths are bytes relative to the notes folder (a name need not be
/// UTF-8); dates are `YYYY-MM-DD` text, so they sort as dates.
const TABLES: &str = "
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE notes (
    id           INTEGER PRIMARY KEY,
    path         BLOB NOT NULL UNIQUE,
    mtime_ns     INTEGER NOT NULL,
    size         INTEGER NOT NULL,
    inode        INTEGER NOT NULL,
    -- When the note was read (ns): one modified less than two seconds
    -- before is read again next time (git's racy-file rule).
    read_ns      INTEGER NOT NULL,
    version      INTEGER,
    customer     TEXT,
    checklist    TEXT,
    meeting      TEXT,
    date         TEXT,
    created      TEXT,
    -- Set for a file that is no readable note: the warning's line and reason.
    problem_line INTEGER,
    problem      TEXT,
    -- The whole-number answers only (scales, ratings), for the figures.
    numbers      TEXT,
    -- The customer's name in one Unicode form, case and spacing: one
    -- customer's notes are read together.
    customer_key TEXT,
    -- The invite a note was started from (JSON: uid, addresses), if any.
    invite       TEXT
);
-- Every answer, a JSON object in the note's order, apart from the notes:
-- the freshness check and most queries read only the narrow rows above.
CREATE TABLE note_answers (
    note    INTEGER PRIMARY KEY,
    answers TEXT NOT NULL
);
-- The freshness check reads this alone, never the table.
CREATE INDEX note_stamps ON notes (path, mtime_ns, size, inode, read_ns);
CREATE INDEX unreadable_notes ON notes (id) WHERE problem IS NOT NULL;
CREATE TABLE commitments (
    note     INTEGER NOT NULL,
    position INTEGER NOT NULL,
    id       TEXT,
    what     TEXT NOT NULL,
    due      TEXT,
    who      TEXT,
    done     INTEGER NOT NULL,
    closed   TEXT,
    question TEXT NOT NULL,
    line     INTEGER NOT NULL,
    PRIMARY KEY (note, position)
) WITHOUT ROWID;
CREATE INDEX commitments_by_id ON commitments (id);
CREATE INDEX open_commitments ON commitments (done, note);
CREATE INDEX notes_by_customer ON notes (customer_key, id);
-- One row per answer: for trends and filters over every note.
CREATE VIEW answer AS
    SELECT note_answers.note AS note, item.key AS question, item.value AS value
    FROM note_answers, json_each(note_answers.answers) AS item;
";

/// Creates the tables in an empty database and stamps the version and the
/// notes folder they describe. Two coaches may race to create them: the
/// one that waited finds them made.
pub fn create(connection: &Connection, notes_dir: &str) -> rusqlite::Result<()> {
    connection.execute_batch("BEGIN IMMEDIATE")?;
    let made = version(connection)? != 0;
    if !made {
        connection.execute_batch(&format!("{TABLES} PRAGMA user_version = {VERSION};"))?;
        connection.execute(
            "INSERT INTO meta (key, value) VALUES ('notes_dir', ?1)",
            [notes_dir],
        )?;
    }
    connection.execute_batch("COMMIT")
}

/// The schema version the database says it has (0 for an empty file).
pub fn version(connection: &Connection) -> rusqlite::Result<i64> {
    connection.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// The notes folder the database describes.
pub fn notes_dir(connection: &Connection) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    connection
        .query_row(
            "SELECT value FROM meta WHERE key = 'notes_dir'",
            [],
            |row| row.get(0),
        )
        .optional()
}
