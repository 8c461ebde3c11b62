//! The edit itself: find the commitment's lines with certainty, change the
//! fewest bytes, and check the result by parsing it.

use serde_json::Value;

use super::layout::{
    block_text, flow_lines, key_line, mapping_keys, single_line, task_line, KeyLine, Note, Splice,
};
use super::{due, Change, EditError};
use crate::yaml;

/// The front matter's mappings whose `id` is `id`, as paths into the value.
fn find(value: &Value, id: &str, path: &mut Vec<Step>, found: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            if map.get("id").and_then(Value::as_str) == Some(id) {
                found.push(path.clone());
            }
            for (key, value) in map {
                path.push(Step::Key(key.clone()));
                find(value, id, path, found);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (at, value) in items.iter().enumerate() {
                path.push(Step::Index(at));
                find(value, id, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn walk_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |value, step| match step {
        Step::Key(key) => value.get_mut(key.as_str()),
        Step::Index(at) => value.get_mut(*at),
    })
}

fn parse(note: &Note) -> Result<Value, EditError> {
    yaml::parse(note.front_matter()).map_err(|error| EditError::FrontMatter {
        // The YAML starts on the note's second line.
        line: error.line.map(|line| line + 1),
        message: error.message,
    })
}

/// The edited text, and the (1-based) `done:` and task lines it changed.
pub(super) fn edit(
    text: &str,
    id: &str,
    change: Change,
) -> Result<(String, usize, usize), EditError> {
    let id_error = || id.to_string();
    let note = Note::read(text)?;
    let before = parse(&note)?;
    let mut found = Vec::new();
    find(&before, id, &mut Vec::new(), &mut found);
    let unquoted = |value: &str| {
        value == id
            || value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) == Some(id)
            || value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) == Some(id)
    };
    let text_lines = block_text(&note);
    let candidates: Vec<(usize, KeyLine)> = (1..note.fence)
        .filter(|&at| !text_lines[at])
        .filter_map(|at| key_line(&note, at))
        .filter(|(_, line)| line.key == "id" && unquoted(line.value))
        .collect();
    let [path] = found.as_slice() else {
        if found.is_empty() {
            return Err(EditError::NotFound { id: id_error() });
        }
        let mut lines: Vec<usize> = candidates.iter().map(|(_, line)| line.at + 1).collect();
        lines.extend(flow_lines(&note, id));
        lines.sort_unstable();
        return Err(EditError::FoundTwice {
            id: id_error(),
            lines,
        });
    };
    let (column, id_line) = match candidates.as_slice() {
        [one] => (one.0, &one.1),
        [] => {
            return Err(match flow_lines(&note, id).first() {
                Some(line) => EditError::FlowStyle {
                    id: id_error(),
                    line: *line,
                },
                None => EditError::Unrecognised { id: id_error() },
            })
        }
        _ => {
            let lines = candidates.iter().map(|(_, line)| line.at + 1).collect();
            return Err(EditError::FoundTwice {
                id: id_error(),
                lines,
            });
        }
    };
    let keys = mapping_keys(&note, id_line.at, column, id_line.item);
    let dones: Vec<&KeyLine> = keys.iter().filter(|line| line.key == "done").collect();
    let done = match dones.as_slice() {
        [one] => *one,
        [] => {
            return Err(EditError::NoDone {
                id: id_error(),
                line: id_line.at + 1,
            })
        }
        _ => {
            let lines = dones.iter().map(|line| line.at + 1).collect();
            return Err(EditError::DoneTwice {
                id: id_error(),
                lines,
            });
        }
    };
    let mapping = walk_mut(&mut before.clone(), path)
        .cloned()
        .unwrap_or(Value::Null);
    let is_done = match (done.value, mapping.get("done")) {
        ("true", Some(Value::Bool(true))) => true,
        ("false", Some(Value::Bool(false))) => false,
        _ => {
            return Err(EditError::DoneNotBool {
                id: id_error(),
                line: done.at + 1,
            })
        }
    };
    let closed: Vec<&KeyLine> = keys.iter().filter(|line| line.key == "closed").collect();
    let mut splices: Vec<Splice> = Vec::new();
    // Where the front-matter change starts: the line `Applied` reports.
    let mut front_at = done.value_start;
    let mut task = None;
    let value_range = done.value_start..done.value_start + done.value.len();
    match change {
        Change::Close(date) => {
            if is_done {
                return Err(EditError::AlreadyDone { id: id_error() });
            }
            if let Some(line) = closed.first() {
                return Err(EditError::ClosedPresent {
                    id: id_error(),
                    line: line.at + 1,
                });
            }
            splices.push((value_range, "true".to_string()));
            let after = note.lines[done.at].next;
            let eol = match note.eol(done.at) {
                "" => "\n",
                eol => eol,
            };
            let line = format!(
                "{}closed: {}{eol}",
                " ".repeat(column),
                super::layout::date_value(date)
            );
            splices.push((after..after, line));
        }
        Change::Reopen => {
            if !is_done {
                return Err(EditError::AlreadyOpen { id: id_error() });
            }
            splices.push((value_range, "false".to_string()));
            match closed.as_slice() {
                [] => {}
                [line] if !line.item && single_line(&note, line.at, column) => {
                    splices.push((
                        note.lines[line.at].start..note.lines[line.at].next,
                        String::new(),
                    ));
                }
                [line, ..] => {
                    return Err(EditError::ClosedNotEditable {
                        id: id_error(),
                        line: line.at + 1,
                    })
                }
            }
        }
        Change::Reschedule(date) => {
            if is_done {
                return Err(EditError::AlreadyDone { id: id_error() });
            }
            let front = due::front_due(&note, &keys, done, column, date, id)?;
            front_at = front.0.start;
            splices.push(front);
            let old = mapping.get("due").and_then(Value::as_str);
            task = Some(due::task_due(&note, id, old, date)?);
        }
    }
    let task = match task {
        Some(task) => task,
        None => Some(task_line(&note, id, is_done)?),
    };
    // A reschedule of a task line that shows no date changes no task line.
    let task_at = task.as_ref().map(|(range, _)| range.start);
    splices.extend(task);
    splices.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len() + 24);
    let (mut from, mut done_line, mut task_line) = (0, 0, 0);
    for (range, with) in splices {
        out += &text[from..range.start];
        // Counted in the new text: a line added or removed moves the others.
        let line = out.matches('\n').count() + 1;
        if range.start == front_at {
            done_line = line;
        } else if Some(range.start) == task_at {
            task_line = line;
        }
        out += &with;
        from = range.end;
    }
    out += &text[from..];
    verify(&out, before, path, change, id)?;
    Ok((out, done_line, task_line))
}

/// The edited front matter reads as the old one with only the commitment's
/// `done` (and `closed`), or its `due`, changed; anything else is refused.
fn verify(
    text: &str,
    before: Value,
    path: &[Step],
    change: Change,
    id: &str,
) -> Result<(), EditError> {
    let unverified = || EditError::Unverified { id: id.to_string() };
    let after = Note::read(text)
        .and_then(|note| parse(&note))
        .map_err(|_| unverified())?;
    let mut expected = before;
    let Some(Value::Object(mapping)) = walk_mut(&mut expected, path) else {
        return Err(unverified());
    };
    match change {
        Change::Close(date) => {
            mapping.insert("done".to_string(), Value::Bool(true));
            mapping.insert("closed".to_string(), Value::String(date.to_string()));
        }
        Change::Reopen => {
            mapping.insert("done".to_string(), Value::Bool(false));
            mapping.shift_remove("closed");
        }
        Change::Reschedule(date) => {
            mapping.insert("due".to_string(), Value::String(date.to_string()));
        }
    }
    if after == expected {
        Ok(())
    } else {
        Err(unverified())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_that_would_change_another_value_is_refused() {
        let before = "---\na: 1\nc:\n- id: c-abcdef\n  done: false\n---\n";
        let value = parse(&Note::read(before).unwrap()).unwrap();
        let path = [Step::Key("c".to_string()), Step::Index(0)];
        let change = Change::Close(jiff::civil::date(2026, 12, 3));
        let good = "---\na: 1\nc:\n- id: c-abcdef\n  done: true\n  closed: \"2026-12-03\"\n---\n";
        assert!(verify(good, value.clone(), &path, change, "c-abcdef").is_ok());
        let other = good.replace("a: 1", "a: 2");
        let error = verify(&other, value, &path, change, "c-abcdef").unwrap_err();
        assert!(matches!(error, EditError::Unverified { .. }), "{error:?}");
    }
}
