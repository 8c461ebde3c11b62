//! What a person gave survives an output that fails, a draft folder that is
//! not what it seems and a broken draft; and every odd input gets one line
//! that names the thing and the fix.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{isolate, Test, BIN};

const DRAFT: &str = "notes/.drafts/prep-20261201-110000.yaml";

/// `coach ARGS` in `root` with its standard output sent where the shell
/// redirection `redirect` (`>/dev/full`, `>&-`) sends it.
fn with_stdout(root: &Path, redirect: &str, args: &[&str]) -> (i32, String) {
    let mut command = Command::new("sh");
    isolate(&mut command, root);
    let output = command
        .args(["-c", &format!("exec \"$0\" \"$@\" {redirect}"), BIN])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("sh runs coach");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_ne!(output.status.code(), Some(101), "coach panicked:\n{stderr}");
    (output.status.code().unwrap_or(-1), stderr)
}

fn with_a_draft() -> Test {
    Test::new().write(DRAFT, "customer: Acme\ngoal: Agree\n")
}

#[test]
fn a_resumed_draft_is_kept_when_standard_output_cannot_take_the_note() {
    let test = with_a_draft();
    let (status, stderr) = with_stdout(
        test.path(),
        ">/dev/full",
        &["prep", "--notes-dir", "notes", "--resume", "--output", "-"],
    );
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("coach: error: cannot write to standard output: "),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "the answers are kept as a draft in {}",
            Path::new("notes/.drafts/prep-20261201-110000.yaml").display()
        )),
        "{stderr}"
    );
    assert!(test.path().join(DRAFT).exists(), "the draft was deleted");
}

#[test]
fn a_resumed_draft_is_kept_when_the_path_of_the_note_cannot_be_printed() {
    let test = with_a_draft();
    let (status, stderr) = with_stdout(
        test.path(),
        ">/dev/full",
        &["prep", "--notes-dir", "notes", "--resume", "--print-path"],
    );
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("coach: the note was written to notes/acme/"),
        "{stderr}"
    );
    assert!(test.path().join(DRAFT).exists(), "the draft was deleted");
}

#[test]
fn a_delivered_note_removes_the_draft_it_resumed() {
    let output = with_a_draft()
        .args(["prep", "--notes-dir", "notes", "--resume", "--output", "-"])
        .run()
        .status(0)
        .stdout_has("goal: Agree");
    assert!(!output.dir.join(DRAFT).exists(), "the draft is left behind");
}

// A closed stdout and /dev/null opened read-write (Python's DEVNULL, a
// daemon) look the same: only a note meant for stdout is refused, never a
// note written to a file or a listing a script chose to drop.
#[test]
fn only_a_note_meant_for_a_closed_standard_output_is_refused() {
    let test = Test::new();
    let walk = [
        "prep",
        "--notes-dir",
        "notes",
        "--defaults",
        "--set",
        "goal=Agree",
        "--customer",
        "Acme",
    ];
    let (status, stderr) = with_stdout(
        test.path(),
        ">&-",
        &[&walk[..], &["--output", "-"]].concat(),
    );
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("coach: error: cannot write to standard output: it was closed"),
        "{stderr}"
    );
    assert!(
        !test.path().join("notes/acme").exists(),
        "nothing was written"
    );
    let (status, stderr) = with_stdout(
        test.path(),
        "1<>/dev/null",
        &[&walk[..], &["--json"]].concat(),
    );
    assert_eq!(status, 0, "{stderr}");
    assert!(test.path().join("notes/acme").is_dir(), "{stderr}");
    for args in [
        &["patterns", "check"][..],
        &["patterns", "list"],
        &["questions", "prep"],
    ] {
        let (status, stderr) = with_stdout(test.path(), "1<>/dev/null", args);
        assert_eq!(status, 0, "coach {args:?}: {stderr}");
    }
}

#[test]
fn only_a_debrief_links_the_prep_note_of_its_meeting() {
    let test = Test::new();
    let coach = |walk: &[&str], more: &[&str]| {
        let mut command = Command::new(BIN);
        isolate(&mut command, test.path());
        let output = command
            .args(walk)
            .args([
                "--notes-dir",
                "notes",
                "--date",
                "2026-12-01",
                "--customer",
                "X",
            ])
            .args(more)
            .stdin(Stdio::null())
            .output()
            .expect("coach runs");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(0), "{walk:?}: {stderr}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    coach(&["prep"], &["--defaults", "--set", "goal=Agree"]);
    assert!(test.path().join("notes/x/2026-12-01-prep.md").exists());

    let review = coach(&["walk", "review"], &["--set", "health=3", "--output", "-"]);
    assert!(!review.contains("\nprep:"), "{review}");
    assert!(!review.contains("Prepared in"), "{review}");
    let debrief = coach(
        &["debrief"],
        &["--defaults", "--set", "overall=3", "--output", "-"],
    );
    let link = debrief.lines().find(|line| line.starts_with("prep: "));
    assert!(
        link.is_some_and(|line| line.contains("2026-12-01-prep.md")),
        "{debrief}"
    );
    assert!(debrief.contains("Prepared in"), "{debrief}");
}

#[test]
fn resume_never_reads_or_deletes_drafts_through_a_linked_drafts_folder() {
    let test = Test::new().write(
        "elsewhere/prep-20261201-110000.yaml",
        "customer: Acme\ngoal: Agree\n",
    );
    std::fs::create_dir_all(test.path().join("notes")).unwrap();
    std::os::unix::fs::symlink(
        test.path().join("elsewhere"),
        test.path().join("notes/.drafts"),
    )
    .unwrap();
    let output = test
        .args(["prep", "--notes-dir", "notes", "--resume", "--output", "-"])
        .run()
        .status(2);
    output.stderr_line(
        "coach: error: notes/.drafts is a symbolic link, and coach never reads or deletes drafts through one",
    );
    output.stderr_line("coach: hint: replace it with a folder");
    assert_eq!(output.stdout, "", "the linked draft was read");
    assert!(output
        .dir
        .join("elsewhere/prep-20261201-110000.yaml")
        .exists());
}

#[test]
fn a_broken_newest_draft_is_named_with_the_way_out() {
    for (what, make) in [
        ("bad YAML", "customer: [\n"),
        ("an unknown question", "customer: Acme\nbogus: 1\n"),
        ("a folder", ""),
    ] {
        let test = Test::new();
        let draft = test.path().join(DRAFT);
        std::fs::create_dir_all(draft.parent().unwrap()).unwrap();
        if what == "a folder" {
            std::fs::create_dir(&draft).unwrap();
        } else {
            std::fs::write(&draft, make).unwrap();
        }
        let output = test
            .args(["prep", "--notes-dir", "notes", "--resume", "--output", "-"])
            .run()
            .status(2);
        let moved = format!("mv {DRAFT} {DRAFT}.bad");
        assert!(
            output.stderr.contains(&moved) && output.stderr.contains(DRAFT),
            "{what}: {}",
            output.stderr
        );
    }
}

#[test]
fn a_socket_where_an_answers_file_belongs_is_named_a_socket() {
    let test = Test::new().args(["prep", "--notes-dir", "notes", "--answers", "answers.yaml"]);
    let _listener =
        std::os::unix::net::UnixListener::bind(test.path().join("answers.yaml")).expect("a socket");
    test.run()
        .status(1)
        .stderr_line("cannot read answers.yaml: it is a socket, not a regular file");
}

#[test]
fn a_fifo_named_like_a_pack_file_is_named_a_fifo() {
    let test = Test::new().args(["--no-builtin", "--patterns", "pack", "patterns", "list"]);
    std::fs::create_dir_all(test.path().join("pack")).unwrap();
    let made = Command::new("mkfifo")
        .arg(test.path().join("pack/a.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let output = test.run().status(1);
    output.stderr_line("pack/a.yaml: it is a named pipe (FIFO), not a regular file");
    assert!(!output.stderr.contains("no *.yaml"), "{}", output.stderr);
}

#[test]
fn answers_that_reach_no_note_no_draft_and_no_stdout_go_to_stderr() {
    // A file where the customer folder and the drafts folder belong.
    let test = Test::new()
        .write("notes/acme", "")
        .write("notes/.drafts", "");
    let (status, stderr) = with_stdout(
        test.path(),
        ">/dev/full",
        &[
            "prep",
            "--notes-dir",
            "notes",
            "--customer",
            "Acme",
            "--set",
            "goal=Agree on the pilot",
            "--defaults",
        ],
    );
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("coach: error: cannot write the note "),
        "{stderr}"
    );
    assert!(
        stderr.contains("the note could not be printed to standard output either"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the answers so far were printed to standard error as an answers file"),
        "{stderr}"
    );
    assert!(stderr.contains("\ngoal: Agree on the pilot\n"), "{stderr}");
}
