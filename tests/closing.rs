//! A debrief closes the loop (issue 9, section 2): the customer's open
//! commitments that were kept are closed in their own notes, as `coach
//! done` closes them, and the debrief records which.

use crate::pty::{Place, Pty};
use crate::support::acme::{self, ACME, PACK};
use crate::support::notes_dir::NotesDir;

/// An earlier debrief of Acme with two open promises, ours and theirs.
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

## Commitments

- [ ] Send the plan (due 2026-12-05, me) `c-k3v9q2xa`
- [ ] Share the figures (due 2026-12-08, Dana Lee) `c-k3b00000`
";

fn acme() -> NotesDir {
    acme::with_note("coach-closing", EARLIER)
}

/// A scripted debrief of Acme on 2026-12-02 with these answers.
fn debrief(dir: &NotesDir, answers: &str) -> crate::support::notes_dir::Run {
    acme::debrief(dir, ("2026-12-02", "2026-12-03"), answers, &[])
}

#[test]
fn a_scripted_debrief_closes_the_kept_promise_as_coach_done_would() {
    let dir = acme();
    let run = debrief(&dir, "talk.went: Fine\nclosed: [c-k3v9q2xa]\n");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("coach: closed c-k3v9q2xa  Send the plan (Acme)"),
        "{}",
        run.stderr
    );

    // The same note closed by `coach done` on the debrief's date.
    let by_hand = NotesDir::new("coach-closing-done");
    by_hand.write(ACME, EARLIER);
    let done = by_hand.coach_on(
        "2026-12-03",
        &["done", "c-k3v9q2xa", "--date", "2026-12-02"],
    );
    assert_eq!(done.status, 0, "{}", done.stderr);
    assert_eq!(dir.read(ACME), by_hand.read(ACME));
    assert_ne!(dir.read(ACME), EARLIER);

    let due = dir.coach_on("2026-12-03", &["due", "--json"]).json();
    let ids: Vec<&str> = due
        .as_array()
        .or_else(|| due["commitments"].as_array())
        .unwrap_or_else(|| panic!("{due}"))
        .iter()
        .filter_map(|item| item["id"].as_str())
        .collect();
    assert_eq!(ids, ["c-k3b00000"], "{due}");

    let note = dir.read("acme/2026-12-02-follow-up-debrief.md");
    assert!(note.contains("\nclosed:\n- c-k3v9q2xa\n---\n"), "{note}");
    assert!(
        note.contains("\n## Closed\n\n- `c-k3v9q2xa` Send the plan (ours, me, due 2026-12-05)\n"),
        "{note}"
    );
    assert!(!note.contains("- [ ]"), "{note}");
}

#[test]
fn a_closed_prefix_names_the_open_commitment_it_starts() {
    let dir = acme();
    let run = debrief(&dir, "talk.went: Fine\nclosed: [k3b]\n");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(dir
        .read(ACME)
        .contains("    who: Dana Lee\n    done: true\n"));
}

#[test]
fn an_unknown_closed_id_is_an_answers_error_and_nothing_is_written() {
    let dir = acme();
    let run = debrief(&dir, "talk.went: Fine\nclosed: [c-k3v9q2xb]\n");
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "`closed`: no open commitment of Acme has the id `c-k3v9q2xb`; did you mean `c-k3v9q2xa`?"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(dir.read(ACME), EARLIER);
    assert!(!dir.path("acme/2026-12-02-follow-up-debrief.md").exists());
}

#[test]
fn closed_is_no_answer_of_a_prep() {
    let dir = acme();
    let run = dir.coach_on(
        "2026-12-03",
        &[
            "prep",
            "--customer",
            "Acme",
            "--set",
            "closed=c-k3v9q2xa",
            "--no-input",
            "--defaults",
        ],
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`closed` is no question of the prep walk"),
        "{}",
        run.stderr
    );
    assert_eq!(dir.read(ACME), EARLIER);
}

/// `coach debrief` of Acme on a terminal, with `more` arguments.
fn debrief_on_a_terminal(place: &Place, more: &[&str]) -> Pty {
    let mut args = vec![
        "--today",
        "2026-12-03",
        "--no-builtin",
        "--patterns",
        "pack",
        "debrief",
        "--customer",
        "Acme",
        "--meeting",
        "Follow-up",
        "--date",
        "2026-12-02",
    ];
    args.extend(more);
    Pty::spawn(place.command(&args))
}

fn acme_on_a_terminal() -> Place {
    let place = Place::new();
    place.write(&format!("notes/{ACME}"), EARLIER);
    place.write("pack/a.yaml", PACK);
    place
}

#[test]
fn a_promise_kept_is_closed_by_space_and_enter_at_the_terminal() {
    let place = acme_on_a_terminal();
    let mut coach = debrief_on_a_terminal(&place, &[]);
    coach.expect("Since last time");
    coach.expect("Which of these promises were kept?");
    coach.expect("c-k3v9q2xa  Send the plan (ours, me, due 2026-12-05)");
    coach.expect("c-k3b00000  Share the figures (theirs, Dana Lee, due 2026-12-08)");
    coach.wait_for_key_read();
    coach.send(" ");
    coach.send("\r");
    coach.answer("How did it go?", "Fine");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());

    let earlier = std::fs::read_to_string(place.notes().join(ACME)).unwrap();
    assert!(
        earlier.contains("    who: me\n    done: true\n    closed: \"2026-12-02\"\n"),
        "{earlier}"
    );
    assert!(
        earlier.contains("    who: Dana Lee\n    done: false\n"),
        "{earlier}"
    );
    let note = std::fs::read_to_string(coach.written()).unwrap();
    assert!(note.contains("\nclosed:\n- c-k3v9q2xa\n"), "{note}");
}

#[test]
fn the_promises_chosen_before_ctrl_c_are_kept_in_the_draft_and_closed_on_resume() {
    let place = acme_on_a_terminal();
    let mut coach = debrief_on_a_terminal(&place, &[]);
    coach.expect("Which of these promises were kept?");
    coach.wait_for_key_read();
    coach.send(" ");
    coach.send("\r");
    coach.expect("How did it go?");
    coach.wait_for_key_read();
    coach.send(crate::pty::CTRL_C);
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
    assert!(saved.contains("closed:\n- c-k3v9q2xa\n"), "{saved}");
    assert!(std::fs::read_to_string(place.notes().join(ACME))
        .unwrap()
        .contains("    who: me\n    done: false\n"));

    let mut coach = debrief_on_a_terminal(&place, &["--resume"]);
    coach.answer("How did it go?", "Fine");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    assert!(!coach.screen().contains("Which of these promises"));
    let earlier = std::fs::read_to_string(place.notes().join(ACME)).unwrap();
    assert!(
        earlier.contains("    who: me\n    done: true\n"),
        "{earlier}"
    );
}

// The header came from flags and Esc closed nothing: nothing typed, so a
// Ctrl-C then keeps no draft (issue 10 sections 3 and 4).
#[test]
fn esc_at_the_kept_promises_closes_nothing_and_a_ctrl_c_then_keeps_no_draft() {
    let place = acme_on_a_terminal();
    let mut coach = debrief_on_a_terminal(&place, &[]);
    coach.expect("Which of these promises were kept?");
    coach.wait_for_key_read();
    coach.send(" ");
    coach.send("\x1b");
    // Esc changes nothing, as in `coach done`; the walk goes on.
    coach.expect("How did it go?");
    coach.expect("›");
    coach.wait_for_key_read();
    coach.send("\x03");
    coach.expect("coach: interrupted; nothing was answered yet, so no draft was kept");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    assert!(!place.notes().join(".drafts").exists());
    assert_eq!(
        std::fs::read_to_string(place.notes().join(ACME)).unwrap(),
        EARLIER
    );
}

#[test]
fn the_answers_of_a_debrief_with_closed_ids_list_its_questions() {
    let dir = acme();
    std::fs::write(dir.root().join("answers.yaml"), "closed: [c-k3v9q2xa]\n").unwrap();
    let run = dir.coach_on(
        "2026-12-03",
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
