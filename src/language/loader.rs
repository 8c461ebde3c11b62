//! Loads packs (the built-in one and directories), merges them into one
//! language, and checks that every pattern named anywhere exists.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::parse::{pack_file, PackFile};
use super::reader::Reference;
use super::{builtin, compiled, Language, Origin, Problem};
use crate::suggest::did_you_mean;
use crate::yaml;

/// Larger than any sensible pack file; refuses to slurp a mistaken path.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackSource {
    Builtin,
    Dir(PathBuf),
}

/// Loads the packs in order; a later pack's pattern replaces an earlier one
/// with the same id. Fails with every problem found in every pack.
pub fn load(sources: &[PackSource]) -> Result<Language, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut language = Language::default();
    let mut references = Vec::new();
    for source in sources {
        if *source == PackSource::Builtin {
            // Checked by `cargo test`, not at every start: see compiled.rs.
            match compiled::language() {
                Ok(builtin) => merge_builtin(&mut language, builtin),
                Err(message) => problems.push(Problem::in_file(builtin::PREFIX, message)),
            }
            continue;
        }
        let pack = read_pack(source, &mut problems);
        references.extend(merge(&mut language, pack, &mut problems));
    }
    check_references(&language, references, &mut problems);
    if problems.is_empty() {
        Ok(language)
    } else {
        Err(problems)
    }
}

/// Unknown names are reported in order; only as many as an error list shows
/// by name get a "did you mean": each hint compares against every pattern id.
fn check_references(language: &Language, references: Vec<Reference>, problems: &mut Vec<Problem>) {
    let mut unknown = 0;
    for reference in references {
        if language.pattern(&reference.target).is_none() {
            unknown += 1;
            let hint = if unknown <= super::LISTED {
                did_you_mean(
                    &reference.target,
                    language.patterns.iter().map(|pattern| pattern.id.as_str()),
                )
            } else {
                String::new()
            };
            let mut problem = reference.problem;
            problem.message = format!(
                "`{}` names `{}`, which is no loaded pattern{hint}",
                reference.field, reference.target
            );
            problems.push(problem);
        }
    }
}

/// Merges the built-in language: its patterns and checklists replace earlier
/// ones with the same id, as any later pack's do.
fn merge_builtin(language: &mut Language, builtin: Language) {
    if language.title.is_none() {
        language.title = builtin.title;
        language.source = builtin.source;
    }
    for pattern in builtin.patterns {
        language.add_pattern(pattern);
    }
    for checklist in builtin.checklists {
        language.add_checklist(checklist);
    }
}

/// One pack's files merged, with the problems of the pack itself (duplicates).
struct Pack {
    name: String,
    files: Vec<PackFile>,
    /// Some file could not be read or parsed: already reported, so an empty
    /// pack needs no second message.
    had_problems: bool,
}

fn read_pack(source: &PackSource, problems: &mut Vec<Problem>) -> Pack {
    let before = problems.len();
    let texts = match source {
        PackSource::Builtin => Vec::new(),
        PackSource::Dir(dir) => read_dir(dir, problems),
    };
    let name = match source {
        PackSource::Builtin => "the built-in pack".to_string(),
        PackSource::Dir(dir) => dir.display().to_string(),
    };
    let files = parse_files(&texts, problems);
    Pack {
        name,
        files,
        had_problems: problems.len() > before,
    }
}

fn parse_files(texts: &[(String, String)], problems: &mut Vec<Problem>) -> Vec<PackFile> {
    let mut files = Vec::new();
    for (file, text) in texts {
        match yaml::parse(text) {
            Ok(document) => files.push(pack_file(file, text, &document, problems)),
            Err(error) => {
                let message = format!("invalid YAML: {}", error.message);
                let position = error.line.zip(error.column);
                problems.push(Problem::in_file(file, message).at(position));
            }
        }
    }
    files
}

/// Loads one pack from in-memory files, for unit tests.
#[cfg(test)]
pub fn load_texts(texts: &[(&str, &str)]) -> Result<Language, Vec<Problem>> {
    let texts: Vec<(String, String)> = texts
        .iter()
        .map(|(name, text)| ((*name).to_string(), (*text).to_string()))
        .collect();
    let mut problems = Vec::new();
    let files = parse_files(&texts, &mut problems);
    let pack = Pack {
        name: "test".to_string(),
        files,
        had_problems: !problems.is_empty(),
    };
    let mut language = Language::default();
    let references = merge(&mut language, pack, &mut problems);
    check_references(&language, references, &mut problems);
    if problems.is_empty() {
        Ok(language)
    } else {
        Err(problems)
    }
}

/// Reads every `*.yaml` / `*.yml` file directly in `dir`, sorted by name.
fn read_dir(dir: &Path, problems: &mut Vec<Problem>) -> Vec<(String, String)> {
    let display = dir.display().to_string();
    let before = problems.len();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            let message = format!("cannot read pattern directory: {error}");
            problems.push(Problem::in_file(&display, message));
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "yaml" || ext == "yml")
        })
        .filter(|path| {
            // A FIFO, socket or device named like a pack file is named,
            // never opened (a FIFO would wait for a writer).
            let kind = std::fs::metadata(path).map(|metadata| metadata.file_type());
            match kind {
                Ok(kind) if !kind.is_file() && !kind.is_dir() => {
                    let message = format!(
                        "it is {}, not a regular file; remove it from the pattern directory",
                        crate::file_type::describe(kind)
                    );
                    problems.push(Problem::in_file(&path.display().to_string(), message));
                    false
                }
                Ok(kind) => kind.is_file(),
                Err(_) => false,
            }
        })
        .collect();
    paths.sort();
    if paths.is_empty() && problems.len() > before {
        return Vec::new();
    }
    if paths.is_empty() {
        let message = "no *.yaml or *.yml files here: a pattern pack is a directory of YAML files with `patterns:`";
        problems.push(Problem::in_file(&display, message));
    }
    paths
        .iter()
        .filter_map(|path| read_text(path, problems).map(|text| (path.display().to_string(), text)))
        .collect()
}

fn read_text(path: &Path, problems: &mut Vec<Problem>) -> Option<String> {
    let file = path.display().to_string();
    let size = std::fs::metadata(path)
        .map(|metadata| metadata.len())
        .unwrap_or(0);
    if size > MAX_FILE_BYTES {
        let message =
            format!("file is {size} bytes; a pack file may have at most {MAX_FILE_BYTES}");
        problems.push(Problem::in_file(&file, message));
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            problems.push(Problem::in_file(&file, format!("cannot read: {error}")));
            return None;
        }
    };
    if let Some(at) = bytes.iter().position(|byte| *byte == 0) {
        let message =
            "binary file (a NUL byte), not YAML text; remove it from the pattern directory";
        problems.push(Problem::in_file(&file, message).at(Some(line_and_column(&bytes, at))));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let message =
                format!("not UTF-8 text (invalid byte at offset {at}); save the file as UTF-8");
            let position = line_and_column(error.as_bytes(), at);
            problems.push(Problem::in_file(&file, message).at(Some(position)));
            None
        }
    }
}

fn line_and_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|byte| **byte == b'\n').count() + 1;
    let column = at
        - before
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |newline| newline + 1)
        + 1;
    (line, column)
}

/// Merges one pack into the language, reporting duplicates inside the pack.
fn merge(language: &mut Language, pack: Pack, problems: &mut Vec<Problem>) -> Vec<Reference> {
    let mut in_pack: Vec<Origin> = Vec::new();
    let mut pattern_ids: HashMap<String, Origin> = HashMap::new();
    let mut checklist_ids: HashMap<String, Origin> = HashMap::new();
    let mut references = Vec::new();
    let mut found_any = false;
    for file in pack.files {
        if let Some((title, source, origin)) = file.language {
            if let Some(first) = in_pack.first() {
                let message = format!(
                    "a second `language:` block in this pack (the first is at {first}); keep one"
                );
                problems.push(
                    Problem::in_file(&origin.file, message).at(origin.line.map(|line| (line, 1))),
                );
            } else {
                in_pack.push(origin);
                if language.title.is_none() {
                    language.title = title;
                    language.source = source;
                }
            }
        }
        found_any |= !file.patterns.is_empty() || !file.checklists.is_empty();
        for pattern in file.patterns {
            if let Some(first) = pattern_ids.get(&pattern.id) {
                problems.push(duplicate("pattern", &pattern.id, &pattern.origin, first));
                continue;
            }
            pattern_ids.insert(pattern.id.clone(), pattern.origin.clone());
            language.add_pattern(pattern);
        }
        for checklist in file.checklists {
            if let Some(first) = checklist_ids.get(&checklist.id) {
                problems.push(duplicate(
                    "checklist",
                    &checklist.id,
                    &checklist.origin,
                    first,
                ));
                continue;
            }
            checklist_ids.insert(checklist.id.clone(), checklist.origin.clone());
            language.add_checklist(checklist);
        }
        references.extend(file.references);
    }
    if !found_any && !pack.had_problems {
        let message = "no patterns found: a pack needs at least one file with a `patterns:` list";
        problems.push(Problem::in_file(&pack.name, message));
    }
    references
}

fn duplicate(what: &str, id: &str, origin: &Origin, first: &Origin) -> Problem {
    let message = format!("duplicate {what} id; also defined at {first}; rename one of them");
    Problem::in_file(&origin.file, message)
        .at(origin.line.map(|line| (line, 1)))
        .about(Some(format!("{what} `{id}`")))
}
