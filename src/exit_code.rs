//! Every exit code coach uses, in one place (documented in README.md).

pub const SUCCESS: i32 = 0;
/// Something failed: a broken pattern pack, a note that could not be written.
pub const FAILURE: i32 = 1;
/// `coach due` listed nothing (grep's 1).
pub const NOTHING_LISTED: i32 = 1;
/// The command line or the answers given cannot work: bad flags, missing
/// answers with no terminal to ask them on, invalid scripted answers.
pub const USAGE: i32 = 2;
/// The terminal closed during a walk (SIGHUP, 128 + 1); answers so far are
/// kept as a draft.
pub const HANGUP: i32 = 129;
/// Interrupted by Ctrl-C, SIGINT (128 + 2) or Esc; answers so far are kept
/// as a draft.
pub const INTERRUPTED: i32 = 130;
/// Quit by SIGQUIT during a walk (128 + 3); answers so far are kept as a
/// draft.
pub const QUIT: i32 = 131;
/// Terminated during a walk (SIGTERM, 128 + 15); answers so far are kept as
/// a draft.
pub const TERMINATED: i32 = 143;
