//! The one integration-test binary: every module drives the real `coach` binary.

mod brief;
mod broken_packs;
mod closing;
mod configuration;
mod customer_picker;
mod done;
mod drafts;
mod examples;
mod files;
mod hangup;
mod hostile_input;
mod include_only;
mod index;
mod journey;
mod keeping_answers;
mod memory;
mod pack_scale;
mod patterns_commands;
mod promise_keys;
mod pty;
mod pty_promises;
mod relationship;
mod support;
mod text_and_names;
mod untitled_walks;
mod walk_scripted;
