//! Input written to hurt: escapes in packs and answers files, deep nesting,
//! odd encodings, duplicate ids, impossible dates and numbers that change
//! when read. Each gets a clean result or a one-line error, never a panic.

use crate::support::Test;

/// A pack whose texts hold terminal escapes and a label with a line break.
const ESCAPES: &str = "\
patterns:
  - id: alpha
    name: \"Al\\e[31mpha\\u009b2J\"
    summary: \"s\\e]0;pwn\\a\"
    tips: [\"\\e[2Jtip\"]
    questions:
      t:
        - {id: q, ask: \"Q\\e[5m?\", kind: select, options: [\"O\\e[1m\", \"P\\nQ\"]}
";

fn escape_pack() -> Test {
    Test::new().write("pack/a.yaml", ESCAPES)
}

#[test]
fn patterns_show_list_and_graph_never_print_a_packs_escapes() {
    for command in [
        &["show", "alpha"][..],
        &["list"],
        &["graph"],
        &["graph", "--format", "mermaid"],
    ] {
        let output = escape_pack()
            .args(["--no-builtin", "--patterns", "pack", "patterns"])
            .args(command.iter().copied())
            .run()
            .status(0);
        let printed = format!("{}{}", output.stdout, output.stderr);
        assert!(
            !printed.contains(['\u{1b}', '\u{9b}', '\u{7}']),
            "{command:?}: {printed:?}"
        );
        assert!(printed.contains("Al[31mpha2J"), "{command:?}: {printed}");
    }
}

#[test]
fn an_option_label_with_a_line_break_is_one_line_in_the_template_and_accepted_back() {
    let template = escape_pack()
        .args([
            "--no-builtin",
            "--patterns",
            "pack",
            "questions",
            "t",
            "--template",
        ])
        .run()
        .status(0);
    assert!(
        template.stdout.contains("O[1m | P Q"),
        "{}",
        template.stdout
    );
    escape_pack()
        .args([
            "--no-builtin",
            "--patterns",
            "pack",
            "walk",
            "t",
            "--customer",
            "A",
        ])
        .args(["--set", "alpha.q=P Q", "--output", "-"])
        .run()
        .status(0)
        .stdout_has("P Q");
}

#[test]
fn an_answers_file_key_with_escapes_is_shown_escaped_in_the_error() {
    let output = Test::new()
        .write("a.yaml", "customer: A\n\"\\e]0;pwned\\a\": x\n")
        .args(["prep", "--answers", "a.yaml", "--output", "-"])
        .run()
        .status(2);
    assert!(
        !output.stderr.contains(['\u{1b}', '\u{7}']),
        "{:?}",
        output.stderr
    );
    assert!(
        output.stderr.contains("\\u{1b}]0;pwned\\u{7}"),
        "{}",
        output.stderr
    );
}

#[test]
fn deeply_nested_answers_fail_at_once_naming_the_line() {
    let deep = format!("customer: A\ngoal: {}\n", "[".repeat(160_000));
    Test::new()
        .write("d.yaml", deep)
        .args(["prep", "--answers", "d.yaml", "--output", "-"])
        .run()
        .status(2)
        .stderr_has("d.yaml:2:71: invalid YAML or JSON: lists and mappings (`[`, `{`) nested deeper than 64 levels");
}

#[test]
fn a_deeply_nested_pack_file_is_a_problem_on_its_line() {
    Test::new()
        .write(
            "pack/a.yaml",
            format!("patterns:\n  - {}\n", "{a: ".repeat(40_000)),
        )
        .args(["--no-builtin", "--patterns", "pack", "patterns", "check"])
        .run()
        .status(1)
        .stderr_has("a.yaml:2:")
        .stderr_has("nested deeper than 64 levels");
}

#[test]
fn json_answers_with_surrogate_pair_escapes_are_read() {
    Test::new()
        .stdin(r#"{"customer":"A \ud83d\ude00","goal":"g"}"#)
        .args(["prep", "--answers", "-", "--output", "-"])
        .run()
        .status(0)
        .stdout_has("customer: \"A 😀\"");
}

#[test]
fn an_answers_file_with_a_byte_order_mark_is_read() {
    Test::new()
        .write("a.yaml", "\u{feff}customer: A\ngoal: g\n")
        .args(["prep", "--answers", "a.yaml", "--output", "-"])
        .run()
        .status(0)
        .stdout_has("goal: g");
}

#[test]
fn answers_from_dev_stdin_are_refused_with_a_hint_to_use_a_dash() {
    Test::new()
        .stdin("customer: A\n")
        .args(["prep", "--answers", "/dev/stdin", "--output", "-"])
        .run()
        .status(1)
        .stderr_has("use `--answers -` to read standard input");
}

#[test]
fn a_commitment_id_given_twice_in_one_walk_is_an_error_naming_it() {
    let answers = "\
customer: A
promises:
  - {id: c-k3v9q2xa, what: Send the plan, due: 2026-12-05}
  - {id: c-k3v9q2xa, what: Call back, due: 2026-12-06}
";
    let output = Test::new()
        .write("a.yaml", answers)
        .args([
            "debrief",
            "--answers",
            "a.yaml",
            "--defaults",
            "--output",
            "-",
        ])
        .run()
        .status(2);
    let line = output.stderr_line("c-k3v9q2xa");
    assert!(
        line.contains("`promises`: commitment id `c-k3v9q2xa` is given twice"),
        "{line}"
    );
}

#[test]
fn a_commitment_id_of_another_form_is_refused() {
    let answers = "customer: A\npromises: [{id: c-abc, what: Send the plan, due: 2026-12-05}]\n";
    let output = Test::new()
        .write("a.yaml", answers)
        .args([
            "debrief",
            "--answers",
            "a.yaml",
            "--defaults",
            "--output",
            "-",
        ])
        .run()
        .status(2);
    let line = output.stderr_line("c-abc");
    assert!(
        line.contains("6 to 12 lowercase letters or digits"),
        "{line}"
    );
}

#[test]
fn a_date_offset_beyond_any_calendar_is_out_of_range() {
    let output = Test::new()
        .args([
            "prep",
            "--customer",
            "A",
            "--date=+400000d",
            "--defaults",
            "--output",
            "-",
        ])
        .run()
        .status(2);
    let line = output.stderr_line("+400000d");
    assert!(line.contains("outside the years 1900-2999"), "{line}");
    assert!(!line.contains("not a date"), "{line}");
}

#[test]
fn a_draft_named_with_no_real_date_is_skipped_with_a_warning() {
    let test = Test::new()
        .write(
            "notes/.drafts/prep-20261122-101010.yaml",
            "customer: Real\ngoal: g\n",
        )
        .write(
            "notes/.drafts/prep-20261301-250000.yaml",
            "customer: Fake\ngoal: g\n",
        );
    let notes = test.path().join("notes");
    let output = test
        .args([
            "--notes-dir",
            notes.to_str().unwrap(),
            "prep",
            "--resume",
            "--defaults",
            "--output",
            "-",
        ])
        .run()
        .status(0)
        .stdout_has("customer: Real");
    assert!(
        output.stderr.contains("ignoring") && output.stderr.contains("prep-20261301-250000.yaml"),
        "{}",
        output.stderr
    );
}

#[test]
fn unquoted_numbers_in_an_answers_file_are_kept_as_written() {
    let output = Test::new()
        .write(
            "a.yaml",
            "customer: 0x1F\nmeeting: 1e3\ngoal: True\nattendees: [+1, .nan, 12345678901234567890123, 1.50]\n",
        )
        .args(["prep", "--answers", "a.yaml", "--defaults", "--json"])
        .run()
        .status(0);
    let json: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(json["customer"], "0x1F", "{}", output.stdout);
    assert_eq!(json["meeting"], "1e3");
    assert_eq!(json["answers"]["goal"], "True");
    assert_eq!(
        json["answers"]["attendees"],
        serde_json::json!(["+1", ".nan", "12345678901234567890123", "1.50"])
    );
}

#[test]
fn a_json_float_for_a_text_answer_is_refused_with_a_hint_to_quote_it() {
    let output = Test::new()
        .stdin(r#"{"customer": "A", "goal": 1.50}"#)
        .args(["prep", "--answers", "-", "--defaults", "--output", "-"])
        .run()
        .status(2);
    let line = output.stderr_line("`goal`");
    assert!(line.contains("quote it"), "{line}");
}

/// Bidi controls (U+202E turns the rest of a line around, U+2066..U+2069
/// isolate it) and invisible format characters in a note's names.
const BIDI_NOTE: &str = "---\ncoach: 1\nchecklist: debrief\ncustomer: \"Acme\\u202Edtl\"\nmeeting: \"Kick\\u2066off\\u2069\"\ndate: \"2026-11-20\"\nanswers:\n  overall: 4\n  promises:\n  - id: c-bbbbbb\n    what: \"Send\\u202B the plan\\u200F\"\n    due: \"2026-12-01\"\n    who: \"Dana\\uFEFF\\u200B\"\n    done: false\n---\n\n## Commitments\n\n- [ ] Send the plan (due 2026-12-01, Dana) `c-bbbbbb`\n";

// Regression: a customer named with U+202E printed the rest of each line of
// `coach due` backwards on a terminal: the format characters went out raw.
#[test]
fn bidi_controls_in_names_are_shown_as_escapes_in_plain_output_and_kept_in_json() {
    use crate::support::notes_dir::NotesDir;
    let notes = NotesDir::new("coach-bidi");
    notes.write("acme/2026-11-20-kickoff-debrief.md", BIDI_NOTE);
    let raw = |c: char| {
        ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || matches!(c, '\u{200b}' | '\u{200f}' | '\u{feff}')
    };
    let today = "2026-12-03";
    for (args, shown) in [
        (&["due"][..], "Acme\\u{202e}dtl"),
        (
            &["due", "--format", "todo.txt"],
            "Send\\u{202b} the plan\\u{200f}",
        ),
        (&["customers"], "Acme\\u{202e}dtl"),
        (&["history", "acme\u{202e}dtl"], "Acme\\u{202e}dtl"),
    ] {
        let run = notes.coach_on(today, args);
        assert_eq!(run.status, 0, "{args:?}: {}", run.stderr);
        assert!(!run.stdout.contains(raw), "{args:?}: {:?}", run.stdout);
        assert!(run.stdout.contains(shown), "{args:?}: {}", run.stdout);
    }
    let due = notes.coach_on(today, &["due"]).stdout;
    assert!(
        due.contains("Send\\u{202b} the plan\\u{200f}  Dana\\u{feff}\\u{200b}"),
        "{due}"
    );
    let history = notes
        .coach_on(today, &["history", "Acme\u{202e}dtl"])
        .stdout;
    assert!(history.contains("Kick\\u{2066}off\\u{2069}"), "{history}");
    let json: serde_json::Value =
        serde_json::from_str(&notes.coach_on(today, &["due", "--json"]).stdout).unwrap();
    assert_eq!(json[0]["customer"], "Acme\u{202e}dtl");
    assert_eq!(json[0]["what"], "Send\u{202b} the plan\u{200f}");
    let done = notes.coach_on(today, &["done", "c-bbbbbb"]);
    assert_eq!(done.status, 0, "{}", done.stderr);
    assert!(!done.stdout.contains(raw), "{:?}", done.stdout);
    assert!(done.stdout.contains("Acme\\u{202e}dtl"), "{}", done.stdout);
}
