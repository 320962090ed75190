//! The changes of `tenant create` and `tenant remove`: requests to the Master API, the logins kept
//! on this machine, and the tenant's Secret in the install's project. What one change learns (the
//! tenant a signup made, its login) is handed to the next through [`Made`]. `Display` never shows
//! a secret.

use super::decide::Admin;
use super::secret::{self, Decision, MANAGED_BY, TENANT_ID_LABEL};
use super::store::{Store, StoredTenant};
use super::{api_failure, url_of, Master};
use crate::engine::change::{Change, Ctx, Permission};
use crate::engine::execute::{change_failure, single_change};
use crate::failure::{Failure, Outcome};
use crate::oc::args;
use crate::secrets::Secret;
use crate::templates::kinds::Resource;
use crate::threescale::{Api, ApiError, Tenant, User};
use serde_json::Value;
use std::fmt;

/// What the changes of one run found or made, for the next change and the summary.
#[derive(Debug, Default, Clone)]
pub(crate) struct Made {
    pub(crate) tenant: Option<Tenant>,
    pub(crate) login: Option<StoredTenant>,
    pub(crate) admin: Option<User>,
    pub(crate) secret: Option<String>,
    pub(crate) warnings: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) enum TenantAction {
    /// A login kept here of a tenant master no longer has.
    ForgetLogin { store: Store, login: StoredTenant },
    /// The password kept in a login file, then the signup through the Master API and its
    /// one-time access token kept the moment it arrives.
    SignUp(SignUp),
    /// The login of a tenant found on master, kept here.
    KeepLogin { store: Store, login: StoredTenant },
    /// The admin user, pending since the signup, activated (no e-mail needed).
    ActivateAdmin(Activate),
    /// The 3scale operator's tenant Secret (`adminURL`, `token`) in the install's project.
    WriteSecret { store: Store, name: Option<String> },
    /// The tenant scheduled for deletion (3scale deletes it after 15 days).
    ScheduleDeletion { master: Master, tenant: Tenant },
    /// The Secrets written for the tenant, by label.
    DeleteSecrets { tenant_id: u64 },
}

#[derive(Debug, Clone)]
pub(crate) struct SignUp {
    pub(crate) master: Master,
    pub(crate) store: Store,
    pub(crate) org: String,
    pub(crate) username: String,
    pub(crate) email: String,
    pub(crate) password: Secret,
    /// Where the password comes from, in words.
    pub(crate) password_origin: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Activate {
    pub(crate) master: Master,
    pub(crate) username: String,
    /// The user to activate, when known before the run (else: the signup's pending admin).
    pub(crate) user: Option<User>,
}

impl Change for TenantAction {
    type Memo = Made;

    fn title(&self) -> String {
        match self {
            TenantAction::ForgetLogin { login, .. } => {
                format!("forget the login of tenant {}", login.org_name)
            }
            TenantAction::SignUp(s) => format!("sign tenant {} up", s.org),
            TenantAction::KeepLogin { login, .. } => {
                format!("keep the login of tenant {}", login.org_name)
            }
            TenantAction::ActivateAdmin(a) => format!("admin user {}", a.username),
            TenantAction::WriteSecret { name, .. } => {
                format!("secret {}", name.as_deref().unwrap_or("tenant-SUBDOMAIN"))
            }
            TenantAction::ScheduleDeletion { tenant, .. } => {
                format!("remove tenant {}", tenant.org_name)
            }
            TenantAction::DeleteSecrets { .. } => "delete the tenant's secret".into(),
        }
    }

    fn permissions(&self) -> Vec<Permission> {
        let secrets = Resource::of("Secret", "v1");
        match self {
            TenantAction::WriteSecret { .. } => vec![
                Permission::in_project("create", secrets.clone()),
                Permission::in_project("update", secrets),
            ],
            TenantAction::DeleteSecrets { .. } => vec![Permission::in_project("delete", secrets)],
            _ => Vec::new(),
        }
    }

    fn run(&self, ctx: &Ctx, made: &mut Made) -> Outcome<Option<String>> {
        match self {
            TenantAction::ForgetLogin { store, login } => store
                .remove(login)
                .map(|p| p.map(|p| format!("removed {}", p.display())))
                .map_err(|e| Failure::internal(format!("tenant create: {e}"))),
            TenantAction::SignUp(s) => sign_up(ctx, s, made),
            TenantAction::KeepLogin { store, login } => {
                let path = keep(store, login)?;
                made.login = Some(login.clone());
                Ok(Some(format!(
                    "login kept in {} (mode 0600)",
                    path.display()
                )))
            }
            TenantAction::ActivateAdmin(a) => activate(ctx, a, made),
            TenantAction::WriteSecret { store, name } => write_secret(ctx, store, name, made),
            TenantAction::ScheduleDeletion { master, tenant } => schedule(ctx, master, tenant),
            TenantAction::DeleteSecrets { tenant_id } => delete_secrets(ctx, *tenant_id),
        }
    }
}

fn api<'a>(ctx: &Ctx<'a>) -> Outcome<Api<'a>> {
    Ok(Api { http: ctx.http()? })
}

fn keep(store: &Store, login: &StoredTenant) -> Outcome<std::path::PathBuf> {
    store.write(login).map_err(|e| {
        Failure::internal(format!("could not keep the tenant's login: {e}"))
            .with_help("check that the state directory is writable, then run again: the tenant is found, not created again")
    })
}

/// The password written first, then the signup and its token written before anything else can
/// happen, an interruption included.
fn sign_up(ctx: &Ctx, s: &SignUp, made: &mut Made) -> Outcome<Option<String>> {
    ctx.redactor
        .add_secret("tenant admin password", &s.password);
    let mut login = s.store.login(&s.org, &s.username, &s.email);
    login.password = Some(s.password.clone());
    s.store.write(&login).map_err(|e| {
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
    let signup = api(ctx)?
        .signup(
            &s.master.host,
            &s.master.token,
            &s.org,
            &s.username,
            &s.email,
            &s.password,
        )
        .map_err(|e| signup_failure(s, &login, e))?;
    fill(&mut login, &signup.tenant);
    login.access_token = Some(signup.token);
    s.store.write(&login).map_err(|e| {
        Failure::internal(format!(
            "tenant {} was signed up (id {}), but its login could not be kept: {e}",
            s.org, signup.tenant.id
        ))
    })?;
    let detail = format!(
        "signed up: id {}, admin portal {}; login kept in {} (mode 0600)",
        signup.tenant.id,
        signup.tenant.admin_domain.as_deref().unwrap_or("?"),
        s.store.path_of(&login).display()
    );
    made.tenant = Some(signup.tenant);
    made.login = Some(login);
    Ok(Some(detail))
}

/// A failed signup: a 4xx made nothing (the password kept for it goes too); a 5xx may come after
/// the tenant was saved (porta mails after saving), as may an answer that never came whole.
fn signup_failure(s: &SignUp, login: &StoredTenant, e: ApiError) -> Failure {
    let refused = matches!(e, ApiError::Refused { status, .. } if status < 500);
    let sent_maybe = match &e {
        ApiError::Refused { status, .. } => *status >= 500,
        ApiError::Http(h) => matches!(
            h.cause,
            crate::http::Cause::Timeout | crate::http::Cause::Truncated
        ),
        ApiError::Unexpected { .. } => true,
    };
    let mut f = api_failure(
        &format!("sign tenant {} up through the Master API", s.org),
        e,
    );
    if refused {
        if let Err(why) = s.store.remove(login) {
            f = f.with_help(why);
        }
    }
    if sent_maybe {
        f = f.with_help("the signup may have been made even so: run the same command again; it finds the tenant and does not create a second");
    }
    f
}

/// The tenant's id and portals, in its login.
pub(crate) fn fill(login: &mut StoredTenant, tenant: &Tenant) {
    login.tenant_id = Some(tenant.id);
    login.admin_portal = tenant.admin_domain.as_deref().map(url_of);
    login.developer_portal = tenant.domain.as_deref().map(url_of);
}

fn activate(ctx: &Ctx, a: &Activate, made: &mut Made) -> Outcome<Option<String>> {
    let tenant = made
        .tenant
        .clone()
        .ok_or_else(|| Failure::internal("an admin user to activate without a tenant"))?;
    let api = api(ctx)?;
    let user = match &a.user {
        Some(u) => u.clone(),
        None => match after_signup(&api, a, &tenant, made)? {
            Some(u) => u,
            None => {
                return Ok(Some(
                    made.admin
                        .as_ref()
                        .map(|u| u.state.clone())
                        .unwrap_or_default(),
                ))
            }
        },
    };
    api.activate(&a.master.host, &a.master.token, tenant.id, user.id)
        .map_err(|e| {
            api_failure("activate the tenant's admin user", e).with_help(
                "run the same command again: it activates the user of the tenant it finds",
            )
        })?;
    made.admin = Some(User {
        state: "active".into(),
        ..user
    });
    Ok(Some(
        "was pending (3scale mails an activation link); activated".into(),
    ))
}

/// The admin user a signup made, found by name: `Some` when it waits to be activated.
fn after_signup(
    api: &Api,
    a: &Activate,
    tenant: &Tenant,
    made: &mut Made,
) -> Outcome<Option<User>> {
    let users = api
        .admins(&a.master.host, &a.master.token, tenant.id)
        .map_err(|e| api_failure("list the tenant's admin users", e))?;
    match super::decide::admin(&users, &a.username) {
        Admin::Activate(u) => Ok(Some(u)),
        Admin::Active(u) | Admin::Suspended(u) => {
            made.admin = Some(u);
            Ok(None)
        }
        Admin::Missing(others) => Err(Failure::input(format!(
            "tenant {} (id {}) has no admin user '{}'; its admin users: {}",
            tenant.org_name,
            tenant.id,
            a.username,
            if others.is_empty() {
                "none".to_string()
            } else {
                others.join(", ")
            }
        ))),
    }
}

/// Writes the operator's tenant Secret; not written when no token is known here.
fn write_secret(
    ctx: &Ctx,
    store: &Store,
    name: &Option<String>,
    made: &mut Made,
) -> Outcome<Option<String>> {
    let (Some(tenant), Some(login)) = (made.tenant.clone(), made.login.as_mut()) else {
        return Err(Failure::internal("a tenant Secret without a tenant"));
    };
    let Some(admin_host) = tenant.admin_domain.clone() else {
        return Ok(Some("3scale gave no admin portal host: not written".into()));
    };
    let name = name
        .clone()
        .or_else(|| login.secret.clone())
        .unwrap_or_else(|| secret::default_name(&admin_host));
    let Some(token) = login.access_token.clone() else {
        made.warnings.push(format!(
            "secret {name} was not written: the tenant's token is not known here (it is given only in the answer to its signup)"
        ));
        return Ok(Some(
            "no access token of this tenant is known here: not written".into(),
        ));
    };
    let detail = put_secret(ctx, &name, tenant.id, &url_of(&admin_host), &token)?;
    login.secret = Some(name.clone());
    keep(store, login)?;
    made.secret = Some(name);
    Ok(Some(detail))
}

fn put_secret(ctx: &Ctx, name: &str, id: u64, admin_url: &str, token: &Secret) -> Outcome<String> {
    let project = ctx.project;
    let read = |name: &str| ctx.oc.get_secret::<Value>(name, project).ok().flatten();
    let existing: Option<Value> = ctx
        .oc
        .get_secret(name, project)
        .map_err(|e| crate::engine::observe::read_failure(&format!("read secret {name}"), e))?;
    let manifest = secret::manifest(name, id, admin_url, token);
    let done = || {
        read(name).is_some_and(|s| secret::decide(Some(&s), id, admin_url, token) == Decision::Keep)
    };
    let write = |oc_args: Vec<String>, doing: String| {
        single_change(ctx.oc, &oc_args, Some(manifest.expose().as_bytes()), done)
            .map_err(|e| change_failure(&doing, e, None))
    };
    match secret::decide(existing.as_ref(), id, admin_url, token) {
        Decision::Keep => Ok("in place".into()),
        Decision::Create => write(args::create(project), format!("create secret {name}"))
            .map(|_| format!("created in project {project}: adminURL, token")),
        Decision::Replace => write(args::replace(project), format!("update secret {name}"))
            .map(|_| format!("updated in project {project}: adminURL, token")),
        Decision::Foreign(whose) => Err(Failure::input(format!(
            "secret {name} exists in project {project} and {whose}: it is left alone"
        ))
        .with_help("name another Secret with --secret-name")),
    }
}

fn schedule(ctx: &Ctx, master: &Master, tenant: &Tenant) -> Outcome<Option<String>> {
    crate::interrupt::set_message(
        "the deletion may have been scheduled: run the same command again to finish",
    );
    match api(ctx)?.delete_tenant(&master.host, &master.token, tenant.id) {
        Ok(()) => Ok(Some("scheduled for deletion".into())),
        // Scheduled meanwhile, by someone else.
        Err(e) if e.status() == Some(404) => Ok(Some("scheduled for deletion already".into())),
        Err(e) => Err(api_failure(
            &format!("schedule the deletion of tenant {}", tenant.org_name),
            e,
        )),
    }
}

fn delete_secrets(ctx: &Ctx, tenant_id: u64) -> Outcome<Option<String>> {
    let selector = format!(
        "{}={},{TENANT_ID_LABEL}={tenant_id}",
        MANAGED_BY.0, MANAGED_BY.1
    );
    single_change(
        ctx.oc,
        &args::delete_labelled("secrets", &selector, ctx.project),
        None,
        || false,
    )
    .map(|_| None)
    .map_err(|e| change_failure("delete the tenant's secret", e, None))
}

impl fmt::Display for TenantAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TenantAction::ForgetLogin { store, login } => write!(
                f,
                "forget the login kept here of tenant {} (id {}), which master no longer has: {}",
                login.org_name,
                login.tenant_id.unwrap_or_default(),
                store.path_of(login).display()
            ),
            TenantAction::SignUp(s) => write!(
                f,
                "sign tenant {} up through the Master API on {} (admin {} <{}>, password {}), keeping its login in {}",
                s.org,
                s.master.host,
                s.username,
                s.email,
                s.password_origin,
                s.store.dir().display()
            ),
            TenantAction::KeepLogin { store, login } => write!(
                f,
                "keep the login of tenant {} in {}",
                login.org_name,
                store.path_of(login).display()
            ),
            TenantAction::ActivateAdmin(a) => match &a.user {
                Some(u) => write!(f, "activate admin user {} ({}), pending since the signup", u.username, u.email),
                None => write!(f, "activate admin user {}, pending after the signup", a.username),
            },
            TenantAction::WriteSecret { name, .. } => write!(
                f,
                "write secret {} (adminURL, token) in the install's project",
                name.as_deref().unwrap_or("tenant-SUBDOMAIN")
            ),
            TenantAction::ScheduleDeletion { tenant, .. } => write!(
                f,
                "schedule tenant {} (id {}) for deletion: its portals stop answering now, and 3scale deletes it with its users, products and developer accounts for good after 15 days; until then it can be resumed",
                tenant.org_name, tenant.id
            ),
            TenantAction::DeleteSecrets { tenant_id } => write!(
                f,
                "delete the Secrets written for tenant id {tenant_id} (label {TENANT_ID_LABEL}={tenant_id})"
            ),
        }
    }
}
