//! The built-in pack: `patterns/*.yaml`, compiled into the binary by build.rs
//! (see compiled.rs), so coach works from any directory with nothing installed.

/// How built-in files are named in messages: they have no path on disk.
pub const PREFIX: &str = "<built-in>/";
