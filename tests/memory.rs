//! The memory commands read the notes back: `coach due` and `coach notes
//! check`, on notes written by `coach prep`/`debrief`, on a generated
//! archive, and after the hand edits people make.

use std::path::Path;
use std::process::Command;

use crate::support::notes_dir::{NotesDir, Run};

#[allow(dead_code)]
#[path = "../examples/generate_notes.rs"]
pub(crate) mod generate_notes;

/// One archive, kept across runs so that edits between them can be seen.
struct Archive(NotesDir);

impl std::ops::Deref for Archive {
    type Target = NotesDir;
    fn deref(&self) -> &NotesDir {
        &self.0
    }
}

impl Archive {
    fn new() -> Self {
        Archive(NotesDir::new("coach-memory"))
    }

    /// `coach --notes-dir notes --today 2026-12-03 ARGS`.
    #[track_caller]
    fn coach(&self, args: &[&str]) -> Run {
        self.coach_on("2026-12-03", args)
    }

    /// The prep and debrief of examples/ written by coach itself, without
    /// the answers that promise by pack key: two commitments, ours due
    /// 2026-12-05 and Dana Lee's due 2026-12-08.
    fn with_example_notes(self) -> Self {
        for (walk, answers) in [
            ("prep", "prep-answers.yaml"),
            ("debrief", "debrief-answers.yaml"),
        ] {
            let answers = self.example_without_pack_key_promises(answers);
            let run = self.coach(&[walk, "--no-input", "--answers", &answers]);
            assert_eq!(run.status, 0, "{}", run.stderr);
        }
        self
    }

    fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} lacks {from:?}:\n{text}");
        std::fs::write(self.notes().join(relative), text.replacen(from, to, 1)).unwrap();
    }
}

const DEBRIEF: &str = "northwind-traders/2026-12-01-pilot-kickoff-debrief.md";

/// A note with the given commitments (`what|due|who|done`), in the format.
fn note(customer: &str, date: &str, commitments: &[(&str, &str, &str, &str, bool)]) -> String {
    let mut front = format!(
        "---\ncoach: 1\nchecklist: debrief\ncustomer: {customer}\nmeeting: null\ndate: \"{date}\"\nanswers:\n  promises:\n"
    );
    let mut body = String::from("\n## Commitments\n\n");
    for (id, what, due, who, done) in commitments {
        front += &format!("  - id: {id}\n    what: {what}\n    due: \"{due}\"\n    who: {who}\n    done: {done}\n");
        let mark = if *done { "x" } else { " " };
        body += &format!("- [{mark}] {what} (due {due}, {who}) `{id}`\n");
    }
    format!("{front}---\n{body}")
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn due_lists_the_promises_of_a_written_debrief_grouped_and_aligned() {
    let archive = Archive::new().with_example_notes();
    let run = archive.coach(&["due"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let listed = lines(&run.stdout);
    assert_eq!(listed[0], "Next 7 days", "{}", run.stdout);
    assert!(
        listed[1].contains(
            "2026-12-05  in 2 days  Northwind Traders  Send the sized ERP integration plan"
        ),
        "{}",
        run.stdout
    );
    assert!(listed[1].trim_end().ends_with("  me"), "{}", run.stdout);
    assert!(listed[2].contains("2026-12-08  in 5 days  Northwind Traders  Share last year's picking accuracy figures  Dana Lee"), "{}", run.stdout);
    assert_eq!(listed.len(), 3);
    // The columns line up: the customer starts at the same place.
    assert_eq!(listed[1].find("Northwind"), listed[2].find("Northwind"));
    assert!(!run.stdout.contains('\u{1b}'), "plain when not a terminal");
}

#[test]
fn due_groups_overdue_today_next_week_later_and_no_date() {
    let archive = Archive::new();
    archive.write(
        "acme/2026-11-01-debrief.md",
        &note(
            "Acme",
            "2026-11-01",
            &[
                ("c-aaaaaa", "Late one", "2026-11-30", "me", false),
                ("c-bbbbbb", "Today one", "2026-12-03", "me", false),
                ("c-cccccc", "Soon one", "2026-12-10", "me", false),
                ("c-dddddd", "Later one", "2027-01-10", "me", false),
            ],
        ),
    );
    archive.write(
        "acme/2026-11-02-debrief.md",
        "---\ncoach: 1\nchecklist: debrief\ncustomer: Acme\ndate: \"2026-11-02\"\nanswers:\n  promises:\n  - id: c-eeeeee\n    what: Undated one\n    who: me\n    done: false\n---\n",
    );
    let run = archive.coach(&["due"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let headings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| !line.starts_with(' ') && !line.is_empty())
        .collect();
    assert_eq!(
        headings,
        ["Overdue", "Today", "Next 7 days", "Later", "No date"]
    );
    assert!(run.stdout.contains("3 days overdue"), "{}", run.stdout);
    assert!(run.stdout.contains("c-eeeeee"), "{}", run.stdout);
    let overdue = archive.coach(&["due", "--overdue", "--color", "always"]);
    assert_eq!(overdue.status, 0);
    assert!(
        overdue.stdout.contains("\u{1b}[31m"),
        "overdue is red: {:?}",
        overdue.stdout
    );
    assert!(overdue.stdout.contains("Late one") && !overdue.stdout.contains("Today one"));
    let within = archive.coach(&["due", "--within", "7d", "--jsonl"]);
    let ids: Vec<&str> = within.stdout.lines().map(|line| &line[7..15]).collect();
    assert_eq!(
        ids,
        ["c-aaaaaa", "c-bbbbbb", "c-cccccc"],
        "{}",
        within.stdout
    );
    let bad = archive.coach(&["due", "--within", "soon"]);
    assert_eq!(bad.status, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("--within `soon`"), "{}", bad.stderr);
}

#[test]
fn mine_and_theirs_follow_who_and_the_names_under_me_in_the_config() {
    let archive = Archive::new().with_example_notes();
    let mine = archive.coach(&["due", "--mine", "--format", "todo.txt"]);
    let prefix =
        "2026-12-01 Send the sized ERP integration plan +northwind-traders due:2026-12-05 id:c-";
    assert!(mine.stdout.starts_with(prefix), "{}", mine.stdout);
    assert_eq!(
        mine.stdout.len(),
        prefix.len() + 8 + 1,
        "an 8-character id: {}",
        mine.stdout
    );
    assert_eq!(mine.stdout.lines().count(), 1);
    let theirs = archive.coach(&["due", "--theirs", "--count"]);
    assert_eq!((theirs.status, theirs.stdout.as_str()), (0, "1\n"));
    std::fs::create_dir_all(archive.root().join("config/coach")).unwrap();
    std::fs::write(
        archive.root().join("config/coach/config.yaml"),
        "me: [dana lee]\n",
    )
    .unwrap();
    let theirs = archive.coach(&["due", "--theirs", "--count"]);
    assert_eq!(
        (theirs.status, theirs.stdout.as_str()),
        (1, "0\n"),
        "{}",
        theirs.stderr
    );
    std::fs::write(archive.root().join("config/coach/config.yaml"), "me: 3\n").unwrap();
    let bad = archive.coach(&["due"]);
    assert_eq!(bad.status, 2);
    assert!(
        bad.stderr
            .contains("`me` must be a name or a list of names, not `3`"),
        "{}",
        bad.stderr
    );
}

#[test]
fn customer_filter_ignores_case_and_suggests_a_near_miss() {
    let archive = Archive::new().with_example_notes();
    let run = archive.coach(&["due", "--customer", "NORTHWIND traders", "--count"]);
    assert_eq!((run.status, run.stdout.as_str()), (0, "2\n"));
    let run = archive.coach(&["due", "--customer", "northwind-traders", "--count"]);
    assert_eq!(run.stdout, "2\n", "the folder's name works too");
    let run = archive.coach(&["due", "--customer", "Northwnd Traders"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("did you mean `Northwind Traders`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn script_outputs_are_one_json_array_json_lines_a_count_or_nothing() {
    let archive = Archive::new().with_example_notes();
    let json = archive.coach(&["due", "--json"]);
    let items: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["what"], "Send the sized ERP integration plan");
    assert_eq!(items[0]["side"], "ours");
    assert_eq!(items[0]["days"], 2);
    assert_eq!(items[1]["side"], "theirs");
    assert_eq!(items[1]["note"], format!("notes/{DEBRIEF}"));
    let jsonl = archive.coach(&["due", "--jsonl"]);
    let each: Vec<serde_json::Value> = jsonl
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(&each, items);
    let quiet = archive.coach(&["due", "--quiet"]);
    assert_eq!((quiet.status, quiet.stdout.as_str()), (0, ""));
    let quiet = archive.coach(&["due", "--quiet", "--overdue"]);
    assert_eq!((quiet.status, quiet.stdout.as_str()), (1, ""));
    let count = archive.coach(&["due", "--count", "--overdue"]);
    assert_eq!((count.status, count.stdout.as_str()), (1, "0\n"));
}

#[test]
fn nothing_due_exits_1_like_grep_and_a_missing_notes_folder_is_nothing_due() {
    let archive = Archive::new();
    let run = archive.coach(&["due"]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (1, "", "")
    );
    let run = archive.coach(&["due", "--json"]);
    assert_eq!((run.status, run.stdout.as_str()), (1, "[]\n"));
}

#[test]
fn all_lists_done_promises_with_their_closing_date() {
    let archive = Archive::new().with_example_notes();
    archive.edit(
        DEBRIEF,
        "    who: me\n    done: false\n",
        "    who: me\n    done: true\n    closed: \"2026-12-02\"\n",
    );
    let open = archive.coach(&["due", "--count"]);
    assert_eq!(open.stdout, "1\n");
    let all = archive.coach(&["due", "--all"]);
    assert!(all.stdout.contains("Done\n"), "{}", all.stdout);
    assert!(all.stdout.contains("closed 2026-12-02"), "{}", all.stdout);
    let todo = archive.coach(&["due", "--all", "--format", "todo.txt"]);
    assert!(
        todo.stdout
            .contains("x 2026-12-02 2026-12-01 Send the sized"),
        "{}",
        todo.stdout
    );
}

#[test]
fn hand_edits_show_up_at_the_next_run() {
    let archive = Archive::new().with_example_notes();
    // A changed due date.
    archive.edit(DEBRIEF, "due: \"2026-12-05\"", "due: \"2026-11-29\"");
    let run = archive.coach(&["due"]);
    assert!(run.stdout.starts_with("Overdue\n"), "{}", run.stdout);
    assert!(run.stdout.contains("4 days overdue"), "{}", run.stdout);
    // A deleted commitment.
    let text = archive.read(DEBRIEF);
    let start = text.find("  - id: c-").unwrap();
    let end = start + text[start..].find("    done: false\n").unwrap() + "    done: false\n".len();
    std::fs::write(
        archive.notes().join(DEBRIEF),
        format!("{}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    assert_eq!(archive.coach(&["due", "--count"]).stdout, "1\n");
    // Renamed, then moved to another customer's folder.
    let renamed = "northwind-traders/kickoff.md";
    std::fs::rename(archive.notes().join(DEBRIEF), archive.notes().join(renamed)).unwrap();
    let run = archive.coach(&["due", "--json"]);
    assert!(run.stdout.contains(renamed), "{}", run.stdout);
    std::fs::create_dir_all(archive.notes().join("contoso/2026")).unwrap();
    std::fs::rename(
        archive.notes().join(renamed),
        archive.notes().join("contoso/2026/kickoff.md"),
    )
    .unwrap();
    let run = archive.coach(&["due", "--format", "todo.txt"]);
    assert!(
        run.stdout.contains("+contoso due:2026-12-08"),
        "{}",
        run.stdout
    );
    // Deleted.
    std::fs::remove_file(archive.notes().join("contoso/2026/kickoff.md")).unwrap();
    assert_eq!(archive.coach(&["due", "--count"]).status, 1);
}

#[test]
fn one_unreadable_note_is_one_warning_and_never_hides_the_rest() {
    let archive = Archive::new().with_example_notes();
    archive.write("acme/broken.md", "---\ncoach: 1\ncustomer: [Acme\n---\n");
    archive.write(
        "acme/missing.md",
        "---\ncoach: 1\nchecklist: prep\ndate: \"2026-12-01\"\n---\n",
    );
    archive.write("acme/readme.md", "# Just markdown\n");
    let run = archive.coach(&["due", "--count"]);
    assert_eq!(
        (run.status, run.stdout.as_str()),
        (0, "2\n"),
        "{}",
        run.stderr
    );
    let warnings = lines(&run.stderr);
    assert_eq!(warnings.len(), 3, "{}", run.stderr);
    assert!(
        warnings[0].starts_with("coach: warning: notes/acme/broken.md:4: invalid YAML"),
        "{}",
        run.stderr
    );
    assert_eq!(
        warnings[1],
        "coach: warning: notes/acme/missing.md:2: the field `customer:` is missing"
    );
    assert!(
        warnings[2].starts_with("coach: warning: notes/acme/readme.md:1: no front matter"),
        "{}",
        run.stderr
    );
}

#[test]
fn drafts_dot_files_writes_under_way_other_files_and_linked_folders_are_not_read() {
    let archive = Archive::new().with_example_notes();
    let copy = archive.read(DEBRIEF);
    for ignored in [
        ".drafts/debrief.md",
        ".hidden/x.md",
        "acme/.x.md",
        "acme/.coach-1.tmp",
        "acme/x.txt",
        "acme/x.md.bak",
    ] {
        archive.write(ignored, &copy);
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        archive.notes().join("northwind-traders"),
        archive.notes().join("linked"),
    )
    .unwrap();
    let run = archive.coach(&["due", "--count"]);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("2\n", ""));
    let check = archive.coach(&["notes", "check"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_note_is_unreadable_and_never_waited_on() {
    let archive = Archive::new().with_example_notes();
    let fifo = archive.notes().join("northwind-traders/x.md");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    // Output() waits for coach: a read of the FIFO would hang this test.
    let run = archive.coach(&["due", "--count"]);
    assert_eq!(run.stdout, "2\n");
    assert!(
        run.stderr
            .contains("x.md:1: cannot read: it is a named pipe (FIFO)"),
        "{}",
        run.stderr
    );
    let check = archive.coach(&["notes", "check"]);
    assert_eq!(check.status, 1);
    assert!(
        check.stdout.contains("x.md:1: cannot read"),
        "{}",
        check.stdout
    );
}

#[test]
fn notes_check_is_clean_on_written_notes_and_exits_0() {
    let archive = Archive::new().with_example_notes();
    let run = archive.coach(&["notes", "check"]);
    assert_eq!((run.status, run.stdout.as_str()), (0, ""));
    assert_eq!(run.stderr, "coach: 2 notes read, no problems\n");
}

#[test]
fn notes_check_lists_unreadable_notes_duplicate_ids_and_disagreeing_task_lines() {
    let archive = Archive::new();
    archive.write(
        "acme/a.md",
        &note(
            "Acme",
            "2026-11-01",
            &[("c-aaaaaa", "One", "2026-12-01", "me", false)],
        ),
    );
    archive.write(
        "acme/b.md",
        &note(
            "Acme",
            "2026-11-02",
            &[("c-aaaaaa", "Two", "2026-12-01", "me", false)],
        ),
    );
    let ticked = note(
        "Acme",
        "2026-11-03",
        &[("c-cccccc", "Three", "2026-12-01", "me", false)],
    )
    .replace("- [ ] Three", "- [x] Three");
    archive.write("acme/c.md", &ticked);
    archive.write("acme/d.md", "---\ncoach: 1\n");
    let run = archive.coach(&["notes", "check"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(
        lines(&run.stdout),
        [
            "notes/acme/b.md:9: commitment id `c-aaaaaa` is also used in notes/acme/a.md:9",
            "notes/acme/c.md:9: commitment `c-cccccc`: line 18: the task line of `c-cccccc` disagrees with its `done: false` in the front matter; make them agree by hand",
            "notes/acme/d.md:1: the front matter is not closed by a `---` line",
        ]
    );
    assert_eq!(run.stderr, "coach: 3 problems in 4 notes (3 read)\n");
}

#[test]
fn a_generated_archive_reads_clean_and_every_output_agrees() {
    let archive = Archive::new();
    let args: Vec<String> = [
        "500".to_string(),
        archive.notes().display().to_string(),
        "--seed".into(),
        "3".into(),
    ]
    .into();
    generate_notes::run(&args).expect("the generator runs");
    let check = archive.coach(&["notes", "check"]);
    assert_eq!(
        (check.status, check.stdout.as_str()),
        (0, ""),
        "{}",
        check.stderr
    );
    assert_eq!(check.stderr, "coach: 500 notes read, no problems\n");
    let count: usize = archive
        .coach(&["due", "--count"])
        .stdout
        .trim()
        .parse()
        .unwrap();
    assert!(count > 0);
    let json: serde_json::Value =
        serde_json::from_str(&archive.coach(&["due", "--json"]).stdout).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), count);
    assert!(items.iter().all(|item| item["done"] == false));
    assert!(
        items.iter().any(|item| item["days"].as_i64() < Some(0)),
        "some are overdue"
    );
    let mine: usize = archive
        .coach(&["due", "--mine", "--count"])
        .stdout
        .trim()
        .parse()
        .unwrap();
    let theirs: usize = archive
        .coach(&["due", "--theirs", "--count"])
        .stdout
        .trim()
        .parse()
        .unwrap();
    assert!(mine > 0 && theirs > 0);
    assert_eq!(mine + theirs, count);
    let todo = archive.coach(&["due", "--format", "todo.txt"]);
    assert_eq!(todo.stdout.lines().count(), count);
    let all: usize = archive
        .coach(&["due", "--all", "--count"])
        .stdout
        .trim()
        .parse()
        .unwrap();
    assert!(all > count, "some are done");
    let human = archive.coach(&["due"]);
    assert_eq!(
        human
            .stdout
            .lines()
            .filter(|line| line.starts_with("  c-"))
            .count(),
        count
    );
}

#[test]
fn the_generator_writes_the_same_archive_for_the_same_seed() {
    let first = Archive::new();
    let second = Archive::new();
    for archive in [&first, &second] {
        let args = vec!["60".to_string(), archive.notes().display().to_string()];
        generate_notes::run(&args).unwrap();
    }
    let listing = |archive: &Archive| {
        let mut files: Vec<(String, String)> = Vec::new();
        for folder in std::fs::read_dir(archive.notes()).unwrap() {
            for file in std::fs::read_dir(folder.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                let name = path
                    .strip_prefix(archive.notes())
                    .unwrap()
                    .display()
                    .to_string();
                files.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
        files.sort();
        files
    };
    let files = listing(&first);
    assert_eq!(files.len(), 60 + 2, "60 notes and 2 `.customer` files");
    assert_eq!(files, listing(&second));
}

// Regression: one note in about 36 was dated up to 20 days after the day the
// corpus is meant to be read on, and some promises closed after it.
#[test]
fn no_generated_note_is_dated_created_or_closed_after_the_generators_today() {
    let archive = Archive::new();
    let args = vec!["2000".to_string(), archive.notes().display().to_string()];
    generate_notes::run(&args).unwrap();
    let (year, month, day) = generate_notes::TODAY;
    let today = format!("{year:04}-{month:02}-{day:02}");
    let mut seen = 0;
    for path in walk_files(&archive.notes()) {
        let text = std::fs::read_to_string(&path).unwrap();
        let front = text.split("---\n").nth(1).unwrap();
        for line in front.lines() {
            let line = line.trim_start();
            let Some((key, value)) = line.split_once(": ") else {
                continue;
            };
            if !["date", "created", "closed"].contains(&key) {
                continue;
            }
            seen += 1;
            let date = &value.trim_matches('"')[..10];
            assert!(
                date <= today.as_str(),
                "{}: `{line}` is after {today}",
                path.display()
            );
        }
    }
    assert!(seen > 4000, "{seen} dates read");
}

#[test]
fn a_notes_folder_that_is_a_file_is_an_error_exit_2_for_due_and_1_for_check() {
    let archive = Archive::new();
    std::fs::write(archive.notes(), "not a folder").unwrap();
    let run = archive.coach(&["due"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("coach: error: cannot read the notes folder notes: "),
        "{}",
        run.stderr
    );
    let run = archive.coach(&["notes", "check"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
}

#[test]
fn a_single_name_under_me_is_ours_and_a_bad_today_is_a_usage_error() {
    let archive = Archive::new().with_example_notes();
    std::fs::create_dir_all(archive.root().join("config/coach")).unwrap();
    std::fs::write(
        archive.root().join("config/coach/config.yaml"),
        "me: Dana Lee\n",
    )
    .unwrap();
    let run = archive.coach(&["due", "--mine", "--count"]);
    assert_eq!(run.stdout, "2\n", "{}", run.stderr);
    crate::support::Test::new()
        .args(["--today", "someday", "due"])
        .run()
        .status(2)
        .stderr_has("--today: `someday` is not a date");
}

/// The generator writes answers the walks accept: fed back (header and
/// answers, without `closed`, which only `coach done` writes), each kind of
/// generated note walks again without a problem.
#[test]
fn generated_notes_hold_answers_the_walks_accept() {
    let archive = Archive::new();
    let args = vec!["60".to_string(), archive.notes().display().to_string()];
    generate_notes::run(&args).unwrap();
    for checklist in ["prep", "debrief", "review"] {
        let note = walk_files(&archive.notes())
            .into_iter()
            .map(|path| std::fs::read_to_string(path).unwrap())
            .find(|text| text.contains(&format!("\nchecklist: {checklist}\n")))
            .unwrap_or_else(|| panic!("no generated {checklist} note"));
        let front = note.split("---\n").nth(1).unwrap();
        let front: serde_yaml::Value = serde_yaml::from_str(front).unwrap();
        let mut answers = front["answers"].as_mapping().unwrap().clone();
        for header in ["customer", "meeting", "date"] {
            // The review asks no meeting title (`meeting: false`).
            if header == "meeting" && checklist == "review" {
                continue;
            }
            answers.insert(header.into(), front[header].clone());
        }
        if let Some(serde_yaml::Value::Sequence(promises)) = answers.get_mut("promises") {
            for promise in promises {
                promise.as_mapping_mut().unwrap().remove("closed");
            }
        }
        let file = archive.root().join(format!("{checklist}.yaml"));
        std::fs::write(&file, serde_yaml::to_string(&answers).unwrap()).unwrap();
        let run = archive.coach(&[
            "walk",
            checklist,
            "--no-input",
            "--output",
            "-",
            "--answers",
            file.to_str().unwrap(),
        ]);
        assert_eq!(run.status, 0, "{checklist}: {}", run.stderr);
    }
}

fn walk_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
    files.sort();
    files
}

// Regression: a note whose file name is not UTF-8 was skipped without a word.
#[cfg(unix)]
#[test]
fn a_note_whose_name_is_not_utf8_is_still_read() {
    use std::os::unix::ffi::OsStrExt;
    let archive = Archive::new().with_example_notes();
    let folder = archive.notes().join("northwind-traders");
    let original = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|ext| ext == "md"))
        .unwrap();
    let before = archive.coach(&["notes", "check"]).stderr;
    let due_before = archive.coach(&["due", "--all", "--count"]).stdout;
    let odd = folder.join(std::ffi::OsStr::from_bytes(b"caf\xe9.md"));
    std::fs::rename(&original, &odd).unwrap();
    assert_eq!(archive.coach(&["notes", "check"]).stderr, before);
    assert_eq!(
        archive.coach(&["due", "--all", "--count"]).stdout,
        due_before
    );
}

// Regression: `notes check` read task lines by rules of its own and passed
// notes that `coach done` then refused (text after the id on a ticked line; a
// commitment moved to another note without its task line).
#[test]
fn notes_check_reports_what_done_would_refuse() {
    let archive = Archive::new();
    let text_after = note(
        "Acme",
        "2026-11-03",
        &[("c-dddddd", "Four", "2026-12-01", "me", false)],
    )
    .replace("`c-dddddd`", "`c-dddddd` (sent a draft)")
    .replace("- [ ] Four", "- [x] Four");
    archive.write("acme/e.md", &text_after);
    let without_task = note(
        "Acme",
        "2026-11-04",
        &[("c-eeeeee", "Five", "2026-12-01", "me", false)],
    );
    let cut = without_task.find("- [ ] Five").unwrap();
    archive.write("acme/f.md", &without_task[..cut]);
    let run = archive.coach(&["notes", "check"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let found = lines(&run.stdout);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("notes/acme/e.md:9: commitment `c-dddddd`"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("notes/acme/f.md:9: commitment `c-eeeeee`"),
        "{found:?}"
    );
    for id in ["c-dddddd", "c-eeeeee"] {
        let done = archive.coach(&["done", id]);
        assert_eq!(
            done.status, 1,
            "`done` refuses what `notes check` reports: {}",
            done.stderr
        );
    }
}

// Regression: a commitment whose `what:` line was deleted by hand vanished
// from every command without a word.
#[test]
fn a_commitment_without_what_is_still_listed_and_named_by_notes_check() {
    let archive = Archive::new();
    let text = note(
        "Acme",
        "2026-11-03",
        &[("c-ffffff", "Six", "2026-12-01", "me", false)],
    )
    .replace("    what: Six\n", "");
    archive.write("acme/g.md", &text);
    let due = archive.coach(&["due", "--count"]);
    assert_eq!(due.stdout.trim(), "1", "{}", due.stderr);
    let run = archive.coach(&["notes", "check"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("commitment `c-ffffff` has no `what:`"),
        "{}",
        run.stdout
    );
}

// Regression: a commitment deleted from the front matter by hand left its
// task line behind, and `notes check` said nothing about it.
#[test]
fn notes_check_names_a_task_line_whose_commitment_is_gone_from_the_front_matter() {
    let archive = Archive::new();
    let text = note(
        "Acme",
        "2026-11-03",
        &[
            ("c-gggggg", "Seven", "2026-12-01", "me", false),
            ("c-hhhhhh", "Eight", "2026-12-02", "me", false),
        ],
    )
    .replace(
        "  - id: c-hhhhhh\n    what: Eight\n    due: \"2026-12-02\"\n    who: me\n    done: false\n",
        "",
    );
    archive.write("acme/h.md", &text);
    let run = archive.coach(&["notes", "check"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(
        lines(&run.stdout),
        ["notes/acme/h.md:19: the task line for `c-hhhhhh` has no commitment in the front matter; add the commitment back under `answers:` or delete the task line"]
    );
    assert_eq!(run.stderr, "coach: 1 problem in 1 note (1 read)\n");
}
