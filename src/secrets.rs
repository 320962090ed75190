//! Secret values and the redactor that masks every secret known to the run, in every form it can
//! take on its way out: as typed, JSON-escaped, and base64-encoded once or twice inside a larger
//! blob (a pull secret's `.dockerconfigjson` holds `base64(user:password)` inside JSON, all of it
//! base64-encoded again).

use base64::Engine;
use std::fmt;
use std::sync::{Arc, Mutex};

pub(crate) const MASK: &str = "••••••";

/// Values shorter than this are not masked: they are too short to be secrets and would mask
/// parts of unrelated words (a database user `mysql`, say). Inputs refuse shorter secrets.
pub(crate) const MIN_SECRET_LEN: usize = 6;

/// A masked form shorter than this is not searched for: a few base64 characters match by chance.
const MIN_FORM_LEN: usize = 6;

/// A value that must never be printed by accident: `Debug` and `Display` mask it.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    pub(crate) fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The real value, for stdin of oc, request bodies and the credentials file only.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

/// Masks every registered secret in any text that leaves the process (terminal, transcript,
/// errors). Each secret has a name, for the transcript's `<redacted:NAME>`. Cheap to clone; all
/// clones share the same set.
#[derive(Clone, Default)]
pub(crate) struct Redactor {
    known: Arc<Mutex<Known>>,
}

#[derive(Default)]
struct Known {
    /// (name, value) of every secret, for callers that need the values themselves.
    values: Vec<(String, String)>,
    /// (form, name), longest first so that a form containing another is masked whole.
    forms: Vec<(String, String)>,
}

impl Redactor {
    /// Registers a secret under `name`; values too short to be secrets are ignored.
    pub(crate) fn add(&self, name: &str, value: &str) {
        if value.chars().count() < MIN_SECRET_LEN {
            return;
        }
        let mut known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        if known.values.iter().any(|(_, v)| v == value) {
            return;
        }
        known.values.push((name.to_string(), value.to_string()));
        for form in forms(value) {
            if !known.forms.iter().any(|(f, _)| *f == form) {
                known.forms.push((form, name.to_string()));
            }
        }
        known.forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    }

    pub(crate) fn add_secret(&self, name: &str, secret: &Secret) {
        self.add(name, secret.expose());
    }

    /// Every secret masked as `••••••`: for the terminal and errors.
    pub(crate) fn redact(&self, text: &str) -> String {
        self.replace(text, |_| MASK.to_string())
    }

    /// Every secret replaced by `<redacted:NAME>`: for the transcript.
    pub(crate) fn redact_named(&self, text: &str) -> String {
        self.replace(text, |name| format!("<redacted:{name}>"))
    }

    /// Whether `text` holds a known secret in any of its forms.
    pub(crate) fn reveals(&self, text: &str) -> bool {
        let known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        known.forms.iter().any(|(f, _)| text.contains(f.as_str()))
    }

    /// Every form known now, compiled into one automaton: it masks a long text in one pass,
    /// where `redact` passes over it once per form (a support bundle's megabytes of logs).
    /// Secrets registered later are not in it.
    pub(crate) fn compiled(&self) -> Compiled {
        let known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        let forms: Vec<&str> = known.forms.iter().map(|(f, _)| f.as_str()).collect();
        Compiled {
            automaton: (!forms.is_empty()).then(|| {
                aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .build(&forms)
                    .expect("literal patterns build")
            }),
        }
    }

    fn replace(&self, text: &str, mask: impl Fn(&str) -> String) -> String {
        let known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = text.to_string();
        for (form, name) in known.forms.iter() {
            if out.contains(form.as_str()) {
                out = out.replace(form.as_str(), &mask(name));
            }
        }
        out
    }
}

/// The redactor's forms in one automaton ([`Redactor::compiled`]).
pub(crate) struct Compiled {
    automaton: Option<aho_corasick::AhoCorasick>,
}

impl Compiled {
    /// Every secret masked as `••••••`, the longest form where several start at one place.
    pub(crate) fn redact(&self, text: &str) -> String {
        match &self.automaton {
            Some(a) => {
                let mut out = String::with_capacity(text.len());
                a.replace_all_with(text, &mut out, |_, _, dst| {
                    dst.push_str(MASK);
                    true
                });
                out
            }
            None => text.to_string(),
        }
    }
}

/// Every form in which `value` can leave the process: itself, JSON-escaped, and the parts of its
/// base64 encoding that do not depend on the bytes around it, once and twice over.
fn forms(value: &str) -> Vec<String> {
    let escaped = json_escaped(value);
    let mut level: Vec<String> = vec![value.to_string()];
    if escaped != value {
        level.push(escaped);
    }
    let mut all = level.clone();
    for _ in 0..2 {
        let next: Vec<String> = level.iter().flat_map(|v| embedded_base64(v)).collect();
        all.extend(next.iter().cloned());
        level = next;
    }
    all.retain(|f| f.len() >= MIN_FORM_LEN);
    all.sort();
    all.dedup();
    all
}

/// `value` as it appears inside a JSON string.
fn json_escaped(value: &str) -> String {
    let quoted = serde_json::to_string(value).unwrap_or_default();
    quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or(&quoted)
        .to_string()
}

/// The base64 characters that encode `value` whatever precedes and follows it, for each of the
/// three positions it can take in a 3-byte group. The first is also the whole encoding's start.
fn embedded_base64(value: &str) -> Vec<String> {
    let engine = base64::engine::general_purpose::STANDARD_NO_PAD;
    let bytes = value.as_bytes();
    (0..3usize)
        .filter_map(|offset| {
            let mut shifted = vec![0u8; offset];
            shifted.extend_from_slice(bytes);
            let encoded = engine.encode(&shifted);
            // Characters fixed by the value alone: skip those mixed with the bytes before it...
            let skip = [0, 2, 3][offset];
            // ...and those mixed with the bytes after it.
            let total = shifted.len();
            let end = 4 * (total / 3) + [0, 1, 2][total % 3];
            (end > skip).then(|| encoded[skip..end].to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_every_known_secret_longest_first() {
        let r = Redactor::default();
        r.add("A", "abcdefgh");
        r.add("B", "abcdefghijkl");
        assert_eq!(
            r.redact("x abcdefghijkl y abcdefgh"),
            format!("x {MASK} y {MASK}")
        );
    }

    #[test]
    fn short_values_are_not_secrets() {
        let r = Redactor::default();
        r.add("DB_USER", "mysql");
        assert_eq!(r.redact("mysql2://mysql@db"), "mysql2://mysql@db");
    }

    #[test]
    fn the_transcript_names_each_secret() {
        let r = Redactor::default();
        r.add("REGISTRY_PASSWORD", "pw1pw1pw1");
        r.add("ADMIN_PASSWORD", "x9x9x9x9");
        assert_eq!(
            r.redact_named("a pw1pw1pw1 b x9x9x9x9"),
            "a <redacted:REGISTRY_PASSWORD> b <redacted:ADMIN_PASSWORD>"
        );
    }

    #[test]
    fn json_escaped_and_base64_forms_are_masked() {
        let password = r#"p"w\$x #y\z"#;
        let r = Redactor::default();
        r.add("P", password);
        let json = serde_json::json!({ "password": password }).to_string();
        assert!(!r.redact(&json).contains("#y"), "{}", r.redact(&json));
        let b64 = base64::engine::general_purpose::STANDARD;
        for prefix in ["", "u:", "us:", "use:"] {
            let blob = b64.encode(format!("{prefix}{password}-tail"));
            assert!(r.reveals(&blob), "{prefix}: {blob}");
        }
        // A pull secret: base64(JSON with base64(user:password) and the escaped password).
        let auth = b64.encode(format!("user:{password}"));
        let config = serde_json::json!({"auths": {"r.io": {"password": password, "auth": auth}}});
        let data = b64.encode(config.to_string());
        assert!(r.reveals(&data));
        let masked = r.redact(&data);
        assert!(!masked.contains(&data));
    }

    #[test]
    fn the_compiled_redactor_masks_what_the_redactor_masks() {
        let r = Redactor::default();
        r.add("A", "abcdefgh");
        r.add("B", "abcdefghijkl");
        r.add("P", r#"p"w\$x #y\z"#);
        let b64 = base64::engine::general_purpose::STANDARD;
        let text = format!(
            "x abcdefghijkl y abcdefgh {} {} z",
            serde_json::json!({"p": r#"p"w\$x #y\z"#}),
            b64.encode("u:abcdefgh-tail")
        );
        let compiled = r.compiled();
        assert_eq!(compiled.redact(&text), r.redact(&text));
        assert!(!r.reveals(&compiled.redact(&text)));
        assert_eq!(Redactor::default().compiled().redact("plain"), "plain");
    }

    #[test]
    fn secret_never_formats_its_value() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s} {s:?}"), format!("{MASK} {MASK}"));
    }
}
