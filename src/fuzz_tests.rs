//! A property test over everything that reads outside input: the pack loader,
//! the answers parser (YAML and JSON), the draft reader and the date parser.
//! No input may panic, and every accepted answer must read back from a note's
//! front matter unchanged.
//!
//! CI runs a bounded number of cases; a long soak sets `COACH_FUZZ_CASES`:
//! `COACH_FUZZ_CASES=200000 cargo test --release --lib fuzz` (README.md).

use jiff::civil::{date, Date};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value};

use crate::language::{load_texts, Kind, Language};
use crate::model::answer;
use crate::notes::draft;
use crate::notes::note::Note;
use crate::notes::note_writer::NoteWriter;
use crate::walk::{answers_file, Missing, Walk};
use crate::yaml;

const TODAY: Date = date(2026, 12, 1);

fn runner() -> TestRunner {
    let cases = std::env::var("COACH_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(256);
    TestRunner::new(Config {
        cases,
        // Shrinking a failure is worth it; a long soak should not stop to do it forever.
        max_shrink_iters: 2_000,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Words that mean something to YAML 1.1 or 1.2, to markdown, or to coach.
#[rustfmt::skip]
const TRICKY: &[&str] = &[
    "", " ", "yes", "No", "ON", "off", "y", "n", "~", "null", "Null", "true", "=", "<<", "10:30",
    "1_000", "0x1F", "0o17", "0777", "1e3", ".inf", "-.inf", ".NaN", "+1", ".5", "2026-12-01",
    "---", "...", "# heading", "- [ ] task", "- [x] done", "a: b", "- item", "'", "\"", "|", ">",
    "&anchor", "*alias", "!tag", "%YAML", "@", "`", "{", "[", "}", "]", ",", "?", "\t", "\n",
    "\r\n", "\u{0}", "\u{1b}[31m", "\u{7f}", "\u{85}", "\u{2028}", "\u{feff}", "é", "e\u{301}",
    "日本語", "🙂", "today", "+3d", "-10000y", "99999-01-01", "me | 2026-12-03 | us",
    "a | b | c | d", ";", "c-abcdefgh",
];

fn tricky_text() -> impl Strategy<Value = String> {
    let token = proptest::sample::select(TRICKY).prop_map(str::to_string);
    prop_oneof![
        any::<String>(),
        token.clone(),
        proptest::collection::vec(prop_oneof![token, any::<String>()], 1..5)
            .prop_map(|parts| parts.concat()),
    ]
}

/// A YAML-ish document tree: keys a pack uses, values that mislead.
fn document() -> impl Strategy<Value = Value> {
    #[rustfmt::skip]
    const KEYS: &[&str] = &[
        "title", "source", "patterns", "checklists", "id", "name", "summary", "uses", "tips",
        "questions", "ask", "kind", "options", "include", "label", "required", "default", "help",
        "labels", "start", "replaces", "prep", "debrief", "review", "text", "select", "scale",
    ];
    let leaf = prop_oneof![
        tricky_text().prop_map(Value::String),
        any::<i64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
        proptest::sample::select(KEYS).prop_map(|key| Value::String(key.to_string())),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(
                (
                    prop_oneof![
                        proptest::sample::select(KEYS).prop_map(str::to_string),
                        tricky_text()
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn run_cases<S: Strategy>(strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    if let Err(failure) = runner().run(&strategy, check) {
        panic!("{failure}");
    }
}

#[test]
fn the_pack_loader_never_panics() {
    let text = prop_oneof![
        tricky_text(),
        document().prop_map(|value| yaml::to_string(&value)),
    ];
    run_cases(text, |text| {
        let _ = load_texts(&[("fuzz.yaml", &text)]);
        Ok(())
    });
}

#[test]
fn the_answers_and_draft_readers_never_panic() {
    let folder = tempfile::tempdir().unwrap();
    let text = prop_oneof![
        tricky_text(),
        document().prop_map(|value| yaml::to_string(&value)),
        document().prop_map(|value| value.to_string()),
    ];
    run_cases(text, |text| {
        let path = folder.path().join("answers.yaml");
        std::fs::write(&path, &text).unwrap();
        let _ = answers_file::read(&path);
        let _ = draft::load(&path);
        Ok(())
    });
}

#[test]
fn the_draft_finder_never_panics_on_odd_names() {
    run_cases(tricky_text(), |name| {
        let notes = tempfile::tempdir().unwrap();
        let drafts = draft::dir(notes.path());
        std::fs::create_dir_all(&drafts).unwrap();
        for file in [format!("prep-{name}.yaml"), format!("prep-{name}")] {
            // A name the file system refuses (a `/`, a NUL, too long) is no input.
            let _ = std::fs::write(drafts.join(file), "");
        }
        let _ = draft::newest(notes.path(), "prep");
        Ok(())
    });
}

#[test]
fn the_date_parser_never_panics() {
    let text = prop_oneof![
        tricky_text(),
        "[+-]?[0-9]{1,12}[dwmy]",
        "[+-]?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}",
    ];
    run_cases(text, |text| {
        if let Ok(parsed) = crate::dates::parse(&text, TODAY) {
            // Only dates a note can be named after and read back (docs/notes.md).
            prop_assert!(
                (1900..=2999).contains(&parsed.year()),
                "{text} gave {parsed}"
            );
        }
        Ok(())
    });
}

/// What an answers file could say: text, numbers, lists of text, commitments.
fn answer_value() -> impl Strategy<Value = Value> {
    let commitment = (tricky_text(), tricky_text(), tricky_text())
        .prop_map(|(what, due, who)| serde_json::json!({"what": what, "due": due, "who": who}));
    prop_oneof![
        tricky_text().prop_map(Value::String),
        (0i64..8).prop_map(Value::from),
        any::<bool>().prop_map(Value::Bool),
        proptest::collection::vec(tricky_text().prop_map(Value::String), 0..4)
            .prop_map(Value::Array),
        proptest::collection::vec(commitment, 0..3).prop_map(Value::Array),
    ]
}

/// A pack with one optional question of every kind, options that mislead.
fn every_kind_pack() -> Language {
    let mut text = String::from(
        "patterns:\n  - id: fuzz\n    name: Fuzz\n    summary: s\n    questions:\n      t:\n",
    );
    for kind in Kind::ALL {
        text += &format!(
            "        - id: {}\n          ask: q\n          kind: {}\n",
            kind.name(),
            kind.name()
        );
        if kind.has_options() {
            text += "          options: [\"yes\", \"A: b\", \"~\", \"- [ ] x\"]\n";
        }
    }
    text += "checklists:\n  - id: t\n    start: [fuzz]\n";
    load_texts(&[("fuzz.yaml", &text)]).expect("the fuzz pack loads")
}

#[test]
fn every_accepted_answer_reads_back_from_a_note_unchanged() {
    let language = every_kind_pack();
    let kinds = proptest::sample::select(Kind::ALL.to_vec());
    let header = (tricky_text(), tricky_text());
    run_cases(
        (kinds, answer_value(), header),
        |(kind, value, (customer, meeting))| {
            let id = format!("fuzz.{}", kind.name());
            let walk = Walk {
                language: &language,
                checklist: "t",
                given: vec![
                    ("customer".to_string(), Value::String(customer)),
                    ("meeting".to_string(), Value::String(meeting)),
                    (id.clone(), value),
                ],
                skipped: Vec::new(),
                missing: Missing::UseDefaults,
                today: TODAY,
                brief: None,
                known: Vec::new(),
                open: None,
                depth: crate::language::Depth::Default,
            };
            // A value the checks refuse is no note: nothing to read back.
            let Ok(walked) = walk.run(None) else {
                return Ok(());
            };
            if !walked.missing.is_empty() {
                return Ok(());
            }
            let note = Note {
                language: &language,
                walked: &walked,
                customer: walked.text("customer").unwrap_or_default(),
                meeting: walked.text("meeting"),
                date: TODAY,
                created: jiff::Zoned::now(),
                commitment_ids: walked
                    .commitments()
                    .map(|_| Some(NoteWriter::new_commitment_id()))
                    .collect(),
                prep_link: None,
                brief: None,
                invite: None,
            };
            let markdown = note.markdown();
            let front_matter = markdown
                .strip_prefix("---\n")
                .and_then(|rest| rest.split_once("\n---\n"))
                .map(|(front, _)| front)
                .ok_or_else(|| TestCaseError::fail(format!("no front matter:\n{markdown}")))?;
            let read = yaml::parse(front_matter)
                .map_err(|error| TestCaseError::fail(format!("{front_matter}: {error:?}")))?;
            // The fast reader reads what coach writes as serde_yaml does, or leaves it.
            yaml::fast::tests::agreement(front_matter)
                .map_err(|why| TestCaseError::fail(format!("{why}\n{front_matter}")))?;
            prop_assert_eq!(
                &read["answers"],
                &Value::Object(note.answers()),
                "{}",
                front_matter
            );
            prop_assert_eq!(&read["customer"], &Value::String(note.customer.clone()));
            // What the note holds is a valid answer again, equal to the one given.
            let Some(written) = read["answers"].get(&id) else {
                return Ok(());
            };
            let question = &walked.answers.last().expect("the fuzz answer").0;
            let again = answer::from_value(question, written, TODAY)
                .map_err(|error| TestCaseError::fail(format!("{front_matter}: {error}")))?;
            let accepted = &walked.answers.last().expect("the fuzz answer").1;
            prop_assert_eq!(again.to_value(), written.clone());
            prop_assert_eq!(strip_ids(again.to_value()), strip_ids(accepted.to_value()));
            Ok(())
        },
    );
}

/// Commitments read back carry the id the note gave them.
fn strip_ids(mut value: Value) -> Value {
    if let Value::Array(items) = &mut value {
        for item in items {
            if let Value::Object(fields) = item {
                fields.remove("id");
            }
        }
    }
    value
}

/// Things people (and other tools) type into a front matter that change
/// what YAML reads: the fast reader must read them as serde_yaml or not at all.
#[rustfmt::skip]
const EDITS: &[&str] = &[
    "\t", "\"", "'", "#", " #", "# ", "&a ", "*a", "!!str ", "!x ", "0x1", "1e3", "1.5", ".inf",
    "-.inf", ".nan", "~", "yes", "null", "Null", "true", "False", "007", "-0", "+1", "10:30", ": ",
    ":", "- ", "-", "|", "|+", "|-", "|2", ">", "\n", "\n  ", " ", "  ", "é", "🙂", "\u{85}",
    "\u{a0}", "\u{2028}", "\u{feff}", "\r", "[", "]", "{", "}", "[]", "{}", ",", "? ", "%", "@",
    "`", "---", "...", "<<", "=", "\\", "\\u00e9", "\\x41", "\\ud83d", "''", "\"\"", "c-abc",
    "id: c-x", "what: y", "done: false", "- id: c-z", "2026-12-05", "0", "-12",
];

/// One edit at a place given as a number (taken modulo the text's length).
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    Indent(usize, bool),
    Duplicate(usize),
    Delete(usize),
    Swap(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), proptest::sample::select(EDITS)).prop_map(|(at, text)| Edit::Insert(at, text)),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(at, more)| Edit::Indent(at, more)),
        1 => any::<usize>().prop_map(Edit::Duplicate),
        1 => any::<usize>().prop_map(Edit::Delete),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.is_empty() {
        return text.to_string();
    }
    let count = lines.len();
    match edit {
        Edit::Insert(at, insert) => {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return format!("{}{insert}{}", &text[..at], &text[at..]);
        }
        Edit::Indent(at, true) => lines[at % count].insert(0, ' '),
        Edit::Indent(at, false) => {
            let line = &mut lines[at % count];
            if line.starts_with(' ') {
                line.remove(0);
            }
        }
        Edit::Duplicate(at) => {
            let line = lines[at % count].clone();
            lines.insert(at % count, line);
        }
        Edit::Delete(at) => {
            lines.remove(at % count);
        }
        Edit::Swap(a, b) => lines.swap(a % count, b % count),
    }
    lines.join("\n") + "\n"
}

/// A front matter as coach writes it: the note's fields, answers that
/// mislead, commitments.
fn written_front_matter() -> impl Strategy<Value = String> {
    // Mostly text as people type it, which the writer leaves plain.
    let text = || {
        prop_oneof![
            2 => "[A-Za-z\u{e9}\u{5317}][A-Za-z0-9 ,.()'/:#-]{0,16}",
            1 => tricky_text(),
        ]
    };
    let commitment =
        (text(), text(), any::<bool>(), any::<bool>()).prop_map(|(what, who, done, dated)| {
            let mut item =
                serde_json::json!({"id": "c-abcdefgh", "what": what, "who": who, "done": done});
            if dated {
                item["due"] = Value::from("2026-12-05");
            }
            item
        });
    (
        text(),
        proptest::collection::vec(commitment, 0..4),
        prop_oneof![answer_value(), text().prop_map(Value::String)],
        prop_oneof![1 => document(), 2 => Just(Value::Null)],
    )
        .prop_map(|(customer, promises, answer, other)| {
            yaml::to_string(&serde_json::json!({
                "coach": 1, "checklist": "debrief", "customer": customer, "meeting": null,
                "date": "2026-12-01", "created": "2026-12-01T16:20:53+01:00",
                "patterns": ["keep-them-posted"],
                "answers": {"overall": 4, "x.answer": answer, "promises": promises, "other": other},
            }))
        })
}

#[test]
fn the_fast_front_matter_reader_reads_as_serde_yaml_or_not_at_all() {
    use crate::memory::note_record::NoteRecord;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let fast = AtomicUsize::new(0);
    let edited = (
        written_front_matter(),
        proptest::collection::vec(edit(), 0..4),
    );
    run_cases(edited, |(text, edits)| {
        let text = edits.iter().fold(text, |text, edit| apply(&text, edit));
        let read = yaml::fast::tests::agreement(&text)
            .map_err(|why| TestCaseError::fail(format!("{why}\n{text}")))?;
        if let (true, Some(parsed), Ok(value)) =
            (read, yaml::fast::parse(&text), yaml::parse(&text))
        {
            fast.fetch_add(1, Ordering::Relaxed);
            let path = std::path::Path::new("n.md");
            let quick = NoteRecord::from_fast(path, &text, parsed, 2);
            let slow = NoteRecord::from_front_matter(path, &text, value, 2);
            prop_assert_eq!(quick, slow, "{}", text);
        }
        Ok(())
    });
    let fast = fast.load(Ordering::Relaxed);
    eprintln!("{fast} cases read fast");
    assert!(fast > 0, "no case was read fast");
}
