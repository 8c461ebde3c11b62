//! Promises typed at the keyboard become commitments: a yes to a
//! promising confirm, and the items of a promising list.

use std::process::Command;

use crate::pty::Pty;
use crate::support::{isolate, BIN};

const PACK: &str = "\
patterns:
  - id: ownership
    name: Ownership
    summary: Take ownership of what went wrong.
    questions:
      debrief:
        - id: blamed
          ask: Did you blame another team?
          kind: confirm
          on_yes: {commitment: Follow up and take ownership, due: 2d}
        - id: requests
          ask: What did they ask for?
          kind: list
          commitment: true
checklists:
  - id: debrief
    start: [ownership]
";

#[test]
fn a_yes_typed_to_a_promising_confirm_becomes_a_commitment_of_the_note() {
    let place = tempfile::Builder::new()
        .prefix("coach-pty")
        .tempdir()
        .unwrap();
    let root = place.path();
    std::fs::create_dir_all(root.join("pack")).unwrap();
    std::fs::write(root.join("pack/a.yaml"), PACK).unwrap();
    let mut command = Command::new(BIN);
    isolate(&mut command, root);
    command
        .args(["--notes-dir", "notes", "--no-builtin", "--patterns", "pack"])
        .args(["debrief", "--customer", "Acme", "--meeting", "Pilot"])
        .args(["--date", "2026-12-01"])
        .env("TERM", "xterm-256color")
        .env("TZ", "UTC");
    let mut coach = Pty::spawn(command);
    coach.expect("Did you blame another team? (y/n)");
    coach.send("y\r");
    coach.expect("✔ Did you blame another team? · yes");
    coach.expect("Each line is a promise of yours");
    coach.expect("item 1 (empty line ends)");
    coach.expect("›");
    coach.send("Demo account | soon\r");
    // A due date that does not parse is refused at the prompt.
    coach.expect("item `Demo account`: `soon` is not a date");
    coach.expect("›");
    coach.send("Demo account | 2026-12-04\r");
    coach.expect("item 2 (empty line ends)");
    coach.expect("›");
    coach.send("\r");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());

    let note =
        std::fs::read_to_string(root.join("notes/acme/2026-12-01-pilot-debrief.md")).unwrap();
    let id_at = note.find("  - id: c-").unwrap_or_else(|| panic!("{note}"));
    let id = &note[id_at + 8..].split('\n').next().unwrap();
    assert!(
        note.contains(&format!(
            "  ownership.blamed:\n  - id: {id}\n    what: Follow up and take ownership\n    due: \"2026-12-03\"\n    who: me\n    done: false\n"
        )),
        "{note}"
    );
    assert!(
        note.contains(&format!(
            "- [ ] Follow up and take ownership (due 2026-12-03, me) `{id}`\n"
        )),
        "{note}"
    );
    assert!(
        note.contains(
            "    what: Demo account\n    due: \"2026-12-04\"\n    who: me\n    done: false\n"
        ) && note.contains("- [ ] Demo account (due 2026-12-04, me) `c-"),
        "{note}"
    );
}
