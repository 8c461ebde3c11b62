//! Reads of outside input (answers files, drafts, settings, `.customer`) that
//! never hang on a pipe or device nor take in more than a cap.

use std::io::Read;
use std::path::Path;

use crate::error::Error;

/// The most coach reads from any note, draft, answers or settings input.
pub const READ_CAP: u64 = 8 * 1024 * 1024;

/// Reads a whole text file of at most [`READ_CAP`] bytes. A FIFO, socket or
/// device in its place is refused without waiting for a writer, and so is a
/// larger file, without reading more than the cap.
pub fn read_capped(path: &Path) -> Result<String, Error> {
    read_all_capped(open_regular(path)?, path)
}

/// Opens a regular file for reading; a FIFO, socket, device or folder in its
/// place is refused at once. Readers of notes take at most [`READ_CAP`]
/// bytes from it (`Read::take`).
pub fn open_regular(path: &Path) -> Result<std::fs::File, Error> {
    let fail = Error::io("cannot read", path);
    // Looked at before opening: opening a socket fails with a bare "No
    // such device or address", and opening a device may have effects.
    let kind = std::fs::metadata(path)
        .map_err(Error::io("cannot read", path))?
        .file_type();
    if !kind.is_file() {
        return Err(fail(not_regular(kind)));
    }
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
    // Checked again on what was opened: the name may have changed hands.
    if !kind.is_file() {
        return Err(Error::io("cannot read", path)(not_regular(kind)));
    }
    Ok(file)
}

fn not_regular(kind: std::fs::FileType) -> std::io::Error {
    std::io::Error::other(format!(
        "it is {}, not a regular file",
        crate::file_type::describe(kind)
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_socket_or_device_is_named_for_what_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("answers.yaml");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let error = read_capped(&socket).unwrap_err().to_string();
        assert!(
            error.ends_with("answers.yaml: it is a socket, not a regular file"),
            "{error}"
        );
        let error = read_capped(Path::new("/dev/null")).unwrap_err().to_string();
        assert!(
            error.ends_with("it is a device, not a regular file"),
            "{error}"
        );
    }

    #[test]
    fn reads_stop_at_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.yaml");
        let file = std::fs::File::create(&path).unwrap();
        // Sparse: nothing but the cap is read, whatever the size.
        file.set_len(1024 * 1024 * 1024).unwrap();
        let error = read_capped(&path).unwrap_err();
        assert!(error.to_string().contains("larger than 8 MiB"), "{error}");
    }
}
