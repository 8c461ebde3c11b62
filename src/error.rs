//! The errors coach reports, each with its exit code.

use std::path::PathBuf;

use crate::exit_code;
use crate::language::Problem;

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

    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },

    #[error("{action} {path}: {source}")]
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

    #[error("interrupted")]
    Interrupted {
        draft: Result<PathBuf, String>,
        command: String,
    },

    #[error("the terminal failed: {source}")]
    PromptFailed {
        source: std::io::Error,
        draft: Result<PathBuf, String>,
        command: String,
    },

    #[error("cannot write the note {path}: {source}")]
    NoteNotWritten {
        path: PathBuf,
        source: std::io::Error,
        draft: Result<PathBuf, String>,
    },

    /// Writing to stdout failed; a closed pipe (`coach ... | head`) is not an error.
    #[error("cannot write to standard output: {0}")]
    Output(#[from] std::io::Error),
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
            Error::Usage { .. } | Error::Answers(_) | Error::MissingAnswers { .. } => {
                exit_code::USAGE
            }
            Error::Interrupted { .. } => exit_code::INTERRUPTED,
            Error::Output(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                exit_code::SUCCESS
            }
            _ => exit_code::FAILURE,
        }
    }

    /// The lines to show on stderr: one per problem, then hints.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match self {
            Error::Output(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
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
            Error::Interrupted { draft, command } => lines.push(match draft {
                Ok(path) => format!("coach: interrupted; answers so far saved in {}; continue with `{command} --resume`", path.display()),
                Err(reason) => format!("coach: interrupted; the draft could not be saved ({reason})"),
            }),
            Error::PromptFailed { draft, command, .. } => {
                lines.push(format!("coach: error: {self}"));
                lines.push(match draft {
                    Ok(path) => format!("coach: answers so far saved in {}; continue with `{command} --resume`", path.display()),
                    Err(reason) => format!("coach: the draft could not be saved either ({reason})"),
                });
            }
            Error::NoteNotWritten { draft, .. } => {
                lines.push(format!("coach: error: {self}"));
                match draft {
                    Ok(path) => lines.push(format!("coach: the answers are saved as a draft in {}; the note was printed to standard output", path.display())),
                    Err(reason) => lines.push(format!("coach: the draft could not be saved either ({reason}); the note was printed to standard output")),
                }
            }
            _ => lines.push(format!("coach: error: {self}")),
        }
        lines
    }
}

/// At most this many problems are listed one per line; the rest are counted.
pub const LISTED: usize = 20;

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

impl From<Vec<Problem>> for Error {
    fn from(problems: Vec<Problem>) -> Self {
        Error::Pack(problems)
    }
}
