//! The screen at 40 and 120 columns, read through a terminal emulator
//! (vt100) after each step: an answer longer than the line and an error
//! line after a bad answer leave no duplicated or half-erased lines.

use crate::pty::{choose, Place, Pty};

const WIDTH_PACK: &str = "\
patterns:
  - id: width
    name: Width
    summary: Long questions and long answers.
    questions:
      prep:
        - id: goal
          ask: What must be true when the meeting ends, in one sentence?
        - id: when
          ask: When do you follow up with them?
          kind: date
        - id: mood
          ask: What mood do you expect them to be in when you arrive?
          kind: select
          options: [Calm, Angry]
checklists:
  - id: prep
    start: [width]
";

const ROWS: u16 = 60;

/// The screen as a terminal shows it, one string per line as printed
/// (rows the terminal wrapped are joined), trailing spaces and empty lines
/// dropped.
fn screen(coach: &mut Pty, columns: u16) -> Vec<String> {
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal has a size");
    let mut parser = vt100::Parser::new(size(ROWS), size(columns), 0);
    parser.process(coach.transcript());
    let mut lines: Vec<String> = parser
        .screen()
        .contents()
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// The screen's lines from the first question's on; checks that the lines
/// before the prompt under way are `done`, and returns that prompt's lines.
#[track_caller]
fn after_step(coach: &mut Pty, columns: u16, done: &[&str]) -> Vec<String> {
    coach.wait_for_key_read();
    let lines = screen(coach, columns);
    let first = lines
        .iter()
        .position(|line| line.contains("What must be true"))
        .unwrap_or_else(|| panic!("no first question on screen:\n{}", lines.join("\n")));
    let walked = &lines[first..];
    assert!(
        walked.len() >= done.len() && walked[..done.len()] == *done,
        "at {columns} columns the screen should start with\n{}\nbut is\n{}",
        done.join("\n"),
        walked.join("\n")
    );
    walked[done.len()..].to_vec()
}

/// A sentence of about `length` characters.
fn long_answer(length: usize) -> String {
    let words = "We leave with a signed pilot order for two sites and a date for the review";
    let mut answer = String::new();
    for word in words.split(' ').cycle() {
        if answer.len() + word.len() >= length {
            break;
        }
        if !answer.is_empty() {
            answer.push(' ');
        }
        answer.push_str(word);
    }
    answer
}

fn walk_at(columns: u16) {
    let place = Place::new();
    place.write("pack/width.yaml", WIDTH_PACK);
    let command = place.command(&[
        "--no-builtin",
        "--patterns",
        "pack",
        "--today",
        "2026-12-01",
        "prep",
        "--customer",
        "Acme",
        "--meeting",
        "Kickoff",
        "--date",
        "2026-12-01",
    ]);
    let mut coach = Pty::spawn_sized(command, columns, ROWS);

    coach.expect("What must be true");
    let prompt = after_step(&mut coach, columns, &[]);
    assert!(prompt[0].starts_with("? What must be true"), "{prompt:?}");

    // Longer than the line: it wraps as typed, and only its answer line stays.
    let answer = long_answer(usize::from(columns) * 3 / 2);
    assert!(answer.len() > usize::from(columns));
    coach.send(&format!("{answer}\r"));
    coach.expect("When do you follow");
    let goal = format!("✔ What must be true when the meeting ends, in one sentence? · {answer}");
    let prompt = after_step(&mut coach, columns, &[&goal]);
    assert!(prompt[0].starts_with("? When do you follow"), "{prompt:?}");
    assert!(
        prompt.iter().all(|line| !line.contains("signed pilot")),
        "{prompt:?}"
    );

    // A bad answer: one error line, the prompt again under it.
    coach.send("someday\r");
    coach.expect("is not a date");
    let prompt = after_step(&mut coach, columns, &[&goal]);
    assert!(
        prompt[0].starts_with("✘ `someday` is not a date"),
        "{prompt:?}"
    );
    assert!(prompt[1].starts_with("? When do you follow"), "{prompt:?}");
    assert_eq!(
        prompt
            .iter()
            .filter(|line| line.contains("someday"))
            .count(),
        1,
        "{prompt:?}"
    );

    // The good answer erases the error line.
    coach.send("+3d\r");
    coach.expect("What mood do you");
    let done = [
        goal.as_str(),
        "✔ When do you follow up with them? · +3d",
        "  = 2026-12-04 (Friday)",
    ];
    let prompt = after_step(&mut coach, columns, &done);
    assert!(prompt[0].starts_with("? What mood do you"), "{prompt:?}");
    assert_eq!(
        prompt.last().map(String::as_str),
        Some("❯ (skip)"),
        "{prompt:?}"
    );

    choose(&mut coach, "Calm");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let lines = screen(&mut coach, columns);
    let first = lines
        .iter()
        .position(|line| line.contains("What must be true"))
        .expect("the first answer stays on screen");
    let mood = "✔ What mood do you expect them to be in when you arrive? · Calm";
    let mut expected = done.to_vec();
    expected.push(mood);
    assert_eq!(
        lines[first..first + expected.len()],
        expected,
        "at {columns} columns:\n{}",
        lines.join("\n")
    );
    assert!(
        lines[first + expected.len()].starts_with("coach: wrote"),
        "{}",
        lines.join("\n")
    );
}

#[test]
fn a_long_answer_and_an_error_line_leave_a_clean_screen_at_40_columns() {
    walk_at(40);
}

#[test]
fn a_long_answer_and_an_error_line_leave_a_clean_screen_at_120_columns() {
    walk_at(120);
}
