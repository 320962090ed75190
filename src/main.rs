use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = threescale_install::cli::Cli::parse();
    match threescale_install::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::from(failure.kind.exit_code())
        }
    }
}
