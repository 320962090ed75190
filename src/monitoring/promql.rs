//! The series names a PromQL expression reads, found by reading it as Prometheus' lexer does:
//! identifiers outside label matchers (`{...}`), durations (`[5m]`) and strings, that are not a
//! function or an aggregation (followed by `(`, or by `by`/`without`), nor a keyword, nor the
//! label list after `by`, `without`, `on`, `ignoring`, `group_left` or `group_right`. A selector
//! that names its metric only as `__name__` (`{__name__=~"a|b"}`) reads no name here.

/// Keywords of PromQL that are no series name.
const KEYWORDS: &[&str] = &[
    "and",
    "or",
    "unless",
    "bool",
    "offset",
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "inf",
    "nan",
    "atan2",
];

/// Words followed by a list of label names.
const LABEL_LISTS: &[&str] = &[
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
];

fn is_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == ':'
}

fn is_part(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == ':'
}

/// The series names `expr` reads, each once, in order.
pub(crate) fn series_names(expr: &str) -> Vec<String> {
    let chars: Vec<char> = expr.chars().collect();
    let mut names: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' => i = skip_until(&chars, i, '}'),
            '[' => i = skip_until(&chars, i, ']'),
            '"' | '\'' | '`' => i = skip_string(&chars, i),
            '$' => i = skip_variable(&chars, i),
            c if c.is_ascii_digit() || (c == '.' && next_is_digit(&chars, i)) => {
                i = skip_number(&chars, i)
            }
            c if is_start(c) => {
                let start = i;
                while i < chars.len() && is_part(chars[i]) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let next = next_word_or_char(&chars, i);
                if LABEL_LISTS.contains(&word.as_str()) {
                    // `group_left` may come without a list.
                    if next.starts_with('(') {
                        i = skip_until(&chars, i, ')');
                    }
                } else if next.starts_with('(')
                    || next == "by"
                    || next == "without"
                    || KEYWORDS.contains(&word.as_str())
                {
                    // A function, an aggregation, or a keyword.
                } else if !names.contains(&word) {
                    names.push(word);
                }
            }
            _ => i += 1,
        }
    }
    names
}

fn next_is_digit(chars: &[char], i: usize) -> bool {
    chars.get(i + 1).is_some_and(char::is_ascii_digit)
}

/// The index after the closing `close` of the group that opens at `i`.
fn skip_until(chars: &[char], i: usize, close: char) -> usize {
    let mut j = i + 1;
    while j < chars.len() && chars[j] != close {
        if matches!(chars[j], '"' | '\'' | '`') {
            j = skip_string(chars, j);
        } else {
            j += 1;
        }
    }
    j + 1
}

/// The index after the string that opens at `i` (backslash escapes, except in backquotes).
fn skip_string(chars: &[char], i: usize) -> usize {
    let quote = chars[i];
    let mut j = i + 1;
    while j < chars.len() && chars[j] != quote {
        j += if chars[j] == '\\' && quote != '`' {
            2
        } else {
            1
        };
    }
    j + 1
}

/// A Grafana variable: `$pod`, `${pod}`, `$__rate_interval`.
fn skip_variable(chars: &[char], i: usize) -> usize {
    if chars.get(i + 1) == Some(&'{') {
        return skip_until(chars, i + 1, '}');
    }
    let mut j = i + 1;
    while j < chars.len() && is_part(chars[j]) {
        j += 1;
    }
    j
}

/// A number, with an exponent or a duration unit (`1e3`, `0x1f`, `5m`).
fn skip_number(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '.') {
        j += 1;
    }
    j
}

/// What follows position `i` after blanks: the next word, or the next character.
fn next_word_or_char(chars: &[char], mut i: usize) -> String {
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    let start = i;
    while i < chars.len() && is_part(chars[i]) {
        i += 1;
    }
    if i > start {
        chars[start..i].iter().collect()
    } else {
        chars.get(start).map(|c| c.to_string()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_matchers_functions_and_label_lists() {
        assert_eq!(
            series_names(
                r#"histogram_quantile(0.99, sum(rate(total_response_time_seconds_bucket{namespace="3scale",le=~"0.5|1"}[30m])) by (le)) > 5"#
            ),
            ["total_response_time_seconds_bucket"]
        );
        assert_eq!(
            series_names(
                r#"sum by (namespace, pod) (max by(namespace, pod) (kube_pod_status_phase{phase=~"Pending|Unknown"}) * on(namespace, pod) group_left(owner_kind) max by(namespace, pod, owner_kind) (kube_pod_owner{owner_kind!="Job"})) > 0"#
            ),
            ["kube_pod_status_phase", "kube_pod_owner"]
        );
        assert_eq!(
            series_names(
                r#"min by (pod,dict) (openresty_shdict_free_space{namespace="x"} / openresty_shdict_capacity{namespace="x"}) < 0.05"#
            ),
            ["openresty_shdict_free_space", "openresty_shdict_capacity"]
        );
        assert_eq!(
            series_names("sum(rate(upstream_status{pod=~\"$pod\"}[$__rate_interval])) by (status) or vector(0)"),
            ["upstream_status"]
        );
        assert_eq!(
            series_names("node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate / 1e3 and up == bool 0"),
            [
                "node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate",
                "up"
            ]
        );
    }

    #[test]
    fn the_operators_2_9_rules_are_read_with_their_2_9_metrics() {
        // op@2.9 ThreescaleApicastHttp4xxErrorRate: `apicast_status` first appears in 2.9.
        let names = series_names(
            r#"sum(rate(apicast_status{namespace='3scale', status=~"^4.."}[1m])) / sum(rate(apicast_status{namespace='3scale'}[1m])) * 100 > 5"#,
        );
        assert_eq!(names, ["apicast_status"]);
        assert!(names
            .iter()
            .all(|n| super::super::metrics::find(n).is_none()));
    }
}
