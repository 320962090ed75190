//! The transcript: every run appends what it did to a log file (mode 0600) — each oc command,
//! exit status, duration, what it printed when that changed or failed — with every secret known to
//! the run replaced by `<redacted:NAME>`. Output that holds secret data (secrets read as JSON,
//! processed templates) is never logged, and the wait's repeated looks log only their status.
//!
//! A run learns where its transcript goes (per cluster and project) only after it has asked the
//! cluster who and where it is, so lines are held in memory until [`Transcript::attach`].

use crate::secrets::Redactor;
use std::collections::HashMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The most of one call's output the transcript keeps.
const MAX_OUTPUT: usize = 64 * 1024;

pub(crate) struct Transcript {
    redactor: Redactor,
    sink: Mutex<Sink>,
}

#[derive(Default)]
struct Sink {
    file: Option<(PathBuf, std::fs::File)>,
    /// Lines written before the file was known.
    pending: String,
    /// A digest of the last output of each command, to log only what changed.
    last_output: HashMap<String, u64>,
}

/// What a call printed on stdout, as far as the transcript may keep it.
pub(crate) enum Output<'a> {
    Text(&'a str),
    /// Left out on purpose (repeated looks).
    Omitted,
    /// Secret data: never written.
    Secret,
}

impl Transcript {
    pub(crate) fn new(redactor: Redactor) -> Transcript {
        Transcript {
            redactor,
            sink: Mutex::new(Sink::default()),
        }
    }

    /// Opens (or creates) the file, tightens it to 0600, and writes what was held so far.
    pub(crate) fn attach(&self, path: &Path) -> Result<(), String> {
        let mut sink = self.sink.lock().unwrap_or_else(|e| e.into_inner());
        if sink.file.as_ref().is_some_and(|(p, _)| p == path) {
            return Ok(());
        }
        let file = open_private(path)?;
        sink.file = Some((path.to_path_buf(), file));
        let pending = std::mem::take(&mut sink.pending);
        if let Some((_, f)) = sink.file.as_mut() {
            let _ = f.write_all(pending.as_bytes());
        }
        Ok(())
    }

    /// Where the transcript goes, once attached.
    pub(crate) fn location(&self) -> Option<PathBuf> {
        let sink = self.sink.lock().unwrap_or_else(|e| e.into_inner());
        sink.file.as_ref().map(|(p, _)| p.clone())
    }

    fn write(&self, text: &str) {
        let text = self.redactor.redact_named(text);
        let mut sink = self.sink.lock().unwrap_or_else(|e| e.into_inner());
        match sink.file.as_mut() {
            // A transcript that cannot be written must not break the run.
            Some((_, f)) => {
                let _ = f.write_all(text.as_bytes());
            }
            None => sink.pending.push_str(&text),
        }
    }

    pub(crate) fn note(&self, text: &str) {
        self.write(&format!("{} {text}\n", utc_timestamp(SystemTime::now())));
    }

    /// One oc call (its command line already masked).
    pub(crate) fn call(
        &self,
        command: &str,
        status: &str,
        took: Duration,
        stdout: Output,
        stderr: &str,
    ) {
        let mut text = format!(
            "{} {command}\n    -> {status} in {} ms\n",
            utc_timestamp(SystemTime::now()),
            took.as_millis()
        );
        match stdout {
            Output::Text(out) if out.trim().is_empty() => {}
            Output::Text(out) => {
                let digest = digest(out);
                let changed = {
                    let mut sink = self.sink.lock().unwrap_or_else(|e| e.into_inner());
                    sink.last_output.insert(command.to_string(), digest) != Some(digest)
                };
                if changed || status != "exit 0" {
                    text.push_str(&indented("stdout", cut(out)));
                } else {
                    text.push_str(&format!(
                        "    stdout: unchanged since the last call ({} bytes)\n",
                        out.len()
                    ));
                }
            }
            Output::Omitted => {}
            Output::Secret => text.push_str("    stdout: (not logged: it holds secret data)\n"),
        }
        if !stderr.trim().is_empty() {
            text.push_str(&indented("stderr", cut(stderr)));
        }
        self.write(&text);
    }
}

/// How the first line of every run begins, after its time.
pub(crate) const RUN_MARK: &str = "=== threescale-install ";

/// Whether `text` is a transcript this program wrote (and may append to).
pub(crate) fn is_ours(text: &str) -> bool {
    text.lines()
        .next()
        .and_then(|l| l.split_once(' '))
        .is_some_and(|(_, rest)| rest.starts_with(RUN_MARK))
}

/// Opens `path` for appending with mode 0600: created so, or tightened when it exists; refused
/// when it cannot be made private.
fn open_private(path: &Path) -> Result<std::fs::File, String> {
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
        // A link is not followed: the transcript would land (and tighten) another file.
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .map_err(|e| format!("cannot open the transcript {}: {e}", path.display()))?;
    let mode = file
        .metadata()
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0);
    if mode & 0o077 != 0 {
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| {
                format!(
                    "the transcript {} can be read by others (mode {mode:o}) and cannot be made private: {e}",
                    path.display()
                )
            })?;
    }
    Ok(file)
}

fn cut(text: &str) -> &str {
    if text.len() <= MAX_OUTPUT {
        return text;
    }
    let mut end = MAX_OUTPUT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn digest(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn indented(label: &str, text: &str) -> String {
    let mut out = format!("    {label}:\n");
    for line in text.trim_end().lines() {
        out.push_str(&format!("      {line}\n"));
    }
    out
}

/// `2026-11-27T09:50:00Z`: UTC, from the civil-from-days algorithm (no time-zone database).
pub(crate) fn utc_timestamp(t: SystemTime) -> String {
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
    fn held_lines_reach_the_file_and_secrets_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let r = Redactor::default();
        r.add("REGISTRY_PASSWORD", "hunter2hunter2");
        let t = Transcript::new(r);
        t.call(
            "oc create -f -",
            "exit 0",
            Duration::from_millis(3),
            Output::Text("uses hunter2hunter2"),
            "",
        );
        t.call(
            "oc get secret x -o json",
            "exit 0",
            Duration::from_millis(3),
            Output::Secret,
            "",
        );
        let path = dir.path().join("log");
        t.attach(&path).unwrap();
        t.call(
            "oc create -f -",
            "exit 0",
            Duration::from_millis(3),
            Output::Text("uses hunter2hunter2"),
            "",
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("uses <redacted:REGISTRY_PASSWORD>") && !text.contains("hunter2"),
            "{text}"
        );
        assert!(text.contains("(not logged: it holds secret data)"));
        assert!(text.contains("unchanged since the last call"), "{text}");
    }

    #[test]
    fn an_existing_file_is_made_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log");
        std::fs::write(&path, "old\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        Transcript::new(Redactor::default()).attach(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
