//! `coach man` (issue 11, section 1): a roff page that groff renders
//! without a warning, with the sections `--help` leaves out, and one page
//! per command.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::Test;

/// Whether groff and col are here to render with; CI installs them
/// (`.ci/run`), a machine without them skips these tests with a note.
fn can_render() -> bool {
    let found = |tool: &str| {
        Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|output| output.status.success())
    };
    let here = found("groff") && found("col");
    if !here {
        eprintln!("groff or col is not installed: the man page is not rendered here");
    }
    here
}

/// The page rendered as a terminal would show it; groff's warnings fail.
fn render(roff: &str) -> String {
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff runs");
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(roff.as_bytes())
        .unwrap();
    let checked = groff.wait_with_output().unwrap();
    let warnings = String::from_utf8_lossy(&checked.stderr);
    assert!(
        checked.status.success() && warnings.is_empty(),
        "{warnings}"
    );
    let output = Command::new("sh")
        .args(["-c", "groff -man -Tutf8 | col -b"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(roff.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_man_page_renders_with_commands_exit_codes_environment_files_and_examples() {
    if !can_render() {
        return;
    }
    let page = Test::new().args(["man"]).run().status(0);
    let text = render(&page.stdout);
    for expected in [
        "NAME",
        "prepare and debrief customer",
        "SUBCOMMANDS",
        "coach-due(1)",
        "EXIT STATUS",
        "130",
        "ENVIRONMENT",
        "COACH_NOTES_DIR",
        "FILES",
        "~/.config/coach/config.yaml",
        "EXAMPLES",
        "coach due --overdue --count",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
}

#[test]
fn each_command_has_its_own_page_and_an_unknown_one_is_a_usage_error() {
    if !can_render() {
        return;
    }
    let page = Test::new().args(["man", "due"]).run().status(0);
    let text = render(&page.stdout);
    assert!(text.contains("coach-due"), "{text}");
    assert!(text.contains("--overdue"), "{text}");
    Test::new()
        .args(["man", "histroy"])
        .run()
        .status(2)
        .stderr_has("`histroy` is no coach command; did you mean `history`?");
}
