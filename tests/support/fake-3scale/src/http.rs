//! A small HTTP/1.1 server side: read one request from a stream (Content-Length or chunked
//! bodies, `Expect: 100-continue`), write one response. Keep-alive is the caller's loop.

use std::io::{self, Read, Write};

const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 16 * 1024 * 1024;

/// One request as it came over the wire.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    /// The request target as sent (`/path?query`).
    pub target: String,
    pub path: String,
    pub query: Option<String>,
    pub version: String,
    /// Header names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The Host header without its port, in lower case.
    pub fn host(&self) -> String {
        let host = self
            .header("host")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        strip_port(&host).to_string()
    }

    pub fn wants_close(&self) -> bool {
        let connection = self.header("connection").unwrap_or("").to_ascii_lowercase();
        connection.contains("close")
            || (self.version == "HTTP/1.0" && !connection.contains("keep-alive"))
    }
}

pub fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host.split(']').next().map(|h| &h[1..]).unwrap_or(host);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// A response to write in one go.
#[derive(Clone, Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

pub const JSON: &str = "application/json; charset=utf-8";
pub const XML: &str = "application/xml; charset=utf-8";
pub const HTML: &str = "text/html; charset=utf-8";
pub const TEXT: &str = "text/plain; charset=utf-8";

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response::new(status, JSON, serde_json::to_vec(value).expect("JSON"))
    }

    pub fn text(status: u16, body: &str) -> Response {
        Response::new(status, TEXT, body)
    }

    pub fn html(status: u16, body: &str) -> Response {
        Response::new(status, HTML, body)
    }

    /// Rails' `head status`: no body, the format's content type.
    pub fn head(status: u16, content_type: &str) -> Response {
        Response::new(status, content_type, Vec::new())
    }

    pub fn redirect(status: u16, location: &str) -> Response {
        let mut response = Response::html(
            status,
            &format!(
                "<html><body>You are being <a href=\"{location}\">redirected</a>.</body></html>"
            ),
        );
        response.headers.push(("Location".into(), location.into()));
        response
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn content_type(&self) -> Option<&str> {
        self.header("content-type")
    }
}

pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        409 => "Conflict",
        413 => "Payload Too Large",
        422 => "Unprocessable Entity",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

/// Writes the status line and headers; `content_length` of `None` writes none (the caller
/// then sends a chunked or close-delimited body and its own framing headers).
pub fn write_head<W: Write>(
    w: &mut W,
    status: u16,
    headers: &[(String, String)],
    content_length: Option<u64>,
    close: bool,
) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(len) = content_length {
        head.push_str(&format!("Content-Length: {len}\r\n"));
    }
    head.push_str(if close {
        "Connection: close\r\n\r\n"
    } else {
        "Connection: keep-alive\r\n\r\n"
    });
    w.write_all(head.as_bytes())
}

pub fn write_response<W: Write>(w: &mut W, response: &Response, close: bool) -> io::Result<()> {
    write_head(
        w,
        response.status,
        &response.headers,
        Some(response.body.len() as u64),
        close,
    )?;
    w.write_all(&response.body)?;
    w.flush()
}

/// Why a request could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The peer closed the connection before a request started.
    Closed,
    /// The stream failed or ended mid-request.
    Io,
    /// Not HTTP, or over our limits: answer 400 (or 413) and close.
    Bad(u16, String),
}

impl From<io::Error> for ReadError {
    fn from(_: io::Error) -> ReadError {
        ReadError::Io
    }
}

/// A buffered connection that can read lines and exact lengths and still be written to.
pub struct Conn<S> {
    pub stream: S,
    buf: Vec<u8>,
    pos: usize,
}

impl<S: Read + Write> Conn<S> {
    pub fn new(stream: S) -> Conn<S> {
        Conn {
            stream,
            buf: Vec::new(),
            pos: 0,
        }
    }

    fn fill(&mut self) -> io::Result<usize> {
        if self.pos >= self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        }
        let mut chunk = [0u8; 16 * 1024];
        let n = self.stream.read(&mut chunk)?;
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(n)
    }

    /// A line without its CRLF; `None` at end of stream before any byte.
    fn read_line(&mut self, limit: usize) -> Result<Option<String>, ReadError> {
        let mut line = Vec::new();
        loop {
            if let Some(i) = self.buf[self.pos..].iter().position(|&b| b == b'\n') {
                line.extend_from_slice(&self.buf[self.pos..self.pos + i]);
                self.pos += i + 1;
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Some(String::from_utf8_lossy(&line).into_owned()));
            }
            line.extend_from_slice(&self.buf[self.pos..]);
            self.pos = self.buf.len();
            if line.len() > limit {
                return Err(ReadError::Bad(400, "header line too long".into()));
            }
            if self.fill()? == 0 {
                return if line.is_empty() {
                    Ok(None)
                } else {
                    Err(ReadError::Io)
                };
            }
        }
    }

    fn read_exact_into(&mut self, n: usize, out: &mut Vec<u8>) -> Result<(), ReadError> {
        let mut left = n;
        while left > 0 {
            if self.pos >= self.buf.len() && self.fill()? == 0 {
                return Err(ReadError::Io);
            }
            let take = left.min(self.buf.len() - self.pos);
            out.extend_from_slice(&self.buf[self.pos..self.pos + take]);
            self.pos += take;
            left -= take;
        }
        Ok(())
    }

    /// Reads one request. Answers `100 Continue` itself when asked to.
    pub fn read_request(&mut self) -> Result<Request, ReadError> {
        let request_line = loop {
            match self.read_line(MAX_HEAD)? {
                None => return Err(ReadError::Closed),
                Some(line) if line.is_empty() => continue,
                Some(line) => break line,
            }
        };
        let mut parts = request_line.split_whitespace();
        let (method, target, version) = match (parts.next(), parts.next(), parts.next()) {
            (Some(m), Some(t), Some(v)) if v.starts_with("HTTP/1.") => {
                (m.to_string(), t.to_string(), v.to_string())
            }
            _ => {
                return Err(ReadError::Bad(
                    400,
                    format!("bad request line {request_line:?}"),
                ))
            }
        };
        let mut headers = Vec::new();
        let mut size = request_line.len();
        loop {
            let line = self.read_line(MAX_HEAD)?.ok_or(ReadError::Io)?;
            if line.is_empty() {
                break;
            }
            size += line.len();
            if size > MAX_HEAD {
                return Err(ReadError::Bad(400, "headers too large".into()));
            }
            let (name, value) = line
                .split_once(':')
                .ok_or_else(|| ReadError::Bad(400, format!("bad header line {line:?}")))?;
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
        let (path, query) = match target.split_once('?') {
            Some((p, q)) => (p.to_string(), Some(q.to_string())),
            None => (target.clone(), None),
        };
        let mut request = Request {
            method,
            target,
            path,
            query,
            version,
            headers,
            body: Vec::new(),
        };
        let chunked = request
            .header("transfer-encoding")
            .map(|v| v.to_ascii_lowercase().contains("chunked"))
            .unwrap_or(false);
        let length = match request.header("content-length") {
            Some(v) => Some(
                v.parse::<usize>()
                    .map_err(|_| ReadError::Bad(400, format!("bad Content-Length {v:?}")))?,
            ),
            None => None,
        };
        if (chunked || length.unwrap_or(0) > 0)
            && request
                .header("expect")
                .map(|v| v.eq_ignore_ascii_case("100-continue"))
                .unwrap_or(false)
        {
            self.stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
            self.stream.flush()?;
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                let size_line = self.read_line(1024)?.ok_or(ReadError::Io)?;
                let size_text = size_line.split(';').next().unwrap_or("").trim();
                let size = usize::from_str_radix(size_text, 16)
                    .map_err(|_| ReadError::Bad(400, format!("bad chunk size {size_line:?}")))?;
                if size == 0 {
                    // trailers up to the blank line
                    while let Some(line) = self.read_line(MAX_HEAD)? {
                        if line.is_empty() {
                            break;
                        }
                    }
                    break;
                }
                if body.len() + size > MAX_BODY {
                    return Err(ReadError::Bad(413, "body too large".into()));
                }
                self.read_exact_into(size, &mut body)?;
                self.read_line(2)?;
            }
        } else if let Some(n) = length {
            if n > MAX_BODY {
                return Err(ReadError::Bad(413, "body too large".into()));
            }
            self.read_exact_into(n, &mut body)?;
        }
        request.body = body;
        Ok(request)
    }
}

/// The head of a request (for the proxy): everything up to the blank line, and what was read
/// past it.
pub fn read_head<R: Read>(stream: &mut R) -> io::Result<Option<(String, Vec<u8>)>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..i]).into_owned();
            let rest = buf[i + 4..].to_vec();
            return Ok(Some((head, rest)));
        }
        if buf.len() > MAX_HEAD {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "head too large"));
        }
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    struct Duplex {
        input: Cursor<Vec<u8>>,
        output: Vec<u8>,
    }
    impl Read for Duplex {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.input.read(buf)
        }
    }
    impl Write for Duplex {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.output.write(buf)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn conn(bytes: &[u8]) -> Conn<Duplex> {
        Conn::new(Duplex {
            input: Cursor::new(bytes.to_vec()),
            output: Vec::new(),
        })
    }

    #[test]
    fn two_requests_on_one_connection() {
        let mut c = conn(b"GET /a?x=1 HTTP/1.1\r\nHost: Admin.Example.com:443\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\nabc");
        let first = c.read_request().unwrap();
        assert_eq!(
            (first.path.as_str(), first.query.as_deref()),
            ("/a", Some("x=1"))
        );
        assert_eq!(first.host(), "admin.example.com");
        let second = c.read_request().unwrap();
        assert_eq!(second.body, b"abc");
        assert!(String::from_utf8_lossy(&c.stream.output).starts_with("HTTP/1.1 100 Continue"));
        assert!(matches!(c.read_request(), Err(ReadError::Closed)));
    }

    #[test]
    fn chunked_body() {
        let mut c = conn(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n");
        assert_eq!(c.read_request().unwrap().body, b"abcde");
    }
}
