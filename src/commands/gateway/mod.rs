//! `gateway add | list | status | remove`: self-managed APIcast gateways of an install. What
//! the subcommands share: the install's cluster (the gateway's, or the one `--portal-context` /
//! `--portal-kubeconfig` name) and the help that names the gateway flags.

mod add;
mod remove;
mod show;

use crate::cli::{self, Gateway};
use crate::engine::cluster::Cluster;
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::gateway::Portal;
use crate::inputs::{self, Env, SecretReader};
use crate::oc::Oc;
use clap::ArgMatches;

pub(crate) fn run(
    global: &cli::GlobalArgs,
    command: Gateway,
    matches: &ArgMatches,
    env: &Env,
    stdin: &mut dyn SecretReader,
) -> Outcome<()> {
    match command {
        Gateway::Add(args) => add::run(inputs::gateway_add_answers(
            global, &args, matches, env, stdin,
        )?),
        Gateway::List(args) => show::run(
            inputs::gateway_answers(global, None, &args.http, true, matches)?,
            None,
            false,
        ),
        Gateway::Status(args) => {
            if let Some(n) = &args.name {
                inputs::gateway::check_name(n).map_err(|why| {
                    Failure::input(format!("gateway name '{n}' is invalid: {why}"))
                })?;
            }
            show::run(
                inputs::gateway_answers(global, None, &args.http, true, matches)?,
                args.name,
                true,
            )
        }
        Gateway::Remove(args) => {
            remove::run(inputs::gateway_remove_answers(global, &args, matches)?)
        }
    }
}

/// oc for the install's cluster, when one was named apart from the gateway's.
fn portal_oc(session: &Session, portal: &Portal) -> Outcome<Option<Oc>> {
    portal
        .named
        .then(|| session.oc_for(&portal.connection))
        .transpose()
}

/// The install's cluster: the gateway's (already looked at), or the other one named.
fn portal_cluster(
    session: &Session,
    observer: Option<&Observer>,
    gateway: &Cluster,
) -> Outcome<Cluster> {
    match observer {
        Some(o) => crate::engine::report::cluster_step(&session.ui, o, "the install's cluster"),
        None => Ok(gateway.clone()),
    }
}

/// An install that is not where the gateway flags say: the help names those flags.
fn no_install_here(f: Failure) -> Failure {
    if f.kind != crate::failure::FailureKind::Input {
        return f;
    }
    Failure {
        help: vec![
            "name the install's project with --tenant-project (THREESCALE_TENANT_PROJECT, answers-file key gateway.tenant_project), and its cluster with --portal-context or --portal-kubeconfig when it is not the gateway's".into(),
        ],
        ..f
    }
}
