//! The CONNECT proxy: every portal host by name, without DNS.

mod common;

use common::{basic, Client};
use fake_3scale::{Config, Proxy, Server};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

#[test]
fn connect_tunnels_every_portal_host_to_the_server() {
    let server = Server::start(Config::new("apps.example.com"));
    let proxy = Proxy::start(server.port());
    assert_eq!(proxy.url(), format!("http://127.0.0.1:{}", proxy.port()));
    let client = Client::proxied(proxy.port(), server.ca_pem_path());
    let hosts = server.hosts();

    assert_eq!(
        client.get(&hosts.admin, "/p/login", None).unwrap().status,
        200
    );
    let services = client
        .get(
            &hosts.admin,
            "/admin/api/services.json",
            Some(&basic(&server.config().admin_access_token)),
        )
        .unwrap();
    assert_eq!(services.status, 200);
    assert_eq!(client.get(&hosts.developer, "/", None).unwrap().status, 200);
    let signup = client
        .form(
            "POST",
            &hosts.master,
            "/master/api/providers.json",
            Some(&basic(&server.config().master_access_token)),
            "org_name=Via+Proxy&username=via-admin&email=via%40proxy.example",
        )
        .unwrap();
    assert_eq!(signup.status, 201);
    let new_admin = signup.json()["signup"]["account"]["admin_domain"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        client.get(&new_admin, "/p/login", None).unwrap().status,
        200
    );

    assert_eq!(
        proxy.connect_targets(),
        vec![
            format!("{}:443", hosts.admin),
            format!("{}:443", hosts.admin),
            format!("{}:443", hosts.developer),
            format!("{}:443", hosts.master),
            format!("{new_admin}:443"),
        ]
    );
    // through the tunnel, the server name is the portal's
    let snis: Vec<Option<String>> = server.requests().into_iter().map(|r| r.sni).collect();
    assert_eq!(snis[0].as_deref(), Some(hosts.admin.as_str()));
    assert_eq!(snis[4].as_deref(), Some(new_admin.as_str()));
    assert!(proxy.requests().iter().all(|r| !r.proxy_authorization));
}

#[test]
fn refused_hosts_get_502() {
    let server = Server::start(Config::default());
    let proxy = Proxy::start(server.port());
    let client = Client::proxied(proxy.port(), server.ca_pem_path());
    let master = server.hosts().master;
    proxy.refuse(&master);
    let err = client.get(&master, "/p/login", None).unwrap_err();
    assert!(err.to_string().contains("502"), "{err}");
    assert_eq!(
        client
            .get(&server.hosts().admin, "/p/login", None)
            .unwrap()
            .status,
        200
    );
    proxy.allow_all();
    assert_eq!(client.get(&master, "/p/login", None).unwrap().status, 200);
    let statuses: Vec<u16> = proxy.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, vec![502, 200, 200]);
}

#[test]
fn plain_requests_get_405() {
    let server = Server::start(Config::default());
    let proxy = Proxy::start(server.port());
    let mut tcp = TcpStream::connect(("127.0.0.1", proxy.port())).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        tcp,
        "GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    tcp.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 405"), "{answer}");
    assert!(answer.contains("Allow: CONNECT"));
    assert!(proxy.wait_for_requests(1, Duration::from_secs(30)));
    assert_eq!(proxy.requests()[0].method, "GET");
    assert!(server.requests().is_empty());
}
