//! A notes folder kept across runs, for the commands that read notes back:
//! `coach --notes-dir notes --today DAY ARGS` in an isolated temporary HOME.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use super::{isolate, BIN};

pub struct NotesDir {
    dir: tempfile::TempDir,
}

/// What one run of coach gave.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    #[track_caller]
    fn from(output: Output) -> Self {
        let run = Run {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        assert_ne!(run.status, 101, "coach panicked:\n{}", run.stderr);
        run
    }
}

impl Run {
    /// Stdout as JSON, after a run that succeeded.
    #[track_caller]
    pub fn json(&self) -> Value {
        assert_eq!(self.status, 0, "{}", self.stderr);
        serde_json::from_str(&self.stdout).unwrap_or_else(|_| panic!("{}", self.stdout))
    }
}

impl NotesDir {
    pub fn new(prefix: &str) -> Self {
        NotesDir {
            dir: tempfile::Builder::new().prefix(prefix).tempdir().unwrap(),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn notes(&self) -> PathBuf {
        self.root().join("notes")
    }

    /// A file under the notes folder.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.notes().join(relative)
    }

    /// `coach --notes-dir notes --today TODAY ARGS`, with no terminal.
    pub fn command(&self, today: &str, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        isolate(&mut command, self.root());
        command
            .args(["--notes-dir", "notes", "--today", today])
            .args(args)
            .stdin(Stdio::null());
        command
    }

    #[track_caller]
    pub fn coach_on(&self, today: &str, args: &[&str]) -> Run {
        Run::from(self.command(today, args).output().expect("coach runs"))
    }

    /// Writes a file under the notes folder, making its folders.
    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }
}

/// The answers that promise through a pack key (`commitment:`, `on_yes:`)
/// in examples/: tests/promise_keys.rs counts those commitments.
const PACK_KEY_PROMISES: [&str; 3] = [
    "keep-them-posted.next-update:",
    "keep-them-posted.update-due:",
    "be-responsive.new-requests:",
];

impl NotesDir {
    /// examples/NAME copied beside the notes without the answers that
    /// promise through a pack key, so that its notes hold only the
    /// commitments the memory tests were written around (the example's
    /// `promises`); returns the copy's path.
    pub fn example_without_pack_key_promises(&self, name: &str) -> String {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        let mut kept = String::new();
        let mut skipping = false;
        for line in text.lines() {
            if !line.starts_with(' ') && !line.starts_with('-') {
                skipping = PACK_KEY_PROMISES.iter().any(|key| line.starts_with(key));
            }
            if !skipping {
                kept += line;
                kept.push('\n');
            }
        }
        let copy = self.root().join(name);
        std::fs::write(&copy, kept).unwrap();
        copy.to_str().unwrap().to_string()
    }
}
