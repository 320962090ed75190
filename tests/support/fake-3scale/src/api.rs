//! The routes: which portal the Host header names, then porta's controllers for the paths the
//! installer uses, with porta's authentication and error answers.

use crate::auth::{self, Caller};
use crate::config::{DeploymentOption, DeveloperPortal, Environment};
use crate::http::{self, Request, Response};
use crate::model::{AccountKind, AccountState, Site, State};
use crate::params::{value_list, Params};
use crate::render::{self, Format, ACCESS_DENIED};
use serde_json::{json, Map, Value};

/// One request's context.
pub struct Ctx<'a> {
    pub req: &'a Request,
    pub params: Params,
    /// `https://` + the Host header as sent: where links point.
    pub origin: String,
}

/// Answers a request from the state (faults are applied by the server around this).
pub fn handle(state: &mut State, developer_portal: DeveloperPortal, req: &Request) -> Response {
    let params = Params::parse(req.query.as_deref(), req.header("content-type"), &req.body);
    let origin = format!(
        "https://{}",
        req.header("host").unwrap_or("").trim().to_ascii_lowercase()
    );
    let ctx = Ctx {
        req,
        params,
        origin,
    };
    let host = req.host();
    let (segments, ext) = split_path(&req.path);
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let method = if req.method == "HEAD" {
        "GET"
    } else {
        req.method.as_str()
    };
    match state.site(&host) {
        Site::Unknown => render::router_503(),
        Site::Master => {
            let master = state.master_id;
            match segs.as_slice() {
                ["master", "api", rest @ ..] => master_api(state, &ctx, method, rest, ext),
                ["admin", "api", rest @ ..] => admin_api(state, &ctx, master, method, rest, ext),
                ["p", "login"] if method == "GET" => render::login_page("Master Portal"),
                [] | ["p", "admin"] if method == "GET" => {
                    Response::redirect(302, &format!("{}/p/login", ctx.origin))
                }
                _ => render::routing_404(ext == Some("json")),
            }
        }
        Site::Admin(id) => {
            let deleted =
                state.account(id).map(|a| a.state) == Some(AccountState::ScheduledForDeletion);
            match segs.as_slice() {
                ["admin", "api", rest @ ..] => admin_api(state, &ctx, id, method, rest, ext),
                // ProviderDomainConstraint leaves out tenants scheduled for deletion
                _ if deleted => render::routing_404(false),
                ["p", "login"] if method == "GET" => {
                    let org = state
                        .account(id)
                        .map(|a| a.org_name.clone())
                        .unwrap_or_default();
                    render::login_page(&org)
                }
                [] | ["p", "admin"] if method == "GET" => {
                    Response::redirect(302, &format!("{}/p/login", ctx.origin))
                }
                _ => render::routing_404(ext == Some("json")),
            }
        }
        Site::Developer(id) => {
            let deleted =
                state.account(id).map(|a| a.state) == Some(AccountState::ScheduledForDeletion);
            match segs.as_slice() {
                // force_provider_or_master_domain
                ["admin", "api", ..] => render::error(403, format_or(ext, Format::Xml), ACCESS_DENIED),
                // BuyerDomainConstraint leaves out tenants scheduled for deletion
                _ if deleted => render::routing_404(false),
                [] if method == "GET" => match developer_portal {
                    DeveloperPortal::RedirectToLogin => {
                        Response::redirect(302, &format!("{}/login", ctx.origin))
                    }
                    DeveloperPortal::Open => Response::html(
                        200,
                        "<!DOCTYPE html>\n<html><head><title>Developer Portal</title></head><body><h1>Echo API</h1><a href=\"/login\">Sign in</a></body></html>\n",
                    ),
                    DeveloperPortal::AccessCode => Response::html(
                        200,
                        "<!DOCTYPE html>\n<html><head><title>Access code</title></head><body><form action=\"/access_code\" method=\"post\"><label for=\"access_code\">Access code</label><input type=\"password\" name=\"access_code\" id=\"access_code\"></form></body></html>\n",
                    ),
                },
                ["login"] if method == "GET" => render::login_page("Developer Portal"),
                _ => render::routing_404(ext == Some("json")),
            }
        }
    }
}

pub(crate) fn format_or(ext: Option<&str>, default: Format) -> Format {
    match ext {
        Some("json") => Format::Json,
        Some("xml") => Format::Xml,
        _ => default,
    }
}

/// `/a/b/c.json` → (["a","b","c"], Some("json")); only `json` and `xml` are formats.
pub fn split_path(path: &str) -> (Vec<String>, Option<&'static str>) {
    let mut segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(crate::params::percent_decode)
        .collect();
    let mut ext = None;
    if let Some(last) = segments.last_mut() {
        for (suffix, name) in [(".json", "json"), (".xml", "xml")] {
            if last.len() > suffix.len() && last.ends_with(suffix) {
                last.truncate(last.len() - suffix.len());
                ext = Some(name);
                break;
            }
        }
    }
    (segments, ext)
}

fn id(s: &str) -> Option<u64> {
    s.parse().ok()
}

// ---- Account Management API (`/admin/api`, on an admin or the master host) ------------------

fn admin_api(
    state: &mut State,
    ctx: &Ctx,
    site_account: u64,
    method: &str,
    rest: &[&str],
    ext: Option<&str>,
) -> Response {
    match rest {
        ["account", "authentication_providers", tail @ ..] => {
            return crate::sso::handle(state, ctx, site_account, method, tail, ext)
        }
        ["users", tail @ ..] => {
            return crate::users::handle(state, ctx, site_account, method, tail, ext)
        }
        _ => {}
    }
    // Routes are matched before any filter runs: an unknown one is a plain 404.
    let route = match (method, rest) {
        ("GET", ["services"]) => Route::Services,
        ("GET", ["services", s]) => Route::Service(id(s)),
        ("PUT", ["services", s]) => Route::UpdateService(id(s)),
        ("GET", ["services", s, "proxy"]) => Route::Proxy(id(s)),
        ("PUT", ["services", s, "proxy"]) => Route::UpdateProxy(id(s)),
        ("GET", ["services", s, "proxy", "configs", env, "latest"]) => {
            Route::LatestConfig(id(s), env.to_string())
        }
        ("POST", ["services", s, "proxy", "configs", env, v, "promote"]) => {
            Route::Promote(id(s), env.to_string(), v.to_string())
        }
        ("GET", ["personal", "access_tokens"]) => Route::Tokens,
        ("POST", ["personal", "access_tokens"]) => Route::CreateToken,
        ("GET", ["personal", "access_tokens", t]) => Route::Token(t.to_string()),
        ("DELETE", ["personal", "access_tokens", t]) => Route::DeleteToken(t.to_string()),
        ("GET", ["accounts"]) => Route::Accounts,
        ("GET", ["accounts", a]) => Route::Account(id(a)),
        ("GET", ["accounts", a, "users"]) => Route::Users(id(a)),
        ("GET", ["accounts", a, "users", u]) => Route::User(id(a), id(u)),
        ("PUT", ["accounts", a, "users", u, "activate"]) => Route::Activate(id(a), id(u)),
        _ => return render::routing_404(ext == Some("json")),
    };
    let default_format = match route {
        Route::Tokens | Route::CreateToken | Route::Token(_) | Route::DeleteToken(_) => {
            Format::Json
        }
        _ => Format::Xml,
    };
    let format = format_or(ext, default_format);
    let caller = match auth::account_management(state, site_account, ctx, format) {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let master = site_account == state.master_id;
    match route {
        Route::Services | Route::Service(_) | Route::UpdateService(_) if master => {
            // ThreeScale::OnPremises#deny_on_premises_for_master
            Response::json(403, &json!({"status": "Forbidden"}))
        }
        Route::Services => {
            let services: Vec<Value> = state
                .services_of(caller.account_id)
                .into_iter()
                .map(|s| json!({ "service": render::service(s, &ctx.origin) }))
                .collect();
            render::ok(200, format, &json!({ "services": services }))
        }
        Route::Service(sid) => match service_of(state, &caller, sid) {
            Some(s) => render::ok(
                200,
                format,
                &json!({"service": render::service(s, &ctx.origin)}),
            ),
            None => render::not_found(format),
        },
        Route::UpdateService(sid) => update_service(state, ctx, &caller, sid, format),
        Route::Proxy(sid) => match service_of(state, &caller, sid) {
            Some(s) => render::ok(200, format, &json!({"proxy": render::proxy(s)})),
            None => render::not_found(format),
        },
        Route::UpdateProxy(sid) => update_proxy(state, ctx, &caller, sid, format),
        Route::LatestConfig(sid, env) => {
            // ConfigsController: respond_to :json only
            if format != Format::Json {
                return Response::text(406, "The requested format is not available");
            }
            let Some(s) = service_of(state, &caller, sid) else {
                return render::not_found(format);
            };
            let Some(env) = Environment::from_url(&env) else {
                return render::error(400, format, "invalid environment");
            };
            match s.latest(env) {
                Some(c) => Response::json(200, &render::proxy_config(c)),
                None => render::not_found(format),
            }
        }
        Route::Promote(sid, env, _version) => {
            if format != Format::Json {
                return Response::text(406, "The requested format is not available");
            }
            if service_of(state, &caller, sid).is_none() {
                return render::not_found(format);
            }
            let Some(to) = ctx
                .params
                .string("to")
                .as_deref()
                .and_then(Environment::from_url)
            else {
                return Response::text(400, "Required parameter missing: to");
            };
            if Environment::from_url(&env).is_none() {
                return render::error(400, format, "invalid environment");
            }
            if let Err(r) = auth::require_write(&caller, format) {
                return r;
            }
            let config = state.promote(sid.unwrap_or(0), to).expect("service exists");
            Response::json(201, &render::proxy_config(&config))
        }
        Route::Tokens => {
            let filter = ctx.params.string("name").unwrap_or_default().to_lowercase();
            let tokens: Vec<Value> = state
                .tokens_of_user(caller.user_id)
                .into_iter()
                .filter(|t| filter.is_empty() || t.name.to_lowercase().contains(&filter))
                .map(|t| json!({"access_token": render::token(t, false)}))
                .collect();
            Response::json(200, &json!({ "access_tokens": tokens }))
        }
        Route::CreateToken => create_token(state, ctx, &caller, master),
        Route::Token(key) => match find_token(state, &caller, &key) {
            Some(tid) => {
                let t = state.token(tid).expect("token");
                Response::json(200, &json!({"access_token": render::token(t, false)}))
            }
            None => render::not_found(Format::Json),
        },
        Route::DeleteToken(key) => match find_token(state, &caller, &key) {
            Some(tid) => {
                if let Err(r) = auth::require_write(&caller, Format::Json) {
                    return r;
                }
                state.revoke_token(tid);
                Response::head(200, http::JSON)
            }
            None => render::not_found(Format::Json),
        },
        Route::Accounts => {
            let per_page = ctx
                .params
                .string("per_page")
                .and_then(|p| p.trim().parse::<usize>().ok())
                .filter(|p| (1..=500).contains(p))
                .unwrap_or(500);
            let page = ctx
                .params
                .string("page")
                .and_then(|p| p.trim().parse::<usize>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1);
            let wanted_state = ctx.params.string("state").filter(|s| !s.is_empty());
            let accounts: Vec<Value> = state
                .buyers_of(caller.account_id)
                .into_iter()
                .filter(|a| {
                    wanted_state
                        .as_deref()
                        .is_none_or(|s| a.state.as_str() == s)
                })
                .skip((page - 1) * per_page)
                .take(per_page)
                .map(|a| json!({"account": render::account(a, &ctx.origin)}))
                .collect();
            render::ok(200, format, &json!({ "accounts": accounts }))
        }
        Route::Account(aid) => match buyer_of(state, &caller, aid) {
            Some(a) => render::ok(
                200,
                format,
                &json!({"account": render::account(a, &ctx.origin)}),
            ),
            None => render::not_found(format),
        },
        Route::Users(aid) => {
            let Some(account) = buyer_of(state, &caller, aid) else {
                return render::not_found(format);
            };
            let wanted_state = ctx.params.string("state");
            let wanted_role = ctx.params.string("role");
            let users: Vec<Value> = state
                .users_of(account.id)
                .into_iter()
                .filter(|u| {
                    wanted_state
                        .as_deref()
                        .is_none_or(|s| u.state.as_str() == s)
                })
                .filter(|u| {
                    wanted_role.as_deref().is_none_or(|r| {
                        r == match u.role {
                            crate::model::Role::Admin => "admin",
                            crate::model::Role::Member => "member",
                        }
                    })
                })
                .map(|u| json!({"user": render::user(u, account, &ctx.origin)}))
                .collect();
            render::ok(200, format, &json!({ "users": users }))
        }
        Route::User(aid, uid) => {
            let Some(account) = buyer_of(state, &caller, aid) else {
                return render::not_found(format);
            };
            match uid
                .and_then(|u| state.user(u))
                .filter(|u| u.account_id == account.id)
            {
                Some(u) => render::ok(
                    200,
                    format,
                    &json!({"user": render::user(u, account, &ctx.origin)}),
                ),
                None => render::not_found(format),
            }
        }
        Route::Activate(aid, uid) => {
            let Some(account_id) = buyer_of(state, &caller, aid).map(|a| a.id) else {
                return render::not_found(format);
            };
            let Some(user_id) = uid
                .and_then(|u| state.user(u))
                .filter(|u| u.account_id == account_id)
                .map(|u| u.id)
            else {
                return render::not_found(format);
            };
            let pending =
                state.user(user_id).map(|u| u.state) != Some(crate::model::UserState::Active);
            if pending {
                // `user.activate! unless user.active?`: only a real change needs a rw token
                if let Err(r) = auth::require_write(&caller, format) {
                    return r;
                }
                state.activate_user(user_id);
            }
            let account = state.account(account_id).expect("account");
            let user = state.user(user_id).expect("user");
            render::ok(
                200,
                format,
                &json!({"user": render::user(user, account, &ctx.origin)}),
            )
        }
    }
}

enum Route {
    Services,
    Service(Option<u64>),
    UpdateService(Option<u64>),
    Proxy(Option<u64>),
    UpdateProxy(Option<u64>),
    LatestConfig(Option<u64>, String),
    Promote(Option<u64>, String, String),
    Tokens,
    CreateToken,
    Token(String),
    DeleteToken(String),
    Accounts,
    Account(Option<u64>),
    Users(Option<u64>),
    User(Option<u64>, Option<u64>),
    Activate(Option<u64>, Option<u64>),
}

fn service_of<'s>(
    state: &'s State,
    caller: &Caller,
    sid: Option<u64>,
) -> Option<&'s crate::model::Service> {
    sid.and_then(|s| state.service(s))
        .filter(|s| s.account_id == caller.account_id)
}

fn buyer_of<'s>(
    state: &'s State,
    caller: &Caller,
    aid: Option<u64>,
) -> Option<&'s crate::model::Account> {
    aid.and_then(|a| state.account(a))
        .filter(|a| a.provider_account_id == caller.account_id)
}

/// `find_from_id_or_value!` among the caller's own tokens.
fn find_token(state: &State, caller: &Caller, key: &str) -> Option<u64> {
    let mine = state.tokens_of_user(caller.user_id);
    mine.iter()
        .find(|t| t.id.to_string() == key)
        .or_else(|| mine.iter().find(|t| t.value == key))
        .map(|t| t.id)
}

fn create_token(state: &mut State, ctx: &Ctx, caller: &Caller, master: bool) -> Response {
    // wrap_parameters AccessToken, name: :token — body fields only
    let Some(fields) = ctx.params.wrapped(
        "token",
        &[
            "id",
            "owner_id",
            "value",
            "name",
            "scopes",
            "permission",
            "created_at",
            "updated_at",
        ],
    ) else {
        return Response::text(400, "Required parameter missing: token");
    };
    let name = fields.get("name").and_then(crate::params::value_string);
    let permission = fields
        .get("permission")
        .and_then(crate::params::value_string);
    let scopes = value_list(fields.get("scopes"));
    match State::validate_token(name.as_deref(), permission.as_deref(), &scopes, master) {
        Err(errors) => render::unprocessable(Format::Json, &errors),
        Ok((name, permission, scopes)) => {
            if let Err(r) = auth::require_write(caller, Format::Json) {
                return r;
            }
            let token = state.create_token(caller.user_id, &name, permission, &scopes);
            let mut response =
                Response::json(201, &json!({"access_token": render::token(token, true)}));
            response.headers.push((
                "Location".into(),
                format!(
                    "{}/admin/api/personal/access_tokens/{}",
                    ctx.origin, token.id
                ),
            ));
            response
        }
    }
}

fn update_service(
    state: &mut State,
    ctx: &Ctx,
    caller: &Caller,
    sid: Option<u64>,
    format: Format,
) -> Response {
    let Some(sid) = service_of(state, caller, sid).map(|s| s.id) else {
        return render::not_found(format);
    };
    let fields = ctx.params.wrapped("service", &[]).unwrap_or_default();
    let get = |k: &str| {
        fields
            .get(k)
            .and_then(crate::params::value_string)
            .or_else(|| ctx.params.string(k))
    };
    let deployment = match get("deployment_option") {
        Some(d) => match DeploymentOption::parse(&d) {
            Some(d) => Some(d),
            None => {
                let mut errors = Map::new();
                errors.insert(
                    "deployment_option".into(),
                    json!(["is not included in the list"]),
                );
                return render::unprocessable(format, &errors);
            }
        },
        None => None,
    };
    let name = get("name");
    let description = get("description");
    if deployment.is_some() || name.is_some() || description.is_some() {
        if let Err(r) = auth::require_write(caller, format) {
            return r;
        }
    }
    let s = state.service_mut(sid).expect("service");
    if let Some(d) = deployment {
        s.deployment_option = d;
    }
    if let Some(n) = name {
        s.name = n;
    }
    if description.is_some() {
        s.description = description;
    }
    let s = state.service(sid).expect("service");
    render::ok(
        200,
        format,
        &json!({"service": render::service(s, &ctx.origin)}),
    )
}

fn update_proxy(
    state: &mut State,
    ctx: &Ctx,
    caller: &Caller,
    sid: Option<u64>,
    format: Format,
) -> Response {
    let Some(sid) = service_of(state, caller, sid).map(|s| s.id) else {
        return render::not_found(format);
    };
    let Some(fields) = ctx.params.wrapped(
        "proxy",
        &[
            "endpoint",
            "sandbox_endpoint",
            "api_backend",
            "credentials_location",
            "auth_user_key",
        ],
    ) else {
        return Response::text(400, "Required parameter missing: proxy");
    };
    let mut errors = Map::new();
    for key in ["endpoint", "sandbox_endpoint", "api_backend"] {
        if let Some(v) = fields.get(key).and_then(crate::params::value_string) {
            let ok = (v.starts_with("http://") || v.starts_with("https://")) && !v.contains(' ');
            if !ok {
                errors.insert(
                    key.into(),
                    json!(["the accepted format is 'scheme://address(:port)(/path)'. Accepted schemes are http, https, ws and wss"]),
                );
            }
        }
    }
    if !errors.is_empty() {
        return render::unprocessable(format, &errors);
    }
    if let Err(r) = auth::require_write(caller, format) {
        return r;
    }
    let now = crate::time::rfc3339(crate::time::now());
    let s = state.service_mut(sid).expect("service");
    let p = &mut s.proxy;
    for (key, slot) in [
        ("endpoint", &mut p.endpoint),
        ("sandbox_endpoint", &mut p.sandbox_endpoint),
        ("api_backend", &mut p.api_backend),
        ("credentials_location", &mut p.credentials_location),
        ("auth_user_key", &mut p.auth_user_key),
    ] {
        if let Some(v) = fields.get(key).and_then(crate::params::value_string) {
            *slot = v;
        }
    }
    p.lock_version += 1;
    p.updated_at = now;
    let s = state.service(sid).expect("service");
    render::ok(200, format, &json!({"proxy": render::proxy(s)}))
}

// ---- Master API (`/master/api`, master host only) ------------------------------------------

fn master_api(
    state: &mut State,
    ctx: &Ctx,
    method: &str,
    rest: &[&str],
    ext: Option<&str>,
) -> Response {
    enum M {
        Create,
        Show(Option<u64>),
        Update(Option<u64>),
        Destroy(Option<u64>),
    }
    let route = match (method, rest) {
        ("POST", ["providers"]) => M::Create,
        ("GET", ["providers", p]) => M::Show(id(p)),
        ("PUT", ["providers", p]) => M::Update(id(p)),
        ("DELETE", ["providers", p]) => M::Destroy(id(p)),
        _ => return render::routing_404(ext == Some("json")),
    };
    let format = format_or(ext, Format::Json);
    let caller = match auth::master(state, ctx, format) {
        Ok(c) => c,
        Err(r) => return r,
    };
    // `current_account.providers` (deleted ones only for show and update)
    let provider = |state: &State, pid: Option<u64>, with_deleted: bool| {
        pid.and_then(|p| state.account(p))
            .filter(|a| a.kind == AccountKind::Provider)
            .filter(|a| with_deleted || a.state != AccountState::ScheduledForDeletion)
            .map(|a| a.id)
    };
    match route {
        M::Create => {
            let get = |k: &str| ctx.params.string(k).unwrap_or_default();
            let password = ctx.params.string("password");
            let planned = match state.plan_signup(
                &get("org_name"),
                &get("username"),
                &get("email"),
                password.as_deref(),
            ) {
                Ok(p) => p,
                Err(errors) => {
                    let mut map = Map::new();
                    if !errors.account.is_empty() {
                        map.insert("account".into(), json!(errors.account));
                    }
                    if !errors.user.is_empty() {
                        map.insert("user".into(), json!(errors.user));
                    }
                    return render::unprocessable(format, &map);
                }
            };
            if let Err(r) = auth::require_write(&caller, format) {
                return r;
            }
            let signup = state.apply_signup(planned);
            let token = state.token(signup.token_id);
            render::ok(
                201,
                format,
                &render::signup(state, signup.account_id, token, &ctx.origin),
            )
        }
        M::Show(pid) => match provider(state, pid, true) {
            Some(aid) => render::ok(200, format, &render::signup(state, aid, None, &ctx.origin)),
            None => render::not_found(format),
        },
        M::Update(pid) => {
            let Some(aid) = provider(state, pid, true) else {
                return render::not_found(format);
            };
            let Some(fields) = ctx.params.wrapped("account", &[]) else {
                return Response::text(400, "Required parameter missing: account");
            };
            let deleted =
                state.account(aid).map(|a| a.state) == Some(AccountState::ScheduledForDeletion);
            let permitted: &[&str] = if deleted {
                &["state_event"]
            } else {
                &[
                    "from_email",
                    "support_email",
                    "finance_support_email",
                    "site_access_code",
                    "state_event",
                ]
            };
            let value = |k: &str| {
                permitted
                    .contains(&k)
                    .then(|| fields.get(k).and_then(crate::params::value_string))
                    .flatten()
            };
            if let Err(r) = auth::require_write(&caller, format) {
                return r;
            }
            if let Some(event) = value("state_event").filter(|e| !e.is_empty()) {
                if let Err(message) = state.fire_account_event(aid, &event) {
                    let mut map = Map::new();
                    map.insert("account".into(), json!([message]));
                    return render::unprocessable(format, &map);
                }
            }
            let updates: Vec<(&str, Option<String>)> = [
                "from_email",
                "support_email",
                "finance_support_email",
                "site_access_code",
            ]
            .into_iter()
            .map(|k| (k, value(k)))
            .collect();
            let account = state.account_mut(aid).expect("account");
            for (k, v) in updates {
                let Some(v) = v else { continue };
                match k {
                    "from_email" => account.from_email = Some(v),
                    "support_email" => account.support_email = Some(v),
                    "finance_support_email" => account.finance_support_email = Some(v),
                    _ => account.site_access_code = Some(v),
                }
            }
            render::ok(200, format, &render::signup(state, aid, None, &ctx.origin))
        }
        M::Destroy(pid) => {
            let Some(aid) = provider(state, pid, false) else {
                return render::not_found(format);
            };
            if let Err(r) = auth::require_write(&caller, format) {
                return r;
            }
            state
                .fire_account_event(aid, "schedule_for_deletion")
                .expect("a provider can be scheduled for deletion");
            Response::head(200, format.content_type())
        }
    }
}
