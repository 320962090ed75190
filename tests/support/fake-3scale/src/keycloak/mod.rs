//! A fake Red Hat SSO (Keycloak) for `sso add --create-client`: HTTPS on 127.0.0.1 with a
//! throw-away CA of its own (an SSO server is rarely behind the router's CA), one realm beside
//! `master`, the discovery document, the `admin-cli` password grant, and the admin REST API's
//! clients and users. Every request is recorded (credentials masked) as the 3scale fake does.
//!
//! ```no_run
//! use fake_3scale::{Keycloak, KeycloakConfig, Proxy};
//! let sso = Keycloak::start(KeycloakConfig::new("sso.example.com", "3scale"));
//! let proxy = Proxy::start(0);
//! proxy.route("sso.example.com", sso.port());
//! assert_eq!(sso.realm_url(), "https://sso.example.com/auth/realms/3scale");
//! ```

mod api;
mod model;

pub use model::{AdminLogin, IssuedToken, KcClient, KcUser, KeycloakState, KeycloakVersion, Realm};

use crate::http::{self, Conn, ReadError, Response};
use crate::record::RecordedRequest;
use openssl::ssl::{NameType, SslAcceptor};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the fake Red Hat SSO starts with.
#[derive(Clone, Debug)]
pub struct KeycloakConfig {
    /// The SSO host (port 443 through the proxy's route).
    pub host: String,
    /// The realm 3scale's admin portal logs in with (besides `master`).
    pub realm: String,
    /// The master realm's administrator (`admin-cli` password grant).
    pub admin_username: String,
    pub admin_password: String,
    pub version: KeycloakVersion,
    /// A configured frontend URL (`https://host/auth`): the issuer is then on it, whatever host
    /// the request came to.
    pub frontend_url: Option<String>,
}

impl KeycloakConfig {
    pub fn new(host: &str, realm: &str) -> KeycloakConfig {
        KeycloakConfig {
            host: host.to_ascii_lowercase(),
            realm: realm.to_string(),
            admin_username: "admin".into(),
            admin_password: crate::model::template_secret(16),
            version: KeycloakVersion::Rhsso75,
            frontend_url: None,
        }
    }

    pub fn version(mut self, version: KeycloakVersion) -> KeycloakConfig {
        self.version = version;
        self
    }

    pub fn frontend_url(mut self, url: &str) -> KeycloakConfig {
        self.frontend_url = Some(url.to_string());
        self
    }
}

struct Shared {
    state: Mutex<KeycloakState>,
    setup: api::Setup,
    log: Mutex<Vec<RecordedRequest>>,
    shutdown: AtomicBool,
    conns: Mutex<Vec<TcpStream>>,
    next_seq: AtomicU64,
}

/// The fake Red Hat SSO on `https://127.0.0.1:<port>`; dropping it stops it.
pub struct Keycloak {
    port: u16,
    config: KeycloakConfig,
    dir: PathBuf,
    ca_pem_path: PathBuf,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

impl Keycloak {
    pub fn start(config: KeycloakConfig) -> Keycloak {
        let certs = crate::tls::generate(
            &format!("fake Red Hat SSO CA for {}", config.host),
            &[config.host.clone(), "127.0.0.1".into()],
        )
        .expect("fake Keycloak: generating certificates");
        let acceptor = Arc::new(crate::tls::acceptor(&certs).expect("fake Keycloak: TLS acceptor"));
        let dir = std::env::temp_dir().join(format!(
            "fake-keycloak-{}-{}",
            std::process::id(),
            crate::model::random_hex(6)
        ));
        std::fs::create_dir_all(&dir).expect("fake Keycloak: CA directory");
        let ca_pem_path = dir.join("ca.pem");
        std::fs::write(&ca_pem_path, &certs.ca_pem).expect("fake Keycloak: writing ca.pem");
        let listener = TcpListener::bind("127.0.0.1:0").expect("fake Keycloak: binding");
        let port = listener.local_addr().expect("local address").port();
        let shared = Arc::new(Shared {
            state: Mutex::new(KeycloakState::new(
                &config.realm,
                &config.admin_username,
                &config.admin_password,
            )),
            setup: api::Setup {
                version: config.version,
                frontend_url: config.frontend_url.clone(),
            },
            log: Mutex::new(Vec::new()),
            shutdown: AtomicBool::new(false),
            conns: Mutex::new(Vec::new()),
            next_seq: AtomicU64::new(1),
        });
        let accept_shared = Arc::clone(&shared);
        let accept = std::thread::Builder::new()
            .name("fake-keycloak-accept".into())
            .spawn(move || accept_loop(listener, acceptor, accept_shared))
            .expect("spawning the accept thread");
        Keycloak {
            port,
            config,
            dir,
            ca_pem_path,
            shared,
            accept: Some(accept),
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Its CA's PEM file (not the 3scale fake's).
    pub fn ca_pem_path(&self) -> &Path {
        &self.ca_pem_path
    }

    pub fn config(&self) -> &KeycloakConfig {
        &self.config
    }

    /// `https://<host>/auth/realms/<realm>`: what 3scale's `site` is.
    pub fn realm_url(&self) -> String {
        format!(
            "https://{}/auth/realms/{}",
            self.config.host, self.config.realm
        )
    }

    pub fn state(&self) -> KeycloakState {
        self.shared.state.lock().expect("state").clone()
    }

    pub fn with_state<R>(&self, f: impl FnOnce(&mut KeycloakState) -> R) -> R {
        f(&mut self.shared.state.lock().expect("state"))
    }

    /// A user of the realm 3scale logs in with.
    pub fn add_user(&self, username: &str, email: &str, verified: bool) -> String {
        let realm = self.config.realm.clone();
        self.with_state(|s| s.add_user(&realm, username, Some(email), verified))
    }

    /// A client of the realm 3scale logs in with, by its `clientId`.
    pub fn client(&self, client_id: &str) -> Option<KcClient> {
        self.state().client(&self.config.realm, client_id).cloned()
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.log.lock().expect("log").clone()
    }

    /// The admin password, every client secret and every token handed out.
    pub fn secret_values(&self) -> Vec<String> {
        self.shared.state.lock().expect("state").secret_values()
    }
}

impl Drop for Keycloak {
    fn drop(&mut self) {
        self.shared.shutdown.store(true, Ordering::SeqCst);
        for c in self.shared.conns.lock().expect("conns").drain(..) {
            let _ = c.shutdown(Shutdown::Both);
        }
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn accept_loop(listener: TcpListener, acceptor: Arc<SslAcceptor>, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.shutdown.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        if let Ok(clone) = stream.try_clone() {
            shared.conns.lock().expect("conns").push(clone);
        }
        let shared = Arc::clone(&shared);
        let acceptor = Arc::clone(&acceptor);
        let _ = std::thread::Builder::new()
            .name("fake-keycloak-conn".into())
            .spawn(move || serve(&shared, &acceptor, stream));
    }
}

fn serve(shared: &Shared, acceptor: &SslAcceptor, stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(120)));
    let Ok(tls) = acceptor.accept(stream) else {
        return;
    };
    let sni = tls
        .ssl()
        .servername(NameType::HOST_NAME)
        .map(str::to_string);
    let mut conn = Conn::new(tls);
    while !shared.shutdown.load(Ordering::SeqCst) {
        let req = match conn.read_request() {
            Ok(req) => req,
            Err(ReadError::Closed) | Err(ReadError::Io) => break,
            Err(ReadError::Bad(status, message)) => {
                let _ =
                    http::write_response(&mut conn.stream, &Response::text(status, &message), true);
                break;
            }
        };
        let (response, secrets) = {
            let mut state = shared.state.lock().expect("state");
            let response = api::handle(&mut state, &shared.setup, &req);
            (response, state.secret_values())
        };
        let seq = shared.next_seq.fetch_add(1, Ordering::SeqCst);
        let entry = RecordedRequest::new(seq, &req, sni.clone(), &secrets, response.status, None);
        shared.log.lock().expect("log").push(entry);
        if http::write_response(&mut conn.stream, &response, false).is_err() || req.wants_close() {
            break;
        }
    }
    let _ = conn.stream.shutdown();
}
