//! Whole outputs compared with files under `tests/snapshots/`, after normalising what varies from
//! one run to the next.
//!
//! A snapshot is the exact text a command printed, so that any change of wording, order or
//! layout shows up as a diff to review. What legitimately varies is replaced by a `[NAME]`
//! placeholder, by a few explicit rules and nothing else:
//!
//! 1. values the test knows (`Snapshot::value`): the temp dir of the run, the fixtures, the
//!    binary, a fake 3scale's port, generated passwords read from the cluster, ...;
//! 2. patterns it cannot know, listed in `PATTERNS`: wall-clock times, elapsed durations (in
//!    parentheses or brackets), pids, commit ids, loopback ports.
//!
//! A difference fails with a diff. `UPDATE_SNAPSHOTS=1 cargo test --test cli snapshots` writes
//! the files instead (review them with `git diff tests/snapshots`); nothing else ever writes them,
//! so CI fails on a difference.

use regex::Regex;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Rule 2: what varies that no test can know, as (pattern, placeholder).
const PATTERNS: &[(&str, &str)] = &[
    // A wall-clock time, as the wait's deadline shows it (`until 2026-01-02 03:04:05Z`).
    (
        r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})",
        "[TIME]",
    ),
    // An elapsed duration in parentheses (`3scale works (9ms)`, `(1m30s)`).
    (r"\((\d+(ms|d|h|m|s))+\)", "([DURATION])"),
    // The time waited, in brackets, before a line of the wait (`[1m12s] system-app: ready`).
    (r"\[(\d+(ms|d|h|m|s))+\]", "[DURATION]"),
    // A process id (`pid 4242`, `"pid": 4242`).
    (r#"\b(pid"?:? )\d+"#, "${1}[PID]"),
    // A commit id after the word commit (`commit 0123abcd…`, `"commit": "0123abcd…"`).
    (r#"\b(commit"?:? "?)[0-9a-f]{7,40}\b"#, "${1}[COMMIT]"),
    // A port on the loopback interface (a fake server's, a proxy's).
    (r"\b(127\.0\.0\.1|localhost|\[::1\]):\d+", "${1}:[PORT]"),
];

fn patterns() -> &'static [(Regex, &'static str)] {
    static COMPILED: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        PATTERNS
            .iter()
            .map(|(p, r)| (Regex::new(p).expect("a valid pattern"), *r))
            .collect()
    })
}

/// The directory of the snapshot files.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// How a whole output is normalised and compared with its file.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// Rule 1: exact values and their placeholders, applied in order.
    values: Vec<(String, String)>,
}

impl Snapshot {
    /// The rules for the real binary: its path and the repository's (the fixtures are in it).
    pub fn new() -> Snapshot {
        Snapshot::default()
            .value(env!("CARGO_BIN_EXE_threescale-install"), "BIN")
            .value(env!("CARGO_MANIFEST_DIR"), "REPO")
    }

    /// Also replaces `value` with `[name]`. An empty value is ignored (it would match anywhere).
    pub fn value(mut self, value: &str, name: &str) -> Snapshot {
        if !value.is_empty() {
            self.values.push((value.to_string(), format!("[{name}]")));
        }
        self
    }

    /// `text` with the known values, then the patterns, replaced.
    pub fn normalise(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (value, placeholder) in &self.values {
            out = out.replace(value.as_str(), placeholder);
        }
        for (pattern, placeholder) in patterns() {
            out = pattern.replace_all(&out, *placeholder).into_owned();
        }
        out
    }

    /// `actual`, normalised, is the text of `tests/snapshots/<name>`.
    #[track_caller]
    pub fn assert(&self, name: &str, actual: &str) {
        let path = dir().join(name);
        let actual = self.normalise(actual);
        let expected = std::fs::read_to_string(&path).ok();
        if expected.as_deref() == Some(actual.as_str()) {
            return;
        }
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &actual).unwrap();
            eprintln!("snapshot {} written", path.display());
            return;
        }
        let how = "to accept the new text: UPDATE_SNAPSHOTS=1 cargo test --test cli snapshots, \
                   then review `git diff tests/snapshots`";
        match expected {
            None => panic!(
                "no snapshot {}; {how}\n--- the output, normalised:\n{actual}",
                path.display()
            ),
            Some(expected) => panic!(
                "the output differs from {} (- snapshot, + output); {how}\n{}",
                path.display(),
                diff(&expected, &actual)
            ),
        }
    }

    /// As `assert`, for a JSON document: `actual` must be one.
    #[track_caller]
    pub fn assert_json(&self, name: &str, actual: &str) {
        if let Err(e) = serde_json::from_str::<serde_json::Value>(actual) {
            panic!("not one JSON document ({e}):\n{actual}");
        }
        self.assert(name, actual);
    }
}

/// The lines that differ, with three lines of context, as `diff -u` shows them.
pub fn diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.split('\n').collect();
    let new: Vec<&str> = actual.split('\n').collect();
    // The longest common subsequence, from the end: lcs[i][j] for old[i..] and new[j..].
    let mut lcs = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // Each line of the edit, with its line number in the snapshot.
    let mut edit: Vec<(char, usize, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            edit.push((' ', i + 1, old[i]));
            i += 1;
            j += 1;
        } else if i < old.len() && (j == new.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            edit.push(('-', i + 1, old[i]));
            i += 1;
        } else {
            edit.push(('+', i + 1, new[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = (0..edit.len()).filter(|&k| edit[k].0 != ' ').collect();
    let mut out = String::new();
    let mut shown_to = 0;
    for &k in &changed {
        let from = k.saturating_sub(CONTEXT).max(shown_to);
        let to = (k + CONTEXT + 1).min(edit.len());
        if from > shown_to || shown_to == 0 {
            out.push_str(&format!("@@ snapshot line {} @@\n", edit[from].1));
        }
        for (mark, _, line) in &edit[from..to] {
            out.push_str(&format!("{mark}{line}\n"));
        }
        shown_to = to;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_replace_what_varies_and_nothing_else() {
        let rules = Snapshot::default().value("/tmp/.tmpX1", "TMP");
        let text = [
            "waiting until 2026-12-07 21:49:44Z (--timeout 30m)",
            "3scale works (9ms), then (1m30s)",
            "held by pid 4242 on host, {\"pid\": 17}",
            "templates at commit 0123456789ab, {\"commit\": \"0123abc\"}, commit unknown",
            "proxy http://127.0.0.1:41234, localhost:8443",
            "in /tmp/.tmpX1/state",
            "Kubernetes v1.27.8+4fab27b, 30s, 90 pids",
        ]
        .join("\n");
        let expected = [
            "waiting until [TIME] (--timeout 30m)",
            "3scale works ([DURATION]), then ([DURATION])",
            "held by pid [PID] on host, {\"pid\": [PID]}",
            "templates at commit [COMMIT], {\"commit\": \"[COMMIT]\"}, commit unknown",
            "proxy http://127.0.0.1:[PORT], localhost:[PORT]",
            "in [TMP]/state",
            "Kubernetes v1.27.8+4fab27b, 30s, 90 pids",
        ]
        .join("\n");
        assert_eq!(rules.normalise(&text), expected);
    }

    #[test]
    fn a_changed_line_is_shown_with_its_context() {
        let d = diff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n");
        assert_eq!(d, "@@ snapshot line 2 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
    }

    #[test]
    fn changes_far_apart_are_shown_apart_and_near_ones_together() {
        let old: Vec<String> = (1..=20).map(|i| i.to_string()).collect();
        let mut new = old.clone();
        new[1] = "two".into();
        new[2] = "three".into();
        new.insert(15, "added".into());
        let d = diff(&old.join("\n"), &new.join("\n"));
        assert_eq!(
            d,
            "@@ snapshot line 1 @@\n 1\n-2\n-3\n+two\n+three\n 4\n 5\n 6\n\
             @@ snapshot line 13 @@\n 13\n 14\n 15\n+added\n 16\n 17\n 18\n"
        );
    }
}
