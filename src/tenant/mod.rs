//! Tenants of an install, shared by the `tenant` subcommands: where their logins are kept
//! ([`store`]), which tenant a name means and what `create` decides to do ([`decide`]), zync's
//! routes of a tenant and the wait for them ([`routes`]), the 3scale operator's tenant Secret
//! ([`secret`]), and the questions of `create` ([`questions`]).
//!
//! 3scale's side goes through [`crate::threescale`] (the Master API on the master host, with the
//! install's `MASTER_ACCESS_TOKEN`); OpenShift's through [`crate::oc`].

pub(crate) mod action;
pub(crate) mod decide;
pub(crate) mod opened;
pub(crate) mod plan;
pub(crate) mod portal;
pub(crate) mod questions;
pub(crate) mod routes;
pub(crate) mod secret;
pub(crate) mod store;
pub(crate) mod summary;
pub(crate) mod view;

use crate::failure::{Failure, FailureKind};
use crate::http::Cause;
use crate::secrets::Secret;
use crate::threescale::ApiError;

/// The master portal of an install and the token its Master API takes.
#[derive(Debug, Clone)]
pub(crate) struct Master {
    pub(crate) host: String,
    pub(crate) token: Secret,
}

/// A failed call to 3scale: what was being done, what came back, what to try. A refusal of the
/// input (422) is the person's to fix (exit 2); anything else means 3scale does not answer as it
/// should (exit 6).
pub(crate) fn api_failure(doing: &str, e: ApiError) -> Failure {
    let (kind, help) = match &e {
        ApiError::Refused { status: 422, .. } => (
            FailureKind::Input,
            "change the values 3scale refused and run again; nothing was created".to_string(),
        ),
        ApiError::Refused { status: 401, .. } => (
            FailureKind::NotAnswering,
            "the master portal refused MASTER_ACCESS_TOKEN of secret system-seed: it was changed after the install, or the database holds an older install's".to_string(),
        ),
        ApiError::Refused { status: 403, .. } => (
            FailureKind::NotAnswering,
            "the token was refused for this call: MASTER_ACCESS_TOKEN needs the account_management scope with read and write permission".to_string(),
        ),
        ApiError::Refused { status: 503, .. } => (
            FailureKind::NotAnswering,
            "the router has no route for the master portal yet (zync creates it): `threescale-install status` shows the routes".to_string(),
        ),
        ApiError::Refused { status, .. } if *status >= 500 => (
            FailureKind::NotAnswering,
            "3scale answers with an error: see `oc logs dc/system-app`, then run again".to_string(),
        ),
        ApiError::Refused { .. } | ApiError::Unexpected { .. } => (
            FailureKind::NotAnswering,
            "something other than 3scale may answer for this host (a proxy, a login page): `threescale-install verify` checks the portals".to_string(),
        ),
        ApiError::Http(h) => (
            FailureKind::NotAnswering,
            match &h.cause {
                Cause::Dns => "the name does not resolve from this machine: point the wildcard DNS record at the router, or reach the host with --resolve HOST:ROUTER-ADDRESS (`threescale-install verify` shows the address)".to_string(),
                Cause::Tls(_) => "trust the CA of the router's certificate with --ca-file PATH, or skip the check with --insecure-skip-tls-verify".to_string(),
                Cause::Proxy(_) => "the proxy (HTTPS_PROXY) refused the host: check NO_PROXY and the proxy's rules".to_string(),
                _ => "nothing answered as it should on port 443: check that the router is reachable from here (VPN, firewall, proxy), then run again".to_string(),
            },
        ),
    };
    Failure::new(kind, anyhow::anyhow!("{e}"))
        .context(format!("could not {doing}"))
        .with_help(help)
}

/// A strong admin password: 24 characters of letters, digits and `-_.`, with each kind at least
/// once (what porta's strong-password rule asks, should the tenant turn it on), drawn from the
/// kernel's random source: about 140 bits.
pub(crate) fn strong_password() -> Secret {
    loop {
        let value = crate::templates::generate::value(
            "[a-zA-Z0-9._-]{24}",
            &mut crate::templates::generate::os_random,
        )
        .expect("the expression is in the generator's subset");
        let has = |f: fn(&char) -> bool| value.chars().any(|c| f(&c));
        if has(char::is_ascii_lowercase)
            && has(char::is_ascii_uppercase)
            && has(char::is_ascii_digit)
            && has(|c| "._-".contains(*c))
        {
            return Secret::new(value);
        }
    }
}

/// `https://HOST`.
pub(crate) fn url_of(host: &str) -> String {
    format!("https://{host}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords_are_strong_and_differ() {
        let a = strong_password();
        let b = strong_password();
        assert_ne!(a.expose(), b.expose());
        for p in [&a, &b] {
            assert_eq!(p.expose().len(), 24);
            assert!(crate::inputs::tenant::check_admin_password(p.expose()).is_ok());
        }
    }

    #[test]
    fn a_refusal_of_the_input_is_the_persons_to_fix() {
        let refused = |status| ApiError::Refused {
            request: "POST https://master.x/master/api/providers.json".into(),
            status,
            messages: vec!["user: Username is too short (minimum is 3 characters)".into()],
        };
        let f = api_failure("sign the tenant up", refused(422));
        assert_eq!(f.kind, FailureKind::Input);
        assert!(f.to_string().contains("Username is too short"), "{f}");
        assert_eq!(
            api_failure("x", refused(401)).kind,
            FailureKind::NotAnswering
        );
    }
}
