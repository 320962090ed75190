//! Red Hat SSO (RH-SSO 7.4–7.6: Keycloak 9, 15, 18, under `/auth`) as `sso add` uses it,
//! through [`crate::http`] only: a realm's OIDC discovery document and whether its endpoints
//! answer, an administrator's token (`admin-cli` password grant), and the admin REST API's
//! clients and users. Tokens go as `Authorization: Bearer`; the password only in a form body;
//! a client's secret only in a JSON body. The master realm's tokens live 60 seconds: each
//! change gets its own.

use crate::http::{Http, HttpError, Method, Request, Response};
use crate::secrets::Secret;
use serde_json::{json, Value};
use std::fmt;

/// A realm, from its URL: `https://HOST[:PORT]/auth/realms/NAME` (what 3scale calls `site`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Realm {
    /// The URL without a trailing `/`.
    pub(crate) url: String,
    /// `HOST[:PORT]`.
    pub(crate) host: String,
    /// The context path before `/realms` (`/auth` on RH-SSO 7), without a trailing `/`.
    pub(crate) base: String,
    pub(crate) name: String,
}

impl Realm {
    /// Reads a realm URL; the error says what is wrong with it and how it looks.
    pub(crate) fn parse(text: &str) -> Result<Realm, String> {
        let example = "https://sso.example.com/auth/realms/3scale";
        let text = text.trim();
        if text.chars().any(char::is_whitespace) {
            return Err("it holds white space".into());
        }
        let Some(rest) = text.strip_prefix("https://") else {
            return Err(format!(
                "it is not an https:// URL: the client secret goes to it from 3scale; e.g. {example}"
            ));
        };
        if rest.contains(['?', '#', '@']) {
            return Err(format!(
                "it holds a query, a fragment or a login; give the realm's URL alone, e.g. {example}"
            ));
        }
        let rest = rest.trim_end_matches('/');
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if host.is_empty() {
            return Err(format!("it names no host; e.g. {example}"));
        }
        let segments: Vec<&str> = path.split('/').collect();
        let n = segments.len();
        if n < 2 || segments[n - 2] != "realms" || segments[n - 1].is_empty() {
            return Err(format!(
                "it does not end in /realms/NAME, as the realm's URL does (the issuer of its /.well-known/openid-configuration); e.g. {example}"
            ));
        }
        let base = segments[..n - 2].join("/");
        Ok(Realm {
            url: format!("https://{host}/{path}"),
            host: host.to_string(),
            base: if base.is_empty() {
                String::new()
            } else {
                format!("/{base}")
            },
            name: segments[n - 1].to_string(),
        })
    }

    /// A path under the realm: `/auth/realms/NAME{rest}`.
    fn path(&self, rest: &str) -> String {
        format!("{}/realms/{}{rest}", self.base, self.name)
    }

    /// A path of the admin REST API on this realm: `/auth/admin/realms/NAME{rest}`.
    fn admin(&self, rest: &str) -> String {
        format!("{}/admin/realms/{}{rest}", self.base, self.name)
    }

    /// The endpoint 3scale builds from its `site`: `{site}/protocol/openid-connect/{what}`.
    pub(crate) fn endpoint(&self, what: &str) -> String {
        format!("{}/protocol/openid-connect/{what}", self.url)
    }

    pub(crate) fn discovery_url(&self) -> String {
        format!("{}/.well-known/openid-configuration", self.url)
    }
}

/// Why a call to Red Hat SSO failed.
#[derive(Debug)]
pub(crate) enum SsoError {
    Http(HttpError),
    /// An answer that refuses: the status and what Keycloak said (`errorMessage`,
    /// `error_description`).
    Refused {
        request: String,
        status: u16,
        message: String,
    },
    Unexpected {
        request: String,
        what: String,
    },
}

impl fmt::Display for SsoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SsoError::Http(e) => write!(f, "{e}"),
            SsoError::Refused {
                request,
                status,
                message,
            } if message.is_empty() => write!(f, "`{request}` answered {status}"),
            SsoError::Refused {
                request,
                status,
                message,
            } => write!(f, "`{request}` answered {status}: {message}"),
            SsoError::Unexpected { request, what } => write!(f, "`{request}`: {what}"),
        }
    }
}

impl std::error::Error for SsoError {}

/// What the discovery document says of the endpoints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Discovery {
    pub(crate) issuer: String,
    pub(crate) authorization_endpoint: String,
    pub(crate) token_endpoint: String,
    pub(crate) userinfo_endpoint: String,
}

/// A client of the realm, as the admin API shows it (never with its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Client {
    /// The internal id every admin path takes.
    pub(crate) id: String,
    pub(crate) client_id: String,
    pub(crate) enabled: bool,
    pub(crate) public_client: bool,
    pub(crate) standard_flow_enabled: bool,
    pub(crate) redirect_uris: Vec<String>,
}

/// A user of the realm, by what the e-mail check needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SsoUser {
    pub(crate) id: String,
    pub(crate) username: String,
    pub(crate) email: Option<String>,
    pub(crate) email_verified: bool,
}

/// An administrator of Red Hat SSO: the realm they log in to (`master`) and their login.
#[derive(Debug, Clone)]
pub(crate) struct Admin {
    pub(crate) realm: String,
    pub(crate) username: String,
    pub(crate) password: Secret,
}

/// Red Hat SSO, through one `Http`.
pub(crate) struct Sso<'a> {
    pub(crate) http: &'a Http,
}

fn shown(method: Method, host: &str, path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    format!("{} https://{host}{path}", method.text())
}

/// `https://HOST/PATH` → (`HOST`, `/PATH`).
pub(crate) fn split_url(url: &str) -> Option<(&str, &str)> {
    let rest = url.strip_prefix("https://")?;
    let slash = rest.find('/').unwrap_or(rest.len());
    let (host, path) = rest.split_at(slash);
    Some((host, if path.is_empty() { "/" } else { path }))
}

impl Sso<'_> {
    fn call(&self, req: &Request) -> Result<Response, SsoError> {
        let request = shown(req.method, req.host, req.path);
        let resp = self.http.send(req).map_err(SsoError::Http)?;
        if (200..300).contains(&resp.status) {
            return Ok(resp);
        }
        let message = serde_json::from_slice::<Value>(&resp.body)
            .ok()
            .and_then(|d| {
                ["errorMessage", "error_description", "error"]
                    .iter()
                    .find_map(|k| d[*k].as_str().map(str::to_string))
            })
            .unwrap_or_else(|| crate::http::first_bytes(&resp.body));
        Err(SsoError::Refused {
            request,
            status: resp.status,
            message: self.http.redact(&message),
        })
    }

    fn json(&self, req: &Request) -> Result<Value, SsoError> {
        let resp = self.call(req)?;
        resp.json().map_err(|what| SsoError::Unexpected {
            request: shown(req.method, req.host, req.path),
            what: self.http.redact(&what),
        })
    }

    /// The realm's discovery document, read from here.
    pub(crate) fn discovery(&self, realm: &Realm) -> Result<Discovery, SsoError> {
        let path = realm.path("/.well-known/openid-configuration");
        let doc = self.json(&Request::get(&realm.host, &path))?;
        let text = |k: &str| doc[k].as_str().unwrap_or_default().to_string();
        if text("issuer").is_empty() {
            return Err(SsoError::Unexpected {
                request: shown(Method::Get, &realm.host, &path),
                what: "no issuer in the discovery document".into(),
            });
        }
        Ok(Discovery {
            issuer: text("issuer"),
            authorization_endpoint: text("authorization_endpoint"),
            token_endpoint: text("token_endpoint"),
            userinfo_endpoint: text("userinfo_endpoint"),
        })
    }

    /// The status an endpoint answers a plain GET with (a token endpoint answers 405, a
    /// userinfo endpoint 400 or 401 without a token: they answer).
    pub(crate) fn answers(&self, url: &str) -> Result<u16, HttpError> {
        let Some((host, path)) = split_url(url) else {
            return Err(HttpError {
                request: format!("GET {url}"),
                cause: crate::http::Cause::Other("not an https:// URL".into()),
            });
        };
        self.http.send(&Request::get(host, path)).map(|r| r.status)
    }

    /// An administrator's token (`admin-cli`, password grant); registered with the redactor.
    pub(crate) fn admin_token(&self, realm: &Realm, admin: &Admin) -> Result<Secret, SsoError> {
        let path = format!(
            "{}/realms/{}/protocol/openid-connect/token",
            realm.base, admin.realm
        );
        let req = Request::with(Method::Post, &realm.host, &path)
            .field("grant_type", "password")
            .field("client_id", "admin-cli")
            .field("username", &admin.username)
            .secret_field("password", &admin.password);
        let doc = self.json(&req)?;
        let token = doc["access_token"]
            .as_str()
            .map(Secret::new)
            .ok_or_else(|| SsoError::Unexpected {
                request: shown(Method::Post, &realm.host, &path),
                what: "no access_token in the answer".into(),
            })?;
        self.http.register("Red Hat SSO admin token", &token);
        if let Some(r) = doc["refresh_token"].as_str() {
            self.http
                .register("Red Hat SSO refresh token", &Secret::new(r));
        }
        Ok(token)
    }

    /// The client whose `clientId` this is (an exact match), if any.
    pub(crate) fn client(
        &self,
        realm: &Realm,
        token: &Secret,
        client_id: &str,
    ) -> Result<Option<Client>, SsoError> {
        let path = realm.admin(&format!(
            "/clients?clientId={}",
            crate::http::query_escape(client_id)
        ));
        let doc = self.json(&Request::get(&realm.host, &path).bearer(token))?;
        Ok(doc
            .as_array()
            .into_iter()
            .flatten()
            .map(client_of)
            .find(|c| c.client_id == client_id))
    }

    /// A client's secret (the admin API's list never shows it); registered with the redactor.
    pub(crate) fn client_secret(
        &self,
        realm: &Realm,
        token: &Secret,
        id: &str,
    ) -> Result<Option<Secret>, SsoError> {
        let path = realm.admin(&format!("/clients/{id}/client-secret"));
        let doc = self.json(&Request::get(&realm.host, &path).bearer(token))?;
        let secret = doc["value"].as_str().map(Secret::new);
        if let Some(s) = &secret {
            self.http.register("client secret in Red Hat SSO", s);
        }
        Ok(secret)
    }

    /// A confidential client with the standard (code) flow only, the given secret and
    /// redirect URIs.
    pub(crate) fn create_client(
        &self,
        realm: &Realm,
        token: &Secret,
        client_id: &str,
        secret: &Secret,
        redirect_uris: &[String],
    ) -> Result<(), SsoError> {
        let path = realm.admin("/clients");
        let mut doc = confidential(redirect_uris);
        doc["clientId"] = json!(client_id);
        doc["secret"] = json!(secret.expose());
        let req = Request::with(Method::Post, &realm.host, &path)
            .bearer(token)
            .json(&doc);
        self.call(&req).map(|_| ())
    }

    /// A partial update: only the fields of `doc` change.
    pub(crate) fn update_client(
        &self,
        realm: &Realm,
        token: &Secret,
        id: &str,
        doc: &Value,
    ) -> Result<(), SsoError> {
        let path = realm.admin(&format!("/clients/{id}"));
        let req = Request::with(Method::Put, &realm.host, &path)
            .bearer(token)
            .json(doc);
        self.call(&req).map(|_| ())
    }

    /// The users whose e-mail is `email`, compared without case: Keycloak 9 has no `exact`
    /// and matches `LIKE %email%` (where `_` and `%` are wildcards), so the answer is filtered
    /// here too.
    pub(crate) fn users_by_email(
        &self,
        realm: &Realm,
        token: &Secret,
        email: &str,
    ) -> Result<Vec<SsoUser>, SsoError> {
        let path = realm.admin(&format!(
            "/users?email={}&exact=true",
            crate::http::query_escape(email)
        ));
        let doc = self.json(&Request::get(&realm.host, &path).bearer(token))?;
        Ok(doc
            .as_array()
            .into_iter()
            .flatten()
            .map(|u| SsoUser {
                id: u["id"].as_str().unwrap_or_default().to_string(),
                username: u["username"].as_str().unwrap_or_default().to_string(),
                email: u["email"].as_str().map(str::to_string),
                email_verified: u["emailVerified"].as_bool().unwrap_or(false),
            })
            .filter(|u| {
                u.email
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(email))
            })
            .collect())
    }
}

/// What makes a client right for 3scale's admin portal: enabled, confidential, the standard
/// (authorization code) flow and nothing else, the redirect URIs.
pub(crate) fn confidential(redirect_uris: &[String]) -> Value {
    json!({
        "enabled": true,
        "protocol": "openid-connect",
        "publicClient": false,
        "clientAuthenticatorType": "client-secret",
        "standardFlowEnabled": true,
        "implicitFlowEnabled": false,
        "directAccessGrantsEnabled": false,
        "serviceAccountsEnabled": false,
        "redirectUris": redirect_uris,
    })
}

fn client_of(v: &Value) -> Client {
    let flag = |k: &str| v[k].as_bool().unwrap_or(false);
    Client {
        id: v["id"].as_str().unwrap_or_default().to_string(),
        client_id: v["clientId"].as_str().unwrap_or_default().to_string(),
        enabled: flag("enabled"),
        public_client: flag("publicClient"),
        standard_flow_enabled: flag("standardFlowEnabled"),
        redirect_uris: v["redirectUris"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn realm_urls_as_rh_sso_writes_them() {
        let r = Realm::parse("https://sso.example.com/auth/realms/3scale/").unwrap();
        assert_eq!(r.url, "https://sso.example.com/auth/realms/3scale");
        assert_eq!(
            (r.host.as_str(), r.base.as_str(), r.name.as_str()),
            ("sso.example.com", "/auth", "3scale")
        );
        assert_eq!(r.path("/x"), "/auth/realms/3scale/x");
        assert_eq!(r.admin("/clients"), "/auth/admin/realms/3scale/clients");
        assert_eq!(
            r.endpoint("token"),
            "https://sso.example.com/auth/realms/3scale/protocol/openid-connect/token"
        );
        let quarkus = Realm::parse("https://kc.example.com:8443/realms/ops").unwrap();
        assert_eq!(
            (quarkus.host.as_str(), quarkus.base.as_str()),
            ("kc.example.com:8443", "")
        );
        for bad in [
            "http://sso.example.com/auth/realms/3scale",
            "https://sso.example.com/auth/realms/",
            "https://sso.example.com/auth/admin/master/console",
            "https://sso.example.com/auth/realms/3scale?x=1",
            "https://sso.example.com/auth/realms/3 scale",
        ] {
            assert!(Realm::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_split_into_host_and_path() {
        assert_eq!(
            split_url("https://h:8443/a/b?c"),
            Some(("h:8443", "/a/b?c"))
        );
        assert_eq!(split_url("https://h"), Some(("h", "/")));
        assert_eq!(split_url("http://h/x"), None);
    }
}
