//! What the server saw: every request (never a credential's value) and every TLS handshake.

use crate::http::Request;
use crate::params::Params;

/// One request as recorded. Authorization values are masked; bodies are kept as a length and
/// the names of their fields only.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// Order of arrival, from 1.
    pub seq: u64,
    pub method: String,
    /// The Host header, lower case, without a port.
    pub host: String,
    /// The TLS server name the client sent (may differ from `host` with `--resolve` or a proxy).
    pub sni: Option<String>,
    pub path: String,
    pub query: Option<String>,
    /// True when the query names a credential parameter (`access_token`, `api_key`,
    /// `provider_key`) or the request target contains any token value the server ever issued.
    pub credentials_in_query: bool,
    /// Header names in lower case; `authorization` reads `<scheme> [redacted]`.
    pub headers: Vec<(String, String)>,
    /// The scheme of the Authorization header (`Basic`), if any.
    pub authorization_scheme: Option<String>,
    pub content_type: Option<String>,
    pub body_len: usize,
    /// Names of the fields of a form or JSON body (not their values).
    pub body_fields: Vec<String>,
    /// The status answered (0: the connection was closed without one).
    pub status: u16,
    /// The fault applied, by name.
    pub fault: Option<&'static str>,
}

impl RecordedRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn new(
        seq: u64,
        req: &Request,
        sni: Option<String>,
        secrets: &[String],
        status: u16,
        fault: Option<&'static str>,
    ) -> RecordedRequest {
        let params = Params::parse(req.query.as_deref(), req.header("content-type"), &req.body);
        let named = ["access_token", "api_key", "provider_key"]
            .iter()
            .any(|k| params.query.contains_key(*k));
        let decoded_target = crate::params::percent_decode(&req.target);
        let contains_secret = secrets
            .iter()
            .filter(|s| !s.is_empty())
            .any(|s| req.target.contains(s.as_str()) || decoded_target.contains(s.as_str()));
        let headers = req
            .headers
            .iter()
            .map(|(k, v)| {
                if k == "authorization" || k == "proxy-authorization" {
                    let scheme = v.split_whitespace().next().unwrap_or("");
                    (k.clone(), format!("{scheme} [redacted]"))
                } else {
                    (k.clone(), v.clone())
                }
            })
            .collect();
        RecordedRequest {
            seq,
            method: req.method.clone(),
            host: req.host(),
            sni,
            path: req.path.clone(),
            query: req.query.clone(),
            credentials_in_query: named || contains_secret,
            headers,
            authorization_scheme: req
                .header("authorization")
                .and_then(|v| v.split_whitespace().next())
                .map(str::to_string),
            content_type: req.header("content-type").map(str::to_string),
            body_len: req.body.len(),
            body_fields: params.body_field_names(),
            status,
            fault,
        }
    }
}

/// One TLS handshake.
#[derive(Clone, Debug)]
pub struct Handshake {
    pub sni: Option<String>,
    /// `None` when it succeeded; else OpenSSL's words (e.g. the client's `unknown ca` alert).
    pub error: Option<String>,
}
