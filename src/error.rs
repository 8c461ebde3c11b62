//! The errors coach reports, each with its exit code.

use std::path::{Path, PathBuf};

use crate::exit_code;
use crate::language::{Problem, LISTED};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },

    #[error("{} in the pattern packs", plural(.0.len(), "problem"))]
    Pack(Vec<Problem>),

    #[error("no pattern `{id}`{hint}")]
    UnknownPattern { id: String, hint: String },

    /// A name that more than one pattern has (packs may reuse names).
    #[error("{} patterns are named `{name}`: {}; show one by its id", .ids.len(), .ids.join(", "))]
    AmbiguousPattern { name: String, ids: Vec<String> },

    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },

    /// Reading or writing one file: which, and what was being done.
    #[error("{action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}", .0.join("\n"))]
    Answers(Vec<String>),

    #[error("{} missing", plural(.ids.len(), "required answer"))]
    MissingAnswers {
        ids: Vec<String>,
        why: String,
        checklist: String,
    },

    /// `draft` is None when nothing was answered that is worth keeping.
    #[error("interrupted")]
    Interrupted {
        draft: Option<Kept>,
        command: String,
    },

    /// Esc in a list offered before anything was changed (the `--resume`
    /// draft picker): what was left as it was.
    #[error("interrupted; {0}")]
    Cancelled(String),

    #[error("the terminal failed: {source}")]
    PromptFailed {
        source: std::io::Error,
        draft: Option<Kept>,
        command: String,
    },

    #[error("cannot write the note {}: {failed}", path.display())]
    NoteNotWritten {
        path: PathBuf,
        /// What failed: an `Io` error naming the folder or file.
        failed: Box<Error>,
        draft: Kept,
        /// The note went to standard output instead.
        printed: bool,
        command: String,
    },

    /// The finished walk's output could not be written to standard output
    /// (`--output -`, `--print-path`, `--json`); what was typed is kept.
    #[error("cannot write to standard output: {source}")]
    NotDelivered {
        source: std::io::Error,
        /// The note, when it was written to a file before stdout failed.
        written: Option<PathBuf>,
        /// The draft that keeps the answers: the resumed one, or a new one
        /// of a typed walk. None when every answer came from files or flags.
        draft: Option<Kept>,
        command: String,
    },

    /// Writing to stdout failed; a reader that closed the pipe early
    /// (`coach ... | head`) is not an error, a closed or full stdout is.
    #[error("cannot write to standard output: {0}")]
    Stdout(std::io::Error),

    /// An error of a command whose exit codes are grep's (`coach due`):
    /// 1 means "nothing found", so every error exits 2.
    #[error("{0}")]
    Search(Box<Error>),
}

/// What a walk stopped before any answer worth keeping says about its draft.
const NOTHING_KEPT: &str = "nothing was answered yet, so no draft was kept";

/// Where the answers of a stopped walk went: a draft file, or (when the
/// draft could not be saved) printed as an answers file.
pub type Kept = Result<PathBuf, Unsaved>;

/// A draft that could not be saved, and where its answers were printed instead.
#[derive(Debug)]
pub struct Unsaved {
    pub reason: String,
    /// "standard output" or "standard error"; none if neither took them.
    pub printed_to: Option<&'static str>,
}

impl Unsaved {
    /// The line that says what became of the answers.
    fn line(&self, command: &str) -> String {
        match self.printed_to {
            Some(stream) => format!(
                "coach: the draft could not be saved ({}); the answers so far were printed to {stream} as an answers file: keep them in a file and continue with `{command} --answers FILE`",
                self.reason
            ),
            None => format!(
                "coach: the draft could not be saved ({}), nor printed",
                self.reason
            ),
        }
    }
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: None,
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            // A bad setting in the config file is a usage error, like a bad flag.
            Error::Usage { .. }
            | Error::Config { .. }
            | Error::Answers(_)
            | Error::MissingAnswers { .. } => exit_code::USAGE,
            Error::Interrupted { .. } | Error::Cancelled(_) => exit_code::INTERRUPTED,
            Error::Search(error) if error.exit_code() == exit_code::SUCCESS => exit_code::SUCCESS,
            Error::Search(_) => exit_code::USAGE,
            Error::Stdout(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                exit_code::SUCCESS
            }
            _ => exit_code::FAILURE,
        }
    }

    /// The lines to show on stderr: one per problem, then hints.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match self {
            Error::Stdout(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
            Error::Pack(problems) => {
                lines.extend(listed(problems.iter().map(|problem| format!("coach: error: {problem}"))));
                lines.push(format!(
                    "coach: {self}; check a pack with `coach patterns check DIR`"
                ));
            }
            Error::Usage { hint, .. } => {
                lines.push(format!("coach: error: {self}"));
                lines.extend(hint.iter().map(|hint| format!("coach: hint: {hint}")));
            }
            Error::Answers(problems) => {
                lines.extend(listed(problems.iter().map(|problem| format!("coach: error: {problem}"))));
                lines.push("coach: nothing was written".to_string());
            }
            Error::MissingAnswers { ids, why, checklist } => {
                lines.extend(listed(ids.iter().map(|id| format!("coach: error: missing answer `{id}`: pass {}", flag_for(id)))));
                lines.push(format!("coach: {self} and {why}; nothing was written"));
                lines.push(format!("coach: hint: `coach questions {checklist} --template > answers.yaml` writes an answers file to fill in"));
            }
            Error::Interrupted { draft, command } => match draft {
                Some(Ok(path)) => lines.push(format!("coach: interrupted; answers so far saved in {}; continue with `{command} --resume`", path.display())),
                Some(Err(unsaved)) => {
                    lines.push("coach: interrupted".to_string());
                    lines.push(unsaved.line(command));
                }
                None => lines.push(format!("coach: interrupted; {NOTHING_KEPT}")),
            },
            Error::PromptFailed { draft, command, .. } => {
                lines.push(format!("coach: error: {self}"));
                lines.push(match draft {
                    Some(Ok(path)) => format!("coach: answers so far saved in {}; continue with `{command} --resume`", path.display()),
                    Some(Err(unsaved)) => unsaved.line(command),
                    None => format!("coach: {NOTHING_KEPT}"),
                });
            }
            Error::NoteNotWritten { draft, printed, command, .. } => {
                lines.push(format!("coach: error: {self}"));
                let note = match printed {
                    true => "the note was printed to standard output",
                    false => "the note could not be printed to standard output either",
                };
                match draft {
                    Ok(path) => lines.push(format!("coach: the answers are saved as a draft in {}; {note}", path.display())),
                    Err(unsaved) if *printed => lines.push(format!("coach: the draft could not be saved either ({}); {note}", unsaved.reason)),
                    Err(unsaved) => {
                        lines.push(format!("coach: {note}"));
                        lines.push(unsaved.line(command));
                    }
                }
            }
            Error::NotDelivered { written, draft, command, .. } => {
                lines.push(format!("coach: error: {self}"));
                if let Some(path) = written {
                    lines.push(format!("coach: the note was written to {}", path.display()));
                }
                match draft {
                    Some(Ok(path)) if written.is_some() => lines.push(format!("coach: the draft {} is kept; delete it, or continue with `{command} --resume` for another copy of the note", path.display())),
                    Some(Ok(path)) => lines.push(format!("coach: the answers are kept as a draft in {}; continue with `{command} --resume`", path.display())),
                    Some(Err(unsaved)) => lines.push(unsaved.line(command)),
                    None => {}
                }
            }
            Error::Search(error) => lines = error.lines(),
            Error::Cancelled(_) => lines.push(format!("coach: {self}")),
            _ => lines.push(format!("coach: error: {self}")),
        }
        lines
    }
}

/// The first `LISTED` lines, then one line that counts the others.
fn listed(lines: impl ExactSizeIterator<Item = String>) -> Vec<String> {
    let more = lines.len().saturating_sub(LISTED);
    let mut shown: Vec<String> = lines.take(LISTED).collect();
    if more > 0 {
        shown.push(format!("coach: error: ... and {more} more"));
    }
    shown
}

/// The flag that answers a question from the command line.
fn flag_for(id: &str) -> String {
    match id {
        "customer" => "--customer NAME".to_string(),
        "meeting" => "--meeting TITLE".to_string(),
        "date" => "--date DATE".to_string(),
        _ => format!("--set {id}=VALUE (or put it in --answers FILE)"),
    }
}

pub fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}

impl Error {
    /// Reading or writing `path` failed.
    pub fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.to_path_buf();
        move |source| Error::Io {
            action,
            path,
            source,
        }
    }
}

/// Only for `?` on writes to a command's `out`, which is standard output:
/// every file read or written reports through `Error::Io`, naming the file.
impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Self {
        Error::Stdout(error)
    }
}

impl From<Vec<Problem>> for Error {
    fn from(problems: Vec<Problem>) -> Self {
        Error::Pack(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_closed_pipe_on_stdout_is_quiet() {
        let broken = Error::Stdout(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert_eq!(broken.exit_code(), exit_code::SUCCESS);
        assert!(broken.lines().is_empty());

        let full = Error::Stdout(std::io::Error::other("no space left"));
        assert_eq!(full.exit_code(), exit_code::FAILURE);
        assert_eq!(
            full.lines(),
            ["coach: error: cannot write to standard output: no space left"]
        );

        let file = Error::io("cannot write", Path::new("notes/acme/x.md"))(std::io::Error::from(
            std::io::ErrorKind::BrokenPipe,
        ));
        assert_eq!(
            file.exit_code(),
            exit_code::FAILURE,
            "a pipe that is not stdout"
        );
        assert_eq!(file.lines().len(), 1);
        assert!(file.lines()[0].starts_with("coach: error: cannot write notes/acme/x.md: "));
    }
}
