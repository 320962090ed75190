//! `SecretScan`: looks for known secret values, in the forms they take when they leak (as they
//! are, JSON-escaped, base64 whole or inside a longer text, URL-safe base64, percent-encoded,
//! hex), in files and in `oc` command lines. Findings name the secret, the form and the
//! place, never the value.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use std::fmt;
use std::path::{Path, PathBuf};

/// Values shorter than this are not looked for: they would be found by chance.
pub const MIN_LEN: usize = 6;

/// How a secret appeared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Plain,
    /// Standard base64 of the value.
    Base64,
    /// Escaped as inside a JSON string (serde_json, without the quotes).
    JsonEscaped,
    /// Standard base64 of the JSON-escaped value.
    Base64OfJson,
    /// Part of a longer base64 text, e.g. `auth` of a dockerconfigjson (base64 of `user:password`).
    InsideBase64,
    /// Part of a longer URL-safe base64 text (`-` and `_` for `+` and `/`).
    InsideUrlSafeBase64,
    /// Percent-encoded as in a URL (RFC 3986: every byte but the unreserved ones).
    Percent,
    /// Hex of its bytes, in either case.
    Hex,
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Form::Plain => "as is",
            Form::Base64 => "base64-encoded",
            Form::JsonEscaped => "JSON-escaped",
            Form::Base64OfJson => "JSON-escaped and base64-encoded",
            Form::InsideBase64 => "inside a longer base64 text",
            Form::InsideUrlSafeBase64 => "inside a longer URL-safe base64 text",
            Form::Percent => "percent-encoded",
            Form::Hex => "hex-encoded",
        })
    }
}

/// Where a secret appeared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    File(PathBuf),
    /// The `call`-th oc command line (from 0), its `arg`-th argument (from 0).
    Argv {
        call: usize,
        arg: usize,
    },
    /// A text the caller named (stdout, a log...).
    Text(String),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File(path) => write!(f, "file {}", path.display()),
            Place::Argv { call, arg } => write!(f, "oc call #{call}, argument #{arg}"),
            Place::Text(name) => f.write_str(name),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The secret's name (never its value).
    pub secret: String,
    pub form: Form,
    pub place: Place,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "secret {:?} found {} in {}",
            self.secret, self.form, self.place
        )
    }
}

/// One line per finding, for an assertion message.
pub fn describe(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("{f}\n")).collect()
}

struct Secret {
    name: String,
    /// Every form to look for, the strongest first: a place reports one form per secret.
    needles: Vec<(Form, Vec<u8>)>,
}

#[derive(Default)]
pub struct SecretScan {
    secrets: Vec<Secret>,
}

impl SecretScan {
    pub fn new() -> SecretScan {
        SecretScan::default()
    }

    /// Adds a secret to look for; values shorter than [`MIN_LEN`] are ignored.
    pub fn secret(mut self, name: &str, value: &str) -> SecretScan {
        if value.chars().count() < MIN_LEN {
            return self;
        }
        let json = serde_json::to_string(value).expect("a string prints as JSON");
        let json = &json[1..json.len() - 1];
        let mut needles = vec![
            (Form::Plain, value.as_bytes().to_vec()),
            (Form::Base64, STANDARD.encode(value).into_bytes()),
        ];
        if json != value {
            needles.push((Form::JsonEscaped, json.as_bytes().to_vec()));
            needles.push((Form::Base64OfJson, STANDARD.encode(json).into_bytes()));
        }
        for slice in base64_slices(value.as_bytes()) {
            needles.push((Form::InsideBase64, slice));
        }
        for slice in base64_slices(value.as_bytes()) {
            let url_safe: Vec<u8> = slice
                .iter()
                .map(|b| match b {
                    b'+' => b'-',
                    b'/' => b'_',
                    other => *other,
                })
                .collect();
            if url_safe != slice {
                needles.push((Form::InsideUrlSafeBase64, url_safe));
            }
        }
        let percent: String = value
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        if percent != value {
            needles.push((Form::Percent, percent.into_bytes()));
        }
        let hex: String = value.bytes().map(|b| format!("{b:02x}")).collect();
        needles.push((Form::Hex, hex.to_uppercase().into_bytes()));
        needles.push((Form::Hex, hex.into_bytes()));
        self.secrets.push(Secret {
            name: name.to_string(),
            needles,
        });
        self
    }

    /// Every regular file below `root` (symlinks are not followed), except those below a path
    /// in `exclude`.
    pub fn tree(&self, root: &Path, exclude: &[&Path]) -> Vec<Finding> {
        let mut findings = Vec::new();
        let mut pending = vec![root.to_path_buf()];
        while let Some(dir) = pending.pop() {
            let entries = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
            let mut paths: Vec<_> = entries
                .map(|e| e.expect("a directory entry").path())
                .filter(|p| !exclude.iter().any(|x| p.starts_with(x)))
                .collect();
            paths.sort();
            for path in paths {
                let meta = std::fs::symlink_metadata(&path)
                    .unwrap_or_else(|e| panic!("cannot stat {}: {e}", path.display()));
                if meta.is_dir() {
                    pending.push(path);
                } else if meta.is_file() {
                    let bytes = std::fs::read(&path)
                        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                    findings.extend(self.search(&bytes, || Place::File(path.clone())));
                }
            }
        }
        findings
    }

    /// Every argument of every command line (as `World::argv_log` returns them).
    pub fn argv(&self, calls: &[Vec<String>]) -> Vec<Finding> {
        let mut findings = Vec::new();
        for (call, argv) in calls.iter().enumerate() {
            for (arg, text) in argv.iter().enumerate() {
                findings.extend(self.search(text.as_bytes(), || Place::Argv { call, arg }));
            }
        }
        findings
    }

    /// One text, reported under `name`.
    pub fn text(&self, name: &str, text: &[u8]) -> Vec<Finding> {
        self.search(text, || Place::Text(name.to_string()))
    }

    fn search(&self, haystack: &[u8], place: impl Fn() -> Place) -> Vec<Finding> {
        self.secrets
            .iter()
            .filter_map(|secret| {
                let (form, _) = secret
                    .needles
                    .iter()
                    .find(|(_, needle)| contains(haystack, needle))?;
                Some(Finding {
                    secret: secret.name.clone(),
                    form: *form,
                    place: place(),
                })
            })
            .collect()
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The base64 characters that depend on `value` alone, for each of the three alignments it can
/// have inside a longer encoded text.
fn base64_slices(value: &[u8]) -> Vec<Vec<u8>> {
    (0..3)
        .map(|offset| {
            let mut padded = vec![0u8; offset];
            padded.extend_from_slice(value);
            let encoded = STANDARD.encode(&padded).into_bytes();
            let first = (8 * offset).div_ceil(6);
            let end = 8 * (offset + value.len()) / 6;
            encoded[first..end].to_vec()
        })
        .collect()
}
