//! `--from-ics` with an invite of several events at a terminal: the
//! events in a list (date, time, title), the first chosen at first.

use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::Select;

use crate::interrupt;

/// The position of the event chosen; None after Esc. Ctrl-C ends coach
/// with 130 and the terminal restored, nothing written.
pub fn pick(labels: &[String]) -> std::io::Result<Option<usize>> {
    interrupt::install(on_signal);
    let picked = Select::with_theme(&ColorfulTheme::default())
        .with_prompt("Which meeting of the invite?")
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

/// Nothing was asked yet: only say so on the way out.
fn on_signal(_signal: i32) {
    let _ = Term::stderr().write_line("coach: interrupted; nothing was written");
}
