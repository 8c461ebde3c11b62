//! Acme's earlier debrief with promises, and a small pack to debrief with:
//! the fixture of the tests of a debrief's closing and rescheduling steps.

use crate::support::notes_dir::{NotesDir, Run};

/// A pack whose debrief asks one question.
pub const PACK: &str = "\
patterns:
  - id: talk
    name: Talk
    summary: Talk it over.
    questions:
      debrief:
        - id: went
          ask: How did it go?
          kind: text
checklists:
  - id: debrief
    start: [talk]
";

/// Where Acme's earlier debrief lies under the notes folder.
pub const ACME: &str = "acme/2026-12-01-debrief.md";

/// A notes folder holding `earlier` as Acme's note, and `pack/` with [`PACK`].
pub fn with_note(prefix: &str, earlier: &str) -> NotesDir {
    let dir = NotesDir::new(prefix);
    dir.write(ACME, earlier);
    std::fs::create_dir_all(dir.root().join("pack")).unwrap();
    std::fs::write(dir.root().join("pack/a.yaml"), PACK).unwrap();
    dir
}

/// A scripted debrief of Acme's Follow-up on `date` with these answers and
/// `more` arguments, run on `today`, with the pack alone.
pub fn debrief(dir: &NotesDir, (date, today): (&str, &str), answers: &str, more: &[&str]) -> Run {
    std::fs::write(dir.root().join("answers.yaml"), answers).unwrap();
    let mut args = vec![
        "--no-builtin",
        "--patterns",
        "pack",
        "debrief",
        "--customer",
        "Acme",
        "--meeting",
        "Follow-up",
        "--date",
        date,
        "--answers",
        "answers.yaml",
        "--no-input",
    ];
    args.extend(more);
    dir.coach_on(today, &args)
}
