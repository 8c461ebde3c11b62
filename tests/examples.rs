//! The files in `examples/` keep working: each one is run as its comments say.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_yaml::Value;

use crate::support::{isolate, Test, BIN};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

fn example(name: &str) -> String {
    format!("{EXAMPLES}/{name}")
}

/// The YAML front matter of a note: between the opening `---` and the next.
#[track_caller]
fn front_matter(note: &str) -> Value {
    let rest = note
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("the note does not start with `---`:\n{note}"));
    let end = rest
        .find("\n---\n")
        .unwrap_or_else(|| panic!("the front matter is not closed:\n{note}"));
    serde_yaml::from_str(&rest[..end]).expect("the front matter is YAML")
}

#[track_caller]
fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The keys of an answers file, without the header answers, which the front
/// matter keeps outside `answers`.
fn answer_ids(answers_file: &str) -> Vec<String> {
    let answers: Value = serde_yaml::from_str(&read(example(answers_file))).unwrap();
    answers
        .as_mapping()
        .expect("an answers file is a mapping")
        .keys()
        .map(|key| key.as_str().unwrap().to_string())
        .filter(|key| !["customer", "meeting", "date"].contains(&key.as_str()))
        .collect()
}

#[track_caller]
fn assert_every_answer_is_kept(front: &Value, answers_file: &str) {
    for id in answer_ids(answers_file) {
        assert!(
            !front["answers"][id.as_str()].is_null(),
            "{answers_file}: `{id}` is missing from the note's answers:\n{front:?}"
        );
    }
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_sequence()
        .unwrap_or_else(|| panic!("not a list: {value:?}"))
        .iter()
        .map(|item| item.as_str().unwrap())
        .collect()
}

fn pattern_ids(json: &str) -> BTreeSet<String> {
    let list: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    list["patterns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pattern| pattern["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_prep_answers_example_writes_a_complete_prep_note() {
    let output = Test::new()
        .args(["--notes-dir", "notes", "prep", "--no-input", "--print-path"])
        .args(["--answers", &example("prep-answers.yaml")])
        .run()
        .status(0);
    let path = output.stdout.trim();
    assert!(
        path.ends_with("notes/northwind-traders/2026-12-01-pilot-kickoff-prep.md"),
        "unexpected path {path:?}"
    );
    let front = front_matter(&output.file(path));
    assert_eq!(front["checklist"], "prep");
    assert_eq!(front["customer"], "Northwind Traders");
    assert_eq!(front["meeting"], "Pilot kickoff");
    assert_eq!(front["date"], "2026-12-01");
    assert_eq!(
        front["answers"]["goal"],
        "Agree on the scope and success criteria of the pilot"
    );
    assert_eq!(
        strings(&front["answers"]["know-the-customer.gaps"]),
        [
            "Who signs off the pilot budget",
            "How they measure picking accuracy today"
        ]
    );
    assert_every_answer_is_kept(&front, "prep-answers.yaml");
}

#[test]
fn the_debrief_answers_example_writes_a_debrief_that_links_to_its_prep_note() {
    let notes = tempfile::tempdir().unwrap();
    let notes_dir = notes.path().to_str().unwrap();
    let prep = Test::new()
        .args([
            "--notes-dir",
            notes_dir,
            "prep",
            "--no-input",
            "--print-path",
        ])
        .args(["--answers", &example("prep-answers.yaml")])
        .run()
        .status(0);
    let prep_name = Path::new(prep.stdout.trim()).file_name().unwrap();

    let debrief = Test::new()
        .args(["--notes-dir", notes_dir, "debrief", "--no-input", "--json"])
        .args(["--answers", &example("debrief-answers.yaml")])
        .run()
        .status(0);
    let summary: serde_json::Value =
        serde_json::from_str(&debrief.stdout).expect("--json prints JSON");
    assert_eq!(summary["checklist"], "debrief");
    let commitments: Vec<&str> = summary["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|commitment| commitment["what"].as_str().unwrap())
        .collect();
    assert_eq!(
        commitments,
        [
            "Send the sized ERP integration plan",
            "Share last year's picking accuracy figures",
            // The status-update date and the acknowledged request promise too.
            "Send the next status update",
            "A read-only demo account for Sam",
        ]
    );

    let note = read(summary["path"].as_str().unwrap());
    let front = front_matter(&note);
    assert_eq!(front["checklist"], "debrief");
    assert_eq!(front["customer"], "Northwind Traders");
    assert_eq!(front["answers"]["overall"], 4);
    assert_eq!(front["answers"]["promises"][1]["who"], "Dana Lee");
    assert_eq!(front["prep"].as_str(), prep_name.to_str());
    assert!(
        note.contains(&format!("Prepared in [{}]", prep_name.to_str().unwrap())),
        "the body does not link to the prep note:\n{note}"
    );
    assert_every_answer_is_kept(&front, "debrief-answers.yaml");
}

#[test]
fn the_custom_pack_checks_clean_on_its_own_and_on_top_of_the_builtin_pack() {
    let pack = example("custom-pack");
    let alone = Test::new()
        .args(["--no-builtin", "--patterns", &pack, "patterns", "check"])
        .run()
        .status(0)
        .stdout_has("1 checklist in 1 pack");
    assert!(alone.stdout.starts_with("ok: "), "{}", alone.stdout);
    assert_eq!(alone.stderr, "");

    Test::new()
        .args(["--patterns", &pack, "patterns", "check"])
        .run()
        .status(0)
        .stdout_has("in 2 packs");
}

#[test]
fn the_custom_pack_adds_patterns_without_replacing_any_builtin_one() {
    let builtin = Test::new()
        .args(["patterns", "list", "--json"])
        .run()
        .status(0);
    let custom = Test::new()
        .args(["--no-builtin", "--patterns", &example("custom-pack")])
        .args(["patterns", "list", "--json"])
        .run()
        .status(0);
    let builtin = pattern_ids(&builtin.stdout);
    let custom = pattern_ids(&custom.stdout);
    assert!(custom.len() >= 3, "{custom:?}");
    let clashes: Vec<_> = builtin.intersection(&custom).collect();
    assert!(
        clashes.is_empty(),
        "ids also in the built-in pack: {clashes:?}"
    );
}

#[test]
fn the_custom_pack_asks_every_question_kind_with_its_answers_file() {
    let output = Test::new()
        .args(["--no-builtin", "--patterns", &example("custom-pack")])
        .args(["questions", "incident-review", "--format", "json"])
        .args(["--answers", &example("custom-pack-answers.yaml")])
        .run()
        .status(0);
    let questions: serde_json::Value = serde_json::from_str(&output.stdout).expect("valid JSON");
    let kinds: BTreeSet<&str> = questions
        .as_array()
        .unwrap()
        .iter()
        .map(|question| question["kind"].as_str().unwrap())
        .collect();
    let all = [
        "commitments",
        "confirm",
        "date",
        "list",
        "long",
        "multiselect",
        "scale",
        "select",
        "text",
    ];
    assert_eq!(kinds, BTreeSet::from(all));
}

#[test]
fn the_custom_pack_walks_its_answers_file_into_a_note_with_the_included_pattern() {
    let pack = example("custom-pack");
    let output = Test::new()
        .args(["--no-builtin", "--patterns", &pack, "--notes-dir", "notes"])
        .args(["walk", "incident-review", "--no-input", "--print-path"])
        .args(["--answers", &example("custom-pack-answers.yaml")])
        .run()
        .status(0);
    let path = output.stdout.trim();
    assert!(
        path.ends_with(
            "notes/fabrikam-logistics/2026-11-20-checkout-outage-review-incident-review.md"
        ),
        "unexpected path {path:?}"
    );
    let front = front_matter(&output.file(path));
    assert_eq!(front["checklist"], "incident-review");
    assert_eq!(front["customer"], "Fabrikam Logistics");

    // Both patterns come in only through a chosen option's `include`.
    let patterns = strings(&front["patterns"]);
    for included in ["close-the-detection-gap", "keep-the-credit-talk-separate"] {
        assert!(
            patterns.contains(&included),
            "{included} not in {patterns:?}"
        );
    }
    let list = Test::new()
        .args([
            "--no-builtin",
            "--patterns",
            &pack,
            "patterns",
            "list",
            "--json",
        ])
        .run()
        .status(0);
    let list: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    for pattern in list["patterns"].as_array().unwrap() {
        let uses = pattern["uses"].as_array().unwrap();
        assert!(
            !uses.contains(&"close-the-detection-gap".into()),
            "{} uses the pattern that only an include should reach",
            pattern["id"]
        );
    }

    let repairs = &front["answers"]["agree-on-the-repairs.repairs"];
    assert_eq!(
        repairs[0]["what"],
        "Alert on checkout error rate per tenant"
    );
    assert_eq!(repairs[0]["due"], "2026-11-27");
    assert_eq!(repairs[2]["who"], "Jo Park");
    assert_eq!(
        strings(&front["answers"]["separate-causes-from-blame.causes"]),
        ["A change we deployed", "Capacity or load"]
    );
    assert_every_answer_is_kept(&front, "custom-pack-answers.yaml");
}

#[test]
fn the_scripted_workflow_runs_without_a_terminal_and_exits_zero() {
    // The script runs `bash`, not coach, so the builder only supplies the
    // temporary directory; the environment is isolated the same way.
    let test = Test::new();
    let root = test.path();
    let notes = root.join("notes");
    let mut command = Command::new("bash");
    isolate(&mut command, root);
    let output = command
        .arg(example("scripted-workflow.sh"))
        .env("COACH", BIN)
        .env("COACH_NOTES_DIR", &notes)
        .stdin(Stdio::null())
        .output()
        .expect("bash starts");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(0),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );

    let customer = notes.join("northwind-traders");
    let prep = customer.join("2026-12-01-pilot-kickoff-prep.md");
    let debrief = customer.join("2026-12-01-pilot-kickoff-debrief.md");
    let template = notes.join("debrief-template.yaml");
    for expected in [
        format!("== prep note: {}", prep.display()),
        "# Northwind Traders: Pilot kickoff".to_string(),
        debrief.display().to_string(),
        format!("== answers template: {}", template.display()),
    ] {
        assert!(
            stdout.contains(&expected),
            "stdout lacks {expected:?}:\n{stdout}\nstderr:\n{stderr}"
        );
    }
    assert_eq!(front_matter(&read(&debrief))["checklist"], "debrief");
    let template: Value = serde_yaml::from_str(&read(&template)).expect("the template is YAML");
    assert!(template["overall"].is_null(), "{template:?}");
    assert!(
        template
            .as_mapping()
            .unwrap()
            .contains_key("know-the-customer.learned"),
        "{template:?}"
    );
}
