//! porta's authentication: where a token is read from, whose host it works on, and what each
//! API answers without one (403 on the Account Management API, 401 on the Master API).

mod common;

use common::{basic, basic_password, Client};
use fake_3scale::{percent_encode, Config, Permission, Server};
use serde_json::json;

fn setup() -> (Server, Client) {
    let server = Server::start(Config::new("apps.example.com"));
    let client = Client::direct(server.port(), server.ca_pem_path());
    (server, client)
}

#[test]
fn the_admin_token_lists_the_default_product_by_basic_auth_user_or_password() {
    let (server, client) = setup();
    let admin = server.hosts().admin;
    let token = server.config().admin_access_token.clone();
    for auth in [basic(&token), basic_password(&token)] {
        let reply = client
            .get(&admin, "/admin/api/services.json", Some(&auth))
            .unwrap();
        assert_eq!(reply.status, 200, "{}", reply.text());
        let body = reply.json();
        let services = body["services"].as_array().unwrap();
        assert_eq!(services.len(), 1);
        assert_eq!(services[0]["service"]["name"], "API");
        assert_eq!(services[0]["service"]["system_name"], "api");
        assert_eq!(services[0]["service"]["deployment_option"], "hosted");
    }
    assert!(server.requests_with_credentials_in_url().is_empty());
    let recorded = server.requests();
    assert_eq!(
        recorded[0].header("authorization"),
        Some("Basic [redacted]")
    );
    assert_eq!(recorded[0].authorization_scheme.as_deref(), Some("Basic"));
}

#[test]
fn a_token_in_the_query_works_and_is_flagged() {
    let (server, client) = setup();
    let admin = server.hosts().admin;
    let token = server.config().admin_access_token.clone();
    let path = format!(
        "/admin/api/services.json?access_token={}",
        percent_encode(&token)
    );
    assert_eq!(client.get(&admin, &path, None).unwrap().status, 200);
    let flagged = server.requests_with_credentials_in_url();
    assert_eq!(flagged.len(), 1);
    assert_eq!(flagged[0].path, "/admin/api/services.json");
}

#[test]
fn a_token_in_a_form_body_works_and_is_not_in_the_url() {
    let (server, client) = setup();
    let admin = server.hosts().admin;
    let token = server.config().admin_access_token.clone();
    let reply = client
        .form(
            "GET",
            &admin,
            "/admin/api/services.json",
            None,
            &format!("access_token={token}"),
        )
        .unwrap();
    assert_eq!(reply.status, 200);
    let recorded = &server.requests()[0];
    assert!(!recorded.credentials_in_query);
    assert_eq!(recorded.body_fields, vec!["access_token"]);
}

#[test]
fn the_account_management_api_never_answers_401() {
    let (server, client) = setup();
    let admin = server.hosts().admin;
    let denied = json!({"error": "Access denied"});
    let master_token = server.config().master_access_token.clone();
    for auth in [
        None,
        Some(basic("not-a-token")),
        Some(basic(&master_token)),
        // porta decodes whatever follows the scheme as base64: a bearer token is not read
        Some(format!("Bearer {}", server.config().admin_access_token)),
    ] {
        let reply = client
            .get(&admin, "/admin/api/services.json", auth.as_deref())
            .unwrap();
        assert_eq!(reply.status, 403, "{auth:?}");
        assert_eq!(reply.json(), denied);
    }
    // an empty access_token parameter wins over basic auth (params.fetch)
    let reply = client
        .get(
            &admin,
            "/admin/api/services.json?access_token=",
            Some(&basic(&server.config().admin_access_token)),
        )
        .unwrap();
    assert_eq!(reply.status, 403);
}

#[test]
fn a_token_without_the_scope_gets_the_wrong_permissions_message() {
    let (server, client) = setup();
    let admin = server.hosts().admin;
    let value = server.with_state(|s| {
        let admin_user = s.user_by_username(s.default_tenant_id, "admin").unwrap().id;
        s.create_token(
            admin_user,
            "stats only",
            Permission::Ro,
            &["stats".to_string()],
        )
        .value
        .clone()
    });
    let reply = client
        .get(&admin, "/admin/api/services.json", Some(&basic(&value)))
        .unwrap();
    assert_eq!(reply.status, 403);
    assert_eq!(
        reply.json(),
        json!({"error": "Your access token does not have the correct permissions"})
    );
}

#[test]
fn the_master_api_answers_401_in_plain_text() {
    let (server, client) = setup();
    let master = server.hosts().master;
    for auth in [None, Some(basic(&server.config().admin_access_token))] {
        let reply = client
            .form(
                "POST",
                &master,
                "/master/api/providers.json",
                auth.as_deref(),
                "org_name=x",
            )
            .unwrap();
        assert_eq!(reply.status, 401);
        assert!(reply
            .header("content-type")
            .unwrap()
            .starts_with("text/plain"));
        assert_eq!(reply.text(), "unauthorized");
    }
}

#[test]
fn the_master_token_reads_masters_accounts_on_the_master_host_only() {
    let (server, client) = setup();
    let token = basic(&server.config().master_access_token);
    let ok = client
        .get(
            &server.hosts().master,
            "/admin/api/accounts.json",
            Some(&token),
        )
        .unwrap();
    assert_eq!(ok.status, 200);
    let ids: Vec<u64> = ok.json()["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["account"]["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, vec![1, 2]);
    let elsewhere = client
        .get(
            &server.hosts().admin,
            "/admin/api/accounts.json",
            Some(&token),
        )
        .unwrap();
    assert_eq!(elsewhere.status, 403);
}

#[test]
fn without_json_the_admin_api_answers_xml() {
    let (server, client) = setup();
    let token = basic(&server.config().admin_access_token);
    let reply = client
        .get(&server.hosts().admin, "/admin/api/services", Some(&token))
        .unwrap();
    assert_eq!(reply.status, 200);
    assert!(reply
        .header("content-type")
        .unwrap()
        .starts_with("application/xml"));
    assert!(reply.text().contains("<services><service>"));
    let denied = client
        .get(&server.hosts().admin, "/admin/api/services", None)
        .unwrap();
    assert_eq!(denied.status, 403);
    assert!(denied.text().contains("<error>Access denied</error>"));
}

#[test]
fn proxy_settings_and_latest_configuration() {
    let (server, client) = setup();
    let admin = server.hosts().admin;
    let token = basic(&server.config().admin_access_token);
    let id = server
        .services()
        .iter()
        .find(|s| s.name == "API" && s.account_id == 2)
        .unwrap()
        .id;

    let proxy = client
        .get(
            &admin,
            &format!("/admin/api/services/{id}/proxy.json"),
            Some(&token),
        )
        .unwrap()
        .json();
    assert_eq!(proxy["proxy"]["deployment_option"], "hosted");
    assert_eq!(
        proxy["proxy"]["sandbox_endpoint"],
        "https://api-3scale-apicast-staging.apps.example.com:443"
    );
    assert_eq!(
        proxy["proxy"]["endpoint"],
        "https://api-3scale-apicast-production.apps.example.com:443"
    );

    let staging = client
        .get(
            &admin,
            &format!("/admin/api/services/{id}/proxy/configs/staging/latest.json"),
            Some(&token),
        )
        .unwrap();
    assert_eq!(staging.status, 200);
    assert_eq!(staging.json()["proxy_config"]["environment"], "sandbox");
    assert_eq!(staging.json()["proxy_config"]["version"], 1);

    let production = client
        .get(
            &admin,
            &format!("/admin/api/services/{id}/proxy/configs/production/latest.json"),
            Some(&token),
        )
        .unwrap();
    assert_eq!(production.status, 404);
    assert_eq!(production.json(), json!({"status": "Not found"}));

    let bogus = client
        .get(
            &admin,
            &format!("/admin/api/services/{id}/proxy/configs/qa/latest.json"),
            Some(&token),
        )
        .unwrap();
    assert_eq!(bogus.status, 400);
    assert_eq!(bogus.json(), json!({"error": "invalid environment"}));

    let missing = client
        .get(&admin, "/admin/api/services/999/proxy.json", Some(&token))
        .unwrap();
    assert_eq!(missing.status, 404);
}

#[test]
fn products_added_by_the_test_are_listed() {
    let (server, client) = setup();
    let id = server.add_service(
        "3scale",
        fake_3scale::Product::new("Echo EU").self_managed(
            "https://api.eu.example.com",
            "https://staging.eu.example.com",
        ),
    );
    let reply = client
        .get(
            &server.hosts().admin,
            "/admin/api/services.json",
            Some(&basic(&server.config().admin_access_token)),
        )
        .unwrap();
    let services = reply.json()["services"].as_array().unwrap().clone();
    assert_eq!(services.len(), 2);
    assert_eq!(services[1]["service"]["id"], id);
    assert_eq!(services[1]["service"]["deployment_option"], "self_managed");
    assert_eq!(services[1]["service"]["system_name"], "echo_eu");
}
