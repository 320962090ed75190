//! `Answers`: every value an install needs, merged once from flags, environment and the answers
//! file, and validated. Nothing downstream sees clap types.

use crate::cli::{
    Format, InstallCommand, ProjectCommand, DEFAULT_TEMPLATES_REF, DEFAULT_TEMPLATES_REPO,
};
use crate::failure::{Failure, Outcome};
use crate::names;
use crate::secrets::Secret;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

pub const DEFAULT_PROJECT: &str = "3scale-apim";
pub const DEFAULT_DISPLAY_NAME: &str = "3Scale API Management";
pub const DEFAULT_REGISTRY: &str = "registry.redhat.io";
pub const PASSWORD_ENV: &str = "THREESCALE_REGISTRY_PASSWORD";
pub const AWS_SECRET_ENV: &str = "AWS_SECRET_ACCESS_KEY";
pub const AWS_KEY_ID_ENV: &str = "AWS_ACCESS_KEY_ID";

/// The secrets and credentials read from the environment (not through clap: they are not flags).
#[derive(Debug, Default, Clone)]
pub struct SecretEnv {
    pub registry_password: Option<String>,
    pub aws_secret_access_key: Option<String>,
    pub aws_access_key_id: Option<String>,
}

impl SecretEnv {
    pub fn from_process() -> SecretEnv {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        SecretEnv {
            registry_password: var(PASSWORD_ENV),
            aws_secret_access_key: var(AWS_SECRET_ENV),
            aws_access_key_id: var(AWS_KEY_ID_ENV),
        }
    }
}

/// A value the wizard can ask for; `Answers::open` lists those no input gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Templates,
    Profile,
    Project,
    DisplayName,
    StorageClass,
    WildcardDomain,
    RegistryServer,
    RegistryUsername,
    RegistryPassword,
    Params,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Templates => "Templates",
            Field::Profile => "Install profile",
            Field::Project => "Project",
            Field::DisplayName => "Display name",
            Field::StorageClass => "RWX storage class",
            Field::WildcardDomain => "Wildcard domain",
            Field::RegistryServer => "Registry server",
            Field::RegistryUsername => "Registry username",
            Field::RegistryPassword => "Registry password",
            Field::Params => "Template parameters",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Answers {
    pub yes: bool,
    pub no_input: bool,
    pub confirm_password: bool,
    /// Values no flag, environment variable or answers-file key gave: the wizard asks these.
    pub open: Vec<Field>,
    /// Install profile: a file stem of the checkout's `amp/` directory, or a path.
    pub template: Option<String>,
    pub verbose: bool,
    pub quiet: bool,
    pub oc: Option<PathBuf>,
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
    pub project: String,
    pub display_name: String,
    /// `None` until given or discovered on the cluster.
    pub wildcard_domain: Option<String>,
    pub rwx_storage_class: Option<String>,
    pub registry_server: String,
    pub registry_username: Option<String>,
    pub registry_password: Option<Secret>,
    pub templates: TemplatesSource,
    /// Template parameters in the order given; later entries win.
    pub params: Vec<(String, String)>,
    pub credentials_file: Option<PathBuf>,
    pub show_secrets: bool,
    pub format: Format,
    /// Preflight checks whose failure is only a warning (`--skip-check`).
    pub skip_checks: Vec<String>,
    /// Sizing shortfalls are failures (`--strict`).
    pub strict: bool,
    pub timing: crate::oc::Timing,
    pub poll_interval: std::time::Duration,
    pub wait: bool,
    pub timeout: std::time::Duration,
    pub log_file: Option<PathBuf>,
    /// AWS_SECRET_ACCESS_KEY for the S3 profile: environment, file or stdin, never a flag value.
    pub aws_secret_access_key: Option<Secret>,
    /// AWS_ACCESS_KEY_ID from the environment, used when no parameter gives it.
    pub aws_access_key_id_env: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplatesSource {
    Git { repo: String, git_ref: String },
    Dir(PathBuf),
}

/// `URL at REF`, or the directory: how summaries, plans and the install record show it.
impl std::fmt::Display for TemplatesSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplatesSource::Git { repo, git_ref } => write!(f, "{repo} at {git_ref}"),
            TemplatesSource::Dir(d) => write!(f, "{}", d.display()),
        }
    }
}

/// The answers file. Keys are the long flag names with `_`; unknown keys are errors.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswersFile {
    oc: Option<PathBuf>,
    kubeconfig: Option<PathBuf>,
    context: Option<String>,
    template: Option<String>,
    project: Option<String>,
    display_name: Option<String>,
    wildcard_domain: Option<String>,
    rwx_storage_class: Option<String>,
    registry_server: Option<String>,
    registry_username: Option<String>,
    registry_password_file: Option<PathBuf>,
    aws_secret_access_key_file: Option<PathBuf>,
    templates_repo: Option<String>,
    templates_ref: Option<String>,
    templates_dir: Option<PathBuf>,
    #[serde(default)]
    params: BTreeMap<String, serde_yaml::Value>,
    credentials_file: Option<PathBuf>,
    show_secrets: Option<bool>,
}

/// A value the install needs and nobody gave, with every way to give it.
pub struct Missing {
    pub what: String,
    pub flag: String,
    pub env: String,
    pub key: String,
}

impl Missing {
    fn new(what: &str, flag: &str, env: &str, key: &str) -> Missing {
        Missing {
            what: what.into(),
            flag: flag.into(),
            env: env.into(),
            key: key.into(),
        }
    }
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}, env {}, answers-file key `{}`",
            self.what, self.flag, self.env, self.key
        )
    }
}

impl Answers {
    /// Merges flags (clap already folded in THREESCALE_* variables) over the answers file, reads
    /// the registry password, and validates every value given. Reports all problems at once.
    pub fn resolve(cli: InstallCommand, env: &SecretEnv, stdin: &mut dyn Read) -> Outcome<Answers> {
        let file = match &cli.run.config {
            Some(path) => read_answers_file(path)?,
            None => AnswersFile::default(),
        };
        let mut problems = Vec::new();

        let mut open = Vec::new();
        let mut given = |value: bool, field: Field| {
            if !value {
                open.push(field);
            }
        };
        given(
            cli.templates.templates_dir.is_some()
                || cli.templates.templates_repo.is_some()
                || cli.templates.templates_ref.is_some()
                || file.templates_dir.is_some()
                || file.templates_repo.is_some()
                || file.templates_ref.is_some(),
            Field::Templates,
        );
        let template = cli.install.template.or(file.template.clone());
        given(template.is_some(), Field::Profile);
        given(
            cli.install.project.is_some() || file.project.is_some(),
            Field::Project,
        );
        given(
            cli.install.display_name.is_some() || file.display_name.is_some(),
            Field::DisplayName,
        );
        given(
            cli.install.rwx_storage_class.is_some() || file.rwx_storage_class.is_some(),
            Field::StorageClass,
        );
        given(
            cli.install.wildcard_domain.is_some() || file.wildcard_domain.is_some(),
            Field::WildcardDomain,
        );
        given(
            cli.registry.registry_server.is_some() || file.registry_server.is_some(),
            Field::RegistryServer,
        );
        given(false, Field::Params);

        let project = cli
            .install
            .project
            .or(file.project)
            .unwrap_or_else(|| DEFAULT_PROJECT.into());
        if let Err(why) = names::check_project_name(&project) {
            problems.push(format!(
                "project name '{project}' is invalid: {why} (--project)"
            ));
        }
        let wildcard_domain = cli.install.wildcard_domain.or(file.wildcard_domain);
        if let Some(d) = &wildcard_domain {
            if let Err(why) = names::check_wildcard_domain(d) {
                problems.push(format!(
                    "wildcard domain '{d}' is invalid: {why} (--wildcard-domain)"
                ));
            }
        }
        let registry_server = cli
            .registry
            .registry_server
            .or(file.registry_server)
            .unwrap_or_else(|| DEFAULT_REGISTRY.into());
        if registry_server.contains("://")
            || registry_server.is_empty()
            || registry_server.contains(char::is_whitespace)
        {
            problems.push(format!(
                "registry server '{registry_server}' is invalid: give a host such as registry.redhat.io, without scheme (--registry-server)"
            ));
        }
        let registry_username = cli
            .registry
            .registry_username
            .or(file.registry_username)
            .filter(|u| !u.is_empty());

        let aws_secret_access_key = match read_secret(
            "AWS_SECRET_ACCESS_KEY",
            cli.s3.aws_secret_access_key_stdin,
            cli.s3.aws_secret_access_key_file.as_deref(),
            env.aws_secret_access_key.clone(),
            file.aws_secret_access_key_file.as_deref(),
            stdin,
        ) {
            Ok(p) => p,
            Err(why) => {
                problems.push(why);
                None
            }
        };
        let registry_password = match read_secret(
            "registry password",
            cli.registry.registry_password_stdin,
            cli.registry.registry_password_file.as_deref(),
            env.registry_password.clone(),
            file.registry_password_file.as_deref(),
            stdin,
        ) {
            Ok(p) => p,
            Err(why) => {
                problems.push(why);
                None
            }
        };

        let mut params = Vec::new();
        for (k, v) in &file.params {
            match yaml_scalar(v) {
                Some(text) => params.push((k.clone(), text)),
                None => problems.push(format!(
                    "answers file: params.{k} must be a string, number or boolean"
                )),
            }
        }
        let mut from_flags: Vec<&str> = Vec::new();
        for p in &cli.install.params {
            match p.split_once('=') {
                Some((k, v)) if is_param_name(k) => {
                    if from_flags.contains(&k) {
                        problems.push(format!("--param {k} is given more than once: keep one"));
                    }
                    from_flags.push(k);
                    params.push((k.to_string(), v.to_string()));
                }
                _ => problems.push(format!(
                    "--param '{}' is not KEY=VALUE with a KEY of letters, digits and '_'",
                    mask_param_value(p)
                )),
            }
        }

        for (k, _) in &params {
            if crate::param_rules::NEVER_FROM_FLAGS.contains(&k.as_str()) {
                problems.push(format!(
                    "{k} is a secret and is not taken from --param or the answers file: set the {k} environment variable, or use --aws-secret-access-key-file or --aws-secret-access-key-stdin"
                ));
            }
        }
        let templates = match (
            cli.templates.templates_dir.or(file.templates_dir),
            cli.templates.templates_repo,
            cli.templates.templates_ref,
        ) {
            (Some(dir), None, None) => TemplatesSource::Dir(dir),
            (_, repo, git_ref) => TemplatesSource::Git {
                repo: repo
                    .or(file.templates_repo)
                    .unwrap_or_else(|| DEFAULT_TEMPLATES_REPO.into()),
                git_ref: git_ref
                    .or(file.templates_ref)
                    .unwrap_or_else(|| DEFAULT_TEMPLATES_REF.into()),
            },
        };

        for id in &cli.run.skip_checks {
            if !crate::checks::SKIPPABLE.contains(&id.as_str()) {
                problems.push(format!(
                    "--skip-check {id}: no such check can be skipped; these can: {}",
                    crate::checks::SKIPPABLE.join(", ")
                ));
            }
        }
        if !problems.is_empty() {
            return Err(Failure::input(format!("the input has {} problem(s):\n  - {}", problems.len(), problems.join("\n  - ")))
                .with_help("fix the values above; `threescale-install --help` lists every flag and its environment variable"));
        }
        if registry_username.is_none() {
            open.push(Field::RegistryUsername);
        }
        if registry_password.is_none() {
            open.push(Field::RegistryPassword);
        }
        Ok(Answers {
            yes: cli.run.yes,
            no_input: cli.run.no_input,
            confirm_password: cli.registry.confirm_password,
            open,
            template,
            verbose: cli.run.verbose,
            quiet: cli.run.quiet,
            oc: cli.cluster.oc.or(file.oc),
            kubeconfig: cli.cluster.kubeconfig.or(file.kubeconfig),
            context: cli.cluster.context.or(file.context),
            project,
            display_name: cli
                .install
                .display_name
                .or(file.display_name)
                .unwrap_or_else(|| DEFAULT_DISPLAY_NAME.into()),
            wildcard_domain,
            rwx_storage_class: cli.install.rwx_storage_class.or(file.rwx_storage_class),
            registry_server,
            registry_username,
            registry_password,
            templates,
            params,
            credentials_file: cli.install.credentials_file.or(file.credentials_file),
            show_secrets: cli.output.show_secrets || file.show_secrets.unwrap_or(false),
            format: cli.output.output,
            skip_checks: cli.run.skip_checks,
            strict: cli.run.strict,
            aws_secret_access_key,
            aws_access_key_id_env: env.aws_access_key_id.clone(),
            timing: timing(cli.cluster.oc_timeout, cli.cluster.poll_interval),
            poll_interval: cli.cluster.poll_interval,
            wait: !cli.wait.no_wait,
            timeout: cli.wait.timeout,
            log_file: cli.wait.log_file,
        })
    }

    /// The values still missing once the cluster has been asked for what it can tell.
    pub fn missing(&self) -> Vec<Missing> {
        let mut missing = Vec::new();
        if self.wildcard_domain.is_none() {
            missing.push(Missing::new(
                "wildcard domain (could not be read from the cluster)",
                "--wildcard-domain",
                "THREESCALE_WILDCARD_DOMAIN",
                "wildcard_domain",
            ));
        }
        if self.registry_username.is_none() {
            missing.push(Missing::new(
                "registry username",
                "--registry-username",
                "THREESCALE_REGISTRY_USERNAME",
                "registry_username",
            ));
        }
        if self.registry_password.is_none() {
            missing.push(Missing::new(
                "registry password",
                "--registry-password-stdin or --registry-password-file",
                PASSWORD_ENV,
                "registry_password_file",
            ));
        }
        missing
    }

    /// Takes the non-secret answers of an earlier run for every value no input gave now.
    /// Returns what was taken.
    pub fn fill_from_record(&mut self, r: &crate::record::InstallRecord) -> Vec<&'static str> {
        let mut taken = Vec::new();
        if self.is_open(Field::Templates) {
            self.templates = match r.templates.split_once(" at ") {
                Some((repo, git_ref)) if !Path::new(&r.templates).is_dir() => {
                    TemplatesSource::Git {
                        repo: repo.into(),
                        git_ref: git_ref.into(),
                    }
                }
                _ => TemplatesSource::Dir(PathBuf::from(&r.templates)),
            };
            taken.push("templates");
        }
        if self.is_open(Field::Profile) {
            self.template = Some(r.profile.clone());
            taken.push("profile");
        }
        if self.is_open(Field::StorageClass) && r.rwx_storage_class.is_some() {
            self.rwx_storage_class = r.rwx_storage_class.clone();
            taken.push("RWX storage class");
        }
        if self.is_open(Field::WildcardDomain) {
            self.wildcard_domain = Some(r.wildcard_domain.clone());
            taken.push("wildcard domain");
        }
        if self.is_open(Field::RegistryServer) {
            self.registry_server = r.registry_server.clone();
            taken.push("registry server");
        }
        if self.is_open(Field::RegistryUsername) {
            self.registry_username = Some(r.registry_username.clone());
            taken.push("registry username");
        }
        for (name, value) in &r.params {
            if let (Some(v), None) = (value, self.param(name)) {
                self.params.insert(0, (name.clone(), v.clone()));
                taken.push("parameters");
            }
        }
        for f in [
            Field::Templates,
            Field::Profile,
            Field::StorageClass,
            Field::WildcardDomain,
            Field::RegistryServer,
            Field::RegistryUsername,
        ] {
            self.close(f);
        }
        taken.dedup();
        taken
    }

    /// Tells the redactor every secret the answers hold, by name.
    pub fn register_secrets(&self, redactor: &crate::secrets::Redactor) {
        if let Some(p) = &self.registry_password {
            redactor.add_named_secret("REGISTRY_PASSWORD", p);
        }
        if let Some(s) = &self.aws_secret_access_key {
            redactor.add_named_secret(AWS_SECRET_ENV, s);
        }
        // Before the template is read (which knows the generated ones), by name and value.
        for (name, value) in &self.params {
            if crate::param_rules::looks_secret(name, value) {
                redactor.add_named(name, value);
            }
        }
    }

    pub fn is_open(&self, field: Field) -> bool {
        self.open.contains(&field)
    }

    /// Marks a field as answered (by the wizard).
    pub fn close(&mut self, field: Field) {
        self.open.retain(|f| *f != field);
    }

    /// Sets a template parameter, replacing an earlier value.
    pub fn set_param(&mut self, name: &str, value: String) {
        self.params.retain(|(k, _)| k != name);
        self.params.push((name.to_string(), value));
    }

    /// The value of a template parameter given by the user, if any (the last one wins).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the commands for an installed project need: where it is and how to reach the cluster.
#[derive(Debug, Clone)]
pub struct ProjectAnswers {
    pub project: String,
    pub oc: Option<PathBuf>,
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
    pub credentials_file: Option<PathBuf>,
    pub verbose: bool,
    pub quiet: bool,
    pub show_secrets: bool,
    pub format: Format,
    pub timing: crate::oc::Timing,
}

/// The oc call deadline and retry backoff (a quarter of the poll interval) from the flags.
fn timing(
    oc_timeout: std::time::Duration,
    poll_interval: std::time::Duration,
) -> crate::oc::Timing {
    crate::oc::Timing {
        call_deadline: oc_timeout,
        retry_backoff: poll_interval / 4,
    }
}

impl ProjectAnswers {
    pub fn resolve(cli: ProjectCommand) -> Outcome<ProjectAnswers> {
        let file = match &cli.config {
            Some(path) => read_answers_file(path)?,
            None => AnswersFile::default(),
        };
        let project = cli
            .project
            .or(file.project)
            .unwrap_or_else(|| DEFAULT_PROJECT.into());
        if let Err(why) = names::check_project_name(&project) {
            return Err(Failure::input(format!(
                "project name '{project}' is invalid: {why} (--project)"
            )));
        }
        Ok(ProjectAnswers {
            project,
            oc: cli.cluster.oc.or(file.oc),
            kubeconfig: cli.cluster.kubeconfig.or(file.kubeconfig),
            context: cli.cluster.context.or(file.context),
            credentials_file: cli.credentials_file.or(file.credentials_file),
            verbose: cli.verbose,
            quiet: cli.quiet,
            show_secrets: cli.output.show_secrets || file.show_secrets.unwrap_or(false),
            format: cli.output.output,
            timing: timing(cli.cluster.oc_timeout, cli.cluster.poll_interval),
        })
    }
}

fn read_answers_file(path: &Path) -> Outcome<AnswersFile> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::input(format!(
            "cannot read the answers file {}: {e}",
            path.display()
        ))
        .with_help("check the path given with --config or THREESCALE_CONFIG")
    })?;
    if text.trim().is_empty() {
        return Ok(AnswersFile::default());
    }
    serde_yaml::from_str(&text).map_err(|e| {
        Failure::input(format!(
            "the answers file {} is not valid: {e}",
            path.display()
        ))
        .with_help("templates/answers.example.yaml in the project documents every key")
    })
}

/// A secret from stdin, a file, the environment or a file named in the answers file, in that
/// order (flags beat the environment, which beats the answers file).
fn read_secret(
    what: &str,
    from_stdin: bool,
    file: Option<&Path>,
    env: Option<String>,
    answers_file: Option<&Path>,
    stdin: &mut dyn Read,
) -> Result<Option<Secret>, String> {
    let read_file = |path: &Path| {
        std::fs::read_to_string(path)
            .map(|t| Secret::new(trim_line_end(&t)))
            .map_err(|e| format!("cannot read the {what} file {}: {e}", path.display()))
    };
    let secret = if from_stdin {
        let mut text = String::new();
        stdin
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read the {what} from standard input: {e}"))?;
        Secret::new(trim_line_end(&text))
    } else if let Some(path) = file {
        read_file(path)?
    } else if let Some(value) = env {
        Secret::new(value)
    } else if let Some(path) = answers_file {
        read_file(path)?
    } else {
        return Ok(None);
    };
    if secret.expose().is_empty() {
        return Err(format!("the {what} is empty"));
    }
    Ok(Some(secret))
}

fn trim_line_end(text: &str) -> String {
    text.strip_suffix('\n')
        .map(|t| t.strip_suffix('\r').unwrap_or(t))
        .unwrap_or(text)
        .to_string()
}

fn yaml_scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Template parameter names: what oc's `IsEnvVarName` accepts, restricted to what templates use.
pub fn is_param_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `KEY=value` → `KEY=•••` for messages: a malformed --param may still carry a secret.
fn mask_param_value(p: &str) -> String {
    match p.split_once('=') {
        Some((k, _)) => format!("{k}=…"),
        None => p.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn resolve(args: &[&str], env_password: Option<&str>) -> Outcome<Answers> {
        let mut argv = vec!["threescale-install"];
        argv.extend_from_slice(args);
        let cli = crate::cli::Cli::try_parse_from(argv).unwrap();
        let env = SecretEnv {
            registry_password: env_password.map(String::from),
            ..SecretEnv::default()
        };
        Answers::resolve(cli.install, &env, &mut std::io::empty())
    }

    #[test]
    fn defaults_apply_and_nothing_else_is_invented() {
        let a = resolve(&[], None).unwrap();
        assert_eq!(a.project, DEFAULT_PROJECT);
        assert_eq!(a.registry_server, DEFAULT_REGISTRY);
        assert_eq!(a.missing().len(), 3);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let err = resolve(
            &[
                "--project",
                "Bad_Name",
                "--wildcard-domain",
                "https://x",
                "-p",
                "1X=y",
            ],
            None,
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("3 problem(s)"), "{text}");
        assert!(
            text.contains("Bad_Name") && text.contains("https://x") && text.contains("1X=…"),
            "{text}"
        );
    }

    #[test]
    fn answers_file_is_below_flags_and_rejects_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "project: from-file\nwildcard_domain: apps.file.example\nparams:\n  TENANT_NAME: t1\n  IMAGESTREAM_TAG_IMPORT_INSECURE: false\n").unwrap();
        let a = resolve(
            &["--config", path.to_str().unwrap(), "--project", "from-flag"],
            None,
        )
        .unwrap();
        assert_eq!(a.project, "from-flag");
        assert_eq!(a.wildcard_domain.as_deref(), Some("apps.file.example"));
        assert_eq!(a.param("IMAGESTREAM_TAG_IMPORT_INSECURE"), Some("false"));

        std::fs::write(&path, "projekt: x\n").unwrap();
        let err = resolve(&["--config", path.to_str().unwrap()], None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `projekt`"), "{err}");
    }

    #[test]
    fn password_file_beats_environment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pw");
        std::fs::write(&path, "from-file\n").unwrap();
        let a = resolve(
            &["--registry-password-file", path.to_str().unwrap()],
            Some("from-env"),
        )
        .unwrap();
        assert_eq!(a.registry_password.unwrap().expose(), "from-file");
        let a = resolve(&[], Some("from-env")).unwrap();
        assert_eq!(a.registry_password.unwrap().expose(), "from-env");
    }
}
