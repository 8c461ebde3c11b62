//! Everything about notes on disk: rendering, folders and names, drafts, atomic writes.

pub mod atomic_file;
pub mod draft;
mod glance;
pub mod note;
pub mod note_writer;
mod reminders;
