//! The index is a cache that never changes an answer: every memory command
//! gives the same output through it as from the notes themselves, after
//! hand edits, after damage to the database, while another process holds
//! it, and when several coaches build it at once.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::memory::generate_notes;
use crate::support::notes_dir::{NotesDir, Run};

/// The day the generated corpus is read on.
const TODAY: &str = "2026-12-01";

/// How a run reaches the notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Index,
    NoIndexFlag,
    NoIndexEnv,
}

const MODES: [Mode; 3] = [Mode::Index, Mode::NoIndexFlag, Mode::NoIndexEnv];

/// A generated archive with the index in its isolated HOME's cache.
struct Corpus(NotesDir);

impl std::ops::Deref for Corpus {
    type Target = NotesDir;
    fn deref(&self) -> &NotesDir {
        &self.0
    }
}

impl Corpus {
    /// `count` generated notes, their modification times an hour back: an
    /// archive written long before the first run, so that only real edits
    /// (not the racy rule) make the index read a note again.
    fn generated(count: usize, seed: u64) -> Corpus {
        let corpus = Corpus::fresh(count, seed);
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for path in files_under(&corpus.notes()) {
            set_modified(&path, an_hour_ago);
        }
        corpus
    }

    /// `count` generated notes just written.
    fn fresh(count: usize, seed: u64) -> Corpus {
        let corpus = Corpus(NotesDir::new("coach-index"));
        let args = vec![
            count.to_string(),
            corpus.notes().display().to_string(),
            "--seed".to_string(),
            seed.to_string(),
        ];
        generate_notes::run(&args).expect("the generator runs");
        corpus
    }

    fn spawn(&self, mode: Mode, args: &[&str]) -> Child {
        let mut command = self.command(TODAY, args);
        match mode {
            Mode::Index => {}
            Mode::NoIndexFlag => {
                command.arg("--no-index");
            }
            Mode::NoIndexEnv => {
                command.env("COACH_NO_INDEX", "1");
            }
        }
        command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("coach starts")
    }

    #[track_caller]
    fn run(&self, mode: Mode, args: &[&str]) -> Run {
        Run::from(self.spawn(mode, args).wait_with_output().unwrap())
    }

    fn cache_dir(&self) -> PathBuf {
        self.root().join("home/.cache/coach")
    }

    /// The one index database in the cache folder.
    #[track_caller]
    fn database(&self) -> PathBuf {
        let databases: Vec<PathBuf> = std::fs::read_dir(self.cache_dir())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "sqlite3"))
            .collect();
        assert_eq!(databases.len(), 1, "{databases:?}");
        databases.into_iter().next().unwrap()
    }

    /// Runs each of `commands` through the index, with `--no-index` and
    /// with `COACH_NO_INDEX=1`, and requires the same exit code, stdout and
    /// warnings of all three (the index's own notices aside). Returns the
    /// outputs through the index.
    #[track_caller]
    fn assert_agree(&self, commands: &[&[&str]], after: &str) -> Vec<Run> {
        self.assert_agree_in(&MODES, commands, after)
    }

    /// `assert_agree` with the index and `--no-index` only: the variable
    /// turns the index off as the flag does, and costs a third more runs.
    #[track_caller]
    fn assert_agree_fast(&self, commands: &[&[&str]], after: &str) -> Vec<Run> {
        self.assert_agree_in(&MODES[..2], commands, after)
    }

    #[track_caller]
    fn assert_agree_in(&self, modes: &[Mode], commands: &[&[&str]], after: &str) -> Vec<Run> {
        let mut through_index = Vec::new();
        for args in commands {
            // All at once: only the first one touches the index.
            let children: Vec<Child> = modes.iter().map(|&mode| self.spawn(mode, args)).collect();
            let runs: Vec<Run> = children
                .into_iter()
                .map(|child| Run::from(child.wait_with_output().unwrap()))
                .collect();
            for (mode, run) in modes.iter().zip(&runs).skip(1) {
                pretty_assertions::assert_eq!(
                    (runs[0].status, &runs[0].stdout, warnings(&runs[0].stderr)),
                    (run.status, &run.stdout, warnings(&run.stderr)),
                    "coach {args:?} after {after}: through the index (left) and {mode:?} (right)"
                );
            }
            assert!(
                runs[0].status == 0 || runs[0].status == 1,
                "coach {args:?} after {after}:\n{}",
                runs[0].stderr
            );
            through_index.push(runs.into_iter().next().unwrap());
        }
        through_index
    }

    /// `due --all --json` read from the notes: every commitment.
    fn commitments(&self) -> Vec<Value> {
        let run = self.run(Mode::NoIndexFlag, &["due", "--all", "--json"]);
        run.json().as_array().unwrap().clone()
    }

    /// The notes holding commitments, each with its ids, the ones with
    /// more than one commitment first.
    fn notes_with_commitments(&self) -> Vec<(String, Vec<String>)> {
        let mut notes: Vec<(String, Vec<String>)> = Vec::new();
        for item in self.commitments() {
            let note = item["note"].as_str().unwrap().to_string();
            let id = item["id"].as_str().unwrap().to_string();
            match notes.iter_mut().find(|(path, _)| *path == note) {
                Some((_, ids)) => ids.push(id),
                None => notes.push((note, vec![id])),
            }
        }
        notes.sort_by_key(|(path, ids)| (std::cmp::Reverse(ids.len()), path.clone()));
        notes
    }

    /// A note by its path as the JSON gives it (`notes/…`).
    fn file(&self, note: &str) -> PathBuf {
        self.root().join(note)
    }
}

/// The stderr lines that are not the index's notices.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|line| !line.starts_with("coach: notice:"))
        .collect()
}

fn notices(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|line| line.starts_with("coach: notice:"))
        .collect()
}

fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

fn set_modified(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

/// Every memory command and the flags that choose what it reads.
const COMMANDS: &[&[&str]] = &[
    &["due"],
    &["due", "--json"],
    &["due", "--all"],
    &["due", "--mine"],
    &["due", "--theirs"],
    &["due", "--overdue"],
    &["due", "--within", "7d"],
    &["due", "--customer", "northwind traders 1"],
    &["due", "--format", "todo.txt"],
    &["due", "--count"],
    &["due", "--all", "--json"],
    &["customers"],
    &["customers", "--json"],
    &["history", "Northwind Traders 1"],
    &["history", "Northwind Traders 1", "--json"],
    &["notes", "check"],
];

/// The item of `due --all --json` (through the index) with `id`.
fn item(runs: &[Run], id: &str) -> Option<Value> {
    let at = COMMANDS
        .iter()
        .position(|args| *args == ["due", "--all", "--json"])
        .unwrap();
    let items = runs[at].json();
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == id)
        .cloned()
}

/// Replaces the first `from` in `path` with `to`.
#[track_caller]
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains(from),
        "{} lacks {from:?}:\n{text}",
        path.display()
    );
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The `due: "…"` line of commitment `id` in a note's text.
fn due_of(text: &str, id: &str) -> String {
    let block = &text[text.find(&format!("- id: {id}\n")).unwrap()..];
    let line = block.lines().find(|line| line.contains("due: ")).unwrap();
    line.trim().to_string()
}

#[test]
fn every_memory_command_says_the_same_with_and_without_the_index_through_hand_edits() {
    let corpus = Corpus::generated(120, 3);
    let runs = corpus.assert_agree(COMMANDS, "the first build");
    assert_eq!(runs.last().unwrap().status, 0, "the corpus reads clean");
    // Everything but `notes check` of a clean archive lists something.
    let empty: Vec<_> = COMMANDS
        .iter()
        .zip(&runs)
        .filter(|(args, run)| run.status != 0 && args[0] != "notes")
        .map(|(args, _)| args)
        .collect();
    assert!(empty.is_empty(), "these list nothing: {empty:?}");
    let notes = corpus.notes_with_commitments();
    assert!(notes.len() >= 8, "{notes:?}");

    // A changed due date.
    let (note, ids) = &notes[0];
    let path = corpus.file(note);
    let old = due_of(&std::fs::read_to_string(&path).unwrap(), &ids[0]);
    edit(&path, &old, "due: \"2026-12-04\"");
    let runs = corpus.assert_agree_fast(COMMANDS, "a changed due date");
    assert_eq!(item(&runs, &ids[0]).unwrap()["due"], "2026-12-04");

    // A commitment deleted from the front matter (its task line stays).
    let (note, ids) = &notes[1];
    assert!(ids.len() > 1, "{note} has one commitment");
    let path = corpus.file(note);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find(&format!("  - id: {}\n", ids[0])).unwrap();
    let length = text[start..]
        .split_inclusive('\n')
        .enumerate()
        .take_while(|(at, line)| *at == 0 || line.starts_with("    "))
        .map(|(_, line)| line.len())
        .sum::<usize>();
    let edited = format!("{}{}", &text[..start], &text[start + length..]);
    std::fs::write(&path, edited).unwrap();
    let runs = corpus.assert_agree_fast(COMMANDS, "a commitment deleted");
    assert!(item(&runs, &ids[0]).is_none());
    assert!(item(&runs, &ids[1]).is_some());

    // A note renamed.
    let (note, ids) = &notes[2];
    let renamed = corpus.file(note).with_file_name("renamed-by-hand.md");
    std::fs::rename(corpus.file(note), &renamed).unwrap();
    let runs = corpus.assert_agree_fast(COMMANDS, "a note renamed");
    let moved = item(&runs, &ids[0]).unwrap()["note"].clone();
    assert!(
        moved.as_str().unwrap().ends_with("/renamed-by-hand.md"),
        "{moved}"
    );

    // A note moved to another customer's folder.
    let (note, ids) = notes
        .iter()
        .skip(3)
        .find(|(note, _)| !note.starts_with("notes/contoso-traders-1/"))
        .unwrap();
    let moved_to = corpus.path("contoso-traders-1/moved-by-hand.md");
    std::fs::rename(corpus.file(note), &moved_to).unwrap();
    let runs = corpus.assert_agree_fast(COMMANDS, "a note moved to another folder");
    assert_eq!(
        item(&runs, &ids[0]).unwrap()["note"],
        "notes/contoso-traders-1/moved-by-hand.md"
    );
    let done_with = [note.clone()];

    // A note deleted.
    let (note, ids) = notes
        .iter()
        .skip(3)
        .find(|(note, _)| !done_with.contains(note))
        .unwrap();
    std::fs::remove_file(corpus.file(note)).unwrap();
    let runs = corpus.assert_agree_fast(COMMANDS, "a note deleted");
    assert!(ids.iter().all(|id| item(&runs, id).is_none()));
    let done_with = [done_with[0].clone(), note.clone()];

    // A new note.
    let template = std::fs::read_to_string(&moved_to).unwrap();
    let mut new_note = template.clone();
    for (number, id) in ids_in(&template).iter().enumerate() {
        new_note = new_note.replace(id, &format!("c-newnote{}", number + 1));
    }
    corpus.write("contoso-traders-1/2026-12-01-new-by-hand.md", &new_note);
    let runs = corpus.assert_agree_fast(COMMANDS, "a new note");
    assert_eq!(
        item(&runs, "c-newnote1").unwrap()["note"],
        "notes/contoso-traders-1/2026-12-01-new-by-hand.md"
    );

    // A note made unreadable.
    let (note, ids) = notes
        .iter()
        .skip(3)
        .find(|(note, _)| !done_with.contains(note))
        .unwrap();
    edit(&corpus.file(note), "\ndate: \"", "\ndate: [\"");
    let runs = corpus.assert_agree_fast(COMMANDS, "a note made unreadable");
    assert!(ids.iter().all(|id| item(&runs, id).is_none()));
    let check = runs.last().unwrap();
    assert_eq!(check.status, 1);
    let name = note.rsplit('/').next().unwrap();
    assert!(check.stdout.contains(name), "{}", check.stdout);

    // An edit of the same size within the index's own second, its mtime
    // set back: only the racy rule can see it.
    let (note, ids) = &notes[0];
    let path = corpus.file(note);
    for attempt in 1.. {
        edit(&path, "due: \"2026-12-04\"", "due: \"2026-12-05\"");
        let run = corpus.run(Mode::Index, &["due", "--count"]);
        assert!(run.status == 0, "{}", run.stderr);
        let (mtime_ns, read_ns) = stamp_in_index(&corpus.database(), note);
        // The rule covers an edit within 2 s of the update; on a machine
        // so slow that the run took longer, try again.
        if read_ns - mtime_ns < 1_500_000_000 || attempt == 5 {
            assert!(read_ns - mtime_ns < 2_000_000_000, "too slow to test");
            break;
        }
        edit(&path, "due: \"2026-12-05\"", "due: \"2026-12-04\"");
    }
    let before = std::fs::metadata(&path).unwrap();
    let written = modified(&path);
    edit(&path, "due: \"2026-12-05\"", "due: \"2026-12-06\"");
    set_modified(&path, written);
    let after = std::fs::metadata(&path).unwrap();
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(
            (
                before.ino(),
                before.size(),
                before.mtime(),
                before.mtime_nsec()
            ),
            (after.ino(), after.size(), after.mtime(), after.mtime_nsec()),
            "the edit should leave the stamp as it was"
        );
    }
    let runs = corpus.assert_agree(COMMANDS, "a same-size edit within the same second");
    assert_eq!(item(&runs, &ids[0]).unwrap()["due"], "2026-12-06");
}

/// Every commitment id in a note's front matter, in order.
fn ids_in(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("  - id: "))
        .map(str::to_string)
        .collect()
}

/// The note's modification time and the time it was read, as the index
/// holds them.
fn stamp_in_index(database: &Path, note: &str) -> (i64, i64) {
    let key = note.strip_prefix("notes/").unwrap();
    let connection = rusqlite::Connection::open(database).unwrap();
    connection
        .query_row(
            "SELECT mtime_ns, read_ns FROM notes WHERE path = ?1",
            [key.as_bytes()],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap()
}

/// The exact output of `due --all --json` read from the notes.
fn expected_due(corpus: &Corpus) -> String {
    let run = corpus.run(Mode::NoIndexFlag, &["due", "--all", "--json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    run.stdout
}

/// Damage done to an index between two runs.
type Damage = fn(&Path);

fn delete(database: &Path) {
    std::fs::remove_file(database).unwrap();
}

fn truncate_to_half(database: &Path) {
    let file = std::fs::File::options().write(true).open(database).unwrap();
    let size = file.metadata().unwrap().len();
    file.set_len(size / 2).unwrap();
}

fn overwrite_with_garbage(database: &Path) {
    let size = std::fs::metadata(database).unwrap().len() as usize;
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let garbage: Vec<u8> = (0..size)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    std::fs::write(database, garbage).unwrap();
}

fn sql(database: &Path, statement: &str) {
    let connection = rusqlite::Connection::open(database).unwrap();
    connection.execute_batch(statement).unwrap();
}

fn schema_version_0(database: &Path) {
    sql(database, "PRAGMA user_version = 0");
}

fn schema_version_99(database: &Path) {
    sql(database, "PRAGMA user_version = 99");
}

fn a_row_it_could_not_have_written(database: &Path) {
    sql(
        database,
        "UPDATE notes SET date = 'not a date' WHERE id IN (SELECT note FROM commitments)",
    );
}

fn another_notes_dir(database: &Path) {
    sql(
        database,
        "UPDATE meta SET value = '/somewhere/else' WHERE key = 'notes_dir'",
    );
}

#[test]
fn a_deleted_damaged_or_foreign_index_is_rebuilt_with_one_notice_and_then_is_quiet() {
    let corpus = Corpus::generated(60, 4);
    let expected = expected_due(&corpus);
    let first = corpus.run(Mode::Index, &["due", "--all", "--json"]);
    assert_eq!(first.stdout, expected);
    let database = corpus.database();
    let damages: [(&str, Damage); 8] = [
        ("deleted", delete),
        ("truncated to half", truncate_to_half),
        ("overwritten with garbage", overwrite_with_garbage),
        ("of user_version 0", schema_version_0),
        ("of user_version 99", schema_version_99),
        ("of another notes folder", another_notes_dir),
        (
            "holding a date that is none",
            a_row_it_could_not_have_written,
        ),
        // Damage after a rebuild is found the same way.
        ("truncated to half again", truncate_to_half),
    ];
    for (damage, apply) in damages {
        apply(&database);
        let run = corpus.run(Mode::Index, &["due", "--all", "--json"]);
        assert_eq!(run.status, 0, "index {damage}: {}", run.stderr);
        assert_eq!(run.stdout, expected, "index {damage}");
        let notices = notices(&run.stderr);
        assert_eq!(
            (notices.len(), warnings(&run.stderr).len()),
            (1, 0),
            "index {damage}: {}",
            run.stderr
        );
        assert!(
            notices[0].contains(&database.display().to_string()),
            "index {damage}: {}",
            notices[0]
        );
        let again = corpus.run(Mode::Index, &["due", "--all", "--json"]);
        assert_eq!(
            (again.status, again.stdout.as_str(), again.stderr.as_str()),
            (0, expected.as_str(), ""),
            "the run after the rebuild of an index {damage}"
        );
        assert_eq!(corpus.database(), database);
    }
}

/// Holds the index's write lock, as a coach in the middle of an update.
fn lock(database: &Path) -> rusqlite::Connection {
    let connection = rusqlite::Connection::open(database).unwrap();
    connection.execute_batch("BEGIN EXCLUSIVE").unwrap();
    connection
}

#[test]
fn a_reader_with_nothing_to_update_is_not_held_up_by_a_writer() {
    let corpus = Corpus::generated(40, 6);
    let expected = expected_due(&corpus);
    corpus.run(Mode::Index, &["due"]);
    let writer = lock(&corpus.database());
    let run = corpus.run(Mode::Index, &["due", "--all", "--json"]);
    drop(writer);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (0, expected.as_str(), "")
    );
}

#[test]
fn an_index_locked_too_long_is_passed_by_with_a_notice_and_the_notes_read_directly() {
    let corpus = Corpus::generated(40, 6);
    corpus.run(Mode::Index, &["due"]);
    let (note, ids) = corpus.notes_with_commitments().remove(0);
    let path = corpus.file(&note);
    let old = due_of(&std::fs::read_to_string(&path).unwrap(), &ids[0]);
    edit(&path, &old, "due: \"2026-12-09\"");
    let expected = expected_due(&corpus);
    assert!(expected.contains("\"due\":\"2026-12-09\""));
    let writer = lock(&corpus.database());
    let run = corpus.run(Mode::Index, &["due", "--all", "--json"]);
    drop(writer);
    assert_eq!((run.status, run.stdout.as_str()), (0, expected.as_str()));
    let notices = notices(&run.stderr);
    assert_eq!(notices.len(), 1, "{}", run.stderr);
    assert!(
        notices[0].contains(&corpus.database().display().to_string())
            && notices[0].contains("reading the notes directly"),
        "{}",
        notices[0]
    );
    // Once the writer is gone, the index catches up without a word.
    let after = corpus.run(Mode::Index, &["due", "--all", "--json"]);
    assert_eq!(
        (after.status, after.stdout.as_str(), after.stderr.as_str()),
        (0, expected.as_str(), "")
    );
}

#[test]
fn two_done_on_one_note_at_the_same_moment_both_land_and_the_index_agrees() {
    let corpus = Corpus::generated(80, 8);
    corpus.run(Mode::Index, &["due"]);
    let pairs: Vec<(String, Vec<String>)> = corpus
        .notes_with_commitments()
        .into_iter()
        .filter(|(note, _)| {
            let text = std::fs::read_to_string(corpus.file(note)).unwrap();
            text.matches("done: false").count() >= 2
        })
        .collect();
    assert!(!pairs.is_empty());
    for (note, _) in pairs.iter().take(3) {
        let text = std::fs::read_to_string(corpus.file(note)).unwrap();
        let open: Vec<String> = ids_in(&text)
            .into_iter()
            .filter(|id| {
                let block = &text[text.find(&format!("- id: {id}\n")).unwrap()..];
                block.lines().take(6).any(|line| line == "    done: false")
            })
            .collect();
        let children = [
            corpus.spawn(Mode::Index, &["done", &open[0]]),
            corpus.spawn(Mode::Index, &["done", &open[1]]),
        ];
        for child in children {
            let run = Run::from(child.wait_with_output().unwrap());
            assert_eq!(run.status, 0, "{}", run.stderr);
        }
        let text = std::fs::read_to_string(corpus.file(note)).unwrap();
        for id in &open[..2] {
            assert!(
                text.lines()
                    .any(|line| line.starts_with("- [x] ") && line.ends_with(&format!("`{id}`"))),
                "{id} not ticked:\n{text}"
            );
            let block = &text[text.find(&format!("- id: {id}\n")).unwrap()..];
            assert!(
                block
                    .lines()
                    .take(7)
                    .any(|line| line == "    closed: \"2026-12-01\""),
                "{id} not closed:\n{text}"
            );
        }
    }
    corpus.assert_agree(
        &[&["due", "--all", "--json"], &["due"], &["notes", "check"]],
        "two done at once",
    );
}

#[test]
fn coaches_building_the_index_at_once_all_answer_alike_without_errors() {
    let corpus = Corpus::fresh(150, 9);
    let expected = expected_due(&corpus);
    for round in ["a first build", "notes still racy"] {
        let children: Vec<Child> = (0..4)
            .map(|_| corpus.spawn(Mode::Index, &["due", "--all", "--json"]))
            .collect();
        for child in children {
            let run = Run::from(child.wait_with_output().unwrap());
            assert_eq!(
                (run.status, run.stdout.as_str()),
                (0, expected.as_str()),
                "{round}: {}",
                run.stderr
            );
            let noise: Vec<&str> = run
                .stderr
                .lines()
                .filter(|line| !line.starts_with("coach: notice: indexed the notes into "))
                .collect();
            assert!(noise.is_empty(), "{round}: {}", run.stderr);
        }
    }
    corpus.database();
}

#[test]
fn without_a_terminal_the_first_build_says_one_notice_and_the_next_run_nothing() {
    let corpus = Corpus::generated(600, 2);
    let first = corpus.run(Mode::Index, &["due"]);
    assert_eq!(first.status, 0);
    let database = corpus.database();
    assert_eq!(
        first.stderr,
        format!(
            "coach: notice: indexed the notes into {} (a cache: safe to delete)\n",
            database.display()
        )
    );
    let second = corpus.run(Mode::Index, &["due"]);
    assert_eq!((second.status, second.stderr.as_str()), (0, ""));
    assert_eq!(second.stdout, first.stdout);
}

#[test]
fn the_index_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let corpus = Corpus::generated(10, 1);
    corpus.run(Mode::Index, &["due"]);
    let database = corpus.database();
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&database), 0o600);
    assert_eq!(mode(database.parent().unwrap()), 0o700);
}

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

#[test]
fn a_debrief_into_an_indexed_archive_gets_unique_ids_that_done_then_finds() {
    let corpus = Corpus::generated(100, 12);
    corpus.run(Mode::Index, &["due"]);
    let before: Vec<String> = corpus
        .commitments()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect();
    let debrief = corpus.run(
        Mode::Index,
        &[
            "debrief",
            "--no-input",
            "--answers",
            &format!("{EXAMPLES}/debrief-answers.yaml"),
        ],
    );
    assert_eq!(debrief.status, 0, "{}", debrief.stderr);
    let noise: Vec<&str> = warnings(&debrief.stderr)
        .into_iter()
        .filter(|line| !line.starts_with("coach: wrote "))
        .collect();
    assert_eq!(noise, Vec::<&str>::new());
    let new: Vec<String> = corpus
        .commitments()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .filter(|id| !before.contains(id))
        .collect();
    // The example's two promises, its status-update date and its request.
    assert_eq!(new.len(), 4, "{new:?}");
    let check = corpus.run(Mode::Index, &["notes", "check"]);
    assert_eq!((check.status, check.stdout.as_str()), (0, ""));
    for id in &new {
        let done = corpus.run(Mode::Index, &["done", id]);
        assert_eq!(done.status, 0, "{}", done.stderr);
    }
    corpus.assert_agree(&[&["due", "--all", "--json"]], "a debrief and done");
    let connection = rusqlite::Connection::open(corpus.database()).unwrap();
    for id in &new {
        let rows: i64 = connection
            .query_row(
                "SELECT count(*) FROM commitments WHERE id = ?1 AND done = 1",
                [id],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(rows, 1, "{id} in the index");
    }
}

// The moment of creation is short: many rounds on a tiny archive give the
// races there (setting up the log, making the tables) a chance to show.
#[test]
fn coaches_creating_the_index_at_once_never_find_it_half_made() {
    let corpus = Corpus::fresh(12, 10);
    let expected = expected_due(&corpus);
    for round in 0..40 {
        if corpus.cache_dir().exists() {
            std::fs::remove_dir_all(corpus.cache_dir()).unwrap();
        }
        let children: Vec<Child> = (0..6)
            .map(|_| corpus.spawn(Mode::Index, &["due", "--all", "--json"]))
            .collect();
        for child in children {
            let run = Run::from(child.wait_with_output().unwrap());
            assert_eq!(
                (run.status, run.stdout.as_str()),
                (0, expected.as_str()),
                "round {round}: {}",
                run.stderr
            );
            let noise: Vec<&str> = run
                .stderr
                .lines()
                .filter(|line| !line.starts_with("coach: notice: indexed the notes into "))
                .collect();
            assert!(noise.is_empty(), "round {round}: {}", run.stderr);
        }
    }
}

#[test]
fn a_note_whose_name_is_not_utf8_reads_the_same_through_the_index() {
    use std::os::unix::ffi::OsStrExt;
    let corpus = Corpus::generated(20, 13);
    let (note, ids) = corpus.notes_with_commitments().remove(0);
    let folder = corpus.file(&note).parent().unwrap().to_path_buf();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9-by-hand.md");
    std::fs::rename(corpus.file(&note), folder.join(name)).unwrap();
    let commands: &[&[&str]] = &[&["due", "--all", "--json"], &["due"], &["notes", "check"]];
    corpus.assert_agree(commands, "the first build");
    let runs = corpus.assert_agree(commands, "a second run");
    let item: Vec<Value> = serde_json::from_str(&runs[0].stdout).unwrap();
    let item = item
        .iter()
        .find(|item| item["id"] == ids[0].as_str())
        .unwrap();
    assert!(
        item["note"].as_str().unwrap().ends_with("-by-hand.md"),
        "{item}"
    );
}

#[test]
fn an_index_that_cannot_be_made_is_passed_by_with_a_notice() {
    let corpus = Corpus::generated(20, 14);
    let expected = expected_due(&corpus);
    // The cache folder's place is taken by a file.
    std::fs::write(corpus.root().join("not-a-folder"), "").unwrap();
    let run = Run::from(
        corpus
            .command(TODAY, &["due", "--all", "--json"])
            .env("XDG_CACHE_HOME", corpus.root().join("not-a-folder"))
            .output()
            .unwrap(),
    );
    assert_eq!((run.status, run.stdout.as_str()), (0, expected.as_str()));
    let notices = notices(&run.stderr);
    assert_eq!(
        (notices.len(), warnings(&run.stderr).len()),
        (1, 0),
        "{}",
        run.stderr
    );
    assert!(
        notices[0].contains("reading the notes directly"),
        "{}",
        notices[0]
    );
}

#[test]
fn a_linked_note_counts_its_target_and_a_fifo_is_refused_unopened() {
    let corpus = Corpus::generated(10, 15);
    let folder = corpus.notes().join("linked");
    std::fs::create_dir(&folder).unwrap();
    let target = corpus.root().join("elsewhere.md");
    let note = |due: &str| {
        format!("---\ncoach: 1\nchecklist: debrief\ncustomer: Linked\nmeeting: null\ndate: \"2026-11-20\"\nanswers:\n  promises:\n  - id: c-linked01\n    what: Ship it\n    due: \"{due}\"\n    who: me\n    done: false\n---\n")
    };
    std::fs::write(&target, note("2026-12-05")).unwrap();
    set_modified(&target, SystemTime::now() - Duration::from_secs(3600));
    std::os::unix::fs::symlink(&target, folder.join("note.md")).unwrap();
    let fifo = std::ffi::CString::new(folder.join("pipe.md").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let args: &[&str] = &["due", "--customer", "Linked", "--json"];
    let first = corpus.run(Mode::Index, args);
    assert!(first.stdout.contains("2026-12-05"), "{}", first.stdout);
    assert!(
        first
            .stderr
            .contains("pipe.md:1: cannot read: it is a named pipe (FIFO)"),
        "{}",
        first.stderr
    );
    // The target changes; the link itself does not.
    std::fs::write(&target, note("2026-12-24")).unwrap();
    set_modified(&target, SystemTime::now() - Duration::from_secs(1800));
    let second = corpus.run(Mode::Index, args);
    assert!(second.stdout.contains("2026-12-24"), "{}", second.stdout);
    assert_eq!(second.stdout, corpus.run(Mode::NoIndexFlag, args).stdout);
}

#[test]
fn a_first_run_on_an_empty_notes_folder_says_nothing_of_the_index() {
    let dir = NotesDir::new("coach-index-empty");
    std::fs::create_dir_all(dir.notes()).unwrap();
    let first = dir.coach_on("2026-12-01", &["due"]);
    assert_eq!(first.status, 1, "nothing is due: {}", first.stderr);
    assert_eq!(first.stderr, "", "a new user's first command");
    // The index exists from then on, and takes the first note in quietly.
    dir.write(
        "acme/2026-12-01-prep.md",
        "---\ncoach: 1\nchecklist: prep\ncustomer: Acme\ndate: \"2026-12-01\"\nanswers: {}\n---\n",
    );
    let second = dir.coach_on("2026-12-01", &["customers"]);
    assert_eq!(second.status, 0, "{}", second.stderr);
    assert_eq!(second.stderr, "");
    assert!(second.stdout.contains("Acme"), "{}", second.stdout);
}
