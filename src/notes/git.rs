//! Notes shared through git (`git: commit` in the config, or `--git`):
//! each note coach writes and each edit of `done`, `reopen` or a debrief is
//! committed at once, alone, with a message that says what happened. coach
//! never pushes or pulls: when to share is the person's call.
//!
//! A failure here never costs a note: the note is written before, and a
//! commit that fails is one warning naming git's reason.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What stays out of a shared notes repository: drafts of unfinished walks
/// (one person's, mid-thought) and coach's temporary files.
const IGNORED: [&str; 2] = [".drafts/", ".coach-*.tmp"];

/// Commits `paths` (under `notes_dir`) with `message`, and the notes
/// folder's `.gitignore` when coach had to write it. Only these paths are
/// committed, whatever else is staged.
pub fn commit(notes_dir: &Path, paths: &[PathBuf], message: &str) -> Result<(), String> {
    if paths.is_empty() {
        return Ok(());
    }
    let inside = git(notes_dir, &["rev-parse", "--is-inside-work-tree"]).map_err(|_| {
        "the notes folder is not in a git work tree; run `git init` there, or set `git: off`"
            .to_string()
    })?;
    if inside.trim() != "true" {
        return Err(
            "the notes folder is not in a git work tree; run `git init` there, or set `git: off`"
                .to_string(),
        );
    }
    let mut paths: Vec<PathBuf> = paths
        .iter()
        .map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()))
        .collect();
    if let Some(ignore) = ignore_file(notes_dir)? {
        paths.push(ignore);
    }
    let mut add = vec!["add", "--"];
    let listed: Vec<String> = paths
        .iter()
        .map(|path| path.display().to_string())
        .collect();
    add.extend(listed.iter().map(String::as_str));
    git(notes_dir, &add)?;
    let mut commit = vec!["commit", "--quiet", "--no-verify", "-m", message, "--"];
    commit.extend(listed.iter().map(String::as_str));
    git(notes_dir, &commit)?;
    Ok(())
}

/// Writes or completes the notes folder's `.gitignore`; its path when it
/// changed and is to be committed.
fn ignore_file(notes_dir: &Path) -> Result<Option<PathBuf>, String> {
    let path = notes_dir.join(".gitignore");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(format!("cannot read {}: {error}", path.display())),
    };
    let missing: Vec<&str> = IGNORED
        .iter()
        .copied()
        .filter(|pattern| !text.lines().any(|line| line.trim() == *pattern))
        .collect();
    if missing.is_empty() {
        return Ok(None);
    }
    let mut text = text;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if text.is_empty() {
        text.push_str(
            "# Written by coach: drafts and temporary files stay out of the shared notes.\n",
        );
    }
    for pattern in missing {
        text.push_str(pattern);
        text.push('\n');
    }
    std::fs::write(&path, text)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    Ok(Some(std::path::absolute(&path).unwrap_or(path)))
}

/// Runs `git -C notes_dir ARGS`; its stdout, or the first line it gave as
/// the reason it failed.
fn git(notes_dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(notes_dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|error| format!("cannot run git: {error}"))?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let said = String::from_utf8_lossy(&output.stderr);
    let reason = said
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("it failed")
        .to_string();
    Err(format!("git {}: {reason}", args[0]))
}
