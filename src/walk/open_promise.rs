//! An open commitment of the customer as a walk offers it: to be closed
//! when kept, or given a new date when overdue.

use jiff::civil::Date;

/// One open commitment of the customer, as offered to be closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenPromise {
    pub id: String,
    pub what: String,
    /// Whose promise it is: "ours" or "theirs".
    pub side: String,
    /// Who is to keep it, when the note says.
    pub who: Option<String>,
    pub due: Option<Date>,
}

impl OpenPromise {
    /// `Send the plan (ours, Dana, due 2026-12-05)`: one line, no id.
    pub fn label(&self) -> String {
        let mut parts = vec![self.side.clone()];
        parts.extend(self.who.clone());
        parts.extend(self.due.map(|due| format!("due {due}")));
        format!("{} ({})", self.what, parts.join(", "))
    }
}
