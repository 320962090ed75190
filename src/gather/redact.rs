//! The masking every text of a bundle goes through: the run's redactor (each secret as typed,
//! JSON-escaped and base64-encoded), compiled into one automaton once the gather's secrets are
//! registered, then the short values as the value of their own key.

use super::known::KnownValue;
use crate::secrets::{Compiled, Redactor, MASK};
use std::ops::Range;

pub(crate) struct Masker<'a> {
    /// The redactor's forms, compiled once every secret of the gather is registered.
    redactor: Compiled,
    short: &'a [KnownValue],
}

impl<'a> Masker<'a> {
    pub(crate) fn new(redactor: &Redactor, short: &'a [KnownValue]) -> Masker<'a> {
        Masker {
            redactor: redactor.compiled(),
            short,
        }
    }

    /// `text` with every secret masked, and how many were.
    pub(crate) fn mask(&self, text: &str) -> (String, usize) {
        let before = text.matches(MASK).count();
        let mut out = self.redactor.redact(text);
        for k in self.short {
            let spans = after_key(&out, &k.key, &k.value);
            for span in spans.into_iter().rev() {
                out.replace_range(span, MASK);
            }
        }
        let after = out.matches(MASK).count();
        (out, after.saturating_sub(before))
    }
}

/// Where `value` stands as the value of `key` (any case) in `text`: `KEY: value`,
/// `KEY=value`, `"KEY": "value"`, or an env entry's `name: KEY` then `value: value` (in YAML
/// or JSON); the value whole, not the start of a longer word.
pub(crate) fn after_key(text: &str, key: &str, value: &str) -> Vec<Range<usize>> {
    if key.is_empty() || value.is_empty() {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    let key = key.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&key) {
        let end_of_key = from + at + key.len();
        from = from + at + 1;
        let Some(start) = value_start(&lower, end_of_key) else {
            continue;
        };
        let end = start + value.len();
        let whole = text.get(start..end) == Some(value)
            && text[end..]
                .chars()
                .next()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if whole {
            out.push(start..end);
        }
    }
    out
}

/// Where a value would start after a key ending at `at`: past quotes, blanks and one `:` or
/// `=` (an env entry's `value` word and its separator too); `None` without a separator.
fn value_start(lower: &str, at: usize) -> Option<usize> {
    let separators = |s: &str| {
        s.char_indices()
            .find(|(_, c)| !matches!(c, ' ' | '\t' | '"' | '\'' | ':' | '=' | ',' | '\r' | '\n'))
            .map_or(s.len(), |(i, _)| i)
    };
    let rest = &lower[at..];
    let mut skipped = separators(rest);
    if let Some(after) = rest[skipped..].strip_prefix("value") {
        let more = separators(after);
        if after[..more].contains([':', '=']) {
            skipped += "value".len() + more;
        }
    }
    rest[..skipped].contains([':', '=']).then_some(at + skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(key: &str, value: &str) -> KnownValue {
        KnownValue {
            name: format!("secret/s {key}"),
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn every_registered_secret_and_short_value_is_masked_and_counted() {
        let r = Redactor::default();
        r.add("P", "hunter2-hunter2");
        let shorts = [short("PIN", "4321")];
        let m = Masker::new(&r, &shorts);
        let (text, n) = m.mask("pw hunter2-hunter2 PIN=4321 port 4321 ••••••");
        assert_eq!(text, format!("pw {MASK} PIN={MASK} port 4321 {MASK}"));
        assert_eq!(n, 2);
    }

    #[test]
    fn a_short_value_is_found_after_its_key_in_every_usual_shape() {
        for text in [
            "PIN: 4321",
            "pin=4321\n",
            r#"{"PIN": "4321"}"#,
            "- name: PIN\n  value: '4321'\n",
            r#"{"name":"PIN","value":"4321"}"#,
            "export PIN='4321'",
        ] {
            let spans = after_key(text, "PIN", "4321");
            assert_eq!(spans.len(), 1, "{text}");
            assert_eq!(&text[spans[0].clone()], "4321");
        }
        for text in [
            "PIN: 43210",
            "PIN 4321",
            "SPINE: 12 4321",
            "- name: PIN\n  valueFrom: 4321",
        ] {
            assert!(after_key(text, "PIN", "4321").is_empty(), "{text}");
        }
    }
}
