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
    #[arg(
        long = "patterns",
        value_name = "DIR",
        global = true,
        help_heading = "Global options"
    )]
    pub patterns: Vec<PathBuf>,

    /// Leave the built-in pattern pack out.
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_builtin: bool,

    /// Where notes are written [default: $XDG_DATA_HOME/coach/notes].
    #[arg(
        long,
        value_name = "DIR",
        global = true,
        help_heading = "Global options"
    )]
    pub notes_dir: Option<PathBuf>,

    /// When to use colour.
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        global = true,
        help_heading = "Global options"
    )]
    pub color: Option<ColorChoice>,

    /// Read the notes themselves, not the index of them (also COACH_NO_INDEX=1).
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_index: bool,

    /// Commit each note written and each edit to the notes folder's git repository (also `git: commit`).
    #[arg(long, global = true, help_heading = "Global options")]
    pub git: bool,

    /// The day to take as today (YYYY-MM-DD), for tests and reruns.
    #[arg(long, value_name = "DATE", global = true, hide = true)]
    pub today: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Prepare a meeting: walk the `prep` checklist and write a note.
    Prep(WalkArgs),
    /// Debrief a meeting: walk the `debrief` checklist and write a note.
    Debrief(WalkArgs),
    /// Walk any checklist a pack defines (for example `review`).
    Walk {
        /// The checklist id.
        checklist: String,
        #[command(flatten)]
        args: WalkArgs,
    },
    /// Print the questions of a walk, or an answers file to fill in.
    Questions(QuestionsArgs),
    /// Browse and check the pattern language.
    #[command(subcommand)]
    Patterns(PatternsCommand),
    /// List open commitments, most urgent first (exit 0 listed, 1 none, 2 error).
    Due(DueArgs),
    /// Mark commitments done: a whole id or a unique prefix (exit 0 all closed,
    /// 1 one failed, 2 usage). With no id at a terminal, choose from the open ones.
    Done(DoneArgs),
    /// Mark done commitments open again (exit 0 all reopened, 1 one failed, 2 usage).
    Reopen(ReopenArgs),
    /// One line per customer: last contact, meetings, promises, review score,
    /// and whom to reach out to, those needing attention first.
    Customers(CustomersArgs),
    /// One customer's meetings newest first, review trends and promise record
    /// (exit 2 for an unknown customer).
    History(HistoryArgs),
    /// Look after the notes themselves.
    #[command(subcommand)]
    Notes(NotesCommand),
    /// Show the settings in effect and where each came from (flag, variable, config file, default).
    Config {
        #[command(subcommand)]
        what: Option<ConfigCommand>,
        /// One JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Open a note in $VISUAL or $EDITOR: `last` (the default), the note holding a commitment id,
    /// or a customer's latest note. Without an editor or a terminal, print its path.
    Open {
        /// `last`, a commitment id (`c-k3v9q2xa`, or a unique start of one) or a customer's name.
        #[arg(value_name = "last|ID|CUSTOMER")]
        target: Option<String>,
    },
    /// Print a shell completion script: `coach completions bash > ~/.local/share/bash-completion/completions/coach`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff): `coach man | man -l -`, or one command's page: `coach man due`.
    Man {
        /// A command whose page to print instead of coach's.
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
    /// List the drafts of interrupted walks; `coach drafts rm ID` removes one.
    Drafts(DraftsArgs),
    /// Export the meetings (one per note) and the commitments: JSON, CSV
    /// for spreadsheets, or iCalendar (meetings as all-day events,
    /// commitments as to-dos).
    Export(ExportArgs),
}

#[derive(Debug, Args, Clone)]
pub struct ExportArgs {
    /// Only the meetings or only the commitments (CSV needs one of them).
    #[arg(value_enum, value_name = "WHAT")]
    pub what: Option<ExportWhat>,

    /// The format written to standard output.
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "json")]
    pub format: ExportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportWhat {
    Meetings,
    Commitments,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Ics,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the config file coach reads (it may not exist yet).
    Path,
}

/// A shell coach prints completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

impl Shell {
    pub fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Elvish => "elvish",
            Shell::Powershell => "powershell",
        }
    }
}

#[derive(Debug, Args, Default, Clone)]
#[command(args_conflicts_with_subcommands = true)]
pub struct DraftsArgs {
    /// One JSON array.
    #[arg(long)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<DraftsCommand>,
}

#[derive(Debug, Subcommand, Clone)]
pub enum DraftsCommand {
    /// Remove one draft, by the id `coach drafts` lists.
    Rm {
        /// The draft's id, for example prep-20261122-101010.
        id: String,
    },
}

#[derive(Debug, Args, Default, Clone)]
pub struct CustomersArgs {
    /// One JSON array.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args, Default, Clone)]
pub struct HistoryArgs {
    /// The customer's name (any case) or folder name.
    #[arg(value_name = "CUSTOMER")]
    pub customer: String,

    /// Only notes from this date on: YYYY-MM-DD, -30d, -2w.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,

    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List unreadable notes, duplicate commitment ids and task lines that
    /// disagree with the front matter (exit 1 when it finds any).
    Check,
}

#[derive(Debug, Args, Default, Clone)]
pub struct DoneArgs {
    /// Commitment ids (`c-k3v9q2xa`), or unique prefixes of them (`k3v`).
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// The closing date: YYYY-MM-DD, today, yesterday, -2d [default: today].
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,
}

#[derive(Debug, Args, Default, Clone)]
pub struct ReopenArgs {
    /// Commitment ids (`c-k3v9q2xa`), or unique prefixes of them (`k3v`).
    #[arg(value_name = "ID", required = true)]
    pub ids: Vec<String>,
}

#[derive(Debug, Args, Default, Clone)]
pub struct DueArgs {
    /// Only this customer (case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub customer: Option<String>,

    /// Only what we promised (who is me, us, I, we, empty, or a name under `me:`).
    #[arg(long, conflicts_with = "theirs")]
    pub mine: bool,

    /// Only what the customer promised.
    #[arg(long)]
    pub theirs: bool,

    /// Only what is overdue.
    #[arg(long)]
    pub overdue: bool,

    /// Only what is due within this time from today, overdue included: 7d, 2w, 1m.
    #[arg(long, value_name = "SPAN")]
    pub within: Option<String>,

    /// Done ones too, with their closing date.
    #[arg(long)]
    pub all: bool,

    /// One JSON array.
    #[arg(long, conflicts_with_all = ["jsonl", "format", "count", "quiet"])]
    pub json: bool,

    /// One JSON object per line.
    #[arg(long, conflicts_with_all = ["format", "count", "quiet"])]
    pub jsonl: bool,

    /// Another format: todo.txt lines, or an iCalendar of to-dos (`ics`)
    /// for calendar apps to import or subscribe to.
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with_all = ["count", "quiet"])]
    pub format: Option<DueFormat>,

    /// Print only how many there are.
    #[arg(long, conflicts_with = "quiet")]
    pub count: bool,

    /// Print nothing; the exit code says whether anything is due.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DueFormat {
    #[value(name = "todo.txt")]
    TodoTxt,
    Ics,
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
        /// The pattern id (listen-listen-listen) or its name in any case
        /// ("Take Your Licks").
        #[arg(value_name = "ID|NAME")]
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

/// The three header answers every walk starts with.
#[derive(Debug, Args, Default, Clone)]
pub struct HeaderArgs {
    /// Who the meeting is with (the `customer` answer).
    #[arg(long, value_name = "NAME")]
    pub customer: Option<String>,

    /// A title for the meeting (the `meeting` answer).
    #[arg(long, value_name = "TITLE")]
    pub meeting: Option<String>,

    /// The meeting date: YYYY-MM-DD, today, tomorrow, +3d, next friday (the `date` answer).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// Where answers come from; shared by the walks and `coach questions`.
#[derive(Debug, Args, Default, Clone)]
pub struct AnswerArgs {
    #[command(flatten)]
    pub header: HeaderArgs,

    /// Read answers from a YAML or JSON file (`-` for stdin), keyed by full question id.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Answer one question: `--set know-the-customer.gaps="pricing; roadmap"` (repeatable).
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub set: Vec<String>,
}

#[derive(Debug, Args, Default, Clone)]
pub struct WalkArgs {
    #[command(flatten)]
    pub answers: AnswerArgs,

    /// Never prompt: fail, listing every missing required answer, if any is missing.
    #[arg(long)]
    pub no_input: bool,

    /// Take each question's default instead of prompting (optional ones without one stay unanswered).
    #[arg(long)]
    pub defaults: bool,

    /// Continue an interrupted walk of this checklist from its draft: the
    /// one `coach drafts` lists as ID, else the one chosen at a terminal
    /// (the newest without one).
    #[arg(long, value_name = "ID", num_args = 0..=1)]
    pub resume: Option<Option<String>>,

    /// Leave out "Since last time": the brief of this customer's earlier notes.
    #[arg(long)]
    pub no_brief: bool,

    /// How many questions: quick (the few that matter most), default, or full (every pattern's questions)
    #[arg(long, value_name = "DEPTH", value_parser = parse_depth)]
    pub depth: Option<crate::model::Depth>,

    /// Print the note to standard output instead of writing a file: `--output -` (the only target).
    #[arg(long, value_name = "TARGET", value_parser = parse_stdout_only)]
    pub output: Option<String>,

    /// Print only the path of the written note.
    #[arg(long, conflicts_with_all = ["json", "output"])]
    pub print_path: bool,

    /// Print a JSON summary: path, customer, checklist, answers, commitments.
    #[arg(long, conflicts_with = "output")]
    pub json: bool,

    /// Take the meeting from a calendar invite (.ics, `-` for stdin): title,
    /// date, customer (from the attendees' email domains) and the invite's
    /// UID and attendees for the note.
    #[arg(long, value_name = "FILE")]
    pub from_ics: Option<PathBuf>,

    /// Which event of an invite that holds several: its number as listed (1, 2, ...).
    #[arg(long, value_name = "N", requires = "from_ics")]
    pub event: Option<usize>,
}

fn parse_depth(value: &str) -> Result<crate::model::Depth, String> {
    crate::model::Depth::from_name(value)
        .ok_or_else(|| format!("`{value}` is not a depth: quick, default or full"))
}

fn parse_stdout_only(value: &str) -> Result<String, String> {
    if value == "-" {
        Ok(value.to_string())
    } else {
        Err(
            "only `-` (standard output) is supported; use --notes-dir to choose where notes go"
                .to_string(),
        )
    }
}

#[derive(Debug, Args)]
pub struct QuestionsArgs {
    /// The checklist id: prep, debrief, review, or one a pack defines.
    pub checklist: String,

    #[arg(long, value_enum, default_value = "yaml")]
    pub format: DataFormat,

    /// Print an answers file to fill in, which `--answers` accepts as it is.
    #[arg(long)]
    pub template: bool,

    /// The questions a walk of this depth asks: quick, default or full
    #[arg(long, value_name = "DEPTH", value_parser = parse_depth)]
    pub depth: Option<crate::model::Depth>,

    #[command(flatten)]
    pub answers: AnswerArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    Yaml,
    Json,
}
