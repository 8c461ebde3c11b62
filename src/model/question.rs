//! A question of a pattern or a checklist, as a pack defines it.

use serde_json::Value;

use super::promise::Promise;
use super::Kind;

#[derive(Debug, Clone)]
pub struct Question {
    /// The full id: `pattern.question`, or the plain id for a checklist's own.
    pub id: String,
    pub ask: String,
    pub kind: Kind,
    pub options: Vec<Choice>,
    pub required: bool,
    /// Already checked against the kind when the pack was loaded.
    pub default: Option<Value>,
    pub help: Option<String>,
    /// Scale only: what 1 and 5 mean, or what each point means.
    pub labels: Vec<String>,
    /// What the answer promises (`commitment:`, `on_yes:`), if anything.
    pub promise: Option<Promise>,
}

impl Question {
    /// The label of a scale point, if the question names one.
    pub fn scale_label(&self, point: u8) -> Option<&str> {
        match (self.labels.len(), point) {
            (5, 1..=5) => Some(&self.labels[usize::from(point) - 1]),
            (2, 1) => Some(&self.labels[0]),
            (2, 5) => Some(&self.labels[1]),
            _ => None,
        }
        .map(String::as_str)
    }
}

/// An option of a select or multiselect question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    /// Patterns that join the walk when this option is chosen.
    pub include: Vec<String>,
}
