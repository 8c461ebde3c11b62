//! A terminal that really goes away (a closed window, a dropped ssh
//! connection): the pseudo-terminal's master is closed under a walk, so the
//! kernel hangs up the terminal, as no `kill -HUP` test can show.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{isolate, BIN};

/// A guard against a hang, not a speed assertion.
const WAIT: Duration = Duration::from_secs(20);

struct Master {
    file: std::fs::File,
    transcript: String,
}

impl Master {
    /// Reads until `text` shows up after everything already seen.
    #[track_caller]
    fn expect(&mut self, text: &str) {
        let start = self.transcript.len();
        let deadline = Instant::now() + WAIT;
        let mut buffer = [0u8; 4096];
        while !self.transcript[start..].contains(text) {
            assert!(
                Instant::now() < deadline,
                "never saw {text:?}; the screen:\n{}",
                self.transcript
            );
            match self.file.read(&mut buffer) {
                Ok(0) => panic!("coach ended before {text:?}:\n{}", self.transcript),
                Ok(count) => self
                    .transcript
                    .push_str(&String::from_utf8_lossy(&buffer[..count])),
                Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(10))
                }
                Err(error) => panic!("reading the terminal: {error}\n{}", self.transcript),
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.file
            .write_all(keys.as_bytes())
            .expect("keys reach coach");
    }
}

#[test]
fn a_terminal_that_goes_away_keeps_the_answers_and_exits_129() {
    let root = tempfile::tempdir().expect("temporary directory");
    let pty = nix::pty::openpty(None, None).expect("a pseudo-terminal");
    // SAFETY: openpty just opened both; each is owned once from here on.
    let (master, slave) = unsafe {
        (
            OwnedFd::from_raw_fd(pty.master),
            OwnedFd::from_raw_fd(pty.slave),
        )
    };
    // The child must not inherit the master, or closing it here hangs up nothing.
    // SAFETY: fcntl on a descriptor this test owns.
    unsafe {
        libc::fcntl(master.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC);
    }
    let mut command = Command::new(BIN);
    isolate(&mut command, root.path());
    command
        .env("TERM", "xterm")
        .args(["prep", "--notes-dir", "notes"])
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec: a session
    // of its own with the terminal as its controlling one, as a shell gives.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().expect("coach starts");
    let master = std::fs::File::from(master);
    // SAFETY: fcntl on a descriptor this test owns.
    unsafe {
        let fd = master.as_raw_fd();
        libc::fcntl(
            fd,
            libc::F_SETFL,
            libc::fcntl(fd, libc::F_GETFL) | libc::O_NONBLOCK,
        );
    }
    let mut terminal = Master {
        file: master,
        transcript: String::new(),
    };
    terminal.expect("Who is the customer?");
    terminal.send("Acme\r");
    terminal.expect("What is the meeting?");
    terminal.send("Kickoff\r");
    terminal.expect("When is the meeting?");

    // The last descriptor of the master: the terminal is gone.
    drop(terminal);

    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("coach can be waited for") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("coach did not end after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(129), "{status:?}");
    let drafts: Vec<_> = std::fs::read_dir(root.path().join("notes/.drafts"))
        .expect("a drafts folder")
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let draft = std::fs::read_to_string(&drafts[0]).unwrap();
    assert!(
        draft.contains("customer: Acme") && draft.contains("meeting: Kickoff"),
        "{draft}"
    );
}
