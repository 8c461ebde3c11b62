//! A commitment given a new due date: its `due:` value in the front matter,
//! and the date its task line shows, change; nothing else does.
//!
//! A commitment without a `due:` line gets one right after its `done:`
//! line, in the same indentation, as a close adds `closed:`. The answer
//! block that shows the promise as it was made (`- Send the plan (due ...)`,
//! no id) keeps the old date: it is the record of what was said.

use jiff::civil::Date;

use super::layout::{single_line, KeyLine, Note, Splice};
use super::EditError;

/// The splice that gives the commitment (whose key lines are `keys`, at
/// `column`) the due date `date`: the value of its one `due:` line
/// replaced, else a new line after `done`.
pub(super) fn front_due(
    note: &Note,
    keys: &[KeyLine],
    done: &KeyLine,
    column: usize,
    date: Date,
    id: &str,
) -> Result<Splice, EditError> {
    let dues: Vec<&KeyLine> = keys.iter().filter(|line| line.key == "due").collect();
    let value = super::layout::date_value(date);
    match dues.as_slice() {
        [] => {
            let after = note.lines[done.at].next;
            let eol = match note.eol(done.at) {
                "" => "\n",
                eol => eol,
            };
            let line = format!("{}due: {value}{eol}", " ".repeat(column));
            Ok((after..after, line))
        }
        [due] => {
            // Only a one-line scalar can be replaced in place: a block, a
            // flow value or an empty (null) one is left to the person.
            let one_line = !due.value.is_empty()
                && !due.value.starts_with(['|', '>', '[', '{', '&', '*', '!'])
                && single_line(note, due.at, column);
            if !one_line {
                return Err(EditError::DueNotEditable {
                    id: id.to_string(),
                    line: due.at + 1,
                });
            }
            Ok((due.value_start..due.value_start + due.value.len(), value))
        }
        _ => Err(EditError::DueTwice {
            id: id.to_string(),
            lines: dues.iter().map(|line| line.at + 1).collect(),
        }),
    }
}

/// The splice that changes the date the open task line of `id` shows (the
/// last `(due OLD` of the line, where the note writer puts it), if it shows
/// `old`; the task line must be there as for a close.
pub(super) fn task_due(
    note: &Note,
    id: &str,
    old: Option<&str>,
    date: Date,
) -> Result<Option<Splice>, EditError> {
    let (at, _, _) = super::layout::find_task(note, id, false)?;
    let Some(old) = old.filter(|old| !old.is_empty()) else {
        return Ok(None);
    };
    let content = note.content(at);
    let needle = format!("(due {old}");
    let found = content.rfind(&needle).filter(|&found| {
        // `(due 2026-12-05, me)` or `(due 2026-12-05)`: the whole date.
        content[found + needle.len()..].starts_with([',', ')'])
    });
    Ok(found.map(|found| {
        let start = note.lines[at].start + found + "(due ".len();
        (start..start + old.len(), date.to_string())
    }))
}
