//! `tenant show NAME-OR-ID`: the tenant's state and portals, its admin users, zync's routes of
//! its portals (admitted or not), the login kept here, and whether the kept token still works.
//! Reads only; an unhealthy tenant is reported in the output, not in the exit code.

use crate::cli::Format;
use crate::engine::observe::read_failure;
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::tenant::TenantQuery;
use crate::tenant::decide::IMPERSONATION_ADMIN;
use crate::tenant::opened::{find, open};
use crate::tenant::view::{shown, shown_json, tenant_json};
use crate::tenant::{api_failure, routes, url_of};
use crate::threescale::ApiError;
use serde_json::json;

pub(crate) fn run(answers: TenantQuery) -> Outcome<()> {
    let session = Session::open(&answers.project.connection, &answers.project.mode)?;
    session.works_on(&answers.project.project.value);
    let result = show(&session, &answers);
    session.finish(result)
}

fn show(session: &Session, answers: &TenantQuery) -> Outcome<()> {
    let opened = open(session, &answers.project)?;
    session.attach_transcript(&opened.install.cluster.server, opened.project())?;
    let reference = answers
        .tenant
        .as_ref()
        .ok_or_else(|| Failure::internal("tenant show without a tenant"))?;
    let line = session.ui.step(&format!("tenant {reference}"));
    let found = find(&opened, reference).and_then(|t| {
        let users = opened
            .api()
            .admins(&opened.master.host, &opened.master.token, t.id)
            .map_err(|e| api_failure("list the tenant's admin users", e))?;
        Ok((t, users))
    });
    let (tenant, users) = match found {
        Ok(f) => f,
        Err(f) => {
            line.failed();
            return Err(f);
        }
    };
    line.detail(&format!("id {}, {}", tenant.id, tenant.state));
    line.done();
    let admins: Vec<_> = users
        .iter()
        .filter(|u| u.username != IMPERSONATION_ADMIN)
        .collect();
    let zync = routes::look(&session.oc, &opened.install.project)
        .map_err(|e| read_failure("list zync's routes", e))?;
    let portal_routes = routes::of(&tenant, &zync);
    let login = opened
        .store
        .all(&session.redactor)
        .into_iter()
        .find(|s| s.tenant_id == Some(tenant.id));
    // The kept token, tried on the tenant's own admin portal.
    let token_check: Option<Result<String, String>> = match (&login, tenant.admin_domain.as_deref())
    {
        (Some(l), Some(host)) => l.access_token.as_ref().map(|token| {
            let step = session.ui.step("the kept token");
            let r = match opened.api().products(host, token) {
                Ok(p) => Ok(format!(
                    "works: GET https://{host}/admin/api/services.json answered with {} product(s)",
                    p.len()
                )),
                Err(ApiError::Refused {
                    status: 403,
                    messages,
                    ..
                }) if tenant.scheduled_for_deletion() || messages.is_empty() => {
                    Err(format!("refused (403): the tenant is {}", tenant.state))
                }
                Err(e) => Err(format!("does not work: {e}")),
            };
            match &r {
                Ok(t) => step.detail(t),
                Err(t) => step.warn(t),
            }
            step.done();
            r
        }),
        _ => None,
    };
    let mode = &answers.project.mode;
    match mode.format {
        Format::Json => {
            let doc = json!({
                "cluster": opened.install.cluster.server,
                "project": opened.install.project,
                "tenant": tenant_json(&tenant),
                "default": opened.is_default(&tenant),
                "admin_portal": tenant.admin_domain.as_deref().map(url_of),
                "developer_portal": tenant.domain.as_deref().map(url_of),
                "admin_users": admins.iter().map(|u| json!({"id": u.id, "username": u.username, "email": u.email, "state": u.state})).collect::<Vec<_>>(),
                "routes": portal_routes,
                "login": login.as_ref().map(|l| json!({
                    "file": opened.store.path_of(l),
                    "user": l.user,
                    "password": shown_json(l.password.as_ref(), mode.show_secrets),
                    "access_token": shown_json(l.access_token.as_ref(), mode.show_secrets),
                    "secret": l.secret,
                })),
                "token": token_check.as_ref().map(|r| json!({"works": r.is_ok(), "detail": r.as_ref().unwrap_or_else(|e| e)})),
                "secrets_shown": mode.show_secrets,
            });
            let doc = crate::document::success(&crate::document::TENANT_SHOW, doc);
            session
                .ui
                .result(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        Format::Text => {
            // Shown only when asked: a terminal is often shared, recorded or scrolled back.
            let show = mode.show_secrets;
            let default = if opened.is_default(&tenant) {
                " (the install's default tenant)"
            } else {
                ""
            };
            let mut out = format!(
                "Tenant {} (id {}){default}: {}\n\n",
                tenant.org_name, tenant.id, tenant.state
            );
            let row =
                |out: &mut String, k: &str, v: &str| out.push_str(&format!("  {k:<17} {v}\n"));
            if let Some(d) = &tenant.deletion_date {
                row(
                    &mut out,
                    "Deleted for good",
                    &format!("on {d}, unless resumed before"),
                );
            }
            row(
                &mut out,
                "Admin portal",
                &tenant
                    .admin_domain
                    .as_deref()
                    .map(url_of)
                    .unwrap_or_default(),
            );
            row(
                &mut out,
                "Developer portal",
                &tenant.domain.as_deref().map(url_of).unwrap_or_default(),
            );
            for r in &portal_routes {
                row(&mut out, "Route", &r.describe());
            }
            for u in &admins {
                row(
                    &mut out,
                    "Admin user",
                    &format!("{} ({}), {}", u.username, u.email, u.state),
                );
            }
            out.push('\n');
            match &login {
                Some(l) => {
                    row(
                        &mut out,
                        "Login file",
                        &format!("{} (mode 0600)", opened.store.path_of(l).display()),
                    );
                    row(
                        &mut out,
                        "Admin password",
                        &shown(l.password.as_ref(), show),
                    );
                    row(
                        &mut out,
                        "Access token",
                        &shown(l.access_token.as_ref(), show),
                    );
                    if let Some(s) = &l.secret {
                        row(
                            &mut out,
                            "Secret",
                            &format!("{s} in project {}", opened.install.project),
                        );
                    }
                    row(
                        &mut out,
                        "Token",
                        &match &token_check {
                            Some(Ok(t)) | Some(Err(t)) => t.clone(),
                            None => "not kept here".into(),
                        },
                    );
                    if !show && (l.password.is_some() || l.access_token.is_some()) {
                        out.push_str(
                            "  Passwords and tokens are hidden: --show-secrets prints them.\n",
                        );
                    }
                }
                None if opened.is_default(&tenant) => row(
                    &mut out,
                    "Login",
                    "in the install's credentials (`threescale-install credentials`)",
                ),
                None => row(&mut out, "Login", "none kept on this machine"),
            }
            session.ui.result(&out);
        }
    }
    Ok(())
}
