//! A new due date for an overdue promise still open, asked after the kept
//! ones were chosen in a debrief.

use jiff::civil::Date;

use super::line_input::{date_hint, finish_date_echo};
use super::TerminalPrompter;
use crate::dates;
use crate::walk::closing::OpenPromise;
use crate::walk::prompter::Stop;

impl TerminalPrompter<'_> {
    /// Reads a date in any form a date question takes; an empty answer
    /// leaves the promise as it is.
    pub(super) fn new_due(&mut self, promise: &OpenPromise) -> Result<Option<Date>, Stop> {
        let today = self.today;
        // Promises come from notes: shown, never obeyed.
        let prompt = format!(
            "New due date for {}  {}?",
            promise.id,
            crate::text::shown(&promise.label()),
        );
        let hint = format!("{} (enter leaves it)", date_hint(today));
        let check = |text: &str| -> Result<(), String> {
            if text.trim().is_empty() {
                return Ok(());
            }
            dates::parse(text, today).map(|_| ())
        };
        let text = self.read_hinted(&prompt, Some(&hint), None, &check)?;
        if text.trim().is_empty() {
            return Ok(None);
        }
        let date = dates::parse(&text, today)
            .map_err(|reason| Stop::Failed(std::io::Error::other(reason)))?;
        finish_date_echo(self, &text, date)?;
        Ok(Some(date))
    }
}
