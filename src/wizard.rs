//! The questions of the interactive install, in their order, with defaults from the cluster and
//! the templates; every answer checked by the same rules as a flag's value, and re-asked with the
//! reason. Asks through the `Prompter`; draws only through the `Ui`. The summary offers Proceed /
//! Change a value / Cancel.

use crate::engine::cluster::Cluster;
use crate::engine::observe::{Observer, ProjectState};
use crate::engine::session::Session;
use crate::failure::{Failure, Outcome};
use crate::inputs::{self, Answers, Field, Given, Source, TemplatesSource};
use crate::install::identity::Identity;
use crate::install::plan::{self, Plan};
use crate::install::storage::{self, RwxSupport, StorageClass};
use crate::prompt::Prompter;
use crate::pull_secret;
use crate::secrets::{Redactor, Secret, MASK};
use crate::templates::model::Parameter;
use crate::templates::params::OWNED;
use crate::templates::profiles::{self, Loaded, Profile};
use crate::ui::Ui;

pub(crate) enum Decision {
    Proceed,
    Change(Field),
    Cancel,
}

pub(crate) struct Wizard<'a> {
    prompter: &'a Prompter,
    ui: &'a Ui,
    redactor: &'a Redactor,
}

/// The amp-s3 profile: what the storage question offers when no class fits.
const S3_PROFILE: &str = "amp-s3";

impl<'a> Wizard<'a> {
    pub(crate) fn new(prompter: &'a Prompter, ui: &'a Ui, redactor: &'a Redactor) -> Wizard<'a> {
        Wizard {
            prompter,
            ui,
            redactor,
        }
    }

    /// The cluster: who, where, which version. No stops the run.
    pub(crate) fn confirm_cluster(&self, cluster: &Cluster) -> Outcome<bool> {
        self.ui.block(&format!(
            "\n  Cluster  {}\n  User     {}\n  Version  OpenShift {}\n",
            cluster.server, cluster.user, cluster.version
        ));
        self.prompter.confirm("Install on this cluster?", true)
    }

    /// Asks every open question, in order, until the answers are complete.
    pub(crate) fn ask_open(
        &self,
        answers: &mut Answers,
        session: &Session,
        observer: &Observer,
    ) -> Outcome<()> {
        let checkout = loop {
            if answers.is_open(Field::Templates) {
                self.ask_templates(answers)?;
            }
            match session.checkout(&answers.templates.value, answers.refresh_templates) {
                Ok(c) => break c,
                Err(f) => {
                    // A person can name another repository or ref.
                    self.ui.warn(&f.message());
                    answers.reopen(Field::Templates);
                }
            }
        };
        answers.close(Field::Templates);
        let list = profiles::list(&checkout.dir);
        if answers.is_open(Field::Profile) {
            self.ask_profile(answers, &list)?;
        }
        let loaded = match profiles::load(&list, &answers.profile.value) {
            Ok(l) => l,
            Err((e, help)) => return Err(Failure::input(e).with_help(help)),
        };
        if answers.is_open(Field::Project) {
            let v = self.prompter.text(
                "Project",
                Some(&answers.project.value),
                inputs::check_project,
            )?;
            answers.project = Given::new(v, Source::Wizard);
            answers.close(Field::Project);
        }
        let image_streams = profiles::image_streams(&checkout.dir).unwrap_or_default();
        let given: Vec<(String, String)> = answers
            .effective_params()
            .iter()
            .map(|p| (p.name.clone(), p.value.expose().to_string()))
            .collect();
        let identity = Identity::of(&loaded.template, &given, &image_streams);
        let project = observer.project(&answers.project.value, &identity.resources())?;
        let absent = identity.missing(project.objects());
        if answers.is_open(Field::DisplayName) {
            if !project.exists() {
                let v = self.prompter.text(
                    "Project display name",
                    Some(&answers.display_name.value),
                    |_| Ok(()),
                )?;
                answers.display_name = Given::new(v, Source::Wizard);
            }
            answers.close(Field::DisplayName);
        }
        if answers.is_open(Field::StorageClass) {
            let needed = loaded.template.parameter("RWX_STORAGE_CLASS").is_some()
                && plan::uses(&loaded.template, &identity, "RWX_STORAGE_CLASS", &absent);
            if needed {
                match observer.storage_classes()? {
                    Ok(classes) => {
                        if self.ask_storage_class(answers, &classes)? {
                            // The S3 profile was chosen: its own questions come next.
                            answers.close(Field::StorageClass);
                            return self.ask_open(answers, session, observer);
                        }
                    }
                    Err(why) => self.ui.warn(&format!(
                        "{why}: the RWX storage class must be named (--rwx-storage-class), or the only RWX-capable one is used"
                    )),
                }
            }
            answers.close(Field::StorageClass);
        }
        if answers.is_open(Field::WildcardDomain) {
            if loaded.template.parameter("WILDCARD_DOMAIN").is_some() && !absent.is_empty() {
                self.ask_domain(answers, observer)?;
            }
            answers.close(Field::WildcardDomain);
        }
        self.ask_registry(answers, &project)?;
        self.ask_params(answers, &loaded)?;
        Ok(())
    }

    fn ask_templates(&self, answers: &mut Answers) -> Outcome<()> {
        let (repo, git_ref) = match &answers.templates.value {
            TemplatesSource::Git { repo, git_ref } => (repo.clone(), git_ref.clone()),
            TemplatesSource::Dir(_) => (
                crate::cli::DEFAULT_TEMPLATES_REPO.to_string(),
                crate::cli::DEFAULT_TEMPLATES_REF.to_string(),
            ),
        };
        let repo = self
            .prompter
            .text("Templates repository (URL or path)", Some(&repo), |v| {
                if v.is_empty() {
                    Err("give a git URL or a local path".into())
                } else {
                    Ok(())
                }
            })?;
        let git_ref = self
            .prompter
            .text("Tag, branch or commit", Some(&git_ref), |v| {
                if v.is_empty() || v.contains(char::is_whitespace) {
                    Err("give a tag, branch or commit without spaces".into())
                } else {
                    Ok(())
                }
            })?;
        answers.templates = Given::new(TemplatesSource::Git { repo, git_ref }, Source::Wizard);
        Ok(())
    }

    fn ask_profile(&self, answers: &mut Answers, profiles: &[Profile]) -> Outcome<()> {
        answers.close(Field::Profile);
        if profiles.is_empty() {
            return Ok(());
        }
        let items: Vec<String> = profiles
            .iter()
            .map(|p| {
                let preview = if p.name.contains("tech-preview") {
                    " [tech preview]"
                } else {
                    ""
                };
                format!("{:<22} {}{preview}", p.name, first_line(&p.description))
            })
            .collect();
        let default = profiles
            .iter()
            .position(|p| p.name == answers.profile.value)
            .unwrap_or(0);
        let chosen = self.prompter.select("Install profile", &items, default)?;
        answers.profile = Given::new(profiles[chosen].name.clone(), Source::Wizard);
        Ok(())
    }

    /// RWX-capable classes first and marked; block storage explained; the S3 profile offered
    /// when nothing fits. Returns true when the S3 profile was chosen instead.
    fn ask_storage_class(&self, answers: &mut Answers, classes: &[StorageClass]) -> Outcome<bool> {
        let ordered = storage::offer_order(classes);
        let capable = ordered
            .iter()
            .any(|c| storage::rwx_support(&c.provisioner) == RwxSupport::Known);
        if !capable {
            self.ui.warn(
                "no storage class of this cluster is known to bind ReadWriteMany claims, which system-storage needs. \
                 Choose a class you know works, or the amp-s3 profile, which keeps system assets in an S3 bucket.",
            );
        }
        let mut items: Vec<String> = ordered
            .iter()
            .map(|c| {
                let mark = match storage::rwx_support(&c.provisioner) {
                    RwxSupport::Known => "RWX",
                    RwxSupport::Unknown => "RWX?",
                    RwxSupport::No => "RWO only",
                };
                let default = if c.is_default() { ", default" } else { "" };
                format!(
                    "{:<28} {mark:<8} ({}{default})",
                    c.metadata.name, c.provisioner
                )
            })
            .collect();
        let offer_s3 = answers.profile.value != S3_PROFILE;
        if offer_s3 {
            items.push(format!("{S3_PROFILE:<28} {:<8} (use the S3 profile: system assets in a bucket, no RWX class)", "profile"));
        }
        let mut default = answers
            .rwx_storage_class
            .as_ref()
            .and_then(|n| ordered.iter().position(|c| c.metadata.name == n.value))
            .unwrap_or(if capable || !offer_s3 {
                0
            } else {
                items.len() - 1
            });
        loop {
            let i = self.prompter.select(
                "ReadWriteMany storage class for system-storage",
                &items,
                default,
            )?;
            if i == ordered.len() {
                answers.profile = Given::new(S3_PROFILE.to_string(), Source::Wizard);
                answers.rwx_storage_class = None;
                return Ok(true);
            }
            let class = ordered[i];
            if storage::rwx_support(&class.provisioner) == RwxSupport::No {
                self.ui.warn(&format!(
                    "{} binds ReadWriteOnce volumes only ({}); system-storage would stay Pending. Choose another class.",
                    class.metadata.name, class.provisioner
                ));
                default = i;
                continue;
            }
            answers.rwx_storage_class =
                Some(Given::new(class.metadata.name.clone(), Source::Wizard));
            return Ok(false);
        }
    }

    fn ask_domain(&self, answers: &mut Answers, observer: &Observer) -> Outcome<()> {
        let default = match observer.apps_domain()? {
            Ok(d) => {
                self.ui.note(&format!(
                    "  the cluster's apps domain is {} (from {})",
                    d.value, d.how
                ));
                Some(d.value)
            }
            Err(why) => {
                self.ui.note(&format!("  no default domain: {why}"));
                None
            }
        };
        let v = self.prompter.text(
            "Wildcard domain of the routes",
            default.as_deref(),
            inputs::check_domain,
        )?;
        answers.wildcard_domain = Some(Given::new(v, Source::Wizard));
        Ok(())
    }

    /// The registry login, unless the project's pull secret already holds it.
    fn ask_registry(&self, answers: &mut Answers, project: &ProjectState) -> Outcome<()> {
        if answers.is_open(Field::RegistryServer) {
            let v = self.prompter.text(
                "Registry server",
                Some(&answers.registry.server.value),
                inputs::check_registry_server,
            )?;
            answers.registry.server = Given::new(v, Source::Wizard);
            answers.close(Field::RegistryServer);
        }
        let existing = match pull_secret::observe(project.objects(), &answers.registry.server.value)
        {
            pull_secret::Observed::Present(Some(e)) => e.username,
            _ => None,
        };
        if answers.is_open(Field::RegistryUsername) {
            let v = self.prompter.text(
                "Registry username (e.g. 12345|service-account)",
                existing.as_deref(),
                |v| {
                    if v.is_empty() {
                        Err("the username cannot be empty".into())
                    } else {
                        Ok(())
                    }
                },
            )?;
            answers.registry.username = Some(Given::new(v, Source::Wizard));
            answers.close(Field::RegistryUsername);
        }
        if answers.is_open(Field::RegistryPassword) {
            let kept = existing.is_some()
                && answers.registry.username.as_ref().map(|u| &u.value) == existing.as_ref();
            if kept {
                self.ui.note(&format!(
                    "  pull secret {} already holds this login: kept",
                    pull_secret::NAME
                ));
            } else {
                let secret = self
                    .prompter
                    .secret("Registry password", answers.registry.confirm)?;
                self.redactor.add_secret("REGISTRY_PASSWORD", &secret);
                answers.registry.password = Some(Given::new(secret, Source::Wizard));
            }
            answers.close(Field::RegistryPassword);
        }
        Ok(())
    }

    /// Required parameters without a value, then (optionally) any other.
    fn ask_params(&self, answers: &mut Answers, loaded: &Loaded) -> Outcome<()> {
        let template = &loaded.template;
        let needed: Vec<Parameter> = crate::templates::params::needed(template, |n| {
            answers
                .param(n)
                .is_some_and(|p| !p.value.expose().is_empty())
        })
        .into_iter()
        .cloned()
        .collect();
        for p in needed {
            let value = self.ask_param(loaded, &p, None)?;
            answers.set_param(&p.name, value, Source::Wizard);
        }
        if !answers.is_open(Field::Params) {
            return Ok(());
        }
        answers.close(Field::Params);
        if !self
            .prompter
            .confirm("Customize template parameters?", false)?
        {
            return Ok(());
        }
        let offered: Vec<&Parameter> = template
            .parameters
            .iter()
            .filter(|p| !OWNED.iter().any(|(o, _)| *o == p.name))
            .collect();
        let items: Vec<String> = offered
            .iter()
            .map(|p| {
                let current = match (answers.param(&p.name), &p.generate) {
                    (Some(_), _) if loaded.model.is_secret(&p.name) => MASK.to_string(),
                    (Some(v), _) => v.value.expose().to_string(),
                    (None, Some(_)) => "generated".to_string(),
                    (None, None) => p.value.clone().unwrap_or_default(),
                };
                format!(
                    "{:<32} = {:<24} {}",
                    p.name,
                    current,
                    first_line(p.description.as_deref().unwrap_or(""))
                )
            })
            .collect();
        for i in self
            .prompter
            .multi_select("Parameters to set (space selects, enter confirms)", &items)?
        {
            let p = offered[i].clone();
            let current = answers.param(&p.name).map(|v| v.value.expose().to_string());
            let value = self.ask_param(loaded, &p, current.as_deref())?;
            if !value.expose().is_empty() {
                answers.set_param(&p.name, value, Source::Wizard);
            }
        }
        Ok(())
    }

    /// One parameter, hidden when secret, checked by the rules every input follows.
    fn ask_param(&self, loaded: &Loaded, p: &Parameter, current: Option<&str>) -> Outcome<Secret> {
        let question = param_question(p);
        let check =
            |v: &str| inputs::check_param_value(&loaded.template, &loaded.model, &p.name, v);
        if loaded.model.is_secret(&p.name) {
            let optional = p.generate.is_some() || !p.required;
            loop {
                let hint = if p.generate.is_some() {
                    " (empty: keep it generated)"
                } else {
                    ""
                };
                let value = if optional {
                    self.prompter
                        .optional_secret(&format!("{question}{hint}"))?
                } else {
                    Some(self.prompter.secret(&question, false)?)
                };
                match value {
                    None => return Ok(Secret::new("")),
                    Some(v) => match check(v.expose()) {
                        Ok(()) => {
                            self.redactor.add_secret(&p.name, &v);
                            return Ok(v);
                        }
                        Err(why) => self.ui.warn(&why),
                    },
                }
            }
        }
        let default = current
            .map(str::to_string)
            .or_else(|| p.value.clone())
            .filter(|d| !d.is_empty());
        self.prompter
            .text(&question, default.as_deref(), |v| check(v))
            .map(Secret::new)
    }

    /// A gateway's name (`gateway add`).
    pub(crate) fn ask_gateway_name(&self) -> Outcome<Given<String>> {
        let v = self.prompter.text(
            "Gateway name (its deployment config, service and routes)",
            Some("apicast-self-managed"),
            inputs::gateway::check_name,
        )?;
        Ok(Given::new(v, Source::Wizard))
    }

    /// Which configuration a new gateway serves.
    pub(crate) fn ask_gateway_environment(
        &self,
    ) -> Outcome<Given<crate::gateway::settings::Environment>> {
        use crate::gateway::settings::Environment;
        let items = [
            "production   the promoted configuration; loads at boot, cached 300 s".to_string(),
            "staging      the latest configuration; loads on each request, no cache".to_string(),
        ];
        let chosen = self.prompter.select("Environment", &items, 0)?;
        let env = if chosen == 0 {
            Environment::Production
        } else {
            Environment::Staging
        };
        Ok(Given::new(env, Source::Wizard))
    }

    /// A gateway's public hosts, comma-separated.
    pub(crate) fn ask_gateway_hosts(&self) -> Outcome<Vec<Given<String>>> {
        let split = |v: &str| -> Vec<String> {
            v.split(',')
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty())
                .collect()
        };
        let v = self.prompter.text(
            "Public host(s) of the gateway, comma-separated (an edge route each)",
            None,
            |v| {
                let hosts = split(v);
                if hosts.is_empty() {
                    return Err("give at least one host, e.g. api.eu.example.com".into());
                }
                hosts.iter().try_for_each(|h| {
                    inputs::gateway::check_host(h).map_err(|e| format!("{h}: {e}"))
                })
            },
        )?;
        Ok(split(&v)
            .into_iter()
            .map(|h| Given::new(h, Source::Wizard))
            .collect())
    }

    /// Proceed with a gateway's changes?
    pub(crate) fn confirm_changes(&self, question: &str) -> Outcome<bool> {
        self.prompter.discard_typeahead();
        self.prompter.confirm(question, true)
    }

    /// A profile of the templates asked for installs another release, and another supported ref
    /// has the right file: offered. Yes takes that ref (the plan is made again).
    pub(crate) fn offer_release_fix(
        &self,
        answers: &mut Answers,
        fix: &crate::templates::release::Fix,
    ) -> Outcome<bool> {
        let TemplatesSource::Git { repo, git_ref } = &answers.templates.value else {
            return Ok(false);
        };
        self.ui.warn(&format!(
            "{} at {git_ref} does not install 3scale {}; {} (commit {}) has the {} file of it, and otherwise the files of the tag",
            fix.path,
            fix.release,
            fix.git_ref,
            crate::templates::release::short(&fix.commit),
            fix.release
        ));
        let question = format!("Use the templates of {} instead?", fix.git_ref);
        self.prompter.discard_typeahead();
        if !self.prompter.confirm(&question, true)? {
            return Ok(false);
        }
        let source = TemplatesSource::Git {
            repo: repo.clone(),
            git_ref: fix.git_ref.clone(),
        };
        answers.templates = Given::new(source, Source::Wizard);
        Ok(true)
    }

    /// The summary before any change: every answer, the decisions, the changes, and the choice.
    pub(crate) fn summary(
        &self,
        cluster: &Cluster,
        rows: &[(Field, String)],
        plan: &Plan,
    ) -> Outcome<Decision> {
        let width = rows
            .iter()
            .map(|(f, _)| f.label().chars().count())
            .max()
            .unwrap_or(0)
            .max("Cluster".len());
        let mut text = format!(
            "\nSummary\n  {:<width$}  {} as {}\n",
            "Cluster", cluster.server, cluster.user
        );
        for (field, value) in rows {
            text.push_str(&format!("  {:<width$}  {value}\n", field.label()));
        }
        text.push_str("\nChanges to the cluster:\n");
        for a in &plan.actions {
            text.push_str(&format!("  - {a}\n"));
        }
        self.prompter.discard_typeahead();
        self.ui.block(&text);
        let choices = [
            "Proceed".to_string(),
            "Change a value".to_string(),
            "Cancel".to_string(),
        ];
        match self.prompter.select("What now?", &choices, 0)? {
            0 => Ok(Decision::Proceed),
            2 => Ok(Decision::Cancel),
            _ => {
                let items: Vec<String> = rows
                    .iter()
                    .map(|(f, v)| format!("{:<width$}  {v}", f.label()))
                    .collect();
                let i = self.prompter.select("Change which value?", &items, 0)?;
                Ok(Decision::Change(rows[i].0))
            }
        }
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("").trim()
}

fn param_question(p: &Parameter) -> String {
    match p
        .description
        .as_deref()
        .map(first_line)
        .filter(|d| !d.is_empty())
    {
        Some(d) => format!("{} ({d})", p.name),
        None => p.name.clone(),
    }
}
