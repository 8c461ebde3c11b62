//! The memory layer: notes read back and edited in place.

pub mod edit;
