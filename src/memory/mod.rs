//! The memory layer: notes read back, and edited in place. Nothing else in
//! coach parses note files; the commands and (later) the index ask this layer.

pub mod archive;
pub mod edit;
pub mod note_record;
pub mod promise;
pub mod read;
pub mod relationship;
pub mod resolve;

pub use archive::Archive;
pub use note_record::NoteRecord;
