//! Markdown a note is made of, from text people typed: one-line text that
//! starts as text, long answers that keep their lines but open no heading,
//! fence or task by accident, and a commitment on one line.

use crate::model::answer::Commitment;
use crate::model::Question;
use crate::text::{one_line, strip_controls};

/// `Send the plan (due 2026-12-05, Dana)`: one commitment on one line.
pub fn describe(commitment: &Commitment) -> String {
    let who = commitment
        .who
        .as_deref()
        .map(|who| format!(", {}", one_line(who)))
        .unwrap_or_default();
    format!("{} (due {}{who})", inline(&commitment.what), commitment.due)
}

pub fn is_header(question: &Question) -> bool {
    crate::language::HEADER_IDS.contains(&question.id.as_str())
}

/// One line that starts as text: a leading `#`, `[`, `-`... is escaped, so
/// that `[ ] x` after a list's `- ` is no task and `# x` no heading.
pub fn inline(text: &str) -> String {
    escape_start(&one_line(text))
}

/// Multi-line text (a long answer) keeps its lines, lists and quotes, but no
/// line of it can become a heading, a `---` fence, rule or setext underline,
/// or a task item by accident: such lines start with a `\`.
pub fn block(text: &str) -> String {
    let text = strip_controls(text);
    let mut out = String::new();
    for line in text.trim().lines() {
        let line = line.trim_end();
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        out += &line[..indent];
        out += &guard_line(rest);
        out.push('\n');
    }
    out
}

/// A line of a long answer as written, unless it would start markdown
/// structure: a heading, a rule or underline (`---`, `===`, `***`, `___`), a
/// code fence (which would swallow every later heading), or a task item,
/// bulleted or numbered. Those get a `\` that keeps them text.
fn guard_line(line: &str) -> String {
    let rule = !line.is_empty()
        && ['-', '=', '*', '_']
            .iter()
            .any(|mark| line.chars().all(|c| c == *mark || c == ' '));
    let fence = line.starts_with("```") || line.starts_with("~~~");
    let is_task = |rest: &str| {
        rest.trim_start()
            .strip_prefix('[')
            .and_then(|rest| rest.chars().nth(1))
            == Some(']')
    };
    let bulleted_task = line.strip_prefix(['-', '*', '+']).is_some_and(is_task);
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let numbered_task = digits > 0 && line[digits..].strip_prefix(['.', ')']).is_some_and(is_task);
    if line.starts_with('#') || rule || fence || bulleted_task {
        format!("\\{line}")
    } else if numbered_task {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line.to_string()
    }
}

fn escape_start(text: &str) -> String {
    let ordered = text
        .find(|c: char| !c.is_ascii_digit())
        .filter(|at| *at > 0)
        .is_some_and(|at| text[at..].starts_with(['.', ')']));
    if text.starts_with(['#', '[', '>', '-', '+', '*', '=', '_', '~', '`', '|', '<']) {
        format!("\\{text}")
    } else if ordered {
        let at = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
        format!("{}\\{}", &text[..at], &text[at..])
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_answers_keep_bullets_but_lose_headings_fences_and_tasks() {
        let text = "# Heading\n---\n  ===\n***\n- [ ] task\n* [x] done\n- bullet\n> quote\nplain";
        assert_eq!(
            block(text),
            "\\# Heading\n\\---\n  \\===\n\\***\n\\- [ ] task\n\\* [x] done\n- bullet\n> quote\nplain\n"
        );
    }

    // Regression: an unclosed fence turned every later heading into code, and
    // a numbered task line became a task of the note.
    #[test]
    fn long_answers_open_no_code_fence_and_no_numbered_task() {
        let text = "```\n~~~ x\n1. [ ] numbered task\n2) [x] done\n3. plain item\n``inline``";
        assert_eq!(
            block(text),
            "\\```\n\\~~~ x\n1\\. [ ] numbered task\n2\\) [x] done\n3. plain item\n``inline``\n"
        );
    }

    #[test]
    fn one_line_text_cannot_start_markdown() {
        assert_eq!(inline("[ ] not a task"), "\\[ ] not a task");
        assert_eq!(inline("# not\na heading"), "\\# not a heading");
        assert_eq!(inline("1. first"), "1\\. first");
        assert_eq!(inline("plain \u{1b}[31mtext"), "plain [31mtext");
    }
}
