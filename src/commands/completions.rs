//! Shell completion: `coach completions SHELL` prints the script a shell
//! sources, and that script calls coach back (`COMPLETE=SHELL coach -- ...`)
//! at every Tab, so values come from the packs and notes as they are now:
//! checklist names, pattern ids, customer names and commitment ids.
//!
//! The values are read quietly (no notice or warning may reach the
//! terminal mid-line) and through the index, so a Tab stays fast on a
//! large archive; anything that cannot be read offers nothing.

use std::ffi::OsString;
use std::io::Write;

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::Shells;

use crate::cli::{Arguments, GlobalArgs, Shell};
use crate::config::Config;
use crate::error::Error;
use crate::memory::load::{Memory, Source};
use crate::memory::{Answers, Want, Which};
use crate::ui::index_progress::IndexProgress;

/// The variable the shell scripts set when they call coach back.
const VAR: &str = "COMPLETE";

/// Answers a completion request when the shell made one (`COMPLETE` is
/// set): true when it did, and coach has nothing else to do.
pub fn answer_request(args: &[OsString]) -> bool {
    let current_dir = std::env::current_dir().ok();
    match clap_complete::CompleteEnv::with_factory(command)
        .var(VAR)
        .try_complete(args.iter().cloned(), current_dir.as_deref())
    {
        Ok(done) => done,
        Err(error) => {
            let _ = error.print();
            true
        }
    }
}

/// `coach completions SHELL`: the registration script for that shell.
pub fn run(shell: Shell, out: &mut impl Write) -> Result<(), Error> {
    let shells = Shells::builtins();
    let Some(completer) = shells.completer(shell.name()) else {
        return Err(Error::usage(format!("no completion for {}", shell.name())));
    };
    let mut script = Vec::new();
    completer.write_registration(VAR, "coach", "coach", "coach", &mut script)?;
    out.write_all(&script)?;
    Ok(())
}

/// coach's command line with the values each argument can complete.
fn command() -> clap::Command {
    let checklist = ArgValueCandidates::new(checklists);
    let pattern = ArgValueCandidates::new(patterns);
    let customer = ArgValueCandidates::new(customers);
    let open = ArgValueCandidates::new(|| commitments(false));
    let done = ArgValueCandidates::new(|| commitments(true));
    let walks = ["prep", "debrief", "walk"];
    let mut command = Arguments::command()
        .mut_subcommand("walk", |walk| {
            walk.mut_arg("checklist", |arg| arg.add(checklist.clone()))
        })
        .mut_subcommand("questions", |questions| {
            questions.mut_arg("checklist", |arg| arg.add(checklist))
        })
        .mut_subcommand("patterns", |patterns| {
            patterns.mut_subcommand("show", |show| show.mut_arg("id", |arg| arg.add(pattern)))
        })
        .mut_subcommand("history", |history| {
            history.mut_arg("customer", |arg| arg.add(customer.clone()))
        })
        .mut_subcommand("due", |due| {
            due.mut_arg("customer", |arg| arg.add(customer.clone()))
        })
        .mut_subcommand("done", |done_| done_.mut_arg("ids", |arg| arg.add(open)))
        .mut_subcommand("reopen", |reopen| {
            reopen.mut_arg("ids", |arg| arg.add(done))
        });
    for walk in walks {
        command = command.mut_subcommand(walk, |walk| {
            walk.mut_arg("customer", |arg| arg.add(customer.clone()))
        });
    }
    command
}

/// Settings from the environment and the config file: a completion request
/// carries no parsed flags.
fn config() -> Option<Config> {
    Config::resolve(&GlobalArgs::default()).ok()
}

fn checklists() -> Vec<CompletionCandidate> {
    let Some(language) = config().and_then(|config| crate::language::load(&config.packs).ok())
    else {
        return Vec::new();
    };
    language
        .checklists
        .iter()
        .map(|checklist| {
            CompletionCandidate::new(&checklist.id).help(checklist.title.clone().map(Into::into))
        })
        .collect()
}

fn patterns() -> Vec<CompletionCandidate> {
    let Some(language) = config().and_then(|config| crate::language::load(&config.packs).ok())
    else {
        return Vec::new();
    };
    language
        .patterns
        .iter()
        .map(|pattern| {
            CompletionCandidate::new(&pattern.id).help(Some(pattern.name.clone().into()))
        })
        .collect()
}

/// The notes, read without a word on the terminal: a progress bar or a
/// notice mid-line would garble the shell's prompt.
fn quiet(config: &Config) -> Memory<'_> {
    let source = Source {
        notes_dir: &config.notes_dir,
        cache_dir: config.cache_dir.as_deref(),
    };
    Memory::new(
        source,
        Box::new(IndexProgress::new(false)),
        Box::new(|_| {}),
    )
}

fn customers() -> Vec<CompletionCandidate> {
    let Some(config) = config() else {
        return Vec::new();
    };
    let Ok((known, _)) = crate::memory::known::known_customers(&mut quiet(&config)) else {
        return Vec::new();
    };
    known
        .into_iter()
        .map(|customer| {
            let help = format!("last met {}", customer.last_contact);
            CompletionCandidate::new(customer.name).help(Some(help.into()))
        })
        .collect()
}

/// The ids of the open commitments (for `done`) or the done ones (for
/// `reopen`), each with what was promised.
fn commitments(done: bool) -> Vec<CompletionCandidate> {
    let Some(config) = config() else {
        return Vec::new();
    };
    let which = if done {
        Which::WithCommitments
    } else {
        Which::WithOpenCommitments
    };
    let want = Want {
        notes: which,
        answers: Answers::None,
    };
    let Ok(archive) = quiet(&config).archive(want) else {
        return Vec::new();
    };
    archive
        .notes
        .iter()
        .flat_map(|note| {
            note.commitments
                .iter()
                .map(move |commitment| (note, commitment))
        })
        .filter(|(_, commitment)| commitment.done == done)
        .filter_map(|(note, commitment)| {
            let id = commitment.id.clone()?;
            let help = format!("{} ({})", commitment.what, note.customer);
            Some(CompletionCandidate::new(id).help(Some(help.into())))
        })
        .collect()
}
