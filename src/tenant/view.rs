//! How tenants and their secrets are shown, the same way by every tenant command, and what
//! `tenant show` prints.

use super::opened::Opened;
use super::routes::PortalRoute;
use super::store::StoredTenant;
use super::url_of;
use crate::secrets::{Secret, MASK};
use crate::threescale::{Tenant, User};
use serde_json::{json, Value};

/// A secret as printed: the value when shown, else the mask.
pub(crate) fn shown(s: Option<&Secret>, show: bool) -> String {
    match (s, show) {
        (Some(s), true) => s.expose().to_string(),
        (Some(_), false) => MASK.to_string(),
        (None, _) => "not known here".to_string(),
    }
}

/// A secret in JSON: the value only with --show-secrets.
pub(crate) fn shown_json(s: Option<&Secret>, show: bool) -> Value {
    match (s, show) {
        (Some(s), true) => Value::String(s.expose().to_string()),
        _ => Value::Null,
    }
}

/// The tenant as JSON documents show it.
pub(crate) fn tenant_json(t: &Tenant) -> Value {
    serde_json::json!({
        "id": t.id,
        "org_name": t.org_name,
        "state": t.state,
        "admin_domain": t.admin_domain,
        "domain": t.domain,
        "deletion_date": t.deletion_date,
    })
}

/// What `tenant show` found: the tenant, its admin users and its portals' routes, the login kept
/// on this machine and whether its token still works.
pub(crate) struct Shown<'a> {
    pub(crate) opened: &'a Opened,
    pub(crate) tenant: &'a Tenant,
    /// Its admin users but the one 3scale impersonates it with.
    pub(crate) admins: Vec<&'a User>,
    pub(crate) routes: Vec<PortalRoute>,
    pub(crate) login: Option<&'a StoredTenant>,
    /// How the kept token was answered, in words: `Err` when it does not work.
    pub(crate) token: Option<Result<String, String>>,
    /// Secrets are printed (--show-secrets).
    pub(crate) show: bool,
}

/// A `  Key  value` row of a text summary.
fn row(out: &mut String, key: &str, value: &str) {
    out.push_str(&format!("  {key:<17} {value}\n"));
}

impl Shown<'_> {
    pub(crate) fn json(&self) -> Value {
        let (opened, t, show) = (self.opened, self.tenant, self.show);
        let doc = json!({
            "cluster": opened.install.cluster.server,
            "project": opened.install.project,
            "tenant": tenant_json(t),
            "default": opened.is_default(t),
            "admin_portal": t.admin_domain.as_deref().map(url_of),
            "developer_portal": t.domain.as_deref().map(url_of),
            "admin_users": self.admins.iter().map(|u| json!({"id": u.id, "username": u.username, "email": u.email, "state": u.state})).collect::<Vec<_>>(),
            "routes": self.routes,
            "login": self.login.map(|l| json!({
                "file": opened.store.path_of(l),
                "user": l.user,
                "password": shown_json(l.password.as_ref(), show),
                "access_token": shown_json(l.access_token.as_ref(), show),
                "secret": l.secret,
            })),
            "token": self.token.as_ref().map(|r| json!({"works": r.is_ok(), "detail": r.as_ref().unwrap_or_else(|e| e)})),
            "secrets_shown": show,
        });
        crate::document::success(&crate::document::TENANT_SHOW, doc)
    }

    pub(crate) fn text(&self) -> String {
        let (opened, t) = (self.opened, self.tenant);
        let default = if opened.is_default(t) {
            " (the install's default tenant)"
        } else {
            ""
        };
        let mut out = format!(
            "Tenant {} (id {}){default}: {}\n\n",
            t.org_name, t.id, t.state
        );
        if let Some(d) = &t.deletion_date {
            row(
                &mut out,
                "Deleted for good",
                &format!("on {d}, unless resumed before"),
            );
        }
        let url = |d: &Option<String>| d.as_deref().map(url_of).unwrap_or_default();
        row(&mut out, "Admin portal", &url(&t.admin_domain));
        row(&mut out, "Developer portal", &url(&t.domain));
        for r in &self.routes {
            row(&mut out, "Route", &r.describe());
        }
        for u in &self.admins {
            let user = format!("{} ({}), {}", u.username, u.email, u.state);
            row(&mut out, "Admin user", &user);
        }
        out.push('\n');
        self.login_text(&mut out);
        out
    }

    /// The login kept here, its secrets shown only when asked (a terminal is often shared,
    /// recorded or scrolled back), and whether its token works.
    fn login_text(&self, out: &mut String) {
        let (opened, show) = (self.opened, self.show);
        let Some(l) = self.login else {
            let login = if opened.is_default(self.tenant) {
                "in the install's credentials (`threescale-install credentials`)"
            } else {
                "none kept on this machine"
            };
            return row(out, "Login", login);
        };
        let file = format!("{} (mode 0600)", opened.store.path_of(l).display());
        row(out, "Login file", &file);
        row(out, "Admin password", &shown(l.password.as_ref(), show));
        row(out, "Access token", &shown(l.access_token.as_ref(), show));
        if let Some(s) = &l.secret {
            let secret = format!("{s} in project {}", opened.install.project);
            row(out, "Secret", &secret);
        }
        let token = match &self.token {
            Some(Ok(t)) | Some(Err(t)) => t.clone(),
            None => "not kept here".into(),
        };
        row(out, "Token", &token);
        if !show && (l.password.is_some() || l.access_token.is_some()) {
            out.push_str("  Passwords and tokens are hidden: --show-secrets prints them.\n");
        }
    }
}
