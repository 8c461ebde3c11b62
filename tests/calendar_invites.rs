//! `--from-ics`: a walk takes its meeting from a calendar invite exported
//! from Google Calendar, Outlook or Apple Calendar (issue 11, section 2).

use serde_yaml::Value;

use crate::support::notes_dir::{NotesDir, Run};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/ics/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// `coach ARGS` on `today` in Berlin, with no terminal.
fn coach(dir: &NotesDir, today: &str, args: &[&str]) -> Run {
    let mut command = dir.command(today, args);
    command.env("TZ", "Europe/Berlin");
    Run::from(command.output().expect("coach runs"))
}

/// A prep of the invite `name`, every other answer left to its default.
fn prep(dir: &NotesDir, name: &str, extra: &[&str]) -> Run {
    let file = fixture(name);
    let mut args = vec![
        "prep",
        "--from-ics",
        &file,
        "--no-input",
        "--defaults",
        "--set",
        "goal=Agree the pilot's scope",
        "--print-path",
    ];
    args.extend(extra);
    coach(dir, "2026-12-01", &args)
}

/// The front matter of the note `run` printed the path of.
fn front_matter(dir: &NotesDir, run: &Run) -> Value {
    assert_eq!(run.status, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(dir.root().join(run.stdout.trim())).unwrap();
    let yaml = text.split("---\n").nth(1).unwrap();
    serde_yaml::from_str(yaml).unwrap()
}

/// Notes of earlier meetings with Northwind Traders and Contoso, none from an invite.
fn customers() -> NotesDir {
    let dir = NotesDir::new("coach-invites");
    for (folder, name) in [
        ("northwind-traders", "Northwind Traders"),
        ("contoso", "Contoso"),
    ] {
        dir.write(
            &format!("{folder}/2026-11-02-intro-prep.md"),
            &format!("---\ncoach: 1\nchecklist: prep\ncustomer: {name}\nmeeting: Intro\ndate: \"2026-11-02\"\nanswers:\n  goal: Meet\n---\n"),
        );
    }
    dir
}

#[test]
fn a_google_invite_gives_title_local_date_customer_uid_and_attendees() {
    let dir = customers();
    let run = prep(&dir, "google.ics", &[]);
    let front = front_matter(&dir, &run);
    // A folded SUMMARY with an escaped comma.
    assert_eq!(
        front["meeting"],
        "Pilot kickoff: scope, ERP integration and the first warehouse (Northwind)"
    );
    // 16:00 in Los Angeles on the 3rd is 01:00 in Berlin on the 4th.
    assert_eq!(front["date"], "2026-12-04");
    assert_eq!(front["customer"], "Northwind Traders", "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the customer is Northwind Traders, from the invite's attendees"),
        "{}",
        run.stderr
    );
    let invite = &front["invite"];
    assert_eq!(invite["uid"], "5k2b9q0v1h7c3m8r4t6n0p2s9d@google.com");
    assert_eq!(invite["start"], "2026-12-03T16:00:00-08:00");
    assert_eq!(invite["organizer"], "dana.lee@northwind.example");
    let attendees: Vec<&str> = invite["attendees"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|address| address.as_str().unwrap())
        .collect();
    assert_eq!(
        attendees,
        [
            "dana.lee@northwind.example",
            "olaf.berg@northwind.example",
            "sam@mycorp.example"
        ]
    );
    assert_eq!(front["answers"]["goal"], "Agree the pilot's scope");
}

#[test]
fn an_outlook_invite_in_a_windows_zone_finds_its_customer_by_the_organizers_domain() {
    let dir = customers();
    let front = front_matter(&dir, &prep(&dir, "outlook.ics", &[]));
    assert_eq!(front["meeting"], "Quarterly business review");
    assert_eq!(front["date"], "2026-12-08");
    assert_eq!(front["customer"], "Contoso");
    assert_eq!(front["invite"]["start"], "2026-12-08T14:00:00+01:00");
    assert_eq!(
        front["invite"]["uid"],
        "040000008200E00074C5B7101A82E0080000000060B6D6DBA55ADC010000000000000000100000009D1C9E4C5A3B2E4F8B1F2A6E3D4C5B6A"
    );
}

#[test]
fn an_outlook_customized_zone_of_one_offset_is_read_from_its_vtimezone() {
    let dir = customers();
    let front = front_matter(&dir, &prep(&dir, "custom-zone.ics", &[]));
    assert_eq!(front["date"], "2026-12-09");
    assert_eq!(front["invite"]["start"], "2026-12-09T10:00:00+01:00");
    assert_eq!(front["customer"], "Contoso");
}

#[test]
fn a_weekly_series_takes_the_next_occurrence_skipping_an_excluded_one() {
    let dir = customers();
    // Today, 1 December, is a Tuesday the series leaves out (EXDATE).
    let front = front_matter(&dir, &prep(&dir, "weekly.ics", &[]));
    assert_eq!(front["meeting"], "Northwind weekly sync");
    assert_eq!(front["date"], "2026-12-08");
    assert_eq!(front["invite"]["start"], "2026-12-08T09:30:00+00:00");
    assert_eq!(front["customer"], "Northwind Traders");
}

#[test]
fn flags_win_over_the_invite_and_an_unknown_organisation_needs_customer() {
    let dir = customers();
    let front = front_matter(
        &dir,
        &prep(
            &dir,
            "google.ics",
            &[
                "--meeting",
                "Kickoff",
                "--date",
                "2026-12-02",
                "--customer",
                "Acme",
            ],
        ),
    );
    assert_eq!(front["meeting"], "Kickoff");
    assert_eq!(front["date"], "2026-12-02");
    assert_eq!(front["customer"], "Acme");

    let run = prep(&dir, "two-events.ics", &["--event", "1"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("coach: error: the customer cannot be told from the invite: no known customer matches mycorp.example, fabrikam.example"), "{}", run.stderr);
    assert!(
        run.stderr.contains("coach: hint: pass --customer NAME"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_invite_of_several_events_takes_event_n_and_without_it_lists_them() {
    let dir = customers();
    let front = front_matter(
        &dir,
        &prep(
            &dir,
            "two-events.ics",
            &["--event", "2", "--customer", "Fabrikam"],
        ),
    );
    assert_eq!(front["meeting"], "Pilot demo day");
    assert_eq!(front["date"], "2026-12-10");
    assert_eq!(front["invite"]["start"], "2026-12-10");

    let run = prep(&dir, "two-events.ics", &["--customer", "Fabrikam"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(
            "holds 2 events: 1. 2026-12-02 15:00  Discovery call; 2. 2026-12-10  Pilot demo day"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("pass --event N"), "{}", run.stderr);
    let run = prep(
        &dir,
        "two-events.ics",
        &["--customer", "Fabrikam", "--event", "3"],
    );
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("--event 3: "), "{}", run.stderr);
}

#[test]
fn a_bad_invite_is_one_error_line_and_writes_nothing() {
    for (name, problem) in [
        ("not-a-calendar.ics", "not an iCalendar file (it does not start with BEGIN:VCALENDAR)"),
        ("no-start.ics", "the event `Kickoff without a time` has no start (DTSTART)"),
        ("unknown-zone.ics", "the event `Renewal call` is in the time zone `Customized Time Zone 1`, which is neither an IANA zone nor a Windows zone coach knows"),
    ] {
        let dir = customers();
        let run = prep(&dir, name, &["--customer", "Contoso"]);
        assert_eq!(run.status, 2, "{name}: {}", run.stderr);
        assert_eq!(
            run.stderr,
            format!("coach: error: {}: {problem}; nothing was written\n", fixture(name))
        );
        let notes = walk(&dir.notes());
        assert_eq!(notes.len(), 2, "{name}: {notes:?}");
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else if path.extension().is_some_and(|ext| ext == "md") {
            found.push(path);
        }
    }
    found
}

#[test]
fn an_invite_on_standard_input_starts_a_prep_too() {
    let dir = customers();
    let mut command = dir.command(
        "2026-12-01",
        &[
            "prep",
            "--from-ics",
            "-",
            "--no-input",
            "--defaults",
            "--set",
            "goal=Renew",
            "--print-path",
        ],
    );
    command
        .env("TZ", "Europe/Berlin")
        .stdin(std::fs::File::open(fixture("outlook.ics")).unwrap());
    let front = front_matter(&dir, &Run::from(command.output().unwrap()));
    assert_eq!(front["meeting"], "Quarterly business review");
    assert_eq!(front["customer"], "Contoso");
}

#[test]
fn the_next_invite_from_the_same_organisation_finds_its_customer_by_the_domains_seen_before() {
    let dir = customers();
    // Fabrikam's domain names no customer: the first invite needs --customer.
    front_matter(
        &dir,
        &prep(
            &dir,
            "two-events.ics",
            &["--event", "1", "--customer", "Fabrikam"],
        ),
    );
    let front = front_matter(&dir, &prep(&dir, "two-events.ics", &["--event", "2"]));
    assert_eq!(front["customer"], "Fabrikam");
}

#[test]
fn a_debrief_of_the_same_invite_links_its_prep_even_when_the_title_changed() {
    let dir = customers();
    let prep_path = prep(&dir, "google.ics", &[]).stdout.trim().to_string();
    let renamed = std::fs::read_to_string(fixture("google.ics"))
        .unwrap()
        .replace("SUMMARY:Pilot kickoff", "SUMMARY:Moved: pilot kickoff");
    let file = dir.root().join("renamed.ics");
    std::fs::write(&file, renamed).unwrap();
    let run = coach(
        &dir,
        "2026-12-04",
        &[
            "debrief",
            "--from-ics",
            file.to_str().unwrap(),
            "--no-input",
            "--defaults",
            "--set",
            "overall=4",
            "--print-path",
        ],
    );
    let front = front_matter(&dir, &run);
    assert!(front["meeting"]
        .as_str()
        .unwrap()
        .starts_with("Moved: pilot kickoff"));
    let prep_name = std::path::Path::new(&prep_path).file_name().unwrap();
    assert_eq!(front["prep"].as_str(), prep_name.to_str(), "{}", run.stderr);
}

#[test]
fn a_review_from_an_invite_takes_its_day_and_leaves_the_title_out() {
    let dir = customers();
    let file = fixture("outlook.ics");
    let run = coach(
        &dir,
        "2026-12-01",
        &[
            "walk",
            "review",
            "--from-ics",
            &file,
            "--no-input",
            "--defaults",
            "--set",
            "health=3",
            "--print-path",
        ],
    );
    let front = front_matter(&dir, &run);
    assert_eq!(front["checklist"], "review");
    assert_eq!(front["meeting"], Value::Null);
    assert_eq!(front["date"], "2026-12-08");
    assert_eq!(front["customer"], "Contoso");
}
