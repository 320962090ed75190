//! A fake of OpenShift 4.13's monitoring API for threescale-install's tests: Thanos Querier's
//! Prometheus HTTP API (`prometheus/docs/querying/api.md`: `/api/v1/query`, `/api/v1/targets`,
//! the `{"status": ..., "data": ...}` envelope, values as strings) over TLS on 127.0.0.1 with a
//! throw-away CA, behind the authorization of one of its two ports
//! (cluster-monitoring-operator `release-4.13` `assets/thanos-querier/`):
//!
//! - [`Port::Route`] (9091, oauth-proxy, what the route exposes): a bearer token whose user may
//!   `get namespaces` on the cluster (the `cluster-monitoring-view` role); every path.
//! - [`Port::Tenancy`] (9092, kube-rbac-proxy + prom-label-proxy, in-cluster only): a token whose
//!   user may `get pods` in the `namespace=` the request names (400 without one, 403
//!   `Forbidden (user=..., verb=get, resource=pods, subresource=)` when the user may not); only
//!   `/api/v1/query`, `/api/v1/query_range`, `/api/v1/labels`, `/api/v1/label/*/values`,
//!   `/api/v1/series` (404 otherwise).
//!
//! It stores series and targets and evaluates what the client asks of them: a selector
//! (`name{l="v",l=~"a|b"}`), and `count by (__name__) (selector)`. Any other expression answers
//! what the test set for it with [`Server::answer`] (an empty vector otherwise): a fake cannot
//! run PromQL, and says so. Every request is recorded, the Authorization header masked.

use openssl::ssl::SslAcceptor;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Which of Thanos Querier's ports the fake is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Port {
    Route,
    Tenancy,
}

/// A user of the fake: its token, whether it has `cluster-monitoring-view`, and the namespaces
/// where it may `get pods` (view, edit or admin).
#[derive(Debug, Clone)]
pub struct User {
    pub name: String,
    pub token: String,
    pub cluster_monitoring_view: bool,
    pub namespaces: Vec<String>,
}

/// A series: its labels (`__name__` among them) and its value.
#[derive(Debug, Clone)]
pub struct Series {
    pub labels: BTreeMap<String, String>,
    pub value: String,
}

impl Series {
    /// `name{labels}` with `value`.
    pub fn new(name: &str, labels: &[(&str, &str)], value: &str) -> Series {
        let mut l: BTreeMap<String, String> = labels
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        l.insert("__name__".into(), name.into());
        Series {
            labels: l,
            value: value.into(),
        }
    }
}

/// A scrape target, as `/api/v1/targets` lists it.
#[derive(Debug, Clone)]
pub struct Target {
    pub labels: BTreeMap<String, String>,
    pub health: String,
    pub last_error: String,
}

impl Target {
    /// The target of a PodMonitor's pod: `job` `<namespace>/<podmonitor>`, as the
    /// prometheus-operator labels it.
    pub fn pod(namespace: &str, pod_monitor: &str, pod: &str, up: bool) -> Target {
        let labels = [
            ("job", format!("{namespace}/{pod_monitor}")),
            ("namespace", namespace.to_string()),
            ("pod", pod.to_string()),
            ("endpoint", "metrics".to_string()),
            ("instance", "10.128.2.15:9421".to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        Target {
            labels,
            health: if up { "up" } else { "down" }.into(),
            last_error: if up {
                String::new()
            } else {
                "Get \"http://10.128.2.15:9421/metrics\": dial tcp 10.128.2.15:9421: connect: connection refused".into()
            },
        }
    }
}

/// One request, as the fake received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// The query's parameters, decoded.
    pub params: Vec<(String, String)>,
    /// `Bearer [redacted]`, or what came instead.
    pub authorization: Option<String>,
    pub status: u16,
    /// A token of a known user appears in the request line.
    pub token_in_url: bool,
}

#[derive(Default)]
struct Data {
    series: Vec<Series>,
    targets: Vec<Target>,
    answers: BTreeMap<String, Vec<Series>>,
    log: Vec<Recorded>,
}

struct Shared {
    port: Port,
    users: Vec<User>,
    data: Mutex<Data>,
}

pub struct Server {
    port: u16,
    ca_pem_path: PathBuf,
    dir: PathBuf,
    shared: Arc<Shared>,
}

impl Server {
    /// Starts the fake on a free port of 127.0.0.1, its certificate made for `127.0.0.1`,
    /// `localhost` and `host`.
    pub fn start(port: Port, users: Vec<User>, host: &str) -> Server {
        let names = vec![
            "127.0.0.1".to_string(),
            "localhost".into(),
            host.to_string(),
        ];
        let certs = fake_3scale::tls::generate("fake-thanos CA", &names)
            .expect("fake-thanos: generating certificates");
        let acceptor = Arc::new(fake_3scale::tls::acceptor(&certs).expect("TLS acceptor"));
        let listener = TcpListener::bind(("127.0.0.1", 0)).expect("fake-thanos: binding");
        let local = listener.local_addr().expect("local address").port();
        let dir = std::env::temp_dir().join(format!("fake-thanos-{}-{local}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("fake-thanos: its directory");
        let ca_pem_path = dir.join("ca.pem");
        std::fs::write(&ca_pem_path, &certs.ca_pem).expect("fake-thanos: writing ca.pem");
        let shared = Arc::new(Shared {
            port,
            users,
            data: Mutex::new(Data::default()),
        });
        let s = Arc::clone(&shared);
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let (acceptor, s) = (Arc::clone(&acceptor), Arc::clone(&s));
                std::thread::spawn(move || serve(conn, &acceptor, &s));
            }
        });
        Server {
            port: local,
            ca_pem_path,
            dir,
            shared,
        }
    }

    /// `https://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("https://127.0.0.1:{}", self.port)
    }

    pub fn ca_pem_path(&self) -> &Path {
        &self.ca_pem_path
    }

    pub fn add_series(&self, series: Series) {
        self.shared.data.lock().unwrap().series.push(series);
    }

    pub fn add_target(&self, target: Target) {
        self.shared.data.lock().unwrap().targets.push(target);
    }

    /// What the query `expr` (exactly as sent) answers.
    pub fn answer(&self, expr: &str, result: Vec<Series>) {
        self.shared
            .data
            .lock()
            .unwrap()
            .answers
            .insert(expr.to_string(), result);
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.data.lock().unwrap().log.clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One connection: one request, answered, closed.
fn serve(conn: TcpStream, acceptor: &SslAcceptor, s: &Shared) {
    let Ok(mut tls) = acceptor.accept(conn) else {
        return;
    };
    let mut head = Vec::new();
    {
        let mut reader = BufReader::new(&mut tls);
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap_or(0) > 0 {
            if line == "\r\n" {
                break;
            }
            head.push(line.trim_end().to_string());
            line.clear();
        }
    }
    let (status, body) = answer(&head, s);
    let text = body.to_string();
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        _ => "Not Found",
    };
    let _ = write!(
        tls,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    );
    let _ = tls.flush();
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn text_body(status: u16, text: &str) -> (u16, Value) {
    (status, json!(text))
}

/// The answer to a request's head, recorded.
fn answer(head: &[String], s: &Shared) -> (u16, Value) {
    let request_line = head.first().cloned().unwrap_or_default();
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default().to_string();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let params: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    let authorization = head.iter().find_map(|h| {
        let (k, v) = h.split_once(':')?;
        k.eq_ignore_ascii_case("authorization")
            .then(|| v.trim().to_string())
    });
    let token = authorization
        .as_deref()
        .and_then(|a| a.strip_prefix("Bearer "));
    let user = token.and_then(|t| s.users.iter().find(|u| u.token == t));
    let (status, body) = respond(s, &method, path, &params, user);
    let masked = authorization.map(|a| match a.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} [redacted]"),
        None => "[redacted]".into(),
    });
    s.data.lock().unwrap().log.push(Recorded {
        method,
        path: path.to_string(),
        params,
        authorization: masked,
        status,
        token_in_url: s.users.iter().any(|u| target.contains(&u.token)),
    });
    (status, body)
}

fn respond(
    s: &Shared,
    method: &str,
    path: &str,
    params: &[(String, String)],
    user: Option<&User>,
) -> (u16, Value) {
    let param = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    // No token, or one the cluster does not know: both proxies answer 401.
    let Some(user) = user else {
        return text_body(401, "Unauthorized");
    };
    match s.port {
        Port::Route if !user.cluster_monitoring_view => return text_body(403, "Forbidden"),
        Port::Route => {}
        Port::Tenancy => {
            let allowed = [
                "/api/v1/query",
                "/api/v1/query_range",
                "/api/v1/labels",
                "/api/v1/series",
            ];
            let label_values = path.starts_with("/api/v1/label/") && path.ends_with("/values");
            if !(allowed.contains(&path) || label_values) {
                return text_body(404, "404 page not found");
            }
            let Some(ns) = param("namespace") else {
                return text_body(
                    400,
                    "Bad Request. The request or configuration is malformed.",
                );
            };
            if !user.namespaces.contains(&ns) {
                return text_body(
                    403,
                    &format!(
                        "Forbidden (user={}, verb=get, resource=pods, subresource=)",
                        user.name
                    ),
                );
            }
        }
    }
    if method != "GET" {
        return text_body(405, "method not allowed");
    }
    let data = s.data.lock().unwrap();
    match path {
        "/api/v1/targets" => {
            let active: Vec<Value> = data
                .targets
                .iter()
                .map(|t| {
                    let job = t.labels.get("job").cloned().unwrap_or_default();
                    json!({
                        "discoveredLabels": {"job": format!("podMonitor/{job}/0")},
                        "labels": t.labels,
                        "scrapePool": format!("podMonitor/{job}/0"),
                        "scrapeUrl": "http://10.128.2.15:9421/metrics",
                        "lastError": t.last_error,
                        "lastScrape": "2026-01-01T10:00:00.1Z",
                        "lastScrapeDuration": 0.003,
                        "health": t.health,
                    })
                })
                .collect();
            (
                200,
                json!({"status": "success", "data": {"activeTargets": active, "droppedTargets": []}}),
            )
        }
        "/api/v1/query" => match param("query") {
            None => (
                400,
                json!({"status": "error", "errorType": "bad_data", "error": "invalid parameter \"query\": parse error: no expression found in input"}),
            ),
            Some(q) => {
                let result = evaluate(&data, &q);
                let result: Vec<Value> = result
                    .iter()
                    .map(|r| json!({"metric": r.labels, "value": [1767261600.123, r.value]}))
                    .collect();
                (
                    200,
                    json!({"status": "success", "data": {"resultType": "vector", "result": result}}),
                )
            }
        },
        _ => text_body(404, "404 page not found"),
    }
}

/// A label matcher: (label, op, value).
type Matcher = (String, String, String);

/// A selector: its metric name, when written before the braces, and its matchers.
fn matchers(text: &str) -> Option<(Option<String>, Vec<Matcher>)> {
    let text = text.trim();
    let (name, rest) = match text.find('{') {
        Some(i) => (text[..i].trim(), &text[i..]),
        None => (text, ""),
    };
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
    {
        return None;
    }
    let mut out = Vec::new();
    if !rest.is_empty() {
        let inner = rest.strip_prefix('{')?.strip_suffix('}')?;
        for m in inner.split(',').filter(|m| !m.trim().is_empty()) {
            let m = m.trim();
            let op = ["=~", "!~", "!=", "="]
                .into_iter()
                .find(|op| m.contains(op))?;
            let (k, v) = m.split_once(op)?;
            out.push((
                k.trim().to_string(),
                op.to_string(),
                v.trim().trim_matches('"').to_string(),
            ));
        }
    }
    Some(((!name.is_empty()).then(|| name.to_string()), out))
}

/// Prometheus' anchored regexes, as far as the fake needs them: alternatives of literals with
/// `.*`.
fn regex_matches(re: &str, value: &str) -> bool {
    re.split('|').any(|alt| {
        let parts: Vec<&str> = alt.split(".*").collect();
        if parts.len() == 1 {
            return alt == value;
        }
        let mut rest = value;
        for (i, p) in parts.iter().enumerate() {
            if i == 0 {
                match rest.strip_prefix(p) {
                    Some(r) => rest = r,
                    None => return false,
                }
            } else if i == parts.len() - 1 {
                return rest.ends_with(p);
            } else {
                match rest.find(p) {
                    Some(at) => rest = &rest[at + p.len()..],
                    None => return false,
                }
            }
        }
        true
    })
}

fn selected<'a>(data: &'a Data, selector: &str) -> Option<Vec<&'a Series>> {
    let (name, ms) = matchers(selector)?;
    Some(
        data.series
            .iter()
            .filter(|s| {
                name.as_ref()
                    .is_none_or(|n| s.labels.get("__name__") == Some(n))
            })
            .filter(|s| {
                ms.iter().all(|(k, op, v)| {
                    let have = s.labels.get(k).map(String::as_str).unwrap_or("");
                    match op.as_str() {
                        "=" => have == v,
                        "!=" => have != v,
                        "=~" => regex_matches(v, have),
                        _ => !regex_matches(v, have),
                    }
                })
            })
            .collect(),
    )
}

/// What the fake can evaluate; any other expression gets what the test set, else nothing.
fn evaluate(data: &Data, q: &str) -> Vec<Series> {
    if let Some(canned) = data.answers.get(q) {
        return canned.clone();
    }
    let q = q.trim();
    if let Some(inner) = q
        .strip_prefix("count by (__name__) (")
        .and_then(|r| r.strip_suffix(')'))
    {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for s in selected(data, inner).unwrap_or_default() {
            *counts.entry(s.labels["__name__"].clone()).or_default() += 1;
        }
        return counts
            .into_iter()
            .map(|(name, n)| Series {
                labels: [("__name__".to_string(), name)].into_iter().collect(),
                value: n.to_string(),
            })
            .collect();
    }
    selected(data, q)
        .unwrap_or_default()
        .into_iter()
        .cloned()
        .collect()
}
