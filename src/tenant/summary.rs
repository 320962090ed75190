//! What the tenant commands print: the summary of `create`, the check that a new admin portal
//! answers (and that a kept token still works), and how to undo a scheduled deletion.

use super::action::Made;
use super::opened::Opened;
use super::routes::PortalRoute;
use super::store::StoredTenant;
use super::url_of;
use super::view::{shown, shown_json, tenant_json};
use crate::cli::Format;
use crate::engine::session::Session;
use crate::inputs::tenant::TenantAnswers;
use crate::secrets::Secret;
use crate::threescale::{ApiError, Tenant};
use serde_json::json;

/// What `tenant create` found or made, for the summary.
pub(crate) struct Created {
    pub(crate) made: Made,
    pub(crate) created: bool,
    pub(crate) login_file: Option<std::path::PathBuf>,
    pub(crate) routes: Option<Vec<PortalRoute>>,
    pub(crate) verified: Option<Result<String, String>>,
    pub(crate) warnings: Vec<String>,
    /// The plan's changes (all made by then) and decisions.
    pub(crate) changes: Vec<String>,
    pub(crate) decisions: Vec<String>,
}

/// The admin portal's API answers with the tenant's token (or, without one, its login page).
pub(crate) fn verify(
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
pub(crate) fn resume_help(opened: &Opened, tenant: &Tenant) -> String {
    format!(
        "resume it within the 15 days: in the master portal (https://{}), or `curl -X PUT -u \":$MASTER_ACCESS_TOKEN\" -d state_event=resume https://{}/master/api/providers/{}.json` (`threescale-install credentials --show-secrets` shows MASTER_ACCESS_TOKEN)",
        opened.master.host, opened.master.host, tenant.id
    )
}

/// The summary of `tenant create` on stdout.
pub(crate) fn print_created(
    session: &Session,
    answers: &TenantAnswers,
    opened: &Opened,
    c: &Created,
) {
    let text = match answers.project.mode.format {
        Format::Json => created_json(answers, opened, c)
            .map(|doc| serde_json::to_string_pretty(&doc).unwrap_or_default()),
        Format::Text => view(answers, opened, c, |v| v.text(opened)),
    };
    if let Some(text) = text {
        session.ui.result(&text);
    }
}

/// The document of `tenant create` with what `c` holds, once there is a tenant and its login:
/// a run that fails after the signup (its routes not admitted in time) tells them too.
pub(crate) fn created_json(
    answers: &TenantAnswers,
    opened: &Opened,
    c: &Created,
) -> Option<serde_json::Value> {
    view(answers, opened, c, |v| v.json(opened))
}

fn view<T>(
    answers: &TenantAnswers,
    opened: &Opened,
    c: &Created,
    show: impl FnOnce(&View) -> T,
) -> Option<T> {
    let (Some(tenant), Some(login)) = (&c.made.tenant, &c.made.login) else {
        return None;
    };
    let file = c
        .login_file
        .clone()
        .unwrap_or_else(|| opened.store.path_of(login));
    Some(show(&View {
        c,
        tenant,
        login,
        file: &file,
        show: answers.project.mode.show_secrets,
    }))
}

struct View<'a> {
    c: &'a Created,
    tenant: &'a Tenant,
    login: &'a super::store::StoredTenant,
    file: &'a std::path::Path,
    show: bool,
}

impl View<'_> {
    fn json(&self, opened: &Opened) -> serde_json::Value {
        let (c, t, login, show) = (self.c, self.tenant, self.login, self.show);
        let doc = json!({
            "ok": !matches!(c.verified, Some(Err(_))),
            "dry_run": false,
            "changes": c.changes,
            "decisions": c.decisions,
            "cluster": opened.install.cluster.server,
            "project": opened.project(),
            "created": c.created,
            "tenant": tenant_json(t),
            "admin_portal": t.admin_domain.as_deref().map(url_of),
            "developer_portal": t.domain.as_deref().map(url_of),
            "admin": {
                "user": login.user,
                "email": login.email,
                "state": c.made.admin.as_ref().map(|u| u.state.clone()),
                "password": shown_json(login.password.as_ref(), show),
                "access_token": shown_json(login.access_token.as_ref(), show),
            },
            "routes": c.routes,
            "verified": c.verified.as_ref().map(|v| json!({"ok": v.is_ok(), "detail": v.as_ref().unwrap_or_else(|e| e)})),
            "credentials_file": self.file,
            "secret": c.made.secret,
            "warnings": c.warnings,
            "secrets_shown": show,
        });
        crate::document::success(&crate::document::TENANT_CREATE, doc)
    }

    fn text(&self, opened: &Opened) -> String {
        let (c, t, login, show) = (self.c, self.tenant, self.login, self.show);
        let what = if c.created { "was created" } else { "exists" };
        let mut out = format!(
            "Tenant {} (id {}) {what} in project {}.\n\n",
            t.org_name,
            t.id,
            opened.project()
        );
        let row = |out: &mut String, k: &str, v: &str| out.push_str(&format!("  {k:<17} {v}\n"));
        let url = |d: &Option<String>| d.as_deref().map(url_of).unwrap_or_default();
        row(&mut out, "Admin portal", &url(&t.admin_domain));
        row(&mut out, "Developer portal", &url(&t.domain));
        out.push('\n');
        let state = c.made.admin.as_ref().map(|u| format!(", {}", u.state));
        let user = format!(
            "{} ({}){}",
            login.user,
            login.email,
            state.unwrap_or_default()
        );
        row(&mut out, "Admin user", &user);
        row(
            &mut out,
            "Admin password",
            &shown(login.password.as_ref(), show),
        );
        row(
            &mut out,
            "Access token",
            &shown(login.access_token.as_ref(), show),
        );
        out.push('\n');
        row(
            &mut out,
            "Login file",
            &format!("{} (mode 0600)", self.file.display()),
        );
        if let Some(s) = &c.made.secret {
            let where_ = format!("{s} in project {} (adminURL, token)", opened.project());
            row(&mut out, "Secret", &where_);
        }
        let routes = match &c.routes {
            Some(routes) => {
                let names: Vec<&str> = routes.iter().filter_map(|r| r.route.as_deref()).collect();
                format!("admitted: {}", names.join(", "))
            }
            None => {
                "not waited for (--no-wait): `threescale-install tenant show` shows them".into()
            }
        };
        row(&mut out, "Routes", &routes);
        if !show && (login.password.is_some() || login.access_token.is_some()) {
            out.push_str(&format!(
                "  Passwords and tokens are hidden: they are in the login file, and\n  `threescale-install tenant show {} --show-secrets` prints them.\n",
                t.id
            ));
        }
        out
    }
}

/// Whether the token kept for `tenant` still works on its own admin portal, in words (`Err`
/// when it does not); `None` when no token is kept or the tenant has no admin portal.
pub(crate) fn kept_token(
    session: &Session,
    opened: &Opened,
    tenant: &Tenant,
    login: &StoredTenant,
) -> Option<Result<String, String>> {
    let host = tenant.admin_domain.as_deref()?;
    let token = login.access_token.as_ref()?;
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
    Some(r)
}
