//! Names, dates and text that used to break files: every one now gives a
//! readable note, a clear error, or a warning, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::{Output, Test};

const PREP_ANSWERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/prep-answers.yaml");

/// A pack whose checklist `t` asks one question of each awkward kind.
const PACK: &str = "\
patterns:
  - id: alpha
    name: \"Alpha\\n---\\n# Injected pattern\"
    summary: The first pattern.
    questions:
      t:
        - id: why
          ask: Why?
checklists:
  - id: t
    title: Test
    questions:
      - id: items
        ask: Items?
        kind: list
        required: true
      - id: picks
        ask: Picks?
        kind: multiselect
        required: true
        options: [A, \"B\\n---\\n# second line\"]
      - id: promises
        ask: Promises?
        kind: commitments
        required: true
      - id: story
        ask: Story?
        kind: long
";

trait FlagValue {
    fn arg_pair(self, flag: &str, value: &str) -> Self;
}

impl FlagValue for Test {
    fn arg_pair(self, flag: &str, value: &str) -> Self {
        self.args([flag, value])
    }
}

fn walk_t() -> Test {
    walk_t_for("ACME")
}

fn walk_t_for(customer: &str) -> Test {
    Test::new()
        .write("pack/a.yaml", PACK)
        .args(["--no-builtin", "--patterns", "pack", "walk", "t"])
        .args(["--notes-dir", "notes", "--date", "2026-12-01"])
        .arg_pair("--customer", customer)
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|entry| {
            if entry.path().is_dir() {
                files_under(&entry.path())
            } else {
                vec![entry.path()]
            }
        })
        .collect()
}

fn notes(output: &Output) -> Vec<PathBuf> {
    files_under(&output.dir.join("notes"))
        .into_iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect()
}

fn only_note(output: &Output) -> (PathBuf, String) {
    let found = notes(output);
    assert_eq!(found.len(), 1, "expected one note: {found:?}");
    let text = std::fs::read_to_string(&found[0]).unwrap();
    (found[0].clone(), text)
}

fn front_matter_text(note: &str) -> &str {
    let rest = note.strip_prefix("---\n").expect("a note starts with ---");
    &rest[..rest.find("\n---\n").expect("front matter ends with ---") + 1]
}

/// The front matter as PyYAML (a YAML 1.1 reader) sees it, as JSON.
fn read_with_pyyaml(yaml: &str) -> Value {
    let script = "import sys, json, yaml\n\
                  sys.stdout.write(json.dumps(yaml.safe_load(sys.stdin.buffer.read().decode('utf-8'))))\n";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is needed: the front matter is checked with PyYAML");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(yaml.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("No module named 'yaml'"),
        "PyYAML is missing: run `pip install pyyaml` (CI installs it)"
    );
    assert!(output.status.success(), "PyYAML refused:\n{stderr}\n{yaml}");
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn resume_with_a_multibyte_draft_name_warns_and_uses_the_good_draft() {
    let output = Test::new()
        .args(["prep", "--notes-dir", "notes", "--resume", "--no-input"])
        .args(["--answers", PREP_ANSWERS, "--print-path"])
        .write(
            "notes/.drafts/prep-日本語の下書き.yaml",
            "customer: Wrong\n",
        )
        .write(
            "notes/.drafts/prep-20261122-10101日.yaml",
            "customer: Wrong\n",
        )
        .write(
            "notes/.drafts/prep-20261120-101010.yaml",
            "goal: From the draft\n",
        )
        .run()
        .status(0);
    output.stderr_line("ignoring notes/.drafts/prep-日本語の下書き.yaml");
    output.stderr_line("ignoring notes/.drafts/prep-20261122-10101日.yaml");
    only_note(&output);
    let drafts = output.dir.join("notes/.drafts");
    assert!(
        !drafts.join("prep-20261120-101010.yaml").exists(),
        "the resumed draft is done"
    );
    assert!(
        drafts.join("prep-日本語の下書き.yaml").exists(),
        "odd files are left alone"
    );
}

#[test]
fn dates_outside_1900_to_2999_are_refused_naming_the_question() {
    for date in ["-10000y", "3000-01-01", "1899-12-31"] {
        let output = Test::new()
            .args(["prep", "--notes-dir", "notes", "--answers", PREP_ANSWERS])
            .args([format!("--date={date}")])
            .run()
            .status(2);
        let line = output.stderr_line("outside the years 1900-2999");
        assert!(line.contains("`date`"), "{line}");
        assert!(notes(&output).is_empty());
    }
    let output = walk_t()
        .args(["--set", "items=a", "--set", "picks=A"])
        .args(["--set", "promises=Send it | +2000y"])
        .run()
        .status(2);
    output.stderr_line("outside the years 1900-2999");
}

#[test]
fn long_multibyte_names_give_file_names_under_255_bytes() {
    let customer = "顧客".repeat(100);
    let meeting = "𝔐𝔢𝔢𝔱𝔦𝔫𝔤".repeat(60);
    let output = Test::new()
        .args(["prep", "--notes-dir", "notes", "--answers", PREP_ANSWERS])
        .arg_pair("--customer", &customer)
        .arg_pair("--meeting", &meeting)
        .run()
        .status(0);
    let (path, note) = only_note(&output);
    for part in path.strip_prefix(output.dir.join("notes")).unwrap() {
        assert!(part.len() < 255, "{} bytes: {part:?}", part.len());
    }
    assert!(note.contains(&customer), "the name itself is kept whole");
    // A second note of the same meeting still fits with its `-2`.
    drop(output);
}

#[test]
fn a_failed_write_after_resume_replaces_the_resumed_draft() {
    let output = Test::new()
        .args(["prep", "--notes-dir", "notes", "--resume", "--no-input"])
        .args(["--answers", PREP_ANSWERS])
        .write("notes/.drafts/prep-20261120-101010.yaml", "goal: Kept\n")
        // A file where the customer's folder must go: the note cannot be written.
        .write("notes/northwind-traders", "in the way\n")
        .run()
        .status(1);
    output.stderr_line("cannot write the note");
    let drafts = files_under(&output.dir.join("notes/.drafts"));
    assert_eq!(drafts.len(), 1, "one draft per walk: {drafts:?}");
    assert!(!drafts[0].ends_with("prep-20261120-101010.yaml"));
    let draft = std::fs::read_to_string(&drafts[0]).unwrap();
    assert!(draft.contains("customer: Northwind Traders"), "{draft}");
}

#[test]
fn required_lists_and_commitments_refuse_empty_answers_from_a_file() {
    let output = walk_t()
        .write(
            "answers.yaml",
            "items: []\npicks: \"\"\npromises: []\nalpha.why: x\n",
        )
        .args(["--answers", "answers.yaml"])
        .run()
        .status(2);
    for id in ["items", "picks", "promises"] {
        let line = output.stderr_line(&format!("`{id}`"));
        assert!(line.contains("empty"), "{line}");
    }
    assert!(notes(&output).is_empty());
}

#[test]
fn a_commitment_with_a_fourth_field_is_an_error() {
    let output = walk_t()
        .args(["--set", "items=a", "--set", "picks=A"])
        .args(["--set", "promises=Send it | +3d | me | tomorrow too"])
        .run()
        .status(2);
    let line = output.stderr_line("`promises`");
    assert!(line.contains("4 `|` fields"), "{line}");
}

#[test]
fn titles_labels_and_long_answers_cannot_make_headings_fences_or_tasks() {
    let story = "# Not a heading\n---\n- [ ] not a task\n* [x] nor this\n- a real bullet\n===";
    let output = walk_t()
        .write("pick.yaml", "picks: [\"B\\n---\\n# second line\"]\n")
        .args(["--answers", "pick.yaml"])
        .arg_pair("--meeting", "Kickoff\n---\n# Injected")
        .args(["--set", "items=[ ] item", "--set", "promises=# what | +1d"])
        .arg_pair("--set", &format!("story={story}"))
        .args(["--set", "alpha.why=because"])
        .run()
        .status(0);
    let (_, note) = only_note(&output);
    let body = &note[front_matter_text(&note).len() + 8..];
    let lines: Vec<&str> = body.lines().collect();
    assert!(!lines.contains(&"---"), "no fence in the body:\n{body}");
    let headings: Vec<&&str> = lines.iter().filter(|line| line.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            &"# ACME: Kickoff --- # Injected",
            &"## Commitments",
            &"## Test",
            &"## Alpha --- # Injected pattern"
        ],
        "{body}"
    );
    let tasks: Vec<&&str> = lines
        .iter()
        .filter(|line| {
            let line = line.trim_start();
            ["- [", "* [", "+ ["]
                .iter()
                .any(|task| line.starts_with(task))
        })
        .collect();
    assert_eq!(tasks.len(), 1, "{body}");
    assert!(
        tasks[0].starts_with("- [ ] \\# what (due 2026-12-02) `c-"),
        "{body}"
    );
    assert!(body.contains("\n- a real bullet\n"), "{body}");
    assert!(body.contains("\n- B --- # second line\n"), "{body}");
    let front = read_with_pyyaml(front_matter_text(&note));
    assert_eq!(front["meeting"], "Kickoff --- # Injected", "one line");
    assert_eq!(front["answers"]["story"], story);
}

#[test]
fn a_template_keeps_multi_line_labels_on_their_comment_line() {
    let output = Test::new()
        .write("pack/a.yaml", PACK)
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
        output
            .stdout
            .contains("\n# options: A | B --- # second line\n"),
        "{}",
        output.stdout
    );
    let lines: Vec<&str> = output.stdout.lines().collect();
    assert!(!lines.contains(&"---"), "{}", output.stdout);
    read_with_pyyaml(&output.stdout);

    let given = "story: \"line one\\n# two\"\nitems: [\"yes\", \"=\"]\n";
    let output = Test::new()
        .write("pack/a.yaml", PACK)
        .write("given.yaml", given)
        .args(["--no-builtin", "--patterns", "pack", "questions", "t"])
        .args(["--template", "--answers", "given.yaml"])
        .run()
        .status(0);
    let template = read_with_pyyaml(&output.stdout);
    assert_eq!(template["story"], "line one\n# two", "{}", output.stdout);
    assert_eq!(template["items"], serde_json::json!(["yes", "="]));
}

#[test]
fn control_characters_never_reach_the_note() {
    let output = walk_t()
        .args(["--set", "items=a\u{1b}[31mred", "--set", "picks=A"])
        .args(["--set", "promises=x\u{7} | +1d | Dana\u{9b}"])
        .arg_pair(
            "--set",
            "story=nul\u{1}here\r\nescape\u{1b}]0;title\u{7} done\u{7f}",
        )
        .arg_pair("--meeting", "Kick\u{1b}[2Joff")
        .args(["--set", "alpha.why=because"])
        .run()
        .status(0);
    let (_, note) = only_note(&output);
    for c in note.chars() {
        assert!(
            !c.is_control() || c == '\n' || c == '\t',
            "raw {c:?} in the note:\n{note:?}"
        );
    }
    assert!(note.contains("- a[31mred\n"), "{note}");
    assert!(note.contains("escape]0;title done"), "{note}");
}

#[test]
fn front_matter_reads_back_as_the_same_strings_in_pyyaml() {
    let awkward = [
        "=",
        "<<",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "10:30",
        "1_000",
        "0x1F",
        "0o17",
        "~",
        "null",
        ".inf",
        "2026-12-01",
        "1e3",
        "+1",
        ".5",
        "0777",
        "# hash",
        "a: b",
        "- dash",
        "\"quoted\"",
        "'single'",
        "Société 北京 🙂",
        "two\nlines",
    ];
    let items: Vec<Value> = awkward.iter().map(|text| Value::from(*text)).collect();
    let answers = serde_json::json!({
        "meeting": "yes",
        "items": items,
        "picks": ["A"],
        "promises": [{"what": "<<", "due": "2026-12-05", "who": "off"}],
        "story": "two\nlines: yes",
        "alpha.why": "=",
    });
    let output = walk_t_for("on")
        .write("answers.json", answers.to_string())
        .args(["--answers", "answers.json"])
        .run()
        .status(0);
    let (_, note) = only_note(&output);
    let yaml = front_matter_text(&note);
    let front = read_with_pyyaml(yaml);
    assert_eq!(front["customer"], "on");
    assert_eq!(front["meeting"], "yes");
    assert_eq!(front["date"], "2026-12-01");
    assert_eq!(front["answers"]["items"], answers["items"], "{yaml}");
    assert_eq!(front["answers"]["promises"][0]["what"], "<<");
    assert_eq!(front["answers"]["promises"][0]["who"], "off");
    assert_eq!(front["answers"]["story"], "two\nlines: yes");
    assert_eq!(front["answers"]["alpha.why"], "=");
    let serde: Value = serde_yaml::from_str(yaml).unwrap();
    assert_eq!(serde, front, "serde_yaml and PyYAML agree");
}

#[test]
fn a_given_commitment_id_is_kept_and_none_is_made_for_standard_output() {
    let answers = "items: [a]\npicks: [A]\nalpha.why: x\npromises:\n\
                   - {id: c-k3v9q2xa, what: Kept, due: 2026-12-05, who: me, done: true}\n\
                   - {what: New, due: 2026-12-06}\n";
    let printed = walk_t()
        .write("answers.yaml", answers)
        .args(["--answers", "answers.yaml", "--output", "-"])
        .run()
        .status(0);
    let front = read_with_pyyaml(front_matter_text(&printed.stdout));
    let promises = &front["answers"]["promises"];
    assert_eq!(promises[0]["id"], "c-k3v9q2xa");
    assert_eq!(promises[1].get("id"), None, "no id without a note");
    assert!(printed
        .stdout
        .contains("- [x] Kept (due 2026-12-05, me) `c-k3v9q2xa`\n"));
    assert!(printed.stdout.contains("- [ ] New (due 2026-12-06)\n"));

    let written = walk_t()
        .write("answers.yaml", answers)
        .args(["--answers", "answers.yaml"])
        .run()
        .status(0);
    let (_, note) = only_note(&written);
    let front = read_with_pyyaml(front_matter_text(&note));
    let promises = &front["answers"]["promises"];
    assert_eq!(promises[0]["id"], "c-k3v9q2xa");
    let new = promises[1]["id"].as_str().unwrap();
    assert!(new.len() == 10 && new.starts_with("c-"), "{new}");
}

#[test]
fn composed_and_decomposed_customer_names_share_one_folder() {
    let composed = "Soci\u{e9}t\u{e9} G\u{e9}n\u{e9}rale";
    let decomposed = "Socie\u{301}te\u{301} Ge\u{301}ne\u{301}rale";
    let first = Test::new()
        .args(["prep", "--notes-dir", "notes", "--answers", PREP_ANSWERS])
        .arg_pair("--customer", composed)
        .run()
        .status(0);
    let mut second = Command::new(crate::support::BIN);
    crate::support::isolate(&mut second, &first.dir);
    let status = second
        .args(["prep", "--notes-dir", "notes", "--answers", PREP_ANSWERS])
        .args(["--customer", decomposed])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let folders: Vec<String> = std::fs::read_dir(first.dir.join("notes"))
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert_eq!(folders, ["soci\u{e9}t\u{e9}-g\u{e9}n\u{e9}rale"]);
    assert_eq!(notes(&first).len(), 2);
}

/// Pack text with terminal escapes in it: a window-title change, a screen
/// clear and a colour.
const ESCAPING_PACK: &str = "\
patterns:
  - id: evil
    name: \"Evil\\e]0;pwned\\a Pattern\"
    summary: \"Sum\\e[2Jmary\"
    tips: [\"Tip\\e[5m\"]
    questions:
      prep:
        - id: q
          ask: \"Ask\\e[31m me?\"
          help: \"Help\\x9b2J\"
checklists:
  - id: prep
    start: [evil]
";

#[test]
fn pack_text_reaches_the_terminal_without_escape_characters() {
    use expectrl::Expect;
    let place = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(place.path().join("pack")).unwrap();
    std::fs::write(place.path().join("pack/evil.yaml"), ESCAPING_PACK).unwrap();
    let mut command = Command::new(crate::support::BIN);
    crate::support::isolate(&mut command, place.path());
    command
        .args([
            "--no-builtin",
            "--patterns",
            "pack",
            "prep",
            "--notes-dir",
            "notes",
        ])
        .args([
            "--customer",
            "ACME",
            "--meeting",
            "M",
            "--date",
            "2026-12-01",
        ])
        .env("TERM", "xterm-256color");
    let mut session = expectrl::Session::spawn(command).expect("coach starts in a terminal");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(10)));
    let shown = session.expect("me?").expect("the question is asked");
    let screen = String::from_utf8_lossy(shown.before()).into_owned();
    for raw in [
        "\u{1b}]0;pwned",
        "\u{1b}[2J",
        "\u{1b}[5m",
        "\u{1b}[31m me",
        "\u{9b}",
    ] {
        assert!(
            !screen.contains(raw),
            "{raw:?} reached the terminal raw:\n{}",
            screen.replace('\u{1b}', "␛")
        );
    }
    for clean in [
        "Evil]0;pwned Pattern",
        "Sum[2Jmary",
        "Tip[5m",
        "Help2J",
        "Ask[31m",
    ] {
        assert!(screen.contains(clean), "{clean:?} missing:\n{screen}");
    }
    session.send_line("fine").unwrap();
    session.expect(expectrl::Eof).expect("coach ends");
}
