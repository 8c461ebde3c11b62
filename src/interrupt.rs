//! Ctrl-C during an interactive walk.
//!
//! console turns Ctrl-C in a prompt into SIGINT. With this handler installed
//! the signal only raises a flag, the prompt returns an `Interrupted` error,
//! and the walk stops cleanly: cursor shown, draft saved, exit 130. A second
//! Ctrl-C while that is under way leaves at once.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::exit_code;

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

pub fn install() {
    // Fails only if a handler is already set: then the first one stays.
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            let _ = console::Term::stderr().show_cursor();
            std::process::exit(exit_code::INTERRUPTED);
        }
    });
}

/// Whether Ctrl-C was pressed since the last call; clears the flag.
pub fn take() -> bool {
    INTERRUPTED.swap(false, Ordering::SeqCst)
}
