//! Asks questions at the terminal with dialoguer; prompts and progress go to stderr.

use console::{style, Term};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, MultiSelect};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jiff::civil::Date;

use crate::interrupt;
use crate::language::{Kind, Language, Question};
use crate::memory::known::KnownCustomer;
use crate::model::answer::Answer;
use crate::ui::pattern_view::textwrap;
use crate::walk::closing::OpenPromise;
use crate::walk::prompter::{Prompter, Section, Stop};

mod choice;
mod customer;
mod editor_file;
mod line_input;
mod lines;
mod reschedule;

/// The keys, said once per walk at its first section.
const KEYS: &str = "Keys: ? at a text prompt explains the question (a pattern's whole text); < alone at a text prompt goes back to the previous question; Esc skips an optional choice; Ctrl-C stops and keeps a draft (--resume continues).";

pub struct TerminalPrompter<'a> {
    term: Term,
    theme: ColorfulTheme,
    language: &'a Language,
    editor: Option<String>,
    today: Date,
    /// The key hint was shown: once per walk.
    hinted: bool,
    /// The pattern being walked, for `?`.
    pattern: Option<String>,
    /// The id and help of the question being asked, for `?` where no
    /// pattern asks it.
    asking: Option<(String, Option<String>)>,
    /// Told each time a list, long or commitments answer grows by a
    /// confirmed line, so that a stop in the middle keeps what was given.
    partial: Option<fn(&Question, Answer)>,
}

impl<'a> TerminalPrompter<'a> {
    pub fn new(language: &'a Language, editor: Option<String>, today: Date) -> Self {
        TerminalPrompter {
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
            language,
            editor,
            today,
            hinted: false,
            pattern: None,
            asking: None,
            partial: None,
        }
    }

    /// `hook` hears of every confirmed part of a multi-line answer.
    pub fn on_partial(mut self, hook: fn(&Question, Answer)) -> Self {
        self.partial = Some(hook);
        self
    }

    fn report_partial(&self, question: &Question, answer: Answer) {
        if let Some(hook) = self.partial {
            hook(question, answer);
        }
    }

    fn line(&self, text: &str) -> Result<(), Stop> {
        self.term.write_line(text).map_err(Stop::Failed)
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(40, 100) - 2
    }

    fn confirm(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        // The answer waits for Enter: typed-ahead text ("yes", a sentence meant
        // for the next question) must not answer this one and spill over.
        // dialoguer then reads Esc and Enter alike as "no answer", so Esc
        // cannot stop the walk here; Ctrl-C does.
        let mut prompt = Confirm::with_theme(&self.theme)
            .with_prompt(self.wrapped(&question.ask))
            .wait_for_newline(true);
        if let Some(Answer::Yes(yes)) = default {
            prompt = prompt.default(*yes);
        }
        let answer = finish(prompt.interact_on(&self.term))?;
        Ok(Some(Answer::Yes(answer)))
    }
}

impl Prompter for TerminalPrompter<'_> {
    fn begin_section(&mut self, section: &Section) -> Result<(), Stop> {
        self.pattern = section.pattern.map(|pattern| pattern.id.clone());
        self.line("")?;
        if let Some((step, total)) = section.step {
            // A finished bar left on screen as a step header: a live bar would
            // be redrawn over the prompts below it.
            let bar = ProgressBar::with_draw_target(
                Some(total as u64),
                ProgressDrawTarget::term(self.term.clone(), 20),
            );
            let style =
                ProgressStyle::with_template("{bar:30.cyan/blue} pattern {pos} of {len}{msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style.progress_chars("━━─"));
            bar.set_position(step as u64);
            if section.added > 0 {
                bar.set_message(format!(" (+{} from your answers)", section.added));
            }
            bar.abandon();
        }
        // Pack text was cleaned of control characters when the pack loaded.
        self.line(&style(section.title).bold().cyan().to_string())?;
        let width = self.width();
        if let Some(pattern) = section.pattern {
            self.line(
                &style(textwrap(&pattern.summary, width, "  "))
                    .italic()
                    .to_string(),
            )?;
            for tip in &pattern.tips {
                self.line(&style(textwrap(tip, width, "  • ")).dim().to_string())?;
            }
        }
        if !self.hinted {
            self.hinted = true;
            self.line(&style(textwrap(KEYS, width, "  ")).dim().to_string())?;
        }
        Ok(())
    }

    fn show(&mut self, title: &str, lines: &[String]) -> Result<(), Stop> {
        self.line("")?;
        self.line(&style(title).bold().cyan().to_string())?;
        let width = self.width();
        for line in lines {
            // Names and promises come from notes: shown, never obeyed.
            let indent = " ".repeat(line.len() - line.trim_start().len() + 2);
            let text = crate::text::shown(line.trim_start());
            let wrapped = textwrap(&text, width, &indent);
            let wrapped = if text.contains("OVERDUE") {
                style(wrapped).red().to_string()
            } else {
                wrapped
            };
            self.line(&wrapped)?;
        }
        Ok(())
    }

    fn ask(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        self.asking = Some((question.id.clone(), question.help.clone()));
        if let Some(help) = &question.help {
            self.line(&style(textwrap(help, self.width(), "  ")).dim().to_string())?;
        }
        match question.kind {
            Kind::Text | Kind::Date => self.text(question, default),
            Kind::Long => self.long(question, default),
            Kind::Confirm => self.confirm(question, default),
            Kind::Select => self.select(question, default),
            Kind::MultiSelect => self.multiselect(question, default),
            Kind::Scale => self.scale(question, default),
            Kind::List => self.list(question, default),
            Kind::Commitments => self.commitments(question, default),
        }
        .map(|answer| answer.map(|answer| answer.without_controls()))
    }

    fn ask_customer(
        &mut self,
        question: &Question,
        known: &[KnownCustomer],
    ) -> Result<Option<Answer>, Stop> {
        self.asking = Some((question.id.clone(), question.help.clone()));
        self.pick_customer(question, known)
            .map(|answer| answer.map(|answer| answer.without_controls()))
    }

    fn ask_meeting(
        &mut self,
        question: &Question,
        titles: &[String],
    ) -> Result<Option<Answer>, Stop> {
        self.asking = Some((question.id.clone(), question.help.clone()));
        self.pick_meeting(question, titles)
            .map(|answer| answer.map(|answer| answer.without_controls()))
    }

    fn ask_closed(&mut self, open: &[OpenPromise]) -> Result<Vec<String>, Stop> {
        // Promises come from notes: shown, never obeyed.
        let labels: Vec<String> = open
            .iter()
            .map(|promise| crate::text::shown(&format!("{}  {}", promise.id, promise.label())))
            .collect();
        let picked = MultiSelect::with_theme(&self.theme)
            .with_prompt(format!(
                "Which of these promises were kept? {}",
                style("(space toggles, enter accepts)").dim()
            ))
            .items(&labels)
            .interact_on_opt(&self.term);
        // Esc keeps them all open, as Enter with none ticked does.
        let picked = finish(picked)?.unwrap_or_default();
        Ok(picked
            .into_iter()
            .filter_map(|at| open.get(at))
            .map(|promise| promise.id.clone())
            .collect())
    }

    fn ask_reschedule(&mut self, promise: &OpenPromise) -> Result<Option<Date>, Stop> {
        self.new_due(promise)
    }

    fn confirm_customer(
        &mut self,
        _question: &Question,
        typed: &str,
        known: &str,
    ) -> Result<bool, Stop> {
        self.did_you_mean(typed, known)
    }
}

/// dialoguer reports Ctrl-C as an interrupted read (the signal thread of
/// `interrupt` saves the draft then).
fn finish<T>(result: dialoguer::Result<T>) -> Result<T, Stop> {
    result.map_err(|dialoguer::Error::IO(error)| {
        if error.kind() == std::io::ErrorKind::Interrupted {
            interrupt::await_signal_thread();
            Stop::Interrupted
        } else {
            Stop::Failed(error)
        }
    })
}
