//! Writes large generated pattern packs (and answers files) for measuring how
//! coach's cost grows with the size of its input. See BENCHMARKS.md.
//!
//! ```sh
//! cargo run --release --example generate_pack -- chain 10000 /tmp/chain    # p-1 uses p-2 uses ... p-N
//! cargo run --release --example generate_pack -- flat 20000 /tmp/flat      # N patterns, no links
//! cargo run --release --example generate_pack -- grid 300x300 /tmp/grid    # A patterns, each using all of B others
//! cargo run --release --example generate_pack -- unresolved 10000 /tmp/bad # N `uses` of missing patterns
//! cargo run --release --example generate_pack -- answers 100000 /tmp/unknown.yaml  # N unknown answer ids
//! ```
//!
//! A pack shape writes the pack into `DIR/pack/` and, next to it,
//! `DIR/answers.yaml`, which answers every question of its checklist `bench`,
//! so that this walks the whole pack:
//!
//! ```sh
//! coach walk bench --no-builtin --patterns /tmp/chain/pack --answers /tmp/chain/answers.yaml --output -
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Patterns per file: keeps every file far below the loader's size limit.
const PER_FILE: usize = 1000;

const USAGE: &str = "usage: generate_pack chain N DIR | flat N DIR | grid AxB DIR | unresolved N DIR | answers N FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("generate_pack: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Runs one command line (without the program name); shared with the tests.
pub fn run(args: &[String]) -> Result<(), String> {
    let [shape, size, target] = args else {
        return Err("expected three arguments".to_string());
    };
    let target = PathBuf::from(target);
    let count = |text: &str| {
        text.parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("`{text}` is not a positive number"))
    };
    match shape.as_str() {
        "chain" => {
            let n = count(size)?;
            let patterns = (1..=n).map(|i| pattern(&id(i), (i < n).then(|| id(i + 1)).as_slice()));
            write_pack(&target, patterns, (1..=n).map(id))
        }
        "flat" => {
            let n = count(size)?;
            write_pack(
                &target,
                (1..=n).map(|i| pattern(&id(i), &[])),
                (1..=n).map(id),
            )
        }
        "grid" => {
            let (a, b) = size
                .split_once('x')
                .ok_or_else(|| format!("`{size}` is not AxB"))?;
            let (a, b) = (count(a)?, count(b)?);
            let targets: Vec<String> = (1..=b).map(|j| format!("b-{j}")).collect();
            let sources = (1..=a).map(|i| pattern(&format!("a-{i}"), &targets));
            let sinks = targets.iter().map(|target| pattern(target, &[]));
            let ids = (1..=a).map(|i| format!("a-{i}")).chain(targets.clone());
            write_pack(&target, sources.chain(sinks), ids)
        }
        "unresolved" => {
            let n = count(size)?;
            let patterns = (1..=n).map(|i| pattern(&id(i), &[format!("missing-{i}")]));
            write_pack(&target, patterns, (1..=n).map(id))
        }
        "answers" => {
            let n = count(size)?;
            let mut text = String::from("customer: Acme\n");
            for i in 1..=n {
                let _ = writeln!(text, "unknown-{i}.question: answer {i}");
            }
            write(&target, &text)
        }
        other => Err(format!("unknown shape `{other}`")),
    }
}

fn id(i: usize) -> String {
    format!("p-{i}")
}

/// One pattern with one question for the checklist `bench`.
fn pattern(id: &str, uses: &[String]) -> String {
    let mut text = format!("  - id: {id}\n    name: Pattern {id}\n    summary: Generated.\n");
    if !uses.is_empty() {
        let _ = writeln!(text, "    uses: [{}]", uses.join(", "));
    }
    text += "    questions:\n      bench:\n        - id: q\n          ask: What about it?\n";
    text
}

/// The patterns in files of `PER_FILE` and a `bench` checklist without
/// `start` in `DIR/pack/`, and `DIR/answers.yaml` answering every question.
fn write_pack(
    target: &Path,
    patterns: impl Iterator<Item = String>,
    ids: impl Iterator<Item = String>,
) -> Result<(), String> {
    let dir = &target.join("pack");
    std::fs::create_dir_all(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
    let mut file = String::new();
    let mut files = 0;
    for (index, pattern) in patterns.enumerate() {
        if index % PER_FILE == 0 {
            flush(dir, &mut file, &mut files)?;
            file = "patterns:\n".to_string();
        }
        file += &pattern;
    }
    flush(dir, &mut file, &mut files)?;
    write(
        &dir.join("checklists.yaml"),
        "checklists:\n  - id: bench\n    title: Benchmark\n",
    )?;
    let mut answers = String::from("customer: Acme\nmeeting: Generated\ndate: 2026-01-05\n");
    for id in ids {
        let _ = writeln!(answers, "{id}.q: an answer");
    }
    write(&target.join("answers.yaml"), &answers)
}

fn flush(dir: &Path, file: &mut String, files: &mut usize) -> Result<(), String> {
    if !file.is_empty() {
        write(&dir.join(format!("pack-{files:05}.yaml")), file)?;
        *files += 1;
        file.clear();
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}
