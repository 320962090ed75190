//! Faults switched on and off at run time, per host and path.

mod common;

use common::{basic, Client};
use fake_3scale::{Config, Fault, Gate, Response, Server, When};
use std::io::{Read, Write};
use std::time::Duration;

const SERVICES: &str = "/admin/api/services.json";
const WAIT: Duration = Duration::from_secs(30);

fn setup() -> (Server, Client, String, String) {
    let server = Server::start(Config::default());
    let client = Client::direct(server.port(), server.ca_pem_path());
    let admin = server.hosts().admin;
    let auth = basic(&server.config().admin_access_token);
    (server, client, admin, auth)
}

#[test]
fn status_faults_replace_the_answer_until_cleared() {
    let (server, client, admin, auth) = setup();
    let cases: Vec<(Fault, u16, &str)> = vec![
        (Fault::ServerError, 500, "text/html"),
        (Fault::Html, 200, "text/html"),
        (Fault::WrongScope, 403, "application/json"),
        (Fault::Unauthorized, 401, "text/plain"),
        (Fault::RouterUnavailable, 503, "text/html"),
        (
            Fault::Respond(Response::text(418, "teapot")),
            418,
            "text/plain",
        ),
    ];
    for (fault, status, content_type) in cases {
        let name = fault.name();
        server.set_fault(When::path(SERVICES).and_host(&admin), fault);
        let reply = client.get(&admin, SERVICES, Some(&auth)).unwrap();
        assert_eq!(reply.status, status, "{name}");
        assert!(
            reply
                .header("content-type")
                .unwrap()
                .starts_with(content_type),
            "{name}"
        );
        server.clear_faults();
    }
    assert_eq!(
        client.get(&admin, SERVICES, Some(&auth)).unwrap().status,
        200
    );
    let recorded = server.requests();
    assert_eq!(recorded[0].fault, Some("server_error"));
    assert_eq!(recorded[0].status, 500);
    assert_eq!(recorded.last().unwrap().fault, None);
}

#[test]
fn a_fault_can_apply_a_number_of_times_and_to_one_host_only() {
    let (server, client, admin, auth) = setup();
    server.set_fault(When::path(SERVICES).times(2), Fault::ServerError);
    server.set_fault(When::host(&server.hosts().master), Fault::ServerError);
    let statuses: Vec<u16> = (0..3)
        .map(|_| client.get(&admin, SERVICES, Some(&auth)).unwrap().status)
        .collect();
    assert_eq!(statuses, vec![500, 500, 200]);
    assert_eq!(client.get(&admin, "/p/login", None).unwrap().status, 200);
    assert_eq!(
        client
            .get(&server.hosts().master, "/p/login", None)
            .unwrap()
            .status,
        500
    );
    let id = server.set_fault(When::path("/p/*"), Fault::Html);
    assert!(client
        .get(&admin, "/p/login", None)
        .unwrap()
        .text()
        .contains("<html"));
    server.clear_fault(id);
}

#[test]
fn a_faulted_request_is_not_processed() {
    let (server, client, admin, auth) = setup();
    server.set_fault(When::any().method("POST"), Fault::ServerError);
    let before = server.tokens().len();
    let reply = client
        .form(
            "POST",
            &admin,
            "/admin/api/personal/access_tokens.json",
            Some(&auth),
            "name=x&permission=ro&scopes[]=account_management",
        )
        .unwrap();
    assert_eq!(reply.status, 500);
    assert_eq!(server.tokens().len(), before);
}

#[test]
fn a_truncated_body_declares_more_than_it_sends() {
    let (server, client, admin, auth) = setup();
    server.set_fault(When::path(SERVICES), Fault::Truncated);
    let reply = client.get(&admin, SERVICES, Some(&auth)).unwrap();
    assert_eq!(reply.status, 200);
    assert!(!reply.complete);
    let declared: usize = reply.header("content-length").unwrap().parse().unwrap();
    assert!(reply.body.len() < declared);
    assert!(serde_json::from_slice::<serde_json::Value>(&reply.body).is_err());
}

#[test]
fn a_redirect_loop_points_at_itself() {
    let (server, client, admin, auth) = setup();
    server.set_fault(When::path(SERVICES), Fault::RedirectLoop);
    for _ in 0..3 {
        let reply = client.get(&admin, SERVICES, Some(&auth)).unwrap();
        assert_eq!(reply.status, 302);
        assert_eq!(
            reply.header("location"),
            Some(format!("https://{admin}{SERVICES}").as_str())
        );
    }
}

#[test]
fn a_huge_body_is_streamed() {
    let (server, client, admin, auth) = setup();
    assert!(
        matches!(Fault::huge(), Fault::Huge { bytes, chunked: false } if bytes == 50 * 1024 * 1024)
    );
    for chunked in [false, true] {
        server.set_fault(
            When::path(SERVICES),
            Fault::Huge {
                bytes: 3 * 1024 * 1024 + 7,
                chunked,
            },
        );
        let reply = client.get(&admin, SERVICES, Some(&auth)).unwrap();
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body.len(), 3 * 1024 * 1024 + 7, "chunked: {chunked}");
        assert_eq!(reply.header("transfer-encoding").is_some(), chunked);
        assert!(reply.body.starts_with(b"{\"services\":["));
    }
}

#[test]
fn a_hang_holds_the_answer_until_the_gate_opens() {
    let (server, client, admin, auth) = setup();
    let gate = Gate::new();
    server.set_fault(When::path(SERVICES), Fault::Hang(gate.clone()));
    let waiting = std::thread::spawn(move || client.get(&admin, SERVICES, Some(&auth)).unwrap());
    assert!(gate.wait_arrived(1, WAIT));
    // it is held: the request is recorded, no answer yet
    assert!(server.wait_for_requests(1, WAIT));
    assert!(!waiting.is_finished());
    gate.open();
    let reply = waiting.join().unwrap();
    assert_eq!(reply.status, 200);
}

#[test]
fn a_client_deadline_fires_while_held() {
    let (server, mut client, admin, auth) = setup();
    let gate = Gate::new();
    server.set_fault(When::path(SERVICES), Fault::Hang(gate.clone()));
    // The request is held until the gate opens: any deadline fires; a short one costs no time.
    client.timeout = Duration::from_millis(10);
    let err = client.get(&admin, SERVICES, Some(&auth)).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
        "{err:?}"
    );
    assert_eq!(gate.arrived(), 1);
    // dropping the server lets the held request go
}

#[test]
fn a_delay_ends_by_itself_or_when_released() {
    let (server, client, admin, auth) = setup();
    let gate = Gate::new();
    server.set_fault(
        When::path(SERVICES),
        Fault::Delay {
            ms: 50,
            gate: gate.clone(),
        },
    );
    assert_eq!(
        client.get(&admin, SERVICES, Some(&auth)).unwrap().status,
        200
    );
    server.set_fault(
        When::path(SERVICES),
        Fault::Delay {
            ms: 3_600_000,
            gate: gate.clone(),
        },
    );
    let c = client.clone();
    let (a, t) = (admin.clone(), auth.clone());
    let waiting = std::thread::spawn(move || c.get(&a, SERVICES, Some(&t)).unwrap());
    assert!(gate.wait_arrived(2, WAIT));
    gate.open();
    assert_eq!(waiting.join().unwrap().status, 200);
}

#[test]
fn a_body_can_stall_half_way() {
    let (server, client, admin, auth) = setup();
    let gate = Gate::new();
    server.set_fault(When::path(SERVICES), Fault::HangBody(gate.clone()));
    let mut stream = client.open(&admin).unwrap();
    write!(stream, "GET {SERVICES} HTTP/1.1\r\nHost: {admin}\r\nAuthorization: {auth}\r\nConnection: close\r\n\r\n").unwrap();
    assert!(gate.wait_arrived(1, WAIT));
    let mut first = vec![0u8; 64];
    let n = stream.read(&mut first).unwrap();
    assert!(String::from_utf8_lossy(&first[..n]).starts_with("HTTP/1.1 200"));
    gate.open();
    let reply =
        common::read_reply(&mut ChainRead(first[..n].to_vec(), &mut stream), false).unwrap();
    assert!(reply.complete);
    assert_eq!(reply.json()["services"][0]["service"]["name"], "API");
}

struct ChainRead<'a, R>(Vec<u8>, &'a mut R);
impl<R: Read> Read for ChainRead<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if !self.0.is_empty() {
            let n = buf.len().min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0.drain(..n);
            return Ok(n);
        }
        self.1.read(buf)
    }
}

#[test]
fn a_closed_connection_gets_no_answer() {
    let (server, client, admin, auth) = setup();
    server.set_fault(When::path(SERVICES), Fault::Close);
    let err = client.get(&admin, SERVICES, Some(&auth)).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset
        ) || err.to_string().contains("no response"),
        "{err:?}"
    );
    assert_eq!(server.requests()[0].status, 0);
}
