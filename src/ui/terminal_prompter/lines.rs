//! Prompts that read several lines: lists, long answers and commitments.

use std::io::Write;

use console::style;

use super::editor_file::{with_comments, without_comments};
use super::TerminalPrompter;
use crate::interrupt;
use crate::language::Question;
use crate::model::answer::{Answer, Commitment};
use crate::model::promise::{self, Promise};
use crate::ui::pattern_view::textwrap;
use crate::walk::prompter::Stop;

impl TerminalPrompter<'_> {
    /// Lines until an empty one; for lists and for long answers without an
    /// editor. `whole` makes the answer of the lines confirmed so far;
    /// `old` (the answer offered again after a step back) is kept by an
    /// empty first line.
    fn lines(
        &mut self,
        question: &Question,
        label: &str,
        whole: fn(Vec<String>) -> Answer,
        old: &[String],
    ) -> Result<Vec<String>, Stop> {
        self.line(&format!(
            "{} {}",
            style("?").yellow(),
            style(&question.ask).bold()
        ))?;
        // Each line of a promising list is a promise: `what | due | who`.
        let promising = question.promise == Some(Promise::EachItem);
        self.line(
            &style("  One per line, empty line to finish.")
                .dim()
                .to_string(),
        )?;
        if promising {
            self.line(
                &style("  Each line is a promise of yours; add `| date` for its due date (else the meeting day).")
                    .dim()
                    .to_string(),
            )?;
        }
        if !old.is_empty() {
            let before = format!(
                "  Before: {}. An empty first line keeps it.",
                old.join("; ")
            );
            self.line(&style(textwrap(&before, self.width(), "")).dim().to_string())?;
        }
        let today = self.today;
        let check = move |text: &str| match promising && !text.trim().is_empty() {
            true => promise::item(text, today).map(|_| ()),
            false => Ok(()),
        };
        loop {
            let mut lines = Vec::new();
            loop {
                let prompt = format!("  {label} {} (empty line ends)", lines.len() + 1);
                let line = self.read_line(&prompt, None, &check)?;
                if line.trim().is_empty() && lines.is_empty() && !old.is_empty() {
                    return Ok(old.to_vec());
                }
                if line.trim().is_empty() {
                    break;
                }
                lines.push(line.trim_end().to_string());
                self.report_partial(question, whole(lines.clone()));
            }
            if lines.is_empty() && question.required {
                self.line(
                    &style("  The answer is empty, and it is required.")
                        .red()
                        .to_string(),
                )?;
                continue;
            }
            return Ok(lines);
        }
    }

    pub(super) fn list(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        let old = match default {
            Some(Answer::Items(items)) => items.clone(),
            _ => Vec::new(),
        };
        let items = self.lines(question, "item", Answer::Items, &old)?;
        Ok((!items.is_empty()).then_some(Answer::Items(items)))
    }

    pub(super) fn long(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        if let Some(editor) = self.editor.clone() {
            self.line(&format!(
                "{} {} {}",
                style("?").yellow(),
                style(&question.ask).bold(),
                style(format!("(opening {editor})")).dim()
            ))?;
            let initial = match default {
                Some(Answer::Text(text)) => text.clone(),
                _ => String::new(),
            };
            let pattern = self
                .pattern
                .as_deref()
                .and_then(|id| self.language.pattern(id));
            let initial = with_comments(question, pattern, &initial);
            let edited = edit(&editor, &initial).map(|edited| match edited {
                Edited::Saved(text) => Edited::Saved(without_comments(&text)),
                failed => failed,
            });
            match edited {
                Ok(Edited::Saved(text)) if !text.is_empty() => return Ok(Some(Answer::Text(text))),
                Ok(Edited::Saved(_)) if !question.required => return Ok(None),
                Ok(Edited::Saved(_)) => self.line(
                    &style("  The answer is empty, and it is required: type it here instead.")
                        .red()
                        .to_string(),
                )?,
                // `:cq` in vim, a crash: not an answer, and not a skip.
                Ok(Edited::Failed(status)) => self.line(
                    &style(format!(
                        "  `{editor}` {}, so its text is not taken: type the answer here instead",
                        failure(status)
                    ))
                    .red()
                    .to_string(),
                )?,
                Err(error) => self.line(&format!(
                    "  could not run `{editor}` ({error}): type the answer here instead"
                ))?,
            }
        }
        let old: Vec<String> = match default {
            Some(Answer::Text(text)) => text.lines().map(str::to_string).collect(),
            _ => Vec::new(),
        };
        let whole = |lines: Vec<String>| Answer::Text(lines.join("\n"));
        let lines = self.lines(question, "line", whole, &old)?;
        Ok((!lines.is_empty()).then(|| Answer::Text(lines.join("\n"))))
    }

    /// `old`: the promises offered again after a step back, kept by an
    /// empty first line.
    pub(super) fn commitments(
        &mut self,
        question: &Question,
        old: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        self.line(&format!(
            "{} {}",
            style("?").yellow(),
            style(&question.ask).bold()
        ))?;
        self.line(
            &style(
                "  One promise at a time: what, then its due date and who; empty line to finish.",
            )
            .dim()
            .to_string(),
        )?;
        let old = match old {
            Some(Answer::Commitments(old)) => old.clone(),
            _ => Vec::new(),
        };
        if !old.is_empty() {
            let listed: Vec<String> = old
                .iter()
                .map(|promise| match &promise.who {
                    Some(who) => format!("{} (due {}, {who})", promise.what, promise.due),
                    None => format!("{} (due {})", promise.what, promise.due),
                })
                .collect();
            let before = format!(
                "  Before: {}. An empty first line keeps it.",
                listed.join("; ")
            );
            self.line(&style(textwrap(&before, self.width(), "")).dim().to_string())?;
        }
        let today = self.today;
        let date = super::line_input::date_hint(today);
        let mut commitments = Vec::new();
        loop {
            let what = self.read_line(
                &format!("  Promise {} (empty line ends)", commitments.len() + 1),
                None,
                &|_| Ok(()),
            )?;
            let what = what.trim().to_string();
            if what.is_empty() && commitments.is_empty() && !old.is_empty() {
                return Ok(Some(Answer::Commitments(old)));
            }
            if what.is_empty() {
                if commitments.is_empty() && question.required {
                    self.line(
                        &style("  Name at least one promise: this answer is required.")
                            .red()
                            .to_string(),
                    )?;
                    continue;
                }
                break;
            }
            let check = |text: &str| crate::dates::parse(text, today).map(|_| ());
            let due = self.read_hinted("    due", Some(&date), None, &check)?;
            let due = crate::dates::parse(&due, today)
                .map_err(|reason| Stop::Failed(std::io::Error::other(reason)))?;
            let who = self.read_line("    who (optional)", None, &|_| Ok(()))?;
            let who = Some(who.trim().to_string()).filter(|who| !who.is_empty());
            commitments.push(Commitment {
                id: None,
                what,
                due,
                who,
                done: false,
                closed: None,
            });
            self.report_partial(question, Answer::Commitments(commitments.clone()));
        }
        Ok((!commitments.is_empty()).then_some(Answer::Commitments(commitments)))
    }
}

/// What became of an external editor session.
enum Edited {
    /// The editor exited successfully; the file's text.
    Saved(String),
    /// The editor exited with an error or was killed.
    Failed(std::process::ExitStatus),
}

/// Opens `editor` (a shell command, as git runs `$EDITOR`) on a temporary
/// `.md` file holding `initial`. Ctrl-C inside the editor is the editor's
/// business; a signal that stops coach meanwhile ends the editor and
/// removes the file (see `interrupt::while_editing`).
fn edit(editor: &str, initial: &str) -> std::io::Result<Edited> {
    let mut file = tempfile::Builder::new()
        .prefix("edit-")
        .suffix(".md")
        .tempfile()?;
    file.write_all(initial.as_bytes())?;
    file.flush()?;
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("exec {editor} \"$@\""))
        .arg("sh")
        .arg(file.path())
        .spawn()?;
    let status = interrupt::while_editing(child.id(), file.path(), || child.wait())?;
    if !status.success() {
        return Ok(Edited::Failed(status));
    }
    let text = crate::capped_read::read_capped(file.path())
        .map_err(|error| std::io::Error::other(error.to_string()))?;
    Ok(Edited::Saved(text))
}

/// How an editor that did not succeed ended.
fn failure(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exited with code {code}"),
        (None, Some(signal)) => format!("was ended by signal {signal}"),
        (None, None) => "failed".to_string(),
    }
}
