//! The fake Red Hat SSO's answers, under the `/auth` context path of RH-SSO 7.x: a realm's OIDC
//! discovery document, token, userinfo and certs endpoints, and the admin REST API's clients and
//! users (Keycloak 9.0.3 / 15.0.2: `OIDCWellKnownProvider`, `TokenEndpoint`,
//! `UserInfoEndpoint`, `AdminRoot`, `ClientsResource`, `ClientResource`, `UsersResource`).

use super::model::{
    client_json, like, user_json, uuid, IssuedToken, KcClient, KeycloakState, KeycloakVersion,
};
use crate::http::{Request, Response};
use crate::params::Params;
use serde_json::{json, Value};

/// What the answers depend on besides the state.
pub struct Setup {
    pub version: KeycloakVersion,
    /// The configured frontend URL (`https://host/auth`): the issuer and authorization endpoint's
    /// base; `None`: the request's own scheme and host.
    pub frontend_url: Option<String>,
}

fn error(status: u16, error: &str, description: &str) -> Response {
    Response::json(
        status,
        &json!({"error": error, "error_description": description}),
    )
}

fn error_message(status: u16, message: &str) -> Response {
    Response::json(status, &json!({"errorMessage": message}))
}

pub fn handle(state: &mut KeycloakState, setup: &Setup, req: &Request) -> Response {
    let params = Params::parse(req.query.as_deref(), req.header("content-type"), &req.body);
    let host = req.header("host").unwrap_or("").trim().to_ascii_lowercase();
    let backend = format!("https://{host}/auth");
    let segments: Vec<String> = req
        .path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(crate::params::percent_decode)
        .collect();
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let method = req.method.as_str();
    match segs.as_slice() {
        ["auth", "realms", realm, rest @ ..] => {
            if state.realm(realm).is_none() {
                return Response::json(404, &json!({"error": "Realm does not exist"}));
            }
            realm_endpoint(state, setup, &backend, realm, method, rest, &params, req)
        }
        ["auth", "admin", "realms", realm, rest @ ..] => {
            match admin_caller(state, req, realm) {
                Ok(()) => {}
                Err(r) => return r,
            }
            if state.realm(realm).is_none() {
                return Response::json(404, &json!({"error": "Realm not found."}));
            }
            admin(state, setup, &backend, realm, method, rest, &params, req)
        }
        _ => Response::text(404, "Not Found"),
    }
}

#[allow(clippy::too_many_arguments)]
fn realm_endpoint(
    state: &mut KeycloakState,
    setup: &Setup,
    backend: &str,
    realm: &str,
    method: &str,
    rest: &[&str],
    params: &Params,
    req: &Request,
) -> Response {
    let frontend = setup
        .frontend_url
        .clone()
        .unwrap_or_else(|| backend.to_string());
    let issuer = format!("{frontend}/realms/{realm}");
    let oidc = format!("{backend}/realms/{realm}/protocol/openid-connect");
    match (method, rest) {
        ("GET", [".well-known", "openid-configuration"]) => Response::json(
            200,
            &json!({
                "issuer": issuer,
                "authorization_endpoint": format!("{issuer}/protocol/openid-connect/auth"),
                "token_endpoint": format!("{oidc}/token"),
                "token_introspection_endpoint": format!("{oidc}/token/introspect"),
                "userinfo_endpoint": format!("{oidc}/userinfo"),
                "end_session_endpoint": format!("{issuer}/protocol/openid-connect/logout"),
                "jwks_uri": format!("{oidc}/certs"),
                "check_session_iframe": format!("{issuer}/protocol/openid-connect/login-status-iframe.html"),
                "grant_types_supported": ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"],
                "response_types_supported": ["code", "none", "id_token", "token", "id_token token", "code id_token", "code token", "code id_token token"],
                "subject_types_supported": ["public", "pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "scopes_supported": ["openid", "email", "profile"],
            }),
        ),
        ("POST", ["protocol", "openid-connect", "token"]) => token(state, realm, params),
        // TokenEndpoint has @POST and @OPTIONS only: RESTEasy answers 405.
        (_, ["protocol", "openid-connect", "token"]) => Response::head(405, crate::http::TEXT),
        (_, ["protocol", "openid-connect", "userinfo"]) => {
            match req.header("authorization").and_then(|a| a.strip_prefix("Bearer ")) {
                None => error(400, "invalid_request", "Token not provided"),
                Some(_) => error(401, "invalid_token", "Token verification failed"),
            }
        }
        ("GET", ["protocol", "openid-connect", "certs"]) => {
            Response::json(200, &json!({"keys": [{"kid": "fake", "kty": "RSA", "alg": "RS256", "use": "sig", "n": "AQAB", "e": "AQAB"}]}))
        }
        ("GET", ["protocol", "openid-connect", "auth"]) => Response::html(
            200,
            "<!DOCTYPE html><html><head><title>Log in to 3scale</title></head><body><form id=\"kc-form-login\"></form></body></html>",
        ),
        _ => Response::text(404, "Not Found"),
    }
}

/// The password grant of `admin-cli` (what an administrator's script uses).
fn token(state: &mut KeycloakState, realm: &str, params: &Params) -> Response {
    let get = |k: &str| params.string(k).unwrap_or_default();
    if get("grant_type").is_empty() {
        return error(400, "invalid_request", "Missing form parameter: grant_type");
    }
    if get("grant_type") != "password" {
        return error(400, "unsupported_grant_type", "Unsupported grant_type");
    }
    if get("client_id") != "admin-cli" {
        return error(
            401,
            "unauthorized_client",
            "INVALID_CREDENTIALS: Invalid client credentials",
        );
    }
    let (username, password) = (get("username"), get("password"));
    let known = state
        .admins
        .iter()
        .any(|a| a.realm == realm && a.username == username && a.password == password);
    if !known {
        return error(401, "invalid_grant", "Invalid user credentials");
    }
    let value = format!("eyJhbGciOiJSUzI1NiJ9.{}", crate::model::random_hex(24));
    state.tokens.push(IssuedToken {
        value: value.clone(),
        realm: realm.to_string(),
        username,
    });
    Response::json(
        200,
        &json!({
            "access_token": value,
            "expires_in": 60,
            "refresh_expires_in": 1800,
            "refresh_token": format!("eyJhbGciOiJIUzI1NiJ9.{}", crate::model::random_hex(24)),
            "token_type": "bearer",
            "not-before-policy": 0,
            "session_state": uuid(),
            "scope": "profile email",
        }),
    )
}

/// `AdminRoot#authenticateRealmAdminRequest`: a bearer token of master, or of the realm itself,
/// whose user may manage it.
fn admin_caller(state: &KeycloakState, req: &Request, realm: &str) -> Result<(), Response> {
    let unauthorized = || {
        let mut r = Response::head(401, crate::http::JSON);
        r.headers.push(("WWW-Authenticate".into(), "Bearer".into()));
        r
    };
    let Some(token) = req
        .header("authorization")
        .and_then(|a| a.strip_prefix("Bearer "))
    else {
        return Err(unauthorized());
    };
    let Some(issued) = state.tokens.iter().find(|t| t.value == token.trim()) else {
        return Err(unauthorized());
    };
    let may = state.admins.iter().any(|a| {
        a.realm == issued.realm
            && a.username == issued.username
            && a.may_manage
            && (issued.realm == "master" || issued.realm == realm)
    });
    if may {
        Ok(())
    } else {
        Err(Response::json(403, &json!({"error": "unknown_error"})))
    }
}

#[allow(clippy::too_many_arguments)]
fn admin(
    state: &mut KeycloakState,
    setup: &Setup,
    backend: &str,
    realm: &str,
    method: &str,
    rest: &[&str],
    params: &Params,
    req: &Request,
) -> Response {
    let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
    match (method, rest) {
        ("GET", ["clients"]) => {
            let wanted = params.string("clientId");
            let r = state.realm(realm).expect("realm");
            let items: Vec<Value> = r
                .clients
                .iter()
                .filter(|c| wanted.as_deref().is_none_or(|w| c.client_id == w))
                .map(client_json)
                .collect();
            Response::json(200, &Value::Array(items))
        }
        ("POST", ["clients"]) => create_client(state, backend, realm, &body),
        ("PUT", ["clients", id]) => {
            let r = state.realm_mut(realm).expect("realm");
            let Some(c) = r.clients.iter_mut().find(|c| c.id == *id) else {
                return Response::json(404, &json!({"error": "Could not find client"}));
            };
            update_client(c, &body);
            Response::head(204, crate::http::JSON)
        }
        ("GET", ["clients", id]) => match state
            .realm(realm)
            .and_then(|r| r.clients.iter().find(|c| c.id == *id))
        {
            Some(c) => Response::json(200, &client_json(c)),
            None => Response::json(404, &json!({"error": "Could not find client"})),
        },
        ("GET", ["clients", id, "client-secret"]) => {
            match state
                .realm(realm)
                .and_then(|r| r.clients.iter().find(|c| c.id == *id))
            {
                Some(c) => Response::json(200, &json!({"type": "secret", "value": c.secret})),
                None => Response::json(404, &json!({"error": "Could not find client"})),
            }
        }
        ("GET", ["users"]) => search_users(state, setup.version, realm, params),
        ("PUT", ["users", id]) => {
            let r = state.realm_mut(realm).expect("realm");
            let Some(u) = r.users.iter_mut().find(|u| u.id == *id) else {
                return Response::json(404, &json!({"error": "User not found"}));
            };
            if let Some(v) = body.get("emailVerified").and_then(Value::as_bool) {
                u.email_verified = v;
            }
            if let Some(v) = body.get("enabled").and_then(Value::as_bool) {
                u.enabled = v;
            }
            if let Some(v) = body.get("email").and_then(Value::as_str) {
                u.email = Some(v.to_lowercase());
            }
            Response::head(204, crate::http::JSON)
        }
        _ => Response::text(404, "Not Found"),
    }
}

/// `ClientsResource#createClient`: 201 with the new client's path, or 409 for a taken
/// `clientId`. Defaults as `RepresentationToModel.createClient` gives them (a secret is
/// generated when none is sent).
fn create_client(state: &mut KeycloakState, backend: &str, realm: &str, body: &Value) -> Response {
    let Some(client_id) = body
        .get("clientId")
        .and_then(Value::as_str)
        .filter(|c| !c.is_empty())
    else {
        return error_message(400, "Client id is missing");
    };
    if state.client(realm, client_id).is_some() {
        return error_message(409, &format!("Client {client_id} already exists"));
    }
    let mut client = KcClient {
        id: uuid(),
        client_id: client_id.to_string(),
        enabled: true,
        protocol: "openid-connect".into(),
        public_client: false,
        client_authenticator_type: "client-secret".into(),
        secret: None,
        standard_flow_enabled: true,
        implicit_flow_enabled: false,
        direct_access_grants_enabled: false,
        service_accounts_enabled: false,
        redirect_uris: Vec::new(),
    };
    update_client(&mut client, body);
    if client.secret.is_none() {
        client.secret = Some(uuid());
    }
    let id = client.id.clone();
    state.realm_mut(realm).expect("realm").clients.push(client);
    let mut r = Response::head(201, crate::http::JSON);
    r.headers.push((
        "Location".into(),
        format!("{backend}/admin/realms/{realm}/clients/{id}"),
    ));
    r
}

/// `RepresentationToModel.updateClient`: only the fields sent (non-null) change.
fn update_client(c: &mut KcClient, body: &Value) {
    let flag = |k: &str| body.get(k).and_then(Value::as_bool);
    if let Some(v) = flag("enabled") {
        c.enabled = v;
    }
    if let Some(v) = flag("publicClient") {
        c.public_client = v;
    }
    if let Some(v) = flag("standardFlowEnabled") {
        c.standard_flow_enabled = v;
    }
    if let Some(v) = flag("implicitFlowEnabled") {
        c.implicit_flow_enabled = v;
    }
    if let Some(v) = flag("directAccessGrantsEnabled") {
        c.direct_access_grants_enabled = v;
    }
    if let Some(v) = flag("serviceAccountsEnabled") {
        c.service_accounts_enabled = v;
    }
    if let Some(v) = body.get("protocol").and_then(Value::as_str) {
        c.protocol = v.to_string();
    }
    if let Some(v) = body.get("clientAuthenticatorType").and_then(Value::as_str) {
        c.client_authenticator_type = v.to_string();
    }
    if let Some(v) = body.get("secret").and_then(Value::as_str) {
        c.secret = Some(v.to_string());
    }
    if let Some(v) = body.get("redirectUris").and_then(Value::as_array) {
        c.redirect_uris = v
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
    }
}

/// `UsersResource#getUsers` by e-mail: Keycloak 9 ignores `exact` and matches
/// `lower(email) LIKE %x%`; Keycloak 11 and later match exactly with `exact=true`.
fn search_users(
    state: &KeycloakState,
    version: KeycloakVersion,
    realm: &str,
    params: &Params,
) -> Response {
    let r = state.realm(realm).expect("realm");
    let wanted = params.string("email").map(|e| e.to_lowercase());
    let exact =
        version != KeycloakVersion::Rhsso74 && params.string("exact").as_deref() == Some("true");
    let max = params
        .string("max")
        .and_then(|m| m.parse::<usize>().ok())
        .unwrap_or(100);
    let items: Vec<Value> = r
        .users
        .iter()
        .filter(|u| match (&wanted, &u.email) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(w), Some(e)) if exact => e == w,
            (Some(w), Some(e)) => like(e, &format!("%{w}%")),
        })
        .take(max)
        .map(user_json)
        .collect();
    Response::json(200, &Value::Array(items))
}
