//! porta's representers (JSON, and XML where the Admin API defaults to it) and its error bodies.

use crate::http::{self, Response};
use crate::model::{AccessToken, Account, ProxyConfig, Service, State, User};
use serde_json::{json, Map, Value};

/// The response format a route answers in (from the path's extension or the route's default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => http::JSON,
            Format::Xml => http::XML,
        }
    }
}

pub fn link(rel: &str, href: String) -> Value {
    json!({"rel": rel, "href": href})
}

pub fn account(a: &Account, origin: &str) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(a.id));
    m.insert("created_at".into(), json!(a.created_at));
    m.insert("updated_at".into(), json!(a.updated_at));
    if let Some(d) = &a.deletion_date {
        m.insert("deletion_date".into(), json!(d));
    }
    if a.is_provider() {
        m.insert("admin_domain".into(), json!(a.admin_domain));
        m.insert("domain".into(), json!(a.domain));
        for (k, v) in [
            ("from_email", &a.from_email),
            ("support_email", &a.support_email),
            ("finance_support_email", &a.finance_support_email),
            ("site_access_code", &a.site_access_code),
        ] {
            if let Some(v) = v {
                m.insert(k.into(), json!(v));
            }
        }
    }
    m.insert("credit_card_stored".into(), json!(false));
    m.insert("monthly_billing_enabled".into(), json!(true));
    m.insert("monthly_charging_enabled".into(), json!(true));
    m.insert("state".into(), json!(a.state.as_str()));
    let mut links = Vec::new();
    if !a.is_provider() {
        links.push(link(
            "self",
            format!("{origin}/admin/api/accounts/{}", a.id),
        ));
    }
    links.push(link(
        "users",
        format!("{origin}/admin/api/accounts/{}/users", a.id),
    ));
    m.insert("links".into(), Value::Array(links));
    m.insert("org_name".into(), json!(a.org_name));
    Value::Object(m)
}

pub fn user(u: &User, a: &Account, origin: &str) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(u.id));
    m.insert("state".into(), json!(u.state.as_str()));
    m.insert(
        "role".into(),
        json!(match u.role {
            crate::model::Role::Admin => "admin",
            crate::model::Role::Member => "member",
        }),
    );
    m.insert("created_at".into(), json!(u.created_at));
    m.insert("updated_at".into(), json!(u.updated_at));
    let mut links = Vec::new();
    if !a.is_provider() {
        links.push(link(
            "account",
            format!("{origin}/admin/api/accounts/{}", a.id),
        ));
        links.push(link(
            "self",
            format!("{origin}/admin/api/accounts/{}/users/{}", a.id, u.id),
        ));
    } else {
        links.push(link("self", format!("{origin}/admin/api/users/{}", u.id)));
    }
    m.insert("links".into(), Value::Array(links));
    m.insert("username".into(), json!(u.username));
    m.insert("email".into(), json!(u.email));
    if let Some(f) = &u.first_name {
        m.insert("first_name".into(), json!(f));
    }
    if let Some(l) = &u.last_name {
        m.insert("last_name".into(), json!(l));
    }
    Value::Object(m)
}

/// `AccessTokenRepresenter`: `value` only right after creation.
pub fn token(t: &AccessToken, with_value: bool) -> Value {
    let mut v = json!({
        "id": t.id,
        "name": t.name,
        "scopes": t.scopes,
        "permission": t.permission.as_str(),
    });
    if with_value {
        v["value"] = json!(t.value);
    }
    v
}

pub fn service(s: &Service, origin: &str) -> Value {
    let id = s.id;
    json!({
        "id": id,
        "name": s.name,
        "state": s.state,
        "system_name": s.system_name,
        "end_user_registration_required": true,
        "backend_version": s.backend_version,
        "deployment_option": s.deployment_option.as_str(),
        "description": s.description,
        "intentions_required": false,
        "buyers_manage_apps": true,
        "buyers_manage_keys": true,
        "referrer_filters_required": false,
        "custom_keys_enabled": true,
        "buyer_key_regenerate_enabled": true,
        "mandatory_app_key": true,
        "buyer_can_select_plan": false,
        "buyer_plan_change_permission": "request",
        "created_at": s.created_at,
        "updated_at": s.updated_at,
        "links": [
            link("metrics", format!("{origin}/admin/api/services/{id}/metrics")),
            link("end_user_plans", format!("{origin}/admin/api/services/{id}/end_user_plans")),
            link("self", format!("{origin}/admin/api/services/{id}")),
            link("service_plans", format!("{origin}/admin/api/services/{id}/service_plans")),
            link("application_plans", format!("{origin}/admin/api/services/{id}/application_plans")),
            link("features", format!("{origin}/admin/api/services/{id}/features")),
        ],
    })
}

pub fn proxy(s: &Service) -> Value {
    let p = &s.proxy;
    let id = s.id;
    json!({
        "service_id": id,
        "endpoint": p.endpoint,
        "api_backend": p.api_backend,
        "credentials_location": p.credentials_location,
        "auth_app_key": "app_key",
        "auth_app_id": "app_id",
        "auth_user_key": p.auth_user_key,
        "error_auth_failed": "Authentication failed",
        "error_auth_missing": "Authentication parameters missing",
        "error_status_auth_failed": 403,
        "error_headers_auth_failed": "text/plain; charset=us-ascii",
        "error_status_auth_missing": 403,
        "error_headers_auth_missing": "text/plain; charset=us-ascii",
        "error_no_match": "No Mapping Rule matched",
        "error_status_no_match": 404,
        "error_headers_no_match": "text/plain; charset=us-ascii",
        "error_limits_exceeded": "Usage limit exceeded",
        "error_status_limits_exceeded": 429,
        "error_headers_limits_exceeded": "text/plain; charset=us-ascii",
        "secret_token": format!("Shared_secret_sent_from_proxy_to_API_backend_{id:x}"),
        "hostname_rewrite": "",
        "sandbox_endpoint": p.sandbox_endpoint,
        "api_test_path": "/",
        "policies_config": [{"name": "apicast", "version": "builtin", "configuration": {}, "enabled": true}],
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "deployment_option": s.deployment_option.as_str(),
        "lock_version": p.lock_version,
        "links": [
            {"rel": "mapping_rules", "href": format!("/admin/api/services/{id}/proxy/mapping_rules")},
            {"rel": "self", "href": format!("/admin/api/services/{id}/proxy")},
            {"rel": "service", "href": format!("/admin/api/services/{id}")},
        ],
    })
}

pub fn proxy_config(c: &ProxyConfig) -> Value {
    json!({"proxy_config": {
        "id": c.id,
        "version": c.version,
        "environment": c.environment.porta_name(),
        "content": c.content,
    }})
}

/// `Signup::ResultWithAccessToken` representer: the account, and the token when given.
pub fn signup(state: &State, account_id: u64, token: Option<&AccessToken>, origin: &str) -> Value {
    let a = state.account(account_id).expect("account");
    let mut signup = Map::new();
    signup.insert("account".into(), account(a, origin));
    if let Some(t) = token {
        signup.insert("access_token".into(), token_json_unwrapped(t));
    }
    json!({ "signup": Value::Object(signup) })
}

fn token_json_unwrapped(t: &AccessToken) -> Value {
    token(t, true)
}

// ---- XML ------------------------------------------------------------------------------------

/// A JSON value as porta's XML would look: `{"services":[{"service":{..}}]}` becomes
/// `<services><service>..</service></services>`. Good enough for a client that asked for XML by
/// mistake to see XML.
pub fn xml(value: &Value) -> Vec<u8> {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                element(&mut out, k, v);
            }
        }
        other => element(&mut out, "value", other),
    }
    out.into_bytes()
}

fn element(out: &mut String, name: &str, value: &Value) {
    match value {
        Value::Null => out.push_str(&format!("<{name}/>")),
        Value::Object(m) => {
            out.push_str(&format!("<{name}>"));
            for (k, v) in m {
                if k == "links" {
                    continue;
                }
                element(out, k, v);
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::Array(items) => {
            out.push_str(&format!("<{name}>"));
            for item in items {
                match item {
                    Value::Object(m) if m.len() == 1 => {
                        let (k, v) = m.iter().next().expect("one");
                        element(out, k, v);
                    }
                    other => element(out, name.trim_end_matches('s'), other),
                }
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::String(s) => out.push_str(&format!("<{name}>{}</{name}>", escape(s))),
        other => out.push_str(&format!("<{name}>{other}</{name}>")),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

// ---- responses ------------------------------------------------------------------------------

pub fn ok(status: u16, format: Format, value: &Value) -> Response {
    match format {
        Format::Json => Response::json(status, value),
        Format::Xml => Response::new(status, http::XML, xml(value)),
    }
}

/// `render_error`: `{"error": "..."}` or `<error>...</error>`.
pub fn error(status: u16, format: Format, message: &str) -> Response {
    match format {
        Format::Json => Response::json(status, &json!({ "error": message })),
        Format::Xml => Response::new(
            status,
            http::XML,
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error>{}</error>\n",
                escape(message)
            ),
        ),
    }
}

pub const ACCESS_DENIED: &str = "Access denied";
pub const WRONG_PERMISSIONS: &str = "Your access token does not have the correct permissions";

/// `ErrorHandling#handle_not_found`: `{"status":"Not found"}` (XML: no body).
pub fn not_found(format: Format) -> Response {
    match format {
        Format::Json => Response::json(404, &json!({"status": "Not found"})),
        Format::Xml => Response::head(404, http::XML),
    }
}

/// Field errors (422): `{"errors": {field: [messages]}}`, XML `<errors><error>Field msg</error>`.
pub fn unprocessable(format: Format, errors: &Map<String, Value>) -> Response {
    match format {
        Format::Json => Response::json(422, &json!({ "errors": errors })),
        Format::Xml => {
            let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<errors>");
            for (field, messages) in errors {
                for m in messages.as_array().into_iter().flatten() {
                    let m = m.as_str().unwrap_or("");
                    let field = humanize(field);
                    out.push_str(&format!("<error>{} {}</error>", escape(&field), escape(m)));
                }
            }
            out.push_str("</errors>\n");
            Response::new(422, http::XML, out)
        }
    }
}

fn humanize(field: &str) -> String {
    let mut s = field.replace('_', " ");
    if let Some(first) = s.get(0..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s
}

/// Rails' `public/404.html` for a path no route matches.
pub fn routing_404(json_path: bool) -> Response {
    if json_path {
        Response::json(404, &json!({"status": 404, "error": "Not Found"}))
    } else {
        Response::html(
            404,
            "<!DOCTYPE html>\n<html><head><title>The page you were looking for doesn't exist (404)</title></head>\n<body><h1>The page you were looking for doesn't exist.</h1><p>You may have mistyped the address or the page may have moved.</p></body></html>\n",
        )
    }
}

/// The OpenShift router's page when no route matches the host.
pub fn router_503() -> Response {
    let mut r = Response::html(
        503,
        "<html><head><title>Application is not available</title></head><body><h1>Application is not available</h1><p>The application is currently not serving requests at this endpoint. It may not have been started or is still starting.</p></body></html>\n",
    );
    r.headers.push((
        "Cache-Control".into(),
        "private, max-age=0, no-cache, no-store".into(),
    ));
    r
}

/// Rails' `public/500.html`.
pub fn server_error_500() -> Response {
    Response::html(
        500,
        "<!DOCTYPE html>\n<html><head><title>We're sorry, but something went wrong (500)</title></head>\n<body><h1>We're sorry, but something went wrong.</h1></body></html>\n",
    )
}

pub fn login_page(title: &str) -> Response {
    Response::html(
        200,
        &format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Log in to your account | {title} | Red Hat 3scale API Management</title></head>\n<body class=\"pf-c-login\"><form action=\"/p/sessions\" method=\"post\" id=\"new_session\"><input type=\"text\" name=\"username\" id=\"session_username\"><input type=\"password\" name=\"password\" id=\"session_password\"><button type=\"submit\">Sign in</button></form></body></html>\n"
        ),
    )
}
