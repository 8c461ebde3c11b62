//! The header's customer and meeting as choices: the known customers with
//! type-ahead, a debrief's recent meeting titles, and "did you mean ...?".

use console::style;
use dialoguer::theme::Theme as _;
use dialoguer::{Confirm, FuzzySelect, Select};

use super::choice::Escaped;
use super::{finish, TerminalPrompter};
use crate::language::Question;
use crate::memory::known::KnownCustomer;
use crate::model::answer::Answer;
use crate::text::visible_controls;
use crate::walk::prompter::Stop;

/// The last item of the customer picker.
pub(super) const NEW_CUSTOMER: &str = "New customer…";
/// The last item of the meeting picker.
pub(super) const ANOTHER_MEETING: &str = "Another meeting…";

impl TerminalPrompter<'_> {
    /// The known customers, newest contact first, filtered as one types
    /// (dialoguer's fuzzy select), and "New customer…", which asks for the
    /// name as text. A typed filter that matches nothing, not even "New
    /// customer…", leaves nothing to choose: Backspace widens it again.
    pub(super) fn pick_customer(
        &mut self,
        question: &Question,
        known: &[KnownCustomer],
    ) -> Result<Option<Answer>, Stop> {
        // The name and the date only: words such as "last met" would match
        // every letter typed.
        let mut items: Vec<String> = known
            .iter()
            .map(|customer| {
                format!(
                    "{}  ({})",
                    visible_controls(&customer.name),
                    customer.last_contact
                )
            })
            .collect();
        items.push(NEW_CUSTOMER.to_string());
        self.line(
            &style("  Type part of a name to filter (or `new` for a new customer); arrows move, Enter picks.")
                .dim()
                .to_string(),
        )?;
        // Reported here rather than by dialoguer: "New customer…" is no
        // answer, the name typed next is.
        let mut escaped = false;
        let picked = loop {
            let picked = FuzzySelect::with_theme(&self.theme)
                .with_prompt(&question.ask)
                .items(self.fitted(&items))
                .default(0)
                .max_length(10)
                .report(false)
                .interact_on_opt(&self.term);
            match finish(picked)? {
                Some(picked) => break picked,
                None => match self.escape(question, &mut escaped)? {
                    Escaped::Skip => return Ok(None),
                    Escaped::Again => continue,
                },
            }
        };
        match known.get(picked) {
            Some(customer) => {
                let mut line = String::new();
                let _ = self.theme.format_input_prompt_selection(
                    &mut line,
                    &question.ask,
                    &visible_controls(&customer.name),
                );
                self.line(&line)?;
                Ok(Some(Answer::Text(customer.name.clone())))
            }
            None => self.text(question, None),
        }
    }

    /// The customer's recent meeting titles, newest first, and "Another
    /// meeting…", which asks for the title as text.
    pub(super) fn pick_meeting(
        &mut self,
        question: &Question,
        titles: &[String],
    ) -> Result<Option<Answer>, Stop> {
        let mut items: Vec<String> = titles
            .iter()
            .map(|title| visible_controls(title).into_owned())
            .collect();
        items.push(ANOTHER_MEETING.to_string());
        let mut escaped = false;
        let picked = loop {
            let picked = Select::with_theme(&self.theme)
                .with_prompt(&question.ask)
                .items(self.fitted(&items))
                .default(0)
                .interact_on_opt(&self.term);
            match finish(picked)? {
                Some(picked) => break picked,
                None => match self.escape(question, &mut escaped)? {
                    Escaped::Skip => return Ok(None),
                    Escaped::Again => continue,
                },
            }
        };
        match titles.get(picked) {
            Some(title) => Ok(Some(Answer::Text(title.clone()))),
            None => self.text(question, None),
        }
    }

    /// "Did you mean Northwind Traders?", yes by default.
    pub(super) fn did_you_mean(&mut self, typed: &str, known: &str) -> Result<bool, Stop> {
        self.line(&format!(
            "  {}",
            style(format!(
                "\"{}\" is close to a customer you met before.",
                visible_controls(typed)
            ))
            .dim()
        ))?;
        let prompt = Confirm::with_theme(&self.theme)
            .with_prompt(format!("Did you mean {}?", visible_controls(known)))
            .default(true)
            .wait_for_newline(true);
        finish(prompt.interact_on(&self.term))
    }
}
