//! `coach due`: open commitments, most urgent first, for people and scripts.
//! Exit codes are grep's: 0 something listed, 1 nothing, 2 an error.

use std::collections::BTreeSet;
use std::io::Write;

use console::{measure_text_width, pad_str, style, Alignment};
use jiff::civil::Date;
use serde_json::{json, Value};

use crate::cli::{DueArgs, DueFormat};
use crate::config::Config;
use crate::error::Error;
use crate::exit_code;
use crate::memory::promise::{self, Promise, Side, Urgency};
use crate::memory::{Answers, NoteRecord, Want, Which};
use crate::text::{one_line, shown};

pub fn run(args: &DueArgs, config: &Config, out: &mut impl Write) -> Result<i32, Error> {
    let within = args
        .within
        .as_deref()
        .map(|span| within_limit(span, config.today))
        .transpose()?;
    // Every note only when a customer is named: its name may be any note's.
    let notes = match (&args.customer, args.all) {
        (Some(_), _) => Which::All,
        (None, true) => Which::WithCommitments,
        (None, false) => Which::WithOpenCommitments,
    };
    let want = Want {
        notes,
        answers: Answers::None,
    };
    // Each note cut down to the commitments listed as it comes: a large
    // archive is never whole in memory.
    let mut kept: Vec<NoteRecord> = Vec::new();
    // Every customer's name and folder, for `--customer`.
    let mut names: BTreeSet<(String, Option<String>)> = BTreeSet::new();
    super::notes_source::Notes::new(config).each_note(want, &mut |mut note, _| {
        if args.customer.is_some() {
            names.insert((note.customer.clone(), note.folder(&config.notes_dir)));
        }
        note.commitments.retain(|commitment| {
            let side = Side::of(commitment.who.as_deref(), &config.me);
            let urgency = Urgency::of(commitment, config.today);
            (args.all || !commitment.done)
                && (!args.mine || side == Side::Ours)
                && (!args.theirs || side == Side::Theirs)
                && (!args.overdue || urgency == Urgency::Overdue)
                && within.is_none_or(|limit| commitment.due.is_some_and(|due| due <= limit))
        });
        if !note.commitments.is_empty() {
            note.commitments.shrink_to_fit();
            note.created = None;
            kept.push(note);
        }
    })?;
    if let Some(name) = &args.customer {
        let customers = matching_customers(&names, name)?;
        kept.retain(|note| customers.contains(&note.customer));
    }
    let listed: Vec<Promise> = promise::promises(&kept, &config.me, config.today);
    if !args.quiet {
        print(&listed, args, config, out)?;
    }
    Ok(if listed.is_empty() {
        exit_code::NOTHING_LISTED
    } else {
        exit_code::SUCCESS
    })
}

/// The listed promises in the form asked for.
fn print(
    listed: &[Promise],
    args: &DueArgs,
    config: &Config,
    out: &mut impl Write,
) -> Result<(), Error> {
    if args.count {
        writeln!(out, "{}", listed.len())?;
    } else if args.json {
        // One item at a time: the array of a large archive is never whole in memory.
        write!(out, "[")?;
        for (at, promise) in listed.iter().enumerate() {
            let comma = if at == 0 { "" } else { "," };
            write!(out, "{comma}{}", to_json(promise, config))?;
        }
        writeln!(out, "]")?;
    } else if args.jsonl {
        for promise in listed {
            writeln!(out, "{}", to_json(promise, config))?;
        }
    } else if args.format == Some(DueFormat::Ics) {
        let todos: Vec<_> = listed
            .iter()
            .map(|promise| super::export::todo_of(promise, config))
            .collect();
        let calendar =
            crate::ics::todo::calendar("coach commitments", &[], &todos, jiff::Timestamp::now());
        out.write_all(calendar.as_bytes())?;
    } else if args.format == Some(DueFormat::TodoTxt) {
        for promise in listed {
            writeln!(out, "{}", todo_txt(promise, config))?;
        }
    } else {
        table(listed, config.today, out)?;
    }
    Ok(())
}

/// The last day `--within SPAN` reaches: `7d`, `2w`, `1m` from today.
fn within_limit(span: &str, today: Date) -> Result<Date, Error> {
    let refused = || {
        Error::usage(format!(
            "--within `{span}` is not a span of time (use a number and d, w or m: 7d, 2w, 1m)"
        ))
    };
    if !span.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(refused());
    }
    crate::dates::parse(&format!("+{span}"), today).map_err(|_| refused())
}

/// The customer names in the archive that `--customer NAME` means: the same
/// name in any case or spacing, or the name of its folder. `names` holds
/// each note's customer and folder.
fn matching_customers(
    names: &BTreeSet<(String, Option<String>)>,
    name: &str,
) -> Result<Vec<String>, Error> {
    let mut known: Vec<&str> = names.iter().map(|(name, _)| name.as_str()).collect();
    known.dedup();
    let folder = crate::slug::slug(name);
    let matching: Vec<String> = names
        .iter()
        .filter(|(customer, in_folder)| {
            crate::slug::same_name(customer, name)
                || folder.as_deref() == Some(project_of(customer, in_folder.clone()).as_str())
        })
        .map(|(customer, _)| customer.clone())
        .collect();
    if !matching.is_empty() {
        return Ok(matching);
    }
    let lower: Vec<String> = known.iter().map(|name| name.to_lowercase()).collect();
    let hint = crate::suggest::closest(&name.to_lowercase(), lower.iter().map(String::as_str))
        .and_then(|close| known.iter().find(|name| name.to_lowercase() == close))
        .map(|close| format!("; did you mean `{}`?", one_line(close)))
        .unwrap_or_default();
    Err(Error::usage(format!(
        "no notes for the customer `{}`{hint}",
        one_line(name)
    )))
}

/// The todo.txt project of a note: its customer folder (the first folder
/// under the notes folder), else the slug of its customer.
fn project(note: &NoteRecord, config: &Config) -> String {
    project_of(&note.customer, note.folder(&config.notes_dir))
}

fn project_of(customer: &str, folder: Option<String>) -> String {
    folder.unwrap_or_else(|| crate::slug::slug(customer).unwrap_or_else(|| "customer".to_string()))
}

fn to_json(promise: &Promise, config: &Config) -> Value {
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
        "days": commitment.due.map(|due| promise::days_between(config.today, due)),
        "customer": promise.note.customer,
        "meeting": promise.note.meeting,
        "date": promise.note.date.to_string(),
        "checklist": promise.note.checklist,
        "note": promise.note.path.display().to_string(),
        "line": commitment.line,
        "question": commitment.question,
    })
}

/// `2026-11-20 Send the plan +northwind-traders due:2026-12-05 id:c-ax0g47`,
/// with `x CLOSED ` before it when done.
fn todo_txt(promise: &Promise, config: &Config) -> String {
    let commitment = promise.commitment;
    let mut line = String::new();
    if commitment.done {
        line += "x ";
        if let Some(closed) = commitment.closed {
            line += &format!("{closed} ");
        }
    }
    line += &format!(
        "{} {} +{}",
        promise.note.date,
        shown(&commitment.what),
        project(promise.note, config)
    );
    if let Some(due) = commitment.due {
        line += &format!(" due:{due}");
    }
    if let Some(id) = &commitment.id {
        line += &format!(" id:{}", shown(id));
    }
    line
}

/// Groups under their headings, in aligned columns (wide characters count
/// double); overdue lines red on a terminal. Each line's cells are made
/// twice, for the widths and for the line, rather than held for all.
fn table(listed: &[Promise], today: Date, out: &mut impl Write) -> Result<(), Error> {
    let mut widths = [0; 6];
    for promise in listed {
        for (width, cell) in widths.iter_mut().zip(cells(promise, today)) {
            *width = (*width).max(measure_text_width(&cell));
        }
    }
    let mut heading = None;
    for promise in listed {
        if heading != Some(promise.urgency) {
            if heading.is_some() {
                writeln!(out)?;
            }
            heading = Some(promise.urgency);
            writeln!(out, "{}", style(promise.urgency.heading()).bold())?;
        }
        let cells: Vec<String> = cells(promise, today)
            .iter()
            .zip(widths)
            .map(|(cell, width)| pad_str(cell, width, Alignment::Left, None).into_owned())
            .collect();
        let line = format!("  {}", cells.join("  "));
        let line = line.trim_end();
        if promise.urgency == Urgency::Overdue {
            writeln!(out, "{}", style(line).red())?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// A line's cells: id, due date, how soon, customer, what, who.
fn cells(promise: &Promise, today: Date) -> [String; 6] {
    let commitment = promise.commitment;
    let when = match (commitment.done, commitment.closed, commitment.due) {
        (true, Some(closed), _) => format!("closed {closed}"),
        (true, None, _) => "done".to_string(),
        (false, _, Some(due)) => promise::relative(due, today),
        (false, _, None) => String::new(),
    };
    [
        commitment.id.as_deref().map(shown).unwrap_or_default(),
        commitment
            .due
            .map(|due| due.to_string())
            .unwrap_or_default(),
        when,
        shown(&promise.note.customer),
        shown(&commitment.what),
        commitment.who.as_deref().map(shown).unwrap_or_default(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::note_record::CommitmentRecord;
    use crate::memory::NoteRecord;
    use jiff::civil::date;

    fn record(customer: &str, what: &str, who: &str) -> NoteRecord {
        NoteRecord {
            path: format!("notes/{customer}/a.md").into(),
            version: 1,
            customer: customer.to_string(),
            checklist: "debrief".into(),
            meeting: None,
            date: date(2026, 11, 1),
            created: None,
            answers: Default::default(),
            invite: None,
            commitments: vec![CommitmentRecord {
                id: Some("c-aaaaaa".into()),
                what: what.to_string(),
                due: Some(date(2026, 12, 5)),
                who: Some(who.to_string()),
                done: false,
                closed: None,
                question: "promises".into(),
                line: 9,
            }],
        }
    }

    #[test]
    fn columns_line_up_with_wide_characters_and_controls_never_reach_the_terminal() {
        let notes = [
            record("北京客户", "签合同", "李雷"),
            record("Acme", "Send \u{1b}[2Jplan", "me"),
        ];
        let listed = promise::promises(&notes, &[], date(2026, 12, 1));
        let mut out = Vec::new();
        table(&listed, date(2026, 12, 1), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains('\u{1b}'), "{text:?}");
        let rows: Vec<&str> = text.lines().skip(1).collect();
        let what_at = |row: &str, what: &str| measure_text_width(&row[..row.find(what).unwrap()]);
        assert_eq!(
            what_at(rows[0], "Send"),
            what_at(rows[1], "签合同"),
            "{text}"
        );
        let who_at = |row: &str, who: &str| measure_text_width(&row[..row.rfind(who).unwrap()]);
        assert_eq!(who_at(rows[0], "me"), who_at(rows[1], "李雷"), "{text}");
    }
}
