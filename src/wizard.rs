//! The questions of the interactive install. First what the plan is made of (templates, profile,
//! project); then, after each plan, exactly what that plan lacks and a person can give (what it
//! lists as missing, the storage class it could not choose, a domain for the objects it would
//! create), one question at a time, the plan made again after each answer: nothing is asked that
//! the plan does not need. Every answer is checked by the same rules as a flag's value and
//! re-asked with the reason. Asks through the `Prompter`; draws only through the `Ui`. The
//! summary offers Proceed / Change a value / Cancel.

use crate::engine::cluster::Cluster;
use crate::engine::observe::Observer;
use crate::engine::session::Session;
use crate::failure::Outcome;
use crate::inputs::{self, Answers, Field, Given, Source, TemplatesSource};
use crate::install::action::InstallAction;
use crate::install::plan::Plan;
use crate::install::prepare::Prepared;
use crate::install::storage::{self, RwxSupport, StorageClass};
use crate::prompt::{Entry, Prompter};
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

/// The values the plan lacks that a person can give, in the wizard's order: what it lists as
/// missing; the RWX storage class when it could not choose one (its `storage` check failed and
/// no input named a class); the wildcard domain when it would create objects without one (the
/// cluster's own cannot be used).
pub(crate) fn lacking(prepared: &Prepared, answers: &Answers) -> Vec<Field> {
    let plan = &prepared.plan;
    let no_class = plan
        .failed_checks()
        .iter()
        .any(|c| c.id == "storage" && !c.skipped)
        && answers
            .rwx_storage_class
            .as_ref()
            .is_none_or(|c| !c.source.is_given() || c.source == Source::Wizard);
    let no_domain = plan.domain.is_none()
        && answers.wildcard_domain.is_none()
        && creates_objects(plan)
        && prepared
            .profile
            .template
            .parameter("WILDCARD_DOMAIN")
            .is_some();
    Field::ALL
        .into_iter()
        .filter(|f| {
            plan.missing.iter().any(|m| m.field == Some(*f))
                || (*f == Field::StorageClass && no_class)
                || (*f == Field::WildcardDomain && no_domain)
        })
        .collect()
}

/// Whether the plan creates objects of the template (a new install, or the missing objects of
/// one).
pub(crate) fn creates_objects(plan: &Plan) -> bool {
    plan.actions
        .iter()
        .any(|a| matches!(a, InstallAction::CreateObjects(_)))
}

/// What choosing to change `field` at the summary asks: a new registry login needs its password
/// typed again (the pull secret would otherwise keep the old one).
pub(crate) fn to_change(field: Field) -> Vec<Field> {
    match field {
        Field::RegistryServer => vec![
            Field::RegistryServer,
            Field::RegistryUsername,
            Field::RegistryPassword,
        ],
        Field::RegistryUsername => vec![Field::RegistryUsername, Field::RegistryPassword],
        other => vec![other],
    }
}

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

    /// What the plan is made of, when open or chosen for a change: the templates (another
    /// repository or ref when they cannot be fetched), the profile, the project.
    pub(crate) fn ask_identity(
        &self,
        answers: &mut Answers,
        session: &Session,
        changing: &mut Vec<Field>,
    ) -> Outcome<()> {
        let wanted = |answers: &Answers, changing: &mut Vec<Field>, f: Field| {
            let chosen = changing.contains(&f);
            changing.retain(|c| *c != f);
            answers.is_open(f) || chosen
        };
        let mut ask_templates = wanted(answers, changing, Field::Templates);
        let checkout = loop {
            if ask_templates {
                self.ask_templates(answers)?;
            }
            match session.checkout(&answers.templates.value, answers.refresh_templates) {
                Ok(c) => break c,
                Err(f) => {
                    // A person can name another repository or ref.
                    self.ui.warn(&f.message());
                    ask_templates = true;
                }
            }
        };
        answers.close(Field::Templates);
        if wanted(answers, changing, Field::Profile) {
            self.ask_profile(answers, &profiles::list(&checkout.dir))?;
        }
        if wanted(answers, changing, Field::Project) {
            let v = self.prompter.text(
                "Project",
                Some(&answers.project.value),
                inputs::check_project,
            )?;
            answers.project = Given::new(v, Source::Wizard);
            answers.close(Field::Project);
        }
        Ok(())
    }

    /// One value the plan lacks, or that the person chose to change.
    pub(crate) fn ask(
        &self,
        field: Field,
        answers: &mut Answers,
        observer: &Observer,
        prepared: &Prepared,
    ) -> Outcome<()> {
        match field {
            Field::DisplayName => {
                let v = self.prompter.text(
                    "Project display name",
                    Some(&answers.display_name.value),
                    |_| Ok(()),
                )?;
                answers.display_name = Given::new(v, Source::Wizard);
            }
            Field::StorageClass => match observer.storage_classes()? {
                Ok(classes) => self.ask_storage_class(answers, &classes)?,
                Err(why) => {
                    // Some clusters hide their classes from project users: a name is trusted.
                    self.ui.warn(&format!("{why}: name a class that binds ReadWriteMany claims (a cluster admin knows it)"));
                    let v = self.prompter.text(
                        "ReadWriteMany storage class for system-storage",
                        None,
                        |v| match v.is_empty() {
                            true => Err("name a storage class".into()),
                            false => Ok(()),
                        },
                    )?;
                    answers.rwx_storage_class = Some(Given::new(v, Source::Wizard));
                }
            },
            Field::WildcardDomain => self.ask_domain(answers, observer)?,
            Field::RegistryServer => {
                let v = self.prompter.text(
                    "Registry server",
                    Some(&answers.registry.server.value),
                    inputs::check_registry_server,
                )?;
                answers.registry.server = Given::new(v, Source::Wizard);
            }
            Field::RegistryUsername => self.ask_username(answers, prepared)?,
            Field::RegistryPassword => self.ask_password(answers)?,
            Field::Params => self.ask_needed_params(answers, prepared)?,
            Field::Templates | Field::Profile | Field::Project => {}
        }
        // The parameters stay open for "Customize template parameters?".
        if field != Field::Params {
            answers.close(field);
        }
        Ok(())
    }

    /// After the registry refused the login: the username and the password again.
    pub(crate) fn ask_login_again(
        &self,
        answers: &mut Answers,
        prepared: &Prepared,
    ) -> Outcome<()> {
        self.ask_username(answers, prepared)?;
        self.ask_password(answers)
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
        let entries: Vec<Entry> = profiles
            .iter()
            .map(|p| {
                let preview = if p.name.contains("tech-preview") {
                    " [tech preview]"
                } else {
                    ""
                };
                Entry::new(&p.name).column(format!("{}{preview}", first_line(&p.description)))
            })
            .collect();
        let default = profiles
            .iter()
            .position(|p| p.name == answers.profile.value)
            .unwrap_or(0);
        let chosen = self.prompter.select("Install profile", &entries, default)?;
        answers.profile = Given::new(profiles[chosen].name.clone(), Source::Wizard);
        Ok(())
    }

    /// RWX-capable classes first and marked; block storage explained; the S3 profile offered
    /// when nothing fits (choosing it changes the profile: the next plan asks what it needs).
    fn ask_storage_class(&self, answers: &mut Answers, classes: &[StorageClass]) -> Outcome<()> {
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
        let mut entries: Vec<Entry> = ordered
            .iter()
            .map(|c| {
                let mark = match storage::rwx_support(&c.provisioner) {
                    RwxSupport::Known => "RWX",
                    RwxSupport::Unknown => "RWX?",
                    RwxSupport::No => "RWO only",
                };
                let default = if c.is_default() { ", default" } else { "" };
                Entry::new(&c.metadata.name)
                    .column(mark)
                    .column(format!("({}{default})", c.provisioner))
            })
            .collect();
        let offer_s3 = answers.profile.value != S3_PROFILE;
        if offer_s3 {
            entries.push(
                Entry::new(S3_PROFILE)
                    .column("profile")
                    .column("(use the S3 profile: system assets in a bucket, no RWX class)"),
            );
        }
        // The recommended entry: the class named before (when it can be used), the first
        // RWX-capable one, or the S3 profile when none is.
        let recommended = answers
            .rwx_storage_class
            .as_ref()
            .and_then(|n| ordered.iter().position(|c| c.metadata.name == n.value))
            .filter(|i| storage::rwx_support(&ordered[*i].provisioner) != RwxSupport::No)
            .unwrap_or(if capable || !offer_s3 {
                0
            } else {
                entries.len() - 1
            });
        loop {
            let i = self.prompter.select(
                "ReadWriteMany storage class for system-storage",
                &entries,
                recommended,
            )?;
            if i == ordered.len() {
                answers.profile = Given::new(S3_PROFILE.to_string(), Source::Wizard);
                answers.rwx_storage_class = None;
                return Ok(());
            }
            let class = ordered[i];
            if storage::rwx_support(&class.provisioner) == RwxSupport::No {
                // Asked again with the cursor back on the recommended entry.
                self.ui.warn(&format!(
                    "{} binds ReadWriteOnce volumes only ({}); system-storage would stay Pending. Choose another class.",
                    class.metadata.name, class.provisioner
                ));
                continue;
            }
            answers.rwx_storage_class =
                Some(Given::new(class.metadata.name.clone(), Source::Wizard));
            return Ok(());
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

    /// The registry username; the one the project's pull secret holds is the default.
    fn ask_username(&self, answers: &mut Answers, prepared: &Prepared) -> Outcome<()> {
        let server = &answers.registry.server.value;
        let held = match pull_secret::observe(prepared.project.objects(), server) {
            pull_secret::Observed::Present(Some(e)) => e.username,
            _ => None,
        };
        let default = answers
            .registry
            .username
            .as_ref()
            .map(|u| u.value.clone())
            .or(held);
        let v = self.prompter.text(
            "Registry username (e.g. 12345|service-account)",
            default.as_deref(),
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
        Ok(())
    }

    /// The registry password, always typed (hidden): asked only when the plan needs one.
    fn ask_password(&self, answers: &mut Answers) -> Outcome<()> {
        let secret = self
            .prompter
            .secret("Registry password", answers.registry.confirm)?;
        self.redactor.add_secret("REGISTRY_PASSWORD", &secret);
        answers.registry.password = Some(Given::new(secret, Source::Wizard));
        answers.close(Field::RegistryPassword);
        Ok(())
    }

    /// The required parameters the plan has no value for: neither given nor held by an object
    /// of the install that exists.
    fn ask_needed_params(&self, answers: &mut Answers, prepared: &Prepared) -> Outcome<()> {
        let known = |n: &str| {
            prepared
                .plan
                .values
                .iter()
                .any(|v| v.name == n && !v.value.expose().is_empty())
                || answers
                    .param(n)
                    .is_some_and(|p| !p.value.expose().is_empty())
        };
        let loaded = &prepared.profile;
        let needed: Vec<Parameter> = crate::templates::params::needed(&loaded.template, known)
            .into_iter()
            .cloned()
            .collect();
        for p in needed {
            let value = self.ask_param(loaded, &p, None)?;
            answers.set_param(&p.name, value, Source::Wizard);
        }
        Ok(())
    }

    /// "Customize template parameters?", then any parameter; false when declined.
    pub(crate) fn customize_params(&self, answers: &mut Answers, loaded: &Loaded) -> Outcome<bool> {
        answers.close(Field::Params);
        if !self
            .prompter
            .confirm("Customize template parameters?", false)?
        {
            return Ok(false);
        }
        self.choose_params(answers, loaded)?;
        Ok(true)
    }

    /// Every parameter the installer does not set itself, with its value and description; the
    /// chosen ones asked.
    pub(crate) fn choose_params(&self, answers: &mut Answers, loaded: &Loaded) -> Outcome<()> {
        let offered: Vec<&Parameter> = loaded
            .template
            .parameters
            .iter()
            .filter(|p| !OWNED.iter().any(|(o, _)| *o == p.name))
            .collect();
        let entries: Vec<Entry> = offered
            .iter()
            .map(|p| {
                let current = match (answers.param(&p.name), &p.generate) {
                    (Some(_), _) if loaded.model.is_secret(&p.name) => MASK.to_string(),
                    (Some(v), _) => v.value.expose().to_string(),
                    (None, Some(_)) => "generated".to_string(),
                    (None, None) => p.value.clone().unwrap_or_default(),
                };
                Entry::new(&p.name)
                    .column(format!("= {current}"))
                    .column(first_line(p.description.as_deref().unwrap_or("")))
            })
            .collect();
        for i in self.prompter.multi_select(
            "Parameters to set (space selects, enter confirms)",
            &entries,
        )? {
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
        let entries = [
            Entry::new("production")
                .column("the promoted configuration; loads at boot, cached 300 s"),
            Entry::new("staging")
                .column("the latest configuration; loads on each request, no cache"),
        ];
        let chosen = self.prompter.select("Environment", &entries, 0)?;
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

    /// The summary before any change: every answer and the choice. The changes are the plan's,
    /// listed just above it.
    /// The plan cannot go ahead (its problems are printed above): change a value, or cancel.
    /// The value to change, or `None` to cancel.
    pub(crate) fn after_problems(&self, rows: &[(Field, String)]) -> Outcome<Option<Field>> {
        self.prompter.discard_typeahead();
        let choices = [Entry::new("Change a value"), Entry::new("Cancel")];
        if self
            .prompter
            .select("The plan cannot go ahead as it is. What now?", &choices, 0)?
            == 1
        {
            return Ok(None);
        }
        self.which_value(rows).map(Some)
    }

    /// "Change which value?" among the summary's rows.
    fn which_value(&self, rows: &[(Field, String)]) -> Outcome<Field> {
        let entries: Vec<Entry> = rows
            .iter()
            .map(|(f, v)| Entry::new(f.label()).column(v))
            .collect();
        let i = self.prompter.select("Change which value?", &entries, 0)?;
        Ok(rows[i].0)
    }

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
        let n = plan.actions.len();
        text.push_str(&format!(
            "\n{n} change{} to the cluster, listed above under plan.\n",
            if n == 1 { "" } else { "s" }
        ));
        self.prompter.discard_typeahead();
        self.ui.block(&text);
        let choices = [
            Entry::new("Proceed"),
            Entry::new("Change a value"),
            Entry::new("Cancel"),
        ];
        match self.prompter.select("What now?", &choices, 0)? {
            0 => Ok(Decision::Proceed),
            2 => Ok(Decision::Cancel),
            _ => self.which_value(rows).map(Decision::Change),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changing_the_registry_login_asks_its_password_again() {
        assert_eq!(
            to_change(Field::RegistryServer),
            [
                Field::RegistryServer,
                Field::RegistryUsername,
                Field::RegistryPassword
            ]
        );
        assert_eq!(
            to_change(Field::RegistryUsername),
            [Field::RegistryUsername, Field::RegistryPassword]
        );
        assert_eq!(
            to_change(Field::RegistryPassword),
            [Field::RegistryPassword]
        );
        assert_eq!(to_change(Field::Project), [Field::Project]);
    }
}
