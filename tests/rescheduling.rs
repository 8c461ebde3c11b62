//! A debrief moves what is late (issue 9, section 2): an overdue promise
//! still open gets a new due date in its own note, by the byte-minimal
//! editor, and the debrief records which.

use crate::support::acme::{self, ACME, PACK};
use crate::support::notes_dir::NotesDir;

const DEBRIEF: &str = "acme/2026-12-09-follow-up-debrief.md";

/// An earlier debrief of Acme with two open promises, both overdue by
/// 2026-12-10.
const EARLIER: &str = "\
---
coach: 1
checklist: debrief
customer: Acme
meeting: Kickoff
date: \"2026-12-01\"
answers:
  talk.went: Well
  promises:
  - id: c-k3v9q2xa
    what: Send the plan
    due: \"2026-12-05\"
    who: me
    done: false
  - id: c-k3b00000
    what: Share the figures
    due: \"2026-12-08\"
    who: Dana Lee
    done: false
---

# Acme: Kickoff

**What did you promise?**

- Send the plan (due 2026-12-05, me)

## Commitments

- [ ] Send the plan (due 2026-12-05, me) `c-k3v9q2xa`
- [ ] Share the figures (due 2026-12-08, Dana Lee) `c-k3b00000`
";

fn acme() -> NotesDir {
    acme::with_note("coach-rescheduling", EARLIER)
}

/// A scripted debrief of Acme on 2026-12-09 with these answers and `more`
/// arguments, run on 2026-12-10.
fn debrief(dir: &NotesDir, answers: &str, more: &[&str]) -> crate::support::notes_dir::Run {
    acme::debrief(dir, ("2026-12-09", "2026-12-10"), answers, more)
}

/// The lines of `after` that differ from those of `before`, which has as many.
fn changed_lines(before: &str, after: &str) -> Vec<String> {
    assert_eq!(before.lines().count(), after.lines().count(), "{after}");
    before
        .lines()
        .zip(after.lines())
        .filter(|(before, after)| before != after)
        .map(|(_, after)| after.to_string())
        .collect()
}

/// `coach due --json` on 2026-12-10: each open commitment's id and due date.
fn due(dir: &NotesDir) -> Vec<(String, String)> {
    let due = dir.coach_on("2026-12-10", &["due", "--json"]).json();
    due.as_array()
        .or_else(|| due["commitments"].as_array())
        .unwrap_or_else(|| panic!("{due}"))
        .iter()
        .map(|item| {
            let text = |key: &str| item[key].as_str().unwrap_or_default().to_string();
            (text("id"), text("due"))
        })
        .collect()
}

#[test]
fn a_scripted_reschedule_changes_only_the_due_lines_of_the_promise_and_coach_due_shows_the_new_date(
) {
    let dir = acme();
    // Indexed before the edit: the index must see the note change.
    assert_eq!(
        due(&dir),
        [
            ("c-k3v9q2xa".to_string(), "2026-12-05".to_string()),
            ("c-k3b00000".to_string(), "2026-12-08".to_string())
        ]
    );
    let run = debrief(
        &dir,
        "talk.went: Fine\nrescheduled: {c-k3v9q2xa: 2026-12-20}\n",
        &[],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("coach: due 2026-12-20: c-k3v9q2xa  Send the plan (Acme)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        changed_lines(EARLIER, &dir.read(ACME)),
        [
            "    due: \"2026-12-20\"",
            "- [ ] Send the plan (due 2026-12-20, me) `c-k3v9q2xa`"
        ]
    );
    assert_eq!(
        due(&dir),
        [
            ("c-k3b00000".to_string(), "2026-12-08".to_string()),
            ("c-k3v9q2xa".to_string(), "2026-12-20".to_string())
        ]
    );
    let note = dir.read(DEBRIEF);
    assert!(
        note.contains("\nrescheduled:\n  c-k3v9q2xa: \"2026-12-20\"\n---\n"),
        "{note}"
    );
    assert!(
        note.contains(
            "\n## Rescheduled\n\n- `c-k3v9q2xa` Send the plan: 2026-12-05 → 2026-12-20\n"
        ),
        "{note}"
    );
    // Plain items, never task lines: `coach done` edits task lines only.
    assert!(!note.contains("- [ ]"), "{note}");
}

#[test]
fn new_dates_given_with_set_take_prefixes_and_the_forms_of_a_date_question() {
    let dir = acme();
    let run = debrief(
        &dir,
        "talk.went: Fine\n",
        &["--set", "rescheduled=k3b=+1w; c-k3v9q2xa=next friday"],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        changed_lines(EARLIER, &dir.read(ACME)),
        [
            "    due: \"2026-12-11\"",
            "    due: \"2026-12-17\"",
            "- [ ] Send the plan (due 2026-12-11, me) `c-k3v9q2xa`",
            "- [ ] Share the figures (due 2026-12-17, Dana Lee) `c-k3b00000`"
        ]
    );
}

#[test]
fn an_unknown_rescheduled_id_is_an_answers_error_with_a_suggestion_and_nothing_is_written() {
    let dir = acme();
    let run = debrief(
        &dir,
        "talk.went: Fine\nrescheduled: {c-k3v9q2xb: 2026-12-20}\n",
        &[],
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "`rescheduled`: no open commitment of Acme has the id `c-k3v9q2xb`; did you mean `c-k3v9q2xa`?"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(dir.read(ACME), EARLIER);
    assert!(!dir.path(DEBRIEF).exists());
}

#[test]
fn a_rescheduled_date_that_is_no_date_names_the_id_and_the_accepted_forms() {
    let dir = acme();
    let run = debrief(
        &dir,
        "talk.went: Fine\nrescheduled: {c-k3v9q2xa: soonish}\n",
        &[],
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "`rescheduled`: `c-k3v9q2xa`: `soonish` is not a date (use YYYY-MM-DD, today, tomorrow"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(dir.read(ACME), EARLIER);
    assert!(!dir.path(DEBRIEF).exists());
}

#[test]
fn a_promise_both_closed_and_rescheduled_is_an_answers_error() {
    let dir = acme();
    let run = debrief(
        &dir,
        "talk.went: Fine\nclosed: [c-k3v9q2xa]\nrescheduled: {c-k3v9: 2026-12-20}\n",
        &[],
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`rescheduled`: commitment `c-k3v9q2xa` is also `closed`"),
        "{}",
        run.stderr
    );
    assert_eq!(dir.read(ACME), EARLIER);
}

#[test]
fn rescheduled_is_no_answer_of_a_prep() {
    let dir = acme();
    let run = dir.coach_on(
        "2026-12-10",
        &[
            "prep",
            "--customer",
            "Acme",
            "--set",
            "rescheduled=c-k3v9q2xa=2026-12-20",
            "--no-input",
            "--defaults",
        ],
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`rescheduled` is no question of the prep walk"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_debrief_at_the_terminal_offers_a_new_date_for_an_overdue_promise_and_the_typed_date_lands() {
    use crate::pty::{northwind, place_with_history, ENTER};
    let place = place_with_history();
    place.write("pack/a.yaml", PACK);
    const EARLIER: &str = "northwind-traders/2026-11-20-kickoff-debrief.md";
    let before = std::fs::read_to_string(place.notes().join(EARLIER)).unwrap();
    let walk = ["--no-builtin", "--patterns", "pack", "debrief"];
    let mut coach = northwind(&place, &walk, "Pilot review", "2026-12-10");
    coach.expect("Which of these promises were kept?");
    coach.wait_for_key_read();
    coach.send(ENTER);
    coach.answer(
        "New due date for c-late0001  Send the sizing plan (ours, me, due 2026-12-01)?",
        "soonish",
    );
    coach.expect("is not a date");
    coach.send(&format!("{}+1w{ENTER}", crate::pty::BACKSPACE.repeat(7)));
    coach.expect("= 2026-12-17 (Thursday)");
    coach.answer("How did it go?", "Fine");
    coach.expect("coach: wrote");
    coach.expect("coach: due 2026-12-17: c-late0001  Send the sizing plan (Northwind Traders)");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());

    let after = std::fs::read_to_string(place.notes().join(EARLIER)).unwrap();
    // The task line shows no date: only the `due:` line changes.
    assert_eq!(changed_lines(&before, &after), ["    due: \"2026-12-17\""]);
    let note = std::fs::read_to_string(coach.written()).unwrap();
    assert!(
        note.contains("\nrescheduled:\n  c-late0001: \"2026-12-17\"\n"),
        "{note}"
    );
}

#[test]
fn the_answers_of_a_debrief_with_new_dates_list_its_questions() {
    let dir = acme();
    let answers = "rescheduled: {c-k3v9q2xa: 2026-12-20}\n";
    std::fs::write(dir.root().join("answers.yaml"), answers).unwrap();
    let run = dir.coach_on(
        "2026-12-10",
        &[
            "--no-builtin",
            "--patterns",
            "pack",
            "questions",
            "debrief",
            "--answers",
            "answers.yaml",
        ],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("talk.went"), "{}", run.stdout);
}

/// `coach debrief` of Acme on 2026-12-09 at a terminal on 2026-12-10.
fn debrief_on_a_terminal(place: &crate::pty::Place, more: &[&str]) -> crate::pty::Pty {
    let mut args = vec![
        "--today",
        "2026-12-10",
        "--no-builtin",
        "--patterns",
        "pack",
        "debrief",
        "--customer",
        "Acme",
        "--meeting",
        "Follow-up",
        "--date",
        "2026-12-09",
    ];
    args.extend(more);
    crate::pty::Pty::spawn(place.command(&args))
}

#[test]
fn new_dates_typed_before_ctrl_c_are_kept_in_the_draft_and_written_on_resume() {
    use crate::pty::{CTRL_C, ENTER};
    let place = crate::pty::Place::new();
    place.write(&format!("notes/{ACME}"), EARLIER);
    place.write("pack/a.yaml", PACK);
    let mut coach = debrief_on_a_terminal(&place, &[]);
    coach.expect("Which of these promises were kept?");
    coach.wait_for_key_read();
    coach.send(ENTER);
    coach.answer("New due date for c-k3v9q2xa", "+1w");
    coach.expect("New due date for c-k3b00000");
    coach.expect("›");
    coach.send(CTRL_C);
    coach.expect("--resume`");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    let drafts: Vec<_> = std::fs::read_dir(place.notes().join(".drafts"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    let [draft] = drafts.as_slice() else {
        panic!("{drafts:?}");
    };
    let saved = std::fs::read_to_string(draft).unwrap();
    assert!(
        saved.contains("rescheduled:\n  c-k3v9q2xa: \"2026-12-17\"\n"),
        "{saved}"
    );
    assert_eq!(
        std::fs::read_to_string(place.notes().join(ACME)).unwrap(),
        EARLIER
    );

    let mut coach = debrief_on_a_terminal(&place, &["--resume"]);
    coach.answer("How did it go?", "Fine");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    assert!(!coach.screen().contains("New due date"));
    let after = std::fs::read_to_string(place.notes().join(ACME)).unwrap();
    assert_eq!(
        changed_lines(EARLIER, &after),
        [
            "    due: \"2026-12-17\"",
            "- [ ] Send the plan (due 2026-12-17, me) `c-k3v9q2xa`"
        ]
    );
}
