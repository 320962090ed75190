//! Integration tests: the real binary against the fake oc (tests/support/fake-oc).

// A test binary has no public API: `pub` only shares items between its modules.
#![allow(unreachable_pub)]

#[path = "../support/mod.rs"]
mod support;

mod commands;
mod completions;
mod edges;
mod engine;
mod fidelity;
mod gateway;
mod gather;
mod git;
mod inputs;
mod install;
mod migrate;
mod monitoring;
mod param_file;
mod resume;
mod rough_edges;
mod screen;
mod snapshots;
mod sso;
mod tenant;
mod users;
mod verify;
mod wait;
mod wizard;
