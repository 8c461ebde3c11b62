//! One customer, one folder: the customer prompt offers the customers the
//! notes know, a debrief offers their recent meetings, and a name close to
//! a known one is caught (asked about on a terminal, warned about without).

use std::path::Path;
use std::process::{Command, Stdio};

use serde_yaml::Value;

use crate::pty::{interrupted, Note, Place, Pty, CTRL_C, DOWN, ENTER};
use crate::support::notes_dir::NotesDir;

/// A pack with one question for the prep and one for the debrief.
const SMALL: &str = "\
patterns:
  - id: listen
    name: Listen
    summary: Listen before you talk.
    questions:
      prep:
        - id: worry
          ask: What worries you?
      debrief:
        - id: heard
          ask: What did you hear?
checklists:
  - id: prep
    title: Before the meeting
    start: [listen]
  - id: debrief
    title: After the meeting
    start: [listen]
";

/// The small pack's arguments, then `args`.
fn small(args: &[&str]) -> Vec<String> {
    ["--no-builtin", "--patterns", "pack"]
        .iter()
        .chain(args)
        .map(|arg| arg.to_string())
        .collect()
}

/// A scripted prep written with no terminal, on `day`.
#[track_caller]
fn seed(place: &Place, day: &str, customer: &str, meeting: &str) {
    let args = small(&[
        "--today",
        day,
        "prep",
        "--customer",
        customer,
        "--meeting",
        meeting,
        "--defaults",
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = place
        .command(&args)
        .stdin(Stdio::null())
        .output()
        .expect("coach runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Northwind Traders (met first, Kickoff then Pilot review) and Contoso
/// (met last).
fn place_with_two_customers() -> Place {
    let place = Place::new();
    place.write("pack/small.yaml", SMALL);
    seed(&place, "2026-11-10", "Northwind Traders", "Kickoff");
    seed(&place, "2026-11-12", "Northwind Traders", "Pilot review");
    seed(&place, "2026-11-20", "Contoso", "Roadmap");
    place
}

/// `coach CHECKLIST` (words split at spaces) with the small pack.
fn walk(place: &Place, checklist: &str) -> Pty {
    let words: Vec<&str> = checklist.split(' ').collect();
    let args = small(&words);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Pty::spawn(place.command(&args))
}

/// The rest of a prep after the header's customer: meeting, date, worry.
fn finish_the_prep(coach: &mut Pty) {
    coach.answer("What is the meeting?", "Next steps");
    coach.answer("When is the meeting?", "");
    coach.answer("What worries you?", "");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
}

#[track_caller]
fn assert_in_folder(path: &Path, place: &Place, folder: &str) {
    assert_eq!(
        path.parent().unwrap(),
        place.notes().join(folder),
        "{}",
        path.display()
    );
}

fn text(value: &str) -> Value {
    Value::String(value.to_string())
}

#[test]
fn the_picker_lists_known_customers_newest_first_and_typing_part_of_a_name_picks_it() {
    let place = place_with_two_customers();
    let mut coach = walk(&place, "prep");
    coach.expect("Who is the customer?");
    let shown = coach.expect("New customer…");
    let contoso = shown.find("Contoso  (2026-11-20)").expect(&shown);
    let northwind = shown.find("Northwind Traders  (2026-11-12)").expect(&shown);
    assert!(contoso < northwind, "newest contact first:\n{shown}");
    coach.send("wind");
    coach.expect("❯ Northwind Traders");
    coach.send(ENTER);
    coach.expect("· Northwind Traders");
    finish_the_prep(&mut coach);
    let path = coach.written();
    assert_in_folder(&path, &place, "northwind-traders");
    assert_eq!(
        Note::read(&path).front["customer"],
        text("Northwind Traders")
    );
}

#[test]
fn new_customer_asks_for_the_name_and_makes_its_folder() {
    let place = place_with_two_customers();
    let mut coach = walk(&place, "prep");
    coach.expect("New customer…");
    coach.send(DOWN);
    coach.expect("❯ Northwind Traders");
    coach.send(DOWN);
    coach.expect("❯ New customer…");
    coach.send(ENTER);
    coach.answer("Who is the customer?", "Fabrikam");
    finish_the_prep(&mut coach);
    let path = coach.written();
    assert_in_folder(&path, &place, "fabrikam");
    assert_eq!(Note::read(&path).front["customer"], text("Fabrikam"));
}

#[test]
fn a_near_miss_typed_as_a_new_customer_is_caught_and_yes_takes_the_known_one() {
    let place = place_with_two_customers();
    let mut coach = walk(&place, "prep");
    coach.expect("New customer…");
    // Typing filters: only "New customer…" matches "new".
    coach.send("new");
    coach.expect("❯ New customer…");
    coach.send(ENTER);
    coach.answer("Who is the customer?", "northwind trader inc");
    coach.expect("Did you mean Northwind Traders?");
    coach.send(ENTER);
    finish_the_prep(&mut coach);
    let path = coach.written();
    assert_in_folder(&path, &place, "northwind-traders");
    assert_eq!(
        Note::read(&path).front["customer"],
        text("Northwind Traders")
    );
}

#[test]
fn a_near_miss_given_with_customer_on_a_terminal_is_asked_about_and_no_keeps_it() {
    let place = place_with_two_customers();
    let args = small(&["prep", "--customer", "Contosso"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut coach = Pty::spawn(place.command(&args));
    // Asked under the header's title, as its questions are.
    coach.expect("The meeting");
    coach.expect("Did you mean Contoso?");
    coach.send(&format!("n{ENTER}"));
    finish_the_prep(&mut coach);
    let path = coach.written();
    assert_in_folder(&path, &place, "contosso");
    assert_eq!(Note::read(&path).front["customer"], text("Contosso"));
}

#[test]
fn a_debrief_offers_the_customers_recent_meetings_newest_first() {
    let place = place_with_two_customers();
    let args = small(&["debrief", "--customer", "NORTHWIND traders"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut coach = Pty::spawn(place.command(&args));
    coach.expect("What is the meeting?");
    let shown = coach.expect("Another meeting…");
    let pilot = shown.find("Pilot review").expect(&shown);
    let kickoff = shown.find("Kickoff").expect(&shown);
    assert!(pilot < kickoff, "newest first:\n{shown}");
    coach.send(DOWN);
    coach.expect("❯ Kickoff");
    coach.send(ENTER);
    coach.answer("When is the meeting?", "");
    coach.answer("What did you hear?", "");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let path = coach.written();
    assert_in_folder(&path, &place, "northwind-traders");
    let note = Note::read(&path);
    assert_eq!(note.front["customer"], text("Northwind Traders"));
    assert_eq!(note.front["meeting"], text("Kickoff"));
}

// Nothing was answered yet: no draft, and a new walk offers the picker
// again (issue 10 section 4).
#[test]
fn ctrl_c_at_the_picker_keeps_no_draft_and_a_new_walk_offers_the_picker_again() {
    let place = place_with_two_customers();
    let mut coach = walk(&place, "prep");
    coach.expect("New customer…");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    coach.expect("coach: interrupted; nothing was answered yet, so no draft was kept");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    assert!(!place.notes().join(".drafts").exists());
    let mut coach = walk(&place, "prep");
    coach.expect("New customer…");
    coach.send("cont");
    coach.expect("❯ Contoso");
    coach.send(ENTER);
    coach.expect("✔ Who is the customer? · Contoso");
    finish_the_prep(&mut coach);
    assert_in_folder(&coach.written(), &place, "contoso");
}

#[test]
fn ctrl_c_at_did_you_mean_after_a_typed_answer_keeps_the_name_and_resume_asks_again() {
    let place = place_with_two_customers();
    // The worry answered by --set makes the draft worth keeping; the
    // customer flag alone would not.
    let args = small(&[
        "prep",
        "--customer",
        "Contosso",
        "--set",
        "listen.worry=Price",
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut coach = Pty::spawn(place.command(&args));
    coach.expect("Did you mean Contoso?");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    let draft = interrupted(&mut coach, &place);
    let kept = std::fs::read_to_string(&draft).unwrap();
    assert!(kept.contains("customer: Contosso"), "{kept}");
    let mut coach = walk(&place, "prep --resume");
    coach.expect("Did you mean Contoso?");
    coach.send(ENTER);
    coach.answer("What is the meeting?", "Next steps");
    coach.answer("When is the meeting?", "");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    assert_in_folder(&coach.written(), &place, "contoso");
}

/// A notes folder with Northwind Traders' prep, for walks without a terminal.
fn notes_with_northwind(no_index: bool) -> NotesDir {
    let notes = NotesDir::new("coach-names");
    notes.write("../pack/small.yaml", SMALL);
    let run = scripted(&notes, no_index, &["--customer", "Northwind Traders"]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    notes
}

fn scripted(notes: &NotesDir, no_index: bool, args: &[&str]) -> std::process::Output {
    let mut all = small(&[]);
    if no_index {
        all.push("--no-index".into());
    }
    all.extend(["prep", "--meeting", "Pilot", "--defaults"].map(String::from));
    all.extend(args.iter().map(|arg| arg.to_string()));
    let mut command: Command = notes.command("2026-11-20", &[]);
    command.args(all);
    command.output().expect("coach runs")
}

#[test]
fn without_a_terminal_a_near_miss_is_taken_as_given_with_one_warning_naming_the_known_one() {
    for no_index in [false, true] {
        let notes = notes_with_northwind(no_index);
        let run = scripted(&notes, no_index, &["--customer", "Northwind Trader"]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(0), "{stderr}");
        let warnings: Vec<&str> = stderr
            .lines()
            .filter(|line| line.starts_with("coach: warning:"))
            .collect();
        assert_eq!(
            warnings,
            ["coach: warning: customer \"Northwind Trader\" is close to the known customer \"Northwind Traders\"; the note is for \"Northwind Trader\" as given (to use the known one: --customer \"Northwind Traders\")"],
            "{stderr}"
        );
        let note = notes.read("northwind-trader/2026-11-20-pilot-prep.md");
        assert!(note.contains("customer: Northwind Trader\n"), "{note}");
    }
}

#[test]
fn a_near_miss_in_an_answers_file_is_warned_about_too() {
    let notes = notes_with_northwind(false);
    notes.write("../answers.yaml", "customer: Northwind Traders, Ltd.\n");
    let run = scripted(&notes, false, &["--answers", "answers.yaml"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("--customer \"Northwind Traders\")"),
        "{stderr}"
    );
}

#[test]
fn a_name_known_but_for_case_and_spacing_takes_the_known_spelling_and_folder_silently() {
    for no_index in [false, true] {
        let notes = notes_with_northwind(no_index);
        let run = scripted(&notes, no_index, &["--customer", "  northwind   TRADERS "]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(0), "{stderr}");
        assert!(!stderr.contains("warning"), "{stderr}");
        let note = notes.read("northwind-traders/2026-11-20-pilot-prep-2.md");
        assert!(note.contains("customer: Northwind Traders\n"), "{note}");
    }
}
