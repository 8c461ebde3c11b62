//! A small builder for running `coach` in an isolated temporary directory.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

pub mod acme;
pub mod notes_dir;

pub const BIN: &str = env!("CARGO_BIN_EXE_coach");

/// A hang fails the test instead of blocking the suite; this is a guard, not
/// a speed assertion.
const HANG_GUARD: Duration = Duration::from_secs(60);

pub struct Test {
    dir: TempDir,
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
}

pub struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    pub dir: PathBuf,
}

impl Test {
    /// A fresh directory with its own HOME and XDG dirs, no `COACH_*`,
    /// `EDITOR` or colour settings from the person running the tests.
    pub fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("coach-test")
            .tempdir()
            .expect("temporary directory");
        Test {
            dir,
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.env.push((name.to_string(), value.to_string()));
        self
    }

    pub fn stdin(mut self, text: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(text.into());
        self
    }

    /// Writes a file under the test directory, creating parent directories.
    pub fn write(self, relative: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        self
    }

    pub fn command(&self) -> Command {
        let mut command = Command::new(BIN);
        isolate(&mut command, self.dir.path());
        command.args(&self.args);
        for (name, value) in &self.env {
            command.env(name, value);
        }
        command
    }

    #[track_caller]
    pub fn run(mut self) -> Output {
        let mut command = self.command();
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
        command.stdin(if self.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        let mut child = command.spawn().expect("coach starts");
        // Both pipes are drained while coach runs: output beyond a pipe's
        // capacity (64 KiB) would otherwise block it until the hang guard.
        let stdout = drain(child.stdout.take().expect("stdout is piped"));
        let stderr = drain(child.stderr.take().expect("stderr is piped"));
        if let Some(input) = self.stdin.take() {
            let mut pipe = child.stdin.take().unwrap();
            // Written from a thread too: coach may stop reading (or never
            // start) before all of it is taken. A child that exits early
            // closes the pipe; that is its business.
            std::thread::spawn(move || {
                let _ = pipe.write_all(&input);
            });
        }
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if started.elapsed() > HANG_GUARD {
                let _ = child.kill();
                panic!(
                    "coach {:?} did not finish: it waited for input or hung",
                    self.args
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let output = std::process::Output {
            status,
            stdout: stdout.join().expect("stdout reader"),
            stderr: stderr.join().expect("stderr reader"),
        };
        Output {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            dir: self.dir.keep(),
        }
    }
}

/// Reads `pipe` to its end on a thread of its own.
fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

/// Runs `command` in `root` with nothing of the person running the tests:
/// HOME and XDG dirs inside `root`, no `COACH_*`, `EDITOR` or colour settings.
pub fn isolate(command: &mut Command, root: &Path) {
    command
        .current_dir(root)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", root.join("home"))
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env("XDG_DATA_HOME", root.join("data"))
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1");
}

impl Output {
    #[track_caller]
    pub fn status(self, expected: i32) -> Self {
        assert_ne!(self.status, 101, "coach panicked:\n{}", self.stderr);
        assert_eq!(
            self.status, expected,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_is(self, expected: &str) -> Self {
        pretty_assertions::assert_eq!(self.stdout, expected);
        self
    }

    /// The stderr line that mentions `needle`: problems are one line each.
    #[track_caller]
    pub fn stderr_line(&self, needle: &str) -> &str {
        self.stderr
            .lines()
            .find(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("no stderr line has {needle:?}:\n{}", self.stderr))
    }

    pub fn file(&self, relative: &str) -> String {
        std::fs::read_to_string(self.dir.join(relative))
            .unwrap_or_else(|error| panic!("{relative}: {error}"))
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
