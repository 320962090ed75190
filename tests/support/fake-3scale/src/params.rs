//! Request parameters as Rails reads them: the query string and the body (form or JSON), with
//! Rails' bracket nesting (`scopes[]=a`, `token[name]=n`). Rails merges them with the query
//! winning over the body (`request_parameters.merge(query_parameters)`).

use serde_json::{Map, Value};

/// What the body was, by its Content-Type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    None,
    Form,
    Json,
    Other,
}

#[derive(Clone, Debug)]
pub struct Params {
    pub query: Map<String, Value>,
    pub body: Map<String, Value>,
    pub body_kind: BodyKind,
}

impl Params {
    pub fn parse(query: Option<&str>, content_type: Option<&str>, body: &[u8]) -> Params {
        let query = query.map(parse_urlencoded).unwrap_or_default();
        let mime = content_type
            .map(|c| {
                c.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .unwrap_or_default();
        let (body_kind, body) = if body.is_empty() && mime.is_empty() {
            (BodyKind::None, Map::new())
        } else if mime == "application/x-www-form-urlencoded" {
            (
                BodyKind::Form,
                parse_urlencoded(&String::from_utf8_lossy(body)),
            )
        } else if mime == "application/json" {
            match serde_json::from_slice::<Value>(body) {
                Ok(Value::Object(map)) => (BodyKind::Json, map),
                _ => (BodyKind::Json, Map::new()),
            }
        } else {
            (BodyKind::Other, Map::new())
        };
        Params {
            query,
            body,
            body_kind,
        }
    }

    /// Rails' `params[key]`: the query wins over the body.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.query.get(key).or_else(|| self.body.get(key))
    }

    /// `params[key]` as a string (numbers are given as text).
    pub fn string(&self, key: &str) -> Option<String> {
        self.get(key).and_then(value_string)
    }

    /// Whether the key is present at all (even empty), as `params.fetch` sees it.
    pub fn has(&self, key: &str) -> bool {
        self.query.contains_key(key) || self.body.contains_key(key)
    }

    /// The names of the fields in the body (never their values), for the request log.
    pub fn body_field_names(&self) -> Vec<String> {
        self.body.keys().cloned().collect()
    }

    /// Rails' ParamsWrapper: for form and JSON bodies, the body's fields (only those named in
    /// `include`, or all when `include` is empty) wrapped under `name`, unless the body already
    /// has `name`. Query fields are never wrapped. `None` when nothing would be there
    /// (`params.require(name)` then fails with 400 `Required parameter missing: name`).
    pub fn wrapped(&self, name: &str, include: &[&str]) -> Option<Map<String, Value>> {
        if let Some(Value::Object(given)) = self.body.get(name) {
            return non_empty(given.clone());
        }
        if let Some(Value::Object(given)) = self.query.get(name) {
            return non_empty(given.clone());
        }
        if !matches!(self.body_kind, BodyKind::Form | BodyKind::Json) {
            return None;
        }
        let wrapped: Map<String, Value> = self
            .body
            .iter()
            .filter(|(k, _)| {
                if include.is_empty() {
                    !["authenticity_token", "_method", "utf8"].contains(&k.as_str())
                } else {
                    include.contains(&k.as_str())
                }
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        non_empty(wrapped)
    }
}

fn non_empty(map: Map<String, Value>) -> Option<Map<String, Value>> {
    if map.is_empty() {
        None
    } else {
        Some(map)
    }
}

pub fn value_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list value: an array, or a single string taken as a one-element list (Rails'
/// `Array(values)`).
pub fn value_list(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(value_string).collect(),
        Some(other) => value_string(other).into_iter().collect(),
        None => Vec::new(),
    }
}

/// Parses `a=1&b[]=2&b[]=3&c[d]=4` into a JSON object the way Rack does (two levels of nesting
/// are enough for porta's API).
pub fn parse_urlencoded(input: &str) -> Map<String, Value> {
    let mut out = Map::new();
    for pair in input.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        // Rack reads `key[]` without `=` as a nil entry (Rails then compacts it away).
        let value = if !pair.contains('=') && key.ends_with("[]") {
            Value::Null
        } else {
            Value::String(percent_decode(raw_value))
        };
        let (head, rest) = match key.find('[') {
            Some(i) => (key[..i].to_string(), key[i..].to_string()),
            None => (key.clone(), String::new()),
        };
        if head.is_empty() {
            continue;
        }
        if rest.is_empty() {
            out.insert(head, value);
        } else if rest == "[]" {
            let entry = out.entry(head).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = entry {
                items.push(value);
            } else {
                *entry = Value::Array(vec![value]);
            }
        } else if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
            let (sub, tail) = inner;
            let entry = out.entry(head).or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            let map = entry.as_object_mut().expect("an object");
            if tail == "[]" {
                let list = map
                    .entry(sub.to_string())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list {
                    items.push(value);
                }
            } else {
                map.insert(sub.to_string(), value);
            }
        }
    }
    out
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte.
pub fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'+' {
            out.push(b' ');
        } else if b == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()));
            match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(decoded) => {
                    out.push(decoded);
                    i += 2;
                }
                None => out.push(b'%'),
            }
        } else {
            out.push(b);
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a form value (for building bodies in tests and the demo binary).
pub fn percent_encode(input: &str) -> String {
    let mut out = String::new();
    for b in input.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rails_nesting() {
        let map = parse_urlencoded(
            "name=gw+eu&scopes[]=account_management&scopes[]=stats&token[permission]=ro&x=%41%zz",
        );
        assert_eq!(
            Value::Object(map),
            json!({"name": "gw eu", "scopes": ["account_management", "stats"],
                   "token": {"permission": "ro"}, "x": "A%zz"})
        );
    }

    #[test]
    fn query_wins_and_only_the_body_is_wrapped() {
        let p = Params::parse(
            Some("name=q&access_token=t"),
            Some("application/x-www-form-urlencoded"),
            b"name=b&permission=ro",
        );
        assert_eq!(p.string("name").as_deref(), Some("q"));
        let wrapped = p
            .wrapped("token", &["name", "permission", "scopes"])
            .unwrap();
        assert_eq!(wrapped.get("name"), Some(&json!("b")));
        let query_only = Params::parse(Some("name=q&permission=ro"), None, b"");
        assert!(query_only
            .wrapped("token", &["name", "permission"])
            .is_none());
    }

    #[test]
    fn json_body() {
        let p = Params::parse(
            None,
            Some("application/json; charset=utf-8"),
            br#"{"name":"n","scopes":["account_management"]}"#,
        );
        assert_eq!(value_list(p.get("scopes")), vec!["account_management"]);
        assert!(p.wrapped("token", &["name", "scopes"]).is_some());
    }
}
