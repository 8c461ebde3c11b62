//! How deep a walk goes (issue 10, section 1): `depth:` on a pack's
//! questions and patterns, `--depth`, `COACH_DEPTH` and `depth:` in the
//! config file; `glance:` marks what feeds "At a glance".

use serde_json::Value;

use crate::support::Test;

/// A pack with a question at each depth, a full-depth pattern and a
/// glance question.
const DEPTHS: &str = "\
patterns:
  - id: plan
    name: Plan
    summary: Know what you want.
    uses: [deep]
    questions:
      prep:
        - id: goal
          ask: What is the goal?
          depth: quick
          glance: true
        - id: risks
          ask: What could go wrong?
        - id: history
          ask: How did the last three meetings go?
          depth: full
  - id: deep
    name: Deep
    summary: Only for the long walk.
    depth: full
    questions:
      prep:
        - id: why
          ask: Why?
checklists:
  - id: prep
    start: [plan]
";

fn pack(test: Test) -> Test {
    test.write("pack/a.yaml", DEPTHS)
}

/// The ids `coach questions prep` lists, with these extra arguments.
fn listed(test: Test, extra: &[&str]) -> Vec<String> {
    let mut args = vec![
        "--no-builtin",
        "--patterns",
        "pack",
        "questions",
        "prep",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let output = pack(test).args(args).run().status(0);
    let questions: Value = serde_json::from_str(&output.stdout).unwrap();
    questions
        .as_array()
        .unwrap()
        .iter()
        .map(|question| question["id"].as_str().unwrap().to_string())
        .filter(|id| !["customer", "meeting", "date"].contains(&id.as_str()))
        .collect()
}

#[test]
fn each_depth_asks_its_own_questions_and_those_of_shallower_depths() {
    assert_eq!(listed(Test::new(), &["--depth", "quick"]), ["plan.goal"]);
    assert_eq!(listed(Test::new(), &[]), ["plan.goal", "plan.risks"]);
    assert_eq!(
        listed(Test::new(), &["--depth", "full"]),
        ["plan.goal", "plan.risks", "plan.history", "deep.why"]
    );
}

#[test]
fn the_depth_comes_from_the_flag_then_coach_depth_then_the_config_file() {
    let config = |test: Test| {
        test.write("config.yaml", "depth: quick\n")
            .env("COACH_CONFIG", "config.yaml")
    };
    assert_eq!(listed(config(Test::new()), &[]), ["plan.goal"]);
    assert_eq!(
        listed(config(Test::new()).env("COACH_DEPTH", "full"), &[]).len(),
        4
    );
    assert_eq!(
        listed(
            config(Test::new()).env("COACH_DEPTH", "full"),
            &["--depth", "default"]
        ),
        ["plan.goal", "plan.risks"]
    );
}

#[test]
fn a_bad_depth_anywhere_is_one_clear_error() {
    pack(Test::new())
        .args([
            "--no-builtin",
            "--patterns",
            "pack",
            "questions",
            "prep",
            "--depth",
            "deep",
        ])
        .run()
        .status(2)
        .stderr_has("`deep` is not a depth: quick, default or full");
    pack(Test::new())
        .env("COACH_DEPTH", "shallow")
        .args(["--no-builtin", "--patterns", "pack", "questions", "prep"])
        .run()
        .status(2)
        .stderr_has("COACH_DEPTH: `shallow` is not a depth (quick, default or full)");
}

#[test]
fn depth_and_glance_in_a_pack_are_checked_strictly() {
    let check = |pack: &str| {
        Test::new()
            .args(["--no-builtin", "patterns", "check", "pack"])
            .write("pack/a.yaml", pack)
            .run()
    };
    check(DEPTHS).status(0);
    let cases = [
        (
            "          depth: quick\n",
            "          depth: quik\n",
            "question `plan.goal`",
            "unknown depth `quik` (expected one of quick, default, full); did you mean `quick`?",
        ),
        (
            "          glance: true\n",
            "          glance: [often]\n",
            "question `plan.goal`",
            "`glance` must be true, false or a short label, found a list",
        ),
        (
            "long walk.\n    depth: full\n",
            "long walk.\n    depth: [full]\n",
            "pattern `deep`",
            "`depth` must be one of quick, default, full, found a list",
        ),
    ];
    for (from, to, subject, message) in cases {
        let output = check(&DEPTHS.replace(from, to));
        assert_eq!(output.status, 1, "{to}: {}", output.stderr);
        let found = output.stderr_line(message);
        assert!(found.contains(subject), "{found}");
        assert!(found.contains("pack/a.yaml:"), "{found}");
    }
}

#[test]
fn a_scripted_answer_to_a_deeper_question_is_kept_not_refused() {
    let output = pack(Test::new())
        .args([
            "--no-builtin",
            "--patterns",
            "pack",
            "--notes-dir",
            "notes",
            "walk",
            "prep",
            "--customer",
            "Acme",
            "--defaults",
            "--json",
            "--set",
            "plan.goal=Agree",
            "--set",
            "deep.why=Because",
        ])
        .run()
        .status(0);
    let json: Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(json["answers"]["deep.why"], "Because", "{json}");
    assert_eq!(json["answers"]["plan.goal"], "Agree", "{json}");
}

/// The questions `coach questions CHECKLIST` lists for the built-in pack,
/// header included, with these extra arguments.
fn builtin(checklist: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["questions", checklist, "--format", "json"];
    args.extend_from_slice(extra);
    let output = Test::new().args(args).run().status(0);
    let questions: Value = serde_json::from_str(&output.stdout).unwrap();
    questions.as_array().unwrap().clone()
}

fn ids(questions: &[Value]) -> Vec<&str> {
    questions
        .iter()
        .map(|question| question["id"].as_str().unwrap())
        .collect()
}

#[test]
fn the_built_in_walks_are_short_by_default_and_quick_asks_what_matters_most() {
    // Header questions (customer, meeting, date) included.
    assert!(builtin("prep", &[]).len() <= 15);
    assert!(builtin("debrief", &[]).len() <= 12);
    assert_eq!(
        ids(&builtin("prep", &["--depth", "quick"]))[3..],
        [
            "goal",
            "risks",
            "promises",
            "know-the-customer.gaps",
            "show-personal-integrity.must-tell"
        ]
    );
    assert_eq!(
        ids(&builtin("debrief", &["--depth", "quick"]))[3..],
        [
            "overall",
            "promises",
            "next-step",
            "know-the-customer.learned"
        ]
    );
}

#[test]
fn each_built_in_include_adds_at_most_five_questions_to_a_default_walk() {
    for checklist in ["prep", "debrief"] {
        let base = builtin(checklist, &[]);
        for question in &base {
            for option in question["options"].as_array().unwrap() {
                if option["include"].as_array().unwrap().is_empty() {
                    continue;
                }
                let answer = format!(
                    "{}={}",
                    question["id"].as_str().unwrap(),
                    option["label"].as_str().unwrap()
                );
                let with = builtin(checklist, &["--set", &answer]);
                assert!(
                    with.len() > base.len() && with.len() - base.len() <= 5,
                    "{checklist}: {answer} adds {} questions: {:?}",
                    with.len() - base.len(),
                    ids(&with)
                );
            }
        }
    }
}

#[test]
fn a_full_walk_reaches_every_pattern_that_no_option_reserves() {
    let output = Test::new()
        .args(["patterns", "list", "--format", "json"])
        .run();
    let _ = output;
    for checklist in ["prep", "debrief", "review"] {
        let full = builtin(checklist, &["--depth", "full"]);
        let default = builtin(checklist, &[]);
        assert!(full.len() > default.len(), "{checklist}");
        // Every question of the default walk is in the full one.
        let full_ids = ids(&full);
        for id in ids(&default) {
            assert!(full_ids.contains(&id), "{checklist}: {id}");
        }
    }
}
