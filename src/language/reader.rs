//! The reader of one pack file: where it is (the file and its line map), the
//! problems it found so far, and the pattern ids it saw named. `parse.rs`
//! reads the document's shape with it and `fields.rs` its typed fields.

use serde_json::Value;

use super::{Origin, Problem};
use crate::yaml::locator::{SourceMap, Step};

/// A pattern id named somewhere, and where, to be checked against the merged language.
#[derive(Debug)]
pub struct Reference {
    pub target: String,
    pub field: String,
    pub problem: Problem,
}

pub(super) struct Reader<'a> {
    pub(super) file: &'a str,
    pub(super) map: SourceMap,
    pub(super) problems: &'a mut Vec<Problem>,
    pub(super) references: Vec<Reference>,
}

impl Reader<'_> {
    pub(super) fn problem(
        &mut self,
        path: &[Step],
        subject: Option<String>,
        message: impl Into<String>,
    ) {
        let problem = Problem::in_file(self.file, message)
            .at(self.map.position(path))
            .about(subject);
        self.problems.push(problem);
    }

    pub(super) fn origin(&self, path: &[Step]) -> Origin {
        Origin {
            file: self.file.to_string(),
            line: self.map.position(path).map(|(line, _)| line),
        }
    }
}

pub(super) fn key(name: &str) -> Step {
    Step::Key(name.to_string())
}

pub(super) fn child(path: &[Step], step: Step) -> Vec<Step> {
    let mut path = path.to_vec();
    path.push(step);
    path
}

/// Lowercase letters, digits and single dashes inside: `know-the-customer`.
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_string(),
        Value::Bool(yes) => format!("the boolean {yes}"),
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) => format!("the text `{text}`"),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a mapping".to_string(),
    }
}
