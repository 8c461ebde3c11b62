//! Drafts: the answers of an interrupted walk, kept under `NOTES_DIR/.drafts`
//! as an answers file, so `--resume` is `--answers` of the newest draft.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::Error;
use crate::notes::atomic_file;
use crate::walk::answers_file;
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

/// The answers of `so_far` as a plain answers file, for `--answers FILE`:
/// what is printed when a draft cannot be saved.
pub fn answers_text(checklist: &str, so_far: &SoFar) -> String {
    let fields: serde_json::Map<String, Value> = so_far.answers.iter().cloned().collect();
    let body = if fields.is_empty() {
        String::new()
    } else {
        yaml::to_string(&fields)
    };
    format!("# Answers of an interrupted `{checklist}` walk; continue with --answers FILE.\n{body}")
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

/// The newest draft of this checklist, if any. A file in the drafts folder
/// that starts like one of this checklist's drafts but whose name does not
/// parse is left alone, with a warning.
pub fn newest(notes_dir: &Path, checklist: &str) -> Option<PathBuf> {
    let prefix = format!("{checklist}-");
    let mut drafts: Vec<((u32, u32, u32), PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir(notes_dir))
        .ok()?
        .filter_map(Result::ok)
    {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with(&prefix) || !name.ends_with(".yaml") {
            continue;
        }
        // A name with no such day or time (`20261301-250000`) is as odd as
        // one that does not parse: it would sort wrongly, so it is skipped.
        match parse_name(&name).filter(|(_, (date, time, _))| is_moment(*date, *time)) {
            // `prep-` must not match a `prep-long-...` checklist's drafts.
            Some((of, stamp)) if of == checklist => drafts.push((stamp, entry.path())),
            Some(_) => {}
            None => {
                let _ = writeln!(
                    std::io::stderr(),
                    "coach: warning: ignoring {}: a draft is named {checklist}-YYYYMMDD-HHMMSS.yaml",
                    crate::text::visible_controls(&entry.path().display().to_string())
                );
            }
        }
    }
    drafts.sort();
    drafts.pop().map(|(_, path)| path)
}

/// Whether `YYYYMMDD` and `HHMMSS` name a real day and time of day.
fn is_moment(date: u32, time: u32) -> bool {
    let part = |number: u32| i8::try_from(number % 100).ok();
    let (Ok(year), Some(month), Some(day)) =
        (i16::try_from(date / 10_000), part(date / 100), part(date))
    else {
        return false;
    };
    let (Some(hour), Some(minute), Some(second)) = (
        i8::try_from(time / 10_000).ok(),
        part(time / 100),
        part(time),
    ) else {
        return false;
    };
    jiff::civil::Date::new(year, month, day).is_ok()
        && jiff::civil::Time::new(hour, minute, second, 0).is_ok()
}

/// `CHECKLIST-YYYYMMDD-HHMMSS[-N].yaml` as the checklist and a key that sorts
/// by time, then by `N`.
fn parse_name(name: &str) -> Option<(&str, (u32, u32, u32))> {
    let stem = name.strip_suffix(".yaml")?;
    let number = |part: &str, digits: Option<usize>| {
        let fits = digits.is_none_or(|digits| part.chars().count() == digits);
        (fits && !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let mut parts = stem.rsplitn(4, '-');
    let last = parts.next()?;
    let before = parts.next()?;
    let (date, time, attempt, checklist) = match number(before, Some(6)) {
        // `-N` after a taken name.
        Some(time) => {
            let date = number(parts.next()?, Some(8))?;
            (date, time, number(last, None)?, parts.next()?)
        }
        None => {
            let time = number(last, Some(6))?;
            let date = number(before, Some(8))?;
            let rest = stem.strip_suffix(&format!("-{before}-{last}"))?;
            (date, time, 1, rest)
        }
    };
    (!checklist.is_empty()).then_some((checklist, (date, time, attempt)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_names_parse_by_characters_not_bytes() {
        assert_eq!(
            parse_name("prep-20261122-101010.yaml"),
            Some(("prep", (20261122, 101010, 1)))
        );
        assert_eq!(
            parse_name("prep-long-20261122-101010-3.yaml"),
            Some(("prep-long", (20261122, 101010, 3)))
        );
        for bad in [
            "prep-日本語.yaml",
            "prep-2026112日-101010.yaml",
            "prep-20261122-1010日.yaml",
            "prep-20261122-10101日.yaml",
            "prep-€€€€€€€€€€€€€€€€.yaml",
            "-20261122-101010.yaml",
            "prep.yaml",
        ] {
            assert_eq!(parse_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_newest_draft_wins_and_odd_names_are_skipped() {
        let notes = tempfile::tempdir().unwrap();
        let drafts = dir(notes.path());
        std::fs::create_dir_all(&drafts).unwrap();
        for name in [
            "prep-20261122-101010.yaml",
            "prep-20261122-101010-2.yaml",
            "prep-20261121-235959.yaml",
            "prep-日本語-20261130-000000.yaml",
            "prep-long-20261130-000000.yaml",
            "prep-2026113日-000000.yaml",
            "prep-20261301-250000.yaml",
            "prep-20261231-250000.yaml",
            "prep-20270230-120000.yaml",
        ] {
            std::fs::write(drafts.join(name), "").unwrap();
        }
        assert_eq!(
            newest(notes.path(), "prep"),
            Some(drafts.join("prep-20261122-101010-2.yaml"))
        );
    }
}
