//! Looks for secret values in a tree of files, in every encoding they could take, written here
//! from the encodings' definitions (none of the product's code): as they are, JSON-escaped,
//! standard and URL-safe base64 (whole, and the characters that encode the value alone inside
//! a longer text, at each of the three alignments; once and twice), percent-encoded and hex.
//! A finding names the secret, the encoding and the file, never the value.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use std::path::{Path, PathBuf};

/// Values shorter than this are looked for only after their key (see [`after_key`]).
pub const MIN_LEN: usize = 6;

/// An encoding's name and the bytes to look for.
type Needle = (&'static str, Vec<u8>);

pub struct Leaks {
    secrets: Vec<(String, Vec<Needle>)>,
}

impl Leaks {
    pub fn new() -> Leaks {
        Leaks {
            secrets: Vec::new(),
        }
    }

    pub fn secret(mut self, name: &str, value: &str) -> Leaks {
        assert!(value.len() >= MIN_LEN, "{name} is too short to look for");
        let json = serde_json::to_string(value).unwrap();
        let json = json[1..json.len() - 1].to_string();
        let mut needles: Vec<Needle> = vec![
            ("as it is", value.as_bytes().to_vec()),
            ("JSON-escaped", json.as_bytes().to_vec()),
            ("base64", STANDARD.encode(value).into_bytes()),
            ("hex", hex(value.as_bytes(), false).into_bytes()),
            ("hex", hex(value.as_bytes(), true).into_bytes()),
            ("percent-encoded", percent(value).into_bytes()),
        ];
        for slice in slices(value.as_bytes(), false) {
            for twice in slices(&slice, false) {
                needles.push(("base64 twice", twice));
            }
            needles.push(("inside base64", slice));
        }
        for slice in slices(value.as_bytes(), true) {
            needles.push(("inside URL-safe base64", slice));
        }
        needles.retain(|(_, n)| n.len() >= MIN_LEN);
        self.secrets.push((name.to_string(), needles));
        self
    }

    /// `(secret, encoding, file)` of every secret found in a file below `root`.
    pub fn in_tree(&self, root: &Path) -> Vec<String> {
        let mut found = Vec::new();
        for path in files(root) {
            let bytes = std::fs::read(&path).unwrap();
            for (name, needles) in &self.secrets {
                if let Some((form, _)) = needles.iter().find(|(_, n)| contains(&bytes, n)) {
                    found.push(format!("{name} {form} in {}", path.display()));
                }
            }
        }
        found
    }

    pub fn count(&self) -> usize {
        self.secrets.len()
    }
}

/// Whether `value` stands as the value of `key` in `text` (`KEY: value`, `KEY=value`,
/// `"KEY":"value"`), quotes and blanks allowed around the separator.
pub fn after_key(text: &str, key: &str, value: &str) -> bool {
    let pattern = format!(
        r#"(?i){}["']?\s*[:=]\s*["']?{}\b"#,
        regex::escape(key),
        regex::escape(value)
    );
    regex::Regex::new(&pattern).unwrap().is_match(text)
}

pub fn files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn hex(bytes: &[u8], upper: bool) -> String {
    bytes
        .iter()
        .map(|b| {
            if upper {
                format!("{b:02X}")
            } else {
                format!("{b:02x}")
            }
        })
        .collect()
}

/// RFC 3986: every byte but the unreserved ones as %XX.
fn percent(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The base64 characters that depend on `value` alone, for each of the three alignments.
fn slices(value: &[u8], url_safe: bool) -> Vec<Vec<u8>> {
    (0..3)
        .map(|offset| {
            let mut padded = vec![0u8; offset];
            padded.extend_from_slice(value);
            let encoded = if url_safe {
                URL_SAFE_NO_PAD.encode(&padded)
            } else {
                STANDARD.encode(&padded)
            };
            let first = (8 * offset).div_ceil(6);
            let end = 8 * (offset + value.len()) / 6;
            encoded.as_bytes()[first..end].to_vec()
        })
        .collect()
}
