//! Notes shared through git (issue 11, section 4): with `--git` or `git:
//! commit`, each note and each edit is one commit; two people on clones
//! of one repository pull and push both ways without a conflict, and
//! `coach due` agrees in both.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::{isolate, BIN};

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `coach --notes-dir NOTES --today TODAY ARGS` as `person`, committing.
fn coach(root: &Path, notes: &Path, today: &str, args: &[&str]) -> (String, String) {
    let mut command = Command::new(BIN);
    isolate(&mut command, root);
    let output = command
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("XDG_CACHE_HOME", root.join("cache"))
        .arg("--notes-dir")
        .arg(notes)
        .args(["--today", today, "--git"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?}: {stderr}");
    (String::from_utf8_lossy(&output.stdout).into_owned(), stderr)
}

fn walk(
    root: &Path,
    notes: &Path,
    date: &str,
    checklist: &str,
    customer: &str,
    set: &[&str],
) -> Value {
    let mut args = vec![
        checklist,
        "--customer",
        customer,
        "--meeting",
        "Kickoff",
        "--date",
        date,
        "--defaults",
        "--json",
    ];
    for answer in set {
        args.extend(["--set", answer]);
    }
    let (stdout, _) = coach(root, notes, date, &args);
    serde_json::from_str(&stdout).unwrap()
}

fn subjects(dir: &Path) -> Vec<String> {
    git(dir, &["log", "--format=%s"])
        .lines()
        .map(str::to_string)
        .collect()
}

fn open_ids(root: &Path, notes: &Path) -> Vec<String> {
    let (stdout, _) = coach(root, notes, "2026-12-10", &["due", "--json"]);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let mut ids: Vec<String> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn each_note_and_each_edit_is_one_commit_and_drafts_stay_out() {
    let place = tempfile::tempdir().unwrap();
    let root = place.path();
    let notes = root.join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    git(&notes, &["init", "-q"]);
    let prep = walk(
        root,
        &notes,
        "2026-12-01",
        "prep",
        "Acme",
        &["goal=Agree", "promises=Send the plan | 2026-12-05"],
    );
    let id = prep["commitments"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(subjects(&notes), ["coach: prep Acme: Kickoff (2026-12-01)"]);
    let ignore = std::fs::read_to_string(notes.join(".gitignore")).unwrap();
    assert!(
        ignore.contains(".drafts/") && ignore.contains(".coach-*.tmp"),
        "{ignore}"
    );
    // Everything coach wrote is committed; nothing is left over.
    assert_eq!(git(&notes, &["status", "--porcelain"]), "");

    coach(root, &notes, "2026-12-02", &["done", &id]);
    let subjects = subjects(&notes);
    assert_eq!(
        subjects[0],
        format!("coach: closed {id}  Send the plan (Acme)")
    );
    // The commit changed the two lines `coach done` changes, and added one.
    let stat = git(&notes, &["show", "--numstat", "--format=", "HEAD"]);
    assert!(stat.starts_with("3\t2\t"), "{stat}");
    assert_eq!(git(&notes, &["status", "--porcelain"]), "");
}

#[test]
fn a_notes_folder_outside_git_gets_a_warning_and_keeps_its_note() {
    let place = tempfile::tempdir().unwrap();
    let root = place.path();
    let notes = root.join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    let mut command = Command::new(BIN);
    isolate(&mut command, root);
    let output = command
        .env("GIT_CEILING_DIRECTORIES", root)
        .args([
            "--notes-dir",
            "notes",
            "--git",
            "prep",
            "--customer",
            "Acme",
            "--defaults",
            "--set",
            "goal=Agree",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("coach: warning: the note is written but not committed: the notes folder is not in a git work tree"),
        "{stderr}"
    );
    let written = std::fs::read_dir(notes.join("acme"))
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|ext| ext == "md")
        })
        .count();
    assert_eq!(written, 1);
}

#[test]
fn two_people_share_one_repository_without_a_conflict() {
    let place = tempfile::tempdir().unwrap();
    let root = place.path();
    let bare = root.join("shared.git");
    git(root, &["init", "-q", "--bare", bare.to_str().unwrap()]);
    let (dana, sam) = (root.join("dana"), root.join("sam"));
    git(
        root,
        &[
            "clone",
            "-q",
            bare.to_str().unwrap(),
            dana.to_str().unwrap(),
        ],
    );
    // Dana preps Acme with two promises and shares the note.
    let prep = walk(
        root,
        &dana,
        "2026-12-01",
        "prep",
        "Acme",
        &[
            "goal=Agree",
            "promises=Send the plan | 2026-12-05; Book the room | 2026-12-06",
        ],
    );
    let plan = prep["commitments"][0]["id"].as_str().unwrap().to_string();
    let room = prep["commitments"][1]["id"].as_str().unwrap().to_string();
    git(&dana, &["push", "-q", "origin", "HEAD"]);
    git(
        root,
        &["clone", "-q", bare.to_str().unwrap(), sam.to_str().unwrap()],
    );

    // At the same time: Sam debriefs Globex and promises something; Dana
    // closes the plan and preps Initech.
    walk(
        root,
        &sam,
        "2026-12-02",
        "debrief",
        "Globex",
        &["overall=4", "promises=Send the quote | 2026-12-09"],
    );
    coach(root, &dana, "2026-12-02", &["done", &plan]);
    walk(root, &dana, "2026-12-02", "prep", "Initech", &["goal=Meet"]);
    // Sam closes the room (another commitment of Dana's note) and pushes first.
    coach(root, &sam, "2026-12-03", &["done", &room]);
    git(&sam, &["push", "-q", "origin", "HEAD"]);
    // Dana pulls (a merge, no conflict) and pushes; Sam pulls.
    git(
        &dana,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD"],
    );
    git(&dana, &["push", "-q", "origin", "HEAD"]);
    git(
        &sam,
        &["pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD"],
    );

    let agreed = open_ids(root, &dana);
    assert_eq!(agreed, open_ids(root, &sam));
    assert_eq!(agreed.len(), 1, "only Sam's quote is open: {agreed:?}");
    for clone in [&dana, &sam] {
        assert_eq!(git(clone, &["status", "--porcelain"]), "");
    }
}
