//! `coach prep`, `coach debrief`, `coach walk CHECKLIST`: walk a checklist and write a note.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde_json::json;

use crate::cli::WalkArgs;
use crate::config::Config;
use crate::error::{Error, Kept, Unsaved};
use crate::interrupt;
use crate::language::{Language, Question};
use crate::model::answer::Answer;
use crate::notes::draft;
use crate::notes::note::Note;
use crate::notes::note_writer::NoteWriter;
use crate::ui::terminal_prompter::TerminalPrompter;
use crate::walk::answers_file;
use crate::walk::prompter::{Prompter, Section, Stop};
use crate::walk::{Missing, SoFar, Walk, WalkError, Walked};

pub fn run(
    checklist: &str,
    args: &WalkArgs,
    config: &Config,
    out: &mut impl Write,
) -> Result<(), Error> {
    let language = super::load(config)?;
    super::require_checklist(&language, checklist)?;
    let command = if ["prep", "debrief"].contains(&checklist) {
        format!("coach {checklist}")
    } else {
        format!("coach walk {checklist}")
    };

    let resumed = if args.resume {
        Some(newest_draft(config, checklist, &command)?)
    } else {
        None
    };
    let SoFar {
        answers: mut given,
        skipped,
    } = match &resumed {
        Some(path) => draft::load(path).map_err(|error| broken_draft(path, error, &command))?,
        None => SoFar::default(),
    };
    answers_file::merge(&mut given, answers_file::collect(&args.answers)?);

    // The note itself would be lost: found out before anything is asked.
    // Only here: a closed stdout looks like /dev/null opened read-write
    // (Python's DEVNULL, daemons), where `--json` or a list is fine to drop.
    if config.stdout_closed && args.output.is_some() {
        return Err(Error::Stdout(std::io::Error::other("it was closed")));
    }
    let prompting = config.can_prompt && !args.no_input && !args.defaults;
    let walk = Walk {
        language: &language,
        checklist,
        given,
        skipped,
        missing: if prompting {
            Missing::Prompt
        } else {
            Missing::UseDefaults
        },
        today: config.today,
    };
    let mut terminal = prompting.then(|| {
        TerminalPrompter::new(&language, config.editor.clone(), config.today)
            .on_partial(publish_partial)
    });
    let mut publishing = terminal.as_mut().map(|terminal| {
        publish(Some(Walking {
            notes_dir: config.notes_dir.clone(),
            checklist: checklist.to_string(),
            command: command.clone(),
            resumed: resumed.clone(),
            so_far: SoFar {
                answers: walk.given.clone(),
                skipped: walk.skipped.clone(),
            },
            partial: None,
            stdout_usable: !config.stdout_closed,
        }));
        interrupt::install(on_signal);
        Publishing { inner: terminal }
    });
    let result = walk.run(
        publishing
            .as_mut()
            .map(|prompter| prompter as &mut dyn Prompter),
    );
    let walked = match result {
        Ok(walked) => walked,
        Err(WalkError::Invalid(mut problems)) => {
            if let Some(path) = &resumed {
                problems.push(format!(
                    "these answers come from the resumed draft {} or the ones given with it; fix the draft, or move it aside (`mv {} {}.bad`) and start anew with `{command}`",
                    path.display(),
                    path.display(),
                    path.display()
                ));
            }
            return Err(Error::Answers(problems));
        }
        Err(WalkError::Interrupted(so_far)) => {
            let draft = keep_draft(config, checklist, so_far, resumed.as_deref());
            return Err(Error::Interrupted { draft, command });
        }
        Err(WalkError::Failed(source, so_far)) => {
            let draft = keep_draft(config, checklist, so_far, resumed.as_deref());
            return Err(Error::PromptFailed {
                source,
                draft,
                command,
            });
        }
    };
    if !walked.missing.is_empty() {
        let why = if args.no_input {
            "--no-input forbids asking".to_string()
        } else if args.defaults {
            "--defaults gives them no value".to_string()
        } else {
            "there is no terminal to ask on (stdin and stderr must both be terminals)".to_string()
        };
        return Err(Error::MissingAnswers {
            ids: walked.missing,
            why,
            checklist: checklist.to_string(),
        });
    }
    let unreached: Vec<String> = walked
        .unreached
        .iter()
        .map(|id| format!("`{id}` was answered, but its pattern is not part of this walk (no chosen option includes it)"))
        .collect();
    if !unreached.is_empty() && !prompting {
        return Err(Error::Answers(unreached));
    }
    // After a person typed a whole walk, an answers-file entry the walk never
    // reached must not cost them the note: it is left out, and said so.
    for problem in &unreached {
        let _ = writeln!(
            std::io::stderr(),
            "coach: warning: {problem}; it is not in the note"
        );
    }

    // Until the note is delivered, a signal still keeps the answers as a draft.
    let written = write_note(
        &language,
        &walked,
        config,
        args,
        resumed.as_deref(),
        &command,
        out,
    );
    let (written, text) = match written {
        Ok(written) => written,
        Err(error) => {
            publish(None);
            return Err(error);
        }
    };
    // Delivered only once standard output took all of it; a reader that
    // closed the pipe early (`| head`) chose to stop reading.
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(source) if source.kind() != std::io::ErrorKind::BrokenPipe => {
            let draft = if written.is_none() && prompting {
                // What was typed exists nowhere else.
                let so_far = SoFar {
                    answers: walked
                        .answers
                        .iter()
                        .map(|(question, answer)| (question.id.clone(), answer.to_value()))
                        .collect(),
                    skipped: walked.skipped.clone(),
                };
                Some(keep_walked(config, checklist, so_far, resumed.as_deref()))
            } else {
                resumed.clone().map(Ok)
            };
            publish(None);
            return Err(Error::NotDelivered {
                source,
                written,
                draft,
                command,
            });
        }
        _ => {}
    }
    publish(None);
    if let Some(old) = &resumed {
        let _ = std::fs::remove_file(old);
    }
    if let Some(path) = written {
        if !args.print_path && !args.json {
            let _ = writeln!(std::io::stderr(), "coach: wrote {}", path.display());
        }
    }
    Ok(())
}

/// Saves what was answered before the walk stopped (Esc, a failed
/// terminal), with the lines of a list or long answer confirmed so far; the
/// new draft replaces the one it resumed, which it contains.
fn keep_draft(config: &Config, checklist: &str, so_far: SoFar, resumed: Option<&Path>) -> Kept {
    // A signal that came first saves the draft itself and ends coach.
    interrupt::claim();
    let partial = WALKING
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_mut()
        .and_then(|walking| walking.partial.take());
    // The prompt was left mid-line.
    let _ = console::Term::stderr().write_line("");
    save_draft(
        &config.notes_dir,
        checklist,
        &with_partial(so_far, partial),
        resumed,
        !config.stdout_closed,
    )
}

/// Saves the answers of a finished walk whose note standard output did not take.
fn keep_walked(config: &Config, checklist: &str, so_far: SoFar, resumed: Option<&Path>) -> Kept {
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

fn print_answers(checklist: &str, so_far: &SoFar, reason: String, stdout_usable: bool) -> Unsaved {
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
struct Walking {
    notes_dir: PathBuf,
    checklist: String,
    command: String,
    resumed: Option<PathBuf>,
    so_far: SoFar,
    /// The items, lines or promises confirmed so far of the question being
    /// asked: a draft keeps them as that question's answer.
    partial: Option<(String, serde_json::Value)>,
    /// Standard output was not closed at start.
    stdout_usable: bool,
}

/// The walk under way, kept up to date after every answer: the main thread
/// is blocked reading a key when a signal comes, so the signal thread saves
/// the draft from here.
static WALKING: Mutex<Option<Walking>> = Mutex::new(None);

fn publish(walking: Option<Walking>) {
    *WALKING.lock().unwrap_or_else(PoisonError::into_inner) = walking;
}

/// SIGTERM, SIGHUP or SIGINT (Ctrl-C) during the walk: the same draft and
/// message as a stop by Esc; `interrupt` then exits 128 + the signal.
fn on_signal(_signal: i32) {
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
    let draft = save_draft(
        &walking.notes_dir,
        &walking.checklist,
        &with_partial(so_far, walking.partial.clone()),
        walking.resumed.as_deref(),
        walking.stdout_usable,
    );
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
struct Publishing<'p, 'a> {
    inner: &'p mut TerminalPrompter<'a>,
}

impl Prompter for Publishing<'_, '_> {
    fn begin_section(&mut self, section: &Section) -> Result<(), Stop> {
        self.inner.begin_section(section)
    }

    fn ask(
        &mut self,
        question: &Question,
        default: Option<&Answer>,
    ) -> Result<Option<Answer>, Stop> {
        let answer = self.inner.ask(question, default)?;
        let mut walking = WALKING.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(walking) = walking.as_mut() {
            walking.partial = None;
            let so_far = &mut walking.so_far;
            match &answer {
                Some(answer) => {
                    answers_file::set(&mut so_far.answers, question.id.clone(), answer.to_value())
                }
                None if !so_far.skipped.contains(&question.id) => {
                    so_far.skipped.push(question.id.clone())
                }
                None => {}
            }
        }
        Ok(answer)
    }
}

/// A list, long or commitments answer confirmed in part, published so that
/// a signal keeps it.
fn publish_partial(question: &Question, answer: Answer) {
    let mut walking = WALKING.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(walking) = walking.as_mut() {
        walking.partial = Some((question.id.clone(), answer.without_controls().to_value()));
    }
}

/// A draft that `--resume` cannot read: named, with the way out.
fn broken_draft(path: &Path, error: Error, command: &str) -> Error {
    let reason = match error {
        Error::Io { source, .. } => source.to_string(),
        other => other.to_string().replace('\n', "; "),
    };
    let message = if reason.contains(&path.display().to_string()) {
        format!("cannot resume the newest draft: {reason}")
    } else {
        format!("cannot resume the draft {}: {reason}", path.display())
    };
    Error::Usage {
        message,
        hint: Some(format!(
            "move it aside (`mv {} {}.bad`) to resume an older draft, or start anew with `{command}`",
            path.display(),
            path.display()
        )),
    }
}

fn newest_draft(
    config: &Config,
    checklist: &str,
    command: &str,
) -> Result<std::path::PathBuf, Error> {
    let dir = draft::dir(&config.notes_dir);
    // Saving never writes through a link; resuming never reads or deletes through one.
    if std::fs::symlink_metadata(&dir).is_ok_and(|metadata| metadata.file_type().is_symlink()) {
        return Err(Error::Usage {
            message: format!(
                "{} is a symbolic link, and coach never reads or deletes drafts through one",
                dir.display()
            ),
            hint: Some(format!(
                "replace it with a folder (move the drafts into it) and run `{command} --resume` again"
            )),
        });
    }
    draft::newest(&config.notes_dir, checklist).ok_or_else(|| Error::Usage {
        message: format!(
            "no draft of a `{checklist}` walk in {}",
            draft::dir(&config.notes_dir).display()
        ),
        hint: Some(format!("start a new walk with `{command}`")),
    })
}

/// Renders the note and writes it; returns the path written (none for
/// `--output -`) and what is to be printed on standard output.
fn write_note(
    language: &Language,
    walked: &Walked,
    config: &Config,
    args: &WalkArgs,
    resumed: Option<&std::path::Path>,
    command: &str,
    out: &mut impl Write,
) -> Result<(Option<std::path::PathBuf>, String), Error> {
    let customer = walked.text("customer").unwrap_or_default();
    let meeting = walked.text("meeting");
    let date = match walked.answer("date") {
        Some(crate::model::answer::Answer::Date(date)) => *date,
        _ => config.today,
    };
    let writer = NoteWriter {
        notes_dir: &config.notes_dir,
    };
    let dir = writer.customer_dir(&customer);
    // A debrief links the prep note of its meeting; no other walk does.
    let prep_link = (walked.checklist == "debrief")
        .then(|| NoteWriter::prep_note(&dir, meeting.as_deref(), date))
        .flatten();
    let note = Note {
        language,
        walked,
        customer: customer.clone(),
        meeting: meeting.clone(),
        date,
        created: jiff::Zoned::now(),
        // Ids are made only for a note that is written, and kept when given.
        commitment_ids: walked
            .commitments()
            .map(|(_, commitment)| {
                commitment
                    .id
                    .clone()
                    .or_else(|| args.output.is_none().then(NoteWriter::new_commitment_id))
            })
            .collect(),
        prep_link,
    };
    let markdown = note.markdown();
    if args.output.is_some() {
        return Ok((None, markdown));
    }
    let stem = NoteWriter::stem(date, meeting.as_deref(), &walked.checklist);
    let path = match writer.write(&customer, &stem, &markdown) {
        Ok(path) => {
            // Written: a signal from now on must not save a draft of it.
            publish(None);
            path
        }
        Err(failed) => {
            // One draft: a signal now waits for this one to be saved.
            interrupt::claim();
            // The draft keeps the commitment ids of the note printed below.
            let mut with_ids = note.answers();
            let so_far = SoFar {
                answers: walked
                    .answers
                    .iter()
                    .map(|(question, answer)| {
                        let value = with_ids
                            .remove(&question.id)
                            .unwrap_or_else(|| answer.to_value());
                        (question.id.clone(), value)
                    })
                    .collect(),
                skipped: walked.skipped.clone(),
            };
            let saved = draft::save(&config.notes_dir, &walked.checklist, &so_far);
            // The new draft holds everything the resumed one did: one draft
            // per walk, however often the note cannot be written.
            if let (Ok(_), Some(old)) = (&saved, resumed) {
                let _ = std::fs::remove_file(old);
            }
            let printed = out
                .write_all(markdown.as_bytes())
                .and_then(|()| out.flush())
                .is_ok();
            // The printed note holds the answers; if it could not be
            // printed either, they go to standard error.
            let saved = saved.map_err(|error| match printed {
                true => Unsaved {
                    reason: error.to_string(),
                    printed_to: None,
                },
                false => print_answers(&walked.checklist, &so_far, error.to_string(), false),
            });
            return Err(Error::NoteNotWritten {
                path: dir.join(format!("{stem}.md")),
                failed: Box::new(failed),
                draft: saved,
                printed,
                command: command.to_string(),
            });
        }
    };
    let mut text = String::new();
    if args.print_path {
        text = format!("{}\n", path.display());
    } else if args.json {
        let commitments: Vec<serde_json::Value> = note
            .commitments()
            .into_iter()
            .map(|(id, question, commitment)| {
                let mut value = commitment.to_value();
                if let serde_json::Value::Object(fields) = &mut value {
                    fields.shift_insert(0, "id".to_string(), json!(id));
                    fields.insert("question".to_string(), json!(question.id));
                }
                value
            })
            .collect();
        let summary = json!({
            "path": path,
            "customer": customer,
            "meeting": meeting,
            "date": date.to_string(),
            "checklist": walked.checklist,
            "patterns": walked.patterns,
            "answers": note.answers(),
            "commitments": commitments,
        });
        text = serde_json::to_string_pretty(&summary).map_err(std::io::Error::from)? + "\n";
    }
    Ok((Some(path), text))
}
