//! What a person typed survives any stop of a walk: Esc, a failed terminal,
//! a signal, a note that could not be written or delivered. The walk under
//! way is published after every answer (and every confirmed item of a list)
//! so that the signal thread can save it while the main thread is blocked
//! reading a key; a draft that cannot be saved is printed instead.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::config::Config;
use crate::error::{Error, Kept, Unsaved};
use crate::interrupt;
use crate::language::Question;
use crate::memory::known::KnownCustomer;
use crate::model::answer::Answer;
use crate::notes::draft;
use crate::ui::terminal_prompter::TerminalPrompter;
use crate::walk::answers_file;
use crate::walk::closing::{OpenPromise, CLOSED};
use crate::walk::prompter::{Prompter, Section, Stop};
use crate::walk::reschedule::RESCHEDULED;
use crate::walk::SoFar;

/// Saves what was answered before the walk stopped (Esc, a failed
/// terminal), with the lines of a list or long answer confirmed so far; the
/// new draft replaces the one it resumed, which it contains. None when
/// nothing worth a draft was answered (`draft::worth_keeping`).
pub(super) fn keep_draft(
    config: &Config,
    checklist: &str,
    so_far: SoFar,
    resumed: Option<&Path>,
    from_flags: &[String],
) -> Option<Kept> {
    // A signal that came first saves the draft itself and ends coach.
    interrupt::claim();
    let partial = WALKING
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_mut()
        .and_then(|walking| walking.partial.take());
    // The prompt was left mid-line.
    let _ = console::Term::stderr().write_line("");
    let so_far = with_partial(so_far, partial);
    if !draft::worth_keeping(&so_far, from_flags) {
        interrupt::restore_terminal();
        return None;
    }
    Some(save_draft(
        &config.notes_dir,
        checklist,
        &so_far,
        resumed,
        !config.stdout_closed,
    ))
}

/// Saves the answers of a finished walk whose note standard output did not take.
pub(super) fn keep_walked(
    config: &Config,
    checklist: &str,
    so_far: SoFar,
    resumed: Option<&Path>,
) -> Kept {
    interrupt::claim();
    // Standard output just failed: the answers go to stderr if need be.
    save_draft(&config.notes_dir, checklist, &so_far, resumed, false)
}

/// Saves `so_far` as a draft; when that fails, prints it as an answers file
/// (on standard output, else standard error) so that nothing typed is lost.
fn save_draft(
    notes_dir: &Path,
    checklist: &str,
    so_far: &SoFar,
    resumed: Option<&Path>,
    stdout_usable: bool,
) -> Kept {
    // Cooked mode and a cursor again before anything more is printed.
    interrupt::restore_terminal();
    match draft::save(notes_dir, checklist, so_far) {
        Ok(path) => {
            if let Some(old) = resumed {
                let _ = std::fs::remove_file(old);
            }
            Ok(path)
        }
        Err(error) => Err(print_answers(
            checklist,
            so_far,
            error.to_string(),
            stdout_usable,
        )),
    }
}

pub(super) fn print_answers(
    checklist: &str,
    so_far: &SoFar,
    reason: String,
    stdout_usable: bool,
) -> Unsaved {
    let text = draft::answers_text(checklist, so_far);
    let print = |stream: &mut dyn Write| {
        stream
            .write_all(text.as_bytes())
            .and_then(|()| stream.flush())
            .is_ok()
    };
    let printed_to = if stdout_usable && print(&mut std::io::stdout()) {
        Some("standard output")
    } else if print(&mut std::io::stderr()) {
        Some("standard error")
    } else {
        None
    };
    Unsaved { reason, printed_to }
}

/// `so_far` with the partial answer of the question being asked.
fn with_partial(mut so_far: SoFar, partial: Option<(String, serde_json::Value)>) -> SoFar {
    if let Some((id, value)) = partial {
        so_far.skipped.retain(|skipped| *skipped != id);
        answers_file::set(&mut so_far.answers, id, value);
    }
    so_far
}

/// What the signal thread needs to save a draft of the walk under way.
pub(super) struct Walking {
    pub(super) notes_dir: PathBuf,
    pub(super) checklist: String,
    pub(super) command: String,
    pub(super) resumed: Option<PathBuf>,
    pub(super) so_far: SoFar,
    /// The items, lines or promises confirmed so far of the question being
    /// asked: a draft keeps them as that question's answer.
    pub(super) partial: Option<(String, serde_json::Value)>,
    /// Standard output was not closed at start.
    pub(super) stdout_usable: bool,
    /// The header answers given by flags: not worth a draft on their own.
    pub(super) from_flags: Vec<String>,
}

/// The walk under way, kept up to date after every answer: the main thread
/// is blocked reading a key when a signal comes, so the signal thread saves
/// the draft from here.
static WALKING: Mutex<Option<Walking>> = Mutex::new(None);

pub(super) fn publish(walking: Option<Walking>) {
    *WALKING.lock().unwrap_or_else(PoisonError::into_inner) = walking;
}

/// SIGTERM, SIGHUP or SIGINT (Ctrl-C) during the walk: the same draft and
/// message as a stop by Esc; `interrupt` then exits 128 + the signal.
pub(super) fn on_signal(_signal: i32) {
    let walking = WALKING.lock().unwrap_or_else(PoisonError::into_inner);
    let Some(walking) = walking.as_ref() else {
        return;
    };
    // The prompt was left mid-line.
    let _ = console::Term::stderr().write_line("");
    let so_far = SoFar {
        answers: walking.so_far.answers.clone(),
        skipped: walking.so_far.skipped.clone(),
    };
    let so_far = with_partial(so_far, walking.partial.clone());
    let draft = if draft::worth_keeping(&so_far, &walking.from_flags) {
        Some(save_draft(
            &walking.notes_dir,
            &walking.checklist,
            &so_far,
            walking.resumed.as_deref(),
            walking.stdout_usable,
        ))
    } else {
        interrupt::restore_terminal();
        None
    };
    let error = Error::Interrupted {
        draft,
        command: walking.command.clone(),
    };
    let mut stderr = std::io::stderr().lock();
    for line in error.lines() {
        let _ = writeln!(stderr, "{line}");
    }
}

/// The terminal prompter, publishing each answer as it is given.
pub(super) struct Publishing<'p, 'a> {
    pub(super) inner: &'p mut TerminalPrompter<'a>,
}

impl Prompter for Publishing<'_, '_> {
    fn begin_section(&mut self, section: &Section) -> Result<(), Stop> {
        self.inner.begin_section(section)
    }

    fn show(&mut self, title: &str, lines: &[String]) -> Result<(), Stop> {
        self.inner.show(title, lines)
    }

    fn ask(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        let answer = self.inner.ask(question, default)?;
        published(question, answer.as_ref());
        Ok(answer)
    }

    fn ask_customer(
        &mut self,
        question: &Question,
        known: &[KnownCustomer],
    ) -> Result<Option<Answer>, Stop> {
        let answer = self.inner.ask_customer(question, known)?;
        published(question, answer.as_ref());
        Ok(answer)
    }

    fn ask_meeting(
        &mut self,
        question: &Question,
        titles: &[String],
    ) -> Result<Option<Answer>, Stop> {
        let answer = self.inner.ask_meeting(question, titles)?;
        published(question, answer.as_ref());
        Ok(answer)
    }

    fn ask_closed(&mut self, open: &[OpenPromise]) -> Result<Vec<String>, Stop> {
        let ids = self.inner.ask_closed(open)?;
        let mut walking = WALKING.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(walking) = walking.as_mut() {
            walking.partial = None;
            let value = serde_json::json!(ids);
            answers_file::set(&mut walking.so_far.answers, CLOSED.to_string(), value);
        }
        Ok(ids)
    }

    fn ask_reschedule(&mut self, promise: &OpenPromise) -> Result<Option<jiff::civil::Date>, Stop> {
        let to = self.inner.ask_reschedule(promise)?;
        let mut walking = WALKING.lock().unwrap_or_else(PoisonError::into_inner);
        if let (Some(walking), Some(to)) = (walking.as_mut(), to) {
            // One more id and date in the draft's `rescheduled` mapping.
            let answers = &mut walking.so_far.answers;
            let mut moved = answers
                .iter()
                .find(|(id, _)| id == RESCHEDULED)
                .and_then(|(_, value)| value.as_object().cloned())
                .unwrap_or_default();
            moved.insert(promise.id.clone(), serde_json::json!(to.to_string()));
            answers_file::set(answers, RESCHEDULED.to_string(), moved.into());
        }
        Ok(to)
    }

    fn forget(&mut self, id: &str) {
        let mut walking = WALKING.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(walking) = walking.as_mut() {
            walking.partial = None;
            walking.so_far.answers.retain(|(given, _)| given != id);
            walking.so_far.skipped.retain(|skipped| skipped != id);
        }
    }

    fn confirm_customer(
        &mut self,
        question: &Question,
        typed: &str,
        known: &str,
    ) -> Result<bool, Stop> {
        let yes = self.inner.confirm_customer(question, typed, known)?;
        if yes {
            published(question, Some(&Answer::Text(known.to_string())));
        }
        Ok(yes)
    }
}

/// An answer given (or an optional question left unanswered), published
/// so that a signal keeps it.
fn published(question: &Question, answer: Option<&Answer>) {
    let mut walking = WALKING.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(walking) = walking.as_mut() {
        walking.partial = None;
        let so_far = &mut walking.so_far;
        match answer {
            Some(answer) => {
                answers_file::set(&mut so_far.answers, question.id.clone(), answer.to_value())
            }
            None if !so_far.skipped.contains(&question.id) => {
                so_far.skipped.push(question.id.clone())
            }
            None => {}
        }
    }
}

/// A list, long or commitments answer confirmed in part, published so that
/// a signal keeps it.
pub(super) fn publish_partial(question: &Question, answer: Answer) {
    let mut walking = WALKING.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(walking) = walking.as_mut() {
        walking.partial = Some((question.id.clone(), answer.without_controls().to_value()));
    }
}
