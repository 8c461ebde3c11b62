use super::*;
use pretty_assertions::assert_eq;

/// A note as `coach debrief --answers examples/debrief-answers.yaml` wrote it.
pub(super) const NOTE: &str = include_str!("debrief-note.md");
pub(super) const PLAN: &str = "c-zrv6s3kt";
pub(super) const FIGURES: &str = "c-7e5sc5ti";

pub(super) fn day() -> Date {
    jiff::civil::date(2026, 12, 3)
}

/// `NOTE` with the plan closed, edited by hand here.
pub(super) fn plan_closed() -> String {
    NOTE.replacen(
        "    who: me\n    done: false\n",
        "    who: me\n    done: true\n    closed: \"2026-12-03\"\n",
        1,
    )
    .replacen(
        "- [ ] Send the sized ERP integration plan (due 2026-12-05, me) `c-zrv6s3kt`",
        "- [x] Send the sized ERP integration plan (due 2026-12-05, me) `c-zrv6s3kt`",
        1,
    )
}

/// A small note in the format coach writes, with `promises` given as YAML lines.
fn note(promises: &str, tasks: &str) -> String {
    format!(
        "---\ncoach: 1\nchecklist: debrief\ncustomer: Acme\nmeeting: null\ndate: \"2026-12-01\"\nanswers:\n  overall: 4\n  promises:\n{promises}---\n\n# Acme\n\n## Commitments\n\n{tasks}"
    )
}

#[test]
fn closing_a_commitment_of_a_real_note_changes_one_line_adds_one_and_marks_its_task() {
    let closed = close(NOTE, PLAN, day()).unwrap();
    assert_eq!(closed, plan_closed());
    let changed = NOTE
        .lines()
        .zip(closed.lines())
        .filter(|(before, after)| before != after)
        .count();
    // `done:` turned, then every later front-matter line shifted by the new one.
    assert!(changed > 2);
    assert_eq!(closed.lines().count(), NOTE.lines().count() + 1);
}

#[test]
fn reopening_undoes_a_close_byte_for_byte() {
    let both = close(&close(NOTE, PLAN, day()).unwrap(), FIGURES, day()).unwrap();
    assert_eq!(
        reopen(&reopen(&both, PLAN).unwrap(), FIGURES).unwrap(),
        NOTE
    );
    assert_eq!(reopen(&plan_closed(), PLAN).unwrap(), NOTE);
}

#[test]
fn the_closing_date_is_quoted_as_the_note_writer_quotes_a_date() {
    let written = crate::yaml::to_string(&serde_json::json!({"closed": day().to_string()}));
    let closed = close(NOTE, PLAN, day()).unwrap();
    assert!(closed.contains(&format!("    {written}")), "{written}");
}

#[test]
fn crlf_line_endings_and_a_missing_final_newline_are_kept() {
    let crlf = NOTE.trim_end().replace('\n', "\r\n");
    let closed = close(&crlf, FIGURES, day()).unwrap();
    let expected = crlf
        .replacen(
            "who: Dana Lee\r\n    done: false\r\n",
            "who: Dana Lee\r\n    done: true\r\n    closed: \"2026-12-03\"\r\n",
            1,
        )
        .replacen("- [ ] Share last year's", "- [x] Share last year's", 1);
    assert_eq!(closed, expected);
    assert!(!closed.ends_with('\n'));
    assert_eq!(reopen(&closed, FIGURES).unwrap(), crlf);
}

#[test]
fn unicode_around_the_commitment_is_kept() {
    let text = note(
        "  - id: c-k3v9q2xa\n    what: Envoyer le devis signé 📎 à Zoë\n    due: \"2026-12-05\"\n    who: 山田\n    done: false\n",
        "- [ ] Envoyer le devis signé 📎 à Zoë (due 2026-12-05, 山田) `c-k3v9q2xa`\n\n## Rappels 🎯\n",
    );
    let closed = close(&text, "c-k3v9q2xa", day()).unwrap();
    let expected = text
        .replacen(
            "    done: false\n",
            "    done: true\n    closed: \"2026-12-03\"\n",
            1,
        )
        .replacen("- [ ] Envoyer", "- [x] Envoyer", 1);
    assert_eq!(closed, expected);
    assert_eq!(reopen(&closed, "c-k3v9q2xa").unwrap(), text);
}

#[test]
fn commitments_with_similar_ids_or_prefixes_of_the_id_are_left_alone() {
    let item = |id: &str| {
        format!("  - id: {id}\n    what: Call {id}\n    due: \"2026-12-05\"\n    who: me\n    done: false\n")
    };
    let task = |id: &str| format!("- [ ] Call {id} (due 2026-12-05, me) `{id}`\n");
    let ids = ["c-abc123", "c-abc1234", "c-abc12", "c-xabc123"];
    let text = note(
        &ids.iter().map(|id| item(id)).collect::<String>(),
        &ids.iter().map(|id| task(id)).collect::<String>(),
    );
    let closed = close(&text, "c-abc123", day()).unwrap();
    let expected = text
        .replacen(
            "Call c-abc123\n    due: \"2026-12-05\"\n    who: me\n    done: false\n",
            "Call c-abc123\n    due: \"2026-12-05\"\n    who: me\n    done: true\n    closed: \"2026-12-03\"\n",
            1,
        )
        .replacen("- [ ] Call c-abc123 (", "- [x] Call c-abc123 (", 1);
    assert_eq!(closed, expected);
    assert!(matches!(
        close(&text, "c-abc", day()),
        Err(EditError::NotFound { .. })
    ));
}

#[test]
fn a_commitment_already_in_the_wanted_state_is_reported_as_such() {
    let closed = close(NOTE, PLAN, day()).unwrap();
    let error = close(&closed, PLAN, day()).unwrap_err();
    assert!(matches!(error, EditError::AlreadyDone { .. }), "{error:?}");
    assert_eq!(error.to_string(), "commitment `c-zrv6s3kt` is already done");
    let error = reopen(NOTE, PLAN).unwrap_err();
    assert!(matches!(error, EditError::AlreadyOpen { .. }), "{error:?}");
    assert_eq!(error.to_string(), "commitment `c-zrv6s3kt` is already open");
}

#[test]
fn a_hand_edited_commitment_with_keys_reordered_comments_and_a_quoted_id_still_edits() {
    let promises = "  # promised in the hallway\n  - what: Send the plan\n    done: false   # Dana asked twice\n\n    who: me\n    id: \"c-k3v9q2xa\"\n    due: \"2026-12-05\"\n  - id: c-other1\n    what: Other\n    due: \"2026-12-05\"\n    who: me\n    done: false\n";
    let tasks = "Some text first.\n\n* [ ] Send the plan, moved by hand `c-k3v9q2xa`  \n- [ ] Other `c-other1`\n";
    let text = note(promises, tasks);
    let closed = close(&text, "c-k3v9q2xa", day()).unwrap();
    let expected = text
        .replacen(
            "    done: false   # Dana asked twice\n",
            "    done: true   # Dana asked twice\n    closed: \"2026-12-03\"\n",
            1,
        )
        .replacen("* [ ] Send", "* [x] Send", 1);
    assert_eq!(closed, expected);
    assert_eq!(reopen(&closed, "c-k3v9q2xa").unwrap(), text);
}

#[test]
fn a_commitment_moved_to_another_answer_with_done_first_still_edits() {
    let text = "---\ncoach: 1\nanswers:\n  later.follow-ups:\n      - done: false\n        id: c-moved1\n        what: Moved\n  promises: []\n---\n- [ ] Moved `c-moved1`";
    let closed = close(text, "c-moved1", day()).unwrap();
    assert_eq!(
        closed,
        "---\ncoach: 1\nanswers:\n  later.follow-ups:\n      - done: true\n        closed: \"2026-12-03\"\n        id: c-moved1\n        what: Moved\n  promises: []\n---\n- [x] Moved `c-moved1`"
    );
    assert_eq!(reopen(&closed, "c-moved1").unwrap(), text);
}

#[test]
fn reopening_a_commitment_closed_by_hand_without_a_date_only_turns_done() {
    let text = note(
        "  - id: c-k3v9q2xa\n    what: Plan\n    due: \"2026-12-05\"\n    done: true\n",
        "- [X] Plan `c-k3v9q2xa`\n",
    );
    let open = reopen(&text, "c-k3v9q2xa").unwrap();
    let expected = text
        .replacen("done: true", "done: false", 1)
        .replacen("- [X]", "- [ ]", 1);
    assert_eq!(open, expected);
}

/// The error `close` gives for the note with these promises and tasks.
fn refused(promises: &str, tasks: &str) -> EditError {
    close(&note(promises, tasks), "c-k3v9q2xa", day()).unwrap_err()
}

const TASK: &str = "- [ ] Plan `c-k3v9q2xa`\n";
const ITEM: &str = "  - id: c-k3v9q2xa\n    what: Plan\n    due: \"2026-12-05\"\n    done: false\n";

#[test]
fn a_missing_id_is_refused() {
    let error = refused("  - id: c-other1\n    done: false\n", TASK);
    assert!(matches!(error, EditError::NotFound { .. }), "{error:?}");
}

#[test]
fn an_id_given_twice_is_refused_with_both_lines() {
    let error = refused(&format!("{ITEM}{ITEM}"), TASK);
    let EditError::FoundTwice { lines, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(lines, &[10, 14]);
    // An id also written in a long answer is text, not a second place: see
    // `an_id_typed_into_a_long_answer_is_text_not_a_second_commitment`.
}

#[test]
fn a_commitment_without_one_done_line_is_refused() {
    let error = refused("  - id: c-k3v9q2xa\n    what: Plan\n", TASK);
    assert!(
        matches!(error, EditError::NoDone { line: 10, .. }),
        "{error:?}"
    );
    let nested = "  - id: c-k3v9q2xa\n    what: Plan\n    extra:\n      done: false\n";
    let error = refused(nested, TASK);
    assert!(matches!(error, EditError::NoDone { .. }), "{error:?}");
    let error = refused("  - id: c-k3v9q2xa\n    done: \"false\"\n", TASK);
    assert!(
        matches!(error, EditError::DoneNotBool { line: 11, .. }),
        "{error:?}"
    );
    let error = refused("  - id: c-k3v9q2xa\n    done: no\n", TASK);
    assert!(matches!(error, EditError::DoneNotBool { .. }), "{error:?}");
}

#[test]
fn a_flow_style_commitment_is_refused() {
    let error = refused("  - {id: c-k3v9q2xa, what: Plan, done: false}\n", TASK);
    assert!(
        matches!(error, EditError::FlowStyle { line: 10, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("one key per line"), "{error}");
}

#[test]
fn an_open_commitment_with_a_closing_date_is_refused() {
    let error = refused(&format!("{ITEM}    closed: \"2026-12-02\"\n"), TASK);
    assert!(
        matches!(error, EditError::ClosedPresent { line: 14, .. }),
        "{error:?}"
    );
}

#[test]
fn a_missing_doubled_or_disagreeing_task_line_is_refused() {
    let error = refused(ITEM, "- Plan `c-k3v9q2xa`\n");
    assert!(matches!(error, EditError::TaskMissing { .. }), "{error:?}");
    let error = refused(ITEM, &format!("{TASK}{TASK}"));
    assert!(matches!(error, EditError::TaskTwice { .. }), "{error:?}");
    let error = refused(ITEM, "- [x] Plan `c-k3v9q2xa`\n");
    assert!(
        matches!(error, EditError::TaskDisagrees { line: 20, .. }),
        "{error:?}"
    );
    // A task line naming a longer id is another commitment's.
    let error = refused(ITEM, "- [ ] Plan `c-k3v9q2xab`\n");
    assert!(matches!(error, EditError::TaskMissing { .. }), "{error:?}");
}

#[test]
fn a_note_without_front_matter_or_with_broken_yaml_is_refused() {
    let error = close(
        "# Just markdown\n- [ ] Plan `c-k3v9q2xa`\n",
        "c-k3v9q2xa",
        day(),
    )
    .unwrap_err();
    assert!(matches!(error, EditError::NoFrontMatter), "{error:?}");
    let error = refused(&format!("{ITEM}  - [unclosed\n"), TASK);
    assert!(matches!(error, EditError::FrontMatter { .. }), "{error:?}");
}

/// Text that looks like the structure the edit searches for.
fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    const TRICKY: &[&str] = &[
        "id: c-aaaaa0",
        "done: false",
        "- [ ] ",
        "`c-aaaaa0`",
        "\n",
        "\r\n",
        "closed: ",
        "---",
        " # ",
        "{",
        "é",
        "📎",
        "  - ",
        ": ",
        "\"",
        "'",
    ];
    proptest::collection::vec(
        prop_oneof![
            any::<String>(),
            proptest::sample::select(TRICKY).prop_map(str::to_string)
        ],
        0..8,
    )
    .prop_map(|parts| parts.concat())
}

// Whatever the commitments' texts hold, closing one of a note the writer
// could have made is reopened to the same bytes, or refused, never mangled.
#[test]
fn close_then_reopen_gives_back_any_note_or_refuses() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 256,
        failure_persistence: None,
        ..Default::default()
    });
    let edited_count = std::cell::Cell::new(0);
    let cases = (
        proptest::collection::vec((tricky_text(), any::<bool>()), 1..4),
        any::<bool>(),
        0..4usize,
    );
    runner
        .run(&cases, |(whats, crlf, which)| {
            let ids: Vec<String> = (0..whats.len()).map(|at| format!("c-aaaaa{at}")).collect();
            let promises: Vec<serde_json::Value> = whats
                .iter()
                .zip(&ids)
                .map(|((what, done), id)| serde_json::json!({"id": id, "what": what, "due": "2026-12-05", "who": "me", "done": done}))
                .collect();
            let front = crate::yaml::to_string(&serde_json::json!({"coach": 1, "answers": {"promises": promises}}));
            let tasks: String = whats
                .iter()
                .zip(&ids)
                .map(|((what, done), id)| {
                    let mark = if *done { "x" } else { " " };
                    format!("- [{mark}] {} `{id}`\n", crate::text::one_line(what).replace('`', "'"))
                })
                .collect();
            let mut text = format!("---\n{front}---\n\n## Commitments\n\n{tasks}");
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            let at = which % ids.len();
            let id = &ids[at];
            let result = if whats[at].1 { reopen(&text, id) } else { close(&text, id, day()) };
            if let Ok(edited) = result {
                edited_count.set(edited_count.get() + 1);
                let back = if whats[at].1 { close(&edited, id, day()) } else { reopen(&edited, id) };
                // A note without `closed:` comes back from a close with one.
                if !whats[at].1 {
                    prop_assert_eq!(edited.lines().count(), text.lines().count() + 1);
                    prop_assert_eq!(back.unwrap(), text);
                } else {
                    prop_assert!(back.is_ok());
                }
            }
            Ok(())
        })
        .unwrap();
    assert!(
        edited_count.get() > 128,
        "most notes are edited, not refused"
    );
}

// Regression: an `id:` line typed into a long answer counted as a second
// commitment with that id, and the edit was refused as "found twice".
#[test]
fn an_id_typed_into_a_long_answer_is_text_not_a_second_commitment() {
    let promises = "  - id: c-aaaaaaaa\n    what: Send it\n    due: \"2026-12-05\"\n    who: me\n    done: false\n";
    let text = note(promises, "- [ ] Send it (due 2026-12-05, me) `c-aaaaaaaa`\n").replace(
        "  overall: 4\n",
        "  overall: 4\n  story: |-\n    We agreed:\n    - id: c-aaaaaaaa\n      done: false\n\n    and more.\n",
    );
    let closed = close(&text, "c-aaaaaaaa", day()).unwrap();
    assert_eq!(reopen(&closed, "c-aaaaaaaa").unwrap(), text);
    assert!(
        closed.contains("    - id: c-aaaaaaaa\n      done: false\n"),
        "{closed}"
    );
}

#[test]
fn a_task_line_names_the_last_commitment_id_between_backticks() {
    let text = note(
        "",
        "- [ ] Brief the `c-suite` (due 2026-12-01, me) `c-abcdef`\n- [x] Quote `c-bbbbbb` again `c-cccccc` (sent)\n- plain `c-dddddd`\nSee `c-eeeeee`.\n",
    );
    let note = layout::Note::read(&text).unwrap();
    let found: Vec<(usize, &str)> = layout::task_ids(&note)
        .into_iter()
        .map(|(at, id)| (at + 1, id))
        .collect();
    assert_eq!(found, [(16, "c-abcdef"), (17, "c-cccccc")]);
}
