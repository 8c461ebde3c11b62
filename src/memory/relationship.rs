//! How a relationship is going, from its notes: when we last met, the usual
//! gap between meetings, the review scores over time and the promise record.
//! Shared by `coach customers` and `coach history`.

use std::collections::HashSet;

use jiff::civil::Date;
use serde_json::Value;

use crate::language::Language;
use crate::memory::promise::{days_between, Side};
use crate::memory::NoteRecord;
use crate::model::Kind;

/// The checklist whose scale answers score a relationship.
pub const REVIEW: &str = "review";
/// The debrief's own rating of the meeting.
pub const RATING: &str = "overall";

/// The notes of one customer, oldest first. Names that differ only in case
/// or spacing are one customer; the name shown is the newest note's.
#[derive(Debug)]
pub struct Customer<'a> {
    pub name: String,
    pub notes: Vec<&'a NoteRecord>,
}

impl<'a> Customer<'a> {
    /// The customer of `notes`, all of one customer (sorted by date): the
    /// newest note's name.
    pub fn of(notes: &'a [NoteRecord]) -> Customer<'a> {
        Customer {
            name: notes
                .last()
                .map(|note| note.customer.clone())
                .unwrap_or_default(),
            notes: notes.iter().collect(),
        }
    }
}

/// The same for any Unicode form, case and spacing of a name.
pub fn key(name: &str) -> String {
    crate::slug::name_key(name)
}

impl Customer<'_> {
    /// The review notes with their score (the mean of their scale answers),
    /// oldest first; reviews without a scale answer are left out.
    pub fn review_scores(&self, scales: &ReviewScales) -> Vec<(Date, f64)> {
        self.reviews()
            .filter_map(|note| scales.score(note).map(|score| (note.date, score)))
            .collect()
    }

    /// Each scale question of the reviews, in the order first answered,
    /// with its values across reviews, oldest first.
    pub fn review_questions(&self, scales: &ReviewScales) -> Vec<(String, Vec<(Date, f64)>)> {
        let mut questions: Vec<(String, Vec<(Date, f64)>)> = Vec::new();
        for note in self.reviews() {
            for (id, value) in scales.answers(note) {
                match questions.iter_mut().find(|(known, _)| known == id) {
                    Some((_, values)) => values.push((note.date, value)),
                    None => questions.push((id.to_string(), vec![(note.date, value)])),
                }
            }
        }
        questions
    }

    fn reviews(&self) -> impl Iterator<Item = &&NoteRecord> {
        self.notes.iter().filter(|note| note.checklist == REVIEW)
    }
}

/// The median number of days between `dates` (sorted, distinct), when
/// there are at least two.
pub fn median_gap(dates: &[Date]) -> Option<i64> {
    let mut gaps: Vec<i64> = dates
        .windows(2)
        .map(|pair| days_between(pair[0], pair[1]))
        .collect();
    gaps.sort_unstable();
    let middle = gaps.len() / 2;
    match gaps.len() {
        0 => None,
        n if n % 2 == 1 => Some(gaps[middle]),
        _ => Some((gaps[middle - 1] + gaps[middle]) / 2),
    }
}

/// The scale questions of the review checklist, by full id (`health`,
/// `understand-their-world.processes`): the only answers that score a
/// relationship. `coach customers` and `coach history` both ask this one
/// rule, so that their scores agree.
#[derive(Debug, Default, Clone)]
pub struct ReviewScales {
    ids: HashSet<String>,
}

impl ReviewScales {
    /// The review checklist's own scale questions and those every pattern
    /// asks in it, as the loaded packs define them.
    pub fn of(language: &Language) -> ReviewScales {
        let own = language
            .checklist(REVIEW)
            .map_or(&[][..], |checklist| checklist.questions.as_slice());
        let asked = language
            .patterns
            .iter()
            .flat_map(|pattern| pattern.questions_for(REVIEW));
        let ids = own
            .iter()
            .chain(asked)
            .filter(|question| question.kind == Kind::Scale)
            .map(|question| question.id.clone())
            .collect();
        ReviewScales { ids }
    }

    /// The scale answers of a note: whole numbers answering a scale
    /// question of the review checklist, in the note's order. Any other
    /// number (a text typed as one, a key added by hand) is no score.
    pub fn answers<'n>(
        &'n self,
        note: &'n NoteRecord,
    ) -> impl Iterator<Item = (&'n str, f64)> + 'n {
        note.answers
            .iter()
            .filter(|(id, _)| self.ids.contains(id.as_str()))
            .filter_map(|(id, value)| match value {
                Value::Number(number) if number.is_i64() => {
                    number.as_f64().map(|value| (id.as_str(), value))
                }
                _ => None,
            })
    }

    /// A review's score: the mean of its scale answers, if it has any.
    pub fn score(&self, note: &NoteRecord) -> Option<f64> {
        let values: Vec<f64> = self.answers(note).map(|(_, value)| value).collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    }
}

/// The debrief's own rating of its meeting.
pub fn rating(note: &NoteRecord) -> Option<i64> {
    note.answers.get(RATING).and_then(Value::as_i64)
}

/// Scale values 1 to 5 as bars ▁ to █, one per value.
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|value| {
            let level = ((value.clamp(1.0, 5.0) - 1.0) / 4.0 * 7.0).round() as usize;
            BARS[level.min(7)]
        })
        .collect()
}

/// Whether to reach out, and why: more days since the last contact than
/// `keep_in_touch` days when set, else than 1.5 times the usual gap.
pub fn reach_out(days_since: i64, usual_gap: Option<i64>, keep_in_touch: Option<i64>) -> bool {
    match (keep_in_touch, usual_gap) {
        (Some(limit), _) => days_since > limit,
        (None, Some(gap)) => days_since * 2 > gap * 3,
        (None, None) => false,
    }
}

/// How one side kept its promises.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// Done, closed on or before the due date (or without a due date).
    pub kept_on_time: usize,
    /// Done, closed after the due date.
    pub kept_late: usize,
    /// Done without a closing date (marked by hand).
    pub kept_undated: usize,
    /// Open, and the due date has passed.
    pub overdue: usize,
    /// Open, due today or later, or without a due date.
    pub open: usize,
}

/// The promise record of ours and of theirs over `notes`.
pub fn promise_record(notes: &[&NoteRecord], me: &[String], today: Date) -> (Record, Record) {
    let (mut ours, mut theirs) = (Record::default(), Record::default());
    for commitment in notes.iter().flat_map(|note| &note.commitments) {
        let record = match Side::of(commitment.who.as_deref(), me) {
            Side::Ours => &mut ours,
            Side::Theirs => &mut theirs,
        };
        let count = match (commitment.done, commitment.closed, commitment.due) {
            (true, None, _) => &mut record.kept_undated,
            (true, Some(closed), Some(due)) if closed > due => &mut record.kept_late,
            (true, Some(_), _) => &mut record.kept_on_time,
            (false, _, Some(due)) if due < today => &mut record.overdue,
            (false, _, _) => &mut record.open,
        };
        *count += 1;
    }
    (ours, theirs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparkline_has_one_bar_per_value_from_1_low_to_5_high() {
        assert_eq!(sparkline(&[1.0, 2.0, 3.0, 4.0, 5.0]), "▁▃▅▆█");
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[0.0, 9.0]), "▁█");
    }

    #[test]
    fn reach_out_past_one_and_a_half_gaps_or_the_keep_in_touch_days() {
        assert!(!reach_out(15, Some(10), None));
        assert!(reach_out(16, Some(10), None));
        assert!(!reach_out(100, None, None));
        assert!(reach_out(31, Some(100), Some(30)));
        assert!(!reach_out(30, Some(1), Some(30)));
    }
}
