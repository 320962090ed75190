//! The only owner of HTTP: requests to 3scale's portals and APIs through their routes, with
//! deadlines on connecting and on the whole request, bounded retries for reads only, tokens only
//! in the Authorization header or a request body (never in a URL: router logs keep URLs), every
//! request and status in the transcript with secrets masked, and answers read with a size limit.
//!
//! Trust: the system's roots, plus `--ca-file`; or none with `--insecure-skip-tls-verify`. A CA
//! scoped to one domain (the cluster's ingress CA, for the hosts under its apps domain) is
//! trusted for those hosts only, by an agent of their own. The standard proxy variables (`HTTPS_PROXY`, `NO_PROXY`) are honoured; `--resolve HOST:ADDRESS`
//! reaches a host before its DNS record exists.

use crate::secrets::{Redactor, Secret};
use crate::transcript::{Output, Transcript};
use base64::Engine;
use std::fmt;
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The most of an answer that is read: a portal page or an API list is far smaller.
const MAX_BODY: u64 = 10 * 1024 * 1024;
/// Retries of a read that failed on the way (connection, timeout, 5xx).
const READ_RETRIES: u32 = 2;
/// The first pause before a retry; each next one doubles (a server that is restarting gets
/// room), and none goes past the read's deadline.
const RETRY_BACKOFF: Duration = Duration::from_millis(300);

/// How requests reach 3scale, from the answers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    pub(crate) ca_file: Option<PathBuf>,
    pub(crate) insecure: bool,
    /// Hosts reached at a given address (port 443), as curl's `--resolve`.
    pub(crate) resolve: Vec<(String, IpAddr)>,
    /// The cluster's ingress CA, for the hosts under its apps domain.
    pub(crate) cluster_ca: ClusterTrust,
}

/// Whether the cluster's own CA is trusted for its hosts.
#[derive(Debug, Clone, Default)]
pub(crate) enum ClusterTrust {
    /// Not looked for (`--insecure-skip-tls-verify`, or a command that does not).
    #[default]
    NotAsked,
    Trusted(ScopedCa),
    /// Looked for and not usable: why.
    Unavailable(String),
}

/// Certificates (PEM) trusted for the hosts under `domain` only, and where they were read.
#[derive(Debug, Clone)]
pub(crate) struct ScopedCa {
    pub(crate) domain: String,
    pub(crate) pem: Vec<u8>,
    pub(crate) source: String,
}

impl ScopedCa {
    /// Whether `host` is `domain` or below it.
    pub(crate) fn covers(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let domain = self.domain.to_ascii_lowercase();
        host == domain || host.ends_with(&format!(".{domain}"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub(crate) fn text(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A request: method, `https://HOST/PATH` (no credentials in it), a token for basic auth (or
/// a bearer token), and form fields or a JSON document for the body.
pub(crate) struct Request<'a> {
    pub(crate) method: Method,
    pub(crate) host: &'a str,
    pub(crate) path: &'a str,
    pub(crate) token: Option<&'a Secret>,
    /// Sent as `Authorization: Bearer` (OpenShift's APIs), instead of `token`.
    pub(crate) bearer: Option<&'a Secret>,
    pub(crate) form: Vec<(&'a str, FormValue<'a>)>,
    /// A JSON body instead of the form; it may hold a secret, and is never logged.
    pub(crate) json: Option<Vec<u8>>,
}

pub(crate) enum FormValue<'a> {
    Plain(&'a str),
    Secret(&'a Secret),
}

impl<'a> Request<'a> {
    pub(crate) fn get(host: &'a str, path: &'a str) -> Request<'a> {
        Request {
            method: Method::Get,
            host,
            path,
            token: None,
            bearer: None,
            form: Vec::new(),
            json: None,
        }
    }

    pub(crate) fn with(method: Method, host: &'a str, path: &'a str) -> Request<'a> {
        Request {
            method,
            ..Request::get(host, path)
        }
    }

    pub(crate) fn token(mut self, token: &'a Secret) -> Request<'a> {
        self.token = Some(token);
        self
    }

    pub(crate) fn bearer(mut self, token: &'a Secret) -> Request<'a> {
        self.bearer = Some(token);
        self
    }

    /// A JSON document as the body.
    pub(crate) fn json(mut self, document: &serde_json::Value) -> Request<'a> {
        self.json = Some(serde_json::to_vec(document).unwrap_or_default());
        self
    }

    pub(crate) fn field(mut self, name: &'a str, value: &'a str) -> Request<'a> {
        self.form.push((name, FormValue::Plain(value)));
        self
    }

    pub(crate) fn secret_field(mut self, name: &'a str, value: &'a Secret) -> Request<'a> {
        self.form.push((name, FormValue::Secret(value)));
        self
    }

    fn url(&self) -> String {
        format!("https://{}{}", self.host, self.path)
    }
}

/// An answer.
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) location: Option<String>,
    pub(crate) content_type: String,
    pub(crate) body: Vec<u8>,
}

impl Response {
    /// The body as JSON, or an error that says what came instead.
    pub(crate) fn json(&self) -> Result<serde_json::Value, String> {
        serde_json::from_slice(&self.body).map_err(|e| {
            let what = if self.content_type.contains("html")
                || self.body.trim_ascii_start().starts_with(b"<")
            {
                "HTML".to_string()
            } else {
                format!("no JSON ({e})")
            };
            format!("{what} instead of JSON: {}", first_bytes(&self.body))
        })
    }
}

/// Why a request got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cause {
    /// The name does not resolve.
    Dns,
    /// The certificate is not trusted (or does not match the name).
    Tls(String),
    Connect(String),
    Timeout,
    Proxy(String),
    /// The answer was cut short.
    Truncated,
    TooLarge,
    TooManyRedirects,
    Other(String),
}

/// A request that got no (usable) answer: which request, and why.
#[derive(Debug, Clone)]
pub(crate) struct HttpError {
    /// `GET https://host/path`, secrets masked.
    pub(crate) request: String,
    pub(crate) cause: Cause,
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match &self.cause {
            Cause::Dns => "the name does not resolve".to_string(),
            Cause::Tls(m) => format!("the certificate is not trusted: {m}"),
            Cause::Connect(m) => format!("no connection: {m}"),
            Cause::Timeout => "no answer in time".to_string(),
            Cause::Proxy(m) => format!("the proxy refused: {m}"),
            Cause::Truncated => "the answer was cut short".to_string(),
            Cause::TooLarge => format!("the answer is larger than {} MB", MAX_BODY / 1024 / 1024),
            Cause::TooManyRedirects => "redirected too many times".to_string(),
            Cause::Other(m) => m.clone(),
        };
        write!(f, "`{}`: {why}", self.request)
    }
}

impl std::error::Error for HttpError {}

impl HttpError {
    fn transient(&self) -> bool {
        matches!(
            self.cause,
            Cause::Connect(_) | Cause::Timeout | Cause::Truncated
        )
    }
}

/// `--resolve` answers first; every other host is looked up as usual.
#[derive(Debug)]
struct Overrides {
    fixed: Vec<(String, IpAddr)>,
    default: DefaultResolver,
}

impl Resolver for Overrides {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri.host().unwrap_or_default();
        match self
            .fixed
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(host))
        {
            Some((_, ip)) => {
                let port = uri.port_u16().unwrap_or(443);
                let mut out = self.default.empty();
                out.push(SocketAddr::new(*ip, port));
                Ok(out)
            }
            None => self.default.resolve(uri, config, timeout),
        }
    }
}

pub(crate) struct Http {
    agent: ureq::Agent,
    /// The agent for the hosts a scoped CA covers, with that CA among its roots.
    scoped: Option<(ScopedCa, ureq::Agent)>,
    options: Options,
    redactor: Redactor,
    transcript: Arc<Transcript>,
    proxy: Option<ureq::Proxy>,
}

impl Http {
    pub(crate) fn new(
        options: Options,
        redactor: Redactor,
        transcript: Arc<Transcript>,
    ) -> Result<Http, String> {
        let given = match &options.ca_file {
            Some(path) => {
                let pem = std::fs::read(path)
                    .map_err(|e| format!("cannot read --ca-file {}: {e}", path.display()))?;
                let given = certificates(&pem);
                if given.is_empty() {
                    return Err(format!(
                        "--ca-file {} holds no PEM certificate",
                        path.display()
                    ));
                }
                given
            }
            None => Vec::new(),
        };
        let proxy = ureq::Proxy::try_from_env();
        let agent = agent(&options, &proxy, &given);
        let scoped = match &options.cluster_ca {
            ClusterTrust::Trusted(ca) if !options.insecure => {
                let mut certs = given.clone();
                certs.extend(certificates(&ca.pem));
                Some((ca.clone(), self::agent(&options, &proxy, &certs)))
            }
            _ => None,
        };
        Ok(Http {
            agent,
            scoped,
            options,
            redactor,
            transcript,
            proxy,
        })
    }

    /// The scoped CA trusted for `host`, when one covers it.
    pub(crate) fn trusted_by(&self, host: &str) -> Option<&ScopedCa> {
        self.scoped
            .as_ref()
            .map(|(ca, _)| ca)
            .filter(|ca| ca.covers(host))
    }

    fn agent_for(&self, host: &str) -> &ureq::Agent {
        match &self.scoped {
            Some((ca, agent)) if ca.covers(host) => agent,
            _ => &self.agent,
        }
    }

    /// Masks a secret that arrived in an answer (a new token, say) from here on, everywhere.
    pub(crate) fn register(&self, name: &str, secret: &Secret) {
        self.redactor.add_secret(name, secret);
    }

    /// Every secret known to the run masked: for what an answer says in an error.
    pub(crate) fn redact(&self, text: &str) -> String {
        self.redactor.redact(text)
    }

    pub(crate) fn options(&self) -> &Options {
        &self.options
    }

    /// The proxy that carries requests to `host`, when one does (`HTTPS_PROXY` and `NO_PROXY`).
    pub(crate) fn proxy_for(&self, host: &str) -> Option<String> {
        let proxy = self.proxy.as_ref()?;
        let uri: ureq::http::Uri = format!("https://{host}/").parse().ok()?;
        (!proxy.is_no_proxy(&uri)).then(|| format!("{}:{}", proxy.host(), proxy.port()))
    }

    /// The addresses `host` resolves to from this machine (or the `--resolve` one).
    pub(crate) fn lookup(&self, host: &str) -> Result<Vec<IpAddr>, String> {
        if let Some((_, ip)) = self
            .options
            .resolve
            .iter()
            .find(|(h, _)| h.eq_ignore_ascii_case(host))
        {
            return Ok(vec![*ip]);
        }
        (host, 443)
            .to_socket_addrs()
            .map(|a| a.map(|s| s.ip()).collect())
            .map_err(|e| e.to_string())
    }

    /// Sends a request and reads the answer; reads (GET) are tried again after a failure on the
    /// way or a 5xx.
    pub(crate) fn send(&self, req: &Request) -> Result<Response, HttpError> {
        // The retries of a read end with the deadline of one request.
        let deadline = Instant::now() + REQUEST_TIMEOUT;
        let mut attempt = 0;
        loop {
            let result = self.send_once(req);
            let pause = RETRY_BACKOFF * 2u32.pow(attempt);
            let retry = req.method == Method::Get
                && attempt < READ_RETRIES
                && Instant::now() + pause < deadline
                && match &result {
                    Ok(r) => r.status >= 500,
                    Err(e) => e.transient(),
                };
            if !retry || crate::interrupt::requested() {
                return result;
            }
            attempt += 1;
            self.transcript.note(&format!(
                "retrying {} {} ({attempt} of {READ_RETRIES}) in {} ms",
                req.method.text(),
                req.url(),
                pause.as_millis()
            ));
            std::thread::sleep(pause);
        }
    }

    fn send_once(&self, req: &Request) -> Result<Response, HttpError> {
        let url = req.url();
        let shown = self
            .redactor
            .redact(&format!("{} {url}", req.method.text()));
        let started = Instant::now();
        let answered = self.call(req, &url);
        crate::interrupt::stop_if_requested();
        let outcome = answered.and_then(read_answer).map_err(|e| HttpError {
            request: shown.clone(),
            cause: cause_of(&e),
        });
        let status = match &outcome {
            Ok(r) => format!("{} ({} bytes)", r.status, r.body.len()),
            Err(e) => e.to_string(),
        };
        self.transcript
            .call(&shown, &status, started.elapsed(), Output::Omitted, "");
        outcome
    }

    /// Sends `req` to `url`: the token as basic auth, the form fields in the body.
    fn call(
        &self,
        req: &Request,
        url: &str,
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let auth = authorization(req);
        let agent = self.agent_for(req.host);
        match req.method {
            Method::Get | Method::Delete => {
                let mut r = match req.method {
                    Method::Get => agent.get(url),
                    _ => agent.delete(url),
                };
                r = r.header("Accept", "application/json, text/html;q=0.9");
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.call()
            }
            Method::Post | Method::Put => {
                let mut r = match req.method {
                    Method::Post => agent.post(url),
                    _ => agent.put(url),
                };
                r = r.header("Accept", "application/json");
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                match &req.json {
                    Some(body) => r
                        .header("Content-Type", "application/json")
                        .send(body.as_slice()),
                    None => {
                        let form = req.form.iter().map(|(k, v)| {
                            let value = match v {
                                FormValue::Plain(p) => *p,
                                FormValue::Secret(s) => s.expose(),
                            };
                            (*k, value)
                        });
                        r.send_form(form)
                    }
                }
            }
        }
    }

    /// The certificate a host presents (subject and issuer), read without verifying it: what a
    /// failed TLS check shows. Through the proxy when one carries the host.
    pub(crate) fn peer_certificate(&self, host: &str) -> Result<String, String> {
        let stream = match self.proxy_for(host) {
            Some(proxy) => {
                let mut s =
                    TcpStream::connect(&proxy).map_err(|e| format!("proxy {proxy}: {e}"))?;
                s.set_read_timeout(Some(CONNECT_TIMEOUT)).ok();
                write!(s, "CONNECT {host}:443 HTTP/1.1\r\nHost: {host}:443\r\n\r\n")
                    .map_err(|e| e.to_string())?;
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && head.len() < 8192 {
                    s.read_exact(&mut byte).map_err(|e| e.to_string())?;
                    head.push(byte[0]);
                }
                let answer = String::from_utf8_lossy(&head).into_owned();
                if answer.split_whitespace().nth(1) != Some("200") {
                    return Err(format!(
                        "the proxy answered {}",
                        String::from_utf8_lossy(&head).lines().next().unwrap_or("")
                    ));
                }
                s
            }
            None => {
                let ip = self.lookup(host)?.into_iter().next().ok_or("no address")?;
                TcpStream::connect_timeout(&SocketAddr::new(ip, 443), CONNECT_TIMEOUT)
                    .map_err(|e| e.to_string())?
            }
        };
        stream.set_read_timeout(Some(CONNECT_TIMEOUT)).ok();
        let mut builder = openssl::ssl::SslConnector::builder(openssl::ssl::SslMethod::tls())
            .map_err(|e| e.to_string())?;
        builder.set_verify(openssl::ssl::SslVerifyMode::NONE);
        let connector = builder.build();
        let tls = connector.connect(host, stream).map_err(|e| e.to_string())?;
        let cert = tls
            .ssl()
            .peer_certificate()
            .ok_or("no certificate presented")?;
        let name = |n: &openssl::x509::X509NameRef| {
            n.entries()
                .map(|e| {
                    format!(
                        "{}={}",
                        e.object().nid().short_name().unwrap_or("?"),
                        String::from_utf8_lossy(e.data().as_slice())
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        Ok(format!(
            "subject {}; issuer {}",
            name(cert.subject_name()),
            name(cert.issuer_name())
        ))
    }
}

/// The Authorization header of a request: its bearer token, else its token for basic auth.
fn authorization(req: &Request) -> Option<String> {
    match (req.bearer, req.token) {
        (Some(t), _) => Some(format!("Bearer {}", t.expose())),
        // porta reads the token from the basic-auth password as well as the user.
        (None, Some(t)) => Some(basic_auth(t)),
        (None, None) => None,
    }
}

/// The Authorization header of a token: porta reads the token from the basic-auth password as
/// well as the user.
fn basic_auth(token: &Secret) -> String {
    let pair = format!(":{}", token.expose());
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}

/// An agent with the run's settings that trusts the system's roots and `extra` (none: the
/// platform's verifier as it is).
fn agent(
    options: &Options,
    proxy: &Option<ureq::Proxy>,
    extra: &[ureq::tls::Certificate<'static>],
) -> ureq::Agent {
    let roots = if extra.is_empty() {
        ureq::tls::RootCerts::PlatformVerifier
    } else {
        // Trusting private CAs besides the system's: both sets, given to the TLS layer.
        let mut certs = system_roots();
        certs.extend(extra.iter().cloned());
        ureq::tls::RootCerts::new_with_certs(&certs)
    };
    let tls = ureq::tls::TlsConfig::builder()
        .provider(ureq::tls::TlsProvider::NativeTls)
        .root_certs(roots)
        .disable_verification(options.insecure)
        .build();
    let config = ureq::config::Config::builder()
        .tls_config(tls)
        .proxy(proxy.clone())
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(REQUEST_TIMEOUT))
        .user_agent(concat!("threescale-install/", env!("CARGO_PKG_VERSION")))
        .build();
    let resolver = Overrides {
        fixed: options.resolve.clone(),
        default: DefaultResolver::default(),
    };
    ureq::Agent::with_parts(config, DefaultConnector::new(), resolver)
}

/// The certificates of a PEM text.
fn certificates(pem: &[u8]) -> Vec<ureq::tls::Certificate<'static>> {
    ureq::tls::parse_pem(pem)
        .filter_map(|item| match item {
            Ok(ureq::tls::PemItem::Certificate(c)) => Some(c.to_owned()),
            _ => None,
        })
        .collect()
}

/// The system's trusted roots, as the TLS layer loads them by default.
fn system_roots() -> Vec<ureq::tls::Certificate<'static>> {
    let candidates = [
        std::env::var("SSL_CERT_FILE").ok(),
        Some("/etc/ssl/certs/ca-certificates.crt".into()),
        Some("/etc/pki/tls/certs/ca-bundle.crt".into()),
        Some("/etc/ssl/cert.pem".into()),
    ];
    for path in candidates.into_iter().flatten() {
        if let Ok(pem) = std::fs::read(&path) {
            let certs: Vec<_> = ureq::tls::parse_pem(&pem)
                .filter_map(|i| match i {
                    Ok(ureq::tls::PemItem::Certificate(c)) => Some(c),
                    _ => None,
                })
                .collect();
            if !certs.is_empty() {
                return certs;
            }
        }
    }
    Vec::new()
}

/// The status, the headers that matter and the body (at most [`MAX_BODY`]) of an answer.
fn read_answer(mut resp: ureq::http::Response<ureq::Body>) -> Result<Response, ureq::Error> {
    let status = resp.status().as_u16();
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let location = header("location");
    let content_type = header("content-type").unwrap_or_default();
    let body = resp
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()?;
    Ok(Response {
        status,
        location,
        content_type,
        body,
    })
}

fn cause_of(e: &ureq::Error) -> Cause {
    match e {
        ureq::Error::HostNotFound => Cause::Dns,
        ureq::Error::Timeout(_) => Cause::Timeout,
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => Cause::TooManyRedirects,
        ureq::Error::BodyExceedsLimit(_) => Cause::TooLarge,
        ureq::Error::ConnectProxyFailed(m) => Cause::Proxy(m.clone()),
        ureq::Error::ConnectionFailed => Cause::Connect("the connection failed".into()),
        ureq::Error::NativeTls(t) => Cause::Tls(t.to_string()),
        ureq::Error::Tls(t) => Cause::Tls(t.to_string()),
        ureq::Error::Io(io) => {
            let text = io.to_string();
            if io.kind() == std::io::ErrorKind::UnexpectedEof {
                Cause::Truncated
            } else if io.kind() == std::io::ErrorKind::TimedOut
                || io.kind() == std::io::ErrorKind::WouldBlock
            {
                Cause::Timeout
            } else if text.contains("certificate")
                || text.contains("handshake")
                || text.contains("ssl")
            {
                Cause::Tls(text)
            } else if text.contains("failed to lookup")
                || text.contains("Name or service not known")
                || text.contains("No address")
            {
                Cause::Dns
            } else {
                Cause::Connect(text)
            }
        }
        other => {
            let text = other.to_string();
            if text.contains("certificate") || text.contains("handshake") {
                Cause::Tls(text)
            } else {
                Cause::Other(text)
            }
        }
    }
}

/// `text` percent-encoded for a URL's query (RFC 3986 unreserved characters kept).
pub(crate) fn query_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The start of a body, for messages: what came back, never all of it.
pub(crate) fn first_bytes(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(160)]);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if body.len() > 160 {
        format!("{flat}…")
    } else {
        flat
    }
}
