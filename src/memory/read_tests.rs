//! The reader on a generated archive, on every core, and on odd files:
//! the fast reader gives what serde_yaml gives.

use std::path::{Path, PathBuf};

use super::tests::{note, NOTE};
use super::{front_matter, front_matters, record, slow_record};

#[path = "../../examples/generate_notes.rs"]
mod generate_notes;

/// The front matter of a note file, as the reader cuts it.
fn front_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let rest = text.strip_prefix("---\n").unwrap();
    rest[..rest.find("\n---\n").unwrap() + 1].to_string()
}

#[test]
fn a_generated_archive_is_read_fast_and_as_serde_yaml_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["600", dir.path().to_str().unwrap(), "--seed", "3"].map(String::from);
    generate_notes::run(&args).unwrap();
    let paths = crate::memory::archive::note_paths(dir.path(), &mut Vec::new()).unwrap();
    assert_eq!(paths.len(), 600);
    let mut commitments = 0;
    for path in &paths {
        let text = front_of(path);
        assert!(crate::yaml::fast::parse(&text).is_some(), "{text}");
        let fast = record(path, &text).unwrap();
        assert_eq!(Ok(&fast), slow_record(path, &text).as_ref(), "{text}");
        commitments += fast.commitments.len();
    }
    assert!(commitments > 300, "{commitments}");
}

#[test]
fn every_core_reads_the_notes_in_their_order_with_the_unreadable_ones() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..700)
        .map(|at| {
            let text = match at % 7 {
                0 => NOTE.replace("overall: 4", "overall: [4"),
                1 => "# just markdown\n".to_string(),
                _ => NOTE.replace("customer: Acme", &format!("customer: Acme {at}")),
            };
            note(dir.path(), &format!("{at:04}.md"), &text)
        })
        .collect();
    let one_by_one: Vec<_> = paths.iter().map(|path| front_matter(path)).collect();
    assert_eq!(front_matters(&paths), one_by_one);
    assert_eq!(one_by_one[9].as_ref().unwrap().customer, "Acme 9");
    assert_eq!(one_by_one[7].as_ref().unwrap_err().line, 9);
    assert!(front_matters::<PathBuf>(&[]).is_empty());
}

#[test]
fn odd_fences_long_front_matters_and_crlf_read_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let long = "word ".repeat(8000);
    let cases = [
        format!("\u{feff}{NOTE}"),
        NOTE.replace("---\n\n# Acme", "--- \n\n# Acme"),
        NOTE.replace("---\n\n# Acme\n", "---"),
        NOTE.replace("\n", "\r\n"),
        NOTE.replace("overall: 4", &format!("overall: 4\n  long: {long}")),
        NOTE.replace("overall: 4", &format!("overall: 4\n  long: \"{long}\"")),
    ];
    for text in cases {
        let record = front_matter(&note(dir.path(), "x.md", &text)).unwrap();
        assert_eq!(record.customer, "Acme");
        let lines: Vec<usize> = record.commitments.iter().map(|c| c.line).collect();
        let shift = usize::from(text.contains("long:"));
        assert_eq!(lines, [10 + shift, 15 + shift], "{text}");
    }
}
