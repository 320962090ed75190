//! One module per subcommand. `install` (the default), `plan` and `preflight` share the install's
//! read-only preparation; `status`, `credentials` and `uninstall` work on an installed project.

mod credentials;
mod install;
mod installed;
mod plan;
mod preflight;
mod status;
mod uninstall;

use crate::answers::{Answers, ProjectAnswers, SecretEnv};
use crate::cli::{Cli, Command};
use crate::failure::{Failure, Outcome};
use crate::oc::Oc;
use crate::secrets::Redactor;
use crate::ui::Ui;
use clap::CommandFactory;
use std::path::Path;
use std::sync::Arc;

const BIN: &str = "threescale-install";

pub fn run(cli: Cli) -> Outcome<()> {
    let command = cli.command.unwrap_or(Command::Install(cli.install));
    match command {
        Command::Install(c) => {
            let dry_run = c.run.dry_run;
            let answers = resolve(c)?;
            let ui = Ui::new(answers.quiet, answers.verbose);
            if dry_run {
                plan::run(answers, &ui)
            } else {
                install::run(answers, &ui)
            }
        }
        Command::Plan(c) => {
            let answers = resolve(c)?;
            let ui = Ui::new(answers.quiet, answers.verbose);
            plan::run(answers, &ui)
        }
        Command::Preflight(c) => {
            let answers = resolve(c)?;
            let ui = Ui::new(answers.quiet, answers.verbose);
            preflight::run(answers, &ui)
        }
        Command::Status(c) => {
            let answers = ProjectAnswers::resolve(c)?;
            let ui = Ui::new(answers.quiet, answers.verbose);
            status::run(&answers, &ui)
        }
        Command::Credentials(c) => {
            let answers = ProjectAnswers::resolve(c)?;
            let ui = Ui::new(answers.quiet, answers.verbose);
            credentials::run(&answers, &ui)
        }
        Command::Uninstall(c) => {
            let (yes, delete_project, keep_credentials) =
                (c.yes, c.delete_project, c.keep_credentials);
            let answers = ProjectAnswers::resolve(c.project)?;
            let ui = Ui::new(answers.quiet, answers.verbose);
            uninstall::run(
                &answers,
                &ui,
                uninstall::Options {
                    yes,
                    delete_project,
                    keep_credentials,
                },
            )
        }
        Command::Completions { shell } => {
            print!("{}", String::from_utf8_lossy(&completion_script(shell)));
            Ok(())
        }
        Command::Man => {
            print!("{}", String::from_utf8_lossy(&man_page()));
            Ok(())
        }
    }
}

fn resolve(c: crate::cli::InstallCommand) -> Outcome<Answers> {
    Answers::resolve(c, &SecretEnv::from_process(), &mut std::io::stdin())
}

/// The completion script for `shell`, with the bash fix for hyphenated binary names
/// (clap-rs/clap#6421: the dispatch builds `threescale__install__...` but the case arms are
/// named `threescale__subcmd__install__...`).
pub fn completion_script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut buf);
    if shell == clap_complete::Shell::Bash {
        buf = String::from_utf8_lossy(&buf)
            .replace("threescale__subcmd__install", "threescale__install")
            .into_bytes();
    }
    buf
}

/// The man page, from the same clap definition.
pub fn man_page() -> Vec<u8> {
    let mut buf = Vec::new();
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut buf);
    buf
}

/// Locates oc and wires its command log to the ui: the opening of every command.
fn connect(
    program: Option<&Path>,
    kubeconfig: Option<&Path>,
    context: Option<&str>,
    ui: &Ui,
    redactor: &Redactor,
) -> Outcome<Oc> {
    let line = ui.step(crate::steps::StepId::Oc.title());
    let program = match Oc::locate(program) {
        Ok(p) => p,
        Err(e) => {
            line.failed();
            return Err(Failure::preflight(format!("oc step: {e}"))
                .with_help("install the OpenShift CLI (oc) and put it on PATH, or pass --oc PATH (THREESCALE_OC)"));
        }
    };
    line.detail(&program.display().to_string());
    line.done();
    let mut oc = Oc::new(program, kubeconfig, context, redactor.clone());
    let log_ui = ui.clone();
    oc.set_command_log(Arc::new(move |command| log_ui.command(command)));
    Ok(oc)
}

/// Connects for a command on an installed project.
fn connect_project(answers: &ProjectAnswers, ui: &Ui, redactor: &Redactor) -> Outcome<Oc> {
    connect(
        answers.oc.as_deref(),
        answers.kubeconfig.as_deref(),
        answers.context.as_deref(),
        ui,
        redactor,
    )
}
