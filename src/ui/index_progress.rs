//! The progress bar of a long index build: drawn on stderr only when it is
//! a terminal, and only once the build has taken more than a moment.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::memory::index::Progress;

/// How long a build may run before the bar appears.
const MOMENT: Duration = Duration::from_millis(300);

pub struct IndexProgress {
    terminal: bool,
    started: Instant,
    bar: Option<ProgressBar>,
}

impl IndexProgress {
    /// A bar that draws on stderr when `terminal` is true, else never.
    pub fn new(terminal: bool) -> IndexProgress {
        IndexProgress {
            terminal,
            started: Instant::now(),
            bar: None,
        }
    }
}

impl Progress for IndexProgress {
    fn reading(&mut self, done: usize, total: usize) {
        if !self.terminal {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() >= MOMENT && done < total {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} notes ({eta} left)")
            {
                bar.set_style(style);
            }
            bar.set_message("coach: indexing the notes");
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
    }

    fn finished(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
