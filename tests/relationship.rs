//! `coach customers` and `coach history CUSTOMER`: whom to call and how it
//! is going, on notes written by coach's own walks, on hand-written notes
//! and on a generated archive.

use serde_json::{json, Value};

use crate::support::notes_dir::{NotesDir, Run};

// Also loaded by memory.rs, privately: each test module keeps its own copy.
use crate::memory::generate_notes;

struct Archive(NotesDir);

impl std::ops::Deref for Archive {
    type Target = NotesDir;
    fn deref(&self) -> &NotesDir {
        &self.0
    }
}

impl Archive {
    fn new() -> Self {
        Archive(NotesDir::new("coach-relationship"))
    }

    #[track_caller]
    fn coach(&self, args: &[&str]) -> Run {
        self.coach_on("2026-12-20", args)
    }

    /// Writes a file under the test's root (notes live under `notes/`).
    fn write(&self, relative: &str, text: &str) {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// A review of Northwind Traders written by `coach walk review`.
    fn review(&self, date: &str, health: u8, processes: u8) {
        let answers = format!(
            "customer: Northwind Traders\nhealth: {health}\nunderstand-their-world.processes: {processes}\n"
        );
        self.write("review.yaml", &answers);
        let run = self.coach(&[
            "walk",
            "review",
            "--no-input",
            "--answers",
            "review.yaml",
            "--date",
            date,
        ]);
        assert_eq!(run.status, 0, "{}", run.stderr);
    }

    /// The prep and debrief of examples/ without the answers that promise
    /// by pack key (2026-12-01: ours due 2026-12-05, Dana Lee's due
    /// 2026-12-08) and reviews on 2026-10-01, 2026-11-01 and 2026-11-25,
    /// all written by coach.
    fn written_by_coach() -> Self {
        let archive = Archive::new();
        for (walk, answers) in [
            ("prep", "prep-answers.yaml"),
            ("debrief", "debrief-answers.yaml"),
        ] {
            let answers = archive.example_without_pack_key_promises(answers);
            let run = archive.coach(&[walk, "--no-input", "--answers", &answers]);
            assert_eq!(run.status, 0, "{}", run.stderr);
        }
        archive.review("2026-10-01", 2, 3);
        archive.review("2026-11-01", 3, 3);
        archive.review("2026-11-25", 5, 4);
        archive
    }
}

/// A debrief note of `customer` on `date` with commitments
/// (`what`, `due`, `who`, `closed` or "" when open).
fn note(customer: &str, date: &str, commitments: &[(&str, &str, &str, &str)]) -> String {
    let mut front = format!(
        "---\ncoach: 1\nchecklist: debrief\ncustomer: {customer}\nmeeting: Call\ndate: \"{date}\"\nanswers:\n  overall: 3\n  promises:\n"
    );
    for (index, (what, due, who, closed)) in commitments.iter().enumerate() {
        front += &format!(
            "  - id: c-{date}-{index}\n    what: {what}\n    due: \"{due}\"\n    who: {who}\n"
        );
        if closed.is_empty() {
            front += "    done: false\n";
        } else {
            front += &format!("    done: true\n    closed: \"{closed}\"\n");
        }
    }
    front + "---\n"
}

#[test]
fn customers_sums_up_notes_written_by_coach_with_a_review_sparkline_and_the_usual_gap() {
    let archive = Archive::written_by_coach();
    let customers = archive.coach(&["customers", "--json"]).json();
    assert_eq!(
        customers,
        json!([{
            "customer": "Northwind Traders",
            "last_contact": "2026-12-01",
            "days_since": 19,
            // Three reviews and one meeting with its prep and debrief.
            "meetings": 4,
            "open": {"ours": 1, "theirs": 1},
            "overdue": 2,
            "review_score": 4.5,
            "review_scores": [2.5, 3.0, 4.5],
            // Gaps of 31, 24 and 6 days.
            "usual_gap_days": 24,
            "keep_in_touch_days": null,
            "reach_out": false,
        }])
    );
    let text = archive.coach(&["customers"]);
    assert_eq!(text.status, 0, "{}", text.stderr);
    let line = text.stdout.lines().nth(1).unwrap();
    assert!(
        line.starts_with("Northwind Traders  2026-12-01 (19 days ago)"),
        "{line}"
    );
    assert!(line.contains("4.5 ▄▅▇"), "{line}");
    assert!(line.contains("1/1"), "{line}");
    assert!(
        !text.stdout.contains('\u{1b}'),
        "plain text when not a terminal"
    );
    // Past 1.5 times the usual gap of 24 days: 37 days after the last contact.
    let later = archive.coach_on("2027-01-07", &["customers"]);
    assert!(later.stdout.lines().nth(1).unwrap().ends_with("reach out"));
    let not_yet = archive.coach_on("2027-01-06", &["customers"]);
    assert!(!not_yet.stdout.contains("reach out"), "{}", not_yet.stdout);
}

#[test]
fn customers_needing_attention_come_first_then_the_longest_silence() {
    let archive = Archive::new();
    // Met every 10 days, last on 12-18: fine.
    for date in ["2026-11-28", "2026-12-08", "2026-12-18"] {
        archive.write(
            &format!("notes/fine/{date}-call-debrief.md"),
            &note("Fine Co", date, &[]),
        );
    }
    // Met every 10 days, last on 11-20: 30 days ago, reach out.
    for date in ["2026-11-10", "2026-11-20"] {
        archive.write(
            &format!("notes/quiet/{date}-call-debrief.md"),
            &note("Quiet Co", date, &[]),
        );
    }
    // Recent, but a promise is overdue.
    archive.write(
        "notes/late/2026-12-19-call-debrief.md",
        &note(
            "Late Co",
            "2026-12-19",
            &[("Send it", "2026-12-19", "me", "")],
        ),
    );
    // Met long ago, only once: no usual gap, nothing to flag.
    archive.write(
        "notes/once/2026-01-05-call-debrief.md",
        &note("Once Co", "2026-01-05", &[]),
    );
    let json = archive.coach(&["customers", "--json"]).json();
    let order: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["customer"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["Quiet Co", "Late Co", "Once Co", "Fine Co"]);
    assert_eq!(json[0]["reach_out"], true);
    assert_eq!(json[1]["overdue"], 1);
    assert_eq!(json[1]["reach_out"], false);
    assert_eq!(json[2]["usual_gap_days"], Value::Null);
}

#[test]
fn keep_in_touch_in_the_config_sets_when_to_reach_out_and_a_bad_span_names_its_line() {
    let archive = Archive::new();
    for date in ["2026-12-01", "2026-12-18"] {
        archive.write(
            &format!("notes/acme/{date}-call-debrief.md"),
            &note("Acme Corp", date, &[]),
        );
    }
    // The usual gap of 17 days says nothing yet; 3 days is the limit set.
    assert_eq!(
        archive.coach(&["customers", "--json"]).json()[0]["reach_out"],
        false
    );
    archive.write(
        "config/coach/config.yaml",
        "me: Dana\nkeep_in_touch:\n  acme  corp: 3d\n  Other: 2w\n",
    );
    let json = archive.coach(&["customers", "--json"]).json();
    assert_eq!(json[0]["keep_in_touch_days"], 3);
    assert_eq!(json[0]["reach_out"], false, "2 days since, not more than 3");
    let json = archive
        .coach_on("2026-12-22", &["customers", "--json"])
        .json();
    assert_eq!(json[0]["reach_out"], true);
    archive.write(
        "config/coach/config.yaml",
        "keep_in_touch:\n  Acme Corp: 3d\n  Other: soon\n",
    );
    let bad = archive.coach(&["customers"]);
    assert_eq!(bad.status, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("line 3: `keep_in_touch` for `Other` must be a number of days or weeks (30d, 4w), not `soon`"),
        "{}",
        bad.stderr
    );
    for (config, expected) in [
        ("keep_in_touch:\n  Acme: 30\n", "line 2: `keep_in_touch` for `Acme` must be a number of days or weeks (30d, 4w), not `30`"),
        ("keep_in_touch:\n  Acme: 0d\n", "not `0d`"),
        ("keep_in_touch:\n  Acme: -3d\n", "not `-3d`"),
        ("keep_in_touch: 30d\n", "line 1: `keep_in_touch` must be a mapping of customer names to spans (Acme: 30d), not `30d`"),
        ("keep_in_tuch: {}\n", "did you mean `keep_in_touch`?"),
    ] {
        archive.write("config/coach/config.yaml", config);
        let bad = archive.coach(&["customers"]);
        assert_eq!(bad.status, 2, "{config}: {}", bad.stderr);
        assert!(bad.stderr.contains(expected), "{config}: {}", bad.stderr);
    }
    archive.write(
        "config/coach/config.yaml",
        "keep_in_touch:\n  Acme Corp: 4w\n",
    );
    let json = archive.coach(&["customers", "--json"]).json();
    assert_eq!(json[0]["keep_in_touch_days"], 28);
}

#[test]
fn history_lists_meetings_newest_first_with_rating_commitments_and_review_trends() {
    let archive = Archive::written_by_coach();
    let run = archive.coach(&["history", "northwind traders"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "Northwind Traders");
    assert_eq!(lines[1], "2026-12-01  debrief  Pilot kickoff  rated 4");
    assert_eq!(
        lines[2],
        "    [ ] Send the sized ERP integration plan, due 2026-12-05, me (open, ours)"
    );
    assert!(lines[3].contains("Dana Lee (open, theirs)"), "{}", lines[3]);
    assert_eq!(lines[4], "2026-12-01  prep     Pilot kickoff");
    // The review has no meeting title (`meeting: false`, issue 10 §5).
    assert_eq!(lines[5], "2026-11-25  review   score 4.5");
    assert!(
        run.stdout
            .contains("  health                            ▃▅█  5  +2\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  understand-their-world.processes  ▅▅▆  4  +1\n"),
        "{}",
        run.stdout
    );
    // The folder name finds the same customer.
    let by_folder = archive.coach(&["history", "northwind-traders"]);
    assert_eq!(by_folder.stdout, run.stdout);
}

#[test]
fn history_by_folder_name_includes_the_customers_notes_moved_out_of_that_folder() {
    let archive = Archive::written_by_coach();
    let whole = archive.coach(&["history", "northwind traders"]);
    assert_eq!(whole.status, 0, "{}", whole.stderr);
    let folder = archive.notes().join("northwind-traders");
    let mut notes: Vec<std::path::PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    notes.sort();
    let move_to = |note: &std::path::Path, elsewhere: &str| {
        let to = archive.notes().join(elsewhere);
        std::fs::create_dir_all(&to).unwrap();
        std::fs::rename(note, to.join(note.file_name().unwrap())).unwrap();
    };
    // Found after the folder's notes, then also one found before them.
    for (note, elsewhere) in [(&notes[0], "zz-moved"), (&notes[1], "aa-moved")] {
        move_to(note, elsewhere);
        for index in [&[][..], &["--no-index"][..]] {
            let args = [index, &["history", "northwind-traders"][..]].concat();
            let run = archive.coach(&args);
            assert_eq!(run.stdout, whole.stdout, "{args:?} after {elsewhere}");
        }
    }
}

#[test]
fn history_counts_each_sides_promises_kept_on_time_late_overdue_and_open() {
    let archive = Archive::new();
    archive.write(
        "notes/acme/2026-11-01-call-debrief.md",
        &note(
            "Acme",
            "2026-11-01",
            &[
                ("On time", "2026-11-10", "me", "2026-11-10"),
                ("Late", "2026-11-10", "we", "2026-11-12"),
                ("Overdue", "2026-12-01", "me", ""),
                ("Not yet due", "2027-01-01", "us", ""),
                ("Theirs late", "2026-11-05", "Sam", "2026-11-30"),
                ("Theirs overdue", "2026-12-19", "Sam", ""),
            ],
        ),
    );
    let json = archive.coach(&["history", "acme", "--json"]).json();
    assert_eq!(
        json["promises"],
        json!({
            "ours": {"kept_on_time": 1, "kept_late": 1, "kept_undated": 0, "overdue": 1, "open": 1},
            "theirs": {"kept_on_time": 0, "kept_late": 1, "kept_undated": 0, "overdue": 1, "open": 0},
        })
    );
    let text = archive.coach(&["history", "acme"]).stdout;
    assert!(
        text.contains("\n  ours           1     1        1     1\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  theirs         0     1        1     0\n"),
        "{text}"
    );
}

#[test]
fn since_leaves_older_notes_out_of_the_timeline_trends_and_record() {
    let archive = Archive::written_by_coach();
    let json = archive
        .coach(&[
            "history",
            "Northwind Traders",
            "--since",
            "2026-11-01",
            "--json",
        ])
        .json();
    let dates: Vec<&str> = json["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|note| note["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2026-12-01", "2026-12-01", "2026-11-25", "2026-11-01"]
    );
    assert_eq!(json["since"], "2026-11-01");
    assert_eq!(json["notes"][0]["rating"], 4);
    assert_eq!(json["notes"][0]["commitments"][1]["side"], "theirs");
    assert_eq!(
        json["review"][0],
        json!({
            "question": "health",
            "values": [{"date": "2026-11-01", "value": 3.0}, {"date": "2026-11-25", "value": 5.0}],
            "latest": 5.0,
            "change": 2.0,
        })
    );
    assert_eq!(json["promises"]["ours"]["overdue"], 1);
    let bad = archive.coach(&["history", "Northwind Traders", "--since", "soon"]);
    assert_eq!(bad.status, 2, "{}", bad.stderr);
}

#[test]
fn an_unknown_customer_exits_2_with_the_nearest_name() {
    let archive = Archive::written_by_coach();
    let run = archive.coach(&["history", "Northwnd Traders"]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains(
            "no notes for the customer `Northwnd Traders`; did you mean `Northwind Traders`?"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unreadable_note_is_one_warning_and_hides_nothing() {
    let archive = Archive::written_by_coach();
    let before_customers = archive.coach(&["customers", "--json"]).stdout;
    let before_history = archive.coach(&["history", "Northwind Traders"]).stdout;
    archive.write(
        "notes/northwind-traders/2026-12-02-broken-debrief.md",
        "---\ncoach: 1\ncustomer: [unclosed\n---\n",
    );
    for (args, before) in [
        (&["customers", "--json"][..], &before_customers),
        (&["history", "Northwind Traders"][..], &before_history),
    ] {
        let run = archive.coach(args);
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert_eq!(&run.stdout, before);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(
            run.stderr.contains("2026-12-02-broken-debrief.md:"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_generated_archive_gives_each_customer_one_line_and_a_history_that_agrees() {
    let archive = Archive::new();
    let args = vec![
        "250".to_string(),
        archive.notes().display().to_string(),
        "--seed".into(),
        "5".into(),
    ];
    generate_notes::run(&args).expect("the generator runs");
    let customers = archive
        .coach_on("2026-12-01", &["customers", "--json"])
        .json();
    let customers = customers.as_array().unwrap();
    assert_eq!(customers.len(), 10);
    let attention = |item: &Value| item["reach_out"] == true || item["overdue"].as_u64() > Some(0);
    let first_calm = customers.iter().position(|item| !attention(item));
    if let Some(first_calm) = first_calm {
        assert!(customers[first_calm..].iter().all(|item| !attention(item)));
    }
    let due_overdue: u64 = customers
        .iter()
        .map(|item| item["overdue"].as_u64().unwrap())
        .sum();
    let due = archive.coach_on("2026-12-01", &["due", "--overdue", "--count"]);
    assert_eq!(due.stdout.trim(), due_overdue.to_string());
    for item in customers {
        let name = item["customer"].as_str().unwrap();
        let history = archive
            .coach_on("2026-12-01", &["history", name, "--json"])
            .json();
        let scores = item["review_scores"].as_array().unwrap();
        let reviews = history["notes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|note| note["checklist"] == "review")
            .count();
        assert_eq!(scores.len(), reviews, "{name}");
        let record = &history["promises"];
        let overdue = record["ours"]["overdue"].as_u64().unwrap()
            + record["theirs"]["overdue"].as_u64().unwrap();
        assert_eq!(item["overdue"].as_u64().unwrap(), overdue, "{name}");
        let open_ours =
            record["ours"]["overdue"].as_u64().unwrap() + record["ours"]["open"].as_u64().unwrap();
        assert_eq!(item["open"]["ours"].as_u64().unwrap(), open_ours, "{name}");
    }
}

// Regression: a name typed composed on one machine and decomposed on another
// gave two rows, and `history` showed only one of them.
#[test]
fn one_customer_in_two_unicode_forms_is_one_row_and_one_history() {
    let archive = Archive::new();
    archive.write(
        "notes/societe/a.md",
        &note("Soci\u{e9}t\u{e9}", "2026-10-01", &[]),
    );
    archive.write(
        "notes/societe/b.md",
        &note("Socie\u{301}te\u{301}", "2026-11-01", &[]),
    );
    let rows = archive.coach(&["customers", "--json"]).json();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows[0]["meetings"], 2, "{rows}");
    let history = archive
        .coach(&["history", "Soci\u{e9}t\u{e9}", "--json"])
        .json();
    assert_eq!(history["notes"].as_array().unwrap().len(), 2, "{history}");
}

// Regression: a note moved by hand into another customer's folder made
// `history` of that customer show the moved note's customer instead.
#[test]
fn history_takes_the_customer_by_name_before_any_folder() {
    let archive = Archive::new();
    archive.write(
        "notes/northwind/a.md",
        &note("Northwind", "2026-11-01", &[]),
    );
    archive.write("notes/northwind/moved.md", &note("Acme", "2026-11-02", &[]));
    let history = archive.coach(&["history", "Northwind", "--json"]).json();
    assert_eq!(history["customer"], "Northwind", "{history}");
    assert_eq!(history["notes"].as_array().unwrap().len(), 1, "{history}");
}

// Regression: any whole number in a review counted as a score, so a text
// answer typed as a number (or a hand-added one) moved the review score.
#[test]
fn only_the_review_checklists_scale_questions_score_a_review() {
    let archive = Archive::new();
    archive.write(
        "notes/acme/2026-11-01-review.md",
        "---\ncoach: 1\nchecklist: review\ncustomer: Acme\nmeeting: Quarterly review\ndate: \"2026-11-01\"\nanswers:\n  health: 2\n  understand-their-world.processes: 4\n  events: 120\n  headcount: 40\n---\n",
    );
    let customers = archive.coach(&["customers", "--json"]).json();
    assert_eq!(customers[0]["review_scores"], json!([3.0]));
    let history = archive.coach(&["history", "acme", "--json"]).json();
    let questions: Vec<&Value> = history["review"]
        .as_array()
        .unwrap()
        .iter()
        .map(|question| &question["question"])
        .collect();
    assert_eq!(questions, ["health", "understand-their-world.processes"]);
    let text = archive.coach(&["history", "acme"]).stdout;
    assert!(text.contains("Quarterly review  score 3.0"), "{text}");
}

/// A pack that adds one scale question to the review checklist.
const TRUST_PACK: &str = "\
patterns:
  - id: trust
    name: Trust
    summary: How far they trust us.
    questions:
      review:
        - id: level
          ask: How far do they trust you?
          kind: scale
";

// The scale questions are the loaded packs' own: one a pack adds scores the
// review; with packs that do not load, the built-in pack's count, and one
// warning says so.
#[test]
fn a_packs_own_review_scale_question_scores_and_a_broken_pack_falls_back_to_the_built_in_one() {
    let archive = Archive::new();
    archive.write(
        "notes/acme/2026-11-01-review.md",
        "---\ncoach: 1\nchecklist: review\ncustomer: Acme\nmeeting: Quarterly review\ndate: \"2026-11-01\"\nanswers:\n  health: 2\n  trust.level: 5\n---\n",
    );
    archive.write("pack/trust.yaml", TRUST_PACK);
    let with_pack = archive
        .coach(&["--patterns", "pack", "customers", "--json"])
        .json();
    assert_eq!(with_pack[0]["review_scores"], json!([3.5]));
    let history = archive
        .coach(&["--patterns", "pack", "history", "acme", "--json"])
        .json();
    assert_eq!(history["review"][1]["question"], "trust.level");
    let without = archive.coach(&["customers", "--json"]).json();
    assert_eq!(without[0]["review_scores"], json!([2.0]));
    archive.write("broken/bad.yaml", "patterns: [\n");
    let broken = archive.coach(&["--patterns", "broken", "customers", "--json"]);
    assert_eq!(broken.json()[0]["review_scores"], json!([2.0]));
    assert_eq!(
        broken.stderr,
        "coach: warning: the patterns do not load (`coach patterns check` says why); review scores count the built-in pack's scale questions\n"
    );
}
