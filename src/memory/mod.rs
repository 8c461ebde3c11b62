//! The memory layer: notes read back, indexed, and edited in place.
//! Nothing else in coach parses note files or opens the index.

pub mod archive;
pub mod brief;
pub mod edit;
pub mod index;
pub mod invites;
pub mod known;
pub mod load;
pub mod note_record;
pub mod promise;
pub mod read;
pub mod relationship;
pub mod resolve;
pub mod scan;
pub mod tally;

pub use archive::{Answers, Archive, Want, Which};
pub use note_record::NoteRecord;
