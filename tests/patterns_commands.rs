//! Browsing the built-in language: list, show, graph, check.

use crate::support::Test;

const RISING: [&str; 10] = [
    "its-a-relationship-not-a-sale",
    "know-the-customer",
    "build-trust",
    "listen-listen-listen",
    "be-responsive",
    "customer-meetings-go-early-stay-late",
    "show-personal-integrity",
    "take-your-licks",
    "be-aware-of-boundaries",
    "mind-your-manners",
];

#[test]
fn list_shows_the_builtin_language_from_any_directory() {
    let output = Test::new()
        .args(["patterns", "list"])
        .run()
        .status(0)
        .stdout_has("PREP")
        .stdout_has("REVIEW");
    for id in RISING {
        assert!(
            output.stdout.lines().any(|line| line.starts_with(id)),
            "{id} missing:\n{}",
            output.stdout
        );
    }
}

#[test]
fn list_json_counts_questions_per_checklist() {
    let output = Test::new()
        .args(["patterns", "list", "--json"])
        .run()
        .status(0);
    let json: serde_json::Value = serde_json::from_str(&output.stdout).expect("valid JSON");
    let patterns = json["patterns"].as_array().unwrap();
    assert!(patterns.len() >= 30);
    let listen = patterns
        .iter()
        .find(|pattern| pattern["id"] == "listen-listen-listen")
        .unwrap();
    assert_eq!(listen["name"], "Listen, Listen, Listen");
    assert!(listen["questions"]["prep"].as_u64().unwrap() >= 1);
    assert_eq!(
        listen["uses"],
        serde_json::json!([
            "be-aware-of-boundaries",
            "mind-your-manners",
            "show-personal-integrity"
        ])
    );
}

#[test]
fn show_names_links_in_both_directions() {
    let output = Test::new()
        .args(["patterns", "show", "listen-listen-listen"])
        .run()
        .status(0);
    let uses = output
        .stdout
        .lines()
        .find(|line| line.starts_with("Uses:"))
        .unwrap();
    let used_by = output
        .stdout
        .lines()
        .find(|line| line.starts_with("Used by:"))
        .unwrap();
    assert!(
        uses.contains("be-aware-of-boundaries")
            && uses.contains("mind-your-manners")
            && uses.contains("show-personal-integrity"),
        "{uses}"
    );
    assert!(
        used_by.contains("know-the-customer") && used_by.contains("build-trust"),
        "{used_by}"
    );
    assert!(output.stdout.contains("PLoPD4, pp. 595-597"));
    assert!(
        output.stdout.contains("listen-listen-listen."),
        "full question ids shown"
    );
}

#[test]
fn show_of_an_unknown_id_suggests_the_nearest() {
    Test::new()
        .args(["patterns", "show", "listen-listen"])
        .run()
        .status(1)
        .stderr_has("no pattern `listen-listen`; did you mean `listen-listen-listen`?");
}

#[test]
fn show_names_the_select_questions_that_include_a_pattern() {
    Test::new()
        .args(["patterns", "show", "take-your-licks"])
        .run()
        .status(0)
        .stdout_has("Included by:");
}

#[test]
fn graph_in_dot_and_mermaid_has_uses_and_include_edges() {
    Test::new()
        .args(["patterns", "graph", "--format", "dot"])
        .run()
        .status(0)
        .stdout_has("digraph coach {")
        .stdout_has("\"show-personal-integrity\" -> \"be-aware-of-boundaries\";")
        .stdout_has("\"be-aware-of-boundaries\" -> \"show-personal-integrity\";")
        .stdout_has("-> \"take-your-licks\" [style=dashed, label=\"include\"];");
    Test::new()
        .args(["patterns", "graph", "--format", "mermaid"])
        .run()
        .status(0)
        .stdout_has("flowchart LR")
        .stdout_has("  mind-your-manners --> show-personal-integrity")
        .stdout_has("-.->|include| take-your-licks");
}

#[test]
fn check_summarises_a_clean_language() {
    let output = Test::new().args(["patterns", "check"]).run().status(0);
    assert!(output.stdout.starts_with("ok: "), "{}", output.stdout);
    assert!(
        output.stdout.contains(" patterns, ") && output.stdout.contains("3 checklists in 1 pack"),
        "{}",
        output.stdout
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let test = Test::new().args(["patterns", "graph"]);
    let mut child = test
        .command()
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn help_and_version_exit_zero_and_bad_flags_exit_two() {
    Test::new()
        .args(["--help"])
        .run()
        .status(0)
        .stdout_has("patterns");
    Test::new()
        .args(["--version"])
        .run()
        .status(0)
        .stdout_has("coach ");
    Test::new()
        .args(["patterns", "list", "--bogus"])
        .run()
        .status(2)
        .stderr_has("--bogus");
}

#[test]
fn show_finds_a_pattern_by_its_name_in_any_case() {
    let by_id = Test::new()
        .args(["patterns", "show", "take-your-licks"])
        .run()
        .status(0);
    for name in ["Take Your Licks", "take your licks", "  TAKE  your LICKS "] {
        Test::new()
            .args(["patterns", "show", name])
            .run()
            .status(0)
            .stdout_is(&by_id.stdout);
    }
}

#[test]
fn show_of_a_name_two_patterns_share_lists_their_ids() {
    let pack = "\
patterns:
  - id: listen-first
    name: Listen
    summary: Listen first.
  - id: listen-again
    name: listen
    summary: Listen again.
";
    Test::new()
        .write("pack/a.yaml", pack)
        .args(["--no-builtin", "--patterns", "pack", "patterns", "show", "LISTEN"])
        .run()
        .status(1)
        .stderr_has(
            "coach: error: 2 patterns are named `LISTEN`: listen-first, listen-again; show one by its id",
        );
}

#[test]
fn show_of_an_unknown_name_suggests_the_nearest_name() {
    Test::new()
        .args(["patterns", "show", "Take Your Lick"])
        .run()
        .status(1)
        .stderr_has("no pattern `Take Your Lick`; did you mean `Take Your Licks`?");
}

#[test]
fn walk_help_lists_the_checklists_of_the_loaded_packs() {
    let pack = "\
patterns:
  - id: listen
    name: Listen
    summary: Listen first.
    questions:
      intake:
        - id: heard
          ask: What did you hear?
checklists:
  - id: intake
    title: A first call
    start: [listen]
";
    let output = Test::new()
        .write("pack/a.yaml", pack)
        .args(["--patterns", "pack", "walk", "--help"])
        .run()
        .status(0);
    let listed = output
        .stdout
        .split_once("Checklists of the loaded packs:\n")
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_else(|| panic!("no checklists:\n{}", output.stdout));
    assert_eq!(
        listed,
        "  prep     Before the meeting\n  debrief  After the meeting\n  review   Relationship review\n  intake   A first call\n"
    );
}

#[test]
fn walk_help_with_a_broken_pack_still_helps_and_says_the_checklists_cannot_be_listed() {
    Test::new()
        .write("pack/a.yaml", "patterns: [\n")
        .args(["walk", "--patterns", "pack", "-h"])
        .run()
        .status(0)
        .stdout_has("Usage: coach walk")
        .stdout_has("Checklists: the settings or pattern packs do not load");
}
