//! Writes that never leave a half-written file and never overwrite one, and
//! reads that never hang on a pipe or device nor take in more than a cap.
//! Notes hold confidential customer detail: folders 0700, files 0600.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The most coach reads from any note, draft, answers or settings input.
pub const READ_CAP: u64 = 8 * 1024 * 1024;

/// Reads a whole text file of at most [`READ_CAP`] bytes. A FIFO, socket or
/// device in its place is refused without waiting for a writer, and so is a
/// larger file, without reading more than the cap.
pub fn read_capped(path: &Path) -> Result<String, Error> {
    let fail = Error::io("cannot read", path);
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Opening a FIFO for reading waits for a writer unless non-blocking.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(Error::io("cannot read", path))?;
    let kind = file
        .metadata()
        .map_err(Error::io("cannot read", path))?
        .file_type();
    if !kind.is_file() {
        return Err(fail(std::io::Error::other(format!(
            "it is {}, not a regular file",
            describe(kind)
        ))));
    }
    read_all_capped(file, path)
}

/// Reads a stream (standard input) to its end, or fails past [`READ_CAP`].
pub fn read_capped_stream(stream: impl Read, name: &Path) -> Result<String, Error> {
    read_all_capped(stream, name)
}

fn read_all_capped(stream: impl Read, path: &Path) -> Result<String, Error> {
    let mut bytes = Vec::new();
    stream
        .take(READ_CAP + 1)
        .read_to_end(&mut bytes)
        .map_err(Error::io("cannot read", path))?;
    if bytes.len() as u64 > READ_CAP {
        return Err(Error::io("cannot read", path)(std::io::Error::other(
            format!(
                "it is larger than {} MiB, the most coach reads from one input",
                READ_CAP / (1024 * 1024)
            ),
        )));
    }
    String::from_utf8(bytes).map_err(|_| {
        Error::io("cannot read", path)(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "it is not UTF-8 text",
        ))
    })
}

fn describe(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a plain file"
    }
}

/// Creates `dir` and its missing parents, readable by the owner only.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes `stem.ext` in `dir`, or `stem-2.ext`, `stem-3.ext`... when taken.
/// The text goes to a temporary file in the same directory first, then is
/// linked into place only if the name is free, so a crash or a race leaves
/// either the whole note or nothing.
pub fn write_new(dir: &Path, stem: &str, ext: &str, contents: &str) -> std::io::Result<PathBuf> {
    create_private_dir(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix(".coach-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(contents.as_bytes())?;
    file.as_file().sync_all()?;
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
            Err(error) => return Err(error.error),
        }
    }
    unreachable!("the loop returns")
}

/// Writes `path` whole, replacing any older version atomically (for small
/// bookkeeping files, never for notes).
pub fn replace(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix(".coach-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(contents.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path).map(|_| ()).map_err(|error| error.error)
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
