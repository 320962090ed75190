//! The answers file (`--config FILE`): the long flag names with `_` as keys, unknown keys refused,
//! relative paths taken from the file's own folder, and no secret written inline. The structs
//! below are its schema (every key and its type, checked when it is read); the values are then
//! read by the keys `declared` gives them.

use super::declared::{self, SecretDecl};
use super::Source;
use crate::failure::{Failure, Outcome};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AnswersFile {
    oc: Option<PathBuf>,
    kubeconfig: Option<PathBuf>,
    context: Option<String>,
    oc_timeout: Option<String>,
    template: Option<String>,
    project: Option<String>,
    display_name: Option<String>,
    wildcard_domain: Option<String>,
    rwx_storage_class: Option<String>,
    registry_server: Option<String>,
    registry_username: Option<String>,
    registry_password_file: Option<PathBuf>,
    /// Refused: a password does not belong in an answers file (its value is never read).
    #[serde(default)]
    registry_password: Option<serde_yaml::Value>,
    aws_secret_access_key_file: Option<PathBuf>,
    templates_repo: Option<String>,
    templates_ref: Option<String>,
    templates_dir: Option<PathBuf>,
    #[serde(default)]
    params: BTreeMap<String, serde_yaml::Value>,
    #[serde(default)]
    param_files: BTreeMap<String, PathBuf>,
    credentials_file: Option<PathBuf>,
    show_secrets: Option<bool>,
    log_file: Option<PathBuf>,
    timeout: Option<String>,
    poll_interval: Option<String>,
    no_wait: Option<bool>,
    no_verify: Option<bool>,
    ca_file: Option<PathBuf>,
    insecure_skip_tls_verify: Option<bool>,
    #[serde(default)]
    resolve: Option<Vec<String>>,
    #[serde(default)]
    skip_checks: Option<Vec<String>>,
    strict: Option<bool>,
    allow_outside_project: Option<bool>,
    /// The `gateway` commands' own keys.
    #[serde(default)]
    gateway: Option<GatewayFile>,
    /// The values of `tenant create`.
    #[serde(default)]
    tenant: Option<TenantFile>,
    /// The values of `sso add`.
    #[serde(default)]
    sso: Option<SsoFile>,
}

/// The section `gateway:` of the answers file: `gateway add`'s flags, `_` for `-`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct GatewayFile {
    name: Option<String>,
    environment: Option<String>,
    /// `--host`, one entry per host.
    hosts: Option<Vec<String>>,
    configuration_loader: Option<String>,
    configuration_cache: Option<u32>,
    access_token_file: Option<PathBuf>,
    /// Refused: a token does not belong in an answers file (its value is never read).
    #[serde(default)]
    access_token: Option<serde_yaml::Value>,
    tenant_project: Option<String>,
    portal_context: Option<String>,
    portal_kubeconfig: Option<PathBuf>,
}

/// The `tenant:` section: `tenant create`'s values, keyed by its long flag names.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TenantFile {
    org_name: Option<String>,
    admin_username: Option<String>,
    admin_email: Option<String>,
    admin_password_file: Option<PathBuf>,
    /// Refused: a password does not belong in an answers file (its value is never read).
    #[serde(default)]
    admin_password: Option<serde_yaml::Value>,
    store_secret: Option<bool>,
    secret_name: Option<String>,
}

/// The `sso:` section: `sso add`'s values (the administrator's without `sso_`).
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct SsoFile {
    realm_url: Option<String>,
    client_id: Option<String>,
    client_secret_file: Option<PathBuf>,
    /// Refused: a client secret does not belong in an answers file (its value is never read).
    #[serde(default)]
    client_secret: Option<serde_yaml::Value>,
    name: Option<String>,
    publish: Option<bool>,
    create_client: Option<bool>,
    admin_username: Option<String>,
    admin_realm: Option<String>,
    admin_password_file: Option<PathBuf>,
    /// Refused, as the client secret.
    #[serde(default)]
    admin_password: Option<serde_yaml::Value>,
}

/// The file read, with where it is. Its values are read by their declared key.
pub(crate) struct Loaded {
    pub(crate) path: PathBuf,
    /// The document as the schema read it (every key known, every value of its type).
    values: serde_yaml::Value,
}

impl Loaded {
    /// A path from the file, taken relative to the file's folder.
    pub(crate) fn path_of(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            return p.to_path_buf();
        }
        match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(p),
            _ => p.to_path_buf(),
        }
    }

    /// The value of `key` (`section.key` in a section), when the file gives one.
    ///
    /// Panics when `T` is not the type the schema gave the key: a mistake in this program, which
    /// the declaration table's tests catch.
    pub(crate) fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let value = key
            .split('.')
            .try_fold(&self.values, |v, k| v.get(k))
            .filter(|v| !v.is_null())?;
        Some(
            serde_yaml::from_value(value.clone())
                .unwrap_or_else(|e| panic!("answers-file key `{key}` read as another type: {e}")),
        )
    }

    /// `key` of this file as a source.
    pub(crate) fn source(&self, key: &str) -> Source {
        Source::AnswersFile(self.path.clone(), key.to_string())
    }

    /// A `params.KEY` value as text; numbers and booleans as YAML writes them.
    pub(crate) fn param_text(value: &serde_yaml::Value) -> Option<String> {
        match value {
            serde_yaml::Value::String(s) => Some(s.clone()),
            serde_yaml::Value::Number(n) => Some(n.to_string()),
            serde_yaml::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// For serde's "unknown field `X`, expected one of `a`, `b`, ...": the expected key nearest to
/// X, when it is a typo away (at most two letters changed, added or removed).
fn nearest_key(error: &str) -> Option<String> {
    let (_, rest) = error.split_once("unknown field `")?;
    let (typed, rest) = rest.split_once('`')?;
    let expected = rest.split_once("expected")?.1;
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|k| (distance(typed, k), k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

/// The edit distance of two keys (Levenshtein, by bytes: keys are ASCII).
fn distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

pub(crate) fn load(path: &Path) -> Outcome<Loaded> {
    let text = super::local::read_text(path, super::local::TEXT_LIMIT).map_err(|e| {
        Failure::input(format!(
            "cannot read the answers file {}: {e}",
            path.display()
        ))
        .with_help(format!(
            "check the path given with {} or {}",
            declared::CONFIG.flag(),
            declared::CONFIG.env
        ))
    })?;
    let schema: AnswersFile = if text.trim().is_empty() {
        AnswersFile::default()
    } else {
        serde_yaml::from_str(&text).map_err(|e| {
            let e = e.to_string();
            let mut f = Failure::input(format!(
                "the answers file {} is not valid: {e}",
                path.display()
            ));
            if let Some(near) = nearest_key(&e) {
                f = f.with_help(format!("did you mean `{near}`?"));
            }
            f.with_help("every key is the long flag's name with `_` for `-` (`--wildcard-domain`: `wildcard_domain`); templates/answers.example.yaml in the project's repository documents each, and `threescale-install --help` lists the flags")
        })?
    };
    let loaded = Loaded {
        path: path.to_path_buf(),
        values: serde_yaml::to_value(&schema).map_err(|e| {
            Failure::internal(format!(
                "cannot hold the answers file {}: {e}",
                path.display()
            ))
        })?,
    };
    for s in declared::SECRETS {
        let Some(key) = s.inline_key else { continue };
        if loaded.get::<serde_yaml::Value>(key).is_some() {
            return Err(refusal(&loaded.path, key, s));
        }
    }
    Ok(loaded)
}

/// A secret written inline: refused, its value never read.
fn refusal(path: &Path, key: &str, s: &SecretDecl) -> Failure {
    let noun = s.label.rsplit(' ').next().unwrap_or(s.label);
    let mut help = format!(
        "put the {noun} in a file of its own (mode 0600) and name it with `{}`",
        s.file.key.unwrap_or_default()
    );
    match s.if_left_out {
        Some(then) => help.push_str(&format!(", set {}, or {then}", s.env)),
        None => help.push_str(&format!(", or set {}", s.env)),
    }
    Failure::input(format!(
        "the answers file {} holds `{key}`: a {noun} does not belong in an answers file",
        path.display()
    ))
    .with_help(help)
}

/// Every key the schema accepts (`section.key` in a section; a section by its name too): serde
/// hands a struct's field names to the deserializer, which stops there.
#[cfg(test)]
pub(crate) fn accepted_keys() -> Vec<String> {
    use serde::de::{self, Visitor};

    struct FieldNames<'a>(&'a mut Vec<&'static str>);

    impl<'de> de::Deserializer<'de> for FieldNames<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.extend(fields);
            Err(de::Error::custom("the fields are read"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    fn fields<'de, T: Deserialize<'de>>(prefix: &str) -> Vec<String> {
        let mut names = Vec::new();
        let _ = T::deserialize(FieldNames(&mut names));
        names.iter().map(|n| format!("{prefix}{n}")).collect()
    }
    let mut keys = fields::<AnswersFile>("");
    keys.extend(fields::<GatewayFile>("gateway."));
    keys.extend(fields::<TenantFile>("tenant."));
    keys.extend(fields::<SsoFile>("sso."));
    keys
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
        let pw: PathBuf = loaded.get("registry_password_file").unwrap();
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
        assert_eq!(
            nearest_key(
                "unknown field `wildcard_domian`, expected one of `project`, `wildcard_domain`"
            ),
            Some("wildcard_domain".into())
        );
        assert_eq!(nearest_key("unknown field `zzz`, expected `project`"), None);
        std::fs::write(
            &path,
            "gateway:\n  name: gw\n  hosts: [a.example.com]\n  configuration_cache: 120\n",
        )
        .unwrap();
        let g = load(&path).unwrap();
        assert_eq!(
            (
                g.get::<String>("gateway.name").as_deref(),
                g.get::<u32>("gateway.configuration_cache")
            ),
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
