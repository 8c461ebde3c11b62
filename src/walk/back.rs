//! Going back: `<` at a text prompt returns to the previous question, with
//! its answer offered again, across pattern boundaries.
//!
//! The walk keeps what was typed, in order. A step back drops the last
//! answer (and the closing steps after it), then walks again from the start
//! with what is left as given answers: nothing given is asked again, the
//! dropped question is asked with its old answer as the default, and the
//! answer given now decides the includes as if it had been the first.

use jiff::civil::Date;
use serde_json::Value;

use crate::language::Question;
use crate::memory::known::KnownCustomer;
use crate::model::answer::Answer;
use crate::walk::answers_file;
use crate::walk::closing::{OpenPromise, CLOSED};
use crate::walk::prompter::{Prompter, Section, Stop};
use crate::walk::reschedule::RESCHEDULED;
use crate::walk::{Walk, WalkError, Walked};

impl Walk<'_> {
    /// Runs the walk. With `Missing::Prompt` a prompter must be given.
    pub fn run(&self, prompter: Option<&mut dyn Prompter>) -> Result<Walked, WalkError> {
        let Some(prompter) = prompter else {
            return self.run_with(None, &self.given, &self.skipped);
        };
        let mut rewind = Rewind {
            inner: prompter,
            typed: Vec::new(),
            again: None,
            went_back: false,
            shown: Vec::new(),
        };
        loop {
            let (given, skipped) = rewind.given(&self.given, &self.skipped);
            let result = self.run_with(Some(&mut rewind), &given, &skipped);
            if !std::mem::take(&mut rewind.went_back) {
                return result;
            }
        }
    }
}

/// One step typed at the prompter.
#[derive(Debug, Clone)]
enum Typed {
    /// A question's answer; None: left unanswered.
    Answer(String, Option<Answer>),
    /// The customer name typed and the known one it is close to, and whether
    /// it was meant.
    Meant(String, String, bool),
    /// The ids of the promises kept (a debrief).
    Closed(Vec<String>),
    /// A new due date for an open promise.
    Rescheduled(String, Date),
}

/// The prompter of a walk that can step back: it keeps what was typed and
/// offers the dropped answer again.
struct Rewind<'p> {
    inner: &'p mut dyn Prompter,
    typed: Vec<Typed>,
    /// The question stepped back to and its old answer.
    again: Option<(String, Option<Answer>)>,
    /// Set when a step back stopped the walk under way.
    went_back: bool,
    /// What `show` showed: not shown again when the walk runs again.
    shown: Vec<(String, Vec<String>)>,
}

impl Rewind<'_> {
    /// The answers to walk with: those given at the start, then what was
    /// typed; and the questions left unanswered.
    fn given(
        &self,
        given: &[(String, Value)],
        skipped: &[String],
    ) -> (Vec<(String, Value)>, Vec<String>) {
        let mut given = given.to_vec();
        let mut skipped = skipped.to_vec();
        let mut moved = serde_json::Map::new();
        for typed in &self.typed {
            match typed {
                Typed::Answer(id, Some(answer)) => {
                    answers_file::set(&mut given, id.clone(), answer.to_value())
                }
                Typed::Answer(id, None) => skipped.push(id.clone()),
                Typed::Meant(..) => {}
                Typed::Closed(ids) => {
                    answers_file::set(&mut given, CLOSED.to_string(), serde_json::json!(ids))
                }
                Typed::Rescheduled(id, date) => {
                    moved.insert(id.clone(), Value::String(date.to_string()));
                }
            }
        }
        if !moved.is_empty() {
            answers_file::set(&mut given, RESCHEDULED.to_string(), Value::Object(moved));
        }
        (given, skipped)
    }

    /// `<` was typed: drops the last answer and what followed it, and stops
    /// the walk so that it runs again. With nothing typed yet, says so.
    fn back(&mut self) -> Result<bool, Stop> {
        self.again = None;
        let Some(last) = self
            .typed
            .iter()
            .rposition(|typed| matches!(typed, Typed::Answer(..)))
        else {
            self.inner.show(
                "Nothing to go back to: this is the first question you answer here.",
                &[],
            )?;
            return Ok(false);
        };
        for dropped in self.typed.drain(last..).collect::<Vec<_>>() {
            match dropped {
                Typed::Answer(id, answer) => {
                    self.inner.forget(&id);
                    self.again.get_or_insert((id, answer));
                }
                Typed::Closed(_) => self.inner.forget(CLOSED),
                Typed::Rescheduled(..) => self.inner.forget(RESCHEDULED),
                Typed::Meant(..) => {}
            }
        }
        self.went_back = true;
        Ok(true)
    }

    /// Asks with `ask` until it gives an answer or a step back stops the walk.
    fn asking<T>(
        &mut self,
        mut ask: impl FnMut(&mut dyn Prompter) -> Result<T, Stop>,
    ) -> Result<T, Stop> {
        loop {
            match ask(&mut *self.inner) {
                Err(Stop::Back) => {
                    if self.back()? {
                        return Err(Stop::Interrupted);
                    }
                }
                other => return other,
            }
        }
    }

    /// The old answer of `question` when the walk stepped back to it.
    fn offered<'d>(
        &'d self,
        question: &Question,
        default: Option<&'d Answer>,
    ) -> Option<&'d Answer> {
        match &self.again {
            Some((id, old)) if *id == question.id => old.as_ref().or(default),
            _ => default,
        }
    }

    fn answered(&mut self, question: &Question, answer: &Option<Answer>) {
        if self
            .again
            .as_ref()
            .is_some_and(|(id, _)| *id == question.id)
        {
            self.again = None;
        }
        self.typed
            .push(Typed::Answer(question.id.clone(), answer.clone()));
    }
}

impl Prompter for Rewind<'_> {
    fn begin_section(&mut self, section: &Section) -> Result<(), Stop> {
        self.inner.begin_section(section)
    }

    fn show(&mut self, title: &str, lines: &[String]) -> Result<(), Stop> {
        let shown = (title.to_string(), lines.to_vec());
        if self.shown.contains(&shown) {
            return Ok(());
        }
        self.shown.push(shown);
        self.inner.show(title, lines)
    }

    fn ask(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        let default = self.offered(question, default).cloned();
        let answer = self.asking(|inner| inner.ask(question, default.as_ref()))?;
        self.answered(question, &answer);
        Ok(answer)
    }

    fn ask_customer(
        &mut self,
        question: &Question,
        known: &[KnownCustomer],
    ) -> Result<Option<Answer>, Stop> {
        let answer = self.asking(|inner| inner.ask_customer(question, known))?;
        self.answered(question, &answer);
        Ok(answer)
    }

    fn ask_meeting(
        &mut self,
        question: &Question,
        titles: &[String],
    ) -> Result<Option<Answer>, Stop> {
        let answer = self.asking(|inner| inner.ask_meeting(question, titles))?;
        self.answered(question, &answer);
        Ok(answer)
    }

    fn ask_closed(&mut self, open: &[OpenPromise]) -> Result<Vec<String>, Stop> {
        let ids = self.asking(|inner| inner.ask_closed(open))?;
        self.typed.push(Typed::Closed(ids.clone()));
        Ok(ids)
    }

    fn ask_reschedule(&mut self, promise: &OpenPromise) -> Result<Option<Date>, Stop> {
        let to = self.asking(|inner| inner.ask_reschedule(promise))?;
        if let Some(to) = to {
            self.typed.push(Typed::Rescheduled(promise.id.clone(), to));
        }
        Ok(to)
    }

    fn confirm_customer(
        &mut self,
        question: &Question,
        typed: &str,
        known: &str,
    ) -> Result<bool, Stop> {
        // Asked once: a walk run again takes the same name the same way.
        let said = self.typed.iter().find_map(|step| match step {
            Typed::Meant(name, close, meant) if name == typed && close == known => Some(*meant),
            _ => None,
        });
        if let Some(meant) = said {
            return Ok(meant);
        }
        let meant = self.asking(|inner| inner.confirm_customer(question, typed, known))?;
        self.typed
            .push(Typed::Meant(typed.to_string(), known.to_string(), meant));
        Ok(meant)
    }
}
