//! Reads one note: only its front matter (up to the closing `---`). At most
//! 8 MiB; a FIFO, socket or device named `x.md` is refused at once, never
//! waited on. Front matters as coach writes them are read by the fast reader
//! (`yaml::fast`), anything else by serde_yaml, with the same result.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::capped_read::{open_regular, READ_CAP};
use crate::memory::note_record::NoteRecord;

/// A note that cannot be read, and why: one warning line
/// `path:line: reason` (the line is 1 when no line is to blame).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub path: PathBuf,
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.reason)
    }
}

/// The front matter of the note at `path`.
pub fn front_matter(path: &Path) -> Result<NoteRecord, Unreadable> {
    read(path, &mut Vec::new())
}

/// The front matters of the notes at `paths`, in their order, read on every
/// core: one result per path, as [`front_matter`] gives it.
pub fn front_matters<P: AsRef<Path> + Sync>(paths: &[P]) -> Vec<Result<NoteRecord, Unreadable>> {
    let mut read = Vec::with_capacity(paths.len());
    each_front_matter(paths, |note| read.push(note));
    read
}

/// Calls `each` with the front matter of every note at `paths`, in their
/// order, while the notes after it are read on the other cores: only the
/// notes in flight are held in memory.
pub fn each_front_matter<P: AsRef<Path> + Sync>(
    paths: &[P],
    mut each: impl FnMut(Result<NoteRecord, Unreadable>),
) {
    /// Notes a thread takes at a time: threads on a busy machine still
    /// share the work evenly.
    const BLOCK: usize = 128;
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8)
        .min(paths.len() / BLOCK);
    let mut buffer = Vec::new();
    if threads < 2 {
        for path in paths {
            each(read(path.as_ref(), &mut buffer));
        }
        return;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel(threads * 2);
        for _ in 0..threads {
            let (sender, next) = (sender.clone(), &next);
            scope.spawn(move || {
                let mut buffer = Vec::new();
                loop {
                    let block = next.fetch_add(1, Ordering::Relaxed);
                    let start = block.saturating_mul(BLOCK);
                    if start >= paths.len() {
                        return;
                    }
                    let part = &paths[start..paths.len().min(start + BLOCK)];
                    let read: Vec<_> = part
                        .iter()
                        .map(|path| read(path.as_ref(), &mut buffer))
                        .collect();
                    if sender.send((block, read)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        // Blocks that came before their turn.
        let mut early = std::collections::BTreeMap::new();
        let mut turn = 0;
        for (block, read) in receiver {
            early.insert(block, read);
            while let Some(read) = early.remove(&turn) {
                read.into_iter().for_each(&mut each);
                turn += 1;
            }
        }
    });
}

/// Bytes read at a time: most notes in one read.
const CHUNK: usize = 16 * 1024;

/// Reads a note with `buffer` as room for its bytes, kept for the next note
/// (unless a large one made it large).
fn read(path: &Path, buffer: &mut Vec<u8>) -> Result<NoteRecord, Unreadable> {
    let read = read_into(path, buffer);
    if buffer.len() > 4 * CHUNK {
        *buffer = Vec::new();
    }
    read
}

fn read_into(path: &Path, buffer: &mut Vec<u8>) -> Result<NoteRecord, Unreadable> {
    let fail = |line: usize, reason: String| Unreadable {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let mut file = open_note(path).map_err(|reason| fail(1, reason))?;
    // The bytes read so far: `buffer` past them is room, zeroed once.
    let mut filled = 0;
    // Lines are read up to the closing fence; `at` is where the next starts.
    let mut at = 0;
    let mut front = None;
    let mut closed = None;
    let mut end_of_file = false;
    // Bytes before this hold no line break past `at`.
    let mut searched = 0;
    while closed.is_none() {
        let from = searched.max(at);
        let line_end = match buffer[from..filled].iter().position(|b| *b == b'\n') {
            Some(newline) => from + newline + 1,
            None if end_of_file => filled,
            None => {
                searched = filled;
                let room = (READ_CAP as usize + 1 - filled).min(CHUNK);
                if buffer.len() < filled + room {
                    buffer.resize(filled + room, 0);
                }
                let read = loop {
                    match file.read(&mut buffer[filled..filled + room]) {
                        Ok(read) => break read,
                        Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(error) => return Err(fail(1, format!("cannot read: {error}"))),
                    }
                };
                filled += read;
                end_of_file = read == 0 || filled > READ_CAP as usize;
                continue;
            }
        };
        if line_end == at {
            break;
        }
        let line = &buffer[at..line_end];
        match front {
            None => {
                let opening = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
                if trim_end(opening) != b"---" {
                    return Err(fail(
                        1,
                        "no front matter (the first line is not `---`); not a coach note".into(),
                    ));
                }
                front = Some(line_end);
            }
            Some(start) if trim_end(line) == b"---" => closed = Some(start..at),
            Some(_) => {}
        }
        at = line_end;
    }
    let Some(front) = closed else {
        if front.is_none() {
            return Err(fail(
                1,
                "no front matter (the first line is not `---`); not a coach note".into(),
            ));
        }
        if filled as u64 > READ_CAP {
            return Err(fail(
                1,
                "it is larger than 8 MiB, the most coach reads from a note".into(),
            ));
        }
        return Err(fail(
            1,
            "the front matter is not closed by a `---` line".into(),
        ));
    };
    let text =
        std::str::from_utf8(&buffer[front]).map_err(|_| fail(2, "it is not UTF-8 text".into()))?;
    record(path, text).map_err(|(line, reason)| fail(line, reason))
}

/// The note of a front matter `text` (its first line is the file's second).
fn record(path: &Path, text: &str) -> Result<NoteRecord, (usize, String)> {
    let Some(parsed) = crate::yaml::fast::parse(text) else {
        return slow_record(path, text);
    };
    let record = NoteRecord::from_fast(path, text, parsed, 2)
        .map_err(|problem| (problem.line, problem.reason));
    // Every note a debug build reads (so every test) is read both ways.
    #[cfg(debug_assertions)]
    assert_eq!(
        record,
        slow_record(path, text),
        "the fast reader differs:\n{text}"
    );
    record
}

/// The note of a front matter read by serde_yaml.
fn slow_record(path: &Path, text: &str) -> Result<NoteRecord, (usize, String)> {
    let document = crate::yaml::parse(text).map_err(|error| {
        (
            error.line.map_or(2, |line| line + 1),
            format!("invalid YAML in the front matter: {}", error.message),
        )
    })?;
    NoteRecord::from_front_matter(path, text, document, 2)
        .map_err(|problem| (problem.line, problem.reason))
}

/// Opens a note for reading with one look-up of its path, where
/// `open_regular` takes two (it looks before it opens): notes are many and
/// the walk found this one as a file. A FIFO is not waited on, a terminal
/// does not become the controlling one, and what is no regular file is
/// refused before a byte is read, with the message `open_regular` gives.
fn open_note(path: &Path) -> Result<std::fs::File, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | libc::O_NOCTTY,
    );
    let opened = options
        .open(path)
        .and_then(|file| Ok((file.metadata()?.is_file(), file)));
    match opened {
        Ok((true, file)) => Ok(file),
        // Not a file, or no opening it: the careful opener says why.
        _ => open_regular(path).map_err(|error| reason_of(&error.to_string(), path)),
    }
}

/// A line without its line ending and trailing blanks: a fence typed as
/// `--- ` is a fence, for this reader and for the editor alike.
fn trim_end(line: &[u8]) -> &[u8] {
    line.trim_ascii_end()
}

/// An open error says "cannot read PATH: why"; the warning names the path
/// once already.
fn reason_of(message: &str, path: &Path) -> String {
    let prefix = format!("cannot read {}: ", path.display());
    match message.strip_prefix(&prefix) {
        Some(why) => format!("cannot read: {why}"),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn note(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    pub(super) const NOTE: &str = "---\ncoach: 1\nchecklist: debrief\ncustomer: Acme\nmeeting: null\ndate: \"2026-12-01\"\nanswers:\n  overall: 4\n  promises:\n  - id: c-k3v9q2xa\n    what: Send the plan\n    due: \"2026-12-05\"\n    who: me\n    done: false\n  - id: c-abcdef\n    what: Sign\n    due: \"2026-12-09\"\n    who: Sam\n    done: true\n    closed: \"2026-12-02\"\n---\n\n# Acme\n";

    #[test]
    fn reads_the_front_matter_with_commitments_and_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        let record = front_matter(&note(dir.path(), "a.md", NOTE)).unwrap();
        assert_eq!(record.customer, "Acme");
        assert_eq!(record.date, jiff::civil::date(2026, 12, 1));
        assert_eq!(record.commitments.len(), 2);
        let first = &record.commitments[0];
        assert_eq!(first.id.as_deref(), Some("c-k3v9q2xa"));
        assert_eq!(first.line, 10);
        assert_eq!(first.due, Some(jiff::civil::date(2026, 12, 5)));
        assert!(!first.done);
        let second = &record.commitments[1];
        assert_eq!(second.line, 15);
        assert_eq!(second.closed, Some(jiff::civil::date(2026, 12, 2)));
        assert_eq!(second.who.as_deref(), Some("Sam"));
    }

    #[test]
    fn later_versions_and_unknown_keys_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let text = NOTE
            .replace("coach: 1", "coach: 3\nmood: sunny")
            .replace("    done: false", "    done: false\n    priority: high");
        let record = front_matter(&note(dir.path(), "a.md", &text)).unwrap();
        assert_eq!(record.version, 3);
        assert_eq!(record.commitments.len(), 2);
    }

    #[test]
    fn unreadable_notes_name_the_line_and_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("# just markdown\n", 1, "not a coach note"),
            ("---\ncoach: 1\n", 1, "not closed"),
            (
                &*NOTE.replace("customer: Acme\n", ""),
                2,
                "`customer:` is missing",
            ),
            (&*NOTE.replace("coach: 1\n", ""), 2, "no `coach:`"),
            (
                &*NOTE.replace("date: \"2026-12-01\"", "date: soon"),
                6,
                "not YYYY-MM-DD",
            ),
            (
                &*NOTE.replace("overall: 4", "overall: [4"),
                9,
                "invalid YAML",
            ),
            (
                &*NOTE.replace("due: \"2026-12-05\"", "due: friday"),
                12,
                "not YYYY-MM-DD",
            ),
        ];
        for (text, line, reason) in cases {
            let error = front_matter(&note(dir.path(), "x.md", text)).unwrap_err();
            assert_eq!(error.line, line, "{text}\n{error}");
            assert!(error.reason.contains(reason), "{error}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_unreadable_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let error = front_matter(&path).unwrap_err();
        assert!(error.reason.contains("named pipe"), "{error}");
    }

    #[test]
    fn a_front_matter_past_the_cap_or_not_utf8_is_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let path = note(dir.path(), "big.md", "---\ncoach: 1\n");
        // Sparse: nothing but the cap is read, whatever the size.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(1024 * 1024 * 1024)
            .unwrap();
        let error = front_matter(&path).unwrap_err();
        assert!(error.reason.contains("larger than 8 MiB"), "{error}");
        let path = dir.path().join("latin1.md");
        std::fs::write(&path, b"---\ncoach: 1\ncustomer: Soci\xe9t\xe9\n---\n").unwrap();
        let error = front_matter(&path).unwrap_err();
        assert!(error.reason.contains("not UTF-8"), "{error}");
    }
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod corpus_tests;
