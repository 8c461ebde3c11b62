//! `coach walk --help` ends with the checklists of the loaded packs: help
//! built at run time, which never fails (a broken pack is only mentioned).

use std::ffi::OsString;

use crate::cli::GlobalArgs;
use crate::config::Config;
use crate::language;

/// Whether these arguments ask for the walk command's help (`coach walk
/// --help`, `coach walk -h`, `coach help walk`).
pub fn asked(args: &[OsString]) -> bool {
    let has = |word: &str| args.iter().skip(1).any(|arg| arg == word);
    has("walk") && (has("--help") || has("-h") || has("help"))
}

/// The lines after the walk command's help: each checklist id with its title.
pub fn text(args: &[OsString]) -> String {
    let loaded = Config::resolve(&globals(args))
        .ok()
        .filter(|config| config.check_pack_dirs().is_ok())
        .and_then(|config| language::load(&config.packs).ok());
    let Some(language) = loaded else {
        return "Checklists: the settings or pattern packs do not load, so none can be listed \
                (`coach patterns check` says why)."
            .to_string();
    };
    let ids = language.checklist_ids();
    let width = ids.iter().map(|id| id.chars().count()).max().unwrap_or(0);
    let mut lines = vec!["Checklists of the loaded packs:".to_string()];
    for id in &ids {
        let title = language
            .checklist(id)
            .and_then(|checklist| checklist.title.clone())
            .unwrap_or_default();
        let line = format!("  {id:width$}  {title}");
        lines.push(crate::text::visible_controls(line.trim_end()).into_owned());
    }
    lines.join("\n")
}

/// The global flags that choose packs, read without clap: help is printed
/// before anything else is parsed.
fn globals(args: &[OsString]) -> GlobalArgs {
    let mut global = GlobalArgs::default();
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        let word = word.to_string_lossy();
        if word == "--patterns" {
            global.patterns.extend(words.next().map(Into::into));
        } else if let Some(dir) = word.strip_prefix("--patterns=") {
            global.patterns.push(dir.into());
        } else if word == "--no-builtin" {
            global.no_builtin = true;
        }
    }
    global
}
