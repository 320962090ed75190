//! threescale-install: installs Red Hat 3scale API Management 2.8 on OpenShift from the official
//! templates, wrapping `oc`.

pub mod answers;
pub mod cli;
pub mod failure;
mod install;
mod interrupt;
pub mod names;
pub mod oc;
pub mod param_file;
pub mod paths;
mod prompt;
pub mod secrets;
pub mod steps;
pub mod template;
pub mod templates_repo;
pub mod ui;
mod wizard;

use answers::{Answers, PASSWORD_ENV};
use failure::Failure;

/// Runs the command line to completion.
pub fn run(cli: cli::Cli) -> Result<(), Failure> {
    interrupt::install_handler();
    let password_env = std::env::var(PASSWORD_ENV).ok().filter(|p| !p.is_empty());
    let answers = Answers::resolve(cli, password_env, &mut std::io::stdin())?;
    let ui = ui::Ui::new(answers.quiet, answers.verbose);
    let result = install::install(answers, &ui);
    if result.is_err() && interrupt::requested() {
        interrupt::finish();
    }
    result
}
