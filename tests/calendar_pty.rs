//! `--from-ics` at a terminal: an invite of several events asks which, and
//! a customer the attendees do not tell is asked (issue 11, section 2).

use crate::pty::{Note, Place, Pty, DOWN, ENTER};

const PACK: &str = "\
patterns:
  - id: listen
    name: Listen
    summary: Listen before you talk.
    questions:
      prep:
        - id: worry
          ask: What worries you?
checklists:
  - id: prep
    title: Before the meeting
    start: [listen]
";

fn two_events() -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/ics/two-events.ics",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn an_invite_of_two_events_asks_which_and_then_who_the_customer_is() {
    let place = Place::new();
    place.write("pack/listen.yaml", PACK);
    place.write("invite.ics", &two_events());
    let mut coach = Pty::spawn(place.command(&[
        "--no-builtin",
        "--patterns",
        "pack",
        "--today",
        "2026-12-01",
        "prep",
        "--from-ics",
        "invite.ics",
    ]));
    coach.expect("Which meeting of the invite?");
    coach.expect("2026-12-10  Pilot demo day");
    coach.wait_for_key_read();
    coach.send(DOWN);
    coach.expect("❯ 2026-12-10  Pilot demo day");
    coach.send(ENTER);
    // fabrikam.example names no customer coach knows: asked.
    coach.answer("Who is the customer?", "Fabrikam");
    coach.answer("What worries you?", "The date");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let screen = coach.screen();
    assert!(!screen.contains("What is the meeting?"), "{screen}");
    assert!(!screen.contains("When is the meeting?"), "{screen}");
    let note = Note::read(&coach.written());
    assert_eq!(
        note.front["meeting"],
        serde_yaml::Value::from("Pilot demo day")
    );
    assert_eq!(note.front["date"], serde_yaml::Value::from("2026-12-10"));
    assert_eq!(note.front["customer"], serde_yaml::Value::from("Fabrikam"));
    assert_eq!(
        note.front["invite"]["uid"],
        serde_yaml::Value::from("7e0a9b3c-2d4f-4e1a-8b6c-5a4d3c2b1a09")
    );
}
