//! The questions of the interactive install, in their order, with defaults discovered from the
//! cluster and the templates, and the summary with Proceed / Change a value / Cancel.
//! Asks through the `Prompter`; draws only through the `Ui`.

use crate::answers::{Answers, Field, TemplatesSource, DEFAULT_REGISTRY};
use crate::cli::{DEFAULT_TEMPLATES_REF, DEFAULT_TEMPLATES_REPO};
use crate::failure::Outcome;
use crate::names;
use crate::prompt::Prompter;
use crate::secrets::{Redactor, MASK};
use crate::steps::app::is_secret_param;
use crate::steps::preflight::Cluster;
use crate::steps::storage::{self, RwxSupport, StorageClass};
use crate::steps::templates::Profile;
use crate::steps::Action;
use crate::template::{Parameter, Template};
use crate::ui::Ui;

pub enum Decision {
    Proceed,
    Change(Field),
    Cancel,
}

pub struct Wizard<'a> {
    pub prompter: &'a Prompter,
    pub ui: &'a Ui,
    pub redactor: &'a Redactor,
}

impl Wizard<'_> {
    /// 1. The cluster: who, where, which version. No stops the run.
    pub fn confirm_cluster(&self, cluster: &Cluster) -> Outcome<bool> {
        self.ui.block(&format!(
            "\n  Cluster  {}\n  User     {}\n  Version  OpenShift {}\n",
            cluster.server, cluster.user, cluster.version
        ));
        self.prompter.confirm("Install on this cluster?", true)
    }

    /// 2. Templates: repository and ref.
    pub fn ask_templates(&self, answers: &mut Answers) -> Outcome<()> {
        let (repo, git_ref) = match &answers.templates {
            TemplatesSource::Git { repo, git_ref } => (repo.clone(), git_ref.clone()),
            TemplatesSource::Dir(_) => (
                DEFAULT_TEMPLATES_REPO.to_string(),
                DEFAULT_TEMPLATES_REF.to_string(),
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
        answers.templates = TemplatesSource::Git { repo, git_ref };
        Ok(())
    }

    /// 3. Install profile, from the template files of the checkout.
    pub fn ask_profile(
        &self,
        profiles: &[Profile],
        current: Option<&str>,
    ) -> Outcome<Option<String>> {
        if profiles.is_empty() {
            return Ok(current.map(str::to_string));
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
        let default = current
            .and_then(|c| profiles.iter().position(|p| p.name == c))
            .unwrap_or(0);
        let chosen = self.prompter.select("Install profile", &items, default)?;
        Ok(Some(profiles[chosen].name.clone()))
    }

    /// 4. Project name and display name.
    pub fn ask_project(&self, current: &str) -> Outcome<String> {
        self.prompter
            .text("Project", Some(current), names::check_project_name)
    }

    pub fn ask_display_name(&self, current: &str) -> Outcome<String> {
        self.prompter
            .text("Project display name", Some(current), |_| Ok(()))
    }

    /// 5. RWX storage class: RWX-capable first and marked, the default class marked.
    ///
    /// `None` when no class could be offered (the caller fails with the reasons).
    pub fn ask_storage_class(
        &self,
        classes: &[StorageClass],
        current: Option<&str>,
    ) -> Outcome<Option<String>> {
        let ordered = storage::offer_order(classes);
        if !ordered
            .iter()
            .any(|c| storage::rwx_support(&c.provisioner) == RwxSupport::Known)
        {
            self.ui.warn(
                "no storage class of this cluster is known to bind ReadWriteMany claims, which system-storage needs. \
                 The amp-s3 install profile keeps system assets in an S3 bucket instead and needs no such class.",
            );
        }
        // Block storage cannot serve system-storage: with nothing else, there is nothing to ask.
        if ordered
            .iter()
            .all(|c| storage::rwx_support(&c.provisioner) == RwxSupport::No)
        {
            return Ok(None);
        }
        let items: Vec<String> = ordered
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
        let mut default = current
            .and_then(|n| ordered.iter().position(|c| c.metadata.name == n))
            .unwrap_or(0);
        loop {
            let i = self.prompter.select(
                "ReadWriteMany storage class for system-storage",
                &items,
                default,
            )?;
            let class = ordered[i];
            if storage::rwx_support(&class.provisioner) == RwxSupport::No {
                self.ui.warn(&format!(
                    "{} binds ReadWriteOnce volumes only ({}); system-storage would stay Pending. Choose another class.",
                    class.metadata.name, class.provisioner
                ));
                default = i;
                continue;
            }
            return Ok(Some(class.metadata.name.clone()));
        }
    }

    /// 6. Wildcard domain, validated inline.
    pub fn ask_domain(&self, default: Option<&str>) -> Outcome<String> {
        self.prompter.text(
            "Wildcard domain of the routes",
            default,
            names::check_wildcard_domain,
        )
    }

    /// 7. Registry server, username and password.
    pub fn ask_registry_server(&self, current: &str) -> Outcome<String> {
        self.prompter.text("Registry server", Some(current), |v| {
            if v.is_empty() || v.contains("://") || v.contains(char::is_whitespace) {
                Err(format!(
                    "give a host such as {DEFAULT_REGISTRY}, without scheme"
                ))
            } else {
                Ok(())
            }
        })
    }

    pub fn ask_registry_username(&self) -> Outcome<String> {
        self.prompter.text(
            "Registry username (e.g. 12345|service-account)",
            None,
            |v| {
                if v.is_empty() {
                    Err("the username cannot be empty".into())
                } else {
                    Ok(())
                }
            },
        )
    }

    pub fn ask_registry_password(&self, twice: bool) -> Outcome<crate::secrets::Secret> {
        let secret = self.prompter.secret("Registry password", twice)?;
        self.redactor.add_named_secret("REGISTRY_PASSWORD", &secret);
        Ok(secret)
    }

    /// A required template parameter that has no default.
    pub fn ask_param(&self, template: &Template, p: &Parameter) -> Outcome<String> {
        let question = param_question(p);
        if is_secret_param(template, &p.name) {
            let s = self.prompter.secret(&question, false)?;
            self.redactor.add_named_secret(&p.name, &s);
            Ok(s.expose().to_string())
        } else {
            self.prompter.text(&question, None, |v| {
                if v.is_empty() {
                    Err("a value is required".into())
                } else {
                    Ok(())
                }
            })
        }
    }

    /// 8. Optional: any other template parameter.
    pub fn customize_params(&self, template: &Template, answers: &mut Answers) -> Outcome<()> {
        if !self
            .prompter
            .confirm("Customize template parameters?", false)?
        {
            return Ok(());
        }
        let offered: Vec<&Parameter> = template
            .parameters
            .iter()
            .filter(|p| p.name != "WILDCARD_DOMAIN" && p.name != "RWX_STORAGE_CLASS")
            .collect();
        let items: Vec<String> = offered
            .iter()
            .map(|p| {
                let current = match (answers.param(&p.name), &p.generate) {
                    (Some(_), _) if is_secret_param(template, &p.name) => MASK.to_string(),
                    (Some(v), _) => v.to_string(),
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
            let p = offered[i];
            if is_secret_param(template, &p.name) {
                let hint = if p.generate.is_some() {
                    " (empty: keep it generated)"
                } else {
                    ""
                };
                if let Some(s) = self
                    .prompter
                    .optional_secret(&format!("{}{hint}", param_question(p)))?
                {
                    self.redactor.add_named_secret(&p.name, &s);
                    answers.set_param(&p.name, s.expose().to_string());
                }
            } else {
                let default = answers
                    .param(&p.name)
                    .map(str::to_string)
                    .or_else(|| p.value.clone());
                let value = self
                    .prompter
                    .text(&param_question(p), default.as_deref(), |_| Ok(()))?;
                answers.set_param(&p.name, value);
            }
        }
        Ok(())
    }

    /// The summary before any change: every answer, the changes, and the choice.
    pub fn summary(
        &self,
        cluster: &Cluster,
        rows: &[(Field, String)],
        actions: &[Action],
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
        for a in actions {
            text.push_str(&format!("  - {a}\n"));
        }
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
