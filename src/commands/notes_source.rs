//! How the commands reach the memory layer: the notes folder and the index
//! as configured, progress and notices on stderr.

use std::cell::RefCell;
use std::io::Write as _;

use crate::config::Config;
use crate::error::Error;
use crate::language::Language;
use crate::memory::brief::{Brief, WalkFor};
use crate::memory::invites::{self, InvitedCustomer};
use crate::memory::known::{self, KnownCustomer};
use crate::memory::load::{Memory, Source};
use crate::memory::promise::{self, Side};
use crate::memory::read::Unreadable;
use crate::memory::relationship::ReviewScales;
use crate::memory::{Archive, NoteRecord, Want};
use crate::ui::index_progress::IndexProgress;
use crate::walk::closing::OpenPromise;

/// The notes of one command: through the index unless it is off, which is
/// brought up to date at the first question and answers all the others
/// (a walk asks for the known customers, the brief, the open promises and
/// free commitment ids: one scan of the notes folder, not four).
pub struct Notes<'a> {
    config: &'a Config,
    memory: RefCell<Memory<'a>>,
    /// The last customer's notes asked for (the brief and the open
    /// promises of a debrief are of one customer).
    customer: RefCell<Option<(String, Vec<NoteRecord>)>>,
}

impl<'a> Notes<'a> {
    pub fn new(config: &'a Config) -> Notes<'a> {
        let source = Source {
            notes_dir: &config.notes_dir,
            cache_dir: config.cache_dir.as_deref(),
        };
        let progress = IndexProgress::new(config.stderr_is_terminal);
        Notes {
            config,
            memory: RefCell::new(Memory::new(source, Box::new(progress), Box::new(notice))),
            customer: RefCell::new(None),
        }
    }

    pub fn config(&self) -> &'a Config {
        self.config
    }

    /// The notes may have changed since they were first asked for (a person
    /// spent minutes on a walk, or this command wrote one): the next
    /// question looks at the files again.
    pub fn refresh_again(&self) {
        self.memory.borrow_mut().refresh_again();
        self.customer.take();
    }

    /// The notes `want` asks for; one warning per unreadable note on stderr.
    pub fn read(&self, want: Want) -> Result<Archive, Error> {
        let archive = self.memory.borrow_mut().archive(want)?;
        archive.warn();
        Ok(archive)
    }

    /// Each note `want` asks for with its customer's name key, one at a
    /// time in no particular order, then one warning per unreadable note on
    /// stderr: only what `each` keeps is in memory.
    pub fn each_note(
        &self,
        want: Want,
        each: &mut dyn FnMut(NoteRecord, &str),
    ) -> Result<(), Error> {
        let unreadable = self.memory.borrow_mut().each_note(want, each)?;
        crate::memory::archive::warn(&unreadable);
        Ok(())
    }

    /// The notes `want` asks for, as `read` gives them but without warning
    /// again of the unreadable ones: for a second question of one command.
    pub fn read_again(&self, want: Want) -> Result<Archive, Error> {
        self.memory.borrow_mut().archive(want)
    }

    /// "Since last time" for `customer`, from their earlier notes; None
    /// when there are none (or the notes cannot be read: the walk's own
    /// write says so).
    pub fn brief(
        &self,
        language: &Language,
        customer: &str,
        walking: &WalkFor<'_>,
    ) -> Option<Brief> {
        self.with_customer_notes(customer, |notes| {
            Brief::of(
                notes,
                walking,
                &self.config.me,
                self.config.today,
                &ReviewScales::of(language),
            )
        })?
    }

    /// The open commitments of `customer` with an id, most urgent first,
    /// for a debrief to close; none when their notes cannot be read.
    pub fn open_promises(&self, customer: &str) -> Vec<OpenPromise> {
        let config = self.config;
        self.with_customer_notes(customer, |notes| {
            promise::promises(notes, &config.me, config.today)
                .into_iter()
                .filter(|promise| !promise.commitment.done)
                .filter_map(|promise| {
                    Some(OpenPromise {
                        id: promise.commitment.id.clone()?,
                        what: promise.commitment.what.clone(),
                        side: match promise.side {
                            Side::Ours => "ours",
                            Side::Theirs => "theirs",
                        }
                        .to_string(),
                        who: promise.commitment.who.clone(),
                        due: promise.commitment.due,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
    }

    /// Every commitment id in the notes, sorted, each once, and the notes
    /// that could not be read (not warned about here).
    pub fn commitment_ids(&self) -> Result<(Vec<String>, Vec<Unreadable>), Error> {
        self.memory.borrow_mut().commitment_ids()
    }

    /// `ids` with any that a note already uses, or that an earlier one of
    /// `ids` is, replaced by new ones from `make`, so that an id names one
    /// commitment across all notes.
    pub fn unique_ids(
        &self,
        ids: Vec<Option<String>>,
        make: fn() -> String,
    ) -> Vec<Option<String>> {
        unique_ids(ids, make, &mut |wanted| {
            self.memory.borrow_mut().taken_ids(wanted)
        })
    }

    /// Every customer with a note, newest contact first, for the walk's
    /// customer prompt. Unreadable notes are not warned about here: a walk
    /// is no check of the notes (`coach notes check` is). Notes that cannot
    /// be read at all only cost the offer, said in a notice.
    pub fn known_customers(&self) -> Vec<KnownCustomer> {
        match known::known_customers(&mut self.memory.borrow_mut()) {
            Ok((known, _)) => known,
            Err(error) => {
                notice(format!(
                    "the customers you met before are not offered: {error}"
                ));
                Vec::new()
            }
        }
    }

    /// `then` of the notes of `customer` (by date then path, all answers),
    /// asked of the memory once for any number of questions about the
    /// same customer; None when they cannot be read.
    /// The customer a calendar invite with these attendee `domains` is
    /// with, as far as the notes tell (see `memory::invites`); none when
    /// they do not or cannot be read.
    pub fn customer_of_invite(&self, domains: &[String]) -> Option<String> {
        let want = Want {
            notes: crate::memory::Which::All,
            answers: crate::memory::Answers::None,
        };
        let (customers, _) = self
            .memory
            .borrow_mut()
            .by_customer(want, false, &mut |notes| InvitedCustomer::of(&notes))
            .ok()?;
        let customers: Vec<InvitedCustomer> = customers.into_iter().flatten().collect();
        invites::customer_of(domains, &customers)
    }

    /// The latest prep note of `customer` started from the invite `uid`, on
    /// or before `date`; none when there is none or the notes cannot be read.
    pub fn prep_of_invite(
        &self,
        customer: &str,
        uid: &str,
        date: jiff::civil::Date,
    ) -> Option<std::path::PathBuf> {
        self.with_customer_notes(customer, |notes| {
            notes
                .iter()
                .rev()
                .find(|note| {
                    note.checklist == "prep"
                        && note.date <= date
                        && note
                            .invite
                            .as_ref()
                            .is_some_and(|invite| invite.uid.as_deref() == Some(uid))
                })
                .map(|note| note.path.clone())
        })?
    }

    fn with_customer_notes<T>(
        &self,
        customer: &str,
        then: impl FnOnce(&[NoteRecord]) -> T,
    ) -> Option<T> {
        let key = crate::slug::name_key(customer);
        let mut cached = self.customer.borrow_mut();
        if cached.as_ref().is_none_or(|(known, _)| *known != key) {
            let notes = self.memory.borrow_mut().customer_notes(customer).ok()?;
            *cached = Some((key, notes));
        }
        cached.as_ref().map(|(_, notes)| then(notes))
    }
}

/// Which of some ids the notes already use.
type Taken<'t> = &'t mut dyn FnMut(&[String]) -> Result<Vec<String>, Error>;

/// `ids` with the taken ones (by `taken`) and repeats replaced by new ones
/// from `make`. A notes folder that cannot be read stops the check: the
/// write that follows says so.
fn unique_ids(
    mut ids: Vec<Option<String>>,
    make: fn() -> String,
    taken: Taken<'_>,
) -> Vec<Option<String>> {
    // Each round replaces the taken ones; 40 random bits make a second rare.
    for _ in 0..8 {
        let wanted: Vec<String> = ids.iter().flatten().cloned().collect();
        if wanted.is_empty() {
            break;
        }
        let Ok(taken) = taken(&wanted) else {
            break;
        };
        let mut seen: Vec<String> = Vec::new();
        let mut replaced = false;
        for id in ids.iter_mut().flatten() {
            // Taken by a note, or by an earlier commitment of this one.
            if taken.contains(id) || seen.contains(id) {
                *id = make();
                replaced = true;
            }
            seen.push(id.clone());
        }
        if !replaced {
            break;
        }
    }
    ids
}

/// The notes a command wants, through the index unless it is off; notices
/// and one warning per unreadable note go to stderr.
pub fn read_notes(config: &Config, want: Want) -> Result<Archive, Error> {
    Notes::new(config).read(want)
}

fn notice(message: String) {
    let line = format!("coach: notice: {message}");
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        crate::text::visible_controls(&line)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static MADE: AtomicUsize = AtomicUsize::new(0);

    /// c-aaaaaaaa twice, then c-new00001, c-new00002, ...
    fn make() -> String {
        match MADE.fetch_add(1, Ordering::SeqCst) {
            0 | 1 => "c-aaaaaaaa".to_string(),
            n => format!("c-new{n:05}"),
        }
    }

    #[test]
    fn a_notes_new_ids_are_unique_among_themselves_and_against_the_notes() {
        let made = vec![Some(make()), None, Some(make()), Some("c-taken000".into())];
        let mut asked = Vec::new();
        let ids = unique_ids(made, make, &mut |wanted| {
            asked.push(wanted.to_vec());
            Ok(wanted
                .iter()
                .filter(|id| *id == "c-taken000")
                .cloned()
                .collect())
        });
        assert_eq!(
            ids,
            [
                Some("c-aaaaaaaa".to_string()),
                None,
                Some("c-new00002".to_string()),
                Some("c-new00003".to_string())
            ]
        );
        // The replacements were checked against the notes too.
        assert_eq!(asked.len(), 2, "{asked:?}");
        assert_eq!(asked[1], ["c-aaaaaaaa", "c-new00002", "c-new00003"]);
    }
}
