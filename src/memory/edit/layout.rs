//! Where things are in a note's raw text: its lines, the keys of a block
//! mapping in the front matter, and the task lines of the body.

use super::EditError;
use crate::model::answer::is_commitment_id;

/// A replacement of `range` by `with`.
pub(super) type Splice = (std::ops::Range<usize>, String);

/// One line of the text: `start..end` is its content without the line
/// ending (`\n` or `\r\n`), `next` where the following line starts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) next: usize,
}

pub(super) fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let (end, next) = match text[start..].find('\n') {
            Some(at) => (start + at, start + at + 1),
            None => (text.len(), text.len()),
        };
        let end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        lines.push(Line { start, end, next });
        start = next;
    }
    lines
}

/// The lines of a note, and where its front matter ends.
pub(super) struct Note<'a> {
    text: &'a str,
    pub(super) lines: Vec<Line>,
    /// The index of the closing `---` line.
    pub(super) fence: usize,
}

impl<'a> Note<'a> {
    pub(super) fn read(text: &'a str) -> Result<Self, EditError> {
        let lines = split_lines(text);
        let content = |line: &Line| &text[line.start..line.end];
        let opens = lines
            .first()
            .is_some_and(|first| content(first).trim_start_matches('\u{feff}').trim_end() == "---");
        let fence = lines
            .iter()
            .enumerate()
            .skip(1)
            // The fence the note reader stops at (memory/read.rs): `---`.
            .find(|(_, line)| content(line).trim_end() == "---")
            .map(|(at, _)| at);
        match fence {
            Some(fence) if opens => Ok(Note { text, lines, fence }),
            _ => Err(EditError::NoFrontMatter),
        }
    }

    pub(super) fn content(&self, at: usize) -> &'a str {
        &self.text[self.lines[at].start..self.lines[at].end]
    }

    pub(super) fn front_matter(&self) -> &'a str {
        &self.text[self.lines[1.min(self.fence)].start..self.lines[self.fence].start]
    }

    pub(super) fn eol(&self, at: usize) -> &'a str {
        &self.text[self.lines[at].end..self.lines[at].next]
    }
}

/// A key line of a block mapping: the key starts at byte `column` of the line.
pub(super) struct KeyLine<'a> {
    pub(super) at: usize,
    pub(super) key: &'a str,
    /// The value with any comment and spaces around it removed.
    pub(super) value: &'a str,
    /// Where `value` starts in the whole text.
    pub(super) value_start: usize,
    /// The key follows the `- ` of a sequence item on this line.
    pub(super) item: bool,
}

/// For each line of the front matter, whether it is the text of a block
/// scalar (`key: |` or `key: >`, as a long answer is written): however it
/// looks (`id: c-…` typed into an answer), it is no key of a mapping.
pub(super) fn block_text(note: &Note) -> Vec<bool> {
    let mut inside = vec![false; note.fence];
    // The column of the key whose block is open: deeper lines are its text.
    let mut open: Option<usize> = None;
    for (at, text) in inside.iter_mut().enumerate().skip(1) {
        let content = note.content(at);
        let indent = content.len() - content.trim_start_matches(' ').len();
        if let Some(column) = open {
            if content.trim().is_empty() || indent > column {
                *text = true;
                continue;
            }
            open = None;
        }
        if let Some((column, line)) = key_line(note, at) {
            let indicator = line.value.trim_start_matches(['|', '>']);
            let is_block = line.value.starts_with(['|', '>'])
                && indicator
                    .chars()
                    .all(|c| matches!(c, '-' | '+' | '1'..='9'));
            if is_block {
                open = Some(column);
            }
        }
    }
    inside
}

/// `key: value` at `column` of line `at`, after `- ` when `item`.
pub(super) fn key_line<'a>(note: &Note<'a>, at: usize) -> Option<(usize, KeyLine<'a>)> {
    let content = note.content(at);
    let indent = content.len() - content.trim_start_matches(' ').len();
    let mut rest = &content[indent..];
    let mut item = false;
    if let Some(after) = rest.strip_prefix('-') {
        if after.starts_with(' ') {
            item = true;
            rest = after.trim_start_matches(' ');
        }
    }
    let column = content.len() - rest.len();
    let (key, value) = rest.split_once(':')?;
    if key.is_empty() || key.starts_with(['#', '"', '\'', '{', '[', '?']) || key.contains(' ') {
        return None;
    }
    if !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    let value = match value.find(" #") {
        Some(comment) => &value[..comment],
        None => value,
    };
    let trimmed = value.trim();
    let offset = if trimmed.is_empty() {
        0
    } else {
        value.find(trimmed).unwrap_or(0)
    };
    let value_start = note.lines[at].start + column + key.len() + 1 + offset;
    Some((
        column,
        KeyLine {
            at,
            key,
            value: trimmed,
            value_start,
            item,
        },
    ))
}

pub(super) fn is_blank_or_comment(content: &str) -> bool {
    let trimmed = content.trim_start();
    trimmed.is_empty() || trimmed.starts_with('#')
}

pub(super) fn indent_of(content: &str) -> usize {
    content.len() - content.trim_start_matches(' ').len()
}

/// The key lines of the block mapping whose key at `column` is on line `at`.
pub(super) fn mapping_keys<'a>(
    note: &Note<'a>,
    at: usize,
    column: usize,
    item: bool,
) -> Vec<KeyLine<'a>> {
    let mut first = at;
    if !item {
        while first > 1 {
            let content = note.content(first - 1);
            let indent = indent_of(content);
            if is_blank_or_comment(content) || indent >= column {
                first -= 1;
                continue;
            }
            match key_line(note, first - 1) {
                Some((key_column, line)) if line.item && key_column == column => first -= 1,
                _ => {}
            }
            break;
        }
    }
    let mut last = at;
    for next in at + 1..note.fence {
        let content = note.content(next);
        if is_blank_or_comment(content) {
            continue;
        }
        if indent_of(content) < column {
            break;
        }
        last = next;
    }
    (first..=last)
        .filter_map(|line| key_line(note, line))
        // Only the mapping's first line can hold a key after `- ` at
        // `column`: any other line left of `column` ended the mapping.
        .filter(|(key_column, _)| *key_column == column)
        .map(|(_, line)| line)
        .collect()
}

/// The key on line `at` holds a one-line value: the next line that is not
/// blank or a comment starts at or left of the key.
pub(super) fn single_line(note: &Note, at: usize, column: usize) -> bool {
    (at + 1..note.fence)
        .map(|next| note.content(next))
        .find(|content| !is_blank_or_comment(content))
        .is_none_or(|content| indent_of(content) <= column)
}

/// Lines of the front matter that hold `id` inside a `{...}` mapping.
pub(super) fn flow_lines(note: &Note, id: &str) -> Vec<usize> {
    (1..note.fence)
        .filter(|at| {
            let content = note.content(*at);
            content.contains('{') && content.contains(id)
        })
        .map(|at| at + 1)
        .collect()
}

/// The body's one task line of `id` (a `- [ ]` or `- [x]` line naming
/// `` `id` ``) when it agrees with `done`: its index, where its mark is in
/// the whole text, and the mark.
pub(super) fn find_task(
    note: &Note,
    id: &str,
    done: bool,
) -> Result<(usize, usize, char), EditError> {
    let named = format!("`{id}`");
    let tasks: Vec<(usize, usize, char)> = (note.fence + 1..note.lines.len())
        .filter(|&at| note.content(at).contains(&named))
        .filter_map(|at| task_mark(note, at).map(|(offset, mark)| (at, offset, mark)))
        .collect();
    match tasks.as_slice() {
        [] => Err(EditError::TaskMissing { id: id.to_string() }),
        [(at, offset, mark)] => {
            let agrees = if done {
                matches!(mark, 'x' | 'X')
            } else {
                *mark == ' '
            };
            if !agrees {
                return Err(EditError::TaskDisagrees {
                    id: id.to_string(),
                    line: at + 1,
                    done,
                });
            }
            Ok((*at, *offset, *mark))
        }
        _ => Err(EditError::TaskTwice {
            id: id.to_string(),
            lines: tasks.iter().map(|(at, _, _)| at + 1).collect(),
        }),
    }
}

/// The splice that turns the mark of `id`'s task line over.
pub(super) fn task_line(note: &Note, id: &str, done: bool) -> Result<Splice, EditError> {
    let (_, offset, mark) = find_task(note, id, done)?;
    let with = if done { " " } else { "x" };
    Ok((offset..offset + mark.len_utf8(), with.to_string()))
}

/// Line `at` as a task line (`- [ ] ...`, `* [x] ...`): where its mark is in
/// the whole text, and the mark.
fn task_mark(note: &Note, at: usize) -> Option<(usize, char)> {
    let content = note.content(at);
    let rest = content.trim_start_matches(' ');
    let rest = rest.strip_prefix(['-', '*', '+'])?.strip_prefix(' ')?;
    let rest = rest.trim_start_matches(' ');
    let mut chars = rest.chars();
    let (open, mark, close) = (chars.next()?, chars.next()?, chars.next()?);
    (open == '[' && close == ']' && matches!(chars.next(), None | Some(' '))).then(|| {
        let offset = note.lines[at].start + content.len() - rest.len() + 1;
        (offset, mark)
    })
}

/// The task lines of the body that name a commitment id, with that id (the
/// last `` `c-...` `` of the line, where coach writes it): index of the line
/// and the id.
pub(super) fn task_ids<'a>(note: &Note<'a>) -> Vec<(usize, &'a str)> {
    (note.fence + 1..note.lines.len())
        .filter(|&at| task_mark(note, at).is_some())
        .filter_map(|at| {
            let content = note.content(at);
            // Between backticks: the 2nd, 4th... pieces of the line.
            let quoted = content.split('`').skip(1).step_by(2);
            let id = quoted.filter(|text| is_commitment_id(text)).last()?;
            Some((at, id))
        })
        .collect()
}

/// `"2026-12-05"`: a date string, double-quoted as `crate::yaml::to_string` writes it.
pub(super) fn date_value(date: jiff::civil::Date) -> String {
    crate::yaml::to_string(&date.to_string())
        .trim_end()
        .to_string()
}
