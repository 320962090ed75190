//! An account's own admin-portal users and their permissions (research 24, §7.2): the
//! impersonation admin hidden, members created pending, role and state events with porta's
//! refusals, and Rails' form semantics of `allowed_service_ids`.

mod common;

use common::{basic, Client};
use fake_3scale::{Config, Product, Server, UserState};
use serde_json::{json, Value};

fn setup() -> (Server, Client, String, String) {
    let server =
        Server::start(Config::default().products(vec![Product::new("API"), Product::new("Echo")]));
    let client = Client::direct(server.port(), server.ca_pem_path());
    let admin = server.hosts().admin;
    let auth = basic(&server.config().admin_access_token);
    (server, client, admin, auth)
}

fn usernames(list: &Value) -> Vec<String> {
    list["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["user"]["username"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn create_is_a_pending_member_and_the_impersonation_admin_is_hidden() {
    let (server, client, admin, auth) = setup();
    let list = client
        .get(&admin, "/admin/api/users.json", Some(&auth))
        .unwrap();
    assert_eq!(usernames(&list.json()), ["admin"]);
    let made = client
        .form(
            "POST",
            &admin,
            "/admin/api/users.json",
            Some(&auth),
            "username=jdoe&email=jdoe%40example.com&role=admin&state=active",
        )
        .unwrap();
    assert_eq!(made.status, 201, "{}", made.text());
    let user = made.json()["user"].clone();
    assert_eq!(
        (user["state"].as_str(), user["role"].as_str()),
        (Some("pending"), Some("member"))
    );
    let id = user["id"].as_u64().unwrap();
    let members = client
        .get(
            &admin,
            "/admin/api/users.json?role=member&state=pending",
            Some(&auth),
        )
        .unwrap();
    assert_eq!(usernames(&members.json()), ["jdoe"]);
    let again = client
        .form(
            "POST",
            &admin,
            "/admin/api/users.json",
            Some(&auth),
            "username=jdoe&email=bad",
        )
        .unwrap();
    assert_eq!(
        (again.status, again.json()),
        (
            422,
            json!({"errors": {"username": ["has already been taken"], "email": ["should look like an email address"]}})
        )
    );
    let impersonation = server
        .state()
        .users
        .iter()
        .find(|u| u.username == "3scaleadmin" && u.account_id == 2)
        .unwrap()
        .id;
    let r = client
        .get(
            &admin,
            &format!("/admin/api/users/{impersonation}.json"),
            Some(&auth),
        )
        .unwrap();
    assert_eq!(r.status, 404);

    // state events
    let event = |id: u64, e: &str| {
        client
            .form(
                "PUT",
                &admin,
                &format!("/admin/api/users/{id}/{e}.json"),
                Some(&auth),
                "",
            )
            .unwrap()
    };
    let r = event(id, "suspend");
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json()["error"]["error"],
        "State cannot transition via \"suspend\""
    );
    assert_eq!(event(id, "activate").json()["user"]["state"], "active");
    let r = event(id, "activate");
    assert_eq!(
        (r.status, r.json()),
        (
            422,
            json!({"errors": {"state": ["cannot transition via \"activate\""]}})
        )
    );
    assert_eq!(event(id, "suspend").json()["user"]["state"], "suspended");
    assert_eq!(event(id, "unsuspend").json()["user"]["state"], "active");
    assert_eq!(event(id, "admin").json()["user"]["role"], "admin");
    // the token's own user
    let own = server.state().user_by_username(2, "admin").unwrap().id;
    assert_eq!(event(own, "member").status, 403);
    let r = client
        .request(
            "DELETE",
            &admin,
            &format!("/admin/api/users/{own}.json"),
            &[("Authorization", &auth)],
            None,
        )
        .unwrap();
    assert_eq!((r.status, r.json()), (403, json!({"status": "Forbidden"})));
    let r = client
        .request(
            "DELETE",
            &admin,
            &format!("/admin/api/users/{id}.json"),
            &[("Authorization", &auth)],
            None,
        )
        .unwrap();
    assert_eq!((r.status, r.body.len()), (200, 0));
    assert!(server.state().user(id).is_none());

    // an account whose multiple_users switch is denied
    server.with_state(|s| s.single_user.push(2));
    let r = client
        .form(
            "POST",
            &admin,
            "/admin/api/users.json",
            Some(&auth),
            "username=x12&email=x%40example.com",
        )
        .unwrap();
    assert_eq!((r.status, r.body.len()), (403, 0));
}

#[test]
fn permissions_follow_rails_form_semantics() {
    let (server, client, admin, auth) = setup();
    let id = server
        .with_state(|s| s.add_member("3scale", "sso-user", "sso@example.com", UserState::Active));
    let path = format!("/admin/api/users/{id}/permissions.json");
    let get = || client.get(&admin, &path, Some(&auth)).unwrap().json()["permissions"].clone();
    let fresh = get();
    assert_eq!(fresh["allowed_sections"], json!([]));
    assert_eq!(
        fresh["allowed_service_ids"],
        Value::Null,
        "no permission: every product"
    );
    let services: Vec<u64> = server
        .services()
        .iter()
        .filter(|s| s.account_id == 2)
        .map(|s| s.id)
        .collect();
    let put = |body: &str| {
        client
            .form("PUT", &admin, &path, Some(&auth), body)
            .unwrap()
    };

    let r = put(&format!(
        "allowed_sections%5B%5D=partners&allowed_sections%5B%5D=bogus&allowed_sections%5B%5D=monitoring&allowed_service_ids%5B%5D={}&allowed_service_ids%5B%5D=999",
        services[0]
    ));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.json()["permissions"]["allowed_sections"],
        json!(["partners", "monitoring"])
    );
    assert_eq!(
        r.json()["permissions"]["allowed_service_ids"],
        json!([services[0]])
    );
    // `[]` as a value: none
    put("allowed_service_ids%5B%5D=%5B%5D");
    assert_eq!(get()["allowed_service_ids"], json!([]));
    // a scalar empty value: every product
    put("allowed_service_ids=");
    assert_eq!(get()["allowed_service_ids"], Value::Null);
    put("allowed_service_ids%5B%5D=%5B%5D");
    // the bare key: every product
    put("allowed_service_ids%5B%5D");
    assert_eq!(get()["allowed_service_ids"], Value::Null);
    // sections untouched when absent; none with `[]`
    assert_eq!(get()["allowed_sections"], json!(["partners", "monitoring"]));
    put("allowed_sections%5B%5D=%5B%5D");
    assert_eq!(get()["allowed_sections"], json!([]));
    let r = put("");
    assert_eq!(
        (r.status, r.text()),
        (400, "Required parameter missing: permissions".to_string())
    );

    // an admin: every section, every product, and no change allowed
    let own = server.state().user_by_username(2, "admin").unwrap().id;
    let admin_path = format!("/admin/api/users/{own}/permissions.json");
    let p = client.get(&admin, &admin_path, Some(&auth)).unwrap().json()["permissions"].clone();
    assert_eq!(p["role"], "admin");
    assert_eq!(p["allowed_sections"].as_array().unwrap().len(), 7);
    let r = client
        .form(
            "PUT",
            &admin,
            &admin_path,
            Some(&auth),
            "allowed_sections%5B%5D=portal",
        )
        .unwrap();
    assert_eq!(r.status, 403);
}
