//! Walks without a terminal: answers files, --set, flags, and failing fast.

use crate::support::{Output, Test};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

fn prep_answers() -> String {
    format!("{EXAMPLES}/prep-answers.yaml")
}

/// The YAML between the first two `---` lines of a note.
fn front_matter(note: &str) -> serde_yaml::Value {
    let rest = note.strip_prefix("---\n").expect("a note starts with ---");
    let end = rest.find("\n---\n").expect("front matter ends with ---");
    serde_yaml::from_str(&rest[..end]).expect("front matter is YAML")
}

fn only_note(output: &Output) -> (String, String) {
    let mut found = Vec::new();
    let notes = output.dir.join("notes");
    for customer in std::fs::read_dir(&notes)
        .unwrap()
        .flatten()
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
    {
        for note in std::fs::read_dir(customer.path()).unwrap().flatten() {
            let name = note
                .path()
                .strip_prefix(&notes)
                .unwrap()
                .display()
                .to_string();
            if name.ends_with(".md") {
                found.push((name, std::fs::read_to_string(note.path()).unwrap()));
            }
        }
    }
    assert_eq!(
        found.len(),
        1,
        "expected one note, found {:?}",
        found.iter().map(|(name, _)| name).collect::<Vec<_>>()
    );
    found.remove(0)
}

fn no_notes_written(output: &Output) {
    let notes = output.dir.join("notes");
    let written: Vec<_> = walkdir(&notes);
    assert!(
        written.is_empty(),
        "nothing may be written, found {written:?}"
    );
}

fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|entry| {
            if entry.path().is_dir() {
                walkdir(&entry.path())
            } else {
                vec![entry.path()]
            }
        })
        .collect()
}

fn prep() -> Test {
    Test::new().args(["prep", "--notes-dir", "notes"])
}

#[test]
fn prep_from_an_answers_file_writes_a_note_with_front_matter_and_body() {
    let output = prep().args(["--answers", &prep_answers()]).run().status(0);
    let (name, note) = only_note(&output);
    assert_eq!(name, "northwind-traders/2026-12-01-pilot-kickoff-prep.md");
    assert!(
        output
            .stderr
            .contains("coach: wrote notes/northwind-traders/2026-12-01-pilot-kickoff-prep.md"),
        "{}",
        output.stderr
    );
    assert!(
        output.stdout.is_empty(),
        "stdout is for data only: {}",
        output.stdout
    );
    let front = front_matter(&note);
    assert_eq!(front["coach"], 1);
    assert_eq!(front["checklist"], "prep");
    assert_eq!(front["customer"], "Northwind Traders");
    assert_eq!(front["meeting"], "Pilot kickoff");
    assert_eq!(front["date"], "2026-12-01");
    assert!(front["created"].as_str().unwrap().contains('T'));
    let answers = &front["answers"];
    assert_eq!(
        answers["goal"],
        "Agree on the scope and success criteria of the pilot"
    );
    assert_eq!(
        answers["take-your-licks.first-words"],
        "You are right that the pilot slipped; here is what we changed"
    );
    assert_eq!(answers["pick-your-channels.channels"][1], "Email");
    let patterns: Vec<&str> = front["patterns"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap())
        .collect();
    assert!(
        patterns.contains(&"take-your-licks"),
        "the angry customer type includes it: {patterns:?}"
    );
    assert!(
        note.contains("\n# Northwind Traders: Pilot kickoff\n"),
        "{note}"
    );
    assert!(
        note.contains("\n## Take Your Licks\n`coach patterns show take-your-licks`\n"),
        "pattern sections name the command that shows the pattern, not its summary"
    );
    assert!(
        note.contains("\n- Dana Lee, head of operations, worried about downtime during rollout\n"),
        "lists as bullets"
    );
    assert!(
        note.contains("\nYou are right that the pilot slipped; here is what we changed\n"),
        "{note}"
    );
    assert!(note.contains("\n## Reminders\n"), "{note}");
}

#[test]
fn debrief_links_to_the_prep_note_and_lists_commitments_as_tasks() {
    let test = Test::new();
    let root = test.path().to_path_buf();
    let run = |checklist: &str, answers: &str| {
        Test::new()
            .args([
                checklist,
                "--notes-dir",
                root.join("notes").to_str().unwrap(),
                "--answers",
                &format!("{EXAMPLES}/{answers}"),
            ])
            .run()
            .status(0)
    };
    drop(run("prep", "prep-answers.yaml"));
    drop(run("debrief", "debrief-answers.yaml"));
    let note = std::fs::read_to_string(
        root.join("notes/northwind-traders/2026-12-01-pilot-kickoff-debrief.md"),
    )
    .unwrap();
    let front = front_matter(&note);
    assert_eq!(front["prep"], "2026-12-01-pilot-kickoff-prep.md");
    assert!(note.contains("[2026-12-01-pilot-kickoff-prep.md](2026-12-01-pilot-kickoff-prep.md)"));
    let promises = front["answers"]["promises"].as_sequence().unwrap();
    assert_eq!(promises.len(), 2);
    assert_eq!(promises[0]["what"], "Send the sized ERP integration plan");
    assert_eq!(promises[0]["due"], "2026-12-05");
    assert_eq!(promises[0]["who"], "me");
    assert_eq!(promises[0]["done"], false);
    let id = promises[0]["id"].as_str().unwrap();
    assert!(id.starts_with("c-") && id.len() == 10, "{id}");
    assert_ne!(promises[0]["id"], promises[1]["id"]);
    assert!(
        note.contains(&format!(
            "- [ ] Send the sized ERP integration plan (due 2026-12-05, me) `{id}`"
        )),
        "{note}"
    );
    assert!(note.contains("\n4/5\n"), "scale as n/5");
    drop(test);
}

#[test]
fn a_second_note_of_the_same_name_is_numbered_not_overwritten() {
    let test = prep().args(["--answers", &prep_answers()]);
    let root = test.path().to_path_buf();
    let first_run = test.run().status(0);
    let again = Test::new()
        .args([
            "prep",
            "--notes-dir",
            root.join("notes").to_str().unwrap(),
            "--answers",
            &prep_answers(),
            "--set",
            "goal=Second goal",
            "--print-path",
        ])
        .run()
        .status(0);
    assert!(
        again
            .stdout
            .trim_end()
            .ends_with("2026-12-01-pilot-kickoff-prep-2.md"),
        "{}",
        again.stdout
    );
    let first = std::fs::read_to_string(
        root.join("notes/northwind-traders/2026-12-01-pilot-kickoff-prep.md"),
    )
    .unwrap();
    assert!(
        first.contains("Agree on the scope"),
        "the first note is intact"
    );
    drop(first_run);
}

#[test]
fn scale_answers_show_the_label_of_their_point() {
    let output = Test::new()
        .args([
            "debrief",
            "--notes-dir",
            "notes",
            "--customer",
            "Acme",
            "--set",
            "overall=5",
            "--set",
            "listen-listen-listen.talk-share=2",
            "--output",
            "-",
        ])
        .run()
        .status(0);
    assert!(
        output
            .stdout
            .contains("- **Overall**: 5/5 (achieved what you wanted)\n"),
        "{}",
        output.stdout
    );
    assert!(
        output.stdout.contains("\n2/5\n"),
        "points between the ends have no label"
    );
}

#[test]
fn output_dash_prints_the_note_and_writes_nothing() {
    let output = prep()
        .args(["--answers", &prep_answers(), "--output", "-"])
        .run()
        .status(0);
    assert!(
        output.stdout.starts_with("---\ncoach: 1\n"),
        "{}",
        output.stdout
    );
    assert_eq!(
        front_matter(&output.stdout)["customer"],
        "Northwind Traders"
    );
    no_notes_written(&output);
}

#[test]
fn print_path_prints_only_the_path() {
    prep()
        .args(["--answers", &prep_answers(), "--print-path"])
        .run()
        .status(0)
        .stdout_is("notes/northwind-traders/2026-12-01-pilot-kickoff-prep.md\n");
}

#[test]
fn json_prints_a_machine_summary() {
    let output = Test::new()
        .args([
            "debrief",
            "--notes-dir",
            "notes",
            "--answers",
            &format!("{EXAMPLES}/debrief-answers.yaml"),
            "--json",
        ])
        .run()
        .status(0);
    let summary: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    assert_eq!(
        summary["path"],
        "notes/northwind-traders/2026-12-01-pilot-kickoff-debrief.md"
    );
    assert_eq!(summary["customer"], "Northwind Traders");
    assert_eq!(summary["checklist"], "debrief");
    assert_eq!(summary["answers"]["overall"], 4);
    assert_eq!(summary["commitments"][1]["who"], "Dana Lee");
    assert_eq!(summary["commitments"][1]["question"], "promises");
    assert!(summary["commitments"][0]["id"]
        .as_str()
        .unwrap()
        .starts_with("c-"));
}

#[test]
fn answers_come_from_stdin_as_json_and_from_set() {
    let json =
        r#"{"customer": "Initech", "goal": "Fix the TPS reports", "attendees": ["Bill", "Peter"]}"#;
    let output = prep()
        .args([
            "--answers",
            "-",
            "--set",
            "pick-your-channels.channels=Email; Phone",
            "--set",
            "keep-them-posted.next-update=2026-12-24",
            "--print-path",
        ])
        .stdin(json)
        .run()
        .status(0);
    let note = std::fs::read_to_string(output.dir.join(output.stdout.trim())).unwrap();
    let front = front_matter(&note);
    assert_eq!(front["customer"], "Initech");
    assert_eq!(front["answers"]["attendees"][1], "Peter");
    assert_eq!(front["answers"]["pick-your-channels.channels"][0], "Email");
    // The date answers a promise: it is that commitment's due date.
    let update = &front["answers"]["keep-them-posted.next-update"][0];
    assert_eq!(update["what"], "Send the next status update");
    assert_eq!(update["due"], "2026-12-24");
}

#[test]
fn header_flags_override_the_answers_file() {
    let output = prep()
        .args([
            "--answers",
            &prep_answers(),
            "--customer",
            "Globex",
            "--meeting",
            "Budget",
            "--date",
            "2027-01-05",
            "--print-path",
        ])
        .run()
        .status(0);
    assert_eq!(output.stdout, "notes/globex/2027-01-05-budget-prep.md\n");
}

#[test]
fn invalid_scripted_answers_are_all_listed_and_nothing_is_written() {
    let answers = "\
customer: Acme
goal: g
knwo-the-customer.gaps: [a]
know-which-customer-you-face.customer-type: Furious
keep-them-posted.next-update: someday
its-a-relationship-not-a-sale.horizon: [a, b]
attendees: {a: b}
";
    let output = prep()
        .args(["--answers", "answers.yaml"])
        .write("answers.yaml", answers)
        .run()
        .status(2);
    output.stderr_line("`knwo-the-customer.gaps` is no question of the prep walk; did you mean `know-the-customer.gaps`?");
    output.stderr_line(
        "`know-which-customer-you-face.customer-type`: `Furious` is not one of the options",
    );
    output.stderr_line("`keep-them-posted.next-update`: `someday` is not a date");
    output
        .stderr_line("`its-a-relationship-not-a-sale.horizon`: expected text for a text question");
    output.stderr_line("`attendees`: expected a list of text");
    assert_eq!(
        output
            .stderr
            .lines()
            .filter(|line| line.starts_with("coach: error:"))
            .count(),
        5,
        "{}",
        output.stderr
    );
    no_notes_written(&output);
}

#[test]
fn scale_and_multiselect_answers_are_checked_like_typed_ones() {
    let output = Test::new()
        .args([
            "debrief",
            "--notes-dir",
            "notes",
            "--customer",
            "A",
            "--set",
            "overall=7",
            "--set",
            "tension=calm throughout",
            "--set",
            "promises=Call back | someday",
        ])
        .run()
        .status(2);
    output.stderr_line("`overall`: 7 is out of range: answer from 1 to 5");
    output.stderr_line("`promises`: commitment `Call back`: `someday` is not a date");
    assert!(
        !output.stderr.contains("`tension`"),
        "option labels match regardless of case"
    );
}

#[test]
fn without_a_terminal_missing_answers_fail_fast_naming_each_and_its_flag() {
    let output = prep().run().status(2);
    output.stderr_line("missing answer `customer`: pass --customer NAME");
    output.stderr_line("missing answer `goal`: pass --set goal=VALUE");
    output.stderr_line("no terminal to ask on");
    no_notes_written(&output);
}

#[test]
fn stdin_piped_without_answers_never_waits() {
    // stdin is a pipe that stays open: a prompt would wait forever here.
    let output = prep().stdin("").run().status(2);
    output.stderr_line("missing answer `customer`");
}

#[test]
fn no_input_never_prompts() {
    let output = prep()
        .args(["--no-input", "--customer", "Acme"])
        .run()
        .status(2);
    output.stderr_line("--no-input forbids asking");
    assert!(!output.stderr.contains("`customer`"));
}

#[test]
fn defaults_fill_in_and_optional_questions_stay_unanswered() {
    let output = prep()
        .args([
            "--defaults",
            "--customer",
            "Acme",
            "--set",
            "goal=Agree",
            "--output",
            "-",
        ])
        .run()
        .status(0);
    let front = front_matter(&output.stdout);
    let today = front["created"].as_str().unwrap()[..10].to_string();
    assert_eq!(
        front["date"].as_str().unwrap(),
        today,
        "date defaults to today"
    );
    assert!(front["meeting"].is_null());
    let answers = front["answers"].as_mapping().unwrap();
    assert_eq!(answers.len(), 1, "only the goal was answered: {answers:?}");
}

#[test]
fn an_answer_for_a_pattern_outside_the_walk_is_an_error() {
    let output = prep()
        .args([
            "--customer",
            "Acme",
            "--set",
            "goal=g",
            "--set",
            "take-your-licks.first-words=Sorry",
        ])
        .run()
        .status(2);
    output.stderr_line(
        "`take-your-licks.first-words` was answered, but its pattern is not part of this walk",
    );
    no_notes_written(&output);
}

#[test]
fn odd_customer_names_make_safe_separate_folders() {
    let test = Test::new();
    let notes = test.path().join("notes");
    let write = |customer: &str| {
        let output = Test::new()
            .args([
                "prep",
                "--notes-dir",
                notes.to_str().unwrap(),
                "--customer",
                customer,
                "--set",
                "goal=g",
                "--date",
                "2026-12-01",
                "--print-path",
            ])
            .run()
            .status(0);
        output
            .stdout
            .trim()
            .strip_prefix(notes.to_str().unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(write("../../etc/passwd"), "/etc-passwd/2026-12-01-prep.md");
    assert_eq!(write(".hidden"), "/hidden/2026-12-01-prep.md");
    assert_eq!(
        write("Société Générale"),
        "/société-générale/2026-12-01-prep.md"
    );
    assert_eq!(write("C++ Inc"), "/c-inc/2026-12-01-prep.md");
    assert_eq!(
        write("C Inc"),
        "/c-inc-2/2026-12-01-prep.md",
        "a different customer must not share the folder"
    );
    assert_eq!(
        write("c++ inc"),
        "/c-inc/2026-12-01-prep-2.md",
        "the same customer keeps its folder"
    );
    assert_eq!(write("???"), "/customer/2026-12-01-prep.md");
    drop(test);
}

#[cfg(unix)]
#[test]
fn notes_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let output = prep()
        .args(["--answers", &prep_answers(), "--print-path"])
        .run()
        .status(0);
    let path = output.dir.join(output.stdout.trim());
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    assert_eq!(mode(&output.dir.join("notes")), 0o700);
}

#[test]
fn a_note_that_cannot_be_written_is_printed_and_kept_as_a_draft() {
    // The customer's folder is taken by a file, so the note cannot be created.
    let output = prep()
        .args(["--answers", &prep_answers()])
        .write("notes/northwind-traders", "in the way")
        .run()
        .status(1);
    let line = output.stderr_line("cannot write the note");
    assert!(
        line.contains("notes/northwind-traders/2026-12-01-pilot-kickoff-prep.md"),
        "{line}"
    );
    assert!(
        line.ends_with("notes/northwind-traders is a file, not a folder; move it away or choose another notes folder"),
        "the error names what is in the way: {line}"
    );
    let draft_line = output.stderr_line("saved as a draft in");
    let draft = draft_line
        .split("draft in ")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    let saved = std::fs::read_to_string(output.dir.join(draft)).unwrap();
    assert!(saved.contains("goal: Agree on the scope"), "{saved}");
    assert!(
        output.stdout.starts_with("---\ncoach: 1\n"),
        "the note is printed so it is not lost"
    );
}

#[test]
fn resume_without_a_draft_says_so() {
    prep()
        .args(["--resume"])
        .run()
        .status(2)
        .stderr_has("no draft of a `prep` walk");
}

#[test]
fn resume_continues_from_the_newest_draft_and_removes_it() {
    let output = prep()
        .args(["--resume", "--set", "goal=Finish it", "--print-path"])
        .write("notes/.drafts/prep-20261120-101010.yaml", "customer: Old\n")
        .write(
            "notes/.drafts/prep-20261121-101010.yaml",
            "customer: Newest\ndate: 2026-11-21\n",
        )
        .write(
            "notes/.drafts/prep-long-20261122-101010.yaml",
            "customer: Other checklist\n",
        )
        .run()
        .status(0);
    assert_eq!(output.stdout, "notes/newest/2026-11-21-prep.md\n");
    assert!(!output
        .dir
        .join("notes/.drafts/prep-20261121-101010.yaml")
        .exists());
    assert!(output
        .dir
        .join("notes/.drafts/prep-20261120-101010.yaml")
        .exists());
}

#[test]
fn unknown_checklist_suggests_the_nearest() {
    Test::new()
        .args(["walk", "reveiw", "--notes-dir", "notes"])
        .run()
        .status(2)
        .stderr_has("no checklist `reveiw` in the loaded patterns; did you mean `review`?");
}

#[test]
fn walk_runs_any_checklist_a_pack_defines() {
    let output = Test::new()
        .args([
            "walk",
            "review",
            "--notes-dir",
            "notes",
            "--customer",
            "Acme",
            "--defaults",
            "--output",
            "-",
        ])
        .run();
    // review has required questions without defaults: they are named.
    let output = output.status(2);
    output.stderr_line("missing answer `health`");
}

#[test]
fn the_template_is_accepted_by_answers_as_it_is() {
    let template = Test::new()
        .args(["questions", "debrief", "--template", "--customer", "Acme"])
        .run()
        .status(0);
    assert!(
        template.stdout.contains("\novershall: ~") || template.stdout.contains("\noverall: ~"),
        "{}",
        template.stdout
    );
    let output = Test::new()
        .args([
            "debrief",
            "--notes-dir",
            "notes",
            "--answers",
            "template.yaml",
            "--set",
            "overall=3",
            "--print-path",
        ])
        .write("template.yaml", &template.stdout)
        .run()
        .status(0);
    assert_eq!(
        output.stdout,
        format!(
            "notes/acme/{}-debrief.md\n",
            &front_matter(&output.file(output.stdout.trim()))["date"]
                .as_str()
                .unwrap()
        )
    );
}

#[test]
fn questions_lists_the_walk_with_includes_from_given_answers() {
    let plain = Test::new()
        .args(["questions", "prep", "--format", "json"])
        .run()
        .status(0);
    let plain: serde_json::Value = serde_json::from_str(&plain.stdout).unwrap();
    let ids: Vec<&str> = plain
        .as_array()
        .unwrap()
        .iter()
        .map(|question| question["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[..4], ["customer", "meeting", "date", "goal"]);
    assert!(!ids.iter().any(|id| id.starts_with("take-your-licks.")));
    let angry = Test::new()
        .args([
            "questions",
            "prep",
            "--format",
            "yaml",
            "--set",
            "know-which-customer-you-face.customer-type=Angry or upset",
        ])
        .run()
        .status(0);
    assert!(
        angry.stdout.contains("id: take-your-licks.first-words"),
        "{}",
        angry.stdout
    );
    assert!(angry.stdout.contains("pattern: take-your-licks"));
}
