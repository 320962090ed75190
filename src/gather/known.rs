//! The secret values a support bundle must not hold: every value of every Secret of the project
//! and of the credentials files on this machine, with the parts they hide (a password inside a
//! database URL, a token inside a dockercfg's `auth`), each registered with the redactor.
//!
//! A Secret's value is secret unless its key says it names something public, as these do:
//! certificates (`ca.crt`, `service-ca.crt`, `tls.crt`, which `oc adm inspect` keeps too), a
//! service account token's `namespace` (the project's own name), and users, domains, e-mail
//! addresses and the tenant's name (`MASTER_USER`, `MASTER_DOMAIN`, `ADMIN_EMAIL`,
//! `TENANT_NAME`, ...), which every route host and portal URL spells out (masked, they would
//! hide `3scale` and `master` wherever they appear), and bare addresses under address keys
//! (`REDIS_STORAGE_URL: redis://backend-redis:6379/0`, a route's `https://HOST`). A key with a
//! secret word (PASSWORD, TOKEN, KEY, ...) or a value that is a URL with credentials is secret
//! whatever else the key says; an address with a path or a query is secret (a webhook's URL).
//!
//! Values shorter than the redactor's minimum (6 characters) cannot be masked wherever they
//! appear (they would mask parts of unrelated words): they are kept apart, masked and looked for
//! only as the value of their own key (`KEY: value`, `KEY=value`, `"KEY": "value"`, an env
//! entry's `name: KEY` then `value: value`). A bundle never shows any Secret's value itself,
//! only its keys and lengths.

use crate::engine::kube::SecretObject;
use crate::secrets::{Redactor, MIN_SECRET_LEN};
use base64::Engine;
use serde_json::Value;

/// Keys of public certificates.
const CERTIFICATE_KEYS: &[&str] = &["ca.crt", "service-ca.crt", "tls.crt"];

/// Endings of keys that name things rather than hide them.
const NAME_KEY_ENDINGS: &[&str] = &["USER", "USERNAME", "DOMAIN", "EMAIL", "TENANT_NAME"];

/// Endings of keys that hold addresses: public when the address is bare (a host and port,
/// perhaps a scheme and a database number; no user, path or query).
const ADDRESS_KEY_ENDINGS: &[&str] = &["URL", "ENDPOINT", "SERVERS", "HOSTS"];

/// Words that make a key secret whatever it ends with.
const SECRET_WORDS: &[&str] = &["PASSWORD", "TOKEN", "SECRET", "KEY", "AUTH", "CREDENTIAL"];

/// A secret value and where it was found (never the value itself in messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KnownValue {
    /// `secret/NAME KEY`, `credentials file admin password`, ...
    pub(crate) name: String,
    /// The key that holds it, for the short values' contexts.
    pub(crate) key: String,
    pub(crate) value: String,
}

/// Every secret value known to a gather.
#[derive(Debug, Default)]
pub(crate) struct Known {
    project: String,
    /// Values the redactor masks wherever they appear.
    values: Vec<KnownValue>,
    /// Values too short for that: masked and looked for after their key only.
    short: Vec<KnownValue>,
    /// Secrets read, and values left out as public.
    pub(crate) secrets: usize,
    pub(crate) public: usize,
}

impl Known {
    pub(crate) fn new(project: &str) -> Known {
        Known {
            project: project.to_string(),
            ..Known::default()
        }
    }

    pub(crate) fn values(&self) -> &[KnownValue] {
        &self.values
    }

    pub(crate) fn short(&self) -> &[KnownValue] {
        &self.short
    }

    /// Every value of a Secret that is not public, with the parts it hides.
    pub(crate) fn add_secret(&mut self, secret: &SecretObject) {
        self.secrets += 1;
        let name = &secret.metadata.name;
        for key in secret.keys() {
            let what = format!("secret/{name} {key}");
            match secret.value(key) {
                Some(Ok(value)) if self.is_public(key, &value) => self.public += 1,
                Some(Ok(value)) => self.add(&what, key, &value),
                // Not text: the encoded form is the only one text can hold.
                _ => {
                    let encoded = secret.encoded(key).unwrap_or_default().to_string();
                    self.push(format!("{what} (base64)"), key, encoded);
                }
            }
        }
    }

    /// A secret value (and the parts it hides) under `name`, held in `key`.
    pub(crate) fn add(&mut self, name: &str, key: &str, value: &str) {
        self.push(name.to_string(), key, value.to_string());
        for part in parts(value) {
            self.push(format!("{name} (a part)"), key, part);
        }
    }

    fn push(&mut self, name: String, key: &str, value: String) {
        if value.is_empty()
            || self
                .values
                .iter()
                .chain(&self.short)
                .any(|k| k.value == value)
        {
            return;
        }
        let known = KnownValue {
            name,
            key: key.to_string(),
            value,
        };
        if known.value.chars().count() < MIN_SECRET_LEN {
            self.short.push(known);
        } else {
            self.values.push(known);
        }
    }

    /// Registers every value with the redactor (the short ones are too short for it).
    pub(crate) fn register(&self, redactor: &Redactor) {
        for k in &self.values {
            redactor.add(&k.name, &k.value);
        }
    }

    /// Whether `key` names something public that `value` is.
    fn is_public(&self, key: &str, value: &str) -> bool {
        let upper = key.to_ascii_uppercase();
        if SECRET_WORDS.iter().any(|w| upper.contains(w))
            || crate::templates::params::url_with_credentials(value)
        {
            return false;
        }
        let certificate = CERTIFICATE_KEYS.contains(&key)
            && value.contains("-----BEGIN CERTIFICATE-----")
            && !value.contains("PRIVATE KEY");
        certificate
            || (key == "namespace" && value == self.project)
            || NAME_KEY_ENDINGS.iter().any(|e| upper.ends_with(e))
            || (ADDRESS_KEY_ENDINGS.iter().any(|e| upper.ends_with(e)) && bare_address(value))
    }
}

/// `redis://backend-redis:6379/0`, `http://backend-listener:3000`, `memcache:11211`, or a
/// list of them: addresses that hide nothing.
fn bare_address(value: &str) -> bool {
    !value.trim().is_empty()
        && value.split(',').all(|a| {
            let a = a.trim();
            let rest = match a.split_once("://") {
                Some((scheme, rest)) if scheme.chars().all(|c| c.is_ascii_alphanumeric()) => rest,
                Some(_) => return false,
                None => a,
            };
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
                && path.chars().all(|c| c.is_ascii_digit())
        })
}

/// The secrets a value hides: the password of a URL with credentials (or the token written in
/// its place), and the strings of a JSON document (a dockercfg's passwords and the password
/// inside each base64 `auth`), but not its user names and e-mail addresses.
fn parts(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(p) = url_password(value) {
        out.push(p.to_string());
        if let Some(decoded) = percent_decoded(p) {
            out.push(decoded);
        }
    }
    let trimmed = value.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if let Ok(doc) = serde_json::from_str::<Value>(value) {
            json_strings(&doc, "", &mut out);
        }
    }
    out
}

/// `scheme://user:PASSWORD@host/...` → `PASSWORD`; `http://TOKEN@host` → `TOKEN`.
fn url_password(value: &str) -> Option<&str> {
    let (_, rest) = value.trim().split_once("://")?;
    let authority = rest.split('/').next()?;
    let (userinfo, _) = authority.rsplit_once('@')?;
    Some(userinfo.split_once(':').map_or(userinfo, |(_, p)| p))
}

fn percent_decoded(text: &str) -> Option<String> {
    if !text.contains('%') {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The strings of a JSON document, but those under public keys; each `auth` also decoded
/// (`user:password`) and its password taken.
fn json_strings(doc: &Value, key: &str, out: &mut Vec<String>) {
    match doc {
        Value::String(s) => {
            let upper = key.to_ascii_uppercase();
            if !SECRET_WORDS.iter().any(|w| upper.contains(w))
                && NAME_KEY_ENDINGS.iter().any(|e| upper.ends_with(e))
            {
                return;
            }
            out.push(s.clone());
            if key == "auth" {
                let decoded = base64::engine::general_purpose::STANDARD.decode(s.trim());
                if let Some(text) = decoded.ok().and_then(|b| String::from_utf8(b).ok()) {
                    if let Some((_, password)) = text.split_once(':') {
                        out.push(password.to_string());
                    }
                    out.push(text);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| json_strings(i, key, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| json_strings(v, k, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::kube::parse;
    use serde_json::json;

    fn secret(name: &str, data: &[(&str, &str)]) -> SecretObject {
        let b64 = base64::engine::general_purpose::STANDARD;
        let data: serde_json::Map<String, Value> = data
            .iter()
            .map(|(k, v)| (k.to_string(), json!(b64.encode(v))))
            .collect();
        parse(&json!({"metadata": {"name": name}, "data": data}))
    }

    fn values(k: &Known) -> Vec<&str> {
        k.values().iter().map(|v| v.value.as_str()).collect()
    }

    #[test]
    fn every_value_is_secret_but_names_and_certificates() {
        let mut k = Known::new("3scale-apim");
        k.add_secret(&secret(
            "system-seed",
            &[
                ("ADMIN_PASSWORD", "pw-0123456789"),
                ("MASTER_USER", "master"),
                ("MASTER_DOMAIN", "master"),
                ("TENANT_NAME", "3scale"),
                ("ADMIN_EMAIL", "admin@example.com"),
                ("ADMIN_USER", "admin"),
            ],
        ));
        k.add_secret(&secret(
            "amp-token-x7k2p",
            &[
                ("namespace", "3scale-apim"),
                (
                    "ca.crt",
                    "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                ),
                ("token", "eyJhbGciOiJSUzI1NiJ9.payload.signature"),
            ],
        ));
        // A user's Secret whose "name" keys hold secrets after all, and a key of another project.
        k.add_secret(&secret(
            "mine",
            &[
                ("namespace", "elsewhere"),
                ("TOKEN_USER", "tok-user-secret"),
                (
                    "tls.crt",
                    "-----BEGIN CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----",
                ),
                ("DB_USER", "mysql2://u:hunter2hunter2@db/x"),
            ],
        ));
        assert_eq!(
            values(&k),
            [
                "pw-0123456789",
                "eyJhbGciOiJSUzI1NiJ9.payload.signature",
                "mysql2://u:hunter2hunter2@db/x",
                "hunter2hunter2",
                "tok-user-secret",
                "elsewhere",
                "-----BEGIN CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----",
            ]
        );
        assert_eq!((k.secrets, k.public), (3, 7));
    }

    #[test]
    fn bare_addresses_are_public_and_addresses_with_more_are_not() {
        let mut k = Known::new("p");
        k.add_secret(&secret(
            "s",
            &[
                ("REDIS_STORAGE_URL", "redis://backend-redis:6379/0"),
                ("route_endpoint", "https://backend-3scale.apps.example.com"),
                ("SERVERS", "system-memcache:11211"),
                ("SENTINEL_HOSTS", "redis://s1:26379,redis://s2:26379"),
                ("URL", "http://system-master:3000/master/events/import"),
                ("HOOK_URL", "https://hooks.example.com/T0/B0/XXXXXXXX"),
                ("QUERY_URL", "https://h.example.com?token=abcdef"),
            ],
        ));
        assert_eq!(
            values(&k),
            [
                "https://hooks.example.com/T0/B0/XXXXXXXX",
                "https://h.example.com?token=abcdef",
                "http://system-master:3000/master/events/import",
            ]
        );
        assert_eq!(k.public, 4);
    }

    #[test]
    fn short_values_are_kept_apart_with_their_key() {
        let mut k = Known::new("p");
        k.add_secret(&secret("s", &[("PIN", "1234"), ("EMPTY", "")]));
        assert!(k.values().is_empty());
        assert_eq!(k.short().len(), 1);
        assert_eq!(
            (k.short()[0].key.as_str(), k.short()[0].value.as_str()),
            ("PIN", "1234")
        );
    }

    #[test]
    fn urls_and_dockercfgs_give_up_their_passwords() {
        let b64 = base64::engine::general_purpose::STANDARD;
        let auth = b64.encode("serviceaccount:tok-abcdefgh");
        let cfg = json!({"image-registry.svc:5000": {"username": "serviceaccount", "password": "tok-abcdefgh",
            "email": "serviceaccount@example.org", "auth": auth}});
        let mut k = Known::new("p");
        k.add("cfg", ".dockercfg", &cfg.to_string());
        let v = values(&k);
        assert!(
            v.contains(&"tok-abcdefgh") && v.contains(&auth.as_str()),
            "{v:?}"
        );
        assert!(!v.contains(&"serviceaccount@example.org"), "{v:?}");
        let mut k = Known::new("p");
        k.add("b", "BASE_URL", "http://tok3n-abcdef@system-master:3000");
        k.add("c", "URL", "redis://:p%40ss-word@redis:6379/1");
        assert_eq!(
            values(&k),
            [
                "http://tok3n-abcdef@system-master:3000",
                "tok3n-abcdef",
                "redis://:p%40ss-word@redis:6379/1",
                "p%40ss-word",
                "p@ss-word"
            ]
        );
    }

    #[test]
    fn a_value_that_is_not_text_is_known_by_its_encoding() {
        let s: SecretObject =
            parse(&json!({"metadata": {"name": "ks"}, "data": {"keystore.jks": "/+7t3q2+7w=="}}));
        let mut k = Known::new("p");
        k.add_secret(&s);
        assert_eq!(values(&k), ["/+7t3q2+7w=="]);
    }
}
