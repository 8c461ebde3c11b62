//! Plain types of what a person answers: answers and commitments, and their checks.

pub mod answer;
