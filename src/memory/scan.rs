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

/// Every file under `notes_dir` that may be a note, sorted by the bytes
/// of its path. A missing folder has none and a notes folder that cannot
/// be read is an error; a folder below it that cannot be read is one
/// unreadable entry.
pub fn note_files(
    notes_dir: &Path,
    unreadable: &mut Vec<Unreadable>,
) -> Result<Vec<NoteFile>, Error> {
    let mut top = Listing::default();
    match std::fs::read_dir(notes_dir) {
        Ok(entries) => top.add(notes_dir, entries),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => return Err(Error::io("cannot read the notes folder", notes_dir)(error)),
    }
    // The customer folders shared out over the cores: most of the time
    // goes to the kernel's `stat`, which runs in parallel.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let folders = std::mem::take(&mut top.folders);
    let mut shares: Vec<Vec<PathBuf>> = vec![Vec::new(); workers];
    for (at, folder) in folders.into_iter().enumerate() {
        shares[at % workers].push(folder);
    }
    let listings: Vec<Listing> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .into_iter()
            .filter(|share| !share.is_empty())
            .map(|share| scope.spawn(|| Listing::walk(share)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut found = top.files;
    unreadable.append(&mut top.unreadable);
    for mut listing in listings {
        found.append(&mut listing.files);
        unreadable.append(&mut listing.unreadable);
    }
    found.sort_unstable_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    Ok(found)
}

/// One malloc arena for all threads: the notes read on other cores are
/// mostly dropped or kept by the command's own thread, and memory freed in
/// a thread's own arena is never reused by another; with one arena the
/// peak of a large archive's read is what is held, not that plus each
/// thread's leftovers.
pub fn share_one_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning knob; it takes no pointers.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Hands the memory freed since back to the system. The scan's threads
/// allocate every path of a large archive in their own malloc arenas,
/// which the command's own thread never reuses: without this, a scan of
/// 50,000 notes stays in the peak memory of all that follows it.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// What a walk over some folders found.
#[derive(Default)]
struct Listing {
    files: Vec<NoteFile>,
    folders: Vec<PathBuf>,
    unreadable: Vec<Unreadable>,
}

impl Listing {
    /// Everything under `folders`, depth first.
    fn walk(mut folders: Vec<PathBuf>) -> Listing {
        let mut listing = Listing::default();
        while let Some(folder) = folders.pop() {
            match std::fs::read_dir(&folder) {
                Ok(entries) => listing.add(&folder, entries),
                Err(error) => listing.problem(folder, format!("cannot read the folder: {error}")),
            }
            folders.append(&mut listing.folders);
        }
        listing
    }

    /// The notes of one folder, and its folders to walk next.
    fn add(&mut self, folder: &Path, entries: std::fs::ReadDir) {
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    self.problem(
                        folder.to_path_buf(),
                        format!("cannot read the folder: {error}"),
                    );
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
                    self.problem(entry.path(), format!("cannot read: {error}"));
                    continue;
                }
            };
            if kind.is_dir() {
                self.folders.push(entry.path());
            } else if name.ends_with(b".md") {
                // A linked note is read through its link, so its stamp is
                // the target's; any other is stat'ed relative to the
                // folder's descriptor: no path walk per note.
                let metadata = if kind.is_symlink() {
                    std::fs::metadata(entry.path())
                } else {
                    entry.metadata()
                };
                match metadata {
                    Ok(metadata) if metadata.is_file() => self.files.push(NoteFile {
                        path: entry.path(),
                        stamp: Stamp::of(&metadata),
                    }),
                    // Refused unopened: opening a device may have effects.
                    Ok(metadata) => self.problem(
                        entry.path(),
                        format!(
                            "cannot read: it is {}, not a regular file",
                            crate::file_type::describe(metadata.file_type())
                        ),
                    ),
                    // Gone between the listing and now: not a note any more.
                    Err(error)
                        if error.kind() == std::io::ErrorKind::NotFound && !kind.is_symlink() => {}
                    Err(error) => self.problem(entry.path(), format!("cannot read: {error}")),
                }
            }
        }
    }

    fn problem(&mut self, path: PathBuf, reason: String) {
        self.unreadable.push(Unreadable {
            path,
            line: 1,
            reason,
        });
    }
}
