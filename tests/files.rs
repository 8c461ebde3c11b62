//! Files and streams that are not what they seem: pipes, devices, symlinks,
//! huge inputs, closed outputs, and the test helper's own pipes.

use crate::support::Test;

/// A prep with nothing to ask: the goal set, defaults for the rest.
const ACME_PREP: [&str; 6] = [
    "prep",
    "--defaults",
    "--set",
    "goal=Agree",
    "--customer",
    "Acme",
];

fn prep() -> Test {
    Test::new().args(["prep", "--notes-dir", "notes"])
}

#[test]
fn output_beyond_a_pipe_capacity_is_read_whole() {
    let story = "All of this was said. ".repeat(10_000);
    assert!(story.len() > 200 * 1024);
    let output = prep()
        .write("big.yaml", format!("customer: Acme\ngoal: {story}\n"))
        .args(["--answers", "big.yaml", "--output", "-"])
        .run()
        .status(0);
    assert!(output.stdout.len() > story.len(), "{}", output.stderr);
    assert!(output.stdout.contains(story.trim_end()));
}

/// Makes a named pipe at `path` with `mkfifo`.
fn mkfifo(path: &std::path::Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[test]
fn an_answers_file_that_is_a_fifo_is_refused_without_waiting() {
    let test = prep();
    mkfifo(&test.path().join("answers.yaml"));
    let output = test.args(["--answers", "answers.yaml"]).run().status(1);
    output.stderr_line("cannot read answers.yaml: it is a named pipe (FIFO), not a regular file");
}

#[test]
fn a_draft_that_is_a_fifo_is_refused_without_waiting() {
    let test = prep();
    mkfifo(&test.path().join("notes/.drafts/prep-20261130-101010.yaml"));
    let output = test.args(["--resume"]).run().status(2);
    output.stderr_line("prep-20261130-101010.yaml: it is a named pipe (FIFO), not a regular file");
}

#[test]
fn a_config_file_that_is_a_fifo_is_refused_without_waiting() {
    let test = Test::new().args(["patterns", "list"]);
    mkfifo(&test.path().join("config/coach/config.yaml"));
    // A settings error: 2, as README's exit codes say (issue 10 §5; was 1).
    let output = test.run().status(2);
    output
        .stderr_line("config.yaml: cannot read it: it is a named pipe (FIFO), not a regular file");
}

#[test]
fn an_answers_file_over_8_mib_is_refused_with_a_clear_error() {
    let big = format!("goal: {}\n", "x".repeat(8 * 1024 * 1024));
    let output = prep()
        .write("answers.yaml", big)
        .args(["--answers", "answers.yaml"])
        .run()
        .status(1);
    output.stderr_line(
        "cannot read answers.yaml: it is larger than 8 MiB, the most coach reads from one input",
    );
}

#[test]
fn endless_answers_on_stdin_end_with_the_size_error() {
    let test = prep().args(["--answers", "-"]);
    let mut yes = std::process::Command::new("yes")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("yes runs");
    let mut command = test.command();
    command
        .stdin(yes.stdout.take().unwrap())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let output = command.output().expect("coach runs");
    let _ = yes.kill();
    let _ = yes.wait();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot read standard input: it is larger than 8 MiB"),
        "{stderr}"
    );
}

#[test]
fn a_coach_config_naming_a_missing_file_is_an_error() {
    let output = Test::new()
        .env("COACH_CONFIG", "nowhere.yaml")
        .args(["patterns", "list"])
        .run()
        .status(2);
    output.stderr_line("nowhere.yaml: no such file (named by COACH_CONFIG)");
}

#[test]
fn the_filesystem_root_is_refused_as_notes_dir() {
    for value in ["/", "/..", "//", "/./"] {
        let output = Test::new()
            .env("COACH_NOTES_DIR", value)
            .args(ACME_PREP)
            .run()
            .status(2);
        output.stderr_line("COACH_NOTES_DIR is the filesystem root");
    }
    let output = Test::new()
        .args([
            "--notes-dir",
            "/",
            "prep",
            "--defaults",
            "--customer",
            "Acme",
        ])
        .run()
        .status(2);
    output.stderr_line("--notes-dir is the filesystem root (/)");
}

#[test]
fn an_empty_notes_dir_in_the_config_is_refused() {
    let output = Test::new()
        .write("config/coach/config.yaml", "notes_dir: ''\n")
        .args(ACME_PREP)
        .run()
        .status(2);
    output.stderr_line("notes_dir in the config file is empty");
}

#[test]
fn a_home_at_the_root_is_refused_for_the_default_notes_dir() {
    let output = Test::new()
        .env("HOME", "/")
        .env("XDG_DATA_HOME", "")
        .args(ACME_PREP)
        .run()
        .status(2);
    output.stderr_line("HOME is the filesystem root (/)");
}

#[test]
fn a_tilde_in_the_configured_notes_dir_is_home() {
    let output = Test::new()
        .write("config/coach/config.yaml", "notes_dir: '~/my notes'\n")
        .args(ACME_PREP)
        .run()
        .status(0);
    let output = output.stderr_has("home/my notes/acme/");
    assert!(output.dir.join("home/my notes/acme").is_dir());
    assert!(!output.dir.join("config/coach/~").exists());
}

#[test]
fn two_first_runs_at_once_for_names_that_slug_alike_get_a_folder_each() {
    for _ in 0..10 {
        let test = Test::new();
        let runs: Vec<std::process::Child> = ["C++ Inc", "C Inc"]
            .into_iter()
            .map(|customer| {
                let mut command = test.command();
                command
                    .args(["prep", "--notes-dir", "notes", "--defaults"])
                    .args(["--set", "goal=Agree", "--customer", customer])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null());
                command.spawn().expect("coach starts")
            })
            .collect();
        for mut run in runs {
            assert_eq!(run.wait().unwrap().code(), Some(0));
        }
        let mut owners: Vec<String> = ["c-inc", "c-inc-2"]
            .iter()
            .map(|folder| {
                std::fs::read_to_string(test.path().join("notes").join(folder).join(".customer"))
                    .unwrap_or_default()
            })
            .collect();
        owners.sort();
        assert_eq!(owners, ["C Inc\n", "C++ Inc\n"]);
    }
}

#[test]
fn a_customer_folder_that_is_a_link_is_refused_and_nothing_is_written_through_it() {
    let test = prep().write("elsewhere/keep", "");
    std::fs::create_dir_all(test.path().join("notes")).unwrap();
    let link = test.path().join("notes/acme");
    std::os::unix::fs::symlink(test.path().join("elsewhere"), link).unwrap();
    let output = test.args(ACME_PREP[1..].iter().copied()).run().status(1);
    output.stderr_line("it is a symbolic link, and coach never writes through one");
    let inside: Vec<_> = std::fs::read_dir(output.dir.join("elsewhere"))
        .unwrap()
        .collect();
    assert_eq!(inside.len(), 1, "{inside:?}");
}

#[test]
fn a_stale_temporary_file_is_removed_by_the_next_write() {
    let test = prep().write("notes/acme/.coach-killed.tmp", "half a note");
    let stale = test.path().join("notes/acme/.coach-killed.tmp");
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400))
        .unwrap();
    let output = test.args(ACME_PREP[1..].iter().copied()).run().status(0);
    assert!(!output.dir.join("notes/acme/.coach-killed.tmp").exists());
}

#[test]
fn output_to_a_closed_stdout_fails_and_says_so() {
    let test = Test::new();
    let mut command = std::process::Command::new("sh");
    crate::support::isolate(&mut command, test.path());
    let output = command
        .args(["-c", "exec \"$0\" \"$@\" >&-", crate::support::BIN])
        .args([
            "prep",
            "--notes-dir",
            "notes",
            "--defaults",
            "--set",
            "goal=Agree",
        ])
        .args(["--customer", "Acme", "--output", "-"])
        .output()
        .expect("sh runs coach");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("coach: error: cannot write to standard output: it was closed"),
        "{stderr}"
    );
    assert!(!test.path().join("notes/acme").exists());
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let story = "All of this was said. ".repeat(20_000);
    let test = prep()
        .write("big.yaml", format!("customer: Acme\ngoal: {story}\n"))
        .args(["--answers", "big.yaml", "--output", "-"]);
    let mut command = test.command();
    command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = command.spawn().expect("coach starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 4];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    assert_eq!(&first, b"---\n");
    // Like `| head -1`: the reader goes away with most of the note unread.
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "a closed pipe is quiet");
}
