//! `--resume[=ID]`: the draft named, else the one chosen at a terminal, else
//! the newest; never through a link, and a broken one named with the way out.

use std::path::{Path, PathBuf};

use crate::commands::drafts::{resume_command, unknown_draft};
use crate::config::Config;
use crate::error::Error;
use crate::notes::draft::{self, Entry};

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

/// The draft to resume: `id` when given; else, when a person can choose
/// (`choose`), one of this checklist's drafts that hold answers; else the
/// newest of them.
pub(super) fn draft_to_resume(
    config: &Config,
    checklist: &str,
    id: Option<&str>,
    choose: bool,
    command: &str,
) -> Result<PathBuf, Error> {
    draft::refuse_link(&config.notes_dir, &format!("{command} --resume"))?;
    if let Some(id) = id {
        return named(config, checklist, id);
    }
    let none = || Error::Usage {
        message: format!(
            "no draft of a `{checklist}` walk in {}",
            draft::dir(&config.notes_dir).display()
        ),
        hint: Some(format!("start a new walk with `{command}`")),
    };
    if !choose {
        return draft::newest(&config.notes_dir, checklist).ok_or_else(none);
    }
    let drafts: Vec<Entry> = draft::of_checklist(&config.notes_dir, checklist)
        .into_iter()
        .filter(|entry| !draft::is_empty(&entry.path))
        .collect();
    match drafts.as_slice() {
        [] => Err(none()),
        [only] => Ok(only.path.clone()),
        several => pick(several),
    }
}

/// The draft `coach drafts` lists as `id`, which must be of this checklist.
fn named(config: &Config, checklist: &str, id: &str) -> Result<PathBuf, Error> {
    let (drafts, _) = draft::entries(&config.notes_dir);
    let id = id.strip_suffix(".yaml").unwrap_or(id);
    match drafts.iter().find(|entry| entry.id == id) {
        Some(entry) if entry.checklist == checklist => Ok(entry.path.clone()),
        Some(entry) => Err(Error::Usage {
            message: format!(
                "the draft `{id}` is of a `{}` walk, not `{checklist}`",
                entry.checklist
            ),
            hint: Some(format!(
                "continue it with `{}`",
                resume_command(&entry.checklist, id)
            )),
        }),
        None => Err(unknown_draft(id, &drafts)),
    }
}

/// The drafts in a list at the terminal, newest first.
fn pick(drafts: &[Entry]) -> Result<PathBuf, Error> {
    let labels: Vec<String> = drafts.iter().map(label).collect();
    match crate::ui::pick_one::pick(
        "Which draft do you continue?",
        &labels,
        crate::ui::pick_one::drafts_kept,
    ) {
        Ok(Some(at)) => Ok(drafts[at].path.clone()),
        Ok(None) => Err(Error::Cancelled(
            "nothing was resumed and every draft is kept".to_string(),
        )),
        Err(source) => Err(Error::PromptFailed {
            source,
            draft: None,
            command: String::new(),
        }),
    }
}

/// `Acme · Pilot review · saved 2026-11-22 10:10 · 5 answers`.
fn label(entry: &Entry) -> String {
    let summary = draft::summary(&entry.path).unwrap_or_default();
    let mut parts = vec![summary
        .customer
        .unwrap_or_else(|| "(no customer yet)".to_string())];
    parts.extend(summary.meeting);
    parts.push(format!("saved {}", entry.saved.strftime("%Y-%m-%d %H:%M")));
    parts.push(crate::error::plural(summary.answers, "answer"));
    parts.join(" · ")
}
