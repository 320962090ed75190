//! The Master API: signup, activation of the pending admin, the accounts list, deletion and
//! resumption.

mod common;

use common::{basic, Client};
use fake_3scale::{AccountState, Config, Server, UserState};
use serde_json::{json, Value};

struct Env {
    server: Server,
    client: Client,
    master: String,
    auth: String,
}

fn env() -> Env {
    let server = Server::start(Config::new("apps.example.com"));
    let client = Client::direct(server.port(), server.ca_pem_path());
    let master = server.hosts().master;
    let auth = basic(&server.config().master_access_token);
    Env {
        server,
        client,
        master,
        auth,
    }
}

impl Env {
    fn signup(&self, org: &str, user: &str) -> common::Reply {
        self.client
            .form(
                "POST",
                &self.master,
                "/master/api/providers.json",
                Some(&self.auth),
                &format!(
                    "org_name={}&username={user}&email={user}%40acme.example&password=Pw-123456",
                    fake_3scale::percent_encode(org)
                ),
            )
            .unwrap()
    }

    fn get(&self, host: &str, path: &str, auth: &str) -> common::Reply {
        self.client.get(host, path, Some(auth)).unwrap()
    }
}

#[test]
fn signup_activation_and_the_new_portals() {
    let e = env();
    let reply = e.signup("ACME Corp", "acme-admin");
    assert_eq!(reply.status, 201, "{}", reply.text());
    let body = reply.json();
    let account = &body["signup"]["account"];
    assert_eq!(account["org_name"], "ACME Corp");
    assert_eq!(account["admin_domain"], "acme-corp-admin.apps.example.com");
    assert_eq!(account["domain"], "acme-corp.apps.example.com");
    assert_eq!(account["state"], "approved");
    let token = &body["signup"]["access_token"];
    assert_eq!(token["name"], "account management rw");
    assert_eq!(token["scopes"], json!(["account_management"]));
    assert_eq!(token["permission"], "rw");
    let value = token["value"].as_str().unwrap().to_string();
    let id = account["id"].as_u64().unwrap();
    // 1 master, 2 default tenant, 3 its sample developer: the new tenant is 4
    assert_eq!(id, 4);
    assert_eq!(e.server.state().account(id).unwrap().org_name, "ACME Corp");

    // its admin portal and API answer at once
    let admin_host = account["admin_domain"].as_str().unwrap();
    assert_eq!(
        e.client.get(admin_host, "/p/login", None).unwrap().status,
        200
    );
    let services = e
        .get(admin_host, "/admin/api/services.json", &basic(&value))
        .json();
    assert_eq!(services["services"][0]["service"]["name"], "API");

    // the admin user is pending; the list has 3scaleadmin too
    let users = e.get(
        &e.master,
        &format!("/admin/api/accounts/{id}/users.json?role=admin"),
        &e.auth,
    );
    assert_eq!(users.status, 200);
    let users: Vec<Value> = users.json()["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["user"].clone())
        .collect();
    let names: Vec<&str> = users
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["acme-admin", "3scaleadmin"]);
    assert_eq!(users[0]["state"], "pending");
    assert_eq!(users[1]["state"], "active");
    let user_id = users[0]["id"].as_u64().unwrap();

    let activated = e
        .client
        .request(
            "PUT",
            &e.master,
            &format!("/admin/api/accounts/{id}/users/{user_id}/activate.json"),
            &[("Authorization", &e.auth)],
            None,
        )
        .unwrap();
    assert_eq!(activated.status, 200);
    assert_eq!(activated.json()["user"]["state"], "active");
    let state = e.server.state();
    let user = state.user(user_id).unwrap();
    assert_eq!(user.state, UserState::Active);
    assert_eq!(user.password.as_deref(), Some("Pw-123456"));

    // show: no token in the body
    let shown = e
        .get(
            &e.master,
            &format!("/master/api/providers/{id}.json"),
            &e.auth,
        )
        .json();
    assert_eq!(shown["signup"]["account"]["id"], id);
    assert!(shown["signup"].get("access_token").is_none());
    assert!(e.server.requests_with_credentials_in_url().is_empty());
}

#[test]
fn a_repeated_org_name_gets_the_next_free_subdomain() {
    let e = env();
    let domains: Vec<String> = (0..3)
        .map(|_| {
            let r = e.signup("ACME Corp", "acme-admin");
            assert_eq!(r.status, 201);
            r.json()["signup"]["account"]["admin_domain"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        domains,
        vec![
            "acme-corp-admin.apps.example.com",
            "acme-corp-2-admin.apps.example.com",
            "acme-corp-3-admin.apps.example.com"
        ]
    );
    // the default tenant's name is taken too
    let r = e.signup("3scale", "someone");
    assert_eq!(
        r.json()["signup"]["account"]["domain"],
        "3scale-2.apps.example.com"
    );
}

#[test]
fn invalid_signups_get_422_with_porta_messages() {
    let e = env();
    let reply = e
        .client
        .form(
            "POST",
            &e.master,
            "/master/api/providers.json",
            Some(&e.auth),
            "org_name=&username=ab&email=not-an-email&password=x",
        )
        .unwrap();
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.json(),
        json!({"errors": {
            "account": ["Domain can't be blank", "Admin domain can't be blank", "Organization/Group Name can't be blank"],
            "user": ["Username is too short (minimum is 3 characters)", "Email should look like an email address"],
        }})
    );
    assert_eq!(e.server.tenants().len(), 1);
}

#[test]
fn a_read_only_master_token_cannot_sign_up() {
    let e = env();
    let ro = basic(&e.server.config().apicast_access_token);
    let reply = e
        .client
        .form(
            "POST",
            &e.master,
            "/master/api/providers.json",
            Some(&ro),
            "org_name=X&username=xxx&email=x%40x.example",
        )
        .unwrap();
    assert_eq!(reply.status, 403);
    assert_eq!(
        reply.json(),
        json!({"error": "Your access token does not have the correct permissions"})
    );
    // but reads
    assert_eq!(
        e.get(&e.master, "/admin/api/accounts.json", &ro).status,
        200
    );
}

#[test]
fn accounts_are_paginated_and_tenant_ids_skip_the_sample_developers() {
    let e = env();
    for org in ["One", "Two", "Three"] {
        assert_eq!(e.signup(org, "admin-user").status, 201);
    }
    let mut ids = Vec::new();
    for page in 1.. {
        let reply = e.get(
            &e.master,
            &format!("/admin/api/accounts.json?page={page}&per_page=2"),
            &e.auth,
        );
        let accounts = reply.json()["accounts"].as_array().unwrap().clone();
        ids.extend(
            accounts
                .iter()
                .map(|a| a["account"]["id"].as_u64().unwrap()),
        );
        if accounts.len() < 2 {
            break;
        }
    }
    assert_eq!(ids, vec![1, 2, 4, 6, 8]);
    // out-of-range per_page falls back to 500
    let all = e.get(
        &e.master,
        "/admin/api/accounts.json?per_page=100000",
        &e.auth,
    );
    assert_eq!(all.json()["accounts"].as_array().unwrap().len(), 5);
    // a tenant sees its own developer accounts
    let tenant = e.get(
        &e.server.hosts().admin,
        "/admin/api/accounts.json",
        &basic(&e.server.config().admin_access_token),
    );
    assert_eq!(
        tenant.json()["accounts"][0]["account"]["org_name"],
        "Developer"
    );
}

#[test]
fn deletion_is_scheduled_and_can_be_undone() {
    let e = env();
    let body = e.signup("Doomed", "doomed-admin").json();
    let id = body["signup"]["account"]["id"].as_u64().unwrap();
    let token = basic(body["signup"]["access_token"]["value"].as_str().unwrap());
    let admin_host = body["signup"]["account"]["admin_domain"]
        .as_str()
        .unwrap()
        .to_string();
    let dev_host = body["signup"]["account"]["domain"]
        .as_str()
        .unwrap()
        .to_string();
    let provider = format!("/master/api/providers/{id}.json");

    let deleted = e
        .client
        .request(
            "DELETE",
            &e.master,
            &provider,
            &[("Authorization", &e.auth)],
            None,
        )
        .unwrap();
    assert_eq!(deleted.status, 200);
    assert_eq!(
        e.server.state().account(id).unwrap().state,
        AccountState::ScheduledForDeletion
    );

    // its portals 404, its API 403 with an empty body
    assert_eq!(
        e.client.get(&admin_host, "/p/login", None).unwrap().status,
        404
    );
    assert_eq!(e.client.get(&dev_host, "/", None).unwrap().status, 404);
    let api = e.get(&admin_host, "/admin/api/services.json", &token);
    assert_eq!(api.status, 403);
    assert!(api.body.is_empty());

    // shown with its deletion date; a second delete finds nothing
    let shown = e.get(&e.master, &provider, &e.auth).json();
    assert_eq!(
        shown["signup"]["account"]["state"],
        "scheduled_for_deletion"
    );
    assert!(shown["signup"]["account"]["deletion_date"].is_string());
    let again = e
        .client
        .request(
            "DELETE",
            &e.master,
            &provider,
            &[("Authorization", &e.auth)],
            None,
        )
        .unwrap();
    assert_eq!(again.status, 404);

    // resume
    let resumed = e
        .client
        .form(
            "PUT",
            &e.master,
            &provider,
            Some(&e.auth),
            "state_event=resume",
        )
        .unwrap();
    assert_eq!(resumed.status, 200, "{}", resumed.text());
    assert_eq!(resumed.json()["signup"]["account"]["state"], "approved");
    assert_eq!(
        e.get(&admin_host, "/admin/api/services.json", &token)
            .status,
        200
    );
    assert_eq!(
        e.client.get(&admin_host, "/p/login", None).unwrap().status,
        200
    );

    // a transition that does not apply
    let bad = e
        .client
        .form(
            "PUT",
            &e.master,
            &provider,
            Some(&e.auth),
            "state_event=resume",
        )
        .unwrap();
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.json(),
        json!({"errors": {"account": ["State cannot transition via \"resume\""]}})
    );
    // fields only in the query are not read
    let query_only = e
        .client
        .form(
            "PUT",
            &e.master,
            &format!("{provider}?state_event=suspend"),
            Some(&e.auth),
            "",
        )
        .unwrap();
    assert_eq!(query_only.status, 400);
    assert_eq!(query_only.text(), "Required parameter missing: account");
}

/// What a hook was told of each signup: the account's id and admin domain.
type Told = std::sync::Arc<std::sync::Mutex<Vec<(u64, Option<String>)>>>;

#[test]
fn each_signup_is_told_to_the_hooks_before_its_answer() {
    use std::sync::Arc;
    let e = env();
    let told: Told = Arc::default();
    let sink = Arc::clone(&told);
    e.server
        .on_signup(move |a| sink.lock().unwrap().push((a.id, a.admin_domain.clone())));
    let reply = e.signup("ACME Corp", "acme-admin");
    assert_eq!(reply.status, 201);
    // Told by the time the answer arrived.
    assert_eq!(
        *told.lock().unwrap(),
        vec![(4, Some("acme-corp-admin.apps.example.com".to_string()))]
    );
    // A refused signup makes nothing, and tells nothing.
    assert_eq!(e.signup("", "ab").status, 422);
    assert_eq!(told.lock().unwrap().len(), 1);
}
