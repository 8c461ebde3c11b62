//! Where packs come from, and which setting wins.

use crate::support::Test;

const EXTRA: &str = "\
patterns:
  - id: know-the-customer
    name: Know Your Customer Well
    summary: A replacement for the built-in pattern.
  - id: extra
    name: Extra
    summary: Only in the extra pack.
    uses: [build-trust]
";

#[test]
fn a_later_pack_replaces_a_pattern_and_show_says_so() {
    let output = Test::new()
        .args([
            "--patterns",
            "mine",
            "patterns",
            "show",
            "know-the-customer",
        ])
        .write("mine/extra.yaml", EXTRA)
        .run()
        .status(0);
    output
        .stdout
        .contains("Know Your Customer Well")
        .then_some(())
        .expect("replaced name shown");
    let replaces = output
        .stdout
        .lines()
        .find(|line| line.starts_with("Replaces:"))
        .expect("a Replaces line");
    assert!(
        replaces.contains("<built-in>/000_customer_interaction_patterns.yaml"),
        "{replaces}"
    );
}

/// EXTRA with its two pattern ids renamed, so that several copies can load together.
fn extra_with_ids(extra: &str, replacement: &str) -> String {
    EXTRA
        .replace("id: extra", &format!("id: {extra}"))
        .replace("id: know-the-customer", &format!("id: {replacement}"))
}

#[test]
fn packs_come_from_flags_environment_and_config_file() {
    let config = "patterns: [../../from-config]\n";
    let output = Test::new()
        .args(["patterns", "list", "--patterns", "from-flag"])
        .env("COACH_PATTERNS", "from-env-a:from-env-b")
        .write("config/coach/config.yaml", config)
        .write("from-flag/a.yaml", extra_with_ids("flag-one", "flag-two"))
        .write("from-env-a/a.yaml", extra_with_ids("env-a", "env-a-two"))
        .write("from-env-b/a.yaml", extra_with_ids("env-b", "env-b-two"))
        .write(
            "from-config/a.yaml",
            extra_with_ids("from-config", "config-two"),
        )
        .run()
        .status(0);
    for id in [
        "flag-one",
        "env-a",
        "env-b",
        "from-config",
        "listen-listen-listen",
    ] {
        assert!(
            output.stdout.lines().any(|line| line.starts_with(id)),
            "{id}:\n{}",
            output.stdout
        );
    }
}

#[test]
fn a_flag_pack_wins_over_an_environment_pack_on_a_shared_id() {
    let pack =
        |name: &str| format!("patterns:\n  - id: shared\n    name: {name}\n    summary: s\n");
    Test::new()
        .args([
            "--no-builtin",
            "--patterns",
            "flag",
            "patterns",
            "show",
            "shared",
        ])
        .env("COACH_PATTERNS", "env")
        .write("flag/a.yaml", pack("From the flag"))
        .write("env/a.yaml", pack("From the environment"))
        .run()
        .status(0)
        .stdout_has("From the flag")
        .stdout_has("Replaces: the definition at env/a.yaml:2");
}

#[test]
fn no_builtin_comes_from_flag_environment_or_config() {
    let only_extra = |test: Test| {
        let output = test
            .write("mine/a.yaml", EXTRA.replace("uses: [build-trust]", ""))
            .run()
            .status(0);
        assert!(
            !output.stdout.contains("listen-listen-listen"),
            "{}",
            output.stdout
        );
    };
    only_extra(Test::new().args(["--no-builtin", "--patterns", "mine", "patterns", "list"]));
    only_extra(
        Test::new()
            .args(["--patterns", "mine", "patterns", "list"])
            .env("COACH_NO_BUILTIN", "1"),
    );
    only_extra(
        Test::new()
            .args(["--patterns", "mine", "patterns", "list"])
            .write("config/coach/config.yaml", "no_builtin: true\n"),
    );
}

#[test]
fn a_pack_that_relies_on_the_builtin_fails_without_it() {
    Test::new()
        .args(["--no-builtin", "patterns", "check", "mine"])
        .write("mine/a.yaml", EXTRA)
        .run()
        .status(1)
        .stderr_has("`uses` names `build-trust`, which is no loaded pattern");
}

#[test]
fn an_unknown_config_setting_is_an_error_with_a_suggestion() {
    let output = Test::new()
        .args(["patterns", "list"])
        .write("config/coach/config.yaml", "color: auto\npattern: [x]\n")
        .run()
        .status(2);
    let line = output.stderr_line("unknown setting `pattern`");
    assert!(
        line.contains("config/coach/config.yaml: line 2: ")
            && line.contains("did you mean `patterns`?"),
        "{line}"
    );
}

#[test]
fn every_bad_setting_exits_2_naming_the_file_the_line_and_what_is_valid() {
    for (config, expected) in [
        (
            "color: blue\n",
            "line 1: color: `blue` is not a colour choice (auto, always or never)",
        ),
        (
            "color: never\nno_builtin: yes\n",
            "line 2: `no_builtin` must be true or false, not `yes`",
        ),
        (
            "notes_dir: [a, b]\n",
            "line 1: `notes_dir` must be a folder, not a list",
        ),
        (
            "patterns: [1]\n",
            "line 1: `patterns` must be a folder or a list of folders, not `1`",
        ),
        ("note_dir: x\n", "line 1: unknown setting `note_dir`"),
        ("[\n", "invalid YAML"),
    ] {
        let output = Test::new()
            .args(["patterns", "list"])
            .write("config/coach/config.yaml", config)
            .run()
            .status(2);
        let line = output.stderr_line(expected);
        assert!(line.contains("config/coach/config.yaml: "), "{line}");
    }
}

#[test]
fn a_bad_environment_value_is_a_usage_error() {
    Test::new()
        .args(["patterns", "list"])
        .env("COACH_NO_BUILTIN", "maybe")
        .run()
        .status(2)
        .stderr_has("COACH_NO_BUILTIN=maybe");
}

// Issue 10 §5: every settings error exits 2, as README's "Exit codes" says;
// a config file that could not be read, and a pack folder a setting names
// that is not there, exited 1 as if a pack were broken.
#[test]
fn a_config_file_that_cannot_be_read_exits_2_naming_it() {
    let unreadable = [
        (
            "a folder",
            "cannot read it: it is a folder, not a regular file",
        ),
        ("not UTF-8", "cannot read it: it is not UTF-8 text"),
        ("a missing pack", "`patterns`: there is no folder "),
    ];
    for (what, expected) in unreadable {
        let test = Test::new();
        let path = test.path().join("config/coach/config.yaml");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        match what {
            "a folder" => std::fs::create_dir(&path).unwrap(),
            "not UTF-8" => std::fs::write(&path, b"\xff\xfe").unwrap(),
            _ => std::fs::write(&path, "patterns: no-such-pack\n").unwrap(),
        }
        let output = test.args(["patterns", "list"]).run().status(2);
        let line = output.stderr_line(expected);
        assert!(
            line.contains("config/coach/config.yaml: "),
            "{what}: {line}"
        );
    }
}

#[test]
fn every_bad_environment_value_exits_2_naming_the_variable() {
    for (name, value, expected) in [
        (
            "COACH_NO_BUILTIN",
            "maybe",
            "COACH_NO_BUILTIN=maybe is not a boolean",
        ),
        ("COACH_NO_INDEX", "2", "COACH_NO_INDEX=2 is not a boolean"),
        (
            "COACH_COLOR",
            "blue",
            "COACH_COLOR: `blue` is not a colour choice",
        ),
        (
            "COACH_CONFIG",
            "nowhere.yaml",
            "no such file (named by COACH_CONFIG)",
        ),
        ("COACH_CONFIG", ".", "cannot read it: it is a folder"),
        (
            "COACH_PATTERNS",
            "no-such-pack",
            "COACH_PATTERNS: there is no folder no-such-pack",
        ),
        (
            "COACH_NOTES_DIR",
            "/",
            "COACH_NOTES_DIR is the filesystem root",
        ),
    ] {
        Test::new()
            .args(["patterns", "list"])
            .env(name, value)
            .run()
            .status(2)
            .stderr_line(expected);
    }
}

#[test]
fn every_bad_flag_value_exits_2_naming_the_flag() {
    for (args, expected) in [
        (
            &["--color", "blue"][..],
            "invalid value 'blue' for '--color <WHEN>'",
        ),
        (&["--today", "someday"][..], "--today: "),
        (
            &["--notes-dir", "/"][..],
            "--notes-dir is the filesystem root",
        ),
        (
            &["--patterns", "no-such-pack"][..],
            "--patterns: there is no folder no-such-pack",
        ),
        (
            &["--patterns", "file.yaml"][..],
            "--patterns: file.yaml is a file, not a folder of pattern files",
        ),
    ] {
        let mut all = args.to_vec();
        all.extend(["patterns", "list"]);
        Test::new()
            .write("file.yaml", "patterns: []\n")
            .args(all)
            .run()
            .status(2)
            .stderr_line(expected);
    }
}
