//! The install record: the non-secret answers of the last install of a project on a cluster,
//! kept in the state dir. `status`, `credentials` and `uninstall` read it; it never holds a secret.

use crate::paths;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub(crate) const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct InstallRecord {
    pub(crate) schema_version: u32,
    pub(crate) cluster: String,
    pub(crate) project: String,
    pub(crate) profile: String,
    pub(crate) template_file: String,
    pub(crate) templates: String,
    pub(crate) commit: Option<String>,
    pub(crate) wildcard_domain: String,
    pub(crate) rwx_storage_class: Option<String>,
    pub(crate) registry_server: String,
    pub(crate) registry_username: String,
    #[serde(default)]
    pub(crate) display_name: Option<String>,
    /// Parameters given, never a secret: secret ones are listed by name with no value (`null`).
    pub(crate) params: Vec<(String, Option<String>)>,
    #[serde(default)]
    pub(crate) skipped_checks: Vec<String>,
    /// Where the last run got to: "changing the cluster", "waiting", "installed".
    #[serde(default)]
    pub(crate) stage: String,
}

pub(crate) const INSTALLED: &str = "installed";
/// The stage of a run that stopped while it changed the cluster.
pub(crate) const CHANGING: &str = "changing the cluster";
/// The stage of a record written before any change: the answers so far, for the next run.
pub(crate) const ANSWERED: &str = "answering the questions (nothing was changed)";

pub(crate) fn path(server: &str, project: &str) -> Result<PathBuf, String> {
    Ok(paths::project_state_dir(server, project)?.join("install.yaml"))
}

pub(crate) fn default_credentials_path(server: &str, project: &str) -> Result<PathBuf, String> {
    Ok(paths::project_state_dir(server, project)?.join("credentials.yaml"))
}

/// The transcript of the runs on a project of a cluster.
pub(crate) fn default_transcript_path(server: &str, project: &str) -> Result<PathBuf, String> {
    Ok(paths::project_state_dir(server, project)?.join("transcript.log"))
}

impl InstallRecord {
    /// The non-secret parameter values, for the next run.
    pub(crate) fn plain_params(&self) -> impl Iterator<Item = (&String, &String)> {
        self.params
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
    }

    pub(crate) fn load(server: &str, project: &str) -> Option<InstallRecord> {
        let text = std::fs::read_to_string(path(server, project).ok()?).ok()?;
        serde_yaml::from_str(&text).ok()
    }

    pub(crate) fn save(&self) -> Result<(), String> {
        let text = serde_yaml::to_string(self)
            .map_err(|e| format!("cannot render the install record: {e}"))?;
        let text = format!(
            "# threescale-install record of the install of {} on {}; no secrets.\n{text}",
            self.project, self.cluster
        );
        crate::atomic_file::write(&path(&self.cluster, &self.project)?, text.as_bytes(), 0o600)
    }
}

/// The records of this cluster whose install did not finish.
pub(crate) fn unfinished(server: &str) -> Vec<InstallRecord> {
    let Ok(dir) = paths::state_dir().map(|d| d.join(paths::slug(server))) else {
        return Vec::new();
    };
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| InstallRecord::load(server, &e.file_name().to_string_lossy()))
        .filter(|r| r.stage != INSTALLED)
        .collect()
}

/// Removes the record (and its directory when empty).
pub(crate) fn remove(server: &str, project: &str) -> Result<(), String> {
    let p = path(server, project)?;
    match std::fs::remove_file(&p) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot remove {}: {e}", p.display())),
    }
    if let Some(dir) = p.parent() {
        let _ = std::fs::remove_dir(dir);
    }
    Ok(())
}
