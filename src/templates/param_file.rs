//! Template parameters as oc reads them from `--param-file=-` (stdin).
//!
//! oc parses that file with a fork of godotenv (`pkg/helpers/newapp/app/env.go`): values are
//! trimmed, a value wrapped in matching quotes is unquoted with `\n`, `\r` and `\X` → `X` escapes,
//! and a `#` starts a comment unless oc's quote counting says it is inside quotes: it splits the
//! line at every `#` and keeps a segment only while an odd-looking quote (a segment with exactly one
//! `"` or one `'`) has opened and not closed. We wrap each value in quotes and escape it, and keep
//! an encoding only when oc's own algorithm, ported below, reads the value back exactly. Values
//! no encoding can carry (rare: a lone quote between two `#`, as in `a#"##`) go through
//! `--param KEY=VALUE` when they are not secret.

/// How each parameter reaches oc.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Encoded {
    /// The param-file text for stdin.
    pub stdin: String,
    /// `KEY=VALUE` pairs for `--param` (never secrets).
    pub argv: Vec<String>,
}

fn quote(value: &str, q: char) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push(q);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// The line `KEY=<quoted value>` that oc reads back as exactly `value`, if there is one.
pub fn line_for(key: &str, value: &str) -> Option<String> {
    ['"', '\'']
        .iter()
        .map(|q| format!("{key}={}", quote(value, *q)))
        .find(|line| oc_parse_line(line).is_some_and(|(k, v)| k == key && v == value))
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
        match line_for(key, value) {
            Some(line) => {
                encoded.stdin.push_str(&line);
                encoded.stdin.push('\n');
            }
            None if is_secret(key) => refused.push(key.clone()),
            None => encoded.argv.push(format!("{key}={value}")),
        }
    }
    if refused.is_empty() {
        Ok(encoded)
    } else {
        Err(refused)
    }
}

/// Every pair as param-file text; Err names the parameters whose values oc cannot receive
/// exactly through a param file.
pub fn encode_all(params: &[(String, String)]) -> Result<String, Vec<String>> {
    let mut text = String::new();
    let mut refused = Vec::new();
    for (key, value) in params {
        match line_for(key, value) {
            Some(line) => {
                text.push_str(&line);
                text.push('\n');
            }
            None => refused.push(key.clone()),
        }
    }
    if refused.is_empty() {
        Ok(text)
    } else {
        Err(refused)
    }
}

/// oc's `parseLine`: the key and value it reads from one line of a param file.
fn oc_parse_line(line: &str) -> Option<(String, String)> {
    let mut line = line.to_string();
    if line.contains('#') {
        let mut open = false;
        let mut keep: Vec<&str> = Vec::new();
        for segment in line.split('#') {
            if segment.matches('"').count() == 1 || segment.matches('\'').count() == 1 {
                if open {
                    open = false;
                    keep.push(segment);
                } else {
                    open = true;
                }
            }
            if keep.is_empty() || open {
                keep.push(segment);
            }
        }
        line = keep.join("#");
    }
    let equals = line.find('=');
    let colon = line.find(':');
    let (key, value) = match (colon, equals) {
        (Some(c), e) if e.is_none_or(|e| c < e) => line.split_once(':')?,
        _ => line.split_once('=')?,
    };
    let key = key
        .strip_prefix("export")
        .unwrap_or(key)
        .trim_matches(' ')
        .to_string();
    Some((key, oc_parse_value(value)))
}

/// oc's `parseValue`: trims spaces, unquotes matching quotes, resolves escapes.
fn oc_parse_value(value: &str) -> String {
    let value = value.trim_matches(' ');
    let bytes = value.as_bytes();
    if bytes.len() > 1
        && bytes[0] == bytes[bytes.len() - 1]
        && (bytes[0] == b'"' || bytes[0] == b'\'')
    {
        let mut out = String::new();
        let mut chars = value[1..value.len() - 1].chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                },
                (c, false) => out.push(c),
            }
        }
        return out;
    }
    value.to_string()
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

    /// Whether oc reads each line back is checked against parsers that share no code with this
    /// file, the fake oc's (tests/cli/param_file.rs) and the real oc's (the reality tier):
    /// comparing with `oc_parse_line`, which `line_for` consults to choose, could not fail.
    #[test]
    fn every_character_class_has_an_encoding() {
        for value in [
            "p#\"'$= x",
            "a\"#\"b",
            "#",
            "x#y#z",
            "'quoted' \"both\" # tail",
            "mysql2://user:p@ss#w\"rd@db:3306/system",
            "ends with backslash\\",
            "tab\there",
        ] {
            assert!(line_for("K", value).is_some(), "{value:?} has no encoding");
        }
    }

    #[test]
    fn what_oc_cannot_read_goes_to_argv_or_is_refused_for_secrets() {
        // Found by trying every string of `a # " '` up to six characters: oc's comment stripping
        // cuts this one whatever the quoting (174 such strings, all with a quote between `#`s).
        let impossible = "a#\"##";
        assert!(line_for("K", impossible).is_none());
        let params = vec![
            ("LABEL".to_string(), impossible.to_string()),
            ("ADMIN_PASSWORD".into(), impossible.into()),
        ];
        assert_eq!(
            encode(&params, |k| k.contains("PASSWORD")).unwrap_err(),
            ["ADMIN_PASSWORD"]
        );
        assert_eq!(
            encode(&params[..1], |_| false).unwrap().argv,
            [format!("LABEL={impossible}")]
        );
    }
}
