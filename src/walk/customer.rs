//! The header's customer and meeting, against the customers the notes
//! know: one customer keeps one spelling (and so one folder), a near miss
//! is caught, and a debrief offers the customer's recent meeting titles.

use crate::memory::known::{find, KnownCustomer, Match};
use crate::model::answer::Answer;
use crate::slug::same_name;
use crate::walk::prompter::{Prompter, Section, Stop};
use crate::walk::{Missing, Question, State, Walk, WalkError};

/// The header question naming the customer.
pub(super) const CUSTOMER: &str = "customer";
const MEETING: &str = "meeting";

impl Walk<'_> {
    /// Asks a header question: the customer among the known ones, a
    /// debrief's meeting among the customer's recent titles, else as any
    /// other question.
    pub(super) fn ask_header(
        &self,
        state: &State,
        prompter: &mut dyn Prompter,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        if question.id == CUSTOMER && !self.known.is_empty() {
            return prompter.ask_customer(question, &self.known);
        }
        if question.id == MEETING && self.checklist == "debrief" {
            if let Some(known) = self
                .customer_of(state)
                .filter(|known| !known.meetings.is_empty())
            {
                return prompter.ask_meeting(question, &known.meetings);
            }
        }
        prompter.ask(question, default)
    }

    /// The known customer the walk is for, once the customer is answered.
    fn customer_of(&self, state: &State) -> Option<&KnownCustomer> {
        let name = state
            .walked
            .answers
            .iter()
            .find(|(question, _)| question.id == CUSTOMER)
            .and_then(|(_, answer)| match answer {
                Answer::Text(name) => Some(name),
                _ => None,
            })?;
        self.known.iter().find(|known| same_name(&known.name, name))
    }

    /// The customer answer, typed or given, against the known customers:
    /// the same name (case and spacing aside) takes the known spelling; a
    /// near miss is asked about on a terminal and warned about without one.
    pub(super) fn known_customer(
        &self,
        state: &mut State,
        prompter: &mut Option<&mut dyn Prompter>,
        (section, announced): (&Section, &mut bool),
        question: &Question,
        answer: Answer,
    ) -> Result<Answer, WalkError> {
        let Answer::Text(name) = &answer else {
            return Ok(answer);
        };
        let known = match find(&self.known, name) {
            Match::New => return Ok(answer),
            Match::Same(known) => return Ok(Answer::Text(known.name.clone()).without_controls()),
            Match::Close(known) => Answer::Text(known.name.clone()).without_controls(),
        };
        let Answer::Text(known_name) = &known else {
            return Ok(answer);
        };
        match (self.missing, prompter.as_deref_mut()) {
            (Missing::Prompt, Some(prompter)) => {
                // The header's title first, as before any question of it.
                let asked = match *announced {
                    true => Ok(()),
                    false => prompter.begin_section(section),
                };
                *announced = true;
                match asked.and_then(|()| prompter.confirm_customer(question, name, known_name)) {
                    Ok(true) => Ok(known),
                    Ok(false) => Ok(answer),
                    Err(stop) => {
                        // The name given is kept with the draft.
                        let mut error = state.stop(stop);
                        if let WalkError::Interrupted(so_far) | WalkError::Failed(_, so_far) =
                            &mut error
                        {
                            so_far
                                .answers
                                .insert(0, (CUSTOMER.to_string(), answer.to_value()));
                        }
                        Err(error)
                    }
                }
            }
            _ => {
                state.walked.warnings.push(format!(
                    "customer \"{name}\" is close to the known customer \"{known_name}\"; the note is for \"{name}\" as given (to use the known one: --customer \"{known_name}\")"
                ));
                Ok(answer)
            }
        }
    }
}
