//! Every note under the notes folder, read back: customer folders and any
//! deeper folders people made. Drafts, dot-files, `.coach-*.tmp` writes
//! under way and other files are not notes; linked folders are not followed.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::memory::note_record::NoteRecord;
use crate::memory::read::{self, Unreadable};

/// The notes read, sorted by date then path, and the ones that could not be.
#[derive(Debug, Default)]
pub struct Archive {
    pub notes: Vec<NoteRecord>,
    pub unreadable: Vec<Unreadable>,
}

impl Archive {
    /// Reads the front matter of every note under `notes_dir`. A missing
    /// folder is an empty archive and a notes folder that cannot be read an
    /// error; a folder below it that cannot be read is one unreadable entry.
    pub fn read(notes_dir: &Path) -> Result<Archive, Error> {
        let mut archive = Archive::default();
        for path in note_paths(notes_dir, &mut archive.unreadable)? {
            match read::front_matter(&path) {
                Ok(note) => archive.notes.push(note),
                Err(unreadable) => archive.unreadable.push(unreadable),
            }
        }
        archive.sort();
        Ok(archive)
    }

    fn sort(&mut self) {
        self.notes
            .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.path.cmp(&b.path)));
        self.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// One warning line per unreadable note, for stderr.
    pub fn warnings(&self) -> impl Iterator<Item = String> + '_ {
        self.unreadable
            .iter()
            .map(|unreadable| format!("coach: warning: {unreadable}"))
    }

    /// Prints the warnings on stderr, control characters made visible.
    pub fn warn(&self) {
        use std::io::Write;
        let mut stderr = std::io::stderr().lock();
        for line in self.warnings() {
            let _ = writeln!(stderr, "{}", crate::text::visible_controls(&line));
        }
    }
}

/// Every file under `notes_dir` that may be a note, sorted by path.
pub fn note_paths(
    notes_dir: &Path,
    unreadable: &mut Vec<Unreadable>,
) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    let mut folders = vec![notes_dir.to_path_buf()];
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
                unreadable.push(Unreadable {
                    path: folder,
                    line: 1,
                    reason: format!("cannot read the folder: {error}"),
                });
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    unreadable.push(Unreadable {
                        path: folder.clone(),
                        line: 1,
                        reason: format!("cannot read the folder: {error}"),
                    });
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
                    unreadable.push(Unreadable {
                        path: entry.path(),
                        line: 1,
                        reason: format!("cannot read: {error}"),
                    });
                    continue;
                }
            };
            if kind.is_dir() {
                folders.push(entry.path());
            } else if name.ends_with(b".md") {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    Ok(found)
}
