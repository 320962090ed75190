//! Template parameters as oc reads them from `--param-file=-` (stdin).
//!
//! oc parses that file with a fork of godotenv (`pkg/helpers/newapp/app/env.go`): values are
//! trimmed, a value wrapped in matching quotes is unquoted with `\n`, `\r` and `\X` → `X` escapes,
//! and a `#` starts a comment unless oc's quote counting says it is inside quotes. We wrap every
//! value in double quotes and escape it, which reproduces any value exactly, except one that holds
//! a `#` together with a quote character: oc's comment stripping counts quotes per `#`-separated
//! segment and can cut such a value. Those go through `--param KEY=VALUE` when they are not secret.

/// How each parameter reaches oc.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Encoded {
    /// The param-file text for stdin.
    pub stdin: String,
    /// `KEY=VALUE` pairs for `--param` (never secrets).
    pub argv: Vec<String>,
}

/// Whether oc's param-file parser reads `value` back exactly from `KEY="escaped"`.
pub fn survives_param_file(value: &str) -> bool {
    !(value.contains('#') && (value.contains('"') || value.contains('\'')))
}

fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Encodes `params`; `is_secret` decides which may not fall back to argv. Err names the
/// secret parameters whose values oc cannot receive exactly.
pub fn encode(
    params: &[(String, String)],
    is_secret: impl Fn(&str) -> bool,
) -> Result<Encoded, Vec<String>> {
    let mut encoded = Encoded::default();
    let mut refused = Vec::new();
    for (key, value) in params {
        if survives_param_file(value) {
            encoded.stdin.push_str(&format!("{key}={}\n", quote(value)));
        } else if is_secret(key) {
            refused.push(key.clone());
        } else {
            encoded.argv.push(format!("{key}={value}"));
        }
    }
    if refused.is_empty() {
        Ok(encoded)
    } else {
        Err(refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_and_escaped() {
        let params = vec![
            ("A".to_string(), "plain".to_string()),
            ("B".into(), "  spaced $HOME = x  ".into()),
            ("C".into(), "quote\" back\\slash\nline".into()),
            ("D".into(), "hash # only".into()),
            ("E".into(), String::new()),
        ];
        let e = encode(&params, |_| true).unwrap();
        assert_eq!(
            e.stdin,
            "A=\"plain\"\nB=\"  spaced $HOME = x  \"\nC=\"quote\\\" back\\\\slash\\nline\"\nD=\"hash # only\"\nE=\"\"\n"
        );
        assert!(e.argv.is_empty());
    }

    #[test]
    fn hash_with_quotes_falls_back_to_argv_or_is_refused_for_secrets() {
        let params = vec![
            ("LABEL".to_string(), "a\"#\"b".to_string()),
            ("ADMIN_PASSWORD".into(), "x#'y".into()),
        ];
        let refused = encode(&params, |k| k.contains("PASSWORD")).unwrap_err();
        assert_eq!(refused, ["ADMIN_PASSWORD"]);
        let ok = encode(&params[..1], |_| false).unwrap();
        assert_eq!(ok.argv, ["LABEL=a\"#\"b"]);
    }
}
