//! How the commands reach the memory layer: the notes folder and the index
//! as configured, progress and notices on stderr.

use std::io::Write as _;

use crate::config::Config;
use crate::error::Error;
use crate::language::Language;
use crate::memory::brief::{Brief, WalkFor};
use crate::memory::invites::{self, InvitedCustomer};
use crate::memory::known::{self, KnownCustomer};
use crate::memory::load::{self, Source};
use crate::memory::promise::{self, Side};
use crate::memory::read::Unreadable;
use crate::memory::relationship::ReviewScales;
use crate::memory::{Archive, NoteRecord, Want};
use crate::ui::index_progress::IndexProgress;
use crate::walk::closing::OpenPromise;

/// The notes a command wants, through the index unless it is off; notices
/// and one warning per unreadable note go to stderr.
pub fn read_notes(config: &Config, want: Want) -> Result<Archive, Error> {
    let mut progress = IndexProgress::new(config.stderr_is_terminal);
    let archive = load::archive(&source(config), want, &mut progress, &mut notice)?;
    archive.warn();
    Ok(archive)
}

/// `map` of each customer's notes (by name key, in order of key), with one
/// warning per unreadable note on stderr; through the index, one
/// customer's notes are in memory at a time.
pub fn by_customer<T>(
    config: &Config,
    want: Want,
    map: &mut dyn FnMut(Vec<NoteRecord>) -> T,
) -> Result<Vec<T>, Error> {
    let mut progress = IndexProgress::new(config.stderr_is_terminal);
    let (mapped, unreadable) =
        load::by_customer(&source(config), want, &mut progress, &mut notice, map)?;
    crate::memory::archive::warn(&unreadable);
    Ok(mapped)
}

/// "Since last time" for `customer`, from their earlier notes; None when
/// there are none (or the notes cannot be read: the walk's own write says so).
pub fn brief(
    config: &Config,
    language: &Language,
    customer: &str,
    walking: &WalkFor<'_>,
) -> Option<Brief> {
    let mut progress = IndexProgress::new(config.stderr_is_terminal);
    let notes = load::customer_notes(&source(config), customer, &mut progress, &mut notice).ok()?;
    Brief::of(
        &notes,
        walking,
        &config.me,
        config.today,
        &ReviewScales::of(language),
    )
}

/// The open commitments of `customer` with an id, most urgent first, for
/// a debrief to close; none when their notes cannot be read.
pub fn open_promises(config: &Config, customer: &str) -> Vec<OpenPromise> {
    let mut progress = IndexProgress::new(config.stderr_is_terminal);
    let Ok(notes) = load::customer_notes(&source(config), customer, &mut progress, &mut notice)
    else {
        return Vec::new();
    };
    promise::promises(&notes, &config.me, config.today)
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
}

/// Every commitment id in the notes, sorted, each once, and the notes that
/// could not be read (not warned about here).
pub fn commitment_ids(config: &Config) -> Result<(Vec<String>, Vec<Unreadable>), Error> {
    let mut progress = IndexProgress::new(config.stderr_is_terminal);
    load::commitment_ids(&source(config), &mut progress, &mut notice)
}

/// `ids` with any that a note already uses replaced by new ones from
/// `make`, so that an id names one commitment across all notes.
pub fn unique_ids(
    config: &Config,
    mut ids: Vec<Option<String>>,
    make: fn() -> String,
) -> Vec<Option<String>> {
    let mut progress = IndexProgress::new(config.stderr_is_terminal);
    // Each round replaces the taken ones; 40 random bits make a second rare.
    for _ in 0..8 {
        let wanted: Vec<String> = ids.iter().flatten().cloned().collect();
        if wanted.is_empty() {
            break;
        }
        let taken = match load::taken_ids(&source(config), &wanted, &mut progress, &mut notice) {
            Ok(taken) => taken,
            // The notes folder cannot be read: the write that follows says so.
            Err(_) => break,
        };
        if taken.is_empty() {
            break;
        }
        for id in ids.iter_mut().flatten() {
            if taken.contains(id) {
                *id = make();
            }
        }
    }
    ids
}

/// Every customer with a note, newest contact first, for the walk's
/// customer prompt. Unreadable notes are not warned about here: a walk is
/// no check of the notes (`coach notes check` is). Notes that cannot be
/// read at all only cost the offer, said in a notice.
pub fn known_customers(config: &Config) -> Vec<KnownCustomer> {
    let mut progress = IndexProgress::new(config.stderr_is_terminal);
    match known::known_customers(&source(config), &mut progress, &mut notice) {
        Ok((known, _)) => known,
        Err(error) => {
            notice(format!(
                "the customers you met before are not offered: {error}"
            ));
            Vec::new()
        }
    }
}

/// The customer a calendar invite with these attendee `domains` is with,
/// as far as the notes tell (see `memory::invites`); none when they do not
/// or cannot be read.
pub fn customer_of_invite(config: &Config, domains: &[String]) -> Option<String> {
    let mut progress = IndexProgress::new(config.stderr_is_terminal);
    let want = Want {
        notes: crate::memory::Which::All,
        answers: crate::memory::Answers::None,
    };
    let (customers, _) = load::by_customer(
        &source(config),
        want,
        &mut progress,
        &mut notice,
        &mut |notes| InvitedCustomer::of(&notes),
    )
    .ok()?;
    let customers: Vec<InvitedCustomer> = customers.into_iter().flatten().collect();
    invites::customer_of(domains, &customers)
}

/// The latest prep note of `customer` started from the invite `uid`, on
/// or before `date`; none when there is none or the notes cannot be read.
pub fn prep_of_invite(
    config: &Config,
    customer: &str,
    uid: &str,
    date: jiff::civil::Date,
) -> Option<std::path::PathBuf> {
    let mut progress = IndexProgress::new(config.stderr_is_terminal);
    let notes = load::customer_notes(&source(config), customer, &mut progress, &mut notice).ok()?;
    notes
        .into_iter()
        .rev()
        .find(|note| {
            note.checklist == "prep"
                && note.date <= date
                && note
                    .invite
                    .as_ref()
                    .is_some_and(|invite| invite.uid.as_deref() == Some(uid))
        })
        .map(|note| note.path)
}

fn source(config: &Config) -> Source<'_> {
    Source {
        notes_dir: &config.notes_dir,
        cache_dir: config.cache_dir.as_deref(),
    }
}

fn notice(message: String) {
    let line = format!("coach: notice: {message}");
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        crate::text::visible_controls(&line)
    );
}
