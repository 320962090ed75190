//! TLS with the throw-away CA, and routing by Host header to each portal.

mod common;

use common::Client;
use fake_3scale::{Config, DeveloperPortal, Server};

#[test]
fn the_certificate_is_trusted_with_the_ca_for_every_portal_host() {
    let server = Server::start(Config::new("apps.example.com"));
    let client = Client::direct(server.port(), server.ca_pem_path());
    let hosts = server.hosts();
    assert_eq!(hosts.admin, "3scale-admin.apps.example.com");
    assert_eq!(hosts.developer, "3scale.apps.example.com");
    assert_eq!(hosts.master, "master.apps.example.com");
    for host in [&hosts.admin, &hosts.developer, &hosts.master] {
        let reply = client.get(host, "/", None).unwrap();
        assert!(
            reply.status == 200 || reply.status == 302,
            "{host}: {reply:?}"
        );
    }
    let pem = std::fs::read_to_string(server.ca_pem_path()).unwrap();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
    let handshakes = server.handshakes();
    assert_eq!(handshakes.len(), 3);
    assert!(handshakes.iter().all(|h| h.error.is_none()));
    assert_eq!(handshakes[0].sni.as_deref(), Some(hosts.admin.as_str()));
}

#[test]
fn without_the_ca_the_handshake_fails() {
    let server = Server::start(Config::default());
    let mut client = Client::direct(server.port(), server.ca_pem_path());
    client.ca = None;
    let err = client
        .get(&server.hosts().admin, "/p/login", None)
        .unwrap_err();
    assert!(err.to_string().contains("TLS"), "{err}");
    assert!(server.requests().is_empty());
}

#[test]
fn a_certificate_for_other_names_fails_hostname_verification() {
    let server = Server::start(Config::default().cert_names(&["*.other.example.org"]));
    let client = Client::direct(server.port(), server.ca_pem_path());
    let err = client
        .get(&server.hosts().admin, "/p/login", None)
        .unwrap_err();
    assert!(err.to_string().contains("TLS"), "{err}");
}

#[test]
fn portals_answer_as_porta_does() {
    let server = Server::start(Config::default());
    let client = Client::direct(server.port(), server.ca_pem_path());
    let hosts = server.hosts();

    let login = client.get(&hosts.admin, "/p/login", None).unwrap();
    assert_eq!(login.status, 200);
    assert!(login
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(login.text().contains("<form"));

    let master_login = client.get(&hosts.master, "/p/login", None).unwrap();
    assert_eq!(master_login.status, 200);

    // a new tenant has a site access code: the access-code page, 200
    let home = client.get(&hosts.developer, "/", None).unwrap();
    assert_eq!(home.status, 200);
    assert!(home.text().contains("access_code"));

    // no route for the host: the OpenShift router's 503
    let unknown = client.get("nothing.apps.example.com", "/", None).unwrap();
    assert_eq!(unknown.status, 503);
    assert!(unknown.text().contains("Application is not available"));

    // the Master API lives on the master host only
    let wrong_host = client
        .form("POST", &hosts.admin, "/master/api/providers.json", None, "")
        .unwrap();
    assert_eq!(wrong_host.status, 404);

    // the Account Management API is refused on a developer portal host
    let dev_api = client
        .get(&hosts.developer, "/admin/api/services.json", None)
        .unwrap();
    assert_eq!(dev_api.status, 403);
    assert_eq!(
        dev_api.json(),
        serde_json::json!({"error": "Access denied"})
    );

    let nothing = client.get(&hosts.admin, "/no/such/page", None).unwrap();
    assert_eq!(nothing.status, 404);
}

#[test]
fn a_developer_portal_that_requires_login_redirects() {
    let server =
        Server::start(Config::default().developer_portal(DeveloperPortal::RedirectToLogin));
    let client = Client::direct(server.port(), server.ca_pem_path());
    let host = server.hosts().developer;
    let home = client.get(&host, "/", None).unwrap();
    assert_eq!(home.status, 302);
    assert_eq!(
        home.header("location"),
        Some(format!("https://{host}/login").as_str())
    );
    assert_eq!(client.get(&host, "/login", None).unwrap().status, 200);
}

#[test]
fn the_host_header_routes_even_when_the_server_name_differs() {
    let server = Server::start(Config::default());
    let mut client = Client::direct(server.port(), server.ca_pem_path());
    let hosts = server.hosts();
    client.sni = Some(hosts.admin.clone());
    // TLS for the admin host, Host header of the master: master answers
    let reply = client
        .get(
            &hosts.master,
            "/admin/api/accounts.json",
            Some(&common::basic(&server.config().master_access_token)),
        )
        .unwrap();
    assert_eq!(reply.status, 200, "{}", reply.text());
    let recorded = server.requests();
    assert_eq!(recorded[0].host, hosts.master);
    assert_eq!(recorded[0].sni.as_deref(), Some(hosts.admin.as_str()));
}

#[test]
fn the_host_header_may_carry_a_port() {
    let server = Server::start(Config::default());
    let client = Client::direct(server.port(), server.ca_pem_path());
    let host = server.hosts().admin;
    let mut stream = client.open(&host).unwrap();
    use std::io::Write;
    write!(
        stream,
        "GET /p/login HTTP/1.1\r\nHost: {host}:{}\r\nConnection: close\r\n\r\n",
        server.port()
    )
    .unwrap();
    let reply = common::read_reply(&mut stream, false).unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(server.requests()[0].host, host);
}

#[test]
fn keep_alive_serves_several_requests_on_one_connection() {
    let server = Server::start(Config::default());
    let client = Client::direct(server.port(), server.ca_pem_path());
    let host = server.hosts().admin;
    let mut stream = client.open(&host).unwrap();
    use std::io::Write;
    let request = format!("GET /p/login HTTP/1.1\r\nHost: {host}\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    stream
        .write_all(
            format!("GET /p/login HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .unwrap();
    let mut all = Vec::new();
    use std::io::Read;
    let _ = stream.read_to_end(&mut all);
    let text = String::from_utf8_lossy(&all);
    assert_eq!(text.matches("HTTP/1.1 200 OK").count(), 3);
    assert_eq!(server.handshakes().len(), 1);
    assert_eq!(server.requests().len(), 3);
}
