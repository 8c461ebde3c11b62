//! Every exit code coach uses, in one place (documented in README.md).

pub const SUCCESS: i32 = 0;
/// Something failed: a broken pattern pack, a note that could not be written.
pub const FAILURE: i32 = 1;
/// The command line or the answers given cannot work: bad flags, missing
/// answers with no terminal to ask them on, invalid scripted answers.
pub const USAGE: i32 = 2;
/// Interrupted by Ctrl-C or Esc; answers so far are kept as a draft.
pub const INTERRUPTED: i32 = 130;
