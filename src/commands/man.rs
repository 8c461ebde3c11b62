//! `coach man [COMMAND]`: the roff man page, from the same clap definition
//! as `--help` (clap_mangen), with the sections `--help` leaves out: exit
//! status, environment, files and examples. `coach man due` prints the
//! page of one command (`coach-due(1)`).

use std::io::Write;

use clap::CommandFactory;
use clap_mangen::Man;
use roff::{bold, italic, roman, Roff};

use crate::cli::Arguments;
use crate::error::Error;
use crate::suggest::did_you_mean;

pub fn run(command: Option<&str>, out: &mut impl Write) -> Result<(), Error> {
    let coach = Arguments::command();
    let Some(name) = command else {
        let man = Man::new(coach.clone());
        let mut page = Vec::new();
        man.render_title(&mut page)?;
        man.render_name_section(&mut page)?;
        man.render_synopsis_section(&mut page)?;
        man.render_description_section(&mut page)?;
        man.render_options_section(&mut page)?;
        man.render_subcommands_section(&mut page)?;
        page.extend(extra_sections().render().into_bytes());
        man.render_version_section(&mut page)?;
        out.write_all(&page)?;
        return Ok(());
    };
    let Some(sub) = coach.find_subcommand(name) else {
        let names: Vec<&str> = coach
            .get_subcommands()
            .map(clap::Command::get_name)
            .collect();
        return Err(Error::usage(format!(
            "`{name}` is no coach command{}; `coach --help` lists them",
            did_you_mean(name, names.iter().copied())
        )));
    };
    // The page of `coach due` is named coach-due and shows `coach due` in
    // its synopsis.
    let sub = sub
        .clone()
        .name(format!("coach-{name}"))
        .bin_name(format!("coach {name}"));
    Man::new(sub).render(out)?;
    Ok(())
}

fn extra_sections() -> Roff {
    let mut page = Roff::new();
    page.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_CODES {
        page.control("TP", [])
            .text([bold(code)])
            .text([roman(meaning)]);
    }
    page.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        page.control("TP", [])
            .text([bold(name)])
            .text([roman(meaning)]);
    }
    page.control("SH", ["FILES"]);
    for (path, meaning) in FILES {
        page.control("TP", [])
            .text([italic(path)])
            .text([roman(meaning)]);
    }
    page.control("SH", ["EXAMPLES"]);
    for (what, command) in EXAMPLES {
        page.control("TP", [])
            .text([roman(what)])
            .text([bold(command)]);
    }
    page.control("SH", ["SEE ALSO"]);
    page.text([roman(
        "coach man COMMAND prints the page of one command (coach-due, coach-done, ...). \
         The note format: docs/notes.md; the pack format: patterns/README.md.",
    )]);
    page
}

const EXIT_CODES: [(&str, &str); 8] = [
    ("0", "Success; coach due listed something."),
    ("1", "Failure (a broken pack, a note that cannot be written or read); coach due listed nothing; coach notes check found a problem; coach done or reopen could not apply an id."),
    ("2", "Usage: bad flags or settings, invalid scripted answers, required answers missing with no terminal, an unknown customer, id or command."),
    ("129", "The terminal closed during a walk (SIGHUP); the answers so far are kept as a draft."),
    ("130", "Interrupted (Ctrl-C, SIGINT, Esc in a list of options); the answers so far are kept as a draft."),
    ("131", "Quit during a walk (SIGQUIT); the answers so far are kept as a draft."),
    ("143", "Terminated during a walk (SIGTERM); the answers so far are kept as a draft."),
    ("101", "A panic: always a bug, please report it."),
];

const ENVIRONMENT: [(&str, &str); 11] = [
    (
        "COACH_NOTES_DIR",
        "Where notes are written and read (--notes-dir).",
    ),
    (
        "COACH_PATTERNS",
        "Pattern pack directories to load, separated by colons.",
    ),
    (
        "COACH_NO_BUILTIN",
        "1 leaves the built-in pattern pack out.",
    ),
    (
        "COACH_COLOR",
        "auto, always or never (NO_COLOR is honoured).",
    ),
    (
        "COACH_DEPTH",
        "How many questions a walk asks: quick, default or full.",
    ),
    (
        "COACH_NO_INDEX",
        "1 reads the notes themselves instead of the index.",
    ),
    (
        "COACH_CONFIG",
        "The config file to read instead of the default one.",
    ),
    ("VISUAL, EDITOR", "The editor for long answers."),
    (
        "XDG_CONFIG_HOME",
        "Where the config file lives (coach/config.yaml).",
    ),
    (
        "XDG_DATA_HOME",
        "Where the notes live by default (coach/notes).",
    ),
    (
        "XDG_CACHE_HOME",
        "Where the index of the notes lives (coach/); safe to delete.",
    ),
];

const FILES: [(&str, &str); 4] = [
    (
        "~/.config/coach/config.yaml",
        "Settings: patterns, no_builtin, notes_dir, color, depth, me, keep_in_touch.",
    ),
    (
        "~/.local/share/coach/notes/CUSTOMER/DATE-MEETING-CHECKLIST.md",
        "One markdown note per walk, YAML front matter first.",
    ),
    (
        "NOTES_DIR/.drafts/",
        "Answers of interrupted walks, for --resume.",
    ),
    (
        "~/.cache/coach/index-*.sqlite3",
        "The index of the notes: a cache, rebuilt when missing or damaged.",
    ),
];

const EXAMPLES: [(&str, &str); 8] = [
    ("Prepare a meeting at the terminal:", "coach prep"),
    (
        "Prepare the meeting of a calendar invite:",
        "coach prep --from-ics invite.ics",
    ),
    (
        "The open commitments as to-dos for a calendar app:",
        "coach due --format ics > coach.ics",
    ),
    ("A short walk on a busy day:", "coach prep --depth quick"),
    (
        "Debrief from a script, without a terminal:",
        "coach debrief --answers answers.yaml --no-input",
    ),
    (
        "What is overdue, for a shell prompt or cron:",
        "coach due --overdue --count",
    ),
    ("Close a promise by a prefix of its id:", "coach done k3v"),
    (
        "Install bash completions:",
        "coach completions bash > ~/.local/share/bash-completion/completions/coach",
    ),
];
