//! The terminal never stumbles (issue 10 §3): where a choice's cursor
//! starts, what Esc does, what each prompt says it takes, `?` and the key
//! hint, going back, the editor's comment lines, and a clean screen at 40
//! and 120 columns.

use std::process::Command;

use crate::pty::{choose, interrupted, Note, Place, Pty, CTRL_C, DOWN, ENTER, ESC};

/// One pattern with a question of each kind the terminal treats apart.
const KEYS_PACK: &str = "\
patterns:
  - id: keys
    name: Keys
    summary: Questions to try the keys on.
    questions:
      prep:
        - id: size
          ask: How big is the deal?
          kind: select
          options:
            - Small
            - Medium
            - label: Large
              include: [big-deal]
          default: Medium
        - id: ready
          ask: How ready are you?
          kind: scale
          required: true
        - id: next
          ask: When is the next step?
          kind: date
        - id: risks
          ask: Which risks do you see?
          kind: list
  - id: big-deal
    name: Big Deal
    summary: A large deal needs its sponsor.
    questions:
      prep:
        - id: sponsor
          ask: Who signs off?
checklists:
  - id: prep
    title: Before the meeting
    start: [keys]
";

const TODAY: &str = "2026-12-01";

fn keys_place() -> Place {
    let place = Place::new();
    place.write("pack/keys.yaml", KEYS_PACK);
    place
}

/// `coach prep` on the keys pack, today being 2026-12-01, with `args`.
fn keys_command(place: &Place, args: &[&str]) -> Command {
    let mut all = vec![
        "--no-builtin",
        "--patterns",
        "pack",
        "--today",
        TODAY,
        "prep",
    ];
    all.extend_from_slice(args);
    place.command(&all)
}

/// The header answered with flags.
const HEADER: [&str; 6] = [
    "--customer",
    "Acme",
    "--meeting",
    "Kickoff",
    "--date",
    TODAY,
];

#[test]
fn a_choice_starts_on_its_default_and_esc_twice_at_a_required_one_keeps_a_draft() {
    let place = keys_place();
    let mut coach = Pty::spawn(keys_command(&place, &HEADER));
    coach.expect("How big is the deal?");
    coach.expect("❯ Medium");
    coach.send(ENTER);
    coach.expect("✔ How big is the deal? · Medium");

    // A required scale without a default: no option under the cursor.
    coach.expect("Arrows choose, Enter picks.");
    coach.expect("How ready are you?");
    let shown = coach.rendered();
    assert!(
        !shown.contains('❯'),
        "an option is under the cursor:\n{shown}"
    );
    coach.send(ESC);
    coach.expect("This answer is required");
    coach.expect("How ready are you?");
    coach.wait_for_key_read();
    coach.send(ESC);
    let draft = interrupted(&mut coach, &place);
    let saved = std::fs::read_to_string(&draft).unwrap();
    assert!(saved.contains("keys.size: Medium"), "{saved}");
    assert!(!saved.contains("keys.ready"), "{saved}");
}

#[test]
fn esc_at_an_optional_choice_skips_it_and_the_walk_goes_on() {
    let place = keys_place();
    let mut coach = Pty::spawn(keys_command(&place, &HEADER));
    coach.expect("❯ Medium");
    coach.wait_for_key_read();
    coach.send(ESC);
    coach.expect("✔ How big is the deal? · (skip)");
    coach.expect("How ready are you?");
    coach.wait_for_key_read();
    coach.send(DOWN);
    coach.expect("❯ 1");
    coach.send(ENTER);
    coach.expect("✔ How ready are you? · 1");
    coach.answer("When is the next step?", "");
    coach.answer("item 1", "");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let note = Note::read(&coach.written());
    assert_eq!(note.front["answers"]["keys.size"], serde_yaml::Value::Null);
    assert_eq!(
        note.front["answers"]["keys.ready"],
        serde_yaml::Value::from(1)
    );
}

#[test]
fn a_date_prompt_shows_today_and_the_forms_it_takes_and_a_list_says_how_it_ends() {
    let place = keys_place();
    let args = ["--customer", "Acme", "--meeting", "Kickoff"];
    let mut coach = Pty::spawn(keys_command(&place, &args));
    coach.answer("When is the meeting? (date: 2026-12-01, tuesday, +3d)", "");
    coach.expect("✔ When is the meeting? · 2026-12-01");
    coach.expect("❯ Medium");
    coach.send(ENTER);
    coach.expect("How ready are you?");
    coach.wait_for_key_read();
    coach.send(DOWN);
    coach.expect("❯ 1");
    coach.send(ENTER);
    coach.answer(
        "When is the next step? (date: 2026-12-01, tuesday, +3d)",
        "+3d",
    );
    // The answer's line is the question and the answer, without the hint.
    coach.expect("✔ When is the next step? · +3d");
    coach.expect("= 2026-12-04 (Friday)");
    coach.expect("Which risks do you see?");
    coach.expect("One per line, empty line to finish.");
    coach.answer("item 1", "Budget");
    coach.answer("item 2", "");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let note = Note::read(&coach.written());
    assert_eq!(
        note.front["answers"]["keys.next"],
        serde_yaml::Value::from("2026-12-04")
    );
}

#[test]
fn help_at_a_header_prompt_is_not_the_answer_and_the_keys_and_added_patterns_are_said() {
    let place = keys_place();
    let mut coach = Pty::spawn(keys_command(&place, &[]));
    coach.expect("Keys: ? at a text prompt explains the question");
    coach.answer("Who is the customer?", "?");
    coach.expect("The customer's name.");
    coach.answer("Who is the customer?", "Acme");
    coach.expect("✔ Who is the customer? · Acme");
    coach.answer("What is the meeting?", "?");
    coach.expect("A short title for the meeting");
    coach.answer("What is the meeting?", "Kickoff");
    coach.answer("When is the meeting?", "?");
    coach.expect("The day of the meeting; empty means today.");
    coach.answer("When is the meeting?", "");
    coach.expect("pattern 1 of 1");
    choose(&mut coach, "Large");
    coach.expect("How ready are you?");
    coach.wait_for_key_read();
    coach.send(DOWN);
    coach.expect("❯ 1");
    coach.send(ENTER);
    coach.answer("When is the next step?", "");
    coach.answer("item 1", "");
    // The include is counted apart instead of the total jumping silently.
    coach.expect("pattern 2 of 2 (+1 from your answers)");
    coach.answer("Who signs off?", "Dana");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let screen = coach.screen();
    assert_eq!(screen.matches("Keys:").count(), 1, "{screen}");
    assert!(!screen.contains("pattern 1 of 1 ("), "{screen}");
    let note = Note::read(&coach.written());
    assert_eq!(note.front["customer"], serde_yaml::Value::from("Acme"));
    assert_eq!(note.front["meeting"], serde_yaml::Value::from("Kickoff"));
    assert_eq!(note.front["date"], serde_yaml::Value::from(TODAY));
}

#[test]
fn lt_at_a_text_prompt_goes_back_across_patterns_with_the_old_answer_offered() {
    let place = keys_place();
    let mut coach = Pty::spawn(keys_command(&place, &HEADER));
    choose(&mut coach, "Large");
    coach.expect("How ready are you?");
    coach.wait_for_key_read();
    coach.send(DOWN);
    coach.expect("❯ 1");
    coach.send(ENTER);
    coach.answer("When is the next step?", "+3d");
    coach.answer("item 1", "Budget");
    coach.answer("item 2", "");
    coach.expect("pattern 2 of 2 (+1 from your answers)");
    // Back from the included pattern to the list of the pattern before.
    coach.answer("Who signs off?", "<");
    coach.expect("back to the previous question");
    coach.expect("Which risks do you see?");
    coach.expect("Before: Budget. An empty first line keeps it.");
    // And once more, to the date, offered as it was.
    coach.answer("item 1", "<");
    coach.answer(
        "When is the next step? (date: 2026-12-01, tuesday, +3d) (2026-12-04)",
        "+1w",
    );
    coach.expect("✔ When is the next step? · +1w");
    coach.answer("item 1", "Budget");
    coach.answer("item 2", "New CTO");
    coach.answer("item 3", "");
    coach.answer("Who signs off?", "Dana");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let screen = coach.screen();
    assert_eq!(
        screen.matches("? How ready are you? ›").count(),
        1,
        "asked again:\n{screen}"
    );
    let note = Note::read(&coach.written());
    let answers = &note.front["answers"];
    assert_eq!(answers["keys.size"], serde_yaml::Value::from("Large"));
    assert_eq!(answers["keys.ready"], serde_yaml::Value::from(1));
    assert_eq!(answers["keys.next"], serde_yaml::Value::from("2026-12-08"));
    assert_eq!(
        answers["keys.risks"],
        serde_yaml::Value::from(vec!["Budget", "New CTO"])
    );
    assert_eq!(answers["big-deal.sponsor"], serde_yaml::Value::from("Dana"));
}

/// An editor that keeps a copy of the file it is given and adds a line.
const COPYING_EDITOR: &str = r#"#!/bin/sh
for file; do :; done
cp "$file" "$(dirname "$0")/seen.md"
printf '# Going well\nThe pilot went well.\n' >> "$file"
"#;

const STORY_PACK: &str = "\
patterns:
  - id: story
    name: Story
    summary: Know how you got here.
    questions:
      prep:
        - id: so-far
          ask: Tell the story so far.
          kind: long
          help: Since the pilot started.
checklists:
  - id: prep
    start: [story]
";

#[test]
fn the_editor_file_starts_with_the_question_as_comment_lines_that_the_answer_loses() {
    use std::os::unix::fs::PermissionsExt;
    let place = Place::new();
    place.write("pack/story.yaml", STORY_PACK);
    let editor = place.write("editor.sh", COPYING_EDITOR);
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut command = keys_command(&place, &HEADER);
    command.env("EDITOR", &editor);
    let mut coach = Pty::spawn(command);
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());

    let seen = std::fs::read_to_string(place.path().join("seen.md")).expect("the editor ran");
    assert!(
        seen.starts_with(";; Tell the story so far.\n;; Since the pilot started.\n;; From the pattern Story: Know how you got here.\n"),
        "{seen}"
    );
    let note = Note::read(&coach.written());
    assert_eq!(
        note.front["answers"]["story.so-far"],
        serde_yaml::Value::from("# Going well\nThe pilot went well.")
    );
}

#[test]
fn an_answer_dropped_by_going_back_is_not_kept_in_the_draft_of_a_later_ctrl_c() {
    let place = keys_place();
    let mut coach = Pty::spawn(keys_command(&place, &HEADER));
    coach.expect("❯ Medium");
    coach.send(ENTER);
    coach.expect("How ready are you?");
    coach.wait_for_key_read();
    coach.send(DOWN);
    coach.expect("❯ 1");
    coach.send(ENTER);
    coach.answer("When is the next step?", "+3d");
    coach.answer("item 1", "Budget");
    coach.answer("item 2", "<");
    coach.expect("back to the previous question");
    coach.expect("When is the next step?");
    coach.expect("(2026-12-04) ›");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    let draft = interrupted(&mut coach, &place);
    let saved = std::fs::read_to_string(&draft).unwrap();
    assert!(saved.contains("keys.ready: 1"), "{saved}");
    assert!(!saved.contains("keys.next"), "{saved}");
    assert!(!saved.contains("Budget"), "{saved}");
}

const PROMISE_PACK: &str = "\
patterns:
  - id: promise
    name: Promise
    summary: Say what you will do.
    questions:
      prep:
        - id: what
          ask: What will you promise?
          kind: commitments
        - id: first
          ask: What will you say first?
checklists:
  - id: prep
    start: [promise]
";

#[test]
fn going_back_to_promises_offers_them_and_an_empty_first_line_keeps_them() {
    let place = Place::new();
    place.write("pack/promise.yaml", PROMISE_PACK);
    let mut coach = Pty::spawn(keys_command(&place, &HEADER));
    coach.answer("Promise 1", "Send the plan");
    coach.answer("due", "+3d");
    coach.answer("who (optional)", "Dana");
    coach.answer("Promise 2", "");
    coach.answer("What will you say first?", "<");
    coach.expect("Before: Send the plan (due 2026-12-04, Dana). An empty first line keeps it.");
    coach.answer("Promise 1", "");
    coach.answer("What will you say first?", "Thanks for coming");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let note = Note::read(&coach.written());
    let promises = &note.front["answers"]["promise.what"];
    assert_eq!(
        promises.as_sequence().map(Vec::len),
        Some(1),
        "{promises:?}"
    );
    assert_eq!(
        promises[0]["what"],
        serde_yaml::Value::from("Send the plan")
    );
    assert_eq!(promises[0]["due"], serde_yaml::Value::from("2026-12-04"));
}
