//! `users list | add | role | grant | suspend | unsuspend | remove | sync`: the users of a
//! tenant's admin portal through its Account Management API. Each reads the users (and each
//! member's access, and the products), plans, and changes through the engine's driver
//! (`--dry-run`, a confirmation or `--yes`, the lock); a second run changes nothing.

use crate::engine::driver::{Confirm, Driver, Go};
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::Outcome;
use crate::inputs::users::{UsersAnswers, UsersOp};
use crate::prompt::Prompter;
use crate::tenant::opened::Opened;
use crate::tenant::portal::{self, AdminPortal};
use crate::threescale::{Product, User};
use crate::users::action::{Kind, Made};
use crate::users::plan::{self, Current, Observed, Plan};
use crate::users::{summary, Role};

pub(crate) fn run(answers: UsersAnswers) -> Outcome<()> {
    let session = Session::open(
        &answers.portal.project.connection,
        &answers.portal.project.mode,
    )?
    .dry_run(answers.portal.dry_run);
    session.works_on(&answers.portal.project.project.value);
    let result = users(&session, &answers);
    session.finish(result)
}

/// The admin portal's users with each member's access, and its products, on one step line.
fn look(
    session: &Session,
    opened: &Opened,
    portal: &AdminPortal,
) -> Outcome<(Vec<Current>, Vec<Product>)> {
    let line = session.ui.step(&format!("users of {}", portal.host));
    let api = opened.api();
    let read = || -> Result<(Vec<Current>, Vec<Product>), crate::failure::Failure> {
        let fail = |doing: &'static str| move |e| portal.failure(doing, e);
        let users: Vec<User> = api
            .portal_users(&portal.host, &portal.token)
            .map_err(fail("list the admin portal's users"))?;
        let mut current = Vec::new();
        for user in users {
            let access = match Role::parse(&user.role) {
                Ok(Role::Member) => Some(
                    api.member_access(&portal.host, &portal.token, user.id)
                        .map_err(fail("read a member's permissions"))?,
                ),
                _ => None,
            };
            current.push(Current { user, access });
        }
        let products = api
            .products(&portal.host, &portal.token)
            .map_err(fail("list the admin portal's products"))?;
        Ok((current, products))
    };
    match read() {
        Ok((users, products)) => {
            line.detail(&format!(
                "{} user(s), {} product(s)",
                users.len(),
                products.len()
            ));
            line.done();
            Ok((users, products))
        }
        Err(f) => {
            line.failed();
            Err(f)
        }
    }
}

fn users(session: &Session, answers: &UsersAnswers) -> Outcome<()> {
    let (opened, portal) = portal::open(session, &answers.portal)?;
    let (current, products) = look(session, &opened, &portal)?;
    let format = answers.portal.project.mode.format;
    let o = Observed {
        portal: &portal,
        users: &current,
        products: &products,
    };
    let (command, plan) = match &answers.op {
        UsersOp::List => {
            session.attach_transcript(&opened.install.cluster.server, opened.project())?;
            summary::print_list(&session.ui, format, &portal, &current, &products);
            return Ok(());
        }
        UsersOp::Add(w) => (format!("users add {}", w.username), plan::add(&o, w)),
        UsersOp::Role { user, role } => (format!("users role {user}"), plan::role(&o, user, *role)),
        UsersOp::Grant { user, grant } => {
            (format!("users grant {user}"), plan::grant(&o, user, grant))
        }
        UsersOp::Suspend(user) => (
            format!("users suspend {user}"),
            plan::state(&o, user, Kind::Suspend),
        ),
        UsersOp::Unsuspend(user) => (
            format!("users unsuspend {user}"),
            plan::state(&o, user, Kind::Unsuspend),
        ),
        UsersOp::Remove(user) => (
            format!("users remove {user}"),
            plan::state(&o, user, Kind::Remove),
        ),
        UsersOp::Sync { team, prune } => ("users sync".to_string(), plan::sync(&o, team, *prune)),
    };
    if change(session, &opened, answers, &command, &plan)? {
        let done: Vec<String> = plan.actions.iter().map(ToString::to_string).collect();
        summary::print_done(
            &session.ui,
            format,
            &portal,
            &command,
            &done,
            &plan.decisions,
        );
    }
    Ok(())
}

/// The plan through the driver; whether the changes were made (none counts).
fn change(
    session: &Session,
    opened: &Opened,
    answers: &UsersAnswers,
    command: &str,
    plan: &Plan,
) -> Outcome<bool> {
    let query = &answers.portal;
    let observer = Observer::new(&session.oc);
    let driver = Driver {
        session,
        observer: &observer,
        cluster: &opened.install.cluster,
        project: opened.project(),
        skips: &[],
        what: command.to_string(),
        command: "users",
        dry_run: query.dry_run,
        format: query.project.mode.format,
        http: Some(&opened.http),
    };
    driver.review(&plan.changes(), true)?;
    let prompter = Prompter::new(query.project.mode.never_ask || query.yes);
    let confirm = match query.yes {
        true => Confirm::Never,
        false => Confirm::Required(
            &prompter,
            "pass --yes to make the changes without a question",
            "Make these changes?",
        ),
    };
    match driver.decide(&plan.actions, confirm)? {
        Go::DryRun => {
            driver.print_dry_run(&plan.actions, &plan.decisions);
            return Ok(false);
        }
        Go::Cancel | Go::Revise => {
            session.ui.note("cancelled; nothing was changed");
            return Ok(false);
        }
        Go::Proceed => {}
    }
    let held = driver.lock()?;
    driver.apply_from(
        &held,
        &plan.actions,
        Made::default(),
        "stopped part-way: run the same command again; it continues from what the admin portal has",
    )?;
    Ok(true)
}
