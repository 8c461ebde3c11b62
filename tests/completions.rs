//! Shell completion through the shells themselves (issue 11, section 1):
//! the script `coach completions SHELL` prints, sourced as a user would,
//! completes commands, checklist names and open commitment ids. A shell
//! that is not installed is skipped with a note (CI installs them all).

use std::path::Path;
use std::process::Command;

use crate::pty::{Place, Pty};
use crate::support::{isolate, BIN};

/// A note of Acme with one open and one done commitment.
const NOTE: &str = "---\ncoach: 1\nchecklist: debrief\ncustomer: Acme\nmeeting: Kickoff\ndate: \"2026-12-01\"\nanswers:\n  promises:\n  - id: c-open0001\n    what: Send the plan\n    due: \"2026-12-05\"\n    who: me\n    done: false\n  - id: c-done0001\n    what: Share the figures\n    done: true\n    closed: \"2026-12-02\"\n---\n\n## Commitments\n\n- [ ] Send the plan `c-open0001`\n- [x] Share the figures `c-done0001`\n";

fn installed(shell: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {shell}")])
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!("{shell} is not installed: its completion test is skipped");
    }
    found
}

/// A folder with Acme's note, and a `PATH` that finds this build's coach
/// first, as an installed one would be.
fn place() -> (Place, String) {
    let place = Place::new();
    place.write("notes/acme/2026-12-01-kickoff-debrief.md", NOTE);
    let bin_dir = Path::new(BIN).parent().unwrap().display().to_string();
    let path = format!("{bin_dir}:{}", std::env::var("PATH").unwrap_or_default());
    (place, path)
}

fn shell(place: &Place, path: &str, program: &str, script: &str) -> String {
    let mut command = Command::new(program);
    isolate(&mut command, place.path());
    let output = command
        .env("PATH", path)
        .env("COACH_NOTES_DIR", place.notes())
        .args(["-c", script])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{program}: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// What bash offers for the words typed (the last one being completed).
fn bash_offers(place: &Place, path: &str, words: &[&str]) -> Vec<String> {
    let script = format!(
        "source <(coach completions bash)\n\
         COMP_WORDS=({words}); COMP_CWORD={last}; COMP_TYPE=9\n\
         _clap_complete_coach coach '{current}' '{previous}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words = words
            .iter()
            .map(|word| format!("'{word}'"))
            .collect::<Vec<_>>()
            .join(" "),
        last = words.len() - 1,
        current = words[words.len() - 1],
        previous = words[words.len() - 2],
    );
    shell(place, path, "bash", &script)
        .lines()
        .map(|line| line.trim().to_string())
        .collect()
}

#[test]
fn bash_completes_commands_checklists_and_open_commitment_ids() {
    if !installed("bash") {
        return;
    }
    let (place, path) = place();
    assert_eq!(
        bash_offers(&place, &path, &["coach", "d"]),
        ["debrief", "due", "done", "drafts"]
    );
    assert_eq!(
        bash_offers(&place, &path, &["coach", "done", "c-"]),
        ["c-open0001"]
    );
    assert_eq!(
        bash_offers(&place, &path, &["coach", "reopen", "c-"]),
        ["c-done0001"]
    );
    assert_eq!(
        bash_offers(&place, &path, &["coach", "walk", "rev"]),
        ["review"]
    );
    assert_eq!(
        bash_offers(&place, &path, &["coach", "history", "A"]),
        ["Acme"]
    );
}

#[test]
fn fish_completes_commands_and_open_commitment_ids_with_what_was_promised() {
    if !installed("fish") {
        return;
    }
    let (place, path) = place();
    let offers = |line: &str| {
        shell(
            &place,
            &path,
            "fish",
            &format!("coach completions fish | source; complete -C '{line}'"),
        )
    };
    let commands = offers("coach d");
    for command in ["debrief", "due", "done"] {
        assert!(
            commands.lines().any(|line| line.starts_with(command)),
            "{commands}"
        );
    }
    assert_eq!(
        offers("coach done c-").trim(),
        "c-open0001\tSend the plan (Acme)"
    );
}

#[test]
fn zsh_completes_a_commitment_id_at_the_tab_key() {
    if !installed("zsh") {
        return;
    }
    let (place, path) = place();
    let mut command = Command::new("zsh");
    isolate(&mut command, place.path());
    command
        .args(["-f", "-i"])
        .env("PATH", &path)
        .env("COACH_NOTES_DIR", place.notes())
        .env("TERM", "xterm-256color")
        .env("PS1", "zsh> ");
    let mut zsh = Pty::spawn(command);
    zsh.expect("zsh> ");
    zsh.send("autoload -U compinit && compinit -u && source <(coach completions zsh)\r");
    zsh.expect("zsh> ");
    zsh.send("coach done c-\t");
    // The only open id is completed in place.
    zsh.expect("coach done c-open0001");
    zsh.send("\x03");
    zsh.expect("zsh> ");
    zsh.send("exit 0\r");
    assert_eq!(zsh.finish(), 0, "{}", zsh.screen());
}
