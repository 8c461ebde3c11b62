//! What a walk needs from whoever answers it: a terminal, or a test script.

use jiff::civil::Date;

use crate::language::{Pattern, Question};
use crate::memory::known::KnownCustomer;
use crate::model::answer::Answer;
use crate::walk::open_promise::OpenPromise;

/// A part of the walk: the header, the checklist's own questions, or a pattern.
pub struct Section<'a> {
    pub title: &'a str,
    /// The pattern, when the section is one.
    pub pattern: Option<&'a Pattern>,
    /// 1-based position among the patterns, and how many there are as the walk stands.
    pub step: Option<(usize, usize)>,
    /// How many of those patterns the answers brought in beyond the walk's
    /// first plan (includes).
    pub added: usize,
}

/// Why a walk stopped before its end.
#[derive(Debug)]
pub enum Stop {
    /// Ctrl-C or Esc: keep what was answered as a draft.
    Interrupted,
    /// The terminal failed under us.
    Failed(std::io::Error),
    /// Back to the previous question (`<` at a text prompt): its answer is
    /// offered again, and the walk goes on from there.
    Back,
}

pub trait Prompter {
    fn begin_section(&mut self, section: &Section) -> Result<(), Stop>;

    /// Shows text that asks nothing (the "Since last time" brief) under a
    /// title. A script has nobody to show it to.
    fn show(&mut self, _title: &str, _lines: &[String]) -> Result<(), Stop> {
        Ok(())
    }

    /// Asks one question until a valid answer is given. `None` means the person
    /// left an optional question unanswered. `default` is offered first.
    fn ask(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop>;

    /// The header's customer question when the notes know customers
    /// (newest contact first): pick one of them or name a new one. Asked as
    /// any text question unless the prompter can offer a choice.
    fn ask_customer(
        &mut self,
        question: &Question,
        known: &[KnownCustomer],
    ) -> Result<Option<Answer>, Stop> {
        let _ = known;
        self.ask(question, None)
    }

    /// The header's meeting question of a debrief, offering the titles of
    /// the customer's recent meetings (newest first) or another one.
    fn ask_meeting(
        &mut self,
        question: &Question,
        titles: &[String],
    ) -> Result<Option<Answer>, Stop> {
        let _ = titles;
        self.ask(question, None)
    }

    /// Which of the customer's open commitments were kept (a debrief):
    /// the ids chosen, none at first. A script keeps them all open.
    fn ask_closed(&mut self, open: &[OpenPromise]) -> Result<Vec<String>, Stop> {
        let _ = open;
        Ok(Vec::new())
    }

    /// A new due date for an overdue commitment still open (a debrief),
    /// or None to leave it as it is. A script leaves it.
    fn ask_reschedule(&mut self, promise: &OpenPromise) -> Result<Option<Date>, Stop> {
        let _ = promise;
        Ok(None)
    }

    /// The answer to `id` was dropped by a step back: whatever keeps
    /// answers for a draft forgets it (`closed` and `rescheduled` too).
    fn forget(&mut self, id: &str) {
        let _ = id;
    }

    /// Whether the customer name `typed` meant the known customer `known`
    /// ("did you mean Northwind Traders?"). Only a person can say: no by
    /// default.
    fn confirm_customer(
        &mut self,
        question: &Question,
        typed: &str,
        known: &str,
    ) -> Result<bool, Stop> {
        let _ = (question, typed, known);
        Ok(false)
    }
}
