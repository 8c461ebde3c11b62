//! A commitment given a new due date: every byte held.

use super::tests::{day, plan_closed, FIGURES, NOTE, PLAN};
use super::*;
use pretty_assertions::assert_eq;

fn later() -> Date {
    jiff::civil::date(2026, 12, 12)
}

#[test]
fn rescheduling_a_commitment_of_a_real_note_changes_its_due_value_and_its_task_date() {
    let moved = reschedule(NOTE, PLAN, later()).unwrap();
    let expected = NOTE
        .replacen(
            "    what: Send the sized ERP integration plan\n    due: \"2026-12-05\"\n",
            "    what: Send the sized ERP integration plan\n    due: \"2026-12-12\"\n",
            1,
        )
        .replacen(
            "- [ ] Send the sized ERP integration plan (due 2026-12-05, me) `c-zrv6s3kt`",
            "- [ ] Send the sized ERP integration plan (due 2026-12-12, me) `c-zrv6s3kt`",
            1,
        );
    assert_eq!(moved, expected);
    let changed = NOTE
        .lines()
        .zip(moved.lines())
        .filter(|(before, after)| before != after)
        .count();
    assert_eq!(changed, 2, "the due line and the task line");
    // The answer as given in the meeting keeps the date that was said.
    assert!(moved.contains("- Send the sized ERP integration plan (due 2026-12-05, me)\n"));
    // Rescheduled back, it is the note it was.
    let was = jiff::civil::date(2026, 12, 5);
    assert_eq!(reschedule(&moved, PLAN, was).unwrap(), NOTE);
}

#[test]
fn a_rescheduled_commitment_still_closes_and_reopens() {
    let moved = reschedule(NOTE, FIGURES, later()).unwrap();
    let closed = close(&moved, FIGURES, day()).unwrap();
    assert!(closed.contains("- [x] Share last year's picking accuracy figures (due 2026-12-12, Dana Lee) `c-7e5sc5ti`"), "{closed}");
    assert_eq!(reopen(&closed, FIGURES).unwrap(), moved);
}

#[test]
fn crlf_a_comment_and_a_single_quoted_due_are_kept_around_the_new_date() {
    let crlf = NOTE.trim_end().replace('\n', "\r\n").replacen(
        "due: \"2026-12-08\"",
        "due: '2026-12-08'   # asked twice",
        1,
    );
    let moved = reschedule(&crlf, FIGURES, later()).unwrap();
    let expected = crlf
        .replacen(
            "due: '2026-12-08'   # asked twice\r\n",
            "due: \"2026-12-12\"   # asked twice\r\n",
            1,
        )
        .replacen(
            "(due 2026-12-08, Dana Lee) `c-7e5sc5ti`",
            "(due 2026-12-12, Dana Lee) `c-7e5sc5ti`",
            1,
        );
    assert_eq!(moved, expected);
    assert!(!moved.ends_with('\n'));
}

/// A small note in the format coach writes, `promises` given as YAML lines.
fn note(promises: &str, tasks: &str) -> String {
    format!(
        "---\ncoach: 1\nchecklist: debrief\ncustomer: Acme\nanswers:\n  promises:\n{promises}---\n\n## Commitments\n\n{tasks}"
    )
}

#[test]
fn a_commitment_without_a_due_line_gets_one_after_its_done_line() {
    let text = note(
        "  - id: c-k3v9q2xa\n    what: Plan\n    done: false\n    who: me\n",
        "- [ ] Plan `c-k3v9q2xa`\n",
    );
    let moved = reschedule(&text, "c-k3v9q2xa", later()).unwrap();
    assert_eq!(
        moved,
        text.replacen(
            "    done: false\n",
            "    done: false\n    due: \"2026-12-12\"\n",
            1
        )
    );
    let first = "---\nanswers:\n  later:\n      - done: false\n        id: c-moved1\n---\n- [ ] Moved `c-moved1`\n";
    assert_eq!(
        reschedule(first, "c-moved1", later()).unwrap(),
        "---\nanswers:\n  later:\n      - done: false\n        due: \"2026-12-12\"\n        id: c-moved1\n---\n- [ ] Moved `c-moved1`\n"
    );
}

#[test]
fn a_task_line_that_shows_another_date_or_none_is_left_as_it_was() {
    let item = "  - id: c-k3v9q2xa\n    what: Plan\n    due: \"2026-12-05\"\n    done: false\n";
    for task in [
        "- [ ] Plan, moved by hand `c-k3v9q2xa`\n",
        "- [ ] Plan (due 2026-12-06, me) `c-k3v9q2xa`\n",
        "- [ ] Plan (due 2026-12-050) `c-k3v9q2xa`\n",
    ] {
        let text = note(item, task);
        let moved = reschedule(&text, "c-k3v9q2xa", later()).unwrap();
        assert_eq!(moved, text.replacen("2026-12-05\"", "2026-12-12\"", 1));
    }
    // Only the last `(due ...` of the line is the date coach wrote.
    let text = note(
        item,
        "- [ ] Plan (due 2026-12-05 said Dana) (due 2026-12-05) `c-k3v9q2xa`\n",
    );
    let moved = reschedule(&text, "c-k3v9q2xa", later()).unwrap();
    assert!(
        moved.ends_with("- [ ] Plan (due 2026-12-05 said Dana) (due 2026-12-12) `c-k3v9q2xa`\n"),
        "{moved}"
    );
}

/// The error `reschedule` gives for the note with these promises and tasks.
fn refused(promises: &str, tasks: &str) -> EditError {
    reschedule(&note(promises, tasks), "c-k3v9q2xa", later()).unwrap_err()
}

const TASK: &str = "- [ ] Plan (due 2026-12-05) `c-k3v9q2xa`\n";

#[test]
fn a_done_commitment_is_not_rescheduled() {
    let error = reschedule(&plan_closed(), PLAN, later()).unwrap_err();
    assert!(matches!(error, EditError::AlreadyDone { .. }), "{error:?}");
}

#[test]
fn a_due_that_is_doubled_multi_line_or_empty_is_refused() {
    let item = |due: &str| format!("  - id: c-k3v9q2xa\n    what: Plan\n{due}    done: false\n");
    let error = refused(
        &item("    due: \"2026-12-05\"\n    due: \"2026-12-06\"\n"),
        TASK,
    );
    assert!(
        matches!(
            error,
            EditError::FrontMatter { .. } | EditError::DueTwice { .. }
        ),
        "{error:?}"
    );
    let error = refused(&item("    due: >-\n      2026-12-05\n"), TASK);
    assert!(
        matches!(error, EditError::DueNotEditable { line: 9, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("due: \"YYYY-MM-DD\""), "{error}");
    let error = refused(&item("    due:\n"), TASK);
    assert!(
        matches!(error, EditError::DueNotEditable { .. }),
        "{error:?}"
    );
    let error = refused(&item("    due: \"2026-12-05\n      and more\"\n"), TASK);
    assert!(
        matches!(error, EditError::DueNotEditable { .. }),
        "{error:?}"
    );
}

#[test]
fn the_close_refusals_hold_for_a_reschedule_too() {
    let item = "  - id: c-k3v9q2xa\n    what: Plan\n    due: \"2026-12-05\"\n    done: false\n";
    let error = refused("  - {id: c-k3v9q2xa, what: Plan, done: false}\n", TASK);
    assert!(matches!(error, EditError::FlowStyle { .. }), "{error:?}");
    let error = refused(&format!("{item}{item}"), TASK);
    assert!(matches!(error, EditError::FoundTwice { .. }), "{error:?}");
    let error = refused(item, "- Plan `c-k3v9q2xa`\n");
    assert!(matches!(error, EditError::TaskMissing { .. }), "{error:?}");
    let error = refused(item, &format!("{TASK}{TASK}"));
    assert!(matches!(error, EditError::TaskTwice { .. }), "{error:?}");
    let error = refused(item, "- [x] Plan `c-k3v9q2xa`\n");
    assert!(
        matches!(error, EditError::TaskDisagrees { .. }),
        "{error:?}"
    );
    let error = refused("  - id: c-other1\n    done: false\n", TASK);
    assert!(matches!(error, EditError::NotFound { .. }), "{error:?}");
}

#[test]
fn a_reschedule_is_checked_by_parsing_like_a_close() {
    let before = "---\na: 1\nc:\n- id: c-abcdef\n  due: \"2026-12-01\"\n  done: false\n---\n";
    let good = reschedule(
        &format!("{before}- [ ] x `c-abcdef`\n"),
        "c-abcdef",
        later(),
    )
    .unwrap();
    assert_eq!(good, "---\na: 1\nc:\n- id: c-abcdef\n  due: \"2026-12-12\"\n  done: false\n---\n- [ ] x `c-abcdef`\n");
}

#[test]
fn applying_a_reschedule_writes_the_note_and_names_the_due_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("note.md");
    std::fs::write(&path, NOTE).unwrap();
    let applied = apply(&path, PLAN, Change::Reschedule(later())).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines[applied.done_line - 1], "    due: \"2026-12-12\"");
    assert!(lines[applied.task_line - 1].contains("(due 2026-12-12, me) `c-zrv6s3kt`"));
}
