//! A checklist with `meeting: false` (the built-in review): no meeting
//! question, a note named `<date>-CHECKLIST.md`, and `--meeting` refused
//! (issue 10 section 5).

use crate::pty::{Place, Pty};
use crate::support::Test;

/// A pack whose `retro` checklist has no meeting title.
const UNTITLED: &str = "\
patterns:
  - id: look-back
    name: Look Back
    summary: Look back before you look ahead.
    questions:
      retro:
        - id: learned
          ask: What did you learn?
checklists:
  - id: retro
    title: Retrospective
    meeting: false
    start: [look-back]
";

#[test]
fn the_review_asks_no_meeting_title_and_its_note_is_named_by_date_and_checklist() {
    let output = Test::new()
        .args([
            "--today",
            "2026-12-01",
            "--notes-dir",
            "notes",
            "walk",
            "review",
            "--customer",
            "Acme",
            "--set",
            "health=3",
            "--defaults",
            "--print-path",
        ])
        .run()
        .status(0);
    assert_eq!(output.stdout, "notes/acme/2026-12-01-review.md\n");
    let note = output.file("notes/acme/2026-12-01-review.md");
    assert!(note.contains("\nmeeting: null\n"), "{note}");
}

#[test]
fn the_questions_of_the_review_leave_the_meeting_out() {
    let output = Test::new()
        .args(["questions", "review", "--template"])
        .run()
        .status(0);
    assert!(output.stdout.contains("customer: ~"), "{}", output.stdout);
    assert!(!output.stdout.contains("\nmeeting:"), "{}", output.stdout);
}

#[test]
fn meeting_given_to_a_walk_without_a_meeting_title_is_an_error_naming_the_key() {
    Test::new()
        .args(["walk", "review", "--customer", "Acme", "--meeting", "Q4", "--defaults"])
        .run()
        .status(2)
        .stderr_has(
            "coach: error: --meeting: the `review` checklist has no meeting title (`meeting: false` at <built-in>/004_respect_and_trust.yaml:",
        );
    Test::new()
        .args(["walk", "review", "--customer", "Acme", "--set", "meeting=Q4", "--defaults"])
        .run()
        .status(2)
        .stderr_has("`meeting`: the `review` checklist has no meeting title (`meeting: false` in its pack); leave it out");
}

#[test]
fn a_pack_checklist_can_say_it_has_no_meeting_title() {
    let output = Test::new()
        .write("pack/retro.yaml", UNTITLED)
        .args([
            "--today",
            "2026-12-01",
            "--no-builtin",
            "--patterns",
            "pack",
            "--notes-dir",
            "notes",
            "walk",
            "retro",
            "--customer",
            "Acme",
            "--set",
            "look-back.learned=Plenty",
            "--print-path",
        ])
        .run()
        .status(0);
    assert_eq!(output.stdout, "notes/acme/2026-12-01-retro.md\n");
}

#[test]
fn meeting_on_a_checklist_must_be_true_or_false() {
    let output = Test::new()
        .write(
            "pack/retro.yaml",
            UNTITLED.replace("meeting: false", "meeting: no title"),
        )
        .args(["--no-builtin", "patterns", "check", "pack"])
        .run()
        .status(1);
    let line = output.stderr_line("`meeting` must be true or false");
    assert!(
        line.contains("retro.yaml") && line.contains("checklist `retro`") && line.contains("found"),
        "{line}"
    );
}

#[test]
fn the_review_at_a_terminal_goes_from_the_customer_to_the_date() {
    let place = Place::new();
    let mut coach = Pty::spawn(place.command(&["walk", "review"]));
    coach.answer("Who is the customer?", "Acme");
    let between = coach.expect("When is the meeting?");
    assert!(
        !between.contains("What is the meeting?"),
        "the meeting title was asked:\n{}",
        coach.screen()
    );
    coach.send("\x03");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
}
