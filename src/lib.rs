//! threescale-install: installs Red Hat 3scale API Management 2.8 on OpenShift from the official
//! templates, wrapping `oc`.

pub mod answers;
pub mod atomic_file;
pub mod checks;
pub mod cli;
mod commands;
pub mod diagnosis;
pub mod failure;
mod interrupt;
pub mod lock;
pub mod names;
pub mod oc;
pub mod param_file;
pub mod param_rules;
pub mod paths;
mod prompt;
pub mod record;
pub mod render;
pub mod secrets;
pub mod steps;
pub mod template;
pub mod templates_repo;
pub mod transcript;
pub mod ui;
mod wizard;

pub use commands::{completion_script, man_page};
use failure::Failure;

/// Runs the command line to completion.
pub fn run(cli: cli::Cli) -> Result<(), Failure> {
    interrupt::install_handler();
    let result = commands::run(cli);
    if result.is_err() && interrupt::requested() {
        interrupt::finish();
    }
    result
}
