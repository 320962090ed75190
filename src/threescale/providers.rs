//! Admin-portal single sign-on through the Account Management API on a tenant's admin host:
//! `/admin/api/account/authentication_providers` (porta 2.8's
//! `Admin::Api::Account::AuthenticationProvidersController`). There is no DELETE, and
//! `change_published` has no action: publishing is an update of `published`. Every answer
//! echoes the client secret, so each one is registered with the redactor as it is read.

use super::{Api, ApiError};
use crate::http::{Method, Request};
use crate::secrets::Secret;
use serde_json::Value;

const PATH: &str = "/admin/api/account/authentication_providers";

/// One SSO integration of an admin portal.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AuthProvider {
    pub(crate) id: u64,
    /// `keycloak` (Red Hat Single Sign-On) or `auth0`.
    pub(crate) kind: String,
    pub(crate) name: String,
    pub(crate) system_name: String,
    pub(crate) client_id: String,
    pub(crate) client_secret: Secret,
    /// The realm URL of a `keycloak` provider.
    pub(crate) site: Option<String>,
    pub(crate) skip_ssl_certificate_verification: bool,
    pub(crate) published: bool,
    /// Where 3scale sends people back after the login: on the host the API was called through.
    pub(crate) callback_url: Option<String>,
}

/// The fields a create or an update sends (`None`: not sent, kept as they are).
#[derive(Debug, Clone, Default)]
pub(crate) struct ProviderFields<'a> {
    pub(crate) client_id: Option<&'a str>,
    pub(crate) client_secret: Option<&'a Secret>,
    pub(crate) site: Option<&'a str>,
    pub(crate) published: Option<bool>,
}

impl Api<'_> {
    /// The admin portal's SSO integrations.
    pub(crate) fn auth_providers(
        &self,
        host: &str,
        token: &Secret,
    ) -> Result<Vec<AuthProvider>, ApiError> {
        let path = format!("{PATH}.json");
        let doc = self.call(Request::get(host, &path).token(token))?;
        let items = doc["authentication_providers"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        items
            .iter()
            .map(|item| self.provider(host, &path, &item["authentication_provider"]))
            .collect()
    }

    /// Creates an integration of `kind` named `name`, with the `system_name` its callback URL
    /// is made of.
    pub(crate) fn create_auth_provider(
        &self,
        host: &str,
        token: &Secret,
        kind: &str,
        name: &str,
        system_name: &str,
        fields: &ProviderFields,
    ) -> Result<AuthProvider, ApiError> {
        let path = format!("{PATH}.json");
        let req = Request::with(Method::Post, host, &path)
            .token(token)
            .field("kind", kind)
            .field("name", name)
            .field("system_name", system_name);
        let published = fields.published.map(bool_text);
        let doc = self.call(with_fields(req, fields, published))?;
        self.provider(host, &path, &doc["authentication_provider"])
    }

    /// Changes what `fields` names (`kind`, `name` and `system_name` cannot change). Refused
    /// (403) for a published integration while the admin portal enforces SSO.
    pub(crate) fn update_auth_provider(
        &self,
        host: &str,
        token: &Secret,
        id: u64,
        fields: &ProviderFields,
    ) -> Result<AuthProvider, ApiError> {
        let path = format!("{PATH}/{id}.json");
        let req = Request::with(Method::Put, host, &path).token(token);
        let published = fields.published.map(bool_text);
        let doc = self.call(with_fields(req, fields, published))?;
        self.provider(host, &path, &doc["authentication_provider"])
    }

    /// One integration of an answer, its secret registered first.
    fn provider(&self, host: &str, path: &str, v: &Value) -> Result<AuthProvider, ApiError> {
        let text = |k: &str| v[k].as_str().map(str::to_string);
        let secret = Secret::new(text("client_secret").unwrap_or_default());
        let system_name = text("system_name").unwrap_or_default();
        self.http.register(
            &format!("client secret of SSO integration {system_name}"),
            &secret,
        );
        let id = v["id"].as_u64().ok_or_else(|| ApiError::Unexpected {
            request: format!("https://{host}{path}"),
            what: "an SSO integration without an id".into(),
        })?;
        Ok(AuthProvider {
            id,
            kind: text("kind").unwrap_or_default(),
            name: text("name").unwrap_or_default(),
            system_name,
            client_id: text("client_id").unwrap_or_default(),
            client_secret: secret,
            site: text("site"),
            skip_ssl_certificate_verification: v["skip_ssl_certificate_verification"]
                .as_bool()
                .unwrap_or(false),
            published: v["published"].as_bool().unwrap_or(false),
            callback_url: text("callback_url"),
        })
    }
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

fn with_fields<'a>(
    mut req: Request<'a>,
    fields: &ProviderFields<'a>,
    published: Option<&'static str>,
) -> Request<'a> {
    if let Some(v) = fields.client_id {
        req = req.field("client_id", v);
    }
    if let Some(v) = fields.client_secret {
        req = req.secret_field("client_secret", v);
    }
    if let Some(v) = fields.site {
        req = req.field("site", v);
    }
    if let Some(v) = published {
        req = req.field("published", v);
    }
    req
}
