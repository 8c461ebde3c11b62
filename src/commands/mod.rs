//! One file per subcommand, dispatched from one `match`.

mod patterns_check;
mod patterns_graph;
mod patterns_list;
mod patterns_show;

use std::io::Write;

use crate::cli::{Command, PatternsCommand};
use crate::config::Config;
use crate::error::Error;
use crate::language::{self, Language};

pub fn execute(command: Command, config: &Config) -> Result<(), Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match command {
        Command::Patterns(PatternsCommand::List { json }) => {
            patterns_list::run(&load(config)?, json, &mut out)?
        }
        Command::Patterns(PatternsCommand::Show { id }) => {
            patterns_show::run(&load(config)?, &id, &mut out)?
        }
        Command::Patterns(PatternsCommand::Graph { format }) => {
            patterns_graph::run(&load(config)?, format, &mut out)?
        }
        Command::Patterns(PatternsCommand::Check { dirs }) => {
            patterns_check::run(config, &dirs, &mut out)?
        }
    }
    out.flush()?;
    Ok(())
}

/// The language of the configured packs, or every problem they have.
fn load(config: &Config) -> Result<Language, Error> {
    Ok(language::load(&config.packs)?)
}
