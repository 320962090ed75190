//! Faults a test switches on at run time, per host and path, and the gates that hold slow
//! responses until the test lets them go.

use crate::http::Response;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What to do instead of (or around) the normal answer.
#[derive(Clone, Debug)]
pub enum Fault {
    /// 500 with Rails' HTML error page (the request is not processed).
    ServerError,
    /// 200 `text/html` (a login page) where JSON was expected (not processed).
    Html,
    /// The normal answer's head, with the full Content-Length, but only part of the body;
    /// then the connection closes.
    Truncated,
    /// 302 to the very same URL, every time (not processed).
    RedirectLoop,
    /// 200 `application/json` with a body of `bytes` bytes, streamed (`chunked`: no
    /// Content-Length, chunked encoding) (not processed).
    Huge { bytes: u64, chunked: bool },
    /// Nothing is written until the gate opens; then the normal answer (computed on arrival).
    Hang(Gate),
    /// As `Hang`, but the gate also opens by itself after `ms` milliseconds: a delay the test
    /// can cut short, measured by a condition variable rather than a sleep.
    Delay { ms: u64, gate: Gate },
    /// The head and the first half of the body, then nothing until the gate opens.
    HangBody(Gate),
    /// 403 `{"error":"Your access token does not have the correct permissions"}`.
    WrongScope,
    /// 401 `unauthorized` (plain text), as the Master API answers.
    Unauthorized,
    /// 503 from the OpenShift router: no route for this host (yet).
    RouterUnavailable,
    /// The connection is closed without an answer.
    Close,
    /// Any response (not processed).
    Respond(Response),
}

impl Fault {
    pub fn name(&self) -> &'static str {
        match self {
            Fault::ServerError => "server_error",
            Fault::Html => "html",
            Fault::Truncated => "truncated",
            Fault::RedirectLoop => "redirect_loop",
            Fault::Huge { .. } => "huge",
            Fault::Hang(_) => "hang",
            Fault::Delay { .. } => "delay",
            Fault::HangBody(_) => "hang_body",
            Fault::WrongScope => "wrong_scope",
            Fault::Unauthorized => "unauthorized",
            Fault::RouterUnavailable => "router_unavailable",
            Fault::Close => "close",
            Fault::Respond(_) => "respond",
        }
    }

    /// A body of 50 MB, with a Content-Length.
    pub fn huge() -> Fault {
        Fault::Huge {
            bytes: 50 * 1024 * 1024,
            chunked: false,
        }
    }

    pub(crate) fn gate(&self) -> Option<&Gate> {
        match self {
            Fault::Hang(g) | Fault::HangBody(g) | Fault::Delay { gate: g, .. } => Some(g),
            _ => None,
        }
    }
}

/// Which requests a fault applies to. Every part given must match.
#[derive(Clone, Debug, Default)]
pub struct When {
    pub host: Option<String>,
    /// Exact path, or a prefix when it ends with `*`.
    pub path: Option<String>,
    pub method: Option<String>,
    /// Only the next `n` matching requests; then the fault is gone.
    pub times: Option<usize>,
}

impl When {
    /// Every request.
    pub fn any() -> When {
        When::default()
    }

    pub fn host(host: &str) -> When {
        When::any().and_host(host)
    }

    pub fn path(path: &str) -> When {
        When::any().and_path(path)
    }

    pub fn and_host(mut self, host: &str) -> When {
        self.host = Some(host.to_ascii_lowercase());
        self
    }

    pub fn and_path(mut self, path: &str) -> When {
        self.path = Some(path.to_string());
        self
    }

    pub fn method(mut self, method: &str) -> When {
        self.method = Some(method.to_ascii_uppercase());
        self
    }

    pub fn times(mut self, n: usize) -> When {
        self.times = Some(n);
        self
    }

    pub(crate) fn matches(&self, method: &str, host: &str, path: &str) -> bool {
        self.host.as_deref().is_none_or(|h| h == host)
            && self.method.as_deref().is_none_or(|m| m == method)
            && self
                .path
                .as_deref()
                .is_none_or(|p| match p.strip_suffix('*') {
                    Some(prefix) => path.starts_with(prefix),
                    None => p == path,
                })
    }
}

/// Identifies a fault for `Server::clear_fault`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FaultId(pub u64);

#[derive(Debug, Default)]
struct GateState {
    open: bool,
    arrived: usize,
}

/// A latch the test opens. Requests held by it wait on a condition variable.
#[derive(Clone, Debug, Default)]
pub struct Gate {
    inner: Arc<(Mutex<GateState>, Condvar)>,
}

impl Gate {
    pub fn new() -> Gate {
        Gate::default()
    }

    /// Lets every held request (and every later one) through.
    pub fn open(&self) {
        let (lock, cv) = &*self.inner;
        lock.lock().expect("gate").open = true;
        cv.notify_all();
    }

    pub fn is_open(&self) -> bool {
        self.inner.0.lock().expect("gate").open
    }

    /// How many requests have reached the gate.
    pub fn arrived(&self) -> usize {
        self.inner.0.lock().expect("gate").arrived
    }

    /// Blocks until `n` requests have reached the gate, or `timeout`; true if they did.
    pub fn wait_arrived(&self, n: usize, timeout: Duration) -> bool {
        let (lock, cv) = &*self.inner;
        let guard = lock.lock().expect("gate");
        let (guard, _) = cv
            .wait_timeout_while(guard, timeout, |s| s.arrived < n)
            .expect("gate");
        guard.arrived >= n
    }

    /// Called by the server: counts the arrival, then waits until open (or `max` passes).
    pub(crate) fn pass(&self, max: Option<Duration>) {
        let (lock, cv) = &*self.inner;
        let mut guard = lock.lock().expect("gate");
        guard.arrived += 1;
        cv.notify_all();
        let deadline = max.map(|m| Instant::now() + m);
        while !guard.open {
            match deadline {
                None => guard = cv.wait(guard).expect("gate"),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        break;
                    }
                    guard = cv.wait_timeout(guard, d - now).expect("gate").0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_exactly_or_by_prefix() {
        let w = When::path("/admin/api/*")
            .and_host("a.example.com")
            .method("get");
        assert!(w.matches("GET", "a.example.com", "/admin/api/services.json"));
        assert!(!w.matches("POST", "a.example.com", "/admin/api/services.json"));
        assert!(!w.matches("GET", "b.example.com", "/admin/api/services.json"));
        assert!(When::path("/p/login").matches("GET", "x", "/p/login"));
        assert!(!When::path("/p/login").matches("GET", "x", "/p/login2"));
    }

    #[test]
    fn a_gate_holds_until_opened() {
        let gate = Gate::new();
        let held = gate.clone();
        let t = std::thread::spawn(move || held.pass(None));
        assert!(gate.wait_arrived(1, Duration::from_secs(10)));
        gate.open();
        t.join().unwrap();
        // a delay passes by itself
        Gate::new().pass(Some(Duration::from_millis(1)));
    }
}
