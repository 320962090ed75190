//! Preflight checks: their ids, which may be skipped, and their results, each with the fix that
//! fits it.

use serde::Serialize;

/// The checks `--skip-check` accepts: failures an operator may knowingly accept.
pub(crate) const SKIPPABLE: &[&str] = &[
    "storage",
    "permissions",
    "openshift-version",
    "claims",
    "capacity",
    "quota",
    "registry-login",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Verdict {
    Ok,
    Warn,
    Fail,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct CheckResult {
    pub(crate) id: &'static str,
    pub(crate) result: Verdict,
    pub(crate) detail: String,
    /// What to do about a warning or failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) help: Option<String>,
    /// Set when a failure was turned into a warning by `--skip-check`.
    pub(crate) skipped: bool,
}

impl CheckResult {
    pub(crate) fn ok(id: &'static str, detail: impl Into<String>) -> Self {
        CheckResult {
            id,
            result: Verdict::Ok,
            detail: detail.into(),
            help: None,
            skipped: false,
        }
    }

    pub(crate) fn warn(id: &'static str, detail: impl Into<String>) -> Self {
        CheckResult {
            result: Verdict::Warn,
            ..CheckResult::ok(id, detail)
        }
    }

    pub(crate) fn fail(id: &'static str, detail: impl Into<String>) -> Self {
        CheckResult {
            result: Verdict::Fail,
            ..CheckResult::ok(id, detail)
        }
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// A failure the operator skipped with `--skip-check` becomes a warning that says so.
    pub(crate) fn skip_if_asked(mut self, skips: &[String]) -> Self {
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
pub(crate) fn table(results: &[CheckResult]) -> String {
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
        let pad = " ".repeat(width + 10);
        for more in lines {
            out.push_str(&format!("{pad}{more}\n"));
        }
        if let Some(h) = r.help.as_deref().filter(|_| r.result != Verdict::Ok) {
            out.push_str(&format!("{pad}help: {h}\n"));
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
        let r = CheckResult::fail("storage", "x").skip_if_asked(&skips);
        assert_eq!((r.result, r.skipped), (Verdict::Warn, true));
        assert_eq!(
            CheckResult::fail("login", "x").skip_if_asked(&skips).result,
            Verdict::Fail
        );
    }

    #[test]
    fn table_aligns_and_continues_multiline_details() {
        let t = table(&[
            CheckResult::ok("oc", "/usr/bin/oc"),
            CheckResult::warn("storage", "a\nb").with_help("do c"),
        ]);
        assert_eq!(t, "CHECK    RESULT  DETAIL\noc       ok      /usr/bin/oc\nstorage  warn    a\n                 b\n                 help: do c\n");
    }
}
