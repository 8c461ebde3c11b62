//! `coach config` and `coach config path` (issue 11, section 5): the
//! settings in effect and where each came from.

use serde_json::Value;

use crate::support::Test;

#[test]
fn config_names_the_origin_of_every_setting() {
    let output = Test::new()
        .write(
            "settings.yaml",
            "depth: full\nme: [Dana Lee]\nkeep_in_touch: {Acme: 4w}\n",
        )
        .write("pack/a.yaml", "patterns: []\n")
        .env("COACH_CONFIG", "settings.yaml")
        .env("COACH_COLOR", "never")
        .args([
            "--notes-dir",
            "notes",
            "--patterns",
            "pack",
            "config",
            "--json",
        ])
        .run()
        .status(0);
    let json: Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(json["config_file"]["read"], true, "{json}");
    assert!(json["config_file"]["path"]
        .as_str()
        .unwrap()
        .ends_with("settings.yaml"));
    assert_eq!(json["notes_dir"]["from"], "--notes-dir");
    assert_eq!(json["color"]["value"], "never");
    assert_eq!(json["color"]["from"], "COACH_COLOR");
    assert_eq!(json["depth"]["value"], "full");
    assert!(json["depth"]["from"]
        .as_str()
        .unwrap()
        .ends_with("settings.yaml"));
    assert_eq!(json["me"]["value"][0], "Dana Lee");
    assert_eq!(json["keep_in_touch"]["value"]["Acme"], "28d");
    assert_eq!(json["packs"][0]["value"], "<built-in>");
    assert_eq!(json["packs"][0]["from"], "default");
    assert_eq!(json["packs"][1]["value"], "pack");
    assert_eq!(json["packs"][1]["from"], "--patterns");
    assert_eq!(json["index"]["from"], "default");
}

#[test]
fn config_as_text_lines_up_and_says_when_there_is_no_file() {
    let output = Test::new()
        .args(["--no-builtin", "--no-index", "config"])
        .run()
        .status(0);
    let lines: Vec<&str> = output.stdout.lines().collect();
    assert!(lines[0].starts_with("config file "), "{}", output.stdout);
    assert!(
        lines[0].ends_with("(not found: defaults apply)"),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("packs          <built-in> left out  (--no-builtin)"),
        "{}",
        output.stdout
    );
    assert!(
        output.stdout.contains("index          off  (--no-index)"),
        "{}",
        output.stdout
    );
    assert!(
        output.stdout.contains("depth          default  (default)"),
        "{}",
        output.stdout
    );
}

#[test]
fn config_path_prints_the_file_coach_reads() {
    let output = Test::new().args(["config", "path"]).run().status(0);
    assert!(
        output
            .stdout
            .trim_end()
            .ends_with("config/coach/config.yaml"),
        "{}",
        output.stdout
    );
    let named = Test::new()
        .env("COACH_CONFIG", "/tmp/elsewhere.yaml")
        .args(["config", "path"]);
    // A named file that does not exist is an error for every command.
    named
        .run()
        .status(2)
        .stderr_has("no such file (named by COACH_CONFIG)");
}
