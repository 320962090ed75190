//! Secret values and the redactor that masks every secret known to the run.

use std::fmt;
use std::sync::{Arc, Mutex};

pub const MASK: &str = "••••••";

/// A value that must never be printed by accident: `Debug` and `Display` mask it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The real value, for stdin of oc and the credentials file only.
    pub fn expose(&self) -> &str {
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

/// Masks every registered secret in any text that leaves the process (logs, errors, argv shown).
/// Each secret has a name, for the transcript's `<redacted:NAME>`. Cheap to clone; all clones
/// share the same set.
#[derive(Clone, Default)]
pub struct Redactor {
    known: Arc<Mutex<Vec<(String, String)>>>,
}

impl Redactor {
    /// A secret known by the value only.
    pub fn add(&self, value: &str) {
        self.add_named("SECRET", value);
    }

    pub fn add_named(&self, name: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let mut known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        match known.iter_mut().find(|(_, v)| v == value) {
            // A better name than the anonymous one wins.
            Some(entry) if entry.0 == "SECRET" => entry.0 = name.to_string(),
            Some(_) => {}
            None => {
                known.push((name.to_string(), value.to_string()));
                // Longest first, so that a secret containing another is masked whole.
                known.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
            }
        }
    }

    pub fn add_secret(&self, secret: &Secret) {
        self.add(secret.expose());
    }

    pub fn add_named_secret(&self, name: &str, secret: &Secret) {
        self.add_named(name, secret.expose());
    }

    /// Every secret masked as `••••••`: for the terminal and errors.
    pub fn redact(&self, text: &str) -> String {
        self.replace(text, |_| MASK.to_string())
    }

    /// Every secret replaced by `<redacted:NAME>`: for the transcript.
    pub fn redact_named(&self, text: &str) -> String {
        self.replace(text, |name| format!("<redacted:{name}>"))
    }

    fn replace(&self, text: &str, mask: impl Fn(&str) -> String) -> String {
        let known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = text.to_string();
        for (name, value) in known.iter() {
            if out.contains(value.as_str()) {
                out = out.replace(value.as_str(), &mask(name));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_every_known_secret_longest_first() {
        let r = Redactor::default();
        r.add("abc");
        r.add("abcdef");
        r.add("");
        assert_eq!(r.redact("x abcdef y abc"), format!("x {MASK} y {MASK}"));
    }

    #[test]
    fn the_transcript_names_each_secret() {
        let r = Redactor::default();
        r.add("pw1");
        r.add_named("REGISTRY_PASSWORD", "pw1");
        r.add_named("ADMIN_PASSWORD", "x9");
        assert_eq!(
            r.redact_named("a pw1 b x9"),
            "a <redacted:REGISTRY_PASSWORD> b <redacted:ADMIN_PASSWORD>"
        );
    }

    #[test]
    fn secret_never_formats_its_value() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s} {s:?}"), format!("{MASK} {MASK}"));
    }
}
