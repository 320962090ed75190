//! The tenants' logins on this machine: one YAML file per tenant, mode 0600, written whole, in
//! `tenants/` beside the install's credentials file. A signup's access token is handed out once,
//! so it is written the moment it arrives; the password of a signup is written before the
//! signup is sent (a file without a tenant id), so that a lost answer loses no password.

use crate::paths;
use crate::secrets::{Redactor, Secret};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A tenant's login as kept on this machine.
#[derive(Debug, Clone)]
pub(crate) struct StoredTenant {
    pub(crate) cluster: String,
    pub(crate) project: String,
    pub(crate) org_name: String,
    /// `None`: the signup was about to be sent, and its answer never came.
    pub(crate) tenant_id: Option<u64>,
    pub(crate) admin_portal: Option<String>,
    pub(crate) developer_portal: Option<String>,
    pub(crate) user: String,
    pub(crate) email: String,
    pub(crate) password: Option<Secret>,
    pub(crate) access_token: Option<Secret>,
    /// The Secret of the install's project that holds `adminURL` and `token`, when written.
    pub(crate) secret: Option<String>,
}

/// The file's layout; field order is the order written.
#[derive(Serialize, Deserialize)]
struct TenantFile {
    cluster: String,
    project: String,
    org_name: String,
    #[serde(default)]
    tenant_id: Option<u64>,
    #[serde(default)]
    admin_portal: Option<String>,
    #[serde(default)]
    developer_portal: Option<String>,
    admin: Login,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Login {
    user: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    access_token: Option<String>,
}

impl StoredTenant {
    /// The admin portal's host, from its URL.
    pub(crate) fn admin_host(&self) -> Option<&str> {
        self.admin_portal
            .as_deref()
            .map(|u| u.trim_start_matches("https://"))
    }

    /// The file name: the subdomain once the tenant exists, else one derived from the
    /// organization name.
    fn file_name(&self) -> String {
        match (self.tenant_id, self.admin_host()) {
            (Some(_), Some(host)) => {
                let label = host.split('.').next().unwrap_or(host);
                format!("{}.yaml", label.trim_end_matches("-admin"))
            }
            (Some(id), None) => format!("tenant-{id}.yaml"),
            _ => pending_name(&self.org_name),
        }
    }

    fn register(&self, redactor: &Redactor) {
        let what = format!("tenant {}", self.org_name);
        if let Some(p) = &self.password {
            redactor.add_secret(&format!("admin password of {what}"), p);
        }
        if let Some(t) = &self.access_token {
            redactor.add_secret(&format!("access token of {what}"), t);
        }
    }
}

fn pending_name(org_name: &str) -> String {
    let slug = crate::names::parameterize(org_name);
    let slug: String = slug.chars().take(40).collect();
    format!(
        "pending-{slug}-{}.yaml",
        paths::stable_hash(org_name.trim())
    )
}

/// Where the logins of one install's tenants are.
#[derive(Debug, Clone)]
pub(crate) struct Store {
    dir: PathBuf,
    cluster: String,
    project: String,
}

impl Store {
    /// `tenants/` beside `credentials_file` (the install's, default or given).
    pub(crate) fn beside(credentials_file: &Path, cluster: &str, project: &str) -> Store {
        let dir = credentials_file
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join("tenants");
        Store {
            dir,
            cluster: cluster.to_string(),
            project: project.to_string(),
        }
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// The path a tenant's login is (or would be) kept at.
    pub(crate) fn path_of(&self, t: &StoredTenant) -> PathBuf {
        self.dir.join(t.file_name())
    }

    /// Every login kept for this install, each secret registered with the redactor. Files of
    /// other installs (a custom credentials file shared by several) and unreadable ones are
    /// left out.
    pub(crate) fn all(&self, redactor: &Redactor) -> Vec<StoredTenant> {
        let mut out: Vec<(PathBuf, StoredTenant)> = std::fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .filter_map(|p| {
                let text = std::fs::read_to_string(&p).ok()?;
                let f: TenantFile = serde_yaml::from_str(&text).ok()?;
                Some((p, from_file(f)))
            })
            .filter(|(_, t)| t.cluster == self.cluster && t.project == self.project)
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, t) in &out {
            t.register(redactor);
        }
        out.into_iter().map(|(_, t)| t).collect()
    }

    /// A new login for this install (not written yet).
    pub(crate) fn login(&self, org_name: &str, user: &str, email: &str) -> StoredTenant {
        StoredTenant {
            cluster: self.cluster.clone(),
            project: self.project.clone(),
            org_name: org_name.to_string(),
            tenant_id: None,
            admin_portal: None,
            developer_portal: None,
            user: user.to_string(),
            email: email.to_string(),
            password: None,
            access_token: None,
            secret: None,
        }
    }

    /// Writes a login through a 0600 temporary file renamed into place; the pending file of
    /// the same organization is removed once the tenant has an id.
    pub(crate) fn write(&self, t: &StoredTenant) -> Result<PathBuf, String> {
        let body = TenantFile {
            cluster: t.cluster.clone(),
            project: t.project.clone(),
            org_name: t.org_name.clone(),
            tenant_id: t.tenant_id,
            admin_portal: t.admin_portal.clone(),
            developer_portal: t.developer_portal.clone(),
            admin: Login {
                user: t.user.clone(),
                email: t.email.clone(),
                password: t.password.as_ref().map(|p| p.expose().to_string()),
                access_token: t.access_token.as_ref().map(|p| p.expose().to_string()),
            },
            secret: t.secret.clone(),
        };
        let yaml = serde_yaml::to_string(&body)
            .map_err(|e| format!("cannot render the tenant's login: {e}"))?;
        let text = format!(
            "# The login of 3scale tenant {:?}, written by threescale-install. Keep this file private.\n{yaml}",
            t.org_name
        );
        let path = self.path_of(t);
        crate::atomic_file::write(&path, text.as_bytes(), 0o600)?;
        if t.tenant_id.is_some() {
            self.remove_pending(&t.org_name)?;
        }
        Ok(path)
    }

    /// Removes the login of a tenant (and a pending one of its organization).
    pub(crate) fn remove(&self, t: &StoredTenant) -> Result<Option<PathBuf>, String> {
        self.remove_pending(&t.org_name)?;
        let path = self.path_of(t);
        match std::fs::remove_file(&path) {
            Ok(()) => {
                let _ = std::fs::remove_dir(&self.dir);
                Ok(Some(path))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot remove {}: {e}", path.display())),
        }
    }

    fn remove_pending(&self, org_name: &str) -> Result<(), String> {
        let path = self.dir.join(pending_name(org_name));
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(format!("cannot remove {}: {e}", path.display())),
        }
    }
}

fn from_file(f: TenantFile) -> StoredTenant {
    StoredTenant {
        cluster: f.cluster,
        project: f.project,
        org_name: f.org_name,
        tenant_id: f.tenant_id,
        admin_portal: f.admin_portal,
        developer_portal: f.developer_portal,
        user: f.admin.user,
        email: f.admin.email,
        password: f.admin.password.filter(|p| !p.is_empty()).map(Secret::new),
        access_token: f
            .admin
            .access_token
            .filter(|p| !p.is_empty())
            .map(Secret::new),
        secret: f.secret,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_pending_login_becomes_the_tenants_and_files_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::beside(
            &dir.path().join("credentials.yaml"),
            "https://api:6443",
            "p",
        );
        let redactor = Redactor::default();
        let mut t = store.login("ACME Corp", "acme-admin", "ops@acme.example");
        t.password = Some(Secret::new("pw-123456789"));
        let pending = store.write(&t).unwrap();
        assert!(pending
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("pending-acme-corp-"));
        assert_eq!(
            std::fs::metadata(&pending).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let read = store.all(&redactor);
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].tenant_id, None);
        assert_eq!(read[0].password.as_ref().unwrap().expose(), "pw-123456789");
        assert_eq!(redactor.redact("x pw-123456789"), "x ••••••");

        t.tenant_id = Some(4);
        t.admin_portal = Some("https://acme-corp-admin.apps.x".into());
        t.access_token = Some(Secret::new("0123456789abcdef"));
        let path = store.write(&t).unwrap();
        assert_eq!(path, dir.path().join("tenants/acme-corp.yaml"));
        assert!(!pending.exists(), "the pending file is gone");
        let all = store.all(&redactor);
        assert_eq!(all.len(), 1);
        assert_eq!(
            all[0].access_token.as_ref().unwrap().expose(),
            "0123456789abcdef"
        );

        // Another install's files in the same folder are not this one's.
        let other = Store::beside(
            &dir.path().join("credentials.yaml"),
            "https://api:6443",
            "q",
        );
        assert!(other.all(&redactor).is_empty());

        assert_eq!(store.remove(&all[0]).unwrap(), Some(path.clone()));
        assert!(!path.exists());
        assert_eq!(store.remove(&all[0]).unwrap(), None);
    }
}
