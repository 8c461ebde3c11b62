//! The terminal: prompts, and patterns drawn for a reader. No domain decisions live here.

pub mod done_picker;
pub mod draft_picker;
pub mod event_picker;
pub mod index_progress;
pub mod pattern_view;
pub mod terminal_prompter;
