//! An account's own admin-portal users: `/admin/api/users` (porta 2.8's
//! `Admin::Api::UsersController`: `but_impersonation_admin`, `can_create_user?`, role and state
//! events) and `/admin/api/users/{id}/permissions` (`MemberPermissionsController`, with Rails'
//! form semantics for `allowed_service_ids`).

use crate::api::{format_or, Ctx};
use crate::auth::{self, Caller};
use crate::http::Response;
use crate::model::{Role, State, User, UserState, IMPERSONATION_ADMIN, SECTIONS};
use crate::params::{value_list, value_string};
use crate::render::{self, Format};
use serde_json::{json, Map, Value};

enum Route {
    Index,
    Create,
    Show(Option<u64>),
    Update(Option<u64>),
    Destroy(Option<u64>),
    Event(Option<u64>, &'static str),
    Permissions(Option<u64>),
    SetPermissions(Option<u64>),
}

fn forbidden() -> Response {
    Response::json(403, &json!({"status": "Forbidden"}))
}

/// `rest` is what follows `/admin/api/users`.
pub fn handle(
    state: &mut State,
    ctx: &Ctx,
    site_account: u64,
    method: &str,
    rest: &[&str],
    ext: Option<&str>,
) -> Response {
    let id = |s: &str| s.parse::<u64>().ok();
    let route = match (method, rest) {
        ("GET", []) => Route::Index,
        ("POST", []) => Route::Create,
        ("GET", [u]) => Route::Show(id(u)),
        ("PUT" | "PATCH", [u]) => Route::Update(id(u)),
        ("DELETE", [u]) => Route::Destroy(id(u)),
        ("PUT", [u, "admin"]) => Route::Event(id(u), "admin"),
        ("PUT", [u, "member"]) => Route::Event(id(u), "member"),
        ("PUT", [u, "activate"]) => Route::Event(id(u), "activate"),
        ("PUT", [u, "suspend"]) => Route::Event(id(u), "suspend"),
        ("PUT", [u, "unsuspend"]) => Route::Event(id(u), "unsuspend"),
        ("GET", [u, "permissions"]) => Route::Permissions(id(u)),
        ("PUT" | "PATCH", [u, "permissions"]) => Route::SetPermissions(id(u)),
        _ => return render::routing_404(ext == Some("json")),
    };
    let format = format_or(ext, Format::Xml);
    let caller = match auth::account_management(state, site_account, ctx, format) {
        Ok(c) => c,
        Err(r) => return r,
    };
    // The abilities: only an admin manages users (a member reads nothing here).
    if state.user(caller.user_id).map(|u| u.role) != Some(Role::Admin) {
        return forbidden();
    }
    match route {
        Route::Index => index(state, ctx, &caller, format),
        Route::Create => create(state, ctx, &caller, format),
        Route::Show(u) => match visible(state, &caller, u) {
            Some(u) => shown(state, u, ctx, 200, format),
            None => render::not_found(format),
        },
        Route::Update(u) => update(state, ctx, &caller, u, format),
        Route::Destroy(u) => destroy(state, &caller, u, format),
        Route::Event(u, event) => match visible(state, &caller, u) {
            Some(u) => fire(state, ctx, &caller, u, event, format),
            None => render::not_found(format),
        },
        Route::Permissions(u) => match member_of(state, &caller, u) {
            Some(u) => permissions(state, u, ctx, 200, format),
            None => render::not_found(format),
        },
        Route::SetPermissions(u) => set_permissions(state, ctx, &caller, u, format),
    }
}

/// `current_account.users.but_impersonation_admin.find(id)`.
fn visible(state: &State, caller: &Caller, id: Option<u64>) -> Option<u64> {
    state
        .user(id?)
        .filter(|u| u.account_id == caller.account_id && u.username != IMPERSONATION_ADMIN)
        .map(|u| u.id)
}

/// `current_account.users.find(id)`: the impersonation admin is not hidden here.
fn member_of(state: &State, caller: &Caller, id: Option<u64>) -> Option<u64> {
    state
        .user(id?)
        .filter(|u| u.account_id == caller.account_id)
        .map(|u| u.id)
}

fn shown(state: &State, id: u64, ctx: &Ctx, status: u16, format: Format) -> Response {
    let user = state.user(id).expect("user");
    let account = state.account(user.account_id).expect("account");
    render::ok(
        status,
        format,
        &json!({"user": render::user(user, account, &ctx.origin)}),
    )
}

fn index(state: &State, ctx: &Ctx, caller: &Caller, format: Format) -> Response {
    if state.single_user.contains(&caller.account_id) {
        return forbidden();
    }
    let wanted_state = ctx.params.string("state");
    let wanted_role = ctx.params.string("role");
    let account = state.account(caller.account_id).expect("account");
    let users: Vec<Value> = state
        .users_of(caller.account_id)
        .into_iter()
        .filter(|u| u.username != IMPERSONATION_ADMIN)
        .filter(|u| {
            wanted_state
                .as_deref()
                .is_none_or(|s| u.state.as_str() == s)
        })
        .filter(|u| wanted_role.as_deref().is_none_or(|r| u.role.as_str() == r))
        .map(|u| json!({"user": render::user(u, account, &ctx.origin)}))
        .collect();
    render::ok(200, format, &json!({ "users": users }))
}

/// The `User` validations of a username and an e-mail (unique within the account; porta's
/// `users` table compares them byte for byte).
fn validate(
    state: &State,
    account: u64,
    own: Option<u64>,
    username: &str,
    email: &str,
) -> Map<String, Value> {
    let mut errors = Map::new();
    let mut add = |field: &str, message: &str| {
        let entry = errors
            .entry(field.to_string())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(items) = entry {
            items.push(json!(message));
        }
    };
    let length = username.chars().count();
    if length < 3 {
        add("username", "is too short (minimum is 3 characters)");
    } else if length > 40 {
        add("username", "is too long (maximum is 40 characters)");
    }
    if !username.is_empty() && !crate::model::login_ok(username) {
        add("username", "use only letters, numbers, and .-_@+ please.");
    }
    if !crate::model::email_ok(email) {
        add("email", "should look like an email address");
    }
    let others = || {
        state
            .users_of(account)
            .into_iter()
            .filter(move |u| Some(u.id) != own)
    };
    if others().any(|u| u.username == username) {
        add("username", "has already been taken");
    }
    if others().any(|u| u.email == email) {
        add("email", "has already been taken");
    }
    errors
}

fn create(state: &mut State, ctx: &Ctx, caller: &Caller, format: Format) -> Response {
    // `can_create_user?`: `head :forbidden`.
    if state.single_user.contains(&caller.account_id) {
        return Response::head(403, format.content_type());
    }
    let username = ctx.params.string("username").unwrap_or_default();
    let email = ctx.params.string("email").unwrap_or_default();
    let errors = validate(state, caller.account_id, None, username.trim(), &email);
    if !errors.is_empty() {
        return render::unprocessable(format, &errors);
    }
    if let Err(r) = auth::require_write(caller, format) {
        return r;
    }
    // `role` and `state` are not attr_accessible: always a pending member.
    let password = ctx.params.string("password").filter(|p| !p.is_empty());
    let id = state.insert_member(
        caller.account_id,
        username.trim(),
        &email,
        UserState::Pending,
        password,
    );
    let mut response = shown(state, id, ctx, 201, format);
    response.headers.push((
        "Location".into(),
        format!("{}/admin/api/users/{id}", ctx.origin),
    ));
    response
}

fn update(
    state: &mut State,
    ctx: &Ctx,
    caller: &Caller,
    id: Option<u64>,
    format: Format,
) -> Response {
    let Some(id) = visible(state, caller, id) else {
        return render::not_found(format);
    };
    let current = state.user(id).expect("user").clone();
    let username = ctx
        .params
        .string("username")
        .map(|u| u.trim().to_string())
        .unwrap_or(current.username.clone());
    let email = ctx.params.string("email").unwrap_or(current.email.clone());
    let errors = validate(state, caller.account_id, Some(id), &username, &email);
    if !errors.is_empty() {
        return render::unprocessable(format, &errors);
    }
    if let Err(r) = auth::require_write(caller, format) {
        return r;
    }
    let user = state.user_mut(id).expect("user");
    user.username = username;
    user.email = email;
    shown(state, id, ctx, 200, format)
}

fn destroy(state: &mut State, caller: &Caller, id: Option<u64>, format: Format) -> Response {
    let Some(id) = visible(state, caller, id) else {
        return render::not_found(format);
    };
    // `cannot [:destroy, :update_role], User, id: user.id`
    if id == caller.user_id {
        return forbidden();
    }
    let admins: Vec<u64> = state
        .users_of(caller.account_id)
        .iter()
        .filter(|u| u.role == Role::Admin)
        .map(|u| u.id)
        .collect();
    if admins == [id] {
        return Response::json(
            403,
            &json!({"errors": {"base": ["Can't delete last admin"]}}),
        );
    }
    if let Err(r) = auth::require_write(caller, format) {
        return r;
    }
    state.delete_user(id);
    Response::head(200, format.content_type())
}

/// The role and state events; a wrong start state is porta's 422.
fn fire(
    state: &mut State,
    ctx: &Ctx,
    caller: &Caller,
    id: u64,
    event: &str,
    format: Format,
) -> Response {
    let user: User = state.user(id).expect("user").clone();
    let cannot = |event: &str| {
        let mut errors = Map::new();
        errors.insert(
            "state".into(),
            json!([format!("cannot transition via \"{event}\"")]),
        );
        render::unprocessable(format, &errors)
    };
    let change: Box<dyn FnOnce(&mut User)> = match event {
        "admin" | "member" if id == caller.user_id => return forbidden(),
        "admin" => Box::new(|u| u.role = Role::Admin),
        "member" => Box::new(|u| u.role = Role::Member),
        "activate" if user.state == UserState::Pending => Box::new(|u| u.state = UserState::Active),
        "activate" => return cannot("activate"),
        "unsuspend" if user.state == UserState::Suspended => {
            Box::new(|u| u.state = UserState::Active)
        }
        "unsuspend" => return cannot("unsuspend"),
        // `suspend!`: StateMachines::InvalidTransition, through the ErrorResponder.
        "suspend" if user.state == UserState::Pending => {
            let account = state.account(user.account_id).expect("account");
            return Response::json(
                422,
                &json!({"error": {
                    "from": "pending",
                    "event": "suspend",
                    "error": "State cannot transition via \"suspend\"",
                    "object": render::user(&user, account, &ctx.origin),
                }}),
            );
        }
        _ => Box::new(|u| u.state = UserState::Suspended),
    };
    if let Err(r) = auth::require_write(caller, format) {
        return r;
    }
    change(state.user_mut(id).expect("user"));
    shown(state, id, ctx, 200, format)
}

/// `MemberPermissionsRepresenter`: an admin has every section and every product.
fn permissions(state: &State, id: u64, ctx: &Ctx, status: u16, format: Format) -> Response {
    let user = state.user(id).expect("user");
    let (sections, services) = match user.role {
        Role::Admin => {
            let all: Vec<&str> = if user.account_id == state.master_id {
                SECTIONS
                    .iter()
                    .copied()
                    .filter(|s| *s != "finance")
                    .collect()
            } else {
                SECTIONS.to_vec()
            };
            (json!(all), Value::Null)
        }
        Role::Member => (json!(user.sections), json!(user.services)),
    };
    render::ok(
        status,
        format,
        &json!({"permissions": {
            "user_id": user.id,
            "role": user.role.as_str(),
            "allowed_sections": sections,
            "allowed_service_ids": services,
            "links": [render::link(
                "user",
                format!("{}/admin/api/accounts/{}/users/{}", ctx.origin, user.account_id, user.id),
            )],
        }}),
    )
}

fn set_permissions(
    state: &mut State,
    ctx: &Ctx,
    caller: &Caller,
    id: Option<u64>,
    format: Format,
) -> Response {
    let Some(id) = member_of(state, caller, id) else {
        return render::not_found(format);
    };
    // `authorize! :update_permissions`: never an admin's.
    if state.user(id).map(|u| u.role) == Some(Role::Admin) {
        return forbidden();
    }
    let Some(fields) = ctx
        .params
        .wrapped("permissions", &["allowed_sections", "allowed_service_ids"])
    else {
        return Response::text(400, "Required parameter missing: permissions");
    };
    if let Err(r) = auth::require_write(caller, format) {
        return r;
    }
    let sections = fields.get("allowed_sections").map(|v| {
        let mut out: Vec<String> = Vec::new();
        for s in value_list(Some(v)) {
            // Unknown names are dropped silently.
            if SECTIONS.contains(&s.as_str()) && !out.contains(&s) {
                out.push(s);
            }
        }
        out
    });
    let services = fields
        .get("allowed_service_ids")
        .map(|v| service_ids(state, caller.account_id, v));
    let user = state.user_mut(id).expect("user");
    if let Some(s) = sections {
        user.sections = s;
    }
    if let Some(s) = services {
        user.services = s;
    }
    permissions(state, id, ctx, 200, format)
}

/// What `member_permission_service_ids=` keeps: blank (a scalar `""`, a bare `[]` that Rails
/// compacts to nothing, `null`) is every product; anything else is `to_i` of each entry, only
/// the account's own products kept (`"[]"` is 0, so none).
fn service_ids(state: &State, account: u64, value: &Value) -> Option<Vec<u64>> {
    let given: Vec<String> = match value {
        Value::Null => return None,
        Value::Array(items) => items.iter().filter_map(value_string).collect(),
        other => value_string(other)
            .filter(|s| !s.is_empty())
            .into_iter()
            .collect(),
    };
    if given.is_empty() {
        return None;
    }
    let own: Vec<u64> = state.services_of(account).iter().map(|s| s.id).collect();
    let mut out = Vec::new();
    for g in given {
        // Ruby's `to_i`: the leading digits, 0 when there are none.
        let digits: String = g.trim().chars().take_while(char::is_ascii_digit).collect();
        let n: u64 = digits.parse().unwrap_or(0);
        if own.contains(&n) && !out.contains(&n) {
            out.push(n);
        }
    }
    Some(out)
}
