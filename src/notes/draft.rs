//! Drafts: the answers of an interrupted walk, kept under `NOTES_DIR/.drafts`
//! as an answers file, so `--resume` is `--answers` of the newest draft.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::atomic_file;
use crate::error::Error;
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

/// Whether `so_far` is worth a draft: it holds an answer typed or chosen at
/// a prompt, or given by `--answers`/`--set` (or a resumed draft). The
/// header answers given by flags (`from_flags`: `--customer`, `--meeting`,
/// `--date`) do not count: the same command gives them again.
pub fn worth_keeping(so_far: &SoFar, from_flags: &[String]) -> bool {
    so_far
        .answers
        .iter()
        // An empty choice (no promise kept, an empty list) is nothing typed.
        .any(|(id, value)| {
            !value.is_null()
                && value.as_array().is_none_or(|items| !items.is_empty())
                && !from_flags.contains(id)
        })
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

/// One draft in the drafts folder, known by its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The file stem (`prep-20261122-101010`): what `--resume ID` and
    /// `coach drafts rm ID` take.
    pub id: String,
    pub checklist: String,
    /// When it was saved (local time, from its name).
    pub saved: jiff::civil::DateTime,
    pub path: PathBuf,
    /// Sorts by time, then by the `-N` of a name that was taken.
    order: (u32, u32, u32),
}

/// Every draft in the drafts folder, newest first, and the paths of the
/// `.yaml` files there whose names are not a draft's.
pub fn entries(notes_dir: &Path) -> (Vec<Entry>, Vec<PathBuf>) {
    let mut drafts = Vec::new();
    let mut odd = Vec::new();
    let Ok(listing) = std::fs::read_dir(dir(notes_dir)) else {
        return (drafts, odd);
    };
    for entry in listing.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.ends_with(".yaml") {
            continue;
        }
        // A name with no such day or time (`20261301-250000`) is as odd as
        // one that does not parse: it would sort wrongly, so it is skipped.
        match parse_name(&name).and_then(|(of, order)| Some((of, order, moment(order)?))) {
            Some((of, order, saved)) => drafts.push(Entry {
                id: name.trim_end_matches(".yaml").to_string(),
                checklist: of.to_string(),
                saved,
                path: entry.path(),
                order,
            }),
            None => odd.push(entry.path()),
        }
    }
    drafts.sort_by(|a, b| b.order.cmp(&a.order).then_with(|| a.id.cmp(&b.id)));
    odd.sort();
    (drafts, odd)
}

/// The drafts of this checklist, newest first. A file in the drafts folder
/// that starts like one of this checklist's drafts but whose name does not
/// parse is left alone, with a warning.
pub fn of_checklist(notes_dir: &Path, checklist: &str) -> Vec<Entry> {
    let (drafts, odd) = entries(notes_dir);
    let prefix = format!("{checklist}-");
    for path in odd {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with(&prefix) {
            let _ = writeln!(
                std::io::stderr(),
                "coach: warning: ignoring {}: a draft is named {checklist}-YYYYMMDD-HHMMSS.yaml",
                crate::text::visible_controls(&path.display().to_string())
            );
        }
    }
    // `prep-` must not match a `prep-long-...` checklist's drafts.
    drafts
        .into_iter()
        .filter(|entry| entry.checklist == checklist)
        .collect()
}

/// What a draft holds, for a list of drafts to choose from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub customer: Option<String>,
    pub meeting: Option<String>,
    /// How many questions it answers.
    pub answers: usize,
}

/// The customer, meeting and number of answers of the draft at `path`.
pub fn summary(path: &Path) -> Result<Summary, Error> {
    let so_far = load(path)?;
    let text = |id: &str| {
        so_far
            .answers
            .iter()
            .find(|(known, _)| known == id)
            .and_then(|(_, value)| value.as_str())
            .map(|text| crate::text::strip_controls(text.trim()).into_owned())
            .filter(|text| !text.is_empty())
    };
    Ok(Summary {
        customer: text("customer"),
        meeting: text("meeting"),
        answers: so_far
            .answers
            .iter()
            .filter(|(_, value)| !value.is_null())
            .count(),
    })
}

/// Refuses a drafts folder that is a symbolic link: saving never writes
/// through one, and nothing reads or deletes drafts through one either.
/// `retry` is the command to run once it is a folder.
pub fn refuse_link(notes_dir: &Path, retry: &str) -> Result<(), Error> {
    let dir = dir(notes_dir);
    if std::fs::symlink_metadata(&dir).is_ok_and(|metadata| metadata.file_type().is_symlink()) {
        return Err(Error::Usage {
            message: format!(
                "{} is a symbolic link, and coach never reads or deletes drafts through one",
                dir.display()
            ),
            hint: Some(format!(
                "replace it with a folder (move the drafts into it) and run `{retry}` again"
            )),
        });
    }
    Ok(())
}

/// Whether a draft holds no answer at all: nothing to resume. One that
/// cannot be read is not empty: `--resume` names it with the way out.
pub fn is_empty(path: &Path) -> bool {
    load(path).is_ok_and(|so_far| so_far.answers.iter().all(|(_, value)| value.is_null()))
}

/// The newest draft of this checklist that holds an answer, if any.
pub fn newest(notes_dir: &Path, checklist: &str) -> Option<PathBuf> {
    of_checklist(notes_dir, checklist)
        .into_iter()
        .find(|entry| !is_empty(&entry.path))
        .map(|entry| entry.path)
}

/// The day and time that `YYYYMMDD` and `HHMMSS` name, if they are real.
fn moment((date, time, _): (u32, u32, u32)) -> Option<jiff::civil::DateTime> {
    let part = |number: u32| i8::try_from(number % 100).ok();
    let (Ok(year), Some(month), Some(day)) =
        (i16::try_from(date / 10_000), part(date / 100), part(date))
    else {
        return None;
    };
    let (Some(hour), Some(minute), Some(second)) = (
        i8::try_from(time / 10_000).ok(),
        part(time / 100),
        part(time),
    ) else {
        return None;
    };
    let date = jiff::civil::Date::new(year, month, day).ok()?;
    let time = jiff::civil::Time::new(hour, minute, second, 0).ok()?;
    Some(date.to_datetime(time))
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
    fn the_newest_draft_with_an_answer_wins_and_odd_names_are_skipped() {
        let notes = tempfile::tempdir().unwrap();
        let drafts = dir(notes.path());
        std::fs::create_dir_all(&drafts).unwrap();
        // Newer, but nothing to resume.
        std::fs::write(drafts.join("prep-20261122-111111.yaml"), "# empty\n").unwrap();
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
            std::fs::write(drafts.join(name), "customer: Acme\n").unwrap();
        }
        assert_eq!(
            newest(notes.path(), "prep"),
            Some(drafts.join("prep-20261122-101010-2.yaml"))
        );
        let ids: Vec<String> = of_checklist(notes.path(), "prep")
            .into_iter()
            .map(|entry| entry.id)
            .collect();
        assert_eq!(
            ids,
            [
                "prep-20261122-111111",
                "prep-20261122-101010-2",
                "prep-20261122-101010",
                "prep-20261121-235959"
            ]
        );
    }

    #[test]
    fn header_answers_given_by_flags_alone_are_not_worth_a_draft() {
        let so_far = |answers: &[(&str, Value)]| SoFar {
            answers: answers
                .iter()
                .map(|(id, value)| (id.to_string(), value.clone()))
                .collect(),
            skipped: vec!["meeting".to_string()],
        };
        let flags = ["customer".to_string(), "date".to_string()];
        assert!(!worth_keeping(&so_far(&[]), &flags));
        assert!(!worth_keeping(
            &so_far(&[("customer", Value::from("Acme")), ("goal", Value::Null)]),
            &flags
        ));
        // Typed at the prompt, or given by --answers/--set.
        assert!(worth_keeping(
            &so_far(&[("customer", Value::from("Acme"))]),
            &[]
        ));
        assert!(worth_keeping(
            &so_far(&[
                ("customer", Value::from("Acme")),
                ("goal", Value::from("Agree"))
            ]),
            &flags
        ));
    }
}
