//! What a bundle holds, said twice: `summary.json` inside it (what was read, what was masked,
//! which reads failed) and the result printed on stdout (text, or the same document with the
//! archive's path and size for `-o json`).

use super::bundle::BundleFile;
use super::install::Verdicts;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The facts of one gather.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Summary {
    pub(crate) cluster: String,
    pub(crate) user: Option<String>,
    pub(crate) openshift: Option<String>,
    pub(crate) project: String,
    /// `--since`, as given (e.g. `1h`).
    pub(crate) since: Option<String>,
    /// Secrets read, values masked wherever they appear, short values masked after their key,
    /// values left as public (certificates, names).
    pub(crate) secrets: usize,
    pub(crate) masked_values: usize,
    pub(crate) short_values: usize,
    pub(crate) public_values: usize,
    /// Occurrences masked in the files.
    pub(crate) masked: usize,
    pub(crate) diagnosis: Option<&'static str>,
    pub(crate) healthy: Option<bool>,
    pub(crate) answers: Option<bool>,
    pub(crate) notes: Vec<String>,
}

impl Summary {
    pub(crate) fn verdicts(&mut self, v: &Verdicts) {
        self.diagnosis = v.diagnosis;
        self.healthy = v.healthy;
        self.answers = v.answers;
    }

    /// The document: `summary.json` in the archive; with `archive` (path and size) on stdout.
    pub(crate) fn json(&self, files: &[BundleFile], archive: Option<(&str, usize)>) -> Value {
        let mut doc = json!({
            "cluster": {"server": self.cluster, "user": self.user, "openshift": self.openshift},
            "project": self.project,
            "logs_since": self.since,
            "secrets": {
                "read": self.secrets,
                "values_masked": self.masked_values,
                "short_values_masked_after_their_key": self.short_values,
                "public_values_kept": self.public_values,
                "occurrences_masked": self.masked,
            },
            "checked_absent": "every secret value, as it is, JSON-escaped, base64 (standard and URL-safe, once and twice, at any alignment), percent-encoded and hex",
            "install": {"diagnosis": self.diagnosis, "healthy": self.healthy, "answers": self.answers},
            "limits": {
                "log_lines": super::logs::TAIL_LINES,
                "log_bytes": super::logs::MAX_LOG_BYTES,
                "logs": super::logs::MAX_LOGS,
                "objects_per_type": super::collect::MAX_ITEMS,
                "transcript_bytes": super::local::MAX_TRANSCRIPT_BYTES,
            },
            "files": files,
            "notes": self.notes,
        });
        if let Some((path, bytes)) = archive {
            doc["archive"] = json!({"path": path, "bytes": bytes, "mode": "0600"});
        }
        crate::document::success(&crate::document::GATHER, doc)
    }

    /// The text printed on stdout.
    pub(crate) fn text(&self, files: &[BundleFile], path: &str, bytes: usize) -> String {
        let mut out = format!(
            "Wrote {path} ({}, mode 0600): {} files\n",
            size(bytes),
            files.len()
        );
        out.push_str(&format!(
            "  secrets  {} Secrets read: {} values masked wherever they appear ({} times), {} short ones after their key, {} public ones (certificates, names) kept\n",
            self.secrets, self.masked_values, self.masked, self.short_values, self.public_values
        ));
        out.push_str("  checked  no secret value of the project in any file, as it is or JSON-escaped, base64, percent or hex-encoded\n");
        let yes_no = |v: Option<bool>, yes: &str, no: &str| match v {
            Some(true) => yes.to_string(),
            Some(false) => no.to_string(),
            None => "not known".to_string(),
        };
        out.push_str(&format!(
            "  install  root cause: {}; status: {}; verify: {}\n",
            self.diagnosis.unwrap_or("none found"),
            yes_no(self.healthy, "healthy", "not healthy"),
            yes_no(self.answers, "answers", "does not answer"),
        ));
        let mut folders: BTreeMap<&str, usize> = BTreeMap::new();
        for f in files {
            let folder = f.path.split_once('/').map_or(".", |(d, _)| d);
            *folders.entry(folder).or_default() += 1;
        }
        let inside: Vec<String> = folders.iter().map(|(d, n)| format!("{d}/ {n}")).collect();
        out.push_str(&format!("  inside   {}\n", inside.join(", ")));
        if !self.notes.is_empty() {
            out.push_str(&format!(
                "  notes    {} (in summary.json too):\n",
                self.notes.len()
            ));
            for n in &self.notes {
                out.push_str(&format!("    - {n}\n"));
            }
        }
        out
    }
}

fn size(bytes: usize) -> String {
    if bytes < 10 * 1024 {
        format!("{bytes} bytes")
    } else if bytes < 10 * 1024 * 1024 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{} MiB", bytes / (1024 * 1024))
    }
}
