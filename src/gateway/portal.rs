//! The gateway's side of 3scale: the install's admin portal (zync's route, else the tenant's
//! name and the domain), the check of a token by the request the gateway itself makes
//! (`GET /admin/api/services.json`), and the products whose public base URL for the gateway's
//! environment matches none of its hosts.

use super::settings::Environment;
use crate::install::credentials::Credentials;
use crate::secrets::Secret;
use crate::threescale::{Api, ApiError};
use serde::Serialize;
use serde_json::Value;

/// The admin portal's host: the route zync made for `system-provider`, else
/// `<tenant>-admin.<domain>`; `None` when neither is known.
pub(crate) fn admin_host(
    install_objects: &[Value],
    creds: &Credentials,
    domain: &str,
) -> Option<String> {
    install_objects
        .iter()
        .find(|o| {
            o["kind"] == "Route"
                && o["metadata"]["labels"]["zync.3scale.net/route-to"] == "system-provider"
        })
        .and_then(|r| r["spec"]["host"].as_str())
        .map(str::to_string)
        .or_else(|| {
            (!domain.is_empty()).then(|| {
                creds
                    .admin_portal(domain)
                    .trim_start_matches("https://")
                    .to_string()
            })
        })
}

/// How 3scale answered the gateway's own request with a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenCheck {
    /// 200: the number of products listed.
    Works(usize),
    /// 3scale answered, and refused: its status and messages.
    Refused(String),
    /// No answer (DNS, TLS, connection): nothing is known of the token.
    Unreachable(String),
}

impl TokenCheck {
    /// For the plan: the products listed, or the refusal; `None` when 3scale did not answer.
    pub(crate) fn verdict(&self) -> Option<Result<usize, String>> {
        match self {
            TokenCheck::Works(n) => Some(Ok(*n)),
            TokenCheck::Refused(why) => Some(Err(why.clone())),
            TokenCheck::Unreachable(_) => None,
        }
    }

    pub(crate) fn works(&self) -> Option<bool> {
        match self {
            TokenCheck::Works(_) => Some(true),
            TokenCheck::Refused(_) => Some(false),
            TokenCheck::Unreachable(_) => None,
        }
    }

    pub(crate) fn text(&self) -> String {
        match self {
            TokenCheck::Works(n) => format!("works ({n} product(s) listed)"),
            TokenCheck::Refused(why) => format!("refused: {why}"),
            TokenCheck::Unreachable(why) => format!("not checked: {why}"),
        }
    }
}

/// `GET /admin/api/services.json` on the admin portal with `token`: what the gateway fetches
/// first.
pub(crate) fn check_token(api: &Api, host: &str, token: &Secret) -> TokenCheck {
    match api.products(host, token) {
        Ok(products) => TokenCheck::Works(products.len()),
        Err(ApiError::Http(e)) => TokenCheck::Unreachable(e.to_string()),
        Err(ApiError::Refused {
            status, messages, ..
        }) => TokenCheck::Refused(
            format!("{status} {}", messages.join("; "))
                .trim()
                .to_string(),
        ),
        Err(e) => TokenCheck::Refused(e.to_string()),
    }
}

/// A product whose public base URL for the gateway's environment matches none of its hosts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Unmatched {
    pub(crate) id: u64,
    pub(crate) name: String,
    /// The public base URL of the environment (`endpoint`, or `sandbox_endpoint` for staging).
    pub(crate) public_base_url: Option<String>,
    /// `hosted` or `self_managed`.
    pub(crate) deployment_option: Option<String>,
}

/// The host of a URL: `https://api.example.com:443/x` → `api.example.com`.
pub(crate) fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split('/').next().unwrap_or(rest);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    authority.split(':').next().unwrap_or(authority)
}

/// The products (of the token's tenant) none of whose public base URL for `environment` is on
/// one of `hosts`.
pub(crate) fn unmatched(
    api: &Api,
    host: &str,
    token: &Secret,
    environment: Environment,
    hosts: &[String],
) -> Result<Vec<Unmatched>, ApiError> {
    let mut out = Vec::new();
    for product in api.products(host, token)? {
        let proxy = api.proxy_settings(host, token, product.id)?;
        let url = match environment {
            Environment::Staging => proxy.sandbox_endpoint,
            Environment::Production => proxy.endpoint,
        };
        let matched = url
            .as_deref()
            .is_some_and(|u| hosts.iter().any(|h| host_of(u).eq_ignore_ascii_case(h)));
        if !matched {
            out.push(Unmatched {
                id: product.id,
                name: product.name,
                public_base_url: url,
                deployment_option: proxy.deployment_option,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_public_base_urls() {
        assert_eq!(
            host_of("https://api.eu.example.com:443"),
            "api.eu.example.com"
        );
        assert_eq!(host_of("https://api.example.com/v1"), "api.example.com");
        assert_eq!(host_of("api.example.com"), "api.example.com");
    }
}
