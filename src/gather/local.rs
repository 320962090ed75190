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
            Ok(text) => bundle.add(&format!("transcripts/{name}"), &masked_params(&text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => bundle.note(&format!("transcript {}: {e}", path.display())),
        }
    }
}

/// `NAME=VALUE` with NAME a secret's (`ADMIN_PASSWORD`, `MASTER_ACCESS_TOKEN`) and VALUE not
/// masked already: masked. Transcripts written before their command line was masked may hold a
/// refused one, which is no secret of the project and so unknown to the bundle's scan.
fn masked_params(text: &str) -> String {
    let mask = crate::secrets::MASK;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let (before, after) = rest.split_at(eq);
        let name_start = before
            .rfind(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
            .map_or(0, |i| i + 1);
        let name = &before[name_start..];
        // A shell-quoted `'NAME=VALUE'` ends at its quote, spaces and all.
        let quote = before[..name_start]
            .chars()
            .last()
            .filter(|c| *c == '\'' || *c == '"');
        let value_len = after[1..]
            .find(|c: char| match quote {
                Some(q) => c == q,
                None => c.is_whitespace() || c == '\'' || c == '"',
            })
            .unwrap_or(after.len() - 1);
        let value = &after[1..1 + value_len];
        out.push_str(before);
        out.push('=');
        if !name.is_empty()
            && !value.is_empty()
            && !value.contains(mask)
            && crate::templates::params::secret_by_name(name)
        {
            out.push_str(mask);
        } else {
            out.push_str(value);
        }
        rest = &after[1 + value_len..];
    }
    out.push_str(rest);
    out
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
    fn secret_parameters_of_old_command_lines_are_masked() {
        let text = "t === threescale-install 0.1.0 (pid 1): threescale-install --param ADMIN_PASSWORD=leaky-1 -p 'MASTER_ACCESS_TOKEN=leaky 2' --param TENANT_NAME=acme\n# Parameter SYSTEM_DATABASE_URL=mysql2://u:••••••@db/x a=b\n";
        let shown = masked_params(text);
        assert!(
            !shown.contains("leaky-1") && !shown.contains("leaky"),
            "{shown}"
        );
        assert!(shown.contains("TENANT_NAME=acme"), "{shown}");
        assert!(shown.contains("mysql2://u:••••••@db/x"), "{shown}");
        assert!(shown.contains("a=b"), "{shown}");
    }

    #[test]
    fn a_long_transcript_keeps_its_last_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.log");
        std::fs::write(&path, "one\ntwo\nthree\n").unwrap();
        assert_eq!(tail(&path, 100).unwrap(), "one\ntwo\nthree\n");
        assert_eq!(tail(&path, 8).unwrap(), "three\n");
    }
}
