//! What the install's unit tests share: answers resolved from a command line, as a run
//! resolves them.

use crate::cli::Cli;
use crate::inputs::{install_answers, Answers, Env, SecretReader, PASSWORD_ENV};
use clap::{CommandFactory, FromArgMatches};

struct NoStdin;

impl SecretReader for NoStdin {
    fn read_secret(&mut self, _: &str) -> Result<String, String> {
        Err("no stdin in this test".into())
    }
}

/// The answers of `threescale-install ARGS`, the registry password in its environment variable.
pub(crate) fn answers(args: &[&str]) -> Answers {
    let argv = [&["threescale-install"], args].concat();
    let matches = Cli::command().try_get_matches_from(argv).unwrap();
    let cli = Cli::from_arg_matches(&matches).unwrap();
    let env = Env::from_pairs(&[(PASSWORD_ENV, "registry-pw-1")]);
    install_answers(
        &cli.global,
        &cli.install.inputs,
        Some(&cli.install),
        &matches,
        &env,
        &mut NoStdin,
    )
    .unwrap()
}
