//! Drafts: the answers of an interrupted walk, kept under `NOTES_DIR/.drafts`
//! as an answers file, so `--resume` is `--answers` of the newest draft.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::answers_file;
use crate::atomic_file;
use crate::error::Error;
use crate::walk::SoFar;
use crate::yaml;

pub fn dir(notes_dir: &Path) -> PathBuf {
    notes_dir.join(".drafts")
}

/// Where a draft lists the questions left unanswered on purpose; no
/// question id can start with `_`.
const SKIPPED: &str = "_skipped";

pub fn save(notes_dir: &Path, checklist: &str, so_far: &SoFar) -> Result<PathBuf, Error> {
    let mut fields: serde_json::Map<String, Value> = so_far.answers.iter().cloned().collect();
    if !so_far.skipped.is_empty() {
        fields.insert(SKIPPED.to_string(), Value::from(so_far.skipped.clone()));
    }
    let body = if fields.is_empty() {
        String::new()
    } else {
        yaml::to_string(&fields)
    };
    let text =
        format!("# Answers of an interrupted `{checklist}` walk; continue with --resume.\n{body}");
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    atomic_file::notes_root(notes_dir)?;
    atomic_file::write_new(
        &dir(notes_dir),
        &format!("{checklist}-{stamp}"),
        "yaml",
        &text,
    )
}

/// Reads a draft back: its answers and the questions skipped on purpose.
pub fn load(path: &Path) -> Result<SoFar, Error> {
    let mut answers = answers_file::read(path)?;
    let skipped = match answers.iter().position(|(id, _)| id == SKIPPED) {
        Some(at) => match answers.remove(at).1 {
            Value::Array(ids) => ids
                .into_iter()
                .filter_map(|id| id.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    Ok(SoFar { answers, skipped })
}

/// The newest draft of this checklist, if any.
pub fn newest(notes_dir: &Path, checklist: &str) -> Option<PathBuf> {
    let prefix = format!("{checklist}-");
    let mut drafts: Vec<(String, PathBuf)> = std::fs::read_dir(dir(notes_dir))
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stamp = name.strip_prefix(&prefix)?.strip_suffix(".yaml")?;
            // `prep-` must not match a `prep-long-...` checklist's drafts.
            let is_stamp = stamp.len() >= 15
                && stamp[..15].bytes().enumerate().all(|(at, byte)| {
                    if at == 8 {
                        byte == b'-'
                    } else {
                        byte.is_ascii_digit()
                    }
                });
            is_stamp.then(|| (stamp.to_string(), entry.path()))
        })
        .collect();
    drafts.sort_by(|a, b| {
        a.0[..15]
            .cmp(&b.0[..15])
            .then_with(|| a.0.len().cmp(&b.0.len()))
            .then_with(|| a.0.cmp(&b.0))
    });
    drafts.pop().map(|(_, path)| path)
}
