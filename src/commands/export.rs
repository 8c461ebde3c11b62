//! `coach export`: the meetings (one per note) and the commitments, for
//! spreadsheets (CSV), scripts (JSON) and calendar apps (iCalendar).

use std::io::Write;

use jiff::civil::Date;
use serde_json::{json, Value};

use crate::cli::{ExportArgs, ExportFormat, ExportWhat};
use crate::config::Config;
use crate::error::Error;
use crate::ics::todo::{self, DayEvent, Todo};
use crate::memory::promise::{self, Promise};
use crate::memory::{Answers, NoteRecord, Want, Which};

/// The columns of `coach export meetings --format csv`, in order.
const MEETING_COLUMNS: [&str; 6] = ["date", "customer", "checklist", "meeting", "path", "uid"];
/// The columns of `coach export commitments --format csv`, in order.
const COMMITMENT_COLUMNS: [&str; 12] = [
    "id",
    "what",
    "due",
    "who",
    "side",
    "done",
    "closed",
    "customer",
    "meeting",
    "date",
    "checklist",
    "note",
];

pub fn run(args: &ExportArgs, config: &Config, out: &mut impl Write) -> Result<(), Error> {
    if args.format == ExportFormat::Csv && args.what.is_none() {
        return Err(Error::Usage {
            message: "--format csv writes one table: meetings or commitments".to_string(),
            hint: Some(
                "`coach export meetings --format csv` or `coach export commitments --format csv`"
                    .to_string(),
            ),
        });
    }
    let archive = super::notes_source::read_notes(
        config,
        Want {
            notes: match args.what {
                Some(ExportWhat::Commitments) => Which::WithCommitments,
                _ => Which::All,
            },
            answers: Answers::None,
        },
    )?;
    let mut notes: Vec<&NoteRecord> = archive.notes.iter().collect();
    notes.sort_by(|a, b| (a.date, &a.customer, &a.path).cmp(&(b.date, &b.customer, &b.path)));
    let meetings = args.what != Some(ExportWhat::Commitments);
    let commitments = args.what != Some(ExportWhat::Meetings);
    let mut promises = promise::promises(&archive.notes, &config.me, config.today);
    promises.sort_by(|a, b| {
        (a.note.date, &a.note.path, a.commitment.line).cmp(&(
            b.note.date,
            &b.note.path,
            b.commitment.line,
        ))
    });
    let promises = if commitments { promises } else { Vec::new() };
    let notes = if meetings { notes } else { Vec::new() };
    match args.format {
        ExportFormat::Json => {
            let meeting_rows: Vec<Value> = notes
                .iter()
                .map(|note| meeting_json(note, config))
                .collect();
            let commitment_rows: Vec<Value> = promises
                .iter()
                .map(|promise| commitment_json(promise, config))
                .collect();
            let value = match args.what {
                Some(ExportWhat::Meetings) => Value::Array(meeting_rows),
                Some(ExportWhat::Commitments) => Value::Array(commitment_rows),
                None => json!({"meetings": meeting_rows, "commitments": commitment_rows}),
            };
            let text = serde_json::to_string_pretty(&value).map_err(std::io::Error::from)?;
            writeln!(out, "{text}")?;
        }
        ExportFormat::Csv => {
            // RFC 4180: CRLF line ends, fields quoted only when they need it.
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            let rows: Vec<Vec<String>> = if meetings {
                writer.write_record(MEETING_COLUMNS).map_err(csv_error)?;
                notes
                    .iter()
                    .map(|note| cells(&meeting_json(note, config), &MEETING_COLUMNS))
                    .collect()
            } else {
                writer.write_record(COMMITMENT_COLUMNS).map_err(csv_error)?;
                promises
                    .iter()
                    .map(|promise| cells(&commitment_json(promise, config), &COMMITMENT_COLUMNS))
                    .collect()
            };
            for row in rows {
                writer.write_record(row).map_err(csv_error)?;
            }
            let bytes = writer
                .into_inner()
                .map_err(|error| csv_error(error.into_error().into()))?;
            out.write_all(&bytes)?;
        }
        ExportFormat::Ics => {
            let events: Vec<DayEvent> = notes.iter().map(|note| day_event(note, config)).collect();
            let todos: Vec<Todo> = promises
                .iter()
                .map(|promise| todo_of(promise, config))
                .collect();
            let text = todo::calendar("coach", &events, &todos, jiff::Timestamp::now());
            out.write_all(text.as_bytes())?;
        }
    }
    Ok(())
}

fn csv_error(error: csv::Error) -> Error {
    Error::Stdout(std::io::Error::other(error.to_string()))
}

/// A note's path as shown: relative to the notes folder when under it.
fn shown_path(path: &std::path::Path, config: &Config) -> String {
    path.strip_prefix(&config.notes_dir)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn meeting_json(note: &NoteRecord, config: &Config) -> Value {
    json!({
        "date": note.date.to_string(),
        "customer": note.customer,
        "checklist": note.checklist,
        "meeting": note.meeting,
        "path": shown_path(&note.path, config),
        "uid": note.invite.as_ref().and_then(|invite| invite.uid.clone()),
    })
}

fn commitment_json(promise: &Promise, config: &Config) -> Value {
    let commitment = promise.commitment;
    let date = |date: Option<Date>| date.map(|date| date.to_string());
    json!({
        "id": commitment.id,
        "what": commitment.what,
        "due": date(commitment.due),
        "who": commitment.who,
        "side": promise.side.word(),
        "done": commitment.done,
        "closed": date(commitment.closed),
        "customer": promise.note.customer,
        "meeting": promise.note.meeting,
        "date": promise.note.date.to_string(),
        "checklist": promise.note.checklist,
        "note": shown_path(&promise.note.path, config),
    })
}

/// The cells of one CSV row: text as it is, no value as an empty cell.
fn cells(row: &Value, columns: &[&str]) -> Vec<String> {
    columns
        .iter()
        .map(|column| match &row[*column] {
            Value::Null => String::new(),
            Value::String(text) => text.clone(),
            other => other.to_string(),
        })
        .collect()
}

fn day_event(note: &NoteRecord, config: &Config) -> DayEvent {
    let path = shown_path(&note.path, config);
    let title = match &note.meeting {
        Some(meeting) => format!("{}: {meeting} ({})", note.customer, note.checklist),
        None => format!("{} ({})", note.customer, note.checklist),
    };
    DayEvent {
        uid: format!("{path}@coach"),
        summary: title,
        description: format!("Customer: {}\nNote: {}", note.customer, note.path.display()),
        date: note.date,
    }
}

/// A commitment as a to-do: its id names it for good (`c-k3v9q2xa@coach`);
/// one without an id is named by its note and line.
pub fn todo_of(promise: &Promise, config: &Config) -> Todo {
    let commitment = promise.commitment;
    let note = promise.note;
    let uid = match &commitment.id {
        Some(id) => format!("{id}@coach"),
        None => format!(
            "{}:{}@coach",
            shown_path(&note.path, config),
            commitment.line
        ),
    };
    let mut description = format!("Customer: {}", note.customer);
    if let Some(meeting) = &note.meeting {
        description += &format!("\nMeeting: {meeting} ({})", note.date);
    }
    if let Some(who) = &commitment.who {
        description += &format!("\nWho: {who} ({})", promise.side.word());
    }
    description += &format!("\nNote: {}", note.path.display());
    Todo {
        uid,
        summary: commitment.what.clone(),
        description,
        due: commitment.due,
        done: commitment.done.then_some(commitment.closed),
    }
}
