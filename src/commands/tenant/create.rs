//! `tenant create`: find the organization first (the login kept here, then master's tenants),
//! sign it up only when master has none of that name, activate its admin user, write the
//! operator's Secret when asked, wait for zync's routes of its portals, check that its admin
//! portal answers with its token, and print the portals. Every step looks before it acts, so a
//! re-run changes nothing that is in place.

use super::{open, shown, shown_json, tenant_json, Opened};
use crate::cli::Format;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::tenant::TenantAnswers;
use crate::install::apply::{change_failure, single_change};
use crate::install::observe::read_failure;
use crate::oc::args;
use crate::prompt::Prompter;
use crate::secrets::Secret;
use crate::session::Session;
use crate::tenants::decide::{self, Admin, Create};
use crate::tenants::routes::{self, PortalRoute};
use crate::tenants::secret::{self, Decision};
use crate::tenants::store::StoredTenant;
use crate::tenants::{api_failure, questions, strong_password, url_of};
use crate::threescale::{Tenant, User};
use serde_json::{json, Value};
use std::path::PathBuf;

pub fn run(mut answers: TenantAnswers) -> Outcome<()> {
    let session = Session::open(&answers.project.connection, &answers.project.mode)?;
    let result = create(&session, &mut answers);
    session.point_at_transcript(result)
}

/// What the run found or made, for the summary.
struct Made {
    tenant: Tenant,
    login: StoredTenant,
    login_file: PathBuf,
    created: bool,
    admin: Option<User>,
    secret: Option<String>,
    routes: Option<Vec<PortalRoute>>,
    verified: Option<Result<String, String>>,
    warnings: Vec<String>,
}

fn register(session: &Session, answers: &TenantAnswers) {
    if let Some(p) = &answers.admin_password {
        session
            .redactor
            .add_secret("tenant admin password", &p.value);
    }
}

fn create(session: &Session, answers: &mut TenantAnswers) -> Outcome<()> {
    let ui = &session.ui;
    register(session, answers);
    let opened = open(session, &answers.project)?;
    let prompter = Prompter::new(answers.project.mode.never_ask);
    if prompter.can_ask() {
        match questions::ask(&prompter, ui, answers, &opened.install.cluster.server)? {
            questions::Choice::Proceed => register(session, answers),
            questions::Choice::Cancel => {
                ui.note("cancelled; nothing was changed");
                return Ok(());
            }
        }
    }
    let (Some(org), Some(username), Some(email)) = (
        answers.org_name.as_ref().map(|g| g.value.clone()),
        answers.admin_username.as_ref().map(|g| g.value.clone()),
        answers.admin_email.as_ref().map(|g| g.value.clone()),
    ) else {
        // The inputs refuse to go on without them when no one can answer.
        return Err(Failure::internal(
            "tenant create: a value is missing after the questions",
        ));
    };
    let mut warnings: Vec<String> = Vec::new();

    // Find it first: the login kept here, then master's tenants of that name.
    let line = ui.step(&format!("tenant {org}"));
    let tenants = match opened.tenants() {
        Ok(t) => t,
        Err(f) => {
            line.failed();
            return Err(f);
        }
    };
    let stored = opened.store.all(&session.redactor);
    let decision = decide::create(&org, &stored, &tenants);
    let stored_already = matches!(decision, Create::Stored { .. });
    let (tenant, mut login, created) = match decision {
        Create::Stored { tenant, login } => {
            line.detail(&format!(
                "exists (id {}, {}): created by an earlier run, whose login is kept in {}",
                tenant.id,
                tenant.state,
                opened.store.path_of(&login).display()
            ));
            if login.user != username {
                line.failed();
                return Err(Failure::input(format!(
                    "tenant {org} exists (id {}) with the admin user '{}', not '{username}' (from {})",
                    tenant.id,
                    login.user,
                    answers.admin_username.as_ref().map(|g| g.source.to_string()).unwrap_or_default()
                ))
                .with_help(format!("give --admin-username {} to check the tenant again, or choose another organization name for a new tenant", login.user)));
            }
            if answers.admin_password.as_ref().is_some_and(|p| {
                login.password.as_ref().map(Secret::expose) != Some(p.value.expose())
            }) {
                warnings.push(format!(
                    "the admin password given is not used: the tenant exists, and its password is the one kept in {}",
                    opened.store.path_of(&login).display()
                ));
            }
            (tenant, login, false)
        }
        Create::Adopt { tenant, pending } => {
            let mut login = pending.unwrap_or_else(|| opened.store.login(&org, &username, &email));
            let lost_answer = login.password.is_some();
            fill(&mut login, &tenant);
            if lost_answer {
                warnings.push(format!(
                    "tenant {org} was signed up by an earlier run whose answer was lost: its password is kept, its access token (given only in that answer) is not; mint one in its admin portal (Account Settings > Personal > Tokens)"
                ));
            } else {
                warnings.push(format!(
                    "tenant {org} exists (id {}) but this machine keeps no login of it (it was made elsewhere): it is not created again, and its password and token are not known here",
                    tenant.id
                ));
            }
            line.detail(&format!(
                "exists (id {}, {}): not created again",
                tenant.id, tenant.state
            ));
            (tenant, login, false)
        }
        Create::SignUp {
            pending,
            stale,
            scheduled,
        } => {
            for s in &scheduled {
                warnings.push(format!(
                    "tenant {} of the same name (id {}) is scheduled for deletion: a new one is created beside it, with other portal names",
                    s.org_name, s.id
                ));
            }
            if let Some(s) = &stale {
                warnings.push(format!(
                    "the login kept here names tenant {} (id {}), which master no longer has: a new one is signed up",
                    s.org_name,
                    s.tenant_id.unwrap_or_default()
                ));
                let _ = opened.store.remove(s);
            }
            match sign_up(session, &opened, answers, &org, &username, &email, pending) {
                Ok((tenant, login)) => {
                    line.detail(&format!(
                        "signed up: id {}, admin portal {}",
                        tenant.id,
                        tenant.admin_domain.as_deref().unwrap_or("?")
                    ));
                    (tenant, login, true)
                }
                Err(f) => {
                    line.failed();
                    return Err(f);
                }
            }
        }
        Create::Scheduled { tenant, login } => {
            line.failed();
            return Err(Failure::input(format!(
                "tenant {org} (id {}, the one whose login is kept in {}) is scheduled for deletion{}",
                tenant.id,
                opened.store.path_of(&login).display(),
                tenant.deletion_date.as_deref().map(|d| format!(" on {d}")).unwrap_or_default()
            ))
            .with_help(resume_help(&opened, &tenant))
            .with_help(format!("or forget it here with `threescale-install tenant remove {} --yes`, then run create again for a new tenant", tenant.id)));
        }
        Create::Several(several) => {
            line.failed();
            return Err(Failure::input(format!(
                "{} tenants are named {org} ({}), and none of them is known here: create does not add another",
                several.len(),
                several
                    .iter()
                    .map(|t| format!("id {} at {}", t.id, t.admin_domain.as_deref().unwrap_or("?")))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .with_help("`threescale-install tenant show ID` shows each; choose another organization name for a new tenant"));
        }
    };
    // A login found is kept as it is; a new or adopted one is written now.
    let login_file = if stored_already {
        opened.store.path_of(&login)
    } else {
        let path = opened.store.write(&login).map_err(|e| {
            Failure::internal(format!("could not keep the tenant's login: {e}"))
                .with_help("check that the state directory is writable, then run again: the tenant is found, not created again")
        })?;
        line.detail(&format!("login kept in {} (mode 0600)", path.display()));
        path
    };
    line.done();

    // Its admin user: active, or activated now (no e-mail needed).
    let admin = activate(session, &opened, &tenant, &login.user, &mut warnings)?;

    // The operator's Secret, when asked.
    let mut secret_name = None;
    if answers.store_secret {
        secret_name = write_secret(
            session,
            &opened,
            answers,
            &tenant,
            &mut login,
            &mut warnings,
        )?;
        if secret_name.is_some() {
            opened.store.write(&login).map_err(|e| {
                Failure::internal(format!("could not keep the tenant's login: {e}"))
            })?;
        }
    }

    // zync's routes of its portals.
    let routes = match answers.wait {
        Some(timeout) => Some(routes::wait(
            &session.oc,
            ui,
            opened.project(),
            &tenant,
            timeout,
            answers.poll_interval,
        )?),
        None => None,
    };

    // Its admin portal answers, with its token.
    let verified = answers
        .verify
        .then(|| verify(session, &opened, &tenant, login.access_token.as_ref()));

    let result = Made {
        tenant,
        login,
        login_file,
        created,
        admin,
        secret: secret_name,
        routes,
        verified,
        warnings,
    };
    for w in &result.warnings {
        ui.warn(w);
    }
    print(session, answers, &opened, &result);
    match &result.verified {
        Some(Err(why)) => {
            let f = Failure::new(
                FailureKind::NotAnswering,
                anyhow::anyhow!(
                    "tenant {} is {} but its admin portal does not answer as it should: {why}",
                    result.tenant.org_name,
                    if result.created { "created" } else { "in place" }
                ),
            )
            .with_help("`threescale-install tenant show` checks it again; `threescale-install verify` checks the install's portals (DNS, TLS, router)");
            Err(if answers.project.mode.format == Format::Json {
                f.reported()
            } else {
                f
            })
        }
        _ => Ok(()),
    }
}

/// The tenant's id and portals, in its login.
fn fill(login: &mut StoredTenant, tenant: &Tenant) {
    login.tenant_id = Some(tenant.id);
    login.admin_portal = tenant.admin_domain.as_deref().map(url_of);
    login.developer_portal = tenant.domain.as_deref().map(url_of);
}

/// The signup: the password written first (given, kept from an interrupted run, or generated),
/// then the signup and its token written before anything else can happen, an interruption
/// included.
#[allow(clippy::too_many_arguments)]
fn sign_up(
    session: &Session,
    opened: &Opened,
    answers: &TenantAnswers,
    org: &str,
    username: &str,
    email: &str,
    pending: Option<StoredTenant>,
) -> Outcome<(Tenant, StoredTenant)> {
    let password = match (
        &answers.admin_password,
        pending.as_ref().and_then(|p| p.password.clone()),
    ) {
        (Some(given), _) => given.value.clone(),
        (None, Some(kept)) => kept,
        (None, None) => strong_password(),
    };
    session
        .redactor
        .add_secret("tenant admin password", &password);
    let mut login = opened.store.login(org, username, email);
    login.password = Some(password.clone());
    opened.store.write(&login).map_err(|e| {
        Failure::internal(format!(
            "could not keep the tenant's password before its signup: {e}"
        ))
        .with_help("check that the state directory is writable; nothing was sent to 3scale")
    })?;
    crate::interrupt::set_message(
        "the tenant may have been signed up: run the same command again; it finds the tenant and does not create a second",
    );
    let _hold =
        crate::interrupt::critical("the signup of the tenant: its token is given only once");
    let signup = opened
        .api()
        .signup(
            &opened.master.host,
            &opened.master.token,
            org,
            username,
            email,
            &password,
        )
        .map_err(|e| {
            use crate::threescale::ApiError;
            // A 4xx made nothing. A 5xx may come after the tenant was saved (porta sends the
            // activation e-mail after saving, and a mail server that is set but fails raises),
            // as may an answer that never came whole.
            let refused = matches!(e, ApiError::Refused { status, .. } if status < 500);
            let sent_maybe = match &e {
                ApiError::Refused { status, .. } => *status >= 500,
                ApiError::Http(h) => matches!(
                    h.cause,
                    crate::http::Cause::Timeout | crate::http::Cause::Truncated
                ),
                ApiError::Unexpected { .. } => true,
            };
            let mut f = api_failure(&format!("sign tenant {org} up through the Master API"), e);
            if refused {
                // 3scale made nothing: the password kept for it goes too.
                if let Err(why) = opened.store.remove(&login) {
                    f = f.with_help(why);
                }
            }
            if sent_maybe {
                f = f.with_help("the signup may have been made even so: run the same command again; it finds the tenant and does not create a second");
            }
            f
        })?;
    fill(&mut login, &signup.tenant);
    login.access_token = Some(signup.token);
    opened.store.write(&login).map_err(|e| {
        Failure::internal(format!(
            "tenant {org} was signed up (id {}), but its login could not be kept: {e}",
            signup.tenant.id
        ))
    })?;
    Ok((signup.tenant, login))
}

fn activate(
    session: &Session,
    opened: &Opened,
    tenant: &Tenant,
    username: &str,
    warnings: &mut Vec<String>,
) -> Outcome<Option<User>> {
    let line = session.ui.step(&format!("admin user {username}"));
    let api = opened.api();
    let users = api
        .admins(&opened.master.host, &opened.master.token, tenant.id)
        .map_err(|e| api_failure("list the tenant's admin users", e));
    let users = match users {
        Ok(u) => u,
        Err(f) => {
            line.failed();
            return Err(f);
        }
    };
    match decide::admin(&users, username) {
        Admin::Active(u) => {
            line.detail("active");
            line.done();
            Ok(Some(u))
        }
        Admin::Activate(u) => {
            match api.activate(&opened.master.host, &opened.master.token, tenant.id, u.id) {
                Ok(()) => {
                    line.detail("was pending (3scale mails an activation link); activated");
                    line.done();
                    Ok(Some(User {
                        state: "active".into(),
                        ..u
                    }))
                }
                Err(e) => {
                    line.failed();
                    Err(api_failure("activate the tenant's admin user", e)
                        .with_help("run the same command again: it activates the user of the tenant it finds"))
                }
            }
        }
        Admin::Suspended(u) => {
            line.warn(&format!("{} ({}), not changed here", u.state, u.email));
            line.done();
            warnings.push(format!(
                "the admin user {username} of tenant {} is {}: it cannot log in until an admin of the tenant (or master) lets it again",
                tenant.org_name, u.state
            ));
            Ok(Some(u))
        }
        Admin::Missing(others) => {
            line.failed();
            Err(Failure::input(format!(
                "tenant {} (id {}) has no admin user '{username}'; its admin users: {}",
                tenant.org_name,
                tenant.id,
                if others.is_empty() { "none".to_string() } else { others.join(", ") }
            ))
            .with_help("give --admin-username of one of them, or choose another organization name for a new tenant"))
        }
    }
}

/// Writes the operator's tenant Secret; `None` when it cannot be (no token known here).
fn write_secret(
    session: &Session,
    opened: &Opened,
    answers: &TenantAnswers,
    tenant: &Tenant,
    login: &mut StoredTenant,
    warnings: &mut Vec<String>,
) -> Outcome<Option<String>> {
    let Some(admin_host) = tenant.admin_domain.clone() else {
        return Ok(None);
    };
    let name = answers
        .secret_name
        .as_ref()
        .map(|g| g.value.clone())
        .or_else(|| login.secret.clone())
        .unwrap_or_else(|| secret::default_name(&admin_host));
    let line = session.ui.step(&format!("secret {name}"));
    let Some(token) = login.access_token.clone() else {
        line.warn("no access token of this tenant is known here: not written");
        line.done();
        warnings.push(format!(
            "secret {name} was not written: the tenant's token is not known here (it is given only in the answer to its signup)"
        ));
        return Ok(None);
    };
    let project = opened.project().to_string();
    let existing: Option<Value> = session
        .oc
        .get_secret(&name, &project)
        .map_err(|e| read_failure(&format!("read secret {name}"), e))?;
    let admin_url = url_of(&admin_host);
    let manifest = secret::manifest(&name, tenant.id, &admin_url, &token);
    let written = |oc_args: Vec<String>, doing: &str| {
        let done = || {
            session
                .oc
                .get_secret::<Value>(&name, &project)
                .ok()
                .flatten()
                .is_some_and(|s| {
                    secret::decide(Some(&s), tenant.id, &admin_url, &token) == Decision::Keep
                })
        };
        single_change(
            &session.oc,
            &oc_args,
            Some(manifest.expose().as_bytes()),
            done,
        )
        .map_err(|e| change_failure(doing, e, None))
    };
    match secret::decide(existing.as_ref(), tenant.id, &admin_url, &token) {
        Decision::Keep => line.detail("in place"),
        Decision::Create => {
            if let Err(f) = written(args::create(&project), &format!("create secret {name}")) {
                line.failed();
                return Err(f);
            }
            line.detail(&format!("created in project {project}: adminURL, token"));
        }
        Decision::Replace => {
            if let Err(f) = written(args::replace(&project), &format!("update secret {name}")) {
                line.failed();
                return Err(f);
            }
            line.detail(&format!("updated in project {project}: adminURL, token"));
        }
        Decision::Foreign(whose) => {
            line.failed();
            return Err(Failure::input(format!(
                "secret {name} exists in project {project} and {whose}: it is left alone"
            ))
            .with_help("name another Secret with --secret-name"));
        }
    }
    line.done();
    login.secret = Some(name.clone());
    Ok(Some(name))
}

/// The admin portal's API answers with the tenant's token (or, without one, its login page).
fn verify(
    session: &Session,
    opened: &Opened,
    tenant: &Tenant,
    token: Option<&Secret>,
) -> Result<String, String> {
    let Some(host) = tenant.admin_domain.as_deref() else {
        return Err("3scale gave no admin portal host".into());
    };
    let line = session.ui.step(&format!("admin portal {host}"));
    let result = match token {
        Some(token) => opened
            .api()
            .products(host, token)
            .map(|p| {
                format!(
                    "GET https://{host}/admin/api/services.json answered with {} product(s), with the tenant's token",
                    p.len()
                )
            })
            .map_err(|e| e.to_string()),
        None => opened
            .http
            .send(&crate::http::Request::get(host, "/p/login"))
            .map_err(|e| e.to_string())
            .and_then(|r| match r.status {
                200 => Ok(format!("GET https://{host}/p/login answered 200")),
                s => Err(format!(
                    "GET https://{host}/p/login answered {s}: {}",
                    crate::http::first_bytes(&r.body)
                )),
            }),
    };
    match &result {
        Ok(e) => {
            line.detail(e);
            line.done();
        }
        Err(e) => {
            line.warn(e);
            line.failed();
        }
    }
    result
}

/// How to undo a scheduled deletion, without any secret in the text.
pub(super) fn resume_help(opened: &Opened, tenant: &Tenant) -> String {
    format!(
        "resume it within the 15 days: in the master portal (https://{}), or `curl -X PUT -u \":$MASTER_ACCESS_TOKEN\" -d state_event=resume https://{}/master/api/providers/{}.json` (`threescale-install credentials --show-secrets` shows MASTER_ACCESS_TOKEN)",
        opened.master.host, opened.master.host, tenant.id
    )
}

fn print(session: &Session, answers: &TenantAnswers, opened: &Opened, r: &Made) {
    let mode = &answers.project.mode;
    let t = &r.tenant;
    let admin_state = r.admin.as_ref().map(|u| u.state.clone());
    match mode.format {
        Format::Json => {
            let doc = json!({
                "schema_version": 1,
                "ok": !matches!(r.verified, Some(Err(_))),
                "cluster": opened.install.cluster.server,
                "project": opened.project(),
                "created": r.created,
                "tenant": tenant_json(t),
                "admin_portal": t.admin_domain.as_deref().map(url_of),
                "developer_portal": t.domain.as_deref().map(url_of),
                "admin": {
                    "user": r.login.user,
                    "email": r.login.email,
                    "state": admin_state,
                    "password": shown_json(r.login.password.as_ref(), mode.show_secrets),
                    "access_token": shown_json(r.login.access_token.as_ref(), mode.show_secrets),
                },
                "routes": r.routes,
                "verified": r.verified.as_ref().map(|v| json!({"ok": v.is_ok(), "detail": v.as_ref().unwrap_or_else(|e| e)})),
                "credentials_file": r.login_file,
                "secret": r.secret,
                "warnings": r.warnings,
                "secrets_shown": mode.show_secrets,
            });
            session
                .ui
                .result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        Format::Text => {
            // Shown only when asked: a terminal is often shared, recorded or scrolled back.
            let show = mode.show_secrets;
            let what = if r.created { "was created" } else { "exists" };
            let mut out = format!(
                "Tenant {} (id {}) {what} in project {}.\n\n",
                t.org_name,
                t.id,
                opened.project()
            );
            let row =
                |out: &mut String, k: &str, v: &str| out.push_str(&format!("  {k:<17} {v}\n"));
            row(
                &mut out,
                "Admin portal",
                &t.admin_domain.as_deref().map(url_of).unwrap_or_default(),
            );
            row(
                &mut out,
                "Developer portal",
                &t.domain.as_deref().map(url_of).unwrap_or_default(),
            );
            out.push('\n');
            row(
                &mut out,
                "Admin user",
                &format!(
                    "{} ({}){}",
                    r.login.user,
                    r.login.email,
                    admin_state.map(|s| format!(", {s}")).unwrap_or_default()
                ),
            );
            row(
                &mut out,
                "Admin password",
                &shown(r.login.password.as_ref(), show),
            );
            row(
                &mut out,
                "Access token",
                &shown(r.login.access_token.as_ref(), show),
            );
            out.push('\n');
            row(
                &mut out,
                "Login file",
                &format!("{} (mode 0600)", r.login_file.display()),
            );
            if let Some(s) = &r.secret {
                row(
                    &mut out,
                    "Secret",
                    &format!("{s} in project {} (adminURL, token)", opened.project()),
                );
            }
            match &r.routes {
                Some(routes) => {
                    let names: Vec<&str> =
                        routes.iter().filter_map(|r| r.route.as_deref()).collect();
                    row(
                        &mut out,
                        "Routes",
                        &format!("admitted: {}", names.join(", ")),
                    );
                }
                None => row(
                    &mut out,
                    "Routes",
                    "not waited for (--no-wait): `threescale-install tenant show` shows them",
                ),
            }
            if !show && (r.login.password.is_some() || r.login.access_token.is_some()) {
                out.push_str(&format!(
                    "  Passwords and tokens are hidden: they are in the login file, and\n  `threescale-install tenant show {} --show-secrets` prints them.\n",
                    t.id
                ));
            }
            session.ui.result(&out);
        }
    }
}
