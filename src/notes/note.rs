//! A walk written down: YAML front matter for scripts, markdown for people.

use jiff::civil::Date;
use jiff::Zoned;
use serde_json::{json, Map, Value};

use crate::language::Language;
use crate::model::answer::{Answer, Commitment};
use crate::model::{Kind, Question};
use crate::notes::markdown::{block, describe, inline, is_header};
use crate::notes::{glance, reminders};
use crate::text::one_line;
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
        text += &glance::block(self.walked);
        // The promises on the table, right under the glance: what is read
        // before the next meeting. Task lines: `coach done` edits them.
        let commitments = self.commitments();
        if !commitments.is_empty() {
            // A blank line between task lines: two people closing two
            // promises of one note edit lines git can merge (adjacent
            // changed lines would be a conflict).
            text += "\n## Commitments\n";
            for (id, _, commitment) in commitments {
                let mark = if commitment.done { "x" } else { " " };
                let id = id.map(|id| format!(" `{id}`")).unwrap_or_default();
                text += &format!("\n- [{mark}] {}{id}\n", describe(commitment));
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
        let at_a_glance = glance::shown_whole(self.walked);
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
        text += &reminders::section(self.walked, self.language);
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

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
