//! One typed line: the prompt says what it takes, `?` shows help, and the
//! screen is left clean whatever the width.
//!
//! dialoguer's input prompt erases only the lines it counted by their
//! newlines: a prompt or an answer longer than the terminal is wide wraps
//! onto rows it does not know of, and they stayed on screen (half a
//! question above its answer), as did the error line of a refused answer
//! once a later line was printed. So prompts are wrapped here with real
//! newlines, answers are checked here rather than by dialoguer, and the
//! rows a long answer wrapped onto and the error lines are erased before
//! the one `✔ question · answer` line is printed.

use console::{measure_text_width, style};
use dialoguer::theme::Theme as _;
use dialoguer::Input;
use jiff::civil::Date;

use super::{finish, TerminalPrompter};
use crate::language::{Kind, Question};
use crate::model::answer::{self, Answer};
use crate::ui::pattern_view::{textwrap, write_pattern};
use crate::walk::prompter::Stop;

/// Typed alone at a text prompt: back to the previous question.
pub(super) const BACK: &str = "<";

/// What a date prompt takes, counted from `today`:
/// `(date: 2026-12-01, tuesday, +3d)`.
pub(super) fn date_hint(today: Date) -> String {
    let weekday = format!("{:?}", today.weekday()).to_lowercase();
    format!("(date: {today}, {weekday}, +3d)")
}

/// `text` in lines of at most `width` columns, broken at spaces only where
/// a line would be too long (spaces inside a line are kept: ids and labels
/// are set apart by two).
fn wrap_keeping_spaces(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text.trim();
    while measure_text_width(rest) > width {
        let fits = rest
            .match_indices(' ')
            .map(|(at, _)| at)
            .take_while(|at| measure_text_width(&rest[..*at]) <= width)
            .last();
        let Some(at) = fits.or_else(|| rest.find(' ')) else {
            break;
        };
        lines.push(rest[..at].trim_end().to_string());
        rest = rest[at..].trim_start();
    }
    lines.push(rest.to_string());
    lines
}

/// What `?` says at a header question, which no pattern asks.
fn header_help(id: &str) -> Option<&'static str> {
    match id {
        "customer" => Some("The customer's name. The note goes in that customer's folder, and what happened last time is found by it."),
        "meeting" => Some("A short title for the meeting, or nothing. It names the note's file, and a debrief finds its prep by it."),
        "date" => Some("The day of the meeting; empty means today. YYYY-MM-DD, today, tomorrow, +3d, +2w, friday or next friday."),
        _ => None,
    }
}

impl TerminalPrompter<'_> {
    /// Columns the terminal has.
    pub(super) fn columns(&self) -> usize {
        usize::from(self.term.size().1).max(20)
    }

    /// `prompt` wrapped with newlines so that each line, with the theme's
    /// `? ` before it and room for ` (y/n) › ` after it, fits the terminal.
    pub(super) fn wrapped(&self, prompt: &str) -> String {
        let width = self.columns().saturating_sub(12).max(10);
        wrap_keeping_spaces(prompt, width).join("\n  ")
    }

    /// Rows `text` takes on screen, wrapped at the terminal's width.
    fn rows(&self, text: &str) -> usize {
        let columns = self.columns();
        text.split('\n')
            .map(|line| measure_text_width(line).div_ceil(columns).max(1))
            .sum()
    }

    /// `?` at a text prompt: the whole pattern, or what a header or
    /// checklist question is for; then the same question again.
    fn show_help(&mut self) -> Result<(), Stop> {
        let found = self
            .pattern
            .as_deref()
            .and_then(|id| self.language.pattern(id));
        if let Some(pattern) = found {
            self.line("")?;
            write_pattern(self.language, pattern, &mut self.term).map_err(Stop::Failed)?;
            return self.line("");
        }
        let asking = self.asking.clone().unwrap_or_default();
        let help = match header_help(&asking.0) {
            Some(help) => help.to_string(),
            None => match asking.1 {
                Some(help) => {
                    format!("{help} (This question is the checklist's own, from no pattern.)")
                }
                None => "This question is the checklist's own, from no pattern.".to_string(),
            },
        };
        self.line(&style(textwrap(&help, self.width(), "  ")).dim().to_string())
    }

    /// Reads one line; `?` shows help and asks again, `<` goes back. `hint` (what the
    /// prompt takes) is shown with the prompt but not in the answer's line.
    /// `check` runs the same checks as scripted answers; a refused answer
    /// is asked again under its reason.
    pub(super) fn read_line(
        &mut self,
        prompt: &str,
        default: Option<String>,
        check: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String, Stop> {
        self.read_hinted(prompt, None, default, check)
    }

    pub(super) fn read_hinted(
        &mut self,
        prompt: &str,
        hint: Option<&str>,
        default: Option<String>,
        check: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String, Stop> {
        let shown = match hint {
            Some(hint) => self.wrapped(&format!("{prompt} {hint}")),
            None => self.wrapped(prompt),
        };
        // Rows of error lines above the prompt.
        let mut above = 0;
        loop {
            let mut input = Input::<String>::with_theme(&self.theme)
                .with_prompt(&shown)
                .allow_empty(true)
                .report(false);
            if let Some(default) = &default {
                input = input.default(default.clone());
            }
            let typed = finish(input.interact_text_on(&self.term))?;
            // dialoguer erased the last row and the prompt's other lines;
            // the rows its last line wrapped onto are left, and the errors.
            let mut last = String::new();
            let _ = self
                .theme
                .format_input_prompt(&mut last, &shown, default.as_deref());
            let last = last.rsplit('\n').next().unwrap_or_default().to_string();
            let wrapped_onto = self.rows(&format!("{last}{typed}")) - 1;
            self.term
                .clear_last_lines(wrapped_onto + above)
                .map_err(Stop::Failed)?;
            above = 0;
            if typed.trim() == BACK {
                self.line(&style("  ↩ back to the previous question").dim().to_string())?;
                return Err(Stop::Back);
            }
            let text = match (typed.is_empty(), &default) {
                (true, Some(default)) => default.clone(),
                _ => typed,
            };
            if text.trim() == "?" {
                self.show_help()?;
                continue;
            }
            if let Err(reason) = check(&text) {
                let mut line = String::new();
                let _ = self.theme.format_error(&mut line, &reason);
                above = self.rows(&line);
                self.line(&line)?;
                continue;
            }
            // Never erased: the terminal may wrap it as it likes.
            let mut line = String::new();
            let _ = self
                .theme
                .format_input_prompt_selection(&mut line, prompt, &text);
            self.line(&line)?;
            return Ok(text);
        }
    }

    pub(super) fn text(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        let today = self.today;
        let default = default.map(|answer| match answer {
            Answer::Date(date) => date.to_string(),
            Answer::Text(text) => text.clone(),
            other => other.to_value().to_string(),
        });
        let check = |text: &str| -> Result<(), String> {
            if text.trim().is_empty() && !question.required {
                return Ok(());
            }
            answer::from_text(question, text, today).map(|_| ())
        };
        let hint = (question.kind == Kind::Date).then(|| date_hint(today));
        let text = self.read_hinted(&question.ask, hint.as_deref(), default, &check)?;
        if text.trim().is_empty() {
            return Ok(None);
        }
        let answer = answer::from_text(question, &text, today)
            .map_err(|reason| Stop::Failed(std::io::Error::other(reason)))?;
        if let Answer::Date(date) = &answer {
            finish_date_echo(self, &text, *date)?;
        }
        Ok(Some(answer))
    }
}

/// `= 2026-12-12 (Saturday)` under a date typed in another form.
pub(super) fn finish_date_echo(
    prompter: &TerminalPrompter,
    text: &str,
    date: Date,
) -> Result<(), Stop> {
    if text.trim() != date.to_string() {
        prompter.line(&format!(
            "  {}",
            style(format!("= {} ({:?})", date, date.weekday())).dim()
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::wrap_keeping_spaces;

    #[test]
    fn a_prompt_that_fits_keeps_its_double_spaces() {
        assert_eq!(
            wrap_keeping_spaces("c-1  Send the plan?", 40),
            ["c-1  Send the plan?"]
        );
    }

    #[test]
    fn a_long_prompt_breaks_at_the_last_space_that_fits() {
        assert_eq!(
            wrap_keeping_spaces("What must be true when the meeting ends?", 20),
            ["What must be true", "when the meeting", "ends?"]
        );
    }

    #[test]
    fn a_word_longer_than_the_line_stands_alone() {
        assert_eq!(
            wrap_keeping_spaces("a verylongwordindeed b", 5),
            ["a", "verylongwordindeed", "b"]
        );
    }
}
