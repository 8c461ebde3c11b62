//! The fast reader against serde_yaml and the source map: whenever it reads
//! a document, the value and the line of every key and item must be theirs.

use serde_json::{json, Value};

use super::parse;
use crate::yaml::locator::{SourceMap, Step};

/// Whether the fast reader read `text` (`Ok(false)`: it left it to
/// serde_yaml), or how it disagrees with serde_yaml or the source map.
pub(crate) fn agreement(text: &str) -> Result<bool, String> {
    let Some(parsed) = parse(text) else {
        return Ok(false);
    };
    let slow = crate::yaml::parse(text)
        .map_err(|error| format!("serde_yaml refuses what the fast reader read: {error:?}"))?;
    if slow != parsed.value {
        return Err(format!(
            "values differ:\nfast {}\nslow {slow}",
            parsed.value
        ));
    }
    let map = SourceMap::new(text);
    let mut nodes = Vec::new();
    every_node(&slow, &mut Vec::new(), &mut Vec::new(), &mut nodes);
    for (ordinals, steps) in nodes {
        let fast = parsed.lines.line(&ordinals);
        let slow = map.position(&steps).map(|(line, _)| line);
        if fast != slow {
            return Err(format!(
                "lines differ at {steps:?}: fast {fast:?}, source map {slow:?}"
            ));
        }
    }
    Ok(true)
}

/// Every key and item of `value`, as ordinals and as a source-map path.
fn every_node(
    value: &Value,
    ordinals: &mut Vec<usize>,
    steps: &mut Vec<Step>,
    nodes: &mut Vec<(Vec<usize>, Vec<Step>)>,
) {
    let children: Vec<(Step, &Value)> = match value {
        Value::Object(map) => map
            .iter()
            .map(|(key, value)| (Step::Key(key.clone()), value))
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, value)| (Step::Index(index), value))
            .collect(),
        _ => return,
    };
    for (at, (step, child)) in children.into_iter().enumerate() {
        ordinals.push(at);
        steps.push(step);
        nodes.push((ordinals.clone(), steps.clone()));
        every_node(child, ordinals, steps, nodes);
        ordinals.pop();
        steps.pop();
    }
}

#[track_caller]
fn read_alike(text: &str) {
    assert_eq!(agreement(text), Ok(true), "{text}");
}

#[track_caller]
fn left_to_serde_yaml(text: &str) {
    assert!(parse(text).is_none(), "read fast:\n{text}");
    assert_eq!(agreement(text), Ok(false));
}

/// A note's front matter as coach writes it, with the given texts in it.
fn note(texts: &[&str]) -> Value {
    let promises: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(at, text)| {
            json!({"id": format!("c-{at:08}"), "what": text, "due": "2026-12-05",
                   "who": if at % 2 == 0 { Value::Null } else { json!(text) },
                   "done": at % 3 == 0})
        })
        .collect();
    json!({
        "coach": 1, "checklist": "debrief", "customer": texts.first().copied().unwrap_or("Acme"),
        "meeting": null, "date": "2026-12-01", "created": "2026-12-01T16:20:53+01:00",
        "patterns": ["keep-them-posted", "be-responsive"],
        "answers": {
            "overall": 4, "late": -3, "big": 123_456_789_012_345_678u64, "sure": true, "unsure": false,
            "empty": [], "none": {}, "nothing": null, "tags": texts, "promises": promises,
            "nested": {"list": [[], {}, ["a", ["b"]], {"k": {"deep": [1, {"x": "y"}]}}]},
        },
    })
}

#[test]
fn notes_as_coach_writes_them_are_read_fast_and_alike() {
    let long = "x".repeat(300);
    let texts = [
        "Send the plan",
        "Société Générale",
        "北京 客户",
        "emoji 🙂",
        "it's",
        "yes",
        "no",
        "on",
        "Null",
        "~",
        "true",
        "12",
        "-7",
        "0",
        "007",
        "1.5",
        "1e3",
        "0x1F",
        ".inf",
        "2026-12-01",
        "10:30",
        "a: b",
        "# hash",
        "a #b",
        "a#b",
        "- item",
        "[a]",
        "{a}",
        "&a",
        "*a",
        "!tag",
        "line\nbreak",
        "two\n\nparagraphs",
        "tab\there",
        "quote \" and \\ back",
        "nul\u{0}",
        "esc\u{1b}",
        "del\u{7f}",
        "c1\u{85}",
        "ls\u{2028}",
        "bom\u{feff}",
        " leading",
        "trailing ",
        "",
        "http://example.com",
        &long,
    ];
    read_alike(&crate::yaml::to_string(&note(&texts)));
    for text in texts {
        read_alike(&crate::yaml::to_string(&note(&[text])));
        // As a key, text with escapes is left to serde_yaml: the source map
        // takes a quoted key as written.
        let keyed = crate::yaml::to_string(&json!({ text: text, "k": [text, {text: [text]}] }));
        let read = agreement(&keyed);
        assert!(read.is_ok(), "{keyed}\n{read:?}");
        if !keyed.contains('\\') && !text.is_empty() {
            assert_eq!(read, Ok(true), "{keyed}");
        }
    }
}

#[test]
fn hand_written_text_that_is_plainly_text_is_read_fast() {
    for text in [
        "a: yes\nb: on\nc: No\nd: Inf\ne: nan\nf: 2026-12-05\ng: see http://x.y/z\n",
        "a:   spaced   \nb:\nc: [] \nd: {}\ne: 'it''s'\nf: \"\\u00e9\\/\"\n",
        "a:\n  - x\n  - y\nb:\n    deep: 1\n    list:\n    - 1\n",
        "a:\n-   id: x\n    what: y\n-\n  - nested\n- |\n  block\n  text\n",
        "a: |\n  kept\n\n  lines\n\n\nb: |+\n  keep\n\nc: |-\n  strip\n",
        "a: \"tab\there\"\nb: |-\n  tab\tinside\n",
        "\n\na: 1\n\n\nb: 2\n",
        "a: x\n  \nb: y\n",
    ] {
        read_alike(text);
    }
}

#[test]
fn anything_unsure_is_left_to_serde_yaml() {
    for text in [
        "",
        "\n",
        "- a\n",
        "[1]\n",
        "{a: 1}\n",
        "  a: 1\n",
        "a: 1\n  b: 2\n",
        "a:\tb\n",
        "\ta: b\n",
        "a: b\t\n",
        "a: b # c\n",
        "# c\na: b\n",
        "a: &x b\n",
        "a: *x\n",
        "a: !!str b\n",
        "a: 0x1\n",
        "a: 1e3\n",
        "a: 1.5\n",
        "a: .inf\n",
        "a: +1\n",
        "a: 007\n",
        "a: -0\n",
        "a: 10:30\n",
        "a: b: c\n",
        "a: b:\n",
        "a: [b]\n",
        "a: {b: c}\n",
        "a: 1\na: 2\n",
        "1: a\n",
        "true: a\n",
        "null: a\n",
        "\"a\\tb\": c\n",
        "'it''s': c\n",
        "a : b\n",
        "a: plain\n  continued\n",
        "a: \"multi\n  line\"\n",
        "a: \"x\" y\n",
        "a: \"\\x41\"\n",
        "a: \"\\ud800\"\n",
        "a: |2\n  x\n",
        "a: >\n  x\n",
        "a: |\n    deeper\n",
        "a: |\n   \n  x\n",
        "a: |\n",
        "a:\n- - x\n",
        "a: x\r\n",
        "a: \u{85}\n",
        "a: \u{feff}x\n",
        "---\na: b\n",
        "a: b\n...\n",
        "? a\n: b\n",
        "a: 1234567890123456789\n",
        "<<: a\n",
        "a: -x\n",
        "a:\n  - x\n  b: y\n",
        "a:\n - x\n b: y\n",
        "a: |\n  x\n y: 1\n",
    ] {
        left_to_serde_yaml(text);
    }
    let deep = (0..60).fold(String::new(), |text, depth| {
        format!("{text}{}k:\n", " ".repeat(depth))
    });
    left_to_serde_yaml(&format!("{deep}{}x: 1\n", " ".repeat(60)));
}

#[test]
fn lines_count_keys_and_items_in_document_order() {
    let text =
        "coach: 1\nanswers:\n  promises:\n  - id: c-1\n    what: x\n\n  - what: y\n    id: c-2\n";
    let parsed = parse(text).unwrap();
    assert_eq!(parsed.lines.line(&[1, 0, 0, 0]), Some(4));
    assert_eq!(parsed.lines.line(&[1, 0, 1]), Some(7));
    assert_eq!(parsed.lines.line(&[1, 0, 1, 1]), Some(8));
    assert_eq!(parsed.lines.line(&[1, 0, 2]), None);
    assert_eq!(parsed.lines.line(&[2]), None);
    read_alike(text);
}

#[test]
fn a_debrief_written_by_coach_is_read_fast() {
    // `coach debrief --answers examples/debrief-answers.yaml`, as written.
    let text = include_str!("debrief_front_matter.yaml");
    read_alike(text);
    let parsed = parse(text).unwrap();
    assert_eq!(parsed.value["answers"]["promises"][1]["who"], "Dana Lee");
    // The second promise's `id:` (answers is the 8th key, promises its 3rd).
    assert_eq!(parsed.lines.line(&[7, 2, 1, 0]), Some(37));
}
