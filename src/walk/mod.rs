//! The walk through a checklist: header, the checklist's own questions, then
//! each pattern in walk order, with given answers, defaults and prompts.

pub mod answers_file;
mod back;
#[cfg(test)]
mod back_tests;
pub mod closing;
mod customer;
pub mod open_promise;
pub mod prompter;
pub mod reschedule;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use jiff::civil::Date;
use serde_json::Value;

use crate::language::{Depth, Kind, Language, Question, WalkOrder};
use crate::memory::known::KnownCustomer;
use crate::model::answer::{self, Answer, Commitment};
use crate::model::promise;
use crate::suggest::did_you_mean;
use crate::walk::closing::{OpenOf, OpenPromise, CLOSED};
use crate::walk::prompter::{Prompter, Section, Stop};
use crate::walk::reschedule::{Rescheduled, RESCHEDULED};

/// How to treat a question nobody answered in advance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Ask at the terminal.
    Prompt,
    /// Take the default; leave optional questions without one unanswered and
    /// report required ones as missing.
    UseDefaults,
}

/// A finished walk: every answer in the order asked, and the patterns walked.
#[derive(Debug, Clone)]
pub struct Walked {
    pub checklist: String,
    pub answers: Vec<(Question, Answer)>,
    pub patterns: Vec<String>,
    /// Given answers the walk never reached (a pattern no choice included).
    pub unreached: Vec<String>,
    /// Every question the walk came to, answered or not, in order.
    pub asked: Vec<Question>,
    /// Required questions nobody answered: their full ids.
    pub missing: Vec<String>,
    /// Optional questions the person chose to leave unanswered.
    pub skipped: Vec<String>,
    /// Warnings for standard error, one line each (a customer name close
    /// to a known one, taken as given).
    pub warnings: Vec<String>,
    /// The customer's open commitments this debrief closes (none asked:
    /// None; asked and none kept: empty).
    pub closed: Option<Vec<OpenPromise>>,
    /// The customer's open commitments this debrief gives a new due date.
    pub rescheduled: Vec<Rescheduled>,
    /// Where each walked pattern's answers sit in `answers`: a pattern's
    /// questions are asked together, so its answers are one run.
    spans: HashMap<String, Range<usize>>,
}

/// What a stopped walk had: kept as a draft, given back on `--resume`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SoFar {
    pub answers: Vec<(String, Value)>,
    /// Left unanswered on purpose: not asked again.
    pub skipped: Vec<String>,
}

#[derive(Debug)]
pub enum WalkError {
    /// Given answers that fail their checks, one line each.
    Invalid(Vec<String>),
    /// Stopped part-way; the answers so far, including the given ones.
    Interrupted(SoFar),
    /// The terminal failed under us; the answers so far, as for `Interrupted`.
    Failed(std::io::Error, SoFar),
}

impl Walked {
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|(question, _)| question.id == id)
            .map(|(_, answer)| answer)
    }

    /// The answers to one pattern's questions (full ids `pattern.question`).
    pub fn answers_for<'s>(
        &'s self,
        pattern: &'s str,
    ) -> impl Iterator<Item = &'s (Question, Answer)> + 's {
        let span = self.spans.get(pattern).cloned().unwrap_or_default();
        self.answers.get(span).unwrap_or_default().iter()
    }

    /// Every commitment in walk order, with the question it answers.
    pub fn commitments(&self) -> impl Iterator<Item = (&Question, &Commitment)> {
        self.answers.iter().flat_map(|(question, answer)| {
            let list = match answer {
                Answer::Commitments(list) => list.as_slice(),
                _ => &[],
            };
            list.iter().map(move |commitment| (question, commitment))
        })
    }

    /// The meeting's date (the header's `date`), else `today`.
    pub fn meeting_date(&self, today: Date) -> Date {
        match self.answer("date") {
            Some(Answer::Date(date)) => *date,
            _ => today,
        }
    }

    pub fn text(&self, id: &str) -> Option<String> {
        match self.answer(id)? {
            Answer::Text(text) => Some(text.clone()),
            Answer::Date(date) => Some(date.to_string()),
            _ => None,
        }
    }
}

/// The header questions a walk asks first: customer, meeting and date, or
/// only customer and date for a checklist with `meeting: false`.
pub fn header_questions(asks_meeting: bool) -> Vec<Question> {
    let question =
        |id: &str, ask: &str, kind: Kind, required: bool, default: Option<&str>| Question {
            id: id.to_string(),
            ask: ask.to_string(),
            kind,
            options: Vec::new(),
            required,
            default: default.map(|text| Value::String(text.to_string())),
            help: None,
            labels: Vec::new(),
            promise: None,
            remember: false,
            depth: crate::model::Depth::Quick,
            glance: false,
            glance_label: None,
        };
    let header = [
        question("customer", "Who is the customer?", Kind::Text, true, None),
        question(
            "meeting",
            "What is the meeting? (a short title)",
            Kind::Text,
            false,
            None,
        ),
        question(
            "date",
            "When is the meeting?",
            Kind::Date,
            false,
            Some("today"),
        ),
    ];
    header
        .into_iter()
        .filter(|question| asks_meeting || question.id != "meeting")
        .collect()
}

/// "Since last time" for a customer: the brief's lines (none: nothing to
/// say) and the scale answers of the customer's last note of this checklist.
pub type BriefOf<'a> = &'a dyn Fn(&str, Option<&str>, Date) -> Since;

#[derive(Debug, Default)]
pub struct Since {
    pub lines: Vec<String>,
    /// Full question id and the value given last time.
    pub last_scales: Vec<(String, i64)>,
    /// Full question id and a line to show with it (a debrief's rating
    /// question gets the goal set in the prep).
    pub hints: Vec<(String, String)>,
    /// Text answers of the customer's last note of this checklist, by full
    /// question id: the defaults of `remember: true` questions.
    pub last_texts: Vec<(String, String)>,
}

pub struct Walk<'a> {
    pub language: &'a Language,
    pub checklist: &'a str,
    /// Answers given in advance, by full id, in the order given.
    pub given: Vec<(String, Value)>,
    /// Optional questions already left unanswered (from a draft): not asked again.
    pub skipped: Vec<String>,
    pub missing: Missing,
    pub today: Date,
    /// What to show once the customer is known, before the checklist's
    /// questions: the brief of what happened last time (none for scripts).
    pub brief: Option<BriefOf<'a>>,
    /// The customers the notes know, newest contact first: offered at the
    /// customer prompt, and what a typed name is checked against.
    pub known: Vec<KnownCustomer>,
    /// The customer's open commitments, for a walk that asks which were
    /// kept (a debrief): what `closed` is checked against.
    pub open: Option<OpenOf<'a>>,
    /// How deep the walk goes: which questions it asks (`--depth`).
    pub depth: Depth,
}

impl<'a> Walk<'a> {
    /// Every question this checklist could ask, whatever is chosen.
    pub fn all_questions(&self) -> Vec<&'a Question> {
        let own = self
            .language
            .checklist(self.checklist)
            .map(|checklist| checklist.questions.iter());
        let patterns = self
            .language
            .patterns
            .iter()
            .flat_map(|pattern| pattern.questions_for(self.checklist));
        own.into_iter().flatten().chain(patterns).collect()
    }

    /// Checks every given answer against its question; all problems at once.
    fn check(&self, given: &[(String, Value)]) -> Result<Vec<(String, Answer)>, WalkError> {
        let asks_meeting = self.language.asks_meeting(self.checklist);
        let header = header_questions(asks_meeting);
        let questions: Vec<&Question> = header.iter().chain(self.all_questions()).collect();
        let by_id: HashMap<&str, &Question> = questions
            .iter()
            .map(|question| (question.id.as_str(), *question))
            .collect();
        let mut problems = Vec::new();
        let mut checked = Vec::new();
        let mut unknown = 0;
        for (id, value) in given {
            if id == CLOSED && self.open.is_some() {
                // Checked against the open ones once the customer is known.
                if let Err(problem) = closing::given_ids(value) {
                    problems.push(problem);
                }
                continue;
            }
            if id == RESCHEDULED && self.open.is_some() {
                problems.extend(reschedule::given_pairs(value).err());
                continue;
            }
            if id == "meeting" && !asks_meeting {
                problems.push(format!(
                    "`meeting`: the `{}` checklist has no meeting title (`meeting: false` in its pack); leave it out",
                    self.checklist
                ));
                continue;
            }
            let Some(question) = by_id.get(id.as_str()) else {
                // A hint compares with every question: only for the first
                // few, which are all an error list shows by name.
                unknown += 1;
                let hint = if unknown <= crate::language::LISTED {
                    did_you_mean(id, questions.iter().map(|question| question.id.as_str()))
                } else {
                    String::new()
                };
                let list = format!("`coach questions {}` lists them", self.checklist);
                problems.push(format!(
                    "`{id}` is no question of the {} walk{hint}; {list}",
                    self.checklist
                ));
                continue;
            };
            if value.is_null() {
                continue;
            }
            match answer::from_value(question, value, self.today) {
                Ok(answer) => checked.push((id.clone(), answer)),
                Err(reason) => problems.push(format!("`{id}`: {reason}")),
            }
        }
        problems.extend(duplicate_commitment_ids(&checked));
        if problems.is_empty() {
            Ok(checked)
        } else {
            Err(WalkError::Invalid(problems))
        }
    }

    /// Shows the brief for the customer just named, when there is one and
    /// someone to show it to.
    fn show_brief(
        &self,
        state: &mut State,
        prompter: &mut Option<&mut dyn Prompter>,
    ) -> Result<(), WalkError> {
        let walked = &state.walked;
        let (Some(brief), Some(prompter)) = (self.brief, prompter.as_mut()) else {
            return Ok(());
        };
        let customer = walked
            .answers
            .iter()
            .find_map(|(question, answer)| (question.id == "customer").then(|| answer.to_value()));
        let Some(serde_json::Value::String(customer)) = customer else {
            return Ok(());
        };
        let meeting = walked.text("meeting");
        let date = walked.meeting_date(self.today);
        let Since {
            lines,
            last_scales,
            hints,
            last_texts,
        } = brief(&customer, meeting.as_deref(), date);
        state.last_scales = last_scales;
        state.hints = hints;
        state.last_texts = last_texts;
        if lines.is_empty() {
            return Ok(());
        }
        prompter
            .show("Since last time", &lines)
            .map_err(|stop| state.stop(stop))
    }

    /// Runs the walk once with `given` answers and `skipped` questions
    /// (`run`, in back.rs, runs it again after a step back).
    fn run_with(
        &self,
        mut prompter: Option<&mut dyn Prompter>,
        given: &[(String, Value)],
        skipped: &[String],
    ) -> Result<Walked, WalkError> {
        let checked = self.check(given)?;
        let mut state = State {
            given: checked
                .into_iter()
                .enumerate()
                .map(|(at, (id, answer))| (id, (at, answer)))
                .collect(),
            skipped: skipped.iter().map(String::as_str).collect(),
            last_scales: Vec::new(),
            hints: Vec::new(),
            last_texts: Vec::new(),
            given_closed: self
                .open
                .and_then(|_| given.iter().rev().find(|(id, _)| id == CLOSED))
                .map(|(_, value)| closing::given_ids(value).unwrap_or_default()),
            given_rescheduled: self
                .open
                .and_then(|_| given.iter().rev().find(|(id, _)| id == RESCHEDULED))
                .map(|(_, value)| value.clone()),
            walked: Walked {
                checklist: self.checklist.to_string(),
                answers: Vec::new(),
                patterns: Vec::new(),
                unreached: Vec::new(),
                asked: Vec::new(),
                missing: Vec::new(),
                skipped: Vec::new(),
                warnings: Vec::new(),
                closed: None,
                rescheduled: Vec::new(),
                spans: HashMap::new(),
            },
        };
        let prompter = &mut prompter;
        let header = header_questions(self.language.asks_meeting(self.checklist));
        self.section(
            &mut state,
            prompter,
            &Section {
                title: "The meeting",
                pattern: None,
                step: None,
                added: 0,
            },
            header.iter().collect(),
            None,
            true,
        )?;
        self.show_brief(&mut state, prompter)?;
        self.close(&mut state, prompter)?;
        let given_ids = state.given.keys().cloned().collect();
        let mut order = WalkOrder::at_depth(self.language, self.checklist, self.depth, given_ids);
        // The plan before any answer brought a pattern in: progress counts
        // the patterns added since apart.
        let planned = order.remaining();
        if let Some(checklist) = self
            .language
            .checklist(self.checklist)
            .filter(|checklist| !checklist.questions.is_empty())
        {
            let title = checklist.title.as_deref().unwrap_or(&checklist.id);
            let section = Section {
                title,
                pattern: None,
                step: None,
                added: 0,
            };
            let asked = checklist
                .questions
                .iter()
                .filter(|question| {
                    self.depth.asks(question.depth) || state.given.contains_key(&question.id)
                })
                .collect();
            self.section(
                &mut state,
                prompter,
                &section,
                asked,
                Some(&mut order),
                false,
            )?;
        }
        let mut step = 0;
        while let Some(pattern) = order.next() {
            step += 1;
            // Only a prompt shows "step of total"; after an include the
            // total is counted again, so a scripted walk does not count it.
            let total = if self.missing == Missing::Prompt && prompter.is_some() {
                step + order.remaining()
            } else {
                step
            };
            state.walked.patterns.push(pattern.id.clone());
            let section = Section {
                title: &pattern.name,
                pattern: Some(pattern),
                step: Some((step, total)),
                added: total.saturating_sub(planned),
            };
            let first = state.walked.answers.len();
            let asked = order.questions(pattern);
            self.section(
                &mut state,
                prompter,
                &section,
                asked,
                Some(&mut order),
                false,
            )?;
            let span = first..state.walked.answers.len();
            state.walked.spans.insert(pattern.id.clone(), span);
        }
        state.walked.unreached = state.given_in_order().map(|(id, _)| id.clone()).collect();
        Ok(state.walked)
    }

    fn section(
        &self,
        state: &mut State,
        prompter: &mut Option<&mut dyn Prompter>,
        section: &Section,
        questions: Vec<&Question>,
        mut order: Option<&mut WalkOrder>,
        header: bool,
    ) -> Result<(), WalkError> {
        let mut announced = false;
        for question in questions {
            state.walked.asked.push(question.clone());
            let answer = match state.take_given(&question.id) {
                Some(answer) => Some(answer),
                None => {
                    self.missing_answer(state, prompter, section, &mut announced, question, header)?
                }
            };
            let Some(mut answer) = answer else { continue };
            if header && question.id == customer::CUSTOMER {
                answer = self.known_customer(
                    state,
                    prompter,
                    (section, &mut announced),
                    question,
                    answer,
                )?;
            }
            // A promise is due counting from the meeting, known by now: the
            // header is asked first.
            let meeting = state.walked.meeting_date(self.today);
            let answer = promise::commit(question, answer, meeting, self.today);
            if let Some(order) = order.as_deref_mut() {
                order.include(&includes(question, &answer));
            }
            state.walked.answers.push((question.clone(), answer));
        }
        Ok(())
    }

    fn missing_answer(
        &self,
        state: &mut State,
        prompter: &mut Option<&mut dyn Prompter>,
        section: &Section,
        announced: &mut bool,
        question: &Question,
        header: bool,
    ) -> Result<Option<Answer>, WalkError> {
        // A `remember: true` question offers the customer's last answer.
        let remembered = state
            .last_texts
            .iter()
            .find(|(id, _)| question.remember && *id == question.id)
            .map(|(_, text)| Answer::Text(text.clone()));
        let default = remembered.or_else(|| {
            question
                .default
                .as_ref()
                .and_then(|value| answer::from_value(question, value, self.today).ok())
        });
        match (self.missing, prompter.as_deref_mut()) {
            (Missing::Prompt, Some(prompter)) => {
                if state.skipped.contains(question.id.as_str()) && !question.required {
                    state.walked.skipped.push(question.id.clone());
                    return Ok(None);
                }
                if !*announced {
                    prompter
                        .begin_section(section)
                        .map_err(|error| state.stop(error))?;
                    *announced = true;
                }
                // Said with the question: where the answer stood last time,
                // and for a debrief's rating, the goal the prep set.
                let mut said: Vec<String> = state
                    .hints
                    .iter()
                    .filter(|(id, _)| *id == question.id)
                    .map(|(_, hint)| hint.clone())
                    .collect();
                if question.kind == Kind::Scale {
                    said.extend(
                        state
                            .last_scales
                            .iter()
                            .filter(|(id, _)| *id == question.id)
                            .map(|(_, value)| format!("Last time: {value}/5.")),
                    );
                }
                let answer = if header {
                    self.ask_header(state, prompter, question, default.as_ref())
                } else if said.is_empty() {
                    prompter.ask(question, default.as_ref())
                } else {
                    let mut shown = question.clone();
                    shown.help = Some(
                        question
                            .help
                            .iter()
                            .cloned()
                            .chain(said)
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                    prompter.ask(&shown, default.as_ref())
                }
                .map_err(|error| state.stop(error))?;
                if answer.is_none() {
                    state.walked.skipped.push(question.id.clone());
                }
                Ok(answer)
            }
            _ => {
                if default.is_none() && question.required {
                    state.walked.missing.push(question.id.clone());
                }
                Ok(default)
            }
        }
    }
}

/// A commitment id given twice in one walk (in one answer or in two): each
/// id names one commitment, so the second of each is an error.
fn duplicate_commitment_ids(checked: &[(String, Answer)]) -> Vec<String> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut problems = Vec::new();
    for (id, answer) in checked {
        let Answer::Commitments(list) = answer else {
            continue;
        };
        for given in list
            .iter()
            .filter_map(|commitment| commitment.id.as_deref())
        {
            if !seen.insert(given) {
                problems.push(format!(
                    "`{id}`: commitment id `{given}` is given twice in this walk; each commitment has its own id (leave `id` out to get a new one)"
                ));
            }
        }
    }
    problems
}

/// The patterns a chosen select or multiselect option brings into the walk.
pub fn includes(question: &Question, answer: &Answer) -> Vec<String> {
    let chosen = answer.chosen();
    question
        .options
        .iter()
        .filter(|option| chosen.contains(&option.label.as_str()))
        .flat_map(|option| option.include.iter().cloned())
        .collect()
}

struct State<'w> {
    /// Given answers not yet asked for, with their place in the given order.
    given: HashMap<String, (usize, Answer)>,
    /// Scale answers of last time, shown with their questions.
    last_scales: Vec<(String, i64)>,
    /// Lines shown with questions, by full id (`Since::hints`).
    hints: Vec<(String, String)>,
    /// `Since::last_texts`.
    last_texts: Vec<(String, String)>,
    /// The `closed` ids given, until checked against the open commitments.
    given_closed: Option<Vec<String>>,
    /// The `rescheduled` answer given, until checked as `closed` is.
    given_rescheduled: Option<Value>,
    /// `Walk::skipped`, found in O(1).
    skipped: HashSet<&'w str>,
    walked: Walked,
}

impl State<'_> {
    fn take_given(&mut self, id: &str) -> Option<Answer> {
        self.given.remove(id).map(|(_, answer)| answer)
    }

    /// The given answers not yet asked for, in the order given.
    fn given_in_order(&self) -> impl Iterator<Item = (&String, &Answer)> {
        let mut left: Vec<(&String, &(usize, Answer))> = self.given.iter().collect();
        left.sort_unstable_by_key(|(_, (at, _))| *at);
        left.into_iter().map(|(id, (_, answer))| (id, answer))
    }

    /// The walk stopped by `stop`, with the answers so far.
    fn stop(&self, stop: Stop) -> WalkError {
        match stop {
            // `Back` is taken by back.rs's prompter before it gets here.
            Stop::Interrupted | Stop::Back => WalkError::Interrupted(self.so_far()),
            Stop::Failed(error) => WalkError::Failed(error, self.so_far()),
        }
    }

    /// Answers so far plus given ones not yet reached: what a draft keeps.
    fn so_far(&self) -> SoFar {
        let asked = self
            .walked
            .answers
            .iter()
            .map(|(question, answer)| (question.id.clone(), answer.to_value()));
        let given = self
            .given_in_order()
            .map(|(id, answer)| (id.clone(), answer.to_value()));
        let closed = match (&self.walked.closed, &self.given_closed) {
            (Some(closed), _) => Some(closed.iter().map(|promise| promise.id.clone()).collect()),
            (None, given) => given.clone(),
        }
        .map(|ids: Vec<String>| (CLOSED.to_string(), serde_json::json!(ids)));
        let rescheduled = match &self.given_rescheduled {
            _ if !self.walked.rescheduled.is_empty() => {
                Some(reschedule::to_value(&self.walked.rescheduled))
            }
            given => given.clone(),
        }
        .map(|value| (RESCHEDULED.to_string(), value));
        SoFar {
            answers: asked
                .chain(closed)
                .chain(rescheduled)
                .chain(given)
                .collect(),
            skipped: self.walked.skipped.clone(),
        }
    }
}
