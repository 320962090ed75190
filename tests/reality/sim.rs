//! `Sim`: one simulated OpenShift (fake-openshift/server.py) and a client for its `/_fake/*`
//! control endpoints, over HTTPS that trusts the server's own certificate and nothing else.

use crate::process::{wait_unreaped, Watchdog};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;
use ureq::tls::{Certificate, RootCerts, TlsConfig, TlsProvider};

/// How long the server may take to print that it listens (it makes an RSA key in pure Python).
const START_DEADLINE: Duration = Duration::from_secs(60);
/// How long it may take to stop after SIGTERM before it is killed.
const STOP_DEADLINE: Duration = Duration::from_secs(15);
/// The stderr lines kept for failure messages.
const TAIL_LINES: usize = 200;
/// What the server prints on stderr once DIR/kubeconfig, DIR/port and DIR/url are written.
const READY: &str = "fake-openshift: scenario ";
const READY_TOO: &str = " listening on ";

/// Requests that POST or PUT without changing the cluster: reviews and template processing.
const NON_MUTATING: &[&str] = &[
    "selfsubjectaccessreviews",
    "selfsubjectrulesreviews",
    "subjectaccessreviews",
    "tokenreviews",
    "processedtemplates",
];

/// Which world the simulator starts in.
#[derive(Clone, Debug)]
pub struct Scenario {
    source: Source,
    speed: Option<f64>,
}

#[derive(Clone, Debug)]
enum Source {
    Named(String),
    Json(Value),
}

impl Scenario {
    /// A ready scenario: `fake-openshift/scenarios/NAME.json` (happy, no-rwx, bad-registry,
    /// no-project-rights, slow, flaky).
    pub fn named(name: &str) -> Scenario {
        Scenario {
            source: Source::Named(name.to_string()),
            speed: None,
        }
    }

    /// A scenario of the test's own (every key is documented in fake-openshift/README.md).
    pub fn json(value: Value) -> Scenario {
        Scenario {
            source: Source::Json(value),
            speed: None,
        }
    }

    /// Simulated seconds per real second (`--speed`); without it the scenario's own speed holds.
    pub fn speed(mut self, speed: f64) -> Scenario {
        self.speed = Some(speed);
        self
    }

    fn describe(&self) -> String {
        match &self.source {
            Source::Named(name) => name.clone(),
            Source::Json(v) => v["name"].as_str().unwrap_or("custom").to_string(),
        }
    }
}

/// One entry of the simulator's request log (`GET /_fake/requests`).
#[allow(dead_code)] // every field of the log, for the cases' assertions
#[derive(Clone, Debug, Deserialize)]
pub struct ApiRequest {
    pub seq: u64,
    pub method: String,
    pub path: String,
    #[serde(default)]
    pub query: String,
    pub user: Option<String>,
    pub verb: Option<String>,
    pub resource: Option<String>,
    pub namespace: Option<String>,
    pub name: Option<String>,
    pub subresource: Option<String>,
    /// `kind/name` of a POST or PUT body.
    pub object: Option<String>,
    /// The HTTP status, or "closed" / "hung".
    pub status: Value,
    pub fault: Option<Value>,
    pub kubectl_command: Option<String>,
}

impl ApiRequest {
    /// A write that changes the cluster: POST/PUT/PATCH/DELETE, reviews and template processing
    /// excepted.
    pub fn is_mutating(&self) -> bool {
        let writes = matches!(self.method.as_str(), "POST" | "PUT" | "PATCH" | "DELETE");
        let resource = self
            .resource
            .as_deref()
            .map(|r| r.split('.').next().unwrap_or(r))
            .unwrap_or_else(|| self.path.rsplit('/').next().unwrap_or(""));
        writes && !NON_MUTATING.contains(&resource)
    }
}

impl fmt::Display for ApiRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{} {} {}", self.seq, self.method, self.path)?;
        if !self.query.is_empty() {
            write!(f, "?{}", self.query)?;
        }
        write!(f, " -> {}", self.status)?;
        if let Some(object) = &self.object {
            write!(f, " ({object})")?;
        }
        Ok(())
    }
}

/// A running simulator; dropping it stops the server (SIGTERM, then SIGKILL after a deadline).
pub struct Sim {
    process: Server,
    state_dir: PathBuf,
    url: String,
    agent: ureq::Agent,
}

/// The server process, its stderr tail, and the thread that keeps draining its stderr.
struct Server {
    child: Child,
    tail: Arc<Mutex<VecDeque<String>>>,
    drain: Option<JoinHandle<()>>,
}

impl Sim {
    /// Starts `python3 SERVER --state-dir DIR/state --scenario FILE [--speed N]` and returns once
    /// the server has said that it listens. A JSON scenario is written to `DIR/scenario.json`.
    pub fn start(server: &Path, dir: &Path, scenario: &Scenario) -> Result<Sim, String> {
        let state_dir = dir.join("state");
        std::fs::create_dir_all(&state_dir)
            .map_err(|e| format!("cannot create {}: {e}", state_dir.display()))?;
        let file = match &scenario.source {
            Source::Named(name) => {
                let file = server
                    .parent()
                    .unwrap_or(Path::new("."))
                    .join("scenarios")
                    .join(format!("{name}.json"));
                if !file.is_file() {
                    return Err(format!("no scenario {name}: {} is missing", file.display()));
                }
                file
            }
            Source::Json(value) => {
                let file = dir.join("scenario.json");
                let text = serde_json::to_string_pretty(value).expect("JSON prints");
                std::fs::write(&file, text)
                    .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
                file
            }
        };
        let mut cmd = Command::new("python3");
        cmd.arg(server)
            .arg("--state-dir")
            .arg(&state_dir)
            .arg("--scenario")
            .arg(&file);
        if let Some(speed) = scenario.speed {
            cmd.arg("--speed").arg(speed.to_string());
        }
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start python3 {}: {e}", server.display()))?;
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr is piped"));
        let mut process = Server {
            child,
            tail: Arc::new(Mutex::new(VecDeque::new())),
            drain: None,
        };

        let watchdog = Watchdog::arm(process.child.id() as i32, START_DEADLINE, libc::SIGKILL);
        let ready = read_until_ready(&mut stderr, &process.tail);
        let fired = watchdog.disarm();
        if !ready {
            wait_unreaped(&process.child);
            let status = process.child.wait().map(|s| s.to_string());
            let why = if fired {
                format!("did not listen within {START_DEADLINE:?} and was killed")
            } else {
                format!("exited ({})", status.unwrap_or_default())
            };
            return Err(format!(
                "the simulator (scenario {}) {why}; its stderr:\n{}",
                scenario.describe(),
                join_tail(&process.tail)
            ));
        }
        let tail = Arc::clone(&process.tail);
        process.drain = Some(thread::spawn(
            move || {
                while read_line(&mut stderr, &tail) {}
            },
        ));
        // From here on, dropping `process` stops the server if anything below fails.
        let url = std::fs::read_to_string(state_dir.join("url"))
            .map_err(|e| format!("the simulator wrote no url file: {e}"))?
            .trim()
            .to_string();
        let agent = control_agent(&state_dir.join("tls.crt"))?;
        Ok(Sim {
            process,
            state_dir,
            url,
            agent,
        })
    }

    /// The state directory (kubeconfig, kubeconfig-USER, tls.crt, port, url, server.pid).
    pub fn state_dir(&self) -> &Path {
        &self.state_dir
    }

    /// `https://127.0.0.1:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The kubeconfig of the scenario's `kubeconfig_user`.
    pub fn kubeconfig(&self) -> PathBuf {
        self.state_dir.join("kubeconfig")
    }

    /// The kubeconfig of another scenario user (`kube:admin` → `kubeconfig-kube-admin`).
    pub fn kubeconfig_for(&self, user: &str) -> PathBuf {
        self.state_dir
            .join(format!("kubeconfig-{}", user.replace([':', '/'], "-")))
    }

    /// The server's last stderr lines.
    pub fn stderr_tail(&self) -> String {
        join_tail(&self.process.tail)
    }

    /// `GET /_fake/state`: scenario, simulated time, faults, every object by `group/resource`.
    pub fn state(&self) -> Value {
        self.control("GET", "/state", None)
    }

    /// `GET /_fake/requests?since=SEQ`: the API requests after `since` (0: all kept).
    pub fn requests(&self, since: u64) -> Vec<ApiRequest> {
        let log = self.control("GET", &format!("/requests?since={since}"), None);
        serde_json::from_value(log["requests"].clone())
            .unwrap_or_else(|e| panic!("the simulator's request log does not parse: {e}"))
    }

    /// The requests after `since` that changed the cluster (see [`ApiRequest::is_mutating`]).
    pub fn mutating_requests(&self, since: u64) -> Vec<ApiRequest> {
        let mut requests = self.requests(since);
        requests.retain(ApiRequest::is_mutating);
        requests
    }

    /// The sequence number of the last API request so far: pass it to `requests` later.
    pub fn last_seq(&self) -> u64 {
        let log = self.control("GET", &format!("/requests?since={}", i64::MAX), None);
        log["last_seq"].as_u64().expect("last_seq is a number")
    }

    /// `DELETE /_fake/requests` (sequence numbers keep counting).
    pub fn clear_requests(&self) {
        self.control("DELETE", "/requests", None);
    }

    /// `POST /_fake/faults`: replaces the fault configuration; returns the new one.
    pub fn faults(&self, faults: Value) -> Value {
        self.control("POST", "/faults", Some(faults))
    }

    /// `PATCH /_fake/faults`: merges into the fault configuration; returns the new one.
    pub fn merge_faults(&self, faults: Value) -> Value {
        self.control("PATCH", "/faults", Some(faults))
    }

    /// `DELETE /_fake/faults`.
    pub fn clear_faults(&self) {
        self.control("DELETE", "/faults", None);
    }

    /// `POST /_fake/advance`: moves the simulated clock on and returns once the controllers
    /// caught up; returns the new simulated time.
    pub fn advance(&self, seconds: f64) -> f64 {
        let v = self.control("POST", "/advance", Some(json!({ "seconds": seconds })));
        v["sim_time"].as_f64().expect("sim_time is a number")
    }

    /// `POST /_fake/speed`: simulated seconds per real second from now on.
    pub fn speed(&self, speed: f64) {
        self.control("POST", "/speed", Some(json!({ "speed": speed })));
    }

    /// `POST /_fake/scenario`: merges top-level scenario keys (objects one level deep); returns
    /// the scenario now in force.
    pub fn scenario(&self, keys: Value) -> Value {
        self.control("POST", "/scenario", Some(keys))
    }

    /// `POST /_fake/settle`: waits for a few controller passes; returns the simulated time.
    pub fn settle(&self) -> f64 {
        let v = self.control("POST", "/settle", None);
        v["sim_time"].as_f64().expect("sim_time is a number")
    }

    fn control(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/_fake{path}", self.url);
        let body = body.map(|b| b.to_string());
        let sent = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => {
                let request = match method {
                    "POST" => self.agent.post(&url),
                    "PATCH" => self.agent.patch(&url),
                    other => unreachable!("no control endpoint takes {other}"),
                };
                match body {
                    Some(json) => request.content_type("application/json").send(json),
                    None => request.send_empty(),
                }
            }
        };
        let mut response = sent.unwrap_or_else(|e| {
            panic!(
                "{method} {url}: {e}\nsimulator stderr:\n{}",
                self.stderr_tail()
            )
        });
        let status = response.status();
        let text = response
            .body_mut()
            .with_config()
            .limit(u64::MAX)
            .read_to_string()
            .unwrap_or_else(|e| panic!("{method} {url}: reading the answer: {e}"));
        assert!(status.is_success(), "{method} {url}: {status}: {text}");
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{method} {url}: the answer is not JSON ({e}): {text}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // try_wait reaps a server that already exited: then there is nothing to signal.
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let pid = self.child.id() as i32;
            // SAFETY: kill(2) has no memory effects; the child is not reaped yet.
            unsafe { libc::kill(pid, libc::SIGTERM) };
            let watchdog = Watchdog::arm(pid, STOP_DEADLINE, libc::SIGKILL);
            wait_unreaped(&self.child);
            watchdog.disarm();
            let _ = self.child.wait();
        }
        if let Some(drain) = self.drain.take() {
            let _ = drain.join();
        }
    }
}

/// An agent whose only trusted root is the simulator's self-signed certificate.
fn control_agent(crt: &Path) -> Result<ureq::Agent, String> {
    let pem = std::fs::read(crt).map_err(|e| format!("cannot read {}: {e}", crt.display()))?;
    let cert = Certificate::from_pem(&pem)
        .map_err(|e| format!("{} is not a PEM certificate: {e}", crt.display()))?;
    let tls = TlsConfig::builder()
        .provider(TlsProvider::NativeTls)
        .root_certs(RootCerts::new_with_certs(&[cert]))
        .build();
    Ok(ureq::Agent::config_builder()
        .tls_config(tls)
        .http_status_as_error(false)
        // `advance` returns once the controllers caught up; a long jump takes a while.
        .timeout_global(Some(Duration::from_secs(300)))
        .build()
        .new_agent())
}

/// Reads stderr lines into `tail` until the ready line (true) or the end of the pipe (false).
fn read_until_ready(stderr: &mut BufReader<ChildStderr>, tail: &Mutex<VecDeque<String>>) -> bool {
    loop {
        if !read_line(stderr, tail) {
            return false;
        }
        let tail = tail.lock().unwrap();
        let last = tail.back().map(String::as_str).unwrap_or("");
        if last.starts_with(READY) && last.contains(READY_TOO) {
            return true;
        }
    }
}

/// Reads one line into `tail`; false at the end of the pipe.
fn read_line(stderr: &mut BufReader<ChildStderr>, tail: &Mutex<VecDeque<String>>) -> bool {
    let mut line = Vec::new();
    match stderr.read_until(b'\n', &mut line) {
        Ok(0) | Err(_) => false,
        Ok(_) => {
            let mut tail = tail.lock().unwrap();
            if tail.len() == TAIL_LINES {
                tail.pop_front();
            }
            let text = String::from_utf8_lossy(&line);
            tail.push_back(text.trim_end_matches('\n').to_string());
            true
        }
    }
}

fn join_tail(tail: &Mutex<VecDeque<String>>) -> String {
    let tail = tail.lock().unwrap();
    tail.iter().map(|l| format!("  {l}\n")).collect::<String>()
}
