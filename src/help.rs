//! Per-command help from one source: the exit codes of every command (one table), the options
//! several commands share whose meaning is their own in one of them (`--project` of a gateway,
//! `--timeout` of a tenant's routes), and the checks `--skip-check` takes (from the checks
//! themselves). [`command`] is the command line every reader uses: parsing and `--help`, the
//! man pages, the completions.

use crate::cli::Cli;
use clap::CommandFactory;

/// The exit codes of one command, each with what it means there.
type Codes = &'static [(u8, &'static str)];

const INTERNAL: (u8, &str) = (1, "unexpected internal error");
const UNAVAILABLE: (u8, &str) = (
    5,
    "the cluster's API could not be reached or kept failing: run again",
);

/// The terminal was closed (SIGHUP): the run ended as an interruption does.
const HANGUP: (u8, &str) = (
    129,
    "the terminal was closed (SIGHUP): run the same command again to resume",
);

const INSTALL: Codes = &[
    (0, "installed (or already installed), or stopped at the summary"),
    INTERNAL,
    (2, "bad usage or input: a flag, environment variable, answers-file key or value"),
    (3, "a check failed before any change: not logged in, a missing permission, no usable storage class, templates unavailable"),
    (4, "a change to the cluster failed, or 3scale did not start in time"),
    UNAVAILABLE,
    (6, "3scale is installed but does not answer through its routes"),
    HANGUP,
    (130, "interrupted: run the same command again to resume"),
];

/// Every visible command (by its words after the program's name; the program itself is
/// `install`), and its exit codes.
pub(crate) const EXIT_CODES: &[(&str, Codes)] = &[
    ("", INSTALL),
    ("install", INSTALL),
    ("preflight", &[
        (0, "every check passed (warnings allowed)"),
        INTERNAL,
        (2, "bad usage or input: a flag, environment variable, answers-file key or value"),
        (3, "a check failed: the table says which and why"),
        UNAVAILABLE,
        HANGUP,
        (130, "interrupted"),
    ]),
    ("plan", &[
        (0, "the plan was printed"),
        INTERNAL,
        (2, "bad usage or input: a flag, environment variable, answers-file key or value"),
        (3, "a check failed before any change: not logged in, a missing permission, no usable storage class, templates unavailable"),
        UNAVAILABLE,
        HANGUP,
        (130, "interrupted"),
    ]),
    ("status", &[
        (0, "the status was shown (an unhealthy install is reported in the output, not in the exit code)"),
        INTERNAL,
        (2, "bad usage or input, or no 3scale install in the project"),
        (3, "a check of the cluster failed: not logged in, a missing permission"),
        UNAVAILABLE,
        HANGUP,
        (130, "interrupted"),
    ]),
    ("verify", &[
        (0, "3scale answers: every check passed (warnings allowed)"),
        INTERNAL,
        (2, "bad usage or input, or no 3scale install in the project"),
        (3, "a check of the cluster failed: not logged in, a missing permission"),
        UNAVAILABLE,
        (6, "3scale is installed but does not answer: the failed checks say why"),
        HANGUP,
        (130, "interrupted"),
    ]),
    ("credentials", &[
        (0, "the URLs and logins were printed"),
        INTERNAL,
        (2, "bad usage or input, or no 3scale install in the project"),
        (3, "a check of the cluster failed: not logged in, a missing permission"),
        (4, "the install is incomplete: secret system-seed is missing or unreadable"),
        UNAVAILABLE,
        HANGUP,
        (130, "interrupted"),
    ]),
    ("uninstall", &[
        (0, "deleted, nothing left to delete, or stopped at the question"),
        INTERNAL,
        (2, "bad usage or input (no terminal to ask in and no --yes), or no 3scale install in the project"),
        (3, "a check failed before any change: not logged in, a missing permission, another run holds the project"),
        (4, "a deletion failed: run it again to delete what is left"),
        UNAVAILABLE,
        HANGUP,
        (130, "interrupted: run it again to delete what is left"),
    ]),
    ("gateway", &[
        (0, "done (list and status report an unhealthy gateway in their output, not in their exit code)"),
        INTERNAL,
        (2, "bad usage or input; no install or no such gateway; a refused token"),
        (3, "a check failed before any change: not logged in, a permission, templates, the admin portal"),
        (4, "a change failed, or the gateway did not become ready in time"),
        UNAVAILABLE,
        HANGUP,
        (130, "interrupted: run the same command again to resume"),
    ]),
    ("gateway add", &[
        (0, "the gateway is in place and ready (or already was), or the plan was printed"),
        INTERNAL,
        (2, "bad usage or input: a flag, variable, answers-file key or value; no install; a refused token"),
        (3, "a check failed before any change: not logged in, a permission, templates, the admin portal"),
        (4, "a change to the cluster or to 3scale failed, or the gateway was not ready in time"),
        UNAVAILABLE,
        HANGUP,
        (130, "interrupted: run the same command again to resume (nothing is made twice)"),
    ]),
    ("gateway list", GATEWAY_SHOW),
    ("gateway status", GATEWAY_SHOW),
    ("gateway remove", &[
        (0, "removed, or stopped at the question"),
        INTERNAL,
        (2, "bad usage or input, or no gateway of that name"),
        (3, "a check failed before any change: not logged in, a permission, the admin portal"),
        (4, "a deletion or the token's revocation failed"),
        UNAVAILABLE,
        HANGUP,
        (130, "interrupted: run the same command again to finish"),
    ]),
    ("tenant", &[
        (0, "done (a tenant that exists already is not created again)"),
        INTERNAL,
        (2, "bad input: a value, 3scale's refusal (422), no such tenant, no install in the project"),
        (3, "a check of the cluster failed: not logged in, a missing permission"),
        (4, "(create) the tenant's routes were not admitted in time, or its Secret not written"),
        UNAVAILABLE,
        (6, "3scale does not answer: the master portal (or its token), or the new admin portal"),
        HANGUP,
        (130, "interrupted: run the same command again to continue"),
    ]),
    ("tenant create", &[
        (0, "the tenant is in place (a tenant that exists already is not created again), or the plan was printed"),
        INTERNAL,
        (2, "bad input: a value, 3scale's refusal (422), a Secret of that name that is someone else's, no install in the project"),
        (3, "a check of the cluster failed: not logged in, a missing permission"),
        (4, "the tenant's routes were not admitted in time or a router refused one, or its Secret was not written (the tenant and its login are kept: run again)"),
        UNAVAILABLE,
        (6, "3scale does not answer: the master portal (or its token), or the new admin portal with the new token"),
        HANGUP,
        (130, "interrupted: run the same command again to continue"),
    ]),
    ("tenant list", TENANT_READ),
    ("tenant show", TENANT_READ),
    ("tenant remove", &[
        (0, "scheduled for deletion, or stopped at the question"),
        INTERNAL,
        (2, "bad input: no such tenant, several of that name, the default tenant, no terminal to ask in and no --yes"),
        (3, "a check of the cluster failed: not logged in, a missing permission"),
        (4, "its Secret could not be deleted"),
        UNAVAILABLE,
        (6, "the master portal does not answer or refuses MASTER_ACCESS_TOKEN"),
        HANGUP,
        (130, "interrupted: run the same command again to finish"),
    ]),
    ("gather", GATHER),
    ("monitoring", MONITORING),
    ("monitoring plan", MONITORING),
    ("monitoring enable", MONITORING),
    ("monitoring status", MONITORING),
    ("monitoring disable", MONITORING),
    ("sso", SSO),
    ("sso add", SSO),
    ("sso list", SSO),
    ("sso show", SSO),
    ("sso remove", SSO),
    ("users", USERS),
    ("users list", USERS),
    ("users add", USERS),
    ("users role", USERS),
    ("users grant", USERS),
    ("users suspend", USERS),
    ("users unsuspend", USERS),
    ("users remove", USERS),
    ("users sync", USERS),
    ("export", MIGRATE),
    ("export apimanager", MIGRATE),
    ("upgrade", MIGRATE),
    ("upgrade plan", MIGRATE),
    ("completions", &[
        (0, "the script was printed"),
        INTERNAL,
        (2, "bad usage: a shell it has no script for"),
    ]),
    ("man", &[
        (0, "the page was printed, or every page written to --dir"),
        INTERNAL,
        (2, "bad usage, or a --dir that cannot be written"),
    ]),
];

const GATHER: Codes = &[
    (0, "the archive was written"),
    INTERNAL,
    (2, "bad usage or input: the archive exists (--force replaces it), no such project"),
    (3, "nothing written: not logged in, the project's secrets may not be read, or a secret was found in a file in a form the masking missed"),
    (5, "nothing written: the cluster's API could not be reached or kept failing; run again"),
    HANGUP,
    (130, "interrupted: nothing written"),
];

const MONITORING: Codes = &[
    (0, "done (status reports unhealthy targets and firing rules in its output, not in its exit code)"),
    INTERNAL,
    (2, "bad usage or input, or no 3scale install in the project"),
    (3, "a check failed before any change: not logged in, a missing permission (monitoring-edit), no monitoring API"),
    (4, "(enable, disable) a change to the cluster failed"),
    UNAVAILABLE,
    HANGUP,
    (130, "interrupted: run the same command again to finish"),
];

const MIGRATE: Codes = &[
    (0, "printed (read-only: nothing is changed)"),
    INTERNAL,
    (
        2,
        "bad usage or input, or no 3scale install in the project; a release that cannot be reached",
    ),
    (
        3,
        "a check failed: not logged in, a missing permission, templates unavailable",
    ),
    UNAVAILABLE,
    HANGUP,
    (130, "interrupted"),
];

const SSO: Codes = &[
    (0, "done (what is in place already is not made again), or stopped at the question"),
    INTERNAL,
    (2, "bad input: a value, 3scale's or Red Hat SSO's refusal, no such tenant or integration, a tenant whose token is not kept here"),
    (3, "a check failed before any change: the realm from here (issuer, endpoints, TLS), not logged in"),
    UNAVAILABLE,
    (6, "3scale or Red Hat SSO does not answer as it should"),
    HANGUP,
    (130, "interrupted: run the same command again to continue"),
];

const USERS: Codes = &[
    (
        0,
        "done (what is in place already is not changed), or stopped at the question",
    ),
    INTERNAL,
    (
        2,
        "bad input: a value, an entry of the team file, 3scale's refusal, no such tenant or user",
    ),
    (
        3,
        "a check of the cluster failed: not logged in, a missing permission",
    ),
    UNAVAILABLE,
    (
        6,
        "3scale does not answer as it should (or refused the token)",
    ),
    HANGUP,
    (130, "interrupted: run the same command again to continue"),
];

const GATEWAY_SHOW: Codes = &[
    (0, "done (an unhealthy gateway or a refused token is reported in the output, not in the exit code)"),
    INTERNAL,
    (2, "bad usage or input, or no gateway of that name"),
    (3, "a check failed: not logged in, a missing permission"),
    UNAVAILABLE,
    HANGUP,
    (130, "interrupted"),
];

const TENANT_READ: Codes = &[
    (0, "done, whatever state the tenants are in"),
    INTERNAL,
    (
        2,
        "bad usage or input, no such tenant, no install in the project",
    ),
    (
        3,
        "a check of the cluster failed: not logged in, a missing permission",
    ),
    UNAVAILABLE,
    (
        6,
        "the master portal does not answer or refuses MASTER_ACCESS_TOKEN",
    ),
    HANGUP,
    (130, "interrupted"),
];

/// Options one command gives a meaning of its own: (command, clap id, help).
const OWN_MEANINGS: &[(&str, &str, &str)] = &[
    ("gateway add", "project", "The gateway's project, created when missing [default: the gateway's name]; the install's is --tenant-project"),
    ("gateway list", "project", "The project to look for gateways in [default: every project you can see]"),
    ("gateway status", "project", "The project to look for the gateway in [default: every project you can see]"),
    ("gateway remove", "project", "The gateway's project [default: the one that holds it, of every project you can see]"),
    ("gateway add", "timeout", "How long to wait for the gateway to be ready (e.g. 15m) [default: 10m]"),
    ("gateway add", "no_wait", "Do not wait for the gateway to be ready after creating it"),
    ("gateway add", "no_verify", "Do not list at the end the products whose public base URL matches none of the gateway's hosts"),
    ("tenant create", "timeout", "How long to wait for zync's routes of the tenant's portals to be admitted (e.g. 10m) [default: 5m]"),
    ("tenant create", "no_wait", "Do not wait for the tenant's routes (nor check its admin portal)"),
    ("tenant create", "no_verify", "Do not check at the end that the tenant's admin portal answers with its token"),
];

/// The command line with every command's own help: parsing, `--help`, man pages, completions.
pub(crate) fn command() -> clap::Command {
    with_help(Cli::command())
}

/// `cmd` with each command's own help.
pub(crate) fn with_help(cmd: clap::Command) -> clap::Command {
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    adjusted(cmd, "", &globals)
}

fn adjusted(mut cmd: clap::Command, path: &str, globals: &[clap::Arg]) -> clap::Command {
    if let Some(codes) = exit_codes(path) {
        cmd = cmd.after_help(codes);
    }
    for (_, id, help) in OWN_MEANINGS.iter().filter(|(p, _, _)| *p == path) {
        match globals.iter().find(|g| g.get_id() == *id) {
            // A global option of its own meaning here: a copy with its help, which clap hands
            // down instead of the program's (the value is the same option's, wherever given).
            Some(global) => cmd = cmd.arg(global.clone().help(*help)),
            None => cmd = cmd.mut_arg(*id, |a| a.help(*help)),
        }
    }
    if cmd.get_arguments().any(|a| a.get_id() == "skip_checks") {
        cmd = cmd.mut_arg("skip_checks", |a| a.help(skip_checks_help()));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = format!("{path} {name}").trim().to_string();
        cmd = cmd.mut_subcommand(&name, |s| adjusted(s, &sub, globals));
    }
    cmd
}

/// The exit codes block of `command` (`gateway add`; "" for the program itself).
pub(crate) fn exit_codes(command: &str) -> Option<String> {
    let (_, codes) = EXIT_CODES.iter().find(|(c, _)| *c == command)?;
    let lines: Vec<String> = codes
        .iter()
        .map(|(code, meaning)| format!("  {code:<4} {meaning}"))
        .collect();
    Some(format!("Exit codes:\n{}", lines.join("\n")))
}

/// `--skip-check`'s help, naming every check that can be skipped.
fn skip_checks_help() -> String {
    format!(
        "Turn the named check's failure into a warning (repeatable, or comma-separated): {}",
        crate::engine::checks::SKIPPABLE.join(", ")
    )
}

/// The words after the program's name of every visible command.
#[cfg(test)]
fn visible(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
    out.push(path.to_string());
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        visible(sub, format!("{path} {}", sub.get_name()).trim(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failure::FailureKind;

    #[test]
    fn every_command_has_its_own_exit_codes_and_only_real_ones() {
        let cmd = command();
        let mut paths = Vec::new();
        visible(&cmd, "", &mut paths);
        let kinds = [
            FailureKind::Internal,
            FailureKind::Input,
            FailureKind::Preflight,
            FailureKind::Cluster,
            FailureKind::Unavailable,
            FailureKind::NotAnswering,
            FailureKind::Interrupted,
        ];
        for (command, codes) in EXIT_CODES {
            assert!(
                paths.contains(&command.to_string()),
                "`{command}` is no command"
            );
            for (code, _) in *codes {
                assert!(
                    *code == 0
                        || i32::from(*code) == crate::interrupt::HANGUP_EXIT
                        || kinds.iter().any(|k| k.exit_code() == *code),
                    "{command}: {code} is no exit code of this program"
                );
            }
            let codes: Vec<u8> = codes.iter().map(|(c, _)| *c).collect();
            assert!(codes.starts_with(&[0, 1, 2]), "{command}: {codes:?}");
            assert!(codes.windows(2).all(|w| w[0] < w[1]), "{command}: in order");
        }
        for path in &paths {
            let found = EXIT_CODES.iter().filter(|(c, _)| c == path).count();
            assert_eq!(found, 1, "`{path}` has {found} exit code tables");
        }
    }

    /// What `threescale-install WORDS --help` prints, its lines joined as they wrap.
    fn help_of(words: &[&str]) -> String {
        let mut argv = vec!["threescale-install"];
        argv.extend(words);
        argv.push("--help");
        match command().try_get_matches_from(argv) {
            Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => e
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            other => panic!("{words:?}: {other:?}"),
        }
    }

    #[test]
    fn each_help_ends_with_its_own_exit_codes() {
        let cmd = command();
        let mut paths = Vec::new();
        visible(&cmd, "", &mut paths);
        for path in paths {
            let words: Vec<&str> = path.split_whitespace().collect();
            let help = help_of(&words);
            let codes = exit_codes(&path).unwrap();
            let codes = codes.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(help.ends_with(&codes), "`{path} --help`:\n{help}");
        }
        // What another command does is not in these.
        for command in ["credentials", "status"] {
            assert!(!help_of(&[command]).contains("deletion"), "{command}");
        }
    }

    #[test]
    fn the_example_answers_file_names_every_check_that_can_be_skipped() {
        let example = include_str!("../templates/answers.example.yaml");
        for id in crate::engine::checks::SKIPPABLE {
            assert!(
                example.contains(id),
                "answers.example.yaml does not name {id}"
            );
        }
    }

    #[test]
    fn shared_options_say_what_they_mean_for_each_command() {
        let add = help_of(&["gateway", "add"]);
        assert!(
            add.contains("The gateway's project, created when missing"),
            "{add}"
        );
        assert!(!add.contains("The project of the install"), "{add}");
        let create = help_of(&["tenant", "create"]);
        assert!(
            create.contains("zync's routes of the tenant's portals"),
            "{create}"
        );
        assert!(!create.contains("every component"), "{create}");
        let install = help_of(&["install"]);
        assert!(!install.contains("tenant's routes"), "{install}");
        for id in crate::engine::checks::SKIPPABLE {
            assert!(install.contains(id), "--skip-check names {id}:\n{install}");
        }
        for words in [&["install"][..], &["credentials"], &["tenant", "create"]] {
            let help = help_of(words);
            assert!(
                !help.contains("even when stdout is not a terminal"),
                "{words:?}"
            );
            assert!(
                help.contains("hidden otherwise, at a terminal too"),
                "{words:?}:\n{help}"
            );
        }
    }
}
