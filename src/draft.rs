//! Drafts: the answers of an interrupted walk, kept under `NOTES_DIR/.drafts`
//! as an answers file, so `--resume` is `--answers` of the newest draft.

use std::path::{Path, PathBuf};

use crate::answers_file::Given;
use crate::atomic_file;
use crate::yaml;

pub fn dir(notes_dir: &Path) -> PathBuf {
    notes_dir.join(".drafts")
}

pub fn save(notes_dir: &Path, checklist: &str, answers: &Given) -> std::io::Result<PathBuf> {
    let fields: serde_json::Map<String, serde_json::Value> = answers.iter().cloned().collect();
    let body = if fields.is_empty() {
        String::new()
    } else {
        yaml::to_string(&fields)
    };
    let text =
        format!("# Answers of an interrupted `{checklist}` walk; continue with --resume.\n{body}");
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    atomic_file::write_new(
        &dir(notes_dir),
        &format!("{checklist}-{stamp}"),
        "yaml",
        &text,
    )
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
