//! The plans of `tenant create` and `tenant remove`: pure functions from what was observed —
//! master's tenants, the logins kept here, the tenant's admin users — to the changes, the
//! decisions and the problems. A re-run finds the tenant and signs nothing up twice.

use super::action::{Activate, SignUp, TenantAction};
use super::decide::{Admin, Create};
use super::store::{Store, StoredTenant};
use super::Master;
use crate::engine::checks::CheckResult;
use crate::engine::report::Changes;
use crate::inputs::Missing;
use crate::secrets::Secret;
use crate::threescale::{Tenant, User};

#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    pub(crate) actions: Vec<TenantAction>,
    pub(crate) decisions: Vec<String>,
    pub(crate) checks: Vec<CheckResult>,
    pub(crate) missing: Vec<Missing>,
    pub(crate) problems: Vec<String>,
    /// The tenant found before any change (none for a signup), and its login here.
    pub(crate) tenant: Option<Tenant>,
    pub(crate) login: Option<StoredTenant>,
    /// Whether this run signs the tenant up.
    pub(crate) signs_up: bool,
}

impl Plan {
    pub(crate) fn changes(&self) -> Changes<'_, TenantAction> {
        Changes {
            decisions: &self.decisions,
            checks: &self.checks,
            actions: &self.actions,
            missing: &self.missing,
            problems: &self.problems,
        }
    }
}

/// What `tenant create` decides from.
pub(crate) struct CreateRequest<'a> {
    pub(crate) master: &'a Master,
    pub(crate) store: &'a Store,
    pub(crate) org: &'a str,
    pub(crate) username: &'a str,
    /// Where the username came from, in words.
    pub(crate) username_source: String,
    pub(crate) email: &'a str,
    pub(crate) given_password: Option<&'a Secret>,
    /// A password drawn for a signup no input gave one for.
    pub(crate) fresh_password: &'a Secret,
    /// What master and the logins kept here say of the organization.
    pub(crate) decision: &'a Create,
    /// The admin users of the tenant found (none for a signup).
    pub(crate) admins: Option<&'a [User]>,
    pub(crate) store_secret: bool,
    pub(crate) secret_name: Option<&'a str>,
    /// How to undo a scheduled deletion, in words (for the problem that names one).
    pub(crate) resume_help: String,
}

pub(crate) fn create(r: &CreateRequest) -> Plan {
    let mut p = Plan::default();
    match r.decision {
        Create::Stored { tenant, login } => stored(r, tenant, login, &mut p),
        Create::Adopt { tenant, pending } => adopt(r, tenant, pending.as_ref(), &mut p),
        Create::SignUp {
            pending,
            stale,
            scheduled,
        } => sign_up(r, pending.as_ref(), stale.as_ref(), scheduled, &mut p),
        Create::Scheduled { tenant, login } => p.problems.push(format!(
            "tenant {} (id {}, the one whose login is kept in {}) is scheduled for deletion{}; {}; or forget it here with `threescale-install tenant remove {} --yes`, then run create again for a new tenant",
            r.org,
            tenant.id,
            r.store.path_of(login).display(),
            tenant.deletion_date.as_deref().map(|d| format!(" on {d}")).unwrap_or_default(),
            r.resume_help,
            tenant.id
        )),
        Create::Several(several) => p.problems.push(format!(
            "{} tenants are named {} ({}), and none of them is known here: create does not add another; `threescale-install tenant show ID` shows each; choose another organization name for a new tenant",
            several.len(),
            r.org,
            several
                .iter()
                .map(|t| format!("id {} at {}", t.id, t.admin_domain.as_deref().unwrap_or("?")))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    if r.store_secret && p.problems.is_empty() {
        p.actions.push(TenantAction::WriteSecret {
            store: r.store.clone(),
            name: r
                .secret_name
                .map(str::to_string)
                .or_else(|| p.login.as_ref().and_then(|l| l.secret.clone())),
        });
    }
    p
}

/// The login kept here names a tenant master has: nothing is signed up again.
fn stored(r: &CreateRequest, tenant: &Tenant, login: &StoredTenant, p: &mut Plan) {
    p.decisions.push(format!(
        "tenant {} exists (id {}, {}): created by an earlier run, whose login is kept in {}",
        r.org,
        tenant.id,
        tenant.state,
        r.store.path_of(login).display()
    ));
    if login.user != r.username {
        p.problems.push(format!(
            "tenant {} exists (id {}) with the admin user '{}', not '{}' (from {}): give --admin-username {} to check the tenant again, or choose another organization name for a new tenant",
            r.org, tenant.id, login.user, r.username, r.username_source, login.user
        ));
        return;
    }
    if r.given_password
        .is_some_and(|given| login.password.as_ref().map(Secret::expose) != Some(given.expose()))
    {
        p.decisions.push(format!(
            "the admin password given is not used: the tenant exists, and its password is the one kept in {}",
            r.store.path_of(login).display()
        ));
    }
    p.tenant = Some(tenant.clone());
    p.login = Some(login.clone());
    admin(r, tenant, p);
}

/// Master has one tenant of that name, of which no login is kept here.
fn adopt(r: &CreateRequest, tenant: &Tenant, pending: Option<&StoredTenant>, p: &mut Plan) {
    let mut login = pending
        .cloned()
        .unwrap_or_else(|| r.store.login(r.org, r.username, r.email));
    let lost_answer = login.password.is_some();
    super::action::fill(&mut login, tenant);
    p.decisions.push(if lost_answer {
        format!("tenant {} was signed up by an earlier run whose answer was lost: its password is kept, its access token (given only in that answer) is not; mint one in its admin portal (Account Settings > Personal > Tokens)", r.org)
    } else {
        format!("tenant {} exists (id {}) but this machine keeps no login of it (it was made elsewhere): it is not created again, and its password and token are not known here", r.org, tenant.id)
    });
    p.actions.push(TenantAction::KeepLogin {
        store: r.store.clone(),
        login: login.clone(),
    });
    p.tenant = Some(tenant.clone());
    p.login = Some(login);
    admin(r, tenant, p);
}

fn sign_up(
    r: &CreateRequest,
    pending: Option<&StoredTenant>,
    stale: Option<&StoredTenant>,
    scheduled: &[Tenant],
    p: &mut Plan,
) {
    for s in scheduled {
        p.decisions.push(format!(
            "tenant {} of the same name (id {}) is scheduled for deletion: a new one is created beside it, with other portal names",
            s.org_name, s.id
        ));
    }
    if let Some(s) = stale {
        p.actions.push(TenantAction::ForgetLogin {
            store: r.store.clone(),
            login: s.clone(),
        });
    }
    let (password, origin) = match (r.given_password, pending.and_then(|l| l.password.clone())) {
        (Some(given), _) => (given.clone(), "given".to_string()),
        (None, Some(kept)) => (kept, "kept from an earlier run that stopped".to_string()),
        (None, None) => (
            r.fresh_password.clone(),
            "generated (24 characters)".to_string(),
        ),
    };
    p.signs_up = true;
    p.actions.push(TenantAction::SignUp(SignUp {
        master: r.master.clone(),
        store: r.store.clone(),
        org: r.org.to_string(),
        username: r.username.to_string(),
        email: r.email.to_string(),
        password,
        password_origin: origin,
    }));
    p.actions.push(TenantAction::ActivateAdmin(Activate {
        master: r.master.clone(),
        username: r.username.to_string(),
        user: None,
    }));
}

/// The admin user of a tenant found: active, or activated (no e-mail needed).
fn admin(r: &CreateRequest, tenant: &Tenant, p: &mut Plan) {
    let Some(users) = r.admins else { return };
    match super::decide::admin(users, r.username) {
        Admin::Active(_) => p.decisions.push(format!("admin user {} is active", r.username)),
        Admin::Activate(u) => p.actions.push(TenantAction::ActivateAdmin(Activate {
            master: r.master.clone(),
            username: r.username.to_string(),
            user: Some(u),
        })),
        Admin::Suspended(u) => p.decisions.push(format!(
            "the admin user {} of tenant {} is {}: it cannot log in until an admin of the tenant (or master) lets it again",
            r.username, tenant.org_name, u.state
        )),
        Admin::Missing(others) => p.problems.push(format!(
            "tenant {} (id {}) has no admin user '{}'; its admin users: {}; give --admin-username of one of them, or choose another organization name for a new tenant",
            tenant.org_name,
            tenant.id,
            r.username,
            if others.is_empty() { "none".to_string() } else { others.join(", ") }
        )),
    }
}

/// What `tenant remove` decides from.
pub(crate) struct RemoveRequest<'a> {
    pub(crate) master: &'a Master,
    pub(crate) store: &'a Store,
    pub(crate) tenant: &'a Tenant,
    /// The install's own tenant: refused (uninstall removes a whole install).
    pub(crate) is_default: bool,
    pub(crate) login: Option<&'a StoredTenant>,
}

pub(crate) fn remove(r: &RemoveRequest) -> Plan {
    let mut p = Plan::default();
    let t = r.tenant;
    if r.is_default {
        p.problems.push(format!(
            "tenant {} (id {}) is the install's default tenant: removing it would take the install's admin portal with it; `threescale-install uninstall` removes the whole install",
            t.org_name, t.id
        ));
        return p;
    }
    if t.scheduled_for_deletion() {
        p.decisions.push(format!(
            "tenant {} (id {}) is scheduled for deletion already{}",
            t.org_name,
            t.id,
            t.deletion_date
                .as_deref()
                .map(|d| format!(" (for good on {d})"))
                .unwrap_or_default()
        ));
    } else {
        p.actions.push(TenantAction::ScheduleDeletion {
            master: r.master.clone(),
            tenant: t.clone(),
        });
    }
    p.actions
        .push(TenantAction::DeleteSecrets { tenant_id: t.id });
    if let Some(l) = r.login {
        p.actions.push(TenantAction::ForgetLogin {
            store: r.store.clone(),
            login: l.clone(),
        });
    }
    p.tenant = Some(t.clone());
    p.login = r.login.cloned();
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tenant::decide;

    fn store() -> Store {
        Store::beside(
            std::path::Path::new("/state/credentials.yaml"),
            "https://api.x:6443",
            "3scale-apim",
        )
    }

    fn master() -> Master {
        Master {
            host: "master.apps.x".into(),
            token: Secret::new("master-token-secret"),
        }
    }

    fn tenant(id: u64, org: &str, state: &str) -> Tenant {
        Tenant {
            id,
            org_name: org.into(),
            admin_domain: Some(format!("{}-admin.apps.x", org.to_lowercase())),
            domain: Some(format!("{}.apps.x", org.to_lowercase())),
            state: state.into(),
            deletion_date: None,
        }
    }

    fn user(name: &str, state: &str) -> User {
        User {
            id: 7,
            username: name.into(),
            email: "a@b.example".into(),
            state: state.into(),
            role: "admin".into(),
        }
    }

    fn plan_for(decision: &Create, admins: Option<&[User]>, store_secret: bool) -> Plan {
        let (m, s, fresh) = (master(), store(), Secret::new("generated-password-1234"));
        create(&CreateRequest {
            master: &m,
            store: &s,
            org: "ACME",
            username: "acme-admin",
            username_source: "--admin-username".into(),
            email: "ops@acme.example",
            given_password: None,
            fresh_password: &fresh,
            decision,
            admins,
            store_secret,
            secret_name: None,
            resume_help: "resume it".into(),
        })
    }

    fn shown(p: &Plan) -> Vec<String> {
        p.actions.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_new_tenant_is_signed_up_then_its_admin_activated_and_no_secret_is_shown() {
        let d = decide::create("ACME", &[], &[]);
        let p = plan_for(&d, None, true);
        let s = shown(&p);
        assert_eq!(s.len(), 3, "{s:#?}");
        assert!(s[0].starts_with("sign tenant ACME up through the Master API on master.apps.x (admin acme-admin <ops@acme.example>, password generated"), "{}", s[0]);
        assert!(
            s[1].starts_with("activate admin user acme-admin"),
            "{}",
            s[1]
        );
        assert!(
            s[2].starts_with("write secret tenant-SUBDOMAIN"),
            "{}",
            s[2]
        );
        assert!(p.signs_up && p.problems.is_empty());
        let all = format!("{s:?} {:?}", p.actions);
        assert!(!all.contains("generated-password-1234") && !all.contains("master-token-secret"));
    }

    #[test]
    fn a_rerun_finds_the_tenant_and_changes_nothing() {
        let mut login = store().login("ACME", "acme-admin", "ops@acme.example");
        login.tenant_id = Some(4);
        let t = tenant(4, "ACME", "approved");
        let d = decide::create("ACME", &[login], std::slice::from_ref(&t));
        let admins = [user("acme-admin", "active")];
        let p = plan_for(&d, Some(&admins), false);
        assert!(p.actions.is_empty(), "{:?}", shown(&p));
        assert!(
            p.decisions.iter().any(|d| d.contains("is active")),
            "{:?}",
            p.decisions
        );
        assert_eq!(p.tenant.map(|t| t.id), Some(4));
    }

    #[test]
    fn a_pending_admin_of_a_found_tenant_is_activated_and_a_missing_one_refused() {
        let t = tenant(4, "ACME", "approved");
        let d = decide::create("ACME", &[], std::slice::from_ref(&t));
        let pending = [user("acme-admin", "pending")];
        let p = plan_for(&d, Some(&pending), false);
        assert_eq!(shown(&p).len(), 2, "{:?}", shown(&p));
        assert!(shown(&p)[0].starts_with("keep the login of tenant ACME"));
        let other = [user("someone", "active")];
        let p = plan_for(&d, Some(&other), false);
        assert!(
            p.problems[0].contains("has no admin user 'acme-admin'"),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn a_tenant_scheduled_for_deletion_is_not_made_again() {
        let mut login = store().login("ACME", "acme-admin", "ops@acme.example");
        login.tenant_id = Some(4);
        let t = tenant(4, "ACME", "scheduled_for_deletion");
        let d = decide::create("ACME", &[login], std::slice::from_ref(&t));
        let p = plan_for(&d, None, true);
        assert!(p.actions.is_empty());
        assert!(
            p.problems[0].contains("scheduled for deletion"),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn remove_schedules_deletes_the_secret_and_forgets_the_login_but_never_the_default() {
        let (m, s) = (master(), store());
        let t = tenant(4, "ACME", "approved");
        let mut login = s.login("ACME", "acme-admin", "ops@acme.example");
        login.tenant_id = Some(4);
        let p = remove(&RemoveRequest {
            master: &m,
            store: &s,
            tenant: &t,
            is_default: false,
            login: Some(&login),
        });
        let shown = shown(&p);
        assert_eq!(shown.len(), 3, "{shown:#?}");
        assert!(shown[0].starts_with("schedule tenant ACME (id 4) for deletion"));
        let p = remove(&RemoveRequest {
            master: &m,
            store: &s,
            tenant: &t,
            is_default: true,
            login: None,
        });
        assert!(p.actions.is_empty() && p.problems[0].contains("default tenant"));
    }
}
