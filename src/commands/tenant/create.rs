//! `tenant create`: the install opened, the questions a terminal can answer, the organization
//! found first (the login kept here, then master's tenants), the plan (a signup only when master
//! has none of that name), the engine's driver (`--dry-run`, the lock), then the wait for zync's
//! routes of its portals, a check that its admin portal answers with its token, and the summary.

use crate::cli::Format;
use crate::engine::driver::{Confirm, Driver, Go};
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::tenant::TenantAnswers;
use crate::prompt::Prompter;
use crate::secrets::Secret;
use crate::tenant::action::Made;
use crate::tenant::opened::{self, Opened};
use crate::tenant::plan::{self, CreateRequest, Plan};
use crate::tenant::routes::{PortalRoute, TenantRoutes};
use crate::tenant::summary::{self, Created};
use crate::tenant::{api_failure, decide, questions, strong_password};

pub(crate) fn run(mut answers: TenantAnswers) -> Outcome<()> {
    let session =
        Session::open(&answers.project.connection, &answers.project.mode)?.dry_run(answers.dry_run);
    session.works_on(&answers.project.project.value);
    let result = create(&session, &mut answers);
    session.finish(result)
}

fn register(session: &Session, answers: &TenantAnswers) {
    if let Some(p) = &answers.admin_password {
        session
            .redactor
            .add_secret("tenant admin password", &p.value);
    }
}

fn create(session: &Session, answers: &mut TenantAnswers) -> Outcome<()> {
    register(session, answers);
    let opened = opened::open(session, &answers.project)?;
    let prompter = Prompter::new(answers.project.mode.never_ask);
    if prompter.can_ask() {
        let cluster = &opened.install.cluster.server;
        match questions::ask(&prompter, &session.ui, answers, cluster)? {
            questions::Choice::Proceed => register(session, answers),
            questions::Choice::Cancel => {
                session.ui.note("cancelled; nothing was changed");
                return Ok(());
            }
        }
    }
    let plan = plan_of(session, &opened, answers)?;
    let observer = crate::engine::observe::Observer::new(&session.oc);
    let driver = Driver {
        session,
        observer: &observer,
        cluster: &opened.install.cluster,
        project: opened.project(),
        skips: &[],
        what: format!("tenant create {}", value(&answers.org_name)),
        command: "tenant create",
        dry_run: answers.dry_run,
        format: answers.project.mode.format,
        http: Some(&opened.http),
    };
    driver.review(&plan.changes(), true)?;
    if driver.decide(&plan.actions, Confirm::Never)? == Go::DryRun {
        driver.print_dry_run(&plan.actions, &plan.decisions);
        return Ok(());
    }
    let held = driver.lock()?;
    let seed = Made {
        tenant: plan.tenant.clone(),
        login: plan.login.clone(),
        ..Made::default()
    };
    let made = driver.apply_from(
        &held,
        &plan.actions,
        seed,
        "tenant create stopped part-way: run the same command again; it finds the tenant and does not create a second",
    )?;
    let (Some(tenant), Some(login)) = (made.tenant.clone(), made.login.clone()) else {
        return Err(Failure::internal(
            "tenant create: no tenant after its changes",
        ));
    };
    // The tenant and its login exist from here on: a failure still tells them.
    let known = created(&plan, made.clone(), None, None);
    if let Some(doc) = summary::created_json(answers, &opened, &known) {
        session.facts.merge(doc);
    }
    let routes = match answers.wait {
        Some(timeout) => {
            let watched = TenantRoutes(&tenant);
            let last = driver.wait(&held, &watched, timeout, answers.poll_interval)?;
            Some(watched.routes(&last))
        }
        None => None,
    };
    drop(held);
    let verified = answers
        .verify
        .then(|| summary::verify(session, &opened, &tenant, login.access_token.as_ref()));
    finish(session, answers, &opened, &plan, made, routes, verified)
}

fn value(g: &Option<crate::inputs::Given<String>>) -> String {
    g.as_ref().map(|g| g.value.clone()).unwrap_or_default()
}

/// What master and the logins kept here say of the organization, and the plan from it.
fn plan_of(session: &Session, opened: &Opened, answers: &TenantAnswers) -> Outcome<Plan> {
    let (Some(org), Some(username), Some(email)) = (
        answers.org_name.as_ref(),
        answers.admin_username.as_ref(),
        answers.admin_email.as_ref(),
    ) else {
        // The inputs refuse to go on without them when no one can answer.
        return Err(Failure::internal(
            "tenant create: a value is missing after the questions",
        ));
    };
    let line = session.ui.step(&format!("tenant {}", org.value));
    let tenants = match opened.tenants() {
        Ok(t) => t,
        Err(f) => {
            line.failed();
            return Err(f);
        }
    };
    line.done();
    let stored = opened.store.all(&session.redactor);
    let decision = decide::create(&org.value, &stored, &tenants);
    let admins = match decision.found() {
        Some(t) => Some(
            opened
                .api()
                .admins(&opened.master.host, &opened.master.token, t.id)
                .map_err(|e| api_failure("list the tenant's admin users", e))?,
        ),
        None => None,
    };
    let fresh: Secret = strong_password();
    session.redactor.add_secret("tenant admin password", &fresh);
    Ok(plan::create(&CreateRequest {
        master: &opened.master,
        store: &opened.store,
        org: &org.value,
        username: &username.value,
        username_source: username.source.to_string(),
        email: &email.value,
        given_password: answers.admin_password.as_ref().map(|p| &p.value),
        fresh_password: &fresh,
        decision: &decision,
        admins: admins.as_deref(),
        store_secret: answers.store_secret,
        secret_name: answers.secret_name.as_ref().map(|g| g.value.as_str()),
        resume_help: decision
            .found()
            .map(|t| summary::resume_help(opened, t))
            .unwrap_or_default(),
    }))
}

/// What the run found or made, for the summary.
fn created(
    plan: &Plan,
    made: Made,
    routes: Option<Vec<PortalRoute>>,
    verified: Option<Result<String, String>>,
) -> Created {
    let mut warnings: Vec<String> = plan.decisions.clone();
    warnings.extend(made.warnings.iter().cloned());
    Created {
        made,
        created: plan.signs_up,
        login_file: None,
        routes,
        verified,
        warnings,
        changes: plan.actions.iter().map(ToString::to_string).collect(),
        decisions: plan.decisions.clone(),
    }
}

fn finish(
    session: &Session,
    answers: &TenantAnswers,
    opened: &Opened,
    plan: &Plan,
    made: Made,
    routes: Option<Vec<PortalRoute>>,
    verified: Option<Result<String, String>>,
) -> Outcome<()> {
    let created = created(plan, made, routes, verified);
    summary::print_created(session, answers, opened, &created);
    let Some(Err(why)) = &created.verified else {
        return Ok(());
    };
    let tenant = created
        .made
        .tenant
        .as_ref()
        .map(|t| t.org_name.clone())
        .unwrap_or_default();
    let f = Failure::new(
        FailureKind::NotAnswering,
        anyhow::anyhow!(
            "tenant {tenant} is {} but its admin portal does not answer as it should: {why}",
            if created.created { "created" } else { "in place" }
        ),
    )
    .with_help("`threescale-install tenant show` checks it again; `threescale-install verify` checks the install's portals (DNS, TLS, router)");
    Err(if answers.project.mode.format == Format::Json {
        f.reported()
    } else {
        f
    })
}
