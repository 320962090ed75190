//! The HTTPS server: one thread accepting on 127.0.0.1, one thread per connection, keep-alive.

use crate::api;
use crate::config::{Config, DeveloperPortal, Product};
use crate::faults::{Fault, FaultId, Gate, When};
use crate::http::{self, Conn, ReadError, Request, Response};
use crate::model::{AccessToken, Account, Service, State};
use crate::record::{Handshake, RecordedRequest};
use crate::render;
use crate::tls;
use openssl::ssl::{NameType, SslAcceptor, SslStream};
use std::collections::HashMap;
use std::io::{self, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// The default tenant's portal hosts and master's.
#[derive(Clone, Debug)]
pub struct Hosts {
    /// `<tenant>-admin.<domain>`
    pub admin: String,
    /// `<tenant>.<domain>`
    pub developer: String,
    /// `<master>.<domain>`
    pub master: String,
}

struct FaultEntry {
    id: FaultId,
    when: When,
    fault: Fault,
    left: Option<usize>,
}

/// What is told of each tenant signed up (see `Server::on_signup`).
type SignupHook = Arc<dyn Fn(&Account) + Send + Sync>;

struct Shared {
    state: Mutex<State>,
    on_signup: Mutex<Vec<SignupHook>>,
    developer_portal: DeveloperPortal,
    faults: Mutex<Vec<FaultEntry>>,
    gates: Mutex<Vec<Gate>>,
    log: Mutex<Vec<RecordedRequest>>,
    log_changed: Condvar,
    handshakes: Mutex<Vec<Handshake>>,
    shutdown: AtomicBool,
    conns: Mutex<HashMap<u64, TcpStream>>,
    next_id: AtomicU64,
    next_seq: AtomicU64,
}

/// A fake 3scale on `https://127.0.0.1:<port>`, answering every portal host by its Host header.
/// Dropping it stops it (held requests are let go, open connections closed).
pub struct Server {
    port: u16,
    ca_pem_path: PathBuf,
    ca_pem: Vec<u8>,
    owned_dir: Option<PathBuf>,
    config: Config,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Generates the CA and certificate, seeds the state, and starts listening. Panics when it
    /// cannot (this is test support: the message says why).
    pub fn start(config: Config) -> Server {
        let certs = tls::generate(
            &format!("fake-3scale CA for {}", config.domain),
            &config.certificate_names(),
        )
        .expect("fake-3scale: generating certificates");
        let acceptor = Arc::new(tls::acceptor(&certs).expect("fake-3scale: TLS acceptor"));
        let (dir, owned_dir) = match &config.ca_dir {
            Some(dir) => (dir.clone(), None),
            None => {
                static COUNTER: AtomicU64 = AtomicU64::new(0);
                let dir = std::env::temp_dir().join(format!(
                    "fake-3scale-{}-{}-{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::SeqCst),
                    crate::model::random_hex(4)
                ));
                (dir.clone(), Some(dir))
            }
        };
        std::fs::create_dir_all(&dir).expect("fake-3scale: creating the CA directory");
        let ca_pem_path = dir.join("ca.pem");
        std::fs::write(&ca_pem_path, &certs.ca_pem).expect("fake-3scale: writing ca.pem");
        let listener = TcpListener::bind(("127.0.0.1", config.port))
            .unwrap_or_else(|e| panic!("fake-3scale: binding 127.0.0.1:{}: {e}", config.port));
        let port = listener.local_addr().expect("local address").port();
        let shared = Arc::new(Shared {
            state: Mutex::new(State::new(&config)),
            on_signup: Mutex::new(Vec::new()),
            developer_portal: config.developer_portal,
            faults: Mutex::new(Vec::new()),
            gates: Mutex::new(Vec::new()),
            log: Mutex::new(Vec::new()),
            log_changed: Condvar::new(),
            handshakes: Mutex::new(Vec::new()),
            shutdown: AtomicBool::new(false),
            conns: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
            next_seq: AtomicU64::new(1),
        });
        let accept_shared = Arc::clone(&shared);
        let accept = std::thread::Builder::new()
            .name("fake-3scale-accept".into())
            .spawn(move || accept_loop(listener, acceptor, accept_shared))
            .expect("spawning the accept thread");
        Server {
            port,
            ca_pem_path,
            ca_pem: certs.ca_pem,
            owned_dir,
            config,
            shared,
            accept: Some(accept),
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The CA's PEM file, for `--ca-file`.
    pub fn ca_pem_path(&self) -> &Path {
        &self.ca_pem_path
    }

    pub fn ca_pem(&self) -> &[u8] {
        &self.ca_pem
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn hosts(&self) -> Hosts {
        Hosts {
            admin: self.config.admin_host(),
            developer: self.config.developer_host(),
            master: self.config.master_host(),
        }
    }

    /// Every host answered now (master, each tenant's admin and developer portal).
    pub fn all_hosts(&self) -> Vec<String> {
        self.lock_state().hosts()
    }

    /// `https://<host>:<port><path>`, for a client that resolves `host` to 127.0.0.1.
    pub fn url(&self, host: &str, path: &str) -> String {
        format!("https://{host}:{}{path}", self.port)
    }

    // ---- what happened --------------------------------------------------------------------

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.log.lock().expect("log").clone()
    }

    pub fn clear_requests(&self) {
        self.shared.log.lock().expect("log").clear();
    }

    /// Blocks until at least `n` requests are recorded, or `timeout`; true if they are.
    pub fn wait_for_requests(&self, n: usize, timeout: Duration) -> bool {
        let log = self.shared.log.lock().expect("log");
        let (log, _) = self
            .shared
            .log_changed
            .wait_timeout_while(log, timeout, |l| l.len() < n)
            .expect("log");
        log.len() >= n
    }

    /// Requests whose URL carried a credential (see `RecordedRequest::credentials_in_query`).
    pub fn requests_with_credentials_in_url(&self) -> Vec<RecordedRequest> {
        self.requests()
            .into_iter()
            .filter(|r| r.credentials_in_query)
            .collect()
    }

    pub fn handshakes(&self) -> Vec<Handshake> {
        self.shared.handshakes.lock().expect("handshakes").clone()
    }

    /// Calls `hook` with each tenant a request signs up, after the state changed and before
    /// the answer is written: what zync hears of a new provider, for a test that plays zync
    /// (its routes for the tenant's portals). Hooks run on the connection's thread.
    pub fn on_signup(&self, hook: impl Fn(&Account) + Send + Sync + 'static) {
        self.shared
            .on_signup
            .lock()
            .expect("hooks")
            .push(Arc::new(hook));
    }

    // ---- faults ---------------------------------------------------------------------------

    /// Switches a fault on; the most recently set matching fault wins.
    pub fn set_fault(&self, when: When, fault: Fault) -> FaultId {
        let id = FaultId(self.shared.next_id.fetch_add(1, Ordering::SeqCst));
        if let Some(g) = fault.gate() {
            self.shared.gates.lock().expect("gates").push(g.clone());
        }
        let left = when.times;
        self.shared.faults.lock().expect("faults").push(FaultEntry {
            id,
            when,
            fault,
            left,
        });
        id
    }

    pub fn clear_fault(&self, id: FaultId) {
        self.shared
            .faults
            .lock()
            .expect("faults")
            .retain(|f| f.id != id);
    }

    /// Switches every fault off (held requests stay held until their gate opens).
    pub fn clear_faults(&self) {
        self.shared.faults.lock().expect("faults").clear();
    }

    // ---- state ----------------------------------------------------------------------------

    fn lock_state(&self) -> std::sync::MutexGuard<'_, State> {
        self.shared.state.lock().expect("state")
    }

    /// A copy of the whole state.
    pub fn state(&self) -> State {
        self.lock_state().clone()
    }

    /// Reads or changes the state in place.
    pub fn with_state<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        f(&mut self.lock_state())
    }

    pub fn tokens(&self) -> Vec<AccessToken> {
        self.lock_state().tokens.clone()
    }

    pub fn revoked_tokens(&self) -> Vec<AccessToken> {
        self.lock_state().revoked_tokens.clone()
    }

    /// Tenants (provider accounts other than master).
    pub fn tenants(&self) -> Vec<Account> {
        self.lock_state().tenants().into_iter().cloned().collect()
    }

    pub fn services(&self) -> Vec<Service> {
        self.lock_state().services.clone()
    }

    /// Every token value and password the server knows (issued or revoked), to look for in
    /// URLs, argv, transcripts and outputs.
    pub fn secret_values(&self) -> Vec<String> {
        self.lock_state().secret_values()
    }

    /// Adds a product to a tenant (by id, org name, subdomain or host); returns its id.
    pub fn add_service(&self, tenant: &str, product: Product) -> u64 {
        let mut state = self.lock_state();
        let account = state
            .tenant(tenant)
            .map(|a| a.id)
            .unwrap_or_else(|| panic!("fake-3scale: no tenant {tenant:?}"));
        state.add_service(account, &product)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.shutdown.store(true, Ordering::SeqCst);
        for gate in self.shared.gates.lock().expect("gates").iter() {
            gate.open();
        }
        for (_, conn) in self.shared.conns.lock().expect("conns").drain() {
            let _ = conn.shutdown(Shutdown::Both);
        }
        // wake the accept loop
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
        if let Some(dir) = &self.owned_dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn accept_loop(listener: TcpListener, acceptor: Arc<SslAcceptor>, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.shutdown.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let id = shared.next_id.fetch_add(1, Ordering::SeqCst);
        if let Ok(clone) = stream.try_clone() {
            shared.conns.lock().expect("conns").insert(id, clone);
        }
        let shared = Arc::clone(&shared);
        let acceptor = Arc::clone(&acceptor);
        let spawned = std::thread::Builder::new()
            .name("fake-3scale-conn".into())
            .spawn(move || {
                serve(&shared, &acceptor, stream);
                shared.conns.lock().expect("conns").remove(&id);
            });
        if spawned.is_err() {
            continue;
        }
    }
}

fn serve(shared: &Shared, acceptor: &SslAcceptor, stream: TcpStream) {
    // An idle keep-alive connection is closed after a while; a held one is not read from.
    let _ = stream.set_read_timeout(Some(Duration::from_secs(120)));
    let tls = match acceptor.accept(stream) {
        Ok(tls) => tls,
        Err(e) => {
            let (sni, error) = match &e {
                openssl::ssl::HandshakeError::Failure(mid) => (
                    mid.ssl()
                        .servername(NameType::HOST_NAME)
                        .map(str::to_string),
                    mid.error().to_string(),
                ),
                other => (None, other.to_string()),
            };
            shared
                .handshakes
                .lock()
                .expect("handshakes")
                .push(Handshake {
                    sni,
                    error: Some(error),
                });
            return;
        }
    };
    let sni = tls
        .ssl()
        .servername(NameType::HOST_NAME)
        .map(str::to_string);
    shared
        .handshakes
        .lock()
        .expect("handshakes")
        .push(Handshake {
            sni: sni.clone(),
            error: None,
        });
    let mut conn = Conn::new(tls);
    loop {
        if shared.shutdown.load(Ordering::SeqCst) {
            break;
        }
        let req = match conn.read_request() {
            Ok(req) => req,
            Err(ReadError::Closed) | Err(ReadError::Io) => break,
            Err(ReadError::Bad(status, message)) => {
                let _ =
                    http::write_response(&mut conn.stream, &Response::text(status, &message), true);
                break;
            }
        };
        let keep = answer(shared, &mut conn.stream, &req, sni.clone());
        if !keep || req.wants_close() {
            break;
        }
    }
    let _ = conn.stream.shutdown();
}

/// What will be written, decided on arrival.
enum Plan {
    Send(Response),
    Truncated(Response),
    Huge {
        bytes: u64,
        chunked: bool,
    },
    Close,
    Held {
        gate: Gate,
        max: Option<Duration>,
        response: Response,
    },
    HeldBody(Gate, Response),
}

/// Decides, records, then writes. Returns whether the connection stays open.
fn answer(
    shared: &Shared,
    out: &mut SslStream<TcpStream>,
    req: &Request,
    sni: Option<String>,
) -> bool {
    let host = req.host();
    let fault = take_fault(shared, req, &host);
    let normal = |shared: &Shared| {
        let (response, signed_up) = {
            let mut state = shared.state.lock().expect("state");
            let known: Vec<u64> = state.tenants().iter().map(|a| a.id).collect();
            let response = api::handle(&mut state, shared.developer_portal, req);
            let signed_up: Vec<Account> = state
                .tenants()
                .into_iter()
                .filter(|a| !known.contains(&a.id))
                .cloned()
                .collect();
            (response, signed_up)
        };
        if !signed_up.is_empty() {
            let hooks: Vec<SignupHook> = shared.on_signup.lock().expect("hooks").clone();
            for account in &signed_up {
                for hook in &hooks {
                    hook(account);
                }
            }
        }
        response
    };
    let plan = match &fault {
        None => Plan::Send(normal(shared)),
        Some(f) => match f {
            Fault::ServerError => Plan::Send(render::server_error_500()),
            Fault::Html => Plan::Send(render::login_page("Red Hat 3scale")),
            Fault::Truncated => Plan::Truncated(normal(shared)),
            Fault::RedirectLoop => Plan::Send(Response::redirect(
                302,
                &format!(
                    "https://{}{}",
                    req.header("host").unwrap_or(&host),
                    req.target
                ),
            )),
            Fault::Huge { bytes, chunked } => Plan::Huge {
                bytes: *bytes,
                chunked: *chunked,
            },
            Fault::Hang(gate) => Plan::Held {
                gate: gate.clone(),
                max: None,
                response: normal(shared),
            },
            Fault::Delay { ms, gate } => Plan::Held {
                gate: gate.clone(),
                max: Some(Duration::from_millis(*ms)),
                response: normal(shared),
            },
            Fault::HangBody(gate) => Plan::HeldBody(gate.clone(), normal(shared)),
            Fault::WrongScope => Plan::Send(render::error(
                403,
                render::Format::Json,
                render::WRONG_PERMISSIONS,
            )),
            Fault::Unauthorized => Plan::Send(Response::text(401, "unauthorized")),
            Fault::RouterUnavailable => Plan::Send(render::router_503()),
            Fault::Close => Plan::Close,
            Fault::Respond(r) => Plan::Send(r.clone()),
        },
    };
    let status = match &plan {
        Plan::Send(r) | Plan::Truncated(r) => r.status,
        Plan::Held { response, .. } | Plan::HeldBody(_, response) => response.status,
        Plan::Huge { .. } => 200,
        Plan::Close => 0,
    };
    record(shared, req, sni, status, fault.as_ref().map(Fault::name));
    let head_only = req.method == "HEAD";
    let result: io::Result<bool> = (|| match plan {
        Plan::Send(r) => {
            write(out, &r, head_only)?;
            Ok(true)
        }
        Plan::Close => Ok(false),
        Plan::Truncated(r) => {
            let (declared, sent) = if r.body.len() >= 2 {
                (r.body.len() as u64, &r.body[..r.body.len() / 2])
            } else {
                (r.body.len() as u64 + 100, &r.body[..])
            };
            http::write_head(out, r.status, &r.headers, Some(declared), true)?;
            out.write_all(sent)?;
            out.flush()?;
            Ok(false)
        }
        Plan::Huge { bytes, chunked } => {
            write_huge(out, bytes, chunked)?;
            Ok(true)
        }
        Plan::Held {
            gate,
            max,
            response,
        } => {
            gate.pass(max);
            if shared.shutdown.load(Ordering::SeqCst) {
                return Ok(false);
            }
            write(out, &response, head_only)?;
            Ok(true)
        }
        Plan::HeldBody(gate, r) => {
            http::write_head(out, r.status, &r.headers, Some(r.body.len() as u64), false)?;
            let half = r.body.len() / 2;
            out.write_all(&r.body[..half])?;
            out.flush()?;
            gate.pass(None);
            if shared.shutdown.load(Ordering::SeqCst) {
                return Ok(false);
            }
            out.write_all(&r.body[half..])?;
            out.flush()?;
            Ok(true)
        }
    })();
    result.unwrap_or(false)
}

fn write(out: &mut SslStream<TcpStream>, r: &Response, head_only: bool) -> io::Result<()> {
    if head_only {
        http::write_head(out, r.status, &r.headers, Some(r.body.len() as u64), false)?;
        out.flush()
    } else {
        http::write_response(out, r, false)
    }
}

fn write_huge(out: &mut SslStream<TcpStream>, bytes: u64, chunked: bool) -> io::Result<()> {
    let headers = vec![("Content-Type".to_string(), http::JSON.to_string())];
    if chunked {
        let mut h = headers;
        h.push(("Transfer-Encoding".into(), "chunked".into()));
        http::write_head(out, 200, &h, None, false)?;
    } else {
        http::write_head(out, 200, &headers, Some(bytes), false)?;
    }
    let prefix = b"{\"services\":[";
    let item = b"{\"service\":{\"id\":0,\"name\":\"padding\"}},";
    let mut block = Vec::with_capacity(64 * 1024);
    while block.len() + item.len() <= 64 * 1024 {
        block.extend_from_slice(item);
    }
    let mut left = bytes;
    let mut first = true;
    while left > 0 {
        let data: &[u8] = if first { prefix } else { &block };
        first = false;
        let n = (data.len() as u64).min(left) as usize;
        if chunked {
            out.write_all(format!("{n:x}\r\n").as_bytes())?;
            out.write_all(&data[..n])?;
            out.write_all(b"\r\n")?;
        } else {
            out.write_all(&data[..n])?;
        }
        left -= n as u64;
    }
    if chunked {
        out.write_all(b"0\r\n\r\n")?;
    }
    out.flush()
}

fn take_fault(shared: &Shared, req: &Request, host: &str) -> Option<Fault> {
    let mut faults = shared.faults.lock().expect("faults");
    let index = faults
        .iter()
        .rposition(|f| f.when.matches(&req.method, host, &req.path))?;
    let entry = &mut faults[index];
    let fault = entry.fault.clone();
    if let Some(left) = entry.left.as_mut() {
        *left = left.saturating_sub(1);
        if *left == 0 {
            faults.remove(index);
        }
    }
    Some(fault)
}

fn record(
    shared: &Shared,
    req: &Request,
    sni: Option<String>,
    status: u16,
    fault: Option<&'static str>,
) {
    let secrets = shared.state.lock().expect("state").secret_values();
    let seq = shared.next_seq.fetch_add(1, Ordering::SeqCst);
    let entry = RecordedRequest::new(seq, req, sni, &secrets, status, fault);
    shared.log.lock().expect("log").push(entry);
    shared.log_changed.notify_all();
}
