//! A question of a pattern or a checklist, as a pack defines it.

use serde_json::Value;

use super::{Depth, Kind};

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
    /// Text and long only (`remember: true`): the customer's last answer
    /// is offered as the default.
    pub remember: bool,
    /// The shallowest walk that asks it (`depth:`); a walk reaching its
    /// pattern along `uses` also needs the pattern's own `depth:`.
    pub depth: Depth,
    /// Its answer feeds the note's "At a glance" block (`glance: true`, or
    /// `glance: LABEL`).
    pub glance: bool,
    /// The label it gets there (`glance: LABEL`); else one made of its id.
    pub glance_label: Option<String>,
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

/// Who a promise captured by a pack key belongs to, unless an item names another.
pub const OURS: &str = "me";

/// What a question's answer promises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Promise {
    /// A date question (`commitment: "text"`): the answer is the due date.
    Dated(String),
    /// A list question (`commitment: true`): each item, `what | due | who`.
    EachItem,
    /// A confirm question (`on_yes: {commitment, due}`): yes promises `what`,
    /// due `days` after the meeting (the meeting day itself without `due`).
    OnYes { what: String, days: i64 },
}

/// `2d`, `1w`, `+3d`, `10 days`: a span of days or weeks after the meeting,
/// as `on_yes: {due: ...}` takes it; the number of days.
pub fn span_days(text: &str) -> Option<i64> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let count: i64 = text[..split].parse().ok().filter(|count| *count <= 3650)?;
    match text[split..].trim() {
        "d" | "day" | "days" => Some(count),
        "w" | "week" | "weeks" => Some(count * 7),
        _ => None,
    }
}
