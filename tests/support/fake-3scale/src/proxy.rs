//! A CONNECT proxy on loopback: `HTTPS_PROXY=http://127.0.0.1:<port>` makes a client reach
//! every portal host by name, without DNS, at the fake server's port.

use crate::http::{read_head, reason};
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One request the proxy received.
#[derive(Clone, Debug)]
pub struct ProxyRequest {
    /// `CONNECT`, or the method of a plain request (answered 405).
    pub method: String,
    /// `host:port` for CONNECT, the request target otherwise.
    pub target: String,
    /// The host of a CONNECT target, lower case.
    pub host: String,
    pub port: u16,
    /// What the proxy answered: 200 (tunnel), 502 (refused or unreachable), 405, 400.
    pub status: u16,
    /// Whether the client sent Proxy-Authorization.
    pub proxy_authorization: bool,
}

struct Shared {
    target_port: u16,
    /// Hosts tunnelled to another port (a second server: the fake Red Hat SSO).
    routes: Mutex<Vec<(String, u16)>>,
    refused: Mutex<Vec<String>>,
    log: Mutex<Vec<ProxyRequest>>,
    log_changed: Condvar,
    shutdown: AtomicBool,
    conns: Mutex<HashMap<u64, TcpStream>>,
    next_id: AtomicU64,
}

/// The proxy. Dropping it stops it and closes its tunnels.
pub struct Proxy {
    port: u16,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

impl Proxy {
    /// Tunnels every CONNECT to `127.0.0.1:<target_port>`, whatever host and port it names.
    pub fn start(target_port: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("fake-3scale proxy: binding");
        let port = listener.local_addr().expect("local address").port();
        let shared = Arc::new(Shared {
            target_port,
            routes: Mutex::new(Vec::new()),
            refused: Mutex::new(Vec::new()),
            log: Mutex::new(Vec::new()),
            log_changed: Condvar::new(),
            shutdown: AtomicBool::new(false),
            conns: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
        });
        let accept_shared = Arc::clone(&shared);
        let accept = std::thread::Builder::new()
            .name("fake-3scale-proxy".into())
            .spawn(move || accept_loop(listener, accept_shared))
            .expect("spawning the proxy thread");
        Proxy {
            port,
            shared,
            accept: Some(accept),
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:<port>`, for `HTTPS_PROXY`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// CONNECTs to `host` are tunnelled to `127.0.0.1:<port>` from now on (another fake server,
    /// such as the fake Red Hat SSO), whatever port they name.
    pub fn route(&self, host: &str, port: u16) {
        self.shared
            .routes
            .lock()
            .expect("routes")
            .push((host.to_ascii_lowercase(), port));
    }

    /// CONNECTs to this host get 502 from now on.
    pub fn refuse(&self, host: &str) {
        self.shared
            .refused
            .lock()
            .expect("refused")
            .push(host.to_ascii_lowercase());
    }

    pub fn allow_all(&self) {
        self.shared.refused.lock().expect("refused").clear();
    }

    pub fn requests(&self) -> Vec<ProxyRequest> {
        self.shared.log.lock().expect("log").clone()
    }

    /// The `host:port` of every CONNECT, in order.
    pub fn connect_targets(&self) -> Vec<String> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == "CONNECT")
            .map(|r| r.target)
            .collect()
    }

    /// Blocks until `n` requests are recorded or `timeout`; true if they are.
    pub fn wait_for_requests(&self, n: usize, timeout: Duration) -> bool {
        let log = self.shared.log.lock().expect("log");
        let (log, _) = self
            .shared
            .log_changed
            .wait_timeout_while(log, timeout, |l| l.len() < n)
            .expect("log");
        log.len() >= n
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.shared.shutdown.store(true, Ordering::SeqCst);
        for (_, c) in self.shared.conns.lock().expect("conns").drain() {
            let _ = c.shutdown(Shutdown::Both);
        }
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.shutdown.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(&shared);
        let _ = std::thread::Builder::new()
            .name("fake-3scale-proxy-conn".into())
            .spawn(move || {
                let _ = handle(&shared, stream);
            });
    }
}

fn track(shared: &Shared, stream: &TcpStream) -> Option<u64> {
    let id = shared.next_id.fetch_add(1, Ordering::SeqCst);
    let clone = stream.try_clone().ok()?;
    shared.conns.lock().expect("conns").insert(id, clone);
    Some(id)
}

fn untrack(shared: &Shared, id: Option<u64>) {
    if let Some(id) = id {
        shared.conns.lock().expect("conns").remove(&id);
    }
}

fn reply(stream: &mut TcpStream, status: u16, extra: &str) -> io::Result<()> {
    let body = format!("{} {}\n", status, reason(status));
    write!(
        stream,
        "HTTP/1.1 {status} {}\r\n{extra}Content-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        reason(status),
        body.len()
    )?;
    stream.flush()
}

fn log(shared: &Shared, entry: ProxyRequest) {
    shared.log.lock().expect("log").push(entry);
    shared.log_changed.notify_all();
}

fn handle(shared: &Shared, mut client: TcpStream) -> io::Result<()> {
    let client_id = track(shared, &client);
    let result = tunnel_or_refuse(shared, &mut client);
    untrack(shared, client_id);
    result
}

fn tunnel_or_refuse(shared: &Shared, client: &mut TcpStream) -> io::Result<()> {
    let Some((head, rest)) = read_head(client)? else {
        return Ok(());
    };
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or("");
    let proxy_authorization = lines.any(|l| {
        l.split_once(':')
            .map(|(k, _)| k.trim().eq_ignore_ascii_case("proxy-authorization"))
            .unwrap_or(false)
    });
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let mut entry = ProxyRequest {
        method: method.clone(),
        target: target.clone(),
        host: String::new(),
        port: 0,
        status: 0,
        proxy_authorization,
    };
    if method != "CONNECT" {
        entry.status = 405;
        log(shared, entry);
        return reply(client, 405, "Allow: CONNECT\r\n");
    }
    let (host, port) = match target.rsplit_once(':') {
        Some((h, p)) if p.parse::<u16>().is_ok() => (
            h.trim_matches(['[', ']']).to_ascii_lowercase(),
            p.parse().unwrap_or(0),
        ),
        _ => {
            entry.status = 400;
            log(shared, entry);
            return reply(client, 400, "");
        }
    };
    entry.host = host.clone();
    entry.port = port;
    if shared.refused.lock().expect("refused").contains(&host) {
        entry.status = 502;
        log(shared, entry);
        return reply(client, 502, "");
    }
    let port = shared
        .routes
        .lock()
        .expect("routes")
        .iter()
        .rev()
        .find(|(h, _)| *h == host)
        .map_or(shared.target_port, |(_, p)| *p);
    let mut upstream = match TcpStream::connect(("127.0.0.1", port)) {
        Ok(s) => s,
        Err(_) => {
            entry.status = 502;
            log(shared, entry);
            return reply(client, 502, "");
        }
    };
    entry.status = 200;
    log(shared, entry);
    client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
    client.flush()?;
    if !rest.is_empty() {
        upstream.write_all(&rest)?;
    }
    let upstream_id = track(shared, &upstream);
    let mut client_reader = client.try_clone()?;
    let mut upstream_writer = upstream.try_clone()?;
    let forward = std::thread::spawn(move || {
        let _ = io::copy(&mut client_reader, &mut upstream_writer);
        let _ = upstream_writer.shutdown(Shutdown::Write);
    });
    let _ = pump(&mut upstream, client);
    let _ = client.shutdown(Shutdown::Write);
    let _ = forward.join();
    untrack(shared, upstream_id);
    Ok(())
}

fn pump(from: &mut TcpStream, to: &mut TcpStream) -> io::Result<u64> {
    let mut buf = [0u8; 16 * 1024];
    let mut total = 0;
    loop {
        let n = from.read(&mut buf)?;
        if n == 0 {
            return Ok(total);
        }
        to.write_all(&buf[..n])?;
        total += n as u64;
    }
}
