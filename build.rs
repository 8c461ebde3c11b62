//! Turns the built-in pattern pack (`patterns/*.yaml`) into JSON at build time.
//!
//! serde_json reads JSON many times faster than serde_yaml reads YAML, so coach
//! starts without parsing YAML at all. The YAML is read through the same
//! module as at run time (`src/yaml/`), and the line of every pattern and
//! checklist comes from the same locator (`src/yaml/locator.rs`), so messages about
//! built-in patterns name the same lines as before. The pack is not checked
//! here: `cargo test` loads it through the full validating loader and compares
//! the result with what this JSON gives (src/language/compiled.rs).

#[allow(dead_code)]
#[path = "src/yaml/mod.rs"]
mod yaml;

#[path = "src/language/compiled_shape.rs"]
mod compiled_shape;

#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;

#[path = "src/language/clean.rs"]
mod clean;

use std::path::Path;

use serde_json::{json, Value};
use yaml::locator::{SourceMap, Step};

fn main() {
    println!("cargo::rerun-if-changed=patterns");
    println!("cargo::rerun-if-changed=src/yaml");
    println!("cargo::rerun-if-changed=src/language/compiled_shape.rs");
    println!("cargo::rerun-if-changed=src/language/clean.rs");
    println!("cargo::rerun-if-changed=src/text.rs");
    // Read at run time: a build script binary may be reused for another checkout.
    let root = std::env::var_os("CARGO_MANIFEST_DIR")
        .unwrap_or_else(|| fail("CARGO_MANIFEST_DIR is not set"));
    let dir = Path::new(&root).join("patterns");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| fail(&format!("{}: {error}", dir.display())))
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml") || name.ends_with(".yml"))
        .collect();
    names.sort();
    let files: Vec<Value> = names
        .iter()
        .map(|name| {
            let path = dir.join(name);
            println!("cargo::rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|error| fail(&format!("{}: {error}", path.display())));
            compile(name, &text)
        })
        .collect();
    let out = std::env::var_os("OUT_DIR").unwrap_or_else(|| fail("OUT_DIR is not set"));
    let target = Path::new(&out).join("builtin.json");
    let text = serde_json::to_string(&files).unwrap_or_else(|error| fail(&error.to_string()));
    std::fs::write(&target, text)
        .unwrap_or_else(|error| fail(&format!("{}: {error}", target.display())));
}

/// One file: its name, its document, and the line of each pattern and checklist.
fn compile(name: &str, text: &str) -> Value {
    let document = match yaml::parse(text) {
        Ok(document) => document,
        Err(error) => {
            // The build goes on so that `cargo test` can show every problem;
            // the binary reports this one if it is run anyway.
            let message = format!(
                "patterns/{name}:{}: invalid YAML: {}",
                error.line.unwrap_or(0),
                error.message
            );
            println!("cargo::warning=built-in pattern pack: {message}");
            return json!({ "file": name, "error": message });
        }
    };
    let map = SourceMap::new(text);
    let line = |path: &[Step]| map.position(path).map(|(line, _)| line);
    let lines = |section: &str| -> Vec<Option<usize>> {
        let count = document
            .get(section)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        (0..count)
            .map(|index| line(&[Step::Key(section.to_string()), Step::Index(index)]))
            .collect()
    };
    let pattern_lines = lines("patterns");
    let checklist_lines = lines("checklists");
    json!({
        "file": name,
        "document": compiled_shape::typed_shape(document, &CLEANING),
        "pattern_lines": pattern_lines,
        "checklist_lines": checklist_lines,
    })
}

/// Pack text cleaned by the loader's own rule, once, at build time.
const CLEANING: compiled_shape::Cleaning = compiled_shape::Cleaning {
    text: clean::clean,
    value: clean::clean_value,
};

fn fail(message: &str) -> ! {
    eprintln!("error: built-in pattern pack: {message}");
    std::process::exit(1)
}
