//! The command line, as clap types. `Config` turns these into resolved settings.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Prepare and debrief customer meetings with a pattern language.
#[derive(Debug, Parser)]
#[command(name = "coach", version, about, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 success, 1 failure, 2 usage or missing answers, 130 interrupted."
)]
pub struct Arguments {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Default)]
pub struct GlobalArgs {
    /// Load a pattern pack directory after the built-in one (repeatable).
    #[arg(long = "patterns", value_name = "DIR", global = true)]
    pub patterns: Vec<PathBuf>,

    /// Leave the built-in pattern pack out.
    #[arg(long, global = true)]
    pub no_builtin: bool,

    /// Where notes are written [default: $XDG_DATA_HOME/coach/notes].
    #[arg(long, value_name = "DIR", global = true)]
    pub notes_dir: Option<PathBuf>,

    /// When to use colour.
    #[arg(long, value_enum, value_name = "WHEN", global = true)]
    pub color: Option<ColorChoice>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Browse and check the pattern language.
    #[command(subcommand)]
    Patterns(PatternsCommand),
}

#[derive(Debug, Subcommand)]
pub enum PatternsCommand {
    /// List every pattern with its question counts per checklist.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one pattern: summary, tips, links both ways, questions.
    Show {
        /// The pattern id, for example listen-listen-listen.
        id: String,
    },
    /// Print the language as a graph of `uses` and `include` links.
    Graph {
        #[arg(long, value_enum, default_value = "dot")]
        format: GraphFormat,
    },
    /// Validate the language, with extra pack directories, and summarise it.
    Check {
        /// Pack directories to check on top of the configured ones.
        dirs: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}
