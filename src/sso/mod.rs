//! Single sign-on to a tenant's admin portal with Red Hat SSO (3scale 2.8 offers Red Hat SSO
//! and Auth0 there; OpenShift OAuth serves service discovery only): the realm checked from here
//! ([`realm`]), the admin portal's users checked against the realm's e-mails ([`people`]), the
//! pure plans of `sso add` and `sso remove` ([`plan`]), their changes ([`action`]) and what is
//! printed ([`summary`]).
//!
//! 3scale's side goes through [`crate::threescale`] on the tenant's public admin host (the
//! callback URL 3scale computes is on the host it is called through); Red Hat SSO's through
//! [`crate::keycloak`].

pub(crate) mod action;
pub(crate) mod people;
pub(crate) mod plan;
pub(crate) mod realm;
pub(crate) mod summary;

use crate::keycloak::{Admin, Realm};
use crate::secrets::Secret;

/// The integration's name when none is given: porta's own for Red Hat SSO.
pub(crate) const DEFAULT_NAME: &str = "Red Hat Single Sign-On";
/// Its system name then: the last part of its callback URL.
pub(crate) const DEFAULT_SYSTEM_NAME: &str = "rhsso";
/// porta's `kind` of a Red Hat SSO integration.
pub(crate) const KIND: &str = "keycloak";

/// What `sso add` is asked for.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    pub(crate) realm: Realm,
    pub(crate) client_id: String,
    pub(crate) client_secret: Secret,
    pub(crate) name: String,
    pub(crate) system_name: String,
    pub(crate) publish: bool,
    /// `--create-client`: the client is created or updated in the realm.
    pub(crate) create_client: bool,
    /// A Red Hat SSO administrator: for the client, and to read the realm's users.
    pub(crate) admin: Option<Admin>,
}

/// The system name of an integration named `name` (`None`, or the default name: `rhsso`), as
/// porta would make it (`name.parameterize.underscore`), so that the callback URL is known before
/// it exists and a second run finds it.
pub(crate) fn system_name(name: Option<&str>) -> Result<String, String> {
    let Some(name) = name.filter(|n| n.trim() != DEFAULT_NAME) else {
        return Ok(DEFAULT_SYSTEM_NAME.to_string());
    };
    if name.trim().is_empty() {
        return Err("it is empty".into());
    }
    if name.chars().count() > 255 {
        return Err("it is longer than the 255 characters 3scale allows".into());
    }
    let made = crate::names::parameterize(name).replace('-', "_");
    if made.len() < 2 {
        return Err(format!(
            "3scale names the integration (and its callback URL) from its letters and digits, and '{name}' gives '{made}': use a name with at least two of them"
        ));
    }
    Ok(made)
}

/// The URLs of an integration on an admin portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Urls {
    /// Where Red Hat SSO sends people back after a login: the redirect URI its client needs.
    pub(crate) callback: String,
    /// The same for the admin portal's "Test authentication flow".
    pub(crate) test_callback: String,
    /// Starts a login with this integration, published or not.
    pub(crate) bounce: String,
    /// The admin portal's page of SSO integrations (where enforcing and deleting are done).
    pub(crate) page: String,
}

impl Urls {
    pub(crate) fn of(admin_host: &str, system_name: &str) -> Urls {
        Urls {
            callback: format!("https://{admin_host}/auth/{system_name}/callback"),
            test_callback: format!("https://{admin_host}/p/admin/account/callback/{system_name}"),
            bounce: format!("https://{admin_host}/auth/{system_name}/bounce"),
            page: format!("https://{admin_host}/p/admin/account/authentication_providers"),
        }
    }

    /// The redirect URIs the client needs: the login's, and the flow test's (enforcing SSO
    /// needs a test within the hour).
    pub(crate) fn redirect_uris(&self) -> Vec<String> {
        vec![self.callback.clone(), self.test_callback.clone()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_names_as_porta_makes_them() {
        assert_eq!(system_name(None).unwrap(), "rhsso");
        assert_eq!(
            system_name(Some(DEFAULT_NAME)).unwrap(),
            "rhsso",
            "the default, given"
        );
        assert_eq!(system_name(Some("Red Hat SSO")).unwrap(), "red_hat_sso");
        assert_eq!(system_name(Some("corp-sso")).unwrap(), "corp_sso");
        assert!(system_name(Some("!")).is_err());
        assert!(system_name(Some(" ")).is_err());
        let u = Urls::of("3scale-admin.apps.example.com", "rhsso");
        assert_eq!(
            u.callback,
            "https://3scale-admin.apps.example.com/auth/rhsso/callback"
        );
        assert_eq!(
            u.redirect_uris()[1],
            "https://3scale-admin.apps.example.com/p/admin/account/callback/rhsso"
        );
    }
}
