//! Writes that never leave a half-written file and never overwrite one.
//! Notes hold confidential customer detail: folders 0700, files 0600.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Temporary files a killed coach left behind are removed after this long.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Makes `dir` ready to write in: its missing parents are created, and `dir`
/// itself is created or reused as a folder readable by the owner only (0700,
/// even when it existed before). A symbolic link there is never written
/// through, and a file in the way is named.
pub fn private_dir(dir: &Path) -> Result<(), Error> {
    if let Some(parent) = dir.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(parent).map_err(|error| {
            in_the_way(parent)
                .unwrap_or_else(|| Error::io("cannot create the folder", parent)(error))
        })?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => reuse_dir(dir),
        Err(error) => Err(Error::io("cannot create the folder", dir)(error)),
    }
}

/// Creates the notes folder and its parents (0700 when new). The notes
/// folder itself may be a link (to a synced drive, say); a file in the way
/// is named.
pub fn notes_root(dir: &Path) -> Result<(), Error> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|error| {
        in_the_way(dir).unwrap_or_else(|| Error::io("cannot create the folder", dir)(error))
    })
}

/// An existing `dir`: a real folder (not a link), made private.
fn reuse_dir(dir: &Path) -> Result<(), Error> {
    let fail = Error::io("cannot write in", dir);
    let metadata = std::fs::symlink_metadata(dir).map_err(Error::io("cannot write in", dir))?;
    if metadata.file_type().is_symlink() {
        return Err(fail(std::io::Error::other(
            "it is a symbolic link, and coach never writes through one; replace it with a folder",
        )));
    }
    if !metadata.is_dir() {
        return Err(in_the_way(dir).unwrap_or_else(|| fail(std::io::Error::other("not a folder"))));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if metadata.permissions().mode() & 0o777 != 0o700 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
                .map_err(Error::io("cannot make private (0700) the folder", dir))?;
        }
    }
    Ok(())
}

/// The first of `dir` and its parents that exists but is not a folder.
fn in_the_way(dir: &Path) -> Option<Error> {
    let blocker = dir
        .ancestors()
        .filter(|path| !path.as_os_str().is_empty())
        .find(|path| std::fs::metadata(path).is_ok_and(|metadata| !metadata.is_dir()))?;
    Some(Error::io("cannot create the folder", dir)(
        std::io::Error::other(format!(
            "{} is a file, not a folder; move it away or choose another notes folder",
            blocker.display()
        )),
    ))
}

/// Removes the `.coach-*.tmp` files (and folders of a customer-folder
/// claim) in `dir` older than a day: what a write killed before its end
/// (SIGKILL, a power cut) left behind. Nothing reads them as notes.
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".coach-") && name.ends_with(".tmp")) {
            continue;
        }
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let stale = metadata
            .modified()
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale && metadata.is_file() {
            let _ = std::fs::remove_file(entry.path());
        } else if stale && metadata.is_dir() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// A temporary file in `dir`, readable by the owner only.
pub fn temporary(dir: &Path) -> Result<tempfile::NamedTempFile, Error> {
    let file = tempfile::Builder::new()
        .prefix(".coach-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(Error::io("cannot write in", dir))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(Error::io("cannot write in", dir))?;
    }
    Ok(file)
}

/// Writes `stem.ext` in `dir`, or `stem-2.ext`, `stem-3.ext`... when taken.
/// The text goes to a temporary file in the same directory first, then is
/// linked into place only if the name is free, so a crash or a race leaves
/// either the whole note or nothing.
pub fn write_new(dir: &Path, stem: &str, ext: &str, contents: &str) -> Result<PathBuf, Error> {
    private_dir(dir)?;
    remove_stale_temporaries(dir);
    let mut file = temporary(dir)?;
    let written = file
        .write_all(contents.as_bytes())
        .and_then(|()| file.as_file().sync_all());
    written.map_err(Error::io("cannot write in", dir))?;
    for attempt in 1.. {
        let name = if attempt == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{attempt}.{ext}")
        };
        let path = dir.join(name);
        match file.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(error)
                if error.error.kind() == std::io::ErrorKind::AlreadyExists && attempt < 1000 =>
            {
                file = error.file
            }
            Err(error) => return Err(Error::io("cannot write", &path)(error.error)),
        }
    }
    unreachable!("the loop returns")
}

/// Creates `path` with `contents` whole, or reports `AlreadyExists` (as an
/// `Ok(false)`) when something has that name: never a half-written file.
pub fn create_new(path: &Path, contents: &str) -> Result<bool, Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = temporary(dir)?;
    let written = file
        .write_all(contents.as_bytes())
        .and_then(|()| file.as_file().sync_all());
    written.map_err(Error::io("cannot write", path))?;
    match file.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(error) => Err(Error::io("cannot write", path)(error.error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites_and_numbers_the_next_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_new(dir.path(), "note", "md", "one").unwrap();
        let second = write_new(dir.path(), "note", "md", "two").unwrap();
        let third = write_new(dir.path(), "note", "md", "three").unwrap();
        assert_eq!(first.file_name().unwrap(), "note.md");
        assert_eq!(second.file_name().unwrap(), "note-2.md");
        assert_eq!(third.file_name().unwrap(), "note-3.md");
        assert_eq!(std::fs::read_to_string(first).unwrap(), "one");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|entry| {
                entry
                    .as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn temporary_files_older_than_a_day_are_removed_on_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".coach-killed.tmp");
        let young = dir.path().join(".coach-writing.tmp");
        let other = dir.path().join("mine.tmp");
        for path in [&old, &young, &other] {
            std::fs::write(path, "---\nanswers: {}\n---\n").unwrap();
        }
        let two_days_ago = std::time::SystemTime::now() - 2 * STALE_AFTER;
        for path in [&old, &other] {
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(two_days_ago)
                .unwrap();
        }
        write_new(dir.path(), "note", "md", "one").unwrap();
        assert!(!old.exists(), "a stale temporary file is left behind");
        assert!(young.exists(), "a write under way lost its file");
        assert!(other.exists(), "a file coach did not make was removed");
    }

    #[test]
    fn a_file_where_a_folder_is_needed_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes"), "").unwrap();
        let error = write_new(&dir.path().join("notes/acme"), "note", "md", "x").unwrap_err();
        let text = error.to_string();
        assert!(
            text.contains(&format!(
                "{} is a file, not a folder",
                dir.path().join("notes").display()
            )),
            "{text}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn notes_and_folders_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = write_new(&dir.path().join("a/b"), "note", "md", "secret").unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("a/b")), 0o700);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
    }
}
