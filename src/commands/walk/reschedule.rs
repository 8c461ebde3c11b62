//! After the debrief's note is written: the new due dates it recorded,
//! each written into the commitment's own note by the byte-minimal editor.

use std::io::Write;

use crate::commands::done::Edited;
use crate::config::Config;
use crate::memory::edit::Change;
use crate::walk::Walked;

/// Gives the commitments the debrief rescheduled their new due dates;
/// what fails is one warning line each, and the debrief stays written.
pub(super) fn move_rescheduled(walked: &Walked, written: bool, config: &Config) -> Vec<Edited> {
    if walked.rescheduled.is_empty() {
        return Vec::new();
    }
    let mut stderr = std::io::stderr();
    if !written {
        let moved: Vec<String> = walked
            .rescheduled
            .iter()
            .map(|moved| format!("{} to {}", moved.promise.id, moved.to))
            .collect();
        let _ = writeln!(
            stderr,
            "coach: warning: the note was not written to the notes folder, so nothing was rescheduled; change the `due:` of {} by hand",
            moved.join(", ")
        );
        return Vec::new();
    }
    let changes: Vec<(String, Change)> = walked
        .rescheduled
        .iter()
        .map(|moved| (moved.promise.id.clone(), Change::Reschedule(moved.to)))
        .collect();
    let (moved, failed) = crate::commands::done::change_each(&changes, config);
    for edit in &moved {
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
    moved
}
