//! What every command on a tenant's admin portal reads (`sso`, `users`): the installed project,
//! how to reach it, which tenant (`--tenant`, else the install's own), and whether to ask and
//! to change.

use super::declared as d;
use super::project::{project_answers_in, ProjectInputs};
use super::resolve::Resolver;
use super::{Env, ProjectAnswers};
use crate::cli::{AdminPortalArgs, ChangeArgs, GlobalArgs};
use crate::failure::Outcome;
use crate::inputs::tenant::TenantRef;
use clap::ArgMatches;

/// The admin portal a command works on, and how it runs.
#[derive(Debug, Clone)]
pub(crate) struct PortalQuery {
    pub(crate) project: ProjectAnswers,
    /// `None`: the install's own tenant.
    pub(crate) tenant: Option<TenantRef>,
    pub(crate) yes: bool,
    /// `--dry-run`: print what would change, change nothing.
    pub(crate) dry_run: bool,
}

/// The portal's values, their problems left in `r` (the caller finishes it).
pub(super) fn portal_in(
    r: &mut Resolver,
    global: &GlobalArgs,
    args: &AdminPortalArgs,
    run: Option<&ChangeArgs>,
) -> PortalQuery {
    let yes = run.is_some_and(|c| c.yes);
    let project = project_answers_in(
        r,
        global,
        ProjectInputs {
            project: &args.common.project,
            http: Some(&args.common.http),
            credentials_file: args.common.credentials_file.clone(),
            show_secrets: false,
            never_ask: yes,
        },
    );
    let tenant = match r.text(&d::TENANT, &args.tenant) {
        None => None,
        Some(g) => match TenantRef::parse(&g.value) {
            Ok(t) => Some(t),
            Err(why) => {
                r.problem(format!(
                    "{} (from {}) is empty: {why}",
                    d::TENANT.label,
                    g.source
                ));
                None
            }
        },
    };
    PortalQuery {
        project,
        tenant,
        yes,
        dry_run: run.is_some_and(|c| c.dry_run),
    }
}

/// The answers of a command that reads nothing else (`sso list`, `users list`).
pub(crate) fn portal_answers(
    global: &GlobalArgs,
    args: &AdminPortalArgs,
    run: Option<&ChangeArgs>,
    matches: &ArgMatches,
) -> Outcome<PortalQuery> {
    let env = Env::default();
    let mut r = Resolver::new(global, matches, &env)?;
    let mut query = portal_in(&mut r, global, args, run);
    query.project.warnings = r.finish()?;
    Ok(query)
}
