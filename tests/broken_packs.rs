//! Every kind of broken pack gives exit 1 and one precise line per problem.

use crate::support::{Output, Test};

const GOOD: &str = "\
patterns:
  - id: alpha
    name: Alpha
    summary: The first pattern.
    questions:
      prep:
        - id: why
          ask: Why?
";

/// Checks `files` as a pack on top of nothing but themselves.
fn check(files: &[(&str, &str)]) -> Output {
    let mut test = Test::new().args(["--no-builtin", "patterns", "check", "pack"]);
    for (name, text) in files {
        test = test.write(&format!("pack/{name}"), text);
    }
    test.run().status(1)
}

#[test]
fn yaml_syntax_error_names_file_line_and_column() {
    let output = check(&[(
        "bad.yaml",
        "patterns:\n  - id: alpha\n    name: [unclosed\n",
    )]);
    let line = output.stderr_line("invalid YAML");
    assert!(line.contains("pack/bad.yaml:"), "{line}");
    assert!(
        line.split("bad.yaml:")
            .nth(1)
            .unwrap()
            .starts_with(char::is_numeric),
        "{line}"
    );
}

#[test]
fn non_utf8_file_is_named_with_its_position() {
    let output = check(&[("latin1.yaml", "patterns:\n  - id: caf\u{e9}\n")]);
    // Rewrite the file as Latin-1: é becomes the lone byte 0xE9.
    drop(output);
    let test = Test::new()
        .args(["--no-builtin", "patterns", "check", "pack"])
        .write(
            "pack/latin1.yaml",
            b"patterns:\n  - id: caf\xe9\n".as_slice(),
        );
    let output = test.run().status(1);
    output.stderr_line("pack/latin1.yaml:2:");
    output.stderr_line("not UTF-8");
}

#[test]
fn binary_file_is_refused() {
    let test = Test::new()
        .args(["--no-builtin", "patterns", "check", "pack"])
        .write("pack/a.yaml", GOOD)
        .write(
            "pack/image.yaml",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice(),
        );
    let output = test.run().status(1);
    assert!(output
        .stderr_line("binary file")
        .contains("pack/image.yaml"));
}

#[test]
fn unknown_kind_suggests_the_nearest() {
    let pack = GOOD.replace("ask: Why?", "ask: Why?\n          kind: txt");
    let output = check(&[("a.yaml", &pack)]);
    let line = output.stderr_line("unknown kind");
    assert!(line.contains("pack/a.yaml:9:"), "{line}");
    assert!(line.contains("question `alpha.why`"), "{line}");
    assert!(line.contains("did you mean `text`?"), "{line}");
}

#[test]
fn uses_naming_no_pattern_is_an_error_with_a_suggestion() {
    let pack = GOOD.replace(
        "summary: The first pattern.",
        "summary: The first pattern.\n    uses: [alpah]",
    );
    let output = check(&[("a.yaml", &pack)]);
    let line = output.stderr_line("`uses` names `alpah`");
    assert!(line.contains("pack/a.yaml:5:"), "{line}");
    assert!(
        line.contains("pattern `alpha`") && line.contains("did you mean `alpha`?"),
        "{line}"
    );
}

#[test]
fn include_naming_no_pattern_is_an_error() {
    let pack = GOOD.replace("ask: Why?", "ask: Why?\n          kind: select\n          options:\n            - {label: Angry, include: [calm-down]}");
    let output = check(&[("a.yaml", &pack)]);
    let line = output.stderr_line("`include` names `calm-down`");
    assert!(line.contains("pack/a.yaml:11:"), "{line}");
}

#[test]
fn duplicate_pattern_ids_name_both_places() {
    let output = check(&[("a.yaml", GOOD), ("b.yaml", GOOD)]);
    let line = output.stderr_line("duplicate pattern id");
    assert!(line.starts_with("coach: error: pack/b.yaml:2:"), "{line}");
    assert!(line.contains("also defined at pack/a.yaml:2"), "{line}");
}

#[test]
fn duplicate_question_ids_are_an_error_even_across_checklists() {
    let pack = format!("{GOOD}      debrief:\n        - id: why\n          ask: Again?\n");
    let output = check(&[("a.yaml", &pack)]);
    let line = output.stderr_line("duplicate question id");
    assert!(
        line.contains("pack/a.yaml:10:") && line.contains("`alpha.why`"),
        "{line}"
    );
}

#[test]
fn missing_required_fields_are_each_reported() {
    let pack = "patterns:\n  - id: alpha\n    questions:\n      prep:\n        - id: why\n";
    let output = check(&[("a.yaml", pack)]);
    output.stderr_line("missing required field `name`");
    output.stderr_line("missing required field `summary`");
    let ask = output.stderr_line("missing required field `ask`");
    assert!(
        ask.contains("pack/a.yaml:5:") && ask.contains("alpha.why"),
        "{ask}"
    );
}

#[test]
fn fields_of_the_wrong_type_are_errors() {
    let pack = GOOD
        .replace(
            "summary: The first pattern.",
            "summary: [not, text]\n    tips: just one",
        )
        .replace("ask: Why?", "ask: Why?\n          required: \"yes\"");
    let output = check(&[("a.yaml", &pack)]);
    assert!(output
        .stderr_line("`summary` must be text")
        .contains("pack/a.yaml:4:"));
    assert!(output
        .stderr_line("`tips` must be a list")
        .contains("pack/a.yaml:5:"));
    assert!(output
        .stderr_line("`required` must be true or false")
        .contains("alpha.why"));
}

#[test]
fn select_without_options_is_an_error() {
    let pack = GOOD.replace("ask: Why?", "ask: Why?\n          kind: multiselect");
    let output = check(&[("a.yaml", &pack)]);
    assert!(output.stderr_line("needs `options:`").contains("alpha.why"));
}

#[test]
fn ids_must_be_lowercase_dash() {
    let pack = GOOD
        .replace("id: alpha", "id: Alpha_One")
        .replace("id: why", "id: 'why not'");
    let output = check(&[("a.yaml", &pack)]);
    let pattern = output.stderr_line("pattern id `Alpha_One`");
    assert!(
        pattern.contains("pack/a.yaml:2:") && pattern.contains("`alpha-one`"),
        "{pattern}"
    );
    output.stderr_line("question id `why not`");
}

#[test]
fn unknown_top_level_key_is_not_ignored() {
    let pack = GOOD.replace("patterns:", "pattern:");
    let output = check(&[("a.yaml", &pack)]);
    let line = output.stderr_line("unknown field `pattern`");
    assert!(
        line.contains("pack/a.yaml:1:1") && line.contains("did you mean `patterns`?"),
        "{line}"
    );
}

#[test]
fn unknown_pattern_field_is_not_ignored() {
    let pack = GOOD.replace("summary:", "sumary: x\n    summary:");
    let output = check(&[("a.yaml", &pack)]);
    assert!(output
        .stderr_line("unknown field `sumary`")
        .contains("did you mean `summary`?"));
}

#[test]
fn alias_bomb_is_refused_without_exhausting_memory() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (previous, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let items = vec![format!("*{previous}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    bomb.push_str("patterns: *i\n");
    assert!(bomb.len() < 1000);
    let output = check(&[("bomb.yaml", &bomb)]);
    assert!(output
        .stderr_line("repetition limit")
        .contains("pack/bomb.yaml"));
}

#[test]
fn directory_without_patterns_is_an_error() {
    let output = Test::new()
        .args(["--no-builtin", "patterns", "check", "empty"])
        .write("empty/notes.txt", "not yaml")
        .run()
        .status(1);
    assert!(output.stderr_line("no *.yaml").contains("empty"));
    let output = check(&[("a.yaml", "language:\n  title: Nothing else\n")]);
    output.stderr_line("no patterns found");
    let output = Test::new()
        .args(["--no-builtin", "patterns", "check", "missing"])
        .run()
        .status(1);
    assert!(output
        .stderr_line("cannot read pattern directory")
        .contains("missing"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let pack = "patterns:\n  - id: Bad\n    name: B\n    summary: s\n    colour: red\n  - id: good\n    name: G\n    summary: s\n    uses: [nowhere]\n";
    let output = check(&[("a.yaml", pack), ("b.yaml", "patterns: [\n")]);
    let errors = output
        .stderr
        .lines()
        .filter(|line| line.starts_with("coach: error:"))
        .count();
    assert_eq!(errors, 4, "{}", output.stderr);
    output.stderr_line("coach: 4 problems in the pattern packs");
}

#[test]
fn header_ids_are_reserved_in_checklists() {
    let pack = format!("{GOOD}checklists:\n  - id: prep\n    questions:\n      - id: customer\n        ask: Who?\n");
    let output = check(&[("a.yaml", &pack)]);
    assert!(output.stderr_line("reserved").contains("pack/a.yaml:12:"));
}

#[test]
fn defaults_are_checked_against_the_kind() {
    let pack = GOOD.replace(
        "ask: Why?",
        "ask: Why?\n          kind: scale\n          default: 9",
    );
    let output = check(&[("a.yaml", &pack)]);
    assert!(output
        .stderr_line("invalid `default`")
        .contains("out of range"));
}

#[test]
fn a_broken_pack_stops_every_command_that_loads_it() {
    let output = Test::new()
        .args(["patterns", "list", "--patterns", "pack"])
        .write(
            "pack/a.yaml",
            GOOD.replace("kind", "")
                .replace("ask: Why?", "ask: Why?\n          kind: nope"),
        )
        .run()
        .status(1);
    assert!(output.stdout.is_empty());
    output.stderr_line("unknown kind `nope`");
}

#[test]
fn scale_labels_need_a_scale_and_two_or_five_texts() {
    let on_text = GOOD.replace("ask: Why?", "ask: Why?\n          labels: [low, high]");
    let output = check(&[("a.yaml", &on_text)]);
    assert!(output
        .stderr_line("`labels` only apply to scale questions")
        .contains("pack/a.yaml:9:"));
    let three = GOOD.replace(
        "ask: Why?",
        "ask: Why?\n          kind: scale\n          labels: [a, b, c]",
    );
    let output = check(&[("a.yaml", &three)]);
    output.stderr_line("`labels` needs 2 texts (for 1 and 5) or 5 (one per point), found 3");
}
