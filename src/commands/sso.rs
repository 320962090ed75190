//! `sso add | list | show | remove`: single sign-on to a tenant's admin portal with Red Hat
//! SSO. `add` checks the realm from here, reads the admin portal's integrations and users (and,
//! given an administrator, the realm's client and users), plans, and goes through the engine's
//! driver (`--dry-run`, a confirmation or `--yes`, the lock); a second run changes nothing.

use crate::cli::{GlobalArgs, SsoCommand};
use crate::engine::checks::Verdict;
use crate::engine::driver::{Confirm, Driver, Go};
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::portal::{portal_answers, PortalQuery};
use crate::inputs::sso::{sso_add_answers, SsoAddAnswers};
use crate::inputs::{Env, SecretReader};
use crate::keycloak::Sso;
use crate::prompt::Prompter;
use crate::sso::action::{sso_failure, Made, SsoAction};
use crate::sso::plan::{self, ClientSeen, Observed, Plan};
use crate::sso::{people, realm, summary, Spec};
use crate::tenant::opened::Opened;
use crate::tenant::portal::{self, AdminPortal};
use crate::threescale::{ApiError, AuthProvider, User};
use clap::ArgMatches;

pub(crate) fn run(
    global: &GlobalArgs,
    command: SsoCommand,
    matches: &ArgMatches,
    env: &Env,
    stdin: &mut dyn SecretReader,
) -> Outcome<()> {
    match command {
        SsoCommand::Add(args) => add(sso_add_answers(global, &args, matches, env, stdin)?),
        SsoCommand::List(args) => list(portal_answers(global, &args, None, matches)?),
        SsoCommand::Show(args) => show(
            portal_answers(global, &args.portal, None, matches)?,
            &args.name,
        ),
        SsoCommand::Remove(args) => remove(
            portal_answers(global, &args.portal, Some(&args.run), matches)?,
            &args.name,
        ),
    }
}

fn add(answers: SsoAddAnswers) -> Outcome<()> {
    let session = Session::open(
        &answers.portal.project.connection,
        &answers.portal.project.mode,
    )?
    .dry_run(answers.portal.dry_run);
    session.works_on(&answers.portal.project.project.value);
    let result = run_add(&session, &answers);
    session.finish(result)
}

fn list(query: PortalQuery) -> Outcome<()> {
    let session =
        Session::open(&query.project.connection, &query.project.mode)?.dry_run(query.dry_run);
    session.works_on(&query.project.project.value);
    let result = (|| {
        let (opened, portal) = portal::open(&session, &query)?;
        session.attach_transcript(&opened.install.cluster.server, opened.project())?;
        let providers = providers(&session, &opened, &portal)?;
        summary::print_list(&session.ui, query.project.mode.format, &portal, &providers);
        Ok(())
    })();
    session.finish(result)
}

fn show(query: PortalQuery, name: &str) -> Outcome<()> {
    let session =
        Session::open(&query.project.connection, &query.project.mode)?.dry_run(query.dry_run);
    session.works_on(&query.project.project.value);
    let result = (|| {
        let (opened, portal) = portal::open(&session, &query)?;
        session.attach_transcript(&opened.install.cluster.server, opened.project())?;
        let providers = providers(&session, &opened, &portal)?;
        let plan = plan::remove(&portal, &providers, name);
        match (&plan.existing, plan.problems.first()) {
            (Some(p), _) => {
                summary::print_show(&session.ui, query.project.mode.format, &portal, p);
                Ok(())
            }
            (None, problem) => Err(Failure::input(problem.cloned().unwrap_or_default())
                .with_help("`threescale-install sso list` lists the integrations")),
        }
    })();
    session.finish(result)
}

fn remove(query: PortalQuery, name: &str) -> Outcome<()> {
    let session =
        Session::open(&query.project.connection, &query.project.mode)?.dry_run(query.dry_run);
    session.works_on(&query.project.project.value);
    let result = run_remove(&session, &query, name);
    session.finish(result)
}

/// The admin portal's integrations, on a step line.
fn providers(
    session: &Session,
    opened: &Opened,
    portal: &AdminPortal,
) -> Outcome<Vec<AuthProvider>> {
    let line = session
        .ui
        .step(&format!("SSO integrations of {}", portal.host));
    match opened.api().auth_providers(&portal.host, &portal.token) {
        Ok(p) => {
            line.detail(&format!("{} integration(s)", p.len()));
            line.done();
            Ok(p)
        }
        Err(e) => {
            line.failed();
            Err(providers_failure(portal, e))
        }
    }
}

fn providers_failure(portal: &AdminPortal, e: ApiError) -> Failure {
    if e.status() == Some(404) {
        return Failure::input(format!(
            "the admin portal {} answers 404 for its SSO integrations ({e}): its tenant is on a 3scale plan without admin-portal single sign-on (the provider_sso feature; the default `enterprise` plan has it)",
            portal.host
        ))
        .with_help("move the tenant to a plan with the feature in the master portal, or use the install's own tenant");
    }
    portal.failure("list the admin portal's SSO integrations", e)
}

/// Everything `sso add` decides from, each on its step line.
fn observe<'a>(
    session: &Session,
    opened: &Opened,
    portal: &'a AdminPortal,
    providers: &'a [AuthProvider],
    spec: &Spec,
) -> Outcome<Observed<'a>> {
    let sso = Sso { http: &opened.http };
    let line = session.ui.step(&format!("realm {}", spec.realm.url));
    let seen = realm::look(&sso, &spec.realm);
    let check = realm::check(&spec.realm, &seen);
    line.detail(&check.detail);
    line.done();
    let users = portal_users(session, opened, portal);
    // A realm that failed its check from here would fail the administrator's calls the same
    // way: the verdict says why, once.
    let (client, people) = match &spec.admin {
        Some(admin) if check.result != Verdict::Fail => {
            as_admin(session, &sso, spec, admin, users.as_deref())?
        }
        _ => (None, None),
    };
    Ok(Observed {
        portal,
        providers,
        realm: check,
        client,
        people,
        users: users.map(|u| u.len()),
    })
}

/// What a Red Hat SSO administrator sees: the client (with `--create-client`) and the
/// standing of the admin portal's users.
fn as_admin(
    session: &Session,
    sso: &Sso,
    spec: &Spec,
    admin: &crate::keycloak::Admin,
    users: Option<&[User]>,
) -> Outcome<(Option<ClientSeen>, Option<Vec<people::Person>>)> {
    let line = session
        .ui
        .step(&format!("Red Hat SSO as {}", admin.username));
    let looked = (|| {
        let token = sso.admin_token(&spec.realm, admin)?;
        let client = match spec.create_client {
            false => None,
            true => Some(match sso.client(&spec.realm, &token, &spec.client_id)? {
                None => ClientSeen::Absent,
                Some(c) => {
                    let secret = sso.client_secret(&spec.realm, &token, &c.id)?;
                    ClientSeen::Present(c, secret)
                }
            }),
        };
        let people = match users {
            Some(u) => Some(people::look(sso, &spec.realm, &token, u)?),
            None => None,
        };
        Ok((client, people))
    })();
    let (client, people) = match looked {
        Ok(found) => found,
        Err(e) => {
            line.failed();
            return Err(sso_failure(
                "read the realm's client and users",
                &spec.realm,
                e,
            ));
        }
    };
    match &client {
        Some(ClientSeen::Absent) => line.detail(&format!("client {}: none yet", spec.client_id)),
        Some(ClientSeen::Present(c, _)) => {
            line.detail(&format!("client {} (id {})", spec.client_id, c.id))
        }
        None => {}
    }
    if let Some(p) = &people {
        line.detail(&format!(
            "{} user(s) of the admin portal looked up by e-mail",
            p.len()
        ));
    }
    line.done();
    Ok((client, people))
}

/// The admin portal's users, for their standing in the realm; a refusal (a plan without
/// `multiple_users`) only means they are not checked.
fn portal_users(session: &Session, opened: &Opened, portal: &AdminPortal) -> Option<Vec<User>> {
    let line = session.ui.step(&format!("users of {}", portal.host));
    match opened.api().portal_users(&portal.host, &portal.token) {
        Ok(u) => {
            line.detail(&format!("{} user(s)", u.len()));
            line.done();
            Some(u)
        }
        Err(e) => {
            line.warn(&format!(
                "not listed, so not checked against the realm: {e}"
            ));
            line.done();
            None
        }
    }
}

fn driver<'a>(
    session: &'a Session,
    observer: &'a Observer<'a>,
    opened: &'a Opened,
    query: &PortalQuery,
    what: String,
    command: &'a str,
) -> Driver<'a> {
    Driver {
        session,
        observer,
        cluster: &opened.install.cluster,
        project: opened.project(),
        skips: &[],
        what,
        command,
        dry_run: query.dry_run,
        format: query.project.mode.format,
        http: Some(&opened.http),
    }
}

/// `--dry-run` printed, the question asked, or the changes made: what they made.
fn drive(
    driver: &Driver,
    query: &PortalQuery,
    plan: &Plan,
    question: &str,
) -> Outcome<Option<Made>> {
    driver.review(&plan.changes(), true)?;
    let prompter = Prompter::new(query.project.mode.never_ask || query.yes);
    let confirm = match query.yes {
        true => Confirm::Never,
        false => Confirm::Required(
            &prompter,
            "pass --yes to make the changes without a question",
            question,
        ),
    };
    match driver.decide(&plan.actions, confirm)? {
        Go::DryRun => {
            driver.print_dry_run(&plan.actions, &plan.decisions);
            return Ok(None);
        }
        Go::Cancel | Go::Revise => {
            driver.session.ui.note("cancelled; nothing was changed");
            return Ok(None);
        }
        Go::Proceed => {}
    }
    let held = driver.lock()?;
    let made = driver.apply_from(
        &held,
        &plan.actions,
        Made::default(),
        "stopped part-way: run the same command again; it continues from what is in place",
    )?;
    Ok(Some(made))
}

fn run_add(session: &Session, answers: &SsoAddAnswers) -> Outcome<()> {
    let spec = &answers.spec;
    session
        .redactor
        .add_secret("client secret", &spec.client_secret);
    if let Some(a) = &spec.admin {
        session
            .redactor
            .add_secret("Red Hat SSO admin password", &a.password);
    }
    let (opened, portal) = portal::open(session, &answers.portal)?;
    let providers = providers(session, &opened, &portal)?;
    let observed = observe(session, &opened, &portal, &providers, spec)?;
    let plan = plan::add(spec, &observed);
    let observer = Observer::new(&session.oc);
    let driver = driver(
        session,
        &observer,
        &opened,
        &answers.portal,
        format!("sso add {}", spec.system_name),
        "sso add",
    );
    let Some(made) = drive(&driver, &answers.portal, &plan, "Make these changes?")? else {
        return Ok(());
    };
    let provider = made
        .provider
        .clone()
        .or(plan.existing.clone())
        .ok_or_else(|| Failure::internal("sso add: no integration after its changes"))?;
    let urls = plan
        .urls
        .clone()
        .unwrap_or_else(|| crate::sso::Urls::of(&portal.host, &spec.system_name));
    let mut urls = urls;
    if let Some(c) = &provider.callback_url {
        urls.callback = c.clone();
    }
    let client = spec.create_client.then(|| client_result(&plan));
    summary::print_added(
        &session.ui,
        answers.portal.project.mode.format,
        &summary::Added {
            portal: &portal,
            spec,
            provider: &provider,
            urls: &urls,
            client,
            findings: &plan.findings,
            changed: !plan.actions.is_empty(),
        },
    );
    Ok(())
}

/// What this run did to the realm's client, in words.
fn client_result(plan: &Plan) -> String {
    for a in &plan.actions {
        match a {
            SsoAction::CreateClient(_) => return "created".into(),
            SsoAction::UpdateClient(c) => return format!("updated ({})", c.changes.join("; ")),
            _ => {}
        }
    }
    "in place, nothing to change".into()
}

fn run_remove(session: &Session, query: &PortalQuery, name: &str) -> Outcome<()> {
    let (opened, portal) = portal::open(session, query)?;
    let providers = providers(session, &opened, &portal)?;
    let plan = plan::remove(&portal, &providers, name);
    let observer = Observer::new(&session.oc);
    let driver = driver(
        session,
        &observer,
        &opened,
        query,
        format!("sso remove {name}"),
        "sso remove",
    );
    let Some(made) = drive(&driver, query, &plan, "Unpublish it?")? else {
        return Ok(());
    };
    let Some(provider) = made.provider.or(plan.existing) else {
        return Err(Failure::internal(
            "sso remove: no integration after its changes",
        ));
    };
    summary::print_removed(&session.ui, query.project.mode.format, &portal, &provider);
    Ok(())
}
