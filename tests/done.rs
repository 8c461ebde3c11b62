//! `coach done` and `coach reopen`: one-line edits of a note, by whole id or
//! prefix, reported not guessed, safe when two processes edit one note.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::notes_dir::{NotesDir, Run};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

/// A notes folder kept across runs, "today" 2026-12-03.
struct Notes(NotesDir);

impl std::ops::Deref for Notes {
    type Target = NotesDir;
    fn deref(&self) -> &NotesDir {
        &self.0
    }
}

impl Notes {
    fn new() -> Self {
        Notes(NotesDir::new("coach-done"))
    }

    /// `coach --notes-dir notes --today 2026-12-03 ARGS`, no terminal.
    fn command(&self, args: &[&str]) -> Command {
        self.0.command("2026-12-03", args)
    }

    #[track_caller]
    fn coach(&self, args: &[&str]) -> Run {
        self.coach_on("2026-12-03", args)
    }
}

/// A note with the given commitments (`id|what|due|who|done`), in the format.
fn note(customer: &str, commitments: &[(&str, &str, &str, &str, bool)]) -> String {
    let mut front = format!(
        "---\ncoach: 1\nchecklist: debrief\ncustomer: {customer}\nmeeting: null\ndate: \"2026-12-01\"\nanswers:\n  overall: 4\n  promises:\n"
    );
    let mut body = format!("\n# {customer}\n\n## Commitments\n\n");
    for (id, what, due, who, done) in commitments {
        front += &format!(
            "  - id: {id}\n    what: {what}\n    due: \"{due}\"\n    who: {who}\n    done: {done}\n"
        );
        let mark = if *done { "x" } else { " " };
        body += &format!("- [{mark}] {what} (due {due}, {who}) `{id}`\n");
    }
    format!("{front}---\n{body}\n## Reminders\n\n- Keep them posted.\n")
}

const ACME: &str = "acme/2026-12-01-debrief.md";
const GLOBEX: &str = "globex/2026-12-01-debrief.md";

/// Acme with two open promises, Globex with one; no two ids share 4 characters.
fn two_customers() -> Notes {
    let notes = Notes::new();
    notes.write(
        ACME,
        &note(
            "Acme",
            &[
                ("c-k3v9q2xa", "Send the plan", "2026-12-05", "me", false),
                (
                    "c-k3b00000",
                    "Share the figures",
                    "2026-12-08",
                    "Dana Lee",
                    false,
                ),
            ],
        ),
    );
    notes.write(
        GLOBEX,
        &note(
            "Globex",
            &[("c-zz000000", "Book the workshop", "2026-12-01", "me", false)],
        ),
    );
    notes
}

/// The lines of `after` that differ from `before`, as (before, after) pairs
/// of whole lines; `after` may have one line more.
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    let diff = similar_lines(before, after);
    diff.into_iter().filter(|(old, new)| old != new).collect()
}

/// Lines paired up to the first inserted line (a `closed:` line), then
/// shifted by one.
fn similar_lines(before: &str, after: &str) -> Vec<(String, String)> {
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let o = old.get(i).copied().unwrap_or_default();
        let n = new.get(j).copied().unwrap_or_default();
        if o != n && n.trim_start().starts_with("closed:") {
            pairs.push((String::new(), n.to_string()));
            j += 1;
            continue;
        }
        pairs.push((o.to_string(), n.to_string()));
        i += 1;
        j += 1;
    }
    pairs
}

#[test]
fn closing_by_whole_id_changes_the_done_line_adds_closed_and_ticks_the_task() {
    let notes = two_customers();
    let before = notes.read(ACME);
    let run = notes.coach(&["done", "c-k3v9q2xa"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout, "closed c-k3v9q2xa  Send the plan (Acme)\n",
        "{}",
        run.stderr
    );
    let after = notes.read(ACME);
    assert_eq!(
        changed_lines(&before, &after),
        [
            ("    done: false\n".into(), "    done: true\n".into()),
            (String::new(), "    closed: \"2026-12-03\"\n".into()),
            (
                "- [ ] Send the plan (due 2026-12-05, me) `c-k3v9q2xa`\n".into(),
                "- [x] Send the plan (due 2026-12-05, me) `c-k3v9q2xa`\n".into()
            ),
        ]
    );
    // `false` became `true`, one byte less, and one line was added.
    assert_eq!(
        after.len(),
        before.len() - 1 + "    closed: \"2026-12-03\"\n".len()
    );
    assert_eq!(
        notes.read(GLOBEX),
        note_of_globex(),
        "the other note is untouched"
    );
}

fn note_of_globex() -> String {
    note(
        "Globex",
        &[("c-zz000000", "Book the workshop", "2026-12-01", "me", false)],
    )
}

#[test]
fn a_unique_prefix_with_or_without_c_is_enough_and_reopen_restores_every_byte() {
    let notes = two_customers();
    let before = std::fs::read(notes.path(ACME)).unwrap();
    let run = notes.coach(&["done", "k3v", "c-zz"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "closed c-k3v9q2xa  Send the plan (Acme)\nclosed c-zz000000  Book the workshop (Globex)\n"
    );
    assert_eq!(
        changed_lines(&String::from_utf8_lossy(&before), &notes.read(ACME)).len(),
        3
    );

    let run = notes.coach(&["reopen", "k3v9", "zz0"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "reopened c-k3v9q2xa  Send the plan (Acme)\nreopened c-zz000000  Book the workshop (Globex)\n"
    );
    assert_eq!(std::fs::read(notes.path(ACME)).unwrap(), before);
    assert_eq!(notes.read(GLOBEX), note_of_globex());
}

#[test]
fn an_ambiguous_prefix_lists_the_candidates_and_changes_nothing() {
    let notes = two_customers();
    let run = notes.coach(&["done", "k3", "zz"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "coach: error: `k3` is the start of 2 ids: c-k3b00000, c-k3v9q2xa; type more of it"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was changed"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(notes.read(GLOBEX), note_of_globex(), "no id is applied");
}

#[test]
fn an_unknown_id_gets_a_did_you_mean_and_exits_2() {
    let notes = two_customers();
    let run = notes.coach(&["reopen", "c-k3v9q2xb"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "coach: error: no commitment has the id `c-k3v9q2xb`; did you mean `c-k3v9q2xa`?"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn already_done_and_already_open_are_reported_and_the_other_ids_still_apply() {
    let notes = two_customers();
    assert_eq!(notes.coach(&["done", "k3v"]).status, 0);
    let run = notes.coach(&["done", "k3v", "zz"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "closed c-zz000000  Book the workshop (Globex)\n"
    );
    let path = Path::new("notes").join(ACME);
    assert!(
        run.stderr.contains(&format!(
            "coach: error: {}: commitment `c-k3v9q2xa` is already done (closed 2026-12-03); `coach reopen c-k3v9q2xa` opens it again",
            path.display()
        )),
        "{}",
        run.stderr
    );
    let run = notes.coach(&["reopen", "k3b"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("commitment `c-k3b00000` is already open; `coach done c-k3b00000` closes it"),
        "{}",
        run.stderr
    );
}

#[test]
fn date_sets_the_closing_date_and_a_bad_one_is_a_usage_error() {
    let notes = two_customers();
    let run = notes.coach(&["done", "k3v", "--date", "yesterday"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(notes
        .read(ACME)
        .contains("    done: true\n    closed: \"2026-12-02\"\n"));
    let run = notes.coach(&["done", "zz", "--date", "2026-11-30"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(notes.read(GLOBEX).contains("    closed: \"2026-11-30\"\n"));
    let run = notes.coach(&["done", "k3b", "--date", "someday"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("--date: `someday` is not a date"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_note_edited_so_the_commitment_cannot_be_found_with_certainty_is_reported_not_guessed() {
    let notes = two_customers();
    // The task line of the Acme promise deleted by hand.
    let edited = notes.read(ACME).replace(
        "- [ ] Send the plan (due 2026-12-05, me) `c-k3v9q2xa`\n",
        "",
    );
    notes.write(ACME, &edited);
    let run = notes.coach(&["done", "k3v"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let path = Path::new("notes").join(ACME);
    assert!(
        run.stderr.contains(&format!(
            "coach: error: {}: no task line `- [ ] ...` naming `c-k3v9q2xa`",
            path.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(notes.read(ACME), edited, "nothing written");

    // The same id pasted into another note: never guess which one is meant.
    notes.write(
        "initech/2026-12-02-debrief.md",
        &note(
            "Initech",
            &[("c-zz000000", "Book the workshop", "2026-12-01", "me", false)],
        ),
    );
    let run = notes.coach(&["done", "zz"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("commitment `c-zz000000` is in 2 notes: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("globex") && run.stderr.contains("initech"));
    assert_eq!(notes.read(GLOBEX), note_of_globex());
}

#[test]
fn due_no_longer_lists_a_closed_one_and_all_shows_it_with_its_closing_date() {
    let notes = two_customers();
    assert_eq!(
        notes.coach(&["done", "k3v", "--date", "2026-12-02"]).status,
        0
    );
    let due = notes.coach(&["due"]);
    assert!(!due.stdout.contains("c-k3v9q2xa"), "{}", due.stdout);
    assert!(due.stdout.contains("c-k3b00000"), "{}", due.stdout);
    let all = notes.coach(&["due", "--all"]);
    let line = all
        .stdout
        .lines()
        .find(|line| line.contains("c-k3v9q2xa"))
        .unwrap_or_else(|| panic!("{}", all.stdout));
    assert!(line.contains("closed 2026-12-02"), "{line}");
}

#[test]
fn one_unreadable_note_is_a_warning_and_never_hides_the_rest() {
    let notes = two_customers();
    notes.write("acme/broken.md", "---\ncoach: 1\ncustomer: [\n---\n");
    let run = notes.coach(&["done", "zz"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("coach: warning: "), "{}", run.stderr);
    assert!(run.stderr.contains("broken.md"), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "closed c-zz000000  Book the workshop (Globex)\n"
    );
    // An id not found while a note is unreadable says where it may be.
    let run = notes.coach(&["done", "c-qq000000"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("1 note could not be read"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_an_id_and_without_a_terminal_done_is_a_usage_error() {
    let notes = two_customers();
    let run = notes.coach(&["done"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`coach done ID...`"), "{}", run.stderr);
    let run = notes.coach(&["reopen"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
}

// Regression guard for the compare and swap: the second of two editors of
// one note must see the first one's edit instead of writing over it.
#[test]
fn two_done_on_one_note_at_the_same_moment_both_land() {
    for _ in 0..10 {
        let notes = two_customers();
        let first = notes
            .command(&["done", "k3v"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let second = notes
            .command(&["done", "k3b"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        for child in [first, second] {
            let run = Run::from(child.wait_with_output().unwrap());
            assert_eq!(run.status, 0, "{}", run.stderr);
        }
        let text = notes.read(ACME);
        assert_eq!(
            text.matches("    done: true\n    closed: \"2026-12-03\"\n")
                .count(),
            2,
            "{text}"
        );
        assert_eq!(text.matches("- [x] ").count(), 2, "{text}");
    }
}

/// `text` with the Acme promise `c-k3v9q2xa` closed on 2026-12-03.
fn closed_acme(text: &str) -> String {
    text.replacen(
        "    who: me\n    done: false\n",
        "    who: me\n    done: true\n    closed: \"2026-12-03\"\n",
        1,
    )
    .replace("- [ ] Send the plan", "- [x] Send the plan")
}

// `coach done` racing another writer (an editor saving by rename, without a
// lock): coach never leaves a torn or mixed file, and when it says it failed
// the writer's latest save is what remains. A writer that neither locks nor
// reads the note again can still lose to coach in the microseconds between
// coach's last check and its rename (docs/notes.md): so the file ends as the
// writer's latest save, or as one of the writer's saves closed, never as
// anything else.
#[test]
fn done_racing_another_writer_leaves_a_whole_version_and_is_refused_cleanly() {
    // From back-to-back writes (coach is refused) to writes far enough
    // apart that coach lands between two of them.
    for pause in [0, 0, 1, 2, 5, 10, 20] {
        let notes = two_customers();
        let original = notes.read(ACME);
        let path = notes.path(ACME);
        let mut child = notes
            .command(&["done", "k3v"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut saves = vec![original.clone()];
        let started = Instant::now();
        loop {
            let done = child.try_wait().unwrap().is_some();
            if done && saves.len() > 1 {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "coach hangs");
            let version = format!("{original}- writer's line {}\n", saves.len());
            let temporary = path.with_file_name(format!("writer-{}.tmp", saves.len()));
            std::fs::write(&temporary, &version).unwrap();
            std::fs::rename(&temporary, &path).unwrap();
            saves.push(version);
            std::thread::sleep(Duration::from_millis(pause));
        }
        let run = Run::from(child.wait_with_output().unwrap());
        let now = notes.read(ACME);
        let last = saves.last().unwrap();
        if run.status == 0 {
            assert!(
                now == *last || saves.iter().any(|save| now == closed_acme(save)),
                "neither a save nor a closed save:\n{now}"
            );
        } else {
            assert_eq!(run.status, 1, "{}", run.stderr);
            assert!(
                run.stderr.contains("changed while coach was editing it"),
                "{}",
                run.stderr
            );
            assert_eq!(now, *last);
        }
    }
}

#[test]
fn a_closed_note_fed_back_into_a_walk_keeps_its_closing_date() {
    let notes = Notes::new();
    for (walk, answers) in [
        ("prep", "prep-answers.yaml"),
        ("debrief", "debrief-answers.yaml"),
    ] {
        let answers = format!("{EXAMPLES}/{answers}");
        let run = notes.coach(&[walk, "--no-input", "--answers", &answers]);
        assert_eq!(run.status, 0, "{}", run.stderr);
    }
    let debrief = notes.path("northwind-traders/2026-12-01-pilot-kickoff-debrief.md");
    let text = std::fs::read_to_string(&debrief).unwrap();
    let front: serde_yaml::Value =
        serde_yaml::from_str(text.split("---\n").nth(1).unwrap()).unwrap();
    let id = front["answers"]["promises"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        notes.coach(&["done", &id, "--date", "2026-12-02"]).status,
        0
    );

    let text = std::fs::read_to_string(&debrief).unwrap();
    let front: serde_yaml::Value =
        serde_yaml::from_str(text.split("---\n").nth(1).unwrap()).unwrap();
    let mut answers = front["answers"].as_mapping().unwrap().clone();
    for header in ["customer", "meeting", "date"] {
        answers.insert(header.into(), front[header].clone());
    }
    let file = notes.root().join("answers.yaml");
    std::fs::write(&file, serde_yaml::to_string(&answers).unwrap()).unwrap();
    let run = notes.coach(&[
        "debrief",
        "--no-input",
        "--output",
        "-",
        "--answers",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!("  - id: {id}\n")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("    done: true\n    closed: \"2026-12-02\"\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "- [x] Send the sized ERP integration plan (due 2026-12-05, me) `{id}`"
        )),
        "{}",
        run.stdout
    );
}

mod picker {
    //! The picker of `coach done` without an id, at a real pseudo-terminal.

    use std::process::Command;

    use crate::pty::Pty;

    use super::{two_customers, Notes, ACME, GLOBEX};
    use crate::support::{isolate, BIN};

    /// `coach ARGS` over the notes, at a pseudo-terminal (the PTY driver of tests/pty.rs).
    fn spawn(notes: &Notes, args: &[&str]) -> Pty {
        let mut command = Command::new(BIN);
        isolate(&mut command, notes.root());
        command
            .args(["--notes-dir", "notes", "--today", "2026-12-03"])
            .args(args)
            .env("TERM", "xterm-256color");
        Pty::spawn(command)
    }

    #[test]
    fn done_without_an_id_at_a_terminal_closes_the_ones_picked_with_space_and_enter() {
        let notes = two_customers();
        let globex = notes.read(GLOBEX);
        let mut coach = spawn(&notes, &["done"]);
        coach.expect("Which commitments are done?");
        // Most urgent first: Globex's is overdue, then Acme's two.
        coach.expect("Globex  Book the workshop  (due 2026-12-01)");
        coach.expect("Acme    Send the plan  (due 2026-12-05)");
        coach.expect("Acme    Share the figures  (due 2026-12-08)");
        coach.wait_for_key_read();
        coach.send("\x1b[B");
        coach.expect("Send the plan");
        coach.send(" ");
        coach.expect("Send the plan");
        coach.send("\r");
        coach.expect("closed c-k3v9q2xa  Send the plan (Acme)");
        assert_eq!(coach.finish(), 0, "{}", coach.screen());
        let acme = notes.read(ACME);
        assert!(acme.contains("- [x] Send the plan"), "{acme}");
        assert!(acme.contains("- [ ] Share the figures"), "{acme}");
        assert_eq!(acme.matches("closed: \"2026-12-03\"").count(), 1, "{acme}");
        assert_eq!(notes.read(GLOBEX), globex, "none is chosen at first");
    }

    #[test]
    fn esc_in_the_picker_changes_nothing_and_exits_130() {
        let notes = two_customers();
        let acme = notes.read(ACME);
        let mut coach = spawn(&notes, &["done"]);
        coach.expect("Which commitments are done?");
        coach.expect("Share the figures");
        coach.wait_for_key_read();
        coach.send("\x1b");
        coach.expect("nothing was changed");
        assert_eq!(coach.finish(), 130, "{}", coach.screen());
        assert_eq!(notes.read(ACME), acme);
    }

    // Regression: the picker waited on stderr, locked by its own caller,
    // so Ctrl-C hung instead of ending coach.
    #[test]
    fn ctrl_c_in_the_picker_changes_nothing_shows_the_cursor_and_exits_130() {
        let notes = two_customers();
        let (acme, globex) = (notes.read(ACME), notes.read(GLOBEX));
        let mut coach = spawn(&notes, &["done"]);
        coach.expect("Share the figures");
        coach.wait_for_key_read();
        coach.send(" ");
        coach.expect("Book the workshop");
        coach.wait_for_key_read();
        coach.send("\x03");
        coach.expect("nothing was changed");
        assert_eq!(coach.finish(), 130, "{}", coach.screen());
        assert!(
            coach.screen().contains("␛[?25h"),
            "the cursor is shown again"
        );
        assert_eq!((notes.read(ACME), notes.read(GLOBEX)), (acme, globex));
    }
}
