//! What a walk needs from whoever answers it: a terminal, or a test script.

use crate::language::{Pattern, Question};
use crate::model::answer::Answer;

/// A part of the walk: the header, the checklist's own questions, or a pattern.
pub struct Section<'a> {
    pub title: &'a str,
    /// The pattern, when the section is one.
    pub pattern: Option<&'a Pattern>,
    /// 1-based position among the patterns, and how many there are as the walk stands.
    pub step: Option<(usize, usize)>,
}

/// Why a walk stopped before its end.
#[derive(Debug)]
pub enum Stop {
    /// Ctrl-C or Esc: keep what was answered as a draft.
    Interrupted,
    /// The terminal failed under us.
    Failed(std::io::Error),
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
}
