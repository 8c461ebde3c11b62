//! `coach prep`, `coach debrief`, `coach walk CHECKLIST`: walk a checklist and write a note.

use std::io::Write;

use serde_json::json;

use crate::cli::WalkArgs;
use crate::commands::done::Edited;
use crate::commands::notes_source::Notes;
use crate::config::Config;
use crate::error::{Error, Unsaved};
use crate::interrupt;
use crate::language::Language;
use crate::memory::brief::Brief;
use crate::notes::draft;
use crate::notes::note::Note;
use crate::notes::note_writer::NoteWriter;
use crate::ui::terminal_prompter::TerminalPrompter;
use crate::walk::answers_file;
use crate::walk::closing::OpenOf;
use crate::walk::prompter::Prompter;
use crate::walk::{BriefOf, Missing, SoFar, Walk, WalkError, Walked};

mod invite;
mod keeping;
mod reschedule;
mod resume;
mod shared;
mod since;

use keeping::{
    keep_draft, keep_walked, on_signal, print_answers, publish, publish_partial, Publishing,
    Walking,
};
use resume::{broken_draft, draft_to_resume};
use since::SinceLastTime;

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

    if let Some(checklist) = language
        .checklist(checklist)
        .filter(|found| !found.meeting && args.answers.header.meeting.is_some())
    {
        return Err(Error::Usage {
            message: format!(
                "--meeting: the `{}` checklist has no meeting title (`meeting: false` at {})",
                checklist.id, checklist.origin
            ),
            hint: Some(format!("leave --meeting out of `{command}`")),
        });
    }
    let prompting = config.can_prompt && !args.no_input && !args.defaults;
    let resumed = match &args.resume {
        Some(id) => Some(draft_to_resume(
            config,
            checklist,
            id.as_deref(),
            prompting,
            &command,
        )?),
        None => None,
    };
    let SoFar {
        answers: mut given,
        skipped,
    } = match &resumed {
        Some(path) => draft::load(path).map_err(|error| broken_draft(path, error, &command))?,
        None => SoFar::default(),
    };
    answers_file::merge(&mut given, answers_file::collect(&args.answers)?);
    let mut from_flags = answers_file::header_flags(&args.answers.header);
    // The notes, asked by the walk for up to six things: looked at once.
    let notes = Notes::new(config);
    // The meeting of `--from-ics`: its header answers fill in the ones not given.
    let invited = invite::read(args, config, prompting)?;
    if let Some(invited) = &invited {
        let titled = language
            .checklist(checklist)
            .is_none_or(|found| found.meeting);
        invite::header(
            invited,
            titled,
            &mut given,
            &mut from_flags,
            &notes,
            prompting,
        )?;
    }

    // The note itself would be lost: found out before anything is asked.
    // Only here: a closed stdout looks like /dev/null opened read-write
    // (Python's DEVNULL, daemons), where `--json` or a list is fine to drop.
    if config.stdout_closed && args.output.is_some() {
        return Err(Error::Stdout(std::io::Error::other("it was closed")));
    }
    // The brief shown once the customer is named, kept for the note.
    let since_last_time = SinceLastTime::new(config, &notes, &language, checklist)
        .of_invite(invited.as_ref().and_then(|invited| invited.uid.clone()));
    let show_brief = |customer: &str, meeting: Option<&str>, date: jiff::civil::Date| {
        since_last_time.since(customer, meeting, date)
    };
    // The customers the notes know: offered at the customer prompt, and a
    // name given is checked against them. Notes that cannot be read only
    // cost the offer.
    let known = notes.known_customers();
    // A debrief asks which of the customer's open commitments were kept.
    let open_of = |customer: &str| notes.open_promises(customer);
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
        brief: (!args.no_brief).then_some(&show_brief as BriefOf),
        known,
        open: (checklist == "debrief").then_some(&open_of as OpenOf),
        depth: args.depth.unwrap_or(config.depth),
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
            from_flags: from_flags.clone(),
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
            let draft = keep_draft(config, checklist, so_far, resumed.as_deref(), &from_flags);
            return Err(Error::Interrupted { draft, command });
        }
        Err(WalkError::Failed(source, so_far)) => {
            let draft = keep_draft(config, checklist, so_far, resumed.as_deref(), &from_flags);
            return Err(Error::PromptFailed {
                source,
                draft,
                command,
            });
        }
    };
    for warning in &walked.warnings {
        let _ = writeln!(
            std::io::stderr(),
            "coach: warning: {}",
            crate::text::visible_controls(warning)
        );
    }
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
            "coach: warning: {}; it is not in the note",
            crate::text::visible_controls(problem)
        );
    }

    // A person took their time: other notes may have been written since
    // the notes were first looked at, and the new ids must not be theirs.
    if prompting {
        notes.refresh_again();
    }
    // Until the note is delivered, a signal still keeps the answers as a draft.
    let brief = (!args.no_brief)
        .then(|| since_last_time.for_note(&walked))
        .flatten();
    let finished = Finished {
        language: &language,
        walked: &walked,
        brief,
        invited: invited.as_ref(),
    };
    let written = write_note(finished, &notes, args, resumed.as_deref(), &command, out);
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
    if let Some(path) = &written {
        if !args.print_path && !args.json {
            let _ = writeln!(std::io::stderr(), "coach: wrote {}", path.display());
        }
    }
    let mut edited = close_kept(&walked, written.is_some(), config);
    edited.extend(reschedule::move_rescheduled(
        &walked,
        written.is_some(),
        config,
    ));
    shared::commit(&walked, written.as_deref(), &edited, config);
    Ok(())
}

/// A walk ready to be written: its answers and what it started from.
struct Finished<'a> {
    language: &'a Language,
    walked: &'a Walked,
    brief: Option<Brief>,
    /// The calendar invite it was started from (`--from-ics`).
    invited: Option<&'a crate::ics::invite::Invite>,
}

/// Renders the note and writes it; returns the path written (none for
/// `--output -`) and what is to be printed on standard output.
fn write_note(
    finished: Finished<'_>,
    notes: &Notes<'_>,
    args: &WalkArgs,
    resumed: Option<&std::path::Path>,
    command: &str,
    out: &mut impl Write,
) -> Result<(Option<std::path::PathBuf>, String), Error> {
    let Finished {
        language,
        walked,
        brief,
        invited,
    } = finished;
    let config = notes.config();
    let customer = walked.text("customer").unwrap_or_default();
    let meeting = walked.text("meeting");
    let date = walked.meeting_date(config.today);
    let writer = NoteWriter {
        notes_dir: &config.notes_dir,
    };
    // The folder written to is the one claimed (made if need be); a note for
    // standard output only looks its folder up, for the prep link.
    let claimed = match args.output {
        Some(_) => Ok(writer.customer_dir(&customer)),
        None => writer.claim_customer_dir(&customer),
    };
    let dir = match &claimed {
        Ok(dir) => dir.clone(),
        Err(_) => writer.customer_dir(&customer),
    };
    // A debrief links the prep note of its meeting; no other walk does.
    // The prep of the same invite first, whatever its title.
    let prep_link = (walked.checklist == "debrief")
        .then(|| {
            invite::prep_link(invited, notes, &customer, &dir, date)
                .or_else(|| NoteWriter::prep_note(&dir, meeting.as_deref(), date))
        })
        .flatten();
    let note = Note {
        language,
        walked,
        customer: customer.clone(),
        meeting: meeting.clone(),
        date,
        created: jiff::Zoned::now(),
        commitment_ids: commitment_ids(walked, args.output.is_none(), notes),
        prep_link,
        brief: brief.map(|brief| (brief.lines(), brief.open_ids)),
        invite: invited.map(crate::ics::invite::Invite::front_matter),
    };
    let markdown = note.markdown();
    if args.output.is_some() {
        return Ok((None, markdown));
    }
    let stem = NoteWriter::stem(date, meeting.as_deref(), &walked.checklist);
    let path = match claimed.and_then(|dir| writer.write(&dir, &stem, &markdown)) {
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

/// One id per commitment: kept when given, else made (only for a note that
/// is written) and checked against every other note's.
fn commitment_ids(walked: &Walked, written: bool, notes: &Notes<'_>) -> Vec<Option<String>> {
    let given: Vec<Option<String>> = walked
        .commitments()
        .map(|(_, commitment)| commitment.id.clone())
        .collect();
    if !written {
        return given;
    }
    let made: Vec<Option<String>> = given
        .iter()
        .map(|id| id.is_none().then(NoteWriter::new_commitment_id))
        .collect();
    let made = notes.unique_ids(made, NoteWriter::new_commitment_id);
    given
        .into_iter()
        .zip(made)
        .map(|(given, made)| given.or(made))
        .collect()
}

/// Closes the commitments the debrief recorded as kept, each in its own
/// note on the debrief's date, as `coach done` does; what fails is one
/// warning line each, and the debrief stays written.
fn close_kept(walked: &Walked, written: bool, config: &Config) -> Vec<Edited> {
    let ids: Vec<String> = walked
        .closed
        .iter()
        .flatten()
        .map(|promise| promise.id.clone())
        .collect();
    if ids.is_empty() {
        return Vec::new();
    }
    let mut stderr = std::io::stderr();
    if !written {
        let _ = writeln!(
            stderr,
            "coach: warning: the note was not written to the notes folder, so nothing was closed; `coach done {}` closes them",
            ids.join(" ")
        );
        return Vec::new();
    }
    let date = walked.meeting_date(config.today);
    let (closed, failed) = super::done::close_each(&ids, date, config);
    for edit in &closed {
        let _ = writeln!(
            stderr,
            "coach: {}",
            crate::text::visible_controls(&edit.line)
        );
    }
    for line in failed {
        let _ = writeln!(
            stderr,
            "coach: warning: {}",
            crate::text::visible_controls(&line)
        );
    }
    closed
}
