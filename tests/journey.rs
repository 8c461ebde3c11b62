//! Three meetings with one customer, scripted with the built-in pack (issue
//! 9, "Done when"): a prep, its debrief, the next week's prep and a review.
//! Each walk sees what the last one left open, nothing promised is lost,
//! and `coach due` agrees with the notes at every step.

use serde_json::Value;

use crate::support::notes_dir::NotesDir;

/// `coach due --json` on `today`: the open commitments' ids, in its order.
fn due(dir: &NotesDir, today: &str) -> Vec<String> {
    let run = dir.coach_on(today, &["due", "--json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json = run.json();
    let items = json
        .as_array()
        .or_else(|| json["commitments"].as_array())
        .unwrap_or_else(|| panic!("{json}"))
        .clone();
    items
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect()
}

/// A scripted walk of Hooli on `date` (also today), printing its JSON.
/// An empty `meeting` gives no `--meeting` (the review has no title).
fn walk(dir: &NotesDir, date: &str, walk: &[&str], meeting: &str, set: &[&str]) -> Value {
    let mut args = walk.to_vec();
    args.extend(["--customer", "Hooli"]);
    if !meeting.is_empty() {
        args.extend(["--meeting", meeting]);
    }
    args.extend(["--date", date, "--defaults", "--json"]);
    for answer in set {
        args.extend(["--set", answer]);
    }
    let run = dir.coach_on(date, &args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    run.json()
}

/// The note a walk wrote (its `path` is relative to where coach ran).
fn written(dir: &NotesDir, json: &Value) -> String {
    let path = json["path"].as_str().unwrap_or_else(|| panic!("{json}"));
    std::fs::read_to_string(dir.root().join(path)).unwrap()
}

fn ids(json: &Value) -> Vec<String> {
    json["commitments"]
        .as_array()
        .unwrap_or_else(|| panic!("{json}"))
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn three_meetings_with_one_customer_lose_no_promise() {
    let dir = NotesDir::new("coach-journey");

    // 1. The first prep: two promises made while preparing.
    let prep = walk(
        &dir,
        "2026-12-01",
        &["prep"],
        "Kickoff",
        &[
            "goal=Agree the pilot's scope",
            "promises=Send the agenda | 2026-12-02; Bring the demo",
        ],
    );
    let from_prep = ids(&prep);
    assert_eq!(from_prep.len(), 2, "{prep}");
    let mut open = due(&dir, "2026-12-01");
    open.sort();
    let mut made = from_prep.clone();
    made.sort();
    assert_eq!(open, made);
    // The agenda (with its date) is the first promise of the prep.
    let agenda = &prep["commitments"][0];
    assert_eq!(agenda["what"], "Send the agenda", "{prep}");

    // 2. Its debrief: the agenda was sent and is closed there; the demo,
    //    due on the meeting day and not brought, gets a new date.
    let debrief = walk(
        &dir,
        "2026-12-03",
        &["debrief"],
        "Kickoff",
        &[
            "overall=4",
            &format!("closed={}", from_prep[0]),
            &format!("rescheduled={}=2026-12-09", from_prep[1]),
        ],
    );
    assert_eq!(
        debrief["path"]
            .as_str()
            .map(|p| p.ends_with("2026-12-03-kickoff-debrief.md")),
        Some(true),
        "{debrief}"
    );
    let kickoff = written(&dir, &debrief);
    assert!(kickoff.contains("## Since last time"), "{kickoff}");
    assert!(kickoff.contains("Agree the pilot's scope"), "{kickoff}");
    assert!(
        kickoff.contains(&format!("- `{}` Send the agenda", from_prep[0])),
        "{kickoff}"
    );
    assert_eq!(due(&dir, "2026-12-03"), [from_prep[1].clone()]);
    let run = dir.coach_on("2026-12-03", &["due", "--json"]);
    assert!(
        run.stdout.contains("\"due\":\"2026-12-09\""),
        "{}",
        run.stdout
    );

    // 3. A week later, the next prep starts from what is still open: the
    //    demo (overdue since its new date) and not the agenda.
    let next = walk(
        &dir,
        "2026-12-10",
        &["prep"],
        "Pilot review",
        &["goal=Decide on the pilot"],
    );
    let note = written(&dir, &next);
    assert!(note.contains("## Since last time"), "{note}");
    assert!(
        note.contains("Bring the demo, due 2026-12-09, OVERDUE"),
        "{note}"
    );
    assert!(
        !note.contains("Send the agenda,"),
        "a closed promise is not open: {note}"
    );
    assert!(
        note.contains(&format!("open_at_start:\n- {}\n", from_prep[1])),
        "{note}"
    );
    assert_eq!(due(&dir, "2026-12-10"), [from_prep[1].clone()]);

    // 4. The review lists what was kept lately and keeps the open one open.
    let review = walk(&dir, "2026-12-12", &["walk", "review"], "", &["health=4"]);
    let note = written(&dir, &review);
    assert!(note.contains("Send the agenda"), "kept lately: {note}");
    assert!(note.contains("Bring the demo"), "still open: {note}");
    assert_eq!(due(&dir, "2026-12-12"), [from_prep[1].clone()]);
}
