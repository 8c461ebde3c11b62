//! `coach history CUSTOMER`: one relationship at a glance: its meetings
//! newest first, its review scores over time and how promises were kept.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;

use console::{measure_text_width, pad_str, style, Alignment};
use serde_json::{json, Value};

use crate::cli::HistoryArgs;
use crate::config::Config;
use crate::error::Error;
use crate::memory::archive::sort_notes;
use crate::memory::promise::{Side, Urgency};
use crate::memory::relationship::{self, Customer, Record, ReviewScales};
use crate::memory::{Answers, NoteRecord, Want, Which};
use crate::text::{one_line, shown};

pub fn run(args: &HistoryArgs, config: &Config, out: &mut impl Write) -> Result<(), Error> {
    let since = args
        .since
        .as_deref()
        .map(|text| {
            crate::dates::parse(text, config.today)
                .map_err(|error| Error::usage(format!("--since: {error}")))
        })
        .transpose()?;
    let notes = find(&args.customer, config)?;
    let mut customer = Customer::of(&notes);
    customer
        .notes
        .retain(|note| since.is_none_or(|since| note.date >= since));
    // On one day the prep comes first, then the others as written.
    customer.notes.sort_by_key(|note| {
        (
            note.date,
            note.checklist != "prep",
            note.created.clone(),
            note.path.clone(),
        )
    });
    let scales = super::review_scales(config);
    let questions = customer.review_questions(&scales);
    let (ours, theirs) = relationship::promise_record(&customer.notes, &config.me, config.today);
    if args.json {
        let value = json!({
            "customer": customer.name,
            "since": since.map(|date| date.to_string()),
            "notes": customer.notes.iter().rev().map(|note| note_json(note, config)).collect::<Vec<_>>(),
            "review": questions.iter().map(|(id, values)| json!({
                "question": id,
                "values": values.iter().map(|(date, value)| json!({"date": date.to_string(), "value": value})).collect::<Vec<_>>(),
                "latest": values.last().map(|(_, value)| value),
                "change": change(values),
            })).collect::<Vec<_>>(),
            "promises": {"ours": record_json(&ours), "theirs": record_json(&theirs)},
        });
        writeln!(out, "{value}")?;
        return Ok(());
    }
    writeln!(out, "{}", style(shown(&customer.name)).bold())?;
    let width = customer
        .notes
        .iter()
        .map(|note| measure_text_width(&shown(&note.checklist)))
        .max()
        .unwrap_or(0);
    for note in customer.notes.iter().rev() {
        timeline_entry(note, width, &scales, config, out)?;
    }
    if !questions.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style("Reviews").bold())?;
        let width = questions
            .iter()
            .map(|(id, _)| measure_text_width(id))
            .max()
            .unwrap_or(0);
        for (id, values) in &questions {
            let bars: Vec<f64> = values.iter().map(|(_, value)| *value).collect();
            let latest = bars.last().copied().unwrap_or_default();
            let change = change(values)
                .map(|change| format!("  {change:+}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}  {}  {latest}{change}",
                pad_str(&shown(id), width, Alignment::Left, None),
                relationship::sparkline(&bars),
            )?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", style("Promises").bold())?;
    writeln!(
        out,
        "  {:<7}  {:>7}  {:>4}  {:>7}  {:>4}",
        "", "on time", "late", "overdue", "open"
    )?;
    for (side, record) in [("ours", ours), ("theirs", theirs)] {
        let undated = if record.kept_undated > 0 {
            format!("  ({} done without a closing date)", record.kept_undated)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {side:<7}  {:>7}  {:>4}  {:>7}  {:>4}{undated}",
            record.kept_on_time, record.kept_late, record.overdue, record.open
        )?;
    }
    Ok(())
}

/// The notes of the customer `typed` names: the same name in any case or
/// spacing, or the name of its folder; else a usage error with the nearest
/// name. One pass over the notes, keeping only that customer's.
pub(super) fn find(typed: &str, config: &Config) -> Result<Vec<NoteRecord>, Error> {
    let wanted = relationship::key(typed);
    let folder = crate::slug::slug(typed);
    let want = |notes| Want {
        notes,
        answers: Answers::Numbers,
    };
    let source = super::notes_source::Notes::new(config);
    let mut by_name: Vec<NoteRecord> = Vec::new();
    // Each customer's newest note, its name (for "did you mean") and how
    // many notes they have.
    let mut newest: BTreeMap<String, (jiff::civil::Date, PathBuf, String, usize)> = BTreeMap::new();
    // The customers with a note in the folder `typed` names, and their
    // notes from the first one found there on.
    let mut in_folder: BTreeSet<String> = BTreeSet::new();
    let mut by_folder: Vec<NoteRecord> = Vec::new();
    source.each_note(want(Which::All), &mut |note, key| {
        let key = key.to_string();
        if folder.is_some() && folder == note.folder(&config.notes_dir) {
            in_folder.insert(key.clone());
        }
        let seen = newest.entry(key.clone()).or_default();
        seen.3 += 1;
        if seen.3 == 1 || (note.date, &note.path) > (seen.0, &seen.1) {
            (seen.0, seen.1, seen.2) = (note.date, note.path.clone(), note.customer.clone());
        }
        if key == wanted {
            by_name.push(note);
        } else if in_folder.contains(&key) {
            by_folder.push(note);
        }
    })?;
    // The name itself wins; a folder name only when no customer is called so
    // (a note moved by hand into another customer's folder keeps its own
    // name): the first such customer by key, all of their notes.
    if !by_name.is_empty() {
        sort_notes(&mut by_name);
        return Ok(by_name);
    }
    if let Some(key) = in_folder.first() {
        by_folder.retain(|note| relationship::key(&note.customer) == *key);
        let all = newest.get(key).map(|seen| seen.3);
        if Some(by_folder.len()) == all {
            sort_notes(&mut by_folder);
            return Ok(by_folder);
        }
        // Some came before the first one in the folder: asked for again.
        return Ok(source.read_again(want(Which::Customer(key)))?.notes);
    }
    let names: Vec<String> = newest.into_values().map(|(_, _, name, _)| name).collect();
    let lower: Vec<String> = names.iter().map(|name| name.to_lowercase()).collect();
    let hint = crate::suggest::closest(&wanted, lower.iter().map(String::as_str))
        .and_then(|close| names.iter().find(|name| name.to_lowercase() == close))
        .map(|close| format!("; did you mean `{}`?", one_line(close)))
        .unwrap_or_default();
    Err(Error::usage(format!(
        "no notes for the customer `{}`{hint}",
        one_line(typed)
    )))
}

/// The change from the previous value to the latest.
fn change(values: &[(jiff::civil::Date, f64)]) -> Option<f64> {
    match values {
        [.., (_, previous), (_, latest)] => Some(latest - previous),
        _ => None,
    }
}

/// A note's line (its rating, or its score when a review), then the
/// commitments it holds.
fn timeline_entry(
    note: &NoteRecord,
    width: usize,
    scales: &ReviewScales,
    config: &Config,
    out: &mut impl Write,
) -> Result<(), Error> {
    let rating = match (relationship::rating(note), scales.score(note)) {
        (Some(rating), _) if note.checklist != relationship::REVIEW => {
            format!("  rated {rating}")
        }
        (_, Some(score)) if note.checklist == relationship::REVIEW => {
            format!("  score {score:.1}")
        }
        _ => String::new(),
    };
    // A note without a meeting title (a review) has no gap for one.
    let title = note
        .meeting
        .as_deref()
        .map(|title| format!("  {}", shown(title)))
        .unwrap_or_default();
    let line = format!(
        "{}  {}{title}{rating}",
        note.date,
        pad_str(&shown(&note.checklist), width, Alignment::Left, None),
    );
    writeln!(out, "{}", line.trim_end())?;
    for commitment in &note.commitments {
        let state = match (commitment.done, commitment.closed) {
            (true, Some(closed)) => format!("done {closed}"),
            (true, None) => "done".to_string(),
            (false, _) => "open".to_string(),
        };
        let due = commitment
            .due
            .map(|due| format!(", due {due}"))
            .unwrap_or_default();
        let who = commitment
            .who
            .as_deref()
            .map(|who| format!(", {}", shown(who)))
            .unwrap_or_default();
        let side = Side::of(commitment.who.as_deref(), &config.me);
        let line = format!(
            "    [{}] {}{due}{who} ({state}, {})",
            if commitment.done { "x" } else { " " },
            shown(&commitment.what),
            side.word()
        );
        if Urgency::of(commitment, config.today) == Urgency::Overdue {
            writeln!(out, "{}", style(line).red())?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn note_json(note: &NoteRecord, config: &Config) -> Value {
    let date = |date: Option<jiff::civil::Date>| date.map(|date| date.to_string());
    json!({
        "date": note.date.to_string(),
        "checklist": note.checklist,
        "meeting": note.meeting,
        "rating": relationship::rating(note),
        "note": note.path.display().to_string(),
        "commitments": note.commitments.iter().map(|commitment| json!({
            "id": commitment.id,
            "what": commitment.what,
            "due": date(commitment.due),
            "who": commitment.who,
            "side": Side::of(commitment.who.as_deref(), &config.me).word(),
            "done": commitment.done,
            "closed": date(commitment.closed),
        })).collect::<Vec<_>>(),
    })
}

fn record_json(record: &Record) -> Value {
    json!({
        "kept_on_time": record.kept_on_time,
        "kept_late": record.kept_late,
        "kept_undated": record.kept_undated,
        "overdue": record.overdue,
        "open": record.open,
    })
}
