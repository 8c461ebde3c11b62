//! A walk written down: YAML front matter for scripts, markdown for people.

use jiff::civil::Date;
use jiff::Zoned;
use serde_json::{json, Map, Value};

use crate::language::Language;
use crate::model::answer::{Answer, Commitment};
use crate::model::{Kind, Question};
use crate::notes::{glance, reminders};
use crate::text::{one_line, strip_controls};
use crate::walk::Walked;
use crate::yaml;

/// The version of the front-matter format (documented in docs/notes.md).
pub const FORMAT: u32 = 1;

pub struct Note<'a> {
    pub language: &'a Language,
    pub walked: &'a Walked,
    pub customer: String,
    pub meeting: Option<String>,
    pub date: Date,
    pub created: Zoned,
    /// One id per commitment, in walk order: the one it was given, else a
    /// new one when the note is written, else none (`--output -`).
    pub commitment_ids: Vec<Option<String>>,
    /// Relative link to the prep note of the same meeting (debriefs).
    pub prep_link: Option<String>,
    /// What the walk started from ("Since last time"): its lines, and the
    /// ids of the commitments open then (`open_at_start`).
    pub brief: Option<(Vec<String>, Vec<String>)>,
    /// The calendar invite the walk was started from (`invite:`).
    pub invite: Option<Value>,
}

impl Note<'_> {
    /// Every commitment in walk order, with its id and the question it answers.
    pub fn commitments(&self) -> Vec<(Option<&str>, &Question, &Commitment)> {
        self.walked
            .commitments()
            .zip(&self.commitment_ids)
            .map(|((question, commitment), id)| (id.as_deref(), question, commitment))
            .collect()
    }

    /// Answers keyed by full question id; commitments carry their ids.
    pub fn answers(&self) -> Map<String, Value> {
        let mut ids = self.commitment_ids.iter();
        let mut answers = Map::new();
        for (question, answer) in self
            .walked
            .answers
            .iter()
            .filter(|(question, _)| !is_header(question))
        {
            let mut value = answer.to_value();
            if let Value::Array(items) = &mut value {
                if let Answer::Commitments(_) = answer {
                    for item in items.iter_mut() {
                        if let (Value::Object(fields), Some(Some(id))) = (item, ids.next()) {
                            fields.shift_insert(0, "id".to_string(), Value::String(id.clone()));
                        }
                    }
                }
            }
            answers.insert(question.id.clone(), value);
        }
        answers
    }

    pub fn front_matter(&self) -> Value {
        let mut front = json!({
            "coach": FORMAT,
            "checklist": self.walked.checklist,
            "customer": self.customer,
            "meeting": self.meeting,
            "date": self.date.to_string(),
            "created": self.created.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            "patterns": self.walked.patterns,
            "answers": self.answers(),
        });
        if let (Some(link), Value::Object(fields)) = (&self.prep_link, &mut front) {
            fields.insert("prep".to_string(), Value::String(link.clone()));
        }
        if let (Some(invite), Value::Object(fields)) = (&self.invite, &mut front) {
            fields.insert("invite".to_string(), invite.clone());
        }
        if let (Some((_, open)), Value::Object(fields)) = (&self.brief, &mut front) {
            fields.insert("open_at_start".to_string(), json!(open));
        }
        if let (Some(closed), Value::Object(fields)) = (self.closed(), &mut front) {
            let ids: Vec<&str> = closed.iter().map(|promise| promise.id.as_str()).collect();
            fields.insert("closed".to_string(), json!(ids));
        }
        if let (false, Value::Object(fields)) = (self.walked.rescheduled.is_empty(), &mut front) {
            let moved = crate::walk::reschedule::to_value(&self.walked.rescheduled);
            fields.insert("rescheduled".to_string(), moved);
        }
        front
    }

    pub fn markdown(&self) -> String {
        let mut text = format!("---\n{}---\n\n", yaml::to_string(&self.front_matter()));
        let checklist = self.language.checklist(&self.walked.checklist);
        let title = checklist
            .and_then(|checklist| checklist.title.clone())
            .unwrap_or_else(|| capitalise(&self.walked.checklist));
        let title = one_line(&title);
        let meeting = self
            .meeting
            .as_deref()
            .map(|meeting| format!(": {}", one_line(meeting)))
            .unwrap_or_default();
        text += &format!("# {}{meeting}\n\n", inline(&self.customer));
        text += &format!("*{title}* · {} · {}\n", self.date, self.date.strftime("%A"));
        if let Some(link) = &self.prep_link {
            text += &format!("\nPrepared in [{link}]({}).\n", link.replace(' ', "%20"));
        }
        text += &glance::block(self);
        // The promises on the table, right under the glance: what is read
        // before the next meeting. Task lines: `coach done` edits them.
        let commitments = self.commitments();
        if !commitments.is_empty() {
            text += "\n## Commitments\n\n";
            for (id, _, commitment) in commitments {
                let mark = if commitment.done { "x" } else { " " };
                let id = id.map(|id| format!(" `{id}`")).unwrap_or_default();
                text += &format!("- [{mark}] {}{id}\n", describe(commitment));
            }
        }
        if let Some((lines, _)) = &self.brief {
            // Indented lines of a list, never a task item or a heading:
            // `coach done` edits task lines only.
            text += "\n## Since last time\n\n";
            for line in lines {
                let depth = line.len() - line.trim_start().len();
                let marker = if depth == 0 { "- " } else { "  - " };
                text += &format!("{marker}{}\n", inline(line.trim_start()));
            }
        }
        // What the glance block shows whole, and the promises the
        // Commitments list shows, are not written twice.
        let at_a_glance = glance::shown_whole(self);
        let repeated = |question: &Question, answer: &Answer| {
            at_a_glance.contains(&question.id)
                || (matches!(answer, Answer::Commitments(_)) && question.kind != Kind::Confirm)
        };
        let own: Vec<&(Question, Answer)> = self
            .walked
            .answers
            .iter()
            .filter(|(question, answer)| {
                !is_header(question) && !question.id.contains('.') && !repeated(question, answer)
            })
            .collect();
        if !own.is_empty() {
            text += &format!("\n## {title}\n");
            for (question, answer) in own {
                text += &self.answer_block(question, answer);
            }
        }
        for id in &self.walked.patterns {
            let Some(pattern) = self.language.pattern(id) else {
                continue;
            };
            let answered: Vec<&(Question, Answer)> = self
                .walked
                .answers_for(id)
                .filter(|(question, answer)| !repeated(question, answer))
                .collect();
            if answered.is_empty() {
                continue;
            }
            // The summary is one command away; the note keeps what was said.
            text += &format!("\n## {}\n", one_line(&pattern.name));
            text += &format!("`coach patterns show {}`\n", pattern.id);
            for (question, answer) in answered {
                text += &self.answer_block(question, answer);
            }
        }
        if let Some(closed) = self.closed() {
            // Plain items, never task lines: `coach done` edits task lines only.
            text += "\n## Closed\n\n";
            for promise in closed {
                text += &format!("- `{}` {}\n", promise.id, inline(&promise.label()));
            }
        }
        if !self.walked.rescheduled.is_empty() {
            text += "\n## Rescheduled\n\n";
            for moved in &self.walked.rescheduled {
                text += &format!("- `{}` {}\n", moved.promise.id, inline(&moved.label()));
            }
        }
        text += &reminders::section(self);
        text
    }

    /// The open commitments this debrief closed, when it closed any.
    pub(super) fn closed(&self) -> Option<&[crate::walk::closing::OpenPromise]> {
        self.walked
            .closed
            .as_deref()
            .filter(|closed| !closed.is_empty())
    }

    fn answer_block(&self, question: &Question, answer: &Answer) -> String {
        let body = match answer {
            Answer::Text(text) if question.kind == Kind::Long => block(text),
            Answer::Text(text) => format!("{}\n", inline(text)),
            Answer::Yes(yes) => format!("{}\n", if *yes { "Yes" } else { "No" }),
            Answer::Scale(number) => match question.scale_label(*number) {
                Some(label) => format!("{number}/5 ({})\n", one_line(label)),
                None => format!("{number}/5\n"),
            },
            Answer::Date(date) => format!("{date} ({})\n", date.strftime("%A")),
            Answer::Items(items) => items
                .iter()
                .map(|item| format!("- {}\n", inline(item)))
                .collect::<String>(),
            Answer::Commitments(list) => {
                // A yes that made a promise still reads as the yes it was.
                let yes = if question.kind == Kind::Confirm {
                    "Yes\n"
                } else {
                    ""
                };
                let lines: String = list
                    .iter()
                    .map(|commitment| format!("- {}\n", describe(commitment)))
                    .collect();
                format!("{yes}{lines}")
            }
        };
        // The answer right under its question: a note read before every
        // meeting stays short (a list or a long answer still renders apart).
        format!("\n**{}**\n{body}", one_line(&question.ask))
    }
}

/// `Send the plan (due 2026-12-05, Dana)`: one commitment on one line.
pub(super) fn describe(commitment: &Commitment) -> String {
    let who = commitment
        .who
        .as_deref()
        .map(|who| format!(", {}", one_line(who)))
        .unwrap_or_default();
    format!("{} (due {}{who})", inline(&commitment.what), commitment.due)
}

pub(super) fn is_header(question: &Question) -> bool {
    crate::language::HEADER_IDS.contains(&question.id.as_str())
}

/// One line that starts as text: a leading `#`, `[`, `-`... is escaped, so
/// that `[ ] x` after a list's `- ` is no task and `# x` no heading.
pub(super) fn inline(text: &str) -> String {
    escape_start(&one_line(text))
}

/// Multi-line text (a long answer) keeps its lines, lists and quotes, but no
/// line of it can become a heading, a `---` fence, rule or setext underline,
/// or a task item by accident: such lines start with a `\`.
fn block(text: &str) -> String {
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

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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
