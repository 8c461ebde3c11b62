//! Where each resolved setting came from, for `coach config`: a flag, a
//! `COACH_*` variable, the config file, or coach's default.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Flag(&'static str),
    Env(&'static str),
    File,
    Default,
}

impl Origin {
    /// `--notes-dir`, `COACH_DEPTH`, `config file`, `default`.
    pub fn describe(&self) -> String {
        match self {
            Origin::Flag(flag) => flag.to_string(),
            Origin::Env(name) => name.to_string(),
            Origin::File => "config file".to_string(),
            Origin::Default => "default".to_string(),
        }
    }

    /// The first of flag, variable and file that is set, else the default.
    pub fn first(flag: (bool, &'static str), env: (bool, &'static str), file: bool) -> Origin {
        match (flag, env, file) {
            ((true, flag), _, _) => Origin::Flag(flag),
            (_, (true, name), _) => Origin::Env(name),
            (_, _, true) => Origin::File,
            _ => Origin::Default,
        }
    }
}

/// The config file coach reads, and the origin of every setting.
#[derive(Debug, Clone)]
pub struct Origins {
    /// The file named by `COACH_CONFIG`, or the default path (which may not
    /// exist); none without a home to find it in.
    pub file: Option<PathBuf>,
    /// Whether that file exists and was read.
    pub file_read: bool,
    /// Whether `COACH_CONFIG` named the file.
    pub file_from_env: bool,
    pub notes_dir: Origin,
    /// One per pack, in load order.
    pub packs: Vec<Origin>,
    pub no_builtin: Origin,
    pub color: Origin,
    pub depth: Origin,
    pub index: Origin,
    pub me: Origin,
    pub keep_in_touch: Origin,
}
