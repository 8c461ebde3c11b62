//! `coach open [last|ID|CUSTOMER]` (issue 11, section 5): the note it
//! names, in the editor at a terminal, as a path otherwise; an edit made
//! there shows up at the next run.

use crate::pty::{Place, Pty};
use crate::support::notes_dir::NotesDir;

const ACME_OLD: &str = "---\ncoach: 1\nchecklist: prep\ncustomer: Acme\nmeeting: Kickoff\ndate: \"2026-11-01\"\ncreated: \"2026-11-01T09:00:00+00:00\"\nanswers:\n  goal: Agree\n---\n";
const ACME_NEW: &str = "---\ncoach: 1\nchecklist: debrief\ncustomer: Acme\nmeeting: Kickoff\ndate: \"2026-11-02\"\ncreated: \"2026-11-02T09:00:00+00:00\"\nanswers:\n  promises:\n  - id: c-open0001\n    what: Send the plan\n    due: \"2026-12-05\"\n    who: me\n    done: false\n---\n\n## Commitments\n\n- [ ] Send the plan (due 2026-12-05, me) `c-open0001`\n";
const GLOBEX: &str = "---\ncoach: 1\nchecklist: prep\ncustomer: Globex\nmeeting: Intro\ndate: \"2026-10-01\"\ncreated: \"2026-11-05T09:00:00+00:00\"\nanswers:\n  goal: Meet\n---\n";

fn notes() -> NotesDir {
    let dir = NotesDir::new("coach-open");
    dir.write("acme/2026-11-01-kickoff-prep.md", ACME_OLD);
    dir.write("acme/2026-11-02-kickoff-debrief.md", ACME_NEW);
    dir.write("globex/2026-10-01-intro-prep.md", GLOBEX);
    dir
}

fn opened(dir: &NotesDir, args: &[&str]) -> String {
    let mut all = vec!["open"];
    all.extend_from_slice(args);
    let run = dir.coach_on("2026-12-01", &all);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let path = run.stdout.trim_end().to_string();
    assert!(
        std::path::Path::new(&dir.root().join(&path)).is_file(),
        "{path}"
    );
    path
}

#[test]
fn without_a_terminal_open_prints_the_path_of_the_note_it_names() {
    let dir = notes();
    // The note written last, whatever its meeting date.
    assert!(opened(&dir, &[]).ends_with("globex/2026-10-01-intro-prep.md"));
    assert!(opened(&dir, &["last"]).ends_with("globex/2026-10-01-intro-prep.md"));
    // The note holding a commitment, by a prefix of its id.
    assert!(opened(&dir, &["c-open"]).ends_with("acme/2026-11-02-kickoff-debrief.md"));
    // A customer's latest note, any case.
    assert!(opened(&dir, &["ACME"]).ends_with("acme/2026-11-02-kickoff-debrief.md"));
}

#[test]
fn an_unknown_customer_or_id_is_a_usage_error_with_a_suggestion() {
    let dir = notes();
    let run = dir.coach_on("2026-12-01", &["open", "Acmee"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("did you mean `Acme`?"),
        "{}",
        run.stderr
    );
    let run = dir.coach_on("2026-12-01", &["open", "c-zzz"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("no commitment has the id `c-zzz`"),
        "{}",
        run.stderr
    );
    let empty = NotesDir::new("coach-open-empty");
    let run = empty.coach_on("2026-12-01", &["open"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("there are no notes yet"),
        "{}",
        run.stderr
    );
}

#[test]
fn at_a_terminal_open_runs_the_editor_and_the_next_run_sees_the_edit() {
    let place = Place::new();
    place.write("notes/acme/2026-11-02-kickoff-debrief.md", ACME_NEW);
    // An editor that moves the due date, as a person would.
    let editor = place.write(
        "editor.sh",
        "#!/bin/sh\nsed -i 's/2026-12-05/2026-12-19/g' \"$1\"\necho edited \"$1\"\n",
    );
    make_executable(&editor);
    let mut command = place.command(&["--today", "2026-12-01", "open", "c-open0001"]);
    command.env("EDITOR", &editor);
    let mut coach = Pty::spawn(command);
    coach.expect("edited ");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let due = place
        .command(&["--today", "2026-12-01", "due", "--json"])
        .output()
        .unwrap();
    let due = String::from_utf8_lossy(&due.stdout);
    assert!(due.contains("\"due\":\"2026-12-19\""), "{due}");
}

fn make_executable(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}
