//! `coach done` with no id: the open commitments in a multiselect, none
//! chosen at first.

use console::{style, Term};
use dialoguer::theme::ColorfulTheme;
use dialoguer::MultiSelect;

use crate::interrupt;

/// The positions of the `labels` chosen with Space and Enter; None after
/// Esc. Ctrl-C ends coach with 130 and the terminal restored, nothing changed.
pub fn pick(labels: &[String]) -> std::io::Result<Option<Vec<usize>>> {
    interrupt::install(on_signal);
    let picked = MultiSelect::with_theme(&ColorfulTheme::default())
        .with_prompt(format!(
            "Which commitments are done? {}",
            style("(space toggles, enter accepts)").dim()
        ))
        .items(labels)
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

/// Nothing was changed yet: only say so on the way out.
fn on_signal(_signal: i32) {
    let _ = Term::stderr().write_line("coach: interrupted; nothing was changed");
}
