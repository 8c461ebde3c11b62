//! `--resume`: the newest draft of a checklist, never through a link, and a
//! broken one named with the way out.

use std::path::Path;

use crate::config::Config;
use crate::error::Error;
use crate::notes::draft;

/// A draft that `--resume` cannot read: named, with the way out.
pub(super) fn broken_draft(path: &Path, error: Error, command: &str) -> Error {
    let reason = match error {
        Error::Io { source, .. } => source.to_string(),
        other => other.to_string().replace('\n', "; "),
    };
    let message = if reason.contains(&path.display().to_string()) {
        format!("cannot resume the newest draft: {reason}")
    } else {
        format!("cannot resume the draft {}: {reason}", path.display())
    };
    Error::Usage {
        message,
        hint: Some(format!(
            "move it aside (`mv {} {}.bad`) to resume an older draft, or start anew with `{command}`",
            path.display(),
            path.display()
        )),
    }
}

pub(super) fn newest_draft(
    config: &Config,
    checklist: &str,
    command: &str,
) -> Result<std::path::PathBuf, Error> {
    let dir = draft::dir(&config.notes_dir);
    // Saving never writes through a link; resuming never reads or deletes through one.
    if std::fs::symlink_metadata(&dir).is_ok_and(|metadata| metadata.file_type().is_symlink()) {
        return Err(Error::Usage {
            message: format!(
                "{} is a symbolic link, and coach never reads or deletes drafts through one",
                dir.display()
            ),
            hint: Some(format!(
                "replace it with a folder (move the drafts into it) and run `{command} --resume` again"
            )),
        });
    }
    draft::newest(&config.notes_dir, checklist).ok_or_else(|| Error::Usage {
        message: format!(
            "no draft of a `{checklist}` walk in {}",
            draft::dir(&config.notes_dir).display()
        ),
        hint: Some(format!("start a new walk with `{command}`")),
    })
}
