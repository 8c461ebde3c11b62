//! `coach due --format ics|todo.txt` and `coach export`, read back by
//! parsers coach does not share code with: Python's `icalendar`,
//! `pytodotxt` and `csv` (issue 11, section 3).

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::support::notes_dir::NotesDir;

/// One debrief of Northwind Traders with three commitments: ours open and
/// due, theirs open without a date, ours kept.
fn archive() -> NotesDir {
    let dir = NotesDir::new("coach-exports");
    dir.write(
        "northwind-traders/2026-11-20-kickoff-debrief.md",
        "---\ncoach: 1\nchecklist: debrief\ncustomer: Northwind Traders\nmeeting: \"Kickoff, phase 1\"\ndate: \"2026-11-20\"\ninvite:\n  uid: 5k2b9q0v1h7c3m8r4t6n0p2s9d@google.com\n  start: \"2026-11-20T16:00:00-08:00\"\n  organizer: dana.lee@northwind.example\n  attendees:\n  - dana.lee@northwind.example\nanswers:\n  overall: 4\n  promises:\n  - id: c-plan0001\n    what: \"Send the plan; pricing, \\\"roadmap\\\"\"\n    due: \"2026-12-05\"\n    who: me\n    done: false\n  - id: c-figs0001\n    what: Share the shift figures\n    who: Dana Lee\n    done: false\n  - id: c-kept0001\n    what: Book the site visit\n    due: \"2026-11-25\"\n    who: me\n    done: true\n    closed: \"2026-11-24\"\n---\n",
    );
    dir
}

/// Runs `python3 -c script` on `input`; the packages are installed when
/// missing, as .ci/run does.
fn python(script: &str, input: &str) -> Value {
    let run = || {
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 is needed: exports are read back with Python's parsers");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let mut output = run();
    if String::from_utf8_lossy(&output.stderr).contains("No module named") {
        let pip = "python3 -m pip install -q icalendar pytodotxt \
                   || python3 -m pip install -q --break-system-packages icalendar pytodotxt";
        let _ = Command::new("sh").args(["-c", pip]).status();
        output = run();
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "python refused:\n{stderr}\n{input}"
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

const READ_ICS: &str = r#"
import sys, json, icalendar
calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)
def day(component, name):
    value = component.get(name)
    return None if value is None else value.dt.isoformat()
out = {"version": text(calendar, "VERSION"), "prodid": text(calendar, "PRODID"), "todos": [], "events": []}
for todo in calendar.walk("VTODO"):
    out["todos"].append({
        "uid": text(todo, "UID"),
        "summary": text(todo, "SUMMARY"),
        "description": text(todo, "DESCRIPTION"),
        "due": day(todo, "DUE"),
        "status": text(todo, "STATUS"),
        "completed": day(todo, "COMPLETED"),
        "stamped": todo.get("DTSTAMP") is not None,
        "alarms": [{
            "action": text(alarm, "ACTION"),
            "trigger": str(alarm.get("TRIGGER").dt),
            "related": alarm.get("TRIGGER").params.get("RELATED"),
            "description": text(alarm, "DESCRIPTION"),
        } for alarm in todo.walk("VALARM")],
    })
for event in calendar.walk("VEVENT"):
    out["events"].append({
        "uid": text(event, "UID"),
        "summary": text(event, "SUMMARY"),
        "description": text(event, "DESCRIPTION"),
        "start": day(event, "DTSTART"),
        "end": day(event, "DTEND"),
    })
print(json.dumps(out))
"#;

/// The note as `coach --notes-dir notes` names it.
fn note_path(_: &NotesDir) -> String {
    "notes/northwind-traders/2026-11-20-kickoff-debrief.md".to_string()
}

#[test]
fn due_as_ics_reads_back_in_python_icalendar_with_every_field() {
    let dir = archive();
    let run = dir.coach_on("2026-12-01", &["due", "--format", "ics"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    // CRLF line ends, long lines folded at 75 octets.
    assert!(run.stdout.ends_with("END:VCALENDAR\r\n"));
    for line in run.stdout.trim_end().split("\r\n") {
        assert!(!line.contains('\n') && line.len() <= 75, "{line:?}");
    }
    let calendar = python(READ_ICS, &run.stdout);
    assert_eq!(calendar["version"], "2.0");
    let note = note_path(&dir);
    let description = |who: &str| {
        format!("Customer: Northwind Traders\nMeeting: Kickoff, phase 1 (2026-11-20)\nWho: {who}\nNote: {note}")
    };
    assert_eq!(
        calendar["todos"],
        json!([
            {
                "uid": "c-plan0001@coach",
                "summary": "Send the plan; pricing, \"roadmap\"",
                "description": description("me (ours)"),
                "due": "2026-12-05",
                "status": "NEEDS-ACTION",
                "completed": null,
                "stamped": true,
                "alarms": [{
                    "action": "DISPLAY",
                    "trigger": "9:00:00",
                    "related": "END",
                    "description": "Send the plan; pricing, \"roadmap\"",
                }],
            },
            {
                "uid": "c-figs0001@coach",
                "summary": "Share the shift figures",
                "description": description("Dana Lee (theirs)"),
                "due": null,
                "status": "NEEDS-ACTION",
                "completed": null,
                "stamped": true,
                "alarms": [],
            },
        ])
    );
    assert_eq!(calendar["events"], json!([]));
}

#[test]
fn due_all_as_ics_marks_the_kept_one_completed_and_the_uids_stay_the_same() {
    let dir = archive();
    let first = dir.coach_on("2026-12-01", &["due", "--all", "--format", "ics"]);
    let calendar = python(READ_ICS, &first.stdout);
    let kept = calendar["todos"]
        .as_array()
        .unwrap()
        .iter()
        .find(|todo| todo["uid"] == "c-kept0001@coach")
        .unwrap()
        .clone();
    assert_eq!(kept["status"], "COMPLETED");
    assert_eq!(kept["completed"], "2026-11-24T00:00:00+00:00");
    assert_eq!(kept["due"], "2026-11-25");
    assert_eq!(kept["alarms"], json!([]));
    let again = dir.coach_on("2026-12-02", &["due", "--all", "--format", "ics"]);
    let uids = |calendar: &Value| -> Vec<Value> {
        calendar["todos"]
            .as_array()
            .unwrap()
            .iter()
            .map(|todo| todo["uid"].clone())
            .collect()
    };
    assert_eq!(uids(&calendar), uids(&python(READ_ICS, &again.stdout)));
}

#[test]
fn due_as_todo_txt_reads_back_in_pytodotxt() {
    let dir = archive();
    let run = dir.coach_on("2026-12-01", &["due", "--all", "--format", "todo.txt"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let script = r#"
import sys, json, pytodotxt
tasks = []
for line in sys.stdin.read().splitlines():
    task = pytodotxt.Task(line)
    tasks.append({
        "done": task.is_completed,
        "completed": task.completion_date and task.completion_date.isoformat(),
        "created": task.creation_date and task.creation_date.isoformat(),
        "what": task.bare_description(),
        "projects": task.projects,
        "attributes": task.attributes,
    })
print(json.dumps(tasks))
"#;
    let tasks = python(script, &run.stdout);
    let task = |what: &str, done: bool, completed: Value, attributes: Value| {
        json!({
            "done": done,
            "completed": completed,
            "created": "2026-11-20",
            "what": what,
            "projects": ["northwind-traders"],
            "attributes": attributes,
        })
    };
    let mut tasks: Vec<Value> = tasks.as_array().unwrap().clone();
    tasks.sort_by_key(|task| task["what"].as_str().unwrap().to_string());
    assert_eq!(
        tasks,
        [
            task(
                "Book the site visit",
                true,
                json!("2026-11-24"),
                json!({"due": ["2026-11-25"], "id": ["c-kept0001"]})
            ),
            task(
                "Send the plan; pricing, \"roadmap\"",
                false,
                Value::Null,
                json!({"due": ["2026-12-05"], "id": ["c-plan0001"]})
            ),
            task(
                "Share the shift figures",
                false,
                Value::Null,
                json!({"id": ["c-figs0001"]})
            ),
        ]
    );
}

const READ_CSV: &str = r#"
import sys, csv, json
print(json.dumps(list(csv.DictReader(sys.stdin.buffer.read().decode("utf-8").splitlines(True)))))
"#;

#[test]
fn export_csv_has_a_header_row_and_quotes_as_rfc_4180_says() {
    let dir = archive();
    let run = dir.coach_on("2026-12-01", &["export", "commitments", "--format", "csv"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .starts_with("id,what,due,who,side,done,closed,customer,meeting,date,checklist,note\r\n"));
    assert!(
        run.stdout
            .contains(",\"Send the plan; pricing, \"\"roadmap\"\"\","),
        "{}",
        run.stdout
    );
    let rows = python(READ_CSV, &run.stdout);
    let note = "northwind-traders/2026-11-20-kickoff-debrief.md";
    assert_eq!(
        rows[0],
        json!({"id": "c-plan0001", "what": "Send the plan; pricing, \"roadmap\"", "due": "2026-12-05",
               "who": "me", "side": "ours", "done": "false", "closed": "", "customer": "Northwind Traders",
               "meeting": "Kickoff, phase 1", "date": "2026-11-20", "checklist": "debrief", "note": note})
    );
    assert_eq!(rows[2]["closed"], "2026-11-24");
    assert_eq!(rows[2]["done"], "true");
    assert_eq!(rows.as_array().unwrap().len(), 3);

    let run = dir.coach_on("2026-12-01", &["export", "meetings", "--format", "csv"]);
    assert_eq!(
        python(READ_CSV, &run.stdout),
        json!([{"date": "2026-11-20", "customer": "Northwind Traders", "checklist": "debrief",
                "meeting": "Kickoff, phase 1", "path": note, "uid": "5k2b9q0v1h7c3m8r4t6n0p2s9d@google.com"}])
    );

    let run = dir.coach_on("2026-12-01", &["export", "--format", "csv"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("--format csv writes one table"),
        "{}",
        run.stderr
    );
}

#[test]
fn export_ics_holds_the_meetings_as_all_day_events_and_every_commitment() {
    let dir = archive();
    let run = dir.coach_on("2026-12-01", &["export", "--format", "ics"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let calendar = python(READ_ICS, &run.stdout);
    assert_eq!(
        calendar["events"],
        json!([{
            "uid": "northwind-traders/2026-11-20-kickoff-debrief.md@coach",
            "summary": "Northwind Traders: Kickoff, phase 1 (debrief)",
            "description": format!("Customer: Northwind Traders\nNote: {}", note_path(&dir)),
            "start": "2026-11-20",
            "end": "2026-11-21",
        }])
    );
    assert_eq!(calendar["todos"].as_array().unwrap().len(), 3);
}

#[test]
fn export_json_holds_meetings_and_commitments() {
    let dir = archive();
    let exported = dir.coach_on("2026-12-01", &["export"]).json();
    assert_eq!(exported["meetings"][0]["meeting"], "Kickoff, phase 1");
    assert_eq!(
        exported["meetings"][0]["uid"],
        "5k2b9q0v1h7c3m8r4t6n0p2s9d@google.com"
    );
    let ids: Vec<&str> = exported["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|commitment| commitment["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["c-plan0001", "c-figs0001", "c-kept0001"]);
}
