//! Credentials: read `secret/system-seed` (the reliable source, also on re-runs), write them to a
//! 0600 YAML file atomically, and print the summary.

use crate::engine::kube::{self, SecretObject};
use crate::engine::observe::read_failure;
use crate::failure::{Failure, FailureKind, Outcome};
use crate::oc::Oc;
use crate::secrets::Redactor;
use crate::secrets::{Secret, MASK};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub(crate) const SEED_SECRET: &str = "system-seed";

/// How every credentials file this program writes begins.
const HEADER: &str = "# 3scale API Management logins, written by threescale-install.";

/// Whether `text` is a credentials file this program wrote (and may write again).
pub(crate) fn is_ours(text: &str) -> bool {
    text.starts_with(HEADER)
}

#[derive(Debug, Clone)]
pub(crate) struct Credentials {
    pub(crate) tenant_name: String,
    pub(crate) master_name: String,
    pub(crate) admin_user: String,
    pub(crate) admin_password: Secret,
    pub(crate) admin_access_token: Secret,
    pub(crate) admin_email: String,
    pub(crate) master_user: String,
    pub(crate) master_password: Secret,
    pub(crate) master_access_token: Secret,
}

/// The file's layout. Field order is the order written.
#[derive(Serialize)]
struct CredentialsFile<'a> {
    cluster: &'a str,
    project: &'a str,
    admin_portal: String,
    developer_portal: String,
    master_portal: String,
    admin: Login<'a>,
    master: Login<'a>,
}

#[derive(Serialize)]
struct Login<'a> {
    user: &'a str,
    password: &'a str,
    access_token: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
}

impl Credentials {
    pub(crate) fn admin_portal(&self, domain: &str) -> String {
        format!("https://{}-admin.{domain}", self.tenant_name)
    }
    pub(crate) fn developer_portal(&self, domain: &str) -> String {
        format!("https://{}.{domain}", self.tenant_name)
    }
    pub(crate) fn master_portal(&self, domain: &str) -> String {
        format!("https://{}.{domain}", self.master_name)
    }
}

fn decode(seed: &SecretObject) -> Result<Credentials, String> {
    let field = |key: &str| -> Result<String, String> {
        seed.value(key)
            .ok_or_else(|| format!("{SEED_SECRET} has no key {key}"))?
            .map_err(|e| format!("{SEED_SECRET} {e}"))
    };
    Ok(Credentials {
        tenant_name: field("TENANT_NAME")?,
        master_name: field("MASTER_DOMAIN")?,
        admin_user: field("ADMIN_USER")?,
        admin_password: Secret::new(field("ADMIN_PASSWORD")?),
        admin_access_token: Secret::new(field("ADMIN_ACCESS_TOKEN")?),
        admin_email: field("ADMIN_EMAIL").unwrap_or_default(),
        master_user: field("MASTER_USER")?,
        master_password: Secret::new(field("MASTER_PASSWORD")?),
        master_access_token: Secret::new(field("MASTER_ACCESS_TOKEN")?),
    })
}

/// The logins of the install in `project`, read from secret `system-seed` (never logged), each
/// secret registered with the redactor.
pub(crate) fn read(oc: &Oc, project: &str, redactor: &Redactor) -> Outcome<Credentials> {
    let seed: SecretObject = oc
        .get_secret(SEED_SECRET, project)
        .map_err(|e| read_failure(&format!("read secret {SEED_SECRET}"), e))?
        .ok_or_else(|| {
            Failure::new(
                FailureKind::Cluster,
                anyhow::anyhow!("project {project} has no secret {SEED_SECRET}"),
            )
            .with_help("the install is incomplete: run the install again to create what is missing")
        })?;
    let creds =
        decode(&seed).map_err(|e| Failure::new(FailureKind::Cluster, anyhow::anyhow!("{e}")))?;
    creds.register(redactor);
    Ok(creds)
}

/// The logins from a `system-seed` object already read.
pub(crate) fn from_object(
    seed: &serde_json::Value,
    redactor: &Redactor,
) -> Result<Credentials, String> {
    let creds = decode(&kube::parse::<SecretObject>(seed))?;
    creds.register(redactor);
    Ok(creds)
}

impl Credentials {
    fn register(&self, redactor: &Redactor) {
        for (name, s) in [
            ("ADMIN_PASSWORD", &self.admin_password),
            ("ADMIN_ACCESS_TOKEN", &self.admin_access_token),
            ("MASTER_PASSWORD", &self.master_password),
            ("MASTER_ACCESS_TOKEN", &self.master_access_token),
        ] {
            redactor.add_secret(name, s);
        }
    }
}

/// Writes the file through a 0600 temporary file renamed into place: a reader never sees half a
/// file, and an existing file's mode is never loosened (only tightened to at most 0600).
pub(crate) fn write_file(
    path: &Path,
    cluster: &str,
    project: &str,
    domain: &str,
    c: &Credentials,
) -> Result<(), String> {
    let body = CredentialsFile {
        cluster,
        project,
        admin_portal: c.admin_portal(domain),
        developer_portal: c.developer_portal(domain),
        master_portal: c.master_portal(domain),
        admin: Login {
            user: &c.admin_user,
            password: c.admin_password.expose(),
            access_token: c.admin_access_token.expose(),
            email: Some(c.admin_email.as_str()).filter(|e| !e.is_empty()),
        },
        master: Login {
            user: &c.master_user,
            password: c.master_password.expose(),
            access_token: c.master_access_token.expose(),
            email: None,
        },
    };
    let yaml =
        serde_yaml::to_string(&body).map_err(|e| format!("cannot render the credentials: {e}"))?;
    let text = format!("{HEADER} Keep this file private.\n{yaml}");

    crate::atomic_file::write(path, text.as_bytes(), 0o600)
}

/// The passwords and tokens of a credentials file, each with what it is: what a support bundle
/// must not hold. No file, no secrets.
pub(crate) fn file_secrets(path: &Path) -> Result<Vec<(&'static str, String)>, String> {
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Stored {
        admin: StoredLogin,
        master: StoredLogin,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct StoredLogin {
        password: Option<String>,
        access_token: Option<String>,
    }
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let stored: Stored = serde_yaml::from_str(&text)
        .map_err(|e| format!("{} is not a credentials file: {e}", path.display()))?;
    Ok([
        ("admin password", stored.admin.password),
        ("admin access token", stored.admin.access_token),
        ("master password", stored.master.password),
        ("master access token", stored.master.access_token),
    ]
    .into_iter()
    .filter_map(|(what, v)| Some((what, v?)))
    .collect())
}

/// The credentials as the JSON result of `install` and `credentials`; secrets only when shown.
pub(crate) fn json(
    cluster: &str,
    project: &str,
    domain: &str,
    c: &Credentials,
    show_secrets: bool,
) -> serde_json::Value {
    let secret = |s: &Secret| {
        if show_secrets {
            serde_json::json!(s.expose())
        } else {
            serde_json::Value::Null
        }
    };
    serde_json::json!({
        "schema_version": 1,
        "cluster": cluster,
        "project": project,
        "tenant": c.tenant_name,
        "admin_portal": c.admin_portal(domain),
        "developer_portal": c.developer_portal(domain),
        "master_portal": c.master_portal(domain),
        "admin": {"user": c.admin_user, "email": c.admin_email, "password": secret(&c.admin_password), "access_token": secret(&c.admin_access_token)},
        "master": {"user": c.master_user, "password": secret(&c.master_password), "access_token": secret(&c.master_access_token)},
        "secrets_shown": show_secrets,
    })
}

/// The summary printed on stdout. `state` says what happened ("installed", "created").
pub(crate) fn summary(
    project: &str,
    domain: &str,
    c: &Credentials,
    file: Option<&Path>,
    show_secrets: bool,
    state: &str,
) -> String {
    let secret = |s: &Secret| {
        if show_secrets {
            s.expose().to_string()
        } else {
            MASK.to_string()
        }
    };
    let mut out = format!("3scale API Management is {state} in project {project}.\n\n");
    out.push_str(&format!("  Admin portal      {}\n", c.admin_portal(domain)));
    out.push_str(&format!(
        "  Developer portal  {}\n",
        c.developer_portal(domain)
    ));
    out.push_str(&format!(
        "  Master portal     {}\n\n",
        c.master_portal(domain)
    ));
    out.push_str(&format!("  Admin user        {}\n", c.admin_user));
    out.push_str(&format!(
        "  Admin password    {}\n",
        secret(&c.admin_password)
    ));
    out.push_str(&format!(
        "  Admin token       {}\n",
        secret(&c.admin_access_token)
    ));
    out.push_str(&format!("  Master user       {}\n", c.master_user));
    out.push_str(&format!(
        "  Master password   {}\n",
        secret(&c.master_password)
    ));
    out.push_str(&format!(
        "  Master token      {}\n\n",
        secret(&c.master_access_token)
    ));
    match file {
        Some(f) => out.push_str(&format!(
            "  Credentials file  {} (mode 0600)\n",
            f.display()
        )),
        None => out.push_str(
            "  Credentials file  none on this machine (the install was made elsewhere)\n",
        ),
    }
    if !show_secrets {
        // Shown only when asked: a terminal is often shared, recorded or scrolled back.
        out.push_str(if file.is_some() {
            "  Passwords and tokens are hidden: they are in the credentials file, and\n  `threescale-install credentials --show-secrets` prints them.\n"
        } else {
            "  Passwords and tokens are hidden: `threescale-install credentials --show-secrets` prints them.\n"
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn creds() -> Credentials {
        Credentials {
            tenant_name: "3scale".into(),
            master_name: "master".into(),
            admin_user: "admin".into(),
            admin_password: Secret::new("adminpw1"),
            admin_access_token: Secret::new("tok"),
            admin_email: String::new(),
            master_user: "master".into(),
            master_password: Secret::new("masterpw"),
            master_access_token: Secret::new("mtok"),
        }
    }

    #[test]
    fn the_secrets_of_a_written_file_are_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creds.yaml");
        assert_eq!(file_secrets(&path), Ok(Vec::new()));
        write_file(&path, "https://api", "p", "apps.x", &creds()).unwrap();
        let values: Vec<String> = file_secrets(&path)
            .unwrap()
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert_eq!(values, ["adminpw1", "tok", "masterpw", "mtok"]);
    }

    #[test]
    fn file_is_0600_and_never_loosened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/creds.yaml");
        write_file(&path, "https://api", "p", "apps.x", &creds()).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("admin_portal: https://3scale-admin.apps.x"),
            "{text}"
        );
        assert!(text.contains("password: adminpw1"));

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
        write_file(&path, "https://api", "p", "apps.x", &creds()).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o400
        );

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_file(&path, "https://api", "p", "apps.x", &creds()).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn summary_masks_secrets_unless_asked() {
        let s = summary(
            "p",
            "apps.x",
            &creds(),
            Some(Path::new("/f")),
            false,
            "installed",
        );
        assert!(!s.contains("adminpw1") && s.contains("https://master.apps.x"));
        assert!(summary("p", "apps.x", &creds(), None, true, "installed").contains("adminpw1"));
    }
}
