//! Plain types of what is asked and answered: question kinds, questions,
//! answers and commitments, and the checks every answer goes through. A leaf:
//! the language and the walk both use it, and it imports neither.

pub mod answer;
mod depth;
mod kind;
pub mod promise;
mod question;

pub use depth::Depth;
pub use kind::Kind;
pub use question::{Choice, Question};
