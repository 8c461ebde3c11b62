//! Signals during an interactive walk: Ctrl-C (console turns the key into
//! SIGINT), `kill` (SIGTERM), a closed terminal or dropped ssh (SIGHUP),
//! SIGQUIT (`kill -QUIT`; Ctrl-\ outside a key read).
//!
//! The main thread is then blocked reading a key and would never see a flag,
//! so a thread of our own waits for the signals and stops the walk itself:
//! it calls the walk's `on_signal` (which saves the answers so far as a
//! draft and says so), restores the terminal, and exits 128 + the signal.
//! Whichever of that thread and the main thread (Esc, a failed terminal)
//! starts stopping first finishes; the other stands aside.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

use crate::exit_code;

/// Nobody is stopping the walk yet.
const RUNNING: u8 = 0;
/// The main thread is stopping it (Esc, a failed terminal): signals wait.
const MAIN_STOPS: u8 = 1;
/// The signal thread is stopping it: the main thread waits to be ended.
const SIGNAL_STOPS: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(RUNNING);
/// The signals that stop a walk and keep its draft.
const STOPPING: [i32; 4] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT];

/// A signal the terminal sends for a key (Ctrl-C, Ctrl-\): while an
/// external editor runs, that key was meant for the editor.
fn from_a_key(signal: i32) -> bool {
    signal == SIGINT || signal == SIGQUIT
}

/// An external editor is running: Ctrl-C is its business, not ours.
static EDITING: AtomicBool = AtomicBool::new(false);
/// The first signal that arrived. A `kill` during a key read makes console
/// raise SIGINT as well; the walk ends with the code of the one sent.
static FIRST: AtomicI32 = AtomicI32::new(0);
/// The signal thread runs: a stopped walk may wait for it to end coach.
static LISTENING: AtomicBool = AtomicBool::new(false);
/// The terminal's settings before any prompt, to restore on the way out.
static TERMINAL: OnceLock<Option<libc::termios>> = OnceLock::new();

/// What the signal thread runs before the exit: the latest `install`'s.
static HANDLER: Mutex<Option<fn(i32)>> = Mutex::new(None);

/// Starts the signal thread; `on_signal` runs on it before the exit. A
/// later call only replaces `on_signal` (the `--resume` draft picker comes
/// before the walk).
pub fn install(on_signal: fn(i32)) {
    *HANDLER.lock().unwrap_or_else(PoisonError::into_inner) = Some(on_signal);
    if TERMINAL.get().is_some() {
        return;
    }
    TERMINAL.get_or_init(saved_terminal);
    let Ok(mut signals) = signal_hook::iterator::Signals::new(STOPPING) else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("signals".to_string())
        .spawn(move || {
            for signal in signals.forever() {
                let signal = match FIRST.load(Ordering::SeqCst) {
                    0 if from_a_key(signal) && EDITING.load(Ordering::SeqCst) => continue,
                    0 => signal,
                    first => first,
                };
                // The main thread may be saving the draft itself (MAIN_STOPS):
                // it exits soon, and this signal waits for that.
                if STATE
                    .compare_exchange(RUNNING, SIGNAL_STOPS, Ordering::SeqCst, Ordering::SeqCst)
                    .is_ok()
                {
                    end_editor();
                    let handler = *HANDLER.lock().unwrap_or_else(PoisonError::into_inner);
                    if let Some(on_signal) = handler {
                        on_signal(signal);
                    }
                    leave(signal);
                }
            }
        });
    if spawned.is_err() {
        return;
    }
    // Only with a thread to end the process may the main thread wait for it.
    LISTENING.store(true, Ordering::SeqCst);
    for signal in STOPPING {
        // SAFETY: the action only touches atomics, which is async-signal-safe.
        let _ = unsafe {
            signal_hook::low_level::register(signal, move || {
                if !from_a_key(signal) || !EDITING.load(Ordering::SeqCst) {
                    let _ = FIRST.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst);
                }
            })
        };
    }
}

/// The main thread stops the walk itself. When a signal got there first,
/// this never returns: the signal thread saves the draft and ends the process.
pub fn claim() {
    // A closed terminal fails the read and sends SIGHUP: the signal decides.
    if FIRST.load(Ordering::SeqCst) != 0 {
        await_signal_thread();
    }
    match STATE.compare_exchange(RUNNING, MAIN_STOPS, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) | Err(MAIN_STOPS) => {}
        Err(_) => loop {
            std::thread::park();
        },
    }
}

/// A key read ended by a signal (console raises SIGINT for Ctrl-C and for
/// any interrupted read): the signal thread saves the draft and ends the
/// process, so the main thread only waits.
pub fn await_signal_thread() {
    if LISTENING.load(Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
}

/// The external editor running now: its process and its temporary file.
static EDITOR: Mutex<Option<(u32, PathBuf)>> = Mutex::new(None);

/// Runs `wait` (for the external editor `child`, editing `file`) with Ctrl-C
/// left to the editor. A signal that stops coach meanwhile ends the editor
/// and removes the file first.
pub fn while_editing<T>(child: u32, file: &Path, wait: impl FnOnce() -> T) -> T {
    *EDITOR.lock().unwrap_or_else(PoisonError::into_inner) = Some((child, file.to_path_buf()));
    EDITING.store(true, Ordering::SeqCst);
    let result = wait();
    EDITING.store(false, Ordering::SeqCst);
    *EDITOR.lock().unwrap_or_else(PoisonError::into_inner) = None;
    result
}

/// Ends the external editor, if one runs, and removes its temporary file.
/// It gets SIGTERM (a chance to save its own recovery file), then SIGKILL
/// if it is still there after a second.
fn end_editor() {
    let Some((child, file)) = EDITOR.lock().unwrap_or_else(PoisonError::into_inner).take() else {
        return;
    };
    let pid = child as libc::pid_t;
    // SAFETY: plain system calls on the editor's process id; it is our own
    // child and not yet reaped (whoever reaps it first ends the wait below).
    unsafe {
        libc::kill(pid, libc::SIGTERM);
        let mut status = 0;
        let mut ended = false;
        for _ in 0..100 {
            if libc::waitpid(pid, &mut status, libc::WNOHANG) != 0 {
                ended = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        if !ended {
            libc::kill(pid, libc::SIGKILL);
            libc::waitpid(pid, &mut status, 0);
        }
    }
    let _ = std::fs::remove_file(file);
}

/// Exit code for a walk ended by `signal`, as a shell reports it.
pub fn exit_code(signal: i32) -> i32 {
    match signal {
        SIGHUP => exit_code::HANGUP,
        SIGINT => exit_code::INTERRUPTED,
        SIGTERM => exit_code::TERMINATED,
        SIGQUIT => exit_code::QUIT,
        other => 128 + other,
    }
}

/// Terminal back as it was (cooked mode, cursor shown), then exit.
fn leave(signal: i32) -> ! {
    restore_terminal();
    std::process::exit(exit_code(signal));
}

pub fn restore_terminal() {
    if let Some(Some(settings)) = TERMINAL.get() {
        // SAFETY: a plain system call on stdin with settings read from it;
        // it fails harmlessly when the terminal is gone (SIGHUP).
        unsafe {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, settings);
        }
    }
    let _ = console::Term::stderr().show_cursor();
}

fn saved_terminal() -> Option<libc::termios> {
    // SAFETY: tcgetattr fills the zeroed struct or fails; it is only used
    // when it succeeded.
    unsafe {
        let mut settings: libc::termios = std::mem::zeroed();
        (libc::tcgetattr(libc::STDIN_FILENO, &mut settings) == 0).then_some(settings)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn signals_end_with_128_plus_their_number() {
        assert_eq!(super::exit_code(signal_hook::consts::SIGHUP), 129);
        assert_eq!(super::exit_code(signal_hook::consts::SIGINT), 130);
        assert_eq!(super::exit_code(signal_hook::consts::SIGTERM), 143);
        assert_eq!(super::exit_code(signal_hook::consts::SIGQUIT), 131);
    }
}
