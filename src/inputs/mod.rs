//! Inputs: every value a command needs, gathered once from flags, environment, the answers file
//! and an earlier run's record (then the wizard, for what is still open), each with where it came
//! from, and checked in one pass whoever supplied it. Nothing downstream sees clap types.

pub mod file;
pub mod gateway;
mod gather;
mod missing;
pub mod tenant;
mod validate;

pub use gateway::{gateway_add_answers, gateway_answers, gateway_remove_answers};
pub use gather::{install_answers, project_answers, Env, ProjectInputs, SecretReader};
pub use missing::Missing;
pub use validate::{
    check_against, check_domain, check_param_value, check_project, check_registry_server,
    is_param_name,
};

use crate::cli::Format;
use crate::oc::Timing;
use crate::secrets::Secret;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

pub const DEFAULT_PROJECT: &str = "3scale-apim";
pub const DEFAULT_DISPLAY_NAME: &str = "3Scale API Management";
pub const DEFAULT_REGISTRY: &str = "registry.redhat.io";
pub const DEFAULT_PROFILE: &str = "amp";
pub const PASSWORD_ENV: &str = "THREESCALE_REGISTRY_PASSWORD";
pub const AWS_SECRET_ENV: &str = "AWS_SECRET_ACCESS_KEY";
pub const AWS_KEY_ID_ENV: &str = "AWS_ACCESS_KEY_ID";
/// `THREESCALE_PARAM_<NAME>`: a template parameter from the environment (secrets included).
pub const PARAM_ENV_PREFIX: &str = "THREESCALE_PARAM_";

/// Where a value came from: errors name it, so that the person knows what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(String),
    Env(String),
    /// The answers file and its key.
    AnswersFile(PathBuf, String),
    /// A file the value was read from (`--registry-password-file`, `--param-from-file`).
    File(PathBuf),
    Stdin,
    Record,
    Wizard,
    Default,
    /// Found on the cluster (the ingress domain, the values existing objects hold).
    Cluster(String),
}

impl Source {
    /// Whether the person gave the value on purpose (as opposed to a default, a record or the
    /// cluster): such a value is never silently overridden.
    pub fn is_given(&self) -> bool {
        matches!(
            self,
            Source::Flag(_)
                | Source::Env(_)
                | Source::AnswersFile(..)
                | Source::File(_)
                | Source::Stdin
                | Source::Wizard
        )
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "{flag}"),
            Source::Env(var) => write!(f, "environment variable {var}"),
            Source::AnswersFile(path, key) => {
                write!(f, "key `{key}` of the answers file {}", path.display())
            }
            Source::File(path) => write!(f, "file {}", path.display()),
            Source::Stdin => write!(f, "standard input"),
            Source::Record => write!(f, "the record of an earlier run"),
            Source::Wizard => write!(f, "your answer"),
            Source::Default => write!(f, "the default"),
            Source::Cluster(what) => write!(f, "{what}"),
        }
    }
}

/// A value with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Given<T> {
    pub fn new(value: T, source: Source) -> Given<T> {
        Given { value, source }
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

    /// Every way to give the value without the wizard.
    pub fn ways(self) -> Ways {
        let w = |flag: &str, env: &str, key: &str| Ways {
            flag: flag.into(),
            env: env.into(),
            key: key.into(),
        };
        match self {
            Field::Templates => w(
                "--templates-repo/--templates-ref or --templates-dir",
                "THREESCALE_TEMPLATES_REPO",
                "templates_repo",
            ),
            Field::Profile => w("--template", "THREESCALE_TEMPLATE", "template"),
            Field::Project => w("--project", "THREESCALE_PROJECT", "project"),
            Field::DisplayName => w("--display-name", "THREESCALE_DISPLAY_NAME", "display_name"),
            Field::StorageClass => w(
                "--rwx-storage-class",
                "THREESCALE_RWX_STORAGE_CLASS",
                "rwx_storage_class",
            ),
            Field::WildcardDomain => w(
                "--wildcard-domain",
                "THREESCALE_WILDCARD_DOMAIN",
                "wildcard_domain",
            ),
            Field::RegistryServer => w(
                "--registry-server",
                "THREESCALE_REGISTRY_SERVER",
                "registry_server",
            ),
            Field::RegistryUsername => w(
                "--registry-username",
                "THREESCALE_REGISTRY_USERNAME",
                "registry_username",
            ),
            Field::RegistryPassword => w(
                "--registry-password-stdin or --registry-password-file",
                PASSWORD_ENV,
                "registry_password_file",
            ),
            Field::Params => w("--param KEY=VALUE", "THREESCALE_PARAMS", "params"),
        }
    }
}

/// The flag, environment variable and answers-file key that give a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ways {
    pub flag: String,
    pub env: String,
    pub key: String,
}

impl fmt::Display for Ways {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, env {}, answers-file key `{}`",
            self.flag, self.env, self.key
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplatesSource {
    Git { repo: String, git_ref: String },
    Dir(PathBuf),
}

/// `URL at REF`, or the directory: how summaries, plans and the install record show it.
impl fmt::Display for TemplatesSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplatesSource::Git { repo, git_ref } => write!(f, "{repo} at {git_ref}"),
            TemplatesSource::Dir(d) => write!(f, "{}", d.display()),
        }
    }
}

impl TemplatesSource {
    /// The inverse of `Display`, for the install record.
    pub fn parse(text: &str) -> TemplatesSource {
        match text.rsplit_once(" at ") {
            Some((repo, git_ref)) => TemplatesSource::Git {
                repo: repo.into(),
                git_ref: git_ref.into(),
            },
            None => TemplatesSource::Dir(PathBuf::from(text)),
        }
    }
}

/// How the run talks to the cluster.
#[derive(Debug, Clone)]
pub struct Connection {
    pub oc: Option<PathBuf>,
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
    pub timing: Timing,
    pub log_file: Option<PathBuf>,
}

/// How the run behaves and prints.
#[derive(Debug, Clone)]
pub struct Mode {
    /// Never prompt (`--yes` or `--no-input`).
    pub never_ask: bool,
    pub verbose: bool,
    pub quiet: bool,
    pub format: Format,
    pub show_secrets: bool,
}

/// A template parameter given by the person. The value is held as a secret until the template
/// says whether it is one.
#[derive(Debug, Clone)]
pub struct ParamInput {
    pub name: String,
    pub value: Secret,
    pub source: Source,
}

/// The registry login of the pull secret.
#[derive(Debug, Clone)]
pub struct Registry {
    pub server: Given<String>,
    pub username: Option<Given<String>>,
    pub password: Option<Given<Secret>>,
    /// Ask for a typed password twice.
    pub confirm: bool,
}

/// Checks an operator chose to relax.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    pub skip: Vec<String>,
    pub strict: bool,
}

impl Checks {
    pub fn skips(&self, id: &str) -> bool {
        self.skip.iter().any(|s| s == id)
    }
}

/// Everything an install (and `plan`, `preflight`) needs.
#[derive(Debug, Clone)]
pub struct Answers {
    pub mode: Mode,
    pub connection: Connection,
    pub templates: Given<TemplatesSource>,
    pub refresh_templates: bool,
    pub profile: Given<String>,
    pub project: Given<String>,
    pub display_name: Given<String>,
    pub wildcard_domain: Option<Given<String>>,
    pub rwx_storage_class: Option<Given<String>>,
    pub registry: Registry,
    /// Template parameters in the order given; a later entry for the same name wins.
    pub params: Vec<ParamInput>,
    pub credentials_file: Option<PathBuf>,
    /// `None`: do not wait (`--no-wait`).
    pub wait: Option<Duration>,
    pub poll_interval: Duration,
    pub checks: Checks,
    pub dry_run: bool,
    /// Check at the end that 3scale answers (`--no-verify` turns it off).
    pub verify: bool,
    pub http: crate::http::Options,
    /// Values no input gave: the wizard asks these.
    pub open: Vec<Field>,
    /// Things to tell the person that are not errors (a password file others can read).
    pub warnings: Vec<String>,
}

impl Answers {
    pub fn is_open(&self, field: Field) -> bool {
        self.open.contains(&field)
    }

    /// Marks a field as answered.
    pub fn close(&mut self, field: Field) {
        self.open.retain(|f| *f != field);
    }

    pub fn reopen(&mut self, field: Field) {
        if !self.open.contains(&field) {
            self.open.push(field);
        }
    }

    /// The value given for a template parameter, if any (the last one wins).
    pub fn param(&self, name: &str) -> Option<&ParamInput> {
        self.params.iter().rev().find(|p| p.name == name)
    }

    /// Sets a template parameter, replacing an earlier value.
    pub fn set_param(&mut self, name: &str, value: Secret, source: Source) {
        self.params.retain(|p| p.name != name);
        self.params.push(ParamInput {
            name: name.to_string(),
            value,
            source,
        });
    }

    /// The parameters with one entry per name (the last given wins), in the order first given.
    pub fn effective_params(&self) -> Vec<&ParamInput> {
        let mut out: Vec<&ParamInput> = Vec::new();
        for p in &self.params {
            match out.iter_mut().find(|q| q.name == p.name) {
                Some(slot) => *slot = p,
                None => out.push(p),
            }
        }
        out
    }

    /// Takes an earlier run's non-secret answers for every value no input gave now. Returns what
    /// was taken.
    pub fn fill_from_record(&mut self, r: &crate::record::InstallRecord) -> Vec<&'static str> {
        let mut taken = Vec::new();
        let from_record = |v: &str| Given::new(v.to_string(), Source::Record);
        if self.templates.source == Source::Default {
            self.templates = Given::new(TemplatesSource::parse(&r.templates), Source::Record);
            taken.push("templates");
        }
        if self.profile.source == Source::Default {
            self.profile = from_record(&r.profile);
            taken.push("profile");
        }
        if self.rwx_storage_class.is_none() {
            if let Some(c) = &r.rwx_storage_class {
                self.rwx_storage_class = Some(from_record(c));
                taken.push("RWX storage class");
            }
        }
        if self.wildcard_domain.is_none() {
            self.wildcard_domain = Some(from_record(&r.wildcard_domain));
            taken.push("wildcard domain");
        }
        if self.registry.server.source == Source::Default {
            self.registry.server = from_record(&r.registry_server);
            taken.push("registry server");
        }
        if self.registry.username.is_none() && !r.registry_username.is_empty() {
            self.registry.username = Some(from_record(&r.registry_username));
            taken.push("registry username");
        }
        if self.display_name.source == Source::Default {
            if let Some(d) = &r.display_name {
                self.display_name = from_record(d);
            }
        }
        for (name, value) in r.plain_params() {
            if self.param(name).is_none() {
                self.params.insert(
                    0,
                    ParamInput {
                        name: name.clone(),
                        value: Secret::new(value.clone()),
                        source: Source::Record,
                    },
                );
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
            Field::DisplayName,
            Field::Params,
        ] {
            self.close(f);
        }
        taken.dedup();
        taken
    }

    /// Tells the redactor every secret the answers hold that can be told without the template.
    pub fn register_secrets(&self, redactor: &crate::secrets::Redactor) {
        if let Some(p) = &self.registry.password {
            redactor.add_secret("REGISTRY_PASSWORD", &p.value);
        }
        for p in &self.params {
            let looks_secret = crate::templates::params::ParamModel::of(
                &crate::templates::model::Template::empty(),
            )
            .masks(&p.name, p.value.expose());
            if looks_secret {
                redactor.add_secret(&p.name, &p.value);
            }
        }
    }
}

/// What the commands on an installed project need.
#[derive(Debug, Clone)]
pub struct ProjectAnswers {
    pub mode: Mode,
    pub connection: Connection,
    pub project: Given<String>,
    /// The templates of an install made elsewhere (without a record on this machine).
    pub templates: Option<Given<TemplatesSource>>,
    pub refresh_templates: bool,
    pub http: crate::http::Options,
    pub credentials_file: Option<PathBuf>,
    pub warnings: Vec<String>,
}
