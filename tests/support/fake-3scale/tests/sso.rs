//! Admin-portal SSO integrations: porta 2.8's `Admin::Api::Account::AuthenticationProviders`
//! answers (the shapes of research 24, §7.1).

mod common;

use common::{basic, Client};
use fake_3scale::{Config, Server};
use serde_json::json;

const PROVIDERS: &str = "/admin/api/account/authentication_providers.json";
const CREATE: &str = "kind=keycloak&name=Red+Hat+SSO&system_name=rhsso&client_id=3scale-admin&client_secret=S3CR3T-value&site=https%3A%2F%2Fsso.example.com%2Fauth%2Frealms%2F3scale&skip_ssl_certificate_verification=false&published=true";

fn setup() -> (Server, Client, String, String) {
    let server = Server::start(Config::default());
    let client = Client::direct(server.port(), server.ca_pem_path());
    let admin = server.hosts().admin;
    let auth = basic(&server.config().admin_access_token);
    (server, client, admin, auth)
}

#[test]
fn create_list_show_and_update_echo_the_secret_and_the_callback_on_the_request_host() {
    let (server, client, admin, auth) = setup();
    let empty = client.get(&admin, PROVIDERS, Some(&auth)).unwrap();
    assert_eq!(empty.json(), json!({"authentication_providers": []}));

    let created = client
        .form("POST", &admin, PROVIDERS, Some(&auth), CREATE)
        .unwrap();
    assert_eq!(created.status, 201, "{}", created.text());
    let p = created.json()["authentication_provider"].clone();
    assert_eq!(p["kind"], "keycloak");
    assert_eq!(p["system_name"], "rhsso");
    assert_eq!(p["client_secret"], "S3CR3T-value");
    assert_eq!(p["published"], true);
    assert_eq!(p["account_type"], "provider");
    assert_eq!(
        p["callback_url"],
        format!("https://{admin}/auth/rhsso/callback")
    );
    assert_eq!(
        p["authorize_url"],
        format!("https://sso.example.com/auth/realms/3scale/protocol/openid-connect/auth?client_id=3scale-admin&redirect_uri=https%3A%2F%2F{admin}%2Fauth%2Frhsso%2Fcallback&response_type=code&scope=openid")
    );
    assert!(p.get("token_url").is_none(), "nil properties are left out");
    let id = p["id"].as_u64().unwrap();
    assert!(created
        .header("location")
        .unwrap()
        .ends_with(&format!("/{id}")));
    assert!(server.secret_values().contains(&"S3CR3T-value".to_string()));

    let list = client.get(&admin, PROVIDERS, Some(&auth)).unwrap().json();
    assert_eq!(
        list["authentication_providers"][0]["authentication_provider"]["id"],
        id
    );
    let path = format!("/admin/api/account/authentication_providers/{id}.json");
    let shown = client.get(&admin, &path, Some(&auth)).unwrap();
    assert_eq!(
        shown.json()["authentication_provider"]["client_id"],
        "3scale-admin"
    );

    // kind, name and system_name are not permitted on update
    let updated = client
        .form(
            "PUT",
            &admin,
            &path,
            Some(&auth),
            "client_secret=NEW-secret&published=false&system_name=other&kind=auth0",
        )
        .unwrap();
    assert_eq!(updated.status, 200, "{}", updated.text());
    let p = updated.json()["authentication_provider"].clone();
    assert_eq!(
        (
            p["client_secret"].as_str(),
            p["published"].as_bool(),
            p["system_name"].as_str(),
            p["kind"].as_str()
        ),
        (
            Some("NEW-secret"),
            Some(false),
            Some("rhsso"),
            Some("keycloak")
        )
    );
}

#[test]
fn refusals_as_porta_words_them() {
    let (server, client, admin, auth) = setup();
    let post = |body: &str| {
        client
            .form("POST", &admin, PROVIDERS, Some(&auth), body)
            .unwrap()
    };
    let r = post("kind=keycloak&client_id=a&client_secret=b");
    assert_eq!(
        (r.status, r.json()),
        (422, json!({"errors": {"realm": ["can't be blank"]}}))
    );
    let r = post("kind=keycloak&site=https%3A%2F%2Fs%2Fauth%2Frealms%2Fr");
    assert_eq!(
        r.json(),
        json!({"errors": {"client_id": ["can't be blank"], "client_secret": ["can't be blank"]}})
    );
    let r = post("kind=github&client_id=a&client_secret=b");
    assert_eq!(
        (r.status, r.json()),
        (
            422,
            json!({"errors": {"kind": ["unavailable for this account type"]}})
        )
    );
    let r = post("client_id=a&client_secret=b");
    assert_eq!(
        (r.status, r.text()),
        (400, "Required parameter missing: kind".to_string())
    );
    assert_eq!(post(CREATE).status, 201);
    let r = post(CREATE);
    assert_eq!(
        (r.status, r.json()),
        (
            422,
            json!({"errors": {"system_name": ["has already been taken"]}})
        )
    );
    // no name, no system name: keycloak_ + 12 hex, porta's default name
    let r = post(
        "kind=keycloak&client_id=a&client_secret=bbbbbb&site=https%3A%2F%2Fs%2Fauth%2Frealms%2Fr",
    );
    let p = r.json()["authentication_provider"].clone();
    let system_name = p["system_name"].as_str().unwrap();
    assert!(
        system_name.starts_with("keycloak_") && system_name.len() == 21,
        "{system_name}"
    );
    assert_eq!(p["name"], "Red Hat Single Sign-On");

    let id = server.state().authentication_providers[0].id;
    let member = format!("/admin/api/account/authentication_providers/{id}");
    let r = client
        .form(
            "PUT",
            &admin,
            &format!("{member}/change_published.json"),
            Some(&auth),
            "published=false",
        )
        .unwrap();
    assert_eq!(r.status, 404, "a route without an action");
    let r = client
        .request(
            "DELETE",
            &admin,
            &format!("{member}.json"),
            &[("Authorization", &auth)],
            None,
        )
        .unwrap();
    assert_eq!(r.status, 404, "no DELETE in the API");
    let r = client
        .get(
            &admin,
            "/admin/api/account/authentication_providers/999.json",
            Some(&auth),
        )
        .unwrap();
    assert_eq!((r.status, r.json()), (404, json!({"status": "Not found"})));

    // enforced SSO locks a published provider
    server.with_state(|s| s.sso_enforced.push(2));
    let r = client
        .form(
            "PUT",
            &admin,
            &format!("{member}.json"),
            Some(&auth),
            "published=false",
        )
        .unwrap();
    assert_eq!((r.status, r.json()), (403, json!({"status": "Forbidden"})));
    // a tenant on a plan without provider_sso: 404 everywhere
    server.with_state(|s| s.sso_unavailable.push(2));
    let r = client.get(&admin, PROVIDERS, Some(&auth)).unwrap();
    assert_eq!((r.status, r.json()), (404, json!({"status": "Not found"})));
    // and no token at all is refused first
    let r = client.get(&admin, PROVIDERS, None).unwrap();
    assert_eq!(
        (r.status, r.json()),
        (403, json!({"error": "Access denied"}))
    );
}
