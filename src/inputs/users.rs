//! The inputs of the `users` subcommands: the admin portal, the user named, a new user's
//! e-mail and role, a member's grant, and `sync`'s team file, read and checked whole (every
//! entry named in its problems) before anything is asked of 3scale.

use super::declared as d;
use super::portal::{portal_in, PortalQuery};
use super::resolve::Resolver;
use super::Env;
use crate::cli::{GlobalArgs, GrantArgs, UsersCommand};
use crate::failure::{Failure, Outcome};
use crate::users::team::{self, Wanted};
use crate::users::{check_email, check_section, Grant, Products, Role};
use clap::ArgMatches;

/// What a `users` subcommand does.
#[derive(Debug, Clone)]
pub(crate) enum UsersOp {
    List,
    Add(Wanted),
    Role { user: String, role: Role },
    Grant { user: String, grant: Grant },
    Suspend(String),
    Unsuspend(String),
    Remove(String),
    Sync { team: Vec<Wanted>, prune: bool },
}

#[derive(Debug, Clone)]
pub(crate) struct UsersAnswers {
    pub(crate) portal: PortalQuery,
    pub(crate) op: UsersOp,
}

/// A member's grant from the flags, its sections checked.
fn grant(r: &mut Resolver, g: &GrantArgs) -> Grant {
    let sections = r
        .list(&d::USER_SECTIONS, &g.sections)
        .map_or(Vec::new(), |l| l.value);
    for s in &sections {
        if let Err(why) = check_section(s) {
            r.problem(format!("{}: {why}", d::USER_SECTIONS.flag()));
        }
    }
    let products = if r.switch(&d::ALL_SERVICES, g.all_services) {
        Products::All
    } else {
        Products::Named(
            r.list(&d::USER_SERVICES, &g.services)
                .map_or(Vec::new(), |l| l.value),
        )
    };
    Grant { sections, products }
}

fn add(r: &mut Resolver, a: &crate::cli::UsersAddArgs) -> Option<Wanted> {
    let username = a.username.trim().to_string();
    if let Err(why) = crate::inputs::tenant::check_admin_username(&username) {
        r.problem(format!("USERNAME '{username}' is invalid: {why}"));
    }
    let email = r.text(&d::USER_EMAIL, &a.email);
    match &email {
        None => r.problem(format!(
            "needed and not given: {}: {} or env {}",
            d::USER_EMAIL.label,
            d::USER_EMAIL.flag(),
            d::USER_EMAIL.env
        )),
        Some(g) => {
            if let Err(why) = check_email(g.value.trim()) {
                r.problem(format!(
                    "{} '{}' (from {}) is invalid: {why}",
                    d::USER_EMAIL.label,
                    g.value,
                    g.source
                ));
            }
        }
    }
    let role = match r.text(&d::USER_ROLE, &a.role) {
        None => Role::Member,
        Some(g) => Role::parse(&g.value).unwrap_or_else(|why| {
            r.problem(format!(
                "{} (from {}): {why}",
                d::USER_ROLE.flag(),
                g.source
            ));
            Role::Member
        }),
    };
    let grant = grant(r, &a.grant);
    let granted = !grant.sections.is_empty() || grant.products != Products::Named(Vec::new());
    if role == Role::Admin && granted {
        r.problem(format!(
            "an admin reaches every section and product: {}, {} and {} are for members",
            d::USER_SECTIONS.flag(),
            d::USER_SERVICES.flag(),
            d::ALL_SERVICES.flag()
        ));
    }
    Some(Wanted {
        entry: "the user".into(),
        username,
        email: email?.value.trim().to_string(),
        role,
        grant: (role == Role::Member).then_some(grant),
    })
}

pub(crate) fn users_answers(
    global: &GlobalArgs,
    command: &UsersCommand,
    matches: &ArgMatches,
) -> Outcome<UsersAnswers> {
    // These commands read no secret, hence no variable of their own.
    let env = Env::default();
    let mut r = Resolver::new(global, matches, &env)?;
    let (portal, op) = match command {
        UsersCommand::List(p) => (portal_in(&mut r, global, p, None), Some(UsersOp::List)),
        UsersCommand::Add(a) => {
            let portal = portal_in(&mut r, global, &a.portal, Some(&a.run));
            (portal, add(&mut r, a).map(UsersOp::Add))
        }
        UsersCommand::Role(a) => {
            let portal = portal_in(&mut r, global, &a.portal, Some(&a.run));
            let role = Role::parse(&a.role).ok();
            (
                portal,
                role.map(|role| UsersOp::Role {
                    user: a.user.clone(),
                    role,
                }),
            )
        }
        UsersCommand::Grant(a) => {
            let portal = portal_in(&mut r, global, &a.portal, Some(&a.run));
            let grant = grant(&mut r, &a.grant);
            (
                portal,
                Some(UsersOp::Grant {
                    user: a.user.clone(),
                    grant,
                }),
            )
        }
        UsersCommand::Suspend(a) | UsersCommand::Unsuspend(a) | UsersCommand::Remove(a) => {
            let portal = portal_in(&mut r, global, &a.portal, Some(&a.run));
            let user = a.user.clone();
            let op = match command {
                UsersCommand::Suspend(_) => UsersOp::Suspend(user),
                UsersCommand::Unsuspend(_) => UsersOp::Unsuspend(user),
                _ => UsersOp::Remove(user),
            };
            (portal, Some(op))
        }
        UsersCommand::Sync(a) => {
            let portal = portal_in(&mut r, global, &a.portal, Some(&a.run));
            let team = match team::read(&a.file) {
                Ok(t) => Some(t),
                Err(problems) => {
                    for p in problems {
                        r.problem(p);
                    }
                    None
                }
            };
            let prune = r.switch(&d::PRUNE, a.prune);
            (portal, team.map(|team| UsersOp::Sync { team, prune }))
        }
    };
    let mut portal = portal;
    portal.project.warnings = r.finish()?;
    let op = op.ok_or_else(|| Failure::internal("users: a value is missing after its checks"))?;
    Ok(UsersAnswers { portal, op })
}
