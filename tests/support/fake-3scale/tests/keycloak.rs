//! The fake Red Hat SSO: discovery, the admin-cli password grant, clients and users through the
//! admin REST API (research 24, §4 and §7.3), reached through the proxy's route with its own CA.

mod common;

use common::Client;
use fake_3scale::{Keycloak, KeycloakConfig, KeycloakVersion, Proxy};
use serde_json::{json, Value};

const HOST: &str = "sso.example.com";

fn token(client: &Client, sso: &Keycloak) -> String {
    let body = format!(
        "grant_type=password&client_id=admin-cli&username=admin&password={}",
        sso.config().admin_password
    );
    let r = client
        .form(
            "POST",
            HOST,
            "/auth/realms/master/protocol/openid-connect/token",
            None,
            &body,
        )
        .unwrap();
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["access_token"].as_str().unwrap().to_string()
}

#[test]
fn discovery_names_the_realm_as_the_issuer_and_the_endpoints_answer() {
    let sso = Keycloak::start(KeycloakConfig::new(HOST, "3scale"));
    let proxy = Proxy::start(1);
    proxy.route(HOST, sso.port());
    let client = Client::proxied(proxy.port(), sso.ca_pem_path());
    let doc = client
        .get(
            HOST,
            "/auth/realms/3scale/.well-known/openid-configuration",
            None,
        )
        .unwrap()
        .json();
    assert_eq!(doc["issuer"], sso.realm_url());
    assert_eq!(
        doc["token_endpoint"],
        format!("{}/protocol/openid-connect/token", sso.realm_url())
    );
    let r = client
        .get(
            HOST,
            "/auth/realms/3scale/protocol/openid-connect/token",
            None,
        )
        .unwrap();
    assert_eq!(r.status, 405);
    let r = client
        .get(
            HOST,
            "/auth/realms/3scale/protocol/openid-connect/userinfo",
            None,
        )
        .unwrap();
    assert_eq!(
        (r.status, r.json()["error_description"].as_str()),
        (400, Some("Token not provided"))
    );
    assert_eq!(
        client
            .get(
                HOST,
                "/auth/realms/nope/.well-known/openid-configuration",
                None
            )
            .unwrap()
            .status,
        404
    );
    let bad = client
        .form(
            "POST",
            HOST,
            "/auth/realms/master/protocol/openid-connect/token",
            None,
            "grant_type=password&client_id=admin-cli&username=admin&password=wrong",
        )
        .unwrap();
    assert_eq!(
        (bad.status, bad.json()),
        (
            401,
            json!({"error": "invalid_grant", "error_description": "Invalid user credentials"})
        )
    );
    // a frontend URL moves the issuer
    let moved = Keycloak::start(
        KeycloakConfig::new(HOST, "3scale").frontend_url("https://login.example.com/auth"),
    );
    let direct = Client::direct(moved.port(), moved.ca_pem_path());
    let doc = direct
        .get(
            HOST,
            "/auth/realms/3scale/.well-known/openid-configuration",
            None,
        )
        .unwrap()
        .json();
    assert_eq!(
        doc["issuer"],
        "https://login.example.com/auth/realms/3scale"
    );
}

#[test]
fn clients_are_created_found_updated_and_their_secret_read_apart() {
    let sso = Keycloak::start(KeycloakConfig::new(HOST, "3scale"));
    let client = Client::direct(sso.port(), sso.ca_pem_path());
    let unauthorized = client
        .get(
            HOST,
            "/auth/admin/realms/3scale/clients?clientId=3scale-admin",
            None,
        )
        .unwrap();
    assert_eq!(unauthorized.status, 401);
    let bearer = format!("Bearer {}", token(&client, &sso));
    let auth = Some(bearer.as_str());
    let found = client
        .get(
            HOST,
            "/auth/admin/realms/3scale/clients?clientId=3scale-admin",
            auth,
        )
        .unwrap();
    assert_eq!(found.json(), json!([]));
    let rep = json!({"clientId": "3scale-admin", "publicClient": false, "secret": "the-client-secret",
        "redirectUris": ["https://3scale-admin.apps.example.com/auth/rhsso/callback"]});
    let made = client
        .json_body(
            "POST",
            HOST,
            "/auth/admin/realms/3scale/clients",
            auth,
            &rep,
        )
        .unwrap();
    assert_eq!((made.status, made.body.len()), (201, 0));
    let location = made.header("location").unwrap().to_string();
    let id = location.rsplit('/').next().unwrap().to_string();
    let again = client
        .json_body(
            "POST",
            HOST,
            "/auth/admin/realms/3scale/clients",
            auth,
            &rep,
        )
        .unwrap();
    assert_eq!(
        (again.status, again.json()),
        (
            409,
            json!({"errorMessage": "Client 3scale-admin already exists"})
        )
    );
    let found = client
        .get(
            HOST,
            "/auth/admin/realms/3scale/clients?clientId=3scale-admin",
            auth,
        )
        .unwrap()
        .json();
    assert_eq!(found[0]["id"], id.as_str());
    assert!(
        found[0].get("secret").is_none(),
        "no secret in the representation"
    );
    let path = format!("/auth/admin/realms/3scale/clients/{id}");
    let r = client
        .json_body("PUT", HOST, &path, auth, &json!({"redirectUris": ["https://a/auth/x/callback", "https://a/p/admin/account/callback/x"]}))
        .unwrap();
    assert_eq!(r.status, 204);
    let secret = client
        .get(HOST, &format!("{path}/client-secret"), auth)
        .unwrap()
        .json();
    assert_eq!(
        secret,
        json!({"type": "secret", "value": "the-client-secret"})
    );
    assert_eq!(sso.client("3scale-admin").unwrap().redirect_uris.len(), 2);
}

#[test]
fn a_user_search_by_email_is_a_like_on_keycloak_9_and_exact_on_15() {
    for (version, hits) in [(KeycloakVersion::Rhsso74, 2), (KeycloakVersion::Rhsso75, 1)] {
        let sso = Keycloak::start(KeycloakConfig::new(HOST, "3scale").version(version));
        sso.add_user("jdoe", "JDoe@Example.com", true);
        sso.add_user("ajdoe", "ajdoe@example.com", false);
        let client = Client::direct(sso.port(), sso.ca_pem_path());
        let bearer = format!("Bearer {}", token(&client, &sso));
        let found: Value = client
            .get(
                HOST,
                "/auth/admin/realms/3scale/users?email=jdoe%40example.com&exact=true",
                Some(&bearer),
            )
            .unwrap()
            .json();
        assert_eq!(
            found.as_array().unwrap().len(),
            hits,
            "{version:?}: {found}"
        );
        let jdoe = found
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["username"] == "jdoe")
            .unwrap();
        assert_eq!(jdoe["email"], "jdoe@example.com", "kept in lower case");
        assert_eq!(jdoe["emailVerified"], true);
    }
}
