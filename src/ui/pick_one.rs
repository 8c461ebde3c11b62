//! One choice from a list before a walk starts (which draft `--resume`
//! continues, which event of an invite): the first chosen at first, Esc to
//! back out, Ctrl-C to end coach with the terminal restored.

use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::Select;

use crate::interrupt;

/// What Ctrl-C says on the way out: nothing was touched yet.
pub type OnSignal = fn(i32);

/// The position of the label chosen; None after Esc. Ctrl-C ends coach
/// with 130, after `on_signal` said what was left as it was.
pub fn pick(
    prompt: &str,
    labels: &[String],
    on_signal: OnSignal,
) -> std::io::Result<Option<usize>> {
    interrupt::install(on_signal);
    let picked = Select::with_theme(&ColorfulTheme::default())
        .with_prompt(prompt)
        .items(labels)
        .default(0)
        .interact_on_opt(&Term::stderr());
    match picked {
        Ok(picked) => Ok(picked),
        Err(dialoguer::Error::IO(error)) => {
            if error.kind() == std::io::ErrorKind::Interrupted {
                // The signal thread ends coach; this never returns then.
                interrupt::await_signal_thread();
            }
            Err(error)
        }
    }
}

/// `--resume` with more than one draft: Ctrl-C leaves every draft as it was.
pub fn drafts_kept(_signal: i32) {
    let _ = Term::stderr().write_line("coach: interrupted; every draft is kept as it was");
}

/// An invite of several events: Ctrl-C writes nothing.
pub fn nothing_written(_signal: i32) {
    let _ = Term::stderr().write_line("coach: interrupted; nothing was written");
}
