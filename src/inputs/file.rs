//! The answers file (`--config FILE`): the long flag names with `_` as keys, unknown keys refused,
//! relative paths taken from the file's own folder, and no secret written inline.

use crate::failure::{Failure, Outcome};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    pub oc: Option<PathBuf>,
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
    pub oc_timeout: Option<String>,
    pub template: Option<String>,
    pub project: Option<String>,
    pub display_name: Option<String>,
    pub wildcard_domain: Option<String>,
    pub rwx_storage_class: Option<String>,
    pub registry_server: Option<String>,
    pub registry_username: Option<String>,
    pub registry_password_file: Option<PathBuf>,
    /// Refused: a password does not belong in an answers file (its value is never read).
    #[serde(default)]
    registry_password: Option<serde_yaml::Value>,
    pub aws_secret_access_key_file: Option<PathBuf>,
    pub templates_repo: Option<String>,
    pub templates_ref: Option<String>,
    pub templates_dir: Option<PathBuf>,
    #[serde(default)]
    pub params: BTreeMap<String, serde_yaml::Value>,
    #[serde(default)]
    pub param_files: BTreeMap<String, PathBuf>,
    pub credentials_file: Option<PathBuf>,
    pub show_secrets: Option<bool>,
    pub log_file: Option<PathBuf>,
    pub timeout: Option<String>,
    pub poll_interval: Option<String>,
    pub no_wait: Option<bool>,
    pub no_verify: Option<bool>,
    pub ca_file: Option<PathBuf>,
    pub insecure_skip_tls_verify: Option<bool>,
    #[serde(default)]
    pub resolve: Option<Vec<String>>,
    #[serde(default)]
    pub skip_checks: Option<Vec<String>>,
    pub strict: Option<bool>,
    /// The `gateway` commands' own keys.
    #[serde(default)]
    pub gateway: Option<GatewayFile>,
    /// The values of `tenant create`.
    #[serde(default)]
    pub tenant: Option<TenantFile>,
}

/// The section `gateway:` of the answers file: `gateway add`'s flags, `_` for `-`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatewayFile {
    pub name: Option<String>,
    pub environment: Option<String>,
    /// `--host`, one entry per host.
    pub hosts: Option<Vec<String>>,
    pub configuration_loader: Option<String>,
    pub configuration_cache: Option<u32>,
    pub access_token_file: Option<PathBuf>,
    /// Refused: a token does not belong in an answers file (its value is never read).
    #[serde(default)]
    access_token: Option<serde_yaml::Value>,
    pub tenant_project: Option<String>,
    pub portal_context: Option<String>,
    pub portal_kubeconfig: Option<PathBuf>,
}

/// The `tenant:` section: `tenant create`'s values, keyed by its long flag names.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantFile {
    pub org_name: Option<String>,
    pub admin_username: Option<String>,
    pub admin_email: Option<String>,
    pub admin_password_file: Option<PathBuf>,
    /// Refused: a password does not belong in an answers file (its value is never read).
    #[serde(default)]
    admin_password: Option<serde_yaml::Value>,
    pub store_secret: Option<bool>,
    pub secret_name: Option<String>,
}

/// The file read, with where it is.
pub struct Loaded {
    pub path: PathBuf,
    pub file: AnswersFile,
}

impl Loaded {
    /// A path from the file, taken relative to the file's folder.
    pub fn path_of(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            return p.to_path_buf();
        }
        match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(p),
            _ => p.to_path_buf(),
        }
    }

    /// A `params.KEY` value as text; numbers and booleans as YAML writes them.
    pub fn param_text(value: &serde_yaml::Value) -> Option<String> {
        match value {
            serde_yaml::Value::String(s) => Some(s.clone()),
            serde_yaml::Value::Number(n) => Some(n.to_string()),
            serde_yaml::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

pub fn load(path: &Path) -> Outcome<Loaded> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::input(format!(
            "cannot read the answers file {}: {e}",
            path.display()
        ))
        .with_help("check the path given with --config or THREESCALE_CONFIG")
    })?;
    let file: AnswersFile = if text.trim().is_empty() {
        AnswersFile::default()
    } else {
        serde_yaml::from_str(&text).map_err(|e| {
            let hint = match e.to_string() {
                m if m.contains("unknown field `registry_password`") => {
                    "the registry password does not belong in the answers file: name a file holding it with `registry_password_file`".to_string()
                }
                _ => "templates/answers.example.yaml in the project documents every key".to_string(),
            };
            Failure::input(format!(
                "the answers file {} is not valid: {e}",
                path.display()
            ))
            .with_help(hint)
        })?
    };
    if file.registry_password.is_some() {
        return Err(Failure::input(format!(
            "the answers file {} holds `registry_password`: a password does not belong in an answers file",
            path.display()
        ))
        .with_help("put the password in a file of its own (mode 0600) and name it with `registry_password_file`, or set THREESCALE_REGISTRY_PASSWORD"));
    }
    if file
        .gateway
        .as_ref()
        .is_some_and(|g| g.access_token.is_some())
    {
        return Err(Failure::input(format!(
            "the answers file {} holds `gateway.access_token`: a token does not belong in an answers file",
            path.display()
        ))
        .with_help("put the token in a file of its own (mode 0600) and name it with `gateway.access_token_file`, or set THREESCALE_ACCESS_TOKEN"));
    }
    if file
        .tenant
        .as_ref()
        .is_some_and(|t| t.admin_password.is_some())
    {
        return Err(Failure::input(format!(
            "the answers file {} holds `tenant.admin_password`: a password does not belong in an answers file",
            path.display()
        ))
        .with_help("put the password in a file of its own (mode 0600) and name it with `tenant.admin_password_file`, set THREESCALE_TENANT_ADMIN_PASSWORD, or leave it out to have a strong one generated"));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        file,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_taken_from_the_files_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.yaml");
        std::fs::write(&path, "registry_password_file: pw\ntemplates_dir: /abs\n").unwrap();
        let loaded = load(&path).unwrap();
        let pw = loaded.file.registry_password_file.clone().unwrap();
        assert_eq!(loaded.path_of(&pw), dir.path().join("pw"));
        assert_eq!(loaded.path_of(Path::new("/abs")), PathBuf::from("/abs"));
    }

    #[test]
    fn an_inline_gateway_token_is_refused_and_gateway_keys_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "gateway:\n  access_token: tok-hunter2\n").unwrap();
        let err = load(&path).err().unwrap().to_string();
        assert!(err.contains("gateway.access_token"), "{err}");
        assert!(!err.contains("hunter2"));
        std::fs::write(&path, "gateway:\n  hostz: [a.example.com]\n").unwrap();
        let err = load(&path).err().unwrap().to_string();
        assert!(err.contains("unknown field `hostz`"), "{err}");
        std::fs::write(
            &path,
            "gateway:\n  name: gw\n  hosts: [a.example.com]\n  configuration_cache: 120\n",
        )
        .unwrap();
        let g = load(&path).unwrap().file.gateway.unwrap();
        assert_eq!(
            (g.name.as_deref(), g.configuration_cache),
            (Some("gw"), Some(120))
        );
    }

    #[test]
    fn an_inline_password_is_refused_with_the_key_to_use() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "registry_password: hunter2\n").unwrap();
        let err = load(&path).err().unwrap();
        assert!(err.to_string().contains("registry_password_file"), "{err}");
        assert!(!err.to_string().contains("hunter2"));
    }
}
