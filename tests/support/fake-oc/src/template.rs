//! Server-side template processing as OpenShift does it, and oc's `--param-file` parser.

use crate::state::State;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub display_name: Option<String>,
    pub value: String,
    pub generate: Option<String>,
    pub from: Option<String>,
    pub required: bool,
}

pub fn params_of(template: &Value) -> Vec<Param> {
    template["parameters"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .map(|p| Param {
                    name: p["name"].as_str().unwrap_or_default().to_string(),
                    display_name: p["displayName"].as_str().map(str::to_string),
                    value: scalar_to_string(&p["value"]),
                    generate: p["generate"].as_str().map(str::to_string),
                    from: p["from"].as_str().map(str::to_string),
                    required: p["required"].as_bool().unwrap_or(false),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn scalar_to_string(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Fills generated values and checks required ones, like the server's template processor.
/// Returns the index and name of the first required parameter without a value.
pub fn resolve(params: &mut [Param], state: &mut State) -> Result<(), (usize, String)> {
    for p in params.iter_mut() {
        if p.generate.as_deref() == Some("expression") && p.value.is_empty() {
            if let Some(from) = &p.from {
                p.value = generate(from, state);
            }
        }
    }
    for (i, p) in params.iter().enumerate() {
        if p.required && p.value.is_empty() {
            return Err((i, p.name.clone()));
        }
    }
    Ok(())
}

/// OpenShift's expression generator: `[a-z0-9]{8}`, `\w{4}`, literals.
pub fn generate(expr: &str, state: &mut State) -> String {
    let chars: Vec<char> = expr.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let alphabet: Vec<char> = match chars[i] {
            '[' => {
                let end = chars[i..]
                    .iter()
                    .position(|&c| c == ']')
                    .map(|p| p + i)
                    .unwrap();
                let set = expand_class(&chars[i + 1..end]);
                i = end + 1;
                set
            }
            '\\' if i + 1 < chars.len() => {
                let set = match chars[i + 1] {
                    'w' => expand_class(&"a-zA-Z0-9_".chars().collect::<Vec<_>>()),
                    'd' => expand_class(&"0-9".chars().collect::<Vec<_>>()),
                    'a' => expand_class(&"a-zA-Z".chars().collect::<Vec<_>>()),
                    'A' => "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".chars().collect(),
                    c => vec![c],
                };
                i += 2;
                set
            }
            c => {
                i += 1;
                vec![c]
            }
        };
        let mut count = 1;
        if i < chars.len() && chars[i] == '{' {
            let end = chars[i..]
                .iter()
                .position(|&c| c == '}')
                .map(|p| p + i)
                .unwrap();
            count = chars[i + 1..end]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(1);
            i = end + 1;
        }
        for _ in 0..count {
            let pick = (state.next_random() % alphabet.len() as u64) as usize;
            out.push(alphabet[pick]);
        }
    }
    out
}

fn expand_class(spec: &[char]) -> Vec<char> {
    let mut set = Vec::new();
    let mut i = 0;
    while i < spec.len() {
        if i + 2 < spec.len() && spec[i + 1] == '-' {
            for c in spec[i]..=spec[i + 2] {
                set.push(c);
            }
            i += 3;
        } else {
            set.push(spec[i]);
            i += 1;
        }
    }
    set
}

/// Substitutes `${NAME}` and `${{NAME}}` in every string of an object.
pub fn substitute(value: &mut Value, params: &BTreeMap<String, String>) {
    match value {
        Value::String(s) => {
            let trimmed = s.trim();
            if let Some(name) = trimmed
                .strip_prefix("${{")
                .and_then(|r| r.strip_suffix("}}"))
            {
                if let Some(v) = params.get(name) {
                    *value = serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()));
                    return;
                }
            }
            let mut result = s.clone();
            for (name, v) in params {
                result = result.replace(&format!("${{{{{name}}}}}"), v);
                result = result.replace(&format!("${{{name}}}"), v);
            }
            *s = result;
        }
        Value::Array(items) => items.iter_mut().for_each(|v| substitute(v, params)),
        Value::Object(map) => map.values_mut().for_each(|v| substitute(v, params)),
        _ => {}
    }
}

/// oc's param-file parser (`pkg/helpers/newapp/app/env.go`, a fork of godotenv), including its
/// quirky handling of `#` and quotes. Returns an error message the way oc words it.
pub fn parse_param_file(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_matches(|c| c == ' ' || c == '\n' || c == '\t');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (key, value) = parse_line(line)?;
        if !is_env_var_name(&key) {
            return Err(format!("invalid parameter assignment in {key}={value}"));
        }
        out.retain(|(k, _): &(String, String)| k != &key);
        out.push((key, value));
    }
    Ok(out)
}

fn parse_line(line: &str) -> Result<(String, String), String> {
    let mut line = line.to_string();
    if line.contains('#') {
        let mut quotes_open = false;
        let mut keep: Vec<&str> = Vec::new();
        for segment in line.split('#') {
            if segment.matches('"').count() == 1 || segment.matches('\'').count() == 1 {
                if quotes_open {
                    quotes_open = false;
                    keep.push(segment);
                } else {
                    quotes_open = true;
                }
            }
            if keep.is_empty() || quotes_open {
                keep.push(segment);
            }
        }
        line = keep.join("#");
    }
    let first_equals = line.find('=');
    let first_colon = line.find(':');
    let split = match (first_colon, first_equals) {
        (Some(c), Some(e)) if c < e => line.split_once(':'),
        (Some(_), None) => line.split_once(':'),
        _ => line.split_once('='),
    };
    let Some((key, value)) = split else {
        return Err("Can't separate key from value".into());
    };
    let key = key
        .strip_prefix("export")
        .unwrap_or(key)
        .trim_matches(' ')
        .to_string();
    Ok((key, parse_value(value)))
}

fn parse_value(value: &str) -> String {
    let value = value.trim_matches(' ');
    let bytes = value.as_bytes();
    if bytes.len() > 1 {
        let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
        if first == last && (first == b'"' || first == b'\'') {
            let inner = &value[1..value.len() - 1];
            let mut out = String::new();
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    match chars.next() {
                        Some('n') => out.push('\n'),
                        Some('r') => out.push('\r'),
                        Some(other) => out.push(other),
                        None => out.push('\\'),
                    }
                } else {
                    out.push(c);
                }
            }
            return out;
        }
    }
    value.to_string()
}

pub fn is_env_var_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '-' || c == '.' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn param_file_follows_oc_quirks() {
        let parsed =
            parse_param_file("A=plain\nB=\"with # hash\"\nC=x # comment\nD=\"a\\\"b\"\n").unwrap();
        assert_eq!(parsed[0], ("A".into(), "plain".into()));
        assert_eq!(parsed[1], ("B".into(), "with # hash".into()));
        assert_eq!(parsed[2], ("C".into(), "x".into()));
        assert_eq!(parsed[3], ("D".into(), "a\"b".into()));
    }

    #[test]
    fn generator_respects_the_expression() {
        let mut state = State::default();
        let v = generate("[a-f0-9]{128}", &mut state);
        assert_eq!(v.len(), 128);
        assert!(v
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
}
