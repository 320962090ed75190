//! Admin-portal single sign-on: `/admin/api/account/authentication_providers`, as porta 2.8's
//! `Admin::Api::Account::AuthenticationProvidersController` answers it (`config/routes.rb`:
//! `except: %i[new edit destroy]`, plus `put :change_published`, which has no action), with
//! `AuthenticationProviderRepresenter`'s body (`client_secret` included, nil properties left
//! out) and `ProviderOauthFlowPresenter`'s `callback_url` (the request's own host).

use crate::api::{format_or, Ctx};
use crate::auth;
use crate::http::Response;
use crate::model::State;
use crate::params::{percent_encode, value_string, Params};
use crate::render::{self, Format};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// One admin-portal SSO integration (porta's `AuthenticationProvider` of `account_type`
/// `provider`).
#[derive(Clone, Debug, Serialize)]
pub struct AuthProvider {
    pub id: u64,
    pub account_id: u64,
    /// `keycloak` (Red Hat Single Sign-On) or `auth0`.
    pub kind: String,
    pub name: String,
    pub system_name: String,
    pub client_id: String,
    pub client_secret: String,
    /// The realm URL for `keycloak` (porta's `alias_attribute :realm, :site`).
    pub site: Option<String>,
    pub skip_ssl_certificate_verification: bool,
    pub published: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// The model's columns: what `wrap_parameters :authentication_provider` wraps from a body.
const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "account_type",
    "name",
    "system_name",
    "client_id",
    "client_secret",
    "token_url",
    "user_info_url",
    "authorize_url",
    "site",
    "account_id",
    "skip_ssl_certificate_verification",
    "automatically_approve_accounts",
    "username_key",
    "identifier_key",
    "trust_email",
    "published",
    "created_at",
    "updated_at",
];

/// `DEFAULT_PARAMS`: what `update` permits (`create` adds `kind`, `system_name`, `name`).
const DEFAULT_PARAMS: &[&str] = &[
    "client_id",
    "client_secret",
    "site",
    "skip_ssl_certificate_verification",
    "published",
];

/// `AuthenticationProvider::AVAILABLE[:provider]` (`human_kind` is the default name).
const KINDS: &[(&str, &str)] = &[("keycloak", "Red Hat Single Sign-On"), ("auth0", "Auth0")];

/// `SystemName` excluded values of `AuthenticationProvider`.
const RESERVED: &[&str] = &["redhat-customer-portal", "service-discovery"];

enum Route {
    Index,
    Create,
    Show(Option<u64>),
    Update(Option<u64>),
}

/// `rest` is what follows `/admin/api/account/authentication_providers`.
pub fn handle(
    state: &mut State,
    ctx: &Ctx,
    site_account: u64,
    method: &str,
    rest: &[&str],
    ext: Option<&str>,
) -> Response {
    let route = match (method, rest) {
        ("GET", []) => Route::Index,
        ("POST", []) => Route::Create,
        ("GET", [id]) => Route::Show(id.parse().ok()),
        ("PUT" | "PATCH", [id]) => Route::Update(id.parse().ok()),
        // Routed, but the controller has no such action: AbstractController::ActionNotFound,
        // before any filter.
        _ => return render::routing_404(ext == Some("json")),
    };
    let format = format_or(ext, Format::Xml);
    let caller = match auth::account_management(state, site_account, ctx, format) {
        Ok(c) => c,
        Err(r) => return r,
    };
    // `authorize_rolling_update`: `provider_can_use!(:provider_sso)` raises RecordNotFound.
    if state.sso_unavailable.contains(&caller.account_id) {
        return render::not_found(format);
    }
    let account = caller.account_id;
    match route {
        Route::Index => {
            let items: Vec<Value> = state
                .authentication_providers
                .iter()
                .filter(|p| p.account_id == account)
                .map(|p| json!({"authentication_provider": representation(p, &ctx.origin)}))
                .collect();
            render::ok(200, format, &json!({"authentication_providers": items}))
        }
        Route::Show(id) => match find(state, account, id) {
            Some(i) => shown(&state.authentication_providers[i], ctx, 200, format),
            None => render::not_found(format),
        },
        Route::Create => create(state, ctx, &caller, format),
        Route::Update(id) => update(state, ctx, &caller, id, format),
    }
}

fn find(state: &State, account: u64, id: Option<u64>) -> Option<usize> {
    let id = id?;
    state
        .authentication_providers
        .iter()
        .position(|p| p.id == id && p.account_id == account)
}

fn shown(p: &AuthProvider, ctx: &Ctx, status: u16, format: Format) -> Response {
    render::ok(
        status,
        format,
        &json!({"authentication_provider": representation(p, &ctx.origin)}),
    )
}

/// `AuthenticationProviderRepresenter` through `ProviderOauthFlowPresenter`: nil properties are
/// left out, `client_secret` is there, `callback_url` is on the request's host.
pub fn representation(p: &AuthProvider, origin: &str) -> Value {
    let callback = callback_url(origin, &p.system_name);
    let mut m = Map::new();
    m.insert("id".into(), json!(p.id));
    m.insert("kind".into(), json!(p.kind));
    m.insert("account_type".into(), json!("provider"));
    m.insert("name".into(), json!(p.name));
    m.insert("system_name".into(), json!(p.system_name));
    m.insert("client_id".into(), json!(p.client_id));
    m.insert("client_secret".into(), json!(p.client_secret));
    if let Some(site) = &p.site {
        m.insert("site".into(), json!(site));
    }
    if let Some(url) = authorize_url(p, &callback) {
        m.insert("authorize_url".into(), json!(url));
    }
    m.insert(
        "skip_ssl_certificate_verification".into(),
        json!(p.skip_ssl_certificate_verification),
    );
    m.insert("automatically_approve_accounts".into(), json!(false));
    m.insert("account_id".into(), json!(p.account_id));
    m.insert("username_key".into(), json!("login"));
    m.insert("identifier_key".into(), json!("id"));
    m.insert("trust_email".into(), json!(false));
    m.insert("published".into(), json!(p.published));
    m.insert("created_at".into(), json!(p.created_at));
    m.insert("updated_at".into(), json!(p.updated_at));
    m.insert("callback_url".into(), json!(callback));
    Value::Object(m)
}

/// `ThreeScale::Domain.callback_endpoint` + `ClientBase::CallbackUrl`: the request's scheme and
/// host, `/auth/<system_name>/callback`, no query.
pub fn callback_url(origin: &str, system_name: &str) -> String {
    format!("{origin}/auth/{system_name}/callback")
}

/// `OauthFlowPresenter#authorize_url`: Keycloak's authorization endpoint under the realm, with
/// the client, the callback, `code` and `openid` (Faraday's sorted encoding).
fn authorize_url(p: &AuthProvider, callback: &str) -> Option<String> {
    let site = p.site.as_deref()?;
    let base = match p.kind.as_str() {
        "keycloak" => format!("{site}/protocol/openid-connect/auth"),
        _ => format!("{site}/authorize"),
    };
    Some(format!(
        "{base}?client_id={}&redirect_uri={}&response_type=code&scope=openid",
        percent_encode(&p.client_id),
        percent_encode(callback)
    ))
}

/// Rails' boolean cast of a parameter: `nil` for blank, false for its false words.
fn boolean(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Null => None,
        other => {
            let text = value_string(other)?;
            if text.is_empty() {
                return None;
            }
            Some(!matches!(
                text.as_str(),
                "0" | "f" | "F" | "false" | "FALSE" | "off" | "OFF"
            ))
        }
    }
}

/// The wrapped `authentication_provider` fields `permitted` lets through.
fn permitted(params: &Params, allowed: &[&str]) -> Result<Map<String, Value>, Response> {
    let Some(fields) = params.wrapped("authentication_provider", COLUMNS) else {
        return Err(Response::text(
            400,
            "Required parameter missing: authentication_provider",
        ));
    };
    Ok(fields
        .into_iter()
        .filter(|(k, _)| allowed.contains(&k.as_str()))
        .collect())
}

fn text(fields: &Map<String, Value>, key: &str) -> Option<String> {
    fields.get(key).and_then(value_string)
}

fn create(state: &mut State, ctx: &Ctx, caller: &auth::Caller, format: Format) -> Response {
    let mut allowed = DEFAULT_PARAMS.to_vec();
    allowed.extend(["kind", "system_name", "name"]);
    let fields = match permitted(&ctx.params, &allowed) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let kind = text(&fields, "kind")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if kind.is_empty() {
        return Response::text(400, "Required parameter missing: kind");
    }
    let Some((_, human)) = KINDS.iter().find(|(k, _)| *k == kind) else {
        let mut errors = Map::new();
        errors.insert("kind".into(), json!(["unavailable for this account type"]));
        return render::unprocessable(format, &errors);
    };
    let name = text(&fields, "name").filter(|n| !n.trim().is_empty());
    // `generate_system_name` runs before `set_defaults`: from the name, else kind + 12 hex.
    let system_name = text(&fields, "system_name")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| match &name {
            Some(n) => crate::model::parameterize(n, '_'),
            None => format!("{kind}_{}", crate::model::random_hex(6)),
        });
    let now = crate::time::rfc3339(crate::time::now());
    let mut provider = AuthProvider {
        id: 0,
        account_id: caller.account_id,
        kind,
        name: name.unwrap_or_else(|| human.to_string()),
        system_name,
        client_id: String::new(),
        client_secret: String::new(),
        site: None,
        skip_ssl_certificate_verification: false,
        published: false,
        created_at: now.clone(),
        updated_at: now,
    };
    assign(&mut provider, &fields);
    let errors = validate(state, &provider);
    if !errors.is_empty() {
        return render::unprocessable(format, &errors);
    }
    if let Err(r) = auth::require_write(caller, format) {
        return r;
    }
    provider.id = state.next_auth_provider_id();
    let mut response = shown(&provider, ctx, 201, format);
    response.headers.push((
        "Location".into(),
        format!(
            "{}/admin/api/account/authentication_providers/{}",
            ctx.origin, provider.id
        ),
    ));
    state.authentication_providers.push(provider);
    response
}

fn update(
    state: &mut State,
    ctx: &Ctx,
    caller: &auth::Caller,
    id: Option<u64>,
    format: Format,
) -> Response {
    let Some(index) = find(state, caller.account_id, id) else {
        return render::not_found(format);
    };
    // `authorize_changes`: a published provider is locked while SSO is enforced.
    if state.sso_enforced.contains(&caller.account_id)
        && state.authentication_providers[index].published
    {
        return Response::json(403, &json!({"status": "Forbidden"}));
    }
    let fields = match permitted(&ctx.params, DEFAULT_PARAMS) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let mut provider = state.authentication_providers[index].clone();
    assign(&mut provider, &fields);
    let errors = validate(state, &provider);
    if !errors.is_empty() {
        return render::unprocessable(format, &errors);
    }
    if let Err(r) = auth::require_write(caller, format) {
        return r;
    }
    provider.updated_at = crate::time::rfc3339(crate::time::now());
    state.authentication_providers[index] = provider.clone();
    shown(&provider, ctx, 200, format)
}

/// The permitted fields, onto the model (an absent field keeps its value).
fn assign(p: &mut AuthProvider, fields: &Map<String, Value>) {
    if let Some(v) = text(fields, "client_id") {
        p.client_id = v;
    }
    if let Some(v) = text(fields, "client_secret") {
        p.client_secret = v;
    }
    if let Some(v) = fields.get("site") {
        p.site = value_string(v).filter(|s| !s.is_empty());
    }
    if let Some(v) = fields.get("skip_ssl_certificate_verification") {
        p.skip_ssl_certificate_verification = boolean(v).unwrap_or(false);
    }
    if let Some(v) = fields.get("published") {
        p.published = boolean(v).unwrap_or(false);
    }
}

/// The model's validations, per attribute.
fn validate(state: &State, p: &AuthProvider) -> Map<String, Value> {
    let mut errors = Map::new();
    let mut add = |field: &str, message: &str| {
        let entry = errors
            .entry(field.to_string())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(items) = entry {
            items.push(json!(message));
        }
    };
    if p.name.trim().is_empty() {
        add("name", "can't be blank");
    } else if p.name.chars().count() > 255 {
        add("name", "is too long (maximum is 255 characters)");
    }
    if !system_name_ok(&p.system_name) {
        add("system_name", "is invalid");
    } else if RESERVED.contains(&p.system_name.as_str()) {
        add("system_name", "is reserved");
    }
    let taken = state
        .authentication_providers
        .iter()
        .any(|o| o.account_id == p.account_id && o.system_name == p.system_name && o.id != p.id);
    if taken {
        add("system_name", "has already been taken");
    }
    if p.client_id.trim().is_empty() {
        add("client_id", "can't be blank");
    }
    if p.client_secret.trim().is_empty() {
        add("client_secret", "can't be blank");
    }
    match p.site.as_deref() {
        None if p.kind == "keycloak" => add("realm", "can't be blank"),
        Some(site) => {
            if p.kind == "keycloak" && site.chars().any(char::is_whitespace) {
                add("realm", "Please, remove any white space.");
            }
            // `URI.regexp(%w(http https))`, unanchored.
            if !(site.contains("http://") || site.contains("https://")) {
                add("site", "Invalid URL format");
            }
        }
        None => {}
    }
    errors
}

/// `\A\w[\w\-/_]+\z`.
fn system_name_ok(s: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if word(c) => {}
        _ => return false,
    }
    let rest: Vec<char> = chars.collect();
    !rest.is_empty() && rest.iter().all(|&c| word(c) || c == '-' || c == '/')
}
