//! The transcript: every run appends what it did to a log file (0600) in the state dir — each oc
//! argv, exit status, duration, stdout and stderr — with every secret known to the run replaced by
//! `<redacted:NAME>`. Output that holds secret data oc returned (secrets read as JSON) is not
//! logged at all.

use crate::secrets::Redactor;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub struct Transcript {
    path: PathBuf,
    file: Mutex<std::fs::File>,
    redactor: Redactor,
}

impl Transcript {
    pub fn open(path: &Path, redactor: Redactor) -> Result<Transcript, String> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| format!("cannot open the transcript {}: {e}", path.display()))?;
        Ok(Transcript {
            path: path.to_path_buf(),
            file: Mutex::new(file),
            redactor,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn write(&self, text: &str) {
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        // A transcript that cannot be written must not break the install.
        let _ = file.write_all(self.redactor.redact_named(text).as_bytes());
    }

    pub fn note(&self, text: &str) {
        self.write(&format!("{} {text}\n", utc_timestamp(SystemTime::now())));
    }

    /// One oc call. `stdout` is `None` when it held secret data and is left out.
    pub fn call(
        &self,
        argv: &str,
        status: &str,
        took: Duration,
        stdout: Option<&str>,
        stderr: &str,
    ) {
        let mut text = format!(
            "{} {argv}\n    -> {status} in {} ms\n",
            utc_timestamp(SystemTime::now()),
            took.as_millis()
        );
        match stdout {
            Some(out) if !out.trim().is_empty() => text.push_str(&indented("stdout", out)),
            Some(_) => {}
            None => text.push_str("    stdout: (not logged: it holds secret data)\n"),
        }
        if !stderr.trim().is_empty() {
            text.push_str(&indented("stderr", stderr));
        }
        self.write(&text);
    }
}

fn indented(label: &str, text: &str) -> String {
    let mut out = format!("    {label}:\n");
    for line in text.trim_end().lines() {
        out.push_str(&format!("      {line}\n"));
    }
    out
}

/// `2026-11-27T09:50:00Z`: UTC, from the civil-from-days algorithm (no time-zone database).
pub fn utc_timestamp(t: SystemTime) -> String {
    let secs = t
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_calendar_dates() {
        assert_eq!(utc_timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        assert_eq!(
            utc_timestamp(UNIX_EPOCH + Duration::from_secs(1_795_767_000)),
            "2026-11-27T08:10:00Z"
        );
        assert_eq!(
            utc_timestamp(UNIX_EPOCH + Duration::from_secs(951_782_400)),
            "2000-02-29T00:00:00Z"
        );
    }

    #[test]
    fn secrets_are_named_and_secret_output_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let r = Redactor::default();
        r.add_named("REGISTRY_PASSWORD", "hunter2");
        let t = Transcript::open(&dir.path().join("log"), r).unwrap();
        t.call(
            "oc create -f -",
            "exit 0",
            Duration::from_millis(3),
            Some("uses hunter2"),
            "",
        );
        t.call(
            "oc get secret x -o json",
            "exit 0",
            Duration::from_millis(3),
            None,
            "",
        );
        let text = std::fs::read_to_string(dir.path().join("log")).unwrap();
        assert!(
            text.contains("uses <redacted:REGISTRY_PASSWORD>") && !text.contains("hunter2"),
            "{text}"
        );
        assert!(text.contains("(not logged: it holds secret data)"));
    }
}
