//! Preflight checks: their ids, which may be skipped, and their results.

use serde::Serialize;

/// The checks `--skip-check` accepts: failures an operator may knowingly accept.
pub const SKIPPABLE: &[&str] = &[
    "storage",
    "permissions",
    "openshift-version",
    "claims",
    "capacity",
    "quota",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Warn,
    Fail,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckResult {
    pub id: &'static str,
    pub result: Verdict,
    pub detail: String,
    /// Set when a failure was turned into a warning by `--skip-check`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub skipped: bool,
}

impl CheckResult {
    pub fn ok(id: &'static str, detail: impl Into<String>) -> Self {
        CheckResult {
            id,
            result: Verdict::Ok,
            detail: detail.into(),
            skipped: false,
        }
    }
    pub fn warn(id: &'static str, detail: impl Into<String>) -> Self {
        CheckResult {
            id,
            result: Verdict::Warn,
            detail: detail.into(),
            skipped: false,
        }
    }
    /// A failure, or a warning when the operator skipped this check.
    pub fn fail(id: &'static str, detail: impl Into<String>, skips: &[String]) -> Self {
        let skipped = skips.iter().any(|s| s == id);
        let result = if skipped {
            Verdict::Warn
        } else {
            Verdict::Fail
        };
        CheckResult {
            id,
            result,
            detail: detail.into(),
            skipped,
        }
    }
}

impl CheckResult {
    /// A failure the operator skipped with `--skip-check` becomes a warning that says so.
    pub fn skip_if_asked(mut self, skips: &[String]) -> Self {
        if self.result == Verdict::Fail
            && SKIPPABLE.contains(&self.id)
            && skips.iter().any(|s| s == self.id)
        {
            self.result = Verdict::Warn;
            self.skipped = true;
        }
        self
    }
}

/// The text table of `preflight`.
pub fn table(results: &[CheckResult]) -> String {
    let width = results.iter().map(|r| r.id.len()).max().unwrap_or(5).max(5);
    let mut out = format!("{:<width$}  {:<6}  DETAIL\n", "CHECK", "RESULT");
    for r in results {
        let result = match r.result {
            Verdict::Ok => "ok",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        };
        let mut lines = r.detail.lines();
        let first = lines.next().unwrap_or("");
        let skipped = if r.skipped {
            " (skipped with --skip-check)"
        } else {
            ""
        };
        out.push_str(&format!(
            "{:<width$}  {result:<6}  {first}{skipped}\n",
            r.id
        ));
        for more in lines {
            out.push_str(&format!("{:<width$}          {more}\n", ""));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_failures_become_warnings() {
        let skips = vec!["storage".to_string()];
        assert_eq!(
            CheckResult::fail("storage", "x", &skips).result,
            Verdict::Warn
        );
        assert_eq!(
            CheckResult::fail("login", "x", &skips).result,
            Verdict::Fail
        );
    }

    #[test]
    fn table_aligns_and_continues_multiline_details() {
        let t = table(&[
            CheckResult::ok("oc", "/usr/bin/oc"),
            CheckResult::warn("storage", "a\nb"),
        ]);
        assert_eq!(t, "CHECK    RESULT  DETAIL\noc       ok      /usr/bin/oc\nstorage  warn    a\n                 b\n");
    }
}
