//! Drafts (issue 10 section 4): none without an answer, `coach drafts` lists
//! them, `--resume` takes one by id, offers them at a terminal, and `coach
//! drafts rm ID` removes one.

use std::path::PathBuf;

use crate::pty::{Note, Place, Pty, CTRL_C, DOWN, ENTER};
use crate::support::Test;

const PACK: &str = "\
patterns:
  - id: listen
    name: Listen
    summary: Listen before you talk.
    questions:
      prep:
        - id: worry
          ask: What worries you?
        - id: hope
          ask: What do you hope for?
checklists:
  - id: prep
    title: Before the meeting
    start: [listen]
";

const OLDER: &str = "notes/.drafts/prep-20261120-090000.yaml";
const NEWER: &str = "notes/.drafts/prep-20261122-101010.yaml";
const EMPTY: &str = "notes/.drafts/prep-20261125-080000.yaml";
const DEBRIEF: &str = "notes/.drafts/debrief-20261121-170000.yaml";

/// Three drafts of `prep` (the newest holds nothing) and one of `debrief`.
fn with_drafts() -> Test {
    Test::new()
        .write("pack/listen.yaml", PACK)
        .write(
            OLDER,
            "customer: Contoso\nmeeting: Roadmap\nlisten.worry: Price\n",
        )
        .write(NEWER, "customer: Acme\nlisten.worry: Scope\n")
        .write(EMPTY, "# Answers of an interrupted `prep` walk\n")
        .write(DEBRIEF, "customer: Acme\nmeeting: Kickoff\n")
}

fn coach(test: Test, args: &[&str]) -> crate::support::Output {
    let mut all = vec!["--no-builtin", "--patterns", "pack", "--notes-dir", "notes"];
    all.extend_from_slice(args);
    test.args(all).run()
}

#[test]
fn coach_drafts_lists_every_draft_newest_first_with_its_customer_meeting_and_answers() {
    coach(with_drafts(), &["drafts"]).status(0).stdout_is(
        "\
prep-20261125-080000\tprep\t\t\t2026-11-25 08:00\t0
prep-20261122-101010\tprep\tAcme\t\t2026-11-22 10:10\t2
debrief-20261121-170000\tdebrief\tAcme\tKickoff\t2026-11-21 17:00\t2
prep-20261120-090000\tprep\tContoso\tRoadmap\t2026-11-20 09:00\t3
",
    );
}

#[test]
fn coach_drafts_json_is_one_array_with_ids_that_resume_and_rm_take() {
    let output = coach(with_drafts(), &["drafts", "--json"]).status(0);
    let list: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    let last = &list[3];
    assert_eq!(last["id"], "prep-20261120-090000");
    assert_eq!(last["checklist"], "prep");
    assert_eq!(last["customer"], "Contoso");
    assert_eq!(last["meeting"], "Roadmap");
    assert_eq!(last["saved"], "2026-11-20T09:00:00");
    assert_eq!(last["answers"], 3);
    assert_eq!(list[1]["meeting"], serde_json::Value::Null);
}

#[test]
fn coach_drafts_with_no_drafts_lists_nothing_and_says_so_on_stderr() {
    coach(Test::new(), &["drafts"])
        .status(0)
        .stdout_is("")
        .stderr_has("coach: no drafts in notes/.drafts");
}

#[test]
fn resume_with_an_id_continues_that_draft_and_removes_it() {
    let output = coach(
        with_drafts(),
        &[
            "prep",
            "--resume",
            "prep-20261120-090000",
            "--defaults",
            "--output",
            "-",
        ],
    )
    .status(0)
    .stdout_has("customer: Contoso");
    assert!(!output.dir.join(OLDER).exists(), "the draft is left behind");
    assert!(output.dir.join(NEWER).exists(), "another draft was removed");
}

#[test]
fn resume_without_a_terminal_takes_the_newest_draft_that_holds_an_answer() {
    let output = coach(
        with_drafts(),
        &["prep", "--resume", "--defaults", "--output", "-"],
    )
    .status(0)
    .stdout_has("customer: Acme");
    assert!(!output.dir.join(NEWER).exists());
    assert!(output.dir.join(EMPTY).exists(), "the empty draft was taken");
}

#[test]
fn resume_with_an_unknown_id_suggests_the_nearest_and_exits_2() {
    let output = coach(
        with_drafts(),
        &["prep", "--resume=prep-20261120-09000", "--defaults"],
    )
    .status(2);
    output.stderr_line(
        "coach: error: no draft `prep-20261120-09000`; did you mean `prep-20261120-090000`?",
    );
    output.stderr_line("coach: hint: `coach drafts` lists the drafts and their ids");
}

#[test]
fn resume_with_the_id_of_another_checklists_draft_names_the_command_that_resumes_it() {
    coach(
        with_drafts(),
        &["prep", "--resume", "debrief-20261121-170000", "--defaults"],
    )
    .status(2)
    .stderr_has("the draft `debrief-20261121-170000` is of a `debrief` walk, not `prep`")
    .stderr_has("continue it with `coach debrief --resume debrief-20261121-170000`");
}

#[test]
fn drafts_rm_removes_only_the_draft_named() {
    let output = coach(with_drafts(), &["drafts", "rm", "prep-20261122-101010"])
        .status(0)
        .stderr_has("coach: removed the draft prep-20261122-101010 of a `prep` walk");
    assert!(!output.dir.join(NEWER).exists());
    for kept in [OLDER, EMPTY, DEBRIEF] {
        assert!(output.dir.join(kept).exists(), "{kept} was removed");
    }
}

#[test]
fn drafts_rm_of_an_unknown_id_suggests_the_nearest_changes_nothing_and_exits_2() {
    let output = coach(with_drafts(), &["drafts", "rm", "prep-20261122-10101"]).status(2);
    output.stderr_line(
        "coach: error: no draft `prep-20261122-10101`; did you mean `prep-20261122-101010`?",
    );
    for kept in [OLDER, NEWER, EMPTY, DEBRIEF] {
        assert!(output.dir.join(kept).exists(), "{kept} was removed");
    }
}

/// A test whose `notes/.drafts` links to `elsewhere`, which holds a draft.
fn with_linked_drafts() -> Test {
    let test = Test::new().write("elsewhere/prep-20261122-101010.yaml", "customer: Acme\n");
    std::fs::create_dir_all(test.path().join("notes")).unwrap();
    std::os::unix::fs::symlink(
        test.path().join("elsewhere"),
        test.path().join("notes/.drafts"),
    )
    .unwrap();
    test
}

#[test]
fn drafts_rm_and_the_list_never_go_through_a_linked_drafts_folder() {
    let output = coach(
        with_linked_drafts(),
        &["drafts", "rm", "prep-20261122-101010"],
    )
    .status(2);
    output.stderr_line(
        "notes/.drafts is a symbolic link, and coach never reads or deletes drafts through one",
    );
    assert!(output
        .dir
        .join("elsewhere/prep-20261122-101010.yaml")
        .exists());
    coach(with_linked_drafts(), &["drafts"])
        .status(2)
        .stdout_is("");
}

/// `coach prep ARGS` with the small pack at a terminal.
fn prep_on_a_terminal(place: &Place, args: &[&str]) -> Pty {
    let mut all = vec!["--no-builtin", "--patterns", "pack", "prep"];
    all.extend_from_slice(args);
    Pty::spawn(place.command(&all))
}

fn place_with_two_drafts() -> Place {
    let place = Place::new();
    place.write("pack/listen.yaml", PACK);
    for (path, text) in [
        (
            OLDER,
            "customer: Contoso\nmeeting: Roadmap\nlisten.worry: Price\n",
        ),
        (NEWER, "customer: Acme\nlisten.worry: Scope\n"),
        (EMPTY, "# nothing yet\n"),
        (DEBRIEF, "customer: Acme\n"),
    ] {
        place.write(path, text);
    }
    place
}

#[test]
fn resume_at_a_terminal_offers_the_drafts_of_the_checklist_and_continues_the_one_chosen() {
    let place = place_with_two_drafts();
    let mut coach = prep_on_a_terminal(&place, &["--resume"]);
    coach.expect("Which draft do you continue?");
    let offered = coach.expect("Contoso · Roadmap · saved 2026-11-20 09:00 · 3 answers");
    assert!(
        offered.contains("❯ Acme · saved 2026-11-22 10:10 · 2 answers"),
        "the newest is not chosen first:\n{}",
        coach.screen()
    );
    coach.wait_for_key_read();
    coach.send(DOWN);
    coach.expect("❯ Contoso");
    coach.send(ENTER);
    coach.answer("When is the meeting?", "");
    coach.answer("What do you hope for?", "A date");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let screen = coach.screen();
    assert!(
        !screen.contains("debrief"),
        "another checklist's draft:\n{screen}"
    );
    assert!(!screen.contains("0 answers"), "an empty draft:\n{screen}");
    let note = Note::read(&coach.written());
    assert_eq!(note.front["customer"], serde_yaml::Value::from("Contoso"));
    assert_eq!(
        note.answer("listen.worry"),
        &serde_yaml::Value::from("Price")
    );
    assert!(
        !place.path().join(OLDER).exists(),
        "the chosen draft is left"
    );
    assert!(place.path().join(NEWER).exists(), "the other draft is gone");
}

#[test]
fn esc_at_the_draft_chooser_resumes_nothing_and_keeps_every_draft() {
    let place = place_with_two_drafts();
    let mut coach = prep_on_a_terminal(&place, &["--resume"]);
    coach.expect("Which draft do you continue?");
    coach.wait_for_key_read();
    coach.send("\x1b");
    coach.expect("coach: interrupted; nothing was resumed and every draft is kept");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    assert_eq!(place.drafts().len(), 4);
}

#[test]
fn ctrl_c_at_the_first_question_keeps_no_draft() {
    let place = Place::new();
    place.write("pack/listen.yaml", PACK);
    let mut coach = prep_on_a_terminal(&place, &[]);
    coach.expect("Who is the customer?");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    coach.expect("coach: interrupted; nothing was answered yet, so no draft was kept");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    assert_eq!(place.drafts(), Vec::<PathBuf>::new());
}

#[test]
fn a_signal_after_only_header_flags_keeps_no_draft() {
    let place = Place::new();
    place.write("pack/listen.yaml", PACK);
    let mut coach = prep_on_a_terminal(&place, &["--customer", "Acme", "--meeting", "Kickoff"]);
    coach.expect("When is the meeting?");
    coach.expect("›");
    coach.wait_for_key_read();
    coach.kill("TERM");
    coach.expect("coach: interrupted; nothing was answered yet, so no draft was kept");
    assert_eq!(coach.finish(), 143, "{}", coach.screen());
    assert_eq!(place.drafts(), Vec::<PathBuf>::new());
}

#[test]
fn a_signal_after_one_typed_answer_keeps_a_draft() {
    let place = Place::new();
    place.write("pack/listen.yaml", PACK);
    let mut coach = prep_on_a_terminal(&place, &["--customer", "Acme"]);
    coach.answer("What is the meeting?", "Kickoff");
    coach.expect("When is the meeting?");
    coach.expect("›");
    coach.wait_for_key_read();
    coach.kill("TERM");
    coach.expect("coach: interrupted; answers so far saved in ");
    assert_eq!(coach.finish(), 143, "{}", coach.screen());
    assert_eq!(place.drafts().len(), 1);
}

#[test]
fn ctrl_c_at_the_draft_chooser_keeps_every_draft_as_it_was() {
    let place = place_with_two_drafts();
    let mut coach = prep_on_a_terminal(&place, &["--resume"]);
    coach.expect("Which draft do you continue?");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    coach.expect("coach: interrupted; every draft is kept as it was");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    assert_eq!(place.drafts().len(), 4);
    let older = std::fs::read_to_string(place.path().join(OLDER)).unwrap();
    assert!(older.contains("customer: Contoso"), "{older}");
}

// Regression guard: the chooser's Ctrl-C handler must give way to the
// walk's, which keeps the answers as a draft.
#[test]
fn ctrl_c_in_the_walk_after_the_chooser_keeps_the_resumed_answers_as_a_draft() {
    let place = place_with_two_drafts();
    let mut coach = prep_on_a_terminal(&place, &["--resume"]);
    coach.expect("Which draft do you continue?");
    coach.wait_for_key_read();
    coach.send(DOWN);
    coach.expect("❯ Contoso");
    coach.send(ENTER);
    coach.expect("When is the meeting?");
    coach.expect("›");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    coach.expect("coach: interrupted; answers so far saved in ");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    // The new draft replaces the one resumed; the others stay.
    let drafts = place.drafts();
    assert_eq!(drafts.len(), 4, "{drafts:?}");
    assert!(!place.path().join(OLDER).exists());
    let newest = drafts
        .iter()
        .find(|path| {
            ![NEWER, EMPTY, DEBRIEF]
                .iter()
                .any(|kept| place.path().join(kept) == **path)
        })
        .unwrap();
    let saved = std::fs::read_to_string(newest).unwrap();
    assert!(
        saved.contains("customer: Contoso") && saved.contains("listen.worry: Price"),
        "{saved}"
    );
}
