//! "Since last time": a walk for a customer with earlier notes starts from
//! them, on the terminal and in the note it writes (issue 9, section 1).

use crate::support::notes_dir::NotesDir;

/// A prep, its debrief (with one promise overdue by 2026-12-10 and one
/// kept), and two reviews of Northwind Traders.
pub fn history() -> NotesDir {
    let dir = NotesDir::new("coach-brief");
    dir.write(
        "northwind-traders/2026-11-20-kickoff-prep.md",
        "---\ncoach: 1\nchecklist: prep\ncustomer: Northwind Traders\nmeeting: Kickoff\ndate: \"2026-11-20\"\nanswers:\n  goal: Agree the pilot's scope\n---\n",
    );
    dir.write(
        "northwind-traders/2026-11-20-kickoff-debrief.md",
        "---\ncoach: 1\nchecklist: debrief\ncustomer: Northwind Traders\nmeeting: Kickoff\ndate: \"2026-11-20\"\nanswers:\n  overall: 4\n  know-the-customer.learned: |-\n    They pick by shift.\n    The night shift errs most.\n  promises:\n  - id: c-late0001\n    what: Send the sizing plan\n    due: \"2026-12-01\"\n    who: me\n    done: false\n  - id: c-kept0001\n    what: Share the figures\n    due: \"2026-11-25\"\n    who: Dana Lee\n    done: true\n    closed: \"2026-11-24\"\n---\n\n## Commitments\n\n- [ ] Send the sizing plan `c-late0001`\n- [x] Share the figures `c-kept0001`\n",
    );
    for (day, health) in [("2026-10-01", 2), ("2026-11-01", 4)] {
        dir.write(
            &format!("northwind-traders/{day}-quarterly-review.md"),
            &format!("---\ncoach: 1\nchecklist: review\ncustomer: Northwind Traders\nmeeting: Quarterly\ndate: \"{day}\"\nanswers:\n  health: {health}\n---\n"),
        );
    }
    dir
}

fn prep(dir: &NotesDir, customer: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "prep",
        "--customer",
        customer,
        "--meeting",
        "Pilot review",
        "--date",
        "2026-12-10",
        "--set",
        "goal=Agree the next step",
        "--no-input",
        "--defaults",
        "--output",
        "-",
    ];
    args.extend(extra);
    let run = dir.coach_on("2026-12-10", &args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn a_scripted_prep_writes_since_last_time_and_the_ids_open_at_its_start() {
    let dir = history();
    let note = prep(&dir, "northwind traders", &[]);
    let brief = &note[note.find("## Since last time").expect("a brief")..];
    let brief = &brief[..brief[3..].find("\n## ").map_or(brief.len(), |end| end + 3)];
    for expected in [
        "2026-11-20  Kickoff (20 days ago, rated 4/5)",
        "ours    c-late0001  Send the sizing plan, due 2026-12-01, OVERDUE",
        "Last goal: Agree the pilot's scope (the debrief rated the meeting 4/5)",
        "Learned: They pick by shift.",
        "Reviews: ▃▆ 4.0",
    ] {
        assert!(
            brief.contains(expected),
            "{expected:?} missing from:\n{brief}"
        );
    }
    // Kept promises are history, not the brief; the note stands alone.
    assert!(!brief.contains("c-kept0001"), "{brief}");
    assert!(
        !brief.contains("- [ ]"),
        "no task line: `coach done` edits those\n{brief}"
    );
    assert!(note.contains("open_at_start:\n- c-late0001\n"), "{note}");
}

#[test]
fn no_brief_leaves_it_out_and_a_new_customer_has_none() {
    let dir = history();
    for note in [
        prep(&dir, "Northwind Traders", &["--no-brief"]),
        prep(&dir, "Contoso", &[]),
    ] {
        assert!(!note.contains("Since last time"), "{note}");
        assert!(!note.contains("open_at_start"), "{note}");
    }
}

#[test]
fn a_note_with_a_brief_is_read_back_and_its_promises_stay_where_they_were() {
    let dir = history();
    let run = dir.coach_on(
        "2026-12-10",
        &[
            "prep",
            "--customer",
            "Northwind Traders",
            "--meeting",
            "Pilot review",
            "--date",
            "2026-12-10",
            "--set",
            "goal=Agree the next step",
            "--no-input",
            "--defaults",
        ],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    // The brief names c-late0001, but only its own note holds it.
    let due = dir.coach_on("2026-12-10", &["due", "--json"]);
    let items = due.json();
    assert_eq!(items.as_array().unwrap().len(), 1, "{}", due.stdout);
    assert!(items[0]["note"]
        .as_str()
        .unwrap()
        .ends_with("kickoff-debrief.md"));
    let check = dir.coach_on("2026-12-10", &["notes", "check"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);
}

#[test]
fn a_review_lists_the_promises_kept_lately_and_its_note_keeps_them() {
    let dir = history();
    let run = dir.coach_on(
        "2026-12-10",
        &[
            "walk",
            "review",
            "--customer",
            "Northwind Traders",
            "--date",
            "2026-12-10",
            "--no-input",
            "--defaults",
            "--set",
            "health=3",
            "--output",
            "-",
        ],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "- Kept in the last 90 days\n  - theirs  Share the figures, closed 2026-11-24\n"
        ),
        "{}",
        run.stdout
    );
}
