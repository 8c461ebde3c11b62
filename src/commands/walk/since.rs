//! "Since last time" for a walk: asked of the memory layer once the
//! customer is named, shown by the walk, and kept for the note.

use std::cell::RefCell;

use jiff::civil::Date;

use crate::commands::notes_source::Notes;
use crate::config::Config;
use crate::language::Language;
use crate::memory::brief::{Brief, WalkFor};
use crate::walk::{Since, Walked};

pub struct SinceLastTime<'a, 'c> {
    config: &'c Config,
    notes: &'a Notes<'c>,
    language: &'a Language,
    checklist: &'a str,
    /// Every question the walk may ask, for the lines shown beside them.
    question_ids: Vec<String>,
    /// The brief shown, and for which customer.
    shown: RefCell<Option<(String, Option<Brief>)>>,
    /// The UID of the invite the walk was started from: a debrief finds
    /// the prep of the same invite by it.
    uid: Option<String>,
}

impl<'a, 'c> SinceLastTime<'a, 'c> {
    pub fn new(
        config: &'c Config,
        notes: &'a Notes<'c>,
        language: &'a Language,
        checklist: &'a str,
    ) -> Self {
        let own: Vec<String> = language
            .checklist(checklist)
            .map(|own| own.questions.iter().map(|q| q.id.clone()).collect())
            .unwrap_or_default();
        let patterns = language
            .patterns
            .iter()
            .flat_map(|pattern| pattern.questions_for(checklist))
            .map(|q| q.id.clone());
        SinceLastTime {
            config,
            notes,
            language,
            checklist,
            question_ids: own.into_iter().chain(patterns).collect(),
            shown: RefCell::new(None),
            uid: None,
        }
    }

    /// For a walk started from the calendar invite `uid`.
    pub fn of_invite(mut self, uid: Option<String>) -> Self {
        self.uid = uid;
        self
    }

    /// What the walk shows once the header is answered.
    pub fn since(&self, customer: &str, meeting: Option<&str>, date: Date) -> Since {
        let brief = self.brief(customer, meeting, date);
        let since = Since {
            lines: brief.as_ref().map(Brief::lines).unwrap_or_default(),
            last_scales: brief
                .as_ref()
                .map(|brief| brief.last_scales.clone())
                .unwrap_or_default(),
            hints: brief
                .as_ref()
                .map(|brief| brief.hints(self.question_ids.iter().map(String::as_str)))
                .unwrap_or_default(),
            last_texts: brief
                .as_ref()
                .map(|brief| brief.last_texts.clone())
                .unwrap_or_default(),
        };
        *self.shown.borrow_mut() = Some((customer.to_string(), brief));
        since
    }

    /// The brief for the note: the one shown, or (for a walk that showed
    /// none, or whose customer changed since) one made now.
    pub fn for_note(self, walked: &Walked) -> Option<Brief> {
        let customer = walked.text("customer").unwrap_or_default();
        let meeting = walked.text("meeting");
        let date = walked.meeting_date(self.config.today);
        match self.shown.take() {
            Some((named, brief)) if named == customer => brief,
            _ => self.brief(&customer, meeting.as_deref(), date),
        }
    }

    fn brief(&self, customer: &str, meeting: Option<&str>, date: Date) -> Option<Brief> {
        let walking = WalkFor {
            checklist: self.checklist,
            meeting,
            date,
            uid: self.uid.as_deref(),
        };
        self.notes.brief(self.language, customer, &walking)
    }
}
