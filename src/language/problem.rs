//! One problem found in a pattern pack, with where it is and what it concerns.

use std::fmt;

/// At most this many problems (of a pack, or of given answers) are listed one
/// per line, each with its did-you-mean hint; the rest are counted.
pub const LISTED: usize = 20;

/// A problem in a pack: reported one per line, `file:line:column: id: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The pattern, checklist or question the problem concerns (`pattern `x``).
    pub subject: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line: None,
            column: None,
            subject: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, position: Option<(usize, usize)>) -> Self {
        if let Some((line, column)) = position {
            self.line = Some(line);
            self.column = Some(column);
        }
        self
    }

    pub fn about(mut self, subject: Option<String>) -> Self {
        self.subject = subject;
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": ")?;
        if let Some(subject) = &self.subject {
            write!(f, "{subject}: ")?;
        }
        // A problem is always one line, even when YAML put a newline in it.
        write!(f, "{}", self.message.replace('\n', " "))
    }
}
