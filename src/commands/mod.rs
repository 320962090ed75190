//! One module per subcommand, each an orchestration of shared pieces: the inputs, the session,
//! the install pipeline (`crate::install`), the installed project (`crate::installed`). No
//! command reaches into another's module.

mod credentials;
mod export;
mod gateway;
mod gather;
mod install;
mod monitoring;
mod plan;
mod preflight;
mod render;
mod sso;
mod status;
mod tenant;
mod uninstall;
mod upgrade;
mod users;
mod verify;

use crate::cli::{Cli, Command, ExportCommand, Format, GlobalArgs, UpgradeCommand};
use crate::failure::{Failure, Outcome};
use crate::inputs::{self, Env, ProjectInputs};
use crate::prompt::StdinSecrets;
use clap::{ArgMatches, FromArgMatches};

const BIN: &str = "threescale-install";

pub(crate) fn run(matches: &ArgMatches) -> Outcome<()> {
    let cli = Cli::from_arg_matches(matches).map_err(|e| Failure::input(e.to_string()))?;
    let misplaced = crate::cli::install_flags_before(matches);
    if !misplaced.is_empty() {
        return Err(Failure::input(format!(
            "{} belong(s) to install, not to `{}`",
            misplaced.join(", "),
            matches.subcommand_name().unwrap_or_default()
        ))
        .with_help("install's flags go after `install` (or with no subcommand at all); only the global options (--project, --kubeconfig, -o, ...) go before a subcommand"));
    }
    let format = cli.global.output.unwrap_or(Format::Text);
    // `man --dir DIR`: every page written where `man` finds it.
    if let Some(("man", sub)) = matches.subcommand() {
        if let Some(dir) = sub.get_one::<std::path::PathBuf>(crate::inputs::declared::MAN_DIR.id) {
            return crate::manual::write_pages(dir);
        }
    }
    let result = dispatch(cli, matches);
    if let (Err(f), Format::Json) = (&result, format) {
        if f.reported {
            return result;
        }
        // CI reads stdout: a failed run still prints its command's document, with what the run
        // knew, the error and what the exit code means.
        let (command, dry_run) = command_of(matches);
        let doc = crate::document::failure_of(crate::document::shape_of(&command, dry_run), f);
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    }
    result
}

/// The document of a command line the parser refused: the command's shape as far as its words
/// name one, its error an input error with the parser's words.
pub(crate) fn usage_document(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut lines = rendered.lines().filter(|l| !l.trim().is_empty());
    let message = lines
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_string();
    let rest: Vec<&str> = lines.collect();
    let mut f = Failure::input(message);
    if !rest.is_empty() {
        f = f.with_help(rest.join("\n"));
    }
    let words: Vec<String> = std::env::args()
        .skip(1)
        .take_while(|a| !a.starts_with('-'))
        .collect();
    let shape = (1..=words.len())
        .rev()
        .find_map(|n| crate::document::shape_of(&words[..n].join(" "), false))
        .or_else(|| words.is_empty().then_some(&crate::document::INSTALL));
    serde_json::to_string_pretty(&crate::document::failure_of(shape, &f)).unwrap_or_default()
}

/// The command as typed (`gateway add`; `install` without one), and whether it is a dry run.
fn command_of(matches: &ArgMatches) -> (String, bool) {
    let mut names = Vec::new();
    let mut leaf = matches;
    while let Some((name, sub)) = leaf.subcommand() {
        names.push(name);
        leaf = sub;
    }
    let dry_run = leaf
        .try_get_one::<bool>("dry_run")
        .ok()
        .flatten()
        .copied()
        .unwrap_or(false);
    match names.is_empty() {
        true => ("install".into(), dry_run),
        false => (names.join(" "), dry_run),
    }
}

fn dispatch(cli: Cli, matches: &ArgMatches) -> Outcome<()> {
    let global = &cli.global;
    let env = Env::from_process();
    let mut stdin = StdinSecrets;
    match cli.command {
        None => install_or_plan(inputs::install_answers(
            global,
            &cli.install.inputs,
            Some(&cli.install),
            matches,
            &env,
            &mut stdin,
        )?),
        Some(Command::Install(args)) => install_or_plan(inputs::install_answers(
            global,
            &args.inputs,
            Some(&args),
            matches,
            &env,
            &mut stdin,
        )?),
        Some(Command::Plan(args)) => plan::run(inputs::install_answers(
            global, &args, None, matches, &env, &mut stdin,
        )?),
        Some(Command::Preflight(args)) => preflight::run(inputs::install_answers(
            global, &args, None, matches, &env, &mut stdin,
        )?),
        Some(Command::Status(args)) => status::run(inputs::project_answers(
            global,
            reading(&args, None),
            matches,
        )?),
        Some(Command::Verify(args)) => verify::run(inputs::project_answers(
            global,
            reading(&args.project, Some(&args.http)),
            matches,
        )?),
        Some(Command::Credentials(args)) => credentials::run(inputs::project_answers(
            global,
            ProjectInputs {
                credentials_file: args.credentials_file.clone(),
                show_secrets: args.show_secrets,
                ..reading(&args.project, None)
            },
            matches,
        )?),
        Some(Command::Uninstall(args)) => uninstall_command(global, &args, matches),
        Some(Command::Gather(args)) => gather::run(inputs::gather_answers(global, &args, matches)?),
        Some(Command::Gateway(command)) => gateway::run(global, command, matches, &env, &mut stdin),
        Some(Command::Tenant(command)) => tenant::run(global, command, matches, &env, &mut stdin),
        Some(Command::Monitoring(command)) => monitoring::run(global, command, matches),
        Some(Command::Sso(command)) => sso::run(global, command, matches, &env, &mut stdin),
        Some(Command::Users(command)) => {
            users::run(inputs::users::users_answers(global, &command, matches)?)
        }
        Some(c @ (Command::Export(_) | Command::Upgrade(_))) => migrate(c, global, matches),
        Some(Command::Render(what)) => render::run(what, &env),
        Some(Command::Completions { shell }) => {
            print!("{}", String::from_utf8_lossy(&shipped_script(shell)));
            Ok(())
        }
        Some(Command::Man) => {
            print!("{}", String::from_utf8_lossy(&man_page()));
            Ok(())
        }
    }
}

/// `install`, or `plan` for `install --dry-run`.
fn install_or_plan(answers: inputs::Answers) -> Outcome<()> {
    if answers.dry_run {
        plan::run(answers)
    } else {
        install::run(answers)
    }
}

/// The inputs of a command that reads an installed project and asks nothing.
fn reading<'a>(
    project: &'a crate::cli::ProjectArgs,
    http: Option<&'a crate::cli::HttpArgs>,
) -> ProjectInputs<'a> {
    ProjectInputs {
        project,
        http,
        credentials_file: None,
        show_secrets: false,
        never_ask: true,
    }
}

fn uninstall_command(
    global: &crate::cli::GlobalArgs,
    args: &crate::cli::UninstallArgs,
    matches: &ArgMatches,
) -> Outcome<()> {
    let a = inputs::project_answers(
        global,
        ProjectInputs {
            project: &args.project,
            http: None,
            credentials_file: args.credentials_file.clone(),
            show_secrets: false,
            never_ask: args.yes,
        },
        matches,
    )?;
    uninstall::run(
        a,
        uninstall::Options {
            yes: args.yes,
            dry_run: args.dry_run,
            delete_project: args.delete_project,
            keep_credentials: args.keep_credentials,
        },
    )
}

/// The ways off the templates: `export apimanager` and `upgrade plan`.
fn migrate(command: Command, global: &GlobalArgs, matches: &ArgMatches) -> Outcome<()> {
    match command {
        Command::Export(ExportCommand::Apimanager(args)) => {
            export::run(inputs::migrate::export_answers(global, &args, matches)?)
        }
        Command::Upgrade(UpgradeCommand::Plan(args)) => {
            upgrade::plan(inputs::migrate::upgrade_answers(global, &args, matches)?)
        }
        _ => Err(Failure::internal("not a command of export or upgrade")),
    }
}

/// The completion script for `shell`, with the bash fix for hyphenated binary names
/// (clap-rs/clap#6421: the dispatch builds `threescale__install__...` but the case arms are
/// named `threescale__subcmd__install__...`).
pub fn completion_script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::help::command(), BIN, &mut buf);
    if shell == clap_complete::Shell::Bash {
        buf = String::from_utf8_lossy(&buf)
            .replace("threescale__subcmd__install", "threescale__install")
            .into_bytes();
    }
    buf
}

/// The completion script as shipped in `completions/` (a test keeps each equal to
/// [`completion_script`]): printed at once, not made again from the whole command tree, so that
/// a shell that sources it at start-up does not wait.
fn shipped_script(shell: clap_complete::Shell) -> std::borrow::Cow<'static, [u8]> {
    use clap_complete::Shell;
    use std::borrow::Cow;
    match shell {
        Shell::Bash => Cow::Borrowed(include_bytes!("../../completions/threescale-install.bash")),
        Shell::Zsh => Cow::Borrowed(include_bytes!("../../completions/_threescale-install")),
        Shell::Fish => Cow::Borrowed(include_bytes!("../../completions/threescale-install.fish")),
        Shell::PowerShell => {
            Cow::Borrowed(include_bytes!("../../completions/_threescale-install.ps1"))
        }
        Shell::Elvish => Cow::Borrowed(include_bytes!("../../completions/threescale-install.elv")),
        other => Cow::Owned(completion_script(other)),
    }
}

/// The man page, from the same clap definition.
pub(crate) fn man_page() -> Vec<u8> {
    crate::manual::page()
}
