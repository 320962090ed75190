//! A tiny HTTPS client for these tests: OpenSSL with the fake's CA, raw HTTP/1.1, one request
//! per connection, directly to the port or through the CONNECT proxy.
#![allow(dead_code)]

use base64::Engine;
use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use serde_json::Value;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How to reach the server.
#[derive(Clone, Copy, Debug)]
pub enum Via {
    /// Straight to 127.0.0.1:<port> (like `--resolve host:127.0.0.1` on that port).
    Direct(u16),
    /// Through the CONNECT proxy at 127.0.0.1:<port> (like `HTTPS_PROXY`).
    Proxy(u16),
}

#[derive(Clone, Debug)]
pub struct Client {
    pub via: Via,
    /// `None`: trust nothing (the system store is not loaded either).
    pub ca: Option<PathBuf>,
    /// The TLS server name; `None`: the Host.
    pub sni: Option<String>,
    pub timeout: Duration,
}

#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// False when the connection ended before Content-Length bytes came.
    pub complete: bool,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.text()))
    }
}

pub fn basic(token: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{token}:"))
    )
}

pub fn basic_password(token: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!(":{token}"))
    )
}

impl Client {
    pub fn direct(port: u16, ca: &Path) -> Client {
        Client {
            via: Via::Direct(port),
            ca: Some(ca.to_path_buf()),
            sni: None,
            timeout: Duration::from_secs(30),
        }
    }

    pub fn proxied(proxy_port: u16, ca: &Path) -> Client {
        Client {
            via: Via::Proxy(proxy_port),
            ..Client::direct(0, ca)
        }
    }

    pub fn get(&self, host: &str, path: &str, auth: Option<&str>) -> io::Result<Reply> {
        let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("Authorization", *a)).collect();
        self.request("GET", host, path, &headers, None)
    }

    pub fn form(
        &self,
        method: &str,
        host: &str,
        path: &str,
        auth: Option<&str>,
        body: &str,
    ) -> io::Result<Reply> {
        let mut headers: Vec<(&str, &str)> =
            vec![("Content-Type", "application/x-www-form-urlencoded")];
        if let Some(a) = auth {
            headers.push(("Authorization", a));
        }
        self.request(method, host, path, &headers, Some(body.as_bytes()))
    }

    pub fn json_body(
        &self,
        method: &str,
        host: &str,
        path: &str,
        auth: Option<&str>,
        body: &Value,
    ) -> io::Result<Reply> {
        let mut headers: Vec<(&str, &str)> = vec![("Content-Type", "application/json")];
        if let Some(a) = auth {
            headers.push(("Authorization", a));
        }
        let body = serde_json::to_vec(body).unwrap();
        self.request(method, host, path, &headers, Some(&body))
    }

    pub fn request(
        &self,
        method: &str,
        host: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> io::Result<Reply> {
        let mut stream = self.open(host)?;
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if let Some(b) = body {
            head.push_str(&format!("Content-Length: {}\r\n", b.len()));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if let Some(b) = body {
            stream.write_all(b)?;
        }
        stream.flush()?;
        read_reply(&mut stream, method == "HEAD")
    }

    /// The TLS stream to `host`, ready for a request.
    pub fn open(&self, host: &str) -> io::Result<openssl::ssl::SslStream<TcpStream>> {
        let tcp = match self.via {
            Via::Direct(port) => TcpStream::connect(("127.0.0.1", port))?,
            Via::Proxy(port) => {
                let mut tcp = TcpStream::connect(("127.0.0.1", port))?;
                write!(
                    tcp,
                    "CONNECT {host}:443 HTTP/1.1\r\nHost: {host}:443\r\n\r\n"
                )?;
                let head = read_head(&mut tcp)?;
                let status = head
                    .split_whitespace()
                    .nth(1)
                    .and_then(|s| s.parse::<u16>().ok())
                    .unwrap_or(0);
                if status != 200 {
                    return Err(io::Error::other(format!("proxy answered {status}")));
                }
                tcp
            }
        };
        tcp.set_read_timeout(Some(self.timeout))?;
        let mut b = SslConnector::builder(SslMethod::tls()).map_err(io::Error::other)?;
        match &self.ca {
            Some(ca) => b.set_ca_file(ca).map_err(io::Error::other)?,
            None => b.set_verify(SslVerifyMode::PEER),
        }
        let connector = b.build();
        let name = self.sni.as_deref().unwrap_or(host);
        connector
            .connect(name, tcp)
            .map_err(|e| io::Error::other(format!("TLS: {e}")))
    }
}

/// Reads a CONNECT answer's head byte by byte (nothing past it is consumed).
fn read_head(tcp: &mut TcpStream) -> io::Result<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if tcp.read(&mut byte)? == 0 {
            break;
        }
        head.push(byte[0]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

/// Reads everything until the server closes (we always send `Connection: close`).
pub fn read_reply<R: Read>(stream: &mut R, head_only: bool) -> io::Result<Reply> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            // a close without close_notify, after data: the body ends here
            Err(e)
                if !raw.is_empty()
                    && e.kind() != io::ErrorKind::WouldBlock
                    && e.kind() != io::ErrorKind::TimedOut =>
            {
                break
            }
            Err(e) => return Err(e),
        }
    }
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "no response head"))?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let get = |n: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v.clone())
    };
    let mut complete = true;
    if head_only {
        rest.clear();
    } else if get("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        let mut body = Vec::new();
        let mut pos = 0;
        loop {
            let Some(end) = rest[pos..].windows(2).position(|w| w == b"\r\n") else {
                complete = false;
                break;
            };
            let size =
                usize::from_str_radix(String::from_utf8_lossy(&rest[pos..pos + end]).trim(), 16)
                    .unwrap_or(0);
            pos += end + 2;
            if size == 0 {
                break;
            }
            if pos + size > rest.len() {
                complete = false;
                break;
            }
            body.extend_from_slice(&rest[pos..pos + size]);
            pos += size + 2;
        }
        rest = body;
    } else if let Some(len) = get("content-length").and_then(|v| v.parse::<usize>().ok()) {
        complete = rest.len() >= len;
        rest.truncate(len);
    }
    Ok(Reply {
        status,
        headers,
        body: rest,
        complete,
    })
}
