//! coach: prepare and debrief customer meetings with a pattern language.

mod capped_read;
mod cli;
mod commands;
mod config;
mod dates;
mod error;
mod exit_code;
#[cfg(test)]
mod fuzz_tests;
mod interrupt;
mod language;
mod model;
mod notes;
mod slug;
mod suggest;
mod ui;
mod walk;
mod yaml;

use std::ffi::OsString;
use std::io::Write;

use clap::Parser;

pub use error::Error;

/// Runs coach with the given arguments and returns the process exit code.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    config::detect_closed_stdout();
    let arguments = match cli::Arguments::try_parse_from(args) {
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
        Ok(()) => exit_code::SUCCESS,
        Err(error) => {
            let mut stderr = std::io::stderr().lock();
            for line in error.lines() {
                let _ = writeln!(stderr, "{}", visible_controls(&line));
            }
            error.exit_code()
        }
    }
}

/// An error line with every control character written as a visible escape
/// (`\u{1b}`): a pack's label or an answers-file key quoted in a message can
/// neither set the window title nor clear the screen, nor break the line.
pub(crate) fn visible_controls(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains(char::is_control) {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut shown = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if c.is_control() {
            shown += &format!("\\u{{{:x}}}", u32::from(c));
        } else {
            shown.push(c);
        }
    }
    std::borrow::Cow::Owned(shown)
}

#[cfg(test)]
mod tests {
    #[test]
    fn error_lines_show_control_characters_as_escapes() {
        assert_eq!(
            super::visible_controls("key `\u{1b}]0;pwned\u{7}` and\ttab\u{9b}"),
            "key `\\u{1b}]0;pwned\\u{7}` and\\u{9}tab\\u{9b}"
        );
        assert_eq!(super::visible_controls("plain é 北"), "plain é 北");
    }
}
