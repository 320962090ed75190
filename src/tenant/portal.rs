//! The admin portal a day-2 command of a tenant works on (`sso`, `users`): by default the
//! install's own tenant, its host (zync's route of `system-provider`, else
//! `<TENANT_NAME>-admin.<domain>`) and `ADMIN_ACCESS_TOKEN` of secret `system-seed`; or another
//! tenant whose login this machine keeps (`tenant create` keeps the token of a tenant it signs
//! up). The token's own user is named: 3scale refuses to demote or delete it, and suspending it
//! would lock this machine out.

use super::api_failure;
use super::opened::{find, Opened};
use crate::engine::session::Session;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::inputs::portal::PortalQuery;
use crate::inputs::tenant::TenantRef;
use crate::secrets::Secret;
use crate::threescale::ApiError;

/// One tenant's admin portal and the token its Account Management API takes.
#[derive(Debug, Clone)]
pub(crate) struct AdminPortal {
    pub(crate) host: String,
    pub(crate) token: Secret,
    /// The tenant's organization name (the default tenant's `TENANT_NAME`).
    pub(crate) tenant: String,
    /// Who the token belongs to.
    pub(crate) owner: String,
    /// The install's own tenant.
    pub(crate) default: bool,
}

/// The install opened, and the admin portal `query` names.
pub(crate) fn open(session: &Session, query: &PortalQuery) -> Outcome<(Opened, AdminPortal)> {
    let opened = super::opened::open(session, &query.project)?;
    let portal = admin_portal(session, &opened, query.tenant.as_ref())?;
    Ok((opened, portal))
}

/// The admin portal `tenant` names (the install's own when `None`).
pub(crate) fn admin_portal(
    session: &Session,
    opened: &Opened,
    tenant: Option<&TenantRef>,
) -> Outcome<AdminPortal> {
    let creds = opened.install.credentials(&session.redactor)?;
    let own = || AdminPortal {
        host: opened.default_admin.clone(),
        token: creds.admin_access_token.clone(),
        tenant: creds.tenant_name.clone(),
        owner: creds.admin_user.clone(),
        default: true,
    };
    let Some(reference) = tenant else {
        return Ok(own());
    };
    let found = find(opened, reference)?;
    if opened.is_default(&found) {
        return Ok(own());
    }
    let login = opened
        .store
        .all(&session.redactor)
        .into_iter()
        .find(|l| l.tenant_id == Some(found.id));
    let (Some(login), Some(host)) = (login, found.admin_domain.clone()) else {
        return Err(no_token(opened, &found.org_name, found.id));
    };
    let Some(token) = login.access_token.clone() else {
        return Err(no_token(opened, &found.org_name, found.id));
    };
    Ok(AdminPortal {
        host,
        token,
        tenant: found.org_name,
        owner: login.user,
        default: false,
    })
}

fn no_token(opened: &Opened, org: &str, id: u64) -> Failure {
    Failure::input(format!(
        "no access token of tenant {org} (id {id}) is known on this machine: its admin portal cannot be reached without one"
    ))
    .with_help(format!(
        "`threescale-install tenant create` keeps the token of a tenant it signs up, in {} (mode 0600); a tenant made elsewhere, or whose signup answer was lost, has none here: run the command where the tenant was created",
        opened.store.dir().display()
    ))
}

impl AdminPortal {
    /// Where the token comes from, in words.
    pub(crate) fn token_origin(&self) -> String {
        if self.default {
            format!(
                "ADMIN_ACCESS_TOKEN of secret {} (user {})",
                crate::install::credentials::SEED_SECRET,
                self.owner
            )
        } else {
            format!(
                "the token kept here for tenant {} (user {})",
                self.tenant, self.owner
            )
        }
    }

    /// A failed call to this admin portal: a refusal of the input (422) is the person's to fix
    /// (exit 2), a refused token says whose it is; anything else means 3scale does not answer
    /// as it should (exit 6).
    pub(crate) fn failure(&self, doing: &str, e: ApiError) -> Failure {
        match &e {
            ApiError::Refused { status: 403, .. } => {
                Failure::new(FailureKind::NotAnswering, anyhow::anyhow!("{e}"))
                    .context(format!("could not {doing}"))
                    .with_help(format!(
                        "the admin portal {} refused {}: it needs an admin user's token with the account_management scope, read and write",
                        self.host,
                        self.token_origin()
                    ))
            }
            _ => api_failure(doing, e),
        }
    }
}
