//! `coach prep`, `coach debrief`, `coach walk CHECKLIST`: walk a checklist and write a note.

use std::io::Write;

use serde_json::json;

use crate::answers_file;
use crate::cli::WalkArgs;
use crate::config::Config;
use crate::draft;
use crate::error::Error;
use crate::language::Language;
use crate::note::Note;
use crate::note_writer::NoteWriter;
use crate::prompter::Prompter;
use crate::terminal_prompter::TerminalPrompter;
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
        Some(path) => draft::load(path)?,
        None => SoFar::default(),
    };
    answers_file::merge(&mut given, answers_file::collect(&args.answers)?);

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
    let mut terminal =
        prompting.then(|| TerminalPrompter::new(&language, config.editor.clone(), config.today));
    let walked = match walk.run(
        terminal
            .as_mut()
            .map(|prompter| prompter as &mut dyn Prompter),
    ) {
        Ok(walked) => walked,
        Err(WalkError::Invalid(problems)) => return Err(Error::Answers(problems)),
        Err(WalkError::Interrupted(so_far)) => {
            let draft = keep_draft(config, checklist, &so_far, resumed.as_deref());
            return Err(Error::Interrupted { draft, command });
        }
        Err(WalkError::Failed(source, so_far)) => {
            let draft = keep_draft(config, checklist, &so_far, resumed.as_deref());
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

    let written = write_note(&language, &walked, config, args, out)?;
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

/// Saves what was answered before the walk stopped; the new draft replaces
/// the one it resumed, which it contains.
fn keep_draft(
    config: &Config,
    checklist: &str,
    so_far: &SoFar,
    resumed: Option<&std::path::Path>,
) -> Result<std::path::PathBuf, String> {
    let terminal = console::Term::stderr();
    let _ = terminal.show_cursor();
    // The prompt was left mid-line.
    let _ = terminal.write_line("");
    let saved =
        draft::save(&config.notes_dir, checklist, so_far).map_err(|error| error.to_string());
    if let (Ok(_), Some(old)) = (&saved, resumed) {
        let _ = std::fs::remove_file(old);
    }
    saved
}

fn newest_draft(
    config: &Config,
    checklist: &str,
    command: &str,
) -> Result<std::path::PathBuf, Error> {
    draft::newest(&config.notes_dir, checklist).ok_or_else(|| Error::Usage {
        message: format!(
            "no draft of a `{checklist}` walk in {}",
            draft::dir(&config.notes_dir).display()
        ),
        hint: Some(format!("start a new walk with `{command}`")),
    })
}

/// Renders the note and writes it (or prints it); returns the path written.
fn write_note(
    language: &Language,
    walked: &Walked,
    config: &Config,
    args: &WalkArgs,
    out: &mut impl Write,
) -> Result<Option<std::path::PathBuf>, Error> {
    let customer = walked.text("customer").unwrap_or_default();
    let meeting = walked.text("meeting");
    let date = match walked.answer("date") {
        Some(crate::answer::Answer::Date(date)) => *date,
        _ => config.today,
    };
    let writer = NoteWriter {
        notes_dir: &config.notes_dir,
    };
    let dir = writer.customer_dir(&customer);
    let prep_link = (walked.checklist != "prep")
        .then(|| NoteWriter::prep_note(&dir, meeting.as_deref(), date))
        .flatten();
    let note = Note {
        language,
        walked,
        customer: customer.clone(),
        meeting: meeting.clone(),
        date,
        created: jiff::Zoned::now(),
        commitment_ids: writer.new_commitment_ids(walked.commitments().count()),
        prep_link,
    };
    let markdown = note.markdown();
    if args.output.is_some() {
        out.write_all(markdown.as_bytes())?;
        return Ok(None);
    }
    let stem = NoteWriter::stem(date, meeting.as_deref(), &walked.checklist);
    let path = match writer.write(&customer, &dir, &stem, &markdown) {
        Ok(path) => path,
        Err(source) => {
            let so_far = SoFar {
                answers: walked
                    .answers
                    .iter()
                    .map(|(question, answer)| (question.id.clone(), answer.to_value()))
                    .collect(),
                skipped: walked.skipped.clone(),
            };
            let saved = draft::save(&config.notes_dir, &walked.checklist, &so_far)
                .map_err(|error| error.to_string());
            out.write_all(markdown.as_bytes())?;
            return Err(Error::NoteNotWritten {
                path: dir.join(format!("{stem}.md")),
                source,
                draft: saved,
            });
        }
    };
    if args.print_path {
        writeln!(out, "{}", path.display())?;
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
        serde_json::to_writer_pretty(&mut *out, &summary).map_err(std::io::Error::from)?;
        writeln!(out)?;
    }
    Ok(Some(path))
}
