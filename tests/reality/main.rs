//! The reality tier: the installer with the **real** `oc` 4.13 client, against a simulated
//! OpenShift (fake-openshift) or a real cluster, with the real 3scale 2.8.0.GA templates.
//!
//! It has its own runner (`harness = false`): `cargo test --test reality [FILTER]`. When the
//! environment does not name the tools it prints `reality tier: skipped: <reason>` and passes, so a
//! fresh clone's `cargo test` stays green.
//!
//! # Environment
//!
//! | variable | meaning |
//! | --- | --- |
//! | `THREESCALE_REALITY_OC` | path of the real `oc` binary (e.g. what `tools/bin/real-oc-path` prints) |
//! | `THREESCALE_REALITY_SIMULATOR` | path of `fake-openshift/server.py`: simulator mode, one simulator per case |
//! | `THREESCALE_REALITY_KUBECONFIG` | a real cluster's kubeconfig instead (copied per case); `Needs::Simulator` cases are skipped |
//! | `THREESCALE_REALITY_REGISTRY_USERNAME`, `THREESCALE_REALITY_REGISTRY_PASSWORD` | real-cluster mode: a registry.redhat.io login for the cases that install |
//! | `THREESCALE_REALITY_TEMPLATES` | the templates: a git bundle (cloned bare once per process), a git repository (bare or not), or a directory of the 2.8.0.GA files (committed and tagged into a scratch repository) |
//! | `THREESCALE_REALITY_JOBS` | cases run at once (default 4) |
//! | `THREESCALE_REALITY_REQUIRED` | `1`: an incomplete environment fails instead of skipping (CI) |
//! | `THREESCALE_REALITY_KEEP` | `1`: keep every case's temp dir and print its path |
//!
//! `OC`, `TEMPLATES` and one of `SIMULATOR` / `KUBECONFIG` are needed; a variable that is set
//! but wrong (a missing file, both targets, templates without the tag 2.8.0.GA) always fails.
//! Give `OC` the binary itself, not a wrapper script that unpacks it under `$HOME` (every case
//! has a HOME of its own). The simulator runs with the `python3` on the tier's PATH. With
//! ../shared/tools next to the project:
//!
//! ```sh
//! THREESCALE_REALITY_OC=$(../shared/tools/bin/real-oc-path) \
//! THREESCALE_REALITY_SIMULATOR=../shared/tools/fake-openshift/server.py \
//! THREESCALE_REALITY_TEMPLATES=../shared/reference/3scale-amp-openshift-templates.bundle \
//! cargo test --test reality            # a filter, --skip, --exact and --list work as with libtest
//! ```
//!
//! Each case gets a [`world::World`]: a temp dir with its own HOME, XDG dirs, kubeconfig and
//! `bin/oc` (oc-wrapper.sh, which logs every argv and execs the real oc), and, in simulator mode,
//! its own simulator, started on first use (scenario `happy` unless the case starts another).
//!
//! # Layout
//!
//! `runner` (cases, pool, report), `reality` (the environment), `templates` (the repository and
//! files), `sim` (a simulator and its control client), `world` (one case's temp dir, oc wrapper,
//! installer runs), `process` (watchdog, output collection, signals), `secrets` (the leak scan),
//! `cases/` (the cases).

// A test binary has no public API: `pub` only shares items between its modules.
#![allow(unreachable_pub)]

mod cases;
// The one pseudo-terminal driver of the tests, and the wait it bounds with.
#[allow(dead_code)]
#[path = "../support/events.rs"]
mod events;
mod process;
#[allow(dead_code)]
#[path = "../support/pty.rs"]
mod pty;
mod reality;
mod runner;
mod secrets;
mod sim;
mod templates;
mod world;

fn main() -> std::process::ExitCode {
    runner::main(cases::all())
}
