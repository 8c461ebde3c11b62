//! Where a command gets its notes: through the index when there is one to
//! use, else from the files. The index never decides what is true: a
//! damaged one is built again, and one that cannot be used is passed by
//! with a notice, never silently.
//!
//! A command holds one [`Memory`]: the index is opened and brought up to
//! date at its first question and answers every later one, so that a walk
//! that asks four things of the notes lists and stats them once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::memory::archive::{sort_notes, Archive, Want};
use crate::memory::index::{self, Index, IndexError, Progress};
use crate::memory::note_record::NoteRecord;
use crate::memory::read::{self, Unreadable};
use crate::memory::scan;

/// How to reach the notes.
pub struct Source<'a> {
    pub notes_dir: &'a Path,
    /// The folder of index databases; None reads the notes directly
    /// (`--no-index`).
    pub cache_dir: Option<&'a Path>,
}

/// The notes of one command, as they are on disk when it first asks.
pub struct Memory<'a> {
    source: Source<'a>,
    progress: Box<dyn Progress + 'a>,
    notice: Box<dyn FnMut(String) + 'a>,
    /// The index database for the notes folder, when there is one to use.
    database: Option<PathBuf>,
    state: State,
    /// Built again in this run already: a second failure reads the files.
    rebuilt: bool,
}

enum State {
    /// Nothing asked yet, or the files changed since: open and refresh.
    Unopened,
    /// Up to date, with the folders the scan could not list.
    Index {
        index: Index,
        problems: Vec<Unreadable>,
    },
    /// No index to use: every question reads the notes.
    Files,
}

impl<'a> Memory<'a> {
    pub fn new(
        source: Source<'a>,
        progress: Box<dyn Progress + 'a>,
        notice: Box<dyn FnMut(String) + 'a>,
    ) -> Memory<'a> {
        let database = usable_database(&source);
        scan::share_one_arena();
        Memory {
            source,
            progress,
            notice,
            database,
            state: State::Unopened,
            rebuilt: false,
        }
    }

    /// The notes may have changed since the index was brought up to date
    /// (a note written, or a person's time spent): the next question
    /// refreshes it again.
    pub fn refresh_again(&mut self) {
        if matches!(self.state, State::Index { .. }) {
            self.state = State::Unopened;
        }
    }

    /// The notes `want` asks for, sorted by date then path.
    pub fn archive(&mut self, want: Want) -> Result<Archive, Error> {
        let answer = self.ask(&mut |index, problems| {
            let mut archive = index.archive(want)?;
            archive.unreadable.extend_from_slice(problems);
            archive.sort();
            Ok(archive)
        })?;
        match answer {
            Some(archive) => Ok(archive),
            None => Archive::read(self.source.notes_dir, want),
        }
    }

    /// Each note `want` asks for with its customer's name key
    /// (`slug::name_key`), one at a time and in no particular order: only
    /// what `each` keeps is held. Returns the notes that could not be read,
    /// by path.
    pub fn each_note(
        &mut self,
        want: Want,
        each: &mut dyn FnMut(NoteRecord, &str),
    ) -> Result<Vec<Unreadable>, Error> {
        let mut delivered = false;
        let database = self.database.clone();
        let answer = self.ask(&mut |index, problems| {
            let read = index.each_note(want, &mut |note, key| {
                delivered = true;
                each(note, key);
            });
            match read {
                // Half of the notes are counted already: the command cannot
                // start again from the files.
                Err(error) if delivered => {
                    Err(IndexError::Notes(broken_midway(database.as_deref(), error)))
                }
                Err(error) => Err(error),
                Ok(()) => Ok(sorted(index.unreadable()?, problems)),
            }
        })?;
        if let Some(unreadable) = answer {
            return Ok(unreadable);
        }
        let mut unreadable = Vec::new();
        let files = scan::note_files(self.source.notes_dir, &mut unreadable)?;
        let paths: Vec<&Path> = files.iter().map(|file| file.path.as_path()).collect();
        read::each_front_matter(&paths, |read| match read {
            Ok(note) => {
                if let Some(note) = want.trim(note) {
                    let key = crate::slug::name_key(&note.customer);
                    each(note, &key);
                }
            }
            Err(problem) => unreadable.push(problem),
        });
        unreadable.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(unreadable)
    }

    /// `map` of the notes `want` asks for, one customer (by name key) at a
    /// time in order of key, each customer's notes by date then path, with
    /// their commitments unless `commitments` is false; and the notes that
    /// could not be read. Through the index only one customer's notes are
    /// held at a time.
    pub fn by_customer<T>(
        &mut self,
        want: Want,
        commitments: bool,
        map: &mut dyn FnMut(Vec<NoteRecord>) -> T,
    ) -> Result<(Vec<T>, Vec<Unreadable>), Error> {
        let answer = self.ask(&mut |index, problems| {
            let mut mapped = Vec::new();
            index.by_customer(want, commitments, &mut |notes| mapped.push(map(notes)))?;
            Ok((mapped, sorted(index.unreadable()?, problems)))
        })?;
        if let Some(answer) = answer {
            return Ok(answer);
        }
        // Grouped as they are read: no second copy of the archive.
        let mut groups: BTreeMap<String, Vec<NoteRecord>> = BTreeMap::new();
        let unreadable = self.each_note(want, &mut |mut note, key| {
            if !commitments {
                note.commitments = Vec::new();
            }
            match groups.get_mut(key) {
                Some(group) => group.push(note),
                None => {
                    groups.insert(key.to_string(), vec![note]);
                }
            }
        })?;
        let mapped = groups
            .into_values()
            .map(|mut notes| {
                sort_notes(&mut notes);
                map(notes)
            })
            .collect();
        Ok((mapped, unreadable))
    }

    /// Every note of the customer named `name` (any case, spacing or
    /// Unicode form), by date then path, with all their answers;
    /// unreadable notes are left to the memory commands to report.
    pub fn customer_notes(&mut self, name: &str) -> Result<Vec<NoteRecord>, Error> {
        let key = crate::slug::name_key(name);
        let want = Want {
            notes: crate::memory::Which::Customer(&key),
            answers: crate::memory::Answers::All,
        };
        Ok(self.archive(want)?.notes)
    }

    /// Every commitment id in the notes, sorted, each once; and the notes
    /// that could not be read (a commitment in one of them is unknown).
    pub fn commitment_ids(&mut self) -> Result<(Vec<String>, Vec<Unreadable>), Error> {
        let answer = self.ask(&mut |index, problems| {
            Ok((
                index.commitment_ids()?,
                sorted(index.unreadable()?, problems),
            ))
        })?;
        if let Some(answer) = answer {
            return Ok(answer);
        }
        let want = Want {
            notes: crate::memory::Which::WithCommitments,
            answers: crate::memory::Answers::None,
        };
        let mut ids = std::collections::BTreeSet::new();
        let unreadable = self.each_note(want, &mut |note, _| {
            ids.extend(note.commitments.into_iter().filter_map(|c| c.id));
        })?;
        Ok((ids.into_iter().collect(), unreadable))
    }

    /// Which of `ids` a note already uses for a commitment, by the index.
    /// Without an index (`--no-index`, no notes yet, or one that cannot be
    /// used) none are known taken: new ids are 40 random bits, and reading
    /// every note on each debrief would cost more than it saves.
    pub fn taken_ids(&mut self, ids: &[String]) -> Result<Vec<String>, Error> {
        Ok(self
            .ask(&mut |index, _| index.taken_ids(ids))?
            .unwrap_or_default())
    }

    /// What the up-to-date index answers to `query` (given the folders the
    /// scan could not list); None when there is no index to use (told why
    /// in a notice unless it is off or there are no notes). A damaged or
    /// outdated index is built again once.
    fn ask<T>(&mut self, query: Query<'_, T>) -> Result<Option<T>, Error> {
        loop {
            if matches!(self.state, State::Unopened) {
                self.state = self.open()?;
            }
            let State::Index { index, problems } = &self.state else {
                return Ok(None);
            };
            match query(index, problems) {
                Ok(answer) => return Ok(Some(answer)),
                Err(error) => self.state = self.failed(error)?,
            }
        }
    }

    /// The index opened and brought up to date, built again once when it
    /// is damaged or outdated; or the files when there is none to use.
    fn open(&mut self) -> Result<State, Error> {
        let Some(database) = self.database.clone() else {
            return Ok(State::Files);
        };
        loop {
            let progress = &mut *self.progress;
            let opened = Index::open(&database, self.source.notes_dir).and_then(|mut index| {
                let problems = index.refresh(progress)?;
                scan::give_back_freed_memory();
                Ok((index, problems))
            });
            match opened {
                Ok((index, problems)) => {
                    // Said once, when the cache appears with notes in it (a
                    // rebuild said so already; a new, empty folder needs no word).
                    if index.created && !self.rebuilt && index.holds_notes().unwrap_or(true) {
                        (self.notice)(format!(
                            "indexed the notes into {} (a cache: safe to delete)",
                            database.display()
                        ));
                    }
                    return Ok(State::Index { index, problems });
                }
                Err(error) => match self.failed(error)? {
                    State::Unopened => continue,
                    state => return Ok(state),
                },
            }
        }
    }

    /// What to do after `error`: build the index again (Unopened) once, or
    /// read the files (Files); an error of the notes folder itself ends
    /// the command.
    fn failed(&mut self, error: IndexError) -> Result<State, Error> {
        let database = self.database.clone().unwrap_or_default();
        match error {
            IndexError::Notes(error) => Err(error),
            IndexError::Outdated(why) if !self.rebuilt => {
                self.rebuilt = true;
                (self.notice)(format!(
                    "the index {} cannot be used: {why}; building it again from the notes",
                    database.display()
                ));
                // The open index is closed before its files go.
                self.state = State::Files;
                if let Err(error) = index::remove(&database) {
                    (self.notice)(format!(
                        "cannot remove the index {}: {error}; reading the notes directly",
                        database.display()
                    ));
                    return Ok(State::Files);
                }
                Ok(State::Unopened)
            }
            error => {
                (self.notice)(format!(
                    "cannot use the index {}: {error}; reading the notes directly",
                    database.display()
                ));
                Ok(State::Files)
            }
        }
    }
}

/// An index that failed after some of its notes were handed out: removed,
/// so that the next run builds it again, and said as the command's error.
fn broken_midway(database: Option<&Path>, error: IndexError) -> Error {
    let database = database.unwrap_or(Path::new("the index"));
    let _ = index::remove(database);
    Error::io("cannot finish reading the index", database)(std::io::Error::other(format!(
        "{error}; it was removed and the next run builds it again"
    )))
}

/// A question for an up-to-date index, given the folders the scan could
/// not list.
type Query<'q, T> = &'q mut dyn FnMut(&Index, &[Unreadable]) -> Result<T, IndexError>;

/// Unreadable notes from the index and from the scan, by path.
fn sorted(mut unreadable: Vec<Unreadable>, more: &[Unreadable]) -> Vec<Unreadable> {
    unreadable.extend_from_slice(more);
    unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    unreadable
}

/// The index database for the notes folder; none without a cache folder or
/// without notes (a folder not made yet needs no index).
fn usable_database(source: &Source<'_>) -> Option<PathBuf> {
    let cache_dir = source.cache_dir?;
    if !source.notes_dir.is_dir() {
        return None;
    }
    Some(index::database_path(cache_dir, source.notes_dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTE: &str = include_str!("edit/debrief-note.md");

    struct Quiet;
    impl Progress for Quiet {
        fn reading(&mut self, _: usize, _: usize) {}
        fn finished(&mut self) {}
    }

    fn write_note(notes: &Path, name: &str, id: &str) {
        let folder = notes.join("northwind-traders");
        std::fs::create_dir_all(&folder).unwrap();
        let text = NOTE.replace("c-zrv6s3kt", id);
        std::fs::write(folder.join(name), text).unwrap();
    }

    fn ids(memory: &mut Memory<'_>) -> Vec<String> {
        memory.commitment_ids().unwrap().0
    }

    #[test]
    fn one_memory_looks_at_the_notes_once_until_told_they_changed() {
        let notes = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        write_note(notes.path(), "a.md", "c-aaaaaaaa");
        let source = Source {
            notes_dir: notes.path(),
            cache_dir: Some(cache.path()),
        };
        let mut memory = Memory::new(source, Box::new(Quiet), Box::new(|_| {}));
        assert_eq!(ids(&mut memory), ["c-7e5sc5ti", "c-aaaaaaaa"]);
        // Written after the first question: the same index answers the next.
        write_note(notes.path(), "b.md", "c-bbbbbbbb");
        assert_eq!(ids(&mut memory), ["c-7e5sc5ti", "c-aaaaaaaa"]);
        assert!(memory.taken_ids(&["c-bbbbbbbb".into()]).unwrap().is_empty());
        memory.refresh_again();
        assert_eq!(
            memory.taken_ids(&["c-bbbbbbbb".into()]).unwrap(),
            ["c-bbbbbbbb"]
        );
        assert_eq!(ids(&mut memory), ["c-7e5sc5ti", "c-aaaaaaaa", "c-bbbbbbbb"]);
    }

    #[test]
    fn each_note_hands_out_the_same_notes_with_and_without_the_index() {
        let notes = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        write_note(notes.path(), "a.md", "c-aaaaaaaa");
        write_note(notes.path(), "b.md", "c-bbbbbbbb");
        std::fs::write(notes.path().join("northwind-traders/bad.md"), "no note").unwrap();
        let want = Want {
            notes: crate::memory::Which::All,
            answers: crate::memory::Answers::Numbers,
        };
        let read = |cache_dir: Option<&Path>| {
            let source = Source {
                notes_dir: notes.path(),
                cache_dir,
            };
            let mut memory = Memory::new(source, Box::new(Quiet), Box::new(|_| {}));
            let mut seen = Vec::new();
            let unreadable = memory
                .each_note(want, &mut |note, _| seen.push(note))
                .unwrap();
            sort_notes(&mut seen);
            (seen, unreadable)
        };
        let (indexed, unreadable) = read(Some(cache.path()));
        assert_eq!(indexed.len(), 2);
        assert_eq!(unreadable.len(), 1);
        let answers = &indexed[0].answers;
        assert!(
            !answers.is_empty()
                && answers
                    .values()
                    .all(crate::memory::archive::is_whole_number)
        );
        assert_eq!(read(None), (indexed, unreadable));
    }
}
