//! A note that is reread (issue 10, section 2): "At a glance" at the top,
//! pattern sections without the summary and without empty ones, and at
//! most five reminders, those of flagged patterns first.

use serde_json::Value;

use crate::support::notes_dir::NotesDir;

/// `plan` holds glance questions and a select whose "Tense" brings in
/// `calm`; `talk` leads to `quiet` (never answered) and to `a`..`f`, whose
/// last one has a promising yes; the prep's promises are a glance question.
const PACK: &str = "\
patterns:
  - id: plan
    name: Plan
    summary: Know what you want before you go.
    tips: [Write the goal on a card.]
    uses: [talk]
    questions:
      prep:
        - id: goal
          ask: What must be true when the meeting ends?
          glance: true
        - id: must-say
          ask: What must you say, whatever happens?
          kind: long
          glance: true
        - id: mood
          ask: How do things stand between you?
          kind: select
          options:
            - Fine
            - label: Tense
              include: [calm]
      debrief:
        - id: rating
          ask: How did it go, against the goal?
          kind: scale
          labels: [badly, very well]
          glance: true
        - id: next-step
          ask: What is the next step?
          glance: true
        - id: learned
          ask: What did you learn?
  - id: talk
    name: Talk
    summary: Talk it over.
    tips: [Let them finish.]
    uses: [quiet, a, b, c, d, f]
    questions:
      prep:
        - id: risks
          ask: What could go wrong?
          kind: list
          glance: true
        - id: opener
          ask: How will you open?
  - id: quiet
    name: Quiet
    summary: Nothing said here.
    tips: [A tip of a pattern nobody answered.]
    questions:
      prep:
        - id: thought
          ask: A thought?
  - id: a
    name: Pattern A
    summary: A.
    tips: [Tip A.]
    questions:
      prep:
        - id: x
          ask: A?
  - id: b
    name: Pattern B
    summary: B.
    tips: [Tip B.]
    questions:
      prep:
        - id: x
          ask: B?
  - id: c
    name: Pattern C
    summary: C.
    tips: [Tip C.]
    questions:
      prep:
        - id: x
          ask: C?
  - id: d
    name: Pattern D
    summary: D.
    tips: [Tip D.]
    questions:
      prep:
        - id: x
          ask: D?
  - id: f
    name: Pattern F
    summary: F.
    tips: [Tip F.]
    questions:
      prep:
        - id: call
          ask: Will you call them the day after?
          kind: confirm
          on_yes:
            commitment: Call them
            due: 1d
  - id: calm
    name: Stay Calm
    summary: Keep your head.
    tips: [Breathe before you answer.]
    depth: full
    questions:
      prep:
        - id: first-words
          ask: What will you say first when they raise it?
checklists:
  - id: prep
    start: [plan]
    questions:
      - id: promises
        ask: What have you promised?
        kind: list
        commitment: true
        glance: true
  - id: debrief
    start: [plan]
    questions:
      - id: promises
        ask: What was promised?
        kind: list
        commitment: true
";

fn notes() -> NotesDir {
    let dir = NotesDir::new("coach-glance");
    std::fs::create_dir_all(dir.root().join("pack")).unwrap();
    std::fs::write(dir.root().join("pack/a.yaml"), PACK).unwrap();
    dir
}

/// A scripted walk of the test pack for Acme on 2026-12-01; its note.
fn walk(dir: &NotesDir, checklist: &str, answers: &str, extra: &[&str]) -> String {
    std::fs::write(dir.root().join("answers.yaml"), answers).unwrap();
    let mut args = vec![
        "--no-builtin",
        "--patterns",
        "pack",
        checklist,
        "--customer",
        "Acme",
        "--date",
        "2026-12-01",
        "--answers",
        "answers.yaml",
        "--no-input",
    ];
    args.extend(extra);
    let run = dir.coach_on("2026-12-01", &args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    run.stdout
}

fn prep(answers: &str) -> String {
    walk(&notes(), "prep", answers, &["--output", "-"])
}

/// The lines under `## HEADING`, up to the next `## ` heading.
fn section<'n>(note: &'n str, heading: &str) -> Option<Vec<&'n str>> {
    let start = note.find(&format!("\n## {heading}\n"))? + heading.len() + 5;
    let rest = &note[start..];
    let end = rest.find("\n## ").map_or(rest.len(), |end| end + 1);
    Some(
        rest[..end]
            .lines()
            .filter(|line| !line.is_empty())
            .collect(),
    )
}

/// The note's front matter.
fn front(note: &str) -> Value {
    let end = note[4..].find("\n---\n").expect("front matter") + 4;
    serde_yaml::from_str(&note[4..end]).unwrap_or_else(|error| panic!("{error}\n{note}"))
}

/// The note without its front matter.
fn body(note: &str) -> &str {
    let end = note[4..].find("\n---\n").expect("front matter") + 9;
    &note[end..]
}

#[test]
fn the_glance_block_holds_the_glance_answers_in_walk_order_and_the_promises_follow_it() {
    let note = prep(
        "plan.goal: Agree the pilot scope\n\
         plan.must-say: The date slips by two weeks.\n\
         plan.mood: Fine\n\
         talk.risks: [They ask for a discount]\n\
         talk.opener: Thank them for the figures\n\
         f.call: true\n\
         promises: [Send the agenda | 2026-11-30, Bring the demo]\n",
    );
    assert_eq!(
        section(&note, "At a glance").expect("a glance block"),
        [
            "- **Goal**: Agree the pilot scope",
            "- **Must say**: The date slips by two weeks.",
            "- **Risks**: They ask for a discount",
        ],
        "{note}"
    );
    // Every promise, the glance question's and the yes's, in the
    // Commitments list right below the block, and not again in the sections.
    let after = &note[note.find("\n## At a glance\n").unwrap()..];
    let next = after[1..].find("\n## ").unwrap() + 1;
    assert!(after[next..].starts_with("\n## Commitments\n"), "{note}");
    assert_eq!(
        note.matches("Send the agenda (due 2026-11-30, me)").count(),
        1,
        "{note}"
    );
    assert!(
        note.contains("- [ ] Call them (due 2026-12-02, me)"),
        "{note}"
    );
    // Right under the title, before every other section.
    let body = body(&note);
    let first_section = body.find("\n## ").unwrap();
    assert_eq!(&body[first_section..][..16], "\n## At a glance\n", "{body}");
    assert!(
        !section(&note, "At a glance")
            .unwrap()
            .iter()
            .any(|line| line.contains("Thank them")),
        "only glance answers"
    );
}

#[test]
fn long_answers_and_lists_are_cut_to_keep_the_glance_block_within_15_lines() {
    let story: Vec<String> = (1..=30).map(|at| format!("Point {at}.")).collect();
    let risks: Vec<String> = (1..=20).map(|at| format!("Risk {at}")).collect();
    let promises: Vec<String> = (1..=6).map(|at| format!("Promise {at}")).collect();
    let answers = serde_json::json!({
        "plan.goal": "Agree the pilot scope",
        "plan.must-say": story.join("\n"),
        "talk.risks": risks,
        "promises": promises,
    });
    let note = prep(&answers.to_string());
    let block = section(&note, "At a glance").expect("a glance block");
    assert_eq!(block.len(), 15, "{block:#?}");
    assert_eq!(block[0], "- **Goal**: Agree the pilot scope");
    assert_eq!(block[1], "- **Must say**: Point 1.");
    assert!(block.contains(&"- **Risks**:"), "{block:#?}");
    assert!(
        block.iter().any(|line| line.ends_with('…')),
        "a cut long answer says so: {block:#?}"
    );
    assert!(
        block.iter().any(|line| line.contains("more)")),
        "a cut list says how many are left: {block:#?}"
    );
    // Nothing is lost: the sections below hold every answer.
    assert!(note.contains("\nPoint 30.\n") && note.contains("\n- Risk 20\n"));
}

#[test]
fn a_walk_without_glance_answers_or_promises_has_no_glance_block() {
    let note = prep("plan.mood: Fine\ntalk.opener: Thank them\n");
    assert!(!note.contains("At a glance"), "{note}");
}

#[test]
fn a_debrief_glances_at_the_rating_the_next_step_and_the_promises_made_kept_and_moved() {
    let dir = notes();
    dir.write(
        "acme/2026-11-20-debrief.md",
        "---\ncoach: 1\nchecklist: debrief\ncustomer: Acme\nmeeting: null\ndate: \"2026-11-20\"\nanswers:\n  promises:\n  - id: c-k3v9q2xa\n    what: Send the plan\n    due: \"2026-11-28\"\n    who: me\n    done: false\n  - id: c-k3b00000\n    what: Share the figures\n    due: \"2026-11-25\"\n    who: Dana\n    done: false\n---\n\n## Commitments\n\n- [ ] Send the plan (due 2026-11-28, me) `c-k3v9q2xa`\n- [ ] Share the figures (due 2026-11-25, Dana) `c-k3b00000`\n",
    );
    walk(
        &dir,
        "debrief",
        "plan.rating: 4\n\
         plan.next-step: Send the contract\n\
         plan.learned: They pick by shift\n\
         promises: [Send the contract | 2026-12-04]\n\
         closed: [c-k3v9q2xa]\n\
         rescheduled: {c-k3b00000: 2026-12-08}\n",
        &[],
    );
    let note = dir.read("acme/2026-12-01-debrief.md");
    assert_eq!(
        section(&note, "At a glance").expect("a glance block"),
        [
            "- **Rating**: 4/5",
            "- **Next step**: Send the contract",
            "- **Kept**: `c-k3v9q2xa` Send the plan",
            "- **Rescheduled**: `c-k3b00000` Share the figures: 2026-11-25 → 2026-12-08",
        ],
        "{note}"
    );
    let at = |heading: &str| note.find(heading).unwrap_or_else(|| panic!("{note}"));
    assert!(at("\n# Acme") < at("\n## At a glance\n"));
    assert!(at("\n## At a glance\n") < at("\n## Since last time\n"));

    // The glance lines are no task lines: `coach done` edits the one under
    // "Commitments", and the notes still check out.
    let front = front(&note);
    let id = front["answers"]["promises"][0]["id"].as_str().unwrap();
    let done = dir.coach_on("2026-12-02", &["done", id]);
    assert_eq!(done.status, 0, "{}", done.stderr);
    let note = dir.read("acme/2026-12-01-debrief.md");
    assert!(
        note.contains(&format!(
            "- [x] Send the contract (due 2026-12-04, me) `{id}`"
        )),
        "{note}"
    );
    let check = dir.coach_on("2026-12-02", &["notes", "check"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
}

#[test]
fn pattern_sections_name_the_pattern_and_its_command_and_leave_out_the_summary() {
    let note = prep("plan.mood: Fine\ntalk.opener: Thank them\n");
    assert!(
        note.contains(
            "\n## Plan\n`coach patterns show plan`\n\n**How do things stand between you?**\nFine\n"
        ),
        "{note}"
    );
    assert!(note.contains("\n## Talk\n`coach patterns show talk`\n"));
    for summary in ["Know what you want before you go.", "Talk it over."] {
        assert!(!note.contains(summary), "{summary} in {note}");
    }
}

#[test]
fn patterns_walked_without_answers_get_no_section() {
    let note = prep("plan.goal: Agree the pilot scope\nplan.mood: Fine\ntalk.opener: Thank them\n");
    let body = body(&note);
    let headings: Vec<&str> = body
        .lines()
        .filter(|line| line.starts_with("## "))
        .collect();
    assert_eq!(
        headings,
        ["## At a glance", "## Plan", "## Talk", "## Reminders"],
        "{body}"
    );
    assert!(!body.contains("_No answers._"), "{body}");
    let front = front(&note);
    let walked: Vec<&str> = front["patterns"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        walked.contains(&"quiet"),
        "the front matter still lists it: {walked:?}"
    );
}

#[test]
fn reminders_give_five_tips_first_those_of_the_patterns_the_answers_flagged() {
    let note = prep(
        "plan.goal: Agree the pilot scope\n\
         plan.mood: Tense\n\
         talk.opener: Thank them\n\
         a.x: a\nb.x: b\nc.x: c\nd.x: d\n\
         f.call: true\n",
    );
    assert_eq!(
        section(&note, "Reminders").expect("reminders"),
        [
            // The select that brought `calm` in, and `calm` itself.
            "- Write the goal on a card. (Plan)",
            "- Breathe before you answer. (Stay Calm)",
            // A yes that made a promise, though walked last.
            "- Tip F. (Pattern F)",
            // Then the other answered patterns in walk order, up to five.
            "- Let them finish. (Talk)",
            "- Tip A. (Pattern A)",
        ],
        "{note}"
    );
}

#[test]
fn without_flags_reminders_follow_the_walk_and_skip_unanswered_patterns() {
    let note = prep("plan.goal: G\nplan.mood: Fine\nb.x: b\nf.call: false\n");
    assert_eq!(
        section(&note, "Reminders").expect("reminders"),
        [
            "- Write the goal on a card. (Plan)",
            "- Tip B. (Pattern B)",
            "- Tip F. (Pattern F)",
        ],
        "{note}"
    );
}

const BUILTIN: [&str; 4] = ["--customer", "Acme", "--date", "2026-12-01"];

#[test]
fn a_builtin_prep_with_defaults_opens_with_a_glance_and_prints_no_empty_sections() {
    let dir = NotesDir::new("coach-glance-builtin");
    let mut args = vec!["prep", "--defaults", "--output", "-"];
    args.extend(BUILTIN);
    args.extend(["--set", "goal=Agree the pilot scope"]);
    let run = dir.coach_on("2026-12-01", &args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("\n## At a glance\n\n- **Goal**: Agree the pilot scope\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("_No answers._"), "{}", run.stdout);
    // No other section: every pattern went unanswered, and the goal the
    // glance shows whole is not written twice.
    let body = body(&run.stdout);
    let headings: Vec<&str> = body
        .lines()
        .filter(|line| line.starts_with("## "))
        .collect();
    assert_eq!(headings, ["## At a glance"], "{body}");
    assert_eq!(
        run.stdout.matches("Agree the pilot scope").count(),
        2,
        "front matter and glance"
    );
}

/// An answer of the right shape for each question `coach questions prep`
/// lists; a select or multiselect takes an option that brings nothing in,
/// so that the walk stays the default one.
fn typical_answer(question: &Value) -> Value {
    let quiet_option = || {
        question["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|option| option["include"].as_array().is_none_or(Vec::is_empty))
            .map(|option| option["label"].clone())
            .expect("an option that includes nothing")
    };
    match question["kind"].as_str().unwrap() {
        "text" => "A short answer of a few words".into(),
        "long" => "A first line of some length.\nA second line.".into(),
        // A promise or two per walk, not two per question.
        "list" if question["promise"] == true => serde_json::json!(["One promise of the walk"]),
        "list" => serde_json::json!(["The first item", "The second item"]),
        "select" => quiet_option(),
        "multiselect" => serde_json::json!([quiet_option()]),
        "confirm" => false.into(),
        "scale" => 3.into(),
        "date" => "2026-12-08".into(),
        other => panic!("a question of kind {other}"),
    }
}

#[test]
fn a_builtin_prep_note_with_every_default_question_answered_is_under_100_lines() {
    let dir = NotesDir::new("coach-glance-count");
    let listed = dir.coach_on(
        "2026-12-01",
        &[
            "questions",
            "prep",
            "--format",
            "json",
            "--depth",
            "default",
        ],
    );
    let questions = listed.json();
    let mut answers = serde_json::Map::new();
    for question in questions.as_array().unwrap() {
        let id = question["id"].as_str().unwrap();
        if !["customer", "meeting", "date"].contains(&id) {
            answers.insert(id.to_string(), typical_answer(question));
        }
    }
    std::fs::write(
        dir.root().join("answers.json"),
        Value::Object(answers.clone()).to_string(),
    )
    .unwrap();
    let mut args = vec!["prep", "--no-input", "--answers", "answers.json"];
    args.extend(BUILTIN);
    args.extend(["--meeting", "Pilot kickoff"]);
    let run = dir.coach_on("2026-12-01", &args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let note = &dir.read("acme/2026-12-01-pilot-kickoff-prep.md");
    for id in answers.keys() {
        assert!(note.contains(&format!("\n  {id}:")), "{id} answered");
    }
    let lines = note.lines().count();
    let body_lines = body(note).lines().count();
    println!(
        "a built-in prep note with all {} default questions answered: {lines} lines ({body_lines} in the body)",
        answers.len()
    );
    assert!(!note.contains("_No answers._"), "{note}");
    assert!(lines < 100, "{lines} lines:\n{note}");
}
