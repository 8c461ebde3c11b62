//! The pack keys that make an answer a promise (`commitment:`, `on_yes:`):
//! checked strictly, answered by script, and kept as commitments.

use serde_json::{json, Value};

use crate::support::notes_dir::NotesDir;
use crate::support::Test;

/// A pack whose four questions each promise in their own way.
const PROMISING: &str = "\
patterns:
  - id: follow-up
    name: Follow Up
    summary: Every promise gets a date.
    questions:
      prep:
        - id: update
          ask: When will you send the next update?
          kind: date
          commitment: Send the next status update
        - id: requests
          ask: Which requests did you acknowledge?
          kind: list
          commitment: true
        - id: blamed
          ask: Did you blame another team?
          kind: confirm
          on_yes: {commitment: Follow up and take ownership, due: 2d}
        - id: late
          ask: Are you late with anything?
          kind: confirm
          on_yes:
            commitment: Warn them before they ask
checklists:
  - id: prep
    start: [follow-up]
";

/// Checks `pack` alone; the problems it has, one line each.
fn problems(pack: &str) -> crate::support::Output {
    Test::new()
        .args(["--no-builtin", "patterns", "check", "pack"])
        .write("pack/a.yaml", pack)
        .run()
}

#[test]
fn a_pack_with_every_promise_key_passes_the_check() {
    problems(PROMISING).status(0);
}

#[test]
fn each_misplaced_or_malformed_promise_key_is_one_error_with_its_fix() {
    // (question to replace, its replacement, the line the problem is on,
    // the question named, what the message says)
    let cases: &[(&str, &str, usize, &str, &str)] = &[
        (
            "commitment: Send the next status update",
            "commitment: true",
            10,
            "follow-up.update",
            "`commitment` of a date question is the promise's text, like `commitment: \"Send the next status update\"`; found the boolean true",
        ),
        (
            "commitment: Send the next status update",
            "commitment: \"\"",
            10,
            "follow-up.update",
            "`commitment` is empty",
        ),
        (
            "commitment: true",
            "commitment: yes please",
            14,
            "follow-up.requests",
            "`commitment` of a list question must be `true` (each item becomes a commitment), found the text `yes please`",
        ),
        (
            "commitment: true",
            "commitment: false",
            14,
            "follow-up.requests",
            "leave it out for a list that promises nothing",
        ),
        (
            "on_yes: {commitment: Follow up and take ownership, due: 2d}",
            "commitment: Follow up",
            18,
            "follow-up.blamed",
            "a confirm question promises on a yes: write `on_yes: {commitment: \"...\", due: 2d}` instead of `commitment`",
        ),
        (
            "kind: date\n          commitment: Send the next status update",
            "kind: text\n          commitment: Send the next status update",
            10,
            "follow-up.update",
            "`commitment` only applies to date questions (the promise's text) and list questions (`true`), not text; remove it or change the kind",
        ),
        (
            "kind: list\n          commitment: true",
            "kind: commitments\n          commitment: true",
            14,
            "follow-up.requests",
            "a commitments question makes commitments already; remove `commitment`",
        ),
        (
            "commitment: Send the next status update",
            "on_yes: {commitment: Send it}",
            10,
            "follow-up.update",
            "`on_yes` only applies to confirm questions, not date; a date question takes `commitment: \"...\"`, a list `commitment: true`",
        ),
        (
            "on_yes: {commitment: Follow up and take ownership, due: 2d}",
            "on_yes: Follow up",
            18,
            "follow-up.blamed",
            "expected a mapping of `key: value` fields, found the text `Follow up`",
        ),
        (
            "on_yes: {commitment: Follow up and take ownership, due: 2d}",
            "on_yes: {due: 2d}",
            18,
            "follow-up.blamed",
            "missing required field `commitment`",
        ),
        (
            "on_yes: {commitment: Follow up and take ownership, due: 2d}",
            "on_yes: {commitment: Follow up, when: 2d}",
            18,
            "follow-up.blamed",
            "unknown field `when` (expected one of commitment, due)",
        ),
        (
            "on_yes: {commitment: Follow up and take ownership, due: 2d}",
            "on_yes: {commitment: Follow up, due: friday}",
            18,
            "follow-up.blamed",
            "`due` must be a span after the meeting in days or weeks, like 2d or 1w; found the text `friday`",
        ),
        (
            "on_yes: {commitment: Follow up and take ownership, due: 2d}",
            "on_yes: {commitment: Follow up, due: 2}",
            18,
            "follow-up.blamed",
            "`due` must be a span after the meeting in days or weeks, like 2d or 1w; found the number 2",
        ),
        (
            "commitment: Send the next status update",
            "comitment: Send the next status update",
            10,
            "follow-up.update",
            "did you mean `commitment`?",
        ),
    ];
    for (from, to, line, question, message) in cases {
        assert!(PROMISING.contains(from), "{from}");
        let output = problems(&PROMISING.replacen(from, to, 1)).status(1);
        let found = output.stderr_line(message);
        assert!(
            found.contains(&format!("pack/a.yaml:{line}:"))
                && found.contains(&format!("question `{question}`")),
            "{to}: {found}"
        );
        let count = output.stderr.matches("pack/a.yaml:").count();
        assert_eq!(count, 1, "{to}: one problem expected:\n{}", output.stderr);
    }
}

/// A prep of the promising pack on 2026-12-01 with `answers`, as `--json`.
fn scripted_prep(dir: &NotesDir, answers: &Value) -> crate::support::notes_dir::Run {
    std::fs::create_dir_all(dir.root().join("pack")).unwrap();
    std::fs::write(dir.root().join("pack/a.yaml"), PROMISING).unwrap();
    let file = dir.root().join("answers.json");
    std::fs::write(&file, answers.to_string()).unwrap();
    let file = file.to_str().unwrap();
    let args = [
        "--no-builtin",
        "--patterns",
        "pack",
        "prep",
        "--answers",
        file,
        "--json",
    ];
    dir.coach_on("2026-11-30", &args)
}

#[test]
fn scripted_dates_items_and_yeses_become_commitments_in_json_front_matter_and_body() {
    let dir = NotesDir::new("coach-promise");
    let answers = json!({
        "customer": "Acme",
        "meeting": "Pilot",
        "date": "2026-12-01",
        "follow-up.update": "2026-12-08",
        "follow-up.requests": ["Demo account for Sam | 2026-12-04", "Price list", "Call their CFO | +7d | Dana"],
        "follow-up.blamed": true,
        "follow-up.late": false,
    });
    let run = scripted_prep(&dir, &answers).json();
    let promises: Vec<Value> = run["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!([c["what"], c["due"], c["who"], c["done"], c["question"]]))
        .collect();
    assert_eq!(
        promises,
        [
            json!([
                "Send the next status update",
                "2026-12-08",
                "me",
                false,
                "follow-up.update"
            ]),
            json!([
                "Demo account for Sam",
                "2026-12-04",
                "me",
                false,
                "follow-up.requests"
            ]),
            // Undated: due on the meeting day.
            json!([
                "Price list",
                "2026-12-01",
                "me",
                false,
                "follow-up.requests"
            ]),
            // `+7d` counts from today, as every typed date does.
            json!([
                "Call their CFO",
                "2026-12-07",
                "Dana",
                false,
                "follow-up.requests"
            ]),
            // `due: 2d` counts from the meeting.
            json!([
                "Follow up and take ownership",
                "2026-12-03",
                "me",
                false,
                "follow-up.blamed"
            ]),
        ]
    );
    let ids: Vec<&str> = run["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let note =
        std::fs::read_to_string(run["path"].as_str().map(|p| dir.root().join(p)).unwrap()).unwrap();
    // The front matter holds them as the commitments kind does.
    assert!(note.contains(&format!(
        "  follow-up.update:\n  - id: {}\n    what: Send the next status update\n    due: \"2026-12-08\"\n    who: me\n    done: false\n",
        ids[0]
    )), "{note}");
    assert!(note.contains("  follow-up.late: false\n"), "{note}");
    assert!(
        note.contains("**Did you blame another team?**\nYes\n- Follow up and take ownership (due 2026-12-03, me)\n"),
        "{note}"
    );
    for (id, line) in ids.iter().zip([
        "Send the next status update (due 2026-12-08, me)",
        "Demo account for Sam (due 2026-12-04, me)",
        "Price list (due 2026-12-01, me)",
        "Call their CFO (due 2026-12-07, Dana)",
        "Follow up and take ownership (due 2026-12-03, me)",
    ]) {
        assert!(
            note.contains(&format!("- [ ] {line} `{id}`\n")),
            "{line}\n{note}"
        );
    }
    // The note's answers fed back give the same commitments, ids kept.
    let mut again: serde_json::Map<String, Value> = run["answers"].as_object().unwrap().clone();
    again.insert("customer".into(), json!("Acme"));
    again.insert("meeting".into(), json!("Pilot"));
    again.insert("date".into(), json!("2026-12-01"));
    let twice = NotesDir::new("coach-promise");
    let rerun = scripted_prep(&twice, &Value::Object(again)).json();
    assert_eq!(rerun["commitments"], run["commitments"]);
}

#[test]
fn a_promised_item_with_a_bad_date_is_refused_naming_the_question() {
    let dir = NotesDir::new("coach-promise");
    let answers = json!({
        "customer": "Acme",
        "follow-up.requests": ["Demo | soon"],
        "follow-up.blamed": "yes",
    });
    let run = scripted_prep(&dir, &answers);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`follow-up.requests`: item `Demo`: `soon` is not a date"),
        "{}",
        run.stderr
    );
    assert!(!dir.notes().exists() || std::fs::read_dir(dir.notes()).unwrap().count() == 0);
}

type Pairs = Vec<(String, String)>;

/// The promising questions of a built-in walk, read from its answers
/// template: each id with the first words of its promise comment, and the
/// `question: option` answers that bring commented-out ones into the walk.
fn promising_questions(checklist: &str) -> (Pairs, Pairs) {
    let run = NotesDir::new("coach-promise").coach_on(
        "2026-11-30",
        &["questions", checklist, "--template", "--depth", "full"],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let mut promising = Vec::new();
    let mut includes = Vec::new();
    let mut including = None;
    for (at, line) in lines.iter().enumerate() {
        if let Some((_, by)) = line.split_once(", included by `") {
            let (question, option) = by.trim_end_matches('`').split_once(": ").unwrap();
            including = Some((question.to_string(), option.to_string()));
        }
        let promise = [
            "# a commitment:",
            "# each item a commitment",
            "# yes makes a commitment",
        ]
        .into_iter()
        .find(|start| line.starts_with(start));
        let Some(promise) = promise else { continue };
        let next = lines[at + 1];
        let id = next.trim_start_matches('#').split_once(": ").unwrap().0;
        if next.starts_with('#') {
            includes.extend(including.clone());
        }
        promising.push((id.to_string(), promise.to_string()));
    }
    (promising, includes)
}

/// Answers every promising question of a built-in walk; the answers and
/// the commitments expected, as `(question, what)`.
fn promise_everything(checklist: &str, mut answers: Value) -> (Value, Vec<(String, String)>) {
    let (promising, includes) = promising_questions(checklist);
    assert!(promising.len() >= 3, "{checklist}: {promising:?}");
    let mut expected = Vec::new();
    for (question, option) in includes {
        answers[question] = json!(option);
    }
    for (id, promise) in promising {
        match promise.as_str() {
            "# a commitment:" => {
                answers[&id] = json!("2026-12-09");
                expected.push((id, "Send the next status update".to_string()));
            }
            "# each item a commitment" => {
                answers[&id] = json!([
                    format!("First of {id} | 2026-12-10"),
                    format!("Second of {id}")
                ]);
                expected.push((id.clone(), format!("First of {id}")));
                expected.push((id.clone(), format!("Second of {id}")));
            }
            _ => {
                answers[&id] = json!(true);
                expected.push((id, String::new()));
            }
        }
    }
    (answers, expected)
}

#[test]
fn every_promise_of_a_built_in_prep_and_debrief_is_a_commitment_that_coach_due_lists() {
    let dir = NotesDir::new("coach-promise");
    let header = json!({"customer": "Northwind Traders", "meeting": "Pilot", "date": "2026-12-01"});
    let mut prep = header.clone();
    prep["goal"] = json!("A signed pilot plan");
    let mut debrief = header.clone();
    debrief["overall"] = json!(4);
    debrief["promises"] =
        json!([{"what": "Send the sized plan", "due": "2026-12-05", "who": "me"}]);
    let mut listed = Vec::new();
    for (checklist, answers) in [("prep", prep), ("debrief", debrief)] {
        let (answers, mut expected) = promise_everything(checklist, answers);
        if checklist == "debrief" {
            expected.insert(
                0,
                ("promises".to_string(), "Send the sized plan".to_string()),
            );
        }
        let file = dir.root().join(format!("{checklist}.json"));
        std::fs::write(&file, answers.to_string()).unwrap();
        let run = dir.coach_on(
            "2026-11-30",
            &[checklist, "--answers", file.to_str().unwrap(), "--json"],
        );
        let commitments = run.json()["commitments"].as_array().unwrap().clone();
        let mut got: Vec<(String, String)> = commitments
            .iter()
            .map(|c| {
                (
                    c["question"].as_str().unwrap().to_string(),
                    c["what"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        // A yes promises the pack's text: only its question is compared.
        let yeses: Vec<&String> = expected
            .iter()
            .filter(|(_, what)| what.is_empty())
            .map(|(question, _)| question)
            .collect();
        for (question, what) in &mut got {
            if yeses.contains(&&*question) {
                what.clear();
            }
        }
        got.sort();
        expected.sort();
        assert_eq!(
            got, expected,
            "{checklist}: every promise typed is a commitment"
        );
        for c in &commitments {
            assert_eq!(
                (&c["who"], &c["done"]),
                (&json!("me"), &json!(false)),
                "{c}"
            );
        }
        listed.extend(commitments);
    }
    // Prep: 2 own promises, the update date, 2 open requests; debrief: the
    // promises answer, the update date, 2 new requests, 2 things to set
    // straight and 6 yeses.
    assert_eq!(listed.len(), 5 + 12, "{listed:#?}");
    let due = dir.coach_on("2026-11-30", &["due"]);
    assert_eq!(due.status, 0, "{}", due.stderr);
    for c in &listed {
        let id = c["id"].as_str().unwrap();
        let line = due.stdout.lines().find(|line| line.contains(id));
        let line = line.unwrap_or_else(|| panic!("`coach due` lacks {id}:\n{}", due.stdout));
        assert!(
            line.contains(c["what"].as_str().unwrap()) && line.contains(c["due"].as_str().unwrap()),
            "{line}"
        );
    }
    let check = dir.coach_on("2026-11-30", &["notes", "check"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
}

#[test]
fn remember_is_for_text_and_long_questions_and_is_true_or_false() {
    let remembering = PROMISING.replace(
        "checklists:",
        "        - id: horizon\n          ask: Where do you want to be?\n          remember: true\nchecklists:",
    );
    problems(&remembering).status(0);
    let cases = [
        (
            "          ask: Where do you want to be?\n          remember: true",
            "          ask: Where do you want to be?\n          kind: scale\n          remember: true",
            "`remember` offers the last answer as the default of a text or long question, not of a scale question; remove it",
        ),
        (
            "          ask: Where do you want to be?\n          remember: true",
            "          ask: Where do you want to be?\n          remember: often",
            "`remember` must be true or false, found the text `often`",
        ),
    ];
    for (from, to, message) in cases {
        let output = problems(&remembering.replace(from, to));
        assert_eq!(output.status, 1, "{to}: {}", output.stderr);
        let found = output.stderr_line(message);
        assert!(found.contains("question `follow-up.horizon`"), "{found}");
    }
}
