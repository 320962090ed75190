//! threescale-install: installs Red Hat 3scale API Management 2.8 on OpenShift from the official
//! templates, wrapping `oc`.
//!
//! Every command that changes a project is a pipeline: `inputs` (flags, environment, answers
//! file, record, then the wizard) → observe (the engine's observer, read-only) → the feature's
//! pure plan → the engine's driver (verdict, dry-run or confirmation, lock, the one executor,
//! the wait). Each effect has one owner: `oc` spawns oc, `http` talks to 3scale, `prompt` asks,
//! `ui` draws, `templates::repo` uses git.

pub(crate) mod atomic_file;
pub(crate) mod cli;
pub(crate) mod commands;
pub(crate) mod document;
pub(crate) mod duration;
pub(crate) mod engine;
pub(crate) mod export;
pub(crate) mod failure;
pub(crate) mod gateway;
pub(crate) mod gather;
pub(crate) mod help;
pub(crate) mod http;
pub(crate) mod ingress_ca;
pub(crate) mod inputs;
pub(crate) mod install;
pub(crate) mod interrupt;
pub(crate) mod keycloak;
pub mod manual;
pub(crate) mod monitoring;
pub(crate) mod names;
pub(crate) mod oc;
pub(crate) mod operator;
pub(crate) mod paths;
pub(crate) mod prompt;
pub(crate) mod pull_secret;
pub(crate) mod record;
pub(crate) mod secrets;
pub(crate) mod sso;
pub mod templates;
pub(crate) mod tenant;
pub(crate) mod threescale;
pub(crate) mod transcript;
pub(crate) mod ui;
pub(crate) mod uninstall;
pub(crate) mod upgrade;
pub(crate) mod users;
pub(crate) mod verify;
pub(crate) mod wizard;

pub use commands::completion_script;
use std::io::Write;
use std::process::ExitCode;

/// Parses the command line, runs it, and says how it ended.
pub fn main() -> ExitCode {
    // Output piped into `head` ends the run quietly, as with any Unix tool, instead of a panic.
    // SAFETY: restores the default disposition before any thread starts.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    let mut command = help::command();
    let matches = command
        .try_get_matches_from_mut(std::env::args_os())
        .unwrap_or_else(|e| {
            let e = cli::name_the_variable(e, &command);
            if e.use_stderr() && json_asked() {
                // CI reads stdout: a command line that does not parse still gives one document.
                println!("{}", commands::usage_document(&e));
            }
            e.exit()
        });
    interrupt::install_handler();
    let _terminal = interrupt::TerminalGuard;
    match commands::run(&matches) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if interrupt::requested() {
                interrupt::finish();
            }
            interrupt::stop_if_hung_up();
            // Never a panic on the way out (a closed stderr).
            let _ = writeln!(std::io::stderr(), "{}", styled(&failure));
            ExitCode::from(failure.kind.exit_code())
        }
    }
}

/// Whether the command line or the environment asks for JSON (`-o json`, `--output=json`,
/// THREESCALE_OUTPUT=json), read without the parser that refused the line.
fn json_asked() -> bool {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flagged = args.iter().enumerate().any(|(i, a)| {
        matches!(a.as_str(), "-ojson" | "-o=json" | "--output=json")
            || (matches!(a.as_str(), "-o" | "--output")
                && args.get(i + 1).is_some_and(|v| v == "json"))
    });
    let given = args
        .iter()
        .any(|a| a == "-o" || a == "--output" || a.starts_with("-o") || a.starts_with("--output="));
    flagged || (!given && std::env::var(inputs::declared::OUTPUT.env).is_ok_and(|v| v == "json"))
}

/// The failure with `error:` and `help:` marked, in colour at a terminal.
fn styled(failure: &failure::Failure) -> String {
    let text = failure.to_string();
    text.lines()
        .map(|l| {
            if let Some(rest) = l.strip_prefix("error:") {
                format!(
                    "{}{rest}",
                    console::style("error:").red().bold().for_stderr()
                )
            } else if let Some(rest) = l.strip_prefix("help:") {
                format!(
                    "{}{rest}",
                    console::style("help:").cyan().bold().for_stderr()
                )
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
