//! 3scale's own APIs, as porta 2.8 answers them: the Account Management API on a tenant's admin
//! host (products, personal access tokens), and the Master API on the master host (tenants,
//! their users). Requests go through [`crate::http`] (tokens in basic auth, fields in the body);
//! answers are read into small types, and refusals into errors that carry porta's own messages.

use crate::http::{Http, HttpError, Method, Request, Response};
use crate::secrets::Secret;
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

mod portal_users;
mod providers;

pub(crate) use portal_users::Access;
pub(crate) use providers::{AuthProvider, ProviderFields};

/// Why a call to 3scale failed.
#[derive(Debug)]
pub(crate) enum ApiError {
    /// No answer (DNS, TLS, connection, timeout...).
    Http(HttpError),
    /// An answer that is a refusal: the status, and porta's messages (per field for a 422).
    Refused {
        request: String,
        status: u16,
        messages: Vec<String>,
    },
    /// An answer that is not what porta sends (HTML from a router, cut JSON).
    Unexpected { request: String, what: String },
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Http(e) => write!(f, "{e}"),
            ApiError::Refused {
                request,
                status,
                messages,
            } => {
                write!(f, "`{request}` answered {status}")?;
                if !messages.is_empty() {
                    write!(f, ": {}", messages.join("; "))?;
                }
                Ok(())
            }
            ApiError::Unexpected { request, what } => write!(f, "`{request}`: {what}"),
        }
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// The same error with every secret known to the run masked in what the answer said (porta
    /// echoes a provider's client secret, for one).
    fn redacted(self, http: &Http) -> ApiError {
        match self {
            ApiError::Refused {
                request,
                status,
                messages,
            } => ApiError::Refused {
                request,
                status,
                messages: messages.iter().map(|m| http.redact(m)).collect(),
            },
            ApiError::Unexpected { request, what } => ApiError::Unexpected {
                request,
                what: http.redact(&what),
            },
            other => other,
        }
    }

    pub(crate) fn status(&self) -> Option<u16> {
        match self {
            ApiError::Refused { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// A product (porta's "service").
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Product {
    pub(crate) id: u64,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) system_name: String,
}

/// A product's proxy settings: where its gateways serve it.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ProxySettings {
    #[serde(default)]
    pub(crate) endpoint: Option<String>,
    #[serde(default)]
    pub(crate) sandbox_endpoint: Option<String>,
    #[serde(default)]
    pub(crate) deployment_option: Option<String>,
}

/// A personal access token; `value` only when it was just created.
#[derive(Debug, Clone)]
pub(crate) struct AccessToken {
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) value: Option<Secret>,
}

/// A tenant (a provider account of master). `admin_domain` and `domain` are the hosts of its
/// admin and developer portals; master's own account has the same host for both.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct Tenant {
    pub(crate) id: u64,
    #[serde(default)]
    pub(crate) org_name: String,
    #[serde(default)]
    pub(crate) admin_domain: Option<String>,
    #[serde(default)]
    pub(crate) domain: Option<String>,
    /// `approved`, `suspended`, `scheduled_for_deletion`, ...
    #[serde(default)]
    pub(crate) state: String,
    /// When a tenant scheduled for deletion is deleted for good.
    #[serde(default)]
    pub(crate) deletion_date: Option<String>,
}

impl Tenant {
    /// Master's own account: one host for both portals (zync tells it the same way).
    pub(crate) fn is_master(&self) -> bool {
        self.admin_domain.is_some() && self.admin_domain == self.domain
    }

    pub(crate) fn scheduled_for_deletion(&self) -> bool {
        self.state == SCHEDULED_FOR_DELETION
    }
}

pub(crate) const SCHEDULED_FOR_DELETION: &str = "scheduled_for_deletion";

/// Accounts asked for per page of master's list (porta allows 1 to 500).
pub(crate) const ACCOUNTS_PER_PAGE: u32 = 100;

/// What a signup returns: the tenant and its only token, shown this once.
#[derive(Debug)]
pub(crate) struct Signup {
    pub(crate) tenant: Tenant,
    pub(crate) token: Secret,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct User {
    pub(crate) id: u64,
    #[serde(default)]
    pub(crate) username: String,
    #[serde(default)]
    pub(crate) email: String,
    #[serde(default)]
    pub(crate) state: String,
    #[serde(default)]
    pub(crate) role: String,
}

/// The APIs of one install, through one `Http`.
pub(crate) struct Api<'a> {
    pub(crate) http: &'a Http,
}

impl Api<'_> {
    fn call(&self, req: Request) -> Result<Value, ApiError> {
        let shown = format!("{} https://{}{}", req.method.text(), req.host, req.path);
        let resp = self.http.send(&req).map_err(ApiError::Http)?;
        read(&shown, resp).map_err(|e| e.redacted(self.http))
    }

    /// The products of the tenant whose admin host this is.
    pub(crate) fn products(&self, host: &str, token: &Secret) -> Result<Vec<Product>, ApiError> {
        let doc = self.call(Request::get(host, "/admin/api/services.json").token(token))?;
        Ok(doc["services"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| serde_json::from_value(s["service"].clone()).ok())
            .collect())
    }

    pub(crate) fn proxy_settings(
        &self,
        host: &str,
        token: &Secret,
        product: u64,
    ) -> Result<ProxySettings, ApiError> {
        let path = format!("/admin/api/services/{product}/proxy.json");
        let doc = self.call(Request::get(host, &path).token(token))?;
        serde_json::from_value(doc["proxy"].clone()).map_err(|e| ApiError::Unexpected {
            request: format!("GET https://{host}{path}"),
            what: format!("no proxy settings: {e}"),
        })
    }

    /// Mints a personal access token of the token's own user.
    pub(crate) fn create_access_token(
        &self,
        host: &str,
        token: &Secret,
        name: &str,
        permission: &str,
        scopes: &[&str],
    ) -> Result<AccessToken, ApiError> {
        let mut req = Request::with(Method::Post, host, "/admin/api/personal/access_tokens.json")
            .token(token)
            .field("name", name)
            .field("permission", permission);
        for s in scopes {
            req = req.field("scopes[]", s);
        }
        let doc = self.call(req)?;
        let t = &doc["access_token"];
        let value = t["value"].as_str().map(Secret::new);
        if let Some(v) = &value {
            self.http.register(&format!("access token {name}"), v);
        }
        Ok(AccessToken {
            id: t["id"].as_u64().unwrap_or(0),
            name: t["name"].as_str().unwrap_or(name).to_string(),
            value,
        })
    }

    /// The personal access tokens of the token's user.
    pub(crate) fn access_tokens(
        &self,
        host: &str,
        token: &Secret,
    ) -> Result<Vec<AccessToken>, ApiError> {
        let doc =
            self.call(Request::get(host, "/admin/api/personal/access_tokens.json").token(token))?;
        Ok(doc["access_tokens"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| {
                let t = if t.get("access_token").is_some() {
                    &t["access_token"]
                } else {
                    t
                };
                AccessToken {
                    id: t["id"].as_u64().unwrap_or(0),
                    name: t["name"].as_str().unwrap_or_default().to_string(),
                    value: None,
                }
            })
            .collect())
    }

    pub(crate) fn delete_access_token(
        &self,
        host: &str,
        token: &Secret,
        id: u64,
    ) -> Result<(), ApiError> {
        let path = format!("/admin/api/personal/access_tokens/{id}.json");
        self.call(Request::with(Method::Delete, host, &path).token(token))
            .map(|_| ())
    }

    /// Signs a tenant up through the Master API.
    pub(crate) fn signup(
        &self,
        master: &str,
        token: &Secret,
        org_name: &str,
        username: &str,
        email: &str,
        password: &Secret,
    ) -> Result<Signup, ApiError> {
        let doc = self.call(
            Request::with(Method::Post, master, "/master/api/providers.json")
                .token(token)
                .field("org_name", org_name)
                .field("username", username)
                .field("email", email)
                .secret_field("password", password),
        )?;
        let signup = &doc["signup"];
        let tenant: Tenant = serde_json::from_value(signup["account"].clone()).map_err(|e| {
            ApiError::Unexpected {
                request: format!("POST https://{master}/master/api/providers.json"),
                what: format!("no account in the signup: {e}"),
            }
        })?;
        let value =
            signup["access_token"]["value"]
                .as_str()
                .ok_or_else(|| ApiError::Unexpected {
                    request: format!("POST https://{master}/master/api/providers.json"),
                    what: "no access token in the signup".into(),
                })?;
        let token = Secret::new(value);
        self.http
            .register(&format!("access token of tenant {org_name}"), &token);
        Ok(Signup { tenant, token })
    }

    /// A tenant by id (also while scheduled for deletion); `None` when master has none of it.
    pub(crate) fn tenant(
        &self,
        master: &str,
        token: &Secret,
        id: u64,
    ) -> Result<Option<Tenant>, ApiError> {
        let path = format!("/master/api/providers/{id}.json");
        let doc = match self.call(Request::get(master, &path).token(token)) {
            Err(e) if e.status() == Some(404) => return Ok(None),
            other => other?,
        };
        // `Signup::ResultWithAccessToken`'s representer: {"signup": {"account": {...}}}.
        serde_json::from_value(doc["signup"]["account"].clone())
            .map(Some)
            .map_err(|e| ApiError::Unexpected {
                request: format!("GET https://{master}{path}"),
                what: format!("no account in the answer: {e}"),
            })
    }

    /// Schedules the tenant's deletion (porta keeps it 15 days; `resume` undoes it).
    pub(crate) fn delete_tenant(
        &self,
        master: &str,
        token: &Secret,
        id: u64,
    ) -> Result<(), ApiError> {
        self.call(
            Request::with(
                Method::Delete,
                master,
                &format!("/master/api/providers/{id}.json"),
            )
            .token(token),
        )
        .map(|_| ())
    }

    /// Every tenant of master, page after page (master's own account left out).
    pub(crate) fn tenants(&self, master: &str, token: &Secret) -> Result<Vec<Tenant>, ApiError> {
        let mut out = Vec::new();
        for page in 1.. {
            let accounts = self.accounts(master, token, page, ACCOUNTS_PER_PAGE)?;
            let full = accounts.len() >= ACCOUNTS_PER_PAGE as usize;
            for a in accounts {
                let tenant: Tenant =
                    serde_json::from_value(a).map_err(|e| ApiError::Unexpected {
                        request: format!("GET https://{master}/admin/api/accounts.json"),
                        what: format!("an account that is not one: {e}"),
                    })?;
                if !tenant.is_master() && !out.iter().any(|t: &Tenant| t.id == tenant.id) {
                    out.push(tenant);
                }
            }
            if !full {
                break;
            }
        }
        Ok(out)
    }

    /// One page of master's accounts (the tenants and master itself).
    pub(crate) fn accounts(
        &self,
        master: &str,
        token: &Secret,
        page: u32,
        per_page: u32,
    ) -> Result<Vec<Value>, ApiError> {
        let path = format!("/admin/api/accounts.json?page={page}&per_page={per_page}");
        let doc = self.call(Request::get(master, &path).token(token))?;
        Ok(doc["accounts"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| a.get("account").cloned().unwrap_or_else(|| a.clone()))
            .collect())
    }

    pub(crate) fn admins(
        &self,
        master: &str,
        token: &Secret,
        account: u64,
    ) -> Result<Vec<User>, ApiError> {
        let path = format!("/admin/api/accounts/{account}/users.json?role=admin");
        let doc = self.call(Request::get(master, &path).token(token))?;
        Ok(doc["users"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|u| {
                serde_json::from_value(u.get("user").cloned().unwrap_or_else(|| u.clone())).ok()
            })
            .collect())
    }

    pub(crate) fn activate(
        &self,
        master: &str,
        token: &Secret,
        account: u64,
        user: u64,
    ) -> Result<(), ApiError> {
        let path = format!("/admin/api/accounts/{account}/users/{user}/activate.json");
        self.call(Request::with(Method::Put, master, &path).token(token))
            .map(|_| ())
    }
}

/// An answer as JSON, or the refusal with porta's messages.
fn read(request: &str, resp: Response) -> Result<Value, ApiError> {
    if (200..300).contains(&resp.status) {
        if resp.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Value::Null);
        }
        return resp.json().map_err(|what| ApiError::Unexpected {
            request: request.to_string(),
            what,
        });
    }
    Err(ApiError::Refused {
        request: request.to_string(),
        status: resp.status,
        messages: messages(&resp),
    })
}

/// porta's error messages: `{"error": "..."}`, `{"errors": {"field": ["..."]}}` (422, per
/// model: account, user), or the first bytes of anything else.
fn messages(resp: &Response) -> Vec<String> {
    let Ok(doc) = serde_json::from_slice::<Value>(&resp.body) else {
        let text = crate::http::first_bytes(&resp.body);
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![text]
        };
    };
    if let Some(e) = doc["error"].as_str() {
        return vec![e.to_string()];
    }
    // `ErrorHandling#handle_not_found`: {"status": "Not found"}.
    if let Some(s) = doc["status"].as_str() {
        return vec![s.to_string()];
    }
    let mut out = Vec::new();
    collect(&doc["errors"], "", &mut out);
    if out.is_empty() {
        out.push(crate::http::first_bytes(&resp.body));
    }
    out
}

fn collect(v: &Value, prefix: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let name = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                collect(child, &name, out);
            }
        }
        Value::Array(items) => {
            for i in items {
                match i.as_str() {
                    Some(m) if prefix.is_empty() => out.push(m.to_string()),
                    Some(m) => out.push(format!("{prefix}: {m}")),
                    None => collect(i, prefix, out),
                }
            }
        }
        Value::String(m) => out.push(if prefix.is_empty() {
            m.clone()
        } else {
            format!("{prefix}: {m}")
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> Response {
        Response {
            status,
            location: None,
            content_type: "application/json".into(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn porta_refusals_keep_their_messages() {
        let e = read("POST x", resp(422, r#"{"errors":{"account":["Domain can't be blank"],"user":{"username":["is too short (minimum is 3 characters)"]}}}"#)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "`POST x` answered 422: account: Domain can't be blank; user.username: is too short (minimum is 3 characters)"
        );
        let e = read("GET y", resp(403, r#"{"error":"Access denied"}"#)).unwrap_err();
        assert_eq!(e.status(), Some(403));
        assert!(e.to_string().ends_with("Access denied"));
        let e = read("GET z", resp(401, "unauthorized")).unwrap_err();
        assert!(e.to_string().ends_with("unauthorized"));
        assert!(matches!(
            read("GET h", resp(200, "<html>login</html>")),
            Err(ApiError::Unexpected { .. })
        ));
    }
}
