//! Questions answered by choosing: a select, a scale, a multiselect.
//!
//! The cursor starts on the question's default, else on "(skip)" for an
//! optional question, else on nothing (a required question without a
//! default: an arrow key picks the first or last option), so Enter never
//! takes an option the person did not look at. Esc skips an optional
//! question; on a required one it says so, and a second Esc at the same
//! prompt stops the walk and keeps a draft, as Ctrl-C does.

use console::style;
use dialoguer::theme::Theme as _;
use dialoguer::{MultiSelect, Select};

use super::{finish, TerminalPrompter};
use crate::language::Question;
use crate::model::answer::Answer;
use crate::walk::prompter::Stop;

pub(super) const SKIP: &str = "(skip)";

/// dialoguer's "no item under the cursor".
const NONE: usize = !0;

/// What an Esc at a choice means.
pub(super) enum Escaped {
    /// An optional question: left unanswered.
    Skip,
    /// A required one, the first time: asked again.
    Again,
}

impl TerminalPrompter<'_> {
    /// Esc at `question`: a skip when it is optional, once a reminder that it
    /// is required, and a stop the second time (`escaped` counts).
    pub(super) fn escape(
        &mut self,
        question: &Question,
        escaped: &mut bool,
    ) -> Result<Escaped, Stop> {
        if !question.required {
            self.report(question, SKIP)?;
            return Ok(Escaped::Skip);
        }
        if *escaped {
            return Err(Stop::Interrupted);
        }
        *escaped = true;
        self.line(
            &style("  This answer is required: choose one (Esc again or Ctrl-C stops and keeps a draft).")
                .red()
                .to_string(),
        )?;
        Ok(Escaped::Again)
    }

    /// `items` cut to fit one line each: dialoguer erases an item's line by
    /// count, and a wrapped item would leave its second row behind.
    pub(super) fn fitted<T: AsRef<str>>(&self, items: &[T]) -> Vec<String> {
        let width = self.columns().saturating_sub(3).max(8);
        items
            .iter()
            .map(|item| console::truncate_str(item.as_ref(), width, "…").into_owned())
            .collect()
    }

    /// `✔ question · answer`, as dialoguer reports a choice.
    pub(super) fn report(&mut self, question: &Question, answer: &str) -> Result<(), Stop> {
        let mut line = String::new();
        let _ = self
            .theme
            .format_select_prompt_selection(&mut line, &question.ask, answer);
        self.line(&line)
    }

    fn choose_one(
        &mut self,
        question: &Question,
        labels: Vec<String>,
        default: Option<usize>,
    ) -> Result<Option<usize>, Stop> {
        let mut items = labels;
        if !question.required {
            items.push(SKIP.to_string());
        }
        let start = match default {
            Some(at) => at,
            None if !question.required => items.len() - 1,
            None => NONE,
        };
        if start == NONE {
            self.line(&style("  Arrows choose, Enter picks.").dim().to_string())?;
        }
        let mut escaped = false;
        let prompt = self.wrapped(&question.ask);
        let shown = self.fitted(&items);
        loop {
            // Reported here, with the question unwrapped: dialoguer would
            // repeat the prompt's line breaks in the answer's line.
            let picked = Select::with_theme(&self.theme)
                .with_prompt(&prompt)
                .items(&shown)
                .default(start)
                .report(false)
                .interact_on_opt(&self.term);
            match finish(picked)? {
                Some(picked) => {
                    self.report(question, &items[picked])?;
                    return Ok((items[picked] != SKIP || question.required).then_some(picked));
                }
                None => match self.escape(question, &mut escaped)? {
                    Escaped::Skip => return Ok(None),
                    Escaped::Again => continue,
                },
            }
        }
    }

    pub(super) fn select(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        let labels: Vec<String> = question
            .options
            .iter()
            .map(|option| option.label.clone())
            .collect();
        let at = default.and_then(|answer| {
            labels
                .iter()
                .position(|label| answer.chosen().contains(&label.as_str()))
        });
        Ok(self
            .choose_one(question, labels.clone(), at)?
            .map(|index| Answer::Text(labels[index].clone())))
    }

    pub(super) fn scale(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        let at = match default {
            Some(Answer::Scale(number)) => Some(usize::from(*number).clamp(1, 5) - 1),
            _ => None,
        };
        let labels = (1..=5u8)
            .map(|point| match question.scale_label(point) {
                Some(label) => format!("{point}  {label}"),
                None => point.to_string(),
            })
            .collect();
        Ok(self
            .choose_one(question, labels, at)?
            .map(|index| Answer::Scale(index as u8 + 1)))
    }

    pub(super) fn multiselect(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        let chosen = default.map(Answer::chosen).unwrap_or_default();
        let items: Vec<(&str, bool)> = question
            .options
            .iter()
            .map(|option| {
                (
                    option.label.as_str(),
                    chosen.contains(&option.label.as_str()),
                )
            })
            .collect();
        let mut escaped = false;
        let prompt = self.wrapped(&format!(
            "{} {}",
            question.ask,
            style("(space toggles, enter accepts)").dim()
        ));
        let labels: Vec<&str> = items.iter().map(|(label, _)| *label).collect();
        let shown = self.fitted(&labels);
        let checked: Vec<bool> = items.iter().map(|(_, checked)| *checked).collect();
        loop {
            let picked = MultiSelect::with_theme(&self.theme)
                .with_prompt(&prompt)
                .items(&shown)
                .defaults(&checked)
                .report(false)
                .interact_on_opt(&self.term);
            let Some(picked) = finish(picked)? else {
                match self.escape(question, &mut escaped)? {
                    Escaped::Skip => return Ok(None),
                    Escaped::Again => continue,
                }
            };
            if picked.is_empty() && question.required {
                self.line(
                    &style("  Choose at least one: this answer is required.")
                        .red()
                        .to_string(),
                )?;
                continue;
            }
            let chosen: Vec<&str> = picked.iter().map(|at| items[*at].0).collect();
            self.report(question, &chosen.join(", "))?;
            if picked.is_empty() {
                return Ok(None);
            }
            return Ok(Some(Answer::Items(
                picked
                    .into_iter()
                    .map(|index| items[index].0.to_string())
                    .collect(),
            )));
        }
    }
}
