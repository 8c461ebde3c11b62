//! Commitments as the memory commands see them: whose promise it is, and
//! how urgent. Fed by the archive today, by the index later: both give
//! the same `NoteRecord`s.

use jiff::civil::Date;

use crate::memory::note_record::{CommitmentRecord, NoteRecord};

/// Who has to keep a promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// We promised it: `who` is me, us, I, we, empty, or a name under `me:`.
    Ours,
    /// The customer promised it: any other name.
    Theirs,
}

impl Side {
    /// The side of a promise made by `who`, given the names under `me:`.
    pub fn of(who: Option<&str>, me: &[String]) -> Side {
        let Some(who) = who.map(str::trim).filter(|who| !who.is_empty()) else {
            return Side::Ours;
        };
        let ours = ["me", "us", "i", "we"].contains(&who.to_lowercase().as_str())
            || me.iter().any(|name| crate::slug::same_name(name, who));
        if ours {
            Side::Ours
        } else {
            Side::Theirs
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Side::Ours => "ours",
            Side::Theirs => "theirs",
        }
    }
}

/// How urgent an open promise is, in the order `coach due` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Overdue,
    Today,
    NextWeek,
    Later,
    NoDate,
    Done,
}

impl Urgency {
    pub fn of(commitment: &CommitmentRecord, today: Date) -> Urgency {
        if commitment.done {
            return Urgency::Done;
        }
        let Some(due) = commitment.due else {
            return Urgency::NoDate;
        };
        let days = days_between(today, due);
        match days {
            ..0 => Urgency::Overdue,
            0 => Urgency::Today,
            1..=7 => Urgency::NextWeek,
            _ => Urgency::Later,
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            Urgency::Overdue => "Overdue",
            Urgency::Today => "Today",
            Urgency::NextWeek => "Next 7 days",
            Urgency::Later => "Later",
            Urgency::NoDate => "No date",
            Urgency::Done => "Done",
        }
    }
}

/// One commitment with the note that holds it.
#[derive(Debug, Clone, Copy)]
pub struct Promise<'a> {
    pub note: &'a NoteRecord,
    pub commitment: &'a CommitmentRecord,
    pub side: Side,
    pub urgency: Urgency,
}

/// Every commitment of `notes`, most urgent first: by urgency, due date,
/// customer, then note and line.
pub fn promises<'a>(notes: &'a [NoteRecord], me: &[String], today: Date) -> Vec<Promise<'a>> {
    let mut all: Vec<Promise<'a>> = notes
        .iter()
        .flat_map(|note| {
            note.commitments.iter().map(move |commitment| Promise {
                note,
                commitment,
                side: Side::of(commitment.who.as_deref(), me),
                urgency: Urgency::of(commitment, today),
            })
        })
        .collect();
    // Note and line tell any two apart: an unstable sort gives the one
    // order without a second buffer.
    all.sort_unstable_by(|a, b| {
        (
            a.urgency,
            a.commitment.due,
            &a.note.customer,
            &a.note.path,
            a.commitment.line,
        )
            .cmp(&(
                b.urgency,
                b.commitment.due,
                &b.note.customer,
                &b.note.path,
                b.commitment.line,
            ))
    });
    all
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    // A span of dates is in days unless asked otherwise.
    to.since(from).map_or(0, |span| i64::from(span.get_days()))
}

/// "3 days overdue", "1 day overdue", "today", "in 2 days", "in 1 day".
pub fn relative(due: Date, today: Date) -> String {
    let days = days_between(today, due);
    let count = |days: i64| {
        if days == 1 {
            "1 day".to_string()
        } else {
            format!("{days} days")
        }
    };
    match days {
        ..0 => format!("{} overdue", count(-days)),
        0 => "today".to_string(),
        _ => format!("in {}", count(days)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn we_and_the_names_under_me_are_ours_and_any_other_name_theirs() {
        let me = vec!["Dana Lee".to_string()];
        for who in [
            None,
            Some(""),
            Some("me"),
            Some("Us"),
            Some("I"),
            Some("we"),
            Some("dana  lee"),
        ] {
            assert_eq!(Side::of(who, &me), Side::Ours, "{who:?}");
        }
        for who in [Some("Sam"), Some("them"), Some("Dana")] {
            assert_eq!(Side::of(who, &me), Side::Theirs, "{who:?}");
        }
    }

    #[test]
    fn due_dates_read_as_days_from_today() {
        let today = date(2026, 12, 1);
        assert_eq!(relative(date(2026, 11, 28), today), "3 days overdue");
        assert_eq!(relative(date(2026, 11, 30), today), "1 day overdue");
        assert_eq!(relative(today, today), "today");
        assert_eq!(relative(date(2026, 12, 2), today), "in 1 day");
        assert_eq!(relative(date(2027, 12, 1), today), "in 365 days");
        assert_eq!(days_between(date(1900, 1, 1), date(2999, 12, 31)), 401766);
    }
}
