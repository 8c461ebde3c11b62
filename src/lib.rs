//! coach: prepare and debrief customer meetings with a pattern language.

mod atomic_file;
mod capped_read;
mod cli;
mod commands;
mod config;
mod dates;
mod error;
mod exit_code;
mod file_type;
#[cfg(test)]
mod fuzz_tests;
mod ics;
mod interrupt;
mod language;
mod memory;
mod model;
mod notes;
mod slug;
mod suggest;
mod text;
mod ui;
mod walk;
mod yaml;

use std::ffi::OsString;
use std::io::Write;

use clap::{CommandFactory, FromArgMatches};

pub use error::Error;

/// Runs coach with the given arguments and returns the process exit code.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    config::detect_closed_stdout();
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if commands::completions::answer_request(&args) {
        return exit_code::SUCCESS;
    }
    let mut command = cli::Arguments::command();
    if commands::walk_help::asked(&args) {
        let checklists = commands::walk_help::text(&args);
        command = command.mut_subcommand("walk", |walk| walk.after_help(checklists));
    }
    let parsed = command
        .try_get_matches_from(args)
        .and_then(|matches| cli::Arguments::from_arg_matches(&matches));
    let arguments = match parsed {
        Ok(arguments) => arguments,
        Err(error) => {
            // --help and --version land here too, with exit code 0.
            let _ = error.print();
            return error.exit_code();
        }
    };
    let result = config::Config::resolve(&arguments.global).and_then(|config| {
        config.apply_color();
        commands::execute(arguments.command, &config)
    });
    match result {
        Ok(code) => code,
        Err(error) => {
            let mut stderr = std::io::stderr().lock();
            for line in error.lines() {
                let _ = writeln!(stderr, "{}", text::visible_controls(&line));
            }
            error.exit_code()
        }
    }
}
