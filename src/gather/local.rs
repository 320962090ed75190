//! What this machine holds of the install: the record (no secrets) and the transcripts of the
//! last runs go into the bundle; the credentials files (the install's and its tenants') are
//! read only for their secrets, so that none of them reaches the bundle.

use super::bundle::Bundle;
use super::known::Known;
use crate::record;
use crate::secrets::Redactor;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The most of a transcript a bundle keeps: its last mebibyte.
pub(crate) const MAX_TRANSCRIPT_BYTES: u64 = 1024 * 1024;

/// `install/record.yaml`, when this machine made the install.
pub(crate) fn install_record(server: &str, project: &str, bundle: &mut Bundle) {
    let Ok(path) = record::path(server, project) else {
        return;
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => bundle.add("install/record.yaml", &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bundle.note("install record: this machine has no record of an install of the project")
        }
        Err(e) => bundle.note(&format!(
            "install record: cannot read {}: {e}",
            path.display()
        )),
    }
}

/// The secrets of the credentials file and of the tenants' logins beside it.
pub(crate) fn credentials(
    path: &Path,
    server: &str,
    project: &str,
    known: &mut Known,
    redactor: &Redactor,
) -> Result<(), String> {
    for (what, value) in crate::install::credentials::file_secrets(path)? {
        known.add(&format!("credentials file {what}"), what, &value);
    }
    let store = crate::tenant::store::Store::beside(path, server, project);
    for t in store.all(redactor) {
        let what = format!("tenant {}", t.org_name);
        for (kind, secret) in [("password", &t.password), ("access token", &t.access_token)] {
            if let Some(s) = secret {
                known.add(&format!("{what} {kind}"), kind, s.expose());
            }
        }
    }
    Ok(())
}

/// `transcripts/`: the last part of each transcript of the project (this run's so far too).
pub(crate) fn transcripts(paths: &[PathBuf], bundle: &mut Bundle) {
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "transcript.log".into());
        match tail(path, MAX_TRANSCRIPT_BYTES) {
            Ok(text) => bundle.add(&format!("transcripts/{name}"), &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => bundle.note(&format!("transcript {}: {e}", path.display())),
        }
    }
}

/// The last `max` bytes of a file, from the start of a line.
fn tail(path: &Path, max: u64) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    let cut = len > max;
    if cut {
        f.seek(SeekFrom::Start(len - max))?;
    }
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(match text.find('\n') {
        Some(i) if cut => text[i + 1..].to_string(),
        _ => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_transcript_keeps_its_last_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.log");
        std::fs::write(&path, "one\ntwo\nthree\n").unwrap();
        assert_eq!(tail(&path, 100).unwrap(), "one\ntwo\nthree\n");
        assert_eq!(tail(&path, 8).unwrap(), "three\n");
    }
}
