//! Large generated packs and answers files: they work, and their error lists
//! stay readable. Timings live in BENCHMARKS.md, not here.

use std::path::Path;

use crate::support::Test;

#[allow(dead_code)]
#[path = "../examples/generate_pack.rs"]
mod generate_pack;

fn generate(args: &[&str], root: &Path) {
    let mut args: Vec<String> = args.iter().map(|arg| (*arg).to_string()).collect();
    let target = args.pop().unwrap();
    args.push(root.join(target).display().to_string());
    generate_pack::run(&args).expect("the generator runs");
}

#[test]
fn a_generated_chain_of_2000_patterns_is_walked_to_the_end() {
    let test = Test::new();
    generate(&["chain", "2000", "chain"], test.path());
    let test = test
        .args(["walk", "bench", "--no-builtin", "--patterns", "chain/pack"])
        .args(["--answers", "chain/answers.yaml", "--output", "-"]);
    // The note is larger than a pipe holds: read it while coach writes.
    let output = test.command().output().expect("coach runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("\n## Pattern p-1\n"));
    assert!(stdout.contains("\n## Pattern p-2000\n"));
    assert_eq!(stdout.matches("\n## Pattern p-").count(), 2000);
}

#[test]
fn five_thousand_unknown_answer_ids_are_listed_in_twenty_lines_and_a_count() {
    let test = Test::new();
    generate(&["answers", "5000", "unknown.yaml"], test.path());
    let output = test
        .args(["prep", "--answers", "unknown.yaml", "--output", "-"])
        .run()
        .status(2)
        .stderr_has("`unknown-1.question` is no question of the prep walk")
        .stderr_has("`unknown-20.question` is no question")
        .stderr_has("and 4980 more");
    assert!(!output.stderr.contains("`unknown-21.question`"));
    assert!(
        output.stderr.lines().count() <= 23,
        "too many lines:\n{}",
        output.stderr
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn two_thousand_unresolved_uses_are_listed_in_twenty_lines_and_a_count() {
    let test = Test::new();
    generate(&["unresolved", "2000", "bad"], test.path());
    let output = test
        .args(["--no-builtin", "patterns", "check", "bad/pack"])
        .run()
        .status(1)
        .stderr_has("pattern `p-1`: `uses` names `missing-1`, which is no loaded pattern")
        .stderr_has("and 1980 more")
        .stderr_has("2000 problems");
    assert!(
        output.stderr.lines().count() <= 23,
        "too many lines:\n{}",
        output.stderr
    );
}

#[test]
fn a_generated_grid_graph_draws_every_link_once() {
    let test = Test::new();
    generate(&["grid", "30x40", "grid"], test.path());
    let output = test
        .args([
            "--no-builtin",
            "--patterns",
            "grid/pack",
            "patterns",
            "graph",
        ])
        .run()
        .status(0);
    assert_eq!(output.stdout.matches(" -> ").count(), 30 * 40);
}
