//! "Since last time": what a walk for a customer starts from. The last
//! meetings, the promises still open both ways, the goal of the last prep
//! and the debrief's verdict on it, what was learned, and the reviews'
//! trend; at most a screenful, and nothing when there is nothing to say.

use jiff::civil::Date;
use serde_json::Value;

use crate::memory::note_record::NoteRecord;
use crate::memory::promise::{self, Side, Urgency};
use crate::memory::relationship::{self, Customer, ReviewScales};

/// Open promises shown before the rest are left to `coach due`.
const MOST_PROMISES: usize = 8;
/// Meetings shown.
const MEETINGS: usize = 3;
/// Learned answers shown (their first lines).
const MOST_LEARNED: usize = 3;

/// The brief of one customer, as of `today`.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub customer: String,
    /// Newest first: date, title, days ago, the debrief's rating.
    pub meetings: Vec<Meeting>,
    pub open: Vec<Open>,
    /// Open promises beyond the ones listed.
    pub more_open: usize,
    /// The last prep's goal and the last debrief's rating of the meeting
    /// against it.
    pub goal: Option<String>,
    pub verdict: Option<i64>,
    /// First lines of the last debrief's "learned" answers.
    pub learned: Vec<String>,
    pub review_scores: Vec<f64>,
    /// Every open commitment's id, listed or not: `open_at_start`.
    pub open_ids: Vec<String>,
    /// The whole-number (scale) answers of the customer's last note of the
    /// checklist being walked, by full question id.
    pub last_scales: Vec<(String, i64)>,
    /// The text answers of that last note, by full question id.
    pub last_texts: Vec<(String, String)>,
    /// For a debrief: the goal and what was to be said, from the prep of
    /// its meeting; shown with the rating question.
    pub prep_hint: Option<String>,
    /// For a review: promises kept in the last 90 days, newest first.
    pub recently_kept: Vec<(Date, String, bool)>,
    /// For a review: the promise record per side, shown with the question
    /// on keeping promises.
    pub record_hint: Option<String>,
}

/// The last part of the id of a review's question on keeping promises.
pub const PROMISES_KEPT: &str = "promises-kept";

/// How far back a review lists the promises kept.
const RECENT_DAYS: i64 = 90;

/// The walk a brief is for: its checklist, meeting and date.
pub struct WalkFor<'a> {
    pub checklist: &'a str,
    pub meeting: Option<&'a str>,
    pub date: Date,
    /// The UID of the calendar invite the walk was started from.
    pub uid: Option<&'a str>,
}

/// The question of a debrief that rates the meeting against the prep's goal.
pub const RATING_QUESTION: &str = relationship::RATING;

#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub date: Date,
    pub title: Option<String>,
    pub days_ago: i64,
    pub rating: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Open {
    pub id: Option<String>,
    pub what: String,
    pub due: Option<Date>,
    pub ours: bool,
    pub overdue: bool,
}

impl Brief {
    /// The brief from `notes`, all of one customer and sorted by date (as
    /// the memory layer gives them); None when there is nothing to say.
    pub fn of(
        notes: &[NoteRecord],
        walking: &WalkFor<'_>,
        me: &[String],
        today: Date,
        scales: &ReviewScales,
    ) -> Option<Brief> {
        let earlier: Vec<NoteRecord> = notes
            .iter()
            .filter(|note| note.date <= today)
            .cloned()
            .collect();
        let customer = Customer::of(&earlier);
        let last_debrief = earlier
            .iter()
            .rev()
            .find(|note| note.checklist == "debrief");
        let last_prep = earlier.iter().rev().find(|note| note.checklist == "prep");
        // The customer's last note of the checklist walked: its answers
        // are where each remembered or scale question stood.
        let last_same = earlier
            .iter()
            .rev()
            .find(|note| note.checklist == walking.checklist);
        let promises: Vec<_> = promise::promises(notes, me, today)
            .into_iter()
            .filter(|promise| !promise.commitment.done)
            .collect();
        let brief = Brief {
            customer: customer.name.clone(),
            meetings: meetings(&earlier, today),
            open: promises
                .iter()
                .take(MOST_PROMISES)
                .map(|promise| Open {
                    id: promise.commitment.id.clone(),
                    what: promise.commitment.what.clone(),
                    due: promise.commitment.due,
                    ours: promise.side == Side::Ours,
                    overdue: promise.urgency == Urgency::Overdue,
                })
                .collect(),
            more_open: promises.len().saturating_sub(MOST_PROMISES),
            goal: last_prep.and_then(|note| text(note.answers.get("goal")?)),
            // A verdict on that goal only: the debrief of the same meeting,
            // on or after the prep.
            verdict: last_debrief
                .filter(|debrief| last_prep.is_some_and(|prep| debriefs(debrief, prep)))
                .and_then(relationship::rating),
            learned: last_debrief.map(learned).unwrap_or_default(),
            review_scores: customer
                .review_scores(scales)
                .into_iter()
                .map(|(_, score)| score)
                .collect(),
            open_ids: promises
                .iter()
                .filter_map(|promise| promise.commitment.id.clone())
                .collect(),
            recently_kept: if walking.checklist == relationship::REVIEW {
                recently_kept(notes, me, today)
            } else {
                Vec::new()
            },
            record_hint: (walking.checklist == relationship::REVIEW && !notes.is_empty())
                .then(|| record_hint(notes, me, today)),
            prep_hint: (walking.checklist == "debrief")
                .then(|| prep_of(&earlier, walking))
                .flatten()
                .and_then(prep_hint),
            last_texts: last_same
                .iter()
                .flat_map(|note| &note.answers)
                .filter_map(|(id, value)| Some((id.clone(), value.as_str()?.to_string())))
                .collect(),
            last_scales: last_same
                .iter()
                .flat_map(|note| &note.answers)
                .filter_map(|(id, value)| Some((id.clone(), value.as_i64()?)))
                .collect(),
        };
        (!brief.is_empty()).then_some(brief)
    }

    fn is_empty(&self) -> bool {
        self.meetings.is_empty() && self.open.is_empty() && self.goal.is_none()
    }

    /// Lines to show with questions, by full question id among `ids`.
    pub fn hints<'q>(&self, ids: impl Iterator<Item = &'q str>) -> Vec<(String, String)> {
        let mut hints = Vec::new();
        for id in ids {
            let last = id.rsplit('.').next().unwrap_or(id);
            if let (Some(hint), true) = (&self.prep_hint, id == RATING_QUESTION) {
                hints.push((id.to_string(), hint.clone()));
            }
            if let (Some(hint), true) = (&self.record_hint, last == PROMISES_KEPT) {
                hints.push((id.to_string(), hint.clone()));
            }
        }
        hints
    }

    /// The brief as plain lines (no colour), for the terminal and the note:
    /// at most 20.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.meetings.is_empty() {
            lines.push("Last meetings".to_string());
            for meeting in &self.meetings {
                let rating = meeting
                    .rating
                    .map(|rating| format!(", rated {rating}/5"))
                    .unwrap_or_default();
                lines.push(format!(
                    "  {}  {} ({}{rating})",
                    meeting.date,
                    meeting.title.as_deref().unwrap_or("(no title)"),
                    ago(meeting.days_ago)
                ));
            }
        }
        if !self.open.is_empty() {
            lines.push("Open promises".to_string());
            for open in &self.open {
                let side = if open.ours { "ours  " } else { "theirs" };
                let due = match open.due {
                    Some(due) if open.overdue => format!(", due {due}, OVERDUE"),
                    Some(due) => format!(", due {due}"),
                    None => String::new(),
                };
                let id = open
                    .id
                    .as_deref()
                    .map(|id| format!("  {id}"))
                    .unwrap_or_default();
                lines.push(format!("  {side}{id}  {}{due}", open.what));
            }
            if self.more_open > 0 {
                lines.push(format!(
                    "  and {} more (`coach due --customer \"{}\"`)",
                    self.more_open, self.customer
                ));
            }
        }
        if !self.recently_kept.is_empty() {
            lines.push(format!("Kept in the last {RECENT_DAYS} days"));
            for (closed, what, ours) in &self.recently_kept {
                let side = if *ours { "ours  " } else { "theirs" };
                lines.push(format!("  {side}  {what}, closed {closed}"));
            }
        }
        if let Some(goal) = &self.goal {
            let verdict = self
                .verdict
                .map(|verdict| format!(" (the debrief rated the meeting {verdict}/5)"))
                .unwrap_or_default();
            lines.push(format!("Last goal: {goal}{verdict}"));
        }
        for learned in &self.learned {
            lines.push(format!("Learned: {learned}"));
        }
        if let Some(latest) = self.review_scores.last() {
            lines.push(format!(
                "Reviews: {} {latest:.1}",
                relationship::sparkline(&self.review_scores)
            ));
        }
        lines
    }
}

/// Whether `debrief` is the debrief of the meeting `prep` prepared: the
/// same title (any case or spacing), on or after the prep's date.
fn debriefs(debrief: &NoteRecord, prep: &NoteRecord) -> bool {
    let title = |note: &NoteRecord| note.meeting.as_deref().map(crate::slug::name_key);
    debrief.date >= prep.date && title(debrief) == title(prep)
}

/// The prep of the meeting walked: the latest prep on or before its date
/// started from the same calendar invite (UID), whatever its title; else
/// the latest with the same title (any case or spacing), else with a title
/// that differs only slightly; none when no prep's title is that close.
fn prep_of<'n>(notes: &'n [NoteRecord], walking: &WalkFor<'_>) -> Option<&'n NoteRecord> {
    let preps = || {
        notes
            .iter()
            .rev()
            .filter(|note| note.checklist == "prep" && note.date <= walking.date)
    };
    if let Some(uid) = walking.uid {
        let same_invite = preps().find(|note| {
            note.invite
                .as_ref()
                .is_some_and(|invite| invite.uid.as_deref() == Some(uid))
        });
        if same_invite.is_some() {
            return same_invite;
        }
    }
    let title = crate::slug::name_key(walking.meeting?);
    let key = |note: &NoteRecord| note.meeting.as_deref().map(crate::slug::name_key);
    preps()
        .find(|note| key(note).as_deref() == Some(title.as_str()))
        .or_else(|| {
            preps().find(|note| {
                key(note).is_some_and(|other| strsim::normalized_levenshtein(&other, &title) >= 0.8)
            })
        })
}

/// "The goal you set: …" and the first thing to tell them, from a prep.
fn prep_hint(prep: &NoteRecord) -> Option<String> {
    let goal = text(prep.answers.get("goal")?)?;
    let tell = prep
        .answers
        .get("show-personal-integrity.must-tell")
        .and_then(text)
        .map(|tell| format!(" You meant to tell them: {}", sentence(&tell)))
        .unwrap_or_default();
    Some(format!(
        "The goal you set in the prep: {}{tell}",
        sentence(&goal)
    ))
}

/// The text ending as a sentence ends, so that what follows reads apart.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// Commitments closed in the last `RECENT_DAYS` days, newest first, at most 5.
fn recently_kept(notes: &[NoteRecord], me: &[String], today: Date) -> Vec<(Date, String, bool)> {
    let mut kept: Vec<(Date, String, bool)> = notes
        .iter()
        .flat_map(|note| &note.commitments)
        .filter_map(|commitment| {
            let closed = commitment.closed.filter(|closed| {
                commitment.done && promise::days_between(*closed, today) <= RECENT_DAYS
            })?;
            let ours = Side::of(commitment.who.as_deref(), me) == Side::Ours;
            Some((closed, commitment.what.clone(), ours))
        })
        .collect();
    kept.sort_by_key(|kept| std::cmp::Reverse(kept.0));
    kept.truncate(5);
    kept
}

/// "Your promises: 3 kept on time, 1 late, 1 overdue. Theirs: …"
fn record_hint(notes: &[NoteRecord], me: &[String], today: Date) -> String {
    let all: Vec<&NoteRecord> = notes.iter().collect();
    let (ours, theirs) = relationship::promise_record(&all, me, today);
    let says = |record: &relationship::Record| {
        format!(
            "{} kept on time, {} late, {} overdue, {} open",
            record.kept_on_time, record.kept_late, record.overdue, record.open
        )
    };
    format!(
        "Your promises to them: {}. Theirs to you: {}.",
        says(&ours),
        says(&theirs)
    )
}

/// The last `MEETINGS` meetings (a prep and its debrief are one), newest first.
fn meetings(notes: &[NoteRecord], today: Date) -> Vec<Meeting> {
    let mut meetings: Vec<Meeting> = Vec::new();
    for note in notes.iter().rev() {
        let rating = (note.checklist == "debrief")
            .then(|| relationship::rating(note))
            .flatten();
        // A walk without a meeting title (a review: `meeting: false`) is
        // named by its checklist, and never taken for an untitled meeting.
        let title = note.meeting.clone().or_else(|| {
            (!["prep", "debrief"].contains(&note.checklist.as_str()))
                .then(|| note.checklist.clone())
        });
        let seen = meetings
            .iter()
            .position(|meeting| meeting.date == note.date && meeting.title == title);
        match seen {
            Some(at) => meetings[at].rating = meetings[at].rating.or(rating),
            None if meetings.len() < MEETINGS => meetings.push(Meeting {
                date: note.date,
                title,
                days_ago: promise::days_between(note.date, today),
                rating,
            }),
            None => {}
        }
    }
    meetings
}

/// First lines of the answers to questions whose id ends in `learned`.
fn learned(note: &NoteRecord) -> Vec<String> {
    note.answers
        .iter()
        .filter(|(id, _)| id.rsplit('.').next() == Some("learned"))
        .filter_map(|(_, value)| text(value))
        .take(MOST_LEARNED)
        .collect()
}

/// The first non-empty line of a text answer.
fn text(value: &Value) -> Option<String> {
    let text = value.as_str()?;
    let line = text.lines().map(str::trim).find(|line| !line.is_empty())?;
    Some(line.to_string())
}

fn ago(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        days => format!("{days} days ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn prep(day: i8, meeting: &str, goal: &str) -> NoteRecord {
        let mut answers = serde_json::Map::new();
        answers.insert("goal".into(), Value::String(goal.into()));
        NoteRecord {
            path: format!("n/{day}.md").into(),
            version: 1,
            customer: "Acme".into(),
            checklist: "prep".into(),
            meeting: Some(meeting.into()),
            date: date(2026, 11, day),
            created: None,
            answers,
            invite: None,
            commitments: Vec::new(),
        }
    }

    fn rated_debrief(day: i8, meeting: &str, overall: i64) -> NoteRecord {
        let mut note = prep(day, meeting, "");
        note.checklist = "debrief".into();
        note.answers = serde_json::Map::new();
        note.answers.insert("overall".into(), Value::from(overall));
        note
    }

    #[test]
    fn the_last_goal_carries_only_the_verdict_of_its_own_meeting() {
        let walking = WalkFor {
            checklist: "prep",
            meeting: Some("Next"),
            date: date(2026, 11, 20),
            uid: None,
        };
        let brief = |notes: &[NoteRecord]| {
            Brief::of(
                notes,
                &walking,
                &[],
                date(2026, 11, 20),
                &ReviewScales::default(),
            )
            .unwrap()
            .lines()
            .into_iter()
            .find(|line| line.starts_with("Last goal"))
        };
        // The kickoff's debrief rated the kickoff, not the steering prepared after it.
        let notes = [
            prep(1, "Kickoff", "Scope"),
            rated_debrief(1, "Kickoff", 4),
            prep(8, "Steering", "Budget"),
        ];
        assert_eq!(brief(&notes).as_deref(), Some("Last goal: Budget"));
        let notes = [prep(1, "Kickoff", "Scope"), rated_debrief(2, "kickoff", 4)];
        assert_eq!(
            brief(&notes).as_deref(),
            Some("Last goal: Scope (the debrief rated the meeting 4/5)")
        );
    }

    #[test]
    fn a_debrief_finds_its_prep_by_title_then_by_a_close_title_never_a_later_one() {
        let notes = [
            prep(1, "Pilot kickoff", "Scope"),
            prep(5, "Renewal", "Price"),
            prep(20, "Pilot kickoff", "Too late"),
        ];
        let walk = |meeting: &'static str| WalkFor {
            uid: None,
            checklist: "debrief",
            meeting: Some(meeting),
            date: date(2026, 11, 10),
        };
        let goal = |meeting| prep_of(&notes, &walk(meeting)).and_then(prep_hint);
        assert_eq!(
            goal("pilot  KICKOFF").as_deref(),
            Some("The goal you set in the prep: Scope.")
        );
        assert_eq!(
            goal("Pilot kick-off").as_deref(),
            Some("The goal you set in the prep: Scope.")
        );
        assert_eq!(goal("Quarterly review"), None);
    }

    #[test]
    fn a_debrief_of_an_invite_finds_the_prep_of_the_same_uid_whatever_its_title() {
        let invited = |day, meeting, goal, uid: &str| NoteRecord {
            invite: Some(crate::memory::note_record::InviteRecord {
                uid: Some(uid.into()),
                addresses: Vec::new(),
            }),
            ..prep(day, meeting, goal)
        };
        let notes = [
            invited(1, "Pilot kickoff (Northwind)", "Scope", "evt-1@google.com"),
            prep(2, "Weekly sync", "Other"),
            invited(3, "Renewal", "Price", "evt-2@google.com"),
        ];
        let walk = |uid| WalkFor {
            uid,
            checklist: "debrief",
            meeting: Some("Weekly sync"),
            date: date(2026, 11, 10),
        };
        let goal = |uid| prep_of(&notes, &walk(uid)).and_then(prep_hint);
        assert_eq!(
            goal(Some("evt-1@google.com")).as_deref(),
            Some("The goal you set in the prep: Scope.")
        );
        // An unknown UID falls back to the title.
        assert_eq!(
            goal(Some("evt-9@google.com")).as_deref(),
            Some("The goal you set in the prep: Other.")
        );
    }

    #[test]
    fn a_review_without_a_meeting_title_is_named_by_its_checklist_not_merged_with_an_untitled_prep()
    {
        let untitled = |checklist: &str| NoteRecord {
            checklist: checklist.into(),
            meeting: None,
            ..prep(3, "", "")
        };
        let listed = meetings(&[untitled("prep"), untitled("review")], date(2026, 11, 4));
        let titles: Vec<Option<&str>> = listed
            .iter()
            .map(|meeting| meeting.title.as_deref())
            .collect();
        assert_eq!(titles, [Some("review"), None]);
    }
}

#[cfg(test)]
mod review_tests {
    use super::*;
    use crate::memory::note_record::CommitmentRecord;
    use jiff::civil::date;

    #[test]
    fn a_review_shows_the_promise_record_with_its_question_on_keeping_promises() {
        let commitment = |id: &str, who: &str, due: i8, closed: Option<i8>| CommitmentRecord {
            id: Some(id.into()),
            what: id.into(),
            due: Some(date(2026, 11, due)),
            who: Some(who.into()),
            done: closed.is_some(),
            closed: closed.map(|day| date(2026, 11, day)),
            question: "promises".into(),
            line: 1,
        };
        let note = NoteRecord {
            path: "n/a.md".into(),
            version: 1,
            customer: "Acme".into(),
            checklist: "debrief".into(),
            meeting: Some("Kickoff".into()),
            date: date(2026, 11, 1),
            created: None,
            answers: Default::default(),
            invite: None,
            commitments: vec![
                commitment("c-ontime", "me", 10, Some(9)),
                commitment("c-late", "me", 10, Some(12)),
                commitment("c-overdue", "me", 10, None),
                commitment("c-theirs", "Dana", 25, None),
            ],
        };
        let walk = WalkFor {
            uid: None,
            checklist: "review",
            meeting: None,
            date: date(2026, 11, 20),
        };
        let brief = Brief::of(
            &[note],
            &walk,
            &[],
            date(2026, 11, 20),
            &ReviewScales::default(),
        )
        .unwrap();
        let hints =
            brief.hints(["health", "deal-straight-stay-reachable.promises-kept"].into_iter());
        assert_eq!(
            hints,
            [(
                "deal-straight-stay-reachable.promises-kept".to_string(),
                "Your promises to them: 1 kept on time, 1 late, 1 overdue, 0 open. Theirs to you: 0 kept on time, 0 late, 0 overdue, 1 open.".to_string()
            )]
        );
        assert_eq!(brief.recently_kept.len(), 2);
    }
}
