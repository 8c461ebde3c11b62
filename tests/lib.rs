//! The one integration-test binary: every module drives the real `coach` binary.

mod broken_packs;
mod configuration;
mod examples;
mod include_only;
mod pack_scale;
mod patterns_commands;
mod pty;
mod support;
mod walk_scripted;
