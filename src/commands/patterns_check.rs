//! `coach patterns check [DIR...]`: validate and summarise the language.

use std::io::Write;
use std::path::PathBuf;

use crate::config::Config;
use crate::error::{plural, Error};
use crate::language::{self, PackSource};

pub fn run(config: &Config, dirs: &[PathBuf], out: &mut impl Write) -> Result<(), Error> {
    config.check_pack_dirs()?;
    let mut packs = config.packs.clone();
    packs.extend(dirs.iter().cloned().map(PackSource::Dir));
    let language = language::load(&packs)?;
    writeln!(
        out,
        "ok: {}, {}, {} in {}",
        plural(language.patterns.len(), "pattern"),
        plural(language.question_count(), "question"),
        plural(language.checklists.len(), "checklist"),
        plural(packs.len(), "pack"),
    )?;
    Ok(())
}
