//! The real `coach` binary in a pseudo-terminal, driven key by key as a person
//! would: arrow keys, space, enter, Ctrl-C and Esc reach dialoguer's prompts.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::Session;
use serde_yaml::Value;
use tempfile::TempDir;

use crate::support::{isolate, BIN};

/// How long to wait for one piece of output: a hang guard, not a speed check.
const TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) const DOWN: &str = "\x1b[B";
pub(crate) const UP: &str = "\x1b[A";
pub(crate) const ENTER: &str = "\r";
const SPACE: &str = " ";
pub(crate) const BACKSPACE: &str = "\x7f";
pub(crate) const CTRL_C: &str = "\x03";
pub(crate) const ESC: &str = "\x1b";
/// What console writes to show the cursor again.
const SHOW_CURSOR: &str = "\x1b[?25h";

/// A pack with one question of every kind, and a pattern that only an
/// option's `include` reaches.
const EVERY_KIND: &str = "\
patterns:
  - id: every-kind
    name: Every Kind
    summary: A pattern that asks one question of every kind.
    tips:
      - Answer them all.
    questions:
      prep:
        - id: story
          ask: Tell the story so far.
          kind: long
        - id: signed
          ask: Have they signed the NDA?
          kind: confirm
        - id: mood
          ask: What mood are they in?
          kind: select
          options:
            - Calm
            - label: Angry
              include: [calm-them-down]
            - Unknown
        - id: topics
          ask: Which topics will come up?
          kind: multiselect
          options: [Pricing, Roadmap, Support, Security]
        - id: trust
          ask: How much do they trust us?
          kind: scale
        - id: follow-up
          ask: When do we follow up?
          kind: date
        - id: risks
          ask: Which risks do you see?
          kind: list
        - id: promises
          ask: What will you promise?
          kind: commitments
  - id: calm-them-down
    name: Calm Them Down
    summary: Let them vent before you talk about the topic.
    questions:
      prep:
        - id: first-words
          ask: What will you say first?
checklists:
  - id: prep
    title: Before the meeting
    start: [every-kind]
    questions:
      - id: goal
        ask: What must be true when the meeting ends?
        required: true
";

/// An editor that writes a fixed story into the file it is given last, and
/// notes that file's name next to itself.
const EDITOR_SCRIPT: &str = r#"#!/bin/sh
for file; do :; done
printf '%s\n' "$file" > "$(dirname "$0")/edited"
printf 'The pilot went well.\nThey want a second site.\n' > "$file"
"#;

/// A temporary directory with its own HOME, XDG dirs and notes directory.
pub(crate) struct Place {
    dir: TempDir,
}

impl Place {
    pub(crate) fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("coach-pty")
            .tempdir()
            .expect("temporary directory");
        Place { dir }
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn notes(&self) -> PathBuf {
        self.path().join("notes")
    }

    pub(crate) fn write(&self, relative: &str, contents: &str) -> PathBuf {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// The small pack with every kind of question, as `--patterns pack`.
    fn with_every_kind_pack(self) -> Self {
        self.write("pack/every-kind.yaml", EVERY_KIND);
        self
    }

    /// `coach ARGS` with a clean environment, like the support builder's.
    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let root = self.path();
        let mut command = Command::new(BIN);
        isolate(&mut command, root);
        command
            .arg("--notes-dir")
            .arg(self.notes())
            .args(args)
            .env("TERM", "xterm-256color")
            .env("TZ", "UTC");
        command
    }

    /// `coach ARGS` walking the every-kind pack without the built-in one.
    fn pack_command(&self, args: &[&str]) -> Command {
        let mut all = vec!["--no-builtin", "--patterns", "pack"];
        all.extend_from_slice(args);
        self.command(&all)
    }

    pub(crate) fn drafts(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.notes().join(".drafts")) {
            Ok(entries) => entries.map(|entry| entry.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }
}

/// A running `coach` on the far side of a pseudo-terminal, with everything it
/// printed so far.
pub(crate) struct Pty {
    session: OsSession,
    transcript: Vec<u8>,
    /// Where the next `expect` starts looking.
    seen: usize,
    eof: bool,
}

impl Pty {
    #[track_caller]
    pub(crate) fn spawn(command: Command) -> Self {
        let mut session = Session::spawn(command).expect("coach starts in a pseudo-terminal");
        // Wide enough that no prompt wraps; the child may have read 80x24 already,
        // which only changes where lines wrap.
        let _ = session.get_process_mut().set_window_size(160, 50);
        Pty {
            session,
            transcript: Vec::new(),
            seen: 0,
            eof: false,
        }
    }

    /// `command` in a terminal `columns` wide and `rows` high from its
    /// first byte on (`stty` sets the size before coach starts).
    #[track_caller]
    pub(crate) fn spawn_sized(command: Command, columns: u16, rows: u16) -> Self {
        let mut sized = Command::new("sh");
        sized.env_clear();
        for (key, value) in command.get_envs() {
            if let Some(value) = value {
                sized.env(key, value);
            }
        }
        if let Some(dir) = command.get_current_dir() {
            sized.current_dir(dir);
        }
        sized
            .arg("-c")
            .arg(format!(
                "stty cols {columns} rows {rows} && exec \"$0\" \"$@\""
            ))
            .arg(command.get_program())
            .args(command.get_args());
        let mut session = Session::spawn(sized).expect("coach starts in a pseudo-terminal");
        let _ = session.get_process_mut().set_window_size(columns, rows);
        Pty {
            session,
            transcript: Vec::new(),
            seen: 0,
            eof: false,
        }
    }

    /// Everything printed so far, as bytes.
    pub(crate) fn transcript(&mut self) -> &[u8] {
        while self.pump() {}
        &self.transcript
    }

    /// Reads what is available; false when there was nothing new.
    fn pump(&mut self) -> bool {
        if self.eof {
            return false;
        }
        let mut buffer = [0u8; 4096];
        match self.session.try_read(&mut buffer) {
            Ok(0) => {
                self.eof = true;
                false
            }
            Ok(count) => {
                self.transcript.extend_from_slice(&buffer[..count]);
                true
            }
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => false,
            // Linux reports EIO on the master once the child has closed the terminal.
            Err(_) => {
                self.eof = true;
                false
            }
        }
    }

    /// Everything printed so far, with escapes made visible, for failure messages.
    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(&self.transcript).replace('\x1b', "␛")
    }

    /// Waits for `text` after the previous match; returns the output up to and
    /// including it.
    #[track_caller]
    pub(crate) fn expect(&mut self, text: &str) -> String {
        self.expect_any(&[text]).1
    }

    /// Waits for whichever of `texts` comes first; returns its index and the
    /// output up to and including it.
    #[track_caller]
    fn expect_any(&mut self, texts: &[&str]) -> (usize, String) {
        let started = Instant::now();
        loop {
            let first = texts
                .iter()
                .enumerate()
                .filter_map(|(index, text)| {
                    find(&self.transcript[self.seen..], text.as_bytes()).map(|at| (at, index))
                })
                .min();
            if let Some((at, index)) = first {
                let end = self.seen + at + texts[index].len();
                let part = String::from_utf8_lossy(&self.transcript[self.seen..end]).into_owned();
                self.seen = end;
                return (index, part);
            }
            if self.eof || started.elapsed() > TIMEOUT {
                let why = if self.eof {
                    "coach ended".to_string()
                } else {
                    format!("waited {TIMEOUT:?}")
                };
                panic!(
                    "{why} without printing any of {texts:?}; coach printed:\n{}",
                    self.screen()
                );
            }
            if !self.pump() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }

    /// The next byte coach prints after the last match, once it is there.
    #[track_caller]
    fn next_byte(&mut self) -> u8 {
        let started = Instant::now();
        while self.transcript.len() == self.seen {
            if self.eof || started.elapsed() > TIMEOUT {
                panic!("coach printed nothing more:\n{}", self.screen());
            }
            if !self.pump() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        self.transcript[self.seen]
    }

    /// Everything printed since the last prompt line (`? `), up to what is
    /// on screen once coach reads a key: the items of a choice as drawn.
    #[track_caller]
    pub(crate) fn rendered(&mut self) -> String {
        self.wait_for_key_read();
        while self.pump() {}
        let text = String::from_utf8_lossy(&self.transcript).into_owned();
        let from = text.rfind("? ").unwrap_or(0);
        text[from..].to_string()
    }

    /// Waits until coach is reading a key. console switches the terminal to raw
    /// mode only while it reads one; a Ctrl-C arriving just before that would
    /// be turned into a signal by the terminal instead of reaching the prompt.
    #[track_caller]
    pub(crate) fn wait_for_key_read(&mut self) {
        let started = Instant::now();
        while !reading_keys(&self.session) {
            if started.elapsed() > TIMEOUT {
                panic!(
                    "coach did not start reading keys within {TIMEOUT:?}:\n{}",
                    self.screen()
                );
            }
            self.pump();
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Sends keys in one write, so an escape sequence arrives whole.
    #[track_caller]
    pub(crate) fn send(&mut self, keys: &str) {
        use std::io::Write;
        self.session
            .write_all(keys.as_bytes())
            .and_then(|()| self.session.flush())
            .unwrap_or_else(|error| panic!("cannot send {keys:?}: {error}\n{}", self.screen()));
    }

    /// Sends `signal` (`TERM`, `HUP`...) to coach with `kill`.
    #[track_caller]
    pub(crate) fn kill(&mut self, signal: &str) {
        let pid = self.session.get_process().pid().to_string();
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("kill runs");
        assert!(killed.success(), "kill -{signal} {pid} failed");
    }

    /// Waits for the prompt `ask` and types `text` and Enter.
    #[track_caller]
    pub(crate) fn answer(&mut self, ask: &str, text: &str) {
        self.expect(ask);
        self.expect("›");
        self.send(&format!("{text}{ENTER}"));
    }

    /// Reads to the end of the output and returns the exit code (128 + N for
    /// signal N).
    #[track_caller]
    pub(crate) fn finish(&mut self) -> i32 {
        let started = Instant::now();
        while !self.eof {
            if started.elapsed() > TIMEOUT {
                panic!(
                    "coach did not finish within {TIMEOUT:?}; it printed:\n{}",
                    self.screen()
                );
            }
            if !self.pump() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        loop {
            match self.session.get_process().status() {
                Ok(WaitStatus::Exited(_, code)) => return code,
                Ok(WaitStatus::Signaled(_, signal, _)) => return 128 + signal as i32,
                Ok(WaitStatus::StillAlive) if started.elapsed() < TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(2));
                }
                other => panic!("coach's exit status: {other:?}\n{}", self.screen()),
            }
        }
    }

    /// The path in `coach: wrote PATH`.
    #[track_caller]
    pub(crate) fn written(&self) -> PathBuf {
        let text = String::from_utf8_lossy(&self.transcript);
        let line = text
            .lines()
            .find_map(|line| line.split_once("coach: wrote ").map(|(_, path)| path))
            .unwrap_or_else(|| panic!("no `coach: wrote` line:\n{}", self.screen()));
        PathBuf::from(line.trim())
    }
}

/// Whether the terminal is in raw mode (no canonical line editing), as
/// console sets it while it reads a key. On the master side of a
/// pseudo-terminal, tcgetattr reports the child's settings.
fn reading_keys(session: &OsSession) -> bool {
    use nix::sys::termios::{tcgetattr, LocalFlags};
    use std::os::fd::AsRawFd;
    tcgetattr(session.as_raw_fd())
        .is_ok_and(|termios| !termios.local_flags.contains(LocalFlags::ICANON))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// A note split into its parsed front matter and its markdown body.
pub(crate) struct Note {
    pub(crate) front: Value,
    body: String,
}

impl Note {
    #[track_caller]
    pub(crate) fn read(path: &Path) -> Self {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let rest = text
            .strip_prefix("---\n")
            .unwrap_or_else(|| panic!("no front matter:\n{text}"));
        let (front, body) = rest
            .split_once("\n---\n")
            .unwrap_or_else(|| panic!("front matter not closed:\n{text}"));
        Note {
            front: serde_yaml::from_str(front)
                .unwrap_or_else(|error| panic!("front matter: {error}\n{front}")),
            body: body.to_string(),
        }
    }

    pub(crate) fn answer(&self, id: &str) -> &Value {
        &self.front["answers"][id]
    }

    fn patterns(&self) -> Vec<&str> {
        self.front["patterns"]
            .as_sequence()
            .expect("patterns is a list")
            .iter()
            .map(|id| id.as_str().expect("pattern id"))
            .collect()
    }

    #[track_caller]
    fn body_has(&self, needle: &str) {
        assert!(
            self.body.contains(needle),
            "the note body lacks {needle:?}:\n{}",
            self.body
        );
    }
}

fn text(value: &str) -> Value {
    Value::String(value.to_string())
}

/// Today where the child runs (TZ=UTC).
fn today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

#[test]
fn every_kind_of_question_can_be_answered_with_the_keyboard() {
    let place = Place::new().with_every_kind_pack();
    let editor = place.write("editor.sh", EDITOR_SCRIPT);
    make_executable(&editor);
    let before = today();
    let mut command = place.pack_command(&["prep"]);
    command.env("EDITOR", &editor);
    let mut coach = Pty::spawn(command);

    // A required answer left empty is refused and asked again.
    coach.answer("Who is the customer?", "");
    coach.expect("✘");
    coach.expect("Who is the customer?");
    coach.expect("›");
    coach.send("Acmx");
    coach.expect("Acmx");
    // In line mode the terminal itself would take Backspace as an erase.
    coach.wait_for_key_read();
    coach.send(BACKSPACE);
    coach.send(&format!("e{ENTER}"));
    coach.expect("✔ Who is the customer? · Acme");
    coach.answer("What is the meeting?", "Pilot review");
    coach.answer("When is the meeting?", "");
    coach.answer("What must be true when the meeting ends?", "A signed order");

    coach.expect("pattern 1 of");
    coach.expect("Every Kind");
    coach.expect("? Tell the story so far. (opening ");

    coach.expect("Have they signed the NDA? (y/n)");
    coach.send("y\r");
    coach.expect("✔ Have they signed the NDA? · yes");

    // An optional choice without a default starts on "(skip)".
    coach.expect("What mood are they in?");
    coach.expect("❯ (skip)");
    coach.send(DOWN);
    coach.expect("❯ Calm");
    coach.send(DOWN);
    coach.expect("❯ Angry");
    coach.send(ENTER);
    coach.expect("✔ What mood are they in? · Angry");

    // No colour: the current item has no mark, so wait for each redraw
    // (the last item) before the next key.
    coach.expect("(space toggles, enter accepts)");
    coach.expect("⬚ Security");
    coach.send(SPACE);
    coach.expect("✔ Pricing");
    coach.expect("⬚ Security");
    coach.send(DOWN);
    coach.expect("⬚ Security");
    coach.send(DOWN);
    coach.expect("⬚ Security");
    coach.send(SPACE);
    coach.expect("✔ Support");
    coach.expect("⬚ Security");
    coach.send(ENTER);
    coach.expect("· Pricing, Support");

    coach.expect("How much do they trust us?");
    coach.expect("❯ (skip)");
    coach.send(UP);
    coach.expect("❯ 5");
    coach.send(UP);
    coach.expect("❯ 4");
    coach.send(ENTER);
    coach.expect("✔ How much do they trust us? · 4");

    coach.answer("When do we follow up?", "someday");
    coach.expect("✘ `someday` is not a date");
    coach.answer("When do we follow up?", "+3d");
    coach.expect("✔ When do we follow up? · +3d");

    coach.expect("Which risks do you see?");
    coach.answer("item 1 (empty line ends)", "Budget freeze");
    coach.answer("item 2 (empty line ends)", "New CTO");
    coach.answer("item 3 (empty line ends)", "");

    coach.expect("What will you promise?");
    coach.answer("Promise 1 (empty line ends)", "Send the pricing sheet");
    coach.answer("due", "+3d");
    coach.answer("who (optional)", "Dana");
    coach.answer("Promise 2 (empty line ends)", "");

    // Reachable only through the `Angry` option's include.
    coach.expect("Calm Them Down");
    coach.answer("What will you say first?", "I hear you");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let after = today();

    let note = Note::read(&coach.written());
    assert_eq!(note.front["customer"], text("Acme"));
    assert_eq!(note.front["meeting"], text("Pilot review"));
    let date = note.front["date"].as_str().expect("date").to_string();
    assert!(
        [before.to_string(), after.to_string()].contains(&date),
        "{date}"
    );
    assert_eq!(note.patterns(), ["every-kind", "calm-them-down"]);
    assert_eq!(note.answer("goal"), &text("A signed order"));
    assert_eq!(
        note.answer("every-kind.story"),
        &text("The pilot went well.\nThey want a second site.")
    );
    assert_eq!(note.answer("every-kind.signed"), &Value::Bool(true));
    assert_eq!(note.answer("every-kind.mood"), &text("Angry"));
    assert_eq!(
        note.answer("every-kind.topics"),
        &Value::from(vec!["Pricing", "Support"])
    );
    assert_eq!(note.answer("every-kind.trust"), &Value::from(4));
    let in_three_days =
        [before, after].map(|day| day.checked_add(jiff::ToSpan::days(3)).unwrap().to_string());
    let follow_up = note
        .answer("every-kind.follow-up")
        .as_str()
        .expect("a date");
    assert!(
        in_three_days.iter().any(|day| day == follow_up),
        "{follow_up}"
    );
    assert_eq!(
        note.answer("every-kind.risks"),
        &Value::from(vec!["Budget freeze", "New CTO"])
    );
    let promises = note.answer("every-kind.promises");
    let promise = &promises[0];
    assert_eq!(
        promises.as_sequence().map(Vec::len),
        Some(1),
        "{promises:?}"
    );
    assert!(
        promise["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("c-")),
        "{promise:?}"
    );
    assert_eq!(promise["what"], text("Send the pricing sheet"));
    assert_eq!(promise["due"].as_str(), Some(follow_up));
    assert_eq!(promise["who"], text("Dana"));
    assert_eq!(promise["done"], Value::Bool(false));
    assert_eq!(
        note.answer("calm-them-down.first-words"),
        &text("I hear you")
    );

    let edited = std::fs::read_to_string(place.path().join("edited")).expect("the editor ran");
    assert!(edited.trim_end().ends_with(".md"), "{edited}");
    note.body_has("**Tell the story so far.**\nThe pilot went well.\nThey want a second site.\n");
    note.body_has("4/5");
    note.body_has("- Budget freeze\n- New CTO\n");
    note.body_has(&format!(
        "- [ ] Send the pricing sheet (due {follow_up}, Dana)"
    ));
    note.body_has("## Calm Them Down");
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Every pack answer except the long story, so only the story is asked.
const ALL_BUT_THE_STORY: [&str; 16] = [
    "--set",
    "every-kind.signed=no",
    "--set",
    "every-kind.mood=Calm",
    "--set",
    "every-kind.topics=Pricing",
    "--set",
    "every-kind.trust=2",
    "--set",
    "every-kind.follow-up=+1d",
    "--set",
    "every-kind.risks=Budget",
    "--set",
    "every-kind.promises=Call back | +1d",
    "--set",
    "goal=A signed order",
];

/// `prep` arguments that answer the header and every question but the story.
fn only_the_story_asked() -> Vec<&'static str> {
    let mut args = vec![
        "prep",
        "--customer",
        "Acme",
        "--meeting",
        "Pilot",
        "--date",
        "today",
    ];
    args.extend(ALL_BUT_THE_STORY);
    args
}

#[test]
fn a_long_answer_without_an_editor_is_typed_line_by_line() {
    let place = Place::new().with_every_kind_pack();
    let args = only_the_story_asked();
    let mut coach = Pty::spawn(place.pack_command(&args));

    coach.expect("? Tell the story so far.");
    coach.answer("line 1 (empty line ends)", "We met in May.");
    coach.answer("line 2 (empty line ends)", "They liked the demo.");
    coach.answer("line 3 (empty line ends)", "");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());

    let note = Note::read(&coach.written());
    assert_eq!(
        note.answer("every-kind.story"),
        &text("We met in May.\nThey liked the demo.")
    );
    note.body_has("**Tell the story so far.**\nWe met in May.\nThey liked the demo.\n");
}

/// The header and the checklist's own question, typed.
fn answer_the_header_and_goal(coach: &mut Pty) {
    coach.answer("Who is the customer?", "Acme");
    coach.answer("What is the meeting?", "Pilot review");
    coach.answer("When is the meeting?", "");
    coach.answer("What must be true when the meeting ends?", "A signed order");
}

/// The story typed as one line.
fn answer_the_story(coach: &mut Pty) {
    coach.expect("? Tell the story so far.");
    coach.answer("line 1 (empty line ends)", "We met in May.");
    coach.answer("line 2 (empty line ends)", "");
}

/// From the mood question on: the first option, nothing ticked, the middle of
/// the scale, and nothing for the optional rest.
fn answer_from_the_mood_on(coach: &mut Pty) {
    coach.expect("❯ (skip)");
    coach.send(DOWN);
    coach.expect("❯ Calm");
    coach.send(ENTER);
    coach.expect("✔ What mood are they in? · Calm");
    answer_from_the_topics_on(coach);
}

/// From the topics question on: nothing ticked, the middle of the scale,
/// and nothing for the optional rest.
fn answer_from_the_topics_on(coach: &mut Pty) {
    coach.expect("(space toggles, enter accepts)");
    coach.expect("⬚ Security");
    coach.send(ENTER);
    coach.expect("How much do they trust us?");
    coach.expect("❯ (skip)");
    for point in ["1", "2", "3"] {
        coach.send(DOWN);
        coach.expect(&format!("❯ {point}"));
    }
    coach.send(ENTER);
    coach.expect("✔ How much do they trust us? · 3");
    coach.answer("When do we follow up?", "");
    coach.answer("item 1 (empty line ends)", "");
    coach.answer("Promise 1 (empty line ends)", "");
    coach.expect("coach: wrote");
}

/// Checks the end of an interrupted walk and returns the draft's path.
#[track_caller]
pub(crate) fn interrupted(coach: &mut Pty, place: &Place) -> PathBuf {
    let line = coach.expect("--resume`");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    let line = line
        .lines()
        .find(|line| line.contains("coach: interrupted"))
        .unwrap_or_else(|| panic!("no interrupted line:\n{}", coach.screen()));
    assert!(
        line.ends_with("; continue with `coach prep --resume`"),
        "{line}"
    );
    let draft = line
        .split_once("answers so far saved in ")
        .and_then(|(_, rest)| rest.split_once("; continue"))
        .map(|(path, _)| PathBuf::from(path))
        .unwrap_or_else(|| panic!("no draft path in {line:?}"));
    assert_eq!(place.drafts(), std::slice::from_ref(&draft));
    // The cursor that dialoguer hid for the select or confirm is shown again.
    let output = coach.screen();
    let hidden = output.rfind("␛[?25l");
    let shown = output.rfind(&SHOW_CURSOR.replace('\x1b', "␛"));
    assert!(
        hidden.is_some() && shown > hidden,
        "the cursor is left hidden:\n{output}"
    );
    draft
}

#[track_caller]
fn read_yaml(path: &Path) -> Value {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|error| panic!("{error}:\n{text}"))
}

#[test]
fn ctrl_c_in_a_select_keeps_a_draft_that_resume_continues() {
    let place = Place::new().with_every_kind_pack();
    let mut coach = Pty::spawn(place.pack_command(&["prep"]));
    answer_the_header_and_goal(&mut coach);
    answer_the_story(&mut coach);
    coach.expect("Have they signed the NDA? (y/n)");
    coach.send("y\r");
    coach.expect("✔ Have they signed the NDA? · yes");
    coach.expect("What mood are they in?");
    coach.expect("(skip)");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    let draft = interrupted(&mut coach, &place);

    let saved = read_yaml(&draft);
    assert_eq!(saved["customer"], text("Acme"));
    assert_eq!(saved["meeting"], text("Pilot review"));
    assert!(saved["date"].as_str().is_some(), "{saved:?}");
    assert_eq!(saved["goal"], text("A signed order"));
    assert_eq!(saved["every-kind.story"], text("We met in May."));
    assert_eq!(saved["every-kind.signed"], Value::Bool(true));
    assert_eq!(saved.get("every-kind.mood"), None, "{saved:?}");

    let mut coach = Pty::spawn(place.pack_command(&["prep", "--resume"]));
    let before = coach.expect("What mood are they in?");
    for asked in [
        "Who is the customer?",
        "What must be true",
        "Tell the story",
        "NDA",
    ] {
        assert!(!before.contains(asked), "asked again: {asked}\n{before}");
    }
    answer_from_the_mood_on(&mut coach);
    assert_eq!(coach.finish(), 0, "{}", coach.screen());

    let note = Note::read(&coach.written());
    assert_eq!(note.front["customer"], text("Acme"));
    assert_eq!(note.front["meeting"], text("Pilot review"));
    assert_eq!(note.answer("goal"), &text("A signed order"));
    assert_eq!(note.answer("every-kind.story"), &text("We met in May."));
    assert_eq!(note.answer("every-kind.signed"), &Value::Bool(true));
    assert_eq!(note.answer("every-kind.mood"), &text("Calm"));
    assert_eq!(note.answer("every-kind.trust"), &Value::from(3));
    note.body_has("3/5");
    assert!(!draft.exists(), "the draft is left behind");
    assert_eq!(place.drafts(), Vec::<PathBuf>::new());
}

// Regression: a yes/no prompt took the first key, so "yes" typed at it
// answered it with the `y` and gave "es" to the next question.
#[test]
fn a_yes_typed_in_full_answers_only_its_question_and_esc_skips_an_optional_choice() {
    let place = Place::new().with_every_kind_pack();
    let mut coach = Pty::spawn(place.pack_command(&["prep"]));
    answer_the_header_and_goal(&mut coach);
    answer_the_story(&mut coach);
    coach.expect("Have they signed the NDA? (y/n)");
    coach.send("yes\r");
    coach.expect("✔ Have they signed the NDA? · yes");
    coach.expect("❯ (skip)");
    coach.wait_for_key_read();
    coach.send(ESC);
    coach.expect("✔ What mood are they in? · (skip)");
    coach.expect("(space toggles, enter accepts)");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    let draft = interrupted(&mut coach, &place);

    let saved = read_yaml(&draft);
    assert_eq!(saved["customer"], text("Acme"));
    assert_eq!(saved["every-kind.story"], text("We met in May."));
    assert_eq!(saved["every-kind.signed"], Value::Bool(true), "{saved:?}");
    assert_eq!(saved.get("every-kind.mood"), None, "{saved:?}");

    let mut coach = Pty::spawn(place.pack_command(&["prep", "--resume"]));
    let before = coach.expect("Which topics will come up?");
    for asked in [
        "Who is the customer?",
        "What must be true",
        "Tell the story",
        "Have they signed the NDA?",
        "What mood are they in?",
    ] {
        assert!(!before.contains(asked), "asked again: {asked}\n{before}");
    }
    answer_from_the_topics_on(&mut coach);
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let note = Note::read(&coach.written());
    assert_eq!(note.answer("every-kind.mood"), &Value::Null);
}

/// Answers whatever coach asks, in the simplest way that passes, until it
/// writes the note; in the select whose question contains `pick.0`, chooses
/// the option `pick.1` with arrow keys.
fn answer_everything(coach: &mut Pty, pick: (&str, &str)) {
    loop {
        let (which, part) = coach.expect_any(&["›", "coach: wrote"]);
        if which == 1 {
            return;
        }
        let prompt = part.rsplit('\n').next().unwrap_or_default();
        if prompt.contains("(y/n)") {
            coach.send("y\r");
            coach.expect("·");
        } else if prompt.contains("(space toggles, enter accepts)") {
            coach.send(SPACE);
            coach.expect("✔");
            coach.send(ENTER);
            coach.expect("·");
        } else if coach.next_byte() != b' ' {
            // A select or scale: its items follow on the next lines.
            if prompt.contains(pick.0) {
                choose(coach, pick.1);
            } else {
                // The cursor starts on the default or "(skip)", or on nothing
                // for a required choice: Down then reaches the first option.
                coach.wait_for_key_read();
                if !coach.rendered().contains("❯ ") {
                    coach.send(DOWN);
                }
                coach.send(ENTER);
                coach.expect("·");
            }
        } else {
            let reply = if prompt.contains("    due") {
                "+3d"
            } else if prompt.contains("who (optional)") {
                "Dana"
            } else if prompt.contains(" 1 (empty line ends)") {
                "First thing"
            } else if prompt.contains("(empty line ends)") {
                ""
            } else {
                "Some text"
            };
            coach.send(&format!("{reply}{ENTER}"));
            if coach.expect_any(&["·", "✘"]).0 == 1 {
                // A date question refuses plain text and asks again.
                coach.expect("›");
                coach.send(&format!("+3d{ENTER}"));
                coach.expect("·");
            }
        }
    }
}

/// Moves down a select to `label`, counting from the items on screen (the
/// cursor may start anywhere, or nowhere), and picks it.
pub(crate) fn choose(coach: &mut Pty, label: &str) {
    coach.expect(label);
    let shown = coach.rendered();
    let items: Vec<&str> = shown
        .lines()
        .rev()
        .map(|line| line.trim_end_matches('\r'))
        .take_while(|line| line.starts_with("❯ ") || line.starts_with("  "))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let name = |line: &str| {
        line.chars()
            .skip(2)
            .collect::<String>()
            .trim_end()
            .to_string()
    };
    let target = items
        .iter()
        .position(|line| name(line) == label)
        .unwrap_or_else(|| panic!("{label:?} is not among the items {items:?}"));
    let presses = match items.iter().position(|line| line.starts_with("❯ ")) {
        Some(at) => (target + items.len() - at) % items.len(),
        None => target + 1,
    };
    for _ in 0..presses {
        coach.send(DOWN);
    }
    coach.send(ENTER);
    coach.expect(&format!("· {label}"));
}

#[test]
fn prep_and_debrief_of_the_built_in_pack_can_be_answered_in_full() {
    let place = Place::new();
    let header = [
        "--customer",
        "Acme",
        "--meeting",
        "Pilot review",
        "--date",
        "today",
    ];
    let mut prep = vec!["prep"];
    prep.extend(header);
    let mut coach = Pty::spawn(place.command(&prep));
    answer_everything(
        &mut coach,
        (
            "What kind of customer do you expect to face?",
            "Angry or upset",
        ),
    );
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let screen = coach.screen();
    assert!(
        screen.contains("Take Your Licks")
            && screen.contains("? What complaints are they likely to raise"),
        "take-your-licks was not asked:\n{screen}"
    );
    let prep_path = coach.written();
    let prep_note = Note::read(&prep_path);
    assert_eq!(prep_note.front["checklist"], text("prep"));
    assert!(prep_note.patterns().contains(&"take-your-licks"));
    assert_eq!(
        prep_note.answer("know-which-customer-you-face.customer-type"),
        &text("Angry or upset")
    );

    let mut debrief = vec!["debrief"];
    debrief.extend(header);
    let mut coach = Pty::spawn(place.command(&debrief));
    answer_everything(
        &mut coach,
        ("How tense did the meeting get?", "Calm throughout"),
    );
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let debrief_note = Note::read(&coach.written());
    assert_eq!(debrief_note.front["checklist"], text("debrief"));
    let prep_name = prep_path.file_name().unwrap().to_str().unwrap();
    assert_eq!(debrief_note.front["prep"], text(prep_name));
    debrief_note.body_has(&format!("Prepared in [{prep_name}]("));
}

#[test]
fn a_terminal_without_terminal_input_fails_at_once_instead_of_waiting() {
    let place = Place::new().with_every_kind_pack();
    let mut command = place.pack_command(&["prep"]);
    // stdout and stderr stay on the pseudo-terminal; console would read keys
    // from /dev/tty, which is that terminal too.
    command.stdin(Stdio::null());
    let mut coach = Pty::spawn(command);
    coach.expect("missing answer `customer`");
    assert_eq!(coach.finish(), 2, "{}", coach.screen());
    assert!(
        !coach.screen().contains('›'),
        "coach prompted:\n{}",
        coach.screen()
    );
    assert_eq!(place.drafts(), Vec::<PathBuf>::new());
}

#[test]
// Regression: drafts lost the questions skipped on purpose, so --resume asked them again.
fn resume_does_not_ask_again_a_question_skipped_before_the_interrupt() {
    let place = Place::new().with_every_kind_pack();
    let mut coach = Pty::spawn(place.pack_command(&["prep"]));
    coach.answer("Who is the customer?", "Acme");
    // Skipped: the meeting has no title.
    coach.answer("What is the meeting?", "");
    coach.answer("When is the meeting?", "");
    coach.answer("What must be true when the meeting ends?", "A signed order");
    answer_the_story(&mut coach);
    coach.expect("Have they signed the NDA? (y/n)");
    coach.send(CTRL_C);
    interrupted(&mut coach, &place);

    let mut coach = Pty::spawn(place.pack_command(&["prep", "--resume"]));
    let (next, shown) = coach.expect_any(&["What is the meeting?", "Have they signed the NDA?"]);
    assert_eq!(next, 1, "the skipped question is asked again:\n{shown}");
    coach.expect("(y/n)");
    coach.send("n\r");
    coach.expect("What mood are they in?");
    answer_from_the_mood_on(&mut coach);
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let note = Note::read(&coach.written());
    assert_eq!(note.front["meeting"], Value::Null);
    assert_eq!(note.answer("every-kind.story"), &text("We met in May."));
}

// Regression: an answers-file entry for a pattern the walk never reached used
// to fail the run after the person had typed the whole walk, losing it all.
#[test]
fn an_unreached_scripted_answer_does_not_cost_a_typed_walk_its_note() {
    let place = Place::new().with_every_kind_pack();
    let mut args = only_the_story_asked();
    // Calm includes nothing, so calm-them-down is never walked.
    args.extend(["--set", "calm-them-down.first-words=Sorry"]);
    let mut coach = Pty::spawn(place.pack_command(&args));

    coach.expect("? Tell the story so far.");
    coach.answer("line 1 (empty line ends)", "Typed by hand.");
    coach.answer("line 2 (empty line ends)", "");
    coach.expect("coach: warning: `calm-them-down.first-words` was answered, but its pattern is not part of this walk");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());

    let note = Note::read(&coach.written());
    assert_eq!(note.answer("every-kind.story"), &text("Typed by hand."));
    assert!(!note.patterns().contains(&"calm-them-down"));
}

/// Answers two questions, sends `signal` with `kill` while coach waits for
/// the third, and checks the draft and that `--resume` continues after them.
#[track_caller]
fn a_signal_keeps_a_draft_that_resume_continues(signal: &str, code: i32) {
    let place = Place::new().with_every_kind_pack();
    let mut coach = Pty::spawn(place.pack_command(&["prep"]));
    coach.answer("Who is the customer?", "Acme");
    coach.answer("What is the meeting?", "Pilot review");
    coach.expect("When is the meeting?");
    coach.expect("›");
    coach.wait_for_key_read();
    coach.kill(signal);
    let line = coach.expect("--resume`");
    assert_eq!(coach.finish(), code, "{}", coach.screen());
    assert!(
        line.contains("coach: interrupted; answers so far saved in "),
        "{}",
        coach.screen()
    );
    let output = coach.screen();
    assert!(
        output.contains(&SHOW_CURSOR.replace('\x1b', "␛")),
        "the cursor is not shown:\n{output}"
    );
    assert!(
        !reading_keys(&coach.session),
        "the terminal is left in raw mode"
    );
    let drafts = place.drafts();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let saved = read_yaml(&drafts[0]);
    assert_eq!(saved["customer"], text("Acme"));
    assert_eq!(saved["meeting"], text("Pilot review"));

    let mut coach = Pty::spawn(place.pack_command(&["prep", "--resume"]));
    let before = coach.expect("When is the meeting?");
    for asked in ["Who is the customer?", "What is the meeting?"] {
        assert!(!before.contains(asked), "asked again: {asked}\n{before}");
    }
    coach.expect("›");
    coach.wait_for_key_read();
    coach.kill("TERM");
    coach.expect("--resume`");
    assert_eq!(coach.finish(), 143, "{}", coach.screen());
}

#[test]
fn sigterm_keeps_a_draft_that_resume_continues_and_exits_143() {
    a_signal_keeps_a_draft_that_resume_continues("TERM", 143);
}

#[test]
fn sighup_keeps_a_draft_that_resume_continues_and_exits_129() {
    a_signal_keeps_a_draft_that_resume_continues("HUP", 129);
}

#[test]
fn sigint_from_kill_keeps_a_draft_that_resume_continues_and_exits_130() {
    a_signal_keeps_a_draft_that_resume_continues("INT", 130);
}

#[test]
fn sigquit_keeps_a_draft_that_resume_continues_and_exits_131() {
    a_signal_keeps_a_draft_that_resume_continues("QUIT", 131);
}

/// `prep` arguments that answer the header and every question but `id`.
fn all_but(id: &str) -> Vec<String> {
    let mut args: Vec<String> = only_the_story_asked()
        .into_iter()
        .map(str::to_string)
        .collect();
    args.extend(["--set".to_string(), "every-kind.story=Told".to_string()]);
    let at = args
        .iter()
        .position(|arg| arg.starts_with(&format!("every-kind.{id}=")))
        .expect("a --set of that question");
    args.drain(at - 1..=at);
    args
}

/// The only draft, read as YAML.
#[track_caller]
fn the_draft(place: &Place) -> Value {
    let drafts = place.drafts();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    read_yaml(&drafts[0])
}

/// `coach prep --resume` with nothing left to ask: the note it prints.
#[track_caller]
fn resumed_note(place: &Place) -> String {
    let output = place
        .pack_command(&["prep", "--resume", "--no-input", "--output", "-"])
        .stdin(Stdio::null())
        .output()
        .expect("coach runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(place.drafts(), Vec::<PathBuf>::new(), "{stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn list_items_given_before_a_kill_are_kept_and_resume_keeps_them() {
    let place = Place::new().with_every_kind_pack();
    let args = all_but("risks");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut coach = Pty::spawn(place.pack_command(&args));
    coach.expect("Which risks do you see?");
    coach.answer("item 1 (empty line ends)", "Budget freeze");
    coach.answer("item 2 (empty line ends)", "New CTO");
    coach.expect("item 3 (empty line ends)");
    coach.expect("›");
    coach.wait_for_key_read();
    coach.kill("TERM");
    coach.expect("--resume`");
    assert_eq!(coach.finish(), 143, "{}", coach.screen());
    assert_eq!(
        the_draft(&place)["every-kind.risks"],
        Value::from(vec!["Budget freeze", "New CTO"])
    );
    let note = resumed_note(&place);
    assert!(note.contains("- Budget freeze\n- New CTO\n"), "{note}");
}

#[test]
fn promises_given_before_ctrl_c_are_kept() {
    let place = Place::new().with_every_kind_pack();
    let args = all_but("promises");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut coach = Pty::spawn(place.pack_command(&args));
    coach.expect("What will you promise?");
    coach.answer("Promise 1 (empty line ends)", "Send the pricing sheet");
    coach.answer("due", "2031-01-02");
    coach.answer("who (optional)", "Dana");
    coach.expect("Promise 2 (empty line ends)");
    coach.expect("›");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    coach.expect("--resume`");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    let promises = &the_draft(&place)["every-kind.promises"];
    assert_eq!(
        promises[0]["what"],
        text("Send the pricing sheet"),
        "{promises:?}"
    );
    assert_eq!(promises[0]["due"], text("2031-01-02"), "{promises:?}");
    assert_eq!(promises[0]["who"], text("Dana"), "{promises:?}");
    let note = resumed_note(&place);
    assert!(
        note.contains("- [ ] Send the pricing sheet (due 2031-01-02, Dana)"),
        "{note}"
    );
}

#[test]
fn typed_lines_of_a_long_answer_given_before_sigquit_are_kept() {
    let place = Place::new().with_every_kind_pack();
    let mut coach = Pty::spawn(place.pack_command(&only_the_story_asked()));
    coach.expect("? Tell the story so far.");
    coach.answer("line 1 (empty line ends)", "We met in May.");
    coach.answer("line 2 (empty line ends)", "They liked the demo.");
    coach.expect("line 3 (empty line ends)");
    coach.expect("›");
    coach.wait_for_key_read();
    coach.kill("QUIT");
    coach.expect("--resume`");
    assert_eq!(coach.finish(), 131, "{}", coach.screen());
    assert_eq!(
        the_draft(&place)["every-kind.story"],
        text("We met in May.\nThey liked the demo.")
    );
}

/// `coach ARGS` (the every-kind pack) with standard output redirected by `sh`.
fn redirected(place: &Place, redirect: &str, args: &[&str]) -> Command {
    let mut command = Command::new("sh");
    isolate(&mut command, place.path());
    command
        .args(["-c", &format!("exec \"$0\" \"$@\" {redirect}"), BIN])
        .arg("--notes-dir")
        .arg(place.notes())
        .args(["--no-builtin", "--patterns", "pack"])
        .args(args)
        .env("TERM", "xterm-256color")
        .env("TZ", "UTC");
    command
}

#[test]
fn a_typed_walk_whose_note_standard_output_cannot_take_is_kept_as_a_draft() {
    let place = Place::new().with_every_kind_pack();
    let mut args = only_the_story_asked();
    args.extend(["--output", "-"]);
    let mut coach = Pty::spawn(redirected(&place, ">/dev/full", &args));
    coach.expect("? Tell the story so far.");
    coach.answer("line 1 (empty line ends)", "Typed by hand.");
    coach.answer("line 2 (empty line ends)", "");
    coach.expect("cannot write to standard output");
    coach.expect("--resume`");
    assert_eq!(coach.finish(), 1, "{}", coach.screen());
    let saved = the_draft(&place);
    assert_eq!(saved["every-kind.story"], text("Typed by hand."));
    assert_eq!(saved["goal"], text("A signed order"));
}

#[test]
fn ctrl_c_with_a_draft_folder_that_cannot_be_written_prints_the_answers() {
    let place = Place::new().with_every_kind_pack();
    // A file where the drafts folder belongs: no draft can be saved.
    place.write("notes/.drafts", "");
    let printed = place.path().join("printed.yaml");
    let mut coach = Pty::spawn(redirected(&place, ">printed.yaml", &["prep"]));
    answer_the_header_and_goal(&mut coach);
    answer_the_story(&mut coach);
    coach.expect("Have they signed the NDA? (y/n)");
    coach.wait_for_key_read();
    coach.send(CTRL_C);
    coach.expect("the answers so far were printed to standard output");
    coach.expect("--answers FILE`");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
    let saved = read_yaml(&printed);
    assert_eq!(saved["customer"], text("Acme"));
    assert_eq!(saved["goal"], text("A signed order"));
    assert_eq!(saved["every-kind.story"], text("We met in May."));

    // What was printed is an answers file that a new walk takes.
    let output = place
        .pack_command(&[
            "prep",
            "--answers",
            "printed.yaml",
            "--defaults",
            "--output",
            "-",
        ])
        .stdin(Stdio::null())
        .output()
        .expect("coach runs");
    let note = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(note.contains("We met in May."), "{note}");
}

/// Waits until `path` exists (written by a helper script coach started).
#[track_caller]
fn wait_for_file(coach: &mut Pty, path: &Path) -> String {
    let started = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            if text.ends_with('\n') {
                return text;
            }
        }
        if started.elapsed() > TIMEOUT {
            panic!("{} never appeared:\n{}", path.display(), coach.screen());
        }
        coach.pump();
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn a_signal_while_the_editor_runs_ends_the_editor_and_removes_its_file() {
    let place = Place::new().with_every_kind_pack();
    // Notes its file, then waits as a person typing would.
    let editor = place.write(
        "editor.sh",
        "#!/bin/sh\nprintf '%s\\n' \"$1\" > \"$(dirname \"$0\")/edited\"\nexec sleep 600\n",
    );
    make_executable(&editor);
    let mut command = place.pack_command(&only_the_story_asked());
    command.env("EDITOR", &editor);
    let mut coach = Pty::spawn(command);
    coach.expect("? Tell the story so far. (opening ");
    let file = wait_for_file(&mut coach, &place.path().join("edited"));
    let file = PathBuf::from(file.trim_end());
    assert!(file.exists());
    coach.kill("TERM");
    coach.expect("--resume`");
    assert_eq!(coach.finish(), 143, "{}", coach.screen());
    assert!(!file.exists(), "the editor's file is left behind");
    // The editor was the only child, and coach reaped it before exiting.
    let children = Command::new("pgrep")
        .args(["-f", "sleep 600"])
        .output()
        .expect("pgrep runs");
    let left = String::from_utf8_lossy(&children.stdout).into_owned();
    let ours: Vec<&str> = left
        .lines()
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .map(|env| find(&env, place.path().to_string_lossy().as_bytes()).is_some())
                .unwrap_or(false)
        })
        .collect();
    assert!(ours.is_empty(), "the editor still runs: {ours:?}");
    let saved = the_draft(&place);
    assert_eq!(saved["goal"], text("A signed order"));
}

#[test]
fn an_editor_that_fails_is_named_and_the_answer_typed_instead() {
    let place = Place::new().with_every_kind_pack();
    let editor = place.write("editor.sh", "#!/bin/sh\nexit 3\n");
    make_executable(&editor);
    let mut command = place.pack_command(&only_the_story_asked());
    command.env("EDITOR", &editor);
    let mut coach = Pty::spawn(command);
    coach.expect("? Tell the story so far. (opening ");
    coach.expect("exited with code 3, so its text is not taken: type the answer here instead");
    coach.answer("line 1 (empty line ends)", "Typed after all.");
    coach.answer("line 2 (empty line ends)", "");
    coach.expect("coach: wrote");
    assert_eq!(coach.finish(), 0, "{}", coach.screen());
    let note = Note::read(&coach.written());
    assert_eq!(note.answer("every-kind.story"), &text("Typed after all."));
}

/// `coach WALK` at a terminal on 2026-12-10 for Northwind Traders, the
/// meeting and its date given (an empty meeting: no `--meeting`, as for
/// the review, which has no meeting title).
pub(crate) fn northwind(place: &Place, walk: &[&str], meeting: &str, date: &str) -> Pty {
    let mut args = vec!["--today", "2026-12-10"];
    args.extend_from_slice(walk);
    args.extend(["--customer", "Northwind Traders"]);
    if !meeting.is_empty() {
        args.extend(["--meeting", meeting]);
    }
    args.extend(["--date", date]);
    Pty::spawn(place.command(&args))
}

/// A place whose notes folder holds Northwind Traders' history
/// (`brief::history`).
pub(crate) fn place_with_history() -> Place {
    let place = Place::new();
    let history = crate::brief::history();
    let copied = Command::new("cp")
        .arg("-r")
        .arg(history.notes())
        .arg(place.notes())
        .status()
        .unwrap();
    assert!(copied.success());
    place
}

#[test]
fn a_prep_at_the_terminal_starts_from_since_last_time() {
    let place = place_with_history();
    let mut coach = northwind(&place, &["prep"], "Pilot review", "2026-12-10");
    coach.expect("Since last time");
    coach.expect("Send the sizing plan, due 2026-12-01, OVERDUE");
    coach.expect("Last goal: Agree the pilot's scope");
    coach.expect("Reviews: ▃▆ 4.0");
    // Then the checklist's own questions, as before.
    coach.expect("What must be true when this meeting ends");
    coach.send("\x03");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
}

#[test]
fn a_scale_question_says_what_it_was_last_time() {
    let place = place_with_history();
    let mut coach = northwind(&place, &["walk", "review"], "", "2026-12-10");
    coach.expect("Since last time");
    coach.answer("From what date does this review look back?", "2026-11-01");
    // The last review answered health with 4.
    coach.expect("Last time: 4/5.");
    coach.expect("Overall, how healthy is the relationship right now?");
    coach.send("\x03");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
}

#[test]
fn a_debrief_rates_the_meeting_beside_the_goal_its_prep_set() {
    let place = place_with_history();
    // The prep's title in another case: the same meeting.
    let mut coach = northwind(&place, &["debrief"], "kickoff", "2026-11-20");
    coach.expect("Which of these promises were kept?");
    coach.send(ENTER);
    // Overdue by --today and not kept: offered a new date, left as it is.
    coach.answer("New due date for c-late0001", "");
    coach.expect("The goal you set in the prep: Agree the pilot's scope.");
    coach.expect("How well did the meeting go");
    coach.send("\x03");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
}

#[test]
fn a_remembered_question_offers_the_customers_last_answer() {
    let place = place_with_history();
    place.write(
        "notes/northwind-traders/2026-11-25-steering-prep.md",
        "---\ncoach: 1\nchecklist: prep\ncustomer: Northwind Traders\nmeeting: Steering\ndate: \"2026-11-25\"\nanswers:\n  goal: Agree the budget\n  its-a-relationship-not-a-sale.horizon: Their first call for warehouse changes\n---\n",
    );
    let mut coach = northwind(&place, &["prep"], "Pilot review", "2026-12-10");
    coach.answer(
        "What must be true when this meeting ends",
        "A date for the rollout",
    );
    coach.answer("What could go wrong in this meeting", "");
    coach.answer("Who will attend", "");
    coach.answer("What have you promised to do before or at the meeting?", "");
    coach.expect("Where do you want this relationship to be a year from now?");
    coach.expect("Their first call for warehouse changes");
    coach.send(ENTER);
    coach.expect("· Their first call for warehouse changes");
    coach.send("\x03");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
}

#[test]
fn a_review_shows_the_promise_record_before_asking_whether_promises_were_kept() {
    let place = place_with_history();
    let mut walk = vec!["walk", "review"];
    // Everything before the promises question is given, so the keyboard
    // reaches it at once.
    let given = [
        "period-start=2026-11-01",
        "health=4",
        "events=none",
        "choose-relationship-or-transactions.stance=As a long-term relationship",
        "understand-their-world.processes=4",
        "understand-their-world.fit=4",
        "understand-their-world.strengths-weaknesses=4",
        "deal-straight-stay-reachable.clear-terms=4",
        "deal-straight-stay-reachable.reachable=4",
    ];
    for answer in &given {
        walk.extend(["--set", answer]);
    }
    let mut coach = northwind(&place, &walk, "", "2026-12-10");
    coach.expect("Since last time");
    // The brief lists the promise kept in the last 90 days …
    coach.expect("Share the figures");
    // … and the question itself carries each side's record.
    coach.expect("Your promises to them: 0 kept on time, 0 late, 1 overdue, 0 open.");
    coach.expect("Theirs to you: 1 kept on time");
    coach.expect("How reliably have you kept your promises");
    coach.send("\x03");
    assert_eq!(coach.finish(), 130, "{}", coach.screen());
}
