//! Personal access tokens: minting (fields in the body only), listing, showing, revoking.

mod common;

use common::{basic, Client};
use fake_3scale::{Config, Server};
use serde_json::json;

fn setup() -> (Server, Client, String, String) {
    let server = Server::start(Config::default());
    let client = Client::direct(server.port(), server.ca_pem_path());
    let admin = server.hosts().admin;
    let auth = basic(&server.config().admin_access_token);
    (server, client, admin, auth)
}

const TOKENS: &str = "/admin/api/personal/access_tokens.json";

#[test]
fn mint_use_list_show_and_revoke() {
    let (server, client, admin, auth) = setup();
    let created = client
        .form(
            "POST",
            &admin,
            TOKENS,
            Some(&auth),
            "name=apicast-eu&permission=ro&scopes%5B%5D=account_management",
        )
        .unwrap();
    assert_eq!(created.status, 201, "{}", created.text());
    let token = created.json()["access_token"].clone();
    assert_eq!(token["name"], "apicast-eu");
    assert_eq!(token["permission"], "ro");
    assert_eq!(token["scopes"], json!(["account_management"]));
    let value = token["value"].as_str().unwrap().to_string();
    assert_eq!(value.len(), 64);
    let id = token["id"].as_u64().unwrap();

    // it reads what APIcast reads
    let services = client
        .get(&admin, "/admin/api/services.json", Some(&basic(&value)))
        .unwrap();
    assert_eq!(services.status, 200);
    // but cannot write
    let mint = client
        .form(
            "POST",
            &admin,
            TOKENS,
            Some(&basic(&value)),
            "name=x&permission=ro&scopes[]=account_management",
        )
        .unwrap();
    assert_eq!(mint.status, 403);
    assert_eq!(
        mint.json()["error"],
        "Your access token does not have the correct permissions"
    );

    // listed (by name filter) without its value
    let list = client
        .get(
            &admin,
            "/admin/api/personal/access_tokens.json?name=APICAST",
            Some(&auth),
        )
        .unwrap()
        .json();
    let tokens = list["access_tokens"].as_array().unwrap();
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0]["access_token"]["id"], id);
    assert!(tokens[0]["access_token"].get("value").is_none());

    let shown = client
        .get(
            &admin,
            &format!("/admin/api/personal/access_tokens/{id}.json"),
            Some(&auth),
        )
        .unwrap();
    assert_eq!(shown.status, 200);
    assert!(shown.json()["access_token"].get("value").is_none());

    let deleted = client
        .request(
            "DELETE",
            &admin,
            &format!("/admin/api/personal/access_tokens/{id}.json"),
            &[("Authorization", &auth)],
            None,
        )
        .unwrap();
    assert_eq!(deleted.status, 200);
    assert!(deleted.body.is_empty());
    assert_eq!(
        client
            .get(&admin, "/admin/api/services.json", Some(&basic(&value)))
            .unwrap()
            .status,
        403
    );
    assert!(server.revoked_tokens().iter().any(|t| t.id == id));
    assert!(server.tokens().iter().all(|t| t.id != id));
    let again = client
        .request(
            "DELETE",
            &admin,
            &format!("/admin/api/personal/access_tokens/{id}.json"),
            &[("Authorization", &auth)],
            None,
        )
        .unwrap();
    assert_eq!(again.status, 404);
    assert!(server.requests_with_credentials_in_url().is_empty());
}

#[test]
fn fields_only_in_the_query_are_missing() {
    let (_server, client, admin, auth) = setup();
    let reply = client
        .form(
            "POST",
            &admin,
            "/admin/api/personal/access_tokens.json?name=x&permission=ro&scopes[]=account_management",
            Some(&auth),
            "",
        )
        .unwrap();
    assert_eq!(reply.status, 400);
    assert_eq!(reply.text(), "Required parameter missing: token");
}

#[test]
fn a_json_body_is_wrapped_too() {
    let (_server, client, admin, auth) = setup();
    let reply = client
        .json_body(
            "POST",
            &admin,
            TOKENS,
            Some(&auth),
            &json!({"name": "gw", "permission": "rw", "scopes": ["account_management", "stats"]}),
        )
        .unwrap();
    assert_eq!(reply.status, 201, "{}", reply.text());
    assert_eq!(
        reply.json()["access_token"]["scopes"],
        json!(["account_management", "stats"])
    );
}

#[test]
fn invalid_fields_get_422_per_field() {
    let (_server, client, admin, auth) = setup();
    let reply = client
        .form(
            "POST",
            &admin,
            TOKENS,
            Some(&auth),
            "name=&permission=admin&scopes[]=everything",
        )
        .unwrap();
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.json(),
        json!({"errors": {
            "name": ["can't be blank"],
            "permission": ["is not included in the list"],
            "scopes": ["invalid"],
        }})
    );
}

#[test]
fn a_token_works_only_on_its_own_tenants_host() {
    let (server, client, _admin, _auth) = setup();
    let master = server.hosts().master;
    let signup = client
        .form(
            "POST",
            &master,
            "/master/api/providers.json",
            Some(&basic(&server.config().master_access_token)),
            "org_name=Other&username=other-admin&email=ops@other.example&password=S3cret-pw",
        )
        .unwrap()
        .json();
    let other_token = signup["signup"]["access_token"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    let other_admin = signup["signup"]["account"]["admin_domain"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        client
            .get(
                &other_admin,
                "/admin/api/services.json",
                Some(&basic(&other_token))
            )
            .unwrap()
            .status,
        200
    );
    assert_eq!(
        client
            .get(
                &server.hosts().admin,
                "/admin/api/services.json",
                Some(&basic(&other_token))
            )
            .unwrap()
            .status,
        403
    );
    assert_eq!(
        client
            .get(
                &other_admin,
                "/admin/api/services.json",
                Some(&basic(&server.config().admin_access_token))
            )
            .unwrap()
            .status,
        403
    );
}
