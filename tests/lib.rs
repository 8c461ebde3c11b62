//! The one integration-test binary: every module drives the real `coach` binary.

mod broken_packs;
mod configuration;
mod patterns_commands;
mod support;
