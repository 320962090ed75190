//! Templates as oc and OpenShift handle them, written from their sources (release-4.13) and
//! checked against the real oc by the reality tier, never taken from threescale-install:
//!
//! - the `--param-file` parser: `pkg/helpers/newapp/app/env.go` in openshift/oc (a fork of
//!   godotenv), `ParseEnvironment` for `--param`;
//! - the processor: `pkg/template/templateprocessing` in openshift/library-go (parameter
//!   generation, `${NAME}` and `${{NAME}}` substitution, namespace stripping, groupification);
//! - the generator: `pkg/template/generator/expressionvalue.go` in openshift/library-go.

use crate::state::State;
use serde_json::Value;

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
                    generate: p["generate"]
                        .as_str()
                        .filter(|g| !g.is_empty())
                        .map(str::to_string),
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

// ---- the param file (oc's env.go) ------------------------------------------------------------

/// `validation.IsEnvVarName`: `[-._a-zA-Z][-._a-zA-Z0-9]*`, and not `.`, `..` or `..`-prefixed.
pub fn is_env_var_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || "-._".contains(c));
    first_ok
        && chars.all(|c| c.is_ascii_alphanumeric() || "-._".contains(c))
        && name != "."
        && !name.starts_with("..")
}

/// godotenv's `isIgnoredLine`: blank, or a comment once trimmed of spaces, newlines and tabs.
fn is_ignored_line(line: &str) -> bool {
    let trimmed = line.trim_matches([' ', '\n', '\t']);
    trimmed.is_empty() || trimmed.starts_with('#')
}

/// `parseLine`: the comment cut (a segment between `#`s with exactly one `"` or one `'` opens or
/// closes "quotes"), the key/value split (`=`, or `:` when it comes first), `export` dropped.
fn parse_line(line: &str) -> Result<(String, String), String> {
    if line.is_empty() {
        return Err("zero length string".into());
    }
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
    let separator = match (first_colon, first_equals) {
        (Some(c), Some(e)) if c < e => ':',
        (Some(_), None) => ':',
        _ => '=',
    };
    let Some((key, value)) = line.split_once(separator) else {
        return Err("Can't separate key from value".into());
    };
    let key = key.strip_prefix("export").unwrap_or(key).trim_matches(' ');
    Ok((key.to_string(), parse_value(value)))
}

/// `parseValue`: trimmed of spaces; between matching quotes, `\n`, `\r` and `\X` escapes.
fn parse_value(value: &str) -> String {
    let value = value.trim_matches(' ');
    let b = value.as_bytes();
    if b.len() > 1 && b[0] == b[b.len() - 1] && (b[0] == b'"' || b[0] == b'\'') {
        let inner = &value[1..value.len() - 1];
        // regexp `\\.`: a backslash and the next character (not a newline), left to right.
        let mut out = String::new();
        let mut chars = inner.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().copied()) {
                ('\\', Some(next)) if next != '\n' => {
                    chars.next();
                    match next {
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        return out;
    }
    value.to_string()
}

/// A param file's pairs (later lines win), or oc's error for it (`Cannot read variables from
/// file "NAME": WHY`, `invalid parameter assignment in K=V`).
pub fn parse_param_file(text: &str, shown_name: &str) -> Result<Vec<(String, String)>, String> {
    let mut vars: Vec<(String, String)> = Vec::new();
    // bufio.Scanner's lines: split at \n, a \r before it dropped.
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if is_ignored_line(line) {
            continue;
        }
        let (key, value) = parse_line(line)
            .map_err(|e| format!("Cannot read variables from file \"{shown_name}\": {e}"))?;
        vars.retain(|(k, _)| *k != key);
        vars.push((key, value));
    }
    if let Some((k, v)) = vars.iter().find(|(k, _)| !is_env_var_name(k)) {
        return Err(format!("invalid parameter assignment in {k}={v}"));
    }
    Ok(vars)
}

// ---- the generator (library-go expressionvalue.go) ---------------------------------------------

const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const NUMERALS: &str = "0123456789";
const SYMBOLS: &str = "~!@#$%^&*()-_+={}[]\\|<,>.?/\"';:`";

fn ascii() -> String {
    format!("{ALPHABET}{NUMERALS}{SYMBOLS}")
}

/// The first `[chars]{digits}` construct of `s` (generatorsExp), as a byte range.
fn find_construct(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    for start in 0..b.len() {
        if b[start] != b'[' {
            continue;
        }
        let mut i = start + 1;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b'\\') {
            i += 1;
        }
        if i == start + 1 || i >= b.len() || b[i] != b']' || b.get(i + 1) != Some(&b'{') {
            continue;
        }
        let mut j = i + 2;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > i + 2 && b.get(j) == Some(&b'}') {
            return Some((start, j + 1));
        }
    }
    None
}

/// `rangeExp` tokens of a class: `\x`, `a-z`, or one character, as (first, last) pairs.
fn range_tokens(class: &str) -> Vec<(u8, u8)> {
    let b = class.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        if b[i] == b'\\' {
            i += 1;
        }
        if i >= b.len() || !b[i].is_ascii_alphanumeric() {
            i = start + 1;
            continue;
        }
        i += 1;
        if i < b.len() && b[i] == b'-' {
            i += 1;
        }
        if i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        out.push((b[start], b[i - 1]));
    }
    out
}

/// Fills `expression`'s `[...]{n}` constructs; a range `a-z` stops before `z`, as the real
/// generator's `ASCII[left:right]` does.
pub fn generate(expression: &str, state: &mut State) -> Result<String, String> {
    let ascii = ascii();
    let mut expr = expression.to_string();
    while let Some((start, end)) = find_construct(&expr) {
        let construct = expr[start..end].to_string();
        let brace = construct.rfind('{').unwrap_or(0);
        let class_expr = &construct[..brace];
        let valid = ["\\w", "\\d", "\\a", "\\A"]
            .iter()
            .any(|p| class_expr.starts_with(&format!("[{p}")))
            || (class_expr.ends_with(']') && {
                let inner = &class_expr[1..class_expr.len() - 1];
                let b = inner.as_bytes();
                b.len() >= 3
                    && b.windows(3).any(|w| {
                        w[0].is_ascii_alphanumeric() && w[1] == b'-' && w[2].is_ascii_alphanumeric()
                    })
            });
        if !valid {
            return Err(format!("malformed expresion syntax: {class_expr}"));
        }
        let length: usize = construct[brace + 1..construct.len() - 1]
            .parse()
            .unwrap_or(0);
        if !(1..=255).contains(&length) {
            return Err(format!(
                "range must be within [1-255] characters ({length})"
            ));
        }
        let mut alphabet = String::new();
        for (first, last) in range_tokens(&class_expr[1..class_expr.len() - 1]) {
            match (first, last) {
                (b'\\', b'w') => alphabet.push_str(&format!("{ALPHABET}{NUMERALS}_")),
                (b'\\', b'd') => alphabet.push_str(NUMERALS),
                (b'\\', b'a') => alphabet.push_str(&format!("{ALPHABET}{NUMERALS}")),
                (b'\\', b'A') => alphabet.push_str(SYMBOLS),
                (f, l) => {
                    let left = ascii.find(f as char);
                    let right = ascii.rfind(l as char);
                    match (left, right) {
                        (Some(a), Some(b)) if a <= b => alphabet.push_str(&ascii[a..b]),
                        _ => {
                            return Err(format!(
                                "invalid range specified: {}-{}",
                                f as char, l as char
                            ))
                        }
                    }
                }
            }
        }
        let mut unique: Vec<char> = Vec::new();
        for c in alphabet.chars() {
            if !unique.contains(&c) {
                unique.push(c);
            }
        }
        if unique.is_empty() {
            return Err(format!("malformed expresion syntax: {class_expr}"));
        }
        let value: String = (0..length)
            .map(|_| unique[(state.next_random() % unique.len() as u64) as usize])
            .collect();
        expr.replace_range(start..end, &value);
    }
    Ok(expr)
}

// ---- processing (library-go templateprocessing) -------------------------------------------------

/// `GenerateParameterValues`: every error, as (index, reason, message) for the server's causes.
pub fn generate_values(params: &mut [Param], state: &mut State) -> Vec<(usize, String)> {
    let mut errors = Vec::new();
    for (i, p) in params.iter_mut().enumerate() {
        if !p.value.is_empty() {
            continue;
        }
        if let Some(g) = &p.generate {
            if g != "expression" {
                errors.push((
                    i,
                    format!(
                        "Invalid value: \"{g}\": Unknown generator name '{g}' for parameter {}",
                        p.name
                    ),
                ));
                continue;
            }
            match generate(p.from.as_deref().unwrap_or_default(), state) {
                Ok(v) => p.value = v,
                Err(e) => {
                    errors.push((i, format!("Invalid value: {e}")));
                    continue;
                }
            }
        }
        if p.value.is_empty() && p.required {
            errors.push((
                i,
                format!(
                    "Required value: template.parameters[{i}]: parameter {} is required and must be specified",
                    p.name
                ),
            ));
        }
    }
    errors
}

/// `${NAME}` of a name of `[a-zA-Z0-9_]`, lazily to the first `}`: the names in order.
fn string_references(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        let after = &rest[i + 2..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with('}') {
            out.push(after[..name_len].to_string());
            rest = &after[name_len + 1..];
        } else {
            rest = &rest[i + 1..];
        }
    }
    out
}

/// `EvaluateParameterSubstitution`: (new text, whether it stays a string). An exact
/// `${{NAME}}` of a known parameter is its value, to be read as JSON; otherwise every
/// `${NAME}` found in the original text is replaced, each time at its first occurrence in the
/// text as it stands (so a value that itself holds `${OTHER}` can be replaced in turn).
fn evaluate(params: &[(String, String)], input: &str) -> (String, bool) {
    if let Some(name) = input.strip_prefix("${{").and_then(|r| r.strip_suffix("}}")) {
        let exact = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if exact {
            if let Some((_, v)) = params.iter().find(|(n, _)| n == name) {
                return (v.clone(), false);
            }
        }
    }
    let mut out = input.to_string();
    for name in string_references(input) {
        if let Some((_, v)) = params.iter().find(|(n, _)| *n == name) {
            out = out.replacen(&format!("${{{name}}}"), v, 1);
        }
    }
    (out, true)
}

/// `json.Unmarshal` into `interface{}`: numbers become float64, printed back the way Go prints
/// a float64 (integral values without a fraction).
fn go_json(text: &str) -> Option<Value> {
    let v: Value = serde_json::from_str(text).ok()?;
    Some(floats_as_go(v))
}

fn floats_as_go(v: Value) -> Value {
    match v {
        Value::Number(n) => {
            let f = n.as_f64().unwrap_or(0.0);
            if f.fract() == 0.0 && f.abs() < 1e21 {
                if f >= 0.0 && f <= u64::MAX as f64 {
                    Value::from(f as u64)
                } else {
                    Value::from(f as i64)
                }
            } else {
                serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
            }
        }
        Value::Array(items) => Value::Array(items.into_iter().map(floats_as_go).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, floats_as_go(v))).collect())
        }
        other => other,
    }
}

/// `visitObjectStrings` over an unstructured object: every string and map key.
pub fn substitute(value: &mut Value, params: &[(String, String)]) {
    match value {
        Value::String(s) => {
            let (out, as_string) = evaluate(params, s);
            *value = if as_string {
                Value::String(out)
            } else {
                go_json(&out).unwrap_or(Value::String(out))
            };
        }
        Value::Array(items) => items.iter_mut().for_each(|v| substitute(v, params)),
        Value::Object(map) => {
            let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
            for (k, mut v) in entries {
                substitute(&mut v, params);
                let (key, _) = evaluate(params, &k);
                map.insert(key, v);
            }
        }
        _ => {}
    }
}

/// The message of a template, substituted.
pub fn substitute_text(text: &str, params: &[(String, String)]) -> String {
    evaluate(params, text).0
}

/// OpenShift kinds that `apiVersion: v1` once meant (legacygroupification), by group.
const LEGACY_GROUPS: &[(&str, &[&str])] = &[
    ("apps.openshift.io", &["DeploymentConfig"]),
    (
        "authorization.openshift.io",
        &["Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding"],
    ),
    ("build.openshift.io", &["BuildConfig", "Build"]),
    (
        "image.openshift.io",
        &[
            "ImageStream",
            "ImageStreamTag",
            "ImageStreamImport",
            "Image",
        ],
    ),
    ("project.openshift.io", &["Project", "ProjectRequest"]),
    ("route.openshift.io", &["Route"]),
    ("template.openshift.io", &["Template"]),
    ("user.openshift.io", &["User", "Group", "Identity"]),
];

/// One template object processed: namespace stripped unless it refers to a parameter, every
/// string substituted, an `apiVersion: v1` OpenShift kind groupified, template labels added.
pub fn process_object(mut obj: Value, params: &[(String, String)], labels: &Value) -> Value {
    if let Some(ns) = obj["metadata"].get("namespace") {
        let keeps = ns
            .as_str()
            .is_some_and(|n| !string_references(n).is_empty());
        if !keeps {
            obj["metadata"]["namespace"] = Value::String(String::new());
        }
    }
    substitute(&mut obj, params);
    if obj["apiVersion"] == "v1" {
        let kind = obj["kind"].as_str().unwrap_or_default().to_string();
        if let Some((group, _)) = LEGACY_GROUPS
            .iter()
            .find(|(_, kinds)| kinds.contains(&kind.as_str()))
        {
            obj["apiVersion"] = Value::String(format!("{group}/v1"));
        }
    }
    if let Some(labels) = labels.as_object().filter(|l| !l.is_empty()) {
        for (k, v) in labels {
            obj["metadata"]["labels"][k] = v.clone();
        }
    }
    obj
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn param_file_follows_oc() {
        let parsed = parse_param_file(
            "A=plain\nB=\"with # hash\"\nC=x # comment\nD=\"a\\\"b\"\nE: yaml\nexport F = spaced \n",
            "stdin",
        )
        .unwrap();
        let get = |k: &str| parsed.iter().find(|(n, _)| n == k).unwrap().1.clone();
        assert_eq!(get("A"), "plain");
        assert_eq!(get("B"), "with # hash");
        assert_eq!(get("C"), "x");
        assert_eq!(get("D"), "a\"b");
        assert_eq!(get("E"), "yaml");
        assert_eq!(get("F"), "spaced");
        assert!(parse_param_file("JUST\n", "stdin")
            .unwrap_err()
            .ends_with("Can't separate key from value"));
    }

    #[test]
    fn generated_ranges_stop_before_their_last_character() {
        let mut state = State::default();
        let v = generate("[a-f0-9]{128}", &mut state).unwrap();
        assert_eq!(v.len(), 128);
        assert!(v
            .chars()
            .all(|c| ('a'..='e').contains(&c) || ('0'..='8').contains(&c)));
        assert_eq!(generate("x[\\d]{3}y", &mut state).unwrap().len(), 5);
        assert_eq!(
            generate("no construct", &mut state).unwrap(),
            "no construct"
        );
    }

    #[test]
    fn substitution_replaces_first_occurrences_of_the_text_as_it_stands() {
        let params = vec![
            ("A".to_string(), "${B}".to_string()),
            ("B".to_string(), "b".to_string()),
        ];
        assert_eq!(evaluate(&params, "${A} ${B}"), ("b ${B}".to_string(), true));
        assert_eq!(evaluate(&params, "${{B}}"), ("b".to_string(), false));
        assert_eq!(evaluate(&params, " ${{B}}").0, " ${{B}}");
    }
}
