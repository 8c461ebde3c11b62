//! One file per subcommand, dispatched from one `match`.

pub mod completions;
mod config;
mod customers;
mod done;
mod drafts;
mod due;
mod export;
mod history;
mod man;
mod notes_check;
mod notes_source;
mod open;
mod patterns_check;
mod patterns_graph;
mod patterns_list;
mod patterns_show;
mod questions;
mod walk;
pub mod walk_help;

use std::io::Write;

use crate::cli::{Command, ConfigCommand, NotesCommand, PatternsCommand};
use crate::config::Config;
use crate::error::Error;
use crate::exit_code;
use crate::language::{self, Language};
use crate::suggest::did_you_mean;

/// Runs one command; the exit code is 0 unless the command says otherwise
/// (`due` and `notes check` answer with 1 as grep does, `done` and
/// `reopen` with 1 when an id could not be applied).
pub fn execute(command: Command, config: &Config) -> Result<i32, Error> {
    // Not locked: a walk stopped by a signal prints its answers from the
    // signal thread when no draft can be saved.
    let mut out = std::io::BufWriter::new(std::io::stdout());
    match command {
        Command::Prep(args) => walk::run("prep", &args, config, &mut out)?,
        Command::Debrief(args) => walk::run("debrief", &args, config, &mut out)?,
        Command::Walk { checklist, args } => walk::run(&checklist, &args, config, &mut out)?,
        Command::Questions(args) => questions::run(&args, config, &mut out)?,
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
        Command::Due(args) => {
            let code = due::run(&args, config, &mut out)
                .and_then(|code| out.flush().map(|()| code).map_err(Error::from))
                .map_err(|error| Error::Search(Box::new(error)))?;
            return Ok(code);
        }
        Command::Done(args) => {
            let mut pick = crate::ui::done_picker::pick;
            let code = done::done(&args.ids, args.date.as_deref(), config, &mut out, &mut pick)?;
            out.flush()?;
            return Ok(code);
        }
        Command::Reopen(args) => {
            let code = done::reopen(&args.ids, config, &mut out)?;
            out.flush()?;
            return Ok(code);
        }
        Command::Customers(args) => customers::run(&args, config, &mut out)?,
        Command::History(args) => history::run(&args, config, &mut out)?,
        Command::Config {
            what: Some(ConfigCommand::Path),
            ..
        } => config::path(config, &mut out)?,
        Command::Config { what: None, json } => config::show(config, json, &mut out)?,
        Command::Open { target } => {
            let code = open::run(target.as_deref(), config, &mut out)?;
            out.flush()?;
            return Ok(code);
        }
        Command::Completions { shell } => completions::run(shell, &mut out)?,
        Command::Man { command } => man::run(command.as_deref(), &mut out)?,
        Command::Drafts(args) => drafts::run(&args, config, &mut out)?,
        Command::Export(args) => export::run(&args, config, &mut out)?,
        Command::Notes(NotesCommand::Check) => {
            let code = notes_check::run(config, &mut out)?;
            out.flush()?;
            return Ok(code);
        }
    }
    out.flush()?;
    Ok(exit_code::SUCCESS)
}

/// The language of the configured packs, or every problem they have.
fn load(config: &Config) -> Result<Language, Error> {
    config.check_pack_dirs()?;
    Ok(language::load(&config.packs)?)
}

/// The scale questions of the review checklist in the configured packs, which
/// score a review for `customers` and `history` alike; the built-in pack's,
/// with one warning, when the packs do not load (the notes still do).
fn review_scales(config: &Config) -> crate::memory::relationship::ReviewScales {
    use crate::memory::relationship::ReviewScales;
    let loaded = config
        .check_pack_dirs()
        .map_err(|_| Vec::new())
        .and_then(|()| language::load(&config.packs));
    match loaded {
        Ok(language) => ReviewScales::of(&language),
        Err(_) => {
            let _ = writeln!(
                std::io::stderr(),
                "coach: warning: the patterns do not load (`coach patterns check` says why); review scores count the built-in pack's scale questions"
            );
            language::load(&[language::PackSource::Builtin])
                .map(|language| ReviewScales::of(&language))
                .unwrap_or_default()
        }
    }
}

/// A checklist some pack defines or asks questions for.
fn require_checklist(language: &Language, id: &str) -> Result<(), Error> {
    let known = language.checklist_ids();
    if known.iter().any(|known| known == id) {
        return Ok(());
    }
    let hint = did_you_mean(id, known.iter().map(String::as_str));
    Err(Error::Usage {
        message: format!("no checklist `{id}` in the loaded patterns{hint}"),
        hint: Some(format!("checklists: {}", known.join(", "))),
    })
}
