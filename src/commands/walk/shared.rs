//! A walk's note, and the edits it made to other notes, committed as one
//! change when the notes are shared through git (`git: commit`).

use std::io::Write;
use std::path::Path;

use crate::commands::done::Edited;
use crate::config::Config;
use crate::walk::Walked;

/// One commit: `coach: debrief Acme: Kickoff (2026-12-02)`, with a line
/// per commitment the walk closed or rescheduled.
pub(super) fn commit(walked: &Walked, written: Option<&Path>, edited: &[Edited], config: &Config) {
    let Some(note) = written.filter(|_| config.git) else {
        return;
    };
    let customer = walked.text("customer").unwrap_or_default();
    let meeting = walked
        .text("meeting")
        .map(|meeting| format!(": {meeting}"))
        .unwrap_or_default();
    let date = walked.meeting_date(config.today);
    let mut message = format!("coach: {} {customer}{meeting} ({date})", walked.checklist);
    if !edited.is_empty() {
        message.push('\n');
        for edit in edited {
            message += &format!("\n- {}", edit.line);
        }
    }
    let mut paths = vec![note.to_path_buf()];
    // The customer folder's marker, written with its first note.
    if let Some(marker) = note
        .parent()
        .map(|folder| folder.join(crate::notes::note_writer::OWNER_FILE))
        .filter(|marker| marker.is_file())
    {
        paths.push(marker);
    }
    paths.extend(edited.iter().map(|edit| edit.path.clone()));
    if let Err(why) = crate::notes::git::commit(&config.notes_dir, &paths, &message) {
        let line = format!("coach: warning: the note is written but not committed: {why}");
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            crate::text::visible_controls(&line)
        );
    }
}
