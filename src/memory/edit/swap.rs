//! Compare and swap for a note: new bytes replace the file only if it still
//! holds the bytes they were computed from.

use std::io::{Read, Seek, Write};
use std::path::Path;

use super::EditError;
use crate::capped_read::{open_regular, READ_CAP};
use crate::error::Error;

/// The note's bytes: a regular file (not a link), at most [`READ_CAP`].
pub(super) fn read_note(path: &Path) -> Result<Vec<u8>, EditError> {
    refuse_link(path)?;
    let mut file = open_regular(path)?;
    Ok(read_all(&mut file, path)?)
}

fn refuse_link(path: &Path) -> Result<(), Error> {
    let metadata = std::fs::symlink_metadata(path).map_err(Error::io("cannot read", path))?;
    if metadata.file_type().is_symlink() {
        return Err(Error::io("cannot edit", path)(std::io::Error::other(
            "it is a symbolic link, and coach never writes through one; edit the note it points to",
        )));
    }
    Ok(())
}

fn read_all(file: &mut std::fs::File, path: &Path) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    file.rewind()
        .and_then(|()| file.take(READ_CAP + 1).read_to_end(&mut bytes))
        .map_err(Error::io("cannot read", path))?;
    if bytes.len() as u64 > READ_CAP {
        return Err(Error::io("cannot read", path)(std::io::Error::other(
            format!(
                "it is larger than {} MiB, the most coach reads from one note",
                READ_CAP / (1024 * 1024)
            ),
        )));
    }
    Ok(bytes)
}

/// What identifies one version of a file without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Stamp {
    fn of(metadata: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (metadata.dev(), metadata.ino())
            },
        }
    }
}

/// Replaces the file at `path` with `new` only if it holds exactly
/// `expected` at the moment of replacement, else [`EditError::Changed`].
///
/// The new bytes go to a `.coach-*.tmp` file (mode 0600) in the same folder,
/// synced, then renamed over the note, and the folder is synced. The note is
/// locked (`flock`) from the first comparison to the rename, so two coach
/// processes editing one note take turns and the second sees the first's
/// change; another writer (an editor) is caught by comparing the size,
/// modification time, inode and bytes once more just before the rename.
pub fn replace_if_unchanged(path: &Path, expected: &[u8], new: &[u8]) -> Result<(), EditError> {
    let changed = || EditError::Changed {
        path: path.to_path_buf(),
    };
    refuse_link(path)?;
    let mut file = open_regular(path)?;
    lock(&file, path)?;
    let stamp = Stamp::of(&file.metadata().map_err(Error::io("cannot read", path))?);
    // The name may have been given to another file between open and lock.
    if still(path)? != Some(stamp.clone()) || read_all(&mut file, path)? != expected {
        return Err(changed());
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temporary = crate::atomic_file::temporary(dir)?;
    temporary
        .write_all(new)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(Error::io("cannot write in", dir))?;
    if still(path)? != Some(stamp) || read_note(path)? != expected {
        return Err(changed());
    }
    temporary
        .persist(path)
        .map_err(|error| Error::io("cannot write", path)(error.error))?;
    sync_dir(dir)?;
    drop(file);
    Ok(())
}

/// The stamp of what `path` names now, without following a link.
fn still(path: &Path) -> Result<Option<Stamp>, Error> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() => Ok(Some(Stamp::of(&metadata))),
        Ok(_) => Ok(None),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(Error::io("cannot read", path)(error)),
    }
}

/// Waits for the exclusive lock on the open note (released when it closes).
#[cfg(unix)]
fn lock(file: &std::fs::File, path: &Path) -> Result<(), Error> {
    use std::os::unix::io::AsRawFd;
    loop {
        // SAFETY: flock only reads the descriptor, which `file` keeps open.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
            return Ok(());
        }
        let error = std::io::Error::last_os_error();
        match error.raw_os_error() {
            Some(libc::EINTR) => {}
            // A file system without locks (some network mounts): the
            // comparisons before the rename still catch a change.
            Some(libc::ENOLCK | libc::EOPNOTSUPP) => return Ok(()),
            _ => return Err(Error::io("cannot lock", path)(error)),
        }
    }
}

#[cfg(not(unix))]
fn lock(_: &std::fs::File, _: &Path) -> Result<(), Error> {
    Ok(())
}

/// Makes the rename durable: the folder's entry is synced too.
fn sync_dir(dir: &Path) -> Result<(), Error> {
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|dir| dir.sync_all())
        .map_err(Error::io("cannot write in", dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
