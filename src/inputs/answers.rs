//! The answers of the commands: everything an install needs (`Answers`), what the commands on
//! an installed project need (`ProjectAnswers`), and their parts.

use super::source::offer;
use super::{Field, Given, Source};
use crate::cli::Format;
use crate::oc::Timing;
use crate::secrets::Secret;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TemplatesSource {
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
    pub(crate) fn parse(text: &str) -> TemplatesSource {
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
pub(crate) struct Connection {
    pub(crate) oc: Option<PathBuf>,
    pub(crate) kubeconfig: Option<PathBuf>,
    pub(crate) context: Option<String>,
    pub(crate) timing: Timing,
    pub(crate) log_file: Option<PathBuf>,
}

/// How the run behaves and prints.
#[derive(Debug, Clone)]
pub(crate) struct Mode {
    /// Never prompt (`--yes` or `--no-input`).
    pub(crate) never_ask: bool,
    pub(crate) verbose: bool,
    pub(crate) quiet: bool,
    pub(crate) format: Format,
    pub(crate) show_secrets: bool,
}

/// A template parameter given by the person. The value is held as a secret until the template
/// says whether it is one.
#[derive(Debug, Clone)]
pub(crate) struct ParamInput {
    pub(crate) name: String,
    pub(crate) value: Secret,
    pub(crate) source: Source,
}

/// The registry login of the pull secret.
#[derive(Debug, Clone)]
pub(crate) struct Registry {
    pub(crate) server: Given<String>,
    pub(crate) username: Option<Given<String>>,
    pub(crate) password: Option<Given<Secret>>,
    /// Ask for a typed password twice.
    pub(crate) confirm: bool,
}

/// Checks an operator chose to relax.
#[derive(Debug, Clone, Default)]
pub(crate) struct Checks {
    pub(crate) skip: Vec<String>,
    pub(crate) strict: bool,
    /// `--allow-outside-project`: a template may create objects outside its project.
    pub(crate) outside_project: bool,
}

impl Checks {
    pub(crate) fn skips(&self, id: &str) -> bool {
        self.skip.iter().any(|s| s == id)
    }
}

/// Everything an install (and `plan`, `preflight`) needs.
#[derive(Debug, Clone)]
pub(crate) struct Answers {
    pub(crate) mode: Mode,
    pub(crate) connection: Connection,
    pub(crate) templates: Given<TemplatesSource>,
    pub(crate) refresh_templates: bool,
    pub(crate) profile: Given<String>,
    pub(crate) project: Given<String>,
    pub(crate) display_name: Given<String>,
    pub(crate) wildcard_domain: Option<Given<String>>,
    pub(crate) rwx_storage_class: Option<Given<String>>,
    pub(crate) registry: Registry,
    /// Template parameters in the order given; a later entry for the same name wins.
    pub(crate) params: Vec<ParamInput>,
    pub(crate) credentials_file: Option<PathBuf>,
    /// `None`: do not wait (`--no-wait`).
    pub(crate) wait: Option<Duration>,
    pub(crate) poll_interval: Duration,
    pub(crate) checks: Checks,
    pub(crate) dry_run: bool,
    /// Check at the end that 3scale answers (`--no-verify` turns it off).
    pub(crate) verify: bool,
    pub(crate) http: crate::http::Options,
    /// Values no input gave: the wizard asks these.
    pub(crate) open: Vec<Field>,
    /// Things to tell the person that are not errors (a password file others can read).
    pub(crate) warnings: Vec<String>,
}

impl Answers {
    pub(crate) fn is_open(&self, field: Field) -> bool {
        self.open.contains(&field)
    }

    /// Marks a field as answered.
    pub(crate) fn close(&mut self, field: Field) {
        self.open.retain(|f| *f != field);
    }

    /// The value given for a template parameter, if any (the last one wins).
    pub(crate) fn param(&self, name: &str) -> Option<&ParamInput> {
        self.params.iter().rev().find(|p| p.name == name)
    }

    /// Sets a template parameter, replacing an earlier value.
    pub(crate) fn set_param(&mut self, name: &str, value: Secret, source: Source) {
        self.params.retain(|p| p.name != name);
        self.params.push(ParamInput {
            name: name.to_string(),
            value,
            source,
        });
    }

    /// The parameters with one entry per name (the last given wins), in the order first given.
    pub(crate) fn effective_params(&self) -> Vec<&ParamInput> {
        let mut out: Vec<&ParamInput> = Vec::new();
        for p in &self.params {
            match out.iter_mut().find(|q| q.name == p.name) {
                Some(slot) => *slot = p,
                None => out.push(p),
            }
        }
        out
    }

    /// Takes an earlier run's non-secret answers, by the one precedence rule: each replaces a
    /// default, never a value given now. Returns what was taken.
    pub(crate) fn fill_from_record(
        &mut self,
        r: &crate::record::InstallRecord,
    ) -> Vec<&'static str> {
        let recorded = |v: &str| Given::new(v.to_string(), Source::Record);
        let mut taken = Vec::new();
        let mut take = |what: &'static str, took: bool| {
            if took {
                taken.push(what);
            }
        };
        let templates = TemplatesSource::parse(&r.templates);
        take(
            "templates",
            self.templates.offer(Given::new(templates, Source::Record)),
        );
        take("profile", self.profile.offer(recorded(&r.profile)));
        if let Some(c) = &r.rwx_storage_class {
            take(
                "RWX storage class",
                offer(&mut self.rwx_storage_class, recorded(c)),
            );
        }
        let domain = recorded(&r.wildcard_domain);
        take("wildcard domain", offer(&mut self.wildcard_domain, domain));
        let server = recorded(&r.registry_server);
        take("registry server", self.registry.server.offer(server));
        if !r.registry_username.is_empty() {
            let username = recorded(&r.registry_username);
            take(
                "registry username",
                offer(&mut self.registry.username, username),
            );
        }
        if let Some(d) = &r.display_name {
            self.display_name.offer(recorded(d));
        }
        // A parameter given now comes from a higher place than the record: the record's goes
        // first, below every other (the last of a name wins).
        for (name, value) in r.plain_params() {
            if self.param(name).is_none() {
                let value = Secret::new(value.clone());
                self.params.insert(
                    0,
                    ParamInput {
                        name: name.clone(),
                        value,
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
    pub(crate) fn register_secrets(&self, redactor: &crate::secrets::Redactor) {
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
pub(crate) struct ProjectAnswers {
    pub(crate) mode: Mode,
    pub(crate) connection: Connection,
    pub(crate) project: Given<String>,
    /// The templates of an install made elsewhere (without a record on this machine).
    pub(crate) templates: Option<Given<TemplatesSource>>,
    pub(crate) refresh_templates: bool,
    pub(crate) http: crate::http::Options,
    pub(crate) credentials_file: Option<PathBuf>,
    pub(crate) warnings: Vec<String>,
}
