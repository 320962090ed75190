//! Decisions from what was observed, as pure functions: which tenant a name means, what
//! `create` does for an organization (the login kept here, a tenant of that name on master, or a
//! signup), and what its admin user needs.

use super::store::StoredTenant;
use crate::inputs::tenant::TenantRef;
use crate::threescale::{Tenant, User};

/// porta's impersonation admin, made in every tenant (`ThreeScale.config.impersonation_admin`).
pub(crate) const IMPERSONATION_ADMIN: &str = "3scaleadmin";

/// Why a name names no single tenant.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Unresolved {
    NoSuch,
    Several(Vec<Tenant>),
}

/// The tenant `reference` names among master's tenants: by id; else by organization name
/// (exactly), else by subdomain, else by a portal host (with or without `https://`).
pub(crate) fn resolve<'a>(
    reference: &TenantRef,
    tenants: &'a [Tenant],
) -> Result<&'a Tenant, Unresolved> {
    let matching: Vec<&Tenant> = match reference {
        TenantRef::Id(id) => tenants.iter().filter(|t| t.id == *id).collect(),
        TenantRef::Name(name) => {
            let host = name
                .trim_start_matches("https://")
                .trim_end_matches('/')
                .to_ascii_lowercase();
            let tiers: [&dyn Fn(&Tenant) -> bool; 3] = [
                &|t| t.org_name == *name,
                &|t| subdomain(t).as_deref() == Some(host.as_str()),
                &|t| {
                    t.admin_domain.as_deref() == Some(host.as_str())
                        || t.domain.as_deref() == Some(host.as_str())
                },
            ];
            tiers
                .iter()
                .map(|tier| tenants.iter().filter(|t| tier(t)).collect::<Vec<_>>())
                .find(|m| !m.is_empty())
                .unwrap_or_default()
        }
    };
    match matching.as_slice() {
        [] => Err(Unresolved::NoSuch),
        [one] => Ok(one),
        several => Err(Unresolved::Several(
            several.iter().map(|t| (*t).clone()).collect(),
        )),
    }
}

/// The tenant's subdomain: its developer portal host's first label.
pub(crate) fn subdomain(t: &Tenant) -> Option<String> {
    t.domain
        .as_deref()
        .and_then(|d| d.split('.').next())
        .map(str::to_string)
}

/// What `create` does for an organization.
#[derive(Debug, Clone)]
pub(crate) enum Create {
    /// The login kept here names a tenant master has: nothing is signed up again.
    Stored { tenant: Tenant, login: StoredTenant },
    /// Master has one tenant of that name, of which no login is kept here (it was made
    /// elsewhere, or the answer of this machine's signup was lost: `pending` then has the
    /// password that was sent).
    Adopt {
        tenant: Tenant,
        pending: Option<StoredTenant>,
    },
    /// No tenant of that name: sign it up (with the pending password, when an earlier run got
    /// that far). `stale`: a login kept here of a tenant deleted since. `scheduled`: tenants of
    /// that name waiting for their deletion.
    SignUp {
        pending: Option<StoredTenant>,
        stale: Option<StoredTenant>,
        scheduled: Vec<Tenant>,
    },
    /// The tenant of the login kept here is scheduled for deletion.
    Scheduled { tenant: Tenant, login: StoredTenant },
    /// Several tenants of that name, none of which this machine knows.
    Several(Vec<Tenant>),
}

impl Create {
    /// The tenant found on master, when there is one to go on with.
    pub(crate) fn found(&self) -> Option<&Tenant> {
        match self {
            Create::Stored { tenant, .. } | Create::Adopt { tenant, .. } => Some(tenant),
            _ => None,
        }
    }
}

pub(crate) fn create(org_name: &str, stored: &[StoredTenant], tenants: &[Tenant]) -> Create {
    let login = stored
        .iter()
        .find(|s| s.org_name == org_name && s.tenant_id.is_some());
    let pending = stored
        .iter()
        .find(|s| s.org_name == org_name && s.tenant_id.is_none())
        .cloned();
    let mut stale = None;
    if let Some(login) = login {
        match tenants.iter().find(|t| Some(t.id) == login.tenant_id) {
            Some(t) if t.scheduled_for_deletion() => {
                return Create::Scheduled {
                    tenant: t.clone(),
                    login: login.clone(),
                }
            }
            Some(t) => {
                return Create::Stored {
                    tenant: t.clone(),
                    login: login.clone(),
                }
            }
            None => stale = Some(login.clone()),
        }
    }
    let (scheduled, live): (Vec<&Tenant>, Vec<&Tenant>) = tenants
        .iter()
        .filter(|t| t.org_name == org_name)
        .partition(|t| t.scheduled_for_deletion());
    match live.as_slice() {
        [] => Create::SignUp {
            pending,
            stale,
            scheduled: scheduled.into_iter().cloned().collect(),
        },
        [one] => Create::Adopt {
            tenant: (*one).clone(),
            pending,
        },
        several => Create::Several(several.iter().map(|t| (*t).clone()).collect()),
    }
}

/// What the tenant's admin user needs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Admin {
    Active(User),
    /// Pending (as every user of an API signup starts): activate it.
    Activate(User),
    /// Suspended by someone: not changed here.
    Suspended(User),
    /// No admin of that username; the others' usernames.
    Missing(Vec<String>),
}

pub(crate) fn admin(users: &[User], username: &str) -> Admin {
    match users.iter().find(|u| u.username == username) {
        Some(u) if u.state == "active" => Admin::Active(u.clone()),
        Some(u) if u.state == "pending" => Admin::Activate(u.clone()),
        Some(u) => Admin::Suspended(u.clone()),
        None => Admin::Missing(
            users
                .iter()
                .filter(|u| u.username != IMPERSONATION_ADMIN)
                .map(|u| u.username.clone())
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(id: u64, org: &str, sub: &str, state: &str) -> Tenant {
        Tenant {
            id,
            org_name: org.into(),
            admin_domain: Some(format!("{sub}-admin.apps.x")),
            domain: Some(format!("{sub}.apps.x")),
            state: state.into(),
            deletion_date: None,
        }
    }

    fn login(org: &str, id: Option<u64>) -> StoredTenant {
        let store = super::super::store::Store::beside(
            std::path::Path::new("/c/credentials.yaml"),
            "s",
            "p",
        );
        let mut l = store.login(org, "admin-user", "a@b.example");
        l.tenant_id = id;
        l
    }

    #[test]
    fn names_resolve_by_id_org_name_subdomain_then_host() {
        let all = [
            t(2, "3scale", "3scale", "approved"),
            t(4, "ACME Corp", "acme-corp", "approved"),
            t(6, "ACME Corp", "acme-corp-2", "approved"),
            t(8, "acme-corp", "acme-corp-3", "approved"),
        ];
        let r = |s: &str| resolve(&TenantRef::parse(s).unwrap(), &all).map(|t| t.id);
        assert_eq!(r("4"), Ok(4));
        assert_eq!(r("99"), Err(Unresolved::NoSuch));
        assert!(matches!(r("ACME Corp"), Err(Unresolved::Several(s)) if s.len() == 2));
        // An exact organization name wins over a subdomain.
        assert_eq!(r("acme-corp"), Ok(8));
        assert_eq!(r("acme-corp-2"), Ok(6));
        assert_eq!(r("https://acme-corp-3-admin.apps.x/"), Ok(8));
        assert_eq!(r("3scale.apps.x"), Ok(2));
    }

    #[test]
    fn create_finds_the_tenant_first_and_never_makes_a_second() {
        let acme = t(4, "ACME Corp", "acme-corp", "approved");
        let gone = t(4, "ACME Corp", "acme-corp", "scheduled_for_deletion");
        let stored = [login("ACME Corp", Some(4))];
        assert!(
            matches!(create("ACME Corp", &stored, std::slice::from_ref(&acme)), Create::Stored { tenant, .. } if tenant.id == 4)
        );
        assert!(matches!(
            create("ACME Corp", &stored, std::slice::from_ref(&gone)),
            Create::Scheduled { .. }
        ));
        // Made elsewhere: adopted, not signed up again.
        assert!(matches!(
            create("ACME Corp", &[], std::slice::from_ref(&acme)),
            Create::Adopt { pending: None, .. }
        ));
        // An answer lost: the pending password goes with the tenant found.
        let pending = [login("ACME Corp", None)];
        assert!(matches!(
            create("ACME Corp", &pending, std::slice::from_ref(&acme)),
            Create::Adopt {
                pending: Some(_),
                ..
            }
        ));
        // Deleted for good since: signed up again, the stale login replaced.
        assert!(matches!(
            create("ACME Corp", &stored, &[]),
            Create::SignUp { stale: Some(_), .. }
        ));
        // Another of that name waits for its deletion: a new one is made, and it is said.
        assert!(
            matches!(create("ACME Corp", &[], std::slice::from_ref(&gone)), Create::SignUp { scheduled, .. } if scheduled.len() == 1)
        );
        let two = [acme.clone(), t(6, "ACME Corp", "acme-corp-2", "approved")];
        assert!(matches!(create("ACME Corp", &[], &two), Create::Several(s) if s.len() == 2));
        // The stored login decides between two of the same name.
        assert!(
            matches!(create("ACME Corp", &stored, &two), Create::Stored { tenant, .. } if tenant.id == 4)
        );
    }

    #[test]
    fn a_pending_admin_is_activated_and_others_left_alone() {
        let u = |name: &str, state: &str| User {
            id: 1,
            username: name.into(),
            email: String::new(),
            state: state.into(),
            role: "admin".into(),
        };
        assert!(matches!(
            admin(&[u("acme", "pending"), u("3scaleadmin", "active")], "acme"),
            Admin::Activate(_)
        ));
        assert!(matches!(
            admin(&[u("acme", "active")], "acme"),
            Admin::Active(_)
        ));
        assert!(matches!(
            admin(&[u("acme", "suspended")], "acme"),
            Admin::Suspended(_)
        ));
        assert_eq!(
            admin(&[u("other", "active"), u("3scaleadmin", "active")], "acme"),
            Admin::Missing(vec!["other".into()])
        );
    }
}
