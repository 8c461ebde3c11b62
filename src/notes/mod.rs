//! Everything about notes on disk: rendering, folders and names, drafts, git.

pub mod draft;
pub mod git;
mod glance;
pub mod markdown;
pub mod note;
pub mod note_writer;
mod reminders;
