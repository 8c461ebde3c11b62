//! Every file under the notes folder that may be a note, with what `stat`
//! says of it: customer folders and any deeper folders people made.
//! Drafts, dot-files, `.coach-*.tmp` writes under way and other files are
//! not notes; linked folders are not followed.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::memory::read::Unreadable;

/// What tells a changed note from an unchanged one without reading it:
/// an edit changes the modification time or the size, and a note replaced
/// by a rename (how coach and many editors save) has a new inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub mtime_ns: i64,
    pub size: i64,
    pub inode: i64,
}

/// A file that may be a note, as found under the notes folder.
#[derive(Debug, Clone)]
pub struct NoteFile {
    pub path: PathBuf,
    pub stamp: Stamp,
}

impl Stamp {
    /// The stamp of metadata read without following a link (a linked note
    /// is read, and refused, by the reader; its own stamp is the link's).
    pub fn of(metadata: &std::fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            mtime_ns: metadata
                .mtime()
                .saturating_mul(1_000_000_000)
                .saturating_add(metadata.mtime_nsec()),
            size: metadata.size() as i64,
            inode: metadata.ino() as i64,
        }
    }
}

/// Every file under `notes_dir` that may be a note, sorted by path. A
/// missing folder has none and a notes folder that cannot be read is an
/// error; a folder below it that cannot be read is one unreadable entry.
pub fn note_files(
    notes_dir: &Path,
    unreadable: &mut Vec<Unreadable>,
) -> Result<Vec<NoteFile>, Error> {
    let mut found = Vec::new();
    let mut folders = vec![notes_dir.to_path_buf()];
    let problem = |path: PathBuf, reason: String| Unreadable {
        path,
        line: 1,
        reason,
    };
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && folder == notes_dir => {
                continue
            }
            Err(error) if folder == notes_dir => {
                return Err(Error::io("cannot read the notes folder", notes_dir)(error))
            }
            Err(error) => {
                unreadable.push(problem(folder, format!("cannot read the folder: {error}")));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    unreadable.push(problem(
                        folder.clone(),
                        format!("cannot read the folder: {error}"),
                    ));
                    continue;
                }
            };
            // Bytes, not text: a name that is not UTF-8 is still a note.
            let name = entry.file_name();
            let name = name.as_encoded_bytes();
            // Dot-files and folders: `.drafts`, `.customer`, `.git`, and
            // `.coach-*.tmp` writes under way.
            if name.starts_with(b".") {
                continue;
            }
            let kind = match entry.file_type() {
                Ok(kind) => kind,
                Err(error) => {
                    unreadable.push(problem(entry.path(), format!("cannot read: {error}")));
                    continue;
                }
            };
            if kind.is_dir() {
                folders.push(entry.path());
            } else if name.ends_with(b".md") {
                // Relative to the folder's descriptor: no path walk per note.
                match entry.metadata() {
                    Ok(metadata) => found.push(NoteFile {
                        path: entry.path(),
                        stamp: Stamp::of(&metadata),
                    }),
                    // Gone between the listing and now: not a note any more.
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                    Err(error) => {
                        unreadable.push(problem(entry.path(), format!("cannot read: {error}")))
                    }
                }
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}
