//! The terminal: prompts, and patterns drawn for a reader. No domain decisions live here.

pub mod done_picker;
pub mod index_progress;
pub mod pattern_view;
pub mod pick_one;
pub mod terminal_prompter;
