//! The last look before an archive is written: every file searched for every known secret in
//! every encoding it could take on its way into a file, those the redactor masks (as is,
//! JSON-escaped, base64 once and twice, at any alignment inside a longer base64 text) and those
//! it does not (URL-safe base64, percent-encoded, hex): a value the masking missed stops the
//! gather. Short values are looked for as the value of their own key.

use super::known::{Known, KnownValue};
use super::redact;
use aho_corasick::AhoCorasick;
use base64::Engine;
use std::fmt;

/// A form shorter than this is not looked for: a few characters match by chance.
const MIN_FORM_LEN: usize = 6;

/// How a secret was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Plain,
    JsonEscaped,
    Base64,
    Base64Twice,
    Base64UrlSafe,
    Percent,
    Hex,
    /// A short value as the value of its key.
    AfterItsKey,
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Form::Plain => "as it is",
            Form::JsonEscaped => "JSON-escaped",
            Form::Base64 => "base64-encoded",
            Form::Base64Twice => "base64-encoded twice",
            Form::Base64UrlSafe => "URL-safe base64-encoded",
            Form::Percent => "percent-encoded (as in a URL)",
            Form::Hex => "hex-encoded",
            Form::AfterItsKey => "as the value of its key",
        })
    }
}

/// A secret found in a file: which, how, where (never the value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) file: String,
    pub(crate) secret: String,
    pub(crate) form: Form,
}

impl fmt::Display for Hit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} holds {}, {}", self.file, self.secret, self.form)
    }
}

/// Every form of every known value, searched in one pass per file.
pub(crate) struct Scan<'k> {
    known: &'k Known,
    automaton: Option<AhoCorasick>,
    /// (index into `known.values()`, form) of each pattern.
    patterns: Vec<(usize, Form)>,
}

impl<'k> Scan<'k> {
    pub(crate) fn of(known: &'k Known) -> Scan<'k> {
        let mut needles: Vec<Vec<u8>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut patterns = Vec::new();
        for (i, k) in known.values().iter().enumerate() {
            for (form, needle) in forms(&k.value) {
                if needle.len() >= MIN_FORM_LEN && seen.insert(needle.clone()) {
                    needles.push(needle);
                    patterns.push((i, form));
                }
            }
        }
        Scan {
            known,
            automaton: (!needles.is_empty())
                .then(|| AhoCorasick::new(&needles).expect("literal patterns build")),
            patterns,
        }
    }

    /// The first secret found in the files (path, text), in their order.
    pub(crate) fn find<'a>(
        &self,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Option<Hit> {
        files
            .into_iter()
            .find_map(|(path, text)| self.in_text(path, text))
    }

    fn in_text(&self, path: &str, text: &str) -> Option<Hit> {
        let hit = |k: &KnownValue, form| Hit {
            file: path.to_string(),
            secret: k.name.clone(),
            form,
        };
        if let Some(m) = self.automaton.as_ref().and_then(|a| a.find(text)) {
            let (i, form) = self.patterns[m.pattern().as_usize()];
            return Some(hit(&self.known.values()[i], form));
        }
        self.known
            .short()
            .iter()
            .find(|k| !redact::after_key(text, &k.key, &k.value).is_empty())
            .map(|k| hit(k, Form::AfterItsKey))
    }
}

/// Every form of `value` to look for, strongest first.
fn forms(value: &str) -> Vec<(Form, Vec<u8>)> {
    let standard = base64::engine::general_purpose::STANDARD_NO_PAD;
    let url_safe = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let escaped = json_escaped(value);
    let mut out = vec![(Form::Plain, value.as_bytes().to_vec())];
    if escaped != value {
        out.push((Form::JsonEscaped, escaped.as_bytes().to_vec()));
    }
    for text in [value, escaped.as_str()] {
        for once in embedded(text.as_bytes(), &standard) {
            for twice in embedded(&once, &standard) {
                out.push((Form::Base64Twice, twice));
            }
            out.push((Form::Base64, once));
        }
        out.extend(
            embedded(text.as_bytes(), &url_safe)
                .into_iter()
                .map(|e| (Form::Base64UrlSafe, e)),
        );
    }
    for percent in [percent(value, false), percent(value, true)] {
        if percent != value {
            out.push((Form::Percent, percent.into_bytes()));
        }
    }
    let hex: String = value.bytes().map(|b| format!("{b:02x}")).collect();
    out.push((Form::Hex, hex.to_uppercase().into_bytes()));
    out.push((Form::Hex, hex.into_bytes()));
    // Strongest first: the base64 of a whole value before a slice that another form holds too.
    out.sort_by_key(|(f, n)| (*f == Form::Base64Twice, std::cmp::Reverse(n.len())));
    out
}

/// The characters of the base64 encoding of `bytes` that do not depend on what surrounds them,
/// for each of the three places a value can start at in a 3-byte group.
fn embedded(bytes: &[u8], engine: &impl Engine) -> Vec<Vec<u8>> {
    (0..3)
        .filter_map(|offset| {
            let mut shifted = vec![0u8; offset];
            shifted.extend_from_slice(bytes);
            let encoded = engine.encode(&shifted).into_bytes();
            let first = (8 * offset).div_ceil(6);
            let end = 8 * (offset + bytes.len()) / 6;
            (end > first).then(|| encoded[first..end].to_vec())
        })
        .collect()
}

fn json_escaped(value: &str) -> String {
    let quoted = serde_json::to_string(value).unwrap_or_default();
    quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or(&quoted)
        .to_string()
}

/// `value` percent-encoded as in a URL: every byte but the unreserved ones, in upper or lower
/// case hex.
fn percent(value: &str, lower: bool) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ if lower => format!("%{b:02x}"),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = r#"p@ss w/rd "q" +x?"#;

    fn known(values: &[(&str, &str)]) -> Known {
        let mut k = Known::new("p");
        for (key, v) in values {
            k.add(&format!("secret/s {key}"), key, v);
        }
        k
    }

    fn found(k: &Known, text: &str) -> Option<Form> {
        Scan::of(k).find([("f.txt", text)]).map(|h| h.form)
    }

    #[test]
    fn each_encoding_is_found() {
        let k = known(&[("PASSWORD", SECRET)]);
        let b64 = base64::engine::general_purpose::STANDARD;
        let url = base64::engine::general_purpose::URL_SAFE;
        let json = serde_json::json!({ "a": SECRET }).to_string();
        let hex: String = SECRET.bytes().map(|b| format!("{b:02x}")).collect();
        let cases: Vec<(String, Form)> = vec![
            (format!("x {SECRET} y"), Form::Plain),
            (json, Form::JsonEscaped),
            (b64.encode(SECRET), Form::Base64),
            (b64.encode(format!("u:{SECRET}")), Form::Base64),
            (b64.encode(format!("us:{SECRET}!")), Form::Base64),
            (
                b64.encode(b64.encode(format!("u:{SECRET}"))),
                Form::Base64Twice,
            ),
            (url.encode(format!("a{SECRET}")), Form::Base64UrlSafe),
            ("p%40ss%20w%2Frd%20%22q%22%20%2Bx%3F".into(), Form::Percent),
            ("p%40ss%20w%2frd%20%22q%22%20%2bx%3f".into(), Form::Percent),
            (format!("0x{hex}"), Form::Hex),
            (hex.to_uppercase(), Form::Hex),
        ];
        for (text, form) in cases {
            assert_eq!(found(&k, &text), Some(form), "{text}");
        }
        assert_eq!(found(&k, "p@ss w/r-d and nothing else"), None);
    }

    #[test]
    fn the_hit_names_the_file_and_the_secret_not_the_value() {
        let k = known(&[("ADMIN_PASSWORD", "hunter2-hunter2")]);
        let hex: String = "hunter2-hunter2"
            .bytes()
            .map(|b| format!("{b:02x}"))
            .collect();
        let hit = Scan::of(&k)
            .find([
                ("a.yaml", "clean"),
                ("objects/configmaps.yaml", &format!("k: {hex}")),
            ])
            .unwrap();
        assert_eq!(hit.file, "objects/configmaps.yaml");
        let text = hit.to_string();
        assert!(
            text.contains("secret/s ADMIN_PASSWORD") && text.contains("hex"),
            "{text}"
        );
        assert!(!text.contains("hunter2"), "{text}");
    }

    #[test]
    fn short_values_are_found_only_after_their_key() {
        let k = known(&[("PIN", "4321")]);
        assert_eq!(found(&k, "PIN: 4321\n"), Some(Form::AfterItsKey));
        assert_eq!(found(&k, r#"{"PIN":"4321"}"#), Some(Form::AfterItsKey));
        assert_eq!(found(&k, "port 4321, PIN: 43210"), None);
    }
}
