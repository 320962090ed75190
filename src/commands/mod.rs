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
use crate::oc::Timing;
use crate::paths;
use crate::secrets::Redactor;
use crate::transcript::Transcript;
use crate::ui::Ui;
use clap::CommandFactory;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const BIN: &str = "threescale-install";

pub fn run(cli: Cli) -> Outcome<()> {
    let command = cli.command.unwrap_or(Command::Install(cli.install));
    let (result, transcript) = dispatch(command);
    with_transcript(result, transcript)
}

/// Runs the command; also returns where its transcript went.
fn dispatch(command: Command) -> (Outcome<()>, Option<PathBuf>) {
    type Run = fn(Answers, &Ui) -> Outcome<()>;
    let install_like = |c: crate::cli::InstallCommand, run: Run| match resolve(c) {
        Ok(answers) => {
            let ui = Ui::new(answers.quiet, answers.verbose);
            let path = transcript_path(answers.log_file.as_deref(), &answers.project);
            (run(answers, &ui), path)
        }
        Err(f) => (Err(f), None),
    };
    let project_like = |c: crate::cli::ProjectCommand,
                        run: &dyn Fn(&ProjectAnswers, &Ui) -> Outcome<()>| {
        match ProjectAnswers::resolve(c) {
            Ok(answers) => {
                let ui = Ui::new(answers.quiet, answers.verbose);
                (run(&answers, &ui), transcript_path(None, &answers.project))
            }
            Err(f) => (Err(f), None),
        }
    };
    match command {
        Command::Install(c) if c.run.dry_run => install_like(c, plan::run),
        Command::Install(c) => install_like(c, install::run),
        Command::Plan(c) => install_like(c, plan::run),
        Command::Preflight(c) => install_like(c, preflight::run),
        Command::Status(c) => project_like(c, &status::run),
        Command::Credentials(c) => project_like(c, &credentials::run),
        Command::Uninstall(c) => {
            let options = uninstall::Options {
                yes: c.yes,
                delete_project: c.delete_project,
                keep_credentials: c.keep_credentials,
            };
            project_like(c.project, &move |a, ui| uninstall::run(a, ui, options))
        }
        Command::Completions { shell } => {
            print!("{}", String::from_utf8_lossy(&completion_script(shell)));
            (Ok(()), None)
        }
        Command::Man => {
            print!("{}", String::from_utf8_lossy(&man_page()));
            (Ok(()), None)
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

/// How a command reaches the cluster: oc, its global flags, timing, and the transcript file.
pub(super) struct Connection<'a> {
    pub program: Option<&'a Path>,
    pub kubeconfig: Option<&'a Path>,
    pub context: Option<&'a str>,
    pub timing: Timing,
    pub transcript: Option<PathBuf>,
}

impl<'a> Connection<'a> {
    pub fn of_install(a: &'a Answers) -> Connection<'a> {
        Connection {
            program: a.oc.as_deref(),
            kubeconfig: a.kubeconfig.as_deref(),
            context: a.context.as_deref(),
            timing: a.timing,
            transcript: transcript_path(a.log_file.as_deref(), &a.project),
        }
    }

    pub fn of_project(a: &'a ProjectAnswers) -> Connection<'a> {
        Connection {
            program: a.oc.as_deref(),
            kubeconfig: a.kubeconfig.as_deref(),
            context: a.context.as_deref(),
            timing: a.timing,
            transcript: transcript_path(None, &a.project),
        }
    }
}

/// The transcript of runs for a project: `--log-file`, or `logs/<project>.log` in the state dir.
fn transcript_path(log_file: Option<&Path>, project: &str) -> Option<PathBuf> {
    log_file.map(Path::to_path_buf).or_else(|| {
        paths::state_dir()
            .ok()
            .map(|d| d.join("logs").join(format!("{project}.log")))
    })
}

/// Points a failure at the transcript of the run.
fn with_transcript(result: Outcome<()>, path: Option<PathBuf>) -> Outcome<()> {
    result.map_err(|f| match path.filter(|p| p.is_file()) {
        Some(p) if f.kind != crate::failure::FailureKind::Input || f.help.is_empty() => {
            f.with_help(format!("the transcript of this run is in {}", p.display()))
        }
        _ => f,
    })
}

/// Opens the transcript, locates oc and wires its command log to the ui: the opening of every
/// command.
fn connect(how: Connection, ui: &Ui, redactor: &Redactor) -> Outcome<Oc> {
    let transcript =
        how.transcript
            .as_deref()
            .and_then(|path| match Transcript::open(path, redactor.clone()) {
                Ok(t) => Some(Arc::new(t)),
                Err(e) => {
                    ui.warn(&format!("no transcript of this run: {e}"));
                    None
                }
            });
    if let Some(t) = &transcript {
        let args: Vec<String> = std::env::args().skip(1).collect();
        t.note(&format!(
            "=== threescale-install {} {} (pid {})",
            env!("CARGO_PKG_VERSION"),
            args.join(" "),
            std::process::id()
        ));
    }
    let line = ui.step(crate::steps::StepId::Oc.title());
    let program = match Oc::locate(how.program) {
        Ok(p) => p,
        Err(e) => {
            line.failed();
            return Err(Failure::preflight(format!("oc step: {e}"))
                .with_help("install the OpenShift CLI (oc) and put it on PATH, or pass --oc PATH (THREESCALE_OC)"));
        }
    };
    line.detail(&program.display().to_string());
    line.done();
    let mut oc = Oc::new(program, how.kubeconfig, how.context, redactor.clone());
    oc.set_timing(how.timing);
    if let Some(t) = transcript {
        oc.set_transcript(t);
    }
    let log_ui = ui.clone();
    oc.set_command_log(Arc::new(move |command| log_ui.command(command)));
    Ok(oc)
}

/// Connects for a command on an installed project.
fn connect_project(answers: &ProjectAnswers, ui: &Ui, redactor: &Redactor) -> Outcome<Oc> {
    connect(Connection::of_project(answers), ui, redactor)
}
