//! `coach notes check`: every note that cannot be read, every commitment id
//! used twice, and every task line that disagrees with its front matter.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use crate::config::Config;
use crate::error::{plural, Error};
use crate::exit_code;
use crate::memory::{archive, body, read};

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
        let (record, body) = match read::whole(path) {
            Ok(read) => read,
            Err(note) => {
                problems.push((note.path, note.line, note.reason));
                continue;
            }
        };
        notes += 1;
        let tasks = body::task_lines(&body);
        for commitment in &record.commitments {
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
            for task in tasks.iter().filter(|task| &task.id == id) {
                if task.done != commitment.done {
                    let (body_says, front_says) = match commitment.done {
                        true => ("open (`- [ ]`)", "done: true"),
                        false => ("ticked (`- [x]`)", "done: false"),
                    };
                    problems.push((
                        path.clone(),
                        task.line,
                        format!(
                            "the task line of `{id}` is {body_says} but its front matter says `{front_says}` (line {})",
                            commitment.line
                        ),
                    ));
                }
            }
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
