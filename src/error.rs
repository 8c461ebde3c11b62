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
            Error::Usage { .. } => exit_code::USAGE,
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
                lines.extend(
                    problems
                        .iter()
                        .map(|problem| format!("coach: error: {problem}")),
                );
                lines.push(format!(
                    "coach: {self}; check a pack with `coach patterns check DIR`"
                ));
            }
            Error::Usage { hint, .. } => {
                lines.push(format!("coach: error: {self}"));
                lines.extend(hint.iter().map(|hint| format!("coach: hint: {hint}")));
            }
            _ => lines.push(format!("coach: error: {self}")),
        }
        lines
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
