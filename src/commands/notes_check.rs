//! `coach notes check`: every note that cannot be read, every commitment id
//! used twice, and every task line that disagrees with its front matter.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use crate::config::Config;
use crate::error::{plural, Error};
use crate::exit_code;
use crate::memory::{archive, edit, read};

pub fn run(config: &Config, out: &mut impl Write) -> Result<i32, Error> {
    let mut unreadable = Vec::new();
    let paths = archive::note_paths(&config.notes_dir, &mut unreadable)?;
    let mut problems: Vec<(PathBuf, usize, String)> = unreadable
        .into_iter()
        .map(|note| (note.path, note.line, note.reason))
        .collect();
    // The first place each id was seen: (note, line).
    let mut seen: HashMap<String, (PathBuf, usize)> = HashMap::new();
    let mut notes = 0;
    for path in &paths {
        let record = match read::front_matter(path) {
            Ok(read) => read,
            Err(note) => {
                problems.push((note.path, note.line, note.reason));
                continue;
            }
        };
        notes += 1;
        for commitment in &record.commitments {
            if commitment.what.trim().is_empty() {
                let id = commitment.id.as_deref().unwrap_or("without an id");
                problems.push((
                    path.clone(),
                    commitment.line,
                    format!("commitment `{id}` has no `what:`; say what was promised"),
                ));
            }
            let Some(id) = &commitment.id else { continue };
            match seen.get(id) {
                Some((first, line)) => problems.push((
                    path.clone(),
                    commitment.line,
                    format!(
                        "commitment id `{id}` is also used in {}:{line}",
                        first.display()
                    ),
                )),
                None => {
                    seen.insert(id.clone(), (path.clone(), commitment.line));
                }
            }
        }
        // The rules `coach done` and `coach reopen` edit by: what they would
        // refuse (a task line missing, doubled or disagreeing, an id found
        // twice, a commitment without one `done:`) is a problem here too.
        let editable: Vec<(&str, bool)> = record
            .commitments
            .iter()
            .filter_map(|commitment| Some((commitment.id.as_deref()?, commitment.done)))
            .collect();
        match edit::check(path, &editable) {
            Ok(checked) => {
                for (line, id) in checked.orphans {
                    problems.push((path.clone(), line, format!("the task line for `{id}` has no commitment in the front matter; add the commitment back under `answers:` or delete the task line")));
                }
                for (id, error) in checked.refused {
                    let line = record
                        .commitments
                        .iter()
                        .find(|commitment| commitment.id.as_deref() == Some(id))
                        .map_or(1, |commitment| commitment.line);
                    problems.push((path.clone(), line, format!("commitment `{id}`: {error}")));
                }
            }
            Err(error) => problems.push((path.clone(), 1, error.to_string())),
        }
    }
    problems.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    for (path, line, reason) in &problems {
        let line = format!("{}:{line}: {reason}", path.display());
        writeln!(out, "{}", crate::text::visible_controls(&line))?;
    }
    let summary = match problems.len() {
        0 => format!("coach: {} read, no problems", plural(notes, "note")),
        count => format!(
            "coach: {} in {} ({} read)",
            plural(count, "problem"),
            plural(paths.len(), "note"),
            notes
        ),
    };
    let _ = writeln!(std::io::stderr(), "{summary}");
    Ok(if problems.is_empty() {
        exit_code::SUCCESS
    } else {
        exit_code::FAILURE
    })
}
