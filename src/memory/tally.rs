//! One customer's figures for `coach customers`, gathered one note at a
//! time and in any order, so that an archive's notes never need to be in
//! memory together. Each figure is the one `relationship::Customer` gives
//! for the same notes.

use std::collections::BTreeSet;
use std::path::PathBuf;

use jiff::civil::Date;

use crate::memory::promise::{Side, Urgency};
use crate::memory::relationship::{self, ReviewScales, REVIEW};
use crate::memory::NoteRecord;

/// What one customer's notes add up to.
#[derive(Debug, Default)]
pub struct Tally {
    /// The newest note (by date, then path) and its spelling of the name.
    newest: Option<(Date, PathBuf, String)>,
    /// The newest date on or before today.
    last_contact: Option<Date>,
    /// Distinct dates and meeting titles (their name keys).
    meetings: BTreeSet<(Date, Option<String>)>,
    dates: BTreeSet<Date>,
    /// Reviews with a score, with what orders them.
    scores: Vec<(Date, PathBuf, f64)>,
    pub open_ours: usize,
    pub open_theirs: usize,
    pub overdue: usize,
}

impl Tally {
    /// Counts `note` in.
    pub fn add(&mut self, note: NoteRecord, scales: &ReviewScales, me: &[String], today: Date) {
        if note.date <= today && self.last_contact.is_none_or(|last| note.date > last) {
            self.last_contact = Some(note.date);
        }
        self.meetings
            .insert((note.date, note.meeting.as_deref().map(relationship::key)));
        self.dates.insert(note.date);
        if note.checklist == REVIEW {
            if let Some(score) = scales.score(&note) {
                self.scores.push((note.date, note.path.clone(), score));
            }
        }
        for commitment in note.commitments.iter().filter(|c| !c.done) {
            match Side::of(commitment.who.as_deref(), me) {
                Side::Ours => self.open_ours += 1,
                Side::Theirs => self.open_theirs += 1,
            }
            if Urgency::of(commitment, today) == Urgency::Overdue {
                self.overdue += 1;
            }
        }
        let newer = self
            .newest
            .as_ref()
            .is_none_or(|(date, path, _)| (note.date, &note.path) > (*date, path));
        if newer {
            self.newest = Some((note.date, note.path, note.customer));
        }
    }

    /// The newest note's spelling of the customer's name.
    pub fn name(&self) -> String {
        self.newest
            .as_ref()
            .map(|(_, _, name)| name.clone())
            .unwrap_or_default()
    }

    pub fn last_contact(&self) -> Option<Date> {
        self.last_contact
    }

    /// Meetings: distinct dates and meeting titles.
    pub fn meetings(&self) -> usize {
        self.meetings.len()
    }

    /// The median number of days between the distinct dates met on.
    pub fn usual_gap(&self) -> Option<i64> {
        let dates: Vec<Date> = self.dates.iter().copied().collect();
        relationship::median_gap(&dates)
    }

    /// The review scores, oldest first.
    pub fn review_scores(&self) -> Vec<f64> {
        let mut scores: Vec<&(Date, PathBuf, f64)> = self.scores.iter().collect();
        scores.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        scores.into_iter().map(|(_, _, score)| *score).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn note(day: i8, meeting: &str, customer: &str) -> NoteRecord {
        NoteRecord {
            path: format!("n/{day}-{meeting}.md").into(),
            version: 1,
            customer: customer.into(),
            checklist: "debrief".into(),
            meeting: Some(meeting.into()),
            date: date(2026, 11, day),
            created: None,
            answers: Default::default(),
            invite: None,
            commitments: Vec::new(),
        }
    }

    #[test]
    fn the_figures_do_not_depend_on_the_order_the_notes_come_in() {
        let notes = [
            note(13, "c", "ACME"),
            note(1, "a", "Acme"),
            note(3, "b", "acme"),
            note(1, "A", "Acme"),
        ];
        let mut tally = Tally::default();
        for note in notes {
            tally.add(note, &ReviewScales::default(), &[], date(2026, 11, 10));
        }
        assert_eq!(tally.meetings(), 3);
        // Gaps 2 and 10: the median of two is their mean.
        assert_eq!(tally.usual_gap(), Some(6));
        assert_eq!(tally.last_contact(), Some(date(2026, 11, 3)));
        assert_eq!(tally.name(), "ACME", "the newest note's spelling");
    }
}
